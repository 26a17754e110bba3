//! Short forms: one-word names that stand for a person or institution named more fully.
//!
//! - **After titles and honorifics** ("President Ferreira", "Mrs May"): the one person of the
//!   document with that surname, else the one whose name starts with it ("President Park"
//!   for "Park Sun Hee"), else the one gazetteer person with that surname (or holding the
//!   title's role), else a new person named by the word.
//! - **Acronyms** in parentheses after an institution ("... Nations (ASEAN)") become its
//!   aliases, and later occurrences are its mentions.
//! - **Anywhere**: a capitalised word that is the surname of exactly one person of the
//!   document ("Brekov", "Mori-Brekov") is a mention of that person; a surname shared by two
//!   people stays unresolved. A middle word of a long name counts too ("Lula" for "Luiz
//!   Inácio Lula da Silva"). A bare surname nobody in the document has is taken from the
//!   gazetteer only when one person there has it, it is not a given name or a listed word,
//!   and it is not next to another capitalised word.
//! - **Institutions named short**: without their head noun ("Harlowby Police" for the
//!   Harlowby Police Department) or corporate suffix ("Wold Traders" for Wold Traders Corp).

use super::names::{gazetteer_surname, DocNames};
use super::{covered_spans, Builder, DocMention, HeldRole, Inputs};
use crate::gazetteer::{FunctionClass, RoleNounClass, Title};
use crate::hash::FastMap;
use crate::names::{NameVia, RuleName, TitleMention};
use crate::record::Via;
use crate::segment::{Token, TokenKind};
use crate::span::{ending_at, overlapping, Walk};
use crate::{EntityKind, Span};

/// Step 3: one-word names after titles and honorifics.
pub(super) fn short_names_after_titles(
    b: &mut Builder<'_>,
    input: &Inputs<'_>,
    short_names: &[RuleName],
) {
    let text = input.doc.text();
    let title_of: FastMap<Span, &TitleMention> = input
        .names
        .titles
        .iter()
        .filter_map(|t| t.name.map(|n| (n, t)))
        .collect();
    let mut doc_names = DocNames::build(b);
    for n in short_names {
        let full = &text[n.span];
        let word = full.split_whitespace().last().unwrap_or(full);
        doc_names.update(b);
        let mention = title_of.get(&n.span).copied();
        let title = mention.map(|t| input.names_lex.title(t.title));
        let entity = short_name_entity(b, input, &doc_names, n, word, title);
        // "Mr Johnson" for "Jo Johnson": the title's gender outweighs the given name's.
        let title_gender = title.and_then(|t| t.gender);
        let ent = &mut b.out.entities[entity];
        if ent.gender.is_none() || (title_gender.is_some() && ent.entry.is_none()) {
            ent.gender = title_gender.or(n.gender).or(ent.gender);
        }
        let via = if b.out.entities[entity].name != full {
            Via::ShortForm
        } else {
            record_via(n.via)
        };
        b.add(n.span, entity, via);
        if let (Some(t), Some(role)) = (mention, title.and_then(super::roles::role_key)) {
            b.add_role(
                entity,
                HeldRole {
                    role,
                    country: t.country,
                },
            );
        }
    }
}

