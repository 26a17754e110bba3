//! The default gazetteer files, compiled into the library.

use super::EntityKind::{Institution, Person, Place};
use super::{ClassSet, FileKind, LexiconKind, Source, WordInfo};
use std::borrow::Cow;
use std::sync::Arc;

/// The embedded files in load order: generated files first, then the hand-curated ones that
/// may replace their entries, then given names.
const FILES: &[(&str, FileKind, &str)] = &[
    (
        "places.tsv",
        FileKind::Entities(Place),
        include_str!("../../gazetteers/places.tsv"),
    ),
    (
        "places_curated.tsv",
        FileKind::Entities(Place),
        include_str!("../../gazetteers/places_curated.tsv"),
    ),
    (
        "institutions.tsv",
        FileKind::Entities(Institution),
        include_str!("../../gazetteers/institutions.tsv"),
    ),
    (
        "institutions_curated.tsv",
        FileKind::Entities(Institution),
        include_str!("../../gazetteers/institutions_curated.tsv"),
    ),
    (
        "people.tsv",
        FileKind::Entities(Person),
        include_str!("../../gazetteers/people.tsv"),
    ),
    (
        "people_curated.tsv",
        FileKind::Entities(Person),
        include_str!("../../gazetteers/people_curated.tsv"),
    ),
    (
        "aliases_curated.tsv",
        FileKind::Aliases,
        include_str!("../../gazetteers/aliases_curated.tsv"),
    ),
    (
        "given_names.tsv",
        FileKind::GivenNames,
        include_str!("../../gazetteers/given_names.tsv"),
    ),
    (
        "titles.tsv",
        FileKind::Titles,
        include_str!("../../gazetteers/titles.tsv"),
    ),
    (
        "name_words.tsv",
        FileKind::NameWords,
        include_str!("../../gazetteers/name_words.tsv"),
    ),
    (
        "speech_verbs.tsv",
        FileKind::Lexicon(LexiconKind::SpeechVerbs),
        include_str!("../../gazetteers/speech_verbs.tsv"),
    ),
    (
        "words.tsv",
        FileKind::Words,
        include_str!("../../gazetteers/words.tsv"),
    ),
    (
        "function_words.tsv",
        FileKind::Lexicon(LexiconKind::FunctionWords),
        include_str!("../../gazetteers/function_words.tsv"),
    ),
    (
        "role_nouns.tsv",
        FileKind::Lexicon(LexiconKind::RoleNouns),
        include_str!("../../gazetteers/role_nouns.tsv"),
    ),
    (
        "meeting_triggers.tsv",
        FileKind::Lexicon(LexiconKind::MeetingTriggers),
        include_str!("../../gazetteers/meeting_triggers.tsv"),
    ),
];

/// The rows of the embedded `words.tsv` as the build script (`build.rs`) writes them: for
/// each row, the form's length (two bytes, little-endian), the form, its tags (four bytes,
/// little-endian bits), its level and its flags (1 proper, 2 surname).
static WORD_ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.bin"));

/// Calls `f` with each row of the embedded words file, in file order, from the table the
/// build script compiled it into (the loader's reading of the same file, without parsing
/// it: a test checks that both agree).
pub(crate) fn each_word_row(f: &mut dyn FnMut(&str, WordInfo)) {
    let mut rest = WORD_ROWS;
    while let [a, b, tail @ ..] = rest {
        let len = usize::from(u16::from_le_bytes([*a, *b]));
        let (Some(form), Some(&[t0, t1, t2, t3, level, flags])) =
            (tail.get(..len), tail.get(len..len + 6))
        else {
            return;
        };
        let Ok(form) = std::str::from_utf8(form) else {
            return;
        };
        let tags = u64::from(u32::from_le_bytes([t0, t1, t2, t3]));
        f(
            form,
            WordInfo {
                tags: ClassSet::from_bits(tags),
                level,
                proper: flags & 1 != 0,
                surname: flags & 2 != 0,
            },
        );
        rest = tail.get(len + 6..).unwrap_or_default();
    }
}

/// The embedded files as sources, labelled `<embedded>/NAME`.
pub(crate) fn sources() -> impl Iterator<Item = Source> {
    FILES.iter().map(|(name, kind, text)| Source {
        label: Arc::from(format!("<embedded>/{name}")),
        kind: *kind,
        bytes: Cow::Borrowed(text.as_bytes()),
        embedded: true,
    })
}
