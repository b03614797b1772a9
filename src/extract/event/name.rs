//! Naming a gathering: the post's title without its tagline, a name with a year near the
//! date, the noun phrase of its sentence, the caption under a date heading.

use super::build::Draft;
use super::score::years_in;
use super::{Context, Seen};
use crate::extract::sentence;
use crate::extract::token::{self, Kind, Token};
use crate::lexicon;
use crate::post::BlockKind;

/// "geOcom 2015", "FOSS4G-fr 2014", "GeoCom2015": a capitalized name followed by a year,
/// the nearest to the date mention.
pub(super) fn name_with_year(
    tokens: &[Token<'_>],
    (s, e): (usize, usize),
    near: usize,
) -> Option<String> {
    (s..e.saturating_sub(1))
        .filter_map(|k| {
            let (name, year) = (&tokens[k], &tokens[k + 1]);
            is_name_and_year(name, year).then(|| {
                let sep = if year.space_before { " " } else { "" };
                (k.abs_diff(near), format!("{}{sep}{}", name.text, year.text))
            })
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Whether two tokens are a capitalized name and the year after it ("geOcom 2015"); a
/// month ("May 2015") is no name.
pub(crate) fn is_name_and_year(name: &Token<'_>, year: &Token<'_>) -> bool {
    name.kind == Kind::Word
        && name.text.chars().any(char::is_uppercase)
        && name.text.len() > 2
        && year.kind == Kind::Num
        && year.text.len() == 4
        && year.text.starts_with(['1', '2'])
        && lexicon::month(name.norm).is_none()
}

/// The title of a date heading: the name set off after its date (`tail`, from `date_tail`:
/// "### Martes 3 de marzo — Primeros pasos"), else the first sentence of the block under it.
pub(super) fn caption(seen: &Seen<'_, '_>, tail: Option<&str>) -> Option<String> {
    if !matches!(seen.kind, BlockKind::Heading(_)) {
        return None;
    }
    if let Some(tail) = tail {
        return Some(tail.to_string());
    }
    let text = seen.next_text?;
    let end = text.find(['.', '!', '?', '\n']).unwrap_or(text.len());
    let title = shortened(text[..end].trim());
    (!title.is_empty()).then(|| title.to_string())
}

/// A title cut at a word to 80 characters at most.
fn shortened(title: &str) -> &str {
    if title.chars().count() <= 80 {
        return title;
    }
    let cut = title.char_indices().nth(80).map_or(title.len(), |(i, _)| i);
    title[..cut]
        .rsplit_once(' ')
        .map_or(&title[..cut], |(head, _)| head)
}

/// The name a heading or a list item sets off after its date with a dash or a colon:
/// "Wed, Oct 14 — Getting started with Tessera 2 (Priya S.)", "Martes 3 de marzo — Primeros
/// pasos", "jeudi 12 mars : Cartographie participative", "Thursday 5 October — documentation:
/// what's missing". The speaker in brackets and what a colon explains are not part of it; a
/// time, a town, "online", a label or a phrase ("— à Lyon") after the dash names nothing.
pub(super) fn date_tail(seen: &Seen<'_, '_>) -> Option<String> {
    if !matches!(seen.kind, BlockKind::Heading(_) | BlockKind::ListItem) {
        return None;
    }
    let toks = seen.tokens.get(seen.mention.last..seen.sentence.1)?;
    let dash = |t: &Token<'_>| {
        t.kind == Kind::Sym && (matches!(t.text, "–" | "—") || t.text == "-" && t.space_before)
    };
    let sep = toks.first()?;
    if !(dash(sep) || sep.is_sym(":")) {
        return None;
    }
    let rest = &toks[1..];
    let end = rest
        .iter()
        .position(|t| t.is_sym("(") || t.is_sym("|") || t.is_sym(":") || dash(t))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let first = name.first()?;
    let words: Vec<&str> = name
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.norm)
        .collect();
    let text = token::as_written(name);
    let text = text.trim_end_matches(['.', ',', ';', ':', ' ']);
    let names = first.kind == Kind::Word
        && !is_function_word(first.norm)
        && lexicon::month(first.norm).is_none()
        && lexicon::weekday(first.norm).is_none()
        && (1..=12).contains(&words.len())
        && !crate::extract::place::is_known_town(text)
        && !crate::extract::place::is_online(&words)
        && crate::extract::label::of(name).is_none();
    names.then(|| shortened(text).to_string())
}

/// The words that lead a list item, set off by a dash or a colon before its date: "Québec
/// City – Wednesday, April 16", "Atelier QGIS : jeudi 7 mars", "Taller de R — 12 de
/// mayo". An agenda's items are named by them; a label ("Date :") names nothing.
pub(super) fn item_lead(seen: &Seen<'_, '_>) -> Option<String> {
    if seen.kind != BlockKind::ListItem || seen.sentence.0 != 0 {
        return None;
    }
    let toks = &seen.tokens[..seen.mention.first];
    let first = toks.iter().position(|t| t.kind != Kind::Sym)?;
    let sep = toks.iter().position(|t| {
        t.kind == Kind::Sym && matches!(t.text, "–" | "—" | "-") && t.space_before || t.is_sym(":")
    })?;
    let lead = &toks[first..sep];
    let words = lead.iter().filter(|t| t.kind == Kind::Word).count();
    let plain = lead.iter().all(|t| {
        t.kind == Kind::Word
            && lexicon::month(t.norm).is_none()
            && lexicon::weekday(t.norm).is_none()
            || t.is_sym("'")
            || t.is_sym("’")
    });
    let dated_next = toks[sep + 1..]
        .iter()
        .all(|t| t.kind == Kind::Sym || lexicon::weekday(t.norm).is_some());
    (sep > first
        && (1..=5).contains(&words)
        && plain
        && dated_next
        && crate::extract::label::of(&seen.tokens[..seen.sentence.1]).is_none())
    .then(|| token::as_written(lead))
}

/// The text of the first link in the sentence: the name of a talk in a programme list.
pub(super) fn link_text(seen: &Seen<'_, '_>) -> Option<String> {
    let (s, e) = seen.sentence;
    let from = seen.tokens.get(s)?.start;
    let to = seen.tokens.get(e.saturating_sub(1))?.end;
    seen.links
        .iter()
        // A link written as its address ("(https://meet.jit.si/tessera)") names no talk.
        .find(|l| {
            l.start >= from
                && l.end <= to
                && l.text.chars().count() > 2
                && !l.text.contains("://")
                && !l.text.starts_with("www.")
        })
        .map(|l| l.text.clone())
}

/// The words between "next" and a colon that the date follows: "Next community call:
/// January 12", "Prochaine visio : 12 janvier", "Próxima quedada: 12 de enero".
fn next_lead(seen: &Seen<'_, '_>) -> Option<String> {
    let toks = &seen.tokens[seen.sentence.0..seen.sentence.1];
    let first = toks.iter().position(|t| t.kind != Kind::Sym)?;
    if !lexicon::all().next_words.contains(&toks[first].norm) {
        return None;
    }
    let colon = first
        + 1
        + toks[first + 1..]
            .iter()
            .position(|t| t.kind != Kind::Word)?;
    let named = colon - first - 1;
    let before_date = seen.sentence.0 + colon < seen.mention.first;
    ((1..=3).contains(&named) && toks[colon].is_sym(":") && before_date)
        .then(|| token::as_written(&toks[first + 1..colon]))
}

/// The words naming the gathering in its sentence: "community sprint", "code/doc-sprint".
pub(super) fn noun_phrase(seen: &Seen<'_, '_>) -> Option<String> {
    if let Some(lead) = next_lead(seen) {
        return Some(lead);
    }
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
                    t.norm,
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
            && !is_function_word(prev.norm)
            && lexicon::weekday(prev.norm).is_none()
            && lexicon::month(prev.norm).is_none();
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
                    && !is_function_word(w.norm)
                    && lexicon::month(w.norm).is_none()
                    && lexicon::weekday(w.norm).is_none()
            });
            if word.is_some() {
                end = k + 1;
            }
        }
    }
    // "our Spring Fling (mini conference) event": the kind in brackets explains the name
    // before it.
    if start >= 2 && toks[start - 1].is_sym("(") && toks.get(end).is_some_and(|t| t.is_sym(")")) {
        let named = toks[..start - 1]
            .iter()
            .rev()
            .take_while(|t| t.kind == Kind::Word && t.is_capitalized())
            .count();
        if (1..=4).contains(&named) {
            let first = start - 1 - named;
            let words: Vec<&str> = toks[first..start - 1].iter().map(|t| t.text).collect();
            return Some(words.join(" "));
        }
    }
    let text = token::as_written(&toks[start..end]);
    Some(text.trim_matches(['-', '/']).to_string())
}

