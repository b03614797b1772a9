//! Reading one IRC line with `irc-proto`, the protocol half of the `irc` crate: IRCv3 tags
//! (unescaped), prefix, command and parameters. crieur's rules read every command the same
//! way, by name (numerics as their three digits) and parameters in order, so the typed
//! commands of `irc-proto` are seen here as that. Pure.

use irc_proto::Command;
use irc_proto::message::Tag;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    pub tags: HashMap<String, String>,
    /// `nick!user@host` or a server name.
    pub prefix: Option<String>,
    /// Uppercased command or three-digit numeric.
    pub command: String,
    pub params: Vec<String>,
}

impl Message {
    /// Parses a line (with or without CR LF). `None` for an empty or commandless line.
    pub fn parse(line: &str) -> Option<Message> {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            return None;
        }
        let proto: irc_proto::Message = line.parse().ok()?;
        let (command, params) = by_name(proto.command);
        if command.is_empty() {
            return None;
        }
        Some(Message {
            tags: proto
                .tags
                .unwrap_or_default()
                .into_iter()
                .map(|Tag(key, value)| (key, value.unwrap_or_default()))
                .collect(),
            prefix: proto.prefix.map(|p| p.to_string()),
            command,
            params,
        })
    }

    /// The nick of the prefix, if it names a user.
    pub fn nick(&self) -> Option<&str> {
        let prefix = self.prefix.as_deref()?;
        let nick = prefix.split('!').next()?;
        (prefix.contains('!') || !nick.contains('.')).then_some(nick)
    }

    pub fn param(&self, i: usize) -> &str {
        self.params.get(i).map_or("", String::as_str)
    }

    /// The last parameter (the text of a PRIVMSG, the reason of an ERROR).
    pub fn trailing(&self) -> &str {
        self.params.last().map_or("", String::as_str)
    }
}

/// A command by name and parameters in order. The commands crieur reads (and any numeric or
/// command `irc-proto` does not type) keep every parameter; others only their name.
fn by_name(command: Command) -> (String, Vec<String>) {
    let some = |v: Vec<Option<String>>| v.into_iter().flatten().collect::<Vec<_>>();
    let (name, params) = match command {
        Command::Response(code, params) => (format!("{:03}", code as u16), params),
        Command::Raw(name, params) => (name, params),
        Command::PRIVMSG(target, text) => ("PRIVMSG".into(), vec![target, text]),
        Command::NOTICE(target, text) => ("NOTICE".into(), vec![target, text]),
        Command::PING(a, b) => ("PING".into(), some(vec![Some(a), b])),
        Command::PONG(a, b) => ("PONG".into(), some(vec![Some(a), b])),
        Command::ERROR(reason) => ("ERROR".into(), vec![reason]),
        Command::NICK(nick) => ("NICK".into(), vec![nick]),
        Command::JOIN(channels, keys, name) => {
            ("JOIN".into(), some(vec![Some(channels), keys, name]))
        }
        Command::PART(channels, reason) => ("PART".into(), some(vec![Some(channels), reason])),
        Command::KICK(channel, nick, reason) => {
            ("KICK".into(), some(vec![Some(channel), Some(nick), reason]))
        }
        Command::QUIT(reason) => ("QUIT".into(), some(vec![reason])),
        Command::CAP(target, sub, arg, param) => (
            "CAP".into(),
            some(vec![target, Some(sub.to_str().to_string()), arg, param]),
        ),
        Command::AUTHENTICATE(data) => ("AUTHENTICATE".into(), vec![data]),
        Command::ACCOUNT(account) => ("ACCOUNT".into(), vec![account]),
        other => {
            let line = String::from(&other);
            let name = line.split(' ').next().unwrap_or_default().to_string();
            (name, Vec::new())
        }
    };
    (name.to_ascii_uppercase(), params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_prefix_and_params() {
        let m = Message::parse("@account=alice;time=2026-01-01T00:00:00.000Z;+x=a\\sb :alice!a@host PRIVMSG #chan :hello there\r\n").unwrap();
        assert_eq!(m.tags.get("account").map(String::as_str), Some("alice"));
        assert_eq!(m.tags.get("+x").map(String::as_str), Some("a b"));
        assert_eq!(m.nick(), Some("alice"));
        assert_eq!(m.command, "PRIVMSG");
        assert_eq!(m.params, vec!["#chan", "hello there"]);
    }

    #[test]
    fn parses_numerics_and_bare_commands() {
        let m = Message::parse(":irc.test.local 001 crieur :Welcome").unwrap();
        assert_eq!((m.command.as_str(), m.nick()), ("001", None));
        assert_eq!(m.params, vec!["crieur", "Welcome"]);
        let m = Message::parse("PING :12345").unwrap();
        assert_eq!((m.command.as_str(), m.trailing()), ("PING", "12345"));
        let m = Message::parse(":s CAP * LS * :sasl message-tags").unwrap();
        assert_eq!(m.params, vec!["*", "LS", "*", "sasl message-tags"]);
        assert_eq!(Message::parse(""), None);
    }

    #[test]
    fn reads_what_registration_and_lookups_need() {
        let m = Message::parse(":s CAP crieur ACK :sasl message-tags").unwrap();
        assert_eq!(m.params, vec!["crieur", "ACK", "sasl message-tags"]);
        let m = Message::parse("AUTHENTICATE +").unwrap();
        assert_eq!((m.command.as_str(), m.trailing()), ("AUTHENTICATE", "+"));
        let m = Message::parse(":s 354 crieur 152 alice orga").unwrap();
        assert_eq!(m.command, "354");
        assert_eq!(m.params, vec!["crieur", "152", "alice", "orga"]);
        let m = Message::parse(":s 330 crieur alice orga :is logged in as").unwrap();
        assert_eq!((m.command.as_str(), m.param(2)), ("330", "orga"));
        let m = Message::parse(":alice!a@h KICK #c crieur :bye").unwrap();
        assert_eq!(m.params, vec!["#c", "crieur", "bye"]);
        let m = Message::parse(":crieur!c@h JOIN #c").unwrap();
        assert_eq!(
            (m.command.as_str(), m.param(0), m.nick()),
            ("JOIN", "#c", Some("crieur"))
        );
        let m = Message::parse("@account=orga :orga!o@h PRIVMSG #c ::) tags\r\n").unwrap();
        assert_eq!(m.trailing(), ":) tags");
        assert_eq!(Message::parse("   "), None);
    }
}
