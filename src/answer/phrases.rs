//! The words of replies in French, English and Spanish (other languages get English).
//! One function per sentence, so that every language says the same things.

use crate::extract::Language;
use crate::extract::help::Topic;

use Language::{Es, Fr};

pub fn next(lang: Language) -> &'static str {
    match lang {
        Fr => "Prochain : ",
        Es => "Próximo: ",
        _ => "Next: ",
    }
}

/// Before the gathering that replaces one put off.
pub fn new_date(lang: Language) -> &'static str {
    match lang {
        Fr => "Nouvelle date : ",
        Es => "Nueva fecha: ",
        _ => "New date: ",
    }
}

pub fn cancelled(lang: Language) -> &'static str {
    match lang {
        Fr => " (annulé)",
        Es => " (cancelado)",
        _ => " (cancelled)",
    }
}

pub fn starting(lang: Language) -> &'static str {
    match lang {
        Fr => ", à partir de ",
        Es => ", desde las ",
        _ => ", from ",
    }
}

pub fn register_at(lang: Language) -> &'static str {
    match lang {
        Fr => "Inscription : ",
        Es => "Inscripción: ",
        _ => "Registration: ",
    }
}

pub fn until(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!(" (jusqu'au {date})"),
        Es => format!(" (hasta el {date})"),
        _ => format!(" (until {date})"),
    }
}

/// A date to act by, on a line of its own.
pub fn until_line(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Jusqu'au {date}."),
        Es => format!("Hasta el {date}."),
        _ => format!("Until {date}."),
    }
}

/// The last day to register, on a line of its own.
pub fn registration_until(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Inscriptions jusqu'au {date}."),
        Es => format!("Inscripción hasta el {date}."),
        _ => format!("Registration until {date}."),
    }
}

pub fn closed(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Les inscriptions ont fermé le {date}."),
        Es => format!("Las inscripciones cerraron el {date}."),
        _ => format!("Registration closed on {date}."),
    }
}

pub fn no_registration(title: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Je ne connais pas de formulaire d'inscription pour {title}."),
        Es => format!("No conozco ningún formulario de inscripción para {title}."),
        _ => format!("I don't know of a registration form for {title}."),
    }
}

pub fn details(lang: Language) -> &'static str {
    match lang {
        Fr => "Détails : ",
        Es => "Detalles: ",
        _ => "Details: ",
    }
}

/// Said of a gathering whose month only is known ("AgoraConf 2025: May 2025, Toronto.").
pub fn days_not_announced(lang: Language) -> &'static str {
    match lang {
        Fr => "Les jours exacts ne sont pas encore annoncés.",
        Es => "Los días exactos aún no se han anunciado.",
        _ => "The exact days are not announced yet.",
    }
}

pub fn proposals_until(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Propositions jusqu'au {date}."),
        Es => format!("Propuestas hasta el {date}."),
        _ => format!("Proposals until {date}."),
    }
}

pub fn proposals_closed(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("L'appel à propositions a fermé le {date}."),
        Es => format!("La convocatoria de propuestas cerró el {date}."),
        _ => format!("The call for proposals closed on {date}."),
    }
}

pub fn no_proposals(title: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Je ne connais pas d'appel à propositions pour {title}."),
        Es => format!("No conozco ninguna convocatoria de propuestas para {title}."),
        _ => format!("I don't know of a call for proposals for {title}."),
    }
}

/// Grants, scholarships, volunteering: the deadline that is neither a talk's nor a seat's.
pub fn applications_until(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Candidatures (bourses, bénévoles) jusqu'au {date}."),
        Es => format!("Solicitudes (becas, voluntariado) hasta el {date}."),
        _ => format!("Applications (grants, volunteers) until {date}."),
    }
}

pub fn applications_closed(date: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Les candidatures (bourses, bénévoles) ont fermé le {date}."),
        Es => format!("Las solicitudes (becas, voluntariado) cerraron el {date}."),
        _ => format!("Applications (grants, volunteers) closed on {date}."),
    }
}

