//! Roles: what people hold in the document, and role nouns that stand for them.
//!
//! - **Titles** before a name ("Japanese Foreign Minister Hana Mori") give the person that
//!   role in that country, and their gender when the title has one ("Mrs"), over the
//!   gender of a given name.
//! - **Gazetteer roles** held at the article's date (all of them without a date).
//! - **Appositions** ("Oleg Vasko, Russia's deputy foreign minister,") give the role too.
//! - **Role nouns** with no name ("the Russian foreign minister", "the President", a
//!   capitalised "President said") are a mention of the person holding that role here (the
//!   mention is the title's words; the country keeps its own mention): the only holder, else
//!   the holder named most often before it, the most recently named on a tie.

use super::{covered_spans, overlaps_any, Builder, DocMention, HeldRole, Inputs};
use crate::gazetteer::{ClassSet, FunctionClass, Title, TitleKind, WordTag};
use crate::hash::FastMap;
use crate::record::Via;
use crate::span::ending_at;
use crate::{EntityKind, Span};

/// Step 2: roles (and genders) from titles before names.
pub(super) fn title_roles(b: &mut Builder<'_>, input: &Inputs<'_>) {
    // The entity of the (last) mention at each span a title names; only those spans are
    // kept, not every mention of a long document.
    let mut entity_at: FastMap<Span, Option<usize>> = input
        .names
        .titles
        .iter()
        .filter_map(|t| Some((t.name?, None)))
        .collect();
    for m in &b.out.mentions {
        if let Some(slot) = entity_at.get_mut(&{ m.span }) {
            *slot = Some(m.entity);
        }
    }
    for t in &input.names.titles {
        let info = input.names_lex.title(t.title);
        let Some(name) = t.name else { continue };
        let Some(&Some(entity)) = entity_at.get(&name) else {
            continue;
        };
        // A gendered title ("Mr Johnson") outweighs the statistics of a given name ("Jo"
        // is mostly a woman's name); a gazetteer person's own gender stands.
        let ent = &mut b.out.entities[entity];
        if info.gender.is_some() && (ent.gender.is_none() || ent.entry.is_none()) {
            ent.gender = info.gender;
        }
        if let Some(role) = role_key(info) {
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

/// Step 4: the roles gazetteer people hold at the article's date.
pub(super) fn gazetteer_roles(b: &mut Builder<'_>, input: &Inputs<'_>) {
    let date = input.doc.civil_date();
    for i in 0..b.out.entities.len() {
        let Some(entry) = b.out.entities[i].entry else {
            continue;
        };
        let roles: Vec<HeldRole> = input
            .gaz
            .entry(entry)
            .roles
            .iter()
            .filter(|r| date.is_none_or(|d| r.holds_on(d)))
            .map(|r| HeldRole {
                role: r.role.to_string(),
                country: input.gaz.by_id.get(&r.of).copied(),
            })
            .collect();
        for r in roles {
            b.add_role(i, r);
        }
    }
}

/// Step 5: "Oleg Vasko, Russia's deputy foreign minister,": a title with no name after it,
/// right after a person and a comma (and a determiner), is that person's role.
pub(super) fn apposition_roles(b: &mut Builder<'_>, input: &Inputs<'_>) {
    let appositions = appositions(input);
    // The entity of the (last) mention ending at each place an apposition needs; only
    // those places are kept, not every mention of a long document.
    let mut ending: FastMap<usize, Option<usize>> = appositions
        .iter()
        .flat_map(|a| std::iter::once(a.end).chain(a.title_after))
        .map(|end| (end, None))
        .collect();
    for m in &b.out.mentions {
        if let Some(slot) = ending.get_mut(&{ m.span }.end) {
            *slot = Some(m.entity);
        }
    }
    let entity_ending = |end: usize| ending.get(&end).copied().flatten();
    for a in appositions {
        let person = entity_ending(a.end)
            .or_else(|| a.title_after.and_then(entity_ending))
            .filter(|&e| b.out.entities[e].kind == EntityKind::Person);
        if let Some(p) = person {
            b.add_role(p, a.role);
        }
    }
}

/// A title in apposition: the role it gives, where the name before it would end, and
/// where it would end past a title after that name.
struct Apposition {
    role: HeldRole,
    end: usize,
    title_after: Option<usize>,
}

/// The titles with no name after them that stand in apposition after a comma, in order.
fn appositions(input: &Inputs<'_>) -> Vec<Apposition> {
    let text = input.doc.text();
    let mut out = Vec::new();
    for t in input.names.titles.iter().filter(|t| t.name.is_none()) {
        let info = input.names_lex.title(t.title);
        let Some(role) = role_key(info) else { continue };
        let before = strip_determiner(input, text[..t.lead].trim_end());
        let Some(before) = before.strip_suffix(',') else {
            continue;
        };
        // "Tim Cook, the PM underlined": a verb after the title makes it a new subject.
        if !apposition_closes(input, t.span.end) {
            continue;
        }
        // "Jo Holm MP, the Minister for ...": over a title after the name.
        let title_after = ending_at(&input.names.titles, before.len(), |x| x.span)
            .map(|x| text[..x.span.start].trim_end().len());
        out.push(Apposition {
            role: HeldRole {
                role,
                country: t.country,
            },
            end: before.len(),
            title_after,
        });
    }
    out
}

/// The role a title gives, as the resolution compares roles: the role name, or for the
/// catch-all `other` (coach, owner, lawyer, analyst) the title itself, so that "the coach"
/// is never the lawyer.
pub(super) fn role_key(info: &Title) -> Option<String> {
    match info.role.as_deref()? {
        "other" => Some(format!("other:{}", info.title.to_lowercase())),
        role => Some(role.to_string()),
    }
}

/// Whether an apposition's title ending at `end` closes there: punctuation, the end of the
/// text or a preposition continuing it ("..., the deputy minister of trade,") follows, not a
/// verb.
fn apposition_closes(input: &Inputs<'_>, end: usize) -> bool {
    let rest = input.doc.text()[end..].trim_start();
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_alphanumeric() {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    input
        .lex
        .function_classes(&word.to_lowercase())
        .has(FunctionClass::Preposition)
}

/// `s` without a determiner or possessive at its end ("…, the" → "…,").
fn strip_determiner<'s>(input: &Inputs<'_>, s: &'s str) -> &'s str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(s.len(), |(i, _)| i);
    let word = &s[start..];
    let classes = input.lex.function_classes(word);
    let determiner = classes.meets(ClassSet::of(&[
        FunctionClass::Determiner,
        FunctionClass::Possessive,
        FunctionClass::Qualifier,
    ]));
    if !word.is_empty() && determiner && s[..start].ends_with(char::is_whitespace) {
        s[..start].trim_end()
    } else {
        s
    }
}

/// Step 8: role nouns ("the Russian foreign minister") as mentions of their one holder.
pub(super) fn role_nouns(b: &Builder<'_>, input: &Inputs<'_>) -> Vec<DocMention> {
    let text = input.doc.text();
    let covered = covered_spans(&b.out.mentions, input.demonyms);
    // The holders of each role, in entity order, and where each entity is mentioned: looked
    // up per role noun instead of reading every entity and every mention before it.
    let mut by_role: FastMap<&str, Vec<usize>> = FastMap::default();
    for (e, ent) in b.out.entities.iter().enumerate() {
        for r in &ent.roles {
            let list = by_role.entry(r.role.as_str()).or_default();
            if list.last() != Some(&e) {
                list.push(e);
            }
        }
    }
    let mut starts: Option<Vec<Vec<usize>>> = None;
    let mut out = Vec::new();
    for t in input.names.titles.iter().filter(|t| t.name.is_none()) {
        let info = input.names_lex.title(t.title);
        if info.kind == TitleKind::Honorific {
            continue;
        }
        let Some(role) = role_key(info) else { continue };
        // The mention is the title's words; the country before them keeps its own mention.
        // A capitalised office with no name after it stands alone ("President said").
        let capitalised =
            text[t.span].starts_with(char::is_uppercase) && stands_alone(input, t.span.end);
        let determined = t.country.is_some() || capitalised || {
            let lead = past_modifiers(input, &covered, t.lead);
            let before = text[..lead].trim_end();
            let start = word_start(before);
            let classes = input.lex.function_classes(&before[start..]);
            classes.has(FunctionClass::Definite) || classes.has(FunctionClass::Possessive)
        };
        if !determined {
            continue;
        }
        let holders: Vec<usize> = by_role
            .get(role.as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
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
                        .any(|r| r.role == role && (t.country.is_none() || r.country == t.country))
            })
            .collect();
        let Some(holder) = most_salient(b, &mut starts, &holders, t.span.start) else {
            continue;
        };
        let span = Span::new(t.span.start, t.span.end);
        if !overlaps_any(&covered, span) {
            out.push(DocMention {
                span,
                entity: holder,
                via: Via::Role,
            });
        }
    }
    out
}

/// Where the last word of `before` starts.
fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(before.len(), |(i, _)| i)
}

/// The start of the modifiers before a title at `lead`: up to two words, each a name
/// mention ("the Kremlin aide") or a lower-case adjective ("the presidential aide", "the
/// veteran minister"), so that the determiner before them can be read.
fn past_modifiers(input: &Inputs<'_>, covered: &[Span], lead: usize) -> usize {
    let text = input.doc.text();
    let mut at = lead;
    for _ in 0..2 {
        let before = text[..at].trim_end();
        if before.len() == at || !text[before.len()..at].chars().all(|c| c == ' ') {
            break;
        }
        let start = word_start(before);
        let word = &before[start..];
        let mention = ending_at(covered, before.len(), |s| *s).filter(|s| s.start <= start);
        let adjective = word.starts_with(char::is_lowercase)
            && input.lex.function_classes(word).is_empty()
            && input
                .gaz
                .words
                .get(word)
                .is_some_and(|i| i.tags.has(WordTag::Adj));
        match mention {
            Some(m) => at = m.start,
            None if adjective => at = start,
            None => break,
        }
    }
    at
}

/// Whether the words after a capitalised title at `end` leave it standing for a person by
/// itself ("President said", "the Chairman, who"): punctuation or a lower-case word that
/// is not a preposition or determiner ("Minister of Foreign Affairs of Hungary Anna
/// Kovacs" introduces a name).
fn stands_alone(input: &Inputs<'_>, end: usize) -> bool {
    let rest = input.doc.text()[end..].trim_start();
    let word: &str = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return !rest.is_empty();
    }
    let classes = input.lex.function_classes(word);
    word.starts_with(char::is_lowercase)
        && !classes.has(FunctionClass::Preposition)
        && !classes.has(FunctionClass::Determiner)
}

/// The holder a role noun at `at` stands for: the only one, else the one named most often
/// before it (the person the story is about), the most recently named on a tie. A holder
/// not yet named when several are is never chosen.
fn most_salient(
    b: &Builder<'_>,
    starts: &mut Option<Vec<Vec<usize>>>,
    holders: &[usize],
    at: usize,
) -> Option<usize> {
    match holders {
        [] => None,
        [one] => Some(*one),
        _ => {
            // Where each entity is mentioned, in text order (the mentions are sorted).
            let starts = starts.get_or_insert_with(|| {
                let mut starts = vec![Vec::new(); b.out.entities.len()];
                for m in &b.out.mentions {
                    if let Some(list) = starts.get_mut(m.entity) {
                        list.push(m.span.start);
                    }
                }
                starts
            });
            // (mentions before `at`, start of the last of them) per holder named before it.
            holders
                .iter()
                .filter_map(|&e| {
                    let list = starts.get(e)?;
                    let before = list.partition_point(|&s| s < at);
                    let last = *list.get(before.checked_sub(1)?)?;
                    Some((e, (before, last)))
                })
                .max_by_key(|&(_, key)| key)
                .map(|(e, _)| e)
        }
    }
}
