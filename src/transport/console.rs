//! The terminal: `crieur chat` reads a line, answers it as a channel would see it (IRC
//! limits), and goes on until Ctrl-D. Line editing and history come from rustyline; piped
//! input works too.

use crate::answer::Answerer;
use crate::answer::reply::Limits;
use crate::extract::Language;
use chrono::NaiveDateTime;
use rustyline::error::ReadlineError;
use std::io::Write;

/// Runs the interactive session; `now` gives the local time for each question.
pub fn chat(
    answerer: &Answerer,
    default: Language,
    now: impl Fn() -> NaiveDateTime,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let mut editor = rustyline::DefaultEditor::new()?;
    // The terminal is one member in one room: follow-ups are about the last answer.
    let mut memory = crate::answer::followup::Memory::default();
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
                let now = now();
                let last = memory.recall("terminal", "you", now).cloned();
                let answered = answerer.answer_after(line, default, now, last.as_ref());
                memory.remember("terminal", "you", answered.about, now);
                for l in answered.reply.plain(Limits::IRC) {
                    writeln!(out, "{l}")?;
                }
                out.flush()?;
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return Ok(()),
            Err(e) => return Err(e.into()),
        }
    }
}
