//! Answers to members, in French, English and Spanish, from a fixture community site:
//! each intent in each language, the "don't know" path, translations and successive posts
//! of one gathering shown once, hostile post content escaped, and IRC line limits.

use crate::support::site_spec;
use chrono::NaiveDateTime;
use crieur::answer::Answerer;
use crieur::answer::reply::{Limits, Reply};
use crieur::extract::Language;
use crieur::index;
use crieur::store::Store;
use std::path::Path;
use std::sync::OnceLock;

fn answerer() -> &'static Answerer {
    static ANSWERER: OnceLock<Answerer> = OnceLock::new();
    ANSWERER.get_or_init(|| {
        answerer_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/community"))
    })
}

/// The answers a site folder gives, read into a temporary store (Europe/Paris); its posts
/// must all read without a problem.
pub fn answerer_of(root: &Path) -> Answerer {
    let store = Store::temporary().expect("a store");
    let reports = index::index_sites(&store, &[site_spec(root)]).expect("indexing");
    assert!(reports[0].problems.is_empty(), "{:?}", reports[0].problems);
    index::answerer(&store).expect("an answerer")
}

fn at(now: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(now, "%Y-%m-%d %H:%M").expect("test time")
}

fn ask(now: &str, question: &str) -> Reply {
    answerer().answer(question, Language::En, at(now))
}

/// The reply as IRC shows it, one string.
fn text(reply: &Reply) -> String {
    reply.plain(Limits::IRC).join("\n")
}

fn check(now: &str, question: &str, lang: Language, must: &[&str], must_not: &[&str]) {
    let reply = ask(now, question);
    let got = text(&reply);
    assert_eq!(reply.lang, lang, "{question} → {got}");
    for m in must {
        assert!(got.contains(m), "{question}: missing {m:?} in\n{got}");
    }
    for m in must_not {
        assert!(
            !got.contains(m),
            "{question}: should not say {m:?} in\n{got}"
        );
    }
}

const APRIL: &str = "2026-04-10 10:00";

#[test]
fn next_event_in_three_languages() {
    check(
        APRIL,
        "quand a lieu le prochain Map Summit ?",
        Language::Fr,
        &[
            "Prochain : Map Summit 2026",
            "10 juin – 12 juin 2026",
            "Lyon",
        ],
        &["2025"],
    );
    check(
        APRIL,
        "when is the next Map Summit?",
        Language::En,
        &["Next: Map Summit 2026", "June 10 – June 12, 2026", "Lyon"],
        &["2025"],
    );
    check(
        APRIL,
        "¿cuándo es el próximo Map Summit?",
        Language::Es,
        &[
            "Próximo: Map Summit 2026",
            "10 de junio – 12 de junio de 2026",
        ],
        &["2025"],
    );
    // The meetup of April 2 is over: the one in Bristol comes next, at its venue.
    check(
        APRIL,
        "!next",
        Language::En,
        &[
            "Next: Spring meetup in Bristol: April 22, 2026, 6 PM – 8 PM, The Hub, 12 Harbour Street, Bristol.",
        ],
        &["Friends", "Map Summit 2025"],
    );
    check(
        APRIL,
        "!next sprint",
        Language::En,
        &["code sprint (Map Summit 2026)", "June 8 – June 9, 2026"],
        &[],
    );
}

#[test]
fn when_and_where_of_past_and_future_gatherings() {
    check(
        APRIL,
        "when was Map Summit 2025?",
        Language::En,
        &["Map Summit 2025", "May 20 – May 22, 2025", "Nantes"],
        &["2026"],
    );
    check(
        APRIL,
        "où s'est tenu le Map Summit 2025 ?",
        Language::Fr,
        &["20 mai – 22 mai 2025", "Nantes"],
        &[],
    );
    check(
        APRIL,
        "¿dónde fue el Map Summit 2025?",
        Language::Es,
        &["20 de mayo – 22 de mayo de 2025", "Nantes"],
        &[],
    );
    check(
        APRIL,
        "where is Map Summit 2026?",
        Language::En,
        &["Lyon", "June 10"],
        &["Nantes"],
    );
    check(
        APRIL,
        "y a-t-il un sprint avant le Map Summit ?",
        Language::Fr,
        &["sprint de code", "8 juin – 9 juin 2026"],
        &[],
    );
    check(APRIL, "!event summit 2025", Language::En, &["Nantes"], &[]);
    // The post's own page is linked, in the asker's language.
    check(
        APRIL,
        "quand a lieu le Map Summit 2026 ?",
        Language::Fr,
        &["https://community.example.org/blog/2026/03/20/summit-2026-fr/"],
        &[],
    );
}

#[test]
fn registration_in_three_languages() {
    check(
        APRIL,
        "how do I register for Map Summit 2026?",
        Language::En,
        &[
            "https://tickets.example.org/summit-2026",
            "until May 15, 2026",
        ],
        &["summit-2026-fr"],
    );
    check(
        APRIL,
        "jusqu'à quand peut-on s'inscrire au Map Summit ?",
        Language::Fr,
        &[
            "https://tickets.example.org/summit-2026-fr",
            "jusqu'au 15 mai 2026",
        ],
        &[],
    );
    check(
        APRIL,
        "¿cómo inscribirse al Map Summit?",
        Language::Es,
        &[
            "https://tickets.example.org/summit-2026-es",
            "hasta el 15 de mayo de 2026",
        ],
        &[],
    );
    check(
        "2026-05-20 10:00",
        "how do I register for Map Summit 2026?",
        Language::En,
        &["Registration closed on May 15, 2026."],
        &["tickets.example.org"],
    );
    check(
        "2026-02-10 10:00",
        "comment s'inscrire aux ateliers ?",
        Language::Fr,
        &[
            "https://forms.example.org/ateliers",
            "jusqu'au 1er mars 2026",
        ],
        &[],
    );
}

