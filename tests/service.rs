//! Running crieur as a service: the systemd unit of `dist/` passes `systemd-analyze
//! verify` (with no warning), and crieur tells systemd it is ready, then stopping, on the
//! notification socket of `Type=notify`.

use crate::support;

use std::os::unix::net::UnixDatagram;
use std::process::Command;
use std::time::Duration;
use support::Crieur;

#[test]
fn the_systemd_unit_verifies_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let unit = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/crieur.service"))
        .unwrap()
        .replace("/usr/bin/crieur", env!("CARGO_BIN_EXE_crieur"));
    let path = dir.path().join("crieur.service");
    std::fs::write(&path, unit).unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .expect("systemd-analyze runs (package systemd)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.trim().is_empty(), "{said}");
}

#[test]
fn tells_systemd_it_is_ready_then_stopping() {
    let dir = tempfile::tempdir().unwrap();
    let socket_path = dir.path().join("notify");
    let socket = UnixDatagram::bind(&socket_path).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let port = support::free_port();
    let cfg = dir.path().join("crieur.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = \"{}\"\n[[site]]\npath = \"{root}/tests/fixtures/deadlines\"\n[http]\nlisten = \"127.0.0.1:{port}\"\n",
            dir.path().join("data").display()
        ),
    )
    .unwrap();
    let mut bot = Crieur::start(
        &cfg,
        &[("NOTIFY_SOCKET", socket_path.to_str().unwrap())],
        &[],
    );
    let mut buf = [0u8; 256];
    let n = socket
        .recv(&mut buf)
        .unwrap_or_else(|e| panic!("{e}; log:\n{}", bot.log()));
    assert_eq!(&buf[..n], b"READY=1\n");
    assert!(
        support::wait_port(port, Duration::from_secs(5)),
        "serving when ready"
    );
    bot.terminate();
    let n = socket.recv(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"STOPPING=1\n");
    assert!(
        bot.wait_exit(Duration::from_secs(30))
            .is_some_and(|s| s.success())
    );
}
