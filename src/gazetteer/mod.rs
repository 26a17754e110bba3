//! Gazetteers: the people, places and institutions gazette knows by name, read from
//! tab-separated files (see `gazetteers/README.md`) and entries added in code, merged in
//! load order, and compiled into one matcher.

mod added;
mod classes;
mod embedded;
mod entry;
mod matcher;
mod parse;
mod strings;
mod words;

pub(crate) use added::Additions;
pub use added::GazetteerEntry;
pub(crate) use classes::{
    Class, ClassSet, FunctionClass, RoleNounClass, SpeechClass, TriggerClass, WordClass, WordTag,
};
pub(crate) use entry::EntityKind;
pub(crate) use entry::{Entry, Gender, Origin, Text, Title, TitleKind, WordInfo};
pub(crate) use matcher::{Form, Match, Matcher, Target};
use parse::Added;
pub(crate) use parse::{FastMap, FileKind, LexiconKind};
pub(crate) use strings::StrSet;
pub(crate) use words::WordMap;
use words::WordsFile;

use crate::error::{Error, ErrorKind};
use crate::hash::FastSet;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file to load: its label for messages, its kind, its bytes.
pub(crate) struct Source {
    pub(crate) label: Arc<str>,
    pub(crate) kind: FileKind,
    pub(crate) bytes: Cow<'static, [u8]>,
    /// One of the files compiled into the library, which the tests check line by line.
    pub(crate) embedded: bool,
}

impl Source {
    /// The source as a words file for the map of word forms.
    fn words_file(&self) -> WordsFile {
        WordsFile {
            label: self.label.clone(),
            bytes: self.bytes.clone(),
            embedded: self.embedded,
        }
    }
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
    pub(crate) by_id: strings::Ids,
    pub(crate) given_names: FastMap<String, Gender>,
    /// Titles by lower-cased text; a later file replaces an earlier title of the same text.
    pub(crate) titles: FastMap<String, Title>,
    /// Name-pass word classes by word, as written.
    pub(crate) name_words: FastMap<String, ClassSet<WordClass>>,
    /// English word forms by their lower-case form (`words*.tsv`), read on first use.
    pub(crate) words: words::Words,
    /// Lexicon rows (`term`, typed `class`), later files after earlier ones.
    pub(crate) speech_verbs: Vec<(String, SpeechClass)>,
    pub(crate) meeting_triggers: Vec<(String, TriggerClass)>,
    pub(crate) function_words: Vec<(String, FunctionClass)>,
    pub(crate) role_nouns: Vec<(String, RoleNounClass)>,
    next_seq: u32,
}

/// What the files gave that is merged only once every file is read.
#[derive(Default)]
struct Unmerged {
    /// Entries of bad lines: never loaded, but their references are checked too, so that
    /// fixing a line does not reveal new problems.
    rejected: Vec<Entry>,
    /// Rows of the aliases files, added to the entries they name at the end.
    alias_rows: Vec<parse::AliasRow>,
}

impl Gazetteer {
    /// [`Gazetteer::load_with`] without additions in code.
    #[cfg(test)]
    pub(crate) fn load(defaults: bool, locations: &[Location]) -> Result<Gazetteer, Error> {
        Gazetteer::load_with(defaults, locations, &Additions::default())
    }

