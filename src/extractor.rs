//! The extractor: gazetteers compiled once, then applied to any number of documents.

use crate::document::Document;
use crate::error::Error;
use crate::gazetteer::{Gazetteer, Location, Matcher};
use crate::names::NameLexicon;
use crate::record::{Entity, Extraction, Mention};
use crate::resolve::SurnameIndex;
use crate::{mentions, names, relations, resolve, Span};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Reads articles and returns their entities, meetings and quotes.
///
/// Building compiles the gazetteers into one automaton; after that an `Extractor` is cheap to
/// clone (an `Arc`), `Send + Sync`, and [`extract`](Extractor::extract) never fails.
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
    lexicon: NameLexicon,
    surnames: SurnameIndex,
    meetings: relations::meetings::MeetingLexicon,
}

impl Extractor {
    /// An extractor with the embedded default gazetteers.
    pub fn new() -> Result<Extractor, Error> {
        ExtractorBuilder::new().build()
    }

    /// A builder, to add gazetteer files or leave out the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts entities, meetings and quotes from a document. Never fails, never panics.
    ///
    /// The extraction's [`doc`](Extraction::doc) is the document's [id](Document::id) and
    /// its [`date`](Extraction::date) the document's [date](Document::date).
    pub fn extract(&self, doc: &Document) -> Extraction {
        let inner = &*self.inner;
        let gaz = &inner.gazetteer;
        let found = mentions::find(gaz, &inner.matcher, doc);
        let names = names::find(&inner.lexicon, gaz, doc, &found);
        let res = resolve::resolve(gaz, &inner.lexicon, &inner.surnames, doc, &found, &names);
        let text = doc.text();

        // Entities in order of first mention, each with its mentions in text order.
        let mut order: HashMap<usize, usize> = HashMap::new();
        let mut entities: Vec<Entity> = Vec::new();
        for m in &res.mentions {
            let index = *order.entry(m.entity).or_insert_with(|| {
                let e = &res.entities[m.entity];
                entities.push(Entity {
                    kind: e.kind,
                    name: e.name.clone(),
                    id: e.entry.map(|i| gaz.entry(i).id.clone()),
                    mentions: Vec::new(),
                });
                entities.len() - 1
            });
            entities[index].mentions.push(mention(text, m.span, m.via));
        }

        let ctx = relations::Context {
            doc,
            gaz,
            res: &res,
            demonyms: &found.demonyms,
            meetings: &inner.meetings,
        };
        Extraction {
            doc: doc.id().map(str::to_owned),
            date: doc.date().map(|d| d.to_string()),
            entities,
            meetings: relations::meetings::find(&ctx),
            quotes: relations::quotes::find(&ctx),
        }
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
        let inner = &*self.inner;
        let gaz = &inner.gazetteer;
        let mut out = Vec::new();
        let t = Instant::now();
        let doc = Document::parse(text);
        out.push(("document", t.elapsed()));
        let t = Instant::now();
        let found = mentions::find(gaz, &inner.matcher, &doc);
        out.push(("gazetteer", t.elapsed()));
        let t = Instant::now();
        let names = names::find(&inner.lexicon, gaz, &doc, &found);
        out.push(("names", t.elapsed()));
        let t = Instant::now();
        let res = resolve::resolve(gaz, &inner.lexicon, &inner.surnames, &doc, &found, &names);
        out.push(("resolve", t.elapsed()));
        let ctx = relations::Context {
            doc: &doc,
            gaz,
            res: &res,
            demonyms: &found.demonyms,
            meetings: &inner.meetings,
        };
        let t = Instant::now();
        let meetings = relations::meetings::find(&ctx);
        out.push(("meetings", t.elapsed()));
        let t = Instant::now();
        let quotes = relations::quotes::find(&ctx);
        out.push(("quotes", t.elapsed()));
        drop((meetings, quotes));
        out
    }

    /// The number of entries (people, places, institutions) in the gazetteers.
    pub fn gazetteer_len(&self) -> usize {
        self.inner.gazetteer.entries.len()
    }

    /// The number of distinct strings the automaton matches.
    pub fn pattern_count(&self) -> usize {
        self.inner.matcher.pattern_count()
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
/// embedded defaults.
///
/// Setters never fail; [`build`](ExtractorBuilder::build) reads and checks every file and
/// returns every problem at once, each naming its file and line.
///
/// ```no_run
/// let extractor = gazette::Extractor::builder()
///     .gazetteer_dir("my-gazetteers")        // every *.tsv in it, by file name
///     .gazetteer_file("extra/people_2024.tsv")
///     .build()?;
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    defaults: bool,
    locations: Vec<Location>,
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
        }
    }

    /// Whether to start from the embedded default gazetteers (default: true). With `false`,
    /// only the files given to this builder are loaded.
    pub fn default_gazetteers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Loads every `*.tsv` file of a directory, in file-name order. Entries replace loaded
    /// entries of the same id; the kind of each file comes from its name (see
    /// `gazetteers/README.md`).
    pub fn gazetteer_dir(&mut self, dir: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.locations.push(Location::Dir(dir.into()));
        self
    }

    /// Loads one gazetteer file (`people*.tsv`, `places*.tsv`, `institutions*.tsv` or
    /// `given_names*.tsv`).
    pub fn gazetteer_file(&mut self, path: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.locations.push(Location::File(path.into()));
        self
    }

    /// Reads the gazetteers and compiles the extractor. Every unreadable file and every
    /// malformed line is reported, each with its file and line number.
    pub fn build(&self) -> Result<Extractor, Error> {
        let gazetteer = Gazetteer::load(self.defaults, &self.locations)?;
        let matcher = Matcher::build(&gazetteer)?;
        let lexicon = NameLexicon::build(&gazetteer)?;
        let surnames = SurnameIndex::build(&gazetteer);
        let meetings = relations::meetings::MeetingLexicon::build(&gazetteer)?;
        Ok(Extractor {
            inner: Arc::new(Inner {
                gazetteer,
                matcher,
                lexicon,
                surnames,
                meetings,
            }),
        })
    }
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
