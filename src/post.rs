//! A post as crieur understands it: metadata plus the body as structured text (headings,
//! paragraphs, list items, links). Produced by `ingest`, read by `extract`; no I/O here.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One post or page of a site, ready for extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// Path relative to the site root, with `/` separators (`_posts/2026-01-08-x.md`).
    pub file: String,
    /// Which configured site it comes from (its index in the sources).
    pub site: usize,
    /// Absolute address of the post on the web site, when it can be known.
    pub url: Option<String>,
    pub title: String,
    /// Publication date: the front matter's, else the file name's.
    pub date: Option<NaiveDateTime>,
    /// Language from the front matter or the file name (`-fr`, `.fr.md`), if stated.
    pub lang: Option<String>,
    /// Shared by translations of one post (`uid`, `ref`, `translationKey`).
    pub uid: Option<String>,
    pub tags: Vec<String>,
    /// Every front-matter value as text, with its key path (`location`, `params.venue`,
    /// `social[].time`): extraction reads gatherings' dates, places and links from them.
    #[serde(default)]
    pub fields: Vec<Field>,
    pub kind: PostKind,
    /// Line of the source file where the body starts (1-based), for error messages.
    pub body_line: usize,
    /// Its site's English writes numeric dates day first ("09/12/2023" is 9 December).
    #[serde(default)]
    pub day_first: bool,
    pub doc: Document,
}

/// One front-matter value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostKind {
    Post,
    Draft,
    Page,
}

/// The body as a sequence of blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Whitespace-collapsed text; `\n` marks a hard line break (`<br>`).
    pub text: String,
    pub links: Vec<Link>,
    /// For a table cell, the number of its row in the post (from 1): the cells of one row
    /// say one thing ("Madrid | martes 19 de junio | 18:30").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The post's title, given to extraction as the first block.
    Title,
    Heading(u8),
    Paragraph,
    ListItem,
    Cell,
    Quote,
    /// Preformatted text: code samples, program output. Not prose.
    Code,
}

/// A link: its text, its absolute target, and where its text sits in the block's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    pub url: String,
    pub start: usize,
    pub end: usize,
}

impl Post {
    /// The title as a block followed by the body's blocks: what extraction reads.
    pub fn blocks_with_title(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Block>> {
        let title = Block {
            kind: BlockKind::Title,
            text: self.title.clone(),
            links: Vec::new(),
            row: None,
        };
        std::iter::once(std::borrow::Cow::Owned(title))
            .chain(self.doc.blocks.iter().map(std::borrow::Cow::Borrowed))
    }
}
