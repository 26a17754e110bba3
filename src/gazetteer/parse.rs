//! Reading gazetteer files: tab-separated, a header naming the columns, one entry per line.
//!
//! Like ripgrep's `.gitignore` reader, it strips a byte order mark, labels every bad line with
//! its file and line number, keeps reading, and reports all the problems at once.

use super::classes::{
    Class, ClassSet, FunctionClass, RoleNounClass, SpeechClass, TriggerClass, WordClass, WordTag,
};
use super::entry::{
    EntityKind, Entry, Gender, GivenName, Origin, Role, Text, Title, TitleKind, WordInfo,
};
use crate::error::{Error, ErrorKind};
use std::borrow::Cow;
use std::sync::Arc;

/// One line's cells and the columns they are in (a few columns: a scan beats hashing).
#[derive(Clone, Copy)]
pub(crate) struct Row<'r, 'a> {
    pub(crate) columns: &'r [&'static str],
    pub(crate) cells: &'r [&'a str],
    /// How the entry read from the row keeps a cell's text.
    pub(crate) keep: Keep<'a>,
}

/// How the entries of a file keep the text of its cells: [`borrowed`] from a file compiled
/// into the library, [`owned`] (copied) from any other.
pub(crate) type Keep<'a> = fn(&'a str) -> Text;

/// A cell of a file compiled into the library, kept without a copy.
fn borrowed(s: &'static str) -> Text {
    Cow::Borrowed(s)
}

/// A cell of a file read at run time (or a value given in code), copied.
pub(crate) fn owned(s: &str) -> Text {
    Cow::Owned(s.to_owned())
}

pub(crate) use crate::hash::FastMap;

/// The longest alias accepted, in bytes. Longer ones are an error, not truncated.
pub(crate) const MAX_ALIAS_LEN: usize = 256;

/// The longest term of a lexicon file (`term`), title (`title`), word (`word`) or given
/// name accepted, in bytes. Longer ones are an error: compiling a term into an automaton
/// costs time in the square of its length.
pub(crate) const MAX_TERM_LEN: usize = 256;

/// Role names a `roles` cell may use (see gazetteers/README.md).
pub(crate) const ROLE_NAMES: &[&str] = &[
    "head_of_state",
    "vice_head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "deputy_foreign_minister",
    "defence_minister",
    "minister",
    "secretary_general",
    "ambassador",
    "spokesperson",
    "legislator",
    "governor",
    "mayor",
    "military_officer",
    "monarch",
    "royal",
    "executive",
    "judge",
    "official",
    "religious_leader",
    "other",
];

/// What a file holds, read from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Entities(EntityKind),
    GivenNames,
    Titles,
    NameWords,
    Words,
    Aliases,
    Lexicon(LexiconKind),
}

/// The word lists with `term` and `class` columns, each class an enum of
/// [`classes`](super::classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum LexiconKind {
    /// `speech_verbs*.tsv`: speech verbs and cue phrases of the quotes pass.
    SpeechVerbs,
    /// `meeting_triggers*.tsv`: triggers and status markers of the meetings pass.
    MeetingTriggers,
    /// `function_words*.tsv`: determiners, pronouns, prepositions, auxiliaries, ...
    FunctionWords,
    /// `role_nouns*.tsv`: nouns for unnamed speakers, organs, groups and offices.
    RoleNouns,
}

impl FileKind {
    /// The kind of a gazetteer file from its name: `people*.tsv`, `places*.tsv`,
    /// `institutions*.tsv`, `given_names*.tsv`, `titles*.tsv`, `name_words*.tsv`.
    pub(crate) fn from_file_name(name: &str) -> Option<FileKind> {
        let stem = name.strip_suffix(".tsv")?;
        if stem.starts_with("titles") {
            Some(FileKind::Titles)
        } else if stem.starts_with("speech_verbs") {
            Some(FileKind::Lexicon(LexiconKind::SpeechVerbs))
        } else if stem.starts_with("meeting_triggers") {
            Some(FileKind::Lexicon(LexiconKind::MeetingTriggers))
        } else if stem.starts_with("function_words") {
            Some(FileKind::Lexicon(LexiconKind::FunctionWords))
        } else if stem.starts_with("role_nouns") {
            Some(FileKind::Lexicon(LexiconKind::RoleNouns))
        } else if stem.starts_with("aliases") {
            Some(FileKind::Aliases)
        } else if stem.starts_with("words") {
            Some(FileKind::Words)
        } else if stem.starts_with("name_words") {
            Some(FileKind::NameWords)
        } else if stem.starts_with("people") {
            Some(FileKind::Entities(EntityKind::Person))
        } else if stem.starts_with("places") {
            Some(FileKind::Entities(EntityKind::Place))
        } else if stem.starts_with("institutions") {
            Some(FileKind::Entities(EntityKind::Institution))
        } else if stem.starts_with("given_names") {
            Some(FileKind::GivenNames)
        } else {
            None
        }
    }

    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            FileKind::Entities(EntityKind::Person) => &[
                "id",
                "name",
                "aliases",
                "country",
                "gender",
                "roles",
                "ambiguous",
            ],
            FileKind::Entities(EntityKind::Place) => &[
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
            FileKind::Entities(EntityKind::Institution) => &[
                "id",
                "name",
                "aliases",
                "country",
                "type",
                "acronyms",
                "ambiguous",
            ],
            FileKind::GivenNames => &["name", "gender"],
            FileKind::Titles => &["title", "kind", "role", "gender"],
            FileKind::NameWords => &["word", "class"],
            FileKind::Words => &["word", "tags", "level", "proper", "surname"],
            FileKind::Aliases => &["id", "aliases", "ambiguous"],
            FileKind::Lexicon(_) => &["term", "class"],
        }
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            FileKind::Entities(_) => &["id", "name"],
            FileKind::GivenNames => &["name", "gender"],
            FileKind::Titles => &["title", "kind"],
            FileKind::NameWords => &["word", "class"],
            FileKind::Words => &["word"],
            FileKind::Aliases => &["id", "aliases"],
            FileKind::Lexicon(_) => &["term", "class"],
        }
    }
}

