//! Issue 14, item 4: ids on relations. Every meeting participant, meeting place and quote
//! speaker carries its entity's gazetteer id and its position in the article's `entities`,
//! in the Rust records and in the JSON, and the two always agree with the names.

use gazette::{Document, EntityKind, Extraction, Extractor};
use serde_json::Value;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded gazetteers load"));

fn articles() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(out.len() >= 18, "the test articles are missing");
    out
}

/// The entity at `index` of the JSON's `entities`, checked to have `name` and `id`.
fn check_entity(doc: &str, json: &Value, index: &Value, name: &Value, id: &Value) -> Value {
    let i = index
        .as_u64()
        .unwrap_or_else(|| panic!("{doc}: {name} has no entity index ({index})"));
    let entity = &json["entities"][i as usize];
    assert_eq!(&entity["name"], name, "{doc}: entities[{i}] is not {name}");
    assert_eq!(
        &entity["id"], id,
        "{doc}: entities[{i}] ({name}) has another id"
    );
    assert!(
        entity["mentions"].as_array().is_some_and(|m| !m.is_empty()),
        "{doc}: entities[{i}] ({name}) has no mention"
    );
    entity.clone()
}

/// In the JSON of every test article: `entities[index].name == name` and the ids are equal,
/// for every participant, place and speaker; null names have null ids and indices.
#[test]
fn json_ids_and_indices_point_at_the_named_entities() {
    let (mut participants, mut places, mut speakers) = (0, 0, 0);
    for (name, text) in articles() {
        let out = EXTRACTOR.extract(&Document::parse(&text));
        let json: Value = serde_json::from_str(&out.to_json_line()).unwrap();
        for m in json["meetings"].as_array().unwrap() {
            let names = m["participants"].as_array().unwrap();
            let ids = m["participant_ids"].as_array().unwrap();
            let indices = m["participant_entities"].as_array().unwrap();
            assert_eq!(names.len(), ids.len(), "{name}: {m}");
            assert_eq!(names.len(), indices.len(), "{name}: {m}");
            for ((n, id), i) in names.iter().zip(ids).zip(indices) {
                let entity = check_entity(&name, &json, i, n, id);
                assert_eq!(entity["kind"], "person", "{name}: {n}");
                participants += 1;
            }
            if m["place"].is_null() {
                assert!(
                    m["place_id"].is_null() && m["place_entity"].is_null(),
                    "{m}"
                );
            } else {
                let entity = check_entity(
                    &name,
                    &json,
                    &m["place_entity"],
                    &m["place"],
                    &m["place_id"],
                );
                assert!(entity["kind"] == "place" || entity["kind"] == "institution");
                places += 1;
            }
        }
        for q in json["quotes"].as_array().unwrap() {
            if q["speaker"].is_null() {
                assert!(
                    q["speaker_id"].is_null() && q["speaker_entity"].is_null(),
                    "{q}"
                );
            } else {
                let entity = check_entity(
                    &name,
                    &json,
                    &q["speaker_entity"],
                    &q["speaker"],
                    &q["speaker_id"],
                );
                assert_eq!(entity["kind"], q["speaker_kind"], "{name}: {q}");
                speakers += 1;
            }
        }
    }
    // The articles have all three: the checks above ran.
    assert!(
        participants >= 50 && places >= 10 && speakers >= 50,
        "{participants} {places} {speakers}"
    );
}

/// The same in the Rust records, through the documented API.
#[test]
fn record_ids_and_indices_point_at_the_named_entities() {
    for (name, text) in articles() {
        let out: Extraction = EXTRACTOR.extract(&Document::parse(&text));
        for m in &out.meetings {
            assert_eq!(m.participant_entities.len(), m.participants.len(), "{name}");
            for (i, (&e, id)) in m
                .participant_entities
                .iter()
                .zip(&m.participant_ids)
                .enumerate()
            {
                assert_eq!(out.entities[e].name, m.participants[i], "{name}");
                assert_eq!(&out.entities[e].id, id, "{name}");
            }
            match (&m.place, m.place_entity) {
                (Some(place), Some(e)) => {
                    assert_eq!(&out.entities[e].name, place, "{name}");
                    assert_eq!(out.entities[e].id, m.place_id, "{name}");
                }
                (None, None) => assert_eq!(m.place_id, None),
                other => panic!("{name}: place and place_entity disagree: {other:?}"),
            }
        }
        for q in &out.quotes {
            match (&q.speaker, q.speaker_entity) {
                (Some(speaker), Some(e)) => {
                    assert_eq!(&out.entities[e].name, speaker, "{name}");
                    assert_eq!(out.entities[e].id, q.speaker_id, "{name}");
                    assert_eq!(Some(out.entities[e].kind), q.speaker_kind, "{name}");
                }
                (None, None) => assert_eq!(q.speaker_id, None),
                other => panic!("{name}: speaker and speaker_entity disagree: {other:?}"),
            }
        }
    }
}

/// A small article whose answer is known: the index is the position by first mention, not
/// the order in which the resolution met the entities.
#[test]
fn indices_follow_the_order_of_entities() {
    let text = " date 2017-03-22 Talks opened in Tokyo. Foreign Minister Fumio Kishida met \
                Sergei Lavrov in Tokyo on Monday. \u{201C}We agreed,\u{201D} Lavrov said.";
    let out = EXTRACTOR.extract(&Document::parse(text));
    let position = |kind, name| {
        out.entities
            .iter()
            .position(|e| e.kind == kind && e.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {out}"))
    };
    let tokyo = position(EntityKind::Place, "Tokyo");
    let kishida = position(EntityKind::Person, "Fumio Kishida");
    let lavrov = position(EntityKind::Person, "Sergey Lavrov");
    assert!(tokyo < kishida && kishida < lavrov, "{out}");
    let meeting = &out.meetings[0];
    assert_eq!(meeting.participant_entities, [kishida, lavrov]);
    assert_eq!(meeting.place_entity, Some(tokyo));
    assert_eq!(meeting.place_id.as_deref(), Some("geonames:1850147"));
    assert_eq!(meeting.participant_ids[1].as_deref(), Some("Q58217"));
    let quote = &out.quotes[0];
    assert_eq!(quote.speaker_entity, Some(lavrov));
    assert_eq!(quote.speaker_id.as_deref(), Some("Q58217"));
}
