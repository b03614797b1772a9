//! Post bodies to structured text: Markdown (with inline HTML) is rendered to HTML by
//! pulldown-cmark, HTML is parsed by html5ever (through `scraper`), and the tree is walked
//! into blocks (headings, paragraphs, list items, table cells) with their links made
//! absolute. Scripts, styles and images carry no text for readers and are dropped.

use super::depth;
use crate::post::{Block, BlockKind, Document, Link};
use scraper::{Html, Node};
use url::Url;

/// How the body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Html,
}

/// Reads a body (Liquid already stripped) into blocks; `base` resolves relative links.
pub fn read(body: &str, markup: Markup, base: Option<&Url>) -> Document {
    let html = match markup {
        Markup::Html => body.to_string(),
        Markup::Markdown => markdown_to_html(body),
    };
    let fragment = Html::parse_fragment(&depth::bound(&html, depth::MAX_DEPTH));
    let mut walker = Walker {
        base,
        blocks: Vec::new(),
        current: Pending::default(),
        kinds: Vec::new(),
        pre: 0,
        flushes: 0,
        links_open: 0,
        term_read: false,
        rows: 0,
    };
    walker.walk(fragment.tree.root());
    walker.flush();
    Document {
        blocks: labelled_rows(walker.blocks),
    }
}

/// A table of two columns whose first says what the second is ("| **Fecha** | jueves
/// 14/09/2023 |", "| Lieu | Salle des fêtes |"): each such row is one labelled line,
/// "Fecha : jueves 14/09/2023", as a definition list's term and definition are. Not in a
/// table whose first row names its columns ("| Étape | Date |"): its rows are records.
fn labelled_rows(blocks: Vec<Block>) -> Vec<Block> {
    let mut cells: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for row in blocks.iter().filter_map(|b| b.row) {
        *cells.entry(row).or_default() += 1;
    }
    let two = |b: &Block| b.row.is_some_and(|r| cells.get(&r) == Some(&2));
    // Which blocks are a label whose value is the next block.
    let mut labels = vec![false; blocks.len()];
    let mut records = false;
    for k in 0..blocks.len() {
        let Some(row) = blocks[k].row else {
            continue;
        };
        let next = blocks.get(k + 1).filter(|n| n.row == Some(row));
        if k == 0 || blocks[k - 1].row.is_none() {
            // A first row of two column names: a table of records.
            records = two(&blocks[k]) && is_row_label(&blocks[k]) && next.is_some_and(is_row_label);
        }
        let starts_row = k == 0 || blocks[k - 1].row != Some(row);
        labels[k] =
            !records && starts_row && two(&blocks[k]) && is_row_label(&blocks[k]) && next.is_some();
    }
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut label: Option<Block> = None;
    for (block, is_label) in blocks.into_iter().zip(labels) {
        if is_label {
            label = Some(block);
            continue;
        }
        let Some(head) = label.take() else {
            out.push(block);
            continue;
        };
        let head = format!("{} : ", head.text.trim_end_matches([':', ' ']));
        let shift = head.len();
        out.push(Block {
            text: head + block.text.as_str(),
            links: block
                .links
                .into_iter()
                .map(|l| Link {
                    start: l.start + shift,
                    end: l.end + shift,
                    ..l
                })
                .collect(),
            ..block
        });
    }
    out
}

/// Whether a cell reads as a label: a few words, no figures, no link.
fn is_row_label(cell: &Block) -> bool {
    let words = cell.text.split_whitespace().count();
    cell.links.is_empty()
        && (1..=3).contains(&words)
        && cell.text.chars().count() <= 30
        && !cell.text.chars().any(|c| c.is_ascii_digit() || c == '\n')
}

fn markdown_to_html(body: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    // Definition lists ("Date\n: mardi 19 mars") as Hugo's Goldmark and kramdown read them.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_DEFINITION_LIST;
    let body = separate_html_lines(body);
    let body = break_before_labels(&body);
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(&body, options));
    out
}

