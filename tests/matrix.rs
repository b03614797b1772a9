//! crieur on a real Synapse (loopback, SQLite): members are matrix-sdk clients, as Element
//! users would be. Answers in a plain room, an encrypted room and a direct chat; history and
//! messages from while crieur was down are not answered; strangers' invites are refused; an
//! organiser's announcement is delivered; a restart neither replays nor loses anything.

// matrix-sdk's futures are deep: proving a sync task `Send` needs more than 128 steps.
#![recursion_limit = "256"]

mod support;

use matrix_sdk::Client;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::Visibility;
use matrix_sdk::ruma::api::client::room::create_room::v3::{Request as CreateRoom, RoomPreset};
use matrix_sdk::ruma::events::room::member::{MembershipState, OriginalSyncRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::Crieur;
use support::synapse::Synapse;
use tokio::sync::mpsc;

const WAIT: Duration = Duration::from_secs(60);

/// What a member's client sees.
#[derive(Debug)]
enum Seen {
    Message {
        room: OwnedRoomId,
        ev: Box<OriginalSyncRoomMessageEvent>,
    },
    Member {
        room: OwnedRoomId,
        user: String,
        membership: MembershipState,
    },
}

/// A member of the community, with their own matrix-sdk client (and crypto).
struct Member {
    client: Client,
    seen: mpsc::UnboundedReceiver<Seen>,
    _store: tempfile::TempDir,
}

impl Member {
    async fn login(synapse: &Synapse, name: &str) -> Member {
        let user = synapse.register(name, "secret-pass");
        let store = tempfile::tempdir().unwrap();
        let client = Client::builder()
            .homeserver_url(synapse.url())
            .sqlite_store(store.path(), None)
            .build()
            .await
            .unwrap();
        client
            .matrix_auth()
            .login_username(&user, "secret-pass")
            .await
            .unwrap();
        client.sync_once(SyncSettings::default()).await.unwrap();
        let (tx, seen) = mpsc::unbounded_channel();
        let t = tx.clone();
        client.add_event_handler(
            move |ev: OriginalSyncRoomMessageEvent, room: matrix_sdk::Room| {
                let t = t.clone();
                async move {
                    let _ = t.send(Seen::Message {
                        room: room.room_id().to_owned(),
                        ev: Box::new(ev),
                    });
                }
            },
        );
        client.add_event_handler(
            move |ev: OriginalSyncRoomMemberEvent, room: matrix_sdk::Room| {
                let tx = tx.clone();
                async move {
                    let _ = tx.send(Seen::Member {
                        room: room.room_id().to_owned(),
                        user: ev.state_key.to_string(),
                        membership: ev.content.membership.clone(),
                    });
                }
            },
        );
        let c = client.clone();
        tokio::spawn(async move { c.sync(SyncSettings::default()).await });
        Member {
            client,
            seen,
            _store: store,
        }
    }

    async fn create_room(
        &self,
        alias: Option<&str>,
        invite: &[&str],
        encrypted: bool,
        direct: bool,
    ) -> OwnedRoomId {
        let mut req = CreateRoom::new();
        req.room_alias_name = alias.map(str::to_string);
        req.invite = invite
            .iter()
            .map(|u| OwnedUserId::try_from(*u).unwrap())
            .collect();
        req.is_direct = direct;
        if alias.is_some() {
            req.preset = Some(RoomPreset::PublicChat);
            req.visibility = Visibility::Private;
        } else {
            req.preset = Some(RoomPreset::PrivateChat);
        }
        let room = self.client.create_room(req).await.unwrap();
        if encrypted {
            room.enable_encryption().await.unwrap();
        }
        room.room_id().to_owned()
    }

    async fn say(&self, room: &OwnedRoomId, text: &str) -> OwnedEventId {
        let room = self.client.get_room(room).expect("a room the member is in");
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .unwrap()
            .response
            .event_id
    }

    /// Waits for `user` to have `membership` in `room`.
    async fn wait_member(&mut self, room: &OwnedRoomId, user: &str, membership: MembershipState) {
        let found = tokio::time::timeout(WAIT, async {
            while let Some(seen) = self.seen.recv().await {
                if let Seen::Member {
                    room: r,
                    user: u,
                    membership: m,
                } = seen
                    && &r == room
                    && u == user
                    && m == membership
                {
                    return;
                }
            }
        })
        .await;
        assert!(found.is_ok(), "{user} never got {membership:?} in {room}");
    }

    /// The next message from `sender` in `room`.
    async fn next_from(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        within: Duration,
    ) -> Option<OriginalSyncRoomMessageEvent> {
        tokio::time::timeout(within, async {
            while let Some(seen) = self.seen.recv().await {
                if let Seen::Message { room: r, ev } = seen
                    && &r == room
                    && ev.sender.as_str() == sender
                {
                    return Some(*ev);
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
    }

    /// The reply from `sender` to the message `asked` (other messages, such as reminders,
    /// are passed over).
    async fn answer_to(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        asked: &OwnedEventId,
    ) -> Option<OriginalSyncRoomMessageEvent> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let ev = self.next_from(room, sender, left).await?;
            if replied_to(&ev).as_ref() == Some(asked) {
                return Some(ev);
            }
        }
    }

    /// The first message from `sender` in `room` whose body has `text`.
    async fn saying(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        text: &str,
    ) -> Option<OriginalSyncRoomMessageEvent> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let ev = self.next_from(room, sender, left).await?;
            if body(&ev).contains(text) {
                return Some(ev);
            }
        }
    }

    /// Every message from `sender` in `room` over `within`.
    async fn all_from(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        within: Duration,
    ) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(ev) = self.next_from(room, sender, within).await {
            out.push(body(&ev));
        }
        out
    }
}

