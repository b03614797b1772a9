//! The bot: a message from any network → what to do about it. Decides whether a message
//! is for crieur (a `!command`, "crieur: …", anything in a direct chat), checks organisers
//! by account (a services account on IRC, a user id on Matrix; never a display name), and
//! turns questions into replies. No network I/O: transports carry out the actions.

use crate::answer::Answerer;
use crate::answer::followup::Memory;
use crate::answer::reply::{Line, Reply};
pub use crate::chat::{Incoming, Room, Sender};
use crate::extract::Language;
use chrono::NaiveDateTime;
use std::collections::HashMap;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Say `reply` in `room`, addressing `to` in a shared room.
    Reply {
        room: Room,
        to: Option<String>,
        reply: Reply,
    },
    /// An organiser's command for the core (which owns the store); tell `room` the result.
    Organiser {
        room: Room,
        to: Option<String>,
        lang: Language,
        request: Request,
    },
}

/// What organisers can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Re-read the sites.
    Reindex,
    /// `!announce <when> [rooms] <text>` as written after the command; `author` is the
    /// organiser's account.
    Announce { args: String, author: String },
    /// List pending announcements.
    Announcements,
    /// `!cancel <id>`.
    Cancel { id: String },
}

/// Commands that change what crieur does or says, for organisers only.
const ORGANISER_COMMANDS: &[&str] = &["reindex", "announce", "announcements", "cancel"];

pub struct Bot {
    /// The names members address the bot by ("crieur"), lowercase.
    names: Vec<String>,
    prefix: String,
    organisers: Vec<String>,
    language: Language,
    room_languages: HashMap<String, Language>,
    /// What each member was last told about, for follow-up questions.
    memory: std::sync::Mutex<Memory>,
}

impl Bot {
    pub fn new(names: &[String], prefix: &str, organisers: &[String], language: Language) -> Bot {
        Bot {
            names: names.iter().map(|n| n.to_lowercase()).collect(),
            prefix: prefix.to_string(),
            organisers: organisers.iter().map(|a| a.to_lowercase()).collect(),
            language,
            room_languages: HashMap::new(),
            memory: std::sync::Mutex::default(),
        }
    }

    /// The language of commands in a room (`#georchestra` speaks French).
    pub fn with_room_language(mut self, room: &str, lang: Language) -> Bot {
        self.room_languages.insert(room.to_lowercase(), lang);
        self
    }

    /// Another name the bot answers to (its current nick after a nick change).
    pub fn set_names(&mut self, names: &[String]) {
        self.names = names.iter().map(|n| n.to_lowercase()).collect();
    }

    /// The question in a message, if the message is for the bot: `!next` → `!next`,
    /// "crieur: c'est quand ?" → "c'est quand ?", anything in a direct chat.
    pub fn question(&self, msg: &Incoming) -> Option<String> {
        let text = msg.text.trim();
        if let Some(rest) = text.strip_prefix(self.prefix.as_str()) {
            let word = rest.split(char::is_whitespace).next().unwrap_or("");
            if !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                return Some(format!("!{rest}"));
            }
        }
        for name in &self.names {
            let lower = text.to_lowercase();
            if let Some(rest) = lower.strip_prefix(name.as_str())
                && (rest.starts_with([':', ',', ' ']) || rest.is_empty())
            {
                let rest = &text[text.len() - rest.len()..];
                let rest = rest.trim_start_matches([':', ',']).trim();
                return Some(if rest.is_empty() {
                    "!help".to_string()
                } else {
                    normalise_prefix(rest, &self.prefix)
                });
            }
        }
        msg.room
            .direct
            .then(|| normalise_prefix(text, &self.prefix))
    }

    /// Whether answering needs the sender's account (an organiser command).
    pub fn needs_account(&self, msg: &Incoming) -> bool {
        self.question(msg)
            .is_some_and(|q| organiser_command(&q).is_some())
    }

    pub fn is_organiser(&self, sender: &Sender) -> bool {
        sender.room_organiser
            || sender
                .account
                .as_ref()
                .is_some_and(|a| self.organisers.contains(&a.to_lowercase()))
    }

    /// The language of commands and unclear questions in a room.
    pub fn language_of(&self, room: &Room) -> Language {
        self.room_languages
            .get(&room.id.to_lowercase())
            .copied()
            .unwrap_or(self.language)
    }

    /// What to do about a message.
    pub fn handle(&self, msg: &Incoming, answerer: &Answerer, now: NaiveDateTime) -> Vec<Action> {
        let Some(question) = self.question(msg) else {
            return Vec::new();
        };
        let lang = self.language_of(&msg.room);
        let to = (!msg.room.direct).then(|| msg.sender.name.clone());
        if let Some(command) = organiser_command(&question) {
            if !self.is_organiser(&msg.sender) {
                let reply = Reply::new(lang).line(Line::default().text(refusal(lang)));
                return vec![Action::Reply {
                    room: msg.room.clone(),
                    to,
                    reply,
                }];
            }
            let args = question
                .split_once(char::is_whitespace)
                .map_or("", |(_, rest)| rest)
                .trim()
                .to_string();
            let author = msg.sender.account.clone().unwrap_or_default();
            let request = match command {
                "reindex" => Request::Reindex,
                "announce" => Request::Announce { args, author },
                "announcements" => Request::Announcements,
                _ => Request::Cancel { id: args },
            };
            return vec![Action::Organiser {
                room: msg.room.clone(),
                to,
                lang,
                request,
            }];
        }
        let (room, member) = (&msg.room.id, &msg.sender.name);
        let last = self
            .memory
            .lock()
            .expect("never poisoned: no panic while held")
            .recall(room, member, now)
            .cloned();
        let answered = answerer.answer_after(&question, lang, now, last.as_ref());
        self.memory
            .lock()
            .expect("never poisoned: no panic while held")
            .remember(room, member, answered.about, now);
        let reply = answered.reply;
        vec![Action::Reply {
            room: msg.room.clone(),
            to,
            reply,
        }]
    }
}

