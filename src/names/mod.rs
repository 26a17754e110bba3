//! The name layer: people, places and institutions the gazetteer lacks, found by rule.
//!
//! Reads the document's tokens and the gazetteer mentions; adds titles, names found by rule,
//! organisation names that swallow gazetteer mentions, and lower-case offices. Rules, from
//! most to least certain, each in its own module:
//! - **Titles** (`gazetteers/titles.tsv`) before a capitalised name: "Deputy Foreign Minister
//!   Oleg Vasko", "tycoon Arvid Lindqvist", "Mrs May". A country adjective or a country's
//!   possessive just before the title gives the role its country ("Russian Deputy Foreign
//!   Minister", "Japan's Foreign Minister"). A title before a person the gazetteer found gives
//!   that person the role. A title with no name after it ("the Russian foreign minister") is
//!   kept as a role reference for resolution.
//! - **Given names** (`gazetteers/given_names*.tsv`): a known given name followed by one or
//!   more capitalised words ("Maria Zakharova said") is a person.
//! - **Organisation patterns**: capitalised words ending in a head noun ("National Security
//!   Office", "Ohio State University", also across a possessive: "the Prime Minister's
//!   Office") or a head noun followed by "of" and capitalised words ("Ministry of Public
//!   Security", "University of Tokyo").
//!
//! - **Offices in lower case**: "the presidential office", "the presidency", "the French
//!   presidency", "Mexico's foreign ministry" (the gazetteer's ministry when the country has
//!   one); "government" and "embassy" only with a country before them.
//!
//! Precision: a name is only read from words written with an initial capital and the rest
//! not all in capitals (so ALL-CAPS headlines and acronyms never become names), never from a
//! word the gazetteer matched, never from a word of the `not_name` class of
//! `gazetteers/name_words.tsv` (function words, months, weekdays, place nouns), and a
//! given-name match needs a second name word. A capitalised word that merely starts a
//! sentence is therefore never a name on its own. Known limit: a given name that is also a
//! common word, followed by a capitalised word ("Hope Springs"), is read as a person.

use crate::document::Document;
use crate::gazetteer::{ClassSet, FunctionClass, Gazetteer, Gender, Title, WordClass};
use crate::hash::FastMap;
use crate::lexicon::Lexicons;
use crate::mentions::GazetteerMentions;
use crate::packed::Flags;
use crate::resolve::SurnameIndex;
use crate::segment::{Token, TokenKind};
use crate::span::{ending_at, overlapping, starting_at, starting_within};
use crate::{EntityKind, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The most words a name read by rule may have.
const MAX_NAME_WORDS: usize = 5;
/// A word whose commonness level (`words.tsv`) is at most this is a common English word.
pub(super) const COMMON_LEVEL: u8 = 50;
/// A word at this commonness level or below is among the most common English words.
pub(super) const VERY_COMMON_LEVEL: u8 = 20;
/// A place in the gazetteer below this population may be read as part of a person's name.
pub(super) const SMALL_PLACE: u64 = 500_000;
/// The most capitalised words before an organisation's head noun.
const MAX_ORG_WORDS: usize = 6;

/// The compiled title automaton and word lists of the name pass.
#[derive(Debug)]
pub(crate) struct NameLexicon {
    titles: Option<AhoCorasick>,
    title_info: Vec<Title>,
    /// The institutions of each country (by its place entry), for "Mexico's foreign
    /// ministry".
    institutions_of: FastMap<usize, Vec<usize>>,
}

impl NameLexicon {
    pub(crate) fn build(gaz: &Gazetteer) -> Result<NameLexicon, crate::Error> {
        let mut title_info: Vec<Title> = gaz.titles.values().cloned().collect();
        title_info.sort_by(|a, b| a.title.cmp(&b.title));
        let titles = if title_info.is_empty() {
            None
        } else {
            let patterns: Vec<&str> = title_info.iter().map(|t| t.title.as_str()).collect();
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(crate::lexicon::automaton_kind(
                        patterns.iter().map(|p| p.len()).sum(),
                    ))
                    .build(patterns)
                    .map_err(|e| {
                        crate::Error::new(
                            crate::ErrorKind::Build,
                            format!("cannot build the title automaton: {e}"),
                        )
                    })?,
            )
        };
        // The place entry of a country cell (a place id once loaded), through the
        // gazetteer's index of ids rather than a map of every place built again.
        let place = |c: &str| {
            gaz.by_id
                .get(c)
                .copied()
                .filter(|&i| gaz.entry(i).kind == EntityKind::Place)
        };
        let mut institutions_of: FastMap<usize, Vec<usize>> = FastMap::default();
        for (i, e) in gaz.entries.iter().enumerate() {
            if e.kind != EntityKind::Institution {
                continue;
            }
            if let Some(c) = e.country.as_deref().and_then(place) {
                institutions_of.entry(c).or_default().push(i);
            }
        }
        Ok(NameLexicon {
            titles,
            title_info,
            institutions_of,
        })
    }

    pub(crate) fn title(&self, index: usize) -> &Title {
        &self.title_info[index]
    }

    /// The one institution of `country` (a place entry) that the gazetteer names with the
    /// lower-case `office` at the end of its name or an alias ("foreign ministry" →
    /// "Japanese foreign ministry"); `None` when none or several do.
    fn institution_of(&self, gaz: &Gazetteer, country: usize, office: &str) -> Option<usize> {
        let suffix = format!(" {}", office.to_lowercase());
        let mut found = self
            .institutions_of
            .get(&country)?
            .iter()
            .copied()
            .filter(|&i| {
                let e = gaz.entry(i);
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| n.to_lowercase().ends_with(&suffix))
            });
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }
}

