//! The registration link of a post: the link whose text, sentence or section speaks of
//! registering, with a bonus for addresses that look like forms or ticket offices.

use super::token::{Kind, Token, tokenize};
use super::{label, sentence};
use crate::lexicon;
use crate::post::{Block, BlockKind};
use crate::word_set;

/// Picks the registration link among the post's blocks (title excluded), if any.
pub fn registration<'a>(
    blocks: impl Iterator<Item = &'a Block>,
    post_url: Option<&str>,
) -> Option<String> {
    let blocks: Vec<&Block> = blocks.collect();
    let mut folds: Vec<String> = vec![String::new(); blocks.len()];
    let tokens: Vec<Vec<Token<'_>>> = blocks
        .iter()
        .zip(folds.iter_mut())
        .map(|(b, f)| tokenize(&b.text, f))
        .collect();
    let sentences: Vec<_> = tokens.iter().map(|t| sentence::bounds(t)).collect();
    best(&blocks, &tokens, &sentences, post_url, true).map(|(_, url)| url)
}

/// Whether a link is plainly a registration form, worth giving even when the post's
/// gathering was not understood: its sentence or text says to register, and it points to
/// a form or a ticket office.
pub fn is_plain_form(score: i32, url: &str) -> bool {
    score >= 3 && looks_like_form(url)
}

/// Whether a block links to what looks like a form or a ticket office, in a link or an
/// address written bare.
pub fn any_form<B: std::borrow::Borrow<Block>>(blocks: &[B], tokens: &[Vec<Token<'_>>]) -> bool {
    let linked = blocks
        .iter()
        .any(|b| b.borrow().links.iter().any(|l| looks_like_form(&l.url)));
    linked
        || tokens
            .iter()
            .flatten()
            .any(|t| t.kind == Kind::Url && looks_like_form(t.text))
}

/// How many tokens either side of a link say what it is for.
const NEAR: usize = 20;
/// How many tokens before a link may hold the verb whose object it is ("register at").
const VERB: usize = 4;

/// The best registration link and its score, from the blocks, their tokens and sentences.
/// `upcoming`: the post's gatherings were still to come when it was written (a report's
/// links to event pages are not registrations).
pub fn best<B: std::borrow::Borrow<Block>>(
    blocks: &[B],
    tokens: &[Vec<Token<'_>>],
    sentences: &[Vec<(usize, usize)>],
    post_url: Option<&str>,
    upcoming: bool,
) -> Option<(i32, String)> {
    let mut best: Option<(i32, String)> = None;
    let mut under_registration_heading = false;
    let mut under_other_heading = false;
    let others = lexicon::all().other_objects;
    for ((block, toks), sentences) in blocks.iter().map(|b| b.borrow()).zip(tokens).zip(sentences) {
        let heading = matches!(block.kind, BlockKind::Heading(_));
        if heading {
            let words = sentence::words(toks);
            under_registration_heading = mentions_registration(&words);
            under_other_heading = sentence::has_stem(&words, others);
        }
        if matches!(block.kind, BlockKind::Title | BlockKind::Code) {
            continue;
        }
        // Addresses written bare in the text ("how to register at https://…") are links too.
        // Links come in the order of the text: the one that may hold a token is found by
        // binary search, so that a block of many links stays linear.
        let in_link = |t: &Token<'_>| {
            let k = block.links.partition_point(|l| l.start <= t.start);
            k > 0 && block.links[k - 1].end >= t.end
        };
        let bare: Vec<crate::post::Link> = toks
            .iter()
            .filter(|t| t.kind == Kind::Url && t.text.starts_with("http"))
            .filter(|t| !in_link(t))
            .map(|t| {
                let url = t.text.trim_end_matches(['.', ',', ';', ':', ')']);
                crate::post::Link {
                    text: url.to_string(),
                    url: url.to_string(),
                    start: t.start,
                    end: t.start + url.len(),
                }
            })
            .collect();
        // A labelled line: "Comment s'inscrire ? En réservant sur [Event Brite](…)",
        // "Inscripción: [aquí](…)".
        let labelled = label_words(toks).is_some_and(|w| mentions_registration(&w));
        for link in block.links.iter().chain(&bare) {
            if !is_candidate(&link.url, post_url) {
                continue;
            }
            // The link's own words, and those of its sentence, from the block's tokens.
            let first = toks.partition_point(|t| t.start < link.start);
            let last = toks.partition_point(|t| t.end <= link.end).max(first);
            let text_words = sentence::words(&toks[first..last]);
            // Signing up for a user account is not taking a seat.
            if sentence::has_stem(&text_words, lexicon::all().accounts) {
                continue;
            }
            // The words near the link in its sentence: a long list item holds other links.
            let at = sentences.partition_point(|(s, _)| *s <= first);
            let own = at
                .checked_sub(1)
                .map(|k| sentences[k])
                .filter(|&(s, e)| first < e.max(s + 1));
            let around = own
                .map(|(s, e)| {
                    let from = first.saturating_sub(NEAR).max(s);
                    let to = (last + NEAR).min(e);
                    sentence::words(&toks[from..to.max(from)])
                })
                .unwrap_or_default();
            // The words just before the link: "register at https://…", "inscriptions sur …".
            let before = own
                .map(|(s, _)| sentence::words(&toks[first.saturating_sub(VERB).max(s)..first]))
                .unwrap_or_default();
            let form = looks_like_form(&link.url);
            let mut score = 0;
            if mentions_registration(&text_words) {
                score += 3;
            }
            if mentions_registration(&around) || labelled {
                score += 2;
            }
            // The link is what the verb acts on: where to register, even a site's front page.
            if mentions_registration(&before) {
                score += 1;
            }
            if under_registration_heading && !heading {
                score += 1;
            }
            if form {
                score += 1;
            }
            // An event's page at a ticket office is its registration when its link is a
            // button (an embedded button often says only the office's name) and the text
            // gives it no other purpose ("see the meetup page for details").
            if upcoming
                && is_ticket_office_event(&link.url)
                && is_button(&text_words, &link.url)
                && !sentence::has_stem(&around, lexicon::all().info_links)
            {
                score += 1;
            }
            // What follows only lowers the score: a link that cannot win is left here.
            if score < 2 || best.as_ref().is_some_and(|(s, _)| score <= *s) {
                continue;
            }
            if names_something_else(&text_words) || is_quoted_title(&toks[first..last]) {
                score -= 2;
            }
            // A site's front page is where to find the form, not the form (a ticket
            // office's page for the event is the form).
            if !form && is_front_page(&link.url) {
                score -= 1;
            }
            // A form for travel grants or volunteers is not where to register to attend.
            let lower = link.url.to_ascii_lowercase();
            if under_other_heading
                || sentence::has_stem(&around, others)
                || others.iter().any(|o| lower.contains(o))
            {
                score -= 3;
            }
            // A draw's form is never the registration.
            if sentence::has_any_phrase(&around, lexicon::all().giveaways) {
                score -= 5;
            }
            if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, link.url.clone()));
            }
        }
    }
    best
}

