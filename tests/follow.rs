//! crieur following a community's site by itself, on a real IRC network (InspIRCd and
//! Atheme on loopback): a site in a real git repository (a bare repository as the remote)
//! and a site in a local folder. Each new or changed gathering is told once in the room,
//! in the room's words; edits that change no fact say nothing; a restart, a `kill -9`
//! during an announcement, an unreachable remote and a force-push repeat nothing, lose
//! nothing and keep crieur answering.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::Crieur;
use support::client::{Client, said_by};
use support::git::Remote;
use support::ircd::Ircd;

const WAIT: Duration = Duration::from_secs(30);
/// The bot's clock: a Tuesday in January 2027, before every gathering below.
const NOW: &str = "2027-01-12T09:00:00+01:00";

fn config(dir: &Path, ircd: &Ircd, site: &str, extra: &str) -> PathBuf {
    let text = format!(
        r##"timezone = "Europe/Paris"
data_dir = "{data}"

[[site]]
{site}
base_url = "https://example.org"
permalink = "/blog/:year/:month/:day/:title/"

[reminders]
event_days = []
deadline_days = []
{extra}

[irc]
server = "127.0.0.1"
port = {port}
tls = false
nick = "crieur"
throttle_burst = 4
throttle_per_second = 10.0

[[irc.channel]]
name = "#c"
language = "en"
"##,
        data = dir.join("data").display(),
        port = ircd.bot_port,
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

const MEETING_FILE: &str = "_posts/2027-01-02-community-meeting.md";
const MEETING: &str = "---\ntitle: Community meeting\nlang: en\n---\nOur community meeting takes place on February 16, 2027 in Nantes.\n";
const SPRINT_FILE: &str = "_posts/2027-01-12-code-sprint.md";

fn sprint(days: &str, place: &str, deadline: &str) -> String {
    format!(
        "---\ntitle: Code sprint 2027\nlang: en\n---\nThe code sprint 2027 takes place {days} in {place}. Registration closes on {deadline}: https://example.org/register\n"
    )
}

fn member_in_channel(ircd: &Ircd, nick: &str) -> Client {
    let mut member = Client::connect(ircd.client_port, nick);
    member.send("JOIN #c");
    member.expect(|l| l.contains(" 366 "), WAIT);
    member
}

fn joined(line: &str) -> bool {
    line.starts_with(":crieur!") && line.contains(" JOIN ")
}

/// The next thing crieur says in `#c`.
fn next_said(member: &mut Client, bot: &Crieur) -> String {
    let line = member
        .wait(
            |l| said_by(l, "crieur").is_some() && l.contains(" #c :"),
            WAIT,
        )
        .unwrap_or_else(|| panic!("crieur said nothing; log:\n{}", bot.log()));
    said_by(&line, "crieur").unwrap().to_string()
}

/// Asks in `#c`; the first line of the answer (the rest of it is read and dropped).
fn ask(member: &mut Client, bot: &Crieur, text: &str) -> String {
    member.privmsg("#c", text);
    let first = next_said(member, bot);
    member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_millis(1500),
        Duration::from_secs(5),
    );
    first
}

/// How many times the log says `text`.
fn count(bot: &Crieur, text: &str) -> usize {
    bot.log().matches(text).count()
}

/// Waits until the log says `text` more than `before` times.
fn wait_more(bot: &Crieur, text: &str, before: usize) {
    let deadline = Instant::now() + WAIT;
    while count(bot, text) <= before {
        assert!(
            Instant::now() < deadline,
            "no new {text:?}; log:\n{}",
            bot.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_site_in_git_is_followed_and_each_change_told_once() {
    let mut ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let remote = Remote::new(dir.path());
    remote.commit("start", &[(MEETING_FILE, MEETING)]);
    let site = format!("git = \"{}\"\nrefresh_minutes = 0.02", remote.url());
    let cfg = config(dir.path(), &ircd, &site, "");
    let mut member = member_in_channel(&ircd, "erin");
    let mut bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    member.expect(joined, WAIT);
    assert!(
        bot.wait_log("first reading of the site", WAIT),
        "{}",
        bot.log()
    );

    // A new gathering.
    remote.commit(
        "sprint",
        &[(
            SPRINT_FILE,
            &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
        )],
    );
    assert_eq!(
        next_said(&mut member, &bot),
        "New: Code sprint 2027, March 3 – March 5, 2027, Lyon. Registration until February 20, 2027: https://example.org/register https://example.org/blog/2027/01/12/code-sprint/"
    );
    // Its dates move.
    remote.commit(
        "move",
        &[(
            SPRINT_FILE,
            &sprint("on April 7-9, 2027", "Lyon", "February 20, 2027"),
        )],
    );
    let moved = next_said(&mut member, &bot);
    assert!(
        moved.starts_with(
            "Code sprint 2027 moved: April 7 – April 9, 2027 (was March 3 – March 5, 2027)."
        ),
        "{moved}"
    );
    // Wording only: nothing to say. The next thing said is the deadline that moves after.
    let reads = count(&bot, "git: new commit");
    remote.commit(
        "typo",
        &[(
            SPRINT_FILE,
            &sprint("on April 7-9, 2027", "Lyon", "February 20, 2027")
                .replace("takes place", "will take place"),
        )],
    );
    wait_more(&bot, "git: new commit", reads);
    remote.commit(
        "deadline",
        &[(
            SPRINT_FILE,
            &sprint("on April 7-9, 2027", "Lyon", "March 1, 2027"),
        )],
    );
    let deadline = next_said(&mut member, &bot);
    assert!(
        deadline.starts_with(
            "Code sprint 2027 registration until March 1, 2027 (was February 20, 2027)."
        ),
        "{deadline}"
    );

    // The remote goes away: crieur says so in its log and keeps answering.
    let away = dir.path().join("away.git");
    std::fs::rename(&remote.bare, &away).unwrap();
    assert!(bot.wait_log("git fetch of file://", WAIT), "{}", bot.log());
    let next = ask(&mut member, &bot, "!next");
    assert!(next.starts_with("erin: Next:"), "{next}");
    std::fs::rename(&away, &remote.bare).unwrap();
    assert!(
        bot.wait_log("git: the repository answers again", Duration::from_secs(60)),
        "{}",
        bot.log()
    );

    // History rewritten and force-pushed: the new commit is read all the same.
    remote.amend(&[(
        SPRINT_FILE,
        &sprint("on April 7-9, 2027", "Grenoble", "March 1, 2027"),
    )]);
    let place = next_said(&mut member, &bot);
    assert!(
        place.starts_with("Code sprint 2027 new place: Grenoble (was Lyon)."),
        "{place}"
    );

    // A restart repeats nothing.
    bot.terminate();
    assert!(bot.wait_exit(WAIT).is_some_and(|s| s.success()));
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    member.expect(joined, WAIT);
    let next = ask(&mut member, &bot, "!next");
    assert!(next.starts_with("erin: Next:"), "{next}");

    // Killed (-9) while an announcement waits for the server: told once, after.
    ircd.freeze();
    let written = count(
        &bot,
        "irc: written; waiting for the server to acknowledge it",
    );
    remote.commit(
        "cancel",
        &[(
            SPRINT_FILE,
            "---\ntitle: \"Cancelled: Code sprint 2027\"\nlang: en\n---\nThe code sprint 2027 of April 7-9, 2027 in Grenoble is cancelled.\n",
        )],
    );
    wait_more(
        &bot,
        "irc: written; waiting for the server to acknowledge it",
        written,
    );
    drop(bot);
    ircd.restart();
    let mut member = member_in_channel(&ircd, "erin");
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    let cancelled = next_said(&mut member, &bot);
    assert!(
        cancelled.starts_with("Code sprint 2027 is cancelled."),
        "{cancelled}"
    );
    let more = member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(6),
        Duration::from_secs(12),
    );
    assert!(more.is_empty(), "said again: {more:?}");
    let mut bot = bot;
    bot.terminate();
    bot.wait_exit(WAIT);
    let entries = support::outbox(&cfg);
    let news: Vec<_> = entries
        .iter()
        .filter(|e| e.key.starts_with("news:"))
        .collect();
    assert_eq!(news.len(), 5, "{news:?}");
    assert!(news.iter().all(|e| e.state == "sent"), "{news:?}");
}

#[test]
fn a_local_folder_is_watched_and_what_was_there_first_is_not_announced() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("site");
    std::fs::create_dir_all(folder.join("_posts")).unwrap();
    std::fs::write(folder.join(MEETING_FILE), MEETING).unwrap();
    let site = format!("path = \"{}\"", folder.display());
    let cfg = config(dir.path(), &ircd, &site, "\n[announce]\nchanges = false\n");
    let mut member = member_in_channel(&ircd, "erin");
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    member.expect(joined, WAIT);
    assert!(bot.wait_log("first reading of the site", WAIT));
    // The meeting, there before crieur first read the site, is not news.
    let next = ask(&mut member, &bot, "!next");
    assert!(next.starts_with("erin: Next: "), "{next}");
    assert!(next.contains("Community meeting"), "{next}");

    // Changes are off: moving the meeting says nothing, and is answered.
    std::fs::write(
        folder.join(MEETING_FILE),
        MEETING.replace("February 16", "February 23"),
    )
    .unwrap();
    assert!(bot.wait_log("the site's folder changed", WAIT));
    std::fs::write(
        folder.join(SPRINT_FILE),
        sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )
    .unwrap();
    let started = Instant::now();
    let new = next_said(&mut member, &bot);
    assert!(new.starts_with("New: Code sprint 2027, March 3"), "{new}");
    println!("told {:?} after the file was written", started.elapsed());
    let when = ask(&mut member, &bot, "crieur: when is the community meeting?");
    assert!(when.contains("February 23, 2027"), "{when}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_matrix_a_change_is_told_in_the_rooms_language_and_the_announcement_edited() {
    use matrix_sdk::ruma::events::room::member::MembershipState;
    use matrix_sdk::ruma::events::room::message::{MessageType, Relation};
    use support::member::{Member, body};

    let synapse = support::synapse::Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("site");
    std::fs::create_dir_all(folder.join("_posts")).unwrap();
    std::fs::write(folder.join(MEETING_FILE), MEETING).unwrap();
    let password = dir.path().join("bot-password");
    std::fs::write(&password, "bot-pass\n").unwrap();
    let cfg = dir.path().join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            r##"timezone = "Europe/Paris"
data_dir = "{data}"

[[site]]
path = "{site}"
base_url = "https://example.org"
permalink = "/blog/:year/:month/:day/:title/"

[reminders]
event_days = []
deadline_days = []

[matrix]
homeserver = "{url}"
user = "@crieur:localhost"
password_file = "{password}"

[[matrix.room]]
id = "#community:localhost"
language = "fr"
"##,
            data = dir.path().join("data").display(),
            site = folder.display(),
            url = synapse.url(),
            password = password.display(),
        ),
    )
    .unwrap();
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;
    assert!(crieur.wait_log("first reading of the site", WAIT));

    std::fs::write(
        folder.join(SPRINT_FILE),
        sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )
    .unwrap();
    let new = alice
        .saying(&room, &bot, "Nouveau : ")
        .await
        .unwrap_or_else(|| panic!("no announcement; log:\n{}", crieur.log()));
    assert!(
        body(&new).starts_with("notice: Nouveau : Code sprint 2027, 3 mars – 5 mars 2027, Lyon."),
        "{}",
        body(&new)
    );

    std::fs::write(
        folder.join(SPRINT_FILE),
        sprint("on April 7-9, 2027", "Lyon", "February 20, 2027"),
    )
    .unwrap();
    let moved = alice
        .saying(&room, &bot, "change de date")
        .await
        .unwrap_or_else(|| panic!("no correction; log:\n{}", crieur.log()));
    assert!(
        body(&moved).contains(
            "Code sprint 2027 change de date : 7 avril – 9 avril 2027 (au lieu de 3 mars – 5 mars 2027)."
        ),
        "{}",
        body(&moved)
    );
    // The first announcement is edited to say what is true now.
    let edit = alice
        .saying(&room, &bot, "Nouveau : ")
        .await
        .unwrap_or_else(|| panic!("no edit; log:\n{}", crieur.log()));
    let Some(Relation::Replacement(replacement)) = &edit.content.relates_to else {
        panic!("not an edit: {edit:#?}");
    };
    assert_eq!(replacement.event_id, new.event_id);
    let MessageType::Notice(now_reads) = &replacement.new_content.msgtype else {
        panic!("{replacement:#?}");
    };
    assert!(
        now_reads
            .body
            .starts_with("Nouveau : Code sprint 2027, 7 avril – 9 avril 2027, Lyon."),
        "{}",
        now_reads.body
    );
}

#[test]
fn a_remote_away_at_the_first_start_is_read_later_and_its_old_news_not_told() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    // The remote does not exist yet when crieur first starts.
    let later = dir.path().join("later");
    let url = format!("file://{}", later.join("site.git").display());
    let site = format!("git = \"{url}\"\nrefresh_minutes = 0.02");
    let cfg = config(dir.path(), &ircd, &site, "");
    let mut member = member_in_channel(&ircd, "erin");
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    member.expect(joined, WAIT);
    assert!(
        bot.wait_log("reading the last good clone", WAIT),
        "{}",
        bot.log()
    );
    std::fs::create_dir_all(&later).unwrap();
    let remote = Remote::new(&later);
    remote.commit(
        "start",
        &[
            (MEETING_FILE, MEETING),
            (
                SPRINT_FILE,
                &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
            ),
        ],
    );
    // Its first reading, late: recorded without a word.
    assert!(
        bot.wait_log("git: new commit", Duration::from_secs(90)),
        "{}",
        bot.log()
    );
    assert!(
        bot.wait_log("first reading of the site", WAIT),
        "{}",
        bot.log()
    );
    remote.commit(
        "workshop",
        &[(
            "_posts/2027-01-13-workshop.md",
            "---\ntitle: QGIS workshop 2027\nlang: en\n---\nThe QGIS workshop 2027 takes place on May 6, 2027 in Nantes.\n",
        )],
    );
    let said = next_said(&mut member, &bot);
    assert!(
        said.starts_with("New: QGIS workshop 2027, May 6, 2027, Nantes."),
        "{said}"
    );
    // And nothing about what was there at the first reading.
    let more = member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(4),
        Duration::from_secs(10),
    );
    assert!(more.is_empty(), "{more:?}");
}