/// How a name was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameVia {
    Title,
    GivenName,
    Pattern,
    /// An open-world name whose kind its context gives.
    Context,
    /// An open-world name taken as a person by its shape alone.
    Shape,
}

/// A title in the text, with the country that qualifies it and what it introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TitleMention {
    pub(crate) span: Span,
    /// Index into [`NameLexicon::title`].
    pub(crate) title: usize,
    /// The place entry of a demonym or country just before the title.
    pub(crate) country: Option<usize>,
    /// Where the title's phrase starts: its qualifier ("Russian", "Japan's"), else the title.
    pub(crate) lead: usize,
    /// The name the title introduces: a gazetteer person mention's span or a rule name's.
    pub(crate) name: Option<Span>,
}

/// A person or institution name found by rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RuleName {
    pub(crate) span: Span,
    pub(crate) kind: EntityKind,
    pub(crate) via: NameVia,
    pub(crate) words: usize,
    pub(crate) gender: Option<Gender>,
    /// The canonical name when it is not the words themselves ("Government of Mexico").
    pub(crate) canonical: Option<String>,
}

/// What the name pass found, in text order.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameMentions {
    pub(crate) titles: Vec<TitleMention>,
    pub(crate) names: Vec<RuleName>,
    /// Gazetteer mentions inside an organisation name found by rule: not mentions.
    pub(crate) swallowed: Vec<Span>,
    /// Lower-case ministries of a named country ("Mexico's foreign ministry") and the
    /// gazetteer entry they stand for.
    pub(crate) offices: Vec<(Span, usize)>,
    /// The article's dateline ("ASTANA. KAZINFORM", "MEMPHIS, Tenn. —"), if it has one.
    pub(crate) dateline: Option<Span>,
}

mod datelines;
mod open;
mod orgs;
mod titles;

/// The state the rules share: what they read, which tokens are taken, what they found.
pub(super) struct Pass<'a> {
    pub(super) ctx: Context<'a>,
    /// Which tokens a gazetteer mention, a demonym or an earlier rule took.
    pub(super) taken: Flags,
    pub(super) out: NameMentions,
}

/// Runs the name pass: every rule in order.
pub(crate) fn find(
    lex: &NameLexicon,
    gaz: &Gazetteer,
    words: &Lexicons,
    surnames: &SurnameIndex,
    doc: &Document,
    found: &GazetteerMentions,
) -> NameMentions {
    let ctx = Context {
        doc,
        text: doc.text(),
        tokens: doc.tokens(),
        body: doc.body(),
        gaz,
        lex,
        words,
        surnames,
        found,
    };
    let mut pass = Pass {
        taken: taken_tokens(ctx.tokens, found),
        ctx,
        out: NameMentions::default(),
    };
    datelines::datelines(&mut pass);
    titles::titles(&mut pass);
    orgs::organisations(&mut pass);
    orgs::offices(&mut pass);
    open::open_names(&mut pass);
    pass.out.names.sort_by_key(|n| n.span.start);
    swallow(&mut pass.out, found);
    pass.out
}

/// Gazetteer mentions inside a name found by rule are part of it, not mentions
/// ("Bellevue" in "Bellevue Palace", "Dallas" in "Dallas Cowboys").
fn swallow(out: &mut NameMentions, found: &GazetteerMentions) {
    for n in &out.names {
        out.swallowed.extend(
            starting_within(&found.mentions, n.span, |m| m.span)
                .iter()
                .filter(|m| n.span.contains(m.span))
                .map(|m| m.span),
        );
    }
    out.swallowed.sort_by_key(|s| s.start);
    out.swallowed.dedup();
}

