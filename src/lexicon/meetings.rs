//! The word patterns of the meetings pass, built from the lexicon rows once, when the
//! lexicons are built: the words are data (`meeting_triggers.tsv`, `role_nouns.tsv`,
//! `function_words.tsv`); the shapes around them (commas, spaces, the end of a sentence)
//! are written here.

use crate::error::{Error, ErrorKind};
use crate::gazetteer::{FunctionClass, Gazetteer, RoleNounClass, TriggerClass};
use crate::hash::FastMap;
use regex::Regex;

/// The classes of `meeting_triggers.tsv` read into these patterns rather than matched as
/// triggers.
pub(super) const PATTERN_CLASSES: &[TriggerClass] = &[
    TriggerClass::ClauseBreak,
    TriggerClass::GerundBreak,
    TriggerClass::Count,
    TriggerClass::Distributive,
];

/// The patterns of the meetings pass.
#[derive(Debug)]
pub(crate) struct MeetingWords {
    /// Where a clause ends: at `;`, at a `clause_break` word ("while", "after which"), and
    /// before a gerund after a `gerund_break` word (", before heading to ...").
    pub(crate) cut: Regex,
    /// A relative clause that runs to the end of the sentence: a comma and a `relative`
    /// word (", where Smith met fans.").
    pub(crate) relative: Regex,
    /// A `link` preposition at most two words after a meeting noun ("talks between",
    /// "a meeting with", "a working lunch for"), matched from the noun's end.
    pub(crate) link: Regex,
    /// A plural possessive ("their") and at most two words up to the end of the text
    /// ("X and Y ... after their four-hour"), matched on the text before a meeting noun.
    pub(crate) their_before: Regex,
    /// "their (Japanese) counterparts", "respective counterparts": a plural possessive or
    /// a `distributive` word, then the plural of a `counterpart` noun.
    pub(crate) their_counterparts: Regex,
    /// A `counterpart` noun ("counterpart", "counterparts").
    pub(crate) counterpart: Regex,
    /// A group that stands for the people of the meetings just told, case-insensitive:
    /// "all" and a `count` word, "the", a `count` word and a `group` noun, or "both" and a
    /// `group` noun; the count word is group 1 or 2.
    pub(crate) group: Regex,
    /// The value of each `count` word, in lower case.
    counts: FastMap<String, usize>,
}

impl MeetingWords {
    /// Builds the patterns from the rows of a loaded gazetteer.
    pub(super) fn build(gaz: &Gazetteer) -> Result<MeetingWords, Error> {
        let trigger = |class: TriggerClass| words(&gaz.meeting_triggers, |c| *c == class);
        let function = |class: FunctionClass| words(&gaz.function_words, |c| *c == class);
        let role = |class: RoleNounClass| words(&gaz.role_nouns, |c| *c == class);
        // "their": a word both possessive and plural.
        let possessive = function(FunctionClass::Possessive);
        let their: Vec<String> = function(FunctionClass::Plural)
            .into_iter()
            .filter(|w| possessive.contains(w))
            .collect();
        let counterparts = role(RoleNounClass::Counterpart);
        // The plural of a noun: its form in "-s".
        let plural_counterparts: Vec<String> = counterparts
            .iter()
            .filter(|w| w.ends_with('s'))
            .cloned()
            .collect();
        let mut counts = FastMap::default();
        for (i, word) in trigger(TriggerClass::Count).into_iter().enumerate() {
            counts.entry(word).or_insert(i + 1);
        }
        // A group counts two people or more.
        let group_counts = alternation(counts.iter().filter(|(_, &n)| n >= 2).map(|(w, _)| w));
        let group_nouns = alternation(&role(RoleNounClass::Group));
        let distributive = trigger(TriggerClass::Distributive);
        Ok(MeetingWords {
            cut: compile(&format!(
                r";|,?\s+{}\s|,?\s+{}\s+(?:\w+ing)(?-u:\b)",
                alternation(&trigger(TriggerClass::ClauseBreak)),
                alternation(&trigger(TriggerClass::GerundBreak)),
            ))?,
            relative: compile(&format!(
                r",\s+{}\s[^,;]*$",
                alternation(&function(FunctionClass::Relative))
            ))?,
            link: compile(&format!(
                r"^\s+(?:[\w-]+\s+){{0,2}}?{}\s",
                alternation(&trigger(TriggerClass::Link))
            ))?,
            their_before: compile(&format!(
                r"(?-u:\b){}(?:\s+[\w-]+){{0,2}}\s*$",
                alternation(&their)
            ))?,
            their_counterparts: compile(&format!(
                r"(?-u:\b){}\s+(?:[\w-]+\s+)?{}(?-u:\b)",
                alternation(their.iter().chain(&distributive)),
                alternation(&plural_counterparts)
            ))?,
            counterpart: compile(&format!(r"(?-u:\b){}(?-u:\b)", alternation(&counterparts)))?,
            group: compile(&format!(
                r"(?i)(?-u:\b)(?:all ({group_counts})|the ({group_counts}) {group_nouns}|both {group_nouns})(?-u:\b)"
            ))?,
            counts,
        })
    }

