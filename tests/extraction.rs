//! Extraction on posts written the way other communities write them: meetups, calls for
//! papers, workshops in a programme, online calls, Spanish and French announcements, and
//! posts that carry dates without announcing anything.

use chrono::{NaiveDate, NaiveTime};
use crieur::extract::{DeadlineKind, Extraction};
use crieur::index::extract_post;
use crieur::ingest::{Site, SiteSpec, read_post};
use crieur::post::PostKind;

fn extract(date: &str, lang: &str, title: &str, body: &str) -> Extraction {
    extract_in(chrono_tz::Europe::Paris, date, lang, title, body)
}

/// A post of a site whose time zone is `zone`.
fn extract_in(zone: chrono_tz::Tz, date: &str, lang: &str, title: &str, body: &str) -> Extraction {
    let spec = SiteSpec {
        root: ".".into(),
        base_url: crieur::config::parse_base_url("https://community.example.org"),
        permalink: None,
        drafts: false,
        timezone: zone,
        help_pages: Vec::new(),
    };
    let source = format!("---\ntitle: \"{title}\"\ndate: {date}\nlang: {lang}\n---\n{body}\n");
    let post = read_post(
        &Site::new(&spec),
        0,
        format!("_posts/{date}-test.md"),
        PostKind::Post,
        source.into_bytes(),
    )
    .expect("valid post")
    .expect("a post");
    extract_post(&post)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn t(s: &str) -> Option<NaiveTime> {
    Some(NaiveTime::parse_from_str(s, "%H:%M").expect("test time"))
}

/// (start, end) of every event, primary first.
fn spans(x: &Extraction) -> Vec<(NaiveDate, NaiveDate)> {
    let mut events: Vec<_> = x.events.iter().collect();
    events.sort_by_key(|e| !e.primary);
    events.iter().map(|e| (e.start, e.end)).collect()
}

fn deadlines(x: &Extraction) -> Vec<(NaiveDate, DeadlineKind)> {
    x.deadlines.iter().map(|d| (d.date, d.kind)).collect()
}

#[test]
fn english_meetup_with_time_town_and_rsvp() {
    let x = extract(
        "2026-02-20",
        "en",
        "March meetup",
        "Join us on Thursday, March 5th at 6:30pm at the Impact Hub in Berlin for our monthly meetup.\n\n\
         RSVP on [Meetup](https://www.meetup.com/osgeo-berlin/events/1234/).",
    );
    assert_eq!(spans(&x), vec![(d("2026-03-05"), d("2026-03-05"))]);
    assert_eq!(x.events[0].start_time, t("18:30"));
    assert_eq!(x.events[0].place.as_deref(), Some("Berlin"));
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://www.meetup.com/osgeo-berlin/events/1234/")
    );
}

#[test]
fn english_conference_with_call_for_papers_and_registration_deadline() {
    let x = extract(
        "2026-10-01",
        "en",
        "FOSS4G Europe 2027",
        "FOSS4G Europe 2027 will be held in Tartu, Estonia, from 12 to 16 July 2027.\n\n\
         The call for papers is open until 15 January 2027. Early-bird registration closes on April 1, 2027.\n\n\
         Deadline for workshop proposals: February 1, 2027.",
    );
    assert_eq!(spans(&x), vec![(d("2027-07-12"), d("2027-07-16"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Tartu"));
    assert_eq!(
        deadlines(&x),
        vec![
            (d("2027-01-15"), DeadlineKind::Proposal),
            (d("2027-02-01"), DeadlineKind::Proposal),
            (d("2027-04-01"), DeadlineKind::Registration),
        ]
    );
}

#[test]
fn online_community_call() {
    let x = extract(
        "2026-03-20",
        "en",
        "Next community call",
        "Our next community call is on 2026-04-02 at 16:00 (online, on Jitsi). Everybody is welcome.",
    );
    assert_eq!(spans(&x), vec![(d("2026-04-02"), d("2026-04-02"))]);
    assert_eq!(x.events[0].start_time, t("16:00"));
    assert_eq!(x.events[0].place.as_deref(), Some("online"));
}

#[test]
fn french_workshop_with_address_and_deadline() {
    let x = extract(
        "2026-02-10",
        "fr",
        "Atelier QGIS pour débutants",
        "Atelier QGIS : le samedi 14 mars 2026 de 9h30 à 12h30 à la Maison du Libre, 12 rue des Lilas, 29200 Brest.\n\n\
         Inscription obligatoire avant le 10 mars sur [le formulaire](https://framaforms.org/atelier-qgis).",
    );
    assert_eq!(spans(&x), vec![(d("2026-03-14"), d("2026-03-14"))]);
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("09:30"), t("12:30"))
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Brest"));
    assert_eq!(
        deadlines(&x),
        vec![(d("2026-03-10"), DeadlineKind::Registration)]
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://framaforms.org/atelier-qgis")
    );
}

#[test]
fn french_programme_of_workshops_under_day_headings() {
    let x = extract(
        "2024-12-20",
        "fr",
        "Programme des ateliers de janvier",
        "## SAMEDI 18 JANVIER DE 9H30 A 12H30\n\nAtelier Inkscape : découvrir le dessin vectoriel.\n\n\
         ## SAMEDI 25 JANVIER DE 14H A 17H\n\nAtelier GIMP : retouche photo.\n\n\
         Les ateliers ont lieu à la médiathèque.",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2025-01-18"), d("2025-01-18")),
            (d("2025-01-25"), d("2025-01-25"))
        ]
    );
    let inkscape = &x.events[0];
    assert_eq!(
        (inkscape.start_time, inkscape.end_time),
        (t("09:30"), t("12:30"))
    );
    assert!(inkscape.title.contains("Inkscape"), "{}", inkscape.title);
    assert!(x.events[1].title.contains("GIMP"), "{}", x.events[1].title);
    assert_eq!(
        (x.events[1].start_time, x.events[1].end_time),
        (t("14:00"), t("17:00"))
    );
}

#[test]
fn spanish_workshop_with_times_and_deadline() {
    let x = extract(
        "2026-02-15",
        "es",
        "Taller de QGIS",
        "El taller se realizará el sábado 14 de marzo de 2026, de 10:00 a 13:00, en Madrid.\n\n\
         Inscripciones hasta el 10 de marzo en [este formulario](https://forms.example.org/taller).",
    );
    assert_eq!(spans(&x), vec![(d("2026-03-14"), d("2026-03-14"))]);
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("10:00"), t("13:00"))
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Madrid"));
    assert_eq!(
        deadlines(&x),
        vec![(d("2026-03-10"), DeadlineKind::Registration)]
    );
}

#[test]
fn french_forum_with_ticket_office_until_a_date() {
    let x = extract(
        "2026-03-01",
        "fr",
        "Forum des utilisateurs 2026",
        "Le Forum aura lieu les 12 et 13 mai 2026 à Nantes.\n\n\
         Les inscriptions sont ouvertes jusqu'au 30 avril 2026 sur [la billetterie](https://www.helloasso.com/associations/x/evenements/forum).",
    );
    assert_eq!(spans(&x), vec![(d("2026-05-12"), d("2026-05-13"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Nantes"));
    assert_eq!(
        deadlines(&x),
        vec![(d("2026-04-30"), DeadlineKind::Registration)]
    );
}

#[test]
fn more_deadline_phrasings() {
    let x = extract(
        "2026-01-05",
        "fr",
        "Journées techniques 2026",
        "Les journées techniques se tiendront du 2 au 4 juin 2026 à Grenoble.\n\n\
         Date limite d'inscription : 1er mars 2026.\n\n\
         Soumettez vos propositions de présentation d'ici le 15 février.",
    );
    assert_eq!(spans(&x), vec![(d("2026-06-02"), d("2026-06-04"))]);
    assert_eq!(
        deadlines(&x),
        vec![
            (d("2026-02-15"), DeadlineKind::Proposal),
            (d("2026-03-01"), DeadlineKind::Registration)
        ]
    );
    let x = extract(
        "2026-01-05",
        "en",
        "Code sprint in Turin",
        "The code sprint will take place on June 3rd, 2026 in Turin. Register by May 15. Submit your talk before March 1st.",
    );
    assert_eq!(spans(&x), vec![(d("2026-06-03"), d("2026-06-03"))]);
    assert_eq!(
        deadlines(&x),
        vec![
            (d("2026-03-01"), DeadlineKind::Proposal),
            (d("2026-05-15"), DeadlineKind::Registration)
        ]
    );
    let x = extract(
        "2026-01-05",
        "es",
        "Jornadas 2026",
        "Las jornadas tendrán lugar el 3 de junio de 2026 en Valencia. Fecha límite de inscripción: 1 de mayo de 2026.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2026-05-01"), DeadlineKind::Registration)]
    );
    // Confirming that one comes is registering.
    let x = extract(
        "2026-02-27",
        "es",
        "Sprint de documentación en Guadalajara",
        "El sprint de documentación será el viernes 15 de marzo de 2026 en Guadalajara.\n\n\
         Confirma tu asistencia en Luma antes del viernes 8 de marzo para que calculemos la \
         comida.",
    );
    assert_eq!(spans(&x), vec![(d("2026-03-15"), d("2026-03-15"))]);
    assert_eq!(
        deadlines(&x),
        vec![(d("2026-03-08"), DeadlineKind::Registration)]
    );
}

#[test]
fn a_report_about_last_week() {
    let x = extract(
        "2026-10-20",
        "en",
        "What a hackathon!",
        "Last week, 40 people gathered in Lyon for our annual hackathon. Thanks to all of you!",
    );
    let e = &x.events[0];
    assert_eq!(
        (e.start, e.end, e.precision),
        (
            d("2026-10-01"),
            d("2026-10-31"),
            crieur::extract::Precision::Month
        )
    );
    assert_eq!(e.place.as_deref(), Some("Lyon"));
}

#[test]
fn posts_with_dates_that_announce_nothing() {
    for (lang, title, body) in [
        (
            "en",
            "Release 24.0",
            "geOrchestra 24.0 was released on May 2, 2026. It will be presented at the next community meeting.",
        ),
        (
            "fr",
            "Nouvelle version",
            "La version 3.2 est sortie le 4 juin 2026 avec 46 tickets résolus depuis octobre 2025.",
        ),
        (
            "fr",
            "Appel d'offres",
            "Date limite de réception des offres : 1er mars 2026, à 16 heures.",
        ),
        (
            "en",
            "Our history",
            "The project was born in September 2009 on the Adullact forge.",
        ),
        (
            "es",
            "Versión 25",
            "La versión 25.0.0 está disponible desde principios de julio.",
        ),
        (
            "fr",
            "Site",
            "Chambre solo avec un supplément de 15€/nuit, tél. 04 92 40 20 10, ligne 15, version 20.1.8.",
        ),
    ] {
        let x = extract("2026-06-10", lang, title, body);
        assert!(x.events.is_empty(), "{body}: {:?}", x.events);
        assert!(x.deadlines.is_empty(), "{body}: {:?}", x.deadlines);
    }
}

/// Extracts a post given as its whole source (front matter included), published on `date`.
fn extract_source(file: &str, source: &str) -> Extraction {
    let spec = SiteSpec {
        root: ".".into(),
        base_url: crieur::config::parse_base_url("https://community.example.org"),
        permalink: None,
        drafts: false,
        timezone: chrono_tz::Europe::Paris,
        help_pages: Vec::new(),
    };
    let post = read_post(
        &Site::new(&spec),
        0,
        file.to_string(),
        PostKind::Post,
        source.as_bytes().to_vec(),
    )
    .expect("valid post")
    .expect("a post");
    extract_post(&post)
}

#[test]
fn a_town_key_beats_a_venue_the_prose_guessed() {
    let x = extract_source(
        "content/fr/blog/2026-01-09-rencontres/index.md",
        "---\ntitle: \"Rencontres 2026\"\ndate: 2026-01-09\nevent:\n  start: 2026-09-30\n  \
         end: 2026-10-02\n  venue: \"Uni Mail, boulevard du Pont-d'Arve 40\"\n  city: Genève\n\
         ---\nLes rencontres ont lieu du 30 septembre au 2 octobre 2026, à Uni Mail.\n",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Genève"));
}

#[test]
fn a_definition_list_gives_labelled_lines() {
    let x = extract(
        "2026-02-27",
        "fr",
        "Café données de mars",
        "On présentera ce qu'on a trouvé.\n\nDate\n: mardi 17 mars 2026, 18 h 30 – 20 h 30\n\n\
         Lieu\n: Café Les Communs, 12 rue de Saint-Malo, 35000 Rennes\n\n\
         Inscription\n: <https://framaforms.org/cafe-donnees-rennes-mars-2026>\n",
    );
    assert_eq!(spans(&x), vec![(d("2026-03-17"), d("2026-03-17"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Rennes"));
    assert_eq!(
        x.events[0].start_time.map(|t| t.to_string()).as_deref(),
        Some("18:30:00")
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://framaforms.org/cafe-donnees-rennes-mars-2026")
    );
}

#[test]
fn spanish_workshop_dated_by_event_keys_only() {
    let x = extract_source(
        "_posts/2027-03-01-taller-cartografia.md",
        "---\nlayout: evento\ntitle: \"Taller de cartografía libre\"\nstartDate: 2027-03-11T18:30\nendDate: 2027-03-11T20:30\nlocality: \"Cádiz, Cádiz\"\nplace: \"Biblioteca Municipal\"\n---\nAprenderemos a usar QGIS con datos abiertos. Trae tu portátil.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-03-11"), d("2027-03-11"))]);
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("18:30"), t("20:30"))
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Cádiz"));
}

#[test]
fn hugo_call_page_with_toml_keys_is_online() {
    let x = extract_source(
        "content/events/2027-05-04-packaging-call.md",
        "+++\ntitle = \"Community call: packaging\"\ndate = 2027-05-04\ndateStart = 2027-05-04T16:00:00\ndateEnd = 2027-05-04T17:00:00\nlocation = \"Community call (video conference)\"\n+++\nMaintainers share how they package their tools, then questions.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-05-04"), d("2027-05-04"))]);
    assert_eq!(x.events[0].start_time, t("16:00"));
    assert_eq!(x.events[0].place.as_deref(), Some("online"));
}

