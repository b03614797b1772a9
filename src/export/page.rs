//! The gatherings for the web: the page of upcoming gatherings and of what crieur will post
//! (readable without JavaScript, on a phone), and the same gatherings as JSON for other
//! tools. Every text from posts is escaped; only http(s) links are links.

use crate::answer::catalog::{Catalog, Gathering};
use crate::answer::format;
use crate::answer::reply::{escape, safe_url};
use crate::export::outbox::Row;
use crate::extract::{DeadlineKind, Language, Precision};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Serialize;

/// Gatherings not over by `today`, in date order; of one site, or of all.
pub fn upcoming(catalog: &Catalog, today: NaiveDate, site: Option<usize>) -> Vec<&Gathering> {
    let mut out: Vec<&Gathering> = catalog
        .gatherings
        .iter()
        .filter(|g| g.end >= today && site.is_none_or(|s| g.site == s))
        .collect();
    out.sort_by_key(|g| (g.start, g.start_time));
    out
}

/// A gathering for other tools.
#[derive(Debug, Serialize)]
pub struct Event<'a> {
    pub title: String,
    pub site: usize,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// "day", or "month" for a gathering only known by its month.
    pub precision: Precision,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub place: Option<&'a str>,
    pub registration_url: Option<&'a str>,
    pub registration_deadline: Option<NaiveDate>,
    pub proposals_deadline: Option<NaiveDate>,
    pub url: Option<&'a str>,
    pub cancelled: bool,
    pub lang: Language,
}

pub fn events<'a>(gatherings: &[&'a Gathering], lang: Language) -> Vec<Event<'a>> {
    gatherings
        .iter()
        .map(|g| {
            let v = g.version(lang);
            Event {
                title: title(g, lang),
                site: g.site,
                start: g.start,
                end: g.end,
                precision: g.precision,
                start_time: g.start_time,
                end_time: g.end_time,
                place: g.place(lang),
                registration_url: g.registration_url(lang),
                registration_deadline: g.registration_deadline(),
                proposals_deadline: g.last_deadline(DeadlineKind::Proposal),
                url: g.post_url(lang),
                cancelled: g.cancelled,
                lang: v.lang,
            }
        })
        .collect()
}

fn title(g: &Gathering, lang: Language) -> String {
    let v = g.version(lang);
    match &v.parent {
        Some(p) => format!("{} ({p})", v.title),
        None => v.title.clone(),
    }
}

struct Words {
    heading: &'static str,
    posts: &'static str,
    none: &'static str,
    nothing_planned: &'static str,
    register: &'static str,
    until: &'static str,
    cancelled: &'static str,
}

fn words(lang: Language) -> Words {
    match lang {
        Language::Fr => Words {
            heading: "Prochains rendez-vous",
            posts: "Ce que crieur va publier",
            none: "Aucun rendez-vous annoncé pour l'instant.",
            nothing_planned: "Rien de prévu.",
            register: "S'inscrire",
            until: "jusqu'au",
            cancelled: "annulé",
        },
        Language::Es => Words {
            heading: "Próximos encuentros",
            posts: "Lo que crieur publicará",
            none: "No hay encuentros anunciados por ahora.",
            nothing_planned: "Nada previsto.",
            register: "Inscribirse",
            until: "hasta el",
            cancelled: "cancelado",
        },
        _ => Words {
            heading: "Upcoming gatherings",
            posts: "What crieur will post",
            none: "No gathering announced yet.",
            nothing_planned: "Nothing planned.",
            register: "Register",
            until: "until",
            cancelled: "cancelled",
        },
    }
}

fn link(url: &str, text: &str) -> String {
    if safe_url(url) {
        format!("<a href=\"{}\">{}</a>", escape(url), escape(text))
    } else {
        escape(text)
    }
}

/// The page, in `lang`, times in `zone`.
pub fn html(gatherings: &[&Gathering], planned: &[Row], lang: Language, zone: Tz) -> String {
    let w = words(lang);
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>body{{font-family:sans-serif;max-width:48rem;margin:auto;padding:1rem;line-height:1.4}}\
         li{{margin-bottom:.8rem}}.when{{font-weight:bold}}</style></head><body>\n<h1>{}</h1>\n",
        lang.code(),
        w.heading,
        w.heading
    ));
    if gatherings.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", w.none));
    } else {
        out.push_str("<ul id=\"gatherings\">\n");
        for g in gatherings {
            let mut when = format::days(g.start, g.end, g.precision, lang);
            if let Some(t) = g.start_time {
                when.push_str(&format!(", {}", format::time(t, lang)));
            }
            let name = match g.post_url(lang) {
                Some(url) => link(url, &title(g, lang)),
                None => escape(&title(g, lang)),
            };
            out.push_str(&format!(
                "<li><span class=\"when\">{}</span> — {name}",
                escape(&when)
            ));
            if g.cancelled {
                out.push_str(&format!(" ({})", w.cancelled));
            }
            if let Some(place) = g.place(lang) {
                out.push_str(&format!(", {}", escape(place)));
            }
            match (g.registration_url(lang), g.registration_deadline()) {
                (Some(url), until) => {
                    out.push_str(&format!("<br>{}", link(url, w.register)));
                    if let Some(d) = until {
                        out.push_str(&format!(" {} {}", w.until, escape(&format::date(d, lang))));
                    }
                }
                (None, Some(d)) => out.push_str(&format!(
                    "<br>{} {} {}",
                    w.register,
                    w.until,
                    escape(&format::date(d, lang))
                )),
                (None, None) => {}
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&format!("<h2>{}</h2>\n", w.posts));
    if planned.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", w.nothing_planned));
    } else {
        out.push_str("<ul id=\"planned\">\n");
        for r in planned {
            let when =
                r.at.with_timezone(&zone)
                    .format("%Y-%m-%d %H:%M %Z")
                    .to_string();
            out.push_str(&format!(
                "<li><span class=\"when\">{}</span> — {}<br>{}</li>\n",
                escape(&when),
                escape(&r.room),
                escape(&r.text)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::catalog::testing::catalog;

    #[test]
    fn the_page_lists_upcoming_gatherings_escaped_in_the_sites_language() {
        let c = catalog(&[
            (
                "2027-01-10-sprint.md",
                "---\ntitle: \"Code <b>sprint</b> 2027\"\nlang: en\n---\nThe code sprint 2027 takes place on March 3-5, 2027 in Lyon. Registration closes on February 20, 2027: https://example.org/register\n",
            ),
            (
                "2026-01-10-old.md",
                "---\ntitle: Old meetup 2026\nlang: en\n---\nThe meetup takes place on March 3, 2026 in Lyon.\n",
            ),
        ]);
        let today = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        let gs = upcoming(&c, today, None);
        assert_eq!(gs.len(), 1);
        let page = html(&gs, &[], Language::Fr, chrono_tz::Europe::Paris);
        assert!(page.contains("<h1>Prochains rendez-vous</h1>"), "{page}");
        assert!(page.contains("3 mars – 5 mars 2027"), "{page}");
        assert!(
            page.contains("Code &lt;b&gt;sprint&lt;/b&gt; 2027"),
            "{page}"
        );
        assert!(
            page.contains(
                "<a href=\"https://example.org/register\">S&#39;inscrire</a> jusqu'au 20 février 2027"
            ),
            "{page}"
        );
        assert!(!page.contains("Old meetup"));
        let json = serde_json::to_value(events(&gs, Language::En)).unwrap();
        assert_eq!(json[0]["start"], "2027-03-03");
        assert_eq!(json[0]["registration_deadline"], "2027-02-20");
        assert_eq!(json[0]["place"], "Lyon");
    }
}
