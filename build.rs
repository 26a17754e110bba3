//! Build script: compiles the embedded words file (`gazetteers/words.tsv`, 52,000 lines)
//! into a table of rows, so that loading the default gazetteer reads the table instead of
//! parsing the file (see `src/gazetteer/words.rs`).
//!
//! The table is `words.bin` in `OUT_DIR`: for each data row of the file, in file order, the
//! form's length in bytes (two bytes, little-endian), the form, its tags (four bytes,
//! little-endian: the bits [`classes::Class::bit`] gives), its level (one byte) and its
//! flags (one byte: 1 proper, 2 surname). A row the loader would refuse stops the build
//! with its line; the test `embedded_words_file_is_valid` checks the file with the loader
//! itself, and `prebuilt_words_equal_the_parsed_file` that both readings agree.

#[path = "src/gazetteer/classes.rs"]
#[allow(dead_code)]
mod classes;

use classes::{Class, WordTag};

const WORDS: &str = "gazetteers/words.tsv";
/// The longest word the loader accepts (`MAX_TERM_LEN` of `src/gazetteer/parse.rs`).
const MAX_TERM_LEN: usize = 256;

fn main() {
    println!("cargo:rerun-if-changed={WORDS}");
    println!("cargo:rerun-if-changed=src/gazetteer/classes.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(WORDS).unwrap_or_else(|e| panic!("{WORDS}: {e}"));
    let table = word_table(&text).unwrap_or_else(|e| panic!("{WORDS}:{e}"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let path = std::path::Path::new(&out).join("words.bin");
    std::fs::write(&path, table).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The table of a words file's rows, or the first problem as `LINE: message`.
fn word_table(text: &str) -> Result<Vec<u8>, String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut header: Option<Vec<&str>> = None;
    let mut table = Vec::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let start = line.trim_start();
        if start.is_empty() || start.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let Some(columns) = &header else {
            let known = ["word", "tags", "level", "proper", "surname"];
            for (k, c) in cells.iter().enumerate() {
                if !known.contains(c) || cells[..k].contains(c) {
                    return Err(format!("{}: column `{c}`", i + 1));
                }
            }
            header = Some(cells);
            continue;
        };
        row(columns, &cells, &mut table).map_err(|m| format!("{}: {m}", i + 1))?;
    }
    Ok(table)
}

/// Appends one row to the table, as the loader reads it (`word_row` of
/// `src/gazetteer/parse.rs`).
fn row(columns: &[&str], cells: &[&str], table: &mut Vec<u8>) -> Result<(), String> {
    if cells.len() != columns.len() {
        return Err(format!("{} cells, {} columns", cells.len(), columns.len()));
    }
    let cell = |name: &str| {
        columns
            .iter()
            .position(|c| *c == name)
            .and_then(|i| cells.get(i).copied())
            .filter(|c| !c.is_empty())
    };
    if cells
        .iter()
        .any(|c| c.starts_with('"') && c.ends_with('"') && c.len() > 1)
    {
        return Err("a cell in quotation marks".into());
    }
    let word = cell("word").ok_or("empty `word`")?;
    if word.len() > MAX_TERM_LEN {
        return Err(format!("word of {} bytes", word.len()));
    }
    let mut tags = 0u64;
    for t in cell("tags").unwrap_or("").split('|').map(str::trim) {
        match WordTag::parse(t) {
            Some(tag) => tags |= tag.bit(),
            None if t.is_empty() => {}
            None => return Err(format!("tag `{t}`")),
        }
    }
    let tags = u32::try_from(tags).map_err(|_| "more than 32 word tags".to_string())?;
    let level = match cell("level") {
        None => 0,
        Some(l) => l.parse::<u8>().map_err(|_| format!("level `{l}`"))?,
    };
    let flag = |name: &str| match cell(name) {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(p) => Err(format!("{name} `{p}`")),
    };
    let flags = u8::from(flag("proper")?) | u8::from(flag("surname")?) << 1;
    let len = u16::try_from(word.len()).map_err(|_| "word too long".to_string())?;
    table.extend_from_slice(&len.to_le_bytes());
    table.extend_from_slice(word.as_bytes());
    table.extend_from_slice(&tags.to_le_bytes());
    table.push(level);
    table.push(flags);
    Ok(())
}
