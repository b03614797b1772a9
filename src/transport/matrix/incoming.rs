//! Events from the homeserver: members' messages (answered as `m.notice` replies),
//! messages that could not be decrypted (logged), and invites (accepted only from the
//! users and servers the config allows).

use super::Roster;
use crate::answer::reply::{Line, Reply};
use crate::bot::{Action, Bot, Incoming, Room as BotRoom, Sender};
use crate::chat::Network;
use crate::extract::Language;
use crate::shared::{CoreRequest, Shared};
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    AddMentions, ForwardThread, MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::events::room::power_levels::UserPowerLevel;
use matrix_sdk::ruma::{MilliSecondsSinceUnixEpoch, OwnedEventId, OwnedRoomId, OwnedUserId};
use matrix_sdk::{Client, Room, RoomState};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;
use tokio::sync::Semaphore;

/// Event ids remembered to never answer one twice.
const SEEN: usize = 4096;

pub struct State {
    bot: Bot,
    shared: Arc<Shared>,
    me: OwnedUserId,
    /// Who may invite crieur (a user id or a server), from the config.
    invites_from: RwLock<Vec<String>>,
    /// Members at or above this power level in a room organise there.
    organiser_power_level: RwLock<Option<i64>>,
    /// Messages older than this (crieur's start) are history, not questions.
    started: MilliSecondsSinceUnixEpoch,
    /// Rooms joined while running: their history before the join is not answered.
    joined_at: Mutex<HashMap<OwnedRoomId, MilliSecondsSinceUnixEpoch>>,
    seen: Mutex<Seen>,
}

/// The latest event ids seen, to never answer one twice (a homeserver may send an event
/// again, in a gappy sync or after a reconnection).
#[derive(Default)]
struct Seen {
    ids: HashSet<OwnedEventId>,
    order: VecDeque<OwnedEventId>,
}

impl Seen {
    /// True the first time an event id is seen (among the latest `SEEN`).
    fn first_sight(&mut self, id: &OwnedEventId) -> bool {
        if !self.ids.insert(id.clone()) {
            return false;
        }
        self.order.push_back(id.clone());
        if self.order.len() > SEEN
            && let Some(old) = self.order.pop_front()
        {
            self.ids.remove(&old);
        }
        true
    }
}

impl State {
    pub fn new(bot: Bot, shared: Arc<Shared>, me: OwnedUserId) -> State {
        State {
            bot,
            shared,
            me,
            invites_from: RwLock::default(),
            organiser_power_level: RwLock::default(),
            started: MilliSecondsSinceUnixEpoch::now(),
            joined_at: Mutex::default(),
            seen: Mutex::default(),
        }
    }

    /// Takes what the config says now: who organises (by user id and by power level), who
    /// may invite, and each joined room's language (by room id).
    pub fn reconfigure(&self, roster: &Roster, room_languages: &[(String, Language)]) {
        self.bot.reconfigure(&roster.organisers, room_languages);
        *self
            .invites_from
            .write()
            .expect("no panics while the lock is held") = roster.invites_from.clone();
        *self
            .organiser_power_level
            .write()
            .expect("no panics while the lock is held") = roster.organiser_power_level;
    }

    /// A room joined now: its history before this instant is not answered.
    pub fn joining(&self, room: OwnedRoomId, at: MilliSecondsSinceUnixEpoch) {
        self.joined_at
            .lock()
            .expect("no panics while the lock is held")
            .insert(room, at);
    }

    /// True the first time an event id is seen.
    fn first_sight(&self, id: &OwnedEventId) -> bool {
        self.seen
            .lock()
            .expect("no panics while the lock is held")
            .first_sight(id)
    }

    fn is_history(&self, room: &OwnedRoomId, at: MilliSecondsSinceUnixEpoch) -> bool {
        let joined = self
            .joined_at
            .lock()
            .expect("no panics while the lock is held")
            .get(room)
            .copied();
        at < self.started || joined.is_some_and(|j| at < j)
    }

