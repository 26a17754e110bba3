//! The one error type of the crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, in broad strokes. More kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read.
    Io,
    /// A gazetteer line is malformed: a missing column, a bad role, an unknown country.
    Parse,
    /// A file holds bytes that are not UTF-8.
    InvalidUtf8,
    /// The gazetteer automaton could not be built (too large for the matcher).
    Build,
    /// Several problems were found; [`Error::errors`] lists each one.
    Multiple,
}

/// An error from building an [`Extractor`](crate::Extractor): reading or parsing gazetteer
/// files.
///
/// Every problem carries the file and, when it concerns one line, the line number. When
/// `build()` finds several problems it returns them all at once, as an error of kind
/// [`ErrorKind::Multiple`] whose [`errors`](Error::errors) are the single problems.
///
/// ```
/// let dir = std::env::temp_dir().join("gazette-doc-error");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("people.tsv"), "id\tname\nQ1\n").unwrap();
/// let err = gazette::Extractor::builder().gazetteer_dir(&dir).build().unwrap_err();
/// assert_eq!(err.kind(), gazette::ErrorKind::Parse);
/// assert_eq!(err.line(), Some(2));
/// assert!(err.to_string().contains("people.tsv:2"));
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, Debug)]
struct Inner {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
    message: String,
    errors: Vec<Error>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                path: None,
                line: None,
                message: message.into(),
                errors: Vec::new(),
            }),
        }
    }

    pub(crate) fn at(mut self, path: impl Into<PathBuf>, line: Option<usize>) -> Error {
        self.inner.path = Some(path.into());
        self.inner.line = line;
        self
    }

    /// One error for a list of problems: the problem itself when there is one, else an
    /// error of kind [`ErrorKind::Multiple`]. `None` when the list is empty.
    pub(crate) fn collect(mut errors: Vec<Error>) -> Option<Error> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            n => {
                let mut e = Error::new(ErrorKind::Multiple, format!("{n} problems"));
                e.inner.errors = errors;
                Some(e)
            }
        }
    }

    /// The kind of problem.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The file concerned, if any. `None` for [`ErrorKind::Multiple`].
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    /// The 1-based line number concerned, if the problem is on one line.
    pub fn line(&self) -> Option<usize> {
        self.inner.line
    }

    /// The problem in words, without the file and line.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// Each single problem: the problems of a [`ErrorKind::Multiple`] error, else this one.
    pub fn errors(&self) -> &[Error] {
        if self.inner.errors.is_empty() {
            std::slice::from_ref(self)
        } else {
            &self.inner.errors
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.inner.errors.is_empty() {
            write!(f, "{}:", self.inner.message)?;
            for e in &self.inner.errors {
                write!(f, "\n  {e}")?;
            }
            return Ok(());
        }
        match (&self.inner.path, self.inner.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: {}", p.display(), l, self.inner.message),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.inner.message),
            _ => write!(f, "{}", self.inner.message),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_line() {
        let e = Error::new(ErrorKind::Parse, "missing column `name`").at("g/people.tsv", Some(7));
        assert_eq!(e.to_string(), "g/people.tsv:7: missing column `name`");
        assert_eq!(e.errors().len(), 1);
    }

    #[test]
    fn collect_keeps_every_problem() {
        assert!(Error::collect(vec![]).is_none());
        let one = Error::collect(vec![Error::new(ErrorKind::Io, "a")]).unwrap();
        assert_eq!(one.kind(), ErrorKind::Io);
        let many = Error::collect(vec![
            Error::new(ErrorKind::Parse, "a").at("x.tsv", Some(1)),
            Error::new(ErrorKind::Parse, "b").at("x.tsv", Some(3)),
        ])
        .unwrap();
        assert_eq!(many.kind(), ErrorKind::Multiple);
        assert_eq!(many.errors().len(), 2);
        assert_eq!(many.to_string(), "2 problems:\n  x.tsv:1: a\n  x.tsv:3: b");
    }
}