#[test]
fn a_meeting_dated_in_its_title_with_time_and_address_keys() {
    let x = extract_source(
        "meetings/_posts/2027-10-05-monthly.md",
        "---\nlayout: meeting\ntitle: \"October 20th 2027 - Public Library\"\ntime: 7:00pm-8:30pm\nlocation: Central Library, Room 3\naddress: Portland, OR 97205\n---\nWe will look at new tools for bike maps.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-10-20"), d("2027-10-20"))]);
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("19:00"), t("20:30"))
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Portland"));
}

#[test]
fn a_stale_event_key_yields_to_the_post_and_its_text() {
    // The year was left from last year's post: the month and day are the post's own.
    let x = extract_source(
        "_posts/2027-04-09-jornada.md",
        "---\ntitle: \"Jornada de datos abiertos\"\nstartDate: 2026-04-09T10:00\nendDate: 2026-04-09T14:00\n---\nUna mañana para publicar datos.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-04-09"), d("2027-04-09"))]);
    // Weeks before the post and nothing supports it: the text's date wins.
    let x = extract_source(
        "_posts/2027-06-01-atelier.md",
        "---\ntitle: \"Atelier QGIS\"\nstartDate: 2027-04-20T18:00\nlang: fr\n---\nL'atelier aura lieu le jeudi 10 juin 2027 à Lyon.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-06-10"), d("2027-06-10"))]);
}

#[test]
fn the_text_range_wins_over_a_one_day_key() {
    let x = extract_source(
        "content/events/2027-07-06-conf.md",
        "---\ntitle: \"DataConf 2027\"\ndateStart: '2027-07-09T08:00:00'\ndateEnd: '2027-07-09T18:00:00'\n---\nJuly 6-9, 2027 the conference will take place in Warsaw.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-07-06"), d("2027-07-09"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Warsaw"));
}

#[test]
fn a_subtitle_dates_the_gathering_and_scheduled_messages_do_not() {
    let x = extract_source(
        "_posts/2027-05-02-jornadas.md",
        "---\ntitle: \"Jornadas de software libre\"\nsubtitle: \"12 de mayo de 2027 / Granada\"\nsocial:\n  - time: 2027-05-03T10:00\n    text: \"¡Ya queda menos!\"\n---\nCharlas y talleres durante todo el día.\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-05-12"), d("2027-05-12"))]);
    let x = extract_source(
        "_posts/2027-05-02-noticias.md",
        "---\ntitle: \"Noticias del proyecto\"\nsocial:\n  - time: 2027-05-03T10:00\n    text: \"Nueva versión\"\n---\nHemos publicado la documentación.\n",
    );
    assert!(x.events.is_empty(), "{:?}", x.events);
}

#[test]
fn labelled_lines_give_date_time_and_place_in_three_languages() {
    let x = extract(
        "2027-02-01",
        "en",
        "Apply to attend the spring unconf",
        "We are excited to announce our next unconference.\n\n\
         * **Where:** Downtown Portland, OR\n\
         * **When:** April 15-16, 2027\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-04-15"), d("2027-04-16"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Portland"));
    let x = extract(
        "2027-02-01",
        "es",
        "Taller de electrónica",
        "### Localización\n\n\
         * Lugar: Espacio Vecinal, Calle Mayor 3, Huelva capital.\n\
         * Fecha: **12 de febrero de 2027**\n\
         * Hora: **de 18:00 a 20:00**\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-02-12"), d("2027-02-12"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Huelva"));
    // The time on the labelled line under the date's.
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("18:00"), t("20:00"))
    );
    let x = extract(
        "2027-05-10",
        "fr",
        "Journée du libre",
        "Venez nombreux !\n\n- **Quand ?** Le 5 juin 2027\n- **Où ?** Salle des fêtes, 1 rue de la Poste, 67140 Itterswiller\n",
    );
    assert_eq!(spans(&x), vec![(d("2027-06-05"), d("2027-06-05"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Itterswiller"));
}

#[test]
fn hours_after_a_date_and_series_of_days() {
    let x = extract(
        "2027-10-01",
        "en",
        "Community Call - Reviewing research code",
        "Our next Community Call will present different perspectives on code review.\n\n\
         🕘 Tuesday, October 19th, 9-10 AM PDT ([find your timezone](https://time.example/x))",
    );
    assert_eq!(spans(&x), vec![(d("2027-10-19"), d("2027-10-19"))]);
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("09:00"), t("10:00"))
    );
    assert_eq!(x.events[0].place.as_deref(), Some("online"));
    // Days that do not follow each other are gatherings of their own.
    let x = extract(
        "2027-04-01",
        "en",
        "Label-a-thon sessions",
        "Join us for our label-a-thon co-working sessions on Thursdays April 29, May 13 and May 27, 2027.",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2027-04-29"), d("2027-04-29")),
            (d("2027-05-13"), d("2027-05-13")),
            (d("2027-05-27"), d("2027-05-27"))
        ]
    );
    let x = extract(
        "2027-11-20",
        "fr",
        "Conférences dotCSS et dotJS les 3 et 6 décembre",
        "Deux conférences à ne pas manquer à Paris.",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2027-12-03"), d("2027-12-03")),
            (d("2027-12-06"), d("2027-12-06"))
        ]
    );
}

#[test]
fn a_weekday_and_its_day_without_month_and_not_the_registration_opening() {
    let x = extract(
        "2027-01-11",
        "fr",
        "Meetup DevOps",
        "**Mercredi 13** aura lieu le deuxième meetup DevOps à Paris. Les inscriptions seront ouvertes le mardi 12 à midi.",
    );
    assert_eq!(spans(&x), vec![(d("2027-01-13"), d("2027-01-13"))]);
    let x = extract(
        "2027-03-01",
        "es",
        "Charla sobre Rust",
        "El jueves 4 hablaremos de Rust en el local, a las 19:00.",
    );
    assert_eq!(spans(&x), vec![(d("2027-03-04"), d("2027-03-04"))]);
    assert_eq!(x.events[0].start_time, t("19:00"));
}

#[test]
fn online_on_a_platform_and_towns_of_addresses() {
    let x = extract(
        "2027-05-01",
        "es",
        "Introducción a Kotlin",
        "El lunes 17 de mayo a las 19:30, en Youtube, charla de introducción a Kotlin.",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("online"));
    let x = extract(
        "2027-05-01",
        "en",
        "Spatial data conference",
        "The conference will take place on June 8-10, 2027 in Penn Pavilion, Duke University, Durham, North Carolina.",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Durham"));
    // "at" a venue names no town; "at" a written address does.
    let x = extract(
        "2027-02-20",
        "en",
        "Sidecar: tile servers",
        "Join us this Thursday night, February 25th, at Trabant Coffee from 6:30pm for a sidecar meetup.",
    );
    assert_eq!(x.events[0].place, None);
    let x = extract(
        "2027-04-06",
        "en",
        "geoConf 2027",
        "This edition will take place on the 30th and 31st of May 2027 at Saint-Mandé, France, in the conference centre.",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Saint-Mandé"));
}

/// A calendar as a table, one gathering a row: each takes the town and the name its row
/// gives, whether the town comes before the date or after it.
#[test]
fn a_table_row_gives_its_gathering_a_town_and_a_name() {
    let x = extract(
        "2026-03-01",
        "fr",
        "Les apéros carto de mars",
        "Les apéros reprennent ce mois-ci :\n\n\
         | Ville | Date | Lieu |\n|---|---|---|\n\
         | Lyon | jeudi 12 mars | La Cordée, salle du fond |\n\
         | Nantes | mardi 17 mars | Cantine numérique |\n",
    );
    // The first is the post's main gathering, named by its title; the next by its row.
    let rows: Vec<_> = x
        .events
        .iter()
        .map(|e| (e.start, e.place.as_deref(), e.title.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (d("2026-03-12"), Some("Lyon"), "Les apéros carto de mars"),
            (
                d("2026-03-17"),
                Some("Nantes"),
                "Nantes (Les apéros carto de mars)"
            ),
        ]
    );
    let x = extract(
        "2027-04-20",
        "en",
        "Spring meetups",
        "<table><tr><th>When</th><th>City</th><th>Venue</th></tr>\
         <tr><td>Thursday, May 6</td><td>Leeds</td><td>The Tetley</td></tr>\
         <tr><td>Wednesday, May 12</td><td>Bristol</td><td>Watershed</td></tr></table>",
    );
    let places: Vec<_> = x
        .events
        .iter()
        .map(|e| (e.start, e.place.as_deref()))
        .collect();
    assert_eq!(
        places,
        vec![
            (d("2027-05-06"), Some("Leeds")),
            (d("2027-05-12"), Some("Bristol"))
        ]
    );
}

/// An agenda of gatherings, each under its heading with its own link: each link is its
/// gathering's, the first also the post's.
#[test]
fn each_gathering_of_an_agenda_has_its_own_registration_link() {
    let x = extract(
        "2026-09-20",
        "en",
        "October at the chapters",
        "Here is what the chapters have planned.\n\n\
         ## Leeds — Thursday, Oct. 8, 6–8 p.m.\n\n\
         A mapping meetup at the Central Library.\n\
         [RSVP](https://www.meetup.com/maps-leeds/events/1001/)\n\n\
         ## Online — Tuesday, Oct. 13\n\n\
         The monthly call. No registration needed.\n\n\
         ## Bristol — Saturday, Oct. 17, 10am–4pm\n\n\
         A mapping day at the Watershed.\n\
         [Book a spot](https://tickets.example.org/bristol-oct)\n",
    );
    let links: Vec<_> = x
        .events
        .iter()
        .map(|e| (e.start, e.registration_url.as_deref()))
        .collect();
    assert_eq!(
        links,
        vec![
            (
                d("2026-10-08"),
                Some("https://www.meetup.com/maps-leeds/events/1001/")
            ),
            (d("2026-10-13"), None),
            (
                d("2026-10-17"),
                Some("https://tickets.example.org/bristol-oct")
            ),
        ]
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://www.meetup.com/maps-leeds/events/1001/")
    );
}

/// A table of labels and values ("| **Fecha** | jueves 14/09 |") reads as labelled lines:
/// date, time, place and the link to register.
#[test]
fn a_table_of_labels_gives_date_time_place_and_registration() {
    let x = extract(
        "2026-08-20",
        "es",
        "Taller de cartografía",
        "Aprende a publicar tu primer mapa.\n\n\
         | Detalles | |\n|---|---|\n\
         | **Fecha** | jueves 10/09/2026 |\n\
         | **Hora** | de 17:00 a 19:30 |\n\
         | **Lugar** | Centro Cívico, Calle Mayor 4, 44001 Teruel |\n\
         | **Inscripción** | [formulario](https://forms.example.org/taller-teruel) |\n",
    );
    let e = &x.events[0];
    assert_eq!(
        (e.start, e.start_time, e.end_time),
        (d("2026-09-10"), t("17:00"), t("19:30"))
    );
    assert_eq!(e.place.as_deref(), Some("Teruel"));
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://forms.example.org/taller-teruel")
    );
}

#[test]
fn registration_links_as_written_in_headings_and_embedded() {
    let x = extract(
        "2027-06-20",
        "fr",
        "Hands-on Gradle jeudi 7 juillet",
        "Le hands-on aura lieu le jeudi 7 juillet 2027 à 19h30.\n\nPour participer, il suffit de s'inscrire ici : [http://gradle-hands-on.eventbrite.com](http://gradle-hands-on.eventbrite.com)",
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("http://gradle-hands-on.eventbrite.com")
    );
    let x = extract(
        "2027-05-10",
        "fr",
        "Venez fêter nos 10 ans le 17 mai",
        "Nous fêterons nos dix ans le mercredi 17 mai 2027 à Lyon.\n\n### [Inscription ici](https://www.meetup.com/fr-FR/groupe/events/123/)\n",
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://www.meetup.com/fr-FR/groupe/events/123/")
    );
    let x = extract(
        "2027-03-01",
        "es",
        "Jornadas Mujeres y Tecnología",
        "Las jornadas se celebrarán el 8 de marzo de 2027 en Almería.\n\n### Apúntate\n\n<iframe src=\"//tickets.example.org/tickets-external?eid=42\" height=\"300\"></iframe>\n",
    );
    assert_eq!(
        x.registration_url.as_deref(),
        Some("https://tickets.example.org/tickets-external?eid=42")
    );
    // "registradas en el calendario" is recorded, not registering.
    let x = extract(
        "2027-03-01",
        "es",
        "Cultura libre",
        "El 20 de marzo de 2027 celebramos un taller. Nuestras [actividades](/actividades/) están registradas en el calendario compartido.",
    );
    assert_eq!(x.registration_url, None);
}

#[test]
fn a_deadline_named_as_the_subject_before_its_date() {
    // (post date, language, title, text, the gathering, its registration deadline)
    for (date, lang, title, body, gathering, deadline) in [
        (
            "2027-11-25",
            "fr",
            "La Nuit de l'Info",
            "La Nuit de l'Info aura lieu les 5 et 6 décembre 2027. Attention, la clôture des \
             inscriptions est fixée à ce vendredi (26 novembre).",
            ("2027-12-05", "2027-12-06"),
            "2027-11-26",
        ),
        (
            "2027-04-02",
            "en",
            "Spring sprint",
            "The spring sprint will be held on May 20, 2027 in Lyon. The registration deadline \
             for the sprint is Friday, May 7.",
            ("2027-05-20", "2027-05-20"),
            "2027-05-07",
        ),
        (
            "2027-04-02",
            "es",
            "Taller de mapas",
            "El taller será el 20 de mayo de 2027 en Almería. El plazo de inscripción para el \
             taller es el 7 de mayo.",
            ("2027-05-20", "2027-05-20"),
            "2027-05-07",
        ),
    ] {
        let x = extract(date, lang, title, body);
        assert_eq!(spans(&x), vec![(d(gathering.0), d(gathering.1))], "{body}");
        assert_eq!(
            deadlines(&x),
            vec![(d(deadline), DeadlineKind::Registration)],
            "{body}"
        );
    }
    // A gathering said to take place after the deadline's mention is no deadline.
    let x = extract(
        "2027-04-02",
        "en",
        "Spring sprint",
        "Registration deadline passed, and the spring sprint will be held on May 20, 2027.",
    );
    assert_eq!(spans(&x), vec![(d("2027-05-20"), d("2027-05-20"))]);
    assert_eq!(deadlines(&x), vec![]);
}

#[test]
fn calls_for_papers_closing_in_three_languages() {
    let x = extract(
        "2027-06-30",
        "fr",
        "Atelier de préparation aux call for papers",
        "Quelques conférences dont l'appel à orateurs est ouvert :\n\n\
         * Devoxx Anvers : fin du CFP le **11 juillet**\n\
         * Droidcon Paris : fin du CFP le **15 juillet**\n",
    );
    assert_eq!(
        deadlines(&x),
        vec![
            (d("2027-07-11"), DeadlineKind::Proposal),
            (d("2027-07-15"), DeadlineKind::Proposal)
        ]
    );
    let x = extract(
        "2027-02-02",
        "en",
        "Apply to attend the unconf",
        "The unconf will be held on May 25-26, 2027 in Los Angeles. Submissions close Wednesday, February 24, 2027 at midnight.",
    );
    assert_eq!(spans(&x), vec![(d("2027-05-25"), d("2027-05-26"))]);
    assert_eq!(x.deadlines.len(), 1);
    assert_eq!(x.deadlines[0].date, d("2027-02-24"));
    let x = extract(
        "2027-01-10",
        "es",
        "Convocatoria de charlas",
        "La convocatoria de charlas para las jornadas del 5 de abril de 2027 se cierra el 1 de marzo de 2027.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2027-03-01"), DeadlineKind::Proposal)]
    );
}

