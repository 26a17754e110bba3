//! Open-world names: every capitalised name the other rules left, its kind read from
//! evidence, the gazetteer being the strongest evidence but not the gate.
//!
//! # Candidates
//!
//! A candidate is a maximal run of name tokens: capitalised words ("Okafor"), short
//! all-capital words ("AV", "NATO"), words with an inner capital ("GameStop", "McAdam"),
//! joined by single spaces (a line break inside a paragraph counts as a space), by hyphens
//! and apostrophes inside a name ("Noor-ul-Amin", "O'Neill", "Ng'ang'a"), by initials' periods
//! ("J. R. Smith"), by name particles between two name words ("Luiz da Silva") and by the
//! connectors of organisation names ("Harlow & Wold Council"). A possessive "'s" ends a
//! run; before "'s" and a capitalised word, a run is the start of a longer name ("Fisherman's
//! Cove") unless it is a person's full name ("Ana Ruiz's Last Song"). Then:
//!
//! - a function word at the start ("The", "In", "But") is dropped (a leading "The" is kept
//!   as evidence that the name is no person);
//! - a common English word (`words.tsv`, not also a name) at the start of a sentence, after
//!   an opening quote mark or anywhere in a headline is a name only with evidence, so it is
//!   dropped ("Police said", "Despite Smith's", "Asked whether"); in a headline each such
//!   word ends the run;
//! - a connector ("of", "and", "&", "the") stays inside only when the run ends in a word
//!   that makes it an organisation or a place ("Harlow & Wold Council"); otherwise the
//!   run is cut there ("Ana Ruiz of Acme" gives "Ana Ruiz" and "Acme");
//! - a run that is exactly a gazetteer name is left to the gazetteer; one that holds a
//!   gazetteer name and more words swallows it when its last word makes it an organisation,
//!   a place or a building ("Dallas Cowboys", "Apple Park") or when the name is a small town
//!   inside a person's name ("Tyre Nichols"), and is cut around it otherwise.
//!
//! # Kind from evidence
//!
//! Every candidate text gathers evidence from its own words and from each place it occurs
//! (one name, one kind per article); the strongest kind wins:
//!
//! - **its words**: a corporate suffix ("Inc", "Ltd", "AG") or an organisation head noun
//!   ("Council", "Trust") at the end → institution; a place noun ("County", "River") or a
//!   building noun ("Park", "Stadium") at the end → place; a plural common noun at the end
//!   ("Cowboys", "Monkeys") → institution (teams, bands); a known given name first (after
//!   any initials: "L. Ana Ruiz") and a name-like word last → person; a short family name
//!   and a given name of two hyphenated syllables ("Leung Wai-hung", "Park Ji-won") →
//!   person, whatever the syllables mean in English; an acronym or a word with an inner capital on its own
//!   ("NATO", "GameStop") → institution;
//! - **its context**: "in"/"near"/"from" before it, or "-based" after it → place; "X, 34," →
//!   person; an apposition ", a lawyer" / ", the video game retailer" / ", a border town" →
//!   the kind of its noun (`role_nouns.tsv`); "X's chief executive" → institution, "X's wife"
//!   → person; the subject of a speech verb ("X said", "said X") → person (an institution
//!   when its words say so); "the X" (not at a sentence start) → not a person;
//! - **its shape**, when nothing else speaks: two or more name-like words (not common English
//!   words) → person.
//!
//! A candidate with no kind (a single word with no evidence, a run of common words such as
//! "Free Trade") gives no name; resolution may still read a single word as the short form of a
//! name ("Okafor" for "Ngozi Okafor").

use super::{one_char, Pass, RuleName};
use crate::gazetteer::{FunctionClass, RoleNounClass, WordClass, WordTag};
use crate::hash::{FastMap, FastSet};
use crate::lexicon::with_lower;
use crate::names::NameVia;
use crate::packed::{Flags, Quads, TwoBits};
use crate::segment::{Token, TokenKind};
use crate::span::{overlapping, starting_within};
use crate::{EntityKind, Span};

mod votes;

use votes::{context_votes, coordination_votes, inner_votes, Votes};

/// The most tokens a candidate may have.
const MAX_RUN_TOKENS: usize = 16;

/// How a token can take part in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// "Okafor", "O", "McAdam": a capital first, not all capitals.
    Capitalised,
    /// "NATO", "AV", "ABC7": two or more capitals and no lower-case letter.
    Capitals,
    /// "eBay", "iPhone": lower-case first, a capital inside.
    Inner,
    /// Anything else.
    Other,
}

impl TwoBits for Shape {
    const ALL: &'static [Shape; 4] = &[
        Shape::Other,
        Shape::Capitalised,
        Shape::Capitals,
        Shape::Inner,
    ];
}

fn shape(text: &str, t: &Token) -> Shape {
    if t.kind != TokenKind::Word {
        return Shape::Other;
    }
    let w = &text[t.span];
    // "Sh512", "P100", "P47,000", "Sh231m", "N2bn": a currency's short sign glued to an
    // amount (and its magnitude in one or two lower-case letters) is no name.
    if w.bytes().any(|b| b.is_ascii_digit()) {
        let letters = w.chars().take_while(|c| c.is_alphabetic()).count();
        let digits = w
            .chars()
            .skip(letters)
            .take_while(char::is_ascii_digit)
            .count();
        let magnitude = w.chars().skip(letters + digits).count();
        let lower = w
            .chars()
            .skip(letters + digits)
            .all(|c| c.is_ascii_lowercase());
        // "P47,000", "K19.5": the amount goes on past a separator and digits.
        let rest = &text.as_bytes()[t.span.end..];
        let grouped = matches!(rest, [b',' | b'.', d, ..] if d.is_ascii_digit());
        let amount = match magnitude {
            0 => digits >= 3 || digits >= 1 && grouped,
            1 | 2 => digits >= 1 && lower,
            _ => false,
        };
        if (1..=3).contains(&letters) && amount {
            return Shape::Other;
        }
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_uppercase() {
        if w.chars().nth(1).is_some() && !w.chars().any(char::is_lowercase) {
            Shape::Capitals
        } else {
            Shape::Capitalised
        }
    } else if first.is_lowercase() && chars.any(char::is_uppercase) {
        Shape::Inner
    } else {
        Shape::Other
    }
}

/// One candidate: a token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    start: usize,
    end: usize,
}

/// The text of a candidate (its words joined by single spaces), shared by the candidates of
/// that text.
pub(super) type Key = std::rc::Rc<str>;

/// Per-token facts the rule reads.
struct Tokens<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Taken by a name an earlier rule found (not merely by a gazetteer mention), or by a
    /// title ("Chief Minister").
    by_rule: Flags,
    shapes: Quads<Shape>,
    /// Sentence-initial-like: the first word of a sentence, after an opening quote mark or a
    /// colon.
    initial: Flags,
    /// In a paragraph written as a headline.
    headline: Flags,
}

/// The open-world rule: adds every candidate that gets a kind.
pub(super) fn open_names(pass: &mut Pass<'_>) {
    let facts = token_facts(pass);
    let runs = candidates(pass, &facts);
    let (found, mut pooled) = pooled_votes(pass, &facts, runs);
    no_shape_for_shared_first_words(pass, &found, &mut pooled);
    let people = people_named(pass, &found, &pooled);
    let known = Known {
        people: PeopleByWord::new(&people),
        acronyms: introduced_acronyms(&facts),
    };
    coordination_votes(pass, &facts, &found, &mut pooled);
    for (run, key) in found {
        let votes = pooled[&key];
        let Some((kind, via)) = kind_to_add(pass, &facts, &known, run, &key, votes) else {
            continue;
        };
        let span = Span::new(
            facts.tokens[run.start].span.start,
            facts.tokens[run.end - 1].span.end,
        );
        let gender = (kind == EntityKind::Person)
            .then(|| pass.ctx.given_gender(run.start))
            .flatten();
        pass.out.names.push(RuleName {
            span,
            kind,
            via: via.unwrap_or(NameVia::Context),
            words: name_words(&facts, run),
            gender,
            canonical: None,
        });
        super::mark(&mut pass.taken, run.start, run.end);
    }
}

