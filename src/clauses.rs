//! The clause layer: who does what in a sentence, read without a statistical parser.
//!
//! Built only for the sentences a relation pass asks about (those holding a meeting trigger
//! or a speech cue), so its cost stays proportional to them. It reads the document's tokens,
//! the resolution's mentions (names, short forms, role nouns, pronouns: each a mention of an
//! entity) and the word lexicons (`function_words.tsv`, `words.tsv`), and gives:
//!
//! - a **tag** for every token of the sentence: a mention, a determiner, a preposition, a
//!   conjunction, a relative or subordinating word, an auxiliary or modal, a negation, a verb
//!   form, punctuation, or another word;
//! - the **verb group** of a verb: the auxiliaries, modals, negations and adverbs before it
//!   ("will not meet", "is expected to meet", "had been received"), with its tense
//!   (future or not), voice (passive: a form of "be" before a past participle) and polarity;
//! - its **subject**: the entities of the noun phrase before the verb group, coordinated
//!   ("Kim and Lee", "Kim, Lee and Park"), skipping appositions and relative clauses set
//!   off by commas ("Kim, the coach, met", "Kim, who arrived on Monday, met") and never
//!   reading across a clause boundary (a semicolon, a colon, "that", another finite verb);
//!   a verb phrase joined to an earlier one by "and" shares its subject ("Kim praised Lee
//!   and thanked her");
//! - its **objects**: the entities listed after a position (after the verb, after "with",
//!   "by", "between"), up to the end of the clause.
//!
//! A mention counts as a member of a subject or an object only where a noun phrase of its
//! own can stand: not as a possessor ("Lee's successor", "Nichols' family"), not inside a
//! prepositional phrase that modifies another noun ("the son of Carlos Slim", "a letter
//! from Okafor", "the talks about Trump's tariffs").
//!
//! ```text
//! "Pastor Ola Berg said he and other pastors met with Mayor Ana Ruiz."
//!   verb "met": subject = [he → Ola Berg], objects after "with" = [Ana Ruiz]
//! "The family of Tomas Lund met Mayor Ana Ruiz."
//!   verb "met": subject = [] (the head is "family"; Lund is inside "of ..."),
//!   objects = [Ana Ruiz]
//! ```

mod tagging;

use crate::document::Document;
use crate::gazetteer::{FunctionClass, WordInfo, WordMap, WordTag};
use crate::lexicon::Lexicons;
use crate::resolve::Resolution;
use crate::segment::TokenKind;
use crate::{EntityKind, Span};
use tagging::Tagger;

/// What a token is, for the clause layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Part of a mention of an entity; the index is into `Resolution::mentions`.
    Mention(usize),
    /// "the", "a", "this".
    Determiner,
    /// "his", "her", "its", "their".
    Possessive,
    /// "of", "with", "by", "at".
    Preposition,
    /// "and", "or", "&".
    Conjunction,
    /// "who", "which", "where".
    Relative,
    /// "while", "because", "after", "that" opening a clause.
    Subordinator,
    /// Forms of "be", "have", "do".
    Auxiliary,
    /// "will", "would", "can".
    Modal,
    /// "not", "never", "n't".
    Negation,
    /// "yesterday", "also", "then": an adverb between a subject and its verb.
    Adverb,
    /// A word that can be a finite verb here ("met", "says").
    Verb,
    /// A participle or base form ("meeting", "met" after "has", "meet" after "will").
    NonFinite,
    /// A word that can only be a noun, an adjective or an adverb here.
    Word,
    /// ",".
    Comma,
    /// ";", ":", a dash, a quotation mark, brackets: a clause boundary.
    Boundary,
    /// "'s", "'" of a possessive.
    Genitive,
    /// Anything else (numbers, other punctuation).
    Other,
}

/// One sentence read by the clause layer.
pub(crate) struct Sentence<'a> {
    text: &'a str,
    /// The sentence's tokens (absolute spans).
    tokens: &'a [crate::segment::Token],
    tags: Vec<Tag>,
    res: &'a Resolution,
    lex: &'a Lexicons,
    /// `words.tsv`: the parts of speech of word forms.
    words: &'a WordMap,
}

