//! Extracts the entities, meetings and quotes of news articles and prints one JSON object per
//! article (JSON Lines), in input order; or, with `--format`, one PLOVER event per meeting
//! ([`plover`]) or three CSV tables ([`tables`]).
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] INPUT...
//! ```
//!
//! `extract --help` describes the inputs, options, output and exit status (the text is
//! [`HELP`] below). In short: every input is accounted for, either by a record on standard
//! output or by a line on standard error naming it, and the exit status is 1 when any input
//! failed. Records are written as soon as they and the ones before them are done, so a
//! later input that blocks or fails loses nothing already read.
//!
//! The run is a pipeline: this thread lists the inputs and reads them in order, `--jobs`
//! threads extract, and one thread writes the records in input order. Output formats live in
//! [`OutputFormat`] and [`Sink`], so another one is one variant and one `match` arm away.

mod plover;
mod tables;

use gazette::{Date, Document, Extraction, Extractor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

const HELP: &str = "\
extract: finds the people, places and institutions in news articles, who met whom and who
said what, and prints one JSON object per article (JSON Lines) on standard output; or
PLOVER events, or CSV tables (--format).

Usage: extract [OPTIONS] INPUT...

Inputs:
  FILE      an article: UTF-8 text, which may start with a date header (` date 2017-03-20 `)
  FOLDER    the files in it, in name order (and in its folders, with --recursive)
  -         standard input
  An argument after `--` is an input even if it starts with `-`.

Options:
  -j, --jobs N          extract on N threads (default: one per core; 1 for one thread)
  -r, --recursive       also read the folders inside FOLDERs
      --input FORMAT    text (default): each file is one article;
                        jsonl: each line of each input is an article, a JSON object
                        {\"id\": \"...\", \"text\": \"...\", \"date\": \"YYYY-MM-DD\"} (date optional)
  -g, --gazetteer PATH  load a gazetteer file (people*.tsv, places*.tsv, ...) or a folder's
                        *.tsv files on top of the defaults; may be repeated
      --format FORMAT   jsonl (default): one JSON object per article;
                        plover: one PLOVER event (JSON) per meeting;
                        csv: three tables, entities.csv, meetings.csv and quotes.csv,
                        written to the folder given by --out
  -o, --out FOLDER      the folder for --format csv (created if needed; the three
                        files in it are replaced)
      --pretty          indent the JSON (jsonl and plover)
      --no-progress     no progress bar (one is drawn on standard error when it is a
                        terminal and there are 10 or more files, or jsonl input)
      --stats           print the gazetteer's size and load time to standard error
  -h, --help            print this help and exit
  -V, --version         print the version and exit

Output: one object per article (plover: per meeting; csv: rows), in input order, each
written as soon as it and those before it are done. Its `doc` is the file's name (its path
inside a FOLDER), the `id` of a jsonl line, or `-` for standard input. The README
documents every field of every format.

Errors: an input that gives no record gets a line on standard error naming it, and the
others are still read: a file that cannot be read or is not UTF-8, a broken symbolic link
or a link loop, a bad jsonl line, and FIFOs, sockets and devices (never opened: only
regular files and standard input are read). A folder inside a FOLDER without --recursive
is skipped with a note.

Exit status: 0 when every input gave its records, 1 when any failed (or the gazetteer
did not load), 2 for a usage error.
";

/// Text-mode runs of this many files or more get a progress bar (on a terminal).
const MANY_FILES: usize = 10;

/// How the articles come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormat {
    /// Each file (or standard input) is one article.
    Text,
    /// Each non-empty line is a JSON object `{id, text, date?}`.
    JsonLines,
}

/// How the records go out. A new format is a variant here, a value of the option that
/// chooses it, and an arm in each method of [`Sink`].
#[derive(Clone, Debug, PartialEq, Eq)]
enum OutputFormat {
    /// One JSON object per line: the contract of `gazette::Extraction`.
    JsonLines,
    /// The same objects, indented.
    PrettyJson,
    /// One PLOVER event per meeting, one per line or indented.
    Plover { pretty: bool },
    /// Three CSV tables in this folder.
    Csv(PathBuf),
}

