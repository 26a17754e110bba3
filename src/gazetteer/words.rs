//! The English word forms of `words*.tsv`, read into a map the first time they are looked
//! up.
//!
//! Loading checks every line (a bad one is an error at its file and line, like any other
//! file's) but keeps only the files' bytes, borrowed for the embedded default: the map of
//! some 50,000 forms is built when a pass first reads it, and never by an extractor that
//! does not.

use super::entry::WordInfo;
use super::parse::{self, FastMap, FileKind};
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// English word forms by their lower-case form; a later file's row replaces an earlier
/// one's. Reads as a `FastMap<String, WordInfo>`.
#[derive(Default)]
pub(crate) struct Words {
    /// The words files, checked, in load order: their labels and bytes.
    files: Vec<(Arc<str>, Cow<'static, [u8]>)>,
    map: OnceLock<FastMap<String, WordInfo>>,
}

impl Words {
    /// Adds a words file whose lines have been checked.
    pub(crate) fn add_file(&mut self, label: Arc<str>, bytes: Cow<'static, [u8]>) {
        self.files.push((label, bytes));
        self.map = OnceLock::new();
    }

    fn build(&self) -> FastMap<String, WordInfo> {
        let mut map = FastMap::default();
        // The files were checked when they were loaded: a file with a problem fails the
        // load, so there are none left to report.
        let mut errors = Vec::new();
        for (label, bytes) in &self.files {
            parse::parse_file(
                label,
                FileKind::Words,
                bytes,
                &mut errors,
                &mut parse::NoEntries,
                &mut |word, info| {
                    map.insert(word.to_string(), info);
                },
            );
        }
        map
    }
}

impl Deref for Words {
    type Target = FastMap<String, WordInfo>;

    fn deref(&self) -> &FastMap<String, WordInfo> {
        self.map.get_or_init(|| self.build())
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files: Vec<&str> = self.files.iter().map(|(l, _)| l.as_ref()).collect();
        f.debug_struct("Words")
            .field("files", &files)
            .field("built", &self.map.get().map(|m| m.len()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Gazetteer, Location};

    #[test]
    fn built_on_first_use_later_files_replacing_earlier_rows() {
        let gaz = Gazetteer::load(true, &[]).unwrap();
        assert!(gaz.words.map.get().is_none());
        let said = gaz.words.get("said").copied().unwrap();
        assert!(said.tags.has(crate::gazetteer::classes::WordTag::VerbPast));
        assert!(gaz.words.len() > 50_000);
        assert!(format!("{:?}", gaz.words).contains("words.tsv"));

        let dir = std::env::temp_dir().join(format!("gazette-words-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("words_1.tsv"),
            "word\ttags\tlevel\nzyx\tnoun\t10\n",
        )
        .unwrap();
        std::fs::write(dir.join("words_2.tsv"), "word\tlevel\nzyx\t70\n").unwrap();
        let gaz = Gazetteer::load(true, &[Location::Dir(dir.clone())]).unwrap();
        assert_eq!(gaz.words["zyx"].level, 70);
        assert!(gaz.words["zyx"].tags.is_empty());
        assert!(gaz.words.contains_key("said"));
        std::fs::remove_dir_all(&dir).ok();
    }

    /// A load does not check the embedded words file line by line (it reads it once, into
    /// the map): this does.
    #[test]
    fn embedded_words_file_is_valid() {
        let words: Vec<_> = super::super::embedded::sources()
            .filter(|s| s.kind == super::FileKind::Words)
            .collect();
        assert_eq!(words.len(), 1);
        let mut errors = Vec::new();
        let mut rows = 0;
        for source in &words {
            super::parse::parse_file(
                &source.label,
                source.kind,
                &source.bytes,
                &mut errors,
                &mut super::parse::NoEntries,
                &mut |_, _| rows += 1,
            );
        }
        assert!(errors.is_empty(), "{errors:?}");
        assert!(rows > 50_000, "{rows}");
    }
}