/// What one file gave, besides its entries (which go to the caller as they are read).
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) given_names: Vec<GivenName>,
    pub(crate) titles: Vec<Title>,
    pub(crate) name_words: Vec<(String, WordClass)>,
    /// Rows of an aliases file: aliases to add to a loaded entry, and which of them need
    /// context.
    pub(crate) aliases: Vec<AliasRow>,
    /// Rows of the lexicon files, typed.
    pub(crate) speech_verbs: Vec<(String, SpeechClass)>,
    pub(crate) meeting_triggers: Vec<(String, TriggerClass)>,
    pub(crate) function_words: Vec<(String, FunctionClass)>,
    pub(crate) role_nouns: Vec<(String, RoleNounClass)>,
    /// Entries of bad lines: not loaded, but their references are still checked.
    pub(crate) rejected: Vec<Entry>,
}

/// Where the entries of a file go as they are read: the gazetteer, which also tells
/// whether an id was already read from the same file (so no map of a file's ids is
/// needed besides the gazetteer's own).
pub(crate) trait Entries {
    /// The line of `file` that gave the loaded entry of this id, if one did.
    fn line_of(&self, id: &str, file: &Arc<str>) -> Option<usize>;
    /// Loads an entry read from a file.
    fn add(&mut self, entry: Entry) -> Added;
}

/// What became of an entry given to [`Entries::add`].
pub(crate) enum Added {
    Loaded,
    /// Not loaded; the destination reports why.
    Refused,
    /// Not loaded: the same file gave an entry of this id already, on this line.
    Repeated(Box<Entry>, usize),
}

/// The entries of a file that checks nothing else, for files that hold none.
pub(crate) struct NoEntries;

impl Entries for NoEntries {
    fn line_of(&self, _: &str, _: &Arc<str>) -> Option<usize> {
        None
    }
    fn add(&mut self, _: Entry) -> Added {
        Added::Refused
    }
}

/// The entries of one file, kept in file order, each id once: a repeated id is given
/// back with the line of its first entry, and noted in `repeated`.
#[derive(Default)]
pub(crate) struct Collect {
    pub(crate) entries: Vec<Entry>,
    lines: FastMap<String, usize>,
    pub(crate) repeated: bool,
}

impl Entries for Collect {
    fn line_of(&self, id: &str, _: &Arc<str>) -> Option<usize> {
        self.lines.get(id).copied()
    }

    fn add(&mut self, entry: Entry) -> Added {
        if let Some(&line) = self.lines.get(entry.id.as_ref()) {
            self.repeated = true;
            return Added::Repeated(Box::new(entry), line);
        }
        self.lines.insert(entry.id.to_string(), entry.origin.line);
        self.entries.push(entry);
        Added::Loaded
    }
}

/// One line of a file: its number and its text, or where its UTF-8 breaks.
type Line<'a> = (usize, Result<&'a str, usize>);

/// Parses one file's bytes. Problems go to `errors`; the good lines are still read. Each
/// good entry is handed to `entries` as soon as it is read (a file of millions of entries
/// is never held twice), each good row of a words file to `words`. The entries of bytes
/// compiled into the library (borrowed for `'static`) borrow their text from them.
#[allow(clippy::ptr_arg)] // whether the bytes are borrowed or owned is what it reads
pub(crate) fn parse_file(
    file: &Arc<str>,
    kind: FileKind,
    bytes: &Cow<'static, [u8]>,
    errors: &mut Vec<Error>,
    entries: &mut dyn Entries,
    words: &mut dyn FnMut(&str, WordInfo),
) -> Parsed {
    match bytes {
        Cow::Borrowed(b) => parse_keeping(file, kind, b, borrowed, errors, entries, words),
        Cow::Owned(b) => parse_keeping(file, kind, b, owned, errors, entries, words),
    }
}

/// [`parse_file`] of bytes whose cells the entries keep with `keep`.
fn parse_keeping<'a>(
    file: &Arc<str>,
    kind: FileKind,
    bytes: &'a [u8],
    keep: Keep<'a>,
    errors: &mut Vec<Error>,
    entries: &mut dyn Entries,
    words: &mut dyn FnMut(&str, WordInfo),
) -> Parsed {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A file that is UTF-8 throughout, the usual case, is checked at once and split with
    // `memchr`; otherwise each line is checked on its own, to report it.
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let lines = split_at_byte(text, b'\n')
                .enumerate()
                .map(|(i, l)| (i + 1, Ok(l.strip_suffix('\r').unwrap_or(l))));
            parse_lines(file, kind, (lines, keep), errors, entries, words)
        }
        Err(_) => {
            let lines = bytes.split(|&b| b == b'\n').enumerate().map(|(i, raw)| {
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                (i + 1, std::str::from_utf8(raw).map_err(|e| e.valid_up_to()))
            });
            parse_lines(file, kind, (lines, keep), errors, entries, words)
        }
    }
}

