//! The gatherings and help entries of all sites, as answers need them: the same gathering
//! announced in several posts (translations sharing a `uid`, a save-the-date then a
//! programme, a cancellation) is one `Gathering` with one `Version` per post, so that
//! answers list it once and speak the asker's language. Built from stored posts; pure.

use crate::extract::help::HelpEntry;
use crate::extract::price::Price;
use crate::extract::{Deadline, Event, Language, Precision};
use crate::store::StoredPost;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;

/// One gathering, however many posts speak of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathering {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub primary: bool,
    pub cancelled: bool,
    pub site: usize,
    pub deadlines: Vec<Deadline>,
    /// One per post, newest post first.
    pub versions: Vec<Version>,
}

/// What one post says of a gathering.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub lang: Language,
    /// The gathering's own name ("geOcom 2026", "community sprint").
    pub title: String,
    /// For a side gathering, the main one it belongs to ("geOcom 2026").
    pub parent: Option<String>,
    pub place: Option<String>,
    pub registration_url: Option<String>,
    pub post_url: Option<String>,
    pub post_title: String,
    pub post_date: Option<NaiveDateTime>,
    pub uid: Option<String>,
    pub file: String,
    /// The beginning of the post's text, for searching.
    pub lead: String,
    /// The post's tags, words its author chose to name it ("nantes débutants").
    pub tags: String,
    /// What the post says attending costs.
    pub price: Option<Price>,
    /// Where in town, for a post's main gathering: venue and address as written.
    pub venue: Option<String>,
}

impl Gathering {
    /// The version to show an asker: in their language if one is, else English, else the
    /// newest; and of those, the newest post from before the gathering, which announced
    /// it, rather than a look back at it ("TesseraConf 2016", not "TesseraConf 2016 recap").
    pub fn version(&self, lang: Language) -> &Version {
        let announces = |v: &Version| v.post_date.is_none_or(|d| d.date() <= self.start);
        let pick = |keep: &dyn Fn(&Version) -> bool| {
            let mut kept = self.versions.iter().filter(|v| keep(v));
            let first = kept.clone().next();
            kept.find(|v| announces(v)).or(first)
        };
        pick(&|v| v.lang == lang)
            .or_else(|| pick(&|v| v.lang == Language::En))
            .or_else(|| pick(&|_| true))
            .unwrap_or(&self.versions[0])
    }

    /// What the newest post in the asker's language says, else the newest post that says it.
    fn preferring<'a, T: ?Sized>(
        &'a self,
        lang: Language,
        field: impl Fn(&'a Version) -> Option<&'a T>,
    ) -> Option<&'a T> {
        self.versions
            .iter()
            .filter(|v| v.lang == lang)
            .find_map(&field)
            .or_else(|| self.versions.iter().find_map(&field))
    }

    /// A registration link, preferring the asker's language and the newest post.
    pub fn registration_url(&self, lang: Language) -> Option<&str> {
        self.preferring(lang, |v| v.registration_url.as_deref())
    }

    /// A place, preferring the asker's language's spelling ("Estrasburgo").
    pub fn place(&self, lang: Language) -> Option<&str> {
        self.preferring(lang, |v| v.place.as_deref())
    }

    /// The venue, preferring the asker's language's post.
    pub fn venue(&self, lang: Language) -> Option<&str> {
        self.preferring(lang, |v| v.venue.as_deref())
    }

    /// What attending costs, as the newest post in the asker's language (else any) says.
    pub fn price(&self, lang: Language) -> Option<&Price> {
        self.preferring(lang, |v| v.price.as_ref())
    }

    /// The post to point to, preferring the asker's language.
    pub fn post_url(&self, lang: Language) -> Option<&str> {
        self.preferring(lang, |v| v.post_url.as_deref())
    }

    /// A key that stays the same when the gathering gains posts or moves: its first post
    /// and its name there. Calendar UIDs and reminder keys are made from it.
    pub fn key(&self) -> String {
        let first = self
            .versions
            .iter()
            .min_by_key(|v| (v.post_date, &v.file))
            .expect("a gathering has a version");
        let text = format!(
            "{}|{}|{}",
            self.site,
            first.uid.as_deref().unwrap_or(&first.file),
            first.title
        );
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        format!("{hash:016x}")
    }

    /// The last day to register.
    pub fn registration_deadline(&self) -> Option<NaiveDate> {
        self.last_deadline(crate::extract::DeadlineKind::Registration)
    }

    /// The next deadline of a kind still to come on `today`, else the last one passed: the
    /// first round of a call while it is open, then the second.
    pub fn next_deadline(
        &self,
        kind: crate::extract::DeadlineKind,
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        let dates = || {
            self.deadlines
                .iter()
                .filter(move |d| d.kind == kind)
                .map(|d| d.date)
        };
        dates()
            .filter(|d| *d >= today)
            .min()
            .or_else(|| dates().max())
    }

    /// The latest deadline of a kind (the last day, after an early-bird rate).
    pub fn last_deadline(&self, kind: crate::extract::DeadlineKind) -> Option<NaiveDate> {
        self.deadlines
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.date)
            .max()
    }
}

