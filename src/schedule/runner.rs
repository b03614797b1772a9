//! The scheduler: wakes when something is due (a reminder, an announcement, a message
//! left pending by a crash) or when told that plans changed, writes each due message to
//! the outbox (flushed) before handing it to its network, and marks it sent once the
//! network has written it. Sleeps until the next due instant, at most an hour: no polling.

use super::{Rules, due, next_due, plan, render};
use crate::answer::live::Live;
use crate::answer::reply::{Limits, Line, Reply};
use crate::chat::Network;
use crate::clock::Clock;
use crate::extract::Language;
use crate::store::Store;
use crate::store::outbox::{Announcement, Entry, Key, State};
use chrono::{DateTime, Datelike, Duration, Utc};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use tokio::sync::{Notify, mpsc, oneshot, watch};

/// A message for one room of one network, acknowledged once the network has it.
#[derive(Debug)]
pub struct Delivery {
    pub key: Key,
    pub room: String,
    pub lines: Vec<String>,
    pub html: String,
    /// Not to be sent after this: its wording may no longer be true (a transport that held
    /// it this long drops it, and the scheduler writes it again if it is still due).
    pub expires: DateTime<Utc>,
    /// An earlier message of crieur's to rewrite as well, on networks that edit messages.
    pub edit: Option<Rewrite>,
    /// Dropped without `delivered`: not sent, tried again.
    pub done: Ack,
}

/// New words for a message the network already shows (by its id there).
#[derive(Debug, Clone, PartialEq)]
pub struct Rewrite {
    pub event: String,
    pub lines: Vec<String>,
    pub html: String,
}

/// What the scheduler is told when a network has a message: the network's id of it, if
/// it gives one, and where to say once the outbox has recorded it.
type Acked = (Option<String>, oneshot::Sender<()>);

/// How a transport tells the scheduler that the network has a message.
#[derive(Debug)]
pub struct Ack(oneshot::Sender<Acked>);

impl Ack {
    /// A new acknowledgement, and what the scheduler waits on: the sender it is given back
    /// fires once the outbox records the message as sent.
    pub fn new() -> (Ack, oneshot::Receiver<Acked>) {
        let (tx, rx) = oneshot::channel();
        (Ack(tx), rx)
    }

    /// The network has the message. The receiver fires once the outbox records it as sent:
    /// a transport that may repeat a message after a crash (IRC) sends the next one only
    /// then, so that a crash can repeat at most one.
    pub fn delivered(self) -> oneshot::Receiver<()> {
        self.delivered_as(None)
    }

    /// Like `delivered`, with the network's id of the message (a Matrix event id), kept so
    /// that the message can be edited later.
    pub fn delivered_as(self, event: Option<String>) -> oneshot::Receiver<()> {
        let (tx, rx) = oneshot::channel();
        let _ = self.0.send((event, tx));
        rx
    }
}

impl Delivery {
    /// Whether a transport that held it until `now` must hand it back unsent.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.expires < now
    }
}

/// Tasks waiting for networks to acknowledge messages.
struct Waiters {
    set: tokio::task::JoinSet<()>,
    /// Cuts short the pause after a failed send when crieur stops.
    stop: watch::Receiver<bool>,
}

/// Where each network takes its deliveries.
pub type Networks = HashMap<Network, mpsc::Sender<Delivery>>;

pub struct Scheduler {
    pub store: Arc<Store>,
    /// The answering core in use: its catalog says what to remind of.
    pub answerer: Live,
    pub clock: Clock,
    /// The language of announcements and of notes to organisers.
    pub language: Language,
    /// When reminders go out and where: the config's, replaced when it is re-read.
    pub rules: watch::Receiver<Rules>,
    pub networks: Networks,
    pub wake: Arc<Notify>,
    /// How many times the scheduler looked (to check it sleeps when idle).
    pub looks: Arc<std::sync::atomic::AtomicU64>,
}