/// The entity a one-word name after a title stands for (`word`, its last word): the one
/// person of the document with that surname, else the one of them the title's gender fits
/// ("Mrs. Clinton" when Hillary and Bill Clinton are both named), else the one whose name
/// starts with it ("President Park" for "Park Sun Hee"), else the gazetteer's one person
/// with that surname or holding the title's role, else a new person. A styled name ("Prince
/// Faisal") is looked up by its name word as a given name only.
fn short_name_entity(
    b: &mut Builder<'_>,
    input: &Inputs<'_>,
    doc_names: &DocNames,
    n: &RuleName,
    word: &str,
    title: Option<&Title>,
) -> usize {
    let styled = n.canonical.is_some();
    let title_gender = title.and_then(|t| t.gender);
    let by_gender = || {
        let fits: Vec<usize> = doc_names
            .surname_holders(word)
            .iter()
            .copied()
            .filter(|&e| title_gender.is_some() && b.out.entities[e].gender == title_gender)
            .collect();
        match fits.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    doc_names
        .surname(word)
        .or_else(by_gender)
        .filter(|_| !styled)
        .or_else(|| doc_names.family_name_first(input.gaz, word, true))
        .or_else(|| {
            let role = title.and_then(|t| t.role.as_deref());
            (!styled)
                .then(|| gazetteer_surname(input.gaz, input.surnames, word, role))
                .flatten()
                .map(|entry| b.entry_entity(entry))
        })
        .unwrap_or_else(|| {
            let name = n.canonical.clone().unwrap_or_else(|| word.to_string());
            b.named_entity(EntityKind::Person, name, n.gender)
        })
}

/// How the output says a name was found, from how the name pass found it.
fn record_via(via: NameVia) -> Via {
    match via {
        NameVia::Context => Via::Context,
        NameVia::Shape => Via::Shape,
        NameVia::GivenName => Via::GivenName,
        NameVia::Pattern => Via::Pattern,
        NameVia::Title => Via::Title,
    }
}

/// Step 6: acronyms in parentheses after an institution; their mentions there are added
/// (the mentions must be sorted). Returns the acronyms and their institutions.
pub(super) fn introduced_acronyms(b: &mut Builder<'_>) -> FastMap<String, usize> {
    let text = b.text;
    let mut acronyms: FastMap<String, usize> = FastMap::default();
    let mut new = Vec::new();
    let mut merges: Vec<(usize, usize)> = Vec::new();
    for m in &b.out.mentions {
        if b.out.entities[m.entity].kind != EntityKind::Institution {
            continue;
        }
        let rest = &text[m.span.end..];
        let Some((inside, _)) = rest.strip_prefix(" (").and_then(|r| r.split_once(')')) else {
            continue;
        };
        // "(SKK)", or a translation then an acronym: "(Norwegian Railways, NJ)".
        let mut offset = m.span.end + 2;
        let mut parts = Vec::new();
        for part in inside.split(", ") {
            parts.push((offset, part));
            offset += part.len() + 2;
        }
        if parts.len() > 2 {
            continue;
        }
        for &(at, part) in &parts[..parts.len() - 1] {
            let span = Span::new(at, at + part.len());
            if let Some(other) = rule_found_at(b, span) {
                if b.out.entities[other].kind == EntityKind::Institution {
                    merges.push((other, m.entity));
                }
            }
        }
        let Some(&(at, acr)) = parts.last() else {
            continue;
        };
        if (2..=10).contains(&acr.len())
            && (acr
                .chars()
                .all(|c| c.is_uppercase() || c == '&' || c == '-')
                || syllable_acronym(acr, &text[m.span]))
        {
            let span = Span::new(at, at + acr.len());
            if overlapping(&b.out.mentions, span, |m| m.span).is_none() {
                new.push(DocMention {
                    span,
                    entity: m.entity,
                    via: Via::Alias,
                });
            } else if let Some(other) = rule_found_at(b, span) {
                // "Severnaya Kalinaya Kompaniya (SKK)": the acronym was read as a name
                // of its own; it is the institution's.
                merges.push((other, m.entity));
            }
            acronyms.entry(acr.to_string()).or_insert(m.entity);
        }
    }
    b.merge(new);
    initials_acronyms(b, &mut acronyms, &mut merges);
    names_without_head(b, &mut merges);
    for (from, into) in merges {
        if from != into {
            for x in &mut b.out.mentions {
                if x.entity == from {
                    x.entity = into;
                    x.via = Via::Alias;
                }
            }
        }
    }
    acronyms
}

/// "the Harlow Rugby Union" ... "HRU": an acronym of three letters or more that spells the
/// initials of one institution of the document (its capitalised words and the parts of
/// their hyphens; "of", "and", "&" skipped) stands for it even where no parentheses
/// introduce it. An acronym already read as an institution of its own is merged into it; a
/// later bare one becomes its mention. Initials two institutions share stand for neither.
fn initials_acronyms(
    b: &Builder<'_>,
    acronyms: &mut FastMap<String, usize>,
    merges: &mut Vec<(usize, usize)>,
) {
    let by_initials = institutions_by(b, initials);
    let acronym =
        |name: &str| (3..=10).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
    merge_named(b, &by_initials, acronym, merges);
    for (letters, e) in by_initials {
        if let Some(e) = e {
            acronyms.entry(letters).or_insert(e);
        }
    }
}

/// "the Harlowby Police Department" ... "Harlowby Police said": an institution named by a
/// longer one's words without its last word, a head noun ("Department", "Service") after
/// two words or more, or a corporate suffix ("Wold Traders Corp", "Tickbox Inc."), is that
/// one, when only one institution of the document has such a name.
fn names_without_head(b: &Builder<'_>, merges: &mut Vec<(usize, usize)>) {
    use crate::gazetteer::WordClass;
    let longer = institutions_by(b, |name| {
        let (short, head) = name.rsplit_once(' ')?;
        let classes = b.gaz.name_words.get(head.trim_end_matches('.'));
        let headed = classes.is_some_and(|c| c.has(WordClass::OrgHead)) && short.contains(' ');
        let suffixed = classes.is_some_and(|c| c.has(WordClass::CorporateSuffix));
        let short = short.trim_end_matches(',');
        (headed || suffixed).then(|| short.to_string())
    });
    merge_named(b, &longer, |_| true, merges);
}

/// The institutions of the document by a key their names give (`key`), each key with the
/// one institution that gives it, or `None` when two do.
fn institutions_by(
    b: &Builder<'_>,
    key: impl Fn(&str) -> Option<String>,
) -> FastMap<String, Option<usize>> {
    let mut by: FastMap<String, Option<usize>> = FastMap::default();
    for (e, ent) in b.out.entities.iter().enumerate() {
        if ent.kind != EntityKind::Institution {
            continue;
        }
        if let Some(k) = key(&ent.name) {
            by.entry(k)
                .and_modify(|found| {
                    if *found != Some(e) {
                        *found = None;
                    }
                })
                .or_insert(Some(e));
        }
    }
    by
}

/// Each institution no gazetteer entry has whose name passes `shape` and is a key of `by`
/// joins the one institution of that key.
fn merge_named(
    b: &Builder<'_>,
    by: &FastMap<String, Option<usize>>,
    shape: impl Fn(&str) -> bool,
    merges: &mut Vec<(usize, usize)>,
) {
    if by.is_empty() {
        return;
    }
    for (a, ent) in b.out.entities.iter().enumerate() {
        if ent.kind != EntityKind::Institution || ent.entry.is_some() || !shape(&ent.name) {
            continue;
        }
        if let Some(&Some(e)) = by.get(ent.name.as_str()) {
            if e != a {
                merges.push((a, e));
            }
        }
    }
}

/// The initials of a name, when it has three or more (hyphen parts count, lower-case
/// words and "&" are skipped): "Harlow Rugby Union" -> "HRU", "Anti-Corruption Court" ->
/// "ACC". `None` for a name with a word that is not capitalised letters.
fn initials(name: &str) -> Option<String> {
    let mut letters = String::new();
    for word in name.split([' ', '-']) {
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_lowercase() || word == "&" {
            continue;
        }
        if !first.is_uppercase() || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        letters.push(first);
    }
    (letters.chars().count() >= 3).then_some(letters)
}

/// "Harlowby Fishing Company (Harfico)", "Office of Wold Markets (Owmar)": a word in
/// parentheses made of the first letters or syllables of the name before it: capitalised,
/// three letters or more, starting with the name's first letter and no longer than the
/// name's capitalised words allow (three letters each).
fn syllable_acronym(acr: &str, name: &str) -> bool {
    let words = name
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let mut chars = acr.chars();
    let first = chars.next();
    words >= 2
        && acr.chars().count() >= 3
        && acr.chars().count() <= 3 * words
        && acr.chars().all(char::is_alphabetic)
        && first.is_some_and(char::is_uppercase)
        && first == name.chars().next()
        && chars.all(char::is_lowercase)
}

/// The entity of a mention spanning exactly `span` that a rule found (no gazetteer entry),
/// if any.
fn rule_found_at(b: &Builder<'_>, span: Span) -> Option<usize> {
    // The mentions are sorted: the first that does not end before `span` starts.
    let mentions = &b.out.mentions;
    let i = mentions.partition_point(|x| x.span.end <= span.start);
    mentions
        .get(i)
        .filter(|x| { x.span } == span)
        .map(|x| x.entity)
        .filter(|&e| b.out.entities[e].entry.is_none())
}

/// Where a short form points before the entities it needs exist.
enum Target {
    Entity(usize),
    Entry(usize),
}

/// Step 7: short forms anywhere: surnames of the document's people, introduced acronyms,
/// and surnames only one gazetteer person has.
pub(super) fn short_forms(
    b: &mut Builder<'_>,
    input: &Inputs<'_>,
    acronyms: &FastMap<String, usize>,
) -> Vec<DocMention> {
    let text = input.doc.text();
    let tokens = input.doc.tokens();
    let covered = covered_spans(&b.out.mentions, input.demonyms);
    let title_spans: Vec<Span> = input.names.titles.iter().map(|t| t.span).collect();
    let mut additions = Vec::new();
    let doc_names = DocNames::build(b);
    let mut salience = Salience::default();
    // Asked once per token, in text order.
    let mut in_covered = Walk::new(&covered, |s: &Span| *s);
    let mut in_title = Walk::new(&title_spans, |s: &Span| *s);
    for (i, t) in tokens.iter().enumerate() {
        salience.read_until(&b.out.mentions, t.span.start);
        if t.kind != TokenKind::Word || in_covered.overlapping(t.span).is_some() {
            continue;
        }
        let word = &text[t.span];
        // Every short form, acronym and surname starts with a capital.
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(&e) = acronyms.get(word) {
            additions.push((t.span, Target::Entity(e), Via::Alias));
            continue;
        }
        if in_title.overlapping(t.span).is_some() {
            continue;
        }
        if let Some(span) = glued_surname(text, tokens, i) {
            if in_covered.overlapping(span).is_none() {
                if let Some(e) = doc_names.surname(&text[span]) {
                    additions.push((span, Target::Entity(e), Via::ShortForm));
                    continue;
                }
            }
        }
        if !is_capitalised(word) {
            continue;
        }
        if let Some(e) = doc_names
            .surname(word)
            .or_else(|| doc_names.family_name_first(input.gaz, word, false))
            .or_else(|| salience.most_salient(doc_names.surname_holders(word)))
        {
            salience.count(e, t.span.start);
            additions.push((t.span, Target::Entity(e), Via::ShortForm));
            continue;
        }
        let isolated = !neighbour_is_name(text, tokens, i);
        let plain = word.chars().count() >= 4
            && !input.gaz.given_names.contains_key(word)
            && !input.gaz.name_words.contains_key(word);
        if isolated && plain {
            if let Some(entry) = input.surnames.unique(word) {
                additions.push((t.span, Target::Entry(entry), Via::ShortForm));
            }
        }
    }
    additions
        .into_iter()
        .map(|(span, target, via)| {
            let entity = match target {
                Target::Entity(e) => e,
                Target::Entry(entry) => b.entry_entity(entry),
            };
            DocMention { span, entity, via }
        })
        .collect()
}

/// How often and since when each person has been named so far, for a surname that several
/// people of the document share ("Clinton" for Hillary and Bill Clinton, "Fiorina" for
/// Carly and Frank Fiorina): the bare surname is the person named most often before it;
/// nobody on a tie or when none of them has been named yet.
#[derive(Default)]
struct Salience {
    /// Mentions of the resolution read so far.
    read: usize,
    /// Per entity: mentions so far and where the first one starts.
    seen: FastMap<usize, (usize, usize)>,
}

impl Salience {
    fn read_until(&mut self, mentions: &[DocMention], offset: usize) {
        while let Some(m) = mentions.get(self.read).filter(|m| m.span.start < offset) {
            self.count(m.entity, m.span.start);
            self.read += 1;
        }
    }

    fn count(&mut self, entity: usize, at: usize) {
        let e = self.seen.entry(entity).or_insert((0, at));
        e.0 += 1;
    }

    fn most_salient(&self, holders: &[usize]) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = holders
            .iter()
            .filter_map(|&h| self.seen.get(&h).map(|&(n, _)| (n, h)))
            .collect();
        counts.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
        match counts.as_slice() {
            [(_, one)] => Some(*one),
            [(n, first), (m, _), ..] if n > m => Some(*first),
            _ => None,
        }
    }
}

