//! The kind of an open-world name from evidence (see the [parent module](super)): its own
//! words, each place it stands, the names it is listed with, and its shape.

use super::{
    after_initials, gazetteer_knows, given_initials_surname, is_namey, is_title, outlet_name,
    person_after_possessive, person_shaped, spaced, surname_after_given, syllable_given_name, team,
    Key, Run, Shape, TokenCursor, Tokens,
};
use crate::gazetteer::{ClassSet, FunctionClass, RoleNounClass, WordClass, WordTag};
use crate::hash::FastMap;
use crate::names::{is_acronym, NameVia, Pass};
use crate::packed::Quads;
use crate::segment::{Token, TokenKind};
use crate::{EntityKind, Span};

/// Evidence for each kind, summed over a name's occurrences, with the most certain rule
/// that voted for each kind.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Votes {
    pub(super) person: i32,
    pub(super) place: i32,
    pub(super) institution: i32,
    via: [Option<NameVia>; 3],
    /// The name is a known given name and a common word ("Jon Baker"): its person vote
    /// needs the context's support.
    pub(super) given_and_common: bool,
    /// The name is a family name and a two-syllable given name ("Leung Wai-hung"): its
    /// shape holds even when many names share the family name.
    pub(super) syllable_name: bool,
}

fn slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Institution => 2,
    }
}

impl Votes {
    fn add(&mut self, kind: EntityKind, weight: i32, via: NameVia) {
        match kind {
            EntityKind::Person => self.person += weight,
            EntityKind::Place => self.place += weight,
            EntityKind::Institution => self.institution += weight,
        }
        let best = &mut self.via[slot(kind)];
        if weight > 0 && best.is_none_or(|v| rank(via) < rank(v)) {
            *best = Some(via);
        }
    }

    pub(super) fn merge(&mut self, other: Votes) {
        self.person += other.person;
        self.place += other.place;
        self.institution += other.institution;
        self.given_and_common |= other.given_and_common;
        self.syllable_name |= other.syllable_name;
        for (mine, theirs) in self.via.iter_mut().zip(other.via) {
            if let Some(v) = theirs {
                if mine.is_none_or(|w| rank(v) < rank(w)) {
                    *mine = Some(v);
                }
            }
        }
    }

    /// The kind with the most evidence, if any has some and no other ties with it.
    pub(super) fn winner(&self) -> Option<EntityKind> {
        let all = [
            (EntityKind::Person, self.person),
            (EntityKind::Place, self.place),
            (EntityKind::Institution, self.institution),
        ];
        let best = all.iter().map(|(_, v)| *v).max().unwrap_or(0);
        if best <= 0 {
            return None;
        }
        let mut winners = all.iter().filter(|(_, v)| *v == best);
        match (winners.next(), winners.next()) {
            (Some((k, _)), None) => Some(*k),
            _ => None,
        }
    }

    /// The most certain rule that voted for `kind`.
    pub(super) fn via(&self, kind: EntityKind) -> Option<NameVia> {
        self.via[slot(kind)]
    }
}

/// Lower is more certain.
fn rank(via: NameVia) -> u8 {
    match via {
        NameVia::Title => 0,
        NameVia::GivenName => 1,
        NameVia::Pattern => 2,
        NameVia::Context => 3,
        NameVia::Shape => 4,
    }
}

/// "Kofi Mensah, Noor-ul-Amin and Lina Farouk": a name with no kind of its own, listed
/// with names of one kind (joined by commas, "and", "or"), takes their kind. A person only
/// when its words are name-like.
pub(super) fn coordination_votes(
    pass: &Pass<'_>,
    facts: &Tokens<'_>,
    found: &[(Run, Key)],
    pooled: &mut FastMap<Key, Votes>,
) {
    let list = List {
        pass,
        facts,
        kind_at: kinds_by_token(pass, facts, found, pooled),
        last_list: std::cell::Cell::new((0, 0)),
    };
    let mut add: Vec<(Key, EntityKind)> = Vec::new();
    for (run, key) in found {
        // "his son Tomas, Lyons' executive vice president": a possessor stands in an
        // apposition, not in a list.
        if possessive_after(facts, *run) {
            continue;
        }
        // "Kim Soo, Jon Baker and Lee Min": a given name and a common word has a weak
        // kind of its own, which a list of people confirms.
        let weak = pooled[key].given_and_common && pooled[key].person < 2;
        // A gloss outweighs shape alone ("Norske Jernbaner" looks like a person's
        // name).
        if let Some(kind) = list.glossed_by(*run).filter(|_| pooled[key].person <= 1) {
            add.push((key.clone(), kind));
            continue;
        }
        if pooled[key].winner().is_some() && !weak {
            continue;
        }
        let left = list.neighbour(run.start as isize - 1, -1);
        let right = list.neighbour(run.end as isize, 1);
        let kind = match (left, right) {
            (Some(a), Some(b)) if a != b => None,
            (a, b) => a.or(b),
        }
        .or_else(|| list.introduced_by_noun(*run));
        let name_like = weak
            || (run.start..run.end).all(|j| {
                facts.tokens[j].kind != TokenKind::Word
                    || is_namey(pass, facts, j)
                    || facts.shapes[j] == Shape::Other
            });
        // A known given name with a surname is no place nor organisation a list could
        // make it ("Ana Ruiz, Bergen and Oslo"); alone it may be either ("Georgia, Ohio and
        // Florida", "Acme, Dell and Tickbox").
        let full = pass.ctx.given_gender(run.start).is_some() && run.end - run.start > 1;
        match kind {
            Some(EntityKind::Person) if !name_like => {}
            Some(EntityKind::Place | EntityKind::Institution) if full => {}
            Some(k) => add.push((key.clone(), k)),
            None => {}
        }
    }
    for (key, kind) in add {
        if let Some(v) = pooled.get_mut(&key) {
            v.add(kind, 2, NameVia::Context);
        }
    }
}

