//! `extract --format plover`: one PLOVER-style event record per meeting.
//!
//! PLOVER (Political Language Ontology for Verifiable Event Records, the Open Event Data
//! Alliance's successor to CAMEO: <https://github.com/openeventdata/PLOVER>, manual
//! `PLOVER_MANUAL.tex`) codes "all consultations and meetings" as the event type `CONSULT`,
//! with the modes `visit`, `third-party`, `multilateral` and `phone`; it codes "references
//! to future meetings, summits, state visits" as `AGREE` (intent to cooperate), and lets a
//! coder put a `negation` in `context`. Its data fields are named JSON fields (`id`, `date`,
//! `actor`, `recipient`, `event`, `mode`, `context`, `event_loc`, `event_text`, `coder`),
//! with entity objects (`entity_text`, `identifier_id`, `identifier_text`) and location
//! objects (`extracted_place`, `resolved_place`, `geonameid`); providers may add fields of
//! their own. The mapping, field by field, is in the README ("PLOVER events").
//!
//! Only what the record knows is written: no country `code` or `sector` for actors, no
//! coordinates, no `context` topics; gazette does not tell the visitor from the host, so
//! every participant is an `actor` and `recipient` is empty, as PLOVER allows for
//! `CONSULT` ("all of the entities are considered as the actor and no recipient is
//! included").

use gazette::{Entity, EntityKind, Extraction, Meeting, MeetingStatus};
use serde::Serialize;

/// Words of the evidence sentence, between the first and the last mention of the
/// participants there ("A visited B", "A received B", "A hosted B for lunch"), that make a
/// `CONSULT` a `visit` (CAMEO's "make a visit" and "host a visit").
pub const VISIT_WORDS: &[&str] = &[
    "visit",
    "visits",
    "visited",
    "visiting",
    "host",
    "hosts",
    "hosted",
    "hosting",
    "receive",
    "receives",
    "received",
    "receiving",
    "welcome",
    "welcomes",
    "welcomed",
    "welcoming",
];

/// Phrases anywhere in the evidence sentence that make a `CONSULT` `multilateral` ("on the
/// sidelines of the G20 summit", "while attending the UN General Assembly").
pub const MULTILATERAL_PHRASES: &[&str] = &[
    "multilateral",
    "sidelines",
    "on the margins of",
    "general assembly",
];

/// One PLOVER event. Field order: PLOVER's fields, then gazette's own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// `DOC#N`: the article's `doc` and the meeting's position in its `meetings` (from 0).
    pub id: String,
    /// The meeting's date (ISO), or null when the text gives none.
    pub date: Option<String>,
    /// `CONSULT`, or `AGREE` for a planned meeting.
    pub event: Vec<&'static str>,
    /// `visit` and/or `multilateral` when the text says so (never for `AGREE`).
    pub mode: Vec<&'static str>,
    /// `negation` for a cancelled meeting; otherwise empty.
    pub context: Vec<&'static str>,
    /// Every participant.
    pub actor: Vec<Actor>,
    /// Always empty: gazette does not tell the host from the visitor.
    pub recipient: Vec<Actor>,
    /// The meeting's place, or null.
    pub event_loc: Option<Location>,
    /// The sentence that reports the meeting.
    pub event_text: Vec<String>,
    /// `gazette VERSION`.
    pub coder: String,
    /// The article's `doc`.
    pub doc: Option<String>,
    /// The article's date.
    pub doc_date: Option<String>,
    /// The meeting's position in the article's `meetings`.
    pub meeting: usize,
    /// gazette's status: `held`, `planned` or `cancelled`.
    pub status: MeetingStatus,
    /// UTF-8 byte offsets of `event_text` in the article.
    pub evidence_start: usize,
    /// See `evidence_start`.
    pub evidence_end: usize,
}

/// A PLOVER entity object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// How the evidence sentence names the participant: its most certain mention there
    /// (by `via`; "Sergei Lavrov" rather than "the minister" or "he"), or null when the
    /// sentence has none.
    pub entity_text: Option<String>,
    /// The gazetteer id (a Wikidata QID where the data has one), or null.
    pub identifier_id: Option<String>,
    /// The canonical name.
    pub identifier_text: String,
    /// gazette's kind: `person` for participants.
    pub kind: EntityKind,
    /// The position in the article's `entities`.
    pub entity: Option<usize>,
}

/// A PLOVER location object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// How the evidence sentence names the place, or null when it does not.
    pub extracted_place: Option<String>,
    /// The canonical name.
    pub resolved_place: String,
    /// The GeoNames id, when the gazetteer id is one (`geonames:1850147`).
    pub geonameid: Option<u64>,
    /// The gazetteer id.
    pub identifier_id: Option<String>,
    /// `place`, or `institution` for one standing for a place ("at the Kremlin").
    pub kind: Option<EntityKind>,
    /// The position in the article's `entities`.
    pub entity: Option<usize>,
}

