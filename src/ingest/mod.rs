//! Reading a site folder: finds the layout (Jekyll `_posts/`, `_drafts/`, pages; Hugo
//! `content/`), reads each file's front matter and body, and returns `Post`s with their
//! text structured, plus the problems met on the way. A broken file is reported and
//! skipped; the others are read. Knows nothing about events or chat.

pub mod depth;
pub mod front_matter;
pub mod liquid;
pub mod text;
pub mod urls;

use crate::post::{Post, PostKind};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};
use text::Markup;
use url::Url;
pub use urls::{SiteConfig, Urls};

/// One site to read, as the config or the command line describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteSpec {
    pub root: PathBuf,
    /// The address the site is published at; relative links are resolved against it.
    pub base_url: Option<Url>,
    /// Jekyll permalink template for posts (`/blog/:year/:month/:day/:title/`).
    pub permalink: Option<String>,
    pub drafts: bool,
    /// The zone the site's times are written in.
    pub timezone: chrono_tz::Tz,
    /// Pages that say where to get help (relative paths); empty: found by name or `uid`.
    pub help_pages: Vec<String>,
}

/// What reading each file of a site needs to know about the site.
#[derive(Debug, Clone, Default)]
pub struct Site {
    pub urls: Urls,
    pub drafts: bool,
    /// Its English writes numeric dates day first, as its config's language code or its
    /// time zone's region does.
    pub day_first: bool,
}

impl Site {
    pub fn new(spec: &SiteSpec) -> Site {
        Site::with_config(spec, &SiteConfig::read(&spec.root))
    }

    /// The same, with the site's own config already read.
    pub fn with_config(spec: &SiteSpec, config: &SiteConfig) -> Site {
        Site {
            urls: Urls::for_site(spec, config),
            drafts: spec.drafts,
            // The language code of the site's config first ("en-IE" on a site kept in
            // Mexico City's zone), else the region of its time zone.
            day_first: config
                .english_day_first()
                .unwrap_or_else(|| crate::lexicon::en::writes_day_first(spec.timezone.name())),
        }
    }
}

/// What reading a site produced.
#[derive(Debug, Default)]
pub struct Reading {
    pub posts: Vec<Post>,
    pub problems: Vec<IngestError>,
    /// The site's title in its own config: the community's name, often in each of its
    /// languages ("Guilde Érable · Erable Guild · Gremio Érable").
    pub title: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{}: site folder not found; check the path given with --site or in the config", .0.display())]
    MissingSite(PathBuf),
    #[error("{}: not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("{}: no posts found (looked for _posts/, _drafts/ and content/)", .0.display())]
    NoPosts(PathBuf),
    #[error("{file}: cannot read: {cause}")]
    Read { file: String, cause: std::io::Error },
    #[error(
        "{file}: line {line}: not UTF-8 text (invalid byte at offset {offset}); skipped, save it as UTF-8"
    )]
    NotUtf8 {
        file: String,
        line: usize,
        offset: usize,
    },
    #[error(
        "{file}: {size} bytes, more than crieur reads in one post; only the first {kept} bytes are read"
    )]
    TooLarge {
        file: String,
        size: usize,
        kept: usize,
    },
    #[error("{file}: {cause}")]
    FrontMatter {
        file: String,
        cause: front_matter::FrontMatterError,
    },
}

impl IngestError {
    /// Whether the whole site could not be read (as opposed to one file).
    pub fn is_fatal(&self) -> bool {
        matches!(self, Self::MissingSite(_) | Self::NotAFolder(_))
    }
}

/// Reads every post and page of a site. `index` tags each post with the site it came from.
pub fn read_site(spec: &SiteSpec, index: usize) -> Reading {
    let mut reading = Reading::default();
    let root = &spec.root;
    if !root.exists() {
        reading
            .problems
            .push(IngestError::MissingSite(root.clone()));
        return reading;
    }
    if !root.is_dir() {
        reading.problems.push(IngestError::NotAFolder(root.clone()));
        return reading;
    }
    let config = SiteConfig::read(root);
    reading.title = config.title();
    let files = discover(spec);
    let site = Site::with_config(spec, &config);
    if !files.iter().any(|(_, kind)| *kind != PostKind::Page) {
        reading.problems.push(IngestError::NoPosts(root.clone()));
    }
    for (path, kind) in files {
        let file = relative(root, &path);
        match std::fs::read(&path) {
            Err(cause) => reading.problems.push(IngestError::Read { file, cause }),
            Ok(bytes) => {
                let (bytes, too_large) = within_limit(&file, bytes, MAX_POST_BYTES);
                reading.problems.extend(too_large);
                match read_post(&site, index, file, kind, bytes) {
                    Ok(Some(post)) => reading.posts.push(post),
                    Ok(None) => {}
                    Err(e) => reading.problems.push(e),
                }
            }
        }
    }
    reading
}

