//! `crieur run`: wiring for a long-running bot. Reads the config (every secret resolved
//! before anything connects), indexes the sites, builds the answering core, starts each
//! configured network, re-indexes on an organiser's request, and stops cleanly on SIGINT
//! or SIGTERM. The store stays owned by one task; networks share the answerer.

use crate::answer::reply::{Line, Reply};
use crate::bot::{Bot, Guard, Request};
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
mod pid;
mod reload;
mod settings;

use pid::PidFile;
pub use pid::signal_reload;

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
        .map(|c| settings::irc(c, &config.origin, source.language))
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
    let (store, answerer, reports, unfetched) = tokio::task::spawn_blocking({
        let (source, config) = (source.clone(), config.clone());
        move || -> anyhow::Result<_> {
            let (store, reports, unfetched) = source.open_and_index()?;
            follow::log_reports(&reports, "indexed");
            add_config_announcements(&config, &store, zone)?;
            let answerer = index::answerer(&store)?;
            Ok((store, answerer, reports, unfetched))
        }
    })
    .await??;
    let store = Arc::new(store);
    // `crieur reload` finds this crieur by its pid, beside the store it holds.
    let pid_file = PidFile::write(&data_dir);
    let (core, requests) = Core::new();
    let shared = Arc::new(Shared::new(answerer, clock, source.language, core));
    shared.status.sites(&source.roots());
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
    let (rules_tx, rules) = watch::channel(config.rules(zone));
    let mut irc_roster = None;
    if let (Some((settings, roster)), Some(cfg)) = (irc_settings, &config.irc) {
        let bot = Bot::new(
            std::slice::from_ref(&cfg.nick),
            &cfg.command_prefix,
            source.language,
        )
        .with_guard(Guard::new(
            std::time::Duration::from_secs(cfg.repeat_window_secs),
            cfg.channel_share,
        ))
        .with_status(shared.status.clone(), Network::Irc);
        let (tx, rx) = mpsc::channel(256);
        deliveries.insert(Network::Irc, tx);
        let (roster_tx, roster) = watch::channel(roster);
        irc_roster = Some(roster_tx);
        networks.spawn(irc::run(
            settings,
            bot,
            shared.clone(),
            rx,
            roster,
            shutdown_rx.clone(),
        ));
    }
    let mut matrix_roster = None;
    if let Some((settings, roster)) = matrix_settings {
        let (tx, rx) = mpsc::channel(256);
        deliveries.insert(Network::Matrix, tx);
        let (roster_tx, roster) = watch::channel(roster);
        matrix_roster = Some(roster_tx);
        networks.spawn(matrix::run(
            settings,
            shared.clone(),
            rx,
            roster,
            shutdown_rx.clone(),
        ));
    }
    let follower = Arc::new(follow::Follower::new(
        follow::Following {
            source: source.clone(),
            targets: config.targets(),
            announce: config.announce.clone(),
        },
        store.clone(),
        shared.clone(),
        wake.clone(),
    ));
    // What the sites say now is recorded (and what changed while crieur was away told)
    // before anything else is read.
    tokio::task::spawn_blocking({
        let follower = follower.clone();
        move || follower.after_reading(&reports, None)
    })
    .await??;
    follower.record_unfetched(unfetched);
    let web = listener.as_ref().map(|_| {
        Arc::new(http::Web {
            shared: shared.clone(),
            store: store.clone(),
            rules: rules.clone(),
            zones: std::sync::RwLock::new(source.zones()),
            language: source.language,
            calendars: std::sync::Mutex::default(),
        })
    });
    if let (Some(listener), Some(web)) = (listener, web.clone()) {
        tracing::info!(address = %listener.local_addr()?, "http: listening");
        networks.spawn({
            let shutdown = shutdown_rx.clone();
            async move {
                http::serve(listener, web, shutdown)
                    .await
                    .map_err(|e| anyhow::anyhow!("http: {e}"))
            }
        });
    }
    // The rooms an organiser can name in `!announce`, on either network.
    let rooms = Arc::new(std::sync::RwLock::new(config.rooms()));
    let reloader = Arc::new(tokio::sync::Mutex::new(reload::Reloader {
        source: source.clone(),
        data_dir,
        irc: irc_roster,
        matrix: matrix_roster,
        rules: rules_tx,
        rooms: rooms.clone(),
        follower: follower.clone(),
        web,
        followers: tokio::task::JoinSet::new(),
        shutdown: shutdown_rx.clone(),
    }));
    reloader.lock().await.follow_sites();
    let core_task = tokio::spawn(serve_core(
        follower.clone(),
        rooms,
        reloader.clone(),
        requests,
        wake.clone(),
    ));
    let scheduler = Scheduler {
        store: store.clone(),
        answerer: shared.live.clone(),
        clock,
        language: source.language,
        rules,
        networks: deliveries,
        wake,
        looks: Arc::default(),
    };
    let scheduler_task = tokio::spawn(scheduler.run(shutdown_rx.clone()));

    let stop = stop_signal();
    tokio::pin!(stop);
    let mut hangup = hangup_signal();
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
            Some(()) = hangup.recv() => {
                tracing::info!("SIGHUP: re-reading the config");
                let mut reloading = vec![sd_notify::NotifyState::Reloading];
                reloading.extend(sd_notify::NotifyState::monotonic_usec_now().ok());
                let _ = sd_notify::notify(&reloading);
                let result = reloader.lock().await.reload().await;
                log_reload(&result);
                let _ = sd_notify::notify(&[sd_notify::NotifyState::Ready]);
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
    reloader.lock().await.followers.abort_all();
    let _ = scheduler_task.await;
    drop(pid_file);
    if failed {
        anyhow::bail!("stopped after an error (see the log above)");
    }
    Ok(())
}

