//! The words of each language crieur reads and speaks, one module per language (`fr`, `en`,
//! `es`): months and weekdays, the words that join dates into ranges and lists, gathering
//! words, deadline cues, place prepositions and labels. All folded (lowercase, no
//! accents), as `extract::token` folds the text. Tables, not logic.
//!
//! Adding a phrase is one line in its language's file. Adding a language is a file with
//! one `Lexicon` value (the compiler asks for every field), a `Language` variant and an arm
//! in `of` (the compiler asks for that too). Posts mix languages (an English talk title
//! in a French post), so most rules look words up in all languages at once: `all()`.

pub mod en;
pub mod es;
pub mod fr;
pub mod set;
pub mod towns;

use chrono::Weekday;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A language crieur speaks, or another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Fr,
    En,
    Es,
    Other,
}

impl Language {
    /// `fr`, `fr-FR`, `fr_CA`, `French`… → `Fr`.
    pub fn from_code(code: &str) -> Language {
        let code = code.trim().to_ascii_lowercase();
        let head = code.split(['-', '_']).next().unwrap_or("");
        match head {
            "fr" | "french" | "francais" | "français" => Language::Fr,
            "en" | "english" => Language::En,
            "es" | "spanish" | "espanol" | "español" => Language::Es,
            _ => Language::Other,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Es => "es",
            Language::Other => "und",
        }
    }
}

