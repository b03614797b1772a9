//! What a post's front matter says about its gathering. Keys are read by what their words
//! mean, in any of the three languages ("dateStart", "fecha_inicio", "event_date", "time",
//! "location", "addressLocality", "rsvp", "subtitle"), values by what they look like (a
//! date, a clock range, an address, a web address): no list of one site's keys. The post's
//! own `date` is when it was published, not when anything happens.
//!
//! Pure: the post date is given.

use super::date::{self, Anchor, Lang, Shape};
use super::place;
use super::sentence;
use super::token::{Kind, fold, tokenize};
use crate::lexicon;
use crate::lexicon::set::WordSet;
use crate::post::Field;
use crate::word_set;
use chrono::{NaiveDate, NaiveTime, Timelike};

/// A date with, maybe, a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// Where a gathering is, as the front matter says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Town(String),
    Online,
}

/// Everything the front matter says about the post's gathering.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub start: Option<Moment>,
    pub end: Option<Moment>,
    /// A time of day from a time key ("6:00pm-7:30pm"), for the gathering the post dates.
    pub time: Option<(NaiveTime, Option<NaiveTime>)>,
    pub place: Option<Place>,
    /// The venue and address the keys give, as written ("University of Washington, 3910
    /// 15th Ave NE"), unless they only name a town or an online place.
    pub venue: Option<String>,
    pub registration: Option<String>,
    /// Text saying what the post is about (layout, categories, tags, excerpt): it can say the
    /// post is about a gathering, never when (excerpts are often left over from older posts).
    pub about: Vec<String>,
    /// Keys that only a gathering has (a time, a place) are filled in.
    pub gathering_keys: bool,
}

/// What a key (or a line's label) is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Start,
    End,
    Time,
    Place,
    Address,
    Town,
    /// A flag that the gathering is held online ("online: true", "virtual: yes").
    Online,
    Registration,
    Shown,
    About,
    Other,
}

/// The texts the front matter has shown under the title ("subtitle"), as `read` gives
/// them; readable before the post's language is known.
pub fn shown(fields: &[Field]) -> Vec<String> {
    fields
        .iter()
        .filter(|f| role(&f.key) == Role::Shown)
        .map(|f| f.value.trim().to_string())
        .collect()
}

/// Reads the fields of one post.
pub fn read(fields: &[Field], post_date: Option<NaiveDate>, lang: Lang) -> Facts {
    let mut facts = Facts::default();
    let mut places: Vec<(Role, &str)> = Vec::new();
    let midnight = NaiveTime::from_hms_opt(0, 0, 0);
    let mut end_at_midnight = false;
    let mut online = false;
    for field in fields {
        let role = role(&field.key);
        let value = field.value.trim();
        match role {
            Role::Start | Role::End => match moments(value, post_date, lang) {
                Some((from, to)) => {
                    if role == Role::Start {
                        facts.start = facts.start.or(Some(from));
                        if facts.end.is_none() {
                            facts.end = to;
                        }
                    } else {
                        facts.end = Some(to.unwrap_or(from));
                        end_at_midnight = iso_written(value).and_then(|(_, t)| t) == midnight;
                    }
                }
                // "startTime: 18:00": a time key after all.
                None => {
                    if let Some(range) = clock_range(value) {
                        facts.time = facts.time.or(Some(range));
                        facts.gathering_keys = true;
                    }
                }
            },
            Role::Time => {
                if let Some(range) = clock_range(value) {
                    facts.time = facts.time.or(Some(range));
                    facts.gathering_keys = true;
                }
            }
            Role::Place | Role::Address | Role::Town => {
                places.push((role, value));
                facts.gathering_keys = true;
            }
            // "online: true", "virtual: yes", or the room's address.
            Role::Online if is_web_address(value) || truthy(value) => online = true,
            Role::Registration if is_web_address(value) => {
                facts.registration = facts.registration.take().or(Some(value.to_string()));
            }
            // Read with the body (`shown`).
            Role::Shown => {}
            Role::About => {
                if facts.registration.is_none() {
                    facts.registration = registration_in(value);
                }
                facts.about.push(value.to_string());
            }
            Role::Registration | Role::Online | Role::Other => {}
        }
    }
    // An end at midnight closes the day before: "21:45" to "00:00" the next day is an
    // evening, not two days. A start with no time is a date written with a zero time.
    if let (Some(start), Some(end)) = (facts.start, facts.end.as_mut())
        && start.time.is_some()
        && end_at_midnight
        && end.date > start.date
        && let Some(before) = end.date.pred_opt()
    {
        end.date = before;
    }
    facts.place = if online {
        Some(Place::Online)
    } else {
        place_of(&places)
    };
    facts.venue = venue_of(&places);
    facts
}

