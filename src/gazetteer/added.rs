//! Entries and aliases added in code, through [`ExtractorBuilder`](crate::ExtractorBuilder):
//! checked by the same rules as a line of a gazetteer file.

use super::entry::{EntityKind, Entry, Origin};
use super::parse::{self, FileKind, MAX_ALIAS_LEN};
use crate::error::{Error, ErrorKind};
use crate::hash::FastMap;
use std::sync::Arc;

/// A person, place or institution to add to the gazetteers in code, with
/// [`ExtractorBuilder::entry`](crate::ExtractorBuilder::entry).
///
/// It holds what one line of a `people*.tsv`, `places*.tsv` or `institutions*.tsv` file
/// holds, and [`build`](crate::ExtractorBuilder::build) checks it by the same rules; an
/// entry whose id is already loaded replaces that entry, as a file's line would. The
/// columns are described in `gazetteers/README.md`; [`alias`](GazetteerEntry::alias) and
/// [`country`](GazetteerEntry::country) set the common ones, [`set`](GazetteerEntry::set)
/// any other, written as in a file.
///
/// ```
/// use gazette::{Document, EntityKind, Extractor, GazetteerEntry};
///
/// let extractor = Extractor::builder()
///     .entry(
///         GazetteerEntry::person("local:amina", "Amina Okafor-Diallo")
///             .alias("A. Okafor-Diallo")
///             .country("NG")
///             .set("gender", "female")
///             .set("roles", "governor@NG 2023-05-29.."),
///     )
///     .build()?;
/// let out = extractor.extract(&Document::parse("A. Okafor-Diallo arrived in Lagos."));
/// let amina = out.entity(EntityKind::Person, "Amina Okafor-Diallo").unwrap();
/// assert_eq!(amina.id.as_deref(), Some("local:amina"));
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "an entry does nothing until given to `ExtractorBuilder::entry`"]
pub struct GazetteerEntry {
    kind: EntityKind,
    id: String,
    name: String,
    aliases: Vec<String>,
    /// Other columns, as `(column, cell)`, in the order set.
    cells: Vec<(String, String)>,
}

impl GazetteerEntry {
    /// An entry of this kind, id (unique across all kinds, no whitespace) and canonical
    /// name.
    pub fn new(kind: EntityKind, id: impl Into<String>, name: impl Into<String>) -> Self {
        GazetteerEntry {
            kind,
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            cells: Vec::new(),
        }
    }

    /// A person: `GazetteerEntry::new(EntityKind::Person, id, name)`.
    pub fn person(id: impl Into<String>, name: impl Into<String>) -> Self {
        GazetteerEntry::new(EntityKind::Person, id, name)
    }

    /// A place: `GazetteerEntry::new(EntityKind::Place, id, name)`.
    pub fn place(id: impl Into<String>, name: impl Into<String>) -> Self {
        GazetteerEntry::new(EntityKind::Place, id, name)
    }

    /// An institution: `GazetteerEntry::new(EntityKind::Institution, id, name)`.
    pub fn institution(id: impl Into<String>, name: impl Into<String>) -> Self {
        GazetteerEntry::new(EntityKind::Institution, id, name)
    }

    /// Adds another name matched in the text ("Sergei Lavrov" for "Sergey Lavrov"). Call
    /// it once per alias.
    pub fn alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// The country the entry belongs to: a place id or one of a place's codes (`JP`,
    /// `JPN`, `Q17`).
    pub fn country(self, country: impl Into<String>) -> Self {
        self.set("country", country)
    }

    /// Sets any other column of the entry's kind, written as in a file: `gender`, `roles`
    /// (`foreign_minister@JP 2012-12-26..2017-08-03`), `type`, `codes`, `demonyms`,
    /// `population`, `acronyms`, `ambiguous`; several values are separated by `|`. A second
    /// value for the same column replaces the first. An unknown column is reported by
    /// `build()`.
    pub fn set(mut self, column: impl Into<String>, value: impl Into<String>) -> Self {
        let column = column.into();
        let value = value.into();
        match self.cells.iter_mut().find(|(c, _)| *c == column) {
            Some(cell) => cell.1 = value,
            None => self.cells.push((column, value)),
        }
        self
    }

