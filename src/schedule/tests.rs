use super::*;
use chrono::{Datelike, Timelike};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap()
}

#[test]
fn nine_stays_nine_across_daylight_saving_changes() {
    let paris = chrono_tz::Europe::Paris;
    // Before and after 2026-03-29 (spring forward) and 2026-10-25 (fall back).
    for day in [
        "2026-03-28",
        "2026-03-29",
        "2026-03-30",
        "2026-10-24",
        "2026-10-25",
        "2026-10-26",
    ] {
        let at = local_instant(d(day), nine(), paris).with_timezone(&paris);
        assert_eq!((at.hour(), at.minute()), (9, 0), "{day}");
    }
    assert_eq!(
        local_instant(d("2026-03-28"), nine(), paris).hour(),
        8,
        "UTC+1 in winter"
    );
    assert_eq!(
        local_instant(d("2026-03-30"), nine(), paris).hour(),
        7,
        "UTC+2 in summer"
    );
    // 02:30 does not exist on 2026-03-29 in Paris: 03:30 is meant.
    let gap = local_instant(
        d("2026-03-29"),
        NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        paris,
    )
    .with_timezone(&paris);
    assert_eq!((gap.hour(), gap.minute()), (3, 30));
    // 02:30 happens twice on 2026-10-25: the first (still summer time, UTC+2).
    let twice = local_instant(
        d("2026-10-25"),
        NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        paris,
    );
    assert_eq!(twice.hour(), 0);
}

fn planned(group: &str, at: &str, until: &str) -> Planned {
    let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    Planned {
        // Days before a subject on the 15th: the key names the reminder by its day.
        key: Key::Reminder {
            group: group.to_string(),
            days: 15 - t(at).day(),
        },
        group: group.to_string(),
        at: t(at),
        until: t(until),
        target: Target {
            network: Network::Irc,
            room: "#c".into(),
            lang: Language::En,
        },
        subject: Subject::Start {
            gathering: "g".into(),
            date: d("2026-03-15"),
        },
    }
}

#[test]
fn after_an_outage_only_the_latest_missed_reminder_is_sent_while_ahead() {
    let until = "2026-03-16T00:00:00Z";
    let list = vec![
        planned("a", "2026-03-01T08:00:00Z", until),
        planned("a", "2026-03-12T08:00:00Z", until),
        planned("a", "2026-03-14T08:00:00Z", until),
        planned("b", "2026-03-01T08:00:00Z", "2026-03-02T00:00:00Z"),
    ];
    let now = DateTime::parse_from_rfc3339("2026-03-13T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let (send, skip) = due(&list, now, |_| false);
    assert_eq!(
        send.iter().map(|p| p.key.to_string()).collect::<Vec<_>>(),
        vec!["a:3d"]
    );
    // The older reminder of "a", and "b" whose subject is past, are dropped for good.
    let mut skipped: Vec<String> = skip.iter().map(|p| p.key.to_string()).collect();
    skipped.sort();
    assert_eq!(skipped, vec!["a:14d", "b:14d"]);
    // What was sent is not sent again.
    let (send, _) = due(&list, now, |k| k.to_string() == "a:3d");
    assert!(send.is_empty());
    assert_eq!(
        next_due(&list, now).map(|t| t.to_rfc3339()),
        Some("2026-03-14T08:00:00+00:00".to_string())
    );
}

#[test]
fn a_late_reminder_gives_way_to_the_next_one_due_soon() {
    let until = "2026-03-16T00:00:00Z";
    let list = vec![
        planned("a", "2026-03-01T08:00:00Z", until),
        planned("a", "2026-03-12T08:00:00Z", until),
    ];
    let now = DateTime::parse_from_rfc3339("2026-03-12T07:59:55Z")
        .unwrap()
        .with_timezone(&Utc);
    let (send, skip) = due(&list, now, |_| false);
    assert!(
        send.is_empty(),
        "the reminder of 08:00 will say it in five seconds"
    );
    assert_eq!(skip.len(), 1);
}
