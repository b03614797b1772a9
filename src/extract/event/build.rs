//! Building the post's events while it is read: a date that is a gathering becomes a
//! draft, days inside a known gathering become its programme, and at the end the drafts
//! become events with their titles, places and times.

use super::name::{
    caption, date_tail, event_title, item_lead, link_text, name_with_year, noun_phrase, side_title,
};
use super::score::{deadline_kind, event_score, one_year};
use super::{Context, Seen, signature};
use crate::extract::date::{self, Anchor, Lang, Mention, Precision, Shape, Span};
use crate::extract::facts::Facts;
use crate::extract::token::{self, Kind, Token};
use crate::extract::{
    Deadline, DeadlineKind, Event, Extraction, label, link, place, price, sentence, venue,
};
use crate::lexicon;
use crate::post::{Block, BlockKind};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike};
use std::borrow::Cow;

/// An event while the post is read: its days and where it was first announced.
pub(super) struct Draft {
    pub(super) span: Span,
    pub(super) start_time: Option<NaiveTime>,
    pub(super) end_time: Option<NaiveTime>,
    pub(super) side: bool,
    pub(super) noun: Option<String>,
    pub(super) name: Option<String>,
    /// The title under a date heading ("SAMEDI 18 JANVIER" then "Atelier Inkscape").
    pub(super) caption: Option<String>,
    pub(super) place: Option<String>,
    /// "at the same location": the side event is where the primary one is.
    pub(super) same_place: bool,
    /// Its sentence says it happens online.
    pub(super) online: bool,
    pub(super) cancelled: bool,
    /// A gathering put off: this is the date it leaves (`From`) or its new one (`To`).
    pub(super) moved: Option<Moved>,
    /// Times a programme gives to its first and last day.
    pub(super) programme_start: Option<NaiveTime>,
    pub(super) programme_end: Option<NaiveTime>,
    /// Where in the post it was first announced, in reading order.
    pub(super) order: usize,
    /// Its mention names a year or its sentence a gathering verb: a month that stands on
    /// its own beside a post's days.
    pub(super) strong: bool,
    /// Its sentence: the block's text (by address) and the sentence's first token.
    pub(super) sentence: (usize, usize),
    /// Its sentence, or the title under its date heading, speaks of a talk.
    pub(super) talk: bool,
    /// The block it was first announced in.
    pub(super) block: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Moved {
    From,
    To,
}

/// Whether the date is one a gathering is put off from or to: "X, que iba a celebrarse del 20
/// al 22 de mayo, se pospone" leaves a date; "postponed to March 12", "reportée au 12 mars"
/// and "las nuevas fechas son…" give the new one.
fn moved(seen: &Seen<'_, '_>) -> Option<Moved> {
    let l = lexicon::all();
    if sentence::has_any_phrase(&seen.words, l.new_dates) {
        return Some(Moved::To);
    }
    if !sentence::has_stem(&seen.words, l.postponed) {
        return None;
    }
    // The verb first, then a word leading to the date, maybe with an article: "al", "to
    // the", "hasta el".
    let before = &seen.before;
    let verb_before = sentence::has_stem(before, l.postponed);
    let lead = before.iter().rev().take(2).any(|w| l.moved_to.contains(w));
    Some(if verb_before && lead {
        Moved::To
    } else {
        Moved::From
    })
}

#[derive(Default)]
pub(super) struct Builder {
    events: Vec<Draft>,
    months: Vec<Draft>,
    deadlines: Vec<Deadline>,
    /// The programme day being read (a heading such as "Mardi 18 juin"), and its event.
    day: Option<(usize, NaiveDate)>,
    /// Dates considered so far: the reading order of drafts.
    read: usize,
    /// A list item headed by its date that was not taken for a gathering, kept until the
    /// next date: if that one, the next item, is a gathering, the list is one of them.
    held: Option<Draft>,
    /// The block of the last list item that held a deadline, and its kind: the next item
    /// ("Round 2 closes March 25") is of the same kind unless it says its own.
    item_deadline: Option<(usize, DeadlineKind)>,
}

impl Builder {
    pub(super) fn consider(&mut self, ctx: &Context<'_>, seen: Seen<'_, '_>) {
        let m = &seen.mention;
        // "calle del Dos de Mayo 8", "rue du 8 mai 1945": a street's name, not a day.
        if place::names_street(seen.tokens, m.first) {
            return;
        }
        let context_year = one_year(seen.tokens, seen.sentence, ctx);
        let sibling = self
            .item_deadline
            .filter(|&(b, _)| seen.kind == BlockKind::ListItem && b + 1 == seen.block)
            .map(|(_, kind)| kind);
        if let Some(kind) = deadline_kind(&seen, sibling) {
            let anchor = Anchor {
                post_date: ctx.post_date,
                context_year,
                future_only: true,
            };
            if let Some(span) = date::resolve(m, &anchor).filter(|s| s.precision == Precision::Day)
            {
                let deadline = Deadline {
                    date: span.start,
                    kind,
                };
                if !self.deadlines.contains(&deadline) {
                    self.deadlines.push(deadline);
                }
                if seen.kind == BlockKind::ListItem {
                    self.item_deadline = Some((seen.block, kind));
                }
            }
            return;
        }
        let anchor = Anchor {
            post_date: ctx.post_date,
            context_year,
            future_only: false,
        };
        // "Last week", "la semaine prochaine" date a gathering only when the sentence says
        // it happens there ("la semaine dernière s'est tenu notre codesprint"); otherwise
        // they are the writer's now ("updates from the summit last week"). This month is
        // the month of the gathering the sentence names ("ce mois-ci pour la soirée
        // Scala").
        let (week, this_month) = match m.shape {
            Shape::Relative {
                day_precision: false,
                days,
            } => (true, days == 0),
            _ => (false, false),
        };
        // A table's column "Mañana" (morning) beside "Tarde": a cell of that word alone is
        // a heading, not tomorrow.
        if matches!(m.shape, Shape::Relative { .. })
            && seen.kind == BlockKind::Cell
            && seen.words.len() <= 1
        {
            return;
        }
        let says_it = sentence::has_any_phrase(&seen.words, lexicon::all().gathering_verbs)
            || this_month && sentence::has_gathering_noun(&seen.words);
        if week && !says_it {
            return;
        }
        // "Un évènement qui revient tous les ans en décembre", "every year in June": a
        // habit, not a date.
        let near = &seen.before[seen.before.len().saturating_sub(5)..];
        if matches!(m.shape, Shape::Month)
            && m.items.iter().all(|p| p.year.is_none())
            && sentence::has_any_phrase(near, lexicon::all().habitual)
        {
            return;
        }
        let Some(span) = date::resolve(m, &anchor) else {
            return;
        };
        if signature::is_signature(&seen, span.start, ctx.post_date)
            || signature::is_edit_note(&seen)
        {
            return;
        }
        // Days that do not follow each other are gatherings of their own: "les 4 et 7
        // décembre", a series of Thursdays. Days that do are one: "les 14 et 15 octobre".
        if let Some(days) = date::resolve_days(m, &anchor)
            && days.windows(2).any(|w| w[1] != w[0] + Duration::days(1))
        {
            for day in days {
                self.place_span(ctx, &seen, date::day_span(day, day));
            }
            return;
        }
        self.place_span(ctx, &seen, span);
    }

