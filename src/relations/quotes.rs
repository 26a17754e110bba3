//! The quotes pass: quoted statements and their speakers.
//!
//! Quotation spans come from [`find_quotes`](crate::segment::quotes::find_quotes) (outermost quotations, per paragraph; nested
//! quotes are part of the outer one's text). Each span is first judged a *statement* or not,
//! then attributed by a series of sieves, most certain first. Speech cues (verbs such as
//! "said", "told", "wrote", phrases such as "according to", "quoted … as saying") come from
//! `gazetteers/speech_verbs.tsv` and are only looked for outside quotation marks; names
//! inside a quotation ("I", "we", "my", or anyone the speaker mentions) never become its
//! speaker.
//!
//! # Statement or not
//!
//! - A quotation whose words are all capitalised (short function words aside) and that ends
//!   without punctuation is a name or title ("the “Santa Cruz” airport", “The Art of the
//!   Deal”): dropped.
//! - A quotation after "so-called", "dubbed", "nicknamed", "known as", "titled", "entitled",
//!   "named", "the term", "the word", "the phrase" is a scare quote or a term: dropped.
//! - A quotation after a determiner ("the", "a", "their") and followed by a lower-case word
//!   that is not a function word ("the “friendship” years", "the “one country, two systems”
//!   policy") modifies a noun: dropped, unless a speech verb before it in its sentence
//!   makes it reported speech ("said the visit is a “true” embodiment"; "according to" is
//!   not enough). ("a “small number” of
//!   Britons" stays.)
//! - Otherwise a quotation of [`CLAUSE_WORDS`] words or more is a statement, attributed or
//!   not. A shorter one ("brutal", "shoulder to shoulder") is a statement only when a cue
//!   attributes it: an attribution right after it (`“reckless,” she said`), a cue before it in
//!   the same sentence, however far (`Downing Street said a “small number”`, `said the visit
//!   underscores the “deep-rooted historic” ties`), a cue within [`LOOSE_AFTER_TOKENS`] tokens after it, or a dash
//!   attribution. So "so-called “shuttle” talks, with both sides saying …" is no
//!   statement.
//!
//! # Sieves (the [`Sieve`] recorded on each quote)
//!
//! 1. **After the quote** ([`Sieve::AfterQuote`]), when the quote ends a clause (punctuation
//!    inside its marks or right after them): the first cue among the next
//!    [`AFTER_TOKENS`] tokens of the sentence — `“…,” Mori said`, `“…,” said Deshpande`,
//!    `“…,” Lindqvist told the Swedish newspaper Sydposten` (the speaker is the subject of
//!    "told", never its object), `“…,” the statement quoted Okafor as saying`, `“…,”
//!    according to Mori`. The speaker is the nearest person or institution before the
//!    verb, or, with nothing before it, the name right after it (inverted: `“…,” stated
//!    President Ferreira`). "according to" a news outlet (gazetteer `type` news: `according to
//!    The Associated Press`) names no speaker and the other sieves go on. A quote ending a
//!    sentence (`“….” X said`) takes an attribution after it only when the sentence ends
//!    within four tokens of the cue, so the next sentence's "Mori said Japan would…" is not
//!    read as its attribution.
//! 2. **Before the quote**: the last cue of the sentence before the quote. When only ":",
//!    "," or "that" (and at most five words ending in one of them) stand between the cue and
//!    the quote it is [`Sieve::BeforeQuote`] (`Alan Hartley, who …, said: “…”`); otherwise the
//!    quote is a partial quote inside reported speech, [`Sieve::ReportedSpeech`] (`Brekov
//!    said it is important the two countries “keep the channel open”`).
//!    *Relayed words*: when the attribution after the quote names an institution or an
//!    unnamed source and the one before names a person (`Rivera said Mexico wanted to
//!    work on their “broad bilateral agenda”, the ministry said`), the person is the speaker.
//! 3. **Pronouns** ([`Sieve::Pronoun`]): when the subject found by 1 or 2 is "he"/"she",
//!    resolution's antecedent is the speaker (`“…,” he said`).
//! 4. **Role nouns** ([`Sieve::Role`]): a role noun resolution tied to its holder (`“…,” the
//!    Chilean President said`, `explained the Peruvian president`).
//! 5. **Institutions** ([`Sieve::Institution`]): an organ of an institution speaks for it:
//!    `the Japanese Foreign Ministry's press service told Sputnik` → the ministry; a
//!    definite `the press service said` goes back to the last "press service" tied to an
//!    institution; `the ministry said` to the last such occurrence, else the last institution
//!    whose name holds "ministry". Organ words: service, office, statement, ministry,
//!    presidency, government, embassy, department, secretariat.
//! 6. **Anonymous speakers** ([`Sieve::Anonymous`]): an unnamed official, source, diplomat,
//!    spokesman, aide… speaks for the institution its phrase names (`a Foreign Ministry
//!    official, who declined to be identified, said` → the ministry; `the official said`
//!    → the institution of the last "official" tied to one); with none the speaker is null
//!    (`a Dutch diplomatic source said`). A person's aide or spokesman (`Hartley's spokesman
//!    said`) is also null: the words are the spokesman's.
//! 7. **Participles**: `…, adding, “…”`, `…, stressing that he “…”`, `Mr Durand led …,
//!    saying: “…”` take the speaker of the sentence's last finite speech verb before them,
//!    else the first person or institution among the sentence's first six tokens. A
//!    participle after the quote (`“…,” stressing`) is used only when nothing else attributes
//!    it. The sieve is that of the position (before/after).
//! 8. **Loose after-quote**: a quote not ending its clause takes the first cue within
//!    [`LOOSE_AFTER_TOKENS`] tokens after it (`were “of one mind on the major directions” of
//!    policy, a Dutch diplomatic source said`).
//! 9. **Dash** ([`Sieve::Dash`]): `“…” – Commissioner X`: a name right after a dash.
//! 10. **Lead-ins** ([`Sieve::LeadIn`]): a colon before the quote with no cue (`The minister's
//!     message was blunt: “…”` → the nearest name before the colon), or a quote opening a
//!     paragraph after one that ends with a colon (`Hugh Hill, a doctor at the clinic, said:`
//!     / `“…”`): the cue and subject of that colon's sentence.
//! 11. **Continuation** ([`Sieve::Continuation`]): a quote continuing an unclosed one from the
//!     previous paragraph (`continues`), a quote opening its sentence right after another
//!     quote of the same paragraph (`“…,” he said. “All she had to say was no.”`), or a
//!     paragraph that is wholly a quotation, within two paragraphs of the last quote whose
//!     speaker is known, takes that speaker; right after a paragraph with no quotation
//!     that reports speech, the subject of that paragraph's last reporting sentence
//!     (`Ana Ruiz has said that the side is ready. / “We trained hard.”`), when it is the
//!     sentence's first person or institution. The other way too: a quote left open at its
//!     paragraph's end with no speaker takes that of its continuation (`“We waited. /
//!     “Nobody came,” she said.`).
//!
//! A place never speaks: `Tokyo said` (a capital standing for its government, which the
//! annotation conventions count as a place) gives a null speaker rather than a wrong kind.
//! `speaker_kind` is therefore person, institution or null.
//!
//! The cue recorded is the speech verb or phrase (`said`, `according to`, `as saying`); a
//! quote attributed by dash or continuation has none.