#[test]
fn upcoming_events_are_paged_within_irc_limits() {
    // Nine gatherings ahead: an overview, three to a line, from the workshops to the summit,
    // each with its days and its town (unless its name gives it).
    let reply = ask("2026-02-10 10:00", "what events are coming up?");
    let lines = reply.plain(Limits::IRC);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[0].starts_with(
            "Atelier Inkscape : découvrir le dessin vectoriel (March 7, 2026, Lyon) · "
        ),
        "{lines:#?}"
    );
    assert!(lines[1].contains("Atelier OpenStreetMap"), "{lines:#?}");
    assert!(
        lines[2].contains("Spring meetup in Bristol (April 22, 2026) · "),
        "{lines:#?}"
    );
    assert!(
        lines[2].contains("Map Summit 2026 (June 10 – June 12, 2026, Lyon)"),
        "{lines:#?}"
    );
    // A page further, nothing more; a few gatherings are shown in full.
    assert!(
        text(&ask("2026-02-10 10:00", "!events 2")).contains("I don't know of any upcoming event")
    );
    let few = text(&ask("2026-04-10 10:00", "!events"));
    assert!(
        few.contains("Spring meetup in Bristol: April 22, 2026, 6 PM – 8 PM, The Hub"),
        "{few}"
    );
    check(
        "2026-02-10 10:00",
        "quels sont les prochains événements ?",
        Language::Fr,
        &[
            "Atelier Inkscape : découvrir le dessin vectoriel (7 mars 2026, Lyon)",
            "Taller de Arduino (annulé, 21 mars 2026, Almería)",
        ],
        &[],
    );
    check(
        "2026-03-20 10:00",
        "qu'est-ce qu'il y a ce mois-ci ?",
        Language::Fr,
        &["Atelier QGIS", "Atelier OpenStreetMap"],
        &["Summit"],
    );
    check(
        "2026-03-20 10:00",
        "¿qué eventos hay esta semana?",
        Language::Es,
        &["Atelier QGIS"],
        &["OpenStreetMap"],
    );
    check(
        "2026-07-01 10:00",
        "what events are coming up?",
        Language::En,
        &["I don't know of any upcoming event"],
        &["Summit"],
    );
}

#[test]
fn a_gathering_in_several_posts_is_listed_once() {
    // Three translations and a save-the-date all announce Map Summit 2026.
    let got = text(&ask("2026-05-01 10:00", "!events"));
    assert_eq!(got.matches("Map Summit 2026:").count(), 1, "{got}");
    assert_eq!(got.matches("code sprint").count(), 1, "{got}");
    let catalog = answerer().catalog();
    let summit = catalog
        .gatherings
        .iter()
        .find(|g| g.primary && g.start.to_string() == "2026-06-10")
        .expect("Map Summit 2026");
    assert_eq!(
        summit.versions.len(),
        4,
        "three translations and the save-the-date"
    );
    // The newest post's registration link wins over the save-the-date, which had none.
    assert_eq!(
        summit.registration_url(Language::En),
        Some("https://tickets.example.org/summit-2026")
    );
}

#[test]
fn where_to_get_help_in_three_languages() {
    check(
        APRIL,
        "how can I get help?",
        Language::En,
        &["#mapsummit:example.org", "users@lists.example.org"],
        &[],
    );
    check(
        APRIL,
        "quelle est la liste de diffusion des développeurs ?",
        Language::Fr,
        &["dev@lists.example.org"],
        &["users@lists"],
    );
    check(
        APRIL,
        "how do I report a security issue?",
        Language::En,
        &["security@example.org"],
        &["git.example.org"],
    );
    check(
        APRIL,
        "où signaler un bug ?",
        Language::Fr,
        &["https://git.example.org/mapsummit/issues"],
        &[],
    );
    check(
        APRIL,
        "¿dónde informar de un fallo?",
        Language::Es,
        &["https://git.example.org/mapsummit/issues", "Errores"],
        &[],
    );
    check(
        APRIL,
        "¿hay un canal de chat?",
        Language::Es,
        &["#mapsummit:example.org"],
        &[],
    );
    check(
        APRIL,
        "!contact security",
        Language::En,
        &["security@example.org", "do not file a public bug report"],
        &[],
    );
}

#[test]
fn says_it_does_not_know_rather_than_guess() {
    for (question, lang, phrase) in [
        (
            "when is the FOSS4G 2031 in Tokyo?",
            Language::En,
            "I don't know",
        ),
        (
            "quand a lieu le hackathon de Marseille ?",
            Language::Fr,
            "Je ne sais pas",
        ),
        (
            "¿cuándo es la conferencia de Madrid?",
            Language::Es,
            "No lo sé",
        ),
        ("what is Map Summit?", Language::En, "I don't know"),
        ("when was Map Summit 2019?", Language::En, "I don't know"),
    ] {
        check(
            APRIL,
            question,
            lang,
            &[phrase, "!help"],
            &["Summit 20", "Lyon", "Nantes"],
        );
    }
}

#[test]
fn help_and_usage() {
    check(
        APRIL,
        "!help",
        Language::En,
        &["!next", "!events", "!event", "!register", "!contact"],
        &[],
    );
    let fr = answerer().answer("!help", Language::Fr, at(APRIL));
    assert!(text(&fr).contains("prochain événement"), "{}", text(&fr));
    let es = answerer().answer("!help", Language::Es, at(APRIL));
    assert!(text(&es).contains("próximo evento"), "{}", text(&es));
    check(
        APRIL,
        "!event",
        Language::En,
        &["Usage: !event <words>"],
        &[],
    );
    check(APRIL, "!frobnicate", Language::En, &["Usage: !help"], &[]);
}

#[test]
fn escapes_hostile_post_content() {
    let reply = ask(APRIL, "when is the Friends meetup?");
    let html = reply.html();
    assert!(
        html.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Friends&quot; meetup"
        ),
        "{html}"
    );
    assert!(!html.contains("<script>"), "{html}");
    for line in reply.plain(Limits::IRC) {
        assert!(
            line.len() <= 400 && !line.chars().any(char::is_control),
            "{line:?}"
        );
    }
}

