//! words.tsv: a lexicon of common English word forms with their commonness and open-class
//! parts of speech, for telling a capitalised common word from a name.
//!
//! Inputs (see gazetteers/SOURCES.md, "words.tsv"):
//! - the SCOWL final word lists (Debian package `scowl`, `/usr/share/dict/scowl`):
//!   `{english,american,british}-words.NN` give the word forms and their size level NN;
//!   `{english,american,british}-{upper,proper-names}.NN` the capitalised forms (`proper`);
//! - AGID `infl.txt` (Kevin Atkinson): the inflected forms of nouns, verbs and adjectives;
//! - the part-of-speech database `part-of-speech.txt` (Moby part-of-speech, public domain,
//!   and WordNet): noun, plural, verb (transitive or intransitive), adjective, adverb.
//!
//! A word is written when it is a lower-case form of a SCOWL `words` list of level at most
//! `MAX_LEVEL`, or an accepted AGID inflection of such a word (level: the base word's).
//! AGID forms marked `?` (not in the word list), `!` (an inflection of a similar word), `~`
//! (a slight chance) or of variant level 2 and more (archaic, obscure) are not used.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;

/// The largest SCOWL size level read. 40 gives about 47,000 list forms plus 5,000
/// inflections (1.3 MB); 50 would give 74,000 forms (1.75 MB), 60 (SCOWL's default speller
/// size) 93,000 (2.2 MB).
pub const MAX_LEVEL: u8 = 40;

/// The tags, in the order they are written.
pub const TAGS: &[&str] = &[
    "noun",
    "plural",
    "verb",
    "verb_3sg",
    "verb_past",
    "verb_pastpart",
    "verb_ing",
    "adj",
    "adv",
];

fn tag_index(t: &str) -> usize {
    TAGS.iter().position(|x| *x == t).expect("known tag")
}

/// SCOWL final lists are ISO-8859-1.
fn read_latin1(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(bytes.iter().map(|&b| b as char).collect())
}

/// Whether a SCOWL entry is a lower-case word form we keep (no possessive "'s").
fn keep_form(w: &str) -> bool {
    !w.is_empty()
        && !w.ends_with("'s")
        && w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '-')
        && w.chars().next().is_some_and(char::is_alphabetic)
}

/// Lower-case words with their lowest level, and the lower-cased capitalised forms.
fn read_scowl(dir: &Path) -> Result<(BTreeMap<String, u8>, HashSet<String>), String> {
    let mut words: BTreeMap<String, u8> = BTreeMap::new();
    let mut proper = HashSet::new();
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    files.sort();
    let mut n_files = 0;
    for f in &files {
        let Some((stem, level)) = f.rsplit_once('.') else {
            continue;
        };
        let Ok(level) = level.parse::<u8>() else {
            continue;
        };
        let Some((variety, list)) = stem.split_once('-') else {
            continue;
        };
        if !["english", "american", "british"].contains(&variety) {
            continue;
        }
        let text = read_latin1(&dir.join(f))?;
        match list {
            "words" if level <= MAX_LEVEL => {
                n_files += 1;
                for w in text.lines().map(str::trim).filter(|w| keep_form(w)) {
                    let e = words.entry(w.to_string()).or_insert(level);
                    *e = (*e).min(level);
                }
            }
            "upper" | "proper-names" => {
                for w in text.lines().map(str::trim) {
                    let mut cs = w.chars();
                    if cs.next().is_some_and(char::is_uppercase)
                        && cs.all(|c| c.is_lowercase() || c == '\'' || c == '-')
                    {
                        proper.insert(w.to_lowercase());
                    }
                }
            }
            _ => {}
        }
    }
    if n_files == 0 {
        return Err(format!("{}: no SCOWL *-words.NN lists", dir.display()));
    }
    Ok((words, proper))
}

/// One AGID entry: the headword, its part of speech and its accepted forms by group.
#[derive(Debug, PartialEq)]
struct AgidEntry {
    word: String,
    pos: char,
    groups: Vec<Vec<String>>,
}

/// Parses one line of infl.txt: `meet V: met | meeting | meets`.
fn parse_agid_line(line: &str) -> Option<AgidEntry> {
    let (head, rest) = line.split_once(": ")?;
    let (word, pos) = head.rsplit_once(' ')?;
    let pos = pos.trim_end_matches('?').chars().next()?;
    let groups = rest
        .split(" | ")
        .map(|g| {
            g.split(", ")
                .filter_map(|entry| {
                    // "WORed 2 {EXPL}": form with tags, optional variant level, explanation
                    let entry = entry.split('{').next().unwrap_or("").trim();
                    let mut parts = entry.split(' ');
                    let form = parts.next()?;
                    let level: f32 = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0.0);
                    let bare = form.trim_end_matches(['~', '<', '!', '?']);
                    let marks = &form[bare.len()..];
                    let ok = !bare.is_empty() && level < 2.0 && !marks.contains(['?', '!', '~']);
                    ok.then(|| bare.to_string())
                })
                .collect()
        })
        .collect();
    Some(AgidEntry {
        word: word.to_string(),
        pos,
        groups,
    })
}

