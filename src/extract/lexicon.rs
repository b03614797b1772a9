//! Words that extraction rules look for, in French, English and Spanish, all folded
//! (lowercase, no accents). Tables, not logic: adding a language or a synonym is adding a
//! line here.

use chrono::Weekday;

/// A month word: `Some((month, strong))`, strong when it cannot be anything else.
/// Abbreviations and words that are also ordinary words ("may", "sept", "mar") are weak:
/// months only next to a day number or a year. A `match`, because it runs on every word.
pub fn month(word: &str) -> Option<(u32, bool)> {
    // Most words are not months: a length and first-letter test skips the comparisons.
    if !(3..=10).contains(&word.len())
        || !matches!(
            word.as_bytes()[0],
            b'a' | b'd' | b'e' | b'f' | b'j' | b'm' | b'n' | b'o' | b's'
        )
    {
        return None;
    }
    Some(match word {
        "janvier" | "january" | "enero" => (1, true),
        "fevrier" | "february" | "febrero" => (2, true),
        "mars" | "march" | "marzo" => (3, true),
        "avril" | "april" | "abril" => (4, true),
        "mai" | "mayo" => (5, true),
        "juin" | "june" | "junio" => (6, true),
        "juillet" | "july" | "julio" => (7, true),
        "aout" | "august" | "agosto" => (8, true),
        "septembre" | "september" | "septiembre" | "setiembre" => (9, true),
        "octobre" | "october" | "octubre" => (10, true),
        "novembre" | "november" | "noviembre" => (11, true),
        "decembre" | "december" | "diciembre" => (12, true),
        "jan" | "janv" | "ene" => (1, false),
        "feb" | "fev" | "fevr" => (2, false),
        "mar" => (3, false),
        "apr" | "avr" | "abr" => (4, false),
        "may" => (5, false),
        "jun" => (6, false),
        "jul" | "juil" => (7, false),
        "aug" | "ago" => (8, false),
        "sep" | "sept" => (9, false),
        "oct" => (10, false),
        "nov" => (11, false),
        "dec" | "dic" => (12, false),
        _ => return None,
    })
}

pub fn weekday(word: &str) -> Option<Weekday> {
    if !(5..=9).contains(&word.len())
        || !matches!(
            word.as_bytes()[0],
            b'd' | b'f' | b'j' | b'l' | b'm' | b's' | b't' | b'v' | b'w'
        )
    {
        return None;
    }
    Some(match word {
        "lundi" | "monday" | "lunes" => Weekday::Mon,
        "mardi" | "tuesday" | "martes" => Weekday::Tue,
        "mercredi" | "wednesday" | "miercoles" => Weekday::Wed,
        "jeudi" | "thursday" | "jueves" => Weekday::Thu,
        "vendredi" | "friday" | "viernes" => Weekday::Fri,
        "samedi" | "saturday" | "sabado" => Weekday::Sat,
        "dimanche" | "sunday" | "domingo" => Weekday::Sun,
        _ => return None,
    })
}

/// Ordinal suffixes written after a day number: "10th", "1er", "2nd", "1.º".
pub fn is_ordinal_suffix(word: &str) -> bool {
    matches!(
        word,
        "st" | "nd" | "rd" | "th" | "er" | "re" | "ere" | "e" | "eme" | "o" | "a" | "º" | "ª"
    )
}

/// Words between a day and its month ("12 de junio", "19 of june").
pub fn is_day_month_glue(word: &str) -> bool {
    matches!(word, "de" | "of" | "del")
}

/// Words that join two dates into a range.
pub fn is_range_word(word: &str) -> bool {
    matches!(
        word,
        "au" | "to"
            | "al"
            | "a"
            | "until"
            | "till"
            | "through"
            | "thru"
            | "hasta"
            | "jusqu"
            | "jusquau"
    )
}

/// Words that join dates into a list.
pub fn is_list_word(word: &str) -> bool {
    matches!(word, "et" | "and" | "y" | "e")
}

/// Words that make a month a period ("en juin", "around June", "fin novembre").
pub fn is_month_lead(word: &str) -> bool {
    matches!(
        word,
        "en" | "in"
            | "around"
            | "vers"
            | "fin"
            | "debut"
            | "mi"
            | "early"
            | "late"
            | "mid"
            | "end"
            | "beginning"
            | "courant"
            | "during"
            | "durant"
            | "pendant"
            | "finales"
            | "principios"
            | "mediados"
            | "until"
            | "jusqu"
            | "since"
            | "depuis"
            | "desde"
            | "des"
            | "of"
            | "de"
    )
}

