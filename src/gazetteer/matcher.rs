//! Every name, alias, acronym and demonym of the gazetteer, found in a text as whole runs
//! of tokens.
//!
//! Matches count only on token boundaries, so every match starts at a token and ends at one:
//! the matcher looks up, in a hash index of the patterns, the runs of tokens that start with
//! a token some pattern starts with, up to the longest pattern starting with that token. It
//! finds what an Aho-Corasick automaton over the same patterns, filtered to whole words,
//! finds (a test compares them on the default gazetteer and every test article), but costs
//! one hash insertion per pattern to build instead of an automaton's construction, so that
//! the default gazetteer loads in milliseconds and millions of aliases in seconds.
//!
//! Matching rules (also in gazetteers/README.md):
//! - a match counts only on token boundaries ([`crate::segment::is_boundary`]), so "Japan"
//!   never matches inside "Japanese" while "Japan's", "Japan’s" and "Japan-Russia" match;
//! - among overlapping token-aligned matches the leftmost wins, and at one start the longest:
//!   "Russian Foreign Ministry" beats "Russian";
//! - a name matches as written and in ALL CAPITALS; acronyms and names written in capitals
//!   only as written, so "AP" never matches "ap";
//! - a name with an apostrophe matches with either the straight or the curly one.

use super::strings::StrSet;
use super::FastMap;
use super::{Entry, Gazetteer};
use crate::error::{Error, ErrorKind};
use crate::segment::{is_boundary, is_word_char, Token};
use crate::Span;
use std::cmp::Reverse;

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

/// The patterns, the first tokens they start with, and for each pattern the entries it
/// stands for, best first.
#[derive(Debug, Default)]
pub(crate) struct Matcher {
    /// Every distinct surface form (numbered from 0: the pattern ids of [`Match`]), then
    /// the first tokens of patterns that are not patterns themselves.
    keys: StrSet,
    /// How many of the keys are patterns.
    patterns: usize,
    /// For each key, the length in bytes of the longest pattern whose first token it is
    /// (0 for none).
    longest: Vec<u16>,
    /// The targets of each pattern: its only one, or the first of several...
    targets: Vec<Target>,
    /// ... then all of them at `more[p]` in `several` (about one pattern in a hundred).
    more: FastMap<u32, (u32, u32)>,
    several: Vec<Target>,
}

impl Matcher {
    /// Compiles every surface form of every entry.
    pub(crate) fn build(gaz: &Gazetteer) -> Result<Matcher, Error> {
        let too_large = |_| {
            Error::new(
                ErrorKind::Build,
                "the gazetteer's names, aliases and their variants pass 4 GiB: too many to \
                 compile",
            )
        };
        // Room for every form as written and in capitals; apostrophe variants are rare.
        let (mut forms, mut bytes) = (0, 0);
        for entry in &gaz.entries {
            for (_, text) in surface_forms(entry) {
                forms += 2;
                bytes += text.len();
            }
        }
        // Keys: patterns and first tokens that are not patterns (about one in eight).
        let mut keys = StrSet::with_capacity(forms + forms / 8, bytes * 2);
        // The target of each pattern's first occurrence, and those of later ones.
        let mut first: Vec<Target> = Vec::with_capacity(forms);
        let mut later: Vec<(u32, Target)> = Vec::new();
        let mut variants = Variants::default();
        for (index, entry) in gaz.entries.iter().enumerate() {
            for (form, text) in surface_forms(entry) {
                let target = Target {
                    entry: index as u32,
                    form,
                    ambiguous: entry.ambiguous.iter().any(|a| a == text),
                };
                for variant in variants.of(text, form) {
                    match keys.insert(variant).map_err(too_large)? {
                        (_, true) => first.push(target),
                        (id, false) => later.push((id, target)),
                    }
                }
            }
        }
        let patterns = keys.len();
        let (targets, more, several) = target_lists(gaz, first, later);
        let mut longest: Vec<u16> = vec![0; patterns];
        let mut token = String::new();
        for id in 0..patterns as u32 {
            let p = keys.get(id);
            // At most MAX_ALIAS_LEN bytes, three times that in capitals.
            let len = u16::try_from(p.len()).map_err(|_| {
                Error::new(ErrorKind::Build, format!("a name of {} bytes", p.len()))
            })?;
            let t = first_token_len(p);
            let key = if t == p.len() {
                id
            } else {
                token.clear();
                token.push_str(&p[..t]);
                let (key, new) = keys.insert(&token).map_err(too_large)?;
                if new {
                    longest.push(0);
                }
                key
            };
            let l = &mut longest[key as usize];
            *l = (*l).max(len);
        }
        keys.shrink_to_fit();
        Ok(Matcher {
            keys,
            patterns,
            longest,
            targets,
            more,
            several,
        })
    }

