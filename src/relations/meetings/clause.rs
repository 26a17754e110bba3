//! A sentence cut into clauses, and the meeting of each clause (rules 1 to 3 and 6 of the
//! module's doc): its trigger, what rules it out, its status, and the groups of people who
//! met.

use super::participants::{
    agent_by, opening_participle, participants_of, past_adjuncts, with_their_counterparts,
};
use super::place::place_in;
use super::{in_quotation, Found, LastRead, MARKER_WINDOW, OBJECT_WINDOW};
use crate::clauses::{Sentence, Tag};
use crate::gazetteer::TriggerClass::{
    Cancelled, LightVerb, Negation, NotMeeting, Noun, ObjectVerb, Planned, Separate, Verb,
};
use crate::gazetteer::{ClassSet, TriggerClass};
use crate::lexicon::{MeetingWords, PhraseSet};
use crate::record::{MeetingStatus, Via};
use crate::relations::Context;
use crate::segment::quotes::QuoteSpan;
use crate::segment::Token;
use crate::span::starting_within;
use crate::{EntityKind, Span};

/// The sentence cut into clauses at `;`, before a `clause_break` word ("while", "but",
/// "after which"), before a gerund after a `gerund_break` word (", before heading to ..."),
/// and at the comma of a relative clause that runs to the end of the sentence ("..., where
/// Smith met fans."; an embedded one, closed by a comma, stays in its clause).
pub(super) fn clauses(words: &MeetingWords, text: &str, sentence: Span) -> Vec<Span> {
    let s = &text[sentence];
    let mut out = Vec::new();
    let mut start = 0;
    let relative = words.relative.find(s).map(|m| (m.start(), m.start() + 1));
    let cuts = words
        .cut
        .find_iter(s)
        .map(|m| (m.start(), m.end(), m.as_str()));
    let mut cuts: Vec<(usize, usize, &str)> = cuts.collect();
    if let Some((a, b)) = relative {
        cuts.push((a, b, ","));
        cuts.sort_unstable();
    }
    for (m_start, m_end, cut) in cuts {
        if m_start < start {
            continue;
        }
        out.push(Span::new(sentence.start + start, sentence.start + m_start));
        // A gerund ("before heading to the palace to meet Ferreira") starts the next clause.
        start = if cut.ends_with("ing") {
            m_end - cut.split_whitespace().last().map_or(0, str::len)
        } else {
            m_end
        };
    }
    out.push(Span::new(sentence.start + start, sentence.end));
    out.retain(|c| !c.is_empty());
    out
}

/// A clause of a sentence, and the sentence's trigger candidates (every whole-word match,
/// see [`PhraseSet::candidates`]) from which the clause's triggers are chosen.
#[derive(Clone, Copy)]
pub(super) struct ClauseIn<'s> {
    pub(super) clause: Span,
    pub(super) sentence: Span,
    pub(super) candidates: &'s [(Span, ClassSet<TriggerClass>)],
}

/// The meetings one clause reports: none, one, or one per pair with "separately".
pub(super) fn meetings_in<'a>(
    ctx: &Context<'a>,
    at: ClauseIn<'_>,
    quotes: &[QuoteSpan],
    earlier: &[Found],
    read: &mut LastRead<'a>,
) -> Vec<Found> {
    meeting_in(ctx, at, quotes, earlier, read).unwrap_or_default()
}

