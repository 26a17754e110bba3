//! Sentence splitting within one paragraph.
//!
//! Sentences never cross a paragraph boundary: the splitter is run on one paragraph span at
//! a time, and its sentences, trimmed of surrounding whitespace, cover every non-whitespace
//! character of the paragraph.
//!
//! # Where a sentence ends
//!
//! A sentence ends after a run of terminal marks (`.` `!` `?` `…`), together with any
//! closing quote marks or brackets right after it (`"` `”` `’` `'` `)` `]`), when that is
//! followed by whitespace and then by something that can start a sentence: a letter that is
//! not lowercase (uppercase, or from a script without case), a digit, an opening quote mark
//! (`"` `“` `‘` `'`) or an opening bracket (`(` `[`).
//!
//! - `He said "Yes." Then he left.` → two sentences, the first ending after the `"`.
//! - `"We agree," he said.` and `"Why?" he asked.` → one sentence each (lowercase follows).
//! - `3.5 percent` → no split (no whitespace after the dot).
//! - `the U.N. resolution`, `e.g. this` → no split (lowercase follows).
//! - A single newline inside a paragraph is plain whitespace: it never ends a sentence by
//!   itself.
//!
//! # Periods that do not end a sentence
//!
//! These checks apply only to a lone `.` directly followed by whitespace (a `."` or `.)`
//! always ends the sentence, subject to the rule above). The "word" before the period is the
//! run of word characters and periods that ends at it.
//!
//! - **Abbreviations** listed in `gazetteers/abbreviations.txt` (matched case-sensitively;
//!   all-lowercase entries also match their capitalised and uppercase forms): never split
//!   after titles, months and the like: `Mr. Brekov`, `Gen. Smith`, `Jan. 5`, `No. 10`.
//! - **Dotted acronyms** (a listed entry with a period inside, like `U.S.` or `a.m.`, or any
//!   unlisted run of single letters and periods like `N.A.T.O.`) and the abbreviations
//!   marked `final` (`etc.` `Inc.` `Ltd.` `Co.` `Corp.` `Bros.` `Jr.` `Sr.`): split only
//!   when what follows is an opening quote or bracket, or a common sentence-opening word
//!   listed in `gazetteers/sentence_openers.txt` (`The`, `He`, `But`, `In`, `Mr.`, ...). `officials in the U.S. The talks` splits;
//!   `the U.S. Navy`, `U.S. Sen. Smith` and `Acme Inc. Chief Executive` do not.
//! - **Initials**: a single uppercase letter and a period never end a sentence:
//!   `J. Smith`, `George W. Bush`. (So `Plan B. The` stays one sentence: a known limit.)
//!
//! The splitter is linear in the paragraph's length: look-behind and look-ahead for
//! abbreviations are bounded to a few dozen bytes.

use crate::hash::FastMap;

use once_cell::sync::Lazy;

use super::tokens::{is_boundary, is_word_char};
use crate::Span;

/// The abbreviation list, one entry per line (see the file's header).
const ABBREVIATIONS_TXT: &str = include_str!("../../gazetteers/abbreviations.txt");

/// The sentence-opening words, one per line (see the file's header).
const SENTENCE_OPENERS_TXT: &str = include_str!("../../gazetteers/sentence_openers.txt");

/// No abbreviation is longer than this many bytes; a longer word before a period is a word.
const MAX_ABBREVIATION_LEN: usize = 24;

/// Abbreviations, and whether each may end a sentence (`final`).
static ABBREVIATIONS: Lazy<FastMap<String, bool>> =
    Lazy::new(|| parse_abbreviations(ABBREVIATIONS_TXT));

/// Words that open a sentence after an abbreviation that may end one.
static SENTENCE_OPENERS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    SENTENCE_OPENERS_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Parses the abbreviation list: trimmed lines, `#` comments and blank lines skipped; an
/// entry followed by a tab and `final` may end a sentence; an all-lowercase entry is also
/// stored capitalised and in uppercase.
fn parse_abbreviations(src: &str) -> FastMap<String, bool> {
    let mut set = FastMap::default();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (entry, is_final) = match line.split_once('\t') {
            Some((e, mark)) => (e.trim(), mark.trim() == "final"),
            None => (line, false),
        };
        if !entry.chars().any(char::is_uppercase) {
            let mut chars = entry.chars();
            if let Some(first) = chars.next() {
                set.insert(
                    first.to_uppercase().chain(chars).collect::<String>(),
                    is_final,
                );
            }
            set.insert(entry.to_uppercase(), is_final);
        }
        set.insert(entry.to_string(), is_final);
    }
    set
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The offset of the first terminal mark in `para[from..to]`, else `to`: '.', '!' or '?'
/// found by memchr, or an earlier '…'.
fn next_terminal(para: &str, from: usize, to: usize) -> usize {
    let Some(ahead) = para.get(from..to) else {
        return to;
    };
    let next = memchr::memchr3(b'.', b'!', b'?', ahead.as_bytes()).map_or(to, |k| from + k);
    let ellipsis = para.get(from..next).and_then(|before| before.find('…'));
    ellipsis.map_or(next, |k| from + k)
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
}

