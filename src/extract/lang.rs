//! The language of a post: what its front matter or file name says, else the language whose
//! common words it uses most. Also decides how numeric dates read (`01/05`).

use super::token::{Kind, Token};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
    Es,
    Other,
}

impl Language {
    /// `fr`, `fr-FR`, `fr_CA`, `French`… → `Fr`.
    pub fn from_code(code: &str) -> Language {
        let code = code.trim().to_ascii_lowercase();
        let head = code.split(['-', '_']).next().unwrap_or("");
        match head {
            "fr" | "french" | "francais" | "français" => Language::Fr,
            "en" | "english" => Language::En,
            "es" | "spanish" | "espanol" | "español" => Language::Es,
            _ => Language::Other,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Es => "es",
            Language::Other => "und",
        }
    }
}

const FR: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "avec", "sur", "au", "aux",
    "qui", "nous", "vous", "sera", "ce", "cette",
];
const EN: &[&str] = &[
    "the", "and", "of", "to", "is", "for", "with", "on", "that", "this", "are", "will", "be",
    "you", "we", "it", "from", "at", "an", "by",
];
const ES: &[&str] = &[
    "el", "los", "las", "del", "y", "es", "una", "para", "con", "por", "que", "se", "al", "como",
    "su", "lo", "este", "esta", "sera", "muy",
];

/// Guesses the language from common words; `Other` when none stands out.
pub fn detect<'t, 'a: 't>(tokens: impl IntoIterator<Item = &'t Token<'a>>) -> Language {
    let mut counts = [0usize; 3];
    for t in tokens.into_iter().filter(|t| t.kind == Kind::Word) {
        let w = &*t.norm;
        for (i, list) in [FR, EN, ES].iter().enumerate() {
            if list.contains(&w) {
                counts[i] += 1;
            }
        }
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .expect("three counts");
    if n < 3 {
        return Language::Other;
    }
    [Language::Fr, Language::En, Language::Es][best]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn detects_the_three_languages() {
        assert_eq!(
            detect(&tokenize(
                "La prochaine rencontre de la communauté se tiendra dans le sud, et nous serons là."
            )),
            Language::Fr
        );
        assert_eq!(
            detect(&tokenize(
                "The next meeting of the community will be held in the south, and we will be there."
            )),
            Language::En
        );
        assert_eq!(
            detect(&tokenize(
                "La próxima reunión de la comunidad se celebrará en el sur y los esperamos con su equipo."
            )),
            Language::Es
        );
        assert_eq!(detect(&tokenize("geOcom 2026")), Language::Other);
    }

    #[test]
    fn reads_language_codes() {
        assert_eq!(Language::from_code("fr-FR"), Language::Fr);
        assert_eq!(Language::from_code("en_GB"), Language::En);
        assert_eq!(Language::from_code("de"), Language::Other);
    }
}
