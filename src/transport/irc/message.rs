//! Reading one IRC line: `@tags :prefix COMMAND params :trailing`, tags unescaped
//! (IRCv3 message-tags). Written here rather than taken from `irc-proto`, whose typed
//! commands leave out the numerics crieur needs (WHOX 354, WHOIS 330) and which would
//! still need this generic view. Pure.

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
    /// Parses a line (without CR LF). `None` for an empty or commandless line.
    pub fn parse(line: &str) -> Option<Message> {
        let mut rest = line.trim_end_matches(['\r', '\n']);
        let mut msg = Message::default();
        if let Some(tail) = rest.strip_prefix('@') {
            let (tags, after) = tail.split_once(' ')?;
            for tag in tags.split(';').filter(|t| !t.is_empty()) {
                let (key, value) = tag.split_once('=').unwrap_or((tag, ""));
                msg.tags.insert(key.to_string(), unescape(value));
            }
            rest = after.trim_start_matches(' ');
        }
        if let Some(tail) = rest.strip_prefix(':') {
            let (prefix, after) = tail.split_once(' ')?;
            msg.prefix = Some(prefix.to_string());
            rest = after.trim_start_matches(' ');
        }
        let (command, mut rest) = rest.split_once(' ').unwrap_or((rest, ""));
        if command.is_empty() {
            return None;
        }
        msg.command = command.to_ascii_uppercase();
        loop {
            rest = rest.trim_start_matches(' ');
            if rest.is_empty() {
                break;
            }
            if let Some(trailing) = rest.strip_prefix(':') {
                msg.params.push(trailing.to_string());
                break;
            }
            let (param, after) = rest.split_once(' ').unwrap_or((rest, ""));
            msg.params.push(param.to_string());
            rest = after;
        }
        Some(msg)
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

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(':') => out.push(';'),
            Some('s') => out.push(' '),
            Some('\\') => out.push('\\'),
            Some('r') => out.push('\r'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
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
}
