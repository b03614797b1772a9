//! What a post says attending costs: an amount ("Tickets are £5", "Participation : 5 € par
//! atelier") or that it is free ("Admission is free of charge", "entrée libre", "la entrada
//! es gratuita"). The sentence that says it is kept as written, for the reply to quote.

use super::sentence;
use super::token::{Kind, Token};
use crate::lexicon::{self, CURRENCIES};
use crate::word_set;
use serde::{Deserialize, Serialize};

/// The most characters of a price sentence kept to quote.
const MAX_TEXT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// Attending costs nothing (no amount is written beside a price word).
    pub free: bool,
    /// The sentence saying it, as written.
    pub text: String,
}

/// The price a post's blocks tell: the first sentence with an amount beside a price word,
/// else the first saying attending is free. Each block comes as its text and its tokens.
pub fn read<'a, 't: 'a>(
    blocks: impl IntoIterator<Item = (&'a str, &'a [Token<'t>], &'a [(usize, usize)])>,
) -> Option<Price> {
    let mut free = None;
    // Most blocks have neither an amount nor a word of freeness: only those are read.
    let cues = word_set!(
        words = CURRENCIES.iter().copied().chain(
            lexicon::all()
                .free_phrases
                .iter()
                .filter_map(|p| p.first().copied())
        )
    );
    let may_say = |toks: &[Token<'_>]| toks.iter().any(|t| cues.contains(t.norm));
    for (text, toks, sentences) in blocks {
        if !may_say(toks) {
            continue;
        }
        for &(s, e) in sentences {
            let sent = &toks[s..e];
            let Some(quote) = quote(text, sent) else {
                continue;
            };
            if has_amount(sent) && has_price_word(sent) {
                return Some(Price {
                    free: false,
                    text: quote,
                });
            }
            if free.is_none() && says_free(sent) {
                free = Some(Price {
                    free: true,
                    text: quote,
                });
            }
        }
    }
    free
}

fn quote(text: &str, sent: &[Token<'_>]) -> Option<String> {
    let (first, last) = (sent.first()?, sent.last()?);
    let whole = text.get(first.start..last.end)?.trim();
    if whole.chars().count() <= MAX_TEXT {
        return Some(whole.to_string());
    }
    let cut: String = whole.chars().take(MAX_TEXT).collect();
    Some(format!("{}…", cut.trim_end()))
}

/// A number beside a currency: "£5", "5 €", "10 euros", "$ 20".
fn has_amount(sent: &[Token<'_>]) -> bool {
    let currencies = word_set!(CURRENCIES);
    let currency =
        |t: &Token<'_>| matches!(t.kind, Kind::Word | Kind::Sym) && currencies.contains(t.norm);
    sent.iter().enumerate().any(|(i, t)| {
        t.kind == Kind::Num
            && (i.checked_sub(1).is_some_and(|j| currency(&sent[j]))
                || sent.get(i + 1).is_some_and(currency))
    })
}

fn has_price_word(sent: &[Token<'_>]) -> bool {
    let words = sentence::words(sent);
    sentence::has_stem(&words, lexicon::all().price_words)
}

/// Whether a sentence says attending is free; "free software" and "feel free" do not.
fn says_free(sent: &[Token<'_>]) -> bool {
    let words = sentence::words(sent);
    let software = words.iter().any(|w| {
        matches!(
            *w,
            "software" | "logiciel" | "logiciels" | "programa" | "source" | "licence" | "license"
        )
    });
    let feel = words.windows(2).any(|w| w[0] == "feel" && w[1] == "free");
    !software && !feel && sentence::has_any_phrase(&words, lexicon::all().free_phrases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

    fn price(text: &str) -> Option<Price> {
        let tokens = tokenize(text);
        let sentences = crate::extract::sentence::bounds(&tokens);
        read([(text, tokens.as_slice(), sentences.as_slice())])
    }

    #[test]
    fn reads_amounts_and_free_admission() {
        let paid = price("Lightning talks. Tickets are £5 (students free): RSVP now.");
        assert_eq!(
            paid,
            Some(Price {
                free: false,
                text: "Tickets are £5 (students free): RSVP now.".into()
            })
        );
        assert!(price("Participation : 5 € par atelier.").is_some_and(|p| !p.free));
        assert!(price("La cuota de inscripción es de 20 euros.").is_some_and(|p| !p.free));
        assert!(price("Admission is free of charge.").is_some_and(|p| p.free));
        assert!(price("L'entrée est gratuite et ouverte à tous.").is_some_and(|p| p.free));
        assert!(price("La entrada es libre y gratuita.").is_some_and(|p| p.free));
    }

    #[test]
    fn ignores_what_is_not_a_price() {
        assert_eq!(price("QGIS is free software, released in 2002."), None);
        assert_eq!(price("Feel free to bring a laptop."), None);
        assert_eq!(price("We raised 5,000 € last year for the project."), None);
        assert_eq!(price("Le 12 mars à Lyon."), None);
    }
}
