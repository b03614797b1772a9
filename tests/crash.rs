//! Killing crieur (`kill -9`) at random moments around its sends, twenty times over, loses
//! no reminder and repeats none in the outbox: each due reminder ends up sent exactly once
//! there, and the channel sees it at least once, with at most one repeat per kill (the one
//! duplicate IRC allows, when the process dies between the server taking a message and
//! the outbox recording it).

use crate::support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{Crieur, Entry};

/// A scripted IRC server that welcomes every connection and records channel messages.
fn serve(listener: TcpListener, said: Arc<Mutex<Vec<String>>>, joins: Arc<Mutex<Vec<Instant>>>) {
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let said = said.clone();
            let joins = joins.clone();
            std::thread::spawn(move || {
                let mut writer = stream.try_clone().unwrap();
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    let reply = if line.starts_with("CAP LS") {
                        ":fake CAP * LS :".to_string()
                    } else if line.starts_with("USER ") {
                        ":fake 001 crieur :Welcome".to_string()
                    } else if line.starts_with("JOIN ") {
                        joins.lock().unwrap().push(Instant::now());
                        ":crieur!c@fake.host JOIN #c".to_string()
                    } else if let Some(token) = line.strip_prefix("PING ") {
                        format!(":fake PONG fake {token}")
                    } else if let Some(text) = line.strip_prefix("PRIVMSG #c :") {
                        said.lock().unwrap().push(text.to_string());
                        continue;
                    } else {
                        continue;
                    };
                    if writer.write_all(format!("{reply}\r\n").as_bytes()).is_err() {
                        break;
                    }
                }
            });
        }
    });
}

/// Twelve gatherings whose registration closes 2 to 13 days after 2026-03-01: at that
/// date, each has one reminder due (the latest missed one).
fn site(root: &Path) {
    let posts = root.join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    for i in 0..12 {
        let deadline = 3 + i;
        std::fs::write(
            posts.join(format!("2026-02-01-meeting-{i}.md")),
            format!(
                "---\ntitle: \"Meeting {i}\"\ndate: 2026-02-01\nlang: en\n---\n\nMeeting {i} will take place on April {}, 2026 in Lyon.\n\nPlease register no later than March {deadline}, 2026.\n",
                10 + i
            ),
        )
        .unwrap();
    }
}

#[test]
fn twenty_kills_lose_nothing_and_repeat_nothing() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let said = Arc::new(Mutex::new(Vec::new()));
    let joins = Arc::new(Mutex::new(Vec::new()));
    serve(listener, said.clone(), joins.clone());
    let dir = tempfile::tempdir().unwrap();
    site(&dir.path().join("site"));
    let cfg = dir.path().join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = \"{data}\"\n[[site]]\npath = \"{site}\"\n[reminders]\nevent_days = []\n[irc]\nserver = \"127.0.0.1\"\nport = {port}\ntls = false\nnick = \"crieur\"\nthrottle_burst = 2\nthrottle_per_second = 20\n[[irc.channel]]\nname = \"#c\"\n",
            data = dir.path().join("data").display(),
            site = dir.path().join("site").display(),
        ),
    )
    .unwrap();
    let now = ["--now", "2026-03-01T10:00:00+01:00"];
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("seed {seed}");
    for round in 0..20 {
        let joined = joins.lock().unwrap().len();
        let mut bot = Crieur::start(&cfg, &[], &now);
        let deadline = Instant::now() + Duration::from_secs(20);
        while joins.lock().unwrap().len() == joined {
            assert!(
                Instant::now() < deadline,
                "round {round}: no JOIN; {}",
                bot.log()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Anywhere from before the first send to after the last.
        std::thread::sleep(Duration::from_millis(seed % 700));
        bot.child.kill().unwrap();
        bot.child.wait().unwrap();
    }
    // A last run, left to finish: it connects, sends what is left, then falls quiet.
    let joined = joins.lock().unwrap().len();
    let mut bot = Crieur::start(&cfg, &[], &now);
    let deadline = Instant::now() + Duration::from_secs(30);
    while joins.lock().unwrap().len() == joined {
        assert!(
            Instant::now() < deadline,
            "last run: no JOIN; {}",
            bot.log()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut heard = said.lock().unwrap().len();
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_secs(1) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        let now_heard = said.lock().unwrap().len();
        if now_heard != heard {
            heard = now_heard;
            quiet_since = Instant::now();
        }
    }
    // A clean stop marks what was written before it exits.
    bot.terminate();
    let status = bot.wait_exit(Duration::from_secs(10));
    assert!(
        status.is_some_and(|s| s.success()),
        "{status:?}: {}",
        bot.log()
    );
    let entries = support::outbox(&cfg);
    let reminders: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.key.starts_with("deadline:"))
        .collect();
    let sent: Vec<&&Entry> = reminders.iter().filter(|e| e.state == "sent").collect();
    assert_eq!(
        sent.len(),
        12,
        "every due reminder is sent: {:#?}",
        reminders
            .iter()
            .map(|e| (&e.key, &e.state))
            .collect::<Vec<_>>()
    );
    assert!(
        !reminders.iter().any(|e| e.state == "pending"),
        "nothing left pending"
    );
    let said = said.lock().unwrap();
    let mut repeats = 0;
    for i in 0..12 {
        let text = format!("Registration for Meeting {i} closes");
        let n = said.iter().filter(|t| t.starts_with(&text)).count();
        assert!(n >= 1, "{text}: never said:\n{said:#?}");
        repeats += n - 1;
    }
    // At most one repeat per kill: the message being sent when it came.
    assert!(repeats <= 20, "{repeats} repeats for 20 kills:\n{said:#?}");
}
