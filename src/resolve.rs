//! Resolution: mentions grouped into entities, per document.
//!
//! - **Gazetteer mentions** join their entry's entity; rule names join by text.
//! - **Variants**: two people found by rule with one surname and given names that are
//!   transliteration variants ("Sergey"/"Sergei", "Yevgeny"/"Evgeny") or an initial ("S.")
//!   are one person.
//! - **Short forms**: a capitalised word that is the surname of exactly one person of the
//!   document ("Brekov", "Mr. Brekov", "Mori-Brekov") is a mention of that person; a surname
//!   shared by two people stays unresolved. A middle word of a long name counts too ("Lula"
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
//! - **Pronouns**: "he"/"she" refer to the most recent person of compatible gender (from the
//!   gazetteer, a title such as Mr./Mrs., or a given name) in the same or previous paragraph;
//!   in an attribution after a clause ("..., he said") people named in that sentence are
//!   skipped, since the speaker is rarely the person the words are about.
//! - **Acronyms** in parentheses after an institution ("... Nations (ASEAN)") become its
//!   aliases, and later occurrences are its mentions.

use crate::document::{Document, TokenKind};
use crate::gazetteer::{Form, Gazetteer, Gender, TitleKind};
use crate::mentions::GazetteerMentions;
use crate::names::{NameLexicon, NameMentions, NameVia};
use crate::record::Via;
use crate::span::overlapping;
use crate::{EntityKind, Span};
use std::collections::{HashMap, HashSet};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

impl Resolution {
    /// The mention covering `offset`, if any.
    #[allow(dead_code)] // used by the relation passes
    pub(crate) fn mention_at(&self, offset: usize) -> Option<&DocMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= offset);
        self.mentions.get(i).filter(|m| m.span.start <= offset)
    }
}

/// Surnames of the gazetteer's people: last word of each name and alias → entries.
#[derive(Debug, Default)]
pub(crate) struct SurnameIndex {
    map: HashMap<String, Vec<usize>>,
}

impl SurnameIndex {
    pub(crate) fn build(gaz: &Gazetteer) -> SurnameIndex {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in gaz.entries.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let mut seen = HashSet::new();
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if let Some(s) = surname(n) {
                    if seen.insert(s) {
                        map.entry(s.to_string()).or_default().push(i);
                    }
                }
            }
        }
        SurnameIndex { map }
    }

    fn unique(&self, surname: &str) -> Option<usize> {
        match self.map.get(surname).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }

    fn all(&self, surname: &str) -> &[usize] {
        self.map.get(surname).map_or(&[], Vec::as_slice)
    }
}

/// The last word of a name of two words or more.
fn surname(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let last = words.next_back()?;
    (first != last).then_some(last)
}

/// Builder state: entities by key, mentions so far.
struct Builder<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    out: Resolution,
    by_entry: HashMap<usize, usize>,
    by_name: HashMap<(EntityKind, String), usize>,
}

impl<'a> Builder<'a> {
    fn entry_entity(&mut self, entry: usize) -> usize {
        if let Some(&i) = self.by_entry.get(&entry) {
            return i;
        }
        let e = self.gaz.entry(entry);
        self.out.entities.push(DocEntity {
            kind: e.kind,
            name: e.name.clone(),
            entry: Some(entry),
            gender: e.gender,
            roles: Vec::new(),
        });
        let i = self.out.entities.len() - 1;
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
        self.out.entities.push(DocEntity {
            kind,
            name: name.clone(),
            entry: None,
            gender,
            roles: Vec::new(),
        });
        let i = self.out.entities.len() - 1;
        self.by_name.insert((kind, name), i);
        i
    }

    fn add(&mut self, span: Span, entity: usize, via: Via) {
        self.out.mentions.push(DocMention { span, entity, via });
    }

