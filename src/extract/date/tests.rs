//! The phrase table for the date grammar: how people really write dates, and the numbers
//! that must never become dates.

use super::*;
use crate::extract::token::testing::tokenize;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn first_span(
    text: &str,
    post: NaiveDate,
    lang: Lang,
) -> Option<(NaiveDate, NaiveDate, Precision)> {
    let tokens = tokenize(text);
    let mentions = find(&tokens, lang);
    let m = mentions.first()?;
    let anchor = Anchor {
        post_date: post,
        context_year: None,
        future_only: false,
    };
    resolve(m, &anchor).map(|s| (s.start, s.end, s.precision))
}

fn times(text: &str) -> (Option<String>, Option<String>) {
    let tokens = tokenize(text);
    let m = find(&tokens, Lang::DayFirst)
        .into_iter()
        .next()
        .expect("a date");
    let f = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    (f(m.start_time), f(m.end_time))
}

use Precision::{Day, Month};

#[test]
fn reads_dates_as_people_write_them() {
    let p2026 = d(2026, 1, 8);
    type Case = (
        &'static str,
        NaiveDate,
        Lang,
        (NaiveDate, NaiveDate, Precision),
    );
    let cases: &[Case] = &[
        // A numbered item before its date, not the start of a range.
        (
            "Atelier 2 — mercredi 15 février",
            p2026,
            Lang::DayFirst,
            (d(2026, 2, 15), d(2026, 2, 15), Day),
        ),
        (
            "Session 3 - Wednesday, March 1",
            p2026,
            Lang::MonthFirst,
            (d(2026, 3, 1), d(2026, 3, 1), Day),
        ),
        (
            "mercredi 1er – jeudi 2 février",
            p2026,
            Lang::DayFirst,
            (d(2026, 2, 1), d(2026, 2, 2), Day),
        ),
        // French
        (
            "du 30 mars au 3 avril 2026",
            p2026,
            Lang::DayFirst,
            (d(2026, 3, 30), d(2026, 4, 3), Day),
        ),
        (
            "la semaine du 31 mai au 4 juin 2027",
            p2026,
            Lang::DayFirst,
            (d(2027, 5, 31), d(2027, 6, 4), Day),
        ),
        (
            "le 7 juillet 2010 à Bordeaux",
            d(2010, 6, 9),
            Lang::DayFirst,
            (d(2010, 7, 7), d(2010, 7, 7), Day),
        ),
        (
            "les 29 et 30 mai à Rennes",
            d(2013, 3, 24),
            Lang::DayFirst,
            (d(2013, 5, 29), d(2013, 5, 30), Day),
        ),
        (
            "29-30 mai",
            d(2013, 3, 24),
            Lang::DayFirst,
            (d(2013, 5, 29), d(2013, 5, 30), Day),
        ),
        (
            "6-7-8 juin 2017",
            d(2017, 5, 4),
            Lang::DayFirst,
            (d(2017, 6, 6), d(2017, 6, 8), Day),
        ),
        (
            "les **17 18 et 19 juin 2019**",
            d(2019, 3, 25),
            Lang::DayFirst,
            (d(2019, 6, 17), d(2019, 6, 19), Day),
        ),
        (
            "les jeudi 14 et vendredi 15 octobre",
            d(2021, 9, 13),
            Lang::DayFirst,
            (d(2021, 10, 14), d(2021, 10, 15), Day),
        ),
        (
            "les jeudi 11 et vendredi 12 juin 2015",
            d(2015, 4, 6),
            Lang::DayFirst,
            (d(2015, 6, 11), d(2015, 6, 12), Day),
        ),
        (
            "les 1er et 2 juin",
            d(2023, 4, 6),
            Lang::DayFirst,
            (d(2023, 6, 1), d(2023, 6, 2), Day),
        ),
        (
            "Les 7, 8 et 9 Février s'est tenu",
            d(2023, 2, 14),
            Lang::DayFirst,
            (d(2023, 2, 7), d(2023, 2, 9), Day),
        ),
        (
            "du lundi 22/06 au mercredi 24/06/2015",
            d(2015, 5, 5),
            Lang::DayFirst,
            (d(2015, 6, 22), d(2015, 6, 24), Day),
        ),
        (
            "du mardi 6 juin midi au jeudi 8 juin après-midi",
            d(2017, 5, 4),
            Lang::DayFirst,
            (d(2017, 6, 6), d(2017, 6, 8), Day),
        ),
        (
            "du mercredi 10 juin 14h00 au vendredi 12 juin 12h00",
            d(2025, 12, 15),
            Lang::DayFirst,
            (d(2026, 6, 10), d(2026, 6, 12), Day),
        ),
        (
            "Lundi 4 octobre à partir de 20h",
            d(2010, 9, 19),
            Lang::DayFirst,
            (d(2010, 10, 4), d(2010, 10, 4), Day),
        ),
        (
            "le 27/09",
            d(2010, 9, 19),
            Lang::DayFirst,
            (d(2010, 9, 27), d(2010, 9, 27), Day),
        ),
        (
            "jusqu'au 01/05 via le formulaire",
            d(2019, 3, 25),
            Lang::DayFirst,
            (d(2019, 5, 1), d(2019, 5, 1), Day),
        ),
        (
            "au plus tard le 15 mars 2026",
            p2026,
            Lang::DayFirst,
            (d(2026, 3, 15), d(2026, 3, 15), Day),
        ),
        (
            "avant le 8 octobre 2021.",
            d(2021, 9, 13),
            Lang::DayFirst,
            (d(2021, 10, 8), d(2021, 10, 8), Day),
        ),
        (
            "14 OCTOBRE 2021 - JOURNÉE PLÉNIÈRE",
            d(2021, 9, 13),
            Lang::DayFirst,
            (d(2021, 10, 14), d(2021, 10, 14), Day),
        ),
        (
            "SAMEDI 18 JANVIER DE 9H30 A 12H30",
            d(2024, 12, 1),
            Lang::DayFirst,
            (d(2025, 1, 18), d(2025, 1, 18), Day),
        ),
        (
            "se tiendra en juin en Alsace",
            d(2015, 2, 6),
            Lang::DayFirst,
            (d(2015, 6, 1), d(2015, 6, 30), Month),
        ),
        (
            "During February and March, champions will receive training",
            d(2023, 2, 21),
            Lang::MonthFirst,
            (d(2023, 2, 1), d(2023, 3, 31), Month),
        ),
        (
            "Les ateliers auront lieu en décembre et janvier 2027",
            d(2026, 10, 1),
            Lang::DayFirst,
            (d(2026, 12, 1), d(2027, 1, 31), Month),
        ),
        (
            "Los talleres serán de junio a julio de 2024",
            d(2024, 3, 1),
            Lang::DayFirst,
            (d(2024, 6, 1), d(2024, 7, 31), Month),
        ),
        (
            // Months apart are not one period.
            "in March and June 2024",
            d(2024, 1, 10),
            Lang::MonthFirst,
            (d(2024, 3, 1), d(2024, 3, 31), Month),
        ),
        (
            "Fin novembre s'est tenu à Rennes",
            d(2017, 11, 26),
            Lang::DayFirst,
            (d(2017, 11, 1), d(2017, 11, 30), Month),
        ),
        (
            "La semaine dernière s'est tenu notre codesprint",
            d(2015, 6, 16),
            Lang::DayFirst,
            (d(2015, 6, 1), d(2015, 6, 30), Month),
        ),
        (
            "L'atelier aura lieu ce mois-ci, comme chaque printemps",
            d(2010, 4, 7),
            Lang::DayFirst,
            (d(2010, 4, 1), d(2010, 4, 30), Month),
        ),
        (
            "du 28 décembre au 3 janvier 2027",
            d(2026, 10, 1),
            Lang::DayFirst,
            (d(2026, 12, 28), d(2027, 1, 3), Day),
        ),
        (
            "le 1er mars 2011, à 16 heures",
            d(2011, 2, 1),
            Lang::DayFirst,
            (d(2011, 3, 1), d(2011, 3, 1), Day),
        ),
        (
            "Du 22 au 24 juin, la Région a hébergé",
            d(2015, 7, 1),
            Lang::DayFirst,
            (d(2015, 6, 22), d(2015, 6, 24), Day),
        ),
        // English
        (
            "from June 10th to 12th, 2026 in Strasbourg",
            d(2026, 3, 26),
            Lang::MonthFirst,
            (d(2026, 6, 10), d(2026, 6, 12), Day),
        ),
        (
            "on June 8th, 9th, and 10th.",
            d(2026, 3, 26),
            Lang::MonthFirst,
            (d(2026, 6, 8), d(2026, 6, 10), Day),
        ),
        (
            "from **June 17 to 19, 2024 in Lille**",
            d(2024, 5, 16),
            Lang::MonthFirst,
            (d(2024, 6, 17), d(2024, 6, 19), Day),
        ),
        (
            "register no later than March 15, 2026",
            p2026,
            Lang::MonthFirst,
            (d(2026, 3, 15), d(2026, 3, 15), Day),
        ),
        (
            "from March 30 to April 3, 2026",
            p2026,
            Lang::MonthFirst,
            (d(2026, 3, 30), d(2026, 4, 3), Day),
        ),
        (
            "during the week of May 31 to June 4, 2027",
            d(2026, 6, 23),
            Lang::MonthFirst,
            (d(2027, 5, 31), d(2027, 6, 4), Day),
        ),
        (
            "on June the 19th and 20th",
            d(2014, 4, 13),
            Lang::MonthFirst,
            (d(2014, 6, 19), d(2014, 6, 20), Day),
        ),
        (
            "by **17 18 and 19 of june 2019.**",
            d(2019, 3, 25),
            Lang::MonthFirst,
            (d(2019, 6, 17), d(2019, 6, 19), Day),
        ),
        (
            "on the **30 th and 31 th of May 2023**",
            d(2023, 4, 6),
            Lang::MonthFirst,
            (d(2023, 5, 30), d(2023, 5, 31), Day),
        ),
        (
            "on the **1 st and 2 nd of June 2023**",
            d(2023, 4, 6),
            Lang::MonthFirst,
            (d(2023, 6, 1), d(2023, 6, 2), Day),
        ),
        (
            "on Tuesday 8, Wednesday 9 and Thursday 10 June, from 2 p.m.",
            d(2021, 5, 31),
            Lang::MonthFirst,
            (d(2021, 6, 8), d(2021, 6, 10), Day),
        ),
        (
            "From monday 20 november noon to wednesday 22 noon.",
            d(2017, 9, 13),
            Lang::MonthFirst,
            (d(2017, 11, 20), d(2017, 11, 22), Day),
        ),
        (
            "from Monday 23 to Wednesday 25 May",
            d(2016, 5, 16),
            Lang::MonthFirst,
            (d(2016, 5, 23), d(2016, 5, 25), Day),
        ),
        (
            "from Wednesday, June 10th at 2:00 PM to Friday, June 12th at 12:00 PM",
            d(2025, 12, 15),
            Lang::MonthFirst,
            (d(2026, 6, 10), d(2026, 6, 12), Day),
        ),
        (
            "on **June 12th to 13th**",
            d(2018, 2, 16),
            Lang::MonthFirst,
            (d(2018, 6, 12), d(2018, 6, 13), Day),
        ),
        (
            "The proposed dates are 22-24 june.",
            d(2015, 2, 6),
            Lang::MonthFirst,
            (d(2015, 6, 22), d(2015, 6, 24), Day),
        ),
        (
            "until 05/01 via the register form",
            d(2019, 3, 25),
            Lang::MonthFirst,
            (d(2019, 5, 1), d(2019, 5, 1), Day),
        ),
        (
            "will take place in Alsace around June.",
            d(2015, 1, 30),
            Lang::MonthFirst,
            (d(2015, 6, 1), d(2015, 6, 30), Month),
        ),
        (
            "a code sprint at the end of November.",
            d(2017, 9, 13),
            Lang::MonthFirst,
            (d(2017, 11, 1), d(2017, 11, 30), Month),
        ),
        (
            "Monday june the 17",
            d(2019, 3, 25),
            Lang::MonthFirst,
            (d(2019, 6, 17), d(2019, 6, 17), Day),
        ),
        (
            "on 2026-03-15.",
            p2026,
            Lang::MonthFirst,
            (d(2026, 3, 15), d(2026, 3, 15), Day),
        ),
        // Spanish
        (
            "del 10 al 12 de junio de 2026 en Estrasburgo",
            d(2026, 3, 26),
            Lang::DayFirst,
            (d(2026, 6, 10), d(2026, 6, 12), Day),
        ),
        (
            "los días 8, 9 y 10 de junio.",
            d(2026, 3, 26),
            Lang::DayFirst,
            (d(2026, 6, 8), d(2026, 6, 10), Day),
        ),
        (
            "del lunes 23 al miercoles 25 de mayo",
            d(2016, 5, 16),
            Lang::DayFirst,
            (d(2016, 5, 23), d(2016, 5, 25), Day),
        ),
        (
            "a más tardar el 15 de marzo de 2026",
            p2026,
            Lang::DayFirst,
            (d(2026, 3, 15), d(2026, 3, 15), Day),
        ),
        (
            "el martes 8, miércoles 9 y jueves 10 de junio, de 14h00 a 17h30",
            d(2021, 5, 31),
            Lang::DayFirst,
            (d(2021, 6, 8), d(2021, 6, 10), Day),
        ),
        (
            "los **12 y 13 de Junio**",
            d(2018, 2, 16),
            Lang::DayFirst,
            (d(2018, 6, 12), d(2018, 6, 13), Day),
        ),
        (
            "del 20 al 22 de Mayo.",
            d(2014, 5, 22),
            Lang::DayFirst,
            (d(2014, 5, 20), d(2014, 5, 22), Day),
        ),
        (
            "se llevará a cabo en Alsace, probablemente en junio.",
            d(2015, 1, 30),
            Lang::DayFirst,
            (d(2015, 6, 1), d(2015, 6, 30), Month),
        ),
        (
            "del miércoles 10 de junio a las 14:00 al viernes 12 de junio a las 12:00",
            d(2025, 12, 15),
            Lang::DayFirst,
            (d(2026, 6, 10), d(2026, 6, 12), Day),
        ),
    ];
    for (text, post, lang, want) in cases {
        assert_eq!(first_span(text, *post, *lang), Some(*want), "{text}");
    }
}