/// The names of a text as a list reads them: the kind of the name at each token.
struct List<'a, 'p> {
    pass: &'a Pass<'p>,
    facts: &'a Tokens<'a>,
    kind_at: Quads<Option<EntityKind>>,
    /// The last run whose list was walked back and that list's first token: a later run
    /// of the same list stops there, so each list is walked once (candidates come in text
    /// order).
    last_list: std::cell::Cell<(usize, usize)>,
}

impl List<'_, '_> {
    /// A comma, "&" or a list conjunction ("and", "or") at token `j`.
    fn joiner(&self, j: usize) -> bool {
        let w = &self.facts.text[self.facts.tokens[j].span];
        matches!(w, "," | "&")
            || self
                .pass
                .ctx
                .is_lower_function(w, FunctionClass::ListConjunction)
    }

    /// The kind of the name listed next to token `j` going `step` (-1 left, +1 right),
    /// across one or two joiners; `None` without a joiner or a named neighbour. "Tomas,
    /// Lyons' executive": a possessor to the right is no list item.
    fn neighbour(&self, mut j: isize, step: isize) -> Option<EntityKind> {
        let (facts, kind_at) = (self.facts, &self.kind_at);
        let mut joined = 0;
        while j >= 0 && (j as usize) < facts.tokens.len() && self.joiner(j as usize) && joined < 2 {
            j += step;
            joined += 1;
        }
        if joined == 0 || j < 0 || j as usize >= facts.tokens.len() {
            return None;
        }
        let kind = kind_at[j as usize]?;
        let mut end = j as usize;
        while end + 1 < facts.tokens.len() && kind_at[end + 1] == Some(kind) {
            end += 1;
        }
        let possessor = step > 0 && apostrophe_at(facts.text, facts.tokens[end].span.end);
        (!possessor).then_some(kind)
    }

    /// "villages such as Harlowby, Kestrelmoor and Dunvarra", "firms including Tickbox":
    /// the kind of the noun that a list introducer (`list_introducer`) joins to the list
    /// holding the run. The list is walked back over its names and joiners.
    fn introduced_by_noun(&self, run: Run) -> Option<EntityKind> {
        let facts = self.facts;
        let (last_run, last_first) = self.last_list.get();
        let mut first = run.start;
        while first > 0 && (self.joiner(first - 1) || facts.shapes[first - 1] != Shape::Other) {
            first -= 1;
            if first == last_run {
                first = last_first;
                break;
            }
        }
        self.last_list.set((run.start, first));
        let lex = self.pass.ctx.words;
        let introducer = (1..=2).filter(|&n| first > n).find(|&n| {
            let phrase = Span::new(
                facts.tokens[first - n].span.start,
                facts.tokens[first - 1].span.end,
            );
            lex.is(&facts.text[phrase], FunctionClass::ListIntroducer)
        })?;
        // After a comma the list may belong to a noun further back ("the tribes of
        // five districts, including ..."): only the noun right before counts.
        let noun = facts.tokens[first - introducer - 1].span;
        noun_kind(lex.role_classes(&facts.text[noun]))
    }

    /// "Norske Jernbaner (Norwegian Railways, NJ)": the kind of the translation in
    /// parentheses right after the run (not a person's: "Ana Ruiz (Labour)").
    fn glossed_by(&self, run: Run) -> Option<EntityKind> {
        let facts = self.facts;
        let open = facts.tokens.get(run.end)?;
        let first = facts.tokens.get(run.end + 1)?;
        let opens = &facts.text[open.span] == "("
            && facts.text[facts.tokens[run.end - 1].span.end..open.span.start] == *" "
            && open.span.end == first.span.start;
        if !opens {
            return None;
        }
        self.kind_at[run.end + 1].filter(|&k| k != EntityKind::Person)
    }
}