/// How long to wait at most between two looks: plans change with re-indexes, which wake
/// the scheduler anyway; this only bounds the effect of a clock that jumped.
const MAX_SLEEP: Duration = Duration::hours(1);
/// How soon to try again a message whose network could not take it.
const RETRY: Duration = Duration::seconds(30);
/// How long a reminder may wait for its network: "closes in 2 days" is only true for so
/// long. Past this, it is written again with the right words if still due, or dropped.
const STALE: Duration = Duration::hours(1);
/// How long news of a gathering may wait for its network.
const NEWS_STALE: Duration = Duration::days(1);
/// How long a message whose send failed (connection lost, room refused) waits before it
/// is tried again: a network that refuses at once is not hammered in a loop.
const AFTER_FAILURE: std::time::Duration = std::time::Duration::from_secs(10);

impl Scheduler {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let me = Arc::new(self);
        let in_flight: Arc<Mutex<HashSet<Key>>> = Arc::default();
        let mut waiters = Waiters {
            set: tokio::task::JoinSet::new(),
            stop: shutdown.clone(),
        };
        loop {
            // Reap finished acknowledgement waiters.
            while waiters.set.try_join_next().is_some() {}
            me.looks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let now = me.clock.now_utc();
            // A look writes to the store and flushes it: on the blocking pool, not on one
            // of the workers that carry the networks' messages.
            let (result, back) = tokio::task::spawn_blocking({
                let (me, in_flight) = (me.clone(), in_flight.clone());
                move || {
                    let result = me.tick(now, &in_flight, &mut waiters);
                    (result, waiters)
                }
            })
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
            waiters = back;
            let next = match result {
                Ok(next) => next,
                Err(e) => {
                    tracing::error!("scheduler: {e:#}");
                    Some(now + RETRY)
                }
            };
            let wait = next
                .map_or(MAX_SLEEP, |at| (at - now).min(MAX_SLEEP))
                .max(Duration::milliseconds(10));
            tracing::debug!("scheduler: next look in {}s", wait.num_seconds());
            tokio::select! {
                _ = tokio::time::sleep(wait.to_std().unwrap_or_default()) => {}
                _ = me.wake.notified() => {}
                _ = shutdown.changed() => {
                    // Messages already written get marked sent before crieur stops.
                    let _ = tokio::time::timeout(std::time::Duration::from_secs(3), async {
                        while waiters.set.join_next().await.is_some() {}
                    })
                    .await;
                    return;
                }
            }
        }
    }

    /// Sends what is due at `now`; returns when to look again.
    fn tick(
        &self,
        now: DateTime<Utc>,
        in_flight: &Arc<Mutex<HashSet<Key>>>,
        waiters: &mut Waiters,
    ) -> anyhow::Result<Option<DateTime<Utc>>> {
        let mut retry = false;
        // Left pending by a crash or a lost connection: send again, unless it waited too long.
        for entry in self.store.pending()? {
            let flying = in_flight
                .lock()
                .expect("never poisoned: no panic while held")
                .contains(&entry.key);
            // A message on its way is its waiter's. One that is not may have been marked
            // sent by its waiter between the read above and this look (a waiter marks it
            // before it lets go): read its state again, now that only this look can touch
            // it, so that it is never sent twice.
            if flying || self.store.outbox_state(&entry.key)? != Some(State::Pending) {
                continue;
            }
            if now > self.expires(&entry) {
                self.expire(&entry, now, in_flight, waiters)?;
                continue;
            }
            retry |= !self.deliver(entry, in_flight, waiters);
        }
        // Reminders.
        let answerer = self.answerer.current();
        let catalog = answerer.catalog();
        let rules = self.rules.borrow().clone();
        let planned = plan(catalog, &rules.settings, &rules.targets);
        let done = |key: &Key| self.store.outbox_state(key).ok().flatten().is_some();
        let (mut send, skip) = due(&planned, now, done);
        // In the order they fell due, as pending ones are sent after a restart.
        send.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
        for p in skip {
            tracing::info!(key = %p.key, "scheduler: reminder skipped (missed, superseded or past)");
            self.store.set_state(&p.key, State::Skipped, now)?;
        }
        for p in send {
            let Some(reply) = render(p, catalog, now, rules.settings.zone) else {
                continue;
            };
            let entry = entry(&p.key, p.target.network, &p.target.room, &reply, p.at, now);
            if self.store.enqueue(&entry)? {
                retry |= !self.deliver(entry, in_flight, waiters);
            }
        }
        // Announcements.
        let mut next_announcement: Option<DateTime<Utc>> = None;
        for a in self.store.announcements()? {
            if a.cancelled {
                continue;
            }
            let (occurrence, upcoming) = occurrences(&a, now, rules.settings.zone);
            next_announcement = earliest(next_announcement, upcoming);
            let Some(at) = occurrence else { continue };
            for (network, room) in &a.rooms {
                let key = Key::Announcement {
                    id: a.id,
                    at: at.timestamp(),
                    network: *network,
                    room: room.clone(),
                };
                if self.store.outbox_state(&key)?.is_some() {
                    continue;
                }
                if now - at > rules.grace {
                    tracing::warn!(id = a.id, %room, "scheduler: announcement missed its time by more than the grace period");
                    self.store.set_state(&key, State::Skipped, now)?;
                    self.report_missed(&a, at, now, in_flight, waiters)?;
                    continue;
                }
                let reply = Reply::new(self.language).line(Line::default().text(a.text.clone()));
                let entry = entry(&key, *network, room, &reply, at, now);
                if self.store.enqueue(&entry)? {
                    retry |= !self.deliver(entry, in_flight, waiters);
                }
            }
        }
        let mut next = earliest(next_due(&planned, now), next_announcement);
        if retry
            || !in_flight
                .lock()
                .expect("never poisoned: no panic while held")
                .is_empty()
        {
            next = earliest(next, Some(now + RETRY));
        }
        Ok(next)
    }

    /// When an entry stops being worth sending: an announcement past its grace period, a
    /// reminder an hour after it was written. A report to an organiser states facts with
    /// their dates: it stays true, and waits as long as it must.
    fn expires(&self, entry: &Entry) -> DateTime<Utc> {
        match entry.key {
            Key::Announcement { .. } => entry.due + self.rules.borrow().grace,
            Key::Missed { .. } => DateTime::<Utc>::MAX_UTC,
            Key::Reminder { .. } => entry.changed + STALE,
            // "New: …" stays true while the gathering is ahead; a day late is still news.
            Key::News { .. } => entry.changed + NEWS_STALE,
        }
    }

    /// Gives up an entry its network could not take in time. A reminder is forgotten, so
    /// that the plan writes it again with today's wording if its deadline is still ahead;
    /// an announcement is dropped and its organiser told.
    fn expire(
        &self,
        entry: &Entry,
        now: DateTime<Utc>,
        in_flight: &Arc<Mutex<HashSet<Key>>>,
        waiters: &mut Waiters,
    ) -> anyhow::Result<()> {
        if let Key::Reminder { .. } = entry.key {
            tracing::warn!(key = %entry.key, room = %entry.room, "scheduler: not delivered within an hour; written again if still due");
            self.store.forget(&entry.key)?;
            return Ok(());
        }
        tracing::warn!(key = %entry.key, room = %entry.room, "scheduler: not delivered within the grace period; dropped");
        self.store.set_state(&entry.key, State::Skipped, now)?;
        let id = match entry.key {
            Key::Announcement { id, .. } => Some(id),
            _ => None,
        };
        if let Some(a) = id.and_then(|id| self.store.announcement(id).ok().flatten()) {
            self.report_missed(&a, entry.due, now, in_flight, waiters)?;
        }
        Ok(())
    }

    /// Tells the organiser who scheduled an announcement that it did not go out.
    fn report_missed(
        &self,
        a: &Announcement,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
        in_flight: &Arc<Mutex<HashSet<Key>>>,
        waiters: &mut Waiters,
    ) -> anyhow::Result<()> {
        let Some((network, author)) = &a.author else {
            return Ok(());
        };
        let key = Key::Missed {
            id: a.id,
            at: at.timestamp(),
        };
        let local = at.with_timezone(&self.rules.borrow().settings.zone);
        let text = format!(
            "Announcement #{} was due at {} but could not go out in time (crieur or its network was away); it was not sent: {}",
            a.id,
            local.format("%Y-%m-%d %H:%M %Z"),
            a.text
        );
        let reply = Reply::new(self.language).line(Line::default().text(text));
        let entry = entry(&key, *network, author, &reply, now, now);
        if self.store.enqueue(&entry)? {
            self.deliver(entry, in_flight, waiters);
        }
        Ok(())
    }

    /// Hands an entry to its network, unless it is already on its way. Returns false when
    /// the network cannot take it now (the entry stays pending and is tried again).
    fn deliver(
        &self,
        entry: Entry,
        in_flight: &Arc<Mutex<HashSet<Key>>>,
        waiters: &mut Waiters,
    ) -> bool {
        if !in_flight
            .lock()
            .expect("never poisoned: no panic while held")
            .insert(entry.key.clone())
        {
            return true;
        }
        let Some(network) = entry.network.and_then(|n| self.networks.get(&n)) else {
            tracing::warn!(network = ?entry.network, key = %entry.key, "scheduler: no such network configured; kept pending");
            in_flight
                .lock()
                .expect("never poisoned: no panic while held")
                .remove(&entry.key);
            return false;
        };
        let (done, acked) = Ack::new();
        // The earlier message to rewrite, once it was sent and its network gave its id.
        let edit = entry.edit.as_ref().and_then(|e| {
            let earlier = self.store.outbox_entry(&e.of).ok().flatten()?;
            Some(Rewrite {
                event: earlier.event.filter(|_| earlier.state == State::Sent)?,
                lines: e.lines.clone(),
                html: e.html.clone(),
            })
        });
        let delivery = Delivery {
            key: entry.key.clone(),
            room: entry.room.clone(),
            lines: entry.lines.clone(),
            html: entry.html.clone(),
            expires: self.expires(&entry),
            edit,
            done,
        };
        if network.try_send(delivery).is_err() {
            in_flight
                .lock()
                .expect("never poisoned: no panic while held")
                .remove(&entry.key);
            return false;
        }
        let store = self.store.clone();
        let clock = self.clock;
        let in_flight = in_flight.clone();
        let wake = self.wake.clone();
        let mut stop = waiters.stop.clone();
        waiters.set.spawn(async move {
            let recorded = acked.await;
            let written = recorded.is_ok();
            if let Ok((event, recorded)) = recorded {
                let at = clock.now_utc();
                let key = entry.key.clone();
                let marked =
                    tokio::task::spawn_blocking(move || store.set_sent(&key, at, event)).await;
                match marked {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => {
                        tracing::error!(key = %entry.key, "scheduler: cannot mark sent: {e}")
                    }
                    Err(e) => std::panic::resume_unwind(e.into_panic()),
                }
                tracing::info!(key = %entry.key, room = %entry.room, "scheduler: sent");
                let _ = recorded.send(());
            } else {
                tracing::warn!(key = %entry.key, room = %entry.room, "scheduler: not sent; trying again in {}s", AFTER_FAILURE.as_secs());
                tokio::select! {
                    _ = tokio::time::sleep(AFTER_FAILURE) => {}
                    _ = stop.changed() => {}
                }
            }
            in_flight
                .lock()
                .expect("never poisoned: no panic while held")
                .remove(&entry.key);
            if !written {
                wake.notify_one();
            }
        });
        true
    }
}

