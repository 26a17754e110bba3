//! The extractor: gazetteers compiled once, then applied to any number of documents.

use crate::document::Document;
use crate::error::Error;
use crate::gazetteer::{Additions, Gazetteer, GazetteerEntry, Location, Matcher};
use crate::hash::FastMap;
use crate::lexicon::Lexicons;
use crate::names::NameLexicon;
use crate::record::{Entity, Extraction, Mention};
use crate::resolve::SurnameIndex;
use crate::{mentions, names, relations, resolve, EntityKind, Span};
use std::path::PathBuf;
use std::sync::Arc;

/// Reads articles and returns their entities, meetings and quotes.
///
/// Building compiles the gazetteers into one matcher; after that an `Extractor` is cheap to
/// clone (an `Arc`), `Send + Sync`, and [`extract`](Extractor::extract) never fails.
///
/// Build one and share it (clone it into threads, keep it in a `static`): building takes
/// about 0.1 s in a release build and about a second in an unoptimised debug build, where
/// extraction is also ten times slower. In a debug build of your own crate, optimise gazette
/// with `[profile.dev.package.gazette] opt-level = 3` in your `Cargo.toml` (see the README).
///
/// ```
/// use gazette::{Document, EntityKind, Extractor};
///
/// let extractor = Extractor::new()?;
/// let doc = Document::parse(" date 2017-03-20 Japan and Russia held talks in Tokyo.");
/// let out = extractor.extract(&doc);
/// assert_eq!(out.date.as_deref(), Some("2017-03-20"));
/// let tokyo = out.entity(EntityKind::Place, "Tokyo").expect("Tokyo is in the default gazetteer");
/// assert_eq!(&doc.text()[tokyo.mentions[0].start..tokyo.mentions[0].end], "Tokyo");
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Gazetteer,
    matcher: Matcher,
    names: NameLexicon,
    lexicons: Lexicons,
    surnames: SurnameIndex,
}

impl Extractor {
    /// An extractor with the embedded default gazetteers.
    pub fn new() -> Result<Extractor, Error> {
        ExtractorBuilder::new().build()
    }

    /// A builder, to add gazetteer files, entries or aliases, or to leave out the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts entities, meetings and quotes from a document. Never fails, never panics.
    ///
    /// The extraction's [`doc`](Extraction::doc) is the document's [id](Document::id) and
    /// its [`date`](Extraction::date) the document's [date](Document::date).
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.run(doc, &mut |_| {})
    }

    /// The pipeline: each pass reads the layers before it and adds its own; `lap` is called
    /// with each pass's name as it ends.
    fn run(&self, doc: &Document, lap: &mut dyn FnMut(&'static str)) -> Extraction {
        let inner = &*self.inner;
        let gaz = &inner.gazetteer;
        let lex = &inner.lexicons;
        let mut found = mentions::find(gaz, &inner.matcher, lex, doc);
        lap("gazetteer");
        let mut names = names::find(&inner.names, gaz, lex, &inner.surnames, doc, &found);
        lap("names");
        // Resolution's first step reads the entry mentions and the names found by rule,
        // and frees them: a long document's later steps allocate in their room.
        let entry_mentions = std::mem::take(&mut found.mentions);
        let rule_names = std::mem::take(&mut names.names);
        let inputs = resolve::Inputs {
            gaz,
            names_lex: &inner.names,
            lex,
            surnames: &inner.surnames,
            doc,
            demonyms: &found.demonyms,
            names: &names,
        };
        let mut res = resolve::resolve(&inputs, entry_mentions, rule_names);
        lap("resolve");
        // Later passes read the resolution and the demonyms only: free the rest now, as
        // the output of a long document is built on top of what is alive here.
        drop(names);
        let demonyms = found.demonyms;
        let ctx = relations::Context {
            doc,
            gaz,
            lex,
            res: &res,
            demonyms: &demonyms,
        };
        let quotes = relations::quotes::find(&ctx);
        lap("quotes");
        let meetings = relations::meetings::find(&ctx, &quotes);
        lap("meetings");
        let mut out = Extraction {
            doc: doc.id().map(str::to_owned),
            date: doc.date().map(|d| d.to_string()),
            entities: Vec::new(),
            meetings,
            quotes,
        };
        let mentions = std::mem::take(&mut res.mentions);
        let positions = entities(gaz, &res, mentions, doc.text(), &mut out.entities);
        link(gaz, &res, positions, &mut out);
        out
    }

    /// Extracts many documents on all cores, returning the extractions in input order.
    ///
    /// Uses as many threads as [`std::thread::available_parallelism`] reports (at most one per
    /// document); each thread takes the next unclaimed document, so long and short articles
    /// balance out. With one core or one document it runs on the calling thread.
    ///
    /// ```
    /// use gazette::{Document, Extractor};
    /// let extractor = Extractor::new()?;
    /// let docs: Vec<Document> = ["Talks in Tokyo.", "A summit in Paris."]
    ///     .into_iter()
    ///     .map(Document::parse)
    ///     .collect();
    /// let out = extractor.extract_many(&docs);
    /// assert_eq!(out[0].entities[0].name, "Tokyo");
    /// assert_eq!(out[1].entities[0].name, "Paris");
    /// # Ok::<(), gazette::Error>(())
    /// ```
    pub fn extract_many(&self, docs: &[Document]) -> Vec<Extraction> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(docs.len());
        if threads <= 1 {
            return docs.iter().map(|d| self.extract(d)).collect();
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut results: Vec<(usize, Extraction)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(doc) = docs.get(i) else { break };
                            done.push((i, self.extract(doc)));
                        }
                        done
                    })
                })
                .collect();
            workers
                .into_iter()
                // A worker only panics if `extract` does, which it must not; re-raise it.
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        results.sort_unstable_by_key(|(i, _)| *i);
        results.into_iter().map(|(_, e)| e).collect()
    }

    /// Runs the pipeline once and returns how long each pass took, in pipeline order:
    /// `document` (parsing), `gazetteer`, `names`, `resolve`, `meetings`, `quotes`. For
    /// benchmarks; not part of the stable API.
    #[doc(hidden)]
    pub fn pass_timings(&self, text: &str) -> Vec<(&'static str, std::time::Duration)> {
        use std::time::Instant;
        let mut out = Vec::new();
        let t = Instant::now();
        let doc = Document::parse(text);
        out.push(("document", t.elapsed()));
        let mut last = Instant::now();
        self.run(&doc, &mut |pass| {
            out.push((pass, last.elapsed()));
            last = Instant::now();
        });
        out
    }

    /// The number of entries (people, places, institutions) in the gazetteers.
    pub fn gazetteer_len(&self) -> usize {
        self.inner.gazetteer.entries.len()
    }

    /// The number of distinct strings the gazetteer matcher looks for.
    pub fn pattern_count(&self) -> usize {
        self.inner.matcher.pattern_count()
    }
}

