//! The clock: the real one, or one started at a given instant (`--now`) that then runs at
//! normal speed, so that a deployment can be rehearsed against real dates. A started clock
//! runs on tokio's clock, so tests that pause tokio's time move it too. Everything that
//! needs the time asks a `Clock`; pure code takes `now` as an argument.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use tokio::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    zone: Tz,
    /// `None`: the system's clock.
    start: Option<(DateTime<Utc>, Instant)>,
}

impl Clock {
    /// The real clock, read in `zone`.
    pub fn real(zone: Tz) -> Clock {
        Clock { zone, start: None }
    }

    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: DateTime<Utc>, zone: Tz) -> Clock {
        Clock {
            zone,
            start: Some((start, Instant::now())),
        }
    }

    /// Parses `--now` (RFC 3339); `None` gives the real clock.
    pub fn from_arg(now: Option<&str>, zone: Tz) -> anyhow::Result<Clock> {
        use anyhow::Context;
        match now {
            None => Ok(Clock::real(zone)),
            Some(text) => {
                let start = DateTime::parse_from_rfc3339(text).with_context(|| {
                    format!("--now {text:?}: expected RFC 3339, e.g. 2026-11-22T10:00:00+01:00")
                })?;
                Ok(Clock::starting_at(start.with_timezone(&Utc), zone))
            }
        }
    }

    pub fn now_utc(&self) -> DateTime<Utc> {
        match self.start {
            None => Utc::now(),
            Some((at, since)) => {
                at + chrono::Duration::from_std(since.elapsed()).unwrap_or_default()
            }
        }
    }

    /// Local wall time in the clock's zone.
    pub fn now(&self) -> NaiveDateTime {
        self.now_utc().with_timezone(&self.zone).naive_local()
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }
}
