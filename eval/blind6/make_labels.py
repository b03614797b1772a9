#!/usr/bin/env python3
"""Writes labels.json for the blind6 (Aire Común) Hugo site. Written by hand, blind.
Paths are relative to the site root (eval/blind6/site). A post's language comes from
Hugo's conventions: `content/es/`, `content/fr/` (contentDir per language in hugo.toml),
a `.es.md` / `.fr.md` suffix, else the default language (en)."""
import datetime, json, os, re

P = []

def post(file, lang, events=(), deadlines=(), reg=None):
    P.append({"file": file, "lang": lang, "events": list(events),
              "deadlines": [{"date": d, "kind": k} for d, k in deadlines],
              "registration_url": reg})

def ev(title, start, end=None, st=None, et=None, place=None, primary=False):
    return {"title": title, "start": start, "end": end or start, "start_time": st,
            "end_time": et, "place": place, "primary": primary}

C, ES, FR = "content/", "content/es/", "content/fr/"
CDMX = "Ciudad de México"

# ---------------------------------------------------------------- pages
post(C + "_index.md", "en")
post(C + "about.md", "en")
post(C + "contact.md", "en")
post(ES + "codigo-de-conducta.md", "es")
post(FR + "a-propos.md", "fr")

# ---------------------------------------------------------------- 2018
post(ES + "posts/bienvenidos-a-aire-comun.md", "es")
post(ES + "posts/taller-armado-nodos-cdmx.md", "es",
     [ev("Taller de armado de nodos", "2018-05-26", None, "10:00", "14:00", CDMX, True)],
     [("2018-05-23", "registration")], "https://forms.gle/AireCDMXtaller0526")
post(FR + "posts/atelier-capteurs-geneve.md", "fr",
     [ev("Atelier capteurs à Genève", "2018-06-21", None, "18:30", "21:30", "Genève", True)],
     reg="https://framaforms.org/atelier-capteurs-geneve-1527890123")
post(C + "posts/dublin-build-night.md", "en",
     [ev("Dublin build night", "2018-09-27", None, "18:30", "21:00", "Dublin", True)],
     reg="https://www.eventbrite.ie/e/aire-comun-dublin-build-night-tickets-49876543210")
post(C + "posts/encuentro-aire-comun-2018-santiago.es.md", "es",
     [ev("Encuentro Aire Común 2018", "2018-11-08", "2018-11-10", "09:30", "17:00", "Santiago", True)],
     [("2018-10-15", "registration"), ("2018-11-05", "registration")],
     "https://www.eventbrite.cl/e/encuentro-aire-comun-2018-entradas-50123456789")

# ---------------------------------------------------------------- 2019
post(C + "posts/rencontre-dakar-janvier.fr.md", "fr",
     [ev("Rencontre des contributeurs de Dakar", "2019-02-02", None, "10:00", None, "Dakar", True)])
post(ES + "eventos/jornada-calibracion-bogota/index.md", "es",
     [ev("Jornada de calibración colectiva", "2019-03-09", None, "09:00", "13:00", "Bogotá", True)],
     reg="https://www.meetup.com/aire-comun-bogota/events/259012345/")
post(C + "posts/firmware-1-1-3.md", "en")
post(ES + "posts/firmware-1-2.md", "es")
post(ES + "posts/convocatoria-encuentro-2019-medellin.md", "es",
     [ev("Encuentro Aire Común 2019", "2019-10-17", "2019-10-19", None, None, "Medellín", True)],
     [("2019-09-15", "proposal"), ("2019-09-20", "other")])
post(FR + "posts/nouvelle-carte-en-ligne.md", "fr")
post(C + "posts/cronica-encuentro-2019.es.md", "es",
     [ev("Encuentro Aire Común 2019 (crónica)", "2019-10-17", "2019-10-19", None, None, "Medellín", True),
      ev("Encuentro Aire Común 2020", "2020-05", "2020-05", None, None, CDMX)])
post(C + "events/bengaluru-sensor-walk/index.md", "en",
     [ev("Sensor walk and data jam", "2019-12-08", None, "07:00", "10:30", "Bengaluru", True)],
     [("2019-12-05", "registration")], "https://forms.gle/BlrSensorWalkDec2019")

