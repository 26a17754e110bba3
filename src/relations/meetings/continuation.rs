//! Sentences that add people to a meeting told before them ("Attended the meeting were A,
//! B and C", "During the meeting A and B discussed ..."), and meetings a speaker tells of
//! in the first person ("“I met Berglund last year,” Kovacs said").

use super::place::place_in;
use super::{in_quotation, Found, LastRead, CONTINUATION_PARAGRAPHS, MARKER_WINDOW, OBJECT_WINDOW};
use crate::clauses::{Sentence, Tag};
use crate::document::Sentence as DocSentence;
use crate::gazetteer::TriggerClass::{
    Attend, Negation, NotMeeting, Noun, ObjectVerb, Planned, Verb,
};
use crate::gazetteer::{ClassSet, FunctionClass, TriggerClass};
use crate::record::{MeetingStatus, Quote, Via};
use crate::relations::Context;
use crate::segment::quotes::QuoteSpan;
use crate::span::starting_within;
use crate::{EntityKind, Span};

/// "“I had the pleasure of meeting His Excellency Tomas Berglund last year,” Kovacs
/// said": inside words a person is quoted saying, a first-person subject ("I", "we") a
/// few words before a meeting verb or noun, and a person within [`OBJECT_WINDOW`] words
/// after it: the speaker met that person.
pub(super) fn first_person_meeting(
    ctx: &Context<'_>,
    sentence: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
    spoken: &[Quote],
) -> Option<Found> {
    if terms.iter().any(|(_, c)| c.has(NotMeeting)) {
        return None;
    }
    // The quotations are in text order: only those that reach into the sentence.
    let from = spoken.partition_point(|q| q.end <= sentence.start);
    for q in spoken[from..].iter().take_while(|q| q.start < sentence.end) {
        let Some(speaker) = q.speaker_entity else {
            continue;
        };
        let (start, end) = (q.start.max(sentence.start), q.end.min(sentence.end));
        if start >= end || ctx.res.entities[speaker].kind != EntityKind::Person {
            continue;
        }
        let words = Span::new(start, end);
        for (trigger, classes) in terms {
            if !words.contains(*trigger) || !classes.meets(ClassSet::of(&[Verb, ObjectVerb, Noun]))
            {
                continue;
            }
            let quoted = Quoted {
                ctx,
                terms,
                words,
                speaker,
            };
            if let Some(found) = quoted.meeting(*trigger, sentence) {
                return Some(found);
            }
        }
    }
    None
}

/// The part of a sentence inside a quotation, with the quotation's speaker.
struct Quoted<'r, 'a> {
    ctx: &'r Context<'a>,
    /// The sentence's trigger terms.
    terms: &'r [(Span, ClassSet<TriggerClass>)],
    /// The quoted words within the sentence.
    words: Span,
    speaker: usize,
}

impl Quoted<'_, '_> {
    /// The meeting the speaker tells of with the trigger at `trigger`: a first-person
    /// subject pronoun among the [`MARKER_WINDOW`] + 2 words before it, no negation marker
    /// among them ("I did not meet"), and a person named (not a pronoun) within
    /// [`OBJECT_WINDOW`] words after it; planned with a planned marker among those words
    /// ("we will meet").
    fn meeting(&self, trigger: Span, sentence: Span) -> Option<Found> {
        let (ctx, terms, words) = (self.ctx, self.terms, self.words);
        let text = ctx.doc.text();
        let before = ctx.doc.tokens_in(Span::new(words.start, trigger.start));
        let lead = &before[before.len().saturating_sub(MARKER_WINDOW + 2)..];
        let first_person = lead.iter().any(|t| {
            let classes = ctx.lex.function_classes(&text[t.span].to_lowercase());
            classes.has(FunctionClass::FirstPerson) && classes.has(FunctionClass::SubjectPronoun)
        });
        if !first_person {
            return None;
        }
        // Markers among the few words before the trigger: the terms are in text order, so
        // only those words are read.
        let lead_start = lead.first().map_or(trigger.start, |t| t.span.start);
        let from = terms.partition_point(|(s, _)| s.start < lead_start);
        let markers = || {
            terms[from..]
                .iter()
                .take_while(|(s, _)| s.end <= trigger.start)
        };
        if markers().any(|(_, c)| c.has(Negation)) {
            return None;
        }
        let participants = self.met(trigger);
        if participants.len() < 2 {
            return None;
        }
        let planned = markers().any(|(_, c)| c.has(Planned));
        Some(Found {
            participants,
            place: place_in(ctx, words, &[trigger]),
            date: None,
            status: if planned {
                MeetingStatus::Planned
            } else {
                MeetingStatus::Held
            },
            evidence: sentence,
        })
    }

