#!/usr/bin/env python3
"""Writes questions.json for blind5 (Cartonera). Times are America/Chicago local."""
import datetime, json, os
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/Chicago")
Q = []

def now(s):
    d = datetime.datetime.fromisoformat(s).replace(tzinfo=TZ)
    return d.isoformat()

def q(when, ask, must=None, must_any=None, must_not=None):
    x = {"now": now(when), "ask": ask}
    if must: x["must"] = must
    if must_any: x["must_any"] = must_any
    if must_not: x["must_not"] = must_not
    Q.append(x)

def en(y, m, d, mon, mon3):
    return [f"{mon} {d}", f"{d} {mon}", f"{y}-{m:02d}-{d:02d}", f"{mon3} {d}", f"{m}/{d}"]

def es(y, m, d, mes):
    return [f"{d} de {mes}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}", f"{d}/{m}"]

def fr(y, m, d, mois):
    return [f"{d} {mois}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}"]

DK_EN = ["don't know", "do not know", "no information", "couldn't find", "could not find",
         "can't find", "cannot find", "not find", "unknown", "no event", "no upcoming",
         "nothing", "none", "not aware", "no chapter", "no gathering", "no meetup"]
DK_ES = ["no sé", "no lo sé", "no tengo", "no encuentro", "no encontré", "no hay", "ningún",
         "ninguna", "desconozco", "sin información", "no consta", "no aparece"]
DK_FR = ["aucun", "pas d'", "pas de", "rien", "ne sais pas", "je ne connais", "introuvable",
         "inconnu"]

q("2019-03-10T10:00", "hey, when's the spring fix-a-thon and where is it?",
  must_any=[en(2019, 3, 23, "March", "Mar"), ["Midtown Greenway", "Minneapolis"]])
q("2019-03-10T10:00", "how do I RSVP for the fix-a-thon?",
  must=["meetup.com/cartonera-mpls/events/259871234"])
q("2019-05-25T10:00", "¿hasta cuándo me puedo inscribir a la bicicletada de Rosario?",
  must_any=[es(2019, 6, 5, "junio")])
q("2019-09-05T10:00", "c'est quand l'atelier vélo de la rentrée à Lyon ? faut s'inscrire ?",
  must=["framaforms.org/atelier-velo-cartonera-lyon-1567012345"],
  must_any=[fr(2019, 9, 21, "septembre")])
q("2020-01-20T10:00", "What's the deadline for Summit 2020 talk proposals?",
  must_any=[en(2020, 2, 28, "February", "Feb")])
q("2020-03-25T10:00", "¿al final se hace el taller de Valparaíso del 28 de marzo?",
  must_any=[["suspend", "cancel", "anulad", "pospu", "aplaz"]])
q("2020-04-30T10:00", "la permanence de mai à Montréal, c'est sur place ou en ligne ?",
  must_any=[["en ligne", "online", "Jitsi", "meet.jit.si"], fr(2020, 5, 7, "mai")])
q("2020-10-10T10:00", "Is the Summit this year online? How do I sign up?",
  must=["lu.ma/cartonera-summit-2020"], must_any=[["online", "Zoom", "en ligne"]])
q("2021-06-16T10:00", "Est-ce qu'on peut suivre la Journée Cartonera de Liège à distance ?",
  must_any=[["direct", "PeerTube", "tube.example-cycle.org", "hybride", "stream", "diffus"]])
q("2021-09-20T10:00", "when's the next fix-it clinic in Chicago?",
  must_any=[en(2021, 10, 2, "October", "Oct")])
q("2022-02-01T10:00", "¿la quedada de Zaragoza de febrero es presencial?",
  must_any=[["online", "Jitsi", "en línea", "meet.jit.si", "virtual"]])
q("2022-03-20T10:00", "CfP for Madison closes when?",
  must_any=[en(2022, 4, 3, "April", "Apr")])
q("2022-05-01T10:00", "How much longer does the early bird for the Madison summit last, and where do I buy tickets?",
  must=["eventbrite.com/e/cartonera-summit-2022-tickets-311122334455"],
  must_any=[en(2022, 5, 15, "May", "May")])
q("2022-05-10T10:00", "Is there anything going on before the Summit starts? I'm getting into Madison on Wednesday",
  must_any=[en(2022, 6, 22, "June", "Jun")])
q("2022-06-01T10:00", "Nantes, le prochain atelier c'est où et quand ?",
  must=["Hangar"], must_any=[fr(2022, 6, 11, "juin")])
q("2022-11-10T10:00", "¿Qué hay este mes por Montevideo? Me enteré de una bicicletada",
  must_any=[es(2022, 11, 25, "noviembre")])
q("2022-11-10T10:00", "¿hasta cuándo se pueden mandar propuestas para el Encuentro de Guadalajara?",
  must_any=[es(2023, 1, 15, "enero")])