#[test]
fn every_reply_fits_irc_limits() {
    for question in [
        "!help",
        "!events",
        "how can I get help?",
        "when is the next Map Summit?",
        "!contact",
        "what events are coming up?",
    ] {
        for lang in [Language::Fr, Language::En, Language::Es] {
            let lines = answerer()
                .answer(question, lang, at("2026-02-10 10:00"))
                .plain(Limits::IRC);
            assert!(
                !lines.is_empty() && lines.len() <= 4,
                "{question}: {lines:#?}"
            );
            assert!(
                lines.iter().all(|l| l.len() <= 400),
                "{question}: {lines:#?}"
            );
        }
    }
}

/// Writes English posts (file name, title, text) into `root`'s `_posts`.
fn write_posts(root: &Path, posts: &[(&str, &str, &str)]) {
    let posts: Vec<(&str, String, &str)> = posts
        .iter()
        .map(|(file, title, body)| (*file, format!("title: \"{title}\"\nlang: en"), *body))
        .collect();
    write_posts_with(root, &posts);
}

/// Posts as (`_posts/` file name, front matter lines, body).
fn write_posts_with(root: &Path, posts: &[(&str, String, &str)]) {
    let folder = root.join("_posts");
    std::fs::create_dir_all(&folder).expect("a posts folder");
    for (file, front, body) in posts {
        std::fs::write(folder.join(file), format!("---\n{front}\n---\n\n{body}\n"))
            .expect("a post");
    }
}

/// A community whose every post names it ("Cartolab") while its gatherings have names of
/// their own: a question naming the community asks for any of its gatherings.
#[test]
fn the_community_s_own_name_asks_for_any_of_its_gatherings() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-01-05-winter-meetup.md",
                "Winter meetup",
                "The Cartolab winter meetup takes place on January 20, 2026 in Lyon.",
            ),
            (
                "2026-02-01-sprint.md",
                "Code sprint",
                "Cartolab holds its code sprint on March 12-13, 2026 in Grenoble.",
            ),
            (
                "2026-03-01-workshop.md",
                "QGIS workshop",
                "Cartolab organises a QGIS workshop on April 8, 2026 in Lyon.",
            ),
            (
                "2026-04-01-summit.md",
                "Map summit",
                "The Cartolab map summit will take place on June 10-12, 2026 in Nantes.",
            ),
            (
                "2026-01-02-release.md",
                "Cartolab 3.0 released",
                "Cartolab 3.0 is out with a new editor.",
            ),
            (
                "2026-04-15-cartolabconf.md",
                "CartolabConf 2026",
                "CartolabConf 2026, the Cartolab conference, takes place on September 9-11, \
                 2026 in Lille.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2026-03-01 10:00");
    for question in ["next cartolab event?", "what's next at cartolab"] {
        let got = text(&answerer.answer(question, Language::En, now));
        assert!(got.contains("March 12"), "{question}: {got}");
    }
    // A gathering's own name still decides, even one that begins with the community's.
    let got = text(&answerer.answer("when is the cartolab map summit?", Language::En, now));
    assert!(got.contains("June 10"), "{got}");
    let got = text(&answerer.answer("cartolabconf 2026?", Language::En, now));
    assert!(got.contains("September 9"), "{got}");
    // And a name crieur never read about is still unknown.
    let got = text(&answerer.answer("when is the cartolab hackfest?", Language::En, now));
    assert!(got.contains("don't know"), "{got}");
}

#[test]
fn the_name_in_the_site_s_address_asks_for_any_of_its_gatherings() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-01-05-winter-meetup.md",
                "Winter meetup",
                "Our winter meetup takes place on January 20, 2026 in Lyon.",
            ),
            (
                "2026-02-01-sprint.md",
                "Code sprint",
                "We hold a code sprint on March 12-13, 2026 in Grenoble.",
            ),
            (
                "2026-03-01-workshop.md",
                "QGIS workshop",
                "A QGIS workshop on April 8, 2026 in Lyon.",
            ),
        ],
    );
    std::fs::write(
        dir.path().join("_config.yml"),
        "permalink: /blog/:year/:month/:day/:title/\n",
    )
    .expect("a config");
    let mut spec = site_spec(dir.path());
    spec.base_url = crieur::config::parse_base_url("https://www.maplab-paris.org");
    let store = Store::temporary().expect("a store");
    index::index_sites(&store, &[spec]).expect("indexing");
    let answerer = index::answerer(&store).expect("an answerer");
    let now = at("2026-03-01 10:00");
    for (question, lang) in [
        ("next maplab event?", Language::En),
        ("c'est quand le prochain rendez-vous Maplab ?", Language::Fr),
        ("¿cuál es la próxima actividad de maplab?", Language::Es),
        ("what's next at maplab?", Language::En),
        ("que es lo proximo en maplab?", Language::Es),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains("12"), "{question}: {got}");
    }
    // A name crieur never read about is still unknown.
    let got = text(&answerer.answer("when is the maplab hackfest?", Language::En, now));
    assert!(got.contains("don't know"), "{got}");
}

