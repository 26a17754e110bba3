//! The meetings pass, one table row per rule: text in, meetings out. Sentences written for
//! these tests; people are introduced by titles so that the rows do not depend on the
//! default people gazetteer.

use gazette::{Document, Extractor, MeetingStatus};
use once_cell::sync::Lazy;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| Extractor::new().expect("defaults load"));

/// `(participants sorted, status, place, date)` of each meeting of `text`.
type Row = (Vec<String>, MeetingStatus, Option<String>, Option<String>);

fn meetings(text: &str) -> Vec<Row> {
    let out = EXTRACTOR.extract(&Document::parse(text));
    out.meetings
        .into_iter()
        .map(|m| {
            let mut p = m.participants;
            p.sort();
            (p, m.status, m.place, m.date)
        })
        .collect()
}

fn row(people: &[&str], status: MeetingStatus, place: Option<&str>, date: Option<&str>) -> Row {
    let mut p: Vec<String> = people.iter().map(|s| s.to_string()).collect();
    p.sort();
    (
        p,
        status,
        place.map(str::to_string),
        date.map(str::to_string),
    )
}

const A: &str = "Anna Kovacs";
const B: &str = "Tomas Berglund";
const C: &str = "Ingrid Solheim";
const D: &str = "Pedro Almeida";

/// Introduces A, B, C and D with titles, then the sentence under test.
fn story(sentence: &str) -> String {
    format!(
        " date 2019-05-15 Foreign Minister Anna Kovacs of Hungary arrived. \
         Foreign Minister Tomas Berglund of Sweden was there too. \
         Defence Minister Ingrid Solheim of Norway came later. \
         Defence Minister Pedro Almeida of Portugal stayed home.\n\n{sentence}"
    )
}

use MeetingStatus::{Cancelled, Held, Planned};

