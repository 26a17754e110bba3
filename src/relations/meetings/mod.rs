//! The meetings pass: who met whom, where, when, and whether it happened.
//!
//! A meeting is people together in one place: talks, a summit, a visit to a person, a
//! reception, a meal. A phone or video call, a letter or an invitation is not. The triggers
//! and markers are data (`gazetteers/meeting_triggers.tsv`), and so are the words the rules
//! below read (clause breaks, number words, group nouns, counterparts, relative words,
//! venue prepositions: `meeting_triggers.tsv`, `role_nouns.tsv`, `function_words.tsv`),
//! set in their patterns once when the lexicons are built
//! ([`MeetingWords`](crate::lexicon::MeetingWords)). The rules are:
//!
//! 1. **Clauses.** A sentence is cut into clauses at `;`, at "while", "whereas", "but",
//!    "after which", at a comma before a relative word ("where", "who") that opens a
//!    clause running to the sentence's end,
//!    and before a gerund after "before"/"after", so "A met B, while C is to sit down with D"
//!    gives two meetings. A clause with no person before its trigger ("before heading to the
//!    palace to meet D") takes the sentence's first person as its subject.
//! 2. **Triggers.** A clause holds a meeting when it has a trigger, tried in this order: a
//!    meeting verb ("met", "held talks", "sat down with", "was received by"); an object verb
//!    ("received", "hosted", "visited") followed within a few words by a named person; a
//!    meeting noun tied to its people ("talks between A and B", "during his meeting with B",
//!    "the A-B summit", "A and B have held several rounds of talks" after a light verb). A
//!    noun with no such tie ("The talks precede ...", "During the
//!    meeting, ...") refers back to a meeting already told and starts none.
//! 3. **No meeting** when the clause names a phone or video call, a letter or the like
//!    (`not_meeting`), or a negation stands just before the trigger ("did not meet").
//! 4. **Participants** are the named people of the clause (through short names, roles and
//!    pronouns), outside quotations, plus "his Russian counterpart" resolved to the person
//!    of the document holding the subject's role in that country, and groups ("all four",
//!    "the two ministers") resolved to the people of the meetings just before. At least two
//!    distinct named people are needed: a meeting with one named person is not emitted.
//! 5. **Separate meetings.** "A and B, with their counterparts C and D" pairs each side by
//!    role (A with the counterpart of A's role); with unnamed counterparts ("with their
//!    Japanese counterparts") each is looked up as "his Japanese counterpart" is, and A and B,
//!    one side, do not meet each other. With a `separate` marker ("separately met A, B and C", "will
//!    hold summits with A and B") the first person met each other person apart: one record
//!    for each pair with the first.
//! 6. **Status**: `cancelled` with a cancel marker in the clause; `planned` with a planned
//!    marker at most four words before the trigger ("will", "is to", "expected to") or a date
//!    ahead of the article's date; else `held`.
//! 7. **Place**: the first place (or institution standing for a place, "at the Kremlin")
//!    after "in" or "at" in the clause. **Date**: the first exact date of the sentence,
//!    resolved against the article's date (`dates`); a dateline's date ("NAIROBI, March 8
//!    (Reuters) -") is the filing date and is skipped.
//!    A sentence that refers back to a meeting without naming people ("The one-day meeting
//!    in Tokyo on March 20 is the first ...") gives its place and date to the meetings told
//!    in the next three paragraphs that lack them, and, when it opens with a definite
//!    meeting noun ("The meeting was held at ..."), to the meeting told just before. A
//!    building in a city ("at the Grand Hotel in Bergen") gives the city as the
//!    place and the building as the `venue`. A meeting still without a place takes, in
//!    turn: the place a stay in its sentence leads to ("who is visiting Oslo", "arrived in
//!    Hanoi and met"), that of an earlier meeting of a participant, and, when held, the
//!    dateline's place or the article's setting (a city that dominates a local article);
//!    a venue no gazetteer knows stands in the setting too.
//! 8. **Deduplication**: a meeting with the same participants and status as an earlier one
//!    is the same meeting told again; it fills the earlier one's missing place and date, and
//!    the evidence stays the first mention.
//!
//! The rules live in submodules: `clause` cuts a sentence into clauses and reads the
//! meeting of each (rules 1 to 3 and 6), `participants` finds who took part (rules 4 and
//! 5), `continuation` reads the sentences that add people to a meeting told before and
//! what a speaker says of meeting someone, and `place` finds where it was held (rule 7).
//! This module walks the sentences, gives the meetings their dates (rule 7) and merges
//! those told again (rule 8).

mod clause;
mod continuation;
mod participants;
mod place;

