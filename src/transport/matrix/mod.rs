//! Matrix, with matrix-sdk: one device whose session and crypto store persist under the
//! data directory, a supervised sync loop, answers as `m.notice` replies (threaded when the
//! question is), reminders and announcements from the outbox sent with their idempotency
//! key as the transaction id, so that a resend after a crash is not duplicated by the
//! homeserver.
//!
//! What is never answered: crieur's own messages, notices (other bots), messages sent
//! before crieur joined the room or while it was down, and an event id seen before.

mod incoming;
pub mod session;

use crate::bot::{Bot, Guard};
use crate::chat::Network;
use crate::extract::Language;
use crate::schedule::runner::{Delivery, Rewrite};
use crate::shared::Shared;
use crate::status::Status;
use crate::transport::backoff::{Backoff, Cut};
use incoming::State;
use matrix_sdk::Client;
use matrix_sdk::config::{RequestConfig, SyncSettings};
use matrix_sdk::ruma::api::client::filter::{
    Filter as EventFilter, FilterDefinition, RoomEventFilter,
};
use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter as SyncFilter;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::events::room::message::{ReplacementMetadata, RoomMessageEventContent};
use matrix_sdk::ruma::{
    MilliSecondsSinceUnixEpoch, OwnedEventId, OwnedRoomId, OwnedRoomOrAliasId, OwnedTransactionId,
    OwnedUserId,
};
use session::{Credentials, Paths};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// Everything `run` needs, secrets already read.
#[derive(Debug, Clone)]
pub struct Settings {
    pub homeserver: String,
    pub user: String,
    pub device_name: String,
    pub credentials: Option<Credentials>,
    pub recovery_key: Option<String>,
    pub command_prefix: String,
    pub language: Language,
    /// How repeats and chatty members are kept in check.
    pub repeat_window: Duration,
    pub room_share: usize,
    /// Session and SDK store.
    pub dir: PathBuf,
}

/// What re-reading the config may change while connected: the rooms to be in (alias or
/// id, with the language of commands), who organises, who may invite crieur.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster {
    pub rooms: Vec<(String, Language)>,
    pub organisers: Vec<String>,
    pub organiser_power_level: Option<i64>,
    pub invites_from: Vec<String>,
}

/// How long a reminder or announcement may take to send before it is left for later.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves Matrix until `shutdown`. Errors only when it cannot go on: no session and no way
/// to log in, or a revoked session.
pub async fn run(
    settings: Settings,
    shared: Arc<Shared>,
    mut deliveries: mpsc::Receiver<Delivery>,
    mut roster: watch::Receiver<Roster>,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let paths = Paths {
        dir: settings.dir.clone(),
    };
    let client = session::open(
        &settings.homeserver,
        &settings.user,
        &settings.device_name,
        settings.credentials.as_ref(),
        &paths,
    )
    .await?;
    let me: OwnedUserId = client
        .user_id()
        .ok_or_else(|| anyhow::anyhow!("matrix: no user id after login"))?
        .to_owned();
    tracing::info!(user = %me, device = ?client.device_id(), "matrix: logged in");

    // One sync first, without handlers: what was said while crieur was down is not answered.
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
    let first = loop {
        tokio::select! {
            r = client.sync_once(bot_sync().timeout(Duration::from_secs(0))) => match r {
                Ok(r) => break r,
                Err(e) => {
                    if matches!(e.client_api_error_kind(), Some(ErrorKind::UnknownToken(_))) {
                        return Err(revoked(&paths));
                    }
                    let wait = backoff.next(Cut::Ordinary);
                    tracing::warn!("matrix: first sync failed: {e}; retrying in {wait:?}");
                    tokio::time::sleep(wait).await;
                }
            },
            _ = shutdown.changed() => return Ok(()),
        }
    };
    if let Some(key) = &settings.recovery_key {
        client
            .encryption()
            .wait_for_e2ee_initialization_tasks()
            .await;
        match client.encryption().recovery().recover(key).await {
            Ok(()) => tracing::info!("matrix: crypto identity restored from the recovery key"),
            Err(e) => tracing::error!("matrix: the recovery key did not work: {e}"),
        }
    }

    let bot = Bot::new(
        &[me.localpart().to_string()],
        &settings.command_prefix,
        settings.language,
    )
    .with_guard(Guard::new(settings.repeat_window, settings.room_share))
    .with_status(shared.status.clone(), Network::Matrix);
    let state = Arc::new(State::new(bot, shared.clone(), me));
    let mut rooms = Rooms::default();
    let wanted = roster.borrow_and_update().clone();
    rooms.follow(&client, &state, &wanted).await;
    incoming::register(&client, state.clone());
    tracing::info!("matrix: listening");

    let mut sync_settings = bot_sync()
        .token(first.next_batch)
        .timeout(Duration::from_secs(30));
    let synced = Arc::new(AtomicBool::new(false));
    loop {
        let sync = tokio::spawn(sync_loop(
            client.clone(),
            sync_settings.clone(),
            synced.clone(),
            shared.status.clone(),
        ));
        tokio::pin!(sync);
        let ended = loop {
            tokio::select! {
                done = &mut sync => break done,
                Some(d) = deliveries.recv() => {
                    // Bounded, so that a homeserver that answers errors for minutes does not
                    // hold up everything else (the scheduler tries again later).
                    let now = shared.clock.now_utc();
                    let _ = tokio::time::timeout(SEND_TIMEOUT, deliver(&client, &rooms.ids, d, now)).await;
                }
                Ok(()) = roster.changed() => {
                    let wanted = roster.borrow_and_update().clone();
                    rooms.follow(&client, &state, &wanted).await;
                }
                _ = shutdown.changed() => {
                    sync.abort();
                    tracing::info!("matrix: stopped");
                    return Ok(());
                }
            }
        };
        match ended {
            Ok(e) if matches!(e.client_api_error_kind(), Some(ErrorKind::UnknownToken(_))) => {
                return Err(revoked(&paths));
            }
            Ok(e) => {
                tracing::warn!("matrix: sync stopped: {e}");
                shared
                    .status
                    .disconnected(Network::Matrix, &e.to_string(), chrono::Utc::now());
            }
            Err(e) => tracing::error!("matrix: sync task failed: {e}"),
        }
        // A connection that worked for a while starts again from the shortest wait.
        if synced.swap(false, Ordering::Relaxed) {
            backoff.reset();
        }
        let wait = backoff.next(Cut::Ordinary);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shutdown.changed() => return Ok(()),
        }
        // The SDK keeps the sync token in its store: carry on from there.
        sync_settings = bot_sync().timeout(Duration::from_secs(30));
    }
}

