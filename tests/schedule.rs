//! The scheduler on tokio's paused clock with crieur's clock started on it: reminders go
//! out at 09:00 local time across the daylight-saving changes of 2026-03-29 and
//! 2026-10-25 in Europe/Paris, each once, through the outbox; a re-index that moves a
//! deadline moves its reminders; a reminder held up by an outage is reworded, and never sent
//! after its deadline; the scheduler sleeps when nothing is due.

use crate::support::site_spec;
use chrono::{DateTime, TimeZone, Timelike, Utc};
use crieur::chat::Network;
use crieur::clock::Clock;
use crieur::extract::Language;
use crieur::index;
use crieur::run::{Core, Shared};
use crieur::schedule::runner::{Delivery, Scheduler};
use crieur::schedule::{Rules, Settings, Target};
use crieur::store::Store;
use crieur::store::outbox::{Key, State};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{Notify, mpsc, watch};

const PARIS: chrono_tz::Tz = chrono_tz::Europe::Paris;

/// What the network was given: when, the outbox key, the text.
type Sent = Arc<Mutex<Vec<(DateTime<Utc>, String, String)>>>;

struct Rig {
    sent: Sent,
    store: Arc<Store>,
    shared: Arc<Shared>,
    wake: Arc<Notify>,
    looks: Arc<AtomicU64>,
    /// While false, the network fails every send (as a homeserver that is away).
    up: Arc<AtomicBool>,
    /// The config's reminder rules, as a reload replaces them.
    rules: watch::Sender<Rules>,
    _shutdown: watch::Sender<bool>,
}

/// A scheduler over `site`, its clock started at `start` on tokio's (paused) clock, and a
/// network that records what it is given and acknowledges it.
fn rig(site: &Path, start: DateTime<Utc>) -> Rig {
    let store = Arc::new(Store::temporary().unwrap());
    index::index_sites(&store, &[site_spec(site)]).unwrap();
    let clock = Clock::starting_at(start, PARIS);
    let (core, _requests) = Core::new();
    let shared = Arc::new(Shared::new(
        index::answerer(&store).unwrap(),
        clock,
        Language::En,
        core,
    ));
    let (tx, mut rx) = mpsc::channel::<Delivery>(64);
    let sent = Arc::new(Mutex::new(Vec::new()));
    let record = sent.clone();
    let up = Arc::new(AtomicBool::new(true));
    let network_up = up.clone();
    tokio::spawn(async move {
        while let Some(d) = rx.recv().await {
            if !network_up.load(Ordering::Relaxed) {
                continue;
            }
            record
                .lock()
                .unwrap()
                .push((clock.now_utc(), d.key.to_string(), d.lines.join("\n")));
            drop(d.done.delivered());
        }
    });
    let wake = Arc::new(Notify::new());
    let looks = Arc::new(AtomicU64::new(0));
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let (rules, _) = watch::channel(Rules {
        settings: Settings {
            zone: PARIS,
            ..Settings::default()
        },
        targets: vec![Target {
            network: Network::Irc,
            room: "#c".into(),
            lang: Language::En,
        }],
        grace: chrono::Duration::hours(1),
    });
    let scheduler = Scheduler {
        store: store.clone(),
        answerer: shared.live.clone(),
        clock,
        language: Language::En,
        rules: rules.subscribe(),
        networks: HashMap::from([(Network::Irc, tx)]),
        wake: wake.clone(),
        looks: looks.clone(),
    };
    tokio::spawn(scheduler.run(shutdown_rx));
    Rig {
        sent,
        store,
        shared,
        wake,
        looks,
        up,
        rules,
        _shutdown: shutdown_tx,
    }
}