/// Where the records go: standard output, or the CSV tables.
enum Sink {
    Stdout(OutputFormat, io::BufWriter<io::Stdout>),
    Tables(PathBuf, Box<tables::Tables<fs::File>>),
}

impl Sink {
    /// Opens the output: for CSV, creates the folder and the files, so that a folder that
    /// cannot be written stops the run before anything is read.
    fn open(format: &OutputFormat) -> Result<Sink, String> {
        match format {
            OutputFormat::Csv(dir) => Ok(Sink::Tables(
                dir.clone(),
                Box::new(tables::Tables::create(dir)?),
            )),
            other => Ok(Sink::Stdout(
                other.clone(),
                io::BufWriter::new(io::stdout()),
            )),
        }
    }

    /// Written once before the first record: the CSV headers.
    fn begin(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(..) => Ok(()),
            Sink::Tables(_, t) => t.begin(),
        }
    }

    /// One article's records.
    fn record(&mut self, extraction: &Extraction) -> io::Result<()> {
        let (format, out) = match self {
            Sink::Tables(_, t) => return t.record(extraction),
            Sink::Stdout(format, out) => (format, out),
        };
        match format {
            OutputFormat::JsonLines => serde_json::to_writer(&mut *out, extraction)?,
            OutputFormat::PrettyJson => serde_json::to_writer_pretty(&mut *out, extraction)?,
            OutputFormat::Plover { pretty } => {
                for event in plover::events(extraction) {
                    if *pretty {
                        serde_json::to_writer_pretty(&mut *out, &event)?;
                    } else {
                        serde_json::to_writer(&mut *out, &event)?;
                    }
                    out.write_all(b"\n")?;
                }
                return Ok(());
            }
            OutputFormat::Csv(_) => return Ok(()), // written by `Sink::Tables`
        }
        out.write_all(b"\n")
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(_, out) => out.flush(),
            Sink::Tables(_, t) => t.flush(),
        }
    }

    /// Written once after the last record: for CSV, the paths and row counts, on standard
    /// output (which has nothing else to say then).
    fn end(self) -> io::Result<()> {
        match self {
            Sink::Stdout(_, mut out) => out.flush(),
            Sink::Tables(dir, t) => {
                let rows = t.rows;
                t.into_inner()?;
                let mut out = io::stdout().lock();
                for (path, n) in tables::Tables::paths(&dir).iter().zip(rows) {
                    let s = if n == 1 { "" } else { "s" };
                    writeln!(out, "wrote {} ({n} row{s})", path.display())?;
                }
                out.flush()
            }
        }
    }
}

struct Args {
    jobs: usize,
    recursive: bool,
    input: InputFormat,
    output: OutputFormat,
    progress: bool,
    stats: bool,
    gazetteers: Vec<PathBuf>,
    inputs: Vec<OsString>,
}

enum Command {
    Run(Args),
    Help,
    Version,
}

