//! Which dates of a post are gatherings: every date mention is classified as a deadline
//! (a cue such as "au plus tard" or "until" before it, with an action to take), a
//! gathering (words such as "se tiendra", "workshop", "will be held" around it), or
//! neither (releases, publications, history). Mentions of the same days are one event;
//! single days inside an event are its programme and give it its times; a month is kept
//! only when the post gives no day. The first gathering in reading order is the primary
//! one unless it is announced as beside another ("followed by a sprint").

use super::date::{self, Anchor, Lang, Mention, Precision, Shape, Span};
use super::lang::{self, Language};
use super::token::{self, Kind, Token};
use super::{Deadline, DeadlineKind, Event, Extraction, link, place, sentence};
use crate::lexicon;
use crate::post::{Block, BlockKind, Post};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use std::borrow::Cow;

/// The most date mentions read in one post. Real posts have tens; a post with thousands
/// is a list or an attack, and its first ones tell what it announces.
pub const MAX_MENTIONS: usize = 1000;

/// Extracts the gatherings, deadlines and registration link of a post.
pub fn extract(post: &Post) -> Extraction {
    let blocks: Vec<Cow<'_, Block>> = post.blocks_with_title().collect();
    let tokens: Vec<Vec<Token<'_>>> = blocks.iter().map(|b| token::tokenize(&b.text)).collect();
    let language = post
        .lang
        .as_deref()
        .map(Language::from_code)
        .filter(|l| *l != Language::Other)
        .unwrap_or_else(|| lang::detect(tokens.iter().flatten()));
    let title_words = sentence::words(&tokens[0]);
    let title_year = years_in(&tokens[0]).first().copied();
    let Some(post_date) = post
        .date
        .map(|d| d.date())
        .or_else(|| title_year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)))
    else {
        return Extraction {
            lang: language,
            events: Vec::new(),
            deadlines: Vec::new(),
            registration_url: None,
            help: Vec::new(),
        };
    };
    let ctx = Context {
        post_date,
        language,
        title_has_noun: sentence::has_stem(&title_words, lexicon::all().gathering_nouns),
        title_cancelled: sentence::has_stem(&title_words, lexicon::all().cancelled),
        title_year,
        title: &post.title,
    };

    let mut builder = Builder::default();
    let mut mentions = 0;
    for (b, block) in blocks.iter().enumerate() {
        let toks = &tokens[b];
        let sentences = sentence::bounds(toks);
        let order = match language {
            Language::En => Lang::MonthFirst,
            _ => Lang::DayFirst,
        };
        for mention in date::find(toks, order) {
            if mentions == MAX_MENTIONS {
                break;
            }
            mentions += 1;
            // Sentences are in order and do not overlap: the one holding the mention is
            // the last that starts at or before it.
            let at = sentences.partition_point(|(s, _)| *s <= mention.first);
            let Some(&(s_start, s_end)) = at
                .checked_sub(1)
                .map(|i| &sentences[i])
                .filter(|(_, e)| mention.first < *e)
            else {
                continue;
            };
            let sent = &toks[s_start..s_end];
            let prev_index = at.checked_sub(2);
            let prev_sentence: &[Token<'_>] = match prev_index {
                Some(i) => &toks[sentences[i].0..sentences[i].1],
                None if b > 0 => tokens[b - 1].as_slice(),
                None => &[],
            };
            builder.consider(
                &ctx,
                Seen {
                    language,
                    kind: block.kind,
                    block_len: block.text.len(),
                    tokens: toks,
                    sentence: (s_start, s_end),
                    words: sentence::words(sent),
                    before: sentence::words(&toks[s_start..mention.first]),
                    prev_words: sentence::words(prev_sentence),
                    prev_start: prev_index.map(|i| sentences[i].0),
                    links: &block.links,
                    next_text: blocks.get(b + 1).map(|n| n.text.as_str()),
                    mention,
                },
            );
        }
        builder.programme_line(block, toks, blocks.get(b + 1).map(|x| x.as_ref()));
    }
    builder.finish(&ctx, &blocks, &tokens, post.url.as_deref())
}

