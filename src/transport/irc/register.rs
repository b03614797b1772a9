//! Connection registration: `CAP LS 302`, a request for the capabilities crieur uses among
//! those offered, SASL PLAIN when the config gives an account, another nick when ours is
//! taken, until the server's welcome. A state machine over parsed lines, with no socket,
//! so that NAKs, SASL failures and odd servers are tested with scripted lines.

use super::message::Message;
use base64::Engine;

/// Capabilities crieur understands; it requests those the server offers.
pub const WANTED: &[&str] = &[
    "sasl",
    "message-tags",
    "account-tag",
    "server-time",
    "echo-message",
    "multi-prefix",
];

#[derive(Debug, Clone)]
pub struct Identity {
    pub nicks: Vec<String>,
    pub username: String,
    pub realname: String,
    /// (account, password) for SASL PLAIN.
    pub sasl: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Still registering; send these lines.
    Continue(Vec<String>),
    /// Welcomed as `nick`, with these capabilities.
    Registered {
        nick: String,
        caps: Vec<String>,
        lines: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    #[error(
        "SASL login as {account:?} failed: {reason}; check the account and the password (crieur will not retry)"
    )]
    Sasl { account: String, reason: String },
    #[error(
        "the server does not offer SASL, which the config asks for; remove irc.sasl_account or use another server"
    )]
    NoSasl,
    #[error("the server refused the connection: {0}")]
    Refused(String),
}

#[derive(Debug)]
pub struct Registration {
    id: Identity,
    offered: Vec<String>,
    caps: Vec<String>,
    nick: usize,
    tried: usize,
    cap_done: bool,
}

impl Registration {
    pub fn new(id: Identity) -> Registration {
        Registration {
            id,
            offered: Vec::new(),
            caps: Vec::new(),
            nick: 0,
            tried: 0,
            cap_done: false,
        }
    }

    /// The first lines to send.
    pub fn start(&self) -> Vec<String> {
        vec![
            "CAP LS 302".to_string(),
            format!("NICK {}", self.current_nick()),
            format!("USER {} 0 * :{}", self.id.username, self.id.realname),
        ]
    }

    fn current_nick(&self) -> String {
        match self.id.nicks.get(self.nick) {
            Some(n) => n.clone(),
            // Past the configured nicks: the last one with more underscores.
            None => {
                let last = self.id.nicks.last().expect("the config requires a nick");
                format!("{last}{}", "_".repeat(self.nick - self.id.nicks.len() + 1))
            }
        }
    }

    /// Takes one line from the server.
    pub fn handle(&mut self, msg: &Message) -> Result<Outcome, RegisterError> {
        let send = |lines: Vec<String>| Ok(Outcome::Continue(lines));
        match msg.command.as_str() {
            "CAP" => {
                let sub = msg.param(1).to_ascii_uppercase();
                match sub.as_str() {
                    "LS" => {
                        // "CAP * LS * :…" announces more lines to come.
                        let more = msg.params.len() > 3 && msg.param(2) == "*";
                        self.offered.extend(
                            msg.trailing()
                                .split_whitespace()
                                .map(|c| c.split('=').next().unwrap_or(c).to_string()),
                        );
                        if more {
                            return send(vec![]);
                        }
                        let request: Vec<&str> = WANTED
                            .iter()
                            .copied()
                            .filter(|w| self.offered.iter().any(|o| o == w))
                            .collect();
                        if self.id.sasl.is_some() && !request.contains(&"sasl") {
                            return Err(RegisterError::NoSasl);
                        }
                        if request.is_empty() {
                            return send(self.end_caps());
                        }
                        send(vec![format!("CAP REQ :{}", request.join(" "))])
                    }
                    "ACK" => {
                        self.caps.extend(
                            msg.trailing()
                                .split_whitespace()
                                .map(|c| c.trim_start_matches('-').to_string()),
                        );
                        match &self.id.sasl {
                            Some(_) if self.caps.iter().any(|c| c == "sasl") => {
                                send(vec!["AUTHENTICATE PLAIN".to_string()])
                            }
                            Some(_) => Err(RegisterError::NoSasl),
                            None => send(self.end_caps()),
                        }
                    }
                    // CAP REQ is all or nothing: go on without capabilities, unless SASL is needed.
                    "NAK" if self.id.sasl.is_some() => Err(RegisterError::NoSasl),
                    "NAK" => send(self.end_caps()),
                    _ => send(vec![]),
                }
            }
            "AUTHENTICATE" if msg.param(0) == "+" => {
                let (account, password) = self.id.sasl.clone().unwrap_or_default();
                send(authenticate_lines(&account, &password))
            }
            // 900 logged in, 903 success.
            "903" => send(self.end_caps()),
            "900" => send(vec![]),
            "902" | "904" | "905" | "906" | "908" => Err(RegisterError::Sasl {
                account: self
                    .id
                    .sasl
                    .as_ref()
                    .map(|(a, _)| a.clone())
                    .unwrap_or_default(),
                reason: format!("{} {}", msg.command, msg.trailing()),
            }),
            // Nick taken, invalid, or held: try the next one.
            "433" | "432" | "436" | "437" => {
                self.nick += 1;
                self.tried += 1;
                if self.tried > 8 {
                    return Err(RegisterError::Refused("no usable nick".to_string()));
                }
                send(vec![format!("NICK {}", self.current_nick())])
            }
            "001" => {
                let nick = msg.param(0).to_string();
                let mut lines = Vec::new();
                // A server without CAP never answered LS: nothing to end.
                if !self.cap_done && !self.offered.is_empty() {
                    lines.extend(self.end_caps());
                }
                Ok(Outcome::Registered {
                    nick,
                    caps: self.caps.clone(),
                    lines,
                })
            }
            "465" => Err(RegisterError::Refused(msg.trailing().to_string())),
            "ERROR" => Err(RegisterError::Refused(msg.trailing().to_string())),
            "PING" => send(vec![super::line::pong(msg.trailing())]),
            _ => send(vec![]),
        }
    }

