//! Writes one self-contained HTML page per article, to read what the extractor found.
//!
//! ```text
//! cargo run --release --example view -- [--out DIR] [--gazetteer DIR]... FILE_OR_DIR...
//! ```
//!
//! Each article `NAME.txt` gives `DIR/NAME.html` (`DIR` is `view` unless `--out` says
//! otherwise), and `DIR/index.html` links them all. A directory stands for its `*.txt` files.
//! The page shows the text with entity mentions coloured by kind (tap or hover one for its
//! canonical name, id and how it was found), quotes with their speaker and cue, and the
//! meetings, each linking to the sentence that reports it. The rendering is in `html.rs`.

mod html;

use gazette::{Document, Extractor};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
usage: view [--out DIR] [--gazetteer DIR]... FILE_OR_DIR...

Writes DIR/NAME.html for each article NAME.txt (a directory stands for its *.txt files)
and DIR/index.html linking them; prints the paths written.

  --out DIR         where to write the pages (default: view)
  --gazetteer DIR   load DIR/*.tsv on top of the default gazetteers (may be repeated)
  -h, --help        print this help";

struct Args {
    out: PathBuf,
    gazetteers: Vec<PathBuf>,
    inputs: Vec<PathBuf>,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut out = Args {
        out: PathBuf::from("view"),
        gazetteers: Vec::new(),
        inputs: Vec::new(),
    };
    let e = |e: lexopt::Error| e.to_string();
    while let Some(arg) = parser.next().map_err(e)? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Short('o') | Long("out") => out.out = parser.value().map_err(e)?.into(),
            Long("gazetteer") => out.gazetteers.push(parser.value().map_err(e)?.into()),
            Value(v) => out.inputs.push(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if out.inputs.is_empty() {
        return Err("no article given".into());
    }
    Ok(Some(out))
}

/// The article files an argument stands for.
fn expand(input: &Path) -> Result<Vec<PathBuf>, String> {
    if !input.is_dir() {
        return Ok(vec![input.to_path_buf()]);
    }
    let listing = std::fs::read_dir(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let mut files = Vec::new();
    for entry in listing {
        let path = entry
            .map_err(|e| format!("{}: {e}", input.display()))?
            .path();
        if path.is_file() && path.extension().is_some_and(|x| x == "txt") {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no *.txt articles", input.display()));
    }
    Ok(files)
}

fn read_article(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "{}: not UTF-8 (invalid byte at offset {at})",
            path.display()
        )
    })
}

enum Failure {
    Usage(String),
    Input(String),
}

fn try_main() -> Result<(), Failure> {
    let Some(args) = parse_args(std::env::args_os().skip(1)).map_err(Failure::Usage)? else {
        println!("{HELP}");
        return Ok(());
    };
    let input = Failure::Input;
    let mut files = Vec::new();
    for i in &args.inputs {
        files.extend(expand(i).map_err(input)?);
    }
    let mut builder = Extractor::builder();
    for g in &args.gazetteers {
        builder = builder.gazetteer_dir(g);
    }
    let extractor = builder.build().map_err(|e| Failure::Input(e.to_string()))?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure::Input(format!("{}: {e}", args.out.display())))?;
    let mut index = Vec::new();
    for path in &files {
        let text = read_article(path).map_err(input)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let doc = Document::parse(text.as_str());
        let mut extraction = extractor.extract(&doc);
        extraction.doc = Some(name.clone());
        let stem = name.strip_suffix(".txt").unwrap_or(&name).to_string();
        let out = args.out.join(format!("{stem}.html"));
        std::fs::write(&out, html::page(&name, &text, &extraction))
            .map_err(|e| Failure::Input(format!("{}: {e}", out.display())))?;
        println!("{}", out.display());
        index.push((stem, extraction));
    }
    let out = args.out.join("index.html");
    std::fs::write(&out, html::index(&index))
        .map_err(|e| Failure::Input(format!("{}: {e}", out.display())))?;
    println!("{}", out.display());
    Ok(())
}

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(e)) => {
            eprintln!("view: {e}\n(view --help for usage)");
            ExitCode::from(2)
        }
        Err(Failure::Input(e)) => {
            eprintln!("view: error: {e}");
            ExitCode::FAILURE
        }
    }
}
