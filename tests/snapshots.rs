//! Snapshot tests of the full extraction of every article in `tests/data/`.
//!
//! Each article gets two snapshots in `tests/snapshots/`: the readable one-line-per-record
//! rendering (`*.txt.snap`-style names ending in `@ARTICLE.snap`) and the JSON of the contract.
//! To review a change: `cargo insta review` (install with `cargo install cargo-insta`), and read
//! every changed line against the article before accepting it: a snapshot that records a
//! wrong answer is a bug report, not a test.

use gazette::{Document, Extractor};

#[test]
fn articles() {
    let extractor = Extractor::new().expect("the embedded gazetteers load");
    insta::glob!("data/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("test articles are UTF-8");
        let doc = Document::parse(text);
        let mut out = extractor.extract(&doc);
        out.doc = path.file_name().map(|n| n.to_string_lossy().into_owned());
        insta::assert_snapshot!("text", out.to_string());
        insta::assert_json_snapshot!("json", out);
    });
}
