//! One Aho-Corasick automaton over every name, alias, acronym and demonym of the gazetteer.
//!
//! For a very large gazetteer (over [`LARGE_GAZETTEER`] patterns, about half a million
//! aliases) the automaton's construction takes many seconds, so the matcher uses a table
//! instead: every match is token-aligned anyway, so it looks up the runs of tokens that
//! start with a token some pattern starts with. Both engines find the same matches.
//!
//! Matching rules (also in gazetteers/README.md):
//! - a match counts only on token boundaries ([`crate::segment::is_boundary`]), so "Japan"
//!   never matches inside "Japanese" while "Japan's", "Japan’s" and "Japan-Russia" match;
//! - among overlapping token-aligned matches the leftmost wins, and at one start the longest:
//!   "Russian Foreign Ministry" beats "Russian";
//! - a name matches as written and in ALL CAPITALS; acronyms and names written in capitals
//!   only as written, so "AP" never matches "ap";
//! - a name with an apostrophe matches with either the straight or the curly one.

use super::{Entry, Gazetteer};
use crate::error::{Error, ErrorKind};
use crate::segment::{longest_whole_words, Token};
use crate::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

/// How a pattern stands for its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Form {
    /// The canonical name.
    Name,
    /// An alias.
    Alias,
    /// An acronym (institutions).
    Acronym,
    /// A demonym or country adjective (places): not a mention of the place.
    Demonym,
}

/// One entry a pattern can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub(crate) entry: u32,
    pub(crate) form: Form,
    /// The alias is also a common word or name; a mention needs context.
    pub(crate) ambiguous: bool,
}

/// A token-aligned match of one pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    pub(crate) span: Span,
    pub(crate) pattern: u32,
}

/// Patterns above which the matcher uses a table of token runs instead of an automaton.
pub(crate) const LARGE_GAZETTEER: usize = 500_000;

/// The compiled automaton and, for each pattern, the entries it stands for, best first.
#[derive(Debug)]
pub(crate) struct Matcher {
    engine: Option<Engine>,
    targets: Vec<Vec<Target>>,
}

/// How the patterns are found in a text.
#[derive(Debug)]
enum Engine {
    Automaton(AhoCorasick),
    Table(TokenTable),
}

/// Patterns by their text, and the first token of each: a run of tokens is looked up only
/// when it starts with such a token and is no longer than the longest pattern.
#[derive(Debug)]
struct TokenTable {
    ids: HashMap<String, u32>,
    first_tokens: HashSet<String>,
    longest: usize,
}

impl TokenTable {
    fn new(ids: HashMap<String, u32>) -> TokenTable {
        let mut first_tokens = HashSet::new();
        let mut longest = 0;
        let mut tokens = Vec::new();
        for p in ids.keys() {
            longest = longest.max(p.len());
            tokens.clear();
            crate::segment::tokenize(p, Span::new(0, p.len()), &mut tokens);
            if let Some(t) = tokens.first() {
                first_tokens.insert(p.as_str()[t.span].to_string());
            }
        }
        TokenTable {
            ids,
            first_tokens,
            longest,
        }
    }

    /// Candidate matches among the given tokens of `text`.
    fn find(&self, text: &str, tokens: &[Token]) -> Vec<(Span, u32)> {
        let mut out = Vec::new();
        for (i, first) in tokens.iter().enumerate() {
            if !self.first_tokens.contains(&text[first.span]) {
                continue;
            }
            for last in &tokens[i..] {
                if last.span.end - first.span.start > self.longest {
                    break;
                }
                let span = Span::new(first.span.start, last.span.end);
                if let Some(&pattern) = self.ids.get(&text[span]) {
                    out.push((span, pattern));
                }
            }
        }
        out
    }
}

impl Matcher {
    /// Compiles every surface form of every entry.
    pub(crate) fn build(gaz: &Gazetteer) -> Result<Matcher, Error> {
        Matcher::build_with(gaz, LARGE_GAZETTEER)
    }

