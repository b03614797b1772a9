//! `crieur bench`: throughput of extraction alone and of whole indexing (read, extract,
//! store), on a given site and on synthetic sites of 2,000 and 20,000 posts, to show that
//! indexing grows linearly. Measures; asserts nothing.

use crate::chat::Network;
use crate::index::{self, extract_post};
use crate::ingest::{self, SiteSpec};
use crate::store::Store;
use crate::synthetic;
use std::path::Path;
use std::time::{Duration, Instant};

pub struct Row {
    pub label: String,
    pub posts: usize,
    /// Extraction alone, posts per second on one core: the best of the rounds (what the
    /// code costs, with the least disturbance from the rest of the machine) and their
    /// median.
    pub extract_per_sec: f64,
    pub extract_median: f64,
    pub index_secs: f64,
    pub index_per_sec: f64,
    /// Answer latency with the store open and the catalog built: p50, p99, max (µs).
    pub answer_us: (f64, f64, f64),
}

/// Questions members ask, in three languages, for the answer latency.
const QUESTIONS: &[&str] = &[
    "!next",
    "!events",
    "when is the next community meeting?",
    "quand ont lieu les prochaines rencontres à Lille ?",
    "¿dónde es el encuentro 2021?",
    "how do I register for the community meeting 2025?",
    "jusqu'à quand peut-on s'inscrire aux rencontres ?",
    "what events are coming up?",
    "how can I get help?",
    "when is the FOSS4G 2031 in Tokyo?",
];

/// Rounds of extraction: a machine shared with other work slows some of them down.
const ROUNDS: usize = 5;

/// Measures one site folder.
pub fn measure(label: &str, spec: &SiteSpec) -> anyhow::Result<Row> {
    let reading = ingest::read_site(spec, 0);
    // Pages are stored but not searched for events: extraction is measured on posts.
    let posts: Vec<_> = reading
        .posts
        .into_iter()
        .filter(|p| p.kind != crate::post::PostKind::Page)
        .collect();
    // Extraction alone, on one core, in rounds of a quarter of a second.
    let mut rounds: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let started = Instant::now();
            let mut extracted = 0usize;
            while started.elapsed() < Duration::from_millis(250) || extracted == 0 {
                for post in &posts {
                    std::hint::black_box(extract_post(post));
                }
                extracted += posts.len().max(1);
            }
            extracted as f64 / started.elapsed().as_secs_f64()
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    if std::env::var_os("CRIEUR_BENCH_DETAIL").is_some() {
        slowest_posts(&posts);
    }
    // Whole indexing into a fresh store on disk.
    let dir = tempfile::tempdir()?;
    let store = Store::open(dir.path())?;
    let started = Instant::now();
    let reports = index::index_sites(&store, std::slice::from_ref(spec))?;
    let index_secs = started.elapsed().as_secs_f64();
    let count: usize = reports.iter().map(|r| r.posts + r.pages).sum();
    Ok(Row {
        label: label.to_string(),
        posts: count,
        extract_per_sec: rounds[ROUNDS - 1],
        extract_median: rounds[ROUNDS / 2],
        index_secs,
        index_per_sec: count as f64 / index_secs,
        answer_us: answer_latency(&store)?,
    })
}

/// Prints the ten posts whose extraction costs most, with their length.
fn slowest_posts(posts: &[crate::post::Post]) {
    let mut costs: Vec<(f64, &crate::post::Post)> = posts
        .iter()
        .map(|post| {
            let started = Instant::now();
            for _ in 0..20 {
                std::hint::black_box(extract_post(post));
            }
            (started.elapsed().as_secs_f64() * 1e6 / 20.0, post)
        })
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = costs.iter().map(|c| c.0).sum();
    eprintln!("extraction: {total:.0} µs for {} posts", posts.len());
    for (us, post) in costs.iter().take(10) {
        let bytes: usize = post.doc.blocks.iter().map(|b| b.text.len()).sum();
        eprintln!("{us:>8.0} µs  {bytes:>7} bytes  {}", post.file);
    }
}

