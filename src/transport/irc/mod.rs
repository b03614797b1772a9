//! IRC: one connection to a network (Libera.Chat by default), kept up. TLS with rustls,
//! `TCP_NODELAY`, registration with CAP and SASL (`register`), one throttled output queue
//! (`throttle`), lines cleaned and split to the protocol's limit (`line`), services
//! accounts from `account-tag` or a fresh WHOX/WHOIS per organiser command, reminders and
//! announcements counted as sent only once the server acknowledges them, and a
//! reconnection loop with capped exponential backoff and jitter, slower after a ban.
//!
//! The `irc` crate's client has no SASL flow, no working flood control and no reconnection,
//! and keeps its socket to itself (no `TCP_NODELAY`): this module owns the connection
//! instead. What members say becomes `bot::Incoming` at once; the bot decides.

pub mod error;
pub mod line;
pub mod message;
pub mod register;
pub mod throttle;

use crate::answer::reply::{Limits, Reply};
use crate::bot::{Action, Bot, Incoming, Question, Room, Sender};
use crate::chat::Network;
use crate::extract::Language;
use crate::schedule::runner::{Ack, Delivery};
use crate::shared::{CoreRequest, Shared};
use crate::store::outbox::Key;
use crate::transport::backoff::{Backoff, Cut};
use error::LinkError;
use line::irc_lower;
use message::Message;
use register::{Identity, Outcome, RegisterError, Registration};
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};
use throttle::{Bucket, Queue, Rate};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{mpsc, oneshot, watch};

/// Everything a connection needs, with its secrets read (`run::settings` makes it from the
/// config).
#[derive(Debug, Clone)]
pub struct Settings {
    pub server: String,
    pub port: u16,
    pub tls: bool,
    pub tls_ca_file: Option<std::path::PathBuf>,
    pub identity: Identity,
    pub rate: Rate,
    pub ping_interval: Duration,
    pub quit_message: String,
    pub version: String,
}

/// What re-reading the config may change while connected: the channels to be in (with
/// their keys), who organises (services accounts), and each channel's language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster {
    /// (channel, key)
    pub channels: Vec<(String, Option<String>)>,
    pub organisers: Vec<String>,
    pub languages: Vec<(String, Language)>,
}

/// How a session ended.
#[derive(Debug)]
enum End {
    Shutdown,
    Lost {
        reason: LinkError,
        cut: Cut,
        /// The server had welcomed crieur: the network works, the next try comes quickly.
        registered: bool,
    },
}

impl End {
    fn lost(reason: LinkError, registered: bool) -> End {
        End::Lost {
            cut: Cut::of(&reason.to_string()),
            reason,
            registered,
        }
    }
}

/// Serves one IRC network until `shutdown`, reconnecting as needed. Returns an error only
/// for what retrying cannot fix (a SASL failure, a bad config).
pub async fn run(
    settings: Settings,
    bot: Bot,
    shared: Arc<Shared>,
    mut deliveries: mpsc::Receiver<Delivery>,
    mut roster: watch::Receiver<Roster>,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    // A restarted server is back in seconds: try again after about 1 s, then 2, 4, … 30.
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
    let mut bot = bot;
    loop {
        let outcome = session(
            &settings,
            &mut bot,
            &shared,
            &mut deliveries,
            &mut roster,
            &mut shutdown,
        )
        .await;
        let wait = match outcome {
            Ok(End::Shutdown) => return Ok(()),
            Err(e @ (RegisterError::Sasl { .. } | RegisterError::NoSasl)) => {
                tracing::error!(server = %settings.server, "irc: {e}");
                return Err(e.into());
            }
            Err(RegisterError::Refused(reason)) => {
                let cut = Cut::of(&reason);
                tracing::warn!(server = %settings.server, ?cut, "irc: refused: {reason}");
                shared
                    .status
                    .disconnected(Network::Irc, &reason, chrono::Utc::now());
                backoff.next(cut)
            }
            Ok(End::Lost {
                reason,
                cut,
                registered,
            }) => {
                tracing::warn!(server = %settings.server, ?cut, "irc: connection lost: {reason}");
                shared
                    .status
                    .disconnected(Network::Irc, &reason.to_string(), chrono::Utc::now());
                if registered && cut == Cut::Ordinary {
                    backoff.reset();
                }
                backoff.next(cut)
            }
        };
        tracing::info!(server = %settings.server, "irc: reconnecting in {:.1}s", wait.as_secs_f64());
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shutdown.changed() => return Ok(()),
        }
    }
}