fn body(ev: &OriginalSyncRoomMessageEvent) -> String {
    match &ev.content.msgtype {
        MessageType::Notice(n) => format!("notice: {}", n.body),
        MessageType::Text(t) => format!("text: {}", t.body),
        other => format!("{other:?}"),
    }
}

fn replied_to(ev: &OriginalSyncRoomMessageEvent) -> Option<OwnedEventId> {
    match &ev.content.relates_to {
        Some(Relation::Reply(r)) => Some(r.in_reply_to.event_id.clone()),
        Some(Relation::Thread(t)) => t.in_reply_to.as_ref().map(|r| r.event_id.clone()),
        _ => None,
    }
}

fn config(dir: &Path, synapse: &Synapse, rooms: &[&str], extra: &str) -> PathBuf {
    let root = env!("CARGO_MANIFEST_DIR");
    let password = dir.join("bot-password");
    std::fs::write(&password, "bot-pass\n").unwrap();
    let rooms: String = rooms
        .iter()
        .map(|r| format!("\n[[matrix.room]]\nid = \"{r}\"\n"))
        .collect();
    let text = format!(
        r#"timezone = "Europe/Paris"
data_dir = "{data}"
languages = ["en", "fr", "es"]

[[site]]
path = "{root}/tests/fixtures/deadlines"

[matrix]
homeserver = "{url}"
user = "@crieur:localhost"
password_file = "{password}"
{extra}
{rooms}"#,
        data = dir.join("data").display(),
        url = synapse.url(),
        password = password.display(),
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const NOW: &str = "2026-03-20T10:00:00+01:00";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_in_a_plain_room_an_encrypted_room_and_a_direct_chat() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse, "alice").await;
    let plain = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    // Said before crieur ever joined: history, not a question.
    alice.say(&plain, "!next").await;

    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse,
        &["#community:localhost"],
        "invites_from = [\"@alice:localhost\"]",
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&plain, &bot, MembershipState::Join).await;

    let asked = alice
        .say(&plain, "crieur: when is the spring meeting?")
        .await;
    let reply = alice
        .answer_to(&plain, &bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer in the plain room: {}", crieur.log()));
    let text = body(&reply);
    assert!(text.starts_with("notice: "), "{text}");
    assert!(
        text.contains("Spring meeting 2026") && text.contains("Lyon"),
        "{text}"
    );
    let MessageType::Notice(notice) = &reply.content.msgtype else {
        unreachable!()
    };
    assert!(
        notice
            .formatted
            .as_ref()
            .is_some_and(|f| f.body.contains("Spring meeting 2026"))
    );
    // The message from before the join got no answer: nothing else replies to anything.
    let more: Vec<_> = std::iter::from_fn(|| alice.seen.try_recv().ok()).collect();
    assert!(
        !more.iter().any(|s| matches!(s, Seen::Message { ev, .. } if ev.sender.as_str() == bot && replied_to(ev).is_some())),
        "{more:#?}"
    );

    // An encrypted room crieur is invited to: it joins, decrypts and answers encrypted.
    let secret = alice.create_room(None, &[&bot], true, false).await;
    alice
        .wait_member(&secret, &bot, MembershipState::Join)
        .await;
    let asked = alice.say(&secret, "!next").await;
    let reply = alice
        .answer_to(&secret, &bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer in the encrypted room: {}", crieur.log()));
    assert!(
        body(&reply).contains("Spring meeting 2026"),
        "{}",
        body(&reply)
    );

    // A direct chat: no command prefix needed.
    let dm = alice.create_room(None, &[&bot], false, true).await;
    alice.wait_member(&dm, &bot, MembershipState::Join).await;
    let asked = alice.say(&dm, "jusqu'à quand peut-on s'inscrire ?").await;
    let reply = alice
        .answer_to(&dm, &bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer in the direct chat: {}", crieur.log()));
    assert!(body(&reply).contains("30 mars 2026"), "{}", body(&reply));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strangers_invite_is_refused() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse, "alice").await;
    let mut mallory = Member::login(&synapse, "mallory").await;
    let plain = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse,
        &["#community:localhost"],
        "invites_from = [\"@alice:localhost\"]",
    );
    let _crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&plain, &bot, MembershipState::Join).await;
    let trap = mallory.create_room(None, &[&bot], false, false).await;
    mallory
        .wait_member(&trap, &bot, MembershipState::Leave)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_announcement_is_delivered_and_a_restart_replays_and_loses_nothing() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse, "alice").await;
    let mut bob = Member::login(&synapse, "bob").await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    bob.client
        .join_room_by_id(&room)
        .await
        .expect("bob joins the public room");
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse,
        &["#community:localhost"],
        "organisers = [\"@alice:localhost\"]",
    );
    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;

    // Bob is not an organiser, whatever his display name.
    let asked = bob.say(&room, "!announce in 2 seconds Free coins").await;
    let refusal = bob.answer_to(&room, &bot, &asked).await.expect("a refusal");
    assert!(
        body(&refusal).contains("only organisers"),
        "{}",
        body(&refusal)
    );

    let asked = alice
        .say(&room, "!announce in 3 seconds The programme is out!")
        .await;
    let confirmation = alice
        .answer_to(&room, &bot, &asked)
        .await
        .expect("a confirmation");
    assert!(
        body(&confirmation).contains("Announcement #"),
        "{}",
        body(&confirmation)
    );
    let announced = alice
        .saying(&room, &bot, "programme is out")
        .await
        .expect("the announcement");
    assert_eq!(body(&announced), "notice: The programme is out!");
    assert!(
        announced.content.mentions.as_ref().is_some_and(|m| m.room),
        "a room mention notifies"
    );

    // Stopped; a question asked while it is down is not answered when it comes back.
    crieur.terminate();
    assert!(
        crieur.wait_exit(Duration::from_secs(30)).is_some(),
        "{}",
        crieur.log()
    );
    alice.say(&room, "!next").await;
    let mut crieur = Crieur::start(&cfg, &[], &[]);
    // Asked after the restart: answered once.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let asked = alice.say(&room, "!help").await;
    // The first thing crieur says after the restart is that answer.
    let help = alice
        .next_from(&room, &bot, WAIT)
        .await
        .unwrap_or_else(|| panic!("no answer after the restart: {}", crieur.log()));
    assert_eq!(replied_to(&help).as_ref(), Some(&asked), "{}", body(&help));
    assert!(body(&help).starts_with("notice: "), "{}", body(&help));
    // Nothing else: not the question from while it was down, not the announcement again.
    let after = alice.all_from(&room, &bot, Duration::from_secs(5)).await;
    assert!(after.is_empty(), "{after:#?}\n{}", crieur.log());
    crieur.terminate();
}
