//! A reply, independent of the network: lines of text, emphasis and links, rendered as
//! plain text (IRC, terminal: at most N lines of at most M bytes, cut on UTF-8 boundaries,
//! control characters removed) or as HTML (Matrix: everything escaped, links only to
//! http(s) and mail addresses).

use crate::extract::Language;

#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    Link { text: String, url: String },
}

/// One line of a reply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line(pub Vec<Span>);

impl Line {
    pub fn text(mut self, s: impl Into<String>) -> Line {
        self.0.push(Span::Text(s.into()));
        self
    }

    pub fn strong(mut self, s: impl Into<String>) -> Line {
        self.0.push(Span::Strong(s.into()));
        self
    }

    pub fn link(mut self, text: impl Into<String>, url: impl Into<String>) -> Line {
        self.0.push(Span::Link {
            text: text.into(),
            url: url.into(),
        });
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub lang: Language,
    pub lines: Vec<Line>,
}

/// Size limits of a plain rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub lines: usize,
    pub bytes: usize,
}

impl Limits {
    /// What a Libera channel tolerates from a bot: 4 lines of 400 bytes.
    pub const IRC: Limits = Limits {
        lines: 4,
        bytes: 400,
    };
}

impl Reply {
    pub fn new(lang: Language) -> Reply {
        Reply {
            lang,
            lines: Vec::new(),
        }
    }

    pub fn line(mut self, line: Line) -> Reply {
        self.lines.push(line);
        self
    }

    /// Plain text lines within `limits`; a line too long is cut at a character boundary
    /// and marked with "…", lines beyond the limit are dropped (answers page themselves).
    pub fn plain(&self, limits: Limits) -> Vec<String> {
        self.lines
            .iter()
            .take(limits.lines)
            .map(|line| cut(&plain_line(line), limits.bytes))
            .collect()
    }

    /// The whole reply as plain text, one line per line, no limits (the terminal).
    pub fn plain_text(&self) -> String {
        self.lines
            .iter()
            .map(plain_line)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// HTML for Matrix: lines joined with `<br>`, every text escaped.
    pub fn html(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            for span in &line.0 {
                match span {
                    Span::Text(t) => out.push_str(&escape(&clean(t))),
                    Span::Strong(t) => {
                        out.push_str("<b>");
                        out.push_str(&escape(&clean(t)));
                        out.push_str("</b>");
                    }
                    Span::Link { text, url } if safe_url(url) => {
                        out.push_str("<a href=\"");
                        out.push_str(&escape(url));
                        out.push_str("\">");
                        out.push_str(&escape(&clean(text)));
                        out.push_str("</a>");
                    }
                    Span::Link { text, url } => {
                        out.push_str(&escape(&clean(&link_text(text, url))));
                    }
                }
            }
        }
        out
    }
}

fn plain_line(line: &Line) -> String {
    let mut out = String::new();
    for span in &line.0 {
        match span {
            Span::Text(t) | Span::Strong(t) => out.push_str(&clean(t)),
            Span::Link { text, url } => out.push_str(&clean(&link_text(text, url))),
        }
    }
    out.trim_end().to_string()
}

/// A link in plain text: the address alone when the text is the address, else both.
fn link_text(text: &str, url: &str) -> String {
    let bare = url.trim_start_matches("mailto:");
    if text.is_empty() || text == url || text == bare {
        bare.to_string()
    } else {
        format!("{text} {url}")
    }
}

/// Control characters (CR, LF, CTCP's \x01, IRC formatting) never reach a network, nor
/// invisible characters that change how text displays.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !crate::unicode::is_deceptive(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Cuts to at most `max` bytes on a character boundary, preferring a space, with "…".
fn cut(line: &str, max: usize) -> String {
    if line.len() <= max {
        return line.to_string();
    }
    let room = max.saturating_sub('…'.len_utf8());
    let mut end = room;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(space) = line[..end].rfind(' ').filter(|s| *s > room / 2) {
        end = space;
    }
    format!("{}…", line[..end].trim_end())
}

pub fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hostile_post_content_in_html() {
        let reply = Reply::new(Language::En).line(
            Line::default()
                .strong("<script>alert('x')</script> & \"friends\"")
                .text(": ")
                .link("form", "https://x.example/?a=1&b=<2>")
                .text(" ")
                .link("evil", "javascript:alert(1)"),
        );
        let html = reply.html();
        assert_eq!(
            html,
            "<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;</b>: \
             <a href=\"https://x.example/?a=1&amp;b=&lt;2&gt;\">form</a> evil javascript:alert(1)"
        );
    }

    #[test]
    fn plain_lines_have_no_control_characters_and_fit() {
        let title = format!("Title\r\nQUIT :x \u{1}VERSION\u{1} {}", "é".repeat(300));
        let reply = Reply::new(Language::En)
            .line(Line::default().text(title))
            .line(Line::default().text("2"))
            .line(Line::default().text("3"))
            .line(Line::default().text("4"))
            .line(Line::default().text("5"));
        let lines = reply.plain(Limits::IRC);
        assert_eq!(lines.len(), 4);
        assert!(lines[0].len() <= 400, "{}", lines[0].len());
        assert!(lines[0].ends_with('…'));
        assert!(!lines.iter().any(|l| l.chars().any(|c| c.is_control())));
        assert!(lines[0].starts_with("Title  QUIT :x  VERSION "));
    }
}
