//! Pronouns by salience: "he" and "she" refer to a person of compatible gender named before
//! them (within the current and the two previous paragraphs, never inside a quotation), in
//! this order of preference:
//!
//! 1. the subject of the current sentence, when the pronoun comes after it ("Okafor said he
//!    would stay"), whatever its known gender, if compatible;
//! 2. the subject of the closest sentence before it that has one of compatible gender,
//!    known or not, where a sentence's subject is its first person outside quotations that
//!    is neither a possessor ("Okafor's lawyer") nor inside a prepositional phrase ("with
//!    Okafor"), a pronoun standing for the person it was resolved to ("She branded Lund ...
//!    "Needed today," she said" → the earlier "She");
//! 3. the most recent person of compatible gender, one whose gender the text gives (a
//!    given name, a title, "Mrs") before one whose gender is unknown;
//! 4. when nobody fits, the subject of the closest sentence before it, if its opposite
//!    gender was only guessed from its first word ("Nara Venkata Rao": the family
//!    name first, and "Nara" a woman's given name).
//!
//! A pronoun inside a quotation ("All she had to say was no," he said) skips step 1: the
//! speaker of the words is rarely their "he" or "she". In an attribution after the words
//! ("..., he said"), people named in that sentence and inside the words just before it are
//! skipped, since the speaker is rarely the person the words are about.

use super::{DocMention, Resolution};
use crate::document::Document;
use crate::gazetteer::{FastMap, FunctionClass, Gender};
use crate::lexicon::{with_lower, Lexicons};
use crate::record::Via;
use crate::segment::quotes::QuoteSpan;
use crate::span::overlapping;
use crate::TokenKind;
use crate::{EntityKind, Span};

/// How many paragraphs before the pronoun's own a person may be named.
const PARAGRAPHS_BACK: usize = 2;

/// The pronoun mentions of the document, in text order. Reads the resolution's mentions
/// (sorted) and entities; adds nothing to them.
pub(super) fn resolve_pronouns(
    doc: &Document,
    lex: &Lexicons,
    given_names: &FastMap<String, Gender>,
    res: &Resolution,
) -> Vec<DocMention> {
    let text = doc.text();
    let quotes = doc.quotes();
    let in_quote = |s: Span| {
        overlapping(quotes, s, |q: &QuoteSpan| q.outer).is_some_and(|q| q.outer.contains(s))
    };
    let persons: Vec<&DocMention> = res
        .mentions
        .iter()
        .filter(|m| res.entities[m.entity].kind == EntityKind::Person && !in_quote(m.span))
        .collect();
    // Per sentence: its subject (entity, offset), filled as the sentences are read.
    let mut subjects: Vec<Option<(usize, usize)>> = vec![None; doc.sentences().len()];
    let mut next_person = 0;
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences().iter().enumerate() {
        // Name mentions and resolved pronouns of the sentence, in order, for its subject.
        let mut items: Vec<(usize, Span)> = Vec::new();
        while next_person < persons.len() && persons[next_person].span.start < sentence.span.end {
            let m = persons[next_person];
            if m.span.start >= sentence.span.start {
                items.push((m.entity, m.span));
            }
            next_person += 1;
        }
        for t in doc.tokens_in(sentence.span) {
            let Some(gender) = subject_gender(lex, &text[t.span]) else {
                continue;
            };
            let quoted = in_quote(t.span);
            let own = if quoted { &[][..] } else { &items[..] };
            let reach = Reach {
                doc,
                lex,
                res,
                persons: &persons,
                subjects: &subjects,
                given_names,
            };
            let found = antecedent(&reach, si, t.span, gender, own);
            if let Some(e) = found {
                out.push(DocMention {
                    span: t.span,
                    entity: e,
                    via: Via::Pronoun,
                });
                if !quoted {
                    items.push((e, t.span));
                }
            }
        }
        items.sort_by_key(|(_, s)| s.start);
        let main = main_clause_start(doc, lex, sentence.span);
        subjects[si] = items
            .iter()
            .find(|(_, s)| s.start >= main && is_subject_position(lex, text, *s))
            .map(|&(e, s)| (e, s.start));
    }
    out
}

