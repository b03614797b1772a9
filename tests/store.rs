//! The sled store through its public API, on disk in a temporary folder: what a re-index
//! changes, and what date lookups return.

use crate::support::site_spec;
use chrono::NaiveDate;
use crieur::index::index_sites;
use crieur::store::Store;
use std::path::Path;

fn post(root: &Path, name: &str, body: &str) {
    let dir = root.join("_posts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(name),
        format!("---\ntitle: \"{name}\"\ndate: 2026-01-10\nlang: fr\n---\n\n{body}\n"),
    )
    .unwrap();
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn looks_up_events_and_deadlines_by_date() {
    let site = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    post(
        site.path(),
        "2026-01-10-a.md",
        "Le sprint se tiendra du 2 au 4 mars 2026 à Rennes. Inscrivez-vous avant le 20 février.",
    );
    post(
        site.path(),
        "2026-01-10-b.md",
        "La rencontre aura lieu le 10 juin 2026 à Lille.",
    );
    let store = Store::open(data.path()).unwrap();
    index_sites(&store, &[site_spec(site.path())]).unwrap();
    let events = store
        .events_starting(d("2026-01-01"), d("2026-12-31"))
        .unwrap();
    let starts: Vec<NaiveDate> = events
        .iter()
        .map(|(p, i)| p.extraction.events[*i].start)
        .collect();
    assert_eq!(starts, vec![d("2026-03-02"), d("2026-06-10")]);
    assert!(
        store
            .events_starting(d("2026-03-03"), d("2026-06-09"))
            .unwrap()
            .is_empty()
    );
    let deadlines = store
        .deadlines_between(d("2026-02-20"), d("2026-02-20"))
        .unwrap();
    assert_eq!(deadlines.len(), 1);
    assert_eq!(deadlines[0].0.post.file, "_posts/2026-01-10-a.md");
}

#[test]
fn a_reindex_moves_deadlines_and_drops_removed_posts() {
    let site = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    post(
        site.path(),
        "2026-01-10-a.md",
        "Le sprint se tiendra du 2 au 4 mars 2026 à Rennes. Inscrivez-vous avant le 20 février.",
    );
    post(
        site.path(),
        "2026-01-10-b.md",
        "La rencontre aura lieu le 10 juin 2026 à Lille.",
    );
    let sites = [site_spec(site.path())];
    {
        let store = Store::open(data.path()).unwrap();
        index_sites(&store, &sites).unwrap();
    }
    post(
        site.path(),
        "2026-01-10-a.md",
        "Le sprint se tiendra du 2 au 4 mars 2026 à Rennes. Inscrivez-vous avant le 25 février.",
    );
    std::fs::remove_file(site.path().join("_posts/2026-01-10-b.md")).unwrap();
    // Reopened from disk: what was flushed is there, and the re-index applies the changes.
    let store = Store::open(data.path()).unwrap();
    assert_eq!(store.post_count(), 2);
    let reports = index_sites(&store, &sites).unwrap();
    assert_eq!(
        (reports[0].summary.updated, reports[0].summary.removed),
        (1, 1)
    );
    assert!(
        store
            .deadlines_between(d("2026-02-20"), d("2026-02-20"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .deadlines_between(d("2026-02-25"), d("2026-02-25"))
            .unwrap()
            .len(),
        1
    );
    assert!(
        store
            .events_starting(d("2026-06-10"), d("2026-06-10"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.post_count(), 1);
}

#[test]
fn a_site_dropped_from_the_config_leaves_the_store_but_a_missing_folder_does_not() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    post(
        a.path(),
        "2026-01-10-a.md",
        "La rencontre aura lieu le 10 juin 2026 à Lille.",
    );
    post(
        b.path(),
        "2026-01-10-b.md",
        "Le sprint se tiendra le 3 mars 2026 à Rennes.",
    );
    let store = Store::temporary().unwrap();
    index_sites(&store, &[site_spec(a.path()), site_spec(b.path())]).unwrap();
    assert_eq!(store.post_count(), 2);
    // A folder that vanished (an unmounted disk) keeps its posts.
    let moved = b.path().with_extension("away");
    std::fs::rename(b.path(), &moved).unwrap();
    let reports = index_sites(&store, &[site_spec(a.path()), site_spec(b.path())]).unwrap();
    std::fs::rename(&moved, b.path()).unwrap();
    assert!(reports[1].skipped);
    assert_eq!(store.post_count(), 2);
    // Dropping the site from the config removes its posts.
    index_sites(&store, &[site_spec(a.path())]).unwrap();
    assert_eq!(store.post_count(), 1);
}