/// "true", "yes", "oui", "sí": a flag set.
fn truthy(value: &str) -> bool {
    let v = fold(value.trim().trim_matches('"')).to_ascii_lowercase();
    matches!(v.as_str(), "true" | "yes" | "oui" | "si" | "1")
}

/// The venue and address values, joined, when they say more than a town.
fn venue_of(places: &[(Role, &str)]) -> Option<String> {
    if places.iter().any(|(_, v)| place::names_online(v)) {
        return None;
    }
    // The venue's name, then its address.
    let mut parts: Vec<&str> = Vec::new();
    for wanted in [Role::Place, Role::Address] {
        for (role, value) in places {
            let value = value.trim();
            let new = !parts.iter().any(|p| p.contains(value) || value.contains(p));
            if *role == wanted && !value.is_empty() && new {
                parts.push(value);
            }
        }
    }
    let venue = parts.join(", ");
    let only_town = place::town_of_venue(&venue).is_some_and(|t| t == venue);
    (!venue.is_empty() && !only_town).then_some(venue)
}

/// A key's role from its last part's words ("params.dateStart" → date, start). Keys of
/// items in a list ("social[].time": scheduled messages, not gatherings) only say what the
/// post is about.
pub fn role(key: &str) -> Role {
    let in_list = key.contains("[]");
    let last = key.rsplit('.').next().unwrap_or(key);
    let words = key_words(last);
    let l = lexicon::all();
    let has = |set: &WordSet| words.iter().any(|w| set.contains(w));
    if has(word_set!(l.about_keys)) {
        return Role::About;
    }
    if in_list {
        return Role::Other;
    }
    // The post's own date, or its publication: never a gathering's.
    if key == "date" || has(word_set!(l.publication_keys)) {
        return Role::Other;
    }
    if has(word_set!(l.shown_keys)) {
        return Role::Shown;
    }
    // A value that is no date makes these nothing (or a time of day).
    if has(word_set!(l.end_keys)) {
        return Role::End;
    }
    if has(word_set!(l.start_keys)) || has(word_set!(l.date_keys)) {
        return Role::Start;
    }
    if has(word_set!(l.time_keys)) {
        return Role::Time;
    }
    if has(word_set!(l.town_keys)) {
        return Role::Town;
    }
    if has(word_set!(l.online_keys)) {
        return Role::Online;
    }
    if has(word_set!(l.address_keys)) {
        return Role::Address;
    }
    if has(word_set!(l.place_keys)) {
        return Role::Place;
    }
    let folded = fold(last);
    if l.registration.iter().any(|s| folded.starts_with(s)) || folded.contains("ticket") {
        return Role::Registration;
    }
    Role::Other
}

/// "dateStart" → [date, start]; "fecha_inicio" → [fecha, inicio]; "addressLocality" →
/// [address, locality].
fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in key.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase();
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.into_iter().map(|w| fold(&w).into_owned()).collect()
}

/// A date value: ISO forms as themes write them ("2020-04-13T19:00", "2016-04-9T23:55",
/// "2015-11-28M11:00", "2019-01-25T9:15:00"), else a date in words ("May 21-22, 2018"),
/// which may be a range.
fn moments(
    value: &str,
    post_date: Option<NaiveDate>,
    lang: Lang,
) -> Option<(Moment, Option<Moment>)> {
    if let Some(m) = iso(value) {
        return Some((m, None));
    }
    let mut folded = String::new();
    let tokens = tokenize(value, &mut folded);
    let mention = date::find(&tokens, lang).into_iter().next()?;
    if !matches!(mention.shape, Shape::Single | Shape::Range | Shape::List) {
        return None;
    }
    let anchor = Anchor {
        post_date: post_date?,
        context_year: None,
        future_only: false,
    };
    let span = date::resolve(&mention, &anchor)?;
    let start = Moment {
        date: span.start,
        time: mention.start_time,
    };
    let end = (span.end != span.start || mention.end_time.is_some()).then_some(Moment {
        date: span.end,
        time: mention.end_time,
    });
    Some((start, end))
}

fn iso(value: &str) -> Option<Moment> {
    let (date, time) = iso_written(value)?;
    Some(Moment {
        date,
        time: time.filter(|t| !means_all_day(*t)),
    })
}