type Words = &'static [&'static str];
type Phrases = &'static [&'static [&'static str]];

/// Everything one language gives the rules. Words are whole folded words, stems are word
/// beginnings ("inscri" for inscription, inscrire, inscrivez-vous), phrases are runs of
/// whole words.
#[derive(Debug, Clone, Copy)]
pub struct Lexicon {
    /// Short common words, to tell the language of a text.
    pub common: Words,
    /// Month names, January first.
    pub months: [Words; 12],
    /// Abbreviations, and month names that are also ordinary words ("may", "sept"):
    /// months only next to a day number or a year.
    pub month_abbreviations: [Words; 12],
    /// Weekday names, Monday first.
    pub weekdays: [Words; 7],
    /// Written right after a day number: "10th", "1er", "1.º".
    pub ordinal_suffixes: Words,
    /// Ordinal words, as editions are counted: "second", "deuxièmes", "segundas". Not
    /// "first", "premiers", "primeros": they say "first steps" more often than an edition.
    pub ordinal_words: &'static [(&'static str, u32)],
    /// Between a day and its month: "12 de junio", "19 of June".
    pub day_month_glue: Words,
    /// Join two dates into a range: "du 3 au 5", "June 3 to 5".
    pub range_words: Words,
    /// Join dates into a list: "les 4 et 7", "4 and 7".
    pub list_words: Words,
    /// Make a month a period: "en juin", "late March", "a finales de mayo".
    pub month_leads: Words,
    /// Make "X or Y" a choice: "mai ou juin".
    pub alternatives: Words,
    /// Spoken times of day: (word, hour, minute).
    pub named_times: &'static [(&'static str, u32, u32)],
    /// Parts of the day written next to a date: "après-midi", "morning", "tarde".
    pub parts_of_day: Words,
    /// Introduce a clock time: "à 14h", "at 2 PM", "a las 14:00".
    pub time_leads: Words,
    /// Days counted from the post's date: (phrase, days, whether to the day).
    pub relative_days: &'static [(&'static [&'static str], i64, bool)],
    /// Words after which a relative day is a noun, not a day: "por la mañana" (in the
    /// morning), "les talents de demain", "the leaders of tomorrow".
    pub not_relative_after: Words,
    /// Before a weekday, its next occurrence after the post's date: "next Tuesday", "ce
    /// jeudi", "el próximo sábado".
    pub coming_before: Words,
    /// Before a weekday, its occurrence on or after the post's date: "this Thursday".
    pub this_before: Words,
    /// After a weekday, the same: "jeudi prochain", "el sábado que viene".
    pub coming_after: &'static [&'static [&'static str]],
    /// Stems of nouns that name a gathering.
    pub gathering_nouns: Words,
    /// Endings that make a compound word a gathering: "biotecnoencuentro", "ozunconf",
    /// "rubyconf", "editathon", "geocamp".
    pub gathering_suffixes: Words,
    /// Words that only say what kind a gathering of a kind is ("code sprint", "community
    /// meeting", "réunion mensuelle"): a question may use another one than the site.
    pub kind_qualifiers: Words,
    /// Phrases saying something happens, happened or is hosted.
    pub gathering_verbs: Phrases,
    /// Words marking a date as something other than a gathering (a release, a price).
    pub not_gathering: Words,
    /// Words saying a date is when something began ("available since March 3", "depuis le
    /// 3 mars"), right before it; not "since we are in town, a sprint on May 4".
    pub since: Words,
    /// Stems of opening: "registration opens on March 1" dates the opening, not a
    /// gathering ("les inscriptions ouvriront", "a partir du", "se abrirán").
    pub opening: Words,
    /// Stems of making a decision known: "speakers will be notified by April 15", "vous
    /// saurez le 6 avril si…", "publicaremos los resultados el 20 de abril" date the
    /// answer to applicants, neither a gathering nor a deadline.
    pub verdicts: Words,
    /// Phrases of answering applicants, whose date is no deadline for them: "we'll let
    /// everyone know by April 21", "on répond à tout le monde d'ici le 6 juin",
    /// "responderemos antes del 6 de junio". Not a gathering's veto: "nous répondrons à vos
    /// questions le 5 mai" may date a live session.
    pub verdict_phrases: Phrases,
    /// Stems naming a portrait of a person ("Portrait : Mathilde Lemée", "Interview de…",
    /// "Entrevista a…"): the gatherings it mentions are in passing.
    pub portraits: Words,
    /// Title phrases of a look back at a year ("2023: our year in review", "Balance de
    /// 2024", "Bilan 2023"): its past gatherings are named in passing.
    pub looking_back: Phrases,
    /// A job offer, in its title, tags or description ("Offre d'emploi", "We're hiring",
    /// "Oferta de trabajo"): its start date and the day applications close are not a
    /// gathering's, nor are its interviews.
    pub job_offers: Phrases,
    /// What opens an editor's note, right before its date ("Mise à jour (18 mars) :",
    /// "Update (Feb. 22):", "Editado el 5 de mayo:"): the day of the note.
    pub edit_notes: Phrases,
    /// "Next" as a sentence opens with it: "Prochain café données : le 17 septembre",
    /// "Next meetup: June 5", "La próxima quedada: sábado 3".
    pub next_words: Words,
    /// What comes back at the same time each year or month: "tous les ans en décembre",
    /// "every year in June", "cada año en mayo" name a habit, not a gathering's date.
    pub habitual: Phrases,
    /// Awards and prizes: their decision is not a gathering, their ceremony is ("the
    /// awards brought together…").
    pub awards: Words,
    /// Deadline phrases that need nothing else ("au plus tard", "no later than").
    pub deadline_strong: Phrases,
    /// Deadline phrases that count only with an action to take ("register by").
    pub deadline_weak: Phrases,
    /// Stems saying the action is registering.
    pub registration: Words,
    /// More stems that make a link a registration link (tickets, a booking, "sign up").
    pub registration_links: Words,
    /// Phrases of more than one word that do the same: "sign up".
    pub registration_phrases: Phrases,
    /// Stems of filling in ("remplissez", "fill", "rellena"): with a form noun a few
    /// words after, a request to register ("rellena también este formulario").
    pub fill_verbs: Words,
    /// A form, in the singular and the plural: "formulaire", "form", "formulario".
    pub form_nouns: Words,
    /// Stems of what else a form is for: applying, contact, a survey, feedback.
    pub other_forms: Words,
    /// Stems of what a deadline or a form may be for besides attending or proposing a talk:
    /// travel grants, scholarships, volunteering ("Apply by 15 January" under "Travel
    /// grants", "inscriptions bénévoles jusqu'au 15 mai", "postular a las becas").
    pub other_objects: Words,
    /// Words of a question about applying for one of them, which name no gathering
    /// ("apply", "candidater", "postular", "travel" in "travel grant").
    pub applying: Words,
    /// Link texts that only point ("ici", "here", "aquí"): the link is a button, and its
    /// address says what it is.
    pub pointers: Words,
    /// Stems that make a link one for information ("for details", "plus d'infos", "más
    /// información"): not a form by its address alone.
    pub info_links: Words,
    /// Words that start like registering but are not ("registered as", "registradas en
    /// el calendario", "inscrits au programme").
    pub not_registration: Words,
    /// Words that deny what follows them ("no sign-up", "sans inscription", "sin
    /// registro"), and phrases saying it is not needed ("no need to register", "pas besoin
    /// de s'inscrire", "no hace falta inscribirse").
    pub negations: Words,
    pub needless: Phrases,
    /// A user account: signing up for one is not a seat at a gathering ("sign up for an
    /// account", "créer un compte", "crea una cuenta").
    pub accounts: Words,
    /// Phrases of a draw or a giveaway, whose form is not the registration.
    pub giveaways: Phrases,
    /// Stems saying the action is proposing a talk or a paper.
    pub proposal: Words,
    /// Words saying one applies to attend ("attend", "participer", "asistir"): what is
    /// submitted then is an application, not a talk.
    pub attending: Words,
    /// Phrases of a call for talks or papers ("call for", "appel à", "convocatoria de").
    pub proposal_phrases: Phrases,
    /// Nouns naming a deadline: a sentence about one is not dating a gathering ("the
    /// deadline for proposals has passed on March 10").
    pub deadline_nouns: Words,
    /// After a date that heads its line, words that make it a closing date: "1er avril :
    /// clôture de l'appel", "April 1: CFP closes", "1 de abril: cierre de inscripciones".
    pub closing_labels: Words,
    /// Stems of other things to do by a date for a gathering (book a room, pay).
    pub other_action: Words,
    /// Words saying a gathering is beside the main one ("followed by a sprint").
    pub side_markers: Words,
    /// Stems of a talk given at a conference: a keynote, a tutorial, a poster. Talks on
    /// days a few apart are the programme of one conference.
    pub talks: Words,
    /// Phrases saying a gathering happens online only.
    pub online: Phrases,
    /// Stems saying a gathering is cancelled.
    pub cancelled: Words,
    /// Stems saying a gathering is put off: without a new date, it will not happen then.
    pub postponed: Words,
    /// Words just before the new date in a sentence putting a gathering off ("postponed to
    /// March 12", "reportée au 12 mars", "se pospone al 12 de marzo").
    pub moved_to: Words,
    /// Phrases introducing a put-off gathering's new date ("the new dates are…").
    pub new_dates: Phrases,
    /// Phrases saying attending is free ("free of charge", "entrée libre", "gratuito").
    pub free_phrases: Phrases,
    /// Stems of words about a price ("ticket", "tarif", "precio"): with an amount in the
    /// same sentence, the sentence says what attending costs.
    pub price_words: Words,
    /// Words ending a programme ("17h00 | Fin").
    pub programme_end: Words,
    /// Countries, regions and words that follow a place preposition without being a town.
    pub not_towns: Words,
    /// Prepositions before a town: "à Lyon", "in Lyon", "en Lyon".
    pub place_prepositions: Words,
    /// Articles a town's name may follow after its preposition: "en la Ciudad de México".
    pub town_articles: Words,
    /// Prepositions before a venue, which give a town only in a written address: "at
    /// Trabant Coffee" has none, "at Saint-Mandé, France" has one.
    pub venue_prepositions: Words,
    /// Prepositions that name a town only when the town is a known one (`towns`): "sur
    /// Paris" and "dans Paris" are towns, "sur Android" and "dans Eclipse" are not.
    pub known_town_prepositions: Words,
    /// A preposition joined with an article ("au", "al"): before a known town ("au Paris
    /// JUG") or a venue ending in one ("au Théâtre de Paris").
    pub venue_openers: Words,
    /// Words joining a venue to its town: "l'IUT d'Aix-en-Provence", "el Centro Cultural de
    /// Almería". Not English "of": "the University of Washington" is in Seattle.
    pub venue_of: Words,
    /// Words that make a place name a venue, a street or a room rather than a town
    /// ("University of Washington", "Salle Pleyel", "Calle Real").
    pub venue_words: Words,
    /// Words written around a town's name that are not part of it: "Almería capital",
    /// "Downtown Los Angeles", "Lyon centre".
    pub town_qualifiers: Words,
    /// Words of street names: a part of an address that has one is the street, and the
    /// town comes after it ("Realtrack, Calle Guinea 2, Almería").
    pub street_words: Words,
    /// Abbreviations a full stop does not end a sentence after ("Av. Corrientes", "Dr.
    /// Smith", "Mme Curie").
    pub written_short: Words,
    /// Phrases naming an online place ("en ligne", "online", "teleconferencia").
    pub online_places: Phrases,
    /// Words that never name a gathering or a topic (articles, pronouns, auxiliaries).
    pub stopwords: Words,
    /// Words that shape a question rather than name what it is about ("when", "quand",
    /// "dónde", "happening", "prévu").
    pub question_cues: Words,
    /// Greetings, politeness and fillers around a question ("hi", "please", "stp",
    /// "porfa", "can you tell me").
    pub fillers: Words,
    /// How people shorten or misspell question words when they type fast: (as typed, meant).
    pub abbreviations: &'static [(&'static str, &'static str)],
    /// Question words worth recognising through a typo ("wehn", "qaund", "cuadno").
    pub interrogatives: Words,
    /// Words that tell this language in a short question.
    pub question_markers: Words,
    /// Words of asking people: for help, or a question to put to them ("help", "questions",
    /// "dudas"). Where to do that is the help channels.
    pub asking: Words,
    /// Greetings, alone or with a filler: small talk.
    pub greetings: Words,
    /// Thanks.
    pub thanks: Words,
    /// Phrases asking who crieur is.
    pub identity_questions: Phrases,
    /// Stems of questions about proposing a talk ("submit", "proposer", "propuesta"): they
    /// ask for the call for proposals and its deadline.
    pub proposal_questions: Words,
    /// What is proposed ("talk", "exposé", "ponencia"): in such a question, no name.
    pub proposal_objects: Words,
    /// Phrases asking how long a gathering lasts ("how long", "combien de jours").
    pub duration_questions: Phrases,
    /// Phrases asking what attending costs ("free", "how much", "gratuit", "cuesta").
    pub price_questions: Phrases,
    /// Phrases asking how much attending costs, whatever else the question asks ("how
    /// much", "combien ça coûte", "cuánto cuesta"): not a price word alone ("early bird").
    pub cost_questions: Phrases,
    /// Words asking how to take part, which registering answers ("rsvp", "billet",
    /// "entradas").
    pub registration_questions: Words,
    /// Phrases asking where or in which form ("online", "in person", "presencial"): the
    /// place answers them.
    pub mode_questions: Phrases,
    /// Phrases asking whether a gathering still happens ("still on", "maintenu", "se
    /// mantiene"): its description, cancellation included, answers them.
    pub status_questions: Phrases,
    /// Phrases asking whom to ask ("get in touch", "contacter", "a quién pregunto").
    pub contact_questions: Phrases,
    /// Phrases pointing at a place said before ("here", "par ici", "aquí"): in "I just
    /// moved to Madrid. When is the next meetup here?" the question is about Madrid.
    pub here_words: Phrases,
    /// Tags that ask to confirm what was just said, at the end of a question after a comma
    /// or alone: "…, isn't it?", "…, c'est ça ?", "…, ¿verdad?". What the member guesses
    /// (a town, a month, a day) is then what crieur must tell, not what it filters by.
    pub confirmation_tags: Phrases,
    /// Words of front-matter keys (split at `_`, `-` and capitals) that name a date.
    pub date_keys: Words,
    /// … the start of something ("dateStart", "fecha_inicio").
    pub start_keys: Words,
    /// … the end of something ("endDate", "date_fin").
    pub end_keys: Words,
    /// … a time of day ("time", "heure").
    pub time_keys: Words,
    /// … a place, as written: a venue, maybe with its town ("location", "lieu").
    pub place_keys: Words,
    /// … a postal address ("address", "street", "calle").
    pub address_keys: Words,
    /// … a town.
    pub town_keys: Words,
    /// … a flag that the gathering is held online ("online: true").
    pub online_keys: Words,
    /// … text shown to readers under the title ("subtitle").
    pub shown_keys: Words,
    /// … what a post is about, not shown as such ("layout", "excerpt", "tags"): it can say
    /// the post is about a gathering, not when.
    pub about_keys: Words,
    /// … the post's own publication or edition rather than a gathering's date.
    pub publication_keys: Words,
}

/// Time zones written after a time ("9-10 AM PDT", "16:00 UTC").
pub const TIME_ZONES: Words = &[
    "utc", "gmt", "cet", "cest", "wet", "west", "eet", "eest", "bst", "ist", "pst", "pdt", "mst",
    "mdt", "cst", "cdt", "est", "edt", "aest", "aedt", "nzst", "nzdt", "jst", "hkt", "sgt", "art",
    "brt", "clt", "cot", "pet",
];

/// Kinds of gathering that are the same in another language or another word: a question
/// about "the Arduino workshop" means the "Taller de Arduino".
pub const KIND_SYNONYMS: &[&[&str]] = &[
    &[
        "workshop",
        "workshops",
        "atelier",
        "ateliers",
        "taller",
        "talleres",
    ],
    &[
        "conference",
        "conferences",
        "conferencia",
        "conferencias",
        "conf",
        "confs",
        "congres",
        "congreso",
        "summit",
        "sommet",
        "cumbre",
        "symposium",
        "simposio",
    ],
    &[
        "meeting",
        "meetings",
        "reunion",
        "reunions",
        "reuniones",
        "encuentro",
        "encuentros",
        "junta",
        "juntas",
    ],
    &["meetup", "meetups", "quedada", "quedadas"],
    &[
        "webinar",
        "webinars",
        "webinaire",
        "webinaires",
        "seminario",
    ],
    &[
        "training",
        "formation",
        "formations",
        "formacion",
        "curso",
        "cursos",
        "course",
    ],
    &["party", "fete", "fiesta", "soiree"],
];

/// The seasons in each language, and the American "fall": the same word in a name
/// ("the OpenStreetMap autumn editathon" for "OSM Fall Editathon").
pub const SEASON_SYNONYMS: &[&[&str]] = &[
    &["autumn", "fall", "automne", "otono"],
    &["spring", "printemps", "primavera"],
    &["summer", "ete", "verano"],
    &["winter", "hiver", "invierno"],
];

/// Words for gatherings in general, which name no kind of them: "les prochaines
/// rencontres", "any gatherings?", "¿qué encuentros hay?".
pub const GENERIC_KINDS: Words = &[
    "rencontre",
    "rencontres",
    "encuentro",
    "encuentros",
    "gathering",
    "gatherings",
    "evenement",
    "evenements",
    "evento",
    "eventos",
    "event",
    "events",
    "rdv",
    "rendezvous",
    "gettogether",
    "gettogethers",
    "activites",
    "actividades",
    "activities",
    "activite",
    "actividad",
    "activity",
];

/// Words for a gathering's time together, of any kind: "the next CUGOS session" is its next
/// meeting where no gathering is named a session.
pub const SESSION_WORDS: Words = &[
    "session", "sessions", "sesion", "sesiones", "seance", "seances",
];

/// Currencies written beside an amount ("15 €", "$20", "10 euros").
pub const CURRENCIES: Words = &[
    "€", "$", "£", "eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "pound", "pounds",
    "chf", "cad", "aud", "mxn", "ars", "clp", "cop", "pesos", "soles", "₹", "inr", "rupees", "xof",
    "fcfa", "cfa", "francs", "brl", "reais", "nzd", "sgd", "zar", "rand", "¥", "yen",
];

/// Video call services: a gathering "on" one is a call, not a stream or a recording.
pub const CALL_PLATFORMS: Words = &[
    "zoom",
    "jitsi",
    "webex",
    "bigbluebutton",
    "bbb",
    "whereby",
    "teams",
    "skype",
    "mumble",
    "hangouts",
    "gotomeeting",
];

/// Video and streaming services: a gathering held there is online, whatever the language.
pub const PLATFORMS: Words = &[
    "zoom",
    "jitsi",
    "meet",
    "webex",
    "bigbluebutton",
    "bbb",
    "twitch",
    "youtube",
    "discord",
    "hangouts",
    "gotomeeting",
    "teams",
    "skype",
    "mumble",
    "livestorm",
    "crowdcast",
    "hopin",
];

/// The lexicon of one language; `Other` reads all of them.
pub fn of(lang: Language) -> &'static Lexicon {
    match lang {
        Language::Fr => &fr::FR,
        Language::En => &en::EN,
        Language::Es => &es::ES,
        Language::Other => all(),
    }
}