/// Whether `rest` (non-empty, no leading whitespace) begins like a sentence.
fn starts_sentence(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| (c.is_alphabetic() && !c.is_lowercase()) || c.is_numeric() || is_opener(c))
}

/// Whether `rest` begins with an opening quote or bracket or a sentence-opening word.
fn opener_follows(rest: &str) -> bool {
    if rest.chars().next().is_some_and(is_opener) {
        return true;
    }
    SENTENCE_OPENERS
        .iter()
        .any(|w| rest.starts_with(w) && is_boundary(rest, w.len()))
}

/// Whether `word` (ending in `.`) is a run of single letters each followed by a period,
/// at least two of them: `U.S.`, `N.A.T.O.`.
fn is_letter_acronym(word: &str) -> bool {
    let mut letters = 0;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || chars.next() != Some('.') {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Whether a sentence that starts right after its predecessor's final mark, with no
/// space between (`development.According`, `adequately."Underlining`, a common
/// copy-paste loss), really starts there: the word before the mark is a lower-case word
/// of two or more letters and the next word is capitalised and goes on in lower case.
/// Acronyms (`U.S.A`), decimals, domain names (`example.com`) and `e.g.` stay whole.
fn glued_sentence(before: &str, rest: &str) -> bool {
    let last_word: String = before
        .chars()
        .rev()
        .take_while(|c| is_word_char(*c))
        .collect();
    let mut next = rest.chars();
    last_word.chars().count() >= 2
        && last_word
            .chars()
            .all(|c| c.is_alphabetic() && c.is_lowercase())
        && next.next().is_some_and(char::is_uppercase)
        && next.next().is_some_and(char::is_lowercase)
}

/// Decides whether the lone period at `dot` in `para`, followed by whitespace and then
/// `rest` (which starts like a sentence), ends the sentence.
fn period_ends_sentence(para: &str, dot: usize, rest: &str) -> bool {
    let mut word_start = dot;
    for (k, c) in para[..dot].char_indices().rev() {
        if !(is_word_char(c) || c == '.') {
            break;
        }
        if dot - k > MAX_ABBREVIATION_LEN {
            return true;
        }
        word_start = k;
    }
    // `dot` holds an ASCII '.', so `dot + 1` is a char boundary.
    let word = para[word_start..dot + 1].trim_start_matches('.');
    if word.len() <= 1 {
        return true;
    }
    let inner = &word[..word.len() - 1];
    if let Some(&is_final) = ABBREVIATIONS.get(word) {
        if inner.contains('.') || is_final {
            return opener_follows(rest);
        }
        return false;
    }
    if is_letter_acronym(word) {
        return opener_follows(rest);
    }
    let mut chars = inner.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    !initial
}

/// Calls `emit` with the span (into `text`) of each sentence of the paragraph
/// `text[paragraph]`, in order, each trimmed of surrounding whitespace.
///
/// An invalid `paragraph` span (out of range or off char boundaries) yields no sentences.
pub(crate) fn split_sentences(text: &str, paragraph: Span, mut emit: impl FnMut(Span)) {
    let Some(para) = text.get(paragraph.range()) else {
        return;
    };
    let base = paragraph.start;
    let end_of_text = para.trim_end().len();
    let mut start = para.len() - para.trim_start().len();
    if start >= end_of_text {
        return;
    }
    let mut i = start;
    while i < end_of_text {
        i = next_terminal(para, i, end_of_text);
        let Some(c) = para
            .get(i..end_of_text)
            .and_then(|rest| rest.chars().next())
        else {
            break;
        };
        let marks_start = i;
        let mut j = i;
        for c in para[i..].chars().take_while(|&c| is_terminal(c)) {
            j += c.len_utf8();
        }
        let marks_end = j;
        for c in para[j..].chars().take_while(|&c| is_closer(c)) {
            j += c.len_utf8();
        }
        let end = j;
        i = end;
        let after = &para[end..];
        let rest = after.trim_start();
        if rest.is_empty() || !starts_sentence(rest) {
            continue;
        }
        if rest.len() == after.len() && !glued_sentence(&para[..marks_start], rest) {
            continue;
        }
        let lone_period = marks_end == marks_start + 1 && c == '.' && end == marks_end;
        if lone_period && !period_ends_sentence(para, marks_start, rest) {
            continue;
        }
        emit(Span::new(base + start, base + end));
        start = para.len() - rest.len();
        i = start;
    }
    emit(Span::new(base + start, base + end_of_text));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(text, Span::new(0, text.len()), |s| out.push(&text[s]));
        out
    }

    proptest::proptest! {
        #[test]
        fn next_terminal_is_the_first_terminal_character(
            text in "[a-z .!?…é”’)\\n]{0,30}",
            from in 0usize..8,
        ) {
            let from = crate::segment::floor_char_boundary(&text, from);
            let first = text[from..]
                .char_indices()
                .find(|&(_, c)| is_terminal(c))
                .map_or(text.len(), |(k, _)| from + k);
            proptest::prop_assert_eq!(next_terminal(&text, from, text.len()), first);
        }
    }

    fn one(text: &str) {
        assert_eq!(split(text), [text], "expected one sentence");
    }

    #[test]
    fn abbreviation_list_parses() {
        for a in [
            "Mr.", "U.S.", "Gen.", "Jan.", "Sept.", "e.g.", "E.g.", "A.M.", "etc.",
        ] {
            assert!(ABBREVIATIONS.contains_key(a), "{a} missing");
        }
        assert!(!ABBREVIATIONS.contains_key("mr."));
        assert!(!ABBREVIATIONS.contains_key("no."));
        assert!(ABBREVIATIONS
            .keys()
            .all(|a| a.ends_with('.') && !a.contains(' ')));
        assert_eq!(ABBREVIATIONS.get("Inc."), Some(&true));
        assert_eq!(ABBREVIATIONS.get("Gen."), Some(&false));
        assert!(SENTENCE_OPENERS.contains(&"The") && !SENTENCE_OPENERS.contains(&"Navy"));
        assert!(!ABBREVIATIONS.keys().any(|a| a.starts_with('#')));
    }

    #[test]
    fn splits_on_terminal_marks() {
        assert_eq!(
            split("The talks ended. Ministers left! Was it a success? Nobody knew."),
            [
                "The talks ended.",
                "Ministers left!",
                "Was it a success?",
                "Nobody knew."
            ]
        );
        assert_eq!(
            split("The envoy paused… Then he spoke."),
            ["The envoy paused…", "Then he spoke."]
        );
        assert_eq!(
            split("Was it over?! Nobody knew..."),
            ["Was it over?!", "Nobody knew..."]
        );
    }

    #[test]
    fn splits_before_digits_quotes_brackets_and_other_scripts() {
        assert_eq!(
            split("Talks ended. 2018 began."),
            ["Talks ended.", "2018 began."]
        );
        assert_eq!(
            split("Talks ended. “We are pleased,” an aide said."),
            ["Talks ended.", "“We are pleased,” an aide said."]
        );
        assert_eq!(
            split("Talks ended. (The minister declined to comment.) Aides left."),
            [
                "Talks ended.",
                "(The minister declined to comment.)",
                "Aides left."
            ]
        );
        assert_eq!(
            split("Встреча закончилась. Министры уехали."),
            ["Встреча закончилась.", "Министры уехали."]
        );
        assert_eq!(
            split("Talks ended. 会談は終わった。"),
            ["Talks ended.", "会談は終わった。"]
        );
    }

    #[test]
    fn closing_quote_ends_sentence() {
        assert_eq!(
            split("He said \"Yes.\" Then he left."),
            ["He said \"Yes.\"", "Then he left."]
        );
        assert_eq!(
            split("She replied, “Not yet.” The aides nodded."),
            ["She replied, “Not yet.”", "The aides nodded."]
        );
        assert_eq!(
            split("He visited the U.S.” The trip was short."),
            ["He visited the U.S.”", "The trip was short."]
        );
    }

    #[test]
    fn closing_quote_then_said_stays_together() {
        one("\"We agree,\" he said.");
        one("“We agree,” he said.");
        one("\"Why now?\" he asked.");
        one("“Enough!” the minister said.");
    }

    #[test]
    fn no_split_after_titles_and_months() {
        one("Foreign Minister Sergei Ivanov met Mr. Lavrov on Monday.");
        one("The talks, led by Gen. Smith, ended on Jan. 5 in Geneva.");
        one("Lt. Col. Marsh and Dr. Okafor attended.");
        one("He lives at No. 10 near Mt. Fuji.");
        one("Sen. Alvarez and Rep. Chen disagreed.");
    }

    #[test]
    fn dotted_acronym_heuristic() {
        one("U.S. officials said the talks would resume.");
        one("Sailors from the U.S. Navy watched.");
        one("He met U.S. Sen. Ruiz in Washington.");
        one("The U.N. resolution passed.");
        assert_eq!(
            split("Ministers met officials in the U.S. The talks ended."),
            ["Ministers met officials in the U.S.", "The talks ended."]
        );
        assert_eq!(
            split("The vote was held at the U.N. But no deal came."),
            ["The vote was held at the U.N.", "But no deal came."]
        );
        assert_eq!(
            split("They met at 9 a.m. He left at noon."),
            ["They met at 9 a.m.", "He left at noon."]
        );
        assert_eq!(
            split("The envoy flew to the U.S. Mr. Tanaka stayed."),
            ["The envoy flew to the U.S.", "Mr. Tanaka stayed."]
        );
        // Unlisted dotted acronyms behave the same way.
        one("The N.A.T.O. Council met.");
        assert_eq!(
            split("He spoke about N.A.T.O. It was brief."),
            ["He spoke about N.A.T.O.", "It was brief."]
        );
    }

    #[test]
    fn sentence_final_suffixes() {
        one("Analysts at Acme Inc. Chief Executive Lee disagreed.");
        assert_eq!(
            split("Shares fell at Acme Inc. The company declined to comment."),
            [
                "Shares fell at Acme Inc.",
                "The company declined to comment."
            ]
        );
        assert_eq!(
            split("They discussed oil, gas, etc. The meeting ran late."),
            ["They discussed oil, gas, etc.", "The meeting ran late."]
        );
    }

    #[test]
    fn no_split_after_initials() {
        one("J. Smith, a spokesman, declined to comment.");
        one("George W. Bush met the delegation.");
        one("Д. Иванов встретился с министром.");
    }

    #[test]
    fn no_split_in_numbers_or_before_lowercase() {
        one("Growth slowed to 3.5 percent in the quarter.");
        one("Some states, e.g. this one, abstained.");
        one("The talks ended. and then resumed.");
        one("Several items (i.e. tariffs) were discussed.");
    }

    #[test]
    fn lowercase_after_unknown_word_does_not_split_but_uppercase_does() {
        assert_eq!(split("It rained. It poured."), ["It rained.", "It poured."]);
        one("It rained.it poured.");
    }

    #[test]
    fn glued_sentences_split_but_acronyms_and_domains_do_not() {
        assert_eq!(
            split("It ended in development.According to a statement, it was fine."),
            [
                "It ended in development.",
                "According to a statement, it was fine."
            ]
        );
        assert_eq!(
            split("They offer \"the best services.\"Underlining the ties, he left."),
            [
                "They offer \"the best services.\"",
                "Underlining the ties, he left."
            ]
        );
        one("Visit example.com or gazette.rs for news.");
        one("He moved to the U.S.A from Canada.");
        one("It grew 3.5 percent, e.g.Paris and Lyon.");
    }

    #[test]
    fn single_newline_is_whitespace() {
        one("The ministers met\nin Tokyo on Monday.");
        assert_eq!(
            split("The ministers met.\nThey talked."),
            ["The ministers met.", "They talked."]
        );
    }

    #[test]
    fn trimmed_and_offset_into_text() {
        let text = "xx   Talks ended.   Aides left.  yy";
        let mut spans = Vec::new();
        split_sentences(text, Span::new(2, text.len() - 2), |s| spans.push(s));
        assert_eq!(spans, [Span::new(5, 17), Span::new(20, 31)]);
        assert_eq!(&text[spans[1]], "Aides left.");
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
        assert_eq!(split("."), ["."]);
        assert_eq!(split(". . A"), [". .", "A"]);
        assert_eq!(split("\"\"\". A"), ["\"\"\".", "A"]);
        let mut n = 0;
        split_sentences("abc", Span::new(0, 9), |_| n += 1);
        assert_eq!(n, 0);
    }

    #[test]
    fn long_runs_are_fast() {
        let dots = ".".repeat(200_000);
        assert_eq!(split(&dots).len(), 1);
        let mut mixed = String::new();
        for _ in 0..20_000 {
            mixed.push_str("a.b. “”’ ");
        }
        assert!(!split(&mixed).is_empty());
        let acronym = "A.".repeat(100_000) + " The end.";
        assert_eq!(split(&acronym).len(), 2);
    }
}