/// The resolution's entities as records, into `entities`: in order of first mention, each
/// with its mentions in text order. Returns the position of each resolution entity in
/// `entities` (`None` for one without mentions, which is not listed).
///
/// The resolution's `mentions` are read from the last, and their room is given back as
/// they are read: a long document's output is built in the room of what it is built from.
fn entities(
    gaz: &Gazetteer,
    res: &resolve::Resolution,
    mut mentions: Vec<resolve::DocMention>,
    text: &str,
    entities: &mut Vec<Entity>,
) -> Vec<Option<usize>> {
    let first = entities.len();
    let mut positions: Vec<Option<usize>> = vec![None; res.entities.len()];
    // Each entity's mention list is allocated once at its final size.
    let mut counts = vec![0usize; res.entities.len()];
    for m in &mentions {
        counts[m.entity] += 1;
    }
    for m in &mentions {
        positions[m.entity].get_or_insert_with(|| {
            let mut entity = record(gaz, &res.entities[m.entity]);
            entity.mentions.reserve_exact(counts[m.entity]);
            entities.push(entity);
            entities.len() - 1
        });
    }
    const CHUNK: usize = 1 << 16;
    while !mentions.is_empty() {
        let rest = mentions.len().saturating_sub(CHUNK);
        for m in mentions.drain(rest..).rev() {
            if let Some(i) = positions[m.entity] {
                entities[i].mentions.push(mention(text, m.span, m.via));
            }
        }
        mentions.shrink_to_fit();
    }
    for e in &mut entities[first..] {
        e.mentions.reverse();
    }
    positions
}

fn record(gaz: &Gazetteer, e: &resolve::DocEntity) -> Entity {
    Entity {
        kind: e.kind,
        name: e.name.clone(),
        id: e.entry.map(|i| gaz.entry(i).id.to_string()),
        mentions: Vec::new(),
    }
}

