//! Labelled lines: "When: May 25-26, 2017", "* Fecha: 6 de febrero de 2015", "Quand ? Le 7
//! juin", "Where: Downtown Los Angeles, CA", "Lieu : Salle Pleyel, 75008 Paris", "Lugar:
//! …, Almería capital". They are front matter written in the body, and their labels are
//! read like front-matter keys, in the three languages. Also date lines: a block that is
//! only a date, maybe with its place ("7 de Noviembre de 2014 / Almería").

use super::facts::{Role, role};
use super::place;
use super::token::{Kind, Token};

/// What a line's label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    When,
    Where,
    Time,
}

/// The label a line starts with and the index of the first token after it: bullets and a
/// few words, then ":" (or "?" in "Quand ?").
pub fn of(tokens: &[Token<'_>]) -> Option<(Label, usize)> {
    let start = tokens
        .iter()
        .position(|t| !(t.kind == Kind::Sym && is_bullet(t.text)))?;
    let mut words = Vec::new();
    for (i, t) in tokens.iter().enumerate().skip(start).take(6) {
        match t.kind {
            Kind::Word => words.push(t.norm.as_ref()),
            Kind::Sym if ends_label(t) => {
                if words.is_empty() || i + 1 >= tokens.len() {
                    return None;
                }
                return named(&words).map(|label| (label, i + 1));
            }
            Kind::Sym if matches!(t.text, "/" | "&" | "-") => {}
            _ => return None,
        }
    }
    None
}

/// What a label's words announce, read like a front-matter key.
fn named(words: &[&str]) -> Option<Label> {
    // "Date :" in a post is a gathering's, unlike a front matter's `date`.
    let key = match words {
        ["date"] => "date_start".to_string(),
        _ => words.join("_"),
    };
    match role(&key) {
        Role::Start | Role::End => Some(Label::When),
        Role::Time => Some(Label::Time),
        Role::Place | Role::Address | Role::Town => Some(Label::Where),
        _ => None,
    }
}

/// What a table's column heading announces ("Date", "Fecha", "Quand", "Where"): a cell
/// of one to three words and nothing else.
pub fn heading(tokens: &[Token<'_>]) -> Option<Label> {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.norm)
        .collect();
    let only_words = tokens.iter().all(|t| t.kind == Kind::Word || ends_label(t));
    ((1..=3).contains(&words.len()) && only_words)
        .then(|| named(&words))
        .flatten()
}

/// Whether a token ends a line's label: ":" (or "?" in "Quand ?").
pub fn ends_label(t: &Token<'_>) -> bool {
    t.kind == Kind::Sym && matches!(t.text, ":" | "?" | "：")
}

fn is_bullet(s: &str) -> bool {
    matches!(
        s,
        "*" | "-" | "•" | "·" | "–" | "—" | "#" | ">" | "|" | "+" | "¿"
    )
}

/// The place a "Where:" line gives (`tokens` are the line's): `online`, a town, or nothing
/// (a venue alone).
pub fn place_of(tokens: &[Token<'_>], text: &str) -> Option<String> {
    let (label, after) = of(tokens)?;
    if label != Label::Where {
        return None;
    }
    let rest = &text[tokens.get(after)?.start..tokens.last()?.end];
    if place::names_online(rest) {
        return Some("online".to_string());
    }
    // "Où ? À Itterswiller", "Where: in Lyon": the preposition is not the town's; "Chez
    // Palo IT", "at Trabant Coffee" name a venue, whose town only an address gives;
    // "En Alsace à Itterswiller": the town after the last preposition.
    let words = &tokens[after..];
    let first = words.iter().find(|t| t.kind == Kind::Word)?;
    let l = crate::lexicon::all();
    if l.venue_prepositions.contains(&first.norm) {
        return place::structured_town(&text[first.end..tokens.last()?.end]);
    }
    // Not inside brackets: "Dakar (en face de la pharmacie)" directs from the town.
    let mut depth = 0usize;
    let outside: Vec<bool> = words
        .iter()
        .map(|t| {
            match t.text {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0
        })
        .collect();
    let last_prep = words.iter().zip(&outside).rposition(|(t, &out)| {
        out && t.kind == Kind::Word && l.place_prepositions.contains(&t.norm)
    });
    match last_prep.and_then(|k| words.get(k + 1)) {
        Some(next) => place::town_of_address(&text[next.start..tokens.last()?.end]),
        None => place::town_of_address(rest),
    }
}

/// Whether a block is a date line: the date `first..last` and nothing else but punctuation,
/// a clock time or a place after a separator ("29 y 30 de septiembre de 2017", "Mardi 18
/// juin", "7 de noviembre de 2014 / Almería"). Returns the place written after it, if any.
pub fn date_line(
    tokens: &[Token<'_>],
    text: &str,
    first: usize,
    last: usize,
) -> Option<Option<String>> {
    let lead_ok = tokens[..first]
        .iter()
        .all(|t| t.kind == Kind::Sym || t.kind == Kind::Break);
    if !lead_ok {
        return None;
    }
    let rest = &tokens[last.min(tokens.len())..];
    let Some(sep) = rest.iter().position(|t| t.kind != Kind::Sym) else {
        return Some(None);
    };
    // What follows the date must come after a separator: "/ Almería", "- Rennes".
    let separated = rest[..sep]
        .iter()
        .any(|t| matches!(t.text, "/" | "-" | "–" | "—" | "|" | ","));
    if !separated {
        return None;
    }
    let after = &text[rest[sep].start..];
    Some(place::town_of_address(after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

    #[test]
    fn reads_the_town_of_a_where_line() {
        for (line, town) in [
            ("Où ? À Itterswiller.", Some("Itterswiller")),
            ("Où ? En Alsace à Itterswiller.", Some("Itterswiller")),
            ("Lieu : Salle Pleyel, 75008 Paris", Some("Paris")),
            ("Where: in Downtown Los Angeles, CA", Some("Los Angeles")),
            ("Où ? Chez Palo IT", None),
            ("Où ? Chez Palo IT, 75008 Paris", Some("Paris")),
        ] {
            let t = tokenize(line);
            assert_eq!(place_of(&t, line).as_deref(), town, "{line}");
        }
    }

    #[test]
    fn reads_labels_in_three_languages() {
        for (line, label) in [
            ("When: May 25-26th, 2017", Label::When),
            ("**Date/time:** January 14th 2015, 2 pm PST", Label::When),
            ("* Fecha: **6 de febrero de 2015**", Label::When),
            ("Quand ? Le 7 juin 2011", Label::When),
            ("Cuándo: el jueves 12", Label::When),
            ("Where: Downtown Los Angeles, CA", Label::Where),
            ("Lieu : Salle Pleyel, 75008 Paris", Label::Where),
            ("* Lugar: Realtrack Systems, Almería capital.", Label::Where),
            ("Où ? En Alsace à Itterswiller", Label::Where),
            ("Hora: de 19:00 a 21:00", Label::Time),
            ("Date : 12 mars 2026", Label::When),
        ] {
            let text = line.replace("**", "");
            let t = tokenize(&text);
            assert_eq!(of(&t).map(|(l, _)| l), Some(label), "{line}");
        }
        for line in [
            "Note: the room changed",
            "Update: slides are online",
            "This is a sentence: with a colon",
        ] {
            assert_eq!(of(&tokenize(line)), None, "{line}");
        }
    }

    #[test]
    fn a_where_line_gives_its_town_or_online() {
        for (line, town) in [
            ("Where: Downtown Los Angeles, CA", Some("Los Angeles")),
            (
                "Lieu : Salle Pleyel, 252 rue du Faubourg, 75008 Paris",
                Some("Paris"),
            ),
            (
                "* Lugar: Realtrack Systems, Calle Guinea Nº 2, Almería capital.",
                Some("Almería"),
            ),
            ("Where: online, on Jitsi", Some("online")),
            ("Location: University Hall, Room 3", None),
        ] {
            let t = tokenize(line);
            assert_eq!(place_of(&t, line).as_deref(), town, "{line}");
        }
    }

    #[test]
    fn knows_a_date_line_from_a_sentence() {
        let line = "7 de Noviembre de 2014 / Almería";
        let t = tokenize(line);
        let end = t.iter().position(|t| t.text == "/").unwrap();
        assert_eq!(
            date_line(&t, line, 0, end),
            Some(Some("Almería".to_string()))
        );
        let line = "29 y 30 de Septiembre de 2017";
        let t = tokenize(line);
        assert_eq!(date_line(&t, line, 0, t.len()), Some(None));
        let line = "Le 29 septembre nous irons à Lyon";
        let t = tokenize(line);
        assert_eq!(date_line(&t, line, 0, 3), None);
    }
}
