#!/usr/bin/env python3
"""Writes labels.json for the blind5 (Cartonera) site. Written by hand, blind."""
import datetime, json, os, re

P = []

def post(file, lang, events=(), deadlines=(), reg=None):
    P.append({"file": file, "lang": lang, "events": list(events),
              "deadlines": [{"date": d, "kind": k} for d, k in deadlines],
              "registration_url": reg})

def ev(title, start, end=None, st=None, et=None, place=None, primary=False):
    return {"title": title, "start": start, "end": end or start, "start_time": st,
            "end_time": et, "place": place, "primary": primary}

E, S, F = "_posts/events/", "_posts/es/", "_posts/fr/"

post("_posts/2019-02-11-welcome-to-cartonera.md", "en")
post(E + "2019-03-04-minneapolis-spring-fix-a-thon.md", "en",
     [ev("Minneapolis Spring Fix-a-thon", "2019-03-23", None, "10:00", "15:00", "Minneapolis", True)],
     reg="https://www.meetup.com/cartonera-mpls/events/259871234/")
post(S + "2019-05-20-bicicletada-cartografica-rosario.md", "es",
     [ev("Bicicletada cartográfica por el Parque Independencia", "2019-06-08", None, "10:00", "13:00", "Rosario", True)],
     [("2019-06-05", "registration")], "https://forms.gle/rXc8TqN2bVp4Lm7a9")
post(F + "2019-09-02-atelier-velo-lyon-rentree.md", "fr",
     [ev("Atelier vélo de la rentrée", "2019-09-21", None, "14:00", "18:00", "Lyon", True)],
     [("2019-09-18", "registration")], "https://framaforms.org/atelier-velo-cartonera-lyon-1567012345")
post("_posts/2019-11-15-map-data-update-november.md", "en")
post(E + "2020-01-13-cartonera-summit-2020-cfp.md", "en",
     [ev("Cartonera Summit 2020", "2020-05-14", "2020-05-16", None, None, "Pittsburgh", True)],
     [("2020-02-28", "proposal"), ("2020-03-15", "other")])
post(E + "2020-03-16-summit-2020-postponed.md", "en",
     [ev("Cartonera Summit 2020 (postponed)", "2020-05-14", "2020-05-16", None, None, "Pittsburgh", True)])
post(S + "2020-03-20-suspendido-taller-valparaiso.md", "es",
     [ev("Taller de reparación (suspendido)", "2020-03-28", None, "11:00", "14:00", "Valparaíso", True)])
post(F + "2020-04-27-permanence-en-ligne-montreal.md", "fr",
     [ev("Permanence en ligne", "2020-05-07", None, "19:00", "21:00", "online", True)])
post(E + "2020-10-05-summit-2020-online-edition.md", "en",
     [ev("Cartonera Summit 2020: Online Edition", "2020-10-22", "2020-10-23", "12:00", "16:00", "online", True)],
     [("2020-10-20", "registration")], "https://lu.ma/cartonera-summit-2020")
post(S + "2021-02-08-entrevista-ines-guadalajara.md", "es")
post("_posts/2021-04-19-cartonera-tools-1-0.md", "en")
post(F + "2021-06-14-journee-cartonera-liege.md", "fr",
     [ev("Journée Cartonera Liège (hybride)", "2021-06-26", None, "10:00", "17:00", "Liège", True)],
     [("2021-06-23", "registration")], "https://framaforms.org/journee-cartonera-liege-2021-1623412345")
post(E + "2021-09-06-first-saturday-fix-it-clinics-chicago.md", "en",
     [ev("First Saturday Fix-it Clinic", "2021-10-02", None, "10:00", "13:00", "Chicago", True),
      ev("First Saturday Fix-it Clinic", "2021-11-06", None, "10:00", "13:00", "Chicago"),
      ev("First Saturday Fix-it Clinic", "2021-12-04", None, "10:00", "13:00", "Chicago"),
      ev("Fix-it Clinic (second Saturday)", "2022-01-08", None, "10:00", "13:00", "Chicago")])
post("_posts/2021-11-22-fundraising-report-2021.md", "en")
post(S + "2022-01-24-quedada-zaragoza-febrero.md", "es",
     [ev("Quedada mensual de Zaragoza (online)", "2022-02-09", None, "19:30", None, "online", True)])
post(E + "2022-03-07-summit-2022-call-for-proposals.md", "en",
     [ev("Cartonera Summit 2022", "2022-06-23", "2022-06-25", None, None, "Madison", True)],
     [("2022-04-03", "proposal"), ("2022-04-15", "other")])