/// Names asked otherwise than the site writes them: in two words ("map beers" for
/// "MapBeers"), in full ("unconference" for "unconf26"), or by a kind and a day ("the
/// workshop on April 8") whatever the question calls its subject.
#[test]
fn names_asked_otherwise_than_written() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2024-03-01-data-unconference.md",
                "Data Unconference 2024",
                "The Data Unconference takes place on May 6-7, 2024 in Nantes.",
            ),
            (
                "2026-01-10-unconf26.md",
                "Apply to unconf26",
                "Our unconf26 takes place on May 5-6, 2026 in Grenoble.",
            ),
            (
                "2026-02-20-mapbeers.md",
                "MapBeers",
                "Join us for MapBeers on Wednesday, March 18, 2026 at 6pm in Lyon.",
            ),
            (
                "2026-03-01-security-workshop.md",
                "Security group: a workshop in Murcia",
                "Security group: we meet on April 8, 2026 in Murcia.",
            ),
        ],
    );
    let store = Store::temporary().expect("a store");
    index::index_sites(&store, &[site_spec(dir.path())]).expect("indexing");
    let answerer = index::answerer(&store).expect("an answerer");
    let now = at("2026-03-10 10:00");
    for (question, lang, must, must_not) in [
        (
            "where are the map beers next week?",
            Language::En,
            "Lyon",
            "Murcia",
        ),
        (
            "c'est quand les prochaines map beers ?",
            Language::Fr,
            "18",
            "Murcia",
        ),
        (
            "when is the next unconference?",
            Language::En,
            "Grenoble",
            "2024",
        ),
        (
            "où a lieu l'unconference cette année ?",
            Language::Fr,
            "Grenoble",
            "2024",
        ),
        (
            "¿dónde es el taller de ciberseguridad del 8 de abril?",
            Language::Es,
            "Murcia",
            "Lyon",
        ),
        (
            "where is the April 8 workshop?",
            Language::En,
            "Murcia",
            "Lyon",
        ),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains(must), "{question}: {got}");
        assert!(!got.contains(must_not), "{question}: {got}");
    }
    // A kind on a day, with a name crieur knows for another gathering: not this one.
    let got = text(&answerer.answer(
        "where is the unconf workshop on April 8?",
        Language::En,
        now,
    ));
    assert!(!got.contains("Murcia"), "{got}");
}

/// Within a month or a week, a word for gatherings in general lists them all, even where
/// one of them is named with that word ("Encuentro de verano").
#[test]
fn a_word_for_gatherings_in_general_lists_all_of_a_month() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2024-06-20-encuentro.md",
                "Encuentro de verano",
                "El encuentro de verano será el 4 de julio de 2024 en Madrid.",
            ),
            (
                "2024-06-21-taller.md",
                "Taller de mapas",
                "Taller de mapas el 13 de julio de 2024 en Sevilla.",
            ),
            (
                "2024-06-22-rencontre.md",
                "Rencontre d'été",
                "La rencontre d'été aura lieu le 18 juillet 2024 à Lyon.",
            ),
            (
                "2024-06-23-sprint.md",
                "Code sprint",
                "Our code sprint takes place on July 25, 2024 in Leeds.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2024-06-26 10:00");
    for (question, lang) in [
        ("¿qué encuentros hay en julio?", Language::Es),
        ("quelles rencontres en juillet ?", Language::Fr),
        ("what gatherings are there in July?", Language::En),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        for name in [
            "Encuentro de verano",
            "Taller de mapas",
            "Rencontre d'été",
            "Code sprint",
        ] {
            assert!(got.contains(name), "{question}: {name} missing in {got}");
        }
    }
    // Asked without a month, the gathering named so is still found by its name.
    let got = text(&answerer.answer("¿cuándo es el encuentro de verano?", Language::Es, now));
    assert!(got.contains("4 de julio"), "{got}");
}

/// "What's on in May?", "what's happening in Toronto?", "qu'est-ce qui se passe à Lyon ?",
/// "¿qué pasa en Sevilla?": what happens, asked with no word for a gathering, is a list;
/// "May" after "in" is the month, and "what may happen" names none.
#[test]
fn what_happens_is_asked_without_a_word_for_gatherings() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2025-03-01-toronto.md",
                "Lunch and learn",
                "Our lunch and learn takes place on May 6, 2025 in Toronto.",
            ),
            (
                "2025-03-02-lyon.md",
                "Map workshop",
                "The map workshop takes place on June 12, 2025 in Lyon.",
            ),
            (
                "2025-03-03-sevilla.md",
                "Sevilla meetup",
                "Our next meetup is on June 20, 2025 in Sevilla.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2025-03-20 10:00");
    for (question, lang, must, must_not) in [
        ("what's on in May?", Language::En, "May 6", "Lyon"),
        ("anything in May?", Language::En, "May 6", "Sevilla"),
        ("any plans in May?", Language::En, "May 6", "Sevilla"),
        (
            "¿qué planes hay en mayo?",
            Language::Es,
            "6 de mayo",
            "Lyon",
        ),
        ("quelles activités en mai ?", Language::Fr, "6 mai", "Lyon"),
        (
            "what's happening in Toronto?",
            Language::En,
            "May 6",
            "Lyon",
        ),
        (
            "qu'est-ce qui se passe à Lyon ?",
            Language::Fr,
            "12 juin",
            "Toronto",
        ),
        (
            "¿qué pasa en Sevilla?",
            Language::Es,
            "20 de junio",
            "Toronto",
        ),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains(must), "{question}: {got}");
        assert!(!got.contains(must_not), "{question}: {got}");
    }
    let got = text(&answerer.answer("what may happen to my data?", Language::En, now));
    assert!(!got.contains("May 6"), "{got}");
}

/// One post announces a conference for a month, a later one gives its days: asked about
/// it, crieur gives the days and the call of the post that has them.
#[test]
fn the_days_of_a_gathering_say_more_than_its_month() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2017-06-19-recap.md",
                "MapConf 2017 recap",
                "Thanks to all! MapConf 2017 took place on June 8, 2017. See you at MapConf 2018 in Québec City in May 2018.",
            ),
            (
                "2018-02-13-cfp.md",
                "MapConf 2018 in Québec City",
                "MapConf 2018 will be held on May 24-26, 2018 in Québec City. The call for proposals closes on March 4, 2018.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2018-02-20 10:00");
    for (question, lang, must) in [
        ("when is MapConf 2018?", Language::En, "May 24"),
        ("c'est quand la MapConf 2018 ?", Language::Fr, "24 mai"),
        (
            "¿hasta cuándo se pueden mandar propuestas a la MapConf 2018?",
            Language::Es,
            "4 de marzo",
        ),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains(must), "{question}: {got}");
        assert!(got.contains("Québec City"), "{question}: {got}");
    }
}