/// The most of a file read as a post: hundreds of times more than any real post (the
/// longest of six real community sites is under 40 KB; a 10 MB one takes half a second),
/// small enough that a huge file cannot exhaust memory or stall indexing.
pub const MAX_POST_BYTES: usize = 16 * 1024 * 1024;

/// A file's first `max` bytes (cut between characters), and the problem to report when
/// that is not all of it.
fn within_limit(file: &str, mut bytes: Vec<u8>, max: usize) -> (Vec<u8>, Option<IngestError>) {
    if bytes.len() <= max {
        return (bytes, None);
    }
    let size = bytes.len();
    bytes.truncate(char_boundary(&bytes, max));
    let problem = IngestError::TooLarge {
        file: file.to_string(),
        size,
        kept: bytes.len(),
    };
    (bytes, Some(problem))
}

/// The largest length at most `max` that does not cut a UTF-8 character.
fn char_boundary(bytes: &[u8], max: usize) -> usize {
    if max >= bytes.len() {
        return bytes.len();
    }
    // Continuation bytes are 0b10xx_xxxx; at most three follow a character's first byte.
    (max.saturating_sub(3)..=max)
        .rev()
        .find(|&i| bytes[i] & 0xC0 != 0x80)
        .unwrap_or(max)
}

/// Reads one file's bytes into a post; `None` for a page that is not content (no front
/// matter) or a post marked as a draft.
pub fn read_post(
    site: &Site,
    index: usize,
    file: String,
    kind: PostKind,
    bytes: Vec<u8>,
) -> Result<Option<Post>, IngestError> {
    let source = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        IngestError::NotUtf8 {
            file: file.clone(),
            line,
            offset,
        }
    })?;
    // Titles and text reach chat rooms: invisible direction overrides and zero-width
    // characters go here, before anything reads them (line numbers do not change).
    let source = match crate::unicode::strip(&source) {
        std::borrow::Cow::Borrowed(_) => source,
        std::borrow::Cow::Owned(stripped) => stripped,
    };
    let split = front_matter::split(&source).map_err(|cause| IngestError::FrontMatter {
        file: file.clone(),
        cause,
    })?;
    let meta = split.meta;
    let has_front_matter = split.body_line > 1;
    if kind == PostKind::Page && !has_front_matter {
        return Ok(None);
    }
    if meta.draft && kind != PostKind::Draft && !site.drafts {
        return Ok(None);
    }
    let urls = &site.urls;
    let name = file.rsplit('/').next().unwrap_or(&file);
    let (name_date, slug) = split_file_name(name);
    let date = meta
        .date
        .or_else(|| name_date.map(|d| d.and_time(chrono::NaiveTime::MIN)));
    let lang = meta.lang.clone().or_else(|| lang_from_path(&file, slug));
    let url = post_url(urls, &file, kind, &meta, slug, date);
    let markup = if name.ends_with(".html") || name.ends_with(".htm") {
        Markup::Html
    } else {
        Markup::Markdown
    };
    let body = liquid::strip(split.body);
    let base = url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .or_else(|| urls.base.clone());
    let doc = text::read(&body, markup, base.as_ref());
    let title = meta
        .title
        .clone()
        .unwrap_or_else(|| slug.replace(['-', '_'], " "));
    Ok(Some(Post {
        file,
        site: index,
        url,
        title,
        date,
        lang,
        uid: meta.uid,
        tags: meta.tags,
        fields: meta
            .fields
            .into_iter()
            .map(|(key, value)| crate::post::Field { key, value })
            .collect(),
        kind,
        body_line: split.body_line,
        day_first: site.day_first,
        doc,
    }))
}