/// A connection's byte stream, plain or TLS.
trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

async fn connect(s: &Settings) -> Result<Box<dyn Stream>, LinkError> {
    let address = (s.server.as_str(), s.port);
    let (server, port) = (s.server.clone(), s.port);
    let tcp = tokio::time::timeout(
        Duration::from_secs(30),
        tokio::net::TcpStream::connect(address),
    )
    .await
    .map_err(|_| LinkError::TimedOut {
        server: server.clone(),
        port,
    })?
    .map_err(|source| LinkError::Connect {
        server: server.clone(),
        port,
        source,
    })?;
    // Without it a reply can wait for the server's delayed ACK (~40 ms).
    tcp.set_nodelay(true).map_err(|source| LinkError::Connect {
        server: server.clone(),
        port,
        source,
    })?;
    if !s.tls {
        return Ok(Box::new(tcp));
    }
    let tls_error = |reason: String| LinkError::Tls {
        server: server.clone(),
        port,
        reason,
    };
    let mut roots = tokio_rustls::rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = &s.tls_ca_file {
        use tokio_rustls::rustls::pki_types::{CertificateDer, pem::PemObject};
        let ca_error = |reason: String| LinkError::CaFile {
            path: path.clone(),
            reason,
        };
        for cert in CertificateDer::pem_file_iter(path).map_err(|e| ca_error(e.to_string()))? {
            let cert = cert.map_err(|e| ca_error(e.to_string()))?;
            roots.add(cert).map_err(|e| ca_error(e.to_string()))?;
        }
    }
    let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(Arc::new(
        tokio_rustls::rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| tls_error(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = tokio_rustls::rustls::pki_types::ServerName::try_from(s.server.clone())
        .map_err(|e| tls_error(e.to_string()))?;
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| tls_error(e.to_string()))?;
    Ok(Box::new(tls))
}

/// What happens inside a session besides lines from the server.
enum Event {
    Line(String),
    Closed(LinkError),
}

/// One connection, from connect to loss or shutdown.
async fn session(
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    deliveries: &mut mpsc::Receiver<Delivery>,
    roster: &mut watch::Receiver<Roster>,
    shutdown: &mut watch::Receiver<bool>,
) -> Result<End, RegisterError> {
    let stream = match connect(s).await {
        Ok(stream) => stream,
        Err(reason) => return Ok(End::lost(reason, false)),
    };
    let (reader, writer) = tokio::io::split(stream);
    let (events_tx, mut events) = mpsc::channel::<Event>(256);
    let reader_task = tokio::spawn(read_lines(reader, events_tx));
    let mut conn = Conn {
        writer,
        bucket: Bucket::new(s.rate, Instant::now()),
        queue: Queue::default(),
        outbox: VecDeque::new(),
        writing: None,
        unacked: None,
        recording: None,
        echo: false,
        next_tag: 0,
    };
    let links = Links {
        deliveries,
        roster,
        shutdown,
    };
    let result = drive(s, bot, shared, links, &mut conn, &mut events).await;
    reader_task.abort();
    result
}

struct Conn<W> {
    writer: W,
    bucket: Bucket,
    queue: Queue,
    /// Reminders and announcements waiting for their turn. One at a time goes out and is
    /// acknowledged by the server, then recorded as sent, before the next: a connection
    /// lost with lines in flight loses none (the unacknowledged one is sent again), and a
    /// crash repeats at most one.
    outbox: VecDeque<Delivery>,
    /// The outbox message whose lines are in the queue: its tag, key and acknowledgement.
    writing: Option<(u64, Key, Ack)>,
    /// The outbox message written, waiting for the server to show it has it.
    unacked: Option<Unacked>,
    /// The outbox message acknowledged, until the outbox records it as sent.
    recording: Option<oneshot::Receiver<()>>,
    /// The server echoes our messages (`echo-message`).
    echo: bool,
    next_tag: u64,
}

/// A message written to the server, not yet acknowledged: by the PONG to the PING sent
/// after it (servers handle a client's lines in order), or by its echo.
struct Unacked {
    tag: u64,
    key: Key,
    /// Its last line as the server echoes it: the target (folded) and the text.
    target: String,
    text: String,
    ack: Ack,
    /// The server said it cannot take a message to the target (banned, moderated, not in
    /// the channel): its reason. The PONG then only says the server read the line.
    refused: Option<String>,
}

/// The token of the PING that follows an outbox message.
fn ack_token(tag: u64) -> String {
    format!("crieur-ack-{tag}")
}

impl<W: AsyncWrite + Unpin> Conn<W> {
    /// Sends at once (PONG, QUIT, JOIN), spending from the bucket all the same.
    async fn now(&mut self, line: &str) -> Result<(), LinkError> {
        self.bucket.spend(Instant::now());
        self.write(line).await
    }

    /// Sends without spending: registration, which servers do not count as flood.
    async fn write(&mut self, line: &str) -> Result<(), LinkError> {
        tracing::debug!("irc >> {line}");
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.writer
            .write_all(&bytes)
            .await
            .map_err(LinkError::Write)
    }

    /// Sends queued lines while the bucket allows; returns how long until the next may go.
    /// After the last line of an outbox message, a PING asks the server to acknowledge it.
    async fn flush(&mut self) -> Result<Option<Duration>, LinkError> {
        loop {
            if self.queue.is_empty() {
                return Ok(None);
            }
            let wait = self.bucket.wait(Instant::now());
            if !wait.is_zero() {
                return Ok(Some(wait));
            }
            if let Some((line, tag)) = self.queue.pop() {
                self.now(&line).await?;
                if let Some(tag) = tag
                    && let Some((_, key, ack)) = self.writing.take_if(|(t, _, _)| *t == tag)
                {
                    self.now(&format!("PING :{}", ack_token(tag))).await?;
                    tracing::info!(%key, "irc: written; waiting for the server to acknowledge it");
                    let (target, text) = echoed(&line);
                    self.unacked = Some(Unacked {
                        tag,
                        key,
                        target,
                        text,
                        ack,
                        refused: None,
                    });
                }
            }
        }
    }

    /// Takes an outbox message; it goes out when the one before is recorded as sent.
    fn deliver(&mut self, delivery: Delivery, relay: usize, now: chrono::DateTime<chrono::Utc>) {
        self.outbox.push_back(delivery);
        self.next_outbox(relay, now);
    }

    /// Puts the next outbox message in the queue, if none is on its way.
    fn next_outbox(&mut self, relay: usize, now: chrono::DateTime<chrono::Utc>) {
        if self.writing.is_some() || self.unacked.is_some() || self.recording.is_some() {
            return;
        }
        while let Some(delivery) = self.outbox.pop_front() {
            if delivery.expired(now) {
                // Held while disconnected: its words may be out of date.
                tracing::warn!(key = %delivery.key, "irc: held too long; handed back to the scheduler");
                continue;
            }
            let mut lines: Vec<String> = delivery
                .lines
                .iter()
                .flat_map(|l| line::message("PRIVMSG", &delivery.room, l, relay))
                .collect();
            let Some(last) = lines.pop() else {
                // Nothing to say: done at once.
                drop(delivery.done.delivered());
                continue;
            };
            self.next_tag += 1;
            let tag = self.next_tag;
            let tagged = lines
                .into_iter()
                .map(|l| (l, None))
                .chain(std::iter::once((last, Some(tag))));
            // Outbox messages share one turn, apart from members' conversations.
            self.queue.push_tagged("\u{0}outbox", tagged);
            self.writing = Some((tag, delivery.key, delivery.done));
            return;
        }
    }

    /// The PONG to `token` came back: the message written before it is acknowledged,
    /// unless the server refused it; then it is handed back unsent, to be tried again.
    fn ponged(&mut self, token: &str, relay: usize, now: chrono::DateTime<chrono::Utc>) {
        if self
            .unacked
            .as_ref()
            .is_none_or(|u| ack_token(u.tag) != token)
        {
            return;
        }
        if let Some(Unacked {
            key,
            target,
            refused: Some(reason),
            ..
        }) = self.unacked.take_if(|u| u.refused.is_some())
        {
            tracing::warn!(%key, room = %target, "irc: refused by the server ({reason}); handed back unsent");
            self.next_outbox(relay, now);
            return;
        }
        self.acknowledged();
    }

    /// The server cannot deliver a message to `target`: if it is the outbox message's
    /// room, that message did not go out.
    fn refused(&mut self, target: &str, reason: &str) {
        if let Some(u) = self
            .unacked
            .as_mut()
            .filter(|u| u.target == irc_lower(target))
        {
            u.refused = Some(reason.to_string());
        }
    }

    /// The server echoed one of our messages.
    fn echoed(&mut self, target: &str, text: &str) {
        if self
            .unacked
            .as_ref()
            .is_some_and(|u| u.target == irc_lower(target) && u.text == text)
        {
            self.acknowledged();
        }
    }

    fn acknowledged(&mut self) {
        if let Some(unacked) = self.unacked.take() {
            tracing::debug!(key = %unacked.key, "irc: acknowledged by the server");
            self.recording = Some(unacked.ack.delivered());
        }
    }

    /// The outbox recorded the last message as sent (or gave up on it): the next may go.
    fn recorded(&mut self, relay: usize, now: chrono::DateTime<chrono::Utc>) {
        self.recording = None;
        self.next_outbox(relay, now);
    }
}

/// The target (folded) and text of a PRIVMSG line we write, as the server echoes them.
fn echoed(line: &str) -> (String, String) {
    match Message::parse(line) {
        Some(m) => (irc_lower(m.param(0)), m.trailing().to_string()),
        None => (String::new(), String::new()),
    }
}

/// Waits for the outbox to record a message as sent; forever when none is being recorded.
async fn recording(rx: &mut Option<oneshot::Receiver<()>>) {
    match rx {
        Some(rx) => {
            let _ = rx.await;
        }
        None => std::future::pending().await,
    }
}

async fn read_lines<R: AsyncRead + Unpin>(reader: R, events: mpsc::Sender<Event>) {
    let mut reader = BufReader::with_capacity(16 * 1024, reader);
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf).await {
            Ok(0) => {
                let _ = events.send(Event::Closed(LinkError::Closed)).await;
                return;
            }
            Ok(_) => {
                // Lines are UTF-8 by convention only; a stray Latin-1 byte must not kill the session.
                let line = String::from_utf8_lossy(&buf).into_owned();
                if events.send(Event::Line(line)).await.is_err() {
                    return;
                }
            }
            Err(e) => {
                let _ = events.send(Event::Closed(LinkError::Read(e))).await;
                return;
            }
        }
    }
}

