//! The scoring rules of `examples/evaluate` give the reference scorer's figures.
//!
//! `tests/eval/gold/` holds the gold of six development articles (copies; their texts are in
//! `tests/data/`) and one synthetic file (`900_synthetic-edge-cases.json`) that exercises the
//! rules. `tests/eval/extract.jsonl` is the extract example's output on the six articles at
//! the time the test was written (fixed here, so that changes to the extractor do not move
//! these figures); `tests/eval/edge.jsonl` is written by hand for the synthetic file.
//!
//! Every expected figure below, and the files in `tests/eval/score_py/`, come from running
//! the project's reference scorer on the same files:
//!
//! ```text
//! python3 score.py tests/eval/gold tests/eval/extract.jsonl --by-doc [--json]
//! python3 score.py tests/eval/gold tests/eval/edge.jsonl --by-doc [--json]
//! ```
//!
//! except the status, place and date of matched meetings, which the reference scorer does
//! not report; those are worked out by hand in `meeting_attributes_on_the_synthetic_file`.

#[allow(dead_code)]
#[path = "../examples/evaluate/report.rs"]
mod report;
#[allow(dead_code)]
#[path = "../examples/evaluate/score.rs"]
mod score;

use serde_json::Value;
use std::path::{Path, PathBuf};

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval")
}

fn run(predictions: &str) -> (score::Report, usize) {
    let gold = score::load_gold(&eval_dir().join("gold")).unwrap();
    let preds = score::load_pred(&eval_dir().join(predictions)).unwrap();
    (score::evaluate(&gold, &preds), gold.len())
}

/// (tp, fp, fn) of an overall metric row.
fn row(report: &score::Report, name: &str) -> (usize, usize, usize) {
    let json: Value = serde_json::from_str(&report::json(report, false, false).unwrap()).unwrap();
    let m = &json["overall"][name];
    let n = |k: &str| m[k].as_u64().unwrap_or_else(|| panic!("{name}.{k}")) as usize;
    (n("tp"), n("fp"), n("fn"))
}

#[test]
fn extractor_output_scores_as_the_reference_scorer_says() {
    let (report, _) = run("extract.jsonl");
    // From score.py (see the module docs).
    assert_eq!(row(&report, "entities/person"), (22, 0, 4));
    assert_eq!(row(&report, "entities/place"), (28, 0, 6));
    assert_eq!(row(&report, "entities/institution"), (14, 0, 2));
    assert_eq!(row(&report, "entities/all"), (64, 0, 12));
    assert_eq!(row(&report, "meetings/pairs"), (6, 0, 4));
    assert_eq!(row(&report, "quotes/detection"), (23, 0, 7));
    assert_eq!(row(&report, "quotes/strict_speaker"), (20, 3, 10));
    assert_eq!(report.totals.quotes.attr_correct, 20);
}

#[test]
fn edge_cases_score_as_the_reference_scorer_says() {
    let (report, _) = run("edge.jsonl");
    // From score.py (see the module docs).
    assert_eq!(row(&report, "entities/person"), (5, 2, 21));
    assert_eq!(row(&report, "entities/place"), (4, 1, 30));
    assert_eq!(row(&report, "entities/institution"), (1, 0, 15));
    assert_eq!(row(&report, "entities/other-kind"), (0, 2, 0));
    assert_eq!(row(&report, "entities/all"), (10, 5, 66));
    assert_eq!(row(&report, "meetings/pairs"), (5, 1, 5));
    assert_eq!(row(&report, "quotes/detection"), (5, 1, 25));
    assert_eq!(row(&report, "quotes/strict_speaker"), (4, 2, 26));
    assert_eq!(report.totals.quotes.attr_correct, 4);
    assert_eq!(report.unknown, ["999_no-gold"]);
    let missing: Vec<&str> = report
        .docs
        .iter()
        .filter(|d| !d.predicted)
        .map(|d| d.stem.as_str())
        .collect();
    assert_eq!(missing.len(), 5, "{missing:?}");
}

/// The text report, less the lines the reference scorer does not print, is its output byte
/// for byte.
#[test]
fn text_report_equals_the_reference_scorers() {
    for name in ["extract", "edge"] {
        let (report, gold_docs) = run(&format!("{name}.jsonl"));
        let ours: String = report::text(&report, gold_docs, true, false)
            .lines()
            .filter(|l| !l.starts_with("meetings/status") && !l.starts_with("meetings/place"))
            .filter(|l| !l.starts_with("meetings/date"))
            .map(|l| format!("{l}\n"))
            .collect();
        let theirs = std::fs::read_to_string(eval_dir().join(format!("score_py/{name}.txt")));
        assert_eq!(ours, theirs.unwrap(), "{name}");
    }
}