/// Reads a file's lines: the header first, then every row, each checked against it.
fn parse_lines<'a>(
    file: &Arc<str>,
    kind: FileKind,
    (lines, keep): (impl Iterator<Item = Line<'a>>, Keep<'a>),
    errors: &mut Vec<Error>,
    entries: &mut dyn Entries,
    words: &mut dyn FnMut(&str, WordInfo),
) -> Parsed {
    let mut reader = FileReader {
        file,
        kind,
        errors,
        entries,
        words,
        parsed: Parsed::default(),
        seen_ids: FastMap::default(),
        line_errors: Vec::new(),
    };
    let mut header: Option<Vec<&'static str>> = None;
    // Whether the header has the required columns, so that lines can be read in full.
    let mut readable = true;
    // The cells of the current line, reused from line to line.
    let mut cells: Vec<&'a str> = Vec::new();
    for (line_no, line) in lines {
        let Some(line) = reader.valid_text(line_no, line) else {
            continue;
        };
        let start = line.trim_start();
        if start.is_empty() || start.starts_with('#') {
            continue;
        }
        reader.split_line(line_no, line, &mut cells);
        let Some(columns) = &header else {
            // A bad header is reported, and the lines below are still checked: in full if
            // the required columns are there, else for their number of cells.
            let (columns, complete) = reader.header(line_no, &cells);
            readable = complete;
            header = Some(columns);
            continue;
        };
        if !reader.fits_header(line_no, &cells, columns) || !readable {
            continue;
        }
        let row = Row {
            columns,
            cells: &cells,
            keep,
        };
        reader.read_row(line_no, &row);
    }
    reader.finish(header.is_none())
}

/// What [`parse_lines`] keeps from line to line besides the header: where problems, entries
/// and words go, what the file gave so far, and the ids of its lines that were not loaded.
struct FileReader<'r, 'a> {
    file: &'r Arc<str>,
    kind: FileKind,
    errors: &'r mut Vec<Error>,
    entries: &'r mut dyn Entries,
    words: &'r mut dyn FnMut(&str, WordInfo),
    parsed: Parsed,
    /// The ids of this file's lines that are not loaded (bad or refused), with their line.
    seen_ids: FastMap<&'a str, usize>,
    /// The problems of the current line, reused from line to line.
    line_errors: Vec<String>,
}

