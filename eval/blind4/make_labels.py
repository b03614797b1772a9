#!/usr/bin/env python3
"""Builds labels.json for the blind4 corpus (kept for transparency; labels.json is the gold file)."""
import json, os

def ev(title, start, end=None, st=None, et=None, place=None, primary=False):
    return {"title": title, "start": start, "end": end or start, "start_time": st,
            "end_time": et, "place": place, "primary": primary}

def dl(date, kind):
    return {"date": date, "kind": kind}

P = []
def post(file, lang, events=(), deadlines=(), url=None):
    P.append({"file": file, "lang": lang, "events": list(events),
              "deadlines": list(deadlines), "registration_url": url})

# ---------------- English ----------------
post("content/blog/2016-05-12-hello-kerbside.md", "en")
post("content/events/2017-02-06-manchester-february-meetup.md", "en",
     [ev("Kerbside Manchester February meetup", "2017-02-09", st="18:30", place="Manchester", primary=True),
      ev("Kerbside Manchester March meetup", "2017-03-09", st="18:30", place="Manchester")],
     url="https://www.meetup.com/kerbside-manchester/events/237211945/")
post("content/events/2018-09-20-kerbconf-2019-galway.md", "en",
     [ev("KerbConf 2019", "2019-04-04", "2019-04-05", place="Galway", primary=True),
      ev("KerbConf 2019 code sprint", "2019-04-06", st="10:00", et="16:00", place="Galway")],
     [dl("2018-11-30", "proposal"), dl("2019-01-15", "other"), dl("2019-02-28", "registration")],
     url="https://ti.to/kerbside/kerbconf-2019")
post("content/blog/2018-12-03-kerbconf-cfp-extended.md", "en",
     [ev("KerbConf 2019", "2019-04-04", "2019-04-05", place="Galway", primary=True)],
     [dl("2018-12-14", "proposal"), dl("2019-01-15", "other")])
post("content/events/2019-04-10-kerbconf-2019-report.md", "en",
     [ev("KerbConf 2019", "2019-04-04", "2019-04-05", place="Galway", primary=True),
      ev("KerbConf 2019 sprint", "2019-04-06", place="Galway"),
      ev("KerbConf 2020", "2020-10", place="Melbourne")])
post("content/events/2020-03-16-kerbconf-2020-postponed.md", "en",
     [ev("KerbConf 2020 (postponed)", "2020-10-22", "2020-10-23", place="Melbourne", primary=True)])
post("content/events/2020-05-04-online-mapathon.md", "en",
     [ev("Stay-at-home mapathon", "2020-05-16", st="10:00", et="16:00", place="online", primary=True)])
post("content/blog/2021-03-01-security-advisory-validator.md", "en")
post("content/events/2022-06-02-melbourne-meetup-june.md", "en",
     [ev("Kerbside Melbourne June meetup", "2022-06-22", st="18:00", et="20:00", place="Melbourne", primary=True)],
     url="https://www.eventbrite.com.au/e/kerbside-melbourne-june-meetup-tickets-356601239877")
post("content/events/2023-02-20-chennai-workshop-open-data-festival.md", "en",
     [ev("Mapping step-free access at MRTS and Metro stations (workshop)", "2023-03-11", st="10:00", et="13:00", place="Chennai", primary=True),
      ev("Chennai Open Data Festival", "2023-03-09", "2023-03-12", place="Chennai")],
     [dl("2023-03-05", "registration")],
     url="https://forms.gle/Qm7vKerbChn2023")
