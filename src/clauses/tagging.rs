//! The first reading of a sentence: a [`Tag`] for every token, from the mentions, the
//! function words (`function_words.tsv`) and the parts of speech of `words.tsv`.

use super::Tag;
use crate::gazetteer::{FunctionClass, WordInfo, WordTag};
use crate::lexicon::Lexicons;
use crate::resolve::Resolution;
use crate::segment::{Token, TokenKind};
use crate::Span;

/// The lexicons and the tokens of one sentence, for tagging its words.
pub(super) struct Tagger<'t> {
    pub(super) lex: &'t Lexicons,
    pub(super) words: &'t crate::gazetteer::WordMap,
    pub(super) text: &'t str,
    pub(super) tokens: &'t [Token],
}

impl Tagger<'_> {
    /// The tags of every token of `span`, in order: the dateline is a boundary, a token of
    /// a mention is that mention, any other token is tagged by [`Tagger::tag_word`] from
    /// its text and the tag before it.
    pub(super) fn tags(&self, res: &Resolution, span: Span) -> Vec<Tag> {
        let mut tags = Vec::with_capacity(self.tokens.len());
        let mut m = res.mentions.partition_point(|m| m.span.end <= span.start);
        for (i, t) in self.tokens.iter().enumerate() {
            // "ASTANA. KAZINFORM Governor ... met": the dateline is no part of a clause.
            if res.dateline.is_some_and(|d| d.contains(t.span)) {
                tags.push(Tag::Boundary);
                continue;
            }
            while m < res.mentions.len() && res.mentions[m].span.end <= t.span.start {
                m += 1;
            }
            if m < res.mentions.len() && res.mentions[m].span.start <= t.span.start {
                tags.push(Tag::Mention(m));
                continue;
            }
            let prev = i.checked_sub(1).map(|p| tags[p]);
            tags.push(self.tag_word(i, prev));
        }
        tags
    }

    /// The text of token `k`.
    fn word(&self, k: usize) -> &str {
        &self.text[self.tokens[k].span]
    }

    /// The parts of speech of a word, looked up in lower case.
    fn info(&self, w: &str) -> Option<&WordInfo> {
        crate::lexicon::with_lower(w, |lower| self.words.get(lower))
    }

    /// The tag of token `i`, not part of a mention, after a token tagged `prev`: the parts
    /// of a negative contraction first, then punctuation, numbers, the "s" of a genitive,
    /// function words, and last the open classes.
    fn tag_word(&self, i: usize, prev: Option<Tag>) -> Tag {
        let w = self.word(i);
        let kind = self.tokens[i].kind;
        if let Some(tag) = self.contraction(i, prev) {
            return tag;
        }
        if kind == TokenKind::Punct {
            return self.punctuation(i);
        }
        if kind == TokenKind::Number {
            return Tag::Other;
        }
        if w == "s" && prev == Some(Tag::Genitive) {
            return Tag::Genitive;
        }
        if let Some(tag) = function_tag(self.lex, w) {
            return tag;
        }
        self.open_class(i, prev)
    }

    /// Whether tokens `a` and `b` touch (no space between them).
    fn glued(&self, a: usize, b: usize) -> bool {
        self.tokens
            .get(a)
            .zip(self.tokens.get(b))
            .is_some_and(|(x, y)| x.span.end == y.span.start)
    }

    /// Whether token `k` is an apostrophe ("'" or "’").
    fn is_apostrophe(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| matches!(&self.text[t.span], "'" | "’"))
    }

    /// Whether token `k` is the "t" of "n't".
    fn is_t(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| self.text[t.span].eq_ignore_ascii_case("t"))
    }

    /// The tag of token `i` as part of a negative contraction, if it is one. The tokenizer
    /// splits "didn't", "can’t", "won't" into the head, the apostrophe and "t": the head is
    /// the auxiliary or modal, the rest a negation.
    fn contraction(&self, i: usize, prev: Option<Tag>) -> Option<Tag> {
        if self.tokens[i].kind == TokenKind::Word
            && self.is_apostrophe(i + 1)
            && self.is_t(i + 2)
            && self.glued(i, i + 1)
            && self.glued(i + 1, i + 2)
        {
            if let Some(tag) = self.contraction_head(i) {
                return Some(tag);
            }
        }
        if matches!(prev, Some(Tag::Auxiliary | Tag::Modal))
            && self.is_apostrophe(i)
            && self.is_t(i + 1)
            && self.glued(i, i + 1)
        {
            return Some(Tag::Negation);
        }
        let w = self.word(i);
        if prev == Some(Tag::Negation)
            && i > 0
            && self.is_apostrophe(i - 1)
            && w.eq_ignore_ascii_case("t")
        {
            return Some(Tag::Negation);
        }
        None
    }

    /// The tag of the head `i` of a negative contraction ("did" of "didn't"): a modal or an
    /// auxiliary. A contraction the lexicon lists whole ("won't", "can't": `modal` rows of
    /// `function_words.tsv`) has its own class; any other is its head without the final
    /// "n" ("didn" → "did", "wouldn" → "would").
    fn contraction_head(&self, i: usize) -> Option<Tag> {
        let whole = &self.text[self.tokens[i].span.start..self.tokens[i + 2].span.end];
        let c = self.lex.function_classes(whole);
        if c.has(FunctionClass::Modal) {
            return Some(Tag::Modal);
        }
        if c.has(FunctionClass::Auxiliary) {
            return Some(Tag::Auxiliary);
        }
        let lower = self.word(i).to_lowercase();
        let head = lower.strip_suffix('n').unwrap_or(&lower);
        let c = self.lex.function_classes(head);
        if c.has(FunctionClass::Modal) {
            return Some(Tag::Modal);
        }
        if c.has(FunctionClass::Auxiliary) {
            return Some(Tag::Auxiliary);
        }
        None
    }

    /// The tag of the punctuation token `i`: a comma, the apostrophe of a genitive
    /// ("Lee's", "Nichols'"), a clause boundary, "&" (a conjunction), or other.
    fn punctuation(&self, i: usize) -> Tag {
        match self.word(i) {
            "," => Tag::Comma,
            "'" | "’"
                if self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| &self.text[n.span] == "s") =>
            {
                Tag::Genitive
            }
            "'" | "’" if i > 0 && self.word(i - 1).ends_with('s') => Tag::Genitive,
            ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”" | "‘" | "«" | "»" | "[" | "]" => {
                Tag::Boundary
            }
            "&" => Tag::Conjunction,
            _ => Tag::Other,
        }
    }

    /// The tag of a word of an open class (a noun, a verb, an adjective, an adverb) from
    /// its parts of speech in `words.tsv` and the tag before it: a word after a determiner
    /// is a noun's; a verb form after an auxiliary, a modal, a negation or "to" is
    /// non-finite ("will meet", "to meet"), and so is a gerund after a preposition ("before
    /// entering"); a past or present form is finite where it cannot be a noun or adjective,
    /// after a name ("Kim met"), or after a noun when it is otherwise only an adjective
    /// ("the chairman welcomed").
    fn open_class(&self, i: usize, prev: Option<Tag>) -> Tag {
        let Some(info) = self.info(self.word(i)) else {
            return Tag::Word;
        };
        let finite = info.tags.has(WordTag::VerbPast) || info.tags.has(WordTag::Verb3sg);
        let nonfinite = info.tags.has(WordTag::VerbPastPart)
            || info.tags.has(WordTag::VerbIng)
            || info.tags.has(WordTag::Verb);
        let nominal = info.tags.has(WordTag::Noun)
            || info.tags.has(WordTag::Plural)
            || info.tags.has(WordTag::Adj);
        let after_np_head = matches!(prev, Some(Tag::Mention(_)));
        // "to meet": the infinitive marker.
        let after_to = i > 0 && self.word(i - 1).eq_ignore_ascii_case("to");
        let after_aux = matches!(prev, Some(Tag::Auxiliary | Tag::Modal | Tag::Negation))
            || after_to && info.tags.has(WordTag::Verb);
        let after_det = matches!(prev, Some(Tag::Determiner | Tag::Possessive));
        if after_det {
            return Tag::Word;
        }
        if after_aux && (nonfinite || finite) {
            return Tag::NonFinite;
        }
        // "before entering the meeting", "after meeting Kovacs": a gerund after a preposition.
        if prev == Some(Tag::Preposition) && info.tags.has(WordTag::VerbIng) {
            return Tag::NonFinite;
        }
        // "the chairman welcomed": a past form that is otherwise only an adjective is a verb
        // after a noun (the word before is looked up only then).
        let only_adjective = !info.tags.has(WordTag::Noun) && !info.tags.has(WordTag::Plural);
        let after_noun = || {
            prev == Some(Tag::Word)
                && i > 0
                && self
                    .info(self.word(i - 1))
                    .is_some_and(|p| p.tags.has(WordTag::Noun) || p.tags.has(WordTag::Plural))
        };
        if finite && (!nominal || after_np_head || only_adjective && after_noun()) {
            return Tag::Verb;
        }
        if nonfinite && !nominal {
            return Tag::NonFinite;
        }
        Tag::Word
    }
}