impl<'a> FileReader<'_, 'a> {
    /// A problem at line `line` of the file.
    fn error(&self, line: usize, kind: ErrorKind, msg: String) -> Error {
        Error::new(kind, msg).at(self.file.as_ref(), Some(line))
    }

    /// The line's text, or `None` after reporting where its UTF-8 breaks.
    fn valid_text(&mut self, line_no: usize, line: Result<&'a str, usize>) -> Option<&'a str> {
        match line {
            Ok(l) => Some(l),
            Err(valid_up_to) => {
                let e = self.error(
                    line_no,
                    ErrorKind::InvalidUtf8,
                    format!("invalid UTF-8 at byte {} of the line", valid_up_to + 1),
                );
                self.errors.push(e);
                None
            }
        }
    }

    /// Splits a line into `cells`; a cell in quotation marks (`"Tokyo"`) is reported and
    /// read without them.
    fn split_line(&mut self, line_no: usize, line: &'a str, cells: &mut Vec<&'a str>) {
        cells.clear();
        split_cells(line, cells);
        for c in cells.iter_mut() {
            if let Some(inner) = unquote(c) {
                let e = self.error(
                    line_no,
                    ErrorKind::Parse,
                    format!(
                        "cell `{c}` is in quotation marks: gazetteer files are tab-separated \
                         text without CSV quoting; remove the marks"
                    ),
                );
                self.errors.push(e);
                *c = inner;
            }
        }
    }

    /// The columns of the header line, its problems reported, and whether it has every
    /// required column.
    fn header(&mut self, line_no: usize, cells: &[&str]) -> (Vec<&'static str>, bool) {
        let (columns, problems) = parse_header(self.kind, cells);
        let complete = self.kind.required().iter().all(|r| columns.contains(r));
        for m in problems {
            let e = self.error(line_no, ErrorKind::Parse, m);
            self.errors.push(e);
        }
        (columns, complete)
    }

    /// Whether a line has as many cells as the header has columns; reported when not.
    fn fits_header(&mut self, line_no: usize, cells: &[&str], columns: &[&str]) -> bool {
        if cells.len() == columns.len() {
            return true;
        }
        let e = self.error(
            line_no,
            ErrorKind::Parse,
            format!(
                "{} columns, but the header has {} ({})",
                cells.len(),
                columns.len(),
                columns.join(", ")
            ),
        );
        self.errors.push(e);
        false
    }

    /// Reads one row as the file's kind says; its problems are reported at its line.
    fn read_row(&mut self, line_no: usize, row: &Row<'_, 'a>) {
        self.line_errors.clear();
        let errors = &mut self.line_errors;
        let parsed = &mut self.parsed;
        match self.kind {
            FileKind::GivenNames => parsed.given_names.extend(given_name(row, errors)),
            FileKind::Titles => parsed.titles.extend(title(row, errors)),
            FileKind::NameWords => class_row(row, "word", &mut parsed.name_words, errors),
            FileKind::Words => {
                if let Some((word, info)) = word_row(row, errors) {
                    (self.words)(word, info);
                }
            }
            FileKind::Aliases => {
                let origin = Origin {
                    file: self.file.clone(),
                    line: line_no,
                };
                parsed.aliases.extend(alias_row(row, origin, errors));
            }
            FileKind::Lexicon(LexiconKind::SpeechVerbs) => {
                class_row(row, "term", &mut parsed.speech_verbs, errors)
            }
            FileKind::Lexicon(LexiconKind::MeetingTriggers) => {
                class_row(row, "term", &mut parsed.meeting_triggers, errors)
            }
            FileKind::Lexicon(LexiconKind::FunctionWords) => {
                class_row(row, "term", &mut parsed.function_words, errors)
            }
            FileKind::Lexicon(LexiconKind::RoleNouns) => {
                class_row(row, "term", &mut parsed.role_nouns, errors)
            }
            FileKind::Entities(entity_kind) => self.entity_row(entity_kind, line_no, row),
        }
        let file = self.file;
        self.errors.extend(
            self.line_errors
                .drain(..)
                .map(|m| Error::new(ErrorKind::Parse, m).at(file.as_ref(), Some(line_no))),
        );
    }

    /// Reads a row of an entity file and hands its entry on, unless the line is bad or the
    /// file gave its id already (on a loaded line or not).
    fn entity_row(&mut self, kind: EntityKind, line_no: usize, row: &Row<'_, 'a>) {
        let origin = Origin {
            file: self.file.clone(),
            line: line_no,
        };
        let Some(entry) = entry(kind, row, origin, &mut self.line_errors) else {
            return;
        };
        // `entry` gives an entry only for a line with an id.
        let id = cell(row, "id").unwrap_or_default();
        let used = |first: usize| format!("id `{id}` already used on line {first} of this file");
        if !self.line_errors.is_empty() {
            match self
                .seen_ids
                .get(id)
                .copied()
                .or_else(|| self.entries.line_of(id, self.file))
            {
                Some(first) => self.line_errors.push(used(first)),
                None => {
                    self.seen_ids.insert(id, line_no);
                }
            }
            self.parsed.rejected.push(entry);
        } else if let Some(&first) = self.seen_ids.get(id) {
            self.line_errors.push(used(first));
            self.parsed.rejected.push(entry);
        } else {
            match self.entries.add(entry) {
                Added::Loaded => {}
                Added::Refused => {
                    self.seen_ids.insert(id, line_no);
                }
                Added::Repeated(entry, first) => {
                    self.line_errors.push(used(first));
                    self.parsed.rejected.push(*entry);
                }
            }
        }
    }

    /// What the file gave; a file with no header line is an error.
    fn finish(self, no_header: bool) -> Parsed {
        if no_header {
            self.errors.push(
                Error::new(
                    ErrorKind::Parse,
                    format!(
                        "no header line; expected columns such as: {}",
                        self.kind.columns().join(", ")
                    ),
                )
                .at(self.file.as_ref(), None),
            );
        }
        self.parsed
    }
}

/// A row of an aliases file, unless its `id` or `aliases` is empty.
fn alias_row(row: &Row<'_, '_>, origin: Origin, errors: &mut Vec<String>) -> Option<AliasRow> {
    let id = cell(row, "id");
    let aliases = list(row, "aliases", errors);
    let ambiguous = list(row, "ambiguous", errors);
    match id {
        Some(id) if !aliases.is_empty() => Some(AliasRow {
            id: id.to_string(),
            aliases,
            ambiguous,
            origin,
        }),
        _ => {
            errors.push("empty `id` or `aliases`".into());
            None
        }
    }
}

/// The pieces of `s` between the ASCII separators `sep` (as `s.split(sep as char)`).
fn split_at_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(sep, s.as_bytes())
        .chain(std::iter::once(s.len()))
        .map(move |end| {
            // An ASCII byte is a character of its own: both sides of it are boundaries.
            let piece = s.get(start..end).unwrap_or_default();
            start = end + 1;
            piece
        })
}

