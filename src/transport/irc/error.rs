//! Why an IRC connection could not be made or went on no longer. Each is a reason to
//! connect again (what retrying cannot fix, a refused SASL login, is `RegisterError`).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("{server}:{port}: connection timed out")]
    TimedOut { server: String, port: u16 },
    #[error("{server}:{port}: {source}")]
    Connect {
        server: String,
        port: u16,
        source: std::io::Error,
    },
    /// The certificate authorities file of `irc.tls_ca_file`.
    #[error("{}: {reason}", path.display())]
    CaFile { path: PathBuf, reason: String },
    #[error("{server}:{port}: TLS: {reason}")]
    Tls {
        server: String,
        port: u16,
        reason: String,
    },
    #[error("read: {0}")]
    Read(std::io::Error),
    #[error("write: {0}")]
    Write(std::io::Error),
    #[error("the server closed the connection")]
    Closed,
    /// The server's ERROR line, or its reason for a ban: in its own words.
    #[error("{0}")]
    Server(String),
    #[error("no welcome from the server within 60 s")]
    NoWelcome,
    #[error("ping timeout: nothing from the server for {0}s")]
    Silent(u64),
    #[error("the reader task stopped")]
    ReaderStopped,
}