#[test]
fn never_reads_these_as_dates() {
    let post = d(2026, 1, 8);
    for text in [
        "chambre en solo avec un supplément de 15€/nuit",
        "Tél. : 04 92 40 20 10",
        "53, impasse de l'Odet à Quimper",
        "accessible en bus avec la ligne 15.",
        "geOrchestra 20.1.8 and 22.0.6",
        "geOrchestra 14.12 est disponible",
        "see https://geoserver.org/vulnerability/2023/02/20/ogc-filter-injection.html",
        "2, boulevard des Cités Unies CS 70043 59040 Lille Cedex",
        "the 13th edition of geOcom",
        "Esta versión fue 12.ª",
        "qui devrait avoir lieu vers mai / juin.",
        "which is expected to be organised in May or June.",
        "You may know that it may rain",
        "sept jours de code",
        "GPS : -1,707587 48,113923",
        "a formula with 16,50€ per meal",
        "version 1/2/3",
        "de 9h à 17h",
    ] {
        assert_eq!(first_span(text, post, Lang::DayFirst), None, "{text}");
    }
}

#[test]
fn attaches_clock_times() {
    let s = |a: &str| Some(a.to_string());
    assert_eq!(
        times("du mercredi 10 juin 14h00 au vendredi 12 juin 12h00"),
        (s("14:00"), s("12:00"))
    );
    assert_eq!(
        times("from Wednesday, June 10th at 2:00 PM to Friday, June 12th at 12:00 PM"),
        (s("14:00"), s("12:00"))
    );
    assert_eq!(
        times("Tuesday 8, Wednesday 9 and Thursday 10 June, from 2 p.m. to 5:30 p.m."),
        (s("14:00"), s("17:30"))
    );
    assert_eq!(times("Lundi 4 octobre à partir de 20h"), (s("20:00"), None));
    // French typography spaces the hour's "h".
    assert_eq!(
        times("mercredi 25 octobre à 18 h 30 (heure de l'Est)"),
        (s("18:30"), None)
    );
    assert_eq!(
        times("samedi 21 octobre, 10 h – 16 h"),
        (s("10:00"), s("16:00"))
    );
    assert_eq!(times("Monday June 17th, 2PM"), (s("14:00"), None));
    assert_eq!(
        times("Mardi 8 juin 14h00 - 17h30"),
        (s("14:00"), s("17:30"))
    );
    assert_eq!(
        times("SAMEDI 18 JANVIER DE 9H30 A 12H30"),
        (s("09:30"), s("12:30"))
    );
    assert_eq!(
        times("Du lundi 20 novembre midi au mercredi 22 novembre midi"),
        (s("12:00"), s("12:00"))
    );
    assert_eq!(
        times("Lundi 22/06 après midi (14h - 17h)"),
        (s("14:00"), s("17:00"))
    );
    assert_eq!(
        times("Monday 22/06 PM (14:00 - 17:00)"),
        (s("14:00"), s("17:00"))
    );
    // "@" stands for "at" in English announcements.
    assert_eq!(times("Thursday, 20/10 @ 6:30pm ET"), (s("18:30"), None));
    assert_eq!(
        times("Saturday, October 22 @ 10am - 4pm"),
        (s("10:00"), s("16:00"))
    );
}

