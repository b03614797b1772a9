//! Re-reading the config while crieur runs (SIGHUP, `crieur reload`, an organiser's
//! `!reload`). The new file is read and checked whole, secrets included, before anything
//! changes: a config that fails is refused, the running one kept, and the error told. One
//! that passes is taken at once where it can be: rooms joined and left on IRC and Matrix,
//! organisers, reminders and announcements, help entries, sites (re-read, and followed
//! anew). What only a restart changes (connections, HTTP address, store) is named.

use super::follow::{self, Follower, Following};
use super::{add_config_announcements, settings};
use crate::answer::reply::{Line, Reply};
use crate::config::{KnownRoom, live};
use crate::extract::Language;
use crate::index;
use crate::schedule::Rules;
use crate::source::Source;
use crate::transport::{http, irc, matrix};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// What a reload reaches in the running crieur.
pub struct Reloader {
    /// The source as last read (its config is the running one).
    pub source: Source,
    pub data_dir: PathBuf,
    pub irc: Option<watch::Sender<irc::Roster>>,
    pub matrix: Option<watch::Sender<matrix::Roster>>,
    pub rules: watch::Sender<Rules>,
    /// The rooms an organiser can name in `!announce`.
    pub rooms: Arc<RwLock<Vec<KnownRoom>>>,
    pub follower: Arc<Follower>,
    pub web: Option<Arc<http::Web>>,
    /// One task per site, following it.
    pub followers: JoinSet<()>,
    pub shutdown: watch::Receiver<bool>,
}

/// What a reload changed.
#[derive(Debug, Default)]
pub struct Reloaded {
    pub joined: Vec<String>,
    pub left: Vec<String>,
    /// The sites changed: how many there are now, all re-read.
    pub sites: Option<usize>,
    /// Keys that changed but wait for a restart.
    pub restart: Vec<&'static str>,
}

impl Reloader {
    /// Starts following each site of the running config.
    pub fn follow_sites(&mut self) {
        self.followers.abort_all();
        for i in 0..self.source.sites.len() {
            self.followers.spawn(follow::follow(
                self.follower.clone(),
                i,
                self.shutdown.clone(),
            ));
        }
    }

    /// Reads the config file again and takes what it says; on an error, nothing changes.
    pub async fn reload(&mut self) -> anyhow::Result<Reloaded> {
        let running = self
            .source
            .config
            .clone()
            .ok_or_else(|| anyhow::anyhow!("crieur was started without a config file"))?;
        let source = tokio::task::spawn_blocking({
            let source = self.source.clone();
            move || source.reread()
        })
        .await??;
        let config = source
            .config
            .clone()
            .ok_or_else(|| anyhow::anyhow!("the config was not read"))?;
        let lang = self.source.language;
        // Secrets (channel keys, Matrix login) are read before anything changes.
        let irc_roster = match (&self.irc, &config.irc) {
            (Some(_), Some(cfg)) => Some(settings::irc(cfg, &config.origin, lang)?.1),
            _ => None,
        };
        let matrix_roster = match (&self.matrix, &config.matrix) {
            (Some(_), Some(cfg)) => {
                Some(settings::matrix(cfg, &config.origin, &self.data_dir, lang)?.1)
            }
            _ => None,
        };
        let mut done = Reloaded {
            restart: live::restart_needed(&running, &config),
            ..Reloaded::default()
        };
        // The zone and languages are the running ones: they change at a restart.
        let zone = self.source.timezone;
        let (before, after) = (running.rooms(), config.rooms());
        let named = |list: &[KnownRoom], r: &KnownRoom| {
            list.iter()
                .any(|k| k.network == r.network && k.name.eq_ignore_ascii_case(&r.name))
        };
        done.joined = after
            .iter()
            .filter(|r| !named(&before, r))
            .map(|r| r.name.clone())
            .collect();
        done.left = before
            .iter()
            .filter(|r| !named(&after, r))
            .map(|r| r.name.clone())
            .collect();
        if let (Some(tx), Some(roster)) = (&self.irc, irc_roster) {
            tx.send_if_modified(|now| replace(now, roster));
        }
        if let (Some(tx), Some(roster)) = (&self.matrix, matrix_roster) {
            tx.send_if_modified(|now| replace(now, roster));
        }
        self.rules.send_replace(config.rules(zone));
        *self.rooms.write().unwrap_or_else(|e| e.into_inner()) = after;
        let sites_changed = source.sites != self.source.sites || source.git != self.source.git;
        let help_changed = config.help_entries() != running.help_entries();
        self.follower.replace(Following {
            source: source.clone(),
            targets: config.targets(),
            announce: config.announce.clone(),
        });
        if let Some(web) = &self.web {
            *web.zones.write().unwrap_or_else(|e| e.into_inner()) = source.zones();
        }
        tokio::task::spawn_blocking({
            let (follower, source, config) = (self.follower.clone(), source.clone(), config);
            move || -> anyhow::Result<()> {
                add_config_announcements(&config, &follower.store, zone)?;
                if help_changed {
                    source.write_help(&follower.store)?;
                }
                if sites_changed {
                    let unfetched = source.fetch();
                    follower.shared.status.sites(&source.roots());
                    follow::log_reports(&follower.reindex(None)?, "re-read");
                    follower.record_unfetched(unfetched);
                } else if help_changed {
                    // The sites are as they were: the answering core is built again from
                    // the store, with the new help entries.
                    follower.shared.replace(index::answerer(&follower.store)?);
                }
                Ok(())
            }
        })
        .await??;
        self.source = source;
        if sites_changed {
            done.sites = Some(self.source.sites.len());
            self.follow_sites();
        }
        // Reminders and announcements are planned anew.
        self.follower.wake.notify_one();
        Ok(done)
    }
}

