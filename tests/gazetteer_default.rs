//! The default gazetteers: names sampled from the shipped files are found in sentences with
//! the right id, and the defences against false hits hold on sentences written for them.

use gazette::{Document, EntityKind, Extraction, Extractor};
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::path::Path;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| Extractor::new().expect("defaults load"));

fn extract(text: &str) -> Extraction {
    EXTRACTOR.extract(&Document::parse(text))
}

/// `(id, name, ambiguous names)` of every entry of a shipped file.
fn entries(file: &str) -> Vec<(String, String, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("gazetteers")
        .join(file);
    let text = std::fs::read_to_string(path).expect("shipped gazetteer file");
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (id, name, amb) = (col("id").unwrap(), col("name").unwrap(), col("ambiguous"));
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let ambiguous = amb
                .and_then(|a| cells.get(a))
                .map(|c| {
                    c.split('|')
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            (cells[id].to_string(), cells[name].to_string(), ambiguous)
        })
        .collect()
}

/// How many entries of all entity files share each name or alias (a shared name goes to one
/// of them by preference, so it cannot round-trip to every id).
static NAME_COUNTS: Lazy<HashMap<String, usize>> = Lazy::new(|| {
    let mut counts = HashMap::new();
    for file in [
        "people.tsv",
        "people_curated.tsv",
        "places.tsv",
        "places_curated.tsv",
        "institutions.tsv",
        "institutions_curated.tsv",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("gazetteers")
            .join(file);
        let text = std::fs::read_to_string(path).unwrap();
        let mut lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let cols: Vec<usize> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| matches!(**h, "name" | "aliases" | "acronyms"))
            .map(|(i, _)| i)
            .collect();
        for l in lines {
            let cells: Vec<&str> = l.split('\t').collect();
            for &c in &cols {
                for n in cells
                    .get(c)
                    .unwrap_or(&"")
                    .split('|')
                    .filter(|s| !s.is_empty())
                {
                    *counts.entry(n.to_string()).or_default() += 1;
                }
            }
        }
    }
    counts
});

