//! The tokenizer under every extraction rule: splits a block's text into words, numbers
//! and symbols, with byte offsets and whether a space precedes each token. Words carry a
//! folded form (lowercase, accents removed) so rules match "Février" and "fevrier" alike.
//! Web and mail addresses become single `Url` tokens, so the digits inside them are never
//! read as dates.

use compact_str::CompactString;
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
    /// addresses (read their `text`). Kept inline (up to 24 bytes): a post's words are
    /// short, and tokenizing allocates for almost none.
    pub norm: CompactString,
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.norm == w
    }

    pub fn is_sym(&self, s: &str) -> bool {
        self.kind == Kind::Sym && self.text == s
    }

    /// The value of a number token (at most 4 digits), else `None`.
    pub fn num(&self) -> Option<u32> {
        (self.kind == Kind::Num && self.text.len() <= 4)
            .then(|| self.text.parse().ok())
            .flatten()
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    // Where words with capitals or accents are folded.
    let mut scratch = String::new();
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
                norm: CompactString::const_new("\n"),
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
        let mut folded = b.is_ascii_lowercase();
        // Addresses start a whitespace-separated chunk; checking only there keeps this linear.
        let address = if space_before {
            address_end(text, i)
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
        } else if c.is_alphabetic() {
            i += len;
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_lowercase() {
                    i += 1;
                } else if b.is_ascii_uppercase() {
                    i += 1;
                    folded = false;
                } else if b >= 0x80 {
                    folded = false;
                    let ch = text[i..].chars().next().expect("i is on a char boundary");
                    if !ch.is_alphabetic() {
                        break;
                    }
                    i += ch.len_utf8();
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            i += len;
            Kind::Sym
        };
        let slice = &text[start..i];
        let norm = match kind {
            Kind::Word if folded => CompactString::new(slice),
            Kind::Word => fold_compact(slice, &mut scratch),
            Kind::Url => CompactString::default(),
            _ => CompactString::new(slice),
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
    tokens
}

/// Lowercase without diacritics ("Février" → "fevrier"); borrows when nothing changes.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(fold_compact(word, &mut String::new()).into_string())
}

fn strip_accent(c: char) -> char {
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

/// `fold` into an inline string, what tokens keep, written first into `scratch`.
fn fold_compact(word: &str, scratch: &mut String) -> CompactString {
    if word.is_ascii() {
        let mut folded = CompactString::new(word);
        folded.make_ascii_lowercase();
        return folded;
    }
    scratch.clear();
    let folded = scratch;
    for c in word.chars() {
        match c {
            // Latin-1 capitals are their small letter less 32 ("É" → "é").
            'A'..='Z' | 'À'..='Þ' if c != '×' => {
                folded.push(strip_accent(char::from_u32(c as u32 + 32).unwrap_or(c)));
            }
            '\0'..='ÿ' => folded.push(strip_accent(c)),
            _ => folded.extend(c.to_lowercase().map(strip_accent)),
        }
    }
    CompactString::new(folded)
}

/// The end of a web or mail address starting at `i`, if one does.
fn address_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    // An address starts with one of these letters or holds an "@": most chunks are words,
    // turned away by their first letter and one look at their bytes.
    let starts_url = matches!(
        rest.as_bytes()[0].to_ascii_lowercase(),
        b'h' | b'w' | b'f' | b'm'
    ) && ["http://", "https://", "www.", "ftp://", "mailto:"]
        .iter()
        .any(|p| {
            rest.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        });
    if !starts_url
        && !rest
            .bytes()
            .take_while(|b| !b.is_ascii_whitespace())
            .any(|b| b == b'@')
    {
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
    use super::*;

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
        let norms: Vec<&str> = t.iter().map(|t| &*t.norm).collect();
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
