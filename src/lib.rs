//! gazette: who is in a news article, who met whom, who said what.
#![deny(missing_docs)]

mod span;

pub use span::Span;
