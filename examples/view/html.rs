//! One self-contained HTML page per article: the text with entity mentions coloured by kind,
//! quotes with their speaker and cue, and a side list of meetings linking to their evidence.
//!
//! No script, no font or image from elsewhere: one file that opens anywhere and prints.

use gazette::{EntityKind, Extraction};
use std::fmt::Write as _;

/// Escapes text for an HTML element or a double-quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Runs of blank lines shown as one blank line (articles as published have long runs).
pub fn collapse_blank_lines(s: &str) -> std::borrow::Cow<'_, str> {
    use once_cell::sync::Lazy;
    use regex::Regex;
    static RUNS: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"\n[ \t\r]*(?:\n[ \t\r]*)+\n").unwrap_or_else(|e| unreachable!("{e}"))
    });
    RUNS.replace_all(s, "\n\n")
}

/// What a highlighted stretch of text is; the order is the nesting order, outermost first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Layer {
    Evidence,
    Quote,
    Cue,
    Mention,
}

/// A stretch of the text to wrap in an element.
struct Span {
    layer: Layer,
    start: usize,
    end: usize,
    /// `class` and the other attributes, without `id`.
    attrs: String,
    /// The `id` for the first fragment, if any.
    id: Option<String>,
}

fn kind_class(k: EntityKind) -> &'static str {
    k.as_str()
}

/// Something inserted into the text (not part of it) at a byte offset.
struct Insert {
    at: usize,
    /// Quote speakers (true) come before evidence markers (false) at the same offset; both
    /// go after the spans ending there close and before those starting there open.
    after_close: bool,
    html: String,
}

/// The spans and insertions of an extraction. Spans that are empty, out of range or not on
/// character boundaries are left out.
fn layout(text: &str, x: &Extraction) -> (Vec<Span>, Vec<Insert>) {
    let ok = |s: usize, e: usize| {
        s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let mut spans = Vec::new();
    let mut inserts = Vec::new();
    for (i, m) in x.meetings.iter().enumerate() {
        let n = i + 1;
        if ok(m.evidence.start, m.evidence.end) {
            spans.push(Span {
                layer: Layer::Evidence,
                start: m.evidence.start,
                end: m.evidence.end,
                attrs: format!("class=\"ev ev{n}\""),
                id: Some(format!("evidence-{n}")),
            });
            inserts.push(Insert {
                at: m.evidence.start,
                after_close: false,
                html: format!(
                    "<a class=\"ins evm\" href=\"#meeting-{n}\" title=\"meeting {n}: {}\">M{n}</a>",
                    escape(&m.participants.join(", "))
                ),
            });
        }
    }
    for q in &x.quotes {
        if !ok(q.start, q.end) {
            continue;
        }
        let speaker = q.speaker.as_deref().unwrap_or("unknown speaker");
        let mut tip = format!("quote by {speaker}");
        if let Some(k) = q.speaker_kind {
            let _ = write!(tip, " ({})", k.as_str());
        }
        if let Some(c) = &q.cue {
            let _ = write!(tip, " · cue “{}”", c.text);
        }
        if let Some(s) = q.sieve {
            let _ = write!(tip, " · rule {}", s.as_str());
        }
        spans.push(Span {
            layer: Layer::Quote,
            start: q.start,
            end: q.end,
            attrs: format!(
                "class=\"q\" tabindex=\"0\" title=\"{0}\" data-tip=\"{0}\"",
                escape(&tip)
            ),
            id: None,
        });
        let cls = if q.speaker.is_some() {
            "ins who"
        } else {
            "ins who none"
        };
        // After the closing quotation mark, if there is one.
        let mark = text[q.end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\u{201D}' | '\u{2019}' | '\'' | '\u{BB}'));
        inserts.push(Insert {
            at: q.end + mark.map_or(0, char::len_utf8),
            after_close: true,
            html: format!("<span class=\"{cls}\">— {}</span>", escape(speaker)),
        });
        if let Some(c) = &q.cue {
            if ok(c.start, c.end) {
                spans.push(Span {
                    layer: Layer::Cue,
                    start: c.start,
                    end: c.end,
                    attrs: format!(
                        "class=\"cue\" title=\"cue of a quote by {}\"",
                        escape(speaker)
                    ),
                    id: None,
                });
            }
        }
    }
    for (i, e) in x.entities.iter().enumerate() {
        for (j, m) in e.mentions.iter().enumerate() {
            if !ok(m.start, m.end) {
                continue;
            }
            let tip = format!(
                "{} · {} · {} · via {}",
                e.kind.as_str(),
                e.name,
                e.id.as_deref().unwrap_or("no id"),
                m.via.as_str()
            );
            spans.push(Span {
                layer: Layer::Mention,
                start: m.start,
                end: m.end,
                attrs: format!(
                    "class=\"m {}\" tabindex=\"0\" title=\"{1}\" data-tip=\"{1}\"",
                    kind_class(e.kind),
                    escape(&tip)
                ),
                id: (j == 0).then(|| format!("entity-{}", i + 1)),
            });
        }
    }
    (spans, inserts)
}

