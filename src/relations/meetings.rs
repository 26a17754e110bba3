//! The meetings pass: who met whom, where, when, and whether it happened.
//!
//! A meeting is people together in one place: talks, a summit, a visit to a person, a
//! reception, a meal. A phone or video call, a letter or an invitation is not. The triggers
//! and markers are data (`gazetteers/meeting_triggers.tsv`); the rules are:
//!
//! 1. **Clauses.** A sentence is cut into clauses at `;`, at "while", "whereas", "but",
//!    "after which", at a comma before "where", "when", "which" or "who" that opens a
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
//!    building in a city ("at the Radisson Blu Hotel in Johannesburg") gives the city as the
//!    place and the building as the `venue`. A meeting still without a place takes, in
//!    turn: the place a stay in its sentence leads to ("who is visiting Baku", "arrived in
//!    Hanoi and met"), that of an earlier meeting of a participant, and, when held, the
//!    dateline's place or the article's setting (a city that dominates a local article);
//!    a venue no gazetteer knows stands in the setting too.
//! 8. **Deduplication**: a meeting with the same participants and status as an earlier one
//!    is the same meeting told again; it fills the earlier one's missing place and date, and
//!    the evidence stays the first mention.

use super::dates::{find_dates, TenseHint};
use super::Context;
use crate::clauses::{Sentence, Tag};
use crate::gazetteer::TriggerClass::{
    Arrival, Attend, Cancelled, LightVerb, Link, Negation, NotMeeting, Noun, ObjectVerb, Planned,
    Separate, Verb, VisitPlace,
};
use crate::gazetteer::{ClassSet, FunctionClass, RoleNounClass, TriggerClass, WordClass};
use crate::pattern;
use crate::record::{Excerpt, Meeting, MeetingStatus, Quote, Via};
use crate::span::{overlapping, starting_within};
use crate::{EntityKind, Span, TokenKind};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;

/// How many words before a trigger a planned or negation marker may stand.
const MARKER_WINDOW: usize = 4;
/// How many paragraphs after a back-reference its venue and date still apply.
const VENUE_PARAGRAPHS: usize = 3;
/// How many words after an object verb its person may start.
const OBJECT_WINDOW: usize = 6;

/// Groups that stand for the people of the meetings just before.
static GROUP: Lazy<Regex> = Lazy::new(|| {
    pattern::constant(
        r"(?i)(?-u:\b)(?:all (two|three|four|five|six)|the (two|three|four|five|six) (?:leaders|ministers|presidents|premiers|officials|sides|men|women|delegations)|both (?:leaders|ministers|presidents|men|women|sides))(?-u:\b)",
    )
});

/// Where a meeting was held: the place (a city, region or country, else the building
/// itself) and the building or site named, if any ("Radisson Blu Hotel" in
/// "Johannesburg").
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
    let doc = ctx.doc;
    let text = doc.text();
    // Quotation spans, found once by the document.
    let quotes = doc.quotes();
    let mut found: Vec<Found> = Vec::new();
    // The venue and date a back-reference gave ("The one-day meeting in Tokyo on March 20"),
    // with the paragraph it was given in.
    let mut venue: Option<(Option<Site>, Option<String>, usize)> = None;
    for sentence in doc.sentences() {
        let before = found.len();
        // Most sentences hold no trigger at all: one automaton scan decides.
        let sentence_terms = ctx.lex.triggers.find(text, sentence.span);
        if !sentence_terms
            .iter()
            .any(|(_, c)| c.meets(ClassSet::of(&[Verb, ObjectVerb, Noun, Attend])))
        {
            continue;
        }
        // "Attended the meeting were A, B and C": a verb of attending joins the meeting
        // told before, rather than telling a meeting of its own.
        let attends = sentence_terms.iter().any(|(_, c)| c.has(Attend));
        let joined = attends && continuation(ctx, sentence, &sentence_terms, quotes, &mut found);
        if !joined {
            for clause in clauses(text, sentence.span) {
                let new = meetings_in(ctx, clause, sentence.span, quotes, &found);
                found.extend(new);
            }
            if found.len() == before {
                continuation(ctx, sentence, &sentence_terms, quotes, &mut found);
            }
            if found.len() == before {
                found.extend(first_person_meeting(
                    ctx,
                    sentence.span,
                    &sentence_terms,
                    spoken,
                ));
            }
        }
        // A back-reference noun: only needed when the sentence told no meeting.
        let back_reference = if found.len() == before {
            sentence_terms.into_iter().find(|(_, c)| c.has(Noun))
        } else {
            None
        };
        if found.len() == before && back_reference.is_none() {
            continue; // most sentences: no date needed
        }
        let future = ctx.lex.has_future(text, sentence.span);
        let mut date_mentions = find_dates(&text[sentence.span], doc.civil_date(), future);
        // "NAIROBI, March 8 (Reuters) -": the dateline's date is the filing date.
        if let Some(end) = dateline_end(&text[sentence.span]) {
            date_mentions.retain(|d| d.span.start >= end);
        }
        // The names pass's dateline too ("Bergen, July 11 Foreign Minister ...").
        if let Some(d) = ctx.res.dateline.filter(|d| sentence.span.contains(*d)) {
            let end = d.end - sentence.span.start;
            date_mentions.retain(|m| m.span.start >= end);
        }
        let exact_date = date_mentions
            .iter()
            .find_map(|d| d.date)
            .map(|d| d.to_string());
        if let Some(noun) = back_reference {
            let place = place_in(ctx, sentence.span, &[noun.0]);
            if place.is_some() || exact_date.is_some() {
                if is_definite(ctx, sentence.span, noun.0) {
                    fill_last(ctx, &mut found, sentence.paragraph, &place, &exact_date);
                }
                venue = Some((place, exact_date.clone(), sentence.paragraph));
            }
            continue;
        }
        if let Some((place, date, paragraph)) = &venue {
            if sentence.paragraph <= paragraph + VENUE_PARAGRAPHS {
                for m in &mut found[before..] {
                    if m.place.is_none() {
                        m.place = place.clone();
                    }
                    if m.date.is_none() && exact_date.is_none() {
                        m.date = date.clone();
                    }
                }
            }
        }
        // Date of the sentence, and a future date makes the meeting planned.
        if let Some(d) = date_mentions.iter().find(|d| d.date.is_some()) {
            let iso = d.date.map(|d| d.to_string());
            for m in &mut found[before..] {
                m.date = iso.clone();
                let ahead = match (d.date, doc.civil_date()) {
                    (Some(x), Some(a)) => x > a,
                    _ => false,
                };
                if ahead && m.status == MeetingStatus::Held {
                    m.status = MeetingStatus::Planned;
                }
            }
        }
        if date_mentions
            .iter()
            .any(|d| d.tense_hint == Some(TenseHint::Future))
        {
            for m in &mut found[before..] {
                if m.status == MeetingStatus::Held {
                    m.status = MeetingStatus::Planned;
                }
            }
        }
    }
    fill_places(ctx, &mut found);
    dedupe(ctx, found)
}

