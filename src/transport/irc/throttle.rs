//! The single output queue: a token bucket (a small burst, then a steady rate; the
//! defaults are safe on Libera.Chat) and round-robin between conversations, so one
//! talkative member cannot delay everyone else's answers. Bounded: past its caps a
//! conversation's oldest lines are dropped. Pure: time is passed in.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Lines that may go out at once.
    pub burst: f64,
    /// Lines per second after the burst.
    pub per_second: f64,
}

impl Rate {
    pub const LIBERA: Rate = Rate {
        burst: 4.0,
        per_second: 1.0,
    };
}

/// A token bucket.
#[derive(Debug, Clone)]
pub struct Bucket {
    rate: Rate,
    tokens: f64,
    at: Instant,
}

impl Bucket {
    pub fn new(rate: Rate, now: Instant) -> Bucket {
        Bucket {
            rate,
            tokens: rate.burst,
            at: now,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate.per_second).min(self.rate.burst);
        self.at = now;
    }

    /// How long until a line may go; zero when it may go now.
    pub fn wait(&mut self, now: Instant) -> Duration {
        self.refill(now);
        if self.tokens >= 1.0 || self.rate.per_second <= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - self.tokens) / self.rate.per_second)
        }
    }

    /// Spends one line (may go below zero for lines that cannot wait, like PONG).
    pub fn spend(&mut self, now: Instant) {
        self.refill(now);
        self.tokens -= 1.0;
    }
}

/// Lines waiting to go, per conversation, served in turn. A line may carry a tag, given
/// back when it is popped (the last line of an outbox message: its acknowledgement).
#[derive(Debug, Default)]
pub struct Queue {
    lines: HashMap<String, VecDeque<(String, Option<u64>)>>,
    turns: VecDeque<String>,
    len: usize,
}

/// Lines one conversation may have waiting.
pub const PER_KEY: usize = 64;
/// Lines that may wait in all.
pub const TOTAL: usize = 512;

impl Queue {
    /// Adds lines for a conversation (a member, a room). Returns how many were dropped.
    pub fn push(&mut self, key: &str, lines: impl IntoIterator<Item = String>) -> usize {
        self.push_tagged(key, lines.into_iter().map(|l| (l, None)))
    }

    /// Like `push`, with a tag per line.
    pub fn push_tagged(
        &mut self,
        key: &str,
        lines: impl IntoIterator<Item = (String, Option<u64>)>,
    ) -> usize {
        let mut dropped = 0;
        for line in lines {
            let q = self.lines.entry(key.to_string()).or_default();
            if q.is_empty() && !self.turns.iter().any(|k| k == key) {
                self.turns.push_back(key.to_string());
            }
            if q.len() >= PER_KEY || self.len >= TOTAL {
                dropped += 1;
                continue;
            }
            q.push_back(line);
            self.len += 1;
        }
        dropped
    }

    /// The next line and its tag, taking conversations in turn.
    pub fn pop(&mut self) -> Option<(String, Option<u64>)> {
        while let Some(key) = self.turns.pop_front() {
            let Some(q) = self.lines.get_mut(&key) else {
                continue;
            };
            let Some(line) = q.pop_front() else {
                self.lines.remove(&key);
                continue;
            };
            self.len -= 1;
            if q.is_empty() {
                self.lines.remove(&key);
            } else {
                self.turns.push_back(key);
            }
            return Some(line);
        }
        None
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_then_keeps_the_rate() {
        let t0 = Instant::now();
        let mut b = Bucket::new(Rate::LIBERA, t0);
        for _ in 0..4 {
            assert_eq!(b.wait(t0), Duration::ZERO);
            b.spend(t0);
        }
        assert_eq!(b.wait(t0), Duration::from_secs(1));
        assert_eq!(b.wait(t0 + Duration::from_millis(1500)), Duration::ZERO);
        b.spend(t0 + Duration::from_millis(1500));
        assert!(b.wait(t0 + Duration::from_millis(1500)) > Duration::from_millis(400));
    }

    #[test]
    fn serves_conversations_in_turn_and_is_bounded() {
        let mut q = Queue::default();
        q.push("spammer", (0..5).map(|i| format!("s{i}")));
        q.push("alice", ["a0".to_string()]);
        let mut next = || q.pop().map(|(l, _)| l);
        assert_eq!(next().as_deref(), Some("s0"));
        assert_eq!(next().as_deref(), Some("a0"));
        assert_eq!(next().as_deref(), Some("s1"));
        let dropped = q.push("spammer", (0..100).map(|i| format!("x{i}")));
        assert_eq!(q.len(), PER_KEY);
        assert_eq!(dropped, 100 - (PER_KEY - 3));
    }
}
