//! Scores the extractor (or any output in the JSON contract) against hand-made gold files.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD_DIR ARTICLES_DIR [OPTIONS]
//! cargo run --release --example evaluate -- GOLD_DIR --predictions OUT.jsonl [OPTIONS]
//! ```
//!
//! The first form runs the extractor over the articles `ARTICLES_DIR/NAME.txt` that have a
//! gold file `GOLD_DIR/NAME.json`; the second
//! scores predictions already written (one JSON object per article, as `examples/extract`
//! prints them). Each gold file `NNN_slug.json` is paired with the prediction whose `doc` is
//! `NNN_slug.txt`. README.md ("Evaluating against your own gold") describes the gold format
//! and the matching rules, which are those of the project's reference scorer; the rules live
//! in `score.rs`.

mod report;
mod score;

use gazette::{Document, Extractor};
use score::{GoldDoc, PredDoc};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
usage: evaluate GOLD_DIR ARTICLES_DIR [OPTIONS]
       evaluate GOLD_DIR --predictions OUT.jsonl [OPTIONS]

Scores entities (by kind), meeting pairs, the status, place and date of matched meetings,
quote detection and quote speakers against the gold files GOLD_DIR/*.json.

  ARTICLES_DIR          run the extractor over the articles ARTICLES_DIR/NAME.txt that
                        have a gold file GOLD_DIR/NAME.json
  --predictions FILE    score this JSON Lines file instead (the extract example's output)
  --gazetteer DIR       with ARTICLES_DIR: load DIR/*.tsv on top of the default gazetteers
                        (may be repeated)
  --by-doc              also print one line per article
  --errors              also list every false positive, false negative and wrong value
  --json                print the figures as JSON
  -h, --help            print this help

Exit status: 0 when scored, 1 when an input cannot be read, 2 on a usage error.";

struct Args {
    gold: PathBuf,
    articles: Option<PathBuf>,
    predictions: Option<PathBuf>,
    gazetteers: Vec<PathBuf>,
    by_doc: bool,
    errors: bool,
    json: bool,
}

enum Parsed {
    Run(Args),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<PathBuf> = Vec::new();
    let mut out = Args {
        gold: PathBuf::new(),
        articles: None,
        predictions: None,
        gazetteers: Vec::new(),
        by_doc: false,
        errors: false,
        json: false,
    };
    let e = |e: lexopt::Error| e.to_string();
    while let Some(arg) = parser.next().map_err(e)? {
        match arg {
            Short('h') | Long("help") => return Ok(Parsed::Help),
            Long("predictions") => {
                if out.predictions.is_some() {
                    return Err("--predictions given twice".into());
                }
                out.predictions = Some(parser.value().map_err(e)?.into());
            }
            Long("gazetteer") => out.gazetteers.push(parser.value().map_err(e)?.into()),
            Long("by-doc") => out.by_doc = true,
            Long("errors") => out.errors = true,
            Long("json") => out.json = true,
            Value(v) => positional.push(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let mut positional = positional.into_iter();
    out.gold = positional.next().ok_or("missing GOLD_DIR")?;
    out.articles = positional.next();
    if let Some(extra) = positional.next() {
        return Err(format!("unexpected argument {}", extra.display()));
    }
    match (&out.articles, &out.predictions) {
        (None, None) => return Err("give ARTICLES_DIR or --predictions FILE".into()),
        (Some(_), Some(_)) => {
            return Err("give ARTICLES_DIR or --predictions FILE, not both".into())
        }
        (None, Some(_)) if !out.gazetteers.is_empty() => {
            return Err("--gazetteer applies only when the extractor runs (ARTICLES_DIR)".into())
        }
        _ => {}
    }
    Ok(Parsed::Run(out))
}

/// Runs the extractor over the articles `dir/STEM.txt` that have a gold file (file-name
/// order) and returns its output in the form a predictions file is read in.
fn extract_dir(
    dir: &Path,
    gold: &[(String, GoldDoc)],
    gazetteers: &[PathBuf],
) -> Result<Vec<(String, PredDoc)>, String> {
    let stems: std::collections::HashSet<&str> = gold.iter().map(|(s, _)| s.as_str()).collect();
    let listing = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in listing {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let has_gold = path
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| stems.contains(s));
        if path.is_file() && path.extension().is_some_and(|x| x == "txt") && has_gold {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "{}: no *.txt article with a gold file (gold NAME.json goes with article NAME.txt)",
            dir.display()
        ));
    }
    let mut names = Vec::new();
    let mut docs = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            format!(
                "{}: not UTF-8 (invalid byte at offset {at})",
                path.display()
            )
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        names.push(name);
        docs.push(Document::parse(text));
    }
    let mut builder = Extractor::builder();
    for g in gazetteers {
        builder = builder.gazetteer_dir(g);
    }
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let mut preds = Vec::new();
    for (name, mut extraction) in names.into_iter().zip(extractor.extract_many(&docs)) {
        extraction.doc = Some(name.clone());
        let value = serde_json::to_value(&extraction).map_err(|e| format!("{name}: {e}"))?;
        let pred = score::pred_from_value(value, &name).map_err(|e| e.to_string())?;
        preds.push((score::stem_of(&name), pred));
    }
    Ok(preds)
}

// ------------------------------------------------------------------------------ main

enum Failure {
    Usage(String),
    Input(String),
}

fn try_main() -> Result<(), Failure> {
    let args = match parse_args(std::env::args_os().skip(1)).map_err(Failure::Usage)? {
        Parsed::Help => {
            write_stdout(&format!("{HELP}\n")).map_err(Failure::Input)?;
            return Ok(());
        }
        Parsed::Run(args) => args,
    };
    let input = |e: score::InputError| Failure::Input(e.to_string());
    let gold: Vec<(String, GoldDoc)> = score::load_gold(&args.gold).map_err(input)?;
    let preds = match (&args.predictions, &args.articles) {
        (Some(file), _) => score::load_pred(file).map_err(input)?,
        (None, Some(dir)) => extract_dir(dir, &gold, &args.gazetteers).map_err(Failure::Input)?,
        (None, None) => return Err(Failure::Usage("give ARTICLES_DIR or --predictions".into())),
    };
    let report = score::evaluate(&gold, &preds);
    let out = if args.json {
        let mut s = report::json(&report, args.by_doc, args.errors).map_err(Failure::Input)?;
        s.push('\n');
        s
    } else {
        report::text(&report, gold.len(), args.by_doc, args.errors)
    };
    write_stdout(&out).map_err(Failure::Input)?;
    if !args.json {
        for s in &report.unknown {
            eprintln!("warning: prediction for unknown doc '{s}' ignored");
        }
    }
    Ok(())
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(s: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(e)) => {
            eprintln!("evaluate: {e}\n(evaluate --help for usage)");
            ExitCode::from(2)
        }
        Err(Failure::Input(e)) => {
            eprintln!("evaluate: error: {e}");
            ExitCode::FAILURE
        }
    }
}