/// Ids on relations: the passes leave resolution indices in `participant_entities` and
/// `speaker_entity`; these become positions in `out.entities`, and the ids are filled from
/// the entities. The place, which the meetings pass gives by name, is the entity of that name
/// (a place first, then an institution standing for one). A resolution entity without
/// mentions (none is known to reach a relation) is added last, with no mentions, so that every
/// position points at an entity.
fn link(
    gaz: &Gazetteer,
    res: &resolve::Resolution,
    mut positions: Vec<Option<usize>>,
    out: &mut Extraction,
) {
    let entities = &mut out.entities;
    let mut position = |internal: usize| -> usize {
        *positions[internal].get_or_insert_with(|| {
            entities.push(record(gaz, &res.entities[internal]));
            entities.len() - 1
        })
    };
    for m in &mut out.meetings {
        for e in &mut m.participant_entities {
            *e = position(*e);
        }
    }
    for q in &mut out.quotes {
        q.speaker_entity = q.speaker_entity.map(&mut position);
    }
    let entities = &out.entities;
    // The first place and the first institution of each name (an index, not a scan of
    // every entity for every meeting: a long document has many of both).
    let mut first_named: FastMap<(EntityKind, &str), usize> = FastMap::default();
    if out
        .meetings
        .iter()
        .any(|m| m.place.is_some() || m.venue.is_some())
    {
        for (i, e) in entities.iter().enumerate() {
            if matches!(e.kind, EntityKind::Place | EntityKind::Institution) {
                first_named.entry((e.kind, e.name.as_str())).or_insert(i);
            }
        }
    }
    for m in &mut out.meetings {
        m.participant_ids = m
            .participant_entities
            .iter()
            .map(|&e| entities[e].id.clone())
            .collect();
        let named = |name: &str| {
            [EntityKind::Place, EntityKind::Institution]
                .into_iter()
                .find_map(|kind| first_named.get(&(kind, name)).copied())
        };
        m.place_entity = m.place.as_deref().and_then(named);
        m.venue_entity = m.venue.as_deref().and_then(named);
        m.place_id = m.place_entity.and_then(|e| entities[e].id.clone());
    }
    for q in &mut out.quotes {
        q.speaker_id = q.speaker_entity.and_then(|e| entities[e].id.clone());
    }
}

fn mention(text: &str, span: Span, via: crate::Via) -> Mention {
    Mention {
        start: span.start,
        end: span.end,
        text: text[span].to_string(),
        via,
    }
}