/// A summary of what `read_site` would read (each file's name, size and modification
/// time), cheap enough to take every second: while it stays the same, there is nothing new
/// to read.
pub fn fingerprint(spec: &SiteSpec) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    spec.root.is_dir().hash(&mut hasher);
    for (path, _) in discover(spec) {
        path.hash(&mut hasher);
        if let Ok(meta) = std::fs::metadata(&path) {
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// Lists the files to read, with what they are. Sorted, so reading is deterministic.
fn discover(spec: &SiteSpec) -> Vec<(PathBuf, PostKind)> {
    let root = &spec.root;
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped_dir(e.file_name().to_str().unwrap_or("")));
    let hugo = root.join("content").is_dir() && !root.join("_posts").is_dir();
    for entry in walker.filter_map(Result::ok) {
        if !entry.file_type().is_file() || !is_source(entry.path()) {
            continue;
        }
        let rel = relative(root, entry.path());
        let parts: Vec<&str> = rel.split('/').collect();
        let in_dir = |name: &str| parts[..parts.len() - 1].contains(&name);
        let kind = if in_dir("_posts") {
            PostKind::Post
        } else if in_dir("_drafts") {
            if !spec.drafts {
                continue;
            }
            PostKind::Draft
        } else if hugo && parts[0] == "content" {
            let stem = parts[parts.len() - 1];
            // A file in no section ("content/contact.md", "content/fr/a-propos.md" in a
            // language's folder) is one of the site's pages, as Hugo renders it.
            let sectionless = parts.len() == 2 || parts.len() == 3 && is_language_dir(parts[1]);
            if stem.starts_with("_index.")
                || stem.starts_with("index.") && parts.len() == 2
                || sectionless
            {
                PostKind::Page
            } else {
                PostKind::Post
            }
        } else if parts.iter().any(|p| p.starts_with('_')) {
            continue;
        } else {
            PostKind::Page
        };
        files.push((entry.into_path(), kind));
    }
    files
}

/// A Hugo content folder named for a language ("fr", "es", "pt-br").
fn is_language_dir(name: &str) -> bool {
    let code = name.split('-').next().unwrap_or(name);
    code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())
}

fn skipped_dir(name: &str) -> bool {
    matches!(
        name,
        "_site"
            | "node_modules"
            | "vendor"
            | "public"
            | "resources"
            | "_includes"
            | "_layouts"
            | "_sass"
            | "_data"
            | "assets"
            | "static"
            | "themes"
            | "layouts"
    ) || name.starts_with('.')
}

fn is_source(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown" | "mdown" | "mkd" | "html" | "htm")
    )
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `2026-01-08-community-meeting.md` → (2026-01-08, `community-meeting`).
pub fn split_file_name(name: &str) -> (Option<NaiveDate>, &str) {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = match name.rfind('.') {
        Some(dot) if name[..dot].contains('-') => &name[..dot],
        _ => stem,
    };
    if stem.len() > 11
        && stem.as_bytes()[10] == b'-'
        && let Ok(date) = NaiveDate::parse_from_str(&stem[..10], "%Y-%m-%d")
    {
        return (Some(date), &stem[11..]);
    }
    (None, stem)
}

const LANGS: [&str; 12] = [
    "fr", "en", "es", "de", "it", "pt", "nl", "ca", "eu", "br", "oc", "pl",
];

/// Language hints in a path: `name.fr.md` (Hugo), a `fr/` folder, or a `-fr` slug suffix.
fn lang_from_path(file: &str, slug: &str) -> Option<String> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let mut dots = name.rsplit('.');
    dots.next();
    if let Some(code) = dots.next().filter(|c| LANGS.contains(c)) {
        return Some(code.to_string());
    }
    if let Some(code) = file.split('/').find(|p| LANGS.contains(p)) {
        return Some(code.to_string());
    }
    let suffix = slug.rsplit(['-', '_']).next().unwrap_or("");
    (slug.len() > suffix.len() && LANGS.contains(&suffix)).then(|| suffix.to_string())
}