/// The verb group of a verb: the tokens from its first auxiliary to the verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbGroup {
    /// Index (into the sentence's tokens) of the first token of the group.
    pub(crate) start: usize,
    /// Index of the verb itself.
    pub(crate) verb: usize,
    /// "will meet", "is to meet", "is expected to meet", "plans to meet".
    pub(crate) future: bool,
    /// "was received", "were hosted".
    pub(crate) passive: bool,
    /// "did not meet", "never met".
    pub(crate) negated: bool,
}

impl<'a> Sentence<'a> {
    /// Tags the tokens of `span` (a sentence or a clause of one): each token on its own
    /// ([`Tagger::tags`]), then the verb forms that the words around them show.
    pub(crate) fn new(
        doc: &'a Document,
        res: &'a Resolution,
        lex: &'a Lexicons,
        words: &'a WordMap,
        span: Span,
    ) -> Self {
        let text = doc.text();
        let tokens = doc.tokens_in(span);
        let tagger = Tagger {
            lex,
            words,
            text,
            tokens,
        };
        let tags = tagger.tags(res, span);
        let mut sentence = Sentence {
            text,
            tokens,
            tags,
            res,
            lex,
            words,
        };
        sentence.tag_verbs_after_auxiliaries();
        sentence.tag_verbs_after_appositions();
        sentence
    }

