//! A TCP gate in front of a server: while shut, a new connection is accepted and held,
//! its bytes unread, until the gate opens; then it is joined to the server. A test uses
//! it to choose who reaches a restarted server first. When either side closes, so does
//! the other.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub struct Gate {
    pub port: u16,
    open: Arc<AtomicBool>,
}

impl Gate {
    /// An open gate to `target` on loopback.
    pub fn start(target: u16) -> Gate {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the gate");
        let port = listener.local_addr().expect("gate address").port();
        let open = Arc::new(AtomicBool::new(true));
        let is_open = open.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let is_open = is_open.clone();
                std::thread::spawn(move || {
                    while !is_open.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    match TcpStream::connect(("127.0.0.1", target)) {
                        Ok(server) => join(client, server),
                        Err(_) => {
                            let _ = client.shutdown(Shutdown::Both);
                        }
                    }
                });
            }
        });
        Gate { port, open }
    }

    /// New connections wait; those already through go on.
    pub fn shut(&self) {
        self.open.store(false, Ordering::SeqCst);
    }

    pub fn open(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// Copies bytes both ways until one side ends, then closes both.
fn join(client: TcpStream, server: TcpStream) {
    let (c, s) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    std::thread::spawn(move || pipe(c, s));
    pipe(server, client);
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    let mut buf = vec![0; 64 * 1024];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 || to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}