/// Every candidate of the document: the maximal runs of name tokens, refined, in text
/// order. Read as they are needed (a long document's runs are never all held at once).
fn candidates<'p>(
    pass: &'p Pass<'_>,
    facts: &'p Tokens<'_>,
) -> impl Iterator<Item = Run> + use<'p> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < facts.tokens.len() {
            match read_run(pass, facts, i) {
                Some(run) => {
                    i = run.end;
                    return Some(refine(pass, facts, run));
                }
                None => i += 1,
            }
        }
        None
    })
    .flatten()
}

/// The candidates that may be names, each with its text (its words joined by single
/// spaces), and the votes of each text. One name, one kind: a name's own words count once,
/// and each place it stands adds its context.
fn pooled_votes(
    pass: &Pass<'_>,
    facts: &Tokens<'_>,
    runs: impl Iterator<Item = Run>,
) -> (Vec<(Run, Key)>, FastMap<Key, Votes>) {
    let mut pooled: FastMap<Key, Votes> = FastMap::default();
    let mut found: Vec<(Run, Key)> = Vec::new();
    for run in runs {
        if only_class_words(pass, facts, run) {
            continue;
        }
        if before_possessed_name(pass, facts, run) || coordinated_with_common_noun(pass, facts, run)
        {
            continue;
        }
        // One copy of each text, shared by its runs (a long document repeats its names).
        let text = key_of(facts, run);
        let key = match pooled.get_key_value(text.as_str()) {
            Some((key, _)) => key.clone(),
            None => {
                let key = Key::from(text);
                pooled.insert(key.clone(), inner_votes(pass, facts, run));
                key
            }
        };
        if let Some(votes) = pooled.get_mut(&key) {
            votes.merge(context_votes(pass, facts, run));
        }
        found.push((run, key));
    }
    (found, pooled)
}

/// "Ngāti Paoa", "Ngāti Tamaoho", "Ngāti Whātua": a first word shared by three names or
/// more that is no given name is a common word of those names (a tribe's, a port's), not
/// a person's name, so shape alone does not make them people. Not a family name before a
/// two-syllable given name ("Leung Wai-hung", "Leung Yiu-ming", "Leung Che-wing").
fn no_shape_for_shared_first_words(
    pass: &Pass<'_>,
    found: &[(Run, Key)],
    pooled: &mut FastMap<Key, Votes>,
) {
    let mut first_words: FastMap<&str, Vec<&str>> = FastMap::default();
    for (_, key) in found {
        if let (Some(first), true) = (key.split_whitespace().next(), key.contains(' ')) {
            let list = first_words.entry(first).or_default();
            if !list.contains(&&**key) {
                list.push(key);
            }
        }
    }
    let shared: Vec<String> = first_words
        .iter()
        .filter(|(w, keys)| keys.len() >= 3 && !pass.ctx.gaz.given_names.contains_key(**w))
        .flat_map(|(_, keys)| keys.iter().map(|k| k.to_string()))
        .collect();
    for key in shared {
        if let Some(v) = pooled.get_mut(key.as_str()) {
            if v.via(EntityKind::Person) == Some(NameVia::Shape) && !v.syllable_name {
                v.person = 0;
            }
        }
    }
}

/// The people named so far (see [`known_people`]) and the candidates of more than one
/// word that the votes make people, as lists of words.
fn people_named(
    pass: &Pass<'_>,
    found: &[(Run, Key)],
    pooled: &FastMap<Key, Votes>,
) -> Vec<Vec<String>> {
    let mut people = known_people(pass);
    let mut seen: FastSet<&str> = FastSet::default();
    for (run, key) in found {
        if run.end - run.start > 1
            && seen.insert(&**key)
            && pooled[key].winner() == Some(EntityKind::Person)
        {
            people.push(key.split_whitespace().map(str::to_string).collect());
        }
    }
    people
}

/// What the decision on each candidate reads besides its votes.
struct Known<'p> {
    /// The people named in the document.
    people: PeopleByWord<'p>,
    /// The acronyms written in parentheses after a name (a set: a long document has many).
    acronyms: FastSet<String>,
}

/// The kind (and the most certain rule that voted for it) of a candidate to add as a name,
/// or `None` when it gives no name.
///
/// A single word, or a shorter form, of a person's name is left to resolution, which reads
/// it as that person ("Okafor" for "Ngozi Okafor", "Lopez Obrador" for "Andres Manuel Lopez
/// Obrador"); so is an acronym introduced in parentheses.
fn kind_to_add(
    pass: &Pass<'_>,
    facts: &Tokens<'_>,
    known: &Known<'_>,
    run: Run,
    key: &str,
    votes: Votes,
) -> Option<(EntityKind, Option<NameVia>)> {
    let kind = votes.winner()?;
    let single = name_words(facts, run) == 1;
    let words: Vec<&str> = key.split_whitespace().collect();
    let shorter_form = known.people.longer_with_all(&words);
    if (shorter_form && (single || kind == EntityKind::Person)) || known.acronyms.contains(key) {
        return None;
    }
    // A bare given name is a person only when the text says so ("his son Tomas",
    // "Christie said"); else resolution may read it as the first name of a person named in
    // full.
    if single
        && kind == EntityKind::Person
        && pass.ctx.given_gender(run.start).is_some()
        && votes.person < 2
    {
        return None;
    }
    // A given name and a common word ("Jon Baker") is a person only when the context
    // says so too.
    if kind == EntityKind::Person && votes.person < 2 && votes.given_and_common {
        return None;
    }
    // A single letter, or a single common word without a head ("the Annex"), is no name.
    if single
        && (one_char(key)
            || (is_common(pass, facts, run.start) || pass.ctx.is_very_common(run.start))
                && !elided_capital(facts, run.start)
                && votes.via(kind) != Some(NameVia::Pattern))
    {
        return None;
    }
    let via = votes.via(kind);
    // Shape alone names a person only; an acronym needs its context too.
    if via == Some(NameVia::Shape)
        && kind != EntityKind::Person
        && !(votes.institution > 0 && votes.person <= 0 && single_shape(facts, run))
    {
        return None;
    }
    Some((kind, via))
}

/// People's names (as lists of words) indexed by word, so that finding a longer name holding
/// some words reads only the names holding the rarest of them, not every name.
struct PeopleByWord<'p> {
    people: &'p [Vec<String>],
    by_word: FastMap<&'p str, Vec<usize>>,
}

