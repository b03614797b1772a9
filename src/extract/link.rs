//! The registration link of a post: the link whose text, sentence or section speaks of
//! registering, with a bonus for addresses that look like forms or ticket offices.

use super::sentence;
use super::token::tokenize;
use crate::lexicon;
use crate::post::{Block, BlockKind};

/// Picks the registration link among the post's blocks (title excluded), if any.
pub fn registration<'a>(
    blocks: impl Iterator<Item = &'a Block>,
    post_url: Option<&str>,
) -> Option<String> {
    best(blocks, post_url).map(|(_, url)| url)
}

/// Whether a link is plainly a registration form, worth giving even when the post's
/// gathering was not understood: its sentence or text says to register, and it points to
/// a form or a ticket office.
pub fn is_plain_form(score: i32, url: &str) -> bool {
    score >= 3 && looks_like_form(url)
}

/// The best registration link and its score.
pub fn best<'a>(
    blocks: impl Iterator<Item = &'a Block>,
    post_url: Option<&str>,
) -> Option<(i32, String)> {
    let mut best: Option<(i32, String)> = None;
    let mut under_registration_heading = false;
    for block in blocks {
        let heading = matches!(block.kind, BlockKind::Heading(_));
        if heading {
            under_registration_heading = mentions_registration(&block.text);
        }
        if matches!(block.kind, BlockKind::Title | BlockKind::Code) {
            continue;
        }
        for link in &block.links {
            if !is_candidate(&link.url, post_url) {
                continue;
            }
            let around = sentence_around(&block.text, link.start, link.end);
            let mut score = 0;
            if mentions_registration(&link.text) {
                score += 3;
            }
            if mentions_registration(around) {
                score += 2;
            }
            if under_registration_heading && !heading {
                score += 1;
            }
            if looks_like_form(&link.url) {
                score += 1;
            }
            if names_something_else(&link.text) {
                score -= 2;
            }
            // A site's front page is where to find the form, not the form (a ticket
            // office's page for the event is the form).
            if is_front_page(&link.url) && !looks_like_form(&link.url) {
                score -= 1;
            }
            if is_giveaway(around) {
                score -= 3;
            }
            if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, link.url.clone()));
            }
        }
    }
    best
}

fn is_candidate(url: &str, post_url: Option<&str>) -> bool {
    let lower = url.to_ascii_lowercase();
    let image = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"]
        .iter()
        .any(|e| lower.ends_with(e));
    !(lower.starts_with("mailto:") || image || Some(url) == post_url)
}

fn mentions_registration(text: &str) -> bool {
    let tokens = tokenize(text);
    let words = sentence::words(&tokens);
    let l = lexicon::all();
    let registering = |w: &&str| {
        (l.registration.iter().any(|s| w.starts_with(s))
            || l.registration_links.iter().any(|s| w.starts_with(s)))
            && !l.not_registration.iter().any(|s| w.starts_with(s))
    };
    words.iter().any(registering) || sentence::has_any_phrase(&words, l.registration_phrases)
}

fn is_giveaway(text: &str) -> bool {
    let tokens = tokenize(text);
    sentence::has_any_phrase(&sentence::words(&tokens), lexicon::all().giveaways)
}

/// An address with no path: a site's front page.
fn is_front_page(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| u.path().trim_matches('/').is_empty() && u.query().is_none())
}

/// The sentence of `text` that holds bytes `start..end`, looking at most `REACH` bytes
/// each way (a block of thousands of links must not be read once per link).
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    const REACH: usize = 400;
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let before = text[from..start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |i| from + i + 1);
    let after = text[end..to]
        .find(['.', '!', '?', '\n'])
        .map_or(to, |i| end + i);
    &text[before..after]
}

/// Link texts that name another thing than a form: a map, photos, slides, a programme.
fn names_something_else(text: &str) -> bool {
    let tokens = tokenize(text);
    let words = sentence::words(&tokens);
    !sentence::has_stem(&words, lexicon::all().registration)
        && sentence::has_stem(
            &words,
            &[
                "map", "carte", "mapa", "photo", "foto", "slide", "diapo", "video", "pdf",
                "twitter", "mastodon", "youtube",
            ],
        )
}

/// Form and ticketing services, and paths that say "register".
fn looks_like_form(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    [
        "form",
        "inscri",
        "regist",
        "ticket",
        "billet",
        "helloasso",
        "eventbrite",
        "pretix",
        "weezevent",
        "framadate",
        "meetup.com",
        "indico",
        "lu.ma",
        "tito.io",
        "signup",
        "sign-up",
        "rsvp",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::{Markup, read};

    fn pick(md: &str) -> Option<String> {
        let doc = read(md, Markup::Markdown, None);
        registration(doc.blocks.iter(), None)
    }

    #[test]
    fn takes_the_link_about_registering() {
        let md = "## Register\n\nRegistration is required: [this form](https://forms.example/x). \
                  Thank you to complete [the map of participants](https://umap.example/m) after your registration.";
        assert_eq!(pick(md).as_deref(), Some("https://forms.example/x"));
    }

    #[test]
    fn reads_french_and_spanish() {
        assert_eq!(
            pick("Merci de vous préinscrire : [s'inscrire](https://grist.example/forms/1).")
                .as_deref(),
            Some("https://grist.example/forms/1")
        );
        assert_eq!(
            pick(
                "Encontrarán el formulario de inscripción en [la página](https://x.example/es/p/)."
            )
            .as_deref(),
            Some("https://x.example/es/p/")
        );
    }

    #[test]
    fn ignores_posts_without_registration() {
        assert_eq!(
            pick(
                "See [the release notes](https://x.example/notes) and [docs](https://x.example/d)."
            ),
            None
        );
        assert_eq!(pick("Write to [us](mailto:a@b.org) to register."), None);
    }
}