    /// Every token-aligned match in `text[span]`, leftmost first and longest at each start,
    /// none overlapping another, with offsets into `text`. `tokens` are the tokens of
    /// `text[span]` (the document's): a match starts at one and ends at one.
    pub(crate) fn find(&self, text: &str, span: Span, tokens: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        if text.get(span.range()).is_none() {
            return out;
        }
        // The end of the last match: a match must start at or after it.
        let mut end = 0;
        for (i, first) in tokens.iter().enumerate() {
            let start = first.span.start;
            if start < end || start < span.start {
                continue;
            }
            let Some(key) = text.get(first.span.range()).and_then(|s| self.keys.find(s)) else {
                continue;
            };
            let longest = self.longest[key as usize] as usize;
            if longest == 0 || !is_boundary(text, start) {
                continue;
            }
            let mut best = None;
            for (j, last) in tokens[i..].iter().enumerate() {
                let at = Span::new(start, last.span.end);
                if at.len() > longest || at.end > span.end {
                    break;
                }
                // The first token is looked up already.
                let found = if j == 0 {
                    Some(key)
                } else {
                    text.get(at.range()).and_then(|s| self.keys.find(s))
                };
                if let Some(pattern) = found.filter(|&k| (k as usize) < self.patterns) {
                    if is_boundary(text, at.end) {
                        best = Some(Match { span: at, pattern });
                    }
                }
            }
            if let Some(m) = best {
                end = m.span.end;
                out.push(m);
            }
        }
        out
    }

    /// The entries a pattern stands for, best first.
    pub(crate) fn targets(&self, pattern: u32) -> &[Target] {
        if let Some(&(start, end)) = self.more.get(&pattern) {
            return &self.several[start as usize..end as usize];
        }
        self.targets
            .get(pattern as usize)
            .map_or(&[], std::slice::from_ref)
    }

    /// The number of distinct patterns.
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns
    }

    /// The bytes the matcher holds.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        self.keys.heap_bytes()
            + self.longest.capacity() * 2
            + (self.targets.capacity() + self.several.capacity()) * std::mem::size_of::<Target>()
    }
}

/// The target lists of the patterns: for each pattern, from the target of its first
/// occurrence and those of its later ones (in the order the entries gave them), one target
/// per entry (its first, or a later one of a better form), best first. A pattern of one
/// target keeps it in the first list; one of several has them all in the third, at the
/// range the second gives.
#[allow(clippy::type_complexity)]
fn target_lists(
    gaz: &Gazetteer,
    mut first: Vec<Target>,
    mut later: Vec<(u32, Target)>,
) -> (Vec<Target>, FastMap<u32, (u32, u32)>, Vec<Target>) {
    // A stable sort: each pattern's later targets keep their order.
    later.sort_by_key(|(p, _)| *p);
    let mut more = FastMap::default();
    let mut several: Vec<Target> = Vec::new();
    for group in later.chunk_by(|a, b| a.0 == b.0) {
        let p = group[0].0;
        let from = several.len();
        several.push(first[p as usize]);
        for &(_, t) in group {
            // The targets of one entry come one after another.
            match several[from..].last_mut() {
                Some(kept) if kept.entry == t.entry => {
                    if t.form < kept.form {
                        *kept = t;
                    }
                }
                _ => several.push(t),
            }
        }
        if several.len() - from == 1 {
            // Several occurrences, all of one entry.
            if let Some(t) = several.pop() {
                first[p as usize] = t;
            }
            continue;
        }
        several[from..].sort_by_key(|t| preference(gaz, t));
        more.insert(p, (from as u32, several.len() as u32));
    }
    first.shrink_to_fit();
    several.shrink_to_fit();
    (first, more, several)
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
    std::iter::once((Form::Name, e.name.as_ref()))
        .chain(e.aliases.iter().map(|a| (Form::Alias, a.as_ref())))
        .chain(e.acronyms.iter().map(|a| (Form::Acronym, a.as_ref())))
        .chain(e.demonyms.iter().map(|a| (Form::Demonym, a.as_ref())))
}

