//! A deterministic, article-like corpus for the benchmarks, built from the names of the
//! shipped gazetteer files (`gazetteers/people.tsv`, `gazetteers/places.tsv`).
//!
//! Not a bench target itself (Cargo only discovers `benches/*.rs` and `benches/*/main.rs`).
#![allow(dead_code)]

use std::path::Path;

/// A small, fast, deterministic generator (xorshift64*), so every run sees the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Names read from the shipped gazetteers.
pub struct Names {
    pub people: Vec<String>,
    pub cities: Vec<String>,
    pub countries: Vec<String>,
    pub demonyms: Vec<String>,
}

/// Reads the `name` (and some other) columns of a gazetteer TSV file, as rows of cells.
fn rows(file: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("gazetteers")
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<String> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

impl Names {
    pub fn load() -> Names {
        let (h, people_rows) = rows("people.tsv");
        let name = col(&h, "name");
        let people: Vec<String> = people_rows
            .iter()
            .filter_map(|r| r.get(name).cloned())
            .filter(|n| n.contains(' '))
            .collect();
        let (h, place_rows) = rows("places.tsv");
        let (name, ty, dem) = (col(&h, "name"), col(&h, "type"), col(&h, "demonyms"));
        let mut cities = Vec::new();
        let mut countries = Vec::new();
        let mut demonyms = Vec::new();
        for r in &place_rows {
            let Some(n) = r.get(name) else { continue };
            match r.get(ty).map(String::as_str) {
                Some("city") => cities.push(n.clone()),
                Some("country") => {
                    countries.push(n.clone());
                    if let Some(d) = r.get(dem).and_then(|d| d.split('|').next()) {
                        if !d.is_empty() {
                            demonyms.push(d.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        assert!(people.len() > 100 && cities.len() > 100 && countries.len() > 100);
        Names {
            people,
            cities,
            countries,
            demonyms,
        }
    }
}

const TITLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Defence Minister",
    "Deputy Foreign Minister",
    "Ambassador",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "March 20",
];
const QUOTE_WORDS: &[&str] = &[
    "we",
    "will",
    "continue",
    "to",
    "work",
    "closely",
    "on",
    "the",
    "issues",
    "of",
    "security",
    "trade",
    "and",
    "peace",
    "both",
    "sides",
    "agreed",
    "that",
    "talks",
    "were",
    "productive",
    "our",
    "countries",
    "share",
    "a",
    "long",
    "history",
    "this",
    "is",
    "not",
    "acceptable",
];
const FILLER: &[&str] = &[
    "The two sides discussed trade, energy and regional security.",
    "Officials did not give details of the agenda.",
    "Analysts said the visit was largely symbolic.",
    "The ministry published a statement after the meeting.",
    "Relations between the two countries have been strained for years.",
    "A joint declaration is expected later this month.",
    "Markets reacted calmly to the news.",
];

/// A person's name, sometimes with a title and a demonym before it.
fn person(r: &mut Rng, n: &Names) -> String {
    let name = r.pick(&n.people);
    match r.below(4) {
        0 => format!("{} {} {}", r.pick(&n.demonyms), r.pick(TITLES), name),
        1 => format!("{} {}", r.pick(TITLES), name),
        _ => name.clone(),
    }
}

fn quote(r: &mut Rng) -> String {
    let len = 6 + r.below(14);
    let mut words: Vec<&str> = (0..len).map(|_| *r.pick(QUOTE_WORDS)).collect();
    let first = words[0];
    let cap = first[..1].to_uppercase() + &first[1..];
    words[0] = "";
    format!("{cap}{}", words.join(" "))
}

/// One sentence (or quoted statement) of an article.
pub fn sentence(r: &mut Rng, n: &Names) -> String {
    let surname = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_string();
    match r.below(12) {
        0 | 1 => format!(
            "{} met {} in {} on {}.",
            person(r, n),
            person(r, n),
            r.pick(&n.cities),
            r.pick(DAYS)
        ),
        2 => format!(
            "{} and {} held talks in {}, {}.",
            person(r, n),
            r.pick(&n.people),
            r.pick(&n.cities),
            r.pick(&n.countries)
        ),
        3 => format!(
            "{} will visit {} next week to meet {}.",
            person(r, n),
            r.pick(&n.countries),
            r.pick(&n.people)
        ),
        4 => format!("“{},” {} said.", quote(r), person(r, n)),
        5 => format!(
            "“{},” {} said.",
            quote(r),
            if r.chance(50) { "she" } else { "he" }
        ),
        6 => format!("{} told reporters: “{}.”", person(r, n), quote(r)),
        7 => format!(
            "\"{},\" said {}, adding that {} was ready for talks.",
            quote(r),
            surname(r.pick(&n.people).as_str()),
            r.pick(&n.countries)
        ),
        8 => format!(
            "According to {}, the {} government \"{}\".",
            r.pick(&n.people),
            r.pick(&n.demonyms),
            quote(r).to_lowercase()
        ),
        9 => format!(
            "Mr. {} arrived in {} from {} late on {}.",
            surname(r.pick(&n.people).as_str()),
            r.pick(&n.cities),
            r.pick(&n.cities),
            r.pick(DAYS)
        ),
        _ => r.pick(FILLER).to_string(),
    }
}

/// One article of about `target` bytes: a date header and paragraphs of 2 to 5 sentences.
pub fn article(r: &mut Rng, n: &Names, target: usize) -> String {
    let mut s = format!(
        " date 20{:02}-{:02}-{:02} ",
        10 + r.below(14),
        1 + r.below(12),
        1 + r.below(28)
    );
    while s.len() < target {
        let k = 2 + r.below(4);
        for i in 0..k {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&sentence(r, n));
        }
        s.push_str("\n\n");
    }
    s
}

/// Articles of about 3 KB each, `total` bytes in all.
pub fn articles(seed: u64, n: &Names, total: usize) -> Vec<String> {
    let mut r = Rng::new(seed);
    let mut out = Vec::new();
    let mut len = 0;
    while len < total {
        let target = 2_500 + r.below(1_000);
        let a = article(&mut r, n, target);
        len += a.len();
        out.push(a);
    }
    out
}

/// One long article of about `total` bytes (a single date header, many paragraphs).
pub fn long_article(seed: u64, n: &Names, total: usize) -> String {
    let mut r = Rng::new(seed);
    article(&mut r, n, total)
}

/// Peak resident set size of this process in kB (`VmHWM`), where /proc is available.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Current resident set size in kB (`VmRSS`).
pub fn rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn mb_per_s(bytes: usize, d: std::time::Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-12)
}
