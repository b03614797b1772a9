//! Organisers' requests, carried out by the task that owns the store: re-read the sites,
//! schedule an announcement (echoing the time read, in the room's zone, so that a mistake
//! shows at once), list and cancel announcements.

use crate::answer::format;
use crate::answer::reply::{Line, Reply};
use crate::bot::Request;
use crate::chat::Network;
use crate::config::KnownRoom;
use crate::extract::Language;
use crate::index::SiteReport;
use crate::schedule::when;
use crate::shared::{CoreRequest, Shared};
use crate::store::Store;
use crate::store::outbox::Announcement;
use chrono::{DateTime, Utc};

pub fn handle(
    req: &CoreRequest,
    known: &[KnownRoom],
    store: &Store,
    shared: &Shared,
    reindex: impl Fn() -> anyhow::Result<Vec<SiteReport>>,
) -> anyhow::Result<Reply> {
    let lang = req.lang;
    let say = |text: String| Reply::new(lang).line(Line::default().text(text));
    Ok(match &req.request {
        Request::Reindex => {
            let reports = reindex()?;
            let (mut posts, mut events, mut changed, mut problems) = (0, 0, 0, 0);
            for r in &reports {
                posts += r.posts;
                events += r.events;
                changed += r.summary.added + r.summary.updated + r.summary.removed;
                problems += r.problems.len();
            }
            say(match lang {
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
        }
        // The config is re-read by the reloader, which `serve_core` hands it to.
        Request::Reload => anyhow::bail!("!reload is not handled here"),
        Request::Announce { args, author } => {
            let now = shared.clock.now_utc();
            let zone = shared.clock.zone();
            let usage = match lang {
                Language::Fr => {
                    "Usage : !announce <quand> [#salon… | tous] <texte>, par exemple : !announce demain 9h Les inscriptions ferment vendredi"
                }
                Language::Es => {
                    "Uso: !announce <cuándo> [#sala… | todas] <texto>, por ejemplo: !announce mañana a las 9 Las inscripciones cierran el viernes"
                }
                _ => {
                    "Usage: !announce <when> [#room… | all] <text>, e.g. !announce tomorrow 9am Registration closes on Friday"
                }
            };
            let Some((at, rest)) = when::parse(args, now, zone) else {
                return Ok(say(usage.to_string()));
            };
            // The rooms named after the time, on either network, or every announce room.
            let mut words = rest.split_whitespace().peekable();
            let mut rooms: Vec<(Network, String)> = Vec::new();
            let mut unknown: Vec<&str> = Vec::new();
            while let Some(word) = words.next_if(|w| names_room(w) || means_all(w)) {
                let found: Vec<&KnownRoom> = if means_all(word) {
                    known.iter().filter(|r| r.announce).collect()
                } else {
                    known
                        .iter()
                        .filter(|r| r.name.eq_ignore_ascii_case(word))
                        .collect()
                };
                if found.is_empty() {
                    unknown.push(word);
                }
                for r in found {
                    if !rooms
                        .iter()
                        .any(|(n, name)| *n == r.network && *name == r.name)
                    {
                        rooms.push((r.network, r.name.clone()));
                    }
                }
            }
            if !unknown.is_empty() {
                let mine = known
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let unknown = unknown.join(", ");
                return Ok(say(match lang {
                    Language::Fr => format!("Je ne suis pas dans {unknown} ; mes salons : {mine}."),
                    Language::Es => format!("No estoy en {unknown}; mis salas: {mine}."),
                    _ => format!("I am not in {unknown}; my rooms: {mine}."),
                }));
            }
            let text: String = words.collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                return Ok(say(usage.to_string()));
            }
            if rooms.is_empty() {
                if req.room.direct {
                    return Ok(say(match lang {
                        Language::Fr => "Dans une conversation privée, nommez le salon : !announce demain 9h #salon texte".to_string(),
                        Language::Es => "En una conversación privada, nombre la sala: !announce mañana a las 9 #sala texto".to_string(),
                        _ => "In a private chat, name the room: !announce tomorrow 9am #room text".to_string(),
                    }));
                }
                rooms.push((req.network, req.room.id.clone()));
            }
            if at <= now {
                return Ok(say(match lang {
                    Language::Fr => format!("Cette heure est passée ({}).", local(at, zone, lang)),
                    Language::Es => format!("Esa hora ya pasó ({}).", local(at, zone, lang)),
                    _ => format!("That time is already past ({}).", local(at, zone, lang)),
                }));
            }
            let a = store.add_announcement(Announcement {
                id: 0,
                text,
                at,
                rooms: rooms.clone(),
                author: Some((req.network, author.clone())),
                weekly: None,
                cancelled: false,
            })?;
            let where_ = rooms
                .iter()
                .map(|(_, r)| r.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let when_ = local(at, zone, lang);
            say(match lang {
                Language::Fr => format!(
                    "Annonce n°{} prévue le {when_} dans {where_} (annuler : !cancel {}).",
                    a.id, a.id
                ),
                Language::Es => format!(
                    "Anuncio n.º {} previsto el {when_} en {where_} (anular: !cancel {}).",
                    a.id, a.id
                ),
                _ => format!(
                    "Announcement #{} scheduled for {when_} in {where_} (to cancel: !cancel {}).",
                    a.id, a.id
                ),
            })
        }
        Request::Announcements => {
            let now = shared.clock.now_utc();
            let zone = shared.clock.zone();
            let mut pending: Vec<Announcement> = store
                .announcements()?
                .into_iter()
                .filter(|a| !a.cancelled && (a.at > now || a.weekly.is_some()))
                .collect();
            pending.sort_by_key(|a| a.at);
            if pending.is_empty() {
                return Ok(say(match lang {
                    Language::Fr => "Aucune annonce prévue.".to_string(),
                    Language::Es => "Ningún anuncio previsto.".to_string(),
                    _ => "No announcement pending.".to_string(),
                }));
            }
            let mut reply = Reply::new(lang);
            for a in pending.iter().take(3) {
                let when_ = match a.weekly {
                    Some((day, time)) => format!("{day} {}", format::time(time, lang)),
                    None => local(a.at, zone, lang),
                };
                let rooms = a
                    .rooms
                    .iter()
                    .map(|(_, r)| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                reply = reply.line(
                    Line::default().text(format!("#{} · {when_} · {rooms} · {}", a.id, a.text)),
                );
            }
            if pending.len() > 3 {
                reply = reply.line(Line::default().text(format!("… +{}", pending.len() - 3)));
            }
            reply
        }
        Request::Cancel { id } => {
            let found = id
                .trim()
                .trim_start_matches('#')
                .parse::<u64>()
                .ok()
                .map(|n| store.announcement(n))
                .transpose()?
                .flatten();
            match found {
                Some(mut a) if !a.cancelled => {
                    a.cancelled = true;
                    store.update_announcement(&a)?;
                    say(match lang {
                        Language::Fr => format!("Annonce n°{} annulée.", a.id),
                        Language::Es => format!("Anuncio n.º {} anulado.", a.id),
                        _ => format!("Announcement #{} cancelled.", a.id),
                    })
                }
                _ => say(match lang {
                    Language::Fr => {
                        format!("Pas d'annonce en attente n°{id} ; voir !announcements.")
                    }
                    Language::Es => {
                        format!("Ningún anuncio pendiente n.º {id}; ver !announcements.")
                    }
                    _ => format!("No pending announcement #{id}; see !announcements."),
                }),
            }
        }
    })
}

/// A word naming a room: an IRC `#channel`, a Matrix `#alias:server` or `!id:server`.
fn names_room(word: &str) -> bool {
    Network::of_room(word).is_some()
}

/// "all" in the languages crieur speaks: every room that takes announcements.
fn means_all(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "all" | "everywhere" | "tous" | "toutes" | "partout" | "todas" | "todos" | "todo"
    )
}

/// "March 2, 2026 at 9 AM (Europe/Paris)" in the room's language.
fn local(at: DateTime<Utc>, zone: chrono_tz::Tz, lang: Language) -> String {
    let t = at.with_timezone(&zone);
    let day = format::date(t.date_naive(), lang);
    let time = format::time(t.time(), lang);
    match lang {
        Language::Fr => format!("{day} à {time} ({zone})"),
        Language::Es => format!("{day} a las {time} ({zone})"),
        _ => format!("{day} at {time} ({zone})"),
    }
}