/// What the rules read.
pub(super) struct Context<'a> {
    pub(super) doc: &'a Document,
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) body: Span,
    pub(super) gaz: &'a Gazetteer,
    pub(super) lex: &'a NameLexicon,
    pub(super) words: &'a Lexicons,
    /// The gazetteer's people by surname ("Ostrov" alone may be the one famous Ostrov).
    pub(super) surnames: &'a SurnameIndex,
    pub(super) found: &'a GazetteerMentions,
}

impl Context<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span]
    }

    pub(super) fn classes(&self, i: usize) -> ClassSet<WordClass> {
        self.gaz
            .name_words
            .get(self.word(i))
            .copied()
            .unwrap_or_default()
    }

    pub(super) fn given_gender(&self, i: usize) -> Option<Gender> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Word || !is_name_word(&self.text[t.span]) {
            return None;
        }
        let word = &self.text[t.span];
        // Most words are no given name: that is looked up first.
        let gender = self.gaz.given_names.get(word).copied()?;
        // "North", "Grand", "Monday": a word that classifies names is no given name.
        if !self.classes(i).is_empty() {
            return None;
        }
        // "La Guaira", "El Paso", "Al Jazeera": a capitalised name particle is no given name.
        let particle = crate::lexicon::with_lower(word, |lower| {
            self.gaz
                .name_words
                .get(lower)
                .is_some_and(|c| c.has(WordClass::Particle))
        });
        (!particle).then_some(gender)
    }

    /// Whether `word` is written in lower case and has the function-word class `class`
    /// ("and", not "And").
    pub(super) fn is_lower_function(&self, word: &str, class: FunctionClass) -> bool {
        !word.chars().any(char::is_uppercase) && self.words.is(word, class)
    }

    pub(super) fn inside_mention(&self, span: Span) -> bool {
        overlapping(&self.found.mentions, span, |m| m.span).is_some()
    }

    /// The gazetteer person mention starting at token `i`.
    pub(super) fn person_mention_at(&self, i: usize) -> Option<Span> {
        let t = self.tokens.get(i)?;
        let at = self
            .found
            .mentions
            .partition_point(|m| m.span.start < t.span.start);
        let m = self.found.mentions.get(at)?;
        (m.span.start == t.span.start
            && self.gaz.entry(m.entry).kind == EntityKind::Person
            && self.text[..t.span.start].ends_with(|c: char| c.is_whitespace()))
        .then_some(m.span)
    }

    /// The country of a demonym or country name (with or without "'s") that ends just
    /// before `offset`, separated by spaces only, and where that qualifier starts.
    pub(super) fn country_before(&self, offset: usize) -> Option<(usize, usize)> {
        let before = self.text[..offset].trim_end_matches(' ');
        if before.len() == offset {
            return None;
        }
        let before = crate::segment::strip_possessive(before).unwrap_or(before);
        let end = before.len();
        if let Some(d) = ending_at(&self.found.demonyms, end, |d| d.span) {
            return Some((d.country, d.span.start));
        }
        ending_at(&self.found.mentions, end, |m| m.span)
            .filter(|m| self.gaz.entry(m.entry).kind == EntityKind::Place)
            .map(|m| (m.entry, m.span.start))
    }

    /// The country named right after a titled name: "Foreign Minister Anna Kovacs of
    /// Hungary" (a country of the gazetteer after " of "; not "of the party").
    pub(super) fn country_after(&self, offset: usize) -> Option<usize> {
        self.country_mention_after(offset).map(|(entry, _)| entry)
    }

    /// [`Context::country_after`] with the span of the country's mention.
    pub(super) fn country_mention_after(&self, offset: usize) -> Option<(usize, Span)> {
        self.text[offset..].strip_prefix(" of ")?;
        let start = offset + " of ".len();
        starting_at(&self.found.mentions, start, |m| m.span)
            .filter(|m| {
                let e = self.gaz.entry(m.entry);
                e.kind == EntityKind::Place && e.place_type.as_deref() == Some("country")
            })
            .map(|m| (m.entry, m.span))
    }

    /// Reads a person's name from token `i`: capitalised words joined by single spaces,
    /// hyphens ("Moon Jae-in"), apostrophes ("O'Brien"), initials ("George W. Bush") and
    /// particles ("Charles de Gaulle"). Returns the span, the number of words and the index
    /// of the token after the name. Common words alone are no name ("Director Academies",
    /// "Free Trade").
    pub(super) fn read_name(&self, i: usize, taken: &Flags) -> Option<(Span, usize, usize)> {
        self.read_name_words(i, taken).filter(|&(_, _, end)| {
            !(i..end).all(|j| self.tokens[j].kind != TokenKind::Word || self.is_common(j))
        })
    }

    /// [`Context::read_name`] after an honorific ("Mr. Hedge", "Mrs. Kettle"): the
    /// honorific makes even a common word a family name.
    pub(super) fn read_name_after_honorific(
        &self,
        i: usize,
        taken: &Flags,
    ) -> Option<(Span, usize, usize)> {
        self.read_name_words(i, taken)
    }

    /// The name words from token `i`, common or not: up to [`MAX_NAME_WORDS`] words, with
    /// what joins them.
    fn read_name_words(&self, i: usize, taken: &Flags) -> Option<(Span, usize, usize)> {
        let toks = self.tokens;
        if !self.name_word_ok(i, taken) {
            return None;
        }
        let mut words = 1;
        let mut end = i + 1; // token after the last name token
        while words < MAX_NAME_WORDS {
            let Some((tokens, word)) = self.name_goes_on(end, taken) else {
                break;
            };
            end += tokens;
            words += usize::from(word);
        }
        // A trailing initial's period is kept only if a name word follows it.
        let mut last = end - 1;
        if self.word(last) == "." {
            last -= 1;
            end -= 1;
        }
        Some((
            Span::new(toks[i].span.start, toks[last].span.end),
            words,
            end,
        ))
    }

    /// Whether token `j` can be a word of a person's name: capitalised, or initials in
    /// capitals ("JVV Satyanarayan", "Ananth AV"); not a word that classifies names; free,
    /// or a small town's name inside the name ("Abena Pokua Adompim Busia").
    fn name_word_ok(&self, j: usize, taken: &Flags) -> bool {
        let toks = self.tokens;
        j < toks.len()
            && (!taken[j] || self.small_place_at(j))
            && toks[j].kind == TokenKind::Word
            && (is_name_word(self.word(j)) || is_initials(self.word(j)))
            && (!self.classes(j).meets(ClassSet::of(&[
                WordClass::NotName,
                WordClass::OrgHead,
                WordClass::OrgWord,
                WordClass::PlaceWord,
                WordClass::CorporateSuffix,
            ])) || self.initial_before_initial(j))
    }

    /// "Defence Minister A K Brekov", "Dr D. A. Brekov": a capital letter that is also a
    /// word ("A", "I") followed by another lone capital and a name word, or dotted after
    /// another dotted initial, is an initial.
    fn initial_before_initial(&self, j: usize) -> bool {
        let lone_capital = |k: usize| {
            self.tokens.get(k).is_some_and(|t| {
                let w = &self.text[t.span];
                w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
            })
        };
        let dotted = |k: usize| {
            lone_capital(k)
                && self.tokens.get(k + 1).is_some_and(|p| {
                    self.word(k + 1) == "." && p.span.start == self.tokens[k].span.end
                })
        };
        // "D. A. Ruiz": a dotted initial after another (this "A" is no article).
        if j >= 2 && dotted(j) && dotted(j - 2) {
            return true;
        }
        lone_capital(j)
            && lone_capital(j + 1)
            && self.spaced(j, j + 1)
            && self
                .tokens
                .get(j + 2)
                .is_some_and(|t| self.spaced(j + 1, j + 2) && is_name_word(&self.text[t.span]))
    }

    /// How a name whose tokens end before token `end` goes on: the number of tokens it
    /// takes next and whether they add a name word; `None` where the name ends.
    fn name_goes_on(&self, end: usize, taken: &Flags) -> Option<(usize, bool)> {
        let toks = self.tokens;
        let last = toks[end - 1].span.end;
        let next = toks.get(end)?;
        let gap = &self.text[last..next.span.start];
        if gap.is_empty() {
            return self.name_goes_on_glued(end, taken).map(|n| (n, false));
        }
        if gap != " " {
            return None;
        }
        if self.name_word_ok(end, taken) {
            return Some((1, true));
        }
        self.particles_at(end, |k| self.name_word_ok(k, taken))
            .map(|n| (n, true))
    }

    /// How many tokens the particles at token `end` take with the name word after them: one
    /// particle ("Luiz da Silva"), two ("Ana van der Berg"), or one elided and glued to the
    /// word ("Ana d'Oro"); `name_at` says whether a token may be that name word.
    pub(super) fn particles_at(
        &self,
        end: usize,
        name_at: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let toks = self.tokens;
        let particle = |k: usize| k < toks.len() && self.classes(k).has(WordClass::Particle);
        let spaced = |a: usize| a + 1 < toks.len() && self.spaced(a, a + 1);
        let glued = |a: usize| a + 1 < toks.len() && toks[a].span.end == toks[a + 1].span.start;
        if !particle(end) {
            return None;
        }
        if spaced(end) && name_at(end + 1) {
            return Some(2);
        }
        let two = spaced(end) && particle(end + 1) && spaced(end + 1);
        let elided = glued(end) && matches!(self.word(end + 1), "'" | "’") && glued(end + 1);
        ((two || elided) && name_at(end + 2)).then_some(3)
    }

    /// The tokens a name takes with token `end`, glued to the name's last token: the period
    /// of an initial ("W."), or a hyphen or apostrophe and the word after it ("Jae-in",
    /// "O'Brien", "Al-Kadhimi"); `None` where the name ends.
    fn name_goes_on_glued(&self, end: usize, taken: &Flags) -> Option<usize> {
        let toks = self.tokens;
        let next = &toks[end];
        let nw = &self.text[next.span];
        // "W." after an initial: the period belongs to the initial.
        if nw == "." && one_char(self.word(end - 1)) {
            return Some(1);
        }
        if !matches!(nw, "-" | "'" | "’") {
            return None;
        }
        let after = toks.get(end + 1)?;
        let tight = after.span.start == next.span.end;
        let aw = &self.text[after.span];
        let lower_ok = nw == "-" && aw.chars().all(|c| c.is_lowercase());
        (tight && !taken[end + 1] && (self.name_word_ok(end + 1, taken) || lower_ok) && aw != "s")
            .then_some(2)
    }

    /// Whether token `j` is a common English word (`words.tsv`, at most [`COMMON_LEVEL`])
    /// that is not also a frequent family name ("trade", "child"; not "Brown").
    pub(super) fn is_common(&self, j: usize) -> bool {
        crate::lexicon::with_lower(self.word(j), |lower| {
            self.gaz
                .words
                .get(lower)
                .is_some_and(|info| info.level <= COMMON_LEVEL && !info.surname)
        })
    }

    /// Whether token `j` is a capitalised head noun of an organisation, a place or a
    /// building ("Hospital", "County", "Park") right after a space.
    pub(super) fn head_noun_after(&self, j: usize) -> bool {
        j < self.tokens.len()
            && j > 0
            && self.spaced(j - 1, j)
            && self.word(j).starts_with(char::is_uppercase)
            && self.classes(j).meets(ClassSet::of(&[
                WordClass::OrgHead,
                WordClass::PlaceWord,
                WordClass::Facility,
            ]))
    }

    /// Whether token `j` is a common noun for a person (`person_noun` of `role_nouns.tsv`,
    /// and a common word): capitalised words ending in one name a role, not its holder
    /// ("the Commanding Officer", "Chief Security Officer").
    pub(super) fn person_noun_at(&self, j: usize) -> bool {
        self.is_common(j)
            && self
                .words
                .role_classes(self.word(j))
                .has(crate::gazetteer::RoleNounClass::PersonNoun)
    }

    /// Whether a gazetteer name overlaps `span`: a mention, or an ambiguous name left out
    /// for want of context ("Reading" with no locative before it).
    pub(super) fn gazetteer_name_at(&self, span: Span) -> bool {
        overlapping(&self.found.mentions, span, |m| m.span).is_some()
            || overlapping(&self.found.unconfirmed, span, |s| *s).is_some()
    }

    /// Whether token `j` is one of the most common English words (`words.tsv` level 20 or
    /// less), not a frequent family name ("High", "Will"; not "Brown").
    pub(super) fn is_very_common(&self, j: usize) -> bool {
        crate::lexicon::with_lower(self.word(j), |lower| {
            self.gaz
                .words
                .get(lower)
                .is_some_and(|info| info.level <= VERY_COMMON_LEVEL && !info.surname)
        })
    }

    /// Whether token `j` is inside a gazetteer mention of a town small enough to be part of
    /// a person's name (a city under [`SMALL_PLACE`] people).
    pub(super) fn small_place_at(&self, j: usize) -> bool {
        let span = self.tokens[j].span;
        overlapping(&self.found.mentions, span, |m| m.span).is_some_and(|m| {
            let e = self.gaz.entry(m.entry);
            e.kind == EntityKind::Place
                && matches!(e.place_type.as_deref(), Some("city" | "admin") | None)
                && e.population < SMALL_PLACE
        })
    }

    /// Reads an organisation name whose head noun is token `i` or which starts at token `i`
    /// with a head noun followed by "of". Returns the span and the token range.
    pub(super) fn read_org(&self, i: usize, taken: &Flags) -> Option<(Span, usize, usize)> {
        let toks = self.tokens;
        // The shape first: most words are in lower case, and need no lookup.
        if taken[i] || !is_name_word(self.word(i)) || !self.classes(i).has(WordClass::OrgHead) {
            return None;
        }
        // Left: capitalised words (gazetteer places allowed: "Ohio State University").
        let mut start = i;
        let mut n = 0;
        let mut free = 0; // modifiers no gazetteer mention covers
        while start > 0 && n < MAX_ORG_WORDS {
            let Some(before) = self.org_goes_left(i, start, n, taken) else {
                break;
            };
            start = before;
            n += 1;
            // A demonym is a word of the name's own ("Indonesian Navy", "Kenyan
            // Parliament"), unlike a gazetteer organisation ("Yonhap News").
            free += usize::from(!taken[start] || self.is_demonym(start));
        }
        let (end, m) = self.org_right_end(i, taken);
        n += m;
        free += m;
        // "Yonhap News" is the gazetteer's Yonhap, not a new organisation: a name by
        // pattern needs a word of its own besides the head noun.
        if n == 0 || free == 0 {
            return None;
        }
        // The leading words must not all be gazetteer places ("Russia Council" is odd, but
        // "Japan Foundation" is a name): keep it; a lone person name before a head is not.
        let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
        if starting_within(&self.found.mentions, span, |m| m.span)
            .iter()
            .any(|m| m.span == span || (span.contains(m.span) && self.is_person(m.entry)))
        {
            return None;
        }
        Some((span, start, end))
    }

    /// Whether one space separates tokens `a` and `b`.
    fn spaced(&self, a: usize, b: usize) -> bool {
        &self.text[self.tokens[a].span.end..self.tokens[b].span.start] == " "
    }

    /// A word that may stand in an organisation's name: capitalised, or an acronym inside
    /// the name ("AFSCME Council", "NHS Trust"); not a function word.
    fn org_word_ok(&self, j: usize) -> bool {
        self.tokens[j].kind == TokenKind::Word
            && (is_name_word(self.word(j)) || is_acronym(self.word(j)))
            && !self.is_function_word(j)
    }

    /// Where an organisation name whose head is token `i`, read back to token `start`
    /// with `n` words before the head so far, starts after one more step to the left: a
    /// possessive right before the head ("the Prime Minister's Office"), a capitalised
    /// word across "&" or "and" ("Harlow & Wold Council"), or a capitalised word.
    fn org_goes_left(&self, i: usize, start: usize, n: usize, taken: &Flags) -> Option<usize> {
        if let Some(w) = self.possessive_org_word(i, start, taken) {
            return Some(w);
        }
        let j = start - 1;
        // "St. Ana's Hospital", "Mt. Wold Hospital": a short capitalised abbreviation
        // and its period.
        if j >= 1 && self.word(j) == "." && self.glued(j - 1, j) && self.spaced(j, start) {
            let abbr = self.word(j - 1);
            let short = (2..=3).contains(&abbr.chars().count())
                && abbr.starts_with(char::is_uppercase)
                && abbr.chars().skip(1).all(char::is_lowercase);
            if short && self.org_word_ok(j - 1) && !self.taken_by_person(j - 1, taken) {
                return Some(j - 1);
            }
        }
        // "Anti-Corruption Court", "Pro-Life Action League": a capitalised word joined by a
        // hyphen to the first word read; right before the head, not a common word ("a
        // Third-Party Run" in a headline).
        if j >= 1
            && self.word(j) == "-"
            && self.glued(j - 1, j)
            && self.glued(j, start)
            && (start != i || !self.is_common(j - 1))
            && self.org_word_ok(j - 1)
            && !self.taken_by_person(j - 1, taken)
        {
            return Some(j - 1);
        }
        if let Some(first) = self.country_initials_ending(j) {
            return self.spaced(j, start).then_some(first);
        }
        let joins = matches!(self.word(j), "&" | "and") && n > 0;
        // "the Tokyo Institute of Technology and Osaka State University": an institution the
        // gazetteer knows, or one read from its head, is no word of the next one.
        if joins
            && j > 0
            && !self.ends_institution(j - 1)
            && !self.ends_linked_org(j - 1)
            && self.spaced(j - 1, j)
            && self.spaced(j, start)
            && self.org_word_ok(j - 1)
        {
            return Some(j - 1);
        }
        if !self.spaced(j, start) || !self.org_word_ok(j) || self.taken_by_person(j, taken) {
            return None;
        }
        Some(j)
    }

    /// The possessor that starts an organisation's name before token `start`: any name
    /// right before its head ("the Prime Minister's Office"), and a plural noun anywhere
    /// ("Harlow Patrolmen's Benevolent Association", "the Wold Teachers' Union": the union
    /// of teachers).
    fn possessive_org_word(&self, i: usize, start: usize, taken: &Flags) -> Option<usize> {
        if start < 2 || !self.spaced(start - 1, start) {
            return None;
        }
        let apostrophe = |k: usize| matches!(self.word(k), "'" | "’");
        // "Teachers' Union": the apostrophe alone after a plural in -s.
        let bare = (start - 2, start - 1);
        let with_s = (start.saturating_sub(3), start - 2);
        let (w, apo) = if start >= 3
            && self.word(start - 1) == "s"
            && self.glued(start - 2, start - 1)
            && apostrophe(start - 2)
        {
            with_s
        } else if apostrophe(bare.1) && self.word(bare.0).ends_with('s') {
            bare
        } else {
            return None;
        };
        let plural = self
            .gaz
            .words
            .get(self.word(w).to_lowercase().as_str())
            .is_some_and(|info| info.tags.has(crate::gazetteer::WordTag::Plural));
        let ok = self.glued(w, apo)
            && (plural || (start == i && (w, apo) == with_s))
            && self.org_word_ok(w)
            && !self.taken_by_person(w, taken);
        ok.then_some(w)
    }

    /// Whether tokens `a` and `b` touch.
    fn glued(&self, a: usize, b: usize) -> bool {
        self.tokens[a].span.end == self.tokens[b].span.start
    }

    /// Whether the capitalised words from token `k` name an organisation of their own: a
    /// head noun after two words or more, or after a gazetteer place ("... Institute of
    /// Technology and Bergen State University"; not "... of Health and Human Services").
    fn org_of_its_own(&self, k: usize, taken: &Flags) -> bool {
        let toks = self.tokens;
        let mut j = k;
        while j < toks.len() && j - k <= MAX_ORG_WORDS && self.org_word_ok(j) {
            if j > k && self.classes(j).has(WordClass::OrgHead) {
                let place_first = taken[k] && !self.taken_by_person(k, taken);
                return j - k >= 2 || place_first;
            }
            if j + 1 < toks.len() && !self.spaced(j, j + 1) {
                break;
            }
            j += 1;
        }
        false
    }

    /// Whether token `j` ends an organisation name read from its head to the right: a head
    /// noun, a head link and capitalised words ("Institute of Technology").
    fn ends_linked_org(&self, j: usize) -> bool {
        let mut k = j;
        while k > 0 && j - k < MAX_ORG_WORDS && self.org_word_ok(k) && self.spaced(k - 1, k) {
            k -= 1;
        }
        k < j && k > 0 && self.classes(k).has(WordClass::HeadLink) && {
            let head = self.classes(k - 1);
            head.has(WordClass::OrgHead) && self.spaced(k - 1, k)
        }
    }

    /// Whether a gazetteer institution's mention ends with token `j`.
    fn ends_institution(&self, j: usize) -> bool {
        let s = self.tokens[j].span;
        overlapping(&self.found.mentions, s, |m| m.span).is_some_and(|m| {
            m.span.end == s.end && self.gaz.entry(m.entry).kind == EntityKind::Institution
        })
    }

    /// "U.S." of "the U.S. Department of Agriculture": the first token of a gazetteer place
    /// or institution written in dotted initials whose last period is token `j`.
    fn country_initials_ending(&self, j: usize) -> Option<usize> {
        let toks = self.tokens;
        let glued = |a: usize| toks[a].span.end == toks[a + 1].span.start;
        let mut first = j + 1;
        while first >= 2
            && self.word(first - 1) == "."
            && glued(first - 2)
            && one_char(self.word(first - 2))
            && self.word(first - 2).starts_with(char::is_uppercase)
            && (first == j + 1 || glued(first - 1))
        {
            first -= 2;
        }
        if j + 1 - first < 4 || (first > 0 && glued(first - 1)) {
            return None;
        }
        let span = Span::new(toks[first].span.start, toks[j].span.end);
        overlapping(&self.found.mentions, span, |m| m.span)
            .is_some_and(|m| m.span == span && !self.is_person(m.entry))
            .then_some(first)
    }

    /// Where an organisation name whose head is token `i` ends on the right, and how many
    /// words after a `head_link` ("of", "for") it took: further words up to another head or
    /// a corporate suffix ("Bharat Petroleum Corporation Limited", "Harlow Hospital NHS
    /// Trust"), a number ("Council 31"), then capitalised words after a head link ("Ministry
    /// of Public Security"), also across a connector ("of Foreign Affairs and Trade").
    fn org_right_end(&self, i: usize, taken: &Flags) -> (usize, usize) {
        let toks = self.tokens;
        let mut end = i + 1;
        let mut k = end;
        while k < toks.len()
            && k - end < MAX_ORG_WORDS
            && self.spaced(k - 1, k)
            && self.org_word_ok(k)
        {
            k += 1;
            let c = self.classes(k - 1);
            if c.has(WordClass::OrgHead) || c.has(WordClass::CorporateSuffix) {
                end = k;
            }
        }
        if let Some(next) = toks.get(end) {
            if next.kind == TokenKind::Number && self.spaced(end - 1, end) && next.span.len() <= 4 {
                end += 1;
            }
        }
        let linked = end < toks.len()
            && self.classes(end).has(WordClass::HeadLink)
            && self.spaced(end - 1, end);
        if !linked {
            return (end, 0);
        }
        let mut k = end + 1;
        let mut m = 0;
        while k < toks.len() && m < MAX_ORG_WORDS && self.spaced(k - 1, k) {
            if self.org_word_ok(k) && !self.taken_by_person(k, taken) {
                m += 1;
                k += 1;
            } else if self.classes(k).has(WordClass::Connector)
                && k + 1 < toks.len()
                && self.spaced(k, k + 1)
                && self.org_word_ok(k + 1)
                && !self.org_of_its_own(k + 1, taken)
            {
                k += 1;
            } else {
                break;
            }
        }
        if m > 0 {
            (k, m)
        } else {
            (end, 0)
        }
    }

    /// Capitalised words that end an organisation name on the left: the `not_name` class
    /// (function words, weekdays). `org_word`s ("National", "Prime Minister") stay inside.
    pub(super) fn is_function_word(&self, j: usize) -> bool {
        self.classes(j)
            .meets(ClassSet::of(&[WordClass::NotName, WordClass::Facility]))
    }

    pub(super) fn is_person(&self, entry: usize) -> bool {
        self.gaz.entry(entry).kind == EntityKind::Person
    }

    /// Whether a demonym covers token `j` ("Indonesian").
    fn is_demonym(&self, j: usize) -> bool {
        let s = self.tokens[j].span;
        overlapping(&self.found.demonyms, s, |d| d.span).is_some()
    }

    /// Whether token `j` is taken by something other than a place, institution or demonym
    /// (those may stand inside an organisation's name: "Ohio State University", "Norwegian
    /// Refugee Council").
    pub(super) fn taken_by_person(&self, j: usize, taken: &Flags) -> bool {
        if !taken[j] {
            return false;
        }
        let s = self.tokens[j].span;
        let place_or_body = overlapping(&self.found.mentions, s, |m| m.span)
            .is_some_and(|m| m.span.contains(s) && !self.is_person(m.entry));
        let demonym = overlapping(&self.found.demonyms, s, |d| d.span).is_some();
        !(place_or_body || demonym)
    }
}