/// The pieces of a short `s` between the ASCII separators `sep` (as `s.split(sep as char)`),
/// found by a plain scan.
fn split_short(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            // An ASCII byte is a character of its own: both sides of it are boundaries.
            Some(i) => {
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `s` without whitespace around it (as [`str::trim`]), checking the usual cases, an empty
/// cell or one that starts and ends with a visible ASCII character, in two comparisons.
fn trim(s: &str) -> &str {
    let bytes = s.as_bytes();
    match (bytes.first(), bytes.last()) {
        (None, _) => s,
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// The tab-separated cells of a line, trimmed.
fn split_cells<'a>(line: &'a str, cells: &mut Vec<&'a str>) {
    // Cells are short: a plain scan beats setting up a vectorised search per line.
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            // A tab is a character of its own: both sides of it are boundaries.
            cells.push(trim(line.get(start..i).unwrap_or_default()));
            start = i + 1;
        }
    }
    cells.push(trim(line.get(start..).unwrap_or_default()));
}

/// Whether a term (a title, a lexicon term, a word) is within [`MAX_TERM_LEN`]; the
/// problem goes to `errors` when it is not.
fn term_fits(column: &str, term: &str, errors: &mut Vec<String>) -> bool {
    if term.len() <= MAX_TERM_LEN {
        return true;
    }
    errors.push(format!(
        "the `{column}` is {} bytes long; the limit is {MAX_TERM_LEN}",
        term.len()
    ));
    false
}

/// A row of a words file: a lower-case form, its tags, its level and whether it is also a
/// name.
fn word_row<'a>(row: &Row<'_, 'a>, errors: &mut Vec<String>) -> Option<(&'a str, WordInfo)> {
    let Some(word) = cell(row, "word") else {
        errors.push("empty `word`".into());
        return None;
    };
    if !term_fits("word", word, errors) {
        return None;
    }
    let mut tags = ClassSet::EMPTY;
    for t in cell(row, "tags").unwrap_or("").split('|').map(str::trim) {
        match WordTag::parse(t) {
            Some(tag) => tags.insert(tag),
            None if t.is_empty() => {}
            None => {
                errors.push(format!("tag `{t}`: expected {}", WordTag::expected()));
                return None;
            }
        }
    }
    let level = match cell(row, "level").map(str::parse::<u8>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            errors.push("`level` must be a whole number from 0 to 255".into());
            return None;
        }
    };
    let flag = |column: &str, errors: &mut Vec<String>| match cell(row, column) {
        None | Some("0") => Some(false),
        Some("1") => Some(true),
        Some(p) => {
            errors.push(format!("{column} `{p}`: expected `1`, `0` or empty"));
            None
        }
    };
    let proper = flag("proper", errors)?;
    let surname = flag("surname", errors)?;
    Some((
        word,
        WordInfo {
            tags,
            level,
            proper,
            surname,
        },
    ))
}

/// A row of an aliases file: more names for a loaded entry.
#[derive(Clone, Debug)]
pub(crate) struct AliasRow {
    pub(crate) id: String,
    pub(crate) aliases: Vec<Text>,
    /// Aliases (also listed in `aliases`) that are also common words or abbreviations: a
    /// mention needs context.
    pub(crate) ambiguous: Vec<Text>,
    pub(crate) origin: Origin,
}

/// A row of a word and its class, its class parsed into `C`: `term`, `class` in a lexicon
/// file, `word`, `class` in a name-words file (`column` names the word's column).
fn class_row<C: Class>(
    row: &Row<'_, '_>,
    column: &'static str,
    rows: &mut Vec<(String, C)>,
    errors: &mut Vec<String>,
) {
    match (cell(row, column), cell(row, "class")) {
        (Some(t), Some(c)) => match C::parse(c) {
            Some(class) if term_fits(column, t, errors) => rows.push((t.to_string(), class)),
            Some(_) => {}
            None => errors.push(format!("class `{c}`: expected {}", C::expected())),
        },
        _ => errors.push(format!("empty `{column}` or `class`")),
    }
}

/// The columns of a header line, `?` for an unknown or repeated one, and its problems.
fn parse_header(kind: FileKind, cells: &[&str]) -> (Vec<&'static str>, Vec<String>) {
    let known = kind.columns();
    let mut columns = Vec::new();
    let mut problems = Vec::new();
    for cell in cells {
        match known.iter().find(|k| **k == *cell) {
            Some(k) if columns.contains(k) => {
                problems.push(format!("column `{cell}` twice"));
                columns.push("?");
            }
            Some(k) => columns.push(*k),
            None => {
                problems.push(format!(
                    "unknown column `{cell}`; this file's columns are: {}",
                    known.join(", ")
                ));
                columns.push("?");
            }
        }
    }
    for req in kind.required() {
        if !columns.contains(req) {
            problems.push(format!("the header lacks the required column `{req}`"));
        }
    }
    (columns, problems)
}

/// The inside of a cell written in quotation marks, CSV style (`"Tokyo"`).
fn unquote(cell: &str) -> Option<&str> {
    let inner = cell.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.trim())
}

/// The `|`-separated values of a cell, kept as the row keeps its text; an empty value
/// between separators is an error.
fn list(row: &Row<'_, '_>, column: &str, errors: &mut Vec<String>) -> Vec<Text> {
    values(row, column, errors, row.keep)
}

/// The `|`-separated values of a cell, each as `f` makes it; an empty value between
/// separators is an error.
fn values<'a, T>(
    row: &Row<'_, 'a>,
    column: &str,
    errors: &mut Vec<String>,
    f: impl Fn(&'a str) -> T,
) -> Vec<T> {
    let cell = raw_cell(row, column).unwrap_or("");
    if cell.is_empty() {
        return Vec::new();
    }
    // As many slots as values: a vector grown by pushing keeps room for four. Cells are
    // short: plain scans beat setting up vectorised searches.
    let mut out = Vec::with_capacity(cell.bytes().filter(|&b| b == b'|').count() + 1);
    for value in split_short(cell, b'|').map(trim) {
        if value.is_empty() {
            errors.push(format!("empty value in column `{column}`"));
        } else if value.len() > MAX_ALIAS_LEN {
            errors.push(format!(
                "a value in column `{column}` is {} bytes long; the limit is {MAX_ALIAS_LEN}",
                value.len()
            ));
        } else {
            out.push(f(value));
        }
    }
    out
}