/// The words of a line's label: those before a ":" or a "?" among its first tokens.
fn label_words<'a>(toks: &'a [Token<'a>]) -> Option<Vec<&'a str>> {
    let end = toks.iter().take(8).position(label::ends_label)?;
    (end > 0).then(|| sentence::words(&toks[..end]))
}

fn is_candidate(url: &str, post_url: Option<&str>) -> bool {
    let lower = url.to_ascii_lowercase();
    let image = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"]
        .iter()
        .any(|e| lower.ends_with(e));
    !(lower.starts_with("mailto:") || image || Some(url) == post_url)
}

fn mentions_registration(words: &[&str]) -> bool {
    let l = lexicon::all();
    let stems = word_set!(l.registration, l.registration_links);
    let not = word_set!(l.not_registration);
    let registering = |w: &str| stems.has_prefix_of(w) && !not.has_prefix_of(w);
    // "no account, no sign-up, just turn up", "sans inscription", "pas d'inscription", "no
    // hace falta inscribirse": registering denied is no registration. Only the word just
    // before denies it: "no olvides inscribirte" asks to register.
    let denied = |k: usize| {
        let before = |n: usize| k.checked_sub(n).map(|i| words[i]);
        let elided = before(1) == Some("d");
        before(1 + usize::from(elided)).is_some_and(|w| l.negations.contains(&w))
            || sentence::has_any_phrase(&words[k.saturating_sub(5)..k], l.needless)
    };
    (0..words.len()).any(|k| registering(words[k]) && !denied(k))
        || sentence::phrase_position(words, l.registration_phrases).is_some_and(|k| !denied(k))
        || fills_form(words)
}

/// A request to fill in a form, a few words apart ("rellena también este formulario",
/// "merci de remplir ce court formulaire", "please fill in this form"), unless the form is
/// for proposals or for something else than attending (applying, contact, a survey).
fn fills_form(words: &[&str]) -> bool {
    let l = lexicon::all();
    let fill = word_set!(l.fill_verbs);
    let forms = word_set!(l.form_nouns);
    words.iter().enumerate().any(|(i, w)| {
        fill.has_prefix_of(w) && words[i + 1..].iter().take(4).any(|n| forms.contains(n))
    }) && !sentence::has_stem(words, l.proposal)
        && !sentence::has_stem(words, l.other_forms)
}

/// A link whose text only points ("ici", "here"), is its address, or names the site it
/// leads to ("Eventbrite - Jornadas 2015"): a button, which its address explains.
fn is_button(text_words: &[&str], url: &str) -> bool {
    let pointers = word_set!(lexicon::all().pointers);
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    text_words.iter().all(|w| pointers.contains(w))
        || text_words
            .iter()
            .any(|w| w.len() > 3 && host.split('.').any(|part| part == *w))
}

/// Ticket offices (Eventbrite aside: it has a domain per country; Meetup aside: its pages
/// are groups' as well as events').
const OFFICES: [&str; 8] = [
    "pretix.eu",
    "weezevent.com",
    "helloasso.com",
    "billetweb.fr",
    "tito.io",
    "ti.to",
    "lu.ma",
    "yurplan.com",
];

/// A page of one event at a ticket office or an event platform: a path, not the front page.
fn is_ticket_office_event(url: &str) -> bool {
    // Most links are to no ticket office: turned away before the address is parsed.
    let lower = url.to_ascii_lowercase();
    if !(lower.contains("eventbrite")
        || lower.contains("meetup.com")
        || OFFICES.iter().any(|site| lower.contains(site)))
    {
        return false;
    }
    let Ok(u) = url::Url::parse(url) else {
        return false;
    };
    let host = u.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = u.path().trim_matches('/');
    let on = |site: &str| host == site || host.ends_with(&format!(".{site}"));
    // Eventbrite has a domain per country (eventbrite.es, eventbrite.co.uk).
    let office = host.split('.').any(|label| label == "eventbrite") || OFFICES.into_iter().any(on);
    let meetup_event = on("meetup.com") && path.contains("/events/");
    (office && !path.is_empty()) || meetup_event
}

/// An address with no path: a site's front page.
fn is_front_page(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| u.path().trim_matches('/').is_empty() && u.query().is_none())
}

