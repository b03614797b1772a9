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
    /// Lowercase without accents, for words; the text otherwise.
    pub norm: Cow<'a, str>,
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
            tokens.push(token(text, Kind::Break, i, i + 1, space_before));
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
                if b.is_ascii_alphabetic() {
                    i += 1;
                } else if b >= 0x80 {
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
        tokens.push(token(text, kind, start, i, space_before));
        space_before = false;
    }
    tokens
}

fn token(text: &str, kind: Kind, start: usize, end: usize, space_before: bool) -> Token<'_> {
    let slice = &text[start..end];
    let norm = if kind == Kind::Word {
        fold(slice)
    } else {
        Cow::Borrowed(slice)
    };
    Token {
        kind,
        text: slice,
        norm,
        start,
        end,
        space_before,
    }
}

/// Lowercase without diacritics ("Février" → "fevrier"); borrows when nothing changes.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    if word.is_ascii() {
        return Cow::Owned(word.to_ascii_lowercase());
    }
    Cow::Owned(
        word.chars()
            .flat_map(char::to_lowercase)
            .map(strip_accent)
            .collect(),
    )
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

/// The end of a web or mail address starting at `i`, if one does.
fn address_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let starts_url = ["http://", "https://", "www.", "ftp://", "mailto:"]
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
        let t = tokenize("Février");
        assert_eq!(t[0].norm, "fevrier");
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