/// Whether a meeting noun is a definite subject that opens its sentence: "the", "this" or
/// "that" first, then at most two words (not counting hyphens) before the noun ("The meeting was held ...", "The
/// closed-door talks took place ..."), so that it points at a meeting already told and the
/// sentence's place is the meeting's, not that of someone in a phrase ("an official at the
/// presidential office said of the meetings").
fn is_definite(ctx: &Context<'_>, sentence: Span, noun: Span) -> bool {
    let text = ctx.doc.text();
    let mut words = ctx
        .doc
        .tokens_in(Span::new(sentence.start, noun.start))
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    let first = words.next();
    words.count() <= 2 && first.is_some_and(|t| ctx.lex.is(&text[t.span], FunctionClass::Definite))
}

/// "A met B on Thursday. The meeting was held at the Radisson Blu Hotel in Johannesburg.":
/// a definite meeting noun in a sentence that tells no meeting of its own gives its place
/// and date to the meeting told last, when that one lacks them and was told within
/// [`CONTINUATION_PARAGRAPHS`] paragraphs before (with every meeting of the same
/// evidence).
fn fill_last(
    ctx: &Context<'_>,
    found: &mut [Found],
    paragraph: usize,
    place: &Option<Site>,
    date: &Option<String>,
) {
    let Some(last) = found.last().map(|f| f.evidence) else {
        return;
    };
    let told = ctx
        .doc
        .sentence_at(last.start)
        .map_or(0, |s| ctx.doc.sentences()[s].paragraph);
    if told + CONTINUATION_PARAGRAPHS < paragraph {
        return;
    }
    for f in found.iter_mut().rev().take_while(|f| f.evidence == last) {
        if f.place.is_none() {
            f.place = place.clone();
        }
        if f.date.is_none() {
            f.date = date.clone();
        }
    }
}

/// A meeting whose sentence gives no place takes the place of an earlier meeting (or
/// frame) of the same paragraphs with one of its participants ("held talks ... at State
/// House, Nairobi. ... the discussions with Mohamud"), else, when it was held, the place
/// of the article's dateline ("MEXICO CITY (Reuters) - ... met").
fn fill_places(ctx: &Context<'_>, found: &mut [Found]) {
    let paragraph = |f: &Found| {
        ctx.doc
            .sentence_at(f.evidence.start)
            .map_or(0, |s| ctx.doc.sentences()[s].paragraph)
    };
    let setting = setting(ctx);
    let dateline = dateline_place(ctx)
        .or_else(|| setting.clone())
        .map(Site::at);
    for i in 0..found.len() {
        if found[i].place.is_some() || found[i].participants.len() < 2 {
            continue;
        }
        if let Some(place) = visited_place(ctx, found[i].evidence) {
            found[i].place = Some(Site::at(place));
            continue;
        }
        let p = paragraph(&found[i]);
        let earlier = (0..i).rev().find(|&j| {
            let f = &found[j];
            f.place.is_some()
                && paragraph(f) + CONTINUATION_PARAGRAPHS >= p
                && f.participants
                    .iter()
                    .any(|x| found[i].participants.contains(x))
        });
        found[i].place = match earlier {
            Some(j) => found[j].place.clone(),
            None if found[i].status == MeetingStatus::Held => dateline.clone(),
            None => None,
        };
    }
    if let Some(city) = setting {
        settle_venues(ctx, found, &city);
    }
}

/// "began the visit at the Innovation Centre" in an article set in Exeter: a venue no
/// gazetteer knows, given with no city of its own, stands in the article's setting, which
/// becomes the meeting's place (the venue is kept as such).
fn settle_venues(ctx: &Context<'_>, found: &mut [Found], city: &str) {
    for site in found.iter_mut().filter_map(|f| f.place.as_mut()) {
        let unknown = ctx
            .res
            .entities
            .iter()
            .any(|e| e.name == site.place && e.entry.is_none());
        if unknown && site.venue.as_deref() == Some(site.place.as_str()) {
            site.place = city.to_string();
        }
    }
}

/// "... met the Brazilian foreign minister, who is visiting Baku": the place a word of a
/// stay (class `visit_place`) leads to in the sentence of `evidence`, across at most three
/// lower-case words ("to", "in", "the Azerbaijani capital"), is where the meeting of that
/// sentence is held. A stay after a subordinator ("met Lee before visiting Oslo") and an
/// arrival (class `arrival`) after the sentence's first meeting trigger ("met Lee, then
/// travelled to Oslo") tell another time.
fn visited_place(ctx: &Context<'_>, evidence: Span) -> Option<String> {
    let doc = ctx.doc;
    let text = doc.text();
    let sentence = doc.sentences()[doc.sentence_at(evidence.start)?].span;
    let terms = ctx.lex.triggers.find(text, sentence);
    let trigger = terms
        .iter()
        .find(|(_, c)| c.meets(ClassSet::of(&[Verb, ObjectVerb, Noun])))
        .map_or(sentence.end, |(t, _)| t.start);
    terms.into_iter().find_map(|(term, classes)| {
        let stay = classes.has(VisitPlace) && !after_subordinator(ctx, sentence, term);
        let arrival = classes.has(Arrival) && term.end <= trigger;
        if !stay && !arrival {
            return None;
        }
        let after = doc.tokens_in(Span::new(term.end, sentence.end));
        let k = after.iter().take(4).position(|t| {
            t.kind != TokenKind::Word || !text[t.span].starts_with(char::is_lowercase)
        })?;
        let m = ctx.res.mention_at(after[k].span.start)?;
        let entity = &ctx.res.entities[m.entity];
        (m.span.start == after[k].span.start && entity.kind == EntityKind::Place)
            .then(|| entity.name.clone())
    })
}

