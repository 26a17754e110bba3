//! Table tests of the quotes pass: every quote style, every sieve, and the cases that are not
//! statements (scare quotes, titles, names in quotation marks, apostrophes, unbalanced marks).
//! The sentences are written for these tests in news style.

use gazette::{Document, EntityKind, Extractor, Sieve};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("the embedded gazetteers load"))
}

/// One expected quote: its text, its speaker (canonical name) and the sieve.
type Want = (&'static str, Option<&'static str>, Option<Sieve>);

fn quotes_of(text: &str) -> Vec<(String, Option<String>, Option<Sieve>)> {
    let doc = Document::parse(text);
    let out = extractor().extract(&doc);
    for q in &out.quotes {
        assert_eq!(&text[q.start..q.end], q.text, "offsets of {:?}", q.text);
        assert_ne!(
            q.speaker_kind,
            Some(EntityKind::Place),
            "a place speaks in {text:?}"
        );
        assert_eq!(q.speaker.is_some(), q.speaker_kind.is_some());
        if let Some(c) = &q.cue {
            assert_eq!(&text[c.start..c.end], c.text);
        }
    }
    out.quotes
        .iter()
        .map(|q| (q.text.clone(), q.speaker.clone(), q.sieve))
        .collect()
}

fn check(rows: &[(&str, &[Want])]) {
    let mut failures = Vec::new();
    for (text, want) in rows {
        let got = quotes_of(text);
        let want: Vec<(String, Option<String>, Option<Sieve>)> = want
            .iter()
            .map(|(t, s, v)| (t.to_string(), s.map(str::to_string), *v))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

const LAVROV: Option<&str> = Some("Sergey Lavrov");
const SCHOLZ: Option<&str> = Some("Olaf Scholz");
const MACRON: Option<&str> = Some("Emmanuel Macron");
const BIDEN: Option<&str> = Some("Joe Biden");
const KISHIDA: Option<&str> = Some("Fumio Kishida");
const MODI: Option<&str> = Some("Narendra Modi");
const XI: Option<&str> = Some("Xi Jinping");
const MFA_JAPAN: Option<&str> = Some("Ministry of Foreign Affairs of Japan");

#[test]
fn quote_styles() {
    check(&[
        (
            "Russian Foreign Minister Sergei Lavrov met reporters. \"We will keep talking,\" Lavrov said.",
            &[("We will keep talking,", LAVROV, Some(Sieve::AfterQuote))],
        ),
        (
            "“The door to Moscow remains open,” said Olaf Scholz.",
            &[("The door to Moscow remains open,", SCHOLZ, Some(Sieve::AfterQuote))],
        ),
        (
            "«We will not give up on Europe,» Emmanuel Macron told reporters in Paris.",
            &[("We will not give up on Europe,", MACRON, Some(Sieve::AfterQuote))],
        ),
        (
            "‘This is a sad day for the alliance,’ Olaf Scholz said on Friday.",
            &[("This is a sad day for the alliance,", SCHOLZ, Some(Sieve::AfterQuote))],
        ),
        (
            "'Nobody wanted this outcome,' Joe Biden said.",
            &[("Nobody wanted this outcome,", BIDEN, Some(Sieve::AfterQuote))],
        ),
        (
            "“Japan’s position hasn’t changed since the ’90s,” Fumio Kishida said.",
            &[(
                "Japan’s position hasn’t changed since the ’90s,",
                KISHIDA,
                Some(Sieve::AfterQuote),
            )],
        ),
    ]);
}

#[test]
fn before_and_reported_speech() {
    check(&[
        (
            "Joe Biden said: \"The alliance is stronger than ever.\"",
            &[("The alliance is stronger than ever.", BIDEN, Some(Sieve::BeforeQuote))],
        ),
        (
            "Xi Jinping said that “cooperation is the only right choice for both sides.”",
            &[(
                "cooperation is the only right choice for both sides.",
                XI,
                Some(Sieve::BeforeQuote),
            )],
        ),
        (
            "Narendra Modi said the two countries must “work together on climate finance” this year.",
            &[("work together on climate finance", MODI, Some(Sieve::ReportedSpeech))],
        ),
        (
            "Fumio Kishida called the talks “frank” and left for Tokyo.",
            &[("frank", KISHIDA, Some(Sieve::ReportedSpeech))],
        ),
        (
            "According to Fumio Kishida, the two sides will “speed up” the work.",
            &[("speed up", KISHIDA, Some(Sieve::ReportedSpeech))],
        ),
        (
            // Relayed words: the person quoted, not the ministry relaying them.
            "Narendra Modi said India wanted a “stable and predictable relationship”, the ministry said.",
            &[("stable and predictable relationship", MODI, Some(Sieve::ReportedSpeech))],
        ),
        (
            // Issue 10: a quotation that ends its sentence keeps the cue of its own sentence;
            // the next sentence's verb starts a new statement.
            "Olaf Scholz said Berlin was ready “to carry a larger share of the cost.” \
             Emmanuel Macron went on to tell reporters that France would “match it”.",
            &[
                ("to carry a larger share of the cost.", SCHOLZ, Some(Sieve::ReportedSpeech)),
                ("match it", MACRON, Some(Sieve::ReportedSpeech)),
            ],
        ),
        (
            "Olaf Scholz said the talks had gone well, adding that Berlin was “ready to help.” \
             Macron agreed.",
            &[("ready to help.", SCHOLZ, Some(Sieve::ReportedSpeech))],
        ),
    ]);
}

#[test]
fn after_quote_variants() {
    check(&[
        (
            "“We expect a deal by Friday,” Fumio Kishida told Reuters.",
            &[(
                "We expect a deal by Friday,",
                KISHIDA,
                Some(Sieve::AfterQuote),
            )],
        ),
        (
            // The outlet after "according to" is no speaker.
            "“The visit has been postponed until further notice,” according to Reuters.",
            &[(
                "The visit has been postponed until further notice,",
                None,
                None,
            )],
        ),
        (
            "“We must work harder for our farmers,” the statement quoted Narendra Modi as saying.",
            &[(
                "We must work harder for our farmers,",
                MODI,
                Some(Sieve::AfterQuote),
            )],
        ),
        (
            // "I" and the name inside the quote are not the speaker.
            "“I told Joe Biden that we disagree on tariffs,” Olaf Scholz said.",
            &[(
                "I told Joe Biden that we disagree on tariffs,",
                SCHOLZ,
                Some(Sieve::AfterQuote),
            )],
        ),
        (
            "“He called it ‘a disgrace’, and I agree with him,” Olaf Scholz said.",
            &[(
                "He called it ‘a disgrace’, and I agree with him,",
                SCHOLZ,
                Some(Sieve::AfterQuote),
            )],
        ),
        (
            // A quote ending a sentence does not take the next sentence's verb.
            "“Nothing will change here soon.” Joe Biden said the talks would go on for years.",
            &[("Nothing will change here soon.", None, None)],
        ),
    ]);
}

#[test]
fn pronouns_and_roles() {
    check(&[
        (
            "Emmanuel Macron arrived in Berlin on Monday. “We have a duty to act,” he said.",
            &[("We have a duty to act,", MACRON, Some(Sieve::Pronoun))],
        ),
        (
            "Joe Biden spoke after the summit.\n\n\"It was a good day for both of our countries,\" he added.",
            &[("It was a good day for both of our countries,", BIDEN, Some(Sieve::Pronoun))],
        ),
        (
            "Japanese Foreign Minister Fumio Kishida arrived in Moscow. \"We came to listen,\" the foreign minister said.",
            &[("We came to listen,", KISHIDA, Some(Sieve::Role))],
        ),
        // A title joined by a slash, and a role noun of the catch-all kind: "the owner" is
        // the owner, never the coach.
        (
            "Coach Jason Garrett met team owner/general manager Jerry Jones on Tuesday. \
             \"It has been a source of pride,\" the owner said.",
            &[(
                "It has been a source of pride,",
                Some("Jerry Jones"),
                Some(Sieve::Role),
            )],
        ),
        // The people the words name are not their speaker.
        (
            "Director Pierre Lamarque spoke after the screening. Filming began under Nicolas \
             Sarkozy and ended when Hollande came to power. \"I'm not sure Sarkozy has seen \
             it, but I know that Hollande has,\" he said.",
            &[(
                "I'm not sure Sarkozy has seen it, but I know that Hollande has,",
                Some("Pierre Lamarque"),
                Some(Sieve::Pronoun),
            )],
        ),
        // "it said": the institution named last.
        (
            "The Kenya Revenue Authority issued a statement on Monday. \"We reject the \
             claims,\" it said.",
            &[("We reject the claims,", Some("Kenya Revenue Authority"), Some(Sieve::Pronoun))],
        ),
        // Two presidents: "the President" is the one the story has named most.
        (
            "President Amara Diallo met President Kofi Mensah in Accra. Diallo praised the \
             talks. \"We are confident,\" the President said.",
            &[("We are confident,", Some("Amara Diallo"), Some(Sieve::Role))],
        ),
        // A capitalised office standing alone, as some outlets write it.
        (
            "President Amara Diallo chaired the meeting.\n\n\"Act quickly,\" President said.",
            &[("Act quickly,", Some("Amara Diallo"), Some(Sieve::Role))],
        ),
        // A title before "of <country> <name>" introduces the name; it is not the
        // (three) foreign ministers' role noun.
        (
            "Sergey Lavrov called on Monday. Minister of Foreign Affairs of Azerbaijan Elmar \
             Mammadyarov spoke later. \"The meeting will be held tomorrow,\" the Foreign \
             Minister said.",
            &[(
                "The meeting will be held tomorrow,",
                Some("Elmar Mammadyarov"),
                Some(Sieve::Role),
            )],
        ),
    ]);
}

#[test]
fn institutions_and_anonymous_sources() {
    check(&[
        (
            "The Japanese Foreign Ministry's press service told Sputnik that talks would resume.\n\n\
             \"Dialogue is the only way forward for our region,\" the press service said.",
            &[("Dialogue is the only way forward for our region,", MFA_JAPAN, Some(Sieve::Institution))],
        ),
        (
            "\"The decision is final and will not be reviewed,\" a Japanese Foreign Ministry official, \
             who asked not to be named, said.\n\n\"We will wait for their answer,\" the official said.",
            &[
                ("The decision is final and will not be reviewed,", MFA_JAPAN, Some(Sieve::Anonymous)),
                ("We will wait for their answer,", MFA_JAPAN, Some(Sieve::Anonymous)),
            ],
        ),
        (
            "“Nothing has been agreed yet,” a European diplomatic source said.",
            &[("Nothing has been agreed yet,", None, Some(Sieve::Anonymous))],
        ),
        (
            // A capital standing for its government is a place, and a place never speaks.
            "“The sanctions will stay in place,” Washington said.",
            &[("The sanctions will stay in place,", None, None)],
        ),
    ]);
}

#[test]
fn participles_lead_ins_dashes() {
    check(&[
        (
            "Joe Biden praised his hosts, saying: “This was a historic visit for all of us.”",
            &[(
                "This was a historic visit for all of us.",
                BIDEN,
                Some(Sieve::BeforeQuote),
            )],
        ),
        (
            "Xi Jinping told the visitors, “You are most welcome here,” adding, “Come back soon.”",
            &[
                ("You are most welcome here,", XI, Some(Sieve::BeforeQuote)),
                ("Come back soon.", XI, Some(Sieve::BeforeQuote)),
            ],
        ),
        (
            "Hugh Hill, a doctor at the clinic, said:\n\n\
             “We treated dozens of people overnight and more are arriving.”",
            &[(
                "We treated dozens of people overnight and more are arriving.",
                Some("Hugh Hill"),
                Some(Sieve::LeadIn),
            )],
        ),
        (
            "Olaf Scholz's message to the allies was blunt: “Europe must pay for its own defence.”",
            &[(
                "Europe must pay for its own defence.",
                SCHOLZ,
                Some(Sieve::LeadIn),
            )],
        ),
        (
            "“Trade is never a zero-sum game for us.” – Emmanuel Macron",
            &[(
                "Trade is never a zero-sum game for us.",
                MACRON,
                Some(Sieve::Dash),
            )],
        ),
    ]);
}

#[test]
fn continuations() {
    check(&[
        (
            "Joe Biden said: “The first round was difficult.\n\n“The second round went much better.”",
            &[
                ("The first round was difficult.", BIDEN, Some(Sieve::BeforeQuote)),
                ("The second round went much better.", BIDEN, Some(Sieve::Continuation)),
            ],
        ),
        (
            "“We are ready to sign,” Olaf Scholz said. “The rest is up to Moscow now.”",
            &[
                ("We are ready to sign,", SCHOLZ, Some(Sieve::AfterQuote)),
                ("The rest is up to Moscow now.", SCHOLZ, Some(Sieve::Continuation)),
            ],
        ),
        (
            "“We are ready to sign,” Olaf Scholz said.\n\n“The rest is up to Moscow now.”",
            &[
                ("We are ready to sign,", SCHOLZ, Some(Sieve::AfterQuote)),
                ("The rest is up to Moscow now.", SCHOLZ, Some(Sieve::Continuation)),
            ],
        ),
        (
            // Too far from the last known speaker: no continuation.
            "“We are ready to sign,” Olaf Scholz said.\n\nTalks went on.\n\nPrices rose.\n\n\
             Markets fell.\n\n“Nobody expected such a long night.”",
            &[
                ("We are ready to sign,", SCHOLZ, Some(Sieve::AfterQuote)),
                ("Nobody expected such a long night.", None, None),
            ],
        ),
        (
            // A quotation over two paragraphs whose speaker is named only in the second:
            // the first part is the same statement.
            "The council met on Monday.\n\n“We waited three days for help and nobody came.\n\n\
             “The state must do better,” Olaf Scholz said.",
            &[
                ("We waited three days for help and nobody came.", SCHOLZ, Some(Sieve::Continuation)),
                ("The state must do better,", SCHOLZ, Some(Sieve::AfterQuote)),
            ],
        ),
        (
            // Reported speech, then quotation paragraphs with no cue: the reporter's subject.
            "The final is on Sunday.\n\nOlaf Scholz has said that the side is ready.\n\n\
             “We have trained hard for six weeks.”\n\n“We fear nobody at all.”",
            &[
                ("We have trained hard for six weeks.", SCHOLZ, Some(Sieve::Continuation)),
                ("We fear nobody at all.", SCHOLZ, Some(Sieve::Continuation)),
            ],
        ),
        (
            // The cue's subject is not the sentence's first name: nobody.
            "At Olaf Scholz's request, the committee issued a statement, suggesting talks.\n\n\
             “We regret the delay and will meet again.”",
            &[("We regret the delay and will meet again.", None, None)],
        ),
    ]);
}

#[test]
fn not_statements() {
    check(&[
        (
            "Ministers met in the so-called “two-plus-two” format, with both sides saying progress was made.",
            &[],
        ),
        ("Officials discussed the \"cross\" years of culture on Monday.", &[]),
        ("The plane landed at the “Simón Bolívar” International Airport.", &[]),
        ("Olaf Scholz keeps “The Art of War” on his desk, he said.", &[]),
        ("Beijing and Delhi agreed on the “one country, two systems” principle.", &[]),
        ("Delegates spoke of a “reset” in relations.", &[]),
        ("Japan's ministers' talks in the '90s were about rock 'n' roll.", &[]),
        ("The envoy said the ’90s were different and let 'em wait.", &[]),
    ]);
}

#[test]
fn unbalanced_marks_and_unattributed_statements() {
    check(&[
        (
            "Olaf Scholz said \"we will never accept this deal.\n\nTalks resumed on Friday, officials said.",
            &[("we will never accept this deal.", SCHOLZ, Some(Sieve::BeforeQuote))],
        ),
        (
            "The talks ended.” Officials said “progress” was made.",
            &[("progress", None, None)],
        ),
        (
            "The banner at the gate read “peace needs no permission from anyone”.",
            &[("peace needs no permission from anyone", None, None)],
        ),
    ]);
}

#[test]
fn several_quotes_keep_text_order() {
    let text = "Prime Minister Narendra Modi said India would “never bow” to pressure. \
                “We are a proud nation,” he said. Later, Xi Jinping said: “China wants peace.”";
    let got = quotes_of(text);
    let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(
        texts,
        ["never bow", "We are a proud nation,", "China wants peace."]
    );
    assert_eq!(got[0].1.as_deref(), MODI);
    assert_eq!(got[1].1.as_deref(), MODI);
    assert_eq!(got[2].1.as_deref(), XI);
}

#[test]
fn an_unnamed_source_speaks_for_the_office_it_is_tied_to() {
    let out = gazette::Extractor::new()
        .unwrap()
        .extract(&gazette::Document::parse(
            "The talks were “friendly and useful,” a source in the Italian presidency said.",
        ));
    assert_eq!(out.quotes.len(), 1);
    assert_eq!(
        out.quotes[0].speaker.as_deref(),
        Some("Presidency of Italy")
    );
    assert_eq!(
        out.quotes[0].speaker_kind,
        Some(gazette::EntityKind::Institution)
    );
}

#[test]
fn a_definite_source_refers_back_to_the_source_with_its_qualifier() {
    let text = "The talks were useful, a Dutch diplomatic source said, while a source in the \
                Italian presidency called them “very warm”.\n\n\
                The Dutch source said they covered “trade, migration and defence policy”.";
    let out = gazette::Extractor::new()
        .unwrap()
        .extract(&gazette::Document::parse(text));
    let q = out
        .quotes
        .iter()
        .find(|q| q.text.starts_with("trade"))
        .unwrap();
    assert_eq!(q.speaker, None, "{out}");
    let warm = out.quotes.iter().find(|q| q.text == "very warm").unwrap();
    assert_eq!(warm.speaker.as_deref(), Some("Presidency of Italy"));
}

#[test]
fn inverted_verbs_appositions_and_modifiers() {
    check(&[
        // An inverted verb after the words takes the name after it, not the name before.
        (
            "The vote signals \"the beginning of the end\" for the European Union, said \
             Geert Wilders, founder of the Party for Freedom.",
            &[(
                "the beginning of the end",
                Some("Geert Wilders"),
                Some(Sieve::AfterQuote),
            )],
        ),
        // A name that modifies the next one is not the speaker.
        (
            "Hillary Clinton did well. \"October provided a resurgence for her,\" said \
             former Obama adviser David Axelrod.",
            &[(
                "October provided a resurgence for her,",
                Some("David Axelrod"),
                Some(Sieve::AfterQuote),
            )],
        ),
        // A place on the way to the name is a modifier too.
        (
            "\"He has had no support from his colleagues,\" said former Massachusetts \
             congressman Barney Frank.",
            &[(
                "He has had no support from his colleagues,",
                Some("Barney Frank"),
                Some(Sieve::AfterQuote),
            )],
        ),
        // The head noun of an apposition describes the name before it.
        (
            "Hillary Clinton spoke in Iowa. \"We are not worried,\" Brian Fallon, a \
             spokesman for Mrs. Clinton, said.",
            &[(
                "We are not worried,",
                Some("Brian Fallon"),
                Some(Sieve::AfterQuote),
            )],
        ),
        // A relative clause after a parenthesis: the subject before it speaks.
        (
            "Sen. Claire McCaskill (D-Mo.), who has endorsed Hillary Clinton, said Bernie \
             Sanders has pushed her to be a \"stronger candidate.\"",
            &[(
                "stronger candidate.",
                Some("Claire McCaskill"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // A parenthetical inverted verb.
        (
            "The paradox of Nancy Reagan, says Carl Anthony, historian at the library, is \
             that she was \"one of the most powerful first ladies in history.\"",
            &[(
                "one of the most powerful first ladies in history.",
                Some("Carl Anthony"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // No inversion when the name after the verb starts a clause of its own.
        (
            "Mary Jones, who met Tom Smith, said Smith was \"a fine man.\"",
            &[(
                "a fine man.",
                Some("Mary Jones"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
    ]);
}

#[test]
fn fragments_in_reported_speech_and_verbal_acts() {
    check(&[
        // A one-word modifier inside reported speech is the speaker's word, however far
        // the verb.
        (
            "Deputy Mayor Lina Haddad said the visit underscores the \"deep-rooted\" ties \
             between the two cities.",
            &[(
                "deep-rooted",
                Some("Lina Haddad"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // However far the cue of its sentence, a fragment is reported speech.
        (
            "Joe Biden said on Monday that after many months of difficult negotiations between \
             the two delegations in Geneva the result was “historic”.",
            &[("historic", BIDEN, Some(Sieve::ReportedSpeech))],
        ),
        // Without a cue before it, the same modifier is a term, not a statement.
        (
            "The \"deep-rooted\" ties between the two cities were on display on Monday.",
            &[],
        ),
        // A verb of a verbal act: praising, branding, shouting.
        (
            "Minister Raed Kanaan commended the agency's efforts to provide the \"best \
             services efficiently and adequately.\"",
            &[(
                "best services efficiently and adequately.",
                Some("Raed Kanaan"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        (
            "Actress Juliette Binoche branded director Bela Tarr \"the greatest master.\"",
            &[(
                "the greatest master.",
                Some("Juliette Binoche"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // A participial clause opening the sentence: its subject comes after the comma.
        (
            "Governor Amal Nasser spoke last. Underlining the \"strong historic\" ties, \
             Nasser called for more visits.",
            &[(
                "strong historic",
                Some("Amal Nasser"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // "Title of <institution>, Name, said": the person speaks, not the institution.
        (
            "Director of the Department of Foreign Relations, Nojoud Haddad, said the visit \
             is a \"true\" embodiment of the ties.",
            &[("true", Some("Nojoud Haddad"), Some(Sieve::ReportedSpeech))],
        ),
    ]);
}

#[test]
fn the_speaker_is_the_subject_of_the_cue() {
    check(&[
        // The object of "called" is not the speaker.
        (
            "Senator Grace Okafor called Governor Luis Reyes \"a liar\" on Tuesday.",
            &[("a liar", Some("Grace Okafor"), Some(Sieve::ReportedSpeech))],
        ),
        // "X told Y": X.
        (
            "Coach Anna Berg told Peter Lund that the team was \"ready for anything.\"",
            &[(
                "ready for anything.",
                Some("Anna Berg"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // Verb phrases joined by "and" share their subject, past a negated verb.
        (
            "Mayor Tom Hale didn’t express any ill will toward Governor Ruth Amadi and \
             thanked her for \"being so direct.\"",
            &[(
                "being so direct.",
                Some("Tom Hale"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // An opening participial phrase holds no subject.
        (
            "Emerging from a meeting with President Musa Bello, Senator Grace Okafor said \
             the session was \"a chance to talk.\"",
            &[(
                "a chance to talk.",
                Some("Grace Okafor"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
    ]);
}

#[test]
fn any_verb_in_the_attribution_slot() {
    check(&[
        // Quotative inversion happens only with verbs of saying, listed or not.
        (
            "Roy Verley spoke later. \"The analysts said no, and she proved them wrong,\" \
             remembered Roy Verley, a former spokesman.",
            &[(
                "The analysts said no, and she proved them wrong,",
                Some("Roy Verley"),
                Some(Sieve::AfterQuote),
            )],
        ),
        (
            "Donald Trump spoke. “Who knows?” Trump wondered.",
            &[("Who knows?", Some("Donald Trump"), Some(Sieve::AfterQuote))],
        ),
        // After a clause-final question, a participial phrase follows the attribution.
        (
            "Donald Trump spoke. “The bad ones, the gang members?” Trump asked, turning the \
             question to the crowd.",
            &[(
                "The bad ones, the gang members?",
                Some("Donald Trump"),
                Some(Sieve::AfterQuote),
            )],
        ),
        // Not a slot: a fragment that ends no clause, and a verb before another quotation.
        (
            "Ted Cruz says his “friend and colleague” Marco Rubio ran “an optimistic \
             campaign focused on the future.”",
            &[
                (
                    "friend and colleague",
                    Some("Ted Cruz"),
                    Some(Sieve::ReportedSpeech),
                ),
                (
                    "an optimistic campaign focused on the future.",
                    Some("Ted Cruz"),
                    Some(Sieve::ReportedSpeech),
                ),
            ],
        ),
        // "Mrs." picks the woman among people who share the surname.
        (
            "Hillary Clinton and Bill Clinton arrived. \"Jobs, jobs, jobs,\" Mrs. Clinton said.",
            &[(
                "Jobs, jobs, jobs,",
                Some("Hillary Clinton"),
                Some(Sieve::AfterQuote),
            )],
        ),
    ]);
}

/// The name before an apposition is the subject, not a name inside the apposition or after
/// the verb: "X, president of Y stated", "“…,” X, a blogger, wrote in Y".
#[test]
fn the_name_before_an_apposition_speaks() {
    check(&[
        // The apposition's closing comma is missing.
        (
            "Ana Ruiz, president and chief executive of the Lakeside Restaurant Association \
             stated, “It is a math problem.”",
            &[(
                "It is a math problem.",
                Some("Ana Ruiz"),
                Some(Sieve::BeforeQuote),
            )],
        ),
        // A middle initial belongs to the name.
        (
            "Carla B. Moreno, vice president for the Lindqvist Organization, said the \
             claims had \"no substance.\"",
            &[(
                "no substance.",
                Some("Carla B. Moreno"),
                Some(Sieve::ReportedSpeech),
            )],
        ),
        // A name after the verb in a prepositional phrase is not an inverted subject.
        (
            "\"Campaigners must address real concerns,\" Tomas Berglund, an energy blogger, \
             wrote in Energy Transition Weekly.",
            &[(
                "Campaigners must address real concerns,",
                Some("Tomas Berglund"),
                Some(Sieve::AfterQuote),
            )],
        ),
        (
            "\"He says what everyone wants to say,\" Pedro Almeida, a shop owner, said at \
             Governor Ruth Amadi's rally on Tuesday.",
            &[(
                "He says what everyone wants to say,",
                Some("Pedro Almeida"),
                Some(Sieve::AfterQuote),
            )],
        ),
    ]);
}

/// A name that modifies a noun for a person ("the Christie supporter", "the Lincoln
/// actor") does not speak: the unnamed person does.
#[test]
fn a_name_modifying_a_person_noun_is_not_the_speaker() {
    check(&[
        (
            "Chris Christie spoke first. \"There is a special place,\" the Christie \
             supporter said.",
            &[("There is a special place,", None, Some(Sieve::Anonymous))],
        ),
        (
            "\"Hillary does not care,\" wrote one Sanders supporter.",
            &[("Hillary does not care,", None, None)],
        ),
        // The name itself, described by an apposition, still speaks.
        (
            "\"We are ready,\" said Grace Okafor, a Sanders supporter.",
            &[(
                "We are ready,",
                Some("Grace Okafor"),
                Some(Sieve::AfterQuote),
            )],
        ),
    ]);
}
