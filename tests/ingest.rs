//! Site layouts as they are found in the wild: Jekyll with `.markdown` and `.html` posts,
//! drafts, pages and category folders; Hugo with YAML and TOML front matter.

use crieur::ingest::{SiteSpec, read_site};
use crieur::post::PostKind;
use std::path::Path;

fn write(root: &Path, file: &str, content: &str) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn spec(root: &Path, drafts: bool) -> SiteSpec {
    SiteSpec {
        root: root.to_path_buf(),
        base_url: crieur::config::parse_base_url("https://site.example.org/"),
        permalink: None,
        drafts,
        timezone: chrono_tz::Europe::Paris,
        help_pages: Vec::new(),
    }
}

#[test]
fn reads_a_jekyll_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "_config.yml",
        "title: Site\nurl: https://site.example.org\n",
    );
    write(
        root,
        "_posts/2026-01-08-meetup.markdown",
        "---\ntitle: Meetup\n---\nSee [the page](/meetup/).\n",
    );
    write(
        root,
        "_posts/2026-01-09-html-post.html",
        "---\ntitle: HTML\ndate: 2026-01-09 10:00:00 +0100\n---\n<h2>Hello</h2><p>World</p>\n",
    );
    write(
        root,
        "fr/_posts/2026-01-10-rencontre.md",
        "---\ntitle: Rencontre\ncategories: fr\n---\nBonjour\n",
    );
    write(
        root,
        "_drafts/next-sprint.md",
        "---\ntitle: Draft\n---\nnot yet\n",
    );
    write(
        root,
        "_posts/2026-01-11-hidden.md",
        "---\ntitle: Hidden\npublished: false\n---\nno\n",
    );
    write(
        root,
        "about.md",
        "---\ntitle: About\nlang: en\n---\nWho we are\n",
    );
    write(
        root,
        "README.md",
        "No front matter: not a page of the site.\n",
    );
    write(root, "_site/2026/01/08/meetup.html", "<p>generated</p>");
    write(root, "_includes/footer.html", "<p>footer</p>");

    let reading = read_site(&spec(root, false), 0);
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    let files: Vec<(&str, PostKind)> = reading
        .posts
        .iter()
        .map(|p| (p.file.as_str(), p.kind))
        .collect();
    assert_eq!(
        files,
        vec![
            ("_posts/2026-01-08-meetup.markdown", PostKind::Post),
            ("_posts/2026-01-09-html-post.html", PostKind::Post),
            ("about.md", PostKind::Page),
            ("fr/_posts/2026-01-10-rencontre.md", PostKind::Post),
        ]
    );
    let meetup = &reading.posts[0];
    // No date in the front matter: the file name gives it.
    assert_eq!(
        meetup.date.map(|d| d.to_string()),
        Some("2026-01-08 00:00:00".to_string())
    );
    assert_eq!(
        meetup.url.as_deref(),
        Some("https://site.example.org/2026/01/08/meetup.html")
    );
    assert_eq!(
        meetup.doc.blocks[0].links[0].url,
        "https://site.example.org/meetup/"
    );
    let html = &reading.posts[1];
    assert_eq!(
        html.doc
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>(),
        vec!["Hello", "World"]
    );
    let rencontre = &reading.posts[3];
    assert_eq!(rencontre.lang.as_deref(), Some("fr"));
    assert_eq!(
        rencontre.url.as_deref(),
        Some("https://site.example.org/fr/2026/01/10/rencontre.html")
    );

    let with_drafts = read_site(&spec(root, true), 0);
    assert!(
        with_drafts
            .posts
            .iter()
            .any(|p| p.file == "_drafts/next-sprint.md" && p.kind == PostKind::Draft)
    );
    assert!(
        with_drafts
            .posts
            .iter()
            .any(|p| p.file == "_posts/2026-01-11-hidden.md")
    );
}