#[test]
fn a_notice_without_a_date_cancels_or_puts_off_the_gathering() {
    let put_off = extract(
        "2020-03-10",
        "es",
        "Arduino Day 2020",
        "El sábado 21 de marzo de 2020 celebramos el Arduino Day en el hackspace.\n\n\
         **INFORMACIÓN**: Debido a la situación actual, se pospone esta actividad.",
    );
    assert!(put_off.events.iter().all(|e| e.cancelled), "{put_off:#?}");
    let cancelled = extract(
        "2020-01-08",
        "en",
        "January meeting",
        "## THIS MEETING IS CANCELLED\n\nOur monthly meeting on January 15, 2020 at 6pm.",
    );
    assert!(
        cancelled.events.iter().all(|e| e.cancelled),
        "{cancelled:#?}"
    );
    // A denial, or a new date in the same sentence, cancels nothing.
    let on = extract(
        "2020-01-08",
        "en",
        "January meeting",
        "Our monthly meeting on January 15, 2020 at 6pm. The meeting is not cancelled.",
    );
    assert!(on.events.iter().all(|e| !e.cancelled), "{on:#?}");
}

#[test]
fn price_and_venue_of_a_gathering() {
    let x = extract(
        "2026-03-05",
        "en",
        "Spring meetup",
        "Our spring meetup is on Wednesday, April 22, 2026, from 6pm to 8pm at The Hub, 12 Harbour Street, Bristol.\n\n\
         Tickets are £5 (students free).",
    );
    assert_eq!(
        x.venue.as_deref(),
        Some("The Hub, 12 Harbour Street, Bristol")
    );
    let price = x.price.expect("a price");
    assert!(!price.free && price.text.contains("£5"), "{price:?}");
    let free = extract(
        "2026-03-05",
        "fr",
        "Rencontre",
        "La rencontre aura lieu le 12 mai 2026 à Lyon, à la médiathèque. L'entrée est libre.",
    );
    assert_eq!(free.venue.as_deref(), Some("médiathèque"));
    assert!(free.price.is_some_and(|p| p.free));
}

#[test]
fn a_post_titled_with_a_date_is_named_by_its_excerpt_and_venue_keys() {
    let x = extract_source(
        "meetings/_posts/2024-07-18-monthly.md",
        "---\nlayout: meeting\ntitle: July 18th 2024\nlocation: Bale Breaker Taproom\n\
         address: 826 NW 49th St, Seattle, WA 98107\ntime: 6:00pm-8:00pm\n\
         excerpt: July 18, 2024 CUGOS GeoBeers\n---\nJoin us for GeoBeers to unwind!\n",
    );
    assert_eq!(x.events.len(), 1, "{x:#?}");
    assert_eq!(x.events[0].title, "CUGOS GeoBeers");
    assert_eq!(x.events[0].place.as_deref(), Some("Seattle"));
    assert_eq!(
        x.venue.as_deref(),
        Some("Bale Breaker Taproom, 826 NW 49th St, Seattle, WA 98107")
    );
}

#[test]
fn submitting_an_application_to_attend_is_registering() {
    let x = extract(
        "2017-02-02",
        "en",
        "Unconference 2017",
        "The unconference will take place on May 25 and 26, 2017 in Los Angeles.\n\n\
         **Apply:** If you'd like to attend, nominate yourself. Submissions close Wednesday, February 22, 2017.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2017-02-22"), DeadlineKind::Registration)]
    );
    // A talk or a paper submitted is a proposal, whoever attends.
    let x = extract(
        "2017-02-02",
        "en",
        "Conference 2017",
        "The conference will take place on May 25 and 26, 2017 in Los Angeles.\n\n\
         Talk submissions close Wednesday, February 22, 2017.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2017-02-22"), DeadlineKind::Proposal)]
    );
    let x = extract(
        "2019-03-25",
        "fr",
        "geOcom 2019",
        "Le geOcom se tiendra du 17 au 19 juin 2019 au Puy-en-Velay.\n\n\
         Nous attendons vos propositions jusqu'au 01/05 via la liste de diffusion.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2019-05-01"), DeadlineKind::Proposal)]
    );
}

#[test]
fn two_days_in_one_sentence_are_one_gathering_and_an_expiry_is_none() {
    let x = extract(
        "2013-10-01",
        "en",
        "OSM Fall Editathon",
        "Join the editathon at the library:\n\n* Saturday, October 19th 1-4PM and Sunday, October 20th 1-4PM",
    );
    assert_eq!(spans(&x), vec![(d("2013-10-19"), d("2013-10-20"))]);
    let x = extract(
        "2016-12-01",
        "en",
        "December meeting",
        "Our monthly meeting will take place on December 14th, 2016 at 6pm.\n\nOffer for members. Expires: **12/15/2016**",
    );
    assert_eq!(spans(&x), vec![(d("2016-12-14"), d("2016-12-14"))]);
}

#[test]
fn presenting_something_by_a_date_is_a_proposal() {
    let x = extract(
        "2012-01-10",
        "fr",
        "Battle Language",
        "La Battle Language aura lieu le 29 février 2012 à Paris.\n\n\
         Si vous voulez présenter un langage, écrivez-nous au plus tard le 31 janvier.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2012-01-31"), DeadlineKind::Proposal)]
    );
}

#[test]
fn talks_on_days_a_few_apart_are_one_conference() {
    let en = extract(
        "2026-06-28",
        "en",
        "Our team at GeoConf 2026",
        "Ana will give a keynote talk on Friday, July 10, 9:30AM.\n\n\
         Ben will present his package on Monday, July 6 at 2PM.\n\n\
         Chloé runs a tutorial on Wednesday, July 8.",
    );
    assert_eq!(spans(&en), vec![(d("2026-07-06"), d("2026-07-10"))]);
    assert_eq!(en.events[0].start_time, None);
    let fr = extract(
        "2026-06-28",
        "fr",
        "Notre équipe aux Rencontres GeoData 2026",
        "Ana présentera son projet le mardi 7 juillet à 10h.\n\n\
         Ben donnera un exposé le jeudi 9 juillet à 15h.",
    );
    assert_eq!(spans(&fr), vec![(d("2026-07-07"), d("2026-07-09"))]);
    let es = extract(
        "2026-06-28",
        "es",
        "Nuestro equipo en las Jornadas GeoData 2026",
        "Ana dará una charla el martes 7 de julio.\n\n\
         Ben presentará su ponencia el jueves 9 de julio.",
    );
    assert_eq!(spans(&es), vec![(d("2026-07-07"), d("2026-07-09"))]);
    // Talks weeks apart are gatherings of their own.
    let apart = extract(
        "2026-06-28",
        "en",
        "Where to hear us this summer",
        "Ana will give a talk on Monday, July 6.\n\nBen will give a talk on Tuesday, July 21.",
    );
    assert_eq!(
        spans(&apart),
        vec![
            (d("2026-07-06"), d("2026-07-06")),
            (d("2026-07-21"), d("2026-07-21"))
        ]
    );
}

#[test]
fn a_date_naming_a_thing_is_not_a_gathering() {
    // "the April 8 total solar eclipse" names the eclipse; "the April 30 workshop" a
    // gathering.
    let x = extract(
        "2024-04-01",
        "en",
        "April 17th 2024 monthly meeting",
        "Our monthly meeting is on April 17, 2024 at 6pm.\n\n\
         * Christy will talk about mapping the April 8 total solar eclipse.\n\
         * Jo will present the April 30 workshop on raster tools.",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2024-04-17"), d("2024-04-17")),
            (d("2024-04-30"), d("2024-04-30"))
        ]
    );
}

#[test]
fn an_invitation_to_come_makes_a_dated_sentence_a_gathering() {
    // No gathering word anywhere: the invitation and the time say it.
    let en = extract(
        "2015-02-23",
        "en",
        "Sidecar at the coffee shop",
        "Come one, come all -- this Thursday night (February 26th) at Trabant Coffee from 6:30pm until closing.\n\n\
         Bring a project to work on.",
    );
    assert_eq!(spans(&en), vec![(d("2015-02-26"), d("2015-02-26"))]);
    assert_eq!(en.events[0].start_time, t("18:30"));
    let en = extract(
        "2015-03-01",
        "en",
        "Hack night",
        "Drop by on Tuesday, March 10 from 7pm with your laptop.",
    );
    assert_eq!(spans(&en), vec![(d("2015-03-10"), d("2015-03-10"))]);
    let fr = extract(
        "2015-03-01",
        "fr",
        "Soirée cartographie",
        "Passez nous voir le jeudi 12 mars à partir de 19h au café associatif.",
    );
    assert_eq!(spans(&fr), vec![(d("2015-03-12"), d("2015-03-12"))]);
    let es = extract(
        "2015-03-01",
        "es",
        "Tarde de mapas",
        "¡Pásate el jueves 12 de marzo a partir de las 19:00 por el local!",
    );
    assert_eq!(spans(&es), vec![(d("2015-03-12"), d("2015-03-12"))]);
}

#[test]
fn a_day_in_figures_with_its_hours_is_a_session_and_a_score_is_not() {
    // A cycle of workshops, each heading naming its day in figures and its hours.
    let fr = extract(
        "2015-08-24",
        "fr",
        "Cycle d'ateliers : améliorer sa communication",
        "Nous vous proposons un cycle de 3 ateliers, une séance toutes les deux semaines, à Paris.\n\n\
         ### Oser le lâcher prise - 31/08 de 19h30 à 22h30\n\nThéâtre et énergie.\n\n\
         ### Logique \\\"Oui et\\\" - 11/09 de 19h30 à 22h30\n\nÉcoute et précision.",
    );
    assert_eq!(
        spans(&fr),
        vec![
            (d("2015-08-31"), d("2015-08-31")),
            (d("2015-09-11"), d("2015-09-11"))
        ]
    );
    assert_eq!(fr.events[0].start_time, t("19:30"));
    let en = extract(
        "2015-08-24",
        "en",
        "Workshop series",
        "Three hands-on workshops in Seattle this fall.\n\n\
         ### Vector tiles - 9/14, 6-8pm\n\nBring a laptop.\n\n\
         ### Raster tools - 9/28, 6-8pm\n\nBring a laptop.",
    );
    assert_eq!(
        spans(&en),
        vec![
            (d("2015-09-14"), d("2015-09-14")),
            (d("2015-09-28"), d("2015-09-28"))
        ]
    );
    let es = extract(
        "2015-08-24",
        "es",
        "Ciclo de talleres",
        "Tres talleres en Almería.\n\n\
         ### Git básico - 14/09 de 19:00 a 21:00\n\nTrae tu portátil.",
    );
    assert_eq!(spans(&es), vec![(d("2015-09-14"), d("2015-09-14"))]);
    // Figures with no hours stay a score.
    let score = extract(
        "2015-08-24",
        "en",
        "Sprint report",
        "We closed most issues (3/4) during the sprint in Lyon on August 20, 2015.",
    );
    assert_eq!(spans(&score), vec![(d("2015-08-20"), d("2015-08-20"))]);
}

#[test]
fn an_association_celebrating_its_anniversary_on_a_day_holds_a_gathering() {
    let fr = extract(
        "2019-06-21",
        "fr",
        "Boostez votre carrière aux 9 ans de l'association",
        "L'association fête ses 9 ans **lundi 24 juin** avec le thème : **Boostez votre carrière**.",
    );
    assert_eq!(spans(&fr), vec![(d("2019-06-24"), d("2019-06-24"))]);
    let en = extract(
        "2019-06-21",
        "en",
        "Ten years of the association",
        "The association celebrates its 10th anniversary on Monday, June 24 with the theme Boost your career.",
    );
    assert_eq!(spans(&en), vec![(d("2019-06-24"), d("2019-06-24"))]);
    let es = extract(
        "2019-06-21",
        "es",
        "Diez años de la asociación",
        "La asociación celebra su décimo aniversario el lunes 24 de junio con el lema Impulsa tu carrera.",
    );
    assert_eq!(spans(&es), vec![(d("2019-06-24"), d("2019-06-24"))]);
    // A release celebrated is no gathering.
    let release = extract(
        "2019-06-21",
        "en",
        "Version 3.0",
        "We celebrate our new release: version 3.0 is available since June 20.",
    );
    assert!(spans(&release).is_empty(), "{:?}", spans(&release));
}