    /// The kind of entity.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// The id.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// What the builder was given in code.
#[derive(Clone, Debug, Default)]
pub(crate) struct Additions {
    pub(crate) entries: Vec<GazetteerEntry>,
    /// `(id, alias)`: an alias for an entry loaded from any source.
    pub(crate) aliases: Vec<(String, String)>,
}

/// The label of an entry added in code, in messages; its [`Origin`] has line 0.
pub(crate) fn label(id: &str) -> String {
    format!("entry `{id}` added in code")
}

/// Turns an entry added in code into a gazetteer entry, checked like a file's line, and
/// whether it is free of problems (one with problems is still worth checking for its
/// references). Problems go to `errors`.
pub(crate) fn to_entry(added: &GazetteerEntry, errors: &mut Vec<Error>) -> Option<(Entry, bool)> {
    let label = label(&added.id);
    let mut problems = Vec::new();
    let known = FileKind::Entities(added.kind).columns();
    // `set("aliases", ..)` and `alias(..)` add up.
    let set_aliases = added.cells.iter().find(|(c, _)| c == "aliases");
    let all_aliases = set_aliases
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
        .into_iter()
        .chain(added.aliases.iter().map(String::as_str))
        .collect::<Vec<&str>>()
        .join("|");
    let mut row: FastMap<&str, &str> = FastMap::default();
    row.insert("id", added.id.trim());
    row.insert("name", added.name.trim());
    for alias in &added.aliases {
        if alias.contains('|') {
            problems.push(format!(
                "alias `{alias}` holds `|`, which separates values; add each alias on its own"
            ));
        }
    }
    row.insert("aliases", &all_aliases);
    for (column, value) in &added.cells {
        match known.iter().find(|k| **k == column.as_str()) {
            Some(&"id") | Some(&"name") => problems.push(format!(
                "column `{column}` is given to GazetteerEntry::new, not set"
            )),
            Some(&"aliases") => {}
            Some(k) => {
                row.insert(k, value.trim());
            }
            None => problems.push(format!(
                "unknown column `{column}`; a {}'s columns are: {}",
                added.kind,
                known.join(", ")
            )),
        }
    }
    for (column, value) in &row {
        if value.contains(['\t', '\n', '\r']) {
            problems.push(format!(
                "column `{column}` holds a tab or a line break, which no gazetteer cell can"
            ));
        }
    }
    let origin = Origin {
        file: Arc::from(label.as_str()),
        line: 0,
    };
    let (columns, cells): (Vec<&'static str>, Vec<&str>) = known
        .iter()
        .filter_map(|k| row.get(k).map(|v| (*k, *v)))
        .unzip();
    let row = parse::Row {
        columns: &columns,
        cells: &cells,
        keep: parse::owned,
    };
    let entry = parse::entry(added.kind, &row, origin, &mut problems);
    let ok = problems.is_empty();
    errors.extend(
        problems
            .into_iter()
            .map(|m| Error::new(ErrorKind::Parse, format!("{label}: {m}"))),
    );
    entry.map(|e| (e, ok))
}

/// Checks an alias added in code for an entry by id; the message for a bad one.
pub(crate) fn check_alias(id: &str, alias: &str) -> Result<(), String> {
    let why = if alias.trim().is_empty() {
        "is empty"
    } else if alias.trim().len() > MAX_ALIAS_LEN {
        "is longer than the limit of 256 bytes"
    } else if alias.contains(['\t', '\n', '\r']) {
        "holds a tab or a line break"
    } else if alias.contains('|') {
        "holds `|`, which separates values"
    } else {
        return Ok(());
    };
    Err(format!("alias `{alias}` added in code for `{id}` {why}"))
}
