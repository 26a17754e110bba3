//! Segmentation: tokens, word boundaries and sentences.
//!
//! Private to the crate; [`crate::Document`] is the public face of it.

pub(crate) mod quotes;
mod sentences;
mod tokens;

pub(crate) use sentences::split_sentences;
pub(crate) use tokens::{floor_char_boundary, tokenize};
pub use tokens::{Token, TokenKind};

/// The crate's one notion of word characters and token boundaries, for the gazetteer
/// matcher and the rule passes.
pub(crate) use tokens::{
    is_boundary, is_whole_word, is_word_char, longest_whole_words, strip_possessive,
};
