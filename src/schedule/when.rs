//! When an organiser wants an announcement out: the time phrase at the start of
//! `!announce <when> <text>` in French, English or Spanish ("2026-03-01 09:00", "demain 9h",
//! "lundi 10h", "tomorrow 9am", "in 2 hours", "el lunes a las 10", "le 3 mars à 14h"), read
//! in the room's zone. Pure: `now` is given. Returns the instant and the rest of the text.

use super::local_instant;
use crate::extract::date::{self, Anchor, Lang};
use crate::extract::token::{Kind, Token, tokenize};
use crate::lexicon;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

/// The time a day-only phrase ("demain") means.
fn default_time() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 is a time")
}

/// Reads the time phrase at the start of `text`; `None` if there is none.
pub fn parse(text: &str, now: DateTime<Utc>, zone: Tz) -> Option<(DateTime<Utc>, String)> {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    let local_now = now.with_timezone(&zone).naive_local();
    let today = local_now.date();
    let (at, end) = relative(&tokens, now)
        .or_else(|| iso(&tokens, zone))
        .or_else(|| day_word(&tokens, today, zone))
        .or_else(|| written_date(&tokens, today, zone))
        .or_else(|| time_only(&tokens, local_now, zone))?;
    let rest = tokens.get(end).map_or("", |t| &text[t.start..]);
    Some((
        at,
        rest.trim_start_matches([',', ':', '-', ' '])
            .trim()
            .to_string(),
    ))
}