/// Words that turn an "X or Y" into a choice rather than a period: "mai ou juin".
pub fn is_alternative_word(word: &str) -> bool {
    matches!(word, "ou" | "or" | "o")
}

/// Spoken times of day.
pub fn named_time(word: &str) -> Option<(u32, u32)> {
    match word {
        "midi" | "noon" | "mediodia" => Some((12, 0)),
        "midnight" | "minuit" | "medianoche" => Some((0, 0)),
        _ => None,
    }
}

/// Parts of the day written next to a date ("après-midi", "PM", "morning", "tarde").
pub fn is_part_of_day(word: &str) -> bool {
    matches!(
        word,
        "matin"
            | "apres"
            | "midi"
            | "soir"
            | "soiree"
            | "am"
            | "pm"
            | "morning"
            | "afternoon"
            | "evening"
            | "manana"
            | "tarde"
            | "noche"
    )
}

/// Words introducing a clock time ("à 14h", "at 2 PM", "a las 14:00", "from 2 p.m.").
pub fn is_time_lead(word: &str) -> bool {
    matches!(
        word,
        "a" | "at"
            | "las"
            | "la"
            | "from"
            | "des"
            | "de"
            | "starting"
            | "partir"
            | "vers"
            | "around"
    )
}

/// Relative days and weeks, counted from the post's date: (offset in days, day precision).
pub fn relative_day(words: &[&str]) -> Option<(i64, bool)> {
    Some(match words {
        ["la", "semaine", "derniere", ..]
        | ["last", "week", ..]
        | ["la", "semana", "pasada", ..] => (-7, false),
        ["la", "semaine", "prochaine", ..]
        | ["next", "week", ..]
        | ["la", "semana", "proxima", ..] => (7, false),
        ["hier", ..] | ["yesterday", ..] | ["ayer", ..] => (-1, true),
        ["demain", ..] | ["tomorrow", ..] | ["manana", ..] => (1, true),
        _ => return None,
    })
}

/// Stems of nouns that name a gathering ("rencontre", "sprint", "workshop", "jornada").
pub const EVENT_NOUNS: &[&str] = &[
    "conferenc",
    "rencontre",
    "meeting",
    "meetup",
    "sprint",
    "codesprint",
    "hackathon",
    "atelier",
    "workshop",
    "journee",
    "seminair",
    "seminar",
    "webinar",
    "webinair",
    "formation",
    "training",
    "colloque",
    "congres",
    "congress",
    "forum",
    "summit",
    "sommet",
    "salon",
    "festival",
    "assemblee",
    "reunion",
    "encuentro",
    "encuentra",
    "evento",
    "event",
    "evenement",
    "jornada",
    "taller",
    "charla",
    "talk",
    "presentation",
    "symposium",
    "barcamp",
    "edition",
    "edicion",
    "hackfest",
    "install party",
    "mapathon",
    "apero",
    "gathering",
    "convention",
    "keynote",
    "tutorial",
    "tutoriel",
    "stand",
    "booth",
    "session",
    "expo",
];

