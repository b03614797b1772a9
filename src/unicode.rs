//! Characters that change how text is shown without being seen: bidirectional controls
//! (which can make a title read backwards, or hide where a link points) and zero-width
//! characters (which can make two different names look the same). Text from posts loses
//! them when read, and nothing crieur says carries them to a network. Pure.

use std::borrow::Cow;

/// Whether `c` is invisible yet changes how text around it is displayed or compared.
pub fn is_deceptive(c: char) -> bool {
    matches!(c,
        // Bidirectional marks, embeddings, overrides and isolates.
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        // Zero-width space, joiners, word joiner, invisible operators, byte order mark.
        | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        // Soft hyphen, Mongolian vowel separator, Hangul fillers, tag characters.
        | '\u{00AD}' | '\u{180E}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
        | '\u{E0000}'..='\u{E007F}')
}

/// `text` without deceptive characters; borrowed when it has none.
pub fn strip(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_deceptive) {
        Cow::Owned(text.chars().filter(|c| !is_deceptive(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_direction_overrides_and_zero_width_characters() {
        // "geOcom" followed by an override that shows "moc.live" as "evil.com".
        assert_eq!(
            strip("geOcom\u{202E}moc.live\u{202C} 2026"),
            "geOcommoc.live 2026"
        );
        assert_eq!(strip("ge\u{200B}Ocom\u{FEFF}\u{2066}x\u{2069}"), "geOcomx");
        assert_eq!(strip("soft\u{00AD}hyphen\u{E0041}"), "softhyphen");
    }

    #[test]
    fn keeps_ordinary_text_borrowed() {
        let text = "Réunion à Montpellier — 7–11 juin, ¿vienes? 🎉";
        assert!(matches!(strip(text), Cow::Borrowed(_)));
    }
}