/// Everything answers are made from.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub gatherings: Vec<Gathering>,
    pub help: Vec<HelpEntry>,
    /// The sites' titles: the community's own name, which names none of its gatherings.
    pub names: Vec<String>,
}

impl Catalog {
    /// Builds the catalog from stored posts and the admin's help entries.
    pub fn build(posts: &[StoredPost], admin_help: &[HelpEntry]) -> Catalog {
        let mut gatherings: Vec<Gathering> = Vec::new();
        // Gatherings by site and month, so that merging looks at a handful, not all.
        let mut by_month: HashMap<(usize, i32, u32), Vec<usize>> = HashMap::new();
        let mut order: Vec<&StoredPost> = posts
            .iter()
            .filter(|p| !p.extraction.events.is_empty())
            .collect();
        // Newest posts first: their versions lead, and their news (a cancellation) wins.
        order.sort_by(|a, b| {
            b.post
                .date
                .cmp(&a.post.date)
                .then(a.post.file.cmp(&b.post.file))
        });
        for stored in order {
            let x = &stored.extraction;
            let parent = x.events.iter().find(|e| e.primary).map(|e| e.title.clone());
            for event in &x.events {
                let version = version_of(stored, event, parent.as_deref());
                let deadlines = deadlines_of(x, event);
                let key = (stored.post.site, event.start.year(), event.start.month());
                let found = by_month.get(&key).and_then(|list| {
                    list.iter()
                        .copied()
                        .find(|&i| same_gathering(&gatherings[i], stored, event, &version))
                });
                match found {
                    Some(i) => merge(&mut gatherings[i], event, version, deadlines),
                    None => {
                        by_month.entry(key).or_default().push(gatherings.len());
                        gatherings.push(Gathering {
                            start: event.start,
                            end: event.end,
                            precision: event.precision,
                            start_time: event.start_time,
                            end_time: event.end_time,
                            primary: event.primary,
                            cancelled: event.cancelled,
                            site: stored.post.site,
                            deadlines,
                            versions: vec![version],
                        });
                    }
                }
            }
        }
        gatherings.sort_by(|a, b| a.start.cmp(&b.start).then(b.primary.cmp(&a.primary)));
        let mut help: Vec<HelpEntry> = posts
            .iter()
            .flat_map(|p| p.extraction.help.iter().cloned())
            .collect();
        // The admin's entries replace what the pages say on the same topic.
        help.retain(|h| !admin_help.iter().any(|a| a.topic == h.topic));
        help.extend(admin_help.iter().cloned());
        Catalog {
            gatherings,
            help,
            names: Vec::new(),
        }
    }
}

fn version_of(stored: &StoredPost, event: &Event, parent: Option<&str>) -> Version {
    let post = &stored.post;
    let title = match (event.primary, parent) {
        (false, Some(p)) => event
            .title
            .strip_suffix(&format!(" ({p})"))
            .unwrap_or(&event.title)
            .to_string(),
        _ => event.title.clone(),
    };
    let lead: String = post
        .doc
        .blocks
        .iter()
        .take(3)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Version {
        lang: stored.extraction.lang,
        title,
        parent: if event.primary {
            None
        } else {
            parent.map(str::to_string)
        },
        place: event.place.clone(),
        registration_url: registration_of(&stored.extraction, event),
        post_url: post.url.clone(),
        post_title: post.title.clone(),
        tags: post.tags.join(" "),
        post_date: post.date,
        uid: post.uid.clone(),
        file: post.file.clone(),
        lead: lead.chars().take(600).collect(),
        price: stored.extraction.price.clone(),
        venue: if event.primary || same_place(&stored.extraction, event) {
            stored.extraction.venue.clone()
        } else {
            None
        },
    }
}