/// The tag of a function word from its classes, in this order: a negation, an adverb
/// written in lower case, a modal, an auxiliary, a relative word that is no determiner
/// nor subordinator ("who", not "that" nor "when"), a possessive, a determiner, a
/// conjunction, a subordinator that is no preposition ("while", not "after"), a
/// preposition, any other function word (`Other`); `None` for a word of no class.
fn function_tag(lex: &Lexicons, w: &str) -> Option<Tag> {
    let c = lex.function_classes(w);
    let tag = if c.has(FunctionClass::Negation) {
        Tag::Negation
    } else if c.has(FunctionClass::Adverb) && w.starts_with(char::is_lowercase) {
        Tag::Adverb
    } else if c.has(FunctionClass::Modal) {
        Tag::Modal
    } else if c.has(FunctionClass::Auxiliary) {
        Tag::Auxiliary
    } else if c.has(FunctionClass::Relative)
        && !c.has(FunctionClass::Determiner)
        && !c.has(FunctionClass::Subordinator)
    {
        Tag::Relative
    } else if c.has(FunctionClass::Possessive) {
        Tag::Possessive
    } else if c.has(FunctionClass::Determiner) {
        Tag::Determiner
    } else if c.has(FunctionClass::Conjunction) {
        Tag::Conjunction
    } else if c.has(FunctionClass::Subordinator) && !c.has(FunctionClass::Preposition) {
        Tag::Subordinator
    } else if c.has(FunctionClass::Preposition) {
        Tag::Preposition
    } else if !c.is_empty() {
        Tag::Other
    } else {
        return None;
    };
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tags of `text` read as one sentence with no mentions and no open-class words.
    fn tags(text: &str) -> Vec<(String, Tag)> {
        let mut tokens = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
        let words = crate::gazetteer::WordMap::default();
        let tagger = Tagger {
            lex: Lexicons::default_for_tests(),
            words: &words,
            text,
            tokens: &tokens,
        };
        let mut out: Vec<(String, Tag)> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let prev = out.last().map(|(_, tag)| *tag);
            out.push((text[t.span].to_string(), tagger.tag_word(i, prev)));
        }
        out
    }

    #[test]
    fn negative_contractions_are_a_modal_or_auxiliary_and_a_negation() {
        for (text, head) in [
            ("Kim won't meet", Tag::Modal),
            ("Kim won’t meet", Tag::Modal),
            ("Kim can't meet", Tag::Modal),
            ("Kim CAN’T meet", Tag::Modal),
            ("Kim wouldn't meet", Tag::Modal),
            ("Kim didn't meet", Tag::Auxiliary),
            ("Kim hasn't met", Tag::Auxiliary),
        ] {
            let got: Vec<Tag> = tags(text).into_iter().map(|(_, t)| t).collect();
            assert_eq!(
                got[1..4],
                [head, Tag::Negation, Tag::Negation],
                "{text}: {got:?}"
            );
        }
        // "won" alone is no modal.
        assert_eq!(tags("Kim won")[1].1, Tag::Word);
    }
}