/// Whether one of the two words before `term` is a subordinator ("before visiting",
/// "after briefly visiting").
fn after_subordinator(ctx: &Context<'_>, sentence: Span, term: Span) -> bool {
    let text = ctx.doc.text();
    ctx.doc
        .tokens_in(Span::new(sentence.start, term.start))
        .iter()
        .rev()
        .take(2)
        .any(|t| ctx.lex.is(&text[t.span], FunctionClass::Subordinator))
}

/// The article's setting, when one city dominates it: a city named at least twice, alone
/// or at the start of other names ("Nairobi County", "Telford & Wrekin Council"), and at
/// least twice as often as any other place but its own country and the places named after
/// it ("Telford" five times in a council's news; not "Washington" four times beside
/// "Vermont" three times in national politics). Local news seldom repeats where a meeting
/// in its own town took place.
fn setting(ctx: &Context<'_>) -> Option<String> {
    let text = ctx.doc.text();
    let mut counts: HashMap<usize, usize> = HashMap::new();
    // How many mentions begin with each run of one to three words followed by more
    // ("Telford & Wrekin Council", "Exeter Science Park"): names given after a place.
    let mut named_after: HashMap<&str, usize> = HashMap::new();
    for m in &ctx.res.mentions {
        if ctx.res.entities[m.entity].kind == EntityKind::Place {
            *counts.entry(m.entity).or_default() += 1;
        }
        let words = &text[m.span];
        for (k, _) in words.match_indices(' ').take(3) {
            *named_after.entry(&words[..k]).or_default() += 1;
        }
    }
    let entry = |e: usize| ctx.res.entities[e].entry.map(|x| ctx.gaz.entry(x));
    let name = |e: usize| ctx.res.entities[e].name.as_str();
    let (city, n) = counts
        .keys()
        .filter(|&&e| entry(e).is_some_and(|x| x.place_type.as_deref() == Some("city")))
        .map(|&e| {
            (
                e,
                counts[&e] + named_after.get(name(e)).copied().unwrap_or(0),
            )
        })
        // The most mentions, then the earliest entity: the same answer on every run.
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let country = entry(city)?.country.as_deref();
    let rival = counts.iter().any(|(&e, &m)| {
        let own_country =
            country.is_some() && entry(e).is_some_and(|x| Some(x.id.as_str()) == country);
        let after_city = name(e)
            .strip_prefix(name(city))
            .is_some_and(|rest| rest.starts_with(' '));
        e != city && !own_country && !after_city && 2 * m > n
    });
    (n >= 2 && !rival).then(|| name(city).to_string())
}

/// The place of the article's dateline: a place named before the dateline's dash.
fn dateline_place(ctx: &Context<'_>) -> Option<String> {
    let first = ctx.doc.sentences().first()?;
    let text = ctx.doc.text();
    // The names pass's dateline ("OSLO:", "LONDON (Reuters) —"), else the pattern here.
    let span = match ctx.res.dateline {
        Some(d) => d,
        None => {
            let end = dateline_end(&text[first.span])?;
            Span::new(first.span.start, first.span.start + end)
        }
    };
    starting_within(&ctx.res.mentions, span, |m| m.span)
        .iter()
        .map(|m| &ctx.res.entities[m.entity])
        .find(|e| e.kind == EntityKind::Place)
        .map(|e| e.name.clone())
}

/// The end of a dateline at the start of `sentence`: an all-capitals place, then optionally
/// a date, a state and an agency in parentheses, then a dash ("NAIROBI, March 8 (Reuters) -",
/// "WOODSIDE, California (AP) —").
fn dateline_end(sentence: &str) -> Option<usize> {
    static DATELINE: Lazy<Regex> = Lazy::new(|| {
        pattern::constant(
            r"^[A-Z][A-Z .'-]{1,30}(?:,[^—–\n]{1,40}?)?(?:\s*\([^)]{1,30}\))?\s+(?:-|—|–|--)\s",
        )
    });
    DATELINE.find(sentence).map(|m| m.end())
}

/// The sentence cut at `;` and before "while", "whereas", "but".
fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    static CUT: Lazy<Regex> = Lazy::new(|| {
        pattern::constant(
            r";|,?\s+(?:while|whereas|but|after which|before which)\s|,?\s+(?:before|after)\s+(?:\w+ing)(?-u:\b)",
        )
    });
    // A relative clause that runs to the end of the sentence ("..., where Smith met fans.");
    // an embedded one, closed by a comma, stays in its clause.
    static RELATIVE: Lazy<Regex> =
        Lazy::new(|| pattern::constant(r",\s+(?:where|when|which|who)\s[^,;]*$"));
    let s = &text[sentence];
    let mut out = Vec::new();
    let mut start = 0;
    let relative = RELATIVE.find(s).map(|m| (m.start(), m.start() + 1));
    let cuts = CUT.find_iter(s).map(|m| (m.start(), m.end(), m.as_str()));
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

/// The meetings one clause reports: none, one, or one per pair with "separately".
fn meetings_in(
    ctx: &Context<'_>,
    clause: Span,
    sentence: Span,
    quotes: &[crate::segment::quotes::QuoteSpan],
    earlier: &[Found],
) -> Vec<Found> {
    meeting_in(ctx, clause, sentence, quotes, earlier).unwrap_or_default()
}