    /// Whether an invite from `user` may be accepted.
    fn may_invite(&self, user: &OwnedUserId) -> bool {
        let allowed = self
            .invites_from
            .read()
            .expect("no panics while the lock is held");
        allowed.iter().any(|allowed| {
            if allowed.starts_with('@') {
                allowed.eq_ignore_ascii_case(user.as_str())
            } else {
                allowed.eq_ignore_ascii_case(user.server_name().as_str())
            }
        })
    }
}

/// How many answers may be on their way at once.
const REPLIES_AT_ONCE: usize = 4;

pub fn register(client: &Client, state: Arc<State>) {
    let s = state.clone();
    let replies = Arc::new(Semaphore::new(REPLIES_AT_ONCE));
    client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
        let s = s.clone();
        let replies = replies.clone();
        // The SDK awaits its handlers before it syncs again: answering in a task of its own
        // keeps a slow or rate-limited send from holding back every other room.
        async move {
            tokio::spawn(async move {
                let _permit = replies.acquire_owned().await;
                on_message(&s, ev, room).await;
            });
        }
    });
    client.add_event_handler(
        |ev: OriginalSyncRoomEncryptedEvent, room: Room| async move {
            tracing::warn!(
                room = %room.room_id(),
                event = %ev.event_id,
                sender = %ev.sender,
                "matrix: a message could not be decrypted; not answered"
            );
        },
    );
    let s = state;
    client.add_event_handler(move |ev: StrippedRoomMemberEvent, room: Room| {
        let s = s.clone();
        async move { on_invite(&s, ev, room).await }
    });
}

async fn on_invite(state: &State, ev: StrippedRoomMemberEvent, room: Room) {
    if ev.state_key != state.me
        || ev.content.membership != MembershipState::Invite
        || room.state() != RoomState::Invited
    {
        return;
    }
    if !state.may_invite(&ev.sender) {
        tracing::warn!(room = %room.room_id(), from = %ev.sender, "matrix: invite refused (not in invites_from)");
        if let Err(e) = room.leave().await {
            tracing::warn!(room = %room.room_id(), "matrix: cannot refuse the invite: {e}");
        }
        return;
    }
    state.joining(room.room_id().to_owned(), MilliSecondsSinceUnixEpoch::now());
    match room.join().await {
        Ok(()) => {
            tracing::info!(room = %room.room_id(), from = %ev.sender, "matrix: joined on invite")
        }
        Err(e) => tracing::warn!(room = %room.room_id(), "matrix: cannot join on invite: {e}"),
    }
}

async fn on_message(state: &State, ev: OriginalSyncRoomMessageEvent, room: Room) {
    if ev.sender == state.me || room.state() != RoomState::Joined {
        return;
    }
    // Notices are other bots talking: answering them could loop.
    let MessageType::Text(text) = &ev.content.msgtype else {
        return;
    };
    let room_id = room.room_id().to_owned();
    if state.is_history(&room_id, ev.origin_server_ts) {
        tracing::debug!(event = %ev.event_id, "matrix: history, not answered");
        return;
    }
    if !state.first_sight(&ev.event_id) {
        tracing::debug!(event = %ev.event_id, "matrix: seen before");
        return;
    }
    let began = Instant::now();
    // From the homeserver's timestamp to here: its notification, the sync, the SDK.
    let lag_ms =
        i64::from(MilliSecondsSinceUnixEpoch::now().get()) - i64::from(ev.origin_server_ts.get());
    tracing::debug!(event = %ev.event_id, room = %room_id, lag_ms, "matrix: message");
    let direct = room.is_direct().await.unwrap_or(false) || room.joined_members_count() == 2;
    // A mention (a "pill" in Element) addresses crieur wherever it is in the message.
    let mentioned = ev
        .content
        .mentions
        .as_ref()
        .is_some_and(|m| m.user_ids.contains(&state.me));
    let mut msg = Incoming {
        room: BotRoom {
            id: room_id.to_string(),
            direct: direct || mentioned,
        },
        sender: Sender {
            name: ev.sender.to_string(),
            // A Matrix user id is proven by the homeserver: it is the account.
            account: Some(ev.sender.to_string()),
            room_organiser: false,
        },
        text: text.body.clone(),
    };
    let Some(question) = state.bot.read(&msg) else {
        return;
    };
    if question.needs_account() && !state.bot.is_organiser(&msg.sender) {
        msg.sender.room_organiser = organises(state, &room, &ev.sender).await;
    }
    let answerer = state.shared.answerer();
    let now = state.shared.clock.now();
    for action in state
        .bot
        .handle(&msg, question, &answerer, now, Instant::now())
    {
        let (to_room, reply) = match action {
            Action::Reply { room, reply, .. } => (room, reply),
            Action::Organiser {
                room,
                lang,
                request,
                ..
            } => {
                let reply = state
                    .shared
                    .core
                    .ask(CoreRequest {
                        network: Network::Matrix,
                        room: room.clone(),
                        lang,
                        request,
                    })
                    .await;
                (room, reply)
            }
        };
        if to_room.id == room_id.as_str() {
            send_reply(&room, &ev, &reply).await;
        } else {
            // A member who had their share of the room: answered in a direct chat.
            send_privately(&room, &to_room.id, &reply).await;
        }
    }
    tracing::debug!(
        event = %ev.event_id,
        lag_ms,
        handled_ms = began.elapsed().as_secs_f64() * 1000.0,
        "matrix: answered"
    );
}

