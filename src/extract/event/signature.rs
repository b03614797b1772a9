//! Signatures and datelines: "Agnès Crepet, le 29 septembre 2014", "— Jane Doe, March 1,
//! 2015", "Juan Pérez, 1 de marzo de 2015" give the day a post was written, not a
//! gathering's; "Mise à jour (18 mars) :" the day of an editor's note.

use super::Seen;
use crate::extract::token::{Kind, Token};
use crate::lexicon;
use crate::post::BlockKind;
use chrono::{Duration, NaiveDate};

/// How long before its publication a post may have been signed.
const WRITTEN_BEFORE: i64 = 14;
/// How long after (a post dated by its draft).
const WRITTEN_AFTER: i64 = 2;

/// Whether the mention is a signature's date: its block holds only a name (capitalised
/// words, none a gathering), a comma or a dash, maybe an article, and the date, which falls
/// about when the post was written.
pub(super) fn is_signature(seen: &Seen<'_, '_>, day: NaiveDate, post_date: NaiveDate) -> bool {
    if !matches!(seen.kind, BlockKind::Paragraph | BlockKind::Quote) {
        return false;
    }
    if day < post_date - Duration::days(WRITTEN_BEFORE)
        || day > post_date + Duration::days(WRITTEN_AFTER)
    {
        return false;
    }
    let m = &seen.mention;
    let after_ok = seen.tokens[m.last.min(seen.tokens.len())..]
        .iter()
        .all(|t| matches!(t.kind, Kind::Sym | Kind::Break));
    let before: Vec<&Token<'_>> = seen.tokens[..m.first]
        .iter()
        .filter(|t| t.kind != Kind::Break)
        .skip_while(|t| t.kind == Kind::Sym)
        .collect();
    after_ok && signed_by_name(&before)
}

/// Whether the mention is the date of an editor's note, right after the words that open
/// it: "Mise à jour (18 mars 2025) :", "Update (Feb. 22):", "Editado el 5 de mayo:".
pub(super) fn is_edit_note(seen: &Seen<'_, '_>) -> bool {
    let mut before = seen.before.as_slice();
    if let [head @ .., last] = before
        && matches!(*last, "le" | "du" | "on" | "el" | "the")
    {
        before = head;
    }
    lexicon::all().edit_notes.contains(&before)
}

/// "Agnès CREPET, le", "Jane Doe —", "Juan Pérez,": a name, a separator, maybe an article.
fn signed_by_name(before: &[&Token<'_>]) -> bool {
    let mut rest = before;
    if let [head @ .., last] = rest
        && last.kind == Kind::Word
        && matches!(last.norm, "le" | "on" | "el" | "the")
    {
        rest = head;
    }
    let Some((sep, name)) = rest.split_last() else {
        return false;
    };
    if !(sep.kind == Kind::Sym && matches!(sep.text, "," | "-" | "–" | "—")) {
        return false;
    }
    let words = name.iter().filter(|t| t.kind == Kind::Word).count();
    (1..=5).contains(&words)
        && name.first().is_some_and(|t| t.is_capitalized())
        && name.iter().all(|t| match t.kind {
            Kind::Word => {
                (t.is_capitalized() || PARTICLES.contains(&t.norm))
                    && !lexicon::is_gathering_noun(t.norm)
            }
            Kind::Sym => matches!(t.text, "-" | "." | "'" | "’"),
            _ => false,
        })
}

/// Small words inside names: "Ellène de Vries", "Juan del Pozo".
const PARTICLES: &[&str] = &["de", "del", "van", "von", "da", "di", "du", "la", "le"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::testing::tokenize;

    fn signed(line: &str) -> bool {
        let tokens = tokenize(line);
        let refs: Vec<&Token<'_>> = tokens.iter().collect();
        signed_by_name(&refs)
    }

    #[test]
    fn a_name_and_a_separator_sign_a_post() {
        for line in [
            "Agnès CREPET, le",
            "Jane Doe,",
            "Juan Pérez,",
            "Ellène de Vries —",
            "Jean-Pierre M.,",
        ] {
            assert!(signed(line), "{line}");
        }
    }

    #[test]
    fn a_gathering_or_a_sentence_does_not() {
        for line in [
            "Atelier Git, le",
            "Community Meeting,",
            "Taller de Arduino,",
            "we meet on",
            "Nous vous attendons,",
            "Jane Doe",
        ] {
            assert!(!signed(line), "{line}");
        }
    }
}