/// Two to eight capitals (digits allowed after the first), not a listed common acronym
/// ("NHS", "AFSCME", "ABC7"; not "CEO").
pub(super) fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=8).contains(&n)
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Initials written without periods: one to three capitals ("AV", "JVV").
pub(super) fn is_initials(w: &str) -> bool {
    (1..=3).contains(&w.chars().count()) && w.chars().all(char::is_uppercase)
}

/// Whether `w` is one character: `w.chars().count() == 1` without counting them all.
pub(super) fn one_char(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Capitalised, and not written all in capitals (a one-letter initial is fine).
pub(super) fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase() && (chars.as_str().is_empty() || chars.any(|c| c.is_lowercase()))
}

/// Start of the title that ends just before `name_start` (one space between).
pub(super) fn title_start(text: &str, name_start: usize) -> usize {
    let before = &text[..name_start];
    let trimmed = before.trim_end_matches(' ');
    trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .last()
        .map_or(name_start, |(i, _)| i)
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Index of the first token starting at or after `offset`.
pub(crate) fn token_index_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.start < offset)
}

pub(super) fn mark(taken: &mut Flags, start: usize, end: usize) {
    taken.set_range(start, end);
}

/// For each token, whether a gazetteer mention or demonym covers it.
fn taken_tokens(tokens: &[Token], found: &GazetteerMentions) -> Flags {
    let mut taken = Flags::new(tokens.len());
    let spans = found
        .mentions
        .iter()
        .map(|m| m.span)
        .chain(found.demonyms.iter().map(|d| d.span));
    for s in spans {
        let from = token_index_at(tokens, s.start);
        for (i, t) in tokens.iter().enumerate().skip(from) {
            if t.span.start >= s.end {
                break;
            }
            taken.set(i);
        }
    }
    taken
}
