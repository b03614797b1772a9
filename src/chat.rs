//! What every layer says about chat, whatever the network: which network, which room, who
//! said what. Low in the layers: the store files messages by network and room, the bot
//! reads messages, transports make them.

use serde::{Deserialize, Serialize};

/// A chat network crieur serves. Written `irc` and `matrix` in the store and in keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    Irc,
    Matrix,
}

impl Network {
    pub fn name(self) -> &'static str {
        match self {
            Network::Irc => "irc",
            Network::Matrix => "matrix",
        }
    }

    /// The network named `irc` or `matrix`, as the store writes it.
    pub fn from_name(name: &str) -> Option<Network> {
        [Network::Irc, Network::Matrix]
            .into_iter()
            .find(|n| n.name() == name)
    }

    /// The network a room's name belongs to: `#channel` on IRC, `#alias:server` and
    /// `!id:server` on Matrix.
    pub fn of_room(room: &str) -> Option<Network> {
        match room.chars().next()? {
            '#' | '!' if room.contains(':') => Some(Network::Matrix),
            '#' | '&' => Some(Network::Irc),
            _ => None,
        }
    }
}

impl std::fmt::Display for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a message was said.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Room {
    /// A channel name, a Matrix room id, or the nick of a private conversation.
    pub id: String,
    pub direct: bool,
}

/// Who said it. `account` is what organiser checks trust; `name` is only for addressing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub name: String,
    pub account: Option<String>,
    /// The network vouches that this sender organises the room (on Matrix, a power level at
    /// or above the configured one), whether or not the account is listed.
    pub room_organiser: bool,
}

/// A message for the bot, from any network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub room: Room,
    pub sender: Sender,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_names_tell_their_network() {
        assert_eq!(Network::of_room("#georchestra"), Some(Network::Irc));
        assert_eq!(Network::of_room("#geo:osgeo.org"), Some(Network::Matrix));
        assert_eq!(Network::of_room("!abc:osgeo.org"), Some(Network::Matrix));
        assert_eq!(Network::of_room("georchestra"), None);
        assert_eq!(
            serde_json::to_string(&Network::Matrix).unwrap(),
            "\"matrix\""
        );
    }
}