use super::dates::{find_dates, DateMention, Hints, TenseHint};
use super::Context;
use crate::document::Sentence as DocSentence;
use crate::gazetteer::TriggerClass::{Attend, Noun, ObjectVerb, Verb};
use crate::gazetteer::{ClassSet, FunctionClass, TriggerClass, WordTag};
use crate::hash::FastMap;
use crate::lexicon::PhraseSet;
use crate::record::{Excerpt, Meeting, MeetingStatus, Quote};
use crate::segment::quotes::QuoteSpan;
use crate::span::overlapping;
use crate::Span;
use clause::{clauses, meetings_in, ClauseIn};
use continuation::{continuation, first_person_meeting};
use place::{dateline_end, fill_last, fill_places, is_definite, place_in};

/// How many words before a trigger a planned or negation marker may stand.
const MARKER_WINDOW: usize = 4;
/// How many paragraphs after a back-reference its venue and date still apply.
const VENUE_PARAGRAPHS: usize = 3;
/// How many words after an object verb its person may start.
const OBJECT_WINDOW: usize = 6;
/// How many paragraphs after a meeting a sentence may still add people to it.
const CONTINUATION_PARAGRAPHS: usize = 3;

/// Where a meeting was held: the place (a city, region or country, else the building
/// itself) and the building or site named, if any ("Grand Hotel" in
/// "Bergen").
#[derive(Clone, Debug, PartialEq)]
struct Site {
    place: String,
    venue: Option<String>,
}

impl Site {
    /// A site known by its place alone.
    fn at(place: String) -> Site {
        Site { place, venue: None }
    }
}

/// A meeting found in one clause, before deduplication.
#[derive(Debug)]
struct Found {
    participants: Vec<usize>,
    place: Option<Site>,
    date: Option<String>,
    status: MeetingStatus,
    evidence: Span,
}

/// Meetings between named people, in text order. `spoken` are the quotations of the
/// document with their speakers: a speaker who says "I met X" met X.
pub(crate) fn find(ctx: &Context<'_>, spoken: &[Quote]) -> Vec<Meeting> {
    let mut pass = Pass {
        ctx,
        spoken,
        // Quotation spans, found once by the document.
        quotes: ctx.doc.quotes(),
        found: Vec::new(),
        back_reference: None,
    };
    for sentence in ctx.doc.sentences() {
        pass.sentence(sentence);
    }
    let mut found = pass.found;
    fill_places(ctx, &mut found);
    dedupe(ctx, found)
}

/// The place and date a back-reference gave ("The one-day meeting in Tokyo on March 20"),
/// with the paragraph it was given in.
struct BackReference {
    place: Option<Site>,
    date: Option<String>,
    paragraph: usize,
}

/// The meetings pass over one document, sentence by sentence.
struct Pass<'c> {
    ctx: &'c Context<'c>,
    /// The quotations with their speakers.
    spoken: &'c [Quote],
    /// The document's quotation spans.
    quotes: &'c [QuoteSpan],
    /// The meetings found so far, in text order.
    found: Vec<Found>,
    /// The last back-reference that gave a place or a date.
    back_reference: Option<BackReference>,
}

