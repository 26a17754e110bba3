//! First-level administrative divisions: the written forms shared by the Factbook divisions
//! (16 countries, ids `gz:admin-…`) and the GeoNames `admin1CodesASCII.txt` divisions of every
//! other country (ids `geonames:<geonameid>`), and the GeoNames reader.
//!
//! Rules (documented in gazetteers/SOURCES.md, "Administrative divisions"):
//! - a name made only of compass and position words or lower-case dictionary words
//!   ("Central", "Western", "Upper West", "Rivers", "Delta") is never written alone: it gets
//!   the country's division noun ("Central Region", "Rivers State"), or the division is left
//!   out when the country has none; a name that already ends in a division noun ("Central
//!   Region", "Northern District") is kept as it is;
//! - a GeoNames name ending in a division noun ("Riyadh Region") also gets its bare part
//!   ("Riyadh") as an alias unless the bare part is generic, the name of a city of the same
//!   country, of a country or of a curated place;
//! - countries where "X Province", "X State", "X County" … is the usual English form get that
//!   form (and its lower-case-noun variant, "Helmand province") as aliases;
//! - a GeoNames division that has the name of a curated place (Abkhazia, Scotland…) is left
//!   out: the curated entry is that place;
//! - a division whose bare name is also a country's keeps it: the country ranks higher.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use crate::ambiguity::Ambiguity;
use crate::util::{clean, fold, push_alias};
use crate::Row;

/// The usual English noun for a first-level division, by ISO2, and whether "X <noun>" is a
/// usual form in news for every division of that country (`true`) or only a fallback for
/// names that cannot stand alone (`false`). "State" is never used: "X State" begins
/// institution names ("Lagos State University", "Ohio State"), whose pattern needs the word
/// "State" free of a place match.
const DIVISION_NOUNS: &[(&str, &str, bool)] = &[
    // provinces
    ("AF", "Province", true),
    ("IR", "Province", true),
    ("TR", "Province", true),
    ("TH", "Province", true),
    ("ID", "Province", true),
    ("CN", "Province", false),
    ("PK", "Province", true),
    ("ZA", "Province", false),
    ("ZM", "Province", false),
    ("ZW", "Province", false),
    ("AR", "Province", true),
    ("LK", "Province", false),
    ("PG", "Province", false),
    ("BE", "Province", false),
    ("NL", "Province", false),
    ("KH", "Province", true),
    ("CU", "Province", false),
    ("DO", "Province", false),
    ("PA", "Province", false),
    ("CR", "Province", false),
    ("CD", "Province", true),
    ("AO", "Province", true),
    ("MZ", "Province", true),
    ("RW", "Province", false),
    ("BI", "Province", true),
    ("KP", "Province", true),
    ("KR", "Province", false),
    ("IE", "Province", false),
    ("MN", "Province", false),
    ("NP", "Province", false),
    ("SB", "Province", false),
    ("EC", "Province", false),
    ("BG", "Province", false),
    ("GA", "Province", false),
    ("DZ", "Province", true),
    ("SL", "Province", false),
    ("VN", "Province", true),
    ("LA", "Province", true),
    ("TD", "Province", false),
    ("CA", "Province", false),
    // regions
    ("GH", "Region", true),
    ("UG", "Region", false),
    ("MW", "Region", false),
    ("CM", "Region", false),
    ("SN", "Region", true),
    ("ML", "Region", true),
    ("NE", "Region", true),
    ("TZ", "Region", true),
    ("ET", "Region", true),
    ("BF", "Region", false),
    ("GN", "Region", false),
    ("MR", "Region", false),
    ("MA", "Region", false),
    ("FR", "Region", false),
    ("IT", "Region", false),
    ("CZ", "Region", false),
    ("SK", "Region", false),
    ("DK", "Region", false),
    ("GR", "Region", false),
    ("IS", "Region", false),
    ("TG", "Region", false),
    ("GM", "Region", false),
    ("NA", "Region", false),
    ("SO", "Region", true),
    ("MG", "Region", false),
    ("PH", "Region", false),
    ("PE", "Region", false),
    ("CL", "Region", false),
    ("SA", "Region", false),
    ("BY", "Region", true),
    ("UZ", "Region", true),
    ("KZ", "Region", true),
    ("KG", "Region", true),
    ("TJ", "Region", false),
    ("GE", "Region", false),
    ("ER", "Region", false),
    // counties, governorates, departments, districts, others
    ("KE", "County", true),
    ("LR", "County", true),
    ("SE", "County", false),
    ("NO", "County", false),
    ("RO", "County", false),
    ("HU", "County", false),
    ("HR", "County", false),
    ("EE", "County", false),
    ("LT", "County", false),
    ("IQ", "Governorate", true),
    ("EG", "Governorate", true),
    ("SY", "Governorate", true),
    ("JO", "Governorate", false),
    ("TN", "Governorate", false),
    ("YE", "Governorate", true),
    ("LB", "Governorate", false),
    ("KW", "Governorate", false),
    ("OM", "Governorate", false),
    ("BH", "Governorate", false),
    ("PS", "Governorate", false),
    ("CO", "Department", true),
    ("UY", "Department", false),
    ("PY", "Department", false),
    ("HN", "Department", false),
    ("GT", "Department", false),
    ("SV", "Department", false),
    ("NI", "Department", false),
    ("BO", "Department", false),
    ("BJ", "Department", false),
    ("HT", "Department", false),
    ("BW", "District", false),
    ("IL", "District", false),
    ("PT", "District", false),
    ("LY", "District", false),
    ("BD", "Division", false),
    ("FJ", "Division", false),
    ("PL", "Voivodeship", false),
    ("CH", "Canton", false),
    ("JP", "Prefecture", true),
    ("CF", "Prefecture", false),
];