mod cues;
mod speaker;

use super::Context;
use crate::gazetteer::{FunctionClass, WordClass};
use crate::record::{Excerpt, Quote, Sieve};
use crate::segment::quotes::QuoteSpan;
use crate::segment::TokenKind;
use crate::{EntityKind, Span};
use cues::{inside, Cue, CueKind};
use speaker::Who;

/// A quotation of at least this many words is a statement without a cue (a clause); a
/// shorter one needs a cue attributing it.
pub(crate) const CLAUSE_WORDS: usize = 4;
/// How many tokens after a clause-final quotation are searched for its cue.
pub(crate) const AFTER_TOKENS: usize = 24;
/// How many tokens after a quotation that does not end its clause are searched for a cue.
pub(crate) const LOOSE_AFTER_TOKENS: usize = 12;

/// The state of one call: the document, its quotations and cues.
pub(super) struct Pass<'a> {
    ctx: &'a Context<'a>,
    text: &'a str,
    quotes: Vec<QuoteSpan>,
    /// The quotations' outer spans, sorted.
    quoted: Vec<Span>,
    cues: Vec<Cue>,
    /// Per paragraph: whether it has a word outside quotations (computed once, so that "is
    /// this quotation the whole paragraph" costs O(1), not a scan of the paragraph).
    has_bare_words: Vec<bool>,
}