/// The tags an AGID entry gives: (form, tag) pairs, the headword's own tag included when
/// at least one inflected form was accepted.
fn agid_tags(e: &AgidEntry) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut add = |g: &Vec<String>, t: &'static str| {
        for f in g {
            out.push((f.clone(), t));
        }
    };
    let g = &e.groups;
    match e.pos {
        'V' => {
            let slots: &[&[&str]] = match (e.word.as_str(), g.len()) {
                ("wit", _) => &[],
                ("be", 8) => &[
                    &["verb_past"],
                    &["verb_past"],
                    &["verb_pastpart"],
                    &["verb_ing"],
                    &["verb"],
                    &["verb"],
                    &["verb_3sg"],
                    &["verb"],
                ],
                (_, 4) => &[
                    &["verb_past"],
                    &["verb_pastpart"],
                    &["verb_ing"],
                    &["verb_3sg"],
                ],
                (_, 3) => &[
                    &["verb_past", "verb_pastpart"],
                    &["verb_ing"],
                    &["verb_3sg"],
                ],
                (_, 2) => &[&["verb_past"], &["verb_3sg"]],
                _ => &[],
            };
            for (grp, tags) in g.iter().zip(slots.iter()) {
                for t in *tags {
                    add(grp, t);
                }
            }
        }
        'N' => g.iter().for_each(|grp| add(grp, "plural")),
        'A' => g.iter().for_each(|grp| add(grp, "adj")),
        _ => {}
    }
    if !out.is_empty() {
        let base = match e.pos {
            'V' => "verb",
            'N' => "noun",
            _ => "adj",
        };
        out.push((e.word.clone(), base));
    }
    out
}

/// Tags of one part-of-speech database entry ("NtV", "|N", "Av!iNV").
fn pos_tags(codes: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for c in codes.chars() {
        let t = match c {
            'N' => "noun",
            'p' => "plural",
            // 'V' is Moby's "verb (usually participle)": the forms come from AGID instead
            't' | 'i' => "verb",
            'A' => "adj",
            'v' => "adv",
            _ => continue,
        };
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Builds words.tsv; returns the file text and a summary.
/// The most frequent surnames of a US Census surname list (`NAME FREQ CUMFREQ RANK` lines),
/// lower-cased, up to `max_rank`.
pub fn read_surnames(path: &Path, max_rank: usize) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = HashSet::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if let [name, _, _, rank] = cols.as_slice() {
            if rank.parse::<usize>().is_ok_and(|r| r <= max_rank) {
                out.insert(name.to_lowercase());
            }
        }
    }
    Ok(out)
}

/// How many of the Census surnames, most frequent first, mark a word as a surname too.
pub const SURNAME_RANK: usize = 2_000;

