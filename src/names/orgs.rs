//! Organisations by pattern, and offices written in lower case.
//!
//! - **Organisation patterns**: capitalised words ending in a head noun ("National Security
//!   Office", "Ohio State University", also across a possessive: "the Prime Minister's
//!   Office") or a head noun followed by "of" and capitalised words ("Ministry of Public
//!   Security", "University of Tokyo"). A country in dotted initials before it is a word of
//!   the name ("the U.S. Department of Agriculture"); "and" joins the words of one name
//!   ("Harlow and Wold Council", "Department of Health and Human Services") but not two
//!   names ("the Bergen Institute of Technology and Oslo State University").
//! - **Offices in lower case** (`office` and `national_office` in `role_nouns.tsv`): "the
//!   presidential office", "the French presidency", "Mexico's foreign ministry" (the
//!   gazetteer's institution of that country when it has one); a national office only with a
//!   country before it.
use super::{mark, token_index_at, NameVia, Pass, RuleName};
use crate::gazetteer::RoleNounClass;
use crate::span::{ending_at, starting_within};
use crate::{EntityKind, Span};
/// The organisation-pattern rule (before given names: "Ohio State University" is no
/// person).
pub(super) fn organisations(pass: &mut Pass<'_>) {
    let Pass { ctx, taken, out } = pass;
    let ctx = &*ctx;
    let (tokens, found) = (ctx.tokens, ctx.found);
    // Organisation patterns (before given names: "Ohio State University" is no person).
    let mut i = 0;
    while i < tokens.len() {
        if let Some((span, start, end)) = ctx.read_org(i, taken) {
            out.swallowed.extend(
                starting_within(&found.mentions, span, |m| m.span)
                    .iter()
                    .filter(|m| span.contains(m.span))
                    .map(|m| m.span),
            );
            out.names.push(RuleName {
                span,
                kind: EntityKind::Institution,
                via: NameVia::Pattern,
                words: end - start,
                gender: None,
                canonical: None,
            });
            mark(taken, start, end);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The lower-case office rule.
pub(super) fn offices(pass: &mut Pass<'_>) {
    let Pass { ctx, taken, out } = pass;
    let ctx = &*ctx;
    let (text, tokens, body) = (ctx.text, ctx.tokens, ctx.body);
    let (lex, gaz, found) = (ctx.lex, ctx.gaz, ctx.found);
    let words = ctx.words;
    // Descriptive institutions written in lower case: "the presidential office", "the French
    // presidency", "Mexico's foreign ministry".
    for (span, classes) in words.offices.find(text, body) {
        let first = token_index_at(tokens, span.start);
        let last = token_index_at(tokens, span.end);
        if (first..last).any(|t| taken[t]) {
            continue;
        }
        let head = &text[span];
        let country = ctx.country_before(span.start).map(|(c, _)| c);
        let needs_country = classes.has(RoleNounClass::NationalOffice);
        if needs_country && country.is_none() {
            continue;
        }
        // An office of a named country is the gazetteer's institution when it has one.
        let ministry = country.and_then(|c| lex.institution_of(gaz, c, head));
        if let Some(entry) = ministry {
            out.offices.push((span, entry));
        } else {
            // A demonym belongs to the name ("French presidency"); a country keeps its own
            // mention and the name is the office's words.
            let before = text[..span.start].trim_end();
            let demonym = ending_at(&found.demonyms, before.len(), |d| d.span);
            let span = demonym.map_or(span, |d| Span::new(d.span.start, span.end));
            // "Government of Mexico", "Presidency of France"; unqualified, the words.
            let canonical = country.map(|c| {
                let mut h = head.chars();
                let head = h
                    .next()
                    .map(|f| f.to_uppercase().chain(h).collect::<String>())
                    .unwrap_or_default();
                format!("{head} of {}", gaz.entry(c).name)
            });
            out.names.push(RuleName {
                span,
                kind: EntityKind::Institution,
                via: NameVia::Pattern,
                words: 2,
                gender: None,
                canonical,
            });
        }
        mark(taken, first, last);
    }
}
