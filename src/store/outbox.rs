//! The durable outbox and the organisers' announcements. A message due to go out is
//! written here, under its idempotency key, and flushed to disk before it is sent; it is
//! marked sent after. A restart resends what is pending and never what was sent, so a
//! crash loses nothing and repeats at most the message whose socket write raced the crash.

use super::{Store, StoreError};
use crate::chat::Network;
use chrono::{DateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Deserializer, Serialize};

/// What an outbox entry is for. Its text (`Display`) is the idempotency key the entry is
/// filed under, the same across restarts: a message is written once per key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Key {
    /// A reminder `days` before a deadline or a gathering's start, in one room. `group`
    /// names the deadline or start and the room: the reminders of a group supersede each
    /// other.
    Reminder { group: String, days: u32 },
    /// One occurrence (`at`, Unix seconds) of an announcement in one room.
    Announcement {
        id: u64,
        at: i64,
        network: Network,
        room: String,
    },
    /// The note telling an announcement's author that one occurrence could not go out.
    Missed { id: u64, at: i64 },
    /// News of a site's gathering (new, changed) in one room; `id` names the news and has
    /// no colon.
    News {
        id: String,
        network: Network,
        room: String,
    },
}

impl Key {
    /// What the message is: reminder, announcement, missed (a note to an organiser) or news.
    pub fn kind(&self) -> &'static str {
        match self {
            Key::Reminder { .. } => "reminder",
            Key::Announcement { .. } => "announcement",
            Key::Missed { .. } => "missed",
            Key::News { .. } => "news",
        }
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Reminder { group, days } => write!(f, "{group}:{days}d"),
            Key::Announcement {
                id,
                at,
                network,
                room,
            } => write!(f, "announce:{id}:{at}:{network}:{room}"),
            Key::Missed { id, at } => write!(f, "missed:{id}:{at}"),
            Key::News { id, network, room } => write!(f, "news:{id}:{network}:{room}"),
        }
    }
}

impl From<Key> for String {
    fn from(key: Key) -> String {
        key.to_string()
    }
}

impl TryFrom<String> for Key {
    type Error = String;

    /// Reads a key back from the store. Rooms and groups may hold colons (Matrix rooms do):
    /// they are read last, as the rest of the key.
    fn try_from(text: String) -> Result<Key, String> {
        let bad = || format!("not an outbox key: {text:?}");
        fn number<T: std::str::FromStr>(s: Option<&str>) -> Option<T> {
            s?.parse().ok()
        }
        if let Some(rest) = text.strip_prefix("announce:") {
            let mut parts = rest.splitn(4, ':');
            let id = number(parts.next()).ok_or_else(bad)?;
            let at = number(parts.next()).ok_or_else(bad)?;
            let network = parts.next().and_then(Network::from_name).ok_or_else(bad)?;
            let room = parts.next().ok_or_else(bad)?.to_string();
            return Ok(Key::Announcement {
                id,
                at,
                network,
                room,
            });
        }
        if let Some(rest) = text.strip_prefix("missed:") {
            let mut parts = rest.splitn(2, ':');
            return Ok(Key::Missed {
                id: number(parts.next()).ok_or_else(bad)?,
                at: number(parts.next()).ok_or_else(bad)?,
            });
        }
        if let Some(rest) = text.strip_prefix("news:") {
            let mut parts = rest.splitn(3, ':');
            let id = parts.next().ok_or_else(bad)?.to_string();
            let network = parts.next().and_then(Network::from_name).ok_or_else(bad)?;
            let room = parts.next().ok_or_else(bad)?.to_string();
            return Ok(Key::News { id, network, room });
        }
        let (group, days) = text.rsplit_once(':').ok_or_else(bad)?;
        Ok(Key::Reminder {
            group: group.to_string(),
            days: number(days.strip_suffix('d')).ok_or_else(bad)?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Pending,
    Sent,
    /// Never to be sent (a reminder superseded while crieur was down).
    Skipped,
}

/// One message for one room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub key: Key,
    /// None for a reminder skipped before it was ever written.
    #[serde(deserialize_with = "network_or_none")]
    pub network: Option<Network>,
    pub room: String,
    /// The lines to say, rendered when the entry was written.
    pub lines: Vec<String>,
    /// HTML for networks that show it (Matrix).
    pub html: String,
    pub due: DateTime<Utc>,
    pub state: State,
    pub changed: DateTime<Utc>,
    /// The network's id of the message once sent (a Matrix event id), to edit it later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// On networks that edit messages (Matrix): an earlier message to rewrite as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
}

/// New words for an earlier message (an announcement of a gathering that has changed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// The entry whose message is rewritten.
    pub of: Key,
    pub lines: Vec<String>,
    pub html: String,
}

/// A network, or none: entries written before networks were typed say "" for none.
fn network_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Network>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .as_deref()
        .and_then(Network::from_name))
}

