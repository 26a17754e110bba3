//! Hostile input (issue 6): every input a scraper might hand over gets a defined outcome and
//! never a panic. Articles give records whose offsets are char boundaries with
//! `text[start..end]` equal to the record's text; malformed gazetteer files give an error
//! from `build()` naming the file and the line.
//!
//! The big inputs are sized for debug builds (`cargo test`); the full-size 20 MB single line
//! is `#[ignore]`d and meant for `cargo test --release --test hostile -- --ignored`.

use gazette::{Document, EntityKind, ErrorKind, Extraction, Extractor};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("the embedded gazetteers load"))
}

/// Every offset of `out` is a char boundary inside `text`, `start <= end`, and the record's
/// text is `text[start..end]`. Returns a description of the first problem.
fn offset_problem(text: &str, out: &Extraction) -> Option<String> {
    let check = |what: &str, start: usize, end: usize, got: &str| -> Option<String> {
        if start > end || end > text.len() {
            return Some(format!(
                "{what}: bad range {start}..{end} (len {})",
                text.len()
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Some(format!("{what}: {start}..{end} not on char boundaries"));
        }
        if &text[start..end] != got {
            return Some(format!(
                "{what}: text[{start}..{end}] = {:?} but record says {got:?}",
                &text[start..end]
            ));
        }
        None
    };
    for e in &out.entities {
        if e.mentions.is_empty() {
            return Some(format!("entity {:?} without mentions", e.name));
        }
        for m in &e.mentions {
            if m.start == m.end {
                return Some(format!("empty mention of {:?} at {}", e.name, m.start));
            }
            if let Some(p) = check("mention", m.start, m.end, &m.text) {
                return Some(p);
            }
        }
    }
    for q in &out.quotes {
        if let Some(p) = check("quote", q.start, q.end, &q.text) {
            return Some(p);
        }
        if let Some(c) = &q.cue {
            if let Some(p) = check("quote cue", c.start, c.end, &c.text) {
                return Some(p);
            }
        }
    }
    for m in &out.meetings {
        let ev = &m.evidence;
        if let Some(p) = check("meeting evidence", ev.start, ev.end, &ev.text) {
            return Some(p);
        }
        if m.participants.len() < 2 {
            return Some(format!("meeting with {:?}", m.participants));
        }
    }
    None
}

/// Parses and extracts `text`, checks every offset and the JSON rendering, and returns the
/// document and its extraction.
fn run(text: &str) -> (Document, Extraction) {
    let doc = Document::parse(text);
    assert_eq!(doc.text(), text, "Document::parse keeps the text unchanged");
    let out = extractor().extract(&doc);
    if let Some(p) = offset_problem(text, &out) {
        panic!(
            "{p}\n  in a text of {} bytes starting {:?}",
            text.len(),
            head(text)
        );
    }
    let json = out.to_json_line();
    assert!(json.starts_with('{') && json.ends_with('}'));
    (doc, out)
}

fn head(text: &str) -> &str {
    let mut end = text.len().min(120);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn names(out: &Extraction) -> Vec<&str> {
    out.entities.iter().map(|e| e.name.as_str()).collect()
}

fn has(out: &Extraction, kind: EntityKind, name: &str) -> bool {
    out.entity(kind, name).is_some()
}

fn is_empty(out: &Extraction) -> bool {
    out.entities.is_empty() && out.meetings.is_empty() && out.quotes.is_empty()
}

const ARTICLE: &str = "Japanese Foreign Minister Fumio Kishida met Sergei Lavrov in Tokyo on \
Monday. “We agreed to continue the talks,” Kishida said. Lavrov said the two sides \
had a frank exchange.";

// ---------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------

#[test]
fn empty_text_gives_no_records() {
    let (doc, out) = run("");
    assert!(doc.sentences().is_empty() && doc.tokens().is_empty());
    assert!(is_empty(&out));
    assert_eq!(out.date, None);
}

#[test]
fn whitespace_only_gives_no_records() {
    for text in [
        " ",
        "\n\n\n",
        "\r\n\r\n\t \u{A0}\u{2003}\u{3000}",
        &" \t\n\r".repeat(50_000),
    ] {
        let (doc, out) = run(text);
        assert!(doc.paragraphs().is_empty(), "{:?}", head(text));
        assert!(doc.tokens().is_empty());
        assert!(is_empty(&out));
    }
}

/// An article repeated on one line (no line breaks at all) to about `bytes` bytes.
fn single_line(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + ARTICLE.len());
    s.push_str(" date 2017-03-20 ");
    while s.len() < bytes {
        s.push_str(ARTICLE);
        s.push(' ');
    }
    assert!(!s.contains('\n'));
    s
}

fn check_single_line(bytes: usize) {
    let text = single_line(bytes);
    let (doc, out) = run(&text);
    assert_eq!(out.date.as_deref(), Some("2017-03-20"));
    assert_eq!(doc.paragraphs().len(), 1);
    let copies = text.matches("Fumio Kishida").count();
    assert!(copies > 1);
    let kishida = out.entity(EntityKind::Person, "Fumio Kishida").unwrap();
    // Every "Fumio Kishida" and every short "Kishida" is a mention.
    assert!(
        kishida.mentions.len() >= 2 * copies,
        "{}",
        kishida.mentions.len()
    );
    assert!(has(&out, EntityKind::Place, "Tokyo"));
    assert!(has(&out, EntityKind::Person, "Sergey Lavrov"));
    assert!(out.quotes.len() >= copies, "{} quotes", out.quotes.len());
    assert!(!out.meetings.is_empty());
}

/// The issue's 20 MB single line is scaled down for debug builds, where the pipeline is
/// several times slower and some passes are superlinear in document length (see
/// `benches/throughput.rs`); the full size is `single_line_20_mb` below.
#[test]
fn long_single_line() {
    check_single_line(200_000);
}

/// Run with `cargo test --release --test hostile -- --ignored`.
#[test]
#[ignore = "20 MB; slow in debug builds and superlinear passes make it minutes long: run in release"]
fn single_line_20_mb() {
    check_single_line(20_000_000);
}

/// A 20 MB single line without sentence ends or names: just words.
#[test]
#[ignore = "20 MB; run in release"]
fn single_line_20_mb_of_plain_words() {
    let text = "the quick brown fox jumps over a lazy dog ".repeat(20_000_000 / 42);
    let (_, out) = run(&text);
    assert!(is_empty(&out));
}

#[test]
fn a_hundred_thousand_unbalanced_quote_marks() {
    // Only opening marks, only closing marks, only straight marks (an odd count), and marks
    // between words: none of them is a statement with an end.
    let n = 100_000;
    for mark in ["“", "”", "\"", "«", "„", "‘"] {
        let text = mark.repeat(n + 1);
        let (_, out) = run(&text);
        assert!(out.entities.is_empty(), "{mark}");
        assert!(out.meetings.is_empty(), "{mark}");
    }
    let mut text = String::from("Lavrov said ");
    for i in 0..n {
        text.push_str(if i % 3 == 0 { "“Tokyo " } else { "talks " });
    }
    text.push_str("ended.");
    let (_, out) = run(&text);
    assert!(has(&out, EntityKind::Place, "Tokyo"));
    // Every quote found, if any, is one of the text's spans: checked in run().
}

#[test]
fn deeply_nested_quotes() {
    let depth = 2_000;
    let mut text = String::from("Lavrov said: ");
    for i in 0..depth {
        text.push_str(if i % 2 == 0 {
            "“Kishida said "
        } else {
            "‘Tokyo is "
        });
    }
    text.push_str("fine");
    for i in (0..depth).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    text.push_str(", he added.");
    let (_, out) = run(&text);
    assert!(has(&out, EntityKind::Person, "Sergey Lavrov"));
    assert!(has(&out, EntityKind::Place, "Tokyo"));

    // The same with straight quotes only, and with unbalanced nesting.
    let text = format!("{}deep{}", "\"'".repeat(5_000), "'\"".repeat(4_000));
    run(&text);
    let text = format!("{}x", "“‘«„".repeat(5_000));
    run(&text);
}

#[test]
fn text_without_spaces() {
    // Names glued to letters are no matches (token boundaries); glued to punctuation they are.
    let glued = "JapanandRussiametinTokyo".repeat(10_000);
    let (_, out) = run(&glued);
    assert!(out.entities.is_empty(), "{:?}", names(&out));

    let punct = "Tokyo,Moscow.“Lavrov”said:Kishida;".repeat(5_000);
    let (_, out) = run(&punct);
    assert!(has(&out, EntityKind::Place, "Tokyo"));
    assert!(has(&out, EntityKind::Place, "Moscow"));

    let letters = "x".repeat(1_000_000);
    let (doc, out) = run(&letters);
    assert_eq!(doc.tokens().len(), 1);
    assert!(is_empty(&out));
}

#[test]
fn all_caps_text() {
    let text = ARTICLE.to_uppercase();
    let (_, out) = run(&text);
    // Names match in capitals (datelines, headlines).
    assert!(has(&out, EntityKind::Place, "Tokyo"), "{:?}", names(&out));
    assert!(
        has(&out, EntityKind::Person, "Fumio Kishida"),
        "{:?}",
        names(&out)
    );
    // One long paragraph of capitals (kept small: see `all_caps_paragraph_is_linear`).
    let long = format!("{} ", text).repeat(200);
    let (_, out) = run(&long);
    assert_eq!(out.quotes.len(), 200);
}

/// The quotes pass must stay linear in a long paragraph of capitals, as it is in mixed case.
/// Timing-based, so it compares the pass on 100 KB and on 400 KB of the same text (4 times
/// the size: linear gives a ratio near 4, quadratic near 16). Run in release.
#[test]
#[ignore = "timing-based: run in release (cargo test --release --test hostile -- --ignored)"]
fn all_caps_paragraph_is_linear() {
    let caps = format!("{} ", ARTICLE.to_uppercase());
    let quotes_ms = |bytes: usize| {
        let text = caps.repeat(bytes / caps.len());
        (0..3)
            .map(|_| {
                let t = extractor().pass_timings(&text);
                t.iter().find(|(p, _)| *p == "quotes").unwrap().1
            })
            .min()
            .unwrap()
            .as_secs_f64()
            * 1e3
    };
    let (small, big) = (quotes_ms(100_000), quotes_ms(400_000));
    assert!(
        big < 8.0 * small.max(1.0),
        "quotes pass: {small:.1} ms for 100 KB, {big:.1} ms for 400 KB (ratio {:.1})",
        big / small
    );
}

#[test]
fn byte_order_marks() {
    let text = format!("\u{FEFF}date 2017-03-20 {ARTICLE}");
    let (doc, out) = run(&text);
    assert_eq!(out.date.as_deref(), Some("2017-03-20"));
    assert_eq!(doc.header().map(|h| h.start), Some(3));
    assert!(has(&out, EntityKind::Place, "Tokyo"));

    // BOMs inside the text (files concatenated by a scraper) are just characters.
    let text = format!("\u{FEFF}{ARTICLE}\u{FEFF}\n\n\u{FEFF}{ARTICLE}\u{FEFF}");
    let (doc, out) = run(&text);
    assert_eq!(doc.header(), None);
    assert_eq!(out.date, None);
    assert_eq!(
        out.entity(EntityKind::Place, "Tokyo")
            .unwrap()
            .mentions
            .len(),
        2
    );
    run(&"\u{FEFF}".repeat(10_000));
}

#[test]
fn crlf_line_endings() {
    let lf = format!(" date 2017-03-20 {ARTICLE}\n\n{ARTICLE}\nMoscow.\n");
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let (lf_doc, lf_out) = run(&lf);
    for text in [&crlf, &cr] {
        let (doc, out) = run(text);
        assert_eq!(doc.paragraphs().len(), lf_doc.paragraphs().len());
        assert_eq!(doc.sentences().len(), lf_doc.sentences().len());
        assert_eq!(names(&out), names(&lf_out));
        assert_eq!(out.quotes.len(), lf_out.quotes.len());
        assert_eq!(out.meetings.len(), lf_out.meetings.len());
        assert_eq!(out.date.as_deref(), Some("2017-03-20"));
    }
}

#[test]
fn nul_and_control_bytes() {
    let text = format!("\0\u{1}\u{7}{ARTICLE}\0\u{8}\u{1b}[31mTokyo\u{7f}\u{85}\u{200b}\0");
    let (_, out) = run(&text);
    assert!(has(&out, EntityKind::Place, "Tokyo"));
    assert!(has(&out, EntityKind::Person, "Fumio Kishida"));
    // Control characters between every character.
    let spread: String = ARTICLE.chars().flat_map(|c| [c, '\0']).collect();
    run(&spread);
    let controls: String = (0u8..32).map(char::from).cycle().take(100_000).collect();
    let (_, out) = run(&controls);
    assert!(is_empty(&out));
}

#[test]
fn cyrillic_japanese_and_arabic_mixed_with_english() {
    let text = "Сергей Лавров met Fumio Kishida (岸田文雄) in Tokyo (東京). «Мы договорились», \
                Lavrov said. 「会談は有意義だった」と岸田氏は述べた。 قال وزير الخارجية \
                “السلام مهم” in Cairo, القاهرة. Moscow, Москва, 2017年3月20日.";
    let (_, out) = run(text);
    assert!(has(&out, EntityKind::Place, "Tokyo"), "{:?}", names(&out));
    assert!(has(&out, EntityKind::Place, "Cairo"));
    assert!(has(&out, EntityKind::Person, "Fumio Kishida"));
    // Combining marks, right-to-left marks and emoji next to names.
    let text = "Tokyo\u{301} \u{200f}Moscow\u{200e} 🙂Paris🙂 e\u{301}Lagos ".repeat(1_000);
    run(&text);
}

#[test]
fn impossible_date_header() {
    for header in [
        "date 2017-02-30",
        "date 2017-13-01",
        "date 0000-00-00",
        "date 9999-99-99",
    ] {
        let text = format!(" {header} Kishida met Lavrov in Tokyo on Monday.");
        let (doc, out) = run(&text);
        assert_eq!(out.date, None, "{header}");
        assert_eq!(doc.date(), None);
        // Still a header: not in the body, the sentences or the tokens.
        let h = doc.header().expect("an impossible date is still a header");
        assert_eq!(&text[h.start..h.end], header);
        assert!(doc.body().start > h.end);
        assert!(doc.sentences().iter().all(|s| s.span.start > h.end));
        assert!(doc.tokens().iter().all(|t| t.span.start > h.end));
        assert!(out
            .entities
            .iter()
            .flat_map(|e| &e.mentions)
            .all(|m| m.start > h.end));
        for m in &out.meetings {
            assert_eq!(m.date, None, "no article date to resolve Monday against");
            assert!(m.evidence.start > h.end);
        }
        assert!(has(&out, EntityKind::Place, "Tokyo"));
    }
}

// ---------------------------------------------------------------------------------------
// Gazetteer files
// ---------------------------------------------------------------------------------------

/// A fresh directory holding one file.
fn dir_with(test: &str, file: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-hostile-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(file), bytes).unwrap();
    dir
}

/// Builds from one file (with and without the defaults) and checks that `build()` fails
/// with exactly the expected (line, kind) errors, each naming the file, and that the error
/// message contains `file:line` and `needle`.
fn expect_errors(test: &str, file: &str, bytes: &[u8], want: &[(usize, ErrorKind)], needle: &str) {
    let dir = dir_with(test, file, bytes);
    let path = dir.join(file);
    for defaults in [false, true] {
        let err = Extractor::builder()
            .default_gazetteers(defaults)
            .gazetteer_file(&path)
            .build()
            .expect_err(test);
        let got: Vec<(usize, ErrorKind)> = err
            .errors()
            .iter()
            .map(|e| {
                assert_eq!(e.path(), Some(path.as_path()), "{test}: {e}");
                (
                    e.line().unwrap_or_else(|| panic!("{test}: no line in {e}")),
                    e.kind(),
                )
            })
            .collect();
        assert_eq!(got, want, "{test}: {err}");
        let message = err.to_string();
        for (line, _) in want {
            assert!(message.contains(&format!("{file}:{line}")), "{message}");
        }
        assert!(message.contains(needle), "{test}: {message}");
        assert!(message.len() < 2_000, "{test}: the message stays short");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gazetteer_missing_column() {
    expect_errors(
        "missing-column",
        "people_x.tsv",
        b"id\tname\taliases\tgender\nX:1\tAnna Petrova\tAnya Petrova\tfemale\nX:2\tIvan Petrov\tmale\n",
        &[(3, ErrorKind::Parse)],
        "3 columns, but the header has 4",
    );
    // A header without a required column is an error on the header line.
    expect_errors(
        "missing-required",
        "places_x.tsv",
        b"# comment\nid\taliases\nP:1\tRuritania\n",
        &[(2, ErrorKind::Parse)],
        "required column `name`",
    );
}

#[test]
fn gazetteer_empty_alias() {
    expect_errors(
        "empty-alias",
        "institutions_x.tsv",
        b"id\tname\taliases\nI:1\tRuritanian Post\tPost||RP\nI:2\tRuritanian Air\t | \n",
        &[
            (2, ErrorKind::Parse),
            (3, ErrorKind::Parse),
            (3, ErrorKind::Parse),
        ],
        "empty value in column `aliases`",
    );
    // An empty name is an error too.
    expect_errors(
        "empty-name",
        "people_x.tsv",
        b"id\tname\taliases\nX:1\t\tSomeone\n",
        &[(2, ErrorKind::Parse)],
        "empty `name`",
    );
}

#[test]
fn gazetteer_duplicate_ids() {
    expect_errors(
        "duplicate-ids",
        "places_x.tsv",
        b"id\tname\nP:1\tRuritania\nP:2\tGrand Fenwick\nP:1\tRuritania Again\n",
        &[(4, ErrorKind::Parse)],
        "id `P:1` already used on line 2",
    );
}

#[test]
fn gazetteer_alias_of_ten_thousand_characters() {
    let long = "Ж".repeat(10_000); // 10,000 characters, 20,000 bytes
    let text = format!("id\tname\taliases\nX:1\tAnna Petrova\t{long}\nX:2\t{long}\t\n");
    expect_errors(
        "long-alias",
        "people_x.tsv",
        text.as_bytes(),
        &[(2, ErrorKind::Parse), (3, ErrorKind::Parse)],
        "20000 bytes long; the limit is",
    );
}

#[test]
fn gazetteer_non_utf8_bytes() {
    expect_errors(
        "non-utf8",
        "people_x.tsv",
        b"id\tname\nX:1\tAnna Petrova\nX:2\tIv\xE1n Petrov\nX:3\t\xC3\x28 \xFF\xFE\n",
        &[(3, ErrorKind::InvalidUtf8), (4, ErrorKind::InvalidUtf8)],
        "invalid UTF-8",
    );
    // UTF-16 (a BOM and NUL bytes): the header line itself is not UTF-8.
    let utf16: Vec<u8> = "\u{FEFF}id\tname\nX:1\tAnna\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let dir = dir_with("utf16", "places_x.tsv", &utf16);
    let err = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_file(dir.join("places_x.tsv"))
        .build()
        .unwrap_err();
    assert!(err.errors().iter().all(|e| e.path().is_some()), "{err}");
    assert!(err.to_string().contains("places_x.tsv"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gazetteer_with_every_problem_still_reports_each_line() {
    let mut bytes = format!(
        "id\tname\taliases\nX:1\tGood Person\t\nX:2\tMissing\nX:3\tEmpty\ta||b\nX:1\tDup\t\n\
         X:4\tLong\t{}\n",
        "y".repeat(10_000)
    )
    .into_bytes();
    bytes.extend_from_slice(b"X:5\tBad \xFF\t\nX:6\tFine\t\n");
    let dir = dir_with("everything", "people_x.tsv", &bytes);
    let err = Extractor::builder()
        .gazetteer_dir(&dir)
        .build()
        .unwrap_err();
    let lines: Vec<Option<usize>> = err.errors().iter().map(|e| e.line()).collect();
    assert_eq!(
        lines,
        [Some(3), Some(4), Some(5), Some(6), Some(7)],
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gazetteer_with_hostile_but_valid_values_builds() {
    // A 256-byte alias (the limit), names in three scripts, a BOM, CRLF, control characters.
    let alias = "a".repeat(256);
    let text = format!(
        "\u{FEFF}id\tname\taliases\r\nX:1\tСергей Лавров\t{alias}|岸田文雄\r\nX:2\tعبد الله\t\u{7}Bell\r\n"
    );
    let dir = dir_with("valid", "people_x.tsv", text.as_bytes());
    let ex = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer_dir(&dir)
        .build()
        .expect("valid file");
    let article = format!("Сергей Лавров met 岸田文雄 and عبد الله. {alias}.");
    let doc = Document::parse(article.as_str());
    let out = ex.extract(&doc);
    assert!(offset_problem(&article, &out).is_none());
    assert!(out.entity(EntityKind::Person, "Сергей Лавров").is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// Generated input
// ---------------------------------------------------------------------------------------

const NAMES: &[&str] = &[
    "Fumio Kishida",
    "Kishida",
    "Sergei Lavrov",
    "Lavrov",
    "Tokyo",
    "Moscow",
    "Japan",
    "Russia",
    "Japanese",
    "Russian Foreign Ministry",
    "United Nations",
    "U.N.",
    "the Kremlin",
    "Foreign Minister",
    "President",
    "Mr.",
    "Mrs",
    "he",
    "she",
    "the minister",
    "his counterpart",
];

const WORDS: &[&str] = &[
    "met",
    "said",
    "told",
    "held talks",
    "will meet",
    "called off",
    "according to",
    "in",
    "on Monday",
    "March 20",
    "the",
    "and",
    "not",
    "summit",
    "talks",
    "visited",
    "a",
    "phone call",
    "said:",
    "added",
    "–",
    "—",
    // Words of later rules: relatives, opening participles, descriptions, appositions.
    "his son",
    "’s daughter",
    "Hosted by",
    "the court",
    "the Kremlin aide",
    "Chief",
    "Shri",
    "I met",
    "when",
    "message",
    "supporter",
    ", a spokesman for",
    "of",
];

const MARKS: &[&str] = &[
    "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‹", "›", "「", "」", ",”", ".”", ":",
];

const ODD: &[&str] = &[
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\t",
    ". ",
    ", ",
    "? ",
    "! ",
    "\u{FEFF}",
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{200f}",
    "\u{2028}",
    "\u{301}",
    "Ж",
    "Сергей Лавров",
    "岸田文雄",
    "東京",
    "。",
    "、",
    "مرحبا",
    "القاهرة",
    "🙂",
    "👍🏽",
    "é",
    "ﬁ",
    "İ",
    "ß",
    " date 2017-03-20 ",
    "date 2017-02-30 ",
    "date 2017-13-01",
    "...",
    "U.S.",
    "-",
    "’s",
    "'s",
];

fn ingredient() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => prop::sample::select(NAMES).prop_map(str::to_string),
        1 => prop::sample::select(NAMES).prop_map(str::to_uppercase),
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        4 => prop::sample::select(MARKS).prop_map(str::to_string),
        5 => prop::sample::select(ODD).prop_map(str::to_string),
        // Runs: many quote marks, nested quotes, glued names, whitespace.
        1 => (prop::sample::select(MARKS), 1usize..200).prop_map(|(m, n)| m.repeat(n)),
        1 => (1usize..30).prop_map(|n| format!("{}x{}", "“‘".repeat(n), "’”".repeat(n))),
        1 => (prop::sample::select(NAMES), 1usize..20)
            .prop_map(|(s, n)| s.replace(' ', "").repeat(n)),
        1 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..8).prop_map(|v| v.into_iter().collect()),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(ingredient(), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Random mixes of the ingredients above: extraction never panics and every offset is
    /// valid. (A panic inside `run` fails the case; proptest shrinks it to a small input.)
    #[test]
    fn generated_articles_never_panic_and_offsets_are_valid(text in article()) {
        let doc = Document::parse(text.as_str());
        prop_assert_eq!(doc.text(), text.as_str());
        let out = extractor().extract(&doc);
        if let Some(p) = offset_problem(&text, &out) {
            prop_assert!(false, "{}", p);
        }
        for m in &out.meetings {
            prop_assert!(m.participants.len() >= 2);
        }
        // Records are ordered by position.
        for e in &out.entities {
            prop_assert!(e.mentions.windows(2).all(|w| w[0].start <= w[1].start));
        }
        prop_assert!(out.quotes.windows(2).all(|w| w[0].start <= w[1].start));
    }
}
