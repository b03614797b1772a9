//! IRC lines as crieur writes them: content cleaned of every control character (a CR or LF
//! from a post can never start a new protocol command, a \x01 never opens a CTCP), split on
//! UTF-8 character boundaries so that each line fits the 512-byte limit with the prefix
//! the server adds when relaying it. Pure.

use irc_proto::Command;

/// Bytes the server adds in front of our lines when relaying them: `:nick!user@host `.
/// Hosts can be 63 bytes and cloaks long; this leaves room for the longest.
pub const RELAY_PREFIX: usize = 1 + 32 + 1 + 12 + 1 + 64 + 1;

/// The protocol's limit, CR LF included.
pub const MAX_LINE: usize = 512;

/// Text with every control character (CR, LF, NUL, \x01, IRC colours) replaced by a space,
/// and without invisible characters that change how text displays.
pub fn clean(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !crate::unicode::is_deceptive(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.trim().to_string()
}

/// `PRIVMSG`/`NOTICE` lines saying `text` to `target`, each within the limit once the
/// server has put a `relay`-byte prefix in front (`RELAY_PREFIX` when unknown). Written by
/// `irc-proto` from its commands.
pub fn message(command: &str, target: &str, text: &str, relay: usize) -> Vec<String> {
    let target = clean(target).replace(' ', "");
    let head = format!("{command} {target} :");
    let room = MAX_LINE.saturating_sub(2 + relay + head.len()).max(64);
    let notice = command.eq_ignore_ascii_case("NOTICE");
    split(&clean(text), room)
        .into_iter()
        .map(|chunk| {
            let command = if notice {
                Command::NOTICE(target.clone(), chunk)
            } else {
                Command::PRIVMSG(target.clone(), chunk)
            };
            String::from(&command)
        })
        .collect()
}

/// The answer to a server's `PING`, carrying its token back.
pub fn pong(token: &str) -> String {
    String::from(&Command::PONG(clean(token).replace(' ', ""), None))
}

/// A CTCP reply (`\x01VERSION crieur 0.1\x01`) in a NOTICE.
pub fn ctcp_reply(target: &str, command: &str, args: &str) -> String {
    let body = clean(&format!("{command} {args}"));
    let target = clean(target).replace(' ', "");
    let max = MAX_LINE - 2 - RELAY_PREFIX - 1 - format!("NOTICE {target} :").len();
    let mut body = format!("\u{1}{body}");
    while body.len() > max {
        body.pop();
    }
    body.push('\u{1}');
    String::from(&Command::NOTICE(target, body))
}

/// Splits `text` into pieces of at most `max` bytes, on character boundaries, at a space
/// when there is one in the second half of the piece.
pub fn split(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = rest[..cut].rfind(' ').filter(|s| *s > max / 2) {
            cut = space;
        }
        out.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// RFC 1459 case folding, for comparing nicks and channels.
pub fn irc_lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '[' => '{',
            ']' => '}',
            '\\' => '|',
            '~' => '^',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A CTCP request in a message body: `\x01VERSION\x01` → ("VERSION", "").
pub fn ctcp(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('\u{1}')?;
    let inner = inner.strip_suffix('\u{1}').unwrap_or(inner);
    Some(inner.split_once(' ').unwrap_or((inner, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_cannot_inject_commands_or_ctcp() {
        let lines = message(
            "PRIVMSG",
            "#c",
            "title\r\nQUIT :x \u{1}ACTION\u{1}",
            RELAY_PREFIX,
        );
        assert_eq!(lines, vec!["PRIVMSG #c :title  QUIT :x  ACTION"]);
        assert_eq!(
            message("PRIVMSG", "#c\r\nQUIT", "hi", RELAY_PREFIX),
            vec!["PRIVMSG #cQUIT hi"]
        );
    }

    #[test]
    fn long_text_is_split_on_character_boundaries_within_512_bytes() {
        let text = "é".repeat(400);
        let lines = message("PRIVMSG", "#chan", &text, RELAY_PREFIX);
        assert!(lines.len() >= 2);
        for l in &lines {
            assert!(l.len() + 2 + RELAY_PREFIX <= MAX_LINE, "{}", l.len());
        }
        let joined: String = lines
            .iter()
            .map(|l| {
                super::super::message::Message::parse(l)
                    .unwrap()
                    .trailing()
                    .to_string()
            })
            .collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn prefers_to_split_at_spaces() {
        assert_eq!(split("aaaa bbbb cccc", 9), vec!["aaaa bbbb", "cccc"]);
        assert_eq!(split("", 9), vec![""]);
    }

    #[test]
    fn reads_ctcp_and_folds_nicks() {
        assert_eq!(ctcp("\u{1}VERSION\u{1}"), Some(("VERSION", "")));
        assert_eq!(ctcp("\u{1}PING 123\u{1}"), Some(("PING", "123")));
        assert_eq!(ctcp("hello"), None);
        assert_eq!(irc_lower("Nick[A]"), "nick{a}");
        assert!(ctcp_reply("bob", "VERSION", "crieur").ends_with('\u{1}'));
    }
}
