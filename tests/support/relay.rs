//! A TCP relay between crieur and a server that, once armed, holds back the response to the
//! next request whose bytes contain a pattern: the server has done the work, the client
//! never hears of it, as when a process dies between its send and its bookkeeping.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

pub struct Relay {
    pub port: u16,
    armed: Arc<AtomicBool>,
    held: mpsc::Receiver<String>,
}

impl Relay {
    pub fn start(target: u16, pattern: &'static [u8]) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the relay");
        let port = listener.local_addr().expect("relay address").port();
        let armed = Arc::new(AtomicBool::new(false));
        let (tx, held) = mpsc::channel();
        let arm = armed.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else {
                    continue;
                };
                let hold = Arc::new(AtomicBool::new(false));
                let (c, s) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let (arm, h) = (arm.clone(), hold.clone());
                std::thread::spawn(move || upstream(c, s, pattern, &arm, &h));
                let tx = tx.clone();
                std::thread::spawn(move || downstream(server, client, &hold, &tx));
            }
        });
        Relay { port, armed, held }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Holds back the response to the next matching request.
    pub fn arm(&self) {
        self.armed.store(true, Ordering::SeqCst);
    }

    /// The event id in the response the client never got, once the server has answered.
    pub fn held(&self, within: Duration) -> Option<String> {
        self.held.recv_timeout(within).ok()
    }
}

fn upstream(
    mut client: TcpStream,
    mut server: TcpStream,
    pattern: &[u8],
    armed: &AtomicBool,
    hold: &AtomicBool,
) {
    let mut buf = vec![0; 64 * 1024];
    while let Ok(n) = client.read(&mut buf) {
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        if chunk.windows(pattern.len()).any(|w| w == pattern) && armed.swap(false, Ordering::SeqCst)
        {
            hold.store(true, Ordering::SeqCst);
        }
        if server.write_all(chunk).is_err() {
            break;
        }
    }
    let _ = server.shutdown(Shutdown::Write);
}

fn downstream(
    mut server: TcpStream,
    mut client: TcpStream,
    hold: &AtomicBool,
    held: &mpsc::Sender<String>,
) {
    let mut buf = vec![0; 64 * 1024];
    let mut kept = Vec::new();
    while let Ok(n) = server.read(&mut buf) {
        if n == 0 {
            break;
        }
        if hold.load(Ordering::SeqCst) {
            // Swallowed: the client waits for an answer that never comes.
            kept.extend_from_slice(&buf[..n]);
            if let Some(id) = event_id(&kept) {
                let _ = held.send(id);
                kept.clear();
            }
            continue;
        }
        if client.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = client.shutdown(Shutdown::Write);
}

/// The `"event_id":"$…"` of a (complete enough) HTTP response.
fn event_id(response: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(response);
    let after = &text[text.find("\"event_id\"")? + 10..];
    let start = after.find('$')?;
    let len = after[start..].find('"')?;
    Some(after[start..start + len].to_string())
}