    /// The value of a `count` word in any case ("Four": 4).
    pub(crate) fn count(&self, word: &str) -> Option<usize> {
        self.counts.get(&word.to_lowercase()).copied()
    }
}

/// The terms of `rows` whose class passes `keep`, in lower case, in file order.
fn words<C>(rows: &[(String, C)], keep: impl Fn(&C) -> bool) -> Vec<String> {
    rows.iter()
        .filter(|(_, c)| keep(c))
        .map(|(t, _)| t.to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A group matching any of `words` as written (escaped), longest first so that a longer
/// word wins over its beginning; a group that never matches when there are none.
fn alternation<'w>(words: impl IntoIterator<Item = &'w String>) -> String {
    let mut words: Vec<String> = words.into_iter().map(|w| regex::escape(w)).collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    words.dedup();
    if words.is_empty() {
        return r"(?:[^\s\S])".to_string();
    }
    format!("(?:{})", words.join("|"))
}

/// Compiles a pattern built from lexicon words.
fn compile(pattern: &str) -> Result<Regex, Error> {
    Regex::new(pattern).map_err(|e| {
        Error::new(
            ErrorKind::Build,
            format!("cannot build a pattern of the meetings pass: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    #[test]
    fn patterns_read_the_default_words() {
        let m = &Lexicons::default_for_tests().meetings;
        let caps = m.group.captures("All four will meet").unwrap();
        assert_eq!(caps.get(1).map(|c| c.as_str()), Some("four"));
        assert_eq!(m.count("Four"), Some(4));
        assert!(m.group.is_match("the two leaders") && m.group.is_match("both sides"));
        assert!(!m.group.is_match("all one") && !m.group.is_match("the two apples"));
        assert!(m.cut.is_match("Kim met Lee, while Ortiz"));
        assert!(m.cut.is_match("Kim met Lee after which Ortiz"));
        assert!(m.cut.is_match("Kim met Lee, before heading home"));
        assert!(!m.cut.is_match("Kim met Lee before Monday"));
        assert!(m.relative.is_match("Kim flew to Oslo, where Lee met fans."));
        assert!(m.link.is_match(" with Lee") && m.link.is_match(" held today between Kim"));
        assert!(m
            .their_before
            .is_match("Kim and Lee after their four-hour "));
        assert!(!m.their_before.is_match("after his "));
        assert!(m
            .their_counterparts
            .is_match("with their Japanese counterparts"));
        assert!(m.their_counterparts.is_match("respective counterparts"));
        assert!(!m.their_counterparts.is_match("their counterpart"));
        assert!(m.counterpart.is_match("his Russian counterpart"));
    }

    #[test]
    fn an_empty_word_list_never_matches() {
        let never = compile(&format!("a{}b", alternation(&[]))).unwrap();
        assert!(!never.is_match("ab") && !never.is_match("a b"));
    }
}
