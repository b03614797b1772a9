//! How strongly the words around a date say it is a gathering, or a deadline.

use super::build::sentence_place;
use super::{Context, Seen};
use crate::extract::date::{Shape, Span};
use crate::extract::label::{self, Label};
use crate::extract::token::{Kind, Token};
use crate::extract::{DeadlineKind, sentence};
use crate::lexicon;
use crate::lexicon::set::WordSet;
use crate::post::BlockKind;
use crate::word_set;
use chrono::{Datelike, Duration};

/// How strongly the words around a date say it is a gathering.
pub(super) fn event_score(
    ctx: &Context<'_>,
    seen: &Seen<'_, '_>,
    span: &Span,
    have_events: bool,
) -> i32 {
    let m = &seen.mention;
    let far_past = span.end < ctx.post_date - Duration::days(400);
    let far_future = span.start > ctx.post_date + Duration::days(3 * 366);
    if far_past || far_future {
        return -10;
    }
    let w = &seen.words;
    let noun = sentence::has_gathering_noun(w);
    let verb = sentence::has_any_phrase(w, lexicon::all().gathering_verbs);
    let mut score = 0;
    if noun {
        score += 2;
    }
    if verb {
        score += 2;
    }
    if ctx.about_gathering {
        score += 1;
        // The date a gathering post's title or subtitle gives is the gathering's.
        if seen.kind == BlockKind::Title {
            score += 1;
        }
    }
    if matches!(m.shape, Shape::Range | Shape::List) {
        score += 1;
    }
    // "When: May 25-26", "* Fecha: 6 de febrero": the line says what the date is.
    let (s, e) = seen.sentence;
    let line = &seen.tokens[s..e];
    // The label may be a sentence of its own: "Quand ? Le 7 juin".
    let label_before = seen.prev_start.and_then(|p| {
        let prev = &seen.tokens[p..s];
        label::of(&seen.tokens[p..e]).filter(|(_, after)| *after == prev.len())
    });
    let labelled = match label::of(line) {
        Some((l, after)) if m.first >= s + after => Some(l),
        _ => label_before.map(|(l, _)| l),
    };
    // "| Date | Time | Where |" over "| Sat 9/20 | 10am–2pm | Midtown |": a column of dates.
    if matches!(labelled, Some(Label::When | Label::Time)) || seen.column == Some(Label::When) {
        score += 3;
    }
    // A line that is only a date, in a post about a gathering: its date.
    if ctx.about_gathering && label::date_line(line, seen.text, m.first - s, m.last - s).is_some() {
        score += 2;
    }
    if m.start_time.is_some() {
        score += 1;
        // A heading giving a day and its hours, in a post about gatherings, is one of
        // them: "### Atelier prise de parole - 31/08 de 19h30 à 22h30".
        if ctx.about_gathering && matches!(seen.kind, BlockKind::Heading(_)) {
            score += 1;
        }
    }
    // "Prochain café données : le 17 septembre", "Next drinks: June 5": what a line that
    // opens with "next" dates comes back, a gathering.
    let opens_with_next = seen.before[..seen.before.len().min(2)]
        .iter()
        .any(|w| lexicon::all().next_words.contains(w));
    if opens_with_next && !noun && !verb {
        score += 2;
    }
    // "## Melbourne — Sat 16 Nov" over "A beginners' workshop at the City Library": the
    // sentence under a date heading says what the date is of.
    let under = seen.next_words;
    if matches!(seen.kind, BlockKind::Heading(_))
        && !noun
        && !verb
        && sentence::speaks_of_gathering(under)
        && !sentence::has_word_in(under, word_set!(lexicon::all().not_gathering))
    {
        score += 2;
    }
    if !noun && !verb {
        let p = &seen.prev_words;
        if sentence::speaks_of_gathering(p) {
            score += 1;
        }
    }
    // One more item of a list or an agenda of headings whose earlier ones were gatherings.
    if matches!(seen.kind, BlockKind::ListItem | BlockKind::Heading(_)) && have_events {
        score += 1;
    }
    if sentence_place(seen, seen.sentence.1).is_some() {
        score += 1;
    }
    // "Tickets for the Cartonera Summit 2022 (Madison, WI, Thursday June 23 – Saturday June
    // 25) are on sale": brackets after a gathering's name give its days.
    let bracket = (s..m.first)
        .rev()
        .take_while(|&k| !seen.tokens[k].is_sym(")"))
        .find(|&k| seen.tokens[k].is_sym("("));
    let after_name = bracket.is_some_and(|b| {
        seen.tokens[b.saturating_sub(4).max(s)..b]
            .iter()
            .any(|t| t.kind == Kind::Word && lexicon::is_gathering_noun(t.norm))
    });
    if after_name {
        score += 3;
    }
    // A heading that starts with its date, after others that were gatherings, is one more
    // session of a series, whatever its subject ("Martes 5 de mayo — Publicación web").
    let next_session =
        matches!(seen.kind, BlockKind::Heading(_)) && have_events && seen.before.is_empty();
    // A release, a publication, a price: not a gathering. An award neither, unless the
    // sentence says people gather for it ("the awards brought together…").
    let negative = sentence::has_word_in(w, word_set!(lexicon::all().not_gathering));
    let award = sentence::has_word_in(w, word_set!(lexicon::all().awards));
    if negative && !next_session || award && !verb {
        score -= 3;
    }
    // "Les inscriptions ouvriront le 1er novembre", "registration opens March 1",
    // "L'appel à propositions ouvrira le 1er novembre": the opening of registration or of
    // a call is no gathering.
    let before = &seen.before[seen.before.len().saturating_sub(8)..];
    let l = lexicon::all();
    // "available since March 3", "depuis le 3 mars": when something began; not "desde el 5
    // hasta el 7 de mayo", a range.
    if !next_session
        && m.shape != Shape::Range
        && before.iter().rev().take(2).any(|w| l.since.contains(w))
    {
        score -= 3;
    }
    if sentence::has_stem_in(before, word_set!(l.opening))
        && (sentence::has_stem_in(w, word_set!(l.registration))
            || sentence::has_any_phrase(w, l.proposal_phrases)
            || w.contains(&"cfp"))
    {
        score -= 4;
    }
    // "Speakers will be notified by April 15", "vous saurez le 6 avril si vous êtes
    // retenue": the day applicants hear back (said before the date: a gathering's date
    // may come first, "the workshop on May 5, results later").
    if sentence::has_stem_in(&seen.before, word_set!(l.verdicts)) || answers_by(seen) {
        score -= 4;
    }
    // "(3/4)", "score 14/09": figures alone date nothing outside a title unless the words
    // before them say a date comes ("le 14/09", "on 9/14"), or hours follow them (a score
    // has none: "### Atelier - 31/08 de 19h30 à 22h30", "9/14, 6-8pm").
    let figures_only = !m.items.is_empty()
        && m.items.iter().all(|p| p.numeric && p.year.is_none())
        && m.start_time.is_none();
    let cued = seen.before.last().is_some_and(|w| {
        matches!(
            *w,
            "le" | "la" | "el" | "on" | "du" | "au" | "des" | "the" | "del" | "al"
        ) || lexicon::weekday(w).is_some()
    }) || m.items.iter().any(|p| p.weekday.is_some())
        || seen.column == Some(Label::When);
    if figures_only && seen.kind != BlockKind::Title && !cued {
        score -= 3;
    }
    // "The deadline for our call for presentations has passed on March 10".
    if sentence::has_word_in(w, deadline_nouns()) {
        score -= 3;
    }
    if names_a_thing(seen) {
        score -= 3;
    }
    score
}

