//! Dates and times the way each language writes them: "31 mai – 4 juin 2027",
//! "May 31 – June 4, 2027", "31 de mayo – 4 de junio de 2027"; "14h30", "2:30 PM", "14:30".

use crate::extract::{Language, Precision};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

pub(crate) const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
pub(crate) const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn month_name(month: u32, lang: Language) -> &'static str {
    let i = (month - 1) as usize;
    match lang {
        Language::Fr => FR[i],
        Language::Es => ES[i],
        Language::En | Language::Other => EN[i],
    }
}

/// A day without its year: "1er juin", "June 1", "1 de junio".
fn day_month(d: NaiveDate, lang: Language) -> String {
    let m = month_name(d.month(), lang);
    match lang {
        Language::Fr if d.day() == 1 => format!("1er {m}"),
        Language::Fr => format!("{} {m}", d.day()),
        Language::Es => format!("{} de {m}", d.day()),
        Language::En | Language::Other => format!("{m} {}", d.day()),
    }
}

/// A full date: "15 mars 2026", "March 15, 2026", "15 de marzo de 2026".
pub fn date(d: NaiveDate, lang: Language) -> String {
    match lang {
        Language::Fr => format!("{} {}", day_month(d, lang), d.year()),
        Language::Es => format!("{} de {}", day_month(d, lang), d.year()),
        Language::En | Language::Other => format!("{}, {}", day_month(d, lang), d.year()),
    }
}

/// A month: "juin 2015", "June 2015", "junio de 2015".
pub fn month(d: NaiveDate, lang: Language) -> String {
    let m = month_name(d.month(), lang);
    match lang {
        Language::Es => format!("{m} de {}", d.year()),
        _ => format!("{m} {}", d.year()),
    }
}

/// The days of a gathering. Each end of a range names its month, so that "8 juin" can be
/// read at a glance in "8 juin – 10 juin 2026".
pub fn days(start: NaiveDate, end: NaiveDate, precision: Precision, lang: Language) -> String {
    if precision == Precision::Month {
        // One month, or a period of months: "février – mars 2023".
        if (start.year(), start.month()) == (end.year(), end.month()) {
            return month(start, lang);
        }
        let head = if start.year() == end.year() {
            month_name(start.month(), lang).to_string()
        } else {
            month(start, lang)
        };
        return format!("{head} – {}", month(end, lang));
    }
    if start == end {
        return date(start, lang);
    }
    let head = if start.year() == end.year() {
        day_month(start, lang)
    } else {
        date(start, lang)
    };
    format!("{head} – {}", date(end, lang))
}

/// A clock time: "14h", "14h30"; "2 PM", "2:30 PM"; "14:30".
pub fn time(t: NaiveTime, lang: Language) -> String {
    let (h, m) = (t.hour(), t.minute());
    match lang {
        Language::Fr if m == 0 => format!("{h}h"),
        Language::Fr => format!("{h}h{m:02}"),
        Language::En | Language::Other => {
            let (h12, suffix) = match h {
                0 => (12, "AM"),
                12 => (12, "PM"),
                h if h > 12 => (h - 12, "PM"),
                h => (h, "AM"),
            };
            if m == 0 {
                format!("{h12} {suffix}")
            } else {
                format!("{h12}:{m:02} {suffix}")
            }
        }
        Language::Es => format!("{h}:{m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn writes_ranges_per_language() {
        let (s, e) = (d(2027, 5, 31), d(2027, 6, 4));
        assert_eq!(
            days(s, e, Precision::Day, Language::Fr),
            "31 mai – 4 juin 2027"
        );
        assert_eq!(
            days(s, e, Precision::Day, Language::En),
            "May 31 – June 4, 2027"
        );
        assert_eq!(
            days(s, e, Precision::Day, Language::Es),
            "31 de mayo – 4 de junio de 2027"
        );
        assert_eq!(
            days(d(2026, 6, 8), d(2026, 6, 10), Precision::Day, Language::Fr),
            "8 juin – 10 juin 2026"
        );
        assert_eq!(
            days(d(2026, 12, 28), d(2027, 1, 3), Precision::Day, Language::En),
            "December 28, 2026 – January 3, 2027"
        );
        assert_eq!(
            days(
                d(2015, 6, 1),
                d(2015, 6, 30),
                Precision::Month,
                Language::Es
            ),
            "junio de 2015"
        );
        assert_eq!(
            days(
                d(2023, 2, 1),
                d(2023, 3, 31),
                Precision::Month,
                Language::Fr
            ),
            "février – mars 2023"
        );
        assert_eq!(
            days(
                d(2026, 12, 1),
                d(2027, 1, 31),
                Precision::Month,
                Language::Es
            ),
            "diciembre de 2026 – enero de 2027"
        );
        assert_eq!(date(d(2026, 6, 1), Language::Fr), "1er juin 2026");
    }

    #[test]
    fn writes_times_per_language() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(time(t(14, 30), Language::Fr), "14h30");
        assert_eq!(time(t(14, 0), Language::Fr), "14h");
        assert_eq!(time(t(14, 0), Language::En), "2 PM");
        assert_eq!(time(t(12, 0), Language::En), "12 PM");
        assert_eq!(time(t(9, 5), Language::En), "9:05 AM");
        assert_eq!(time(t(14, 0), Language::Es), "14:00");
    }
}
