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
use std::path::Path;

pub struct Ambiguity {
    words: HashSet<String>,
    given: HashSet<String>,
}

/// Names flagged by hand: common words, given names and surnames the lists miss.
const HAND_AMBIGUOUS: &[&str] = &[
    "Nice", "Reading", "Mobile", "Split", "Bath", "Chad", "Jordan", "Victoria",
    "Florence", "Sale", "Of", "Orange", "Derby", "Cork", "Hull", "Bury", "Deal", "Mold", "Say",
    "Male", "Male'",
    "Lincoln", "Jackson", "Hamilton", "Kingston", "Douglas", "Stanley", "Wellington",
    "Austin", "Dallas", "Phoenix", "Aurora", "Providence", "Independence", "Concord", "Columbus",
    "Mercedes", "Salvador", "Nancy", "Tours", "Angers", 
];

/// Never flagged: capitalised, these are (almost) only the place.
const NEVER_AMBIGUOUS: &[&str] = &[
    "Shanghai", "Tangier", "Muscat", "Astrakhan", "Bologna", "Cayenne", "Limerick", "Davenport",
    "Natal", "China", "Japan", "India", "Israel", "Kenya", "Chile", "Cuba", "Malta", "Mali",
    "Peru", "Oman", "Iran", "Iraq", "Syria", "Libya", "Samoa", "Tonga", "Fiji", "Togo", "Benin",
    "Gabon", "Ghana", "Russia", "America", "Paris", "London", "Moscow", "Tokyo", "Berlin",
    "Madrid", "Rome", "Kabul", "Kyiv", "Kiev", "Beijing", "Delhi", "Cairo", "Panama", "Bermuda",
    "Canada", "Brazil", "Sudan", "Jamaica", "Montserrat", "Anguilla", "Dominica", "Grenada",
    "Palau", "Nauru", "Tuvalu", "Macau", "Aruba", "Lebanon", "Bali", "Jakarta", "Manila",
    "Sofia", "Santiago", "Lima", "Havana", "Quito", "Bogota", "Caracas", "Denver", "Atlanta",
    "Congo", "Tobago", "Trinidad", "Madeira", "Sierra Leone", "Bolivia", "Argentina", "Colombia",
    "Armenia", "Albania", "Algeria", "Austria", "Australia", "Belize", "Bahamas", "Cyprus",
    "Estonia", "Guyana", "Honduras", "Latvia", "Liberia", "Lithuania", "Mauritania", "Moldova",
    "Mongolia", "Namibia", "Nigeria", "Romania", "Rwanda", "Serbia", "Slovenia", "Somalia",
    "Tanzania", "Tunisia", "Uganda", "Ukraine", "Zambia", "Zimbabwe", "Asia", "Europe", "Africa",
    "Ireland", "Scotland", "England", "Wales", "France", "Italy", "Spain", "Greece", "Germany",
    "Sweden", "Norway", "Finland", "Denmark", "Poland", "Hungary", "Egypt", "Morocco", "Kuwait",
    "Qatar", "Yemen", "Nepal", "Laos", "Vietnam", "Taiwan", "Korea", "Malaysia", "Indonesia",
    "Singapore", "Thailand", "Cambodia", "Mexico", "Ecuador", "Uruguay", "Paraguay", "Venezuela",
    "Haiti", "Belgium", "Luxembourg", "Monaco", "Andorra", "Portugal", "Iceland", "Greenland",
];

/// Very common English words: a city of this name under 500k and not a capital is dropped.
const VERY_COMMON: &[&str] = &[
    "man", "ho", "hub", "metro", "oral", "springs", "surprise", "paradise", "independence",
    "enterprise", "commonwealth", "centennial", "delta", "vista", "orange", "concord", "shaping",
    "simmering", "warder", "jingling", "bade", "tours", "woodlands", "archway", "midland", "mango",
    "pare", "ruse", "corona", "cypress", "garland", "barking", "slough", "harrow", "billings",
    "mesa", "lander", "bole", "saki", "balsas", "brusque", "erode", "mantilla", "bimbo", "samba",
    "lira", "centurion", "of", "say", "sale", "deal", "mold", "bury", "hull",
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
        Ok(Ambiguity { words: w, given })
    }

    fn derived(&self, name: &str) -> bool {
        // acronyms in capitals ("US", "CAR") match only as written: not ambiguous
        if name.chars().filter(|c| c.is_uppercase()).count() > 1 && !name.chars().any(|c| c.is_lowercase()) {
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