    /// A gathering's days, or a programme day of one already known, or nothing.
    fn place_span(&mut self, ctx: &Context<'_>, seen: &Seen<'_, '_>, span: Span) {
        let m = &seen.mention;
        self.read += 1;
        let held = self.held.take();
        // Days inside a known event are its programme; but the days a title, a subtitle or
        // a "When:" line gives are the post's own gathering, even within a larger one (a
        // talk at a conference).
        let (s, e) = seen.sentence;
        let labelled = matches!(
            label::of(&seen.tokens[s..e]),
            Some((label::Label::When | label::Label::Time, _))
        );
        let own = labelled || seen.kind == BlockKind::Title && span.start != span.end;
        // "- **Buenos Aires** — mapatón, Sat 2 December" in a digest whose sprint is on 1–2
        // December in Manchester: a day in another town is a gathering of its own (two towns
        // crieur knows; a venue's name is no other town).
        let elsewhere = |e: &Draft| {
            let here =
                place::opening_town(seen.tokens, s, m.first).or_else(|| own_sentence_place(seen));
            here.zip(e.place.as_deref())
                .is_some_and(|(a, b)| other_known_towns(&a, b))
        };
        match self.containing(&span) {
            Some(i) if elsewhere(&self.events[i]) => {}
            Some(i) if !own || self.events[i].span == span => {
                self.absorb(i, &span, m, seen);
                return;
            }
            // "OpenGeo Days runs May 13–15 … **Our slot:** 5/14, 2–5pm": the fair around
            // the post's own gathering hosts it; it is not what the post announces.
            Some(i) if span.start == span.end => self.events[i].side = true,
            _ => {}
        }
        let score = event_score(ctx, seen, &span, !self.events.is_empty());
        if span.precision == Precision::Month {
            if score >= 2 && !self.months.iter().any(|d| d.span == span) {
                self.months.push(draft(
                    seen,
                    span,
                    self.events.is_empty() && self.months.is_empty(),
                    self.read,
                ));
            }
            return;
        }
        // Days that make a month already announced precise ("en juin" … "du 22 au 24 juin").
        let refines = self
            .months
            .iter()
            .any(|d| d.span.start <= span.start && span.end <= d.span.end);
        let heads_item = seen.kind == BlockKind::ListItem && seen.before.is_empty();
        if score >= 2 || (refines && score >= 0) {
            // "- Thursday 7 September — kick-off", "- Thursday 5 October — docs sprint":
            // the item before, headed by its date too, is a gathering of the same list.
            if let Some(before) = held.filter(|_| heads_item) {
                self.events.push(before);
            }
            let first = self.events.is_empty();
            self.events.push(draft(seen, span, first, self.read));
        } else if heads_item && score >= 0 {
            self.held = Some(draft(seen, span, self.events.is_empty(), self.read));
        }
    }

