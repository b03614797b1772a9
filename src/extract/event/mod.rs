//! Which dates of a post are gatherings: every date mention is classified as a deadline
//! (a cue such as "au plus tard" or "until" before it, with an action to take), a
//! gathering (words such as "se tiendra", "workshop", "will be held" around it), or
//! neither (releases, publications, history). Mentions of the same days are one event;
//! single days inside an event are its programme and give it its times; a month is kept
//! only when the post gives no day. The first gathering in reading order is the primary
//! one unless it is announced as beside another ("followed by a sprint").

mod build;
mod front;
mod name;
pub(crate) use name::is_name_and_year;
mod score;
mod signature;

use super::date::{self, Lang, Mention};
use super::lang::{self, Language};
use super::token::{self, Kind, Token};
use super::{Extraction, facts, label, place, sentence};
use crate::lexicon;
use crate::post::{Block, BlockKind, Post};
use build::Builder;
use chrono::{Datelike, NaiveDate};
use score::years_in;
use std::borrow::Cow;

/// The most date mentions read in one post. Real posts have tens; a post with thousands
/// is a list or an attack, and its first ones tell what it announces.
pub const MAX_MENTIONS: usize = 1000;

/// Extracts the gatherings, deadlines and registration link of a post.
pub fn extract(post: &Post) -> Extraction {
    // A subtitle is shown under the title: read it as part of the title.
    let shown = facts::shown(&post.fields);
    let mut blocks: Vec<Cow<'_, Block>> = post.blocks_with_title().collect();
    blocks.splice(
        1..1,
        shown.iter().map(|text| {
            Cow::Owned(Block {
                kind: BlockKind::Title,
                text: text.clone(),
                links: Vec::new(),
                row: None,
            })
        }),
    );
    let mut folds: Vec<String> = vec![String::new(); blocks.len()];
    let tokens: Vec<Vec<Token<'_>>> = blocks
        .iter()
        .zip(folds.iter_mut())
        .map(|(b, f)| token::tokenize(&b.text, f))
        .collect();
    // The language the post's own text is written in (its subtitle aside), unless its
    // front matter says.
    let language = post
        .lang
        .as_deref()
        .map(Language::from_code)
        .filter(|l| *l != Language::Other)
        .unwrap_or_else(|| {
            let own = tokens[..1].iter().chain(&tokens[1 + shown.len()..]);
            lang::detect(own.flatten())
        });
    // "09/12/2023": December 9 in Manchester or Chennai, September 12 in Portland; unless
    // the post shows its own order ("Friday 7/14" in an American post on a European site).
    let region = if post.day_first {
        Lang::DayFirst
    } else {
        Lang::MonthFirst
    };
    let order = match language {
        Language::En => date::shown_order(&tokens).unwrap_or(region),
        _ => Lang::DayFirst,
    };
    let facts = facts::read(&post.fields, post.date.map(|d| d.date()), order);
    let sentences: Vec<Vec<(usize, usize)>> = tokens.iter().map(|t| sentence::bounds(t)).collect();
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
            price: None,
            venue: None,
            help: Vec::new(),
        };
    };
    // "Monthly meetups", "Introducing monthly community calls".
    let title_names_gathering = sentence::speaks_of_gathering(&title_words);
    let about_words = about_says(&facts.about, sentence::has_gathering_noun);
    // The fullest name: an excerpt's "CUGOS Monthly Meeting" rather than a category's
    // "meetings".
    let about_name = facts
        .about
        .iter()
        .filter_map(|text| name::name_in(text, order))
        .max_by_key(|name| {
            (
                name.split_whitespace().count(),
                std::cmp::Reverse(name.len()),
            )
        });
    let mut ctx = Context {
        post_date,
        language,
        order,
        about_name,
        about_gathering: title_names_gathering
            || about_words
            || facts.gathering_keys
            || facts.start.is_some(),
        // Read once the post is known to date a gathering (below).
        title_cancelled: false,
        title_year,
        title: &post.title,
    };

    let mut builder = Builder::default();
    let mut mentions = 0;
    let mut section: Vec<&str> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        // Code samples and program output are not prose: their dates announce nothing.
        if block.kind == BlockKind::Code {
            continue;
        }
        let toks = &tokens[b];
        if matches!(block.kind, BlockKind::Heading(_)) {
            section = sentence::words(toks);
        }
        let under = match block.kind {
            BlockKind::Heading(_) => first_sentence_words(&tokens, &sentences, b + 1),
            _ => Vec::new(),
        };
        let sentences = &sentences[b];
        let mentions_here = date::find(toks, order);
        let towns = if mentions_here.is_empty() {
            Vec::new()
        } else {
            place::towns(toks, language)
        };
        let ((row_town, row_lead), column) = if mentions_here.is_empty() {
            ((None, None), None)
        } else {
            (
                row_facts(&blocks, &tokens, b),
                column_heading(&blocks, &tokens, b),
            )
        };
        for mention in mentions_here {
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
                    kind: block.kind,
                    block_len: block.text.len(),
                    text: &block.text,
                    towns: &towns,
                    tokens: toks,
                    sentence: (s_start, s_end),
                    words: sentence::words(sent),
                    before: sentence::words(&toks[s_start..mention.first]),
                    prev_words: sentence::words(prev_sentence),
                    prev_start: prev_index.map(|i| sentences[i].0),
                    links: &block.links,
                    next_text: blocks.get(b + 1).map(|n| n.text.as_str()),
                    next_words: &under,
                    section: &section,
                    row_town: row_town.as_deref(),
                    block: b,
                    row_lead: row_lead.as_deref(),
                    column,
                    mention,
                },
            );
        }
        builder.programme_line(block, toks, blocks.get(b + 1).map(|x| x.as_ref()));
    }
    // A notice of cancellation is only worth reading in a post that dates a gathering.
    ctx.title_cancelled = (builder.has_dates() || facts.start.is_some())
        && (sentence::has_stem(&title_words, lexicon::all().cancelled)
            || says_cancelled(&blocks, &tokens, &sentences, order));
    let mut extraction = builder.finish(
        &ctx,
        &blocks,
        &tokens,
        &sentences,
        post.url.as_deref(),
        &facts,
    );
    // "Portrait : Mathilde Lemée", "Interview de…": a portrait names the gatherings its
    // person goes to in passing, unless it invites readers to one, with a link to register.
    let portrait = !ctx.about_gathering
        && extraction.registration_url.is_none()
        && sentence::has_stem(&title_words, lexicon::all().portraits);
    // "Offre d'emploi : coordinateur·rice", a post tagged "jobs": a job offer's start date,
    // the day applications close and its interviews are not a gathering's. Its description
    // may speak of work as gatherings do ("media jornada"); its title and keys may not.
    let job_words = |words: &[&str]| sentence::has_any_phrase(words, lexicon::all().job_offers);
    let gathering_named = title_names_gathering || facts.gathering_keys || facts.start.is_some();
    let job_offer =
        !gathering_named && (job_words(&title_words) || about_says(&facts.about, job_words));
    if portrait || job_offer {
        extraction.events.clear();
        extraction.deadlines.clear();
        extraction.registration_url = None;
    }
    // "2023: our year in review", "Balance de 2024": a look back at a year names its past
    // gatherings in passing; what it announces for later stays. "Bilan des rencontres
    // 2019" reports on one gathering, which its title names.
    let names_year = title_words.iter().any(|w| {
        w.len() == 4
            && w.parse::<i32>()
                .is_ok_and(|y| y.abs_diff(post_date.year()) <= 1)
    });
    if names_year
        && !title_names_gathering
        && sentence::has_any_phrase(&title_words, lexicon::all().looking_back)
    {
        extraction.events.retain(|e| e.end >= post_date);
        extraction.deadlines.retain(|d| d.date >= post_date);
    }
    extraction
}