/// A surname of words glued by a hyphen or an elided particle, starting at token `i`:
/// "Al-Rashidi", "Ben-Haddou", "O'Brekov", "D’Souza".
fn glued_surname(text: &str, tokens: &[Token], i: usize) -> Option<Span> {
    let (t, h, n) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let glued = h.span.start == t.span.end && n.span.start == h.span.end;
    let first = &text[t.span];
    let joint = match &text[h.span] {
        "-" => is_capitalised(first),
        "'" | "’" => first.chars().count() == 1 && first.chars().all(char::is_uppercase),
        _ => false,
    };
    (glued && joint && n.kind == TokenKind::Word && is_capitalised(&text[n.span]))
        .then(|| Span::new(t.span.start, n.span.end))
}

fn is_capitalised(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
}

/// Whether the word token `i` stands next to another capitalised word (separated by one
/// space), so that it is part of a longer name nobody resolved.
fn neighbour_is_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    let prev = i
        .checked_sub(1)
        .map(|j| tokens[j])
        .filter(|p| &text[p.span.end..t.span.start] == " ");
    let next = tokens
        .get(i + 1)
        .copied()
        .filter(|n| &text[t.span.end..n.span.start] == " ");
    prev.into_iter()
        .chain(next)
        .any(|n| is_capitalised(&text[n.span]))
}

