//! Definite descriptions of institutions: "the court", "the Ministry", "the bank" after
//! "Allahabad High Court", "Ministry of Foreign Affairs", "World Bank". A definite article
//! and one common noun that is the head of an institution's name of two words or more (the
//! word before its first "of", else its last word) named before it
//! (within [`PARAGRAPHS_BACK`] paragraphs) is a mention of that institution, the most
//! recently named one when several fit. The noun must end the phrase: "the Court of Appeal"
//! and "the court house" are names or other things.

use super::{overlaps_any, Builder, DocMention, Inputs};
use crate::gazetteer::{FunctionClass, WordTag};
use crate::lexicon::with_lower;
use crate::record::Via;
use crate::segment::TokenKind;
use crate::{EntityKind, Span};

/// How many paragraphs before the description's own the institution may be named.
const PARAGRAPHS_BACK: usize = 3;

/// The institution mentions the descriptions of the document add. Reads the mentions so
/// far (sorted) and their entities.
pub(super) fn institution_descriptions(b: &Builder<'_>, input: &Inputs<'_>) -> Vec<DocMention> {
    let doc = input.doc;
    let text = doc.text();
    let covered: Vec<Span> = b.out.mentions.iter().map(|m| m.span).collect();
    let institutions: Vec<&DocMention> = b
        .out
        .mentions
        .iter()
        .filter(|m| b.out.entities[m.entity].kind == EntityKind::Institution)
        .collect();
    if institutions.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for sentence in doc.sentences() {
        let tokens = doc.tokens_in(sentence.span);
        for k in 0..tokens.len().saturating_sub(1) {
            let (det, noun) = (&tokens[k], &tokens[k + 1]);
            if noun.kind != TokenKind::Word
                || !input.lex.is(&text[det.span], FunctionClass::Definite)
            {
                continue;
            }
            let word = &text[noun.span];
            let common = input.lex.function_classes(word).is_empty()
                && with_lower(word, |lower| {
                    input
                        .gaz
                        .words
                        .get(lower)
                        .is_some_and(|i| i.tags.has(WordTag::Noun))
                });
            if !common || overlaps_any(&covered, noun.span) {
                continue;
            }
            // The noun ends the phrase: no capitalised word, "of" or noun after it.
            let ends = tokens.get(k + 2).is_none_or(|next| {
                let w = &text[next.span];
                next.kind != TokenKind::Word
                    || !(w.starts_with(char::is_uppercase)
                        || w == "of"
                        || input.gaz.words.get(w).is_some_and(|i| {
                            i.tags.has(WordTag::Noun)
                                && !i.tags.has(WordTag::Verb3sg)
                                && !i.tags.has(WordTag::VerbPast)
                        }))
            });
            if !ends {
                continue;
            }
            let floor = doc
                .paragraphs()
                .get(sentence.paragraph.saturating_sub(PARAGRAPHS_BACK))
                .map_or(0, |p| p.start);
            let before = institutions.partition_point(|m| m.span.start < det.span.start);
            let named = institutions[..before]
                .iter()
                .rev()
                .take_while(|m| m.span.start >= floor)
                .find(|m| {
                    let name = &b.out.entities[m.entity].name;
                    name.contains(' ') && head(name).eq_ignore_ascii_case(word)
                });
            if let Some(m) = named {
                out.push(DocMention {
                    span: noun.span,
                    entity: m.entity,
                    via: Via::ShortForm,
                });
            }
        }
    }
    out
}

/// The head word of a name: the word before its first "of" ("Ministry of Foreign
/// Affairs"), else its last word ("Allahabad High Court").
fn head(name: &str) -> &str {
    let mut before = None;
    for word in name.split_whitespace() {
        if word == "of" {
            // Only the first "of" counts: one that begins the name gives the last word.
            match before {
                Some(head) => return head,
                None => break,
            }
        }
        before = Some(word);
    }
    name.split_whitespace().next_back().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::head;

    #[test]
    fn head_is_the_word_before_the_first_of_else_the_last_word() {
        for (name, want) in [
            ("Ministry of Foreign Affairs", "Ministry"),
            ("Wold Valley High Court", "Court"),
            ("Bank of Ostrava of Old", "Bank"),
            ("  Board  of   Trade ", "Board"),
            ("of Ostrava Court", "Court"),
            ("Court", "Court"),
            ("of", "of"),
            ("", ""),
        ] {
            assert_eq!(head(name), want, "{name:?}");
        }
    }
}
