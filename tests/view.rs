//! The HTML pages of `examples/view`: escaped text, properly nested elements around
//! overlapping spans, working links, nothing loaded from elsewhere.

#[path = "../examples/view/html.rs"]
mod html;

use gazette::{Document, Extraction, Extractor};
use regex::Regex;
use serde_json::json;

const TEXT: &str = "<script>alert('x')</script> & the Council of Europe met. \
                    \u{201C}We & Ana agree,\u{201D} said Ana Lee in Paris.\n\nCafé <b>done</b>";

fn at(needle: &str) -> (usize, usize) {
    let s = TEXT.find(needle).unwrap();
    (s, s + needle.len())
}

fn mention(needle: &str, via: &str) -> serde_json::Value {
    let (s, e) = at(needle);
    json!({"start": s, "end": e, "text": needle, "via": via})
}

/// Nested mentions ("Europe" in "Council of Europe"), a mention inside a quote, evidence that
/// ends inside the quote, and spans that are out of range or split a character.
fn extraction() -> Extraction {
    let (qs, qe) = at("We & Ana agree,");
    let (cs, ce) = at("said");
    let (es, _) = at("Council");
    let (_, ee) = at("We & Ana");
    let bad = TEXT.find("é").unwrap() + 1; // inside the two bytes of "é"
    let value = json!({
        "doc": "t.txt", "date": null,
        "entities": [
            {"kind": "institution", "name": "Council of Europe", "id": "Q8908",
             "mentions": [mention("Council of Europe", "gazetteer")]},
            {"kind": "place", "name": "Europe", "id": "Q46", "mentions": [mention("Europe", "gazetteer")]},
            {"kind": "person", "name": "Ana Lee", "id": null,
             "mentions": [mention("Ana", "short_form"), mention("Ana Lee", "given_name"),
                          {"start": bad, "end": bad + 3, "text": "x", "via": "alias"},
                          {"start": 5000, "end": 5004, "text": "x", "via": "alias"}]},
            {"kind": "place", "name": "Paris", "id": "Q90", "mentions": [mention("Paris", "gazetteer")]}
        ],
        "meetings": [{"participants": ["Ana Lee", "Bo <Kim>"], "place": "Paris", "date": null,
                      "status": "held", "evidence": {"start": es, "end": ee, "text": "..."}}],
        "quotes": [{"speaker": "Ana Lee", "speaker_kind": "person", "text": "We & Ana agree,",
                    "start": qs, "end": qe, "cue": {"start": cs, "end": ce, "text": "said"},
                    "sieve": "after_quote"}]
    });
    serde_json::from_value(value).unwrap()
}

/// Checks that every element is closed in order; returns the number of elements.
fn assert_well_formed(html: &str) -> usize {
    let tag = Regex::new(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>").unwrap();
    let mut stack: Vec<String> = Vec::new();
    let mut count = 0;
    for c in tag.captures_iter(html) {
        let name = c[2].to_ascii_lowercase();
        if ["meta", "br"].contains(&name.as_str()) {
            continue;
        }
        if &c[1] == "/" {
            let top = stack.pop();
            assert_eq!(
                top.as_deref(),
                Some(name.as_str()),
                "bad close at {:?}",
                c.get(0)
            );
        } else {
            stack.push(name);
            count += 1;
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    count
}

/// The text of the `<article>` element with the inserted badges left out, unescaped.
fn article_text(html: &str) -> String {
    let start = html.find("<article>").unwrap() + "<article>".len();
    let end = html.find("</article>").unwrap();
    let inserted = Regex::new(r#"<(a|span) class="ins[^"]*"[^>]*>[^<]*</(a|span)>"#).unwrap();
    let tags = Regex::new(r"<[^>]*>").unwrap();
    let body = inserted.replace_all(&html[start..end], "");
    let plain = tags.replace_all(&body, "");
    plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn text_is_escaped_and_kept_whole() {
    let page = html::page("t <&> \"x\".txt", TEXT, &extraction());
    assert!(!page.to_ascii_lowercase().contains("<script"), "{page}");
    assert!(!page.contains("<b>"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; the "));
    assert!(page.contains("<title>t &lt;&amp;&gt; &quot;x&quot;.txt</title>"));
    assert!(page.contains("Bo &lt;Kim&gt;"));
    assert_eq!(article_text(&page), TEXT);
    assert_well_formed(&page);
}

#[test]
fn overlapping_spans_are_closed_and_reopened() {
    let page = html::page("t.txt", TEXT, &extraction());
    assert_well_formed(&page);
    // "Europe" nests inside "Council of Europe", inside the meeting evidence.
    let nested = Regex::new(
        r#"<span class="ev ev1" id="evidence-1"><span class="m institution"[^>]*id="entity-1">Council of <span class="m place"[^>]*id="entity-2">Europe</span></span> met\. “"#,
    )
    .unwrap();
    assert!(nested.is_match(&page), "{page}");
    // The evidence ends inside the quote: the quote is closed with it and reopened, and the
    // person mention inside the quote is whole in the first part.
    let split = Regex::new(
        r#"<span class="q"[^>]*>We &amp; <span class="m person"[^>]*id="entity-3">Ana</span></span></span><span class="q"[^>]*> agree,</span>”<span class="ins who">— Ana Lee</span> <span class="cue""#,
    )
    .unwrap();
    assert!(split.is_match(&page), "{page}");
    // The cue, and the mention tooltip with canonical name, id and via.
    assert!(page.contains(r#"<span class="cue" title="cue of a quote by Ana Lee">said</span>"#));
    assert!(page.contains(r#"title="person · Ana Lee · no id · via given_name" data-tip="person · Ana Lee · no id · via given_name">Ana Lee</span>"#));
    assert!(page.contains(r#"title="institution · Council of Europe · Q8908 · via gazetteer""#));
    assert!(page.contains(r#"title="quote by Ana Lee (person) · cue “said” · rule after_quote""#));
}

#[test]
fn links_point_at_ids_that_exist_once() {
    let page = html::page("t.txt", TEXT, &extraction());
    let ids: Vec<String> = Regex::new(r#" id="([^"]+)""#)
        .unwrap()
        .captures_iter(&page)
        .map(|c| c[1].to_string())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    for c in Regex::new(r##"href="#([^"]+)""##)
        .unwrap()
        .captures_iter(&page)
    {
        assert!(ids.contains(&c[1].to_string()), "dangling link #{}", &c[1]);
    }
    assert!(page.contains(r##"<a href="#evidence-1">evidence</a>"##));
    assert!(page.contains(r##"<a class="ins evm" href="#meeting-1""##));
    // Self-contained: nothing fetched from elsewhere.
    for bad in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!page.contains(bad), "{bad}");
    }
}

#[test]
fn every_test_article_renders_well_formed_and_whole() {
    let extractor = Extractor::new().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let x = extractor.extract(&Document::parse(text.as_str()));
        let page = html::page("a.txt", &text, &x);
        let elements = assert_well_formed(&page);
        assert!(elements > 20, "{}", path.display());
        let shown = html::collapse_blank_lines(&text);
        assert_eq!(article_text(&page), shown, "{}", path.display());
        pages.push(("a".to_string(), x));
    }
    assert!(pages.len() >= 18);
    assert_well_formed(&html::index(&pages));
}

#[test]
fn empty_extraction_and_empty_text() {
    let page = html::page("", "", &Extraction::default());
    assert_well_formed(&page);
    assert!(page.contains("<article></article>"));
    assert!(page.contains("<h2>Meetings (0)</h2>\n<p>None found.</p>"));
}
