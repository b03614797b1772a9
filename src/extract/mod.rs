//! Extraction: from a post's structured text to the gatherings it announces, their
//! deadlines, places and registration link. Pure functions of (post, its date): no I/O,
//! no clock.
//!
//! `token` splits text, `date` finds dates in the tokens, `facts` reads what the front
//! matter says (dates, times, place, registration link), `event` decides which dates are
//! gatherings, deadlines or neither, `place` and `link` find where and how to register,
//! `price` what attending costs, `venue` where in town, `lang` tells the language; the words all of them look for are in `crate::lexicon`.

pub mod date;
pub mod event;
pub mod facts;
pub mod help;
pub mod label;
pub mod lang;
pub mod link;
pub mod place;
pub mod price;
pub mod sentence;
pub mod token;
pub mod venue;

pub use date::Precision;
pub use lang::Language;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Everything extraction learned from one post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub lang: Language,
    pub events: Vec<Event>,
    pub deadlines: Vec<Deadline>,
    pub registration_url: Option<String>,
    /// Where to get help, for help pages.
    #[serde(default)]
    pub help: Vec<help::HelpEntry>,
    /// What attending the post's gatherings costs, when it says.
    #[serde(default)]
    pub price: Option<price::Price>,
    /// Where in town the main gathering is: its venue and address as written.
    #[serde(default)]
    pub venue: Option<String>,
}

/// A gathering announced or reported by a post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    /// The town, `online`, or unknown.
    pub place: Option<String>,
    /// The post's main gathering (exactly one per post that has events).
    pub primary: bool,
    pub cancelled: bool,
    /// The link to register for this gathering in its own part of a post of several
    /// ("### Rennes — 17/10 … [Inscription](…)"); the post's link is the main one's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_url: Option<String>,
}

/// A date by which readers must act for one of the post's gatherings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Deadline {
    pub date: NaiveDate,
    pub kind: DeadlineKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineKind {
    Registration,
    Proposal,
    Other,
}

pub use event::extract;
