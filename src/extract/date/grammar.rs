//! The date grammar: single dates, ranges, lists, numeric dates and month periods, found
//! left to right in a block's tokens.

use super::clock::{ending, is_clock_ahead, time_range, time_suffix, time_tail};
use super::{Lang, Mention, Partial, Shape};
use crate::extract::token::{Kind, Token};
use crate::lexicon;

/// Finds every date mention in `tokens`, left to right, without overlaps.
pub fn find(tokens: &[Token<'_>], lang: Lang) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let worth = match t.kind {
            Kind::Num => true,
            Kind::Word => lexicon::may_start_date(t.norm),
            _ => false,
        };
        if worth {
            match parse_at(tokens, i, lang) {
                Step::Found(m) => {
                    i = m.last;
                    out.push(m);
                    continue;
                }
                Step::Skip(to) => {
                    i = to;
                    continue;
                }
                Step::None => {}
            }
        }
        i += 1;
    }
    out
}

enum Step {
    Found(Mention),
    /// Consumed without a mention ("mai ou juin" is a choice, not a date).
    Skip(usize),
    None,
}

fn parse_at(t: &[Token<'_>], i: usize, lang: Lang) -> Step {
    if let Some(m) = sequence(t, i, lang) {
        return Step::Found(m);
    }
    if let Some(step) = month_period(t, i) {
        return step;
    }
    // The next words and where each ends; a hyphen inside a word is skipped: "ce mois-ci".
    let mut words: Vec<&str> = Vec::with_capacity(3);
    let mut ends: Vec<usize> = Vec::with_capacity(3);
    let mut j = i;
    while words.len() < 3 && t.get(j).is_some_and(|x| x.kind == Kind::Word) {
        words.push(t[j].norm);
        ends.push(j + 1);
        let hyphen = t
            .get(j + 1)
            .is_some_and(|h| h.is_sym("-") && !h.space_before)
            && t.get(j + 2)
                .is_some_and(|x| x.kind == Kind::Word && !x.space_before);
        j += if hyphen { 2 } else { 1 };
    }
    // "por la mañana" is in the morning, "les talents de demain" tomorrow's talents.
    let after_noun_word = i > 0
        && t[i - 1].kind == Kind::Word
        && lexicon::all().not_relative_after.contains(&t[i - 1].norm);
    if let Some((days, day_precision, len)) = lexicon::relative_day(&words)
        && !(len == 1 && after_noun_word)
    {
        return Step::Found(Mention {
            shape: Shape::Relative {
                days,
                day_precision,
            },
            items: Vec::new(),
            first: i,
            last: ends[len - 1],
            start_time: None,
            end_time: None,
        });
    }
    if let Some((weekday, strict, len)) = coming_weekday(&words) {
        // "this Tuesday, April 24", "el próximo martes día 18": the day that follows says
        // which Tuesday.
        let after = ends[len - 1];
        let day_at = |k: usize| day_number(t, k).is_some() && !is_clock_ahead(t, k);
        let day_follows = day_at(after)
            || t.get(after).is_some_and(|x| x.kind == Kind::Word) && day_at(after + 1);
        if len == 2 && (day_follows || sequence(t, i + 1, lang).is_some()) {
            return Step::Skip(i + 1);
        }
        let mut m = Mention {
            shape: Shape::Coming { weekday, strict },
            items: Vec::new(),
            first: i,
            last: after,
            start_time: None,
            end_time: None,
        };
        if let Some((from, to, end)) = time_range(t, m.last) {
            (m.start_time, m.end_time, m.last) = (Some(from), to, end);
        } else if let Some((time, end)) = time_suffix(t, m.last) {
            (m.start_time, m.last) = (Some(time), end);
        }
        return Step::Found(m);
    }
    Step::None
}

/// "next Tuesday", "ce jeudi", "el próximo sábado", "jeudi prochain", "el sábado que
/// viene": the weekday, whether the post's own day is excluded ("next", not "this"), and
/// how many words say it.
fn coming_weekday(words: &[&str]) -> Option<(chrono::Weekday, bool, usize)> {
    let l = lexicon::all();
    if let [lead, day, ..] = words
        && let Some(weekday) = lexicon::weekday(day)
    {
        if l.coming_before.contains(lead) {
            return Some((weekday, true, 2));
        }
        if l.this_before.contains(lead) {
            return Some((weekday, false, 2));
        }
    }
    let weekday = lexicon::weekday(words.first()?)?;
    l.coming_after
        .iter()
        .find(|after| words[1..].starts_with(after))
        .map(|after| (weekday, true, 1 + after.len()))
}

/// One element of a date sequence and whether it is a bare day number.
struct Element {
    date: Partial,
    bare: bool,
    end: usize,
}

/// Dates joined by range or list words: the heart of the grammar.
fn sequence(t: &[Token<'_>], i: usize, lang: Lang) -> Option<Mention> {
    let first = element(t, i, lang)?;
    let mut elems = vec![first];
    let mut ranged = false;
    loop {
        let prev = elems.last().expect("sequence has a first element");
        let j = prev.end;
        let Some((kind, after_sep)) = separator(t, j, prev.bare) else {
            break;
        };
        // "from 12 noon on Sat 3rd Feb until 12 noon on Sun 4th Feb": the end of a range
        // may give its hour before its day.
        let timed_end = (kind == Sep::Range)
            .then(|| dated_after_clock(t, after_sep, lang))
            .flatten();
        // "October 16th, 9-10 AM": hours after a date, not more days.
        if timed_end.is_none() && is_clock_ahead(t, after_sep) {
            break;
        }
        let Some(next) = timed_end.or_else(|| element(t, after_sep, lang)) else {
            break;
        };
        // "Atelier 2 — mercredi 15 février": a number before a dash names an item, and the
        // day after it, with its weekday, is the date. A range writes both ends alike
        // ("mercredi 1er – jeudi 2 février", "1–2 février").
        if kind == Sep::Range
            && prev.bare
            && prev.date.weekday.is_none()
            && next.date.weekday.is_some()
        {
            break;
        }
        let hyphen = t.get(j).is_some_and(|x| x.kind == Kind::Sym);
        if kind == Sep::Range {
            ranged = true;
        }
        elems.push(next);
        // "du 3 au 5 juin" ends at the second date; "6-7-8 juin" goes on.
        if ranged && !hyphen {
            break;
        }
    }
    // A trailing year after the last bare day: "June 17 to 19, 2024".
    let last = elems.last_mut().expect("sequence has a first element");
    if last.date.year.is_none()
        && let Some((year, end)) = comma_year(t, last.end)
    {
        last.date.year = Some(year);
        last.end = end;
    }
    // "Mercredi 12", "el jueves 7": a weekday with its day, the month left to the reader.
    let weekday_day = elems.len() == 1
        && elems[0].date.weekday.is_some()
        && elems[0].date.day.is_some()
        && elems[0].date.month.is_none();
    if !weekday_day && !elems.iter().any(|e| e.date.month.is_some()) {
        return None;
    }
    // "Sunday 8 - 11:30 am": an hour after a weekday, not its day. But "le jeudi 7 de
    // 19h30 à 22h30": a day, then the hours it says with a word.
    let hours_by_sign = t.get(elems[0].end).is_some_and(|x| x.kind == Kind::Sym)
        && time_tail(t, elems[0].end).is_some();
    if weekday_day && (is_clock_ahead(t, elems[0].end - 1) || hours_by_sign) {
        return None;
    }
    if elems.len() == 1 && (elems[0].bare || elems[0].date.day.is_none()) {
        return None;
    }
    fill_missing(&mut elems);
    let end = elems.last().expect("non-empty").end;
    let shape = match (ranged, elems.len()) {
        (true, _) => Shape::Range,
        (false, 1) => Shape::Single,
        _ => Shape::List,
    };
    let first_time = elems[0].date.time;
    let last_time = elems.last().and_then(|e| e.date.time);
    // "Tuesday 8, Wednesday 9 and Thursday 10 June, from 2 p.m.": one time for all days.
    let (start_time, end_time) = match (elems.len(), first_time) {
        (1, _) => (first_time, None),
        (_, None) => (last_time, None),
        (_, Some(_)) => (first_time, last_time),
    };
    let mut mention = Mention {
        shape,
        start_time,
        end_time,
        items: elems.into_iter().map(|e| e.date).collect(),
        first: i,
        last: end,
    };
    if mention.start_time.is_some() && mention.end_time.is_none() {
        // "Mardi 8 juin 14h00 - 17h30": the time after the date runs to a second one.
        if let Some((to, end)) = time_tail(t, mention.last) {
            mention.end_time = mention.start_time.map(|from| ending(from, to));
            mention.last = end;
        }
    } else if let Some((from, to, end)) = time_range(t, mention.last) {
        if mention.start_time.is_none() {
            mention.start_time = Some(from);
            mention.end_time = to;
        }
        mention.last = end;
    }
    Some(mention)
}

/// Months and years written once for several days: "29-30 mai", "June 10th to 12th, 2026".
fn fill_missing(elems: &mut [Element]) {
    for k in 0..elems.len() {
        if elems[k].date.month.is_none() {
            let from_next = elems[k + 1..].iter().find_map(|e| e.date.month);
            let from_prev = elems[..k].iter().rev().find_map(|e| e.date.month);
            elems[k].date.month = from_next.or(from_prev);
        }
    }
    for k in 0..elems.len() {
        if elems[k].date.year.is_none() {
            let next = elems[k + 1..]
                .iter()
                .find_map(|e| e.date.year.map(|y| (y, e.date.month)));
            let prev = elems[..k].iter().rev().find_map(|e| e.date.year);
            elems[k].date.year = match next {
                // "du 28 décembre au 3 janvier 2027": the earlier month is in the year before.
                Some((y, Some(m))) if elems[k].date.month.is_some_and(|mk| mk > m) => Some(y - 1),
                Some((y, _)) => Some(y),
                None => prev,
            };
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Range,
    List,
}

/// A separator, and after it an article before a day number: "le 17 et le 18", "el 4 y
/// el 5", "the 17th and the 18th", "le vendredi 13 et le samedi 14 juin".
fn separator(t: &[Token<'_>], j: usize, prev_bare: bool) -> Option<(Sep, usize)> {
    let (sep, after) = bare_separator(t, j, prev_bare)?;
    let weekday_at = |k: usize| {
        t.get(k)
            .is_some_and(|x| x.kind == Kind::Word && lexicon::weekday(x.norm).is_some())
    };
    let day_at = |k: usize| t.get(k).is_some_and(|x| x.kind == Kind::Num);
    let article = t
        .get(after)
        .is_some_and(|x| x.kind == Kind::Word && matches!(x.norm, "le" | "la" | "el" | "the"))
        && (day_at(after + 1) || weekday_at(after + 1) && day_at(after + 2));
    Some((sep, after + usize::from(article)))
}

fn bare_separator(t: &[Token<'_>], j: usize, prev_bare: bool) -> Option<(Sep, usize)> {
    let tok = t.get(j)?;
    if tok.is_sym(",") {
        // ", and" / ", et"
        if t.get(j + 1)
            .is_some_and(|n| n.kind == Kind::Word && lexicon::is_list_word(n.norm))
        {
            return Some((Sep::List, j + 2));
        }
        return Some((Sep::List, j + 1));
    }
    if tok.is_sym("&") || tok.kind == Kind::Word && lexicon::is_list_word(tok.norm) {
        return Some((Sep::List, j + 1));
    }
    if tok.is_sym("-") || tok.is_sym("–") || tok.is_sym("—") || tok.is_sym("→") {
        return Some((Sep::Range, j + 1));
    }
    // "April 21/22 2023", "28th/29th": two days, not a numeric date (those are read
    // before, as one element).
    if tok.is_sym("/")
        && !tok.space_before
        && t.get(j + 1)
            .is_some_and(|n| n.kind == Kind::Num && n.text.len() <= 2 && !n.space_before)
    {
        return Some((Sep::Range, j + 1));
    }
    if tok.kind == Kind::Word && lexicon::is_range_word(tok.norm) {
        // "jusqu'au", "jusqu’au"
        if tok.norm == "jusqu" {
            let apos = t.get(j + 1).is_some_and(|a| a.is_sym("'") || a.is_sym("’"));
            if apos
                && t.get(j + 2)
                    .is_some_and(|w| w.is_word("au") || w.is_word("a"))
            {
                return Some((Sep::Range, j + 3));
            }
            return None;
        }
        return Some((Sep::Range, j + 1));
    }
    // "17 18 et 19 juin": bare day numbers side by side.
    if prev_bare && tok.kind == Kind::Num {
        return Some((Sep::List, j));
    }
    None
}

fn element(t: &[Token<'_>], i: usize, lang: Lang) -> Option<Element> {
    let mut j = i;
    let mut date = Partial::default();
    if let Some(wd) = t
        .get(j)
        .filter(|x| x.kind == Kind::Word)
        .and_then(|x| lexicon::weekday(x.norm))
    {
        date.weekday = Some(wd);
        j += 1;
        if t.get(j).is_some_and(|x| x.is_sym(",")) {
            j += 1;
        }
        // "Friday the 17th"
        if t.get(j).is_some_and(|x| x.is_word("the"))
            && t.get(j + 1).is_some_and(|x| x.kind == Kind::Num)
        {
            j += 1;
        }
        // "el martes 8", "le lundi 4"
    }
    let (mut date, end, bare) = if let Some((d, end)) = numeric(t, j, lang) {
        (
            Partial {
                weekday: date.weekday,
                ..d
            },
            end,
            false,
        )
    } else if let Some((d, end)) = day_first(t, j) {
        (
            Partial {
                weekday: date.weekday,
                ..d
            },
            end,
            false,
        )
    } else if let Some((d, end)) = month_first(t, j) {
        (
            Partial {
                weekday: date.weekday,
                ..d
            },
            end,
            false,
        )
    } else if let Some((day, end)) = day_number(t, j) {
        date.day = Some(day);
        // A weekday with a day ("mercredi 22") is a date whose month comes from elsewhere.
        (date, end, date.weekday.is_none())
    } else {
        return None;
    };
    let mut end = end;
    if let Some((time, after)) = time_suffix(t, end) {
        date.time = Some(time);
        end = after;
    }
    Some(Element { date, bare, end })
}

/// The order a post's numeric dates show, when one of them tells: a number above 12 is
/// the day ("Friday 7/14" is month first, "14/07/2023" day first). Only a date with its year,
/// or after a weekday or "on", counts: "24/7" is no date. `None`: nothing tells, or as much
/// tells each way.
pub fn shown_order(blocks: &[Vec<Token<'_>>]) -> Option<Lang> {
    let (mut day_first, mut month_first) = (0, 0);
    for t in blocks {
        for k in 0..t.len().saturating_sub(2) {
            let (Some(a), Some(b)) = (t[k].num(), t[k + 2].num()) else {
                continue;
            };
            let glued = t[k + 1].is_sym("/") && !t[k + 1].space_before && !t[k + 2].space_before;
            let with_year = t.get(k + 3).is_some_and(|s| s.is_sym("/"))
                && t.get(k + 4)
                    .is_some_and(|y| y.num().is_some_and(|y| y > 1900));
            let cued = k > 0
                && t[k - 1].kind == Kind::Word
                && (t[k - 1].norm == "on" || lexicon::weekday(t[k - 1].norm).is_some());
            if !glued || !(with_year || cued) || !(1..=31).contains(&a) || !(1..=31).contains(&b) {
                continue;
            }
            if a > 12 && b <= 12 {
                day_first += 1;
            } else if b > 12 && a <= 12 {
                month_first += 1;
            }
        }
    }
    match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => Some(Lang::DayFirst),
        std::cmp::Ordering::Less => Some(Lang::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// A day after a clock time, with its weekday or month: "12 noon on Sun 4th Feb", "2pm
/// Sunday 4 February", "midi le dimanche 4 février", "las 12 del domingo 4 de febrero".
/// The hour is left out: it is the end's, and a mention's times are its start's.
fn dated_after_clock(t: &[Token<'_>], k: usize, lang: Lang) -> Option<Element> {
    let word_at = |j: usize, words: &[&str]| t.get(j).is_some_and(|x| words.contains(&x.norm));
    let article = word_at(k, &["las", "la", "el"]);
    let k = k + usize::from(article);
    // "las 12": an hour after its article, in Spanish.
    let bare_hour =
        || (article && t.get(k).is_some_and(|x| x.num().is_some_and(|h| h <= 24))).then_some(k + 1);
    let mut j = super::clock::clock(t, k)
        .map(|(_, j)| j)
        .or_else(bare_hour)?;
    j += usize::from(word_at(j, &["on", "le", "el", "the", "del", "de"]));
    let e = element(t, j, lang).filter(|e| !e.bare)?;
    (e.date.weekday.is_some() || e.date.month.is_some()).then_some(e)
}

/// A day number 1–31 with an optional ordinal ("10th", "1er", "1 st", "12.º").
fn day_number(t: &[Token<'_>], j: usize) -> Option<(u32, usize)> {
    let tok = t.get(j)?;
    let day = tok.num().filter(|d| (1..=31).contains(d))?;
    if tok.text.len() > 2 {
        return None;
    }
    let mut end = j + 1;
    if let Some(next) = t.get(end) {
        let spaced_ordinal = matches!(next.norm, "st" | "nd" | "rd" | "th");
        if next.kind == Kind::Word
            && lexicon::is_ordinal_suffix(next.norm)
            && (!next.space_before || spaced_ordinal)
        {
            end += 1;
        } else if next.kind == Kind::Word && !next.space_before {
            // "14h", "2PM", "15km": a number glued to a word is not a day.
            return None;
        } else if !next.space_before && matches!(next.text, "€" | "%" | "$" | "£" | "h" | "°" | "+")
        {
            return None;
        } else if next.is_sym(":")
            && !next.space_before
            && t.get(end + 1)
                .is_some_and(|m| m.kind == Kind::Num && !m.space_before)
        {
            // "15:30" is a time; "by February 15: the form" is a day.
            return None;
        } else if next.is_sym(".")
            && !next.space_before
            && t.get(end + 1)
                .is_some_and(|o| matches!(o.text, "º" | "ª" | "o" | "a"))
        {
            end += 2;
        }
    }
    Some((day, end))
}

fn year_at(t: &[Token<'_>], j: usize) -> Option<i32> {
    let tok = t.get(j)?;
    (tok.kind == Kind::Num && tok.text.len() == 4)
        .then(|| tok.text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// `, 2026` or ` 2026` or ` de 2026` after a date.
fn comma_year(t: &[Token<'_>], j: usize) -> Option<(i32, usize)> {
    let mut k = j;
    if t.get(k).is_some_and(|x| x.is_sym(",")) {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.is_word("de") || x.is_word("of")) {
        k += 1;
    }
    year_at(t, k).map(|y| (y, k + 1))
}

/// "7 juillet 2010", "12 de junio de 2026", "17 June", "30 th and 31 th of May".
fn day_first(t: &[Token<'_>], j: usize) -> Option<(Partial, usize)> {
    let (day, mut k) = day_number(t, j)?;
    if t.get(k)
        .is_some_and(|x| x.kind == Kind::Word && lexicon::is_day_month_glue(x.norm))
    {
        k += 1;
    }
    let tok = t.get(k).filter(|x| x.kind == Kind::Word)?;
    let (month, _) = lexicon::month(tok.norm)?;
    k += 1;
    if t.get(k).is_some_and(|x| x.is_sym("."))
        && !lexicon::month(tok.norm).is_some_and(|(_, strong)| strong)
    {
        k += 1;
    }
    let mut date = Partial {
        day: Some(day),
        month: Some(month),
        ..Partial::default()
    };
    if let Some((year, end)) = comma_year(t, k) {
        date.year = Some(year);
        k = end;
    }
    Some((date, k))
}

/// "March 15, 2026", "June the 19th", "May 31".
fn month_first(t: &[Token<'_>], j: usize) -> Option<(Partial, usize)> {
    let tok = t.get(j).filter(|x| x.kind == Kind::Word)?;
    let (month, _) = lexicon::month(tok.norm)?;
    let mut k = j + 1;
    // "Oct. 27", "October, 27th" (a comma some writers put there), "June the 5th".
    if t.get(k).is_some_and(|x| x.is_sym(".") || x.is_sym(",")) {
        k += 1;
    }
    if t.get(k).is_some_and(|x| x.is_word("the")) {
        k += 1;
    }
    let (day, mut k) = day_number(t, k)?;
    let mut date = Partial {
        day: Some(day),
        month: Some(month),
        ..Partial::default()
    };
    // "May 31, 2027" but not "June 25, 26": a year is four digits.
    if let Some((year, end)) = comma_year(t, k) {
        date.year = Some(year);
        k = end;
    }
    Some((date, k))
}

/// "24/06/2015", "01/05", "2026-03-15", "15.03.2026"; written without spaces.
fn numeric(t: &[Token<'_>], j: usize, lang: Lang) -> Option<(Partial, usize)> {
    let a = t.get(j).filter(|x| x.kind == Kind::Num)?;
    if j > 0 && !a.space_before && matches!(t[j - 1].text, "/" | "." | "-") {
        return None;
    }
    let sep = t
        .get(j + 1)
        .filter(|x| !x.space_before && matches!(x.text, "/" | "-" | "."))?;
    let b = t
        .get(j + 2)
        .filter(|x| x.kind == Kind::Num && !x.space_before)?;
    let third = t
        .get(j + 3)
        .filter(|x| !x.space_before && x.text == sep.text)
        .and_then(|_| t.get(j + 4))
        .filter(|x| x.kind == Kind::Num && !x.space_before);
    let end = if third.is_some() { j + 5 } else { j + 3 };
    // "1/2/3/4" or "20.1.8.1" are paths and versions, not dates.
    if t.get(end).is_some_and(|x| {
        !x.space_before && (x.text == sep.text || x.kind == Kind::Num || x.kind == Kind::Word)
    }) {
        return None;
    }
    if a.text.len() == 4 && sep.text == "-" {
        let c = third?;
        let date = Partial {
            year: a.text.parse().ok(),
            month: b.num().filter(|m| (1..=12).contains(m)),
            day: c.num().filter(|d| (1..=31).contains(d)),
            ..Partial::default()
        };
        return (date.month.is_some() && date.day.is_some() && c.text.len() <= 2)
            .then_some((date, end));
    }
    if sep.text != "/" && third.is_none_or(|y| y.text.len() != 4) {
        return None;
    }
    if a.text.len() > 2 || b.text.len() > 2 {
        return None;
    }
    let (x, y) = (a.num()?, b.num()?);
    let year = match third {
        Some(y) if y.text.len() == 4 => Some(y.text.parse::<i32>().ok()?),
        Some(y) if y.text.len() == 2 => Some(2000 + y.text.parse::<i32>().ok()?),
        Some(_) => return None,
        None => None,
    };
    let day_first = (x, y);
    let month_first = (y, x);
    let valid = |(d, m): (u32, u32)| (1..=31).contains(&d) && (1..=12).contains(&m);
    let (preferred, other) = match lang {
        Lang::DayFirst => (day_first, month_first),
        Lang::MonthFirst => (month_first, day_first),
    };
    let (chosen, alt) = match (valid(preferred), valid(other)) {
        (true, true) if preferred != other => (preferred, Some(other)),
        (true, _) => (preferred, None),
        (false, true) => (other, None),
        (false, false) => return None,
    };
    Some((
        Partial {
            day: Some(chosen.0),
            month: Some(chosen.1),
            year,
            swapped: alt,
            numeric: true,
            ..Partial::default()
        },
        end,
    ))
}

/// "en juin", "around June", "fin novembre", "juin 2015", "(décembre 2014)"; "mai ou juin"
/// and "May or June" are choices and yield nothing.
fn month_period(t: &[Token<'_>], i: usize) -> Option<Step> {
    let tok = t.get(i).filter(|x| x.kind == Kind::Word)?;
    let (month, strong) = lexicon::month(tok.norm)?;
    let year = year_at(t, i + 1).or_else(|| {
        t.get(i + 1)
            .filter(|x| x.is_word("de") || x.is_word("of"))
            .and_then(|_| year_at(t, i + 2))
    });
    // The word before, across an elision: "d'avril", "d’avril".
    let before = match i.checked_sub(1).map(|k| &t[k]) {
        Some(x) if (x.is_sym("'") || x.is_sym("’")) && i >= 2 => Some(&t[i - 2]),
        other => other,
    };
    let lead = before.is_some_and(|b| b.kind == Kind::Word && lexicon::is_month_lead(b.norm));
    // "may" and "sept" are ordinary words unless they look like a month.
    let plausible = strong && (tok.norm != "mai" || tok.is_capitalized() || lead || year.is_some())
        || (tok.is_capitalized() && tok.norm == "may" && (lead || year.is_some()));
    if !plausible || !(lead || year.is_some()) {
        return None;
    }
    // A choice between months: skip all of it.
    let mut k = i + 1;
    if let Some(alt) = t.get(k) {
        let joins =
            alt.kind == Kind::Word && lexicon::is_alternative_word(alt.norm) || alt.is_sym("/");
        if joins
            && t.get(k + 1)
                .is_some_and(|m| m.kind == Kind::Word && lexicon::month(m.norm).is_some())
        {
            return Some(Step::Skip(k + 2));
        }
    }
    if i >= 2
        && lexicon::is_alternative_word(t[i - 1].norm)
        && lexicon::month(t[i - 2].norm).is_some()
    {
        return Some(Step::Skip(i + 1));
    }
    let years = usize::from(year.is_some());
    k = i
        + 1
        + years
        + usize::from(
            years == 1
                && t.get(i + 1)
                    .is_some_and(|x| x.is_word("de") || x.is_word("of")),
        );
    let mut items = vec![Partial {
        month: Some(month),
        year,
        ..Partial::default()
    }];
    // "During February and March", "de junio a julio": the next month, joined by a list or
    // range word, makes one period with it. Months further apart are left alone.
    let joined = t.get(k).is_some_and(|x| {
        x.kind == Kind::Word && (lexicon::is_list_word(x.norm) || lexicon::is_range_word(x.norm))
            || x.is_sym("-")
            || x.is_sym("–")
    });
    if joined
        && let Some(next) = t.get(k + 1).filter(|x| x.kind == Kind::Word)
        && lexicon::month(next.norm).is_some_and(|(m, _)| m == month % 12 + 1)
    {
        let next_year = year_at(t, k + 2);
        items.push(Partial {
            month: Some(month % 12 + 1),
            year: next_year,
            ..Partial::default()
        });
        k += 2 + usize::from(next_year.is_some());
    }
    Some(Step::Found(Mention {
        shape: Shape::Month,
        items,
        first: i,
        last: k,
        start_time: None,
        end_time: None,
    }))
}
