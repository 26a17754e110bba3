//! The `ambiguous` column: which names of a place are also common English words or given
//! names, and which cities are dropped outright.
//!
//! Rule (documented in gazetteers/SOURCES.md):
//! - a place name or alias is *ambiguous* when, compared case-insensitively as one whole
//!   string, it is (a) a lower-case entry of the English word list given by `--words`
//!   (proper nouns in the list, written with a capital, do not count), or (b) in the @stdlib
//!   male or female first-name lists, or (c) in the hand list `HAND_AMBIGUOUS` below;
//!   except the names in `NEVER_AMBIGUOUS` (place names whose word sense is rare in news,
//!   or capitalised only as the place).
//! - countries and dependencies are never dropped; they are flagged only by (c).
//! - a city that is not a national capital, has fewer than 500,000 inhabitants and whose
//!   name is a lower-case dictionary word listed in `VERY_COMMON` is dropped.

use std::collections::HashSet;

use crate::util::fold;
use std::path::Path;

pub struct Ambiguity {
    words: HashSet<String>,
    given: HashSet<String>,
    /// family names of the people of people.tsv (lower-case), set once people are built
    surnames: HashSet<String>,
    /// the `--surnames` list (lower-case)
    census: HashSet<String>,
}

/// Month and weekday names: "in March", "on Sunday" must never be a place.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Names flagged by hand: common words, given names and surnames the lists miss.
const HAND_AMBIGUOUS: &[&str] = &[
    "Nice",
    "Reading",
    "Mobile",
    "Split",
    "Bath",
    "Chad",
    "Jordan",
    "Victoria",
    "Florence",
    "Sale",
    "Of",
    "Orange",
    "Derby",
    "Cork",
    "Hull",
    "Bury",
    "Deal",
    "Mold",
    "Say",
    "Male",
    "Male'",
    "Lincoln",
    "Jackson",
    "Hamilton",
    "Kingston",
    "Douglas",
    "Stanley",
    "Wellington",
    "Austin",
    "Dallas",
    "Phoenix",
    "Aurora",
    "Providence",
    "Independence",
    "Concord",
    "Columbus",
    "Mercedes",
    "Salvador",
    "Nancy",
    "Tours",
    "Angers",
];

/// Never flagged: capitalised, these are (almost) only the place.
const NEVER_AMBIGUOUS: &[&str] = &[
    "Shanghai",
    "Tangier",
    "Muscat",
    "Astrakhan",
    "Bologna",
    "Cayenne",
    "Limerick",
    "Davenport",
    "Natal",
    "China",
    "Japan",
    "India",
    "Israel",
    "Kenya",
    "Chile",
    "Cuba",
    "Malta",
    "Mali",
    "Peru",
    "Oman",
    "Iran",
    "Iraq",
    "Syria",
    "Libya",
    "Samoa",
    "Tonga",
    "Fiji",
    "Togo",
    "Benin",
    "Gabon",
    "Ghana",
    "Russia",
    "America",
    "Paris",
    "London",
    "Moscow",
    "Tokyo",
    "Berlin",
    "Madrid",
    "Rome",
    "Kabul",
    "Kyiv",
    "Kiev",
    "Beijing",
    "Delhi",
    "Cairo",
    "Panama",
    "Bermuda",
    "Canada",
    "Brazil",
    "Sudan",
    "Jamaica",
    "Montserrat",
    "Anguilla",
    "Dominica",
    "Grenada",
    "Palau",
    "Nauru",
    "Tuvalu",
    "Macau",
    "Aruba",
    "Lebanon",
    "Bali",
    "Jakarta",
    "Manila",
    "Sofia",
    "Santiago",
    "Lima",
    "Havana",
    "Quito",
    "Bogota",
    "Caracas",
    "Denver",
    "Atlanta",
    "Congo",
    "Tobago",
    "Trinidad",
    "Madeira",
    "Sierra Leone",
    "Bolivia",
    "Argentina",
    "Colombia",
    "Armenia",
    "Albania",
    "Algeria",
    "Austria",
    "Australia",
    "Belize",
    "Bahamas",
    "Cyprus",
    "Estonia",
    "Guyana",
    "Honduras",
    "Latvia",
    "Liberia",
    "Lithuania",
    "Mauritania",
    "Moldova",
    "Mongolia",
    "Namibia",
    "Nigeria",
    "Romania",
    "Rwanda",
    "Serbia",
    "Slovenia",
    "Somalia",
    "Tanzania",
    "Tunisia",
    "Uganda",
    "Ukraine",
    "Zambia",
    "Zimbabwe",
    "Asia",
    "Europe",
    "Africa",
    "Ireland",
    "Scotland",
    "England",
    "Wales",
    "France",
    "Italy",
    "Spain",
    "Greece",
    "Germany",
    "Sweden",
    "Norway",
    "Finland",
    "Denmark",
    "Poland",
    "Hungary",
    "Egypt",
    "Morocco",
    "Kuwait",
    "Qatar",
    "Yemen",
    "Nepal",
    "Laos",
    "Vietnam",
    "Taiwan",
    "Korea",
    "Malaysia",
    "Indonesia",
    "Singapore",
    "Thailand",
    "Cambodia",
    "Mexico",
    "Ecuador",
    "Uruguay",
    "Paraguay",
    "Venezuela",
    "Haiti",
    "Belgium",
    "Luxembourg",
    "Monaco",
    "Andorra",
    "Portugal",
    "Iceland",
    "Greenland",
];

