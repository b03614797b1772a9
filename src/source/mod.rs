//! Where the command line's sites come from: a config file, or `--site` folders given
//! directly. Turns `SOURCE` options into site specs, a time zone and a store location.

use crate::config::{self, Config};
use crate::extract::Language;
use crate::index::{self, SiteReport};
use crate::ingest::SiteSpec;
use crate::store::Store;
use anyhow::{Context, bail};
use chrono_tz::Tz;
use std::path::{Path, PathBuf};

pub mod git;

/// The default config, relative to the working folder: what a fresh clone runs with.
pub const DEFAULT_CONFIG: &str = "config/crieur.toml";

/// `SOURCE` as given on the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SourceArgs {
    /// Configuration file (default: config/crieur.toml)
    #[arg(long, value_name = "FILE", conflicts_with = "site")]
    pub config: Option<PathBuf>,
    /// Site folder to read instead of a config (repeatable)
    #[arg(long, value_name = "DIR")]
    pub site: Vec<PathBuf>,
    /// Address the site is published at (one for all sites, or one per --site, in order)
    #[arg(long, value_name = "URL", requires = "site")]
    pub base_url: Vec<String>,
    /// Time zone of the site (one for all sites, or one per --site, in order)
    #[arg(long, value_name = "TZ", requires = "site")]
    pub timezone: Vec<String>,
    /// Folder of the store (default: the config's data_dir; a temporary store with --site)
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Sites whose repository could not be fetched, by number, with git's words.
pub type Unfetched = Vec<(usize, String)>;

/// A resolved source.
#[derive(Debug, Clone)]
pub struct Source {
    pub sites: Vec<SiteSpec>,
    pub timezone: Tz,
    /// `None`: keep the store in memory for this run only.
    pub data_dir: Option<PathBuf>,
    /// The language of commands and unclear questions.
    pub language: Language,
    pub config: Option<Config>,
    /// For each site read from git, its repository (same order as `sites`).
    pub git: Vec<Option<config::GitSite>>,
    /// The file `config` was read from, to read it again on a reload.
    pub config_file: Option<PathBuf>,
}

impl Source {
    /// Opens the store, reads the sites into it, and returns it with the reports and the
    /// sites whose repository could not be fetched.
    pub fn open_and_index(&self) -> anyhow::Result<(Store, Vec<SiteReport>, Unfetched)> {
        let store = match &self.data_dir {
            Some(dir) => Store::open(dir)?,
            None => Store::temporary()?,
        };
        let unfetched = self.fetch();
        let reports = index::index_sites(&store, &self.sites)?;
        self.write_help(&store)?;
        Ok((store, reports, unfetched))
    }

    /// Brings each git site's clone to its remote's commit (cloning it the first time); a
    /// remote that is away leaves the last good clone (or none) to read. The sites whose
    /// fetch failed, with why. Blocking.
    pub fn fetch(&self) -> Unfetched {
        let mut failed = Vec::new();
        for (i, repo) in self.git.iter().enumerate() {
            let Some(repo) = repo else { continue };
            match git::update(repo, true) {
                Ok(git::Fetched::New(commit) | git::Fetched::Same(commit)) => {
                    tracing::info!(url = %repo.url, %commit, "git: the site's commit");
                }
                Err(e) => {
                    tracing::warn!("{e}; reading the last good clone, if any");
                    failed.push((i, e.to_string()));
                }
            }
        }
        failed
    }

    /// Writes the config's help entries into the store (they replace what help pages say).
    pub fn write_help(&self, store: &Store) -> anyhow::Result<()> {
        let admin = self
            .config
            .as_ref()
            .map(Config::help_entries)
            .unwrap_or_default();
        store.set_admin_help(&admin)?;
        Ok(())
    }

    /// Each site's folder, as `/health` names it.
    pub fn roots(&self) -> Vec<String> {
        self.sites
            .iter()
            .map(|s| s.root.display().to_string())
            .collect()
    }

    /// Each site's time zone, by site number.
    pub fn zones(&self) -> Vec<chrono_tz::Tz> {
        self.sites.iter().map(|s| s.timezone).collect()
    }

    /// The config file read again, with the same store: every problem reported, nothing
    /// changed, when it does not pass `check-config`.
    pub fn reread(&self) -> anyhow::Result<Source> {
        let path = self
            .config_file
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("crieur was started without a config file"))?;
        from_config(path, self.data_dir.clone())
    }
}

impl SourceArgs {
    pub fn resolve(&self) -> anyhow::Result<Source> {
        if self.site.is_empty() {
            let path = self
                .config
                .clone()
                .unwrap_or_else(|| PathBuf::from(DEFAULT_CONFIG));
            if self.config.is_none() && !path.exists() {
                bail!("{DEFAULT_CONFIG} not found; pass --config FILE or --site DIR");
            }
            return from_config(&path, self.data.clone());
        }
        let pick = |values: &[String], i: usize, what: &str| -> anyhow::Result<Option<String>> {
            match values.len() {
                0 => Ok(None),
                1 => Ok(Some(values[0].clone())),
                n if n == self.site.len() => Ok(Some(values[i].clone())),
                n => bail!(
                    "{n} values for {what} but {} --site; give one for all, or one per site",
                    self.site.len()
                ),
            }
        };
        let mut sites = Vec::with_capacity(self.site.len());
        let mut zone = None;
        for (i, root) in self.site.iter().enumerate() {
            let base_url = match pick(&self.base_url, i, "--base-url")? {
                Some(text) => Some(config::parse_base_url(&text).with_context(|| {
                    format!("--base-url {text:?}: not an absolute http(s) address")
                })?),
                None => None,
            };
            let timezone = match pick(&self.timezone, i, "--timezone")? {
                Some(text) => config::parse_timezone(&text)
                    .with_context(|| format!("--timezone {text:?}: unknown time zone; use an IANA name such as Europe/Paris"))?,
                None => chrono_tz::Europe::Paris,
            };
            zone.get_or_insert(timezone);
            sites.push(SiteSpec {
                root: root.clone(),
                base_url,
                permalink: None,
                drafts: false,
                timezone,
                help_pages: Vec::new(),
            });
        }
        Ok(Source {
            sites,
            timezone: zone.unwrap_or(chrono_tz::Europe::Paris),
            data_dir: self.data.clone(),
            language: Language::En,
            config: None,
            git: Vec::new(),
            config_file: None,
        })
    }
}

fn from_config(path: &Path, data: Option<PathBuf>) -> anyhow::Result<Source> {
    let config = Config::load(path)?;
    let data_dir = data.unwrap_or_else(|| config.data_dir());
    Ok(Source {
        sites: config.site_specs(&data_dir),
        git: config.git_sites(&data_dir),
        timezone: config.timezone(),
        data_dir: Some(data_dir),
        language: config.language(),
        config: Some(config),
        config_file: Some(path.to_path_buf()),
    })
}
