//! `crieur preview`: what crieur reads in posts before they are published (gatherings,
//! their dates, times and places, deadlines, the registration link) and the reminders it
//! would post, with their times. For a site's own CI, it also names the posts that look
//! like announcements (a gathering word in the title) yet give no date crieur can read.

use crate::answer::catalog::Catalog;
use crate::answer::format;
use crate::chat::Network;
use crate::extract::{Language, sentence, token};
use crate::schedule::{self, Settings, Target};
use crate::store::StoredPost;
use crate::store::outbox::Announcement;
use chrono::{DateTime, Utc};
use std::fmt::Write;

/// What a preview shows, and the posts that look like announcements but give no date.
pub struct Preview {
    pub text: String,
    pub undated: Vec<String>,
}

/// The preview of `posts` (already extracted), reminders planned as `settings` say from
/// `now` on, in `lang`, and the announcements the config schedules.
pub fn preview(
    posts: &[StoredPost],
    announcements: &[Announcement],
    lang: Language,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Preview {
    let mut text = String::new();
    let mut undated = Vec::new();
    for p in posts {
        let (post, x) = (&p.post, &p.extraction);
        let _ = writeln!(text, "{}: {}", post.file, post.title);
        for e in &x.events {
            let mut line = format!(
                "  {} {}: {}",
                if e.primary { "gathering" } else { "also" },
                e.title,
                format::days(e.start, e.end, e.precision, lang)
            );
            if let Some(t) = e.start_time {
                let _ = write!(line, ", {}", format::time(t, lang));
                if let Some(end) = e.end_time {
                    let _ = write!(line, "–{}", format::time(end, lang));
                }
            }
            if let Some(place) = &e.place {
                let _ = write!(line, ", {place}");
            }
            if e.cancelled {
                line.push_str(" (cancelled)");
            }
            let _ = writeln!(text, "{line}");
        }
        for d in &x.deadlines {
            let kind = format!("{:?}", d.kind).to_lowercase();
            let _ = writeln!(text, "  deadline ({kind}): {}", format::date(d.date, lang));
        }
        if let Some(url) = &x.registration_url {
            let _ = writeln!(text, "  register: {url}");
        }
        if x.events.is_empty() {
            if announces(&post.title) {
                undated.push(post.file.clone());
                let _ = writeln!(
                    text,
                    "  no date found, though the title names a gathering: write its date in the text (\"le 12 mars 2027\", \"March 12, 2027\") or in the front matter"
                );
            } else {
                let _ = writeln!(text, "  no gathering");
            }
        }
    }
    let catalog = Catalog::build(posts, &[]);
    let target = Target {
        network: Network::Irc,
        room: "each announce room".to_string(),
        lang,
    };
    let mut planned: Vec<_> = schedule::plan(&catalog, settings, std::slice::from_ref(&target))
        .into_iter()
        .filter(|p| p.at >= now)
        .collect();
    planned.sort_by_key(|p| p.at);
    let _ = writeln!(text, "\nreminders crieur would post in {}:", target.room);
    if planned.is_empty() {
        let _ = writeln!(text, "  none");
    }
    for p in &planned {
        let at = p.at.with_timezone(&settings.zone);
        let said = schedule::render(p, &catalog, p.at, settings.zone)
            .and_then(|r| r.plain_text().lines().next().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(text, "  {}: {said}", at.format("%Y-%m-%d %H:%M %Z"));
    }
    let coming: Vec<&Announcement> = announcements
        .iter()
        .filter(|a| !a.cancelled && (a.weekly.is_some() || a.at >= now))
        .collect();
    if !coming.is_empty() {
        let _ = writeln!(text, "\nannouncements the config schedules:");
    }
    for a in coming {
        let rooms: Vec<&str> = a.rooms.iter().map(|(_, r)| r.as_str()).collect();
        let when = match a.weekly {
            Some((day, time)) => format!("every {day} {}", time.format("%H:%M")),
            None => {
                a.at.with_timezone(&settings.zone)
                    .format("%Y-%m-%d %H:%M %Z")
                    .to_string()
            }
        };
        let _ = writeln!(text, "  {when} in {}: {}", rooms.join(", "), a.text);
    }
    Preview { text, undated }
}

/// Whether a title names a gathering ("Community meeting 2027", "Rencontres Geotrek").
fn announces(title: &str) -> bool {
    let mut folded = String::new();
    let tokens = token::tokenize(title, &mut folded);
    sentence::has_gathering_noun(&sentence::words(&tokens))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_announcements_to_come_with_their_local_times() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let once = |text: &str, when: &str| Announcement {
            id: 1,
            text: text.to_string(),
            at: at(when),
            rooms: vec![(Network::Irc, "#c".to_string())],
            author: None,
            weekly: None,
            cancelled: false,
        };
        let settings = Settings::default();
        let shown = preview(
            &[],
            &[
                once("Sprint tomorrow", "2026-03-02T08:00:00Z"),
                once("Long gone", "2026-01-02T08:00:00Z"),
            ],
            Language::En,
            at("2026-03-01T08:00:00Z"),
            &settings,
        );
        assert!(
            shown
                .text
                .contains("  2026-03-02 09:00 CET in #c: Sprint tomorrow"),
            "{}",
            shown.text
        );
        assert!(!shown.text.contains("Long gone"), "{}", shown.text);
    }

    #[test]
    fn a_title_naming_a_gathering_announces_one() {
        assert!(announces("Community meeting 2027"));
        assert!(announces("Rencontres Geotrek"));
        assert!(!announces("Release 24.0 is out"));
    }
}
