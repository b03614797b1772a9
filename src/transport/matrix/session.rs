//! The Matrix session: the first start logs in (password or access token) and saves the
//! session next to the SDK's SQLite store (state, crypto keys, sync token) under the data
//! directory; later starts restore it, so the bot stays one device with one identity.

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::encryption::EncryptionSettings;
use matrix_sdk::{Client, SessionMeta, SessionTokens};
use std::path::{Path, PathBuf};

/// How to log in the first time.
#[derive(Debug, Clone)]
pub enum Credentials {
    Password(String),
    Token(String),
}

/// Where the session lives: `dir/session.json` and the SDK store in `dir/store/`.
pub struct Paths {
    pub dir: PathBuf,
}

impl Paths {
    pub fn session(&self) -> PathBuf {
        self.dir.join("session.json")
    }
    fn store(&self) -> PathBuf {
        self.dir.join("store")
    }
    pub fn has_session(&self) -> bool {
        self.session().is_file()
    }
}

/// A logged-in client: restored when a session was saved, else logged in now.
pub async fn open(
    homeserver: &str,
    user: &str,
    device_name: &str,
    credentials: Option<&Credentials>,
    paths: &Paths,
) -> anyhow::Result<Client> {
    std::fs::create_dir_all(&paths.dir)?;
    restrict(&paths.dir);
    if !paths.has_session() && paths.store().exists() {
        // The keys of a device whose session is gone: of no use to the new device, and the
        // SDK refuses a store that belongs to another device. Kept aside, not deleted.
        let aside = paths.dir.join("store.previous");
        let _ = std::fs::remove_dir_all(&aside);
        std::fs::rename(paths.store(), &aside)?;
        tracing::warn!(
            "matrix: no saved session; the previous device's store is kept in {}",
            aside.display()
        );
    }
    let client = Client::builder()
        .homeserver_url(homeserver)
        .sqlite_store(paths.store(), None)
        .with_encryption_settings(EncryptionSettings {
            // Clients trust a cross-signed device; recent Element does not send room keys
            // to one that is not.
            auto_enable_cross_signing: true,
            ..Default::default()
        })
        .build()
        .await?;
    if paths.has_session() {
        let text = std::fs::read_to_string(paths.session())?;
        let session: MatrixSession = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!("{}: not a saved session: {e}", paths.session().display())
        })?;
        client.restore_session(session).await?;
        return Ok(client);
    }
    let Some(credentials) = credentials else {
        anyhow::bail!(
            "matrix: no saved session in {} and no password or access token to log in with",
            paths.dir.display()
        );
    };
    match credentials {
        Credentials::Password(password) => {
            client
                .matrix_auth()
                .login_username(user, password)
                .initial_device_display_name(device_name)
                .await
                .map_err(|e| anyhow::anyhow!("matrix: login as {user} failed: {e}"))?;
        }
        Credentials::Token(token) => {
            let user_id = matrix_sdk::ruma::OwnedUserId::try_from(user)?;
            let device_id = whoami_device(homeserver, token).await?;
            client
                .restore_session(MatrixSession {
                    meta: SessionMeta {
                        user_id,
                        device_id: device_id.into(),
                    },
                    tokens: SessionTokens {
                        access_token: token.clone(),
                        refresh_token: None,
                    },
                })
                .await?;
        }
    }
    let session = client
        .matrix_auth()
        .session()
        .ok_or_else(|| anyhow::anyhow!("matrix: logged in but no session to save"))?;
    write_private(&paths.session(), &serde_json::to_string(&session)?)?;
    Ok(client)
}

/// The device an access token belongs to (`/account/whoami`).
async fn whoami_device(homeserver: &str, token: &str) -> anyhow::Result<String> {
    #[derive(serde::Deserialize)]
    struct WhoAmI {
        device_id: Option<String>,
    }
    let url = format!(
        "{}/_matrix/client/v3/account/whoami",
        homeserver.trim_end_matches('/')
    );
    let response = matrix_sdk::reqwest::Client::new()
        .get(url)
        .bearer_auth(token)
        .send()
        .await?;
    if !response.status().is_success() {
        anyhow::bail!(
            "matrix: the access token was refused ({})",
            response.status()
        );
    }
    let who: WhoAmI = serde_json::from_str(&response.text().await?)?;
    who.device_id.ok_or_else(|| {
        anyhow::anyhow!("matrix: the access token has no device; log in with a password")
    })
}

/// The saved session holds an access token: only its owner may read it.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text)?;
    restrict(&tmp);
    std::fs::rename(tmp, path)
}

#[cfg(unix)]
fn restrict(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = if path.is_dir() { 0o700 } else { 0o600 };
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn restrict(_: &Path) {}