/// Words and phrases that say something happens, happened or is hosted on a date.
pub const EVENT_VERBS: &[&[&str]] = &[
    &["se", "tiendra"],
    &["se", "tiendront"],
    &["se", "tient"],
    &["s", "est", "tenu"],
    &["s", "est", "tenue"],
    &["se", "sont", "tenues"],
    &["aura", "lieu"],
    &["auront", "lieu"],
    &["a", "eu", "lieu"],
    &["ont", "eu", "lieu"],
    &["avoir", "lieu"],
    &["se", "deroulera"],
    &["se", "derouleront"],
    &["s", "est", "deroule"],
    &["s", "est", "deroulee"],
    &["se", "derouler"],
    &["se", "tenir"],
    &["accueillera"],
    &["accueilleront"],
    &["sera", "accueilli"],
    &["a", "accueilli"],
    &["a", "heberge"],
    &["organise"],
    &["organisent"],
    &["organisera"],
    &["organisons"],
    &["vous", "invite"],
    &["vous", "invitons"],
    &["venez"],
    &["rejoignez"],
    &["retrouvons"],
    &["retrouver"],
    &["sera", "presentee"],
    &["sera", "presente"],
    &["presentera"],
    &["participer"],
    &["reservez", "la", "date"],
    &["take", "place"],
    &["takes", "place"],
    &["took", "place"],
    &["be", "held"],
    &["was", "held"],
    &["is", "held"],
    &["are", "held"],
    &["will", "host"],
    &["hosted"],
    &["hosts"],
    &["hosting", "the"],
    &["host", "the"],
    &["invites", "you"],
    &["invite", "you"],
    &["join", "us"],
    &["save", "the", "date"],
    &["will", "meet"],
    &["will", "be", "presented"],
    &["participate"],
    &["organised"],
    &["organized"],
    &["come", "and"],
    &["tendra", "lugar"],
    &["tuvo", "lugar"],
    &["tendran", "lugar"],
    &["se", "celebrara"],
    &["se", "celebro"],
    &["se", "llevara", "a", "cabo"],
    &["se", "llevo", "a", "cabo"],
    &["se", "desarrollara"],
    &["se", "desarrollo"],
    &["recibira"],
    &["acogera"],
    &["fue", "sede"],
    &["reserva", "la", "fecha"],
    &["participar"],
    &["community", "call"],
    &["monthly", "call"],
    &["weekly", "call"],
    &["video", "call"],
    &["project", "call"],
    &["se", "realizara"],
    &["se", "realizo"],
    &["gathered"],
    &["se", "sont", "retrouves"],
    &["se", "retrouvera"],
    &["rencontrer"],
    &["debutera"],
    &["commencera"],
    &["will", "begin"],
    &["starts"],
    &["begins"],
];

/// Words that mark a date as something other than a gathering.
pub const NOT_EVENT: &[&str] = &[
    "version",
    "release",
    "released",
    "sortie",
    "publie",
    "publiee",
    "published",
    "publicado",
    "publicada",
    "disponible",
    "available",
    "tickets",
    "commits",
    "vulnerabilite",
    "vulnerability",
    "label",
    "prix",
    "award",
    "awarded",
    "mise",
    "update",
    "updated",
    "patch",
    "depuis",
    "since",
    "desde",
    "arrete",
    "stopped",
    "fijado",
    "ouverture",
    "opens",
    "opening",
    "abre",
    "posted",
    "publicacion",
];

/// Deadline phrases that need nothing else ("au plus tard", "no later than", "jusqu'au").
pub const DEADLINE_STRONG: &[&[&str]] = &[
    &["au", "plus", "tard"],
    &["no", "later", "than"],
    &["not", "later", "than"],
    &["a", "mas", "tardar"],
    &["jusqu", "au"],
    &["jusqu", "a"],
    &["until"],
    &["till"],
    &["deadline"],
    &["date", "limite"],
    &["limite"],
    &["hasta", "el"],
    &["hasta"],
    &["fecha", "limite"],
    &["closes"],
    &["close", "on"],
    &["cloture"],
    &["d", "ici", "le"],
    &["avant", "le"],
];

/// Deadline words that only count with an action to take ("register by …").
pub const DEADLINE_WEAK: &[&[&str]] = &[
    &["by"],
    &["before"],
    &["avant"],
    &["antes", "del"],
    &["antes", "de"],
];

/// Stems saying the action is registering.
pub const REGISTRATION: &[&str] = &[
    "inscri",
    "preinscri",
    "regist",
    "pre-regist",
    "signup",
    "inscrib",
    "preinscrib",
    "billetterie",
    "ticketing",
    "rsvp",
];

/// Stems saying the action is proposing a talk or a paper.
pub const PROPOSAL: &[&str] = &[
    "proposition",
    "proposal",
    "propuesta",
    "suggestion",
    "sugerencia",
    "submission",
    "soumission",
    "soumettre",
    "submit",
    "abstract",
    "cfp",
    "papers",
    "ponencia",
    "presentar",
];

/// Stems of other things one must do by a date for a gathering (book a room, pay).
pub const OTHER_ACTION: &[&str] = &[
    "heberg",
    "hosting",
    "accommodation",
    "hotel",
    "logement",
    "reserv",
    "book",
    "tarif",
    "price",
    "prix",
    "paiement",
    "payment",
    "pay",
    "alojamiento",
    "garanti",
    "guarantee",
    "garantee",
];

