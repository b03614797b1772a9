//! Reminders: from the catalog's deadlines and gatherings, the messages due at configured
//! offsets before them (default 14, 3 and 1 days before a deadline, 7 and 1 days before a
//! gathering) at a local time of day (default 09:00) in the site's zone, for every room
//! marked for announcements. Pure: it plans and selects; `runner` sends through the outbox.
//!
//! Times come from local rules, so a 09:00 reminder stays at 09:00 across daylight-saving
//! changes; a 09:00 that does not exist (spring forward) becomes 10:00, an ambiguous one
//! (fall back) the first.

use crate::answer::catalog::{Catalog, Gathering};
use crate::answer::format;
use crate::answer::reply::{Line, Reply};
use crate::chat::Network;
use crate::extract::{DeadlineKind, Language, Precision};
use crate::store::outbox::Key;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub mod news;
pub mod runner;
pub mod when;

/// When reminders go out.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub deadline_offsets: Vec<u32>,
    pub event_offsets: Vec<u32>,
    pub time: NaiveTime,
    pub zone: Tz,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            deadline_offsets: vec![14, 3, 1],
            event_offsets: vec![7, 1],
            time: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 is a time"),
            zone: chrono_tz::Europe::Paris,
        }
    }
}

/// What the config says of reminders: when they go out, the rooms they go to, and how late
/// an announcement may still be sent. Replaced whole when the config is re-read.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub settings: Settings,
    pub targets: Vec<Target>,
    pub grace: Duration,
}

/// A room reminders go to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    pub network: Network,
    pub room: String,
    pub lang: Language,
}

/// What a reminder is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    Deadline {
        gathering: String,
        date: NaiveDate,
        kind: DeadlineKind,
    },
    Start {
        gathering: String,
        date: NaiveDate,
    },
}

/// A reminder to send at `at`, identified by `key` (deadline or start, offset, room).
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub key: Key,
    /// Reminders of the same subject in the same room: only the latest missed one is sent.
    pub group: String,
    pub at: DateTime<Utc>,
    /// Past this instant the subject is over and nothing is sent.
    pub until: DateTime<Utc>,
    pub target: Target,
    pub subject: Subject,
}

/// The instant of a local wall time in `zone`, by local rules.
pub fn local_instant(date: NaiveDate, time: NaiveTime, zone: Tz) -> DateTime<Utc> {
    let local = date.and_time(time);
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        // Fall back: 02:30 happens twice; the first is meant.
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        // Spring forward: 02:30 does not exist; an hour later does.
        LocalResult::None => zone
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc)),
    }
}

/// Every reminder of the catalog for every target, past ones included (the runner decides).
pub fn plan(catalog: &Catalog, settings: &Settings, targets: &[Target]) -> Vec<Planned> {
    let mut out = Vec::new();
    for g in catalog
        .gatherings
        .iter()
        .filter(|g| !g.cancelled && g.precision == Precision::Day)
    {
        let key = g.key();
        for d in &g.deadlines {
            // A deadline lasts until the end of its day.
            let until = local_instant(d.date + Duration::days(1), NaiveTime::MIN, settings.zone);
            let subject = Subject::Deadline {
                gathering: key.clone(),
                date: d.date,
                kind: d.kind,
            };
            push(
                &mut out,
                &subject,
                d.date,
                &settings.deadline_offsets,
                until,
                settings,
                targets,
                "deadline",
            );
        }
        let until = local_instant(
            g.start,
            g.start_time.unwrap_or(NaiveTime::MIN),
            settings.zone,
        );
        let subject = Subject::Start {
            gathering: key.clone(),
            date: g.start,
        };
        push(
            &mut out,
            &subject,
            g.start,
            &settings.event_offsets,
            until,
            settings,
            targets,
            "start",
        );
    }
    out.sort_by_key(|p| p.at);
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Planned>,
    subject: &Subject,
    date: NaiveDate,
    offsets: &[u32],
    until: DateTime<Utc>,
    settings: &Settings,
    targets: &[Target],
    what: &str,
) {
    let id = match subject {
        Subject::Deadline {
            gathering,
            date,
            kind,
        } => format!("{gathering}:{date}:{kind:?}"),
        Subject::Start { gathering, date } => format!("{gathering}:{date}"),
    };
    for t in targets {
        let group = format!("{what}:{id}:{}:{}", t.network, t.room);
        for &days in offsets {
            out.push(Planned {
                key: Key::Reminder {
                    group: group.clone(),
                    days,
                },
                group: group.clone(),
                at: local_instant(
                    date - Duration::days(i64::from(days)),
                    settings.time,
                    settings.zone,
                ),
                until,
                target: t.clone(),
                subject: subject.clone(),
            });
        }
    }
}