fn parse_args(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        recursive: false,
        input: InputFormat::Text,
        output: OutputFormat::JsonLines,
        progress: true,
        stats: false,
        gazetteers: Vec::new(),
        inputs: Vec::new(),
    };
    let (mut format, mut out, mut pretty) = ("jsonl".to_string(), None, false);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Short('j') | Long("jobs") => {
                let n: usize = parser.value()?.parse()?;
                if n == 0 {
                    return Err("--jobs needs at least 1 thread".into());
                }
                args.jobs = n;
            }
            Short('r') | Long("recursive") => args.recursive = true,
            Long("input") => {
                args.input = match parser.value()?.string()?.as_str() {
                    "text" => InputFormat::Text,
                    "jsonl" => InputFormat::JsonLines,
                    other => {
                        return Err(format!("--input takes `text` or `jsonl`, not `{other}`").into())
                    }
                }
            }
            Short('g') | Long("gazetteer") => args.gazetteers.push(parser.value()?.into()),
            Long("format") => {
                format = match parser.value()?.string()?.as_str() {
                    f @ ("jsonl" | "plover" | "csv") => f.to_string(),
                    other => {
                        return Err(format!(
                            "--format takes `jsonl`, `plover` or `csv`, not `{other}`"
                        )
                        .into())
                    }
                }
            }
            Short('o') | Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Long("pretty") => pretty = true,
            Long("no-progress") => args.progress = false,
            Long("stats") => args.stats = true,
            // All cores are the default now; kept so that older scripts still run.
            Long("parallel") => {}
            Value(input) => args.inputs.push(input),
            _ => return Err(arg.unexpected()),
        }
    }
    if args.inputs.is_empty() {
        return Err("no input given: name files or folders, or - for standard input".into());
    }
    args.output = match (format.as_str(), out, pretty) {
        ("csv", None, _) => return Err("--format csv needs --out FOLDER".into()),
        ("csv", _, true) => return Err("--pretty is for JSON, not --format csv".into()),
        ("csv", Some(dir), false) => OutputFormat::Csv(dir),
        (_, Some(_), _) => {
            return Err("--out is for --format csv; the other formats go to standard output".into())
        }
        ("plover", None, pretty) => OutputFormat::Plover { pretty },
        (_, None, true) => OutputFormat::PrettyJson,
        (_, None, false) => OutputFormat::JsonLines,
    };
    Ok(Command::Run(args))
}

/// One input, in order: something to read, or a message about an input that has nothing
/// to read.
enum Source {
    File {
        path: PathBuf,
        name: String,
    },
    Stdin,
    /// An input that gives no record: the run fails.
    Error(String),
    /// Something skipped on purpose.
    Note(String),
}

/// Lists what the inputs stand for, in order, without opening any file.
fn plan(inputs: &[OsString], recursive: bool) -> Vec<Source> {
    let mut out = Vec::new();
    let mut stdin_seen = false;
    for input in inputs {
        if input == "-" {
            if stdin_seen {
                out.push(Source::Error(
                    "-: standard input is given twice; it is read once".into(),
                ));
            } else {
                stdin_seen = true;
                out.push(Source::Stdin);
            }
            continue;
        }
        let path = PathBuf::from(input);
        match fs::metadata(&path) {
            Err(e) => out.push(Source::Error(unreachable_path(&path, &e))),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                let mut skipped = 0;
                let mut visited = HashSet::new();
                let mut walk = Walk {
                    recursive,
                    out: &mut out,
                    skipped: &mut skipped,
                    visited: &mut visited,
                };
                walk.dir(&path, Path::new(""));
                let gave = out[before..].iter().any(|s| !matches!(s, Source::Note(_)));
                if !gave {
                    let hint = match skipped {
                        0 => String::new(),
                        1 => " (1 folder in it skipped: give --recursive to read it)".into(),
                        n => format!(" ({n} folders in it skipped: give --recursive to read them)"),
                    };
                    out.push(Source::Error(format!(
                        "{}: the folder holds no files to read{hint}",
                        path.display()
                    )));
                }
            }
            Ok(m) if m.is_file() => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                out.push(Source::File { path, name });
            }
            Ok(m) => out.push(Source::Error(special(&path, &m.file_type()))),
        }
    }
    out
}

/// Walks a folder given as an input.
struct Walk<'a> {
    recursive: bool,
    out: &'a mut Vec<Source>,
    skipped: &'a mut usize,
    visited: &'a mut HashSet<PathBuf>,
}