/// Very common English words: a city of this name under 500k and not a capital is dropped.
const VERY_COMMON: &[&str] = &[
    "man",
    "ho",
    "hub",
    "metro",
    "oral",
    "springs",
    "surprise",
    "paradise",
    "independence",
    "enterprise",
    "commonwealth",
    "centennial",
    "delta",
    "vista",
    "orange",
    "concord",
    "shaping",
    "simmering",
    "warder",
    "jingling",
    "bade",
    "tours",
    "woodlands",
    "archway",
    "midland",
    "mango",
    "pare",
    "ruse",
    "corona",
    "cypress",
    "garland",
    "barking",
    "slough",
    "harrow",
    "billings",
    "mesa",
    "lander",
    "bole",
    "saki",
    "balsas",
    "brusque",
    "erode",
    "mantilla",
    "bimbo",
    "samba",
    "lira",
    "centurion",
    "of",
    "say",
    "sale",
    "deal",
    "mold",
    "bury",
    "hull",
];

impl Ambiguity {
    pub fn load(data: &Path, words: Option<&Path>) -> Result<Self, String> {
        let mut given = HashSet::new();
        for f in ["male_first_names_en.txt", "female_first_names_en.txt"] {
            let p = data.join("stdlib-first-names").join(f);
            let t = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            for l in t.lines() {
                let l = l.trim();
                if !l.is_empty() {
                    given.insert(l.to_lowercase());
                }
            }
        }
        let mut w = HashSet::new();
        if let Some(p) = words {
            let t = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            for l in t.lines() {
                let l = l.trim();
                // lower-case entries only: "Paris" as a proper noun does not count
                if !l.is_empty() && l.chars().all(|c| c.is_lowercase()) {
                    w.insert(l.to_string());
                }
            }
        }
        Ok(Ambiguity {
            words: w,
            given,
            surnames: HashSet::new(),
            census: HashSet::new(),
        })
    }