#[test]
fn reads_a_hugo_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.toml",
        "baseURL = 'https://site.example.org/'\n",
    );
    write(
        root,
        "content/_index.md",
        "---\ntitle: Home\n---\nWelcome\n",
    );
    write(
        root,
        "content/events/sprint.fr.md",
        "+++\ntitle = \"Sprint\"\ndate = 2026-03-01T10:00:00+01:00\ntags = [\"sprint\"]\n+++\nLe sprint se tiendra le 3 avril 2026 à Lyon.\n",
    );
    write(
        root,
        "content/posts/meetup/index.md",
        "---\ntitle: Meetup\ndate: 2026-02-01\n---\nHi\n",
    );
    write(
        root,
        "content/contact/_index.md",
        "---\ntitle: Contact\n---\nWrite to us.\n",
    );
    write(
        root,
        "content/posts/draft.md",
        "---\ntitle: Draft\ndraft: true\n---\nno\n",
    );
    write(root, "themes/x/layouts/index.html", "<p>theme</p>");
    // Pages in no section, at the top or in a language's folder.
    write(
        root,
        "content/about.md",
        "---\ntitle: About\n---\nWe build sensors.\n",
    );
    write(
        root,
        "content/fr/a-propos.md",
        "---\ntitle: À propos\n---\nNous fabriquons des capteurs.\n",
    );

    let reading = read_site(&spec(root, false), 0);
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    let files: Vec<(&str, PostKind)> = reading
        .posts
        .iter()
        .map(|p| (p.file.as_str(), p.kind))
        .collect();
    assert_eq!(
        files,
        vec![
            ("content/_index.md", PostKind::Page),
            ("content/about.md", PostKind::Page),
            ("content/contact/_index.md", PostKind::Page),
            ("content/events/sprint.fr.md", PostKind::Post),
            ("content/fr/a-propos.md", PostKind::Page),
            ("content/posts/meetup/index.md", PostKind::Post),
        ]
    );
    // A section's page is at its folder's address.
    assert_eq!(
        reading.posts[2].url.as_deref(),
        Some("https://site.example.org/contact/")
    );
    let sprint = &reading.posts[3];
    assert_eq!(sprint.lang.as_deref(), Some("fr"));
    assert_eq!(sprint.tags, vec!["sprint"]);
    assert_eq!(
        sprint.url.as_deref(),
        Some("https://site.example.org/events/sprint/")
    );
    let x = crieur::index::extract_post(sprint);
    assert_eq!(x.events[0].start.to_string(), "2026-04-03");
    assert_eq!(x.events[0].place.as_deref(), Some("Lyon"));
}

#[test]
fn the_publication_line_is_not_an_event() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "_posts/2026-01-08-news.md",
        "---\ntitle: Nouvelles du projet\n---\nPublié le 8 janvier 2026 par l'équipe.\n\nLa documentation a été revue.\n",
    );
    write(
        root,
        "_posts/2026-01-09-news.md",
        "---\ntitle: Project news\n---\nPosted on January 9, 2026 by the team.\n\nThe documentation was reviewed.\n",
    );
    let reading = read_site(&spec(root, false), 0);
    for post in &reading.posts {
        let x = crieur::index::extract_post(post);
        assert!(x.events.is_empty(), "{}: {:?}", post.file, x.events);
    }
}

/// A site with an ordinary post announcing a meeting, and `hostile` as a second post.
fn site_with(root: &Path, name: &str, hostile: &str) {
    write(
        root,
        "_posts/2026-01-08-meeting.md",
        "---\ntitle: Spring meeting\n---\nThe spring meeting will take place on March 12, 2026 in Lyon.\n",
    );
    write(root, &format!("_posts/2026-01-09-{name}"), hostile);
}

/// Reads the site and extracts every post; returns the events of the ordinary post, how
/// long reading and extracting took, and the problems reported.
fn read_and_time(root: &Path) -> (Vec<String>, std::time::Duration, Vec<String>) {
    let started = std::time::Instant::now();
    let reading = read_site(&spec(root, false), 0);
    let extractions: Vec<_> = reading
        .posts
        .iter()
        .map(|p| (p.file.clone(), crieur::index::extract_post(p)))
        .collect();
    let took = started.elapsed();
    assert_eq!(reading.posts.len(), 2, "both posts are read");
    let (_, meeting) = &extractions[0];
    let events = meeting
        .events
        .iter()
        .map(|e| format!("{} {}", e.start, e.place.as_deref().unwrap_or("?")))
        .collect();
    let problems = reading.problems.iter().map(|p| p.to_string()).collect();
    (events, took, problems)
}

