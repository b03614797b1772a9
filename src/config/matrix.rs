//! The `[matrix]` table: homeserver, the bot's user id, how to log in (a password or an
//! access token, from the environment or a file), an optional recovery key, rooms,
//! organisers (Matrix user ids, never display names) and who may invite the bot.

use super::secret::Secret;
use crate::extract::Language;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixConfig {
    /// The homeserver's client API address ("https://matrix.org").
    pub homeserver: String,
    /// The bot's user id ("@crieur:matrix.org").
    pub user: String,
    pub password_env: Option<String>,
    pub password_file: Option<PathBuf>,
    pub access_token_env: Option<String>,
    pub access_token_file: Option<PathBuf>,
    /// The recovery key of the account's key backup, to restore the crypto identity.
    pub recovery_key_env: Option<String>,
    pub recovery_key_file: Option<PathBuf>,
    /// Name of the device crieur creates when it logs in.
    #[serde(default = "device_name")]
    pub device_name: String,
    #[serde(default, rename = "room")]
    pub rooms: Vec<RoomConfig>,
    #[serde(default = "super::irc::bang")]
    pub command_prefix: String,
    /// User ids allowed to run organiser commands.
    #[serde(default)]
    pub organisers: Vec<String>,
    /// Members whose power level in a room is at least this (50: moderators) may also run
    /// organiser commands there. Unset: only `organisers`.
    pub organiser_power_level: Option<i64>,
    /// Users ("@alice:example.org") or servers ("example.org") whose invites crieur
    /// accepts; other invites are refused.
    #[serde(default)]
    pub invites_from: Vec<String>,
    /// The same question from the same member within this many seconds is answered once
    /// (0: always answer).
    #[serde(default = "super::irc::repeat_window")]
    pub repeat_window_secs: u64,
    /// Answers per member per window in a room; further answers go to a direct chat (0,
    /// the default: no limit, each answer being a reply to its question).
    #[serde(default)]
    pub room_share: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomConfig {
    /// A room alias ("#georchestra:osgeo.org") or id ("!abc:osgeo.org").
    pub id: String,
    /// The language of commands in this room (default: the first of `languages`).
    pub language: Option<String>,
    /// Reminders and announcements go to this room (default true).
    #[serde(default = "super::irc::yes")]
    pub announce: bool,
}

fn device_name() -> String {
    "crieur".to_string()
}

/// How crieur logs in the first time (later starts restore the saved session).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    Password(Secret),
    Token(Secret),
}

impl MatrixConfig {
    fn secret(
        &self,
        origin: &Path,
        env: &Option<String>,
        file: &Option<PathBuf>,
    ) -> Option<Secret> {
        let mut ignored = Vec::new();
        Secret::from_keys(
            env.as_deref(),
            file.as_ref().map(|p| origin.join(p)).as_deref(),
            "",
            &mut ignored,
        )
    }

    pub fn login(&self, origin: &Path) -> Option<Login> {
        self.secret(origin, &self.password_env, &self.password_file)
            .map(Login::Password)
            .or_else(|| {
                self.secret(origin, &self.access_token_env, &self.access_token_file)
                    .map(Login::Token)
            })
    }

    pub fn recovery_key(&self, origin: &Path) -> Option<Secret> {
        self.secret(origin, &self.recovery_key_env, &self.recovery_key_file)
    }

    /// The user id's server part ("matrix.org" of "@crieur:matrix.org").
    pub fn server_name(&self) -> &str {
        self.user.split_once(':').map_or("", |(_, s)| s)
    }

