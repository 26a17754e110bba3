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
            doc: None,
            date: doc.date().map(|d| d.to_string()),
            entities,
            meetings: relations::meetings::find(&ctx),
            quotes: relations::quotes::find(&ctx),
        }
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
    fn extractor_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Extractor>();
    }
}
