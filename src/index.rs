//! Indexing: reads each site, extracts every post and makes the store match. A site whose
//! folder is missing is reported and left as it was in the store, so that an unmounted
//! disk does not erase a community's events.

use crate::extract::{self, Extraction, help};
use crate::ingest::{self, IngestError, SiteSpec};
use crate::post::{Post, PostKind};
use crate::store::{Store, StoreError, StoredPost, SyncSummary};
use std::path::PathBuf;

/// What indexing one site did.
#[derive(Debug)]
pub struct SiteReport {
    pub root: PathBuf,
    pub posts: usize,
    pub pages: usize,
    pub events: usize,
    pub deadlines: usize,
    pub problems: Vec<IngestError>,
    pub summary: SyncSummary,
    /// The site could not be read at all; the store kept what it had.
    pub skipped: bool,
}

/// The key a site's posts are stored under: its folder made absolute without touching the
/// disk, so that a folder that is missing for a while keeps the same key.
pub fn site_key(spec: &SiteSpec) -> String {
    let absolute = std::path::absolute(&spec.root).unwrap_or_else(|_| spec.root.clone());
    let mut clean = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean.display().to_string()
}

/// Extracts what a post announces; pages announce nothing, help pages say where to get help.
pub fn extract_post(post: &Post) -> Extraction {
    extract_with(post, &[])
}

/// Like `extract_post`, with the site's configured help pages.
pub fn extract_with(post: &Post, help_pages: &[String]) -> Extraction {
    if post.kind != PostKind::Page {
        return extract::extract(post);
    }
    let lang = extract::Language::from_code(post.lang.as_deref().unwrap_or(""));
    let is_help = help_pages.iter().any(|p| p == &post.file)
        || (help_pages.is_empty() && help::is_help_page(&post.file, post.uid.as_deref()));
    let mut entries = if is_help {
        help::entries(&post.doc.blocks, lang)
    } else {
        Vec::new()
    };
    // A contact page that only has a form ("We'd love to hear from you"): the page is the
    // way to get in touch.
    if is_help
        && !entries.iter().any(|e| e.topic == help::Topic::Other)
        && help::is_contact_page(&post.file, post.uid.as_deref())
        && let Some(url) = &post.url
    {
        entries.push(help::HelpEntry {
            topic: help::Topic::Other,
            lang,
            text: post.title.clone(),
            address: None,
            link: Some(url.clone()),
        });
    }
    Extraction {
        lang,
        events: Vec::new(),
        deadlines: Vec::new(),
        registration_url: None,
        price: None,
        venue: None,
        help: entries,
    }
}

/// Reads and extracts every site, then brings the store in line with them.
pub fn index_sites(store: &Store, sites: &[SiteSpec]) -> Result<Vec<SiteReport>, StoreError> {
    let mut reports = Vec::with_capacity(sites.len());
    for (i, spec) in sites.iter().enumerate() {
        reports.push(index_site(store, spec, i)?);
    }
    store.retain_sites(&sites.iter().map(site_key).collect::<Vec<_>>())?;
    Ok(reports)
}

/// Reads and extracts one site (the `index`th of the config), and brings its posts in the
/// store in line with it.
pub fn index_site(store: &Store, spec: &SiteSpec, index: usize) -> Result<SiteReport, StoreError> {
    let reading = ingest::read_site(spec, index);
    store.set_site_title(&site_key(spec), reading.title.as_deref())?;
    let skipped = reading.problems.iter().any(IngestError::is_fatal);
    let stored: Vec<StoredPost> = reading
        .posts
        .into_iter()
        .map(|post| {
            let extraction = extract_with(&post, &spec.help_pages);
            StoredPost { post, extraction }
        })
        .collect();
    let mut report = SiteReport {
        root: spec.root.clone(),
        posts: stored
            .iter()
            .filter(|s| s.post.kind != PostKind::Page)
            .count(),
        pages: stored
            .iter()
            .filter(|s| s.post.kind == PostKind::Page)
            .count(),
        events: stored.iter().map(|s| s.extraction.events.len()).sum(),
        deadlines: stored.iter().map(|s| s.extraction.deadlines.len()).sum(),
        problems: reading.problems,
        summary: SyncSummary::default(),
        skipped,
    };
    if !skipped {
        report.summary = store.sync_site(&site_key(spec), stored)?;
    }
    Ok(report)
}

/// The answering core over what the store holds.
/// The language most stored posts are written in, if any is French, English or Spanish:
/// the language of a site run without a config.
pub fn main_language(store: &Store) -> Result<Option<extract::Language>, StoreError> {
    let mut counts = [0usize; 3];
    let spoken = [
        extract::Language::Fr,
        extract::Language::En,
        extract::Language::Es,
    ];
    for post in store.posts() {
        let lang = post?.extraction.lang;
        if let Some(k) = spoken.iter().position(|l| *l == lang) {
            counts[k] += 1;
        }
    }
    let best = (0..3).max_by_key(|&k| (counts[k], std::cmp::Reverse(k)));
    Ok(best.filter(|&k| counts[k] > 0).map(|k| spoken[k]))
}

pub fn answerer(store: &Store) -> Result<crate::answer::Answerer, StoreError> {
    let posts: Vec<StoredPost> = store.posts().collect::<Result<_, _>>()?;
    let mut catalog = crate::answer::catalog::Catalog::build(&posts, &store.admin_help()?);
    catalog.names = store.site_titles()?;
    Ok(crate::answer::Answerer::new(catalog))
}
