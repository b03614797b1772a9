//! Following the sites while crieur runs: a site from git is fetched every
//! `refresh_minutes`, a local folder is looked at every few seconds; a change is re-read
//! (as `!reindex` does: answers, reminders, catalog), and the gatherings that appeared or
//! changed are told once to every announce room, through the outbox.

use crate::answer::catalog::Gathering;
use crate::answer::reply::Limits;
use crate::config::{AnnounceConfig, GitSite};
use crate::index::{self, SiteReport};
use crate::schedule::Target;
use crate::schedule::news::{self, News, Seen};
use crate::schedule::runner;
use crate::shared::Shared;
use crate::source::git::{self, Fetched};
use crate::source::{Source, Unfetched};
use crate::store::Store;
use crate::store::outbox::{Edit, Key};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// How often a local folder is looked at, and how long it must stay quiet before it is
/// read (an editor or a `git pull` writing several files is read once, after).
const LOOK_EVERY: Duration = Duration::from_secs(2);
/// At most this many gatherings are told at once per site: a site reorganised, or posts
/// imported in bulk, must not flood the rooms. The rest is recorded without a word.
const MOST_NEWS: usize = 5;
/// The longest wait after failed fetches.
const MOST_BACKOFF: Duration = Duration::from_secs(3600);

pub struct Follower {
    /// The sites and where their news goes: the config's, replaced on a reload.
    pub following: RwLock<Arc<Following>>,
    pub store: Arc<Store>,
    pub shared: Arc<Shared>,
    pub wake: Arc<Notify>,
    /// One re-read at a time.
    pub busy: Mutex<()>,
}

/// What the config says of the sites and of their news.
pub struct Following {
    pub source: Source,
    pub targets: Vec<Target>,
    pub announce: AnnounceConfig,
}

impl Follower {
    pub fn new(
        following: Following,
        store: Arc<Store>,
        shared: Arc<Shared>,
        wake: Arc<Notify>,
    ) -> Follower {
        Follower {
            following: RwLock::new(Arc::new(following)),
            store,
            shared,
            wake,
            busy: Mutex::new(()),
        }
    }

