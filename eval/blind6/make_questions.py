#!/usr/bin/env python3
"""Writes questions.json for blind6 (Aire Común). `now` is given in America/Mexico_City
local time (the site's time zone) and stored with its offset. Written blind."""
import datetime, json, os
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/Mexico_City")
Q = []

def now(s):
    return datetime.datetime.fromisoformat(s).replace(tzinfo=TZ).isoformat()

def q(when, ask, must=None, must_any=None, must_not=None):
    x = {"now": now(when), "ask": ask}
    if must: x["must"] = must
    if must_any: x["must_any"] = must_any
    if must_not: x["must_not"] = must_not
    Q.append(x)

MON = ["January", "February", "March", "April", "May", "June", "July", "August",
       "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
       "septiembre", "octubre", "noviembre", "diciembre"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]

def suf(d):
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")

def common(y, m, d):
    return [f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}", f"{d}/{m}/"]

def en(y, m, d, d2=None):
    M = MON[m - 1]
    out = [f"{d} {M}", f"{d}{suf(d)} {M}", f"{M} {d}", f"{M[:3]} {d}", f"{d} {M[:3]}",
           f"{d}{suf(d)} of {M}"] + common(y, m, d)
    if d2:
        out += [f"{d}-{d2} {M}", f"{d}–{d2} {M}", f"{d}{suf(d)} and", f"{d}{suf(d)} to",
                f"{d}{suf(d)}-", f"{d}{suf(d)}–"]
    return out

def es(y, m, d, d2=None):
    M = MES[m - 1]
    out = [f"{d} de {M}"] + common(y, m, d)
    if d2:
        out += [f"{d} al {d2} de {M}", f"{d} y {d2} de {M}", f"{d} y domingo {d2} de {M}",
                f"{d}-{d2} de {M}", f"{d}–{d2} de {M}"]
    return out

def fr(y, m, d, d2=None):
    M = MOIS[m - 1]
    out = [f"{d} {M}", f"{d:02d}.{m:02d}", f"{d}.{m}."] + common(y, m, d)
    if d == 1:
        out.append(f"1er {M}")
    if d2:
        out += [f"{d} au {d2} {M}", f"{d} et {d2} {M}", f"{d} au samedi {d2} {M}",
                f"{d} au dimanche {d2} {M}", f"{d}-{d2} {M}", f"{d}–{d2} {M}"]
    return out

DK_EN = ["don't know", "do not know", "no information", "couldn't find", "could not find",
         "can't find", "cannot find", "not find", "didn't find", "no upcoming", "no event",
         "nothing", "none", "not aware", "no meetup", "no gathering", "isn't any",
         "aren't any", "is no ", "are no ", "not listed", "no record"]
DK_ES = ["no sé", "no lo sé", "no tengo", "no encuentro", "no encontré", "no hay",
         "ningún", "ninguna", "desconozco", "sin información", "no consta", "no aparece",
         "no figura", "no está previsto", "no tenemos"]
DK_FR = ["aucun", "aucune", "pas d'", "pas de", "rien", "ne sais pas", "je ne connais",
         "introuvable", "inconnu", "n'ai trouvé", "ne trouve"]

# ------------------------------------------------------------------ 2018
q("2018-05-10T20:00", "¿cuánto cuesta el taller de armado en la CDMX y hasta cuándo me puedo inscribir?",
  must_any=[["450"], es(2018, 5, 23) + ["miércoles 23"]])
q("2018-06-10T09:00", "Bonjour, l'atelier de Genève c'est quel jour et à quelle heure ?",
  must_any=[fr(2018, 6, 21), ["18h30", "18:30", "18 h 30"]])
q("2018-09-15T12:00", "hi, is there anything happening in Dublin soon? I'd love to learn to solder",
  must_any=[en(2018, 9, 27), ["Tinkerage", "Francis Street"]])
q("2018-10-05T18:00", "q onda, cuando es el encuentro de santiago y donde es exactamente?",
  must_any=[es(2018, 11, 8, 10), ["Beauchef", "Ciencias Físicas"]])

