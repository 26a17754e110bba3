//! The classes of the lexicon files (`class` column), as enums parsed once, when a file is
//! read: an unknown class is an error naming its file and line.
//!
//! Each file documents its classes in its header comment and in `gazetteers/README.md`; a
//! term may be listed with several classes (one line each), which the compiled lexicons
//! keep as a [`ClassSet`].

use std::fmt;
use std::marker::PhantomData;

/// A class of a lexicon file: its names in files, in declaration order.
pub(crate) trait Class: Copy + Eq + fmt::Debug + 'static {
    /// Every class with its name in files, in declaration order (at most 32).
    const ALL: &'static [(&'static str, Self)];

    /// The class named `name` in a file.
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
    }

    /// The names a file may use, for error messages: "`a`, `b` or `c`".
    fn expected() -> String {
        let names: Vec<String> = Self::ALL.iter().map(|(n, _)| format!("`{n}`")).collect();
        match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    /// The class's position in [`Class::ALL`] (its declaration order).
    fn index(self) -> usize;

    /// The class's bit in a [`ClassSet`].
    fn bit(self) -> u64 {
        1 << self.index()
    }
}

/// Defines a class enum with its names in files.
macro_rules! classes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl Class for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($text, $name::$variant),)*];

            fn index(self) -> usize {
                // Variants are declared in the order of `ALL`, from 0.
                self as usize
            }
        }
    };
}

classes! {
    /// `speech_verbs*.tsv`: how a cue relates to its speaker.
    SpeechClass {
        /// A finite speech verb or verb phrase ("said", "wrote", "pointed out"): the speaker
        /// is its subject, before it, or after it in an inverted attribution ("said X").
        Verb = "verb",
        /// A verb whose object is the listener ("told", "tells"): the speaker is its
        /// subject, never the name after it.
        Tell = "tell",
        /// An "-ing" form ("adding", "saying"): the speaker is the subject of the sentence.
        Participle = "participle",
        /// A phrase whose speaker follows it ("according to", "in the words of").
        SpeakerAfter = "speaker_after",
        /// A phrase whose speaker precedes it ("quoted X as saying").
        SpeakerBefore = "speaker_before",
        /// A word before a quotation that makes it a term or a name, not a statement
        /// ("so-called", "dubbed", "known as").
        TermMarker = "term_marker",
    }
}

classes! {
    /// `meeting_triggers*.tsv`: what a term tells the meetings pass.
    TriggerClass {
        /// A meeting verb or verb phrase ("met", "held talks", "was received by").
        Verb = "verb",
        /// A meeting only with a named person as its object ("received", "hosted").
        ObjectVerb = "object_verb",
        /// A meeting noun ("talks", "summit").
        Noun = "noun",
        /// A marker that makes the meeting planned ("invited", "scheduled"); tense markers
        /// ("will", "is to") are the `future` class of `function_words.tsv`.
        Planned = "planned",
        /// A marker that makes the meeting cancelled ("called off").
        Cancelled = "cancelled",
        /// A marker just before the trigger that means no meeting ("refused to").
        Negation = "negation",
        /// No meeting in the clause: phone and video calls, letters.
        NotMeeting = "not_meeting",
        /// The subject met each of the others apart ("separately").
        Separate = "separate",
        /// A verb that makes a meeting noun after it a meeting ("held several rounds of").
        LightVerb = "light_verb",
        /// A preposition that introduces the participants after a meeting noun ("a lunch
        /// for Xi", "talks between Kim and Lee", "a meeting of the three leaders").
        Link = "link",
        /// A verb of attending: its subject joins the meeting its object names ("attended
        /// the meeting", "were part of the talks", "before entering the meeting").
        Attend = "attend",
        /// A word of a stay after which a place is where a person is, so a meeting told in
        /// the same sentence is held there ("who is visiting Oslo", "his trip to Lima").
        VisitPlace = "visit_place",
        /// A verb of arriving with the same reading, before the meeting's trigger only
        /// ("arrived in Hanoi and met").
        Arrival = "arrival",
        /// A word that ends a clause, so that a meeting told after it is one of its own: a
        /// conjunction of contrast ("while", "whereas", "but") or a relative phrase of
        /// sequence ("after which"). Read by the clause cut, never matched as a trigger.
        ClauseBreak = "clause_break",
        /// A subordinator of sequence that, before a gerund, opens a clause of its own:
        /// "before", "after" ("..., before heading to the palace to meet Lee"). Read by the
        /// clause cut, never matched as a trigger.
        GerundBreak = "gerund_break",
        /// A number word counting a group ("all four", "the two leaders"), listed in
        /// counting order from "one": a word's value is its place among the `count` rows.
        /// Never matched as a trigger.
        Count = "count",
        /// A word before "counterparts" that gives each person before it one of them, as
        /// "their" does: "respective" ("A and B, with respective counterparts C and D").
        /// Never matched as a trigger.
        Distributive = "distributive",
    }
}

