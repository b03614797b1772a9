//! What each network needs to connect, made from its table in the config, with every
//! secret read now: a missing password stops crieur before it connects. Wiring, so that
//! transports know nothing of the config.

use crate::config::irc::IrcConfig;
use crate::config::matrix::{Login, MatrixConfig};
use crate::config::secret::Secret;
use crate::extract::Language;
use crate::transport::irc::{self, register::Identity, throttle::Rate};
use crate::transport::matrix::{
    self,
    session::{Credentials, Paths},
};
use std::path::Path;
use std::time::Duration;

/// Reads the `[irc]` table and its secrets (channel keys too); an error names the key.
/// The roster is what a re-read of the config may change while connected.
pub fn irc(
    cfg: &IrcConfig,
    origin: &Path,
    language: Language,
) -> anyhow::Result<(irc::Settings, irc::Roster)> {
    let sasl = match (&cfg.sasl_account, cfg.password(origin)) {
        (Some(account), Some(secret)) => Some((
            account.clone(),
            secret
                .read()
                .map_err(|e| anyhow::anyhow!("irc.password: {e}"))?,
        )),
        _ => None,
    };
    let mut channels = Vec::new();
    for (i, c) in cfg.channels.iter().enumerate() {
        let mut ignored = Vec::new();
        let key = Secret::from_keys(
            c.key_env.as_deref(),
            c.key_file.as_ref().map(|p| origin.join(p)).as_deref(),
            "key",
            &mut ignored,
        )
        .map(|s| {
            s.read()
                .map_err(|e| anyhow::anyhow!("irc.channel[{i}].key: {e}"))
        })
        .transpose()?;
        channels.push((c.name.clone(), key));
    }
    let mut nicks = vec![cfg.nick.clone()];
    nicks.extend(cfg.alt_nicks.iter().cloned());
    let roster = irc::Roster {
        channels,
        organisers: cfg.organisers.clone(),
        languages: cfg
            .channels
            .iter()
            .map(|c| {
                let lang = c.language.as_deref().map_or(language, Language::from_code);
                (c.name.clone(), lang)
            })
            .collect(),
    };
    let settings = irc::Settings {
        server: cfg.server.clone(),
        port: cfg.port(),
        tls: cfg.tls,
        tls_ca_file: cfg.tls_ca_file.as_ref().map(|p| origin.join(p)),
        identity: Identity {
            nicks,
            username: cfg
                .username
                .clone()
                .unwrap_or_else(|| cfg.nick.to_lowercase()),
            realname: cfg
                .realname
                .clone()
                .unwrap_or_else(|| "crieur, the community's town crier".to_string()),
            sasl,
        },
        rate: Rate {
            burst: cfg.throttle_burst,
            per_second: cfg.throttle_per_second,
        },
        ping_interval: Duration::from_secs(cfg.ping_interval_secs),
        quit_message: cfg.quit_message.clone(),
        version: format!("crieur {}", env!("CARGO_PKG_VERSION")),
    };
    Ok((settings, roster))
}

/// Reads the `[matrix]` table and its secrets. Without a saved session, the password or
/// token must be readable now: crieur stops before connecting otherwise. The roster is
/// what a re-read of the config may change while connected.
pub fn matrix(
    cfg: &MatrixConfig,
    origin: &Path,
    data_dir: &Path,
    language: Language,
) -> anyhow::Result<(matrix::Settings, matrix::Roster)> {
    let dir = data_dir.join("matrix");
    let credentials = if (Paths { dir: dir.clone() }).has_session() {
        None
    } else {
        Some(match cfg.login(origin) {
            Some(Login::Password(s)) => Credentials::Password(
                s.read()
                    .map_err(|e| anyhow::anyhow!("matrix.password: {e}"))?,
            ),
            Some(Login::Token(s)) => Credentials::Token(
                s.read()
                    .map_err(|e| anyhow::anyhow!("matrix.access_token: {e}"))?,
            ),
            None => anyhow::bail!("matrix: give password_env or password_file to log in"),
        })
    };
    let recovery_key = cfg
        .recovery_key(origin)
        .map(|s| {
            s.read()
                .map_err(|e| anyhow::anyhow!("matrix.recovery_key: {e}"))
        })
        .transpose()?;
    let roster = matrix::Roster {
        rooms: cfg
            .rooms
            .iter()
            .map(|r| {
                let lang = r.language.as_deref().map_or(language, Language::from_code);
                (r.id.clone(), lang)
            })
            .collect(),
        organisers: cfg.organisers.clone(),
        organiser_power_level: cfg.organiser_power_level,
        invites_from: cfg.invites_from.clone(),
    };
    let settings = matrix::Settings {
        homeserver: cfg.homeserver.clone(),
        user: cfg.user.clone(),
        device_name: cfg.device_name.clone(),
        credentials,
        recovery_key,
        command_prefix: cfg.command_prefix.clone(),
        repeat_window: Duration::from_secs(cfg.repeat_window_secs),
        room_share: cfg.room_share,
        language,
        dir,
    };
    Ok((settings, roster))
}