pub(super) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "from"
            | "since"
            | "until"
            | "around"
            | "desde"
            | "hasta"
            | "hacia"
            | "vers"
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
pub(super) fn event_title(ctx: &Context<'_>, d: &Draft) -> String {
    let head = post_title(ctx);
    let mut head_tokens_folded = String::new();
    let head_tokens = token::tokenize(&head, &mut head_tokens_folded);
    let head_words = sentence::words(&head_tokens);
    let about_event =
        sentence::has_gathering_noun(&head_words) || !years_in(&head_tokens).is_empty();
    match &d.name {
        Some(name) if !about_event && !head.to_lowercase().contains(&name.to_lowercase()) => {
            name.clone()
        }
        _ => head,
    }
}

/// The name of what the post announces from its title; a title that is only a date ("May
/// 15th 2024", a meeting's page) takes the name its excerpt or description gives ("CUGOS
/// Monthly Meeting").
pub(super) fn post_title(ctx: &Context<'_>) -> String {
    let head = title_head(ctx.title);
    let mut folded = String::new();
    let tokens = token::tokenize(&head, &mut folded);
    let only_a_date = tokens.iter().all(|t| {
        t.kind != token::Kind::Word
            || crate::lexicon::month(t.norm).is_some()
            || crate::lexicon::weekday(t.norm).is_some()
            || crate::lexicon::is_ordinal_suffix(t.norm)
    });
    match &ctx.about_name {
        Some(name) if only_a_date => name.clone(),
        _ => head,
    }
}