struct Context<'a> {
    post_date: NaiveDate,
    language: Language,
    title_has_noun: bool,
    title_cancelled: bool,
    title_year: Option<i32>,
    title: &'a str,
}

/// A date mention with what surrounds it.
struct Seen<'a, 't> {
    /// The post's language: place prepositions follow it.
    language: Language,
    kind: BlockKind,
    block_len: usize,
    tokens: &'t [Token<'a>],
    sentence: (usize, usize),
    words: Vec<&'t str>,
    /// Words of the sentence before the mention.
    before: Vec<&'t str>,
    prev_words: Vec<&'t str>,
    /// Where the previous sentence of the same block starts, if there is one.
    prev_start: Option<usize>,
    links: &'t [crate::post::Link],
    /// The text of the block after this one: a workshop's title under its date heading.
    next_text: Option<&'t str>,
    mention: Mention,
}

/// An event while the post is read: its days and where it was first announced.
struct Draft {
    span: Span,
    start_time: Option<NaiveTime>,
    end_time: Option<NaiveTime>,
    side: bool,
    noun: Option<String>,
    name: Option<String>,
    /// The title under a date heading ("SAMEDI 18 JANVIER" then "Atelier Inkscape").
    caption: Option<String>,
    place: Option<String>,
    /// "at the same location": the side event is where the primary one is.
    same_place: bool,
    /// Its sentence says it happens online.
    online: bool,
    cancelled: bool,
    /// Times a programme gives to its first and last day.
    programme_start: Option<NaiveTime>,
    programme_end: Option<NaiveTime>,
}

#[derive(Default)]
struct Builder {
    events: Vec<Draft>,
    months: Vec<Draft>,
    deadlines: Vec<Deadline>,
    /// The programme day being read (a heading such as "Mardi 18 juin"), and its event.
    day: Option<(usize, NaiveDate)>,
}

