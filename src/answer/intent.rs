//! What a member asks: a `!command`, or a question in plain French, English or Spanish,
//! turned into an `Intent` with its language, the words that name a gathering or topic,
//! and a year if one is given. Pure and rule-based: cue words per language, no model.

use super::{focus, search};
use crate::extract::Language;
use crate::extract::help::Topic;
use crate::extract::token::{Kind, Token, tokenize};
use crate::lexicon;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    Help,
    Next {
        words: Vec<String>,
    },
    Events {
        words: Vec<String>,
        window: Window,
        page: usize,
    },
    Event {
        words: Vec<String>,
        tense: Tense,
    },
    Register {
        words: Vec<String>,
    },
    /// Until when talks can be proposed (the call for proposals).
    Proposals {
        words: Vec<String>,
    },
    /// Until when grants, scholarships or volunteering can be applied for.
    Apply {
        words: Vec<String>,
    },
    /// How long a gathering lasts.
    Duration {
        words: Vec<String>,
    },
    /// What attending costs, or whether it is free.
    Price {
        words: Vec<String>,
    },
    Contact {
        topic: Option<Topic>,
        words: Vec<String>,
    },
    /// Greetings, thanks, "who are you?": a short word back and a pointer to `!help`.
    SmallTalk(Talk),
    /// A question crieur cannot place.
    Unknown,
    /// A command written wrong: the usage to show.
    Usage(&'static str),
}

impl Intent {
    /// A name for metrics: "next", "event", "contact"…
    pub fn name(&self) -> &'static str {
        match self {
            Intent::Help => "help",
            Intent::Next { .. } => "next",
            Intent::Events { .. } => "events",
            Intent::Event { .. } => "event",
            Intent::Register { .. } => "register",
            Intent::Proposals { .. } => "proposals",
            Intent::Apply { .. } => "apply",
            Intent::Duration { .. } => "duration",
            Intent::Price { .. } => "price",
            Intent::Contact { .. } => "contact",
            Intent::SmallTalk(_) => "small_talk",
            Intent::Unknown => "unknown",
            Intent::Usage(_) => "usage",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Talk {
    Greeting,
    Thanks,
    Identity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Upcoming,
    /// This week, to Sunday.
    Week,
    /// This weekend.
    Weekend,
    /// This month.
    Month,
    /// Next month.
    NextMonth,
    /// A month named ("in June", "en juin", "en junio"), its next occurrence.
    InMonth(u32),
    /// The rest of this year.
    Year,
    /// The next few weeks ("soon", "bientôt", "pronto").
    Soon,
    /// Next week, Monday to Sunday.
    NextWeek,
    /// A day of a month ("le 21 mars", "on March 21"), its next occurrence.
    Day(u32, u32),
    /// A day of the week ("on Saturday", "samedi"), 0 for Monday: its next occurrence.
    Weekday(u32),
    /// A day counted from today ("today" 0, "demain" 1).
    InDays(i64),
    /// From today for some days: "in the next two weeks", "dans les 12 prochains mois",
    /// "en los próximos 3 meses".
    Within(i64),
    /// A season's three months, by its first month: "this fall", "cet automne", "este
    /// verano" (as north of the equator, where most of the sites' readers are).
    Season(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Any,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub intent: Intent,
    pub lang: Language,
    pub year: Option<i32>,
    /// The question speaks of gatherings in general ("events", "rencontres"): its other
    /// words need not name one.
    pub general: bool,
    /// A month the question names ("the June conference", "la conférence de juin").
    pub month: Option<u32>,
    /// The towns the question names ("the next Ottawa meetup", "à Québec").
    pub towns: Vec<String>,
}

/// When a question says its gathering is: a year ("geOcom 2024"), a month ("the June
/// conference"), both or neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct When {
    pub year: Option<i32>,
    pub month: Option<u32>,
}

impl When {
    pub fn is_none(&self) -> bool {
        self.year.is_none() && self.month.is_none()
    }
}

impl Question {
    pub fn when(&self) -> When {
        When {
            year: self.year,
            month: self.month,
        }
    }
}

/// Understands a message; `default` is the language for commands and unclear questions.
pub fn understand(text: &str, default: Language) -> Question {
    understand_with(text, default, &|_| false)
}

/// Understands a message, `known` telling the words that name something on the site: those
/// are never taken for a misspelt question word.
pub fn understand_with(text: &str, default: Language, known: &dyn Fn(&str) -> bool) -> Question {
    let joined = join_hyphenated(text.trim(), known);
    let text = joined.as_str();
    let glued = glued_years(text);
    let year_of = |w: String| -> String {
        if glued.contains(&w) {
            format!("20{w}")
        } else {
            w
        }
    };
    let all: Vec<String> = folded(text)
        .into_iter()
        .map(year_of)
        .map(|w| canonical(&w, known))
        .collect();
    let year = year_in(&all);
    if let Some(command) = text.strip_prefix('!') {
        return Question {
            intent: command_intent(command),
            lang: default,
            year,
            general: false,
            month: None,
            towns: Vec::new(),
        };
    }
    if let Some((talk, talk_lang)) = small_talk(&all) {
        return Question {
            intent: Intent::SmallTalk(talk),
            lang: talk_lang.unwrap_or_else(|| language(text, &as_typed(text), default)),
            year,
            general: false,
            month: None,
            towns: Vec::new(),
        };
    }
    // The words as typed tell the language; a typo corrected may belong to another.
    let lang = language(text, &as_typed(text), default);
    // The question is the sentence that asks; what the member said before it can only name
    // what the question leaves out ("I'd love to come to the summit. How do I register?").
    // A question that names nothing ("until when?", "¿cuáles?") leans on what was said
    // before it: the whole message says what is asked, and the names crieur knows in the
    // context say of what.
    let (asked, context) = focus::split(text);
    let whole = all.clone();
    let asked_all: Option<Vec<String>> = (!context.is_empty())
        .then(|| {
            folded(asked)
                .into_iter()
                .map(year_of)
                .map(|w| canonical(&w, known))
                .collect::<Vec<String>>()
        })
        // Only a word that names counts: "dates" is no name, however close to "data", nor
        // "inscribir" in "el hackatón de Sevilla, ¿hasta cuándo se pueden inscribir?".
        .filter(|asked| {
            asked
                .iter()
                .any(|w| known(w) && !is_cue(w) && !search::is_stopword(w) && !asks_to_register(w))
        });
    let leaning = asked_all.is_none();
    let all = asked_all.unwrap_or(all);
    // "geOcom 2026's in Montpellier, isn't it?": the guess is what to tell, not a filter.
    let confirming = confirms(text);
    let guessed_towns = if confirming {
        towns_named(text)
    } else {
        Vec::new()
    };
    let is_guess = |w: &String| is_guessed_date(w) || guessed_towns.contains(w);
    let all: Vec<String> = if confirming {
        all.into_iter().filter(|w| !is_guess(w)).collect()
    } else {
        all
    };
    let year = year_in(&all).or(year);
    let consumed = consumed(&all);
    let naming = |w: &String| {
        !is_cue(w) && !is_year(w) && !search::is_stopword(w) && !consumed.contains(w)
            // "the June conference": the month says when, not which.
            && (lexicon::month(w).is_none_or(|(_, strong)| !strong)
                || day_of_month(&all).is_some())
    };
    let named = |text: &str| -> Vec<String> {
        search::words(text)
            .into_iter()
            .map(year_of)
            .map(|w| canonical(&w, known))
            .filter(naming)
            .collect()
    };
    let mut words = named(asked);
    let asked_words = folded(asked);
    // "I'd like to meet other users. What events are coming up?" asks for them all: a
    // question about gatherings in general needs nothing from what was said before it.
    let in_general = asked_words
        .iter()
        .any(|w| lexicon::GENERIC_KINDS.contains(&w.as_str()));
    // What was said before comes first, as it was written: "el hackatón de Sevilla, ¿hasta
    // cuándo se pueden inscribir los equipos?" does not ask for an "equipos hackatón".
    if leaning && !in_general {
        let mut before = context_names(named(context), known);
        before.append(&mut words);
        words = before;
    }
    // "I just moved to Madrid. When is the next meetup here?": "here" is the town said before.
    let points_back = lexicon::all()
        .here_words
        .iter()
        .any(|p| asked_words.windows(p.len()).any(|w| w == *p));
    if points_back && !leaning {
        let towns: Vec<String> = named(context)
            .into_iter()
            .filter(|w| known(w) && lexicon::towns::is_town(w) && !words.contains(w))
            .collect();
        words.extend(towns);
    }
    if confirming {
        let tags = lexicon::all().confirmation_tags;
        words.retain(|w| !is_guess(w) && !tags.iter().any(|tag| tag.contains(&w.as_str())));
    }
    // "the next CUGOS session" where no gathering is named a session: any of them.
    let any_session = |w: &String| lexicon::SESSION_WORDS.contains(&w.as_str()) && !known(w);
    words.retain(|w| !any_session(w));
    let general = all.iter().any(|w| {
        is_events_word(w) || lexicon::GENERIC_KINDS.contains(&w.as_str()) || any_session(w)
    });
    let month = named_month(&all);
    Question {
        intent: question_intent(&all, &whole, words),
        lang,
        year,
        general,
        month,
        towns: if confirming {
            Vec::new()
        } else {
            towns_named(asked)
        },
    }
}

/// Whether a question ends by asking to confirm what it says: a tag after a comma or
/// standing alone ("…, isn't it?", "…, c'est bien ça ?", "…, ¿no?", "Right?").
fn confirms(text: &str) -> bool {
    let mut folds = String::new();
    let tokens = tokenize(text, &mut folds);
    let tags = lexicon::all().confirmation_tags;
    tokens.iter().enumerate().any(|(q, t)| {
        if !t.is_sym("?") {
            return false;
        }
        // The words right before the "?" ("isn't it" with its apostrophe), back to the
        // comma or the sentence's start.
        let in_tag = |x: &Token<'_>| x.kind == Kind::Word || x.is_sym("'") || x.is_sym("’");
        let start = tokens[..q]
            .iter()
            .rposition(|x| !in_tag(x))
            .map_or(0, |k| k + 1);
        let opens =
            start == 0 || matches!(tokens[start - 1].text, "," | "?" | "." | "!" | "¿" | "…");
        let words: Vec<&str> = tokens[start..q]
            .iter()
            .filter(|x| x.kind == Kind::Word)
            .map(|x| x.norm)
            .collect();
        opens && tags.iter().any(|tag| words == *tag)
    })
}

/// What a member may guess about a gathering's date: a month, a weekday, a day.
fn is_guessed_date(w: &str) -> bool {
    let l = lexicon::all();
    lexicon::month(w).is_some()
        || l.weekdays.iter().any(|d| d.contains(&w))
        || l.relative_days
            .iter()
            .any(|(p, _, day)| *day && p.contains(&w))
        || {
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            let rest = &w[digits.len()..];
            digits.len() <= 2
                && !digits.is_empty()
                && (rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th" | "er"))
        }
}

/// The towns a question names: a known town written with a capital inside the sentence
/// ("the next Ottawa chapter meetup?") or after a preposition of place ("à québec", "in
/// ottawa"); not a month, a day, a season or a kind of gathering ("in March", "Spring").
fn towns_named(text: &str) -> Vec<String> {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    let words: Vec<_> = tokens.iter().filter(|t| t.kind == Kind::Word).collect();
    let l = lexicon::all();
    let mut towns = Vec::new();
    for (k, t) in words.iter().enumerate().skip(1) {
        let before = words[k - 1].norm;
        let placed =
            l.place_prepositions.contains(&before) || l.known_town_prepositions.contains(&before);
        // A capital, not an acronym ("the RSVP"): a name.
        let capital = t.is_capitalized() && t.text.chars().skip(1).any(char::is_lowercase);
        let w = t.norm;
        let plain = lexicon::month(w).is_none()
            && lexicon::weekday(w).is_none()
            && season_month(w).is_none()
            && !lexicon::is_gathering_noun(w)
            && !is_cue(w)
            && !search::is_stopword(w);
        if (placed || capital)
            && plain
            && lexicon::towns::is_town(w)
            && !towns.iter().any(|x| x == w)
        {
            towns.push(w.to_string());
        }
    }
    towns
}

/// The names crieur knows in what a member said before the question. When it names a
/// kind of gathering ("a friend told me about the label-athon", "j'aimerais venir aux
/// rencontres de Lyon"), that gathering and the names beside it are what it speaks of, not
/// the rest of the member's story ("I maintain a small R package").
fn context_names(named: Vec<String>, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let kinds: Vec<usize> = (0..named.len())
        .filter(|&k| lexicon::is_gathering_noun(&named[k]))
        .collect();
    named
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            known(w) && (kinds.is_empty() || kinds.iter().any(|j| j.abs_diff(*k) <= 1))
        })
        .map(|(_, w)| w.clone())
        .collect()
}

/// The first year (1990–2100, four digits) among the words.
fn year_in(all: &[String]) -> Option<i32> {
    all.iter().find_map(|w| {
        w.parse::<i32>()
            .ok()
            .filter(|y| (1990..=2100).contains(y) && w.len() == 4)
    })
}

/// A name written in hyphenated parts that crieur knows as one word ("edit-a-thon" for
/// "editathon", "meet-up", "co-working") is read as that word.
fn join_hyphenated(text: &str, known: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, chunk) in text.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let core = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        let parts = core.split('-').count();
        let one: String = core.chars().filter(|c| *c != '-').collect();
        let folded = crate::extract::token::fold(&one);
        if parts > 1
            && core.split('-').all(|p| !p.is_empty())
            && (known(&folded)
                || lexicon::is_gathering_noun(&folded)
                || lexicon::GENERIC_KINDS.contains(&folded.as_ref()))
        {
            out.push_str(&chunk.replacen(core, &one, 1));
        } else {
            out.push_str(chunk);
        }
    }
    out
}