/// Words saying a gathering is beside the main one ("suivi d'un sprint", "preceded by").
pub const SIDE_MARKERS: &[&str] = &[
    "suivi",
    "suivie",
    "suivra",
    "precede",
    "precedee",
    "followed",
    "preceded",
    "seguido",
    "precedido",
    "seguida",
    "precedida",
    "also",
];

/// Words saying a gathering happens online only.
pub const ONLINE: &[&[&str]] = &[
    &["remote"],
    &["online", "event"],
    &["online", "edition"],
    &["fully", "online"],
    &["virtual"],
    &["virtuel"],
    &["virtuelle"],
    &["a", "distance"],
    &["en", "visio"],
    &["visioconference"],
    &["webinar"],
    &["webinaire"],
    &["a", "distancia"],
    &["en", "linea", "el"],
    &["100", "en", "ligne"],
    &["entierement", "en", "ligne"],
    &["will", "be", "online"],
    &["distanciel"],
    &["remoto"],
    &["en", "remote"],
    &["sera", "en", "ligne"],
    &["se", "tiendra", "en", "ligne"],
    &["en", "remoto"],
];

/// Words saying a gathering is cancelled.
pub const CANCELLED: &[&str] = &["annul", "cancel", "suspend", "postpon"];

/// Words that end a programme ("17h00 | Fin", "5:30 pm – end").
pub const PROGRAMME_END: &[&str] = &["fin", "end", "cloture", "closing", "clausura", "final"];

/// Regions and countries: places, but not the town a gathering is in.
pub const REGIONS: &[&str] = &[
    "france",
    "espagne",
    "spain",
    "espana",
    "belgique",
    "belgium",
    "belgica",
    "suisse",
    "switzerland",
    "suiza",
    "allemagne",
    "germany",
    "alemania",
    "italie",
    "italy",
    "italia",
    "portugal",
    "europe",
    "europa",
    "canada",
    "quebec",
    "bolivie",
    "bolivia",
    "mexique",
    "mexico",
    "argentine",
    "argentina",
    "chile",
    "chili",
    "peru",
    "perou",
    "colombie",
    "colombia",
    "maroc",
    "morocco",
    "marruecos",
    "senegal",
    "benin",
    "tunisie",
    "tunisia",
    "usa",
    "uk",
    "england",
    "angleterre",
    "inglaterra",
    "ireland",
    "irlande",
    "netherlands",
    "pays",
    "austria",
    "autriche",
    "japan",
    "japon",
    "china",
    "chine",
    "india",
    "inde",
    "brazil",
    "bresil",
    "brasil",
    "luxembourg",
    "slovakia",
    "slovaquie",
    "czechia",
    "poland",
    "pologne",
    "romania",
    "roumanie",
    "greece",
    "grece",
    "alsace",
    "bretagne",
    "brittany",
    "normandie",
    "normandy",
    "aquitaine",
    "occitanie",
    "provence",
    "corse",
    "corsica",
    "bourgogne",
    "burgundy",
    "auvergne",
    "lorraine",
    "champagne",
    "picardie",
    "picardy",
    "limousin",
    "ariege",
    "finistere",
    "savoie",
    "dordogne",
    "gironde",
    "vendee",
    "jura",
    "vosges",
    "ardeche",
    "drome",
    "isere",
    "herault",
    "gard",
    "aude",
    "tarn",
    "lot",
    "gers",
    "landes",
    "charente",
    "morbihan",
    "ile-de-france",
    "hauts-de-france",
    "grand",
    "nouvelle-aquitaine",
    "auvergne-rhone-alpes",
    "bourgogne-franche-comte",
    "centre-val",
    "pays-de-la-loire",
    "provence-alpes-cote",
    "cataluna",
    "catalogne",
    "catalonia",
    "andalucia",
    "galicia",
    "euskadi",
    "wallonie",
    "wallonia",
    "flandre",
    "flanders",
    "bavaria",
    "baviere",
    "lombardia",
    "ligne",
    "line",
    "linea",
    "person",
    "personne",
    "presencial",
    "town",
    "city",
    "ville",
];