/// Configures an [`Extractor`]: which gazetteer files to load on top of (or instead of) the
/// embedded defaults, and entries and aliases to add in code.
///
/// Setters never fail; [`build`](ExtractorBuilder::build) reads and checks every file and
/// every entry and returns every problem at once, each naming its file and line (or, for
/// what was added in code, its id). Any problem fails the whole build: nothing is loaded
/// partially.
///
/// The load order, in which a later entry of an id replaces an earlier entry of the same
/// id and kind whole: the embedded defaults, then the files in the order the setters were
/// called, then the [entries](ExtractorBuilder::entry) added in code. Then the
/// [aliases](ExtractorBuilder::alias) are added to the entries of their ids.
///
/// ```no_run
/// let extractor = gazette::Extractor::builder()
///     .gazetteer_dir("my-gazetteers")        // every *.tsv in it, by file name
///     .gazetteer_file("extra/people_2024.tsv")
///     .build()?;
/// # Ok::<(), gazette::Error>(())
/// ```
///
/// The setters take and return the builder, so it can be kept in a variable and set
/// conditionally:
///
/// ```
/// use gazette::{Extractor, GazetteerEntry};
///
/// let user_dirs: Vec<std::path::PathBuf> = Vec::new();
/// let mut builder = Extractor::builder().alias("Q58217", "S. Lavrov");
/// for dir in &user_dirs {
///     builder = builder.gazetteer_dir(dir);
/// }
/// let extractor = builder.build()?;
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `build()` is called"]
pub struct ExtractorBuilder {
    defaults: bool,
    locations: Vec<Location>,
    added: Additions,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the embedded defaults and nothing else.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            defaults: true,
            locations: Vec::new(),
            added: Additions::default(),
        }
    }

    /// Whether to start from the embedded default gazetteers (default: true). With `false`,
    /// only the files and entries given to this builder are loaded.
    pub fn default_gazetteers(mut self, yes: bool) -> ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Loads every `*.tsv` file of a directory, in file-name order. Entries replace loaded
    /// entries of the same id; the kind of each file comes from its name (see
    /// `gazetteers/README.md`). A file ending in `.TSV` or another case of it is an error.
    pub fn gazetteer_dir(mut self, dir: impl Into<PathBuf>) -> ExtractorBuilder {
        self.locations.push(Location::Dir(dir.into()));
        self
    }

    /// Loads one gazetteer file (`people*.tsv`, `places*.tsv`, `institutions*.tsv`,
    /// `given_names*.tsv`, `titles*.tsv`, `name_words*.tsv`, `speech_verbs*.tsv` or
    /// `meeting_triggers*.tsv`).
    pub fn gazetteer_file(mut self, path: impl Into<PathBuf>) -> ExtractorBuilder {
        self.locations.push(Location::File(path.into()));
        self
    }

    /// Adds a person, place or institution, after every file. An entry whose id is already
    /// loaded replaces that entry whole, like a line of a file; to add only a name to a
    /// loaded entry, use [`alias`](ExtractorBuilder::alias).
    ///
    /// ```
    /// use gazette::{Document, EntityKind, Extractor, GazetteerEntry};
    ///
    /// let extractor = Extractor::builder()
    ///     .entry(GazetteerEntry::place("local:ruritania", "Ruritania").set("type", "country"))
    ///     .entry(GazetteerEntry::person("local:rudolf", "Rudolf Rassendyll").country("local:ruritania"))
    ///     .build()?;
    /// let out = extractor.extract(&Document::parse("Rudolf Rassendyll returned to Ruritania."));
    /// assert!(out.entity(EntityKind::Place, "Ruritania").is_some());
    /// assert!(out.entity(EntityKind::Person, "Rudolf Rassendyll").is_some());
    /// # Ok::<(), gazette::Error>(())
    /// ```
    pub fn entry(mut self, entry: GazetteerEntry) -> ExtractorBuilder {
        self.added.entries.push(entry);
        self
    }

    /// Adds an alias (another name matched in the text) to the entry of this id, whichever
    /// source loaded it: the defaults, a file or [`entry`](ExtractorBuilder::entry). The
    /// entry is otherwise kept as it is. An id no loaded entry has is an error.
    ///
    /// ```
    /// use gazette::{Document, EntityKind, Extractor};
    ///
    /// let extractor = Extractor::new()?;
    /// let tokyo = extractor.extract(&Document::parse("Talks in Tokyo."));
    /// let id = tokyo.entities[0].id.clone().unwrap();
    ///
    /// let extractor = Extractor::builder().alias(&id, "Edo").build()?;
    /// let out = extractor.extract(&Document::parse("Talks in Edo."));
    /// let place = out.entity(EntityKind::Place, "Tokyo").unwrap();
    /// assert_eq!(place.mentions[0].text, "Edo");
    /// # Ok::<(), gazette::Error>(())
    /// ```
    pub fn alias(mut self, id: impl Into<String>, alias: impl Into<String>) -> ExtractorBuilder {
        self.added.aliases.push((id.into(), alias.into()));
        self
    }

    /// Reads the gazetteers and compiles the extractor. Every unreadable file, every
    /// malformed line and every bad entry or alias added in code is reported, each with its
    /// file and line number or its id; any of them fails the build.
    pub fn build(&self) -> Result<Extractor, Error> {
        // The date patterns, which the first extraction would compile, are compiled on
        // another thread while the gazetteer is read (as is the map of word forms).
        let gazetteer = std::thread::scope(|scope| {
            let patterns = std::thread::Builder::new()
                .spawn_scoped(scope, relations::dates::compile_patterns)
                .ok();
            let gazetteer = Gazetteer::load_with(self.defaults, &self.locations, &self.added);
            patterns.map(join);
            gazetteer
        })?;
        let gaz = &gazetteer;
        // The matcher and the lexicons are independent: built side by side, on another
        // core when there is one. A thread that cannot be started leaves its work to this one.
        let (matcher, names, lexicons, surnames) = std::thread::scope(|scope| {
            let matcher = std::thread::Builder::new()
                .spawn_scoped(scope, || Matcher::build(gaz))
                .ok();
            let names = NameLexicon::build(gaz);
            let lexicons = Lexicons::build(gaz);
            let surnames = SurnameIndex::build(gaz);
            let matcher = matcher.map_or_else(|| Matcher::build(gaz), join);
            (matcher, names, lexicons, surnames)
        });
        let (matcher, names, lexicons) = (matcher?, names?, lexicons?);
        Ok(Extractor {
            inner: Arc::new(Inner {
                gazetteer,
                matcher,
                names,
                lexicons,
                surnames,
            }),
        })
    }
}

/// A scoped thread's result; its panic, if it panicked, goes on here.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_many_keeps_input_order() {
        let ex = Extractor::new().unwrap();
        let texts = ["Tokyo.", "Paris.", "", "Moscow and Lagos.", "Nothing here."];
        let docs: Vec<Document> = texts.iter().map(|t| Document::parse(*t)).collect();
        let many = ex.extract_many(&docs);
        let one: Vec<Extraction> = docs.iter().map(|d| ex.extract(d)).collect();
        assert_eq!(many, one);
        assert!(ex.extract_many(&[]).is_empty());
    }

    #[test]
    fn extractor_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Extractor>();
    }
}
