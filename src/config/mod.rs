//! The TOML configuration: schema, defaults, and validation that reports every problem at
//! once with its dotted key, before anything connects. Paths in the file are relative to
//! the file's folder. Secrets are never in the file: it names environment variables or
//! files that hold them.

pub mod http;
pub mod irc;
pub mod live;
pub mod matrix;
pub mod read;
pub mod reminders;
pub mod secret;
pub mod site;

use crate::chat::Network;
use crate::extract::Language;
use crate::extract::help::{HelpEntry, Topic};
use crate::ingest::SiteSpec;
use chrono_tz::Tz;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The whole configuration, as read from the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Time zone for dates and reminders when a site does not name its own.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// Folder of the sled store (relative to the config file).
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// Languages the bot speaks, the first being the default for commands and for
    /// questions whose language is unclear (`fr`, `en`, `es`).
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// The community sites to read.
    #[serde(default, rename = "site")]
    pub sites: Vec<SiteConfig>,
    /// Help entries written by the admin; they replace what help pages say on their topic.
    #[serde(default, rename = "help")]
    pub help: Vec<HelpConfig>,
    /// The IRC network to serve, if any.
    pub irc: Option<irc::IrcConfig>,
    /// The Matrix account to serve, if any.
    pub matrix: Option<matrix::MatrixConfig>,
    /// The HTTP server (health, metrics, calendar, page), if any.
    pub http: Option<http::HttpConfig>,
    /// When reminders go out.
    #[serde(default)]
    pub reminders: reminders::RemindersConfig,
    /// Announcements written in the config (one-off or weekly).
    #[serde(default, rename = "announcement")]
    pub announcements: Vec<reminders::AnnouncementConfig>,
    /// What crieur tells announce rooms about new and changed gatherings.
    #[serde(default)]
    pub announce: AnnounceConfig,
    /// Folder the config file is in; relative paths are resolved against it.
    #[serde(skip)]
    pub origin: PathBuf,
}

pub use site::{AnnounceConfig, GitSite, SiteConfig};

/// An admin's help entry: `[[help]] topic = "security" address = "…" [help.text] fr = "…"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpConfig {
    /// mailing_list, chat, bug_tracker, security, steering, documentation or other.
    pub topic: String,
    /// What to say, per language code.
    #[serde(default)]
    pub text: std::collections::BTreeMap<String, String>,
    pub link: Option<String>,
    pub address: Option<String>,
}

fn default_languages() -> Vec<String> {
    vec!["en".to_string(), "fr".to_string(), "es".to_string()]
}

fn default_timezone() -> String {
    "Europe/Paris".to_string()
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}

/// A room crieur is in, as the config names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownRoom {
    pub network: Network,
    /// `#channel` on IRC; `#alias:server` or `!id:server` on Matrix.
    pub name: String,
    /// Reminders and announcements go to it.
    pub announce: bool,
}

/// A configuration that cannot be used, with every reason.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read: {cause}", path.display())]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// Each problem on a line of its own, as `file:line:column: key: what is wrong`.
    #[error("{}", problems.iter().map(|p| located(path, p)).collect::<Vec<_>>().join("\n"))]
    Invalid {
        path: PathBuf,
        problems: Vec<String>,
    },
}