/// Tells the log what a reload did, or why the config was refused.
fn log_reload(result: &anyhow::Result<reload::Reloaded>) {
    let told = reload::told(result, Language::En).plain_text();
    match result {
        Ok(done) if !done.restart.is_empty() => tracing::warn!("{told}"),
        Ok(_) => tracing::info!("{told}"),
        Err(_) => tracing::error!("{told}"),
    }
}

/// Carries out organisers' requests: re-reads the sites (swapping in a new answering
/// core) or the config, schedules, lists and cancels announcements. Wakes the scheduler
/// after changes.
async fn serve_core(
    follower: Arc<follow::Follower>,
    rooms: Arc<std::sync::RwLock<Vec<KnownRoom>>>,
    reloader: Arc<tokio::sync::Mutex<reload::Reloader>>,
    mut requests: mpsc::Receiver<(CoreRequest, oneshot::Sender<Reply>)>,
    wake: Arc<Notify>,
) {
    while let Some((req, reply)) = requests.recv().await {
        let lang = req.lang;
        if req.request == Request::Reload {
            tracing::info!(network = ?req.network, "!reload: re-reading the config");
            let result = reloader.lock().await.reload().await;
            log_reload(&result);
            let _ = reply.send(reload::told(&result, lang));
            continue;
        }
        // Re-reading sites and writing to the store block: on the blocking pool.
        let result = tokio::task::spawn_blocking({
            let (follower, rooms) = (follower.clone(), rooms.clone());
            move || {
                let rooms = rooms.read().unwrap_or_else(|e| e.into_inner()).clone();
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

/// SIGHUP, each time it comes: re-read the config. Never resolves where there is none.
fn hangup_signal() -> mpsc::Receiver<()> {
    let (tx, rx) = mpsc::channel(1);
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::hangup()) {
            Ok(mut hup) => {
                tokio::spawn(async move {
                    while hup.recv().await.is_some() {
                        // Several at once are one reload.
                        let _ = tx.try_send(());
                    }
                });
            }
            Err(e) => tracing::warn!("SIGHUP cannot be handled: {e}"),
        }
    }
    #[cfg(not(unix))]
    drop(tx);
    rx
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