pub fn no_applications(title: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Je ne connais pas de date limite de bourses ou de bénévolat pour {title}."),
        Es => format!("No conozco ninguna fecha límite de becas o voluntariado para {title}."),
        _ => format!("I don't know of a grant or volunteering deadline for {title}."),
    }
}

/// How long a gathering lasts, in days.
pub fn lasts(days: i64, lang: Language) -> String {
    match (days, lang) {
        (1, Fr) => "Une journée.".to_string(),
        (1, Es) => "Un día.".to_string(),
        (1, _) => "One day.".to_string(),
        (n, Fr) => format!("{n} jours."),
        (n, Es) => format!("{n} días."),
        (n, _) => format!("{n} days."),
    }
}

pub fn free(lang: Language) -> &'static str {
    match lang {
        Fr => "C'est gratuit : ",
        Es => "Es gratuito: ",
        _ => "It is free: ",
    }
}

pub fn price(lang: Language) -> &'static str {
    match lang {
        Fr => "Prix : ",
        Es => "Precio: ",
        _ => "Price: ",
    }
}

pub fn no_price(lang: Language) -> &'static str {
    match lang {
        Fr => "L'annonce ne dit pas ce que ça coûte. ",
        Es => "El anuncio no dice cuánto cuesta. ",
        _ => "The announcement does not say what it costs. ",
    }
}

/// Words quoted from a post.
pub fn quote(text: &str, lang: Language) -> String {
    match lang {
        Fr => format!("« {text} »"),
        Es => format!("«{text}»"),
        _ => format!("“{text}”"),
    }
}

pub fn dont_know(lang: Language) -> &'static str {
    match lang {
        Fr => {
            "Je ne sais pas : je n'ai rien lu là-dessus. Tapez !help pour voir ce que je sais faire."
        }
        Es => "No lo sé: no he leído nada sobre eso. Escriba !help para ver lo que sé hacer.",
        _ => {
            "I don't know: I have not read anything about that. Type !help to see what I can answer."
        }
    }
}

pub fn no_upcoming(lang: Language) -> &'static str {
    match lang {
        Fr => "Je ne connais aucun événement à venir. Tapez !help pour voir ce que je sais faire.",
        Es => "No conozco ningún evento próximo. Escriba !help para ver lo que sé hacer.",
        _ => "I don't know of any upcoming event. Type !help to see what I can answer.",
    }
}

pub fn more(count: usize, command: &str, lang: Language) -> String {
    match lang {
        Fr => format!("… et {count} de plus : {command}"),
        Es => format!("… y {count} más: {command}"),
        _ => format!("… and {count} more: {command}"),
    }
}

pub fn usage(usage: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Usage : {usage} (tapez !help pour la liste des commandes)"),
        Es => format!("Uso: {usage} (escriba !help para ver los comandos)"),
        _ => format!("Usage: {usage} (type !help for the commands)"),
    }
}

pub fn no_help(lang: Language) -> &'static str {
    match lang {
        Fr => "Je ne connais pas de contact pour cela. Tapez !help pour voir ce que je sais faire.",
        Es => "No conozco ningún contacto para eso. Escriba !help para ver lo que sé hacer.",
        _ => "I don't know of a contact for that. Type !help to see what I can answer.",
    }
}

pub fn topic(topic: Topic, lang: Language) -> &'static str {
    match (topic, lang) {
        (Topic::MailingList, Fr) => "Liste de diffusion : ",
        (Topic::MailingList, Es) => "Lista de correo: ",
        (Topic::MailingList, _) => "Mailing list: ",
        (Topic::Chat, Fr) => "Discussion : ",
        (Topic::Chat, Es) => "Chat: ",
        (Topic::Chat, _) => "Chat: ",
        (Topic::BugTracker, Fr) => "Bugs : ",
        (Topic::BugTracker, Es) => "Errores: ",
        (Topic::BugTracker, _) => "Bugs: ",
        (Topic::Security, Fr) => "Sécurité : ",
        (Topic::Security, Es) => "Seguridad: ",
        (Topic::Security, _) => "Security: ",
        (Topic::Steering, Fr) => "Comité de pilotage : ",
        (Topic::Steering, Es) => "Comité directivo: ",
        (Topic::Steering, _) => "Steering committee: ",
        (Topic::Documentation, Fr) => "Documentation : ",
        (Topic::Documentation, Es) => "Documentación: ",
        (Topic::Documentation, _) => "Documentation: ",
        (Topic::Other, Fr) => "Contact : ",
        (Topic::Other, Es) => "Contacto: ",
        (Topic::Other, _) => "Contact: ",
    }
}

