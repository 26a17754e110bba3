//! Loading user gazetteer files through the builder: extending, overriding, starting from
//! nothing, and reporting every problem with its file and line.

use gazette::{Document, EntityKind, ErrorKind, Extractor};
use std::ffi::OsStr;
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A directory of the test, removed with everything in it when dropped (each test used to
/// leave its directory behind in the system temp dir).
struct ScratchDir(PathBuf);

impl Deref for ScratchDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

/// So that `&dir` is a path the builder takes.
impl AsRef<OsStr> for ScratchDir {
    fn as_ref(&self) -> &OsStr {
        self.0.as_os_str()
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh directory under the system temp dir holding the given files.
fn dir_with(name: &str, files: &[(&str, &[u8])]) -> ScratchDir {
    let dir = std::env::temp_dir().join(format!("gazette-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    ScratchDir(dir)
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
    // Only the user's entry has a gazetteer id; a name no list knows may still be found by
    // rule (here "Japan", listed with a place), with no id.
    let known: Vec<_> = out
        .entities
        .iter()
        .filter(|e| e.id.is_some())
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(known, ["Ruritania"]);
    assert!(out
        .entities
        .iter()
        .all(|e| e.name == "Ruritania" || e.id.is_none()));
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

/// Issue 15: one malformed line fails the whole build; nothing loads partially.
#[test]
fn one_bad_line_fails_the_whole_build() {
    let dir = dir_with(
        "allornothing",
        &[(
            "places.tsv",
            b"id\tname\tpopulation\nP1\tRuritania\t\nP2\tGraustark\tmany\n" as &[u8],
        )],
    );
    let err = Extractor::builder()
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert_eq!(err.line(), Some(3));
    assert!(err.to_string().contains("population `many`"), "{err}");
}

/// Issue 15: an error message repeated whole cells, so a 1 MB cell gave a 1 MB message.
#[test]
fn a_huge_cell_gives_a_short_message() {
    let huge = "q".repeat(1 << 20);
    let file = format!("id\tname\tgender\nX1\tA B\t{huge}\n");
    let dir = dir_with("hugecell", &[("people.tsv", file.as_bytes())]);
    let err = Extractor::builder()
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 400, "{} bytes", message.len());
    assert!(message.contains("people.tsv:2: gender `qqq"), "{message}");
    assert!(message.contains("(1048576 bytes)"), "{message}");
}

/// Issue 15: a CSV-style quoted cell loaded with its quote marks.
#[test]
fn a_quoted_cell_is_an_error_naming_file_and_line() {
    let dir = dir_with(
        "quoted",
        &[(
            "places.tsv",
            b"id\tname\nP1\t\"Ruritania\"\nP2\tGraustark\n" as &[u8],
        )],
    );
    let err = Extractor::builder()
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    assert_eq!(err.line(), Some(2), "{err}");
    assert!(err
        .to_string()
        .contains("places.tsv:2: cell `\"Ruritania\"` is in quotation marks"));
    // A name holding quotation marks inside is fine.
    let dir = dir_with(
        "quoted-inside",
        &[("people.tsv", b"id\tname\nX1\tAl \"Weird\" Yank\n" as &[u8])],
    );
    assert!(Extractor::builder().gazetteer_dir(&dir).build().is_ok());
}

/// Issue 15: `people.TSV` was silently ignored.
#[test]
fn an_upper_case_extension_is_an_error() {
    let dir = dir_with(
        "uppercase",
        &[("people.TSV", b"id\tname\nX1\tRudolf Rassendyll\n" as &[u8])],
    );
    for builder in [
        Extractor::builder().gazetteer_dir(&dir),
        Extractor::builder().gazetteer_file(dir.join("people.TSV")),
    ] {
        let err = builder.build().unwrap_err();
        assert_eq!(err.path(), Some(dir.join("people.TSV").as_path()));
        assert!(err.to_string().contains("must be written `.tsv`"), "{err}");
    }
}

/// Issue 15: the same id in a people file and a places file silently replaced one with the
/// other.
#[test]
fn an_id_reused_across_kinds_is_an_error_naming_both_lines() {
    let dir = dir_with(
        "crosskind",
        &[
            ("people.tsv", b"id\tname\nX1\tRudolf Rassendyll\n" as &[u8]),
            ("places.tsv", b"id\tname\nP0\tStrelsau\nX1\tRuritania\n"),
        ],
    );
    let err = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message
            .contains("places.tsv:3: id `X1` is already the id of the person `Rudolf Rassendyll`"),
        "{message}"
    );
    assert!(message.contains("people.tsv:2"), "{message}");
}

/// Issue 15: fixing one reported line could reveal errors on another that were not reported.
/// Every bad line of every file is reported in one pass: lines below a bad header, and the
/// references of lines that are bad for another reason.
#[test]
fn every_bad_line_of_every_file_is_reported_in_one_pass() {
    let dir = dir_with(
        "onepass",
        &[
            // A header with a typo in an optional column: the lines are still checked.
            (
                "people_a.tsv",
                b"id\tname\talises\tgender\nX1\tA B\t\tmale\nX2\tC D\t\tmal\n" as &[u8],
            ),
            // A header without a required column: the lines are checked for their cells.
            ("people_b.tsv", b"id\tnmae\nX3\tE F\nX4\tG H\textra\n"),
            // A line bad twice over: its gender, and its unknown country.
            (
                "people_c.tsv",
                b"id\tname\tcountry\tgender\nX5\tI J\tZZ\tmle\n",
            ),
        ],
    );
    let err = Extractor::builder()
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    let found: Vec<String> = err
        .errors()
        .iter()
        .map(|e| {
            let file = e.path().unwrap().file_name().unwrap().to_string_lossy();
            format!("{file}:{}", e.line().unwrap_or(0))
        })
        .collect();
    assert_eq!(
        found,
        [
            "people_a.tsv:1",
            "people_a.tsv:3",
            "people_b.tsv:1",
            "people_b.tsv:1",
            "people_b.tsv:3",
            "people_c.tsv:2",
            "people_c.tsv:2",
        ],
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("people_c.tsv:2: country `ZZ`"),
        "{message}"
    );
}