impl<'p> PeopleByWord<'p> {
    fn new(people: &'p [Vec<String>]) -> Self {
        let mut by_word: FastMap<&str, Vec<usize>> = FastMap::default();
        for (i, p) in people.iter().enumerate() {
            for w in p {
                let list: &mut Vec<usize> = by_word.entry(w.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        PeopleByWord { people, by_word }
    }

    /// Whether some name has more words than `words` and holds every one of them.
    fn longer_with_all(&self, words: &[&str]) -> bool {
        let holding = |p: &Vec<String>| {
            p.len() > words.len() && words.iter().all(|w| p.iter().any(|x| x == w))
        };
        let rarest = words
            .iter()
            .map(|w| self.by_word.get(w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|list| list.len());
        match rarest {
            Some(list) => list.iter().any(|&i| holding(&self.people[i])),
            None => self.people.iter().any(holding),
        }
    }
}

/// An acronym or a word with an inner capital standing alone ("NATO", "GameStop").
fn single_shape(facts: &Tokens<'_>, run: Run) -> bool {
    run.end - run.start == 1
        && matches!(
            facts.shapes[run.start],
            Shape::Capitals | Shape::Inner | Shape::Capitalised
        )
}

/// "Krishna's Butter Ball", "Fisherman's Cove": a run before "'s" and a capitalised word
/// that is no title is the start of a longer name, not a name of its own. Not a person's
/// full name ("Ana Ruiz's Last Song": the work of a person named before it).
fn before_possessed_name(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    if (2..=4).contains(&(run.end - run.start))
        && pass.ctx.given_gender(after_initials(facts, run)).is_some()
        && person_shaped(pass, facts, run)
    {
        return false;
    }
    let t = facts.tokens;
    let (Some(apo), Some(s), Some(next)) = (t.get(run.end), t.get(run.end + 1), t.get(run.end + 2))
    else {
        return false;
    };
    let glued = apo.span.start == t[run.end - 1].span.end && s.span.start == apo.span.end;
    glued
        && matches!(&facts.text[apo.span], "'" | "’")
        && &facts.text[s.span] == "s"
        && facts.shapes[run.end + 2] == Shape::Capitalised
        && next.span.start == s.span.end + 1
        && !person_after_possessive(pass, facts, run)
}

/// "Tickbox's Ana Ruiz", "the Wold Party's Tomas Brekov": a person's full name right after
/// the run's "'s" (the run's member, player or employee), not a longer name.
fn person_after_possessive(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let start = run.end + 2;
    let Some(raw) = (start < facts.tokens.len())
        .then(|| read_run(pass, facts, start))
        .flatten()
    else {
        return false;
    };
    // The first name of the run as refined ("Ana Ruiz" of "Ana Ruiz and Tomas Brekov").
    refine(pass, facts, raw).first().is_some_and(|&after| {
        after.start == start
            && (2..=4).contains(&(after.end - after.start))
            && (person_shaped(pass, facts, after) || syllable_given_name(pass, facts, after))
    })
}

/// "trade in Miraa and fish": a word joined by "and"/"or" to a lower-case common noun is a
/// common noun written with a capital, not a name.
fn coordinated_with_common_noun(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let t = facts.tokens;
    let common_noun = |j: usize| {
        t.get(j).is_some_and(|tok| {
            let w = &facts.text[tok.span];
            w.starts_with(char::is_lowercase)
                && pass
                    .ctx
                    .gaz
                    .words
                    .get(w)
                    .is_some_and(|i| i.tags.has(WordTag::Noun) || i.tags.has(WordTag::Plural))
                && pass.ctx.words.function_classes(w).is_empty()
        })
    };
    let conj = |j: usize| {
        t.get(j).is_some_and(|tok| {
            pass.ctx
                .is_lower_function(&facts.text[tok.span], FunctionClass::ListConjunction)
        })
    };
    let after = conj(run.end) && common_noun(run.end + 1);
    let before = run.start >= 2 && conj(run.start - 1) && common_noun(run.start - 2);
    (after || before) && run.end - run.start == 1
}

/// Acronyms written in parentheses right after a capitalised word: "(CFA)".
fn introduced_acronyms(facts: &Tokens<'_>) -> FastSet<String> {
    let t = facts.tokens;
    let mut out = FastSet::default();
    for j in 2..t.len().saturating_sub(1) {
        let open = &facts.text[t[j - 1].span] == "(" && &facts.text[t[j + 1].span] == ")";
        if open
            && facts.shapes[j] == Shape::Capitals
            && matches!(facts.shapes[j - 2], Shape::Capitalised | Shape::Capitals)
        {
            out.insert(facts.text[t[j].span].to_string());
        }
    }
    out
}

/// The people named so far, as lists of words: gazetteer people (as written and as the
/// gazetteer names them) and names found by title.
fn known_people(pass: &Pass<'_>) -> Vec<Vec<String>> {
    let text = pass.ctx.text;
    let gaz = pass.ctx.gaz;
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let mut out = Vec::new();
    for m in &pass.ctx.found.mentions {
        if gaz.entry(m.entry).kind == EntityKind::Person {
            out.push(words(&text[m.span]));
            out.push(words(&gaz.entry(m.entry).name));
        }
    }
    for n in &pass.out.names {
        if n.kind == EntityKind::Person {
            out.push(words(&text[n.span]));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A run of words that only classify names ("Group", "International Airport", "Tuesday",
/// "President"): no name of its own.
fn only_class_words(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    // "Grand Hotel", "State House": a building's name of class words is still a name.
    // Only after a determiner or a preposition: after a quotation it ends a longer name (the
    // “Simón Bolívar” International Airport).
    let after_article = run.start == 0 || {
        let prev = &facts.text[facts.tokens[run.start - 1].span];
        pass.ctx
            .words
            .function_classes(prev)
            .meets(crate::gazetteer::ClassSet::of(&[
                FunctionClass::Determiner,
                FunctionClass::Preposition,
            ]))
    };
    let building = run.end - run.start >= 2
        && after_article
        && pass.ctx.classes(run.end - 1).has(WordClass::Facility);
    !building
        && (run.start..run.end).all(|j| {
            let t = facts.tokens[j];
            if t.kind != TokenKind::Word {
                return true;
            }
            let w = &facts.text[t.span];
            // "Muslims" alone is no name; "Orthodox Church", "Weekly Standard" are.
            let classes = pass.ctx.classes(j);
            let weak_only = classes == crate::gazetteer::ClassSet::of(&[WordClass::GroupNoun])
                || classes == crate::gazetteer::ClassSet::of(&[WordClass::OutletWord]);
            !(classes.is_empty() || weak_only && run.end - run.start > 1)
                || !pass.ctx.words.function_classes(w).is_empty()
                || with_lower(w, |lower| pass.ctx.gaz.titles.contains_key(lower))
        })
}

/// The number of name words of a run (initials' periods and joiners not counted).
fn name_words(facts: &Tokens<'_>, run: Run) -> usize {
    let mut n = 0;
    for j in run.start..run.end {
        let glued = j > run.start && facts.tokens[j - 1].span.end == facts.tokens[j].span.start;
        if facts.tokens[j].kind == TokenKind::Word && !glued {
            n += 1;
        }
    }
    n
}

fn key_of(facts: &Tokens<'_>, run: Run) -> String {
    let span = Span::new(
        facts.tokens[run.start].span.start,
        facts.tokens[run.end - 1].span.end,
    );
    facts.text[span]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds `tokens.partition_point(|t| t.span.start < at)` for offsets that mostly go
/// forward (the spans of a sorted list), from where the last one was: a short gallop
/// instead of a binary search over all the tokens, whose every step misses the cache in a
/// long document. An offset before the last one is searched for in the tokens before it.
struct TokenCursor<'t> {
    tokens: &'t [Token],
    /// The last answer: every token before it starts before the last offset.
    at: usize,
}

impl<'t> TokenCursor<'t> {
    fn new(tokens: &'t [Token]) -> Self {
        TokenCursor { tokens, at: 0 }
    }

    /// The index of the first token starting at or after `offset`.
    fn first_from(&mut self, offset: usize) -> usize {
        let tokens = self.tokens;
        let before = |t: &Token| t.span.start < offset;
        let mut lo = self.at.min(tokens.len());
        if lo > 0 && !before(&tokens[lo - 1]) {
            self.at = tokens[..lo].partition_point(before);
            return self.at;
        }
        // Every token before `lo` starts before `offset`: gallop forward.
        let mut step = 1;
        loop {
            let probe = lo + step - 1;
            match tokens.get(probe) {
                Some(t) if before(t) => {
                    lo = probe + 1;
                    step *= 2;
                }
                _ => {
                    let end = probe.min(tokens.len());
                    self.at = lo + tokens[lo..end].partition_point(before);
                    return self.at;
                }
            }
        }
    }
}

/// Shapes, sentence starts and headline paragraphs of every token.
fn token_facts<'t>(pass: &Pass<'t>) -> Tokens<'t> {
    let ctx = &pass.ctx;
    let (text, tokens) = (ctx.text, ctx.tokens);
    let mut shapes = Quads::new(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        shapes.set(i, shape(text, t));
    }
    let mut initial = Flags::new(tokens.len());
    let mut cursor = TokenCursor::new(tokens);
    for s in ctx.doc.sentences() {
        let from = cursor.first_from(s.span.start);
        if let Some(first) = tokens[from..]
            .iter()
            .position(|t| t.kind != TokenKind::Punct)
        {
            if tokens[from + first].span.start < s.span.end {
                initial.set(from + first);
            }
        }
    }
    for (j, t) in tokens.iter().enumerate().skip(1) {
        let prev = &text[tokens[j - 1].span];
        let opens = matches!(prev, "“" | "\"" | "‘" | "«" | ":" | "(" | "—" | "–")
            && t.kind == TokenKind::Word;
        if opens {
            initial.set(j);
        }
    }
    // Headlines: whole paragraphs, or lines of a paragraph (a live blog's "Bush Hits Rubio
    // On Abortion" above its entry).
    let mut headline = Flags::new(tokens.len());
    let (mut starts, mut ends) = (TokenCursor::new(tokens), TokenCursor::new(tokens));
    for &p in ctx.doc.paragraphs() {
        let mut line_start = p.start;
        for line in text[p].split('\n') {
            let span = Span::new(line_start, line_start + line.len());
            line_start = span.end + 1;
            let from = starts.first_from(span.start);
            let to = ends.first_from(span.end);
            if from < to && is_headline(text, tokens, &shapes, from..to, span) {
                headline.set_range(from, to);
            }
        }
    }
    let mut by_rule = Flags::new(tokens.len());
    let (mut starts, mut ends) = (TokenCursor::new(tokens), TokenCursor::new(tokens));
    let title_spans = pass.out.titles.iter().map(|t| t.span);
    for span in pass.out.names.iter().map(|n| n.span).chain(title_spans) {
        let from = starts.first_from(span.start);
        let to = ends.first_from(span.end);
        by_rule.set_range(from, to);
    }
    Tokens {
        text,
        tokens,
        by_rule,
        shapes,
        initial,
        headline,
    }
}

/// A paragraph written as a headline: no final stop, and most of its longer words
/// capitalised.
fn is_headline(
    text: &str,
    tokens: &[Token],
    shapes: &Quads<Shape>,
    range: std::ops::Range<usize>,
    p: Span,
) -> bool {
    let para = text[p].trim_end();
    if para.ends_with(['.', '!', '?', '"', '”', ':', ';', ',']) {
        return false;
    }
    let words: Vec<usize> = range
        .filter(|&j| tokens[j].kind == TokenKind::Word && tokens[j].span.len() >= 4)
        .collect();
    if words.len() < 2 {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|&&j| matches!(shapes[j], Shape::Capitalised | Shape::Capitals))
        .count();
    capitalised * 10 >= words.len() * 7
}

/// Whether token `j` is a name token a run may start or go on with.
fn is_name_token(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    // The shape first: most tokens have none of a name's, and need no search of mentions.
    let shaped = match facts.shapes[j] {
        Shape::Capitalised | Shape::Inner => true,
        Shape::Capitals => facts.tokens[j].span.len() <= 12,
        Shape::Other => false,
    };
    shaped && !(facts.by_rule[j] || pass.taken[j] && !taken_by_gazetteer(pass, facts, j))
}

/// Whether token `j` is taken by a gazetteer mention (not by an earlier rule's name).
/// Whether token `j` is in a gazetteer name, even one left out for want of context (an
/// ambiguous "Nice", "Reading").
fn gazetteer_knows(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    !facts.by_rule[j] && pass.ctx.gazetteer_name_at(pass.ctx.tokens[j].span)
}

fn taken_by_gazetteer(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    let span = pass.ctx.tokens[j].span;
    !facts.by_rule[j] && overlapping(&pass.ctx.found.mentions, span, |m| m.span).is_some()
}

/// The gap between two tokens is one space (or one line break inside the paragraph).
fn spaced_in(facts: &Tokens<'_>, a: usize, b: usize) -> bool {
    let (ta, tb) = (&facts.tokens[a], &facts.tokens[b]);
    spaced(facts.text, ta, tb)
        && !(facts.headline[a] != facts.headline[b]
            && facts.text[ta.span.end..tb.span.start].contains('\n'))
}

/// The gap between two tokens is one space (or one line break inside the paragraph).
fn spaced(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.span.end..b.span.start];
    !gap.is_empty()
        && gap.chars().count() <= 2
        && gap.chars().all(char::is_whitespace)
        && gap.chars().filter(|&c| c == '\n').count() <= 1
}

/// Reads the maximal run of name tokens starting at token `i`.
fn read_run(pass: &Pass<'_>, facts: &Tokens<'_>, i: usize) -> Option<Run> {
    if !run_may_start(pass, facts, i) {
        return None;
    }
    let mut end = i + 1;
    while end < facts.tokens.len() && end - i < MAX_RUN_TOKENS {
        match run_goes_on(pass, facts, end) {
            Some(n) => end += n,
            None => break,
        }
    }
    Some(Run { start: i, end })
}

/// Whether a run may start at token `i`: a name token, not a negation ("No"), not in the
/// middle of a gazetteer name ("N" of "U.N.").
fn run_may_start(pass: &Pass<'_>, facts: &Tokens<'_>, i: usize) -> bool {
    let t = facts.tokens[i].span;
    if !is_name_token(pass, facts, i) || pass.ctx.words.is(&facts.text[t], FunctionClass::Negation)
    {
        return false;
    }
    let inside_gazetteer_name = overlapping(&pass.ctx.found.mentions, t, |m| m.span)
        .is_some_and(|m| m.span.start < t.start);
    !inside_gazetteer_name
}

/// How many tokens a run that ends before token `end` takes next: a name token after a
/// space, a particle or connector and the name token after it, or what is glued to its
/// last token (see [`run_goes_on_glued`]); `None` where the run ends.
fn run_goes_on(pass: &Pass<'_>, facts: &Tokens<'_>, end: usize) -> Option<usize> {
    let (text, toks) = (facts.text, facts.tokens);
    let next = &toks[end];
    if toks[end - 1].span.end == next.span.start {
        return run_goes_on_glued(pass, facts, end);
    }
    if !spaced_in(facts, end - 1, end) {
        return None;
    }
    let nw = &text[next.span];
    // A capitalised function word inside a run ("Regina Ip In the ...") ends it.
    let function = pass
        .ctx
        .words
        .function_classes(nw)
        .meets(crate::gazetteer::ClassSet::of(&[
            FunctionClass::Preposition,
            FunctionClass::Determiner,
            FunctionClass::Conjunction,
        ]))
        && !pass.ctx.classes(end).has(WordClass::Particle);
    // "Carla B. Moreno": a capital letter and its period is an initial, not "a".
    let initial = one_char(nw)
        && toks
            .get(end + 1)
            .is_some_and(|p| p.span.start == next.span.end && &text[p.span] == ".");
    if is_name_token(pass, facts, end) && (!function || initial) {
        return Some(1);
    }
    // Particles before a name word ("da Silva", "van der Berg", "d'Oro"), or a connector
    // between two name words.
    if facts.shapes[end] != Shape::Other {
        return None;
    }
    if let Some(n) = pass
        .ctx
        .particles_at(end, |k| is_name_token(pass, facts, k))
    {
        return Some(n);
    }
    let between = pass.ctx.classes(end).has(WordClass::Connector)
        && toks.get(end + 1).is_some_and(|a| spaced(text, next, a))
        && is_name_token(pass, facts, end + 1);
    between.then_some(2)
}

/// How many tokens a run takes with token `end`, glued to its last token: an initial's
/// period and the name token after it ("J. R. Smith"), or a hyphen, apostrophe or "&" and
/// the word after it ("Jae-in", "Noor-ul-Amin", "O'Neill", "Ng'ang'a", "AT&T"); not a
/// possessive, a contraction, or a common word after a hyphen ("Kuwait-based").
fn run_goes_on_glued(pass: &Pass<'_>, facts: &Tokens<'_>, end: usize) -> Option<usize> {
    let (text, toks) = (facts.text, facts.tokens);
    let (prev, next) = (&toks[end - 1], &toks[end]);
    let nw = &text[next.span];
    // The initials of a gazetteer name ("U.S.", the "W." of a known "George W. Ruiz") carry
    // no run on: "George W. Ruiz and Congress" is no name.
    let place_initials = taken_by_gazetteer(pass, facts, end - 1);
    if nw == "."
        && facts.shapes[end - 1] != Shape::Other
        && one_char(&text[prev.span])
        && !place_initials
    {
        // After clustered initials ("A.C."), a common word opens the next sentence ("in
        // A.C. Others followed"), unlike a surname ("O.J. Ruiz").
        let clustered = end >= 3
            && &text[toks[end - 2].span] == "."
            && toks[end - 2].span.end == prev.span.start;
        let name_after = toks.get(end + 1).is_some_and(|a| spaced(text, next, a))
            && is_name_token(pass, facts, end + 1)
            && !(clustered && is_common(pass, facts, end + 1));
        // "O.J. Ruiz": another initial glued to this one's period.
        let initial_after = toks.get(end + 1).is_some_and(|a| {
            a.span.start == next.span.end
                && a.kind == TokenKind::Word
                && one_char(&text[a.span])
                && facts.shapes[end + 1] == Shape::Capitalised
        }) && initial_at(facts, end + 1);
        return (name_after || initial_after).then_some(2);
    }
    if !matches!(nw, "-" | "'" | "’" | "&") {
        return None;
    }
    let after = toks.get(end + 1)?;
    let tight = after.span.start == next.span.end && after.kind == TokenKind::Word;
    let aw = &text[after.span];
    let possessive = matches!(nw, "'" | "’") && matches!(aw, "s" | "S");
    // "Kuwait-based", "Ukraine-born": a common word after a hyphen is no name part.
    let compound = nw == "-"
        && aw.starts_with(char::is_lowercase)
        && pass.ctx.is_common(end + 1)
        && pass.ctx.words.function_classes(aw).is_empty()
        && (aw.chars().count() >= 4
            || pass.ctx.gaz.words.get(aw).is_some_and(|i| {
                i.tags.has(WordTag::VerbPastPart) || i.tags.has(WordTag::VerbIng)
            }));
    if compound && !syllable_pair(pass, facts, end - 1) {
        return None;
    }
    let contraction = matches!(nw, "'" | "’") && matches!(aw, "t" | "ll" | "re" | "ve" | "d" | "m");
    let joined = tight
        && !possessive
        && !contraction
        && (!pass.taken[end + 1] || taken_by_gazetteer(pass, facts, end + 1));
    joined.then_some(2)
}

/// Whether a syllable of at most six letters, then a hyphen and another such syllable,
/// start at token `j` (`j + 1` the hyphen, `j + 2` the second syllable).
fn syllables_at(facts: &Tokens<'_>, j: usize) -> bool {
    let t = facts.tokens;
    let syllable = |k: usize| {
        t.get(k).is_some_and(|tok| {
            let w = &facts.text[tok.span];
            tok.kind == TokenKind::Word
                && (2..=6).contains(&w.chars().count())
                && w.chars().all(char::is_alphabetic)
        })
    };
    let glued = |k: usize| t[k].span.end == t[k + 1].span.start;
    syllable(j)
        && syllable(j + 2)
        && &facts.text[t[j + 1].span] == "-"
        && glued(j)
        && glued(j + 1)
        && t.get(j + 3).is_none_or(|n| {
            n.span.start != t[j + 2].span.end
                || !(n.kind == TokenKind::Word || &facts.text[n.span] == "-")
        })
}

/// "Leung Wai-hung": a short capitalised word that follows another name word and is no
/// gazetteer name nor a common word, with a hyphen and a second syllable after it, is a
/// two-syllable given name even when the second syllable is an English word ("hung");
/// "Tel Aviv-based", "Silicon Valley-based" are compounds.
fn syllable_pair(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    let short = |k: usize, n: usize| facts.text[facts.tokens[k].span].chars().count() <= n;
    j > 0
        && syllables_at(facts, j)
        && short(j, 5)
        && short(j + 2, 4)
        && facts.shapes[j] == Shape::Capitalised
        && facts.shapes[j - 1] == Shape::Capitalised
        && spaced(facts.text, &facts.tokens[j - 1], &facts.tokens[j])
        && !taken_by_gazetteer(pass, facts, j)
        && !is_common(pass, facts, j)
}

/// "Leung Wai-hung", "Park Ji-won", "Choi Jae-in": a short family name, then a given name
/// of two short syllables joined by a hyphen (the order and spelling of romanised Korean,
/// Cantonese and Taiwanese names) is a person's name, whatever its words mean in English.
fn syllable_given_name(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let (f, a) = (run.start, run.start + 1);
    let short = |k: usize| facts.text[facts.tokens[k].span].chars().count() <= 6;
    run.end - run.start == 4
        && facts.shapes[f] == Shape::Capitalised
        && facts.shapes[a] == Shape::Capitalised
        && short(f)
        && spaced(facts.text, &facts.tokens[f], &facts.tokens[a])
        && syllables_at(facts, a)
        && !(is_common(pass, facts, a) && is_common(pass, facts, a + 2))
        && pass
            .ctx
            .words
            .function_classes(&facts.text[facts.tokens[f].span])
            .is_empty()
        && !taken_by_gazetteer(pass, facts, f)
        && !(a..run.end).any(|k| taken_by_gazetteer(pass, facts, k) || classifies(pass, k))
}

/// Trims and cuts a raw run into candidates (see the module docs).
fn refine(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Vec<Run> {
    let mut out = Vec::new();
    for part in cut_headline(pass, facts, run) {
        for part in cut_connectors(pass, facts, part) {
            let Some(part) = trim(pass, facts, part) else {
                continue;
            };
            out.extend(around_gazetteer(pass, facts, part));
        }
    }
    out
}

/// Whether the word of token `j` is a common English word and not also a name.
fn is_common(pass: &Pass<'_>, _facts: &Tokens<'_>, j: usize) -> bool {
    pass.ctx.is_common(j)
}

/// Whether the word of token `j` looks like a name: not a common English word, not a function
/// word, not a listed non-name.
fn is_namey(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    let w = &facts.text[facts.tokens[j].span];
    facts.tokens[j].kind == TokenKind::Word
        && !is_common(pass, facts, j)
        && pass.ctx.words.function_classes(w).is_empty()
        && !pass.ctx.classes(j).meets(crate::gazetteer::ClassSet::of(&[
            WordClass::NotName,
            WordClass::OrgWord,
            WordClass::OrgHead,
            WordClass::PlaceWord,
            WordClass::Facility,
            WordClass::CorporateSuffix,
        ]))
}

/// In a headline, common words end a run.
fn cut_headline(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Vec<Run> {
    if !facts.headline[run.start] {
        return vec![run];
    }
    let mut out = Vec::new();
    let mut start = run.start;
    for j in run.start..run.end {
        let common = facts.tokens[j].kind == TokenKind::Word && is_common(pass, facts, j);
        if common {
            if start < j {
                out.push(Run { start, end: j });
            }
            start = j + 1;
        }
    }
    if start < run.end {
        out.push(Run {
            start,
            end: run.end,
        });
    }
    out
}

/// Whether the last word of the run makes it an organisation, a place or a building.
fn headed(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let last = run.end - 1;
    pass.ctx
        .classes(last)
        .meets(crate::gazetteer::ClassSet::of(&[
            WordClass::OrgHead,
            WordClass::CorporateSuffix,
            WordClass::PlaceWord,
            WordClass::Facility,
        ]))
        || team(pass, facts, run)
}

/// A plural common noun, not also a name and not a noun for people ("Cowboys", "Monkeys";
/// not "Woods", "Presidents").
fn plural_common(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    with_lower(&facts.text[facts.tokens[j].span], |w| {
        pass.ctx.gaz.words.get(w).is_some_and(|info| {
            info.tags.has(WordTag::Plural) && !info.tags.has(WordTag::Noun) && !info.proper
        }) && {
            // A noun for people ("officials") ends no team's name; "Reports" may end a firm's.
            let roles = pass.ctx.words.role_classes(w);
            roles.is_empty() || roles == crate::gazetteer::ClassSet::of(&[RoleNounClass::Piece])
        } && !pass.ctx.gaz.titles.contains_key(w)
    })
}

/// A team or band: name-like words (or a city) then a plural common noun ("Dallas Cowboys").
fn team(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let last = run.end - 1;
    // Not after a given name ("Tomas Fields" is a person), unless it is a place's name
    // the gazetteer knows ("Harlowby Herons", Harlowby a town).
    run.end - run.start >= 2
        && plural_common(pass, facts, last)
        && (pass.ctx.given_gender(run.start).is_none() || gazetteer_knows(pass, facts, run.start))
        && (run.start..last).all(|j| {
            facts.tokens[j].kind == TokenKind::Word
                && (is_namey(pass, facts, j) || taken_by_gazetteer(pass, facts, j))
        })
}

/// Connectors ("of", "and", "&") stay only in a run that ends in a head word, and "of" or
/// "for" only right after a head word ("Bank of", "Gulf of"; not "Chair of The ... Trust"),
/// "and" or "&" only after a word that is no head ("Harlow & Wold Council"; not "Clay
/// City and Oak Village").
fn cut_connectors(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Vec<Run> {
    // "Albany and New York City": a head word inside a known name ends that name, not
    // the run, so the connector joins two names.
    let headed_run = headed(pass, facts, run) && !taken_by_gazetteer(pass, facts, run.end - 1);
    let connector = |j: usize| {
        let spaced_amp = facts.text[facts.tokens[j].span] == *"&"
            && j > run.start
            && facts.tokens[j - 1].span.end != facts.tokens[j].span.start;
        let word = facts.shapes[j] == Shape::Other
            && facts.tokens[j].kind == TokenKind::Word
            && pass.ctx.classes(j).has(WordClass::Connector);
        if !(word || spaced_amp) {
            return false;
        }
        if !headed_run {
            return true;
        }
        let w = &facts.text[facts.tokens[j].span];
        let after_head = j > run.start
            && pass
                .ctx
                .classes(j - 1)
                .meets(crate::gazetteer::ClassSet::of(&[
                    WordClass::OrgHead,
                    WordClass::CorporateSuffix,
                    WordClass::PlaceWord,
                    WordClass::Facility,
                ]));
        // A preposition among the connectors ("of", "for", "on"; not "and", "the"), or
        // a joiner right after a head word, which ends a first name of a list ("Clay
        // City and Oak Village", "Kiambu County & Nakuru County").
        let joiner = !pass.ctx.words.is(w, FunctionClass::Preposition);
        if joiner {
            after_head
        } else {
            !after_head
        }
    };
    if !(run.start..run.end).any(connector) {
        return vec![run];
    }
    let mut pieces = Vec::new();
    let mut start = run.start;
    for j in run.start..run.end {
        if connector(j) {
            if start < j {
                pieces.push(Run { start, end: j });
            }
            start = j + 1;
        }
    }
    if start < run.end {
        pieces.push(Run {
            start,
            end: run.end,
        });
    }
    // Each piece is cut again by its own head: "Ana Ruiz and Tomas Brekov of Tickbox Ltd"
    // is cut at "of" for the head "Ltd", then the people's piece at "and".
    pieces
        .into_iter()
        .flat_map(|piece| cut_connectors(pass, facts, piece))
        .collect()
}

/// Drops leading function words, a sentence-initial common word, titles around the name,
/// words before a given name that starts it, and trailing joiners.
fn trim(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Option<Run> {
    let run = drop_leading(pass, facts, run);
    let run = drop_trailing_titles(pass, facts, run);
    let run = start_at_given_name(pass, facts, run);
    let run = drop_common_lead(pass, facts, run);
    let run = drop_trailing_joiners(pass, facts, run);
    (run.start < run.end).then_some(run)
}

/// Drops the leading tokens that are no part of a name: a capitalised function word
/// ("The", "In"), a common word at a sentence start or in a headline ("Police said"), common
/// words or a title before a given name ("Refugees Filippo Grandi", "Archbishop Justin
/// Welby"), and joiners.
fn drop_leading(pass: &Pass<'_>, facts: &Tokens<'_>, mut run: Run) -> Run {
    let text = facts.text;
    while run.start < run.end {
        let j = run.start;
        let w = &text[facts.tokens[j].span];
        let elided_o = j + 2 < run.end && elided_capital(facts, j);
        // "A.K. Ruiz", "A. K. Ruiz": an article written as an initial before another.
        let initials = initial_at(facts, j) && j + 2 < run.end && initial_at(facts, j + 2);
        let given_first = pass.ctx.given_gender(j).is_some()
            && j + 1 < run.end
            && facts.shapes[j + 1] == Shape::Capitalised
            || syllable_given_name(
                pass,
                facts,
                Run {
                    start: j,
                    end: run.end,
                },
            );
        // "Will Brekov", "May Ostrova": a given name that is also a function word, inside
        // a sentence and before a capitalised word, is the name (a modal is in lower case
        // there).
        let given_inside =
            given_first && !facts.initial[j] && !facts.headline[j] && is_namey(pass, facts, j + 1);
        let function = facts.shapes[j] == Shape::Capitalised
            && !elided_o
            && !initials
            && !given_inside
            && !pass.ctx.words.function_classes(w).is_empty();
        // "L. Ana Ruiz": an initial before a name is a word of it.
        let initial = initial_at(facts, j) && j + 2 < run.end;
        let common_start = (facts.initial[j] || facts.headline[j])
            && (is_common(pass, facts, j) || pass.ctx.is_very_common(j))
            && !given_first
            && !initial
            && !elided_o;
        // "Lawyer Ana Ruiz", "Even Tomas Brekov": a common word or a title before a given
        // name. When the word may be a given name itself, only before a full name ("Bill
        // O'Reilly", "Harry M. Brekov" are people with a given-name surname).
        let given_after = |k: usize| {
            pass.ctx.given_gender(k).is_some()
                && !(k >= 2 && elided_capital(facts, k - 2))
                && (!given_first || k + 1 < run.end)
        };
        let before_given = run.end - j > 2
            && !initial
            && !elided_o
            && !headed(pass, facts, run)
            && (is_common(pass, facts, j) || is_title(pass, facts, j))
            && (j + 1..run.end).any(given_after);
        let joiner = facts.tokens[j].kind != TokenKind::Word
            || pass.ctx.classes(j).has(WordClass::Connector)
            || pass.ctx.classes(j).has(WordClass::Particle) && facts.shapes[j] == Shape::Other;
        if function || common_start || joiner || before_given {
            run.start += 1;
        } else {
            break;
        }
    }
    run
}

/// "Jo Johnson MP", "PCB Chairman", "Memphis Police Chief": a title of one or two words
/// after a name is not part of it.
fn drop_trailing_titles(pass: &Pass<'_>, facts: &Tokens<'_>, mut run: Run) -> Run {
    while run.end - run.start > 1 {
        if is_title(pass, facts, run.end - 1) {
            run.end -= 1;
        } else if run.end - run.start > 2 && {
            let two = Span::new(
                facts.tokens[run.end - 2].span.start,
                facts.tokens[run.end - 1].span.end,
            );
            with_lower(&facts.text[two], |w| pass.ctx.gaz.titles.contains_key(w))
        } {
            run.end -= 2;
        } else {
            break;
        }
    }
    run
}

/// "Archbishop of Canterbury Justin Welby": a given name followed by a name word starts
/// the person's name; words before it that are no given names are not part of it.
fn start_at_given_name(pass: &Pass<'_>, facts: &Tokens<'_>, mut run: Run) -> Run {
    if headed(pass, facts, run) {
        return run;
    }
    let words: Vec<usize> = (run.start..run.end)
        .filter(|&j| facts.tokens[j].kind == TokenKind::Word)
        .collect();
    let Some(k) = words.iter().skip(1).position(|&j| {
        pass.ctx.given_gender(j).is_some() && j + 1 < run.end && is_namey(pass, facts, run.end - 1)
    }) else {
        return run;
    };
    let g = words[k + 1];
    // "Archbishop of Canterbury Justin Welby", "Member for Harlow Ana Ruiz": the words
    // after a capitalised noun and "of" or "for" name its see or seat.
    let after_title_of = run.start >= 2
        && pass.ctx.classes(run.start - 1).has(WordClass::HeadLink)
        && facts.shapes[run.start - 2] == Shape::Capitalised;
    let not_name = |j: usize| {
        pass.ctx.given_gender(j).is_none()
            && !initial_at(facts, j)
            && (after_title_of
                || is_common(pass, facts, j)
                || is_title(pass, facts, j)
                || !pass.ctx.classes(j).is_empty()
                || taken_by_gazetteer(pass, facts, j))
    };
    if words[..=k].iter().all(|&j| not_name(j)) && g + 1 < run.end {
        run.start = g;
    }
    run
}

/// "Child Protection Yohana Yembise": common words before a name of two name-like words
/// are not part of it. An initial ("J." of "Peter J. Lund") is a name word; a given name is
/// no common word.
/// "O'Brekov", "D'Ostrova": a capital glued to an apostrophe that a word follows, glued too,
/// is the first letter of that name, no word of its own.
fn elided_capital(facts: &Tokens<'_>, j: usize) -> bool {
    let t = facts.tokens;
    j + 2 < t.len()
        && one_char(&facts.text[t[j].span])
        && facts.shapes[j] == Shape::Capitalised
        && t[j].span.end == t[j + 1].span.start
        && matches!(&facts.text[t[j + 1].span], "'" | "’")
        && t[j + 1].span.end == t[j + 2].span.start
        && t[j + 2].kind == TokenKind::Word
}

fn drop_common_lead(pass: &Pass<'_>, facts: &Tokens<'_>, mut run: Run) -> Run {
    let initial = |j: usize| initial_at(facts, j) || elided_capital(facts, j);
    let tail = (run.start..run.end)
        .rev()
        .take_while(|&j| {
            facts.tokens[j].kind != TokenKind::Word || is_namey(pass, facts, j) || initial(j)
        })
        .count();
    let lead_common = (run.start..run.end - tail).all(|j| {
        facts.tokens[j].kind == TokenKind::Word
            && is_common(pass, facts, j)
            && pass.ctx.given_gender(j).is_none()
    });
    if tail >= 2 && tail < run.end - run.start && lead_common && !headed(pass, facts, run) {
        run.start = run.end - tail;
        while run.start < run.end && facts.tokens[run.start].kind != TokenKind::Word {
            run.start += 1;
        }
    }
    run
}

/// Whether token `j` is an initial: one capital letter glued to a period ("J." of "J. Ruiz").
fn initial_at(facts: &Tokens<'_>, j: usize) -> bool {
    facts.tokens[j].kind == TokenKind::Word
        && one_char(&facts.text[facts.tokens[j].span])
        && facts.shapes[j] != Shape::Other
        && facts
            .tokens
            .get(j + 1)
            .is_some_and(|p| p.span.start == facts.tokens[j].span.end && &facts.text[p.span] == ".")
}

/// "Mary E. Baker", "Jon T. Bush": a known given name, initials, then one capitalised word,
/// even a common English word: a middle initial is written only inside a person's name.
fn given_initials_surname(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let g = after_initials(facts, run);
    if pass.ctx.given_gender(g).is_none() {
        return false;
    }
    let j = skip_initials(facts, g + 1, run.end);
    j > g + 1
        && j + 1 == run.end
        && facts.shapes[j] == Shape::Capitalised
        && facts.text[facts.tokens[j].span].chars().nth(1).is_some()
        && !classifies(pass, j)
        && pass
            .ctx
            .words
            .function_classes(&facts.text[facts.tokens[j].span])
            .is_empty()
}

/// The first token of a run after its leading initials ("Ana" of "L. Ana Ruiz").
fn after_initials(facts: &Tokens<'_>, run: Run) -> usize {
    skip_initials(facts, run.start, run.end)
}

/// The first token from `j` on that is no initial with its period, leaving at least one
/// token before `end`.
fn skip_initials(facts: &Tokens<'_>, mut j: usize, end: usize) -> usize {
    while j + 2 < end && initial_at(facts, j) {
        j += 2;
    }
    j
}

/// Drops trailing punctuation and lower-case words that are no name tokens, unless glued
/// to the word before ("Noor-ul-Amin").
fn drop_trailing_joiners(pass: &Pass<'_>, facts: &Tokens<'_>, mut run: Run) -> Run {
    while run.start < run.end {
        let j = run.end - 1;
        let glued = j > run.start && facts.tokens[j - 1].span.end == facts.tokens[j].span.start;
        let joiner = facts.tokens[j].kind != TokenKind::Word
            || facts.shapes[j] == Shape::Other && !glued && !is_name_token(pass, facts, j);
        if joiner {
            run.end -= 1;
        } else {
            break;
        }
    }
    run
}

/// Whether token `j` is a title on its own ("Archbishop", "Coach").
fn is_title(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    with_lower(&facts.text[facts.tokens[j].span], |w| {
        pass.ctx.gaz.titles.contains_key(w)
    })
}

/// A run exactly a gazetteer name is the gazetteer's; one holding a gazetteer name and more
/// swallows it or is cut around it.
fn around_gazetteer(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> Vec<Run> {
    let run = outside_gazetteer_edges(pass, facts, run);
    if run.start == run.end {
        return Vec::new();
    }
    let span = Span::new(
        facts.tokens[run.start].span.start,
        facts.tokens[run.end - 1].span.end,
    );
    let inside: Vec<Span> = starting_within(&pass.ctx.found.mentions, span, |m| m.span)
        .iter()
        .filter(|m| span.contains(m.span))
        .map(|m| m.span)
        .collect();
    if inside.is_empty() {
        return vec![run];
    }
    if inside.len() == 1 && inside[0] == span {
        return Vec::new();
    }
    if swallows_gazetteer(pass, facts, run, span) {
        return vec![run];
    }
    cut_around(pass, facts, run, &inside)
}

/// The run without its tokens that belong to a gazetteer name starting before it or ending
/// after it ("Associated Press" of "The Associated Press").
fn outside_gazetteer_edges(pass: &Pass<'_>, facts: &Tokens<'_>, mut run: Run) -> Run {
    let mentions = &pass.ctx.found.mentions;
    while run.start < run.end {
        let t = facts.tokens[run.start].span;
        match overlapping(mentions, t, |m| m.span) {
            Some(m) if m.span.start < t.start => run.start += 1,
            _ => break,
        }
    }
    while run.start < run.end {
        let t = facts.tokens[run.end - 1].span;
        match overlapping(mentions, t, |m| m.span) {
            Some(m) if m.span.end > t.end => run.end -= 1,
            _ => break,
        }
    }
    run
}

/// Whether the run (at `span`) keeps the gazetteer names inside it as part of its name: a
/// run headed as an organisation, a place or a building, or a person's name holding small
/// towns. "Yonhap News" is the gazetteer's Yonhap: a run headed like an organisation does
/// not swallow an organisation of the gazetteer; "Japan Times", "Apple Park" swallow a
/// place or a company of another kind than the run's.
fn swallows_gazetteer(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, span: Span) -> bool {
    let org_headed = pass
        .ctx
        .classes(run.end - 1)
        .meets(crate::gazetteer::ClassSet::of(&[
            WordClass::OrgHead,
            WordClass::CorporateSuffix,
        ]))
        || team(pass, facts, run);
    let institutions_inside = starting_within(&pass.ctx.found.mentions, span, |m| m.span)
        .iter()
        .filter(|m| span.contains(m.span))
        .any(|m| pass.ctx.gaz.entry(m.entry).kind == EntityKind::Institution);
    // "the Harlow Mail": a newspaper named after its town.
    let outlet = outlet_name(pass, facts, run);
    // "FC Harlowby": a head noun first names the club or body of the place after it.
    let head_first =
        run.end - run.start >= 2 && pass.ctx.classes(run.start).has(WordClass::OrgHead);
    (headed(pass, facts, run) && !(org_headed && institutions_inside))
        || head_first && !institutions_inside
        || outlet
        || small_places_in_a_name(pass, facts, run)
}

/// "the Harlow Mail", "the Wold Star Tribune": an outlet word after a gazetteer place or
/// another outlet word ends a newspaper's name.
fn outlet_name(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let last = run.end - 1;
    last > run.start
        && pass.ctx.classes(last).has(WordClass::OutletWord)
        && (taken_by_gazetteer(pass, facts, last - 1)
            || pass.ctx.classes(last - 1).has(WordClass::OutletWord))
}

/// The parts of the run outside the gazetteer names `inside` it, each trimmed.
fn cut_around(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run, inside: &[Span]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut start = run.start;
    let mut j = run.start;
    while j < run.end {
        let t = facts.tokens[j].span;
        if let Some(m) = inside.iter().find(|m| m.contains(t)) {
            if start < j {
                out.extend(trim(pass, facts, Run { start, end: j }));
            }
            while j < run.end && m.contains(facts.tokens[j].span) {
                j += 1;
            }
            start = j;
        } else {
            j += 1;
        }
    }
    if start < run.end {
        out.extend(trim(
            pass,
            facts,
            Run {
                start,
                end: run.end,
            },
        ));
    }
    out
}

/// Whether the run is a person's name that holds a small town's name ("Tyre Nichols",
/// "Abena Pokua Busia"): every gazetteer name inside is a small town
/// ([`super::SMALL_PLACE`]), and the run is name-shaped with a name-like word of its own.
fn small_places_in_a_name(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let all_small = (run.start..run.end)
        .filter(|&j| taken_by_gazetteer(pass, facts, j))
        .all(|j| pass.ctx.small_place_at(j));
    let own_namey = (run.start..run.end).any(|j| {
        !taken_by_gazetteer(pass, facts, j)
            && facts.shapes[j] == Shape::Capitalised
            && is_namey(pass, facts, j)
    });
    // "Canterbury Justin Welby": a given name after the place starts the person's name.
    let given_after = (run.start + 1..run.end.saturating_sub(1))
        .any(|j| taken_by_gazetteer(pass, facts, j - 1) && pass.ctx.given_gender(j).is_some());
    all_small && own_namey && !given_after && person_shaped(pass, facts, run)
}

/// Two or more capitalised words, the first and the last name-like (or the first a known
/// given name).
fn person_shaped(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    let start = after_initials(facts, run);
    let words: Vec<usize> = (start..run.end)
        .filter(|&j| facts.tokens[j].kind == TokenKind::Word)
        .filter(|&j| {
            j == start
                || facts.tokens[j - 1].span.end != facts.tokens[j].span.start
                || after_elided_particle(pass, facts, j)
        })
        .filter(|&j| {
            !(facts.shapes[j] == Shape::Other && pass.ctx.classes(j).has(WordClass::Particle))
        })
        .collect();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    let capitalised = |j: usize| {
        facts.shapes[j] == Shape::Capitalised
            || facts.shapes[j] == Shape::Capitals && facts.tokens[j].span.len() <= 3
    };
    let particle_first = pass.ctx.classes(first).has(WordClass::Particle)
        || with_lower(&facts.text[facts.tokens[first].span], |w| {
            pass.ctx
                .gaz
                .name_words
                .get(w)
                .is_some_and(|c| c.has(WordClass::Particle))
        });
    // "First Baptist Church Broad": a word that makes a name an organisation, a place or a
    // building is no part of a person's name.
    let classifying = (run.start..run.end).any(|j| classifies(pass, j));
    // "J. Ruiz", "O.J. Ruiz": initials and a surname.
    let initials = start > run.start && words.len() == 1;
    (words.len() >= 2 || initials)
        && !particle_first
        && !classifying
        && words
            .iter()
            .all(|&j| capitalised(j) || facts.shapes[j] == Shape::Inner)
        && facts.shapes[first] == Shape::Capitalised
        && facts.shapes[last] == Shape::Capitalised
        && (is_namey(pass, facts, first)
            || pass.ctx.given_gender(first).is_some()
            || pass.ctx.small_place_at(first))
        && (is_namey(pass, facts, last) || namey_after_glue(pass, facts, last, run.end))
}

/// "Oro" of "Ana d'Oro": a word glued to the apostrophe of an elided particle.
fn after_elided_particle(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize) -> bool {
    let t = facts.tokens;
    j >= 2
        && matches!(&facts.text[t[j - 1].span], "'" | "’")
        && t[j - 2].span.end == t[j - 1].span.start
        && facts.shapes[j - 2] == Shape::Other
        && pass.ctx.classes(j - 2).has(WordClass::Particle)
}

/// "O'Connor", "Abdul-Jabbar": a word glued by an apostrophe or a hyphen to a name-like
/// word inside the run ("O" alone is no name).
fn namey_after_glue(pass: &Pass<'_>, facts: &Tokens<'_>, j: usize, end: usize) -> bool {
    let t = facts.tokens;
    j + 2 < end
        && matches!(&facts.text[t[j + 1].span], "'" | "’" | "-")
        && t[j].span.end == t[j + 1].span.start
        && t[j + 1].span.end == t[j + 2].span.start
        && is_namey(pass, facts, j + 2)
}

/// Whether token `j` is a word that makes a name an organisation, a place or a building
/// ("Council", "Inc", "County", "Park").
fn classifies(pass: &Pass<'_>, j: usize) -> bool {
    pass.ctx.classes(j).meets(crate::gazetteer::ClassSet::of(&[
        WordClass::OrgHead,
        WordClass::Facility,
        WordClass::PlaceWord,
        WordClass::CorporateSuffix,
        WordClass::OrgWord,
    ]))
}

/// "spokesman Jon Baker", "Ella Stone said": a known given name, then one capitalised
/// word that is also a common English word, may be a given name and a surname. It is weak
/// evidence ("Kelly File", "Warner Music", "Rose Bowl" have the same shape), so it names a
/// person only with the context's support (see `kind_to_add`). Not when the word is a
/// plural ("Christian Democrats"), an initial ("George H. Bush" is read elsewhere), a
/// function word or a word no name holds, nor when a word makes the run an organisation, a
/// place or a building ("Grace Church", "Victoria Park").
fn surname_after_given(pass: &Pass<'_>, facts: &Tokens<'_>, run: Run) -> bool {
    if run.end - run.start != 2 || person_shaped(pass, facts, run) {
        return false;
    }
    let (first, last) = (run.start, run.start + 1);
    let capitalised = |j: usize| facts.shapes[j] == Shape::Capitalised;
    let classifying = [first, last]
        .iter()
        .any(|&j| classifies(pass, j) || pass.ctx.classes(j).has(WordClass::NotName));
    let w = &facts.text[facts.tokens[last].span];
    let plural = with_lower(w, |w| {
        pass.ctx
            .gaz
            .words
            .get(w)
            .is_some_and(|info| info.tags.has(WordTag::Plural))
    });
    pass.ctx.given_gender(first).is_some()
        && capitalised(first)
        && capitalised(last)
        && w.chars().nth(1).is_some()
        && !facts.initial[last]
        && !classifying
        && !plural
        && pass.ctx.words.function_classes(w).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_cursor_finds_what_a_binary_search_finds() {
        let text = "A b, cc  ddd. E\n\nf g h";
        let mut toks = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut toks);
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // Forward, backward, repeated and jumping orders.
        let mut orders: Vec<Vec<usize>> =
            vec![offsets.clone(), offsets.iter().rev().copied().collect()];
        orders.push(
            offsets
                .iter()
                .map(|&o| (o * 7) % (text.len() + 3))
                .collect(),
        );
        orders.push(offsets.iter().flat_map(|&o| [o, o, o / 2]).collect());
        for order in orders {
            let mut cursor = TokenCursor::new(&toks);
            for at in order {
                let want = toks.partition_point(|t| t.span.start < at);
                assert_eq!(cursor.first_from(at), want, "{at}");
            }
        }
        assert_eq!(TokenCursor::new(&[]).first_from(3), 0);
    }

    #[test]
    fn shapes() {
        let text = "Okafor NATO eBay said A 2019";
        let mut toks = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut toks);
        let shapes: Vec<Shape> = toks.iter().map(|t| shape(text, t)).collect();
        use Shape::*;
        assert_eq!(
            shapes,
            [Capitalised, Capitals, Inner, Other, Capitalised, Other]
        );
    }
}