/// The outcome of the sieves for one quotation.
#[derive(Clone, Copy, Debug)]
struct Attribution {
    who: Who,
    sieve: Option<Sieve>,
    cue: Option<Span>,
}

/// The attribution of a quotation by a cue and whom it names, recorded as `sieve`.
fn picked((c, w): (Cue, Who), sieve: Sieve) -> Attribution {
    Attribution {
        who: w,
        sieve: Some(sieve),
        cue: Some(c.span),
    }
}

/// Quoted statements and their speakers, in text order.
pub(crate) fn find(ctx: &Context<'_>) -> Vec<Quote> {
    let doc = ctx.doc;
    let text = doc.text();
    let quotes = doc.quotes().to_vec();
    if quotes.is_empty() {
        return Vec::new();
    }
    let quoted: Vec<Span> = quotes.iter().map(|q| q.outer).collect();
    let mut cues = cues::scan(doc, &ctx.lex.cues, &quoted);
    let slots = cues::attribution_slots(doc, ctx.res, ctx.lex, &ctx.gaz.words, &quoted, &cues);
    if !slots.is_empty() {
        cues.extend(slots);
        cues.sort_by_key(|c| c.span.start);
    }
    let has_bare_words = doc
        .paragraphs()
        .iter()
        .map(|&p| {
            doc.tokens_in(p)
                .iter()
                .any(|t| t.kind != TokenKind::Punct && !inside(&quoted, t.span))
        })
        .collect();
    let pass = Pass {
        ctx,
        text,
        quotes,
        quoted,
        cues,
        has_bare_words,
    };
    pass.run()
}

