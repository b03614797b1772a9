//! The tokenizer under every extraction rule: splits a block's text into words, numbers
//! and symbols, with byte offsets and whether a space precedes each token. Words carry a
//! folded form (lowercase, accents removed) so rules match "Février" and "fevrier" alike.
//! Web and mail addresses become single `Url` tokens, so the digits inside them are never
//! read as dates.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Sym,
    Url,
    /// A hard line break inside a block (address lines, `<br>`).
    Break,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Lowercase without accents, for words; the text for numbers and symbols; empty for
    /// addresses (read their `text`). Borrowed from the text itself, or, for a word with
    /// capitals or accents, from the buffer `tokenize` folds it into.
    pub norm: &'a str,
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
}

impl Token<'_> {
    #[inline]
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.norm == w
    }

    #[inline]
    pub fn is_sym(&self, s: &str) -> bool {
        self.kind == Kind::Sym && self.text == s
    }

    /// The value of a number token (at most 4 digits), else `None`.
    #[inline]
    pub fn num(&self) -> Option<u32> {
        (self.kind == Kind::Num && self.text.len() <= 4)
            .then(|| self.text.parse().ok())
            .flatten()
    }

    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits `text` into tokens. The folded forms of words that are not already lowercase
/// ASCII are written into `folds`, which their `norm` borrow:
/// `let mut folds = String::new(); let tokens = tokenize(text, &mut folds);`.
pub fn tokenize<'a>(text: &'a str, folds: &'a mut String) -> Vec<Token<'a>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Words whose folded form is in `folds`: their index and where it starts there.
    let mut folded_words: Vec<(usize, usize)> = Vec::new();
    folds.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    // The next "@" at or after `i`: a mail address holds one, and most blocks have none.
    let mut next_at = text.find('@');
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII first: most of any post is ASCII, and it needs no decoding.
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().expect("i is on a char boundary");
            (c, c.len_utf8())
        };
        if c == '\n' {
            tokens.push(Token {
                kind: Kind::Break,
                text: &text[i..i + 1],
                norm: &text[i..i + 1],
                start: i,
                end: i + 1,
                space_before,
            });
            i += 1;
            space_before = true;
            continue;
        }
        if c.is_whitespace() {
            i += len;
            space_before = true;
            continue;
        }
        let start = i;
        // Whether a word is already lowercase ASCII, as most are: its folded form is itself.
        let mut plain = b.is_ascii_lowercase();
        // Addresses start a whitespace-separated chunk; checking only there keeps this linear.
        let address = if space_before {
            if next_at.is_some_and(|at| at < i) {
                next_at = text[i..].find('@').map(|at| i + at);
            }
            let mail = next_at.is_some_and(|at| !bytes[i..at].iter().any(u8::is_ascii_whitespace));
            address_end(text, i, mail)
        } else {
            None
        };
        let kind = if let Some(end) = address {
            i = end;
            Kind::Url
        } else if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else if is_letter(c) {
            i += len;
            loop {
                // A run of ASCII letters at once, then one other letter, if any.
                let run = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(bytes.len() - i);
                plain = plain && !bytes[i..i + run].iter().any(u8::is_ascii_uppercase);
                i += run;
                if bytes.get(i).is_none_or(|b| *b < 0x80) {
                    break;
                }
                let ch = text[i..].chars().next().expect("i is on a char boundary");
                if !is_letter(ch) {
                    break;
                }
                plain = false;
                i += ch.len_utf8();
            }
            Kind::Word
        } else {
            i += len;
            Kind::Sym
        };
        let slice = &text[start..i];
        let norm = match kind {
            Kind::Word if !plain => {
                folded_words.push((tokens.len(), folds.len()));
                fold_into(slice, folds);
                ""
            }
            Kind::Url => "",
            _ => slice,
        };
        tokens.push(Token {
            kind,
            text: slice,
            norm,
            start,
            end: i,
            space_before,
        });
        space_before = false;
    }
    // The folded forms are all written: words can borrow them now.
    let folds: &'a String = folds;
    for (n, &(k, from)) in folded_words.iter().enumerate() {
        let to = folded_words
            .get(n + 1)
            .map_or(folds.len(), |&(_, next)| next);
        tokens[k].norm = &folds[from..to];
    }
    tokens
}

/// Tokens as written, spaced as they were.
pub fn as_written(tokens: &[Token<'_>]) -> String {
    tokens
        .iter()
        .enumerate()
        .fold(String::new(), |mut acc, (i, t)| {
            if i > 0 && t.space_before {
                acc.push(' ');
            }
            acc.push_str(t.text);
            acc
        })
}

/// Whether a character is a letter; the Latin-1 letters of French and Spanish without a
/// look-up in Unicode's tables.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '×' | '÷' => false,
        'À'..='ÿ' => true,
        _ => c.is_alphabetic(),
    }
}

/// Writes the folded form of `word` at the end of `out`.
fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        fold_char(c, |f| out.push(f));
    }
}

