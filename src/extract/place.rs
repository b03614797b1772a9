//! Where a gathering happens: the town after a preposition in the announcing sentence
//! ("à Lille", "in Strasbourg", "en Burdeos"), else the town of a postal address
//! ("09400 Ornolac-Ussat-les-Bains"), else "online" for a remote gathering. Regions and
//! countries ("en Alsace", "in France") are not towns.

use super::Language;
use super::sentence;
use super::token::{Kind, Token, as_written, fold, tokenize};
use crate::lexicon::{self, towns};

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
    nearest(&towns(tokens, lang), from, to, near)
}

/// Among the towns of a block (from `towns`), the one whose preposition is in
/// `from..to`, nearest to the span `near`, with its distance.
pub fn nearest(
    towns: &[(usize, String)],
    from: usize,
    to: usize,
    near: std::ops::Range<usize>,
) -> Option<(usize, String)> {
    towns
        .iter()
        .filter(|(k, _)| (from..to).contains(k))
        .map(|(k, name)| (distance(*k, &near), name))
        .min_by_key(|(d, _)| *d)
        .map(|(d, name)| (d, name.clone()))
}

/// Every town a block names after a preposition, with the preposition's index: "à Lille",
/// "in Strasbourg", "en Burdeos", "at Saint-Mandé, France". Read once per block; rules ask
/// for the one nearest a date.
pub fn towns(tokens: &[Token<'_>], lang: Language) -> Vec<(usize, String)> {
    let lex = lexicon::of(lang);
    let preps = lex.place_prepositions;
    let venue_preps = lex.venue_prepositions;
    let mut found: Vec<(usize, String)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != Kind::Word {
            continue;
        }
        // "this month's Manchester meetup", "the Lyon workshop": a known town before the
        // gathering it names.
        if t.is_capitalized()
            && let Some((name, end)) = known_town_span(tokens, k)
            && tokens
                .get(end)
                .is_some_and(|n| n.kind == Kind::Word && lexicon::is_gathering_noun(n.norm))
        {
            found.push((k, name));
            continue;
        }
        if venue_preps.contains(&t.norm) {
            if let Some(name) = address_run(tokens, k + 1, true) {
                found.push((k, name));
            }
            continue;
        }
        // "sur Paris", "au Paris JUG", "au Théâtre de Paris": only a known town.
        let opener = lex.venue_openers.contains(&t.norm);
        if opener || lex.known_town_prepositions.contains(&t.norm) {
            let name = known_town_at(tokens, k + 1).or_else(|| {
                opener
                    .then(|| venue_town(tokens, k + 1, lex.venue_of))
                    .flatten()
            });
            if let Some(name) = name {
                found.push((k, name));
            }
            continue;
        }
        if !preps.contains(&t.norm) {
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
        // "en la Ciudad de México": an article, then a town the gazetteer knows whole.
        let after_article = || {
            tokens
                .get(start)
                .filter(|a| a.kind == Kind::Word && lex.town_articles.contains(&a.text))
                .and_then(|_| whole_known_town_at(tokens, start + 1))
        };
        // A town, or the town at the end of an address ("in Penn Pavilion, Duke
        // University, Durham, North Carolina").
        // "in Carlton, Melbourne": the city after its suburb.
        let suburb_city = || {
            known_town_span(tokens, start).and_then(|(town, end)| city_after(tokens, &town, end))
        };
        let name = suburb_city()
            .or_else(|| town_at(tokens, start))
            .or_else(after_article)
            .or_else(|| address_run(tokens, start, false))
            .or_else(|| venue_town(tokens, start, lex.venue_of));
        if let Some(name) = name {
            found.push((k, name));
        }
    }
    found
}

/// A known town starting at `k` (its first word, when the name goes on: "Marseille
/// Provence").
fn known_town_at(tokens: &[Token<'_>], k: usize) -> Option<String> {
    let name = town_at(tokens, k)?;
    let first = name.split(' ').next().unwrap_or(&name);
    [name.as_str(), first]
        .into_iter()
        .find(|n| is_known_town(n))
        .map(str::to_string)
}

/// A known town written whole from `k`: not the first name of a person ("David Gageot").
fn whole_known_town_at(tokens: &[Token<'_>], k: usize) -> Option<String> {
    known_town_span(tokens, k).map(|(name, _)| name)
}

/// Whether a name as written is a town the gazetteer knows.
pub fn is_known_town(name: &str) -> bool {
    let folded = fold(name);
    // "Québec City", "Panama City": a town and the word, as many write it in English.
    towns::is_town(&folded)
        || folded
            .strip_suffix(" city")
            .is_some_and(|town| !town.ends_with(" city") && towns::is_town(town))
}

/// A known town written whole from `k`, and the index after it.
fn known_town_span(tokens: &[Token<'_>], k: usize) -> Option<(String, usize)> {
    town_span(tokens, k).filter(|(name, _)| is_known_town(name))
}

/// The known town ending a venue's name written from `k`, within its clause: "l'IUT
/// d'Aix-en-Provence", "la bibliothèque de la Méjanes d'Aix-en-Provence", "el Centro
/// Cultural de Almería".
fn venue_town(tokens: &[Token<'_>], k: usize, venue_of: &[&str]) -> Option<String> {
    // A venue's name starts with an article or a capital: "à cette session de David" names
    // no venue.
    let first = tokens.get(k)?;
    if !(first.is_capitalized()
        || matches!(first.norm, "l" | "le" | "la" | "les" | "el" | "los" | "las"))
    {
        return None;
    }
    let end = (k + 12).min(tokens.len());
    for j in k..end {
        let t = &tokens[j];
        if t.kind == Kind::Break
            || t.kind == Kind::Sym && matches!(t.text, "." | ";" | ":" | "(" | "!" | "?" | ",")
        {
            return None;
        }
        if t.kind == Kind::Word && venue_of.contains(&t.norm) {
            let elided = tokens
                .get(j + 1)
                .is_some_and(|x| x.kind == Kind::Sym && matches!(x.text, "'" | "’"));
            if let Some(name) = whole_known_town_at(tokens, j + 1 + usize::from(elided)) {
                return Some(name);
            }
        }
    }
    None
}

/// How far token `k` is from the span `near`.
fn distance(k: usize, near: &std::ops::Range<usize>) -> usize {
    if k >= near.end {
        k - near.end
    } else {
        near.start.saturating_sub(k)
    }
}

/// The town of the address written from `k` to the end of its clause; with `structured`,
/// only one that the address's form shows (a postcode, a state or a country after it).
fn address_run(tokens: &[Token<'_>], k: usize, structured: bool) -> Option<String> {
    let first = tokens.get(k)?;
    if first.kind != Kind::Word || !first.is_capitalized() {
        return None;
    }
    let end = tokens[k..]
        .iter()
        .take(25)
        .position(|t| {
            t.kind == Kind::Break
                || t.kind == Kind::Sym && matches!(t.text, "." | ";" | "(" | "!" | "?" | ":")
        })
        .map_or((k + 25).min(tokens.len()), |i| k + i);
    let last = tokens.get(end.checked_sub(1)?)?;
    if end <= k + 1 {
        return None;
    }
    // Rebuild the run's text from its tokens: they carry their own spacing.
    let mut text = String::new();
    for (i, t) in tokens[k..=end - 1].iter().enumerate() {
        if i > 0 && t.space_before {
            text.push(' ');
        }
        text.push_str(t.text);
    }
    let _ = last;
    if structured {
        structured_town(&text)
    } else {
        town_of_address(&text)
    }
}

/// A town name starting at `k`: capitalized words, hyphen-joined parts included
/// ("Le Puy-en-Velay", "Saint-Mandé", "Beg Meil"); not a region, a month or an acronym.
pub fn town_at(tokens: &[Token<'_>], k: usize) -> Option<String> {
    town_span(tokens, k).map(|(name, _)| name)
}

/// The town a title names, for a gathering whose post says nowhere else where it is:
/// after a preposition ("Rencontres à Lille", "Nao sur Paris"), or inside the gathering's
/// name ("DevFest Marseille 2014", "Prochain Paris JUG", "PyCon Lille"). Only a known town,
/// and not a person's first name: a town followed by another capitalized word ("Portrait de
/// Sofia Celi", "Talk by Florence Smith") is not read.
pub fn in_title(title: &str, lang: Language) -> Option<String> {
    let mut folded = String::new();
    let tokens = tokenize(title, &mut folded);
    if let Some((_, name)) = towns(&tokens, lang)
        .into_iter()
        .find(|(_, n)| is_known_town(n))
    {
        return Some(name);
    }
    // "Chicago: First Saturday Fix-it Clinics", "Bruxelles : atelier vélo": a title that
    // opens with its town, set off (not "Reading group, March 3").
    if let Some((name, end)) = known_town_span(&tokens, 0)
        && tokens
            .get(end)
            .is_some_and(|t| matches!(t.text, ":" | "—" | "–" | "-" | "|"))
    {
        return Some(name);
    }
    let acronym = |t: &Token<'_>| {
        t.kind == Kind::Word && t.text.len() > 1 && t.text.chars().all(|c| c.is_ascii_uppercase())
    };
    (0..tokens.len()).find_map(|k| {
        let (name, end) = known_town_span(&tokens, k)?;
        if lexicon::is_gathering_noun(tokens[k].norm) {
            return None;
        }
        // A gathering's name before it ("DevFest Marseille", "FOSS4G Prizren", "Meetup
        // Lyon"), not a person's first name ("Soirée Chloé Condon"); or a group's acronym
        // after it ("Paris JUG").
        let after_name = k.checked_sub(1).is_some_and(|j| {
            let t = &tokens[j];
            let glued_to_number = !t.space_before && j > 0 && tokens[j - 1].kind == Kind::Num;
            t.kind == Kind::Word
                && t.is_capitalized()
                && (t.text.chars().skip(1).any(char::is_uppercase)
                    || glued_to_number
                    || lexicon::is_gathering_noun(t.norm))
        });
        let next = tokens.get(end);
        let before_acronym = next.is_some_and(acronym);
        let before_name = next.is_some_and(|t| t.kind == Kind::Word && t.is_capitalized());
        ((after_name && !before_name) || before_acronym).then_some(name)
    })
}

/// Whether a text names a town crieur knows anywhere, capitalized: "Summit 2026: Toronto,
/// in person and online".
pub fn names_known_town(text: &str) -> bool {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    (0..tokens.len()).any(|k| tokens[k].is_capitalized() && known_town_span(&tokens, k).is_some())
}

/// A town name starting at `k` and the index after it.
fn town_span(tokens: &[Token<'_>], k: usize) -> Option<(String, usize)> {
    let first = tokens
        .get(k)
        .filter(|t| t.kind == Kind::Word && t.is_capitalized())?;
    // "in May 2025", "in March 12": a month that is also a word ("May", "Mars") is the
    // month when a number follows it.
    let dated = lexicon::month(first.norm).is_some()
        && tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Num);
    // "Québec City": a region's name that is also a town's, with the word after it.
    let city = tokens
        .get(k + 1)
        .is_some_and(|t| t.norm == "city" && t.is_capitalized());
    if is_not_town(first) && !city || dated {
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
            // A known town whose name holds a particle: "Ciudad de México", "Alcalá de
            // Henares", "Newcastle upon Tyne".
            (Some(p), Some(w))
                if p.kind == Kind::Word
                    && matches!(p.norm, "de" | "del" | "do" | "da" | "upon" | "on" | "sur")
                    && w.kind == Kind::Word
                    && w.is_capitalized()
                    && is_known_town(&as_written(&tokens[k..end + 2])) =>
            {
                end += 2;
            }
            // "Québec City", "Panama City": a known town and the word, as the post spells it.
            (Some(w), _)
                if w.norm == "city"
                    && w.is_capitalized()
                    && is_known_town(&as_written(&tokens[k..=end])) =>
            {
                end += 1;
                break;
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
    // "Penn Pavilion", "Trabant Coffee": the first words of a venue's name, not a town.
    if tokens.get(end).is_some_and(|t| {
        t.kind == Kind::Word && t.is_capitalized() && lexicon::all().venue_words.contains(&t.norm)
    }) {
        return None;
    }
    let name = as_written(&tokens[k..end]);
    // A lone first word that is an article is not a town: "Le", "La", "The".
    if words == 1
        && end == k + 1
        && matches!(
            first.norm,
            "le" | "la" | "les" | "the" | "el" | "los" | "las"
        )
    {
        return None;
    }
    Some((name, end))
}

fn is_not_town(t: &Token<'_>) -> bool {
    let n = t.norm;
    lexicon::all().venue_words.contains(&n)
        || lexicon::PLATFORMS.contains(&n)
        || lexicon::month(n).is_some_and(|(_, strong)| strong)
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

/// The town of a postal address in the tokens: a five-digit postcode, then the town; or a
/// four-digit one (Belgium, Switzerland, Austria, Denmark…) before a town the gazetteer
/// knows ("Rue de la Loi 42, 1000 Bruxelles") or ending a street's address, as four digits
/// are often a year.
pub fn from_postcode(tokens: &[Token<'_>]) -> Option<String> {
    tokens.iter().enumerate().find_map(|(k, t)| {
        let digits = if t.kind == Kind::Num { t.text.len() } else { 0 };
        // "CS 70043" and "BP 123" are mail boxes, not postcodes.
        let after_box = k > 0 && matches!(&*tokens[k - 1].norm, "cs" | "bp" | "cp" | "tsa");
        if after_box {
            return None;
        }
        match digits {
            5 => town_at(tokens, k + 1),
            4 => known_town_span(tokens, k + 1)
                .or_else(|| {
                    // "rue de la Servette 42, 1202 Genève (2e étage)": after a street and a
                    // comma, a name ending the address is its town, known or not.
                    let after_street = k > 1
                        && tokens[k - 1].is_sym(",")
                        && tokens[k.saturating_sub(6)..k - 1].iter().any(|t| {
                            t.kind == Kind::Num || lexicon::all().street_words.contains(&t.norm)
                        });
                    town_span(tokens, k + 1)
                        .filter(|(_, end)| after_street && ends_place(tokens, *end))
                })
                .map(|(name, _)| name),
            _ => None,
        }
    })
}

/// A city of 500,000 people or more ("Bruxelles", "London"): a name that far from a date
/// is still the gathering's town.
pub fn is_city(name: &str) -> bool {
    towns::is_city(&fold(name))
}

/// The town after a street address written without a postcode: "18 rue Vavin Paris 6",
/// "12 calle Mayor, Almería", "221 Baker Street, London". Only a known town, after the
/// street's name and not inside it ("12 rue de Paris, Lyon" is in Lyon).
pub fn from_street(tokens: &[Token<'_>]) -> Option<String> {
    let streets = lexicon::all().street_words;
    let number_first = tokens.iter().enumerate().find_map(|(k, t)| {
        if t.kind != Kind::Num || t.text.len() > 4 {
            return None;
        }
        let s = (k + 1..(k + 5).min(tokens.len()))
            .find(|&j| tokens[j].kind == Kind::Word && streets.contains(&tokens[j].norm))?;
        // "rue Vavin": the street's name follows its word, so the town comes after it.
        let name_after = tokens.get(s + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && (n.is_capitalized() || matches!(n.norm, "de" | "du" | "des" | "del" | "la"))
        });
        let from = if name_after { s + 2 } else { s + 1 };
        (from..(s + 7).min(tokens.len()))
            .take_while(|&j| {
                let x = &tokens[j];
                x.kind != Kind::Break && !x.is_sym(".") && !x.is_sym("(")
            })
            .find_map(|j| {
                let before = &tokens[j - 1];
                if before.kind == Kind::Word
                    && matches!(before.norm, "de" | "du" | "des" | "del" | "of" | "la" | "d")
                {
                    return None;
                }
                let (name, end) = known_town_span(tokens, j)?;
                // "…, Québec (Québec) G1V 0B3": a province in brackets may follow.
                let ends = ends_place(tokens, end) || british_postcode_at(tokens, end);
                ends.then(|| city_after(tokens, &name, end).unwrap_or(name))
            })
    });
    number_first.or_else(|| after_numbered_street(tokens))
}

/// Whether a town's name ends the place at `k`: the text ends, or a number, a line break
/// or a punctuation mark follows it ("…, Lausanne.", "…, Québec (Québec) G1V 0B3").
fn ends_place(tokens: &[Token<'_>], k: usize) -> bool {
    // "…, Adelaide SA 5000", "Brunswick VIC 3056": a state's code and a postcode follow.
    let state_code =
        |x: &Token<'_>| is_code_word(x) && tokens.get(k + 1).is_some_and(|n| n.kind == Kind::Num);
    tokens.get(k).is_none_or(|x| {
        matches!(x.kind, Kind::Num | Kind::Break)
            || x.kind == Kind::Sym && matches!(x.text, "," | ")" | "(" | "." | ";")
            || state_code(x)
    })
}

/// The city after the town ending at `end` and a comma, when a place is written suburb
/// first: "Carlton, Melbourne", "Docklands, Melbourne". Only a large city after a place
/// that is not one: "Portland, Oregon" and "Brisbane, Australia" name a state and a country
/// (which some small town shares).
fn city_after(tokens: &[Token<'_>], town: &str, end: usize) -> Option<String> {
    if !tokens.get(end).is_some_and(|t| t.is_sym(",")) || is_city(town) {
        return None;
    }
    let (name, after) = known_town_span(tokens, end + 1)?;
    (ends_place(tokens, after) && is_city(&name) && !is_state_or_country(&name)).then_some(name)
}

/// The town after a street whose number follows its name: "rue de Genève 77, Lausanne",
/// "calle Mayor 12, Almería", "Via Roma 5, Torino".
fn after_numbered_street(tokens: &[Token<'_>]) -> Option<String> {
    let streets = lexicon::all().street_words;
    tokens.iter().enumerate().find_map(|(s, t)| {
        if t.kind != Kind::Word || !streets.contains(&t.norm) {
            return None;
        }
        // "Av. Corrientes 4820": an abbreviated street word.
        let from = s + 1 + usize::from(tokens.get(s + 1).is_some_and(|x| x.is_sym(".")));
        let number =
            (from..(from + 5).min(tokens.len())).find(|&j| tokens[j].kind != Kind::Word)?;
        let named = number > from
            && tokens[from..number].iter().all(|x| {
                x.is_capitalized() || matches!(x.norm, "de" | "du" | "des" | "del" | "la" | "di")
            });
        let comma = tokens.get(number + 1).is_some_and(|x| x.is_sym(","));
        if !named || tokens[number].kind != Kind::Num || tokens[number].text.len() > 4 || !comma {
            return None;
        }
        let (name, end) = known_town_span(tokens, number + 2)?;
        ends_place(tokens, end).then(|| city_after(tokens, &name, end).unwrap_or(name))
    })
}

/// Whether the date at `first` names a street: "calle 16 de Septiembre", "rue du 8 mai
/// 1945", "calle del Dos de Mayo 8", "avenida 5 de Mayo". Street words that are also
/// common nouns ("cours", "route", "place", "way") are left out: "le cours du 5 mai".
pub fn names_street(tokens: &[Token<'_>], first: usize) -> bool {
    const COMMON: &[&str] = &[
        "cours", "route", "place", "way", "drive", "c", "suite", "court", "square",
    ];
    let streets = lexicon::all().street_words;
    (first.saturating_sub(4)..first)
        .rev()
        .find(|&k| {
            let t = &tokens[k];
            t.kind == Kind::Word && streets.contains(&t.norm) && !COMMON.contains(&t.norm)
        })
        .is_some_and(|s| {
            tokens[s + 1..first].iter().all(|t| {
                t.kind == Kind::Word
                    && (t.is_capitalized() || matches!(t.norm, "de" | "del" | "du" | "des" | "d"))
                    || t.is_sym("'")
                    || t.is_sym("’")
                    // "Av. 18 de Julio": the full stop of an abbreviated street word.
                    || t.is_sym(".") && s + 1 == first - 1
            })
        })
}

/// The town an agenda line starts with, before its date: "Lille — jeudi 19 octobre",
/// "Madrid: 4 de julio", "Toronto | Oct 12". Only a known town, alone before a separator.
pub fn leading_town(tokens: &[Token<'_>], from: usize, date: usize) -> Option<String> {
    // "KerbConf 2019 (Galway, 4–5 April)": a bracket opens the town and its date.
    let from = (from..date)
        .rev()
        .find(|&k| tokens[k].is_sym("("))
        .map_or(from, |k| k + 1);
    let start = (from..date).find(|&k| tokens[k].kind != Kind::Sym)?;
    let (name, end) = known_town_span(tokens, start)?;
    let separated = (end..date).all(|k| tokens[k].kind == Kind::Sym)
        && (end..date).any(|k| matches!(tokens[k].text, "—" | "–" | "-" | ":" | "," | "|" | "/"));
    separated.then_some(name)
}

/// The town a line opens with, set off by a dash, a colon or a bar, whatever comes before
/// its date: "**Buenos Aires** — mapatón at the Centro Cultural, Sat 2 December".
pub fn opening_town(tokens: &[Token<'_>], from: usize, date: usize) -> Option<String> {
    let start = (from..date).find(|&k| tokens[k].kind != Kind::Sym)?;
    let (name, end) = known_town_span(tokens, start)?;
    let set_off = (end..date)
        .take_while(|&k| tokens[k].kind == Kind::Sym)
        .any(|k| matches!(tokens[k].text, "—" | "–" | "-" | ":" | "|"));
    set_off.then_some(name)
}

/// A known town that is all a table cell says ("Madrid", "Québec City").
pub fn cell_town(tokens: &[Token<'_>]) -> Option<String> {
    let start = tokens.iter().position(|t| t.kind != Kind::Sym)?;
    let (name, end) = known_town_span(tokens, start)?;
    tokens[end..]
        .iter()
        .all(|t| t.kind == Kind::Sym)
        .then_some(name)
}

/// A British postcode's first half after a town: "Leeds LS10 1HD", "London SW1A 2AA".
fn british_postcode_at(tokens: &[Token<'_>], k: usize) -> bool {
    let (Some(area), Some(district)) = (tokens.get(k), tokens.get(k + 1)) else {
        return false;
    };
    area.kind == Kind::Word
        && (1..=2).contains(&area.text.len())
        && area.text.chars().all(|c| c.is_ascii_uppercase())
        && district.kind == Kind::Num
        && !district.space_before
}

/// Whether a place as written names an online place: a video or streaming service,
/// "online", "en ligne", a web address.
pub fn names_online(text: &str) -> bool {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    if tokens.iter().any(|t| t.kind == Kind::Url) || text.contains('\u{1F310}') {
        return true;
    }
    let words = sentence::words(&tokens);
    // "Google Meet", not "meet at the Bentway, Toronto".
    let platform = |k: usize| {
        let w = words[k];
        lexicon::PLATFORMS.contains(&w)
            && (w != "meet" || k > 0 && matches!(words[k - 1], "google" | "jitsi"))
    };
    sentence::has_any_phrase(&words, lexicon::all().online_places) || (0..words.len()).any(platform)
}

/// The town in a place as written: "Seattle, WA 98195" → Seattle, "Bordeaux, France" →
/// Bordeaux, "124 rue La Boétie – 75008 Paris" → Paris, "Heidelberg" → Heidelberg. `None`
/// for a venue, a room or a street alone ("University of Washington", "Salle 2"): a venue
/// is not a town, and guessing one from it would mislead.
pub fn town_of_address(text: &str) -> Option<String> {
    let text = without_brackets(text);
    let parts = address_parts(&text);
    if let Some(town) = by_form(&parts) {
        return Some(town);
    }
    // "Venue, street, town": the town comes after the street, when there is one.
    let after_street = parts
        .iter()
        .rposition(|p| is_street(p))
        .map_or(0, |i| i + 1);
    // "Room 204, SPPU, Ganeshkhind, Pune": a town crieur knows before a name it does not.
    let mut names = parts[after_street..]
        .iter()
        .chain(&parts[..after_street])
        .filter_map(|p| town_name(p));
    let first = names.next()?;
    if is_known_town(&first) {
        return Some(first);
    }
    Some(names.find(|n| is_known_town(n)).unwrap_or(first))
}

/// A part of an address that names a street or a number in one: "Calle Guinea Nº 2",
/// "6717 Roosevelt Way NE", "124 rue La Boétie".
fn is_street(part: &str) -> bool {
    let mut folded = String::new();
    let tokens = tokenize(part, &mut folded);
    tokens
        .iter()
        .any(|t| t.kind == Kind::Word && lexicon::all().street_words.contains(&t.norm))
}

/// The town an address's form shows: a postcode with its town, or the part before a
/// state or a country.
pub fn structured_town(text: &str) -> Option<String> {
    by_form(&address_parts(&without_brackets(text)))
}

fn address_parts(text: &str) -> Vec<&str> {
    text.split([',', ';', '|', '\n'])
        .flat_map(|p| p.split(" - ").flat_map(|p| p.split(" – ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// From the end, where addresses put the town.
fn by_form(parts: &[&str]) -> Option<String> {
    for (i, part) in parts.iter().enumerate().rev() {
        if let Some(town) = postcode_town(part) {
            return Some(town);
        }
        // "Ganeshkhind, Pune - 411007": a postcode set apart after its town.
        if i > 0
            && (4..=6).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
            && let Some(town) = town_name(parts[i - 1])
        {
            return Some(town);
        }
        if i > 0
            && is_state_or_country(part)
            && let Some(town) = town_name(parts[i - 1])
        {
            return Some(town);
        }
    }
    None
}

/// The town a venue key's value gives: one its form shows ("Bordeaux, France"), or the
/// value itself when it is a single word ("Heidelberg"). "Lizard Tech" may be a venue.
pub fn town_of_venue(text: &str) -> Option<String> {
    let text = without_brackets(text);
    structured_town(&text).or_else(|| {
        let parts = address_parts(&text);
        let words = |p: &str| {
            tokenize(p, &mut String::new())
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .count()
        };
        match parts.as_slice() {
            // "Heidelberg"
            [one] if words(one) == 1 => town_name(one),
            // "Melbourne, Australia", "Cambridge, Massachusetts": a town and its region.
            [town, region] if town_name(region).is_some() => town_name(town),
            _ => None,
        }
    })
}

/// The first part of a town key's value: "Almería, Almería" → Almería.
pub fn town_of_locality(text: &str) -> Option<String> {
    let text = without_brackets(text);
    text.split([',', ';', '/', '\n'])
        .map(str::trim)
        .find(|p| !p.is_empty())
        .and_then(town_name)
}

fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// "75008 Paris", "04700 El Ejido", "Seattle WA 98121": the town beside a postcode.
fn postcode_town(part: &str) -> Option<String> {
    let mut folded = String::new();
    let tokens = tokenize(part, &mut folded);
    let code = |t: &Token<'_>| t.kind == Kind::Num && (4..=5).contains(&t.text.len());
    let first = tokens.first()?;
    if code(first) && tokens.len() > 1 {
        return town_name(&part[tokens[1].start..]);
    }
    // "Seattle WA 98121": words, a state, a code.
    let n = tokens.len();
    if n >= 3 && code(&tokens[n - 1]) && is_code_word(&tokens[n - 2]) {
        return town_name(&part[..tokens[n - 2].start]);
    }
    // "Pune 411007": a town and a six-digit code after it (India, Singapore, China…).
    if n >= 2 && tokens[n - 1].kind == Kind::Num && tokens[n - 1].text.len() == 6 {
        return town_name(&part[..tokens[n - 1].start]);
    }
    // "Leeds LS10 1HD", "London SW1A 2AA": a town and a British postcode.
    let at = tokens
        .iter()
        .position(|t| t.kind != Kind::Word || t.text.len() <= 2)?;
    if at > 0 && british_postcode_at(&tokens, at) {
        return town_name(&part[..tokens[at].start]);
    }
    None
}

/// A two- or three-letter capital code ("WA", "FR", "USA").
fn is_code_word(t: &Token<'_>) -> bool {
    t.kind == Kind::Word
        && (2..=3).contains(&t.text.len())
        && t.text.chars().all(|c| c.is_ascii_uppercase())
}

/// "WA", "WA 98104 USA", "France", "FR": what follows a town in an address.
fn is_state_or_country(part: &str) -> bool {
    let mut folded = String::new();
    let tokens = tokenize(part, &mut folded);
    !tokens.is_empty()
        && tokens.iter().any(|t| t.kind == Kind::Word)
        && tokens.iter().all(|t| {
            is_code_word(t)
                || t.kind == Kind::Num
                || t.kind == Kind::Word && lexicon::all().not_towns.contains(&t.norm)
        })
}

/// Words that may sit inside a town's name: "Saint-Martin-de-Ré", "Aix-en-Provence",
/// "Villanueva de la Serena", "Stratford upon Avon".
fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "la"
            | "le"
            | "les"
            | "du"
            | "des"
            | "d"
            | "l"
            | "sur"
            | "sous"
            | "en"
            | "del"
            | "los"
            | "las"
            | "y"
            | "upon"
            | "on"
            | "am"
            | "im"
            | "an"
            | "der"
            | "di"
            | "da"
            | "do"
    )
}

/// The part as a town's name, if it looks like one: capitalized words (with the particles
/// of names), no number, no venue or street word, not a country or an acronym. Words
/// around a name that are not part of it go ("Almería capital" → Almería).
fn town_name(part: &str) -> Option<String> {
    // "Dublin 8", "Paris 6": a town and its district's number.
    let part = part.trim().trim_end_matches('.');
    let part = match part.rsplit_once(' ') {
        Some((town, district))
            if (1..=2).contains(&district.len())
                && district.chars().all(|c| c.is_ascii_digit())
                && town.chars().any(char::is_alphabetic) =>
        {
            town
        }
        _ => part,
    };
    // "Québec City", "Ciudad de México", "Ciudad Real": the word is part of the name
    // here, not a qualifier ("la ciudad de Almería").
    let whole = part.trim().trim_end_matches('.');
    let qualified = fold(whole).ends_with(" city") || without_qualifiers(whole).len() < whole.len();
    if qualified && is_known_town(whole) {
        return Some(whole.to_string());
    }
    let part = without_qualifiers(part.trim());
    let mut folded = String::new();
    let tokens = tokenize(part, &mut folded);
    let first = tokens.first()?;
    if first.kind != Kind::Word || !first.is_capitalized() || is_code_word(first) {
        return None;
    }
    let mut words = 0;
    for t in &tokens {
        match t.kind {
            Kind::Word if t.is_capitalized() => {
                let n = t.norm;
                if lexicon::all().venue_words.contains(&n)
                    || lexicon::all().street_words.contains(&n)
                    || lexicon::all()
                        .gathering_nouns
                        .iter()
                        .any(|g| n.starts_with(g))
                    || lexicon::all().not_towns.contains(&n)
                    || lexicon::PLATFORMS.contains(&n)
                    || lexicon::month(n).is_some_and(|(_, strong)| strong)
                    || lexicon::weekday(n).is_some()
                {
                    return None;
                }
                words += 1;
            }
            Kind::Word if is_name_particle(t.norm) => {}
            Kind::Sym if matches!(t.text, "-" | "'" | "’" | ".") => {}
            _ => return None,
        }
    }
    (words <= 4 && part.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .then(|| part.trim().trim_end_matches('.').to_string())
}

/// `part` without a qualifier word at its start or end.
fn without_qualifiers(part: &str) -> &str {
    let part = part.trim_end_matches(['.', ';', '!']).trim();
    let mut folded = String::new();
    let tokens = tokenize(part, &mut folded);
    let is_qualifier =
        |t: &Token<'_>| t.kind == Kind::Word && lexicon::all().town_qualifiers.contains(&t.norm);
    let mut from = 0;
    let mut to = part.len();
    if tokens.len() > 1 {
        if let Some(first) = tokens.first().filter(|t| is_qualifier(t)) {
            from = first.end;
        }
        if let Some(last) = tokens.last().filter(|t| is_qualifier(t)) {
            to = last.start;
        }
    }
    if from >= to {
        return part;
    }
    part[from..to].trim().trim_end_matches('.').trim()
}

/// The town's name with the article the post writes before it elsewhere ("El Ejido",
/// "La Rochelle", "Le Mans"), when an address gave it without ("04700 Ejido").
pub fn with_article<B: std::borrow::Borrow<crate::post::Block>>(
    town: &str,
    blocks: &[B],
) -> Option<String> {
    if town == "online" || town.contains(' ') && town.split(' ').next().is_some_and(is_article_word)
    {
        return None;
    }
    // Each place the town is written, and the article right before it, if any.
    blocks.iter().find_map(|b| {
        let text = &b.borrow().text;
        text.match_indices(town).find_map(|(i, _)| {
            ["El ", "La ", "Le ", "Les ", "Los ", "Las ", "L'", "L’"]
                .iter()
                .find(|article| text[..i].ends_with(*article))
                .map(|article| format!("{article}{town}"))
                .filter(|full| contains_word(text, full))
        })
    })
}

fn is_article_word(w: &str) -> bool {
    matches!(w, "El" | "La" | "Le" | "Les" | "Los" | "Las")
}

/// Whether `text` has `phrase` as whole words, not followed by a capitalized word ("Le
/// Lyon JUG" names a group, not a town).
fn contains_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + phrase.len()..];
        let after = rest.chars().next();
        let next_word = rest.strip_prefix(' ').and_then(|r| r.chars().next());
        before.is_none_or(|c| !c.is_alphanumeric())
            && after.is_none_or(|c| !c.is_alphanumeric())
            && !next_word.is_some_and(char::is_uppercase)
    })
}

/// Whether the words say the gathering is held online.
pub fn is_online(words: &[&str]) -> bool {
    sentence::has_any_phrase(words, lexicon::all().online)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

    fn place(text: &str, lang: Language) -> Option<String> {
        let t = tokenize(text);
        after_preposition(&t, 0, t.len(), 0, lang)
    }

    #[test]
    fn a_month_before_its_year_or_day_is_no_town() {
        let last_town = |text: &str, lang: Language| {
            let t = tokenize(text);
            towns(&t, lang).last().map(|(_, town)| town.clone())
        };
        assert_eq!(
            last_town("It will take place in Toronto in May 2025.", Language::En).as_deref(),
            Some("Toronto")
        );
        assert_eq!(
            last_town("We meet in Leeds in May 12 at noon.", Language::En).as_deref(),
            Some("Leeds")
        );
        assert_eq!(
            last_town("Se celebrará en Bogotá en Mayo 2025.", Language::Es).as_deref(),
            Some("Bogotá")
        );
    }

    #[test]
    fn towns_of_addresses_written_in_other_countries_ways() {
        let postcode = |text: &str| from_postcode(&tokenize(text));
        let street = |text: &str| from_street(&tokenize(text));
        // A four-digit postcode before a known town; not a year before a word.
        assert_eq!(
            postcode("Bâtiment B, Rue de la Loi 42, 1000 Bruxelles").as_deref(),
            Some("Bruxelles")
        );
        assert_eq!(
            postcode("Chemin du Lac 3, 1007 Lausanne").as_deref(),
            Some("Lausanne")
        );
        assert_eq!(postcode("Depuis 2019 Kerbside grandit."), None);
        // The number after the street's name.
        assert_eq!(
            street("au Cube, rue de Genève 77, Lausanne").as_deref(),
            Some("Lausanne")
        );
        assert_eq!(
            street("en la calle Mayor 12, Almería.").as_deref(),
            Some("Almería")
        );
        // An abbreviated street word.
        assert_eq!(
            street(
                "en el Club de Cultura Abierta, Av. Corrientes 4820, Buenos Aires (a media cuadra)"
            )
            .as_deref(),
            Some("Buenos Aires")
        );
        // A suburb, then its city; not a state or a country.
        assert_eq!(
            street("107 Victoria Harbour Promenade, Docklands, Melbourne.").as_deref(),
            Some("Melbourne")
        );
        let last_town = |text: &str, lang: Language| {
            let t = tokenize(text);
            towns(&t, lang).last().map(|(_, town)| town.clone())
        };
        for (text, lang, town) in [
            (
                "The venue is in Carlton, Melbourne.",
                Language::En,
                "Melbourne",
            ),
            (
                "We meet in Portland, Oregon, on May 5.",
                Language::En,
                "Portland",
            ),
            (
                "It takes place in Brisbane, Australia.",
                Language::En,
                "Brisbane",
            ),
            // A known town naming its gathering, or where people came.
            (
                "this month's Manchester meetup on Thursday",
                Language::En,
                "Manchester",
            ),
            (
                "about 140 of you came to Galway for the first KerbConf",
                Language::En,
                "Galway",
            ),
        ] {
            assert_eq!(last_town(text, lang).as_deref(), Some(town), "{text}");
        }
        // "to" alone before a word that is no town.
        assert_eq!(last_town("Welcome to Kerbside!", Language::En), None);
        // A town and its date, in brackets.
        let t = tokenize("The call for KerbConf 2019 (Galway, 4–5 April) is extended.");
        let date = t.iter().position(|x| x.text == "4").expect("the day");
        assert_eq!(leading_town(&t, 0, date).as_deref(), Some("Galway"));
    }

    #[test]
    fn a_known_town_may_follow_an_article() {
        assert_eq!(
            place("El encuentro será en la Ciudad de México.", Language::Es).as_deref(),
            Some("Ciudad de México")
        );
        // A room or a venue after the article is no town.
        assert_eq!(place("Nos vemos en la sala grande.", Language::Es), None);
        assert_eq!(
            place("Rendez-vous à la Maison des associations.", Language::Fr),
            None
        );
    }

    #[test]
    fn a_date_in_a_street_s_name_is_no_day() {
        let at = |text: &str, date: &str| {
            let t = tokenize(text);
            let first = t
                .iter()
                .position(|x| x.text == date)
                .expect("the date's word");
            names_street(&t, first)
        };
        assert!(at(
            "en el Café Comuna (calle del Dos de Mayo 8, Madrid)",
            "Mayo"
        ));
        assert!(at("Salle des fêtes, 3 rue du 8 mai 1945, Lyon", "8"));
        assert!(at("Avenida 5 de Mayo 12, Ciudad de México", "5"));
        assert!(at(
            "Espacio Colabora, Av. 18 de Julio 1234, 11100 Montevideo",
            "18"
        ));
        assert!(!at("Meet at 221 Baker Street on March 5", "March"));
        assert!(!at("Le cours du 5 mai porte sur QGIS", "5"));
        assert!(!at("Au 12 rue Mayor le 8 mai à 18h", "8"));
    }

    #[test]
    fn a_town_gets_the_article_the_post_writes() {
        let block = |text: &str| crate::post::Block {
            kind: crate::post::BlockKind::Paragraph,
            text: text.to_string(),
            links: Vec::new(),
            row: None,
        };
        let blocks = [
            block("En el Teatro Municipal de El Ejido."),
            block("04700 Ejido"),
        ];
        assert_eq!(with_article("Ejido", &blocks).as_deref(), Some("El Ejido"));
        let blocks = [block("Soirée au Le Lyon JUG à Lyon.")];
        assert_eq!(with_article("Lyon", &blocks), None);
    }

    #[test]
    fn reads_the_town_of_an_address() {
        for (text, town) in [
            ("Seattle, WA 98195", Some("Seattle")),
            (
                "Armistice Coffee, 6717 Roosevelt Way NE Suite 101, Seattle, WA",
                Some("Seattle"),
            ),
            (
                "1008 Western Avenue Suite #200 - Seattle, WA 98104 USA",
                Some("Seattle"),
            ),
            ("Bordeaux, France", Some("Bordeaux")),
            ("Toulouse, FR", Some("Toulouse")),
            // A district's number after the town.
            (
                "The Liberties Co-Work, 12 Thomas Street, Dublin 8",
                Some("Dublin"),
            ),
            ("CSV,Conf,v7, Buenos Aires, Argentina", Some("Buenos Aires")),
            ("124 rue La Boétie – 75008 Paris", Some("Paris")),
            ("Calle Real 5, 04700 El Ejido", Some("El Ejido")),
            ("Heidelberg", Some("Heidelberg")),
            (
                "Penn Pavilion, Duke University, Durham, North Carolina",
                Some("Durham"),
            ),
            ("Bloedel Hall Room 292, University of Washington", None),
            ("University of Washington", None),
            ("Salle des fêtes", None),
            ("Belgium", None),
            ("Universidad de Almería", None),
            (
                "Realtrack Systems, Calle Guinea Nº 2, Almería capital.",
                Some("Almería"),
            ),
            ("Downtown Los Angeles, CA", Some("Los Angeles")),
            (
                "Ropewalk Studios, 12 Sheaf Street, Leeds LS10 1HD (second floor)",
                Some("Leeds"),
            ),
            ("10 Downing Street, London SW1A 2AA", Some("London")),
            ("N/A", None),
        ] {
            assert_eq!(town_of_address(text).as_deref(), town, "{text}");
        }
        assert_eq!(
            town_of_locality("Almería, Almería").as_deref(),
            Some("Almería")
        );
    }

    #[test]
    fn knows_online_places() {
        for text in [
            "Zoom Meeting (connection details forthcoming)",
            "Community call (teleconference)",
            "online",
            "En ligne",
            "Servicios de videoconferencia de Jitsi",
            "https://meet.jit.si/hacklab",
            "Youtube de HacklabAlmeria",
            "Conversación con la comunidad (teleconferencia)",
            "on Google Meet",
        ] {
            assert!(names_online(text), "{text}");
        }
        for text in [
            "Seattle, WA 98195",
            "Salle Pleyel",
            "Universidad de Almería",
            "meet at the Bentway, Toronto",
        ] {
            assert!(!names_online(text), "{text}");
        }
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
    fn some_words_give_a_town_only_when_it_is_a_known_one() {
        for (text, lang, town) in [
            (
                "Il aura lieu dans Paris le 24 avril",
                Language::Fr,
                Some("Paris"),
            ),
            (
                "Rejoignez-nous sur Lyon le 24 juin",
                Language::Fr,
                Some("Lyon"),
            ),
            (
                "le mardi 6 juillet au Paris JUG",
                Language::Fr,
                Some("Paris"),
            ),
            (
                "le 10 octobre au Théâtre de Paris.",
                Language::Fr,
                Some("Paris"),
            ),
            (
                "à la bibliothèque de la Méjanes d'Aix-en-Provence le premier camp",
                Language::Fr,
                Some("Aix-en-Provence"),
            ),
            (
                "les 23 et 24 septembre à l'école d'ingénieur ESTIA de Bidart",
                Language::Fr,
                Some("Bidart"),
            ),
            (
                "el sábado en el Teatro Auditorio de Almería",
                Language::Es,
                Some("Almería"),
            ),
            ("disponible sur Android le 5 mai", Language::Fr, None),
            ("un plugin dans Eclipse le 5 mai", Language::Fr, None),
            ("au Lava JUG le 5 mai", Language::Fr, None),
            ("à cette session de David au camp", Language::Fr, None),
            ("au Théâtre de la Ville, le 5 mai", Language::Fr, None),
            // English "of" does not join a venue to its town.
            ("at the University of Washington", Language::En, None),
        ] {
            assert_eq!(place(text, lang).as_deref(), town, "{text}");
        }
    }

    #[test]
    fn a_known_town_s_name_may_hold_a_particle() {
        for (text, lang, town) in [
            ("en Ciudad de México", Language::Es, "Ciudad de México"),
            ("en Alcalá de Henares", Language::Es, "Alcalá de Henares"),
            (
                "in Newcastle upon Tyne",
                Language::En,
                "Newcastle upon Tyne",
            ),
            ("en Madrid de nuevo", Language::Es, "Madrid"),
        ] {
            assert_eq!(place(text, lang).as_deref(), Some(town), "{text}");
        }
    }

    #[test]
    fn reads_the_town_an_agenda_line_starts_with() {
        // The text, where its date starts (a token), the town.
        for (text, date, town) in [
            ("Lille — jeudi 19 octobre", 2, Some("Lille")),
            ("Madrid: 4 de julio", 2, Some("Madrid")),
            ("Toronto | Oct 12", 2, Some("Toronto")),
            ("Québec City – Wednesday, April 16", 3, Some("Québec City")),
            ("Panama City: May 3", 3, Some("Panama City")),
            ("Café Lille — jeudi 19 octobre", 3, None),
            ("Lille jeudi 19 octobre", 1, None),
        ] {
            let t = tokenize(text);
            assert_eq!(leading_town(&t, 0, date).as_deref(), town, "{text}");
        }
    }

    #[test]
    fn reads_the_town_after_a_street_without_postcode() {
        for (text, town) in [
            ("au Café Vavin (18 rue Vavin Paris 6)", Some("Paris")),
            ("au 12 rue de Paris, Lyon.", Some("Lyon")),
            (
                "at The Stag's Head, 1 Dame Court, Dublin 2.",
                Some("Dublin"),
            ),
            (
                "City Hub, 4 Victoria Square, Birmingham",
                Some("Birmingham"),
            ),
            (
                "at Trabant Coffee, 602 19th Ave E, Seattle",
                Some("Seattle"),
            ),
            (
                "Bale Breaker, 826 NW 49th Street, Seattle, WA",
                Some("Seattle"),
            ),
            ("en el bar, 12 calle Mayor, Almería", Some("Almería")),
            ("221 Baker Street, London", Some("London")),
            (
                "at the studio, 12 Sheaf Street, Leeds LS10 1HD",
                Some("Leeds"),
            ),
            // No street, or a town that is the street's own name.
            ("14 participants à Lyon", None),
            ("au 3 place de Lyon", None),
        ] {
            assert_eq!(from_street(&tokenize(text)).as_deref(), town, "{text}");
        }
    }

    #[test]
    fn a_title_names_the_town_of_its_gathering() {
        for (title, lang, town) in [
            ("DevFest Toulouse 2018", Language::Fr, Some("Toulouse")),
            (
                "Prochain Paris JUG : soirée Android",
                Language::Fr,
                Some("Paris"),
            ),
            ("La communauté Nao sur Paris", Language::Fr, Some("Paris")),
            ("Rencontres à Lille", Language::Fr, Some("Lille")),
            ("Notes from PyCon Portland", Language::En, Some("Portland")),
            (
                "FOSS4G Prizren: call for talks",
                Language::En,
                Some("Prizren"),
            ),
            ("Monthly meetup in Seattle", Language::En, Some("Seattle")),
            ("Taller de Python en Granada", Language::Es, Some("Granada")),
            (
                "Meetup Sevilla: próxima sesión",
                Language::Es,
                Some("Sevilla"),
            ),
            // A title that opens with its town.
            (
                "Chicago: First Saturday Fix-it Clinics are back",
                Language::En,
                Some("Chicago"),
            ),
            (
                "Bruxelles : atelier vélo & cartes de la rentrée",
                Language::Fr,
                Some("Bruxelles"),
            ),
            // People, whose names are also towns', and towns that name no gathering.
            ("Soirée Chloé Condon", Language::Fr, None),
            ("Portrait de Sofia Celi", Language::Fr, None),
            ("Talk by Florence Smith at the meetup", Language::En, None),
            ("Reading group, March 3", Language::En, None),
            ("OSGeo Summit 2025", Language::En, None),
            ("Spring 2024 release", Language::En, None),
            ("Paris Web 2015", Language::Fr, None),
        ] {
            assert_eq!(in_title(title, lang).as_deref(), town, "{title}");
        }
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