    fn add_role(&mut self, entity: usize, role: HeldRole) {
        let roles = &mut self.out.entities[entity].roles;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
}

/// Resolves the mentions of one document.
pub(crate) fn resolve(
    gaz: &Gazetteer,
    lex: &NameLexicon,
    surnames: &SurnameIndex,
    doc: &Document,
    found: &GazetteerMentions,
    names: &NameMentions,
) -> Resolution {
    let text = doc.text();
    let mut b = Builder {
        gaz,
        text,
        out: Resolution::default(),
        by_entry: HashMap::new(),
        by_name: HashMap::new(),
    };

    // 1. Gazetteer mentions, and full names found by rule.
    let swallowed: HashSet<Span> = names.swallowed.iter().copied().collect();
    for m in &found.mentions {
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
    for &(span, entry) in &names.offices {
        let e = b.entry_entity(entry);
        b.add(span, e, Via::Pattern);
    }
    let mut short_names = Vec::new();
    for n in &names.names {
        if n.kind == EntityKind::Person && n.words < 2 {
            short_names.push(n.clone());
            continue;
        }
        let name = n
            .canonical
            .clone()
            .unwrap_or_else(|| canonical(&text[n.span]));
        let e = match n.kind {
            EntityKind::Person => person_variant(&b, &name)
                .unwrap_or_else(|| b.named_entity(EntityKind::Person, name, n.gender)),
            kind => b.named_entity(kind, name, None),
        };
        let via = match n.via {
            NameVia::Title => Via::Title,
            NameVia::GivenName => Via::GivenName,
            NameVia::Pattern => Via::Pattern,
        };
        b.add(n.span, e, via);
    }

    // 2. Roles from titles before names.
    let entity_at: HashMap<Span, usize> =
        b.out.mentions.iter().map(|m| (m.span, m.entity)).collect();
    let title_of: HashMap<Span, &crate::names::TitleMention> = names
        .titles
        .iter()
        .filter_map(|t| t.name.map(|n| (n, t)))
        .collect();
    for t in &names.titles {
        let info = lex.title(t.title);
        let Some(name) = t.name else { continue };
        let Some(&entity) = entity_at.get(&name) else {
            continue;
        };
        if b.out.entities[entity].gender.is_none() {
            b.out.entities[entity].gender = info.gender;
        }
        if let Some(role) = &info.role {
            b.add_role(
                entity,
                HeldRole {
                    role: role.clone(),
                    country: t.country,
                },
            );
        }
    }

    // 3. Short names after titles and honorifics.
    let mut doc_names = DocNames::build(&b);
    for n in &short_names {
        // A styled name ("Prince Faisal") is looked up by its name word, as a given name.
        let styled = n.canonical.is_some();
        let full = &text[n.span];
        let word = full.split_whitespace().last().unwrap_or(full);
        doc_names.update(&b);
        let entity = doc_names
            .surname(word)
            .filter(|_| !styled)
            .or_else(|| doc_names.family_name_first(gaz, word, true))
            .or_else(|| {
                let title = title_of.get(&n.span).map(|t| lex.title(t.title));
                let role = title.and_then(|t| t.role.as_deref());
                (!styled)
                    .then(|| gazetteer_surname(gaz, surnames, word, role))
                    .flatten()
                    .map(|entry| b.entry_entity(entry))
            })
            .unwrap_or_else(|| {
                let name = n.canonical.clone().unwrap_or_else(|| word.to_string());
                b.named_entity(EntityKind::Person, name, n.gender)
            });
        if b.out.entities[entity].gender.is_none() {
            b.out.entities[entity].gender = n.gender;
        }
        let via = if b.out.entities[entity].name == full {
            Via::Title
        } else {
            Via::ShortForm
        };
        b.add(n.span, entity, via);
        if let Some(t) = title_of.get(&n.span) {
            if let Some(role) = &lex.title(t.title).role {
                b.add_role(
                    entity,
                    HeldRole {
                        role: role.clone(),
                        country: t.country,
                    },
                );
            }
        }
    }

    // 4. Gazetteer roles held at the article's date.
    let date = doc.civil_date();
    for i in 0..b.out.entities.len() {
        let Some(entry) = b.out.entities[i].entry else {
            continue;
        };
        let roles: Vec<HeldRole> = gaz
            .entry(entry)
            .roles
            .iter()
            .filter(|r| date.is_none_or(|d| r.holds_on(d)))
            .map(|r| HeldRole {
                role: r.role.clone(),
                country: gaz.by_id.get(&r.of).copied(),
            })
            .collect();
        for r in roles {
            b.add_role(i, r);
        }
    }

    // 5. Appositions: "Oleg Vasko, Russia's deputy foreign minister,".
    let ending: HashMap<usize, usize> = b
        .out
        .mentions
        .iter()
        .map(|m| (m.span.end, m.entity))
        .collect();
    for t in names.titles.iter().filter(|t| t.name.is_none()) {
        let info = lex.title(t.title);
        let Some(role) = &info.role else { continue };
        let before = &text[..t.lead];
        let before = strip_determiner(before.trim_end());
        let Some(before) = before.strip_suffix(',') else {
            continue;
        };
        let person = ending
            .get(&before.len())
            .copied()
            .filter(|&e| b.out.entities[e].kind == EntityKind::Person);
        if let Some(p) = person {
            b.add_role(
                p,
                HeldRole {
                    role: role.clone(),
                    country: t.country,
                },
            );
        }
    }

    // 6. Acronyms in parentheses after an institution.
    b.out.mentions.sort_by_key(|m| m.span.start);
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    let mut acronym_mentions = Vec::new();
    for m in &b.out.mentions {
        if b.out.entities[m.entity].kind != EntityKind::Institution {
            continue;
        }
        let rest = &text[m.span.end..];
        let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.split_once(')')) else {
            continue;
        };
        let acr = inner.0;
        if (2..=10).contains(&acr.len())
            && acr
                .chars()
                .all(|c| c.is_uppercase() || c == '&' || c == '-')
        {
            let span = Span::new(m.span.end + 2, m.span.end + 2 + acr.len());
            if overlapping(&b.out.mentions, span, |m| m.span).is_none() {
                acronym_mentions.push((span, m.entity));
            }
            acronyms.entry(acr.to_string()).or_insert(m.entity);
        }
    }
    for (span, e) in acronym_mentions {
        b.add(span, e, Via::Alias);
    }

    // 7. Short forms anywhere: surnames of the document's people, introduced acronyms, and
    //    surnames only one gazetteer person has.
    b.out.mentions.sort_by_key(|m| m.span.start);
    let tokens = doc.tokens();
    let mut covered: Vec<Span> = b.out.mentions.iter().map(|m| m.span).collect();
    covered.extend(found.demonyms.iter().map(|d| d.span));
    covered.sort_by_key(|s| s.start);
    let title_spans: Vec<Span> = names.titles.iter().map(|t| t.span).collect();
    enum Target {
        Entity(usize),
        Entry(usize),
    }
    let mut additions = Vec::new();
    let doc_names = DocNames::build(&b);
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || overlaps_any(&covered, t.span) {
            continue;
        }
        let word = &text[t.span];
        if let Some(&e) = acronyms.get(word) {
            additions.push((t.span, Target::Entity(e), Via::Alias));
            continue;
        }
        if !is_capitalised(word) || overlaps_any(&title_spans, t.span) {
            continue;
        }
        // A hyphenated surname: "Al-Rashidi", "Ben-Haddou".
        if let (Some(h), Some(n)) = (tokens.get(i + 1), tokens.get(i + 2)) {
            let glued = h.span.start == t.span.end && n.span.start == h.span.end;
            if glued && &text[h.span] == "-" && n.kind == TokenKind::Word {
                let span = Span::new(t.span.start, n.span.end);
                if !overlaps_any(&covered, span) {
                    if let Some(e) = doc_names.surname(&text[span]) {
                        additions.push((span, Target::Entity(e), Via::ShortForm));
                        continue;
                    }
                }
            }
        }
        if let Some(e) = doc_names
            .surname(word)
            .or_else(|| doc_names.family_name_first(gaz, word, false))
        {
            additions.push((t.span, Target::Entity(e), Via::ShortForm));
            continue;
        }
        let isolated = !neighbour_is_name(text, tokens, i);
        let plain = word.chars().count() >= 4
            && !gaz.given_names.contains_key(word)
            && !gaz.name_words.contains_key(word);
        if isolated && plain {
            if let Some(entry) = surnames.unique(word) {
                additions.push((t.span, Target::Entry(entry), Via::ShortForm));
            }
        }
    }
    for (span, target, via) in additions {
        let entity = match target {
            Target::Entity(e) => e,
            Target::Entry(entry) => b.entry_entity(entry),
        };
        b.add(span, entity, via);
    }
    b.out.mentions.sort_by_key(|m| m.span.start);