/// Small talk: "who are you?" in a language's words, or a message of greetings, thanks and
/// politeness only. The language of the phrase, when one was matched.
fn small_talk(all: &[String]) -> Option<(Talk, Option<Language>)> {
    let words: Vec<&str> = all.iter().map(String::as_str).collect();
    for (lang, l) in lexicon::SPOKEN {
        if l.identity_questions
            .iter()
            .any(|p| words.windows(p.len()).any(|w| w == *p))
        {
            return Some((Talk::Identity, Some(lang)));
        }
    }
    let l = lexicon::all();
    let only_politeness = words.iter().all(|w| {
        l.greetings.contains(w)
            || l.thanks.contains(w)
            || l.fillers.contains(w)
            || l.stopwords.contains(w)
    });
    if !only_politeness || words.is_empty() {
        return None;
    }
    let said = |table: fn(&lexicon::Lexicon) -> &'static [&'static str]| {
        lexicon::SPOKEN
            .iter()
            .find(|(_, l)| words.iter().any(|w| table(l).contains(w)))
            .map(|(lang, _)| *lang)
    };
    if let Some(lang) = said(|l| l.thanks) {
        return Some((Talk::Thanks, Some(lang)));
    }
    said(|l| l.greetings).map(|lang| (Talk::Greeting, Some(lang)))
}

/// Two digits written right after a word ("unconf17", "useR!19"): a year of this century.
fn glued_years(text: &str) -> Vec<String> {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    tokens
        .windows(2)
        .filter(|w| {
            w[0].kind == Kind::Word
                && w[1].kind == Kind::Num
                && !w[1].space_before
                && w[1].text.len() == 2
        })
        .map(|w| w[1].text.to_string())
        .collect()
}

/// The words of the phrases that shape the question ("how long", "en ligne", "se
/// mantiene", "le 21 mars"): they name no gathering.
fn consumed(all: &[String]) -> Vec<String> {
    let l = lexicon::all();
    let tables = [
        l.duration_questions,
        l.price_questions,
        l.mode_questions,
        l.status_questions,
        l.contact_questions,
        l.registration_phrases,
    ];
    let mut out: Vec<String> = Vec::new();
    for phrase in tables.iter().flat_map(|t| t.iter()) {
        if phrase_at(all, phrase).is_some() {
            out.extend(phrase.iter().map(|w| w.to_string()));
        }
    }
    if let Some((k, _, _)) = day_of_month(all) {
        out.extend(
            all[k.saturating_sub(2)..(k + 3).min(all.len())]
                .iter()
                .cloned(),
        );
    }
    out
}

/// Where a phrase starts in the words, if it is there.
fn phrase_at(all: &[String], p: &[&str]) -> Option<usize> {
    all.windows(p.len())
        .position(|w| w.iter().zip(p).all(|(a, b)| a == b))
}

/// A day of a month written in the question ("21 de marzo", "March 21st", "le 3 juin"):
/// (index of the month word, month, day).
fn day_of_month(all: &[String]) -> Option<(usize, u32, u32)> {
    let day = |w: Option<&String>| {
        let w = w?;
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let rest = &w[digits.len()..];
        let ordinal = rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th" | "er");
        digits
            .parse::<u32>()
            .ok()
            .filter(|d| ordinal && (1..=31).contains(d))
    };
    all.iter().enumerate().find_map(|(k, w)| {
        let (m, _) = lexicon::month(w)?;
        let before = k.checked_sub(1).and_then(|j| day(all.get(j)));
        // "21 de marzo": a glue word between.
        let glued = k
            .checked_sub(2)
            .filter(|&j| matches!(all[j + 1].as_str(), "de" | "of"))
            .and_then(|j| day(all.get(j)));
        let after = day(all.get(k + 1));
        before.or(glued).or(after).map(|d| (k, m, d))
    })
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<i32>().is_ok()
}

/// The words as typed, texting forms spelt out ("pls" → "please"), typos left alone.
fn as_typed(text: &str) -> Vec<String> {
    let l = lexicon::all();
    folded(text)
        .into_iter()
        .map(|w| {
            l.abbreviations
                .iter()
                .find(|(typed, _)| *typed == w)
                .map_or(w, |(_, meant)| (*meant).to_string())
        })
        .collect()
}

fn folded(text: &str) -> Vec<String> {
    tokenize(text, &mut String::new())
        .iter()
        .filter(|t| matches!(t.kind, Kind::Word | Kind::Num))
        .map(|t| t.norm.to_string())
        .collect()
}

