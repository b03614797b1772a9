//! Front matter: splits a post's source into its metadata block and its body, and
//! reads the fields crieur uses. Jekyll/Hugo YAML (`---`), Hugo TOML (`+++`) and Hugo JSON
//! (an object opening the file).
//!
//! A hand-written splitter, because general front-matter crates mistake a `---` rule in
//! the body for an excerpt marker. Knows nothing about dates in prose or chat.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde_json::Value;

/// The metadata of one post, with the body that follows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<NaiveDateTime>,
    pub lang: Option<String>,
    /// Shared by the translations of one post (`uid`, `ref`, `translationKey`).
    pub uid: Option<String>,
    pub tags: Vec<String>,
    pub permalink: Option<String>,
    pub layout: Option<String>,
    pub draft: bool,
    /// Every value as text with its key path, for extraction to read by meaning.
    pub fields: Vec<(String, String)>,
}

/// The source split in two; `body_line` is the 1-based line where the body starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub meta: FrontMatter,
    pub body: &'a str,
    pub body_line: usize,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FrontMatterError {
    #[error("line {line}: front matter not closed; expected a line with {fence}")]
    Unclosed { line: usize, fence: &'static str },
    /// `line` and `column` count from the top of the file, fence included.
    #[error("line {line}, column {column}: front matter is not valid {format}: {message}")]
    Invalid {
        line: usize,
        column: usize,
        format: &'static str,
        message: String,
    },
}

/// Splits `source` (BOM and CRLF tolerated). A file without front matter is all body.
pub fn split(source: &str) -> Result<Split<'_>, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let first_line = source.lines().next().unwrap_or("");
    let (fence, format) = match first_line.trim_end() {
        "---" => ("---", Format::Yaml),
        "+++" => ("+++", Format::Toml),
        _ if opens_json(source) => return split_json(source),
        _ => {
            return Ok(Split {
                meta: FrontMatter::default(),
                body: source,
                body_line: 1,
            });
        }
    };
    let mut offset = first_line.len() + line_ending_len(source, first_line.len());
    let meta_start = offset;
    let mut line_no = 2;
    while offset < source.len() {
        let rest = &source[offset..];
        let line = rest.split('\n').next().unwrap_or("");
        let trimmed = line.trim_end();
        // Jekyll also accepts `...` as the YAML end marker.
        if trimmed == fence || (format == Format::Yaml && trimmed == "...") {
            let meta_src = &source[meta_start..offset];
            let body_start = (offset + line.len() + 1).min(source.len());
            // The front matter starts on the file's second line.
            let meta = parse_meta(meta_src, format).map_err(|(at, message)| {
                let (line, column) = at.unwrap_or((1, 1));
                FrontMatterError::Invalid {
                    line: line + 1,
                    column,
                    format: format.name(),
                    message,
                }
            })?;
            return Ok(Split {
                meta,
                body: &source[body_start..],
                body_line: line_no + 1,
            });
        }
        offset += line.len() + 1;
        line_no += 1;
    }
    Err(FrontMatterError::Unclosed { line: 1, fence })
}

/// Hugo's JSON front matter: an object opening the file (`{` then a key or `}`), not a
/// Liquid tag or a shortcode (`{% … %}`, `{{< … >}}`) opening a body.
fn opens_json(source: &str) -> bool {
    source
        .strip_prefix('{')
        .is_some_and(|rest| matches!(rest.trim_start().chars().next(), Some('"' | '}')))
}

/// The JSON object opening `source`, and the body from the line after its end.
fn split_json(source: &str) -> Result<Split<'_>, FrontMatterError> {
    let mut values = serde_json::Deserializer::from_str(source).into_iter::<Value>();
    let value = match values.next() {
        Some(Ok(value)) => value,
        Some(Err(e)) if !e.is_eof() => {
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            return Err(FrontMatterError::Invalid {
                line: e.line(),
                column: e.column(),
                format: "JSON",
                message: message.trim_end_matches(&suffix).to_string(),
            });
        }
        _ => {
            return Err(FrontMatterError::Unclosed {
                line: 1,
                fence: "}",
            });
        }
    };
    let end = values.byte_offset();
    let body_start = source[end..]
        .find('\n')
        .map_or(source.len(), |i| end + i + 1);
    Ok(Split {
        meta: from_value(&value),
        body: &source[body_start..],
        body_line: source[..body_start].matches('\n').count() + 1,
    })
}

fn line_ending_len(source: &str, at: usize) -> usize {
    usize::from(source.as_bytes().get(at) == Some(&b'\n'))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Yaml,
    Toml,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }
}

