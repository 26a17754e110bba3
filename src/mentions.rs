//! The gazetteer pass: automaton matches in a document turned into mentions of entries.
//!
//! - Demonyms ("Japanese") are kept apart with their country: they are not place mentions.
//! - When a name stands for several entries, an entry that the document names elsewhere
//!   without doubt, or whose country it names, is preferred, unless the gazetteer's first
//!   choice is a place at least three times its size ("Manchester" stays in England when Los
//!   Angeles is named too); else the gazetteer's preference (larger place, later file). A
//!   place three times larger than any other of its name counts as named without doubt
//!   ("London").
//! - A place name followed by a building noun ("Bellevue Palace", "Tokyo Station") is part of
//!   the building's name, not a mention of the place.
//! - A name marked `ambiguous` in the gazetteer ("Nice", "Reading": also a common word or
//!   name) counts only with context: the entry is named elsewhere in the document without
//!   doubt, or the name follows a `locative` function word ("in Nice", "to Reading"), or it is
//!   followed by a comma and a place ("NICE, France") or follows a place and a comma
//!   ("MEMPHIS, Tenn.").

use crate::document::Document;
use crate::gazetteer::{Form, FunctionClass, Gazetteer, Match, Matcher, Target};
use crate::hash::FastSet;
use crate::lexicon::Lexicons;
use crate::Span;

/// A mention of a gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EntryMention {
    pub(crate) span: Span,
    pub(crate) entry: usize,
    pub(crate) form: Form,
}

/// A demonym or country adjective and the place it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DemonymMention {
    pub(crate) span: Span,
    pub(crate) country: usize,
}

/// What the gazetteer pass found in one document, in text order.
#[derive(Clone, Debug, Default)]
pub(crate) struct GazetteerMentions {
    pub(crate) mentions: Vec<EntryMention>,
    pub(crate) demonyms: Vec<DemonymMention>,
    /// The spans of ambiguous names left out for want of context ("Nice", "Reading"): not
    /// mentions, but names the gazetteer knows, which weak evidence should not re-classify.
    pub(crate) unconfirmed: Vec<Span>,
}

/// Runs the gazetteer pass over the document's body (the date header is metadata).
pub(crate) fn find(
    gaz: &Gazetteer,
    matcher: &Matcher,
    lex: &Lexicons,
    doc: &Document,
) -> GazetteerMentions {
    let text = doc.text();
    let matches = matcher.find(text, doc.body(), doc.tokens());
    let named = Named::in_matches(gaz, matcher, &matches);
    let pass = Pass {
        gaz,
        matcher,
        lex,
        text,
        matches: &matches,
    };
    let mut out = GazetteerMentions::default();
    for (i, m) in matches.iter().enumerate() {
        let targets = matcher.targets(m.pattern);
        let Some(first) = targets.first() else {
            continue;
        };
        let chosen = named.choose(gaz, targets, first);
        let entry = chosen.entry as usize;
        if chosen.form == Form::Demonym {
            out.demonyms.push(DemonymMention {
                span: m.span,
                country: entry,
            });
            continue;
        }
        if chosen.ambiguous && !named.entries.contains(&entry) && !pass.place_in_context(i, entry) {
            out.unconfirmed.push(m.span);
            continue;
        }
        if gaz.entry(entry).kind == crate::EntityKind::Place && before_facility(gaz, text, m.span) {
            continue;
        }
        out.mentions.push(EntryMention {
            span: m.span,
            entry,
            form: chosen.form,
        });
    }
    out
}

/// The entries a document names without doubt, and the countries they are in.
struct Named<'g> {
    entries: FastSet<usize>,
    /// Ids of countries named, or the country of an entry named.
    countries: FastSet<&'g str>,
}

