//! Where a meeting was held (rule 7 of the module's doc): the place after "in" or "at" in
//! its clause, a building's city, a back-reference's place, the place a stay in its
//! sentence leads to, an earlier meeting's place, the dateline's place and the article's
//! setting.

use super::{Found, Site, CONTINUATION_PARAGRAPHS};
use crate::gazetteer::ClassSet;
use crate::gazetteer::TriggerClass::{Arrival, Noun, ObjectVerb, Verb, VisitPlace};
use crate::gazetteer::{FunctionClass, RoleNounClass, WordClass};
use crate::hash::{FastMap, FastSet};
use crate::pattern;
use crate::record::MeetingStatus;
use crate::relations::Context;
use crate::span::starting_within;
use crate::{EntityKind, Span, TokenKind};
use once_cell::sync::Lazy;
use regex::Regex;

/// Whether a meeting noun is a definite subject that opens its sentence: "the", "this" or
/// "that" first, then at most two words (not counting hyphens) before the noun ("The meeting was held ...", "The
/// closed-door talks took place ..."), so that it points at a meeting already told and the
/// sentence's place is the meeting's, not that of someone in a phrase ("an official at the
/// presidential office said of the meetings").
pub(super) fn is_definite(ctx: &Context<'_>, sentence: Span, noun: Span) -> bool {
    let text = ctx.doc.text();
    let mut words = ctx
        .doc
        .tokens_in(Span::new(sentence.start, noun.start))
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    let first = words.next();
    words.count() <= 2 && first.is_some_and(|t| ctx.lex.is(&text[t.span], FunctionClass::Definite))
}