#[test]
fn a_signature_dates_the_post_not_a_gathering() {
    for (lang, title, body, day) in [
        (
            "fr",
            "Notre premier atelier",
            "Nous organisons notre premier atelier le lundi 13 octobre à 19h à Lyon.\n\n\
             _[Agnès Crepet](https://example.org/agnes), le 29 septembre 2014_",
            "2014-10-13",
        ),
        (
            "en",
            "Spring meetup",
            "Our spring meetup takes place on Thursday, October 16 at 6pm in Portland.\n\n\
             — Jane Doe, September 29, 2014",
            "2014-10-16",
        ),
        (
            "es",
            "Taller de Arduino",
            "El taller será el sábado 11 de octubre a las 10:00 en Almería.\n\n\
             Juan Pérez, 29 de septiembre de 2014",
            "2014-10-11",
        ),
    ] {
        let x = extract("2014-09-30", lang, title, body);
        assert_eq!(spans(&x), vec![(d(day), d(day))], "{lang}");
    }
    // A line naming a gathering and its day is no signature.
    let x = extract(
        "2014-09-30",
        "fr",
        "Retour sur la soirée",
        "Merci à toutes d'être venues !\n\nSoirée Git, le 29 septembre 2014",
    );
    assert_eq!(spans(&x), vec![(d("2014-09-29"), d("2014-09-29"))]);
}

#[test]
fn the_day_applicants_hear_back_is_neither_a_gathering_nor_a_deadline() {
    for (lang, title, body) in [
        (
            "en",
            "Map Summit 2026: call for papers",
            "The Map Summit takes place on June 10-12, 2026 in Lyon. Submit your talk before April 1. \
             Speakers will be notified by April 15.\n\nNotification of acceptance: May 1, 2026",
        ),
        (
            "fr",
            "Map Summit 2026 : appel à présentations",
            "Le Map Summit aura lieu du 10 au 12 juin 2026 à Lyon. Proposez votre présentation avant \
             le 1er avril. Les orateurs retenus seront prévenus le 15 avril.\n\nVous saurez le 20 avril \
             au plus tard si vous avez été sélectionnée pour participer à l'événement.",
        ),
        (
            "es",
            "Map Summit 2026: convocatoria",
            "El Map Summit se celebrará del 10 al 12 de junio de 2026 en Lyon. Envía tu propuesta antes \
             del 1 de abril. Las personas seleccionadas recibirán una notificación el 15 de abril.\n\n\
             Publicaremos los resultados el 20 de abril.",
        ),
    ] {
        let x = extract("2026-03-01", lang, title, body);
        assert_eq!(
            spans(&x),
            vec![(d("2026-06-10"), d("2026-06-12"))],
            "{lang}"
        );
        assert_eq!(
            deadlines(&x),
            vec![(d("2026-04-01"), DeadlineKind::Proposal)],
            "{lang}"
        );
    }
}

#[test]
fn the_day_organisers_answer_applicants_is_no_deadline() {
    for (lang, title, body) in [
        (
            "en",
            "Map Summit 2026: call for talks",
            "The Map Summit takes place on June 10-12, 2026 in Lyon. The call for talks closes on \
             April 1. We'll let everyone know by April 21.",
        ),
        (
            "fr",
            "Map Summit 2026 : appel à présentations",
            "Le Map Summit aura lieu du 10 au 12 juin 2026 à Lyon. L'appel à présentations est \
             ouvert jusqu'au 1er avril. On répond à tout le monde d'ici le 21 avril.",
        ),
        (
            "es",
            "Map Summit 2026: convocatoria de charlas",
            "El Map Summit se celebrará del 10 al 12 de junio de 2026 en Lyon. La convocatoria de \
             charlas está abierta hasta el 1 de abril. Responderemos a todas las propuestas antes \
             del 21 de abril.",
        ),
    ] {
        let x = extract("2026-03-01", lang, title, body);
        assert_eq!(
            spans(&x),
            vec![(d("2026-06-10"), d("2026-06-12"))],
            "{lang}"
        );
        assert_eq!(
            deadlines(&x),
            vec![(d("2026-04-01"), DeadlineKind::Proposal)],
            "{lang}"
        );
    }
}

#[test]
fn a_gathering_named_after_its_town_is_there_unless_the_post_says_elsewhere() {
    for (lang, title, body, town) in [
        (
            "fr",
            "DevFest Marseille 2026",
            "Le prochain DevFest aura lieu le jeudi 23 avril à l'école Polytech. Inscriptions sur \
             le site.",
            Some("Marseille"),
        ),
        (
            "en",
            "PyCon Portland is coming",
            "Join us on Saturday, April 25th for a day of talks and sprints.",
            Some("Portland"),
        ),
        (
            "es",
            "Meetup Sevilla: próxima sesión",
            "Nos vemos el jueves 23 de abril a las 19:00 en la biblioteca.",
            Some("Sevilla"),
        ),
        // A town in the name, but this meeting is held in another, which the text names in
        // its sentence or elsewhere (then no town is said rather than a wrong one).
        (
            "es",
            "Meetup Almería en el Poniente",
            "Nos reunimos el sábado 25 de abril en El Ejido, en la cafetería de la plaza.",
            Some("El Ejido"),
        ),
        (
            "es",
            "Meetup Almería en el Poniente",
            "Nos reunimos el sábado 25 de abril por la tarde.\n\nEsta vez la reunión será en \
             El Ejido, cerca de la plaza.",
            None,
        ),
    ] {
        let x = extract("2026-04-01", lang, title, body);
        assert_eq!(spans(&x).len(), 1, "{title}");
        assert_eq!(x.events[0].place.as_deref(), town, "{title}: {body}");
    }
}

#[test]
fn a_gathering_dated_from_the_post_s_own_day() {
    for (lang, body, span) in [
        (
            "fr",
            "Notre codesprint aura lieu demain.",
            ("2026-06-17", "2026-06-17"),
        ),
        (
            "en",
            "Our code sprint takes place tomorrow.",
            ("2026-06-17", "2026-06-17"),
        ),
        (
            "es",
            "El taller se celebra mañana.",
            ("2026-06-17", "2026-06-17"),
        ),
        (
            "fr",
            "La soirée aura lieu ce mois-ci.",
            ("2026-06-01", "2026-06-30"),
        ),
        // A weekday's next occurrence; the post is a Tuesday.
        (
            "en",
            "Our meetup is next Saturday, 7pm to 9pm, in Leeds.",
            ("2026-06-20", "2026-06-20"),
        ),
        (
            "en",
            "Come one, come all: our meetup is this Tuesday night in Leeds.",
            ("2026-06-16", "2026-06-16"),
        ),
        (
            "en",
            "Our meetup is next Tuesday at 7pm in Leeds.",
            ("2026-06-23", "2026-06-23"),
        ),
        (
            "fr",
            "Rendez-vous jeudi prochain à 19h à Lyon pour l'atelier.",
            ("2026-06-18", "2026-06-18"),
        ),
        (
            "fr",
            "L'atelier a lieu ce vendredi à 18h à Lyon.",
            ("2026-06-19", "2026-06-19"),
        ),
        (
            "es",
            "Organizamos un hackatón el próximo sábado, de 9:30 a 20:00, en Zaragoza.",
            ("2026-06-20", "2026-06-20"),
        ),
        (
            "es",
            "El taller será el jueves que viene a las 18:00 en Almería.",
            ("2026-06-18", "2026-06-18"),
        ),
        (
            "es",
            "La próxima quedada: el próximo sábado en Córdoba.",
            ("2026-06-20", "2026-06-20"),
        ),
        // The day written after it says which one.
        (
            "es",
            "El próximo martes 23 se celebra el taller en Almería.",
            ("2026-06-23", "2026-06-23"),
        ),
        (
            "en",
            "Our meetup is this Friday, June 26, in Leeds.",
            ("2026-06-26", "2026-06-26"),
        ),
    ] {
        let x = extract("2026-06-16", lang, "Nouvelles", body);
        assert_eq!(spans(&x), vec![(d(span.0), d(span.1))], "{body}");
    }
}

#[test]
fn a_date_heading_its_line_closes_what_follows() {
    let x = extract(
        "2026-03-08",
        "fr",
        "Journées 2026",
        "Les Journées se tiendront les 23 et 24 juin 2026 à Lyon.\n\n\
         - **1er avril** : clôture de l'appel à propositions\n\
         - **10 juin** : clôture des inscriptions\n\
         - **23–24 juin** : les Journées !",
    );
    assert_eq!(spans(&x), vec![(d("2026-06-23"), d("2026-06-24"))]);
    assert_eq!(
        deadlines(&x),
        vec![
            (d("2026-04-01"), DeadlineKind::Proposal),
            (d("2026-06-10"), DeadlineKind::Registration)
        ]
    );
    for (lang, body) in [
        (
            "en",
            "Our sprint is on May 23-24, 2026 in Leeds.\n\n- April 1: registration closes",
        ),
        (
            "es",
            "El sprint será el 23 y 24 de mayo de 2026 en Zaragoza.\n\n\
             - 1 de abril: cierre de inscripciones",
        ),
        (
            "en",
            "Our sprint is on May 23-24, 2026 in Leeds. Please sign up by April 1: the form \
             is below.",
        ),
    ] {
        let x = extract("2026-03-08", lang, "Sprint", body);
        assert_eq!(
            deadlines(&x),
            vec![(d("2026-04-01"), DeadlineKind::Registration)],
            "{body}"
        );
    }
}

#[test]
fn the_end_of_early_bird_prices_is_a_registration_deadline() {
    for (lang, body) in [
        (
            "en",
            "The conference takes place in Portland, August 7–9, 2026.\n\n\
             * **Early-bird pricing ends May 31.** Save 100 dollars on the regular ticket.",
        ),
        (
            "en",
            "The conference takes place in Portland, August 7–9, 2026. Early-bird tickets are \
             available through May 31.",
        ),
        (
            "fr",
            "Les rencontres auront lieu à Lyon du 7 au 9 août 2026.\n\n\
             Le tarif early bird se termine le 31 mai.",
        ),
        (
            "es",
            "Las jornadas se celebran en Valencia del 7 al 9 de agosto de 2026. El precio \
             early bird termina el 31 de mayo.",
        ),
    ] {
        let x = extract("2026-05-20", lang, "Conf 2026", body);
        assert_eq!(
            spans(&x),
            vec![(d("2026-08-07"), d("2026-08-09"))],
            "{body}"
        );
        assert_eq!(
            deadlines(&x),
            vec![(d("2026-05-31"), DeadlineKind::Registration)],
            "{body}"
        );
    }
}

#[test]
fn what_to_send_may_be_said_the_sentence_before() {
    for (lang, body) in [
        (
            "es",
            "Las jornadas se celebran en Córdoba del 28 al 30 de septiembre de 2026.\n\n\
             Buscamos ponencias y talleres. Se pueden enviar hasta el 30 de junio.",
        ),
        (
            "en",
            "The conference takes place in Leeds on September 28-30, 2026.\n\n\
             We are looking for talk proposals. Send yours until June 30.",
        ),
        (
            "fr",
            "Les rencontres ont lieu à Lyon du 28 au 30 septembre 2026.\n\n\
             Nous cherchons des propositions de présentations. Envoyez-les jusqu'au 30 juin.",
        ),
    ] {
        let x = extract("2026-05-05", lang, "Conf 2026", body);
        assert_eq!(
            deadlines(&x),
            vec![(d("2026-06-30"), DeadlineKind::Proposal)],
            "{body}"
        );
    }
}

#[test]
fn every_session_of_a_series_under_its_heading() {
    let x = extract(
        "2026-02-17",
        "es",
        "Talleres de primavera en Valencia",
        "Esta primavera volvemos con un ciclo de tres talleres, uno al mes, de 18:30 a 20:30 \
         en Valencia.\n\n\
         ### Martes 3 de marzo — Primeros pasos\n\nInstalación y primer mapa.\n\n\
         ### Martes 7 de abril — Estilos y etiquetas\n\nColores y tipografía.\n\n\
         ### Martes 5 de mayo — Publicación web\n\nVisores web.",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2026-03-03"), d("2026-03-03")),
            (d("2026-04-07"), d("2026-04-07")),
            (d("2026-05-05"), d("2026-05-05"))
        ]
    );
    // The post names no other place: every session is where the first is.
    let places: Vec<_> = x.events.iter().map(|e| e.place.as_deref()).collect();
    assert_eq!(places, vec![Some("Valencia"); 3]);
}

#[test]
fn a_gathering_on_a_video_service_is_online() {
    for (lang, body) in [
        (
            "es",
            "La primera charla será el jueves 15 de marzo de 2026, a las 18:00.\n\n\
             La charla será por Jitsi, sin necesidad de instalar nada.",
        ),
        (
            "fr",
            "La visio mensuelle de la communauté a lieu le jeudi 15 mars 2026 à 18h30.",
        ),
        (
            "en",
            "Our monthly talk is on Thursday, March 15, 2026 at 6pm.\n\n\
             We meet on Zoom; the link is below.",
        ),
    ] {
        let x = extract("2026-03-01", lang, "Charla", body);
        assert_eq!(x.events.len(), 1, "{body}");
        assert_eq!(x.events[0].place.as_deref(), Some("online"), "{body}");
    }
}