# ------------------------------------------------------------------ 2019
q("2019-01-20T08:00", "Salam, la rencontre de Dakar c'est en janvier ou en février ? Et où exactement ?",
  must_any=[fr(2019, 2, 2), ["Ker Xam", "Sicap"]])
q("2019-02-25T19:00", "Tengo un nodo en Bogotá que marca más que la estación oficial. ¿Cuándo es la "
  "jornada de calibración y dónde me registro?",
  must_any=[es(2019, 3, 9), ["meetup.com/aire-comun-bogota"]])
q("2019-08-25T22:00", "hasta cuando puedo mandar una charla para el encuentro de medellin",
  must_any=[es(2019, 9, 15)])
q("2019-09-01T10:00", "¿Hay becas para viajar a Medellín? ¿cuál es el plazo para pedirlas?",
  must_any=[es(2019, 9, 20)])
q("2019-11-25T21:00", "is the Bengaluru sensor walk early morning? what time should I reach Cubbon Park",
  must_any=[["7.00", "7:00", "07:00", "7 am", "7am"]])

# ------------------------------------------------------------------ 2020
q("2020-03-20T11:00", "¿sigue en pie el Encuentro de mayo en CDMX o lo cancelaron?",
  must_any=[es(2020, 10, 15, 17)])
q("2020-05-10T17:00", "APAC call - is it online? what time does it start in Melbourne?",
  must_any=[["7pm", "7 pm", "19:00", "7:00 pm", "7.00pm"], ["Zoom", "online"]])
q("2020-10-01T13:00", "cuál es el link de las llamadas de los jueves? hay que registrarse?",
  must=["meet.jit.si/AireComunLlamadas"])
q("2020-10-16T10:00", "¿De qué trata la llamada de la próxima semana?",
  must_any=[es(2020, 10, 22) + ["jueves 22"], ["firmware", "Firmware"]])
q("2020-11-25T07:00", "le webinaire sur les écoles, il faut s'inscrire ? c'est sur quelle plateforme ?",
  must_any=[["framaforms.org/webinaire-capteurs-ecoles"], ["BigBlueButton", "bbb.example-aire.org"]])

# ------------------------------------------------------------------ 2021
q("2021-04-15T16:00", "oigan, el taller de valpo es presencial o online?",
  must_any=[["híbrido", "hibrido", "YouTube", "presencial y", "ambos", "las dos"],
            es(2021, 4, 24) + ["sábado 24"]])
q("2021-09-20T02:00", "jusqu'à quand peut-on s'inscrire à la journée romande de Lausanne ?",
  must_any=[fr(2021, 9, 27)])

# ------------------------------------------------------------------ 2022
q("2022-05-01T09:00", "Going to Madrid in June - when does the early bird end, and is there anything "
  "on the Sunday?",
  must_any=[en(2022, 5, 15) + ["15/05"], ["sprint", "Sprint"]])
q("2022-09-01T18:00", "Melbourne hack day - where is it and do I need a ticket?",
  must_any=[["Brunswick Mechanics", "270 Sydney Road"], ["humanitix"]])
q("2022-09-10T23:00", "el hackaton de gdl es toda la noche?? a que hora termina",
  must_any=[es(2022, 9, 24) + ["sábado 24"], ["18:00", "18 h", "6 pm", "18 hrs", "18h", "6 de la tarde"]])
q("2022-10-20T09:00", "On peut proposer des sujets pour le sprint de Grenoble jusqu'à quand ?",
  must_any=[fr(2022, 11, 4)])

# ------------------------------------------------------------------ 2023
q("2023-02-01T14:00", "cork meetup, what day is that and where",
  must_any=[en(2023, 2, 21), ["City Library", "Grand Parade"]])
q("2023-03-08T20:00", "soy profe en Palmira, ¿hay algún taller cerca de mí?",
  must_any=[es(2023, 4, 15), ["Biblioteca Municipal"]])