/// "A met B on Thursday. The meeting was held at the Grand Hotel in Bergen.":
/// a definite meeting noun in a sentence that tells no meeting of its own gives its place
/// and date to the meeting told last, when that one lacks them and was told within
/// [`CONTINUATION_PARAGRAPHS`] paragraphs before (with every meeting of the same
/// evidence).
pub(super) fn fill_last(
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
pub(super) fn fill_places(ctx: &Context<'_>, found: &mut [Found]) {
    let paragraph = |f: &Found| {
        ctx.doc
            .sentence_at(f.evidence.start)
            .map_or(0, |s| ctx.doc.sentences()[s].paragraph)
    };
    let setting = setting(ctx);
    let dateline = dateline_place(ctx).or_else(|| setting.clone());
    for i in 0..found.len() {
        if found[i].place.is_some() || found[i].participants.len() < 2 {
            continue;
        }
        if let Some(place) = visited_place(ctx, found[i].evidence) {
            found[i].place = Some(Site::at(place));
            continue;
        }
        let p = paragraph(&found[i]);
        let near = |f: &Found| paragraph(f).abs_diff(p) <= CONTINUATION_PARAGRAPHS;
        let shared = |f: &Found| {
            f.participants
                .iter()
                .filter(|x| found[i].participants.contains(x))
                .count()
        };
        // The same meeting told again, before or after ("On Monday, A met B. A one-on-one
        // meeting took place between A and B at the palace in Kabul."), then an earlier
        // meeting of a participant.
        // The meetings are in text order: only those of the nearby paragraphs are read.
        let lo = (0..i)
            .rev()
            .take_while(|&j| near(&found[j]))
            .last()
            .unwrap_or(i);
        let hi = (i + 1..found.len())
            .take_while(|&j| near(&found[j]))
            .last()
            .map_or(i + 1, |j| j + 1);
        let same = (lo..hi).find(|&j| {
            j != i
                && found[j].place.is_some()
                && found[j].status == found[i].status
                && shared(&found[j]) >= 2
        });
        let earlier = (lo..i)
            .rev()
            .find(|&j| found[j].place.is_some() && shared(&found[j]) >= 1);
        found[i].place = match same.or(earlier) {
            Some(j) => found[j].place.clone(),
            None if found[i].status == MeetingStatus::Held => dateline.clone().map(Site::at),
            None => None,
        };
    }
    settle_venues(ctx, found, dateline.as_deref());
}

/// "met ... at the Harbour House" under a "BERGEN:" dateline, "began the visit at the
/// Innovation Centre" in an article set in Bergen: a venue no gazetteer knows, given with
/// no city of its own, stands in the city a stay in its sentence leads to ("who arrived in
/// New Delhi on Thursday"), else the dateline's or the article's setting, which becomes the
/// meeting's place (the venue is kept as such).
fn settle_venues(ctx: &Context<'_>, found: &mut [Found], around: Option<&str>) {
    // The names no gazetteer entry has, read once (not once per meeting: a long document
    // has thousands of both).
    let mut unknown_names: Option<FastSet<&str>> = None;
    for f in found.iter_mut() {
        let evidence = f.evidence;
        let Some(site) = f.place.as_mut() else {
            continue;
        };
        if site.venue.as_deref() != Some(site.place.as_str()) {
            continue;
        }
        let unknown = unknown_names.get_or_insert_with(|| {
            ctx.res
                .entities
                .iter()
                .filter(|e| e.entry.is_none())
                .map(|e| e.name.as_str())
                .collect()
        });
        if !unknown.contains(site.place.as_str()) {
            continue;
        }
        if let Some(city) = visited_place(ctx, evidence).or_else(|| around.map(str::to_string)) {
            site.place = city;
        }
    }
}

/// "... met the Brazilian foreign minister, who is visiting Oslo": the place a word of a
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
        // A stay leads to a town, not a building ("began the visit at the Innovation
        // Centre").
        (m.span.start == after[k].span.start
            && entity.kind == EntityKind::Place
            && !is_venue(ctx, &entity.name))
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
/// or at the start of other names ("Nairobi County", "Bergen Harbour Authority"), and at
/// least twice as often as any other place but its own country and the places named after
/// it ("Bergen" five times in a council's news; not "Washington" four times beside
/// "Vermont" three times in national politics). Local news seldom repeats where a meeting
/// in its own town took place.
fn setting(ctx: &Context<'_>) -> Option<String> {
    let text = ctx.doc.text();
    let mut counts: FastMap<usize, usize> = FastMap::default();
    // How many mentions begin with each run of one to three words followed by more
    // ("Bergen Harbour Authority", "Bergen Science Park"): names given after a place.
    let mut named_after: FastMap<&str, usize> = FastMap::default();
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
            country.is_some() && entry(e).is_some_and(|x| Some(x.id.as_ref()) == country);
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
pub(super) fn dateline_end(sentence: &str) -> Option<usize> {
    static DATELINE: Lazy<Regex> = Lazy::new(|| {
        pattern::constant(
            r"^[A-Z][A-Z .'-]{1,30}(?:,[^—–\n]{1,40}?)?(?:\s*\([^)]{1,30}\))?\s+(?:-|—|–|--)\s",
        )
    });
    DATELINE.find(sentence).map(|m| m.end())
}

/// The venue of a clause: a place after a `venue_preposition`, "in" or "at" (a city or
/// region before a country; a country only right after the trigger or a participant, so
/// "the situation in Somalia" is no venue), else an institution standing for a place ("at
/// the Kremlin").
pub(super) fn place_in(ctx: &Context<'_>, clause: Span, anchors: &[Span]) -> Option<Site> {
    let text = ctx.doc.text();
    let mut country = None;
    let mut institution = None;
    for m in starting_within(&ctx.res.mentions, clause, |m| m.span)
        .iter()
        .filter(|m| clause.contains(m.span))
    {
        let entity = &ctx.res.entities[m.entity];
        let before = text[clause.start..m.span.start].trim_end();
        let before = without_definite_article(ctx, before);
        // "at State House, Nairobi": a city after a building's capitalised name.
        let before = building_before(ctx, before).unwrap_or(before);
        // "in the coastal town of Mamallapuram": a place noun and "of" before the name.
        let before = place_noun_of(ctx, before).unwrap_or(before);
        let Some(head) = without_venue_preposition(ctx, before) else {
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

/// `before` without a trailing `[the] [adjectives] <place noun> [of]` ("in the coastal town
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
        if without_venue_preposition(ctx, head).is_some() {
            return Some(head);
        }
        head = head.rsplit_once(' ').map_or("", |(h, _)| h);
    }
    None
}

/// `before` without its last word when that is a `venue_preposition` ("in", "at") after a
/// space ("met in"), or the whole of it ("In" opening a clause): "" then. `None` when
/// `before` does not end so.
fn without_venue_preposition<'t>(ctx: &Context<'_>, before: &'t str) -> Option<&'t str> {
    match before.rsplit_once(' ') {
        Some((head, word)) => is_venue_preposition(ctx, word, false).then_some(head),
        None => is_venue_preposition(ctx, before, true).then_some(""),
    }
}

/// `rest` after a leading space, a `venue_preposition` and a space (" in Bergen").
fn after_venue_preposition<'t>(ctx: &Context<'_>, rest: &'t str) -> Option<&'t str> {
    let (word, after) = rest.strip_prefix(' ')?.split_once(' ')?;
    is_venue_preposition(ctx, word, false).then_some(after)
}

/// Whether `word` is a `venue_preposition` written in lower case ("in"), or capitalised
/// ("At") when it `opens` a clause.
fn is_venue_preposition(ctx: &Context<'_>, word: &str, opens: bool) -> bool {
    let mut chars = word.chars();
    let first = chars
        .next()
        .is_some_and(|c| c.is_lowercase() || opens && c.is_uppercase());
    first && chars.all(char::is_lowercase) && ctx.lex.is(word, FunctionClass::VenuePreposition)
}

/// `before` without a last word that is the definite article in lower case ("at the").
fn without_definite_article<'t>(ctx: &Context<'_>, before: &'t str) -> &'t str {
    match before.rsplit_once(' ') {
        Some((head, word))
            if word.chars().all(char::is_lowercase)
                && ctx.lex.is(word, FunctionClass::Article)
                && ctx.lex.is(word, FunctionClass::Definite) =>
        {
            head
        }
        _ => before,
    }
}

/// `before` without a trailing ", " and capitalised words ("at State House, "), so that the
/// city after a building's name is read as the venue.
fn building_before<'t>(ctx: &Context<'_>, before: &'t str) -> Option<&'t str> {
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
    let preposition = head
        .rsplit_once(' ')
        .is_some_and(|(_, w)| is_venue_preposition(ctx, w, false));
    (words > 0 && preposition).then_some(head)
}

/// "at State House, Nairobi", "at the Grand Hotel in Bergen": the city after
/// a building, a comma or a `venue_preposition`: the meeting's place is the city the
/// building stands in.
fn city_after(ctx: &Context<'_>, clause: Span, span: Span) -> Option<String> {
    let text = ctx.doc.text();
    let rest = text.get(span.end..clause.end)?;
    let rest = rest
        .strip_prefix(", ")
        .or_else(|| after_venue_preposition(ctx, rest))?;
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
