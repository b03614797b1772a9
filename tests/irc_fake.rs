//! Protocol corners that real servers rarely show, against a scripted server: a network
//! without `account-tag`, where crieur must ask WHOX (or WHOIS) who an organiser is, and
//! messages from other bots, which it never answers.

use crate::support;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;
use support::Crieur;

/// The server side of one connection.
struct Peer {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Peer {
    fn accept(listener: &TcpListener) -> Peer {
        let (stream, _) = listener.accept().expect("crieur connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        Peer {
            reader: BufReader::new(stream.try_clone().unwrap()),
            writer: stream,
        }
    }

    fn send(&mut self, line: &str) {
        self.writer
            .write_all(format!("{line}\r\n").as_bytes())
            .unwrap();
    }

    /// The next line from crieur that starts with `prefix`; panics on timeout.
    fn expect(&mut self, prefix: &str) -> String {
        let mut seen = Vec::new();
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => panic!("no line starting with {prefix:?}; saw {seen:#?}"),
                Ok(_) => {}
            }
            let line = line.trim_end().to_string();
            if line.starts_with(prefix) {
                return line;
            }
            seen.push(line);
        }
    }

    /// Registration without capabilities, then the JOIN.
    fn welcome(&mut self, isupport: &str) {
        self.expect("CAP LS");
        self.send(":fake.test CAP * LS :");
        self.expect("USER ");
        self.send(":fake.test 001 crieur :Welcome");
        self.send(&format!(
            ":fake.test 005 crieur {isupport} :are supported by this server"
        ));
        self.expect("JOIN #c");
        self.send(":crieur!crieur@fake.host JOIN #c");
    }
}

fn start(listener: &TcpListener, dir: &std::path::Path) -> Crieur {
    let port = listener.local_addr().unwrap().port();
    let cfg = dir.join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = \"{}\"\n[[site]]\npath = \"{}/sample/geotrek\"\n[irc]\nserver = \"127.0.0.1\"\nport = {port}\ntls = false\nnick = \"crieur\"\norganisers = [\"orga-account\"]\n[[irc.channel]]\nname = \"#c\"\n",
            dir.join("data").display(),
            env!("CARGO_MANIFEST_DIR")
        ),
    )
    .unwrap();
    Crieur::start(&cfg, &[], &[])
}

#[test]
fn asks_whox_who_an_organiser_is_when_messages_carry_no_account() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let _bot = start(&listener, dir.path());
    let mut server = Peer::accept(&listener);
    server.welcome("WHOX CHANTYPES=#");

    server.send(":orga!o@host PRIVMSG #c :!reindex");
    let who = server.expect("WHO ");
    assert_eq!(who, "WHO orga %tna,152");
    server.send(":fake.test 354 crieur 152 orga orga-account");
    server.send(":fake.test 315 crieur orga :End of /WHO list.");
    let reply = server.expect("PRIVMSG #c :orga:");
    assert!(
        reply.starts_with("PRIVMSG #c :orga: Sites re-read:"),
        "{reply}"
    );

    // Another person, logged out: refused.
    server.send(":mallory!m@host PRIVMSG #c :!reindex");
    assert_eq!(server.expect("WHO "), "WHO mallory %tna,152");
    server.send(":fake.test 354 crieur 152 mallory 0");
    server.send(":fake.test 315 crieur mallory :End of /WHO list.");
    let reply = server.expect("PRIVMSG #c :mallory:");
    assert_eq!(
        reply,
        "PRIVMSG #c :mallory: Sorry, only organisers (known by their account) can do that."
    );

    // The nick that was an organiser a moment ago is asked about afresh: it may have
    // changed hands (a QUIT crieur could not see). Now nobody is logged in behind it.
    server.send(":orga!x@elsewhere PRIVMSG crieur :!announce in 5 seconds #c Free coins");
    assert_eq!(server.expect("WHO "), "WHO orga %tna,152");
    server.send(":fake.test 315 crieur orga :End of /WHO list.");
    assert_eq!(
        server.expect("PRIVMSG orga :"),
        "PRIVMSG orga :Sorry, only organisers (known by their account) can do that."
    );

    // Another bot (IRCv3 bot tag) is never answered; a member is.
    server.send("@bot :otherbot!b@host PRIVMSG #c :!help");
    server.send(":member!m@host PRIVMSG #c :!help");
    let next = server.expect("PRIVMSG #c :");
    assert!(
        next.starts_with("PRIVMSG #c :member: !next"),
        "answered the bot first: {next}"
    );
}

#[test]
fn falls_back_to_whois_without_whox() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let _bot = start(&listener, dir.path());
    let mut server = Peer::accept(&listener);
    server.welcome("CHANTYPES=#");
    server.send(":orga!o@host PRIVMSG #c :!reindex");
    assert_eq!(server.expect("WHOIS "), "WHOIS orga");
    server.send(":fake.test 311 crieur orga o host * :Orga");
    server.send(":fake.test 330 crieur orga orga-account :is logged in as");
    server.send(":fake.test 318 crieur orga :End of /WHOIS list.");
    let reply = server.expect("PRIVMSG #c :orga:");
    assert!(
        reply.starts_with("PRIVMSG #c :orga: Sites re-read:"),
        "{reply}"
    );
}
