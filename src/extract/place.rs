//! Where a gathering happens: the town after a preposition in the announcing sentence
//! ("à Lille", "in Strasbourg", "en Burdeos"), else the town of a postal address
//! ("09400 Ornolac-Ussat-les-Bains"), else "online" for a remote gathering. Regions and
//! countries ("en Alsace", "in France") are not towns.

use super::Language;
use super::sentence;
use super::token::{Kind, Token};
use crate::lexicon;

/// The town named after a preposition in `tokens[from..to]`, nearest to `near` first.
pub fn after_preposition(
    tokens: &[Token<'_>],
    from: usize,
    to: usize,
    near: usize,
    lang: Language,
) -> Option<String> {
    nearest_town(tokens, from, to, near..near + 1, lang).map(|(_, name)| name)
}

/// Like `after_preposition`, with the town's distance in tokens from the span `near`.
pub fn nearest_town(
    tokens: &[Token<'_>],
    from: usize,
    to: usize,
    near: std::ops::Range<usize>,
    lang: Language,
) -> Option<(usize, String)> {
    let preps = lexicon::of(lang).place_prepositions;
    let mut found: Vec<(usize, String)> = Vec::new();
    for k in from..to.min(tokens.len()) {
        let t = &tokens[k];
        if t.kind != Kind::Word || !preps.contains(&&*t.norm) {
            continue;
        }
        // "à" is folded to "a"; an English "a" is an article, so French "à" must be written with its accent.
        if t.norm == "a" && t.text != "à" && t.text != "À" {
            continue;
        }
        let mut start = k + 1;
        // Markdown emphasis is gone, but quotes remain: `in "Amiens"`.
        while tokens
            .get(start)
            .is_some_and(|x| x.kind == Kind::Sym && matches!(x.text, "\"" | "«" | "“"))
        {
            start += 1;
        }
        if let Some(name) = town_at(tokens, start) {
            let distance = if k >= near.end {
                k - near.end
            } else {
                near.start.saturating_sub(k)
            };
            found.push((distance, name));
        }
    }
    found.into_iter().min_by_key(|(d, _)| *d)
}

/// A town name starting at `k`: capitalized words, hyphen-joined parts included
/// ("Le Puy-en-Velay", "Saint-Mandé", "Beg Meil"); not a region, a month or an acronym.
pub fn town_at(tokens: &[Token<'_>], k: usize) -> Option<String> {
    let first = tokens
        .get(k)
        .filter(|t| t.kind == Kind::Word && t.is_capitalized())?;
    if is_not_town(first) {
        return None;
    }
    let mut end = k + 1;
    let mut words = 1;
    loop {
        match (tokens.get(end), tokens.get(end + 1)) {
            // Hyphen-joined parts, written without spaces: "Clermont-Ferrand", "Aix-en-Provence".
            (Some(h), Some(w))
                if h.is_sym("-") && !h.space_before && !w.space_before && w.kind == Kind::Word =>
            {
                end += 2;
            }
            // Another capitalized word: "Beg Meil", "Le Puy-en-Velay".
            (Some(w), _)
                if w.kind == Kind::Word
                    && w.is_capitalized()
                    && words < 3
                    && !is_not_town(w)
                    && !is_cedex(w) =>
            {
                end += 1;
                words += 1;
            }
            _ => break,
        }
    }
    let name: String = tokens[k..end]
        .iter()
        .enumerate()
        .fold(String::new(), |mut acc, (i, t)| {
            if i > 0 && t.space_before {
                acc.push(' ');
            }
            acc.push_str(t.text);
            acc
        });
    // A lone first word that is an article is not a town: "Le", "La", "The".
    if words == 1
        && end == k + 1
        && matches!(
            &*first.norm,
            "le" | "la" | "les" | "the" | "el" | "los" | "las"
        )
    {
        return None;
    }
    Some(name)
}

fn is_not_town(t: &Token<'_>) -> bool {
    let n = &*t.norm;
    lexicon::month(n).is_some_and(|(_, strong)| strong)
        || lexicon::weekday(n).is_some()
        || lexicon::all().not_towns.contains(&n)
        || (t.text.len() > 1 && t.text.chars().all(|c| c.is_uppercase()))
        || matches!(
            n,
            "french"
                | "english"
                | "spanish"
                | "francais"
                | "anglais"
                | "espanol"
                | "frances"
                | "ingles"
                | "room"
                | "salle"
                | "sala"
                | "hall"
                | "building"
                | "batiment"
                | "the"
                | "la"
                | "les"
                | "l"
                | "un"
                | "une"
                | "a"
                | "this"
                | "our"
                | "notre"
                | "nos"
                | "your"
                | "votre"
                | "cette"
                | "ce"
                | "partenariat"
                | "order"
                | "addition"
                | "particular"
                | "general"
                | "short"
                | "fact"
                | "person"
                | "parallel"
                | "case"
        )
}

fn is_cedex(t: &Token<'_>) -> bool {
    t.norm == "cedex"
}

/// The town of a postal address in the tokens: five-digit postcode, then the town.
pub fn from_postcode(tokens: &[Token<'_>]) -> Option<String> {
    tokens.iter().enumerate().find_map(|(k, t)| {
        let is_code = t.kind == Kind::Num && t.text.len() == 5;
        // "CS 70043" and "BP 123" are mail boxes, not postcodes.
        let after_box = k > 0 && matches!(&*tokens[k - 1].norm, "cs" | "bp" | "cp" | "tsa");
        (is_code && !after_box)
            .then(|| town_at(tokens, k + 1))
            .flatten()
    })
}

/// Whether the words say the gathering is held online.
pub fn is_online(words: &[&str]) -> bool {
    sentence::has_any_phrase(words, lexicon::all().online)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn place(text: &str, lang: Language) -> Option<String> {
        let t = tokenize(text);
        after_preposition(&t, 0, t.len(), 0, lang)
    }

    #[test]
    fn finds_towns_after_prepositions() {
        assert_eq!(
            place(
                "se déroulera du 17 au 19 juin 2024 à Lille au siège",
                Language::Fr
            )
            .as_deref(),
            Some("Lille")
        );
        assert_eq!(
            place("will be held in Strasbourg, from Wednesday", Language::En).as_deref(),
            Some("Strasbourg")
        );
        assert_eq!(
            place("tendrá lugar en Estrasburgo", Language::Es).as_deref(),
            Some("Estrasburgo")
        );
        assert_eq!(
            place(
                "se dérouleront à Aix-en-Provence les jeudi 14",
                Language::Fr
            )
            .as_deref(),
            Some("Aix-en-Provence")
        );
        assert_eq!(
            place(
                "dans les locaux de l'Agrocampus Ouest à Beg Meil les jeudi",
                Language::Fr
            )
            .as_deref(),
            Some("Beg Meil")
        );
    }

    #[test]
    fn regions_countries_and_venues_are_not_towns() {
        assert_eq!(place("se tiendra en Ariège du 30 mars", Language::Fr), None);
        assert_eq!(place("will be held in Ariège, France", Language::En), None);
        assert_eq!(
            place("hosted by the region, in France, on June", Language::En),
            None
        );
        assert_eq!(place("à l'Agrocampus Ouest", Language::Fr), None);
        assert_eq!(place("It will happen in June", Language::En), None);
    }

    #[test]
    fn reads_the_town_of_a_postal_address() {
        let t = tokenize(
            "Vallon d'Aïga, 2 Chemin du Col d'Ussat, 09400 Ornolac-Ussat-les-Bains, France",
        );
        assert_eq!(
            from_postcode(&t).as_deref(),
            Some("Ornolac-Ussat-les-Bains")
        );
        let t = tokenize("2, boulevard des Cités Unies CS 70043 59040 Lille Cedex");
        assert_eq!(from_postcode(&t).as_deref(), Some("Lille"));
    }
}