/// Jekyll's kramdown ends an HTML block at its closing tag, CommonMark only at a blank
/// line: without this, the Markdown line after `<p>&nbsp;</p>` would be read as raw HTML
/// and its `[links](…)` lost. A blank line after each one-line HTML block keeps them.
fn separate_html_lines(body: &str) -> std::borrow::Cow<'_, str> {
    let is_block_line = |line: &str| {
        let l = line.trim();
        let Some(rest) = l.strip_prefix('<') else {
            return false;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let block = matches!(
            name.to_ascii_lowercase().as_str(),
            "p" | "div"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "table"
                | "ul"
                | "ol"
                | "blockquote"
                | "section"
                | "figure"
                | "center"
        );
        block
            && l.to_ascii_lowercase()
                .ends_with(&format!("</{}>", name.to_ascii_lowercase()))
    };
    let lines: Vec<&str> = body.split('\n').collect();
    let needs = lines
        .windows(2)
        .any(|w| is_block_line(w[0]) && !w[1].trim().is_empty());
    if !needs {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len() + 64);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        if is_block_line(line) && lines.get(i + 1).is_some_and(|n| !n.trim().is_empty()) {
            out.push('\n');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// "**When:** Friday, June 23rd⏎**Where:** Trinity Bellwoods Park, Toronto": lines that
/// open with a label are lines of their own, as their author wrote them, though Markdown
/// joins the lines of a paragraph. The line before each ends with a hard break.
fn break_before_labels(body: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = body.split('\n').collect();
    let joins = |i: usize| {
        i > 0 && opens_with_label(lines[i]) && {
            let before = lines[i - 1].trim();
            !before.is_empty()
                && !before.starts_with(['#', '|', '`', '<'])
                && !before.ends_with("  ")
        }
    };
    if !(0..lines.len()).any(joins) {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len() + 64);
    let mut fenced = false;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            if !fenced && joins(i) {
                out.push('\\');
            }
            out.push('\n');
        }
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

/// A line that opens with a short label and a colon: "**When:** …", "Lieu : …", "__Fecha__:
/// …", "¿Dónde? …" is not one (a question may close a line of prose).
fn opens_with_label(line: &str) -> bool {
    let l = line.trim_start();
    // A list item is a block of its own already.
    let item = l.starts_with("- ") || l.starts_with("* ") || l.starts_with("+ ");
    if item || l.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let l = l.trim_start_matches(['*', '_']).trim_start();
    let Some(colon) = l.find(':') else {
        return false;
    };
    let label = l[..colon].trim_end_matches(['*', '_', ' ', '\u{a0}']);
    let words = label.split_whitespace().count();
    let lettered = !label.is_empty()
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\u{a0}' || c == '?' || c == '¿');
    // Not a web address ("https://…") nor a clock ("10:00").
    lettered && (1..=3).contains(&words) && !l[colon..].starts_with("://")
}

#[derive(Default)]
struct Pending {
    text: String,
    links: Vec<Link>,
}

struct Walker<'a> {
    base: Option<&'a Url>,
    blocks: Vec<Block>,
    current: Pending,
    /// For each open block-level ancestor, innermost last, the kind its text takes: its own,
    /// or for a plain paragraph-like block, that of the nearest ancestor that is more.
    kinds: Vec<BlockKind>,
    pre: usize,
    /// How many times the pending text was flushed into a block.
    flushes: usize,
    /// Links being read (an image inside one gives it its text).
    links_open: usize,
    /// A definition's term was just read ("Date"): its definition continues its line.
    term_read: bool,
    /// Table rows opened so far: the number of the current one.
    rows: u32,
}

/// Elements that carry no text for readers.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "svg" | "video" | "audio" | "noscript" | "head" | "title"
    )
}

/// What is left to do for an element once its children are read.
struct Close {
    kind: Option<BlockKind>,
    pre: bool,
    /// A definition list's term ("Date", "Lieu"), a label for its definition.
    term: bool,
    /// Where the link's text starts (the pending text's generation and offset), and its target.
    link: Option<(usize, usize, String)>,
}

