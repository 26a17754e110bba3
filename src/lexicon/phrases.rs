//! Lexicon terms matched as whole words, longest first (see
//! `longest_whole_words` in `segment::tokens`).

use super::with_lower;
use crate::error::{Error, ErrorKind};
use crate::gazetteer::{Class, ClassSet};
use crate::hash::FastMap;
use crate::segment::{is_whole_word, longest_whole_words};
use crate::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::BTreeMap;

/// Terms of at most this many bytes in all are compiled into a DFA (see [`automaton_kind`]):
/// four times the largest default set (`role_nouns.tsv`, 3.6 KB of terms). The DFA has at
/// most a state per byte, each a row of 4 bytes per byte class: about 3 MB for 16 KB of
/// words, 16 MB at worst.
const DFA_TERM_BYTES: usize = 16 * 1024;

/// The automaton for lexicon terms of `term_bytes` bytes in all: a DFA when they are few,
/// as the default lexicons are, since it finds overlapping matches faster than the NFA;
/// else the library's choice. Both find the same matches.
pub(crate) fn automaton_kind(term_bytes: usize) -> Option<AhoCorasickKind> {
    (term_bytes <= DFA_TERM_BYTES).then_some(AhoCorasickKind::DFA)
}

/// How a [`PhraseSet`] compares letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// ASCII letters in any case ("Will", "WILL", "will").
    Insensitive,
    /// Exactly as written in the file.
    Exact,
}

/// Lexicon terms compiled into one automaton, each with the classes its rows gave it.
#[derive(Debug)]
pub(crate) struct PhraseSet<C: Class> {
    automaton: Option<AhoCorasick>,
    classes: Vec<ClassSet<C>>,
    /// Each term's index in `classes`, for [`PhraseSet::classes_of`].
    terms: FastMap<String, usize>,
    /// The classes of the short ASCII terms by [`short_key`], for
    /// [`PhraseSet::classes_in_any_case`]; empty for a [`Case::Exact`] set.
    short: FastMap<u128, ClassSet<C>>,
    /// The length in bytes of the longest term of each class, in the order of `C::ALL`.
    longest: Vec<usize>,
}

/// A word of at most this many bytes of ASCII is looked up by a number ([`short_key`]):
/// most words of most news, and every word of the default lexicons but a few.
const SHORT_BYTES: usize = 15;

/// `word` in ASCII lower case and its length, packed into one number (one byte each); `None`
/// for a word that is not ASCII or is longer than [`SHORT_BYTES`]. Hashing and comparing
/// a number costs less than a string, and lowering the copy allocates nothing.
///
/// The number's bytes, lowest first, are the length and then the word's bytes; all sixteen
/// are lowered at once (see [`ascii_lower_bytes`]).
#[inline]
fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n > SHORT_BYTES {
        return None;
    }
    // The length's own byte (at most 15) has no high bit.
    let key = n as u128 | (packed_bytes(bytes) << 8);
    // A byte with its high bit set is part of a non-ASCII character.
    (key & HIGH_BITS == 0).then(|| ascii_lower_bytes(key))
}

/// The bytes of `bytes` (at most 15), lowest first, in a number: read as two overlapping
/// words of 8 or 4 bytes when there are that many (a byte read twice is the same byte in
/// both), instead of being copied into a buffer one call to `memcpy` each.
#[inline]
fn packed_bytes(bytes: &[u8]) -> u128 {
    let n = bytes.len();
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        return u128::from(u64::from_le_bytes(*first))
            | u128::from(u64::from_le_bytes(*last)) << (8 * (n - 8));
    }
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        return u128::from(u32::from_le_bytes(*first))
            | u128::from(u32::from_le_bytes(*last)) << (8 * (n - 4));
    }
    bytes
        .iter()
        .enumerate()
        .fold(0, |key, (i, &b)| key | u128::from(b) << (8 * i))
}

/// The high bit of each of 16 bytes.
const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;

