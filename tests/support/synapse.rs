//! A real Synapse on a loopback port, with SQLite and a throwaway config, from the venv
//! `scripts/test` installs (`CRIEUR_SYNAPSE_VENV`, default ~/.cache/crieur/synapse-venv).
//! Users are registered with the shared secret; the server is killed on drop.

use super::{free_port, wait_port};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const SECRET: &str = "test-shared-secret";

pub struct Synapse {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
    venv: PathBuf,
}

pub fn venv() -> PathBuf {
    std::env::var_os("CRIEUR_SYNAPSE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").expect("HOME is set"))
                .join(".cache/crieur/synapse-venv")
        })
}

impl Synapse {
    pub fn start() -> Synapse {
        let venv = venv();
        let python = venv.join("bin/python");
        assert!(
            python.is_file(),
            "Synapse is not installed in {}: run scripts/test, which installs it",
            venv.display()
        );
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let d = dir.path().display();
        let config = format!(
            r#"server_name: "localhost"
pid_file: {d}/homeserver.pid
listeners:
  - port: {port}
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: {d}/homeserver.db
media_store_path: {d}/media_store
signing_key_path: "{d}/localhost.signing.key"
registration_shared_secret: "{SECRET}"
macaroon_secret_key: "test-macaroon-secret"
form_secret: "test-form-secret"
report_stats: false
enable_registration: false
trusted_key_servers: []
suppress_key_server_warning: true
rc_message: {{per_second: 1000, burst_count: 1000}}
rc_registration: {{per_second: 1000, burst_count: 1000}}
rc_login:
  address: {{per_second: 1000, burst_count: 1000}}
  account: {{per_second: 1000, burst_count: 1000}}
  failed_attempts: {{per_second: 1000, burst_count: 1000}}
rc_joins:
  local: {{per_second: 1000, burst_count: 1000}}
  remote: {{per_second: 1000, burst_count: 1000}}
rc_invites:
  per_room: {{per_second: 1000, burst_count: 1000}}
  per_user: {{per_second: 1000, burst_count: 1000}}
  per_issuer: {{per_second: 1000, burst_count: 1000}}
"#
        );
        let config_path = dir.path().join("homeserver.yaml");
        std::fs::write(&config_path, config).unwrap();
        let status = Command::new(&python)
            .args([
                "-m",
                "synapse.app.homeserver",
                "--generate-keys",
                "--config-path",
            ])
            .arg(&config_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("synapse runs");
        assert!(status.success(), "synapse --generate-keys failed");
        let child = spawn(&venv, dir.path());
        let synapse = Synapse {
            child,
            port,
            dir,
            venv,
        };
        synapse.wait_ready();
        synapse
    }

    /// Stops the server and starts it again on the same port and database.
    pub fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.child = spawn(&self.venv, self.dir.path());
        self.wait_ready();
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("synapse.log")).unwrap_or_default()
    }

    /// Waits until the client API answers.
    fn wait_ready(&self) {
        assert!(
            wait_port(self.port, Duration::from_secs(60)),
            "synapse did not listen: {}",
            self.log()
        );
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if http_get(self.port, "/_matrix/client/versions").starts_with("HTTP/1.1 200") {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("synapse not ready: {}", self.log());
    }

    /// Registers a user with the shared secret; returns its user id.
    pub fn register(&self, name: &str, password: &str) -> String {
        let out = Command::new(self.venv.join("bin/register_new_matrix_user"))
            .args(["-k", SECRET, "-u", name, "-p", password, "--no-admin"])
            .arg(self.url())
            .output()
            .expect("register_new_matrix_user runs");
        assert!(
            out.status.success(),
            "registering {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        format!("@{name}:localhost")
    }
}

impl Drop for Synapse {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the homeserver of `dir`, its log appended to `dir/synapse.log`.
fn spawn(venv: &Path, dir: &Path) -> Child {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("synapse.log"))
        .unwrap();
    Command::new(venv.join("bin/python"))
        .args(["-m", "synapse.app.homeserver", "--config-path"])
        .arg(dir.join("homeserver.yaml"))
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("synapse starts")
}

fn http_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    );
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}
