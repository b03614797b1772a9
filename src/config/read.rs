//! Reading the file before its meaning: TOML syntax, secrets written in it, and the
//! schema's keys and types. Every problem comes at once, as `line:column: dotted.key: what
//! is wrong`; a key in error is left out and the rest read on, so that one typo does not
//! hide the next.

use crate::ingest::front_matter::line_column;
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Keys that would hold a secret: refused wherever they are written.
const SECRETS: [&str; 4] = ["password", "access_token", "recovery_key", "key"];

/// A file with more problems than this is reported in part.
const MAX_PROBLEMS: usize = 50;

/// A step of a dotted key: `site[0].path` is `site`, `0`, `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// What reading found: the value (keys in error left out), the problems, the keys left
/// out, so that later checks say nothing more about them, and where the file writes each
/// key, for those checks' problems.
pub struct Read<'a, T> {
    pub value: Option<T>,
    pub problems: Vec<String>,
    pub left_out: Vec<String>,
    pub locator: Locator<'a>,
}

/// Reads `text` into a `T`, finding every problem it can.
pub fn read<T: DeserializeOwned>(text: &str) -> Read<'_, T> {
    let (mut doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let problems = errors.iter().map(|e| syntax_problem(text, e)).collect();
        return Read {
            value: None,
            problems,
            left_out: Vec::new(),
            locator: Locator { text, doc: None },
        };
    }
    // The file as written, before keys in error are left out.
    let locator = Locator {
        text,
        doc: Some(doc.clone()),
    };
    let mut problems = Vec::new();
    let mut left_out = Vec::new();
    refuse_secrets(text, doc.get_mut(), &[], &mut problems, &mut left_out);
    let value = loop {
        let deserializer = toml::de::Deserializer::from(doc.clone());
        let error = match serde_path_to_error::deserialize::<_, T>(deserializer) {
            Ok(value) => break Some(value),
            Err(error) => error,
        };
        if problems.len() >= MAX_PROBLEMS {
            break None;
        }
        let path = steps(error.path());
        let inner = error.into_inner();
        let message = inner.message().trim_end_matches('.').to_string();
        let (at, remove, said) = if let Some(field) = quoted(&message, "unknown field `") {
            // The path already ends with the unknown key.
            let said = format!("{}: {}", dotted(&path), unknown_key(field, &message));
            (path.clone(), path.clone(), said)
        } else if let Some(field) = quoted(&message, "missing field `") {
            let mut missing = path.clone();
            missing.push(Step::Key(field.to_string()));
            let key = dotted(&missing);
            // Left out for an error already said: not missing twice.
            let said = if left_out.contains(&key) {
                String::new()
            } else {
                format!("{key}: missing; this key is required")
            };
            (path.clone(), up_to_key(&path), said)
        } else {
            let said = format!("{}: {message}", dotted(&path));
            (path.clone(), up_to_key(&path), said)
        };
        if !said.is_empty() {
            let span = inner.span().or_else(|| span_of(doc.get_ref(), &at));
            problems.push(located(text, span, &said));
        }
        if remove.is_empty() || !remove_key(doc.get_mut(), &remove) {
            break None;
        }
        left_out.push(dotted(&remove));
    };
    Read {
        value,
        problems,
        left_out,
        locator,
    }
}

/// Finds where the key a problem names (`site[0].path: …`) is written, and writes its
/// line and column before it.
pub struct Locator<'a> {
    text: &'a str,
    doc: Option<Spanned<DeTable<'a>>>,
}

impl Locator<'_> {
    /// `problem` with the line and column of its key, or of the nearest table that holds it.
    pub fn locate(&self, problem: &str) -> String {
        let key = problem
            .split([':', ' '])
            .next()
            .unwrap_or_default()
            .to_string();
        let mut path = parse_dotted(&key);
        let span = self.doc.as_ref().and_then(|doc| {
            loop {
                if path.is_empty() {
                    break None;
                }
                if let Some(span) = span_of(doc.get_ref(), &path) {
                    break Some(span);
                }
                path.pop();
            }
        });
        located(self.text, span, problem)
    }
}

/// The line and column a located problem starts with, to list problems in file order.
pub fn position(problem: &str) -> (usize, usize) {
    let mut numbers = problem
        .splitn(3, ':')
        .map(|n| n.parse().unwrap_or(usize::MAX));
    (
        numbers.next().unwrap_or(usize::MAX),
        numbers.next().unwrap_or(usize::MAX),
    )
}

/// Whether `problem` is about `key` or a key inside it.
pub fn is_under(problem: &str, key: &str) -> bool {
    problem
        .strip_prefix(key)
        .is_some_and(|rest| rest.starts_with(['.', '[', ':', ' ']))
}

fn syntax_problem(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim_end_matches('.');
    let span = e.span();
    let key = span
        .as_ref()
        .and_then(|s| key_on_line(text, s.start))
        .map(|k| format!("{k}: "))
        .unwrap_or_default();
    located(text, span, &format!("{key}invalid TOML: {message}"))
}

