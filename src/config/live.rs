//! What a running crieur takes from a re-read config, and what waits for a restart. Rooms,
//! organisers, invites, reminders, announcements, help entries and sites are taken at
//! once; the connections (server, nick, login, throttle), the HTTP address, the store, the
//! time zone and the languages are those crieur started with.

use super::Config;

/// The keys whose change in `new` only a restart brings into effect, as the file writes
/// them (`irc.server` is reported as `irc`).
pub fn restart_needed(old: &Config, new: &Config) -> Vec<&'static str> {
    let mut keys = Vec::new();
    let irc = |c: &Config| {
        c.irc.clone().map(|mut irc| {
            irc.channels.clear();
            irc.organisers.clear();
            irc
        })
    };
    if irc(old) != irc(new) {
        keys.push("irc");
    }
    let matrix = |c: &Config| {
        c.matrix.clone().map(|mut m| {
            m.rooms.clear();
            m.organisers.clear();
            m.organiser_power_level = None;
            m.invites_from.clear();
            m
        })
    };
    if matrix(old) != matrix(new) {
        keys.push("matrix");
    }
    if old.http != new.http {
        keys.push("http");
    }
    if old.data_dir != new.data_dir {
        keys.push("data_dir");
    }
    if old.timezone != new.timezone {
        keys.push("timezone");
    }
    if old.languages != new.languages {
        keys.push("languages");
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(text: &str) -> Config {
        Config::parse(
            &format!("{text}\n[[site]]\npath = \".\"\n"),
            Path::new("crieur.toml"),
        )
        .expect("a valid config")
    }

    const IRC: &str = "[irc]\nserver = \"irc.example.org\"\nnick = \"crieur\"\n";

    #[test]
    fn rooms_and_organisers_are_taken_at_once_connections_at_a_restart() {
        let old = config(&format!("{IRC}[[irc.channel]]\nname = \"#a\"\n"));
        let rooms = config(&format!(
            "{IRC}organisers = [\"alice\"]\n[[irc.channel]]\nname = \"#a\"\n[[irc.channel]]\nname = \"#b\"\n[reminders]\nevent_days = [2]\n"
        ));
        assert!(restart_needed(&old, &rooms).is_empty());
        let server = config(&format!(
            "{}[[irc.channel]]\nname = \"#a\"\n",
            IRC.replace("irc.example.org", "irc.libera.chat")
        ));
        assert_eq!(restart_needed(&old, &server), ["irc"]);
        let more = config(&format!(
            "timezone = \"America/Bogota\"\n{IRC}[[irc.channel]]\nname = \"#a\"\n[http]\nlisten = \"127.0.0.1:8080\"\n[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@c:m.org\"\npassword_env = \"P\"\n[[matrix.room]]\nid = \"#r:m.org\"\n"
        ));
        assert_eq!(restart_needed(&old, &more), ["matrix", "http", "timezone"]);
    }
}
