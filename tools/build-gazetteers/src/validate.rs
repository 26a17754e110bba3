//! Checks every `*.tsv` in the output directory (generated and curated) against the format
//! of gazetteers/README.md, and reports sizes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

const ROLES: &[&str] = &[
    "head_of_state",
    "vice_head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "deputy_foreign_minister",
    "defence_minister",
    "minister",
    "secretary_general",
    "other",
];

fn columns(kind: &str) -> &'static [&'static str] {
    match kind {
        "people" => &["id", "name", "aliases", "country", "gender", "roles"],
        "places" => &[
            "id",
            "name",
            "aliases",
            "country",
            "type",
            "codes",
            "demonyms",
            "population",
            "ambiguous",
        ],
        "institutions" => &[
            "id",
            "name",
            "aliases",
            "country",
            "type",
            "acronyms",
            "ambiguous",
        ],
        "given_names" => &["name", "gender"],
        _ => &[],
    }
}

fn kind_of(file: &str) -> Option<&'static str> {
    ["people", "places", "institutions", "given_names"]
        .into_iter()
        .find(|&k| file.starts_with(k) && file.ends_with(".tsv"))
        .map(|v| v as _)
}

struct Parsed {
    file: String,
    kind: &'static str,
    header: Vec<String>,
    lines: Vec<(usize, Vec<String>)>,
    bytes: u64,
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    d.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

pub fn validate_dir(dir: &Path) -> Result<String, String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|f| f.ends_with(".tsv"))
        .collect();
    files.sort();
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for f in &files {
        let Some(kind) = kind_of(f) else {
            continue; // another kind of list (titles, triggers...): not ours to check
        };
        let text = std::fs::read_to_string(dir.join(f)).map_err(|e| format!("{f}: {e}"))?;
        let text = text.trim_start_matches('\u{feff}');
        let mut header: Option<Vec<String>> = None;
        let mut lines = Vec::new();
        for (i, l) in text.lines().enumerate() {
            let ln = i + 1;
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let cells: Vec<String> = l.split('\t').map(|c| c.to_string()).collect();
            if header.is_none() {
                for c in &cells {
                    if !columns(kind).contains(&c.as_str()) {
                        errors.push(format!("{f}:{ln}: unknown column {c:?}"));
                    }
                }
                if kind != "given_names" && !cells.iter().any(|c| c == "id") {
                    errors.push(format!("{f}:{ln}: no id column"));
                }
                if !cells.iter().any(|c| c == "name") {
                    errors.push(format!("{f}:{ln}: no name column"));
                }
                header = Some(cells);
                continue;
            }
            let h = header.as_ref().unwrap();
            if cells.len() != h.len() {
                errors.push(format!(
                    "{f}:{ln}: {} cells, header has {}",
                    cells.len(),
                    h.len()
                ));
                continue;
            }
            lines.push((ln, cells));
        }
        let bytes = std::fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(0);
        parsed.push(Parsed {
            file: f.clone(),
            kind,
            header: header.unwrap_or_default(),
            lines,
            bytes,
        });
    }

    // place ids and codes; institution ids
    let mut place_keys = BTreeSet::new();
    let mut inst_ids = BTreeSet::new();
    for p in &parsed {
        let idx = |c: &str| p.header.iter().position(|h| h == c);
        for (_, cells) in &p.lines {
            if p.kind == "places" {
                if let Some(i) = idx("id") {
                    place_keys.insert(cells[i].trim().to_string());
                }
                if let Some(i) = idx("codes") {
                    for c in cells[i].split('|') {
                        place_keys.insert(c.trim().to_string());
                    }
                }
            }
            if p.kind == "institutions" {
                if let Some(i) = idx("id") {
                    inst_ids.insert(cells[i].trim().to_string());
                }
            }
        }
    }

    let mut report = String::new();
    let mut total = 0u64;
    for p in &parsed {
        let idx = |c: &str| p.header.iter().position(|h| h == c);
        let mut ids = BTreeSet::new();
        let mut n_alias = 0usize;
        let mut n_amb = 0usize;
        let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
        for (ln, cells) in &p.lines {
            let f = &p.file;
            for (ci, c) in cells.iter().enumerate() {
                if c.contains('\r') {
                    errors.push(format!("{f}:{ln}: carriage return in {}", p.header[ci]));
                }
                if [
                    "aliases",
                    "acronyms",
                    "demonyms",
                    "roles",
                    "codes",
                    "ambiguous",
                ]
                .contains(&p.header[ci].as_str())
                    && !c.is_empty()
                    && c.split('|').any(|v| v.trim().is_empty())
                {
                    errors.push(format!("{f}:{ln}: empty value in {}", p.header[ci]));
                }
            }
            let get = |c: &str| idx(c).map(|i| cells[i].trim()).unwrap_or("");
            if p.kind != "given_names" {
                let id = get("id");
                if id.is_empty() || id.contains(char::is_whitespace) {
                    errors.push(format!("{f}:{ln}: bad id {id:?}"));
                }
                if !ids.insert(id.to_string()) {
                    errors.push(format!("{f}:{ln}: repeated id {id}"));
                }
            } else {
                if !["male", "female", "unisex"].contains(&get("gender")) {
                    errors.push(format!("{f}:{ln}: bad gender"));
                }
            }
            if get("name").is_empty() {
                errors.push(format!("{f}:{ln}: empty name"));
            }
            let aliases: Vec<&str> = get("aliases")
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            n_alias += aliases.len();
            let country = get("country");
            if !country.is_empty() && !place_keys.contains(country) {
                errors.push(format!(
                    "{f}:{ln}: country {country} is no place id or code"
                ));
            }
            if !get("type").is_empty() {
                *by_type.entry(get("type").to_string()).or_default() += 1;
            }
            let amb = get("ambiguous");
            if !amb.is_empty() {
                for a in amb.split('|') {
                    n_amb += 1;
                    if a != get("name") && !aliases.contains(&a) {
                        errors.push(format!("{f}:{ln}: ambiguous {a:?} is not a name or alias"));
                    }
                }
            }
            if p.kind == "people" {
                let g = get("gender");
                if !g.is_empty() && g != "male" && g != "female" {
                    errors.push(format!("{f}:{ln}: bad gender {g}"));
                }
                let roles = get("roles");
                if !roles.is_empty() {
                    for r in roles.split('|') {
                        let r = r.trim();
                        let ok = (|| {
                            let (role, rest) = r.split_once('@')?;
                            let (cc, dates) = match rest.split_once(' ') {
                                Some((c, d)) => (c, d),
                                None => (rest, ""),
                            };
                            if !ROLES.contains(&role) {
                                return None;
                            }
                            if !place_keys.contains(cc) && !inst_ids.contains(cc) {
                                return None;
                            }
                            if !dates.is_empty() {
                                let (s, e) = dates.split_once("..")?;
                                if !s.is_empty() && !valid_date(s)
                                    || !e.is_empty() && !valid_date(e)
                                {
                                    return None;
                                }
                            }
                            Some(())
                        })();
                        if ok.is_none() {
                            errors.push(format!("{f}:{ln}: bad role {r:?}"));
                        }
                    }
                }
            }
        }
        total += p.bytes;
        let types: Vec<String> = by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
        let _ = writeln!(
            report,
            "{:<32} {:>6} entries {:>7} aliases {:>5} ambiguous {:>9} bytes  {}",
            p.file,
            p.lines.len(),
            n_alias,
            n_amb,
            p.bytes,
            types.join(", ")
        );
    }
    let _ = writeln!(report, "total {total} bytes in {} files", parsed.len());
    if errors.is_empty() {
        let _ = writeln!(report, "validation: ok");
        Ok(report)
    } else {
        errors.truncate(200);
        Err(format!("{report}validation failed:\n{}", errors.join("\n")))
    }
}