fn command_intent(command: &str) -> Intent {
    let mut parts = command.split_whitespace();
    let name = parts
        .next()
        .map(|n| crate::extract::token::fold(n).into_owned())
        .unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let words = |rest: &[&str]| search::words(&rest.join(" "));
    match name.as_str() {
        "help" | "aide" | "ayuda" => Intent::Help,
        "next" | "prochain" | "proximo" => Intent::Next {
            words: words(&rest),
        },
        "events" | "evenements" | "eventos" | "agenda" => {
            let page = rest
                .last()
                .and_then(|p| p.parse::<usize>().ok())
                .filter(|p| *p >= 1);
            let rest = if page.is_some() {
                &rest[..rest.len() - 1]
            } else {
                &rest[..]
            };
            Intent::Events {
                words: words(rest),
                window: Window::Upcoming,
                page: page.unwrap_or(1),
            }
        }
        "event" | "evenement" | "evento" if rest.is_empty() => Intent::Usage("!event <words>"),
        "event" | "evenement" | "evento" => Intent::Event {
            words: words(&rest),
            tense: Tense::Any,
        },
        "register" | "inscription" | "inscripcion" => Intent::Register {
            words: words(&rest),
        },
        "contact" | "contacto" => {
            let all: Vec<String> = rest
                .iter()
                .map(|w| crate::extract::token::fold(w).into_owned())
                .collect();
            Intent::Contact {
                topic: topic(&all),
                words: words(&rest),
            }
        }
        _ => Intent::Usage("!help"),
    }
}

/// A question about crieur's commands or about where to get help, if it is one; else the
/// words back.
fn contact_intent(all: &[String], words: Vec<String>) -> Result<Intent, Vec<String>> {
    let l = lexicon::all();
    // "the docs sprint", "un sprint de documentation", "el taller de seguridad": a word of a
    // help topic beside a gathering says what the gathering is about, not where to ask.
    let kept: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|&(k, w)| !(is_topic_word(w) && qualifies_gathering(all, k)))
        .map(|(_, w)| w.clone())
        .collect();
    let all = kept.as_slice();
    let has = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    let phrase = |p: &[&str]| phrase_at(all, p).is_some();
    let any_phrase = |table: &[&[&str]]| table.iter().any(|p| phrase(p));
    // "what commands do you know?", "quelles commandes ?": what crieur can be asked.
    if has(&[
        "commands",
        "command",
        "commandes",
        "commande",
        "comandos",
        "comando",
    ]) {
        return Ok(Intent::Help);
    }
    // "is there a chat or a mailing list?", "foro o lista de correo": every way to ask,
    // not one (a bug, a flaw or the steering committee named beside a channel is still
    // reached where it is).
    let named: Vec<Topic> = TOPICS
        .iter()
        .filter(|(_, words, stems)| all.iter().any(|w| names_topic(w, words, stems)))
        .map(|(t, _, _)| *t)
        .collect();
    let channels = named
        .iter()
        .all(|t| matches!(t, Topic::Chat | Topic::MailingList | Topic::Documentation));
    if named.len() >= 2 && channels {
        return Ok(Intent::Contact { topic: None, words });
    }
    if let Some(topic) = topic(all) {
        return Ok(Intent::Contact {
            topic: Some(topic),
            words,
        });
    }
    let helpish = has(l.asking);
    // "how can I get in touch?", "contacter l'équipe": the people behind the site.
    let asks_help = has(&["aide", "help", "ayuda", "support", "soporte"]);
    if any_phrase(l.contact_questions) && !asks_help {
        return Ok(Intent::Contact {
            topic: Some(Topic::Other),
            words,
        });
    }
    // "où poser mes questions ?", "donde pregunto dudas", "where can I get support?":
    // where to ask is the help channels, whatever the community is called.
    let where_to = has(&["ou", "where", "donde"]);
    let about_gathering = all.iter().any(|w| lexicon::is_gathering_noun(w));
    if any_phrase(l.contact_questions)
        || helpish && where_to && !about_gathering
        || helpish && (asks_help || has(&["contact"]) || words.iter().all(|w| is_cue(w)))
    {
        return Ok(Intent::Contact { topic: None, words });
    }
    Err(words)
}

/// The intent of a question; `whole` is the whole message, whose context can say it is
/// about help ("I found a security flaw. How do I report it?").
fn question_intent(all: &[String], whole: &[String], words: Vec<String>) -> Intent {
    let l = lexicon::all();
    let has = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    let starts = |stems: &[&str]| all.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    let phrase = |p: &[&str]| phrase_at(all, p).is_some();
    let any_phrase = |table: &[&[&str]]| table.iter().any(|p| phrase(p));
    let words = match contact_intent(whole, words) {
        Ok(intent) => return intent,
        Err(words) => words,
    };
    // "until when can I submit a talk?", "appel à communications", "¿hasta cuándo se
    // pueden enviar propuestas?": the call for proposals, whatever else is asked.
    let call_for = phrase(&["call", "for"])
        || phrase(&["appel", "a"])
        || phrase(&["appel", "aux"])
        || phrase(&["llamada", "a"]);
    let until_when = phrase(&["jusqu", "a", "quand"])
        || phrase(&["jusqu", "a", "quelle", "date"])
        || phrase(&["until", "when"])
        || phrase(&["until", "what", "date"])
        || phrase(&["hasta", "cuando"])
        || phrase(&["hasta", "que", "fecha"])
        || phrase(&["hasta", "que", "dia"])
        || phrase(&["how", "late"])
        // "the last day to apply", "le dernier jour pour proposer", "el último día".
        || phrase(&["last", "day"])
        || phrase(&["dernier", "jour"])
        || phrase(&["ultimo", "dia"]);
    // "¿todavía estoy a tiempo de pedir una beca?", "until when can I apply for a travel
    // grant?": a grant, a scholarship or volunteering, whatever else is asked.
    if starts(l.other_objects) {
        let words = words
            .into_iter()
            .filter(|w| {
                let stem_of = |stems: &[&str]| stems.iter().any(|s| w.starts_with(s));
                !stem_of(l.other_objects) && !stem_of(l.applying)
            })
            .collect();
        return Intent::Apply { words };
    }
    let talk_until = until_when && has(l.proposal_objects) && !has(&["appel"]);
    if starts(l.proposal_questions) || call_for || talk_until {
        let words = words
            .into_iter()
            .filter(|w| {
                !l.proposal_objects.contains(&w.as_str())
                    && !l.proposal_questions.iter().any(|s| w.starts_with(s))
            })
            .collect();
        return Intent::Proposals { words };
    }
    let registering = starts(&REGISTERING);
    // "how long do I have to register?" asks until when.
    if any_phrase(l.duration_questions) && !registering && !until_when {
        return Intent::Duration { words };
    }
    // "jusqu'à quand dure le tarif early-bird ?" asks until when.
    // "le tarif early bird se termine quand ?": until when the price lasts.
    let ends = has(&[
        "termine", "finit", "ends", "end", "finishes", "termina", "acaba",
    ]) && has(&["quand", "when", "cuando"]);
    // "how much is it and until when can I sign up?": the price, which the reply gives with
    // the registration deadline ahead.
    let cost_and_until = any_phrase(l.cost_questions) && (until_when || registering);
    // The words that ask how much and until when say what is asked, not which gathering.
    let price_word = |w: &str| l.price_questions.iter().any(|p| *p == [w]);
    if cost_and_until {
        let words = words
            .into_iter()
            .filter(|w| !asks_to_register(w) && !price_word(w))
            .collect();
        return Intent::Price { words };
    }
    if any_phrase(l.price_questions) && !until_when && !ends && !has(&["deadline", "limite"]) {
        return Intent::Price { words };
    }
    if registering
        || until_when
        || ends && any_phrase(l.price_questions)
        || has(&["deadline", "limite", "signup"])
        || has(l.registration_questions)
        || any_phrase(l.registration_phrases)
    {
        // "le tarif … jusqu'à quand ?": the price word says what ends, not which gathering.
        let words = words
            .into_iter()
            .filter(|w| !asks_to_register(w) && !price_word(w))
            .collect();
        return Intent::Register { words };
    }
    let window = window(all);
    // The month named is when, not what: "is there a code sprint in June?".
    let words: Vec<String> = if window.is_some() {
        let months: Vec<&str> = (0..all.len())
            .filter(|&k| month_at(all, k).is_some())
            .map(|k| all[k].as_str())
            .collect();
        words
            .into_iter()
            .filter(|w| {
                lexicon::month(w).is_none_or(|(_, strong)| !strong)
                    && !months.contains(&w.as_str())
                    && !is_window_word(w)
            })
            .collect()
    } else {
        words
    };
    // Several gatherings asked for: "what events are coming up?", "los próximos
    // talleres", "what's on the agenda?", "list the meetups".
    let many = all.iter().any(|w| is_events_word(w));
    let schedule = has(&[
        "agenda",
        "calendar",
        "calendrier",
        "calendario",
        "programme",
        "program",
        "programa",
    ]);
    let asking = has(&[
        "prochains",
        "prochaines",
        "next",
        "upcoming",
        "coming",
        "venir",
        "proximos",
        "proximas",
        "what",
        "whats",
        "which",
        "quels",
        "quelles",
        "quoi",
        "cuales",
        "que",
        "any",
        "hay",
        "list",
        "lister",
        "listar",
        "liste",
        "lista",
        "show",
        "vienen",
        "quedan",
        "planned",
        "scheduled",
        "prevu",
        "prevus",
        "prevues",
        "programados",
        "programadas",
        "previstos",
    ]);
    // "what's happening in Toronto?", "what's on this month?", "qu'est-ce qui se passe à
    // Lyon ?", "¿qué pasa en Madrid?": what happens, a list, with no gathering word.
    let what = has(&["what", "whats", "quoi", "que", "qu"]);
    let happening = what
        && (has(&["happening", "going", "passe", "pasa", "passera", "pasara"])
            || phrase(&["what", "s", "on"])
            || phrase(&["what", "is", "on"])
            || phrase(&["whats", "on"]));
    let plural = (many || schedule) && asking
        || happening
        || has(&["prochainement", "proximamente", "upcoming"])
        || phrase(&["coming", "months"])
        || phrase(&["coming", "weeks"])
        || phrase(&["prochains", "mois"])
        || phrase(&["proximos", "meses"])
        || phrase(&["se", "viene"]);
    if let Some(window) = window {
        return Intent::Events {
            words,
            window,
            page: 1,
        };
    }
    if plural || phrase(&["coming", "up"]) || phrase(&["a", "venir"]) {
        return Intent::Events {
            words,
            window: Window::Upcoming,
            page: 1,
        };
    }
    if has(&[
        "next",
        "prochain",
        "prochaine",
        "proximo",
        "proxima",
        "suivant",
        "suivante",
        "siguiente",
    ]) {
        return Intent::Next { words };
    }
    // "is it online?", "¿se mantiene?": the gathering's description answers.
    if any_phrase(l.mode_questions) || any_phrase(l.status_questions) {
        return Intent::Event {
            words,
            tense: Tense::Any,
        };
    }
    // "I was wondering where…" is politeness, not the past.
    let polite = ["wondering", "hoping", "thinking"]
        .iter()
        .any(|w| phrase(&["was", w]));
    let past = has(&[
        "were", "did", "happened", "took", "etait", "fue", "fueron", "tuvo", "passe", "dernier",
        "derniere", "last", "ultimo", "ultima",
    ]) || has(&["was"]) && !polite
        || phrase(&["s", "est", "tenu"])
        || phrase(&["s", "est", "tenue"])
        || phrase(&["s", "est", "deroule"])
        || phrase(&["a", "eu", "lieu"]);
    let future = has(&[
        "will", "sera", "seront", "aura", "auront", "pourra", "va", "estara", "habra", "tendra",
    ]);
    // "what is geOrchestra?" asks for a definition, which crieur does not give.
    let when_or_where = has(&[
        "when",
        "where",
        "whereabouts",
        "quand",
        "ou",
        "cuando",
        "donde",
        "date",
        "dates",
        "fecha",
        "fechas",
        "lieu",
        "ville",
        "adresse",
        "endroit",
        "city",
        "venue",
        "address",
        "location",
        "ciudad",
        "lugar",
        "sitio",
        "direccion",
    ]);
    let definition = phrase(&["what", "is"])
        || phrase(&["what", "s"])
        || phrase(&["qu", "est", "ce"])
        || phrase(&["c", "est", "quoi"])
        || phrase(&["que", "es"]);
    if definition && !when_or_where {
        return Intent::Unknown;
    }
    let asks = when_or_where || has(&["lieu", "quel", "quelle", "hay", "existe", "y", "is"]);
    // "and where is it?", "et c'est quand ?": about the gathering of the conversation.
    if words.is_empty() && when_or_where {
        return Intent::Event {
            words,
            tense: Tense::Any,
        };
    }
    if !words.is_empty() && (asks || past || future || words.len() <= 3) {
        let tense = if past {
            Tense::Past
        } else if future {
            Tense::Future
        } else {
            Tense::Any
        };
        return Intent::Event { words, tense };
    }
    Intent::Unknown
}