/// Whether one of the texts saying what the post is about (tags, description) has words
/// that `says` recognises.
fn about_says(about: &[String], says: impl Fn(&[&str]) -> bool) -> bool {
    about.iter().any(|text| {
        let mut folded = String::new();
        let tokens = token::tokenize(text, &mut folded);
        says(&sentence::words(&tokens))
    })
}

/// Whether a sentence of the post without a date says its gathering is cancelled or put
/// off ("THIS MEETING IS CANCELLED", "se pospone esta actividad"); one with a date speaks
/// of that date only (a new one, when put off), and a denial ("not cancelled") says the
/// opposite.
fn says_cancelled(
    blocks: &[Cow<'_, Block>],
    tokens: &[Vec<Token<'_>>],
    sentences: &[Vec<(usize, usize)>],
    order: Lang,
) -> bool {
    let l = lexicon::all();
    let notices = crate::word_set!(l.cancelled, l.postponed);
    let stems = |t: &Token<'_>| notices.has_prefix_of(t.norm);
    blocks
        .iter()
        .zip(tokens)
        .zip(sentences)
        .any(|((block, toks), sentences)| {
            block.kind != BlockKind::Code
                // Most blocks say nothing of the kind: only those are read by sentence.
                && toks.iter().any(stems)
                && sentences.iter().any(|&(s, e)| {
                    let sent = &toks[s..e];
                    let words = sentence::words(sent);
                    // A notice is short; a long sentence tells a story ("last year's meetup
                    // was cancelled because…").
                    words.len() <= 15
                        && (sentence::has_stem(&words, l.cancelled)
                            || sentence::has_stem(&words, l.postponed))
                        && (sentence::has_gathering_noun(&words)
                            || words.iter().any(|w| lexicon::GENERIC_KINDS.contains(w)))
                        && !words.iter().any(|w| NEGATIONS.contains(w))
                        && date::find(sent, order).is_empty()
                })
        })
}

/// Words that deny what a sentence says.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "isn", "wasn", "won", "pas", "jamais", "ni", "nunca", "tampoco",
];

struct Context<'a> {
    post_date: NaiveDate,
    language: Language,
    /// How the post writes numeric dates.
    order: Lang,
    /// The gathering's name an excerpt or a description gives, for a title that is a date.
    about_name: Option<String>,
    /// The title, the layout, the categories, the tags or the keys say the post is about a
    /// gathering.
    about_gathering: bool,
    title_cancelled: bool,
    title_year: Option<i32>,
    title: &'a str,
}

