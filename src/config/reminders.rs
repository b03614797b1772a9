//! The `[reminders]` table (offsets before deadlines and gatherings, the local time they
//! go out, the grace period of late announcements) and `[[announcement]]` tables
//! (one-off at a date and time, or weekly on a day at a time).

use crate::chat::Network;
use crate::schedule::{self, Settings};
use crate::store::outbox::Announcement;
use chrono::{NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemindersConfig {
    #[serde(default = "deadline_days")]
    pub deadline_days: Vec<u32>,
    #[serde(default = "event_days")]
    pub event_days: Vec<u32>,
    #[serde(default = "nine")]
    pub time: String,
    /// An announcement more than this late (crieur was down) is not sent but reported.
    #[serde(default = "grace")]
    pub grace_minutes: i64,
}

impl Default for RemindersConfig {
    fn default() -> RemindersConfig {
        RemindersConfig {
            deadline_days: deadline_days(),
            event_days: event_days(),
            time: nine(),
            grace_minutes: grace(),
        }
    }
}

fn deadline_days() -> Vec<u32> {
    vec![14, 3, 1]
}
fn event_days() -> Vec<u32> {
    vec![7, 1]
}
fn nine() -> String {
    "09:00".to_string()
}
fn grace() -> i64 {
    60
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementConfig {
    pub text: String,
    /// Channel names (IRC).
    pub rooms: Vec<String>,
    /// One-off: "2026-03-01 09:00", in the config's time zone.
    pub at: Option<String>,
    /// Weekly: a day ("monday", "lundi", "lunes") and a time ("10:00").
    pub weekday: Option<String>,
    pub time: Option<String>,
}

pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

fn parse_weekday(text: &str) -> Option<Weekday> {
    crate::lexicon::weekday(&crate::extract::token::fold(text.trim()))
}

impl RemindersConfig {
    pub fn validate(&self, problems: &mut Vec<String>) {
        if parse_time(&self.time).is_none() {
            problems.push(format!(
                "reminders.time: {:?} is not a time; write it as \"09:00\"",
                self.time
            ));
        }
        for (key, days) in [
            ("deadline_days", &self.deadline_days),
            ("event_days", &self.event_days),
        ] {
            if days.iter().any(|d| *d > 365) {
                problems.push(format!(
                    "reminders.{key}: offsets are days before, at most 365"
                ));
            }
        }
        if self.grace_minutes < 0 {
            problems.push(format!(
                "reminders.grace_minutes: expected 0 or more, got {}",
                self.grace_minutes
            ));
        }
    }

    pub fn settings(&self, zone: Tz) -> Settings {
        Settings {
            deadline_offsets: self.deadline_days.clone(),
            event_offsets: self.event_days.clone(),
            time: parse_time(&self.time).unwrap_or_else(|| Settings::default().time),
            zone,
        }
    }
}

impl AnnouncementConfig {
    pub fn validate(&self, i: usize, problems: &mut Vec<String>) {
        let key = format!("announcement[{i}]");
        if self.text.trim().is_empty() {
            problems.push(format!("{key}.text: empty"));
        }
        if self.rooms.is_empty() {
            problems.push(format!(
                "{key}.rooms: list the rooms, e.g. [\"#georchestra\", \"#georchestra:osgeo.org\"]"
            ));
        }
        match (&self.at, &self.weekday, &self.time) {
            (Some(at), None, None) => {
                if NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").is_err() {
                    problems.push(format!(
                        "{key}.at: {at:?} is not a date and time; write it as \"2026-03-01 09:00\""
                    ));
                }
            }
            (None, Some(day), Some(time)) => {
                if parse_weekday(day).is_none() {
                    problems.push(format!("{key}.weekday: {day:?} is not a day of the week"));
                }
                if parse_time(time).is_none() {
                    problems.push(format!(
                        "{key}.time: {time:?} is not a time; write it as \"10:00\""
                    ));
                }
            }
            _ => problems.push(format!(
                "{key}: give either at = \"2026-03-01 09:00\", or weekday and time"
            )),
        }
    }

    /// The announcement to store (id assigned by the store).
    pub fn announcement(&self, zone: Tz) -> Option<Announcement> {
        let rooms = self
            .rooms
            .iter()
            .map(|r| {
                let network = if super::matrix::is_room(r) {
                    Network::Matrix
                } else {
                    Network::Irc
                };
                (network, r.clone())
            })
            .collect();
        let (at, weekly) = match (&self.at, &self.weekday, &self.time) {
            (Some(at), None, None) => {
                let local = NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").ok()?;
                (
                    schedule::local_instant(local.date(), local.time(), zone),
                    None,
                )
            }
            (None, Some(day), Some(time)) => (
                chrono::DateTime::<chrono::Utc>::MIN_UTC,
                Some((parse_weekday(day)?, parse_time(time)?)),
            ),
            _ => return None,
        };
        Some(Announcement {
            id: 0,
            text: self.text.clone(),
            at,
            rooms,
            author: None,
            weekly,
            cancelled: false,
        })
    }
}