    /// Reads the embedded defaults (if asked), then every location, in order, then the
    /// entries and aliases added in code, and merges them. Returns every problem found,
    /// each with its file and line; any problem fails the whole load.
    pub(crate) fn load_with(
        defaults: bool,
        locations: &[Location],
        added: &Additions,
    ) -> Result<Gazetteer, Error> {
        let mut errors = Vec::new();
        let mut sources: Vec<Source> = Vec::new();
        if defaults {
            sources.extend(embedded::sources());
        }
        for loc in locations {
            read_location(loc, &mut sources, &mut errors);
        }
        let mut gaz = Gazetteer::default();
        gaz.reserve_entries(&sources);
        let mut rest = Unmerged::default();
        // The map of the words files is built on another thread while the other files are
        // read (it is read by every extraction, and needs nothing else).
        let word_files: Vec<_> = sources
            .iter()
            .filter(|s| s.kind == FileKind::Words)
            .map(Source::words_file)
            .collect();
        // The other thread also reads the embedded files after the first (the largest,
        // `places.tsv`, which this thread reads meanwhile), to be loaded here in order.
        let word_map = std::thread::scope(|scope| {
            let later = sources.get(1..).unwrap_or_default();
            let mut other = std::thread::Builder::new()
                .spawn_scoped(scope, || {
                    let map = words::build_map(&word_files);
                    (map, later.iter().map(read_ahead).collect::<Vec<_>>())
                })
                .ok();
            let mut done = None;
            for (i, source) in sources.iter().enumerate() {
                // Waits for the other thread only at a file it read ahead: a user's words
                // file is still read beside the map being built.
                let ahead = match i.checked_sub(1) {
                    Some(k) if may_read_ahead(source) => {
                        if done.is_none() {
                            done = other.take().map(join);
                        }
                        done.as_mut()
                            .and_then(|(_, read)| read.get_mut(k))
                            .and_then(Option::take)
                    }
                    _ => None,
                };
                gaz.read_source(source, ahead, &mut rest, &mut errors);
            }
            done.or_else(|| other.map(join)).map(|(map, _)| map)
        });
        if let Some(map) = word_map {
            gaz.words.set_map(map);
        }
        gaz.add_entries_in_code(added, &mut rest.rejected, &mut errors);
        for row in &rest.alias_rows {
            gaz.add_alias_row(row, &mut errors);
        }
        for (id, alias) in &added.aliases {
            gaz.add_alias(id, alias, &mut errors);
        }
        gaz.resolve_references(&mut rest.rejected, &mut errors);
        if gaz.entries.capacity() - gaz.entries.len() > gaz.entries.len() / 8 {
            // Many lines were comments, errors or replacements.
            gaz.entries.shrink_to_fit();
            gaz.seq.shrink_to_fit();
        }
        match Error::collect(errors) {
            Some(e) => Err(e),
            None => Ok(gaz),
        }
    }

    /// Makes room for the entries of the entity files at once, not by doubling: about one
    /// entry a line.
    fn reserve_entries(&mut self, sources: &[Source]) {
        let lines: usize = sources
            .iter()
            .filter(|s| matches!(s.kind, FileKind::Entities(_)))
            .map(|s| memchr::memchr_iter(b'\n', &s.bytes).count() + 1)
            .sum();
        self.entries.reserve_exact(lines);
        self.seq.reserve_exact(lines);
        self.by_id = strings::Ids::with_capacity(lines);
    }

    /// Reads one file: its entries are loaded as they are read, its other rows merged; its
    /// rejected entries and alias rows wait in `rest` for the end of the load.
    fn read_source(
        &mut self,
        source: &Source,
        ahead: Option<ReadAhead>,
        rest: &mut Unmerged,
        errors: &mut Vec<Error>,
    ) {
        // The embedded words file (52,000 lines) is not read at each load: its map is built
        // from the table the build script made of it (`build.rs`), and nothing else in it
        // is loaded. The tests `embedded_words_file_is_valid` and
        // `prebuilt_words_equal_the_parsed_file` check the file and the table.
        if source.kind == FileKind::Words && source.embedded {
            self.words.add_file(source.words_file());
            return;
        }
        // Problems of merging come after the file's own, as when files were read whole.
        let mut merge_errors = Vec::new();
        let parsed = match ahead {
            Some(read) => self.load_read_ahead(read, &mut merge_errors),
            None => parse::parse_file(
                &source.label,
                source.kind,
                &source.bytes,
                errors,
                &mut Merge {
                    gaz: self,
                    errors: &mut merge_errors,
                },
                &mut |_, _| {},
            ),
        };
        errors.append(&mut merge_errors);
        rest.rejected.extend(parsed.rejected);
        for g in parsed.given_names {
            self.given_names.insert(g.name, g.gender);
        }
        for t in parsed.titles {
            self.titles.insert(t.title.to_lowercase(), t);
        }
        if source.kind == FileKind::Words {
            self.words.add_file(source.words_file());
        }
        rest.alias_rows.extend(parsed.aliases);
        for (word, class) in parsed.name_words {
            self.name_words.entry(word).or_default().insert(class);
        }
        self.speech_verbs.extend(parsed.speech_verbs);
        self.meeting_triggers.extend(parsed.meeting_triggers);
        self.function_words.extend(parsed.function_words);
        self.role_nouns.extend(parsed.role_nouns);
    }

    /// Loads the entries of a file read ahead, in file order, as [`Merge`] loads them while
    /// a file is read; what else the file gave is returned.
    fn load_read_ahead(&mut self, read: ReadAhead, errors: &mut Vec<Error>) -> parse::Parsed {
        let mut parsed = read.parsed;
        for entry in read.entries {
            // The file gives each id once (else it is not read ahead), so no entry of it
            // can be a repeat of an earlier one.
            if let Added::Repeated(entry, line) = self.insert(entry, errors) {
                errors.push(origin_error(
                    &entry.origin,
                    format!("id `{}` already used on line {line} of this file", entry.id),
                ));
                parsed.rejected.push(*entry);
            }
        }
        parsed
    }

