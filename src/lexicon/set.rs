//! Word tables as sets, for rules that look up every word of every post: a table of a
//! hundred words is a hundred string comparisons per word when scanned, one hash here, and
//! most words are turned away by their length or first letter before that.

use super::WordHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// What the words of a table look like: their lengths and first two bytes. Most words of
/// a post fail one of these, and are turned away before any hashing.
pub struct Screen {
    shortest: usize,
    longest: usize,
    /// For each first byte, the set of second bytes (bit 0: the word ends there).
    pairs: Box<[[u64; 4]; 256]>,
}

impl Screen {
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Screen {
        let mut screen = Screen {
            shortest: usize::MAX,
            longest: 0,
            pairs: Box::new([[0; 4]; 256]),
        };
        for w in words {
            let Some(&first) = w.as_bytes().first() else {
                continue;
            };
            screen.shortest = screen.shortest.min(w.len());
            screen.longest = screen.longest.max(w.len());
            let second = w.as_bytes().get(1).copied().unwrap_or(0);
            screen.pairs[usize::from(first)][usize::from(second / 64)] |= 1 << (second % 64);
        }
        screen
    }

    /// Whether the table has a word starting with `first` followed by `second` (0: none).
    #[inline]
    fn has_pair(&self, first: u8, second: u8) -> bool {
        self.pairs[usize::from(first)][usize::from(second / 64)] & (1 << (second % 64)) != 0
    }

    /// Whether the word may start with one of the table's words.
    #[inline]
    fn may_start(&self, word: &str) -> bool {
        match word.as_bytes() {
            [] => false,
            [first] => self.has_pair(*first, 0),
            [first, second, ..] => self.has_pair(*first, *second) || self.has_pair(*first, 0),
        }
    }

    /// Whether the word may be one of the table's.
    #[inline]
    pub fn admits(&self, word: &str) -> bool {
        let b = word.as_bytes();
        (self.shortest..=self.longest).contains(&b.len())
            && self.has_pair(b[0], b.get(1).copied().unwrap_or(0))
    }
}

/// Folded words (or word beginnings) of one or more tables.
pub struct WordSet {
    words: HashSet<&'static str, BuildHasherDefault<WordHasher>>,
    screen: Screen,
}

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let words: HashSet<_, _> = words.into_iter().filter(|w| !w.is_empty()).collect();
        WordSet {
            screen: Screen::of(words.iter().copied()),
            words,
        }
    }

    /// Whether the word is one of the set's.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.screen.admits(word) && self.words.contains(word)
    }

    /// Whether the word starts with one of the set's (the set holds stems).
    #[inline]
    pub fn has_prefix_of(&self, word: &str) -> bool {
        let s = &self.screen;
        s.may_start(word)
            && (s.shortest..=s.longest.min(word.len()))
                .any(|n| word.is_char_boundary(n) && self.words.contains(&word[..n]))
    }
}

/// A `WordSet` built on first use and kept for the program's life, of whole tables
/// (`word_set!(lexicon::all().venue_words, lexicon::all().street_words)`) or of any words
/// (`word_set!(words = phrases.iter().filter_map(|p| p.first().copied()))`).
#[macro_export]
macro_rules! word_set {
    (words = $words:expr) => {{
        static SET: std::sync::OnceLock<$crate::lexicon::set::WordSet> =
            std::sync::OnceLock::new();
        SET.get_or_init(|| $crate::lexicon::set::WordSet::new($words))
    }};
    ($($table:expr),+ $(,)?) => {
        $crate::word_set!(words = [$($table),+].into_iter().flatten().copied())
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_stems_of_every_table() {
        let set = WordSet::new(["salle", "rue", "hall", "street"]);
        assert!(set.contains("rue") && set.contains("street"));
        assert!(!set.contains("ru") && !set.contains("streets") && !set.contains(""));
        let stems = WordSet::new(["annul", "cancel", "aplaz"]);
        assert!(stems.has_prefix_of("annulee") && stems.has_prefix_of("cancelled"));
        assert!(stems.has_prefix_of("aplazado") && stems.has_prefix_of("annul"));
        assert!(!stems.has_prefix_of("ann") && !stems.has_prefix_of("ecancel"));
        assert!(!stems.has_prefix_of("é") && !WordSet::new([]).has_prefix_of("a"));
    }
}
