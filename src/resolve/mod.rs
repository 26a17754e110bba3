//! Resolution: mentions grouped into entities, per document.
//!
//! Reads the gazetteer mentions and the name layer, adds the document's entities and every
//! mention of them. Each rule below is one step (a function of this module or its
//! submodules), run in this order; each step returns its new mentions in text order and the
//! builder merges them into the sorted list, so the mentions are sorted once.
//!
//! - **Gazetteer mentions** join their entry's entity; rule names join by text.
//! - **Variants**: two people found by rule with one surname and given names that are
//!   transliteration variants ("Sergey"/"Sergei", "Yevgeny"/"Evgeny") or an initial ("S.")
//!   are one person.
//! - **Short forms**: a capitalised word that is the surname of exactly one person of the
//!   document ("Brekov", "Mr. Brekov", "Mori-Brekov") is a mention of that person; a surname
//!   shared by several people is the one named most often before it, and stays unresolved
//!   on a tie. A middle word of a long name counts too ("Lula"
//!   for "Luiz Inácio Lula da Silva"). A surname after a title that no person of the
//!   document has ("President Ferreira") is looked up among the gazetteer's people and taken
//!   when exactly one has it; else the surname alone names a new person. A bare surname
//!   nobody in the document has is taken from the gazetteer only when one person there has it,
//!   it is not a given name or a listed word, and it is not next to another capitalised word.
//! - **Roles**: a title before a name ("Japanese Foreign Minister Hana Mori") or in an
//!   apposition ("Oleg Vasko, Russia's deputy foreign minister,") gives the person that
//!   role in that country; gazetteer people also hold their roles dated at the article's
//!   date. A role noun with no name ("the Russian foreign minister") is a mention of the one
//!   person holding that role here (the mention is the title's words, "foreign minister"; the
//!   country keeps its own mention), and of nobody when none or several do.
//! - **Pronouns**: "he"/"she" refer by salience to a person of compatible gender: the
//!   subject of their own clause, else of the closest earlier sentence, else the most
//!   recent person (see `pronouns.rs`).
//! - **Acronyms** in parentheses after an institution ("... Nations (ASEAN)") become its
//!   aliases, and later occurrences are its mentions.

use crate::document::Document;
use crate::gazetteer::{Form, Gazetteer, Gender};
use crate::hash::{FastMap, FastSet};
use crate::lexicon::Lexicons;
use crate::mentions::{DemonymMention, EntryMention};
use crate::names::{NameLexicon, NameMentions, NameVia, RuleName};
use crate::record::Via;
use crate::{EntityKind, Span};

mod descriptions;
mod names;
mod pronouns;
mod roles;
mod short_forms;

pub(crate) use names::SurnameIndex;

/// A role a person holds in the document: a role name and the place it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct HeldRole {
    pub(crate) role: String,
    pub(crate) country: Option<usize>,
}

/// An entity of the document while it is being resolved.
#[derive(Clone, Debug)]
pub(crate) struct DocEntity {
    pub(crate) kind: EntityKind,
    pub(crate) name: String,
    pub(crate) entry: Option<usize>,
    pub(crate) gender: Option<Gender>,
    pub(crate) roles: Vec<HeldRole>,
}

/// A mention tied to its entity.
///
/// Packed (25 bytes, not 32): a long document has one for every five words or so. Its
/// fields are read by value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed)]
pub(crate) struct DocMention {
    pub(crate) span: Span,
    pub(crate) entity: usize,
    pub(crate) via: Via,
}

/// The entities of one document and every mention of them, sorted by position.
#[derive(Clone, Debug, Default)]
pub(crate) struct Resolution {
    pub(crate) entities: Vec<DocEntity>,
    pub(crate) mentions: Vec<DocMention>,
    /// The article's dateline, which no clause reads across.
    pub(crate) dateline: Option<Span>,
}

impl Resolution {
    /// The mention covering `offset`, if any.
    pub(crate) fn mention_at(&self, offset: usize) -> Option<&DocMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= offset);
        self.mentions.get(i).filter(|m| m.span.start <= offset)
    }
}

/// What every step reads.
pub(crate) struct Inputs<'a> {
    pub(crate) gaz: &'a Gazetteer,
    pub(crate) names_lex: &'a NameLexicon,
    pub(crate) lex: &'a Lexicons,
    pub(crate) surnames: &'a SurnameIndex,
    pub(crate) doc: &'a Document,
    /// The gazetteer pass's demonyms. Its entry mentions are handed to [`resolve`] on
    /// their own, as are the names found by rule: step 1 reads them, and they are freed
    /// after it.
    pub(crate) demonyms: &'a [DemonymMention],
    /// The name layer, whose `names` are empty here (see `demonyms`).
    pub(crate) names: &'a NameMentions,
}