    fn containing(&self, span: &Span) -> Option<usize> {
        if span.precision != Precision::Day {
            return None;
        }
        // The same days, or days inside a known gathering: its programme ("les 8 et 9 juin
        // place aux conférences" within "du 7 au 9 juin").
        self.events
            .iter()
            .position(|e| e.span.start <= span.start && span.end <= e.span.end)
    }

    /// A mention of days of an event: programme headings and "begins at 2PM" give its times.
    fn absorb(&mut self, i: usize, span: &Span, m: &Mention, seen: &Seen<'_, '_>) {
        let event = &mut self.events[i];
        let short = seen.kind != BlockKind::Title
            && (matches!(seen.kind, BlockKind::Heading(_)) || seen.block_len < 60);
        if short && span.start == span.end {
            self.day = Some((i, span.start));
        }
        if span.start == span.end && event.span.start != event.span.end {
            if span.start == event.span.start && event.start_time.is_none() {
                event.start_time = m.start_time;
            }
            if span.start == event.span.end && event.end_time.is_none() {
                event.end_time = m.end_time.or(m.start_time.filter(|_| !short));
            }
        } else if event.start_time.is_none() && m.start_time.is_some() {
            event.start_time = m.start_time;
            event.end_time = m.end_time;
        }
        if event.place.is_none() {
            event.place = sentence_place(seen, seen.tokens.len());
        }
    }

