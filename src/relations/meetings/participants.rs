//! Who took part in a meeting (rules 4 and 5 of the module's doc): the subject and objects
//! of its trigger, counterparts ("his Russian counterpart", "with their counterparts C and
//! D") and groups ("all four") standing for the people of the meetings just before.

use super::{Found, MARKER_WINDOW, OBJECT_WINDOW};
use crate::clauses::{Sentence, Tag};
use crate::gazetteer::TriggerClass::{LightVerb, Link, Noun, ObjectVerb, Verb};
use crate::gazetteer::{ClassSet, FunctionClass, TriggerClass};
use crate::relations::Context;
use crate::span::starting_within;
use crate::{EntityKind, Span};

/// The participants of a meeting whose trigger is `trigger`: the subject and the objects of
/// the trigger, read from the clause layer (never a possessor, a topic, or a person of
/// another clause), then counterparts and groups; for a trigger with no subject of its own,
/// the sentence's. `scope` is the clause and its sentence.
pub(super) fn participants_of(
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
    let is_noun = is_noun_trigger(sent, trigger, terms);
    let mut out = Vec::new();
    if is_noun {
        noun_subjects(ctx, sent, trigger, terms, &mut out);
    } else if let Some(by) = opening_participle(sent, first) {
        return participle_agents(ctx, sent, by);
    } else {
        let vg = sent.verb_group(ctx.lex, first);
        out.extend(sent.subject(vg.start));
    }
    let from = if is_noun {
        after
    } else {
        past_adjuncts(ctx, sent, after)
    };
    push_new(&mut out, sent.objects(from));
    guests(ctx, sent, trigger, terms, &mut out);
    out
}

/// Adds to `out` the entities of `more` it does not hold yet.
fn push_new(out: &mut Vec<usize>, more: impl IntoIterator<Item = usize>) {
    for e in more {
        if !out.contains(&e) {
            out.push(e);
        }
    }
}

/// Whether a trigger is read as a noun: a meeting noun that is no verb, or a verb phrase
/// used as a noun after a determiner or a modifier ("held bilateral talks with", "the
/// talks with").
fn is_noun_trigger(
    sent: &Sentence<'_>,
    trigger: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
) -> bool {
    let first = sent.index_at(trigger.start);
    let after_modifier = first > 0
        && (matches!(sent.tag(first - 1), Tag::Determiner | Tag::Possessive)
            || matches!(sent.tag(first - 1), Tag::Word | Tag::NonFinite | Tag::Verb)
                && sent.word(first - 1).starts_with(char::is_lowercase));
    terms
        .iter()
        .any(|(s, c)| *s == trigger && c.has(Noun) && !c.meets(ClassSet::of(&[Verb, ObjectVerb])))
        || sent.tag(first) == Tag::Word && after_modifier
}

/// The people before a meeting noun who held it, added to `out`: the subject of the verb
/// governing it ([`governing_subject`]), else the subject of the sentence's first verb
/// when a plural possessive ("their") stands just before it ("A and B agreed to talk
/// again after their summit"); a name before a parenthetical the noun's phrase opens ("Xi,
/// in a meeting with Khan in Beijing, said"); names or a possessor right before it ("the
/// Mori-Brekov summit", "Kim's meeting with Lee").
fn noun_subjects(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    trigger: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
    out: &mut Vec<usize>,
) {
    let first = sent.index_at(trigger.start);
    governing_subject(ctx, sent, trigger, terms, out);
    let their = (first.saturating_sub(3)..first)
        .any(|k| sent.tag(k) == Tag::Possessive && ctx.lex.is(sent.word(k), FunctionClass::Plural));
    if their && out.is_empty() {
        if let Some(v) = (0..first).find(|&k| sent.tag(k) == Tag::Verb) {
            out.extend(sent.subject(sent.verb_group(ctx.lex, v).start));
        }
    }
    push_new(out, parenthetical_subject(sent, first));
    push_new(out, names_before(sent, first));
}

/// The subject of the verb that governs a meeting noun, added to `out`: the light verb
/// before it ("A held talks with B"), else the nearest verb before it ("Ruto said the
/// discussions with Mohamud ...", "Kim described the meeting with Lee as ..."); of a
/// passive, also the agent before the noun ("The announcement was made by Kovacs during
/// her speech at the accreditation of Berglund").
fn governing_subject(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    trigger: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
    out: &mut Vec<usize>,
) {
    let first = sent.index_at(trigger.start);
    let light = terms
        .iter()
        .rev()
        .find(|(s, c)| c.has(LightVerb) && s.end <= trigger.start)
        .map(|(s, _)| sent.index_at(s.start));
    let governing = light.or_else(|| {
        (0..first).rev().find(|&k| match sent.tag(k) {
            Tag::Verb => true,
            Tag::NonFinite => sent.verb_group(ctx.lex, k).start < k,
            _ => false,
        })
    });
    let Some(v) = governing else {
        return;
    };
    let vg = sent.verb_group(ctx.lex, v);
    out.extend(sent.subject(vg.start));
    if vg.passive {
        if let Some(by) = agent_by(sent, v + 1..first) {
            out.extend(sent.objects(by + 1));
        }
    }
}