/// Lowercase without diacritics ("Février" → "fevrier"); borrows when nothing changes.
/// Letter by letter, so a word's folded form is the fold of its letters.
pub fn fold(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|b| b.is_ascii_uppercase() || *b >= 0x80) {
        return Cow::Borrowed(text);
    }
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    Cow::Owned(folded)
}

/// The folded form of one character, written out through `push`.
#[inline]
fn fold_char(c: char, mut push: impl FnMut(char)) {
    match LATIN1.get(c as usize) {
        Some(&f) => push(f),
        None => c.to_lowercase().map(strip_accent).for_each(push),
    }
}

/// The folded form of each Latin-1 character, the letters of French and Spanish.
const LATIN1: [char; 256] = {
    let mut table = ['\0'; 256];
    let mut i = 0;
    while i < 256 {
        let c = char::from_u32(i as u32).expect("Latin-1 is Unicode");
        // Latin-1 capitals are their small letter less 32 ("É" → "é"); "×" is not a letter.
        let small = match c {
            'A'..='Z' | 'À'..='Þ' if c != '×' => {
                char::from_u32(i as u32 + 32).expect("a letter")
            }
            _ => c,
        };
        table[i] = strip_accent(small);
        i += 1;
    }
    table
};

const fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

/// For tests: tokens of a text kept for the whole run.
#[cfg(test)]
pub mod testing {
    use super::Token;

    /// `tokenize` of a copy of `text` that lives as long as the program.
    pub fn tokenize(text: &str) -> Vec<Token<'static>> {
        let text: &'static str = Box::leak(text.into());
        super::tokenize(text, Box::leak(Box::default()))
    }
}

/// The end of a web or mail address starting at `i`, if one does; `mail` when the chunk
/// holds an "@".
fn address_end(text: &str, i: usize, mail: bool) -> Option<usize> {
    let rest = &text[i..];
    // An address starts with one of these letters or holds an "@": most chunks are words,
    // turned away by their first letter.
    let starts_url = matches!(
        rest.as_bytes()[0].to_ascii_lowercase(),
        b'h' | b'w' | b'f' | b'm'
    ) && ["http://", "https://", "www.", "ftp://", "mailto:"]
        .iter()
        .any(|p| {
            rest.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        });
    if !starts_url && !mail {
        return None;
    }
    let word_end = rest
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')' | '[' | ']' | ',' | ';')
        })
        .unwrap_or(rest.len());
    let word = rest[..word_end].trim_end_matches(['.', ':', '!', '?', '\'']);
    let is_mail = word
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.ends_with('.'));
    if !(starts_url || is_mail) {
        return None;
    }
    Some(i + word.len())
}

#[cfg(test)]
mod tests {
    use super::testing::tokenize;
    use super::*;

    #[test]
    fn the_quick_letter_test_agrees_with_unicode() {
        for c in (0..0x800).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.text))
            .collect()
    }

    #[test]
    fn splits_numbers_from_letters() {
        assert_eq!(
            kinds("14h30 10th"),
            vec![
                (Kind::Num, "14"),
                (Kind::Word, "h"),
                (Kind::Num, "30"),
                (Kind::Num, "10"),
                (Kind::Word, "th")
            ]
        );
    }

    #[test]
    fn folds_accents_and_case() {
        let t = tokenize("Février ÉTÉ Año MAÑANA Œuvre Straße İstanbul");
        let norms: Vec<&str> = t.iter().map(|t| t.norm).collect();
        assert_eq!(
            norms,
            [
                "fevrier",
                "ete",
                "ano",
                "manana",
                "ouvre",
                "straße",
                "i\u{307}stanbul"
            ]
        );
        assert_eq!(fold("Inscripción"), "inscripcion");
        assert!(matches!(fold("mardi"), Cow::Borrowed("mardi")));
    }

    #[test]
    fn words_borrow_their_folded_form_from_the_block() {
        // Letters whose folded form is longer or shorter, before and after an address
        // and a no-break space with non-ASCII in it.
        let text = "İSTANBUL\u{a0}Ωmega https://exämple.org/Été ÉTÉ — Año x@ÿ.es Œuvre ﬁn";
        for t in tokenize(text).iter().filter(|t| t.kind == Kind::Word) {
            assert_eq!(t.norm, fold(t.text), "{}", t.text);
        }
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.norm).collect();
        assert_eq!(words[..2], ["i\u{307}stanbul", "ωmega"]);
        assert_eq!(words[3..], ["ete", "—", "ano", "", "ouvre", "ﬁn"]);
    }

    #[test]
    fn keeps_addresses_whole() {
        let t = tokenize("see https://x.org/2023/02/20/a.html, or psc@georchestra.org.");
        assert_eq!(t[1].kind, Kind::Url);
        assert_eq!(t[1].text, "https://x.org/2023/02/20/a.html");
        assert_eq!(t[4].text, "psc@georchestra.org");
    }

    #[test]
    fn records_spacing() {
        let t = tokenize("22/06 - 24");
        assert!(!t[1].space_before && t[3].space_before);
    }
}