/// Editions counted in Roman numerals, digits or words: a question may count them another
/// way than the post ("II Jornadas" asked as "las segundas jornadas").
#[test]
fn an_edition_is_found_however_its_number_is_written() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2015-03-01-jornadas.md",
                "I Jornadas Hacklab",
                "The first Hacklab days take place on April 10-11, 2015 in Almería.",
            ),
            (
                "2015-11-20-ii-jornadas.md",
                "II Jornadas Hacklab",
                "The Hacklab days are back on December 11-13, 2015 in El Ejido.",
            ),
            (
                "2016-01-10-summit.md",
                "3rd Map Summit",
                "The 3rd Map Summit will be held on March 3, 2016 in Lyon.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2015-12-01 10:00");
    for (question, lang, must) in [
        (
            "¿y las segundas jornadas del Hacklab dónde se hacen?",
            Language::Es,
            "El Ejido",
        ),
        (
            "where are the second Hacklab days?",
            Language::En,
            "El Ejido",
        ),
        ("c'est où, la troisième Map Summit ?", Language::Fr, "Lyon"),
        ("when is the third map summit?", Language::En, "March 3"),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains(must), "{question}: {got}");
    }
}

/// "I just moved to Madrid. When is the next meetup here?": the question names no town,
/// the sentence before it does; a town where nothing is planned gets no other town's
/// meetup. And a ticket office is where one registers.
#[test]
fn here_is_the_town_said_before_the_question() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-03-01-lyon-meetup.md",
                "Lyon meetup",
                "Our Lyon meetup takes place on March 10, 2026 in Lyon.",
            ),
            (
                "2026-03-02-madrid-meetup.md",
                "Madrid meetup",
                "The Madrid meetup is on March 24, 2026 in Madrid.",
            ),
            (
                "2026-03-03-summit.md",
                "Map Summit 2026",
                "The Map Summit will be held on June 10-12, 2026 in Nantes. \
                 [Get your tickets](https://tickets.example.org/summit).",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2026-03-05 10:00");
    for (question, lang, must) in [
        (
            "Acabo de mudarme a Madrid y no conozco a nadie. ¿Cuándo es la próxima quedada aquí?",
            Language::Es,
            "24 de marzo",
        ),
        (
            "Je viens d'arriver à Madrid. Il y a un meetup par ici ?",
            Language::Fr,
            "24 mars",
        ),
        (
            "I just moved to Lyon. When is the next meetup around here?",
            Language::En,
            "March 10",
        ),
        (
            "où est la billetterie du Map Summit ?",
            Language::Fr,
            "tickets.example.org/summit",
        ),
        // A town where nothing is planned: not another town's meetup.
        ("When's the next Ottawa meetup?", Language::En, "don't know"),
        (
            "Y a-t-il un meetup à Bordeaux ?",
            Language::Fr,
            "Je ne sais pas",
        ),
        ("¿hay algún meetup en sevilla?", Language::Es, "No lo sé"),
        (
            "¿dónde está la taquilla del Map Summit?",
            Language::Es,
            "tickets.example.org/summit",
        ),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains(must), "{question}: {got}");
    }
}

/// A post of several gatherings, each with its link: asked how to register for one, crieur
/// gives that one's link, never another's.
#[test]
fn each_gathering_of_an_agenda_is_registered_for_at_its_own_link() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[(
            "2026-09-20-october.md",
            "October at the chapters",
            "Here is what the chapters have planned.\n\n\
             ## Leeds — Thursday, Oct. 8, 2026, 6–8 p.m.\n\n\
             A mapping meetup at the Central Library.\n\
             [RSVP](https://www.meetup.com/maps-leeds/events/1001/)\n\n\
             ## Bristol — Saturday, Oct. 17, 2026, 10am–4pm\n\n\
             A mapping day at the Watershed.\n\
             [Book a spot](https://tickets.example.org/bristol-oct)\n",
        )],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2026-09-25 10:00");
    for (question, must, must_not) in [
        (
            "how do I register for the Bristol mapping day?",
            "tickets.example.org/bristol-oct",
            "meetup.com",
        ),
        (
            "how do I register for the Leeds mapping meetup?",
            "meetup.com/maps-leeds/events/1001",
            "tickets.example.org",
        ),
    ] {
        let got = text(&answerer.answer(question, Language::En, now));
        assert!(
            got.contains(must) && !got.contains(must_not),
            "{question}: {got}"
        );
    }
}

/// A series whose sessions are titled by their topics ("Instalación y primer mapa") under
/// a post titled with their kind ("Talleres de primavera"): asked for that kind, they are
/// of it.
#[test]
fn sessions_titled_by_topic_are_of_the_kind_their_post_names() {
    let dir = tempfile::tempdir().expect("a folder");
    let folder = dir.path().join("_posts");
    std::fs::create_dir_all(&folder).expect("a posts folder");
    std::fs::write(
        folder.join("2026-02-10-talleres.md"),
        "---\ntitle: \"Talleres de primavera en Valencia\"\nlang: es\n---\n\n\
         Tres sesiones para empezar con los mapas, en Las Naves (Valencia).\n\n\
         ## Martes 3 de marzo de 2026\n\nInstalación y primer mapa.\n\n\
         ## Martes 7 de abril de 2026\n\nEstilos y etiquetas.\n",
    )
    .expect("a post");
    // Another workshop, named as one, in the same season.
    std::fs::write(
        folder.join("2026-03-01-jornadas.md"),
        "---\ntitle: \"Jornadas 2026\"\nlang: es\n---\n\n\
         Las Jornadas tendrán lugar el 21 de mayo de 2026 en Valencia. \
         El día antes, el 20 de mayo de 2026, un taller de mapas en Valencia.\n",
    )
    .expect("a post");
    let answerer = answerer_of(dir.path());
    let got = text(&answerer.answer(
        "¿qué talleres hay en Valencia esta primavera?",
        Language::Es,
        at("2026-02-15 10:00"),
    ));
    // Every session of the series, not only the first.
    assert!(
        got.contains("3 de marzo") && got.contains("7 de abril"),
        "{got}"
    );
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[(
            "2026-10-02-webinars.md",
            "Autumn webinar series",
            "Three one-hour webinars this autumn, online:\n\n\
             - **Wed, Oct 14, 2026**\n\
             - **Wed, Oct 28, 2026**\n\
             - **Wed, Nov 11, 2026**\n\n\
             Register once for the whole series.",
        )],
    );
    let answerer = answerer_of(dir.path());
    let got = text(&answerer.answer(
        "what webinars are coming up this autumn?",
        Language::En,
        at("2026-10-05 10:00"),
    ));
    for day in ["October 14", "October 28", "November 11"] {
        assert!(got.contains(day), "{day}: {got}");
    }
}