#[test]
fn an_agenda_of_headings_each_with_its_town() {
    let x = extract(
        "2026-10-03",
        "fr",
        "L'agenda d'octobre",
        "Voici les rendez-vous du mois.\n\n\
         ### Rennes — mardi 17/10/2026, 18h30\n\nCafé données au bar Le Bocal.\n\n\
         ### Lille — lundi 19 octobre, de 18 h à 20 h\n\nRencontre à la Maison Folie.\n\n\
         ### Bruxelles — mercredi 21 octobre, 10 h 30 – 16 h\n\nJournée de saisie.",
    );
    let got: Vec<_> = x
        .events
        .iter()
        .map(|e| {
            (
                e.start,
                e.place.as_deref(),
                e.start_time.map(|t| t.to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                d("2026-10-17"),
                Some("Rennes"),
                Some("18:30:00".to_string())
            ),
            (d("2026-10-19"), Some("Lille"), Some("18:00:00".to_string())),
            (
                d("2026-10-21"),
                Some("Bruxelles"),
                Some("10:30:00".to_string())
            ),
        ]
    );
}

#[test]
fn a_look_back_at_the_year_names_its_past_gatherings_in_passing() {
    for (lang, title, body) in [
        (
            "en",
            "2026: our year in review",
            "In March we held our code sprint in Leeds (March 14-15, 2026), and the \
             conference took place in Portland on September 10-12, 2026. Next year, the \
             conference will take place in Dublin on June 3-5, 2027.",
        ),
        (
            "es",
            "Balance de 2026",
            "En marzo celebramos el sprint en Madrid (14 y 15 de marzo de 2026) y las \
             jornadas en Sevilla del 10 al 12 de septiembre de 2026. El año que viene, las \
             jornadas se celebrarán en Bogotá del 3 al 5 de junio de 2027.",
        ),
    ] {
        let x = extract("2026-12-20", lang, title, body);
        assert_eq!(
            spans(&x),
            vec![(d("2027-06-03"), d("2027-06-05"))],
            "{title}"
        );
    }
    // A report on one gathering is about it.
    let x = extract(
        "2026-09-20",
        "fr",
        "Bilan des rencontres 2026",
        "Les rencontres ont eu lieu à Lyon du 10 au 12 septembre 2026.",
    );
    assert_eq!(spans(&x), vec![(d("2026-09-10"), d("2026-09-12"))]);
}

#[test]
fn a_line_opening_with_next_dates_a_gathering() {
    for (lang, body, day) in [
        (
            "fr",
            "Nous étions une vingtaine mardi dernier.\n\n\
             **Prochain café données : le mardi 15 septembre 2026 à 18 h 30**, même endroit.",
            "2026-09-15",
        ),
        (
            "en",
            "Thanks to all who came!\n\nNext data drinks: Tuesday, September 15, 2026.",
            "2026-09-15",
        ),
        (
            "es",
            "¡Gracias a todos!\n\n**La próxima cita:** martes 15 de septiembre de 2026.",
            "2026-09-15",
        ),
    ] {
        let x = extract("2026-06-18", lang, "Retour", body);
        assert_eq!(spans(&x), vec![(d(day), d(day))], "{body}");
    }
}

#[test]
fn registration_closing_said_with_a_verb() {
    for (lang, body) in [
        (
            "es",
            "El encuentro se celebra en Ciudad de México del 14 al 15 de noviembre de 2026.\n\n\
             La entrada es gratuita. **Las inscripciones cierran el\n31 de octubre** o cuando \
             se llene el cupo.",
        ),
        (
            "fr",
            "Les rencontres ont lieu à Lyon les 14 et 15 novembre 2026.\n\n\
             Les inscriptions ferment le 31 octobre.",
        ),
        (
            "en",
            "The hackathon runs Sat 14 – Sun 15 Nov 2026 in Melbourne.\n\n\
             Tickets are free. Grab one on [Pretix](https://pretix.eu/x/hack-26/). \
             **Registrations close Saturday\n31 October**, or earlier if we run out of seats.",
        ),
    ] {
        let x = extract("2026-09-10", lang, "Encuentro 2026", body);
        assert_eq!(
            deadlines(&x),
            vec![(d("2026-10-31"), DeadlineKind::Registration)],
            "{body}"
        );
    }
}

#[test]
fn a_list_of_dates_is_a_list_of_gatherings_from_its_first_item() {
    let x = extract(
        "2026-09-01",
        "en",
        "Monthly community calls",
        "We're starting a community call every first Thursday of the month.\n\n\
         ## Next dates\n\n\
         - **Thursday 3 September** — kick-off: Toronto shows their budget explorer\n\
         - **Thursday 1 October** — documentation, and the upcoming docs sprint\n\
         - **Thursday 5 November** — the flood-sensor dashboard\n",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2026-09-03"), d("2026-09-03")),
            (d("2026-10-01"), d("2026-10-01")),
            (d("2026-11-05"), d("2026-11-05"))
        ]
    );
    // A changelog's list is no list of gatherings.
    let x = extract(
        "2026-09-01",
        "en",
        "Release notes",
        "- **3 September**: version 2.1 released\n- **1 October**: version 2.2 released\n",
    );
    assert_eq!(spans(&x), vec![]);
}

#[test]
fn a_table_s_morning_column_is_not_tomorrow() {
    let x = extract(
        "2026-04-24",
        "es",
        "Jornadas",
        "Nos vemos el 15 y 16 de junio en Valencia.\n\n\
         | Día | Mañana | Tarde |\n|---|---|---|\n| Jueves 15 | Ponencias | Talleres |\n",
    );
    assert_eq!(spans(&x), vec![(d("2026-06-15"), d("2026-06-16"))]);
}

#[test]
fn a_portrait_mentions_gatherings_in_passing() {
    for (lang, title, body) in [
        (
            "fr",
            "Portrait : Marie Dupont",
            "Marie parle souvent dans les conférences, comme le Summer Camp (10 septembre à \
             La Rochelle) ou Devoxx (du 15 au 19 novembre à Anvers).",
        ),
        (
            "en",
            "Contributor interview: Jane Doe",
            "Jane often speaks at conferences such as the Summer Camp (September 10 in Leeds) \
             or the FOSS4G conference (November 15-19 in Antwerp).",
        ),
        (
            "es",
            "Entrevista a Ana López",
            "Ana participa a menudo en conferencias como el Summer Camp (10 de septiembre en \
             Cádiz) o la FOSS4G (del 15 al 19 de noviembre en Amberes).",
        ),
    ] {
        let x = extract("2026-08-24", lang, title, body);
        assert_eq!(spans(&x), vec![], "{title}");
        // The same post inviting readers to register for her talk announces it.
        let inviting = format!(
            "{body}\n\nRegister for her talk: [register](https://events.example.org/register/talk-42)"
        );
        let x = extract("2026-08-24", lang, title, &inviting);
        assert!(!spans(&x).is_empty(), "{title}: {:?}", x.registration_url);
    }
}

#[test]
fn a_schedule_of_calls_under_a_title_naming_them() {
    let x = extract(
        "2026-02-09",
        "en",
        "Introducing monthly community calls",
        "Chapters can't meet in person for now, so we're starting something new.\n\n\
         ## Spring schedule\n\n| Date | Demo |\n|---|---|\n\
         | Tuesday, March 10 | Erable in a logistics app |\n\
         | Tuesday, April 14 | The new Kotlin bindings |\n\
         | Tuesday, May 12 | A relay on a Raspberry Pi |\n",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2026-03-10"), d("2026-03-10")),
            (d("2026-04-14"), d("2026-04-14")),
            (d("2026-05-12"), d("2026-05-12")),
        ]
    );
}

#[test]
fn a_conference_named_by_a_compound_word() {
    // "RubyConf", "ErableConf": the name says what the gathering is.
    for (lang, title, body) in [
        (
            "fr",
            "ErableConf 2026 : on fête nos 10 ans !",
            "L'**ErableConf 2026** revient là où tout a commencé : **Montréal, du jeudi 10 au \
             samedi 12 septembre 2026**, à l'Université Concordia.",
        ),
        (
            "en",
            "ErableConf 2026: ten years!",
            "**ErableConf 2026** is back where it all started: **Montréal, Thursday September \
             10 to Saturday September 12, 2026**, at Concordia University.",
        ),
    ] {
        let x = extract("2026-02-04", lang, title, body);
        assert_eq!(
            spans(&x),
            vec![(d("2026-09-10"), d("2026-09-12"))],
            "{title}"
        );
    }
}

#[test]
fn an_editor_s_note_is_dated_by_its_day_not_a_gathering() {
    for (lang, body) in [
        (
            "fr",
            "Le meetup aura lieu le jeudi 10 septembre 2026 à Montréal.\n\n\
             **Mise à jour (18 mars 2026) :** la soirée aura lieu le jeudi 10 septembre au \
             Club Soda.",
        ),
        (
            "en",
            "The meetup takes place on Thursday, September 10, 2026 in Montréal.\n\n\
             **Update (March 18):** the meetup will take place at the Club Soda.",
        ),
        (
            "es",
            "El encuentro tendrá lugar el jueves 10 de septiembre de 2026 en Montréal.\n\n\
             **Actualización (18 de marzo):** el encuentro tendrá lugar en el Club Soda.",
        ),
    ] {
        let x = extract("2026-02-04", lang, "Meetup", body);
        assert_eq!(
            spans(&x),
            vec![(d("2026-09-10"), d("2026-09-10"))],
            "{body}"
        );
    }
}

#[test]
fn decisions_on_proposals_are_not_a_gathering() {
    let x = extract(
        "2026-02-13",
        "en",
        "ErableConf 2026 call for proposals",
        "ErableConf 2026 will take place Thursday, May 21 through Saturday, May 23, 2026.\n\n\
         - Round 1 closes Sunday, March 1. Decisions by March 11.\n\
         - Round 2 closes Sunday, March 22. Decisions by April 3.\n",
    );
    assert_eq!(spans(&x), vec![(d("2026-05-21"), d("2026-05-23"))]);
}

#[test]
fn a_job_offer_dates_no_gathering() {
    for source in [
        "---\ntitle: \"Offre d'emploi : animateur·rice de communauté\"\ndate: 2026-04-16\n\
         lang: fr\n---\nNous recrutons ! Prise de poste le 1er septembre 2026. Envoyez votre CV \
         avant le 15 mai 2026 ; les entretiens auront lieu en visioconférence fin mai.\n",
        "---\ntitle: \"Community manager, part time\"\ndate: 2026-04-16\nlang: en\n\
         tags: [jobs]\n---\nThe position starts in July 2026. Apply by May 31, 2026; interviews \
         will take place online in early June.\n",
        "---\ntitle: \"Buscamos coordinador/a\"\ndate: 2026-05-07\nlang: es\n\
         description: \"Oferta de trabajo a media jornada, en remoto.\"\n---\n\
         Inicio: julio de 2026. Envía tu CV hasta el 31 de mayo de 2026. Haremos entrevistas \
         por videollamada durante la primera quincena de junio.\n",
    ] {
        let x = extract_source("_posts/2026-04-16-job.md", source);
        assert_eq!(spans(&x), vec![], "{source}");
        assert_eq!(deadlines(&x), vec![], "{source}");
    }
    // A job fair is a gathering.
    let x = extract(
        "2026-04-16",
        "fr",
        "Salon de l'emploi du logiciel libre",
        "Le salon de l'emploi aura lieu le 12 juin 2026 à Lyon.",
    );
    assert_eq!(spans(&x), vec![(d("2026-06-12"), d("2026-06-12"))]);
}

#[test]
fn a_month_that_comes_back_every_year_is_a_habit() {
    for (lang, body) in [
        (
            "fr",
            "L'Advent of Code est un évènement qui revient tous les ans en décembre.",
        ),
        ("en", "The hackathon takes place every year in December."),
        ("es", "El hackatón se celebra cada año en diciembre."),
    ] {
        let x = extract("2026-01-17", lang, "Retour sur nos défis", body);
        assert_eq!(spans(&x), vec![], "{body}");
    }
    // With its year, the month is a date again.
    let x = extract(
        "2026-01-17",
        "en",
        "Hackathon",
        "The hackathon takes place every year in December: this year in December 2026.",
    );
    assert_eq!(spans(&x), vec![(d("2026-12-01"), d("2026-12-31"))]);
}

#[test]
fn this_month_is_the_month_of_the_gathering_its_sentence_names() {
    for (lang, body) in [
        (
            "fr",
            "Nous renouvelons l'opération ce mois-ci pour la soirée Scala.",
        ),
        ("en", "We meet again this month for the Scala workshop."),
        ("es", "Repetimos este mes con el taller de Scala."),
    ] {
        let x = extract("2026-04-07", lang, "Nouvelles", body);
        assert_eq!(
            spans(&x),
            vec![(d("2026-04-01"), d("2026-04-30"))],
            "{body}"
        );
    }
    // Nothing gathers: the writer's month.
    let x = extract(
        "2026-04-07",
        "fr",
        "Nouvelles",
        "Ce mois-ci, nous avons publié la version 2.0.",
    );
    assert_eq!(spans(&x), vec![]);
}

#[test]
fn the_words_between_next_and_a_colon_name_the_gathering() {
    let cases = [
        (
            "en",
            "Hack weekend recap",
            "Our hack weekend took place on November 20 and 21 in Lyon.\n\n**Next community call: January 12, 18:00 UTC**, same Jitsi room as usual ([https://meet.jit.si/tessera](https://meet.jit.si/tessera)).",
            "community call",
        ),
        (
            "fr",
            "Retour sur le sprint",
            "Le sprint s'est tenu les 20 et 21 novembre à Lyon.\n\nProchaine visio : mercredi 12 janvier à 18h, sur [https://meet.jit.si/tessera](https://meet.jit.si/tessera).",
            "visio",
        ),
        (
            "es",
            "Crónica del sprint",
            "El sprint se celebró el 20 y 21 de noviembre en Lyon.\n\nPróxima quedada: miércoles 12 de enero a las 18:00 en [https://meet.jit.si/tessera](https://meet.jit.si/tessera).",
            "quedada",
        ),
    ];
    for (lang, title, body, name) in cases {
        let x = extract("2021-12-01", lang, title, body);
        let call = x
            .events
            .iter()
            .find(|e| e.start == d("2022-01-12"))
            .unwrap_or_else(|| panic!("{lang}: {x:?}"));
        assert!(call.title.contains(name), "{lang}: {x:?}");
        assert!(!call.title.contains("://"), "{lang}: {}", call.title);
    }
}

#[test]
fn an_agenda_of_date_headings_over_what_each_is() {
    let x = extract(
        "2024-10-15",
        "en",
        "What's on in November",
        "November is busy! Here's everything the chapters have planned.\n\n\
         ## Toronto — Tue, Nov. 5, 7–9 p.m.\n\n\
         The Toronto chapter is back at the Commons for a working session on the budget explorer.\n\n\
         ## Online — Thu, Nov. 7, 17:00–18:00 UTC\n\n\
         The monthly community call. Join on Jitsi, no registration.\n\n\
         ## Melbourne — Sat 16 Nov, 10am–1pm\n\n\
         A beginners' workshop at the City Library, 253 Flinders Lane, Melbourne. Bring a laptop.",
    );
    let got: Vec<_> = x
        .events
        .iter()
        .map(|e| (e.start, e.place.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (d("2024-11-05"), Some("Toronto")),
            (d("2024-11-07"), Some("online")),
            (d("2024-11-16"), Some("Melbourne")),
        ],
        "{x:?}"
    );
    // A date heading alone, over a sentence saying what it is.
    for (lang, title, body) in [
        (
            "fr",
            "Le programme de novembre",
            "## Samedi 16 novembre, 10h–13h\n\nUn atelier pour débuter, à la médiathèque de Lyon.",
        ),
        (
            "es",
            "Agenda de noviembre",
            "## Sábado 16 de noviembre, 10:00–13:00\n\nUn taller para principiantes en la biblioteca de Sevilla.",
        ),
        (
            "en",
            "Roundup",
            "## Saturday 16 November, 10am–1pm\n\nA beginners' workshop at the City Library.",
        ),
    ] {
        let x = extract("2024-10-15", lang, title, body);
        assert_eq!(
            spans(&x),
            [(d("2024-11-16"), d("2024-11-16"))],
            "{lang}: {x:?}"
        );
    }
    // A heading whose date is a release's, over a sentence about it, is none.
    let x = extract(
        "2024-10-15",
        "en",
        "Changelog",
        "## Saturday 16 November\n\nThe 2.4 release brings a new map editor.",
    );
    assert!(x.events.is_empty(), "{x:?}");
}