#[test]
fn hours_written_with_their_unit_as_a_word() {
    let s = |a: &str| Some(a.to_string());
    assert_eq!(
        times("samedi 2 février 2019, à partir de 10 heures"),
        (s("10:00"), None)
    );
    assert_eq!(
        times("el sábado 24 de abril, de 10 a 13 hrs"),
        (s("10:00"), s("13:00"))
    );
    assert_eq!(
        times("el viernes 7 de junio a las 19 hs"),
        (s("19:00"), None)
    );
    assert_eq!(
        times("samedi 12 octobre de 9 à 12 heures"),
        (s("09:00"), s("12:00"))
    );
    // A length is no time of day.
    assert_eq!(
        times("Saturday 14 October, 10 hours of hacking"),
        (None, None)
    );
}

#[test]
fn a_one_digit_hour_with_no_am_is_the_afternoon_or_evening() {
    let s = |a: &str| Some(a.to_string());
    assert_eq!(times("Thursday, April 24 at 6:30"), (s("18:30"), None));
    assert_eq!(
        times("Saturday, May 9, 10:00 to 4:00"),
        (s("10:00"), s("16:00"))
    );
    assert_eq!(
        times("el jueves 24 de abril a las 7:30"),
        (s("07:30"), None)
    );
    assert_eq!(
        times("el viernes 25 de abril a las 6:00"),
        (s("18:00"), None)
    );
    assert_eq!(times("le samedi 26 avril à 6h30"), (s("06:30"), None));
    assert_eq!(times("le samedi 26 avril à 06:30"), (s("06:30"), None));
    // All night long: the end is the next morning.
    assert_eq!(
        times("Friday, May 8, 22:00 to 2:00"),
        (s("22:00"), s("02:00"))
    );
}

