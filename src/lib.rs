//! crieur reads a community's website and tells its members about its gatherings.
//!
//! # Layout, from the bottom up (a module imports only modules listed before it)
//! - `unicode`: invisible characters that change how text displays, removed from posts.
//! - `lexicon`: the words of each language (months, gathering words, cues), one file each,
//!   and the world's towns.
//! - `post`: a post as structured text, the contract between reading and extraction.
//! - `chat`: networks, rooms, senders and messages, whatever the network.
//! - `clock`: the real clock, or one started at a given instant (`--now`).
//! - `status`: what crieur knows of its own state while it runs (networks, sites,
//!   counters), for `/health` and `/metrics`.
//! - `ingest`: site folders (Jekyll, Hugo) → posts (front matter, Markdown/HTML, links).
//! - `extract`: posts → events, deadlines, places, registration links (pure).
//! - `store`: the sled store (posts, events by date, deadlines, outbox, announcements);
//!   the only code naming sled.
//! - `answer`: a member's question → a `Reply`, from the catalog of gatherings (pure).
//! - `schedule`: reminders and announcements due, and the runner that sends them through
//!   the outbox.
//! - `index`: reads sites, extracts, and brings the store in line with them.
//! - `export`: JSON, iCalendar, the outbox table and the web page of gatherings.
//! - `bot`: a message → what to do about it (commands, questions, organiser checks).
//! - `shared`: what the networks share in `crieur run` (the answering core in use, the
//!   clock, the way to the task that owns the store).
//! - `transport`: IRC, Matrix and the terminal: each carries messages, the bot decides;
//!   and the HTTP server (`/health`, `/metrics`, `/calendar.ics`, `/events.json`, `/`).
//! - `preview`: what crieur reads in posts and would post, shown before publishing.
//! - `config`: the TOML file, its defaults and validation, every problem with its line.
//! - `source`: `--config` / `--site` on the command line → sites and a store location.
//! - `run`: `crieur run`, wiring the config, the store, the networks and the scheduler in
//!   one process, and taking a re-read config while it runs (SIGHUP, `!reload`).
//! - `bench`, `synthetic`: throughput measurements on real and generated sites.

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
pub mod preview;
pub mod run;
pub mod schedule;
pub mod shared;
pub mod source;
pub mod status;
pub mod store;
pub mod synthetic;
pub mod transport;
pub mod unicode;
