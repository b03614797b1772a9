//! IRC: one connection to a network (Libera.Chat by default), kept up. TLS with rustls,
//! `TCP_NODELAY`, registration with CAP and SASL (`register`), one throttled output queue
//! (`throttle`), lines cleaned and split to the protocol's limit (`line`), services
//! accounts from `account-tag`, `extended-join`, `account-notify` or WHOX/WHOIS, and a
//! reconnection loop with capped exponential backoff and jitter, slower after a ban.
//!
//! The `irc` crate's client has no SASL flow, no working flood control and no reconnection
//! (see CRATES.md), and keeps its socket to itself (no `TCP_NODELAY`): this module owns the
//! connection instead. What members say becomes `bot::Incoming` at once; the bot decides.

pub mod line;
pub mod message;
pub mod register;
pub mod throttle;

use crate::answer::reply::{Limits, Line, Reply};
use crate::bot::{Action, Admit, Bot, Guard, Incoming, Room, Sender};
use crate::config::irc::IrcConfig;
use crate::run::{CoreRequest, Shared};
use crate::schedule::runner::Delivery;
use crate::transport::backoff::Backoff;
use line::irc_lower;
use message::Message;
use register::{Identity, Outcome, RegisterError, Registration};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use throttle::{Bucket, Queue, Rate};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{mpsc, watch};

/// Everything a connection needs, resolved from the config (secrets read).
#[derive(Debug, Clone)]
pub struct Settings {
    pub server: String,
    pub port: u16,
    pub tls: bool,
    pub tls_ca_file: Option<std::path::PathBuf>,
    pub identity: Identity,
    /// (channel, key)
    pub channels: Vec<(String, Option<String>)>,
    pub rate: Rate,
    pub ping_interval: Duration,
    pub repeat_window: Duration,
    pub channel_share: usize,
    pub quit_message: String,
    pub version: String,
}

impl Settings {
    /// Reads the `[irc]` table and its secrets; an error names the key.
    pub fn from_config(cfg: &IrcConfig, origin: &std::path::Path) -> anyhow::Result<Settings> {
        use crate::config::secret::Secret;
        let sasl = match (&cfg.sasl_account, cfg.password(origin)) {
            (Some(account), Some(secret)) => Some((
                account.clone(),
                secret
                    .read()
                    .map_err(|e| anyhow::anyhow!("irc.password: {e}"))?,
            )),
            _ => None,
        };
        let mut channels = Vec::new();
        for (i, c) in cfg.channels.iter().enumerate() {
            let mut ignored = Vec::new();
            let key = Secret::from_keys(
                c.key_env.as_deref(),
                c.key_file.as_ref().map(|p| origin.join(p)).as_deref(),
                "key",
                &mut ignored,
            )
            .map(|s| {
                s.read()
                    .map_err(|e| anyhow::anyhow!("irc.channel[{i}].key: {e}"))
            })
            .transpose()?;
            channels.push((c.name.clone(), key));
        }
        let mut nicks = vec![cfg.nick.clone()];
        nicks.extend(cfg.alt_nicks.iter().cloned());
        Ok(Settings {
            server: cfg.server.clone(),
            port: cfg.port(),
            tls: cfg.tls,
            tls_ca_file: cfg.tls_ca_file.as_ref().map(|p| origin.join(p)),
            identity: Identity {
                nicks,
                username: cfg
                    .username
                    .clone()
                    .unwrap_or_else(|| cfg.nick.to_lowercase()),
                realname: cfg
                    .realname
                    .clone()
                    .unwrap_or_else(|| "crieur, the community's town crier".to_string()),
                sasl,
            },
            channels,
            rate: Rate {
                burst: cfg.throttle_burst,
                per_second: cfg.throttle_per_second,
            },
            ping_interval: Duration::from_secs(cfg.ping_interval_secs),
            repeat_window: Duration::from_secs(cfg.repeat_window_secs),
            channel_share: cfg.channel_share,
            quit_message: cfg.quit_message.clone(),
            version: format!("crieur {}", env!("CARGO_PKG_VERSION")),
        })
    }
}

/// How a session ended.
#[derive(Debug)]
enum End {
    Shutdown,
    Lost { reason: String, banned: bool },
}