/// The events of one article, one per meeting, in the order of its meetings.
pub fn events(x: &Extraction) -> Vec<Event> {
    x.meetings
        .iter()
        .enumerate()
        .map(|(i, m)| event(x, i, m))
        .collect()
}

fn event(x: &Extraction, index: usize, m: &Meeting) -> Event {
    let text = &m.evidence.text;
    let (event, context) = match m.status {
        MeetingStatus::Held => ("CONSULT", vec![]),
        MeetingStatus::Planned => ("AGREE", vec![]),
        MeetingStatus::Cancelled => ("CONSULT", vec!["negation"]),
    };
    let entity = |i: Option<usize>| i.and_then(|i| x.entities.get(i).map(|e| (i, e)));
    let actor: Vec<Actor> = m
        .participants
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let found = entity(m.participant_entities.get(k).copied());
            Actor {
                entity_text: found.and_then(|(_, e)| text_in(e, m)),
                identifier_id: m.participant_ids.get(k).cloned().flatten(),
                identifier_text: name.clone(),
                kind: found.map_or(EntityKind::Person, |(_, e)| e.kind),
                entity: found.map(|(i, _)| i),
            }
        })
        .collect();
    let mut mode = Vec::new();
    if event == "CONSULT" {
        let participants: Vec<&Entity> = m
            .participant_entities
            .iter()
            .filter_map(|&i| x.entities.get(i))
            .collect();
        if let Some((start, end)) = between_participants(&participants, m) {
            if text
                .get(start..end)
                .is_some_and(|t| has_any(t, VISIT_WORDS))
            {
                mode.push("visit");
            }
        }
        if has_any(text, MULTILATERAL_PHRASES) {
            mode.push("multilateral");
        }
    }
    let event_loc = m.place.as_ref().map(|name| {
        let found = entity(m.place_entity);
        Location {
            extracted_place: found.and_then(|(_, e)| text_in(e, m)),
            resolved_place: name.clone(),
            geonameid: m
                .place_id
                .as_deref()
                .and_then(|id| id.strip_prefix("geonames:"))
                .and_then(|n| n.parse().ok()),
            identifier_id: m.place_id.clone(),
            kind: found.map(|(_, e)| e.kind),
            entity: found.map(|(i, _)| i),
        }
    });
    let doc = x.doc.as_deref().unwrap_or("");
    Event {
        id: format!("{doc}#{index}"),
        date: m.date.clone(),
        event: vec![event],
        mode,
        context,
        actor,
        recipient: Vec::new(),
        event_loc,
        event_text: vec![text.clone()],
        coder: format!("gazette {}", env!("CARGO_PKG_VERSION")),
        doc: x.doc.clone(),
        doc_date: x.date.clone(),
        meeting: index,
        status: m.status,
        evidence_start: m.evidence.start,
        evidence_end: m.evidence.end,
    }
}

/// The text of the entity's mention inside the meeting's evidence: the most certain one
/// (by `via`: a name before a role noun or a pronoun), the first of those.
fn text_in(e: &Entity, m: &Meeting) -> Option<String> {
    e.mentions
        .iter()
        .filter(|x| x.start >= m.evidence.start && x.end <= m.evidence.end)
        .min_by_key(|x| (x.via, x.start))
        .map(|x| x.text.clone())
}

/// The stretch of the evidence (offsets into `m.evidence.text`) from the end of the first
/// mention of a participant to the start of the last one; `None` with fewer than two.
fn between_participants(participants: &[&Entity], m: &Meeting) -> Option<(usize, usize)> {
    let (from, to) = (m.evidence.start, m.evidence.end);
    let mentions: Vec<(usize, usize)> = participants
        .iter()
        .flat_map(|e| &e.mentions)
        .filter(|x| x.start >= from && x.end <= to)
        .map(|x| (x.start - from, x.end - from))
        .collect();
    let first_end = mentions.iter().min_by_key(|x| x.0)?.1;
    let last_start = mentions.iter().map(|x| x.0).max()?;
    (first_end < last_start).then_some((first_end, last_start))
}

/// Whether `text` holds one of the phrases as whole words, ignoring case.
pub fn has_any(text: &str, phrases: &[&str]) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    phrases.iter().any(|p| {
        let p: Vec<&str> = p.split_whitespace().collect();
        !p.is_empty()
            && words
                .windows(p.len())
                .any(|w| w.iter().zip(&p).all(|(a, b)| a == b))
    })
}