impl Config {
    /// Parses a configuration; `path` names it in messages and anchors relative paths.
    /// Every problem is reported at once, each with its line, column and dotted key.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let read = read::read::<Config>(text);
        let mut problems = read.problems;
        if let Some(mut config) = read.value {
            config.origin = path.parent().map(Path::to_path_buf).unwrap_or_default();
            // Keys already in error were left out: what is said of them would mislead.
            problems.extend(
                config
                    .validate()
                    .iter()
                    .filter(|p| !read.left_out.iter().any(|k| read::is_under(p, k)))
                    .map(|p| read.locator.locate(p)),
            );
            if problems.is_empty() {
                return Ok(config);
            }
        }
        problems.sort_by_key(|p| read::position(p));
        Err(ConfigError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Read {
            path: path.to_path_buf(),
            cause,
        })?;
        Config::parse(&text, path)
    }

    /// Every problem, each as `dotted.key: what is wrong; how to fix it`.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if parse_timezone(&self.timezone).is_none() {
            problems.push(format!(
                "timezone: unknown time zone {:?}; use an IANA name such as \"Europe/Paris\"",
                self.timezone
            ));
        }
        for (i, code) in self.languages.iter().enumerate() {
            if Language::from_code(code) == Language::Other {
                problems.push(format!(
                    "languages[{i}]: {code:?} is not a language crieur speaks; use fr, en or es"
                ));
            }
        }
        if self.languages.is_empty() {
            problems.push("languages: empty; list at least one of fr, en, es".to_string());
        }
        for (i, h) in self.help.iter().enumerate() {
            if Topic::parse(&h.topic).is_none() {
                problems.push(format!(
                    "help[{i}].topic: unknown topic {:?}; use mailing_list, chat, bug_tracker, security, steering, documentation or other",
                    h.topic
                ));
            }
            for code in h.text.keys() {
                if Language::from_code(code) == Language::Other {
                    problems.push(format!(
                        "help[{i}].text.{code}: not a language crieur speaks; use fr, en or es"
                    ));
                }
            }
            if h.text.is_empty() && h.link.is_none() && h.address.is_none() {
                problems.push(format!(
                    "help[{i}]: says nothing; give a text, a link or an address"
                ));
            }
        }
        if let Some(irc) = &self.irc {
            irc.validate(&self.origin, &mut problems);
        }
        if let Some(m) = &self.matrix {
            m.validate(&self.origin, &mut problems);
        }
        if let Some(h) = &self.http {
            h.validate(&mut problems);
        }
        self.reminders.validate(&mut problems);
        for (i, a) in self.announcements.iter().enumerate() {
            a.validate(i, &mut problems);
            // An announcement goes to rooms crieur is in, or it would be lost.
            let rooms = self.rooms();
            for room in &a.rooms {
                if !rooms.iter().any(|r| r.name.eq_ignore_ascii_case(room)) {
                    problems.push(format!(
                        "announcement[{i}].rooms: {room} is not one of the [[irc.channel]] or [[matrix.room]] tables"
                    ));
                }
            }
        }
        if self.sites.is_empty() {
            problems.push("site: no site configured; add a [[site]] table with a path".to_string());
        }
        for (i, site) in self.sites.iter().enumerate() {
            site.validate(i, &self.origin, &mut problems);
        }
        problems
    }

    /// A path from the file, made relative to the file's folder.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.origin.join(path)
        }
    }

    pub fn timezone(&self) -> Tz {
        parse_timezone(&self.timezone).unwrap_or(chrono_tz::Europe::Paris)
    }

    /// The default language: the first of `languages`.
    pub fn language(&self) -> Language {
        self.languages
            .first()
            .map_or(Language::En, |c| Language::from_code(c))
    }

    /// The admin's help entries, one per language written (or one in the default language).
    pub fn help_entries(&self) -> Vec<HelpEntry> {
        let mut out = Vec::new();
        for h in &self.help {
            let Some(topic) = Topic::parse(&h.topic) else {
                continue;
            };
            let texts: Vec<(Language, String)> = if h.text.is_empty() {
                vec![(self.language(), String::new())]
            } else {
                h.text
                    .iter()
                    .map(|(code, text)| (Language::from_code(code), text.clone()))
                    .collect()
            };
            for (lang, text) in texts {
                out.push(HelpEntry {
                    topic,
                    lang,
                    text,
                    address: h.address.clone(),
                    link: h.link.clone(),
                });
            }
        }
        out
    }

    pub fn reminder_settings(&self, zone: chrono_tz::Tz) -> crate::schedule::Settings {
        self.reminders.settings(zone)
    }

    /// When reminders go out, where, and how late an announcement may still be sent.
    pub fn rules(&self, zone: chrono_tz::Tz) -> crate::schedule::Rules {
        crate::schedule::Rules {
            settings: self.reminder_settings(zone),
            targets: self.targets(),
            grace: chrono::Duration::minutes(self.reminders.grace_minutes),
        }
    }

    /// The rooms reminders and announcements go to, each in its language.
    pub fn targets(&self) -> Vec<crate::schedule::Target> {
        let lang = |l: &Option<String>| l.as_deref().map_or(self.language(), Language::from_code);
        let irc = self.irc.iter().flat_map(|c| {
            c.channels
                .iter()
                .filter(|ch| ch.announce)
                .map(move |ch| (Network::Irc, ch.name.clone(), lang(&ch.language)))
        });
        let matrix = self.matrix.iter().flat_map(|c| {
            c.rooms
                .iter()
                .filter(|r| r.announce)
                .map(move |r| (Network::Matrix, r.id.clone(), lang(&r.language)))
        });
        irc.chain(matrix)
            .map(|(network, room, lang)| crate::schedule::Target {
                network,
                room,
                lang,
            })
            .collect()
    }

    /// Every room crieur is in: IRC channels and Matrix rooms.
    pub fn rooms(&self) -> Vec<KnownRoom> {
        let irc = self.irc.iter().flat_map(|c| {
            c.channels.iter().map(|ch| KnownRoom {
                network: Network::Irc,
                name: ch.name.clone(),
                announce: ch.announce,
            })
        });
        let matrix = self.matrix.iter().flat_map(|c| {
            c.rooms.iter().map(|r| KnownRoom {
                network: Network::Matrix,
                name: r.id.clone(),
                announce: r.announce,
            })
        });
        irc.chain(matrix).collect()
    }

    /// The config's announcements, ready to store.
    pub fn announcements(&self, zone: chrono_tz::Tz) -> Vec<crate::store::outbox::Announcement> {
        self.announcements
            .iter()
            .filter_map(|a| a.announcement(zone))
            .collect()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.resolve(&self.data_dir)
    }

    /// The sites as ingestion reads them; sites from git are read from their clone under
    /// `data_dir`.
    pub fn site_specs(&self, data_dir: &Path) -> Vec<SiteSpec> {
        self.sites
            .iter()
            .map(|s| SiteSpec {
                root: s.root(&self.origin, data_dir),
                base_url: s.base_url.as_deref().and_then(parse_base_url),
                permalink: s.permalink.clone(),
                drafts: s.drafts,
                timezone: s
                    .timezone
                    .as_deref()
                    .and_then(parse_timezone)
                    .unwrap_or_else(|| self.timezone()),
                help_pages: s.help_pages.clone(),
            })
            .collect()
    }

    /// Each site's repository, for sites read from git (in the order of `site_specs`).
    pub fn git_sites(&self, data_dir: &Path) -> Vec<Option<GitSite>> {
        self.sites.iter().map(|s| s.git_site(data_dir)).collect()
    }
}

