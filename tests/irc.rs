//! crieur on a real IRC network: InspIRCd 3 and Atheme services on loopback, started by
//! the test, with flood protection that disconnects flooders on the bot's port. Members
//! are plain test clients.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::Crieur;
use support::client::{Client, said_by};
use support::ircd::{Ircd, Options};

const WAIT: Duration = Duration::from_secs(20);

/// Writes a config for a bot on `ircd`.
fn config(
    dir: &Path,
    ircd: &Ircd,
    nick: &str,
    channel: &str,
    site: &str,
    extra_irc: &str,
) -> PathBuf {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = format!(
        r#"timezone = "Europe/Paris"
data_dir = "{data}"
languages = ["en", "fr", "es"]

[[site]]
path = "{root}/{site}"
base_url = "https://www.georchestra.org"

[irc]
server = "127.0.0.1"
port = {port}
tls = false
nick = "{nick}"
{extra_irc}

[[irc.channel]]
name = "{channel}"
"#,
        data = dir.join("data").display(),
        port = ircd.bot_port,
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

/// Waits until `nick` has joined `channel`, as seen by `client`.
fn wait_join(client: &mut Client, nick: &str, channel: &str) {
    let prefix = format!(":{nick}!");
    client.expect(
        |l| {
            l.contains(&prefix) && l.contains(&format!("JOIN {channel}"))
                || l.contains(&prefix) && l.contains(" JOIN :") && l.contains(channel)
        },
        WAIT,
    );
}

/// Whether a line is `nick` quitting (not a message that says "QUIT").
fn quit_by(line: &str, nick: &str) -> bool {
    let line = if line.starts_with('@') {
        line.split_once(' ').map_or(line, |(_, rest)| rest)
    } else {
        line
    };
    line.starts_with(&format!(":{nick}!")) && line.split(' ').nth(1) == Some("QUIT")
}

fn answer_from(client: &mut Client, bot: &str) -> String {
    let line = client.expect(|l| said_by(l, bot).is_some(), WAIT);
    said_by(&line, bot).expect("a message").to_string()
}

#[test]
fn logs_in_with_sasl_and_answers_in_channel_and_in_private() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    // The bot's services account.
    let mut setup = Client::connect(ircd.client_port, "crieurbot");
    setup.register_account("bot-secret-1");
    setup.send("QUIT :done");
    let cfg = config(
        dir.path(),
        &ircd,
        "crieurbot",
        "#community",
        "sample/georchestra",
        "sasl_account = \"crieurbot\"\npassword_env = \"CRIEUR_TEST_IRC_PASSWORD\"",
    );
    let mut member = Client::connect(ircd.client_port, "alice");
    member.join("#community");
    let bot = Crieur::start(
        &cfg,
        &[("CRIEUR_TEST_IRC_PASSWORD", "bot-secret-1")],
        &["--now", "2026-02-01T09:00:00+01:00"],
    );
    wait_join(&mut member, "crieurbot", "#community");
    assert!(
        bot.log().contains("caps=") && bot.log().contains("sasl"),
        "{}",
        bot.log()
    );
    assert!(
        ircd.read("atheme.log").contains("crieurbot") || bot.log().contains("registered"),
        "SASL login"
    );

    member.privmsg("#community", "!next");
    let reply = answer_from(&mut member, "crieurbot");
    assert!(
        reply.starts_with("alice: Next: Winter community meeting 2026: March 30 – April 3, 2026"),
        "{reply}"
    );

    member.privmsg("#community", "crieurbot: c'est quand le prochain geOcom ?");
    let line = member.expect(
        |l| said_by(l, "crieurbot").is_some_and(|t| t.starts_with("alice: Prochain")),
        WAIT,
    );
    let reply = said_by(&line, "crieurbot").unwrap().to_string();
    assert!(
        reply.starts_with("alice: Prochain : geOcom 2026 : 10 juin – 12 juin 2026"),
        "{reply}"
    );

    // Follow-ups: a question naming no gathering is about the one this member was last
    // told about in this channel; another member's questions do not change it.
    let mut other = Client::connect(ircd.client_port, "bob");
    other.join("#community");
    wait_join(&mut member, "bob", "#community");
    other.privmsg(
        "#community",
        "crieurbot: when is the winter community meeting?",
    );
    let reply = answer_from(&mut other, "crieurbot");
    assert!(
        reply.starts_with("bob: Winter community meeting 2026: March 30 – April 3, 2026"),
        "{reply}"
    );
    member.privmsg("#community", "crieurbot: et c'est où ?");
    let line = member.expect(
        |l| said_by(l, "crieurbot").is_some_and(|t| t.starts_with("alice: ")),
        WAIT,
    );
    let reply = said_by(&line, "crieurbot").unwrap().to_string();
    assert!(
        reply.starts_with("alice: geOcom 2026 : 10 juin – 12 juin 2026, Strasbourg."),
        "{reply}"
    );
    other.privmsg("#community", "crieurbot: and until when can I register?");
    let line = other.expect(
        |l| said_by(l, "crieurbot").is_some_and(|t| t.starts_with("bob: ")),
        WAIT,
    );
    let reply = said_by(&line, "crieurbot").unwrap().to_string();
    assert!(
        reply.starts_with("bob: Winter community meeting 2026"),
        "{reply}"
    );
    other.send("QUIT :bye");

    // Not addressed: silence. Then a private question, answered privately.
    member.privmsg("#community", "when is the next geOcom?");
    member.privmsg("crieurbot", "how can I get help?");
    let line = member.expect(
        |l| said_by(l, "crieurbot").is_some() && l.contains("PRIVMSG alice :"),
        WAIT,
    );
    assert!(
        said_by(&line, "crieurbot")
            .unwrap()
            .contains("#georchestra:osgeo.org"),
        "{line}"
    );

    // CTCP VERSION is answered by NOTICE; a NOTICE is never answered.
    member.privmsg("crieurbot", "\u{1}VERSION\u{1}");
    let version = member.expect(|l| l.contains("NOTICE alice :\u{1}VERSION crieur"), WAIT);
    assert!(version.ends_with('\u{1}'));
    member.send("NOTICE #community :!next");
    assert!(
        member
            .wait(
                |l| said_by(l, "crieurbot").is_some(),
                Duration::from_secs(3)
            )
            .is_none(),
        "a NOTICE got an answer"
    );
}

#[test]
fn a_wrong_sasl_password_stops_the_bot_with_a_clear_message() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let mut setup = Client::connect(ircd.client_port, "crieurbot");
    setup.register_account("right-password");
    setup.send("QUIT :done");
    let cfg = config(
        dir.path(),
        &ircd,
        "crieurbot",
        "#community",
        "sample/georchestra",
        "sasl_account = \"crieurbot\"\npassword_env = \"CRIEUR_TEST_IRC_PASSWORD\"",
    );
    let mut bot = Crieur::start(&cfg, &[("CRIEUR_TEST_IRC_PASSWORD", "wrong-password")], &[]);
    let status = bot
        .wait_exit(Duration::from_secs(30))
        .expect("crieur stops instead of retrying");
    assert!(!status.success());
    let log = bot.log();
    assert!(log.contains("SASL login as \"crieurbot\" failed"), "{log}");
    assert_eq!(
        log.matches("AUTHENTICATE PLAIN").count(),
        1,
        "no retry storm: {log}"
    );
}

