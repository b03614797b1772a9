//! Every integration test of crieur, one module per subject, in one binary: one link
//! instead of one per file, and helpers shared without copies.

// matrix-sdk's futures are deep: proving a sync task `Send` needs more than 128 steps.
#![recursion_limit = "256"]

mod support;

mod answer;
mod cli;
mod crash;
mod extraction;
mod follow;
mod http;
mod ics;
mod ingest;
mod irc;
mod irc_fake;
mod irc_outage;
mod irc_reconnect;
mod layers;
mod matrix;
mod phrasings;
mod reload;
mod schedule;
mod seeds;
mod service;
mod store;
