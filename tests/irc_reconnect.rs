//! Staying up: the IRC server dies and comes back, and crieur reconnects and rejoins on
//! its own; SIGTERM makes it say goodbye and stop. A binary of its own, because it kills
//! the server.

use crate::support;

use std::time::Duration;
use support::Crieur;
use support::client::{Client, said_by};
use support::ircd::Ircd;

const WAIT: Duration = Duration::from_secs(30);

fn joined(line: &str, nick: &str, channel: &str) -> bool {
    line.contains(&format!(":{nick}!")) && line.contains(" JOIN ") && line.contains(channel)
}

/// `nick` joins `channel`, or is already there when the member joins: the names list (353)
/// the server sends the member lists it, with or without a prefix ("@crieur").
fn present(line: &str, nick: &str, channel: &str) -> bool {
    let listed = line.contains(" 353 ")
        && line.contains(channel)
        && line.rsplit_once(" :").is_some_and(|(_, names)| {
            names
                .split(' ')
                .any(|n| n.trim_start_matches(['@', '+', '%', '&', '~']) == nick)
        });
    joined(line, nick, channel) || listed
}

#[test]
fn reconnects_and_rejoins_after_the_server_restarts_then_quits_on_sigterm() {
    let mut ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let cfg = dir.path().join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = \"{}\"\n[[site]]\npath = \"{root}/sample/georchestra\"\n[irc]\nserver = \"127.0.0.1\"\nport = {}\ntls = false\nnick = \"crieur\"\nquit_message = \"bye for now\"\n[[irc.channel]]\nname = \"#community\"\n",
            dir.path().join("data").display(),
            ircd.bot_port
        ),
    )
    .unwrap();
    let mut member = Client::connect(ircd.client_port, "erin");
    member.join("#community");
    let mut bot = Crieur::start(&cfg, &[], &["--now", "2026-02-01T09:00:00+01:00"]);
    member.expect(|l| joined(l, "crieur", "#community"), WAIT);

    ircd.restart();
    let mut member = Client::connect(ircd.client_port, "erin");
    member.join("#community");
    // crieur may rejoin before or after the member does.
    member.expect(
        |l| present(l, "crieur", "#community"),
        Duration::from_secs(60),
    );
    member.privmsg("#community", "!next");
    let line = member.expect(
        |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("erin: Next:")),
        WAIT,
    );
    assert!(line.contains("Winter community meeting 2026"), "{line}");
    assert!(bot.log().contains("reconnecting in"), "{}", bot.log());

    bot.terminate();
    let quit = member.expect(|l| l.contains(":crieur!") && l.contains(" QUIT "), WAIT);
    assert!(quit.contains("bye for now"), "{quit}");
    let status = bot.wait_exit(WAIT).expect("crieur stops after SIGTERM");
    assert!(status.success(), "{}", bot.log());
}