fn paris(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    PARIS
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

async fn days(n: u64) {
    tokio::time::sleep(std::time::Duration::from_secs(n * 86_400)).await;
}

#[tokio::test(start_paused = true)]
async fn reminders_go_out_at_nine_local_across_daylight_saving_changes() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadlines");
    let r = rig(&site, paris(2026, 3, 10, 12));
    days(250).await;
    let sent = r.sent.lock().unwrap().clone();
    let mut keys: Vec<&str> = sent.iter().map(|(_, k, _)| k.as_str()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(
        keys.len(),
        sent.len(),
        "a reminder went out twice: {sent:#?}"
    );
    // Registration for the spring meeting closes on 2026-03-30: reminders 14, 3 and 1 days
    // before, the last two on each side of the spring-forward night of 2026-03-29.
    let at = |text: &str| -> Vec<(String, u32)> {
        sent.iter()
            .filter(|(_, _, t)| t.contains(text))
            .map(|(when, _, _)| {
                let local = when.with_timezone(&PARIS);
                (local.date_naive().to_string(), local.hour())
            })
            .collect()
    };
    assert_eq!(
        at("Registration for Spring meeting 2026 closes"),
        vec![
            ("2026-03-16".to_string(), 9),
            ("2026-03-27".to_string(), 9),
            ("2026-03-29".to_string(), 9)
        ],
        "{sent:#?}"
    );
    assert!(
        sent.iter().any(|(_, _, t)| t
            .contains("closes tomorrow, March 30, 2026: https://forms.example.org/spring")),
        "{sent:#?}"
    );
    // The autumn deadline, 2026-10-26: 14 days, 3 days and the day before, the last on the
    // fall-back day 2026-10-25 — still at 09:00.
    assert_eq!(
        at("Registration for Rencontres d'automne 2026 closes"),
        vec![
            ("2026-10-12".to_string(), 9),
            ("2026-10-23".to_string(), 9),
            ("2026-10-25".to_string(), 9)
        ],
        "{sent:#?}"
    );
    // Gatherings: 7 days and 1 day before they start.
    assert_eq!(
        at("Spring meeting 2026 starts"),
        vec![("2026-04-07".to_string(), 9), ("2026-04-13".to_string(), 9)]
    );
    // Everything sent is marked so in the outbox.
    for (_, key, _) in &sent {
        assert_eq!(
            r.store
                .outbox_state(&Key::try_from(key.clone()).unwrap())
                .unwrap(),
            Some(State::Sent),
            "{key}"
        );
    }
    // Asleep between due instants: at most one look an hour over 250 days, plus the sends.
    let looks = r.looks.load(Ordering::Relaxed);
    assert!(looks <= 250 * 24 + 50, "{looks} looks");
}

#[tokio::test(start_paused = true)]
async fn a_reindex_that_moves_a_deadline_moves_its_reminders() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    let write = |deadline: &str| {
        std::fs::write(
            posts.join("2026-02-01-sprint.md"),
            format!("---\ntitle: \"Code sprint\"\ndate: 2026-02-01\nlang: en\n---\n\nThe code sprint will take place on June 10, 2026 in Lyon.\n\nPlease register no later than {deadline}.\n"),
        )
        .unwrap();
    };
    write("May 20, 2026");
    let r = rig(dir.path(), paris(2026, 5, 1, 12));
    days(2).await;
    // The organisers move the deadline to May 10 and the site is re-indexed.
    write("May 10, 2026");
    index::index_sites(&r.store, &[site_spec(dir.path())]).unwrap();
    r.shared.replace(index::answerer(&r.store).unwrap());
    r.wake.notify_one();
    days(30).await;
    let sent = r.sent.lock().unwrap().clone();
    let registration: Vec<String> = sent
        .iter()
        .filter(|(_, _, t)| t.starts_with("Registration"))
        .map(|(w, _, t)| format!("{} {t}", w.with_timezone(&PARIS).date_naive()))
        .collect();
    assert_eq!(
        registration,
        vec![
            // Its 14-day reminder (April 26) was already past when the deadline moved: the
            // latest missed one goes out at once, with the right count of days.
            "2026-05-03 Registration for Code sprint closes in 7 days, on May 10, 2026:"
                .to_string(),
            "2026-05-07 Registration for Code sprint closes in 3 days, on May 10, 2026:"
                .to_string(),
            "2026-05-09 Registration for Code sprint closes tomorrow, May 10, 2026:".to_string(),
        ],
        "{sent:#?}"
    );
    // Nothing about the old deadline of May 20 after it moved.
    assert!(
        !sent.iter().any(|(_, k, _)| k.contains("2026-05-20")),
        "{sent:#?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_or_removed_gathering_drops_its_reminders() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    let sprint = |sentence: &str| {
        std::fs::write(
            posts.join("2026-02-01-sprint.md"),
            format!("---\ntitle: \"Code sprint\"\ndate: 2026-02-01\nlang: en\n---\n\n{sentence}\n\nPlease register no later than May 20, 2026.\n"),
        )
        .unwrap();
    };
    sprint("The code sprint will take place on June 10, 2026 in Lyon.");
    std::fs::write(
        posts.join("2026-02-02-workshop.md"),
        "---\ntitle: \"QGIS workshop\"\ndate: 2026-02-02\nlang: en\n---\n\nThe QGIS workshop will take place on June 12, 2026 in Paris.\n",
    )
    .unwrap();
    let r = rig(dir.path(), paris(2026, 5, 1, 12));
    days(6).await;
    let before = r.sent.lock().unwrap().clone();
    assert!(
        before
            .iter()
            .any(|(_, _, t)| t.starts_with("Registration for Code sprint closes in 14 days")),
        "{before:#?}"
    );
    // The sprint is called off and the workshop's post taken down; the site is re-indexed.
    sprint("Sadly, the code sprint planned on June 10, 2026 in Lyon is cancelled.");
    std::fs::remove_file(posts.join("2026-02-02-workshop.md")).unwrap();
    index::index_sites(&r.store, &[site_spec(dir.path())]).unwrap();
    r.shared.replace(index::answerer(&r.store).unwrap());
    r.wake.notify_one();
    days(60).await;
    let after: Vec<_> = r.sent.lock().unwrap()[before.len()..].to_vec();
    assert!(after.is_empty(), "nothing more about either: {after:#?}");
}

