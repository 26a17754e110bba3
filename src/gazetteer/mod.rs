//! Gazetteers: the people, places and institutions gazette knows by name, read from
//! tab-separated files (see `gazetteers/README.md`), merged in load order, and compiled
//! into one matcher.

mod classes;
mod embedded;
mod entry;
mod matcher;
mod parse;

pub(crate) use classes::{
    Class, ClassSet, FunctionClass, RoleNounClass, SpeechClass, TriggerClass, WordClass,
};
pub(crate) use entry::EntityKind;
pub(crate) use entry::{Entry, Gender, Title, TitleKind, WordInfo};
pub(crate) use matcher::{Form, Matcher, Target};
pub(crate) use parse::{FileKind, LexiconKind};

use crate::error::{Error, ErrorKind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file to load: its label for messages, its kind, its bytes.
pub(crate) struct Source {
    pub(crate) label: Arc<str>,
    pub(crate) kind: FileKind,
    pub(crate) bytes: Cow<'static, [u8]>,
}

/// Where the builder was told to look.
#[derive(Clone, Debug)]
pub(crate) enum Location {
    Dir(PathBuf),
    File(PathBuf),
}

/// All entries after merging, with their country references resolved to place ids.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    /// Load order of each entry (a replaced entry takes the replacing file's place).
    pub(crate) seq: Vec<u32>,
    pub(crate) by_id: HashMap<String, usize>,
    pub(crate) given_names: HashMap<String, Gender>,
    /// Titles by lower-cased text; a later file replaces an earlier title of the same text.
    pub(crate) titles: HashMap<String, Title>,
    /// Name-pass word classes by word, as written.
    pub(crate) name_words: HashMap<String, ClassSet<WordClass>>,
    /// English word forms by their lower-case form (`words*.tsv`).
    pub(crate) words: HashMap<String, WordInfo>,
    /// Lexicon rows (`term`, typed `class`), later files after earlier ones.
    pub(crate) speech_verbs: Vec<(String, SpeechClass)>,
    pub(crate) meeting_triggers: Vec<(String, TriggerClass)>,
    pub(crate) function_words: Vec<(String, FunctionClass)>,
    pub(crate) role_nouns: Vec<(String, RoleNounClass)>,
    next_seq: u32,
}

impl Gazetteer {
    /// Reads the embedded defaults (if asked) and then every location, in order, and merges
    /// them. Returns every problem found, each with its file and line.
    pub(crate) fn load(defaults: bool, locations: &[Location]) -> Result<Gazetteer, Error> {
        let mut errors = Vec::new();
        let mut sources: Vec<Source> = Vec::new();
        if defaults {
            sources.extend(embedded::sources());
        }
        for loc in locations {
            read_location(loc, &mut sources, &mut errors);
        }
        let mut gaz = Gazetteer::default();
        for source in &sources {
            let parsed = parse::parse_file(&source.label, source.kind, &source.bytes, &mut errors);
            for entry in parsed.entries {
                gaz.insert(entry);
            }
            for g in parsed.given_names {
                gaz.given_names.insert(g.name, g.gender);
            }
            for t in parsed.titles {
                gaz.titles.insert(t.title.to_lowercase(), t);
            }
            gaz.words.extend(parsed.words);
            for (word, class) in parsed.name_words {
                gaz.name_words.entry(word).or_default().insert(class);
            }
            gaz.speech_verbs.extend(parsed.speech_verbs);
            gaz.meeting_triggers.extend(parsed.meeting_triggers);
            gaz.function_words.extend(parsed.function_words);
            gaz.role_nouns.extend(parsed.role_nouns);
        }
        gaz.resolve_references(&mut errors);
        match Error::collect(errors) {
            Some(e) => Err(e),
            None => Ok(gaz),
        }
    }

    /// Adds an entry, replacing a loaded entry of the same id whole.
    fn insert(&mut self, entry: Entry) {
        let seq = self.next_seq;
        self.next_seq += 1;
        match self.by_id.get(&entry.id) {
            Some(&i) => {
                self.entries[i] = entry;
                self.seq[i] = seq;
            }
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
                self.seq.push(seq);
            }
        }
    }

    /// Turns `country` cells and role targets into place (or institution) ids.
    fn resolve_references(&mut self, errors: &mut Vec<Error>) {
        let mut places: HashMap<String, String> = HashMap::new();
        for e in self.entries.iter().filter(|e| e.kind == EntityKind::Place) {
            places.insert(e.id.clone(), e.id.clone());
            for code in &e.codes {
                places.entry(code.clone()).or_insert_with(|| e.id.clone());
            }
        }
        let by_id = &self.by_id;
        for e in &mut self.entries {
            let at = |msg: String| {
                Error::new(ErrorKind::Parse, msg).at(e.origin.file.as_ref(), Some(e.origin.line))
            };
            if let Some(c) = &e.country {
                match places.get(c) {
                    Some(id) => e.country = Some(id.clone()),
                    None => errors.push(at(format!(
                        "country `{c}` is not the id or a code of any loaded place"
                    ))),
                }
            }
            let mut problems = Vec::new();
            for r in &mut e.roles {
                if let Some(id) = places.get(&r.of) {
                    r.of = id.clone();
                } else if !by_id.contains_key(&r.of) {
                    problems.push(format!(
                        "role `{}@{}`: `{}` is not the id or a code of any loaded place or institution",
                        r.role, r.of, r.of
                    ));
                }
            }
            errors.extend(problems.into_iter().map(at));
        }
    }

    /// The entry with this index.
    pub(crate) fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }
}

