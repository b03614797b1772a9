//! The world's towns of 5,000 people or more, by their folded names ("paris",
//! "aix-en-provence", "bidart", "new york"), from GeoNames (CC BY 4.0,
//! <https://www.geonames.org>); `scripts/towns.py` writes `towns.txt`. Rules ask it only
//! where a preposition alone does not tell a town ("sur Paris", "au Théâtre de Paris"):
//! many towns share a name with a word ("Nice", "Mobile", "Spring").

use std::sync::LazyLock;

/// One folded name per line, sorted by bytes.
static NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| include_str!("towns.txt").lines().collect());

/// The cities of 500,000 people or more, the same way (`scripts/towns.py --cities`).
static CITIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| include_str!("cities.txt").lines().collect());

/// Whether `folded` (lowercase, no accents, as `extract::token::fold` writes it) is the
/// name of a town.
pub fn is_town(folded: &str) -> bool {
    NAMES.binary_search(&folded).is_ok()
}

/// Whether `folded` is the name of a city of 500,000 people or more.
pub fn is_city(folded: &str) -> bool {
    CITIES.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_towns_by_their_folded_names() {
        for town in [
            "paris",
            "aix-en-provence",
            "bidart",
            "new york",
            "almeria",
            "munich",
        ] {
            assert!(is_town(town), "{town}");
        }
        for word in ["android", "eclipse", "meetup", "devfest", "Paris", "france"] {
            assert!(!is_town(word), "{word}");
        }
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(CITIES.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        for city in ["melbourne", "paris", "bogota", "chennai"] {
            assert!(is_city(city) && is_town(city), "{city}");
        }
        for town in [
            "carlton",
            "docklands",
            "perros-guirec",
            "australia",
            "oregon",
        ] {
            assert!(!is_city(town), "{town}");
        }
    }
}