classes! {
    /// `function_words*.tsv`: the closed classes of English grammar the rules read.
    FunctionClass {
        /// "the", "a", "this", "each".
        Determiner = "determiner",
        /// A determiner that points at something known: "the", "this", "those".
        Definite = "definite",
        /// "his", "her", "its", "their", "our", "my", "your".
        Possessive = "possessive",
        /// A word qualifying a role in time or standing: "former", "then", "acting".
        Qualifier = "qualifier",
        /// "he", "she", "it", "they", "we", "I", "you".
        SubjectPronoun = "subject_pronoun",
        /// "him", "her", "it", "them", "us", "me", "you".
        ObjectPronoun = "object_pronoun",
        /// Refers to the speaker: "I", "we", "me", "us".
        FirstPerson = "first_person",
        /// Refers to a man: "he", "him", "his", "himself".
        Male = "male",
        /// Refers to a woman: "she", "her", "hers", "herself".
        Female = "female",
        /// "of", "with", "between", "at".
        Preposition = "preposition",
        /// A word after which a name is a place: "in", "near", "from", "visited".
        Locative = "locative",
        /// "and", "or", "but", "nor".
        Conjunction = "conjunction",
        /// A word that opens a subordinate clause: "while", "because", "although".
        Subordinator = "subordinator",
        /// A word that opens a relative clause: "who", "which", "where".
        Relative = "relative",
        /// "is", "was", "has", "did", "been".
        Auxiliary = "auxiliary",
        /// "will", "would", "can", "should".
        Modal = "modal",
        /// "not", "never", "n't".
        Negation = "negation",
        /// A marker of future time: "will", "is to", "expected to", "next".
        Future = "future",
        /// An adverb that may stand between a subject and its verb: "yesterday", "also",
        /// "then", "reportedly".
        Adverb = "adverb",
        /// A form of the verb "be": "is", "was", "been", "being" (with a past participle
        /// after it, a passive: "was received").
        Be = "be",
        /// A preposition whose phrase modifies the noun before it rather than standing
        /// as a participant of the clause: "of", "from", "about" ("the son of Kim", "a
        /// letter from Lee").
        Adnominal = "adnominal",
        /// An article: "the", "a", "an" ("the" is also `definite`).
        Article = "article",
        /// Refers to a thing or an institution, not a person: "it", "its", "itself".
        Neuter = "neuter",
        /// A word that opens the clause of what is said: "that" ("said that …").
        Complementizer = "complementizer",
        /// A word that, after a comma, opens a new clause with a subject of its own: "and",
        /// "but", "while", "whereas" ("Kim arrived, and Lee said …").
        ClauseJoiner = "clause_joiner",
        /// A word after which a person is not the subject of the sentence: a preposition
        /// that makes the person its object ("with Kim", "to Lee", "by Ortiz", "than Kim"),
        /// or "and", which makes the person the second of a pair ("Kim and Lee said": the
        /// subject is Kim).
        Oblique = "oblique",
        /// A conjunction that joins the items of a list of names or nouns: "and", "or"
        /// ("Kim, Lee and Ortiz"; not "but", which contrasts).
        ListConjunction = "list_conjunction",
        /// A preposition that links a person to the institution they work for: "at",
        /// "with", "for" ("a lawyer at Acme", "an official with the agency").
        Affiliation = "affiliation",
        /// A locative preposition whose object is nearly always a place: "in", "near",
        /// "from", "outside" ("in Busia"; not "at", which also takes institutions: "at
        /// Acme").
        PlacePreposition = "place_preposition",
        /// A preposition before the place where something happens: "in", "at" ("met in
        /// Oslo", "talks at the Kremlin"); not "near" or "from", which name another place.
        VenuePreposition = "venue_preposition",
        /// Refers to several people or things: "they", "them", "their" ("Kim and Lee ...
        /// after their summit").
        Plural = "plural",
        /// Joins a noun to the list of names that are instances of it: "such as",
        /// "including" ("villages such as Harlowby and Wold", "firms including Tickbox").
        ListIntroducer = "list_introducer",
    }
}

