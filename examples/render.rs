//! Prints the readable one-line-per-record rendering of each article (the form the snapshot
//! tests use): `cargo run --example render -- FILE...`.

use gazette::{Document, Extractor};
use std::process::ExitCode;

fn try_main() -> Result<(), String> {
    let extractor = Extractor::new().map_err(|e| e.to_string())?;
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        return Err("usage: render FILE...".into());
    }
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut out = extractor.extract(&Document::parse(text));
        out.doc = Some(path);
        print!("{out}");
    }
    Ok(())
}

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: {e}");
            ExitCode::FAILURE
        }
    }
}
