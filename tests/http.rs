//! crieur's HTTP server, asked by a real HTTP client (curl) while crieur serves a real IRC
//! network (InspIRCd on loopback): `/health` follows the network going down and coming
//! back, `/metrics` counts the questions answered, `/calendar.ics` is read back by an
//! independent iCalendar parser and answers 304 to its own ETag, `/events.json` and `/`
//! list the upcoming gatherings; with only `[http]` configured, crieur serves the pages.

use crate::support;

use icalendar::{Calendar, CalendarComponent, Component};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::Crieur;
use support::client::{Client, said_by};
use support::ircd::Ircd;

const WAIT: Duration = Duration::from_secs(30);
const NOW: &str = "2026-03-20T10:00:00+01:00";

fn config(dir: &Path, http_port: u16, irc: Option<&Ircd>) -> PathBuf {
    config_for(
        &format!("{}/tests/fixtures/deadlines", env!("CARGO_MANIFEST_DIR")),
        dir,
        http_port,
        irc,
    )
}

fn config_for(site: &str, dir: &Path, http_port: u16, irc: Option<&Ircd>) -> PathBuf {
    let irc = irc.map_or(String::new(), |ircd| {
        format!(
            "[irc]\nserver = \"127.0.0.1\"\nport = {}\ntls = false\nnick = \"crieur\"\nthrottle_per_second = 10.0\n\n[[irc.channel]]\nname = \"#c\"\n",
            ircd.bot_port
        )
    });
    let text = format!(
        "timezone = \"Europe/Paris\"\ndata_dir = \"{data}\"\nlanguages = [\"en\"]\n\n[[site]]\npath = \"{site}\"\nbase_url = \"https://example.org\"\n\n[http]\nlisten = \"127.0.0.1:{http_port}\"\n\n{irc}",
        data = dir.join("data").display(),
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// A response: status code, headers (lowercase names) and body.
struct Got {
    code: u16,
    headers: String,
    body: String,
}

fn get(port: u16, path: &str, extra: &[&str]) -> Got {
    let out = Command::new("curl")
        .args(["-s", "-i", "--max-time", "10"])
        .args(extra.iter().flat_map(|h| ["-H", h]))
        .arg(format!("http://127.0.0.1:{port}{path}"))
        .output()
        .expect("curl runs");
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Got {
        code,
        headers: head.to_lowercase(),
        body: body.to_string(),
    }
}

/// Asks `path` until its status is `code`; the response.
fn until(port: u16, path: &str, code: u16, bot: &Crieur) -> Got {
    let deadline = Instant::now() + WAIT;
    loop {
        let got = get(port, path, &[]);
        if got.code == code {
            return got;
        }
        assert!(
            Instant::now() < deadline,
            "{path} stayed {} ({}); log:\n{}",
            got.code,
            got.body,
            bot.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn health_metrics_calendar_and_page_of_a_running_crieur() {
    let mut ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let port = support::free_port();
    let cfg = config(dir.path(), port, Some(&ircd));
    let mut member = Client::connect(ircd.client_port, "erin");
    member.join("#c");
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);

    let health = until(port, "/health", 200, &bot);
    let json: serde_json::Value = serde_json::from_str(&health.body).unwrap();
    assert_eq!(json["healthy"], true);
    assert_eq!(json["networks"]["irc"]["connected"], true);
    assert_eq!(json["sites"][0]["posts"], 2, "{json}");

    // A question answered is counted.
    member.expect(|l| l.starts_with(":crieur!") && l.contains(" JOIN "), WAIT);
    member.privmsg("#c", "!next");
    // The answer to erin (a reminder due at the start may come first).
    member.expect(
        |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("erin: ")),
        WAIT,
    );
    let metrics = get(port, "/metrics", &[]);
    assert_eq!(metrics.code, 200);
    for line in [
        "crieur_questions_total{network=\"irc\",intent=\"next\"} 1",
        "crieur_reply_seconds_count{network=\"irc\"} 1",
        "crieur_connected{network=\"irc\"} 1",
        "crieur_posts{site=\"0\"} 2",
        "# TYPE crieur_reply_seconds histogram",
    ] {
        assert!(
            metrics.body.contains(line),
            "{line:?} in:\n{}",
            metrics.body
        );
    }
    assert!(
        metrics
            .headers
            .contains("content-type: text/plain; version=0.0.4")
    );

    // The calendar, read by another parser; its ETag answers 304.
    let ics = get(port, "/calendar.ics", &[]);
    assert_eq!(ics.code, 200);
    assert!(ics.headers.contains("content-type: text/calendar"));
    let calendar: Calendar = ics.body.parse().expect("a calendar icalendar reads");
    let summaries: Vec<String> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => e.get_summary().map(str::to_string),
            _ => None,
        })
        .collect();
    assert!(
        summaries.iter().any(|s| s.contains("Spring meeting 2026")),
        "{summaries:?}"
    );
    let etag = ics
        .headers
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .expect("an ETag")
        .to_string();
    let again = get(port, "/calendar.ics", &[&format!("If-None-Match: {etag}")]);
    assert_eq!(again.code, 304);
    assert!(again.body.is_empty());
    assert_eq!(
        get(port, "/calendar.ics?site=7", &[])
            .body
            .matches("BEGIN:VEVENT")
            .count(),
        0
    );

    let events: serde_json::Value =
        serde_json::from_str(&get(port, "/events.json", &[]).body).unwrap();
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["title"] == "Spring meeting 2026"),
        "{events}"
    );
    let page = get(port, "/", &[]);
    assert!(page.headers.contains("content-type: text/html"));
    assert!(
        page.body.contains("<h1>Upcoming gatherings</h1>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Spring meeting 2026"), "{}", page.body);
    let french = get(port, "/?lang=fr", &[]);
    assert!(french.body.contains("<h1>Prochains rendez-vous</h1>"));

    // The network goes away: 503, then 200 again once crieur is back on it.
    ircd.kill_ircd();
    let down = until(port, "/health", 503, &bot);
    let json: serde_json::Value = serde_json::from_str(&down.body).unwrap();
    assert_eq!(json["networks"]["irc"]["connected"], false);
    ircd.restart();
    until(port, "/health", 200, &bot);
    let metrics = get(port, "/metrics", &[]);
    assert!(
        metrics
            .body
            .contains("crieur_reconnects_total{network=\"irc\"} 1"),
        "{}",
        metrics.body
    );
}