classes! {
    /// `role_nouns*.tsv`: common nouns that stand for unnamed people or institutions.
    RoleNounClass {
        /// An unnamed person who speaks for an institution or for nobody named: "official",
        /// "source", "spokesman".
        Anonymous = "anonymous",
        /// A part of an institution that speaks for it: "statement", "ministry", "office".
        Organ = "organ",
        /// A plural noun for people counted as a group: "leaders", "ministers", "sides".
        Group = "group",
        /// A lower-case office that is an institution: "the presidential office", "the
        /// foreign ministry".
        Office = "office",
        /// An office that is an institution only with a country before it: "the Kenyan
        /// government", "Mexico's embassy".
        NationalOffice = "national_office",
        /// A noun for a person ("lawyer", "coach"): "Ana Ruiz, a lawyer," is a person.
        PersonNoun = "person_noun",
        /// A noun for an organisation ("company", "club"): "Tickbox, a start-up," is one.
        InstitutionNoun = "institution_noun",
        /// A noun for a place ("town", "suburb"): "Busia, a border town," is a place.
        PlaceNoun = "place_noun",
        /// A part, member or property of an organisation ("chief executive", "shareholders"):
        /// "Axios's chief executive" makes Axios an institution.
        InstitutionPart = "institution_part",
        /// A person's relative or intimate ("wife", "lawyer"): "Okafor's wife" makes Okafor a
        /// person.
        Relative = "relative",
        /// A blood relative who usually shares the family name ("son", "sister"): "Tomas
        /// Berg and his son Erik" names Erik Berg.
        Family = "family",
        /// A noun for the person who holds the same office elsewhere: "counterpart",
        /// "counterparts" ("his Russian counterpart", "with their counterparts").
        Counterpart = "counterpart",
        /// A piece of writing or broadcasting that an outlet carries: "in X" or "on X" after
        /// it names the outlet ("an article in the Bergen Courier", "an interview on Radio
        /// Wold").
        Piece = "piece",
        /// A noun for the people who live in or come from a place: the name right before it
        /// is a place ("Harlowby resident Ana Ruiz", "Wold natives").
        Inhabitant = "inhabitant",
        /// A noun for a creative work: the capitalised words right after it are its title,
        /// no entity ("the film Harlow Nights", "her novel Wold").
        Work = "work",
    }
}

classes! {
    /// `name_words*.tsv`: the class of a word for the name pass (case-sensitive).
    WordClass {
        /// The head noun of an organisation name: "University", "Ministry", "Party".
        OrgHead = "org_head",
        /// A capitalised word that is not part of a person's name but may stand inside an
        /// organisation's: "National", "Foreign", "Prime", "Minister".
        OrgWord = "org_word",
        /// A building or facility noun: a place name right before it is part of the
        /// building's name ("Bellevue Palace"). It may be a surname ("Park").
        Facility = "facility",
        /// A lower-case particle inside a person's name: "de", "van", "bin".
        Particle = "particle",
        /// A capitalised word that is not part of a person's name: "The", "Monday".
        NotName = "not_name",
        /// A lower-case word joining the capitalised words of an organisation's name after
        /// its head noun: "Ministry of Foreign Affairs and Trade".
        Connector = "connector",
        /// A lower-case word that may stand inside the capitalised title of a work: "The
        /// Art of the Deal".
        TitleWord = "title_word",
        /// A word ending a company's name, written without its period: "Inc", "Ltd", "AG".
        CorporateSuffix = "corporate_suffix",
        /// A noun ending a place's name: "County", "River", "Island", "Street".
        PlaceWord = "place_word",
        /// A lower-case preposition that joins an organisation's head noun to the
        /// capitalised words naming its field or place: "Ministry of Public Security",
        /// "Council for Trade".
        HeadLink = "head_link",
        /// A participle that, joined by a hyphen after a name, makes that name a place:
        /// "Kuwait-based", "Kyiv-born", "Paris-headquartered".
        PlaceParticiple = "place_participle",
        /// A participle that, joined by a hyphen after a place, describes the organisation
        /// named after it by its seat: "Seattle-based Acme".
        SeatParticiple = "seat_participle",
        /// A word for the followers of a religion or the members of a people larger than one
        /// country: "Muslims", "Latino", "Asian". No entity on its own.
        GroupNoun = "group_noun",
        /// A lower-case adjective that places a region inside a place, between a locative
        /// and its name: "in southern Wold", "in rural Harlowby", "in neighbouring Bergen".
        PlaceModifier = "place_modifier",
        /// A word that ends a newspaper's name only after a place or another such word:
        /// "the Harlow Mail", "the Wold Star"; alone it is a common word.
        OutletWord = "outlet_word",
        /// A lower-case participle that names what the noun before it is called: "called",
        /// "named" ("a company called Tickbox": the name is of the noun's kind).
        Naming = "naming",
    }
}

