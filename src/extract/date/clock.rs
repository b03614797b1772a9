//! Clock times: "14h30", "2PM", "2:00 p.m.", "midi", and the ranges they make after a
//! date ("de 14h00 à 17h30", "from 2 p.m. to 5:30 p.m.").

use crate::extract::token::{Kind, Token};
use crate::lexicon;
use chrono::{NaiveTime, Timelike};

/// A clock time right after a date: "à 14h", "14h00", ", 2PM", "at 2:00 PM", "@ 6:30pm",
/// "midi".
pub(super) fn time_suffix(t: &[Token<'_>], j: usize) -> Option<(NaiveTime, usize)> {
    let mut k = j;
    if t.get(k).is_some_and(|x| x.is_sym(",")) {
        k += 1;
    }
    while t
        .get(k)
        .is_some_and(|x| x.kind == Kind::Word && lexicon::is_time_lead(x.norm) || x.is_sym("@"))
        && k < j + 3
    {
        k += 1;
    }
    if let Some(found) = clock(t, k) {
        return Some(found);
    }
    None
}

/// "de 14h00 à 17h30", "from 2 p.m. to 5:30 p.m.", "(14h - 17h)", "14h00 - 17h30".
pub fn time_range(t: &[Token<'_>], j: usize) -> Option<(NaiveTime, Option<NaiveTime>, usize)> {
    let mut k = j;
    // "Lundi 22/06 après midi (14h - 17h)", "Monday 22/06 PM (14:00 - 17:00)".
    while t.get(k).is_some_and(|x| {
        x.is_sym(",")
            || x.is_sym("(")
            || x.is_sym("-")
            || x.kind == Kind::Word && lexicon::is_part_of_day(x.norm)
    }) && k < j + 4
    {
        k += 1;
    }
    if t.get(k).is_some_and(|x| {
        x.kind == Kind::Word
            && matches!(
                x.norm,
                "de" | "from" | "des" | "between" | "entre" | "a" | "at" | "partir"
            )
            || x.is_sym("@")
    }) {
        k += 1;
        if t.get(k).is_some_and(|x| x.is_word("partir")) {
            k += 1;
        }
        if t.get(k).is_some_and(|x| x.is_word("de")) {
            k += 1;
        }
    }
    if let Some((from, to, end)) = bare_hour_range(t, k) {
        return Some((from, Some(to), end));
    }
    let (from, mut k) = clock(t, k)?;
    let sep = t.get(k).is_some_and(|x| {
        x.is_sym("-")
            || x.is_sym("–")
            || x.kind == Kind::Word
                && matches!(x.norm, "a" | "to" | "and" | "et" | "until" | "jusqu")
    });
    if sep && let Some((to, end)) = clock(t, k + 1) {
        let to = ending(from, to);
        k = end;
        if t.get(k).is_some_and(|x| x.is_sym(")")) {
            k += 1;
        }
        return Some((from, Some(to), k));
    }
    Some((from, None, k))
}

/// "9-10 AM", "4-5 PM", "11-1 PM": a range whose first hour takes the second's half of the
/// day (the earlier one when that would put it after the second).
fn bare_hour_range(t: &[Token<'_>], k: usize) -> Option<(NaiveTime, NaiveTime, usize)> {
    let first = t.get(k).filter(|x| x.text.len() <= 2)?;
    let hour = first.num().filter(|h| *h <= 24)?;
    let sep = t.get(k + 1)?;
    let spelled = sep.kind == Kind::Word && sep.norm == "a";
    if !(sep.is_sym("-") || sep.is_sym("–") || sep.is_word("to") || spelled) {
        return None;
    }
    // "17-19 h", "17-19h", "de 10 a 13 hrs", "de 9 à 12 heures": hours of a 24-hour clock,
    // the unit written once.
    if let Some(second) = t.get(k + 2).and_then(Token::num).filter(|h| *h <= 24)
        && t.get(k + 3)
            .is_some_and(|x| x.kind == Kind::Word && is_hour_word(x.norm))
        && first.num().is_some_and(|h| h < second)
    {
        let from = NaiveTime::from_hms_opt(first.num()?, 0, 0)?;
        let to = NaiveTime::from_hms_opt(second % 24, 0, 0)?;
        return Some((from, to, k + 4));
    }
    if spelled {
        return None;
    }
    let (to, end) = clock(t, k + 2)?;
    // Only a second hour written with its half of the day lends it to the first.
    meridiem(t, k + 3).or_else(|| meridiem(t, k + 5))?;
    if hour == 0 || hour > 12 {
        return None;
    }
    let mut from = NaiveTime::from_hms_opt(hour % 12 + if to >= noon() { 12 } else { 0 }, 0, 0)?;
    if from > to {
        from = NaiveTime::from_hms_opt(hour % 12, 0, 0)?;
    }
    Some((from, to, end))
}

/// A unit written after a number of hours: "17-19 h", "9-10hs", "14-16 Uhr".
fn is_hour_word(word: &str) -> bool {
    matches!(
        word,
        "h" | "hs" | "hrs" | "hr" | "horas" | "heures" | "hours" | "uhr"
    )
}

/// A unit after an hour that makes it a time of day: "10 heures", "19 hs", "a las 20 horas".
fn is_spelled_hour(word: &str) -> bool {
    matches!(word, "heures" | "heure" | "hs" | "hrs" | "horas")
}

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).expect("noon is a time")
}

/// Whether the tokens at `k` are a clock time or a range of hours rather than days: "9-10
/// AM", "4 PM", "18h", "9:30", "2-3 UTC".
pub fn is_clock_ahead(t: &[Token<'_>], k: usize) -> bool {
    if clock(t, k).is_some() || bare_hour_range(t, k).is_some() {
        return true;
    }
    // "1-3 UTC", "9-10 PDT": hours with a time zone.
    let zone_at = |i: usize| {
        t.get(i)
            .is_some_and(|x| x.kind == Kind::Word && lexicon::TIME_ZONES.contains(&x.norm))
    };
    let hours = t.get(k).is_some_and(|x| x.num().is_some_and(|h| h <= 24));
    hours
        && (zone_at(k + 1)
            || t.get(k + 1).is_some_and(|x| x.is_sym("-") || x.is_sym("–"))
                && t.get(k + 2)
                    .is_some_and(|x| x.num().is_some_and(|h| h <= 24))
                && zone_at(k + 3))
}

/// "- 17h30", "à 17h", "to 5 PM" after a time.
pub(super) fn time_tail(t: &[Token<'_>], j: usize) -> Option<(NaiveTime, usize)> {
    let sep = t.get(j)?;
    let is_sep = sep.is_sym("-")
        || sep.is_sym("–")
        || sep.kind == Kind::Word && matches!(sep.norm, "a" | "to" | "until");
    if !is_sep {
        return None;
    }
    clock(t, j + 1)
}

/// A clock time at `k`: "14h", "14h30", "15h:00", "14:00", "2PM", "2 p.m.", "5:30 pm", "midi".
pub fn clock(t: &[Token<'_>], k: usize) -> Option<(NaiveTime, usize)> {
    let tok = t.get(k)?;
    if tok.kind == Kind::Word {
        let (h, m) = lexicon::named_time(tok.norm)?;
        return Some((NaiveTime::from_hms_opt(h, m, 0)?, k + 1));
    }
    let hour = tok.num().filter(|h| *h <= 24 && tok.text.len() <= 2)?;
    let mut minute = 0;
    let mut end = k + 1;
    let mut explicit = false;
    let next = t.get(end);
    // "12 noon", "12 midnight": the hour and its name.
    if hour == 12
        && let Some((h, m)) = next
            .filter(|x| x.kind == Kind::Word)
            .and_then(|x| lexicon::named_time(x.norm))
    {
        return Some((NaiveTime::from_hms_opt(h, m, 0)?, end + 1));
    }
    // "18h30", and "18 h 30" as French typography spaces it.
    let spaced = next.is_some_and(|x| x.space_before && x.text == "h");
    if next.is_some_and(|x| x.is_word("h") && (!x.space_before || x.text == "h")) {
        explicit = true;
        end += 1;
        if t.get(end).is_some_and(|x| x.is_sym(":") && !x.space_before) {
            end += 1;
        }
        if let Some(m) = t
            .get(end)
            .filter(|x| (spaced || !x.space_before) && x.text.len() == 2)
            .and_then(Token::num)
        {
            minute = m;
            end += 1;
        }
    } else if next.is_some_and(|x| {
        x.space_before && x.kind == Kind::Word && is_spelled_hour(x.norm) && hour > 0
    }) {
        // "à partir de 10 heures", "a las 19 hs": the hour and its unit, a clock time (not
        // "10 hours", a length).
        explicit = true;
        end += 1;
    } else if next
        .is_some_and(|x| (x.is_sym(":") || x.is_sym(".") && hour <= 12) && !x.space_before)
    {
        let m = t
            .get(end + 1)
            .filter(|x| !x.space_before && x.text.len() == 2)
            .and_then(Token::num)?;
        minute = m;
        end += 2;
        explicit = next.is_some_and(|x| x.is_sym(":"));
    }
    // am / pm, as "PM", "pm", "p.m.", "p. m."
    let mut hour = hour;
    if let Some((pm, after)) = meridiem(t, end) {
        if hour > 12 || hour == 0 {
            return None;
        }
        hour = match (pm, hour) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        explicit = true;
        end = after;
    } else if explicit && tok.text.len() == 1 && (1..=6).contains(&hour) && !after_h(t, k) {
        // "talks at 6:30", "a las 5:00": one digit and no "am" is a twelve-hour clock's
        // afternoon or evening; nobody gathers at half past six in the morning, and a
        // twenty-four-hour clock writes "06:30".
        hour += 12;
    }
    if !explicit || minute > 59 || hour > 23 {
        return None;
    }
    Some((NaiveTime::from_hms_opt(hour, minute, 0)?, end))
}

/// The end of a range of hours: "de 22:00 à 2:00" runs through the night, not to two in
/// the afternoon that a one-digit hour otherwise reads as.
pub(super) fn ending(from: NaiveTime, to: NaiveTime) -> NaiveTime {
    if to < from && to.hour() >= 13 {
        to - chrono::Duration::hours(12)
    } else {
        to
    }
}

/// Whether the time at `k` was written with "h" ("6h30"), as a twenty-four-hour clock does.
fn after_h(t: &[Token<'_>], k: usize) -> bool {
    t.get(k + 1).is_some_and(|x| x.is_word("h"))
}

fn meridiem(t: &[Token<'_>], k: usize) -> Option<(bool, usize)> {
    let tok = t.get(k).filter(|x| x.kind == Kind::Word)?;
    match tok.norm {
        "pm" => Some((true, k + 1)),
        "am" => Some((false, k + 1)),
        "p" | "a" => {
            let dot = t.get(k + 1).filter(|x| x.is_sym("."))?;
            let _ = dot;
            let m = t.get(k + 2).filter(|x| x.is_word("m"))?;
            let _ = m;
            let end = if t.get(k + 3).is_some_and(|x| x.is_sym(".")) {
                k + 4
            } else {
                k + 3
            };
            Some((tok.norm == "p", end))
        }
        _ => None,
    }
}
