//! gazette reads news articles and says who is in them, who met whom, and who said what.
//!
//! An [`Extractor`] compiles its gazetteers (people, places, institutions; embedded by
//! default, extendable with your own files) once; [`Extractor::extract`] then turns a
//! [`Document`] into an [`Extraction`]: typed, owned records in a stable order, with
//! UTF-8 byte offsets into the article.
//!
//! ```
//! use gazette::{Document, Extractor};
//!
//! let extractor = Extractor::new()?;
//! let doc = Document::parse(" date 2017-03-20 Japanese officials met in Tokyo and Moscow.");
//! let out = extractor.extract(&doc);
//! let names: Vec<&str> = out.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Tokyo", "Moscow"]); // "Japanese" is a demonym, not a place
//! for e in &out.entities {
//!     for m in &e.mentions {
//!         assert_eq!(&doc.text()[m.start..m.end], m.text);
//!     }
//! }
//! # Ok::<(), gazette::Error>(())
//! ```
#![deny(missing_docs)]

mod clauses;
mod date;
mod document;
mod error;
mod extractor;
mod gazetteer;
mod hash;
mod lexicon;
mod mentions;
mod names;
mod packed;
mod pattern;
mod record;
mod relations;
mod resolve;
mod segment;
mod span;

pub use date::Date;
pub use document::{Document, DocumentBuilder, Sentence, Token, TokenKind};
pub use error::{Error, ErrorKind};
pub use extractor::{Extractor, ExtractorBuilder};
pub use gazetteer::GazetteerEntry;
pub use record::{
    Entity, EntityKind, Excerpt, Extraction, Meeting, MeetingStatus, Mention, Quote, Sieve, Via,
};
pub use span::Span;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