fn meeting_in(
    ctx: &Context<'_>,
    clause: Span,
    sentence: Span,
    quotes: &[crate::segment::quotes::QuoteSpan],
    earlier: &[Found],
) -> Option<Vec<Found>> {
    let text = ctx.doc.text();
    let terms = ctx.lex.triggers.find(text, clause);
    let in_quote =
        |s: Span| overlapping(quotes, s, |q| q.outer).is_some_and(|q| q.outer.contains(s));
    // The people of the clause, outside quotations; a pronoun that attributes words
    // ("…, he said") is the speaker, not a participant.
    let people: Vec<(Span, usize)> = starting_within(&ctx.res.mentions, clause, |m| m.span)
        .iter()
        .filter(|m| clause.contains(m.span) && !in_quote(m.span))
        .filter(|m| ctx.res.entities[m.entity].kind == EntityKind::Person)
        .filter(|m| !(m.via == Via::Pronoun && attributes_speech(ctx, m.span)))
        .map(|m| (m.span, m.entity))
        .collect();

    let words = ctx.doc.tokens_in(clause);
    let word_index = |offset: usize| words.partition_point(|t| t.span.start < offset);
    let usable = |s: &Span| !in_quote(*s);
    let sent = Sentence::new(ctx.doc, ctx.res, ctx.lex, &ctx.gaz.words, clause);
    let trigger = choose_trigger(ctx, &sent, &terms, &people, &usable, words)?;
    // A phone call, a letter or a video link in the trigger's own clause makes it no
    // meeting; one in another clause does not ("The message was delivered to Kovacs
    // when she received in her office Ambassador Berglund").
    let separated = |s: Span| {
        let (a, b) = if s.end <= trigger.start {
            (sent.index_at(s.end), sent.index_at(trigger.start))
        } else {
            (sent.index_at(trigger.end), sent.index_at(s.start))
        };
        (a..b).any(|k| matches!(sent.tag(k), Tag::Subordinator | Tag::Relative))
    };
    if terms
        .iter()
        .any(|(s, c)| c.has(NotMeeting) && !separated(*s))
    {
        return None;
    }

    // Negation just before the trigger.
    let near_before = |s: &Span| {
        s.end <= trigger.start && word_index(trigger.start) - word_index(s.start) <= MARKER_WINDOW
    };
    if terms.iter().any(|(s, c)| c.has(Negation) && near_before(s)) {
        return None;
    }

    let participants = participants_of(
        ctx,
        &sent,
        trigger,
        &terms,
        (clause, sentence),
        &people,
        earlier,
    );
    // "Talks between A and B will take place in Geneva": a meeting noun as the subject of
    // a future verb group after it (no finite verb between them).
    let noun_trigger = sent.tag(sent.index_at(trigger.start)) == Tag::Word;
    let future_after = |s: &Span| {
        noun_trigger
            && s.start >= trigger.end
            && (sent.index_at(trigger.end)..sent.index_at(s.start))
                .all(|k| !matches!(sent.tag(k), Tag::Verb | Tag::Boundary | Tag::Relative))
    };
    let status = if terms.iter().any(|(_, c)| c.has(Cancelled)) {
        MeetingStatus::Cancelled
    } else if terms
        .iter()
        .any(|(s, c)| c.has(Planned) && (near_before(s) || future_after(s)))
    {
        MeetingStatus::Planned
    } else {
        MeetingStatus::Held
    };
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
    let groups: Vec<Vec<usize>> = if let Some(pairs) = with_their_counterparts(ctx, clause, &people)
    {
        // "A and B, with their counterparts C and D": each side paired by role.
        if pairs.is_empty() {
            return None;
        }
        pairs
    } else if separate {
        // The first person met each of the others apart.
        let first = participants[0];
        participants[1..].iter().map(|&o| vec![first, o]).collect()
    } else {
        vec![participants]
    };
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
    words: &[crate::segment::Token],
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
            c.has(Noun)
                && usable(s)
                && (noun_is_tied(ctx.doc.text(), *s, people) || after_light_verb(s))
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

/// The participants of a meeting whose trigger is `trigger`: the subject and the objects of
/// the trigger, read from the clause layer (never a possessor, a topic, or a person of
/// another clause), then counterparts and groups; for a trigger with no subject of its own,
/// the sentence's. `scope` is the clause and its sentence.
fn participants_of(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    trigger: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
    scope: (Span, Span),
    people: &[(Span, usize)],
    earlier: &[Found],
) -> Vec<usize> {
    let (clause, sentence) = scope;
    let roles = trigger_roles(ctx, sent, trigger, terms);
    let mut participants: Vec<usize> = Vec::new();
    for e in sent.people(&roles) {
        if !participants.contains(&e) {
            participants.push(e);
        }
    }
    for e in counterparts(ctx, clause, people) {
        if !participants.contains(&e) {
            participants.push(e);
        }
    }
    if let Some(group) = group_in(ctx, clause, sentence, earlier) {
        for e in group {
            if !participants.contains(&e) {
                participants.push(e);
            }
        }
    }
    // "…, before heading to the palace to meet Ferreira": the sentence's subject, for a
    // trigger that has no subject of its own (an infinitive or a gerund).
    let nonfinite = sent.tag(sent.index_at(trigger.start)) != Tag::Verb;
    if participants.len() == 1 && nonfinite && people.iter().all(|(p, _)| p.start > trigger.start) {
        let subject = starting_within(&ctx.res.mentions, sentence, |m| m.span)
            .iter()
            .filter(|m| sentence.contains(m.span) && m.span.end <= clause.start)
            .find(|m| ctx.res.entities[m.entity].kind == EntityKind::Person)
            .map(|m| m.entity);
        if let Some(s) = subject.filter(|s| !participants.contains(s)) {
            participants.insert(0, s);
        }
    }
    participants
}

/// "“I had the pleasure of meeting His Excellency Tomas Berglund last year,” Kovacs
/// said": inside words a person is quoted saying, a first-person subject ("I", "we") a
/// few words before a meeting verb or noun, and a person within [`OBJECT_WINDOW`] words
/// after it: the speaker met that person.
fn first_person_meeting(
    ctx: &Context<'_>,
    sentence: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
    spoken: &[Quote],
) -> Option<Found> {
    let text = ctx.doc.text();
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
            let before = ctx.doc.tokens_in(Span::new(words.start, trigger.start));
            let lead = &before[before.len().saturating_sub(MARKER_WINDOW + 2)..];
            let first_person = lead.iter().any(|t| {
                let classes = ctx.lex.function_classes(&text[t.span].to_lowercase());
                classes.has(FunctionClass::FirstPerson)
                    && classes.has(FunctionClass::SubjectPronoun)
            });
            if !first_person {
                continue;
            }
            // Markers among the few words before the trigger ("I did not meet", "we will
            // meet"): the terms are in text order, so only those words are read.
            let lead_start = lead.first().map_or(trigger.start, |t| t.span.start);
            let from = terms.partition_point(|(s, _)| s.start < lead_start);
            let markers = || {
                terms[from..]
                    .iter()
                    .take_while(|(s, _)| s.end <= trigger.start)
            };
            if markers().any(|(_, c)| c.has(Negation)) {
                continue;
            }
            let after = ctx.doc.tokens_in(Span::new(trigger.end, words.end));
            let limit = after.get(OBJECT_WINDOW).map_or(words.end, |t| t.span.start);
            let mut participants = vec![speaker];
            for m in starting_within(&ctx.res.mentions, Span::new(trigger.end, limit), |m| m.span) {
                let person = ctx.res.entities[m.entity].kind == EntityKind::Person;
                if person && m.via != Via::Pronoun && !participants.contains(&m.entity) {
                    participants.push(m.entity);
                }
            }
            if participants.len() < 2 {
                continue;
            }
            let planned = markers().any(|(_, c)| c.has(Planned));
            return Some(Found {
                participants,
                place: place_in(ctx, words, &[*trigger]),
                date: None,
                status: if planned {
                    MeetingStatus::Planned
                } else {
                    MeetingStatus::Held
                },
                evidence: sentence,
            });
        }
    }
    None
}