# ---------------------------------------------------------------- 2020
# postponed: labelled at the new dates (primary) and at the dates first announced
post(ES + "posts/encuentro-2020-pospuesto.md", "es",
     [ev("Encuentro Aire Común 2020 (nueva fecha)", "2020-10-15", "2020-10-17", None, None, CDMX, True),
      ev("Encuentro Aire Común 2020 (fecha original, pospuesto)", "2020-05-21", "2020-05-23", None, None, CDMX)],
     [("2020-06-30", "proposal")])
post(C + "posts/apac-community-call-may-2020.md", "en",
     [ev("Asia-Pacific community call", "2020-05-20", None, "19:00", None, "online", True)],
     reg="https://us02web.zoom.us/meeting/register/tZAirecomunAPAC2020")
post(ES + "posts/ciclo-llamadas-octubre-2020.md", "es",
     [ev("Llamada 1: Calibración", "2020-10-08", None, "19:00", "20:30", "online", True),
      ev("Llamada 2: Nodos en escuelas", "2020-10-15", None, "19:00", "20:30", "online"),
      ev("Llamada 3: Firmware 2.0", "2020-10-22", None, "19:00", "20:30", "online"),
      ev("Llamada 4: Asamblea abierta", "2020-10-29", None, "19:00", "20:30", "online")])
post(FR + "posts/webinaire-capteurs-ecoles.md", "fr",
     [ev("Webinaire : des capteurs dans les écoles", "2020-12-08", None, "14:00", "15:30", "online", True)],
     [("2020-12-04", "registration")], "https://framaforms.org/webinaire-capteurs-ecoles-1606123456")

# ---------------------------------------------------------------- 2021
post(C + "posts/air-quality-data-report-2020.md", "en")
post(ES + "posts/taller-hibrido-valparaiso.md", "es",
     [ev("Taller híbrido de armado de nodos", "2021-04-24", None, "10:00", "13:00", "Valparaíso", True)],
     [("2021-04-22", "registration")], "https://forms.gle/ValpoTallerAbril21")
post(FR + "evenements/journee-romande-2021/index.md", "fr",
     [ev("Journée romande Aire Común", "2021-10-02", None, "09:00", "17:00", "Lausanne", True)],
     [("2021-09-27", "registration")], "https://framaforms.org/journee-romande-2021-1631456789")
post(ES + "posts/resultados-fondo-semilla-2021.md", "es")

# ---------------------------------------------------------------- 2022
post(ES + "posts/convocatoria-encuentro-2022-madrid.md", "es",
     [ev("Encuentro Aire Común 2022", "2022-06-02", "2022-06-04", "09:00", "14:00", "Madrid", True)],
     [("2022-04-03", "proposal"), ("2022-04-10", "other")])
post(FR + "posts/resultats-vote-statuts.md", "fr")
MADRID = [ev("Encuentro Aire Común 2022", "2022-06-02", "2022-06-04", "09:00", "14:00", "Madrid", True),
          ev("Sprint de firmware", "2022-06-05", None, "10:00", "16:00", "Madrid")]
MADRID_DL = [("2022-05-15", "registration"), ("2022-05-29", "registration"), ("2022-05-10", "other")]
post(C + "events/encuentro-2022-madrid/index.es.md", "es", MADRID, MADRID_DL,
     "https://pretix.eu/airecomun/madrid2022/")
post(C + "events/encuentro-2022-madrid/index.md", "en",
     [dict(e, title=t) for e, t in zip(MADRID, ["Encuentro Aire Común 2022", "Firmware sprint"])],
     MADRID_DL, "https://pretix.eu/airecomun/madrid2022/")
post(C + "posts/melbourne-hack-day.md", "en",
     [ev("Melbourne hack day", "2022-09-17", None, "09:30", "16:00", "Melbourne", True)],
     reg="https://events.humanitix.com/aire-comun-melbourne-hack-day")
