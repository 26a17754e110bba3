//! `extract --format csv --out DIR`: three CSV tables, `DIR/entities.csv` (one row per
//! mention), `DIR/meetings.csv` (one row per participant of each meeting) and
//! `DIR/quotes.csv` (one row per quote). No cell holds a list, so every table loads as it
//! is into a spreadsheet, pandas or SQL; the rows of one entity or one meeting share `doc`
//! and `entity` or `meeting`. The columns are documented in the README ("CSV tables").
//!
//! RFC 4180 as the `csv` crate writes it: UTF-8 without a byte-order mark, a header row,
//! commas, `\n` line ends, and a field in double quotes when it holds a comma, a quote (then
//! doubled) or a line break. A null value is an empty field. Offsets are UTF-8 byte offsets
//! into the article, as in the JSON.

use gazette::{Extraction, Quote};
use serde::Serialize;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// The file names, in the order the tables are written.
pub const FILES: [&str; 3] = ["entities.csv", "meetings.csv", "quotes.csv"];

/// `entities.csv`: one row per mention.
pub const ENTITY_COLUMNS: &[&str] = &[
    "doc", "doc_date", "entity", "kind", "name", "id", "mention", "start", "end", "text", "via",
];

/// `meetings.csv`: one row per participant of each meeting.
pub const MEETING_COLUMNS: &[&str] = &[
    "doc",
    "doc_date",
    "meeting",
    "status",
    "date",
    "place",
    "place_id",
    "place_entity",
    "venue",
    "venue_entity",
    "participant",
    "participant_name",
    "participant_id",
    "participant_entity",
    "evidence_start",
    "evidence_end",
    "evidence",
];

/// `quotes.csv`: one row per quote.
pub const QUOTE_COLUMNS: &[&str] = &[
    "doc",
    "doc_date",
    "quote",
    "speaker",
    "speaker_kind",
    "speaker_id",
    "speaker_entity",
    "sieve",
    "start",
    "end",
    "text",
    "cue_start",
    "cue_end",
    "cue",
];

/// A row of `entities.csv`, in the order of [`ENTITY_COLUMNS`].
#[derive(Debug, Serialize)]
pub struct EntityRow<'a> {
    pub doc: Option<&'a str>,
    pub doc_date: Option<&'a str>,
    /// The entity's position in the article's `entities`.
    pub entity: usize,
    pub kind: &'static str,
    pub name: &'a str,
    pub id: Option<&'a str>,
    /// The mention's position among the entity's mentions (0: its first mention).
    pub mention: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub via: &'static str,
}

/// A row of `meetings.csv`, in the order of [`MEETING_COLUMNS`].
#[derive(Debug, Serialize)]
pub struct MeetingRow<'a> {
    pub doc: Option<&'a str>,
    pub doc_date: Option<&'a str>,
    /// The meeting's position in the article's `meetings`.
    pub meeting: usize,
    pub status: &'static str,
    pub date: Option<&'a str>,
    pub place: Option<&'a str>,
    pub place_id: Option<&'a str>,
    pub place_entity: Option<usize>,
    pub venue: Option<&'a str>,
    pub venue_entity: Option<usize>,
    /// The participant's position among the meeting's participants.
    pub participant: usize,
    pub participant_name: &'a str,
    pub participant_id: Option<&'a str>,
    pub participant_entity: Option<usize>,
    pub evidence_start: usize,
    pub evidence_end: usize,
    pub evidence: &'a str,
}

/// A row of `quotes.csv`, in the order of [`QUOTE_COLUMNS`].
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    pub doc: Option<&'a str>,
    pub doc_date: Option<&'a str>,
    /// The quote's position in the article's `quotes`.
    pub quote: usize,
    pub speaker: Option<&'a str>,
    pub speaker_kind: Option<&'static str>,
    pub speaker_id: Option<&'a str>,
    pub speaker_entity: Option<usize>,
    pub sieve: Option<&'static str>,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub cue: Option<&'a str>,
}

/// The rows of one article's entities.
pub fn entity_rows(x: &Extraction) -> Vec<EntityRow<'_>> {
    let mut rows = Vec::new();
    for (i, e) in x.entities.iter().enumerate() {
        for (k, m) in e.mentions.iter().enumerate() {
            rows.push(EntityRow {
                doc: x.doc.as_deref(),
                doc_date: x.date.as_deref(),
                entity: i,
                kind: e.kind.as_str(),
                name: &e.name,
                id: e.id.as_deref(),
                mention: k,
                start: m.start,
                end: m.end,
                text: &m.text,
                via: m.via.as_str(),
            });
        }
    }
    rows
}