/// A span of time a question asks about: "this week", "ce week-end", "el mes que viene",
/// "in June", "en mars", "this year", "soon".
fn window(all: &[String]) -> Option<Window> {
    let phrase = |p: &[&str]| phrase_at(all, p).is_some();
    let has = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    if [
        phrase_at(all, &["week", "end"]),
        all.iter().position(|w| w == "weekend" || w == "finde"),
        phrase_at(all, &["fin", "de", "semana"]),
    ]
    .into_iter()
    .flatten()
    .any(|k| !names_a_gathering(all, k))
        || phrase(&["ce", "we"])
    {
        return Some(Window::Weekend);
    }
    if phrase(&["next", "week"])
        || phrase(&["semaine", "pro"])
        || phrase(&["semaine", "prochaine"])
        || phrase(&["prochaine", "semaine"])
        || phrase(&["semana", "que", "viene"])
        || phrase(&["proxima", "semana"])
        || phrase(&["semana", "proxima"])
    {
        return Some(Window::NextWeek);
    }
    if phrase(&["cette", "semaine"]) || phrase(&["this", "week"]) || phrase(&["esta", "semana"]) {
        return Some(Window::Week);
    }
    if phrase(&["next", "month"])
        || phrase(&["mois", "prochain"])
        || phrase(&["prochain", "mois"])
        || phrase(&["mes", "que", "viene"])
        || phrase(&["proximo", "mes"])
        || phrase(&["mes", "proximo"])
    {
        return Some(Window::NextMonth);
    }
    if let Some(days) = within(all) {
        return Some(Window::Within(days));
    }
    // "in the coming week", "la semaine à venir", "la semana entrante": the next seven days.
    if phrase(&["coming", "week"])
        || phrase(&["upcoming", "week"])
        || phrase(&["semaine", "a", "venir"])
        || phrase(&["semaine", "qui", "vient"])
        || phrase(&["semana", "entrante"])
    {
        return Some(Window::Within(7));
    }
    if let Some(first) = season(all) {
        return Some(Window::Season(first));
    }
    // "d'ici la fin du mois", "by the end of the month", "antes de fin de mes".
    let to_end = |unit: &[&[&str]]| {
        phrase(&["fin"]) && unit.iter().any(|p| phrase(p))
            || phrase(&["end", "of"]) && unit.iter().any(|p| phrase(p))
    };
    if phrase(&["ce", "mois"])
        || phrase(&["this", "month"])
        || phrase(&["este", "mes"])
        || to_end(&[&["du", "mois"], &["de", "mes"], &["the", "month"]])
    {
        return Some(Window::Month);
    }
    if phrase(&["this", "year"])
        || phrase(&["cette", "annee"])
        || phrase(&["este", "ano"])
        || to_end(&[
            &["l", "annee"],
            &["de", "ano"],
            &["del", "ano"],
            &["the", "year"],
        ])
    {
        return Some(Window::Year);
    }
    if has(&["soon", "bientot", "pronto", "shortly"]) {
        return Some(Window::Soon);
    }
    if let Some((_, m, d)) = day_of_month(all) {
        return Some(Window::Day(m, d));
    }
    let l = lexicon::all();
    if has(&["today", "aujourd", "aujourdhui", "hoy"]) {
        return Some(Window::InDays(0));
    }
    if let Some((_, days, _)) = l
        .relative_days
        .iter()
        .find(|(p, days, day)| *day && *days >= 0 && phrase(p))
    {
        return Some(Window::InDays(*days));
    }
    if let Some(d) = (0..7).find(|&d| all.iter().any(|w| l.weekdays[d].contains(&w.as_str()))) {
        return Some(Window::Weekday(d as u32));
    }
    named_month(all).map(Window::InMonth)
}

/// Days from today that "the next two weeks", "les 12 prochains mois", "los próximos 3
/// meses", "the next couple of weeks", "los próximos días" span: a count (a week of days
/// when none) and a unit beside a word for "next".
fn within(all: &[String]) -> Option<i64> {
    all.iter().enumerate().find_map(|(u, w)| {
        let unit = time_unit(w)?;
        let near = &all[u.saturating_sub(3)..u];
        let next = near.iter().any(|w| {
            matches!(
                w.as_str(),
                "next"
                    | "coming"
                    | "prochains"
                    | "prochaines"
                    | "prochaine"
                    | "proximos"
                    | "proximas"
                    | "proxima"
                    | "siguientes"
            )
        });
        // "les prochains jours", "los próximos días": about a week.
        let count = near
            .iter()
            .find_map(|w| count_word(w))
            // "the next few days" is about a week; "the next fortnight" is one.
            .or((unit == 1).then_some(7))
            .or((unit == 14).then_some(1))?;
        next.then_some(count * unit)
    })
}

/// The first month of the season "this …" or "in …" names: "this fall", "cet automne",
/// "au printemps", "en verano", "à la rentrée" (September, when French school and work
/// resume). A season's word alone names a gathering ("les rencontres d'hiver").
fn season(all: &[String]) -> Option<u32> {
    all.windows(2).find_map(|w| {
        let this = matches!(
            w[0].as_str(),
            "this" | "cet" | "ce" | "cette" | "este" | "esta" | "in" | "au" | "en"
        );
        let first = season_month(&w[1])?;
        (this || w[1] == "rentree").then_some(first)
    })
}

/// The first month of a season's name.
fn season_month(w: &str) -> Option<u32> {
    match w {
        "spring" | "printemps" | "primavera" => Some(3),
        "summer" | "ete" | "verano" => Some(6),
        "fall" | "autumn" | "automne" | "otono" | "rentree" => Some(9),
        "winter" | "hiver" | "invierno" => Some(12),
        _ => None,
    }
}

/// The days in a unit of time written in the plural ("weeks", "semaines", "meses").
fn time_unit(w: &str) -> Option<i64> {
    match w {
        "days" | "jours" | "dias" => Some(1),
        "weeks" | "semaines" | "semanas" => Some(7),
        "months" | "mois" | "meses" => Some(31),
        "fortnight" | "fortnights" | "quinzaine" | "quinzaines" | "quincena" | "quincenas" => {
            Some(14)
        }
        _ => None,
    }
}

/// A count written in figures (1 to 99) or in words ("two", "couple", "quelques", "unos").
fn count_word(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse::<i64>() {
        return (1..100).contains(&n).then_some(n);
    }
    match w {
        "two" | "deux" | "dos" | "couple" => Some(2),
        "three" | "trois" | "tres" | "few" | "quelques" | "unos" | "unas" => Some(3),
        "four" | "quatre" | "cuatro" => Some(4),
        "six" | "seis" => Some(6),
        _ => None,
    }
}