/// Every figure of the reference scorer's `--json --by-doc` output is in ours, equal.
#[test]
fn json_report_contains_the_reference_scorers() {
    fn contains(ours: &Value, theirs: &Value, at: &str) {
        match theirs {
            Value::Object(map) => {
                for (k, v) in map {
                    contains(&ours[k], v, &format!("{at}/{k}"));
                }
            }
            _ => assert_eq!(ours, theirs, "{at}"),
        }
    }
    for name in ["extract", "edge"] {
        let (report, _) = run(&format!("{name}.jsonl"));
        let ours: Value =
            serde_json::from_str(&report::json(&report, true, false).unwrap()).unwrap();
        let path = eval_dir().join(format!("score_py/{name}.json"));
        let theirs: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        contains(&ours, &theirs, name);
    }
}

#[test]
fn meeting_attributes_on_the_synthetic_file() {
    let (report, _) = run("edge.jsonl");
    let doc = |stem: &str| report.docs.iter().find(|d| d.stem == stem).unwrap();
    // 900: the held meeting is matched to the first prediction (3 shared pairs): status,
    // "Krakow" (a gold alias of Kraków) and date right. The planned meeting is matched to
    // "Ms Kowalska" + "O'Neill": place "U.S." (an alias) right, status "held" and a date
    // where the gold has none wrong.
    let a = doc("900_synthetic-edge-cases").attributes;
    assert_eq!(
        (a.gold, a.matched, a.status, a.place, a.date),
        (2, 2, 1, 2, 1)
    );
    // 105: "Ruto" + "Kiir" matches the Ruto–Kiir meeting; the prediction has no status and
    // no place, and no date like the gold.
    let a = doc("105_ruto-mohamud-kiir-nairobi").attributes;
    assert_eq!(
        (a.gold, a.matched, a.status, a.place, a.date),
        (2, 1, 0, 0, 1)
    );
    let kinds: Vec<(&str, &str)> = doc("900_synthetic-edge-cases")
        .findings
        .iter()
        .filter(|f| f.metric.starts_with("meetings/"))
        .map(|f| (f.metric.as_str(), f.verdict))
        .collect();
    assert_eq!(
        kinds,
        [
            ("meetings/pairs", "FP"),
            ("meetings/status", "wrong"),
            ("meetings/date", "wrong")
        ]
    );
}

#[test]
fn errors_say_why() {
    let (report, _) = run("edge.jsonl");
    let text = report::text(&report, 7, false, true);
    for needle in [
        r#"entities/person       FP    person "Kowalska" (compared as: "kowalska"); "Anna Kowalska" is already matched by predicted "Anna Kowalska""#,
        r#"entities/place        FP    place "Li Wei" (compared as: "li wei"); gold has "Li Wei" as person"#,
        r#"meetings/pairs        FP    ?unknown person + Li Wei (predicted participants: "Wei", "Unknown Person"); evidence: "Wei saw Unknown Person.""#,
        r#"quotes/speaker        wrong "ok": predicted null, gold "Jan Kowalski""#,
        r#"quotes/detection      FP    "completely unrelated words here" (speaker "Jan Kowalski")"#,
        r#"entities/place        FN    place "Denmark" (aliases: "Denmark")"#,
    ] {
        assert!(text.contains(needle), "missing {needle}\n{text}");
    }
}

#[test]
fn names_are_normalised_like_the_reference_scorer() {
    // Each right-hand side is what score.py's norm() returns.
    let cases = [
        ("The Queen's", "queen"),
        ("Francis\u{2019}", "francis"),
        ("  Straße  ", "strasse"),
        ("HAUPTSTRA\u{1E9E}E", "hauptstrasse"),
        ("the", "the"),
        ("The ", "the"),
        ("the the", "the"),
        ("Krako\u{301}w", "krak\u{f3}w"),
        ("O\u{2019}Neill", "o'neill"),
        ("\u{201C}Lula\u{201D}", "\"lula\""),
        ("Mr.\u{a0} Abe\u{2003} ", "mr. abe"),
        ("x 's", "x"),
        ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),
        ("\u{FB01}nance", "finance"),
        ("the 's", ""),
        ("'", ""),
        ("The U.S.'", "u.s."),
    ];
    for (input, want) in cases {
        assert_eq!(score::norm(input), want, "{input:?}");
    }
    let stems = [
        ("a/b/001_x.txt", "001_x"),
        ("001_x.TXT", "001_x"),
        ("001_x.json", "001_x"),
        ("x.tar.gz", "x.tar.gz"),
        (".txt", ".txt"),
        ("..txt", "..txt"),
        (".a.txt", ".a"),
        ("noext", "noext"),
        ("dir.d/file", "file"),
    ];
    for (doc, want) in stems {
        assert_eq!(score::stem_of(doc), want, "{doc:?}");
    }
    let mut toks: Vec<(String, usize)> = score::tokens("Don't stop_now, 3.5 Ünïcode—ok ok")
        .into_iter()
        .collect();
    toks.sort();
    let want = [
        ("3", 1),
        ("5", 1),
        ("don", 1),
        ("ok", 2),
        ("stop_now", 1),
        ("t", 1),
        ("ünïcode", 1),
    ];
    assert_eq!(toks, want.map(|(t, n)| (t.to_string(), n)));
}

