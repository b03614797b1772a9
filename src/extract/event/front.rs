//! Where the front matter and the prose meet. A theme's event keys (start, end, time,
//! place) say structurally what the prose says in words; when both speak, what the post
//! shows its readers wins (the prose, and a title or subtitle are prose), except where the
//! prose only gives a part of what the keys give (a talk's day inside the conference).

use super::Context;
use super::name::post_title;
use crate::extract::Event;
use crate::extract::date::Precision;
use crate::extract::facts::{Facts, Place};
use chrono::{Datelike, Duration, NaiveDate};

/// How far before the post a front-matter date may lie and still be the post's gathering:
/// a report written days after, a page dated with the gathering's last day.
const STALE_AFTER: i64 = 7;

/// The longest gathering a pair of keys can describe: a later end is a mistake (an end
/// left from another post) or a series, not one gathering.
const LONGEST: i64 = 60;

/// Brings the front matter's facts into the events read from the prose.
pub(super) fn apply(events: &mut Vec<Event>, facts: &Facts, ctx: &Context<'_>) {
    let span = facts
        .start
        .and_then(|start| span(facts, start.date, ctx, events));
    let Some((start, end)) = span else {
        if let Some(primary) = events.iter_mut().find(|e| e.primary) {
            complete(primary, facts);
        }
        return;
    };
    // The keys still hold the days a gathering was put off from ("eventDate: 2020-05-21"
    // above "el Encuentro, previsto del 21 al 23 de mayo, se pospone… Nueva fecha: del 15 al
    // 17 de octubre"): the new days the prose gives stay the gathering.
    let put_off = events
        .iter()
        .any(|e| e.cancelled && (e.start, e.end) == (start, end));
    if put_off && events.iter().any(|e| e.primary && !e.cancelled) {
        return;
    }
    let times = (
        facts.start.and_then(|m| m.time),
        facts.end.and_then(|m| m.time),
    );
    // The prose gives the whole and the keys a part of it ("July 6-9 … useR!" with a key
    // holding one day): the readers' text wins.
    if let Some(i) = events
        .iter()
        .position(|e| e.start <= start && end <= e.end && (e.start, e.end) != (start, end))
    {
        for (k, e) in events.iter_mut().enumerate() {
            e.primary = k == i;
        }
        let inner = |e: &Event| e.start >= start && e.end <= end;
        let outer = events[i].clone();
        events.retain(|e| !(inner(e) && (e.start, e.end) != (outer.start, outer.end)));
        if let Some(primary) = events.iter_mut().find(|e| e.primary) {
            complete(primary, facts);
        }
        return;
    }
    // Days of the prose inside the keys' span are the gathering's programme: what they say
    // of the place and times is kept for it.
    let inside = |e: &Event| e.precision == Precision::Day && start <= e.start && e.end <= end;
    let from_prose = events
        .iter()
        .filter(|e| inside(e))
        .min_by_key(|e| (!e.primary, (e.start, e.end) != (start, end)))
        .cloned();
    events.retain(|e| !inside(e));
    for e in events.iter_mut() {
        e.primary = false;
    }
    let mut primary = Event {
        title: from_prose
            .as_ref()
            .map_or_else(|| post_title(ctx), |e| e.title.clone()),
        start,
        end,
        precision: Precision::Day,
        start_time: times.0,
        end_time: times.1,
        place: from_prose.as_ref().and_then(|e| e.place.clone()),
        primary: true,
        cancelled: ctx.title_cancelled || from_prose.as_ref().is_some_and(|e| e.cancelled),
        registration_url: from_prose.as_ref().and_then(|e| e.registration_url.clone()),
    };
    if primary.start_time.is_none()
        && let Some(e) = from_prose.as_ref().filter(|e| e.start == start)
    {
        primary.start_time = e.start_time;
        primary.end_time = e.end_time;
    }
    complete(&mut primary, facts);
    events.insert(0, primary);
}

/// The gathering's days from the keys, checked against the post: an end before the start
/// or months after it is dropped; a start long before the post is left over from another
/// post, unless the prose names that day, or only its year is stale.
fn span(
    facts: &Facts,
    start: NaiveDate,
    ctx: &Context<'_>,
    events: &[Event],
) -> Option<(NaiveDate, NaiveDate)> {
    let end = facts
        .end
        .map(|m| m.date)
        .filter(|end| *end >= start && (*end - start).num_days() <= LONGEST)
        .unwrap_or(start);
    let post = ctx.post_date;
    if end >= post - Duration::days(STALE_AFTER) || events.iter().any(|e| e.start == start) {
        return Some((start, end));
    }
    // "2016-03-28" in a post of 2017-03-28: the year of the post it was copied from.
    if (start.month(), start.day()) == (post.month(), post.day()) {
        let shift = post.year() - start.year();
        let moved = |d: NaiveDate| d.with_year(d.year() + shift);
        return Some((moved(start)?, moved(end)?));
    }
    None
}

/// Fills what the prose left out: times from a time key, the place, online or a town.
fn complete(event: &mut Event, facts: &Facts) {
    if event.start_time.is_none()
        && let Some((from, to)) = facts.time
    {
        event.start_time = Some(from);
        event.end_time = to;
    }
    match &facts.place {
        // The keys say it plainly; the prose may only name the organisers' town.
        Some(Place::Online) => event.place = Some("online".to_string()),
        // A town the keys give beats what the prose only guessed, a name crieur does not
        // know as a town ("à Uni Mail" when `city: Genève`).
        Some(Place::Town(town))
            if event
                .place
                .as_deref()
                .is_none_or(|p| p != "online" && !crate::extract::place::is_known_town(p)) =>
        {
            event.place = Some(town.clone())
        }
        _ => {}
    }
}