/// An ISO date and the time written after it, as written (a zero time included).
fn iso_written(value: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let bytes = value.as_bytes();
    let mut i = 0;
    let year = digits(bytes, &mut i, 4)?;
    if year < 1000 || bytes.get(i) != Some(&b'-') {
        return None;
    }
    i += 1;
    let month = digits(bytes, &mut i, 2)?;
    if bytes.get(i) != Some(&b'-') {
        return None;
    }
    i += 1;
    let day = digits(bytes, &mut i, 2)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    // A time after T, a space, or the M some themes write by mistake.
    let time = match bytes.get(i) {
        Some(b'T' | b' ' | b'M' | b't') => {
            i += 1;
            let hour = digits(bytes, &mut i, 2);
            let minute = if bytes.get(i) == Some(&b':') {
                i += 1;
                digits(bytes, &mut i, 2)
            } else {
                None
            };
            match (hour, minute) {
                (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0),
                _ => None,
            }
        }
        _ => None,
    };
    Some((date, time))
}

/// Up to `max` digits at `*i`, as a number; moves `*i` past them.
fn digits(bytes: &[u8], i: &mut usize, max: usize) -> Option<u32> {
    let from = *i;
    while *i < bytes.len() && bytes[*i].is_ascii_digit() && *i - from < max {
        *i += 1;
    }
    std::str::from_utf8(&bytes[from..*i]).ok()?.parse().ok()
}

/// Midnight, a minute past it or to it, "23:55": what themes write for "all day".
fn means_all_day(t: NaiveTime) -> bool {
    (t.hour() == 0 && t.minute() <= 1) || (t.hour() == 23 && t.minute() >= 55)
}

/// "6:00pm-7:30pm", "18h - 20h", "9am": a time of day or a range.
fn clock_range(value: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let mut folded = String::new();
    let tokens = tokenize(value, &mut folded);
    let (from, to, _) = date::time_range(&tokens, 0)?;
    Some((from, to))
}

fn is_web_address(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !value.contains(' ')
}

/// A web address in a sentence that speaks of registering ("Free registration at https://…").
fn registration_in(text: &str) -> Option<String> {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    let words = sentence::words(&tokens);
    if !sentence::has_stem(&words, lexicon::all().registration) {
        return None;
    }
    tokens
        .iter()
        .find(|t| t.kind == Kind::Url && t.text.starts_with("http"))
        .map(|t| t.text.to_string())
}

