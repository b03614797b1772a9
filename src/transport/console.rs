//! The terminal: `crieur chat` reads a line, answers it as a channel would see it (IRC
//! limits), and goes on until Ctrl-D. Line editing and history come from rustyline; piped
//! input works too.

use crate::answer::Answerer;
use crate::answer::reply::Limits;
use crate::bot::{Action, Bot, Guard};
use crate::chat::{Incoming, Room, Sender};
use crate::extract::Language;
use chrono::NaiveDateTime;
use rustyline::error::ReadlineError;
use std::io::Write;
use std::time::Instant;

/// Runs the interactive session; `now` gives the local time for each question.
pub fn chat(
    answerer: &Answerer,
    default: Language,
    now: impl Fn() -> NaiveDateTime,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let mut editor = rustyline::DefaultEditor::new()?;
    // The terminal is one member in a direct chat with the bot, who decides as on any
    // network; it never holds back a repeated question.
    let bot = Bot::new(&["crieur".to_string()], "!", default)
        .with_guard(Guard::new(std::time::Duration::ZERO, 0));
    writeln!(
        out,
        "crieur: ask about the community's events, or type !help. Ctrl-D quits."
    )?;
    loop {
        match editor.readline("> ") {
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(line);
                let msg = Incoming {
                    room: Room {
                        id: "terminal".to_string(),
                        direct: true,
                    },
                    sender: Sender {
                        name: "you".to_string(),
                        account: None,
                        room_organiser: false,
                    },
                    text: line.to_string(),
                };
                let Some(question) = bot.read(&msg) else {
                    continue;
                };
                let actions = bot.handle(&msg, question, answerer, now(), Instant::now());
                for action in actions {
                    // Nobody organises from the terminal: commands get the refusal.
                    if let Action::Reply { reply, .. } = action {
                        for l in reply.plain(Limits::IRC) {
                            writeln!(out, "{l}")?;
                        }
                    }
                }
                out.flush()?;
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return Ok(()),
            Err(e) => return Err(e.into()),
        }
    }
}