fn read_location(loc: &Location, sources: &mut Vec<Source>, errors: &mut Vec<Error>) {
    match loc {
        Location::File(path) => read_file(path, sources, errors),
        Location::Dir(dir) => {
            let listing = match std::fs::read_dir(dir) {
                Ok(l) => l,
                Err(e) => {
                    errors.push(
                        Error::new(ErrorKind::Io, format!("cannot read directory: {e}"))
                            .at(dir, None),
                    );
                    return;
                }
            };
            let mut paths: Vec<PathBuf> = listing
                .filter_map(|d| d.ok().map(|d| d.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            paths.sort();
            if paths.is_empty() {
                errors.push(
                    Error::new(ErrorKind::Io, "no *.tsv gazetteer files in this directory")
                        .at(dir, None),
                );
            }
            for p in paths {
                read_file(&p, sources, errors);
            }
        }
    }
}

fn read_file(path: &Path, sources: &mut Vec<Source>, errors: &mut Vec<Error>) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let Some(kind) = FileKind::from_file_name(name) else {
        errors.push(
            Error::new(
                ErrorKind::Parse,
                "cannot tell what this file holds from its name: expected people*.tsv, \
                 places*.tsv, institutions*.tsv, given_names*.tsv, titles*.tsv, \
                 name_words*.tsv, words*.tsv, speech_verbs*.tsv, meeting_triggers*.tsv, function_words*.tsv or \
                 role_nouns*.tsv",
            )
            .at(path, None),
        );
        return;
    };
    match std::fs::read(path) {
        Ok(bytes) => sources.push(Source {
            label: Arc::from(path.display().to_string()),
            kind,
            bytes: Cow::Owned(bytes),
        }),
        Err(e) => {
            errors.push(Error::new(ErrorKind::Io, format!("cannot read: {e}")).at(path, None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse_without_error() {
        let gaz = Gazetteer::load(true, &[]).unwrap_or_else(|e| panic!("{e}"));
        assert!(!gaz.entries.is_empty());
    }

    #[test]
    fn later_files_replace_entries_by_id_and_resolve_countries() {
        let dir = std::env::temp_dir().join(format!("gazette-merge-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("places.tsv"),
            "id\tname\tcodes\tpopulation\nP1\tRuritania\tRU|RUR\t\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("people.tsv"),
            "id\tname\tcountry\troles\nX1\tOld Name\tRU\t\nX2\tOther\tRUR\tminister@P1\n",
        )
        .unwrap();
        std::fs::write(dir.join("people_2.tsv"), "id\tname\nX1\tNew Name\n").unwrap();
        let gaz = Gazetteer::load(false, &[Location::Dir(dir.clone())]).unwrap();
        let x1 = &gaz.entries[gaz.by_id["X1"]];
        assert_eq!(x1.name, "New Name");
        let x2 = &gaz.entries[gaz.by_id["X2"]];
        assert_eq!(x2.country.as_deref(), Some("P1"));
        assert_eq!(x2.roles[0].of, "P1");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn unknown_country_and_file_name_are_errors_naming_the_file() {
        let dir = std::env::temp_dir().join(format!("gazette-badref-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("people.tsv"), "id\tname\tcountry\nX1\tA B\tZZ\n").unwrap();
        std::fs::write(dir.join("cities.tsv"), "id\tname\n").unwrap();
        let err = Gazetteer::load(false, &[Location::Dir(dir.clone())]).unwrap_err();
        assert_eq!(err.errors().len(), 2);
        let text = err.to_string();
        assert!(text.contains("cities.tsv: cannot tell"), "{text}");
        assert!(text.contains("people.tsv:2: country `ZZ`"), "{text}");
        let missing =
            Gazetteer::load(false, &[Location::File(dir.join("people_none.tsv"))]).unwrap_err();
        assert_eq!(missing.kind(), ErrorKind::Io);
        std::fs::remove_dir_all(&dir).ok();
    }
}