/// An announcement an organiser scheduled (or the config lists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: u64,
    pub text: String,
    pub at: DateTime<Utc>,
    /// (network, room) pairs.
    pub rooms: Vec<(Network, String)>,
    /// Who scheduled it: (network, account) — told if it could not go out in time.
    pub author: Option<(Network, String)>,
    /// Repeats every week on this day at this local time (config announcements).
    pub weekly: Option<(Weekday, NaiveTime)>,
    pub cancelled: bool,
}

impl Store {
    /// The state of an outbox entry, if it exists.
    pub fn outbox_state(&self, key: &Key) -> Result<Option<State>, StoreError> {
        Ok(self
            .outbox
            .get(key.to_string())?
            .map(|v| serde_json::from_slice::<Entry>(&v))
            .transpose()?
            .map(|e| e.state))
    }

    /// Writes a pending entry, durably, unless its key is already there. Returns whether it
    /// was written (false: a duplicate, to be dropped).
    pub fn enqueue(&self, entry: &Entry) -> Result<bool, StoreError> {
        let value = serde_json::to_vec(entry)?;
        let inserted = self
            .outbox
            .compare_and_swap(entry.key.to_string(), None as Option<&[u8]>, Some(value))?
            .is_ok();
        if inserted {
            self.outbox.flush()?;
        }
        Ok(inserted)
    }

    /// An entry, if one was written under `key`.
    pub fn outbox_entry(&self, key: &Key) -> Result<Option<Entry>, StoreError> {
        match self.outbox.get(key.to_string())? {
            Some(v) => Ok(Some(serde_json::from_slice(&v)?)),
            None => Ok(None),
        }
    }

    /// Records that an entry was sent, with the network's id of the message, durably.
    pub fn set_sent(
        &self,
        key: &Key,
        at: DateTime<Utc>,
        event: Option<String>,
    ) -> Result<(), StoreError> {
        let name = key.to_string();
        let Some(v) = self.outbox.get(&name)? else {
            return self.set_state(key, State::Sent, at);
        };
        let mut entry: Entry = serde_json::from_slice(&v)?;
        entry.state = State::Sent;
        entry.changed = at;
        entry.event = event.or(entry.event);
        self.outbox.insert(name, serde_json::to_vec(&entry)?)?;
        self.outbox.flush()?;
        Ok(())
    }

    /// Records what became of an entry, durably.
    pub fn set_state(&self, key: &Key, state: State, at: DateTime<Utc>) -> Result<(), StoreError> {
        let name = key.to_string();
        if let Some(v) = self.outbox.get(&name)? {
            let mut entry: Entry = serde_json::from_slice(&v)?;
            entry.state = state;
            entry.changed = at;
            self.outbox.insert(name, serde_json::to_vec(&entry)?)?;
        } else {
            // A skipped reminder that was never written: remember it was skipped.
            let entry = Entry {
                key: key.clone(),
                network: None,
                room: String::new(),
                lines: Vec::new(),
                html: String::new(),
                due: at,
                state,
                changed: at,
                event: None,
                edit: None,
            };
            self.outbox.insert(name, serde_json::to_vec(&entry)?)?;
        }
        self.outbox.flush()?;
        Ok(())
    }

    /// Removes an entry, durably: what it was for is planned afresh.
    pub fn forget(&self, key: &Key) -> Result<(), StoreError> {
        self.outbox.remove(key.to_string())?;
        self.outbox.flush()?;
        Ok(())
    }

    /// Entries still to send, oldest first.
    pub fn pending(&self) -> Result<Vec<Entry>, StoreError> {
        let mut out: Vec<Entry> = self
            .outbox
            .iter()
            .map(|item| Ok(serde_json::from_slice::<Entry>(&item?.1)?))
            .collect::<Result<Vec<_>, StoreError>>()?
            .into_iter()
            .filter(|e| e.state == State::Pending)
            .collect();
        out.sort_by_key(|e| e.due);
        Ok(out)
    }

