//! The bot: a message from any network → what to do about it, decided once per message
//! and the same way on every network. Decides whether a message is for crieur (a
//! `!command`, "crieur: …", anything in a direct chat), keeps a member from flooding a room
//! (`guard`), checks organisers by account (a services account on IRC, a user id on
//! Matrix; never a display name), and turns questions into replies. No network I/O:
//! transports carry the messages and the actions.

pub mod guard;

use crate::answer::Answerer;
use crate::answer::followup::Memory;
use crate::answer::reply::{Line, Reply};
use crate::chat::Network;
pub use crate::chat::{Incoming, Room, Sender};
use crate::extract::Language;
use crate::status::Status;
use chrono::NaiveDateTime;
pub use guard::{Admit, Guard};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

/// What a message asks of the bot, read once: the question as the answering core reads it
/// (`!next`, "c'est quand ?"), and the organiser command it names, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    command: Option<&'static str>,
}

impl Question {
    /// Whether answering needs the sender's account (an organiser command): a transport
    /// that does not have it yet asks the network before `handle`.
    pub fn needs_account(&self) -> bool {
        self.command.is_some()
    }
}

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
    /// Re-read the config file (rooms, organisers, reminders, sites), as SIGHUP does.
    Reload,
    /// `!announce <when> [rooms] <text>` as written after the command; `author` is the
    /// organiser's account.
    Announce { args: String, author: String },
    /// List pending announcements.
    Announcements,
    /// `!cancel <id>`.
    Cancel { id: String },
}

/// Commands that change what crieur does or says, for organisers only.
const ORGANISER_COMMANDS: &[&str] = &["reindex", "reload", "announce", "announcements", "cancel"];

/// Who organises (their accounts, lowercase) and the language of each room (by room id,
/// lowercase).
struct Roster {
    organisers: Vec<String>,
    room_languages: HashMap<String, Language>,
}

pub struct Bot {
    /// The names members address the bot by ("crieur"), lowercase.
    names: Vec<String>,
    prefix: String,
    language: Language,
    /// Who organises and what each room speaks: the config's, replaced on a reload.
    roster: RwLock<Roster>,
    /// What each member was last told about, for follow-up questions.
    memory: Mutex<Memory>,
    /// Who asked what lately, room by room.
    guard: Mutex<Guard>,
    /// Where answers are counted, and for which network.
    status: Option<(Arc<Status>, Network)>,
}

impl Bot {
    /// A bot no account organises for and whose rooms speak `language`, until
    /// `reconfigure` says otherwise (from the config, at start and on each reload).
    pub fn new(names: &[String], prefix: &str, language: Language) -> Bot {
        Bot {
            names: names.iter().map(|n| n.to_lowercase()).collect(),
            prefix: prefix.to_string(),
            language,
            roster: RwLock::new(Roster {
                organisers: Vec::new(),
                room_languages: HashMap::new(),
            }),
            memory: Mutex::default(),
            guard: Mutex::new(Guard::default()),
            status: None,
        }
    }

    /// How repeats and chatty members are kept in check (the network's settings).
    pub fn with_guard(mut self, guard: Guard) -> Bot {
        self.guard = Mutex::new(guard);
        self
    }

    /// Counts the questions answered on `network` (by intent), the "I don't know" replies
    /// and how long answering took, in `status`.
    pub fn with_status(mut self, status: Arc<Status>, network: Network) -> Bot {
        self.status = Some((status, network));
        self
    }

    /// The network connection was made anew: members may have missed the last answers, so
    /// a question asked again is answered again.
    pub fn reconnected(&self) {
        self.guard
            .lock()
            .expect("never poisoned: no panic while held")
            .clear();
    }

    /// Forgets members who have been quiet for a while (bounded memory).
    pub fn sweep(&self, at: Instant) {
        self.guard
            .lock()
            .expect("never poisoned: no panic while held")
            .sweep(at);
    }

