//! Property: over many generated articles, every mention's offsets fall on UTF-8 boundaries
//! and `text[start..end]` equals the mention text.
//!
//! The inputs mix names from the shipped gazetteer files (read from `gazetteers/`) with
//! punctuation, quote marks, apostrophes, multibyte scripts and control characters.

use gazette::{Document, Extractor};
use once_cell::sync::Lazy;
use proptest::prelude::*;

/// Names and aliases from the shipped gazetteers, a few thousand of them.
static NAMES: Lazy<Vec<String>> = Lazy::new(|| {
    let mut names = Vec::new();
    for file in [
        "places.tsv",
        "places_curated.tsv",
        "institutions_curated.tsv",
        "people.tsv",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("gazetteers")
            .join(file);
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
        let cols: Vec<usize> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| matches!(**h, "name" | "aliases" | "demonyms" | "acronyms"))
            .map(|(i, _)| i)
            .collect();
        for line in lines.step_by(7) {
            let cells: Vec<&str> = line.split('\t').collect();
            for &c in &cols {
                if let Some(cell) = cells.get(c) {
                    names.extend(
                        cell.split('|')
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    );
                }
            }
        }
    }
    names.extend(["Japan".into(), "Moscow".into(), "Russian".into()]);
    names
});

static EXTRACTOR: Lazy<Extractor> =
    Lazy::new(|| Extractor::new().expect("the embedded gazetteers load"));

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..NAMES.len()).prop_map(|i| NAMES[i].clone()),
        2 => (0..NAMES.len()).prop_map(|i| NAMES[i].to_uppercase()),
        1 => (0..NAMES.len()).prop_map(|i| format!("{}’s", NAMES[i])),
        1 => (0..NAMES.len()).prop_map(|i| format!("{}-", NAMES[i])),
        3 => prop::sample::select(vec![
            " ", " ", "\n\n", "\r\n", ", ", ". ", "\"", "“", "”", "‘", "’", "'", "«", "»", "-", "—",
            "said", "met", "the", "Mr.", "U.S.", "é", "Ж", "東京", "مرحبا", "🙂", "\u{0}", "\u{7}",
            "\u{FEFF}", "\u{301}", " date 2017-03-20 ",
        ])
        .prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mention_offsets_are_char_boundaries_and_match_the_text(
        pieces in prop::collection::vec(piece(), 0..40)
    ) {
        let text: String = pieces.concat();
        let doc = Document::parse(text.clone());
        prop_assert_eq!(doc.text(), text.as_str());
        let out = EXTRACTOR.extract(&doc);
        for e in &out.entities {
            prop_assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(m.start < m.end);
                prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            }
        }
        for q in &out.quotes {
            prop_assert_eq!(&text[q.start..q.end], q.text.as_str());
        }
        for m in &out.meetings {
            prop_assert_eq!(&text[m.evidence.start..m.evidence.end], m.evidence.text.as_str());
        }
    }
}