impl Pass<'_> {
    fn run(&self) -> Vec<Quote> {
        // Per quotation: its known speaker, for continuations.
        let mut known: Vec<Option<usize>> = Vec::with_capacity(self.quotes.len());
        // Per quotation: its place in `out`, if it is a statement.
        let mut placed: Vec<Option<usize>> = Vec::with_capacity(self.quotes.len());
        let mut out = Vec::new();
        for i in 0..self.quotes.len() {
            let a = self.attribute(i, &known);
            let speaker = match a.map(|a| a.who) {
                Some(Who::Speaker(e, _)) => Some(e),
                _ => None,
            };
            known.push(speaker);
            placed.push(a.map(|_| out.len()));
            let Some(a) = a else { continue };
            let q = self.quotes[i];
            let ent = speaker.map(|e| &self.ctx.res.entities[e]);
            let ent = ent.filter(|e| e.kind != EntityKind::Place);
            let sieve = match a.who {
                Who::Speaker(_, over) if ent.is_some() => over.or(a.sieve),
                Who::Null(Some(s)) => Some(s),
                _ => None,
            };
            out.push(Quote {
                speaker: ent.map(|e| e.name.clone()),
                speaker_kind: ent.map(|e| e.kind),
                // A resolution index; `extractor.rs` makes it a position in `entities` and
                // fills the id.
                speaker_entity: speaker.filter(|_| ent.is_some()),
                speaker_id: None,
                text: self.text[q.inner].to_string(),
                start: q.inner.start,
                end: q.inner.end,
                cue: a.cue.map(|c| Excerpt {
                    start: c.start,
                    end: c.end,
                    text: self.text[c].to_string(),
                }),
                sieve,
            });
        }
        self.speaker_from_continuation(&placed, &mut out);
        out
    }

    /// A quotation left open at the end of its paragraph, continued by the next paragraph's
    /// opening quote mark, is one statement: when only the continuation names its speaker
    /// ("“We waited for help. / “Nobody came,” Ana Ruiz said."), the first part takes it too.
    fn speaker_from_continuation(&self, placed: &[Option<usize>], out: &mut [Quote]) {
        for i in (1..self.quotes.len()).rev() {
            if !self.quotes[i].continues {
                continue;
            }
            let (Some(Some(first)), Some(next)) = (placed.get(i - 1), placed[i]) else {
                continue;
            };
            if out[*first].speaker.is_some() || out[next].speaker.is_none() {
                continue;
            }
            let (speaker, kind, entity) = {
                let from = &out[next];
                (from.speaker.clone(), from.speaker_kind, from.speaker_entity)
            };
            let q = &mut out[*first];
            q.speaker = speaker;
            q.speaker_kind = kind;
            q.speaker_entity = entity;
            q.sieve = Some(Sieve::Continuation);
        }
    }

    /// The sieves for quotation `i`; `None` when it is no statement. `known` holds the
    /// speakers of the quotations before it, for continuations.
    fn attribute(&self, i: usize, known: &[Option<usize>]) -> Option<Attribution> {
        let q = self.quotes[i];
        if self.not_a_statement(&q) {
            return None;
        }
        let sentence = self.sentence_start(&q);
        let (alo, ahi) = self.after_window(i);
        // 1. After the quote, when it ends a clause.
        let after = self
            .clause_final(&q)
            .then(|| self.after(&q, alo, ahi, AFTER_TOKENS))
            .flatten();
        // 2. Before the quote, in its sentence.
        let before = self.last_cue(sentence, q.outer.start).map(|c| {
            let who = self.resolve_cue(c, sentence, q.outer.start, sentence);
            (c, who)
        });
        if let Some(a) = self.close_cue(&q, after, before) {
            return Some(a);
        }
        if let Some(a) = self.late_cue(&q, after, alo, ahi) {
            return Some(a);
        }
        // A cue that names nobody ("according to The Associated Press") still keeps the
        // quotation as a statement, with a null speaker.
        let outlet_cue = after.or(before).map(|(c, _)| c.span);
        if q.words < CLAUSE_WORDS {
            return outlet_cue.map(|c| Attribution {
                who: Who::NOBODY,
                sieve: None,
                cue: Some(c),
            });
        }
        Some(self.without_cue(i, sentence, known, outlet_cue))
    }

    /// Sieves 1 and 2: the cue right after the quotation (`after`) or the last one before
    /// it in its sentence (`before`), each with whom it names; a news outlet names nobody
    /// here. The one before wins when it names a person and the one after does not ("Kim
    /// said Oslo wanted a “broad agenda”, the ministry said": the words are relayed), or
    /// when the one after lies in the next sentence and the one before names somebody.
    fn close_cue(
        &self,
        q: &QuoteSpan,
        after: Option<(Cue, Who)>,
        before: Option<(Cue, Who)>,
    ) -> Option<Attribution> {
        let after_ok = after.filter(|(c, w)| c.kind != CueKind::Participle && *w != Who::Outlet);
        let before_ok = before.filter(|(_, w)| *w != Who::Outlet);
        let is_person = |w: &Who| match w {
            Who::Speaker(e, _) => self.ctx.res.entities[*e].kind == EntityKind::Person,
            _ => false,
        };
        // A cue in the next sentence does not outweigh one in the quotation's own sentence
        // ("Kim asserted that “…” Lee said Wednesday, …").
        let other_sentence = |c: &Cue| {
            let doc = self.ctx.doc;
            doc.sentence_at(c.span.start) != doc.sentence_at(q.inner.start.max(q.outer.start))
        };
        match (after_ok, before_ok) {
            (Some(a), Some(b)) if !is_person(&a.1) && is_person(&b.1) => {
                Some(self.picked_before(q, b))
            }
            (Some(a), Some(b)) if other_sentence(&a.0) && b.1 != Who::NOBODY => {
                Some(self.picked_before(q, b))
            }
            (Some(a), _) => Some(picked(a, Sieve::AfterQuote)),
            (None, Some(b)) => Some(self.picked_before(q, b)),
            (None, None) => None,
        }
    }

    /// A cue before the quotation as its attribution: [`Sieve::BeforeQuote`] when it
    /// introduces the quotation directly, else [`Sieve::ReportedSpeech`].
    fn picked_before(&self, q: &QuoteSpan, (c, w): (Cue, Who)) -> Attribution {
        let sieve = if self.adjacent(c.span.end, q.outer.start) {
            Sieve::BeforeQuote
        } else {
            Sieve::ReportedSpeech
        };
        picked((c, w), sieve)
    }

    /// Sieves 8, 9 and 7, in this order: a cue within [`LOOSE_AFTER_TOKENS`] tokens after
    /// the quotation (the clause-final one of sieve 1 when there was one), then a dash
    /// attribution, then a participle after the quotation (`“…,” stressing`).
    fn late_cue(
        &self,
        q: &QuoteSpan,
        after: Option<(Cue, Who)>,
        alo: usize,
        ahi: usize,
    ) -> Option<Attribution> {
        let loose = if after.is_some() {
            after
        } else {
            self.after(q, alo, ahi, LOOSE_AFTER_TOKENS)
        };
        if let Some(a) = loose.filter(|(c, w)| c.kind != CueKind::Participle && *w != Who::Outlet) {
            return Some(picked(a, Sieve::AfterQuote));
        }
        let para = self.ctx.doc.paragraphs()[q.paragraph];
        if let Some(w) = self.dash(q, para.end) {
            return Some(Attribution {
                who: w,
                sieve: Some(Sieve::Dash),
                cue: None,
            });
        }
        loose
            .filter(|(c, _)| c.kind == CueKind::Participle)
            .map(|a| picked(a, Sieve::AfterQuote))
    }

    /// Sieves 10 and 11 for a quotation of a clause or more with no cue of its own: a
    /// colon lead-in, else (when no outlet cue kept it) the speaker it continues, else
    /// nobody, with the outlet's cue if any.
    fn without_cue(
        &self,
        i: usize,
        sentence: usize,
        known: &[Option<usize>],
        outlet_cue: Option<Span>,
    ) -> Attribution {
        let q = self.quotes[i];
        let para = self.ctx.doc.paragraphs()[q.paragraph];
        // 10. Lead-ins.
        if let Some((w, cue)) = self.lead_in(&q, sentence, para) {
            return Attribution {
                who: w,
                sieve: Some(Sieve::LeadIn),
                cue,
            };
        }
        // 11. Continuation.
        if outlet_cue.is_none() {
            if let Some(e) = self.continuation(i, sentence, known) {
                return Attribution {
                    who: Who::Speaker(e, None),
                    sieve: Some(Sieve::Continuation),
                    cue: None,
                };
            }
        }
        Attribution {
            who: Who::NOBODY,
            sieve: None,
            cue: outlet_cue,
        }
    }

    // ----------------------------------------------------------------- statement rule

    fn not_a_statement(&self, q: &QuoteSpan) -> bool {
        let inner = &self.text[q.inner];
        let ends_punct = inner.ends_with(|c: char| ",.!?…;:".contains(c));
        // Names and titles: at most 8 words (a ninth is enough to tell there are more).
        let words: Vec<&str> = inner
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .take(9)
            .collect();
        let capital = |w: &str| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase)
        };
        if !ends_punct
            && words.len() <= 8
            && words.iter().any(|w| capital(w))
            && words.iter().all(|w| capital(w) || self.is_title_word(w))
        {
            return true;
        }
        // Terms.
        // The last few words before the opening mark, lower-cased.
        let para = self.ctx.doc.paragraphs()[q.paragraph];
        let head = self.text[para.start..q.outer.start].trim_end();
        let from = head.char_indices().rev().nth(24).map_or(0, |(k, _)| k);
        let before = head[from..].to_lowercase();
        if self.ctx.lex.term_markers.iter().any(|m| {
            before.ends_with(m) && crate::segment::is_boundary(&before, before.len() - m.len())
        }) {
            return true;
        }
        // Noun modifiers: "the “friendship” years".
        if !ends_punct {
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let after = &self.text[q.outer.end..];
            let next = after
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
                .unwrap_or("");
            let lower_word = !next.is_empty() && next.chars().all(char::is_lowercase);
            let lex = self.ctx.lex;
            let determiner =
                lex.is(prev, FunctionClass::Determiner) || lex.is(prev, FunctionClass::Possessive);
            let function_word = !lex.function_classes(next).is_empty();
            // Inside reported speech the modifier is the speaker's word ("said the visit is
            // a “true” embodiment of the ties").
            let reported = self
                .last_cue(self.sentence_start(q), q.outer.start)
                .is_some_and(|c| c.kind != CueKind::SpeakerAfter);
            if determiner && lower_word && !function_word && !reported {
                return true;
            }
        }
        false
    }

    /// Whether `word` is a small word of a title ("of", "the"), `title_word` in
    /// `name_words.tsv`.
    fn is_title_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.ctx
            .gaz
            .name_words
            .get(lower.as_str())
            .is_some_and(|c| c.has(WordClass::TitleWord))
    }

    /// Whether the quotation ends a clause: punctuation inside its closing mark or right
    /// after it, or the paragraph's end.
    fn clause_final(&self, q: &QuoteSpan) -> bool {
        let inner = &self.text[q.inner];
        if inner.ends_with(|c: char| ",.!?…;:".contains(c)) || !q.closed {
            return true;
        }
        let after = self.text[q.outer.end..].trim_start_matches([' ', '\u{a0}']);
        after.is_empty() || after.starts_with([',', '.', ';', '!', '?', '\n', '\r'])
    }

    // ----------------------------------------------------------------- windows

    /// Start of the sentence holding the quotation's opening mark (not before its paragraph).
    fn sentence_start(&self, q: &QuoteSpan) -> usize {
        let doc = self.ctx.doc;
        let para = doc.paragraphs()[q.paragraph];
        doc.sentence_at(q.outer.start)
            .or_else(|| doc.sentence_at(q.inner.start))
            .map_or(para.start, |s| doc.sentences()[s].span.start)
            .clamp(para.start, q.outer.start)
    }

    /// The text after quotation `i`: to the end of the sentence holding the next token, the
    /// next quotation of the paragraph, or the paragraph's end.
    fn after_window(&self, i: usize) -> (usize, usize) {
        let doc = self.ctx.doc;
        let q = self.quotes[i];
        let para = doc.paragraphs()[q.paragraph];
        let lo = q.outer.end;
        let next_quote = self
            .quotes
            .get(i + 1)
            .filter(|n| n.paragraph == q.paragraph)
            .map_or(para.end, |n| n.outer.start);
        let Some(first) = doc.tokens_in(Span::new(lo, para.end)).first() else {
            return (lo, lo);
        };
        let sentence_end = doc
            .sentence_at(first.span.start)
            .map_or(para.end, |s| doc.sentences()[s].span.end);
        (lo, sentence_end.min(next_quote).min(para.end).max(lo))
    }

    /// The first cue after the quotation within `limit` tokens, and whom it names.
    fn after(&self, q: &QuoteSpan, lo: usize, hi: usize, limit: usize) -> Option<(Cue, Who)> {
        let toks = self.ctx.doc.tokens_in(Span::new(lo, hi));
        let end = toks.get(limit).map_or(hi, |t| t.span.start);
        let from = self.cues.partition_point(|c| c.span.start < lo);
        let cue = *self.cues[from..]
            .iter()
            .take_while(|c| c.span.start < end)
            .find(|c| c.span.end <= end)?;
        let inner = &self.text[q.inner];
        if inner.ends_with(['.', '!', '?', '…']) {
            // The quotation ended its sentence: a cue after it attributes it only when its
            // own sentence ends within a few words ("….” Mori said.), not when it starts the
            // next statement ("….” Mori continued to tell Cook that “…”).
            let doc = self.ctx.doc;
            let cue_sentence = doc.sentence_at(cue.span.start);
            let same_sentence = cue_sentence.is_some()
                && cue_sentence == doc.sentence_at(q.inner.start.max(q.outer.start));
            let sentence_end = cue_sentence.map_or(hi, |s| doc.sentences()[s].span.end);
            let tail = Span::new(cue.span.end, sentence_end.max(cue.span.end));
            // The attribution's own words: up to a comma ("….” Trump asked, turning the
            // question into …" is an attribution and a participial phrase).
            let words = doc
                .tokens_in(tail)
                .iter()
                .take_while(|t| &self.text[t.span] != ",")
                .filter(|t| t.kind != TokenKind::Punct)
                .count();
            // A quotation of its own after the cue takes the cue.
            let own_quote = self
                .quoted
                .get(self.quoted.partition_point(|s| s.start < tail.start))
                .is_some_and(|s| s.start < tail.end);
            if own_quote && !same_sentence {
                return None;
            }
            if words > 4 && !same_sentence {
                return None;
            }
        }
        let sentence = self.sentence_start(q);
        Some((cue, self.resolve_cue(cue, lo, hi, sentence)))
    }

    /// The last cue in `[lo, hi)`.
    fn last_cue(&self, lo: usize, hi: usize) -> Option<Cue> {
        let upto = self.cues.partition_point(|c| c.span.start < hi);
        self.cues[..upto]
            .iter()
            .rev()
            .take_while(|c| c.span.start >= lo)
            .find(|c| c.span.end <= hi)
            .copied()
    }

    /// Words (outside quotations) in `[lo, hi)`.
    fn gap_words(&self, lo: usize, hi: usize) -> usize {
        self.ctx
            .doc
            .tokens_in(Span::new(lo, hi.max(lo)))
            .iter()
            .filter(|t| t.kind != TokenKind::Punct && !inside(&self.quoted, t.span))
            .count()
    }

    /// Whether a cue ending at `lo` introduces the quotation at `hi` directly: nothing, ":",
    /// ",", a complementizer ("that", ", that", "that:"), or at most five words ending in
    /// ":" or ",".
    fn adjacent(&self, lo: usize, hi: usize) -> bool {
        let gap = self.text[lo..hi].trim();
        if gap.is_empty() || matches!(gap, ":" | ",") || self.is_complementizer(gap) {
            return true;
        }
        gap.ends_with([':', ',']) && self.gap_words(lo, hi) <= 5
    }

    /// Whether `gap` is a `complementizer` of `function_words.tsv` in lower case, alone,
    /// after ", " or before ":" ("that", ", that", "that:").
    fn is_complementizer(&self, gap: &str) -> bool {
        let word = gap
            .strip_prefix(", ")
            .or_else(|| gap.strip_suffix(':'))
            .unwrap_or(gap);
        !word.chars().any(char::is_uppercase)
            && self.ctx.lex.is(word, FunctionClass::Complementizer)
    }

    // ----------------------------------------------------------------- late sieves

    /// `“…” – Commissioner X`.
    fn dash(&self, q: &QuoteSpan, para_end: usize) -> Option<Who> {
        let after = &self.text[q.outer.end..para_end];
        let trimmed = after.trim_start();
        let rest = trimmed
            .strip_prefix('–')
            .or_else(|| trimmed.strip_prefix('—'))
            .or_else(|| trimmed.strip_prefix("- "))?;
        let from = para_end - rest.len();
        match self.right(from, para_end, false) {
            w @ Who::Speaker(..) => Some(w),
            _ => None,
        }
    }

    /// A colon lead-in: in the quotation's sentence with no cue, or ending the previous
    /// paragraph when the quotation opens its own.
    fn lead_in(&self, q: &QuoteSpan, sentence: usize, para: Span) -> Option<(Who, Option<Span>)> {
        let doc = self.ctx.doc;
        let before = self.text[sentence..q.outer.start].trim_end();
        if let Some(head) = before.strip_suffix(':') {
            let w = self.left(sentence, sentence + head.len());
            return matches!(w, Who::Speaker(..)).then_some((w, None));
        }
        if q.outer.start != para.start || q.paragraph == 0 {
            return None;
        }
        let prev = doc.paragraphs()[q.paragraph - 1];
        let prev_text = self.text[prev].trim_end();
        let colon = prev_text.strip_suffix(':')?;
        let end = prev.start + colon.len();
        let s = doc
            .sentence_at(end.saturating_sub(1))
            .map_or(prev.start, |s| doc.sentences()[s].span.start);
        let w = match self.last_cue(s, end) {
            Some(c) => return Some((self.resolve_cue(c, s, end, s), Some(c.span))),
            None => self.left(s, end),
        };
        matches!(w, Who::Speaker(..)).then_some((w, None))
    }

    /// "Manager Ana Ruiz has said that the side is ready." / "“We trained hard.”": a
    /// quotation that is a whole paragraph, right after a paragraph with no quotation that
    /// reports someone's speech, takes the speaker of that paragraph's last speech cue.
    fn reported_speaker(&self, i: usize) -> Option<usize> {
        let q = self.quotes[i];
        let doc = self.ctx.doc;
        let before = q.paragraph.checked_sub(1)?;
        if i > 0 && self.quotes[i - 1].paragraph == before {
            return None;
        }
        let prev = doc.paragraphs()[before];
        let last = self.last_cue(prev.start, prev.end)?;
        let sentence = doc
            .sentence_at(last.span.start)
            .map_or(prev, |k| doc.sentences()[k].span);
        // The sentence's first cue is its main verb, and its speaker the subject before
        // it: the sentence's first person or institution ("If anything, Ruiz argued"; not
        // "At Ruiz's request, the union issued a statement apologising to Brekov, ...
        // suggesting").
        let first = self.first_cue(sentence.start, sentence.end).unwrap_or(last);
        if first.kind == CueKind::SpeakerAfter {
            return None;
        }
        let Who::Speaker(e, _) = self.left(sentence.start, first.span.start) else {
            return None;
        };
        let subject = self
            .mentions_in(sentence.start, first.span.start)
            .find(|m| self.kind(m) != EntityKind::Place)
            .map(|m| m.entity);
        (subject == Some(e)).then_some(e)
    }

    /// The first cue inside `[lo, hi)`.
    fn first_cue(&self, lo: usize, hi: usize) -> Option<Cue> {
        let from = self.cues.partition_point(|c| c.span.start < lo);
        self.cues.get(from).filter(|c| c.span.end <= hi).copied()
    }

    /// The speaker a quotation with no cue of its own continues.
    fn continuation(&self, i: usize, sentence: usize, known: &[Option<usize>]) -> Option<usize> {
        let q = self.quotes[i];
        let prev = i.checked_sub(1).map(|j| (self.quotes[j], known[j]));
        if q.continues {
            return prev.and_then(|(_, k)| k);
        }
        let opens_sentence = self.gap_words(sentence, q.outer.start) == 0;
        if let Some((p, Some(e))) = prev {
            if opens_sentence && p.paragraph == q.paragraph {
                return Some(e);
            }
        }
        // The quotation is the whole paragraph: no word outside quotations in it.
        let whole = !self.has_bare_words[q.paragraph];
        if !whole {
            return None;
        }
        if let Some(e) = self.reported_speaker(i) {
            return Some(e);
        }
        (0..i)
            .rev()
            .take_while(|&j| self.quotes[j].paragraph + 2 >= q.paragraph)
            .find_map(|j| known[j])
    }
}