impl Walker<'_> {
    /// Reads the tree in document order with a stack of its own: a post nested thousands of
    /// levels deep must not exhaust the thread's stack.
    fn walk(&mut self, root: ego_tree::NodeRef<'_, Node>) {
        enum Step<'n> {
            Open(ego_tree::NodeRef<'n, Node>),
            Close(Close),
        }
        let mut stack = vec![Step::Open(root)];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Close(close) => {
                    self.close(close);
                    continue;
                }
                Step::Open(node) => node,
            };
            match node.value() {
                Node::Text(text) => self.push_text(text),
                Node::Element(el) => {
                    let name = el.name();
                    if skipped(name) {
                        continue;
                    }
                    if name == "br" {
                        self.push_break();
                        continue;
                    }
                    if name == "img" {
                        // Inside a link, its description is the link's text ("Eventbrite -
                        // Jornadas 2015" on a ticket button); elsewhere it is decoration.
                        if self.links_open > 0
                            && let Some(alt) = el.attr("alt")
                        {
                            self.push_text(alt);
                        }
                        continue;
                    }
                    if name == "iframe" {
                        // An embedded form or ticket office is a link to it.
                        if let Some(src) = el.attr("src") {
                            self.embed(src);
                        }
                        continue;
                    }
                    // "<dt>Date</dt><dd>mardi 19 mars</dd>": one labelled line, "Date : …".
                    let continues_term = name == "dd" && std::mem::take(&mut self.term_read);
                    let kind = block_kind(name).filter(|_| name != "dt");
                    if let Some(kind) = kind {
                        if !continues_term {
                            self.flush();
                        }
                        let inherited = match (kind, self.kinds.last()) {
                            (BlockKind::Paragraph, Some(&outer)) => outer,
                            _ => kind,
                        };
                        self.kinds.push(inherited);
                    }
                    if name == "pre" {
                        self.pre += 1;
                    }
                    if name == "tr" {
                        self.rows += 1;
                    }
                    let link = (name == "a")
                        .then(|| el.attr("href"))
                        .flatten()
                        .map(|href| (self.flushes, self.current.text.len(), href.to_string()));
                    if link.is_some() {
                        self.links_open += 1;
                    }
                    if name == "dt" {
                        self.flush();
                    }
                    stack.push(Step::Close(Close {
                        kind,
                        pre: name == "pre",
                        term: name == "dt",
                        link,
                    }));
                    stack.extend(node.children().rev().map(Step::Open));
                }
                _ => stack.extend(node.children().rev().map(Step::Open)),
            }
        }
    }

    fn close(&mut self, close: Close) {
        if close.link.is_some() {
            self.links_open -= 1;
        }
        if let Some((generation, start, href)) = close.link {
            // A block inside the link flushed the text it started in: it starts anew.
            let start = if generation == self.flushes { start } else { 0 };
            self.add_link(start, &href);
        }
        if close.pre {
            self.pre -= 1;
        }
        if close.term {
            self.push_text(" :");
            self.term_read = true;
        }
        if close.kind.is_some() {
            self.flush();
            self.kinds.pop();
        }
    }

    /// An embedded frame (a form, a ticket office, a video) as a block holding its address.
    fn embed(&mut self, src: &str) {
        let Some(url) = resolve(self.base, src) else {
            return;
        };
        self.flush();
        let kind = self.kind();
        self.blocks.push(Block {
            kind,
            row: self.row(kind),
            links: vec![Link {
                text: String::new(),
                url: url.clone(),
                start: 0,
                end: url.len(),
            }],
            text: url,
        });
    }

    fn push_text(&mut self, text: &str) {
        let buf = &mut self.current.text;
        if self.pre > 0 {
            buf.push_str(text);
            return;
        }
        for (i, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
            let needs_space = i > 0 && !buf.is_empty() && !buf.ends_with([' ', '\n']);
            if needs_space {
                buf.push(' ');
            }
            buf.push_str(word);
        }
    }

    fn push_break(&mut self) {
        let buf = &mut self.current.text;
        while buf.ends_with(' ') {
            buf.pop();
        }
        if !buf.is_empty() {
            buf.push('\n');
        }
    }

    fn add_link(&mut self, start: usize, href: &str) {
        let Some(url) = resolve(self.base, href) else {
            return;
        };
        let text = self.current.text[start..].trim();
        let lead = self.current.text[start..].len() - self.current.text[start..].trim_start().len();
        self.current.links.push(Link {
            text: text.to_string(),
            url,
            start: start + lead,
            end: start + lead + text.len(),
        });
    }

    fn flush(&mut self) {
        self.flushes += 1;
        let pending = std::mem::take(&mut self.current);
        let text = pending.text.trim_end();
        let lead = text.len() - text.trim_start().len();
        let text = text.trim_start();
        if text.is_empty() {
            return;
        }
        let mut links: Vec<Link> = pending
            .links
            .into_iter()
            .filter(|l| l.end <= lead + text.len() && l.start >= lead)
            .map(|l| Link {
                start: l.start - lead,
                end: l.end - lead,
                ..l
            })
            .collect();
        add_bare_urls(text, &mut links);
        let kind = self.kind();
        self.blocks.push(Block {
            kind,
            text: text.to_string(),
            links,
            row: self.row(kind),
        });
    }

    /// The kind of the text being read.
    fn kind(&self) -> BlockKind {
        self.kinds.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    /// The row a cell is in.
    fn row(&self, kind: BlockKind) -> Option<u32> {
        (kind == BlockKind::Cell).then_some(self.rows)
    }
}

fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading(name.as_bytes()[1] - b'0'),
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "td" | "th" => BlockKind::Cell,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Code,
        "p" | "div" | "section" | "article" | "header" | "footer" | "aside" | "main" | "tr"
        | "table" | "ul" | "ol" | "dl" | "figure" | "figcaption" | "hr" | "form" | "nav"
        | "details" | "summary" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// Makes `href` absolute; fragments-only and script links are not links for readers.
fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty()
        || href.starts_with('#')
        || href.to_ascii_lowercase().starts_with("javascript:")
    {
        return None;
    }
    match Url::parse(href) {
        // As written: readers and forms know the address by its text ("…eventbrite.com",
        // not "…eventbrite.com/"), which is also what a member can check in the post.
        Ok(_) => Some(href.to_string()),
        Err(url::ParseError::RelativeUrlWithoutBase) => match base {
            Some(base) => base.join(href).ok().map(|u| u.to_string()),
            None => Some(href.to_string()),
        },
        Err(_) => None,
    }
}

/// Addresses written as plain text (`https://…`) are links too, unless a written link
/// already covers them.
fn add_bare_urls(text: &str, links: &mut Vec<Link>) {
    // Written links do not overlap: the one starting last at or before an address is the
    // only one that can cover it.
    let mut spans: Vec<(usize, usize)> = links.iter().map(|l| (l.start, l.end)).collect();
    spans.sort_unstable();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("http") {
        let start = from + pos;
        let rest = &text[start..];
        if !(rest.starts_with("https://") || rest.starts_with("http://")) {
            from = start + 4;
            continue;
        }
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»'))
            .unwrap_or(rest.len());
        let url = rest[..len].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '\'']);
        let end = start + url.len();
        let before = spans.partition_point(|(s, _)| *s <= start);
        let covered = before > 0 && {
            let (s, e) = spans[before - 1];
            end <= e.max(s + 1) && e > start
        };
        if !covered && Url::parse(url).is_ok() {
            found.push(Link {
                text: url.to_string(),
                url: url.to_string(),
                start,
                end,
            });
        }
        from = end.max(start + 4);
    }
    links.extend(found);
    links.sort_by_key(|l| l.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://www.example.org/").unwrap()
    }

    #[test]
    fn keeps_headings_paragraphs_and_list_items() {
        let doc = read(
            "# Title\n\nSome *text*.\n\n * one\n * two\n",
            Markup::Markdown,
            None,
        );
        let kinds: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading(1), "Title"),
                (BlockKind::Paragraph, "Some text."),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
            ]
        );
    }

    #[test]
    fn a_line_that_opens_with_a_label_stays_a_line() {
        for (md, text) in [
            (
                "**When:** Friday, June 23rd, 10pm – 2am\n**Where:** Trinity Bellwoods Park, Toronto",
                "When: Friday, June 23rd, 10pm – 2am\nWhere: Trinity Bellwoods Park, Toronto",
            ),
            (
                "Fecha: sábado 8 de junio\nLugar: Rosario",
                "Fecha: sábado 8 de junio\nLugar: Rosario",
            ),
            (
                "**Quand ?** samedi 14 mars\n**Lieu :** Lyon",
                "Quand ? samedi 14 mars\nLieu : Lyon",
            ),
            // Prose, a clock and a web address go on as Markdown joins them.
            (
                "We meet at\n10:00 at the library, see\nhttps://example.org/ for more.",
                "We meet at 10:00 at the library, see https://example.org/ for more.",
            ),
        ] {
            let doc = read(md, Markup::Markdown, None);
            assert_eq!(doc.blocks[0].text, text, "{md}");
        }
    }

    #[test]
    fn keeps_links_with_text_and_absolute_target() {
        let doc = read(
            "Register [here](/fr/geocom2025/) now.",
            Markup::Markdown,
            Some(&base()),
        );
        let block = &doc.blocks[0];
        assert_eq!(block.text, "Register here now.");
        let link = &block.links[0];
        assert_eq!(link.url, "https://www.example.org/fr/geocom2025/");
        assert_eq!(&block.text[link.start..link.end], "here");
    }

    #[test]
    fn reads_inline_html_inside_markdown() {
        let doc = read(
            "<p>Inscrivez-vous <a href=\"https://f.example/x\">ici</a> avant le 8 octobre.</p>\n\nPlain **bold**.",
            Markup::Markdown,
            None,
        );
        assert_eq!(doc.blocks[0].text, "Inscrivez-vous ici avant le 8 octobre.");
        assert_eq!(doc.blocks[0].links[0].url, "https://f.example/x");
        assert_eq!(doc.blocks[1].text, "Plain bold.");
    }

    #[test]
    fn line_breaks_separate_address_lines() {
        let doc = read(
            "<p>In Rennes<br />5 rue Martenot<br />35000 Rennes</p>",
            Markup::Html,
            None,
        );
        assert_eq!(
            doc.blocks[0].text,
            "In Rennes\n5 rue Martenot\n35000 Rennes"
        );
    }

    #[test]
    fn drops_scripts_styles_images_and_fragment_links() {
        let doc = read(
            "<script>alert(1)</script><style>p{}</style><p><img src=x alt=y>Hi <a href=\"#\">there</a></p>",
            Markup::Html,
            None,
        );
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.blocks[0].text, "Hi there");
        assert!(doc.blocks[0].links.is_empty());
    }

    #[test]
    fn reads_markdown_after_a_one_line_html_block() {
        let doc = read(
            "<p>&nbsp;</p>\nSee [the page](/fr/x/).",
            Markup::Markdown,
            Some(&base()),
        );
        let block = doc
            .blocks
            .iter()
            .find(|b| b.text.starts_with("See"))
            .expect("the markdown line");
        assert_eq!(block.links[0].url, "https://www.example.org/fr/x/");
    }

    #[test]
    fn finds_bare_urls_in_text() {
        let doc = read(
            "Vote here: https://framadate.org/abc. Thanks",
            Markup::Markdown,
            None,
        );
        assert_eq!(doc.blocks[0].links[0].url, "https://framadate.org/abc");
    }

    #[test]
    fn decodes_entities_and_keeps_table_cells() {
        let doc = read(
            "| a | b &amp; c | d |\n|---|---|---|\n| 14h00 | Accueil | Hall |\n",
            Markup::Markdown,
            None,
        );
        let texts: Vec<_> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["a", "b & c", "d", "14h00", "Accueil", "Hall"]);
        assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Cell));
        // The cells of a row share its number; text outside a table has none.
        let rows: Vec<_> = doc.blocks.iter().map(|b| b.row).collect();
        assert_eq!(
            rows,
            vec![Some(1), Some(1), Some(1), Some(2), Some(2), Some(2)]
        );
        let doc = read(
            "<table><tr><td>Lyon</td><td><p>12 mars</p></td><td>Hall</td></tr></table><p>Bienvenue</p>",
            Markup::Html,
            None,
        );
        let rows: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.row))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("Lyon", Some(1)),
                ("12 mars", Some(1)),
                ("Hall", Some(1)),
                ("Bienvenue", None)
            ]
        );
    }

    #[test]
    fn a_table_of_labels_and_values_gives_labelled_lines() {
        let doc = read(
            "| Datos | |\n|---|---|\n| **Fecha** | jueves 14/09/2023 |\n\
             | Inscripción: | [formulario](https://forms.example.org/x) |\n\
             | 14h00 | Accueil |\n",
            Markup::Markdown,
            None,
        );
        let texts: Vec<_> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Datos",
                "Fecha : jueves 14/09/2023",
                "Inscripción : formulario",
                "14h00",
                "Accueil"
            ]
        );
        // The value's link keeps its place in the line.
        let line = &doc.blocks[2];
        let link = &line.links[0];
        assert_eq!(&line.text[link.start..link.end], "formulario");
    }
}