#[test]
fn a_deadline_takes_the_reading_after_the_post() {
    let tokens = tokenize("until the 01/04 via the mailing list");
    let m = &find(&tokens, Lang::MonthFirst)[0];
    let anchor = Anchor {
        post_date: d(2020, 1, 28),
        context_year: None,
        future_only: true,
    };
    assert_eq!(resolve(m, &anchor).map(|s| s.start), Some(d(2020, 4, 1)));
}

#[test]
fn the_weekday_chooses_the_year() {
    // 14 October is a Thursday in 2021, not in 2020 or 2022.
    let tokens = tokenize("le jeudi 14 octobre");
    let m = &find(&tokens, Lang::DayFirst)[0];
    let anchor = Anchor {
        post_date: d(2021, 1, 5),
        context_year: None,
        future_only: false,
    };
    assert_eq!(resolve(m, &anchor).map(|s| s.start), Some(d(2021, 10, 14)));
}

#[test]
fn the_weekday_chooses_the_order_of_a_numeric_date() {
    // Indian and British English write the day first; the weekday tells.
    let post = d(2023, 2, 20);
    for (text, lang, day) in [
        ("Saturday, 11/03/2023", Lang::MonthFirst, d(2023, 3, 11)),
        ("Friday, 11/03/2023", Lang::MonthFirst, d(2023, 11, 3)),
        ("samedi 11/03/2023", Lang::DayFirst, d(2023, 3, 11)),
        ("viernes 03/11/2023", Lang::DayFirst, d(2023, 11, 3)),
        // No weekday: the language's order.
        ("11/03/2023", Lang::MonthFirst, d(2023, 11, 3)),
    ] {
        assert_eq!(
            first_span(text, post, lang).map(|s| s.0),
            Some(day),
            "{text}"
        );
    }
}