/// Builds words.tsv; returns the file text and a summary. `surnames` (lower case) marks the
/// words that are also frequent family names ("brown", "young", "khan").
pub fn build(
    scowl: &Path,
    agid: &Path,
    pos: &Path,
    surnames: &HashSet<String>,
) -> Result<(String, String), String> {
    let (levels, proper) = read_scowl(scowl)?;
    let mut tags: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut forms_of: HashMap<String, Vec<String>> = HashMap::new();
    let infl = read_latin1(agid)?;
    for line in infl.lines() {
        let Some(e) = parse_agid_line(line) else {
            continue;
        };
        if !keep_form(&e.word) {
            continue;
        }
        for (form, t) in agid_tags(&e) {
            if keep_form(&form) {
                tags.entry(form.clone()).or_default().insert(tag_index(t));
                if form != e.word {
                    forms_of.entry(e.word.clone()).or_default().push(form);
                }
            }
        }
    }
    let posdb = read_latin1(pos)?;
    for line in posdb.lines() {
        let Some((w, codes)) = line.split_once('\t') else {
            continue;
        };
        if !keep_form(w) {
            continue;
        }
        for t in pos_tags(codes) {
            tags.entry(w.to_string()).or_default().insert(tag_index(t));
        }
    }
    // the words and their inflections, at the level of the word
    let mut out: BTreeMap<String, u8> = levels.clone();
    for (w, lvl) in &levels {
        for f in forms_of.get(w).into_iter().flatten() {
            let e = out.entry(f.clone()).or_insert(*lvl);
            *e = (*e).min(*lvl);
        }
    }
    let mut s = String::new();
    s.push_str(crate::GENERATED);
    s.push('\n');
    for c in [
        "English word forms: one row per lower-case form, for telling a capitalised common word from a name",
        "and for a lightweight part-of-speech lookup.",
        "word: the lower-case form as written. tags: |-separated, from noun, plural (a plural noun form),",
        "  verb (base form), verb_3sg, verb_past, verb_pastpart, verb_ing, adj, adv; empty when the sources",
        "  give no open-class tag (most closed-class words). level: SCOWL size level of the word's most",
        "  common list (10 = most common ... 40); an inflection not in the lists has its base word's level.",
        "proper: 1 when SCOWL also lists the word capitalised (a proper noun or capitalised word).",
        "surname: 1 when the word is also one of the 2,000 most frequent US family names (US Census",
        "1990 surname list, public domain): \"brown\", \"young\", \"khan\".",
        "Sources: SCOWL 2020.12.07 word lists (Kevin Atkinson et al., MIT-like licence), AGID 2016.01.19",
        "inflections (Kevin Atkinson, permissive), part-of-speech database (Moby, public domain; WordNet",
        "1.6, WordNet licence). SCOWL: Copyright 2000-2018 by Kevin Atkinson; AGID: Copyright 2000-2014 by",
        "Kevin Atkinson; WordNet 1.6 Copyright 1997 by Princeton University. All rights reserved.",
        "See gazetteers/SOURCES.md and gazetteers/NOTICE for the full notices.",
    ] {
        s.push_str("# ");
        s.push_str(c);
        s.push('\n');
    }
    s.push_str("word\ttags\tlevel\tproper\tsurname\n");
    let mut by_tag = vec![0usize; TAGS.len()];
    let (mut n_proper, mut n_untagged, mut n_surname) = (0, 0, 0);
    for (w, lvl) in &out {
        let t: Vec<&str> = tags
            .get(w)
            .into_iter()
            .flatten()
            .map(|&i| TAGS[i])
            .collect();
        for &i in tags.get(w).into_iter().flatten() {
            by_tag[i] += 1;
        }
        if t.is_empty() {
            n_untagged += 1;
        }
        let p = proper.contains(w);
        n_proper += p as usize;
        let family = surnames.contains(w);
        n_surname += family as usize;
        let _ = writeln!(
            s,
            "{w}\t{}\t{lvl}\t{}\t{}",
            t.join("|"),
            if p { "1" } else { "" },
            if family { "1" } else { "" }
        );
    }
    let mut stats = format!(
        "words.tsv: {} forms ({} from the SCOWL lists, {} inflections added), {} untagged, {} proper, {} surnames, {} bytes\n  ",
        out.len(),
        levels.len(),
        out.len() - levels.len(),
        n_untagged,
        n_proper,
        n_surname,
        s.len()
    );
    for (t, n) in TAGS.iter().zip(&by_tag) {
        let _ = write!(stats, "{t} {n}, ");
    }
    Ok((s, stats.trim_end_matches(", ").to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(line: &str) -> Vec<(String, &'static str)> {
        agid_tags(&parse_agid_line(line).unwrap())
    }

    #[test]
    fn agid_verbs() {
        let t = tags_of("meet V: met | meeting | meets");
        assert!(t.contains(&("met".into(), "verb_past")));
        assert!(t.contains(&("met".into(), "verb_pastpart")));
        assert!(t.contains(&("meeting".into(), "verb_ing")));
        assert!(t.contains(&("meets".into(), "verb_3sg")));
        assert!(t.contains(&("meet".into(), "verb")));
        let t = tags_of("give V: gave | given | giving | gives");
        assert!(t.contains(&("gave".into(), "verb_past")));
        assert!(t.contains(&("given".into(), "verb_pastpart")));
        assert!(!t.contains(&("gave".into(), "verb_pastpart")));
        let t = tags_of("say V: said | saying | says, saith 2");
        assert!(!t.iter().any(|(f, _)| f == "saith"));
        let t = tags_of("be V: was, wast 2 | were | been | being | am | are, art 2 | is | are");
        assert!(t.contains(&("is".into(), "verb_3sg")));
        assert!(t.contains(&("were".into(), "verb_past")));
        assert!(t.contains(&("been".into(), "verb_pastpart")));
    }

    #[test]
    fn agid_marks_and_levels() {
        // questionable forms only: the headword gets no tag either
        assert!(tags_of("city A: citier? | citiest?").is_empty());
        let t = tags_of("ditto N: dittos, dittoes 1");
        assert!(t.contains(&("dittos".into(), "plural")));
        assert!(t.contains(&("dittoes".into(), "plural")));
        assert!(t.contains(&("ditto".into(), "noun")));
        let t = tags_of("go N: gos {game}, goes {try}");
        assert!(t.contains(&("gos".into(), "plural")));
        let t = tags_of("lie V: lay, lied! | lain | lying | lies");
        assert!(!t.iter().any(|(f, _)| f == "lied"));
        assert!(tags_of("good A: better | best").contains(&("better".into(), "adj")));
    }

    #[test]
    fn pos_codes() {
        assert_eq!(pos_tags("NtV"), vec!["noun", "verb"]);
        assert_eq!(pos_tags("V"), Vec::<&str>::new());
        assert_eq!(pos_tags("Av!iNV"), vec!["adj", "adv", "verb", "noun"]);
        assert_eq!(pos_tags("|p"), vec!["plural"]);
    }

    #[test]
    fn forms_kept() {
        assert!(keep_form("o'clock"));
        assert!(!keep_form("dog's"));
        assert!(!keep_form("Paris"));
        assert!(keep_form("café"));
        assert!(!keep_form("'tis"));
    }
}