/// A month named, not a day of it ("le 3 juin" is a date, "en juin" a month).
fn named_month(all: &[String]) -> Option<u32> {
    (0..all.len()).find_map(|k| month_at(all, k))
}

/// The month the `k`th word names: its full name ("June", "juin"), or a name that is also
/// an ordinary word after a word that leads a month ("in May", "early May", "mi-sept"),
/// not "what may happen" nor "en sept jours".
fn month_at(all: &[String], k: usize) -> Option<u32> {
    let (m, strong) = lexicon::month(&all[k])?;
    let dated = [k.checked_sub(1), Some(k + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| all.get(j))
        .any(|n| n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)));
    let led = k
        .checked_sub(1)
        .is_some_and(|j| lexicon::is_month_lead(&all[j]))
        && all.get(k + 1).is_none_or(|n| time_unit(n).is_none());
    ((strong || led) && !dated).then_some(m)
}

/// Whether the weekend at `k` is the name of a gathering ("the Austin hack weekend", "our
/// coding weekend") rather than a span of time ("this weekend", "le week-end prochain",
/// "weekend plans?", "este finde"): a word that names something comes right before it.
fn names_a_gathering(all: &[String], k: usize) -> bool {
    k.checked_sub(1).is_some_and(|p| {
        let w = all[p].as_str();
        let l = lexicon::all();
        !(search::is_stopword(w)
            || is_window_word(w)
            || l.next_words.contains(&w)
            || matches!(
                w,
                "on" | "over" | "during" | "coming" | "whole" | "any" | "ese"
            ))
    })
}

/// Words of the time spans above, which name no gathering.
fn is_window_word(w: &str) -> bool {
    let l = lexicon::all();
    if time_unit(w).is_some() || count_word(w).is_some() || season_month(w).is_some() {
        return true;
    }
    if l.weekdays.iter().any(|d| d.contains(&w))
        || l.relative_days
            .iter()
            .any(|(p, _, day)| *day && p.contains(&w))
        || matches!(w, "today" | "aujourd" | "aujourdhui" | "hoy" | "pro")
    {
        return true;
    }
    matches!(
        w,
        "weekend"
            | "entrante"
            | "fortnight"
            | "quinzaine"
            | "quincena"
            | "week"
            | "end"
            | "finde"
            | "fin"
            | "semaine"
            | "semana"
            | "month"
            | "mois"
            | "mes"
            | "year"
            | "annee"
            | "ano"
            | "soon"
            | "bientot"
            | "pronto"
            | "shortly"
            | "viene"
            | "prochain"
            | "proximo"
            | "proxima"
            | "prochaine"
            | "next"
            | "que"
            | "this"
            | "cette"
            | "este"
    )
}

/// Words naming each help topic, most specific topic first: (topic, whole words, stems).
const TOPICS: &[(Topic, &[&str], &[&str])] = &[
    (
        Topic::Security,
        &[
            "cve",
            "vuln",
            "xss",
            "exploit",
            "cves",
            "security",
            "securite",
            "seguridad",
        ],
        &["securit", "secur", "segur", "vulnerab", "faille", "disclos"],
    ),
    (
        Topic::BugTracker,
        &[
            "tracker",
            "bugtracker",
            "issues",
            "issue",
            "gestionnaire",
            "beug",
            "anomalie",
            "error",
            "errores",
            "erreur",
            "erreurs",
            // "ça plante" (it crashes); not the stem, which Spanish "plantear" shares.
            "plante",
            "plantent",
            "plantage",
            "plantages",
        ],
        &[
            "bug", "bogue", "fallo", "error", "erreur", "incidenc", "crash", "cuelg",
        ],
    ),
    (
        Topic::Steering,
        &[
            "psc",
            "comite",
            "committee",
            "steering",
            "pilotage",
            "directivo",
            "gouvernance",
            "governance",
            "roadmap",
            "feuille",
            "hoja",
            "decide",
            "decides",
            "decisions",
            "pilote",
            "dirige",
        ],
        &[],
    ),
    (
        Topic::MailingList,
        &[
            "liste",
            "listes",
            "list",
            "lists",
            "lista",
            "listas",
            "mailing",
            "diffusion",
            "correo",
            "newsletter",
            "mail",
            "email",
            "courriel",
        ],
        &[],
    ),
    (
        Topic::Chat,
        &[
            "chat",
            "irc",
            "matrix",
            "salon",
            "canal",
            "channel",
            "element",
            "room",
            "discuter",
            "tchat",
            "discussion",
            "papoter",
            "chatter",
            "chatear",
            "charlar",
            "live",
            "directo",
            "sala",
            "slack",
            "discord",
            "mattermost",
            "zulip",
            "gitter",
            "telegram",
            "forum",
            "forums",
            "foro",
            "discourse",
        ],
        &[],
    ),
    (
        Topic::Documentation,
        &[
            "doc", "docs", "manual", "manuel", "wiki", "guide", "guia", "howto",
        ],
        &["docu", "instal", "tuto"],
    ),
];

/// A help topic named in the words, most specific first. "List the events" asks for a
/// list of gatherings, not a mailing list.
fn topic(all: &[String]) -> Option<Topic> {
    let phrase = |p: &[&str]| phrase_at(all, p).is_some();
    // "ouvrir un ticket", "open an issue": a bug; "how to use it": the documentation.
    let opens = all.windows(3).any(|w| {
        matches!(
            w[0].as_str(),
            "open" | "ouvrir" | "ouvre" | "ouvert" | "abrir" | "abro" | "file"
        ) && matches!(w[2].as_str(), "ticket" | "issue")
    });
    let found = TOPICS
        .iter()
        .find(|(_, words, stems)| all.iter().any(|w| names_topic(w, words, stems)));
    if opens && found.is_none_or(|(t, _, _)| *t != Topic::Security) {
        return Some(Topic::BugTracker);
    }
    let live = phrase(&["real", "time"])
        || phrase(&["temps", "reel"])
        || phrase(&["tiempo", "real"])
        || phrase(&["talk", "with"])
        || phrase(&["parler", "avec"])
        || phrase(&["hablar", "con"]);
    if found.is_none() && live {
        return Some(Topic::Chat);
    }
    let Some(found) = found.map(|(t, _, _)| *t) else {
        let how_to = phrase(&["how", "to", "use"])
            || phrase(&["comment", "utiliser"])
            || phrase(&["comment", "on", "utilise"])
            || phrase(&["como", "se", "usa"])
            || phrase(&["como", "usar"]);
        return how_to.then_some(Topic::Documentation);
    };
    let mailing = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "mailing" | "diffusion" | "correo" | "newsletter" | "mail" | "email" | "courriel"
        )
    });
    if found == Topic::MailingList && !mailing && all.iter().any(|w| is_events_word(w)) {
        return None;
    }
    // "an email or a way to reach the team?", "contact form or email": an address to
    // write to, not a list to join; without one, every way to reach the community.
    let list = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "liste"
                | "listes"
                | "list"
                | "lists"
                | "lista"
                | "listas"
                | "mailing"
                | "diffusion"
                | "newsletter"
        )
    });
    let to_people = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "contact"
                | "contacter"
                | "contactar"
                | "joindre"
                | "reach"
                | "write"
                | "ecrire"
                | "escribir"
                | "team"
                | "equipe"
                | "equipo"
                | "organizers"
                | "organisers"
                | "organisateurs"
                | "organisatrices"
                | "organizadores"
                | "form"
                | "formulaire"
                | "formulario"
        )
    });
    if found == Topic::MailingList && mailing && !list && to_people {
        return Some(Topic::Other);
    }
    Some(found)
}

/// A word for gatherings in general, or a kind of them in the plural ("events",
/// "rencontres", "talleres").
fn is_events_word(w: &str) -> bool {
    matches!(
        w,
        "events"
            | "evenements"
            | "eventos"
            | "gatherings"
            | "evts"
            | "choses"
            | "activites"
            | "activities"
            | "actividades"
            | "plans"
            | "planes"
            | "things"
            | "cosas"
            | "rendezvous"
            | "gettogethers"
    ) || (w.ends_with('s') && lexicon::is_gathering_noun(w))
}

/// Whether the word at `k` qualifies a gathering named beside it: before its noun ("docs
/// sprint") or after it ("sprint doc", "sprint de documentation", "taller de seguridad").
fn qualifies_gathering(all: &[String], k: usize) -> bool {
    let noun = |j: Option<usize>| {
        j.and_then(|j| all.get(j))
            .is_some_and(|w| lexicon::is_gathering_noun(w))
    };
    let of = k
        .checked_sub(1)
        .is_some_and(|j| matches!(all[j].as_str(), "de" | "du" | "des" | "d" | "of"));
    noun(Some(k + 1)) || noun(k.checked_sub(1)) || of && noun(k.checked_sub(2))
}

fn names_topic(w: &str, words: &[&str], stems: &[&str]) -> bool {
    words.contains(&w) || stems.iter().any(|s| w.starts_with(s))
}

/// Whether a word only names a help topic ("liste", "bug"), not which entry of it.
pub fn is_topic_word(w: &str) -> bool {
    TOPICS
        .iter()
        .any(|(_, words, stems)| names_topic(w, words, stems))
}

/// The stems of registering in the three languages ("inscribir", "s'inscrire", "register").
const REGISTERING: [&str; 5] = ["inscri", "preinscri", "regist", "inscrib", "preinscrib"];