/// For each token, the kind of the name that covers it, if one does: a gazetteer
/// mention, a name an earlier rule found, or a candidate whose votes give it a kind.
fn kinds_by_token(
    pass: &Pass<'_>,
    facts: &Tokens<'_>,
    found: &[(Run, Key)],
    pooled: &FastMap<Key, Votes>,
) -> Quads<Option<EntityKind>> {
    let mut kind_at = Quads::new(facts.tokens.len());
    let (mut starts, mut ends) = (
        TokenCursor::new(facts.tokens),
        TokenCursor::new(facts.tokens),
    );
    let mut mark = |span: Span, kind: EntityKind| {
        let from = starts.first_from(span.start);
        let to = ends.first_from(span.end);
        kind_at.set_range(from, to, Some(kind));
    };
    for m in &pass.ctx.found.mentions {
        mark(m.span, pass.ctx.gaz.entry(m.entry).kind);
    }
    for n in &pass.out.names {
        mark(n.span, n.kind);
    }
    for (run, key) in found {
        if let Some(kind) = pooled[key].winner() {
            let span = Span::new(
                facts.tokens[run.start].span.start,
                facts.tokens[run.end - 1].span.end,
            );
            mark(span, kind);
        }
    }
    kind_at
}

/// Evidence from the candidate's own words.
pub(super) fn inner_votes(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Votes {
    let mut v = Votes::default();
    let last = run.end - 1;
    let classes = pass.ctx.classes(last);
    let single = run.end - run.start == 1;
    let first_head = !single && pass.ctx.classes(run.start).has(WordClass::OrgHead);
    if classes.has(WordClass::CorporateSuffix) || classes.has(WordClass::OrgHead) || first_head {
        v.add(EntityKind::Institution, 4, NameVia::Pattern);
    } else if classes.has(WordClass::PlaceWord) || classes.has(WordClass::Facility) {
        v.add(EntityKind::Place, 4, NameVia::Pattern);
    } else if team(pass, facts, run) || outlet_name(pass, facts, run) {
        v.add(EntityKind::Institution, 3, NameVia::Pattern);
    }
    // "Acme Corp." / "Tata Steel Ltd": a corporate suffix right after the run.
    if let Some(next) = facts.tokens.get(run.end) {
        let w = &facts.text[next.span];
        if spaced(facts.text, &facts.tokens[last], next)
            && pass
                .ctx
                .gaz
                .name_words
                .get(w)
                .is_some_and(|c| c.has(WordClass::CorporateSuffix))
        {
            v.add(EntityKind::Institution, 4, NameVia::Pattern);
        }
    }
    let given = pass.ctx.given_gender(after_initials(facts, run)).is_some()
        && person_shaped(pass, facts, run)
        || given_initials_surname(pass, facts, run);
    if given {
        v.add(EntityKind::Person, 3, NameVia::GivenName);
    } else if !single
        && pass.ctx.person_noun_at(last)
        && pass.ctx.given_gender(after_initials(facts, run)).is_none()
    {
        // "the Commanding Officer": a role, not its holder ("Paul Nurse" is a person).
        v.add(EntityKind::Person, -4, NameVia::Pattern);
    }
    if single
        && !dotted(facts, run.start)
        && !is_title(pass, facts, run.start)
        && !abbreviates_term(pass, facts, run.start)
    {
        let shape = facts.shapes[run.start];
        let w = &facts.text[facts.tokens[run.start].span];
        let roman = w.chars().all(|c| "IVXLCDM".contains(c));
        let acronym = shape == Shape::Capitals
            && is_acronym(w)
            && !roman
            && !w.chars().any(|c| c.is_ascii_digit())
            && !pass.ctx.classes(run.start).has(WordClass::NotName);
        let inner = !facts.initial[run.start]
            && (shape == Shape::Inner || shape == Shape::Capitalised && inner_capital(pass, w));
        if acronym || inner {
            v.add(EntityKind::Institution, 1, NameVia::Shape);
        }
    }
    // "Severnaya Kalinaya Kompaniya (SKK)": an acronym of the name's initials after it;
    // not for a term of common words ("Gross Domestic Product (GDP)").
    if !single && !common_term(pass, facts, run) && acronym_follows(facts, run) {
        v.add(EntityKind::Institution, 4, NameVia::Pattern);
    }
    if syllable_given_name(pass, facts, run) {
        v.add(EntityKind::Person, 2, NameVia::Shape);
        v.syllable_name = true;
    } else if !given && person_shaped(pass, facts, run) {
        v.add(EntityKind::Person, 1, NameVia::Shape);
    }
    if surname_after_given(pass, facts, run) {
        v.add(EntityKind::Person, 1, NameVia::GivenName);
        v.given_and_common = true;
    }
    v
}

/// Whether token `j` is glued by periods to its neighbours ("REPUBLIKA.CO.ID").
fn dotted(facts: &Tokens<'_>, j: usize) -> bool {
    let t = facts.tokens[j].span;
    let glued_dot = |k: usize| facts.text[facts.tokens[k].span] == *".";
    let before = j > 0 && facts.tokens[j - 1].span.end == t.start && glued_dot(j - 1);
    let after = facts
        .tokens
        .get(j + 1)
        .is_some_and(|n| n.span.start == t.end)
        && glued_dot(j + 1)
        && facts
            .tokens
            .get(j + 2)
            .is_some_and(|n| n.span.start == facts.tokens[j + 1].span.end);
    before || after
}

/// Whether every word of the run is an English word (a name too: "Gross") of no name
/// class ("Gross Domestic Product", "Reactive Oxygen Species").
fn common_term(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    (run.start..run.end).all(|j| {
        let w = &facts.text[facts.tokens[j].span];
        let common = crate::lexicon::with_lower(w, |w| pass.ctx.gaz.words.get(w).is_some());
        facts.tokens[j].kind != TokenKind::Word || common && pass.ctx.classes(j).is_empty()
    })
}

/// "GDP" of "Gross Domestic Product (GDP)": an acronym in parentheses right after the
/// common-word term whose initials it is abbreviates the term; it names nothing.
fn abbreviates_term(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    let t = facts.tokens;
    if j < 2 || &facts.text[t[j - 1].span] != "(" {
        return false;
    }
    let end = j - 1;
    let mut start = end;
    while start > 0
        && end - start < 8
        && t[start - 1].kind == TokenKind::Word
        && facts.shapes[start - 1] == Shape::Capitalised
    {
        start -= 1;
    }
    let run = Run { start, end };
    start < end && common_term(pass, facts, run) && acronym_follows(facts, run)
}

/// Whether " (XYZ)" follows the run, XYZ made of the initials of its words.
fn acronym_follows(facts: &Tokens<'_>, run: Run) -> bool {
    let end = facts.tokens[run.end - 1].span.end;
    let Some(rest) = facts.text[end..].strip_prefix(" (") else {
        return false;
    };
    let Some((acr, _)) = rest.split_once(')') else {
        return false;
    };
    let initials: String = (run.start..run.end)
        .filter(|&j| facts.tokens[j].kind == TokenKind::Word)
        .filter_map(|j| facts.text[facts.tokens[j].span].chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    acr.chars().count() >= 2
        && acr.chars().all(|c| c.is_uppercase() || c == '&')
        && initials.starts_with(acr.chars().next().unwrap_or(' '))
        && acr.chars().all(|c| c == '&' || initials.contains(c))
}

/// "GameStop", "VinFast": a capital after lower-case letters, not after a name prefix
/// ("McAdam", "DeSantis", "MacLeod", "LeBron" are people's names).
fn inner_capital(pass: &Pass<'_>, w: &str) -> bool {
    let Some((k, _)) = w
        .char_indices()
        .skip(1)
        .find(|(i, c)| c.is_uppercase() && w[..*i].chars().last().is_some_and(char::is_lowercase))
    else {
        return false;
    };
    let prefix = w[..k].to_lowercase();
    !pass
        .ctx
        .gaz
        .name_words
        .get(prefix.as_str())
        .is_some_and(|c| c.has(WordClass::Particle))
}

/// Evidence from where the candidate stands: the word before it and what follows it.
pub(super) fn context_votes(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Votes {
    let mut v = Votes::default();
    if run.start > 0 {
        votes_before(pass, facts, run, &mut v);
    }
    votes_after(pass, facts, run, &mut v);
    v
}

/// Whether a possessive "'s" (or a bare apostrophe) follows the run, glued to it.
fn possessive_after(facts: &Tokens<'_>, run: Run) -> bool {
    apostrophe_at(facts.text, facts.tokens[run.end - 1].span.end)
}

/// Whether an apostrophe (straight or curly) starts at `offset`.
fn apostrophe_at(text: &str, offset: usize) -> bool {
    text[offset..].starts_with(['\'', '’'])
}

/// Whether `before` and the word `pw` end with a cue phrase that names its speaker after
/// it ("according to", class `speaker_after` of `speech_verbs.tsv`).
fn ends_speaker_phrase(pass: &Pass<'_>, before: &str, pw: &str) -> bool {
    pass.ctx.words.cues.phrases.iter().any(|(phrase, class)| {
        let Some((last, rest)) = phrase.split_last() else {
            return false;
        };
        *class == crate::gazetteer::SpeechClass::SpeakerAfter
            && same_word(pw, last)
            && before
                .split_whitespace()
                .rev()
                .zip(rest.iter().rev())
                .filter(|(w, p)| same_word(w, p))
                .count()
                == rest.len()
    })
}

/// Whether a word of the text is a lexicon word (written in lower case), in any case.
fn same_word(word: &str, lower: &str) -> bool {
    crate::lexicon::with_lower(word, |w| w == lower)
}

/// Evidence from the word before the candidate: "in X", "lawyers at X", "his son X", "the
/// town of X", "Seattle-based X", "the X", "said X".
fn votes_before(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, v: &mut Votes) {
    let lex = pass.ctx.words;
    let (first, prev, pw, before) = word_before(facts, run);
    locative_votes(pass, facts, run, v);
    noun_before_votes(pass, facts, run, v);
    // "the MP for Harlowby North", "member of parliament for Wold East": a legislator's
    // seat is a place (a constituency).
    if pw == "for" && seat_title_before(pass, before) {
        v.add(EntityKind::Place, 3, NameVia::Context);
    }
    // "the coastal town of Mamallapuram", "the village of Busia".
    if pw == "of" {
        let noun = before
            .split_whitespace()
            .next_back()
            .map(|w| w.to_lowercase())
            .unwrap_or_default();
        if lex.role_classes(&noun).has(RoleNounClass::PlaceNoun) {
            v.add(EntityKind::Place, 3, NameVia::Context);
        }
    }
    if pass
        .ctx
        .classes(run.start - 1)
        .has(WordClass::SeatParticiple)
        && before.ends_with('-')
    {
        v.add(EntityKind::Institution, 3, NameVia::Context);
    }
    // "told the Harlow Courier": a listener with an article is an outlet or a body.
    let told = before
        .split_whitespace()
        .next_back()
        .and_then(|w| lex.cues.verbs.get(w))
        .is_some_and(|c| *c == crate::gazetteer::SpeechClass::Tell);
    if told && pw.eq_ignore_ascii_case("the") {
        v.add(EntityKind::Institution, 2, NameVia::Context);
    }
    if lex.is(pw, FunctionClass::Definite)
        && !facts.initial[run.start]
        && pw.starts_with(char::is_lowercase)
    {
        v.add(EntityKind::Person, -2, NameVia::Context);
    }
    let inverted = matches!(
        lex.cues.verbs.get(pw),
        Some(crate::gazetteer::SpeechClass::Verb)
    );
    // "said Ana Ruiz", not "said Wold's Ana Ruiz" (the speaker is the possessed name).
    if inverted && prev.span.end < first.span.start && !possessive_after(facts, run) {
        v.add(speaker_kind(pass, facts, run), 2, NameVia::Context);
    }
}

/// Evidence from a common noun right before the candidate, or before "called"/"named": a
/// person ("his son Tomas"), a work ("the film Harlow Nights"), an organisation ("the
/// retailer Tickbox"), or whatever the noun is ("a village named Wold").
fn noun_before_votes(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, v: &mut Votes) {
    let lex = pass.ctx.words;
    let (_, _, pw, before) = word_before(facts, run);
    // "his son Tomas", "lawyer Ana Ruiz": a noun for a person right before the name.
    let pr = lex.role_classes(&pw.to_lowercase());
    if (pr.has(RoleNounClass::Relative) || pr.has(RoleNounClass::PersonNoun))
        && pw.starts_with(char::is_lowercase)
    {
        v.add(EntityKind::Person, 3, NameVia::Context);
    }
    // "the film Harlow Nights", "his solo exhibition, Wold Rain.": a work's title, right
    // after the noun or in apposition to it, names nothing.
    if pr.has(RoleNounClass::Work) && pw.starts_with(char::is_lowercase)
        || apposed_to_work(pass, facts, run, pw, before)
    {
        for kind in [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Institution,
        ] {
            v.add(kind, -4, NameVia::Context);
        }
    }
    // "the retailer Tickbox", "plastics maker Harlowplast": a noun for an organisation
    // (not before a person's name: "manufacturer Jon Baker", "publisher Ana Ruiz").
    if pr.has(RoleNounClass::InstitutionNoun)
        && pw.starts_with(char::is_lowercase)
        && !person_named(pass, facts, run)
    {
        v.add(EntityKind::Institution, 3, NameVia::Context);
    }
    // "a company called Tickbox", "a village named Wold": the noun before the naming
    // participle gives the kind.
    if pass.ctx.classes(run.start - 1).has(WordClass::Naming) {
        if let Some(kind) = naming_noun_kind(pass, before) {
            v.add(kind, 3, NameVia::Context);
        }
    }
}

/// Whether `before` ends in the title of a legislator ("MP", "Senator", "member of
/// parliament"; role `legislator` of `titles.tsv`), in one to three words.
fn seat_title_before(pass: &Pass<'_>, before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    (1..=words.len()).any(|n| {
        let phrase = words[..n]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        pass.ctx
            .gaz
            .titles
            .get(&phrase)
            .is_some_and(|t| t.role.as_deref() == Some("legislator"))
    })
}

/// The kind of the lower-case noun ending `before` ("a company", "a small village"), if it
/// names one kind only.
fn naming_noun_kind(pass: &Pass<'_>, before: &str) -> Option<EntityKind> {
    let noun = before.split_whitespace().next_back()?;
    if !noun.starts_with(char::is_lowercase) {
        return None;
    }
    noun_kind(pass.ctx.words.role_classes(noun))
}

/// The one kind a role noun's classes name (a person, an organisation or a place noun);
/// `None` for none or several.
fn noun_kind(classes: ClassSet<RoleNounClass>) -> Option<EntityKind> {
    let kinds = [
        (RoleNounClass::PersonNoun, EntityKind::Person),
        (RoleNounClass::InstitutionNoun, EntityKind::Institution),
        (RoleNounClass::PlaceNoun, EntityKind::Place),
    ];
    let mut found = kinds
        .iter()
        .filter(|(c, _)| classes.has(*c))
        .map(|(_, k)| *k);
    match (found.next(), found.next()) {
        (Some(kind), None) => Some(kind),
        _ => None,
    }
}

/// "his solo exhibition, Wold Rain." / "the album: Harlow Nights,": a name set off by
/// punctuation right after a noun for a work is the work's title. Not the object of "of"
/// ("the author of the book, Ana Ruiz, said": the apposition is the author's), and only
/// when the name ends there ("In the novel, Ana leaves" is no apposition).
fn apposed_to_work(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, pw: &str, before: &str) -> bool {
    if !matches!(pw, "," | ":") {
        return false;
    }
    let lex = pass.ctx.words;
    let mut words = before.split_whitespace().rev();
    let noun = words.next().unwrap_or("");
    let work =
        noun.starts_with(char::is_lowercase) && lex.role_classes(noun).has(RoleNounClass::Work);
    let in_of_phrase = words.take(3).any(|w| w == "of");
    let closed = facts
        .tokens
        .get(run.end)
        .is_none_or(|t| matches!(&facts.text[t.span], "," | "." | ";" | ")"));
    work && !in_of_phrase && closed
}

/// The candidate's first token, the token before it, that token's word and the text
/// before that word (the candidate does not start the text).
fn word_before<'t>(facts: &Tokens<'t>, run: Run) -> (Token, Token, &'t str, &'t str) {
    let (text, toks) = (facts.text, facts.tokens);
    let prev = toks[run.start - 1];
    (
        toks[run.start],
        prev,
        &text[prev.span],
        &text[..prev.span.start],
    )
}