#[test]
fn trigger_forms() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        // A role noun for a person whose title named the country between title and name
        // ("Minister for Foreign Affairs of Japan, Kamikawa Yoko").
        (
            "Visiting Minister for Foreign Affairs of Japan, Kamikawa Yoko, arrived. Later, \
             the Japanese foreign minister paid a courtesy call on Kovacs.",
            vec![row(&[A, "Kamikawa Yoko"], Held, None, None)],
        ),
        // A present progressive on the article's own day has not happened yet; a past
        // progressive has.
        (
            "Kovacs is meeting with Berglund on Wednesday to discuss the budget.",
            vec![row(&[A, B], Planned, None, Some("2019-05-15"))],
        ),
        (
            "Kovacs was meeting with Berglund on Wednesday when the news broke.",
            vec![row(&[A, B], Held, None, Some("2019-05-15"))],
        ),
        // Credentials presented and received, with or without a determiner.
        (
            "Kovacs presented her letters of credence to Berglund on Monday.",
            vec![row(&[A, B], Held, None, Some("2019-05-13"))],
        ),
        (
            "Berglund received credentials from Kovacs.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs met Berglund on Monday.",
            vec![row(&[A, B], Held, None, Some("2019-05-13"))],
        ),
        (
            "Kovacs met with Berglund in Vienna.",
            vec![row(&[A, B], Held, Some("Vienna"), None)],
        ),
        // Credentials: the ambassador and the head of state receiving them.
        (
            "Kovacs received the credentials of Berglund on Monday.",
            vec![row(&[A, B], Held, None, Some("2019-05-13"))],
        ),
        (
            "Berglund presented his credentials to Kovacs.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // A passive's agent acts in the meeting noun after it.
        (
            "The plan was announced by Kovacs during her speech at the accreditation of \
             Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs held talks with Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs sat down with Berglund in Oslo.",
            vec![row(&[A, B], Held, Some("Oslo"), None)],
        ),
        (
            "Kovacs hosted Berglund for dinner.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs received Berglund at her office.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Berglund was received by Kovacs in Budapest.",
            vec![row(&[A, B], Held, Some("Budapest"), None)],
        ),
        (
            "Kovacs shook hands with Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs and Berglund met in Geneva.",
            vec![row(&[A, B], Held, Some("Geneva"), None)],
        ),
        (
            "Talks between Kovacs and Berglund lasted an hour.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "The Kovacs-Berglund summit ended early.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "During her meeting with Berglund, Kovacs raised trade.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs visited Berglund in hospital.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs and Solheim met Berglund and Almeida in Lisbon.",
            vec![row(&[A, B, C, D], Held, Some("Lisbon"), None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

#[test]
fn status() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "Kovacs will meet Berglund in Rome.",
            vec![row(&[A, B], Planned, Some("Rome"), None)],
        ),
        (
            "Kovacs is to meet Berglund.",
            vec![row(&[A, B], Planned, None, None)],
        ),
        // A meeting noun as the subject of a future verb group; the person who reports it
        // is no participant.
        (
            "Talks between Kovacs and Berglund will take place in Rome, Almeida told \
             journalists.",
            vec![row(&[A, B], Planned, Some("Rome"), None)],
        ),
        (
            "The summit between Kovacs and Berglund ended in Rome. Both leaders will fly home.",
            vec![row(&[A, B], Held, Some("Rome"), None)],
        ),
        (
            "Kovacs is expected to meet Berglund.",
            vec![row(&[A, B], Planned, None, None)],
        ),
        (
            "Kovacs will meet Berglund on Friday.",
            vec![row(&[A, B], Planned, None, Some("2019-05-17"))],
        ),
        (
            "Kovacs called off her meeting with Berglund.",
            vec![row(&[A, B], Cancelled, None, None)],
        ),
        (
            "A planned meeting between Kovacs and Berglund was cancelled.",
            vec![row(&[A, B], Cancelled, None, None)],
        ),
        (
            "Kovacs postponed talks with Berglund.",
            vec![row(&[A, B], Cancelled, None, None)],
        ),
        // A marker far from the trigger does not make a past meeting planned.
        (
            "This will be the first visit since a 2010 meeting between Kovacs and Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

#[test]
fn clauses_separate_meetings_and_groups() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "Kovacs met Berglund, while Solheim is to sit down with Almeida.",
            vec![row(&[A, B], Held, None, None), row(&[C, D], Planned, None, None)],
        ),
        (
            "Kovacs separately met Berglund, Solheim and Almeida.",
            vec![
                row(&[A, B], Held, None, None),
                row(&[A, C], Held, None, None),
                row(&[A, D], Held, None, None),
            ],
        ),
        (
            "Kovacs will hold summits with Berglund and Solheim.",
            vec![row(&[A, B], Planned, None, None), row(&[A, C], Planned, None, None)],
        ),
        (
            "Kovacs met Berglund, while Solheim met Almeida. All four will meet later.",
            vec![
                row(&[A, B], Held, None, None),
                row(&[C, D], Held, None, None),
                row(&[A, B, C, D], Planned, None, None),
            ],
        ),
        (
            "Berglund was welcomed at the airport by Solheim before heading to the palace to meet Kovacs.",
            vec![row(&[B, C], Held, None, None), row(&[A, B], Held, None, None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

#[test]
fn a_meeting_told_again_is_one_record_with_its_first_evidence() {
    let text = story(
        "Kovacs met Berglund in Vienna. The talks lasted two hours. Later Kovacs met with \
         Berglund again, officials said.",
    );
    let out = EXTRACTOR.extract(&Document::parse(text.clone()));
    assert_eq!(out.meetings.len(), 1);
    let ev = &out.meetings[0].evidence;
    assert_eq!(ev.text, "Kovacs met Berglund in Vienna.");
    assert_eq!(&text[ev.start..ev.end], ev.text);
}

#[test]
fn counterparts_resolve_through_roles() {
    let text = " date 2019-05-15 Swedish Foreign Minister Tomas Berglund spoke. \
                Hungarian Foreign Minister Anna Kovacs listened.\n\n\
                Later Berglund met his Hungarian counterpart in Vienna.";
    assert_eq!(
        meetings(text),
        vec![row(&[A, B], Held, Some("Vienna"), None)]
    );
}

#[test]
fn no_meeting() {
    for sentence in [
        "Kovacs met with criticism over the plan.",
        "The results of the meeting failed to meet expectations, Berglund said.",
        "The meeting was about trade.",
        "Kovacs met Swedish officials in Stockholm.",
        "Kovacs visited Sweden in March.",
        "Kovacs did not meet Berglund.",
        "Kovacs spoke with Berglund by phone.",
        "Kovacs held a video call with Berglund.",
        "Kovacs sent Berglund a letter about the meeting.",
        "Kovacs will travel to Sweden, and Berglund will stay home.",
        "The talks precede Berglund's visit to Hungary, according to Kovacs.",
        "During the meeting, Kovacs criticised Berglund's plan.",
        "\"We met Berglund,\" the Hungarian spokesman said.",
        "Kovacs, who was in Paris, met Berglund by video link.",
    ] {
        assert_eq!(meetings(&story(sentence)), vec![], "{sentence}");
    }
}

#[test]
fn evidence_offsets_index_the_text() {
    let text = story("Kovacs met Berglund in Vienna on Monday.");
    let out = EXTRACTOR.extract(&Document::parse(text.clone()));
    for m in &out.meetings {
        assert_eq!(&text[m.evidence.start..m.evidence.end], m.evidence.text);
    }
}

#[test]
fn their_counterparts_pair_each_side_by_role() {
    // Named counterparts: each minister meets the counterpart of the same office.
    let text = story(
        "Kovacs and Solheim held talks with their counterparts Almeida and Berglund in Oslo.",
    );
    assert_eq!(
        meetings(&text),
        vec![
            row(&[A, B], Held, Some("Oslo"), None),
            row(&[C, D], Held, Some("Oslo"), None)
        ]
    );
    // Unnamed counterparts nobody here holds: the two ministers of one side did not meet.
    let text = story("Kovacs and Solheim will hold talks with their Polish counterparts.");
    assert_eq!(meetings(&text), vec![]);
}

#[test]
fn datelines_and_their_summit() {
    // The dateline's date is the filing date; the meeting was on Thursday.
    let text = " date 2024-03-08 OSLO, March 8 (Reuters) - Foreign Minister Anna Kovacs met \
                Foreign Minister Tomas Berglund in Bergen on Thursday.";
    assert_eq!(
        meetings(text),
        vec![row(&[A, B], Held, Some("Bergen"), Some("2024-03-07"))]
    );
    // A dateline with a colon: the place of a held meeting its sentence gives none.
    let text = " date 2024-03-08 OSLO: Foreign Minister Anna Kovacs met Foreign Minister \
                Tomas Berglund on Thursday.";
    assert_eq!(
        meetings(text),
        vec![row(&[A, B], Held, Some("Oslo"), Some("2024-03-07"))]
    );
    // A dateline of a place, a comma, a month and a day, with no dash: its place, and not
    // its date, which is the filing date.
    let text = " date 2024-03-08 Oslo, March 8 Foreign Minister Anna Kovacs met Foreign \
                Minister Tomas Berglund on Thursday.";
    assert_eq!(
        meetings(text),
        vec![row(&[A, B], Held, Some("Oslo"), Some("2024-03-07"))]
    );
    // "their summit" ties the noun to the two people before it.
    let text = story("Kovacs and Berglund agreed on Monday to talk again after their long summit.");
    assert_eq!(
        meetings(&text),
        vec![row(&[A, B], Held, None, Some("2019-05-13"))]
    );
}

#[test]
fn a_light_verb_makes_a_distant_meeting_noun_a_meeting() {
    let text = story("Kovacs and Berglund have held several rounds of talks on the border.");
    assert_eq!(meetings(&text), vec![row(&[A, B], Held, None, None)]);
}

#[test]
fn a_relative_clause_is_a_clause_of_its_own() {
    // "where Berglund met fans": Kovacs is not a participant, and fans are nobody.
    let text = story("Kovacs and Berglund attended the gala in Vienna, where Berglund met fans.");
    assert_eq!(meetings(&text), vec![]);
    // "who met ...": the person before the comma is the subject.
    let text = story("Kovacs, who met Berglund in Vienna on Monday, said little.");
    assert_eq!(
        meetings(&text),
        vec![row(&[A, B], Held, Some("Vienna"), Some("2019-05-13"))]
    );
}

/// Issue 12: participants are the subject and the objects of the meeting's verb or noun,
/// never a possessor, a topic, a person of another clause or of a prepositional phrase.
#[test]
fn participants_come_from_roles_not_from_the_clause() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        // A possessor: the successor is unnamed.
        ("Kovacs met Berglund's successor on Monday.", vec![]),
        // A topic: Almeida is what they discussed.
        (
            "Kovacs met Berglund to discuss Almeida's proposal.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // Another clause.
        (
            "A day after Almeida said the talks were over, Kovacs met Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // A prepositional phrase: the family met him, not Almeida.
        ("The family of Almeida met Kovacs on Monday.", vec![]),
        // Coordination on both sides.
        (
            "Kovacs and Berglund met Solheim and Almeida in Oslo.",
            vec![row(&[A, B, C, D], Held, Some("Oslo"), None)],
        ),
        // An apposition between the subject and the verb.
        (
            "Kovacs, who arrived late, met Solheim.",
            vec![row(&[A, C], Held, None, None)],
        ),
        // A pronoun subject.
        (
            "Kovacs landed in Oslo. She met Solheim there.",
            vec![row(&[A, C], Held, None, None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

/// Issue 12: a meeting noun's people: the light verb's subject, a possessor, the guests
/// after a link word.
#[test]
fn meeting_nouns_take_their_people() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "Kovacs held bilateral talks with Berglund in Oslo.",
            vec![row(&[A, B], Held, Some("Oslo"), None)],
        ),
        (
            "Kovacs will host a lunch for Solheim.",
            vec![row(&[A, C], Planned, None, None)],
        ),
        (
            "Kovacs said the discussions with Berglund were useful.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Berglund, in a meeting with Solheim in Oslo, said little.",
            vec![row(&[B, C], Held, Some("Oslo"), None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

/// Issue 12: a meeting told over several sentences: later sentences add its people.
#[test]
fn a_meeting_continues_over_sentences() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "Kovacs met foreign diplomats in Vienna on Monday. \
             Defence Minister Ingrid Solheim attended the meeting too.",
            vec![row(&[A, C], Held, Some("Vienna"), Some("2019-05-13"))],
        ),
        (
            "Kovacs chaired a meeting on Monday. \
             The meeting was attended by Berglund and Solheim.",
            vec![row(&[A, B, C], Held, None, Some("2019-05-13"))],
        ),
        (
            "Kovacs led a meeting on Monday. Attended the meeting were Berglund and Almeida.",
            vec![row(&[A, B, D], Held, None, Some("2019-05-13"))],
        ),
        (
            // A verb of attending with no object, in a relative clause or opening the
            // sentence, then "were": the names after it attended the meeting.
            "Kovacs met Berglund on Monday. The ministers who attended were Solheim and \
             Almeida.",
            vec![row(&[A, B, C, D], Held, None, Some("2019-05-13"))],
        ),
        (
            "Kovacs met Berglund on Monday. Also attending were Solheim and Almeida.",
            vec![row(&[A, B, C, D], Held, None, Some("2019-05-13"))],
        ),
        (
            // The inverted attendance joins the meeting told paragraphs before, rather
            // than making one of its own with the subject of the first sentence.
            "Kovacs met Berglund in Vienna on Monday.\n\nThey discussed trade.\n\n\
             Wages were not raised.\n\nAttended the meeting were Solheim and Almeida.",
            vec![row(&[A, B, C, D], Held, Some("Vienna"), Some("2019-05-13"))],
        ),
        (
            "Union leaders met on Monday. During the meeting Kovacs and Berglund discussed wages.",
            vec![row(&[A, B], Held, None, Some("2019-05-13"))],
        ),
        // A verb group that opens with an auxiliary.
        (
            "Kovacs and Almeida met on Monday. In the last meeting, Berglund is reported to \
             have asked for more time.",
            vec![row(&[A, B, D], Held, None, Some("2019-05-13"))],
        ),
        (
            "Union leaders met on Monday. Before entering the meeting, Solheim told reporters \
             it would be long. Kovacs and Almeida were also part of the conversations.",
            vec![row(&[A, C, D], Held, None, Some("2019-05-13"))],
        ),
        // The gerund after a preposition mid-sentence, and a subject named in an apposition.
        (
            "Union leaders met on Monday. After the meeting, Kovacs and Almeida spoke.\n\n\
             Earlier, before entering the meeting, the union leader, Ingrid Solheim, told \
             reporters it would be long.",
            vec![row(&[A, C, D], Held, None, Some("2019-05-13"))],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

/// Issue 12: the place of the meeting from its own words: a place noun before the name, a
/// city after a building.
#[test]
fn places_from_the_meetings_own_words() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "Kovacs met Berglund in the coastal town of Bergen.",
            vec![row(&[A, B], Held, Some("Bergen"), None)],
        ),
        (
            "Kovacs met Berglund at State House, Nairobi.",
            vec![row(&[A, B], Held, Some("Nairobi"), None)],
        ),
        (
            "Kovacs met Berglund at the Grand Hotel on Monday.",
            vec![row(&[A, B], Held, Some("Grand Hotel"), Some("2019-05-13"))],
        ),
        // An institution that begins an event's name is no venue; alone it is one.
        (
            "Kovacs met Berglund at the European Union Heads of Government Conference.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs met Berglund at the European Union.",
            vec![row(&[A, B], Held, Some("European Union"), None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

/// Issue 12: a definite meeting noun opening a later sentence gives its place and date to
/// the meeting just told; a stay ("who is visiting", "his trip to") gives the place of a
/// meeting of its own sentence, an arrival only before the meeting.
#[test]
fn places_from_back_references_and_stays() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "Kovacs met Berglund on Monday.\n\nThe meeting was held behind closed doors at \
             the Grand Hotel in Bergen.",
            vec![row(&[A, B], Held, Some("Bergen"), Some("2019-05-13"))],
        ),
        (
            "Kovacs met Berglund.\n\nThe closed-door talks took place in Bergen on Monday.",
            vec![row(&[A, B], Held, Some("Bergen"), Some("2019-05-13"))],
        ),
        // The place of someone in a phrase is not the meeting's.
        (
            "Kovacs met Berglund.\n\nOn the format of the meetings, an official at the \
             Grand Hotel in Bergen declined to comment.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs met Berglund, who is visiting Bergen.",
            vec![row(&[A, B], Held, Some("Bergen"), None)],
        ),
        (
            "During her two-day trip to Bergen, Kovacs met Berglund.",
            vec![row(&[A, B], Held, Some("Bergen"), None)],
        ),
        (
            "Kovacs arrived in Bergen on Monday and met Berglund.",
            vec![row(&[A, B], Held, Some("Bergen"), Some("2019-05-13"))],
        ),
        // The same meeting told again after it gives its place, before an earlier meeting
        // of one of them does.
        (
            "Kovacs met Almeida in Lisbon.\n\nOn Monday, Kovacs met Berglund. A one-on-one \
             meeting took place between Kovacs and Berglund in Bergen.",
            vec![
                row(&[A, D], Held, Some("Lisbon"), None),
                row(&[A, B], Held, Some("Bergen"), Some("2019-05-13")),
            ],
        ),
        (
            "Kovacs held a meeting with Berglund in a beach resort of Bergen.",
            vec![row(&[A, B], Held, Some("Bergen"), None)],
        ),
        // A stay after a subordinator and an arrival after the meeting tell another time.
        (
            "Kovacs met Berglund before visiting Bergen.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Kovacs met Berglund, then travelled to Bergen.",
            vec![row(&[A, B], Held, None, None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

/// Issue 12: a venue and the city it stands in; a city that dominates a local article is
/// the place of a held meeting that gives none, and of a venue no gazetteer knows.
#[test]
fn venues_and_the_articles_setting() {
    let venue = |text: &str| -> Vec<(Option<String>, Option<String>)> {
        EXTRACTOR
            .extract(&Document::parse(text))
            .meetings
            .into_iter()
            .map(|m| (m.place, m.venue))
            .collect()
    };
    let some = |place: &str, venue: Option<&str>| {
        vec![(Some(place.to_string()), venue.map(str::to_string))]
    };
    assert_eq!(
        venue(&story("Kovacs met Berglund at the Grand Hotel in Bergen.")),
        some("Bergen", Some("Grand Hotel"))
    );
    assert_eq!(
        venue(&story("Kovacs met Berglund at the Grand Hotel.")),
        some("Grand Hotel", Some("Grand Hotel"))
    );
    // Local news: Bergen named four times, alone and at the start of other names.
    let local = "Bergen City Council will vote on the budget. Bergen has grown fast, and \
                 the Bergen Harbour Authority wants money.\n\nCouncil leader Kari Nordvik \
                 met port director Lars Haugen on Monday. Later, Nordvik met union leader Per \
                 Olsen at the Harbour Innovation Centre.\n\nBergen voters are divided.";
    assert_eq!(
        venue(local),
        vec![
            (Some("Bergen".to_string()), None),
            (
                Some("Bergen".to_string()),
                Some("Harbour Innovation Centre".to_string())
            ),
        ]
    );
    // A venue no gazetteer knows, under a dateline: the dateline's city.
    assert_eq!(
        venue(
            "BERGEN: Finance Minister Kari Nordvik met Lars Haugen at the Harbour \
               Innovation Centre on Friday."
        ),
        some("Bergen", Some("Harbour Innovation Centre"))
    );
    // National news with several cities: no setting.
    let national = "Oslo and Bergen argued over the budget. Oslo wants more, Bergen less, \
                    and Stavanger and Trondheim want a share.\n\nFinance Minister Kari \
                    Nordvik met Lars Haugen on Monday.";
    assert_eq!(venue(national), vec![(None, None)]);
}

#[test]
fn objects_and_subjects_past_adjuncts_appositions_and_datelines() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        // A phrase of place between an object verb and its object.
        (
            "Kovacs received in her office Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // The agent of a passive object verb, past a phrase of place.
        (
            "Kovacs was welcomed at the airport by Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // A participle opening the sentence: its agents host the main clause's subject,
        // whatever verb follows, past a phrase of place.
        (
            "Hosted by Sweden's foreign minister, Tomas Berglund, Kovacs toured the port \
             and met students.",
            vec![row(&[A, B], Held, None, None)],
        ),
        (
            "Welcomed at the port by Berglund, Kovacs learnt about its history.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // A role noun as that subject: "Foreign Minister Anna Kovacs of Hungary" holds the
        // role for Hungary.
        (
            "Hosted by Berglund, the Hungarian foreign minister learnt about the port.",
            vec![row(&[A, B], Held, None, None)],
        ),
        // No agent named: no meeting.
        ("Hosted by the university, Kovacs toured the port.", vec![]),
        // An apposition and an adverb between the subject and its verb.
        (
            "The minister of Hungary, Kovacs, yesterday paid a courtesy call on Berglund.",
            vec![row(&[A, B], Held, None, Some("2019-05-14"))],
        ),
        // A noun before an adjective-like past form: the form is the verb.
        (
            "During the visit, the Hungarian chairman welcomed Berglund.",
            vec![],
        ),
        // "since a 2010 meeting between ..." is no object of "visit".
        (
            "This will be the first visit since a 2010 meeting between Kovacs and Berglund.",
            vec![row(&[A, B], Held, None, None)],
        ),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

#[test]
fn a_dateline_is_no_subject() {
    let text = "ASTANA. KAZINFORM Governor Berdibek Saparbayev has met Minister Erlan \
                Idrissov today in Astana.";
    let got = meetings(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].0,
        vec![
            "Berdibek Saparbayev".to_string(),
            "Erlan Idrissov".to_string()
        ]
    );
}

/// Issue 12: a speaker who says "I met X" met X; a phone call is still no meeting, and
/// words nobody is said to speak name no participant.
#[test]
fn a_speaker_who_says_i_met() {
    let rows: Vec<(&str, Vec<Row>)> = vec![
        (
            "\"I had the pleasure of meeting Defence Minister Ingrid Solheim last year,\" \
             Kovacs said.",
            vec![row(&[A, C], Held, None, None)],
        ),
        (
            "\"We will meet Berglund in Oslo,\" Kovacs said.",
            vec![row(&[A, B], Planned, Some("Oslo"), None)],
        ),
        ("\"I spoke to Berglund by phone,\" Kovacs said.", vec![]),
        ("\"I met Berglund,\" a sign read.", vec![]),
    ];
    for (sentence, expected) in rows {
        assert_eq!(meetings(&story(sentence)), expected, "{sentence}");
    }
}

/// A letter or a call in another clause does not unmake a meeting.
#[test]
fn a_letter_in_another_clause() {
    assert_eq!(
        meetings(&story(
            "The message was delivered when Kovacs received in her office Berglund."
        )),
        vec![row(&[A, B], Held, None, None)]
    );
}
