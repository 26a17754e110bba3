//! Pronouns: "he"/"she" refer to the most recent person of compatible gender in the same or
//! the previous paragraph; in an attribution after a clause ("..., he said") people named in
//! that sentence are skipped, since the speaker is rarely the person the words are about.

use super::{DocMention, Resolution};
use crate::document::Document;
use crate::gazetteer::{FunctionClass, Gender};
use crate::lexicon::Lexicons;
use crate::record::Via;
use crate::EntityKind;

/// The pronoun mentions of the document, in text order. Reads the resolution's mentions
/// (sorted) and entities; adds nothing to them.
pub(super) fn resolve_pronouns(
    doc: &Document,
    lex: &Lexicons,
    res: &Resolution,
) -> Vec<DocMention> {
    let text = doc.text();
    let paragraphs = doc.paragraphs();
    let persons: Vec<&DocMention> = res
        .mentions
        .iter()
        .filter(|m| res.entities[m.entity].kind == EntityKind::Person)
        .collect();
    let mut out = Vec::new();
    for t in doc.tokens() {
        let Some(gender) = subject_gender(lex, &text[t.span]) else {
            continue;
        };
        let para = paragraphs.partition_point(|p| p.end <= t.span.start);
        let floor = para
            .checked_sub(1)
            .and_then(|p| paragraphs.get(p))
            .map_or(0, |p| p.start);
        // In an attribution after the words ("..., he said."), the speaker is rarely a
        // person named inside those words: look before the sentence.
        let attribution = text[..t.span.start]
            .trim_end()
            .ends_with([',', '"', '\u{201D}']);
        let limit = if attribution {
            doc.sentence_at(t.span.start)
                .map_or(t.span.start, |s| doc.sentences()[s].span.start)
        } else {
            t.span.start
        };
        let before = persons.partition_point(|m| m.span.start < limit);
        let antecedent = persons[..before]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= floor)
            .find(|m| {
                res.entities[m.entity]
                    .gender
                    .is_none_or(|g| g == gender || g == Gender::Unisex)
            });
        if let Some(m) = antecedent {
            out.push(DocMention {
                span: t.span,
                entity: m.entity,
                via: Via::Pronoun,
            });
        }
    }
    out
}

/// The gender of a subject pronoun that refers to one person ("he", "She"), written in
/// lower case or capitalised.
fn subject_gender(lex: &Lexicons, word: &str) -> Option<Gender> {
    let mut chars = word.chars();
    let first_ok = chars.next().is_some();
    if !first_ok || chars.any(char::is_uppercase) {
        return None;
    }
    let classes = lex.function_classes(word);
    if !classes.has(FunctionClass::SubjectPronoun) {
        return None;
    }
    if classes.has(FunctionClass::Male) {
        Some(Gender::Male)
    } else if classes.has(FunctionClass::Female) {
        Some(Gender::Female)
    } else {
        None
    }
}
