//! The durable outbox and the organisers' announcements. A message due to go out is
//! written here, under its idempotency key, and flushed to disk before it is sent; it is
//! marked sent after. A restart resends what is pending and never what was sent, so a
//! crash loses nothing and repeats at most the message whose socket write raced the crash.

use super::{Store, StoreError};
use chrono::{DateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

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
    pub key: String,
    pub network: String,
    pub room: String,
    /// The lines to say, rendered when the entry was written.
    pub lines: Vec<String>,
    /// HTML for networks that show it (Matrix).
    pub html: String,
    pub due: DateTime<Utc>,
    pub state: State,
    pub changed: DateTime<Utc>,
}

/// An announcement an organiser scheduled (or the config lists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: u64,
    pub text: String,
    pub at: DateTime<Utc>,
    /// (network, room) pairs.
    pub rooms: Vec<(String, String)>,
    /// Who scheduled it: (network, account) — told if it could not go out in time.
    pub author: Option<(String, String)>,
    /// Repeats every week on this day at this local time (config announcements).
    pub weekly: Option<(Weekday, NaiveTime)>,
    pub cancelled: bool,
}

impl Store {
    /// The state of an outbox entry, if it exists.
    pub fn outbox_state(&self, key: &str) -> Result<Option<State>, StoreError> {
        Ok(self
            .outbox
            .get(key)?
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
            .compare_and_swap(&entry.key, None as Option<&[u8]>, Some(value))?
            .is_ok();
        if inserted {
            self.outbox.flush()?;
        }
        Ok(inserted)
    }

    /// Records what became of an entry, durably.
    pub fn set_state(&self, key: &str, state: State, at: DateTime<Utc>) -> Result<(), StoreError> {
        if let Some(v) = self.outbox.get(key)? {
            let mut entry: Entry = serde_json::from_slice(&v)?;
            entry.state = state;
            entry.changed = at;
            self.outbox.insert(key, serde_json::to_vec(&entry)?)?;
        } else {
            // A skipped reminder that was never written: remember it was skipped.
            let entry = Entry {
                key: key.to_string(),
                network: String::new(),
                room: String::new(),
                lines: Vec::new(),
                html: String::new(),
                due: at,
                state,
                changed: at,
            };
            self.outbox.insert(key, serde_json::to_vec(&entry)?)?;
        }
        self.outbox.flush()?;
        Ok(())
    }

    /// Removes an entry, durably: what it was for is planned afresh.
    pub fn forget(&self, key: &str) -> Result<(), StoreError> {
        self.outbox.remove(key)?;
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

    fn entry(key: &str) -> Entry {
        Entry {
            key: key.into(),
            network: "irc".into(),
            room: "#c".into(),
            lines: vec!["hello".into()],
            html: "hello".into(),
            due: Utc::now(),
            state: State::Pending,
            changed: Utc::now(),
        }
    }

    #[test]
    fn an_entry_is_written_once_and_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            assert!(store.enqueue(&entry("k1")).unwrap());
            assert!(!store.enqueue(&entry("k1")).unwrap(), "the same key twice");
            assert!(store.enqueue(&entry("k2")).unwrap());
            store.set_state("k1", State::Sent, Utc::now()).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.outbox_state("k1").unwrap(), Some(State::Sent));
        assert_eq!(
            store
                .pending()
                .unwrap()
                .iter()
                .map(|e| e.key.as_str())
                .collect::<Vec<_>>(),
            vec!["k2"]
        );
    }
}