/// Evidence from a locative right before the candidate ("in X", "lawyers at X"), or before
/// a place modifier before it ("in southern X").
fn locative_votes(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, v: &mut Votes) {
    let text = facts.text;
    let lex = pass.ctx.words;
    let (first, prev, pw, before) = word_before(facts, run);
    // "differentiating themselves from Ostrov": a word that is the surname of one
    // gazetteer person is read as that person by resolution, not as a place.
    if run.end - run.start == 1 && pass.ctx.surnames.unique(&text[first.span]).is_some() {
        return;
    }
    // "in Brekov's office": before a possessive, the locative's object is the thing
    // possessed, not the name. "according to Rankwise": the object of a phrase that names
    // a speaker is a source, not a place.
    if lex.is(pw, FunctionClass::Locative)
        && prev.span.end < first.span.start
        && !possessive_after(facts, run)
        && !ends_speaker_phrase(pass, before, pw)
    {
        let (kind, weight) = after_locative(pass, pw, before);
        v.add(kind, weight, NameVia::Context);
    }
    // "in southern Wold": a locative, a place modifier, then the name.
    let modified = pass
        .ctx
        .classes(run.start - 1)
        .has(WordClass::PlaceModifier)
        && before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| lex.is(w, FunctionClass::PlacePreposition));
    if modified {
        v.add(EntityKind::Place, 2, NameVia::Context);
    }
}