/// Where the main clause of `sentence` starts: after a leading subordinate or participial
/// clause closed by a comma ("While welcoming Berglund, Kovacs said ..."), else at the
/// sentence's start.
fn main_clause_start(doc: &Document, lex: &Lexicons, sentence: Span) -> usize {
    let text = doc.text();
    let mut tokens = doc
        .tokens_in(sentence)
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    let Some(first) = tokens.next() else {
        return sentence.start;
    };
    let leading = with_lower(&text[first.span], |word| {
        lex.function_classes(word).has(FunctionClass::Subordinator)
            || (word.len() > 5 && word.ends_with("ing"))
    });
    if !leading {
        return sentence.start;
    }
    let head = &text[first.span.end..sentence.end];
    match head.find(',') {
        Some(comma) => first.span.end + comma + 1,
        None => sentence.start,
    }
}

/// Whether a person at `span` can be a sentence's subject: not a possessor ("Kim's
/// lawyer"), not after a word of the `oblique` function class ("talks with Kim", "Lee and
/// Kim").
fn is_subject_position(lex: &Lexicons, text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    let possessor = after.starts_with("'s") || after.starts_with("’s");
    let before = text[..span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let oblique = lex.is(&word, FunctionClass::Oblique);
    !possessor && !oblique
}

/// What a pronoun may refer to: the person mentions outside quotations, each earlier
/// sentence's subject, and the given names that guessed some people's gender; and what
/// finding it reads.
struct Reach<'a> {
    doc: &'a Document,
    lex: &'a Lexicons,
    res: &'a Resolution,
    persons: &'a [&'a DocMention],
    subjects: &'a [Option<(usize, usize)>],
    given_names: &'a FastMap<String, Gender>,
}

/// The antecedent of a pronoun of `gender` at `span` in sentence `si`, `items` being the
/// people named in the sentence before it (none inside a quotation): the steps of the
/// module docs, in order.
fn antecedent(
    reach: &Reach<'_>,
    si: usize,
    span: Span,
    gender: Gender,
    items: &[(usize, Span)],
) -> Option<usize> {
    let pronoun = Pronoun::new(reach, si, span, gender);
    if !pronoun.attribution {
        if let Some(e) = pronoun.sentence_subject(items) {
            return Some(e);
        }
    }
    pronoun
        .earlier_subject()
        .or_else(|| pronoun.recent_person(|e| pronoun.known(e)))
        .or_else(|| pronoun.recent_person(|e| pronoun.compatible(e)))
        .or_else(|| pronoun.guessed_subject())
}

/// One pronoun to resolve: where it stands, and whom it may not refer to.
struct Pronoun<'r, 'a> {
    reach: &'r Reach<'a>,
    si: usize,
    span: Span,
    gender: Gender,
    /// In an attribution after the words ("..., he said."): look before the sentence.
    attribution: bool,
    /// Where the farthest paragraph a person may be named in starts.
    floor: usize,
    /// The people named in the third person by the quotation just before an attribution
    /// ("“I know that Hollande has,” he said"): not their speaker.
    named_inside: Vec<usize>,
}

impl<'r, 'a> Pronoun<'r, 'a> {
    fn new(reach: &'r Reach<'a>, si: usize, span: Span, gender: Gender) -> Self {
        let doc = reach.doc;
        let text = doc.text();
        let para = doc.sentences()[si].paragraph;
        let floor = doc
            .paragraphs()
            .get(para.saturating_sub(PARAGRAPHS_BACK))
            .map_or(0, |p| p.start);
        let attribution = text[..span.start]
            .trim_end()
            .ends_with([',', '"', '\u{201D}', '\'', '’']);
        let named_inside = if attribution {
            named_in_quote_before(doc, reach.res, span)
        } else {
            Vec::new()
        };
        Pronoun {
            reach,
            si,
            span,
            gender,
            attribution,
            floor,
            named_inside,
        }
    }

    /// Whether entity `e` may be meant and its known gender is the pronoun's.
    fn known(&self, e: usize) -> bool {
        !self.named_inside.contains(&e)
            && self.reach.res.entities[e]
                .gender
                .is_some_and(|g| g == self.gender || g == Gender::Unisex)
    }

    /// Whether entity `e` may be meant, its gender the pronoun's or unknown.
    fn compatible(&self, e: usize) -> bool {
        !self.named_inside.contains(&e)
            && self.reach.res.entities[e]
                .gender
                .is_none_or(|g| g == self.gender || g == Gender::Unisex)
    }

