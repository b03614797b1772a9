//! The clock: the real one, or one started at a given instant (`--now`) that then runs at
//! normal speed, so that a deployment can be rehearsed against real dates. Everything that
//! needs the time asks a `Clock`; pure code takes `now` as an argument.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    zone: Tz,
    offset: chrono::Duration,
}

impl Clock {
    /// The real clock, read in `zone`.
    pub fn real(zone: Tz) -> Clock {
        Clock {
            zone,
            offset: chrono::Duration::zero(),
        }
    }

    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: DateTime<Utc>, zone: Tz) -> Clock {
        Clock {
            zone,
            offset: start - Utc::now(),
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
        Utc::now() + self.offset
    }

    /// Local wall time in the clock's zone.
    pub fn now(&self) -> NaiveDateTime {
        self.now_utc().with_timezone(&self.zone).naive_local()
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }
}
