//! News of a site's gatherings: what changed between the facts crieur last recorded of a
//! site and what it reads now. A gathering never seen before is new; one whose dates,
//! times, place, deadlines or registration link differ, or that is now cancelled, has
//! changed. Wording, typos and titles are not facts: editing them says nothing. Pure: the
//! caller keeps the record and sends the messages through the outbox.

use crate::answer::catalog::Gathering;
use crate::answer::format;
use crate::answer::reply::{Line, Reply};
use crate::extract::{Deadline, DeadlineKind, Language, Precision};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What crieur records of a gathering, to tell later what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub start_time: Option<NaiveTime>,
    pub place: Option<String>,
    pub deadlines: Vec<Deadline>,
    pub registration_url: Option<String>,
    pub cancelled: bool,
}

impl Facts {
    pub fn of(g: &Gathering) -> Facts {
        // The newest post's language: the spelling of the place it records.
        let lang = g.versions[0].lang;
        let mut deadlines = g.deadlines.clone();
        deadlines.sort_by_key(|d| (d.date, d.kind));
        deadlines.dedup();
        Facts {
            start: g.start,
            end: g.end,
            precision: g.precision,
            start_time: g.start_time,
            place: g.place(lang).map(str::to_string),
            deadlines,
            registration_url: g.registration_url(lang).map(str::to_string),
            cancelled: g.cancelled,
        }
    }
}

/// A gathering's record: its facts and how many corrections were made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub facts: Facts,
    pub revision: u32,
    /// The post that first announced it (its `uid`, else its file): a gathering renamed in
    /// its post is still the same one.
    pub post: String,
    /// The news that told it was new, if any: the message to edit when it changes.
    #[serde(default)]
    pub announced: Option<String>,
}

/// The post that first announced a gathering.
fn first_post(g: &Gathering) -> String {
    let first = g
        .versions
        .iter()
        .min_by_key(|v| (v.post_date, &v.file))
        .expect("a gathering has a version");
    first.uid.clone().unwrap_or_else(|| first.file.clone())
}

/// Something to tell rooms.
#[derive(Debug, Clone, PartialEq)]
pub enum News<'a> {
    New(&'a Gathering),
    Changed {
        gathering: &'a Gathering,
        was: Facts,
        /// The record's revision after this change.
        revision: u32,
        /// The news that told it was new, if any.
        announced: Option<String>,
    },
}

impl News<'_> {
    pub fn gathering(&self) -> &Gathering {
        match self {
            News::New(g) | News::Changed { gathering: g, .. } => g,
        }
    }

    /// Names this piece of news for the outbox: the same news is the same key, so that it
    /// is sent once however often a re-index finds it before the record is updated.
    pub fn id(&self) -> String {
        match self {
            News::New(g) => format!("new-{}", g.key()),
            News::Changed {
                gathering,
                revision,
                ..
            } => format!("changed-{}-{revision}", gathering.key()),
        }
    }
}

/// What a re-index brings: the news to tell, and the record to keep (every gathering read,
/// with its revision).
pub struct Comparison<'a> {
    pub news: Vec<News<'a>>,
    pub record: BTreeMap<String, Seen>,
}

