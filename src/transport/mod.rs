//! The ways crieur talks to people. Each transport owns its protocol and nothing else.

pub mod backoff;
pub mod console;
pub mod http;
pub mod irc;
pub mod matrix;