/// The front matter read, or where (line and column within it) and why it is not.
fn parse_meta(src: &str, format: Format) -> Result<FrontMatter, (Option<(usize, usize)>, String)> {
    let src = src.replace("\r\n", "\n");
    let value: Value = match format {
        Format::Yaml if src.trim().is_empty() => Value::Null,
        Format::Yaml => serde_saphyr::from_str(&src).map_err(|e| {
            let at = e.location().and_then(|l| {
                let line = usize::try_from(l.line()).ok()?;
                Some((line, usize::try_from(l.column()).ok()?))
            });
            (at, without_position(&first_line(&e.to_string())))
        })?,
        Format::Toml => {
            let table: toml::Table = toml::from_str(&src).map_err(|e| {
                let at = e.span().map(|span| line_column(&src, span.start));
                (at, e.message().trim_end_matches('.').to_string())
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    Ok(from_value(&value))
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// A parser's message without the position it writes in it ("error: line 4 column 5:
/// illegal placement…" → "illegal placement…"): the position is given from the file's top.
fn without_position(message: &str) -> String {
    let rest = message.strip_prefix("error: ").unwrap_or(message);
    match rest.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        Some((position, after)) if position.contains("column") => after.to_string(),
        _ => rest.to_string(),
    }
}

/// TOML values as JSON ones; dates (TOML has a type for them) become their text.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
}

fn from_value(value: &Value) -> FrontMatter {
    let text = |key: &str| {
        value
            .get(key)
            .and_then(scalar_text)
            .filter(|s| !s.is_empty())
    };
    FrontMatter {
        title: text("title"),
        date: text("date").as_deref().and_then(parse_date),
        lang: text("lang")
            .or_else(|| text("language"))
            .or_else(|| text("locale")),
        uid: text("uid")
            .or_else(|| text("ref"))
            .or_else(|| text("translationKey"))
            .or_else(|| text("translation_key")),
        tags: ["tags", "categories", "category"]
            .iter()
            .filter_map(|key| value.get(*key))
            .flat_map(words)
            .collect(),
        permalink: text("permalink"),
        layout: text("layout"),
        draft: value.get("draft").and_then(Value::as_bool).unwrap_or(false)
            || value.get("published").and_then(Value::as_bool) == Some(false),
        fields: fields(value),
    }
}

/// The most fields kept from one front matter, and how deep keys are followed: far beyond
/// real front matter, bounded so that a hostile one costs little.
const MAX_FIELDS: usize = 200;
const MAX_DEPTH: usize = 4;

/// Every scalar value with its key path, keys in alphabetical order: `location`,
/// `params.venue`, `tags[]` for the items of a list, `social[].time` for keys of maps
/// inside a list.
fn fields(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), value, 0)];
    while let Some((path, value, depth)) = stack.pop() {
        if out.len() >= MAX_FIELDS || depth > MAX_DEPTH {
            continue;
        }
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter().rev() {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    stack.push((path, v, depth + 1));
                }
            }
            Value::Array(items) => {
                for v in items.iter().rev() {
                    stack.push((format!("{path}[]"), v, depth + 1));
                }
            }
            other => {
                if let Some(text) = scalar_text(other).filter(|t| !t.is_empty()) {
                    out.push((path, text));
                }
            }
        }
    }
    out
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Jekyll accepts `tags: a b c` as well as a list.
fn words(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(scalar_text).collect(),
        other => scalar_text(other)
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
    }
}

