//! Any bytes as a post (Markdown, HTML, or a help page): reading and extracting must
//! neither panic nor stall, and what comes out must be within the limits.

#![no_main]

use crieur::ingest::{Site, read_post};
use crieur::post::PostKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (file, kind) = match selector % 3 {
        0 => ("_posts/2026-01-08-meeting.md", PostKind::Post),
        1 => ("_posts/2026-01-08-meeting.html", PostKind::Post),
        _ => ("contact.md", PostKind::Page),
    };
    let site = Site::default();
    if let Ok(Some(post)) = read_post(&site, 0, file.to_string(), kind, bytes.to_vec()) {
        let extraction = crieur::index::extract_post(&post);
        assert!(extraction.events.len() <= crieur::extract::event::MAX_MENTIONS);
        for block in &post.doc.blocks {
            for link in &block.links {
                assert!(link.start <= link.end && link.end <= block.text.len());
            }
        }
    }
});