/// The word that names a topic after `!contact`, in a language.
pub fn topic_word(topic: Topic, lang: Language) -> &'static str {
    match (topic, lang) {
        (Topic::MailingList, Fr) => "liste",
        (Topic::MailingList, Es) => "lista",
        (Topic::MailingList, _) => "list",
        (Topic::Chat, _) => "chat",
        (Topic::BugTracker, Es) => "fallos",
        (Topic::BugTracker, _) => "bug",
        (Topic::Security, Fr) => "sécurité",
        (Topic::Security, Es) => "seguridad",
        (Topic::Security, _) => "security",
        (Topic::Steering, Fr) => "pilotage",
        (Topic::Steering, Es) => "comité",
        (Topic::Steering, _) => "steering",
        (Topic::Documentation, Fr) => "documentation",
        (Topic::Documentation, Es) => "documentación",
        (Topic::Documentation, _) => "docs",
        (Topic::Other, _) => "",
    }
}

/// The other help topics, as commands.
pub fn more_topics(commands: &str, lang: Language) -> String {
    match lang {
        Fr => format!("Aussi : {commands}"),
        Es => format!("También: {commands}"),
        _ => format!("Also: {commands}"),
    }
}

/// The `!help` text: at most four lines.
pub fn small_talk(talk: super::intent::Talk, lang: Language) -> &'static str {
    use super::intent::Talk;
    match (talk, lang) {
        (Talk::Greeting, Fr) => {
            "Bonjour ! Je réponds aux questions sur les rencontres de la communauté et sur où trouver de l'aide. Tapez !help pour voir ce que je sais faire."
        }
        (Talk::Greeting, Es) => {
            "¡Hola! Respondo a preguntas sobre los encuentros de la comunidad y sobre dónde encontrar ayuda. Escriba !help para ver lo que sé hacer."
        }
        (Talk::Greeting, _) => {
            "Hello! I answer questions about the community's gatherings and where to get help. Type !help to see what I can answer."
        }
        (Talk::Thanks, Fr) => "Avec plaisir ! Tapez !help pour voir ce que je sais faire.",
        (Talk::Thanks, Es) => "¡De nada! Escriba !help para ver lo que sé hacer.",
        (Talk::Thanks, _) => "You're welcome! Type !help to see what I can answer.",
        (Talk::Identity, Fr) => {
            "Je suis crieur, le crieur public de la communauté : je lis son site et je réponds aux questions sur ses rencontres (quand, où, comment s'inscrire) et sur où trouver de l'aide. Tapez !next pour le prochain événement, !help pour le reste."
        }
        (Talk::Identity, Es) => {
            "Soy crieur, el pregonero de la comunidad: leo su sitio y respondo a preguntas sobre sus encuentros (cuándo, dónde, cómo inscribirse) y sobre dónde encontrar ayuda. Escriba !next para el próximo evento, !help para el resto."
        }
        (Talk::Identity, _) => {
            "I am crieur, the community's town crier: I read its website and answer questions about its gatherings (when, where, how to register) and where to get help. Type !next for the next gathering, !help for the rest."
        }
    }
}

