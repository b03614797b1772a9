//! crieur reads a community's website and tells its members about its gatherings.
//!
//! # Layout
//! - `post`: a post as structured text, the contract between reading and extraction.
//! - `ingest`: site folders (Jekyll, Hugo) → posts (front matter, Markdown/HTML, links).
//! - `lexicon`: the words of each language (months, gathering words, cues), one file each.
//! - `extract`: posts → events, deadlines, places, registration links (pure).
//! - `store`: the sled store (posts, events by date, deadlines); the only code naming sled.
//! - `index`: reads sites, extracts, and brings the store in line with them.
//! - `export`: JSON and iCalendar output.
//! - `config`: the TOML file, its defaults and validation.
//! - `source`: `--config` / `--site` on the command line → sites and a store location.
//! - `bench`, `synthetic`: throughput measurements on real and generated sites.
//! - `unicode`: invisible characters that change how text displays, removed from posts.

// matrix-sdk's futures are deep: proving the sync task `Send` needs more than 128 steps.
#![recursion_limit = "256"]

pub mod answer;
pub mod bench;
pub mod bot;
pub mod chat;
pub mod clock;
pub mod config;
pub mod export;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod post;
pub mod run;
pub mod schedule;
pub mod source;
pub mod store;
pub mod synthetic;
pub mod transport;
pub mod unicode;