    /// Reads one line of a programme ("14h00 | Accueil", "- 15h30 : fin") under a day heading.
    pub(super) fn programme_line(
        &mut self,
        block: &Block,
        toks: &[Token<'_>],
        next: Option<&Block>,
    ) {
        if matches!(block.kind, BlockKind::Heading(_)) && date_less_heading(toks) {
            return;
        }
        let Some((i, day)) = self.day else {
            return;
        };
        let start = toks.iter().position(|t| t.kind != Kind::Sym).unwrap_or(0);
        let Some((time, after)) = date::clock(toks, start) else {
            return;
        };
        let event = &mut self.events[i];
        if day == event.span.start && event.programme_start.is_none() {
            event.programme_start = Some(time);
        }
        let rest = sentence::words(&toks[after..]);
        let next_words: Vec<String> = next
            .filter(|n| n.kind == BlockKind::Cell && after >= toks.len())
            .map(|n| {
                token::tokenize(&n.text, &mut String::new())
                    .iter()
                    .take(3)
                    .map(|t| t.norm.to_string())
                    .collect()
            })
            .unwrap_or_default();
        // "15h30 : fin", "17h00 | Fin et photo de groupe"; not "12h30 - déjeuner de clôture".
        let says_end = rest
            .first()
            .is_some_and(|w| lexicon::all().programme_end.contains(w))
            || next_words
                .first()
                .is_some_and(|w| lexicon::all().programme_end.contains(&w.as_str()));
        if day == event.span.end && says_end && event.programme_end.is_none() {
            event.programme_end = Some(time);
        }
    }

    /// Whether a gathering's day or month was read.
    pub(super) fn has_dates(&self) -> bool {
        !self.events.is_empty() || !self.months.is_empty()
    }

    pub(super) fn finish(
        mut self,
        ctx: &Context<'_>,
        blocks: &[Cow<'_, Block>],
        tokens: &[Vec<Token<'_>>],
        sentences: &[Vec<(usize, usize)>],
        post_url: Option<&str>,
        facts: &Facts,
    ) -> Extraction {
        let mut drafts = std::mem::take(&mut self.events);
        // A month stands for a gathering of its own when no day of it is known; one that
        // was over before the post's month is history when the post announces days.
        let post_month = ctx.post_date - Duration::days(i64::from(ctx.post_date.day0()));
        let has_days = !drafts.is_empty();
        for month in std::mem::take(&mut self.months) {
            let covered = drafts
                .iter()
                .any(|d| d.span.start <= month.span.end && month.span.start <= d.span.end);
            // Beside days, a month is a gathering of its own only when named with its
            // year ("in April 2023") or its own gathering verb: "our meetings in October
            // and November" names no gathering.
            let beside_days_ok = !has_days || month.strong;
            let history = has_days && month.span.end < post_month;
            if !covered && !history && beside_days_ok {
                drafts.push(month);
            }
        }
        merge_talk_days(&mut drafts);
        drafts.sort_by_key(|d| d.order);
        // The main gathering has its days when the post gives some: "confirmed at November's
        // community call" before "the Encuentro, May 8 to 10" is not what it announces.
        let mut primary = drafts
            .iter()
            .position(|d| !d.side && d.span.precision == Precision::Day)
            .or_else(|| drafts.iter().position(|d| !d.side))
            .unwrap_or(0);
        // "Saturday, October 19th 1-4PM and Sunday, October 20th 1-4PM": a day next to the
        // main gathering's, with no name of its own, is more of it.
        while let Some(k) = drafts
            .iter()
            .enumerate()
            .position(|(k, d)| k != primary && next_day_of(&drafts[primary], d))
        {
            let extra = drafts.remove(k);
            if k < primary {
                primary -= 1;
            }
            let main = &mut drafts[primary];
            main.span.start = main.span.start.min(extra.span.start);
            main.span.end = main.span.end.max(extra.span.end);
        }
        // A gathering put off: its new date is the gathering, the date it leaves is off.
        if let Some(main) = drafts.get(primary)
            && (main.moved == Some(Moved::From) || main.moved.is_none() && ctx.title_cancelled)
            && let Some(k) = drafts
                .iter()
                .position(|d| d.moved == Some(Moved::To) && d.span.start > main.span.start)
        {
            drafts[primary].cancelled = true;
            // "Nueva fecha: del 15 al 17 de octubre, en la misma sede": where it was to be.
            if drafts[k].place.is_none() {
                drafts[k].place = drafts[primary].place.clone();
            }
            primary = k;
        }
        let primary_title = drafts.get(primary).map(|d| event_title(ctx, d));
        // The primary gathering's place, else the post's: each read only when needed.
        let online = || {
            blocks
                .iter()
                .zip(tokens)
                .take(8)
                .any(|(_, t)| place::is_online(&sentence::words(t)))
        };
        // "Ciclo de llamadas de octubre: cuatro jueves en línea", "November community call": a
        // title that says the gathering is online says it before a town a session's subject
        // names ("qué aprendimos en Bogotá"); not one naming a town too ("Toronto, in person
        // and online"), nor a site put online ("Mise en ligne du portail").
        let title_online = {
            let mut folded = String::new();
            let title = token::tokenize(ctx.title, &mut folded);
            let words = sentence::words(&title);
            says_online(&words)
                && !sentence::has_phrase(&words, &["mise", "en", "ligne"])
                && !place::names_known_town(ctx.title)
        };
        let primary_place = drafts.get(primary).and_then(|d| {
            title_online
                .then(|| "online".to_string())
                .or_else(|| d.place.clone())
                .or_else(|| labelled_place(blocks, tokens, sentences))
                .or_else(|| tokens.iter().find_map(|t| place::from_postcode(t)))
                .or_else(|| tokens.iter().find_map(|t| place::from_street(t)))
                .or_else(|| (d.online || online()).then(|| "online".to_string()))
                .or_else(|| title_town(ctx, tokens))
        });
        let captioned = drafts.iter().filter(|d| d.caption.is_some()).count();
        // A post whose gatherings name no other place than the main one's: the sessions of a
        // series, the workshop day before a conference, the next meetup are all there.
        let one_place = primary_place.is_some()
            && drafts
                .iter()
                .all(|d| d.place.is_none() || d.place == primary_place);
        let mut own_links = agenda_links(&drafts, blocks, tokens, sentences, post_url, ctx);
        let mut events = Vec::with_capacity(drafts.len());
        // "This month's meetup is cancelled. We'll be back on Thursday the 11th": a title that
        // calls the gathering off does not call off the next one, weeks later.
        let main_end = drafts.get(primary).map(|d| d.span.end);
        let next_one =
            |d: &Draft| main_end.is_some_and(|end| d.span.start > end + Duration::days(7));
        for (i, d) in drafts.iter().enumerate() {
            let is_primary = i == primary;
            // A programme of gatherings under date headings shares the post's place.
            let shares_place = d.same_place || one_place || (captioned > 1 && d.caption.is_some());
            // "## Online — Thursday, Nov. 7" in an agenda of towns: not the main one's town.
            let place = if is_primary || shares_place && d.place.is_none() && !d.online {
                primary_place.clone()
            } else {
                d.place
                    .clone()
                    .or_else(|| d.online.then(|| "online".to_string()))
            };
            let title = match &d.caption {
                // A programme of several gatherings, each under its date heading.
                Some(caption) if captioned > 1 => caption.clone(),
                _ if is_primary => primary_title.clone().unwrap_or_default(),
                _ => side_title(d, primary_title.as_deref()),
            };
            // "Friday June 23, 10pm–2am": a night that ends the next morning.
            let start_time = d.start_time.or(d.programme_start);
            let end_time = d.end_time.or(d.programme_end);
            let overnight = d.span.start == d.span.end
                && matches!((start_time, end_time), (Some(from), Some(to))
                    if to < from && to > NaiveTime::MIN && to.hour() < 8);
            events.push(Event {
                title,
                start: d.span.start,
                end: if overnight {
                    d.span.end + Duration::days(1)
                } else {
                    d.span.end
                },
                precision: d.span.precision,
                start_time,
                end_time,
                place,
                primary: is_primary,
                // A notice that the gathering is put off is not about its new date.
                cancelled: d.cancelled
                    || ctx.title_cancelled && d.moved != Some(Moved::To) && !next_one(d),
                registration_url: own_links[i].take(),
            });
        }
        super::front::apply(&mut events, facts, ctx);
        // "La charla será por Jitsi": a main gathering that nothing places, held on a video
        // call service the post names (not a stream or a recording: "watch it on YouTube").
        if let Some(main) = events.iter_mut().find(|e| e.primary && e.place.is_none())
            && tokens.iter().take(8).any(|t| on_call(&sentence::words(t)))
        {
            main.place = Some("online".to_string());
        }
        // "04700 Ejido" in an address, "El Ejido" in the text: the town's full name.
        for e in &mut events {
            if let Some(full) = e
                .place
                .as_deref()
                .and_then(|p| place::with_article(p, blocks))
            {
                e.place = Some(full);
            }
        }
        let last_end = events.iter().map(|e| e.end).max();
        // A deadline is for a gathering: before its end, or, in a post about gatherings
        // whose dates it does not give ("fin du CFP le 11 juillet"), near the post.
        let mut deadlines: Vec<Deadline> = self
            .deadlines
            .into_iter()
            .filter(|d| {
                // Near the post, or before a gathering its front matter dates (a page
                // dated with its gathering's day was written well before it).
                let first_start = events.iter().map(|e| e.start).min();
                let recent = d.date >= ctx.post_date - Duration::days(31)
                    || (facts.start.is_some() && first_start.is_some_and(|s| d.date <= s));
                let before_end = match last_end {
                    Some(end) => d.date <= end,
                    None => ctx.about_gathering && d.date <= ctx.post_date + Duration::days(366),
                };
                recent && before_end
            })
            .collect();
        deadlines.sort_by_key(|d| (d.date, d.kind));
        // The link a post gives to register is worth giving even where its gathering's
        // date was not understood, when the post is about a gathering or the link says so
        // plainly.
        let gathering = !events.is_empty() || ctx.about_gathering;
        // Outside a gathering's post only a plain form counts: a post without a form's
        // address has none to weigh.
        let weighed = gathering || link::any_form(blocks, tokens);
        let best = if weighed {
            let upcoming = last_end.is_none_or(|end| end >= ctx.post_date);
            link::best(blocks, tokens, sentences, post_url, upcoming)
        } else {
            None
        };
        let registration_url = match best {
            Some((score, url)) if gathering || link::is_plain_form(score, &url) => Some(url),
            _ => None,
        }
        .or_else(|| facts.registration.clone().filter(|_| gathering));
        let price = if gathering {
            price::read(
                blocks
                    .iter()
                    .zip(tokens)
                    .zip(sentences)
                    .filter(|((b, _), _)| b.kind != BlockKind::Code)
                    .map(|((b, t), s)| (b.text.as_str(), t.as_slice(), s.as_slice())),
            )
        } else {
            None
        };
        // The venue the front matter names, else the one the text gives beside a date.
        let order = ctx.order;
        let venue = if gathering {
            facts.venue.clone().or_else(|| {
                venue::read(
                    blocks
                        .iter()
                        .zip(tokens)
                        .zip(sentences)
                        .filter(|((b, _), _)| {
                            b.kind != BlockKind::Code && b.kind != BlockKind::Title
                        })
                        .map(|((b, t), s)| (b.text.as_str(), t.as_slice(), s.as_slice())),
                    |sent| !date::find(sent, order).is_empty(),
                )
            })
        } else {
            None
        };
        Extraction {
            lang: ctx.language,
            events,
            deadlines,
            registration_url,
            help: Vec::new(),
            price,
            venue,
        }
    }
}

/// The town the title names ("DevFest Marseille 2014"), unless the text names another:
/// "Reunión del Hacklab Almería en el Poniente", held "en El Ejido", names its community.
fn title_town(ctx: &Context<'_>, tokens: &[Vec<Token<'_>>]) -> Option<String> {
    let town = place::in_title(ctx.title, ctx.language)?;
    let folded = token::fold(&town);
    let other = tokens
        .iter()
        .skip(1)
        .flat_map(|t| place::towns(t, ctx.language))
        .any(|(_, name)| {
            let name = token::fold(&name);
            name != folded && lexicon::towns::is_town(&name)
        });
    (!other).then_some(town)
}

/// The place the post's first "Where:" line gives. A label may be a sentence of its own
/// ("Où ? Salle des fêtes, 67140 Itterswiller").
fn labelled_place(
    blocks: &[Cow<'_, Block>],
    tokens: &[Vec<Token<'_>>],
    sentences: &[Vec<(usize, usize)>],
) -> Option<String> {
    blocks
        .iter()
        .zip(tokens)
        .zip(sentences)
        .filter(|((b, toks), _)| b.kind != BlockKind::Code && toks.iter().any(label::ends_label))
        .find_map(|((block, toks), sentences)| {
            sentences.iter().enumerate().find_map(|(i, &(s, e))| {
                let short = e - s <= 4;
                let end = if short {
                    sentences.get(i + 1).map_or(e, |n| n.1)
                } else {
                    e
                };
                label::place_of(&toks[s..end], &block.text)
            })
        })
}

/// Per draft, its own registration link, in an agenda of gatherings each in a part of its
/// own under its date heading, list item or table row ("### Rennes — mardi 17/10" and the
/// paragraph under it). Not in prose, where the link after a side gathering's sentence is
/// usually the main one's; and one link in one part is the whole agenda's ("Inscription
/// avant le 1er mars sur le formulaire" after the last workshop).
fn agenda_links(
    drafts: &[Draft],
    blocks: &[Cow<'_, Block>],
    tokens: &[Vec<Token<'_>>],
    sentences: &[Vec<(usize, usize)>],
    post_url: Option<&str>,
    ctx: &Context<'_>,
) -> Vec<Option<String>> {
    let none = vec![None; drafts.len()];
    let agenda = drafts.iter().all(|d| {
        matches!(
            blocks[d.block].kind,
            BlockKind::Title | BlockKind::Heading(_) | BlockKind::ListItem | BlockKind::Cell
        )
    });
    let mut parts: Vec<usize> = drafts.iter().map(|d| d.block).collect();
    parts.sort_unstable();
    parts.dedup();
    if !agenda || parts.len() < 2 {
        return none;
    }
    let to_come = drafts
        .iter()
        .map(|d| d.span.end)
        .max()
        .is_none_or(|end| end >= ctx.post_date);
    let own_link = |d: &Draft| {
        let end = parts
            .iter()
            .copied()
            .find(|&b| b > d.block)
            .unwrap_or(blocks.len());
        let part = d.block..end;
        let (_, url) = link::best(
            &blocks[part.clone()],
            &tokens[part.clone()],
            &sentences[part],
            post_url,
            to_come,
        )?;
        Some(url)
    };
    let links: Vec<Option<String>> = drafts.iter().map(own_link).collect();
    let mut distinct: Vec<&String> = links.iter().flatten().collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() < 2 { none } else { links }
}

/// Whether `d` is a nameless day right before or after the main gathering `main`, in the
/// same sentence.
fn next_day_of(main: &Draft, d: &Draft) -> bool {
    let days = main.span.precision == Precision::Day && d.span.precision == Precision::Day;
    let adjacent = d.span.start == main.span.end + Duration::days(1)
        || d.span.end + Duration::days(1) == main.span.start;
    let nameless = d.noun.is_none() && d.name.is_none() && d.caption.is_none();
    let same_place = d.place.is_none() || d.place == main.place;
    days && adjacent && nameless && same_place && d.sentence == main.sentence
}

pub(super) fn date_less_heading(toks: &[Token<'_>]) -> bool {
    date::find(toks, Lang::DayFirst).is_empty()
}

pub(super) fn draft(seen: &Seen<'_, '_>, span: Span, first: bool, order: usize) -> Draft {
    let m = &seen.mention;
    let side = !first && sentence::has_stem(&seen.words, lexicon::all().side_markers);
    let tail = date_tail(seen);
    let caption = caption(seen, tail.as_deref());
    let moved = moved(seen);
    let talks = lexicon::all().talks;
    let talk = sentence::has_stem(&seen.words, talks)
        || caption.as_deref().is_some_and(|c| {
            let mut folded = String::new();
            let tokens = token::tokenize(c, &mut folded);
            sentence::has_stem(&sentence::words(&tokens), talks)
        });
    // A time later in the sentence, else on the labelled line under it: read once.
    let later = (m.start_time.is_none() || m.end_time.is_none())
        .then(|| later_time(seen).or_else(|| next_line_time(seen)))
        .flatten();
    Draft {
        span,
        start_time: m.start_time.or(later.map(|(from, _)| from)),
        end_time: m.end_time.or(later.and_then(|(_, to)| to)),
        side,
        // "Thursday 5 October — documentation: … the upcoming docs sprint": what the date
        // line sets off names it, before a gathering its sentence mentions.
        noun: tail
            .or_else(|| noun_phrase(seen))
            .or_else(|| link_text(seen))
            .or_else(|| item_lead(seen))
            .or_else(|| seen.row_lead.map(str::to_string)),
        name: name_with_year(seen.tokens, seen.sentence, m.first),
        caption,
        // "Lille — jeudi 19 octobre", but not a label: "Date : mardi 19 mars".
        place: (label::of(&seen.tokens[seen.sentence.0..seen.sentence.1]).is_none())
            .then(|| place::leading_town(seen.tokens, seen.sentence.0, m.first))
            .flatten()
            .or_else(|| {
                if side {
                    own_sentence_place(seen)
                } else {
                    sentence_place(seen, seen.tokens.len())
                }
            })
            .or_else(|| seen.row_town.map(str::to_string)),
        same_place: same_place_hint(seen),
        online: says_online(&seen.words),
        // "postponed to June 11": the new date is not off.
        cancelled: moved != Some(Moved::To)
            && sentence::has_stem(&seen.words, lexicon::all().cancelled),
        moved,
        programme_start: None,
        programme_end: None,
        order,
        strong: m.items.iter().any(|p| p.year.is_some())
            || sentence::has_any_phrase(&seen.words, lexicon::all().gathering_verbs)
            || names_next(&seen.words),
        sentence: (seen.text.as_ptr() as usize, seen.sentence.0),
        talk,
        block: seen.block,
    }
}

/// Talks given on days a few apart ("a keynote on Friday, July 9", "a tutorial on
/// Wednesday, July 7"), where every dated day of the post is a talk, are the programme of
/// one conference: one gathering over their days, whose times are no one talk's.
fn merge_talk_days(drafts: &mut Vec<Draft>) {
    let days: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.span.precision == Precision::Day)
        .collect();
    let (Some(first), Some(last)) = (
        days.iter().map(|d| d.span.start).min(),
        days.iter().map(|d| d.span.end).max(),
    ) else {
        return;
    };
    let distinct: std::collections::BTreeSet<NaiveDate> =
        days.iter().map(|d| d.span.start).collect();
    let programme = distinct.len() >= 2
        && last - first <= Duration::days(6)
        && days
            .iter()
            .all(|d| d.talk && d.span.start == d.span.end && !d.side);
    if !programme {
        return;
    }
    let Some(keep) = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.span.precision == Precision::Day)
        .min_by_key(|(_, d)| d.order)
        .map(|(k, _)| k)
    else {
        return;
    };
    let mut merged = drafts.remove(keep);
    drafts.retain(|d| d.span.precision != Precision::Day);
    merged.span.start = first;
    merged.span.end = last;
    merged.start_time = None;
    merged.end_time = None;
    drafts.push(merged);
}

/// A time given later in the date's sentence: "El jueves 4 hablaremos de Rust en el local,
/// a las 19:00".
fn later_time(seen: &Seen<'_, '_>) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let m = &seen.mention;
    (m.last..seen.sentence.1).find_map(|k| {
        let lead = seen
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && lexicon::is_time_lead(t.norm));
        lead.then(|| date::time_range(seen.tokens, k + 1))
            .flatten()
            .map(|(from, to, _)| (from, to))
    })
}

/// The time the labelled line under the date's gives: "Fecha : jueves 14/09/2023" then
/// "Horario : 18:00 a 20:30", "When: May 3" then "Time: 6-8 PM".
fn next_line_time(seen: &Seen<'_, '_>) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let (own, _) = label::of(&seen.tokens[seen.sentence.0..seen.sentence.1])?;
    if own != label::Label::When || seen.mention.start_time.is_some() {
        return None;
    }
    let mut folded = String::new();
    let tokens = token::tokenize(seen.next_text?, &mut folded);
    let (label, after) = label::of(&tokens)?;
    if label != label::Label::Time {
        return None;
    }
    // "Hora: de 18:00 a 20:00": the word that leads the time is not the time.
    let lead = tokens
        .get(after)
        .is_some_and(|t| t.kind == Kind::Word && lexicon::is_time_lead(t.norm));
    let (from, to, _) = date::time_range(&tokens, after + usize::from(lead))?;
    Some((from, to))
}

/// The town named in the sentence of the mention, else later in its block (within a
/// sentence's length).
pub(super) fn sentence_place(seen: &Seen<'_, '_>, block_end: usize) -> Option<String> {
    let (s, e) = seen.sentence;
    let block_end = block_end.min(e + sentence::MAX_TOKENS);
    let block_start = seen.prev_start.unwrap_or(s);
    // A town far from the date in a long sentence is usually about something else, unless
    // it is the only one the sentence names and a city ("Les 3 et 4 février, le
    // groupe a tenu un stand au FOSDEM, sur le campus du Solbosch de l'ULB, à Bruxelles";
    // not "… across North America"). The town of an address in the sentence ("en el Club
    // de Cultura Abierta, Av. Corrientes 4820, Buenos Aires") comes before a name crieur
    // does not know as a town ("s'associe à Open Knowledge Belgium … 1000 Bruxelles").
    let m = &seen.mention;
    let mut in_sentence = seen.towns.iter().filter(|(k, _)| (s..e).contains(k));
    let only_city = in_sentence.next().is_some_and(|(_, first)| {
        place::is_city(first) && in_sentence.all(|(_, other)| other == first)
    });
    let address = || {
        let words = &seen.tokens[s..e];
        place::from_postcode(words).or_else(|| place::from_street(words))
    };
    let near = place::nearest(seen.towns, s, e, m.first..m.last)
        .filter(|(distance, _)| *distance <= 15 || only_city)
        .map(|(_, name)| name);
    let neighbour = |from: usize, to: usize, at: usize| {
        place::nearest(seen.towns, from, to, at..at + 1).map(|(_, name)| name)
    };
    match near {
        Some(name) if !place::is_known_town(&name) => address().or(Some(name)),
        Some(name) => Some(name),
        None => address().or_else(|| where_line(seen)),
    }
    .or_else(|| neighbour(block_start, s, s))
    .or_else(|| neighbour(e, block_end, e))
}

/// Two towns crieur knows, neither inside the other's name.
fn other_known_towns(a: &str, b: &str) -> bool {
    place::is_known_town(a) && place::is_known_town(b) && !a.contains(b) && !b.contains(a)
}

/// The place a "Where:" line of the block gives ("**When:** …⏎**Where:** Le Hangar à Bits,
/// 11 quai des Antilles, 44200 Nantes"), before any town guessed elsewhere in the block.
fn where_line(seen: &Seen<'_, '_>) -> Option<String> {
    seen.tokens
        .split(|t| t.kind == Kind::Break)
        .find_map(|line| label::place_of(line, seen.text))
}

/// The town in the mention's own sentence, near the date.
pub(super) fn own_sentence_place(seen: &Seen<'_, '_>) -> Option<String> {
    let m = &seen.mention;
    let (s, e) = seen.sentence;
    place::nearest(seen.towns, s, e, m.first..m.last)
        .filter(|(distance, _)| *distance <= 8)
        .map(|(_, name)| name)
}

/// "(online, on Jitsi)", "en ligne": said of the gathering, not of a registration form.
pub(super) fn says_online(words: &[&str]) -> bool {
    let plain = words.contains(&"online")
        || sentence::has_phrase(words, &["en", "ligne"])
        || sentence::has_phrase(words, &["en", "linea"]);
    // "en Youtube", "via Zoom", "sur Jitsi", "a través de Jitsi": held on a platform.
    let on_platform = on_service(words, &["de"], lexicon::PLATFORMS);
    place::is_online(words)
        || on_platform
        || plain && !sentence::has_stem(words, lexicon::all().registration)
}

/// "por Jitsi", "on Zoom", "sur BigBlueButton": a call on a video service.
fn on_call(words: &[&str]) -> bool {
    on_service(words, &[], lexicon::CALL_PLATFORMS)
}

/// A service named after "on", "via", "sur", "por"… or one of `more` leading words.
fn on_service(words: &[&str], more: &[&str], services: &[&str]) -> bool {
    words.windows(2).any(|w| {
        (matches!(
            w[0],
            "en" | "via" | "on" | "sur" | "por" | "over" | "through"
        ) || more.contains(&w[0]))
            && services.contains(&w[1])
    })
}

/// "The next meetup", "la prochaine rencontre", "el próximo encuentro": the sentence
/// names the gathering that comes after the one the post is about.
fn names_next(words: &[&str]) -> bool {
    words
        .windows(2)
        .any(|w| lexicon::all().next_words.contains(&w[0]) && lexicon::is_gathering_noun(w[1]))
}

/// "at the same location", "au même endroit": the side event is where the main one is.
pub(super) fn same_place_hint(seen: &Seen<'_, '_>) -> bool {
    let same = [
        ["same", "location"],
        ["meme", "endroit"],
        ["meme", "lieu"],
        ["mismo", "lugar"],
        ["same", "place"],
        ["same", "venue"],
    ];
    same.iter().any(|p| sentence::has_phrase(&seen.words, p))
}