impl Pass<'_> {
    /// Reads one sentence: the meetings it tells and their dates, else the place and date
    /// of a meeting it refers back to ("The one-day meeting in Tokyo on March 20 ...").
    fn sentence(&mut self, sentence: &DocSentence) {
        let ctx = self.ctx;
        let before = self.found.len();
        // Most sentences hold no trigger at all: one automaton scan decides.
        let text = ctx.doc.text();
        let candidates = ctx.lex.triggers.candidates(text, sentence.span);
        let terms = PhraseSet::choose(text, &candidates, sentence.span);
        if !terms
            .iter()
            .any(|(_, c)| c.meets(ClassSet::of(&[Verb, ObjectVerb, Noun, Attend])))
        {
            return;
        }
        self.tell(sentence, &terms, &candidates);
        // A back-reference noun: only needed when the sentence told no meeting.
        let back_reference = if self.found.len() == before {
            terms.into_iter().find(|(_, c)| c.has(Noun))
        } else {
            None
        };
        if self.found.len() == before && back_reference.is_none() {
            return; // most sentences: no date needed
        }
        let dates = sentence_dates(ctx, sentence.span);
        let exact_date = dates.iter().find_map(|d| d.date).map(|d| d.to_string());
        if let Some((noun, _)) = back_reference {
            self.refer_back(sentence, noun, exact_date);
            return;
        }
        self.apply_back_reference(sentence.paragraph, before, &exact_date);
        self.apply_dates(before, &dates);
    }

    /// The meetings a sentence with a trigger tells, added to those found: people who join
    /// the meeting told before ("Attended the meeting were A, B and C"), else the meetings
    /// of its clauses, else people joining after all ("During the meeting A and B
    /// discussed ..."), else a speaker's "I met X" in words quoted.
    ///
    /// `candidates` are the sentence's trigger candidates, from which each clause's are
    /// chosen.
    fn tell(
        &mut self,
        sentence: &DocSentence,
        terms: &[(Span, ClassSet<TriggerClass>)],
        candidates: &[(Span, ClassSet<TriggerClass>)],
    ) {
        let ctx = self.ctx;
        let before = self.found.len();
        // "Attended the meeting were A, B and C": a verb of attending joins the meeting
        // told before, rather than telling a meeting of its own.
        let attends = terms.iter().any(|(_, c)| c.has(Attend));
        let mut read = LastRead::default();
        let found = &mut self.found;
        if attends && continuation(ctx, sentence, terms, self.quotes, found, &mut read) {
            return;
        }
        for clause in clauses(&ctx.lex.meetings, ctx.doc.text(), sentence.span) {
            let at = ClauseIn {
                clause,
                sentence: sentence.span,
                candidates,
            };
            let new = meetings_in(ctx, at, self.quotes, found, &mut read);
            found.extend(new);
        }
        if found.len() == before {
            continuation(ctx, sentence, terms, self.quotes, found, &mut read);
        }
        if self.found.len() == before {
            self.found
                .extend(first_person_meeting(ctx, sentence.span, terms, self.spoken));
        }
    }

    /// A sentence that tells no meeting but names one (`noun`): its place and date, if
    /// any, are kept for the meetings of the next paragraphs, and a definite subject ("The
    /// meeting was held at ...") gives them to the meeting told just before.
    fn refer_back(&mut self, sentence: &DocSentence, noun: Span, date: Option<String>) {
        let ctx = self.ctx;
        let place = place_in(ctx, sentence.span, &[noun]);
        if place.is_some() || date.is_some() {
            if is_definite(ctx, sentence.span, noun) {
                fill_last(ctx, &mut self.found, sentence.paragraph, &place, &date);
            }
            self.back_reference = Some(BackReference {
                place,
                date,
                paragraph: sentence.paragraph,
            });
        }
    }

    /// The meetings found from index `before` on, told in `paragraph`, take the place of a
    /// back-reference of at most [`VENUE_PARAGRAPHS`] paragraphs before when they have none,
    /// and its date when their sentence has no exact date either.
    fn apply_back_reference(
        &mut self,
        paragraph: usize,
        before: usize,
        exact_date: &Option<String>,
    ) {
        let Some(back) = &self.back_reference else {
            return;
        };
        if paragraph > back.paragraph + VENUE_PARAGRAPHS {
            return;
        }
        for m in &mut self.found[before..] {
            if m.place.is_none() {
                m.place = back.place.clone();
            }
            if m.date.is_none() && exact_date.is_none() {
                m.date = back.date.clone();
            }
        }
    }

    /// The meetings found from index `before` on take the first exact date of their
    /// sentence; a date ahead of the article's, or a date phrase of future time ("next
    /// week"), makes a held meeting planned.
    fn apply_dates(&mut self, before: usize, dates: &[DateMention]) {
        if let Some(d) = dates.iter().find(|d| d.date.is_some()) {
            let iso = d.date.map(|d| d.to_string());
            let (ahead, today) = match (d.date, self.ctx.doc.civil_date()) {
                (Some(x), Some(a)) => (x > a, x == a),
                _ => (false, false),
            };
            let ctx = self.ctx;
            for m in &mut self.found[before..] {
                m.date = iso.clone();
                // "Kim is meeting with Lee on Thursday" in Thursday's paper: a
                // present progressive of the article's own day has not happened yet.
                let upcoming = ahead || today && present_progressive(ctx, m.evidence);
                if upcoming && m.status == MeetingStatus::Held {
                    m.status = MeetingStatus::Planned;
                }
            }
        }
        if dates
            .iter()
            .any(|d| d.tense_hint == Some(TenseHint::Future))
        {
            for m in &mut self.found[before..] {
                if m.status == MeetingStatus::Held {
                    m.status = MeetingStatus::Planned;
                }
            }
        }
    }
}

