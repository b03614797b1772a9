//! Finding gatherings by words: a small BM25 index over their names (all languages), the
//! main gathering they belong to, their place, their posts' titles and tags and the
//! beginning of their posts. Words are
//! folded and stemmed (French, English, Spanish), and a word the index does not know is
//! matched to close ones ("geocon" → "geocom") with Jaro-Winkler similarity.

use super::catalog::Gathering;
use crate::extract::Language;
use crate::extract::token::{Kind, tokenize};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Field weights: a gathering's name counts most, then its place and its post's title and
/// tags, then the beginning of the post; a side gathering's main gathering counts little.
const NAME: f32 = 3.0;
const POST_TITLE: f32 = 1.0;
const SIDE_PARENT: f32 = 0.5;
const PLACE: f32 = 1.5;
const LEAD: f32 = 0.5;

/// How much a look-alike counts ("geocon" for "geocom"), at most: its similarity times this.
const LOOK_ALIKE: f32 = 0.8;

const K1: f32 = 1.2;
const B: f32 = 0.75;

pub struct Index {
    /// term → (gathering, weighted term frequency, whether a name, place or title has it)
    postings: HashMap<String, Vec<(usize, f32, bool)>>,
    lengths: Vec<f32>,
    average: f32,
    /// Known terms by first character, for fuzzy matching.
    by_initial: HashMap<char, Vec<String>>,
    stemmers: [Stemmer; 3],
    /// The parts of the site's own name, from its address ("hacklab" and "almeria" for
    /// hacklabalmeria.net, "duchess" and "france" for www.duchess-france.fr) and its title
    /// ("guilde", "erable", "guild" and "gremio" for "Guilde Érable · Erable Guild · Gremio
    /// Érable").
    own_name: Vec<String>,
}

/// A search result: which gathering, how well it matched, and what share of the query's
/// weight it covered (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub gathering: usize,
    pub score: f32,
    pub coverage: f32,
}

impl Index {
    pub fn build(gatherings: &[Gathering], titles: &[String]) -> Index {
        let stemmers = stemmers();
        let mut postings: HashMap<String, Vec<(usize, f32, bool)>> = HashMap::new();
        let mut lengths = Vec::with_capacity(gatherings.len());
        for (i, g) in gatherings.iter().enumerate() {
            let mut tf: HashMap<String, (f32, bool)> = HashMap::new();
            let mut length = 0.0;
            for v in &g.versions {
                let venue = venue_words(v.venue.as_deref().unwrap_or(""));
                // A side gathering ("community sprint") is found by its own name; the main
                // gathering's name and post only hint at it, so that "geOcom" finds geOcom.
                // A session titled by its topic is one of the series its post's title names
                // ("Talleres de primavera"), and found by it.
                let side = v.parent.is_some() && names_a_kind(&v.title);
                let quoted = if side { String::new() } else { quoted(&v.lead) };
                // (text, weight, names the gathering, its numbers count): the post's text
                // only ranks; the numbers of an address ("2 Chemin du Col") name nothing.
                let fields: [(&str, f32, bool, bool); 8] = [
                    (&v.title, NAME, true, true),
                    (v.parent.as_deref().unwrap_or(""), SIDE_PARENT, true, true),
                    (v.place.as_deref().unwrap_or(""), PLACE, true, false),
                    (&venue, PLACE, true, false),
                    (
                        if side { "" } else { &v.post_title },
                        POST_TITLE,
                        true,
                        true,
                    ),
                    (if side { "" } else { &v.tags }, POST_TITLE, true, true),
                    // "Webinar: «Érable desde cero»": a title the post quotes names it.
                    (&quoted, POST_TITLE, true, true),
                    (if side { "" } else { &v.lead }, LEAD, false, true),
                ];
                for (text, weight, names, numbers) in fields {
                    for term in terms(text, v.lang, &stemmers) {
                        if !numbers && term.chars().any(|c| c.is_ascii_digit()) {
                            continue;
                        }
                        let entry = tf.entry(term).or_default();
                        entry.0 += weight;
                        entry.1 |= names;
                        // The post's text only hints; it must not make long posts rank low.
                        if names {
                            length += weight;
                        }
                    }
                }
            }
            lengths.push(length / g.versions.len() as f32);
            for (term, (f, strong)) in tf {
                postings
                    .entry(term)
                    .or_default()
                    .push((i, f / g.versions.len() as f32, strong));
            }
        }
        let average = if lengths.is_empty() {
            1.0
        } else {
            lengths.iter().sum::<f32>() / lengths.len() as f32
        };
        let mut by_initial: HashMap<char, Vec<String>> = HashMap::new();
        for term in postings.keys() {
            if let Some(c) = term.chars().next() {
                by_initial.entry(c).or_default().push(term.clone());
            }
        }
        // The same question must get the same answer every time: no order from hashing.
        for terms in by_initial.values_mut() {
            terms.sort();
        }
        Index {
            postings,
            lengths,
            average: average.max(1.0),
            by_initial,
            stemmers,
            own_name: own_name(gatherings, titles),
        }
    }

