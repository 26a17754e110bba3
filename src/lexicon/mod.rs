//! The lexicons of the rule passes, compiled once when the extractor is built.
//!
//! Every word list is data in `gazetteers/` (see its README), parsed into typed rows by the
//! gazetteer loader ([`Gazetteer`]): `function_words.tsv` (determiners, pronouns,
//! prepositions, auxiliaries, future markers, ...), `role_nouns.tsv` (unnamed officials,
//! organs, groups, lower-case offices), `meeting_triggers.tsv` and `speech_verbs.tsv`. This
//! module turns them into matchers; the passes read them from [`Lexicons`] and hold no word
//! lists of their own. The meetings pass's patterns, which set words of these files in
//! shapes of text ("all four", ", while"), are built here too ([`MeetingWords`]).

mod meetings;
mod phrases;

pub(crate) use meetings::MeetingWords;

pub(crate) use phrases::{automaton_kind, Case, PhraseSet};

use crate::error::Error;
use crate::gazetteer::FastMap;
use crate::gazetteer::{
    ClassSet, FunctionClass, Gazetteer, RoleNounClass, SpeechClass, TriggerClass,
};
use crate::Span;
use std::borrow::Cow;

/// Every compiled lexicon.
#[derive(Debug)]
pub(crate) struct Lexicons {
    /// `function_words.tsv`, case-insensitive.
    pub(crate) function: PhraseSet<FunctionClass>,
    /// The `future` rows of `function_words.tsv` alone: a sentence without one of them
    /// needs no search of every function word (which match inside most words: "a", "at").
    future: PhraseSet<FunctionClass>,
    /// `role_nouns.tsv`, case-insensitive.
    pub(crate) roles: PhraseSet<RoleNounClass>,
    /// The `office` and `national_office` rows of `role_nouns.tsv`, matched as written.
    pub(crate) offices: PhraseSet<RoleNounClass>,
    /// `meeting_triggers.tsv` but for the words of the meetings pass's patterns, plus the
    /// `future` function words as [`TriggerClass::Planned`].
    pub(crate) triggers: PhraseSet<TriggerClass>,
    /// The word patterns of the meetings pass.
    pub(crate) meetings: MeetingWords,
    /// `speech_verbs.tsv` without its term markers.
    pub(crate) cues: SpeechCues,
    /// The `term_marker` rows of `speech_verbs.tsv`, in lower case.
    pub(crate) term_markers: Vec<String>,
}

impl Lexicons {
    /// Compiles the lexicon rows of a loaded gazetteer.
    pub(crate) fn build(gaz: &Gazetteer) -> Result<Lexicons, Error> {
        let function = PhraseSet::build(
            gaz.function_words.iter().map(|(t, c)| (t.as_str(), *c)),
            Case::Insensitive,
            "function-word automaton",
        )?;
        let future_words = PhraseSet::build(
            gaz.function_words
                .iter()
                .filter(|(_, c)| *c == FunctionClass::Future)
                .map(|(t, c)| (t.as_str(), *c)),
            Case::Insensitive,
            "future-word automaton",
        )?;
        let roles = PhraseSet::build(
            gaz.role_nouns.iter().map(|(t, c)| (t.as_str(), *c)),
            Case::Insensitive,
            "role-noun automaton",
        )?;
        let offices = PhraseSet::build(
            gaz.role_nouns
                .iter()
                .filter(|(_, c)| matches!(c, RoleNounClass::Office | RoleNounClass::NationalOffice))
                .map(|(t, c)| (t.as_str(), *c)),
            Case::Exact,
            "office automaton",
        )?;
        let future = gaz
            .function_words
            .iter()
            .filter(|(_, c)| *c == FunctionClass::Future)
            .map(|(t, _)| (t.as_str(), TriggerClass::Planned));
        let triggers = PhraseSet::build(
            gaz.meeting_triggers
                .iter()
                .filter(|(_, c)| !meetings::PATTERN_CLASSES.contains(c))
                .map(|(t, c)| (t.as_str(), *c))
                .chain(future),
            Case::Insensitive,
            "meeting-trigger automaton",
        )?;
        let term_markers = gaz
            .speech_verbs
            .iter()
            .filter(|(_, c)| *c == SpeechClass::TermMarker)
            .map(|(t, _)| t.to_lowercase())
            .collect();
        Ok(Lexicons {
            function,
            future: future_words,
            roles,
            offices,
            triggers,
            meetings: MeetingWords::build(gaz)?,
            cues: SpeechCues::build(gaz),
            term_markers,
        })
    }

    /// The function-word classes of one word, in any case ("The", "the").
    pub(crate) fn function_classes(&self, word: &str) -> ClassSet<FunctionClass> {
        self.function.classes_in_any_case(word)
    }

    /// Whether `word` (in any case) has the function-word class `class`.
    #[inline]
    pub(crate) fn is(&self, word: &str, class: FunctionClass) -> bool {
        self.function.has_in_any_case(word, class)
    }