/// A pending outbox entry carrying `reply` to one room.
pub fn entry(
    key: &Key,
    network: Network,
    room: &str,
    reply: &Reply,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Entry {
    Entry {
        key: key.clone(),
        network: Some(network),
        room: room.to_string(),
        lines: reply.plain(Limits::IRC),
        html: reply.html(),
        due,
        state: State::Pending,
        changed: now,
        event: None,
        edit: None,
    }
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The occurrence of an announcement due by `now` (the latest one, for a weekly one) and
/// the next one after `now`.
pub fn occurrences(
    a: &Announcement,
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let Some((weekday, time)) = a.weekly else {
        return if a.at <= now {
            (Some(a.at), None)
        } else {
            (None, Some(a.at))
        };
    };
    let today = now.with_timezone(&zone).date_naive();
    let back = (i64::from(today.weekday().num_days_from_monday())
        - i64::from(weekday.num_days_from_monday()))
    .rem_euclid(7);
    let this_week = super::local_instant(today - Duration::days(back), time, zone);
    let (last, next) = if this_week <= now {
        (
            this_week,
            super::local_instant(today - Duration::days(back) + Duration::days(7), time, zone),
        )
    } else {
        (
            super::local_instant(today - Duration::days(back + 7), time, zone),
            this_week,
        )
    };
    // A weekly announcement starts at its first occurrence after it was written.
    ((last >= a.at).then_some(last), Some(next))
}