#[test]
fn organisers_are_recognised_by_account_and_impostors_refused() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let mut organiser = Client::connect(ircd.client_port, "orga");
    organiser.register_account("orga-secret");
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#community",
        "sample/georchestra",
        "organisers = [\"orga\"]",
    );
    organiser.join("#community");
    let _bot = Crieur::start(&cfg, &[], &[]);
    wait_join(&mut organiser, "crieur", "#community");
    organiser.privmsg("#community", "!reindex");
    let reply = answer_from(&mut organiser, "crieur");
    assert!(reply.starts_with("orga: Sites re-read:"), "{reply}");
    organiser.send("QUIT :bye");

    // Someone else takes the nick, without the account.
    let mut impostor = Client::connect(ircd.client_port, "orga");
    impostor.join("#community");
    impostor.privmsg("#community", "!reindex");
    let reply = answer_from(&mut impostor, "crieur");
    assert_eq!(
        reply,
        "orga: Sorry, only organisers (known by their account) can do that."
    );
    impostor.privmsg(
        "#community",
        "!announce in 2 seconds Free coins at evil.example",
    );
    assert_eq!(
        answer_from(&mut impostor, "crieur"),
        "orga: Sorry, only organisers (known by their account) can do that."
    );
    let later = impostor.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(2),
        Duration::from_secs(5),
    );
    assert!(
        later.iter().all(|l| !l.contains("Free coins")),
        "{later:#?}"
    );
}