/// Whether a word is a form of registering: what is asked, never what it is about.
fn asks_to_register(w: &str) -> bool {
    REGISTERING.iter().any(|s| w.starts_with(s))
}

/// Words that shape the question rather than name what it is about, and the greetings
/// and politeness around it.
fn is_cue(w: &str) -> bool {
    let l = lexicon::all();
    l.question_cues.contains(&w)
        || l.fillers.contains(&w)
        || l.greetings.contains(&w)
        || l.thanks.contains(&w)
        || l.registration_questions.contains(&w)
}

/// A word as meant: texting forms and typos of question words become the word ("wen" →
/// "when", "qd" → "quand", "wehn" → "when", "cuadno" → "cuando"); other words are left as
/// they are (names are matched loosely by the search).
fn canonical(word: &str, known: &dyn Fn(&str) -> bool) -> String {
    let l = lexicon::all();
    if let Some((_, meant)) = l.abbreviations.iter().find(|(typed, _)| *typed == word) {
        return (*meant).to_string();
    }
    // Two letters swapped in a question word ("nxet", "prochian", "sing up"), even
    // when the search would read it as a look-alike name; not a word that means something
    // of its own ("form" is not "from").
    if !means_something(word)
        && let Some(meant) = transposed(word)
    {
        return meant;
    }
    if known(word) || lexicon::is_gathering_noun(word) || is_events_word(word) {
        return word.to_string();
    }
    // An elision typed without its apostrophe: "dinscription", "lunconf" (l'unconf).
    if let Some(rest) = unelided(word, known) {
        return rest.to_string();
    }
    if word.chars().count() >= 4 && !l.interrogatives.contains(&word) && !is_vocabulary(word) {
        let first = word.chars().next();
        let topic_words = TOPICS.iter().flat_map(|(_, words, _)| words.iter());
        let targets = l
            .interrogatives
            .iter()
            .chain(topic_words)
            .chain(l.proposal_objects)
            .chain(l.registration_questions)
            .chain(lexicon::KIND_SYNONYMS.iter().flat_map(|c| c.iter()))
            .chain(lexicon::GENERIC_KINDS);
        let targets: Vec<&&str> = targets.collect();
        if targets.iter().any(|q| **q == word) {
            return word.to_string();
        }
        if let Some(meant) = targets.into_iter().find(|q| {
            q.chars().next() == first
                && q.chars().count() >= 5
                && strsim::damerau_levenshtein(word, q) == 1
        }) {
            return (*meant).to_string();
        }
        // Any other word of a question, greeting or thanks ("adress", "grasias").
        let n = word.chars().count();
        if n >= 5
            && let Some(meant) = long_vocabulary()
                .iter()
                .filter(|v| v.chars().next() == first && v.chars().count().abs_diff(n) <= 1)
                .find(|v| strsim::damerau_levenshtein(word, v) == 1)
        {
            return meant.to_string();
        }
    }
    // A month's name with a typo ("apirl", "avirl", "setpember").
    if word.chars().count() >= 5 && lexicon::month(word).is_none() {
        let first = word.chars().next();
        let months = l.months.iter().flat_map(|m| m.iter());
        if let Some(meant) = months
            .filter(|m| m.chars().count() >= 5 && m.chars().next() == first)
            .find(|m| strsim::damerau_levenshtein(word, m) == 1)
        {
            return (*meant).to_string();
        }
    }
    word.to_string()
}

/// The language of a question: Spanish punctuation, else the words that only one
/// language's question vocabulary has, and the words that mark a language in a short
/// question; else `default`.
fn language(text: &str, all: &[String], default: Language) -> Language {
    if text.contains(['¿', '¡', 'ñ']) {
        return Language::Es;
    }
    let vocabularies = vocabularies();
    let mut scores = [0usize; 3];
    for w in all {
        let having: Vec<usize> = (0..3)
            .filter(|&k| vocabularies[k].contains(w.as_str()))
            .collect();
        if let [only] = having.as_slice() {
            scores[*only] += 1;
        }
        for (k, (_, l)) in lexicon::SPOKEN.iter().enumerate() {
            if l.question_markers.contains(&w.as_str()) {
                scores[k] += 1;
            }
        }
    }
    let best = scores.iter().copied().max().unwrap_or(0);
    let leaders: Vec<usize> = (0..3).filter(|&k| scores[k] == best).collect();
    match leaders.as_slice() {
        [only] if best > 0 => lexicon::SPOKEN[*only].0,
        _ => named_in(all, &leaders).unwrap_or(default),
    }
}

/// Among languages that tie on question words, the one whose own words for awards,
/// months and days the message uses: "osor awards ceremony date?" is English.
fn named_in(all: &[String], leaders: &[usize]) -> Option<Language> {
    let uses = |k: usize| {
        let l = lexicon::SPOKEN[k].1;
        all.iter()
            .filter(|w| {
                let w = w.as_str();
                l.awards.contains(&w)
                    || l.months.iter().any(|m| m.contains(&w))
                    || l.weekdays.iter().any(|d| d.contains(&w))
            })
            .count()
    };
    let counts: Vec<(usize, usize)> = leaders.iter().map(|&k| (k, uses(k))).collect();
    let top = counts.iter().map(|(_, n)| *n).max()?;
    match counts
        .iter()
        .filter(|(_, n)| *n == top)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [(k, n)] if *n > 0 => Some(lexicon::SPOKEN[*k].0),
        _ => None,
    }
}

/// Per spoken language, every word its lexicon gives questions: question words, fillers,
/// stopwords, texting forms, months and the words of its question phrases.
fn vocabularies() -> &'static [HashSet<&'static str>; 3] {
    static VOCABULARIES: OnceLock<[HashSet<&'static str>; 3]> = OnceLock::new();
    VOCABULARIES.get_or_init(|| {
        std::array::from_fn(|k| {
            let l = lexicon::SPOKEN[k].1;
            let words = [
                l.stopwords,
                l.question_cues,
                l.fillers,
                l.interrogatives,
                l.question_markers,
                l.greetings,
                l.thanks,
                l.registration_questions,
                l.proposal_objects,
                l.asking,
            ];
            let phrases = [
                l.duration_questions,
                l.price_questions,
                l.mode_questions,
                l.status_questions,
                l.contact_questions,
                l.identity_questions,
            ];
            words
                .iter()
                .flat_map(|t| t.iter().copied())
                .chain(
                    phrases
                        .iter()
                        .flat_map(|t| t.iter().flat_map(|p| p.iter().copied())),
                )
                .chain(l.abbreviations.iter().map(|(typed, _)| *typed))
                .chain(l.months.iter().flat_map(|m| m.iter().copied()))
                .collect()
        })
    })
}

/// The words of every language's question vocabulary of five letters or more, sorted: what
/// a typo of five letters or more may have meant.
fn long_vocabulary() -> &'static [&'static str] {
    static LONG: OnceLock<Vec<&'static str>> = OnceLock::new();
    LONG.get_or_init(|| {
        let mut words: Vec<&'static str> = vocabularies()
            .iter()
            .flat_map(|v| v.iter().copied())
            .filter(|v| v.chars().count() >= 5)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    })
}

/// Whether a word is one of a language's question words, fillers or stopwords.
/// The word after an elided article or pronoun typed without its apostrophe ("dinscription"
/// for "d'inscription"): only when the word as typed means nothing and the rest, starting
/// with a vowel or an h, is a word crieur knows.
fn unelided<'w>(word: &'w str, known: &dyn Fn(&str) -> bool) -> Option<&'w str> {
    if is_vocabulary(word) || lexicon::month(word).is_some() {
        return None;
    }
    let rest = ["qu", "c", "d", "l", "j", "n", "s", "m", "t"]
        .iter()
        .find_map(|p| word.strip_prefix(p))?;
    let vowel = rest.starts_with(['a', 'e', 'i', 'o', 'u', 'y', 'h']);
    // A word that names or asks something, not a small word: "call" is not "c'all".
    let means = |w: &str| {
        (known(w) || is_vocabulary(w) || lexicon::is_gathering_noun(w)) && !search::is_stopword(w)
    };
    (vowel && rest.len() >= 4 && means(rest)).then_some(rest)
}

/// The question word `word` is with two neighbouring letters swapped back, if any.
fn transposed(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| c.is_alphabetic()) || is_vocabulary(word) {
        return None;
    }
    (0..chars.len() - 1).find_map(|i| {
        let mut swapped = chars.clone();
        swapped.swap(i, i + 1);
        let candidate: String = swapped.into_iter().collect();
        let meant = lexicon::all()
            .abbreviations
            .iter()
            .find(|(typed, _)| *typed == candidate)
            .map_or(candidate.clone(), |(_, meant)| meant.to_string());
        (candidate != word && (is_vocabulary(&meant) || means_something(&meant))).then_some(meant)
    })
}

/// Whether a word has a meaning of its own to crieur beyond questions: a kind of
/// gathering, a form, a month or a day, a help topic.
fn means_something(word: &str) -> bool {
    let l = lexicon::all();
    lexicon::is_gathering_noun(word)
        || lexicon::month(word).is_some()
        || lexicon::weekday(word).is_some()
        || l.form_nouns.contains(&word)
        || l.pointers.contains(&word)
        || lexicon::KIND_SYNONYMS.iter().any(|c| c.contains(&word))
        || TOPICS
            .iter()
            .any(|(_, words, stems)| words.contains(&word) || stems.contains(&word))
}

