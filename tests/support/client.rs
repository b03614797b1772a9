//! A member's IRC client for tests: plain lines over TCP, a reader thread, and waiting
//! for a line that matches, with a deadline (never a fixed sleep).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Client {
    pub nick: String,
    stream: TcpStream,
    lines: mpsc::Receiver<String>,
    /// Every line received, for messages in failures.
    pub seen: Vec<String>,
}

impl Client {
    /// Connects and registers as `nick`.
    pub fn connect(port: u16, nick: &str) -> Client {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to the test ircd");
        stream.set_nodelay(true).ok();
        let reader = stream.try_clone().expect("clone stream");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(reader).split(b'\n') {
                let Ok(line) = line else { break };
                if tx
                    .send(
                        String::from_utf8_lossy(&line)
                            .trim_end_matches('\r')
                            .to_string(),
                    )
                    .is_err()
                {
                    break;
                }
            }
        });
        let mut c = Client {
            nick: nick.to_string(),
            stream,
            lines: rx,
            seen: Vec::new(),
        };
        c.send(&format!("NICK {nick}"));
        c.send(&format!("USER {nick} 0 * :test client"));
        c.expect(|l| l.contains(" 001 "), Duration::from_secs(15));
        c
    }

    pub fn send(&mut self, line: &str) {
        self.stream
            .write_all(format!("{line}\r\n").as_bytes())
            .expect("send to ircd");
    }

    pub fn privmsg(&mut self, target: &str, text: &str) {
        self.send(&format!("PRIVMSG {target} :{text}"));
    }

    /// The next line matching `pred`, answering PINGs on the way; panics after `within`.
    pub fn expect(&mut self, pred: impl Fn(&str) -> bool, within: Duration) -> String {
        self.wait(pred, within).unwrap_or_else(|| {
            panic!(
                "{}: no matching line within {within:?}; saw:\n{}",
                self.nick,
                self.seen.join("\n")
            )
        })
    }

    /// Like `expect`, but `None` on timeout.
    pub fn wait(&mut self, pred: impl Fn(&str) -> bool, within: Duration) -> Option<String> {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(token) = line.strip_prefix("PING ") {
                        self.send(&format!("PONG {token}"));
                    }
                    self.seen.push(line.clone());
                    if pred(&line) {
                        return Some(line);
                    }
                }
                Err(_) => return None,
            }
        }
    }

    /// All matching lines that arrive until `quiet` passes with no line at all.
    pub fn collect(
        &mut self,
        pred: impl Fn(&str) -> bool,
        quiet: Duration,
        max: Duration,
    ) -> Vec<String> {
        let deadline = Instant::now() + max;
        let mut out = Vec::new();
        while Instant::now() < deadline {
            match self.lines.recv_timeout(quiet) {
                Ok(line) => {
                    if let Some(token) = line.strip_prefix("PING ") {
                        self.send(&format!("PONG {token}"));
                    }
                    self.seen.push(line.clone());
                    if pred(&line) {
                        out.push(line);
                    }
                }
                Err(_) => break,
            }
        }
        out
    }

    pub fn join(&mut self, channel: &str) {
        self.send(&format!("JOIN {channel}"));
        let me = format!(":{}!", self.nick);
        self.expect(
            |l| l.starts_with(&me) && l.contains(" JOIN "),
            Duration::from_secs(10),
        );
    }

    /// Registers `nick` as a services account with `password` (the client must use that nick).
    pub fn register_account(&mut self, password: &str) {
        self.privmsg(
            "NickServ",
            &format!("REGISTER {password} {}@test.local", self.nick),
        );
        self.expect(
            |l| l.contains("NickServ") && l.to_lowercase().contains("registered"),
            Duration::from_secs(15),
        );
    }
}

/// The text of a PRIVMSG or NOTICE line from `nick`, if it is one.
pub fn said_by<'a>(line: &'a str, nick: &str) -> Option<&'a str> {
    let line = if line.starts_with('@') {
        line.split_once(' ')?.1
    } else {
        line
    };
    let rest = line.strip_prefix(&format!(":{nick}!"))?;
    let (_, rest) = rest.split_once(' ')?;
    let (command, rest) = rest.split_once(' ')?;
    if command != "PRIVMSG" && command != "NOTICE" {
        return None;
    }
    // The text is the last parameter: after " :", or a single word without the colon.
    let (_, text) = rest.split_once(' ')?;
    Some(text.strip_prefix(':').unwrap_or(text))
}