post("content/blog/2023-11-20-community-digest-november.md", "en",
     [ev("Kerbside Winter Sprint", "2023-12-01", "2023-12-02", st="09:30", et="17:30", place="Manchester", primary=True),
      ev("Galway pub quiz and mapping night", "2023-12-14", st="19:00", place="Galway"),
      ev("Buenos Aires mapatón", "2023-12-02", st="10:00", et="17:00", place="Buenos Aires"),
      ev("Lausanne monthly meetup", "2023-12-13", st="18:30", place="Lausanne"),
      ev("Chennai online session", "2023-12-09", st="15:00", place="online"),
      ev("Bogotá mapping day", "2024-01", place="Bogotá"),
      ev("KerbConf 2024", "2024-06-04", "2024-06-06", place="Lausanne")],
     [dl("2024-01-31", "proposal")],
     url="https://pretix.eu/kerbside/wintersprint23/")
post("content/events/galway-24h-hackathon-2024/index.md", "en",
     [ev("Galway 24-hour hackathon", "2024-02-03", "2024-02-04", st="12:00", et="12:00", place="Galway", primary=True)],
     [dl("2024-01-31", "registration"), dl("2024-01-26", "other")],
     url="https://pretix.eu/kerbside/galway24h/")
post("content/blog/2024-06-10-kerbside-3-0.md", "en")
post("content/events/2025-01-20-kerbconf-2025-chennai.md", "en",
     [ev("KerbConf 2025", "2025-09-18", "2025-09-20", place="Chennai", primary=True),
      ev("KerbConf 2025 mapping walk", "2025-09-17", st="07:00", et="10:00", place="Chennai")],
     [dl("2025-03-31", "proposal"), dl("2025-04-30", "other"), dl("2025-06-30", "registration")],
     url="https://lu.ma/kerbconf25")
post("content/events/2025-11-03-manchester-november-cancelled.md", "en",
     [ev("Kerbside Manchester November meetup (cancelled)", "2025-11-13", place="Manchester", primary=True),
      ev("Kerbside Manchester December meetup", "2025-12-11", st="18:30", place="Manchester")])

# ---------------- Spanish ----------------
post("content/blog/2017-08-14-nace-kerbside-buenos-aires.es.md", "es",
     [ev("Primera reunión de Kerbside Buenos Aires", "2017-09-07", st="19:00", place="Buenos Aires", primary=True)],
     url="mailto:baires@example-transit.org")
post("content/events/2018-03-26-mapaton-santiago.es.md", "es",
     [ev("Mapatón de accesibilidad en Santiago", "2018-04-14", st="10:00", et="14:00", place="Santiago", primary=True)],
     url="https://www.eventbrite.cl/e/mapaton-accesibilidad-santiago-tickets-44120315587")
post("content/blog/2018-11-05-documentacion-en-castellano.es.md", "es")
post("content/events/2019-10-01-taller-bogota-festival-datos.es.md", "es",
     [ev("Taller Kerbside: ¿Se puede llegar en silla de ruedas a la estación?", "2019-10-25", st="09:00", et="13:00", place="Bogotá", primary=True),
      ev("Festival de Datos Abiertos de Bogotá 2019", "2019-10-24", "2019-10-26", place="Bogotá")],
     [dl("2019-10-20", "registration")],
     url="https://festivaldatos.example.co/2019/inscripcion")
post("content/events/2020-04-20-encuentro-virtual-latam.es.md", "es",
     [ev("Encuentro virtual Kerbside LatAm", "2020-05-09", st="16:00", et="18:00", place="online", primary=True)],
     url="https://us02web.zoom.us/meeting/register/tZ0vcuGhqTkrbLtAm2020")
post("content/blog/2021-07-19-cuatro-anios-buenos-aires.es.md", "es")
post("content/events/2022-03-07-buenos-aires-vuelta-presencial.es.md", "es",
     [ev("Reunión mensual Kerbside BA (abril)", "2022-04-05", st="18:30", place="CABA", primary=True),
      ev("Reunión mensual Kerbside BA (mayo)", "2022-05-03", place="CABA")])