    /// As [`build`](Matcher::build), with a table of token runs instead of an automaton
    /// above `large` patterns.
    pub(crate) fn build_with(gaz: &Gazetteer, large: usize) -> Result<Matcher, Error> {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut add = |pattern: String, target: Target| {
            let id = *ids.entry(pattern).or_insert_with_key(|p| {
                patterns.push(p.clone());
                targets.push(Vec::new());
                (patterns.len() - 1) as u32
            });
            let list = &mut targets[id as usize];
            match list.iter_mut().find(|t| t.entry == target.entry) {
                Some(t) if target.form < t.form => *t = target,
                Some(_) => {}
                None => list.push(target),
            }
        };
        for (index, entry) in gaz.entries.iter().enumerate() {
            for (form, text) in surface_forms(entry) {
                let target = Target {
                    entry: index as u32,
                    form,
                    ambiguous: entry.ambiguous.iter().any(|a| a == text),
                };
                for variant in variants(text, form) {
                    add(variant, target);
                }
            }
        }
        for list in &mut targets {
            list.sort_by_key(|t| preference(gaz, t));
        }
        let engine = if patterns.is_empty() {
            None
        } else if patterns.len() > large {
            Some(Engine::Table(TokenTable::new(ids)))
        } else {
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .map_err(|e| {
                    Error::new(
                        ErrorKind::Build,
                        format!("cannot build the gazetteer automaton: {e}"),
                    )
                })?;
            Some(Engine::Automaton(ac))
        };
        Ok(Matcher { engine, targets })
    }

    /// Every token-aligned match in `text[span]`, leftmost first and longest at each start,
    /// none overlapping another, with offsets into `text`. `tokens` are the tokens of
    /// `text[span]` (the document's), which the table engine reads instead of the text.
    pub(crate) fn find(&self, text: &str, span: Span, tokens: &[Token]) -> Vec<Match> {
        let candidates: Vec<(Span, u32)> = match &self.engine {
            None => return Vec::new(),
            Some(Engine::Table(table)) => table.find(text, tokens),
            Some(Engine::Automaton(ac)) => {
                let Some(slice) = text.get(span.range()) else {
                    return Vec::new();
                };
                ac.find_overlapping_iter(slice)
                    .map(|m| {
                        let at = Span::new(span.start + m.start(), span.start + m.end());
                        (at, m.pattern().as_u32())
                    })
                    .collect()
            }
        };
        longest_whole_words(text, candidates)
            .into_iter()
            .map(|(span, pattern)| Match { span, pattern })
            .collect()
    }

    /// The entries a pattern stands for, best first.
    pub(crate) fn targets(&self, pattern: u32) -> &[Target] {
        &self.targets[pattern as usize]
    }

    /// The number of distinct patterns in the automaton.
    pub(crate) fn pattern_count(&self) -> usize {
        self.targets.len()
    }
}

/// Lower sorts first: non-demonyms, places of higher rank and population, later loads.
fn preference(
    gaz: &Gazetteer,
    t: &Target,
) -> (bool, bool, Reverse<u8>, Reverse<u64>, Reverse<u32>) {
    let e = gaz.entry(t.entry as usize);
    (
        t.form == Form::Demonym,
        t.ambiguous,
        Reverse(e.place_rank()),
        Reverse(e.population),
        Reverse(gaz.seq[t.entry as usize]),
    )
}

fn surface_forms(e: &Entry) -> impl Iterator<Item = (Form, &str)> {
    std::iter::once((Form::Name, e.name.as_str()))
        .chain(e.aliases.iter().map(|a| (Form::Alias, a.as_str())))
        .chain(e.acronyms.iter().map(|a| (Form::Acronym, a.as_str())))
        .chain(e.demonyms.iter().map(|a| (Form::Demonym, a.as_str())))
}