/// The post's public address, from its `permalink`, the site's template, or Jekyll's and
/// Hugo's defaults. `None` without a base URL.
fn post_url(
    urls: &Urls,
    file: &str,
    kind: PostKind,
    meta: &front_matter::FrontMatter,
    slug: &str,
    date: Option<NaiveDateTime>,
) -> Option<String> {
    let base = urls.base.as_ref()?;
    let path = if let Some(p) = &meta.permalink {
        p.clone()
    } else if file.starts_with("content/") {
        if !urls.hugo && urls.permalink.is_none() {
            return None;
        }
        let parts: Vec<&str> = file.split('/').collect();
        // A page bundle (`posts/meetup/index.md`) and a section (`contact/_index.md`) are
        // named by their folder.
        let slug = if ["index", "_index"]
            .iter()
            .any(|i| slug == *i || slug.starts_with(&format!("{i}.")))
        {
            parts
                .get(parts.len().saturating_sub(2))
                .copied()
                .unwrap_or(slug)
        } else {
            slug.split('.').next().unwrap_or(slug)
        };
        match (kind, parts.len()) {
            (PostKind::Page, 2) => "/".to_string(),
            (_, n) if n >= 4 || (n == 3 && slug != parts[1]) => format!("/{}/{slug}/", parts[1]),
            _ => format!("/{slug}/"),
        }
    } else {
        let template = urls.permalink.as_deref()?;
        if kind == PostKind::Page {
            let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
            match stem.strip_suffix("index") {
                Some(dir) => format!("/{dir}"),
                None if template.ends_with('/') => format!("/{stem}/"),
                None => format!("/{stem}.html"),
            }
        } else {
            fill_permalink(template, slug, date, &meta.tags)
        }
    };
    base.join(path.trim_start_matches('/'))
        .ok()
        .map(|u| u.to_string())
}

fn fill_permalink(
    template: &str,
    slug: &str,
    date: Option<NaiveDateTime>,
    categories: &[String],
) -> String {
    let d = date.map(|d| d.date());
    let fmt = |f: &str| d.map(|d| d.format(f).to_string()).unwrap_or_default();
    let cats = categories.join("/");
    let filled = template
        .replace(":categories", &cats)
        .replace(":year", &fmt("%Y"))
        .replace(":month", &fmt("%m"))
        .replace(":i_month", &fmt("%-m"))
        .replace(":day", &fmt("%d"))
        .replace(":i_day", &fmt("%-d"))
        .replace(":title", slug)
        .replace(":slug", slug);
    let mut path = String::with_capacity(filled.len());
    for part in filled.split('/').filter(|p| !p.is_empty()) {
        path.push('/');
        path.push_str(part);
    }
    if filled.ends_with('/') {
        path.push('/');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_jekyll_file_names() {
        assert_eq!(
            split_file_name("2026-01-08-community-meeting-2026-registration-fr.md"),
            (
                NaiveDate::from_ymd_opt(2026, 1, 8),
                "community-meeting-2026-registration-fr"
            )
        );
        assert_eq!(
            split_file_name("2011-12-23-geoserver-2.1.3-est-dans-les-bacs.md").1,
            "geoserver-2.1.3-est-dans-les-bacs"
        );
        assert_eq!(split_file_name("about.md"), (None, "about"));
    }

    #[test]
    fn finds_language_in_paths() {
        assert_eq!(
            lang_from_path("_posts/2026-01-08-x-fr.md", "x-fr").as_deref(),
            Some("fr")
        );
        assert_eq!(
            lang_from_path("content/post/x.es.md", "x").as_deref(),
            Some("es")
        );
        assert_eq!(
            lang_from_path("fr/communaute.md", "communaute").as_deref(),
            Some("fr")
        );
        assert_eq!(
            lang_from_path("_posts/2014-04-13-geocom-2014.md", "geocom-2014"),
            None
        );
    }

    #[test]
    fn fills_permalink_templates() {
        let date = NaiveDate::from_ymd_opt(2024, 4, 4)
            .unwrap()
            .and_hms_opt(0, 0, 0);
        assert_eq!(
            fill_permalink("/blog/:year/:month/:day/:title/", "sprint-fr", date, &[]),
            "/blog/2024/04/04/sprint-fr/"
        );
        assert_eq!(
            fill_permalink("/:categories/:year/:month/:day/:title.html", "x", date, &[]),
            "/2024/04/04/x.html"
        );
    }

    #[test]
    fn a_file_past_the_limit_is_cut_between_characters_and_reported() {
        let (bytes, problem) = within_limit("_posts/x.md", "abcdé".as_bytes().to_vec(), 5);
        assert_eq!(bytes, b"abcd");
        assert_eq!(
            problem.unwrap().to_string(),
            "_posts/x.md: 6 bytes, more than crieur reads in one post; only the first 4 bytes are read"
        );
        let (bytes, problem) = within_limit("_posts/x.md", b"abc".to_vec(), 5);
        assert_eq!((bytes.as_slice(), problem.is_none()), (&b"abc"[..], true));
    }
}