#[test]
fn hostile_post_content_and_long_replies_stay_within_the_protocol() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#community",
        "tests/fixtures/hostile",
        "",
    );
    let mut member = Client::connect(ircd.client_port, "bob");
    member.join("#community");
    let _bot = Crieur::start(&cfg, &[], &["--now", "2026-02-01T09:00:00+01:00"]);
    wait_join(&mut member, "crieur", "#community");
    member.privmsg("#community", "!events");
    let lines = member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(3),
        WAIT,
    );
    assert!(lines.len() >= 2, "{lines:#?}");
    for l in &lines {
        assert!(l.len() + 2 <= 512, "{} bytes: {l}", l.len());
        assert!(
            !said_by(l, "crieur").unwrap().contains('\u{1}'),
            "a CTCP from post content: {l}"
        );
    }
    let evil = lines
        .iter()
        .find(|l| l.contains("Evil"))
        .expect("the evil gathering");
    assert!(
        evil.contains("Evil  QUIT :x  ACTION waves  gathering: March 3, 2026, Lyon."),
        "{evil}"
    );
    // The reply is longer than one protocol line: it arrives in several, each within 512
    // bytes with its prefix, none cutting a character in two.
    let total: usize = lines
        .iter()
        .map(|l| said_by(l, "crieur").unwrap().len())
        .sum();
    assert!(total > 512, "{total} bytes");
    assert!(
        lines.iter().all(|l| !l.contains('\u{fffd}')),
        "a character was cut: {lines:#?}"
    );
    let long = lines
        .iter()
        .find(|l| l.contains("Très long"))
        .expect("the long title");
    assert!(
        long.ends_with('…'),
        "a line too long for IRC is cut with a mark: {long}"
    );
    // The bot is still here: the QUIT in the title was text.
    member.privmsg("#community", "!help");
    assert!(answer_from(&mut member, "crieur").contains("!next"));
    assert!(
        !member.seen.iter().any(|l| quit_by(l, "crieur")),
        "{:#?}",
        member.seen
    );
}

#[test]
fn a_burst_of_thirty_commands_is_all_answered_without_a_flood_kill() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#community",
        "sample/georchestra",
        "",
    );
    let mut member = Client::connect(ircd.client_port, "carol");
    member.join("#community");
    let _bot = Crieur::start(&cfg, &[], &["--now", "2026-02-01T09:00:00+01:00"]);
    wait_join(&mut member, "crieur", "#community");
    // Thirty different questions in one write.
    let burst: String = (0..30)
        .map(|i| format!("PRIVMSG #community :!event gathering{i}\r\n"))
        .collect();
    member.send(burst.trim_end());
    let answers = member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(5),
        Duration::from_secs(120),
    );
    assert_eq!(answers.len(), 30, "{answers:#?}");
    // The first few in the channel, the rest privately: the channel is not flooded.
    let in_channel = answers
        .iter()
        .filter(|l| l.contains("PRIVMSG #community :"))
        .count();
    assert!(in_channel <= 3, "{in_channel} answers in the channel");
    assert!(
        !member.seen.iter().any(|l| quit_by(l, "crieur")),
        "disconnected: {:#?}",
        member.seen
    );
    // Thirty identical questions: one answer and one note.
    let same: String = (0..30)
        .map(|_| "PRIVMSG #community :!next\r\n".to_string())
        .collect();
    let mut other = Client::connect(ircd.client_port, "dave");
    other.join("#community");
    other.send(same.trim_end());
    let replies = other.collect(
        |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("dave:")),
        Duration::from_secs(5),
        Duration::from_secs(60),
    );
    assert_eq!(replies.len(), 2, "{replies:#?}");
    assert!(
        replies[1].contains("same question, same answer"),
        "{replies:#?}"
    );
}

