//! Issue 15 (library): what a new user reaches for first. A document's date and id given
//! through the API, gazette's own date type, builders kept in variables, entities and
//! aliases added in code.

use gazette::{Date, Document, EntityKind, Extraction, Extractor, GazetteerEntry};
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

/// Issue 15: `let b = Extractor::builder().gazetteer_dir(d); b.build()` failed to compile
/// (E0716: the setters returned `&mut` to a temporary). They now take and return the builder.
#[test]
fn extractor_builder_kept_in_a_variable() {
    let dir = std::env::temp_dir().join(format!("gazette-api-var-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("places_x.tsv"), "id\tname\nP:1\tRuritania\n").unwrap();
    let b = Extractor::builder().gazetteer_dir(&dir);
    let ex = b.build().unwrap();
    assert!(ex
        .extract(&Document::parse("Ruritania."))
        .entity(EntityKind::Place, "Ruritania")
        .is_some());
    // Set conditionally, then built twice from the same builder.
    let mut b = Extractor::builder();
    let user_files = [dir.join("places_x.tsv"), dir.join("places_x.tsv")];
    for file in user_files {
        b = b.gazetteer_file(file);
    }
    assert_eq!(
        b.build().unwrap().gazetteer_len(),
        b.build().unwrap().gazetteer_len()
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: no way to add an entity in code; a user wrote TSV files to a temporary folder.
#[test]
fn an_entity_added_in_code() {
    let ex = Extractor::builder()
        .entry(
            GazetteerEntry::person("local:1", "Amina Okafor-Diallo")
                .alias("A. Okafor-Diallo")
                .country("NG")
                .set("gender", "female")
                .set("roles", "governor@NG 2023-05-29.."),
        )
        .entry(GazetteerEntry::institution("local:2", "Lagos Ferry Board").set("acronyms", "LFB"))
        .build()
        .unwrap();
    let out = ex.extract(&Document::parse(
        "A. Okafor-Diallo said the LFB would reopen. She spoke in Lagos.",
    ));
    let amina = out
        .entity(EntityKind::Person, "Amina Okafor-Diallo")
        .unwrap();
    assert_eq!(amina.id.as_deref(), Some("local:1"));
    let texts: Vec<&str> = amina.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["A. Okafor-Diallo", "She"], "{out}");
    assert!(out
        .entity(EntityKind::Institution, "Lagos Ferry Board")
        .is_some());
}

/// Issue 15: a user entry that overrides a default replaced the whole row, so adding one
/// alias meant copying the entry. An alias is now added to a loaded entry by id.
#[test]
fn an_alias_added_to_a_default_entry_by_id() {
    let doc = Document::parse("Officials in Tokyo spoke.");
    let tokyo = extractor().extract(&doc);
    let id = tokyo.entities[0].id.clone().unwrap();
    let ex = Extractor::builder()
        .alias(&id, "Edo")
        .alias(&id, "Tokyo") // already its name: no change
        .build()
        .unwrap();
    let out = ex.extract(&Document::parse("Officials in Edo and Tokyo spoke."));
    assert_eq!(out.entities.len(), 1, "{out}");
    let e = &out.entities[0];
    assert_eq!(
        (e.name.as_str(), e.id.as_deref()),
        ("Tokyo", Some(id.as_str()))
    );
    let texts: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Edo", "Tokyo"]);
    // The rest of the entry is kept: it is still the place the default data describes.
    assert_eq!(ex.gazetteer_len(), extractor().gazetteer_len());
}

#[test]
fn entries_and_aliases_added_in_code_are_checked_like_file_lines() {
    let err = Extractor::builder()
        .entry(GazetteerEntry::person("local:1", "A B").set("gender", "mle"))
        .entry(GazetteerEntry::person("local:2", "C D").set("colour", "red"))
        .entry(GazetteerEntry::person("local:3", "E F").country("ZZ"))
        .entry(GazetteerEntry::place("Q1", "").alias("x|y"))
        .alias("no-such-id", "Someone")
        .alias("local:1", "  ")
        .build()
        .unwrap_err();
    let messages: Vec<String> = err.errors().iter().map(|e| e.to_string()).collect();
    let expect = [
        "entry `local:1` added in code: gender `mle`",
        "entry `local:2` added in code: unknown column `colour`",
        "entry `Q1` added in code: alias `x|y` holds `|`",
        "entry `Q1` added in code: empty `name`",
        "alias `Someone` added in code for `no-such-id`: no loaded entry has this id",
        "alias `  ` added in code for `local:1` is empty",
        "entry `local:3` added in code: country `ZZ` is not the id or a code",
    ];
    assert_eq!(messages.len(), expect.len(), "{err}");
    for (m, e) in messages.iter().zip(expect) {
        assert!(m.starts_with(e), "{m:?} does not start with {e:?}");
    }
    assert!(err.errors().iter().all(|e| e.path().is_none()));

    // An id of a default entry used for another kind is an error, not a silent swap.
    let tokyo = extractor().extract(&Document::parse("Tokyo."));
    let id = tokyo.entities[0].id.clone().unwrap();
    let err = Extractor::builder()
        .entry(GazetteerEntry::person(&id, "Tokyo Person"))
        .build()
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("is already the id of the place `Tokyo` (<embedded>/places.tsv:"),
        "{err}"
    );
    // The same kind replaces the entry whole, like a file's line.
    let ex = Extractor::builder()
        .entry(
            GazetteerEntry::place(&id, "Tokyo Metropolis")
                .alias("Tokyo")
                .set("type", "city"),
        )
        .build()
        .unwrap();
    let out = ex.extract(&Document::parse("Tokyo."));
    assert_eq!(out.entities[0].name, "Tokyo Metropolis");
}
