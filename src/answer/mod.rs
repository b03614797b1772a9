//! Answering: a member's message → intent → a `Reply`, from the catalog of gatherings and
//! help entries. Pure: it takes `now` and never sends anything. It never invents: a
//! question it cannot place gets "I don't know" and a pointer to `!help`.

pub mod catalog;
pub mod focus;
pub mod followup;
pub mod format;
pub mod intent;
pub mod live;
pub mod phrases;
pub mod reply;
pub mod search;

use crate::extract::help::{HelpEntry, Topic};
use crate::extract::{DeadlineKind, Language, Precision};
use catalog::{Catalog, Gathering};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
pub use followup::{About, Answered};
use intent::{Intent, Question, Tense, When, Window};
use reply::{Line, Reply};
use search::{Hit, Index, kind};

/// Gatherings in full per page of `!events`: three lines and a "more" line fit an IRC
/// reply; past three, an overview of three lines of three.
pub const PAGE: usize = 3;

/// A hit must cover this share of the question's words to count as an answer. Unknown
/// words ("le geOcom 2022 avait lieu où ?") are scaled to weigh as much as the known ones
/// at most, which is exactly half: the margin keeps rounding from refusing it.
const COVERAGE: f32 = 0.5 - 1e-4;

/// The catalog with its search index, ready to answer.
pub struct Answerer {
    catalog: Catalog,
    index: Index,
    /// Per gathering, the kinds its titles name (see `of_kind`), computed once.
    kinds: Vec<Kinds>,
    /// Which core this is: each one built gets the next number.
    generation: u64,
}

/// The number of the next answering core built.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The kinds of gathering ("sprint", "rencontres") a gathering's own titles and its main
/// gathering's titles name, as the prefixes `kind` gives. A title naming no kind but a
/// session's topic ("Instalación y primer mapa") or "event" takes its post's ("Talleres de
/// primavera").
struct Kinds {
    own: Vec<String>,
    parent: Vec<String>,
}

impl Kinds {
    fn of(g: &Gathering) -> Kinds {
        let named = |text: Option<&str>| -> Vec<String> {
            search::words(text.unwrap_or(""))
                .iter()
                .filter_map(|w| kind(w))
                .collect()
        };
        let mut own = Vec::new();
        let mut parent = Vec::new();
        for v in &g.versions {
            if !search::names_a_kind(&v.title) {
                own.extend(named(Some(&v.post_title)));
            }
            own.extend(named(Some(&v.title)));
            parent.extend(named(v.parent.as_deref()));
        }
        Kinds { own, parent }
    }
}

