//! Where to get help, read from a site's help pages ("Community", "Contact"): mailing lists
//! with their address, subscribe link and purpose, chat rooms (Matrix, IRC), the bug
//! tracker, the security contact and its instruction, the steering committee, the
//! documentation. Pure: a page's blocks in, entries out.

use super::lang::Language;
use super::sentence;
use super::token::{Kind, tokenize};
use crate::post::{Block, BlockKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    MailingList,
    Chat,
    BugTracker,
    Security,
    Steering,
    Documentation,
    Other,
}

impl Topic {
    pub fn parse(name: &str) -> Option<Topic> {
        Some(
            match name
                .trim()
                .to_ascii_lowercase()
                .replace(['-', ' '], "_")
                .as_str()
            {
                "mailing_list" | "mailing_lists" | "list" => Topic::MailingList,
                "chat" | "irc" | "matrix" => Topic::Chat,
                "bug_tracker" | "bugs" | "issues" => Topic::BugTracker,
                "security" => Topic::Security,
                "steering" | "steering_committee" => Topic::Steering,
                "documentation" | "docs" => Topic::Documentation,
                "other" => Topic::Other,
                _ => return None,
            },
        )
    }
}

/// One way to get help, as a page (or the admin) describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HelpEntry {
    pub topic: Topic,
    pub lang: Language,
    /// What the page says about it: the sentence or list item, as written.
    pub text: String,
    /// An address to write to or a room to join: `georchestra@googlegroups.com`,
    /// `#georchestra:osgeo.org`, `#georchestra on irc.libera.chat`.
    pub address: Option<String>,
    pub link: Option<String>,
}

/// Reads the help entries of a help page.
pub fn entries(blocks: &[Block], lang: Language) -> Vec<HelpEntry> {
    let mut out: Vec<HelpEntry> = Vec::new();
    for block in blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Heading(_)))
    {
        let mut folded = String::new();
        let tokens = tokenize(&block.text, &mut folded);
        let words = sentence::words(&tokens);
        let emails: Vec<String> = tokens
            .iter()
            .filter(|t| t.kind == Kind::Url && t.text.contains('@') && !t.text.contains("://"))
            .map(|t| t.text.trim_start_matches("mailto:").to_string())
            .chain(
                block
                    .links
                    .iter()
                    .filter_map(|l| l.url.strip_prefix("mailto:").map(str::to_string)),
            )
            .collect();
        // "duchessfr [at] gmail.com": an address written so that robots miss it, kept so.
        let emails: Vec<String> = emails
            .into_iter()
            .chain(obfuscated_emails(&block.text))
            .collect();
        let text = block.text.replace('\n', " ");
        let mut push = |topic, address: Option<String>, link: Option<String>| {
            let dup = out
                .iter()
                .any(|e| e.topic == topic && e.address == address && e.link == link);
            if !dup {
                out.push(HelpEntry {
                    topic,
                    lang,
                    text: text.clone(),
                    address,
                    link,
                });
            }
        };
        let security = sentence::has_stem(&words, &["secur", "segur", "vulnerab"]);
        let steering = sentence::has_phrase(&words, &["steering", "committee"])
            || sentence::has_phrase(&words, &["comite", "de", "pilotage"])
            || sentence::has_phrase(&words, &["comite", "directivo"])
            || words.contains(&"psc");
        let list_words = sentence::has_stem(
            &words,
            &[
                "mailing",
                "liste",
                "lista",
                "diffusion",
                "correo",
                "newsletter",
            ],
        );
        for email in &emails {
            let link = block
                .links
                .iter()
                .find(|l| l.text.contains(email.as_str()) && !l.url.starts_with("mailto:"))
                .map(|l| l.url.clone());
            if security {
                push(Topic::Security, Some(email.clone()), None);
            } else if steering && !is_list_address(email) {
                push(Topic::Steering, Some(email.clone()), None);
            } else if list_words || is_list_address(email) {
                push(Topic::MailingList, Some(email.clone()), link);
            } else {
                push(Topic::Other, Some(email.clone()), None);
            }
        }
        for l in &block.links {
            if l.url.starts_with("mailto:") || emails.iter().any(|e| l.text.contains(e.as_str())) {
                continue;
            }
            let mut link_tokens_folded = String::new();
            let link_tokens = tokenize(&l.text, &mut link_tokens_folded);
            let link_words = sentence::words(&link_tokens);
            if let Some(address) = chat_room(&l.url).or_else(|| chat_service(&l.url)) {
                push(Topic::Chat, Some(address), Some(l.url.clone()));
            } else if is_list_link(&l.url) {
                push(Topic::MailingList, None, Some(l.url.clone()));
            } else if is_bug_tracker(&l.url, &link_words, &words) {
                push(Topic::BugTracker, None, Some(l.url.clone()));
            } else if sentence::has_stem(
                &link_words,
                &[
                    "documentation",
                    "doc",
                    "manual",
                    "guide",
                    "wiki",
                    "handbook",
                ],
            ) {
                push(Topic::Documentation, None, Some(l.url.clone()));
            }
        }
    }
    out
}