post(E + "2022-04-25-summit-2022-registration.md", "en",
     [ev("Cartonera Summit 2022", "2022-06-23", "2022-06-25", None, None, "Madison", True),
      ev("Lakeshore pre-ride", "2022-06-22", None, "18:00", "20:00", "Madison"),
      ev("Post-Summit mapping sprint", "2022-06-26", None, "09:00", "13:00", "Madison")],
     [("2022-05-15", "registration"), ("2022-06-10", "registration"), ("2022-05-31", "other")],
     "https://www.eventbrite.com/e/cartonera-summit-2022-tickets-311122334455")
post(F + "2022-05-30-atelier-velo-cartes-nantes.md", "fr",
     [ev("Atelier vélo et cartographie au Hangar", "2022-06-11", None, "14:00", "18:00", "Nantes", True)])
post("_posts/2022-09-12-summit-2022-recap.md", "en",
     [ev("Cartonera Summit 2022", "2022-06-23", "2022-06-25", None, None, "Madison", True),
      ev("Encuentro Cartonera 2023", "2023-03-30", "2023-04-02", None, None, "Guadalajara")])
post(S + "2022-11-07-boletin-noviembre-2022.md", "es",
     [ev("Taller de reparación abierto (Bogotá)", "2022-11-19", None, "09:00", "12:00", "Bogotá", True),
      ev("Bicicletada nocturna (Montevideo)", "2022-11-25", None, "20:00", None, "Montevideo"),
      ev("Quedada de mapeo de aparcabicis (Sevilla)", "2022-12-01", None, "18:30", None, "Sevilla"),
      ev("Encuentro Cartonera 2023", "2023-03-30", "2023-04-02", None, None, "Guadalajara")],
     [("2023-01-15", "proposal")])
post(S + "2022-12-12-resultados-encuesta-2022.md", "es")
post(E + "2023-01-09-encuentro-cartonera-2023-guadalajara.md", "es",
     [ev("Encuentro Cartonera 2023", "2023-03-30", "2023-04-02", None, None, "Guadalajara", True)],
     [("2023-01-15", "proposal"), ("2023-01-31", "other"), ("2023-03-20", "registration")],
     "https://www.eventbrite.com.mx/e/encuentro-cartonera-2023-guadalajara-tickets-498877665544")
post(F + "2023-02-20-atelier-velo-quebec.md", "fr",
     [ev("Atelier vélo d'hiver", "2023-03-09", None, "18:30", "21:00", "Québec", True)],
     reg="https://docs.google.com/forms/d/e/1FAIpQLSdCartoneraQuebecMars2023/viewform")
post("_posts/2023-04-17-hiring-community-coordinator.md", "en")
post(E + "2023-06-05-toronto-midsummer-night-ride.md", "en",
     [ev("Midsummer Night Ride & Map", "2023-06-23", "2023-06-24", "22:00", "02:00", "Toronto", True)],
     reg="https://www.meetup.com/cartonera-toronto/events/293345678/")
post(S + "2023-09-18-cronica-taller-sevilla.md", "es",
     [ev("Taller de reparación en la Alameda (crónica)", "2023-09-16", None, "10:00", "14:00", "Sevilla", True),
      ev("Próxima quedada / taller", "2023-10-21", None, "10:00", "13:00", "Sevilla")])
post(F + "2023-10-30-lettre-de-novembre-2023.md", "fr",
     [ev("Atelier vélo (Bruxelles)", "2023-11-18", None, "14:00", "17:00", "Bruxelles", True),
      ev("Permanence (Liège)", "2023-11-21", None, "18:00", "20:00", "Liège"),
      ev("5 à 7 cartographie (Montréal)", "2023-11-30", None, "17:00", "19:00", "Montréal"),
      ev("Atelier vélo (Lyon)", "2023-12-02", None, "14:00", "18:00", "Lyon")],
     [("2023-11-29", "registration")], "https://framaforms.org/atelier-lyon-decembre-2023-1698412345")
post(F + "2023-12-04-mise-a-jour-donnees-decembre-2023.md", "fr")
post(E + "2024-01-15-summit-2024-cfp.md", "en",
     [ev("Cartonera Summit 2024", "2024-09-12", "2024-09-14", None, None, "Portland", True)],
     [("2024-03-01", "proposal"), ("2024-04-15", "other")])
post(S + "2024-03-11-taller-reparacion-mapeo-bogota.md", "es",
     [ev("Taller de reparación y mapeo en Chapinero", "2024-04-06", None, "09:00", "13:00", "Bogotá", True)],
     [("2024-04-03", "registration")], "https://forms.gle/BogTaller2024Abril")
