//! Entity extraction with the default gazetteers, on sentences written for these tests.

use gazette::{Document, EntityKind, Extraction, Extractor};
use once_cell::sync::Lazy;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| Extractor::new().expect("defaults load"));

fn extract(text: &str) -> Extraction {
    EXTRACTOR.extract(&Document::parse(text))
}

/// `(kind, canonical name, mention texts)` of every entity.
fn entities(text: &str) -> Vec<(EntityKind, String, Vec<String>)> {
    extract(text)
        .entities
        .into_iter()
        .map(|e| {
            (
                e.kind,
                e.name,
                e.mentions.into_iter().map(|m| m.text).collect(),
            )
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    entities(text).into_iter().map(|(_, n, _)| n).collect()
}

#[test]
fn demonyms_are_not_places() {
    assert!(names("Japanese and Russian diplomats spoke to Chinese reporters.").is_empty());
    assert_eq!(names("Japanese diplomats flew to Japan."), ["Japan"]);
}

#[test]
fn possessives_and_compounds_name_the_country() {
    let found = entities("Japan's envoy and Russia’s envoy discussed Japan-Russia ties.");
    let japan = found.iter().find(|(_, n, _)| n == "Japan").unwrap();
    assert_eq!(japan.2, ["Japan", "Japan"]);
    let russia = found.iter().find(|(_, n, _)| n == "Russia").unwrap();
    assert_eq!(russia.2, ["Russia", "Russia"]);
}

#[test]
fn words_inside_words_do_not_match() {
    assert!(names("The Japanesque design of Russiagate-era chess sets.").is_empty());
}

#[test]
fn all_caps_datelines_match() {
    let found = entities("TOKYO (Reuters) - Ministers met in the capital.");
    assert_eq!(found[0].1, "Tokyo");
    assert_eq!(found[0].2, ["TOKYO"]);
    assert_eq!(found[1].0, EntityKind::Institution);
}

#[test]
fn acronyms_match_only_in_capitals() {
    assert_eq!(names("The AP reported it.").len(), 1);
    assert!(names("an ap style guide, un-American").is_empty());
}

#[test]
fn longest_match_wins() {
    let found = entities("The Russian Foreign Ministry said nothing.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, EntityKind::Institution);
    assert_eq!(found[0].2, ["Russian Foreign Ministry"]);
}

#[test]
fn entities_are_ordered_by_first_mention_and_group_mentions() {
    let out = extract("Moscow and Tokyo. Later, Moscow again.");
    let names: Vec<_> = out.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Moscow", "Tokyo"]);
    assert_eq!(out.entities[0].mentions.len(), 2);
}

#[test]
fn the_date_header_is_metadata() {
    let out = extract(" date 2019-11-02 Officials in Paris agreed.");
    assert_eq!(out.date.as_deref(), Some("2019-11-02"));
    assert_eq!(out.entities.len(), 1);
    assert_eq!(extract("Officials in Paris agreed.").date, None);
}

#[test]
fn ambiguous_names_need_context() {
    assert!(names("Nice work, said the coach.").is_empty());
    assert_eq!(
        names("The attack in Nice shocked France."),
        ["Nice", "France"]
    );
}

#[test]
fn a_country_named_in_context_beats_its_own_state_of_the_same_name() {
    // Regression: "Mexico" became the State of Mexico when a Mexican was named nearby.
    let out = extract("President Andrés Manuel López Obrador said Mexico would act.");
    let mexico = out.entities.iter().find(|e| e.name == "Mexico").unwrap();
    let country = extract("Mexico and Peru signed the pact.");
    assert_eq!(mexico.id, country.entities[0].id);
}
