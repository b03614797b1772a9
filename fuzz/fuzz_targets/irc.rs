//! Any text as a line from an IRC server, as a message crieur writes, and as the time
//! phrase of `!announce`: no panic, no stall, and lines written stay within the protocol.

#![no_main]

use chrono::{TimeZone, Utc};
use crieur::schedule::when;
use crieur::transport::irc::line;
use crieur::transport::irc::message::Message;
use crieur::transport::irc::register::{Identity, Registration};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(msg) = Message::parse(text) {
        let _ = msg.nick();
        let mut registration = Registration::new(Identity {
            nicks: vec!["crieur".to_string()],
            username: "crieur".to_string(),
            realname: "crieur".to_string(),
            sasl: Some(("crieur".to_string(), "secret".to_string())),
        });
        let _ = registration.handle(&msg);
    }
    for out in line::message("PRIVMSG", "#c", text, line::RELAY_PREFIX) {
        assert!(out.len() + 2 + line::RELAY_PREFIX <= line::MAX_LINE, "{out:?}");
        assert!(!out.contains(['\r', '\n', '\0']), "{out:?}");
    }
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let _ = when::parse(text, now, chrono_tz::Europe::Paris);
});