#[tokio::test(start_paused = true)]
async fn announcements_go_out_on_time_late_within_grace_or_are_reported() {
    use crieur::store::outbox::Announcement;
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadlines");
    let start = paris(2026, 6, 1, 12);
    let r = rig(&site, start);
    let announce =
        |text: &str, at: DateTime<Utc>, weekly: Option<(chrono::Weekday, chrono::NaiveTime)>| {
            r.store
                .add_announcement(Announcement {
                    id: 0,
                    text: text.to_string(),
                    at,
                    rooms: vec![(Network::Irc, "#c".to_string())],
                    author: Some((Network::Irc, "orga".to_string())),
                    weekly,
                    cancelled: false,
                })
                .unwrap()
        };
    // Written while crieur was "down": 30 minutes late is within the hour of grace, 2 hours is not.
    announce("late but fine", start - chrono::Duration::minutes(30), None);
    announce("far too late", start - chrono::Duration::hours(2), None);
    announce("tomorrow at noon", start + chrono::Duration::days(1), None);
    let cancelled = announce("never", start + chrono::Duration::hours(3), None);
    let mut c = cancelled.clone();
    c.cancelled = true;
    r.store.update_announcement(&c).unwrap();
    announce(
        "weekly call",
        start,
        Some((
            chrono::Weekday::Tue,
            chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        )),
    );
    r.wake.notify_one();
    days(15).await;
    let sent = r.sent.lock().unwrap().clone();
    let times = |text: &str| -> Vec<String> {
        sent.iter()
            .filter(|(_, _, t)| t == text)
            .map(|(w, _, _)| w.with_timezone(&PARIS).format("%Y-%m-%d %H:%M").to_string())
            .collect()
    };
    assert_eq!(
        times("late but fine"),
        vec!["2026-06-01 12:00"],
        "{sent:#?}"
    );
    assert!(times("far too late").is_empty());
    assert_eq!(times("tomorrow at noon"), vec!["2026-06-02 12:00"]);
    assert!(times("never").is_empty());
    assert_eq!(
        times("weekly call"),
        vec!["2026-06-02 10:00", "2026-06-09 10:00", "2026-06-16 10:00"]
    );
    // The organiser hears that "far too late" did not go out.
    let report: Vec<&(DateTime<Utc>, String, String)> = sent
        .iter()
        .filter(|(_, k, _)| k.starts_with("missed:"))
        .collect();
    assert_eq!(report.len(), 1, "{sent:#?}");
    assert!(
        report[0].2.contains("far too late") && report[0].2.contains("was not sent"),
        "{report:#?}"
    );
}

