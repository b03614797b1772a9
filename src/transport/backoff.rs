//! How long a transport waits before it connects again.

use std::time::Duration;

/// Why the last connection ended, as far as the wait before the next one goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The server went away or restarted, the network hiccupped: come back quickly.
    Ordinary,
    /// The network said "too many connections" or "reconnecting too fast".
    Throttled,
    /// The network banned crieur (K-line and the like).
    Banned,
}

impl Cut {
    /// The least a reconnection waits after such an end.
    fn floor(self) -> Duration {
        match self {
            Cut::Ordinary => Duration::ZERO,
            Cut::Throttled => Duration::from_secs(60),
            Cut::Banned => Duration::from_secs(600),
        }
    }

    /// Reads a refusal or disconnection reason.
    pub fn of(reason: &str) -> Cut {
        let r = reason.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| r.contains(w));
        if has(&[
            "k-lined", "g-lined", "z-lined", "d-lined", "banned", "kline", "gline", "zline",
            "akill",
        ]) {
            Cut::Banned
        } else if has(&[
            "too many",
            "throttle",
            "too fast",
            "reconnecting too",
            "connection limit",
        ]) {
            Cut::Throttled
        } else {
            Cut::Ordinary
        }
    }
}

/// Delays between reconnections: doubling from `min` up to `max`, with ±20 % jitter so that
/// many bots cut off together do not come back together; longer after a ban or a
/// "too many connections".
#[derive(Debug, Clone)]
pub struct Backoff {
    min: Duration,
    max: Duration,
    current: Duration,
    seed: u64,
}

impl Backoff {
    pub fn new(min: Duration, max: Duration) -> Backoff {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
        Backoff {
            min,
            max,
            current: min,
            seed,
        }
    }

    /// After a connection that worked: the next drop starts from the shortest wait again.
    pub fn reset(&mut self) {
        self.current = self.min;
    }

    pub fn next(&mut self, cut: Cut) -> Duration {
        let base = self.current.max(cut.floor());
        self.current = (self.current * 2).min(self.max);
        // xorshift: jitter needs no cryptographic randomness.
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        let jitter = 0.8 + (self.seed % 1000) as f64 / 2500.0;
        base.mul_f64(jitter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comes_back_quickly_then_backs_off_to_a_cap_with_jitter() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
        let waits: Vec<f64> = (0..10)
            .map(|_| b.next(Cut::Ordinary).as_secs_f64())
            .collect();
        assert!((0.8..=1.2).contains(&waits[0]), "{waits:?}");
        assert!((1.6..=2.4).contains(&waits[1]), "{waits:?}");
        assert!((3.2..=4.8).contains(&waits[2]), "{waits:?}");
        assert!(waits.iter().all(|w| *w <= 30.0 * 1.2), "{waits:?}");
        assert!(waits[9] >= 30.0 * 0.8, "{waits:?}");
        b.reset();
        assert!(b.next(Cut::Ordinary) <= Duration::from_millis(1200));
    }

    #[test]
    fn waits_long_after_a_ban_or_too_many_connections() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
        assert!(b.next(Cut::Banned) >= Duration::from_secs(480));
        b.reset();
        assert!(b.next(Cut::Throttled) >= Duration::from_secs(48));
    }

    #[test]
    fn reads_why_the_network_closed_the_link() {
        assert_eq!(Cut::of("Closing Link: crieur (K-Lined: spam)"), Cut::Banned);
        assert_eq!(Cut::of("You are banned from this server"), Cut::Banned);
        assert_eq!(
            Cut::of("Closing Link: 127.0.0.1 (Too many connections from your IP)"),
            Cut::Throttled
        );
        assert_eq!(
            Cut::of("Closing Link: crieur (Throttled: Reconnecting too fast)"),
            Cut::Throttled
        );
        assert_eq!(Cut::of("Ping timeout: 240 seconds"), Cut::Ordinary);
        assert_eq!(Cut::of("Server shutting down"), Cut::Ordinary);
    }
}