/// A gathering's name in a text about the post ("May 15, 2024 CUGOS Monthly Meeting" →
/// "CUGOS Monthly Meeting"): its words up to its gathering noun, dates left out.
pub(super) fn name_in(text: &str, order: crate::extract::date::Lang) -> Option<String> {
    let mut folded = String::new();
    let tokens = token::tokenize(text, &mut folded);
    let mut dated = vec![false; tokens.len()];
    for m in crate::extract::date::find(&tokens, order) {
        dated[m.first..m.last].iter_mut().for_each(|d| *d = true);
    }
    let noun = (0..tokens.len()).find(|&k| {
        !dated[k]
            && tokens[k].kind == Kind::Word
            && crate::lexicon::is_gathering_noun(tokens[k].norm)
    });
    let Some(noun) = noun else {
        // "July 18, 2024 CUGOS GeoBeers": a date, then a name of capitalized words.
        let rest: Vec<&Token<'_>> = tokens
            .iter()
            .zip(&dated)
            .filter(|(t, d)| !**d && matches!(t.kind, Kind::Word | Kind::Num))
            .map(|(t, _)| t)
            .collect();
        let named = dated.iter().any(|d| *d)
            && (1..=4).contains(&rest.len())
            && rest
                .iter()
                .all(|t| t.kind == Kind::Word && t.is_capitalized());
        return named.then(|| {
            let (first, last) = (rest[0], rest[rest.len() - 1]);
            text[first.start..last.end].to_string()
        });
    };
    // The capitalized words of its name before the noun: "CUGOS Monthly Meeting", not
    // "for a happy hour after the meeting".
    let first = (0..noun)
        .rev()
        .take_while(|&k| !dated[k] && tokens[k].kind == Kind::Word && tokens[k].is_capitalized())
        .last()
        .unwrap_or(noun)
        .max(noun.saturating_sub(6));
    let name = &text[tokens[first].start..tokens[noun].end];
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    (!name.is_empty()).then(|| name.to_string())
}