#[test]
fn a_repeated_question_is_noted_once_in_the_channels_language() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#communaute",
        "sample/georchestra",
        "repeat_window_secs = 60",
    );
    // The channel's table comes last: it speaks French.
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str("language = \"fr\"\n");
    std::fs::write(&cfg, text).unwrap();
    let mut member = Client::connect(ircd.client_port, "eve");
    member.join("#communaute");
    let _bot = Crieur::start(&cfg, &[], &["--now", "2026-02-01T09:00:00+01:00"]);
    wait_join(&mut member, "crieur", "#communaute");
    member.privmsg("#communaute", "!next");
    member.privmsg("#communaute", "!next");
    // The note, in whatever language it comes: it must be the channel's.
    let note = member.expect(
        |l| {
            said_by(l, "crieur")
                .is_some_and(|t| t.contains("même question") || t.contains("same question"))
        },
        WAIT,
    );
    assert_eq!(
        said_by(&note, "crieur").unwrap(),
        format!(
            "eve: {}",
            crieur::bot::repeat_note(crieur::extract::Language::Fr)
        )
    );
}

#[test]
fn connects_with_tls_checking_the_server_certificate() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let ca = ircd.dir.path().join("ca.pem");
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#community",
        "sample/georchestra",
        &format!("tls_ca_file = \"{}\"", ca.display()),
    );
    // The same config, over TLS on the TLS port.
    let text = std::fs::read_to_string(&cfg)
        .unwrap()
        .replace("tls = false", "tls = true")
        .replace(
            &format!("port = {}", ircd.bot_port),
            &format!("port = {}", ircd.tls_port),
        );
    std::fs::write(&cfg, text).unwrap();
    let mut member = Client::connect(ircd.client_port, "frank");
    member.join("#community");
    let _bot = Crieur::start(&cfg, &[], &["--now", "2026-02-01T09:00:00+01:00"]);
    wait_join(&mut member, "crieur", "#community");
    member.privmsg("#community", "!next");
    assert!(answer_from(&mut member, "crieur").starts_with("frank: Next:"));

    // Without the test CA, the certificate is refused and nothing is sent in clear.
    let dir2 = tempfile::tempdir().unwrap();
    let untrusting = dir2.path().join("crieur.toml");
    let text = std::fs::read_to_string(&cfg)
        .unwrap()
        .replace(&format!("tls_ca_file = \"{}\"", ca.display()), "")
        .replace("nick = \"crieur\"", "nick = \"crieur2\"")
        .replace(
            &dir.path().join("data").display().to_string(),
            &dir2.path().join("data").display().to_string(),
        );
    std::fs::write(&untrusting, text).unwrap();
    let bot2 = Crieur::start(&untrusting, &[], &[]);
    let deadline = std::time::Instant::now() + WAIT;
    while !bot2.log().contains("reconnecting in") && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = bot2.log();
    assert!(
        log.contains("TLS") && log.to_lowercase().contains("certificate"),
        "{log}"
    );
}