/// The dotted key written on the line of `offset` (`[[site]]` tables counted), for a
/// syntax error, where the parser knows no key.
fn key_on_line(text: &str, offset: usize) -> Option<String> {
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut table = String::new();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for line in text[..line_start].lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix("[[").and_then(|l| l.split("]]").next()) {
            let name = name.trim().to_string();
            let n = counts.entry(name.clone()).or_insert(0);
            table = format!("{name}[{n}]");
            *n += 1;
        } else if let Some(name) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
            table = name.trim().to_string();
        }
    }
    let line = text[line_start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    plain.then(|| {
        if table.is_empty() {
            key.to_string()
        } else {
            format!("{table}.{key}")
        }
    })
}

/// Refuses every secret key written in a table or the tables inside it, and leaves it out.
fn refuse_secrets(
    text: &str,
    table: &mut DeTable<'_>,
    path: &[Step],
    problems: &mut Vec<String>,
    left_out: &mut Vec<String>,
) {
    let secrets: Vec<(String, Range<usize>)> = table
        .iter()
        .filter(|(k, _)| SECRETS.contains(&k.get_ref().as_ref()))
        .map(|(k, _)| (k.get_ref().to_string(), k.span()))
        .collect();
    for (name, span) in secrets {
        let mut at = path.to_vec();
        at.push(Step::Key(name.clone()));
        let key = dotted(&at);
        let said = format!(
            "{key}: a secret is never written in this file; put it in an environment variable named by {name}_env, or in a file named by {name}_file"
        );
        problems.push(located(text, Some(span), &said));
        table.remove(name.as_str());
        left_out.push(key);
    }
    for (k, v) in table.iter_mut() {
        let mut at = path.to_vec();
        at.push(Step::Key(k.get_ref().to_string()));
        match v.get_mut() {
            DeValue::Table(inner) => refuse_secrets(text, inner, &at, problems, left_out),
            DeValue::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    if let DeValue::Table(inner) = item.get_mut() {
                        let mut at = at.clone();
                        at.push(Step::Index(i));
                        refuse_secrets(text, inner, &at, problems, left_out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// "unknown key", with the key meant when one is near: `timezon` → `timezone`.
fn unknown_key(field: &str, message: &str) -> String {
    let expected: Vec<&str> = message
        .split_once("expected")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let nearest = expected
        .iter()
        .map(|k| (strsim::damerau_levenshtein(field, k), *k))
        .min();
    match nearest {
        Some((d, k)) if d <= 2 || d * 3 <= k.len() => {
            format!("unknown key; did you mean `{k}`?")
        }
        _ if expected.is_empty() => "unknown key; this table takes none".to_string(),
        _ => format!("unknown key; this table takes {}", expected.join(", ")),
    }
}

fn quoted<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    message.strip_prefix(prefix)?.split('`').next()
}

fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    path.iter()
        .filter_map(|s| match s {
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// The path without its trailing indices: an element in error leaves its whole array out.
fn up_to_key(path: &[Step]) -> Vec<Step> {
    let end = path
        .iter()
        .rposition(|s| matches!(s, Step::Key(_)))
        .map_or(0, |i| i + 1);
    path[..end].to_vec()
}

fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn parse_dotted(key: &str) -> Vec<Step> {
    let mut path = Vec::new();
    for part in key.split('.') {
        let mut pieces = part.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            path.push(Step::Key(name.to_string()));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                path.push(Step::Index(i));
            }
        }
    }
    path
}

/// Where the last step of `path` is written: a key's name, an element's value.
fn span_of(doc: &DeTable<'_>, path: &[Step]) -> Option<Range<usize>> {
    let (Step::Key(first), rest) = path.split_first()? else {
        return None;
    };
    let (key, mut value) = doc.get_key_value(first.as_str())?;
    let mut span = key.span();
    for step in rest {
        match (step, value.get_ref()) {
            (Step::Key(k), DeValue::Table(t)) => {
                let (key, v) = t.get_key_value(k.as_str())?;
                span = key.span();
                value = v;
            }
            (Step::Index(i), DeValue::Array(items)) => {
                value = items.get(*i)?;
                span = value.span();
            }
            _ => return None,
        }
    }
    Some(span)
}

fn remove_key(doc: &mut DeTable<'_>, path: &[Step]) -> bool {
    let Some((Step::Key(last), parents)) = path.split_last() else {
        return false;
    };
    table_at(doc, parents).is_some_and(|t| t.remove(last.as_str()).is_some())
}

/// The table a path leads to.
fn table_at<'d, 'i>(table: &'d mut DeTable<'i>, path: &[Step]) -> Option<&'d mut DeTable<'i>> {
    let Some((Step::Key(k), mut rest)) = path.split_first() else {
        return path.is_empty().then_some(table);
    };
    let mut value = table.get_mut(k.as_str())?.get_mut();
    while let Some((Step::Index(i), more)) = rest.split_first() {
        let DeValue::Array(items) = value else {
            return None;
        };
        value = items.get_mut(*i)?.get_mut();
        rest = more;
    }
    let DeValue::Table(inner) = value else {
        return None;
    };
    table_at(inner, rest)
}

/// `problem` with the line and column `span` starts at, when known.
fn located(text: &str, span: Option<Range<usize>>, problem: &str) -> String {
    match span {
        Some(span) => {
            let (line, column) = line_column(text, span.start);
            format!("{line}:{column}: {problem}")
        }
        None => problem.to_string(),
    }
}