/// A price holds until a date ("early-bird until May 26"): asked what it costs, crieur says
/// until when one can register, and asked until when the reduced price lasts, that date.
#[test]
fn what_a_place_costs_comes_with_the_last_day_to_register() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[(
            "2015-05-07-mapconf.md",
            "MapConf 2015 in Toulouse",
            "MapConf 2015 takes place on June 24-25, 2015 in Toulouse. Registration is open, at early-bird prices until May 26, 2015.",
        )],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2015-05-10 10:00");
    for (question, lang, must) in [
        ("how much is MapConf?", Language::En, "May 26"),
        ("combien coûte la MapConf ?", Language::Fr, "26 mai"),
        (
            "Le tarif early-bird de la MapConf est-il encore valable ? Jusqu'à quand ?",
            Language::Fr,
            "26 mai",
        ),
        (
            "¿hasta cuándo es válida la tarifa reducida de la MapConf?",
            Language::Es,
            "26 de mayo",
        ),
    ] {
        let got = text(&answerer.answer(question, lang, now));
        assert!(got.contains(must), "{question}: {got}");
    }
}

/// A call in two rounds: asked while the first is open, crieur gives its closing day, then
/// the second's; a later post that extends a call replaces the first post's day.
#[test]
fn a_call_closes_on_its_next_round_and_an_extension_replaces_its_day() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-02-01-summit-cfp.md",
                "Map Summit 2026: call for talks",
                "The Map Summit takes place on June 10-12, 2026 in Lyon.\n\n\
                 - Round 1 of the call for talks closes on March 4, 2026.\n\
                 - Round 2 of the call for talks closes on March 25, 2026.",
            ),
            (
                "2026-02-02-fest-cfp.md",
                "GeoFest 2026: call for talks",
                "GeoFest takes place on September 8, 2026 in Nantes. The call for talks \
                 closes on May 1, 2026.",
            ),
            (
                "2026-04-20-fest-cfp-extended.md",
                "GeoFest 2026: the call for talks is extended",
                "GeoFest takes place on September 8, 2026 in Nantes. Good news: the call for \
                 talks now closes on May 15, 2026.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    for (question, now, must) in [
        (
            "When does the call for talks of the Map Summit close?",
            "2026-02-20 10:00",
            "March 4, 2026",
        ),
        (
            "When does the call for talks of the Map Summit close?",
            "2026-03-10 10:00",
            "March 25, 2026",
        ),
        (
            "When does the call for talks of GeoFest close?",
            "2026-04-25 10:00",
            "May 15, 2026",
        ),
    ] {
        let got = text(&answerer.answer(question, Language::En, at(now)));
        assert!(got.contains(must), "{question} at {now}: {got}");
    }
}

/// Members name their community as its site's title does, in their language ("la Guilde",
/// "the Guild"): that names no gathering in particular.
#[test]
fn the_community_s_own_name_in_its_title_names_no_gathering() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-03-01-spring-meetup.md",
                "Spring meetup in Nantes",
                "Our spring meetup takes place on March 18, 2026 in Nantes.",
            ),
            (
                "2026-03-02-assemblee.md",
                "Assemblée générale de la Guilde Cartographe",
                "L'assemblée générale de la Guilde Cartographe aura lieu le 25 mars 2026 à Lyon.",
            ),
        ],
    );
    let ask = |answerer: &Answerer, question: &str, lang| {
        text(&answerer.answer(question, lang, at("2026-03-05 10:00")))
    };
    let untitled = answerer_of(dir.path());
    let question = "Y a-t-il un meetup de la Guilde bientôt ?";
    // Not knowing the community's name, "Guilde" is taken for the general assembly's.
    let got = ask(&untitled, question, Language::Fr);
    assert!(got.contains("25 mars"), "{got}");
    std::fs::write(
        dir.path().join("_config.yml"),
        "title: \"Guilde Cartographe · Mapping Guild · Gremio Cartógrafo\"\n",
    )
    .expect("a config");
    let titled = answerer_of(dir.path());
    for (question, lang, must) in [
        (question, Language::Fr, "18 mars"),
        ("any Guild meetup soon?", Language::En, "March 18"),
        (
            "¿hay pronto una quedada del Gremio?",
            Language::Es,
            "18 de marzo",
        ),
    ] {
        let got = ask(&titled, question, lang);
        assert!(got.contains(must), "{question}: {got}");
    }
}