#[test]
fn reminders_and_announcements_reach_the_channel_once() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let mut organiser = Client::connect(ircd.client_port, "orga");
    organiser.register_account("orga-secret");
    organiser.join("#community");
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#community",
        "tests/fixtures/deadlines",
        "organisers = [\"orga\"]",
    );
    // Five seconds before the first reminder of the spring meeting's registration deadline.
    let _bot = Crieur::start(&cfg, &[], &["--now", "2026-03-16T08:59:55+01:00"]);
    wait_join(&mut organiser, "crieur", "#community");
    let reminder = organiser.expect(
        |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("Registration for")),
        WAIT,
    );
    assert_eq!(
        said_by(&reminder, "crieur").unwrap(),
        "Registration for Spring meeting 2026 closes in 14 days, on March 30, 2026: https://forms.example.org/spring"
    );
    // An organiser's announcement, confirmed with the time read, then said in the channel.
    organiser.privmsg(
        "#community",
        "!announce in 3 seconds The spring meeting's programme is out!",
    );
    let confirmation = answer_from(&mut organiser, "crieur");
    assert!(
        confirmation.starts_with("orga: Announcement #"),
        "{confirmation}"
    );
    assert!(
        confirmation.contains("scheduled for March 16, 2026 at 9 AM (Europe/Paris) in #community"),
        "{confirmation}"
    );
    organiser.expect(
        |l| said_by(l, "crieur") == Some("The spring meeting's programme is out!"),
        WAIT,
    );
    // Nothing said twice.
    let rest = organiser.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(3),
        Duration::from_secs(10),
    );
    assert!(
        rest.iter()
            .all(|l| !l.contains("Registration for") && !l.contains("programme is out")),
        "{rest:#?}"
    );
    organiser.privmsg("#community", "!announcements");
    assert_eq!(
        answer_from(&mut organiser, "crieur"),
        "orga: No announcement pending."
    );
    // A room crieur is not in would lose the message: refused, with the rooms it is in.
    organiser.privmsg("#community", "!announce tomorrow 9am #nowhere Hello");
    assert_eq!(
        answer_from(&mut organiser, "crieur"),
        "orga: I am not in #nowhere; my rooms: #community."
    );
}

#[test]
fn without_account_tag_a_nick_taken_after_an_organiser_left_gets_no_rights() {
    // A network without account-tag: crieur must ask who is behind a nick, each time.
    let ircd = Ircd::start_with(Options { account_tag: false });
    let dir = tempfile::tempdir().unwrap();
    let mut organiser = Client::connect(ircd.client_port, "orga");
    organiser.register_account("orga-secret");
    let cfg = config(
        dir.path(),
        &ircd,
        "crieur",
        "#community",
        "sample/georchestra",
        "organisers = [\"orga\"]",
    );
    let mut member = Client::connect(ircd.client_port, "erin");
    member.join("#community");
    organiser.join("#community");
    let bot = Crieur::start(&cfg, &[], &[]);
    wait_join(&mut organiser, "crieur", "#community");
    assert!(!bot.log().contains("account-tag"), "{}", bot.log());
    // The organiser speaks to crieur privately (and is recognised), leaves and quits.
    organiser.privmsg("crieur", "!announcements");
    let reply = organiser.expect(|l| said_by(l, "crieur").is_some(), WAIT);
    assert_eq!(said_by(&reply, "crieur"), Some("No announcement pending."));
    organiser.send("PART #community");
    organiser.send("QUIT :bye");
    member.expect(|l| quit_by(l, "orga") || l.contains(" PART "), WAIT);
    // Someone takes the nick without the account and asks privately.
    let mut impostor = Client::connect(ircd.client_port, "orga");
    impostor.privmsg("crieur", "!announce in 5 seconds #community Free coins");
    let reply = impostor.expect(|l| said_by(l, "crieur").is_some(), WAIT);
    assert_eq!(
        said_by(&reply, "crieur"),
        Some("Sorry, only organisers (known by their account) can do that.")
    );
    let later = member.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_secs(8),
        Duration::from_secs(12),
    );
    assert!(
        later.iter().all(|l| !l.contains("Free coins")),
        "{later:#?}"
    );
}
