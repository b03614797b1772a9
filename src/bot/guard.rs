//! Keeps one member from flooding a room: the same question again within a window is
//! answered once, and beyond a few answers a window in a shared room the rest go to the
//! member privately. Nothing is dropped silently but exact repeats.

use std::collections::HashMap;
use std::time::{Duration, Instant};

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
    /// The answering core the questions were answered by.
    core: Option<u64>,
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
    room: String,
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
            core: None,
        }
    }

    /// Questions are answered by core `generation` now: if the sites were read again since
    /// the last question, a repeat may have a new answer, so nothing counts as just asked.
    pub fn answering_with(&mut self, generation: u64) {
        if self.core.replace(generation) != Some(generation) {
            self.seen.clear();
        }
    }

    /// What to do with `question` from `sender` in `room` (a repeat is one in the same room:
    /// "see above" means nothing in another).
    pub fn admit(
        &mut self,
        sender: &str,
        room: &str,
        question: &str,
        direct: bool,
        now: Instant,
    ) -> Admit {
        if self.window.is_zero() {
            return Admit::Here;
        }
        let question = question.trim().to_lowercase();
        let window = self.window;
        let history = self.seen.entry(sender.to_lowercase()).or_default();
        history.retain(|a| now.duration_since(a.at) < window);
        if let Some(earlier) = history
            .iter_mut()
            .find(|a| a.question == question && a.room == room)
        {
            let first = !earlier.noted;
            earlier.noted = true;
            return Admit::Repeat { first };
        }
        let answered = history.len();
        history.push(Asked {
            at: now,
            room: room.to_string(),
            question,
            noted: false,
        });
        if direct || self.share == 0 || answered < self.share {
            Admit::Here
        } else {
            Admit::Privately
        }
    }

    /// Forgets every member's questions.
    pub fn clear(&mut self) {
        self.seen.clear();
    }

    /// Forgets members who have been quiet for a window (bounded memory).
    pub fn sweep(&mut self, now: Instant) {
        let window = self.window;
        self.seen
            .retain(|_, h| h.iter().any(|a| now.duration_since(a.at) < window));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_coalesces_repeats_and_moves_chatty_members_to_private() {
        let mut g = Guard::default();
        let t0 = Instant::now();
        assert_eq!(g.admit("bob", "#c", "!next", false, t0), Admit::Here);
        assert_eq!(
            g.admit("bob", "#c", "!next", false, t0),
            Admit::Repeat { first: true }
        );
        assert_eq!(
            g.admit("bob", "#c", "!NEXT", false, t0),
            Admit::Repeat { first: false }
        );
        assert_eq!(g.admit("bob", "#c", "!events", false, t0), Admit::Here);
        assert_eq!(g.admit("bob", "#c", "!help", false, t0), Admit::Here);
        assert_eq!(
            g.admit("bob", "#c", "!event geocom", false, t0),
            Admit::Privately
        );
        assert_eq!(g.admit("carol", "#c", "!next", false, t0), Admit::Here);
        // The same question in another room was not answered there: it is now.
        assert_eq!(g.admit("carol", "#d", "!next", false, t0), Admit::Here);
        let later = t0 + Duration::from_secs(61);
        assert_eq!(g.admit("bob", "#c", "!next", false, later), Admit::Here);
    }
}