    /// Records the family names of people.tsv: the last word of each name (the first for
    /// countries that write the family name first), capitalised, of three letters or more.
    pub fn set_surnames(&mut self, people: &[crate::Row]) {
        for p in people {
            let words: Vec<&str> = p.get("name").split_whitespace().collect();
            let family_first = crate::given_names::FAMILY_NAME_FIRST.contains(&p.get("country"));
            let w = if family_first {
                words.first()
            } else {
                words.last()
            };
            if let Some(w) = w {
                if w.chars().count() >= 3
                    && w.starts_with(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
                {
                    self.surnames.insert(w.to_lowercase());
                }
            }
        }
    }

    /// Adds a surname list: the US Census 1990 `dist.all.last` (one surname a line in
    /// capitals, then frequency columns), as shipped in the PyPI package `names`.
    pub fn load_surnames(&mut self, path: &Path) -> Result<usize, String> {
        let t = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for l in t.lines() {
            if let Some(w) = l.split_whitespace().next() {
                if w.chars().all(|c| c.is_alphabetic()) && w.chars().count() >= 3 {
                    self.census.insert(w.to_lowercase());
                }
            }
        }
        Ok(self.census.len())
    }

    /// A list for unit tests: lower-case words, given names, surnames.
    #[cfg(test)]
    pub fn for_tests(words: &[&str], given: &[&str], surnames: &[&str]) -> Self {
        let set = |l: &[&str]| l.iter().map(|s| s.to_lowercase()).collect();
        Ambiguity {
            words: set(words),
            given: set(given),
            surnames: set(surnames),
            census: HashSet::new(),
        }
    }

    /// Whether `name` is a month or weekday name.
    pub fn is_calendar(name: &str) -> bool {
        CALENDAR.contains(&name.to_lowercase().as_str())
    }

    /// Whether the name (folded, compared in lower case) is a given name of the @stdlib lists
    /// or a family name (people.tsv, `--surnames`).
    pub fn is_person_name(&self, name: &str) -> bool {
        let f = fold(name).to_lowercase();
        self.given.contains(&f) || self.surnames.contains(&f) || self.census.contains(&f)
    }

    /// Whether the name is in NEVER_AMBIGUOUS.
    pub fn is_never(name: &str) -> bool {
        Self::never(name)
    }

    /// Administrative divisions: the place rule plus the family names of people.tsv
    /// ("Guerrero", "Hidalgo" are also politicians' names); with `census`, also the names of
    /// the `--surnames` list (divisions outside the 16 Factbook countries, and towns).
    pub fn admin_flags(&self, names: &[String], census: bool) -> Vec<String> {
        names
            .iter()
            .filter(|n| {
                let f = fold(n).to_lowercase();
                Self::hand(n)
                    || (!Self::never(n)
                        && (self.derived(n)
                            || self.surnames.contains(&f)
                            || census && self.census.contains(&f)))
            })
            .cloned()
            .collect()
    }

    fn derived(&self, name: &str) -> bool {
        // acronyms in capitals ("US", "CAR") match only as written: not ambiguous
        if name.chars().filter(|c| c.is_uppercase()).count() > 1
            && !name.chars().any(|c| c.is_lowercase())
        {
            return false;
        }
        let l = name.to_lowercase();
        self.words.contains(&l) || self.given.contains(&l)
    }

    fn hand(name: &str) -> bool {
        HAND_AMBIGUOUS.contains(&name)
    }

    fn never(name: &str) -> bool {
        NEVER_AMBIGUOUS.contains(&name)
    }

    /// The subset of `names` that is ambiguous (cities, admin divisions, regions).
    pub fn place_flags(&self, names: &[String]) -> Vec<String> {
        names
            .iter()
            .filter(|n| Self::hand(n) || (!Self::never(n) && self.derived(n)))
            .cloned()
            .collect()
    }

    /// Whether the lower-cased word is in the dictionary word list.
    pub fn is_word(&self, name: &str) -> bool {
        self.words.contains(&name.to_lowercase())
    }

    /// Only the names of the hand list (capitals and cities of a million people).
    pub fn hand_flags(&self, names: &[String]) -> Vec<String> {
        names.iter().filter(|n| Self::hand(n)).cloned().collect()
    }

    /// Countries and dependencies: only the hand list. A capitalised country name that is
    /// also a lower-case word ("Turkey", "Guinea") is nearly always the country in news;
    /// the hand list keeps those that are common given names ("Chad", "Jordan").
    pub fn country_flags(&self, names: &[String]) -> Vec<String> {
        names
            .iter()
            .filter(|n| Self::hand(n) && !Self::never(n))
            .cloned()
            .collect()
    }

    /// Institution names (news outlets) that are also common words, given names, or at most
    /// two letters ("i", "People", "Guardian"): they need context to count.
    pub fn word_flags(&self, names: &[String]) -> Vec<String> {
        names
            .iter()
            .filter(|n| n.chars().count() <= 2 || self.derived(n))
            .cloned()
            .collect()
    }

    pub fn is_very_common_word(&self, name: &str) -> bool {
        let l = name.to_lowercase();
        VERY_COMMON.contains(&l.as_str()) && (self.words.contains(&l) || self.words.is_empty())
    }
}
