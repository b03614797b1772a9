//! The language of a post: what its front matter or file name says, else the language whose
//! common words it uses most. Also decides how numeric dates read (`01/05`).

use super::token::{Kind, Token};
use crate::lexicon;

pub use crate::lexicon::Language;

/// Guesses the language from common words; `Other` when none stands out.
pub fn detect<'t, 'a: 't>(tokens: impl IntoIterator<Item = &'t Token<'a>>) -> Language {
    let mut counts = [0usize; lexicon::SPOKEN.len()];
    for t in tokens.into_iter().filter(|t| t.kind == Kind::Word) {
        let w = t.norm;
        for (i, (_, l)) in lexicon::SPOKEN.iter().enumerate() {
            if l.common.contains(&w) {
                counts[i] += 1;
            }
        }
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .expect("a count per language");
    if n < 3 {
        return Language::Other;
    }
    lexicon::SPOKEN[best].0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

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
}
