//! Loading user gazetteer files through the builder: extending, overriding, starting from
//! nothing, and reporting every problem with its file and line.

use gazette::{Document, EntityKind, ErrorKind, Extractor};
use std::path::PathBuf;

/// A fresh directory under the system temp dir holding the given files.
fn dir_with(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

#[test]
fn user_files_extend_the_defaults() {
    let dir = dir_with(
        "extend",
        &[(
            "people_local.tsv",
            b"id\tname\taliases\tcountry\tgender\nX:1\tAmina Okafor-Diallo\tA. Okafor-Diallo\tNG\tfemale\n",
        )],
    );
    let ex = Extractor::builder().gazetteer_dir(&dir).build().unwrap();
    let doc = Document::parse("Amina Okafor-Diallo arrived in Lagos, Nigeria, on Monday.");
    let out = ex.extract(&doc);
    let person = out
        .entity(EntityKind::Person, "Amina Okafor-Diallo")
        .unwrap();
    assert_eq!(person.id.as_deref(), Some("X:1"));
    assert!(out.entity(EntityKind::Place, "Nigeria").is_some(), "{out}");
}

#[test]
fn a_user_entry_replaces_a_default_entry_of_the_same_id() {
    let base = Extractor::new().unwrap();
    let doc = Document::parse("Officials in Tokyo said so.");
    let tokyo = base.extract(&doc);
    let id = tokyo.entities[0].id.clone().unwrap();
    let file = format!("id\tname\taliases\ttype\n{id}\tTokyo Metropolis\tTokyo\tcity\n");
    let dir = dir_with("override", &[("places_override.tsv", file.as_bytes())]);
    let ex = Extractor::builder().gazetteer_dir(&dir).build().unwrap();
    let out = ex.extract(&doc);
    assert_eq!(out.entities.len(), 1);
    assert_eq!(out.entities[0].name, "Tokyo Metropolis");
    assert_eq!(out.entities[0].id.as_deref(), Some(id.as_str()));
}

#[test]
fn without_defaults_only_user_entries_are_found() {
    let dir = dir_with(
        "nodefaults",
        &[("places.tsv", b"id\tname\nP1\tRuritania\n" as &[u8])],
    );
    let ex = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_file(dir.join("places.tsv"))
        .build()
        .unwrap();
    assert_eq!(ex.gazetteer_len(), 1);
    let out = ex.extract(&Document::parse("Ruritania and Japan."));
    let names: Vec<_> = out.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ruritania"]);
}

#[test]
fn every_problem_is_reported_with_file_and_line() {
    let long_alias = "y".repeat(10_000);
    let people = format!(
        "id\tname\taliases\n\
         Q1\tGood Person\t\n\
         Q2\tMissing column\n\
         Q3\tEmpty alias\ta||b\n\
         Q1\tDuplicate id\t\n\
         Q4\tLong alias\t{long_alias}\n"
    );
    let mut places = b"id\tname\nP1\tFine\nP2\tBad \xFF byte\n".to_vec();
    places.extend_from_slice(b"P3\tAlso fine\n");
    let dir = dir_with(
        "problems",
        &[
            ("people.tsv", people.as_bytes()),
            ("places.tsv", &places),
            ("notes.tsv", b"id\tname\n"),
        ],
    );
    let err = Extractor::builder()
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Multiple);
    let found: Vec<(String, Option<usize>, ErrorKind)> = err
        .errors()
        .iter()
        .map(|e| {
            let file = e
                .path()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, e.line(), e.kind())
        })
        .collect();
    let expect = |f: &str, l: Option<usize>, k: ErrorKind| (f.to_string(), l, k);
    assert_eq!(
        found,
        [
            expect("notes.tsv", None, ErrorKind::Parse),
            expect("people.tsv", Some(3), ErrorKind::Parse),
            expect("people.tsv", Some(4), ErrorKind::Parse),
            expect("people.tsv", Some(5), ErrorKind::Parse),
            expect("people.tsv", Some(6), ErrorKind::Parse),
            expect("places.tsv", Some(3), ErrorKind::InvalidUtf8),
        ]
    );
    let message = err.to_string();
    assert!(
        message.contains("people.tsv:5: id `Q1` already used on line 2"),
        "{message}"
    );
}

#[test]
fn missing_paths_are_io_errors_naming_the_path() {
    let err = Extractor::builder()
        .gazetteer_dir("/nonexistent/gazette-dir")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.to_string().starts_with("/nonexistent/gazette-dir: "));
    let err = Extractor::builder()
        .gazetteer_file("/nonexistent/people.tsv")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
}