/// "in 2 hours", "dans 30 min", "en 2 horas", "in 3 days".
fn relative(t: &[Token<'_>], now: DateTime<Utc>) -> Option<(DateTime<Utc>, usize)> {
    let lead = t
        .first()
        .filter(|x| matches!(x.norm, "in" | "dans" | "en"))?;
    let _ = lead;
    let n = i64::from(t.get(1)?.num()?);
    let unit = t.get(2).filter(|x| x.kind == Kind::Word)?;
    let step = match unit.norm {
        "s" | "sec" | "secs" | "second" | "seconds" | "seconde" | "secondes" | "segundo"
        | "segundos" => Duration::seconds(n),
        u if u.starts_with("min") => Duration::minutes(n),
        "h" | "hour" | "hours" | "heure" | "heures" | "hora" | "horas" => Duration::hours(n),
        "day" | "days" | "jour" | "jours" | "dia" | "dias" => Duration::days(n),
        "week" | "weeks" | "semaine" | "semaines" | "semana" | "semanas" => Duration::weeks(n),
        _ => return None,
    };
    Some((now + step, 3))
}

/// "2026-03-01 09:00", "2026-03-01T09:00", "2026-03-01".
fn iso(t: &[Token<'_>], zone: Tz) -> Option<(DateTime<Utc>, usize)> {
    let y = t
        .first()
        .filter(|x| x.kind == Kind::Num && x.text.len() == 4)?;
    if !(t.get(1)?.is_sym("-") && t.get(3)?.is_sym("-")) {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(y.text.parse().ok()?, t.get(2)?.num()?, t.get(4)?.num()?)?;
    let mut k = 5;
    if t.get(k).is_some_and(|x| x.is_word("t") && !x.space_before) {
        k += 1;
    }
    let (time, end) = time_at(t, k).unwrap_or((default_time(), k));
    Some((local_instant(day, time, zone), end))
}

/// "today 18h", "demain 9h", "mañana a las 9", "lundi 10h", "el lunes a las 10", "next monday 10:00".
fn day_word(t: &[Token<'_>], today: NaiveDate, zone: Tz) -> Option<(DateTime<Utc>, usize)> {
    let mut k = 0;
    while t
        .get(k)
        .is_some_and(|x| matches!(x.norm, "le" | "el" | "next" | "this" | "ce"))
    {
        k += 1;
    }
    let word = t.get(k).filter(|x| x.kind == Kind::Word)?;
    let day = match word.norm {
        "today" | "hoy" => today,
        "aujourd" => {
            // aujourd'hui
            if t.get(k + 2).is_some_and(|x| x.is_word("hui")) {
                k += 2;
            }
            today
        }
        "tomorrow" | "demain" | "manana" => today + Duration::days(1),
        w => {
            let wd = lexicon::weekday(w)?;
            // The next such day, a week ahead when it is today.
            let ahead = (i64::from(wd.num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday()))
            .rem_euclid(7);
            today + Duration::days(if ahead == 0 { 7 } else { ahead })
        }
    };
    k += 1;
    if t.get(k)
        .is_some_and(|x| matches!(x.norm, "prochain" | "prochaine" | "proximo" | "next"))
    {
        k += 1;
    }
    let (time, end) = time_at(t, k).unwrap_or((default_time(), k));
    Some((local_instant(day, time, zone), end))
}

/// "le 3 mars à 14h", "March 3 at 2pm", "el 3 de marzo a las 14:00", "03/03 14h".
fn written_date(t: &[Token<'_>], today: NaiveDate, zone: Tz) -> Option<(DateTime<Utc>, usize)> {
    let mut k = 0;
    while t
        .get(k)
        .is_some_and(|x| matches!(x.norm, "le" | "el" | "on"))
    {
        k += 1;
    }
    let mentions = date::find(&t[k..], Lang::DayFirst);
    let m = mentions
        .first()
        .filter(|m| m.first == 0 && m.items.len() == 1)?;
    let anchor = Anchor {
        post_date: today,
        context_year: None,
        future_only: true,
    };
    let span = date::resolve(m, &anchor)?;
    let mut day = span.start;
    if day < today && m.items[0].year.is_none() {
        day = day.with_year(day.year() + 1)?;
    }
    let end = k + m.last;
    let (time, end) = match m.start_time {
        Some(time) => (time, end),
        None => time_at(t, end).unwrap_or((default_time(), end)),
    };
    Some((local_instant(day, time, zone), end))
}

/// "18h", "at 6pm", "à 18h": today, or tomorrow when that time has passed.
fn time_only(
    t: &[Token<'_>],
    now: chrono::NaiveDateTime,
    zone: Tz,
) -> Option<(DateTime<Utc>, usize)> {
    let (time, end) = time_at(t, 0)?;
    let day = if time > now.time() {
        now.date()
    } else {
        now.date() + Duration::days(1)
    };
    Some((local_instant(day, time, zone), end))
}

/// A clock time at `k`, with its lead words: "à 14h", "at 2pm", "a las 10", "10:00".
fn time_at(t: &[Token<'_>], k: usize) -> Option<(NaiveTime, usize)> {
    let mut k = k;
    while t.get(k).is_some_and(|x| {
        x.kind == Kind::Word && matches!(x.norm, "a" | "at" | "las" | "la" | "vers" | "around")
    }) {
        k += 1;
    }
    if let Some(found) = date::clock(t, k) {
        return Some(found);
    }
    // "a las 10", "at 10": a bare hour after a lead word.
    let hour = t.get(k)?.num().filter(|h| *h < 24 && k > 0)?;
    let lead = &t[k - 1];
    matches!(lead.norm, "las" | "at" | "a")
        .then(|| (NaiveTime::from_hms_opt(hour, 0, 0), k + 1))
        .and_then(|(t, e)| t.map(|t| (t, e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        // Thursday 2026-02-26 15:00 in Paris.
        chrono_tz::Europe::Paris
            .with_ymd_and_hms(2026, 2, 26, 15, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn local(text: &str) -> Option<(String, String)> {
        let zone = chrono_tz::Europe::Paris;
        parse(text, now(), zone).map(|(at, rest)| {
            (
                at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
                rest,
            )
        })
    }

    #[test]
    fn reads_time_phrases_in_three_languages() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            local("2026-03-01 09:00 Le sprint commence"),
            s("2026-03-01 09:00", "Le sprint commence")
        );
        assert_eq!(local("2026-03-01T14:30 go"), s("2026-03-01 14:30", "go"));
        assert_eq!(
            local("demain 9h Rappel : inscriptions"),
            s("2026-02-27 09:00", "Rappel : inscriptions")
        );
        assert_eq!(local("lundi 10h réunion"), s("2026-03-02 10:00", "réunion"));
        assert_eq!(
            local("tomorrow 9am Reminder"),
            s("2026-02-27 09:00", "Reminder")
        );
        assert_eq!(
            local("in 2 hours: call starts"),
            s("2026-02-26 17:00", "call starts")
        );
        assert_eq!(
            local("dans 30 minutes appel"),
            s("2026-02-26 15:30", "appel")
        );
        assert_eq!(
            local("el lunes a las 10 reunión"),
            s("2026-03-02 10:00", "reunión")
        );
        assert_eq!(
            local("mañana a las 9:30 aviso"),
            s("2026-02-27 09:30", "aviso")
        );
        assert_eq!(
            local("le 3 mars à 14h atelier"),
            s("2026-03-03 14:00", "atelier")
        );
        assert_eq!(
            local("March 3 at 2pm workshop"),
            s("2026-03-03 14:00", "workshop")
        );
        assert_eq!(
            local("thursday 9am next week"),
            s("2026-03-05 09:00", "next week")
        );
        assert_eq!(local("18h apéro"), s("2026-02-26 18:00", "apéro"));
        assert_eq!(
            local("aujourd'hui 18h apéro"),
            s("2026-02-26 18:00", "apéro")
        );
        assert_eq!(local("hello world"), None);
    }

    #[test]
    fn reads_times_across_a_daylight_saving_change() {
        // Sunday 2026-03-29: Paris moves from UTC+1 to UTC+2; 09:00 stays 09:00.
        let zone = chrono_tz::Europe::Paris;
        let (at, _) = parse("2026-03-29 09:00 x", now(), zone).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-03-29T07:00:00+00:00");
        let (at, _) = parse("2026-03-28 09:00 x", now(), zone).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-03-28T08:00:00+00:00");
    }
}
