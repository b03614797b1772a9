//! Word tables as sets, for rules that look up every word of every post: a table of a
//! hundred words is a hundred string comparisons per word when scanned, one hash here, and
//! most words are turned away by their length or first letter before that.

use super::{Fnv, Words};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// Folded words (or word beginnings) of one or more tables.
pub struct WordSet {
    words: HashSet<&'static str, BuildHasherDefault<Fnv>>,
    shortest: usize,
    longest: usize,
    initials: [bool; 256],
}

impl WordSet {
    pub fn new(tables: &[Words]) -> WordSet {
        let words: HashSet<_, _> = tables
            .iter()
            .flat_map(|t| t.iter().copied())
            .filter(|w| !w.is_empty())
            .collect();
        let mut initials = [false; 256];
        for w in &words {
            initials[usize::from(w.as_bytes()[0])] = true;
        }
        WordSet {
            shortest: words.iter().map(|w| w.len()).min().unwrap_or(usize::MAX),
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
            words,
            initials,
        }
    }

    /// Whether the word is one of the set's.
    pub fn contains(&self, word: &str) -> bool {
        self.may_start(word)
            && (self.shortest..=self.longest).contains(&word.len())
            && self.words.contains(word)
    }

    /// Whether the word starts with one of the set's (the set holds stems).
    pub fn has_prefix_of(&self, word: &str) -> bool {
        self.may_start(word)
            && (self.shortest..=self.longest.min(word.len()))
                .any(|n| word.is_char_boundary(n) && self.words.contains(&word[..n]))
    }

    fn may_start(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|b| self.initials[usize::from(*b)])
    }
}

/// A `WordSet` of the given tables, built on first use and kept for the program's life:
/// `word_set!(lexicon::all().venue_words, lexicon::all().street_words)`.
#[macro_export]
macro_rules! word_set {
    ($($table:expr),+ $(,)?) => {{
        static SET: std::sync::OnceLock<$crate::lexicon::set::WordSet> =
            std::sync::OnceLock::new();
        SET.get_or_init(|| $crate::lexicon::set::WordSet::new(&[$($table),+]))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_stems_of_every_table() {
        let set = WordSet::new(&[&["salle", "rue"], &["hall", "street"]]);
        assert!(set.contains("rue") && set.contains("street"));
        assert!(!set.contains("ru") && !set.contains("streets") && !set.contains(""));
        let stems = WordSet::new(&[&["annul", "cancel"], &["aplaz"]]);
        assert!(stems.has_prefix_of("annulee") && stems.has_prefix_of("cancelled"));
        assert!(stems.has_prefix_of("aplazado") && stems.has_prefix_of("annul"));
        assert!(!stems.has_prefix_of("ann") && !stems.has_prefix_of("ecancel"));
        assert!(!stems.has_prefix_of("é") && !WordSet::new(&[]).has_prefix_of("a"));
    }
}