/// Whether a title's head only says the gathering is cancelled or put off, or which day it
/// is ("Demain", "Tomorrow", "Mañana").
fn is_notice(head: &str) -> bool {
    let mut folded = String::new();
    let tokens = token::tokenize(head, &mut folded);
    let words = sentence::words(&tokens);
    let l = lexicon::all();
    let only_a_day = lexicon::relative_day(&words).is_some_and(|(_, _, n)| n == words.len());
    !words.is_empty()
        && (only_a_day
            || words.iter().all(|w| {
                sentence::has_stem(&[w], l.cancelled) || sentence::has_stem(&[w], l.postponed)
            }))
}

pub(super) fn title_head(title: &str) -> String {
    let cut = [" : ", " – ", " — ", " - ", ", ", ": ", " ! ", " ? ", " | "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    let head = title[..cut]
        .trim()
        .trim_end_matches(['!', '?', ':', '.', ' ']);
    // "Cancelled: Code sprint 2027", "ANNULÉ – Apéro OSM", "Mañana: quedada de enero": a
    // notice or a day before the name.
    let rest = title[cut..].trim_start_matches(|c: char| !c.is_alphanumeric());
    if !rest.is_empty() && is_notice(head) {
        return title_head(rest);
    }
    // "Burlington, VT: first meetup south of the border", "Lyon : apéro cartographique": a
    // town before the name, which the event's place says.
    if crate::extract::place::is_known_town(head) {
        // A state's or country's code after the town: "VT", "ON".
        let code = rest
            .find(|c: char| !c.is_ascii_uppercase())
            .filter(|&n| (2..=3).contains(&n) && rest[n..].starts_with([':', ',']));
        let rest = code
            .map_or(rest, |n| &rest[n..])
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let mut folded = String::new();
        let tokens = token::tokenize(rest, &mut folded);
        if sentence::speaks_of_gathering(&sentence::words(&tokens)) {
            return title_head(rest);
        }
    }
    if head.chars().count() < 3 {
        title.trim().to_string()
    } else {
        head.to_string()
    }
}

pub(super) fn side_title(d: &Draft, primary: Option<&str>) -> String {
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

#[cfg(test)]
mod tests {
    use super::title_head;

    #[test]
    fn a_notice_or_a_town_before_the_name_is_not_the_name() {
        for (title, head) in [
            ("Cancelled: Code sprint 2027", "Code sprint 2027"),
            (
                "Burlington, VT: first meetup south of the border",
                "first meetup south of the border",
            ),
            ("Lyon : apéro cartographique", "apéro cartographique"),
            ("Sevilla: taller de mapas", "taller de mapas"),
            ("Paris, le retour", "Paris"),
            (
                "Mañana: quedada de enero en Madrid",
                "quedada de enero en Madrid",
            ),
            ("Demain : apéro OSM à Lyon", "apéro OSM à Lyon"),
            ("Tomorrow: docs sprint", "docs sprint"),
            ("ANNULÉ – Apéro OSM de mars", "Apéro OSM de mars"),
            ("Aplazado: Taller de QGIS", "Taller de QGIS"),
            (
                "Postponed - Community call, spring edition",
                "Community call",
            ),
            ("geOcom 2026 : save the date !", "geOcom 2026"),
            ("Cancelled", "Cancelled"),
        ] {
            assert_eq!(title_head(title), head, "{title}");
        }
    }
}