post(ES + "posts/hackaton-datos-aire-guadalajara.md", "es",
     [ev("Hackatón de datos del aire", "2022-09-23", "2022-09-24", "18:00", "18:00", "Guadalajara", True)],
     [("2022-09-21", "registration")], "https://lu.ma/aire-hackaton-gdl-2022")
post(FR + "posts/sprint-firmware-grenoble.md", "fr",
     [ev("Sprint micrologiciel", "2022-11-18", "2022-11-20", "14:00", "16:00", "Grenoble", True)],
     [("2022-11-04", "proposal"), ("2022-11-01", "other")],
     "https://framaforms.org/sprint-firmware-grenoble-1665987654")

# ---------------------------------------------------------------- 2023
post(C + "posts/cork-meetup-february.md", "en",
     [ev("Cork meetup", "2023-02-21", None, "19:00", "21:00", "Cork", True)],
     reg="https://www.meetup.com/aire-comun-cork/events/291234567/")
post(ES + "posts/talleres-escolares-cali-2023.md", "es",
     [ev("Taller docentes 1: Armado del nodo", "2023-03-18", None, "09:00", "12:00", "Cali", True),
      ev("Taller docentes 2: Instalación y mantenimiento", "2023-04-01", None, "09:00", "12:00", "Cali"),
      ev("Taller docentes 3: Los datos en el aula", "2023-04-15", None, "09:00", "12:00", "Palmira"),
      ev("Taller docentes 4: Proyectos de los estudiantes", "2023-04-29", None, "09:00", "12:00", "Cali")],
     [("2023-03-14", "registration")], "https://forms.gle/CaliDocentes2023")
post(FR + "posts/formation-animateurs-saint-louis.md", "fr",
     [ev("Formation d'animateurs", "2023-05-15", "2023-05-17", "09:00", "17:00", "Saint-Louis", True)],
     [("2023-04-30", "registration"), ("2023-05-05", "other")], "https://forms.gle/FormationUGB2023")
post(C + "posts/pune-node-building-workshop.md", "en",
     [ev("Two-day node-building workshop", "2023-07-14", "2023-07-15", "10:00", "17:00", "Pune", True)],
     [("2023-07-07", "registration")], "https://forms.gle/PuneNodeWorkshop2023")
post(C + "posts/cronica-encuentro-2023-bogota.es.md", "es",
     [ev("Encuentro Aire Común 2023 (crónica)", "2023-06-22", "2023-06-24", None, None, "Bogotá", True)])
post(FR + "posts/retour-rencontres-lille-2023.md", "fr",
     [ev("Rencontres francophones 2023 (compte rendu)", "2023-10-20", "2023-10-21", None, None, "Lille", True),
      ev("Rencontres francophones 2024", "2024-11", "2024-11", None, None, "Dakar")])

# ---------------------------------------------------------------- 2024
post(ES + "posts/encuentro-2024-concepcion.md", "es",
     [ev("Encuentro Aire Común 2024", "2024-10-03", "2024-10-05", None, None, "Concepción", True)],
     [("2024-03-31", "proposal"), ("2024-04-15", "other")])
post(C + "posts/adelaide-community-day.md", "en",
     [ev("Adelaide community day", "2024-03-16", None, "10:00", "15:00", "Adelaide", True),
      ev("Sydney chapter meetup", "2024-04-06", None, "14:00", None, "Sydney")],
     reg="https://lu.ma/airecomun-adelaide-mar24")
post(ES + "posts/campana-calibracion-2024.md", "es")
post(C + "posts/rencontres-francophones-2024-dakar.fr.md", "fr",
     [ev("Rencontres francophones 2024", "2024-11-21", "2024-11-23", None, None, "Dakar", True)],
     [("2024-09-15", "proposal"), ("2024-10-31", "registration"), ("2024-09-30", "other")],
     "https://forms.gle/RencontresDakar2024")
post(C + "posts/security-advisory-fw-2-4.md", "en")
post(ES + "posts/nos-juntamos-en-monterrey.md", "es",
     [ev("Reunión del nodo Monterrey", "2024-11-14", None, "18:00", "20:30", "Monterrey", True)],
     reg="https://www.meetup.com/aire-comun-mty/events/304512345/")

