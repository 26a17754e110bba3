//! The entries of a gazetteer: people, places, institutions and given names.

use super::classes::{ClassSet, WordTag};
pub(crate) use crate::record::EntityKind;
use std::borrow::Cow;
use std::sync::Arc;

/// A string of an entry: borrowed from a file compiled into the library (no copy, no
/// allocation at load), or owned when read from another file or given in code.
pub(crate) type Text = Cow<'static, str>;

/// A person's gender as the gazetteer gives it; used for pronouns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Male,
    Female,
    Unisex,
}

impl Gender {
    pub(crate) fn parse(s: &str) -> Option<Gender> {
        match s {
            "male" | "m" => Some(Gender::Male),
            "female" | "f" => Some(Gender::Female),
            "unisex" | "u" => Some(Gender::Unisex),
            _ => None,
        }
    }
}

/// Where an entry was read from, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) file: Arc<str>,
    pub(crate) line: usize,
}

/// A dated role: "foreign_minister of Q17 from 2012-12-26 to 2017-08-03".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Role {
    /// One of [`ROLE_NAMES`](super::parse::ROLE_NAMES).
    pub(crate) role: &'static str,
    /// A place id (a country) or an institution id, after loading.
    pub(crate) of: Text,
    pub(crate) start: Option<jiff::civil::Date>,
    pub(crate) end: Option<jiff::civil::Date>,
}

impl Role {
    /// Whether the role was held on `date`; a role with no dates holds at any date.
    #[allow(dead_code)] // used by the resolution pass
    pub(crate) fn holds_on(&self, date: jiff::civil::Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// One person, place or institution.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub(crate) id: Text,
    pub(crate) kind: EntityKind,
    pub(crate) name: Text,
    pub(crate) aliases: Vec<Text>,
    /// As written in the file until loading resolves it to a place id.
    pub(crate) country: Option<Text>,
    pub(crate) origin: Origin,
    // people
    pub(crate) gender: Option<Gender>,
    pub(crate) roles: Vec<Role>,
    // places
    pub(crate) place_type: Option<Text>,
    pub(crate) codes: Vec<Text>,
    pub(crate) demonyms: Vec<Text>,
    pub(crate) population: u64,
    // institutions
    pub(crate) institution_type: Option<Text>,
    pub(crate) acronyms: Vec<Text>,
    /// Names and aliases that are also common words or names: they need context.
    pub(crate) ambiguous: Vec<Text>,
}

impl Entry {
    pub(crate) fn new(kind: EntityKind, id: Text, name: Text, origin: Origin) -> Entry {
        Entry {
            id,
            kind,
            name,
            aliases: Vec::new(),
            country: None,
            origin,
            gender: None,
            roles: Vec::new(),
            place_type: None,
            codes: Vec::new(),
            demonyms: Vec::new(),
            population: 0,
            institution_type: None,
            acronyms: Vec::new(),
            ambiguous: Vec::new(),
        }
    }

    /// How strongly a place is preferred when it shares a name with another place.
    pub(crate) fn place_rank(&self) -> u8 {
        match self.place_type.as_deref() {
            Some("country") => 6,
            Some("dependency") | Some("territory") => 5,
            Some("continent") | Some("water") | Some("region") => 4,
            // A state and a city of one name: population decides (the city, when the state
            // has none given), so "Tokyo" is the city, not the prefecture.
            Some("admin") | Some("city") => 2,
            _ => 1,
        }
    }
}

/// What a title is: an office or rank ("Foreign Minister", "Gen.") or an honorific ("Mr.").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TitleKind {
    /// An office ("President", "spokesman"): gives a role.
    Office,
    /// A military or police rank.
    Rank,
    /// "Mr.", "Mrs", "Dr.": may precede a bare surname.
    Honorific,
}

/// A title that introduces or stands for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Title {
    pub(crate) title: String,
    pub(crate) kind: TitleKind,
    /// A role name (gazetteers/README.md), if the title gives one.
    pub(crate) role: Option<String>,
    pub(crate) gender: Option<Gender>,
}

/// An English word form of `words*.tsv`: its parts of speech and how common it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordInfo {
    pub(crate) tags: ClassSet<WordTag>,
    /// Commonness: a SCOWL size level, lower is more common (10 = the most common words).
    pub(crate) level: u8,
    /// Whether the word is also listed capitalised, as a name ("Mark", "Reading").
    pub(crate) proper: bool,
    /// Whether the word is also a frequent family name ("Brown", "Young", "Khan").
    pub(crate) surname: bool,
}

/// A given name with its gender, used by the name pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GivenName {
    pub(crate) name: String,
    pub(crate) gender: Gender,
}
