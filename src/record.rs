//! The records an extraction returns: owned, serializable, in a deterministic order. The
//! JSON contract is documented on [`Extraction`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// What an entity is.
///
/// ```
/// use gazette::EntityKind;
/// assert_eq!(serde_json::to_string(&EntityKind::Institution).unwrap(), "\"institution\"");
/// assert_eq!(EntityKind::Person.to_string(), "person");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A country, region, city, territory, body of water.
    Place,
    /// A government body, ministry, organisation, company, news outlet.
    Institution,
}

impl EntityKind {
    /// The lower-case name used in files and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Institution => "institution",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything extracted from one article.
///
/// # The JSON contract
///
/// The JSON form of an `Extraction` ([`to_json_line`](Extraction::to_json_line), or serde)
/// is the output of the `extract` example: one object per article, JSON Lines. Field names
/// and values are stable:
///
/// ```json
/// {"doc": "a.txt", "date": "2017-03-20",
///  "entities": [{"kind": "person", "name": "Anatoliy Brekov", "id": "Q58217",
///                "mentions": [{"start": 10, "end": 23, "text": "Anatoly Brekov", "via": "alias"}]}],
///  "meetings": [{"participants": ["Hana Mori", "Anatoliy Brekov"],
///                "participant_ids": [null, "Q58217"], "participant_entities": [1, 0],
///                "place": "Tokyo", "place_id": "geonames:1850147", "place_entity": 2,
///                "date": "2017-03-20", "status": "held",
///                "evidence": {"start": 0, "end": 120, "text": "..."}}],
///  "quotes": [{"speaker": "Anatoliy Brekov", "speaker_kind": "person",
///              "speaker_id": "Q58217", "speaker_entity": 0,
///              "text": "keep the channel open", "start": 0, "end": 23,
///              "cue": {"start": 30, "end": 34, "text": "said"}, "sieve": "reported_speech"}]}
/// ```
///
/// - `doc`: the document's [id](crate::Document::id) (the example writes the file name), or
///   null; `date`: the article's date, ISO `YYYY-MM-DD`, or null.
/// - `kind`: `person` | `place` | `institution` ([`EntityKind`]); `name`: the canonical
///   name; `id`: the gazetteer id (a Wikidata QID where the data has one), or null for an
///   entity found by rules.
/// - `via` (every mention): how it was found, from most to least certain: `gazetteer` |
///   `alias` | `title` | `given_name` | `pattern` | `context` | `shape` | `short_form` |
///   `role` | `pronoun`
///   (see [`Via`]). Filter on it to trade recall for precision.
/// - `participants`: canonical names of at least two named people; `status`: `held` |
///   `planned` | `cancelled` ([`MeetingStatus`]); `place`, `date` (ISO): null when the text
///   does not give them; `evidence`: the sentence that first reports the meeting.
/// - Ids on relations: `participant_ids` and `participant_entities` follow the order of
///   `participants`, one value per participant: the entity's gazetteer `id` (or null), and
///   its position in this article's `entities` list (0 is the first). `place_id` and
///   `place_entity` do the same for `place`, `speaker_id` and `speaker_entity` for
///   `speaker` (all null when it is). So `entities[speaker_entity].name == speaker` and
///   `entities[participant_entities[i]].id == participant_ids[i]`. The positions hold only
///   within one article.
/// - `speaker`, `speaker_kind` (`person` | `institution`): null when the text does not say;
///   `cue`: the speech verb or phrase that attributes the quote, or null; `sieve`: the
///   attribution rule, or null: `after_quote` | `before_quote` | `reported_speech` |
///   `pronoun` | `role` | `institution` | `anonymous` | `lead_in` | `dash` |
///   `continuation` (see [`Sieve`]).
/// - Offsets are UTF-8 byte offsets into the article as given (a date header included), and
///   `text[start..end]` is the mention, the evidence, or the quoted words without their
///   marks.
/// - Order: entities by first mention, mentions, meetings and quotes by position in the
///   text.
///
/// An `Extraction` also has a one-line-per-record text rendering
/// ([`Display`](std::fmt::Display)), stable from run to run, for snapshot tests.
///
/// ```
/// use gazette::{Document, Extractor, Via};
///
/// let extractor = Extractor::new()?;
/// let out = extractor.extract(&Document::parse("Talks opened in Tokyo. Tokyo said no."));
/// let json: serde_json::Value = serde_json::from_str(&out.to_json_line()).unwrap();
/// assert_eq!(json["entities"][0]["kind"], "place");
/// assert_eq!(json["entities"][0]["mentions"][0]["via"], "gazetteer");
/// assert_eq!(out.entities[0].mentions[0].via, Via::Gazetteer);
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// The article's name: the document's [id](crate::Document::id), if it has one (the
    /// extract example uses the file name).
    pub doc: Option<String>,
    /// The article's [date](crate::Document::date), as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// People, places and institutions, by first mention.
    pub entities: Vec<Entity>,
    /// Meetings between named people, by position of their evidence.
    pub meetings: Vec<Meeting>,
    /// Quoted statements, by position.
    pub quotes: Vec<Quote>,
}