/// The kind and weight a locative word `pw` gives the name after it (`before` is the text
/// before the word): an institution after an `affiliation` word that follows a noun for a
/// person ("lawyers at Perkins Coie", "an official at the agency") or a `piece` ("an
/// article in Rankwise"), else a place, more
/// surely after a `place_preposition` ("in", "near").
fn after_locative(pass: &Pass<'_>, pw: &str, before: &str) -> (EntityKind, i32) {
    let lex = pass.ctx.words;
    let noun = before.split_whitespace().next_back().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let noun = lex.role_classes(noun.as_deref().unwrap_or_default());
    let person_before = noun.has(RoleNounClass::PersonNoun) || noun.has(RoleNounClass::Anonymous);
    if pass.ctx.is_lower_function(pw, FunctionClass::Affiliation) && person_before {
        return (EntityKind::Institution, 2);
    }
    // "an article in Rankwise", "an interview on Radio Wold": the outlet that carries it.
    if noun.has(RoleNounClass::Piece) {
        return (EntityKind::Institution, 3);
    }
    let strong = lex.is(pw, FunctionClass::PlacePreposition);
    (EntityKind::Place, if strong { 2 } else { 1 })
}

/// Evidence from what follows the candidate: "X-based", "X said", "X's wife", "X, 34,",
/// "X, a lawyer".
fn votes_after(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, v: &mut Votes) {
    let (text, toks) = (facts.text, facts.tokens);
    let last = toks[run.end - 1];
    let rest = &text[last.span.end..];
    if let Some(after) = rest.strip_prefix('-') {
        let w = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let participle = pass
            .ctx
            .gaz
            .name_words
            .get(w)
            .is_some_and(|c| c.has(WordClass::PlaceParticiple));
        if participle {
            v.add(EntityKind::Place, 3, NameVia::Context);
        }
    }
    let Some(next) = toks.get(run.end) else {
        return;
    };
    let nw = &text[next.span];
    if is_speech_verb(pass, nw) && last.span.end < next.span.start {
        v.add(speaker_kind(pass, facts, run), 2, NameVia::Context);
    }
    if matches!(nw, "'" | "’") && toks.get(run.end + 1).is_some_and(|s| &text[s.span] == "s") {
        let after = toks.get(run.end + 2).map_or(text.len(), |t| t.span.start);
        if let Some(kind) = possessed(pass, text, after) {
            v.add(kind, 2, NameVia::Context);
        } else if person_after_possessive(pass, facts, run)
            && !(run.start..run.end).any(|j| gazetteer_knows(pass, facts, j))
        {
            v.add(EntityKind::Institution, 1, NameVia::Context);
        }
    }
    if nw == "," || nw == "(" {
        if let Some((kind, weight)) = apposition(pass, text, next.span.end) {
            v.add(kind, weight, NameVia::Context);
        }
    }
    votes_of_next_word(pass, facts, run, v);
}