    /// Loads the entries added in code, each its own source; a bad or refused one goes to
    /// `rejected`, to have its references checked.
    fn add_entries_in_code(
        &mut self,
        added: &Additions,
        rejected: &mut Vec<Entry>,
        errors: &mut Vec<Error>,
    ) {
        for entry in &added.entries {
            match added::to_entry(entry, errors) {
                Some((entry, true)) => {
                    // Each entry added in code is its own source: never a same-file repeat.
                    if let Added::Repeated(entry, _) = self.insert(entry, errors) {
                        rejected.push(*entry);
                    }
                }
                Some((entry, false)) => rejected.push(entry),
                None => {}
            }
        }
    }

    /// Adds an entry, replacing a loaded entry of the same id and kind whole. An id already
    /// used by an entry of another kind is an error (the entry is refused); an entry whose
    /// id the same file gave already is given back.
    fn insert(&mut self, entry: Entry, errors: &mut Vec<Error>) -> Added {
        let Ok(found) = self.by_id.get_or_insert(&entry.id, self.entries.len()) else {
            errors.push(origin_error(
                &entry.origin,
                "the ids of the loaded entries pass 4 GiB: too many to load".to_string(),
            ));
            return Added::Refused;
        };
        if let Ok(i) = found {
            let first = &self.entries[i].origin;
            if Arc::ptr_eq(&first.file, &entry.origin.file) {
                let line = first.line;
                return Added::Repeated(Box::new(entry), line);
            }
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        match found {
            Ok(i) if self.entries[i].kind != entry.kind => {
                let first = &self.entries[i];
                errors.push(origin_error(
                    &entry.origin,
                    format!(
                        "id `{}` is already the id of the {} `{}` ({}); an id names one \
                         entity, and an entry replaces an earlier one only of the same kind",
                        entry.id,
                        first.kind,
                        first.name,
                        place_of(&first.origin)
                    ),
                ));
                Added::Refused
            }
            Ok(i) => {
                self.entries[i] = entry;
                self.seq[i] = seq;
                Added::Loaded
            }
            Err(_) => {
                self.entries.push(entry);
                self.seq.push(seq);
                Added::Loaded
            }
        }
    }

    /// Adds the aliases of an aliases file's line to the loaded entry of its id.
    fn add_alias_row(&mut self, row: &parse::AliasRow, errors: &mut Vec<Error>) {
        let Some(&i) = self.by_id.get(&row.id) else {
            errors.push(
                Error::new(
                    ErrorKind::Parse,
                    format!("id `{}`: no loaded entry has this id", row.id),
                )
                .at(row.origin.file.as_ref(), Some(row.origin.line)),
            );
            return;
        };
        let entry = &mut self.entries[i];
        for alias in &row.aliases {
            if entry.name != *alias && !entry.aliases.contains(alias) {
                entry.aliases.push(alias.clone());
            }
        }
        for a in &row.ambiguous {
            if !entry.ambiguous.contains(a) {
                entry.ambiguous.push(a.clone());
            }
        }
    }

    /// Adds an alias given in code to the loaded entry of this id.
    fn add_alias(&mut self, id: &str, alias: &str, errors: &mut Vec<Error>) {
        if let Err(m) = added::check_alias(id, alias) {
            errors.push(Error::new(ErrorKind::Parse, m));
            return;
        }
        let Some(&i) = self.by_id.get(id) else {
            errors.push(Error::new(
                ErrorKind::Parse,
                format!("alias `{alias}` added in code for `{id}`: no loaded entry has this id"),
            ));
            return;
        };
        let entry = &mut self.entries[i];
        let alias = alias.trim();
        if entry.name != alias && !entry.aliases.iter().any(|a| a == alias) {
            entry.aliases.push(parse::owned(alias));
        }
    }

    /// Turns `country` cells and role targets into place (or institution) ids, in the
    /// loaded entries and (to report their problems) in the `rejected` ones.
    fn resolve_references(&mut self, rejected: &mut [Entry], errors: &mut Vec<Error>) {
        // A place's id stands for the place; a code for the first place (loaded, then
        // rejected, in load order) that has it, unless it is also a place's id.
        let rejected_places: FastSet<Text> = rejected
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| e.id.clone())
            .collect();
        let rejected_ids: FastSet<Text> = rejected.iter().map(|e| e.id.clone()).collect();
        let mut codes: FastMap<Text, Text> = FastMap::default();
        for e in self.entries.iter().chain(rejected.iter()) {
            if e.kind == EntityKind::Place {
                for code in &e.codes {
                    if !codes.contains_key(code.as_ref()) {
                        codes.insert(code.clone(), e.id.clone());
                    }
                }
            }
        }
        let by_id = &self.by_id;
        let kinds: Vec<EntityKind> = self.entries.iter().map(|e| e.kind).collect();
        let is_place_id = |id: &str| {
            by_id
                .get(id)
                .is_some_and(|&i| kinds[i] == EntityKind::Place)
                || rejected_places.contains(id)
        };
        codes.retain(|code, _| !is_place_id(code));
        // The place id a reference stands for: `Some(None)` when it is one already.
        let place = |key: &str| -> Option<Option<&Text>> {
            match codes.get(key) {
                Some(id) => Some(Some(id)),
                None if is_place_id(key) => Some(None),
                None => None,
            }
        };
        for e in self.entries.iter_mut().chain(rejected.iter_mut()) {
            let at = |msg: String| origin_error(&e.origin, msg);
            if let Some(c) = &mut e.country {
                match place(c) {
                    Some(Some(id)) => *c = id.clone(),
                    Some(None) => {}
                    None => errors.push(at(format!(
                        "country `{c}` is not the id or a code of any loaded place"
                    ))),
                }
            }
            for r in &mut e.roles {
                match place(&r.of) {
                    Some(Some(id)) => r.of = id.clone(),
                    Some(None) => {}
                    None if by_id.contains_key(&r.of) || rejected_ids.contains(r.of.as_ref()) => {}
                    None => errors.push(at(format!(
                        "role `{}@{}`: `{}` is not the id or a code of any loaded place or institution",
                        r.role, r.of, r.of
                    ))),
                }
            }
        }
    }