#[test]
fn matching_is_maximum_in_the_reference_order() {
    // Left 0 may take right 0 or 1, left 1 only right 0: an augmenting path moves left 0.
    assert_eq!(
        score::max_matching(2, 2, &[vec![0, 1], vec![0]]),
        [Some(1), Some(0)]
    );
    // Left 0 takes the first free right node; left 2 finds no augmenting path.
    let edges = [vec![0, 1], vec![1], vec![0, 1], vec![2]];
    assert_eq!(
        score::max_matching(4, 3, &edges),
        [Some(0), Some(1), None, Some(2)]
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-eval-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn malformed_gold_is_reported_with_file_and_line() {
    let dir = temp_dir("gold");
    let cases = [
        // a missing comma
        (
            "{\n  \"entities\": [\n    {\"kind\": \"person\" \"name\": \"A\"}\n  ]\n}",
            ":3:23: expected `,` or `}`",
        ),
        // an unknown kind
        (
            "{\"entities\": [\n{\"kind\": \"org\", \"name\": \"A\"}]}",
            ":2:14: unknown variant `org`",
        ),
        // aliases must be strings
        (
            "{\"entities\": [{\"kind\": \"place\", \"name\": \"A\",\n \"aliases\": [\"A\", 3]}]}",
            ":2:19: invalid type: integer `3`, expected a string",
        ),
        // a quote needs a text
        (
            "{\"quotes\": [\n {\"speaker\": null}\n]}",
            ":2:18: missing field `text`",
        ),
        ("", ":1:0: EOF while parsing a value"),
    ];
    for (text, want) in cases {
        let path = dir.join("001_a.json");
        std::fs::write(&path, text).unwrap();
        let e = score::load_gold(&dir).unwrap_err().to_string();
        let want = format!("{}{want}", path.display());
        assert!(e.starts_with(&want), "{e}\nwanted {want}");
    }
    std::fs::remove_file(dir.join("001_a.json")).unwrap();
    let e = score::load_gold(&dir).unwrap_err().to_string();
    assert!(e.ends_with(": no *.json gold files"), "{e}");
    let e = score::load_gold(&dir.join("nope")).unwrap_err().to_string();
    assert!(e.ends_with("nope: not a directory"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn malformed_predictions_are_reported_with_file_and_line() {
    let cases = [
        (
            "{\"doc\": \"a.txt\"}\n{\"doc\": \"b.txt\",}",
            "p.jsonl:2: invalid JSON (column 17): trailing comma",
        ),
        (
            "\n\n[1]",
            "p.jsonl:3: each line must be an object with a 'doc' field",
        ),
        (
            "{\"doc\": \"a.txt\", \"entities\": {}}",
            "p.jsonl:1: 'entities' must be a list",
        ),
        (
            "{\"doc\": \"a.txt\", \"entities\": [{\"kind\": \"place\"}]}",
            "p.jsonl:1: entities[0] must be an object with a string 'name'",
        ),
        (
            "{\"doc\": \"a.txt\", \"entities\": [{\"name\": \"X\", \"mentions\": \"X\"}]}",
            "p.jsonl:1: entities[0].mentions must be a list",
        ),
        (
            "{\"doc\": \"a.txt\", \"meetings\": [{\"participants\": [\"A\", 1]}]}",
            "p.jsonl:1: meetings[0].participants must be a list of names",
        ),
        (
            "{\"doc\": \"a.txt\", \"quotes\": [{\"text\": \"x\", \"speaker\": 1}]}",
            "p.jsonl:1: quotes[0].speaker must be a string or null",
        ),
        (
            "{\"doc\": \"a.txt\"}\r\n{\"doc\": \"dir/a.txt\"}",
            "p.jsonl:2: second line for doc 'dir/a.txt'",
        ),
    ];
    for (text, want) in cases {
        let e = score::parse_pred(text, "p.jsonl").unwrap_err().to_string();
        assert_eq!(e, want);
    }
    // Blank and null lists are fine, as in the reference scorer.
    let ok = score::parse_pred("\n{\"doc\": \"a.txt\", \"quotes\": null, \"entities\": [{\"name\": \"X\", \"mentions\": \"\"}]}\n\n", "p");
    assert_eq!(ok.unwrap().len(), 1);
}