    pub fn validate(&self, origin: &Path, problems: &mut Vec<String>) {
        if url::Url::parse(&self.homeserver)
            .ok()
            .is_none_or(|u| !matches!(u.scheme(), "http" | "https"))
        {
            problems.push(format!(
                "matrix.homeserver: {:?} is not an http(s) address",
                self.homeserver
            ));
        }
        if !is_user_id(&self.user) {
            problems.push(format!(
                "matrix.user: {:?} is not a Matrix user id like \"@crieur:example.org\"",
                self.user
            ));
        }
        let password = Secret::from_keys(
            self.password_env.as_deref(),
            self.password_file.as_deref(),
            "matrix.password",
            problems,
        );
        let token = Secret::from_keys(
            self.access_token_env.as_deref(),
            self.access_token_file.as_deref(),
            "matrix.access_token",
            problems,
        );
        let recovery = Secret::from_keys(
            self.recovery_key_env.as_deref(),
            self.recovery_key_file.as_deref(),
            "matrix.recovery_key",
            problems,
        );
        if password.is_none() && token.is_none() {
            problems.push(
                "matrix: give password_env or password_file (or access_token_env/_file) to log in"
                    .to_string(),
            );
        }
        for (key, secret) in [
            ("matrix.password_file", password),
            ("matrix.access_token_file", token),
            ("matrix.recovery_key_file", recovery),
        ] {
            if let Some(Secret::File(path)) = secret
                && !origin.join(&path).is_file()
            {
                problems.push(format!("{key}: {} not found", origin.join(&path).display()));
            }
        }
        if self.rooms.is_empty() {
            problems.push(
                "matrix.room: no room; add [[matrix.room]] id = \"#yourroom:example.org\""
                    .to_string(),
            );
        }
        for (i, r) in self.rooms.iter().enumerate() {
            if !is_room(&r.id) {
                problems.push(format!(
                    "matrix.room[{i}].id: {:?} is not a room alias (#room:server) or id (!…)",
                    r.id
                ));
            }
            if let Some(lang) = &r.language
                && Language::from_code(lang) == Language::Other
            {
                problems.push(format!("matrix.room[{i}].language: {lang:?} is not a language crieur speaks; use fr, en or es"));
            }
        }
        for (i, o) in self.organisers.iter().enumerate() {
            if !is_user_id(o) {
                problems.push(format!(
                    "matrix.organisers[{i}]: {o:?} is not a Matrix user id like \"@alice:example.org\""
                ));
            }
        }
        if let Some(level) = self.organiser_power_level
            && level < 1
        {
            problems.push(format!(
                "matrix.organiser_power_level: {level} would make every member an organiser; use 50 (moderators) or 100 (admins)"
            ));
        }
        for (i, o) in self.invites_from.iter().enumerate() {
            if o.starts_with('@') && !is_user_id(o) || o.is_empty() || o.contains(' ') {
                problems.push(format!(
                    "matrix.invites_from[{i}]: {o:?} is neither a user id nor a server name"
                ));
            }
        }
        if self.command_prefix.is_empty() || self.command_prefix.contains(char::is_whitespace) {
            problems.push(format!(
                "matrix.command_prefix: {:?} must be one or more non-space characters",
                self.command_prefix
            ));
        }
    }
}

fn is_user_id(text: &str) -> bool {
    text.strip_prefix('@')
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(local, server)| {
            !local.is_empty() && !server.is_empty() && !text.contains(char::is_whitespace)
        })
}

/// A Matrix room alias ("#room:server") or id ("!opaque:server", or "!opaque" from room
/// version 12 on). IRC channels start with '#' but have no server part.
pub fn is_room(text: &str) -> bool {
    if text.contains(char::is_whitespace) {
        return false;
    }
    if let Some(id) = text.strip_prefix('!') {
        return !id.is_empty() && !id.starts_with(':') && !id.ends_with(':');
    }
    text.strip_prefix('#')
        .and_then(|alias| alias.split_once(':'))
        .is_some_and(|(local, server)| !local.is_empty() && !server.is_empty())
}

#[cfg(test)]
mod tests {
    use super::is_room;

    #[test]
    fn rooms_are_aliases_or_ids_of_any_room_version() {
        for room in [
            "#georchestra:osgeo.org",
            "!OGEhHVWSdvArJzumhm:matrix.org",
            // Room version 12 ids have no server part.
            "!c1kydQPpkqbtSXGg8O3GkIZXvLjHw2aLaBhaX7IDYno",
        ] {
            assert!(is_room(room), "{room}");
        }
        for not in [
            "#georchestra",
            "georchestra",
            "!",
            "#:osgeo.org",
            "#a b:c",
            "!:x",
        ] {
            assert!(!is_room(not), "{not}");
        }
    }
}