/// The cell of `column`, unless it is empty or the row lacks it.
fn cell<'a>(row: &Row<'_, 'a>, column: &str) -> Option<&'a str> {
    raw_cell(row, column).filter(|v| !v.is_empty())
}

fn raw_cell<'a>(row: &Row<'_, 'a>, column: &str) -> Option<&'a str> {
    // The columns of a kind differ in length or first letter: compare those first.
    let (len, first) = (column.len(), column.bytes().next());
    let i = row
        .columns
        .iter()
        .position(|c| c.len() == len && c.bytes().next() == first && *c == column)?;
    row.cells.get(i).copied()
}

pub(crate) fn entry(
    kind: EntityKind,
    row: &Row<'_, '_>,
    origin: Origin,
    errors: &mut Vec<String>,
) -> Option<Entry> {
    let id = cell(row, "id");
    let name = cell(row, "name");
    let (Some(id), Some(name)) = (id, name) else {
        if id.is_none() {
            errors.push("empty `id`".into());
        }
        if name.is_none() {
            errors.push("empty `name`".into());
        }
        return None;
    };
    if id.chars().any(char::is_whitespace) {
        errors.push(format!("id `{id}` contains whitespace"));
    }
    if name.len() > MAX_ALIAS_LEN {
        errors.push(format!(
            "the name is {} bytes long; the limit is {MAX_ALIAS_LEN}",
            name.len()
        ));
    }
    let mut e = Entry::new(kind, (row.keep)(id), (row.keep)(name), origin);
    e.aliases = list(row, "aliases", errors);
    e.country = cell(row, "country").map(row.keep);
    e.ambiguous = list(row, "ambiguous", errors);
    match kind {
        EntityKind::Person => {
            if let Some(g) = cell(row, "gender") {
                match Gender::parse(g) {
                    Some(Gender::Unisex) | None => {
                        errors.push(format!("gender `{g}`: expected `male`, `female` or empty"))
                    }
                    g => e.gender = g,
                }
            }
            let roles = values(row, "roles", errors, |v| v);
            e.roles.reserve_exact(roles.len());
            for role in roles {
                match parse_role(role, row.keep) {
                    Ok(r) => e.roles.push(r),
                    Err(m) => errors.push(m),
                }
            }
        }
        EntityKind::Place => {
            e.place_type = cell(row, "type").map(row.keep);
            e.codes = list(row, "codes", errors);
            e.demonyms = list(row, "demonyms", errors);
            if let Some(p) = cell(row, "population") {
                match p.parse::<u64>() {
                    Ok(n) => e.population = n,
                    Err(_) => errors.push(format!("population `{p}` is not a whole number")),
                }
            }
        }
        EntityKind::Institution => {
            e.institution_type = cell(row, "type").map(row.keep);
            e.acronyms = list(row, "acronyms", errors);
        }
    }
    for a in &e.ambiguous {
        let known = *a == e.name || e.aliases.contains(a) || e.acronyms.contains(a);
        if !known {
            errors.push(format!(
                "ambiguous `{a}` is not the name or an alias of this entry"
            ));
        }
    }
    Some(e)
}

fn given_name(row: &Row<'_, '_>, errors: &mut Vec<String>) -> Option<GivenName> {
    let name = cell(row, "name");
    let gender = cell(row, "gender");
    match (name, gender.map(|g| (g, Gender::parse(g)))) {
        (Some(name), Some((_, Some(_)))) if !term_fits("name", name, errors) => None,
        (Some(name), Some((_, Some(gender)))) => Some(GivenName {
            name: name.to_string(),
            gender,
        }),
        (None, _) => {
            errors.push("empty `name`".into());
            None
        }
        (_, None) => {
            errors.push("empty `gender`".into());
            None
        }
        (_, Some((g, None))) => {
            errors.push(format!(
                "gender `{g}`: expected `male`, `female` or `unisex`"
            ));
            None
        }
    }
}

fn title(row: &Row<'_, '_>, errors: &mut Vec<String>) -> Option<Title> {
    let Some(text) = cell(row, "title") else {
        errors.push("empty `title`".into());
        return None;
    };
    if !term_fits("title", text, errors) {
        return None;
    }
    let kind = match cell(row, "kind") {
        Some("office") => TitleKind::Office,
        Some("rank") => TitleKind::Rank,
        Some("honorific") => TitleKind::Honorific,
        other => {
            errors.push(format!(
                "kind `{}`: expected `office`, `rank` or `honorific`",
                other.unwrap_or("")
            ));
            return None;
        }
    };
    let role = cell(row, "role").map(str::to_string);
    if let Some(r) = &role {
        if !ROLE_NAMES.contains(&r.as_str()) {
            errors.push(format!(
                "unknown role `{r}` (known: {})",
                ROLE_NAMES.join(", ")
            ));
        }
    }
    let gender = match cell(row, "gender") {
        None => None,
        Some(g) => match Gender::parse(g) {
            Some(g) => Some(g),
            None => {
                errors.push(format!("gender `{g}`: expected `male`, `female` or empty"));
                None
            }
        },
    };
    Some(Title {
        title: text.to_string(),
        kind,
        role,
        gender,
    })
}