/// "Xi, in a meeting with Khan in Beijing, said": the entity named just before the comma
/// that opens the phrase of the meeting noun at token `first`.
fn parenthetical_subject(sent: &Sentence<'_>, first: usize) -> Option<usize> {
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
        sent.entity_at(k - 2)
    } else {
        None
    }
}

/// The entities named right before the meeting noun at token `first`, over lower-case
/// modifiers: "the Mori-Brekov summit", "Kim's meeting with Lee".
fn names_before(sent: &Sentence<'_>, first: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = first;
    while k > 0 {
        let adjective = matches!(sent.tag(k - 1), Tag::Word | Tag::NonFinite)
            && !sent.word(k - 1).starts_with(char::is_uppercase);
        match sent.tag(k - 1) {
            _ if adjective => k -= 1,
            Tag::Mention(_) | Tag::Genitive | Tag::Other => {
                if let Some(e) = sent.entity_at(k - 1) {
                    out.push(e);
                }
                k -= 1;
            }
            _ => break,
        }
    }
    out
}

/// "Hosted by A, B toured the labs": the people named between the opening participle's
/// "by" (token `by`) and the main verb ("by the port's director, Professor A, the Minister
/// learnt"): the agents and the main clause's subject. None without a main verb.
fn participle_agents(ctx: &Context<'_>, sent: &Sentence<'_>, by: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let main_verb = (by + 1..sent.len())
        .skip_while(|&k| sent.tag(k) != Tag::Comma)
        .find(|&k| sent.tag(k) == Tag::Verb);
    let Some(v) = main_verb else {
        return out;
    };
    let start = sent.verb_group(ctx.lex, v).start;
    push_new(&mut out, (by + 1..start).filter_map(|k| sent.entity_at(k)));
    out
}

/// "will host a lunch for Xi", "a dinner with Kim": the guests of each meeting noun from
/// the trigger on, listed after a `link` preposition right after it, added to `out`.
fn guests(
    ctx: &Context<'_>,
    sent: &Sentence<'_>,
    trigger: Span,
    terms: &[(Span, ClassSet<TriggerClass>)],
    out: &mut Vec<usize>,
) {
    for (s, _) in terms
        .iter()
        .filter(|(s, c)| c.has(Noun) && s.start >= trigger.start)
    {
        let k = sent.index_at(s.end);
        let links = k < sent.len()
            && sent.tag(k) == Tag::Preposition
            && ctx
                .lex
                .triggers
                .classes_of(&sent.word(k).to_lowercase())
                .has(Link);
        if links {
            push_new(out, sent.objects(k + 1));
        }
    }
}

/// Token `k` moved past prepositional phrases that name nobody and link no participants
/// ("received in her office Ambassador Berglund", "hosted at the palace on Monday the
/// visiting envoy"), to where a verb's objects start.
pub(super) fn past_adjuncts(ctx: &Context<'_>, sent: &Sentence<'_>, mut k: usize) -> usize {
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

/// A participle opening its sentence with its agent ("Hosted by A, B toured the labs",
/// "Welcomed at the palace by A, B ..."): the index of its "by".
pub(super) fn opening_participle(sent: &Sentence<'_>, v: usize) -> Option<usize> {
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
pub(super) fn agent_by(sent: &Sentence<'_>, range: std::ops::Range<usize>) -> Option<usize> {
    range
        .into_iter()
        .find(|&k| sent.word(k).eq_ignore_ascii_case("by"))
}

/// "A and B ... with their (Japanese) counterparts C and D" (a plural possessive or a
/// `distributive` word, then the plural of a `counterpart` noun): the people before the
/// phrase are one side, those after it the other, and each person meets the counterpart
/// who holds the same role (else the one in the same position). With no named
/// counterparts, each is looked up as "his Japanese counterpart" is; people of one side
/// never meet each other here. `None` when the clause has no such phrase.
pub(super) fn with_their_counterparts(
    ctx: &Context<'_>,
    clause: Span,
    people: &[(Span, usize)],
) -> Option<Vec<Vec<usize>>> {
    let text = ctx.doc.text();
    let m = ctx.lex.meetings.their_counterparts.find(&text[clause])?;
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

/// "his Russian counterpart" (a `counterpart` noun): the person of the document who holds
/// the subject's role in the country of the adjective, when exactly one does.
fn counterparts(ctx: &Context<'_>, clause: Span, people: &[(Span, usize)]) -> Vec<usize> {
    let text = ctx.doc.text();
    let mut out = Vec::new();
    for m in ctx.lex.meetings.counterpart.find_iter(&text[clause]) {
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

/// "All four will meet", "the two leaders", "both ministers" (a `count` word, a `group`
/// noun): the people of the meetings of the last two sentences, when their number is the
/// group's. (A plain "They met ..." is not read: the meeting told just before
/// is too often not theirs.)
fn group_in(
    ctx: &Context<'_>,
    clause: Span,
    sentence: Span,
    earlier: &[Found],
) -> Option<Vec<usize>> {
    let text = ctx.doc.text();
    let caps = ctx.lex.meetings.group.captures(&text[clause])?;
    let n = caps
        .get(1)
        .or_else(|| caps.get(2))
        .map(|m| ctx.lex.meetings.count(m.as_str()).unwrap_or(0))
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
