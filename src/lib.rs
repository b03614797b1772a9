//! crieur reads a community's website and tells its members about its gatherings.
//!
//! # Layout
//! - `post`: a post as structured text, the contract between reading and extraction.
//! - `ingest`: site folders (Jekyll, Hugo) → posts.
//! - `extract`: posts → events, deadlines, places, registration links (pure).

pub mod export;
pub mod extract;
pub mod ingest;
pub mod post;
