//! Finding the speaker around a cue: the subject before a verb, the name after an inverted
//! verb or "according to", unnamed officials and organs of institutions.

use super::cues::{inside, Cue, CueKind};
use super::Pass;
use crate::clauses::{Sentence, Tag};
use crate::gazetteer::{ClassSet, FunctionClass, RoleNounClass};
use crate::record::{Sieve, Via};
use crate::resolve::DocMention;
use crate::segment::TokenKind;
use crate::{EntityKind, Span};

/// Who a cue names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Who {
    /// An entity of the resolution, with the sieve that named it when it is not the base
    /// rule's (pronoun, role noun, institution organ, anonymous official).
    Speaker(usize, Option<Sieve>),
    /// The text gives no named speaker; `Some(Sieve::Anonymous)` for an unnamed source.
    Null(Option<Sieve>),
    /// "according to" a news outlet: not a speaker.
    Outlet,
}

impl Who {
    pub(super) const NOBODY: Who = Who::Null(None);
}

fn via_sieve(via: Via) -> Option<Sieve> {
    match via {
        Via::Pronoun => Some(Sieve::Pronoun),
        Via::Role => Some(Sieve::Role),
        _ => None,
    }
}

impl Pass<'_> {
    pub(super) fn kind(&self, m: &DocMention) -> EntityKind {
        self.ctx.res.entities[m.entity].kind
    }

    /// Mentions lying wholly in `[lo, hi)`, outside quotation marks.
    pub(super) fn mentions_in(
        &self,
        lo: usize,
        hi: usize,
    ) -> impl Iterator<Item = &DocMention> + '_ {
        let ms = &self.ctx.res.mentions;
        let from = ms.partition_point(|m| m.span.start < lo);
        ms[from..]
            .iter()
            .take_while(move |m| m.span.start < hi)
            .filter(move |m| m.span.end <= hi && !inside(&self.quoted, m.span))
    }

    fn who(&self, m: &DocMention) -> Who {
        match self.kind(m) {
            EntityKind::Place => Who::NOBODY,
            _ => Who::Speaker(m.entity, via_sieve(m.via)),
        }
    }

    /// The speaker before a verb at `hi`, looking no further back than `lo`: the nearest
    /// person or institution, or the name an apposition after it describes ("Kim Tae-hyo,
    /// first deputy director of the National Security Office, told"); a place right before
    /// the verb ("Tokyo said") gives nobody; an unnamed head ("a ministry official", "the
    /// press service") goes to [`Pass::heads`].
    pub(super) fn left(&self, lo: usize, hi: usize) -> Who {
        let all: Vec<&DocMention> = self.mentions_in(lo, hi).collect();
        let Some(&nearest) = all.last() else {
            return self.heads(lo, hi).unwrap_or(Who::NOBODY);
        };
        if self.place_before_verb(nearest, hi) {
            return Who::NOBODY;
        }
        let speakers: Vec<&DocMention> = all
            .iter()
            .copied()
            .filter(|m| self.kind(m) != EntityKind::Place)
            .collect();
        let Some(&last) = speakers.last() else {
            return self.heads(lo, hi).unwrap_or(Who::NOBODY);
        };
        let mut c = self.described_name(&speakers, last, lo, hi);
        if self.modifies_person_noun(c)
            && self
                .head_near(self.token_after(c.span.end), 1, hi)
                .is_none()
        {
            return Who::Null(Some(Sieve::Anonymous));
        }
        if self.kind(c) != EntityKind::Person {
            if let Some(p) = self.apposition_holder(&speakers, c) {
                c = p;
            }
        }
        if let Some(w) = self.head_by_name(c, lo, hi) {
            return w;
        }
        self.subject_or_head(c, lo, hi)
    }

    /// Whether the place `nearest` is the subject of the verb at `hi`: nothing but an
    /// auxiliary or an adverb between them ("Tokyo said", "Tokyo has said", "Tokyo also
    /// said"). A place never speaks, so the verb then has no speaker.
    fn place_before_verb(&self, nearest: &DocMention, hi: usize) -> bool {
        if self.kind(nearest) != EntityKind::Place {
            return false;
        }
        let gap = self.text[nearest.span.end..hi].trim();
        let classes = self.ctx.lex.function_classes(&gap.to_lowercase());
        let verb_word = !gap.contains(' ')
            && (classes.has(FunctionClass::Auxiliary) || classes.has(FunctionClass::Adverb));
        gap.is_empty() || verb_word
    }

    /// The name an apposition before the verb at `hi` describes, stepping back from `c` (the
    /// last of `speakers`) over at most two commas: "Kim Lund, first deputy director of the
    /// Security Office, told" → Kim Lund. A person is never traded for an institution
    /// ("Director of the X Department, Kim Lund, said" stays with Kim Lund).
    fn described_name<'m>(
        &self,
        speakers: &[&'m DocMention],
        mut c: &'m DocMention,
        lo: usize,
        hi: usize,
    ) -> &'m DocMention {
        let text = self.text;
        for _ in 0..2 {
            if !text[c.span.end..hi].contains(',') {
                break;
            }
            let Some(k) = text[lo..c.span.start].rfind(',').map(|k| lo + k) else {
                break;
            };
            match speakers
                .iter()
                .rev()
                .find(|m| m.span.end <= k && is_bracketed_or_empty(&text[m.span.end..k]))
            {
                Some(&p)
                    if self.kind(c) != EntityKind::Person || self.kind(p) == EntityKind::Person =>
                {
                    c = p
                }
                _ => break,
            }
        }
        c
    }

    /// "Ana Ruiz, president and CEO of the Lakeside Restaurant Association stated": the
    /// person whose apposition holds the institution `c` (even one whose closing comma is
    /// missing), within twelve tokens after one comma; that person is the subject.
    fn apposition_holder<'m>(
        &self,
        speakers: &[&'m DocMention],
        c: &DocMention,
    ) -> Option<&'m DocMention> {
        speakers.iter().rev().copied().find(|p| {
            if p.span.end >= c.span.start || self.kind(p) != EntityKind::Person {
                return false;
            }
            let gap = &self.text[p.span.end..c.span.start];
            gap.trim_start().starts_with(',')
                && gap.matches(',').count() == 1
                && !gap.contains(['"', '“', '”', ';', '('])
                && self
                    .ctx
                    .doc
                    .tokens_in(Span::new(p.span.end, c.span.start))
                    .len()
                    <= 12
        })
    }

    /// An unnamed head in the name's own phrase, before the verb at `hi`: right after it
    /// ("a Foreign Ministry official", "Lee's spokesman") unless an apposition follows the
    /// person, or before it over a preposition ("an official at X") unless the person
    /// stands in an apposition. "Ana Ruiz, a spokesman for Mrs. Lee, said", "the ministry
    /// spokesman, Lena Holm, said": a head in the person's apposition describes the person.
    fn head_by_name(&self, c: &DocMention, lo: usize, hi: usize) -> Option<Who> {
        let text = self.text;
        let person = self.kind(c) == EntityKind::Person;
        let appositive_after = person && text[c.span.end..].starts_with(',');
        let appositive_before = person && text[..c.span.start].trim_end().ends_with(',');
        let ti = self.token_after(c.span.end);
        if !appositive_after {
            if let Some(h) = self.head_near(ti, 3, hi) {
                return Some(self.tied(h, Some(c)));
            }
        }
        if !appositive_before && !appositive_after {
            if let Some(h) = self.head_before_tie(c.span.start, lo) {
                return Some(self.tied(h, Some(c)));
            }
        }
        None
    }

    /// The speaker when the name `c` is the last before the verb at `hi`: an unnamed head
    /// after a clause boundary between them ("Kim arrived, and the official said"), the
    /// person an appositive head describes ("Kim Lund, a spokesman for Mrs. Lee, said"),
    /// an unnamed head after the name (", the official said"), else the name itself.
    fn subject_or_head(&self, c: &DocMention, lo: usize, hi: usize) -> Who {
        let text = self.text;
        // A clause between the name and the verb: the name is not its subject.
        let between = &text[c.span.end..hi];
        if between.contains(';') || self.joins_clause(between) {
            let seg = lo.max(c.span.end);
            return self.heads(seg, hi).unwrap_or(Who::NOBODY);
        }
        if let Some(h) = self.first_head(c.span.end, hi) {
            let head_start = self.ctx.doc.tokens()[h].span.start;
            let appositive = self.kind(c) == EntityKind::Person
                && text[c.span.end..].starts_with(',')
                && !text[c.span.end + 1..head_start].contains(',');
            if appositive {
                return self.who(c);
            }
            // ", the official said" after an earlier name.
            return self.resolve_head(h);
        }
        self.who(c)
    }

    /// Whether `between` holds a comma, a space, a `clause_joiner` of `function_words.tsv`
    /// in lower case and a space (", and ", ", but ", ", while "): a new clause opens.
    fn joins_clause(&self, between: &str) -> bool {
        between.match_indices(", ").any(|(k, _)| {
            let rest = &between[k + 2..];
            rest.split_once(' ').is_some_and(|(word, _)| {
                !word.chars().any(char::is_uppercase)
                    && self.ctx.lex.is(word, FunctionClass::ClauseJoiner)
            })
        })
    }

    /// The speaker named after `from` (inverted "said Deshpande", "according to X"), within
    /// four tokens and before any punctuation but a full stop.
    pub(super) fn right(&self, from: usize, hi: usize, according: bool) -> Who {
        let toks = self.ctx.doc.tokens_in(Span::new(from, hi));
        let first = self.named_after(from, hi);
        let Some(m) = first else {
            if according {
                let end = toks.get(5).map_or(hi, |t| t.span.end).min(hi);
                return self.heads(from, end).unwrap_or(Who::NOBODY);
            }
            return Who::NOBODY;
        };
        let ent = &self.ctx.res.entities[m.entity];
        let news = ent
            .entry
            .is_some_and(|e| self.ctx.gaz.entry(e).institution_type.as_deref() == Some("news"));
        if according && ent.kind == EntityKind::Institution && news {
            return Who::Outlet;
        }
        self.who(m)
    }

    /// The person or institution named within six words after `from`, over titles and
    /// modifiers and before any punctuation but an abbreviation's period ("said retired Army
    /// Lt. Gen. Mick Bednarek"). A name that only modifies the next one is passed over
    /// ("former Obama adviser David Axelrod", "United Auto Workers Secretary-Treasurer Gary
    /// Casteel"); a place is never the speaker ("former Massachusetts congressman Barney
    /// Frank").
    fn named_after(&self, from: usize, hi: usize) -> Option<&DocMention> {
        let toks = self.ctx.doc.tokens_in(Span::new(from, hi));
        let within = |m: &DocMention| {
            let before: Vec<_> = toks.iter().filter(|t| t.span.end <= m.span.start).collect();
            let words = before.iter().filter(|t| t.kind != TokenKind::Punct).count();
            words <= 6
                && before
                    .iter()
                    .all(|t| t.kind != TokenKind::Punct || matches!(&self.text[t.span], "." | "-"))
        };
        let mut candidates = self
            .mentions_in(from, hi)
            .filter(|m| self.kind(m) != EntityKind::Place)
            .take_while(|m| within(m));
        let mut m = candidates.next()?;
        for next in candidates {
            if !self.modifies(m.span.end, next.span.start) {
                break;
            }
            m = next;
        }
        (!self.modifies_person_noun(m)).then_some(m)
    }

    /// Whether the words in `[lo, hi)` between two names leave the first a modifier of the
    /// second: at most three words, none of them a function word ("of", "and", "the").
    fn modifies(&self, lo: usize, hi: usize) -> bool {
        let toks = self.ctx.doc.tokens_in(Span::new(lo, hi));
        let punct_ok = toks.iter().all(|t| {
            t.kind != TokenKind::Punct || matches!(&self.text[t.span], "-" | "." | "'" | "’")
        });
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &self.text[t.span])
            .collect();
        punct_ok
            && words.len() <= 3
            && words
                .iter()
                .all(|w| self.ctx.lex.function_classes(&w.to_lowercase()).is_empty())
    }

    /// The speaker of an inverted verb ("said Geert Wilders, founder of …"): the name right
    /// after `from` when punctuation, the sentence's end or a preposition follows it, not a
    /// verb ("Jones, who met her, said Smith was right" has no inversion).
    fn inverted(&self, from: usize, hi: usize) -> Option<Who> {
        let m = self.named_after(from, hi)?;
        let rest = self.text[m.span.end..hi].trim_start();
        let next = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let closes = rest.is_empty()
            || !rest.starts_with(char::is_alphanumeric)
            || self
                .ctx
                .lex
                .is(&next.to_lowercase(), FunctionClass::Preposition);
        closes.then(|| self.who(m))
    }

    /// Whether a subject pronoun stands right before `hi` (one of the last two tokens of
    /// `[lo, hi)`: "they said", "she also said"); then no inverted reading.
    pub(super) fn pronoun_before(&self, lo: usize, hi: usize) -> bool {
        self.ctx
            .doc
            .tokens_in(Span::new(lo, hi))
            .iter()
            .rev()
            .take(2)
            .any(|t| {
                self.ctx
                    .lex
                    .is(&self.text[t.span], FunctionClass::SubjectPronoun)
            })
    }

    /// Whether `w` is "it": a neuter subject pronoun of `function_words.tsv`, in lower case
    /// or capitalised ("it", "It"; not "IT", the trade).
    fn is_it(&self, w: &str) -> bool {
        let lex = self.ctx.lex;
        plain_case(w)
            && lex.is(w, FunctionClass::Neuter)
            && lex.is(w, FunctionClass::SubjectPronoun)
    }

    /// "…,” it said": when "it" is one of the last two tokens before a speech verb at `hi`,
    /// the institution named most recently before it (outside quotations, in the same or
    /// the previous paragraph) speaks; `None` when no "it" stands there or no institution
    /// is named.
    fn it_before(&self, lo: usize, hi: usize) -> Option<Who> {
        let doc = self.ctx.doc;
        let it = doc
            .tokens_in(Span::new(lo, hi))
            .iter()
            .rev()
            .take(2)
            .find(|t| self.is_it(&self.text[t.span]))?;
        let para = doc
            .sentence_at(it.span.start)
            .map(|s| doc.sentences()[s].paragraph)?;
        let floor = doc.paragraphs()[para.saturating_sub(1)].start;
        let ms = &self.ctx.res.mentions;
        let upto = ms.partition_point(|m| m.span.start < it.span.start);
        let inst = ms[..upto]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= floor)
            .find(|m| self.kind(m) == EntityKind::Institution && !inside(&self.quoted, m.span))?;
        Some(Who::Speaker(inst.entity, Some(Sieve::Pronoun)))
    }

    /// The subject of the sentence starting at `lo`, for a participle at `hi` ("…, adding",
    /// "…, saying:"): the speaker of the last finite speech verb before it, else the first
    /// person or institution among the sentence's first six tokens.
    pub(super) fn sentence_subject(&self, lo: usize, hi: usize) -> Who {
        let upto = self.cues.partition_point(|c| c.span.start < hi);
        if let Some(f) = self.cues[..upto]
            .iter()
            .rev()
            .take_while(|c| c.span.start >= lo)
            .filter(|c| c.span.end <= hi)
            .find(|c| matches!(c.kind, CueKind::Verb | CueKind::Tell))
        {
            return self.left(lo, f.span.start);
        }
        let toks = self.ctx.doc.tokens_in(Span::new(lo, hi));
        let limit = toks.get(6).map_or(hi, |t| t.span.start);
        self.mentions_in(lo, limit)
            .find(|m| self.kind(m) != EntityKind::Place)
            .map_or(Who::NOBODY, |m| self.who(m))
    }

    /// The subject of a sentence that opens with a participial clause ("Underlining the
    /// “strong historic” ties, he called for …"): the first person or institution within six
    /// tokens after the clause's comma (outside quotations), in the same sentence.
    fn subject_after_opening_clause(&self, from: usize) -> Who {
        let doc = self.ctx.doc;
        let Some(si) = doc.sentence_at(from) else {
            return Who::NOBODY;
        };
        let end = doc.sentences()[si].span.end;
        let comma = doc
            .tokens_in(Span::new(from, end))
            .iter()
            .find(|t| &self.text[t.span] == "," && !inside(&self.quoted, t.span));
        let Some(comma) = comma else {
            return Who::NOBODY;
        };
        let toks = doc.tokens_in(Span::new(comma.span.end, end));
        let limit = toks.get(6).map_or(end, |t| t.span.start);
        self.mentions_in(comma.span.end, limit)
            .find(|m| self.kind(m) != EntityKind::Place)
            .map_or(Who::NOBODY, |m| self.who(m))
    }

    /// The subject of a finite speech verb, read from the clause layer within the verb's
    /// own stretch of words: "Trump didn't express any ill will toward Frederiksen and
    /// thanked her" → Trump, not the nearer Frederiksen. The first person or institution of
    /// the subject; `None` when the clause layer finds none there (an unnamed head, a
    /// pronoun nobody resolved, an inversion, a subject before a comma, a place).
    fn clause_subject(&self, cue: Cue) -> Option<Who> {
        let ctx = self.ctx;
        let si = ctx.doc.sentence_at(cue.span.start)?;
        let sentence = ctx.doc.sentences()[si].span;
        // Only the words between the verb and the last comma, colon, dash, bracket or
        // quotation before it: commas set off appositions and opening clauses, which the
        // nearest-name rule reads, and quoted words are never a subject.
        let before = ctx.doc.tokens_in(Span::new(sentence.start, cue.span.start));
        let start = before
            .iter()
            .rev()
            .find(|t| {
                inside(&self.quoted, t.span)
                    || (t.kind == TokenKind::Punct
                        && matches!(
                            &self.text[t.span],
                            "," | ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”"
                        ))
            })
            .map_or(sentence.start, |t| t.span.end);
        let read = |from: usize| {
            let sent = Sentence::new(
                ctx.doc,
                ctx.res,
                ctx.lex,
                &ctx.gaz.words,
                Span::new(from, sentence.end),
            );
            let k = sent.index_at(cue.span.start);
            if k >= sent.len() || !matches!(sent.tag(k), Tag::Verb | Tag::NonFinite | Tag::Word) {
                return None;
            }
            let group = sent.verb_group(ctx.lex, k);
            // "Kovacs, who said": the relative's antecedent is before the comma.
            let relative = group.start == 1 && sent.tag(0) == Tag::Relative;
            Some((sent.subject(group.start), relative))
        };
        let (mut subject, relative) = read(start)?;
        if relative {
            subject = read(sentence.start)?.0;
        }
        let first = *subject.first()?;
        if ctx.res.entities[first].kind == EntityKind::Place {
            return None;
        }
        // The sieve of the mention that names it ("he" → pronoun, "the minister" → role).
        let sieve = self
            .mentions_in(sentence.start, cue.span.start)
            .filter(|m| m.entity == first)
            .last()
            .and_then(|m| via_sieve(m.via));
        Some(Who::Speaker(first, sieve))
    }

    /// Resolves a cue to its speaker; `lo`/`hi` bound the clause around it.
    pub(super) fn resolve_cue(&self, cue: Cue, lo: usize, hi: usize, sentence: usize) -> Who {
        match cue.kind {
            CueKind::SpeakerAfter => self.right(cue.span.end, hi, true),
            CueKind::SpeakerBefore => self.left(lo, cue.span.start),
            CueKind::Participle => {
                let w = self.sentence_subject(sentence, cue.span.start);
                let opens = self
                    .ctx
                    .doc
                    .tokens_in(Span::new(sentence, cue.span.start))
                    .iter()
                    .all(|t| t.kind == TokenKind::Punct);
                if w == Who::NOBODY && opens {
                    self.subject_after_opening_clause(cue.span.end)
                } else {
                    w
                }
            }
            CueKind::Tell => self
                .clause_subject(cue)
                .unwrap_or_else(|| self.left(lo, cue.span.start)),
            CueKind::Verb => {
                // "…, said Geert Wilders, founder of …": a verb opening its clause after a
                // comma or the words, with a name right after it that ends there.
                // Not after a name and its apposition ("…," Tomas Berglund, a blogger, wrote
                // in Energy Transition Weekly): that name is the subject.
                let before = self.text[lo..cue.span.start].trim_end();
                let apposition_before = self.mentions_in(lo, cue.span.start).any(|m| {
                    let gap = &self.text[m.span.end..cue.span.start];
                    self.kind(m) == EntityKind::Person
                        && gap.starts_with(',')
                        && gap.matches(',').count() == 2
                        && gap.trim_end().ends_with(',')
                });
                let opens = before.is_empty()
                    || before.ends_with(['"', '\u{201D}', '\'', '\u{2019}'])
                    || (before.ends_with(',') && !apposition_before);
                if opens && !self.pronoun_before(lo, cue.span.start) {
                    if let Some(w) = self.inverted(cue.span.end, hi) {
                        return w;
                    }
                }
                if let Some(w) = self.clause_subject(cue) {
                    return w;
                }
                if let Some(w) = self.it_before(lo, cue.span.start) {
                    return w;
                }
                let w = self.left(lo, cue.span.start);
                if w == Who::NOBODY && !self.pronoun_before(lo, cue.span.start) {
                    self.right(cue.span.end, hi, false)
                } else {
                    w
                }
            }
        }
    }

    // ----------------------------------------------------------------- unnamed speakers

    /// Index of the first token starting at or after `offset`.
    fn token_after(&self, offset: usize) -> usize {
        self.ctx
            .doc
            .tokens()
            .partition_point(|t| t.span.start < offset)
    }

    fn lower_word(&self, i: usize) -> Option<&str> {
        let t = self.ctx.doc.tokens().get(i)?;
        let w = &self.text[t.span];
        (t.kind == TokenKind::Word && !w.chars().any(char::is_uppercase)).then_some(w)
    }

    /// Whether the person mention `m` only modifies the person noun right after it ("the
    /// Okafor supporter", "one Berglund supporter", "the Solheim actor"): the speaker is
    /// that unnamed person, not the one named.
    fn modifies_person_noun(&self, m: &DocMention) -> bool {
        if self.kind(m) != EntityKind::Person {
            return false;
        }
        let i = self.token_after(m.span.end);
        let spaced = self
            .ctx
            .doc
            .tokens()
            .get(i)
            .is_some_and(|t| &self.text[m.span.end..t.span.start] == " ");
        spaced
            && self
                .lower_word(i)
                .is_some_and(|w| self.ctx.lex.role_classes(w).has(RoleNounClass::PersonNoun))
    }

    fn is_head(&self, i: usize) -> bool {
        self.lower_word(i).is_some_and(|w| {
            self.ctx.lex.role_classes(w).meets(ClassSet::of(&[
                RoleNounClass::Anonymous,
                RoleNounClass::Organ,
            ]))
        })
    }

    /// A head word among the `n` tokens from token `i` (before `hi`), reached over "'s" and
    /// lower-case words only ("'s press service", " official").
    fn head_near(&self, i: usize, n: usize, hi: usize) -> Option<usize> {
        let toks = self.ctx.doc.tokens();
        for (j, t) in toks.iter().enumerate().skip(i).take(n) {
            if t.span.end > hi {
                return None;
            }
            if self.is_head(j) {
                return Some(j);
            }
            let w = &self.text[t.span];
            if !(matches!(w, "'" | "’" | "s") || self.lower_word(j).is_some()) {
                return None;
            }
        }
        None
    }

    /// "an official at \[the\] X": the head before the preposition before offset `start`.
    fn head_before_tie(&self, start: usize, lo: usize) -> Option<usize> {
        let i = self.token_after(start);
        let mut j = i.checked_sub(1)?;
        if self.lower_word(j).is_some_and(|w| self.is_the(w)) {
            j = j.checked_sub(1)?;
        }
        let prep = self.lower_word(j)?;
        if !self.ctx.lex.is(prep, FunctionClass::Preposition) {
            return None;
        }
        let h = j.checked_sub(1)?;
        (self.ctx.doc.tokens()[h].span.start >= lo && self.is_head(h)).then_some(h)
    }

    /// The first head word in `[lo, hi)`, outside mentions and quotations.
    fn first_head(&self, lo: usize, hi: usize) -> Option<usize> {
        let toks = self.ctx.doc.tokens();
        let from = self.token_after(lo);
        (from..toks.len())
            .take_while(|&i| toks[i].span.end <= hi)
            .find(|&i| {
                self.is_head(i)
                    && !inside(&self.quoted, toks[i].span)
                    && self.ctx.res.mention_at(toks[i].span.start).is_none()
            })
    }

    /// An unnamed speaker in `[lo, hi)`, if a head word names one.
    pub(super) fn heads(&self, lo: usize, hi: usize) -> Option<Who> {
        self.first_head(lo, hi).map(|h| self.resolve_head(h))
    }

    fn head_sieve(&self, h: usize) -> Sieve {
        match self.lower_word(h) {
            Some(w) if self.ctx.lex.role_classes(w).has(RoleNounClass::Organ) => Sieve::Institution,
            _ => Sieve::Anonymous,
        }
    }

    /// The head with `c` as its candidate institution: c speaks when it is one.
    fn tied(&self, h: usize, c: Option<&DocMention>) -> Who {
        match c {
            Some(m) if self.kind(m) == EntityKind::Institution => {
                Who::Speaker(m.entity, Some(self.head_sieve(h)))
            }
            _ => self.resolve_head(h),
        }
    }

    /// The institution a head word is tied to by its own noun phrase, by an earlier
    /// occurrence of the same head (for a definite "the official"), or nobody.
    fn resolve_head(&self, h: usize) -> Who {
        let sieve = self.head_sieve(h);
        if let Some(e) = self.tie(h) {
            return Who::Speaker(e, Some(sieve));
        }
        if self.definite(h) {
            if let Some(e) = self.antecedent(h) {
                return Who::Speaker(e, Some(sieve));
            }
        }
        Who::Null(Some(Sieve::Anonymous))
    }

    /// An institution mention in the head's own phrase: "the Foreign Ministry's press
    /// service", "a Foreign Ministry official", "a source at the Kremlin".
    fn tie(&self, h: usize) -> Option<usize> {
        let toks = self.ctx.doc.tokens();
        let inst = |i: usize| {
            let t = toks.get(i)?;
            self.ctx
                .res
                .mention_at(t.span.start)
                .filter(|m| self.kind(m) == EntityKind::Institution)
                .map(|m| m.entity)
        };
        // Before: over "'s" and at most two lower-case words.
        let mut j = h;
        let mut words = 0;
        while let Some(k) = j.checked_sub(1) {
            if let Some(e) = inst(k) {
                return Some(e);
            }
            let w = &self.text[toks[k].span];
            if matches!(w, "'" | "’" | "s") {
                j = k;
                continue;
            }
            if self.lower_word(k).is_some()
                && words < 2
                && !self.ctx.lex.is(w, FunctionClass::Determiner)
            {
                words += 1;
                j = k;
                continue;
            }
            break;
        }
        // After: "at the X", "of X".
        let prep = self.lower_word(h + 1)?;
        if !self.ctx.lex.is(prep, FunctionClass::Preposition) {
            return None;
        }
        let k = if self.lower_word(h + 2).is_some_and(|w| self.is_the(w)) {
            h + 3
        } else {
            h + 2
        };
        inst(k)
    }

    /// Whether `w` is the definite article "the": an `article` that is `definite` in
    /// `function_words.tsv`.
    fn is_the(&self, w: &str) -> bool {
        let lex = self.ctx.lex;
        lex.is(w, FunctionClass::Article) && lex.is(w, FunctionClass::Definite)
    }

    /// Whether the head's phrase starts with "the" ("the official", "The German source"),
    /// not "a" or "an": the nearest article among the four tokens before it, in lower case
    /// or capitalised, over words and apostrophes and hyphens but no other punctuation.
    fn definite(&self, h: usize) -> bool {
        let toks = self.ctx.doc.tokens();
        for k in (h.saturating_sub(4)..h).rev() {
            let w = &self.text[toks[k].span];
            if plain_case(w) && self.ctx.lex.is(w, FunctionClass::Article) {
                // "the" → true; "a", "an" → false.
                return self.ctx.lex.is(w, FunctionClass::Definite);
            }
            if toks[k].kind == TokenKind::Punct && !matches!(w, "'" | "’" | "-") {
                return false;
            }
        }
        false
    }

    /// For a definite head: the institution tied to the most recent earlier occurrence of
    /// the same word with the same qualifiers ("The German source" → "a German diplomatic
    /// source"); for an organ ("the ministry"), else the most recent institution whose
    /// name holds the word.
    fn antecedent(&self, h: usize) -> Option<usize> {
        let toks = self.ctx.doc.tokens();
        let word = self.lower_word(h)?;
        let before = self.definite_start(h);
        // Qualifiers between "the" and the head ("The German source") must qualify the
        // earlier occurrence too ("a German diplomatic source"), so that a source of another
        // side is not taken.
        let qualifiers: Vec<&str> = (before + 1..h).map(|k| &self.text[toks[k].span]).collect();
        let qualified = |k: usize| {
            let phrase: Vec<&str> = (k.saturating_sub(4)..k)
                .map(|j| &self.text[toks[j].span])
                .collect();
            qualifiers.iter().all(|q| phrase.contains(q))
        };
        let earlier = (0..before).rev().find(|&k| {
            self.lower_word(k) == Some(word) && !inside(&self.quoted, toks[k].span) && qualified(k)
        });
        if let Some(k) = earlier {
            if let Some(e) = self.tie(k) {
                return Some(e);
            }
            if self
                .ctx
                .lex
                .role_classes(word)
                .has(RoleNounClass::Anonymous)
            {
                return None;
            }
        }
        if !self.ctx.lex.role_classes(word).has(RoleNounClass::Organ) {
            return None;
        }
        let limit = toks[h].span.start;
        let ms = &self.ctx.res.mentions;
        let upto = ms.partition_point(|m| m.span.start < limit);
        ms[..upto]
            .iter()
            .rev()
            .find(|m| {
                let ent = &self.ctx.res.entities[m.entity];
                ent.kind == EntityKind::Institution && ent.name.to_lowercase().contains(word)
            })
            .map(|m| m.entity)
    }

    /// The token index where the head's noun phrase starts (its "the").
    fn definite_start(&self, h: usize) -> usize {
        let toks = self.ctx.doc.tokens();
        (h.saturating_sub(4)..h)
            .rev()
            .find(|&k| {
                self.ctx.lex.is(
                    &self.text[toks[k].span].to_lowercase(),
                    FunctionClass::Definite,
                )
            })
            .unwrap_or(h)
    }
}

/// Whether `gap` holds nothing but whitespace and at most one bracketed group, as between
/// a name and its apposition's comma: "Sen. Claire McCaskill (D-Mo.), who …".
fn is_bracketed_or_empty(gap: &str) -> bool {
    let gap = gap.trim();
    gap.is_empty()
        || (gap.starts_with('(')
            && gap.ends_with(')')
            && gap[1..].find(['(', ')']) == Some(gap.len() - 2))
}

/// Whether `w` is written in lower case or with only its first letter capitalised ("it",
/// "It", not "IT").
fn plain_case(w: &str) -> bool {
    !w.chars().skip(1).any(char::is_uppercase)
}
