//! A bound on how deeply a post's HTML nests. The HTML parser checks its stack of open
//! elements for each tag, so a post nested thousands of levels deep (`<div>` 20,000 times)
//! costs time in the square of its size. Before parsing, elements deeper than the bound
//! lose their tags and keep their text: no real post nests anywhere near it. One linear
//! pass over the text, which understands just enough HTML to count levels: comments,
//! raw-text elements, quoted attributes, void elements and those whose end tag is optional
//! (which the parser closes by itself, so they never pile up).

use std::borrow::Cow;

/// Levels of elements kept; deeper ones are unwrapped.
pub const MAX_DEPTH: usize = 100;

/// How far down the stack a closing tag looks for its element: a stray `</div>` must not
/// cost a walk down a deep stack.
const CLOSE_REACH: usize = 16;

/// `html` with the tags of elements nested deeper than `max` removed; borrowed when none is.
pub fn bound(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Tracked open elements, innermost last: (name, tags kept).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut out: Option<String> = None;
    // Text up to `copied` is in `out` (once it exists).
    let mut copied = 0;
    let mut i = 0;
    while let Some(pos) = memchr(b'<', &bytes[i..]) {
        let start = i + pos;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment
                .find("-->")
                .map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_at = start + if closing { 2 } else { 1 };
        let name: String = html[name_at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || !html.as_bytes()[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let end = tag_end(bytes, name_at + name.len());
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        let mut keep = true;
        if is_raw_text(&name) && !closing {
            // Skip to the end of a script or style: its text is not markup.
            i = closing_tag(bytes, end, &name).unwrap_or(bytes.len());
            continue;
        }
        if tracked(&name) && !self_closing {
            if closing {
                let reach = stack.len().saturating_sub(CLOSE_REACH);
                if let Some(k) = stack[reach..].iter().rposition(|(n, _)| *n == name) {
                    keep = stack[reach + k].1;
                    stack.truncate(reach + k);
                }
            } else {
                keep = stack.len() < max;
                stack.push((name, keep));
            }
        }
        if !keep {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..start]);
            copied = end;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// Where `</name` (in any case) starts, from `from` on.
fn closing_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let mut k = from;
    while let Some(pos) = memchr(b'<', &bytes[k..]) {
        let at = k + pos;
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(at);
        }
        k = at + 1;
    }
    None
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

/// Where a tag ends: after its `>`, past quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), b) if *b == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "noscript"
    )
}

/// Elements that can pile up: not void, and not closed by the parser when a sibling opens.
fn tracked(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "option"
            | "optgroup"
            | "rb"
            | "rt"
            | "rp"
            | "colgroup"
            | "caption"
            | "html"
            | "head"
            | "body"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_ordinary_html_alone() {
        let html = "<div class=\"a>b\"><p>One<p>Two<ul><li>x<li>y</ul><br><img src=x></div>\
                    <!-- <div> --><script>if (a < b) { '<div>' }</script>";
        assert!(matches!(bound(html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn unwraps_elements_below_the_bound_and_keeps_their_text() {
        let html = format!("{}deep{}", "<div>".repeat(5), "</div>".repeat(5));
        assert_eq!(bound(&html, 2), "<div><div>deep</div></div>");
        let html = "<div><section><b>x</b></section><span>y</span></div>";
        assert_eq!(
            bound(html, 2),
            "<div><section>x</section><span>y</span></div>"
        );
    }

    #[test]
    fn stray_and_unclosed_tags_do_not_confuse_the_count() {
        let html = format!("{}<div>kept</div>", "</div>".repeat(50));
        assert!(matches!(bound(&html, 1), Cow::Borrowed(_)));
        let html = "<div><span>a</div><div>b</div>";
        assert_eq!(bound(html, 1), "<div>a</div><div>b</div>");
    }
}
