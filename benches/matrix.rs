//! Reply latency and memory of crieur on Matrix, with IRC connected too: a real Synapse and
//! a real InspIRCd + Atheme on loopback (as the tests start them), a member's matrix-sdk
//! client asking questions one after another. Latency is from just before the member sends
//! the question to the moment their sync delivers crieur's reply.
//!
//! Run: `cargo bench --bench matrix` (needs Synapse in the venv `scripts/test` installs, and
//! InspIRCd + Atheme). Targets: p50 < 100 ms; resident memory < 80 MB with both networks.

// matrix-sdk's futures are deep: proving a sync task `Send` needs more than 128 steps.
#![recursion_limit = "256"]

// The tests' helpers; the bench uses a few of them.
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{
    AddMentions, ForwardThread, MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use std::time::{Duration, Instant};
use support::Crieur;
use support::ircd::Ircd;
use support::member::Member;
use support::synapse::Synapse;

const QUESTIONS: usize = 100;

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(bench());
}

async fn bench() {
    let synapse = Synapse::start();
    let ircd = Ircd::start();
    let bot = synapse.register("crieur", "bot-pass");
    let alice_id = synapse.register("alice", "secret-pass");
    let mut alice = Member::login(&synapse.url(), &alice_id).await;
    let room = alice
        .create_room(Some("community"), &[], false, false)
        .await;

    let dir = tempfile::tempdir().unwrap();
    let password = dir.path().join("bot-password");
    std::fs::write(&password, "bot-pass\n").unwrap();
    let cfg = dir.path().join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            r##"data_dir = "{data}"
[[site]]
path = "{root}/sample/georchestra"
[irc]
server = "127.0.0.1"
port = {irc_port}
tls = false
nick = "crieur"
[[irc.channel]]
name = "#community"
[matrix]
homeserver = "{url}"
user = "{bot}"
password_file = "{password}"
[[matrix.room]]
id = "#community:localhost"
"##,
            data = dir.path().join("data").display(),
            root = env!("CARGO_MANIFEST_DIR"),
            irc_port = ircd.bot_port,
            url = synapse.url(),
            password = password.display(),
        ),
    )
    .unwrap();
    let crieur = Crieur::start(&cfg, &[], &[]);
    alice.wait_member(&room, &bot, MembershipState::Join).await;

    let (mut times, mut to_server) = measure(&mut alice, &room, &bot, &crieur).await;
    times.sort();
    to_server.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "of which send → reply stored by the homeserver: p50 {:.1} ms, p90 {:.1} ms",
        ms(to_server[to_server.len() / 2]),
        ms(to_server[to_server.len() * 9 / 10]),
    );
    let irc_joined = crieur.log().contains("irc: joined #community");
    println!(
        "matrix reply latency over {} questions (send → reply in the asker's sync): p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(times[times.len() - 1]),
    );
    // crieur's own log: from the question's timestamp on the homeserver to crieur's handler
    // (notification, sync, SDK), and from there to the homeserver's acknowledgement of the
    // reply (answering, sending).
    let field = |line: &str, name: &str| -> Option<f64> {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
    };
    let log = crieur.log();
    let answered: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("matrix: answered"))
        .collect();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    println!(
        "of which in crieur (its log, {} answers): question on the homeserver → crieur's handler p50 {:.1} ms, handler → reply acknowledged p50 {:.1} ms",
        answered.len(),
        median(answered.iter().filter_map(|l| field(l, "lag_ms")).collect()),
        median(
            answered
                .iter()
                .filter_map(|l| field(l, "handled_ms"))
                .collect()
        ),
    );
    println!(
        "crieur resident memory with Matrix and IRC connected (IRC joined: {irc_joined}): {:.1} MB",
        rss_kib(crieur.child.id()) as f64 / 1024.0
    );

    // The floor, on the same Synapse in the same run: a matrix-sdk bot that answers every
    // text message with a fixed line, in a room of its own.
    let floor_id = synapse.register("nullbot", "bot-pass");
    let floor_room = alice.create_room(Some("floor"), &[], false, false).await;
    let _floor = null_bot(&synapse.url(), &floor_id, &floor_room).await;
    alice
        .wait_member(&floor_room, &floor_id, MembershipState::Join)
        .await;
    let (mut floor, _) = measure(&mut alice, &floor_room, &floor_id, &crieur).await;
    floor.sort();
    let p50 = |v: &[Duration]| ms(v[v.len() / 2]);
    println!(
        "do-nothing matrix-sdk bot, same Synapse, same run: p50 {:.1} ms, p90 {:.1} ms; crieur's p50 is {:.2}x the floor",
        p50(&floor),
        ms(floor[floor.len() * 9 / 10]),
        ms(at(0.5)) / p50(&floor),
    );
}

/// Asks `QUESTIONS` distinct questions (after 5 to warm up) one after another; returns each
/// one's time from the send to the reply in the asker's sync, and to the reply stored by
/// the homeserver.
async fn measure(
    alice: &mut Member,
    room: &OwnedRoomId,
    bot: &str,
    crieur: &Crieur,
) -> (Vec<Duration>, Vec<Duration>) {
    let mut times = Vec::new();
    let mut to_server = Vec::new();
    for i in 0..QUESTIONS + 5 {
        // Distinct questions: the same one again within a minute is coalesced, not answered.
        let question = if i % 2 == 0 {
            format!("!next {i}")
        } else {
            format!("crieur: when is the next geOcom? ({i})")
        };
        let start = Instant::now();
        let sent_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let asked = alice.say(room, &question).await;
        let reply = alice
            .answer_to(room, bot, &asked)
            .await
            .unwrap_or_else(|| panic!("no answer from {bot}: {}", crieur.log()));
        if i >= 5 {
            times.push(start.elapsed());
            // When the homeserver had the reply: the part before the asker's sync.
            let server: u64 = reply.origin_server_ts.get().into();
            to_server.push(Duration::from_millis(server.saturating_sub(sent_ms)));
        }
    }
    (times, to_server)
}

/// A matrix-sdk bot doing nothing but answering each text message in `room` with "ok", in
/// a reply, syncing without pauses as crieur does.
async fn null_bot(
    url: &str,
    user: &str,
    room: &OwnedRoomId,
) -> (matrix_sdk::Client, tempfile::TempDir) {
    let (client, store) = support::member::logged_in(url, user, "bot-pass").await;
    let first = client.sync_once(SyncSettings::default()).await.unwrap();
    client.join_room_by_id(room).await.unwrap();
    let me = client.user_id().unwrap().to_owned();
    client.add_event_handler(
        move |ev: OriginalSyncRoomMessageEvent, room: matrix_sdk::Room| {
            let me = me.clone();
            async move {
                if ev.sender == me || !matches!(ev.content.msgtype, MessageType::Text(_)) {
                    return;
                }
                let content = RoomMessageEventContent::notice_plain("ok").make_reply_to(
                    &ev,
                    ForwardThread::Yes,
                    AddMentions::Yes,
                );
                let _ = room.send(content).await;
            }
        },
    );
    let c = client.clone();
    tokio::spawn(async move {
        let mut settings = SyncSettings::default().token(first.next_batch);
        loop {
            if let Ok(r) = c.sync_once(settings.clone()).await {
                settings = settings.token(r.next_batch);
            }
        }
    });
    (client, store)
}