/// Evidence from the word right after the candidate: a title it qualifies ("Tickbox CEO
/// Ana Ruiz"), a noun for its inhabitants ("Wold residents") or for its spokespeople ("a
/// Tickbox spokesman").
fn votes_of_next_word(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, v: &mut Votes) {
    let (text, toks) = (facts.text, facts.tokens);
    let last = toks[run.end - 1];
    let Some(next) = toks.get(run.end) else {
        return;
    };
    let nw = &text[next.span];
    // "Tickbox CEO Ana Ruiz", "Wold Party Deputy Ana Ruiz": a name that qualifies the
    // title of the person named after it is that person's organisation or place, not a
    // person (unless it is shaped like one: "Ostrov Education Secretary Ana Ruiz").
    let qualifies_title = is_title(pass, facts, run.end)
        && spaced(facts.text, &last, next)
        && toks.get(run.end + 1).is_some_and(|n| {
            spaced(facts.text, next, n)
                && n.kind == TokenKind::Word
                && n.span.start < n.span.end
                && text[n.span].starts_with(char::is_uppercase)
        });
    let known_person_words = pass.ctx.given_gender(run.start).is_some()
        || !pass.ctx.surnames.all(&text[last.span]).is_empty();
    if qualifies_title && !known_person_words {
        v.add(EntityKind::Person, -3, NameVia::Context);
    }
    // "the Harlowby district", "the Lwold, Nomwold and Khawold areas": a noun for a place
    // (not after an acronym: "the WBC town hall" is a broadcaster's).
    let acronym = run.end - run.start == 1 && facts.shapes[run.start] == Shape::Capitals;
    // The classes of a lower-case noun right after the name.
    let noun = if nw.starts_with(char::is_lowercase) && last.span.end < next.span.start {
        pass.ctx.words.role_classes(nw)
    } else {
        Default::default()
    };
    if !acronym && noun.has(RoleNounClass::PlaceNoun) {
        v.add(EntityKind::Place, 2, NameVia::Context);
    }
    // "defeating Wold 49-48", "Harlow 2-1": a name with a score is a team.
    let score = next.kind == TokenKind::Number
        && last.span.end < next.span.start
        && toks
            .get(run.end + 1)
            .is_some_and(|d| matches!(&text[d.span], "-" | "–") && d.span.start == next.span.end)
        && toks.get(run.end + 2).is_some_and(|n| {
            n.kind == TokenKind::Number && n.span.start == toks[run.end + 1].span.end
        })
        && toks
            .get(run.end + 3)
            .is_none_or(|n| n.span.start > toks[run.end + 2].span.end || &text[n.span] != "-");
    if score {
        v.add(EntityKind::Institution, 3, NameVia::Context);
    }
    // "Harlowby resident Ana Ruiz", "Wold natives": where they live or come from.
    if noun.has(RoleNounClass::Inhabitant) {
        v.add(EntityKind::Place, 3, NameVia::Context);
    }
    // "a Harlow Steel spokesman", "Tickbox officials": a name that modifies a noun for
    // someone who speaks for an organisation is that organisation (not a person's name:
    // a person's spokesman is a famous person's, whom the gazetteer knows).
    if noun.has(RoleNounClass::Anonymous) && !person_named(pass, facts, run) {
        v.add(EntityKind::Institution, 2, NameVia::Context);
    }
}