impl Walk<'_> {
    /// Adds the files of `dir`, whose path inside the input folder is `prefix`, in name order.
    fn dir(&mut self, dir: &Path, prefix: &Path) {
        // A folder reached twice (a link to a folder above it) is read once.
        if let Ok(real) = fs::canonicalize(dir) {
            if !self.visited.insert(real) {
                self.out.push(Source::Note(format!(
                    "{}: folder already read (through a symbolic link); skipped",
                    dir.display()
                )));
                return;
            }
        }
        let listing = match fs::read_dir(dir) {
            Ok(l) => l,
            Err(e) => {
                self.out.push(Source::Error(format!(
                    "{}: cannot list the folder: {e}",
                    dir.display()
                )));
                return;
            }
        };
        let mut entries = Vec::new();
        for entry in listing {
            match entry {
                Ok(d) => entries.push(d),
                Err(e) => self.out.push(Source::Error(format!(
                    "{}: cannot list the folder: {e}",
                    dir.display()
                ))),
            }
        }
        entries.sort_by_key(|d| d.file_name());
        for entry in entries {
            let path = entry.path();
            let name = prefix.join(entry.file_name());
            // Follow symbolic links; report broken ones and loops.
            let file_type = match fs::metadata(&path) {
                Ok(m) => m.file_type(),
                Err(e) => {
                    self.out.push(Source::Error(unreachable_path(&path, &e)));
                    continue;
                }
            };
            if file_type.is_dir() {
                if self.recursive {
                    self.dir(&path, &name);
                } else {
                    *self.skipped += 1;
                    self.out.push(Source::Note(format!(
                        "{}: a folder; skipped (give --recursive to read folders in folders)",
                        path.display()
                    )));
                }
            } else if file_type.is_file() {
                self.out.push(Source::File {
                    path,
                    name: name.to_string_lossy().into_owned(),
                });
            } else {
                self.out.push(Source::Error(special(&path, &file_type)));
            }
        }
    }
}

/// Why a path cannot be reached: missing, a broken symbolic link, a link loop.
fn unreachable_path(path: &Path, error: &io::Error) -> String {
    let shown = path.display();
    match fs::read_link(path) {
        Ok(target) if error.kind() == io::ErrorKind::NotFound => format!(
            "{shown}: broken symbolic link (to {}, which does not exist)",
            target.display()
        ),
        Ok(_) => format!("{shown}: cannot follow the symbolic link: {error}"),
        Err(_) if error.kind() == io::ErrorKind::NotFound => {
            format!("{shown}: no such file or folder")
        }
        Err(_) => format!("{shown}: {error}"),
    }
}

/// The refusal for a special file, which is never opened.
fn special(path: &Path, file_type: &fs::FileType) -> String {
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            "a FIFO (named pipe)"
        } else if file_type.is_socket() {
            "a socket"
        } else if file_type.is_char_device() {
            "a character device"
        } else if file_type.is_block_device() {
            "a block device"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let what = {
        let _ = file_type;
        "not a regular file"
    };
    format!(
        "{}: {what}; not read (only regular files and - are read)",
        path.display()
    )
}

/// What the writer receives, by sequence number.
enum Item {
    Record(Box<Extraction>),
    Error(String),
    Note(String),
}

/// How far the writer has got, so that the reader stays at most a window ahead of it.
struct Progress {
    written: Mutex<usize>,
    advanced: Condvar,
    /// Set when output failed: everyone stops.
    stop: AtomicBool,
}

impl Progress {
    /// Waits until item `seq` may be read; false when the run is stopping.
    fn wait_for_room(&self, seq: usize, window: usize) -> bool {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        while seq >= *written + window && !self.stop.load(Ordering::Relaxed) {
            written = self
                .advanced
                .wait(written)
                .unwrap_or_else(|e| e.into_inner());
        }
        !self.stop.load(Ordering::Relaxed)
    }

    fn set_written(&self, n: usize) {
        *self.written.lock().unwrap_or_else(|e| e.into_inner()) = n;
        self.advanced.notify_all();
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        self.advanced.notify_all();
    }
}

