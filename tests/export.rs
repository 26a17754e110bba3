//! Issue 14, item 3: the export formats of `extract`, as functions: the PLOVER mapping
//! (`examples/extract/plover.rs`) and the CSV tables (`examples/extract/tables.rs`), and the
//! README's field-by-field documentation of both. `tests/cli.rs` runs them through the
//! command.

#[allow(dead_code)]
#[path = "../examples/extract/plover.rs"]
mod plover;

#[allow(dead_code)]
#[path = "../examples/extract/tables.rs"]
mod tables;

use gazette::{Document, Extraction, Extractor};
use serde_json::{json, Value};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded gazetteers load"));

fn extract(id: &str, text: &str) -> Extraction {
    let mut x = EXTRACTOR.extract(&Document::parse(text));
    x.doc = Some(id.to_string());
    x
}

fn events(id: &str, text: &str) -> Vec<Value> {
    plover::events(&extract(id, text))
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect()
}

/// The README section between `start` and the next `## ` heading.
fn readme_section(start: &str) -> &'static str {
    let readme = include_str!("../README.md");
    let at = readme
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the README"));
    let rest = &readme[at + start.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn held_meeting_is_a_consult_with_actors_ids_and_place() {
    let text =
        " date 2017-03-22 Foreign Minister Fumio Kishida met Sergei Lavrov in Tokyo on Monday.";
    let x = extract("a.txt", text);
    let e = events("a.txt", text);
    assert_eq!(e.len(), 1, "{e:?}");
    let e = &e[0];
    assert_eq!(e["id"], "a.txt#0");
    assert_eq!(e["date"], "2017-03-20");
    assert_eq!(e["event"], json!(["CONSULT"]));
    assert_eq!(e["mode"], json!([]));
    assert_eq!(e["context"], json!([]));
    assert_eq!(e["recipient"], json!([]));
    let lavrov = x
        .entities
        .iter()
        .position(|e| e.name == "Sergey Lavrov")
        .unwrap();
    assert_eq!(
        e["actor"][1],
        json!({"entity_text": "Sergei Lavrov", "identifier_id": "Q58217",
               "identifier_text": "Sergey Lavrov", "kind": "person", "entity": lavrov})
    );
    assert_eq!(e["actor"][0]["identifier_text"], "Fumio Kishida");
    let tokyo = x.entities.iter().position(|e| e.name == "Tokyo").unwrap();
    assert_eq!(
        e["event_loc"],
        json!({"extracted_place": "Tokyo", "resolved_place": "Tokyo", "geonameid": 1850147,
               "identifier_id": "geonames:1850147", "kind": "place", "entity": tokyo})
    );
    let (start, end) = (
        e["evidence_start"].as_u64().unwrap() as usize,
        e["evidence_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(e["event_text"], json!([&text[start..end]]));
    assert_eq!(e["doc"], "a.txt");
    assert_eq!(e["doc_date"], "2017-03-22");
    assert_eq!(e["meeting"], 0);
    assert_eq!(e["status"], "held");
    assert_eq!(e["coder"], format!("gazette {}", env!("CARGO_PKG_VERSION")));
}

/// PLOVER codes future meetings as AGREE (intent), which has no modes; a cancelled meeting
/// is a CONSULT with the auxiliary mode `negation` in `context`.
#[test]
fn planned_is_agree_and_cancelled_is_a_negated_consult() {
    let planned = events(
        "p.txt",
        " date 2017-03-22 Foreign Minister Fumio Kishida will visit Sergei Lavrov in Moscow next week.",
    );
    assert_eq!(planned.len(), 1, "{planned:?}");
    assert_eq!(planned[0]["status"], "planned");
    assert_eq!(planned[0]["event"], json!(["AGREE"]));
    assert_eq!(planned[0]["mode"], json!([]));
    assert_eq!(planned[0]["context"], json!([]));

    let cancelled = events(
        "c.txt",
        "President Donald Trump called off his meeting with Prime Minister Mette Frederiksen.",
    );
    assert_eq!(cancelled.len(), 1, "{cancelled:?}");
    assert_eq!(cancelled[0]["status"], "cancelled");
    assert_eq!(cancelled[0]["event"], json!(["CONSULT"]));
    assert_eq!(cancelled[0]["context"], json!(["negation"]));
}

/// `visit` needs the visit word between the participants; `multilateral` a phrase anywhere
/// in the sentence; neither otherwise.
#[test]
fn modes_come_from_the_evidence_sentence() {
    let cases = [
        (
            "Venezuelan President Nicolás Maduro received Gustavo Petro in Caracas.",
            json!(["visit"]),
        ),
        (
            "French President Emmanuel Macron hosted Olaf Scholz for lunch.",
            json!(["visit"]),
        ),
        (
            "Xi Jinping met Narendra Modi on the sidelines of the summit in Kazan.",
            json!(["multilateral"]),
        ),
        (
            "Maxim Maksimov met Mustafa Al-Kadhimi, said a statement received by the agency.",
            json!([]),
        ),
        ("Fumio Kishida met Sergei Lavrov in Tokyo.", json!([])),
    ];
    for (text, mode) in cases {
        let e = events("m.txt", text);
        assert_eq!(e.len(), 1, "{text}: {e:?}");
        assert_eq!(e[0]["mode"], mode, "{text}");
    }
}

#[test]
fn words_and_phrases_match_whole_words_ignoring_case() {
    assert!(plover::has_any("He VISITED Tokyo", plover::VISIT_WORDS));
    assert!(!plover::has_any("the visitation rights", &["visit"]));
    assert!(plover::has_any(
        "met on the sidelines, then",
        plover::MULTILATERAL_PHRASES
    ));
    assert!(plover::has_any(
        "at the UN General  Assembly.",
        &["general assembly"]
    ));
    assert!(!plover::has_any(
        "general secretary of the assembly",
        &["general assembly"]
    ));
    assert!(!plover::has_any("", &[""]));
}

/// An article without meetings gives no event; meeting positions number the ids.
#[test]
fn one_event_per_meeting() {
    assert!(events("n.txt", "Talks in Tokyo were postponed.").is_empty());
    let e = events(
        "two.txt",
        "Fumio Kishida met Sergei Lavrov in Tokyo. Later, Shinzo Abe met Vladimir Putin in Sochi.",
    );
    let ids: Vec<&str> = e.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["two.txt#0", "two.txt#1"]);
}

/// Every field of an event, of an actor and of a location is in the README's PLOVER
/// tables; so is every column of every CSV table in the CSV section.
#[test]
fn every_field_and_column_is_documented() {
    let section = readme_section("### PLOVER events");
    let e = &events(
        "a.txt",
        "Foreign Minister Fumio Kishida met Sergei Lavrov in Tokyo on Monday.",
    )[0];
    let mut fields: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
    fields.extend(
        e["actor"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str),
    );
    fields.extend(
        e["event_loc"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str),
    );
    for field in fields {
        assert!(
            section.contains(&format!("| `{field}`")) || section.contains(&format!(", `{field}`")),
            "PLOVER field {field} is not in the README's tables"
        );
    }
    let section = readme_section("### CSV tables");
    for column in tables::ENTITY_COLUMNS
        .iter()
        .chain(tables::MEETING_COLUMNS)
        .chain(tables::QUOTE_COLUMNS)
    {
        assert!(
            section.contains(&format!("`{column}`")),
            "CSV column {column} is not in the README"
        );
    }
}

/// The tables as strings, after `begin` and one `record` per extraction.
fn write_tables(extractions: &[Extraction]) -> [String; 3] {
    let mut t = tables::Tables::new(Vec::new(), Vec::new(), Vec::new());
    t.begin().unwrap();
    for x in extractions {
        t.record(x).unwrap();
    }
    t.into_inner()
        .unwrap()
        .map(|bytes| String::from_utf8(bytes).unwrap())
}

/// The rows of a table read back with a CSV reader, as header → value maps.
fn read_table(table: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The headers are the documented columns, in the order of the row structs' fields (a row
/// struct written with serde's own headers gives the same line).
#[test]
fn headers_are_the_columns_even_for_empty_tables() {
    let [entities, meetings, quotes] = write_tables(&[]);
    assert_eq!(entities, format!("{}\n", tables::ENTITY_COLUMNS.join(",")));
    assert_eq!(meetings, format!("{}\n", tables::MEETING_COLUMNS.join(",")));
    assert_eq!(quotes, format!("{}\n", tables::QUOTE_COLUMNS.join(",")));

    let x = extract(
        "a.txt",
        "\u{201C}Yes,\u{201D} Fumio Kishida said after he met Sergei Lavrov in Tokyo.",
    );
    let serde_header = |rows: Vec<String>| rows.first().cloned().unwrap_or_default();
    let with_headers = |f: &dyn Fn(&mut csv::Writer<Vec<u8>>)| {
        let mut w = csv::Writer::from_writer(Vec::new());
        f(&mut w);
        let s = String::from_utf8(w.into_inner().unwrap()).unwrap();
        serde_header(s.lines().map(String::from).collect())
    };
    let e = with_headers(&|w| w.serialize(&tables::entity_rows(&x)[0]).unwrap());
    let m = with_headers(&|w| w.serialize(&tables::meeting_rows(&x)[0]).unwrap());
    let q = with_headers(&|w| w.serialize(&tables::quote_rows(&x)[0]).unwrap());
    assert_eq!(e, tables::ENTITY_COLUMNS.join(","));
    assert_eq!(m, tables::MEETING_COLUMNS.join(","));
    assert_eq!(q, tables::QUOTE_COLUMNS.join(","));
}

/// One row per mention, per participant, per quote; nulls are empty fields; commas, quotes
/// and line breaks in a field are quoted and read back unchanged.
#[test]
fn rows_nulls_and_quoting() {
    let text = " date 2017-03-22 Fumio Kishida met Sergei Lavrov in Tokyo on Monday. \
                \u{201C}Talks, \"frank\" ones,\nwent well,\u{201D} Kishida said. \
                \u{201C}No comment,\u{201D} an official said.";
    let x = extract("a, \"b\".txt", text);
    let [entities, meetings, quotes] = write_tables(std::slice::from_ref(&x));

    let (header, rows) = read_table(&entities);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mentions: usize = x.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(rows.len(), mentions);
    for row in &rows {
        assert_eq!(row[col("doc")], "a, \"b\".txt");
        assert_eq!(row[col("doc_date")], "2017-03-22");
        let e = &x.entities[row[col("entity")].parse::<usize>().unwrap()];
        let m = &e.mentions[row[col("mention")].parse::<usize>().unwrap()];
        assert_eq!(row[col("name")], e.name);
        assert_eq!(row[col("id")], e.id.clone().unwrap_or_default());
        assert_eq!(row[col("start")], m.start.to_string());
        assert_eq!(row[col("text")], &text[m.start..m.end]);
        assert_eq!(row[col("via")], m.via.as_str());
    }

    let (header, rows) = read_table(&meetings);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(x.meetings.len(), 1);
    assert_eq!(rows.len(), 2, "one row per participant");
    for (k, row) in rows.iter().enumerate() {
        let m = &x.meetings[0];
        assert_eq!(row[col("meeting")], "0");
        assert_eq!(row[col("participant")], k.to_string());
        assert_eq!(row[col("participant_name")], m.participants[k]);
        assert_eq!(
            row[col("participant_entity")],
            m.participant_entities[k].to_string()
        );
        assert_eq!(row[col("place")], "Tokyo");
        assert_eq!(row[col("place_id")], "geonames:1850147");
        assert_eq!(row[col("date")], "2017-03-20");
        assert_eq!(row[col("evidence")], m.evidence.text);
    }

    let (header, rows) = read_table(&quotes);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), x.quotes.len());
    assert_eq!(rows[0][col("text")], "Talks, \"frank\" ones,\nwent well,");
    assert_eq!(rows[0][col("speaker")], "Fumio Kishida");
    assert_eq!(rows[0][col("cue")], "said");
    // The raw file quotes that field and doubles its quotes.
    assert!(
        quotes.contains("\"Talks, \"\"frank\"\" ones,\nwent well,\""),
        "{quotes}"
    );
    // A quote without a named speaker: empty speaker, kind, id and entity.
    let anonymous = rows
        .iter()
        .find(|r| r[col("text")] == "No comment,")
        .unwrap();
    for c in ["speaker", "speaker_kind", "speaker_id", "speaker_entity"] {
        assert_eq!(anonymous[col(c)], "", "{c}");
    }
}