/// Samples every `step`-th entry of `file` whose name is unique and not ambiguous, puts it in
/// `sentence`, and checks the extraction has it with its id. Returns how many were checked.
fn round_trip(file: &str, step: usize, kind: EntityKind, sentence: fn(&str) -> String) -> usize {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (id, name, ambiguous) in entries(file).into_iter().step_by(step) {
        if NAME_COUNTS.get(&name) != Some(&1) || ambiguous.contains(&name) {
            continue;
        }
        let text = sentence(&name);
        let out = extract(&text);
        let hit = out.entities.iter().any(|e| {
            e.kind == kind
                && e.id.as_deref() == Some(id.as_str())
                && e.mentions.iter().any(|m| m.text == name)
        });
        if !hit {
            failures.push(format!("{id} {name:?} in {text:?}"));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed: {failures:#?}",
        failures.len()
    );
    checked
}

#[test]
fn sampled_names_round_trip_with_their_ids() {
    let people = round_trip("people.tsv", 23, EntityKind::Person, |n| {
        format!("Reporters said {n} arrived on Monday.")
    });
    let places = round_trip("places.tsv", 41, EntityKind::Place, |n| {
        format!("Reporters gathered in {n} on Monday.")
    });
    let institutions = round_trip("institutions.tsv", 3, EntityKind::Institution, |n| {
        format!("A statement from {n} followed on Monday.")
    });
    let curated = round_trip(
        "institutions_curated.tsv",
        1,
        EntityKind::Institution,
        |n| format!("A statement from {n} followed on Monday."),
    );
    let total = people + places + institutions + curated;
    assert!(total >= 300, "only {total} names checked");
}

fn names(text: &str) -> Vec<(EntityKind, String)> {
    extract(text)
        .entities
        .into_iter()
        .map(|e| (e.kind, e.name))
        .collect()
}

#[test]
fn common_words_that_are_place_names_need_context() {
    use EntityKind::Place;
    assert!(names("Nice to meet you, he said.").is_empty());
    assert_eq!(
        names("Thousands gathered in Nice."),
        [(Place, "Nice".to_string())]
    );
    assert!(names("Reading the report took hours.").is_empty());
    assert_eq!(
        names("The club moved to Reading."),
        [(Place, "Reading".to_string())]
    );
    assert!(names("Mobile phones were banned.").is_empty());
    assert!(names("It was a Split decision by the judges.").is_empty());
    // A dateline names the place: "NICE, France".
    let found = names("NICE, France — Crowds gathered.");
    assert!(found.contains(&(Place, "Nice".to_string())), "{found:?}");
}

#[test]
fn given_names_that_are_countries_need_context() {
    // The subject of "said" is a person (or an institution), never the country.
    assert!(names("Chad said the deal was fair.")
        .iter()
        .all(|(k, n)| n != "Chad" || *k == EntityKind::Person));
    assert!(names("Troops were sent to Chad.")
        .iter()
        .any(|(_, n)| n == "Chad"));
    let found = names("Rep. Jim Jordan said Jordan would testify.");
    assert!(
        found.iter().all(|(k, _)| *k == EntityKind::Person),
        "{found:?}"
    );
}

#[test]
fn countries_that_are_common_words_in_lower_case_are_countries() {
    assert!(names("Turkey and Greece signed the pact.")
        .iter()
        .any(|(_, n)| n == "Turkey"));
    assert!(names("We ate turkey and guinea fowl.").is_empty());
}

#[test]
fn the_larger_place_wins_a_shared_name_and_the_country_wins_its_state() {
    let out = extract("Officials in Moscow said so.");
    let moscow = out.entity(EntityKind::Place, "Moscow").unwrap();
    let russia_moscow = extract("Moscow, Russia").entities[0].id.clone();
    assert_eq!(moscow.id, russia_moscow);
    let out = extract("Mexico and Peru signed.");
    assert_eq!(out.entities[0].name, "Mexico");
}

#[test]
fn months_and_surnames_are_not_people_by_themselves() {
    assert!(names("The vote is due in May.").is_empty());
    assert!(names("Rice prices rose in March.").is_empty());
}

#[test]
fn a_place_name_inside_a_building_name_is_not_the_place() {
    // The building is a place of its own (issue 10: "Apple Park" is no mention of Apple).
    assert_eq!(
        names("The talks were held at Bellevue Palace."),
        [(EntityKind::Place, "Bellevue Palace".to_string())]
    );
    assert_eq!(
        names("Ana Ruiz met Tim Cook at Apple Park."),
        [
            (EntityKind::Person, "Ana Ruiz".to_string()),
            (EntityKind::Person, "Tim Cook".to_string()),
            (EntityKind::Place, "Apple Park".to_string())
        ]
    );
    assert_eq!(
        names("She moved to Bellevue."),
        [(EntityKind::Place, "Bellevue".to_string())]
    );
}

#[test]
fn a_place_is_preferred_in_the_country_the_text_names() {
    // "Bali, Indonesia": the island, not a town of the same name elsewhere.
    let out = extract("They last met in Bali, Indonesia, in 2022.");
    let bali = out.entities.iter().find(|e| e.name == "Bali").unwrap();
    assert_eq!(bali.id.as_deref(), Some("gz:bali"));
}

#[test]
fn another_country_named_does_not_move_a_much_larger_city() {
    // Los Angeles names the United States; Manchester stays the English city.
    let out = extract("LONDON — Fans from Manchester and Los Angeles gathered.");
    let manchester = out
        .entities
        .iter()
        .find(|e| e.name == "Manchester")
        .unwrap();
    let alone = extract("Fans gathered in Manchester.");
    assert_eq!(manchester.id, alone.entities[0].id);
}