/// Each of 16 bytes given as `n * ONE_EACH`.
const ONE_EACH: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// The 16 ASCII bytes of `bytes` (no high bit set) with `A`–`Z` lowered. A byte at least `A`
/// gets its high bit set by adding `0x80 - b'A'`, one above `Z` by adding `0x7f - b'Z'`;
/// neither sum carries into the next byte, since an ASCII byte is at most `0x7f`. The
/// capitals are the bytes with the first bit and not the second, and `0x20` lowers them.
#[inline]
fn ascii_lower_bytes(bytes: u128) -> u128 {
    let from_a = bytes + (0x80 - u128::from(b'A')) * ONE_EACH;
    let past_z = bytes + (0x7f - u128::from(b'Z')) * ONE_EACH;
    let capitals = from_a & !past_z & HIGH_BITS;
    bytes | (capitals >> 2)
}

impl<C: Class> PhraseSet<C> {
    /// Compiles `(term, class)` rows; a term given several classes keeps them all. With
    /// [`Case::Insensitive`] terms are compared in lower case.
    pub(crate) fn build<'a>(
        rows: impl IntoIterator<Item = (&'a str, C)>,
        case: Case,
        what: &str,
    ) -> Result<PhraseSet<C>, Error> {
        let mut by_term: BTreeMap<String, ClassSet<C>> = BTreeMap::new();
        for (term, class) in rows {
            let term = match case {
                Case::Insensitive => term.to_lowercase(),
                Case::Exact => term.to_string(),
            };
            if !term.is_empty() {
                by_term.entry(term).or_default().insert(class);
            }
        }
        let (terms, classes): (Vec<String>, Vec<ClassSet<C>>) = by_term.into_iter().unzip();
        let automaton = if terms.is_empty() {
            None
        } else {
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(case == Case::Insensitive)
                .match_kind(MatchKind::Standard)
                .kind(automaton_kind(terms.iter().map(String::len).sum()))
                .build(&terms)
                .map_err(|e| {
                    Error::new(ErrorKind::Build, format!("cannot build the {what}: {e}"))
                })?;
            Some(ac)
        };
        let short = match case {
            Case::Insensitive => terms
                .iter()
                .zip(&classes)
                .filter_map(|(t, c)| Some((short_key(t)?, *c)))
                .collect(),
            Case::Exact => FastMap::default(),
        };
        let longest = C::ALL
            .iter()
            .map(|&(_, class)| {
                let with_class = terms.iter().zip(&classes).filter(|(_, c)| c.has(class));
                with_class.map(|(t, _)| t.len()).max().unwrap_or(0)
            })
            .collect();
        let terms = terms.into_iter().enumerate().map(|(i, t)| (t, i)).collect();
        Ok(PhraseSet {
            automaton,
            classes,
            terms,
            short,
            longest,
        })
    }

    /// Whole-word matches in `text[span]`, leftmost and longest first, none overlapping,
    /// with offsets into `text`.
    pub(crate) fn find(&self, text: &str, span: Span) -> Vec<(Span, ClassSet<C>)> {
        longest_whole_words(text, self.candidates(text, span))
    }

    /// Every whole-word match in `text[span]`, overlapping ones too, with offsets into
    /// `text`: what [`PhraseSet::find`] chooses from. The matches inside a smaller span are
    /// exactly those of this list that lie in it, so [`PhraseSet::choose`] gives the span's
    /// [`find`](PhraseSet::find) without scanning it again.
    pub(crate) fn candidates(&self, text: &str, span: Span) -> Vec<(Span, ClassSet<C>)> {
        let (Some(ac), Some(slice)) = (&self.automaton, text.get(span.range())) else {
            return Vec::new();
        };
        ac.find_overlapping_iter(slice)
            .map(|m| {
                (
                    Span::new(span.start + m.start(), span.start + m.end()),
                    self.classes[m.pattern().as_usize()],
                )
            })
            // Whole words only, as `longest_whole_words` keeps them, checked before
            // collecting: most matches of short terms ("a", "at") are parts of words.
            .filter(|(s, _)| is_whole_word(text, *s))
            .collect()
    }

    /// The length in bytes of the longest term with `class` (as compiled: in lower case for
    /// [`Case::Insensitive`]); 0 when none has it.
    #[inline]
    pub(crate) fn longest_with(&self, class: C) -> usize {
        self.longest.get(class.index()).copied().unwrap_or(0)
    }

