//! What `crieur export` writes: the posts' events as JSON (the shape of the evaluation
//! labels) or as an iCalendar file.

pub mod ics;
pub mod json;
pub mod outbox;
pub mod page;