/// Step 4a: a one-word place from the gazetteer that is the surname of exactly one person
/// the document names in full is that person ("Tom Sheffield ... said Sheffield", "Ana
/// Reading ... Reading wrote"), unless a locative word is before it ("in Sheffield") or a place
/// follows it after a comma ("Sheffield, England"). Changes the mentions' entities in place.
pub(super) fn surnames_over_places(b: &mut Builder<'_>, input: &Inputs<'_>) {
    let text = input.doc.text();
    let doc_names = DocNames::build(b);
    let places: Vec<usize> = (0..b.out.mentions.len())
        .filter(|&k| {
            let m = &b.out.mentions[k];
            b.out.entities[m.entity].kind == EntityKind::Place
                && matches!(m.via, Via::Gazetteer | Via::Alias)
                && is_capitalised(&text[m.span])
                && !text[m.span].contains(char::is_whitespace)
        })
        .collect();
    for k in places {
        let m = b.out.mentions[k];
        let Some(person) = doc_names.surname(&text[m.span]) else {
            continue;
        };
        let locative = text[..m.span.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| input.lex.is(&w.to_lowercase(), FunctionClass::Locative));
        let place_after = b.out.mentions.get(k + 1).is_some_and(|n| {
            text[m.span.end..n.span.start].trim() == ","
                && b.out.entities[n.entity].kind == EntityKind::Place
        });
        if !locative && !place_after {
            b.out.mentions[k] = DocMention {
                span: m.span,
                entity: person,
                via: Via::ShortForm,
            };
        }
    }
}