/// The meeting of a clause of `sentence`: its trigger ([`choose_trigger`]), unless a call,
/// a letter or a negation rules it out; its participants, status and place; one record
/// for each group of people who met ([`groups`]). With fewer than two named people, a
/// frame that a later sentence may complete. `None` for no meeting.
fn meeting_in<'a>(
    ctx: &Context<'a>,
    at: ClauseIn<'_>,
    quotes: &[QuoteSpan],
    earlier: &[Found],
    read: &mut LastRead<'a>,
) -> Option<Vec<Found>> {
    let ClauseIn {
        clause,
        sentence,
        candidates,
    } = at;
    let terms = PhraseSet::choose(ctx.doc.text(), candidates, clause);
    let usable = |s: &Span| !in_quotation(quotes, *s);
    // A trigger is a usable verb, object verb or noun ([`choose_trigger`]): a clause
    // without one is not read into a sentence (the pass's largest cost).
    let can_trigger = |(s, c): &(Span, ClassSet<TriggerClass>)| {
        (c.has(Verb) || c.has(ObjectVerb) || c.has(Noun)) && usable(s)
    };
    if !terms.iter().any(can_trigger) {
        return None;
    }
    let people = clause_people(ctx, clause, quotes);
    let words = ctx.doc.tokens_in(clause);
    let sent = read.of(ctx, clause);
    let trigger = choose_trigger(ctx, sent, &terms, &people, &usable, words)?;
    let read = Triggered {
        sent,
        terms: &terms,
        trigger,
        words,
    };
    if read.ruled_out() {
        return None;
    }
    let participants = participants_of(
        ctx,
        sent,
        trigger,
        &terms,
        (clause, sentence),
        &people,
        earlier,
    );
    let status = read.status();
    if participants.len() < 2 {
        // A meeting with fewer than two named people so far ("met with foreign diplomats"):
        // a frame that a later sentence may complete ("Minister X attended the meeting").
        return Some(vec![Found {
            participants,
            place: place_in(ctx, clause, &[trigger]),
            date: None,
            status,
            evidence: sentence,
        }]);
    }
    let separate = terms.iter().any(|(_, c)| c.has(Separate));
    let mut anchors: Vec<Span> = people.iter().map(|(p, _)| *p).collect();
    anchors.push(trigger);
    let place = place_in(ctx, clause, &anchors);
    let groups = groups(ctx, clause, &people, participants, separate)?;
    Some(
        groups
            .into_iter()
            .map(|participants| Found {
                participants,
                place: place.clone(),
                date: None,
                status,
                evidence: sentence,
            })
            .collect(),
    )
}

/// The people of a clause with their mentions' spans, outside quotations; a pronoun that
/// attributes words ("…, he said") is the speaker, not a participant.
fn clause_people(ctx: &Context<'_>, clause: Span, quotes: &[QuoteSpan]) -> Vec<(Span, usize)> {
    starting_within(&ctx.res.mentions, clause, |m| m.span)
        .iter()
        .filter(|m| clause.contains(m.span) && !in_quotation(quotes, m.span))
        .filter(|m| ctx.res.entities[m.entity].kind == EntityKind::Person)
        .filter(|m| !(m.via == Via::Pronoun && attributes_speech(ctx, m.span)))
        .map(|m| (m.span, m.entity))
        .collect()
}

/// The people who met, one group for each meeting: "A and B, with their counterparts C
/// and D" pairs each side by role ([`with_their_counterparts`]; `None` when that pairs
/// nobody); with a `separate` marker the first person met each of the others apart; else
/// all met together.
fn groups(
    ctx: &Context<'_>,
    clause: Span,
    people: &[(Span, usize)],
    participants: Vec<usize>,
    separate: bool,
) -> Option<Vec<Vec<usize>>> {
    if let Some(pairs) = with_their_counterparts(ctx, clause, people) {
        return (!pairs.is_empty()).then_some(pairs);
    }
    if separate {
        let first = participants[0];
        return Some(participants[1..].iter().map(|&o| vec![first, o]).collect());
    }
    Some(vec![participants])
}

/// A clause's trigger, with the tags, terms and tokens of the clause its markers are read
/// against.
struct Triggered<'r, 'a> {
    sent: &'r Sentence<'a>,
    terms: &'r [(Span, ClassSet<TriggerClass>)],
    trigger: Span,
    /// The clause's tokens.
    words: &'r [Token],
}

impl Triggered<'_, '_> {
    /// The index among the clause's tokens of the first token at or after `offset`.
    fn word_index(&self, offset: usize) -> usize {
        self.words.partition_point(|t| t.span.start < offset)
    }

