//! A community member on Matrix: their own matrix-sdk client (with crypto, as Element
//! would), which records what it sees so tests can wait for replies.

use matrix_sdk::Client;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::Visibility;
use matrix_sdk::ruma::api::client::room::create_room::v3::{Request as CreateRoom, RoomPreset};
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::member::{MembershipState, OriginalSyncRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId};
use std::time::Duration;
use tokio::sync::mpsc;

pub const WAIT: Duration = Duration::from_secs(60);

/// What a member's client sees.
#[derive(Debug)]
pub enum Seen {
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
pub struct Member {
    pub client: Client,
    pub seen: mpsc::UnboundedReceiver<Seen>,
    _store: tempfile::TempDir,
}

/// A matrix-sdk client logged in as `user` with `password`, its store in the returned
/// folder (kept as long as the client lives).
pub async fn logged_in(
    homeserver: &str,
    user: &str,
    password: &str,
) -> (Client, tempfile::TempDir) {
    let store = tempfile::tempdir().unwrap();
    let client = Client::builder()
        .homeserver_url(homeserver)
        .sqlite_store(store.path(), None)
        .build()
        .await
        .unwrap();
    client
        .matrix_auth()
        .login_username(user, password)
        .await
        .unwrap();
    (client, store)
}

impl Member {
    /// Logs in a registered user ("@alice:localhost") whose password is "secret-pass".
    pub async fn login(homeserver: &str, user: &str) -> Member {
        let (client, store) = logged_in(homeserver, user, "secret-pass").await;
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
        // A sync loop without the SDK's one-second pause between syncs, as Element syncs,
        // that carries on when the homeserver is away for a while.
        tokio::spawn(async move {
            let mut settings = SyncSettings::default();
            loop {
                match c.sync_once(settings.clone()).await {
                    Ok(r) => settings = settings.token(r.next_batch),
                    Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
                }
            }
        });
        Member {
            client,
            seen,
            _store: store,
        }
    }

    pub async fn create_room(
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

    pub async fn say(&self, room: &OwnedRoomId, text: &str) -> OwnedEventId {
        let room = self.client.get_room(room).expect("a room the member is in");
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .unwrap()
            .response
            .event_id
    }

    /// Says `text` in the thread that `root` started.
    pub async fn say_in_thread(
        &self,
        room: &OwnedRoomId,
        root: &OwnedEventId,
        text: &str,
    ) -> OwnedEventId {
        let room = self.client.get_room(room).expect("a room the member is in");
        let mut content = RoomMessageEventContent::text_plain(text);
        content.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root.clone())));
        room.send(content).await.unwrap().response.event_id
    }

    /// Waits for `user` to have `membership` in `room`.
    pub async fn wait_member(
        &mut self,
        room: &OwnedRoomId,
        user: &str,
        membership: MembershipState,
    ) {
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
    pub async fn next_from(
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
    pub async fn answer_to(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        asked: &OwnedEventId,
    ) -> Option<OriginalSyncRoomMessageEvent> {
        self.first_from(room, sender, |ev| replied_to(ev).as_ref() == Some(asked))
            .await
    }

    /// The first message from `sender` in `room` whose body has `text`.
    pub async fn saying(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        text: &str,
    ) -> Option<OriginalSyncRoomMessageEvent> {
        self.first_from(room, sender, |ev| body(ev).contains(text))
            .await
    }

    /// The first message from `sender` in `room` that `wanted` accepts, within `WAIT`.
    async fn first_from(
        &mut self,
        room: &OwnedRoomId,
        sender: &str,
        wanted: impl Fn(&OriginalSyncRoomMessageEvent) -> bool,
    ) -> Option<OriginalSyncRoomMessageEvent> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let ev = self.next_from(room, sender, left).await?;
            if wanted(&ev) {
                return Some(ev);
            }
        }
    }

    /// Joins the first room this member is invited to (a direct chat someone opened), and
    /// returns it.
    pub async fn accept_invite(&self) -> Option<OwnedRoomId> {
        let deadline = tokio::time::Instant::now() + WAIT;
        while tokio::time::Instant::now() < deadline {
            if let Some(room) = self.client.invited_rooms().into_iter().next() {
                room.join().await.ok()?;
                return Some(room.room_id().to_owned());
            }
            // Invites arrive with the member's next sync.
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        None
    }

    /// Every message from `sender` in `room` over `within`.
    pub async fn all_from(
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

pub fn body(ev: &OriginalSyncRoomMessageEvent) -> String {
    match &ev.content.msgtype {
        MessageType::Notice(n) => format!("notice: {}", n.body),
        MessageType::Text(t) => format!("text: {}", t.body),
        other => format!("{other:?}"),
    }
}

/// The root of the thread `ev` is in, if it is in one.
pub fn thread_of(ev: &OriginalSyncRoomMessageEvent) -> Option<OwnedEventId> {
    match &ev.content.relates_to {
        Some(Relation::Thread(t)) => Some(t.event_id.clone()),
        _ => None,
    }
}

pub fn replied_to(ev: &OriginalSyncRoomMessageEvent) -> Option<OwnedEventId> {
    match &ev.content.relates_to {
        Some(Relation::Reply(r)) => Some(r.in_reply_to.event_id.clone()),
        Some(Relation::Thread(t)) => t.in_reply_to.as_ref().map(|r| r.event_id.clone()),
        _ => None,
    }
}