    // 8. Role nouns: "the Russian foreign minister".
    let mut role_mentions = Vec::new();
    for t in names.titles.iter().filter(|t| t.name.is_none()) {
        let info = lex.title(t.title);
        if info.kind == TitleKind::Honorific {
            continue;
        }
        let Some(role) = &info.role else { continue };
        let before = text[..t.lead].trim_end();
        // The mention is the title's words; the country before them keeps its own mention.
        let start = t.span.start;
        let determined = t.country.is_some()
            || ["the", "The", "his", "her", "His", "Her", "its", "their"]
                .iter()
                .any(|d| {
                    before.ends_with(d)
                        && crate::segment::is_boundary(before, before.len() - d.len())
                });
        if !determined {
            continue;
        }
        let holders: Vec<usize> = (0..b.out.entities.len())
            .filter(|&e| {
                let ent = &b.out.entities[e];
                let gender_ok = match (info.gender, ent.gender) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                gender_ok
                    && ent
                        .roles
                        .iter()
                        .any(|r| &r.role == role && (t.country.is_none() || r.country == t.country))
            })
            .collect();
        if let [one] = holders.as_slice() {
            let span = Span::new(start, t.span.end);
            if !overlaps_any(&covered, span) {
                role_mentions.push(DocMention {
                    span,
                    entity: *one,
                    via: Via::Role,
                });
            }
        }
    }
    b.out.mentions.extend(role_mentions);
    b.out.mentions.sort_by_key(|m| m.span.start);