/// `file:line:column: problem`, or `file: problem` where the problem has no place.
fn located(path: &Path, problem: &str) -> String {
    let separator = if problem.starts_with(|c: char| c.is_ascii_digit()) {
        ":"
    } else {
        ": "
    };
    format!("{}{separator}{problem}", path.display())
}

pub fn parse_timezone(name: &str) -> Option<Tz> {
    name.parse().ok()
}

pub use crate::ingest::urls::parse_base_url;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        let dir = std::env::temp_dir();
        Config::parse(text, &dir.join("crieur.toml"))
    }

    #[test]
    fn reports_every_problem_with_its_key() {
        let err = parse(
            "timezone = \"Europe/Pariss\"\n[[site]]\npath = \"/no/such/folder\"\nbase_url = \"not a url\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("timezone: unknown time zone \"Europe/Pariss\""),
            "{err}"
        );
        assert!(
            err.contains("site[0].path: folder /no/such/folder not found"),
            "{err}"
        );
        assert!(
            err.contains("site[0].base_url: \"not a url\" is not an absolute http(s) address"),
            "{err}"
        );
    }

    #[test]
    fn rejects_unknown_keys_with_the_key_meant() {
        let err = parse("timezon = \"UTC\"\n").unwrap_err().to_string();
        assert!(
            err.contains("crieur.toml:1:1: timezon: unknown key; did you mean `timezone`?"),
            "{err}"
        );
    }

    #[test]
    fn a_syntax_error_gives_line_column_and_key() {
        let err =
            parse("timezone = \"UTC\"\n[[site]]\npath = \"/tmp\"\nbase_url = https://x.org\n")
                .unwrap_err()
                .to_string();
        assert!(
            err.contains("crieur.toml:4:12: site[0].base_url: invalid TOML"),
            "{err}"
        );
    }

    #[test]
    fn type_errors_give_line_column_and_key_all_at_once() {
        let text = "languages = \"en\"\ntimezone = \"Mars/Olympus\"\n[[site]]\npath = \"/tmp\"\n[[site]]\npath = \"/tmp\"\ndrafts = \"yes\"\ncolour = 3\n[reminders]\ndeadline_days = 7\n";
        let err = parse(text).unwrap_err().to_string();
        for expected in [
            "crieur.toml:1:13: languages: invalid type: string \"en\", expected a sequence",
            "crieur.toml:7:10: site[1].drafts: invalid type: string \"yes\", expected a boolean",
            "crieur.toml:8:1: site[1].colour: unknown key; this table takes path, git, branch",
            "crieur.toml:2:1: timezone: unknown time zone \"Mars/Olympus\"",
        ] {
            assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
        }
        // Left out for its type error, the key is not also said to be missing or empty.
        assert!(!err.contains("languages: empty"), "{err}");
        assert!(
            err.contains("crieur.toml:10:17: reminders.deadline_days: invalid type"),
            "{err}"
        );
    }

    #[test]
    fn refuses_secrets_by_name_wherever_they_are_written() {
        let text = "[[site]]\npath = \"/tmp\"\n[irc]\nserver = \"irc.libera.chat\"\nnick = \"crieur\"\npassword = \"hunter2\"\n[matrix]\nhomeserver = \"https://m.org\"\nuser = \"@c:m.org\"\naccess_token = \"syt_abc\"\nrecovery_key = \"EsT\"\nkey = \"k\"\n";
        let err = parse(text).unwrap_err().to_string();
        for (line, key, name) in [
            (6, "irc.password", "password"),
            (10, "matrix.access_token", "access_token"),
            (11, "matrix.recovery_key", "recovery_key"),
            (12, "matrix.key", "key"),
        ] {
            let expected = format!(
                "crieur.toml:{line}:1: {key}: a secret is never written in this file; put it in an environment variable named by {name}_env, or in a file named by {name}_file"
            );
            assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
        }
        assert!(
            !err.contains("hunter2") && !err.contains("syt_abc"),
            "{err}"
        );
    }

    #[test]
    fn sites_from_git_are_checked_by_form_and_cloned_under_the_data_dir() {
        let text = "data_dir = \"/var/lib/crieur\"\n[[site]]\ngit = \"https://github.com/org/site.git\"\npath = \"docs\"\nrefresh_minutes = 5\n[announce]\nchanges = false\n";
        let config = parse(text).unwrap();
        let data = config.data_dir();
        let specs = config.site_specs(&data);
        let git = config.git_sites(&data)[0].clone().unwrap();
        assert!(
            git.checkout
                .to_string_lossy()
                .starts_with("/var/lib/crieur/sites/site-"),
            "{git:?}"
        );
        assert_eq!(specs[0].root, git.checkout.join("docs"));
        assert_eq!(git.refresh, std::time::Duration::from_secs(300));
        assert!(config.announce.new_gatherings && !config.announce.changes);

        let err = parse("[[site]]\ngit = \"ext::sh -c reboot\"\npath = \"/etc\"\n[[site]]\npath = \"/tmp\"\nbranch = \"main\"\n[[site]]\nbase_url = \"https://x.org\"\n")
            .unwrap_err()
            .to_string();
        for expected in [
            "crieur.toml:2:1: site[0].git: \"ext::sh -c reboot\" is not a git address",
            "crieur.toml:3:1: site[0].path: with git, the folder of the site inside the repository",
            "crieur.toml:6:1: site[1].branch: only for a site read from git",
            "site[2]: no path and no git",
        ] {
            assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
        }
    }

    #[test]
    fn requires_a_site() {
        let err = parse("").unwrap_err().to_string();
        assert!(err.contains("site: no site configured"), "{err}");
    }

    #[test]
    fn base_urls_keep_their_path() {
        assert_eq!(
            parse_base_url("https://example.org/blog").unwrap().as_str(),
            "https://example.org/blog/"
        );
        assert!(parse_base_url("ftp://example.org").is_none());
    }
}