/// A post's tags name its gathering as its author sees it: "the beginners' workshop" is
/// the one tagged so, though its title says "first steps".
#[test]
fn a_gathering_is_found_by_its_post_s_tags() {
    let dir = tempfile::tempdir().expect("a folder");
    let front = |title: &str, tags: &str| format!("title: \"{title}\"\nlang: fr\ntags: {tags}");
    write_posts_with(
        dir.path(),
        &[
            (
                "2026-05-02-premiers-pas.md",
                front(
                    "Atelier « Premiers pas avec Tessera » à Nantes",
                    "[nantes, débutants]",
                ),
                "L'atelier aura lieu le samedi 23 mai 2026 à Nantes. Inscription : \
             [formulaire](https://forms.example.org/premiers-pas).",
            ),
            (
                "2026-05-03-tuiles.md",
                front(
                    "Atelier « Tuiles vectorielles » à Nantes",
                    "[nantes, confirmés]",
                ),
                "L'atelier aura lieu le samedi 6 juin 2026 à Nantes. Inscription : \
                 [formulaire](https://forms.example.org/tuiles).",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    for (question, must) in [
        (
            "comment je m'inscris à l'atelier débutants de Nantes ?",
            "forms.example.org/premiers-pas",
        ),
        ("quand a lieu l'atelier confirmés de Nantes ?", "6 juin"),
    ] {
        let got = text(&answerer.answer(question, Language::Fr, at("2026-05-10 10:00")));
        assert!(got.contains(must), "{question}: {got}");
    }
}

/// A street's word is no gathering's name: "calle" (a street) is not a "call".
#[test]
fn a_street_in_a_venue_names_no_gathering() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts_with(
        dir.path(),
        &[
            (
                "2023-07-11-hackaton.md",
                "title: \"Hackatón de datos abiertos en Sevilla\"\nlang: es".to_string(),
                "El hackatón tendrá lugar del 29 de septiembre al 1 de octubre de 2023 en el \
             Espacio Cívico Triana, calle Pureza 12, 41010 Sevilla.",
            ),
            (
                "2023-09-05-calls.md",
                "title: \"Our monthly community calls\"\nlang: en".to_string(),
                "Our next community call is on Thursday, October 5, 2023, online.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let got = text(&answerer.answer(
        "when is the next call?",
        Language::En,
        at("2023-09-20 10:00"),
    ));
    assert!(got.contains("October 5"), "{got}");
}

/// A gathering announced, then looked back on: it keeps the name it was announced with,
/// not the look back's ("Map Summit 2026 recap").
#[test]
fn a_gathering_keeps_the_name_it_was_announced_with() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-03-01-summit.md",
                "Map Summit 2026",
                "The Map Summit takes place on June 10-12, 2026 in Lyon.",
            ),
            (
                "2026-06-20-summit-recap.md",
                "Map Summit 2026 recap",
                "Thanks to all who came to the Map Summit in Lyon on June 10-12, 2026!",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let got = text(&answerer.answer(
        "when is the map summit?",
        Language::En,
        at("2026-04-01 10:00"),
    ));
    assert!(got.contains("Map Summit 2026:"), "{got}");
    assert!(!got.contains("recap:"), "{got}");
}

/// A later post moving an edition's days ("MapConf 2026" on October 7–9, then online on
/// October 8–9): asked about it, crieur gives the later days, once.
#[test]
fn a_later_post_moving_an_edition_s_days_is_what_crieur_says() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[
            (
                "2026-03-16-mapconf-2026-postponed.md",
                "MapConf 2026 is postponed to October",
                "MapConf 2026, which was to be held on May 20-22, 2026 in Lyon, is postponed. \
                 The new dates are October 7-9, 2026.",
            ),
            (
                "2026-08-25-mapconf-2026-online.md",
                "MapConf 2026 will be held online on October 8 and 9",
                "MapConf 2026 will be held online on October 8-9, 2026. Tickets bought for \
                 the May dates stay valid.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let got = text(&answerer.answer(
        "when is MapConf 2026?",
        Language::En,
        at("2026-09-01 10:00"),
    ));
    assert!(got.contains("October 8"), "{got}");
    assert!(!got.contains("October 7"), "{got}");
    let got = text(&answerer.answer(
        "what's on in October?",
        Language::En,
        at("2026-09-01 10:00"),
    ));
    assert!(
        got.contains("October 8") && !got.contains("October 7"),
        "{got}"
    );
}

/// A gathering whose month only is known: asked when, crieur says the month and that the
/// days are not announced yet, in the asker's language.
#[test]
fn a_gathering_known_by_its_month_only_has_days_still_to_come() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[(
            "2026-06-25-mapconf-2026-recap.md",
            "MapConf 2026 recap",
            "Thank you all for coming! MapConf 2027 will take place in May 2027 in Toronto.",
        )],
    );
    let answerer = answerer_of(dir.path());
    for (question, lang, says) in [
        (
            "what are the exact dates for MapConf 2027?",
            Language::En,
            "not announced",
        ),
        (
            "quelles sont les dates exactes de MapConf 2027 ?",
            Language::Fr,
            "pas encore",
        ),
        (
            "¿cuándo es exactamente MapConf 2027?",
            Language::Es,
            "aún no",
        ),
    ] {
        let got = text(&answerer.answer(question, lang, at("2026-12-01 10:00")));
        assert!(got.contains(says), "{question}: {got}");
    }
}