classes! {
    /// `words*.tsv`: the parts of speech an English word form can have.
    WordTag {
        /// A noun, singular or mass ("police", "trade").
        Noun = "noun",
        /// A plural noun form ("cowboys", "talks").
        Plural = "plural",
        /// A verb's base form ("meet", "say").
        Verb = "verb",
        /// A verb's third person singular ("meets", "says").
        Verb3sg = "verb_3sg",
        /// A verb's past tense ("met", "said").
        VerbPast = "verb_past",
        /// A verb's past participle ("met", "given").
        VerbPastPart = "verb_pastpart",
        /// A verb's "-ing" form ("meeting", "saying").
        VerbIng = "verb_ing",
        /// An adjective ("free", "brown").
        Adj = "adj",
        /// An adverb ("also", "freely").
        Adv = "adv",
    }
}

/// A set of classes of one kind, as bits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ClassSet<C> {
    bits: u64,
    kind: PhantomData<C>,
}

impl<C: Class> ClassSet<C> {
    /// The empty set.
    pub(crate) const EMPTY: ClassSet<C> = ClassSet {
        bits: 0,
        kind: PhantomData,
    };

    /// The set holding `classes`.
    pub(crate) fn of(classes: &[C]) -> ClassSet<C> {
        let mut set = ClassSet::EMPTY;
        for &c in classes {
            set.insert(c);
        }
        set
    }

    /// The set of these bits, as [`Class::bit`] gives them; a bit of no class is dropped.
    pub(crate) fn from_bits(bits: u64) -> ClassSet<C> {
        let all = C::ALL.iter().fold(0, |all, (_, c)| all | c.bit());
        ClassSet {
            bits: bits & all,
            kind: PhantomData,
        }
    }

    /// Adds a class.
    pub(crate) fn insert(&mut self, class: C) {
        self.bits |= class.bit();
    }

    /// Whether the set holds `class`.
    pub(crate) fn has(self, class: C) -> bool {
        self.bits & class.bit() != 0
    }

    /// Whether the set holds any class of `other`.
    pub(crate) fn meets(self, other: ClassSet<C>) -> bool {
        self.bits & other.bits != 0
    }

    /// Whether the set is empty.
    pub(crate) fn is_empty(self) -> bool {
        self.bits == 0
    }
}

impl<C: Class> Default for ClassSet<C> {
    fn default() -> Self {
        ClassSet::EMPTY
    }
}

impl<C: Class> fmt::Debug for ClassSet<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(C::ALL.iter().filter(|(_, c)| self.has(*c)).map(|(n, _)| n))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_sets_hold_their_classes() {
        assert_eq!(SpeechClass::parse("tell"), Some(SpeechClass::Tell));
        assert_eq!(SpeechClass::parse("phrase"), None);
        assert!(SpeechClass::expected().ends_with("or `term_marker`"));
        let set = ClassSet::of(&[TriggerClass::Noun, TriggerClass::Separate]);
        assert!(set.has(TriggerClass::Noun) && set.has(TriggerClass::Separate));
        assert!(!set.has(TriggerClass::Verb));
        assert!(set.meets(ClassSet::of(&[TriggerClass::Verb, TriggerClass::Noun])));
        assert!(!set.meets(ClassSet::of(&[TriggerClass::Verb])));
        assert_eq!(format!("{set:?}"), r#"{"noun", "separate"}"#);
        for (name, class) in FunctionClass::ALL {
            assert_eq!(FunctionClass::parse(name), Some(*class));
        }
        // A class's index is its position in `ALL`.
        for (i, (_, class)) in FunctionClass::ALL.iter().enumerate() {
            assert_eq!(class.index(), i);
        }
        for (i, (_, class)) in WordClass::ALL.iter().enumerate() {
            assert_eq!(class.index(), i);
        }
        // Every kind fits the 64 bits of a set.
        assert!(SpeechClass::ALL.len() <= 64 && TriggerClass::ALL.len() <= 64);
        assert!(FunctionClass::ALL.len() <= 64 && RoleNounClass::ALL.len() <= 64);
        assert!(WordClass::ALL.len() <= 64);
    }
}