/// Last words that make a name a division name by themselves ("Central Region").
const TYPE_WORDS: &[&str] = &[
    "Region",
    "Province",
    "Governorate",
    "District",
    "Department",
    "State",
    "County",
    "Oblast",
    "Krai",
    "Prefecture",
    "Municipality",
    "Territory",
    "Division",
    "Parish",
    "Area",
    "Voivodeship",
    "Canton",
    "Emirate",
];

/// Compass and position words (English, French, Spanish, Portuguese) and geographic common
/// nouns: a name made only of these ("Central", "Upper River", "North Bank", "Rivers") does
/// not name a place alone.
const GENERIC_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "centre",
    "center",
    "middle",
    "upper",
    "lower",
    "greater",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "nord",
    "sud",
    "est",
    "ouest",
    "centrale",
    "norte",
    "sur",
    "este",
    "oeste",
    "centro",
    "leste",
    "and",
    "of",
    "the",
    "capital",
    "maritime",
    "coastal",
    "littoral",
    "interior",
    "frontier",
    "border",
    "river",
    "rivers",
    "bank",
    "coast",
    "island",
    "islands",
    "isles",
    "lake",
    "lakes",
    "highlands",
    "lowlands",
    "plateau",
    "plateaux",
    "valley",
    "hill",
    "hills",
    "side",
    "peninsula",
    "delta",
    "mountain",
    "mountains",
    "savannah",
    "savanes",
    "sea",
    "bay",
    "gulf",
    "forest",
    "desert",
    "plain",
    "plains",
    "lagoon",
    "lagoons",
    "zone",
];

pub fn noun(cc: &str) -> Option<(&'static str, bool)> {
    DIVISION_NOUNS
        .iter()
        .find(|d| d.0 == cc)
        .map(|d| (d.1, d.2))
}

/// Names that a division's forms are compared with (folded, lower-case).
#[derive(Default)]
pub struct Known {
    /// names, aliases and demonyms of countries and dependencies
    pub countries: HashSet<String>,
    /// names and aliases of places_curated.tsv
    pub curated: HashSet<String>,
    /// ISO2 -> names of the country's cities of 100,000+ people and capitals
    pub cities: HashMap<String, HashSet<String>>,
    /// ISO2 -> the country's own names and aliases
    pub own: HashMap<String, HashSet<String>>,
    /// ISO2 -> GeoNames alternate names of those cities ("Mecca" for Makkah)
    pub city_alternates: HashMap<String, HashSet<String>>,
}

impl Known {
    /// Whether a division's bare name is also its country's name or the name of one of its
    /// cities of 100,000+ people: that place always wins the bare name (same country, higher
    /// rank or population), so the division is written only with its division noun.
    pub fn same_country_clash(&self, cc: &str, name: &str) -> bool {
        let k = key(name);
        self.cities.get(cc).is_some_and(|s| s.contains(&k))
            || self.own.get(cc).is_some_and(|s| s.contains(&k))
    }
}

/// A division written with its country's division noun only ("Tehran" -> "Tehran Province",
/// "Tehran province"; the bare name and its folded form are no longer aliases), or `None`
/// when the country has no division noun. A name that already ends in a division noun is
/// kept.
pub fn qualify(cc: &str, name: &str, aliases: &[String]) -> Option<(String, Vec<String>)> {
    let bare = [name.to_string(), fold(name)];
    let (q, mut al) = if split_type(name).is_some() {
        (name.to_string(), Vec::new())
    } else {
        let (n, _) = noun(cc)?;
        let q = format!("{name} {n}");
        let mut al = Vec::new();
        push_alias(&mut al, &q, &format!("{name} {}", n.to_lowercase()));
        (q, al)
    };
    for a in aliases {
        if !bare.contains(a) {
            push_alias(&mut al, &q, a);
        }
    }
    let snapshot: Vec<String> = std::iter::once(q.clone())
        .chain(al.iter().cloned())
        .collect();
    for a in snapshot {
        push_alias(&mut al, &q, &fold(&a));
    }
    Some((q, al))
}

