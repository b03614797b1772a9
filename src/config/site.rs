//! `[[site]]` tables: a community website read from a local folder (watched) or from a git
//! repository (cloned under `data_dir` and fetched every `refresh_minutes`), and the
//! `[announce]` table that says what crieur tells rooms about the gatherings it finds.

use super::{parse_base_url, parse_timezone};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Folder of the site's sources (a Jekyll or Hugo checkout); with `git`, the folder of
    /// the site inside the repository (default: its top).
    pub path: Option<PathBuf>,
    /// Address of a git repository holding the site (https://, ssh://, git://, file:// or
    /// `user@host:path`).
    pub git: Option<String>,
    /// Branch to follow (default: the remote's default branch).
    pub branch: Option<String>,
    /// Minutes between two fetches of `git` (default 10).
    pub refresh_minutes: Option<f64>,
    /// Address the site is published at, for absolute links.
    pub base_url: Option<String>,
    pub timezone: Option<String>,
    /// Jekyll permalink template of posts, when the site's `_config.yml` sets one.
    pub permalink: Option<String>,
    #[serde(default)]
    pub drafts: bool,
    /// Pages that say where to get help, relative to the site folder. Default: pages named
    /// community, contact or help (in English, French or Spanish), or with `uid: community`.
    #[serde(default)]
    pub help_pages: Vec<String>,
}

/// What crieur says in announce rooms about the sites' gatherings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnounceConfig {
    /// A gathering that appears on a site after crieur first read it is announced once.
    #[serde(default = "yes")]
    pub new_gatherings: bool,
    /// A gathering whose dates, place, deadline or registration link change, or that is
    /// cancelled, gets one correction.
    #[serde(default = "yes")]
    pub changes: bool,
}

impl Default for AnnounceConfig {
    fn default() -> AnnounceConfig {
        AnnounceConfig {
            new_gatherings: true,
            changes: true,
        }
    }
}

fn yes() -> bool {
    true
}

/// A site held in a git repository.
#[derive(Debug, Clone, PartialEq)]
pub struct GitSite {
    pub url: String,
    pub branch: Option<String>,
    /// Where crieur keeps its clone.
    pub checkout: PathBuf,
    pub refresh: Duration,
}

/// How often a git site is fetched unless the config says otherwise.
pub const DEFAULT_REFRESH_MINUTES: f64 = 10.0;

impl SiteConfig {
    pub fn validate(&self, i: usize, origin: &Path, problems: &mut Vec<String>) {
        let key = format!("site[{i}]");
        match (&self.git, &self.path) {
            (Some(url), _) => {
                if let Err(why) = check_git_address(url) {
                    problems.push(format!("{key}.git: {url:?} {why}"));
                }
                if let Some(path) = &self.path
                    && (path.is_absolute()
                        || path
                            .components()
                            .any(|c| c == std::path::Component::ParentDir))
                {
                    problems.push(format!(
                        "{key}.path: with git, the folder of the site inside the repository (relative, without ..)"
                    ));
                }
            }
            (None, Some(path)) => {
                let path = resolve(origin, path);
                if !path.is_dir() {
                    problems.push(format!("{key}.path: folder {} not found", path.display()));
                }
                for (name, set) in [
                    ("branch", self.branch.is_some()),
                    ("refresh_minutes", self.refresh_minutes.is_some()),
                ] {
                    if set {
                        problems.push(format!("{key}.{name}: only for a site read from git"));
                    }
                }
            }
            (None, None) => problems.push(format!(
                "{key}: no path and no git; give the site's folder (path) or its repository (git)"
            )),
        }
        if let Some(m) = self.refresh_minutes
            && !(m.is_finite() && m > 0.0)
        {
            problems.push(format!(
                "{key}.refresh_minutes: {m} is not a number of minutes above 0"
            ));
        }
        if let Some(base) = &self.base_url
            && parse_base_url(base).is_none()
        {
            problems.push(format!(
                "{key}.base_url: {base:?} is not an absolute http(s) address"
            ));
        }
        if let Some(tz) = &self.timezone
            && parse_timezone(tz).is_none()
        {
            problems.push(format!(
                "{key}.timezone: unknown time zone {tz:?}; use an IANA name such as \"Europe/Paris\""
            ));
        }
    }

