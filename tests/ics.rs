//! The iCalendar export checked against RFC 5545's rules, and read back by an independent
//! parser (the `icalendar` crate).

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike};
use std::process::Command;

fn export_ics() -> String {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crieur"))
        .args([
            "export",
            "--format",
            "ics",
            "--config",
            "config/crieur.toml",
            "--data",
            data.path().to_str().unwrap(),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("crieur runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn follows_the_rfc_5545_rules() {
    let ics = export_ics();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("VERSION:2.0") && unfolded.contains("PRODID:"));
    let events: Vec<&str> = unfolded.split("BEGIN:VEVENT").skip(1).collect();
    // A gathering's UID is its key; a deadline's adds its kind and date.
    let gatherings = events
        .iter()
        .filter(|e| {
            e.split("UID:")
                .nth(1)
                .and_then(|u| u.split("\r\n").next())
                .is_some_and(|uid| !uid.contains('-'))
        })
        .count();
    assert_eq!(gatherings, 7, "translations are written once: {unfolded}");
    // Each registration deadline is an all-day event of its own.
    assert!(
        events
            .iter()
            .any(|e| e.contains("SUMMARY:Registration closes: ")
                && e.contains("DTSTART;VALUE=DATE:")),
        "{unfolded}"
    );
    for event in &events {
        for property in ["UID:", "DTSTAMP:", "DTSTART", "DTEND", "SUMMARY:"] {
            assert!(event.contains(property), "{property} missing in {event}");
        }
        let stamp = event
            .split("DTSTAMP:")
            .nth(1)
            .unwrap()
            .split("\r\n")
            .next()
            .unwrap();
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z'),
            "DTSTAMP is a UTC date-time: {stamp}"
        );
    }
}

#[test]
fn reads_back_with_an_independent_parser() {
    let ics = export_ics();
    let calendar: Calendar = ics.parse().expect("icalendar parses the export");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let geocom = events
        .iter()
        .find(|e| e.get_summary() == Some("geOcom 2024"))
        .expect("geOcom 2024");
    // 14:00 to 17:00 in Paris in June is 12:00 to 15:00 UTC.
    match geocom.get_start() {
        Some(DatePerhapsTime::DateTime(t)) => {
            assert!(format!("{t:?}").contains("2024-06-17T12:00:00"), "{t:?}")
        }
        other => panic!("timed start expected, got {other:?}"),
    }
    assert_eq!(geocom.get_location(), Some("Lille"));
    let winter = events
        .iter()
        .find(|e| e.get_summary() == Some("Winter community meeting 2026"))
        .expect("the winter meeting, in the config's first language");
    // All-day: DATE values, the end exclusive.
    assert_eq!(
        winter.get_start(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 30).unwrap()
        ))
    );
    assert_eq!(
        winter.get_end(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 4, 4).unwrap()
        ))
    );
}