/// A date mention with what surrounds it.
struct Seen<'a, 't> {
    kind: BlockKind,
    block_len: usize,
    /// The block's text, which `tokens` index.
    text: &'t str,
    /// The towns the block names after a preposition, with the preposition's index.
    towns: &'t [(usize, String)],
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
    /// For a heading, the words of the first sentence under it: what its date is of.
    next_words: &'t [&'t str],
    /// The words of the heading the block is under ("Travel grants", "Bénévoles").
    section: &'t [&'t str],
    /// For a table cell, the town another cell of its row is ("Madrid | martes 19 de junio").
    row_town: Option<&'t str>,
    /// For a table cell, the name the first cell of its row gives.
    row_lead: Option<&'t str>,
    /// For a table cell, what its column's heading announces ("Date", "Fecha", "Lieu").
    column: Option<label::Label>,
    /// The index of the block in the post's blocks.
    block: usize,
    mention: Mention,
}

/// The other cells of the row of block `b`, nearest first, when `b` is a table cell.
fn row_cells(blocks: &[Cow<'_, Block>], b: usize) -> Vec<usize> {
    let Some(row) = blocks[b].row else {
        return Vec::new();
    };
    let in_row = |k: &usize| blocks[*k].row == Some(row);
    let before = (0..b).rev().take_while(in_row);
    let after = (b + 1..blocks.len()).take_while(in_row);
    let mut cells: Vec<usize> = before.chain(after).collect();
    cells.sort_by_key(|k| k.abs_diff(b));
    cells
}

/// What the heading of the column of cell `b` announces, in an agenda: a table whose first
/// row heads a column of dates and one of times or places ("| Date | Time | Where |"); a
/// timeline ("| Date | Step |") is no agenda.
fn column_heading(
    blocks: &[Cow<'_, Block>],
    tokens: &[Vec<Token<'_>>],
    b: usize,
) -> Option<label::Label> {
    let row = blocks[b].row?;
    let first = (0..=b)
        .rev()
        .take_while(|&k| blocks[k].row.is_some())
        .last()?;
    let heading_row = blocks[first].row;
    if heading_row == Some(row) {
        return None;
    }
    let headings: Vec<Option<label::Label>> = (first..blocks.len())
        .take_while(|&k| blocks[k].row == heading_row)
        .map(|k| label::heading(&tokens[k]))
        .collect();
    let agenda = headings
        .iter()
        .any(|h| matches!(h, Some(label::Label::Where | label::Label::Time)));
    let column = (first..b).filter(|&k| blocks[k].row == Some(row)).count();
    headings.get(column).copied().flatten().filter(|_| agenda)
}

/// What a row says of the date in one of its cells: the town another cell is
/// ("Madrid | martes 19 de junio | 18:30"), and the name its first cell gives when that
/// cell is a short name ("Atelier cartes | 12 mars").
fn row_facts(
    blocks: &[Cow<'_, Block>],
    tokens: &[Vec<Token<'_>>],
    b: usize,
) -> (Option<String>, Option<String>) {
    let cells = row_cells(blocks, b);
    let town = cells.iter().find_map(|&k| place::cell_town(&tokens[k]));
    let lead = cells
        .iter()
        .copied()
        .filter(|&k| k < b)
        .min()
        .map(|k| &tokens[k])
        .filter(|t| {
            let words = t.iter().filter(|t| t.kind == Kind::Word).count();
            (1..=5).contains(&words)
                && t.iter()
                    .all(|t| t.kind == Kind::Word || t.kind == Kind::Sym)
        })
        .map(|t| token::as_written(t));
    (town, lead)
}

/// The words of the first sentence of block `b`, if there is one.
fn first_sentence_words<'t>(
    tokens: &'t [Vec<Token<'_>>],
    sentences: &[Vec<(usize, usize)>],
    b: usize,
) -> Vec<&'t str> {
    match (tokens.get(b), sentences.get(b).and_then(|s| s.first())) {
        (Some(toks), Some(&(s, e))) => sentence::words(&toks[s..e]),
        _ => Vec::new(),
    }
}