/// Builder state: entities by key, mentions so far (sorted after each step).
pub(super) struct Builder<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    out: Resolution,
    /// Keyed by index: a fast hash.
    by_entry: FastMap<usize, usize>,
    by_name: FastMap<(EntityKind, String), usize>,
    /// People by the last word of their name, in entity order, for [`Builder::person_variant`].
    by_surname: FastMap<String, Vec<usize>>,
}

impl<'a> Builder<'a> {
    fn new(gaz: &'a Gazetteer, text: &'a str) -> Builder<'a> {
        Builder {
            gaz,
            text,
            out: Resolution::default(),
            by_entry: FastMap::default(),
            by_name: FastMap::default(),
            by_surname: FastMap::default(),
        }
    }

    fn push_entity(&mut self, entity: DocEntity) -> usize {
        let i = self.out.entities.len();
        if entity.kind == EntityKind::Person {
            if let Some(last) = names::surname(&entity.name) {
                self.by_surname.entry(last.to_string()).or_default().push(i);
            }
        }
        self.out.entities.push(entity);
        i
    }

    fn entry_entity(&mut self, entry: usize) -> usize {
        if let Some(&i) = self.by_entry.get(&entry) {
            return i;
        }
        let e = self.gaz.entry(entry);
        let i = self.push_entity(DocEntity {
            kind: e.kind,
            name: e.name.to_string(),
            entry: Some(entry),
            gender: e.gender,
            roles: Vec::new(),
        });
        self.by_entry.insert(entry, i);
        i
    }

    fn named_entity(&mut self, kind: EntityKind, name: String, gender: Option<Gender>) -> usize {
        if let Some(&i) = self.by_name.get(&(kind, name.clone())) {
            if self.out.entities[i].gender.is_none() {
                self.out.entities[i].gender = gender;
            }
            return i;
        }
        let i = self.push_entity(DocEntity {
            kind,
            name: name.clone(),
            entry: None,
            gender,
            roles: Vec::new(),
        });
        self.by_name.insert((kind, name), i);
        i
    }

    /// An existing person whose surname is the same and whose given name is a variant
    /// ("Sergey Lavrov" for "Sergei Lavrov").
    fn person_variant(&self, name: &str) -> Option<usize> {
        let (given, last) = name
            .split_once(' ')
            .map(|(g, _)| g)
            .zip(names::surname(name))?;
        self.by_surname.get(last)?.iter().copied().find(|&e| {
            let other = &self.out.entities[e].name;
            other
                .split_whitespace()
                .next()
                .is_some_and(|g| names::given_variants(g, given))
                && names::middles_agree(name, other)
        })
    }

    /// Adds a mention; the list is sorted again by [`Builder::settle`].
    fn add(&mut self, span: Span, entity: usize, via: Via) {
        self.out.mentions.push(DocMention { span, entity, via });
    }

    /// Merges mentions that are already in text order into the sorted list.
    fn merge(&mut self, mut new: Vec<DocMention>) {
        if new.is_empty() {
            return;
        }
        new.sort_by_key(|m| m.span.start);
        // Merged from the back into the grown list (an old mention first at equal starts),
        // so that a long document's mentions are not held twice.
        let all = &mut self.out.mentions;
        let mut old = all.len();
        all.reserve_exact(new.len());
        all.extend_from_slice(&new);
        let mut rest = new.len();
        let mut to = all.len();
        while rest > 0 {
            to -= 1;
            if old > 0 && all[old - 1].span.start > new[rest - 1].span.start {
                old -= 1;
                all[to] = all[old];
            } else {
                rest -= 1;
                all[to] = new[rest];
            }
        }
    }

    /// Sorts the mentions added with [`Builder::add`] (stable: equal starts keep their order).
    fn settle(&mut self) {
        self.out.mentions.sort_by_key(|m| m.span.start);
    }

    fn add_role(&mut self, entity: usize, role: HeldRole) {
        let roles = &mut self.out.entities[entity].roles;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
}