/// A reply in the direct chat with `user` (created if there is none yet).
async fn send_privately(room: &Room, user: &str, reply: &Reply) {
    let client = room.client();
    match super::direct_room(&client, user).await {
        Ok(dm) => {
            let content = RoomMessageEventContent::notice_html(reply.plain_text(), reply.html());
            if let Err(e) = dm.send(content).await {
                tracing::warn!(%user, "matrix: cannot answer in private: {e}");
            }
        }
        Err(e) => tracing::warn!(%user, "matrix: cannot open a direct chat: {e}"),
    }
}

/// Whether `user`'s power level in `room` reaches the configured organiser level.
async fn organises(state: &State, room: &Room, user: &OwnedUserId) -> bool {
    let level = *state
        .organiser_power_level
        .read()
        .expect("no panics while the lock is held");
    let Some(level) = level else {
        return false;
    };
    let Ok(level) = matrix_sdk::ruma::Int::try_from(level) else {
        return false;
    };
    match room.get_member(user).await {
        Ok(Some(member)) => member.power_level() >= UserPowerLevel::Int(level),
        Ok(None) => false,
        Err(e) => {
            tracing::warn!(room = %room.room_id(), %user, "matrix: cannot read the power level: {e}");
            false
        }
    }
}

/// An `m.notice` in reply to the question, in its thread if it has one; HTML with a plain
/// fallback, every text from posts escaped by `Reply::html`.
async fn send_reply(room: &Room, question: &OriginalSyncRoomMessageEvent, reply: &Reply) {
    let reply = if reply.lines.is_empty() {
        Reply::new(reply.lang).line(Line::default().text("…"))
    } else {
        reply.clone()
    };
    let content = RoomMessageEventContent::notice_html(reply.plain_text(), reply.html())
        .make_reply_to(question, ForwardThread::Yes, AddMentions::Yes);
    if let Err(e) = room.send(content).await {
        tracing::warn!(room = %room.room_id(), "matrix: reply failed: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::{SEEN, Seen};
    use matrix_sdk::ruma::OwnedEventId;

    fn id(n: usize) -> OwnedEventId {
        OwnedEventId::try_from(format!("$event{n}")).unwrap()
    }

    #[test]
    fn an_event_is_answered_once_and_memory_stays_bounded() {
        let mut seen = Seen::default();
        assert!(seen.first_sight(&id(0)));
        assert!(!seen.first_sight(&id(0)));
        for n in 1..=SEEN {
            assert!(seen.first_sight(&id(n)));
        }
        assert_eq!(seen.ids.len(), SEEN);
        // The oldest was forgotten; the latest are still known.
        assert!(!seen.first_sight(&id(SEEN)));
        assert!(seen.first_sight(&id(0)));
    }
}
