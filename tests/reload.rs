//! Re-reading the config while crieur runs, on a real IRC network (InspIRCd and Atheme on
//! loopback): SIGHUP, `crieur reload` and an organiser's `!reload` join and leave channels,
//! change who organises and what each channel speaks, and add a site; a broken config is
//! refused with its line and key, and crieur goes on with the running one.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use support::Crieur;
use support::client::{Client, said_by};
use support::ircd::Ircd;

const WAIT: Duration = Duration::from_secs(20);
const NOW: &str = "2026-02-01T09:00:00+01:00";

/// Writes the config: `channels` as (name, language), `extra_sites` after the sample one.
fn config(
    dir: &Path,
    ircd: &Ircd,
    organisers: &str,
    channels: &[(&str, &str)],
    extra: &str,
) -> PathBuf {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut text = format!(
        r#"timezone = "Europe/Paris"
data_dir = "{data}"

[[site]]
path = "{root}/sample/georchestra"
base_url = "https://www.georchestra.org"
{extra}

[irc]
server = "127.0.0.1"
port = {port}
tls = false
nick = "crieur"
organisers = [{organisers}]
"#,
        data = dir.join("data").display(),
        port = ircd.bot_port,
    );
    for (name, lang) in channels {
        text.push_str(&format!(
            "\n[[irc.channel]]\nname = \"{name}\"\nlanguage = \"{lang}\"\n"
        ));
    }
    let path = dir.join("crieur.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

fn hang_up(bot: &Crieur) {
    let status = Command::new("kill")
        .arg("-HUP")
        .arg(bot.child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// `crieur reload --config FILE`: (success, what it printed).
fn crieur_reload(config: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crieur"))
        .arg("reload")
        .arg("--config")
        .arg(config)
        .output()
        .expect("crieur reload runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

/// Whether `line` is crieur doing `command` (JOIN, PART) in `channel`.
fn crieur_does(line: &str, command: &str, channel: &str) -> bool {
    let mut words = line.split(' ');
    words.next().is_some_and(|w| w.starts_with(":crieur!"))
        && words.next() == Some(command)
        && words.next().map(|c| c.trim_start_matches(':')) == Some(channel)
}

/// Asks in `channel`; the first line crieur says there to the asker.
fn ask(client: &mut Client, bot: &Crieur, channel: &str, text: &str) -> String {
    client.privmsg(channel, text);
    let here = format!(" {channel} :");
    let to = format!("{}: ", client.nick);
    let line = client
        .wait(
            |l| said_by(l, "crieur").is_some_and(|t| t.starts_with(&to)) && l.contains(&here),
            WAIT,
        )
        .unwrap_or_else(|| panic!("no answer in {channel}; log:\n{}", bot.log()));
    // The rest of a long answer is read and dropped.
    client.collect(
        |l| said_by(l, "crieur").is_some(),
        Duration::from_millis(800),
        Duration::from_secs(3),
    );
    said_by(&line, "crieur").unwrap().to_string()
}

#[test]
fn sighup_and_reload_join_and_leave_channels_and_change_organisers() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let mut orga = Client::connect(ircd.client_port, "orga");
    orga.register_account("orga-secret");
    orga.join("#a");
    orga.join("#b");
    let cfg = config(dir.path(), &ircd, "", &[("#a", "en")], "");
    let mut bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    orga.expect(|l| crieur_does(l, "JOIN", "#a"), WAIT);

    // Not an organiser yet: refused.
    let refused = ask(&mut orga, &bot, "#a", "!reload");
    assert!(refused.contains("only organisers"), "{refused}");

    // SIGHUP: a French channel and an organiser added.
    config(
        dir.path(),
        &ircd,
        "\"orga\"",
        &[("#a", "en"), ("#b", "fr")],
        "",
    );
    hang_up(&bot);
    orga.expect(|l| crieur_does(l, "JOIN", "#b"), WAIT);
    assert!(
        bot.wait_log("Config re-read; joined: #b.", WAIT),
        "{}",
        bot.log()
    );
    let french = ask(&mut orga, &bot, "#b", "!next");
    assert!(french.starts_with("orga: Prochain : "), "{french}");

    // The organiser asks in the chat: #a is left, in #b's language.
    config(dir.path(), &ircd, "\"orga\"", &[("#b", "fr")], "");
    orga.privmsg("#b", "!reload");
    orga.expect(|l| crieur_does(l, "PART", "#a"), WAIT);
    let told = orga.expect(|l| said_by(l, "crieur").is_some(), WAIT);
    assert_eq!(
        said_by(&told, "crieur"),
        Some("orga: Configuration relue ; quitté : #a.")
    );

    // A broken config: refused with its line and key; crieur goes on as it was.
    let good = std::fs::read_to_string(&cfg).unwrap();
    let broken = good.replace("tls = false", "tls = false\nthrottle_burst = \"many\"");
    let line = 1 + broken
        .lines()
        .position(|l| l.starts_with("throttle_burst"))
        .unwrap();
    std::fs::write(&cfg, broken).unwrap();
    let (ok, said) = crieur_reload(&cfg);
    assert!(!ok, "a broken config is not sent: {said}");
    assert!(said.contains("irc.throttle_burst"), "{said}");
    hang_up(&bot);
    assert!(
        bot.wait_log("Config refused; the running one is kept:", WAIT),
        "{}",
        bot.log()
    );
    let log = bot.log();
    let refusal = log
        .lines()
        .skip_while(|l| !l.contains("Config refused"))
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        refusal.contains(&format!("crieur.toml:{line}:")) && refusal.contains("irc.throttle_burst"),
        "the refusal names the line and the key:\n{refusal}"
    );
    // Still in #b, in French: a member who has not asked yet gets the answer.
    let mut erin = Client::connect(ircd.client_port, "erin");
    erin.join("#b");
    let still = ask(&mut erin, &bot, "#b", "!next");
    assert!(still.starts_with("erin: Prochain : "), "{still}");
    let told = ask(&mut orga, &bot, "#b", "!reload");
    assert!(
        told.starts_with("orga: Configuration refusée ; celle en cours est gardée :"),
        "{told}"
    );

    // Mended, through `crieur reload`: #a is joined again.
    config(
        dir.path(),
        &ircd,
        "\"orga\"",
        &[("#a", "en"), ("#b", "fr")],
        "",
    );
    let (ok, said) = crieur_reload(&cfg);
    assert!(ok, "{said}");
    assert!(said.contains(&format!("pid {}", bot.child.id())), "{said}");
    orga.expect(|l| crieur_does(l, "JOIN", "#a"), WAIT);
    let english = ask(&mut orga, &bot, "#a", "!next");
    assert!(english.starts_with("orga: Next: "), "{english}");
    assert!(
        bot.wait_exit(Duration::from_millis(100)).is_none(),
        "crieur still runs"
    );
}

#[test]
fn a_site_added_to_the_config_is_read_and_answered_from() {
    let ircd = Ircd::start();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("_posts")).unwrap();
    std::fs::write(
        site.join("_posts/2026-01-10-code-sprint.md"),
        "---\ntitle: Code sprint in Lyon\nlang: en\n---\nOur code sprint takes place on February 12, 2026 in Lyon.\n",
    )
    .unwrap();
    let mut member = Client::connect(ircd.client_port, "erin");
    member.join("#a");
    let cfg = config(dir.path(), &ircd, "", &[("#a", "en")], "");
    let bot = Crieur::start(&cfg, &[], &["--now", NOW]);
    member.expect(|l| crieur_does(l, "JOIN", "#a"), WAIT);
    let before = ask(&mut member, &bot, "#a", "!next");
    assert!(
        before.starts_with("erin: Next: Winter community meeting 2026"),
        "{before}"
    );

    config(
        dir.path(),
        &ircd,
        "",
        &[("#a", "en")],
        &format!("\n[[site]]\npath = \"{}\"\n", site.display()),
    );
    hang_up(&bot);
    assert!(
        bot.wait_log("Config re-read; 2 site(s) re-read.", WAIT),
        "{}",
        bot.log()
    );
    let after = ask(&mut member, &bot, "#a", "!next");
    assert_eq!(
        after,
        "erin: Next: Code sprint in Lyon: February 12, 2026, Lyon."
    );
    // Its gatherings were there before crieur read it: recorded, not announced as new.
    assert!(
        bot.log().contains("first reading of the site"),
        "{}",
        bot.log()
    );
    assert!(
        member
            .wait(
                |l| said_by(l, "crieur").is_some_and(|t| t.starts_with("New:")),
                Duration::from_secs(3)
            )
            .is_none(),
        "nothing announced"
    );

    // A help entry added: answered at once, without reading the sites again.
    let readings = bot.log().matches("posts=").count();
    config(
        dir.path(),
        &ircd,
        "",
        &[("#a", "en")],
        &format!(
            "\n[[site]]\npath = \"{}\"\n\n[[help]]\ntopic = \"security\"\naddress = \"security@example.org\"\ntext.en = \"Report security issues privately by mail.\"\n",
            site.display()
        ),
    );
    hang_up(&bot);
    assert!(bot.wait_log("Config re-read.", WAIT), "{}", bot.log());
    let help = ask(
        &mut member,
        &bot,
        "#a",
        "crieur: how do I report a security issue?",
    );
    assert_eq!(
        help,
        "erin: Security: security@example.org — Report security issues privately by mail"
    );
    assert_eq!(
        bot.log().matches("posts=").count(),
        readings,
        "{}",
        bot.log()
    );
}

#[test]
fn reload_never_signals_a_process_that_is_not_crieur() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let cfg = dir.path().join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = \"{}\"\n[[site]]\npath = \"{}/sample/georchestra\"\n[http]\nlisten = \"127.0.0.1:0\"\n",
            data.display(),
            env!("CARGO_MANIFEST_DIR")
        ),
    )
    .unwrap();
    // A crieur killed outright left its pid file; the number is now another program's.
    let mut other = Command::new("sleep").arg("30").spawn().unwrap();
    std::fs::write(data.join("crieur.pid"), format!("{}\n", other.id())).unwrap();
    let (ok, said) = crieur_reload(&cfg);
    assert!(!ok, "{said}");
    assert!(said.contains("not crieur"), "{said}");
    assert!(
        other.try_wait().unwrap().is_none(),
        "the other program was not sent SIGHUP"
    );
    let _ = other.kill();
    let _ = other.wait();
    // No pid file: crieur is not running with this data dir.
    std::fs::remove_file(data.join("crieur.pid")).unwrap();
    let (ok, said) = crieur_reload(&cfg);
    assert!(!ok && said.contains("is crieur running"), "{said}");
}
