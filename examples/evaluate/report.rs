//! The evaluate example's reports: the text table and the JSON document.

use crate::score::{self, Counts, DocScore, Finding, Report};
use serde::ser::{Serialize, SerializeMap, Serializer};

fn fmt3(x: Option<f64>) -> String {
    x.map_or_else(|| "  n/a".to_string(), |x| format!("{x:.3}"))
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The rows of the metric table, in the reference scorer's order.
fn metric_rows(report: &Report) -> Vec<(&'static str, Counts)> {
    let t = &report.totals;
    let mut all = Counts::default();
    for c in &t.entities {
        all.add(c);
    }
    let mut rows = vec![
        ("entities/person", t.entities[0]),
        ("entities/place", t.entities[1]),
        ("entities/institution", t.entities[2]),
    ];
    if t.entities[3].fp > 0 {
        rows.push(("entities/other-kind", t.entities[3]));
    }
    rows.push(("entities/all", all));
    rows.push(("meetings/pairs", t.meetings));
    rows.push(("quotes/detection", t.quotes.detection));
    rows.push(("quotes/strict_speaker", t.quotes.strict()));
    rows
}

/// The reference scorer's table (same lines, same figures), then the status, place and date
/// of matched meetings; with `by_doc` one line per article, with `errors` every false
/// positive, false negative and wrong value.
pub fn text(report: &Report, gold_docs: usize, by_doc: bool, errors: bool) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let missing = report.docs.iter().filter(|d| !d.predicted).count();
    let _ = writeln!(
        s,
        "gold docs: {gold_docs}   predicted: {}   missing (scored as empty): {missing}   \
         unknown docs ignored: {}",
        gold_docs - missing,
        report.unknown.len()
    );
    let _ = writeln!(
        s,
        "{:<28}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}",
        "metric", "P", "R", "F1", "TP", "FP", "FN"
    );
    for (name, c) in metric_rows(report) {
        let (p, r, f) = c.prf();
        let _ = writeln!(
            s,
            "{name:<28}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}",
            fmt3(Some(p)),
            fmt3(Some(r)),
            fmt3(Some(f)),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    let q = &report.totals.quotes;
    let _ = writeln!(
        s,
        "{:<28}{:>7}   ({} of {} matched gold quotes)",
        "quotes/attribution_accuracy",
        fmt3(ratio(q.attr_correct, q.detection.tp)),
        q.attr_correct,
        q.detection.tp
    );
    let a = &report.totals.attributes;
    for (name, n) in [
        ("meetings/status", a.status),
        ("meetings/place", a.place),
        ("meetings/date", a.date),
    ] {
        let _ = writeln!(
            s,
            "{name:<28}{:>7}   ({n} of {} matched gold meetings; {} gold meetings)",
            fmt3(ratio(n, a.matched)),
            a.matched,
            a.gold
        );
    }
    if by_doc {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{:<46}{:>7}{:>7}{:>7}{:>7}{:>7}",
            "doc", "entF1", "meetF1", "quoF1", "attr", "strF1"
        );
        for d in &report.docs {
            let stem: String = d.stem.chars().take(45).collect();
            let q = &d.quotes;
            let _ = writeln!(
                s,
                "{stem:<46}{:>7}{:>7}{:>7}{:>7}{:>7}{}",
                fmt3(Some(d.entities_all().prf().2)),
                fmt3(Some(d.meetings.prf().2)),
                fmt3(Some(q.detection.prf().2)),
                fmt3(ratio(q.attr_correct, q.detection.tp)),
                fmt3(Some(q.strict().prf().2)),
                if d.predicted { "" } else { "  (no prediction)" }
            );
        }
    }
    if errors {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "errors (FP: predicted but not in the gold; FN: in the gold but not predicted; \
             wrong: matched, with a wrong value)"
        );
        for d in report.docs.iter().filter(|d| !d.findings.is_empty()) {
            let _ = writeln!(s, "{}", d.stem);
            for f in &d.findings {
                let _ = writeln!(s, "  {:<22}{:<6}{}", f.metric, f.verdict, f.detail);
            }
        }
    }
    s
}