/// Reads the sources in order and hands out documents and messages, each with its
/// sequence number. Returns when everything is read or the run stops.
struct Reader<'a> {
    input: InputFormat,
    window: usize,
    progress: &'a Progress,
    work: mpsc::SyncSender<(usize, Document)>,
    items: mpsc::Sender<(usize, Item)>,
    seq: usize,
}

impl Reader<'_> {
    fn run(&mut self, sources: Vec<Source>) {
        for source in sources {
            let going = match source {
                Source::Error(m) => self.item(Item::Error(m)),
                Source::Note(m) => self.item(Item::Note(m)),
                Source::Stdin => self.read("-", io::stdin().lock()),
                Source::File { path, name } => match fs::File::open(&path) {
                    Ok(f) => self.read(&name, io::BufReader::new(f)),
                    Err(e) => self.item(Item::Error(format!("{}: {e}", path.display()))),
                },
            };
            if !going {
                return;
            }
        }
    }

    /// Reads one file or standard input, named `name`.
    fn read(&mut self, name: &str, mut reader: impl BufRead) -> bool {
        match self.input {
            InputFormat::Text => {
                let mut bytes = Vec::new();
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    return self.item(Item::Error(format!("{name}: cannot read: {e}")));
                }
                match String::from_utf8(bytes) {
                    Ok(text) => self.document(Document::builder(text).id(name).build()),
                    Err(e) => self.item(Item::Error(format!(
                        "{name}: not UTF-8 (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ))),
                }
            }
            InputFormat::JsonLines => {
                let mut line = Vec::new();
                for line_no in 1.. {
                    line.clear();
                    match reader.read_until(b'\n', &mut line) {
                        Ok(0) => return true,
                        Ok(_) => {}
                        Err(e) => {
                            return self
                                .item(Item::Error(format!("{name}:{line_no}: cannot read: {e}")))
                        }
                    }
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let going = match jsonl_document(&line) {
                        Ok(doc) => self.document(doc),
                        Err(m) => self.item(Item::Error(format!("{name}:{line_no}: {m}"))),
                    };
                    if !going {
                        return false;
                    }
                }
                true
            }
        }
    }

    fn next_seq(&mut self) -> Option<usize> {
        let seq = self.seq;
        self.seq += 1;
        self.progress.wait_for_room(seq, self.window).then_some(seq)
    }

    fn document(&mut self, doc: Document) -> bool {
        match self.next_seq() {
            Some(seq) => self.work.send((seq, doc)).is_ok(),
            None => false,
        }
    }

    fn item(&mut self, item: Item) -> bool {
        match self.next_seq() {
            Some(seq) => self.items.send((seq, item)).is_ok(),
            None => false,
        }
    }
}

/// One line of JSON Lines input: `{"id": ..., "text": ..., "date": ...}`; other fields are
/// ignored.
#[derive(serde::Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

fn jsonl_document(line: &[u8]) -> Result<Document, String> {
    let article: JsonArticle = serde_json::from_slice(line).map_err(|e| {
        let message = e.to_string();
        let place = format!(" at line {} column {}", e.line(), e.column());
        let what = message.strip_suffix(&place).unwrap_or(&message);
        if e.is_data() {
            format!("{what}; expected {{\"id\", \"text\", \"date\"}}")
        } else {
            format!("not a JSON object ({what}, at column {})", e.column())
        }
    })?;
    let id = match article.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err("`id` must be a string or a number".into()),
    };
    let mut builder = Document::builder(article.text).id(id);
    if let Some(date) = article.date {
        let date: Date = date.parse().map_err(|e| format!("`date`: {e}"))?;
        builder = builder.date(date);
    }
    Ok(builder.build())
}