/// A person, place or institution and every place the article names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// The gazetteer id, `None` for an entity found by rules.
    pub id: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// How a mention was found, from most to least certain; lets users filter by confidence.
///
/// In JSON each value is written in snake_case, as [`as_str`](Via::as_str) gives it:
/// `gazetteer`, `alias`, `title`, `given_name`, `pattern`, `context`, `shape`, `short_form`,
/// `role`, `pronoun`.
///
/// ```
/// use gazette::Via;
/// assert_eq!(Via::ShortForm.as_str(), "short_form");
/// assert_eq!(serde_json::to_string(&Via::GivenName).unwrap(), r#""given_name""#);
/// assert!(Via::Gazetteer < Via::Pronoun); // ordered from most to least certain
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Via {
    /// The gazetteer's canonical name ("Anatoly Brekov").
    Gazetteer,
    /// A gazetteer alias or acronym ("Anatoliy Brekov", "AP"), or an acronym the text
    /// introduced in parentheses.
    Alias,
    /// A name after a title ("Deputy Foreign Minister Oleg Vasko").
    Title,
    /// A known given name followed by a surname ("Maria Zakharova").
    GivenName,
    /// An organisation pattern ("National Security Office").
    Pattern,
    /// A name no list knows, whose kind its context or its own words give ("Okafor said",
    /// "GameStop, the video game retailer", "Dallas Cowboys").
    Context,
    /// A name no list knows, taken as a person by its shape alone: two or more capitalised
    /// words that are not common English words ("Tyre Nichols").
    Shape,
    /// A short form of a name in the document ("Brekov", "Mr. Brekov"), or a surname only
    /// one gazetteer person has.
    ShortForm,
    /// A role noun standing for the person who holds it here ("the Russian foreign minister").
    Role,
    /// "he" or "she", resolved to the most recent compatible person.
    Pronoun,
}

impl Via {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Via::Gazetteer => "gazetteer",
            Via::Alias => "alias",
            Via::Title => "title",
            Via::GivenName => "given_name",
            Via::Pattern => "pattern",
            Via::Context => "context",
            Via::Shape => "shape",
            Via::ShortForm => "short_form",
            Via::Role => "role",
            Via::Pronoun => "pronoun",
        }
    }
}

/// One place in the text that names an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text, equal to `article[start..end]`.
    pub text: String,
    /// How it was found.
    pub via: Via,
}

/// A stretch of the article that supports a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Excerpt {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text, equal to `article[start..end]`.
    pub text: String,
}

/// Whether a meeting took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    /// It took place (or is taking place).
    Held,
    /// It is to take place.
    Planned,
    /// It was called off.
    Cancelled,
}

impl MeetingStatus {
    /// The lower-case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Planned => "planned",
            MeetingStatus::Cancelled => "cancelled",
        }
    }
}