#[test]
fn a_report_s_next_gathering_by_its_month() {
    for (lang, title, body) in [
        (
            "es",
            "Crónica del primer encuentro",
            "El sábado 14 de octubre nos reunimos por primera vez en Montevideo.\n\n\
             El próximo encuentro será en diciembre, antes de las vacaciones.",
        ),
        (
            "fr",
            "Retour sur notre première rencontre",
            "Samedi 14 octobre, nous nous sommes retrouvés pour la première fois à Lyon.\n\n\
             La prochaine rencontre aura lieu en décembre, avant les vacances.",
        ),
        (
            "en",
            "Notes from our first meetup",
            "On Saturday, October 14 we met for the first time in Leeds.\n\n\
             The next meetup will be in December, before the holidays.",
        ),
    ] {
        let x = extract("2023-10-17", lang, title, body);
        assert!(
            x.events
                .iter()
                .any(|e| !e.primary && e.start == d("2023-12-01") && e.end == d("2023-12-31")),
            "{lang}: {x:?}"
        );
    }
}

/// OpenStreetMap's gatherings by their own names: a mapping party, a cartopartie, a
/// mapatón, where no other word of the post names a gathering.
#[test]
fn mapping_parties_are_gatherings() {
    for (lang, title, body, day, town) in [
        (
            "en",
            "Summer mapping",
            "Our mapping party is on June 20, 2025 in Sevilla.",
            "2025-06-20",
            "Sevilla",
        ),
        (
            "fr",
            "Cartopartie d'été",
            "La cartopartie se fera le 12 juin 2025 à Lyon.",
            "2025-06-12",
            "Lyon",
        ),
        (
            "es",
            "Mapatón de verano",
            "Nos vemos el 14 de junio de 2025 en Almería.",
            "2025-06-14",
            "Almería",
        ),
    ] {
        let x = extract("2025-03-03", lang, title, body);
        assert!(
            x.events
                .iter()
                .any(|e| e.primary && e.start == d(day) && e.place.as_deref() == Some(town)),
            "{lang}: {x:?}"
        );
    }
}

/// An agenda whose items start with their town: "Québec City – Wednesday, April 16" names
/// the item and gives its town, as the post spells it.
#[test]
fn an_agenda_item_is_named_and_placed_by_the_words_leading_it() {
    let body = "Here is what is coming up in April:\n\n\
                - **Montréal** – Tuesday, April 8, 6:30pm, Maison Notman. [RSVP](https://www.meetup.com/x/events/1/)\n\
                - **Québec City** – Wednesday, April 16, 6pm, Le Camp, 435 rue du Roi.\n\
                - **Toronto** – Tuesday, May 6, noon, lunch & learn.\n";
    let x = extract("2025-03-11", "en", "Spring chapter meetups", body);
    let quebec = x
        .events
        .iter()
        .find(|e| e.start == d("2025-04-16"))
        .unwrap_or_else(|| panic!("{x:?}"));
    assert_eq!(quebec.place.as_deref(), Some("Québec City"), "{x:?}");
    assert!(quebec.title.starts_with("Québec City"), "{x:?}");
    let toronto = x.events.iter().find(|e| e.start == d("2025-05-06"));
    assert!(
        toronto.is_some_and(
            |e| e.title.starts_with("Toronto") && e.place.as_deref() == Some("Toronto")
        ),
        "{x:?}"
    );
}

/// The same agendas in French and Spanish.
#[test]
fn agenda_items_led_by_their_town_in_french_and_spanish() {
    for (lang, title, body, day, town) in [
        (
            "fr",
            "Les apéros de mars",
            "Au programme ce mois-ci :\n\n\
             - **Lyon** – jeudi 6 mars 2025, 19h, La Cordée.\n\
             - **Grenoble** – mardi 18 mars 2025, 18h30, La Coop.\n",
            "2025-03-18",
            "Grenoble",
        ),
        (
            "es",
            "Quedadas de abril",
            "Esto es lo que viene en abril:\n\n\
             - **Valencia** – martes 8 de abril de 2025, 19:00, Las Naves.\n\
             - **Almería** – jueves 17 de abril de 2025, 18:00, El Cable.\n",
            "2025-04-17",
            "Almería",
        ),
    ] {
        let x = extract("2025-03-01", lang, title, body);
        let item = x.events.iter().find(|e| e.start == d(day));
        assert!(
            item.is_some_and(|e| e.title.starts_with(town) && e.place.as_deref() == Some(town)),
            "{lang}: {x:?}"
        );
    }
}

/// A North American address line gives the town ("40 Sears Ln, Burlington, VT 05401"),
/// and a title that starts with the town names the gathering after it.
#[test]
fn a_town_before_the_title_and_an_address_line_with_a_lane() {
    let body = "We figured it was time to host one ourselves.\n\n\
                **Thursday, October 20, 2022 @ 6:30pm**\n\
                Generator Makerspace, 40 Sears Ln, Burlington, VT 05401\n";
    let x = extract(
        "2022-10-04",
        "en",
        "Burlington, VT: first meetup south of the border",
        body,
    );
    let main = x.events.iter().find(|e| e.primary);
    assert!(
        main.is_some_and(|e| e.start == d("2022-10-20")
            && e.place.as_deref() == Some("Burlington")
            && e.title == "first meetup south of the border"),
        "{x:?}"
    );
}

#[test]
fn a_session_is_named_by_what_its_date_line_sets_off() {
    let titles = |x: &Extraction| -> Vec<String> {
        let mut events: Vec<_> = x.events.iter().collect();
        events.sort_by_key(|e| e.start);
        events.iter().map(|e| e.title.clone()).collect()
    };
    let en = extract(
        "2026-10-02",
        "en",
        "Autumn webinar series",
        "Three one-hour webinars this autumn:\n\n\
         - **Wed, Oct 14** — Getting started with the toolkit (Priya S.)\n\
         - **Wed, Oct 28** — Writing your first plugin (Olu A.)\n\
         - **Wed, Nov 11** — Vector tiles deep dive (Dan K.)\n\n\
         All sessions run 4pm–5pm, online.",
    );
    let en = titles(&en);
    assert_eq!(en.len(), 3);
    assert!(en[1].starts_with("Writing your first plugin"), "{en:?}");
    assert!(en[2].starts_with("Vector tiles deep dive"), "{en:?}");
    let es = extract(
        "2026-02-17",
        "es",
        "Talleres de primavera en Valencia",
        "Un ciclo de tres talleres en Valencia.\n\n\
         ### Martes 3 de marzo — Primeros pasos\n\nInstalación y primer mapa.\n\n\
         ### Martes 7 de abril — Estilos y etiquetas\n\nColores y tipografía.",
    );
    assert_eq!(titles(&es), vec!["Primeros pasos", "Estilos y etiquetas"]);
    let fr = extract(
        "2026-02-10",
        "fr",
        "Les ateliers du printemps",
        "Deux ateliers à Lyon ce printemps :\n\n\
         - jeudi 12 mars : Cartographie participative\n\
         - jeudi 9 avril : Données ouvertes et transport\n",
    );
    let fr = titles(&fr);
    assert!(fr[1].starts_with("Données ouvertes et transport"), "{fr:?}");
    // A time, a town or "online" after the dash names nothing.
    let none = extract(
        "2026-02-10",
        "fr",
        "Les rencontres du printemps",
        "Nos prochaines rencontres :\n\n\
         - jeudi 12 mars — Lyon\n\
         - jeudi 9 avril — en ligne\n",
    );
    assert!(
        none.events.iter().all(|e| e.title.contains("rencontres")),
        "{:?}",
        titles(&none)
    );
}

#[test]
fn a_gathering_put_off_is_on_its_new_date() {
    // (language, title, text, date put off, new date)
    let cases = [
        (
            "es",
            "Las Jornadas 2026 se posponen",
            "Les informamos que las Jornadas 2026, que iban a celebrarse del 20 al 22 de mayo \
             de 2026 en Sevilla, se posponen. Las nuevas fechas son del 7 al 9 de octubre de \
             2026, en la misma sede.",
            "2026-05-20",
            "2026-10-07",
        ),
        (
            "en",
            "Spring meetup rescheduled",
            "Our spring meetup, planned for Thursday, May 14, 2026 in Leeds, is postponed to \
             Thursday, June 11, 2026 at the same venue.",
            "2026-05-14",
            "2026-06-11",
        ),
        (
            "fr",
            "La rencontre de mars est reportée",
            "La rencontre prévue le jeudi 12 mars 2026 à Lyon est reportée au jeudi 9 avril \
             2026, même lieu, même heure.",
            "2026-03-12",
            "2026-04-09",
        ),
    ];
    for (lang, title, body, from, to) in cases {
        let x = extract("2026-03-02", lang, title, body);
        let main = x.events.iter().find(|e| e.primary).expect("a gathering");
        assert_eq!(
            (main.start, main.cancelled),
            (d(to), false),
            "{lang}: {x:?}"
        );
        let left = x.events.iter().find(|e| e.start == d(from));
        assert!(
            left.is_none_or(|e| e.cancelled && !e.primary),
            "{lang}: {x:?}"
        );
    }
}

#[test]
fn the_rounds_of_a_call_listed_item_by_item_are_all_proposals() {
    let cases = [
        (
            "en",
            "MapConf 2026: call for proposals in two rounds",
            "MapConf 2026 takes place on May 24-26, 2026 in Québec City.\n\n\
             - Round 1 of the call for proposals closes Sunday, March 4, 2026. Pick it if \
             you need to apply for a visa.\n\
             - Round 2 closes Sunday, March 25, 2026. Decisions by April 6.\n",
        ),
        (
            "fr",
            "MapConf 2026 : appel à propositions en deux temps",
            "MapConf 2026 aura lieu du 24 au 26 mai 2026 à Québec.\n\n\
             - Premier tour de l'appel à propositions : clôture le dimanche 4 mars 2026. \
             Choisissez-le s'il vous faut demander un visa.\n\
             - Second tour : clôture le dimanche 25 mars 2026.\n",
        ),
        (
            "es",
            "MapConf 2026: convocatoria de propuestas en dos rondas",
            "MapConf 2026 será del 24 al 26 de mayo de 2026 en Querétaro.\n\n\
             - La primera ronda de propuestas cierra el domingo 4 de marzo de 2026. Elígela \
             si necesitas solicitar un visado.\n\
             - La segunda ronda cierra el domingo 25 de marzo de 2026.\n",
        ),
    ];
    for (lang, title, body) in cases {
        let x = extract("2026-02-13", lang, title, body);
        assert_eq!(
            deadlines(&x),
            vec![
                (d("2026-03-04"), DeadlineKind::Proposal),
                (d("2026-03-25"), DeadlineKind::Proposal)
            ],
            "{lang}"
        );
    }
}

#[test]
fn since_a_date_is_when_something_began_and_since_we_are_here_is_a_reason() {
    let x = extract(
        "2024-09-17",
        "en",
        "Find us at the conference",
        "The Guild is heading to the conference on Oct. 24–25, 2024 in Toronto.\n\n\
         Since half the maintainers will be in town anyway, the Toronto chapter is hosting a \
         sprint on Saturday, October 26, 10am to 4pm.",
    );
    assert_eq!(
        spans(&x),
        vec![
            (d("2024-10-24"), d("2024-10-25")),
            (d("2024-10-26"), d("2024-10-26"))
        ]
    );
    for (lang, body) in [
        (
            "en",
            "Version 3 of the toolkit has been available since March 3, 2026.",
        ),
        (
            "fr",
            "La version 3 de l'outil est disponible depuis le 3 mars 2026.",
        ),
    ] {
        let x = extract("2026-03-10", lang, "Toolkit 3", body);
        assert!(x.events.is_empty(), "{lang}: {x:?}");
    }
}

#[test]
fn a_fair_hosting_the_post_s_own_gathering_is_a_side_event() {
    // (language, title, text, the fair's first day, our day)
    let cases = [
        (
            "en",
            "Join our workshop at the Open Maps Fair",
            "Our workshop proposal was accepted! The Open Maps Fair runs May 13–15, 2026 in \
             Bristol, and we'll be there with a hands-on session.\n\n\
             **Our slot:** 5/14, 2–5pm, Room B\n\n\
             We'll also have a stand in the exhibition hall all three days.",
            "2026-05-13",
            "2026-05-14",
        ),
        (
            "fr",
            "Notre atelier au Salon des cartes libres",
            "Le Salon des cartes libres se tient du 13 au 15 mai 2026 à Nantes, et nous y \
             animons un atelier.\n\n\
             **Créneau :** jeudi 14 mai, 14h – 17h, salle B\n\n\
             Nous aurons aussi un stand pendant les trois jours.",
            "2026-05-13",
            "2026-05-14",
        ),
        (
            "es",
            "Nuestro taller en la Feria de Mapas Libres",
            "La Feria de Mapas Libres se celebra del 13 al 15 de mayo de 2026 en Sevilla y \
             allí daremos un taller práctico.\n\n\
             **Horario:** jueves 14 de mayo, de 16:00 a 19:00, sala B\n\n\
             También tendremos un estand los tres días.",
            "2026-05-13",
            "2026-05-14",
        ),
    ];
    let no_time = (
        "es",
        "Taller en el Festival de Datos",
        "El festival se hace del 13 al 15 de mayo de 2026 en varias universidades de la \
         ciudad, y este año nos invitaron a dar un taller.\n\n\
         - **Cuándo:** jueves 14 de mayo\n\
         - **Dónde:** Universidad de los Andes (Bogotá)\n",
        "2026-05-13",
        "2026-05-14",
    );
    for (lang, title, body, fair, ours) in cases.into_iter().chain([no_time]) {
        let x = extract("2026-04-01", lang, title, body);
        let main = x.events.iter().find(|e| e.primary).expect("a gathering");
        assert_eq!((main.start, main.end), (d(ours), d(ours)), "{lang}: {x:?}");
        assert!(
            x.events.iter().any(|e| e.start == d(fair) && !e.primary),
            "{lang}: {x:?}"
        );
    }
}

