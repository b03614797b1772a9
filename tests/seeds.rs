//! The four documents the project started from, as they sit in the sample sites: every
//! field extraction gives must be right.

use chrono::{NaiveDate, NaiveTime};
use crieur::extract::{DeadlineKind, Extraction, Language, Precision};
use crieur::index::extract_post;
use crieur::ingest::{self, SiteSpec};
use crieur::post::{Post, PostKind};
use std::path::Path;

fn site(dir: &str, base: &str) -> Vec<Post> {
    let spec = SiteSpec {
        root: Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample")
            .join(dir),
        base_url: crieur::config::parse_base_url(base),
        permalink: Some("/blog/:year/:month/:day/:title/".into()),
        drafts: false,
        timezone: chrono_tz::Europe::Paris,
        help_pages: Vec::new(),
    };
    let reading = ingest::read_site(&spec, 0);
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    reading.posts
}

fn find<'a>(posts: &'a [Post], file: &str) -> (&'a Post, Extraction) {
    let post = posts
        .iter()
        .find(|p| p.file == file)
        .unwrap_or_else(|| panic!("{file} not read"));
    (post, extract_post(post))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn time(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[test]
fn winter_community_meeting_2026() {
    let posts = site("georchestra", "https://www.georchestra.org");
    let (post, x) = find(
        &posts,
        "_posts/2026-01-08-community-meeting-2026-registration-fr.md",
    );
    assert_eq!(
        post.url.as_deref(),
        Some("https://www.georchestra.org/blog/2026/01/08/community-meeting-2026-registration-fr/")
    );
    assert_eq!(x.lang, Language::Fr);
    assert_eq!(x.events.len(), 1);
    let e = &x.events[0];
    assert_eq!(e.title, "Rencontres communautaires d'hiver 2026");
    assert_eq!(
        (e.start, e.end, e.precision),
        (date(2026, 3, 30), date(2026, 4, 3), Precision::Day)
    );
    assert_eq!((e.start_time, e.end_time), (None, None));
    assert_eq!(e.place.as_deref(), Some("Ornolac-Ussat-les-Bains"));
    assert!(e.primary && !e.cancelled);
    assert_eq!(x.deadlines.len(), 1);
    assert_eq!(
        (x.deadlines[0].date, x.deadlines[0].kind),
        (date(2026, 3, 15), DeadlineKind::Registration)
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://grist.numerique.gouv.fr/o/georchestra/forms/nYxd9HQJrsfcpgpMLgHc69/18")
    );
}

#[test]
fn geocom_2024_with_its_sprint() {
    let posts = site("georchestra", "https://www.georchestra.org");
    let (_, x) = find(&posts, "_posts/2024-05-16-geocom-2024-en.md");
    assert_eq!(x.lang, Language::En);
    assert_eq!(x.events.len(), 2);
    let main = &x.events[0];
    assert_eq!(main.title, "geOcom 2024");
    assert_eq!(
        (main.start, main.end),
        (date(2024, 6, 17), date(2024, 6, 19))
    );
    assert_eq!((main.start_time, main.end_time), (time(14, 0), time(17, 0)));
    assert_eq!(main.place.as_deref(), Some("Lille"));
    assert!(main.primary);
    let sprint = &x.events[1];
    assert_eq!(sprint.title, "community sprint (geOcom 2024)");
    assert_eq!(
        (sprint.start, sprint.end),
        (date(2024, 6, 20), date(2024, 6, 21))
    );
    assert_eq!((sprint.start_time, sprint.end_time), (None, None));
    assert_eq!(
        sprint.place.as_deref(),
        Some("Lille"),
        "\"at the same location\""
    );
    assert!(!sprint.primary);
    assert!(x.deadlines.is_empty());
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://www.helloasso.com/associations/georchestra/evenements/geocom-2024")
    );
}

#[test]
fn geotrek_meeting_2021_in_html() {
    let posts = site("geotrek", "https://geotrek.fr");
    let (post, x) = find(&posts, "_posts/2021-09-13-rencontres-geotrek-2021.md");
    assert_eq!(post.uid.as_deref(), Some("post-20210913"));
    assert_eq!(x.lang, Language::Fr);
    // The programme headings "14 OCTOBRE 2021 - JOURNÉE PLÉNIÈRE" are days of the event,
    // and "ligne 15", "Tél. : 04 92 40 20 10" are not dates.
    assert_eq!(x.events.len(), 1, "{:?}", x.events);
    let e = &x.events[0];
    assert_eq!(e.title, "Rencontres Geotrek 2021");
    assert_eq!((e.start, e.end), (date(2021, 10, 14), date(2021, 10, 15)));
    assert_eq!((e.start_time, e.end_time), (None, None));
    assert_eq!(e.place.as_deref(), Some("Aix-en-Provence"));
    assert!(e.primary);
    assert_eq!(x.deadlines.len(), 1);
    assert_eq!(
        (x.deadlines[0].date, x.deadlines[0].kind),
        (date(2021, 10, 8), DeadlineKind::Registration)
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://formulaires.ofb.fr/rencontres-geotrek-2021-1624965473")
    );
}

#[test]
fn community_page_is_a_page_without_events() {
    let posts = site("georchestra", "https://www.georchestra.org");
    let (post, x) = find(&posts, "fr/communaute.md");
    assert_eq!(post.kind, PostKind::Page);
    assert_eq!(post.uid.as_deref(), Some("community"));
    assert_eq!(
        post.url.as_deref(),
        Some("https://www.georchestra.org/fr/communaute.html")
    );
    assert!(x.events.is_empty() && x.deadlines.is_empty());
    let links: Vec<&str> = post
        .doc
        .blocks
        .iter()
        .flat_map(|b| b.links.iter().map(|l| l.url.as_str()))
        .collect();
    assert!(links.contains(&"https://github.com/georchestra/georchestra/issues"));
    assert!(
        post.doc
            .blocks
            .iter()
            .any(|b| b.text.contains("psc@georchestra.org"))
    );
    // Liquid includes are gone, not read as text.
    assert!(
        !post
            .doc
            .blocks
            .iter()
            .any(|b| b.text.contains("{%") || b.text.contains("card_user"))
    );
}