    /// Whether the clause tells no meeting: a phone call, a letter or a video link in the
    /// trigger's own clause ("called Lee"; not in another one: "The message was delivered
    /// to Kovacs when she received in her office Ambassador Berglund"), or a negation just
    /// before the trigger ("did not meet").
    fn ruled_out(&self) -> bool {
        let not_meeting = self
            .terms
            .iter()
            .any(|(s, c)| c.has(NotMeeting) && !self.separated(*s));
        not_meeting
            || self
                .terms
                .iter()
                .any(|(s, c)| c.has(Negation) && self.near_before(s))
    }

    /// Whether a subordinator or a relative word stands between `s` and the trigger.
    fn separated(&self, s: Span) -> bool {
        let (sent, trigger) = (self.sent, self.trigger);
        let (a, b) = if s.end <= trigger.start {
            (sent.index_at(s.end), sent.index_at(trigger.start))
        } else {
            (sent.index_at(trigger.end), sent.index_at(s.start))
        };
        (a..b).any(|k| matches!(sent.tag(k), Tag::Subordinator | Tag::Relative))
    }

    /// Whether a marker at `s` stands at most [`MARKER_WINDOW`] words before the trigger.
    fn near_before(&self, s: &Span) -> bool {
        s.end <= self.trigger.start
            && self.word_index(self.trigger.start) - self.word_index(s.start) <= MARKER_WINDOW
    }

    /// "Talks between A and B will take place in Geneva": whether a marker at `s` follows a
    /// meeting noun that is the subject of the verb group it opens (no finite verb, clause
    /// boundary or relative word between them).
    fn future_after(&self, s: &Span) -> bool {
        let (sent, trigger) = (self.sent, self.trigger);
        let noun_trigger = sent.tag(sent.index_at(trigger.start)) == Tag::Word;
        noun_trigger
            && s.start >= trigger.end
            && (sent.index_at(trigger.end)..sent.index_at(s.start))
                .all(|k| !matches!(sent.tag(k), Tag::Verb | Tag::Boundary | Tag::Relative))
    }

    /// The meeting's status: cancelled with a cancel marker anywhere in the clause; planned
    /// with a planned marker just before the trigger or after a noun trigger's subject;
    /// else held.
    fn status(&self) -> MeetingStatus {
        if self.terms.iter().any(|(_, c)| c.has(Cancelled)) {
            MeetingStatus::Cancelled
        } else if self
            .terms
            .iter()
            .any(|(s, c)| c.has(Planned) && (self.near_before(s) || self.future_after(s)))
        {
            MeetingStatus::Planned
        } else {
            MeetingStatus::Held
        }
    }
}

/// The trigger of a clause's meeting: an opening participle with its agent ("Hosted by
/// A, ..."); else the first meeting verb; else an object verb with a person just after it;
/// else a meeting noun tied to its people. `usable` says whether a term may be read (not
/// inside a quotation); `words` are the clause's tokens.
fn choose_trigger(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    terms: &[(Span, ClassSet<TriggerClass>)],
    people: &[(Span, usize)],
    usable: &dyn Fn(&Span) -> bool,
    words: &[Token],
) -> Option<Span> {
    let word_index = |offset: usize| words.partition_point(|t| t.span.start < offset);
    let verb = terms.iter().find(|(s, c)| c.has(Verb) && usable(s));
    let object_verb = || {
        terms.iter().find(|(s, c)| {
            c.has(ObjectVerb) && usable(s) && has_person_object(ctx, sent, *s, people)
        })
    };
    // "A and B have held several rounds of talks": a light verb a few words before the noun,
    // with two people before the verb.
    let after_light_verb = |noun: &Span| {
        terms.iter().any(|(l, c)| {
            c.has(LightVerb)
                && l.end <= noun.start
                && word_index(noun.start) - word_index(l.end) <= MARKER_WINDOW
                && people.iter().any(|(p, _)| p.end <= l.start)
        })
    };
    let noun = || {
        terms.iter().find(|(s, c)| {
            c.has(Noun) && usable(s) && (noun_is_tied(ctx, *s, people) || after_light_verb(s))
        })
    };
    // "Hosted by A, B toured the labs and met students": the opening participle names the
    // meeting's people, whatever verb follows.
    let opening = terms.iter().find(|(s, c)| {
        c.has(ObjectVerb)
            && usable(s)
            && opening_participle(sent, sent.index_at(s.start)).is_some()
            && has_person_object(ctx, sent, *s, people)
    });
    opening
        .or(verb)
        .or_else(object_verb)
        .or_else(noun)
        .map(|(s, _)| *s)
}

