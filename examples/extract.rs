//! Extracts entities, meetings and quotes from articles and prints one JSON object per
//! article (JSON Lines).
//!
//! ```text
//! cargo run --release --example extract -- [--pretty] [--gazetteer DIR]... FILE_OR_DIR...
//! ```
//!
//! A directory stands for the regular files in it, in file-name order; `-` reads standard
//! input. The `doc` field of each object is the file's name (`-` for standard input). A file
//! that cannot be read or is not UTF-8 is reported on standard error with its name; the other
//! files are still processed, and the exit status is 1.

use gazette::{Document, Extractor};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: extract [--pretty] [--gazetteer DIR]... FILE_OR_DIR... (- for stdin)";

struct Args {
    pretty: bool,
    gazetteers: Vec<PathBuf>,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        pretty: false,
        gazetteers: Vec::new(),
        inputs: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pretty" => args.pretty = true,
            "--gazetteer" => match it.next() {
                Some(dir) => args.gazetteers.push(PathBuf::from(dir)),
                None => return Err("--gazetteer needs a directory".into()),
            },
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.inputs.push(a),
        }
    }
    if args.inputs.is_empty() {
        return Err("no input given".into());
    }
    Ok(args)
}

/// The files an input argument stands for.
fn expand(input: &str) -> Result<Vec<PathBuf>, String> {
    let path = Path::new(input);
    if input == "-" || !path.is_dir() {
        return Ok(vec![PathBuf::from(input)]);
    }
    let listing = std::fs::read_dir(path).map_err(|e| format!("{input}: {e}"))?;
    let mut files: Vec<PathBuf> = listing
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

fn read_input(path: &Path) -> Result<String, String> {
    let name = path.display();
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("-: cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{name}: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{name}: not UTF-8 (invalid byte at offset {at})")
    })
}

fn try_main() -> Result<bool, String> {
    let args = parse_args().map_err(|e| {
        if e.is_empty() {
            USAGE.to_string()
        } else {
            format!("{e}\n{USAGE}")
        }
    })?;
    let mut builder = Extractor::builder();
    for dir in &args.gazetteers {
        builder.gazetteer_dir(dir);
    }
    let extractor = builder.build().map_err(|e| e.to_string())?;

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for input in &args.inputs {
        let files = match expand(input) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("extract: {e}");
                all_ok = false;
                continue;
            }
        };
        for path in files {
            let text = match read_input(&path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("extract: {e}");
                    all_ok = false;
                    continue;
                }
            };
            let doc = Document::parse(text);
            let mut extraction = extractor.extract(&doc);
            extraction.doc = Some(path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ));
            let line = if args.pretty {
                serde_json::to_string_pretty(&extraction)
            } else {
                serde_json::to_string(&extraction)
            }
            .map_err(|e| format!("cannot write JSON: {e}"))?;
            writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
        }
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(all_ok)
}

fn main() -> ExitCode {
    match try_main() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::FAILURE
        }
    }
}