/// Resolves the mentions of one document: runs every step in order.
///
/// `found` (the gazetteer's entry mentions) and `rule_names` (the names found by rule) are
/// read by the first step only and freed after it, before a long document's later steps
/// allocate.
pub(crate) fn resolve(
    input: &Inputs<'_>,
    found: Vec<EntryMention>,
    rule_names: Vec<RuleName>,
) -> Resolution {
    let mut b = Builder::new(input.gaz, input.doc.text());
    let short_names = known_names(&mut b, input, found, rule_names);
    roles::title_roles(&mut b, input);
    short_forms::short_names_after_titles(&mut b, input, &short_names);
    roles::gazetteer_roles(&mut b, input);
    roles::apposition_roles(&mut b, input);
    b.settle();
    short_forms::surnames_over_places(&mut b, input);
    let acronyms = short_forms::introduced_acronyms(&mut b);
    let found = short_forms::short_forms(&mut b, input, &acronyms);
    b.merge(found);
    let role_mentions = roles::role_nouns(&b, input);
    b.merge(role_mentions);
    short_forms::family_names(&mut b, input);
    let descriptions = descriptions::institution_descriptions(&b, input);
    b.merge(descriptions);
    let pronouns = pronouns::resolve_pronouns(input.doc, input.lex, &input.gaz.given_names, &b.out);
    b.merge(pronouns);
    b.out.dateline = input.names.dateline;
    b.out
}

/// Step 1: gazetteer mentions (unless swallowed by an organisation name), offices of named
/// countries, and full names found by rule. Returns the one-word person names (after titles)
/// for step 3.
fn known_names(
    b: &mut Builder<'_>,
    input: &Inputs<'_>,
    found: Vec<EntryMention>,
    rule_names: Vec<RuleName>,
) -> Vec<RuleName> {
    let text = input.doc.text();
    let swallowed: FastSet<Span> = input.names.swallowed.iter().copied().collect();
    for m in &found {
        if swallowed.contains(&m.span) {
            continue;
        }
        let e = b.entry_entity(m.entry);
        let via = if m.form == Form::Name {
            Via::Gazetteer
        } else {
            Via::Alias
        };
        b.add(m.span, e, via);
    }
    for &(span, entry) in &input.names.offices {
        let e = b.entry_entity(entry);
        b.add(span, e, Via::Pattern);
    }
    drop(found);
    let mut short_names = Vec::new();
    for n in rule_names {
        if n.kind == EntityKind::Person && n.words < 2 {
            short_names.push(n);
            continue;
        }
        let name = n
            .canonical
            .unwrap_or_else(|| names::canonical(&text[n.span]));
        let e = match n.kind {
            EntityKind::Person => match b.person_variant(&name) {
                Some(e) => e,
                None => match names::gazetteer_without_initials(input.gaz, input.surnames, &name) {
                    Some(entry) => b.entry_entity(entry),
                    None => b.named_entity(EntityKind::Person, name, n.gender),
                },
            },
            kind => b.named_entity(kind, name, None),
        };
        let via = match n.via {
            NameVia::Title => Via::Title,
            NameVia::GivenName => Via::GivenName,
            NameVia::Pattern => Via::Pattern,
            NameVia::Context => Via::Context,
            NameVia::Shape => Via::Shape,
        };
        b.add(n.span, e, via);
    }
    short_names
}

/// The spans of `mentions` and of `demonyms` in one list sorted by start, a mention before
/// a demonym at one start (as a stable sort of the one list after the other gives them):
/// merged when both are sorted, as they are, without a sort's buffer.
fn covered_spans(mentions: &[DocMention], demonyms: &[DemonymMention]) -> Vec<Span> {
    let mut out = Vec::with_capacity(mentions.len() + demonyms.len());
    let sorted =
        mentions.is_sorted_by_key(|m| m.span.start) && demonyms.is_sorted_by_key(|d| d.span.start);
    if !sorted {
        out.extend(mentions.iter().map(|m| m.span));
        out.extend(demonyms.iter().map(|d| d.span));
        out.sort_by_key(|s| s.start);
        return out;
    }
    let (mut m, mut d) = (mentions.iter().peekable(), demonyms.iter().peekable());
    loop {
        let span = match (m.peek(), d.peek()) {
            (Some(a), Some(b)) if b.span.start < a.span.start => d.next().map(|x| x.span),
            (Some(_), _) => m.next().map(|x| x.span),
            (None, _) => d.next().map(|x| x.span),
        };
        match span {
            Some(span) => out.push(span),
            None => return out,
        }
    }
}

/// Whether `span` overlaps one of `spans`, which are sorted and do not overlap each other.
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(span))
}
