//! The `[irc]` table: server, identity, SASL account and password reference, channels,
//! throttle, command prefix and organisers (services accounts, never nicks).

use super::secret::Secret;
use crate::extract::Language;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IrcConfig {
    pub server: String,
    /// Default 6697 with TLS, 6667 without.
    pub port: Option<u32>,
    #[serde(default = "yes")]
    pub tls: bool,
    /// A PEM file of extra certificate authorities (a private network's own).
    pub tls_ca_file: Option<PathBuf>,
    pub nick: String,
    #[serde(default)]
    pub alt_nicks: Vec<String>,
    pub username: Option<String>,
    pub realname: Option<String>,
    /// The services account to log in as with SASL PLAIN.
    pub sasl_account: Option<String>,
    pub password_env: Option<String>,
    pub password_file: Option<PathBuf>,
    #[serde(default, rename = "channel")]
    pub channels: Vec<ChannelConfig>,
    #[serde(default = "bang")]
    pub command_prefix: String,
    /// Services accounts allowed to run organiser commands.
    #[serde(default)]
    pub organisers: Vec<String>,
    /// Lines that may go out at once, then `throttle_per_second`.
    #[serde(default = "burst")]
    pub throttle_burst: f64,
    #[serde(default = "rate")]
    pub throttle_per_second: f64,
    /// The same question from the same member within this many seconds is answered once
    /// (0: always answer; for benchmarks).
    #[serde(default = "repeat_window")]
    pub repeat_window_secs: u64,
    /// Answers per member per window in a channel; further answers go privately (0: no limit).
    #[serde(default = "channel_share")]
    pub channel_share: usize,
    /// Seconds of silence from the server before crieur checks the connection.
    #[serde(default = "ping")]
    pub ping_interval_secs: u64,
    #[serde(default = "quit")]
    pub quit_message: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelConfig {
    pub name: String,
    /// The language of commands in this channel (default: the first of `languages`).
    pub language: Option<String>,
    pub key_env: Option<String>,
    pub key_file: Option<PathBuf>,
    /// Reminders and announcements go to this channel (default true).
    #[serde(default = "yes")]
    pub announce: bool,
}

pub(super) fn yes() -> bool {
    true
}
pub(super) fn bang() -> String {
    "!".to_string()
}
fn burst() -> f64 {
    4.0
}
fn rate() -> f64 {
    1.0
}
pub(super) fn repeat_window() -> u64 {
    60
}
pub(super) fn channel_share() -> usize {
    3
}
fn ping() -> u64 {
    120
}
fn quit() -> String {
    "crieur: see you soon".to_string()
}

impl IrcConfig {
    pub fn port(&self) -> u16 {
        self.port
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or(if self.tls { 6697 } else { 6667 })
    }

    pub fn password(&self, origin: &Path) -> Option<Secret> {
        let mut ignored = Vec::new();
        Secret::from_keys(
            self.password_env.as_deref(),
            self.password_file
                .as_ref()
                .map(|p| origin.join(p))
                .as_deref(),
            "irc.password",
            &mut ignored,
        )
    }

    pub fn validate(&self, origin: &Path, problems: &mut Vec<String>) {
        if self.server.trim().is_empty() || self.server.contains(char::is_whitespace) {
            problems.push(format!("irc.server: {:?} is not a host name", self.server));
        }
        if let Some(p) = self.port
            && !(1..=65535).contains(&p)
        {
            problems.push(format!("irc.port: expected 1..=65535, got {p}"));
        }
        for (key, nick) in std::iter::once(("irc.nick".to_string(), &self.nick)).chain(
            self.alt_nicks
                .iter()
                .enumerate()
                .map(|(i, n)| (format!("irc.alt_nicks[{i}]"), n)),
        ) {
            if !valid_nick(nick) {
                problems.push(format!("{key}: {nick:?} is not a valid nick (letters, digits, -_[]\\`^{{}}|, not starting with a digit or -)"));
            }
        }
        let secret = Secret::from_keys(
            self.password_env.as_deref(),
            self.password_file.as_deref(),
            "irc.password",
            problems,
        );
        match (&self.sasl_account, secret) {
            (Some(_), None) => {
                problems.push("irc.sasl_account: needs password_env or password_file".to_string())
            }
            (None, Some(_)) => problems.push(
                "irc.password_env: a password without sasl_account is never used; add sasl_account"
                    .to_string(),
            ),
            (Some(_), Some(Secret::File(path))) if !origin.join(&path).is_file() => {
                problems.push(format!(
                    "irc.password_file: {} not found",
                    origin.join(&path).display()
                ));
            }
            _ => {}
        }
        if let Some(ca) = &self.tls_ca_file
            && !origin.join(ca).is_file()
        {
            problems.push(format!(
                "irc.tls_ca_file: {} not found",
                origin.join(ca).display()
            ));
        }
        if self.channels.is_empty() {
            problems.push(
                "irc.channel: no channel; add [[irc.channel]] name = \"#yourchannel\"".to_string(),
            );
        }
        for (i, c) in self.channels.iter().enumerate() {
            if !c.name.starts_with(['#', '&']) || c.name.contains([' ', ',', '\u{7}']) {
                problems.push(format!(
                    "irc.channel[{i}].name: {:?} is not a channel name; channels start with #",
                    c.name
                ));
            }
            if let Some(lang) = &c.language
                && Language::from_code(lang) == Language::Other
            {
                problems.push(format!("irc.channel[{i}].language: {lang:?} is not a language crieur speaks; use fr, en or es"));
            }
            let _ = Secret::from_keys(
                c.key_env.as_deref(),
                c.key_file.as_deref(),
                &format!("irc.channel[{i}].key"),
                problems,
            );
        }
        if self.command_prefix.is_empty() || self.command_prefix.contains(char::is_whitespace) {
            problems.push(format!(
                "irc.command_prefix: {:?} must be one or more non-space characters",
                self.command_prefix
            ));
        }
        if !(self.throttle_burst >= 1.0 && self.throttle_burst <= 20.0) {
            problems.push(format!(
                "irc.throttle_burst: expected 1 to 20 lines, got {}",
                self.throttle_burst
            ));
        }
        if !(self.throttle_per_second > 0.0 && self.throttle_per_second <= 10_000.0) {
            problems.push(format!(
                "irc.throttle_per_second: expected more than 0 and at most 10000 (only benchmarks go past a few per second), got {}",
                self.throttle_per_second
            ));
        }
        if self.ping_interval_secs < 10 {
            problems.push(format!(
                "irc.ping_interval_secs: expected at least 10, got {}",
                self.ping_interval_secs
            ));
        }
    }
}

fn valid_nick(nick: &str) -> bool {
    let special = |c: char| "-_[]\\`^{}|".contains(c);
    !nick.is_empty()
        && nick.len() <= 30
        && !nick.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        && nick
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || special(c))
}