/// The deadlines of a post that are an event's. They are the main gathering's, and a side
/// one at the same place shares them (a workshop of a series, a sprint before a
/// conference); but a deadline after the main gathering is over is for the first later one
/// ("talks for the Spring Fling until March 10" in a post on the February meeting).
fn deadlines_of(x: &crate::extract::Extraction, event: &Event) -> Vec<Deadline> {
    let main_end = x.events.iter().find(|e| e.primary).map(|e| e.end);
    let later = |d: &Deadline| main_end.is_some_and(|end| d.date > end);
    let owner_of_later = |d: &Deadline| {
        x.events
            .iter()
            .filter(|e| e.start >= d.date)
            .min_by_key(|e| e.start)
    };
    x.deadlines
        .iter()
        .filter(|d| {
            if later(d) {
                owner_of_later(d).is_some_and(|e| e == event)
            } else {
                event.primary || same_place(x, event)
            }
        })
        .cloned()
        .collect()
}

/// Whether a side gathering is where its post's main gathering is.
/// The link to register for an event: its own, in a post of several gatherings; else the
/// post's, for the main gathering and those at its place, unless it is another one's own.
fn registration_of(x: &crate::extract::Extraction, event: &Event) -> Option<String> {
    if event.registration_url.is_some() {
        return event.registration_url.clone();
    }
    let post = x.registration_url.as_ref()?;
    let anothers = x
        .events
        .iter()
        .any(|e| e.registration_url.as_ref() == Some(post));
    (!anothers && (event.primary || same_place(x, event))).then(|| post.clone())
}

fn same_place(x: &crate::extract::Extraction, event: &Event) -> bool {
    let main = x
        .events
        .iter()
        .find(|e| e.primary)
        .and_then(|e| e.place.as_ref());
    event.place.as_ref().is_some_and(|p| Some(p) == main)
}

/// Whether an event of a post is a gathering already in the catalog: same site, dates that
/// agree, and a sign it is the same (translations' shared `uid`, close names, or both the
/// main gathering of their posts on the same days). Two events of one post never merge.
fn same_gathering(g: &Gathering, stored: &StoredPost, event: &Event, v: &Version) -> bool {
    if g.site != stored.post.site || g.versions.iter().any(|o| o.file == v.file) {
        return false;
    }
    let same_days = g.start == event.start && g.end == event.end && g.precision == event.precision;
    let within = |outer_start: NaiveDate, outer_end: NaiveDate, s: NaiveDate, e: NaiveDate| {
        outer_start <= s && e <= outer_end
    };
    let month_and_days = (g.precision == Precision::Month
        && event.precision == Precision::Day
        && within(g.start, g.end, event.start, event.end))
        || (g.precision == Precision::Day
            && event.precision == Precision::Month
            && within(event.start, event.end, g.start, g.end));
    // "ErableConf 2020" on October 7–9 in March, on October 8–9 in August: days moved.
    let moved = g.primary
        && event.primary
        && g.precision == Precision::Day
        && event.precision == Precision::Day
        && g.start <= event.end
        && event.start <= g.end
        && g.versions.iter().any(|o| {
            let named = named_years(&o.title);
            named_years(&v.title).iter().any(|n| named.contains(n))
        });
    if moved {
        return true;
    }
    if !same_days && !month_and_days {
        return false;
    }
    let same_uid = v.uid.is_some() && g.versions.iter().any(|o| o.uid == v.uid);
    let similar = g
        .versions
        .iter()
        .any(|o| names_match(&o.full_name(), &v.full_name()));
    if month_and_days {
        return similar && g.primary == event.primary;
    }
    same_uid || similar || (g.primary && event.primary)
}

impl Version {
    fn full_name(&self) -> String {
        match &self.parent {
            Some(p) => format!("{} {p}", self.title),
            None => self.title.clone(),
        }
    }
}

/// Names that share most of their significant words ("geOcom 2026" and "GeoCom 2026").
fn names_match(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        crate::extract::token::tokenize(s, &mut String::new())
            .iter()
            .filter(|t| t.text.chars().count() > 1 || t.text.chars().all(|c| c.is_ascii_digit()))
            .map(|t| t.norm.to_string())
            .filter(|w| !super::search::is_stopword(w))
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    common * 2 >= a.len().max(b.len())
}