/// The kind of a name that speaks ("X said", "said X"): a person, unless its words make it
/// an institution ("Harlow Council said", "ACLU said", "GameStop said").
fn speaker_kind(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> EntityKind {
    let inner = inner_votes(pass, facts, run);
    let institutional = inner.institution > inner.person.max(0)
        || (run.start..run.end).any(|j| {
            pass.ctx.classes(j).meets(crate::gazetteer::ClassSet::of(&[
                WordClass::OrgHead,
                WordClass::Facility,
                WordClass::CorporateSuffix,
            ]))
        });
    if institutional {
        EntityKind::Institution
    } else {
        EntityKind::Person
    }
}

/// Whether the run may be a person's name: its shape, a known given name first, or a last
/// word that is the surname of a gazetteer person ("Ostrov aides").
fn person_named(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let last = &facts.text[facts.tokens[run.end - 1].span];
    person_shaped(pass, facts, run)
        || pass.ctx.given_gender(run.start).is_some()
        || !pass.ctx.surnames.all(last).is_empty()
}

fn is_speech_verb(pass: &Pass<'_>, word: &str) -> bool {
    use crate::gazetteer::SpeechClass;
    matches!(
        pass.ctx.words.cues.verbs.get(word),
        Some(SpeechClass::Verb | SpeechClass::Tell)
    )
}

/// What a noun after "X's" says about X: a part of an organisation or a relative. (Not a
/// place noun: "Ostrov's home state" is a person's.)
fn possessed(pass: &Pass<'_>, text: &str, from: usize) -> Option<EntityKind> {
    let window = Span::new(from, (from + 40).min(text.len()));
    let window = Span::new(from, crate::segment::floor_char_boundary(text, window.end));
    let (span, classes) = pass.ctx.words.roles.find(text, window).into_iter().next()?;
    // The noun must come first, or after one or two modifiers ("X's new chief executive").
    let gap = text[from..span.start].split_whitespace().count();
    if gap > 2 {
        return None;
    }
    let part = classes.has(RoleNounClass::InstitutionPart);
    let relative = classes.has(RoleNounClass::Relative);
    match (part, relative) {
        (true, false) => Some(EntityKind::Institution),
        (false, true) => Some(EntityKind::Person),
        _ => None,
    }
}

/// ", 34," → person; ", a lawyer" / ", the video game retailer" → the noun's kind.
fn apposition(pass: &Pass<'_>, text: &str, from: usize) -> Option<(EntityKind, i32)> {
    let rest = text[from..].trim_start();
    let at = text.len() - rest.len();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) && rest[digits..].starts_with([',', ')']) {
        return Some((EntityKind::Person, 3));
    }
    // The phrase up to the next comma or stop: a determiner, then the head noun within
    // the next few words ("the video game retailer", "the law firm leading the inquiry").
    let end = rest
        .find([',', '.', ';', ')', '('])
        .map_or(rest.len(), |k| k);
    let phrase = Span::new(at, at + end);
    let first = text[phrase].split_whitespace().next().unwrap_or("");
    let determiner = pass.ctx.words.is(first, FunctionClass::Determiner)
        || pass.ctx.words.is(first, FunctionClass::Possessive);
    if !determiner {
        return None;
    }
    // The head comes before a locative's object ("a Republican from the Wold area": not
    // the area); right after the determiner the word is an adjective ("an outside group").
    let window_end = text[phrase]
        .split_whitespace()
        .take(6)
        .enumerate()
        .take_while(|&(i, w)| i < 2 || !pass.ctx.words.is(w, FunctionClass::Locative))
        .map(|(_, w)| w)
        .last()
        .map_or(phrase.start, |w| {
            let off = w.as_ptr() as usize - text.as_ptr() as usize;
            off + w.len()
        });
    let window = Span::new(phrase.start, window_end.min(phrase.end));
    // Nouns written with a capital belong to a name inside the phrase ("a University of
    // Washington professor").
    let nouns: Vec<_> = pass
        .ctx
        .words
        .roles
        .find(text, window)
        .into_iter()
        .filter(|(s, _)| text[*s].starts_with(char::is_lowercase))
        .collect();
    let classes = apposition_head(pass, text, window, &nouns)?;
    noun_kind(classes).map(|kind| (kind, 5))
}

