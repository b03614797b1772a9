//! How long a transport waits before it connects again.

use std::time::Duration;

/// Delays between reconnections: doubling up to a cap, with ±20 % jitter so that many
/// bots cut off together do not come back together; at least ten minutes after a ban.
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

    pub fn reset(&mut self) {
        self.current = self.min;
    }

    pub fn next(&mut self, banned: bool) -> Duration {
        let base = if banned {
            self.current.max(Duration::from_secs(600))
        } else {
            self.current
        };
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
    fn backs_off_exponentially_with_jitter_and_a_cap() {
        let mut b = Backoff::new(Duration::from_secs(2), Duration::from_secs(300));
        let waits: Vec<f64> = (0..10).map(|_| b.next(false).as_secs_f64()).collect();
        assert!((1.6..=2.4).contains(&waits[0]), "{waits:?}");
        assert!((3.2..=4.8).contains(&waits[1]), "{waits:?}");
        assert!(waits.iter().all(|w| *w <= 300.0 * 1.2), "{waits:?}");
        assert!(b.next(true) >= Duration::from_secs(480));
        b.reset();
        assert!(b.next(false) <= Duration::from_millis(2400));
    }
}