/// Replaces `now` with `new` if they differ; whether they did.
fn replace<T: PartialEq>(now: &mut T, new: T) -> bool {
    let changed = *now != new;
    *now = new;
    changed
}

/// What a reload did, as told to the log and to the organiser who asked.
pub fn told(result: &anyhow::Result<Reloaded>, lang: Language) -> Reply {
    let list = |names: &[String]| names.join(", ");
    let mut parts: Vec<String> = Vec::new();
    match result {
        Err(e) => {
            // Every problem, each on its line, as check-config prints them.
            let mut reply = Reply::new(lang).line(Line::default().text(match lang {
                Language::Fr => "Configuration refusée ; celle en cours est gardée :",
                Language::Es => "Configuración rechazada; se mantiene la actual:",
                _ => "Config refused; the running one is kept:",
            }));
            for problem in format!("{e:#}").lines().take(5) {
                reply = reply.line(Line::default().text(problem.to_string()));
            }
            return reply;
        }
        Ok(done) => {
            parts.push(
                match lang {
                    Language::Fr => "Configuration relue",
                    Language::Es => "Configuración releída",
                    _ => "Config re-read",
                }
                .to_string(),
            );
            if !done.joined.is_empty() {
                parts.push(match lang {
                    Language::Fr => format!("rejoint : {}", list(&done.joined)),
                    Language::Es => format!("unido a: {}", list(&done.joined)),
                    _ => format!("joined: {}", list(&done.joined)),
                });
            }
            if !done.left.is_empty() {
                parts.push(match lang {
                    Language::Fr => format!("quitté : {}", list(&done.left)),
                    Language::Es => format!("salido de: {}", list(&done.left)),
                    _ => format!("left: {}", list(&done.left)),
                });
            }
            if let Some(n) = done.sites {
                parts.push(match lang {
                    Language::Fr => format!("{n} site(s) relu(s)"),
                    Language::Es => format!("{n} sitio(s) releído(s)"),
                    _ => format!("{n} site(s) re-read"),
                });
            }
            if !done.restart.is_empty() {
                let keys = done.restart.join(", ");
                parts.push(match lang {
                    Language::Fr => format!("à redémarrer pour appliquer : {keys}"),
                    Language::Es => format!("hay que reiniciar para aplicar: {keys}"),
                    _ => format!("restart to apply: {keys}"),
                });
            }
        }
    }
    // French sets a space before a semicolon.
    let separator = if lang == Language::Fr { " ; " } else { "; " };
    Reply::new(lang).line(Line::default().text(format!("{}.", parts.join(separator))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_is_told_in_the_askers_language() {
        let done = Ok(Reloaded {
            joined: vec!["#new".into()],
            left: vec!["#old".into()],
            sites: Some(2),
            restart: vec!["irc"],
        });
        assert_eq!(
            told(&done, Language::En).plain_text(),
            "Config re-read; joined: #new; left: #old; 2 site(s) re-read; restart to apply: irc."
        );
        assert_eq!(
            told(&Ok(Reloaded::default()), Language::Fr).plain_text(),
            "Configuration relue."
        );
        let refused = told(
            &Err(anyhow::anyhow!(
                "crieur.toml:3:1: irc.channel[0].name: missing\ncrieur.toml:9:2: timezone: unknown"
            )),
            Language::Es,
        );
        assert_eq!(
            refused.plain_text(),
            "Configuración rechazada; se mantiene la actual:\ncrieur.toml:3:1: irc.channel[0].name: missing\ncrieur.toml:9:2: timezone: unknown"
        );
    }
}
