//! Words that extraction rules look for, in French, English and Spanish, all folded
//! (lowercase, no accents). Tables, not logic: adding a language or a synonym is adding a
//! line here.

use chrono::Weekday;

/// Full month names; always months.
const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1), ("january", 1), ("enero", 1),
    ("fevrier", 2), ("february", 2), ("febrero", 2),
    ("mars", 3), ("march", 3), ("marzo", 3),
    ("avril", 4), ("april", 4), ("abril", 4),
    ("mai", 5), ("mayo", 5),
    ("juin", 6), ("june", 6), ("junio", 6),
    ("juillet", 7), ("july", 7), ("julio", 7),
    ("aout", 8), ("august", 8), ("agosto", 8),
    ("septembre", 9), ("september", 9), ("septiembre", 9), ("setiembre", 9),
    ("octobre", 10), ("october", 10), ("octubre", 10),
    ("novembre", 11), ("november", 11), ("noviembre", 11),
    ("decembre", 12), ("december", 12), ("diciembre", 12),
];

/// Abbreviations and words that are also ordinary words ("may", "sept", "mar"): months
/// only next to a day number or a year.
const WEAK_MONTHS: &[(&str, u32)] = &[
    ("jan", 1), ("janv", 1), ("ene", 1),
    ("feb", 2), ("fev", 2), ("fevr", 2),
    ("mar", 3),
    ("apr", 4), ("avr", 4), ("abr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7), ("juil", 7),
    ("aug", 8), ("ago", 8),
    ("sep", 9), ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12), ("dic", 12),
];

/// A month word: `Some((month, strong))`, strong when it cannot be anything else.
pub fn month(word: &str) -> Option<(u32, bool)> {
    if let Some((_, m)) = MONTHS.iter().find(|(w, _)| *w == word) {
        return Some((*m, true));
    }
    WEAK_MONTHS.iter().find(|(w, _)| *w == word).map(|(_, m)| (*m, false))
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("lundi", Weekday::Mon), ("monday", Weekday::Mon), ("lunes", Weekday::Mon),
    ("mardi", Weekday::Tue), ("tuesday", Weekday::Tue), ("martes", Weekday::Tue),
    ("mercredi", Weekday::Wed), ("wednesday", Weekday::Wed), ("miercoles", Weekday::Wed),
    ("jeudi", Weekday::Thu), ("thursday", Weekday::Thu), ("jueves", Weekday::Thu),
    ("vendredi", Weekday::Fri), ("friday", Weekday::Fri), ("viernes", Weekday::Fri),
    ("samedi", Weekday::Sat), ("saturday", Weekday::Sat), ("sabado", Weekday::Sat),
    ("dimanche", Weekday::Sun), ("sunday", Weekday::Sun), ("domingo", Weekday::Sun),
];

pub fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

/// Ordinal suffixes written after a day number: "10th", "1er", "2nd", "1.º".
pub fn is_ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th" | "er" | "re" | "ere" | "e" | "eme" | "o" | "a" | "º" | "ª")
}

/// Words between a day and its month ("12 de junio", "19 of june").
pub fn is_day_month_glue(word: &str) -> bool {
    matches!(word, "de" | "of" | "del")
}

/// Words that join two dates into a range.
pub fn is_range_word(word: &str) -> bool {
    matches!(word, "au" | "to" | "al" | "a" | "until" | "till" | "through" | "thru" | "hasta" | "jusqu" | "jusquau")
}

/// Words that join dates into a list.
pub fn is_list_word(word: &str) -> bool {
    matches!(word, "et" | "and" | "y" | "e")
}

/// Words that make a month a period ("en juin", "around June", "fin novembre").
pub fn is_month_lead(word: &str) -> bool {
    matches!(
        word,
        "en" | "in" | "around" | "vers" | "fin" | "debut" | "mi" | "early" | "late" | "mid" | "end" | "beginning"
            | "courant" | "during" | "durant" | "pendant" | "finales" | "principios" | "mediados" | "until"
            | "jusqu" | "since" | "depuis" | "desde" | "des" | "of" | "de"
    )
}

/// Words that turn an "X or Y" into a choice rather than a period: "mai ou juin".
pub fn is_alternative_word(word: &str) -> bool {
    matches!(word, "ou" | "or" | "o")
}

/// Spoken times of day.
pub fn named_time(word: &str) -> Option<(u32, u32)> {
    match word {
        "midi" | "noon" | "mediodia" => Some((12, 0)),
        "midnight" | "minuit" | "medianoche" => Some((0, 0)),
        _ => None,
    }
}

/// Words introducing a clock time ("à 14h", "at 2 PM", "a las 14:00", "from 2 p.m.").
pub fn is_time_lead(word: &str) -> bool {
    matches!(word, "a" | "at" | "las" | "la" | "from" | "des" | "de" | "starting" | "partir" | "vers" | "around")
}

/// Relative days and weeks, counted from the post's date: (offset in days, day precision).
pub fn relative_day(words: &[&str]) -> Option<(i64, bool)> {
    Some(match words {
        ["la", "semaine", "derniere", ..] | ["last", "week", ..] | ["la", "semana", "pasada", ..] => (-7, false),
        ["la", "semaine", "prochaine", ..] | ["next", "week", ..] | ["la", "semana", "proxima", ..] => (7, false),
        ["hier", ..] | ["yesterday", ..] | ["ayer", ..] => (-1, true),
        ["demain", ..] | ["tomorrow", ..] | ["manana", ..] => (1, true),
        _ => return None,
    })
}