/// The languages crieur speaks, in the order `Language` lists them.
pub const SPOKEN: [(Language, &Lexicon); 3] = [
    (Language::Fr, &fr::FR),
    (Language::En, &en::EN),
    (Language::Es, &es::ES),
];

/// Every language's words together, for text that may mix them.
#[inline]
pub fn all() -> &'static Lexicon {
    static ALL: OnceLock<Lexicon> = OnceLock::new();
    ALL.get_or_init(|| {
        let l: Vec<&Lexicon> = SPOKEN.iter().map(|(_, l)| *l).collect();
        macro_rules! merged {
            ($field:ident) => {
                union(l.iter().map(|x| x.$field))
            };
        }
        Lexicon {
            common: merged!(common),
            months: std::array::from_fn(|m| union(l.iter().map(|x| x.months[m]))),
            month_abbreviations: std::array::from_fn(|m| {
                union(l.iter().map(|x| x.month_abbreviations[m]))
            }),
            weekdays: std::array::from_fn(|d| union(l.iter().map(|x| x.weekdays[d]))),
            ordinal_suffixes: merged!(ordinal_suffixes),
            ordinal_words: union(l.iter().map(|x| x.ordinal_words)),
            day_month_glue: merged!(day_month_glue),
            range_words: merged!(range_words),
            list_words: merged!(list_words),
            month_leads: merged!(month_leads),
            alternatives: merged!(alternatives),
            named_times: union(l.iter().map(|x| x.named_times)),
            parts_of_day: merged!(parts_of_day),
            time_leads: merged!(time_leads),
            relative_days: union(l.iter().map(|x| x.relative_days)),
            not_relative_after: merged!(not_relative_after),
            coming_before: merged!(coming_before),
            this_before: merged!(this_before),
            coming_after: union(l.iter().map(|x| x.coming_after)),
            gathering_nouns: merged!(gathering_nouns),
            gathering_suffixes: merged!(gathering_suffixes),
            kind_qualifiers: merged!(kind_qualifiers),
            gathering_verbs: merged!(gathering_verbs),
            not_gathering: merged!(not_gathering),
            since: merged!(since),
            awards: merged!(awards),
            opening: merged!(opening),
            verdicts: merged!(verdicts),
            verdict_phrases: merged!(verdict_phrases),
            portraits: merged!(portraits),
            looking_back: merged!(looking_back),
            job_offers: merged!(job_offers),
            edit_notes: merged!(edit_notes),
            next_words: merged!(next_words),
            habitual: merged!(habitual),
            deadline_strong: merged!(deadline_strong),
            deadline_weak: merged!(deadline_weak),
            registration: merged!(registration),
            registration_links: merged!(registration_links),
            registration_phrases: merged!(registration_phrases),
            fill_verbs: merged!(fill_verbs),
            form_nouns: merged!(form_nouns),
            other_forms: merged!(other_forms),
            other_objects: merged!(other_objects),
            applying: merged!(applying),
            pointers: merged!(pointers),
            info_links: merged!(info_links),
            not_registration: merged!(not_registration),
            negations: merged!(negations),
            needless: merged!(needless),
            accounts: merged!(accounts),
            giveaways: merged!(giveaways),
            proposal: merged!(proposal),
            attending: merged!(attending),
            proposal_phrases: merged!(proposal_phrases),
            deadline_nouns: merged!(deadline_nouns),
            closing_labels: merged!(closing_labels),
            other_action: merged!(other_action),
            side_markers: merged!(side_markers),
            talks: merged!(talks),
            online: merged!(online),
            cancelled: merged!(cancelled),
            postponed: merged!(postponed),
            moved_to: merged!(moved_to),
            new_dates: merged!(new_dates),
            free_phrases: merged!(free_phrases),
            price_words: merged!(price_words),
            programme_end: merged!(programme_end),
            not_towns: merged!(not_towns),
            place_prepositions: merged!(place_prepositions),
            town_articles: merged!(town_articles),
            venue_prepositions: merged!(venue_prepositions),
            known_town_prepositions: merged!(known_town_prepositions),
            venue_openers: merged!(venue_openers),
            venue_of: merged!(venue_of),
            venue_words: merged!(venue_words),
            town_qualifiers: merged!(town_qualifiers),
            street_words: merged!(street_words),
            written_short: merged!(written_short),
            online_places: merged!(online_places),
            stopwords: merged!(stopwords),
            question_cues: merged!(question_cues),
            fillers: merged!(fillers),
            abbreviations: union(l.iter().map(|x| x.abbreviations)),
            interrogatives: merged!(interrogatives),
            question_markers: merged!(question_markers),
            asking: merged!(asking),
            greetings: merged!(greetings),
            thanks: merged!(thanks),
            identity_questions: merged!(identity_questions),
            proposal_questions: merged!(proposal_questions),
            proposal_objects: merged!(proposal_objects),
            duration_questions: merged!(duration_questions),
            price_questions: merged!(price_questions),
            cost_questions: merged!(cost_questions),
            registration_questions: merged!(registration_questions),
            mode_questions: merged!(mode_questions),
            here_words: merged!(here_words),
            confirmation_tags: merged!(confirmation_tags),
            status_questions: merged!(status_questions),
            contact_questions: merged!(contact_questions),
            date_keys: merged!(date_keys),
            start_keys: merged!(start_keys),
            end_keys: merged!(end_keys),
            time_keys: merged!(time_keys),
            place_keys: merged!(place_keys),
            address_keys: merged!(address_keys),
            town_keys: merged!(town_keys),
            online_keys: merged!(online_keys),
            shown_keys: merged!(shown_keys),
            about_keys: merged!(about_keys),
            publication_keys: merged!(publication_keys),
        }
    })
}

