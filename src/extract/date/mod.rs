//! Dates in prose: a small grammar over tokens that finds single dates ("le 7 juillet
//! 2010", "March 15, 2026"), ranges ("du 30 mars au 3 avril 2026", "June 10th to 12th"),
//! lists ("les jeudi 14 et vendredi 15 octobre", "17 18 et 19 juin"), numeric dates
//! ("24/06/2015", "01/05"), month periods ("en juin", "around June", "fin novembre") and
//! relative weeks ("la semaine dernière"), with clock times attached ("14h30", "2PM",
//! "midi"). `grammar` finds mentions in tokens, `clock` reads times of day, `resolve`
//! turns a mention into calendar dates using the post's date.
//!
//! Pure: no clock, no I/O. Numbers that only look like dates (prices, phone numbers,
//! street numbers, versions, addresses) fail the grammar because it needs a month word or
//! a day/month pair written together.

mod clock;
mod grammar;
mod resolve;

pub use clock::{clock, time_range};
pub use grammar::{find, shown_order};
pub use resolve::{Anchor, Precision, Span, day_span, resolve, resolve_days};

use chrono::{NaiveTime, Weekday};

/// One date as written, with what the text left out still open.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Partial {
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
    pub weekday: Option<Weekday>,
    pub time: Option<NaiveTime>,
    /// For a numeric `a/b` date, the other reading (day, month) when both are valid.
    pub swapped: Option<(u32, u32)>,
    /// Written in figures only ("14/09", "3/4"): as easily a fraction or a score.
    pub numeric: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Single,
    Range,
    List,
    /// A month with no day: "en juin 2015", "around June".
    Month,
    /// Counted from the post's date: "la semaine dernière", "tomorrow".
    Relative {
        days: i64,
        day_precision: bool,
    },
    /// A weekday's next occurrence after the post's date: "next Tuesday", "ce jeudi", "el
    /// sábado que viene".
    Coming {
        weekday: chrono::Weekday,
        /// "next Tuesday" said on a Tuesday is a week later; "this Tuesday" is that day.
        strict: bool,
    },
}

/// A date expression found in a token stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub shape: Shape,
    pub items: Vec<Partial>,
    /// Token range `[first, last)` that the mention covers.
    pub first: usize,
    pub last: usize,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
}

/// Reading order for numeric dates such as `01/05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    DayFirst,
    MonthFirst,
}

#[cfg(test)]
mod tests;