/// How long reading a site takes with a hostile post of size `n` built by `make`, the best
/// of three runs (the least disturbed by other tests).
fn best_time(make: impl Fn(usize) -> String, n: usize, name: &str) -> std::time::Duration {
    (0..3)
        .map(|_| {
            let dir = tempfile::tempdir().unwrap();
            site_with(dir.path(), name, &make(n));
            let (events, took, _) = read_and_time(dir.path());
            assert_eq!(events, vec!["2026-03-12 Lyon"]);
            took
        })
        .min()
        .unwrap()
}

/// Reading 8 times more must take about 8 times longer (linear), far from the 64 times a
/// quadratic step would cost: the bound is generous, the difference is not subtle.
fn assert_linear(make: impl Fn(usize) -> String, n: usize, name: &str) {
    let small = best_time(&make, n, name);
    let large = best_time(&make, 8 * n, name);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
    assert!(
        ratio < 24.0,
        "{name}: {n} → {small:?}, {} → {large:?} ({ratio:.1}×)",
        8 * n
    );
}

#[test]
fn a_post_nested_twenty_thousand_deep_is_read_with_the_rest_of_the_site() {
    let nested = |n: usize| {
        format!(
            "---\ntitle: Deep\n---\n{}deep text{}\n",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    };
    for name in ["deep.html", "deep.md"] {
        let dir = tempfile::tempdir().unwrap();
        site_with(dir.path(), name, &nested(20_000));
        let reading = read_site(&spec(dir.path(), false), 0);
        let deep = reading
            .posts
            .iter()
            .find(|p| p.file.ends_with(name))
            .expect("the nested post is read");
        assert!(
            deep.doc.blocks.iter().any(|b| b.text == "deep text"),
            "{:?}",
            deep.doc.blocks
        );
        let (events, _, problems) = read_and_time(dir.path());
        assert_eq!(events, vec!["2026-03-12 Lyon"]);
        assert!(problems.is_empty(), "{problems:?}");
    }
    assert_linear(nested, 2_000, "deep.html");
}

#[test]
fn a_post_with_thousands_of_dates_or_links_is_read_in_linear_time() {
    let dates = |n: usize| {
        format!(
            "---\ntitle: Dates\n---\nLa rencontre aura lieu {}.\n",
            "le 3 mars 2026 ".repeat(n)
        )
    };
    assert_linear(dates, 1_000, "dates.md");
    let links = |n: usize| {
        let mut body = String::from("---\ntitle: Links\n---\nRegister for the sprint: ");
        for i in 0..n {
            body.push_str(&format!("[form {i}](https://forms.example.org/{i}) "));
        }
        body.push_str("https://bare.example.org/x\n");
        body
    };
    assert_linear(links, 1_000, "links.md");
    // Addresses written as links and as text: each is a candidate, looked up once.
    let autolinks = |n: usize| {
        let mut body = String::from("---\ntitle: Links\n---\nRegister for the sprint: ");
        for i in 0..n {
            body.push_str(&format!(
                "<https://forms.example.org/{i}> https://bare.example.org/{i} "
            ));
        }
        body.push('\n');
        body
    };
    assert_linear(autolinks, 1_000, "autolinks.md");
}

#[test]
fn invisible_direction_overrides_and_zero_width_characters_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "_posts/2026-01-08-meeting.md",
        "---\ntitle: \"Spring\u{202E}gniteem\u{202C} meeting\u{200B}\"\n---\nThe spring\u{2066} meeting will take place on March 12, 2026 in Ly\u{200D}on.\n",
    );
    let reading = read_site(&spec(dir.path(), false), 0);
    let post = &reading.posts[0];
    assert_eq!(post.title, "Springgniteem meeting");
    assert_eq!(
        post.doc.blocks[0].text,
        "The spring meeting will take place on March 12, 2026 in Lyon."
    );
    let x = crieur::index::extract_post(post);
    assert_eq!(x.events[0].place.as_deref(), Some("Lyon"));
}