#[test]
fn with_only_http_configured_crieur_serves_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let port = support::free_port();
    // A copy of the site, to change it while crieur runs.
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("_posts")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadlines/_posts");
    for entry in std::fs::read_dir(&fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), site.join("_posts").join(entry.file_name())).unwrap();
    }
    let cfg = config_for(site.to_str().unwrap(), dir.path(), port, None);
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    let health = until(port, "/health", 200, &bot);
    assert!(health.body.contains("\"healthy\":true"), "{}", health.body);

    // The calendar's ETag holds until the site changes.
    let first = get(port, "/calendar.ics", &[]);
    let etag = first
        .headers
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .expect("an ETag")
        .to_string();
    let mut moved = false;
    for entry in std::fs::read_dir(site.join("_posts")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if text.contains("April 14") {
            std::fs::write(&path, text.replace("April 14", "April 15")).unwrap();
            moved = true;
        }
    }
    assert!(moved, "the fixture dates the spring meeting April 14");
    assert!(bot.wait_log("re-read", WAIT), "{}", bot.log());
    let after = get(port, "/calendar.ics", &[&format!("If-None-Match: {etag}")]);
    assert_eq!(after.code, 200, "a changed site gets a new calendar");
    assert!(
        after.body.contains("DTSTART;VALUE=DATE:20260415"),
        "{}",
        after.body
    );

    // The page as a phone's browser shows it (headless Chromium, a phone's window).
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--window-size=390,844",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("http://127.0.0.1:{port}/"))
        .output()
        .expect("chromium runs (Debian package chromium; scripts/test installs it)");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for text in [
        "<h1>Upcoming gatherings</h1>",
        "Spring meeting 2026",
        "April 15 – April 16, 2026",
        "Lyon",
        "<a href=\"https://forms.example.org/spring\">Register</a> until March 30, 2026",
        "What crieur will post",
    ] {
        assert!(dom.contains(text), "{text:?} in:\n{dom}");
    }
}

#[test]
fn an_address_in_use_stops_crieur_before_it_connects() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let cfg = config(dir.path(), port, None);
    let mut bot = Crieur::start(&cfg, &[], &[]);
    let status = bot.wait_exit(WAIT).expect("crieur stops");
    assert!(!status.success());
    assert!(
        bot.log()
            .contains(&format!("http.listen: cannot listen on 127.0.0.1:{port}")),
        "{}",
        bot.log()
    );
}

#[test]
fn a_site_that_cannot_be_read_keeps_health_at_503_until_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let port = support::free_port();
    // The site's repository is away when crieur starts.
    let remote = support::git::Remote::new(dir.path());
    let post = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/deadlines/_posts/2026-02-01-spring-meeting.md"),
    )
    .unwrap();
    remote.commit("start", &[("_posts/2026-02-01-spring-meeting.md", &post)]);
    let away = dir.path().join("away.git");
    std::fs::rename(&remote.bare, &away).unwrap();
    let cfg = config_for("", dir.path(), port, None)
        .to_string_lossy()
        .to_string();
    let text = std::fs::read_to_string(&cfg).unwrap().replace(
        "path = \"\"",
        &format!("git = \"{}\"\nrefresh_minutes = 0.02", remote.url()),
    );
    std::fs::write(&cfg, text).unwrap();
    let bot = Crieur::start(Path::new(&cfg), &[], &["--now", NOW]);
    let down = until(port, "/health", 503, &bot);
    let json: serde_json::Value = serde_json::from_str(&down.body).unwrap();
    assert_eq!(json["healthy"], false);
    assert!(json["sites"][0]["last_read"].is_null(), "{json}");
    assert!(
        json["sites"][0]["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("fatal:")),
        "git's own words say why: {json}"
    );

    // The repository is back: crieur clones and reads it, and is healthy.
    std::fs::rename(&away, &remote.bare).unwrap();
    let up = until(port, "/health", 200, &bot);
    let json: serde_json::Value = serde_json::from_str(&up.body).unwrap();
    assert_eq!(json["sites"][0]["posts"], 1, "{json}");
}