/// What to do with reminders due by `now` that were never sent (`done` says which were
/// sent or skipped): of each group, only the latest due one is sent, only while its subject
/// is ahead, and never one older than a reminder already done; the others are skipped.
pub fn due(
    planned: &[Planned],
    now: DateTime<Utc>,
    done: impl Fn(&Key) -> bool,
) -> (Vec<&Planned>, Vec<&Planned>) {
    let mut send: Vec<&Planned> = Vec::new();
    let mut skip: Vec<&Planned> = Vec::new();
    let mut past: Vec<&Planned> = planned.iter().filter(|p| p.at <= now).collect();
    past.sort_by(|a, b| a.group.cmp(&b.group).then(a.at.cmp(&b.at)));
    for group in past.chunk_by(|a, b| a.group == b.group) {
        let latest_done = group.iter().rposition(|p| done(&p.key));
        let open: Vec<&Planned> = group
            .iter()
            .enumerate()
            .filter(|(i, p)| latest_done.is_none_or(|d| *i > d) && !done(&p.key))
            .map(|(_, p)| *p)
            .collect();
        // Older than what was already sent: never.
        if let Some(d) = latest_done {
            skip.extend(group[..d].iter().copied().filter(|p| !done(&p.key)));
        }
        let Some((latest, earlier)) = open.split_last() else {
            continue;
        };
        skip.extend(earlier.iter().copied());
        // A late reminder would say what the next one is about to say: leave it to that one.
        let next_soon = planned
            .iter()
            .any(|p| p.group == latest.group && p.at > now && p.at - now < Duration::hours(12));
        if now < latest.until && !next_soon {
            send.push(latest);
        } else {
            skip.push(latest);
        }
    }
    (send, skip)
}

/// The next instant a planned reminder becomes due after `now`.
pub fn next_due(planned: &[Planned], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    planned.iter().map(|p| p.at).filter(|at| *at > now).min()
}

/// The reminder's words, computed when it is sent so that a late one says the truth
/// ("closes in 2 days", not 3).
pub fn render(p: &Planned, catalog: &Catalog, now: DateTime<Utc>, zone: Tz) -> Option<Reply> {
    let lang = p.target.lang;
    let (gathering, date) = match &p.subject {
        Subject::Deadline {
            gathering, date, ..
        }
        | Subject::Start { gathering, date } => (gathering, *date),
    };
    let g: &Gathering = catalog.gatherings.iter().find(|g| &g.key() == gathering)?;
    let v = g.version(lang);
    let title = match &v.parent {
        Some(parent) => format!("{} ({parent})", v.title),
        None => v.title.clone(),
    };
    let today = now.with_timezone(&zone).date_naive();
    let days = (date - today).num_days().max(0);
    let when = format::date(date, lang);
    let line = match &p.subject {
        Subject::Deadline { kind, .. } => {
            let what = deadline_words(*kind, &title, lang);
            let mut line = Line::default().text(format!("{what} {}", closes(days, &when, lang)));
            if let Some(url) = g
                .registration_url(lang)
                .filter(|_| *kind == DeadlineKind::Registration)
            {
                line = line.text(" ").link(url, url);
            }
            line
        }
        Subject::Start { .. } => {
            let span = format::days(g.start, g.end, g.precision, lang);
            let place = g.place(lang).map(|p| format!(", {p}")).unwrap_or_default();
            Line::default()
                .strong(title)
                .text(format!(" {} ({span}{place})", starts(days, lang)))
        }
    };
    Some(Reply::new(lang).line(line))
}

fn deadline_words(kind: DeadlineKind, title: &str, lang: Language) -> String {
    match (kind, lang) {
        (DeadlineKind::Registration, Language::Fr) => format!("Les inscriptions pour {title}"),
        (DeadlineKind::Registration, Language::Es) => format!("Las inscripciones para {title}"),
        (DeadlineKind::Registration, _) => format!("Registration for {title}"),
        (DeadlineKind::Proposal, Language::Fr) => format!("Les propositions pour {title}"),
        (DeadlineKind::Proposal, Language::Es) => format!("Las propuestas para {title}"),
        (DeadlineKind::Proposal, _) => format!("Proposals for {title}"),
        (DeadlineKind::Other, Language::Fr) => format!("L'échéance pour {title}"),
        (DeadlineKind::Other, Language::Es) => format!("El plazo para {title}"),
        (DeadlineKind::Other, _) => format!("The deadline for {title}"),
    }
}

/// "closes in 3 days, on March 15:" with plurals per language.
fn closes(days: i64, when: &str, lang: Language) -> String {
    match (lang, days) {
        (Language::Fr, 0) => format!("ferment aujourd'hui, le {when} :"),
        (Language::Fr, 1) => format!("ferment demain, le {when} :"),
        (Language::Fr, n) => format!("ferment dans {n} jours, le {when} :"),
        (Language::Es, 0) => format!("cierran hoy, el {when}:"),
        (Language::Es, 1) => format!("cierran mañana, el {when}:"),
        (Language::Es, n) => format!("cierran en {n} días, el {when}:"),
        (_, 0) => format!("closes today, {when}:"),
        (_, 1) => format!("closes tomorrow, {when}:"),
        (_, n) => format!("closes in {n} days, on {when}:"),
    }
}

fn starts(days: i64, lang: Language) -> String {
    match (lang, days) {
        (Language::Fr, 0) => "commence aujourd'hui".to_string(),
        (Language::Fr, 1) => "commence demain".to_string(),
        (Language::Fr, n) => format!("commence dans {n} jours"),
        (Language::Es, 0) => "empieza hoy".to_string(),
        (Language::Es, 1) => "empieza mañana".to_string(),
        (Language::Es, n) => format!("empieza en {n} días"),
        (_, 0) => "starts today".to_string(),
        (_, 1) => "starts tomorrow".to_string(),
        (_, n) => format!("starts in {n} days"),
    }
}

#[cfg(test)]
mod tests;