/// The length in bytes of the first token of a pattern (which starts with no whitespace):
/// its run of word characters, or its first character (see [`crate::segment::tokenize`]).
fn first_token_len(p: &str) -> usize {
    // ASCII letters and digits are word characters, other ASCII characters are not: an
    // ASCII run decides unless it ends at a character past ASCII.
    let ascii = p.bytes().position(|b| !b.is_ascii_alphanumeric());
    match ascii.map(|i| (i, p.as_bytes()[i])) {
        None => return p.len(),
        Some((0, b)) if b.is_ascii() => return 1,
        Some((i, b)) if b.is_ascii() => return i,
        Some(_) => {}
    }
    let mut chars = p.char_indices();
    match chars.next() {
        None => 0,
        Some((_, c)) if !is_word_char(c) => c.len_utf8(),
        Some(_) => chars
            .find(|(_, c)| !is_word_char(*c))
            .map_or(p.len(), |(i, _)| i),
    }
}

/// Buffers for the strings a surface form is matched as.
#[derive(Default)]
struct Variants {
    upper: String,
    out: Vec<String>,
}

impl Variants {
    /// As written, in capitals (not for acronyms, nor for a form with no lower-case
    /// letter), and each of those with the other kind of apostrophe.
    fn of<'a>(&'a mut self, text: &'a str, form: Form) -> impl Iterator<Item = &'a str> {
        self.upper.clear();
        let caps = form != Form::Acronym
            && if text.is_ascii() {
                text.bytes().any(|b| b.is_ascii_lowercase())
            } else {
                text.chars().any(char::is_lowercase)
            };
        if caps {
            if text.is_ascii() {
                self.upper.push_str(text);
                self.upper.make_ascii_uppercase();
            } else {
                self.upper.push_str(&text.to_uppercase());
            }
        }
        self.out.clear();
        let written: &str = text;
        let upper: Option<&str> = caps.then_some(self.upper.as_str());
        // Capitals keep the apostrophes of the text: look for them once.
        let straight = text.contains('\'');
        if straight || text.contains('\u{2019}') {
            for v in std::iter::once(written).chain(upper) {
                if straight {
                    self.out.push(v.replace('\'', "\u{2019}"));
                } else {
                    self.out.push(v.replace('\u{2019}', "'"));
                }
            }
        }
        std::iter::once(written)
            .chain(upper)
            .chain(self.out.iter().map(String::as_str))
    }
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
                    gaz.entry(t.entry as usize).name.to_string(),
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

    /// The reference the matcher must agree with: an Aho-Corasick automaton over the same
    /// patterns, every overlapping match, then whole words only, leftmost-longest.
    struct Reference(aho_corasick::AhoCorasick);

    impl Reference {
        fn new(m: &Matcher) -> Reference {
            let patterns: Vec<&str> = (0..m.pattern_count() as u32)
                .map(|p| m.keys.get(p))
                .collect();
            Reference(
                aho_corasick::AhoCorasickBuilder::new()
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .build(patterns)
                    .unwrap(),
            )
        }

        fn find(&self, text: &str, span: Span) -> Vec<Match> {
            let Some(slice) = text.get(span.range()) else {
                return Vec::new();
            };
            let candidates = self
                .0
                .find_overlapping_iter(slice)
                .map(|m| {
                    let at = Span::new(span.start + m.start(), span.start + m.end());
                    (at, m.pattern().as_u32())
                })
                .collect();
            crate::segment::longest_whole_words(text, candidates)
                .into_iter()
                .map(|(span, pattern)| Match { span, pattern })
                .collect()
        }
    }

    /// Whether the matcher finds what the reference finds in `text`, whole and in pieces.
    fn agree(m: &Matcher, reference: &Reference, text: &str) {
        let whole = Span::new(0, text.len());
        assert_eq!(m.find_in(text), reference.find(text, whole), "{text}");
        // Spans that start or end inside a word, as the document's body may not.
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(7)
            .collect();
        for w in cuts.windows(2).take(50) {
            let span = Span::new(w[0], text.len() - (text.len() - w[1]) / 2);
            let mut tokens = Vec::new();
            crate::segment::tokenize(text, span, &mut tokens);
            assert_eq!(
                m.find(text, span, &tokens),
                reference.find(text, span),
                "{text} {span:?}"
            );
        }
    }