#[test]
fn twelve_noon_is_a_time_not_a_day() {
    let tokens = tokenize("from 12 noon on Sat 3rd Feb until 12 noon on Sun 4th Feb");
    let anchor = Anchor {
        post_date: d(2024, 1, 15),
        context_year: None,
        future_only: false,
    };
    let spans: Vec<(NaiveDate, NaiveDate)> = find(&tokens, Lang::MonthFirst)
        .iter()
        .filter_map(|m| resolve(m, &anchor))
        .map(|s| (s.start, s.end))
        .collect();
    assert_eq!(spans, vec![(d(2024, 2, 3), d(2024, 2, 4))]);
    assert_eq!(
        times("le samedi 3 février de 12 midi à 18h"),
        (Some("12:00".to_string()), Some("18:00".to_string()))
    );
}

#[test]
fn hours_after_a_date_are_not_more_days() {
    let post = d(2018, 10, 5);
    for (text, day) in [
        ("Tuesday, October 16th, 9-10 AM PDT", d(2018, 10, 16)),
        (
            "on Thursday, December 15th, 8-9 AM PST, will be on",
            d(2018, 12, 15),
        ),
        (
            "Wednesday, March 18, 9-10 AM PDT / 4-5 PM GMT",
            d(2019, 3, 18),
        ),
        ("el martes 16 de octubre, 17-19 h", d(2018, 10, 16)),
        ("le mardi 16 octobre, 14-16 UTC", d(2018, 10, 16)),
    ] {
        assert_eq!(
            first_span(text, post, Lang::MonthFirst),
            Some((day, day, Precision::Day)),
            "{text}"
        );
    }
    let (from, to) = times("Tuesday, October 16th, 9-10 AM PDT");
    assert_eq!(
        (from.as_deref(), to.as_deref()),
        (Some("09:00"), Some("10:00"))
    );
    let (from, to) = times("Saturday, May 4, 11-1 PM");
    assert_eq!(
        (from.as_deref(), to.as_deref()),
        (Some("11:00"), Some("13:00"))
    );
}

