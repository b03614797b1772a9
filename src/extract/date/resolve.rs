//! Placing a date mention on the calendar, with what the post tells: its date, a year its
//! title or sentence names, whether the date must lie ahead (a deadline).

use super::{Mention, Partial, Shape};
use chrono::{Datelike, Duration, NaiveDate};

/// How precisely a resolved date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
}

/// A mention placed on the calendar. For month precision, `start` is the 1st and `end` the
/// last day of the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

/// What resolution knows about the post.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub post_date: NaiveDate,
    /// A year the context names (title, sentence), preferred when the text leaves it out.
    pub context_year: Option<i32>,
    /// A deadline lies after the post's date; an ambiguous `a/b` takes the reading that does.
    pub future_only: bool,
}

/// Places a mention on the calendar, or `None` if it names an impossible date.
pub fn resolve(m: &Mention, anchor: &Anchor) -> Option<Span> {
    match m.shape {
        Shape::Relative {
            days,
            day_precision,
        } => {
            let day = anchor.post_date + Duration::days(days);
            Some(if day_precision {
                day_span(day, day)
            } else {
                month_span(day.year(), day.month())?
            })
        }
        Shape::Coming { weekday, strict } => {
            let post = anchor.post_date;
            let ahead =
                (7 + weekday.num_days_from_monday() - post.weekday().num_days_from_monday()) % 7;
            let ahead = if ahead == 0 && strict { 7 } else { ahead };
            let day = post + Duration::days(i64::from(ahead));
            Some(day_span(day, day))
        }
        Shape::Month => {
            // One month, or two that follow each other ("February and March"): the year
            // written after the second is the period's.
            let (first, last) = (m.items[0], *m.items.last()?);
            let month = first.month?;
            let year = first
                .year
                .or(last
                    .year
                    .map(|y| if last.month < first.month { y - 1 } else { y }))
                .unwrap_or_else(|| infer_month_year(month, anchor));
            let span = month_span(year, month)?;
            let last_month = last.month?;
            let last_year = if last_month < month { year + 1 } else { year };
            Some(Span {
                end: month_span(last_year, last_month)?.end,
                ..span
            })
        }
        Shape::Single | Shape::Range | Shape::List => {
            let last = *m.items.last()?;
            let end = resolve_day(&last, anchor)?;
            let mut start = end;
            let mut all = Vec::with_capacity(m.items.len());
            all.push(end);
            for p in &m.items[..m.items.len() - 1] {
                let mut date = resolve_day(p, anchor)?;
                // The earlier days of "du 28 décembre au 3 janvier" are in the year before.
                if p.year.is_none() && date > end {
                    date = date.with_year(date.year() - 1)?;
                }
                all.push(date);
                start = start.min(date);
            }
            // A range ends after it starts: "2014-04-21 à 18.15.14" (a screenshot's name) is
            // no range.
            if m.shape == Shape::Range && all.get(1).is_some_and(|first| *first > end) {
                return None;
            }
            let end = all.iter().copied().max()?;
            Some(day_span(start, end))
        }
    }
}

/// The days of a list, each on the calendar, in the order written ("les 4 et 7 décembre",
/// "Thursdays April 29, May 13, May 27"); `None` for other shapes or an impossible date.
pub fn resolve_days(m: &Mention, anchor: &Anchor) -> Option<Vec<NaiveDate>> {
    if m.shape != Shape::List {
        return None;
    }
    let last = resolve_day(m.items.last()?, anchor)?;
    let mut days = Vec::with_capacity(m.items.len());
    for p in &m.items[..m.items.len() - 1] {
        let mut date = resolve_day(p, anchor)?;
        if p.year.is_none() && date > last {
            date = date.with_year(date.year() - 1)?;
        }
        days.push(date);
    }
    days.push(last);
    Some(days)
}

pub fn day_span(start: NaiveDate, end: NaiveDate) -> Span {
    Span {
        start,
        end,
        precision: Precision::Day,
    }
}

fn month_span(year: i32, month: u32) -> Option<Span> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(Span {
        start,
        end: next.pred_opt()?,
        precision: Precision::Month,
    })
}

/// How far from the post a weekday and a day with no month are looked for: the next such
/// date, or one of the days just before (a report).
const WEEKDAY_AHEAD: i64 = 60;
const WEEKDAY_BEHIND: i64 = 7;

fn resolve_day(p: &Partial, anchor: &Anchor) -> Option<NaiveDate> {
    if p.month.is_none() {
        // "Mercredi 12": the nearest Wednesday the 12th around the post.
        let (day, weekday) = (p.day?, p.weekday?);
        let from = anchor.post_date - Duration::days(WEEKDAY_BEHIND);
        return (0..=WEEKDAY_AHEAD + WEEKDAY_BEHIND)
            .map(|i| from + Duration::days(i))
            .find(|d| d.day() == day && d.weekday() == weekday);
    }
    let primary = resolve_reading(p, p.day?, p.month?, anchor);
    let Some((d, m)) = p.swapped else {
        return primary;
    };
    let other = resolve_reading(p, d, m, anchor);
    match (primary, other) {
        // "Saturday, 11/03/2023" in English: the 11th of March was the Saturday.
        (Some(a), Some(b))
            if p.weekday
                .is_some_and(|w| a.weekday() != w && b.weekday() == w) =>
        {
            Some(b)
        }
        (Some(a), Some(b)) => {
            let before = |x: NaiveDate| x < anchor.post_date - Duration::days(3);
            let prefer_other = if anchor.future_only {
                before(a) && !before(b)
            } else {
                before(a) && !before(b) && p.year.is_none()
            };
            Some(if prefer_other { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

fn resolve_reading(p: &Partial, day: u32, month: u32, anchor: &Anchor) -> Option<NaiveDate> {
    if let Some(year) = p.year {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let base = anchor.post_date.year();
    let candidates: Vec<NaiveDate> = (base - 1..=base + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .collect();
    if let Some(wd) = p.weekday {
        let matching: Vec<_> = candidates
            .iter()
            .copied()
            .filter(|d| d.weekday() == wd)
            .collect();
        if matching.len() == 1 {
            return matching.first().copied();
        }
    }
    if let Some(y) = anchor.context_year
        && let Some(d) = NaiveDate::from_ymd_opt(y, month, day)
    {
        return Some(d);
    }
    candidates.into_iter().min_by_key(|d| distance(*d, anchor))
}

/// How far a candidate is from the post, a past date counting double: posts announce more
/// often than they report, but a report days after the event is still nearer.
fn distance(d: NaiveDate, anchor: &Anchor) -> i64 {
    let days = (d - anchor.post_date).num_days();
    if days >= 0 { days } else { -days * 2 }
}

fn infer_month_year(month: u32, anchor: &Anchor) -> i32 {
    if let Some(y) = anchor.context_year {
        return y;
    }
    let base = anchor.post_date.year();
    (base - 1..=base + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, 15))
        .min_by_key(|d| distance(*d, anchor))
        .map_or(base, |d| d.year())
}