impl Builder {
    fn consider(&mut self, ctx: &Context<'_>, seen: Seen<'_, '_>) {
        let m = &seen.mention;
        let context_year = one_year(seen.tokens, seen.sentence, ctx);
        if let Some(kind) = deadline_kind(&seen) {
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
            }
            return;
        }
        let anchor = Anchor {
            post_date: ctx.post_date,
            context_year,
            future_only: false,
        };
        let Some(span) = date::resolve(m, &anchor) else {
            return;
        };
        // A single day inside a known event is a day of its programme.
        if let Some(i) = self.containing(&span) {
            self.absorb(i, &span, m, &seen);
            return;
        }
        let score = event_score(ctx, &seen, &span, !self.events.is_empty());
        if span.precision == Precision::Month {
            if score >= 2 && !self.months.iter().any(|d| d.span == span) {
                self.months.push(draft(
                    &seen,
                    span,
                    self.events.is_empty() && self.months.is_empty(),
                ));
            }
            return;
        }
        // Days that make a month already announced precise ("en juin" … "du 22 au 24 juin").
        let refines = self
            .months
            .iter()
            .any(|d| d.span.start <= span.start && span.end <= d.span.end);
        if score >= 2 || (refines && score >= 0) {
            let first = self.events.is_empty();
            self.events.push(draft(&seen, span, first));
        }
    }

    fn containing(&self, span: &Span) -> Option<usize> {
        if span.precision != Precision::Day {
            return None;
        }
        self.events.iter().position(|e| {
            let same = e.span.start == span.start && e.span.end == span.end;
            let inside_day =
                span.start == span.end && e.span.start <= span.start && span.end <= e.span.end;
            same || inside_day
        })
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
    fn programme_line(&mut self, block: &Block, toks: &[Token<'_>], next: Option<&Block>) {
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
                token::tokenize(&n.text)
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

    fn finish(
        mut self,
        ctx: &Context<'_>,
        blocks: &[Cow<'_, Block>],
        tokens: &[Vec<Token<'_>>],
        post_url: Option<&str>,
    ) -> Extraction {
        let mut drafts = std::mem::take(&mut self.events);
        if drafts.is_empty() {
            drafts = std::mem::take(&mut self.months);
            drafts.truncate(1);
        }
        let primary = drafts.iter().position(|d| !d.side).unwrap_or(0);
        let primary_title = drafts.get(primary).map(|d| event_title(ctx, d));
        let post_place = tokens.iter().find_map(|t| place::from_postcode(t));
        let online = blocks.iter().zip(tokens).take(8).any(|(_, t)| {
            let w = sentence::words(t);
            place::is_online(&w)
        });
        let primary_place = drafts.get(primary).and_then(|d| {
            d.place
                .clone()
                .or_else(|| post_place.clone())
                .or_else(|| (online || d.online).then(|| "online".to_string()))
        });
        let captioned = drafts.iter().filter(|d| d.caption.is_some()).count();
        let mut events = Vec::with_capacity(drafts.len());
        for (i, d) in drafts.iter().enumerate() {
            let is_primary = i == primary;
            // A programme of gatherings under date headings shares the post's place.
            let shares_place = d.same_place || (captioned > 1 && d.caption.is_some());
            let place = if is_primary || shares_place && d.place.is_none() {
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
            events.push(Event {
                title,
                start: d.span.start,
                end: d.span.end,
                precision: d.span.precision,
                start_time: d.start_time.or(d.programme_start),
                end_time: d.end_time.or(d.programme_end),
                place,
                primary: is_primary,
                cancelled: d.cancelled || ctx.title_cancelled,
            });
        }
        let last_end = events.iter().map(|e| e.end).max();
        let mut deadlines: Vec<Deadline> = self
            .deadlines
            .into_iter()
            .filter(|d| {
                last_end.is_some_and(|end| {
                    d.date <= end && d.date >= ctx.post_date - Duration::days(31)
                })
            })
            .collect();
        deadlines.sort_by_key(|d| (d.date, d.kind));
        let registration_url = if events.is_empty() {
            None
        } else {
            link::registration(blocks.iter().map(|b| b.as_ref()), post_url)
        };
        Extraction {
            lang: ctx.language,
            events,
            deadlines,
            registration_url,
            help: Vec::new(),
        }
    }
}

fn date_less_heading(toks: &[Token<'_>]) -> bool {
    date::find(toks, Lang::DayFirst).is_empty()
}

fn draft(seen: &Seen<'_, '_>, span: Span, first: bool) -> Draft {
    let m = &seen.mention;
    let side = !first && sentence::has_stem(&seen.words, lexicon::all().side_markers);
    Draft {
        span,
        start_time: m.start_time,
        end_time: m.end_time,
        side,
        noun: noun_phrase(seen).or_else(|| link_text(seen)),
        name: name_with_year(seen.tokens, seen.sentence, m.first),
        caption: caption(seen),
        place: if side {
            own_sentence_place(seen)
        } else {
            sentence_place(seen, seen.tokens.len())
        },
        same_place: same_place_hint(seen),
        online: says_online(&seen.words),
        cancelled: sentence::has_stem(&seen.words, lexicon::all().cancelled),
        programme_start: None,
        programme_end: None,
    }
}

/// The town named in the sentence of the mention, else later in its block (within a
/// sentence's length).
fn sentence_place(seen: &Seen<'_, '_>, block_end: usize) -> Option<String> {
    let lang = seen.language;
    let (s, e) = seen.sentence;
    let block_end = block_end.min(e + sentence::MAX_TOKENS);
    let block_start = seen.prev_start.unwrap_or(s);
    // A town far from the date in a long sentence is usually about something else.
    let m = &seen.mention;
    place::nearest_town(seen.tokens, s, e, m.first..m.last, lang)
        .filter(|(distance, _)| *distance <= 15)
        .map(|(_, name)| name)
        .or_else(|| place::after_preposition(seen.tokens, block_start, s, s, lang))
        .or_else(|| place::after_preposition(seen.tokens, e, block_end, e, lang))
}

/// The town in the mention's own sentence, near the date.
fn own_sentence_place(seen: &Seen<'_, '_>) -> Option<String> {
    let m = &seen.mention;
    let (s, e) = seen.sentence;
    place::nearest_town(seen.tokens, s, e, m.first..m.last, seen.language)
        .filter(|(distance, _)| *distance <= 8)
        .map(|(_, name)| name)
}

/// "(online, on Jitsi)", "en ligne": said of the gathering, not of a registration form.
fn says_online(words: &[&str]) -> bool {
    let plain = words.contains(&"online")
        || sentence::has_phrase(words, &["en", "ligne"])
        || sentence::has_phrase(words, &["en", "linea"]);
    place::is_online(words) || plain && !sentence::has_stem(words, lexicon::all().registration)
}

/// "at the same location", "au même endroit": the side event is where the main one is.
fn same_place_hint(seen: &Seen<'_, '_>) -> bool {
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

/// How strongly the words around a date say it is a gathering.
fn event_score(ctx: &Context<'_>, seen: &Seen<'_, '_>, span: &Span, have_events: bool) -> i32 {
    let m = &seen.mention;
    let far_past = span.end < ctx.post_date - Duration::days(400);
    let far_future = span.start > ctx.post_date + Duration::days(3 * 366);
    if far_past || far_future {
        return -10;
    }
    let w = &seen.words;
    let noun = sentence::has_stem(w, lexicon::all().gathering_nouns);
    let verb = sentence::has_any_phrase(w, lexicon::all().gathering_verbs);
    let mut score = 0;
    if noun {
        score += 2;
    }
    if verb {
        score += 2;
    }
    if ctx.title_has_noun {
        score += 1;
    }
    if matches!(m.shape, Shape::Range | Shape::List) {
        score += 1;
    }
    if m.start_time.is_some() {
        score += 1;
    }
    if !noun && !verb {
        let p = &seen.prev_words;
        if sentence::has_stem(p, lexicon::all().gathering_nouns)
            || sentence::has_any_phrase(p, lexicon::all().gathering_verbs)
        {
            score += 1;
        }
    }
    if seen.kind == BlockKind::ListItem && have_events {
        score += 1;
    }
    if sentence_place(seen, seen.sentence.1).is_some() {
        score += 1;
    }
    let negative = w.iter().any(|x| lexicon::all().not_gathering.contains(x));
    if negative {
        score -= 3;
    }
    score
}

/// A deadline: a cue just before the date ("au plus tard le", "until", "by") and, for the
/// weaker cues, an action to take (register, propose, book).
fn deadline_kind(seen: &Seen<'_, '_>) -> Option<DeadlineKind> {
    if !matches!(seen.mention.shape, Shape::Single) {
        return None;
    }
    let before = &seen.before[seen.before.len().saturating_sub(5)..];
    let strong = sentence::has_any_phrase(before, lexicon::all().deadline_strong);
    let weak = sentence::has_any_phrase(before, lexicon::all().deadline_weak);
    let w = &seen.words;
    let action = if sentence::has_stem(w, lexicon::all().proposal) {
        Some(DeadlineKind::Proposal)
    } else if sentence::has_stem(w, lexicon::all().registration) {
        Some(DeadlineKind::Registration)
    } else if sentence::has_stem(w, lexicon::all().other_action) {
        Some(DeadlineKind::Other)
    } else {
        None
    };
    match (strong, weak, action) {
        (true, _, Some(kind)) => Some(kind),
        (true, _, None) => Some(DeadlineKind::Other),
        (false, true, Some(kind)) => Some(kind),
        _ => None,
    }
}

/// The one year (near the post's) that the sentence or the title names, if only one.
fn one_year(tokens: &[Token<'_>], (s, e): (usize, usize), ctx: &Context<'_>) -> Option<i32> {
    let near = |y: &i32| (ctx.post_date.year() - 1..=ctx.post_date.year() + 2).contains(y);
    let mut years: Vec<i32> = years_in(&tokens[s..e]).into_iter().filter(near).collect();
    years.dedup();
    match years.as_slice() {
        [y] => Some(*y),
        [] => ctx.title_year.filter(near),
        _ => None,
    }
}

fn years_in(tokens: &[Token<'_>]) -> Vec<i32> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // Years, and years glued to a name: "GeoCom2015".
        let glued = i > 0 && !t.space_before && tokens[i - 1].kind == Kind::Word;
        if t.kind == Kind::Num
            && t.text.len() == 4
            && (t.space_before || glued || i == 0)
            && let Ok(y) = t.text.parse::<i32>()
            && (1990..=2100).contains(&y)
            && !out.contains(&y)
        {
            out.push(y);
        }
    }
    out
}

/// "geOcom 2015", "FOSS4G-fr 2014", "GeoCom2015": a capitalized name followed by a year,
/// the nearest to the date mention.
fn name_with_year(tokens: &[Token<'_>], (s, e): (usize, usize), near: usize) -> Option<String> {
    (s..e.saturating_sub(1))
        .filter_map(|k| {
            let (name, year) = (&tokens[k], &tokens[k + 1]);
            let is_name = name.kind == Kind::Word
                && name.text.chars().any(char::is_uppercase)
                && name.text.len() > 2;
            let is_year =
                year.kind == Kind::Num && year.text.len() == 4 && year.text.starts_with(['1', '2']);
            (is_name && is_year && lexicon::month(&name.norm).is_none()).then(|| {
                let sep = if year.space_before { " " } else { "" };
                (k.abs_diff(near), format!("{}{sep}{}", name.text, year.text))
            })
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// The first sentence of the block after a date heading, as a title.
fn caption(seen: &Seen<'_, '_>) -> Option<String> {
    if !matches!(seen.kind, BlockKind::Heading(_)) {
        return None;
    }
    let text = seen.next_text?;
    let end = text.find(['.', '!', '?', '\n']).unwrap_or(text.len());
    let mut title = text[..end].trim();
    if title.chars().count() > 80 {
        let cut = title.char_indices().nth(80).map_or(title.len(), |(i, _)| i);
        title = title[..cut]
            .rsplit_once(' ')
            .map_or(&title[..cut], |(head, _)| head);
    }
    (!title.is_empty()).then(|| title.to_string())
}

/// The text of the first link in the sentence: the name of a talk in a programme list.
fn link_text(seen: &Seen<'_, '_>) -> Option<String> {
    let (s, e) = seen.sentence;
    let from = seen.tokens.get(s)?.start;
    let to = seen.tokens.get(e.saturating_sub(1))?.end;
    seen.links
        .iter()
        .find(|l| l.start >= from && l.end <= to && l.text.chars().count() > 2)
        .map(|l| l.text.clone())
}

/// The words naming the gathering in its sentence: "community sprint", "code/doc-sprint".
fn noun_phrase(seen: &Seen<'_, '_>) -> Option<String> {
    let toks = &seen.tokens[seen.sentence.0..seen.sentence.1];
    let near = seen.mention.first - seen.sentence.0;
    let at = (0..toks.len())
        .filter(|&k| {
            let t = &toks[k];
            t.kind == Kind::Word
                && lexicon::all()
                    .gathering_nouns
                    .iter()
                    .any(|s| t.norm.starts_with(s))
                && !matches!(
                    &*t.norm,
                    "edition" | "edicion" | "event" | "evenement" | "evento" | "events"
                )
        })
        .min_by_key(|&k| k.abs_diff(near))?;
    let mut start = at;
    let mut modifiers = 0;
    // Modifiers before the noun: "community sprint", "code sprint", "code/doc-sprint".
    while start > 0 {
        let prev = &toks[start - 1];
        let joined = prev.kind == Kind::Sym
            && matches!(prev.text, "/" | "-")
            && !toks[start].space_before
            && start >= 2;
        let modifier = prev.kind == Kind::Word
            && !is_function_word(&prev.norm)
            && lexicon::weekday(&prev.norm).is_none()
            && lexicon::month(&prev.norm).is_none();
        if joined || (modifier && modifiers < 2) {
            modifiers += usize::from(modifier);
            start -= 1;
        } else {
            break;
        }
    }
    // French and Spanish put modifiers after: "sprint comunitario", "sprint de código".
    let mut end = at + 1;
    if let Some(next) = toks.get(end) {
        if next.kind == Kind::Word
            && (next.norm.starts_with("comunit") || next.norm.starts_with("communaut"))
        {
            end += 1;
        } else if next.is_word("de") || next.is_word("d") {
            let k = end
                + 1
                + usize::from(
                    toks.get(end + 1)
                        .is_some_and(|x| x.is_sym("'") || x.is_sym("’")),
                );
            let word = toks.get(k).filter(|w| {
                w.kind == Kind::Word
                    && !is_function_word(&w.norm)
                    && lexicon::month(&w.norm).is_none()
                    && lexicon::weekday(&w.norm).is_none()
            });
            if word.is_some() {
                end = k + 1;
            }
        }
    }
    let text: String =
        toks[start..end]
            .iter()
            .enumerate()
            .fold(String::new(), |mut acc, (i, t)| {
                if i > 0 && t.space_before {
                    acc.push(' ');
                }
                acc.push_str(t.text);
                acc
            });
    Some(text.trim_matches(['-', '/']).to_string())
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "by"
            | "on"
            | "in"
            | "at"
            | "to"
            | "and"
            | "un"
            | "une"
            | "le"
            | "la"
            | "les"
            | "l"
            | "d"
            | "de"
            | "du"
            | "des"
            | "et"
            | "el"
            | "los"
            | "las"
            | "por"
            | "para"
            | "y"
            | "en"
            | "con"
            | "al"
            | "notre"
            | "our"
            | "its"
            | "their"
            | "this"
            | "that"
            | "ce"
            | "cette"
            | "su"
            | "una"
            | "uno"
            | "will"
            | "be"
            | "is"
            | "was"
            | "sera"
            | "est"
            | "it"
            | "il"
            | "elle"
            | "followed"
            | "preceded"
            | "suivi"
            | "precede"
            | "precedee"
            | "seguido"
            | "precedido"
            | "days"
            | "2-days"
            | "dos"
    ) || w.chars().all(|c| c.is_ascii_digit())
}

/// The primary event's title: the post's title without its tagline ("geOcom 2026 : save the
/// date !" → "geOcom 2026"), or the name in the sentence when the title is about something
/// else ("geOrchestra 14.12 is available" announcing "geOcom 2015").
fn event_title(ctx: &Context<'_>, d: &Draft) -> String {
    let head = title_head(ctx.title);
    let head_tokens = token::tokenize(&head);
    let head_words = sentence::words(&head_tokens);
    let about_event = sentence::has_stem(&head_words, lexicon::all().gathering_nouns)
        || !years_in(&head_tokens).is_empty();
    match &d.name {
        Some(name) if !about_event && !head.to_lowercase().contains(&name.to_lowercase()) => {
            name.clone()
        }
        _ => head,
    }
}

fn title_head(title: &str) -> String {
    let cut = [" : ", " – ", " — ", " - ", ", ", ": ", " ! ", " ? ", " | "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    let head = title[..cut]
        .trim()
        .trim_end_matches(['!', '?', ':', '.', ' ']);
    if head.chars().count() < 3 {
        title.trim().to_string()
    } else {
        head.to_string()
    }
}

fn side_title(d: &Draft, primary: Option<&str>) -> String {
    let noun = d
        .noun
        .clone()
        .or_else(|| d.name.clone())
        .unwrap_or_else(|| "event".to_string());
    match primary {
        Some(p) if !noun.to_lowercase().contains(&p.to_lowercase()) => format!("{noun} ({p})"),
        _ => noun,
    }
}
