//! The iCalendar export (RFC 5545): one VEVENT per gathering, however many posts announce it. All-day events are DATE
//! values (the end exclusive, as the RFC wants); timed events are written in UTC, computed
//! from the site's zone, so no VTIMEZONE is needed. Text is escaped and lines are folded
//! at 75 octets on character boundaries.

use crate::answer::catalog::Gathering;
use crate::extract::{DeadlineKind, Language, Precision};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Builds the calendar of the catalog's gatherings, each written once in `lang` when a
/// post says it in that language; `zone_of` gives each site's zone.
pub fn calendar(gatherings: &[Gathering], lang: Language, zone_of: impl Fn(usize) -> Tz) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//crieur//events//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    for g in gatherings {
        vevent(&mut out, g, lang, zone_of(g.site));
        if !g.cancelled {
            deadlines(&mut out, g, lang, zone_of(g.site));
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, g: &Gathering, lang: Language, zone: Tz) {
    let v = g.version(lang);
    line(out, "BEGIN:VEVENT");
    property(out, "UID", &format!("{}@crieur", g.key()));
    let newest = g.versions.iter().filter_map(|v| v.post_date).max();
    let stamp = newest.unwrap_or_else(|| g.start.and_time(NaiveTime::MIN));
    property(out, "DTSTAMP", &utc(stamp, zone));
    let (start, end) = (g.start, g.end);
    match (g.start_time, g.end_time) {
        (Some(st), Some(et)) if g.precision == Precision::Day && (start != end || et > st) => {
            property(out, "DTSTART", &utc(start.and_time(st), zone));
            property(out, "DTEND", &utc(end.and_time(et), zone));
        }
        (Some(st), _) if g.precision == Precision::Day => {
            property(out, "DTSTART", &utc(start.and_time(st), zone));
            property(
                out,
                "DTEND",
                &utc(next_day(end).and_time(NaiveTime::MIN), zone),
            );
        }
        _ => {
            property(
                out,
                "DTSTART;VALUE=DATE",
                &start.format("%Y%m%d").to_string(),
            );
            property(
                out,
                "DTEND;VALUE=DATE",
                &next_day(end).format("%Y%m%d").to_string(),
            );
        }
    }
    let title = match &v.parent {
        Some(p) => format!("{} ({p})", v.title),
        None => v.title.clone(),
    };
    property(out, "SUMMARY", &escape(&title));
    if let Some(place) = g.place(lang) {
        property(out, "LOCATION", &escape(place));
    }
    let mut description = Vec::new();
    if let Some(url) = g.registration_url(lang) {
        description.push(format!("Registration: {url}"));
    }
    for d in &g.deadlines {
        description.push(format!("Deadline ({:?}): {}", d.kind, d.date).to_lowercase());
    }
    if !description.is_empty() {
        property(out, "DESCRIPTION", &escape(&description.join("\n")));
    }
    if let Some(url) = g.post_url(lang) {
        property(out, "URL", url);
    }
    let status = if g.cancelled {
        "CANCELLED"
    } else if g.precision == Precision::Month {
        "TENTATIVE"
    } else {
        "CONFIRMED"
    };
    property(out, "STATUS", status);
    line(out, "END:VEVENT");
}

/// Each deadline of a gathering as an all-day event of its own ("Registration closes:
/// geOcom 2026"): calendar clients show them where alarms of a subscribed calendar are
/// often dropped.
fn deadlines(out: &mut String, g: &Gathering, lang: Language, zone: Tz) {
    let mut seen = Vec::new();
    for d in &g.deadlines {
        if seen.contains(&(d.date, d.kind)) {
            continue;
        }
        seen.push((d.date, d.kind));
        let v = g.version(lang);
        let what = match (d.kind, lang) {
            (DeadlineKind::Registration, Language::Fr) => "Fin des inscriptions :",
            (DeadlineKind::Registration, Language::Es) => "Cierre de inscripciones:",
            (DeadlineKind::Registration, _) => "Registration closes:",
            (DeadlineKind::Proposal, Language::Fr) => "Fin de l'appel à propositions :",
            (DeadlineKind::Proposal, Language::Es) => "Cierre de propuestas:",
            (DeadlineKind::Proposal, _) => "Call for proposals closes:",
            (DeadlineKind::Other, Language::Fr) => "Échéance :",
            (DeadlineKind::Other, Language::Es) => "Plazo:",
            (DeadlineKind::Other, _) => "Deadline:",
        };
        line(out, "BEGIN:VEVENT");
        let kind = format!("{:?}", d.kind).to_lowercase();
        property(
            out,
            "UID",
            &format!("{}-{kind}-{}@crieur", g.key(), d.date.format("%Y%m%d")),
        );
        let newest = g.versions.iter().filter_map(|v| v.post_date).max();
        let stamp = newest.unwrap_or_else(|| d.date.and_time(NaiveTime::MIN));
        property(out, "DTSTAMP", &utc(stamp, zone));
        property(
            out,
            "DTSTART;VALUE=DATE",
            &d.date.format("%Y%m%d").to_string(),
        );
        property(
            out,
            "DTEND;VALUE=DATE",
            &next_day(d.date).format("%Y%m%d").to_string(),
        );
        property(out, "SUMMARY", &escape(&format!("{what} {}", v.title)));
        property(out, "TRANSP", "TRANSPARENT");
        let link = match d.kind {
            DeadlineKind::Registration => g.registration_url(lang).or(g.post_url(lang)),
            _ => g.post_url(lang),
        };
        if let Some(url) = link {
            property(out, "URL", url);
        }
        line(out, "END:VEVENT");
    }
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d + Duration::days(1)
}

/// A local time in `zone` as a UTC DATE-TIME; a time that does not exist (spring forward)
/// is read as the same wall time an hour later.
fn utc(local: NaiveDateTime, zone: Tz) -> String {
    let at = zone
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local));
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn property(out: &mut String, name: &str, value: &str) {
    line(out, &format!("{name}:{value}"));
}

/// Writes a content line folded at 75 octets, never inside a UTF-8 character.
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_on_character_boundaries() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), format!("SUMMARY:{}", "é".repeat(60)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn converts_local_times_to_utc() {
        let t = NaiveDate::from_ymd_opt(2026, 6, 10)
            .unwrap()
            .and_hms_opt(14, 0, 0)
            .unwrap();
        assert_eq!(utc(t, chrono_tz::Europe::Paris), "20260610T120000Z");
    }
}