/// The entries of several tables, each once, in first-seen order; kept for the program's
/// life (built once).
fn union<T: PartialEq + Copy + 'static>(
    tables: impl Iterator<Item = &'static [T]>,
) -> &'static [T] {
    let mut out: Vec<T> = Vec::new();
    for table in tables {
        for item in table {
            if !out.contains(item) {
                out.push(*item);
            }
        }
    }
    Box::leak(out.into_boxed_slice())
}

/// A map from words, hashed by `WordHasher`: the lexicon's keys are short and known, and
/// lookups run on every word of every post, where SipHash's protection against chosen keys
/// costs more than the lookup.
pub type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

/// A hasher for short words: eight bytes at a time, each folded in with a rotation and a
/// multiplication (the mixing of rustc's FxHash). A word of a post is one to three steps.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}

/// Month and weekday lookups, which run on every word of every post.
struct Calendar {
    months: WordMap<(u32, bool)>,
    weekdays: WordMap<Weekday>,
    /// Lengths and first letters of any month or weekday: most words fail these at once.
    screen: set::Screen,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        let all = all();
        let mut months = WordMap::default();
        for (m, names) in all.months.iter().enumerate() {
            for name in *names {
                months.insert(*name, (m as u32 + 1, true));
            }
        }
        for (m, names) in all.month_abbreviations.iter().enumerate() {
            for name in *names {
                months.entry(*name).or_insert((m as u32 + 1, false));
            }
        }
        let weekdays_in_order = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let mut weekdays = WordMap::default();
        for (d, names) in all.weekdays.iter().enumerate() {
            for name in *names {
                weekdays.insert(*name, weekdays_in_order[d]);
            }
        }
        let screen = set::Screen::of(months.keys().chain(weekdays.keys()).copied());
        Calendar {
            months,
            weekdays,
            screen,
        }
    })
}