    // 9. Pronouns.
    let pronouns = resolve_pronouns(doc, &b.out);
    b.out.mentions.extend(pronouns);
    b.out.mentions.sort_by_key(|m| m.span.start);
    b.out
}

/// Whitespace collapsed, a leading "the " dropped.
fn canonical(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")) {
        Some(rest) if rest.contains(' ') => rest.to_string(),
        _ => s,
    }
}

/// An existing person whose surname is the same and whose given name is a variant.
fn person_variant(b: &Builder<'_>, name: &str) -> Option<usize> {
    let (given, last) = name.split_once(' ').map(|(g, _)| g).zip(surname(name))?;
    b.out.entities.iter().position(|e| {
        e.kind == EntityKind::Person
            && surname(&e.name) == Some(last)
            && e.name
                .split_whitespace()
                .next()
                .is_some_and(|g| given_variants(g, given))
    })
}

/// Whether two given names are the same name written differently: equal after folding
/// common transliteration differences, or one is the other's initial.
pub(crate) fn given_variants(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |x: &str, y: &str| {
        let x = x.trim_end_matches('.');
        x.chars().count() == 1 && y.starts_with(x)
    };
    if initial(a, b) || initial(b, a) {
        return true;
    }
    fold_given(a) == fold_given(b)
}

fn fold_given(s: &str) -> String {
    let mut t = s.to_lowercase();
    for (from, to) in [
        ("iy", "i"),
        ("yy", "i"),
        ("ey", "ei"),
        ("ye", "e"),
        ("ks", "x"),
        ("ph", "f"),
        ("y", "i"),
        ("j", "i"),
    ] {
        t = t.replace(from, to);
    }
    t
}

/// The surnames and first words of the document's people, for short forms: built in one
/// pass over the entities and mentions, so looking a word up costs O(1).
#[derive(Default)]
struct DocNames {
    /// Last word of a person's name, of a multi-word mention, or of a gazetteer alias; and
    /// the capitalised middle words of a name of three words or more.
    surnames: HashMap<String, Vec<usize>>,
    /// First word of a person's name of two words or more.
    first_words: HashMap<String, Vec<usize>>,
    /// How many entities are indexed.
    indexed: usize,
}

impl DocNames {
    fn build(b: &Builder<'_>) -> DocNames {
        let mut names = DocNames::default();
        names.update(b);
        for m in &b.out.mentions {
            if b.out.entities[m.entity].kind == EntityKind::Person {
                if let Some(last) = surname(&b.text[m.span]) {
                    push_unique(
                        names.surnames.entry(last.to_string()).or_default(),
                        m.entity,
                    );
                }
            }
        }
        names
    }

    /// Indexes the entities added since the last call.
    fn update(&mut self, b: &Builder<'_>) {
        for (i, e) in b.out.entities.iter().enumerate().skip(self.indexed) {
            if e.kind != EntityKind::Person {
                continue;
            }
            let aliases = e
                .entry
                .map_or(&[][..], |entry| &b.gaz.entry(entry).aliases[..]);
            for n in std::iter::once(&e.name).chain(aliases) {
                if let Some(last) = surname(n) {
                    push_unique(self.surnames.entry(last.to_string()).or_default(), i);
                }
            }
            let words: Vec<&str> = e.name.split_whitespace().collect();
            if let [first, _, ..] = words.as_slice() {
                push_unique(self.first_words.entry(first.to_string()).or_default(), i);
            }
            // A long name is often shortened to a middle word ("Lula" for "Luiz Inácio Lula
            // da Silva"): capitalised and not a listed word; like a surname it counts only when
            // one person of the document has it.
            if words.len() >= 3 {
                for w in &words[1..words.len() - 1] {
                    let capitalised = w.starts_with(char::is_uppercase) && w.chars().count() >= 3;
                    if capitalised && !b.gaz.name_words.contains_key(*w) {
                        push_unique(self.surnames.entry(w.to_string()).or_default(), i);
                    }
                }
            }
        }
        self.indexed = b.out.entities.len();
    }