    /// Every entry (for tests and the `outbox` inspection).
    pub fn outbox_entries(&self) -> Result<Vec<Entry>, StoreError> {
        self.outbox
            .iter()
            .map(|item| Ok(serde_json::from_slice::<Entry>(&item?.1)?))
            .collect()
    }

    /// Stores a new announcement under the next id, durably.
    pub fn add_announcement(&self, mut a: Announcement) -> Result<Announcement, StoreError> {
        a.id = self.db.generate_id()? + 1;
        self.announcements
            .insert(a.id.to_be_bytes(), serde_json::to_vec(&a)?)?;
        self.announcements.flush()?;
        Ok(a)
    }

    pub fn update_announcement(&self, a: &Announcement) -> Result<(), StoreError> {
        self.announcements
            .insert(a.id.to_be_bytes(), serde_json::to_vec(a)?)?;
        self.announcements.flush()?;
        Ok(())
    }

    pub fn announcements(&self) -> Result<Vec<Announcement>, StoreError> {
        self.announcements
            .iter()
            .map(|item| Ok(serde_json::from_slice::<Announcement>(&item?.1)?))
            .collect()
    }

    pub fn announcement(&self, id: u64) -> Result<Option<Announcement>, StoreError> {
        Ok(self
            .announcements
            .get(id.to_be_bytes())?
            .map(|v| serde_json::from_slice(&v))
            .transpose()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u64) -> Key {
        Key::Missed { id: n, at: 0 }
    }

    fn entry(key: Key) -> Entry {
        Entry {
            key,
            network: Some(Network::Irc),
            room: "#c".into(),
            lines: vec!["hello".into()],
            html: "hello".into(),
            due: Utc::now(),
            state: State::Pending,
            changed: Utc::now(),
            event: None,
            edit: None,
        }
    }

    #[test]
    fn an_entry_is_written_once_and_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            assert!(store.enqueue(&entry(key(1))).unwrap());
            assert!(
                !store.enqueue(&entry(key(1))).unwrap(),
                "the same key twice"
            );
            assert!(store.enqueue(&entry(key(2))).unwrap());
            store.set_state(&key(1), State::Sent, Utc::now()).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.outbox_state(&key(1)).unwrap(), Some(State::Sent));
        assert_eq!(
            store
                .pending()
                .unwrap()
                .iter()
                .map(|e| e.key.clone())
                .collect::<Vec<_>>(),
            vec![key(2)]
        );
    }

    #[test]
    fn keys_read_back_as_written_colons_in_rooms_and_all() {
        for key in [
            Key::Reminder {
                group: "deadline:geocom-2026:2026-05-01:Registration:matrix:#geo:osgeo.org".into(),
                days: 7,
            },
            Key::Announcement {
                id: 3,
                at: 1_767_225_600,
                network: Network::Matrix,
                room: "!abc:osgeo.org".into(),
            },
            Key::Missed { id: 3, at: -5 },
            Key::News {
                id: "changed-00ab12cd34ef5678-2".into(),
                network: Network::Matrix,
                room: "#geo:osgeo.org".into(),
            },
        ] {
            let text = key.to_string();
            assert_eq!(Key::try_from(text.clone()), Ok(key), "{text}");
        }
        assert_eq!(
            Key::Announcement {
                id: 3,
                at: 10,
                network: Network::Irc,
                room: "#c".into()
            }
            .to_string(),
            "announce:3:10:irc:#c",
            "the form stores already hold"
        );
        assert!(Key::try_from("announce:x".to_string()).is_err());
    }

    #[test]
    fn entries_written_before_networks_were_typed_still_read() {
        let old = r##"{"key":"deadline:g:2026-05-01:Registration:irc:#c:7d","network":"","room":"","lines":[],"html":"","due":"2026-01-01T00:00:00Z","state":"skipped","changed":"2026-01-01T00:00:00Z"}"##;
        let e: Entry = serde_json::from_str(old).unwrap();
        assert_eq!(e.network, None);
        assert!(matches!(e.key, Key::Reminder { days: 7, .. }));
    }
}