/// The dates of a sentence, read as future when it has a future marker, without the date
/// of a dateline ("NAIROBI, March 8 (Reuters) -", "Bergen, July 11 Foreign Minister ..."),
/// which is the filing date.
fn sentence_dates(ctx: &Context<'_>, sentence: Span) -> Vec<DateMention> {
    let text = ctx.doc.text();
    // Most sentences hold nothing a date rule needs: skip the search for a future marker.
    let hints = Hints::of(&text[sentence]);
    if !hints.any() {
        return Vec::new();
    }
    let future = ctx.lex.has_future(text, sentence);
    let date = ctx.doc.civil_date();
    let mut mentions = find_dates(ctx.lex, &text[sentence], date, future, &hints);
    if let Some(end) = dateline_end(&text[sentence]) {
        mentions.retain(|d| d.span.start >= end);
    }
    // The names pass's dateline too.
    if let Some(d) = ctx.res.dateline.filter(|d| sentence.contains(*d)) {
        let end = d.end - sentence.start;
        mentions.retain(|m| m.span.start >= end);
    }
    mentions
}

/// The clause layer's reading of the span read last in a sentence: a clause that is the
/// whole sentence is read once, for its meetings and then for people joining one.
#[derive(Default)]
pub(super) struct LastRead<'a>(Option<(Span, crate::clauses::Sentence<'a>)>);

impl<'a> LastRead<'a> {
    /// The reading of `span`: the one kept when the last call read the same span.
    pub(super) fn of(&mut self, ctx: &Context<'a>, span: Span) -> &crate::clauses::Sentence<'a> {
        if self.0.as_ref().is_some_and(|(s, _)| *s != span) {
            self.0 = None;
        }
        let (doc, res, lex, gaz) = (ctx.doc, ctx.res, ctx.lex, ctx.gaz);
        &self
            .0
            .get_or_insert_with(|| {
                let words: &'a crate::gazetteer::WordMap = &gaz.words;
                (
                    span,
                    crate::clauses::Sentence::new(doc, res, lex, words, span),
                )
            })
            .1
    }
}

/// Whether `s` lies inside one of the document's quotations.
fn in_quotation(quotes: &[QuoteSpan], s: Span) -> bool {
    overlapping(quotes, s, |q| q.outer).is_some_and(|q| q.outer.contains(s))
}

/// Whether a meeting verb of `span` is in the present progressive: a present form of "be"
/// (`be` class, not a past form in `words.tsv`) right before a verb's "-ing" form
/// ("is meeting", "are holding talks").
fn present_progressive(ctx: &Context<'_>, span: Span) -> bool {
    let text = ctx.doc.text();
    let tags = |w: &str| {
        crate::lexicon::with_lower(w, |lower| ctx.gaz.words.get(lower).map(|info| info.tags))
            .unwrap_or_default()
    };
    ctx.lex
        .triggers
        .find(text, span)
        .iter()
        .filter(|(_, c)| c.meets(ClassSet::of(&[Verb, ObjectVerb])))
        .any(|(term, _)| {
            let first = text[*term].split_whitespace().next().unwrap_or("");
            let before = text[span.start..term.start].split_whitespace().next_back();
            tags(first).has(WordTag::VerbIng)
                && before.is_some_and(|b| {
                    ctx.lex.is(b, FunctionClass::Be)
                        && !tags(b).has(WordTag::VerbPast)
                        && !tags(b).has(WordTag::VerbPastPart)
                })
        })
}

/// Merges meetings told again; emits records in text order.
fn dedupe(ctx: &Context<'_>, found: Vec<Found>) -> Vec<Meeting> {
    let mut out: Vec<Found> = Vec::new();
    let mut seen: FastMap<(Vec<usize>, MeetingStatus), usize> = FastMap::default();
    for f in found.into_iter().filter(|f| f.participants.len() >= 2) {
        let mut key = f.participants.clone();
        key.sort_unstable();
        match seen.get(&(key.clone(), f.status)) {
            Some(&i) => {
                let o = &mut out[i];
                if o.place.is_none() {
                    o.place = f.place;
                }
                if o.date.is_none() {
                    o.date = f.date;
                }
            }
            None => {
                seen.insert((key, f.status), out.len());
                out.push(f);
            }
        }
    }
    let text = ctx.doc.text();
    out.into_iter()
        .map(|f| Meeting {
            participants: f
                .participants
                .iter()
                .map(|&e| ctx.res.entities[e].name.clone())
                .collect(),
            // Resolution indices; `extractor.rs` makes them positions in `entities` and
            // fills the ids.
            participant_entities: f.participants,
            participant_ids: Vec::new(),
            venue: f.place.as_ref().and_then(|p| p.venue.clone()),
            venue_entity: None,
            place: f.place.map(|p| p.place),
            place_id: None,
            place_entity: None,
            date: f.date,
            status: f.status,
            evidence: Excerpt {
                start: f.evidence.start,
                end: f.evidence.end,
                text: text[f.evidence].to_string(),
            },
        })
        .collect()
}
