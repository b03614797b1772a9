//! `crieur run`: wiring for a long-running bot. Reads the config (every secret resolved
//! before anything connects), indexes the sites, builds the answering core, starts each
//! configured network, re-indexes on an organiser's request, and stops cleanly on SIGINT
//! or SIGTERM. The store stays owned by one task; networks share the answerer.

use crate::answer::reply::{Line, Reply};
use crate::bot::{Bot, Guard};
use crate::chat::Network;
use crate::clock::Clock;
use crate::config::{Config, KnownRoom};
use crate::extract::Language;
use crate::index;
use crate::schedule::runner::{Networks, Scheduler};
pub use crate::shared::{Core, CoreRequest, Shared};
use crate::source::Source;
use crate::store::Store;
use crate::transport::{http, irc, matrix};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Notify;
use tokio::sync::{mpsc, oneshot, watch};

mod follow;
mod organiser;
mod settings;

use crate::store::outbox::Announcement;

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
        .map(|c| settings::irc(c, &config.origin))
        .transpose()?;
    let data_dir = source
        .data_dir
        .clone()
        .unwrap_or_else(|| config.origin.join(&config.data_dir));
    let matrix_settings = config
        .matrix
        .as_ref()
        .map(|c| settings::matrix(c, &config.origin, &data_dir, source.language))
        .transpose()?;
    if irc_settings.is_none() && matrix_settings.is_none() && config.http.is_none() {
        anyhow::bail!(
            "{}: nothing to serve; add an [irc], a [matrix] or an [http] table",
            config.origin.join("crieur.toml").display()
        );
    }
    // The HTTP address is taken before anything else: a port in use stops crieur at once.
    let listener = match &config.http {
        Some(h) => Some(
            tokio::net::TcpListener::bind(&h.listen)
                .await
                .map_err(|e| anyhow::anyhow!("http.listen: cannot listen on {}: {e}", h.listen))?,
        ),
        None => None,
    };
    let zone = source.timezone;
    // Indexing reads the sites and writes the store: on the blocking pool.
    let (store, answerer, reports) = tokio::task::spawn_blocking({
        let (source, config) = (source.clone(), config.clone());
        move || -> anyhow::Result<_> {
            let (store, reports) = source.open_and_index()?;
            for r in &reports {
                for p in &r.problems {
                    tracing::warn!(site = %r.root.display(), "{p}");
                }
                tracing::info!(site = %r.root.display(), posts = r.posts, events = r.events, "indexed");
            }
            add_config_announcements(&config, &store, zone)?;
            let answerer = index::answerer(&store)?;
            Ok((store, answerer, reports))
        }
    })
    .await??;
    let store = Arc::new(store);
    let (core, requests) = Core::new();
    let shared = Arc::new(Shared::new(answerer, clock, source.language, core));
    for (network, on) in [
        (Network::Irc, irc_settings.is_some()),
        (Network::Matrix, matrix_settings.is_some()),
    ] {
        if on {
            shared.status.expect(network);
        }
    }
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let wake = Arc::new(Notify::new());
    let mut networks = tokio::task::JoinSet::new();
    let mut deliveries: Networks = HashMap::new();
    // Rooms reminders, announcements and news go to.
    let targets = config.targets();
    if let (Some(settings), Some(cfg)) = (irc_settings, &config.irc) {
        let mut bot = Bot::new(
            std::slice::from_ref(&cfg.nick),
            &cfg.command_prefix,
            &cfg.organisers,
            source.language,
        )
        .with_guard(Guard::new(
            std::time::Duration::from_secs(cfg.repeat_window_secs),
            cfg.channel_share,
        ))
        .with_status(shared.status.clone(), Network::Irc);
        for c in &cfg.channels {
            let lang = c
                .language
                .as_deref()
                .map_or(source.language, Language::from_code);
            bot = bot.with_room_language(&c.name, lang);
        }
        let (tx, rx) = mpsc::channel(256);
        deliveries.insert(Network::Irc, tx);
        networks.spawn(irc::run(
            settings,
            bot,
            shared.clone(),
            rx,
            shutdown_rx.clone(),
        ));
    }
    if let Some(settings) = matrix_settings {
        let (tx, rx) = mpsc::channel(256);
        deliveries.insert(Network::Matrix, tx);
        networks.spawn(matrix::run(
            settings,
            shared.clone(),
            rx,
            shutdown_rx.clone(),
        ));
    }
    let follower = Arc::new(follow::Follower {
        source: source.clone(),
        store: store.clone(),
        shared: shared.clone(),
        targets: targets.clone(),
        announce: config.announce.clone(),
        wake: wake.clone(),
        busy: std::sync::Mutex::new(()),
    });
    // What the sites say now is recorded (and what changed while crieur was away told)
    // before anything else is read.
    tokio::task::spawn_blocking({
        let follower = follower.clone();
        move || follower.after_reading(&reports, None)
    })
    .await??;
    // The rooms an organiser can name in `!announce`, on either network.
    let rooms = config.rooms();
    let core_task = tokio::spawn(serve_core(follower.clone(), rooms, requests, wake.clone()));
    if let Some(listener) = listener {
        tracing::info!(address = %listener.local_addr()?, "http: listening");
        let web = Arc::new(http::Web {
            shared: shared.clone(),
            store: store.clone(),
            settings: config.reminder_settings(zone),
            targets: targets.clone(),
            zones: source.sites.iter().map(|s| s.timezone).collect(),
            language: source.language,
            calendars: std::sync::Mutex::default(),
        });
        networks.spawn({
            let shutdown = shutdown_rx.clone();
            async move {
                http::serve(listener, web, shutdown)
                    .await
                    .map_err(|e| anyhow::anyhow!("http: {e}"))
            }
        });
    }
    let mut followers = tokio::task::JoinSet::new();
    for i in 0..source.sites.len() {
        followers.spawn(follow::follow(follower.clone(), i, shutdown_rx.clone()));
    }
    let scheduler = Scheduler {
        store: store.clone(),
        answerer: shared.live.clone(),
        clock,
        language: source.language,
        settings: config.reminder_settings(zone),
        targets,
        networks: deliveries,
        grace: chrono::Duration::minutes(config.reminders.grace_minutes),
        wake,
        looks: Arc::default(),
    };
    let scheduler_task = tokio::spawn(scheduler.run(shutdown_rx.clone()));

    let stop = stop_signal();
    tokio::pin!(stop);
    // Under systemd (Type=notify): ready once the sites are read, the HTTP address taken,
    // every network started (`/health` says when they are connected) and SIGTERM handled.
    let _ = sd_notify::notify(&[sd_notify::NotifyState::Ready]);
    let mut failed = false;
    loop {
        tokio::select! {
            _ = &mut stop => {
                tracing::info!("stopping");
                let _ = sd_notify::notify(&[sd_notify::NotifyState::Stopping]);
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
    // Every network has stopped: so does the scheduler.
    let _ = shutdown_tx.send(true);
    core_task.abort();
    followers.abort_all();
    let _ = scheduler_task.await;
    if failed {
        anyhow::bail!("stopped after an error (see the log above)");
    }
    Ok(())
}

/// Carries out organisers' requests: re-reads the sites (swapping in a new answering
/// core), schedules, lists and cancels announcements. Wakes the scheduler after changes.
async fn serve_core(
    follower: Arc<follow::Follower>,
    rooms: Vec<KnownRoom>,
    mut requests: mpsc::Receiver<(CoreRequest, oneshot::Sender<Reply>)>,
    wake: Arc<Notify>,
) {
    let rooms = Arc::new(rooms);
    while let Some((req, reply)) = requests.recv().await {
        let lang = req.lang;
        // Re-reading sites and writing to the store block: on the blocking pool.
        let result = tokio::task::spawn_blocking({
            let (follower, rooms) = (follower.clone(), rooms.clone());
            move || {
                organiser::handle(&req, &rooms, &follower.store, &follower.shared, || {
                    follower.reindex(None)
                })
            }
        })
        .await
        .unwrap_or_else(|e| Err(anyhow::anyhow!("the request stopped: {e}")));
        let answer = result.unwrap_or_else(|e| {
            tracing::error!("organiser request failed: {e:#}");
            Reply::new(lang).line(Line::default().text(format!("that failed: {e}")))
        });
        wake.notify_one();
        let _ = reply.send(answer);
    }
}

/// Writes the config's announcements into the store once (they are keyed by their text,
/// time and rooms, so restarting does not add them again, nor bring back one an organiser
/// cancelled), and cancels those an admin has since removed from the config
/// (announcements from the chat are left alone).
fn add_config_announcements(
    config: &Config,
    store: &Store,
    zone: chrono_tz::Tz,
) -> anyhow::Result<()> {
    let same = |a: &Announcement, b: &Announcement| {
        a.text == b.text && a.at == b.at && a.weekly == b.weekly && a.rooms == b.rooms
    };
    let wanted = config.announcements(zone);
    let existing = store.announcements()?;
    for mut e in existing.iter().cloned() {
        if e.author.is_none() && !e.cancelled && !wanted.iter().any(|w| same(w, &e)) {
            tracing::info!(id = e.id, text = %e.text, "announcement removed from the config");
            e.cancelled = true;
            store.update_announcement(&e)?;
        }
    }
    for a in wanted {
        if !existing.iter().any(|e| same(e, &a)) {
            store.add_announcement(a)?;
        }
    }
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM. The handlers are in place when this returns,
/// not when the future is first polled: a service manager may send SIGTERM as soon as it
/// hears that crieur is ready, and that must stop crieur cleanly, not kill it.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let term = signal(SignalKind::terminate());
        let int = signal(SignalKind::interrupt());
        async move {
            match (term, int) {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = int.recv() => {}
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(announcements: &str) -> Config {
        let text = format!(
            "[[site]]\npath = \".\"\n[irc]\nserver = \"irc.example.org\"\nnick = \"crieur\"\n[[irc.channel]]\nname = \"#c\"\n{announcements}"
        );
        Config::parse(&text, Path::new("crieur.toml")).expect("a valid config")
    }

    const WEEKLY: &str = "[[announcement]]\ntext = \"Call\"\nrooms = [\"#c\"]\nweekday = \"lundi\"\ntime = \"10:00\"\n";
    const ONCE: &str =
        "[[announcement]]\ntext = \"Sprint\"\nrooms = [\"#c\"]\nat = \"2026-03-29 09:00\"\n";

    fn pending(store: &Store) -> Vec<String> {
        let mut texts: Vec<String> = store
            .announcements()
            .unwrap()
            .into_iter()
            .filter(|a| !a.cancelled)
            .map(|a| a.text)
            .collect();
        texts.sort();
        texts
    }

    #[test]
    fn config_announcements_are_added_once_and_dropped_when_removed() {
        let store = Store::temporary().unwrap();
        let zone = chrono_tz::Europe::Paris;
        let both = config(&format!("{WEEKLY}{ONCE}"));
        add_config_announcements(&both, &store, zone).unwrap();
        add_config_announcements(&both, &store, zone).unwrap();
        assert_eq!(pending(&store), ["Call", "Sprint"]);
        let all = store.announcements().unwrap();
        assert_eq!(all.len(), 2, "a restart adds nothing");
        let sprint = all.iter().find(|a| a.text == "Sprint").unwrap();
        // 09:00 in Paris on the day summer time starts is 07:00 UTC.
        assert_eq!(sprint.at.to_rfc3339(), "2026-03-29T07:00:00+00:00");
        let call = all.iter().find(|a| a.text == "Call").unwrap();
        assert_eq!(
            call.weekly,
            Some((
                chrono::Weekday::Mon,
                chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap()
            ))
        );

        // An organiser's announcement survives config changes; a removed table is dropped.
        store
            .add_announcement(Announcement {
                author: Some((Network::Irc, "orga".into())),
                text: "From the chat".into(),
                ..call.clone()
            })
            .unwrap();
        add_config_announcements(&config(ONCE), &store, zone).unwrap();
        assert_eq!(pending(&store), ["From the chat", "Sprint"]);

        // One an organiser cancelled stays cancelled across restarts.
        let mut sprint = sprint.clone();
        sprint.cancelled = true;
        store.update_announcement(&sprint).unwrap();
        add_config_announcements(&config(ONCE), &store, zone).unwrap();
        assert_eq!(pending(&store), ["From the chat"]);
    }
}