/// A link text in quotation marks is the title of a talk, a paper or an article
/// ("[\"Efficient Data Analysis with data.table\"](…) (pre-registration required)").
fn is_quoted_title(text: &[Token<'_>]) -> bool {
    let quote =
        |t: &Token<'_>| t.kind == Kind::Sym && matches!(t.text, "\"" | "«" | "»" | "“" | "”");
    text.len() > 2 && text.first().is_some_and(quote) && text.last().is_some_and(quote)
}

/// Link texts that name another thing than a form: a map, photos, slides, a programme.
fn names_something_else(words: &[&str]) -> bool {
    !mentions_registration(words)
        && sentence::has_stem(
            words,
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
        || registers(&lower)
}

/// An address that says "register" (register, registration, registro), not "registry",
/// "registries", "registrar" or "registered": a registry is a record, not a form.
fn registers(lower: &str) -> bool {
    lower.match_indices("regist").any(|(i, _)| {
        let rest = &lower[i + "regist".len()..];
        !["ry", "ri", "rar", "ered"]
            .iter()
            .any(|r| rest.starts_with(r))
    })
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
    fn reads_a_labelled_line_and_passes_over_a_draw() {
        let md = "- **Où ?** SupInfo, Paris\n- **Comment s’inscrire ?** En réservant votre place sur [Event Brite](https://x.eventbrite.com/)";
        assert_eq!(pick(md).as_deref(), Some("https://x.eventbrite.com/"));
        let md = "Deux places à offrir : [inscrivez-vous au tirage au sort](https://docs.example/forms/1).\n\n\
                  Il reste des places, venez vite vous inscrire [ici](https://tickets.example/x).";
        assert_eq!(pick(md).as_deref(), Some("https://tickets.example/x"));
    }

    #[test]
    fn reads_a_request_to_fill_in_a_form() {
        for md in [
            "Para llevar un control de la asistencia, rellena también este [formulario](https://docs.example/f/1).",
            "Merci de [remplir ce court formulaire](https://docs.example/f/1) avant de venir.",
            "Please [fill in this short form](https://docs.example/f/1) so we can plan the room.",
        ] {
            assert_eq!(
                pick(md).as_deref(),
                Some("https://docs.example/f/1"),
                "{md}"
            );
        }
        // A form for talk proposals is not the registration.
        let md = "Fill in [the form](https://docs.example/f/2) to send your talk proposal.";
        assert_eq!(pick(md), None);
    }

    #[test]
    fn an_event_page_at_a_ticket_office_is_its_registration() {
        // An embedded button: its text names only the office.
        let md = "Las jornadas serán el sábado.\n\n\
                  [Eventbrite - Jornadas 2015](https://www.eventbrite.es/e/entradas-jornadas-2015-1985)";
        assert_eq!(
            pick(md).as_deref(),
            Some("https://www.eventbrite.es/e/entradas-jornadas-2015-1985")
        );
        let md = "Pour avoir une place, rendez-vous [ici](https://www.meetup.com/wwc-paris/events/30412/) !";
        assert_eq!(
            pick(md).as_deref(),
            Some("https://www.meetup.com/wwc-paris/events/30412/")
        );
        // A page for details is not a registration by its address alone.
        let md =
            "See the [meetup page](https://www.meetup.com/wwc-paris/events/30412/) for details.";
        assert_eq!(pick(md), None);
        // A link that names another gathering is about it, not a button to register.
        let md = "Jeff will give an update on the [JOSM training](https://www.meetup.com/osm/events/107/).";
        assert_eq!(pick(md), None);
        // A look-alike address is no ticket office; each country's Eventbrite is one.
        assert!(!is_ticket_office_event("https://notlu.ma/e/1"));
        assert!(is_ticket_office_event("https://www.eventbrite.co.uk/e/1"));
        // A group's page and an office's front page are not an event's.
        assert_eq!(
            pick("Follow [our group](https://www.meetup.com/wwc-paris/)."),
            None
        );
        assert_eq!(
            pick("Tickets are sold on [Eventbrite](https://www.eventbrite.com/)."),
            None
        );
    }

    #[test]
    fn the_address_a_registering_verb_points_to_is_the_registration_even_a_front_page() {
        for md in [
            "You can find more about the event and how to register at https://conf.example/.",
            "Les inscriptions se font sur https://conf.example/ jusqu'au 3 mai.",
            "Inscríbete en https://conf.example/ antes del viernes.",
        ] {
            assert_eq!(pick(md).as_deref(), Some("https://conf.example/"), "{md}");
        }
        // A front page only named further away is where to look, not the form.
        assert_eq!(
            pick("Registration opens soon; the programme is on https://conf.example/ today."),
            None
        );
    }

    #[test]
    fn signing_up_for_an_account_is_not_registering() {
        for md in [
            "To try it, first [sign up for an account](https://tool.example/register).",
            "Pour l'essayer, [créez-vous un compte](https://tool.example/inscription).",
            "Para probarlo, [regístrate y crea tu cuenta](https://tool.example/registro).",
        ] {
            assert_eq!(pick(md), None, "{md}");
        }
        assert_eq!(
            pick(
                "[Register for the workshop](https://conf.example/register) (you need an account)."
            )
            .as_deref(),
            Some("https://conf.example/register")
        );
    }

    #[test]
    fn registering_denied_is_no_registration() {
        for md in [
            "We'll run it in a Jitsi room at https://meet.jit.si/mapathon — no account, no \
             sign-up, just turn up.",
            "Rendez-vous sur https://meet.jit.si/mapathon, sans inscription.",
            "Pas d'inscription : venez sur https://meet.jit.si/mapathon.",
            "La sala es https://meet.jit.si/mapathon; no hace falta inscribirse.",
        ] {
            assert_eq!(pick(md), None, "{md}");
        }
        assert_eq!(
            pick("No olvides inscribirte: https://conf.example/inscripcion").as_deref(),
            Some("https://conf.example/inscripcion")
        );
    }

    #[test]
    fn a_registry_is_not_a_registration_form() {
        assert!(looks_like_form("https://conf.example/registration"));
        assert!(looks_like_form("https://conf.example/register"));
        assert!(looks_like_form("https://grupo.example/registro"));
        assert!(!looks_like_form("https://cos.example/products/registries"));
        assert!(!looks_like_form("https://cran.example/registry/pkg"));
    }

    #[test]
    fn a_quoted_title_is_not_the_form() {
        let md = "Paola's tutorial [\"Efficient Data Analysis\"](https://sched.example/1c8yF) \
                  on Monday (pre-registration required). Register for the conference on \
                  [the registration page](https://conf.example/register).";
        assert_eq!(pick(md).as_deref(), Some("https://conf.example/register"));
        let md = "Paola's tutorial [\"Efficient Data Analysis\"](https://sched.example/1c8yF) \
                  on Monday (pre-registration required).";
        assert_eq!(pick(md), None);
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