/// A JSON value whose object keys keep their order.
enum J {
    Num(Option<f64>),
    Int(usize),
    Bool(bool),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl Serialize for J {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            J::Num(Some(x)) => s.serialize_f64(*x),
            J::Num(None) => s.serialize_none(),
            J::Int(n) => s.serialize_u64(*n as u64),
            J::Bool(b) => s.serialize_bool(*b),
            J::Str(t) => s.serialize_str(t),
            J::Arr(items) => s.collect_seq(items),
            J::Obj(fields) => {
                let mut m = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

fn obj(fields: Vec<(&str, J)>) -> J {
    J::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn summary(c: &Counts) -> J {
    let (p, r, f) = c.prf();
    obj(vec![
        ("p", J::Num(Some(p))),
        ("r", J::Num(Some(r))),
        ("f1", J::Num(Some(f))),
        ("tp", J::Int(c.tp)),
        ("fp", J::Int(c.fp)),
        ("fn", J::Int(c.fn_)),
    ])
}

fn attributes(a: &score::AttrCounts) -> Vec<(&'static str, J)> {
    [
        ("meetings/status", a.status),
        ("meetings/place", a.place),
        ("meetings/date", a.date),
    ]
    .into_iter()
    .map(|(name, n)| {
        (
            name,
            obj(vec![
                ("accuracy", J::Num(ratio(n, a.matched))),
                ("correct", J::Int(n)),
                ("matched", J::Int(a.matched)),
                ("gold", J::Int(a.gold)),
            ]),
        )
    })
    .collect()
}

fn findings(fs: &[Finding]) -> J {
    J::Arr(
        fs.iter()
            .map(|f| {
                obj(vec![
                    ("metric", J::Str(f.metric.clone())),
                    ("verdict", J::Str(f.verdict.to_string())),
                    ("detail", J::Str(f.detail.clone())),
                ])
            })
            .collect(),
    )
}

fn doc_json(d: &DocScore, errors: bool) -> J {
    let q = &d.quotes;
    let mut fields = vec![
        ("predicted", J::Bool(d.predicted)),
        ("entities", summary(&d.entities_all())),
        ("meetings", summary(&d.meetings)),
        ("quotes", summary(&q.detection)),
        ("quotes_strict", summary(&q.strict())),
        (
            "attribution_accuracy",
            J::Num(ratio(q.attr_correct, q.detection.tp)),
        ),
    ];
    fields.extend(attributes(&d.attributes));
    if errors {
        fields.push(("errors", findings(&d.findings)));
    }
    obj(fields)
}

/// The reference scorer's `--json` layout (`overall`, and `by_doc` with `--by-doc`), plus
/// `meetings/status|place|date`, and each document's `errors` with `--errors`.
pub fn json(report: &Report, by_doc: bool, errors: bool) -> Result<String, String> {
    let mut overall: Vec<(&str, J)> = metric_rows(report)
        .iter()
        .map(|(name, c)| (*name, summary(c)))
        .collect();
    let q = &report.totals.quotes;
    overall.push((
        "quotes/attribution_accuracy",
        obj(vec![
            ("accuracy", J::Num(ratio(q.attr_correct, q.detection.tp))),
            ("correct", J::Int(q.attr_correct)),
            ("matched", J::Int(q.detection.tp)),
        ]),
    ));
    overall.extend(attributes(&report.totals.attributes));
    let mut top = vec![("overall", obj(overall))];
    if by_doc || errors {
        let docs = report
            .docs
            .iter()
            .map(|d| (d.stem.clone(), doc_json(d, errors)))
            .collect();
        top.push(("by_doc", J::Obj(docs)));
    }
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    obj(top).serialize(&mut ser).map_err(|e| e.to_string())?;
    String::from_utf8(buf).map_err(|e| e.to_string())
}