fn is_vocabulary(w: &str) -> bool {
    vocabularies().iter().any(|v| v.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(text: &str) -> Question {
        understand(text, Language::En)
    }

    fn w(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_commands() {
        assert_eq!(ask("!next").intent, Intent::Next { words: vec![] });
        assert_eq!(
            ask("!next sprint").intent,
            Intent::Next {
                words: w(&["sprint"])
            }
        );
        assert_eq!(
            ask("!events 2").intent,
            Intent::Events {
                words: vec![],
                window: Window::Upcoming,
                page: 2
            }
        );
        assert_eq!(ask("!event").intent, Intent::Usage("!event <words>"));
        assert_eq!(ask("!frobnicate").intent, Intent::Usage("!help"));
        assert_eq!(
            ask("!contact security").intent,
            Intent::Contact {
                topic: Some(Topic::Security),
                words: w(&["security"])
            }
        );
        assert_eq!(ask("!help").intent, Intent::Help);
    }

    #[test]
    fn a_tag_after_a_comma_asks_to_confirm_and_a_choice_does_not() {
        for text in [
            "geOcom 2026's in Montpellier, isn't it? and which dates?",
            "the meetup is on the 12th, right?",
            "next geOcom's in September, yeah? or have I got it wrong?",
            "le geOcom est à Lille, non ?",
            "on a jusqu'à fin février pour s'inscrire, c'est bien ça ?",
            "la quedada es en Madrid, ¿verdad?",
            "el taller es el sábado, ¿no?",
        ] {
            assert!(confirms(text), "{text}");
        }
        for text in [
            "is there a meetup in June or not?",
            "¿hay quedada en Madrid o no?",
            "is the workshop the right one for beginners?",
            "non merci, c'est tout",
            "when is the next meetup?",
        ] {
            assert!(!confirms(text), "{text}");
        }
        // The guess is no filter: the month and the town are gone, the name stays.
        let q = understand(
            "the Map Summit is in Nantes in September, isn't it?",
            Language::En,
        );
        assert_eq!((q.month, q.towns.is_empty()), (None, true), "{q:?}");
        assert!(format!("{:?}", q.intent).contains("summit"), "{q:?}");
        assert!(!format!("{:?}", q.intent).contains("nantes"), "{q:?}");
    }

    #[test]
    fn a_weekend_after_a_name_is_a_gathering_not_this_weekend() {
        let weekend = |text: &str, lang| match understand(text, lang).intent {
            Intent::Events { window, .. } => window == Window::Weekend,
            _ => false,
        };
        for (text, lang) in [
            ("anything on this weekend?", Language::En),
            ("what's happening over the weekend?", Language::En),
            ("weekend plans?", Language::En),
            ("qu'est-ce qu'il y a ce week-end ?", Language::Fr),
            ("il se passe quoi le week-end prochain ?", Language::Fr),
            ("¿hay algo este finde?", Language::Es),
            ("¿qué hay el fin de semana?", Language::Es),
        ] {
            assert!(weekend(text, lang), "{text}");
        }
        for (text, lang, name) in [
            ("when's the Austin hack weekend?", Language::En, "hack"),
            ("où a lieu notre hack week-end ?", Language::Fr, "hack"),
            (
                "¿cuándo es el hackatón finde de Rosario?",
                Language::Es,
                "rosario",
            ),
        ] {
            let q = understand(text, lang);
            assert!(!weekend(text, lang), "{text}: {:?}", q.intent);
            assert!(
                format!("{:?}", q.intent).contains(name),
                "{text}: {:?}",
                q.intent
            );
        }
    }

    #[test]
    fn a_message_without_question_words_is_in_the_language_of_its_names() {
        for (text, default, lang) in [
            ("osor awards ceremony date?", Language::Fr, Language::En),
            ("hackathon 12 mars ?", Language::En, Language::Fr),
            ("hackathon 12 marzo?", Language::En, Language::Es),
            // Nothing says: the room's language.
            ("geocom 2024?", Language::Fr, Language::Fr),
            ("geocom 2024?", Language::En, Language::En),
        ] {
            assert_eq!(understand(text, default).lang, lang, "{text}");
        }
    }

    #[test]
    fn reads_questions_in_three_languages() {
        let q = ask("quand a lieu le prochain geOcom ?");
        assert_eq!(
            (q.lang, q.intent),
            (
                Language::Fr,
                Intent::Next {
                    words: w(&["geocom"])
                }
            )
        );
        let q = ask("¿cuándo es el próximo geOcom?");
        assert_eq!(
            (q.lang, q.intent),
            (
                Language::Es,
                Intent::Next {
                    words: w(&["geocom"])
                }
            )
        );
        let q = ask("when was geOcom 2024?");
        assert_eq!((q.lang, q.year), (Language::En, Some(2024)));
        assert_eq!(
            q.intent,
            Intent::Event {
                words: w(&["geocom"]),
                tense: Tense::Past
            }
        );
        let q = ask("où s'est tenu le geOcom 2022 ?");
        assert_eq!(
            (q.lang, q.intent),
            (
                Language::Fr,
                Intent::Event {
                    words: w(&["geocom"]),
                    tense: Tense::Past
                }
            )
        );
        assert_eq!(
            ask("jusqu'à quand peut-on s'inscrire aux rencontres d'hiver ?").intent,
            Intent::Register {
                words: w(&["rencontres", "hiver"])
            }
        );
        assert_eq!(
            ask("what events are coming up?").intent,
            Intent::Events {
                words: vec![],
                window: Window::Upcoming,
                page: 1
            }
        );
        assert_eq!(
            ask("quels sont les prochains événements ?").intent,
            Intent::Events {
                words: vec![],
                window: Window::Upcoming,
                page: 1
            }
        );
        assert_eq!(
            ask("qu'est-ce qu'il y a ce mois-ci ?").intent.clone(),
            Intent::Events {
                words: vec![],
                window: Window::Month,
                page: 1
            }
        );
        assert_eq!(
            ask("how do I report a security issue?").intent,
            Intent::Contact {
                topic: Some(Topic::Security),
                words: w(&["report", "security", "issue"])
            }
        );
        assert_eq!(
            ask("où signaler un bug ?").intent,
            Intent::Contact {
                topic: Some(Topic::BugTracker),
                words: w(&["signaler", "bug"])
            }
        );
        assert_eq!(
            ask("how can I get help?").intent,
            Intent::Contact {
                topic: None,
                words: w(&["help"])
            }
        );
        assert_eq!(ask("¿dónde es el taller de QGIS?").lang, Language::Es);
    }

    /// What a question is about, as people frame it in chat: asking whether anyone knows,
    /// saying where it is hosted, naming an edition, a year, a qualifier after its kind.
    #[test]
    fn the_words_around_a_question_are_not_what_it_is_about() {
        let next = |words: &[&str]| Intent::Next { words: w(words) };
        let event = |words: &[&str], tense| Intent::Event {
            words: w(words),
            tense,
        };
        let register = |words: &[&str]| Intent::Register { words: w(words) };
        for (question, intent) in [
            (
                "Bonjour à tous, est-ce que quelqu'un sait à quelle date aura lieu la prochaine édition du geOcom ?",
                next(&["geocom"]),
            ),
            (
                "Hola, me gustaría saber cuándo se celebra la próxima edición del geOcom",
                next(&["geocom"]),
            ),
            (
                "Hey, does anyone know which city is hosting the map summit?",
                event(&["map", "summit"], Tense::Any),
            ),
            (
                "dans quelle ville se tiennent les rencontres Geotrek ?",
                event(&["rencontres", "geotrek"], Tense::Any),
            ),
            (
                "pourriez-vous m'indiquer à quelle date auront lieu les rencontres ?",
                event(&["rencontres"], Tense::Future),
            ),
            (
                "¿qué día empieza la LibOCon?",
                event(&["libocon"], Tense::Any),
            ),
            (
                "what were the dates of geOcom 2024? I couldn't make it that year.",
                event(&["geocom"], Tense::Past),
            ),
            (
                "What's the last day to send an application for the unconf?",
                register(&["unconf"]),
            ),
            (
                "Bonjour, jusqu'à quelle date peut-on profiter du tarif early-bird pour l'EclipseCon ?",
                register(&["eclipsecon"]),
            ),
            (
                "le tarif réduit early bird de l'eclipsecon se termine quand",
                register(&["eclipsecon"]),
            ),
            (
                "il reste combien de temps pour s'inscrire aux rencontres",
                register(&["rencontres"]),
            ),
            (
                "me gustaría apuntarme a la GeoCamp, ¿dónde puedo sacar la entrada?",
                register(&["geocamp"]),
            ),
            (
                "how do i register for the osm fall edit-a-thon",
                register(&["osm", "fall", "editathon"]),
            ),
            ("what commands do you know?", Intent::Help),
            ("quelles commandes comprends-tu ?", Intent::Help),
            ("¿qué comandos tienes?", Intent::Help),
            (
                "donde pregunto dudas al hacklab",
                Intent::Contact {
                    topic: None,
                    words: w(&["dudas", "hacklab"]),
                },
            ),
            // Context before the question: its words do not count against, and the names
            // it gives complete a question that names nothing.
            (
                "I just moved to Seattle and want to meet people. When is the next map summit?",
                next(&["map", "summit"]),
            ),
            (
                "J'hésite encore à venir aux rencontres. Jusqu'à quand peut-on s'inscrire ?",
                register(&["rencontres"]),
            ),
            (
                "is the CFP still open? until when?",
                Intent::Proposals { words: vec![] },
            ),
            // Grants, scholarships and volunteering have deadlines of their own.
            (
                "until when can I apply for a travel grant for KerbConf?",
                Intent::Apply {
                    words: w(&["kerbconf"]),
                },
            ),
            (
                "jusqu'à quand on peut candidater pour une bourse de voyage pour la KerbConf ?",
                Intent::Apply {
                    words: w(&["kerbconf"]),
                },
            ),
            (
                "che, ¿todavía estoy a tiempo de pedir una beca para el Encuentro LatAm?",
                Intent::Apply {
                    words: w(&["latam"]),
                },
            ),
            (
                "Hello, I think I've found a security flaw in geOrchestra. What's the right way to report it?",
                Intent::Contact {
                    topic: Some(Topic::Security),
                    words: w(&["way", "report"]),
                },
            ),
        ] {
            // The names the site's gatherings have.
            let known = |w: &str| {
                [
                    "geocom",
                    "geotrek",
                    "rencontres",
                    "libocon",
                    "unconf",
                    "eclipsecon",
                    "geocamp",
                    "map",
                    "summit",
                ]
                .contains(&w)
            };
            let q = understand_with(question, Language::En, &known);
            assert_eq!(q.intent, intent, "{question}");
        }
    }

    #[test]
    fn towns_named_with_a_capital_or_after_a_preposition() {
        for (question, towns) in [
            ("When's the next Ottawa chapter meetup?", vec!["ottawa"]),
            ("y a-t-il un meetup à québec ?", vec!["quebec"]),
            (
                "¿hay algo en sevilla o en Granada?",
                vec!["sevilla", "granada"],
            ),
            // Not a month, a season, a kind, an acronym or the first word.
            ("Is there a meetup in March or in Spring?", vec![]),
            ("Paris: when is the RSVP deadline?", vec![]),
        ] {
            assert_eq!(towns_named(question), towns, "{question}");
        }
    }

    #[test]
    fn a_season_this_year_in_words_of_three_languages() {
        for (question, first) in [
            ("any workshops this fall?", 9),
            ("what's on in spring?", 3),
            ("des ateliers au printemps ?", 3),
            ("y a quoi de prévu à la rentrée ?", 9),
            ("¿qué talleres hay en verano?", 6),
            ("que talleres hay en valencia esta primavera?", 3),
        ] {
            assert_eq!(
                window(&folded(question)),
                Some(Window::Season(first)),
                "{question}"
            );
        }
        // A season in a gathering's name says which, not when.
        assert_eq!(window(&folded("quand sont les rencontres d'hiver ?")), None);
    }

    /// A gathering named before the question, which asks only how to take part: the verb
    /// of registering names nothing, however close to a word of the site.
    #[test]
    fn a_gathering_named_before_a_question_about_registering() {
        let known = |w: &str| {
            [
                "hackaton",
                "hackathon",
                "sevilla",
                "inscribir",
                "register",
                "lyon",
            ]
            .contains(&w)
        };
        for (question, names) in [
            (
                "el hackatón de Sevilla, ¿hasta cuándo se pueden inscribir?",
                ["hackaton", "sevilla"],
            ),
            (
                "The Lyon hackathon. Until when can we register?",
                ["lyon", "hackathon"],
            ),
        ] {
            let q = understand_with(question, Language::En, &known);
            assert_eq!(
                q.intent,
                Intent::Register { words: w(&names) },
                "{question}"
            );
        }
    }

    #[test]
    fn until_when_a_reduced_price_lasts() {
        let known = |w: &str| ["eclipsecon", "tarif"].contains(&w);
        for question in [
            "Le tarif early-bird de l'EclipseCon est-il encore valable ? Jusqu'à quand ?",
            "c'est quand la deadline pour le early-bird pricing de l'EclipseCon ?",
            "until when is the EclipseCon early bird price valid?",
            "¿hasta cuándo es válida la tarifa early bird de la EclipseCon?",
        ] {
            let q = understand_with(question, Language::En, &known);
            assert_eq!(
                q.intent,
                Intent::Register {
                    words: w(&["eclipsecon"])
                },
                "{question}"
            );
        }
    }

    #[test]
    fn two_common_typos_in_one_question() {
        // "teh" is "the", "onlne" is "online".
        let q = understand_with(
            "is teh March meeting in person or onlne?",
            Language::En,
            &|w: &str| w == "meeting",
        );
        assert!(
            matches!(&q.intent, Intent::Events { words, .. } if *words == w(&["meeting"])),
            "{:?}",
            q.intent
        );
    }

    #[test]
    fn a_help_topic_beside_a_gathering_says_what_it_is_about() {
        for question in [
            "is the docs sprint online? what dates?",
            "le sprint de documentation, c'est en ligne ? quelles dates ?",
            "¿el taller de seguridad es en línea? ¿qué fechas?",
        ] {
            let q = understand_with(question, Language::En, &|_: &str| false);
            assert!(
                !matches!(q.intent, Intent::Contact { .. } | Intent::Help),
                "{question}: {:?}",
                q.intent
            );
        }
        // Where to put a question to people, in each language: the help channels.
        for question in [
            "where can I ask questions?",
            "où est-ce que je peux poser des questions ?",
            "¿dónde puedo hacer preguntas?",
            "Quería saber dónde puedo plantear preguntas a la gente del Hacklab.",
            "¿y si tengo una duda técnica dónde se la pregunto a la comunidad?",
            "¿dónde puedo preguntar?",
        ] {
            let q = understand_with(question, Language::En, &|_: &str| false);
            assert!(
                matches!(q.intent, Intent::Contact { topic: None, .. }),
                "{question}: {:?}",
                q.intent
            );
        }
        // Named apart from a gathering, the topic is still where to ask.
        let q = understand_with("where is the documentation?", Language::En, &|_: &str| {
            false
        });
        assert!(matches!(q.intent, Intent::Contact { .. }), "{:?}", q.intent);
    }

    #[test]
    fn asking_for_exact_dates_asks_for_the_dates() {
        for (exact, plain) in [
            (
                "what are the exact dates of the unconf?",
                "what are the dates of the unconf?",
            ),
            (
                "quelles sont les dates exactes de l'unconf ?",
                "quelles sont les dates de l'unconf ?",
            ),
            (
                "¿cuáles son las fechas exactas de la unconf?",
                "¿cuáles son las fechas de la unconf?",
            ),
        ] {
            let known = |w: &str| w == "unconf";
            assert_eq!(
                understand_with(exact, Language::En, &known).intent,
                understand_with(plain, Language::En, &known).intent,
                "{exact}"
            );
        }
    }

    #[test]
    fn a_question_word_close_to_a_name_does_not_hide_the_context() {
        // On a site about data, "dates" looks like a known word; it still names nothing.
        let known = |w: &str| ["docs", "sprint", "dates", "fechas", "donnees"].contains(&w);
        for (question, name) in [
            ("the docs sprint? what dates?", "sprint"),
            ("le sprint docs ? quelles dates ?", "sprint"),
            ("¿el sprint de docs? ¿qué fechas?", "sprint"),
        ] {
            let q = understand_with(question, Language::En, &known);
            let Intent::Event { words, .. } = &q.intent else {
                panic!("{question}: {:?}", q.intent);
            };
            assert!(words.iter().any(|w| w == name), "{question}: {words:?}");
        }
    }

    #[test]
    fn the_gathering_the_context_names_is_what_a_bare_question_is_about() {
        let known = |w: &str| {
            [
                "package",
                "maintain",
                "labelathon",
                "paquete",
                "paquet",
                "rencontres",
                "lyon",
            ]
            .contains(&w)
        };
        for (question, expected) in [
            (
                "I maintain a small R package and a friend told me about the label-athon. How do I sign up for it?",
                vec!["labelathon"],
            ),
            (
                "Je maintiens un petit paquet R et on m'a parlé des rencontres de Lyon. Comment s'inscrire ?",
                vec!["rencontres", "lyon"],
            ),
            (
                "Mantengo un paquete de R y me hablaron del labelathon. ¿Cómo me inscribo?",
                vec!["labelathon"],
            ),
            // No gathering named: every name the context gives.
            (
                "I maintain a small R package. How do I sign up?",
                vec!["maintain", "package"],
            ),
        ] {
            let q = understand_with(question, Language::En, &known);
            assert_eq!(
                q.intent,
                Intent::Register {
                    words: w(&expected)
                },
                "{question}"
            );
        }
    }

    #[test]
    fn spoken_fillers_of_quebec_and_mexico_name_nothing() {
        let known = |w: &str| ["erableconf", "sprint", "docs", "guadalajara"].contains(&w);
        for (spoken, plain) in [
            (
                "L'ErableConf 2025, c'est quand pis c'est où?",
                "L'ErableConf 2025, c'est quand et c'est où?",
            ),
            (
                "Coudonc, c'est quand l'ErableConf, tsé?",
                "C'est quand l'ErableConf ?",
            ),
            (
                "oye, ¿hasta cuándo hay chance de inscribirse pa'l sprint de docs en Guadalajara?",
                "¿hasta cuándo inscribirse al sprint de docs en Guadalajara?",
            ),
        ] {
            assert_eq!(
                understand_with(spoken, Language::En, &known).intent,
                understand_with(plain, Language::En, &known).intent,
                "{spoken}"
            );
        }
        // Confirming that one comes is registering.
        let q = understand_with(
            "¿dónde confirmo que voy al sprint de Guadalajara?",
            Language::Es,
            &known,
        );
        assert!(
            matches!(q.intent, Intent::Register { .. }),
            "{:?}",
            q.intent
        );
    }
}