pub fn key(s: &str) -> String {
    fold(s).to_lowercase()
}

/// Whether every word of `name` is a compass, position or geographic common word or a
/// division noun: "Central", "Upper West", "North-West", "Rivers", "Western Area".
pub fn is_generic(name: &str) -> bool {
    let words: Vec<String> = name
        .split([' ', '-', '/'])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            GENERIC_WORDS.contains(&w.as_str())
                || TYPE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w))
        })
}

/// Splits "Riyadh Region" (or "Astrakhan region") into ("Riyadh", "Region"); `None` when the
/// last word is no division noun or nothing comes before it.
fn split_type(name: &str) -> Option<(&str, &str)> {
    let (rest, last) = name.rsplit_once(' ')?;
    let rest = rest.trim();
    (TYPE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(last)) && !rest.is_empty())
        .then_some((rest, last))
}

/// The written forms of one division: (name, aliases), or `None` when its name cannot
/// stand alone and the country has no division noun.
pub fn written_forms(
    cc: &str,
    name: &str,
    aliases: &[String],
    known: &Known,
    geonames: bool,
) -> Option<(String, Vec<String>)> {
    let noun = noun(cc);
    let (bare, typed) = match split_type(name) {
        Some((rest, _)) => (rest.to_string(), true),
        None => (name.to_string(), false),
    };
    let generic = is_generic(&bare);
    let mut out_name = name.to_string();
    let mut al: Vec<String> = Vec::new();
    if generic && !typed {
        let (n, _) = noun?;
        out_name = format!("{name} {n}");
        push_alias(&mut al, &out_name, &format!("{name} {}", n.to_lowercase()));
    }
    for a in aliases {
        // a generic alias ("Delta region") keeps its noun; a bare generic one is dropped
        if !(is_generic(a) && split_type(a).is_none()) {
            push_alias(&mut al, &out_name, a);
        }
    }
    if geonames && typed && !generic {
        let k = key(&bare);
        let city = known.cities.get(cc).is_some_and(|s| s.contains(&k))
            || known
                .city_alternates
                .get(cc)
                .is_some_and(|s| s.contains(&k));
        if !city && !known.countries.contains(&k) && !known.curated.contains(&k) {
            push_alias(&mut al, &out_name, &bare);
        }
    }
    if let Some((n, true)) = noun {
        if !generic && !typed {
            push_alias(&mut al, &out_name, &format!("{name} {n}"));
            push_alias(&mut al, &out_name, &format!("{name} {}", n.to_lowercase()));
        }
    }
    let snapshot: Vec<String> = std::iter::once(out_name.clone())
        .chain(al.iter().cloned())
        .collect();
    for s in snapshot {
        push_alias(&mut al, &out_name, &fold(&s));
    }
    Some((out_name, al))
}

/// Divisions averaging fewer people than this are municipalities (Slovenia's 212, Malta's 68
/// local councils), not states or provinces: such a country's GeoNames divisions are left out.
pub const MIN_MEAN_POPULATION: u64 = 50_000;