#[test]
fn days_joined_by_a_slash_and_weekdays_without_month() {
    let post = d(2023, 1, 18);
    for (text, start, end) in [
        ("event on April 21/22 2023", d(2023, 4, 21), d(2023, 4, 22)),
        (
            "the hackathon on April 28th/29th",
            d(2023, 4, 28),
            d(2023, 4, 29),
        ),
        ("les 21/22 avril 2023", d(2023, 4, 21), d(2023, 4, 22)),
        ("los días 21/22 de abril", d(2023, 4, 21), d(2023, 4, 22)),
        (
            "Mercredi 25 aura lieu le meetup",
            d(2023, 1, 25),
            d(2023, 1, 25),
        ),
        (
            "el jueves 2 hablaremos de Rust",
            d(2023, 2, 2),
            d(2023, 2, 2),
        ),
        ("on Friday the 17th we met", d(2023, 2, 17), d(2023, 2, 17)),
        (
            "le 17 et le 18 janvier 2023",
            d(2023, 1, 17),
            d(2023, 1, 18),
        ),
    ] {
        assert_eq!(
            first_span(text, post, Lang::MonthFirst),
            Some((start, end, Precision::Day)),
            "{text}"
        );
    }
    // Numeric dates stay numeric dates.
    assert_eq!(
        first_span("le 21/02/2023", post, Lang::DayFirst),
        Some((d(2023, 2, 21), d(2023, 2, 21), Precision::Day))
    );
}