impl<'g> Named<'g> {
    /// The entries of the matches with one target, or with a place three times larger than
    /// any other of the name ("London"), not demonyms nor ambiguous names.
    fn in_matches(gaz: &'g Gazetteer, matcher: &Matcher, matches: &[Match]) -> Named<'g> {
        let mut named = Named {
            entries: FastSet::default(),
            countries: FastSet::default(),
        };
        for m in matches {
            let targets = matcher.targets(m.pattern);
            let sure = match targets {
                [only] => Some(only),
                [first, second, ..] => dominates(gaz, first, second).then_some(first),
                [] => None,
            };
            let Some(only) = sure else { continue };
            if only.form != Form::Demonym && !only.ambiguous {
                let e = gaz.entry(only.entry as usize);
                named.entries.insert(only.entry as usize);
                if e.place_type.as_deref() == Some("country") {
                    named.countries.insert(&e.id);
                }
                if let Some(c) = &e.country {
                    named.countries.insert(c);
                }
            }
        }
        named
    }

    /// The target a name stands for: among several (not a demonym first), the first whose
    /// entry or country the document names without doubt, unless the gazetteer's first
    /// choice is a much larger place; else the first.
    fn choose<'t>(&self, gaz: &Gazetteer, targets: &'t [Target], first: &'t Target) -> &'t Target {
        if targets.len() <= 1 || first.form == Form::Demonym {
            return first;
        }
        targets
            .iter()
            .filter(|t| t.form != Form::Demonym)
            .find(|t| {
                let e = gaz.entry(t.entry as usize);
                // The text's context may not override a much larger place ("Manchester"
                // stays in England when Los Angeles is named too).
                let overrides = t.entry == first.entry || !dominates(gaz, first, t);
                overrides
                    && (self.entries.contains(&(t.entry as usize))
                        || self.countries.contains(e.id.as_ref())
                        || e.country
                            .as_deref()
                            .is_some_and(|c| self.countries.contains(c)))
            })
            .unwrap_or(first)
    }
}

/// What deciding on one match reads: the gazetteer, the text and every match.
struct Pass<'p> {
    gaz: &'p Gazetteer,
    matcher: &'p Matcher,
    lex: &'p Lexicons,
    text: &'p str,
    matches: &'p [Match],
}

impl Pass<'_> {
    /// Whether the ambiguous name of match `i`, standing for `entry`, is a place its context
    /// confirms: after a `locative` word ("in Nice"), before a comma and a place ("NICE,
    /// France"), or after a place and a comma ("MEMPHIS, Tenn.", "Paris, Texas").
    fn place_in_context(&self, i: usize, entry: usize) -> bool {
        let (text, matches) = (self.text, self.matches);
        let m = &matches[i];
        let after_preposition = previous_word(text, m.span.start)
            .is_some_and(|w| self.lex.is(w, FunctionClass::Locative));
        let before_place = matches.get(i + 1).is_some_and(|next| {
            text[m.span.end..next.span.start].trim() == "," && self.first_is_place(next)
        });
        let after_place = i
            .checked_sub(1)
            .and_then(|p| matches.get(p))
            .is_some_and(|prev| {
                text[prev.span.end..m.span.start].trim() == "," && self.first_is_place(prev)
            });
        let is_place = self.gaz.entry(entry).kind == crate::EntityKind::Place;
        is_place && (after_preposition || before_place || after_place)
    }

    /// Whether the gazetteer's first choice for a match is a place.
    fn first_is_place(&self, m: &Match) -> bool {
        self.matcher
            .targets(m.pattern)
            .first()
            .is_some_and(|t| self.gaz.entry(t.entry as usize).kind == crate::EntityKind::Place)
    }
}

/// Whether place `a` is so much larger than place `b` (three times, and of no lower rank;
/// both populations known) that `a` is meant whatever else the text names.
fn dominates(gaz: &Gazetteer, a: &Target, b: &Target) -> bool {
    let (ea, eb) = (gaz.entry(a.entry as usize), gaz.entry(b.entry as usize));
    ea.kind == crate::EntityKind::Place
        && eb.kind == crate::EntityKind::Place
        && ea.place_rank() >= eb.place_rank()
        && eb.population > 0
        && ea.population >= 3 * eb.population
}

/// Whether a facility word ("Palace", "Airport") follows the mention after one space, so
/// that the place name is part of a building's name ("Bellevue Palace").
fn before_facility(gaz: &Gazetteer, text: &str, span: Span) -> bool {
    let Some(rest) = text[span.end..].strip_prefix(' ') else {
        return false;
    };
    let end = rest
        .find(|c: char| !crate::segment::is_word_char(c))
        .unwrap_or(rest.len());
    gaz.name_words
        .get(&rest[..end])
        .is_some_and(|c| c.has(crate::gazetteer::WordClass::Facility))
}

/// The word just before `offset`, skipping whitespace; `None` if punctuation comes first.
fn previous_word(text: &str, offset: usize) -> Option<&str> {
    let before = text[..offset].trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| crate::segment::is_word_char(*c))
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_word_skips_spaces_not_punctuation() {
        assert_eq!(previous_word("arrived in  Nice", 12), Some("in"));
        assert_eq!(previous_word("Nice", 0), None);
        assert_eq!(previous_word("said: Nice", 6), None);
        assert_eq!(previous_word("в Ницце", 3), Some("в"));
    }
}