/// `?next` with a configured prefix `?` reads as `!next` for the answering core.
fn normalise_prefix(text: &str, prefix: &str) -> String {
    match text.strip_prefix(prefix) {
        Some(rest) if prefix != "!" => format!("!{rest}"),
        _ => text.to_string(),
    }
}

fn organiser_command(question: &str) -> Option<&'static str> {
    let word = question
        .strip_prefix('!')?
        .split_whitespace()
        .next()?
        .to_lowercase();
    ORGANISER_COMMANDS.iter().copied().find(|c| *c == word)
}

fn refusal(lang: Language) -> &'static str {
    match lang {
        Language::Fr => {
            "Désolé, cette commande est réservée aux organisateurs (identifiés par leur compte)."
        }
        Language::Es => {
            "Lo siento, este comando está reservado a los organizadores (identificados por su cuenta)."
        }
        _ => "Sorry, only organisers (known by their account) can do that.",
    }
}

/// Keeps one member from flooding a room: the same question again within a minute is
/// answered once, and beyond a few answers a minute in a shared room the rest go to the
/// member privately. Nothing is dropped silently but exact repeats.
#[derive(Debug)]
pub struct Guard {
    seen: HashMap<String, Vec<Asked>>,
    /// How long a question counts as just asked (zero: never coalesce).
    window: Duration,
    /// Answers per member per window in a shared room (zero: no limit).
    share: usize,
}

impl Default for Guard {
    fn default() -> Guard {
        Guard::new(Duration::from_secs(60), 3)
    }
}

/// A question a member asked in the last minute.
#[derive(Debug)]
struct Asked {
    at: Instant,
    question: String,
    /// A repeat of it was already noted to the member.
    noted: bool,
}

/// What to do with a message, for flood's sake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admit {
    /// Answer where it was asked.
    Here,
    /// Answer, but privately: this member has had their share of the room.
    Privately,
    /// The same question was just answered; `first` is true the first time it repeats.
    Repeat { first: bool },
}

impl Guard {
    /// A guard with a window (coalescing repeats) and a share of a shared room; zeros turn
    /// each off (benchmarks).
    pub fn new(window: Duration, share: usize) -> Guard {
        Guard {
            seen: HashMap::new(),
            window,
            share,
        }
    }