    /// The repository to follow, with the folder its clone lives in under `data_dir`.
    pub fn git_site(&self, data_dir: &Path) -> Option<GitSite> {
        let url = self.git.as_ref()?;
        Some(GitSite {
            url: url.clone(),
            branch: self.branch.clone(),
            checkout: data_dir
                .join("sites")
                .join(folder_name(url, self.branch.as_deref())),
            refresh: Duration::from_secs_f64(
                self.refresh_minutes.unwrap_or(DEFAULT_REFRESH_MINUTES) * 60.0,
            ),
        })
    }

    /// The folder posts are read from: the local folder, or the site's folder in the clone.
    pub fn root(&self, origin: &Path, data_dir: &Path) -> PathBuf {
        match self.git_site(data_dir) {
            Some(git) => match &self.path {
                Some(inside) => git.checkout.join(inside),
                None => git.checkout,
            },
            None => resolve(origin, self.path.as_deref().unwrap_or(Path::new("."))),
        }
    }
}

fn resolve(origin: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        origin.join(path)
    }
}

/// A folder name for a clone, readable and unique per address and branch.
fn folder_name(url: &str, branch: Option<&str>) -> String {
    let text = format!("{url}#{}", branch.unwrap_or(""));
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let tail: String = url
        .trim_end_matches('/')
        .trim_end_matches(".git")
        .rsplit(['/', ':'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(40)
        .collect();
    format!("{}-{:08x}", tail.trim_start_matches('.'), hash as u32)
}

/// Whether `url` has the form of a git address crieur fetches: `https://`, `http://`,
/// `ssh://`, `git://` and `file://` addresses, and scp-like `user@host:path`. Nothing that
/// git would read as an option or as a command to run (`ext::`), no spaces.
pub fn check_git_address(url: &str) -> Result<(), &'static str> {
    if url.is_empty() || url.starts_with('-') || url.chars().any(char::is_whitespace) {
        return Err("is not a git address (empty, starts with -, or has spaces)");
    }
    if let Some((scheme, rest)) = url.split_once("://") {
        let rest = rest.trim_start_matches('/');
        return match scheme {
            "https" | "http" | "ssh" | "git" | "file" if !rest.is_empty() => Ok(()),
            "https" | "http" | "ssh" | "git" | "file" => Err("has no host or path"),
            _ => {
                Err("has a scheme git does not fetch from; use https://, ssh://, git:// or file://")
            }
        };
    }
    if url.contains("::") {
        return Err("names a git remote helper; use https://, ssh://, git:// or file://");
    }
    // scp-like: [user@]host:path, the host before any slash.
    match url.split_once(':') {
        Some((host, path)) if !host.is_empty() && !host.contains('/') && !path.is_empty() => Ok(()),
        _ => Err(
            "is not a git address; use https://host/repo.git, ssh://, git://, file:///path or user@host:path",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_addresses_are_checked_by_form() {
        for good in [
            "https://github.com/georchestra/georchestra.github.io.git",
            "http://git.example.org/site",
            "ssh://git@example.org/site.git",
            "git://example.org/site",
            "file:///srv/git/site.git",
            "git@github.com:georchestra/georchestra.github.io.git",
        ] {
            assert_eq!(check_git_address(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "--upload-pack=touch /tmp/x",
            "ext::sh -c touch% /tmp/x",
            "ext::sh",
            "ftp://example.org/site",
            "https://",
            "/srv/git/site.git",
            "site",
            "https://example.org/a site",
        ] {
            assert!(check_git_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn clone_folders_differ_by_address_and_branch() {
        let a = folder_name("https://github.com/org/site.git", None);
        assert!(a.starts_with("site-"), "{a}");
        assert_ne!(a, folder_name("https://gitlab.com/org/site.git", None));
        assert_ne!(
            a,
            folder_name("https://github.com/org/site.git", Some("dev"))
        );
        assert!(folder_name("git@h:../../etc", None).starts_with("etc-"));
    }
}