/// People meeting in one place: talks, a summit, a visit, a reception, a meal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meeting {
    /// Canonical names of at least two named people.
    pub participants: Vec<String>,
    /// The gazetteer id of each participant, in the order of `participants`; `None` for a
    /// person found by rules.
    #[serde(default)]
    pub participant_ids: Vec<Option<String>>,
    /// The position of each participant in [`Extraction::entities`], in the order of
    /// `participants`: `entities[participant_entities[i]]` is the entity named
    /// `participants[i]`.
    #[serde(default)]
    pub participant_entities: Vec<usize>,
    /// Canonical name of the place (a city, region or country; else the venue itself):
    /// from the meeting's own words, a later sentence about it, a stay in its sentence, an
    /// earlier meeting of a participant, or for a held meeting the dateline or the
    /// article's setting (a city that dominates a local article).
    pub place: Option<String>,
    /// The gazetteer id of the place, when it has one.
    #[serde(default)]
    pub place_id: Option<String>,
    /// The position of the place in [`Extraction::entities`] (a place, or an institution
    /// standing for one: "at the Kremlin"), when the text gives it.
    #[serde(default)]
    pub place_entity: Option<usize>,
    /// The building or site the meeting was held in, when the text names one ("Grand
    /// Hotel", "Merdeka Palace"); `place` is then the city it stands in when that is
    /// known, else the venue itself.
    #[serde(default)]
    pub venue: Option<String>,
    /// The position of the venue in [`Extraction::entities`], when it is one.
    #[serde(default)]
    pub venue_entity: Option<usize>,
    /// ISO date, when the text gives it exactly.
    pub date: Option<String>,
    /// Held, planned or cancelled.
    pub status: MeetingStatus,
    /// The sentence that reports it first.
    pub evidence: Excerpt,
}

/// A quoted statement and who made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// Canonical name of the person or institution whose words they are; `None` when the text
    /// does not say.
    pub speaker: Option<String>,
    /// The kind of the speaker: person or institution.
    pub speaker_kind: Option<EntityKind>,
    /// The gazetteer id of the speaker; `None` without a speaker or for one found by rules.
    #[serde(default)]
    pub speaker_id: Option<String>,
    /// The position of the speaker in [`Extraction::entities`]: `entities[speaker_entity]`
    /// is the entity named `speaker`.
    #[serde(default)]
    pub speaker_entity: Option<usize>,
    /// The quoted words without their quote marks.
    pub text: String,
    /// Byte offset of the first quoted byte.
    pub start: usize,
    /// Byte offset one past the last quoted byte.
    pub end: usize,
    /// The speech verb or phrase that attributes the quote ("said", "according to"), if any.
    pub cue: Option<Excerpt>,
    /// Which attribution rule named the speaker; `None` when no rule did.
    pub sieve: Option<Sieve>,
}

/// The attribution rule (sieve) that named a quote's speaker, from most to least certain.
///
/// In JSON each value is written in snake_case, as [`as_str`](Sieve::as_str) gives it:
/// `after_quote`, `before_quote`, `reported_speech`, `pronoun`, `role`, `institution`,
/// `anonymous`, `lead_in`, `dash`, `continuation`.
///
/// ```
/// use gazette::Sieve;
/// assert_eq!(Sieve::LeadIn.as_str(), "lead_in");
/// assert_eq!(serde_json::to_string(&Sieve::AfterQuote).unwrap(), r#""after_quote""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Sieve {
    /// A named speaker right after the quote: `"…," X said`, `said X`, `according to X`.
    AfterQuote,
    /// A named speaker right before the quote: `X said: "…"`, `X said that "…"`.
    BeforeQuote,
    /// A partial quote inside reported speech: `X said the two countries should "…"`.
    ReportedSpeech,
    /// A pronoun resolved to its person: `"…," he said`.
    Pronoun,
    /// A role noun resolved to the person holding the role: `"…," the minister said`.
    Role,
    /// A part of an institution speaking for it: `the ministry's press service said`, `the
    /// press service said` (after an earlier tie), `a White House statement said`.
    Institution,
    /// An unnamed speaker tied to an institution (`a ministry official said`), or to none.
    Anonymous,
    /// A lead-in before the quote's paragraph: `Hugh Hill, a doctor, said:`.
    LeadIn,
    /// A dash attribution: `"…" – Commissioner X`.
    Dash,
    /// The quote continues the previous speaker's statement.
    Continuation,
}

impl Sieve {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Sieve::AfterQuote => "after_quote",
            Sieve::BeforeQuote => "before_quote",
            Sieve::ReportedSpeech => "reported_speech",
            Sieve::Pronoun => "pronoun",
            Sieve::Role => "role",
            Sieve::Institution => "institution",
            Sieve::Anonymous => "anonymous",
            Sieve::LeadIn => "lead_in",
            Sieve::Dash => "dash",
            Sieve::Continuation => "continuation",
        }
    }
}