/// Syncs without presence, typing notices or read receipts: a bot needs none of them, and
/// each costs the homeserver and the SDK time on every sync.
fn bot_sync() -> SyncSettings {
    let mut filter = FilterDefinition::default();
    filter.presence = EventFilter::ignore_all();
    filter.room.ephemeral = RoomEventFilter::ignore_all();
    SyncSettings::default().filter(SyncFilter::FilterDefinition(filter))
}

/// Syncs until an error; `synced` says that at least one sync went through. Unlike
/// `Client::sync`, which waits up to a second between two syncs, the next long poll starts
/// at once, so a question right after another is not held back; a server that ignores the
/// timeout is still not hammered.
async fn sync_loop(
    client: Client,
    mut settings: SyncSettings,
    synced: Arc<AtomicBool>,
    status: Arc<Status>,
) -> matrix_sdk::Error {
    let mut first = true;
    loop {
        let started = tokio::time::Instant::now();
        let response = match client.sync_once(settings.clone()).await {
            Ok(response) => response,
            Err(e) => return e,
        };
        synced.store(true, Ordering::Relaxed);
        if std::mem::take(&mut first) {
            status.connected(Network::Matrix, chrono::Utc::now());
        }
        settings = settings.token(response.next_batch);
        if started.elapsed() < Duration::from_millis(20) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

fn revoked(paths: &Paths) -> anyhow::Error {
    anyhow::anyhow!(
        "matrix: the homeserver no longer accepts crieur's session (logged out or token revoked); \
         to log in again as a new device, remove {} and restart with the password (or a new \
         access token) configured",
        paths.session().display()
    )
}

/// The rooms of the config crieur is in, by name as the config writes it (lowercase).
#[derive(Default)]
struct Rooms {
    ids: HashMap<String, OwnedRoomId>,
}

impl Rooms {
    /// Joins the rooms `roster` names that crieur is not in yet, leaves those it no longer
    /// names (not rooms joined on an invite), and takes its organisers and languages.
    async fn follow(&mut self, client: &Client, state: &State, roster: &Roster) {
        let named = |name: &String| {
            roster
                .rooms
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
        };
        let gone: Vec<String> = self.ids.keys().filter(|n| !named(n)).cloned().collect();
        for name in gone {
            let Some(id) = self.ids.remove(&name) else {
                continue;
            };
            let left = match client.get_room(&id) {
                Some(room) => room.leave().await.map_err(anyhow::Error::from),
                None => Ok(()),
            };
            match left {
                Ok(()) => tracing::info!(room = %name, "matrix: left (no longer in the config)"),
                Err(e) => tracing::warn!(room = %name, "matrix: cannot leave: {e}"),
            }
        }
        for (name, _) in &roster.rooms {
            if self.ids.contains_key(&name.to_lowercase()) {
                continue;
            }
            // What was said before crieur joined is history, not questions.
            let at = MilliSecondsSinceUnixEpoch::now();
            match join(client, name).await {
                Ok(id) => {
                    state.joining(id.clone(), at);
                    self.ids.insert(name.to_lowercase(), id);
                }
                Err(e) => tracing::error!(room = %name, "matrix: cannot join: {e}"),
            }
        }
        let languages: Vec<(String, Language)> = roster
            .rooms
            .iter()
            .filter_map(|(name, lang)| {
                let id = self.ids.get(&name.to_lowercase())?;
                Some((id.to_string(), *lang))
            })
            .collect();
        state.reconfigure(roster, &languages);
    }
}

async fn join(client: &Client, name: &str) -> anyhow::Result<OwnedRoomId> {
    let id = OwnedRoomOrAliasId::try_from(name)?;
    let room = client.join_room_by_id_or_alias(&id, &[]).await?;
    Ok(room.room_id().to_owned())
}

/// Sends a reminder or an announcement; acknowledges it once the homeserver has it. The
/// outbox key is the transaction id: the same message sent again after a crash is the same
/// event to the homeserver.
async fn deliver(
    client: &Client,
    rooms: &HashMap<String, OwnedRoomId>,
    d: Delivery,
    now: chrono::DateTime<chrono::Utc>,
) {
    if d.expired(now) {
        // Held while the homeserver was away: its words may be out of date.
        tracing::warn!(key = %d.key, "matrix: held too long; handed back to the scheduler");
        return;
    }
    let room = if d.room.starts_with('@') {
        // A report to the organiser who made an announcement: in a direct chat.
        match direct_room(client, &d.room).await {
            Ok(room) => room,
            Err(e) => {
                tracing::error!(user = %d.room, "matrix: cannot reach the organiser: {e}");
                return;
            }
        }
    } else {
        let id = match rooms.get(&d.room.to_lowercase()) {
            Some(id) => id.clone(),
            None => match OwnedRoomId::try_from(d.room.as_str()) {
                Ok(id) => id,
                Err(_) => {
                    tracing::error!(room = %d.room, "matrix: not a room crieur is in");
                    return;
                }
            },
        };
        match client.get_room(&id) {
            Some(room) => room,
            None => {
                tracing::error!(room = %d.room, "matrix: not a room crieur is in");
                return;
            }
        }
    };
    let mut content = RoomMessageEventContent::notice_html(d.lines.join("\n"), d.html.clone());
    if !d.room.starts_with('@') {
        // A reminder is for everyone in the room: mention the room so that it notifies.
        content = content.add_mentions(Mentions::with_room_mention());
    }
    let txn = OwnedTransactionId::from(transaction_id(&d.key.to_string()));
    let send = room
        .send(content)
        .with_transaction_id(txn)
        .with_request_config(RequestConfig::short_retry());
    match send.await {
        // The transaction id makes a resend after a crash harmless: no need to wait for
        // the outbox to record it before the next message.
        Ok(sent) => {
            if let Some(edit) = &d.edit {
                rewrite(&room, edit, &d.key.to_string()).await;
            }
            drop(
                d.done
                    .delivered_as(Some(sent.response.event_id.to_string())),
            );
        }
        Err(e) => tracing::error!(room = %d.room, key = %d.key, "matrix: send failed: {e}"),
    }
}

/// Edits an earlier message of crieur's (`m.replace`) so that the room's history says
/// what is true now. No mention: an edit does not notify the room again.
async fn rewrite(room: &matrix_sdk::Room, edit: &Rewrite, key: &str) {
    let Ok(event) = OwnedEventId::try_from(edit.event.as_str()) else {
        tracing::warn!(event = %edit.event, "matrix: not an event id; not edited");
        return;
    };
    let content = RoomMessageEventContent::notice_html(edit.lines.join("\n"), edit.html.clone())
        .make_replacement(ReplacementMetadata::new(event, None));
    let txn = OwnedTransactionId::from(transaction_id(&format!("{key}:edit")));
    let send = room
        .send(content)
        .with_transaction_id(txn)
        .with_request_config(RequestConfig::short_retry());
    match send.await {
        Ok(_) => tracing::info!(event = %edit.event, "matrix: earlier announcement edited"),
        Err(e) => {
            tracing::warn!(event = %edit.event, "matrix: cannot edit the earlier announcement: {e}")
        }
    }
}

pub(super) async fn direct_room(client: &Client, user: &str) -> anyhow::Result<matrix_sdk::Room> {
    let user = OwnedUserId::try_from(user)?;
    if let Some(room) = client.get_dm_room(&user) {
        return Ok(room);
    }
    Ok(client.create_dm(&user).await?)
}

/// The outbox key as a transaction id: readable, kept to a URL-safe set, and made unique
/// by a hash of the whole key (two keys never become the same transaction).
fn transaction_id(key: &str) -> String {
    let readable: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    // FNV-1a: stable across builds and platforms, unlike the standard library's hasher.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{readable}.{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::transaction_id;

    #[test]
    fn transaction_ids_are_safe_stable_and_distinct() {
        let a = transaction_id("deadline|Rencontres 2026|2026-03-30|14|matrix|#geo:osgeo.org");
        let b = transaction_id("deadline|Rencontres 2026|2026-03-30|14|matrix|#geo_osgeo.org");
        assert_ne!(a, b);
        assert_eq!(
            a,
            transaction_id("deadline|Rencontres 2026|2026-03-30|14|matrix|#geo:osgeo.org")
        );
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "{a}"
        );
    }
}