    /// The entry with this index.
    pub(crate) fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }
}

/// The gazetteer as the destination of a file's entries, with the problems of merging them.
struct Merge<'g> {
    gaz: &'g mut Gazetteer,
    errors: &'g mut Vec<Error>,
}

impl parse::Entries for Merge<'_> {
    fn line_of(&self, id: &str, file: &Arc<str>) -> Option<usize> {
        let origin = &self.gaz.entries[*self.gaz.by_id.get(id)?].origin;
        Arc::ptr_eq(&origin.file, file).then_some(origin.line)
    }

    fn add(&mut self, entry: Entry) -> Added {
        self.gaz.insert(entry, self.errors)
    }
}

/// An embedded file read on another thread while the files before it are loaded: its
/// entries, in file order, and what else it gave.
struct ReadAhead {
    entries: Vec<Entry>,
    parsed: parse::Parsed,
}

/// Reads an embedded file (but the words file, which is compiled into a table) ahead of
/// loading it. A file that gives any problem is not read ahead but read again when it is
/// loaded, so that its problems are found and told exactly as then; the embedded files
/// give none (the tests check them).
fn read_ahead(source: &Source) -> Option<ReadAhead> {
    if !may_read_ahead(source) {
        return None;
    }
    let mut errors = Vec::new();
    let mut collect = parse::Collect::default();
    let parsed = parse::parse_file(
        &source.label,
        source.kind,
        &source.bytes,
        &mut errors,
        &mut collect,
        &mut |_, _| {},
    );
    (errors.is_empty() && !collect.repeated && parsed.rejected.is_empty()).then_some(ReadAhead {
        entries: collect.entries,
        parsed,
    })
}

/// Whether [`read_ahead`] reads `source`.
fn may_read_ahead(source: &Source) -> bool {
    source.embedded && source.kind != FileKind::Words
}

/// The result of a thread, or its panic passed on.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// A problem with an entry, at its file and line, or naming it when it was added in code.
fn origin_error(origin: &Origin, message: String) -> Error {
    if origin.line == 0 {
        Error::new(ErrorKind::Parse, format!("{}: {message}", origin.file))
    } else {
        Error::new(ErrorKind::Parse, message).at(origin.file.as_ref(), Some(origin.line))
    }
}