#[test]
fn an_elided_month_and_a_range_that_ends_before_it_starts() {
    let post = d(2010, 3, 20);
    assert_eq!(
        first_span("l'AvantJUG d’avril", post, Lang::DayFirst),
        Some((d(2010, 4, 1), d(2010, 4, 30), Month))
    );
    assert_eq!(
        first_span(
            "Capture d'écran 2014-04-21 à 18.15.14",
            post,
            Lang::DayFirst
        ),
        None
    );
}

#[test]
fn a_weekday_and_its_day_then_hours_said_with_a_word() {
    let post = d(2011, 7, 1);
    assert_eq!(
        first_span(
            "Rendez-vous le jeudi 7 de 19h30 à 22h30",
            post,
            Lang::DayFirst
        ),
        Some((d(2011, 7, 7), d(2011, 7, 7), Day))
    );
    assert_eq!(
        times("Rendez-vous le jeudi 7 de 19h30 à 22h30"),
        (Some("19:30".into()), Some("22:30".into()))
    );
}

#[test]
fn a_range_s_end_may_give_its_hour_before_its_day() {
    let post = d(2024, 1, 15);
    for (text, lang) in [
        (
            "from 12 noon on Sat 3rd Feb until 12 noon on Sun 4th Feb",
            Lang::DayFirst,
        ),
        (
            "from 6pm Saturday 3 February to 2pm Sunday 4 February",
            Lang::DayFirst,
        ),
        (
            "de midi le samedi 3 février jusqu'à midi le dimanche 4 février",
            Lang::DayFirst,
        ),
        (
            "desde el sábado 3 de febrero hasta las 12 del domingo 4 de febrero",
            Lang::DayFirst,
        ),
    ] {
        assert_eq!(
            first_span(text, post, lang).map(|s| (s.0, s.1)),
            Some((d(2024, 2, 3), d(2024, 2, 4))),
            "{text}"
        );
    }
    // Hours after a day are that day's: "October 16th - 9am on the lawn".
    assert_eq!(
        first_span(
            "October 16th - 9am on the lawn",
            d(2024, 9, 1),
            Lang::MonthFirst
        )
        .map(|s| (s.0, s.1)),
        Some((d(2024, 10, 16), d(2024, 10, 16)))
    );
}

#[test]
fn an_article_may_lead_a_weekday_in_a_list_of_days() {
    let post = d(2025, 4, 7);
    for text in [
        "le vendredi 13 et le samedi 14 juin 2025",
        "el viernes 13 y el sábado 14 de junio de 2025",
    ] {
        assert_eq!(
            first_span(text, post, Lang::DayFirst).map(|s| (s.0, s.1)),
            Some((d(2025, 6, 13), d(2025, 6, 14))),
            "{text}"
        );
    }
}
