//! crieur on a real Synapse (loopback, SQLite): members are matrix-sdk clients, as Element
//! users would be. Answers in a plain room, a thread, an encrypted room and a direct chat;
//! history, messages from while crieur was down and undecryptable messages are not
//! answered; its device is cross-signed; strangers' invites are refused; posts' markup is
//! shown as text; organisers by user id or power level, impostors refused; an
//! announcement is delivered with a room mention; a restart neither replays nor loses
//! anything; a resend after a crash is the same event; a revoked session stops crieur with
//! a way out; an access token or a recovery key work; Matrix serves while IRC is down or
//! dies, and again after its homeserver restarts; a reply the homeserver holds up does not
//! hold up other rooms.

use crate::support::{self, member};

use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{MessageType, OriginalSyncRoomMessageEvent};
use member::{Member, Seen, WAIT, body, replied_to, thread_of};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::Crieur;
use support::client::{Client as IrcClient, said_by};
use support::ircd::Ircd;
use support::relay::Relay;
use support::synapse::Synapse;

/// A config for crieur on `homeserver` over the `deadlines` fixture site.
fn config(dir: &Path, homeserver: &str, rooms: &[&str], extra: &str) -> PathBuf {
    config_for("deadlines", dir, homeserver, rooms, extra)
}

/// A config for crieur on `homeserver` over a fixture site, logging in with its password
/// unless `extra` gives an access token.
fn config_for(site: &str, dir: &Path, homeserver: &str, rooms: &[&str], extra: &str) -> PathBuf {
    let root = env!("CARGO_MANIFEST_DIR");
    let password = dir.join("bot-password");
    std::fs::write(&password, "bot-pass\n").unwrap();
    let login = if extra.contains("access_token") {
        String::new()
    } else {
        format!("password_file = \"{}\"", password.display())
    };
    let rooms: String = rooms
        .iter()
        .map(|r| format!("\n[[matrix.room]]\nid = \"{r}\"\n"))
        .collect();
    let text = format!(
        r#"timezone = "Europe/Paris"
data_dir = "{data}"
languages = ["en", "fr", "es"]

[[site]]
path = "{root}/tests/fixtures/{site}"

[matrix]
homeserver = "{url}"
user = "@crieur:localhost"
{login}
{extra}
{rooms}"#,
        data = dir.join("data").display(),
        url = homeserver,
    );
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const NOW: &str = "2026-03-20T10:00:00+01:00";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_in_a_plain_room_an_encrypted_room_and_a_direct_chat() {
    let (synapse, bot, mut alice, plain) = community().await;
    // Said before crieur ever joined: history, not a question.
    alice.say(&plain, "!next").await;

    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse.url(),
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
    assert_eq!(
        thread_of(&reply),
        None,
        "a plain question gets a plain reply"
    );

    // A question inside a thread is answered inside that thread.
    let followup = alice
        .say_in_thread(&plain, &asked, "crieur: until when can I register?")
        .await;
    let reply = alice
        .answer_to(&plain, &bot, &followup)
        .await
        .unwrap_or_else(|| panic!("no answer in the thread: {}", crieur.log()));
    assert_eq!(thread_of(&reply).as_ref(), Some(&asked), "{reply:#?}");
    assert!(body(&reply).contains("March 30, 2026"), "{}", body(&reply));

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
    let reply = ask(&mut alice, &secret, &bot, "!next", &crieur).await;
    assert!(
        body(&reply).contains("Spring meeting 2026"),
        "{}",
        body(&reply)
    );

    // A message nobody can decrypt (no such session): logged, not answered.
    let garbage = raw_send(
        &alice,
        &synapse.url(),
        &secret,
        "m.room.encrypted",
        r#"{"algorithm":"m.megolm.v1.aes-sha2","ciphertext":"AwgAEpAB","device_id":"NOSUCHDEVICE","sender_key":"Nn8pMRyCjBnK5P3bN2J5nFrzwZ5w1Gk9Ht6y8qTcV0E","session_id":"Zm9yZ2VkIHNlc3Npb24gaWQgbm9ib2R5IGhhcw"}"#,
    )
    .await;
    let asked = alice
        .say(&secret, "crieur: where is the spring meeting?")
        .await;
    let reply = alice
        .next_from(&secret, &bot, WAIT)
        .await
        .unwrap_or_else(|| panic!("no answer in the encrypted room: {}", crieur.log()));
    assert_eq!(
        replied_to(&reply).as_ref(),
        Some(&asked),
        "{}",
        body(&reply)
    );
    assert!(
        crieur.log().contains(&format!("event={garbage}"))
            && crieur.log().contains("could not be decrypted"),
        "{}",
        crieur.log()
    );

    // A new account: crieur bootstrapped cross-signing, so Alice's client trusts its device.
    wait_cross_signed(&alice, &bot, dir.path(), &crieur).await;

    // A direct chat: no command prefix needed.
    let dm = alice.create_room(None, &[&bot], false, true).await;
    alice.wait_member(&dm, &bot, MembershipState::Join).await;
    let reply = ask(
        &mut alice,
        &dm,
        &bot,
        "jusqu'à quand peut-on s'inscrire ?",
        &crieur,
    )
    .await;
    assert!(body(&reply).contains("30 mars 2026"), "{}", body(&reply));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_in_with_a_token_shows_post_markup_as_text_and_refuses_strangers() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let mut mallory =
        Member::login(&synapse.url(), &synapse.register("mallory", "secret-pass")).await;
    let plain = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    // The admin made a device for crieur and gives it that device's access token.
    let login: serde_json::Value = matrix_sdk::reqwest::Client::new()
        .post(format!("{}/_matrix/client/v3/login", synapse.url()))
        .body(r#"{"type":"m.login.password","identifier":{"type":"m.id.user","user":"crieur"},"password":"bot-pass"}"#)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("bot-token");
    std::fs::write(&token, login["access_token"].as_str().unwrap()).unwrap();
    let cfg = config_for(
        "html",
        dir.path(),
        &synapse.url(),
        &["#community:localhost"],
        &format!(
            "access_token_file = \"{}\"\ninvites_from = [\"@alice:localhost\"]",
            token.display()
        ),
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&plain, &bot, MembershipState::Join).await;
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("data/matrix/session.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["device_id"], login["device_id"], "{}", crieur.log());

    // A post with markup in it: shown as text, never as HTML Element would render.
    let reply = ask(&mut alice, &plain, &bot, "!next", &crieur).await;
    let MessageType::Notice(notice) = &reply.content.msgtype else {
        panic!("{reply:#?}")
    };
    let html = &notice.formatted.as_ref().expect("an HTML body").body;
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt; Hack &lt;b&gt;night&lt;/b&gt;")
            && html.contains("April 20"),
        "{html}"
    );
    for raw in ["<img", "<script", "javascript:", "<x>"] {
        assert!(!html.contains(raw), "{raw} in {html}");
    }
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
    let carol_id = synapse.register("carol", "secret-pass");
    let mut carol = Member::login(&synapse.url(), &carol_id).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    for member in [&bob, &carol] {
        member
            .client
            .join_room_by_id(&room)
            .await
            .expect("joins the public room");
    }
    // Carol moderates the room: not listed, but her power level makes her an organiser.
    // (Alice's client changes the power levels it knows: once it has seen Carol join, it
    // has the room's state.)
    alice
        .wait_member(&room, &carol_id, MembershipState::Join)
        .await;
    let carol_user = matrix_sdk::ruma::OwnedUserId::try_from(carol_id.as_str()).unwrap();
    alice
        .client
        .get_room(&room)
        .unwrap()
        .update_power_levels(vec![(&carol_user, 50.into())])
        .await
        .expect("alice makes carol a moderator");
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(
        dir.path(),
        &synapse.url(),
        &["#community:localhost"],
        "organisers = [\"@alice:localhost\"]\norganiser_power_level = 50",
    );
    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;

    // Bob is not an organiser, whatever his display name.
    let refusal = ask(
        &mut bob,
        &room,
        &bot,
        "!announce in 2 seconds Free coins",
        &crieur,
    )
    .await;
    assert!(
        body(&refusal).contains("only organisers"),
        "{}",
        body(&refusal)
    );

    let confirmation = ask(
        &mut alice,
        &room,
        &bot,
        "!announce in 3 seconds The programme is out!",
        &crieur,
    )
    .await;
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

    // An organiser cancels what she scheduled, and re-reads the site.
    let confirmation = ask(
        &mut alice,
        &room,
        &bot,
        "!announce in 1 hour Never mind this one",
        &crieur,
    )
    .await;
    let id = body(&confirmation)
        .split("!cancel ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .map(str::to_string)
        .unwrap_or_else(|| panic!("{}", body(&confirmation)));
    let cancelled = ask(&mut alice, &room, &bot, &format!("!cancel {id}"), &crieur).await;
    assert!(
        body(&cancelled).contains(&format!("Announcement #{id} cancelled")),
        "{}",
        body(&cancelled)
    );
    let reindexed = ask(&mut alice, &room, &bot, "!reindex", &crieur).await;
    assert!(
        body(&reindexed).contains("Sites re-read: 2 posts"),
        "{}",
        body(&reindexed)
    );

    // A moderator by power level may list announcements; a member may not.
    let listed = ask(&mut carol, &room, &bot, "!announcements", &crieur).await;
    assert!(
        !body(&listed).contains("only organisers"),
        "{}",
        body(&listed)
    );
    let refusal = ask(&mut bob, &room, &bot, "!announcements", &crieur).await;
    assert!(
        body(&refusal).contains("only organisers"),
        "{}",
        body(&refusal)
    );

    // Alice has seen those replies too: passed over, so that what follows is what is new.
    alice.all_from(&room, &bot, Duration::from_secs(1)).await;

    // Stopped; a question asked while it is down is not answered when it comes back.
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("data/matrix/session.json")).unwrap(),
    )
    .unwrap();
    let device = saved["device_id"].as_str().unwrap().to_string();
    crieur.terminate();
    assert!(
        crieur.wait_exit(Duration::from_secs(30)).is_some(),
        "{}",
        crieur.log()
    );
    alice.say(&room, "!next").await;
    let mut crieur = Crieur::start(&cfg, &[], &[]);
    // Asked after the restart: answered once.
    assert!(
        crieur.wait_log("matrix: listening", WAIT),
        "{}",
        crieur.log()
    );
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
    // The same device as before, restored rather than logged in again.
    let log = crieur.log();
    assert!(
        !log.contains("Logging in") && log.contains(&format!("device=Some({:?})", device)),
        "{log}"
    );
    crieur.terminate();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_resent_after_a_crash_is_the_same_event() {
    let (synapse, bot, mut alice, room) = community().await;
    // crieur reaches Synapse through a relay that holds back the answer to its first send.
    let relay = Relay::start(synapse.port, b"/send/m.room.message/");
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), &relay.url(), &["#community:localhost"], "");
    relay.arm();
    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    // The registration reminder due at NOW: Synapse has it, crieur never hears back…
    let first = relay
        .held(WAIT)
        .unwrap_or_else(|| panic!("crieur sent nothing: {}", crieur.log()));
    // …and dies before it can mark it sent.
    crieur.child.kill().unwrap();
    crieur.child.wait().unwrap();
    let reminder = alice
        .saying(&room, &bot, "Registration")
        .await
        .expect("the reminder reached the room");
    assert_eq!(reminder.event_id.as_str(), first);

    // Restarted: the entry still pending goes again, with the same transaction id.
    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    let deadline = std::time::Instant::now() + WAIT;
    while !crieur.log().contains("scheduler: sent") {
        assert!(
            std::time::Instant::now() < deadline,
            "never resent: {}",
            crieur.log()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let after = alice.all_from(&room, &bot, Duration::from_secs(3)).await;
    let body_of_first = body(&reminder);
    assert!(
        !after.contains(&body_of_first),
        "the reminder was posted twice: {after:#?}\n{}",
        crieur.log()
    );
    crieur.terminate();
    assert!(crieur.wait_exit(Duration::from_secs(30)).is_some());
    let entries = support::outbox(&cfg);
    assert!(
        entries
            .iter()
            .any(|e| e.key.starts_with("deadline:") && e.state == "sent"),
        "{entries:?}"
    );
    assert!(!entries.iter().any(|e| e.state == "pending"), "{entries:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_session_stops_crieur_with_a_way_to_log_in_again() {
    let (synapse, bot, mut alice, room) = community().await;
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), &synapse.url(), &["#community:localhost"], "");
    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;
    crieur.terminate();
    assert!(crieur.wait_exit(Duration::from_secs(30)).is_some());

    // The account's owner logs the device out (as from Element's session list).
    let saved = dir.path().join("data/matrix/session.json");
    let session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let token = session["access_token"].as_str().expect("a saved token");
    let logout = matrix_sdk::reqwest::Client::new()
        .post(format!("{}/_matrix/client/v3/logout", synapse.url()))
        .bearer_auth(token)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert!(logout.status().is_success(), "{logout:?}");

    let mut crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    let status = crieur
        .wait_exit(Duration::from_secs(60))
        .unwrap_or_else(|| panic!("still running on a revoked session: {}", crieur.log()));
    assert!(!status.success());
    let log = crieur.log();
    let matrix_dir = dir.path().join("data/matrix");
    assert!(
        log.contains("no longer accepts crieur's session")
            && log.contains(&format!(
                "remove {}",
                matrix_dir.join("session.json").display()
            )),
        "{log}"
    );

    // Doing what it says: a new device (the old one's keys set aside), answering again.
    std::fs::remove_file(matrix_dir.join("session.json")).unwrap();
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    assert!(
        crieur.wait_log("matrix: listening", WAIT),
        "{}",
        crieur.log()
    );
    let reply = ask(&mut alice, &room, &bot, "!next", &crieur).await;
    assert!(body(&reply).contains("Spring meeting 2026"));
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(matrix_dir.join("session.json")).unwrap())
            .unwrap();
    assert_ne!(again["device_id"], session["device_id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn matrix_serves_with_irc_down_and_after_its_homeserver_restarts() {
    let (mut synapse, bot, mut alice, room) = community().await;
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens on the IRC port; "#gone" does not exist, so crieur cannot join it.
    let irc = format!(
        "[irc]\nserver = \"127.0.0.1\"\nport = {}\ntls = false\nnick = \"crieur\"\n[[irc.channel]]\nname = \"#community\"\n",
        support::free_port()
    );
    let cfg = config(
        dir.path(),
        &synapse.url(),
        &["#community:localhost", "#gone:localhost"],
        &irc,
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    let reminder = alice
        .saying(&room, &bot, "Registration")
        .await
        .unwrap_or_else(|| panic!("no reminder on Matrix: {}", crieur.log()));
    assert!(
        reminder.content.mentions.as_ref().is_some_and(|m| m.room),
        "a reminder mentions the room so that it notifies: {reminder:#?}"
    );
    let reply = ask(&mut alice, &room, &bot, "!next", &crieur).await;
    assert!(body(&reply).contains("Spring meeting 2026"));
    // Over a few seconds of watching, the room is not tried in a loop.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let log = crieur.log();
    assert!(log.contains("irc"), "IRC was tried: {log}");
    // The room it could not join is tried again later, not in a loop.
    let refused = log.matches("not a room crieur is in").count();
    assert!((1..=3).contains(&refused), "{refused} attempts:\n{log}");

    // The homeserver goes away and comes back: crieur syncs again and answers.
    synapse.restart();
    let reply = ask(
        &mut alice,
        &room,
        &bot,
        "crieur: where is the spring meeting?",
        &crieur,
    )
    .await;
    assert!(body(&reply).contains("Lyon"), "{}", body(&reply));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_recovery_key_restores_the_identity_of_a_new_device() {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let room = alice.create_room(None, &[&bot], true, false).await;

    // The admin set up the bot's account in Element: cross-signing and a recovery key.
    let store = tempfile::tempdir().unwrap();
    let admin = matrix_sdk::Client::builder()
        .homeserver_url(synapse.url())
        .sqlite_store(store.path(), None)
        .with_encryption_settings(matrix_sdk::encryption::EncryptionSettings {
            auto_enable_cross_signing: true,
            ..Default::default()
        })
        .build()
        .await
        .unwrap();
    admin
        .matrix_auth()
        .login_username(&bot, "bot-pass")
        .await
        .unwrap();
    admin
        .encryption()
        .wait_for_e2ee_initialization_tasks()
        .await;
    let key = admin.encryption().recovery().enable().await.unwrap();

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("recovery-key"), format!("{key}\n")).unwrap();
    let cfg = config(
        dir.path(),
        &synapse.url(),
        &[room.as_str()],
        &format!(
            "recovery_key_file = \"{}\"",
            dir.path().join("recovery-key").display()
        ),
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    wait_cross_signed(&alice, &bot, dir.path(), &crieur).await;
    // …and says so once the whole recovery is done.
    let deadline = std::time::Instant::now() + WAIT;
    while !crieur.log().contains("restored from the recovery key") {
        assert!(std::time::Instant::now() < deadline, "{}", crieur.log());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A Synapse with crieur's account, and Alice in the public room "#community:localhost"
/// she opened.
async fn community() -> (Synapse, String, Member, OwnedRoomId) {
    let synapse = Synapse::start();
    let bot = synapse.register("crieur", "bot-pass");
    let alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    (synapse, bot, alice, room)
}

/// Says `text` in `room` as `member` and returns crieur's reply to it.
async fn ask(
    member: &mut Member,
    room: &OwnedRoomId,
    bot: &str,
    text: &str,
    crieur: &Crieur,
) -> OriginalSyncRoomMessageEvent {
    let asked = member.say(room, text).await;
    member
        .answer_to(room, bot, &asked)
        .await
        .unwrap_or_else(|| panic!("no answer to {text:?}: {}", crieur.log()))
}

/// Waits until crieur's device (as saved under `dir`) is signed by its account's
/// cross-signing key, as `member` sees it: clients then trust it.
async fn wait_cross_signed(member: &Member, bot: &str, dir: &Path, crieur: &Crieur) {
    let bot = matrix_sdk::ruma::OwnedUserId::try_from(bot).unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Ok(text) = std::fs::read_to_string(dir.join("data/matrix/session.json")) {
            let session: serde_json::Value = serde_json::from_str(&text).unwrap();
            let device: matrix_sdk::ruma::OwnedDeviceId =
                session["device_id"].as_str().unwrap().into();
            // Asks the homeserver again for the bot's keys and signatures.
            let _ = member.client.encryption().request_user_identity(&bot).await;
            if let Ok(Some(d)) = member.client.encryption().get_device(&bot, &device).await
                && d.is_cross_signed_by_owner()
            {
                return;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "crieur's device is not cross-signed: {}",
            crieur.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Sends an event as `member` straight through the client API, as a broken or hostile
/// client could; returns its event id.
async fn raw_send(
    member: &Member,
    homeserver: &str,
    room: &matrix_sdk::ruma::OwnedRoomId,
    kind: &str,
    content: &str,
) -> String {
    let token = member.client.access_token().expect("logged in");
    let room = url::form_urlencoded::byte_serialize(room.as_str().as_bytes()).collect::<String>();
    let response = matrix_sdk::reqwest::Client::new()
        .put(format!(
            "{homeserver}/_matrix/client/v3/rooms/{room}/send/{kind}/raw-{}",
            std::process::id()
        ))
        .bearer_auth(token)
        .body(content.to_string())
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{response:?}");
    let v: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    v["event_id"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_process_serves_irc_and_matrix_and_one_failing_leaves_the_other() {
    let synapse = Synapse::start();
    let mut ircd = Ircd::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    let mut irc_member = IrcClient::connect(ircd.client_port, "dana");
    irc_member.join("#community");
    let dir = tempfile::tempdir().unwrap();
    let irc = format!(
        "[irc]\nserver = \"127.0.0.1\"\nport = {}\ntls = false\nnick = \"crieur\"\n[[irc.channel]]\nname = \"#community\"\n",
        ircd.bot_port
    );
    let cfg = config(dir.path(), &synapse.url(), &["#community:localhost"], &irc);
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);

    // The reminder due at NOW reaches both rooms, once each.
    let on_irc = irc_member.expect(
        |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("Registration for")),
        WAIT,
    );
    let on_matrix = alice
        .saying(&room, &bot, "Registration for")
        .await
        .unwrap_or_else(|| panic!("no reminder on Matrix: {}", crieur.log()));
    assert_eq!(
        format!("notice: {}", said_by(&on_irc, "crieur").unwrap()),
        body(&on_matrix)
    );
    // Questions on both.
    irc_member.privmsg("#community", "!next");
    let answer = irc_member.expect(|l| said_by(l, "crieur").is_some(), WAIT);
    assert!(answer.contains("Spring meeting 2026"), "{answer}");
    let reply = ask(&mut alice, &room, &bot, "!next", &crieur).await;
    assert!(body(&reply).contains("Spring meeting 2026"));

    // The IRC server dies: Matrix goes on.
    ircd.kill_ircd();
    let reply = ask(
        &mut alice,
        &room,
        &bot,
        "crieur: where is the spring meeting?",
        &crieur,
    )
    .await;
    assert!(body(&reply).contains("Lyon"), "{}", body(&reply));
    let more = alice.all_from(&room, &bot, Duration::from_secs(2)).await;
    assert!(
        !more.iter().any(|m| m.contains("Registration for")),
        "a reminder said twice: {more:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_on_either_network_announces_to_the_rooms_of_the_other() {
    let synapse = Synapse::start();
    let ircd = Ircd::start();
    let bot = synapse.register("crieur", "bot-pass");
    let mut alice = Member::login(&synapse.url(), &synapse.register("alice", "secret-pass")).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;
    let mut orga = IrcClient::connect(ircd.client_port, "orga");
    orga.register_account("orga-secret");
    orga.join("#community");
    let dir = tempfile::tempdir().unwrap();
    // Alice organises on Matrix, orga (by services account) on IRC. No reminders: what
    // crieur says is the announcements.
    let extra = format!(
        "organisers = [\"@alice:localhost\"]\n[irc]\nserver = \"127.0.0.1\"\nport = {}\ntls = false\nnick = \"crieur\"\norganisers = [\"orga\"]\n[[irc.channel]]\nname = \"#community\"\n[reminders]\ndeadline_days = []\nevent_days = []\n",
        ircd.bot_port
    );
    let cfg = config(
        dir.path(),
        &synapse.url(),
        &["#community:localhost"],
        &extra,
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;
    orga.expect(
        |l| l.starts_with(":crieur!") && l.contains("JOIN") && l.contains("#community"),
        WAIT,
    );

    // From Matrix to the IRC channel.
    let confirmation = ask(
        &mut alice,
        &room,
        &bot,
        "!announce in 3 seconds #community Sprint tonight on IRC",
        &crieur,
    )
    .await;
    assert!(
        body(&confirmation).contains("in #community (to cancel"),
        "{}",
        body(&confirmation)
    );
    let line = orga.expect(
        |l| said_by(l, "crieur").is_some_and(|t| t.contains("Sprint tonight on IRC")),
        WAIT,
    );
    assert!(line.contains("#community"), "{line}");

    // From IRC to the Matrix room, named by its alias.
    orga.privmsg(
        "#community",
        "!announce in 3 seconds #community:localhost Sprint tonight on Matrix",
    );
    let reply = orga.expect(|l| said_by(l, "crieur").is_some(), WAIT);
    assert!(
        reply.contains("in #community:localhost (to cancel"),
        "{reply}"
    );
    let announced = alice
        .saying(&room, &bot, "Sprint tonight on Matrix")
        .await
        .unwrap_or_else(|| panic!("no announcement on Matrix: {}", crieur.log()));
    assert_eq!(body(&announced), "notice: Sprint tonight on Matrix");

    // "all": every announce room, on both networks.
    orga.privmsg(
        "#community",
        "!announce in 3 seconds all Doors open at 18:00",
    );
    let reply = orga.expect(|l| said_by(l, "crieur").is_some(), WAIT);
    assert!(
        reply.contains("#community, #community:localhost"),
        "{reply}"
    );
    orga.expect(
        |l| said_by(l, "crieur").is_some_and(|t| t.contains("Doors open at 18:00")),
        WAIT,
    );
    alice
        .saying(&room, &bot, "Doors open at 18:00")
        .await
        .unwrap_or_else(|| panic!("no announcement to all on Matrix: {}", crieur.log()));

    // A room crieur is not in: the answer lists its rooms on both networks.
    let refusal = ask(
        &mut alice,
        &room,
        &bot,
        "!announce in 3 seconds #elsewhere Hello",
        &crieur,
    )
    .await;
    assert!(
        body(&refusal)
            .contains("I am not in #elsewhere; my rooms: #community, #community:localhost."),
        "{}",
        body(&refusal)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeats_and_chatty_members_are_kept_in_check_as_the_config_says_in_the_rooms_language() {
    let (synapse, bot, mut alice, room) = community().await;
    let dir = tempfile::tempdir().unwrap();
    // One answer a minute per member in a room; the room speaks French.
    let cfg = config(
        dir.path(),
        &synapse.url(),
        &["#community:localhost"],
        "room_share = 1\nrepeat_window_secs = 60\n[reminders]\ndeadline_days = []\nevent_days = []",
    );
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str("language = \"fr\"\n");
    std::fs::write(&cfg, text).unwrap();
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;

    let first = ask(&mut alice, &room, &bot, "!next", &crieur).await;
    assert!(
        body(&first).contains("Spring meeting 2026"),
        "{}",
        body(&first)
    );
    let note = ask(&mut alice, &room, &bot, "!next", &crieur).await;
    assert_eq!(
        body(&note),
        format!(
            "notice: {}",
            crieur::bot::repeat_note(crieur::extract::Language::Fr)
        )
    );
    // Her share of the room is spent: the next answer comes in a direct chat.
    alice
        .say(&room, "crieur: where is the spring meeting?")
        .await;
    let dm = alice
        .accept_invite()
        .await
        .unwrap_or_else(|| panic!("no direct chat: {}", crieur.log()));
    let private = alice
        .saying(&dm, &bot, "Lyon")
        .await
        .unwrap_or_else(|| panic!("no answer in the direct chat: {}", crieur.log()));
    assert!(body(&private).contains("Lyon"), "{}", body(&private));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_held_up_by_the_homeserver_does_not_hold_up_other_rooms() {
    let (synapse, bot, mut alice, room) = community().await;
    let other = alice.create_room(Some("other"), &[], false, false).await;
    let relay = Relay::start(synapse.port, b"/send/m.room.message/");
    let dir = tempfile::tempdir().unwrap();
    // No reminders: the first message crieur sends is its answer.
    let cfg = config(
        dir.path(),
        &relay.url(),
        &["#community:localhost", "#other:localhost"],
        "[reminders]\ndeadline_days = []\nevent_days = []",
    );
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;
    alice.wait_member(&other, &bot, MembershipState::Join).await;
    // The homeserver takes crieur's answer in one room and does not confirm it…
    relay.arm();
    alice.say(&room, "!next").await;
    relay
        .held(WAIT)
        .unwrap_or_else(|| panic!("no answer sent: {}", crieur.log()));
    // …meanwhile a question in another room is answered (the held send would block it for
    // the request's 30-second timeout if answers waited on each other).
    let asked_at = std::time::Instant::now();
    let reply = ask(
        &mut alice,
        &other,
        &bot,
        "crieur: where is the spring meeting?",
        &crieur,
    )
    .await;
    assert!(body(&reply).contains("Lyon"), "{}", body(&reply));
    assert!(
        asked_at.elapsed() < Duration::from_secs(15),
        "answered only after {:?}",
        asked_at.elapsed()
    );
}

/// Waits until `member` sees `user` with `membership` in `room` (from its synced state,
/// whatever order the events came in).
async fn wait_membership(
    member: &Member,
    room: &OwnedRoomId,
    user: &str,
    membership: MembershipState,
    crieur: &Crieur,
) {
    let user = matrix_sdk::ruma::OwnedUserId::try_from(user).unwrap();
    let found = tokio::time::timeout(WAIT, async {
        loop {
            if let Some(r) = member.client.get_room(room)
                && let Ok(Some(m)) = r.get_member_no_sync(&user).await
                && *m.membership() == membership
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
    assert!(
        found.is_ok(),
        "{user} never got {membership:?} in {room}: {}",
        crieur.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_joins_and_leaves_rooms_and_takes_new_organisers() {
    let (synapse, bot, mut alice, community) = community().await;
    let second = alice.create_room(Some("second"), &[], false, false).await;
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), &synapse.url(), &["#community:localhost"], "");
    let crieur = Crieur::start(&cfg, &[], &["--now", NOW]);
    wait_membership(&alice, &community, &bot, MembershipState::Join, &crieur).await;
    let refused = ask(&mut alice, &community, &bot, "!reload", &crieur).await;
    assert!(
        body(&refused).contains("only organisers"),
        "{}",
        body(&refused)
    );

    // SIGHUP: crieur moves to the second room, which speaks French; Alice organises.
    let organiser = "organisers = [\"@alice:localhost\"]";
    let moved = config(
        dir.path(),
        &synapse.url(),
        &["#second:localhost"],
        organiser,
    );
    let mut text = std::fs::read_to_string(&moved).unwrap();
    text.push_str("language = \"fr\"\n");
    std::fs::write(&moved, text).unwrap();
    let hup = std::process::Command::new("kill")
        .args(["-HUP", &crieur.child.id().to_string()])
        .status()
        .unwrap();
    assert!(hup.success());
    wait_membership(&alice, &second, &bot, MembershipState::Join, &crieur).await;
    wait_membership(&alice, &community, &bot, MembershipState::Leave, &crieur).await;
    assert!(
        crieur.wait_log(
            "Config re-read; joined: #second:localhost; left: #community:localhost.",
            WAIT
        ),
        "{}",
        crieur.log()
    );
    let next = ask(&mut alice, &second, &bot, "!next", &crieur).await;
    assert!(body(&next).contains("Prochain"), "{}", body(&next));

    // Alice asks from the chat: the first room is joined again.
    config(
        dir.path(),
        &synapse.url(),
        &["#second:localhost", "#community:localhost"],
        organiser,
    );
    let told = ask(&mut alice, &second, &bot, "!reload", &crieur).await;
    assert!(
        body(&told).contains("Configuration relue ; rejoint : #community:localhost."),
        "{}",
        body(&told)
    );
    wait_membership(&alice, &community, &bot, MembershipState::Join, &crieur).await;
}