    /// The sites and rooms as the config says now.
    pub fn now(&self) -> Arc<Following> {
        self.following
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A re-read config: its sites are followed, news goes to its rooms. Re-read the sites
    /// after (`reindex(None)`), so that the answers and the store follow.
    pub fn replace(&self, following: Following) {
        *self.following.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(following);
    }

    /// Re-reads the sites (`None`: all of them), swaps in the new answering core and tells
    /// the news of each site read. Blocking.
    pub fn reindex(&self, which: Option<usize>) -> anyhow::Result<Vec<SiteReport>> {
        let _one = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        let sites = &self.now().source.sites;
        let reports = match which {
            None => index::index_sites(&self.store, sites)?,
            // A site the config no longer has (a reload came first): nothing to read.
            Some(i) => match sites.get(i) {
                Some(spec) => vec![index::index_site(&self.store, spec, i)?],
                None => return Ok(Vec::new()),
            },
        };
        self.shared.replace(index::answerer(&self.store)?);
        self.after_reading(&reports, which)?;
        self.wake.notify_one();
        Ok(reports)
    }

    /// After a reading of the sites (all, or site `which`): tells the status which sites
    /// were read, and the news of each. A site that could not be read (a remote away) is
    /// neither recorded as empty nor compared: its reading comes later. Blocking.
    pub fn after_reading(
        &self,
        reports: &[SiteReport],
        which: Option<usize>,
    ) -> anyhow::Result<()> {
        let now = chrono::Utc::now();
        for (k, r) in reports.iter().enumerate() {
            let i = which.unwrap_or(k);
            if r.skipped {
                let why: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
                self.shared.status.site_unread(i, &why.join("; "));
                continue;
            }
            let root = r.root.display().to_string();
            self.shared
                .status
                .site_read(i, &root, r.posts, r.events, now);
            self.tell(i)?;
        }
        Ok(())
    }

    /// Why the sites of `unfetched` could not be fetched, in git's own words, for
    /// `/health`: recorded after their reading, which says only that a folder is missing.
    pub fn record_unfetched(&self, unfetched: Unfetched) {
        for (i, error) in unfetched {
            self.shared
                .status
                .site_fetched(i, Some(error), chrono::Utc::now());
        }
    }

    /// Compares what site `i` says now with the record, writes the news to the outbox and
    /// keeps the new record. The first reading of a site (or the first by another version
    /// of crieur, which reads posts differently) is recorded without a word. Blocking.
    fn tell(&self, i: usize) -> anyhow::Result<usize> {
        let following = self.now();
        let Some(spec) = following.source.sites.get(i) else {
            return Ok(0);
        };
        let site = index::site_key(spec);
        let answerer = self.shared.answerer();
        let gatherings: Vec<&Gathering> = answerer
            .catalog()
            .gatherings
            .iter()
            .filter(|g| g.site == i)
            .collect();
        let today = self.shared.clock.now().date();
        let reader = env!("CARGO_PKG_VERSION");
        let record = match self.store.seen::<BTreeMap<String, Seen>>(&site)? {
            Some((by, record)) if by == reader => record,
            earlier => {
                let before = earlier.map(|(_, r)| r).unwrap_or_default();
                let first = before.is_empty();
                let compared = news::compare(&before, &gatherings, today);
                self.store.set_seen(&site, reader, &compared.record)?;
                tracing::info!(site = %spec.root.display(), gatherings = gatherings.len(),
                    "{}", if first { "first reading of the site: its gatherings are recorded, none announced" }
                    else { "a new version of crieur read the site: its gatherings are recorded again, none announced" });
                return Ok(0);
            }
        };
        let compared = news::compare(&record, &gatherings, today);
        let now = self.shared.clock.now_utc();
        let mut told = 0;
        for piece in &compared.news {
            let wanted = match piece {
                News::New(_) => following.announce.new_gatherings,
                News::Changed { .. } => following.announce.changes,
            };
            if !wanted {
                continue;
            }
            if told == MOST_NEWS {
                tracing::warn!(site = %spec.root.display(), news = compared.news.len(),
                    "more news than crieur tells at once; the rest is recorded without a word");
                break;
            }
            let id = piece.id();
            for t in &following.targets {
                let reply = news::render(piece, t.lang);
                let key = Key::News {
                    id: id.clone(),
                    network: t.network,
                    room: t.room.clone(),
                };
                let mut entry = runner::entry(&key, t.network, &t.room, &reply, now, now);
                // Where messages can be edited, the announcement says what is true now.
                if let News::Changed {
                    gathering,
                    announced: Some(first),
                    ..
                } = piece
                {
                    let now_reads = news::render(&News::New(gathering), t.lang);
                    entry.edit = Some(Edit {
                        of: Key::News {
                            id: first.clone(),
                            network: t.network,
                            room: t.room.clone(),
                        },
                        lines: now_reads.plain(Limits::IRC),
                        html: now_reads.html(),
                    });
                }
                if self.store.enqueue(&entry)? {
                    tracing::info!(%key, text = %reply.plain(Limits::IRC).join(" "), "news of a gathering");
                }
            }
            told += 1;
        }
        // Written after the outbox: a crash in between finds the same news again, under
        // the same keys, and the outbox takes each once.
        self.store.set_seen(&site, reader, &compared.record)?;
        Ok(told)
    }
}

/// Logs a reading of the sites: each problem, then what each site holds (`what`: "indexed",
/// "re-read").
pub fn log_reports(reports: &[SiteReport], what: &str) {
    for r in reports {
        for p in &r.problems {
            tracing::warn!(site = %r.root.display(), "{p}");
        }
        tracing::info!(site = %r.root.display(), posts = r.posts, events = r.events,
            added = r.summary.added, updated = r.summary.updated, removed = r.summary.removed, "{what}");
    }
}

/// Follows site `i` until crieur stops (or a reload ends the task).
pub async fn follow(me: Arc<Follower>, i: usize, shutdown: watch::Receiver<bool>) {
    let repo = me.now().source.git.get(i).cloned().flatten();
    match repo {
        Some(repo) => follow_git(me, i, repo, shutdown).await,
        None => watch_folder(me, i, shutdown).await,
    }
}

async fn follow_git(
    me: Arc<Follower>,
    i: usize,
    repo: GitSite,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut failures: u32 = 0;
    loop {
        // After failures, wait twice as long each time (at most an hour, or the refresh).
        let wait = if failures == 0 {
            repo.refresh
        } else {
            (repo.refresh * 2u32.pow((failures - 1).min(16))).min(MOST_BACKOFF.max(repo.refresh))
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shutdown.changed() => return,
        }
        let fetched = tokio::task::spawn_blocking({
            let repo = repo.clone();
            move || git::update(&repo, false)
        })
        .await;
        match fetched {
            Ok(Ok(Fetched::Same(_))) => {
                me.shared.status.site_fetched(i, None, chrono::Utc::now());
                if failures > 0 {
                    tracing::info!(url = %repo.url, "git: the repository answers again");
                }
                failures = 0;
            }
            Ok(Ok(Fetched::New(commit))) => {
                failures = 0;
                me.shared.status.site_fetched(i, None, chrono::Utc::now());
                tracing::info!(url = %repo.url, %commit, "git: new commit; reading the site");
                reindex(&me, i).await;
            }
            Ok(Err(e)) => {
                failures += 1;
                me.shared
                    .status
                    .site_fetched(i, Some(e.to_string()), chrono::Utc::now());
                // Each failure is told once, then again at each doubling of the count.
                if failures.is_power_of_two() {
                    tracing::warn!(
                        failures,
                        "{e}; crieur answers from the last good reading and tries again later"
                    );
                }
            }
            Err(e) => tracing::error!("git: the fetch stopped: {e}"),
        }
    }
}

async fn watch_folder(me: Arc<Follower>, i: usize, mut shutdown: watch::Receiver<bool>) {
    let Some(spec) = me.now().source.sites.get(i).cloned() else {
        return;
    };
    let root = spec.root.clone();
    let look = move || {
        let spec = spec.clone();
        async move {
            tokio::task::spawn_blocking(move || crate::ingest::fingerprint(&spec))
                .await
                .unwrap_or(0)
        }
    };
    let mut read = look().await;
    let mut last = read;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(LOOK_EVERY) => {}
            _ = shutdown.changed() => return,
        }
        let now = look().await;
        // Changed, and quiet since the last look: read it.
        if now != read && now == last {
            tracing::info!(site = %root.display(), "the site's folder changed; reading it");
            reindex(&me, i).await;
            read = now;
        }
        last = now;
    }
}

async fn reindex(me: &Arc<Follower>, i: usize) {
    let done = tokio::task::spawn_blocking({
        let me = me.clone();
        move || me.reindex(Some(i))
    })
    .await;
    match done {
        Ok(Ok(reports)) => log_reports(&reports, "re-read"),
        Ok(Err(e)) => tracing::error!("re-reading the site failed: {e:#}"),
        Err(e) => tracing::error!("re-reading the site stopped: {e}"),
    }
}
