//! InspIRCd 3 and Atheme on loopback. Two client ports: the bot's, with a public network's
//! flood protection that disconnects flooders, and one for test clients, unthrottled, so
//! that the test is never what gets throttled.

use super::{free_port, wait_port};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What the test network offers.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// IRCv3 `account-tag` on messages (Libera has it; some networks do not).
    pub account_tag: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { account_tag: true }
    }
}

pub struct Ircd {
    pub dir: tempfile::TempDir,
    options: Options,
    /// When InspIRCd last started accepting clients.
    pub up_at: Instant,
    pub bot_port: u16,
    /// A TLS port for clients, with a certificate for 127.0.0.1 signed by `ca.pem`.
    pub tls_port: u16,
    pub client_port: u16,
    link_port: u16,
    ircd: Option<Child>,
    atheme: Option<Child>,
}

impl Ircd {
    /// Starts InspIRCd and Atheme and waits until services are linked.
    pub fn start() -> Ircd {
        Ircd::start_with(Options::default())
    }

    /// Like `start`, with a network offering what `options` say.
    pub fn start_with(options: Options) -> Ircd {
        for tool in ["inspircd", "atheme-services"] {
            assert!(
                Command::new("sh")
                    .arg("-c")
                    .arg(format!("command -v {tool}"))
                    .stdout(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success()),
                "{tool} is not installed; run scripts/test, which installs it"
            );
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ircd = Ircd {
            dir,
            options,
            up_at: Instant::now(),
            bot_port: free_port(),
            tls_port: free_port(),
            client_port: free_port(),
            link_port: free_port(),
            ircd: None,
            atheme: None,
        };
        ircd.make_certificates();
        ircd.write_configs();
        ircd.start_ircd();
        ircd.start_atheme();
        ircd
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A certificate authority and a server certificate for 127.0.0.1 signed by it.
    fn make_certificates(&self) {
        let dir = self.dir.path();
        let run = |args: &[&str]| {
            let out = Command::new("openssl")
                .args(args)
                .current_dir(dir)
                .output()
                .expect("openssl runs");
            assert!(
                out.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        run(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=crieur test CA",
        ]);
        run(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "key.pem",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ]);
        std::fs::write(
            dir.join("san.ext"),
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n",
        )
        .expect("write san.ext");
        run(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "cert.pem",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        ]);
    }

    fn write_configs(&self) {
        let dir = self.dir.path().display();
        let common = r#"allow="*" maxchans="50" timeout="20" pingfreq="120" localmax="1000" globalmax="1000" limit="5000" useident="no" resolvehostnames="no""#;
        let conf = format!(
            r#"<server name="irc.test.local" description="test" id="001" network="TestNet">
<admin name="t" nick="t" email="t@test.local">
<bind address="127.0.0.1" port="{bot}" type="clients">
<bind address="127.0.0.1" port="{client}" type="clients">
<bind address="127.0.0.1" port="{tls}" type="clients" sslprofile="test">
<module name="ssl_gnutls">
<sslprofile name="test" provider="gnutls" certfile="{dir}/cert.pem" keyfile="{dir}/key.pem" hash="sha256" requestclientcert="no">
<bind address="127.0.0.1" port="{link}" type="servers">
<connect name="clients" port="{client}" {common} recvq="1M" softsendq="1M" hardsendq="16M" threshold="1000000" commandrate="1000000" fakelag="no">
<connect name="tls" port="{tls}" {common} recvq="10K" softsendq="10240" hardsendq="1M" threshold="20" commandrate="1000" fakelag="no">
<connect name="bots" port="{bot}" {common} recvq="10K" softsendq="10240" hardsendq="1M" threshold="20" commandrate="1000" fakelag="no">
<pid file="{dir}/inspircd.pid">
<options allowzerolimit="no" hostintopic="yes">
<security runasuser="" hidesplits="no">
<dns timeout="1">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="{dir}/ircd.log">
<module name="spanningtree"> <module name="services_account"> <module name="sasl"> <module name="cap">
<module name="ircv3"> <module name="ircv3_servertime"> {account_tag} <module name="ircv3_ctctags">
<module name="ircv3_msgid"> <module name="ircv3_capnotify"> <module name="ircv3_echomessage">
<link name="services.test.local" ipaddr="127.0.0.1" port="{link}" allowmask="127.0.0.0/8" sendpass="linkpass" recvpass="linkpass">
<uline server="services.test.local" silent="yes">
<sasl target="services.test.local" requiressl="no">
"#,
            bot = self.bot_port,
            tls = self.tls_port,
            client = self.client_port,
            link = self.link_port,
            account_tag = if self.options.account_tag {
                r#"<module name="ircv3_accounttag">"#
            } else {
                ""
            },
        );
        std::fs::write(self.path("inspircd.conf"), conf).expect("write inspircd.conf");
        let example =
            std::fs::read_to_string("/usr/share/doc/atheme-services/examples/atheme.conf.example")
                .expect("atheme example config");
        let mut atheme = String::new();
        let mut skipping = false;
        for line in example.lines() {
            if line.starts_with("uplink \"irc6.example.net\"") {
                skipping = true;
            }
            if skipping {
                if line.starts_with("};") {
                    skipping = false;
                }
                continue;
            }
            // No web server: the test network needs none, and it would hold port 8080.
            if line == "loadmodule \"modules/misc/httpd\";"
                || line == "loadmodule \"modules/transport/xmlrpc\";"
            {
                continue;
            }
            let line = match line {
                "#loadmodule \"modules/protocol/charybdis\";" => {
                    "loadmodule \"modules/protocol/inspircd\";".to_string()
                }
                "loadmodule \"modules/crypto/posix\";" => {
                    "loadmodule \"modules/crypto/pbkdf2v2\";".to_string()
                }
                "\tport = 6667;" => format!("\tport = {};", self.link_port),
                other => other
                    .replace(
                        "name = \"services.int\";",
                        "name = \"services.test.local\";",
                    )
                    .replace("uplink \"irc.example.net\"", "uplink \"irc.test.local\"")
                    .replace(
                        "send_password = \"mypassword\";",
                        "send_password = \"linkpass\";",
                    )
                    .replace(
                        "receive_password = \"theirpassword\";",
                        "receive_password = \"linkpass\";",
                    ),
            };
            atheme.push_str(&line);
            atheme.push('\n');
        }
        std::fs::write(self.path("atheme.conf"), atheme).expect("write atheme.conf");
        std::fs::create_dir_all(self.path("atheme-data")).expect("atheme data dir");
    }

    fn start_ircd(&mut self) {
        let out = std::fs::File::create(self.path("inspircd.out")).expect("log");
        let child = Command::new("inspircd")
            .arg("--runasroot")
            .arg("--nofork")
            .arg(format!("--config={}", self.path("inspircd.conf").display()))
            .stdout(out.try_clone().expect("log"))
            .stderr(out)
            .spawn()
            .expect("inspircd starts");
        self.ircd = Some(child);
        assert!(
            wait_port(self.client_port, Duration::from_secs(10)),
            "inspircd did not come up: {}",
            self.read("inspircd.out")
        );
        self.up_at = Instant::now();
    }

    fn start_atheme(&mut self) {
        let out = std::fs::File::create(self.path("atheme.out")).expect("log");
        let child = Command::new("atheme-services")
            .arg("-n")
            .arg("-c")
            .arg(self.path("atheme.conf"))
            .arg("-D")
            .arg(self.path("atheme-data"))
            .arg("-l")
            .arg(self.path("atheme.log"))
            .arg("-p")
            .arg(self.path("atheme.pid"))
            .stdout(out.try_clone().expect("log"))
            .stderr(out)
            .spawn()
            .expect("atheme starts");
        self.atheme = Some(child);
        self.wait_for_services();
    }

    /// Waits until the services server has linked and synced with InspIRCd.
    fn wait_for_services(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self
                .read("atheme.log")
                .contains("finished synching with uplink")
            {
                // Services need a moment after the link to answer.
                std::thread::sleep(Duration::from_millis(500));
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "atheme did not link:\n--- atheme.log\n{}\n--- ircd.log\n{}\n--- inspircd.out\n{}\n--- atheme.out\n{}",
            self.read("atheme.log"),
            self.read("ircd.log"),
            self.read("inspircd.out"),
            self.read("atheme.out")
        );
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_default()
    }

    /// Kills InspIRCd abruptly, as a crash would.
    pub fn kill_ircd(&mut self) {
        if let Some(mut c) = self.ircd.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        if let Some(mut a) = self.atheme.take() {
            let _ = a.kill();
            let _ = a.wait();
        }
    }

    /// Freezes InspIRCd (SIGSTOP): connections stay open, the kernel still takes what
    /// clients write, nothing is read or answered. A hung server, or a partition.
    pub fn freeze(&self) {
        if let Some(c) = &self.ircd {
            let status = Command::new("kill")
                .arg("-STOP")
                .arg(c.id().to_string())
                .status()
                .expect("kill runs");
            assert!(status.success(), "SIGSTOP inspircd");
        }
    }

    /// Starts InspIRCd and Atheme again with the same configs and ports.
    pub fn restart(&mut self) {
        self.kill_ircd();
        self.start_ircd();
        self.start_atheme();
    }
}

impl Drop for Ircd {
    fn drop(&mut self) {
        self.kill_ircd();
    }
}
