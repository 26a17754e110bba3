//! Issue 15 (library): what a new user reaches for first. A document's date and id given
//! through the API, gazette's own date type, builders kept in variables, entities and
//! aliases added in code.

use gazette::{Date, Document, EntityKind, Extraction, Extractor};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("the embedded gazetteers load"))
}

fn mention_offsets(out: &Extraction) -> Vec<(String, usize, usize)> {
    out.entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.text.clone(), m.start, m.end)))
        .collect()
}

/// Issue 15: the date could only be typed into the text, which shifted every offset against
/// the user's own copy of the article.
#[test]
fn date_and_id_through_the_api_leave_offsets_unchanged() {
    let text = "Foreign Minister Fumio Kishida met Sergei Lavrov in Tokyo on Monday.";
    let date: Date = "2017-03-22".parse().unwrap();
    let doc = Document::builder(text).date(date).id("a-17").build();
    assert_eq!(doc.text(), text);
    assert_eq!(doc.header(), None);
    assert_eq!(doc.date(), Some(date));
    assert_eq!(doc.id(), Some("a-17"));

    let out = extractor().extract(&doc);
    assert_eq!(out.doc.as_deref(), Some("a-17"));
    assert_eq!(out.date.as_deref(), Some("2017-03-22"));
    assert_eq!(out.meetings.len(), 1, "{out}");
    assert_eq!(out.meetings[0].date.as_deref(), Some("2017-03-20"));
    for e in &out.entities {
        for m in &e.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }

    // The same article with a typed header gives the same records, shifted by the header.
    let with_header = format!(" date 2017-03-22 {text}");
    let shifted = extractor().extract(&Document::parse(with_header.as_str()));
    assert_eq!(shifted.meetings[0].date, out.meetings[0].date);
    let shift = with_header.len() - text.len();
    let moved: Vec<_> = mention_offsets(&out)
        .into_iter()
        .map(|(t, s, e)| (t, s + shift, e + shift))
        .collect();
    assert_eq!(mention_offsets(&shifted), moved);
}

#[test]
fn a_date_given_through_the_api_wins_over_the_header() {
    let doc = Document::builder(" date 2017-03-20 Talks.")
        .date(Date::new(2018, 7, 31).unwrap())
        .build();
    assert_eq!(
        doc.date().map(|d| d.to_string()).as_deref(),
        Some("2018-07-31")
    );
    assert_eq!(
        doc.header().map(|h| &doc.text()[h]),
        Some("date 2017-03-20")
    );
    assert_eq!(&doc.text()[doc.body()], "Talks.");
    // Without one, the builder reads the header like `parse`.
    let doc = Document::builder(" date 2017-03-20 Talks.").build();
    assert_eq!(doc.date(), Some(Date::new(2017, 3, 20).unwrap()));
    assert_eq!(doc.id(), None);
    assert_eq!(extractor().extract(&doc).doc, None);
}

/// Issue 10, item 5: `Document::date()` returns gazette's own date type, not `jiff`'s.
#[test]
fn document_date_is_gazettes_own_type() {
    let date: Option<gazette::Date> = Document::parse("date 2016-02-29 Talks.").date();
    let date = date.unwrap();
    assert_eq!((date.year(), date.month(), date.day()), (2016, 2, 29));
    assert_eq!(date.to_string(), "2016-02-29");
    assert_eq!(serde_json::to_value(date).unwrap(), "2016-02-29");
    let back: Date = serde_json::from_value(serde_json::json!("2016-02-29")).unwrap();
    assert_eq!(back, date);
    let err = "2017-02-29".parse::<Date>().unwrap_err();
    assert_eq!(err.kind(), gazette::ErrorKind::InvalidDate);
    assert!(Document::parse("date 2017-02-29 Talks.").date().is_none());
}

#[test]
fn document_builder_kept_in_a_variable() {
    let mut builder = Document::builder("Talks in Tokyo.");
    builder = builder.id("x");
    let doc = builder.clone().build();
    assert_eq!(doc.id(), Some("x"));
    let doc = builder.date(Date::new(2020, 1, 1).unwrap()).build();
    assert_eq!(doc.id(), Some("x"));
    let out = extractor().extract(&doc);
    assert_eq!(
        out.entity(EntityKind::Place, "Tokyo")
            .map(|e| e.mentions.len()),
        Some(1)
    );
}