/// `ROLE@COUNTRY START..END`, the dates optional: `foreign_minister@JP 2012-12-26..2017-08-03`;
/// the country's text is kept with `keep`.
pub(crate) fn parse_role<'a>(s: &'a str, keep: Keep<'a>) -> Result<Role, String> {
    let bad = |why: &str| format!("role `{s}`: {why}; expected ROLE@COUNTRY START..END");
    let (role, rest) = s.split_once('@').ok_or_else(|| bad("no `@`"))?;
    let role = role.trim();
    let Some(&role) = ROLE_NAMES.iter().find(|&&r| r == role) else {
        return Err(bad(&format!(
            "unknown role `{role}` (known: {})",
            ROLE_NAMES.join(", ")
        )));
    };
    let mut parts = rest.split_whitespace();
    let of = parts.next().ok_or_else(|| bad("no country"))?;
    let (start, end) = match parts.next() {
        None => (None, None),
        Some(range) => {
            let (a, b) = range.split_once("..").ok_or_else(|| bad("no `..`"))?;
            (
                parse_date(a).map_err(|m| bad(&m))?,
                parse_date(b).map_err(|m| bad(&m))?,
            )
        }
    };
    if parts.next().is_some() {
        return Err(bad("text after the dates"));
    }
    if let (Some(a), Some(b)) = (start, end) {
        if a > b {
            return Err(bad("it ends before it starts"));
        }
    }
    Ok(Role {
        role,
        of: keep(of),
        start,
        end,
    })
}

