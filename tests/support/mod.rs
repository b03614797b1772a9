//! Real servers for end-to-end tests, started on loopback with their own temporary
//! configs: InspIRCd 3 with Atheme services (SASL, accounts), as Libera runs them. Plus a
//! small line-based IRC client to play members, and a way to run `crieur` itself.

pub mod client;
pub mod gate;
pub mod git;
pub mod ircd;
pub mod member;
pub mod relay;
pub mod synapse;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A site folder read as a plain Jekyll site in Europe/Paris: no base address, no drafts.
pub fn site_spec(root: &Path) -> crieur::ingest::SiteSpec {
    crieur::ingest::SiteSpec {
        root: root.to_path_buf(),
        base_url: None,
        permalink: None,
        drafts: false,
        timezone: chrono_tz::Europe::Paris,
        help_pages: Vec::new(),
    }
}

/// A free TCP port on loopback (bound, then released).
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    // Ports are taken below Linux's ephemeral range (32768 and up), where no outgoing
    // connection ever gets its source port, and each one once per test process: asking the
    // kernel for port 0 and dropping the listener let two servers started at the same
    // moment receive the same port.
    const FIRST: u32 = 12_000;
    const COUNT: u32 = 20_000;
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let start = std::process::id().wrapping_mul(7_919) % COUNT;
    for _ in 0..COUNT {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let port = (FIRST + (start + n) % COUNT) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port between {FIRST} and {}", FIRST + COUNT);
}

/// Waits until something accepts connections on `port`.
pub fn wait_port(port: u16, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// An entry of the outbox, as `crieur outbox` shows it.
#[derive(Debug, serde::Deserialize)]
pub struct Entry {
    pub key: String,
    pub state: String,
}

/// The outbox of the crieur configured by `config`, once it has stopped (sled is locked
/// while it runs).
pub fn outbox(config: &Path) -> Vec<Entry> {
    let out = Command::new(env!("CARGO_BIN_EXE_crieur"))
        .args(["outbox", "--json", "--config"])
        .arg(config)
        .output()
        .expect("crieur outbox runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the outbox as JSON")
}

/// A `crieur run` process, killed when dropped.
pub struct Crieur {
    pub child: Child,
    pub log: PathBuf,
}

impl Crieur {
    pub fn start(config: &Path, env: &[(&str, &str)], extra: &[&str]) -> Crieur {
        let log = config.with_extension("log");
        let out = std::fs::File::create(&log).expect("log file");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_crieur"));
        cmd.arg("run").arg("--config").arg(config).args(extra);
        cmd.env(
            "CRIEUR_LOG",
            "info,crieur::transport::irc=debug,crieur::transport::matrix=debug,matrix_sdk::http_client=off,matrix_sdk_crypto::backups=error",
        );
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .stdout(Stdio::null())
            .stderr(out)
            .spawn()
            .expect("crieur starts");
        Crieur { child, log }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until the log says `text`; whether it did within `within`.
    pub fn wait_log(&self, text: &str, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if self.log().contains(text) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Waits for the process to end by itself.
    pub fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// Sends SIGTERM, as a service manager would.
    pub fn terminate(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
    }
}

impl Drop for Crieur {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
