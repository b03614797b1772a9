//! Members' questions as people type them — greetings, fillers, typos, texting forms, no
//! question mark — in French, English and Spanish, at least ten per intent and language,
//! asked of the fixture community site. The phrasings and what a right answer must say are
//! in `tests/fixtures/phrasings/*.toml`; every one must pass, and the reply must be in the
//! question's language.

use chrono::NaiveDateTime;
use crieur::answer::Answerer;
use crieur::answer::reply::Limits;
use crieur::extract::Language;
use crieur::extract::token::fold;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct File {
    lang: String,
    now: String,
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    intent: String,
    now: Option<String>,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    must_any: Vec<Vec<String>>,
    #[serde(default)]
    must_not: Vec<String>,
    asks: Vec<String>,
}

fn answerer() -> Answerer {
    super::answer::answerer_of(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/community"),
    )
}

/// Lowercase without accents, so that "Détails" and "details" compare equal.
fn folded(text: &str) -> String {
    text.split_inclusive(|c: char| !c.is_alphanumeric())
        .map(|w| fold(w).into_owned())
        .collect()
}

/// What is wrong with the reply to one question, if anything.
fn check(answerer: &Answerer, lang: Language, now: &str, case: &Case, ask: &str) -> Option<String> {
    let now = NaiveDateTime::parse_from_str(now, "%Y-%m-%d %H:%M").expect("a test time");
    // The room's language is another one: the question's own words must tell it.
    let room = match lang {
        Language::En => Language::Fr,
        _ => Language::En,
    };
    let reply = answerer.answer(ask, room, now);
    let text = reply.plain(Limits::IRC).join(" | ");
    let got = folded(&text);
    let mut wrong = Vec::new();
    if reply.lang != lang {
        wrong.push(format!("in {:?}", reply.lang));
    }
    for m in &case.must {
        if !got.contains(&folded(m)) {
            wrong.push(format!("no {m:?}"));
        }
    }
    for group in &case.must_any {
        if !group.iter().any(|m| got.contains(&folded(m))) {
            wrong.push(format!("none of {group:?}"));
        }
    }
    for m in &case.must_not {
        if got.contains(&folded(m)) {
            wrong.push(format!("says {m:?}"));
        }
    }
    (!wrong.is_empty()).then(|| format!("{ask:?} → {text}\n      ({})", wrong.join(", ")))
}

#[test]
fn every_phrasing_of_every_intent_in_three_languages_gets_the_right_answer() {
    let answerer = answerer();
    // Another set of phrasings (a held-out one, to measure) may be given instead.
    let other = std::env::var_os("CRIEUR_PHRASINGS");
    let dir = other
        .clone()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phrasings"));
    let mut failures = Vec::new();
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut total = 0;
    for code in ["en", "fr", "es"] {
        let path = dir.join(format!("{code}.toml"));
        let text = std::fs::read_to_string(&path).expect("a phrasings file");
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{code}.toml: {e}"));
        assert_eq!(file.lang, code);
        let lang = Language::from_code(code);
        for case in &file.case {
            let now = case.now.as_deref().unwrap_or(&file.now);
            for ask in &case.asks {
                total += 1;
                *counts
                    .entry((code.to_string(), case.intent.clone()))
                    .or_default() += 1;
                if let Some(why) = check(&answerer, lang, now, case, ask) {
                    failures.push(format!("[{code} {}] {why}", case.intent));
                }
            }
        }
    }
    let few: Vec<String> = counts
        .iter()
        .filter(|(_, n)| **n < 10)
        .map(|((l, i), n)| format!("{l} {i}: {n}"))
        .collect();
    assert!(
        few.is_empty() || other.is_some(),
        "fewer than ten phrasings: {few:?}"
    );
    // Every intent in every language.
    let intents = |code: &str| -> Vec<&String> {
        counts
            .keys()
            .filter(|(l, _)| l == code)
            .map(|(_, i)| i)
            .collect()
    };
    assert_eq!(intents("en"), intents("fr"));
    assert_eq!(intents("en"), intents("es"));
    eprintln!("{} of {total} phrasings right", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} phrasings wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