    /// The speaker, then the people named (not by a pronoun) within [`OBJECT_WINDOW`] words
    /// after the trigger at `trigger`.
    fn met(&self, trigger: Span) -> Vec<usize> {
        let (ctx, words) = (self.ctx, self.words);
        let after = ctx.doc.tokens_in(Span::new(trigger.end, words.end));
        let limit = after.get(OBJECT_WINDOW).map_or(words.end, |t| t.span.start);
        let mut participants = vec![self.speaker];
        for m in starting_within(&ctx.res.mentions, Span::new(trigger.end, limit), |m| m.span) {
            let person = ctx.res.entities[m.entity].kind == EntityKind::Person;
            if person && m.via != Via::Pronoun && !participants.contains(&{ m.entity }) {
                participants.push(m.entity);
            }
        }
        participants
    }
}

/// A sentence that adds people to a meeting told before it:
///
/// - a verb of attending with a meeting noun as its object: its subject joins ("Minister
///   Idrissov attended the meeting too", "Union leaders A and B were also part of the
///   conversations"); passive, the agents join ("The meeting was attended by A, B and C");
///   inverted, the names after "were" ("Attended the meeting were A, B and C"); with no
///   object, in a relative clause or opening the sentence, the names after "were" too
///   ("The ministers who attended were A and B", "Also attending were A and B"); in a
///   subordinate clause, the subject of the main one ("Before entering the meeting, A
///   told reporters");
/// - a sentence opening with a phrase about the meeting: the subject of its clause joins
///   ("During the meeting A and B discussed ...", "After the meeting, A said").
///
/// They join the last meeting told within [`CONTINUATION_PARAGRAPHS`] paragraphs (one
/// with fewer than two named people so far counts), or start a new one. Whether anyone
/// joined.
pub(super) fn continuation<'a>(
    ctx: &Context<'a>,
    sentence: &DocSentence,
    terms: &[(Span, ClassSet<TriggerClass>)],
    quotes: &[QuoteSpan],
    found: &mut Vec<Found>,
    last: &mut LastRead<'a>,
) -> bool {
    let read = Continuation {
        ctx,
        sent: last.of(ctx, sentence.span),
        terms,
        quotes,
    };
    let mut joining = read.attendees();
    // "During the meeting A and B discussed", "After the meeting, A said".
    if joining.is_empty() {
        joining = read.after_opening_phrase();
    }
    let people = read.sent.people(&joining);
    if people.is_empty() {
        return false;
    }
    join(ctx, sentence, people, found);
    true
}

/// `people` join the last meeting of `found` told within [`CONTINUATION_PARAGRAPHS`]
/// paragraphs before `sentence`, else they are a new meeting held, told there.
fn join(ctx: &Context<'_>, sentence: &DocSentence, people: Vec<usize>, found: &mut Vec<Found>) {
    // Meetings are found in text order, so the last one is the most recent.
    let recent = found.last_mut().filter(|f| {
        ctx.doc
            .sentence_at(f.evidence.start)
            .map(|s| ctx.doc.sentences()[s].paragraph)
            .is_some_and(|p| p + CONTINUATION_PARAGRAPHS >= sentence.paragraph)
    });
    match recent {
        Some(f) => {
            for p in people {
                if !f.participants.contains(&p) {
                    f.participants.push(p);
                }
            }
        }
        None => found.push(Found {
            participants: people,
            place: None,
            date: None,
            status: MeetingStatus::Held,
            evidence: sentence.span,
        }),
    }
}

/// A sentence read for the people it adds to a meeting told before.
struct Continuation<'r, 'a> {
    ctx: &'r Context<'a>,
    sent: &'r Sentence<'a>,
    terms: &'r [(Span, ClassSet<TriggerClass>)],
    quotes: &'r [QuoteSpan],
}

impl Continuation<'_, '_> {
    /// Whether a meeting noun outside quotations starts at token `k`.
    fn noun_at(&self, k: usize) -> bool {
        self.terms.iter().any(|(s, c)| {
            c.has(Noun) && self.sent.index_at(s.start) == k && !in_quotation(self.quotes, *s)
        })
    }