/// Whether the word after `span` is a speech verb ("he said", "she told").
fn attributes_speech(ctx: &Context<'_>, span: Span) -> bool {
    let text = ctx.doc.text();
    let next = text[span.end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ctx.lex.cues.verbs.contains_key(next)
}
/// Whether an object verb at `verb` has a person as its object, read from the clause layer
/// within [`OBJECT_WINDOW`] words: "received the U.S. Secretary of State, Dana Whitfield",
/// "received in her office Ambassador Berglund" (over an adjunct naming nobody), or the
/// agent of its passive ("was welcomed at the airport by Solheim"); not "since a 2010
/// meeting between Kim and Lee" (another clause).
fn has_person_object(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    verb: Span,
    people: &[(Span, usize)],
) -> bool {
    let v = sent.index_at(verb.start);
    let after = sent.index_at(verb.end);
    if let Some(by) = opening_participle(sent, v) {
        let clause_end = (by..sent.len())
            .find(|&k| sent.tag(k) == Tag::Verb)
            .unwrap_or(sent.len());
        return people.iter().any(|&(p, _)| {
            let k = sent.index_at(p.start);
            k > by && k < clause_end
        });
    }
    let mut from = past_adjuncts(ctx, sent, after);
    if sent.verb_group(ctx.lex, v).passive {
        // The agent: the words after "by", over adjuncts ("at the airport").
        if let Some(by) = agent_by(sent, after..sent.len().min(after + OBJECT_WINDOW)) {
            from = by + 1;
        }
    }
    let objects = sent.objects(from);
    let limit = from + OBJECT_WINDOW;
    // A direct object: no preposition before it ("since a 2010 meeting between Kovacs").
    people.iter().any(|&(p, e)| {
        let k = sent.index_at(p.start);
        k >= from
            && k <= limit
            && objects.contains(&e)
            && (from..k).all(|j| sent.tag(j) != Tag::Preposition)
    })
}

/// Whether a meeting noun is tied to the people of the clause: a person follows a `link`
/// preposition just after it ("talks between X and Y", "a meeting with Y", "a lunch for
/// Y"), or a person stands right before it ("the Mori-Brekov summit").
fn noun_is_tied(ctx: &Context<'_>, noun: Span, people: &[(Span, usize)]) -> bool {
    let text = ctx.doc.text();
    let after = &text[noun.end..];
    if let Some(m) = ctx.lex.meetings.link.find(after) {
        let from = noun.end + m.end();
        if people
            .iter()
            .any(|(p, _)| p.start >= from && p.start - from <= 60)
        {
            return true;
        }
    }
    people
        .iter()
        .any(|(p, _)| p.end <= noun.start && text[p.end..noun.start].trim().is_empty())
        || their_before(ctx, noun, people)
}

/// "X and Y ... after their four-hour summit": a plural possessive ("their") just before
/// the noun ties it to the two or more people before it.
fn their_before(ctx: &Context<'_>, noun: Span, people: &[(Span, usize)]) -> bool {
    let text = ctx.doc.text();
    let before = &text[..noun.start];
    let from = before.len().saturating_sub(60);
    let from = (from..=before.len())
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(0);
    ctx.lex.meetings.their_before.is_match(&before[from..])
        && people.iter().filter(|(p, _)| p.end <= noun.start).count() >= 2
}
