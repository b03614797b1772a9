//! crieur on a real Synapse (loopback, SQLite): members are matrix-sdk clients, as Element
//! users would be. Answers in a plain room, an encrypted room and a direct chat; history and
//! messages from while crieur was down are not answered; strangers' invites are refused; an
//! organiser's announcement is delivered; a restart neither replays nor loses anything.

// matrix-sdk's futures are deep: proving a sync task `Send` needs more than 128 steps.
#![recursion_limit = "256"]

#[path = "support/member.rs"]
mod member;
mod support;

use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::MessageType;
use member::{Member, Seen, WAIT, body, replied_to};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::Crieur;
use support::synapse::Synapse;

fn config(dir: &Path, synapse: &Synapse, rooms: &[&str], extra: &str) -> PathBuf {
    let root = env!("CARGO_MANIFEST_DIR");
    let password = dir.join("bot-password");
    std::fs::write(&password, "bot-pass\n").unwrap();
    let rooms: String = rooms
        .iter()
        .map(|r| format!("\n[[matrix.room]]\nid = \"{r}\"\n"))
        .collect();
    let text = format!(
        r#"timezone = "Europe/Paris"
data_dir = "{data}"
languages = ["en", "fr", "es"]

[[site]]
path = "{root}/tests/fixtures/deadlines"

[matrix]
homeserver = "{url}"
user = "@crieur:localhost"
password_file = "{password}"
{extra}
{rooms}"#,
        data = dir.join("data").display(),
        url = synapse.url(),
        password = password.display(),
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const NOW: &str = "2026-03-20T10:00:00+01:00";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_in_a_plain_room_an_encrypted_room_and_a_direct_chat() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let plain = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    // Said before crieur ever joined: history, not a question.
    alice.say(&plain, "!next").await;

    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse,
        &["#community:localhost"],
        "invites_from = [\"@alice:localhost\"]",
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&plain, &bot, MembershipState::Join).await;

    let asked = alice
        .say(&plain, "crieur: when is the spring meeting?")
        .await;
    let reply = alice
        .answer_to(&plain, &bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer in the plain room: {}", crieur.log()));
    let text = body(&reply);
    assert!(text.starts_with("notice: "), "{text}");
    assert!(
        text.contains("Spring meeting 2026") && text.contains("Lyon"),
        "{text}"
    );
    let MessageType::Notice(notice) = &reply.content.msgtype else {
        unreachable!()
    };
    assert!(
        notice
            .formatted
            .as_ref()
            .is_some_and(|f| f.body.contains("Spring meeting 2026"))
    );
    // The message from before the join got no answer: nothing else replies to anything.
    let more: Vec<_> = std::iter::from_fn(|| alice.seen.try_recv().ok()).collect();
    assert!(
        !more.iter().any(|s| matches!(s, Seen::Message { ev, .. } if ev.sender.as_str() == bot && replied_to(ev).is_some())),
        "{more:#?}"
    );

    // An encrypted room crieur is invited to: it joins, decrypts and answers encrypted.
    let secret = alice.create_room(None, &[&bot], true, false).await;
    alice
        .wait_member(&secret, &bot, MembershipState::Join)
        .await;
    let asked = alice.say(&secret, "!next").await;
    let reply = alice
        .answer_to(&secret, &bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer in the encrypted room: {}", crieur.log()));
    assert!(
        body(&reply).contains("Spring meeting 2026"),
        "{}",
        body(&reply)
    );

    // A direct chat: no command prefix needed.
    let dm = alice.create_room(None, &[&bot], false, true).await;
    alice.wait_member(&dm, &bot, MembershipState::Join).await;
    let asked = alice.say(&dm, "jusqu'à quand peut-on s'inscrire ?").await;
    let reply = alice
        .answer_to(&dm, &bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer in the direct chat: {}", crieur.log()));
    assert!(body(&reply).contains("30 mars 2026"), "{}", body(&reply));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strangers_invite_is_refused() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let mut mallory =
        Member::login(&synapse.url(), &synapse.register("mallory", "secret-pass")).await;
    let plain = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse,
        &["#community:localhost"],
        "invites_from = [\"@alice:localhost\"]",
    );
    let _crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&plain, &bot, MembershipState::Join).await;
    let trap = mallory.create_room(None, &[&bot], false, false).await;
    mallory
        .wait_member(&trap, &bot, MembershipState::Leave)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_announcement_is_delivered_and_a_restart_replays_and_loses_nothing() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let mut bob = Member::login(&synapse.url(), &synapse.register("bob", "secret-pass")).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    bob.client
        .join_room_by_id(&room)
        .await
        .expect("bob joins the public room");
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse,
        &["#community:localhost"],
        "organisers = [\"@alice:localhost\"]",
    );
    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;

    // Bob is not an organiser, whatever his display name.
    let asked = bob.say(&room, "!announce in 2 seconds Free coins").await;
    let refusal = bob.answer_to(&room, &bot, &asked).await.expect("a refusal");
    assert!(
        body(&refusal).contains("only organisers"),
        "{}",
        body(&refusal)
    );

    let asked = alice
        .say(&room, "!announce in 3 seconds The programme is out!")
        .await;
    let confirmation = alice
        .answer_to(&room, &bot, &asked)
        .await
        .expect("a confirmation");
    assert!(
        body(&confirmation).contains("Announcement #"),
        "{}",
        body(&confirmation)
    );
    let announced = alice
        .saying(&room, &bot, "programme is out")
        .await
        .expect("the announcement");
    assert_eq!(body(&announced), "notice: The programme is out!");
    assert!(
        announced.content.mentions.as_ref().is_some_and(|m| m.room),
        "a room mention notifies"
    );

    // Stopped; a question asked while it is down is not answered when it comes back.
    crieur.terminate();
    assert!(
        crieur.wait_exit(Duration::from_secs(30)).is_some(),
        "{}",
        crieur.log()
    );
    alice.say(&room, "!next").await;
    let mut crieur = Crieur::start(&cfg, &[], &[]);
    // Asked after the restart: answered once.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let asked = alice.say(&room, "!help").await;
    // The first thing crieur says after the restart is that answer.
    let help = alice
        .next_from(&room, &bot, WAIT)
        .await
        .unwrap_or_else(|| panic!("no answer after the restart: {}", crieur.log()));
    assert_eq!(replied_to(&help).as_ref(), Some(&asked), "{}", body(&help));
    assert!(body(&help).starts_with("notice: "), "{}", body(&help));
    // Nothing else: not the question from while it was down, not the announcement again.
    let after = alice.all_from(&room, &bot, Duration::from_secs(5)).await;
    assert!(after.is_empty(), "{after:#?}\n{}", crieur.log());
    crieur.terminate();
}