post("content/events/2022-09-12-encuentro-latam-2023-santiago.es.md", "es",
     [ev("Encuentro Kerbside LatAm 2023", "2023-04-20", "2023-04-22", place="Santiago", primary=True)],
     [dl("2022-12-15", "proposal"), dl("2023-01-31", "other")],
     url="https://pretix.eu/kerbside/latam23/")
post("content/blog/2023-01-16-becas-latam-plazo-extendido.es.md", "es",
     [ev("Encuentro Kerbside LatAm 2023", "2023-04-20", "2023-04-22", place="Santiago", primary=True)],
     [dl("2023-02-15", "other")],
     url="https://pretix.eu/kerbside/latam23/")
post("content/events/2023-05-02-cronica-encuentro-latam-2023.es.md", "es",
     [ev("Encuentro Kerbside LatAm 2023", "2023-04-20", "2023-04-22", place="Santiago", primary=True),
      ev("Sprint del Encuentro LatAm", "2023-04-23", place="Santiago"),
      ev("KerbConf 2024", "2024-06-04", "2024-06-06", place="Lausana")])
post("content/events/2024-02-19-bogota-encuentro-marzo.es.md", "es",
     [ev("Kerbside Bogotá: encuentro de marzo", "2024-03-14", st="19:00", et="21:00", place="Bogotá", primary=True)],
     [dl("2024-03-12", "registration")],
     url="https://lu.ma/kerbside-bogota-marzo")
post("content/events/2024-08-05-hackaton-santiago-postergado.es.md", "es",
     [ev("Hackatón de Accesibilidad de Santiago (postergada)", "2024-08-24", place="Santiago", primary=True)])
post("content/blog/2025-03-10-votacion-estatuto.es.md", "es")
post("content/blog/2025-10-20-boletin-noviembre.es.md", "es",
     [ev("Reunión mensual Buenos Aires", "2025-11-04", st="18:30", place="CABA", primary=True),
      ev("Encuentro en línea Bogotá", "2025-11-13", st="19:00", place="online"),
      ev("Mapatón de paraderos en Ñuñoa", "2025-11-15", st="10:00", et="13:00", place="Santiago"),
      ev("Primera reunión del grupo de Montevideo", "2025-11", place="Montevideo"),
      ev("KerbConf 2026", "2026-10", place="Santiago")],
     url="https://forms.gle/MapatonNunoa2025")
post("content/events/2026-01-12-kerbconf-2026-santiago.es.md", "es",
     [ev("KerbConf 2026", "2026-10-08", "2026-10-10", st="09:00", et="18:00", place="Santiago", primary=True)],
     [dl("2026-05-15", "proposal"), dl("2026-06-30", "registration"), dl("2026-08-30", "other")],
     url="https://ti.to/kerbside/kerbconf-2026")

# ---------------- French ----------------
post("content/blog/2016-10-03-premier-meetup-bruxelles.fr.md", "fr",
     [ev("Premier meetup Kerbside Bruxelles", "2016-10-18", st="18:30", et="21:00", place="Bruxelles", primary=True)],
     url="https://www.meetup.com/fr-FR/kerbside-bruxelles/events/234567890/")
post("content/events/2017-05-15-sprint-lausanne.fr.md", "fr",
     [ev("Sprint de code Kerbside à Lausanne", "2017-06-03", "2017-06-05", st="09:00", et="18:00", place="Lausanne", primary=True)],
     url="https://framaforms.org/sprint-kerbside-lausanne-2017-1494835200")
post("content/blog/2018-02-12-retour-fosdem-2018.fr.md", "fr",
     [ev("Stand Kerbside au FOSDEM 2018", "2018-02-03", "2018-02-04", place="Bruxelles", primary=True),
      ev("Meetup Kerbside Bruxelles (mars)", "2018-03-06", st="18:30", place="Bruxelles")])