/// "mapping the April 8 total solar eclipse": a date between "the" and a noun names that
/// thing; unless the noun is a gathering ("the May 3 workshop").
fn names_a_thing(seen: &Seen<'_, '_>) -> bool {
    let m = &seen.mention;
    let t = seen.tokens;
    if m.first == 0 || !t[m.first - 1].is_word("the") {
        return false;
    }
    let after: Vec<&str> = t[m.last..]
        .iter()
        .take(3)
        .take_while(|x| x.kind == Kind::Word)
        .map(|x| x.norm)
        .collect();
    let Some(next) = after.first() else {
        return false;
    };
    let l = lexicon::all();
    let linking = word_set!(
        l.stopwords,
        l.range_words,
        l.list_words,
        l.parts_of_day,
        l.time_leads,
        &[
            "from", "until", "till", "through", "on", "between", "pm", "am"
        ]
    );
    !t[m.last].is_capitalized()
        && !linking.contains(next)
        && !after.iter().any(|w| lexicon::is_gathering_noun(w))
        && !sentence::has_stem(&after, l.talks)
}

/// "We'll let everyone know by April 21", "on répond d'ici le 6 juin", "responderemos
/// antes del 21 de abril": organisers answering applicants by a day. Said with no "by",
/// the day may be a live session's ("on répond à vos questions le 5 mai en direct").
fn answers_by(seen: &Seen<'_, '_>) -> bool {
    let l = lexicon::all();
    let before = &seen.before[seen.before.len().saturating_sub(5)..];
    sentence::has_any_phrase(&seen.before, l.verdict_phrases)
        && (sentence::has_any_phrase(before, l.deadline_weak)
            || sentence::has_any_phrase(before, l.deadline_strong))
}

