//! Extracts entities, meetings and quotes from articles and prints one JSON object per
//! article (JSON Lines).
//!
//! ```text
//! cargo run --release --example extract -- [--pretty] [--parallel] [--stats]
//!     [--gazetteer DIR]... FILE_OR_DIR...
//! ```
//!
//! `--parallel` extracts the articles on all cores (`Extractor::extract_many`), in batches,
//! keeping their order; `--stats` prints the gazetteer's size and load time to standard
//! error.
//!
//! A directory stands for the regular files in it, in file-name order; `-` reads standard
//! input. The `doc` field of each object is the file's name (`-` for standard input). A file
//! that cannot be read or is not UTF-8 is reported on standard error with its name; the other
//! files are still processed, and the exit status is 1.

use gazette::{Document, Extractor};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: extract [--pretty] [--parallel] [--stats] [--gazetteer DIR]... \
                     FILE_OR_DIR... (- for stdin)";

/// How many articles `--parallel` reads before extracting them together.
const BATCH: usize = 256;

struct Args {
    pretty: bool,
    parallel: bool,
    stats: bool,
    gazetteers: Vec<PathBuf>,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        pretty: false,
        parallel: false,
        stats: false,
        gazetteers: Vec::new(),
        inputs: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pretty" => args.pretty = true,
            "--parallel" => args.parallel = true,
            "--stats" => args.stats = true,
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
        builder = builder.gazetteer_dir(dir);
    }
    let started = std::time::Instant::now();
    let extractor = builder.build().map_err(|e| e.to_string())?;
    if args.stats {
        eprintln!(
            "gazetteer: {} entries, {} distinct strings, loaded in {:.0} ms",
            extractor.gazetteer_len(),
            extractor.pattern_count(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut batch: Vec<(String, Document)> = Vec::new();
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
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            batch.push((name, Document::parse(text)));
            if !args.parallel || batch.len() >= BATCH {
                write_batch(&extractor, &mut batch, args.pretty, &mut out)?;
            }
        }
    }
    write_batch(&extractor, &mut batch, args.pretty, &mut out)?;
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(all_ok)
}

/// Extracts the documents of `batch` (on all cores when there are several), writes one JSON
/// line each in order, and empties the batch.
fn write_batch(
    extractor: &Extractor,
    batch: &mut Vec<(String, Document)>,
    pretty: bool,
    out: &mut impl Write,
) -> Result<(), String> {
    let docs: Vec<Document> = batch.iter().map(|(_, d)| d.clone()).collect();
    let extractions = extractor.extract_many(&docs);
    for ((name, _), mut extraction) in batch.drain(..).zip(extractions) {
        extraction.doc = Some(name);
        let line = if pretty {
            serde_json::to_string_pretty(&extraction)
        } else {
            serde_json::to_string(&extraction)
        }
        .map_err(|e| format!("cannot write JSON: {e}"))?;
        writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(())
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
