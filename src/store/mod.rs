//! The embedded store, and the only code that names sled. Typed trees: posts (with what
//! was extracted from them), events by start date, deadlines by date and help entries,
//! which can all be rebuilt from the sites (a store from another schema has them cleared
//! and re-indexed); and the outbox and announcements (`outbox`), which cannot and are
//! never cleared.

pub mod outbox;
pub mod seen;

use crate::extract::help::HelpEntry;
use crate::extract::{Deadline, Event, Extraction};
use crate::post::Post;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use std::path::{Path, PathBuf};

/// Bumped when the stored shapes change; older stores are rebuilt from the sites.
const SCHEMA_VERSION: u32 = 1;

/// A post with its extraction, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPost {
    pub post: Post,
    pub extraction: Extraction,
}

/// Which post, and which of its events or deadlines, an index entry points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ref {
    pub post: Vec<u8>,
    pub index: usize,
}

/// What a re-index changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncSummary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot open the store: {cause}; is another crieur running with this data folder?", path.display())]
    Open { path: PathBuf, cause: sled::Error },
    #[error("store: {0}")]
    Sled(#[from] sled::Error),
    #[error("store: corrupt record: {0}")]
    Corrupt(#[from] serde_json::Error),
}

pub struct Store {
    db: sled::Db,
    meta: sled::Tree,
    /// Messages due to go out, and what became of them: not rebuildable, never cleared.
    outbox: sled::Tree,
    /// Announcements organisers scheduled: not rebuildable, never cleared.
    announcements: sled::Tree,
    /// What each site said of its gatherings when last read: not rebuildable.
    seen: sled::Tree,
    help: sled::Tree,
    posts: sled::Tree,
    events: sled::Tree,
    deadlines: sled::Tree,
}

impl Store {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        // sled releases its file lock from a background thread when a database is
        // dropped: a store closed a moment ago (a restart in the same process, a command
        // run just after another) may still be locked. Wait for it, briefly.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
        let db = loop {
            match sled::Config::new()
                .path(dir)
                .cache_capacity(64 * 1024 * 1024)
                .open()
            {
                Ok(db) => break db,
                Err(sled::Error::Io(e))
                    if e.kind() == std::io::ErrorKind::Other
                        && e.to_string().contains("could not acquire lock")
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(cause) => {
                    return Err(StoreError::Open {
                        path: dir.to_path_buf(),
                        cause,
                    });
                }
            }
        };
        Store::from_db(db)
    }

    /// A store that lives in memory and disappears with the process.
    pub fn temporary() -> Result<Store, StoreError> {
        Store::from_db(
            sled::Config::new()
                .temporary(true)
                .cache_capacity(64 * 1024 * 1024)
                .open()?,
        )
    }

    fn from_db(db: sled::Db) -> Result<Store, StoreError> {
        let store = Store {
            meta: db.open_tree("meta")?,
            outbox: db.open_tree("outbox")?,
            announcements: db.open_tree("announcements")?,
            seen: db.open_tree("seen")?,
            help: db.open_tree("help")?,
            posts: db.open_tree("posts")?,
            events: db.open_tree("events")?,
            deadlines: db.open_tree("deadlines")?,
            db,
        };
        let version = store
            .meta
            .get("schema")?
            .map(|v| u32::from_be_bytes(v.as_ref().try_into().unwrap_or([0; 4])));
        if version != Some(SCHEMA_VERSION) {
            for tree in [&store.posts, &store.events, &store.deadlines, &store.help] {
                tree.clear()?;
            }
            store.meta.insert("schema", &SCHEMA_VERSION.to_be_bytes())?;
            store.db.flush()?;
        }
        Ok(store)
    }

    /// Makes the posts of one site exactly `posts`: adds new ones, rewrites changed ones,
    /// removes the ones that are gone, with their events and deadlines. Idempotent.
    pub fn sync_site(&self, site: &str, posts: Vec<StoredPost>) -> Result<SyncSummary, StoreError> {
        let prefix = site_prefix(site);
        let mut summary = SyncSummary::default();
        let mut keep = std::collections::HashSet::with_capacity(posts.len());
        for stored in posts {
            let key = post_key(&prefix, &stored.post.file);
            let value = serde_json::to_vec(&stored)?;
            keep.insert(key.clone());
            let old = self.posts.get(&key)?;
            if old.as_deref() == Some(value.as_slice()) {
                summary.unchanged += 1;
                continue;
            }
            let old: Option<StoredPost> = old.map(|v| serde_json::from_slice(&v)).transpose()?;
            if old.is_some() {
                summary.updated += 1;
            } else {
                summary.added += 1;
            }
            self.write(&key, old.as_ref(), Some((&stored, &value)))?;
        }
        let gone: Vec<(Vec<u8>, StoredPost)> = self
            .posts
            .scan_prefix(&prefix)
            .filter_map(Result::ok)
            .filter(|(k, _)| !keep.contains(k.as_ref()))
            .map(|(k, v)| Ok((k.to_vec(), serde_json::from_slice(&v)?)))
            .collect::<Result<_, StoreError>>()?;
        for (key, old) in gone {
            self.write(&key, Some(&old), None)?;
            summary.removed += 1;
        }
        self.db.flush()?;
        Ok(summary)
    }

    /// Replaces one post and its index entries atomically.
    fn write(
        &self,
        key: &[u8],
        old: Option<&StoredPost>,
        new: Option<(&StoredPost, &[u8])>,
    ) -> Result<(), StoreError> {
        let old_events = old
            .map(|o| index_keys(key, &o.extraction.events, |e| e.start))
            .unwrap_or_default();
        let old_deadlines = old
            .map(|o| index_keys(key, &o.extraction.deadlines, |d| d.date))
            .unwrap_or_default();
        let new_events = new
            .map(|(n, _)| index_keys(key, &n.extraction.events, |e: &Event| e.start))
            .unwrap_or_default();
        let new_deadlines = new
            .map(|(n, _)| index_keys(key, &n.extraction.deadlines, |d: &Deadline| d.date))
            .unwrap_or_default();
        let refs = |keys: &[(Vec<u8>, usize)]| -> Result<Vec<Entry>, serde_json::Error> {
            keys.iter()
                .map(|(k, index)| {
                    let r = Ref {
                        post: key.to_vec(),
                        index: *index,
                    };
                    Ok((k.clone(), serde_json::to_vec(&r)?))
                })
                .collect()
        };
        let (event_refs, deadline_refs) = (refs(&new_events)?, refs(&new_deadlines)?);
        (&self.posts, &self.events, &self.deadlines)
            .transaction(|(posts, events, deadlines)| {
                for (k, _) in &old_events {
                    events.remove(k.as_slice())?;
                }
                for (k, _) in &old_deadlines {
                    deadlines.remove(k.as_slice())?;
                }
                match new {
                    Some((_, value)) => {
                        posts.insert(key, value)?;
                    }
                    None => {
                        posts.remove(key)?;
                    }
                }
                for (k, v) in &event_refs {
                    events.insert(k.as_slice(), v.as_slice())?;
                }
                for (k, v) in &deadline_refs {
                    deadlines.insert(k.as_slice(), v.as_slice())?;
                }
                Ok(())
            })
            .map_err(|e: sled::transaction::TransactionError<()>| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
                sled::transaction::TransactionError::Abort(()) => {
                    unreachable!("the transaction never aborts")
                }
            })
    }

    /// Removes the posts of every site not in `sites` (a site dropped from the config).
    pub fn retain_sites(&self, sites: &[String]) -> Result<usize, StoreError> {
        let prefixes: Vec<Vec<u8>> = sites.iter().map(|s| site_prefix(s)).collect();
        let stale: Vec<(Vec<u8>, StoredPost)> = self
            .posts
            .iter()
            .filter_map(Result::ok)
            .filter(|(k, _)| !prefixes.iter().any(|p| k.starts_with(p)))
            .map(|(k, v)| Ok((k.to_vec(), serde_json::from_slice(&v)?)))
            .collect::<Result<_, StoreError>>()?;
        for (key, old) in &stale {
            self.write(key, Some(old), None)?;
        }
        for key in self.meta.scan_prefix("title/").keys() {
            let key = key?;
            if !sites
                .iter()
                .any(|s| key[b"title/".len()..] == *s.as_bytes())
            {
                self.meta.remove(key)?;
            }
        }
        self.db.flush()?;
        Ok(stale.len())
    }

    /// Keeps the title of site `site` as its config gives it (none: forgets it).
    pub fn set_site_title(&self, site: &str, title: Option<&str>) -> Result<(), StoreError> {
        let key = format!("title/{site}");
        match title {
            Some(t) if self.meta.get(&key)?.as_deref() != Some(t.as_bytes()) => {
                self.meta.insert(key, t.as_bytes())?;
            }
            None if self.meta.contains_key(&key)? => {
                self.meta.remove(key)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// The titles of the sites, as their configs give them.
    pub fn site_titles(&self) -> Result<Vec<String>, StoreError> {
        self.meta
            .scan_prefix("title/")
            .values()
            .map(|v| Ok(String::from_utf8_lossy(&v?).into_owned()))
            .collect()
    }

    /// Replaces the help entries the admin wrote in the config.
    pub fn set_admin_help(&self, entries: &[HelpEntry]) -> Result<(), StoreError> {
        let value = serde_json::to_vec(entries)?;
        if self.help.get("admin")?.as_deref() != Some(value.as_slice()) {
            self.help.insert("admin", value)?;
            self.db.flush()?;
        }
        Ok(())
    }

    pub fn admin_help(&self) -> Result<Vec<HelpEntry>, StoreError> {
        Ok(match self.help.get("admin")? {
            Some(v) => serde_json::from_slice(&v)?,
            None => Vec::new(),
        })
    }

    /// Every stored post, in key order (site, then file).
    pub fn posts(&self) -> impl Iterator<Item = Result<StoredPost, StoreError>> + '_ {
        self.posts
            .iter()
            .map(|item| Ok(serde_json::from_slice(&item?.1)?))
    }

    pub fn post_count(&self) -> usize {
        self.posts.len()
    }

    /// Events starting in `[from, to]`, in date order, with their posts.
    pub fn events_starting(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(StoredPost, usize)>, StoreError> {
        self.lookup(&self.events, from, to)
    }

    /// Deadlines in `[from, to]`, in date order, with their posts.
    pub fn deadlines_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(StoredPost, usize)>, StoreError> {
        self.lookup(&self.deadlines, from, to)
    }

    fn lookup(
        &self,
        tree: &sled::Tree,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(StoredPost, usize)>, StoreError> {
        let mut out = Vec::new();
        let end = day_key(to.succ_opt().unwrap_or(to));
        for item in tree.range(day_key(from).to_vec()..end.to_vec()) {
            let (_, v) = item?;
            let r: Ref = serde_json::from_slice(&v)?;
            if let Some(post) = self.posts.get(&r.post)? {
                out.push((serde_json::from_slice(&post)?, r.index));
            }
        }
        Ok(out)
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }
}

/// A key and its value, ready to insert.
type Entry = (Vec<u8>, Vec<u8>);

fn site_prefix(site: &str) -> Vec<u8> {
    let mut p = site.as_bytes().to_vec();
    p.push(0);
    p
}

fn post_key(prefix: &[u8], file: &str) -> Vec<u8> {
    let mut k = prefix.to_vec();
    k.extend_from_slice(file.as_bytes());
    k
}

/// Days since the epoch, big-endian with the sign bit flipped, so byte order is date order.
fn day_key(date: NaiveDate) -> [u8; 4] {
    let days = (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch")).num_days() as i32;
    ((days as u32) ^ 0x8000_0000).to_be_bytes()
}

fn index_keys<T>(
    post: &[u8],
    items: &[T],
    date: impl Fn(&T) -> NaiveDate,
) -> Vec<(Vec<u8>, usize)> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut k = day_key(date(item)).to_vec();
            k.extend_from_slice(post);
            k.push(0);
            k.extend_from_slice(&(i as u32).to_be_bytes());
            (k, i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_keys_sort_like_dates() {
        let a = day_key(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap());
        let b = day_key(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap());
        let c = day_key(NaiveDate::from_ymd_opt(2026, 6, 10).unwrap());
        assert!(a < b && b < c);
    }
}
