use super::*;
use crate::answer::catalog::Catalog;
use crate::answer::catalog::testing::catalog;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const FILE: &str = "2027-01-10-sprint.md";

fn sprint(days: &str, place: &str, deadline: &str) -> String {
    format!(
        "---\ntitle: Code sprint 2027\nlang: en\n---\nThe code sprint 2027 takes place {days} in {place}. Registration closes on {deadline}: https://example.org/register\n"
    )
}

fn record_of(c: &Catalog) -> BTreeMap<String, Seen> {
    let all: Vec<&Gathering> = c.gatherings.iter().collect();
    compare(&BTreeMap::new(), &all, d("2027-01-01")).record
}

fn said(news: &News, lang: Language) -> String {
    render(news, lang)
        .plain(crate::answer::reply::Limits::IRC)
        .join("\n")
}

#[test]
fn a_new_gathering_is_announced_with_dates_place_and_registration() {
    let c = catalog(&[(
        FILE,
        &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )]);
    let all: Vec<&Gathering> = c.gatherings.iter().collect();
    let cmp = compare(&BTreeMap::new(), &all, d("2027-01-11"));
    assert_eq!(cmp.news.len(), 1);
    let text = said(&cmp.news[0], Language::En);
    for part in [
        "New: ",
        "Code sprint 2027",
        "March 3 – March 5, 2027",
        "Lyon",
        "Registration until February 20, 2027: https://example.org/register",
        "https://example.org/",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    let fr = said(&cmp.news[0], Language::Fr);
    assert!(fr.starts_with("Nouveau : "), "{fr}");
    assert!(fr.contains("3 mars – 5 mars 2027"), "{fr}");
    assert!(
        fr.contains("Inscriptions jusqu'au 20 février 2027 : "),
        "{fr}"
    );
    let es = said(&cmp.news[0], Language::Es);
    assert!(es.starts_with("Nuevo: "), "{es}");
    assert!(
        es.contains("Inscripciones hasta el 20 de febrero de 2027"),
        "{es}"
    );
}

#[test]
fn the_same_reading_again_says_nothing_and_wording_is_not_a_fact() {
    let text = sprint("on March 3-5, 2027", "Lyon", "February 20, 2027");
    let record = record_of(&catalog(&[(FILE, &text)]));
    let reworded = text.replace("takes place", "will happen") + "\nSee you there, everyone!\n";
    let c = catalog(&[(FILE, &reworded)]);
    let all: Vec<&Gathering> = c.gatherings.iter().collect();
    let cmp = compare(&record, &all, d("2027-01-11"));
    assert!(cmp.news.is_empty(), "{:?}", cmp.news);
    assert_eq!(cmp.record, record);
}

#[test]
fn moved_dates_a_new_place_and_a_new_deadline_are_named_with_what_they_were() {
    let record = record_of(&catalog(&[(
        FILE,
        &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )]));
    let c = catalog(&[(
        FILE,
        &sprint("on April 7-9, 2027", "Grenoble", "March 25, 2027"),
    )]);
    let all: Vec<&Gathering> = c.gatherings.iter().collect();
    let cmp = compare(&record, &all, d("2027-01-11"));
    assert_eq!(cmp.news.len(), 1);
    let News::Changed { revision, .. } = &cmp.news[0] else {
        panic!("a change: {:?}", cmp.news[0]);
    };
    assert_eq!(*revision, 1);
    let text = said(&cmp.news[0], Language::En);
    for part in [
        "Code sprint 2027",
        "moved: April 7 – April 9, 2027 (was March 3 – March 5, 2027)",
        "new place: Grenoble (was Lyon)",
        "registration until March 25, 2027 (was February 20, 2027)",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    let fr = said(&cmp.news[0], Language::Fr);
    assert!(
        fr.contains("change de date : 7 avril – 9 avril 2027 (au lieu de 3 mars – 5 mars 2027)"),
        "{fr}"
    );
    // The next change is another piece of news, even back to the first dates.
    let c2 = catalog(&[(
        FILE,
        &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )]);
    let all2: Vec<&Gathering> = c2.gatherings.iter().collect();
    let again = compare(&cmp.record, &all2, d("2027-01-12"));
    assert_eq!(again.news.len(), 1);
    assert_ne!(again.news[0].id(), cmp.news[0].id());
}

#[test]
fn a_cancellation_is_said_once() {
    let record = record_of(&catalog(&[(
        FILE,
        &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )]));
    let cancelled = "---\ntitle: \"Cancelled: Code sprint 2027\"\nlang: en\n---\nThe code sprint 2027 on March 3-5, 2027 in Lyon is cancelled.\n";
    let c = catalog(&[(FILE, cancelled)]);
    let all: Vec<&Gathering> = c.gatherings.iter().collect();
    assert!(all.iter().all(|g| g.cancelled), "{all:?}");
    let cmp = compare(&record, &all, d("2027-01-11"));
    assert_eq!(cmp.news.len(), 1);
    let text = said(&cmp.news[0], Language::En);
    assert!(text.contains("is cancelled."), "{text}");
    let again = compare(&cmp.record, &all, d("2027-01-11"));
    assert!(again.news.is_empty());
}

#[test]
fn past_gatherings_bring_no_news() {
    let c = catalog(&[(
        FILE,
        &sprint("on March 3-5, 2027", "Lyon", "February 20, 2027"),
    )]);
    let all: Vec<&Gathering> = c.gatherings.iter().collect();
    let cmp = compare(&BTreeMap::new(), &all, d("2027-04-01"));
    assert!(cmp.news.is_empty());
    assert_eq!(cmp.record.len(), 1, "recorded all the same");
}
