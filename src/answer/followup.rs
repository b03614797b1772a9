//! Conversations: which gathering a member was last told about, in which room, so that a
//! follow-up ("and where is it?", "et c'est quand ?", "¿y la inscripción?") is about it for
//! ten minutes. Each member and room has its own; what others ask changes nothing. Pure:
//! times are given.

use super::catalog::Gathering;
use super::reply::Reply;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use std::collections::HashMap;

/// How long a follow-up stays about the last gathering.
pub const FOLLOW_UP: TimeDelta = TimeDelta::minutes(10);

/// The most conversations remembered at once (the oldest go first).
const MAX_CONVERSATIONS: usize = 10_000;

/// A gathering as a conversation remembers it: what finds it again after a re-index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    title: String,
    start: NaiveDate,
}

impl About {
    pub fn of(g: &Gathering) -> About {
        About {
            title: g
                .versions
                .first()
                .map(|v| v.title.clone())
                .unwrap_or_default(),
            start: g.start,
        }
    }

    pub fn is(&self, g: &Gathering) -> bool {
        g.start == self.start && g.versions.iter().any(|v| v.title == self.title)
    }
}

/// An answer, and the gathering it was about.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    pub reply: Reply,
    pub about: Option<About>,
    /// What the question was understood to ask ("next", "event"…).
    pub intent: &'static str,
    /// The answer is that crieur does not know.
    pub unknown: bool,
}

/// The last gathering of each conversation, by (room, member).
#[derive(Debug, Default)]
pub struct Memory {
    last: HashMap<(String, String), (About, NaiveDateTime)>,
}

impl Memory {
    /// What the member was last told about in the room, if recent enough.
    pub fn recall(&self, room: &str, member: &str, now: NaiveDateTime) -> Option<&About> {
        let (about, at) = self.last.get(&key(room, member))?;
        (now - *at <= FOLLOW_UP && now >= *at).then_some(about)
    }

    /// Remembers what an answer was about; an answer about nothing keeps the topic.
    pub fn remember(&mut self, room: &str, member: &str, about: Option<About>, now: NaiveDateTime) {
        let Some(about) = about else {
            return;
        };
        if self.last.len() >= MAX_CONVERSATIONS {
            self.last.retain(|_, (_, at)| now - *at <= FOLLOW_UP);
        }
        if self.last.len() >= MAX_CONVERSATIONS {
            return;
        }
        self.last.insert(key(room, member), (about, now));
    }
}

fn key(room: &str, member: &str) -> (String, String) {
    (room.to_lowercase(), member.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 2, 1)
            .and_then(|d| d.and_hms_opt(10, min, 0))
            .unwrap()
    }

    fn about(title: &str) -> About {
        About {
            title: title.to_string(),
            start: NaiveDate::from_ymd_opt(2026, 6, 10).unwrap(),
        }
    }

    #[test]
    fn a_topic_lasts_ten_minutes_for_its_member_and_room() {
        let mut m = Memory::default();
        m.remember("#c", "alice", Some(about("geOcom")), at(0));
        assert_eq!(m.recall("#c", "Alice", at(9)), Some(&about("geOcom")));
        assert_eq!(m.recall("#c", "alice", at(11)), None);
        assert_eq!(m.recall("#c", "bob", at(1)), None);
        assert_eq!(m.recall("#other", "alice", at(1)), None);
        // An answer about nothing keeps the topic; another gathering replaces it.
        m.remember("#c", "alice", None, at(2));
        assert_eq!(m.recall("#c", "alice", at(3)), Some(&about("geOcom")));
        m.remember("#c", "alice", Some(about("sprint")), at(4));
        assert_eq!(m.recall("#c", "alice", at(5)), Some(&about("sprint")));
    }
}
