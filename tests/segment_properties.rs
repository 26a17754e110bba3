//! Property tests for `Document::parse`: it never panics, and every span it returns is
//! well formed, ordered and consistent with the others.

use gazette::{Document, Span};
use proptest::prelude::*;

/// Pieces that exercise the header, paragraph, sentence and token rules when glued together.
const PIECES: &[&str] = &[
    "date 2017-03-20 ",
    "date 2017-02-30 ",
    "date",
    "\u{FEFF}",
    "Lavrov",
    "ministers",
    "met",
    "the",
    "The",
    "He",
    "Mr.",
    "Gen.",
    "Jan.",
    "U.S.",
    "e.g.",
    "a.m.",
    "J.",
    "Inc.",
    "etc.",
    "“",
    "”",
    "\"",
    "’",
    "'",
    "(",
    ")",
    ".",
    "?",
    "!",
    "…",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\u{00A0}",
    "\u{2028}",
    "\u{3000}",
    "Москва",
    "Лавров.",
    "東京",
    "会談。",
    "القاهرة",
    "🇯🇵",
    "👍🏽",
    "3.5",
    "2017",
    "2+2",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{85}",
    "\u{301}",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::parse(text);
    prop_assert_eq!(doc.text(), text);

    let body = doc.body();
    prop_assert!(on_boundaries(text, body));
    prop_assert_eq!(body.end, text.len());
    if let Some(header) = doc.header() {
        prop_assert!(on_boundaries(text, header));
        prop_assert!(header.end <= body.start);
        prop_assert!(text[header].starts_with("date"));
    } else {
        prop_assert!(doc.date().is_none());
    }

    // Paragraphs: inside the body, sorted, disjoint, trimmed, non-empty.
    let mut prev_end = body.start;
    for &p in doc.paragraphs() {
        prop_assert!(on_boundaries(text, p));
        prop_assert!(body.contains(p));
        prop_assert!(p.start >= prev_end);
        prop_assert!(!p.is_empty());
        prop_assert_eq!(text[p].trim(), &text[p]);
        prev_end = p.end;
    }

    // Sentences: sorted, disjoint, trimmed, non-empty, each inside its paragraph.
    let mut prev_end = body.start;
    for s in doc.sentences() {
        prop_assert!(on_boundaries(text, s.span));
        prop_assert!(s.span.start >= prev_end);
        prop_assert!(!s.span.is_empty());
        prop_assert_eq!(text[s.span].trim(), &text[s.span]);
        let para = doc.paragraphs().get(s.paragraph).copied();
        prop_assert!(para.is_some_and(|p| p.contains(s.span)));
        prev_end = s.span.end;
    }

    // Tokens: sorted, disjoint, no whitespace, inside the body, and they cover every
    // non-whitespace char of the body exactly once.
    let mut prev_end = body.start;
    let mut covered = 0usize;
    for t in doc.tokens() {
        prop_assert!(on_boundaries(text, t.span));
        prop_assert!(body.contains(t.span));
        prop_assert!(t.span.start >= prev_end);
        prop_assert!(!t.span.is_empty());
        prop_assert!(!text[t.span].chars().any(char::is_whitespace));
        covered += text[t.span].chars().count();
        prev_end = t.span.end;
    }
    let non_space = text[body].chars().filter(|c| !c.is_whitespace()).count();
    prop_assert_eq!(covered, non_space);

    // sentence_at finds the sentence holding each token that lies in a sentence, and
    // tokens_in returns exactly the tokens inside each sentence.
    let mut in_sentences = 0;
    for t in doc.tokens() {
        let holder = doc.sentences().iter().position(|s| s.span.contains(t.span));
        if let Some(index) = holder {
            prop_assert_eq!(doc.sentence_at(t.span.start), Some(index));
            in_sentences += 1;
        }
    }
    let mut listed = 0;
    for s in doc.sentences() {
        let inside = doc.tokens_in(s.span);
        prop_assert!(inside.iter().all(|t| s.span.contains(t.span)));
        listed += inside.len();
    }
    prop_assert_eq!(listed, in_sentences);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn pieces_parse_consistently(text in pieces()) {
        check(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_string_parses_consistently(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn header_then_any_string(date in "[0-9]{4}-[0-9]{2}-[0-9]{2}", rest in any::<String>()) {
        let text = format!(" date {date} {rest}");
        check(&text)?;
        let doc = Document::parse(text.as_str());
        let expected = format!("date {date}");
        prop_assert_eq!(doc.header().map(|h| &text.as_str()[h]), Some(expected.as_str()));
        prop_assert_eq!(
            doc.date().map(|d| d.to_string()),
            date.parse::<jiff::civil::Date>().ok().map(|d| d.to_string())
        );
    }
}

#[test]
fn every_token_is_in_a_sentence_for_plain_text() {
    let doc = Document::parse("date 2017-03-20 Mr. Lavrov met U.S. officials.\r\n\r\nThey agreed.");
    for t in doc.tokens() {
        assert!(doc.sentence_at(t.span.start).is_some());
    }
}