/// Serves one IRC network until `shutdown`, reconnecting as needed. Returns an error only
/// for what retrying cannot fix (a SASL failure, a bad config).
pub async fn run(
    settings: Settings,
    bot: Bot,
    shared: Arc<Shared>,
    mut deliveries: mpsc::Receiver<Delivery>,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let mut backoff = Backoff::new(Duration::from_secs(2), Duration::from_secs(300));
    let mut bot = bot;
    loop {
        let started = Instant::now();
        let outcome = session(&settings, &mut bot, &shared, &mut deliveries, &mut shutdown).await;
        let wait = match outcome {
            Ok(End::Shutdown) => return Ok(()),
            Err(e @ (RegisterError::Sasl { .. } | RegisterError::NoSasl)) => {
                tracing::error!(server = %settings.server, "irc: {e}");
                return Err(e.into());
            }
            Err(RegisterError::Refused(reason)) => {
                let banned = is_ban(&reason);
                tracing::warn!(server = %settings.server, banned, "irc: refused: {reason}");
                backoff.next(banned)
            }
            Ok(End::Lost { reason, banned }) => {
                tracing::warn!(server = %settings.server, banned, "irc: connection lost: {reason}");
                if started.elapsed() > Duration::from_secs(120) && !banned {
                    backoff.reset();
                }
                backoff.next(banned)
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

async fn connect(s: &Settings) -> Result<Box<dyn Stream>, String> {
    let address = (s.server.as_str(), s.port);
    let tcp = tokio::time::timeout(
        Duration::from_secs(30),
        tokio::net::TcpStream::connect(address),
    )
    .await
    .map_err(|_| format!("{}:{}: connection timed out", s.server, s.port))?
    .map_err(|e| format!("{}:{}: {e}", s.server, s.port))?;
    // Without it a reply can wait for the server's delayed ACK (~40 ms).
    tcp.set_nodelay(true).map_err(|e| e.to_string())?;
    if !s.tls {
        return Ok(Box::new(tcp));
    }
    let mut roots = tokio_rustls::rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = &s.tls_ca_file {
        use tokio_rustls::rustls::pki_types::{CertificateDer, pem::PemObject};
        for cert in
            CertificateDer::pem_file_iter(path).map_err(|e| format!("{}: {e}", path.display()))?
        {
            let cert = cert.map_err(|e| format!("{}: {e}", path.display()))?;
            roots
                .add(cert)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(Arc::new(
        tokio_rustls::rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = tokio_rustls::rustls::pki_types::ServerName::try_from(s.server.clone())
        .map_err(|e| format!("{}: {e}", s.server))?;
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| format!("{}:{}: TLS: {e}", s.server, s.port))?;
    Ok(Box::new(tls))
}

/// What happens inside a session besides lines from the server.
enum Event {
    Line(String),
    Closed(String),
}

/// One connection, from connect to loss or shutdown.
async fn session(
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    deliveries: &mut mpsc::Receiver<Delivery>,
    shutdown: &mut watch::Receiver<bool>,
) -> Result<End, RegisterError> {
    let stream = match connect(s).await {
        Ok(stream) => stream,
        Err(reason) => {
            return Ok(End::Lost {
                reason,
                banned: false,
            });
        }
    };
    let (reader, writer) = tokio::io::split(stream);
    let (events_tx, mut events) = mpsc::channel::<Event>(256);
    let reader_task = tokio::spawn(read_lines(reader, events_tx));
    let mut conn = Conn {
        writer,
        bucket: Bucket::new(s.rate, Instant::now()),
        queue: Queue::default(),
        acks: HashMap::new(),
        next_tag: 0,
    };
    let result = drive(s, bot, shared, deliveries, shutdown, &mut conn, &mut events).await;
    reader_task.abort();
    result
}

struct Conn<W> {
    writer: W,
    bucket: Bucket,
    queue: Queue,
    /// Outbox messages being sent: the tag of their last line → their acknowledgement.
    acks: HashMap<u64, tokio::sync::oneshot::Sender<()>>,
    next_tag: u64,
}

impl<W: AsyncWrite + Unpin> Conn<W> {
    /// Sends at once (PONG, QUIT, JOIN), spending from the bucket all the same.
    async fn now(&mut self, line: &str) -> Result<(), String> {
        self.bucket.spend(Instant::now());
        self.write(line).await
    }

    /// Sends without spending: registration, which servers do not count as flood.
    async fn write(&mut self, line: &str) -> Result<(), String> {
        tracing::debug!("irc >> {line}");
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        self.writer
            .write_all(&bytes)
            .await
            .map_err(|e| format!("write: {e}"))
    }

    /// Sends queued lines while the bucket allows; returns how long until the next may go.
    /// The outbox message a line ends is acknowledged once the line is written.
    async fn flush(&mut self) -> Result<Option<Duration>, String> {
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
                if let Some(done) = tag.and_then(|t| self.acks.remove(&t)) {
                    let _ = done.send(());
                }
            }
        }
    }

    /// Queues an outbox message; it is acknowledged when its last line is written.
    fn deliver(&mut self, delivery: Delivery, relay: usize) {
        let mut lines: Vec<String> = delivery
            .lines
            .iter()
            .flat_map(|l| line::message("PRIVMSG", &delivery.room, l, relay))
            .collect();
        if lines.is_empty() {
            let _ = delivery.done.send(());
            return;
        }
        self.next_tag += 1;
        let tag = self.next_tag;
        let last = lines.pop().expect("not empty");
        let tagged = lines
            .into_iter()
            .map(|l| (l, None))
            .chain(std::iter::once((last, Some(tag))));
        // Outbox messages share one turn, apart from members' conversations.
        self.queue.push_tagged("\u{0}outbox", tagged);
        self.acks.insert(tag, delivery.done);
    }
}

async fn read_lines<R: AsyncRead + Unpin>(reader: R, events: mpsc::Sender<Event>) {
    let mut reader = BufReader::with_capacity(16 * 1024, reader);
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf).await {
            Ok(0) => {
                let _ = events
                    .send(Event::Closed(
                        "the server closed the connection".to_string(),
                    ))
                    .await;
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
                let _ = events.send(Event::Closed(format!("read: {e}"))).await;
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
    /// nick (folded) → account (`None`: known to be logged out).
    accounts: HashMap<String, Option<String>>,
    /// Messages waiting for their sender's account, with when the lookup started.
    pending: HashMap<String, (Instant, Vec<Incoming>)>,
    /// WHOIS replies being gathered: nick → account seen.
    whois: HashMap<String, Option<String>>,
    guard: Guard,
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

/// Messages from tasks spawned by the session (a finished re-index).
struct Deferred {
    key: String,
    lines: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
async fn drive<W: AsyncWrite + Unpin>(
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    deliveries: &mut mpsc::Receiver<Delivery>,
    shutdown: &mut watch::Receiver<bool>,
    conn: &mut Conn<W>,
    events: &mut mpsc::Receiver<Event>,
) -> Result<End, RegisterError> {
    let lost = |reason: String| {
        Ok(End::Lost {
            banned: is_ban(&reason),
            reason,
        })
    };
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
            _ = tokio::time::sleep_until(deadline) => return lost("no welcome from the server within 60 s".to_string()),
            _ = shutdown.changed() => return Ok(End::Shutdown),
        };
        let line = match event {
            Some(Event::Line(line)) => line,
            Some(Event::Closed(reason)) => return lost(reason),
            None => return lost("reader stopped".to_string()),
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
    bot.set_names(std::slice::from_ref(&nick));
    let (deferred_tx, mut deferred) = mpsc::channel::<Deferred>(16);
    let mut st = State {
        deferred: deferred_tx,
        relay: line::RELAY_PREFIX,
        nick,
        caps,
        whox,
        accounts: HashMap::new(),
        pending: HashMap::new(),
        whois: HashMap::new(),
        guard: Guard::new(s.repeat_window, s.channel_share),
        last_rx: Instant::now(),
        pinged: false,
    };
    if let Err(e) = join(conn, s).await {
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
                    None => return lost("reader stopped".to_string()),
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
            Some(delivery) = deliveries.recv() => {
                if delivery.expired(shared.clock.now_utc()) {
                    // Held while disconnected: its words may be out of date.
                    tracing::warn!(key = %delivery.key, "irc: held too long; handed back to the scheduler");
                } else {
                    conn.deliver(delivery, st.relay);
                }
            }
            _ = send_timer => {}
            _ = tick.tick() => {
                let now = Instant::now();
                let silent = now.duration_since(st.last_rx);
                if silent > s.ping_interval + Duration::from_secs(60) {
                    return lost(format!("ping timeout: nothing from the server for {}s", silent.as_secs()));
                }
                if silent > s.ping_interval && !st.pinged {
                    st.pinged = true;
                    if let Err(e) = conn.now(&format!("PING :crieur-{}", now.elapsed().as_nanos())).await {
                        return lost(e);
                    }
                }
                expire_pending(s, bot, shared, &mut st, conn).await;
                st.guard.sweep(now);
                if st.nick != s.identity.nicks[0] && last_regain.elapsed() > Duration::from_secs(60) {
                    last_regain = Instant::now();
                    regain(conn, s, &st).await.ok();
                }
            }
            _ = shutdown.changed() => {
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

async fn join<W: AsyncWrite + Unpin>(conn: &mut Conn<W>, s: &Settings) -> Result<(), String> {
    // Channels with keys first: JOIN #a,#b key_a
    let mut channels: Vec<&(String, Option<String>)> = s.channels.iter().collect();
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
) -> Result<(), String> {
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
) -> Result<Option<End>, String> {
    let from = msg.nick().map(irc_lower);
    let me = irc_lower(&st.nick);
    match msg.command.as_str() {
        "PING" => conn.now(&format!("PONG :{}", msg.trailing())).await?,
        "ERROR" => {
            let reason = msg.trailing().to_string();
            return Ok(Some(End::Lost {
                banned: is_ban(&reason),
                reason,
            }));
        }
        "465" | "466" => {
            return Ok(Some(End::Lost {
                reason: msg.trailing().to_string(),
                banned: true,
            }));
        }
        "005" if msg.params.iter().any(|p| p == "WHOX") => {
            st.whox = true;
        }
        "NICK" => {
            let new = msg.param(0).to_string();
            if from.as_deref() == Some(me.as_str()) {
                tracing::info!("irc: now known as {new}");
                st.nick = new.clone();
                bot.set_names(&[new]);
            } else if let Some(old) = from
                && let Some(account) = st.accounts.remove(&old)
            {
                st.accounts.insert(irc_lower(&new), account);
            }
        }
        "JOIN" => {
            if let Some(nick) = from {
                if nick == me {
                    tracing::info!("irc: joined {}", msg.param(0));
                    // Our own JOIN shows the prefix the server puts on our lines.
                    if let Some(prefix) = &msg.prefix {
                        st.relay = prefix.len() + 2;
                    }
                } else if st.has("extended-join") && msg.params.len() >= 2 {
                    st.accounts.insert(nick, account_value(msg.param(1)));
                }
            }
        }
        "ACCOUNT" => {
            if let Some(nick) = from {
                st.accounts.insert(nick, account_value(msg.param(0)));
            }
        }
        "QUIT" => {
            if let Some(nick) = from {
                st.accounts.remove(&nick);
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
        // WHOX: 354 me token nick account
        "354" if msg.param(1) == "152" => {
            let nick = irc_lower(msg.param(2));
            resolved(&nick, account_value(msg.param(3)), s, bot, shared, st, conn).await?;
        }
        // WHOIS: 330 me nick account :is logged in as; 318 end.
        "330" => {
            st.whois
                .insert(irc_lower(msg.param(1)), Some(msg.param(2).to_string()));
        }
        "318" => {
            let nick = irc_lower(msg.param(1));
            let account = st.whois.remove(&nick).flatten();
            resolved(&nick, account, s, bot, shared, st, conn).await?;
        }
        "PRIVMSG" => privmsg(msg, s, bot, shared, st, conn).await?,
        _ => {}
    }
    Ok(None)
}

/// `*` and `0` mean "not logged in" in account-notify and extended-join.
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
) -> Result<(), String> {
    let Some(nick) = msg.nick() else {
        return Ok(());
    };
    let folded = irc_lower(nick);
    // Its own messages (echo-message) and other bots (IRCv3 bot tag) are never answered.
    if folded == irc_lower(&st.nick)
        || msg.tags.contains_key("bot")
        || msg.tags.contains_key("draft/bot")
    {
        return Ok(());
    }
    let target = msg.param(0);
    let text = msg.trailing();
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
    let account = if st.has("account-tag") {
        Some(msg.tags.get("account").and_then(|a| account_value(a)))
    } else {
        st.accounts.get(&folded).cloned()
    };
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
            account: account.clone().flatten(),
            room_organiser: false,
        },
        text: text.to_string(),
    };
    if bot.question(&incoming).is_none() {
        return Ok(());
    }
    if account.is_none() && bot.needs_account(&incoming) {
        // Who is this? Ask the server before deciding.
        let entry = st
            .pending
            .entry(folded.clone())
            .or_insert_with(|| (Instant::now(), Vec::new()));
        entry.1.push(incoming);
        if entry.1.len() == 1 {
            let ask = if st.whox {
                format!("WHO {nick} %tna,152")
            } else {
                format!("WHOIS {nick}")
            };
            conn.now(&ask).await?;
        }
        return Ok(());
    }
    answer(incoming, bot, shared, st, conn);
    Ok(())
}

async fn resolved<W: AsyncWrite + Unpin>(
    nick: &str,
    account: Option<String>,
    _s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) -> Result<(), String> {
    st.accounts.insert(nick.to_string(), account.clone());
    if let Some((_, waiting)) = st.pending.remove(nick) {
        for mut incoming in waiting {
            incoming.sender.account = account.clone();
            answer(incoming, bot, shared, st, conn);
        }
    }
    Ok(())
}

/// Lookups that got no answer in time: the sender is taken as logged out.
async fn expire_pending<W: AsyncWrite + Unpin>(
    s: &Settings,
    bot: &mut Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) {
    let stale: Vec<String> = st
        .pending
        .iter()
        .filter(|(_, (since, _))| since.elapsed() > Duration::from_secs(15))
        .map(|(n, _)| n.clone())
        .collect();
    for nick in stale {
        let _ = resolved(&nick, None, s, bot, shared, st, conn).await;
    }
}

/// Answers a message, minding the member's share of the room.
fn answer<W: AsyncWrite + Unpin>(
    incoming: Incoming,
    bot: &Bot,
    shared: &Arc<Shared>,
    st: &mut State,
    conn: &mut Conn<W>,
) {
    let Some(question) = bot.question(&incoming) else {
        return;
    };
    let key = irc_lower(&incoming.sender.name);
    let mut incoming = incoming;
    // Organiser commands are rare and must always get their answer (or their refusal).
    let admit = if bot.needs_account(&incoming) {
        Admit::Here
    } else {
        st.guard
            .admit(&key, &question, incoming.room.direct, Instant::now())
    };
    match admit {
        Admit::Here => {}
        Admit::Privately => {
            incoming.room = Room {
                id: incoming.sender.name.clone(),
                direct: true,
            };
        }
        Admit::Repeat { first } => {
            if first {
                let lang = shared.language;
                let reply =
                    Reply::new(lang).line(Line::default().text(crate::bot::repeat_note(lang)));
                let to = (!incoming.room.direct).then(|| incoming.sender.name.clone());
                conn.queue
                    .push(&key, lines(&incoming.room, to.as_deref(), &reply, st.relay));
            }
            return;
        }
    }
    let answerer = shared.answerer();
    for action in bot.handle(&incoming, &answerer, shared.clock.now()) {
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
                            network: "irc".to_string(),
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

/// Whether a refusal or disconnection reason says the network banned us.
fn is_ban(reason: &str) -> bool {
    let r = reason.to_ascii_lowercase();
    [
        "k-lined", "g-lined", "z-lined", "d-lined", "banned", "kline", "gline", "zline", "akill",
    ]
    .iter()
    .any(|k| r.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Language;

    #[test]
    fn recognises_bans() {
        assert!(is_ban("Closing Link: crieur (K-Lined: spam)"));
        assert!(is_ban("You are banned from this server"));
        assert!(!is_ban("Ping timeout: 240 seconds"));
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
            vec!["PRIVMSG #c :bob: one", "PRIVMSG #c :two"]
        );
    }
}
