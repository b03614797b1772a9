//! The JSON export: one object per post with its events, deadlines and registration link,
//! in the shape of `shared/eval/LABELS.md` (dates `YYYY-MM-DD`, or `YYYY-MM` for a month).

use crate::extract::{DeadlineKind, Event, Extraction, Precision};
use crate::post::Post;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub posts: Vec<ExportPost<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportPost<'a> {
    pub file: &'a str,
    pub lang: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub events: Vec<ExportEvent<'a>>,
    pub deadlines: Vec<ExportDeadline>,
    pub registration_url: Option<&'a str>,
    /// Where to get help, for help pages.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub help: &'a [crate::extract::help::HelpEntry],
}

#[derive(Debug, Serialize)]
pub struct ExportEvent<'a> {
    pub title: &'a str,
    pub start: String,
    pub end: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<&'a str>,
    pub primary: bool,
    pub cancelled: bool,
}

#[derive(Debug, Serialize)]
pub struct ExportDeadline {
    pub date: String,
    pub kind: DeadlineKind,
}

pub fn post<'a>(post: &'a Post, extraction: &'a Extraction) -> ExportPost<'a> {
    ExportPost {
        file: &post.file,
        lang: extraction.lang.code(),
        title: &post.title,
        url: post.url.as_deref(),
        events: extraction.events.iter().map(event).collect(),
        deadlines: extraction
            .deadlines
            .iter()
            .map(|d| ExportDeadline {
                date: d.date.format("%Y-%m-%d").to_string(),
                kind: d.kind,
            })
            .collect(),
        registration_url: extraction.registration_url.as_deref(),
        help: &extraction.help,
    }
}

fn event(e: &Event) -> ExportEvent<'_> {
    let day = |d: chrono::NaiveDate| match e.precision {
        Precision::Day => d.format("%Y-%m-%d").to_string(),
        Precision::Month => d.format("%Y-%m").to_string(),
    };
    let time = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    ExportEvent {
        title: &e.title,
        start: day(e.start),
        // A month's end is its last day: the same month, or the last of a period of months.
        end: day(e.end),
        start_time: time(e.start_time),
        end_time: time(e.end_time),
        place: e.place.as_deref(),
        primary: e.primary,
        cancelled: e.cancelled,
    }
}