/// Times every question of `QUESTIONS` many times against the store's catalog.
fn answer_latency(store: &Store) -> anyhow::Result<(f64, f64, f64)> {
    let answerer = index::answerer(store)?;
    let now = chrono::NaiveDate::from_ymd_opt(2025, 1, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid date");
    let mut samples = Vec::with_capacity(QUESTIONS.len() * 100);
    for _ in 0..100 {
        for q in QUESTIONS {
            let started = Instant::now();
            std::hint::black_box(answerer.answer(q, crate::extract::Language::En, now));
            samples.push(started.elapsed().as_secs_f64() * 1e6);
        }
    }
    if std::env::var_os("CRIEUR_BENCH_DETAIL").is_some() {
        for (i, q) in QUESTIONS.iter().enumerate() {
            let mut mine: Vec<f64> = samples
                .iter()
                .skip(i)
                .step_by(QUESTIONS.len())
                .copied()
                .collect();
            mine.sort_by(f64::total_cmp);
            eprintln!("{:>8.0} µs p50  {q}", mine[mine.len() / 2]);
        }
    }
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    Ok((at(0.5), at(0.99), *samples.last().unwrap_or(&0.0)))
}

/// Measures `site` (if given) and synthetic sites of the given sizes.
pub fn run(
    site: Option<&SiteSpec>,
    synthetic: &[usize],
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    if let Some(spec) = site {
        rows.push(measure(&spec.root.display().to_string(), spec)?);
    }
    for &count in synthetic {
        let dir = tempfile::tempdir()?;
        synthetic::write_site(dir.path(), count)?;
        rows.push(measure(
            &format!("synthetic {count}"),
            &synthetic_spec(dir.path()),
        )?);
    }
    writeln!(
        out,
        "| site | posts | extraction posts/s (1 core, best of {ROUNDS} rounds) | median of the rounds | index s | index posts/s | answer p50 µs | answer p99 µs | answer max µs |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
    for r in &rows {
        writeln!(
            out,
            "| {} | {} | {:.0} | {:.0} | {:.2} | {:.0} | {:.0} | {:.0} | {:.0} |",
            r.label,
            r.posts,
            r.extract_per_sec,
            r.extract_median,
            r.index_secs,
            r.index_per_sec,
            r.answer_us.0,
            r.answer_us.1,
            r.answer_us.2
        )?;
    }
    let (items, bytes) = schedule_memory()?;
    writeln!(
        out,
        "\nscheduling: {items} pending reminders and announcements (planned, in the outbox and announcement trees) add {:.1} MB of resident memory",
        bytes as f64 / 1e6
    )?;
    if let [.., small, big] = rows.as_slice() {
        writeln!(
            out,
            "\nindexing {}× the posts took {:.1}× the time (linear is {}×)",
            big.posts / small.posts.max(1),
            big.index_secs / small.index_secs.max(1e-9),
            big.posts / small.posts.max(1)
        )?;
    }
    Ok(())
}

pub fn synthetic_spec(root: &Path) -> SiteSpec {
    SiteSpec {
        root: root.to_path_buf(),
        base_url: crate::config::parse_base_url("https://synthetic.example.org/"),
        permalink: None,
        drafts: false,
        timezone: chrono_tz::Europe::Paris,
        help_pages: Vec::new(),
    }
}

/// Resident memory, from /proc (Linux); 0 elsewhere.
fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}

/// What 1,000 pending reminders and 1,000 pending announcements cost in memory: planned
/// in the scheduler, written to the outbox, stored as announcements.
fn schedule_memory() -> anyhow::Result<(usize, u64)> {
    use crate::schedule::{Settings, Target, plan};
    use crate::store::outbox::{Announcement, Entry, State};
    let dir = tempfile::tempdir()?;
    synthetic::write_site(dir.path(), 3_000)?;
    let store = Store::temporary()?;
    index::index_sites(&store, &[synthetic_spec(dir.path())])?;
    let answerer = index::answerer(&store)?;
    let before = rss_bytes();
    let targets = [Target {
        network: Network::Irc,
        room: "#c".into(),
        lang: crate::extract::Language::En,
    }];
    let planned: Vec<_> = plan(answerer.catalog(), &Settings::default(), &targets)
        .into_iter()
        .take(1_000)
        .collect();
    let now = chrono::Utc::now();
    for p in &planned {
        store.enqueue(&Entry {
            key: p.key.clone(),
            network: Some(p.target.network),
            room: p.target.room.clone(),
            lines: vec!["Registration for a gathering closes in 3 days, on March 15, 2026: https://forms.example.org/x".into()],
            html: String::new(),
            due: p.at,
            state: State::Pending,
            changed: now,
            event: None,
            edit: None,
        })?;
    }
    for i in 0..1_000 {
        store.add_announcement(Announcement {
            id: 0,
            text: format!("Announcement {i}: the weekly call starts in ten minutes."),
            at: now + chrono::Duration::days(30),
            rooms: vec![(Network::Irc, "#c".into())],
            author: Some((Network::Irc, "orga".into())),
            weekly: None,
            cancelled: false,
        })?;
    }
    let pending = store.pending()?.len() + store.announcements()?.len();
    let after = rss_bytes();
    std::hint::black_box(&planned);
    Ok((pending, after.saturating_sub(before)))
}