/// Compares what is read now with the record. Gatherings already over are recorded without
/// news; a gathering gone from the site stays in the record (a post moved or unpublished
/// for a while comes back without news).
pub fn compare<'a>(
    record: &BTreeMap<String, Seen>,
    now: &'a [&'a Gathering],
    today: NaiveDate,
) -> Comparison<'a> {
    let mut news = Vec::new();
    let mut out = record.clone();
    let keys: Vec<String> = now.iter().map(|g| g.key()).collect();
    for (g, key) in now.iter().zip(&keys) {
        let facts = Facts::of(g);
        let post = first_post(g);
        // Renamed in its post: the one record of that post no gathering read now has.
        let renamed = || {
            let mut orphans = record
                .iter()
                .filter(|(k, s)| s.post == post && !keys.contains(k));
            match (orphans.next(), orphans.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        };
        let previous = record.get_key_value(key).or_else(renamed);
        let over = g.end < today;
        match previous {
            None => {
                let mut announced = None;
                if !over && !g.cancelled {
                    let new = News::New(g);
                    announced = Some(new.id());
                    news.push(new);
                }
                out.insert(
                    key.clone(),
                    Seen {
                        facts,
                        revision: 0,
                        post,
                        announced,
                    },
                );
            }
            Some((old_key, seen)) if seen.facts != facts || old_key != key => {
                let revision = seen.revision + 1;
                // Over in both the old and the new record: nobody needs telling.
                let was_over = seen.facts.end < today;
                let quiet = (over && was_over)
                    || (seen.facts.cancelled && g.cancelled)
                    || seen.facts == facts;
                if !quiet {
                    news.push(News::Changed {
                        gathering: g,
                        was: seen.facts.clone(),
                        revision,
                        announced: seen.announced.clone(),
                    });
                }
                out.remove(old_key);
                out.insert(
                    key.clone(),
                    Seen {
                        facts,
                        revision,
                        post,
                        announced: seen.announced.clone(),
                    },
                );
            }
            Some(_) => {}
        }
    }
    Comparison { news, record: out }
}

/// The message for a room in `lang`.
pub fn render(news: &News, lang: Language) -> Reply {
    let g = news.gathering();
    let v = g.version(lang);
    let title = match &v.parent {
        Some(parent) => format!("{} ({parent})", v.title),
        None => v.title.clone(),
    };
    let mut line = Line::default();
    match news {
        News::New(_) => {
            let head = match lang {
                Language::Fr => "Nouveau :",
                Language::Es => "Nuevo:",
                _ => "New:",
            };
            line = line.text(format!("{head} ")).strong(title).text(format!(
                ", {}",
                when(g.start, g.end, g.precision, g.start_time, lang)
            ));
            if let Some(place) = g.place(lang) {
                line = line.text(format!(", {place}"));
            }
            line = line.text(".");
            line = registration(line, g, lang);
        }
        News::Changed { was, .. } => {
            let now = Facts::of(g);
            line = line.strong(title);
            if now.cancelled {
                line = line.text(match lang {
                    Language::Fr => " est annulé.",
                    Language::Es => " se cancela.",
                    _ => " is cancelled.",
                });
            } else {
                line = line.text(format!(" {}", changes(was, &now, g, lang).join("; ")));
                line = line.text(".");
                if now.registration_url != was.registration_url || now.deadlines != was.deadlines {
                    line = registration(line, g, lang);
                }
            }
        }
    }
    if let Some(url) = &v.post_url {
        line = line.text(" ").link(url.clone(), url.clone());
    }
    Reply::new(lang).line(line)
}

