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
    /// The gazetteer matcher could not be built (too large for the matcher).
    Build,
    /// Several problems were found; [`Error::errors`] lists each one.
    Multiple,
    /// A text is not an ISO `YYYY-MM-DD` date, or names a day the calendar does not have
    /// (see [`Date`](crate::Date)).
    InvalidDate,
}

/// The error of the crate: from building an [`Extractor`](crate::Extractor) (reading or
/// parsing gazetteer files, entries added in code) or from reading a [`Date`](crate::Date).
///
/// Every problem with a file carries the file and, when it concerns one line, the line
/// number. When `build()` finds several problems it returns them all at once, as an error of
/// kind [`ErrorKind::Multiple`] whose [`errors`](Error::errors) are the single problems.
///
/// Messages quote the cells they are about between backticks; a quoted text longer than
/// 60 characters is cut short (`` `Anatoly Brekov…` (1048576 bytes) ``), so a broken
/// 1 MB cell gives a readable message.
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
                message: clip_message(message.into()),
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

/// The longest text, in characters, quoted between backticks in a message.
const MAX_QUOTED_CHARS: usize = 60;
/// The longest message, in characters, once quoted texts are cut (a safety net for a quoted
/// text holding backticks itself).
const MAX_MESSAGE_CHARS: usize = 600;

/// Cuts every backtick-quoted text longer than [`MAX_QUOTED_CHARS`] to its start, an
/// ellipsis and its length in bytes, then the whole message to [`MAX_MESSAGE_CHARS`].
fn clip_message(message: String) -> String {
    if message.len() <= MAX_QUOTED_CHARS {
        return message;
    }
    let parts: Vec<&str> = message.split('`').collect();
    let mut out = String::new();
    let mut note = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
            out.push_str(&std::mem::take(&mut note));
        }
        // Odd parts lie between two backticks, unless the last backtick has no partner.
        let quoted = i % 2 == 1 && i + 1 < parts.len();
        if quoted && part.chars().count() > MAX_QUOTED_CHARS {
            out.extend(part.chars().take(MAX_QUOTED_CHARS));
            out.push('…');
            note = format!(" ({} bytes)", part.len());
        } else {
            out.push_str(part);
        }
    }
    if out.chars().count() > MAX_MESSAGE_CHARS {
        let mut cut: String = out.chars().take(MAX_MESSAGE_CHARS).collect();
        cut.push_str(&format!("… ({} bytes in all)", out.len()));
        return cut;
    }
    out
}

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
    fn long_quoted_text_is_cut() {
        let cell = "x".repeat(1 << 20);
        let e = Error::new(
            ErrorKind::Parse,
            format!("gender `{cell}`: expected `male`"),
        );
        let expect = format!(
            "gender `{}…` (1048576 bytes): expected `male`",
            "x".repeat(60)
        );
        assert_eq!(e.message(), expect);
        // Short quotes and messages are left alone.
        let e = Error::new(ErrorKind::Parse, format!("a `b` {} `c`", "y".repeat(100)));
        assert_eq!(e.message(), format!("a `b` {} `c`", "y".repeat(100)));
        // Backticks inside a long text cannot let it through whole.
        let e = Error::new(ErrorKind::Parse, format!("`a` b `{}", "`z".repeat(100_000)));
        assert!(e.message().len() < 1000, "{}", e.message().len());
        let e = Error::new(ErrorKind::Parse, format!("class `{}`", "é".repeat(100)));
        assert!(e.message().starts_with("class `éé"));
        assert!(e.message().ends_with("…` (200 bytes)"));
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