q("2023-01-20T10:00", "¿Dónde me inscribo al Encuentro 2023 y hasta cuándo hay tiempo?",
  must=["eventbrite.com.mx/e/encuentro-cartonera-2023-guadalajara-tickets-498877665544"],
  must_any=[es(2023, 3, 20, "marzo")])
q("2023-01-20T10:00", "when exactly is the encuentro in Guadalajara? thinking of booking flights",
  must_any=[en(2023, 3, 30, "March", "Mar") + ["30 de marzo"],
            en(2023, 4, 2, "April", "Apr") + ["2 de abril"]])
q("2023-03-01T10:00", "y a-t-il bientôt un atelier vélo d'hiver à Québec ? c'est où ?",
  must=["Saint-Jean"], must_any=[fr(2023, 3, 9, "mars")])
q("2023-06-15T10:00", "what time does the Toronto night ride start and when does it end?",
  must_any=[["10pm", "10 pm", "22:00", "10:00 pm", "10 p.m.", "10:00pm"],
            ["2am", "2 am", "02:00", "2:00 am", "2 a.m.", "2:00am"]])
q("2023-09-25T10:00", "¿cuándo es el próximo taller en Sevilla?",
  must_any=[es(2023, 10, 21, "octubre")])
q("2023-11-05T10:00", "Pour l'atelier de Lyon en décembre, il faut s'inscrire avant quand ?",
  must_any=[fr(2023, 11, 29, "novembre")])
q("2024-07-01T10:00", "where do I get tickets for Portland, and until when is the early bird?",
  must=["ti.to/cartonera/summit-2024"], must_any=[en(2024, 7, 15, "July", "Jul")])
q("2024-09-01T10:00", "Comment je m'inscris à l'atelier de rentrée à Bruxelles ?",
  must=["inscription-ateliers"])
q("2024-11-05T10:00", "what time is the community call next week, and is it on zoom?",
  must_any=[["noon", "12:00", "12 pm", "12pm", "midday", "12 p.m."]])
q("2025-01-10T10:00", "¿cuál es el plazo para mandar charlas al Encuentro de Valparaíso?",
  must_any=[es(2025, 1, 31, "enero")])
q("2025-03-01T10:00", "me quiero inscribir al Encuentro de Valparaíso, ¿dónde me inscribo y cuándo termina la entrada anticipada?",
  must=["eventbrite.cl/e/encuentro-cartonera-2025-valparaiso-entradas-1122334455667"],
  must_any=[es(2025, 3, 15, "marzo")])
q("2025-04-20T10:00", "Les Rencontres francophones, c'est quand et où ? Et on peut encore proposer une présentation jusqu'à quand ?",
  must=["Montréal"], must_any=[fr(2025, 6, 13, "juin"), fr(2025, 5, 2, "mai")])
q("2025-10-01T10:00", "next fix-it clinic in Minneapolis? same place as usual?",
  must=["Franklin"], must_any=[en(2025, 10, 18, "October", "Oct")])
q("2026-02-01T10:00", "Summit 2026: when is it, and can I join remotely? can't travel this year",
  must=["Toronto"], must_any=[en(2026, 7, 16, "July", "Jul"),
                              ["hybrid", "stream", "remote", "online", "livestream"]])
q("2026-03-05T10:00", "!next",
  must_any=[en(2026, 3, 14, "March", "Mar") + ["14 de marzo", "14 mars"]])
q("2026-03-10T10:00", "Qu'est-ce qui est prévu en mars ?",
  must_any=[fr(2026, 3, 28, "mars") + ["March 28"], fr(2026, 3, 14, "mars") + ["March 14", "14 de marzo"]])
q("2024-03-01T10:00", "where do I report a security vulnerability in cartonera tools?",
  must=["security@example-cycle.org"])
q("2023-05-01T10:00", "¿hay lista de correo o algún chat donde preguntar dudas?",
  must_any=[["lists.example-cycle.org", "matrix", "Matrix", "Libera"]])
q("2025-06-20T10:00", "où est-ce que je signale une erreur sur la carte ? il manque une piste cyclable",
  must=["codeberg.org/cartonera/cartonera-tools/issues"])
# things the site does not have
q("2025-05-01T10:00", "when is the next Cartonera meetup in Berlin?", must_any=[DK_EN])
q("2024-05-01T10:00", "¿Cuándo es el próximo taller en Lima?", must_any=[DK_ES])
q("2025-11-20T10:00", "Y a-t-il un atelier vélo à Marseille prochainement ?", must_any=[DK_FR])
q("2026-08-01T10:00", "what's the next event?",
  must_not=["July 16", "16 July", "2026-07-16", "March 28", "2026-03-28"], must_any=[DK_EN])

here = os.path.dirname(os.path.abspath(__file__))
json.dump({"corpus": "blind5", "site": "site", "base_url": "https://example-cycle.org",
           "timezone": "America/Chicago", "questions": Q},
          open(os.path.join(here, "questions.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
print(len(Q), "questions")