/// Each change, in words: "moved: June 7 – 11, 2027 (was May 31 – June 4, 2027)".
fn changes(was: &Facts, now: &Facts, g: &Gathering, lang: Language) -> Vec<String> {
    let mut out = Vec::new();
    if (now.start, now.end, now.precision, now.start_time)
        != (was.start, was.end, was.precision, was.start_time)
    {
        let new = when(now.start, now.end, now.precision, now.start_time, lang);
        let old = when(was.start, was.end, was.precision, was.start_time, lang);
        out.push(match lang {
            Language::Fr => format!("change de date : {new} (au lieu de {old})"),
            Language::Es => format!("cambia de fecha: {new} (antes {old})"),
            _ => format!("moved: {new} (was {old})"),
        });
    }
    if now.place != was.place
        && let Some(place) = g.place(lang)
    {
        out.push(match (lang, &was.place) {
            (Language::Fr, Some(old)) => format!("change de lieu : {place} (au lieu de {old})"),
            (Language::Fr, None) => format!("a lieu à {place}"),
            (Language::Es, Some(old)) => format!("cambia de lugar: {place} (antes {old})"),
            (Language::Es, None) => format!("será en {place}"),
            (_, Some(old)) => format!("new place: {place} (was {old})"),
            (_, None) => format!("takes place in {place}"),
        });
    }
    for kind in [
        DeadlineKind::Registration,
        DeadlineKind::Proposal,
        DeadlineKind::Other,
    ] {
        let last = |f: &Facts| {
            f.deadlines
                .iter()
                .filter(|d| d.kind == kind)
                .map(|d| d.date)
                .max()
        };
        let (old, new) = (last(was), last(now));
        if old == new {
            continue;
        }
        let Some(new) = new else { continue };
        let date = format::date(new, lang);
        let what = match (kind, lang) {
            (DeadlineKind::Registration, Language::Fr) => "inscriptions",
            (DeadlineKind::Registration, Language::Es) => "inscripciones",
            (DeadlineKind::Registration, _) => "registration",
            (DeadlineKind::Proposal, Language::Fr) => "propositions",
            (DeadlineKind::Proposal, Language::Es) => "propuestas",
            (DeadlineKind::Proposal, _) => "proposals",
            (DeadlineKind::Other, Language::Fr) => "échéance",
            (DeadlineKind::Other, Language::Es) => "plazo",
            (DeadlineKind::Other, _) => "deadline",
        };
        out.push(match (lang, old) {
            (Language::Fr, Some(old)) => format!(
                "{what} jusqu'au {date} (au lieu du {})",
                format::date(old, lang)
            ),
            (Language::Fr, None) => format!("{what} jusqu'au {date}"),
            (Language::Es, Some(old)) => {
                format!(
                    "{what} hasta el {date} (antes el {})",
                    format::date(old, lang)
                )
            }
            (Language::Es, None) => format!("{what} hasta el {date}"),
            (_, Some(old)) => format!("{what} until {date} (was {})", format::date(old, lang)),
            (_, None) => format!("{what} until {date}"),
        });
    }
    if now.registration_url != was.registration_url && now.registration_url.is_some() {
        out.push(
            match lang {
                Language::Fr => "nouveau lien d'inscription",
                Language::Es => "nuevo enlace de inscripción",
                _ => "new registration link",
            }
            .to_string(),
        );
    }
    if out.is_empty() {
        // What changed has no words of its own (a deadline or a link removed).
        out.push(
            match lang {
                Language::Fr => "a changé",
                Language::Es => "ha cambiado",
                _ => "has changed",
            }
            .to_string(),
        );
    }
    out
}

/// "how to register and until when": " Registration until May 15, 2027: <link>".
fn registration(mut line: Line, g: &Gathering, lang: Language) -> Line {
    let until = g.registration_deadline();
    let url = g.registration_url(lang);
    let head = match (lang, until) {
        (_, None) if url.is_none() => return line,
        (Language::Fr, Some(d)) => format!(" Inscriptions jusqu'au {}", format::date(d, lang)),
        (Language::Fr, None) => " Inscriptions".to_string(),
        (Language::Es, Some(d)) => format!(" Inscripciones hasta el {}", format::date(d, lang)),
        (Language::Es, None) => " Inscripciones".to_string(),
        (_, Some(d)) => format!(" Registration until {}", format::date(d, lang)),
        (_, None) => " Registration".to_string(),
    };
    line = line.text(head);
    match url {
        Some(url) => line
            .text(if lang == Language::Fr { " : " } else { ": " })
            .link(url, url),
        None => line.text("."),
    }
}

/// Days, with the start time when the post gives one.
fn when(
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    time: Option<NaiveTime>,
    lang: Language,
) -> String {
    let days = format::days(start, end, precision, lang);
    match time {
        Some(t) => {
            let at = match lang {
                Language::Fr => "à",
                Language::Es => "a las",
                _ => "at",
            };
            format!("{days} {at} {}", format::time(t, lang))
        }
        None => days,
    }
}

#[cfg(test)]
mod tests;