#[test]
fn grants_and_volunteers_have_deadlines_of_their_own_and_no_registration_form() {
    // (language, title, text, registration day, grants or volunteers day, ticket page)
    let cases = [
        (
            "en",
            "MapConf 2026: tickets, travel grants and volunteers",
            "MapConf 2026 takes place on 4–6 June 2026 in Galway.\n\n\
             ## Travel grants\n\n\
             We can cover travel for ten people. Apply by **15 January 2026** using \
             [this form](https://forms.example.org/mapconf-grants).\n\n\
             ## Tickets\n\n\
             Registration closes on **15 May 2026**: [get your ticket](https://tickets.example.org/mapconf-2026).\n\n\
             **Volunteers**: sign up by **1 May 2026** on the \
             [volunteer form](https://forms.example.org/mapconf-helpers).",
            "2026-05-15",
            ["2026-01-15", "2026-05-01"],
            "https://tickets.example.org/mapconf-2026",
        ),
        (
            "fr",
            "MapConf 2026 : billetterie, bourses et bénévoles",
            "MapConf 2026 aura lieu du 4 au 6 juin 2026 à Lausanne.\n\n\
             ### Bourses de voyage\n\n\
             Nous proposons une trentaine de bourses. Candidatures avant le **15 janvier 2026** \
             via [ce formulaire](https://forms.example.org/bourses).\n\n\
             ### Billetterie\n\n\
             Inscriptions jusqu'au **15 mai 2026** sur https://tickets.example.org/mapconf-2026\n\n\
             Inscriptions bénévoles jusqu'au **1er mai 2026** : https://forms.example.org/benevoles",
            "2026-05-15",
            ["2026-01-15", "2026-05-01"],
            "https://tickets.example.org/mapconf-2026",
        ),
        (
            "es",
            "MapConf 2026: entradas, becas y voluntariado",
            "MapConf 2026 será del 4 al 6 de junio de 2026 en Santiago.\n\n\
             Extendemos el plazo para postular a las becas de viaje hasta el **15 de enero de \
             2026**: https://forms.example.org/becas\n\n\
             ## Entradas\n\n\
             La preventa dura hasta el **15 de mayo de 2026**: \
             [compra tu entrada](https://tickets.example.org/mapconf-2026).\n\n\
             ## Voluntariado\n\n\
             Inscríbete en el [formulario](https://forms.example.org/voluntariado) hasta el \
             **1 de mayo de 2026**.",
            "2026-05-15",
            ["2026-01-15", "2026-05-01"],
            "https://tickets.example.org/mapconf-2026",
        ),
    ];
    for (lang, title, body, register, others, tickets) in cases {
        let x = extract("2025-11-02", lang, title, body);
        let got = deadlines(&x);
        assert!(
            got.contains(&(d(register), DeadlineKind::Registration)),
            "{lang}: {got:?}"
        );
        for other in others {
            assert!(
                got.contains(&(d(other), DeadlineKind::Other)),
                "{lang}: {got:?}"
            );
        }
        assert_eq!(x.registration_url.as_deref(), Some(tickets), "{lang}");
    }
}

#[test]
fn a_hugo_button_is_the_registration_link_it_points_to() {
    for (lang, body) in [
        (
            "fr",
            "Le sprint aura lieu le samedi 10 juin 2026 à Lausanne. Merci de vous inscrire :\n\n\
             {{< button href=\"https://framaforms.org/sprint-2026\" >}}Je m'inscris{{< /button >}}",
        ),
        (
            "es",
            "El encuentro es el jueves 14 de mayo de 2026 en Santiago. La entrada es gratuita:\n\n\
             {{< button href=\"https://pretix.eu/comunidad/encuentro26/\" >}}Inscríbete{{< /button >}}",
        ),
        (
            "en",
            "Our meetup is on Thursday, May 14, 2026 in Leeds.\n\n\
             {{< button href=\"https://tito.example.org/meetup-may\" >}}Register{{< /button >}}",
        ),
    ] {
        let x = extract("2026-04-01", lang, "Sprint", body);
        let url = x.registration_url.as_deref().unwrap_or_default();
        assert!(
            url.starts_with("https://") && !url.contains('"'),
            "{lang}: {url:?}"
        );
    }
}

#[test]
fn the_day_a_call_or_registration_opens_is_no_gathering() {
    for (lang, body) in [
        (
            "en",
            "MapConf 2026 takes place in Leeds on 4–6 June 2026. The call for proposals \
             opens on 1 November, and registration opens on 15 January.",
        ),
        (
            "fr",
            "La MapConf 2026 aura lieu à Lausanne du 4 au 6 juin 2026. L'appel à propositions \
             ouvrira le 1er novembre ; les inscriptions ouvriront le 15 janvier.",
        ),
        (
            "es",
            "La MapConf 2026 será en Santiago del 4 al 6 de junio de 2026. La convocatoria de \
             charlas abre el 1 de noviembre y las inscripciones abren el 15 de enero.",
        ),
    ] {
        let x = extract("2025-09-11", lang, "MapConf 2026", body);
        let days: Vec<NaiveDate> = x.events.iter().map(|e| e.start).collect();
        assert_eq!(days, vec![d("2026-06-04")], "{lang}: {x:?}");
    }
}

#[test]
fn a_cancelled_meetup_does_not_call_off_the_next_one() {
    for (lang, title, body, off, next) in [
        (
            "en",
            "November meetup cancelled",
            "Sorry, all: this month's Manchester meetup on Thursday 13 November 2025 is \
             cancelled. The room flooded.\n\n\
             We'll be back as usual on the second Thursday of December: Thursday the 11th, 18:30.",
            "2025-11-13",
            "2025-12-11",
        ),
        (
            "fr",
            "Meetup de novembre annulé",
            "Désolés : le meetup de Lausanne du jeudi 13 novembre 2025 est annulé, la salle est \
             inondée.\n\nOn se retrouve comme d'habitude le jeudi 11 décembre à 18h30.",
            "2025-11-13",
            "2025-12-11",
        ),
        (
            "es",
            "Se cancela la junta de noviembre",
            "Lo sentimos: la junta de Bogotá del jueves 13 de noviembre de 2025 queda cancelada.\n\n\
             Nos vemos como siempre el jueves 11 de diciembre a las 18:30.",
            "2025-11-13",
            "2025-12-11",
        ),
    ] {
        let x = extract("2025-11-03", lang, title, body);
        let at = |day: &str| x.events.iter().find(|e| e.start == d(day));
        assert!(at(off).is_some_and(|e| e.cancelled), "{lang}: {x:?}");
        assert!(at(next).is_some_and(|e| !e.cancelled), "{lang}: {x:?}");
    }
}

#[test]
fn meeting_up_dates_a_gathering_with_no_gathering_word() {
    // The invitation to meet is the gathering: no "meetup", no "conference" in the sentence.
    for (lang, body, day) in [
        (
            "en",
            "A few of us have been mapping step-free entrances since spring.\n\n\
             Looking forward to seeing everyone on Thursday 7 September at 6pm at the \
             Central Library, Leeds.",
            "2023-09-07",
        ),
        (
            "fr",
            "Quelques-uns d'entre nous relèvent les entrées sans marche depuis le printemps.\n\n\
             On se retrouve le jeudi 7 septembre à 19h à la médiathèque de Lille.",
            "2023-09-07",
        ),
        (
            "es",
            "Con un grupo de amigas venimos relevando las estaciones desde el año pasado.\n\n\
             Nos vemos el jueves 7 de septiembre a las 19 hs en el Club de Cultura Abierta, \
             Buenos Aires.",
            "2023-09-07",
        ),
    ] {
        let x = extract("2023-08-14", lang, "Un nouveau groupe / A new group", body);
        assert_eq!(spans(&x), vec![(d(day), d(day))], "{lang}: {x:?}");
    }
}

#[test]
fn gatherings_named_as_each_language_names_them() {
    for (lang, body) in [
        (
            "es",
            "La hackatón de accesibilidad será el sábado 24 de agosto en Santiago.",
        ),
        ("es", "El simposio será el sábado 24 de agosto en Santiago."),
        (
            "es",
            "La cumbre regional será el sábado 24 de agosto en Santiago.",
        ),
        (
            "es",
            "El conversatorio sobre datos abiertos será el sábado 24 de agosto.",
        ),
        (
            "fr",
            "La permanence de l'association sera le samedi 24 août à Lyon.",
        ),
        (
            "fr",
            "Une table ronde sur l'accessibilité, le samedi 24 août à Lyon.",
        ),
        (
            "en",
            "A panel on step-free access, Saturday 24 August in Leeds.",
        ),
        ("en", "Our hack night is Saturday 24 August in Leeds."),
    ] {
        let x = extract("2024-08-05", lang, "Noticias / News", body);
        assert_eq!(
            spans(&x),
            vec![(d("2024-08-24"), d("2024-08-24"))],
            "{body}: {x:?}"
        );
    }
}

#[test]
fn an_early_bird_rate_ending_is_a_registration_deadline() {
    for (lang, body) in [
        (
            "en",
            "KerbConf is on 18–20 September 2025 in Chennai.\n\n\
             Early-bird rates (₹1,500) end on 30 June 2025.",
        ),
        (
            "es",
            "La conferencia será del 18 al 20 de septiembre de 2025 en Santiago.\n\n\
             La preventa finaliza el 30 de junio de 2025.",
        ),
        (
            "fr",
            "La conférence aura lieu du 18 au 20 septembre 2025 à Lyon.\n\n\
             Les tarifs early bird prennent fin le 30 juin 2025.",
        ),
    ] {
        let x = extract("2025-01-20", lang, "KerbConf 2025", body);
        assert_eq!(
            deadlines(&x),
            vec![(d("2025-06-30"), DeadlineKind::Registration)],
            "{lang}: {x:?}"
        );
    }
}

#[test]
fn a_hosted_service_is_not_a_gathering_hosted() {
    let x = extract(
        "2021-03-01",
        "en",
        "Security advisory: validator < 2.3.1",
        "Versions before 2.3.1 could read arbitrary files. The hosted validator was patched \
         on 24 February.",
    );
    assert!(x.events.is_empty(), "{x:?}");
    let x = extract(
        "2021-03-01",
        "en",
        "Spring news",
        "The Leeds group hosted a mapping evening on 24 February at the Central Library.",
    );
    assert_eq!(spans(&x), vec![(d("2021-02-24"), d("2021-02-24"))], "{x:?}");
}

#[test]
fn the_day_organisers_answer_said_with_a_periphrastic_future_is_no_deadline() {
    for (lang, body) in [
        (
            "es",
            "El encuentro será del 20 al 22 de abril en Santiago.\n\n\
             Extendemos el plazo para postular a las becas hasta el 15 de febrero de 2023.\n\n\
             Vamos a responder a todas las postulaciones antes del 1 de marzo.",
        ),
        (
            "fr",
            "Les rencontres auront lieu du 20 au 22 avril à Lyon.\n\n\
             Les candidatures aux bourses sont ouvertes jusqu'au 15 février 2023.\n\n\
             Nous allons répondre à toutes les candidatures avant le 1er mars.",
        ),
        (
            "en",
            "The conference takes place on 20–22 April in Leeds.\n\n\
             Grant applications are open until 15 February 2023.\n\n\
             We're going to respond to every application before 1 March.",
        ),
    ] {
        let x = extract("2023-01-16", lang, "Becas / Bourses / Grants", body);
        assert_eq!(
            deadlines(&x),
            vec![(d("2023-02-15"), DeadlineKind::Other)],
            "{lang}: {x:?}"
        );
    }
}

#[test]
fn a_town_far_from_the_date_is_the_gathering_s_when_the_sentence_names_no_other() {
    let x = extract(
        "2018-02-12",
        "fr",
        "Retour sur notre stand au FOSDEM 2018",
        "Les 3 et 4 février, le groupe bruxellois a tenu pour la première fois un stand au \
         FOSDEM, sur le campus du Solbosch de l'université libre, à Bruxelles.",
    );
    let main = x.events.iter().find(|e| e.primary).expect("an event");
    assert_eq!(main.place.as_deref(), Some("Bruxelles"), "{x:?}");
}

#[test]
fn english_numeric_dates_are_read_as_the_site_s_region_writes_them() {
    let body = "- **Chennai** — online session on the new metro stations, 09/12/2023 at 3 pm, \
                on the group's BigBlueButton room.";
    for (zone, day) in [
        (chrono_tz::Europe::London, "2023-12-09"),
        (chrono_tz::Asia::Kolkata, "2023-12-09"),
        (chrono_tz::Australia::Melbourne, "2023-12-09"),
        (chrono_tz::America::Chicago, "2023-09-12"),
        (chrono_tz::UTC, "2023-09-12"),
    ] {
        let x = extract_in(zone, "2023-08-20", "en", "Around the groups", body);
        assert_eq!(spans(&x), vec![(d(day), d(day))], "{zone}: {x:?}");
    }
    // French and Spanish write the day first wherever they are.
    let x = extract_in(
        chrono_tz::America::Bogota,
        "2023-08-20",
        "es",
        "Encuentro",
        "El encuentro será el 09/12/2023 a las 19 hs en Bogotá.",
    );
    assert_eq!(spans(&x), vec![(d("2023-12-09"), d("2023-12-09"))], "{x:?}");
}