/// The classes of an apposition's head among its role `nouns` (lower-case, in `window`):
/// the role noun followed by no other noun of the phrase's first words, nor by a
/// capitalised word ("the former state Senate majority leader": "state" modifies), nor a
/// possessor ("the province's environment minister"), nor by a later role noun that only
/// adjectives and nouns lead to ("the Wold district agricultural officer": the officer; not
/// "a lawyer for the family", "a charity helping farm workers").
fn apposition_head(
    pass: &Pass<'_>,
    text: &str,
    window: Span,
    nouns: &[(Span, ClassSet<RoleNounClass>)],
) -> Option<ClassSet<RoleNounClass>> {
    let modifier = |w: &str| {
        pass.ctx.words.function_classes(w).is_empty()
            && pass.ctx.gaz.words.get(w).is_some_and(|i| {
                (i.tags.has(WordTag::Adj) || i.tags.has(WordTag::Noun))
                    && !i.tags.has(WordTag::VerbIng)
                    && !i.tags.has(WordTag::VerbPastPart)
            })
    };
    let later_head = |s: Span| {
        nouns
            .iter()
            .any(|(t, _)| t.start > s.end && text[s.end..t.start].split_whitespace().all(modifier))
    };
    nouns
        .iter()
        .find(|(s, _)| {
            let next = text[s.end..window.end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let possessor = text[s.end..].starts_with(['\'', '’']);
            pass.ctx.words.role_classes(next).is_empty()
                && !next.starts_with(char::is_uppercase)
                && !possessor
                && !later_head(*s)
        })
        .map(|(_, classes)| *classes)
}