fn is_list_address(email: &str) -> bool {
    let host = email.rsplit('@').next().unwrap_or("");
    host.contains("googlegroups")
        || host.starts_with("lists.")
        || host.starts_with("listes.")
        || host.starts_with("groups.")
}

fn is_list_link(url: &str) -> bool {
    [
        "groups.google.",
        "/mailman/",
        "/sympa/",
        "lists.",
        "listes.",
        "/mailing-list",
        "/g/",
    ]
    .iter()
    .any(|k| url.contains(k))
        && !url.contains("github.com")
}

fn is_bug_tracker(url: &str, link_words: &[&str], words: &[&str]) -> bool {
    let bug_words = ["bug", "issue", "ticket", "incidenc", "fallo", "anomal"];
    let path_is_tracker = url
        .split(['?', '#'])
        .next()
        .is_some_and(|p| p.trim_end_matches('/').ends_with("/issues"))
        || url.contains("bugzilla")
        || url.contains("/bugs");
    let says_bug = sentence::has_stem(link_words, &bug_words)
        || sentence::has_stem(words, &["bug", "bogue", "fallo"]);
    (path_is_tracker && !url.contains('?'))
        || (says_bug && (path_is_tracker || url.contains("/issues")))
}

/// The room a chat link opens: `#room:server` for Matrix, `#channel on irc.server` for IRC.
pub fn chat_room(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    // matrix.to/#/#room:server, app.element.io/#/room/#room:server
    if lower.contains("matrix.to/") || lower.contains("element.io/") || lower.contains("riot.im/") {
        let at = url
            .rfind(['#', '!'])
            .filter(|i| *i > 0 && url[*i..].contains(':'))?;
        return Some(url[at..].to_string());
    }
    if let Some(rest) = lower
        .strip_prefix("irc://")
        .or_else(|| lower.strip_prefix("ircs://"))
    {
        let (server, channel) = rest.split_once('/')?;
        let channel = channel.trim_start_matches('#');
        return Some(format!(
            "#{channel} on {}",
            server.split(':').next().unwrap_or(server)
        ));
    }
    // kiwiirc.com/client/irc.libera.chat/georchestra, web.libera.chat/#georchestra
    if let Some(i) = lower.find("kiwiirc.com/client/") {
        let rest = &url[i + "kiwiirc.com/client/".len()..];
        let mut parts = rest.split('/');
        let server = parts.next()?.split(':').next()?;
        let channel = parts
            .next()
            .map(|c| c.trim_start_matches(['#', '?']))
            .filter(|c| !c.is_empty())?;
        return Some(format!("#{channel} on {server}"));
    }
    if lower.contains("web.libera.chat") {
        let channel = url.split('#').nth(1).filter(|c| !c.is_empty())?;
        return Some(format!("#{channel} on irc.libera.chat"));
    }
    None
}

/// A chat or forum service's address from a link: "cugos.slack.com", "discord.gg/xyz",
/// "foro.hacklabalmeria.net".
fn chat_service(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    const SERVICES: [&str; 8] = [
        "slack.com",
        "discord.gg",
        "discord.com",
        "gitter.im",
        "zulipchat.com",
        "t.me",
        "telegram.me",
        "mattermost",
    ];
    if host.starts_with("join.slack.com") || host == "slack.com" {
        return None;
    }
    if SERVICES
        .iter()
        .any(|s| host.ends_with(s) || host.contains(s))
    {
        let path = rest[host.len().min(rest.len())..].trim_end_matches('/');
        return Some(if host.ends_with("slack.com") || path.is_empty() {
            host
        } else {
            format!("{host}{path}")
        });
    }
    let forum = ["forum.", "foro.", "forums.", "discourse.", "discuss."]
        .iter()
        .any(|p| host.starts_with(p));
    forum.then_some(host)
}

