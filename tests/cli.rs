//! The command line as users and scripts use it: exit codes, messages, and what bad input
//! does (a broken post is reported and the rest indexed; a bad config names its key).

use std::path::Path;
use std::process::{Command, Output};

fn crieur(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crieur"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("crieur runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(root: &Path, file: &str, content: impl AsRef<[u8]>) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(path, content).expect("write fixture");
}

const GOOD: &str = "---\ntitle: \"Sprint 2026\"\ndate: 2026-01-10\nlang: fr\n---\n\nLe sprint se tiendra du 2 au 4 mars 2026 à Rennes.\n";

#[test]
fn exports_the_sample_sites_as_json() {
    let out = crieur(&[
        "export",
        "--config",
        "config/crieur.toml",
        "--data",
        tempfile::tempdir().unwrap().path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let posts = json["posts"].as_array().expect("posts");
    let winter = posts
        .iter()
        .find(|p| p["file"] == "_posts/2026-01-08-community-meeting-2026-registration-fr.md")
        .expect("the winter meeting post");
    assert_eq!(winter["lang"], "fr");
    assert_eq!(winter["events"][0]["start"], "2026-03-30");
    assert_eq!(winter["events"][0]["end"], "2026-04-03");
    assert_eq!(winter["events"][0]["place"], "Ornolac-Ussat-les-Bains");
    assert_eq!(winter["events"][0]["primary"], true);
    assert_eq!(winter["deadlines"][0]["date"], "2026-03-15");
    assert_eq!(winter["deadlines"][0]["kind"], "registration");
}

#[test]
fn reports_a_broken_post_with_file_and_line_and_indexes_the_rest() {
    let site = tempfile::tempdir().unwrap();
    write(site.path(), "_posts/2026-01-10-good.md", GOOD);
    write(
        site.path(),
        "_posts/2026-01-11-unclosed.md",
        "---\ntitle: oops\n\nLe sprint se tiendra le 3 mars.\n",
    );
    write(
        site.path(),
        "_posts/2026-01-12-bad-yaml.md",
        "---\ntitle: oops\ntags: [a, b\nlang: fr\n---\nbody\n",
    );
    let out = crieur(&["export", "--site", site.path().to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(
        out.status.success(),
        "one broken post does not fail the export: {err}"
    );
    assert!(err.contains("_posts/2026-01-11-unclosed.md: line 1: front matter not closed; expected a line with ---"), "{err}");
    assert!(
        err.contains(
            "_posts/2026-01-12-bad-yaml.md: line 4, column 5: front matter is not valid YAML"
        ),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files: Vec<&str> = json["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, vec!["_posts/2026-01-10-good.md"]);
    assert_eq!(json["posts"][0]["events"][0]["start"], "2026-03-02");
}

#[test]
fn reports_and_skips_a_file_that_is_not_utf8() {
    let site = tempfile::tempdir().unwrap();
    write(site.path(), "_posts/2026-01-10-good.md", GOOD);
    write(
        site.path(),
        "_posts/2026-01-13-latin1.md",
        b"---\ntitle: caf\xe9\n---\nbody\n".as_slice(),
    );
    let out = crieur(&["index", "--site", site.path().to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("_posts/2026-01-13-latin1.md: line 2: not UTF-8 text (invalid byte at offset 14); skipped, save it as UTF-8"), "{err}");
    assert!(
        text(&out.stdout).contains("1 posts"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_missing_site_folder_fails_with_a_clear_message() {
    let out = crieur(&["export", "--site", "/no/such/site"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing is exported");
    assert_eq!(
        text(&out.stderr).trim(),
        "crieur: /no/such/site: site folder not found; check the path given with --site or in the config"
    );
}

#[test]
fn check_config_names_every_bad_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(&file, "timezone = \"Mars/Olympus\"\n[[site]]\npath = \"nowhere\"\nbase_url = \"www.example.org\"\n").unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("timezone: unknown time zone \"Mars/Olympus\""),
        "{err}"
    );
    assert!(err.contains("site[0].path: folder"), "{err}");
    assert!(
        err.contains("site[0].base_url: \"www.example.org\" is not an absolute http(s) address"),
        "{err}"
    );
}

#[test]
fn an_unreadable_or_invalid_config_fails() {
    let out = crieur(&["index", "--config", "/no/such/crieur.toml"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("/no/such/crieur.toml: cannot read"),
        "{}",
        text(&out.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(&file, "[[site]\npath = 1\n").unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("invalid TOML"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_shipped_config_is_valid() {
    let out = crieur(&["check-config", "config/crieur.toml"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "config/crieur.toml: ok (2 sites)");
}

#[test]
fn reindexing_is_idempotent_and_follows_changes() {
    let site = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(site.path(), "_posts/2026-01-10-good.md", GOOD);
    write(
        site.path(),
        "_posts/2026-01-11-other.md",
        GOOD.replace("Sprint 2026", "Atelier"),
    );
    let args = [
        "index",
        "--site",
        site.path().to_str().unwrap(),
        "--data",
        data.path().to_str().unwrap(),
    ];
    let summary = |out: Output| {
        text(&out.stdout)
            .split(';')
            .nth(1)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    assert_eq!(
        summary(crieur(&args)),
        "2 added, 0 updated, 0 removed, 0 unchanged"
    );
    assert_eq!(
        summary(crieur(&args)),
        "0 added, 0 updated, 0 removed, 2 unchanged"
    );
    write(
        site.path(),
        "_posts/2026-01-10-good.md",
        GOOD.replace("2 au 4 mars", "9 au 11 mars"),
    );
    std::fs::remove_file(site.path().join("_posts/2026-01-11-other.md")).unwrap();
    assert_eq!(
        summary(crieur(&args)),
        "0 added, 1 updated, 1 removed, 0 unchanged"
    );
}

#[test]
fn indexes_a_ten_megabyte_post() {
    let site = tempfile::tempdir().unwrap();
    let filler = "Le projet avance grâce à ses contributeurs, qui partagent leur code et leur documentation. ".repeat(110_000);
    let post = format!(
        "---\ntitle: \"Gros billet\"\ndate: 2026-01-10\n---\n\n{filler}\n\nLe sprint se tiendra du 2 au 4 mars 2026 à Rennes.\n"
    );
    assert!(post.len() > 10_000_000);
    write(site.path(), "_posts/2026-01-10-big.md", post);
    let out = crieur(&["export", "--site", site.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["posts"][0]["events"][0]["start"], "2026-03-02");
    assert_eq!(json["posts"][0]["events"][0]["place"], "Rennes");
}

#[test]
fn asks_one_question_at_a_given_time() {
    let data = tempfile::tempdir().unwrap();
    let out = crieur(&[
        "ask",
        "--config",
        "config/crieur.toml",
        "--data",
        data.path().to_str().unwrap(),
        "--now",
        "2026-02-01T09:00:00+01:00",
        "--lang",
        "fr",
        "!next",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let reply = text(&out.stdout);
    assert!(
        reply.starts_with(
            "Prochain : Rencontres communautaires d'hiver 2026 : 30 mars – 3 avril 2026"
        ),
        "{reply}"
    );
    assert!(reply.contains("(jusqu'au 15 mars 2026)"), "{reply}");
}

#[test]
fn a_site_without_config_answers_in_its_own_language() {
    // Geotrek's posts are French: a command, which tells no language, is answered in French.
    let out = crieur(&[
        "ask",
        "--site",
        "sample/geotrek",
        "--now",
        "2026-05-01T12:00:00+02:00",
        "!next",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Je ne connais aucun événement à venir."),
        "{}",
        text(&out.stdout)
    );
    // A question in another language is answered in that one.
    let out = crieur(&[
        "ask",
        "--site",
        "sample/geotrek",
        "--now",
        "2026-05-01T12:00:00+02:00",
        "what events are coming up?",
    ]);
    assert!(
        text(&out.stdout).starts_with("I don't know of any upcoming event."),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn rejects_a_bad_clock_or_language() {
    let out = crieur(&[
        "ask",
        "--site",
        "sample/geotrek",
        "--now",
        "tomorrow",
        "!next",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--now \"tomorrow\": expected RFC 3339"),
        "{}",
        text(&out.stderr)
    );
    let out = crieur(&["ask", "--site", "sample/geotrek", "--lang", "de", "!next"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--lang \"de\": crieur speaks fr, en and es"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn chats_in_the_terminal_until_end_of_input() {
    use std::io::Write;
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crieur"))
        .args([
            "chat",
            "--config",
            "config/crieur.toml",
            "--data",
            data.path().to_str().unwrap(),
            "--now",
            "2026-02-01T09:00:00+01:00",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("crieur chat starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            "!help\nquand a lieu le prochain geOcom ?\net c'est où ?\nhow do I report a security issue?\n¿y la inscripción?\n"
                .as_bytes(),
        )
        .expect("questions written");
    let out = child
        .wait_with_output()
        .expect("crieur chat ends at end of input");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = text(&out.stdout);
    assert!(got.contains("!next [words]: the next event"), "{got}");
    assert!(
        got.contains("Prochain : geOcom 2026 : 10 juin – 12 juin 2026, Strasbourg."),
        "{got}"
    );
    // Follow-ups: "et c'est où ?" and "¿y la inscripción?" are about the geOcom the member
    // was just told about, the security question between them notwithstanding.
    assert!(
        got.contains("\ngeOcom 2026 : 10 juin – 12 juin 2026, Strasbourg.\nInscription : "),
        "{got}"
    );
    assert!(
        got.contains(
            "\ngeOcom 2026: 10 de junio – 12 de junio de 2026, Strasbourg.\nInscripción: "
        ),
        "{got}"
    );
    // The admin's entry from config/crieur.toml replaces what the page says on security.
    assert!(
        got.contains("Security: psc@georchestra.org — Report security issues privately by mail"),
        "{got}"
    );
}

/// The commented block between `# BEGIN name` and `# END name` of the shipped config,
/// uncommented.
fn documented_block(name: &str) -> String {
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config/crieur.toml"))
            .unwrap();
    let begin = format!("# BEGIN {name}");
    let end = format!("# END {name}");
    shipped
        .lines()
        .skip_while(|l| *l != begin)
        .skip(1)
        .take_while(|l| *l != end)
        .map(|l| {
            format!(
                "{}\n",
                l.strip_prefix("# ")
                    .or_else(|| l.strip_prefix('#'))
                    .unwrap_or(l)
            )
        })
        .collect()
}

#[test]
fn the_documented_matrix_block_is_a_valid_config() {
    let block = documented_block("MATRIX");
    assert!(
        block.contains("[matrix]"),
        "the Matrix block is in config/crieur.toml"
    );
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(
        &file,
        format!("[[site]]\npath = \"{}\"\n{block}", site.display()),
    )
    .unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn the_documented_irc_block_is_a_valid_config() {
    let block = documented_block("IRC");
    assert!(
        block.contains("[irc]") && block.contains("[[announcement]]"),
        "the IRC block, with its announcements, is in config/crieur.toml"
    );
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(
        &file,
        format!("[[site]]\npath = \"{}\"\n{block}", site.display()),
    )
    .unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn check_config_refuses_a_password_in_the_file_and_bad_irc_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(
        &file,
        format!(
            "[[site]]\npath = \"{}\"\n[irc]\nserver = \"irc.example.org\"\nport = 70000\nnick = \"9lives\"\npassword = \"hunter2\"\n[[irc.channel]]\nname = \"georchestra\"\nlanguage = \"de\"\n",
            dir.path().display()
        ),
    )
    .unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    for expected in [
        "irc.port: expected 1..=65535, got 70000",
        "irc.nick: \"9lives\" is not a valid nick",
        "irc.password: a secret is never written in this file; put it in an environment variable named by password_env, or in a file named by password_file",
        "irc.channel[0].name: \"georchestra\" is not a channel name; channels start with #",
        "irc.channel[0].language: \"de\" is not a language crieur speaks",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn check_config_names_bad_reminder_and_announcement_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(
        &file,
        format!(
            "[[site]]\npath = \"{}\"\n[reminders]\ntime = \"9h\"\ngrace_minutes = -5\n[irc]\nserver = \"irc.example.org\"\nnick = \"crieur\"\n[[irc.channel]]\nname = \"#c\"\n[[announcement]]\ntext = \"Réunion\"\nrooms = [\"#elsewhere\"]\nat = \"1er mars 9h\"\n[[announcement]]\ntext = \"Appel\"\nrooms = [\"#c\"]\nweekday = \"someday\"\ntime = \"10:00\"\n",
            dir.path().display()
        ),
    )
    .unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    for expected in [
        "reminders.time: \"9h\" is not a time; write it as \"09:00\"",
        "reminders.grace_minutes: expected 0 or more, got -5",
        "announcement[0].at: \"1er mars 9h\" is not a date and time",
        "announcement[0].rooms: #elsewhere is not one of the [[irc.channel]] or [[matrix.room]] tables",
        "announcement[1].weekday: \"someday\" is not a day of the week",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn check_config_names_bad_matrix_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(
        &file,
        format!(
            "[[site]]\npath = \"{}\"\n[matrix]\nhomeserver = \"matrix.example.org\"\nuser = \"crieur\"\npassword = \"hunter2\"\norganisers = [\"alice\"]\norganiser_power_level = 0\n[[matrix.room]]\nid = \"georchestra\"\nlanguage = \"de\"\n",
            dir.path().display()
        ),
    )
    .unwrap();
    let out = crieur(&["check-config", file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    for expected in [
        "matrix.homeserver: \"matrix.example.org\" is not an http(s) address",
        "matrix.user: \"crieur\" is not a Matrix user id",
        "matrix.password: a secret is never written in this file; put it in an environment variable named by password_env, or in a file named by password_file",
        "matrix: give password_env or password_file",
        "matrix.organisers[0]: \"alice\" is not a Matrix user id",
        "matrix.organiser_power_level: 0 would make every member an organiser",
        "matrix.room[0].id: \"georchestra\" is not a room alias (#room:server) or id (!…)",
        "matrix.room[0].language: \"de\" is not a language crieur speaks",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn run_stops_before_connecting_when_a_secret_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crieur.toml");
    std::fs::write(
        &file,
        format!(
            "data_dir = \"{}/data\"\n[[site]]\npath = \"{}\"\n[irc]\nserver = \"127.0.0.1\"\nport = 1\ntls = false\nnick = \"crieur\"\nsasl_account = \"crieur\"\npassword_env = \"CRIEUR_TEST_UNSET_PASSWORD\"\n[[irc.channel]]\nname = \"#c\"\n",
            dir.path().display(),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sample/geotrek").display()
        ),
    )
    .unwrap();
    let out = crieur(&["run", "--config", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr)
            .contains("irc.password: environment variable CRIEUR_TEST_UNSET_PASSWORD is not set"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn preview_shows_what_crieur_reads_and_would_post_and_strict_fails_on_an_undated_announcement() {
    let site = tempfile::tempdir().unwrap();
    write(site.path(), "_posts/2026-01-10-good.md", GOOD);
    write(
        site.path(),
        "_posts/2026-01-11-meeting.md",
        "---\ntitle: \"Community meeting\"\ndate: 2026-01-11\nlang: en\n---\n\nJoin us, details soon.\n",
    );
    let root = site.path().to_str().unwrap();
    let good = site.path().join("_posts/2026-01-10-good.md");
    let out = crieur(&[
        "preview",
        "--site",
        root,
        "--now",
        "2026-01-12T10:00:00+01:00",
        good.to_str().unwrap(),
    ]);
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        shown.contains("_posts/2026-01-10-good.md: Sprint 2026")
            && shown.contains("gathering Sprint 2026: 2 mars – 4 mars 2026, Rennes"),
        "{shown}"
    );
    assert!(
        !shown.contains("Community meeting"),
        "only the file asked: {shown}"
    );
    // Reminders before the sprint, with their local times.
    assert!(shown.contains("2026-02-23 09:00 CET: "), "{shown}");

    // The whole site, strictly: the announcement without a date fails the check.
    let out = crieur(&["preview", "--site", root, "--strict"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout)
            .contains("_posts/2026-01-11-meeting.md: Community meeting\n  no date found"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr)
            .contains("1 post(s) name a gathering but give no date: _posts/2026-01-11-meeting.md"),
        "{}",
        text(&out.stderr)
    );
    // Without --strict, the same site previews without failing.
    assert!(crieur(&["preview", "--site", root]).status.success());
}