    /// The parts of speech of token `k`, looked up in lower case.
    fn info(&self, k: usize) -> Option<&'a WordInfo> {
        self.words.get(&self.word(k).to_lowercase())
    }

    /// "will then host", "has also met": a verb form after an auxiliary or a modal and the
    /// adverbs after it is non-finite.
    fn tag_verbs_after_auxiliaries(&mut self) {
        for i in 0..self.tags.len() {
            if !matches!(self.tags[i], Tag::Auxiliary | Tag::Modal) {
                continue;
            }
            let mut k = i + 1;
            while k < self.tags.len() && self.adverb_in_group(k) {
                k += 1;
            }
            if k > i + 1 && k < self.tags.len() && self.tags[k] == Tag::Word {
                let verb = self.info(k).is_some_and(|w| {
                    w.tags.has(WordTag::Verb)
                        || w.tags.has(WordTag::VerbPastPart)
                        || w.tags.has(WordTag::VerbIng)
                });
                if verb {
                    self.tags[k] = Tag::NonFinite;
                }
            }
        }
    }

    /// Whether token `k` may stand between an auxiliary and its verb: an adverb of the
    /// function words, another word no lexicon knows, or a word `words.tsv` knows as an
    /// adverb and not as a verb.
    fn adverb_in_group(&self, k: usize) -> bool {
        self.tags[k] == Tag::Adverb
            || self.tags[k] == Tag::Other && self.tokens[k].kind == TokenKind::Word
            || self.tags[k] == Tag::Word
                && self
                    .info(k)
                    .is_some_and(|w| w.tags.has(WordTag::Adv) && !w.tags.has(WordTag::Verb))
    }

    /// "the union leader, Ingrid Solheim, told reporters": a finite form right after a name
    /// set off by commas is the verb of the clause, though "told" is also an adjective.
    fn tag_verbs_after_appositions(&mut self) {
        for i in 2..self.tags.len() {
            let Tag::Mention(m) = self.tags[i - 2] else {
                continue;
            };
            if self.tags[i] != Tag::Word || self.tags[i - 1] != Tag::Comma {
                continue;
            }
            let mut k = i - 2;
            while k > 0 && self.tags[k - 1] == Tag::Mention(m) {
                k -= 1;
            }
            let set_off = k > 0 && self.tags[k - 1] == Tag::Comma;
            let finite = self
                .info(i)
                .is_some_and(|w| w.tags.has(WordTag::VerbPast) || w.tags.has(WordTag::Verb3sg));
            if set_off && finite {
                self.tags[i] = Tag::Verb;
            }
        }
    }

    /// The number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The tag of token `i`.
    pub(crate) fn tag(&self, i: usize) -> Tag {
        self.tags[i]
    }

    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span]
    }

    /// The index of the first token starting at or after byte `offset`.
    pub(crate) fn index_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// The span of token `i`.
    pub(crate) fn span(&self, i: usize) -> Span {
        self.tokens[i].span
    }

    /// The entity of the mention at token `i`, if any.
    pub(crate) fn entity_at(&self, i: usize) -> Option<usize> {
        match self.tags.get(i) {
            Some(Tag::Mention(m)) => Some(self.res.mentions[*m].entity),
            _ => None,
        }
    }

    /// The verb group ending at the verb at token `verb`.
    pub(crate) fn verb_group(&self, lex: &Lexicons, verb: usize) -> VerbGroup {
        let mut start = verb;
        let mut future = false;
        let mut negated = false;
        let mut be = false;
        while start > 0 {
            let j = start - 1;
            let w = self.word(j);
            let classes = lex.function_classes(w);
            match self.tags[j] {
                Tag::Auxiliary | Tag::Modal | Tag::Negation | Tag::Adverb => {
                    future |= classes.has(FunctionClass::Future);
                    negated |= self.tags[j] == Tag::Negation;
                    be |= lex.is(w, FunctionClass::Be);
                    start = j;
                }
                // "expected to", "plans to", "set to": a word and "to" before the verb.
                _ if w.eq_ignore_ascii_case("to") && j > 0 => {
                    start = j;
                }
                Tag::Other
                    if self.tokens[j].kind == TokenKind::Word
                        && j > 0
                        && matches!(self.tags[j - 1], Tag::Auxiliary | Tag::Modal) =>
                {
                    start = j;
                }
                Tag::Word | Tag::NonFinite | Tag::Verb
                    if classes.has(FunctionClass::Future)
                        || ends_in_ly(w)
                        || j > 0 && matches!(self.tags[j - 1], Tag::Auxiliary | Tag::Modal) =>
                {
                    future |= classes.has(FunctionClass::Future);
                    start = j;
                }
                Tag::Verb | Tag::NonFinite
                    if start < verb && self.word(start).eq_ignore_ascii_case("to") =>
                {
                    // "planned to", "agreed to", "hopes to": the head of the group.
                    start = j;
                }
                _ => break,
            }
        }
        // "is to meet", "expected to meet", "plans to": future phrases the lexicon knows.
        let group = Span::new(self.span(start).start, self.span(verb).start);
        if !group.is_empty() && lex.has_future(self.text, group) {
            future = true;
        }
        let participle = self.tags[verb] == Tag::NonFinite || self.word(verb).ends_with("ed");
        VerbGroup {
            start,
            verb,
            future,
            passive: be && participle,
            negated,
        }
    }

    /// Whether token `i` ends a clause for a scan going left from a verb: a boundary, a
    /// finite verb, a relative or subordinating word.
    fn clause_edge(&self, i: usize) -> bool {
        matches!(
            self.tags[i],
            Tag::Boundary | Tag::Verb | Tag::Relative | Tag::Subordinator
        )
    }

    /// Whether token `i` separates the items of a list ("," "and" "or" "&").
    fn separator(&self, i: usize) -> bool {
        matches!(self.tags[i], Tag::Comma | Tag::Conjunction)
    }

    /// The entities of the subject of the verb group starting at token `start`: the subject
    /// of an earlier verb phrase joined by "and", the antecedent of a relative word, a
    /// person's name in apposition, or else the heads of the noun phrases (coordinated)
    /// before it in its clause. An apposition or a relative clause set off by commas just
    /// before the verb is skipped ("Kim, the coach, met", "Kim, who arrived on Monday, met").
    pub(crate) fn subject(&self, start: usize) -> Vec<usize> {
        if let Some(subject) = self.shared_subject(start) {
            return subject;
        }
        if let Some(e) = self.relative_antecedent(start) {
            return vec![e];
        }
        if let Some(e) = self.named_apposition(start) {
            return vec![e];
        }
        self.listed_subject(start)
    }

    /// "Kim praised Lee and thanked her": a verb phrase joined by "and" to an earlier one
    /// of its clause shares the subject of the first; `None` when no finite verb,
    /// auxiliary or modal stands before the conjunction in the clause.
    fn shared_subject(&self, start: usize) -> Option<Vec<usize>> {
        if start == 0 || self.tags[start - 1] != Tag::Conjunction {
            return None;
        }
        let mut j = start - 1;
        while j > 0 {
            j -= 1;
            match self.tags[j] {
                Tag::Verb | Tag::Auxiliary | Tag::Modal => {
                    let mut g = j;
                    while g > 0
                        && matches!(
                            self.tags[g - 1],
                            Tag::Auxiliary | Tag::Modal | Tag::Negation
                        )
                    {
                        g -= 1;
                    }
                    return Some(self.subject(g));
                }
                Tag::Boundary | Tag::Relative | Tag::Subordinator | Tag::Comma => break,
                _ => {}
            }
        }
        None
    }

    /// "Kim, who met Lee": the subject of a relative clause is the entity named right
    /// before the relative word (and its comma).
    fn relative_antecedent(&self, start: usize) -> Option<usize> {
        if start < 2 || self.tags[start - 1] != Tag::Relative {
            return None;
        }
        let k = if self.tags[start - 2] == Tag::Comma {
            start - 2
        } else {
            start - 1
        };
        if k > 0 {
            return self.entity_at(k - 1);
        }
        None
    }

    /// "the union leader, Kim Lund, told": a person's name set off by commas after a noun
    /// phrase is that phrase's apposition, and the subject.
    fn named_apposition(&self, start: usize) -> Option<usize> {
        if start < 2 || self.tags[start - 1] != Tag::Comma {
            return None;
        }
        let Tag::Mention(m) = self.tags[start - 2] else {
            return None;
        };
        let mut k = start - 2;
        while k > 0 && self.tags[k - 1] == Tag::Mention(m) {
            k -= 1;
        }
        let e = self.res.mentions[m].entity;
        let apposition = k >= 2
            && self.tags[k - 1] == Tag::Comma
            && matches!(self.tags[k - 2], Tag::Word | Tag::Genitive);
        (apposition && self.res.entities[e].kind == EntityKind::Person).then_some(e)
    }

    /// The heads of the coordinated noun phrases before token `start` in its clause ("Kim
    /// and Lee met", "Kim, Lee and Park met"), over appositions and relative clauses set
    /// off by commas right before it; each item is read by [`Sentence::item_head`].
    fn listed_subject(&self, start: usize) -> Vec<usize> {
        let mut end = start;
        while end > 0 && self.tags[end - 1] == Tag::Comma {
            match self.bracket_start(end - 1) {
                Some(open) => end = open,
                None => break,
            }
        }
        let mut begin = end;
        while begin > 0 && !self.clause_edge(begin - 1) {
            begin -= 1;
        }
        // Items between separators; the head of an item is its last token.
        let mut out = Vec::new();
        let mut item_end = end;
        let mut i = end;
        while i > begin {
            i -= 1;
            if self.separator(i) || i == begin {
                let item_start = if self.separator(i) { i + 1 } else { i };
                if item_start < item_end {
                    if let Some(e) = self.item_head(item_start, item_end) {
                        out.push(e);
                    }
                }
                item_end = i;
            }
        }
        out.reverse();
        out.dedup();
        out
    }

    /// The entity heading the item `[start, end)`: the last mention of its leading noun
    /// phrase (after a leading prepositional phrase such as "During the meeting", before
    /// any other), that is no possessor and is followed by no noun it modifies.
    ///
    /// "President Kovacs from Sept. 20 in New York" → Kovacs; "Acme CEO Ana Ruiz" → Ruiz;
    /// "Bergen Council's leader Ola Berg" → Berg; "the Kovacs government", "the family
    /// of Tomas Lund" → nobody.
    fn item_head(&self, start: usize, end: usize) -> Option<usize> {
        let mut i = start;
        // A leading prepositional phrase: the preposition, determiners, lower-case words.
        if i < end && self.tags[i] == Tag::Preposition {
            i += 1;
            while i < end
                && (matches!(self.tags[i], Tag::Determiner | Tag::Possessive)
                    || matches!(self.tags[i], Tag::Word | Tag::NonFinite) && !self.is_name_like(i))
            {
                i += 1;
            }
        }
        let mut head = None;
        let lead = i;
        while i < end {
            match self.tags[i] {
                Tag::Mention(m) => {
                    let last = self.mention_last_token(i, m).min(end - 1);
                    let possessor = self.tags.get(last + 1) == Some(&Tag::Genitive);
                    let modifier = last + 1 < end
                        && matches!(self.tags[last + 1], Tag::Word | Tag::NonFinite)
                        && !self.is_name_like(last + 1);
                    head = (!possessor && !modifier).then(|| self.res.mentions[m].entity);
                    i = last + 1;
                }
                Tag::Preposition => break,
                _ => i += 1,
            }
        }
        // "Chairman of Lulu Group International Yusuf Ali": a title, its institution, then
        // the name: the last mention, a person.
        if head.is_none() && self.is_name_like(lead) {
            let last = (lead..end).rev().find_map(|k| match self.tags[k] {
                Tag::Mention(m) => Some((k, m)),
                _ => None,
            });
            if let Some((k, m)) = last {
                let first = self.mention_first_token(k, m);
                let person =
                    self.res.entities[self.res.mentions[m].entity].kind == EntityKind::Person;
                // The name ends the item: "Oslo Port Authority chairman" is headed by the noun.
                let ends_item = k + 1 >= end;
                if person
                    && ends_item
                    && self.is_member(first, k)
                    && self.tags.get(k + 1) != Some(&Tag::Genitive)
                {
                    head = Some(self.res.mentions[m].entity);
                }
            }
        }
        head
    }

    /// The entities listed from token `from` to the end of the clause: "Kim and Lee",
    /// "Minister of Health Nila Moeloek, Minister Yohana Yembise and Puan Maharani",
    /// "Carlos Slim Domit, son of Carlos Slim; Emilio Azcarraga, chairman of Televisa". An
    /// item that starts in lower case after a comma describes the item before it and names
    /// nobody new.
    pub(crate) fn objects(&self, from: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = from;
        let mut item_start = from;
        // Inside a prepositional phrase's list: "representatives from A, B and C" lists
        // nobody after "from".
        let mut attached: Option<EntityKind> = None;
        while i < self.len() {
            let tag = self.tags[i];
            let semicolon = self.word(i) == ";";
            let in_list = matches!(
                tag,
                Tag::Mention(_) | Tag::Comma | Tag::Conjunction | Tag::Determiner
            ) || self.is_name_like(i);
            if !in_list {
                attached = None;
            }
            // A verb, or an auxiliary or modal opening one ("talks between A and B will take
            // place, X told"), ends the objects.
            let end_of_clause = match tag {
                Tag::Boundary => !semicolon,
                Tag::Relative | Tag::Subordinator => true,
                Tag::Verb | Tag::Auxiliary | Tag::Modal => i > from && !self.is_name_like(i),
                _ => false,
            };
            if end_of_clause {
                break;
            }
            if self.separator(i) || semicolon {
                item_start = i + 1;
                i += 1;
                continue;
            }
            if let Tag::Mention(m) = tag {
                let first = self.mention_first_token(i, m);
                let last = self.mention_last_token(i, m);
                let describes = item_start > from
                    && self.tags[item_start - 1] == Tag::Comma
                    && matches!(self.tags[item_start], Tag::Word | Tag::NonFinite)
                    && !self.is_name_like(item_start);
                let entity = self.res.mentions[m].entity;
                // The preposition that opens the list attaches nothing ("a lunch for Xi").
                let opened = self.np_start(first) <= from;
                let member = opened && self.tags.get(last + 1) != Some(&Tag::Genitive)
                    || self.is_member(first, last);
                let kind = self.res.entities[entity].kind;
                if !member && !opened && self.tags.get(last + 1) != Some(&Tag::Genitive) {
                    attached = Some(kind);
                }
                // A list continues the attachment of its first item when its items are of
                // one kind ("from A, B and C"), not when a name follows a place ("the
                // Ambassador to Iraq, Maxim Maksimov").
                let continues = attached == Some(kind);
                if !describes && member && !continues && !out.contains(&entity) {
                    out.push(entity);
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Whether the mention spanning tokens `first..=last` stands as a noun phrase of its own:
    /// not a possessor ("Lee's successor") and not after a preposition that attaches it to
    /// another noun ("son of Carlos Slim", "a letter from Okafor": the `adnominal` class of
    /// `function_words.tsv`).
    pub(crate) fn is_member(&self, first: usize, last: usize) -> bool {
        let possessor = matches!(self.tags.get(last + 1), Some(Tag::Genitive));
        let first = self.np_start(first);
        let attached = first > 0
            && self.tags[first - 1] == Tag::Preposition
            && self.lex.is(self.word(first - 1), FunctionClass::Adnominal);
        !possessor && !attached
    }

    /// The start of the noun phrase of a mention starting at token `first`: over
    /// determiners and lower-case modifiers ("from the CGT", "of Mexican billionaire Carlos
    /// Slim"), not over titles ("Minister of Health Nila Moeloek").
    fn np_start(&self, first: usize) -> usize {
        let mut k = first;
        while k > 0
            && (matches!(self.tags[k - 1], Tag::Determiner | Tag::Possessive)
                || matches!(self.tags[k - 1], Tag::Word | Tag::NonFinite)
                    && !self.is_name_like(k - 1))
        {
            k -= 1;
        }
        k
    }

    /// Whether token `i` is written with a capital (a title, a name word).
    fn is_name_like(&self, i: usize) -> bool {
        self.word(i).starts_with(char::is_uppercase)
    }

    fn mention_first_token(&self, i: usize, m: usize) -> usize {
        let start = self.res.mentions[m].span.start;
        let mut k = i;
        while k > 0 && self.tokens[k - 1].span.start >= start {
            k -= 1;
        }
        k
    }

    fn mention_last_token(&self, i: usize, m: usize) -> usize {
        let end = self.res.mentions[m].span.end;
        let mut k = i;
        while k + 1 < self.len() && self.tokens[k + 1].span.end <= end {
            k += 1;
        }
        k
    }

    /// For a comma at token `close`, the token index of the comma that opens the
    /// apposition or relative clause it closes, when the text between them is one: it
    /// starts with a relative word ("who", "which"), a determiner or possessive, or a word
    /// in lower case (a role: ", deputy head of the union,"), and holds no boundary.
    fn bracket_start(&self, close: usize) -> Option<usize> {
        let mut k = close;
        while k > 0 {
            k -= 1;
            match self.tags[k] {
                Tag::Comma => {
                    let first = k + 1;
                    let opens =
                        matches!(
                            self.tags.get(first),
                            Some(Tag::Relative | Tag::Determiner | Tag::Possessive)
                        ) || matches!(self.tags.get(first), Some(Tag::Word | Tag::NonFinite))
                            && self.word(first).starts_with(char::is_lowercase)
                            || matches!(self.tags.get(first), Some(Tag::Other))
                                && self.tokens[first].kind == TokenKind::Number;
                    return opens.then_some(k);
                }
                Tag::Boundary => return None,
                _ => {}
            }
        }
        None
    }

    /// The people among `entities`.
    pub(crate) fn people(&self, entities: &[usize]) -> Vec<usize> {
        entities
            .iter()
            .copied()
            .filter(|&e| self.res.entities[e].kind == EntityKind::Person)
            .collect()
    }
}

fn ends_in_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase)
}