# ---------------------------------------------------------------- 2025
post(FR + "posts/atelier-toulouse-annule.md", "fr",
     [ev("Atelier de montage (annulé)", "2025-02-08", None, "14:00", "17:00", "Toulouse", True)])
post(C + "posts/dublin-sensor-weekend-2025.md", "en",
     [ev("Dublin Sensor Weekend 2025", "2025-04-12", "2025-04-13", None, None, "Dublin", True)],
     [("2025-02-28", "proposal"), ("2025-03-21", "other"), ("2025-04-06", "registration")],
     "https://ti.to/aire-comun/dublin-sensor-weekend-2025")
post(ES + "posts/encuentro-2025-valencia.md", "es",
     [ev("Encuentro Aire Común 2025", "2025-05-10", "2025-05-11", "09:30", "14:00", "Valencia", True)],
     [("2025-03-09", "proposal"), ("2025-03-31", "registration")],
     "https://www.eventbrite.es/e/encuentro-aire-comun-2025-valencia-entradas-987654321012")
post(FR + "posts/apero-capteurs-sion.md", "fr",
     [ev("Apéro capteurs", "2025-10-09", None, "18:30", None, "Sion", True)])
post(C + "posts/2025-year-in-review.md", "en")

# ---------------------------------------------------------------- 2026
# front matter eventDate = 2025-05-10 is left over from the Valencia post: not used
post(ES + "posts/encuentro-2026-cdmx.md", "es",
     [ev("Encuentro Aire Común 2026", "2026-10-15", "2026-10-17", None, None, CDMX, True)],
     [("2026-05-15", "proposal"), ("2026-05-31", "other")])

# ---------------------------------------------------------------- sanity checks
here = os.path.dirname(os.path.abspath(__file__))
site = os.path.join(here, "site")
files = set()
for root, _, fs in os.walk(os.path.join(site, "content")):
    for f in fs:
        if f.endswith(".md"):
            files.add(os.path.relpath(os.path.join(root, f), site))
labelled = [p["file"] for p in P]
assert len(labelled) == len(set(labelled)), "duplicate entries"
assert files == set(labelled), (files - set(labelled), set(labelled) - files)

def lang_of(path):
    m = re.search(r"\.(es|fr|en)\.md$", path)
    if m:
        return m.group(1)
    m = re.match(r"content/(es|fr)/", path)
    return m.group(1) if m else "en"

def date_ok(s):
    if re.fullmatch(r"\d{4}-\d{2}", s):
        datetime.date.fromisoformat(s + "-01")
    else:
        datetime.date.fromisoformat(s)

for p in P:
    path = os.path.join(site, p["file"])
    text = open(path, encoding="utf-8").read()
    assert lang_of(p["file"]) == p["lang"], p["file"]
    if p["events"]:
        assert sum(e["primary"] for e in p["events"]) == 1, p["file"]
    for e in p["events"]:
        date_ok(e["start"]); date_ok(e["end"])
        assert e["end"] >= e["start"], p["file"]
        for t in (e["start_time"], e["end_time"]):
            assert t is None or re.fullmatch(r"[0-2]\d:[0-5]\d", t), p["file"]
    for d in p["deadlines"]:
        datetime.date.fromisoformat(d["date"])
        assert d["kind"] in ("registration", "proposal", "other"), p["file"]
        assert p["events"], p["file"]
    if p["registration_url"]:
        assert p["registration_url"] in text, p["file"]

json.dump({"corpus": "blind6", "posts": P},
          open(os.path.join(here, "labels.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
n_ev = sum(len(p["events"]) for p in P)
n_dl = sum(len(p["deadlines"]) for p in P)
n_reg = sum(1 for p in P if p["registration_url"])
n_with = sum(1 for p in P if p["events"])
by_lang = {}
for p in P:
    by_lang[p["lang"]] = by_lang.get(p["lang"], 0) + 1
print(len(P), "entries", by_lang, ";", n_with, "with events,", n_ev, "events,",
      n_dl, "deadlines,", n_reg, "registration urls")
