//! `crieur run`: wiring for a long-running bot. Reads the config (every secret resolved
//! before anything connects), indexes the sites, builds the answering core, starts each
//! configured network, re-indexes on an organiser's request, and stops cleanly on SIGINT
//! or SIGTERM. The store stays owned by one task; networks share the answerer.

use crate::answer::Answerer;
use crate::bot::Bot;
use crate::clock::Clock;
use crate::extract::Language;
use crate::index;
use crate::source::Source;
use crate::store::Store;
use crate::transport::irc;
use std::sync::{Arc, RwLock};
use tokio::sync::{mpsc, oneshot, watch};

/// What every network task shares.
pub struct Shared {
    answerer: RwLock<Arc<Answerer>>,
    pub clock: Clock,
    pub language: Language,
    pub reindexer: Reindexer,
}

impl Shared {
    pub fn new(
        answerer: Answerer,
        clock: Clock,
        language: Language,
        reindexer: Reindexer,
    ) -> Shared {
        Shared {
            answerer: RwLock::new(Arc::new(answerer)),
            clock,
            language,
            reindexer,
        }
    }

    /// The current answering core; a re-index swaps it without stopping anyone.
    pub fn answerer(&self) -> Arc<Answerer> {
        self.answerer
            .read()
            .expect("the answerer lock is never poisoned: no code panics while holding it")
            .clone()
    }

    fn replace(&self, answerer: Answerer) {
        *self
            .answerer
            .write()
            .expect("the answerer lock is never poisoned: no code panics while holding it") =
            Arc::new(answerer);
    }
}

/// Asks the task that owns the store to re-read the sites.
#[derive(Clone)]
pub struct Reindexer {
    tx: mpsc::Sender<(Language, oneshot::Sender<String>)>,
}

impl Reindexer {
    /// Re-reads the sites; returns what to tell the organiser.
    pub async fn reindex(&self, lang: Language) -> String {
        let (tx, rx) = oneshot::channel();
        if self.tx.send((lang, tx)).await.is_err() {
            return "re-index failed: crieur is stopping".to_string();
        }
        rx.await
            .unwrap_or_else(|_| "re-index failed: see the logs".to_string())
    }
}

/// Runs the bot until SIGINT or SIGTERM.
pub async fn run(source: Source, clock: Clock) -> anyhow::Result<()> {
    let config = source
        .config
        .clone()
        .ok_or_else(|| anyhow::anyhow!("crieur run needs a config file (--config FILE)"))?;
    // Every secret is read now: a missing password stops crieur before it connects.
    let irc_settings = config
        .irc
        .as_ref()
        .map(|c| irc::Settings::from_config(c, &config.origin))
        .transpose()?;
    if irc_settings.is_none() {
        anyhow::bail!(
            "{}: nothing to serve; add an [irc] table",
            config.origin.join("crieur.toml").display()
        );
    }
    let (store, reports) = source.open_and_index()?;
    for r in &reports {
        for p in &r.problems {
            tracing::warn!(site = %r.root.display(), "{p}");
        }
        tracing::info!(site = %r.root.display(), posts = r.posts, events = r.events, "indexed");
    }
    let answerer = index::answerer(&store)?;
    let (reindex_tx, reindex_rx) = mpsc::channel(4);
    let shared = Arc::new(Shared::new(
        answerer,
        clock,
        source.language,
        Reindexer { tx: reindex_tx },
    ));
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let core = tokio::spawn(serve_reindex(
        source.clone(),
        store,
        shared.clone(),
        reindex_rx,
    ));

    let mut networks = tokio::task::JoinSet::new();
    if let (Some(settings), Some(cfg)) = (irc_settings, &config.irc) {
        let mut bot = Bot::new(
            std::slice::from_ref(&cfg.nick),
            &cfg.command_prefix,
            &cfg.organisers,
            source.language,
        );
        for c in &cfg.channels {
            if let Some(lang) = &c.language {
                bot = bot.with_room_language(&c.name, Language::from_code(lang));
            }
        }
        networks.spawn(irc::run(settings, bot, shared.clone(), shutdown_rx.clone()));
    }

    let mut failed = false;
    let stop = stop_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => {
                tracing::info!("stopping");
                let _ = shutdown_tx.send(true);
                while let Some(done) = networks.join_next().await {
                    failed |= !matches!(done, Ok(Ok(())));
                }
                break;
            }
            done = networks.join_next() => match done {
                None => break,
                Some(Ok(Ok(()))) => {}
                Some(Ok(Err(e))) => {
                    tracing::error!("a network stopped: {e:#}");
                    failed = true;
                }
                Some(Err(e)) => {
                    tracing::error!("a network task failed: {e}");
                    failed = true;
                }
            },
        }
    }
    core.abort();
    if failed {
        anyhow::bail!("stopped after an error (see the log above)");
    }
    Ok(())
}

/// Re-reads the sites when asked, and swaps in a new answering core.
async fn serve_reindex(
    source: Source,
    store: Store,
    shared: Arc<Shared>,
    mut requests: mpsc::Receiver<(Language, oneshot::Sender<String>)>,
) {
    while let Some((lang, reply)) = requests.recv().await {
        let result = tokio::task::block_in_place(|| -> anyhow::Result<String> {
            let reports = index::index_sites(&store, &source.sites)?;
            shared.replace(index::answerer(&store)?);
            let (mut posts, mut events, mut changed) = (0, 0, 0);
            for r in &reports {
                posts += r.posts;
                events += r.events;
                changed += r.summary.added + r.summary.updated + r.summary.removed;
            }
            let problems: usize = reports.iter().map(|r| r.problems.len()).sum();
            Ok(match lang {
                Language::Fr => format!(
                    "Sites relus : {posts} billets, {events} événements, {changed} changements, {problems} problèmes."
                ),
                Language::Es => format!(
                    "Sitios releídos: {posts} artículos, {events} eventos, {changed} cambios, {problems} problemas."
                ),
                _ => format!(
                    "Sites re-read: {posts} posts, {events} events, {changed} changed, {problems} problems."
                ),
            })
        });
        let text = result.unwrap_or_else(|e| {
            tracing::error!("re-index failed: {e:#}");
            format!("re-index failed: {e}")
        });
        let _ = reply.send(text);
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn stop_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => return ctrl_c.await.unwrap_or(()),
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