    /// [`PhraseSet::find`] of `span`, chosen from the [`candidates`](PhraseSet::candidates)
    /// of a span that holds it.
    pub(crate) fn choose(
        text: &str,
        candidates: &[(Span, ClassSet<C>)],
        span: Span,
    ) -> Vec<(Span, ClassSet<C>)> {
        let inside = candidates.iter().filter(|(s, _)| span.contains(*s));
        longest_whole_words(text, inside.copied().collect())
    }

    /// Whether `text[span]` holds a whole-word match, without choosing among overlapping
    /// ones: a test that [`PhraseSet::find`] would find nothing, at the cost of one scan.
    pub(crate) fn any_whole_word(&self, text: &str, span: Span) -> bool {
        let (Some(ac), Some(slice)) = (&self.automaton, text.get(span.range())) else {
            return false;
        };
        ac.find_overlapping_iter(slice).any(|m| {
            is_whole_word(
                text,
                Span::new(span.start + m.start(), span.start + m.end()),
            )
        })
    }

    /// The classes of a term written exactly as compiled (lower case for
    /// [`Case::Insensitive`]); empty for a term not in the set.
    pub(crate) fn classes_of(&self, term: &str) -> ClassSet<C> {
        self.terms
            .get(term)
            .map_or(ClassSet::EMPTY, |&i| self.classes[i])
    }

    /// The classes of `word` in any case ("The", "the"), as [`PhraseSet::classes_of`] gives
    /// them for the word in lower case (see [`with_lower`]).
    pub(crate) fn classes_in_any_case(&self, word: &str) -> ClassSet<C> {
        match short_key(word).filter(|_| !self.short.is_empty()) {
            Some(key) => self.short.get(&key).copied().unwrap_or(ClassSet::EMPTY),
            None => with_lower(word, |w| self.classes_of(w)),
        }
    }