fn parse_date(s: &str) -> Result<Option<jiff::civil::Date>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<jiff::civil::Date>()
        .map(Some)
        .map_err(|_| format!("`{s}` is not a valid YYYY-MM-DD date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a file gave: its entries, the rest, and its problems.
    struct Run {
        entries: Vec<Entry>,
        parsed: Parsed,
    }

    impl std::ops::Deref for Run {
        type Target = Parsed;
        fn deref(&self) -> &Parsed {
            &self.parsed
        }
    }

    fn parse_bytes(name: &str, bytes: &[u8]) -> (Run, Vec<Error>) {
        let kind = FileKind::from_file_name(name).unwrap();
        let mut errors = Vec::new();
        let mut entries = Collect::default();
        let parsed = parse_file(
            &Arc::from(name),
            kind,
            &Cow::Owned(bytes.to_vec()),
            &mut errors,
            &mut entries,
            &mut |_, _| {},
        );
        (
            Run {
                entries: entries.entries,
                parsed,
            },
            errors,
        )
    }

    fn run(name: &str, text: &str) -> (Run, Vec<Error>) {
        parse_bytes(name, text.as_bytes())
    }

    #[test]
    fn reads_entries_with_comments_bom_and_crlf() {
        let text = "\u{FEFF}# people\r\nid\tname\taliases\tgender\troles\r\n\r\n\
                    Q1\tAnna Petrova\tAnya Petrova\tfemale\tforeign_minister@RU 2001-01-01..\r\n";
        let (p, errors) = run("people.tsv", text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(p.entries.len(), 1);
        let e = &p.entries[0];
        assert_eq!(e.name, "Anna Petrova");
        assert_eq!(e.aliases, ["Anya Petrova"]);
        assert_eq!(e.gender, Some(Gender::Female));
        assert_eq!(e.roles[0].of, "RU");
        assert!(e.roles[0].end.is_none());
        assert_eq!(e.origin.line, 4);
    }

    #[test]
    fn reports_every_bad_line_with_its_number() {
        let text = "id\tname\taliases\n\
                    Q1\tGood\t\n\
                    Q2\tMissing a column\n\
                    Q3\t\t\n\
                    Q1\tDuplicate\t\n\
                    Q4\tEmpty alias\ta||b\n";
        let (p, errors) = run("institutions_x.tsv", text);
        assert_eq!(p.entries.len(), 1);
        let lines: Vec<_> = errors.iter().map(|e| e.line().unwrap()).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert!(errors[0].message().contains("2 columns"));
        assert!(errors[2].message().contains("already used on line 2"));
    }

    #[test]
    fn header_problems_are_errors() {
        let (_, errors) = run("places.tsv", "id\tnmae\n");
        let msgs: Vec<_> = errors.iter().map(|e| e.message().to_string()).collect();
        assert!(msgs[0].contains("unknown column `nmae`"), "{msgs:?}");
        assert!(msgs[1].contains("required column `name`"), "{msgs:?}");
        let (_, errors) = run("places.tsv", "# only a comment\n");
        assert!(errors[0].message().contains("no header"));
    }

    #[test]
    fn invalid_utf8_is_reported_on_its_line_and_the_rest_is_read() {
        let mut bytes = b"id\tname\nQ1\tGo\xFFod\nQ2\tFine\n".to_vec();
        bytes.extend_from_slice(b"Q3\tAlso fine\n");
        let (p, errors) = parse_bytes("places.tsv", &bytes);
        assert_eq!(p.entries.len(), 2);
        assert_eq!(errors[0].kind(), ErrorKind::InvalidUtf8);
        assert_eq!(errors[0].line(), Some(2));
    }

    #[test]
    fn overlong_alias_and_bad_values_are_errors() {
        let long = "x".repeat(10_000);
        let text = format!(
            "id\tname\taliases\tpopulation\tambiguous\nQ1\tA\t{long}\t\t\nQ2\tB\t\tmany\t\nQ3\tC\t\t\tD\n"
        );
        let (p, errors) = run("places.tsv", &text);
        assert!(p.entries.is_empty());
        assert_eq!(errors.len(), 3);
        assert!(errors[0].message().contains("10000 bytes"));
        assert!(errors[1].message().contains("not a whole number"));
        assert!(errors[2].message().contains("ambiguous `D`"));
    }

    #[test]
    fn overlong_terms_of_every_lexicon_kind_are_errors_at_their_line() {
        // A term is compiled into an automaton, at a cost in the square of its length: one
        // of 32,000 characters took seconds. The limit is MAX_TERM_LEN bytes.
        let long = "é".repeat(MAX_TERM_LEN / 2) + "x";
        let fits = "x".repeat(MAX_TERM_LEN);
        for (file, header, row) in [
            ("titles.tsv", "title\tkind", "{}\toffice"),
            ("speech_verbs.tsv", "term\tclass", "{}\tverb"),
            ("meeting_triggers.tsv", "term\tclass", "{}\tnoun"),
            ("function_words.tsv", "term\tclass", "{}\tdeterminer"),
            ("role_nouns.tsv", "term\tclass", "{}\tanonymous"),
            ("name_words.tsv", "word\tclass", "{}\torg_head"),
            ("words.tsv", "word\ttags", "{}\tnoun"),
            ("given_names.tsv", "name\tgender", "{}\tfemale"),
        ] {
            let text = format!(
                "{header}\n{}\n{}\n",
                row.replace("{}", &fits),
                row.replace("{}", &long)
            );
            let (_, errors) = run(file, &text);
            assert_eq!(errors.len(), 1, "{file}: {errors:?}");
            assert_eq!(errors[0].line(), Some(3), "{file}");
            assert!(
                errors[0]
                    .message()
                    .contains("257 bytes long; the limit is 256"),
                "{file}: {}",
                errors[0]
            );
            assert!(
                errors[0].to_string().contains(&format!("{file}:3")),
                "{}",
                errors[0]
            );
        }
        let (p, _) = run("titles.tsv", &format!("title\tkind\n{fits}\toffice\n"));
        assert_eq!(p.titles.len(), 1);
    }

    #[test]
    fn a_title_of_32000_characters_fails_the_build_at_once() {
        let dir = std::env::temp_dir().join(format!("gazette-longterm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (file, line) in [
            (
                "titles.tsv",
                format!("title\tkind\n{}\toffice\n", "a".repeat(32_000)),
            ),
            (
                "meeting_triggers.tsv",
                format!("term\tclass\n{}\tverb\n", "met ".repeat(8_000)),
            ),
        ] {
            let path = dir.join(file);
            std::fs::write(&path, line).unwrap();
            let t = std::time::Instant::now();
            let err = crate::Extractor::builder()
                .default_gazetteers(false)
                .gazetteer_file(&path)
                .build()
                .unwrap_err();
            assert!(
                t.elapsed() < std::time::Duration::from_secs(1),
                "{:?}",
                t.elapsed()
            );
            assert_eq!(err.line(), Some(2), "{err}");
            assert!(err.to_string().contains("the limit is 256"), "{err}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn cells_split_and_trim_as_the_standard_library_does() {
        for line in [
            "",
            "\t",
            "a\tb",
            " a \t\u{a0}b\u{2003}\t\tc\t",
            "\u{85}x|y |\u{3000}z",
            "é\tü|ï",
            "|",
        ] {
            let mine: Vec<&str> = split_at_byte(line, b'\t').map(trim).collect();
            let std: Vec<&str> = line.split('\t').map(str::trim).collect();
            assert_eq!(mine, std, "{line:?}");
            let mine: Vec<&str> = split_at_byte(line, b'|').map(trim).collect();
            let std: Vec<&str> = line.split('|').map(str::trim).collect();
            assert_eq!(mine, std, "{line:?}");
            let short: Vec<&str> = split_short(line, b'|').map(trim).collect();
            assert_eq!(short, std, "{line:?}");
        }
    }

    #[test]
    fn roles() {
        let r = parse_role("head_of_state@Q159 2000-05-07..2008-05-07", owned).unwrap();
        assert_eq!(r.role, "head_of_state");
        assert!(r.holds_on(jiff::civil::date(2004, 1, 1)));
        assert!(!r.holds_on(jiff::civil::date(2010, 1, 1)));
        assert!(parse_role("king@GB", owned)
            .unwrap_err()
            .contains("unknown role"));
        assert!(parse_role("foreign_minister@JP 2017-02-30..", owned).is_err());
        assert!(parse_role("foreign_minister@JP 2017-01-01..2016-01-01", owned).is_err());
        assert!(parse_role("foreign_minister JP", owned).is_err());
        assert!(parse_role("minister@JP", owned)
            .unwrap()
            .holds_on(jiff::civil::date(1900, 1, 1)));
    }

    #[test]
    fn file_kinds_from_names() {
        assert_eq!(
            FileKind::from_file_name("people_curated.tsv"),
            Some(FileKind::Entities(EntityKind::Person))
        );
        assert_eq!(
            FileKind::from_file_name("given_names.tsv"),
            Some(FileKind::GivenNames)
        );
        assert_eq!(FileKind::from_file_name("cities.tsv"), None);
        assert_eq!(FileKind::from_file_name("people.txt"), None);
    }
}