/// Where an entry comes from, for messages: `file:line`, or `added in code`.
fn place_of(origin: &Origin) -> String {
    if origin.line == 0 {
        "added in code".to_string()
    } else {
        format!("{}:{}", origin.file, origin.line)
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
            // `.TSV` and other cases are taken too, so that `read_file` reports them.
            let mut paths: Vec<PathBuf> = listing
                .filter_map(|d| d.ok().map(|d| d.path()))
                .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("tsv")))
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
    if let Some(ext) = path.extension().filter(|x| *x != "tsv") {
        if ext.eq_ignore_ascii_case("tsv") {
            errors.push(
                Error::new(
                    ErrorKind::Parse,
                    format!(
                        "the extension `.{}` must be written `.tsv`, in lower case; rename \
                         the file to load it",
                        ext.to_string_lossy()
                    ),
                )
                .at(path, None),
            );
            return;
        }
    }
    let Some(kind) = FileKind::from_file_name(name) else {
        errors.push(
            Error::new(
                ErrorKind::Parse,
                "cannot tell what this file holds from its name: expected people*.tsv, \
                 places*.tsv, institutions*.tsv, given_names*.tsv, titles*.tsv, \
                 name_words*.tsv, words*.tsv, aliases*.tsv, speech_verbs*.tsv, meeting_triggers*.tsv, function_words*.tsv or \
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
            embedded: false,
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

    /// The embedded files after the first are read ahead on another thread: loaded, they
    /// give what the same files give read one after the other from disk.
    #[test]
    fn files_read_ahead_load_as_files_read_in_order() {
        let embedded = Gazetteer::load(true, &[]).unwrap_or_else(|e| panic!("{e}"));
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let files: Vec<Location> = embedded::sources()
            .map(|s| {
                let name = s.label.trim_start_matches("<embedded>/");
                Location::File(folder.join(name))
            })
            .collect();
        let from_disk = Gazetteer::load(false, &files).unwrap_or_else(|e| panic!("{e}"));
        let shown = |e: &Entry| format!("{e:?}").replace(e.origin.file.as_ref(), "FILE");
        assert_eq!(embedded.entries.len(), from_disk.entries.len());
        for (a, b) in embedded.entries.iter().zip(&from_disk.entries) {
            assert_eq!(shown(a), shown(b));
        }
        assert_eq!(embedded.function_words, from_disk.function_words);
        assert_eq!(embedded.role_nouns, from_disk.role_nouns);
        assert_eq!(embedded.meeting_triggers, from_disk.meeting_triggers);
        assert_eq!(embedded.speech_verbs, from_disk.speech_verbs);
        assert_eq!(embedded.given_names, from_disk.given_names);
        assert_eq!(embedded.name_words, from_disk.name_words);
        assert_eq!(embedded.titles.len(), from_disk.titles.len());
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
        let x1 = &gaz.entries[*gaz.by_id.get("X1").unwrap()];
        assert_eq!(x1.name, "New Name");
        let x2 = &gaz.entries[*gaz.by_id.get("X2").unwrap()];
        assert_eq!(x2.country.as_deref(), Some("P1"));
        assert_eq!(x2.roles[0].of, "P1");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn repeated_ids_in_a_file_and_across_files() {
        // A file's repeated id is an error at the repeat, whether the first line was loaded,
        // bad, or refused for its kind; a later file replaces an entry of the same kind.
        let dir = std::env::temp_dir().join(format!("gazette-dups-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let files = [
            (
                "places.tsv",
                "id\tname\tpopulation\nX\tA\t\nX\tA2\t\nY\tB\tmany\nY\tB2\t\nZ\tC\t\nZ\tC2\tmany\n",
            ),
            ("people.tsv", "id\tname\nW\tWho\n"),
            ("places_2.tsv", "id\tname\nW\tWhere\nW\tW2\nX\tA3\nX\tA4\n"),
        ];
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let err = Gazetteer::load(false, &[Location::Dir(dir.clone())]).unwrap_err();
        let found: Vec<String> = err
            .errors()
            .iter()
            .map(|e| {
                let file = e.path().and_then(|f| f.file_name()).unwrap();
                format!(
                    "{}:{} {}",
                    file.to_string_lossy(),
                    e.line().unwrap(),
                    e.message()
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "places.tsv:3 id `X` already used on line 2 of this file",
                "places.tsv:4 population `many` is not a whole number",
                "places.tsv:5 id `Y` already used on line 4 of this file",
                "places.tsv:7 population `many` is not a whole number",
                "places.tsv:7 id `Z` already used on line 6 of this file",
                "places_2.tsv:3 id `W` already used on line 2 of this file",
                "places_2.tsv:5 id `X` already used on line 4 of this file",
                "places_2.tsv:2 id `W` is already the id of the person `Who` \
                 (DIR/people.tsv:2); an id names one entity, and an entry replaces an earlier \
                 one only of the same kind",
            ]
            .map(|m| m.replace("DIR", &dir.display().to_string()))
        );
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