    /// Whether `word` in any case has `class`, as [`PhraseSet::classes_in_any_case`] says.
    /// Lower case keeps an ASCII word's length, so one longer than every term of the class
    /// has it not, without a lookup.
    #[inline]
    pub(crate) fn has_in_any_case(&self, word: &str, class: C) -> bool {
        let too_long = word.len() > self.longest_with(class) && word.is_ascii();
        !too_long && self.classes_in_any_case(word).has(class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::TriggerClass::{self, Noun, Planned, Verb};

    fn texts(text: &str, found: &[(Span, ClassSet<TriggerClass>)]) -> Vec<String> {
        found.iter().map(|(s, _)| text[*s].to_string()).collect()
    }

    /// Terms that overlap one another ("held talks", "talks with").
    fn held_talks() -> PhraseSet<TriggerClass> {
        PhraseSet::build(
            [
                ("held", Verb),
                ("held talks", Verb),
                ("talks", Noun),
                ("talks with", Verb),
                ("will", Planned),
            ],
            Case::Insensitive,
            "test",
        )
        .unwrap()
    }

    #[test]
    fn longest_whole_words_first() {
        let set = held_talks();
        let text = "They HELD TALKS within hours; Will held talks with Kim and willed it.";
        let found = set.find(text, Span::new(0, text.len()));
        assert_eq!(texts(text, &found), ["HELD TALKS", "Will", "held talks"]);
        assert!(found[1].1.has(Planned));
        assert_eq!(set.classes_of("talks"), ClassSet::of(&[Noun]));
        assert!(set.classes_of("Talks").is_empty());
    }

    #[test]
    fn longest_term_of_a_class() {
        let set = held_talks();
        assert_eq!(set.longest_with(Verb), "talks with".len());
        assert_eq!(set.longest_with(Planned), "will".len());
        assert_eq!(set.longest_with(TriggerClass::Attend), 0);
        for word in [
            "will",
            "WILL",
            "willed",
            "talks with",
            "Talks With!",
            "held",
            "é",
        ] {
            for class in [Verb, Planned, Noun, TriggerClass::Attend] {
                let has = set.classes_in_any_case(word).has(class);
                assert_eq!(set.has_in_any_case(word, class), has, "{word} {class:?}");
            }
        }
    }

    proptest::proptest! {
        /// A span's matches chosen from the candidates of a span holding it are those
        /// found by scanning it.
        #[test]
        fn chosen_from_a_larger_span_is_found_in_the_span(
            text in "(held|talks|with|held talks|talks with|will|é|,| |\\.|heldtalks|Will){0,14}",
            cut in (0usize..60, 0usize..60),
        ) {
            let set = held_talks();
            let (a, b) = (cut.0.min(cut.1), cut.0.max(cut.1));
            let a = crate::segment::floor_char_boundary(&text, a);
            let b = crate::segment::floor_char_boundary(&text, b);
            let whole = Span::new(0, text.len());
            let part = Span::new(a, b);
            let candidates = set.candidates(&text, whole);
            proptest::prop_assert_eq!(
                PhraseSet::choose(&text, &candidates, part),
                set.find(&text, part)
            );
            proptest::prop_assert_eq!(PhraseSet::choose(&text, &candidates, whole), set.find(&text, whole));
        }
    }

    /// The packing of `short_key`, one byte at a time.
    fn short_key_bytewise(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        if bytes.len() > SHORT_BYTES || !bytes.is_ascii() {
            return None;
        }
        let mut key = bytes.len() as u128;
        for (i, &b) in bytes.iter().enumerate() {
            key |= u128::from(b.to_ascii_lowercase()) << (8 * (i + 1));
        }
        Some(key)
    }

    #[test]
    fn short_keys_pack_words_lowered_byte_by_byte() {
        // Every ASCII byte (and a few others) alone, at each place of a 15-byte word.
        let mut words: Vec<String> = Vec::new();
        for b in (0u8..=0x7f)
            .map(char::from)
            .chain(['é', 'ß', 'Σ', '\u{80}'])
        {
            for at in 0..15 {
                let mut w: Vec<char> = "AbcdefghijklmnoP".chars().take(15).collect();
                w[at] = b;
                words.push(w.iter().collect());
                words.push(b.to_string().repeat(at + 1));
            }
        }
        words.extend(
            [
                "",
                "@",
                "[",
                "`",
                "{",
                "Z",
                "z",
                "A",
                "a",
                "0123456789abcdef",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(short_key(w), short_key_bytewise(w), "{w:?}");
        }
        assert_eq!(short_key("THE"), short_key("the"));
        assert_ne!(short_key("the"), short_key("the\0"));
        assert_eq!(short_key(&"x".repeat(16)), None);
        assert_eq!(short_key("Éloïse"), None);
    }

    #[test]
    fn any_case_lookup_agrees_with_the_lower_case_one() {
        let long = "counter-intelligence";
        let set = PhraseSet::build(
            [
                ("talks", Noun),
                ("will", Planned),
                (long, Noun),
                ("über", Verb),
                ("is to", Planned),
            ],
            Case::Insensitive,
            "test",
        )
        .unwrap();
        let words = [
            "talks",
            "Talks",
            "TALKS",
            "talk",
            "talkss",
            "",
            "Will",
            "wILL",
            long,
            "Counter-Intelligence",
            "über",
            "Über",
            "ÜBER",
            "is to",
            "Is To",
            "\0",
            "talks\0",
            "fifteen-letters",
            "sixteen-letters!",
        ];
        for w in words {
            let expected = with_lower(w, |l| set.classes_of(l));
            assert_eq!(set.classes_in_any_case(w), expected, "{w:?}");
        }
        assert!(set.classes_in_any_case("TALKS").has(Noun));
        assert!(set.classes_in_any_case("ÜBER").has(Verb));
        let exact = PhraseSet::build([("Talks", Noun)], Case::Exact, "test").unwrap();
        assert_eq!(exact.classes_in_any_case("Talks"), ClassSet::EMPTY);
    }

    #[test]
    fn exact_case_and_spans_inside_the_text() {
        let set = PhraseSet::build([("government", Noun)], Case::Exact, "test").unwrap();
        let text = "The Government and the government.";
        let found = set.find(text, Span::new(4, text.len()));
        assert_eq!(texts(text, &found), ["government"]);
        assert!(set.find(text, Span::new(100, 200)).is_empty());
        let empty = PhraseSet::<TriggerClass>::build([], Case::Exact, "test").unwrap();
        assert!(empty.find(text, Span::new(0, text.len())).is_empty());
    }
}