/// Every date form Jekyll and Hugo accept: `2026-01-08`, `2026-01-08 15:00`,
/// `2026-01-08 15:00:00 +0100`, `2026-01-08T15:00:00Z`, RFC 3339 with an offset.
/// The offset is dropped: the post's local date is what its readers saw.
pub fn parse_date(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(dt.naive_local());
    }
    let (date_part, rest) = text.split_at(text.find([' ', 'T']).unwrap_or(text.len()));
    let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(date_part, "%Y/%m/%d"))
        .ok()?;
    let time_text = rest
        .trim_start_matches(['T', ' '])
        .split([' ', '+', 'Z'])
        .next()
        .unwrap_or("");
    let time = ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(time_text, f).ok())
        .unwrap_or(NaiveTime::MIN);
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0))
    }

    #[test]
    fn reads_jekyll_front_matter() {
        let s = split("---\nlayout: post\ntitle: \"geOcom 2024\"\ndate: 2024-05-16 09:00:00\nlang: en\nuid: 2024-05-16\n---\n\nBody\n").unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("geOcom 2024"));
        assert_eq!(s.meta.date, date(2024, 5, 16, 9, 0));
        assert_eq!(s.meta.lang.as_deref(), Some("en"));
        assert_eq!(s.meta.uid.as_deref(), Some("2024-05-16"));
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 8);
    }

    #[test]
    fn tolerates_bom_and_crlf() {
        let s = split("\u{feff}---\r\ntitle: x\r\ntags: [a, b]\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("x"));
        assert_eq!(s.meta.tags, vec!["a", "b"]);
        assert_eq!(s.body, "Body\r\n");
    }

    #[test]
    fn reads_tags_as_a_string_and_numbers_as_text() {
        let s = split("---\ntags: geocom community\nuid: 20140413\n---\n").unwrap();
        assert_eq!(s.meta.tags, vec!["geocom", "community"]);
        assert_eq!(s.meta.uid.as_deref(), Some("20140413"));
    }

    #[test]
    fn keeps_every_value_with_its_key_path() {
        let s = split("---\ntitle: x\nlocation: 'Bordeaux, France'\nparams:\n  venue: Hall\nsocial:\n  - time: 2020-03-22T21:00\ntags: [a, b]\n---\n").unwrap();
        assert_eq!(
            s.meta.fields,
            [
                ("location", "Bordeaux, France"),
                ("params.venue", "Hall"),
                ("social[].time", "2020-03-22T21:00"),
                ("tags[]", "a"),
                ("tags[]", "b"),
                ("title", "x"),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
        );
    }

    #[test]
    fn reads_hugo_json_front_matter() {
        let s = split("{\n  \"title\": \"Encuentro 2024\",\n  \"date\": \"2024-01-22T10:00:00-06:00\",\n  \"venue\": {\"city\": \"Concepción\"}\n}\n\nEl **Encuentro**\n").unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("Encuentro 2024"));
        assert_eq!(s.meta.date, date(2024, 1, 22, 10, 0));
        assert!(
            s.meta
                .fields
                .contains(&("venue.city".to_string(), "Concepción".to_string()))
        );
        assert_eq!(s.body, "\nEl **Encuentro**\n");
        assert_eq!(s.body_line, 6);
        // A Liquid tag or a shortcode opening a body is no front matter.
        for body in ["{% include nav.html %}\nText", "{{< youtube id >}}\nText"] {
            assert_eq!(split(body).unwrap().body, body);
        }
        let err = split("{\n  \"title\": \"x\",\n  \"date\" 2024\n}\nBody").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3, column 10: front matter is not valid JSON: expected `:`"
        );
        let err = split("{\"title\": \"x\",\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1: front matter not closed; expected a line with }"
        );
    }

    #[test]
    fn a_file_without_front_matter_is_all_body() {
        let s = split("Just text\n---\nmore").unwrap();
        assert_eq!(s.meta, FrontMatter::default());
        assert_eq!(s.body_line, 1);
    }

    #[test]
    fn reports_unclosed_front_matter() {
        let err = split("---\ntitle: x\n\nBody").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1: front matter not closed; expected a line with ---"
        );
    }

    #[test]
    fn reports_invalid_front_matter_at_its_line_in_the_file() {
        let err = split("---\ntitle: \"Broken\"\ndate: 2024-01-01\ntags: [a, b\nlang: en\n---\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "line 5, column 5: front matter is not valid YAML: illegal placement of ':' indicator"
        );
        let err = split("+++\ntitle = \"x\"\ndate = 2024-01-01\ntags = [\"a\"\n+++\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("line 4, column 12: front matter is not valid TOML: unclosed array"),
            "{err}"
        );
    }

    #[test]
    fn reads_hugo_toml_front_matter() {
        let s = split(
            "+++\ntitle = \"Sprint\"\ndate = 2026-03-01T10:00:00+01:00\ndraft = true\n+++\nBody",
        )
        .unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("Sprint"));
        assert_eq!(s.meta.date, date(2026, 3, 1, 10, 0));
        assert!(s.meta.draft);
    }

    #[test]
    fn parses_every_jekyll_date_form() {
        for (text, want) in [
            ("2026-01-08", date(2026, 1, 8, 0, 0)),
            ("2026-01-08 15:00", date(2026, 1, 8, 15, 0)),
            ("2026-01-08 15:00:00", date(2026, 1, 8, 15, 0)),
            ("2026-01-08 15:00:00 +0100", date(2026, 1, 8, 15, 0)),
            ("2026-01-08T15:00:00Z", date(2026, 1, 8, 15, 0)),
            ("2026-01-08T15:00:00+02:00", date(2026, 1, 8, 15, 0)),
            ("2026-01-08 15:00:00.123 -05:00", date(2026, 1, 8, 15, 0)),
            ("not a date", None),
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.with_nanosecond(0).unwrap()),
                want,
                "{text}"
            );
        }
    }
    use chrono::Timelike;
}