/// Addresses written with "[at]", "(at)" or " at " for "@", with the dots as written.
fn obfuscated_emails(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for marker in ["[at]", "(at)", "[@]", "(@)", "[arroba]", "(arroba)"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(marker) {
            let at = from + i;
            let user = text[..at]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let domain = text[at + marker.len()..]
                .trim_start()
                .split(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_end_matches(['.', ',', ';', ')']);
            if !user.is_empty() && domain.contains('.') {
                out.push(format!("{user} {marker} {domain}"));
            }
            from = at + marker.len();
        }
    }
    out
}

/// Whether a page is for contacting the people behind the site ("contact", "contacto").
pub fn is_contact_page(file: &str, uid: Option<&str>) -> bool {
    let named = |n: &str| {
        let n = n.to_ascii_lowercase();
        n.starts_with("contact") || n.starts_with("nous-contacter") || n.starts_with("contactez")
    };
    uid.is_some_and(named) || page_name(file).is_some_and(named)
}

/// The name a page's path gives it: its file's stem, or its folder's for an index file.
fn page_name(file: &str) -> Option<&str> {
    let mut parts = file.rsplit('/');
    let stem = parts.next()?.split('.').next()?;
    if matches!(stem, "index" | "_index") {
        return parts.next();
    }
    Some(stem)
}

/// Whether a page is a help page: its `uid` or its path says community, contact or help.
pub fn is_help_page(file: &str, uid: Option<&str>) -> bool {
    const NAMES: [&str; 12] = [
        "community",
        "communaute",
        "comunidad",
        "contact",
        "contacto",
        "help",
        "aide",
        "ayuda",
        "support",
        "soporte",
        "get-involved",
        "participer",
    ];
    // "contact/_index.md", "community/index.md": the folder names the page; the site's
    // home page ("index.md" at its root) often lists where to talk.
    let stem = match page_name(file) {
        Some(name) => name,
        None => return true,
    };
    uid.is_some_and(|u| NAMES.contains(&u.to_ascii_lowercase().as_str()))
        || NAMES.contains(&stem.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::{Markup, read};

    fn help(md: &str) -> Vec<(Topic, Option<String>, Option<String>)> {
        let doc = read(md, Markup::Markdown, None);
        entries(&doc.blocks, Language::En)
            .into_iter()
            .map(|e| (e.topic, e.address, e.link))
            .collect()
    }

    #[test]
    fn reads_lists_rooms_tracker_security_and_steering() {
        let got = help(
            "We are always pleased to give a hand on the [#georchestra](https://matrix.to/#/#georchestra:osgeo.org) channel.\n\n\
             * [georchestra@googlegroups.com](https://groups.google.com/group/georchestra) is the main mailing list for users,\n\
             * [georchestra-dev@googlegroups.com](https://groups.google.com/group/georchestra-dev) is the developers list\n\
             * creating [bug reports](https://github.com/georchestra/georchestra/issues) and enhancement requests,\n\
             * reporting security issues (in that case, please **do not fill a bug report** and instead send a mail to <psc@georchestra.org>),\n\n\
             Use psc@georchestra.org to reach the Project Steering Committee.",
        );
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            vec![
                (
                    Topic::Chat,
                    s("#georchestra:osgeo.org"),
                    s("https://matrix.to/#/#georchestra:osgeo.org")
                ),
                (
                    Topic::MailingList,
                    s("georchestra@googlegroups.com"),
                    s("https://groups.google.com/group/georchestra")
                ),
                (
                    Topic::MailingList,
                    s("georchestra-dev@googlegroups.com"),
                    s("https://groups.google.com/group/georchestra-dev")
                ),
                (
                    Topic::BugTracker,
                    None,
                    s("https://github.com/georchestra/georchestra/issues")
                ),
                (Topic::Security, s("psc@georchestra.org"), None),
                (Topic::Steering, s("psc@georchestra.org"), None),
            ]
        );
    }

    #[test]
    fn names_irc_and_matrix_rooms() {
        assert_eq!(
            chat_room("https://kiwiirc.com/client/irc.libera.chat/georchestra").as_deref(),
            Some("#georchestra on irc.libera.chat")
        );
        assert_eq!(
            chat_room("https://app.element.io/#/room/#georchestra:libera.chat").as_deref(),
            Some("#georchestra:libera.chat")
        );
        assert_eq!(
            chat_room("ircs://irc.libera.chat:6697/geotrek").as_deref(),
            Some("#geotrek on irc.libera.chat")
        );
        assert_eq!(
            chat_room("https://web.libera.chat/#qgis").as_deref(),
            Some("#qgis on irc.libera.chat")
        );
        assert_eq!(chat_room("https://github.com/x"), None);
    }

    #[test]
    fn finds_help_pages() {
        assert!(is_help_page("fr/communaute.md", None));
        assert!(is_help_page("pages/whatever.md", Some("community")));
        assert!(!is_help_page("software.md", Some("software")));
        assert!(is_help_page("content/contact/_index.md", None));
        assert!(is_help_page("index.md", None));
        assert!(!is_help_page("content/blog/2020-01-01-x/index.md", None));
    }
}