    fn end_caps(&mut self) -> Vec<String> {
        if self.cap_done {
            return Vec::new();
        }
        self.cap_done = true;
        vec!["CAP END".to_string()]
    }
}

/// `AUTHENTICATE` lines for SASL PLAIN: base64 of `account\0account\0password` in chunks of
/// 400, ending with `+` when the last chunk is full.
fn authenticate_lines(account: &str, password: &str) -> Vec<String> {
    let payload = base64::engine::general_purpose::STANDARD
        .encode(format!("{account}\0{account}\0{password}"));
    let mut lines: Vec<String> = payload
        .as_bytes()
        .chunks(400)
        .map(|c| format!("AUTHENTICATE {}", String::from_utf8_lossy(c)))
        .collect();
    if payload.len() % 400 == 0 {
        lines.push("AUTHENTICATE +".to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg(sasl: bool) -> Registration {
        Registration::new(Identity {
            nicks: vec!["crieur".into(), "crieur_".into()],
            username: "crieur".into(),
            realname: "town crier".into(),
            sasl: sasl.then(|| ("crieur".to_string(), "secret".to_string())),
        })
    }

    fn feed(r: &mut Registration, line: &str) -> Result<Outcome, RegisterError> {
        r.handle(&Message::parse(line).unwrap())
    }

    fn lines(o: Result<Outcome, RegisterError>) -> Vec<String> {
        match o.unwrap() {
            Outcome::Continue(l) => l,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn negotiates_offered_caps_and_logs_in_with_sasl() {
        let mut r = reg(true);
        assert_eq!(r.start()[0], "CAP LS 302");
        assert_eq!(
            lines(feed(
                &mut r,
                ":s CAP * LS * :sasl=PLAIN,EXTERNAL account-tag"
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            lines(feed(&mut r, ":s CAP * LS :server-time batch")),
            vec!["CAP REQ :sasl account-tag server-time"]
        );
        assert_eq!(
            lines(feed(&mut r, ":s CAP * ACK :sasl account-tag server-time")),
            vec!["AUTHENTICATE PLAIN"]
        );
        assert_eq!(
            lines(feed(&mut r, "AUTHENTICATE +")),
            vec!["AUTHENTICATE Y3JpZXVyAGNyaWV1cgBzZWNyZXQ="]
        );
        assert_eq!(
            lines(feed(
                &mut r,
                ":s 900 * crieur!c@h crieur :You are now logged in"
            )),
            Vec::<String>::new()
        );
        assert_eq!(
            lines(feed(&mut r, ":s 903 * :SASL authentication successful")),
            vec!["CAP END"]
        );
        match feed(&mut r, ":s 001 crieur :Welcome").unwrap() {
            Outcome::Registered { nick, caps, lines } => {
                assert_eq!(nick, "crieur");
                assert!(caps.contains(&"account-tag".to_string()));
                assert!(lines.is_empty(), "CAP END was already sent");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn stops_on_sasl_failure_or_missing_sasl() {
        let mut r = reg(true);
        feed(&mut r, ":s CAP * LS :sasl").unwrap();
        feed(&mut r, ":s CAP * ACK :sasl").unwrap();
        let err = feed(&mut r, ":s 904 * :SASL authentication failed").unwrap_err();
        assert_eq!(
            err.to_string(),
            "SASL login as \"crieur\" failed: 904 SASL authentication failed; check the account and the password (crieur will not retry)"
        );
        let mut r = reg(true);
        assert_eq!(
            feed(&mut r, ":s CAP * LS :account-tag").unwrap_err(),
            RegisterError::NoSasl
        );
        let mut r = reg(true);
        feed(&mut r, ":s CAP * LS :sasl").unwrap();
        assert_eq!(
            feed(&mut r, ":s CAP * NAK :sasl").unwrap_err(),
            RegisterError::NoSasl
        );
    }

    #[test]
    fn goes_on_without_caps_after_a_nak_and_changes_a_taken_nick() {
        let mut r = reg(false);
        assert_eq!(
            lines(feed(&mut r, ":s CAP * LS :account-tag")),
            vec!["CAP REQ :account-tag"]
        );
        assert_eq!(
            lines(feed(&mut r, ":s CAP * NAK :account-tag")),
            vec!["CAP END"]
        );
        assert_eq!(
            lines(feed(&mut r, ":s 433 * crieur :Nickname is already in use")),
            vec!["NICK crieur_"]
        );
        assert_eq!(
            lines(feed(&mut r, ":s 433 * crieur_ :Nickname is already in use")),
            vec!["NICK crieur__"]
        );
        assert!(matches!(
            feed(&mut r, ":s 001 crieur__ :Welcome").unwrap(),
            Outcome::Registered { .. }
        ));
    }

    #[test]
    fn splits_long_sasl_payloads() {
        let lines = authenticate_lines("a", &"p".repeat(400));
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| l.len() <= "AUTHENTICATE ".len() + 400));
    }
}
