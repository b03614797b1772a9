//! Where in town a gathering is: the venue and its address as a post writes them, after a
//! preposition ("at the city hall", "à la médiathèque, 3 place de la Mairie, 69001 Lyon",
//! "en la biblioteca de Almería", "at The Hub, 12 Harbour Street, Bristol"). The town is
//! `place`'s business; this is what a member needs once there.

use super::sentence;
use super::token::{Kind, Token};
use crate::lexicon;
use crate::lexicon::set::WordSet;
use crate::word_set;

/// The most words of a venue with its address.
const MAX_WORDS: usize = 14;

/// The venue a post's blocks name: the first one in a sentence with a date (`dated` says
/// whether a sentence has one), else the first one. Each block comes as its text and tokens.
pub fn read<'a, 't: 'a>(
    blocks: impl IntoIterator<Item = (&'a str, &'a [Token<'t>], &'a [(usize, usize)])>,
    dated: impl Fn(&[Token<'_>]) -> bool,
) -> Option<String> {
    let mut first = None;
    let named = venue_or_street_words();
    // A venue has a venue's or a street's word, or a number: other blocks are not read.
    let may_name = |toks: &[Token<'_>]| {
        toks.iter()
            .any(|t| t.kind == Kind::Num || t.kind == Kind::Word && named.contains(t.norm))
    };
    for (text, toks, sentences) in blocks {
        if !may_name(toks) {
            continue;
        }
        for &(s, e) in sentences {
            let sent = &toks[s..e];
            let Some(venue) = in_sentence(text, sent) else {
                continue;
            };
            if dated(sent) {
                return Some(venue);
            }
            first.get_or_insert(venue);
        }
    }
    first
}

fn venue_or_street_words() -> &'static WordSet {
    word_set!(lexicon::all().venue_words, lexicon::all().street_words)
}

/// The first venue after a preposition in a sentence.
pub fn in_sentence(text: &str, sent: &[Token<'_>]) -> Option<String> {
    let l = lexicon::all();
    let prepositions = word_set!(
        l.place_prepositions,
        l.venue_prepositions,
        &["au", "aux", "dans"]
    );
    (0..sent.len())
        .filter(|&k| {
            let w = &sent[k];
            w.kind == Kind::Word && prepositions.contains(w.norm)
        })
        .find_map(|k| after(text, &sent[k + 1..]))
}

/// The venue starting right after a preposition: its first part, and the parts of an
/// address after commas; only when a part names a venue or a street.
fn after(text: &str, toks: &[Token<'_>]) -> Option<String> {
    // "à la", "à l'", "en el", "at the": the article is not the name.
    let mut start = 0;
    while toks.get(start).is_some_and(|t| is_article(t)) {
        start += 1;
        if toks
            .get(start)
            .is_some_and(|t| t.is_sym("'") || t.is_sym("’"))
        {
            start += 1;
        }
    }
    // A name, a number, or a noun with its article: "en cours", "in progress" are no place.
    let first = toks.get(start)?;
    let named = first.kind == Kind::Word && first.is_capitalized();
    if first.kind != Kind::Word || (start == 0 && !named) {
        return None;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut k = start;
    let mut words = 0;
    loop {
        let part_start = k;
        while let Some(t) = toks.get(k) {
            if ends_part(t) || words >= MAX_WORDS {
                break;
            }
            if t.kind == Kind::Word || t.kind == Kind::Num {
                words += 1;
            }
            k += 1;
        }
        if k == part_start {
            break;
        }
        let part = &toks[part_start..k];
        // "Coworking Vallarta, Av. Vallarta 1525": an abbreviation cut off by its stop
        // starts no part of its own.
        let abbreviation = part.len() == 1
            && part[0].kind == Kind::Word
            && part[0].text.chars().count() <= 3
            && toks
                .get(k)
                .is_some_and(|t| t.is_sym(".") && !t.space_before);
        if !parts.is_empty() && (abbreviation || !is_address_part(part)) {
            break;
        }
        parts.push((part_start, k));
        if !toks.get(k).is_some_and(|t| t.is_sym(",")) || parts.len() == 4 {
            break;
        }
        k += 1;
    }
    let names_venue = parts.iter().any(|&(s, e)| {
        let w = sentence::words(&toks[s..e]);
        w.iter().any(|w| venue_or_street_words().contains(w))
    }) || parts.len() > 1
        && parts[1..].iter().any(|&(s, e)| is_street_part(&toks[s..e]));
    if !names_venue {
        return None;
    }
    let (s, _) = parts.first()?;
    let (_, e) = parts.last()?;
    let venue = text.get(toks[*s].start..toks[*e - 1].end)?.trim();
    (!venue.is_empty()).then(|| venue.to_string())
}

/// A lowercase article: "the city hall" is a city hall, "The Hub" is a name.
fn is_article(t: &Token<'_>) -> bool {
    t.kind == Kind::Word
        && !t.is_capitalized()
        && matches!(
            t.norm,
            "the" | "la" | "le" | "l" | "les" | "el" | "los" | "las"
        )
}

/// Where a part of a venue ends: punctuation other than a hyphen or an apostrophe, a line
/// break, and what starts other facts (a time, "from", "pour", "desde").
fn ends_part(t: &Token<'_>) -> bool {
    match t.kind {
        Kind::Break | Kind::Url => true,
        Kind::Sym => !matches!(t.text, "-" | "'" | "’" | "&" | "º" | "°" | "/"),
        Kind::Num => false,
        Kind::Word => matches!(
            t.norm,
            "from"
                | "on"
                | "for"
                | "with"
                | "to"
                | "between"
                | "and"
                | "pour"
                | "avec"
                | "entre"
                | "et"
                | "des"
                | "para"
                | "con"
                | "desde"
                | "y"
                | "por"
        ),
    }
}

/// A part of an address after a comma: a number and a street, a postcode and a town, or a
/// town ("Bristol", "69001 Lyon").
fn is_address_part(part: &[Token<'_>]) -> bool {
    let words: Vec<&Token<'_>> = part
        .iter()
        .filter(|t| matches!(t.kind, Kind::Word | Kind::Num))
        .collect();
    !words.is_empty()
        && words.len() <= 6
        && (words[0].kind == Kind::Num
            || is_street_part(part)
            || words
                .iter()
                .all(|t| t.kind == Kind::Word && t.is_capitalized()))
}

fn is_street_part(part: &[Token<'_>]) -> bool {
    let w = sentence::words(part);
    let streets = word_set!(lexicon::all().street_words);
    w.iter().any(|w| streets.contains(w))
        || part.first().is_some_and(|t| t.kind == Kind::Num) && part.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

    fn venue(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let sentences = crate::extract::sentence::bounds(&tokens);
        read([(text, tokens.as_slice(), sentences.as_slice())], |_| false)
    }

    #[test]
    fn an_abbreviation_cut_off_by_its_stop_is_no_part() {
        assert_eq!(
            venue("Presencial en Coworking Vallarta, Av. Vallarta 1525, Guadalajara.").as_deref(),
            Some("Coworking Vallarta")
        );
        assert_eq!(
            venue("Meet at the Maker Space, St. Paul Street 4, Leeds.").as_deref(),
            Some("Maker Space")
        );
    }

    #[test]
    fn reads_venues_and_their_address() {
        assert_eq!(
            venue("It will take place from June 10th to 12th, 2026 in Lyon, at the city hall."),
            Some("city hall".into())
        );
        assert_eq!(
            venue(
                "Les ateliers ont lieu à la médiathèque, 3 place de la Mairie, 69001 Lyon. Inscription obligatoire."
            ),
            Some("médiathèque, 3 place de la Mairie, 69001 Lyon".into())
        );
        assert_eq!(
            venue(
                "Our meetup is on April 22 from 6pm to 8pm at The Hub, 12 Harbour Street, Bristol."
            ),
            Some("The Hub, 12 Harbour Street, Bristol".into())
        );
        assert_eq!(
            venue("Taller para principiantes en la biblioteca de Almería."),
            Some("biblioteca de Almería".into())
        );
        assert_eq!(
            venue("La 5e édition se tiendra du 10 au 12 juin à Lyon, à l'hôtel de ville."),
            Some("hôtel de ville".into())
        );
    }

    #[test]
    fn a_town_alone_or_a_phrase_is_no_venue() {
        assert_eq!(
            venue("Les projets en cours ou futurs seront présentés."),
            None
        );
        assert_eq!(venue("The meetup is in Lyon, France, on March 3."), None);
        assert_eq!(venue("Rendez-vous à Lyon pour la journée."), None);
    }
}