/// A gathering the post gives a quoted title ("Webinar: «Érable desde cero»") is found by it.
#[test]
fn a_gathering_is_found_by_the_title_its_post_quotes() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts_with(
        dir.path(),
        &[
            (
                "2026-04-25-webinar.md",
                "title: \"Webinar gratuito: introducción (en español)\"\nlang: es".to_string(),
                "¡Hola a todas y todos! Aquí va el primero:\n\n\
                 **Webinar: «Mapas desde cero»**  \n**Fecha:** martes 16 de mayo de 2026  \n\
                 **Dónde:** en línea, por Zoom\n\n\
                 Para recibir el enlace, regístrense aquí: \
                 [formulario](https://zoom.us/webinar/register/WN_mapas2026es)",
            ),
            (
                "2026-04-20-talk.md",
                "title: \"Spring talk\"\nlang: en".to_string(),
                "Our spring talk, “Tiles at scale”, is on May 20, 2026 in Leeds. \
                 Register on [the form](https://forms.example.org/tiles).",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let got = text(&answerer.answer(
        "¿Dónde me registro para el webinar «Mapas desde cero»?",
        Language::Es,
        at("2026-05-01 10:00"),
    ));
    assert!(got.contains("WN_mapas2026es"), "{got}");
    let got = text(&answerer.answer(
        "how do I sign up for tiles at scale?",
        Language::En,
        at("2026-05-01 10:00"),
    ));
    assert!(got.contains("forms.example.org/tiles"), "{got}");
}

/// "el hackatón de Sevilla, ¿hasta cuándo…?": the gathering named before the question is
/// read before it, as written; a word of the question does not become its name.
#[test]
fn a_gathering_named_before_the_question_is_read_first() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts_with(
        dir.path(),
        &[
            (
                "2026-07-11-hackaton-sevilla.md",
                "title: \"Hackatón de datos abiertos en Sevilla\"\nlang: es".to_string(),
                "El hackatón será del 25 al 27 de septiembre de 2026 en Sevilla. La inscripción \
                 de equipos está abierta hasta el 15 de septiembre de 2026: \
                 [inscripción](https://example.org/inscripcion).",
            ),
            (
                "2026-05-01-taller.md",
                "title: \"Taller de QGIS en Madrid\"\nlang: es".to_string(),
                "El taller será el 12 de octubre de 2026 en Madrid.",
            ),
        ],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2026-09-01 10:00");
    for question in [
        "el hackatón de Sevilla, ¿hasta cuándo se pueden inscribir los equipos?",
        "the Sevilla hackathon, until when can teams register?",
    ] {
        let got = text(&answerer.answer(question, Language::Es, now));
        assert!(
            got.contains("15 de septiembre") || got.contains("September 15"),
            "{question}: {got}"
        );
    }
}

/// Grants, scholarships and volunteering: the deadline to apply, in the asker's language.
#[test]
fn until_when_grants_and_volunteering_can_be_applied_for() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts(
        dir.path(),
        &[(
            "2026-01-10-mapconf.md",
            "MapConf 2026",
            "MapConf 2026 takes place on June 4-6, 2026 in Lausanne.\n\n\
             ## Travel grants\n\n\
             We offer travel grants to attend. Apply by March 1, 2026: \
             [grant form](https://forms.example.org/grants).\n\n\
             ## Registration\n\n\
             Register until May 15, 2026 on [pretix](https://pretix.example.org/mapconf26/).",
        )],
    );
    let answerer = answerer_of(dir.path());
    let now = at("2026-01-20 10:00");
    for (question, lang, date) in [
        (
            "until when can I apply for a travel grant for MapConf?",
            Language::En,
            "March 1",
        ),
        (
            "jusqu'à quand peut-on demander une bourse pour la MapConf ?",
            Language::Fr,
            "1er mars",
        ),
        (
            "¿hasta cuándo puedo pedir una beca para la MapConf?",
            Language::Es,
            "1 de marzo",
        ),
    ] {
        let reply = answerer.answer(question, Language::En, now);
        let got = text(&reply);
        assert_eq!(reply.lang, lang, "{question}: {got}");
        assert!(got.contains(date), "{question}: {got}");
        assert!(
            !got.contains("May 15") && !got.contains("15 mai"),
            "{question}: {got}"
        );
    }
    // After the date: closed.
    let got = text(&answerer.answer(
        "can I still apply for a grant for MapConf?",
        Language::En,
        at("2026-03-10 10:00"),
    ));
    assert!(got.contains("closed on March 1"), "{got}");
}

/// A gathering put off: asked about the days it left ("the May meeting"), the reply says it
/// is off and gives its new days, in the asker's language; the front matter's key still
/// holding the old days does not bring them back.
#[test]
fn a_gathering_put_off_is_answered_with_its_new_date() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts_with(
        dir.path(),
        &[
            (
                "2020-03-16-encuentro-pospuesto.md",
                "title: \"El Encuentro 2020 se pospone a octubre\"\nlang: es\neventDate: 2020-05-21\nendsOn: 2020-05-23"
                    .to_string(),
                "El Encuentro 2020, previsto del 21 al 23 de mayo en Puebla, se pospone.\n\n\
                 **Nueva fecha: del jueves 15 al sábado 17 de octubre de 2020**, en la misma sede.",
            ),
            (
                "2020-03-10-meetup-postponed.md",
                "title: \"Spring meetup postponed\"\nlang: en".to_string(),
                "Our spring meetup, planned for April 2, 2020 in Leeds, is postponed to June 4, 2020.",
            ),
        ],
    );
    let store = Store::temporary().expect("a store");
    index::index_sites(&store, &[site_spec(dir.path())]).expect("indexing");
    let answerer = index::answerer(&store).expect("an answerer");
    let now = at("2020-03-20 10:00");
    for (question, must) in [
        (
            "¿sigue en pie el Encuentro de mayo o lo cancelaron?",
            ["Nueva fecha", "15 de octubre"],
        ),
        ("!event encuentro", ["New date", "October 15"]),
        (
            "is the April meetup still happening?",
            ["New date", "June 4"],
        ),
    ] {
        let got = text(&answerer.answer(question, Language::En, now));
        for m in must {
            assert!(got.contains(m), "{question}: missing {m:?} in\n{got}");
        }
    }
}

/// "How much is it, and until when can I sign up?": the price, with the registration
/// deadline ahead, in each language; amounts in rupees count.
#[test]
fn price_and_registration_deadline_asked_together() {
    let dir = tempfile::tempdir().expect("a folder");
    write_posts_with(
        dir.path(),
        &[
            (
                "2018-05-01-taller.md",
                "title: \"Taller de armado de nodos\"\nlang: es".to_string(),
                "Nos juntamos el sábado 26 de mayo de 2018 a las 10:00 en Puebla.\n\n\
                 - **Costo:** 450 pesos (es lo que cuestan las piezas).\n\
                 - Inscripciones hasta el 23 de mayo: https://forms.example.org/taller",
            ),
            (
                "2018-05-02-workshop.md",
                "title: \"Two-day workshop in Pune\"\nlang: en".to_string(),
                "The chapter is holding a workshop on Friday 14th and Saturday 15th September 2018 in Pune.\n\n\
                 The fee is ₹1,500 including the kit. Registrations close on 7 September 2018.",
            ),
        ],
    );
    let store = Store::temporary().expect("a store");
    index::index_sites(&store, &[site_spec(dir.path())]).expect("indexing");
    let answerer = index::answerer(&store).expect("an answerer");
    let now = at("2018-05-10 10:00");
    for (question, must) in [
        (
            "¿cuánto cuesta el taller y hasta cuándo me puedo inscribir?",
            ["450 pesos", "23 de mayo"],
        ),
        (
            "Pune workshop, how much does it cost and till when can I register?",
            ["₹1,500", "September 7"],
        ),
    ] {
        let got = text(&answerer.answer(question, Language::En, now));
        for m in must {
            assert!(got.contains(m), "{question}: missing {m:?} in\n{got}");
        }
    }
}