/// The rows of one article's meetings.
pub fn meeting_rows(x: &Extraction) -> Vec<MeetingRow<'_>> {
    let mut rows = Vec::new();
    for (i, m) in x.meetings.iter().enumerate() {
        for (k, name) in m.participants.iter().enumerate() {
            rows.push(MeetingRow {
                doc: x.doc.as_deref(),
                doc_date: x.date.as_deref(),
                meeting: i,
                status: m.status.as_str(),
                date: m.date.as_deref(),
                place: m.place.as_deref(),
                place_id: m.place_id.as_deref(),
                place_entity: m.place_entity,
                venue: m.venue.as_deref(),
                venue_entity: m.venue_entity,
                participant: k,
                participant_name: name,
                participant_id: m.participant_ids.get(k).and_then(|id| id.as_deref()),
                participant_entity: m.participant_entities.get(k).copied(),
                evidence_start: m.evidence.start,
                evidence_end: m.evidence.end,
                evidence: &m.evidence.text,
            });
        }
    }
    rows
}

/// The rows of one article's quotes.
pub fn quote_rows(x: &Extraction) -> Vec<QuoteRow<'_>> {
    x.quotes
        .iter()
        .enumerate()
        .map(|(i, q): (usize, &Quote)| QuoteRow {
            doc: x.doc.as_deref(),
            doc_date: x.date.as_deref(),
            quote: i,
            speaker: q.speaker.as_deref(),
            speaker_kind: q.speaker_kind.map(|k| k.as_str()),
            speaker_id: q.speaker_id.as_deref(),
            speaker_entity: q.speaker_entity,
            sieve: q.sieve.map(|s| s.as_str()),
            start: q.start,
            end: q.end,
            text: &q.text,
            cue_start: q.cue.as_ref().map(|c| c.start),
            cue_end: q.cue.as_ref().map(|c| c.end),
            cue: q.cue.as_ref().map(|c| c.text.as_str()),
        })
        .collect()
}

/// The three tables, open for writing.
pub struct Tables<W: io::Write> {
    entities: csv::Writer<W>,
    meetings: csv::Writer<W>,
    quotes: csv::Writer<W>,
    /// Rows written to each table, in the order of [`FILES`].
    pub rows: [usize; 3],
}

impl Tables<File> {
    /// Creates `dir` if needed and the three files in it (replacing files of those names).
    pub fn create(dir: &Path) -> Result<Tables<File>, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))?;
        let open = |name: &str| {
            let path = dir.join(name);
            File::create(&path).map_err(|e| format!("{}: cannot create: {e}", path.display()))
        };
        let [entities, meetings, quotes] = FILES;
        Ok(Tables::new(open(entities)?, open(meetings)?, open(quotes)?))
    }

    /// The paths of the three files in `dir`.
    pub fn paths(dir: &Path) -> [PathBuf; 3] {
        FILES.map(|f| dir.join(f))
    }
}

impl<W: io::Write> Tables<W> {
    /// The tables on three writers (files, or buffers in tests).
    pub fn new(entities: W, meetings: W, quotes: W) -> Tables<W> {
        // Headers are written by `begin`, so that a table with no row still has them.
        let writer = |w| csv::WriterBuilder::new().has_headers(false).from_writer(w);
        Tables {
            entities: writer(entities),
            meetings: writer(meetings),
            quotes: writer(quotes),
            rows: [0; 3],
        }
    }

    /// The header rows.
    pub fn begin(&mut self) -> io::Result<()> {
        self.entities.write_record(ENTITY_COLUMNS)?;
        self.meetings.write_record(MEETING_COLUMNS)?;
        self.quotes.write_record(QUOTE_COLUMNS)?;
        Ok(())
    }

    /// The rows of one article.
    pub fn record(&mut self, x: &Extraction) -> io::Result<()> {
        for row in entity_rows(x) {
            self.entities.serialize(row)?;
            self.rows[0] += 1;
        }
        for row in meeting_rows(x) {
            self.meetings.serialize(row)?;
            self.rows[1] += 1;
        }
        for row in quote_rows(x) {
            self.quotes.serialize(row)?;
            self.rows[2] += 1;
        }
        Ok(())
    }

    /// Writes out what is buffered.
    pub fn flush(&mut self) -> io::Result<()> {
        self.entities.flush()?;
        self.meetings.flush()?;
        self.quotes.flush()
    }

    /// Flushes and returns the three writers.
    pub fn into_inner(self) -> io::Result<[W; 3]> {
        let inner = |w: csv::Writer<W>| w.into_inner().map_err(|e| e.into_error());
        Ok([
            inner(self.entities)?,
            inner(self.meetings)?,
            inner(self.quotes)?,
        ])
    }
}
