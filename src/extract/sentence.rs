//! Sentences inside a block's tokens, and the folded words of a span, so that rules can
//! ask "does this sentence say *se tiendra*?" without caring about case, accents or
//! punctuation.

use super::token::{Kind, Token};
use crate::lexicon::set::{Screen, WordSet};
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

/// The most tokens a sentence holds: a longer run without a stop (a list pasted as one
/// line, a hostile post) is cut into pieces this long, so that what rules read around a
/// date stays bounded and extraction stays linear in the size of a post.
pub const MAX_TOKENS: usize = 120;

/// Token ranges `[start, end)` of the sentences of a block.
pub fn bounds(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if i - start == MAX_TOKENS {
            out.push((start, i));
            start = i;
        }
        let ends = match t.kind {
            Kind::Break => true,
            Kind::Sym => match t.text {
                ";" => true,
                // Not inside a name ("useR! 2026", "Yahoo! Japan"): a sentence goes on
                // after it when a number or a lowercase word follows.
                "!" | "?" => tokens.get(i + 1).is_none_or(|n| {
                    n.kind == Kind::Break
                        || n.kind == Kind::Sym
                        || n.kind == Kind::Word
                            && n.text.chars().next().is_some_and(char::is_uppercase)
                }),
                "." => {
                    // Not "p.m." or "av." or a decimal: a sentence ends before a capital or the end.
                    // "Av. Corrientes", "Dr. Smith": an abbreviation goes on.
                    let prev_short = i > 0
                        && tokens[i - 1].kind == Kind::Word
                        && (tokens[i - 1].text.chars().count() <= 1
                            || crate::lexicon::all()
                                .written_short
                                .contains(&tokens[i - 1].norm));
                    let next = tokens.get(i + 1);
                    // "geOcom 2015 will…" starts a sentence too: any capital letter in the word counts.
                    let starts = |n: &Token<'_>| {
                        n.kind != Kind::Word || n.text.chars().any(char::is_uppercase)
                    };
                    // "Oct. 24", "Sat. Oct 26": an abbreviated month or weekday goes on.
                    let abbreviated = i > 0
                        && tokens[i - 1].kind == Kind::Word
                        && tokens[i - 1].text.chars().count() <= 5
                        && (crate::lexicon::month(tokens[i - 1].norm).is_some()
                            || crate::lexicon::weekday(tokens[i - 1].norm).is_some())
                        && next.is_some_and(|n| {
                            n.kind == Kind::Num
                                || n.kind == Kind::Word && crate::lexicon::month(n.norm).is_some()
                        });
                    !prev_short && !abbreviated && next.is_none_or(|n| n.space_before && starts(n))
                }
                _ => false,
            },
            _ => false,
        };
        if ends {
            if i + 1 > start {
                out.push((start, i + 1));
            }
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// The folded words of a span (apostrophes split: "s'est" → "s", "est").
#[inline]
pub fn words<'a>(tokens: &'a [Token<'a>]) -> Vec<&'a str> {
    tokens
        .iter()
        .filter(|t| t.kind == Kind::Word || t.kind == Kind::Num)
        .map(|t| t.norm)
        .collect()
}

/// Whether `words` contains `phrase` as consecutive words.
#[inline]
pub fn has_phrase(words: &[&str], phrase: &[&str]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

/// Whether `words` contains one of the phrases. The lexicon's tables are long (a hundred
/// gathering verbs) and asked for every date: each is indexed once by its first word.
pub fn has_any_phrase(words: &[&str], phrases: &'static [&'static [&'static str]]) -> bool {
    phrase_position(words, phrases).is_some()
}

/// Where the first of `phrases` found in `words` starts.
pub fn phrase_position(
    words: &[&str],
    phrases: &'static [&'static [&'static str]],
) -> Option<usize> {
    let index = phrase_index(phrases);
    words.iter().enumerate().position(|(i, w)| {
        index.first.admits(w)
            && index
                .by_first
                .get(w)
                .is_some_and(|candidates| candidates.iter().any(|p| words[i..].starts_with(p)))
    })
}

/// A table of phrases by first word, with what first words look like.
struct PhraseIndex {
    by_first: crate::lexicon::WordMap<Vec<&'static [&'static str]>>,
    first: Screen,
}

/// Indexes by the address and length of their table.
type Indexes = RwLock<HashMap<(usize, usize), &'static PhraseIndex>>;

/// The index of a table of phrases, built on first use and kept for the program's life.
/// Tables are `'static` (constants, or the merged lexicon kept for the program's life):
/// their address names them, and there are as many indexes as tables.
fn phrase_index(phrases: &'static [&'static [&'static str]]) -> &'static PhraseIndex {
    static INDEXES: OnceLock<Indexes> = OnceLock::new();
    let key = (phrases.as_ptr() as usize, phrases.len());
    let indexes = INDEXES.get_or_init(RwLock::default);
    if let Some(index) = indexes
        .read()
        .expect("never poisoned: no panic while held")
        .get(&key)
    {
        return index;
    }
    let mut by_first = crate::lexicon::WordMap::<Vec<_>>::default();
    for p in phrases.iter().filter(|p| !p.is_empty()) {
        by_first.entry(p[0]).or_default().push(*p);
    }
    let first = Screen::of(by_first.keys().copied());
    let mut indexes = indexes
        .write()
        .expect("never poisoned: no panic while held");
    indexes
        .entry(key)
        .or_insert_with(|| Box::leak(Box::new(PhraseIndex { by_first, first })))
}

/// Whether a word names a gathering (see `lexicon::is_gathering_noun`).
pub fn has_gathering_noun(words: &[&str]) -> bool {
    words.iter().any(|w| crate::lexicon::is_gathering_noun(w))
}

/// Whether the words name a gathering or say one happens: a gathering noun ("workshop") or
/// one of the lexicon's gathering phrases ("se tiendra", "community call").
pub fn speaks_of_gathering(words: &[&str]) -> bool {
    has_gathering_noun(words) || has_any_phrase(words, crate::lexicon::all().gathering_verbs)
}

/// Whether one of the words is in the set.
#[inline]
pub fn has_word_in(words: &[&str], set: &WordSet) -> bool {
    words.iter().any(|w| set.contains(w))
}

/// Whether a word starts with one of the set's stems.
#[inline]
pub fn has_stem_in(words: &[&str], set: &WordSet) -> bool {
    words.iter().any(|w| set.has_prefix_of(w))
}

/// Whether a word starts with one of the stems.
#[inline]
pub fn has_stem(words: &[&str], stems: &[&str]) -> bool {
    words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let t = tokenize("It starts at 2 p.m. on Monday. Then lunch! Ok");
        let b = bounds(&t);
        assert_eq!(b.len(), 3);
        assert_eq!(t[b[0].1 - 1].text, ".");
        // An abbreviated month or weekday before its day or month goes on.
        for text in [
            "We meet on Oct. 24–25, 2024 in Toronto.",
            "We meet on Sat. Oct. 26 in Toronto.",
            "On se retrouve le samedi 26 oct. 2024 à Lyon.",
            "Nos vemos el 26 de dic. 2024 en Madrid.",
        ] {
            assert_eq!(bounds(&tokenize(text)).len(), 1, "{text}");
        }
    }

    #[test]
    fn cuts_runs_without_a_stop() {
        let text = "le 3 mars 2026 ".repeat(100);
        let t = tokenize(&text);
        let b = bounds(&t);
        assert!(b.iter().all(|(s, e)| e - s <= MAX_TOKENS));
        assert_eq!(b.first().map(|s| s.0), Some(0));
        assert_eq!(b.last().map(|s| s.1), Some(t.len()));
        assert!(b.windows(2).all(|w| w[0].1 == w[1].0));
    }

    #[test]
    fn finds_phrases_in_folded_words() {
        let t = tokenize("Le geOcom s'est tenu à Rennes");
        let w = words(&t);
        assert!(has_phrase(&w, &["s", "est", "tenu"]));
        assert!(has_stem(&w, &["renn"]));
    }
}