post("content/blog/2018-06-25-kerbside-1-0.fr.md", "fr")
post("content/events/2019-01-28-atelier-geneve-hybride.fr.md", "fr",
     [ev("Atelier Kerbside à Genève", "2019-02-21", st="14:00", et="17:00", place="Genève", primary=True)],
     [dl("2019-02-18", "registration")],
     url="https://framaforms.org/atelier-kerbside-geneve-fevrier-2019-1548680000")
post("content/events/2020-02-10-rencontres-francophones-2020.fr.md", "fr",
     [ev("Rencontres francophones Kerbside 2020", "2020-05-12", "2020-05-13", place="Bruxelles", primary=True)],
     [dl("2020-03-15", "proposal")],
     url="https://pretix.eu/kerbside/rencontres2020/")
post("content/blog/2020-03-13-rencontres-2020-annulees.fr.md", "fr",
     [ev("Rencontres francophones Kerbside 2020 (annulées)", "2020-05-12", "2020-05-13", place="Bruxelles", primary=True)])
post("content/events/2021-05-17-webinaire-donnees-ascenseurs.fr.md", "fr",
     [ev("Webinaire : les données d'état des ascenseurs", "2021-06-08", st="12:00", et="13:00", place="online", primary=True)],
     url="mailto:webinaire@example-transit.org?subject=Inscription%20webinaire%208%20juin")
post("content/blog/2022-05-16-portrait-amelie.fr.md", "fr")
post("content/events/2022-10-03-lausanne-meetup-octobre.fr.md", "fr",
     [ev("Meetup Kerbside Lausanne (octobre)", "2022-10-12", st="18:30", place="Lausanne", primary=True),
      ev("Meetup Kerbside Lausanne (novembre)", "2022-11-09", st="18:30", place="Lausanne")],
     url="https://www.meetup.com/kerbside-lausanne/events/288812453/")
post("content/events/journee-donnees-transport-bruxelles-2023/index.fr.md", "fr",
     [ev("Journée des données ouvertes de transport", "2023-03-25", st="10:00", et="17:00", place="Bruxelles", primary=True)],
     url="https://www.eventbrite.be/e/journee-donnees-transport-bruxelles-tickets-551208734417")
post("content/blog/2023-09-11-infolettre-septembre.fr.md", "fr",
     [ev("Hackathon de 24 heures à Genève", "2023-10-20", "2023-10-21", st="18:00", et="18:00", place="Genève", primary=True),
      ev("Meetup Bruxelles (octobre)", "2023-10-03", st="18:30", place="Bruxelles"),
      ev("Meetup Lausanne (octobre)", "2023-10-11", st="18:30", place="Lausanne"),
      ev("Webinaire « Relever un arrêt de bus en 10 minutes »", "2023-10-26", st="12:00", et="13:00", place="online"),
      ev("KerbConf 2024", "2024-06-04", "2024-06-06", place="Lausanne")],
     url="https://framaforms.org/hackathon-kerbside-geneve-2023-1694000000")
post("content/events/2024-01-08-kerbconf-2024-lausanne.fr.md", "fr",
     [ev("KerbConf 2024", "2024-06-04", "2024-06-06", place="Lausanne", primary=True),
      ev("Journée de sprint KerbConf 2024", "2024-06-07", st="09:00", et="17:00", place="Lausanne")],
     [dl("2024-01-31", "proposal"), dl("2024-03-01", "other"), dl("2024-04-15", "registration"), dl("2024-05-15", "other")],
     url="https://ti.to/kerbside/kerbconf-2024")
post("content/blog/2024-06-17-bilan-kerbconf-2024.fr.md", "fr",
     [ev("KerbConf 2024", "2024-06-04", "2024-06-06", place="Lausanne", primary=True),
      ev("Journée de sprint KerbConf 2024", "2024-06-07", place="Lausanne"),
      ev("KerbConf 2025", "2025-09", place="Chennai")])
post("content/blog/2026-03-02-resultats-vote-gouvernance.fr.md", "fr")

out = {"corpus": "blind4", "posts": P}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "labels.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