/// What a session knows about the network once registered.
struct State {
    nick: String,
    caps: Vec<String>,
    whox: bool,
    /// Account lookups (WHO or WHOIS) sent for organiser commands, oldest first. Without
    /// `account-tag`, who is behind a nick is asked afresh for each command, never
    /// remembered: a nick can change hands between two messages.
    lookups: VecDeque<Lookup>,
    last_rx: Instant,
    pinged: bool,
    /// Where spawned tasks (a re-index) send their replies back.
    deferred: mpsc::Sender<Deferred>,
    /// Length of `:nick!user@host ` as the server relays our lines, once seen.
    relay: usize,
}

impl State {
    fn has(&self, cap: &str) -> bool {
        self.caps.iter().any(|c| c == cap)
    }
}

/// One account lookup. The server answers lookups in the order they were sent, each
/// ending with 315 (WHO) or 318 (WHOIS), so the oldest is the one being answered.
struct Lookup {
    /// The sender's nick, folded.
    nick: String,
    sent: Instant,
    /// The account the answer names so far.
    account: Option<String>,
    /// The command waiting for the answer; taken when it waited too long.
    message: Option<(Incoming, Question)>,
}

/// Messages from tasks spawned by the session (a finished re-index).
struct Deferred {
    key: String,
    lines: Vec<String>,
}