/// A month word: `Some((month, strong))`, strong when it cannot be anything else.
#[inline]
pub fn month(word: &str) -> Option<(u32, bool)> {
    let c = calendar();
    if !c.screen.admits(word) {
        return None;
    }
    c.months.get(word).copied()
}

#[inline]
pub fn weekday(word: &str) -> Option<Weekday> {
    let c = calendar();
    if !c.screen.admits(word) {
        return None;
    }
    c.weekdays.get(word).copied()
}

/// Whether a folded word names a gathering: it starts with a gathering noun's stem
/// ("rencontres", "workshops") or ends a compound as one does ("biotecnoencuentro",
/// "ozunconf", "editathon"). Only chosen endings: "information" ends like "formation".
#[inline]
pub fn is_gathering_noun(word: &str) -> bool {
    let l = all();
    crate::word_set!(l.gathering_nouns).has_prefix_of(word)
        || l.gathering_suffixes
            .iter()
            .any(|s| word.len() > s.len() && word.ends_with(s))
}

pub fn is_ordinal_suffix(word: &str) -> bool {
    all().ordinal_suffixes.contains(&word)
}

/// The number an edition's ordinal says: "second", "deuxième", "segundas", or a Roman
/// numeral from II to XXX ("II Jornadas"; a lone "I" or "V" is too often something else).
pub fn ordinal(word: &str) -> Option<u32> {
    if let Some(&(_, n)) = all().ordinal_words.iter().find(|(w, _)| *w == word) {
        return Some(n);
    }
    if word.len() < 2 || !word.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    // Only the usual spelling: "iiii" or "vv" are words, not numbers.
    (2..=30).find(|&n| to_roman(n) == word)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

pub fn is_day_month_glue(word: &str) -> bool {
    all().day_month_glue.contains(&word)
}

pub fn is_range_word(word: &str) -> bool {
    all().range_words.contains(&word)
}

pub fn is_list_word(word: &str) -> bool {
    all().list_words.contains(&word)
}

pub fn is_month_lead(word: &str) -> bool {
    all().month_leads.contains(&word)
}

pub fn is_alternative_word(word: &str) -> bool {
    all().alternatives.contains(&word)
}

pub fn named_time(word: &str) -> Option<(u32, u32)> {
    all()
        .named_times
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|(_, h, m)| (*h, *m))
}