/// The article text as HTML: every span wrapped in its element, overlapping spans closed and
/// reopened so that elements nest properly, the text escaped.
pub fn annotate(text: &str, x: &Extraction) -> String {
    let (spans, mut inserts) = layout(text, x);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(spans.iter().flat_map(|s| [s.start, s.end]));
    cuts.extend(inserts.iter().map(|i| i.at).filter(|&a| a <= text.len()));
    cuts.sort_unstable();
    cuts.dedup();
    inserts.sort_by_key(|i| (i.at, !i.after_close));

    // Spans in nesting order: layer, then longer (earlier start, later end) outside.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&spans[a], &spans[b]);
        (a.layer, a.start, std::cmp::Reverse(a.end)).cmp(&(
            b.layer,
            b.start,
            std::cmp::Reverse(b.end),
        ))
    });
    let mut opened_before = vec![false; spans.len()];
    let mut open: Vec<usize> = Vec::new();
    let mut out = String::with_capacity(text.len() * 2);
    let mut next_insert = 0;
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let want: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| spans[i].start <= from && to <= spans[i].end)
            .collect();
        let keep = open.iter().zip(&want).take_while(|(a, b)| a == b).count();
        // Close what ends or must be reopened inside something new.
        for _ in keep..open.len() {
            out.push_str("</span>");
        }
        open.truncate(keep);
        // Quote speakers go right after their quote closes (inside what is still open),
        // evidence markers before what starts here.
        while next_insert < inserts.len() && inserts[next_insert].at <= from {
            out.push_str(&inserts[next_insert].html);
            next_insert += 1;
        }
        for &i in &want[keep..] {
            let s = &spans[i];
            out.push_str("<span ");
            out.push_str(&s.attrs);
            if let (false, Some(id)) = (opened_before[i], &s.id) {
                let _ = write!(out, " id=\"{id}\"");
            }
            out.push('>');
            opened_before[i] = true;
            open.push(i);
        }
        out.push_str(&escape(&collapse_blank_lines(&text[from..to])));
    }
    for _ in 0..open.len() {
        out.push_str("</span>");
    }
    for ins in &inserts[next_insert..] {
        out.push_str(&ins.html);
    }
    out
}

const CSS: &str = r#"
:root { --person: #dbe9ff; --person-b: #2f6fd6; --place: #d9f2df; --place-b: #2c8a47;
  --institution: #ffe6cc; --institution-b: #c46a12; --quote: #fff6b3; --quote-b: #c9a400;
  --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 17px/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif; }
header, .legend, main { padding: 0 20px; }
header { padding-top: 14px; border-bottom: 1px solid var(--line); }
header h1 { font: 600 19px/1.3 system-ui, "DejaVu Sans", Arial, sans-serif; margin: 0 0 4px;
  overflow-wrap: anywhere; }
