//! The English word forms of `words*.tsv`, in a map built while the other gazetteer files
//! are read.
//!
//! Loading checks every line of a user's words file (a bad one is an error at its file and
//! line, like any other file's). The embedded file is compiled by the build script
//! (`build.rs`) into a table of its rows, which the map is built from without parsing the
//! file; a test checks the file with the loader and another that the table gives the same
//! map. The map is built on another thread while the rest of the gazetteer loads; one that
//! could not be built so (no thread) is built when a pass first reads it.

use super::entry::WordInfo;
use super::parse::{self, FileKind};
use super::strings::StrSet;
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// English word forms by their lower-case form; a later file's row replaces an earlier
/// one's. Reads as a [`WordMap`].
#[derive(Default)]
pub(crate) struct Words {
    /// The words files, checked, in load order.
    files: Vec<WordsFile>,
    map: OnceLock<WordMap>,
}

/// A words file to read into the map.
#[derive(Clone)]
pub(crate) struct WordsFile {
    pub(crate) label: Arc<str>,
    pub(crate) bytes: Cow<'static, [u8]>,
    /// The file compiled into the library: its rows are read from the table the build
    /// script made of it ([`embedded::each_word_row`](super::embedded::each_word_row)).
    pub(crate) embedded: bool,
}

/// Word forms and what `words*.tsv` says of them: the forms end to end in one
/// [`StrSet`] (no allocation per form), their infos in the same order.
#[derive(Debug, Default)]
pub(crate) struct WordMap {
    forms: StrSet,
    infos: Vec<WordInfo>,
}

impl WordMap {
    /// What the files say of this form (in lower case), if they list it.
    pub(crate) fn get(&self, form: &str) -> Option<&WordInfo> {
        self.forms
            .find(form)
            .and_then(|i| self.infos.get(i as usize))
    }

    /// The number of forms.
    pub(crate) fn len(&self) -> usize {
        self.infos.len()
    }

    /// Adds a form, or replaces what an earlier row said of it. A set past 4 GiB of forms
    /// (never from real files) keeps what it has.
    fn insert(&mut self, form: &str, info: WordInfo) {
        match self.forms.insert(form) {
            Ok((_, true)) => self.infos.push(info),
            Ok((i, false)) => {
                if let Some(old) = self.infos.get_mut(i as usize) {
                    *old = info;
                }
            }
            Err(_) => {}
        }
    }
}

impl Words {
    /// Adds a words file whose lines have been checked.
    pub(crate) fn add_file(&mut self, file: WordsFile) {
        self.files.push(file);
        self.map = OnceLock::new();
    }

    /// Puts in the map built from the files added so far (by [`build_map`] on another
    /// thread, while the rest of the gazetteer was read).
    pub(crate) fn set_map(&mut self, map: WordMap) {
        self.map = OnceLock::from(map);
    }

    fn build(&self) -> WordMap {
        build_map(&self.files)
    }
}

/// The map of the rows of words files (checked, or to be checked by the load), a later
/// file's row replacing an earlier one's.
pub(crate) fn build_map(files: &[WordsFile]) -> WordMap {
    // About 25 bytes a line (the embedded file: 52,000 lines, 1.3 MB, 10 bytes a form).
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mut map = WordMap {
        forms: StrSet::with_capacity(bytes / 24, bytes / 2),
        infos: Vec::with_capacity(bytes / 24),
    };
    // The files were checked when they were loaded, or are checked by the load this map is
    // built for: a file with a problem fails it, so there are none to report here.
    let mut errors = Vec::new();
    for file in files {
        if file.embedded {
            super::embedded::each_word_row(&mut |word, info| map.insert(word, info));
            continue;
        }
        parse::parse_file(
            &file.label,
            FileKind::Words,
            &file.bytes,
            &mut errors,
            &mut parse::NoEntries,
            &mut |word, info| map.insert(word, info),
        );
    }
    map
}

impl Deref for Words {
    type Target = WordMap;

    fn deref(&self) -> &WordMap {
        self.map.get_or_init(|| self.build())
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files: Vec<&str> = self.files.iter().map(|f| f.label.as_ref()).collect();
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
        // Built by the load, on another thread.
        assert!(gaz.words.map.get().is_some());
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
        assert_eq!(gaz.words.get("zyx").unwrap().level, 70);
        assert!(gaz.words.get("zyx").unwrap().tags.is_empty());
        assert!(gaz.words.get("said").is_some());
        std::fs::remove_dir_all(&dir).ok();
    }

    /// A load does not check the embedded words file line by line (it reads the build
    /// script's table of it): this does.
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

    /// The build script's table of the embedded words file gives the map that parsing the
    /// file gives: the same forms, numbered alike, with the same infos.
    #[test]
    fn prebuilt_words_equal_the_parsed_file() {
        let mut files: Vec<super::WordsFile> = super::super::embedded::sources()
            .filter(|s| s.kind == super::FileKind::Words)
            .map(|s| s.words_file())
            .collect();
        let prebuilt = super::build_map(&files);
        for f in &mut files {
            f.embedded = false;
        }
        let parsed = super::build_map(&files);
        assert!(parsed.len() > 50_000, "{}", parsed.len());
        assert_eq!(prebuilt.len(), parsed.len());
        assert_eq!(prebuilt.forms.len(), parsed.forms.len());
        for i in 0..parsed.forms.len() as u32 {
            assert_eq!(prebuilt.forms.get(i), parsed.forms.get(i), "form {i}");
        }
        assert_eq!(prebuilt.infos, parsed.infos);
    }
}
