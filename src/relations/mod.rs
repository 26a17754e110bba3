//! Relation passes over a resolved document: meetings and quoted statements.
//!
//! Each pass reads the [`Context`] (the document, the gazetteer, the resolution and the
//! lexicons) and returns records; none re-reads the raw text in its own way: sentences,
//! tokens and quote spans come from the document and `segment`.

pub(crate) mod dates;
pub(crate) mod meetings;
pub(crate) mod quotes;

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicons;
use crate::mentions::DemonymMention;
use crate::resolve::Resolution;

/// What a relation pass may read.
pub(crate) struct Context<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) gaz: &'a Gazetteer,
    /// The compiled word lists.
    pub(crate) lex: &'a Lexicons,
    pub(crate) res: &'a Resolution,
    /// Demonyms and country adjectives with their countries ("Russian" counterpart).
    pub(crate) demonyms: &'a [DemonymMention],
}
