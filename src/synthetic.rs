//! A synthetic community site for benchmarks: thousands of Jekyll posts in French, English
//! and Spanish that announce gatherings, set deadlines and talk about releases, written
//! from templates with a fixed pseudo-random sequence so every run reads the same site.

use crate::answer::format;
use std::fmt::Write;
use std::path::Path;

const TOWNS: &[&str] = &[
    "Lille",
    "Rennes",
    "Strasbourg",
    "Montpellier",
    "Bordeaux",
    "Lyon",
    "Nantes",
    "Grenoble",
    "Toulouse",
    "Brest",
];

/// A small deterministic generator (64-bit LCG); good enough to vary templates.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Writes `count` posts under `root/_posts`.
pub fn write_site(root: &Path, count: usize) -> std::io::Result<()> {
    let posts = root.join("_posts");
    std::fs::create_dir_all(&posts)?;
    let mut rng = Lcg(42);
    for i in 0..count {
        let year = 2010 + (i * 17 / count.max(1)) as i32;
        let month = 1 + rng.next(12);
        let day = 1 + rng.next(28);
        let (name, text) = post(&mut rng, i, year, month, day);
        std::fs::write(
            posts.join(format!("{year}-{month:02}-{day:02}-{name}.md")),
            text,
        )?;
    }
    Ok(())
}

fn post(rng: &mut Lcg, i: usize, year: i32, month: usize, day: usize) -> (String, String) {
    let town = TOWNS[rng.next(TOWNS.len())];
    let ev_month = (month + 1 + rng.next(4)) % 12;
    let ev_year = if ev_month < month { year + 1 } else { year };
    let start = 1 + rng.next(25);
    let end = start + 1 + rng.next(2);
    let dl = 1 + rng.next(27);
    let kind = rng.next(4);
    let mut body = String::with_capacity(3000);
    let (lang, title) = match kind {
        0 => {
            let m = format::FR[ev_month];
            let _ = write!(
                body,
                "La rencontre annuelle de la communauté se tiendra du {start} au {end} {m} {ev_year} à {town}.\n\n\
                 Au programme : ateliers, présentations et un sprint de code.\n\n\
                 ## Inscription\n\nMerci de vous inscrire au plus tard le {dl} {} {ev_year} via [le formulaire](https://forms.example.org/{i}).\n\n",
                format::FR[(ev_month + 11) % 12]
            );
            ("fr", format!("Rencontres {ev_year} à {town}"))
        }
        1 => {
            let m = format::EN[ev_month];
            let _ = write!(
                body,
                "The community meeting will take place from {m} {start} to {end}, {ev_year} in {town}.\n\n\
                 It will be followed by a **code sprint** on {m} {}.\n\n\
                 Please register no later than {} {dl}, {ev_year}: [register here](https://tickets.example.org/{i}).\n\n",
                end + 1,
                format::EN[(ev_month + 11) % 12]
            );
            ("en", format!("Community meeting {ev_year}"))
        }
        2 => {
            let m = format::ES[ev_month];
            let _ = write!(
                body,
                "El encuentro de la comunidad tendrá lugar del {start} al {end} de {m} de {ev_year} en {town}.\n\n\
                 Inscríbase a más tardar el {dl} de {} de {ev_year} en [el formulario de inscripción](https://forms.example.org/es/{i}).\n\n",
                format::ES[(ev_month + 11) % 12]
            );
            ("es", format!("Encuentro {ev_year}"))
        }
        _ => {
            let _ = write!(
                body,
                "Version {}.{}.{} is out, with 46 tickets fixed since {} {year}.\n\n\
                 * faster tile rendering (see [#{i}](https://github.example.org/issues/{i}))\n\
                 * a new import wizard\n* translations updated, 15€/month hosting offers, call 04 92 40 20 10\n\n",
                year - 2000,
                month,
                rng.next(9),
                format::EN[rng.next(12)]
            );
            ("en", format!("Release {}.{}", year - 2000, month))
        }
    };
    for _ in 0..(2 + rng.next(4)) {
        body.push_str(
            "The project keeps improving thanks to its contributors, who share their experience, \
             documentation and code on the mailing lists and in the chat rooms. Everyone is welcome \
             to join, ask questions and propose changes.\n\n",
        );
    }
    let text = format!(
        "---\nlayout: post\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02} 10:00:00\nlang: {lang}\n---\n\n{body}"
    );
    (format!("post-{i}-{lang}"), text)
}