pub fn is_part_of_day(word: &str) -> bool {
    all().parts_of_day.contains(&word)
}

pub fn is_time_lead(word: &str) -> bool {
    all().time_leads.contains(&word)
}

/// Whether a folded word may start a date: a month, a weekday or a relative day's first
/// word ("la", "tomorrow", "hoy"). One look-up for the words that are none, as most are.
#[inline]
pub fn may_start_date(word: &str) -> bool {
    crate::word_set!(
        words = calendar()
            .months
            .keys()
            .chain(calendar().weekdays.keys())
            .copied()
            .chain(
                all()
                    .relative_days
                    .iter()
                    .filter_map(|(phrase, _, _)| phrase.first().copied())
            )
            .chain(all().coming_before.iter().copied())
            .chain(all().this_before.iter().copied())
    )
    .contains(word)
}

/// Days counted from the post's date that `words` start with: (offset, to the day, how
/// many words).
pub fn relative_day(words: &[&str]) -> Option<(i64, bool, usize)> {
    all()
        .relative_days
        .iter()
        .find(|(phrase, _, _)| words.starts_with(phrase))
        .map(|(phrase, days, exact)| (*days, *exact, phrase.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_months_and_weekdays_in_every_language() {
        assert_eq!(month("fevrier"), Some((2, true)));
        assert_eq!(month("february"), Some((2, true)));
        assert_eq!(month("febrero"), Some((2, true)));
        assert_eq!(month("sept"), Some((9, false)));
        assert_eq!(month("may"), Some((5, false)));
        assert_eq!(month("mai"), Some((5, true)));
        assert_eq!(month("maison"), None);
        assert_eq!(weekday("miercoles"), Some(Weekday::Wed));
        assert_eq!(weekday("dimanche"), Some(Weekday::Sun));
        assert_eq!(weekday("sundae"), None);
    }

    #[test]
    fn edition_ordinals_in_words_and_roman_numerals() {
        for (word, n) in [
            ("second", 2),
            ("deuxiemes", 2),
            ("segundas", 2),
            ("third", 3),
            ("troisieme", 3),
            ("tercera", 3),
            ("ii", 2),
            ("iv", 4),
            ("xiv", 14),
            ("xx", 20),
        ] {
            assert_eq!(ordinal(word), Some(n), "{word}");
        }
        // A lone letter, a numeral written unusually, plain words; "first", which says
        // "first steps" ("premiers pas", "primeros pasos") more often than an edition.
        for word in [
            "i", "v", "x", "iiii", "vv", "mix", "vivid", "segun", "first", "premiers", "primeros",
        ] {
            assert_eq!(ordinal(word), None, "{word}");
        }
    }

    #[test]
    fn every_language_fills_every_role() {
        for (lang, l) in SPOKEN {
            let roles: [(&str, usize); 28] = [
                ("coming_before", l.coming_before.len()),
                ("looking_back", l.looking_back.len()),
                ("job_offers", l.job_offers.len()),
                ("edit_notes", l.edit_notes.len()),
                ("next_words", l.next_words.len()),
                ("this_before", l.this_before.len()),
                ("closing_labels", l.closing_labels.len()),
                ("common", l.common.len()),
                ("range_words", l.range_words.len()),
                ("list_words", l.list_words.len()),
                ("month_leads", l.month_leads.len()),
                ("gathering_nouns", l.gathering_nouns.len()),
                ("gathering_verbs", l.gathering_verbs.len()),
                ("deadline_strong", l.deadline_strong.len()),
                ("verdict_phrases", l.verdict_phrases.len()),
                ("registration", l.registration.len()),
                ("fill_verbs", l.fill_verbs.len()),
                ("form_nouns", l.form_nouns.len()),
                ("other_forms", l.other_forms.len()),
                ("other_objects", l.other_objects.len()),
                ("accounts", l.accounts.len()),
                ("pointers", l.pointers.len()),
                ("info_links", l.info_links.len()),
                ("proposal", l.proposal.len()),
                ("online", l.online.len()),
                ("cancelled", l.cancelled.len()),
                ("place_prepositions", l.place_prepositions.len()),
                ("confirmation_tags", l.confirmation_tags.len()),
            ];
            for (role, n) in roles {
                assert!(n > 0, "{lang:?} has no {role}");
            }
            // English "may" is only a month beside a day or a year: an abbreviation.
            let named =
                (0..12).all(|m| !l.months[m].is_empty() || !l.month_abbreviations[m].is_empty());
            assert!(named, "{lang:?} months");
            assert!(
                l.weekdays.iter().all(|d| !d.is_empty()),
                "{lang:?} weekdays"
            );
        }
    }

    #[test]
    fn words_are_folded() {
        for (lang, l) in SPOKEN {
            let tables = [
                l.common,
                l.gathering_nouns,
                l.not_gathering,
                l.registration,
                l.proposal,
                l.other_action,
                l.not_towns,
            ];
            for word in tables.iter().flat_map(|t| t.iter()) {
                assert!(
                    word.chars()
                        .all(|c| !c.is_uppercase() && (c.is_ascii() || !c.is_alphabetic())),
                    "{lang:?}: {word:?} is not folded"
                );
            }
        }
    }

    #[test]
    fn knows_gathering_nouns_and_their_compounds() {
        for word in [
            "rencontres",
            "workshop",
            "biotecnoencuentro",
            "ozunconf",
            "editathon",
        ] {
            assert!(is_gathering_noun(word), "{word}");
        }
        for word in ["information", "python", "manifest"] {
            assert!(!is_gathering_noun(word), "{word}");
        }
    }

    #[test]
    fn reads_language_codes() {
        assert_eq!(Language::from_code("fr-FR"), Language::Fr);
        assert_eq!(Language::from_code("en_GB"), Language::En);
        assert_eq!(Language::from_code("de"), Language::Other);
    }
}
