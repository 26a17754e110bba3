//! Regexes compiled from patterns written in the source.

use regex::Regex;

/// Compiles a pattern written in the source (never one from a user or a data file). Every
/// such pattern is compiled by the tests that exercise its pass, so a typo fails a test, not
/// a user's run.
pub(crate) fn constant(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a regex written in the source compiles")
}