    /// Gatherings matching `words` (already free of question words) and `keep`, best first.
    pub fn search(
        &self,
        words: &[String],
        lang: Language,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<Hit> {
        let joined = self.joined(words);
        let words = joined.as_slice();
        let n = self.lengths.len();
        let docs = n as f32;
        // Dense arrays and a list of touched gatherings: no hashing in the hot loop.
        let mut score = vec![0.0f32; n];
        let mut covered = vec![0.0f32; n];
        let mut word_best = vec![0.0f32; n];
        let mut word_strong = vec![false; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut word_touched: Vec<usize> = Vec::new();
        let mut total_weight = 0.0;
        let all_forms: Vec<Vec<(String, f32)>> =
            words.iter().map(|w| self.forms(w, lang)).collect();
        let weights = self.weights(words, &all_forms, lang, docs);
        for (k, forms) in all_forms.iter().enumerate() {
            let weight = weights[k];
            // A word that only says which kind of a kind ("code" in "sprint de code") ranks
            // little: the site may call the same sprint a "community sprint".
            let rank = if qualifies_kind(words, k) { 0.25 } else { 1.0 };
            total_weight += weight;
            // The forms of one word ("workshop" → "atelier", "taller") are one term: the
            // rarer spelling must not outrank the others.
            let shared_df = (forms.len() > 1).then(|| {
                let df: usize = forms
                    .iter()
                    .filter_map(|(t, _)| self.postings.get(t))
                    .map(Vec::len)
                    .sum();
                (df as f32).min(docs)
            });
            for (term, closeness) in forms {
                let Some(list) = self.postings.get(term) else {
                    continue;
                };
                let df = shared_df.unwrap_or(list.len() as f32);
                let idf = ((docs - df + 0.5) / (df + 0.5) + 1.0).ln();
                for &(g, f, strong) in list {
                    let norm =
                        f * (K1 + 1.0) / (f + K1 * (1.0 - B + B * self.lengths[g] / self.average));
                    let s = idf * norm * closeness;
                    if word_best[g] == 0.0 {
                        word_touched.push(g);
                    }
                    word_best[g] = word_best[g].max(s);
                    word_strong[g] |= strong;
                }
            }
            for &g in &word_touched {
                if score[g] == 0.0 {
                    touched.push(g);
                }
                score[g] += word_best[g] * rank;
                // Only a word in a name, place or title says which gathering is meant; the
                // post's text ("geOrchestra" is in every post) only ranks.
                if word_strong[g] {
                    covered[g] += weight;
                }
                word_best[g] = 0.0;
                word_strong[g] = false;
            }
            word_touched.clear();
        }
        let mut hits: Vec<Hit> = touched
            .into_iter()
            .filter(|&g| keep(g))
            .map(|gathering| Hit {
                gathering,
                score: score[gathering],
                // Only background words: any gathering they find will do.
                coverage: if total_weight > 0.0 {
                    covered[gathering] / total_weight
                } else {
                    1.0
                },
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.gathering.cmp(&b.gathering))
        });
        hits
    }

    /// How much each word of a question counts toward coverage. A word the index does not
    /// know counts against it: the asker named something crieur has never read about. But
    /// an unknown word that only qualifies a kind of gathering ("a code sprint" when the site
    /// says "community sprint") does not hide the sprint, and unknown words together weigh
    /// no more than the known ones ("which city is the map summit in" names the summit),
    /// except beside a kind of gathering, where they are its name ("the Berlin meetup").
    fn weights(
        &self,
        words: &[String],
        forms: &[Vec<(String, f32)>],
        lang: Language,
        docs: f32,
    ) -> Vec<f32> {
        let unknown_idf = self.idf(std::iter::empty(), docs);
        let mut weights = vec![0.0f32; words.len()];
        let mut pooled: Vec<usize> = Vec::new();
        let mut known = 0.0;
        for (k, word) in words.iter().enumerate() {
            if self.is_background(&forms[k], docs) || self.is_own_name(word) {
                continue;
            }
            // A word known only by look-alikes ("avait" like "avail") may be a name mistyped
            // or a word of the question; one only the posts' text has ("put my name down")
            // names no gathering: either weighs as an unknown word, and still finds.
            let look_alike = forms[k]
                .iter()
                .all(|(_, closeness)| *closeness <= LOOK_ALIKE);
            // A kind of gathering keeps its weight: "summit" in "submit a talk" is no name.
            let names = forms[k].iter().any(|(t, _)| self.names(t)) || is_kind(word);
            if !forms[k].is_empty() && names && !look_alike {
                weights[k] = word_weight(words, k)
                    * self.idf(forms[k].iter().map(|(t, _)| t.as_str()), docs);
                known += weights[k];
                continue;
            }
            // "code sprint", "sprint de code", "taller comunitario": before or after it.
            let qualifier = qualifies_kind(words, k);
            // Before a kind ("the Berlin meetup"), or after one when nothing else in the
            // question is known ("el meetup de Berlín"); after one beside a known name, it
            // is what is asked ("le map summit ferme quand").
            let kind_at = |j: Option<usize>| {
                j.and_then(|j| words.get(j))
                    .is_some_and(|w: &String| is_kind(w))
            };
            let named = forms
                .iter()
                .zip(words)
                .any(|(f, w)| !f.is_empty() && !is_kind(w));
            let after_kind = lang != Language::En && kind_at(k.checked_sub(1)) && !named;
            let names_kind = kind_at(Some(k + 1)) || after_kind;
            if qualifier {
                continue;
            }
            if names_kind {
                weights[k] = unknown_idf;
            } else {
                weights[k] = word_weight(words, k) * unknown_idf;
                pooled.push(k);
            }
        }
        let pool: f32 = pooled.iter().map(|&k| weights[k]).sum();
        if known > 0.0 && pool > known {
            for &k in &pooled {
                weights[k] *= known / pool;
            }
        }
        weights
    }

    /// Whether a word is background: the posts of half the gatherings say it, but few of
    /// their names, places or titles, as with the community's own name ("next georchestra
    /// event", "prochain événement hacklab"). It says nothing of which gathering is meant.
    /// A word the index has as it is is judged alone: "tesseraconf" is a conference's
    /// name even where "tessera", which begins it, is in every post.
    fn is_background(&self, forms: &[(String, f32)], docs: f32) -> bool {
        let exact = forms.iter().any(|(_, closeness)| *closeness >= 1.0);
        let Some(list) = forms
            .iter()
            .filter(|(_, closeness)| !exact || *closeness >= 1.0)
            .filter_map(|(t, _)| self.postings.get(t))
            .max_by_key(|l| l.len())
        else {
            return false;
        };
        let named = list.iter().filter(|(_, _, strong)| *strong).count();
        docs >= 4.0 && list.len() as f32 * 2.0 >= docs && named as f32 * 4.0 <= docs
    }

    /// A name the site writes as one word, asked in two ("geo beers" for "GeoBeers", "hack
    /// lab" for "Hacklab"): the two words become that word, unless each is a name alone.
    fn joined(&self, words: &[String]) -> Vec<String> {
        let named = |t: &str| self.names(t);
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        let mut k = 0;
        while k < words.len() {
            if let Some(next) = words.get(k + 1) {
                let one = format!("{}{next}", words[k]);
                if named(&one) && !(named(&words[k]) && named(next)) {
                    out.push(one);
                    k += 2;
                    continue;
                }
            }
            out.push(words[k].clone());
            k += 1;
        }
        out
    }

    /// Whether a word of a question says nothing of which gathering is meant: the
    /// community's own name, in its posts or its address.
    pub fn says_nothing(&self, word: &str, lang: Language) -> bool {
        let docs = self.lengths.len() as f32;
        self.is_own_name(word) || self.is_background(&self.forms(word, lang), docs)
    }

    /// Whether a word is part of the site's own name ("hacklab" on hacklabalmeria.net):
    /// every gathering there is the community's, so it says nothing of which is meant.
    fn is_own_name(&self, word: &str) -> bool {
        word.chars().count() >= 4 && self.own_name.iter().any(|part| part.contains(word))
    }

    fn idf<'a>(&self, mut terms: impl Iterator<Item = &'a str>, n: f32) -> f32 {
        let df = terms
            .find_map(|t| self.postings.get(t))
            .map_or(0.0, |l| l.len() as f32);
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// Whether a gathering's name, place or title has the word, or one close to it.
    pub fn knows(&self, word: &str, lang: Language) -> bool {
        self.forms(word, lang).iter().any(|(t, _)| self.names(t))
    }

    /// The same, look-alikes aside: a town asked for ("Bordeaux") is not one that looks
    /// like it ("border").
    pub fn knows_as_written(&self, word: &str, lang: Language) -> bool {
        self.forms(word, lang)
            .iter()
            .any(|(t, closeness)| *closeness > LOOK_ALIKE && self.names(t))
    }

    /// Whether an index term is in a gathering's name, place or title.
    fn names(&self, term: &str) -> bool {
        self.postings
            .get(term)
            .is_some_and(|list| list.iter().any(|(_, _, strong)| *strong))
    }

    /// The index terms a query word stands for, with how close each is (1 = exact).
    fn forms(&self, word: &str, lang: Language) -> Vec<(String, f32)> {
        let mut forms: Vec<(String, f32)> = Vec::new();
        for t in variants(word, lang, &self.stemmers) {
            if self.postings.contains_key(&t) && !forms.iter().any(|(f, _)| *f == t) {
                forms.push((t, 1.0));
            }
        }
        // A name the site shortens ("unconf17", "hackfest" …): a name that begins the word
        // and leaves three letters or more of it out; only a hint when the word is a name
        // itself ("tesseraconf" is TesseraConf more than any gathering named "Tessera").
        let closeness = if forms.iter().any(|(f, _)| self.names(f)) {
            0.4
        } else {
            0.85
        };
        for (cut, _) in word
            .char_indices()
            .filter(|&(i, _)| i >= 5 && i + 3 <= word.len())
        {
            let head = &word[..cut];
            if self.names(head) && !forms.iter().any(|(f, _)| f == head) {
                forms.push((head.to_string(), closeness));
            }
        }
        // A kind of gathering or a season in another language or word ("workshop" for
        // "taller", "autumn" for "fall").
        if let Some(class) = crate::lexicon::KIND_SYNONYMS
            .iter()
            .chain(crate::lexicon::SEASON_SYNONYMS)
            .find(|c| c.contains(&word))
        {
            for other in class.iter().filter(|o| **o != word) {
                for t in variants(other, lang, &self.stemmers) {
                    if self.postings.contains_key(&t) && !forms.iter().any(|(f, _)| *f == t) {
                        forms.push((t, 0.9));
                    }
                }
            }
        }
        // Two words written as one ("mapsummit"): both halves, before any look-alike.
        if forms.is_empty() {
            let cut = word
                .char_indices()
                .map(|(i, _)| i)
                .filter(|&i| i >= 3 && word.len() - i >= 3)
                .find(|&i| {
                    self.postings.contains_key(&word[..i]) && self.postings.contains_key(&word[i..])
                });
            if let Some(i) = cut {
                forms.push((word[..i].to_string(), 0.9));
                forms.push((word[i..].to_string(), 0.9));
            }
        }
        if forms.is_empty()
            && word.chars().count() >= 4
            && !word.chars().all(|c| c.is_ascii_digit())
        {
            let initial = word.chars().next().expect("non-empty word");
            for term in self.by_initial.get(&initial).into_iter().flatten() {
                let sim = strsim::jaro_winkler(word, term) as f32;
                // A look-alike is a name mistyped ("geocon"): a word only the posts' text
                // has ("avant" for "avait") would only make the question less covered.
                if sim >= 0.88 && term.chars().count() >= 4 && self.names(term) {
                    forms.push((term.clone(), sim * LOOK_ALIKE));
                }
            }
            // Closest first, then alphabetical: the weight of a word comes from its first
            // form, and must not depend on the order terms were hashed in.
            forms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        forms
    }
}

/// Kinds of gatherings ("meeting", "sprint") and the word that qualifies them ("code
/// sprint", "community meeting") say less about which one is meant than names.
fn is_kind(w: &str) -> bool {
    crate::lexicon::is_gathering_noun(w)
}

/// Words that say which kind of a gathering ("code", "community", "communautaire").
fn is_qualifier(w: &str) -> bool {
    crate::lexicon::all().kind_qualifiers.contains(&w)
}

/// A qualifier beside the kind it qualifies: "code sprint", "sprint de code".
fn qualifies_kind(words: &[String], k: usize) -> bool {
    words.get(k + 1).is_some_and(|n| is_kind(n)) && is_qualifier(&words[k])
        || qualifies_kind_before(words, k)
}

/// A qualifier after the kind it qualifies: "sprint de code", "taller comunitario".
fn qualifies_kind_before(words: &[String], k: usize) -> bool {
    k.checked_sub(1).is_some_and(|p| is_kind(&words[p])) && is_qualifier(&words[k])
}

fn word_weight(words: &[String], k: usize) -> f32 {
    if is_kind(&words[k]) {
        0.5
    } else if words.get(k + 1).is_some_and(|next| is_kind(next)) || qualifies_kind_before(words, k)
    {
        // "code sprint", and "sprint de code" where the qualifier follows.
        0.25
    } else {
        1.0
    }
}

fn stemmers() -> [Stemmer; 3] {
    [
        Stemmer::create(Algorithm::French),
        Stemmer::create(Algorithm::English),
        Stemmer::create(Algorithm::Spanish),
    ]
}

fn stemmer(stemmers: &[Stemmer; 3], lang: Language) -> Option<&Stemmer> {
    match lang {
        Language::Fr => Some(&stemmers[0]),
        Language::En => Some(&stemmers[1]),
        Language::Es => Some(&stemmers[2]),
        Language::Other => None,
    }
}

/// A word as the index may hold it: folded, and stemmed in the given language.
fn variants(word: &str, lang: Language, stemmers: &[Stemmer; 3]) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if let Some(s) = stemmer(stemmers, lang) {
        let stem = s.stem(word).into_owned();
        if stem != word {
            out.push(stem);
        }
    }
    out
}

/// The index terms of a text.
fn terms(text: &str, lang: Language, stemmers: &[Stemmer; 3]) -> Vec<String> {
    words(text)
        .into_iter()
        .flat_map(|w| variants(&w, lang, stemmers))
        .collect()
}

/// What a text quotes, in guillemets or curly quotes, a few words at most: the titles it
/// gives ("«Érable desde cero»", "“Getting started”").
fn quoted(text: &str) -> String {
    let mut out = String::new();
    for (open, close) in [('«', '»'), ('“', '”')] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let inner = &after[..end];
            if (1..=8).contains(&inner.split_whitespace().count()) {
                out.push_str(inner);
                out.push(' ');
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// A word naming a kind of gathering, cut to a prefix so that plurals and genders meet;
/// the same kind in another language or word ("taller", "atelier") as its first name.
pub fn kind(word: &str) -> Option<String> {
    let same = crate::lexicon::KIND_SYNONYMS
        .iter()
        .find(|class| class.contains(&word))
        .map_or(word, |class| class[0]);
    crate::lexicon::all()
        .gathering_nouns
        .iter()
        .any(|s| same.starts_with(s))
        .then(|| same.chars().take(5).collect())
}

/// Whether a title names a kind of gathering other than one for gatherings in general
/// ("Docs sprint" does; "Vector tiles deep dive" and "event", a session the post names no
/// further, do not).
pub fn names_a_kind(title: &str) -> bool {
    words(title)
        .iter()
        .any(|w| !crate::lexicon::GENERIC_KINDS.contains(&w.as_str()) && kind(w).is_some())
}

/// The folded words of a text that can name something (stop words dropped). An edition's
/// ordinal is one word however it is written: "II Jornadas", "segundas jornadas", "2nd
/// meetup" and "second meetup" all say `ord2`.
pub fn words(text: &str) -> Vec<String> {
    let mut folded = String::new();
    let tokens = tokenize(text, &mut folded);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        k += 1;
        if !matches!(t.kind, Kind::Word | Kind::Num) {
            continue;
        }
        // "2nd", "2e", "2ª": a number and its ordinal ending, written together.
        let suffix = tokens.get(k).filter(|s| {
            t.kind == Kind::Num
                && s.kind == Kind::Word
                && !s.space_before
                && crate::lexicon::is_ordinal_suffix(s.norm)
        });
        let ordinal = match suffix {
            Some(_) => t.norm.parse().ok(),
            None if t.kind == Kind::Word => crate::lexicon::ordinal(t.norm),
            None => None,
        };
        if let Some(n) = ordinal {
            k += usize::from(suffix.is_some());
            out.push(format!("ord{n}"));
            continue;
        }
        let w = t.norm;
        if (w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit())) && !is_stopword(w) {
            out.push(w.to_string());
        }
    }
    out
}

/// A venue's words but its streets' ("calle", "rue", "street"): they name no gathering,
/// and look like words that do ("calle" stems as "call").
fn venue_words(venue: &str) -> String {
    let streets = crate::word_set!(crate::lexicon::all().street_words);
    words(venue)
        .into_iter()
        .filter(|w| !streets.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that never name a gathering, in French, English and Spanish.
pub fn is_stopword(w: &str) -> bool {
    crate::lexicon::all().stopwords.contains(&w)
}
/// The first label of the host of the gatherings' posts, without "www", in its
/// hyphenated parts: the site's own name.
fn own_name(gatherings: &[Gathering], titles: &[String]) -> Vec<String> {
    let mut parts = address_name(gatherings);
    // A title's words, but not a kind of gathering nor a town: "Lyon Python Meetup" may
    // also meet elsewhere, and its workshops are not meetups.
    parts.extend(titles.iter().flat_map(|t| words(t)).filter(|w| {
        w.chars().count() >= 4
            && !w.chars().any(|c| c.is_ascii_digit())
            && !crate::lexicon::is_gathering_noun(w)
            && !crate::lexicon::towns::is_town(w)
    }));
    parts
}

/// The parts of the first label of the address of the gatherings' posts.
fn address_name(gatherings: &[Gathering]) -> Vec<String> {
    let url = gatherings
        .iter()
        .flat_map(|g| &g.versions)
        .find_map(|v| url::Url::parse(v.post_url.as_deref()?).ok());
    // A bare address ("localhost", "127.0.0.1") names no community: it has no domain, or
    // one of a single label.
    let Some(host) = url.as_ref().and_then(|u| u.domain()) else {
        return Vec::new();
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let Some((first, _)) = host.split_once('.') else {
        return Vec::new();
    };
    first.split('-').map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn an_edition_s_ordinal_is_one_word_however_written() {
        for text in [
            "II Jornadas Hacklab",
            "segundas jornadas hacklab",
            "2ª jornadas hacklab",
        ] {
            assert_eq!(words(text), ["ord2", "jornadas", "hacklab"], "{text}");
        }
        for text in ["the 2nd Map Summit", "the second Map Summit"] {
            assert_eq!(words(text), ["ord2", "map", "summit"], "{text}");
        }
        assert_eq!(words("la 3e rencontre"), ["ord3", "rencontre"]);
        assert_eq!(words("la troisième rencontre"), ["ord3", "rencontre"]);
        // A number alone stays a number.
        assert_eq!(words("geOcom 2026"), ["geocom", "2026"]);
    }
}