/// Step 4b: a person named by a given name alone right after a possessive and a noun for a
/// blood relative takes the possessor's family name: "Tomas Berg and his son Erik" →
/// "Erik Berg", "Okafor's daughter Ada" → "Ada Okafor". "his"/"her" is the closest
/// person named before it in the sentence. Renames the entity.
pub(super) fn family_names(b: &mut Builder<'_>, input: &Inputs<'_>) {
    let text = input.doc.text();
    let mut renames: Vec<(usize, String)> = Vec::new();
    for (k, m) in b.out.mentions.iter().enumerate() {
        let entity = &b.out.entities[m.entity];
        if entity.kind != EntityKind::Person
            || entity.name.contains(' ')
            || text[m.span] != entity.name
            || renames.iter().any(|(e, _)| *e == m.entity)
        {
            continue;
        }
        let before = text[..m.span.start].trim_end_matches(' ');
        let noun_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let noun = &before[noun_start..];
        if noun.is_empty() || !input.lex.role_classes(noun).has(RoleNounClass::Family) {
            continue;
        }
        let owner_text = before[..noun_start].trim_end_matches(' ');
        let owner_word = owner_text
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let pronoun = input.lex.is(&owner_word, FunctionClass::Possessive)
            && (input.lex.is(&owner_word, FunctionClass::Male)
                || input.lex.is(&owner_word, FunctionClass::Female));
        let possessor = if pronoun {
            let sentence = input
                .doc
                .sentence_at(m.span.start)
                .map_or(Span::new(0, 0), |s| input.doc.sentences()[s].span);
            b.out.mentions[..k]
                .iter()
                .rev()
                .take_while(|p| p.span.start >= sentence.start)
                .find(|p| {
                    b.out.entities[p.entity].kind == EntityKind::Person && p.entity != m.entity
                })
        } else {
            crate::segment::strip_possessive(owner_text)
                .and_then(|owner| ending_at(&b.out.mentions, owner.len(), |p| p.span))
        };
        let Some(family) =
            possessor.and_then(|p| super::names::surname(&b.out.entities[p.entity].name))
        else {
            continue;
        };
        let name = format!("{} {family}", entity.name);
        if !b.out.entities.iter().any(|e| e.name == name) {
            renames.push((m.entity, name));
        }
    }
    for (e, name) in renames {
        b.out.entities[e].name = name;
    }
}