    /// Whether `text[span]` holds a `future` function word ("will", "is to", "next").
    pub(crate) fn has_future(&self, text: &str, span: Span) -> bool {
        // A future word may still be part of a longer function phrase that is not one,
        // so where there is one the choice among every function word decides.
        self.future.any_whole_word(text, span)
            && self
                .function
                .find(text, span)
                .iter()
                .any(|(_, c)| c.has(FunctionClass::Future))
    }

    /// The lexicons of the embedded defaults, compiled once, for unit tests.
    #[cfg(test)]
    pub(crate) fn default_for_tests() -> &'static Lexicons {
        static DEFAULT: once_cell::sync::Lazy<Lexicons> = once_cell::sync::Lazy::new(|| {
            let gaz = Gazetteer::load(true, &[]).unwrap_or_else(|e| panic!("{e}"));
            Lexicons::build(&gaz).unwrap_or_else(|e| panic!("{e}"))
        });
        &DEFAULT
    }

    /// The role-noun classes of one word, in any case.
    pub(crate) fn role_classes(&self, word: &str) -> ClassSet<RoleNounClass> {
        self.roles.classes_in_any_case(word)
    }
}

/// Calls `f` with `word` in lower case, as [`lower`] gives it, without allocating for a
/// word of ASCII letters (most words of most news).
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.is_ascii() {
        return f(&lower(word));
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..bytes.len()) {
        Some(lowered) => {
            lowered.copy_from_slice(bytes);
            lowered.make_ascii_lowercase();
            // ASCII in, ASCII out: always UTF-8.
            match std::str::from_utf8(lowered) {
                Ok(w) => f(w),
                Err(_) => f(&lower(word)),
            }
        }
        None => f(&lower(word)),
    }
}

/// `word` in lower case (as [`str::to_lowercase`] gives it), borrowed when it already is.
fn lower(word: &str) -> Cow<'_, str> {
    // Not only capitals change: a titlecase letter ("ǅ") has a lower-case form too.
    let unchanged = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    };
    if word.chars().all(unchanged) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The speech verbs and cue phrases of the quotes pass, as lower-case words.
#[derive(Debug)]
pub(crate) struct SpeechCues {
    /// One-word cues and their class. The keys are the lexicon's words, not the text's
    /// (which is only looked up, and cannot lengthen a probe): a fast hash, not SipHash.
    pub(crate) verbs: FastMap<String, SpeechClass>,
    /// Cues of several words, longest first.
    pub(crate) phrases: Vec<(Vec<String>, SpeechClass)>,
    /// Whether a byte begins the first word of some cue of several words: a word that
    /// begins with another one begins none.
    phrase_initials: [bool; 256],
}

impl Default for SpeechCues {
    fn default() -> SpeechCues {
        SpeechCues {
            verbs: FastMap::default(),
            phrases: Vec::new(),
            phrase_initials: [false; 256],
        }
    }
}

impl SpeechCues {
    fn build(gaz: &Gazetteer) -> SpeechCues {
        let mut cues = SpeechCues::default();
        for (term, class) in &gaz.speech_verbs {
            if *class == SpeechClass::TermMarker {
                continue;
            }
            let words: Vec<String> = term.split_whitespace().map(str::to_lowercase).collect();
            match words.len() {
                0 => {}
                1 => {
                    cues.verbs.extend(words.into_iter().map(|w| (w, *class)));
                }
                _ => cues.phrases.push((words, *class)),
            }
        }
        cues.phrases
            .sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        for (words, _) in &cues.phrases {
            if let Some(&b) = words.first().and_then(|w| w.as_bytes().first()) {
                cues.phrase_initials[usize::from(b)] = true;
            }
        }
        cues
    }

    /// Whether a cue of several words may begin with `word` (as the cue scan compares it):
    /// false when no such cue's first word begins with its first byte.
    pub(crate) fn may_begin_phrase(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.phrase_initials[usize::from(b)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_phrase_may_begin_with_its_first_word_and_few_words_may() {
        let cues = &Lexicons::default_for_tests().cues;
        assert!(!cues.phrases.is_empty());
        for (words, _) in &cues.phrases {
            assert!(cues.may_begin_phrase(&words[0]), "{words:?}");
        }
        // A word whose first byte begins no cue phrase's first word may begin none.
        for word in ["zebra", "", "Said", "éclat"] {
            let begins_one = cues
                .phrases
                .iter()
                .any(|(w, _)| w[0].as_bytes().first() == word.as_bytes().first());
            assert_eq!(cues.may_begin_phrase(word), begins_one, "{word}");
        }
    }

    #[test]
    fn with_lower_is_lower_without_allocating() {
        for word in [
            "",
            "the",
            "The",
            "THE",
            "Will",
            "x".repeat(31).as_str(),
            "X".repeat(32).as_str(),
            "X".repeat(33).as_str(),
            "Éloïse",
            "İstanbul",
            "ΣΟΦΙΑ",
            "G20",
            "ǅemal",
            "ﬁx",
        ] {
            assert_eq!(with_lower(word, str::to_string), lower(word), "{word}");
            assert_eq!(
                with_lower(word, str::to_string),
                word.to_lowercase(),
                "{word}"
            );
        }
    }
}