/// Nouns naming a deadline ("deadline", "clôture", "plazo").
fn deadline_nouns() -> &'static WordSet {
    word_set!(lexicon::all().deadline_nouns)
}

/// How many words before a date its deadline may be named as the subject.
const SUBJECT: usize = 10;

/// A deadline: a cue just before the date ("au plus tard le", "until", "by") and, for the
/// weaker cues, an action to take (register, propose, book). `sibling` is the kind of the
/// deadline in the list item before ("Round 1 closes March 4 for talks").
pub(super) fn deadline_kind(
    seen: &Seen<'_, '_>,
    sibling: Option<DeadlineKind>,
) -> Option<DeadlineKind> {
    if !matches!(seen.mention.shape, Shape::Single | Shape::Coming { .. }) {
        return None;
    }
    let l = lexicon::all();
    if sentence::has_stem_in(&seen.before, word_set!(l.verdicts))
        || sentence::has_any_phrase(&seen.before, l.verdict_phrases)
    {
        return None;
    }
    let before = &seen.before[seen.before.len().saturating_sub(5)..];
    // A deadline named as the sentence's subject a few words before its date: "la clôture
    // des inscriptions est fixée au vendredi 29 novembre", "the registration deadline for
    // the sprint is Friday, May 3", "el plazo de inscripción para el taller es el 3 de
    // mayo"; unless a gathering is said to take place in between.
    let named = &seen.before[seen.before.len().saturating_sub(SUBJECT)..];
    let subject = named
        .iter()
        .rposition(|w| deadline_nouns().contains(w))
        .is_some_and(|k| !sentence::has_any_phrase(&named[k..], l.gathering_verbs));
    // A date heading its line, closing what follows: "1er avril : clôture de l'appel à
    // propositions", "April 1: CFP closes", "1 de abril: cierre de inscripciones".
    // Not a programme's day closing with a session: "## Sábado 4 de junio — Asamblea y cierre".
    let (_, end) = seen.sentence;
    let heading: Vec<&str> = seen.tokens[seen.mention.last..end.max(seen.mention.last)]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .take(4)
        .map(|t| t.norm)
        .collect();
    let heads = seen.before.is_empty()
        && heading.iter().any(|w| l.closing_labels.contains(w))
        && !heading.iter().any(|w| lexicon::is_gathering_noun(w));
    // "¡Hasta el miércoles 9!": a farewell that names the day people meet, the whole
    // exclamation, is no deadline.
    let (start, _) = seen.sentence;
    let exclaims = seen.tokens[start..end.max(start)]
        .iter()
        .any(|t| t.is_sym("!") || t.is_sym("¡"));
    if exclaims && seen.before.len() <= 2 && heading.is_empty() {
        return None;
    }
    let strong = subject || heads || sentence::has_any_phrase(before, l.deadline_strong);
    let weak = sentence::has_any_phrase(before, l.deadline_weak);
    let w = &seen.words;
    // "Apply: if you'd like to attend … Submissions close February 22": submitting an
    // application to attend is registering, unless a talk or a paper is what is submitted.
    let attend = |kind: DeadlineKind| match kind {
        DeadlineKind::Proposal if to_attend(w, &seen.prev_words) => DeadlineKind::Registration,
        other => other,
    };
    // "Apply by 15 January" under "Travel grants", "inscriptions bénévoles jusqu'au 15 mai":
    // a grant, a scholarship or volunteering is neither attending nor proposing.
    let for_others = |words: &[&str]| sentence::has_stem(words, l.other_objects);
    let action = if for_others(w) || for_others(seen.section) {
        Some(DeadlineKind::Other)
    } else {
        // What is to be done by the date; else what the item before closed ("Round 2 closes
        // March 25"), as that item judged it; else what the sentence before asks for
        // ("Buscamos ponencias. Se pueden enviar hasta el 30 de junio").
        match action_of(w) {
            Some(kind) => Some(attend(kind)),
            None => sibling.or_else(|| action_of(&seen.prev_words).map(attend)),
        }
    };
    match (strong, weak, action) {
        (true, _, Some(kind)) => Some(kind),
        (true, _, None) => Some(DeadlineKind::Other),
        (false, true, Some(kind)) => Some(kind),
        _ => None,
    }
}