impl Answerer {
    pub fn new(catalog: Catalog) -> Answerer {
        let index = Index::build(&catalog.gatherings, &catalog.names);
        let kinds = catalog.gatherings.iter().map(Kinds::of).collect();
        Answerer {
            catalog,
            index,
            kinds,
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Which core this is: a core built later (the sites read again) has another number,
    /// and may answer the same question differently.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Answers one message. `default` is the language of commands and unclear questions;
    /// `now` is the local time in the sites' zone.
    pub fn answer(&self, text: &str, default: Language, now: NaiveDateTime) -> Reply {
        self.answer_after(text, default, now, None).reply
    }

    /// Answers one message in a conversation: a question that names no gathering ("and
    /// where is it?", "¿y la inscripción?") is about `last`, the gathering the member was
    /// last told about. The answer says which gathering it was about, to remember.
    pub fn answer_after(
        &self,
        text: &str,
        default: Language,
        now: NaiveDateTime,
        last: Option<&About>,
    ) -> Answered {
        let question = intent::understand_with(text, default, &|w| self.index.knows(w, default));
        let last = last.and_then(|a| self.catalog.gatherings.iter().position(|g| a.is(g)));
        let (reply, about) = self.reply_after(&question, now.date(), last);
        let unknown = matches!(question.intent, Intent::Unknown)
            || reply.plain_text() == phrases::dont_know(question.lang);
        Answered {
            reply,
            about: about.map(|i| About::of(&self.catalog.gatherings[i])),
            intent: question.intent.name(),
            unknown,
        }
    }

    /// Answers an understood question.
    pub fn reply(&self, q: &Question, today: NaiveDate) -> Reply {
        self.reply_after(q, today, None).0
    }

    /// Answers an understood question, `last` being the gathering of the conversation; with
    /// the gathering the answer is about.
    fn reply_after(
        &self,
        q: &Question,
        today: NaiveDate,
        last: Option<usize>,
    ) -> (Reply, Option<usize>) {
        let loosened = self.loosened(q);
        let q = loosened.as_ref().unwrap_or(q);
        let lang = q.lang;
        let gs = &self.catalog.gatherings;
        // "When's the next Ottawa chapter meetup?" where no gathering is in Ottawa: not
        // another town's meetup.
        let about_gatherings = matches!(
            q.intent,
            Intent::Next { .. }
                | Intent::Events { .. }
                | Intent::Event { .. }
                | Intent::Register { .. }
                | Intent::Proposals { .. }
                | Intent::Apply { .. }
                | Intent::Duration { .. }
                | Intent::Price { .. }
        );
        if about_gatherings
            && q.towns
                .iter()
                .any(|t| !self.index.knows_as_written(t, lang))
        {
            return (say(lang, phrases::dont_know(lang)), None);
        }
        // A question naming no gathering, in a conversation about one, is about it.
        let follow = last.filter(|_| q.when().is_none());
        match &q.intent {
            Intent::Event { words, .. } if words.is_empty() && follow.is_some() => {
                let i = follow.expect("checked");
                (self.describe(&gs[i], lang, today, None), Some(i))
            }
            Intent::Register { words } if words.is_empty() && follow.is_some() => {
                let i = follow.expect("checked");
                (self.register_for(i, lang, today), Some(i))
            }
            Intent::Next { words } => self.next(words, q.when(), lang, today),
            // "¿cuándo es el encuentro?", "when's the meetup?": a gathering named only by its
            // kind, asked with no day, is the next one.
            Intent::Event { words, tense }
                if words.is_empty() && q.when().is_none() && *tense != Tense::Past =>
            {
                self.next(words, q.when(), lang, today)
            }
            Intent::Proposals { words }
            | Intent::Apply { words }
            | Intent::Duration { words }
            | Intent::Price { words } => {
                let target = if words.is_empty() {
                    follow.or_else(|| self.next_with(&q.intent, q.when(), lang, today))
                } else {
                    self.find(words, q.when(), Tense::Future, lang, today)
                };
                match target {
                    Some(i) => (self.facet(&q.intent, i, lang, today), Some(i)),
                    None if words.is_empty() => (say(lang, phrases::no_upcoming(lang)), None),
                    None => (say(lang, phrases::dont_know(lang)), None),
                }
            }
            // "where is the workshop of the security group?": a gathering named with a
            // help topic's word is the gathering.
            Intent::Contact {
                topic: Some(_),
                words,
            } if words.iter().any(|w| kind(w).is_some()) => {
                match self.find(words, q.when(), Tense::Any, lang, today) {
                    Some(i) => (self.describe(&gs[i], lang, today, None), Some(i)),
                    None => (self.reply_alone(q, today), None),
                }
            }
            Intent::Event { words, tense } => match self.find(words, q.when(), *tense, lang, today)
            {
                Some(i) => {
                    let mut reply = self.describe(&gs[i], lang, today, None);
                    // "is the May meeting still on?": put off, its new date is the answer.
                    if let Some(j) = self.put_off_to(i) {
                        let new = self.describe(&gs[j], lang, today, Some(phrases::new_date(lang)));
                        reply.lines.extend(new.lines);
                    }
                    (reply, Some(i))
                }
                None => (say(lang, phrases::dont_know(lang)), None),
            },
            Intent::Register { words } => {
                match self.register_target(words, q.when(), lang, today) {
                    Some(i) => (self.register_for(i, lang, today), Some(i)),
                    None => (self.register(words, q.when(), lang, today), None),
                }
            }
            _ => (self.reply_alone(q, today), None),
        }
    }

    /// A question that asks how to register or until when to propose a talk, or about
    /// gatherings in general, whose other words are none the index knows nor a kind of gathering ("show
    /// me", "pueden", "du coup"), asks in general: without those words. A question about
    /// one gathering keeps them: "when is the Berlin meetup?" is not about another one.
    fn loosened(&self, q: &Question) -> Option<Question> {
        let lang = q.lang;
        let vague = |words: &[String]| {
            !words.is_empty()
                && words
                    .iter()
                    .all(|w| kind(w).is_none() && !self.index.knows(w, lang))
        };
        let intent = match &q.intent {
            // "which gatherings are planned around here?": all of them.
            Intent::Next { words } if q.general && vague(words) => {
                Intent::Next { words: Vec::new() }
            }
            Intent::Events {
                words,
                window,
                page,
            } if q.general && vague(words) => Intent::Events {
                words: Vec::new(),
                window: *window,
                page: *page,
            },
            Intent::Register { words } if vague(words) => Intent::Register { words: Vec::new() },
            Intent::Proposals { words } if vague(words) => Intent::Proposals { words: Vec::new() },
            Intent::Apply { words } if vague(words) => Intent::Apply { words: Vec::new() },
            _ => return None,
        };
        Some(Question {
            intent,
            ..q.clone()
        })
    }

    /// Answers a question on its own (no conversation).
    fn reply_alone(&self, q: &Question, today: NaiveDate) -> Reply {
        let lang = q.lang;
        match &q.intent {
            Intent::Help => phrases::help(lang)
                .iter()
                .fold(Reply::new(lang), |r, l| r.line(Line::default().text(*l))),
            Intent::Usage(usage) => say(lang, phrases::usage(usage, lang)),
            Intent::Unknown => say(lang, phrases::dont_know(lang)),
            Intent::SmallTalk(talk) => say(lang, phrases::small_talk(*talk, lang)),
            Intent::Events {
                words,
                window,
                page,
            } => self.events(words, q.when(), *window, *page, lang, today),
            Intent::Contact { topic, words } => self.contact(*topic, words, lang),
            // Questions about one gathering: `reply_after` answers them, and says which.
            Intent::Next { .. }
            | Intent::Event { .. }
            | Intent::Register { .. }
            | Intent::Proposals { .. }
            | Intent::Apply { .. }
            | Intent::Duration { .. }
            | Intent::Price { .. } => self.reply_after(q, today, None).0,
        }
    }

    fn hits(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        keep: impl Fn(&Gathering) -> bool,
    ) -> Vec<Hit> {
        let gs = &self.catalog.gatherings;
        // "lo próximo en el hacklab": only the community's name, so any of its gatherings.
        if words.iter().all(|w| self.index.says_nothing(w, lang)) {
            return (0..gs.len())
                .filter(|&i| covers(when, &gs[i]) && keep(&gs[i]))
                .map(|gathering| Hit {
                    gathering,
                    score: 1.0,
                    coverage: 1.0,
                })
                .collect();
        }
        let hits = self
            .index
            .search(words, lang, |i| covers(when, &gs[i]) && keep(&gs[i]))
            .into_iter()
            .filter(|h| h.coverage >= COVERAGE && h.score > 0.0)
            .collect();
        self.of_kind(hits, words)
    }

    /// Kinds named in the question ("un sprint avant le Map Summit") decide: a gathering
    /// whose own name has the kinds, or whose main gathering's name explains the rest, is
    /// meant; the others are context ("avant le Map Summit"), not answers.
    fn of_kind(&self, hits: Vec<Hit>, words: &[String]) -> Vec<Hit> {
        let kinds: Vec<String> = words.iter().filter_map(|w| kind(w)).collect();
        if kinds.is_empty() {
            return hits;
        }
        let explained = |h: &Hit| -> usize {
            let named = &self.kinds[h.gathering];
            if !kinds.iter().any(|k| named.own.contains(k)) {
                return 0;
            }
            kinds
                .iter()
                .filter(|k| named.own.contains(k) || named.parent.contains(k))
                .count()
        };
        let scored: Vec<(usize, Hit)> = hits.into_iter().map(|h| (explained(&h), h)).collect();
        let best = scored.iter().map(|(e, _)| *e).max().unwrap_or(0);
        scored
            .into_iter()
            .filter(|(e, _)| best == 0 || *e == best)
            .map(|(_, h)| h)
            .collect()
    }

    /// The gathering a question names, if crieur knows it.
    fn find(
        &self,
        words: &[String],
        when: When,
        tense: Tense,
        lang: Language,
        today: NaiveDate,
    ) -> Option<usize> {
        let gs = &self.catalog.gatherings;
        if words.is_empty() {
            // "what happens in 2024?": the year alone.
            if when.is_none() {
                return None;
            }
            return gs.iter().position(|g| covers(when, g) && g.primary);
        }
        let hits = self.hits(words, when, lang, |_| true);
        let best = hits.first()?;
        // When the best match is a main gathering, side ones (a sprint before it) are not
        // what was asked for, however close their score, unless the question names their
        // kind ("the workshops": every workshop of a series).
        let primary_only = gs[best.gathering].primary;
        let asked: Vec<String> = words.iter().filter_map(|w| kind(w)).collect();
        let named_kind = |i: usize| asked.iter().any(|k| self.kinds[i].own.contains(k));
        let close: Vec<usize> = hits
            .iter()
            .filter(|h| {
                h.score >= 0.6 * best.score
                    && (!primary_only || gs[h.gathering].primary || named_kind(h.gathering))
            })
            .map(|h| h.gathering)
            .collect();
        // "ErableConf 2018 in May" in one post, "May 24–26" in another: the days say more.
        let within_month = |i: usize| {
            gs[i].precision == Precision::Month
                && close.iter().any(|&j| {
                    gs[j].precision == Precision::Day
                        && gs[i].start <= gs[j].start
                        && gs[j].end <= gs[i].end
                })
        };
        let close: Vec<usize> = close
            .iter()
            .copied()
            .filter(|&i| !within_month(i))
            .collect();
        // Soonest first; on the same day, the best match.
        let upcoming = || {
            close
                .iter()
                .copied()
                .enumerate()
                .filter(|&(_, i)| is_upcoming(&gs[i], today))
                .min_by_key(|&(rank, i)| (gs[i].start, rank))
                .map(|(_, i)| i)
        };
        let past = || {
            close
                .iter()
                .copied()
                .filter(|&i| !is_upcoming(&gs[i], today))
                .max_by_key(|&i| gs[i].start)
        };
        match tense {
            Tense::Past => past().or(Some(hits[0].gathering)),
            Tense::Future => upcoming().or(Some(hits[0].gathering)),
            Tense::Any => upcoming().or_else(past).or(Some(hits[0].gathering)),
        }
    }

    /// The gathering that replaces cancelled gathering `i`: the main one of a post that
    /// calls `i` off, later than it ("se pospone a octubre").
    fn put_off_to(&self, i: usize) -> Option<usize> {
        let gs = &self.catalog.gatherings;
        let off = &gs[i];
        if !off.cancelled {
            return None;
        }
        let files: Vec<&str> = off.versions.iter().map(|v| v.file.as_str()).collect();
        (0..gs.len()).find(|&j| {
            let g = &gs[j];
            g.primary
                && !g.cancelled
                && g.start > off.end
                && g.site == off.site
                && g.versions.iter().any(|v| files.contains(&v.file.as_str()))
        })
    }

    /// The upcoming gatherings the words name (all when none), soonest first; cancelled
    /// ones are left out.
    fn upcoming(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        today: NaiveDate,
    ) -> Vec<usize> {
        self.upcoming_of(words, when, lang, today, false)
    }

    /// The same, cancelled ones included.
    fn upcoming_all(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        today: NaiveDate,
    ) -> Vec<usize> {
        self.upcoming_of(words, when, lang, today, true)
    }

    fn upcoming_of(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        today: NaiveDate,
        cancelled: bool,
    ) -> Vec<usize> {
        let gs = &self.catalog.gatherings;
        let mut found: Vec<usize> = if words.is_empty() {
            (0..gs.len()).filter(|&i| covers(when, &gs[i])).collect()
        } else {
            let hits = self.hits(words, when, lang, |g| {
                is_upcoming(g, today) && (cancelled || !g.cancelled)
            });
            let best = hits.first().map_or(0.0, |h| h.score);
            hits.iter()
                .filter(|h| h.score >= 0.6 * best)
                .map(|h| h.gathering)
                .collect()
        };
        found.retain(|&i| is_upcoming(&gs[i], today) && (cancelled || !gs[i].cancelled));
        // "les prochaines rencontres", "any gatherings?": words for gatherings in general
        // name none of them.
        let specific: Vec<String> = words
            .iter()
            .filter(|w| !crate::lexicon::GENERIC_KINDS.contains(&w.as_str()))
            .cloned()
            .collect();
        if found.is_empty() && specific.len() < words.len() {
            return self.upcoming_of(&specific, when, lang, today, cancelled);
        }
        found.sort_by_key(|&i| (gs[i].start, !gs[i].primary));
        found
    }

    /// The next gathering the words name; one cancelled before it is said first, so that
    /// nobody comes for nothing.
    fn next(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        today: NaiveDate,
    ) -> (Reply, Option<usize>) {
        let gs = &self.catalog.gatherings;
        let next = self.upcoming(words, when, lang, today).first().copied();
        let cancelled = self
            .upcoming_all(words, when, lang, today)
            .into_iter()
            .find(|&i| gs[i].cancelled && next.is_none_or(|n| gs[i].start <= gs[n].start));
        let mut reply = match next {
            Some(i) => self.describe(&gs[i], lang, today, Some(phrases::next(lang))),
            None => Reply::new(lang),
        };
        if let Some(c) = cancelled {
            reply.lines.insert(0, self.summary(&gs[c], lang));
            return (reply, next);
        }
        match next {
            Some(_) => (reply, next),
            None if words.is_empty() => (say(lang, phrases::no_upcoming(lang)), None),
            None => (say(lang, phrases::dont_know(lang)), None),
        }
    }

    fn events(
        &self,
        words: &[String],
        when: When,
        window: Window,
        page: usize,
        lang: Language,
        today: NaiveDate,
    ) -> Reply {
        let (from, limit) = span_of(window, today);
        // "¿qué encuentros hay en julio?", "quelles rencontres cette semaine ?": within a
        // month or a week, a word for gatherings in general asks for them all, not for
        // those that happen to be named "Encuentro".
        let generic = words
            .iter()
            .all(|w| crate::lexicon::GENERIC_KINDS.contains(&w.as_str()));
        let words = if limit.is_some() && generic {
            &[]
        } else {
            words
        };
        let mut found: Vec<usize> = self
            .upcoming_all(words, when, lang, today)
            .into_iter()
            .filter(|&i| {
                let g = &self.catalog.gatherings[i];
                limit.is_none_or(|l| g.start <= l) && g.end >= from
            })
            .collect();
        if found.is_empty() {
            found = self.of_kind_within(words, when, lang, from, limit);
        }
        if found.is_empty() {
            // Nothing this week, but something later: say so, and what comes next.
            let later = self.upcoming(words, when, lang, today);
            return match (limit, later.first()) {
                (Some(_), Some(&next)) => {
                    let mut first = Line::default()
                        .text(phrases::nothing_in(window, lang))
                        .text(phrases::next(lang));
                    first
                        .0
                        .extend(self.summary(&self.catalog.gatherings[next], lang).0);
                    Reply::new(lang).line(first)
                }
                _ if words.is_empty() => say(lang, phrases::no_upcoming(lang)),
                _ => say(lang, phrases::dont_know(lang)),
            };
        }
        // A few gatherings in full; more as an overview, three to a line, names and days.
        let compact = found.len() > PAGE;
        let per_page = if compact { PAGE * PAGE } else { PAGE };
        let start = (page - 1) * per_page;
        let shown: Vec<usize> = found.iter().copied().skip(start).take(per_page).collect();
        let mut reply = Reply::new(lang);
        if compact {
            for row in shown.chunks(PAGE) {
                let mut line = Line::default();
                for (k, &i) in row.iter().enumerate() {
                    if k > 0 {
                        line = line.text(" · ");
                    }
                    line.0
                        .extend(self.brief(&self.catalog.gatherings[i], lang).0);
                }
                reply = reply.line(line);
            }
        } else {
            for &i in &shown {
                reply = reply.line(self.summary(&self.catalog.gatherings[i], lang));
                // A gathering put off, and its new days when the list leaves them out.
                if let Some(j) = self.put_off_to(i).filter(|j| !shown.contains(j)) {
                    let mut line = Line::default().text(phrases::new_date(lang));
                    line.0
                        .extend(self.summary(&self.catalog.gatherings[j], lang).0);
                    reply = reply.line(line);
                }
            }
        }
        let rest = found.len().saturating_sub(start + per_page);
        if rest > 0 {
            let mut command = format!("!events {}", page + 1);
            if !words.is_empty() {
                command = format!("!events {} {}", words.join(" "), page + 1);
            }
            reply = reply.line(Line::default().text(phrases::more(rest, &command, lang)));
        }
        if reply.lines.is_empty() {
            return say(lang, phrases::no_upcoming(lang));
        }
        reply
    }

    /// "the workshop on December 3rd", "the March meeting": a kind of gathering within a
    /// month at most names it, whatever else the question calls it ("ciberseguridad" for
    /// "seguridad informática"), unless its other words name something crieur knows.
    fn of_kind_within(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        from: NaiveDate,
        limit: Option<NaiveDate>,
    ) -> Vec<usize> {
        let Some(last) = limit.filter(|l| *l - from <= Duration::days(31)) else {
            return Vec::new();
        };
        let asked: Vec<String> = words.iter().filter_map(|w| kind(w)).collect();
        let names_other = words.iter().any(|w| {
            kind(w).is_none() && self.index.knows(w, lang) && !self.index.says_nothing(w, lang)
        });
        if asked.is_empty() || names_other {
            return Vec::new();
        }
        let gs = &self.catalog.gatherings;
        (0..gs.len())
            .filter(|&i| {
                let g = &gs[i];
                covers(when, g)
                    && g.start <= last
                    && g.end >= from
                    && asked.iter().all(|k| {
                        // A post's main gathering is also what its title calls it
                        // ("Grupo de seguridad informática: taller en Lubrín").
                        self.kinds[i].own.contains(k)
                            || g.primary
                                && g.versions.iter().any(|v| {
                                    search::words(&v.post_title)
                                        .iter()
                                        .any(|w| kind(w).as_ref() == Some(k))
                                })
                    })
            })
            .collect()
    }

    fn register(&self, words: &[String], when: When, lang: Language, today: NaiveDate) -> Reply {
        match self.register_target(words, when, lang, today) {
            Some(i) => self.register_for(i, lang, today),
            None => say(
                lang,
                if words.is_empty() {
                    phrases::no_upcoming(lang)
                } else {
                    phrases::dont_know(lang)
                },
            ),
        }
    }

    /// The gathering a registration question is about: the one it names, else the next one
    /// with a form or a deadline.
    fn register_target(
        &self,
        words: &[String],
        when: When,
        lang: Language,
        today: NaiveDate,
    ) -> Option<usize> {
        let gs = &self.catalog.gatherings;
        if words.is_empty() {
            let upcoming = self.upcoming(words, when, lang, today);
            upcoming
                .iter()
                .copied()
                .find(|&i| {
                    gs[i].registration_url(lang).is_some()
                        || gs[i].registration_deadline().is_some()
                })
                .or(upcoming.first().copied())
        } else {
            self.find(words, when, Tense::Future, lang, today)
        }
    }

    /// How and until when to register for gathering `i`.
    fn register_for(&self, i: usize, lang: Language, today: NaiveDate) -> Reply {
        let g = &self.catalog.gatherings[i];
        let mut reply = Reply::new(lang).line(self.summary(g, lang));
        // No registration deadline, but a call for proposals or another date to act by
        // ("apply by February 22"): that is the date to know.
        let other = g
            .deadlines
            .iter()
            .filter(|d| d.kind != DeadlineKind::Registration && d.date >= today)
            .min_by_key(|d| d.date)
            .filter(|_| g.registration_deadline().is_none());
        if let Some(d) = other {
            let date = format::date(d.date, lang);
            let text = match d.kind {
                DeadlineKind::Proposal => phrases::proposals_until(&date, lang),
                _ => phrases::until_line(&date, lang),
            };
            if g.registration_url(lang).is_none() {
                reply = reply.line(Line::default().text(text));
                if let Some(url) = g.post_url(lang) {
                    reply = reply.line(Line::default().text(phrases::details(lang)).link(url, url));
                }
                return reply;
            }
            reply = reply.line(Line::default().text(text));
        }
        reply = match (g.registration_url(lang), g.registration_deadline()) {
            (_, Some(d)) if d < today => {
                reply.line(Line::default().text(phrases::closed(&format::date(d, lang), lang)))
            }
            (Some(url), deadline) => {
                let mut line = Line::default()
                    .text(phrases::register_at(lang))
                    .link(url, url);
                if let Some(d) = deadline {
                    line = line.text(phrases::until(&format::date(d, lang), lang));
                }
                reply.line(line)
            }
            (None, Some(d)) => {
                reply.line(Line::default().text(phrases::until_line(&format::date(d, lang), lang)))
            }
            (None, None) => {
                let title = self.title(g, lang);
                let mut r =
                    reply.line(Line::default().text(phrases::no_registration(&title, lang)));
                if let Some(url) = g.post_url(lang) {
                    r = r.line(Line::default().text(phrases::details(lang)).link(url, url));
                }
                r
            }
        };
        reply
    }

    /// The gathering a question about proposals, length or price names none: the next one
    /// with an open call for proposals (for proposals), else the next one.
    fn next_with(
        &self,
        intent: &Intent,
        when: When,
        lang: Language,
        today: NaiveDate,
    ) -> Option<usize> {
        let upcoming = self.upcoming(&[], when, lang, today);
        // The next gathering that still takes proposals, or applications.
        let open = |kind: DeadlineKind| {
            upcoming.iter().copied().find(|&i| {
                self.catalog.gatherings[i]
                    .deadlines
                    .iter()
                    .any(|d| d.kind == kind && d.date >= today)
            })
        };
        match intent {
            Intent::Proposals { .. } => open(DeadlineKind::Proposal),
            Intent::Apply { .. } => open(DeadlineKind::Other),
            _ => None,
        }
        .or(upcoming.first().copied())
    }

    /// One thing about gathering `i` (its call for proposals, how long it lasts, what it
    /// costs) under its summary.
    fn facet(&self, intent: &Intent, i: usize, lang: Language, today: NaiveDate) -> Reply {
        let g = &self.catalog.gatherings[i];
        let reply = Reply::new(lang).line(self.summary(g, lang));
        let line = match intent {
            Intent::Proposals { .. } => {
                let proposal = g.next_deadline(DeadlineKind::Proposal, today);
                let text = match proposal {
                    Some(d) if d < today => phrases::proposals_closed(&format::date(d, lang), lang),
                    Some(d) => phrases::proposals_until(&format::date(d, lang), lang),
                    None => phrases::no_proposals(&self.title(g, lang), lang),
                };
                Some(Line::default().text(text))
            }
            Intent::Apply { .. } => {
                let other = g.next_deadline(DeadlineKind::Other, today);
                let text = match other {
                    Some(d) if d < today => {
                        phrases::applications_closed(&format::date(d, lang), lang)
                    }
                    Some(d) => phrases::applications_until(&format::date(d, lang), lang),
                    None => phrases::no_applications(&self.title(g, lang), lang),
                };
                Some(Line::default().text(text))
            }
            Intent::Duration { .. } => {
                let days = (g.end - g.start).num_days() + 1;
                (g.precision == Precision::Day)
                    .then(|| Line::default().text(phrases::lasts(days, lang)))
            }
            Intent::Price { .. } => Some(match g.price(lang) {
                Some(p) if p.free => Line::default()
                    .text(phrases::free(lang))
                    .text(phrases::quote(&p.text, lang)),
                Some(p) => Line::default()
                    .text(phrases::price(lang))
                    .text(phrases::quote(&p.text, lang)),
                None => Line::default().text(phrases::no_price(lang)),
            }),
            _ => None,
        };
        let mut reply = match line {
            Some(line) => reply.line(line),
            None => reply,
        };
        // What a place costs often holds until a date ("early-bird until May 26"): the
        // registration deadline ahead goes with the price.
        if matches!(intent, Intent::Price { .. })
            && let Some(d) = g.registration_deadline().filter(|d| *d >= today)
        {
            reply = reply.line(
                Line::default().text(phrases::registration_until(&format::date(d, lang), lang)),
            );
        }
        match g.post_url(lang) {
            Some(url) => reply.line(Line::default().text(phrases::details(lang)).link(url, url)),
            None => reply,
        }
    }

    fn contact(&self, topic: Option<Topic>, words: &[String], lang: Language) -> Reply {
        let Some(topic) = topic else {
            return self.contacts(lang);
        };
        let entries = self.entries(topic, words, lang);
        if entries.is_empty() && topic == Topic::Other {
            // No contact address: every way to reach the community.
            return self.contacts(lang);
        }
        if entries.is_empty() {
            return say(lang, phrases::no_help(lang));
        }
        entries
            .iter()
            .take(4)
            .fold(Reply::new(lang), |reply, e| reply.line(entry_line(e, lang)))
    }

    /// Every help topic the sites give, one line each; past three, the others as the
    /// commands that show them, so that the reply fits a chat.
    fn contacts(&self, lang: Language) -> Reply {
        const ORDER: [Topic; 7] = [
            Topic::Chat,
            Topic::MailingList,
            Topic::BugTracker,
            Topic::Security,
            Topic::Steering,
            Topic::Documentation,
            Topic::Other,
        ];
        let topics: Vec<(Topic, &HelpEntry)> = ORDER
            .iter()
            .filter_map(|&t| self.entries(t, &[], lang).first().map(|e| (t, *e)))
            .collect();
        if topics.is_empty() {
            return say(lang, phrases::no_help(lang));
        }
        let shown = if topics.len() <= 4 { 4 } else { 3 };
        let mut reply = topics
            .iter()
            .take(shown)
            .fold(Reply::new(lang), |reply, (_, e)| {
                reply.line(entry_line(e, lang))
            });
        let rest: Vec<String> = topics
            .iter()
            .skip(shown)
            .filter(|(t, _)| *t != Topic::Other)
            .map(|(t, _)| format!("!contact {}", phrases::topic_word(*t, lang)))
            .collect();
        if !rest.is_empty() {
            reply = reply.line(Line::default().text(phrases::more_topics(&rest.join(", "), lang)));
        }
        reply
    }

    /// The help entries of a topic in the asker's language (else English, else any), the
    /// ones matching the question's words when some do.
    fn entries(&self, topic: Topic, words: &[String], lang: Language) -> Vec<&HelpEntry> {
        let of_topic = |l: Option<Language>| -> Vec<&HelpEntry> {
            self.catalog
                .help
                .iter()
                .filter(|e| e.topic == topic && l.is_none_or(|l| e.lang == l))
                .collect()
        };
        let mut entries = of_topic(Some(lang));
        if entries.is_empty() {
            entries = of_topic(Some(Language::En));
        }
        if entries.is_empty() {
            entries = of_topic(None);
        }
        // A list's address says more than a link to its web page.
        if entries.iter().any(|e| e.address.is_some()) {
            entries.retain(|e| e.address.is_some() || e.topic != Topic::MailingList);
        }
        // Which entry: the words beyond those naming the topic ("des développeurs").
        let specific: Vec<String> = words
            .iter()
            .filter(|w| !intent::is_topic_word(w))
            .cloned()
            .collect();
        let scored: Vec<(usize, &HelpEntry)> = entries
            .iter()
            .map(|e| (overlap(&specific, &e.text), *e))
            .collect();
        let best = scored.iter().map(|(s, _)| *s).max().unwrap_or(0);
        let mut out: Vec<&HelpEntry> = scored
            .into_iter()
            .filter(|(s, _)| *s == best)
            .map(|(_, e)| e)
            .collect();
        out.dedup_by(|a, b| a.address == b.address && a.link == b.link);
        out
    }

    /// A gathering's name; a side one named by its kind alone ("sprint de code") with its
    /// main gathering's.
    fn title(&self, g: &Gathering, lang: Language) -> String {
        let v = g.version(lang);
        match &v.parent {
            Some(p) if v.title.split_whitespace().count() <= 3 => format!("{} ({p})", v.title),
            _ => v.title.clone(),
        }
    }

    /// Name and days, for an overview of many.
    fn brief(&self, g: &Gathering, lang: Language) -> Line {
        let title = self.title(g, lang);
        let mut days = format::days(g.start, g.end, g.precision, lang);
        // Where, unless the name says it: "what's on in November?" asks where too.
        let folded = crate::extract::token::fold(&title);
        if let Some(place) = g
            .place(lang)
            .map(|p| place_name(p, lang))
            .filter(|p| !folded.contains(crate::extract::token::fold(p).as_ref()))
        {
            days = format!("{days}, {place}");
        }
        let line = Line::default().strong(title);
        if g.cancelled {
            let word = phrases::cancelled(lang).trim().trim_matches(['(', ')']);
            return line.text(format!(" ({word}, {days})"));
        }
        line.text(format!(" ({days})"))
    }

    /// One line: name, days, times, place.
    fn summary(&self, g: &Gathering, lang: Language) -> Line {
        let mut line = Line::default().strong(self.title(g, lang));
        if g.cancelled {
            line = line.text(phrases::cancelled(lang));
        }
        let mut when = format!(
            "{}{}",
            phrases::colon(lang),
            format::days(g.start, g.end, g.precision, lang)
        );
        if g.precision == Precision::Day {
            match (g.start_time, g.end_time) {
                (Some(s), Some(e)) if g.start == g.end => when.push_str(&format!(
                    ", {} – {}",
                    format::time(s, lang),
                    format::time(e, lang)
                )),
                (Some(s), _) => {
                    when.push_str(phrases::starting(lang));
                    when.push_str(&format::time(s, lang));
                }
                _ => {}
            }
        }
        match (g.place(lang), g.venue(lang)) {
            // The venue with its address names the town: "The Hub, 12 Harbour Street,
            // Bristol".
            (Some(place), Some(venue)) if venue.contains(place) => {
                when.push_str(", ");
                when.push_str(venue);
            }
            (Some(place), Some(venue)) if place != "online" => {
                when.push_str(&format!(", {}, {venue}", place_name(place, lang)));
            }
            (Some(place), _) => {
                when.push_str(", ");
                when.push_str(&place_name(place, lang));
            }
            (None, Some(venue)) => {
                when.push_str(", ");
                when.push_str(venue);
            }
            (None, None) => {}
        }
        when.push('.');
        line.text(when)
    }

    /// A gathering in full: summary, registration while it is open, link to the post.
    fn describe(
        &self,
        g: &Gathering,
        lang: Language,
        today: NaiveDate,
        prefix: Option<&str>,
    ) -> Reply {
        let mut first = Line::default();
        if let Some(p) = prefix {
            first = first.text(p);
        }
        first.0.extend(self.summary(g, lang).0);
        // "AgoraConf 2025: May 2025": asked when, a member learns the days are still to come.
        if is_upcoming(g, today) && g.precision == Precision::Month {
            first = first.text(" ").text(phrases::days_not_announced(lang));
        }
        let mut reply = Reply::new(lang).line(first);
        if is_upcoming(g, today) && !g.cancelled {
            let deadline = g.registration_deadline();
            match (g.registration_url(lang), deadline) {
                (Some(url), Some(d)) if d >= today => {
                    reply = reply.line(
                        Line::default()
                            .text(phrases::register_at(lang))
                            .link(url, url)
                            .text(phrases::until(&format::date(d, lang), lang)),
                    );
                }
                (Some(url), None) => {
                    reply = reply.line(
                        Line::default()
                            .text(phrases::register_at(lang))
                            .link(url, url),
                    )
                }
                _ => {}
            }
            if let Some(d) = g
                .deadlines
                .iter()
                .find(|d| d.kind == DeadlineKind::Proposal && d.date >= today)
            {
                reply = reply.line(
                    Line::default()
                        .text(phrases::proposals_until(&format::date(d.date, lang), lang)),
                );
            }
        }
        if let Some(url) = g.post_url(lang) {
            reply = reply.line(Line::default().text(phrases::details(lang)).link(url, url));
        }
        reply
    }
}

fn say(lang: Language, text: impl Into<String>) -> Reply {
    Reply::new(lang).line(Line::default().text(text))
}

/// One help entry: its topic, address and link, and what the page says of it, the address
/// written once.
fn entry_line(e: &HelpEntry, lang: Language) -> Line {
    let mut line = Line::default().text(phrases::topic(e.topic, lang));
    let text = e.text.trim().trim_end_matches([',', ';', '.']);
    if let Some(a) = e.address.as_ref().filter(|a| text.contains(a.as_str())) {
        // The page's sentence names the address: it says it all, the link after it.
        line = line.text(text.to_string());
        if let Some(l) = e
            .link
            .as_ref()
            .filter(|l| !text.contains(l.as_str()) && *l != a)
        {
            line = line.text(" ").link(l.clone(), l.clone());
        }
        return line;
    }
    match (&e.address, &e.link) {
        (Some(a), Some(l)) => line = line.link(a.clone(), l.clone()),
        (Some(a), None) => line = line.text(a.clone()),
        (None, Some(l)) => line = line.link(l.clone(), l.clone()),
        (None, None) => {}
    }
    if !text.is_empty() {
        line = line.text(format!(" — {text}"));
    }
    line
}

/// How many of the question's words the text has (by their first five letters).
fn overlap(words: &[String], text: &str) -> usize {
    let text_words = search::words(text);
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .filter(|w| text_words.iter().any(|t| stem(t) == stem(w)))
        .count()
}

/// "online" is a place in every language.
fn place_name(place: &str, lang: Language) -> String {
    if place == "online" {
        phrases::in_lang("online", "en ligne", "en línea", lang).to_string()
    } else {
        place.to_string()
    }
}

fn is_upcoming(g: &Gathering, today: NaiveDate) -> bool {
    g.end >= today
}

fn in_year(g: &Gathering, year: i32) -> bool {
    g.start.year() == year || g.end.year() == year
}

/// Whether a gathering is in the year and the month a question names.
fn covers(when: When, g: &Gathering) -> bool {
    let in_month = |m: u32| {
        let (s, e) = (
            g.start.year() * 12 + g.start.month0() as i32,
            g.end.year() * 12 + g.end.month0() as i32,
        );
        (s..=e).any(|k| k.rem_euclid(12) as u32 + 1 == m)
    };
    when.year.is_none_or(|y| in_year(g, y)) && when.month.is_none_or(in_month)
}

/// The days a window covers from `today`: (first, last or open-ended).
fn span_of(window: Window, today: NaiveDate) -> (NaiveDate, Option<NaiveDate>) {
    let to_sunday = Duration::days(i64::from(6 - today.weekday().num_days_from_monday()));
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today);
    match window {
        Window::Upcoming => (today, None),
        Window::Week => (today, Some(today + to_sunday)),
        Window::Weekend => {
            let sunday = today + to_sunday;
            ((sunday - Duration::days(1)).max(today), Some(sunday))
        }
        Window::Month => (today, Some(last_of_month(today))),
        Window::NextMonth => {
            let next = last_of_month(today) + Duration::days(1);
            (next, Some(last_of_month(next)))
        }
        Window::InMonth(m) => {
            // Its next occurrence: this year's if not over, else next year's.
            let this_year = first_of(today.year(), m);
            let first = if last_of_month(this_year) >= today {
                this_year
            } else {
                first_of(today.year() + 1, m)
            };
            (first.max(today), Some(last_of_month(first)))
        }
        Window::Year => (today, NaiveDate::from_ymd_opt(today.year(), 12, 31)),
        Window::Soon => (today, Some(today + Duration::days(30))),
        Window::Within(days) => (today, Some(today + Duration::days(days))),
        Window::Season(first) => {
            // This year's, unless it is over; winter runs into the next year.
            let start = |y: i32| first_of(y, first);
            let end = |y: i32| last_of_month(start(y) + Duration::days(62));
            let year = if end(today.year()) >= today {
                today.year()
            } else {
                today.year() + 1
            };
            // Winter began last December for a question asked in January or February.
            let year = if first == 12 && today.month() <= 2 && end(year - 1) >= today {
                year - 1
            } else {
                year
            };
            (start(year).max(today), Some(end(year)))
        }
        Window::NextWeek => {
            let monday = today + to_sunday + Duration::days(1);
            (monday, Some(monday + Duration::days(6)))
        }
        Window::Weekday(d) => {
            let ahead = (7 + d - today.weekday().num_days_from_monday()) % 7;
            let day = today + Duration::days(i64::from(ahead));
            (day, Some(day))
        }
        Window::InDays(n) => {
            let day = today + Duration::days(n);
            (day, Some(day))
        }
        Window::Day(m, d) => {
            // Its next occurrence: this year's if not past, else next year's.
            let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
            let day = this_year
                .filter(|day| *day >= today)
                .or_else(|| NaiveDate::from_ymd_opt(today.year() + 1, m, d))
                .unwrap_or(today);
            (day, Some(day))
        }
    }
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    #[test]
    fn a_season_is_this_year_s_unless_over_and_winter_spans_the_new_year() {
        for (first, today, span) in [
            (9, d(2021, 9, 20), (d(2021, 9, 20), d(2021, 11, 30))),
            (3, d(2026, 3, 2), (d(2026, 3, 2), d(2026, 5, 31))),
            (3, d(2026, 7, 1), (d(2027, 3, 1), d(2027, 5, 31))),
            (12, d(2026, 11, 1), (d(2026, 12, 1), d(2027, 2, 28))),
            (12, d(2026, 1, 10), (d(2026, 1, 10), d(2026, 2, 28))),
        ] {
            assert_eq!(
                span_of(Window::Season(first), today),
                (span.0, Some(span.1)),
                "{first} at {today}"
            );
        }
    }
}