/// GeoNames first-level divisions (`admin1CodesASCII.txt`: code, name, ASCII name,
/// geonameid) of every country in `population` (ISO2 -> people) that is not in `skip` (the
/// countries whose divisions come from the Factbook). `taken` holds the folded names of the
/// Factbook divisions: a GeoNames division of that name, or of the name of a division of a
/// more populous country, is written only with its division noun ("Florida Department"), or
/// left out when the country has none.
pub fn build_geonames(
    path: &Path,
    population: &BTreeMap<String, u64>,
    skip: &BTreeSet<String>,
    taken: &HashSet<String>,
    amb: &Ambiguity,
    known: &Known,
) -> Result<(Vec<Row>, BTreeMap<&'static str, usize>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // sorted by code for determinism
    let mut lines: BTreeMap<String, (String, String)> = BTreeMap::new();
    for l in text.lines() {
        let cells: Vec<&str> = l.split('\t').collect();
        if cells.len() < 4 {
            continue;
        }
        lines.insert(
            cells[0].to_string(),
            (clean(cells[1]), cells[3].trim().to_string()),
        );
    }
    let mut per_country: BTreeMap<&str, u64> = BTreeMap::new();
    for code in lines.keys() {
        if let Some((cc, _)) = code.split_once('.') {
            *per_country.entry(cc).or_default() += 1;
        }
    }
    let mut dropped: BTreeMap<&'static str, usize> = BTreeMap::new();
    // first pass: the forms of every division
    let mut divs: Vec<(String, String, String, Vec<String>)> = Vec::new(); // cc, gid, name, aliases
    for (code, (name, gid)) in &lines {
        let Some((cc, _)) = code.split_once('.') else {
            continue;
        };
        let Some(&pop) = population.get(cc) else {
            continue;
        };
        if skip.contains(cc) || name.is_empty() || gid.is_empty() {
            continue;
        }
        if pop / per_country[cc].max(1) < MIN_MEAN_POPULATION {
            *dropped.entry("municipalities").or_default() += 1;
            continue;
        }
        // a lower-case start is not a name ("les Escaldes" is written so in GeoNames)
        if !name.starts_with(char::is_uppercase) {
            continue;
        }
        if known.curated.contains(&key(name)) {
            *dropped.entry("curated place").or_default() += 1;
            continue;
        }
        match written_forms(cc, name, &[], known, true) {
            Some((n, al)) => divs.push((cc.to_string(), gid.clone(), n, al)),
            None => *dropped.entry("generic name, no division noun").or_default() += 1,
        }
    }
    let mut largest: HashMap<String, u64> = HashMap::new();
    for (cc, _, n, _) in &divs {
        let e = largest.entry(key(n)).or_default();
        *e = (*e).max(population[cc]);
    }
    let mut rows = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for (cc, gid, name, al) in divs {
        let k = key(&name);
        let generic = is_generic(split_type(&name).map_or(name.as_str(), |(rest, _)| rest));
        let namesake = !generic && (taken.contains(&k) || largest[&k] > population[&cc]);
        let (name, al) = if namesake || known.same_country_clash(&cc, &name) {
            match qualify(&cc, &name, &al) {
                Some(q) if q.0 != name => {
                    *dropped.entry("qualified: larger namesake").or_default() += 1;
                    q
                }
                _ => {
                    *dropped.entry("larger namesake").or_default() += 1;
                    continue;
                }
            }
        } else {
            (name, al)
        };
        if !seen.insert((cc.clone(), key(&name))) {
            continue;
        }
        let mut row = Row::new();
        row.set("id", &format!("geonames:{gid}"));
        row.set("name", &name);
        row.set_list("aliases", &al);
        row.set("type", "admin");
        row.set("country", &cc);
        let names: Vec<String> = std::iter::once(name.clone())
            .chain(al.iter().cloned())
            .collect();
        row.set_list("ambiguous", &amb.admin_flags(&names, true));
        rows.push(row);
    }
    Ok((rows, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_names_take_the_country_noun() {
        let k = Known::default();
        let (n, al) = written_forms("GH", "Central", &[], &k, true).unwrap();
        assert_eq!(n, "Central Region");
        assert!(al.contains(&"Central region".to_string()));
        assert!(!al.contains(&"Central".to_string()));
        // no "X State" forms: they begin institution names
        assert_eq!(written_forms("NG", "Rivers", &[], &k, false), None);
        assert_eq!(written_forms("XX", "Upper West", &[], &k, true), None);
        let (n, al) = written_forms("UG", "Central Region", &[], &k, true).unwrap();
        assert_eq!(n, "Central Region");
        assert!(al.is_empty());
    }

    #[test]
    fn usual_nouns_and_bare_parts() {
        let mut k = Known::default();
        k.cities
            .insert("SA".into(), ["riyadh".to_string()].into_iter().collect());
        let (n, al) = written_forms("AF", "Helmand", &[], &k, true).unwrap();
        assert_eq!(n, "Helmand");
        assert_eq!(al, vec!["Helmand Province", "Helmand province"]);
        let (_, al) = written_forms("SA", "Riyadh Region", &[], &k, true).unwrap();
        assert!(!al.contains(&"Riyadh".to_string()));
        let (_, al) = written_forms("SA", "Asir Region", &[], &k, true).unwrap();
        assert!(al.contains(&"Asir".to_string()));
        let (n, al) = written_forms("FR", "Île-de-France", &[], &k, true).unwrap();
        assert_eq!(n, "Île-de-France");
        assert_eq!(al, vec!["Ile-de-France"]);
    }

    #[test]
    fn generic_detection() {
        assert!(is_generic("North-West"));
        assert!(is_generic("Upper River"));
        assert!(is_generic("Rivers"));
        assert!(!is_generic("Grand Est"));
        assert!(!is_generic("Greater Accra"));
        assert!(!is_generic("Cross River"));
        assert!(!is_generic("New South Wales"));
        assert_eq!(
            split_type("Astrakhan region"),
            Some(("Astrakhan", "region"))
        );
    }
}