impl Extraction {
    /// The extraction as one line of JSON (the extract example's output format).
    ///
    /// ```
    /// let out = gazette::Extraction::default();
    /// assert_eq!(
    ///     out.to_json_line(),
    ///     r#"{"doc":null,"date":null,"entities":[],"meetings":[],"quotes":[]}"#
    /// );
    /// ```
    pub fn to_json_line(&self) -> String {
        // Serializing plain strings, numbers and vectors cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The entity of this canonical name and kind, if extracted.
    pub fn entity(&self, kind: EntityKind, name: &str) -> Option<&Entity> {
        self.entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
    }
}

/// One line per record: `entity`, `meeting` and `quote` lines in the records' order, each
/// mention and excerpt as `start..end "text"`. Stable from run to run, for snapshots.
impl fmt::Display for Extraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "doc {}  date {}",
            self.doc.as_deref().unwrap_or("-"),
            self.date.as_deref().unwrap_or("-")
        )?;
        for e in &self.entities {
            write!(
                f,
                "entity {} {:?} [{}]:",
                e.kind,
                e.name,
                e.id.as_deref().unwrap_or("-")
            )?;
            for (i, m) in e.mentions.iter().enumerate() {
                let sep = if i == 0 { " " } else { ", " };
                write!(f, "{sep}{}..{} {:?}", m.start, m.end, m.text)?;
                if m.via != Via::Gazetteer {
                    write!(f, "/{}", m.via.as_str())?;
                }
            }
            writeln!(f)?;
        }
        for m in &self.meetings {
            writeln!(
                f,
                "meeting {} {} place={} date={} @{}..{}",
                m.status.as_str(),
                m.participants.join(" + "),
                m.place.as_deref().unwrap_or("-"),
                m.date.as_deref().unwrap_or("-"),
                m.evidence.start,
                m.evidence.end
            )?;
        }
        for q in &self.quotes {
            writeln!(
                f,
                "quote {} ({}) [{}{}] {}..{} {:?}",
                q.speaker.as_deref().unwrap_or("-"),
                q.speaker_kind.map_or("-", |k| k.as_str()),
                q.sieve.map_or("-", |s| s.as_str()),
                q.cue
                    .as_ref()
                    .map_or(String::new(), |c| format!(" {:?}", c.text)),
                q.start,
                q.end,
                q.text
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `via` and `sieve` value (issue 15): written in the public docs of `Extraction`
    /// and in the README. The matches fail to compile when a value is added.
    #[test]
    fn every_via_and_sieve_value_is_documented() {
        fn via(v: Via) -> (&'static str, String) {
            match v {
                Via::Gazetteer
                | Via::Alias
                | Via::Title
                | Via::GivenName
                | Via::Pattern
                | Via::Context
                | Via::Shape
                | Via::ShortForm
                | Via::Role
                | Via::Pronoun => (v.as_str(), serde_json::to_string(&v).unwrap()),
            }
        }
        fn sieve(s: Sieve) -> (&'static str, String) {
            match s {
                Sieve::AfterQuote
                | Sieve::BeforeQuote
                | Sieve::ReportedSpeech
                | Sieve::Pronoun
                | Sieve::Role
                | Sieve::Institution
                | Sieve::Anonymous
                | Sieve::LeadIn
                | Sieve::Dash
                | Sieve::Continuation => (s.as_str(), serde_json::to_string(&s).unwrap()),
            }
        }
        use Sieve as S;
        let values = [
            Via::Gazetteer,
            Via::Alias,
            Via::Title,
            Via::GivenName,
            Via::Pattern,
            Via::Context,
            Via::Shape,
            Via::ShortForm,
            Via::Role,
            Via::Pronoun,
        ]
        .map(via)
        .into_iter()
        .chain(
            [
                S::AfterQuote,
                S::BeforeQuote,
                S::ReportedSpeech,
                S::Pronoun,
                S::Role,
                S::Institution,
                S::Anonymous,
                S::LeadIn,
                S::Dash,
                S::Continuation,
            ]
            .map(sieve),
        );
        let source = include_str!("record.rs");
        let contract = &source[..source.find("pub struct Extraction").unwrap_or(0)];
        let readme = include_str!("../README.md");
        for (value, json) in values {
            let quoted = format!("`{value}`");
            assert!(
                contract.contains(&quoted),
                "{value} not in the Extraction docs"
            );
            assert!(readme.contains(&quoted), "{value} not in the README");
            assert_eq!(json, format!("\"{value}\""));
        }
    }

    #[test]
    fn display_renders_one_line_per_record() {
        let out = Extraction {
            doc: Some("a.txt".into()),
            date: Some("2017-03-20".into()),
            entities: vec![Entity {
                kind: EntityKind::Place,
                name: "Japan".into(),
                id: Some("Q17".into()),
                mentions: vec![
                    Mention {
                        start: 0,
                        end: 5,
                        text: "Japan".into(),
                        via: Via::Gazetteer,
                    },
                    Mention {
                        start: 9,
                        end: 14,
                        text: "JAPAN".into(),
                        via: Via::Alias,
                    },
                ],
            }],
            meetings: vec![Meeting {
                participants: vec!["A B".into(), "C D".into()],
                participant_ids: vec![None, None],
                participant_entities: vec![1, 2],
                place: None,
                place_id: None,
                place_entity: None,
                venue: None,
                venue_entity: None,
                date: None,
                status: MeetingStatus::Planned,
                evidence: Excerpt {
                    start: 0,
                    end: 3,
                    text: "A m".into(),
                },
            }],
            quotes: vec![Quote {
                speaker: None,
                speaker_kind: None,
                speaker_id: None,
                speaker_entity: None,
                text: "yes".into(),
                start: 20,
                end: 23,
                cue: None,
                sieve: None,
            }],
        };
        assert_eq!(
            out.to_string(),
            "doc a.txt  date 2017-03-20\n\
             entity place \"Japan\" [Q17]: 0..5 \"Japan\", 9..14 \"JAPAN\"/alias\n\
             meeting planned A B + C D place=- date=- @0..3\n\
             quote - (-) [-] 20..23 \"yes\"\n"
        );
        let json: serde_json::Value = serde_json::from_str(&out.to_json_line()).unwrap();
        assert_eq!(json["entities"][0]["kind"], "place");
        assert_eq!(json["meetings"][0]["status"], "planned");
        assert_eq!(json["quotes"][0]["speaker"], serde_json::Value::Null);
    }

    /// Issue 14: ids on relations. Output written before the ids were added (or by another
    /// system) still reads: the new fields are optional.
    #[test]
    fn relations_without_ids_still_deserialize() {
        let old = r#"{"doc": "a.txt", "date": null, "entities": [],
            "meetings": [{"participants": ["A B", "C D"], "place": "Paris", "date": null,
                          "status": "held", "evidence": {"start": 0, "end": 3, "text": "A m"}}],
            "quotes": [{"speaker": "A B", "speaker_kind": "person", "text": "yes",
                        "start": 5, "end": 8, "cue": null, "sieve": "after_quote"}]}"#;
        let out: Extraction = serde_json::from_str(old).unwrap();
        assert!(out.meetings[0].participant_entities.is_empty());
        assert_eq!(out.meetings[0].place_entity, None);
        assert_eq!(out.quotes[0].speaker_entity, None);
    }

    /// Issue 14: the id fields of relations are in the contract and in the README.
    #[test]
    fn relation_id_fields_are_documented() {
        let source = include_str!("record.rs");
        let contract = &source[..source.find("pub struct Extraction").unwrap_or(0)];
        let readme = include_str!("../README.md");
        for field in [
            "participant_ids",
            "participant_entities",
            "place_id",
            "place_entity",
            "speaker_id",
            "speaker_entity",
        ] {
            let quoted = format!("`{field}`");
            assert!(
                contract.contains(&quoted),
                "{field} not in the Extraction docs"
            );
            assert!(readme.contains(&quoted), "{field} not in the README");
        }
    }

    /// Issue 14: the new fields sit next to the ones they qualify, and the old fields keep
    /// their form (`participants` a list of names, `speaker` a string or null).
    #[test]
    fn relation_ids_are_written_next_to_the_names() {
        let meeting = Meeting {
            participants: vec!["A B".into(), "C D".into()],
            participant_ids: vec![Some("Q1".into()), None],
            participant_entities: vec![0, 1],
            place: Some("Paris".into()),
            place_id: Some("geonames:2988507".into()),
            place_entity: Some(2),
            venue: None,
            venue_entity: None,
            date: None,
            status: MeetingStatus::Held,
            evidence: Excerpt {
                start: 0,
                end: 3,
                text: "A m".into(),
            },
        };
        let json = serde_json::to_string(&meeting).unwrap();
        assert!(json.starts_with(
            r#"{"participants":["A B","C D"],"participant_ids":["Q1",null],"participant_entities":[0,1],"place":"Paris","place_id":"geonames:2988507","place_entity":2,"#
        ), "{json}");
    }
}