    /// The first meeting noun at or after token `k`, over at most three determiners and
    /// adjectives ("the closed-door talks").
    fn noun_after(&self, mut k: usize) -> Option<usize> {
        let sent = &self.sent;
        let limit = k + 4;
        while k < sent.len() && k < limit {
            if self.noun_at(k) {
                return Some(k);
            }
            if !matches!(
                sent.tag(k),
                Tag::Determiner | Tag::Possessive | Tag::Word | Tag::Other
            ) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The subject of the first finite verb from token `from`, over a relative clause set
    /// off by commas ("After the meeting, which began at 11am, A and B said").
    fn main_subject(&self, from: usize) -> Vec<usize> {
        let sent = &self.sent;
        let mut k = from;
        while k < sent.len() {
            if sent.tag(k) == Tag::Comma && k + 1 < sent.len() && sent.tag(k + 1) == Tag::Relative {
                k += 2;
                while k < sent.len() && sent.tag(k) != Tag::Comma {
                    k += 1;
                }
                continue;
            }
            // "..., Berglund is reported to have recommended": the verb group may open with
            // an auxiliary or a modal.
            if matches!(sent.tag(k), Tag::Verb | Tag::Auxiliary | Tag::Modal) {
                return sent.subject(sent.verb_group(self.ctx.lex, k).start);
            }
            k += 1;
        }
        Vec::new()
    }

    /// The people each verb of attending (outside quotations) adds: see
    /// [`Continuation::attendees_of`].
    fn attendees(&self) -> Vec<usize> {
        let mut joining = Vec::new();
        for (span, classes) in self.terms {
            if classes.has(Attend) && !in_quotation(self.quotes, *span) {
                joining.extend(self.attendees_of(*span));
            }
        }
        joining
    }

    /// The people a verb of attending at `span` adds: passive, the agents after "by" when a
    /// meeting noun is its subject ("The meeting was attended by executives including A, B
    /// and C"); with a meeting noun as its object, the names after an auxiliary in an
    /// inverted sentence ("Attended the meeting were A, B and C"), else its subject, else,
    /// for a non-finite verb with no subject, the main clause's ("Before entering the
    /// meeting, A told reporters").
    fn attendees_of(&self, span: Span) -> Vec<usize> {
        let sent = &self.sent;
        let v = sent.index_at(span.start);
        let after = sent.index_at(span.end);
        let vg = sent.verb_group(self.ctx.lex, v);
        if vg.passive && after < sent.len() && sent.word(after).eq_ignore_ascii_case("by") {
            let noun_before = (0..vg.start).any(|k| self.noun_at(k));
            return if noun_before {
                sent.objects(after + 1)
            } else {
                Vec::new()
            };
        }
        let Some(noun) = self.noun_after(after) else {
            return self.attendees_named_after(v, after);
        };
        let next = sent.index_at(sent.span(noun).end);
        if vg.start == 0 && next < sent.len() && matches!(sent.tag(next), Tag::Auxiliary) {
            return sent.objects(next + 1);
        }
        let subject = sent.subject(vg.start);
        if subject.is_empty() && sent.tag(v) == Tag::NonFinite {
            self.main_subject(next)
        } else {
            subject
        }
    }

    /// "The Democrats who attended were A and B", "Also attending were A and B": a verb of
    /// attending with no object, in a relative clause or opening the sentence, then a form
    /// of "be": the names after it attended the meeting told before.
    fn attendees_named_after(&self, v: usize, after: usize) -> Vec<usize> {
        let sent = &self.sent;
        let relative = v > 0 && sent.tag(v - 1) == Tag::Relative;
        let opening = (0..v).all(|k| matches!(sent.tag(k), Tag::Adverb | Tag::Other));
        let be = after < sent.len()
            && sent.tag(after) == Tag::Auxiliary
            && self.ctx.lex.is(sent.word(after), FunctionClass::Be);
        if (relative || opening) && be {
            sent.objects(after + 1)
        } else {
            Vec::new()
        }
    }

    /// "During the meeting A and B discussed", "After the meeting, A said": after a
    /// sentence's opening preposition and a definite meeting noun, the subject of the main
    /// clause.
    fn after_opening_phrase(&self) -> Vec<usize> {
        let sent = &self.sent;
        if sent.len() <= 2 || sent.tag(0) != Tag::Preposition {
            return Vec::new();
        }
        let Some(noun) = self.noun_after(1) else {
            return Vec::new();
        };
        let definite = (1..noun).any(|k| matches!(sent.tag(k), Tag::Determiner | Tag::Possessive));
        if definite {
            self.main_subject(noun + 1)
        } else {
            Vec::new()
        }
    }
}