pub fn help(lang: Language) -> [&'static str; 4] {
    match lang {
        Fr => [
            "!next [mots] : le prochain événement · !events [mots] : les événements à venir",
            "!event <mots> : quand et où · !register [mots] : comment et jusqu'à quand s'inscrire",
            "!contact [sujet] : listes de diffusion, discussion, bugs, sécurité",
            "Ou posez votre question : « c'est quand la prochaine rencontre ? »",
        ],
        Es => [
            "!next [palabras]: el próximo evento · !events [palabras]: los eventos próximos",
            "!event <palabras>: cuándo y dónde · !register [palabras]: cómo y hasta cuándo inscribirse",
            "!contact [tema]: listas de correo, chat, errores, seguridad",
            "O haga su pregunta: «¿cuándo es el próximo encuentro?»",
        ],
        _ => [
            "!next [words]: the next event · !events [words]: upcoming events",
            "!event <words>: when and where · !register [words]: how and until when to register",
            "!contact [topic]: mailing lists, chat, bugs, security",
            "Or just ask: \"when is the next meetup?\"",
        ],
    }
}

pub fn in_lang(
    en: &'static str,
    fr: &'static str,
    es: &'static str,
    lang: Language,
) -> &'static str {
    match lang {
        Fr => fr,
        Es => es,
        _ => en,
    }
}

/// French puts a space before a colon.
pub fn colon(lang: Language) -> &'static str {
    match lang {
        Fr => " : ",
        _ => ": ",
    }
}

/// "Nothing this week. " before the next gathering.
pub fn nothing_in(window: super::intent::Window, lang: Language) -> &'static str {
    use super::intent::Window;
    match (window, lang) {
        (Window::Week, Fr) => "Rien cette semaine. ",
        (Window::Week, Es) => "Nada esta semana. ",
        (Window::Week, _) => "Nothing this week. ",
        (Window::Weekend, Fr) => "Rien ce week-end. ",
        (Window::Weekend, Es) => "Nada este fin de semana. ",
        (Window::Weekend, _) => "Nothing this weekend. ",
        (Window::Month, Fr) => "Rien ce mois-ci. ",
        (Window::Month, Es) => "Nada este mes. ",
        (Window::Month, _) => "Nothing this month. ",
        (Window::NextMonth, Fr) => "Rien le mois prochain. ",
        (Window::NextMonth, Es) => "Nada el mes que viene. ",
        (Window::NextMonth, _) => "Nothing next month. ",
        (Window::InMonth(_), Fr) => "Rien ce mois-là. ",
        (Window::InMonth(_), Es) => "Nada ese mes. ",
        (Window::InMonth(_), _) => "Nothing that month. ",
        (Window::Year, Fr) => "Rien d'ici la fin de l'année. ",
        (Window::Year, Es) => "Nada de aquí a fin de año. ",
        (Window::Year, _) => "Nothing for the rest of the year. ",
        (Window::NextWeek, Fr) => "Rien la semaine prochaine. ",
        (Window::NextWeek, Es) => "Nada la semana que viene. ",
        (Window::NextWeek, _) => "Nothing next week. ",
        (Window::Day(..) | Window::Weekday(_) | Window::InDays(_), Fr) => "Rien ce jour-là. ",
        (Window::Day(..) | Window::Weekday(_) | Window::InDays(_), Es) => "Nada ese día. ",
        (Window::Day(..) | Window::Weekday(_) | Window::InDays(_), _) => "Nothing that day. ",
        (Window::Season(_), Fr) => "Rien cette saison. ",
        (Window::Season(_), Es) => "Nada en esa temporada. ",
        (Window::Season(_), _) => "Nothing that season. ",
        (Window::Within(_), Fr) => "Rien dans ce délai. ",
        (Window::Within(_), Es) => "Nada en ese plazo. ",
        (Window::Within(_), _) => "Nothing in that time. ",
        (Window::Soon | Window::Upcoming, Fr) => "Rien dans les prochaines semaines. ",
        (Window::Soon | Window::Upcoming, Es) => "Nada en las próximas semanas. ",
        (Window::Soon | Window::Upcoming, _) => "Nothing in the coming weeks. ",
    }
}