/// Writes the items in sequence order as they arrive. Returns whether every input gave its
/// records, or the output error.
fn write_in_order(
    items: mpsc::Receiver<(usize, Item)>,
    mut out: Sink,
    progress: &Progress,
    bar: &ProgressBar,
) -> Result<bool, io::Error> {
    let mut pending: BTreeMap<usize, Item> = BTreeMap::new();
    let mut next = 0;
    let mut all_ok = true;
    out.begin()?;
    for (seq, item) in items {
        pending.insert(seq, item);
        let before = next;
        while let Some(item) = pending.remove(&next) {
            next += 1;
            match item {
                Item::Record(extraction) => {
                    out.record(&extraction)?;
                    bar.inc(1);
                }
                Item::Error(message) => {
                    all_ok = false;
                    bar.suspend(|| eprintln!("extract: {message}"));
                    bar.inc(1);
                }
                Item::Note(message) => bar.suspend(|| eprintln!("extract: note: {message}")),
            }
        }
        if next > before {
            // Each record is out as soon as it and the ones before it are done.
            out.flush()?;
            progress.set_written(next);
        }
    }
    out.end()?;
    Ok(all_ok)
}

/// Builds the extractor, reads every input, and writes the records. `Ok(false)` when some
/// input failed.
fn run(args: Args) -> Result<bool, String> {
    let mut builder = Extractor::builder();
    for path in &args.gazetteers {
        builder = if path.is_dir() {
            builder.gazetteer_dir(path)
        } else {
            builder.gazetteer_file(path)
        };
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

    let sink = Sink::open(&args.output)?;
    let sources = plan(&args.inputs, args.recursive);
    let bar = progress_bar(&args, &sources);
    let progress = Progress {
        written: Mutex::new(0),
        advanced: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let window = 4 * args.jobs + 16;
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Document)>(2 * args.jobs);
    let work_rx = Mutex::new(work_rx);
    let (items_tx, items_rx) = mpsc::channel::<(usize, Item)>();

    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let result = write_in_order(items_rx, sink, &progress, &bar);
            if result.is_err() {
                progress.stop();
            }
            result
        });
        for _ in 0..args.jobs {
            let items = items_tx.clone();
            let (work_rx, extractor) = (&work_rx, &extractor);
            scope.spawn(move || loop {
                let next = work_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, doc)) = next else { break };
                let extraction = Box::new(extractor.extract(&doc));
                if items.send((seq, Item::Record(extraction))).is_err() {
                    break;
                }
            });
        }
        let mut reader = Reader {
            input: args.input,
            window,
            progress: &progress,
            work: work_tx,
            items: items_tx,
            seq: 0,
        };
        reader.run(sources);
        drop(reader); // closes the channels: the workers and then the writer finish
        writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    bar.finish_and_clear();
    // The process ends next, and the system takes its memory back at once: freeing the
    // gazetteer (tens of thousands of entries and strings, one by one) would only add a
    // tenth to the run of a short input.
    std::mem::forget(extractor);
    match written {
        Ok(all_ok) => Ok(all_ok),
        // Output closed early (`extract ... | head`): stop quietly, as other tools do.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// A progress bar on standard error when it is a terminal and the run is long enough to
/// want one; hidden otherwise.
fn progress_bar(args: &Args, sources: &[Source]) -> ProgressBar {
    let counted = sources
        .iter()
        .filter(|s| !matches!(s, Source::Note(_)))
        .count();
    let wanted = args.progress
        && io::stderr().is_terminal()
        && (args.input == InputFormat::JsonLines || counted >= MANY_FILES);
    if !wanted {
        return ProgressBar::hidden();
    }
    let (bar, template) = match args.input {
        InputFormat::Text => (
            ProgressBar::new(counted as u64),
            "{wide_bar} {pos}/{len} files, {elapsed} elapsed, {eta} left",
        ),
        InputFormat::JsonLines => (
            ProgressBar::new_spinner(),
            "{spinner} {pos} articles in {elapsed}",
        ),
    };
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.with_style(style)
}

fn main() -> ExitCode {
    let command = match parse_args(lexopt::Parser::from_env()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("extract: {e}\nTry `extract --help` for the options.");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("extract (gazette {})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Run(args) => match run(args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("extract: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