/// The strings a surface form is matched as: as written, in capitals (not for acronyms),
/// and with the other kind of apostrophe.
fn variants(text: &str, form: Form) -> Vec<String> {
    let mut out = vec![text.to_string()];
    if form != Form::Acronym && text.chars().any(char::is_lowercase) {
        out.push(text.to_uppercase());
    }
    let n = out.len();
    for i in 0..n {
        let v = &out[i];
        if v.contains('\'') {
            out.push(v.replace('\'', "\u{2019}"));
        } else if v.contains('\u{2019}') {
            out.push(v.replace('\u{2019}', "'"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Gazetteer, Location};
    use super::*;

    impl Matcher {
        /// Matches in the whole of `text`, tokenized here.
        fn find_in(&self, text: &str) -> Vec<Match> {
            let mut tokens = Vec::new();
            crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
            self.find(text, Span::new(0, text.len()), &tokens)
        }
    }

    fn gazetteer(files: &[(&str, &str)]) -> Gazetteer {
        // A directory of its own per call: tests run in parallel.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("gazette-matcher-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let g = Gazetteer::load(false, &[Location::Dir(dir.clone())]).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        g
    }

    fn names(gaz: &Gazetteer, m: &Matcher, text: &str) -> Vec<(String, String)> {
        m.find_in(text)
            .iter()
            .map(|x| {
                let t = m.targets(x.pattern)[0];
                (
                    text[x.span].to_string(),
                    gaz.entry(t.entry as usize).name.clone(),
                )
            })
            .collect()
    }

    const PLACES: &str = "id\tname\taliases\ttype\tcodes\tdemonyms\tpopulation\tambiguous\n\
        Q17\tJapan\t\tcountry\tJP\tJapanese\t\t\n\
        Q159\tRussia\tRussian Federation\tcountry\tRU\tRussian|Russians\t\t\n\
        C1\tMoscow\t\tcity\tRU\t\t12000000\t\n\
        C2\tMoscow\t\tcity\t\t\t25000\t\n\
        C3\tNice\t\tcity\t\t\t340000\tNice\n";
    const INSTITUTIONS: &str = "id\tname\taliases\tacronyms\n\
        I1\tMinistry of Foreign Affairs of Russia\tRussian Foreign Ministry|Russia's Foreign Ministry\t\n\
        I2\tAssociated Press\t\tAP\n";

    #[test]
    fn token_boundaries_possessives_and_compounds() {
        let g = gazetteer(&[("places.tsv", PLACES), ("institutions.tsv", INSTITUTIONS)]);
        let m = Matcher::build(&g).unwrap();
        let found = names(
            &g,
            &m,
            "Japan's envoy, Russia’s envoy; Japan-Russia talks, Japanese.",
        );
        let texts: Vec<_> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Japan", "Russia", "Japan", "Russia", "Japanese"]);
        assert!(names(&g, &m, "Japans Russiagate").is_empty());
    }

    #[test]
    fn longest_match_wins_and_apostrophes_vary() {
        let g = gazetteer(&[("places.tsv", PLACES), ("institutions.tsv", INSTITUTIONS)]);
        let m = Matcher::build(&g).unwrap();
        let found = names(
            &g,
            &m,
            "the Russian Foreign Ministry and Russia’s Foreign Ministry",
        );
        assert_eq!(found.len(), 2);
        assert!(found
            .iter()
            .all(|(_, n)| n == "Ministry of Foreign Affairs of Russia"));
    }

    #[test]
    fn capitals_and_acronyms() {
        let g = gazetteer(&[("places.tsv", PLACES), ("institutions.tsv", INSTITUTIONS)]);
        let m = Matcher::build(&g).unwrap();
        assert_eq!(names(&g, &m, "MOSCOW (AP) —").len(), 2);
        assert!(names(&g, &m, "an ap story from moscow").is_empty());
        assert!(names(&g, &m, "Ap").is_empty());
    }

    #[test]
    fn shared_names_prefer_the_larger_place() {
        let g = gazetteer(&[("places.tsv", PLACES)]);
        let m = Matcher::build(&g).unwrap();
        let found = m.find_in("Moscow");
        let best = m.targets(found[0].pattern)[0];
        assert_eq!(g.entry(best.entry as usize).id, "C1");
        let nice = m.find_in("Nice");
        assert!(m.targets(nice[0].pattern)[0].ambiguous);
    }

    #[test]
    fn the_token_table_finds_what_the_automaton_finds() {
        let g = gazetteer(&[("places.tsv", PLACES), ("institutions.tsv", INSTITUTIONS)]);
        let automaton = Matcher::build_with(&g, usize::MAX).unwrap();
        let table = Matcher::build_with(&g, 0).unwrap();
        assert!(matches!(table.engine, Some(Engine::Table(_))));
        for text in [
            "Japan's envoy, Russia’s envoy; Japan-Russia talks, Japanese.",
            "the Russian Foreign Ministry and Russia’s Foreign Ministry",
            "MOSCOW (AP) — an ap story from moscow; Nice, NICE, Nicer",
            "Japans Russiagate Moscow\nMoscow  Moscow",
            "",
        ] {
            let a: Vec<_> = automaton
                .find_in(text)
                .iter()
                .map(|m| (m.span, automaton.targets(m.pattern)[0]))
                .collect();
            let t: Vec<_> = table
                .find_in(text)
                .iter()
                .map(|m| (m.span, table.targets(m.pattern)[0]))
                .collect();
            assert_eq!(a, t, "{text}");
        }
    }

    #[test]
    fn both_engines_agree_on_the_default_gazetteer_and_the_test_articles() {
        let g = Gazetteer::load(true, &[]).unwrap();
        let automaton = Matcher::build_with(&g, usize::MAX).unwrap();
        let table = Matcher::build_with(&g, 0).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(automaton.find_in(&text), table.find_in(&text));
            files += 1;
        }
        assert!(files >= 18);
    }

    #[test]
    fn empty_gazetteer_matches_nothing() {
        let g = Gazetteer::default();
        let m = Matcher::build(&g).unwrap();
        assert!(m.find_in("anything at all").is_empty());
        assert_eq!(m.pattern_count(), 0);
    }
}