/// What a sentence asks readers to do by a date: propose, register, or another thing.
fn action_of(w: &[&str]) -> Option<DeadlineKind> {
    let l = lexicon::all();
    if sentence::has_stem_in(w, word_set!(l.proposal))
        || sentence::has_any_phrase(w, l.proposal_phrases)
    {
        Some(DeadlineKind::Proposal)
    } else if sentence::has_stem_in(w, word_set!(l.registration))
        || sentence::has_any_phrase(w, l.registration_phrases)
    {
        Some(DeadlineKind::Registration)
    } else if sentence::has_stem_in(w, word_set!(l.other_action)) {
        Some(DeadlineKind::Other)
    } else {
        None
    }
}

/// Whether what is submitted is an application to attend: the sentence or the one before
/// speaks of attending, and nothing of talks, papers or grants.
fn to_attend(words: &[&str], prev: &[&str]) -> bool {
    let l = lexicon::all();
    let talk = |w: &[&str]| {
        w.iter().any(|x| l.proposal_objects.contains(x))
            || sentence::has_stem(
                w,
                &[
                    "proposal",
                    "proposition",
                    "propuesta",
                    "abstract",
                    "cfp",
                    "paper",
                    "grant",
                    "scholar",
                    "bourse",
                    "beca",
                ],
            )
            || sentence::has_any_phrase(w, l.proposal_phrases)
    };
    let attend = |w: &[&str]| w.iter().any(|x| l.attending.contains(x));
    !talk(words) && !talk(prev) && (attend(words) || attend(prev))
}

/// The one year (near the post's) that the sentence or the title names, if only one.
pub(super) fn one_year(
    tokens: &[Token<'_>],
    (s, e): (usize, usize),
    ctx: &Context<'_>,
) -> Option<i32> {
    let near = |y: &i32| (ctx.post_date.year() - 1..=ctx.post_date.year() + 2).contains(y);
    let mut years: Vec<i32> = years_in(&tokens[s..e]).into_iter().filter(near).collect();
    years.dedup();
    match years.as_slice() {
        [y] => Some(*y),
        [] => ctx.title_year.filter(near),
        _ => None,
    }
}

pub(super) fn years_in(tokens: &[Token<'_>]) -> Vec<i32> {
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