/// How many paragraphs after a meeting a sentence may still add people to it.
const CONTINUATION_PARAGRAPHS: usize = 3;

/// A sentence that adds people to a meeting told before it:
///
/// - a verb of attending with a meeting noun as its object: its subject joins ("Minister
///   Idrissov attended the meeting too", "Union leaders A and B were also part of the
///   conversations"); passive, the agents join ("The meeting was attended by A, B and C");
///   inverted, the names after "were" ("Attended the meeting were A, B and C"); in a
///   subordinate clause, the subject of the main one ("Before entering the meeting, A
///   told reporters");
/// - a sentence opening with a phrase about the meeting: the subject of its clause joins
///   ("During the meeting A and B discussed ...", "After the meeting, A said").
///
/// They join the last meeting told within [`CONTINUATION_PARAGRAPHS`] paragraphs (one
/// with fewer than two named people so far counts), or start a new one.
fn continuation(
    ctx: &Context<'_>,
    sentence: &crate::document::Sentence,
    terms: &[(Span, ClassSet<TriggerClass>)],
    quotes: &[crate::segment::quotes::QuoteSpan],
    found: &mut Vec<Found>,
) -> bool {
    let in_quote =
        |s: Span| overlapping(quotes, s, |q| q.outer).is_some_and(|q| q.outer.contains(s));
    let sent = Sentence::new(ctx.doc, ctx.res, ctx.lex, &ctx.gaz.words, sentence.span);
    let noun_at = |k: usize| {
        terms
            .iter()
            .any(|(s, c)| c.has(Noun) && sent.index_at(s.start) == k && !in_quote(*s))
    };
    // The first meeting noun at or after token `k`, over determiners and adjectives.
    let noun_after = |mut k: usize| {
        let limit = k + 4;
        while k < sent.len() && k < limit {
            if noun_at(k) {
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
    };
    // The subject of the first finite verb from token `from`, over a relative clause set off
    // by commas ("After the meeting, which began at 11am, A and B said").
    let main_subject = |from: usize| {
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
                return sent.subject(sent.verb_group(ctx.lex, k).start);
            }
            k += 1;
        }
        Vec::new()
    };
    let mut joining: Vec<usize> = Vec::new();
    for (span, classes) in terms {
        if !classes.has(Attend) || in_quote(*span) {
            continue;
        }
        let v = sent.index_at(span.start);
        let after = sent.index_at(span.end);
        let vg = sent.verb_group(ctx.lex, v);
        if vg.passive && after < sent.len() && sent.word(after).eq_ignore_ascii_case("by") {
            // "The meeting was attended by executives including A, B and C".
            let noun_before = (0..vg.start).any(noun_at);
            if noun_before {
                joining.extend(sent.objects(after + 1));
            }
            continue;
        }
        let Some(noun) = noun_after(after) else {
            continue;
        };
        let next = sent.index_at(sent.span(noun).end);
        if vg.start == 0 && next < sent.len() && matches!(sent.tag(next), Tag::Auxiliary) {
            // "Attended the meeting were A, B and C".
            joining.extend(sent.objects(next + 1));
            continue;
        }
        let subject = sent.subject(vg.start);
        if subject.is_empty() && sent.tag(v) == Tag::NonFinite {
            joining.extend(main_subject(next));
        } else {
            joining.extend(subject);
        }
    }
    // "During the meeting A and B discussed", "After the meeting, A said".
    if joining.is_empty() && sent.len() > 2 && sent.tag(0) == Tag::Preposition {
        if let Some(noun) = noun_after(1) {
            let definite =
                (1..noun).any(|k| matches!(sent.tag(k), Tag::Determiner | Tag::Possessive));
            if definite {
                joining.extend(main_subject(noun + 1));
            }
        }
    }
    let people = sent.people(&joining);
    if people.is_empty() {
        return false;
    }
    let recent = found.iter_mut().rev().find(|f| {
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
    true
}

/// Token `k` moved past prepositional phrases that name nobody and link no participants
/// ("received in her office Ambassador Berglund", "hosted at the palace on Monday the
/// visiting envoy"), to where a verb's objects start.
fn past_adjuncts(ctx: &Context<'_>, sent: &Sentence<'_>, mut k: usize) -> usize {
    loop {
        // A phrase of place ("in his office", "at the airport"), never one that links
        // participants ("with", "between") or opens another clause ("since").
        if k >= sent.len() {
            return k;
        }
        let lower = sent.word(k).to_lowercase();
        let adjunct = sent.tag(k) == Tag::Preposition
            && ctx.lex.is(&lower, FunctionClass::Locative)
            && !ctx.lex.triggers.classes_of(&lower).has(Link);
        if !adjunct {
            return k;
        }
        let mut j = k + 1;
        while j < sent.len()
            && j <= k + MARKER_WINDOW
            && (matches!(sent.tag(j), Tag::Determiner | Tag::Possessive)
                || sent.tag(j) == Tag::Word && sent.word(j).starts_with(char::is_lowercase))
        {
            j += 1;
        }
        let followed = j < sent.len() && matches!(sent.tag(j), Tag::Mention(_) | Tag::Preposition);
        if j == k + 1 || !followed {
            return k;
        }
        k = j;
    }
}

/// The subject and objects of a trigger: for a verb, the subject of its verb group and the
/// entities listed after it ("met with A and B", "was received by A"); for a noun, the
/// subject of the light verb governing it ("A held talks with B"), a possessor or names
/// right before it ("A's meeting with B", "the A-B summit"), and the entities listed after
/// it ("talks between A and B", "a meeting of A, B and C").
fn trigger_roles(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    trigger: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
) -> Vec<usize> {
    let first = sent.index_at(trigger.start);
    let after = sent.index_at(trigger.end);
    // A noun, or a verb phrase used as a noun after a determiner or a modifier ("held
    // bilateral talks with", "the talks with").
    let after_modifier = first > 0
        && (matches!(sent.tag(first - 1), Tag::Determiner | Tag::Possessive)
            || matches!(sent.tag(first - 1), Tag::Word | Tag::NonFinite | Tag::Verb)
                && sent.word(first - 1).starts_with(char::is_lowercase));
    let is_noun = terms
        .iter()
        .any(|(s, c)| *s == trigger && c.has(Noun) && !c.meets(ClassSet::of(&[Verb, ObjectVerb])))
        || sent.tag(first) == Tag::Word && after_modifier;
    let mut out = Vec::new();
    if is_noun {
        // The light verb before the noun, if any: its subject holds the talks.
        let light = terms
            .iter()
            .rev()
            .find(|(s, c)| c.has(LightVerb) && s.end <= trigger.start)
            .map(|(s, _)| sent.index_at(s.start));
        // Else the verb that governs it ("Ruto said the discussions with Mohamud ...",
        // "Kim described the meeting with Lee as ..."): its subject held them.
        let governing = light.or_else(|| {
            (0..first).rev().find(|&k| match sent.tag(k) {
                Tag::Verb => true,
                Tag::NonFinite => sent.verb_group(ctx.lex, k).start < k,
                _ => false,
            })
        });
        if let Some(v) = governing {
            let vg = sent.verb_group(ctx.lex, v);
            out.extend(sent.subject(vg.start));
            // "The announcement was made by Kovacs during her speech at the accreditation
            // of Berglund": a passive's agent before the noun is the one who acts.
            if vg.passive {
                if let Some(by) = agent_by(sent, v + 1..first) {
                    out.extend(sent.objects(by + 1));
                }
            }
        }
        // "A and B agreed to talk again after their summit": "their" is the subject of the
        // sentence's first finite verb.
        let their = (first.saturating_sub(3)..first)
            .any(|k| sent.tag(k) == Tag::Possessive && sent.word(k).eq_ignore_ascii_case("their"));
        if their && out.is_empty() {
            if let Some(v) = (0..first).find(|&k| sent.tag(k) == Tag::Verb) {
                out.extend(sent.subject(sent.verb_group(ctx.lex, v).start));
            }
        }
        // "Xi, in a meeting with Khan in Beijing, said": the name before a parenthetical
        // that opens with the noun's phrase.
        let mut k = first;
        while k > 0
            && matches!(
                sent.tag(k - 1),
                Tag::Determiner | Tag::Possessive | Tag::Preposition
            )
        {
            k -= 1;
        }
        if k >= 2 && k < first && sent.tag(k - 1) == Tag::Comma {
            if let Some(e) = sent.entity_at(k - 2) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        // Names or a possessor right before the noun: "the Mori-Brekov summit", "Kim's
        // meeting with Lee".
        let mut k = first;
        while k > 0 {
            let adjective = matches!(sent.tag(k - 1), Tag::Word | Tag::NonFinite)
                && !sent.word(k - 1).starts_with(char::is_uppercase);
            match sent.tag(k - 1) {
                _ if adjective => k -= 1,
                Tag::Mention(_) | Tag::Genitive | Tag::Other => {
                    if let Some(e) = sent.entity_at(k - 1) {
                        if !out.contains(&e) {
                            out.push(e);
                        }
                    }
                    k -= 1;
                }
                _ => break,
            }
        }
    } else if let Some(by) = opening_participle(sent, first) {
        // "Hosted by A, B toured the labs": the people named between "by" and the main
        // verb ("by the port's director, Professor A, the Minister learnt"): the
        // agents and the main clause's subject.
        let main_verb = (by + 1..sent.len())
            .skip_while(|&k| sent.tag(k) != Tag::Comma)
            .find(|&k| sent.tag(k) == Tag::Verb);
        let Some(v) = main_verb else {
            return out;
        };
        let start = sent.verb_group(ctx.lex, v).start;
        for k in by + 1..start {
            if let Some(e) = sent.entity_at(k) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        return out;
    } else {
        let vg = sent.verb_group(ctx.lex, first);
        out.extend(sent.subject(vg.start));
    }
    let from = if is_noun {
        after
    } else {
        past_adjuncts(ctx, sent, after)
    };
    for e in sent.objects(from) {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    // "will host a lunch for Xi", "a dinner with Kim": the guests of a meeting noun.
    for (s, c) in terms
        .iter()
        .filter(|(s, c)| c.has(Noun) && s.start >= trigger.start)
    {
        let _ = c;
        let k = sent.index_at(s.end);
        let links = k < sent.len()
            && sent.tag(k) == Tag::Preposition
            && ctx
                .lex
                .triggers
                .classes_of(&sent.word(k).to_lowercase())
                .has(Link);
        if links {
            for e in sent.objects(k + 1) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
    out
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

/// A participle opening its sentence with its agent ("Hosted by A, B toured the labs",
/// "Welcomed at the palace by A, B ..."): the index of its "by".
fn opening_participle(sent: &Sentence<'_>, v: usize) -> Option<usize> {
    let opens = (0..v).all(|k| matches!(sent.tag(k), Tag::Boundary | Tag::Other));
    if !opens || !sent.word(v).ends_with("ed") {
        return None;
    }
    let end = (v + 1..sent.len().min(v + 1 + OBJECT_WINDOW))
        .find(|&k| sent.tag(k) == Tag::Comma)
        .unwrap_or(sent.len().min(v + 1 + OBJECT_WINDOW));
    agent_by(sent, v + 1..end)
}

/// The token index of the "by" that introduces a passive's agent, among `range`.
fn agent_by(sent: &Sentence<'_>, range: std::ops::Range<usize>) -> Option<usize> {
    range
        .into_iter()
        .find(|&k| sent.word(k).eq_ignore_ascii_case("by"))
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

/// Whether a meeting noun is tied to the people of the clause: a person follows
/// "between", "with", "of" or "for" just after it ("talks between X and Y", "a meeting with
/// Y", "a lunch for Y"), or a person stands right before it ("the Mori-Brekov summit").
fn noun_is_tied(text: &str, noun: Span, people: &[(Span, usize)]) -> bool {
    static LINK: Lazy<Regex> =
        Lazy::new(|| pattern::constant(r"^\s+(?:[\w-]+\s+){0,2}?(?:between|with|of|for)\s"));
    let after = &text[noun.end..];
    if let Some(m) = LINK.find(after) {
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
        || their_before(text, noun, people)
}

/// "X and Y ... after their four-hour summit": "their" just before the noun ties it to the
/// two or more people before it.
fn their_before(text: &str, noun: Span, people: &[(Span, usize)]) -> bool {
    static THEIR: Lazy<Regex> =
        Lazy::new(|| pattern::constant(r"(?-u:\b)their(?:\s+[\w-]+){0,2}\s*$"));
    let before = &text[..noun.start];
    let from = before.len().saturating_sub(60);
    let from = (from..=before.len())
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(0);
    THEIR.is_match(&before[from..])
        && people.iter().filter(|(p, _)| p.end <= noun.start).count() >= 2
}

/// "A and B ... with their (Japanese) counterparts C and D": the people before the phrase
/// are one side, those after it the other, and each person meets the counterpart who holds
/// the same role (else the one in the same position). With no named counterparts, each is
/// looked up as "his Japanese counterpart" is; people of one side never meet each other
/// here. `None` when the clause has no such phrase.
fn with_their_counterparts(
    ctx: &Context<'_>,
    clause: Span,
    people: &[(Span, usize)],
) -> Option<Vec<Vec<usize>>> {
    static THEIR: Lazy<Regex> = Lazy::new(|| {
        pattern::constant(r"(?-u:\b)(?:their|respective)\s+(?:[\w-]+\s+)?counterparts(?-u:\b)")
    });
    let text = ctx.doc.text();
    let m = THEIR.find(&text[clause])?;
    let phrase = Span::new(clause.start + m.start(), clause.start + m.end());
    let mut side: Vec<usize> = Vec::new();
    let mut other: Vec<usize> = Vec::new();
    for (span, e) in people {
        let list = if span.end <= phrase.start {
            &mut side
        } else {
            &mut other
        };
        if (span.start >= phrase.end || span.end <= phrase.start) && !list.contains(e) {
            list.push(*e);
        }
    }
    let roles = |e: usize| &ctx.res.entities[e].roles;
    let mut pairs = Vec::new();
    if other.is_empty() {
        let country = ctx
            .demonyms
            .iter()
            .find(|d| phrase.contains(d.span))
            .map(|d| d.country)?;
        for &x in &side {
            if let Some(y) = counterpart_of(ctx, x, country, &side) {
                pairs.push(vec![x, y]);
            }
        }
        return Some(pairs);
    }
    for (i, &x) in side.iter().enumerate() {
        let by_role = other.iter().copied().find(|&y| {
            roles(y)
                .iter()
                .any(|r| roles(x).iter().any(|s| s.role == r.role))
        });
        if let Some(y) = by_role.or_else(|| other.get(i).copied()) {
            pairs.push(vec![x, y]);
        }
    }
    Some(pairs)
}

/// The one person of the document, outside `exclude`, who holds one of `person`'s roles in
/// `country`: "his Russian counterpart".
fn counterpart_of(
    ctx: &Context<'_>,
    person: usize,
    country: usize,
    exclude: &[usize],
) -> Option<usize> {
    let roles = &ctx.res.entities[person].roles;
    let mut holders = (0..ctx.res.entities.len())
        .filter(|&e| e != person && !exclude.contains(&e))
        .filter(|&e| {
            ctx.res.entities[e]
                .roles
                .iter()
                .any(|r| r.country == Some(country) && roles.iter().any(|s| s.role == r.role))
        });
    match (holders.next(), holders.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// "his Russian counterpart": the person of the document who holds the subject's role in the
/// country of the adjective, when exactly one does.
fn counterparts(ctx: &Context<'_>, clause: Span, people: &[(Span, usize)]) -> Vec<usize> {
    static COUNTERPART: Lazy<Regex> =
        Lazy::new(|| pattern::constant(r"(?-u:\b)counterparts?(?-u:\b)"));
    let text = ctx.doc.text();
    let mut out = Vec::new();
    for m in COUNTERPART.find_iter(&text[clause]) {
        let at = clause.start + m.start();
        let end = clause.start + m.end();
        // Named right after ("counterpart Anatoly Brekov"): already a participant.
        if people
            .iter()
            .any(|(p, _)| p.start >= end && text[end..p.start].trim().is_empty())
        {
            continue;
        }
        let Some(subject) = people.iter().find(|(p, _)| p.end <= at).map(|(_, e)| *e) else {
            continue;
        };
        let before = text[..at].trim_end();
        let Some(country) = ctx
            .demonyms
            .iter()
            .find(|d| d.span.end == before.len())
            .map(|d| d.country)
        else {
            continue;
        };
        if let Some(one) = counterpart_of(ctx, subject, country, &[subject]) {
            out.push(one);
        }
    }
    out
}

/// "All four will meet": the people of the meetings of the last two sentences, when their
/// number is the group's. (A plain "They met ..." is not read: the meeting told just before
/// is too often not theirs.)
fn group_in(
    ctx: &Context<'_>,
    clause: Span,
    sentence: Span,
    earlier: &[Found],
) -> Option<Vec<usize>> {
    let text = ctx.doc.text();
    let caps = GROUP.captures(&text[clause])?;
    let n = caps
        .get(1)
        .or_else(|| caps.get(2))
        .map(|m| number(m.as_str()))
        .unwrap_or(2);
    let sentences = ctx.doc.sentences();
    let this = ctx.doc.sentence_at(sentence.start)?;
    let floor = sentences[this.saturating_sub(2)].span.start;
    let mut people: Vec<usize> = Vec::new();
    let recent = earlier
        .iter()
        .rev()
        .take_while(|f| f.evidence.start >= floor)
        .collect::<Vec<_>>();
    for f in recent.into_iter().rev() {
        for &p in &f.participants {
            if !people.contains(&p) {
                people.push(p);
            }
        }
    }
    (people.len() == n).then_some(people)
}

fn number(word: &str) -> usize {
    match word.to_lowercase().as_str() {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        _ => 0,
    }
}

/// The venue of a clause: a place after "in" or "at" (a city or region before a country;
/// a country only right after the trigger or a participant, so "the situation in Somalia"
/// is no venue), else an institution standing for a place ("at the Kremlin").
fn place_in(ctx: &Context<'_>, clause: Span, anchors: &[Span]) -> Option<Site> {
    let text = ctx.doc.text();
    let mut country = None;
    let mut institution = None;
    for m in starting_within(&ctx.res.mentions, clause, |m| m.span)
        .iter()
        .filter(|m| clause.contains(m.span))
    {
        let entity = &ctx.res.entities[m.entity];
        let before = text[clause.start..m.span.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        // "at State House, Nairobi": a city after a building's capitalised name.
        let before = building_before(before).unwrap_or(before);
        // "in the coastal town of Mamallapuram": a place noun and "of" before the name.
        let before = place_noun_of(ctx, before).unwrap_or(before);
        let Some(head) = before
            .strip_suffix(" in")
            .or_else(|| before.strip_suffix(" at"))
            .or_else(|| matches!(before, "in" | "at" | "In" | "At").then_some(""))
        else {
            continue;
        };
        match entity.kind {
            EntityKind::Place => {
                let is_country = entity.entry.is_some_and(|e| {
                    matches!(
                        ctx.gaz.entry(e).place_type.as_deref(),
                        Some("country" | "dependency")
                    )
                });
                if !is_country {
                    return Some(site(ctx, clause, m.span, &entity.name));
                }
                let head_end = clause.start + head.len();
                let adjacent = anchors.iter().any(|a| {
                    a.end <= head_end && text[a.end..head_end].split_whitespace().count() <= 1
                });
                if adjacent && country.is_none() {
                    country = Some(Site::at(entity.name.clone()));
                }
            }
            // "at the European Union Heads of Government Conference": an institution that
            // only begins a longer capitalised name (an event's) is no venue.
            EntityKind::Institution
                if institution.is_none()
                    && !text[m.span.end..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(char::is_uppercase)) =>
            {
                institution = Some(site(ctx, clause, m.span, &entity.name))
            }
            _ => {}
        }
    }
    country.or(institution)
}

/// The site of a place or institution named at `span` in a clause: the city after it when
/// it is a building ("at State House, Nairobi"), else itself; a name that ends in a
/// facility word ("Palace", "Hotel", "Centre") is the venue too.
fn site(ctx: &Context<'_>, clause: Span, span: Span, name: &str) -> Site {
    let venue = is_venue(ctx, name).then(|| name.to_string());
    match city_after(ctx, clause, span) {
        Some(city) => Site {
            place: city,
            venue: venue.or_else(|| Some(name.to_string())),
        },
        None => Site {
            place: name.to_string(),
            venue,
        },
    }
}

/// Whether a name ends in a facility word ("Merdeka Palace", "Innovation Centre").
fn is_venue(ctx: &Context<'_>, name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .and_then(|last| ctx.gaz.name_words.get(last))
        .is_some_and(|c| c.has(WordClass::Facility))
}

/// `before` without a trailing "[the] [adjectives] <place noun> [of]" ("in the coastal town
/// of", "in capital"), when it ends so.
fn place_noun_of<'t>(ctx: &Context<'_>, before: &'t str) -> Option<&'t str> {
    let rest = before.strip_suffix(" of").unwrap_or(before);
    let noun_start = rest.rfind(' ').map_or(0, |k| k + 1);
    let noun = &rest[noun_start..];
    if !ctx.lex.role_classes(noun).has(RoleNounClass::PlaceNoun) {
        return None;
    }
    // Back over adjectives and "the" to the preposition.
    let mut head = rest[..noun_start].trim_end();
    for _ in 0..3 {
        if head.ends_with(" in")
            || head.ends_with(" at")
            || matches!(head, "in" | "at" | "In" | "At")
        {
            return Some(head);
        }
        head = head.rsplit_once(' ').map_or("", |(h, _)| h);
    }
    None
}

/// `before` without a trailing ", " and capitalised words ("at State House, "), so that the
/// city after a building's name is read as the venue.
fn building_before(before: &str) -> Option<&str> {
    let rest = before.strip_suffix(',')?;
    let mut head = rest;
    let mut words = 0;
    while let Some((h, w)) = head.rsplit_once(' ') {
        if !w.starts_with(char::is_uppercase) || words >= 5 {
            break;
        }
        head = h;
        words += 1;
    }
    (words > 0 && (head.ends_with(" at") || head.ends_with(" in"))).then_some(head)
}

/// "at State House, Nairobi", "at the Radisson Blu Hotel in Johannesburg": the city after
/// a building, a comma or "in": the meeting's place is the city the building stands in.
fn city_after(ctx: &Context<'_>, clause: Span, span: Span) -> Option<String> {
    let text = ctx.doc.text();
    let rest = text.get(span.end..clause.end)?;
    let rest = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" in "))?;
    let at = clause.end - rest.len();
    let m = ctx.res.mention_at(at).filter(|m| m.span.start == at)?;
    let e = &ctx.res.entities[m.entity];
    let city = e.kind == EntityKind::Place
        && e.entry
            .is_some_and(|x| ctx.gaz.entry(x).place_type.as_deref() == Some("city"));
    let building = ctx.res.mention_at(span.start).is_some_and(|b| {
        let be = &ctx.res.entities[b.entity];
        be.kind == EntityKind::Institution || be.entry.is_none()
    });
    (city && building).then(|| e.name.clone())
}

/// Merges meetings told again; emits records in text order.
fn dedupe(ctx: &Context<'_>, found: Vec<Found>) -> Vec<Meeting> {
    let mut out: Vec<Found> = Vec::new();
    let mut seen: HashMap<(Vec<usize>, MeetingStatus), usize> = HashMap::new();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_patterns_compile() {
        assert!(GROUP.is_match("All four will meet"));
    }
}