    #[test]
    fn finds_what_an_automaton_finds() {
        let g = gazetteer(&[("places.tsv", PLACES), ("institutions.tsv", INSTITUTIONS)]);
        let m = Matcher::build(&g).unwrap();
        let reference = Reference::new(&m);
        for text in [
            "Japan's envoy, Russia’s envoy; Japan-Russia talks, Japanese.",
            "the Russian Foreign Ministry and Russia’s Foreign Ministry",
            "MOSCOW (AP) — an ap story from moscow; Nice, NICE, Nicer",
            "Japans Russiagate Moscow\nMoscow  Moscow",
            "Russian Foreign  Ministry, Russian\u{a0}Foreign Ministry, RussianForeign",
            "\u{feff}Japan\u{301} Japan\u{2019}s 東京Japan Japan東京 _Japan_ Japan2",
            "",
        ] {
            agree(&m, &reference, text);
        }
    }

    #[test]
    fn finds_what_an_automaton_finds_with_the_default_gazetteer_on_the_test_articles() {
        let g = Gazetteer::load(true, &[]).unwrap();
        let m = Matcher::build(&g).unwrap();
        let reference = Reference::new(&m);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let found = m.find_in(&text);
            assert_eq!(found, reference.find(&text, Span::new(0, text.len())));
            assert!(!found.is_empty());
            files += 1;
        }
        assert!(files >= 18);
        // Every pattern, alone, in capitals, and inside text, is found whole.
        for p in (0..m.pattern_count() as u32).step_by(13) {
            let pattern = m.keys.get(p);
            for text in [
                pattern.to_string(),
                format!("({pattern}) and {pattern}s, {}", pattern.to_uppercase()),
            ] {
                assert_eq!(
                    m.find_in(&text),
                    reference.find(&text, Span::new(0, text.len())),
                    "{text}"
                );
            }
            assert_eq!(m.find_in(pattern)[0].pattern, p);
        }
        assert!(m.heap_bytes() < 16 * 1024 * 1024, "{}", m.heap_bytes());
    }

    /// The strings a surface form is matched as, written the plain way.
    fn plain_variants(text: &str, form: Form) -> Vec<String> {
        let mut out = vec![text.to_string()];
        if form != Form::Acronym && text.chars().any(char::is_lowercase) {
            out.push(text.to_uppercase());
        }
        for i in 0..out.len() {
            let v = out[i].clone();
            if v.contains('\'') {
                out.push(v.replace('\'', "\u{2019}"));
            } else if v.contains('\u{2019}') {
                out.push(v.replace('\u{2019}', "'"));
            }
        }
        out
    }

    #[test]
    fn target_lists_are_those_of_a_map_of_lists() {
        let g = Gazetteer::load(true, &[]).unwrap();
        let m = Matcher::build(&g).unwrap();
        let mut lists: FastMap<String, Vec<Target>> = Default::default();
        for (index, entry) in g.entries.iter().enumerate() {
            for (form, text) in surface_forms(entry) {
                let target = Target {
                    entry: index as u32,
                    form,
                    ambiguous: entry.ambiguous.iter().any(|a| a == text),
                };
                for v in plain_variants(text, form) {
                    let list = lists.entry(v).or_default();
                    match list.iter_mut().find(|t| t.entry == target.entry) {
                        Some(t) if target.form < t.form => *t = target,
                        Some(_) => {}
                        None => list.push(target),
                    }
                }
            }
        }
        assert_eq!(lists.len(), m.pattern_count());
        for (text, mut list) in lists {
            list.sort_by_key(|t| preference(&g, t));
            let p = m.keys.find(&text).unwrap();
            assert_eq!(m.targets(p), &list[..], "{text}");
        }
        assert!(m.targets(u32::MAX).is_empty());
    }

    #[test]
    fn empty_gazetteer_matches_nothing() {
        let g = Gazetteer::default();
        let m = Matcher::build(&g).unwrap();
        assert!(m.find_in("anything at all").is_empty());
        assert_eq!(m.pattern_count(), 0);
    }
}
