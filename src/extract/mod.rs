//! Extraction: from a post's structured text to the gatherings it announces. Pure
//! functions of (text, post date): no I/O, no clock.

pub mod date;
pub mod lexicon;
pub mod token;
