//! What `crieur outbox` shows: every message crieur has written (pending, sent, skipped)
//! and those it plans (reminders and announcements not yet due), in time order, with
//! local times and rooms; a table for people, JSON for scripts.

use crate::answer::catalog::Catalog;
use crate::answer::reply::Limits;
use crate::chat::Network;
use crate::schedule::runner::occurrences;
use crate::schedule::{Settings, Target, plan, render};
use crate::store::outbox::{Announcement, Entry, Key, State};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashSet;

/// One message, written or planned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Written as the outbox writes it (its idempotency key).
    pub key: Key,
    /// planned, pending, sent or skipped.
    pub state: &'static str,
    /// When it is due (planned, pending) or when it was sent or skipped.
    pub at: DateTime<Utc>,
    pub network: Option<Network>,
    pub room: String,
    pub text: String,
}

/// The outbox's entries and, after `now`, the reminders the catalog plans and the
/// announcements' next occurrences that are not written yet.
pub fn rows(
    entries: &[Entry],
    catalog: &Catalog,
    settings: &Settings,
    targets: &[Target],
    announcements: &[Announcement],
    now: DateTime<Utc>,
) -> Vec<Row> {
    let written: HashSet<&Key> = entries.iter().map(|e| &e.key).collect();
    let mut out: Vec<Row> = entries
        .iter()
        .map(|e| Row {
            key: e.key.clone(),
            state: match e.state {
                State::Pending => "pending",
                State::Sent => "sent",
                State::Skipped => "skipped",
            },
            at: if e.state == State::Pending {
                e.due
            } else {
                e.changed
            },
            network: e.network,
            room: e.room.clone(),
            text: e.lines.join(" "),
        })
        .collect();
    for p in plan(catalog, settings, targets) {
        if p.at <= now || written.contains(&p.key) {
            continue;
        }
        // Worded as it will be on its day ("closes in 3 days").
        let Some(reply) = render(&p, catalog, p.at, settings.zone) else {
            continue;
        };
        out.push(Row {
            key: p.key.clone(),
            state: "planned",
            at: p.at,
            network: Some(p.target.network),
            room: p.target.room.clone(),
            text: reply.plain(Limits::IRC).join(" "),
        });
    }
    for a in announcements.iter().filter(|a| !a.cancelled) {
        let (_, next) = occurrences(a, now, settings.zone);
        let Some(at) = next else { continue };
        for (network, room) in &a.rooms {
            out.push(Row {
                key: Key::Announcement {
                    id: a.id,
                    at: at.timestamp(),
                    network: *network,
                    room: room.clone(),
                },
                state: "planned",
                at,
                network: Some(*network),
                room: room.clone(),
                text: a.text.clone(),
            });
        }
    }
    out.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
    out
}

/// The rows as an aligned table, times in `zone`; texts cut to fit a terminal line.
pub fn table(rows: &[Row], zone: Tz) -> String {
    let mut out = format!(
        "{:<8} {:<22} {:<28} TEXT\n",
        "STATE",
        format!("WHEN ({zone})"),
        "ROOM"
    );
    for r in rows {
        let when = r.at.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z");
        let room = match r.network {
            Some(n) => format!("{} {}", n.name(), r.room),
            None => r.room.clone(),
        };
        let text: String = if r.text.chars().count() > 90 {
            r.text.chars().take(89).chain(['…']).collect()
        } else {
            r.text.clone()
        };
        out.push_str(&format!(
            "{:<8} {:<22} {:<28} {text}\n",
            r.state,
            when.to_string(),
            room
        ));
    }
    if rows.is_empty() {
        out.push_str("(nothing written or planned)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::catalog::testing::catalog;
    use crate::extract::Language;

    #[test]
    fn written_and_planned_messages_in_time_order_with_local_times() {
        let c = catalog(&[(
            "2027-01-10-sprint.md",
            "---\ntitle: Code sprint 2027\nlang: en\n---\nThe code sprint 2027 takes place on March 3-5, 2027 in Lyon. Registration closes on February 20, 2027: https://example.org/register\n",
        )]);
        let zone = chrono_tz::Europe::Paris;
        let settings = Settings {
            zone,
            event_offsets: vec![],
            ..Settings::default()
        };
        let targets = [Target {
            network: Network::Irc,
            room: "#c".into(),
            lang: Language::En,
        }];
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let now = t("2027-02-08T12:00:00+01:00");
        let sent = Entry {
            key: Key::Missed { id: 1, at: 0 },
            network: Some(Network::Irc),
            room: "orga".into(),
            lines: vec!["Announcement #1 was due".into()],
            html: String::new(),
            due: t("2027-02-01T09:00:00+01:00"),
            state: State::Sent,
            changed: t("2027-02-01T09:00:05+01:00"),
            event: None,
            edit: None,
        };
        let weekly = Announcement {
            id: 2,
            text: "Weekly call at 10:30".into(),
            at: t("2027-01-01T00:00:00+01:00"),
            rooms: vec![(Network::Irc, "#c".into())],
            author: None,
            weekly: Some((
                chrono::Weekday::Mon,
                chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            )),
            cancelled: false,
        };
        let rows = rows(&[sent], &c, &settings, &targets, &[weekly], now);
        let states: Vec<(&str, String)> = rows
            .iter()
            .map(|r| {
                (
                    r.state,
                    r.at.with_timezone(&zone).format("%m-%d %H:%M").to_string(),
                )
            })
            .collect();
        // The 14-day reminder (February 6) is past and unwritten: not planned; the 3-day and
        // 1-day ones are; the weekly call's next Monday is February 15.
        assert_eq!(
            states,
            [
                ("sent", "02-01 09:00".to_string()),
                ("planned", "02-15 10:00".to_string()),
                ("planned", "02-17 09:00".to_string()),
                ("planned", "02-19 09:00".to_string()),
            ]
        );
        assert_eq!(
            rows[2].text,
            "Registration for Code sprint 2027 closes in 3 days, on February 20, 2027: https://example.org/register"
        );
        let table = table(&rows, zone);
        assert!(
            table.contains("planned  2027-02-17 09:00 CET   irc #c"),
            "{table}"
        );
        assert!(table.starts_with("STATE    WHEN (Europe/Paris)"), "{table}");
    }
}
