//! What crieur knows of its own state while it runs, for `/health` and `/metrics`: each
//! network (connected, since when, last error, reconnections), each site (last reading,
//! last fetch, failures), and counters of questions (by network and intent), "I don't
//! know" replies and reply latency. Written by the networks, the bot and the site
//! follower; read by the HTTP server. Plain data behind one lock, taken briefly.

use crate::chat::Network;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the reply latency histogram, in seconds.
pub const LATENCY_BUCKETS: [f64; 8] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0];

#[derive(Debug, Clone, Default, Serialize)]
pub struct NetworkState {
    pub connected: bool,
    /// When it last connected or lost its connection.
    pub since: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub reconnects: u64,
    /// Questions answered, by intent ("next", "event"…).
    #[serde(skip)]
    pub questions: BTreeMap<&'static str, u64>,
    #[serde(skip)]
    pub unknown: u64,
    /// Replies per latency bucket (the last is everything above the last bound).
    #[serde(skip)]
    pub latency: [u64; LATENCY_BUCKETS.len() + 1],
    #[serde(skip)]
    pub latency_sum: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SiteState {
    pub root: String,
    pub posts: usize,
    pub gatherings: usize,
    pub last_read: Option<DateTime<Utc>>,
    /// Sites from git: the last fetch that reached the remote.
    pub last_fetch: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub failures: u64,
}

/// A copy of the whole state.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Snapshot {
    pub networks: BTreeMap<Network, NetworkState>,
    pub sites: BTreeMap<usize, SiteState>,
}

impl Snapshot {
    /// Every site read and every network connected.
    pub fn healthy(&self) -> bool {
        self.networks.values().all(|n| n.connected)
            && self.sites.values().all(|s| s.last_read.is_some())
    }
}

#[derive(Debug, Default)]
pub struct Status(Mutex<Snapshot>);

impl Status {
    fn with<T>(&self, f: impl FnOnce(&mut Snapshot) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn snapshot(&self) -> Snapshot {
        self.with(|s| s.clone())
    }

    /// A network crieur serves, not connected yet.
    pub fn expect(&self, network: Network) {
        self.with(|s| {
            s.networks.entry(network).or_default();
        });
    }

    pub fn connected(&self, network: Network, at: DateTime<Utc>) {
        self.with(|s| {
            let n = s.networks.entry(network).or_default();
            n.connected = true;
            n.since = Some(at);
        });
    }

    /// The connection is lost (or could not be made); the next one counts as a reconnection.
    pub fn disconnected(&self, network: Network, error: &str, at: DateTime<Utc>) {
        self.with(|s| {
            let n = s.networks.entry(network).or_default();
            if n.connected {
                n.reconnects += 1;
            }
            n.connected = false;
            n.since = Some(at);
            n.last_error = Some(error.to_string());
        });
    }

    /// A question answered on `network` within `took`.
    pub fn answered(&self, network: Network, intent: &'static str, unknown: bool, took: Duration) {
        self.with(|s| {
            let n = s.networks.entry(network).or_default();
            *n.questions.entry(intent).or_default() += 1;
            n.unknown += u64::from(unknown);
            let secs = took.as_secs_f64();
            let bucket = LATENCY_BUCKETS
                .iter()
                .position(|b| secs <= *b)
                .unwrap_or(LATENCY_BUCKETS.len());
            n.latency[bucket] += 1;
            n.latency_sum += secs;
        });
    }

    pub fn site_read(
        &self,
        i: usize,
        root: &str,
        posts: usize,
        gatherings: usize,
        at: DateTime<Utc>,
    ) {
        self.with(|s| {
            let site = s.sites.entry(i).or_default();
            site.root = root.to_string();
            site.posts = posts;
            site.gatherings = gatherings;
            site.last_read = Some(at);
        });
    }

    /// The sites the config names, by number: each has its state (unread until it is
    /// read, so `/health` waits for it); those of sites no longer named go.
    pub fn sites(&self, roots: &[String]) {
        self.with(|s| {
            s.sites.retain(|i, _| *i < roots.len());
            for (i, root) in roots.iter().enumerate() {
                s.sites.entry(i).or_default().root = root.clone();
            }
        });
    }

    /// Site `i` could not be read (its folder missing, its clone not made): why.
    pub fn site_unread(&self, i: usize, error: &str) {
        self.with(|s| s.sites.entry(i).or_default().last_error = Some(error.to_string()));
    }

    /// A fetch of a site's repository: `None` when it reached the remote.
    pub fn site_fetched(&self, i: usize, error: Option<String>, at: DateTime<Utc>) {
        self.with(|s| {
            let site = s.sites.entry(i).or_default();
            match error {
                None => site.last_fetch = Some(at),
                Some(e) => {
                    site.failures += 1;
                    site.last_error = Some(e);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_needs_every_network_connected_and_every_site_read() {
        let status = Status::default();
        let at = Utc::now();
        status.expect(Network::Irc);
        status.connected(Network::Irc, at);
        // A site the config names is awaited until it is read.
        status.sites(&["/site".to_string()]);
        status.site_unread(0, "/site: site folder not found");
        assert!(!status.snapshot().healthy());
        status.disconnected(Network::Irc, "connection reset", at);
        status.site_read(0, "/site", 10, 2, at);
        assert!(!status.snapshot().healthy());
        status.connected(Network::Irc, at);
        assert!(status.snapshot().healthy());
        status.disconnected(Network::Irc, "connection reset", at);
        status.connected(Network::Irc, at);
        let snap = status.snapshot();
        assert!(snap.healthy());
        assert_eq!(snap.networks[&Network::Irc].reconnects, 2);
        status.answered(Network::Irc, "next", false, Duration::from_micros(300));
        status.answered(Network::Irc, "unknown", true, Duration::from_secs(2));
        let n = &status.snapshot().networks[&Network::Irc];
        assert_eq!((n.questions["next"], n.unknown), (1, 1));
        assert_eq!(n.latency[0], 1);
        assert_eq!(n.latency[7], 1);
    }
}