/// The names with a year a title holds ("ErableConf 2020", "geOcom 2015"), folded: an
/// edition that two posts naming it speak of.
fn named_years(title: &str) -> Vec<String> {
    let mut folded = String::new();
    let tokens = crate::extract::token::tokenize(title, &mut folded);
    tokens
        .windows(2)
        .filter(|w| crate::extract::event::is_name_and_year(&w[0], &w[1]))
        .map(|w| format!("{} {}", w[0].norm, w[1].text))
        .collect()
}

fn merge(g: &mut Gathering, event: &Event, version: Version, deadlines: Vec<Deadline>) {
    // Days beat a month; the newest post (already in the catalog) keeps its dates otherwise.
    if g.precision == Precision::Month && event.precision == Precision::Day {
        g.start = event.start;
        g.end = event.end;
        g.precision = Precision::Day;
    }
    if g.start_time.is_none() && g.start == event.start {
        g.start_time = event.start_time;
    }
    if g.end_time.is_none() && g.end == event.end {
        g.end_time = event.end_time;
    }
    // Posts come newest first: where a later post already gives deadlines of a kind, an
    // earlier post's of that kind are superseded (a call extended, registration moved).
    // Several of one post stay (two rounds of a call, an early-bird rate and the last day).
    let earlier_post = g.versions.iter().all(|v| v.file != version.file);
    for d in deadlines {
        let superseded = earlier_post && g.deadlines.iter().any(|k| k.kind == d.kind);
        if !superseded && !g.deadlines.contains(&d) {
            g.deadlines.push(d);
        }
    }
    g.deadlines.sort_by_key(|d| (d.date, d.kind));
    g.versions.push(version);
}

/// Catalogs made from posts written in tests.
#[cfg(test)]
pub mod testing {
    use super::Catalog;
    use crate::ingest::{Site, SiteSpec, read_post};
    use crate::post::PostKind;
    use crate::store::StoredPost;

    /// The catalog of posts (`_posts/` file name, text) of a site at https://example.org.
    pub fn catalog(posts: &[(&str, &str)]) -> Catalog {
        let spec = SiteSpec {
            root: "/site".into(),
            base_url: crate::ingest::urls::parse_base_url("https://example.org"),
            permalink: None,
            drafts: false,
            timezone: chrono_tz::Europe::Paris,
            help_pages: Vec::new(),
        };
        let site = Site::new(&spec);
        let stored: Vec<StoredPost> = posts
            .iter()
            .map(|(file, text)| {
                let post = read_post(
                    &site,
                    0,
                    format!("_posts/{file}"),
                    PostKind::Post,
                    text.as_bytes().to_vec(),
                )
                .expect("a post")
                .expect("not a draft");
                let extraction = crate::extract::extract(&post);
                StoredPost { post, extraction }
            })
            .collect();
        Catalog::build(&stored, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{DeadlineKind, Extraction};

    fn event(title: &str, start: (i32, u32, u32), primary: bool, place: &str) -> Event {
        let day = NaiveDate::from_ymd_opt(start.0, start.1, start.2).expect("a day");
        Event {
            title: title.into(),
            start: day,
            end: day,
            precision: Precision::Day,
            start_time: None,
            end_time: None,
            place: Some(place.into()),
            primary,
            cancelled: false,
            registration_url: None,
        }
    }

    #[test]
    fn a_deadline_after_the_main_gathering_is_the_later_ones() {
        let meeting = event("Monthly meeting", (2023, 1, 18), true, "Seattle");
        let fling = event("Spring Fling", (2023, 4, 21), false, "Bothell");
        let deadline = |m, d, kind| Deadline {
            date: NaiveDate::from_ymd_opt(2023, m, d).expect("a day"),
            kind,
        };
        let x = Extraction {
            lang: Language::En,
            events: vec![meeting.clone(), fling.clone()],
            deadlines: vec![
                deadline(1, 16, DeadlineKind::Registration),
                deadline(3, 10, DeadlineKind::Proposal),
            ],
            registration_url: None,
            help: Vec::new(),
            price: None,
            venue: None,
        };
        assert_eq!(
            deadlines_of(&x, &meeting),
            vec![deadline(1, 16, DeadlineKind::Registration)]
        );
        assert_eq!(
            deadlines_of(&x, &fling),
            vec![deadline(3, 10, DeadlineKind::Proposal)]
        );
    }
}