    /// The one person with this surname; `None` when nobody or several people have it.
    fn surname(&self, word: &str) -> Option<usize> {
        only(self.surnames.get(word))
    }

    /// The one person whose name starts with this word, for names written family name
    /// first ("President Park" for "Park Sun Hee"). A bare word that is a known given name
    /// is not taken (after a title it is a surname: "President Park").
    fn family_name_first(&self, gaz: &Gazetteer, word: &str, after_title: bool) -> Option<usize> {
        if !after_title && gaz.given_names.contains_key(word) {
            return None;
        }
        only(self.first_words.get(word))
    }
}

fn push_unique(list: &mut Vec<usize>, e: usize) {
    if !list.contains(&e) {
        list.push(e);
    }
}

fn only(list: Option<&Vec<usize>>) -> Option<usize> {
    match list.map(Vec::as_slice) {
        Some([one]) => Some(*one),
        _ => None,
    }
}

/// The gazetteer person with this surname: the only one, or the only one holding the
/// title's role.
fn gazetteer_surname(
    gaz: &Gazetteer,
    surnames: &SurnameIndex,
    word: &str,
    role: Option<&str>,
) -> Option<usize> {
    if let Some(e) = surnames.unique(word) {
        return Some(e);
    }
    let role = role?;
    let holders: Vec<usize> = surnames
        .all(word)
        .iter()
        .copied()
        .filter(|&e| gaz.entry(e).roles.iter().any(|r| r.role == role))
        .collect();
    match holders.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn strip_determiner(s: &str) -> &str {
    for d in ["the", "a", "an", "his", "her", "its", "then", "former"] {
        if let Some(rest) = s.strip_suffix(d) {
            if rest.ends_with(|c: char| c.is_whitespace()) {
                return rest.trim_end();
            }
        }
    }
    s
}

/// Whether `span` overlaps one of `spans`, which are sorted and do not overlap each other.
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(span))
}

fn is_capitalised(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
}

/// Whether the word token `i` stands next to another capitalised word (separated by one
/// space), so that it is part of a longer name nobody resolved.
fn neighbour_is_name(text: &str, tokens: &[crate::Token], i: usize) -> bool {
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

/// "he"/"she" → the most recent person of compatible gender in this or the previous
/// paragraph.
fn resolve_pronouns(doc: &Document, res: &Resolution) -> Vec<DocMention> {
    let text = doc.text();
    let paragraphs = doc.paragraphs();
    let persons: Vec<&DocMention> = res
        .mentions
        .iter()
        .filter(|m| res.entities[m.entity].kind == EntityKind::Person)
        .collect();
    let mut out = Vec::new();
    for t in doc.tokens() {
        let gender = match &text[t.span] {
            "he" | "He" => Gender::Male,
            "she" | "She" => Gender::Female,
            _ => continue,
        };
        let para = paragraphs.partition_point(|p| p.end <= t.span.start);
        let floor = para
            .checked_sub(1)
            .and_then(|p| paragraphs.get(p))
            .map_or(0, |p| p.start);
        // In an attribution after the words ("..., he said."), the speaker is rarely a
        // person named inside those words: look before the sentence.
        let attribution = text[..t.span.start]
            .trim_end()
            .ends_with([',', '"', '\u{201D}']);
        let limit = if attribution {
            doc.sentence_at(t.span.start)
                .map_or(t.span.start, |s| doc.sentences()[s].span.start)
        } else {
            t.span.start
        };
        let before = persons.partition_point(|m| m.span.start < limit);
        let antecedent = persons[..before]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= floor)
            .find(|m| {
                res.entities[m.entity]
                    .gender
                    .is_none_or(|g| g == gender || g == Gender::Unisex)
            });
        if let Some(m) = antecedent {
            out.push(DocMention {
                span: t.span,
                entity: m.entity,
                via: Via::Pronoun,
            });
        }
    }
    out
}