#[test]
fn a_day_inside_a_gathering_but_in_another_town_is_a_gathering_of_its_own() {
    for (lang, body) in [
        (
            "en",
            "## Winter Sprint, Manchester\n\n\
             Two days of work on the data model, **Friday 1 and Saturday 2 December**, in \
             Manchester.\n\n\
             ## Around the groups\n\n\
             - **Galway** — mapping night, Thursday 7 December, 7pm.\n\
             - **Buenos Aires** — mapathon at the Centro Cultural Recoleta, Saturday 2 December, \
             10:00–17:00.",
        ),
        (
            "fr",
            "## Sprint d'hiver à Lausanne\n\n\
             Deux jours de travail, **vendredi 1er et samedi 2 décembre**, à Lausanne.\n\n\
             ## Dans les groupes\n\n\
             - **Lille** — soirée cartographie, jeudi 7 décembre, 19h.\n\
             - **Lyon** — atelier à la Fonderie Kugler, samedi 2 décembre, 10h–17h.",
        ),
    ] {
        let x = extract("2023-11-20", lang, "Digest", body);
        let mut got = spans(&x);
        got.sort();
        assert_eq!(
            got,
            vec![
                (d("2023-12-01"), d("2023-12-02")),
                (d("2023-12-02"), d("2023-12-02")),
                (d("2023-12-07"), d("2023-12-07")),
            ],
            "{lang}: {x:?}"
        );
    }
}

#[test]
fn a_post_that_shows_its_numeric_order_is_read_in_it_whatever_its_site() {
    // An American post on a site kept in Brussels: "Friday 7/14" shows month first.
    let x = extract_in(
        chrono_tz::Europe::Brussels,
        "2023-06-20",
        "en",
        "Civic hack weekend in Austin",
        "The hack weekend is on July 15–16 at the Austin Central Library.\n\n\
         If you're coming as a team, register your team by **07/10/2023**.\n\n\
         Kickoff mixer: **Friday 7/14, 6–8 p.m.** on South Congress.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2023-07-10"), DeadlineKind::Registration)],
        "{x:?}"
    );
    // A British post on an American site: "13/05/2023" shows day first.
    let x = extract_in(
        chrono_tz::America::New_York,
        "2023-04-20",
        "en",
        "Leeds meetup",
        "Our meetup is on Saturday 13/05/2023 at the Central Library, Leeds. Please register \
         by 06/05/2023.",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2023-05-06"), DeadlineKind::Registration)],
        "{x:?}"
    );
}

#[test]
fn a_farewell_naming_the_day_is_no_deadline() {
    let x = extract(
        "2022-01-24",
        "es",
        "Quedada de febrero",
        "La quedada será el miércoles 9 de febrero a las 19:30, por Jitsi.\n\n\
         Traed vuestras dudas. ¡Hasta el miércoles 9!",
    );
    assert_eq!(spans(&x), vec![(d("2022-02-09"), d("2022-02-09"))], "{x:?}");
    assert!(x.deadlines.is_empty(), "{x:?}");
    // A deadline said with its action still is one.
    let x = extract(
        "2022-01-24",
        "es",
        "Quedada de febrero",
        "La quedada será el miércoles 9 de febrero a las 19:30 en Zaragoza.\n\n\
         ¡Inscríbete hasta el lunes 7!",
    );
    assert_eq!(
        deadlines(&x),
        vec![(d("2022-02-07"), DeadlineKind::Registration)],
        "{x:?}"
    );
}

#[test]
fn leaving_from_a_place_is_not_since_a_day() {
    let x = extract(
        "2019-05-20",
        "es",
        "Bicicletada cartográfica",
        "**Fecha:** sábado 8 de junio **Hora:** de 10 a 13 h **Lugar:** salimos desde la entrada \
         del parque, Rosario.",
    );
    assert_eq!(spans(&x), vec![(d("2019-06-08"), d("2019-06-08"))], "{x:?}");
    // "disponible desde el 5 de mayo" is when something began.
    let x = extract(
        "2019-05-02",
        "es",
        "Nueva versión",
        "La versión 2.0 del mapa está disponible desde el 5 de mayo.",
    );
    assert!(x.events.is_empty(), "{x:?}");
}

#[test]
fn a_night_that_ends_after_midnight_ends_the_next_day() {
    for (lang, body) in [
        (
            "en",
            "**When:** Friday, June 23rd, 10pm – 2am\n\n**Where:** meet at the Bentway, Toronto.",
        ),
        (
            "fr",
            "La balade de nuit aura lieu le vendredi 23 juin de 22h à 2h, départ de la place \
             Émilie-Gamelin à Montréal.",
        ),
    ] {
        let x = extract("2023-06-05", lang, "Midsummer night ride", body);
        let main = x.events.iter().find(|e| e.primary).expect("an event");
        assert_eq!(
            (main.start, main.end),
            (d("2023-06-23"), d("2023-06-24")),
            "{lang}: {x:?}"
        );
    }
    // An evening that ends at midnight or before is one day.
    let x = extract(
        "2023-06-05",
        "en",
        "Summer social",
        "Our summer social is on Friday, June 23rd, 7pm – 11pm in Toronto.",
    );
    assert_eq!(spans(&x), vec![(d("2023-06-23"), d("2023-06-23"))], "{x:?}");
}

#[test]
fn brackets_after_a_gathering_s_name_give_its_days() {
    for (lang, body) in [
        (
            "en",
            "Tickets for the **Cartonera Summit 2022** (Madison, WI, Thursday June 23 – Saturday \
             June 25) are on sale!",
        ),
        (
            "fr",
            "La billetterie des Rencontres Cartonera 2022 (Lyon, du jeudi 23 au samedi 25 juin) \
             est ouverte !",
        ),
    ] {
        let x = extract("2022-04-25", lang, "Summit 2022", body);
        assert_eq!(
            spans(&x),
            vec![(d("2022-06-23"), d("2022-06-25"))],
            "{lang}: {x:?}"
        );
    }
}

#[test]
fn a_table_with_a_column_of_dates_and_one_of_places_is_an_agenda() {
    for (lang, body, days) in [
        (
            "en",
            "Here's the chapter's schedule through Thanksgiving:\n\n\
             | Date | Time | Where |\n|---|---|---|\n\
             | Sat 9/20 | 10am–2pm | Midtown Greenway Bike Center |\n\
             | Sat 10/18 | 10am–2pm | Franklin Library |\n",
            ["2025-09-20", "2025-10-18"],
        ),
        (
            "fr",
            "Le programme de l'automne :\n\n\
             | Quand | Lieu |\n|---|---|\n\
             | samedi 20/09 | Maison du vélo |\n\
             | samedi 18/10 | Bibliothèque Franklin |\n",
            ["2025-09-20", "2025-10-18"],
        ),
    ] {
        let x = extract_in(
            chrono_tz::America::Chicago,
            "2025-09-08",
            lang,
            "Fall schedule",
            body,
        );
        let want: Vec<_> = days.iter().map(|s| (d(s), d(s))).collect();
        assert_eq!(spans(&x), want, "{lang}: {x:?}");
    }
    // A timeline is no agenda: "| Date | Step |".
    let x = extract_in(
        chrono_tz::America::Chicago,
        "2025-09-08",
        "en",
        "Mentoring programme",
        "| Date | Step |\n|---|---|\n| 9/20/2025 | Applications reviewed |\n| 10/18/2025 | Results |\n",
    );
    assert!(x.events.is_empty(), "{x:?}");
}

/// Addresses as other countries write them: a Swiss four-digit postcode before a town the
/// gazetteer may not know, an Indian PIN after its town, a Senegalese address whose
/// directions follow in brackets; hours said with their unit as a word.
#[test]
fn towns_of_addresses_written_abroad_and_hours_said_in_words() {
    let x = extract(
        "2018-06-04",
        "fr",
        "Atelier capteurs",
        "L'antenne organise son premier atelier de montage le jeudi 21 juin dès 18h30.\n\n\
         Rendez-vous au Fablab des Grottes, rue de la Servette 42, 1202 Genève (2e étage).",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Genève"));
    let x = extract(
        "2025-09-15",
        "fr",
        "Apéro capteurs",
        "L'antenne vous invite à son premier apéro le jeudi 9 octobre dès 18h30, à la \
         Ferme-Asile (promenade des Pêcheurs 10, 1950 Sion), dans la petite salle.",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Sion"));
    let x = extract(
        "2023-06-12",
        "en",
        "Two-day node-building workshop",
        "The chapter is holding a two-day workshop.\n\n\
         - **Dates:** Friday 14th and Saturday 15th July 2023, 10am to 5pm both days\n\
         - **Venue:** Room 204, Department of Environmental Science, SPPU, Ganeshkhind, Pune 411007",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Pune"));
    let x = extract(
        "2019-01-14",
        "fr",
        "Rencontre des contributeurs",
        "L'antenne a le plaisir de vous convier à sa première rencontre des contributeurs.\n\n\
         **Date :** samedi 2 février 2019, à partir de 10 heures\n\
         **Lieu :** Espace Ker Xam, Sicap Liberté 6, villa n° 6721, Dakar (en face de la pharmacie)",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Dakar"));
    assert_eq!(x.events[0].start_time, t("10:00"));
    // An Australian address ends with its state and postcode; a community day is a gathering.
    let x = extract_in(
        chrono_tz::Australia::Adelaide,
        "2024-02-26",
        "en",
        "Adelaide community day",
        "Our first community day is on Saturday 16 March 2024, 10am – 3pm, at the Maker \
         Space, Hub room 2, 23 Frome Street, Adelaide SA 5000.",
    );
    assert_eq!(spans(&x), [(d("2024-03-16"), d("2024-03-16"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Adelaide"));
    let x = extract(
        "2021-04-12",
        "es",
        "Taller de armado de nodos",
        "Nos juntamos el sábado 24 de abril, de 10 a 13 hrs, en el Espacio Santa Ana.",
    );
    assert_eq!(
        (x.events[0].start_time, x.events[0].end_time),
        (t("10:00"), t("13:00"))
    );
}

/// Hugo's JSON front matter: an object opening the file gives the gathering's keys, and
/// is not read as prose.
#[test]
fn a_hugo_post_with_json_front_matter() {
    let x = extract_source(
        "content/es/posts/encuentro-2024.md",
        "{\n  \"title\": \"Encuentro 2024: convocatoria abierta\",\n  \"date\": \"2024-01-22T10:00:00-06:00\",\n  \
         \"eventDate\": \"2024-10-03\",\n  \"endsOn\": \"2024-10-05\",\n  \
         \"venue\": {\"name\": \"Facultad de Ingeniería\", \"city\": \"Concepción\"}\n}\n\n\
         El **Encuentro 2024** será del jueves 3 al sábado 5 de octubre de 2024. Envía tu propuesta.\n",
    );
    assert_eq!(spans(&x), [(d("2024-10-03"), d("2024-10-05"))]);
    assert_eq!(x.events[0].place.as_deref(), Some("Concepción"));
}

/// A series of calls as a list of days, the first items with no gathering word of their
/// own: every session is a gathering, and a title that says the series is online says
/// where, before a town a session's subject names.
#[test]
fn a_series_of_online_calls_listed_by_day() {
    let x = extract(
        "2020-09-28",
        "es",
        "Ciclo de llamadas de octubre: cuatro jueves en línea",
        "En octubre hacemos un ciclo de cuatro llamadas abiertas, una por semana.\n\n\
         1. **Jueves 8 de octubre** — Calibración: qué aprendimos en Bogotá.\n\
         2. **Jueves 15 de octubre** — Nodos en escuelas: ¿qué hacemos?\n\
         3. **Jueves 22 de octubre** — Firmware 2.0, demostración en vivo.",
    );
    assert_eq!(
        spans(&x),
        [
            (d("2020-10-08"), d("2020-10-08")),
            (d("2020-10-15"), d("2020-10-15")),
            (d("2020-10-22"), d("2020-10-22"))
        ]
    );
    assert_eq!(x.events[0].place.as_deref(), Some("online"));
    let x = extract(
        "2024-10-21",
        "en",
        "November community call",
        "Our next call is on Tuesday, November 12 at 6pm. This month: mapping bike lanes in Buenos Aires.",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("online"));
    // A title naming a town as well is not online only.
    let x = extract(
        "2026-01-12",
        "en",
        "Summit 2026: Toronto, in person and online",
        "The Summit takes place from July 16 to 18, 2026 in Toronto.",
    );
    assert_eq!(x.events[0].place.as_deref(), Some("Toronto"));
}

/// Deadlines as the other chapters write them, and days that only look like deadlines: a
/// Swiss "Délai d'inscription : 27.09.2021", a reduced rate until a day (early), a
/// programme's last day "Asamblea y cierre", a hackathon that "termina el sábado", and the
/// organisers answering "antes del 25" in the present tense.
#[test]
fn deadlines_and_look_alikes_in_other_chapters_words() {
    let x = extract(
        "2021-09-01",
        "fr",
        "Journée romande",
        "La journée romande a lieu le samedi 2 octobre 2021 à Lausanne.\n\n\
         Délai d'inscription : 27.09.2021, via https://framaforms.org/journee-romande",
    );
    assert_eq!(spans(&x), [(d("2021-10-02"), d("2021-10-02"))]);
    assert_eq!(
        deadlines(&x),
        [(d("2021-09-27"), DeadlineKind::Registration)]
    );
    let x = extract(
        "2022-04-25",
        "es",
        "Encuentro 2022: programa e inscripciones",
        "El Encuentro 2022 será del 2 al 4 de junio en Madrid.\n\n\
         ## Sábado 4 de junio — Asamblea y cierre\n\n- 10:00 Asamblea anual\n\n\
         | Entrada | Precio |\n|---|---|\n| Tarifa reducida (hasta el 15 de mayo) | 30 € |\n",
    );
    assert_eq!(
        deadlines(&x),
        [(d("2022-05-15"), DeadlineKind::Registration)]
    );
    let x = extract(
        "2022-09-01",
        "es",
        "Hackatón de datos del aire",
        "Empezamos el viernes 23 de septiembre a las 18:00 y el hackatón termina el sábado 24 \
         a las 18:00 con la presentación de proyectos. Inscripciones hasta el 21 de septiembre.",
    );
    assert_eq!(
        deadlines(&x),
        [(d("2022-09-21"), DeadlineKind::Registration)]
    );
    let x = extract(
        "2019-07-01",
        "es",
        "Convocatoria del Encuentro 2019",
        "El Encuentro será del 17 al 19 de octubre. Envía tu propuesta hasta el 15 de \
         septiembre. Respondemos a todas las personas antes del 25 de septiembre.",
    );
    assert_eq!(deadlines(&x), [(d("2019-09-15"), DeadlineKind::Proposal)]);
}