    pub fn admit(&mut self, sender: &str, question: &str, direct: bool, now: Instant) -> Admit {
        if self.window.is_zero() {
            return Admit::Here;
        }
        let question = question.trim().to_lowercase();
        let window = self.window;
        let history = self.seen.entry(sender.to_lowercase()).or_default();
        history.retain(|a| now.duration_since(a.at) < window);
        if let Some(earlier) = history.iter_mut().find(|a| a.question == question) {
            let first = !earlier.noted;
            earlier.noted = true;
            return Admit::Repeat { first };
        }
        let answered = history.len();
        history.push(Asked {
            at: now,
            question,
            noted: false,
        });
        if direct || self.share == 0 || answered < self.share {
            Admit::Here
        } else {
            Admit::Privately
        }
    }

    /// Forgets members who have been quiet for a window (bounded memory).
    pub fn sweep(&mut self, now: Instant) {
        let window = self.window;
        self.seen
            .retain(|_, h| h.iter().any(|a| now.duration_since(a.at) < window));
    }
}

/// The note for a repeated question, said once.
pub fn repeat_note(lang: Language) -> &'static str {
    match lang {
        Language::Fr => {
            "même question, même réponse : voir plus haut (je réponds une fois par minute à une même question)."
        }
        Language::Es => {
            "misma pregunta, misma respuesta: ver arriba (respondo una vez por minuto a una misma pregunta)."
        }
        _ => "same question, same answer: see above (I answer a repeated question once a minute).",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(room: &str, direct: bool, text: &str, account: Option<&str>) -> Incoming {
        Incoming {
            room: Room {
                id: room.into(),
                direct,
            },
            sender: Sender {
                name: "alice".into(),
                account: account.map(str::to_string),
                room_organiser: false,
            },
            text: text.into(),
        }
    }

    fn bot() -> Bot {
        Bot::new(&["crieur".into()], "!", &["Organiser".into()], Language::En)
    }

    #[test]
    fn answers_commands_addresses_and_direct_messages_only() {
        let b = bot();
        assert_eq!(
            b.question(&msg("#c", false, "!next", None)).as_deref(),
            Some("!next")
        );
        assert_eq!(
            b.question(&msg("#c", false, "crieur: c'est quand ?", None))
                .as_deref(),
            Some("c'est quand ?")
        );
        assert_eq!(
            b.question(&msg("#c", false, "Crieur, when?", None))
                .as_deref(),
            Some("when?")
        );
        assert_eq!(
            b.question(&msg("#c", false, "crieur:", None)).as_deref(),
            Some("!help")
        );
        assert_eq!(
            b.question(&msg("#c", false, "when is the next geOcom?", None)),
            None
        );
        assert_eq!(
            b.question(&msg("#c", false, "crieurs are nice", None)),
            None
        );
        assert_eq!(b.question(&msg("#c", false, "! not a command", None)), None);
        assert_eq!(
            b.question(&msg("alice", true, "when?", None)).as_deref(),
            Some("when?")
        );
    }

    #[test]
    fn organisers_are_known_by_account_not_by_name() {
        let b = bot();
        let answerer = Answerer::new(Default::default());
        let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        let by_account = b.handle(
            &msg("#c", false, "!reindex", Some("organiser")),
            &answerer,
            now,
        );
        assert!(matches!(
            by_account[0],
            Action::Organiser {
                request: Request::Reindex,
                ..
            }
        ));
        // Same nick as an organiser, no account: refused.
        let mut impostor = msg("#c", false, "!reindex", None);
        impostor.sender.name = "Organiser".into();
        let refused = b.handle(&impostor, &answerer, now);
        match &refused[0] {
            Action::Reply { reply, .. } => assert!(reply.plain_text().contains("only organisers")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn guard_coalesces_repeats_and_moves_chatty_members_to_private() {
        let mut g = Guard::default();
        let t0 = Instant::now();
        assert_eq!(g.admit("bob", "!next", false, t0), Admit::Here);
        assert_eq!(
            g.admit("bob", "!next", false, t0),
            Admit::Repeat { first: true }
        );
        assert_eq!(
            g.admit("bob", "!NEXT", false, t0),
            Admit::Repeat { first: false }
        );
        assert_eq!(g.admit("bob", "!events", false, t0), Admit::Here);
        assert_eq!(g.admit("bob", "!help", false, t0), Admit::Here);
        assert_eq!(g.admit("bob", "!event geocom", false, t0), Admit::Privately);
        assert_eq!(g.admit("carol", "!next", false, t0), Admit::Here);
        let later = t0 + Duration::from_secs(61);
        assert_eq!(g.admit("bob", "!next", false, later), Admit::Here);
    }
}