/// What a session hears from the rest of crieur: messages to deliver, config changes, and
/// the order to stop.
struct Links<'a> {
    deliveries: &'a mut mpsc::Receiver<Delivery>,
    roster: &'a mut watch::Receiver<Roster>,
    shutdown: &'a mut watch::Receiver<bool>,
}

async fn drive<W: AsyncWrite + Unpin>(
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    links: Links<'_>,
    conn: &mut Conn<W>,
    events: &mut mpsc::Receiver<Event>,
) -> Result<End, RegisterError> {
    let lost = |reason: LinkError| Ok(End::lost(reason, false));
    // Registration.
    let mut registration = Registration::new(s.identity.clone());
    for line in registration.start() {
        if let Err(e) = conn.write(&line).await {
            return lost(e);
        }
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let (nick, caps, whox) = loop {
        let event = tokio::select! {
            e = events.recv() => e,
            _ = tokio::time::sleep_until(deadline) => return lost(LinkError::NoWelcome),
            _ = links.shutdown.changed() => return Ok(End::Shutdown),
        };
        let line = match event {
            Some(Event::Line(line)) => line,
            Some(Event::Closed(reason)) => return lost(reason),
            None => return lost(LinkError::ReaderStopped),
        };
        let Some(msg) = Message::parse(&line) else {
            continue;
        };
        tracing::debug!("irc << {}", line.trim_end());
        match registration.handle(&msg)? {
            Outcome::Continue(lines) => {
                for l in lines {
                    if let Err(e) = conn.write(&l).await {
                        return lost(e);
                    }
                }
            }
            Outcome::Registered { nick, caps, lines } => {
                for l in lines {
                    if let Err(e) = conn.write(&l).await {
                        return lost(e);
                    }
                }
                break (nick, caps, false);
            }
        }
    };
    tracing::info!(server = %s.server, %nick, caps = %caps.join(" "), "irc: registered");
    shared.status.connected(Network::Irc, chrono::Utc::now());
    let lost = |reason: LinkError| Ok(End::lost(reason, true));
    conn.echo = caps.iter().any(|c| c == "echo-message");
    bot.set_names(std::slice::from_ref(&nick));
    bot.reconnected();
    let (deferred_tx, mut deferred) = mpsc::channel::<Deferred>(16);
    let mut st = State {
        deferred: deferred_tx,
        relay: line::RELAY_PREFIX,
        nick,
        caps,
        whox,
        lookups: VecDeque::new(),
        last_rx: Instant::now(),
        pinged: false,
    };
    // The channels of the config as it is now; a re-read while connected joins and parts.
    let mut channels = {
        let roster = links.roster.borrow_and_update();
        bot.reconfigure(&roster.organisers, &roster.languages);
        roster.channels.clone()
    };
    if let Err(e) = join(conn, &channels.iter().collect::<Vec<_>>()).await {
        return lost(e);
    }
    if st.nick != s.identity.nicks[0] {
        regain(conn, s, &st).await.ok();
    }
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    let mut next_send: Option<Duration> = None;
    let mut last_regain = Instant::now();
    loop {
        let send_timer = async {
            match next_send {
                Some(d) => tokio::time::sleep(d).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            event = events.recv() => {
                let line = match event {
                    Some(Event::Line(line)) => line,
                    Some(Event::Closed(reason)) => return lost(reason),
                    None => return lost(LinkError::ReaderStopped),
                };
                st.last_rx = Instant::now();
                st.pinged = false;
                let Some(msg) = Message::parse(&line) else { continue };
                tracing::debug!("irc << {}", line.trim_end());
                match handle(&msg, s, bot, shared, &mut st, conn).await {
                    Ok(None) => {}
                    Ok(Some(end)) => return Ok(end),
                    Err(e) => return lost(e),
                }
            }
            Some(d) = deferred.recv() => {
                conn.queue.push(&d.key, d.lines);
            }
            Some(delivery) = links.deliveries.recv() => {
                conn.deliver(delivery, st.relay, shared.clock.now_utc());
            }
            Ok(()) = links.roster.changed() => {
                let roster = links.roster.borrow_and_update().clone();
                bot.reconfigure(&roster.organisers, &roster.languages);
                let (new, gone) = moves(&channels, &roster.channels);
                for name in &gone {
                    tracing::info!(channel = %name, "irc: leaving (no longer in the config)");
                    if let Err(e) = conn.now(&format!("PART {name} :{}", line::clean(&s.quit_message))).await {
                        return lost(e);
                    }
                }
                if let Err(e) = join(conn, &new).await {
                    return lost(e);
                }
                channels = roster.channels;
            }
            _ = recording(&mut conn.recording) => {
                conn.recorded(st.relay, shared.clock.now_utc());
            }
            _ = send_timer => {}
            _ = tick.tick() => {
                let now = Instant::now();
                let silent = now.duration_since(st.last_rx);
                if silent > s.ping_interval + Duration::from_secs(60) {
                    return lost(LinkError::Silent(silent.as_secs()));
                }
                if silent > s.ping_interval && !st.pinged {
                    st.pinged = true;
                    if let Err(e) = conn.now(&format!("PING :crieur-{}", now.elapsed().as_nanos())).await {
                        return lost(e);
                    }
                }
                expire_lookups(bot, shared, &mut st, conn);
                bot.sweep(now);
                if st.nick != s.identity.nicks[0] && last_regain.elapsed() > Duration::from_secs(60) {
                    last_regain = Instant::now();
                    regain(conn, s, &st).await.ok();
                }
            }
            _ = links.shutdown.changed() => {
                let _ = conn.now(&format!("QUIT :{}", line::clean(&s.quit_message))).await;
                let _ = conn.writer.flush().await;
                // Give the server a moment to read the QUIT before the socket closes.
                let _ = tokio::time::timeout(Duration::from_secs(2), async {
                    while let Some(Event::Line(_)) = events.recv().await {}
                }).await;
                return Ok(End::Shutdown);
            }
        }
        match conn.flush().await {
            Ok(wait) => next_send = wait,
            Err(e) => return lost(e),
        }
    }
}

/// The channels to join (in `wanted`, not in `joined`) and to leave (the other way round),
/// compared as IRC folds names.
fn moves<'a>(
    joined: &[(String, Option<String>)],
    wanted: &'a [(String, Option<String>)],
) -> (Vec<&'a (String, Option<String>)>, Vec<String>) {
    let has = |list: &[(String, Option<String>)], name: &str| {
        list.iter().any(|(n, _)| irc_lower(n) == irc_lower(name))
    };
    let new = wanted.iter().filter(|(n, _)| !has(joined, n)).collect();
    let gone = joined
        .iter()
        .filter(|(n, _)| !has(wanted, n))
        .map(|(n, _)| n.clone())
        .collect();
    (new, gone)
}

async fn join<W: AsyncWrite + Unpin>(
    conn: &mut Conn<W>,
    channels: &[&(String, Option<String>)],
) -> Result<(), LinkError> {
    // Channels with keys first: JOIN #a,#b key_a
    let mut channels = channels.to_vec();
    channels.sort_by_key(|(_, key)| key.is_none());
    for chunk in channels.chunks(10) {
        let names: Vec<&str> = chunk.iter().map(|(n, _)| n.as_str()).collect();
        let keys: Vec<&str> = chunk.iter().filter_map(|(_, k)| k.as_deref()).collect();
        let mut line = format!("JOIN {}", names.join(","));
        if !keys.is_empty() {
            line.push(' ');
            line.push_str(&keys.join(","));
        }
        conn.now(&line).await?;
    }
    Ok(())
}

/// Asks for the configured nick back: through NickServ when logged in, else plainly.
async fn regain<W: AsyncWrite + Unpin>(
    conn: &mut Conn<W>,
    s: &Settings,
    st: &State,
) -> Result<(), LinkError> {
    let wanted = &s.identity.nicks[0];
    if s.identity.sasl.is_some() {
        conn.now(&format!("PRIVMSG NickServ :REGAIN {wanted}"))
            .await?;
    }
    if st.nick != *wanted {
        conn.now(&format!("NICK {wanted}")).await?;
    }
    Ok(())
}

/// Handles one line of a registered session. `Ok(Some(_))` ends it.
async fn handle<W: AsyncWrite + Unpin>(
    msg: &Message,
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) -> Result<Option<End>, LinkError> {
    let from = msg.nick().map(irc_lower);
    let me = irc_lower(&st.nick);
    match msg.command.as_str() {
        "PING" => conn.now(&line::pong(msg.trailing())).await?,
        "PONG" => conn.ponged(msg.trailing(), st.relay, shared.clock.now_utc()),
        // No such nick or channel, cannot send to the channel (banned, moderated, not in
        // it), messages from unregistered users refused, cannot send to the user.
        "401" | "403" | "404" | "486" | "531" => conn.refused(msg.param(1), msg.trailing()),
        "ERROR" => {
            return Ok(Some(End::lost(
                LinkError::Server(msg.trailing().to_string()),
                true,
            )));
        }
        "465" | "466" => {
            return Ok(Some(End::Lost {
                reason: LinkError::Server(msg.trailing().to_string()),
                cut: Cut::Banned,
                registered: true,
            }));
        }
        "005" if msg.params.iter().any(|p| p == "WHOX") => {
            st.whox = true;
        }
        "NICK" if from.as_deref() == Some(me.as_str()) => {
            let new = msg.param(0).to_string();
            tracing::info!("irc: now known as {new}");
            st.nick = new.clone();
            bot.set_names(&[new]);
        }
        "JOIN" if from.as_deref() == Some(me.as_str()) => {
            tracing::info!("irc: joined {}", msg.param(0));
            // Our own JOIN shows the prefix the server puts on our lines.
            if let Some(prefix) = &msg.prefix {
                st.relay = prefix.len() + 2;
            }
        }
        "KICK" if irc_lower(msg.param(1)) == me => {
            tracing::warn!(
                "irc: kicked from {} by {}: {}",
                msg.param(0),
                msg.nick().unwrap_or("?"),
                msg.trailing()
            );
        }
        "474" | "475" | "471" | "473" | "477" => {
            tracing::warn!("irc: cannot join {}: {}", msg.param(1), msg.trailing());
        }
        // WHOX: 354 me token nick account; WHOIS: 330 me nick account :is logged in as.
        "354" if msg.param(1) == "152" => {
            looked_up(st, msg.param(2), account_value(msg.param(3)));
        }
        "330" => looked_up(st, msg.param(1), account_value(msg.param(2))),
        // The end of a WHO (315) or WHOIS (318) reply.
        "315" | "318" => answer_looked_up(msg.param(1), bot, shared, st, conn),
        "PRIVMSG" => privmsg(msg, s, bot, shared, st, conn).await?,
        _ => {}
    }
    Ok(None)
}

/// `*` and `0` mean "not logged in" in account-tag and WHOX.
fn account_value(v: &str) -> Option<String> {
    (!v.is_empty() && v != "*" && v != "0").then(|| v.to_string())
}

async fn privmsg<W: AsyncWrite + Unpin>(
    msg: &Message,
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) -> Result<(), LinkError> {
    let Some(nick) = msg.nick() else {
        return Ok(());
    };
    let folded = irc_lower(nick);
    let target = msg.param(0);
    let text = msg.trailing();
    // Its own messages (echo-message) acknowledge what it sent; they are never answered.
    if folded == irc_lower(&st.nick) {
        conn.echoed(target, text);
        return Ok(());
    }
    // Other bots (IRCv3 bot tag) are never answered.
    if msg.tags.contains_key("bot") || msg.tags.contains_key("draft/bot") {
        return Ok(());
    }
    if let Some((command, args)) = line::ctcp(text) {
        match command.to_ascii_uppercase().as_str() {
            "VERSION" => conn
                .queue
                .push(&folded, [line::ctcp_reply(nick, "VERSION", &s.version)]),
            "PING" => conn
                .queue
                .push(&folded, [line::ctcp_reply(nick, "PING", args)]),
            _ => 0,
        };
        return Ok(());
    }
    let direct = irc_lower(target) == irc_lower(&st.nick);
    // The services account the server vouches for on this very message, if it says.
    let tagged = st
        .has("account-tag")
        .then(|| msg.tags.get("account").and_then(|a| account_value(a)));
    let incoming = Incoming {
        room: Room {
            id: if direct {
                nick.to_string()
            } else {
                target.to_string()
            },
            direct,
        },
        sender: Sender {
            name: nick.to_string(),
            account: tagged.clone().flatten(),
            room_organiser: false,
        },
        text: text.to_string(),
    };
    let Some(question) = bot.read(&incoming) else {
        return Ok(());
    };
    if tagged.is_none() && question.needs_account() {
        // Who is behind this nick now? Ask the server before deciding.
        let ask = if st.whox {
            format!("WHO {nick} %tna,152")
        } else {
            format!("WHOIS {nick}")
        };
        conn.now(&ask).await?;
        st.lookups.push_back(Lookup {
            nick: folded,
            sent: Instant::now(),
            account: None,
            message: Some((incoming, question)),
        });
        return Ok(());
    }
    answer(incoming, question, bot, shared, st, conn);
    Ok(())
}

/// A line of a lookup's answer names the account of `nick`.
fn looked_up(st: &mut State, nick: &str, account: Option<String>) {
    if let Some(lookup) = st.lookups.front_mut()
        && lookup.nick == irc_lower(nick)
    {
        lookup.account = account;
    }
}

/// The oldest lookup is answered: its command goes on with the account found, if any.
fn answer_looked_up<W: AsyncWrite + Unpin>(
    nick: &str,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) {
    let Some(lookup) = st.lookups.pop_front() else {
        return;
    };
    let Some((mut incoming, question)) = lookup.message else {
        return;
    };
    // An answer about another nick than asked is no answer: the sender counts as logged out.
    incoming.sender.account = lookup.account.filter(|_| lookup.nick == irc_lower(nick));
    answer(incoming, question, bot, shared, st, conn);
}

/// Lookups that got no answer in time: their commands go on as from a logged-out sender.
/// The lookup stays in line, so that its late answer is not taken for the next one's.
fn expire_lookups<W: AsyncWrite + Unpin>(
    bot: &mut Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) {
    let stale: Vec<(Incoming, Question)> = st
        .lookups
        .iter_mut()
        .filter(|l| l.sent.elapsed() > Duration::from_secs(15))
        .filter_map(|l| l.message.take())
        .collect();
    for (incoming, question) in stale {
        answer(incoming, question, bot, shared, st, conn);
    }
    // A server that never answered will not: forget the oldest placeholders.
    while st
        .lookups
        .front()
        .is_some_and(|l| l.message.is_none() && l.sent.elapsed() > Duration::from_secs(600))
    {
        st.lookups.pop_front();
    }
}

/// Carries out what the bot decides about a message.
fn answer<W: AsyncWrite + Unpin>(
    incoming: Incoming,
    question: Question,
    bot: &Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) {
    let key = irc_lower(&incoming.sender.name);
    let answerer = shared.answerer();
    let actions = bot.handle(
        &incoming,
        question,
        &answerer,
        shared.clock.now(),
        Instant::now(),
    );
    for action in actions {
        match action {
            Action::Reply { room, to, reply } => {
                conn.queue
                    .push(&key, lines(&room, to.as_deref(), &reply, st.relay));
            }
            Action::Organiser {
                room,
                to,
                lang,
                request,
            } => {
                let core = shared.core.clone();
                let deferred = st.deferred.clone();
                let key = key.clone();
                let relay = st.relay;
                tokio::spawn(async move {
                    let reply = core
                        .ask(CoreRequest {
                            network: Network::Irc,
                            room: room.clone(),
                            lang,
                            request,
                        })
                        .await;
                    let lines = lines(&room, to.as_deref(), &reply, relay);
                    let _ = deferred.send(Deferred { key, lines }).await;
                });
            }
        }
    }
}

/// A reply as PRIVMSG lines, the first addressed to the asker in a shared room; `relay`
/// is the length of the prefix the server adds to our lines.
fn lines(room: &Room, to: Option<&str>, reply: &Reply, relay: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (i, text) in reply.plain(Limits::IRC).into_iter().enumerate() {
        let text = match (i, to) {
            (0, Some(nick)) => format!("{nick}: {text}"),
            _ => text,
        };
        out.extend(line::message("PRIVMSG", &room.id, &text, relay));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::reply::Line;

    #[test]
    fn a_reload_joins_new_channels_and_leaves_dropped_ones_as_irc_folds_names() {
        let list = |names: &[&str]| -> Vec<(String, Option<String>)> {
            names
                .iter()
                .map(|n| (n.to_string(), n.contains("key").then(|| "k".to_string())))
                .collect()
        };
        let joined = list(&["#Geo[x]", "#old", "#keep"]);
        let wanted = list(&["#geo{x}", "#KEEP", "#new-key", "#new"]);
        let (new, gone) = super::moves(&joined, &wanted);
        let new: Vec<&str> = new.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(new, ["#new-key", "#new"]);
        assert_eq!(gone, ["#old"]);
        let (new, gone) = super::moves(&wanted, &wanted);
        assert!(new.is_empty() && gone.is_empty());
    }

    #[test]
    fn addresses_the_asker_on_the_first_line_only() {
        let reply = Reply::new(Language::En)
            .line(Line::default().text("one"))
            .line(Line::default().text("two"));
        let room = Room {
            id: "#c".into(),
            direct: false,
        };
        assert_eq!(
            lines(&room, Some("bob"), &reply, line::RELAY_PREFIX),
            vec!["PRIVMSG #c :bob: one", "PRIVMSG #c two"]
        );
    }
}