header p { margin: 0 0 10px; color: var(--muted);
  font: 14px/1.4 system-ui, "DejaVu Sans", Arial, sans-serif; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; padding-top: 8px; padding-bottom: 8px;
  font: 13px/1.4 system-ui, "DejaVu Sans", Arial, sans-serif; border-bottom: 1px solid var(--line); }
.legend span.key { white-space: nowrap; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 330px; gap: 28px; max-width: 1200px; }
article { white-space: pre-wrap; overflow-wrap: break-word; padding: 16px 0 40px; }
aside { font: 14px/1.45 system-ui, "DejaVu Sans", Arial, sans-serif; padding: 16px 0 40px; }
aside h2 { font-size: 15px; margin: 0 0 8px; }
aside h2 + p { color: var(--muted); margin-top: 0; }
aside h3 { font-size: 13px; color: var(--muted); font-weight: 600; margin: 0 0 4px; }
main.index { display: block; }
aside ol, aside ul { margin: 0 0 20px; padding-left: 20px; }
aside li { margin-bottom: 10px; }
aside .who-list { font-weight: 600; }
aside .facts { color: var(--muted); }
aside ul.ents li { margin-bottom: 2px; }
.status { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; padding: 0 5px; border-radius: 3px; color: #fff; background: #2c8a47; }
.status.planned { background: #2f6fd6; } .status.cancelled { background: #b3261e; }
.m { border-radius: 3px; padding: 0 1px; border-bottom: 2px solid; position: relative; }
.m.person { background: var(--person); border-color: var(--person-b); }
.m.place { background: var(--place); border-color: var(--place-b); }
.m.institution { background: var(--institution); border-color: var(--institution-b); }
.m .m { border-bottom-style: double; border-bottom-width: 3px; }
.q { background: var(--quote); font-style: italic; position: relative; }
.cue { text-decoration: underline wavy var(--quote-b); text-underline-offset: 3px; font-weight: 600; }
.ev:target { outline: 2px solid #7b61ff; outline-offset: 2px; background: #efeaff; }
.who { font: 600 12px/1 system-ui, "DejaVu Sans", Arial, sans-serif; color: #6b5400;
  background: #fff0a0; border: 1px solid var(--quote-b); border-radius: 9px; padding: 1px 6px;
  margin-left: 3px; white-space: nowrap; font-style: normal; }
.who.none { color: var(--muted); background: #f1f1f3; border-color: var(--line); }
.evm { font: 700 11px/1 system-ui, "DejaVu Sans", Arial, sans-serif; color: #fff; background: #7b61ff;
  border-radius: 3px; padding: 1px 4px; margin-right: 3px; text-decoration: none;
  vertical-align: 2px; font-style: normal; }
[data-tip]:focus { outline: 2px solid #444; }
[data-tip]:focus::after { content: attr(data-tip); position: absolute; left: 0; top: 100%;
  z-index: 10; margin-top: 4px; width: max-content; max-width: min(320px, 80vw); white-space: normal;
  font: 13px/1.35 system-ui, "DejaVu Sans", Arial, sans-serif; font-style: normal; font-weight: 400;
  color: #fff; background: #222; padding: 5px 8px; border-radius: 4px; }
a { color: #3b4cc0; }
@media (max-width: 800px) {
  body { font-size: 16px; }
  header, .legend, main { padding-left: 12px; padding-right: 12px; }
  main { display: block; }
  aside { border-top: 1px solid var(--line); }
}
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 11pt; }
  main { display: block; }
  [data-tip]:focus::after, .legend .hint { display: none; }
  .evm { color: #000; background: none; border: 1px solid #7b61ff; }
  aside { break-before: auto; border-top: 1px solid var(--line); }
}
"#;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A whole page: header, legend, annotated text and the side lists.
pub fn page(title: &str, text: &str, x: &Extraction) -> String {
    let mut h = String::with_capacity(text.len() * 3 + CSS.len() + 4096);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(title)
    );
    let mentions: usize = x.entities.iter().map(|e| e.mentions.len()).sum();
    let _ = write!(
        h,
        "<header>\n<h1>{}</h1>\n<p>date {} · {} · {} · {} · {}</p>\n</header>\n",
        escape(title),
        escape(x.date.as_deref().unwrap_or("not given")),
        count(x.entities.len(), "entity", "entities"),
        count(mentions, "mention", "mentions"),
        count(x.meetings.len(), "meeting", "meetings"),
        count(x.quotes.len(), "quote", "quotes")
    );
    h.push_str(
        "<div class=\"legend\" aria-label=\"legend\">\
         <span class=\"key\"><span class=\"m person\">person</span></span>\
         <span class=\"key\"><span class=\"m place\">place</span></span>\
         <span class=\"key\"><span class=\"m institution\">institution</span></span>\
         <span class=\"key\"><span class=\"q\">quoted words</span><span class=\"who\">— speaker</span></span>\
         <span class=\"key\"><span class=\"cue\">said</span> speech cue</span>\
         <span class=\"key\"><span class=\"evm\">M1</span>meeting evidence</span>\
         <span class=\"key hint\">tap or hover a highlight for details</span>\
         </div>\n",
    );
    h.push_str("<main>\n<article>");
    h.push_str(&annotate(text, x));
    h.push_str("</article>\n<aside>\n");
    let _ = writeln!(h, "<h2>Meetings ({})</h2>", x.meetings.len());
    if x.meetings.is_empty() {
        h.push_str("<p>None found.</p>\n");
    } else {
        h.push_str("<ol class=\"meetings\">\n");
        for (i, m) in x.meetings.iter().enumerate() {
            let n = i + 1;
            let _ = writeln!(
                h,
                "<li id=\"meeting-{n}\"><span class=\"status {0}\">{0}</span> \
                 <span class=\"who-list\">{1}</span><br><span class=\"facts\">place {2} · date {3}</span> · \
                 <a href=\"#evidence-{n}\">evidence</a></li>",
                m.status.as_str(),
                escape(&m.participants.join(" · ")),
                escape(m.place.as_deref().unwrap_or("not given")),
                escape(m.date.as_deref().unwrap_or("not given"))
            );
        }
        h.push_str("</ol>\n");
    }
    let _ = writeln!(h, "<h2>Entities ({})</h2>", x.entities.len());
    for kind in [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Institution,
    ] {
        let of_kind: Vec<(usize, &gazette::Entity)> = x
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let heading = match kind {
            EntityKind::Person => "People",
            EntityKind::Place => "Places",
            _ => "Institutions",
        };
        let _ = write!(h, "<h3>{heading}</h3><ul class=\"ents\">");
        for (i, e) in of_kind {
            let _ = write!(
                h,
                "<li><a class=\"m {}\" href=\"#entity-{}\">{}</a> ×{}</li>",
                kind_class(kind),
                i + 1,
                escape(&e.name),
                e.mentions.len()
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</aside>\n</main>\n</body>\n</html>\n");
    h
}

/// A page linking the article pages `STEM.html`, with their counts.
pub fn index(pages: &[(String, Extraction)]) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>gazette: {} articles</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>{} articles</h1>\n<p>entities · meetings · quotes</p>\n</header>\n\
         <main class=\"index\"><ol>\n",
        pages.len(),
        pages.len()
    );
    for (stem, x) in pages {
        // The file name is a URL path segment: escape what would break it.
        let href: String = stem
            .chars()
            .map(|c| match c {
                '%' => "%25".to_string(),
                '#' => "%23".to_string(),
                '?' => "%3F".to_string(),
                c => c.to_string(),
            })
            .collect();
        let _ = writeln!(
            h,
            "<li><a href=\"{}.html\">{}</a> · {} · {} · {}</li>",
            escape(&href),
            escape(stem),
            x.entities.len(),
            x.meetings.len(),
            x.quotes.len()
        );
    }
    h.push_str("</ol></main>\n</body>\n</html>\n");
    h
}