q("2023-04-20T06:00", "Je suis de Louga. Est-ce que le transport est pris en charge pour la formation "
  "de Saint-Louis, et avant quand faut-il le demander ?",
  must_any=[fr(2023, 5, 5)])
q("2023-05-01T12:00", "encontré un error en el firmware de mi nodo, ¿dónde lo reporto?",
  must=["codeberg.org/airecomun/airecomun-fw/issues"])
q("2023-06-20T03:00", "Pune workshop — how much does it cost and till when can I register?",
  must_any=[["1,500", "1500"], en(2023, 7, 7) + ["7/7"]])

# ------------------------------------------------------------------ 2024
q("2024-02-01T10:00", "¿Dónde es el Encuentro 2024? ¿Concepción es la ciudad o la persona? jaja",
  must_any=[["Universidad de Concepción", "Edmundo Larenas", "Facultad de Ingeniería"],
            es(2024, 10, 3, 5)])
q("2024-03-01T17:00", "When's the Adelaide community day? Also, anything on in Sydney?",
  must_any=[en(2024, 3, 16), en(2024, 4, 6) + ["6/4"]])
q("2024-03-01T17:00", "where do I report a security bug in the firmware?",
  must=["security@example-aire.org"])
q("2024-10-15T09:00", "Qu'est-ce qui est prévu le mois prochain ?",
  must_any=[["Dakar"], fr(2024, 11, 21, 23)])
q("2024-11-06T15:00", "el jueves 14 nos vemos en monterrey? en donde es",
  must_any=[["Café Laboratorio", "Padre Mier"]])

# ------------------------------------------------------------------ 2025
q("2025-01-25T11:00", "L'atelier de Toulouse du 8 février est toujours maintenu ?",
  must_any=[["annulé", "annule", "annulation"]])
q("2025-02-10T10:00", "until when can I submit a talk for the Dublin weekend?",
  must_any=[en(2025, 2, 28) + ["28/2"]])
q("2025-03-01T12:00", "me apunto al encuentro de Valencia, ¿cuánto cuesta y hasta cuándo dura el precio anticipado?",
  must_any=[["25 €", "25€", "25 euros", "€25"], es(2025, 3, 31)])
q("2025-09-20T12:00", "c'est à quelle heure l'apéro à Sion ? faut s'inscrire ?",
  must_any=[["18h30", "18:30", "18 h 30"]], must_not=["18:00", "18h00"])
q("2025-06-20T10:00", "Y a-t-il une liste de diffusion ou un salon de discussion pour poser des questions ?",
  must_any=[["lists.example-aire.org", "matrix", "Matrix"]])

# ------------------------------------------------------------------ 2026
q("2026-02-01T10:00", "¿Cuándo es el Encuentro 2026 y hasta cuándo se pueden mandar propuestas?",
  must_any=[es(2026, 10, 15, 17), es(2026, 5, 15)],
  must_not=["2025-05-10", "10 de mayo de 2025"])

# ------------------------------------------------------------------ not on the site
q("2019-01-05T10:00", "Is there an Aire Común event in Sydney this year?",
  must_any=[DK_EN], must_not=["2024-04-06", "6/4/2024", "6 April", "April 6"])
q("2025-06-01T10:00", "any meetups planned in Galway? I'm based there",
  must_any=[DK_EN], must_not=["21st February", "Grand Parade", "Hamilton Building"])
q("2026-06-01T10:00", "¿Hay algún encuentro o taller en Santiago de Chile este año?",
  must_any=[DK_ES], must_not=["8 de noviembre", "Beauchef"])
q("2025-11-01T10:00", "Y a-t-il une rencontre prévue à Lyon prochainement ?",
  must_any=[DK_FR], must_not=["9 octobre", "21 novembre"])

assert len(Q) == 40, len(Q)
here = os.path.dirname(os.path.abspath(__file__))
json.dump({"corpus": "blind6", "site": "site", "base_url": "https://example-aire.org",
           "timezone": "America/Mexico_City", "questions": Q},
          open(os.path.join(here, "questions.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
print(len(Q), "questions")