post(E + "2024-06-10-summit-2024-program.md", "en",
     [ev("Cartonera Summit 2024", "2024-09-12", "2024-09-14", "09:00", "17:00", "Portland", True),
      ev("Pre-conference ride", "2024-09-11", None, "17:30", None, "Portland"),
      ev("Post-conference mapping sprint", "2024-09-15", None, "10:00", "16:00", "Portland")],
     [("2024-07-15", "registration"), ("2024-08-30", "registration")],
     "https://ti.to/cartonera/summit-2024")
post(F + "2024-08-26-atelier-velo-cartes-bruxelles.md", "fr",
     [ev("Atelier vélo & cartes de la rentrée", "2024-09-14", None, "14:00", "18:00", "Bruxelles", True)],
     reg="/inscription-ateliers/")
post("_posts/2024-10-21-community-call-november.md", "en",
     [ev("November community call", "2024-11-12", None, "12:00", "13:00", "online", True)])
post(S + "2024-11-25-encuentro-2025-convocatoria.md", "es",
     [ev("Encuentro Cartonera 2025", "2025-05-08", "2025-05-10", None, None, "Valparaíso", True)],
     [("2025-01-31", "proposal"), ("2025-02-15", "other")])
post(S + "2025-02-17-encuentro-2025-inscripciones.md", "es",
     [ev("Encuentro Cartonera 2025", "2025-05-08", "2025-05-10", None, None, "Valparaíso", True),
      ev("Bicicletada de bienvenida", "2025-05-07", None, "18:00", None, "Valparaíso")],
     [("2025-03-15", "registration"), ("2025-04-30", "registration")],
     "https://www.eventbrite.cl/e/encuentro-cartonera-2025-valparaiso-entradas-1122334455667")
post(F + "2025-04-07-rencontres-francophones-montreal-2025.md", "fr",
     [ev("Rencontres francophones Cartonera 2025", "2025-06-13", "2025-06-14", None, None, "Montréal", True)],
     [("2025-05-02", "proposal"), ("2025-06-06", "registration")],
     "https://framaforms.org/rencontres-cartonera-2025-1743912345")
post(E + "2025-09-08-minneapolis-fall-fix-it-schedule.md", "en",
     [ev("Fix-it clinic", "2025-09-20", None, "10:00", "14:00", "Minneapolis", True),
      ev("Fix-it clinic", "2025-10-18", None, "10:00", "14:00", "Minneapolis"),
      ev("Fix-it clinic", "2025-11-15", None, "11:00", "14:00", "Minneapolis")],
     reg="https://www.meetup.com/cartonera-mpls/")
post(E + "2026-01-12-summit-2026-toronto.md", "en",
     [ev("Cartonera Summit 2026 (hybrid)", "2026-07-16", "2026-07-18", None, None, "Toronto", True)],
     [("2026-03-15", "proposal"), ("2026-04-01", "other")])
post(S + "2026-02-23-quedada-mapeo-guadalajara-marzo.md", "es",
     [ev("Quedada de mapeo en Guadalajara", "2026-03-14", None, "10:00", "14:00", "Guadalajara", True)],
     reg="https://lu.ma/cartonera-gdl-marzo-2026")
post(F + "2026-03-02-atelier-velo-lyon-printemps.md", "fr",
     [ev("Atelier vélo de printemps", "2026-03-28", None, "14:00", "18:00", "Lyon", True)],
     [("2026-03-26", "registration")], "https://framaforms.org/atelier-velo-lyon-printemps-2026-1772400000")
for page, lang in [("about.md", "en"), ("contact.md", "en"), ("index.md", "en"),
                   ("inscription-ateliers.md", "fr")]:
    post(page, lang)

# sanity checks
here = os.path.dirname(os.path.abspath(__file__))
site = os.path.join(here, "site")
files = set()
for root, _, fs in os.walk(os.path.join(site, "_posts")):
    for f in fs:
        files.add(os.path.relpath(os.path.join(root, f), site))
labelled = {p["file"] for p in P}
assert files <= labelled, files - labelled
for p in P:
    path = os.path.join(site, p["file"])
    assert os.path.exists(path), path
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^lang: (\w+)$", text, re.M)
    assert m and m.group(1) == p["lang"], p["file"]
    if p["events"]:
        assert sum(e["primary"] for e in p["events"]) == 1, p["file"]
    for e in p["events"]:
        datetime.date.fromisoformat(e["start"]); datetime.date.fromisoformat(e["end"])
        assert e["end"] >= e["start"], p["file"]
    if p["registration_url"]:
        assert p["registration_url"] in text, p["file"]

json.dump({"corpus": "blind5", "posts": P},
          open(os.path.join(here, "labels.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
n_ev = sum(len(p["events"]) for p in P)
n_dl = sum(len(p["deadlines"]) for p in P)
n_reg = sum(1 for p in P if p["registration_url"])
print(len(P), "entries,", n_ev, "events,", n_dl, "deadlines,", n_reg, "registration urls")
