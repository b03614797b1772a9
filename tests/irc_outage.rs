//! Outages on a real IRC network (InspIRCd and Atheme on loopback): a server that hangs
//! while crieur writes to it then dies, a server restarted ten times in a row, crieur
//! killed at the instant it sends. Nothing due is lost, nothing is said twice (but the one
//! message a crash in mid-send may repeat), and crieur is back within seconds. A binary of
//! its own: it stops and kills servers.

use crate::support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::Crieur;
use support::client::{Client, said_by};
use support::gate::Gate;
use support::ircd::Ircd;

const WAIT: Duration = Duration::from_secs(30);

/// A config for crieur in `#c` on `ircd`, reading `site`, with `extra` at the top level.
fn config(dir: &Path, ircd: &Ircd, site: &str, extra: &str) -> PathBuf {
    config_on(dir, ircd.bot_port, site, extra)
}

/// Like `config`, reaching the server through `port`.
fn config_on(dir: &Path, port: u16, site: &str, extra: &str) -> PathBuf {
    let text = format!(
        r##"timezone = "Europe/Paris"
data_dir = "{data}"
{extra}

[[site]]
path = "{site}"

[reminders]
event_days = []

[irc]
server = "127.0.0.1"
port = {port}
tls = false
nick = "crieur"
throttle_burst = 4
throttle_per_second = 10.0

[[irc.channel]]
name = "#c"
"##,
        data = dir.join("data").display(),
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

fn joined(line: &str, nick: &str) -> bool {
    line.starts_with(&format!(":{nick}!")) && line.contains(" JOIN ")
}

/// A member in `#c`; returns once the channel's names are listed, and whether crieur is
/// among them.
fn member_in_channel(ircd: &Ircd, nick: &str) -> (Client, bool) {
    let mut member = Client::connect(ircd.client_port, nick);
    member.send("JOIN #c");
    member.expect(|l| l.contains(" 366 "), WAIT);
    let present = member.seen.iter().any(|l| {
        l.contains(" 353 ")
            && l.rsplit(" :").next().is_some_and(|names| {
                names
                    .split(' ')
                    .any(|n| n.trim_start_matches(['@', '+']) == "crieur")
            })
    });
    (member, present)
}

/// Waits until crieur's log says `text`, with a deadline.
fn wait_log(bot: &Crieur, text: &str, within: Duration) {
    wait_log_any(bot, &[text], within);
}

/// Waits until crieur's log says one of `texts`, with a deadline.
fn wait_log_any(bot: &Crieur, texts: &[&str], within: Duration) {
    let deadline = Instant::now() + within;
    while !texts.iter().any(|t| bot.log().contains(t)) {
        assert!(
            Instant::now() < deadline,
            "no {texts:?} in the log:\n{}",
            bot.log()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn announcements_written_to_a_hung_server_arrive_once_after_it_restarts() {
    let mut ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    // Twelve announcements due at 09:00, ten seconds after crieur starts.
    let mut extra = String::new();
    for i in 0..12 {
        extra.push_str(&format!(
            "\n[[announcement]]\ntext = \"Announcement {i}\"\nrooms = [\"#c\"]\nat = \"2026-03-01 09:00\"\n"
        ));
    }
    // crieur reaches the server through a gate, so that after the restart the member is
    // back in the channel before crieur is: what it says on arrival is heard.
    let gate = Gate::start(ircd.bot_port);
    let cfg = config_on(
        dir.path(),
        gate.port,
        &format!("{root}/sample/georchestra"),
        &extra,
    );
    let (mut member, _) = member_in_channel(&ircd, "erin");
    let bot = Crieur::start(&cfg, &[], &["--now", "2026-03-01T08:59:50+01:00"]);
    member.expect(|l| joined(l, "crieur"), WAIT);
    // The server hangs: crieur's lines go into the socket and nothing comes back.
    ircd.freeze();
    wait_log(
        &bot,
        "irc: written; waiting for the server to acknowledge it",
        WAIT,
    );
    // Then it dies, with what crieur wrote unread, and comes back.
    gate.shut();
    ircd.restart();
    let (mut member, _) = member_in_channel(&ircd, "erin");
    gate.open();
    let mut heard: HashMap<String, usize> = HashMap::new();
    let deadline = Instant::now() + Duration::from_secs(90);
    // Every announcement (a registration reminder due at the same time may come between).
    let announced = |heard: &HashMap<String, usize>| {
        heard
            .keys()
            .filter(|k| k.starts_with("Announcement "))
            .count()
    };
    while announced(&heard) < 12 {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = member
            .wait(|l| said_by(l, "crieur").is_some(), left)
            .unwrap_or_else(|| panic!("heard only {heard:?}; log:\n{}", bot.log()));
        *heard
            .entry(said_by(&line, "crieur").unwrap().to_string())
            .or_default() += 1;
    }
    // Nothing more: each said exactly once.
    for line in member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(5),
        Duration::from_secs(15),
    ) {
        *heard
            .entry(said_by(&line, "crieur").unwrap().to_string())
            .or_default() += 1;
    }
    for i in 0..12 {
        assert_eq!(
            heard.get(&format!("Announcement {i}")),
            Some(&1),
            "{heard:?}"
        );
    }
}

#[test]
fn rejoins_within_ten_seconds_after_each_of_ten_server_restarts() {
    let mut ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let cfg = config(dir.path(), &ircd, &format!("{root}/sample/georchestra"), "");
    let (mut member, _) = member_in_channel(&ircd, "erin");
    let bot = Crieur::start(&cfg, &[], &["--now", "2026-02-01T09:00:00+01:00"]);
    member.expect(|l| joined(l, "crieur"), WAIT);
    let mut took = Vec::new();
    for round in 0..10 {
        ircd.restart();
        let (mut member, present) = member_in_channel(&ircd, "erin");
        if !present {
            member
                .wait(
                    |l| joined(l, "crieur"),
                    Duration::from_secs(10).saturating_sub(ircd.up_at.elapsed()),
                )
                .unwrap_or_else(|| {
                    panic!(
                        "round {round}: not back within 10 s of the restart; log:\n{}",
                        bot.log()
                    )
                });
        }
        took.push(ircd.up_at.elapsed());
        assert!(
            took[round] <= Duration::from_secs(10),
            "round {round}: {took:?}"
        );
        // Back and answering.
        member.privmsg("#c", "!next");
        member.expect(
            |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("erin: Next:")),
            WAIT,
        );
    }
    println!("back in channel after each restart: {took:?}");
}

/// Twelve gatherings whose registration closes 2 to 13 days after 2026-03-01: at that
/// date, each has one reminder due.
fn deadlines_site(root: &Path) {
    let posts = root.join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    for i in 0..12 {
        std::fs::write(
            posts.join(format!("2026-02-01-meeting-{i}.md")),
            format!(
                "---\ntitle: \"Meeting {i}\"\ndate: 2026-02-01\nlang: en\n---\n\nMeeting {i} will take place on April {}, 2026 in Lyon.\n\nPlease register no later than March {}, 2026.\n",
                10 + i,
                3 + i
            ),
        )
        .unwrap();
    }
}

#[test]
fn a_kill_at_the_instant_of_a_send_repeats_at_most_one_message() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    deadlines_site(&dir.path().join("site"));
    let cfg = config(
        dir.path(),
        &ircd,
        &dir.path().join("site").display().to_string(),
        "",
    );
    let now = ["--now", "2026-03-01T10:00:00+01:00"];
    let (mut member, _) = member_in_channel(&ircd, "erin");
    let mut said: Vec<String> = Vec::new();
    let mut rounds = 0;
    // Each run: crieur joins, sends; the moment the member sees its k-th message of the
    // run, crieur is killed (-9). The message it was sending may be repeated later: at
    // most one per kill.
    loop {
        let mut bot = Crieur::start(&cfg, &[], &now);
        member.expect(|l| joined(l, "crieur"), WAIT);
        let kill_after = 1 + rounds % 3;
        let mut this_run = Vec::new();
        while this_run.len() < kill_after {
            let Some(line) =
                member.wait(|l| said_by(l, "crieur").is_some(), Duration::from_secs(5))
            else {
                break;
            };
            this_run.push(said_by(&line, "crieur").unwrap().to_string());
        }
        bot.child.kill().unwrap();
        bot.child.wait().unwrap();
        member.expect(|l| l.starts_with(":crieur!") && l.contains(" QUIT "), WAIT);
        // What the server relayed after the kill was already on its way: count it too.
        for line in member.collect(
            |l| said_by(l, "crieur").is_some(),
            Duration::from_millis(300),
            Duration::from_secs(2),
        ) {
            this_run.push(said_by(&line, "crieur").unwrap().to_string());
        }
        said.extend(this_run.iter().cloned());
        rounds += 1;
        if this_run.is_empty() {
            break;
        }
        assert!(rounds < 30, "{said:#?}");
    }
    // Every kill but the last (which found nothing left to say) may repeat one message
    // (the same one again, when the next run is killed while sending it once more).
    let kills = rounds - 1;
    let mut repeats = 0;
    for i in 0..12 {
        let text = format!("Registration for Meeting {i} closes");
        let n = said.iter().filter(|t| t.starts_with(&text)).count();
        assert!(n >= 1, "{text}: never said:\n{said:#?}");
        repeats += n - 1;
    }
    assert!(
        repeats <= kills,
        "{repeats} repeats for {kills} kills:\n{said:#?}"
    );
    println!("{kills} kills at the instant of a send, {repeats} messages repeated");
    let entries = support::outbox(&cfg);
    let unsent: Vec<_> = entries
        .iter()
        .filter(|e| e.key.starts_with("deadline:") && matches!(e.state.as_str(), "pending"))
        .collect();
    assert!(unsent.is_empty(), "{unsent:#?}");
}

#[test]
fn an_announcement_the_channel_refuses_is_sent_again_once_it_may_speak() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let cfg = config(
        dir.path(),
        &ircd,
        &format!("{root}/sample/georchestra"),
        "\n[[announcement]]\ntext = \"Sprint on Friday\"\nrooms = [\"#c\"]\nat = \"2026-03-01 09:00\"\n",
    );
    // The channel is moderated: only its operators and voiced members may speak.
    let (mut member, _) = member_in_channel(&ircd, "erin");
    member.send("MODE #c +m");
    member.expect(|l| l.contains(" MODE #c ") && l.ends_with("+m"), WAIT);
    let bot = Crieur::start(&cfg, &[], &["--now", "2026-03-01T08:59:50+01:00"]);
    member.expect(|l| joined(l, "crieur"), WAIT);
    // The server reads the line and does not relay it: crieur must not count it as sent
    // (as it would on the PONG alone), and it goes out once the channel lets it speak.
    wait_log_any(
        &bot,
        &["scheduler: sent key=announce", "scheduler: not sent"],
        WAIT,
    );
    member.send("MODE #c -m");
    let said = |l: &str| said_by(l, "crieur") == Some("Sprint on Friday");
    member
        .wait(said, Duration::from_secs(60))
        .unwrap_or_else(|| {
            panic!("never said; log:\n{}", bot.log());
        });
    let again = member.collect(said, Duration::from_secs(15), Duration::from_secs(20));
    assert!(again.is_empty(), "said again: {again:?}");
}
