//! Which part of a message is the question: members often say who they are or why they ask
//! before asking ("I just moved to Seattle and want to meet people. When is the next
//! meeting?", "Hola, tengo unas dudas, ¿dónde puedo preguntar?"). The question is the last
//! sentence that asks (ends with "?" or opens with "¿"), else the last sentence; what comes
//! before it is context, which can only name what the question leaves out.

/// The question and the context before it. A message of one sentence is all question.
pub fn split(text: &str) -> (&str, &str) {
    let sentences = sentences(text);
    let worded = |s: &&str| s.chars().any(char::is_alphanumeric);
    let asking = sentences.iter().rposition(|s| {
        worded(s) && (s.trim_end().ends_with('?') || s.trim_start().starts_with('¿'))
    });
    let last = sentences.iter().rposition(worded);
    let Some(k) = asking.or(last) else {
        return (text, "");
    };
    let question = sentences[k];
    let start = question.as_ptr() as usize - text.as_ptr() as usize;
    (question.trim(), text[..start].trim())
}

/// The sentences of a message: split after "?", after "." or "!" followed by a space and a
/// capital (not "useR! 2019", "v. 2.0"), before "¿" and "¡", and at line breaks.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let next_starts = || {
            let mut rest = chars[n + 1..].iter().map(|(_, c)| *c);
            rest.next().is_some_and(char::is_whitespace)
                && rest
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| c.is_uppercase() || matches!(c, '¿' | '¡'))
        };
        let cut = match c {
            '?' | '\n' => Some(i + c.len_utf8()),
            '.' | '!' if next_starts() => Some(i + c.len_utf8()),
            '¿' | '¡' => Some(i),
            _ => None,
        };
        if let Some(end) = cut
            && end > start
        {
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn the_question_is_the_last_sentence_that_asks() {
        for (message, question, context) in [
            (
                "I just moved to Seattle and want to meet people. When is the next meeting?",
                "When is the next meeting?",
                "I just moved to Seattle and want to meet people.",
            ),
            (
                "Je découvre Geotrek ! Les rencontres, c'est où ? J'aimerais venir.",
                "Les rencontres, c'est où ?",
                "Je découvre Geotrek !",
            ),
            (
                "Hola, tengo unas dudas, ¿dónde puedo preguntar?",
                "¿dónde puedo preguntar?",
                "Hola, tengo unas dudas,",
            ),
            (
                "Je viens de découvrir Duchess France. C'est quand la prochaine Marmite",
                "C'est quand la prochaine Marmite",
                "Je viens de découvrir Duchess France.",
            ),
            ("where is useR! 2019?", "where is useR! 2019?", ""),
            ("next workshop??", "next workshop?", ""),
            ("when is geOcom 2.0", "when is geOcom 2.0", ""),
        ] {
            assert_eq!(split(message), (question, context), "{message}");
        }
    }
}
