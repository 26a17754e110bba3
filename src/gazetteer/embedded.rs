//! The default gazetteer files, compiled into the library.

use super::EntityKind::{Institution, Person, Place};
use super::{FileKind, LexiconKind, Source};
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

/// The embedded files as sources, labelled `<embedded>/NAME`.
pub(crate) fn sources() -> impl Iterator<Item = Source> {
    FILES.iter().map(|(name, kind, text)| Source {
        label: Arc::from(format!("<embedded>/{name}")),
        kind: *kind,
        bytes: Cow::Borrowed(text.as_bytes()),
        embedded: true,
    })
}