#[tokio::test(start_paused = true)]
async fn messages_held_up_by_an_outage_are_reworded_or_reported_never_sent_stale() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadlines");
    // The network is away from before the reminder of March 27, 09:00 ("closes in 3
    // days") until March 28, 12:00.
    let r = rig(&site, paris(2026, 3, 27, 8));
    r.up.store(false, Ordering::Relaxed);
    tokio::time::sleep(std::time::Duration::from_secs(28 * 3600)).await;
    r.up.store(true, Ordering::Relaxed);
    tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    let spring = |sent: &[(DateTime<Utc>, String, String)]| -> Vec<String> {
        sent.iter()
            .filter(|(_, _, t)| t.contains("Spring meeting 2026 closes"))
            .map(|(_, _, t)| t.clone())
            .collect()
    };
    let said = spring(&r.sent.lock().unwrap());
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(said[0].contains("closes in 2 days"), "{said:#?}");

    // Away again from before the last reminder (March 29, 09:00) until after the deadline
    // (March 30): nothing about that deadline afterwards. An announcement due in that time
    // is not sent days late; its organiser hears about it instead.
    r.store
        .add_announcement(crieur::store::outbox::Announcement {
            id: 0,
            text: "Lunch at noon".to_string(),
            at: paris(2026, 3, 29, 12),
            rooms: vec![(Network::Irc, "#c".to_string())],
            author: Some((Network::Irc, "orga".to_string())),
            weekly: None,
            cancelled: false,
        })
        .unwrap();
    r.wake.notify_one();
    r.up.store(false, Ordering::Relaxed);
    tokio::time::sleep(std::time::Duration::from_secs(3 * 86_400)).await;
    r.up.store(true, Ordering::Relaxed);
    tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    let sent = r.sent.lock().unwrap().clone();
    let said = spring(&sent);
    assert_eq!(said.len(), 1, "said after the deadline: {said:#?}");
    assert!(
        !sent.iter().any(|(_, _, t)| t == "Lunch at noon"),
        "{sent:#?}"
    );
    let reports: Vec<_> = sent
        .iter()
        .filter(|(_, k, t)| k.starts_with("missed:") && t.contains("Lunch at noon"))
        .collect();
    assert_eq!(reports.len(), 1, "{sent:#?}");
    assert!(reports[0].2.contains("was not sent"), "{reports:#?}");
}

#[tokio::test(start_paused = true)]
async fn reminder_rules_from_a_reloaded_config_apply_at_once() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadlines");
    let r = rig(&site, paris(2026, 3, 10, 12));
    days(7).await;
    // Registration for the spring meeting closes on 2026-03-30: 14 days before, in #c.
    let closes = |sent: &[(DateTime<Utc>, String, String)]| -> Vec<(String, u32, String)> {
        sent.iter()
            .filter(|(_, _, t)| t.contains("Registration for Spring meeting 2026 closes"))
            .map(|(when, key, _)| {
                let local = when.with_timezone(&PARIS);
                let room = ["#c", "#d"]
                    .into_iter()
                    .find(|r| key.contains(&format!(":{r}:")))
                    .unwrap_or("?")
                    .to_string();
                (local.date_naive().to_string(), local.hour(), room)
            })
            .collect()
    };
    assert_eq!(
        closes(&r.sent.lock().unwrap()),
        [("2026-03-16".to_string(), 9, "#c".to_string())]
    );
    // The config now says: two days before, at 18:00, in #d only.
    r.rules.send_replace(Rules {
        settings: Settings {
            deadline_offsets: vec![2],
            event_offsets: Vec::new(),
            time: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            zone: PARIS,
        },
        targets: vec![Target {
            network: Network::Irc,
            room: "#d".into(),
            lang: Language::En,
        }],
        grace: chrono::Duration::hours(1),
    });
    r.wake.notify_one();
    days(20).await;
    let sent = r.sent.lock().unwrap().clone();
    assert_eq!(
        closes(&sent),
        [
            ("2026-03-16".to_string(), 9, "#c".to_string()),
            ("2026-03-28".to_string(), 18, "#d".to_string())
        ],
        "{sent:#?}"
    );
}