    /// What the config says (at start, and again on each reload): these accounts organise,
    /// and these rooms speak these languages (each replaces the earlier list whole).
    pub fn reconfigure(&self, organisers: &[String], room_languages: &[(String, Language)]) {
        *self
            .roster
            .write()
            .expect("never poisoned: no panic while held") = Roster {
            organisers: organisers.iter().map(|a| a.to_lowercase()).collect(),
            room_languages: room_languages
                .iter()
                .map(|(room, lang)| (room.to_lowercase(), *lang))
                .collect(),
        };
    }

    /// Another name the bot answers to (its current nick after a nick change).
    pub fn set_names(&mut self, names: &[String]) {
        self.names = names.iter().map(|n| n.to_lowercase()).collect();
    }

    /// What a message asks, if it is for the bot: `!next` → `!next`, "crieur: c'est quand
    /// ?" → "c'est quand ?", anything in a direct chat.
    pub fn read(&self, msg: &Incoming) -> Option<Question> {
        let text = self.question(msg)?;
        let command = organiser_command(&text);
        Some(Question { text, command })
    }

    fn question(&self, msg: &Incoming) -> Option<String> {
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

    pub fn is_organiser(&self, sender: &Sender) -> bool {
        sender.room_organiser
            || sender.account.as_ref().is_some_and(|a| {
                self.roster
                    .read()
                    .expect("never poisoned: no panic while held")
                    .organisers
                    .contains(&a.to_lowercase())
            })
    }

    /// The language of commands and unclear questions in a room.
    pub fn language_of(&self, room: &Room) -> Language {
        self.roster
            .read()
            .expect("never poisoned: no panic while held")
            .room_languages
            .get(&room.id.to_lowercase())
            .copied()
            .unwrap_or(self.language)
    }

    /// What to do about a message `read` found for the bot, asked at `at`: its answer, a
    /// note that it was just answered, its answer in private for a member who had their
    /// share of the room, an organiser's command, or a refusal.
    pub fn handle(
        &self,
        msg: &Incoming,
        question: Question,
        answerer: &Answerer,
        now: NaiveDateTime,
        at: Instant,
    ) -> Vec<Action> {
        let lang = self.language_of(&msg.room);
        let mut room = msg.room.clone();
        let mut to = (!room.direct).then(|| msg.sender.name.clone());
        if let Some(command) = question.command {
            // Organiser commands are rare and always get their answer (or their refusal).
            if !self.is_organiser(&msg.sender) {
                let reply = Reply::new(lang).line(Line::default().text(refusal(lang)));
                return vec![Action::Reply { room, to, reply }];
            }
            let args = question
                .text
                .split_once(char::is_whitespace)
                .map_or("", |(_, rest)| rest)
                .trim()
                .to_string();
            let author = msg.sender.account.clone().unwrap_or_default();
            let request = match command {
                "reindex" => Request::Reindex,
                "reload" => Request::Reload,
                "announce" => Request::Announce { args, author },
                "announcements" => Request::Announcements,
                _ => Request::Cancel { id: args },
            };
            return vec![Action::Organiser {
                room,
                to,
                lang,
                request,
            }];
        }
        let admit = {
            let mut guard = self
                .guard
                .lock()
                .expect("never poisoned: no panic while held");
            guard.answering_with(answerer.generation());
            guard.admit(&msg.sender.name, &room.id, &question.text, room.direct, at)
        };
        match admit {
            Admit::Here => {}
            Admit::Privately => {
                room = Room {
                    id: msg.sender.name.clone(),
                    direct: true,
                };
                to = None;
            }
            Admit::Repeat { first: false } => return Vec::new(),
            Admit::Repeat { first: true } => {
                let reply = Reply::new(lang).line(Line::default().text(repeat_note(lang)));
                return vec![Action::Reply { room, to, reply }];
            }
        }
        let member = &msg.sender.name;
        let last = self
            .memory
            .lock()
            .expect("never poisoned: no panic while held")
            .recall(&msg.room.id, member, now)
            .cloned();
        let answered = answerer.answer_after(&question.text, lang, now, last.as_ref());
        if let Some((status, network)) = &self.status {
            status.answered(*network, answered.intent, answered.unknown, at.elapsed());
        }
        self.memory
            .lock()
            .expect("never poisoned: no panic while held")
            .remember(&msg.room.id, member, answered.about, now);
        vec![Action::Reply {
            room,
            to,
            reply: answered.reply,
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
        let b = Bot::new(&["crieur".into()], "!", Language::En);
        b.reconfigure(&["Organiser".into()], &[]);
        b
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

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    /// What the bot does about a message, as a transport would call it.
    /// One answering core for every question, as between two readings of the sites.
    static ANSWERER: std::sync::LazyLock<Answerer> =
        std::sync::LazyLock::new(|| Answerer::new(Default::default()));

    fn handle(b: &Bot, m: &Incoming, at: Instant) -> Vec<Action> {
        let q = b.read(m).expect("a message for the bot");
        b.handle(m, q, &ANSWERER, now(), at)
    }

    #[test]
    fn organisers_are_known_by_account_not_by_name() {
        let b = bot();
        let at = Instant::now();
        let by_account = handle(&b, &msg("#c", false, "!reindex", Some("organiser")), at);
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
        match &handle(&b, &impostor, at)[0] {
            Action::Reply { reply, .. } => assert!(reply.plain_text().contains("only organisers")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_reload_changes_who_organises_and_what_rooms_speak() {
        let b = bot();
        let at = Instant::now();
        let asks = |b: &Bot, account: &str| {
            handle(b, &msg("#c", false, "!reload", Some(account)), at)
                .into_iter()
                .next()
        };
        assert!(matches!(
            asks(&b, "organiser"),
            Some(Action::Organiser {
                request: Request::Reload,
                ..
            })
        ));
        assert!(matches!(asks(&b, "newcomer"), Some(Action::Reply { .. })));
        b.reconfigure(
            &["NewComer".to_string()],
            &[("#C".to_string(), Language::Es)],
        );
        assert!(matches!(
            asks(&b, "newcomer"),
            Some(Action::Organiser {
                lang: Language::Es,
                ..
            })
        ));
        match asks(&b, "organiser") {
            Some(Action::Reply { reply, .. }) => {
                assert!(reply.plain_text().contains("reservado a los organizadores"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_repeat_is_noted_once_in_the_rooms_language_and_a_chatty_member_answered_privately() {
        let b = bot();
        b.reconfigure(&["Organiser".into()], &[("#fr".into(), Language::Fr)]);
        let at = Instant::now();
        let said = |actions: Vec<Action>| -> Vec<(String, Option<String>, String)> {
            actions
                .into_iter()
                .map(|a| match a {
                    Action::Reply { room, to, reply } => (room.id, to, reply.plain_text()),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let first = said(handle(&b, &msg("#fr", false, "!help", None), at));
        assert_eq!(first[0].0, "#fr");
        let note = said(handle(&b, &msg("#fr", false, "!HELP", None), at));
        assert_eq!(
            note,
            [(
                "#fr".to_string(),
                Some("alice".to_string()),
                repeat_note(Language::Fr).to_string()
            )]
        );
        assert!(said(handle(&b, &msg("#fr", false, "!help", None), at)).is_empty());
        // Three answers a minute in a room, then in private.
        said(handle(&b, &msg("#fr", false, "!next", None), at));
        said(handle(&b, &msg("#fr", false, "!events", None), at));
        let private = said(handle(&b, &msg("#fr", false, "!about", None), at));
        assert_eq!(
            (private[0].0.as_str(), private[0].1.as_deref()),
            ("alice", None)
        );
        // Organiser commands always get their answer.
        let refused = said(handle(&b, &msg("#fr", false, "!reindex", None), at));
        assert_eq!(refused[0].0, "#fr");
        // The sites were read again: the same question may have a new answer, in the room.
        let reread = Answerer::new(Default::default());
        let ask = msg("#fr", false, "!help", None);
        let again = said(b.handle(&ask, b.read(&ask).unwrap(), &reread, now(), at));
        assert_eq!(
            (again[0].0.as_str(), again[0].1.as_deref()),
            ("#fr", Some("alice"))
        );
        assert_ne!(again[0].2, repeat_note(Language::Fr));
    }
}