    /// Step 1: the subject of this sentence, before the pronoun, of any compatible gender.
    /// The main subject when it fits; a later clause's subject of known gender beats a
    /// main subject whose gender is unknown ("Sanders held a rally while Clinton hosted an
    /// event, during which she …").
    fn sentence_subject(&self, items: &[(usize, Span)]) -> Option<usize> {
        let (doc, lex) = (self.reach.doc, self.reach.lex);
        let main = main_clause_start(doc, lex, doc.sentences()[self.si].span);
        let subjects: Vec<usize> = items
            .iter()
            .filter(|(_, s)| {
                s.start >= main
                    && s.end <= self.span.start
                    && is_subject_position(lex, doc.text(), *s)
            })
            .map(|&(e, _)| e)
            .collect();
        if let Some(&e) = subjects.first().filter(|&&e| self.known(e)) {
            return Some(e);
        }
        if let Some(&e) = subjects.iter().find(|&&e| self.known(e)) {
            return Some(e);
        }
        subjects.first().copied().filter(|&e| self.compatible(e))
    }

    /// Step 2: the subject of the closest sentence before it that has one of compatible
    /// gender, known or not: the closest subject of unknown gender beats a farther one of
    /// known gender ("Okwara rejected the offer. '...,' Okwara said. He added: ..." after
    /// "Lund said" earlier), and a person of known gender named after it outside the
    /// subject ("..., Okwara said, before accepting the trophy from chairman Peter Lund.
    /// He ...").
    fn earlier_subject(&self) -> Option<usize> {
        for sj in (0..self.si).rev() {
            let Some((e, at)) = self.reach.subjects[sj] else {
                continue;
            };
            if at < self.floor {
                break;
            }
            if self.compatible(e) {
                return Some(e);
            }
        }
        None
    }

    /// Step 3: the most recent person in reach that `fits` (before the sentence, for an
    /// attribution).
    fn recent_person(&self, fits: impl Fn(usize) -> bool) -> Option<usize> {
        let limit = if self.attribution {
            self.reach.doc.sentences()[self.si].span.start
        } else {
            self.span.start
        };
        let persons = self.reach.persons;
        let before = persons.partition_point(|m| m.span.start < limit);
        persons[..before]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= self.floor)
            .find(|m| fits(m.entity))
            .map(|m| m.entity)
    }

    /// Step 4: with nobody of compatible gender in reach, a gender guessed from a first name
    /// alone yields to the closest earlier subject: "Nara Venkata Rao" puts the family name
    /// first, and "Nara" is a woman's given name in the list.
    fn guessed_subject(&self) -> Option<usize> {
        let guessed = |e: usize| {
            let entity = &self.reach.res.entities[e];
            let first = entity.name.split_whitespace().next().unwrap_or("");
            entity.gender.is_some_and(|g| g != self.gender)
                && entity.name.contains(' ')
                && self.reach.given_names.get(first) == entity.gender.as_ref()
                && !self.named_inside.contains(&e)
        };
        (0..self.si)
            .rev()
            .find_map(|sj| self.reach.subjects[sj])
            .filter(|&(e, at)| at >= self.floor && guessed(e))
            .map(|(e, _)| e)
    }
}

/// The entities of the mentions inside the quotation that ends just before an attribution
/// at `span` (at most two characters between them).
fn named_in_quote_before(doc: &Document, res: &Resolution, span: Span) -> Vec<usize> {
    let text = doc.text();
    let quotes = doc.quotes();
    let before = quotes.partition_point(|q| q.outer.end <= span.start);
    before
        .checked_sub(1)
        .map(|k| quotes[k].outer)
        .filter(|q| text[q.end..span.start].trim().len() <= 2)
        .map(|q| {
            let from = res.mentions.partition_point(|m| m.span.start < q.start);
            res.mentions[from..]
                .iter()
                .take_while(|m| m.span.end <= q.end)
                .map(|m| m.entity)
                .collect()
        })
        .unwrap_or_default()
}

/// The gender of a subject pronoun that refers to one person ("he", "She"), written in
/// lower case or capitalised.
fn subject_gender(lex: &Lexicons, word: &str) -> Option<Gender> {
    // Most words are no pronoun: that is asked first.
    if !lex.is(word, FunctionClass::SubjectPronoun) {
        return None;
    }
    let mut chars = word.chars();
    let first_ok = chars.next().is_some();
    if !first_ok || chars.any(char::is_uppercase) {
        return None;
    }
    let classes = lex.function_classes(word);
    if classes.has(FunctionClass::Male) {
        Some(Gender::Male)
    } else if classes.has(FunctionClass::Female) {
        Some(Gender::Female)
    } else {
        None
    }
}