/// Online when any place value names an online place; else the town of a town key, of an
/// address, or of a venue key when its form shows one ("Bordeaux, France") or it is one
/// word ("Heidelberg"): a venue's name alone ("Lizard Tech") is no town.
fn place_of(places: &[(Role, &str)]) -> Option<Place> {
    if places.iter().any(|(_, v)| place::names_online(v)) {
        return Some(Place::Online);
    }
    let of = |role: Role| {
        places
            .iter()
            .filter(move |(r, _)| *r == role)
            .map(|(_, v)| *v)
    };
    of(Role::Town)
        .find_map(place::town_of_locality)
        .or_else(|| of(Role::Address).find_map(place::town_of_address))
        .or_else(|| of(Role::Place).find_map(place::town_of_venue))
        .map(Place::Town)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<Field> {
        pairs
            .iter()
            .map(|(k, v)| Field {
                key: k.to_string(),
                value: v.to_string(),
            })
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn read_at(pairs: &[(&str, &str)], post: NaiveDate) -> Facts {
        read(&fields(pairs), Some(post), Lang::DayFirst)
    }

    #[test]
    fn a_flag_says_the_gathering_is_online() {
        let post = day(2020, 4, 1);
        for (key, value) in [
            ("online", "true"),
            ("params.virtual", "yes"),
            ("en_ligne", "oui"),
            ("enLinea", "sí"),
            ("online", "https://meet.jit.si/room"),
        ] {
            let f = read_at(&[("city", "Santiago"), (key, value)], post);
            assert_eq!(f.place, Some(Place::Online), "{key}: {value}");
        }
        for (key, value) in [("online", "false"), ("virtual", "no")] {
            let f = read_at(&[("city", "Santiago"), (key, value)], post);
            assert_eq!(
                f.place,
                Some(Place::Town("Santiago".into())),
                "{key}: {value}"
            );
        }
    }

    #[test]
    fn an_end_at_midnight_closes_the_first_day() {
        for (start, end, last_day) in [
            // One evening.
            ("2019-06-29T21:45", "2019-06-30T00:00", day(2019, 6, 29)),
            // Midnight two days on ends the second day.
            ("2019-06-29T10:00", "2019-07-01T00:00", day(2019, 6, 30)),
            // Dates written with a zero time are days.
            ("2019-06-29T00:00", "2019-06-30T00:00", day(2019, 6, 30)),
        ] {
            let f = read(
                &fields(&[("startDate", start), ("endDate", end)]),
                None,
                Lang::DayFirst,
            );
            assert_eq!(f.end.map(|m| m.date), Some(last_day), "{start} {end}");
        }
    }

    #[test]
    fn reads_start_and_end_keys_in_every_language_and_form() {
        let post = day(2020, 4, 1);
        for (start_key, end_key) in [
            ("startDate", "endDate"),
            ("dateStart", "dateEnd"),
            ("start_date", "end_date"),
            ("event_start", "event_end"),
            ("date_debut", "date_fin"),
            ("fecha_inicio", "fecha_fin"),
            ("params.startDate", "params.endDate"),
        ] {
            let f = read_at(
                &[
                    (start_key, "2020-04-13T19:00"),
                    (end_key, "2020-04-14T20:30"),
                ],
                post,
            );
            assert_eq!(
                (f.start, f.end),
                (
                    Some(Moment {
                        date: day(2020, 4, 13),
                        time: at(19, 0)
                    }),
                    Some(Moment {
                        date: day(2020, 4, 14),
                        time: at(20, 30)
                    })
                ),
                "{start_key}"
            );
        }
    }

    #[test]
    fn reads_dates_as_themes_write_them() {
        let post = day(2016, 4, 1);
        for (value, date, time) in [
            ("2015-11-28M11:00", day(2015, 11, 28), at(11, 0)),
            ("2016-04-9T23:55", day(2016, 4, 9), None),
            ("2019-01-25T9:15:00", day(2019, 1, 25), at(9, 15)),
            ("2016-04-20T00:00", day(2016, 4, 20), None),
            ("2016-10-07T24:00", day(2016, 10, 7), None),
            ("'2019-03-29T14:40:00'", day(2019, 3, 29), at(14, 40)),
        ] {
            let f = read_at(&[("startDate", value.trim_matches('\''))], post);
            assert_eq!(f.start, Some(Moment { date, time }), "{value}");
        }
        let f = read_at(&[("when", "May 21-22, 2016")], post);
        assert_eq!(f.start.map(|m| m.date), Some(day(2016, 5, 21)));
        assert_eq!(f.end.map(|m| m.date), Some(day(2016, 5, 22)));
        let f = read_at(&[("fecha", "7 de noviembre de 2016")], post);
        assert_eq!(f.start.map(|m| m.date), Some(day(2016, 11, 7)));
    }

    #[test]
    fn the_post_date_and_scheduled_messages_are_not_gatherings() {
        let f = read_at(
            &[
                ("date", "2020-04-13"),
                ("publishDate", "2020-04-01"),
                ("lastmod", "2020-05-01"),
                ("social[].time", "2020-03-22T21:00"),
            ],
            day(2020, 4, 1),
        );
        assert_eq!((f.start, f.end), (None, None));
    }

    #[test]
    fn reads_times_places_and_links() {
        let f = read_at(
            &[
                ("time", "6:00pm-7:30pm"),
                (
                    "location",
                    "Bloedel Hall Room 292, University of Washington",
                ),
                ("address", "Seattle, WA 98195"),
                ("rsvp", "https://www.meetup.com/x/events/1/"),
                ("excerpt", "May 15, 2024 Monthly Meeting"),
            ],
            day(2024, 5, 1),
        );
        assert_eq!(f.time, Some((at(18, 0).unwrap(), at(19, 30))));
        assert_eq!(f.place, Some(Place::Town("Seattle".into())));
        assert_eq!(
            f.registration.as_deref(),
            Some("https://www.meetup.com/x/events/1/")
        );
        assert!(f.gathering_keys);
        assert_eq!(f.start, None, "an excerpt says what, never when");
        assert_eq!(f.about, vec!["May 15, 2024 Monthly Meeting"]);
        let f = read_at(
            &[
                ("locality", "Almería"),
                ("place", "Jitsi"),
                ("street", "Online"),
            ],
            day(2020, 4, 1),
        );
        assert_eq!(f.place, Some(Place::Online));
        let f = read_at(
            &[("lieu", "Salle Pleyel"), ("ville", "Paris")],
            day(2020, 4, 1),
        );
        assert_eq!(f.place, Some(Place::Town("Paris".into())));
        let f = read_at(
            &[(
                "deets",
                "Free registration at https://www.eventbrite.cl/e/123",
            )],
            day(2020, 4, 1),
        );
        assert_eq!(
            f.registration.as_deref(),
            Some("https://www.eventbrite.cl/e/123")
        );
    }

    #[test]
    fn shows_the_subtitle() {
        let f = fields(&[
            ("subtitle", " 7 de Noviembre de 2014 / Almería "),
            ("title", "Jornadas"),
        ]);
        assert_eq!(shown(&f), vec!["7 de Noviembre de 2014 / Almería"]);
    }
}
