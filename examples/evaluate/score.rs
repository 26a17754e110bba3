//! The scoring rules of `examples/evaluate`: gold and prediction loading, matching and
//! counting.
//!
//! This is a line-by-line port of the project's reference scorer (`score.py`), so that both
//! give the same figures on the same files; README.md ("Evaluating against your own gold")
//! states the rules. The one addition is [`score_meeting_attributes`]: status, place and date
//! of matched meetings, for which the reference scorer has no figure.
//!
//! Gold files are read strictly (a wrong type is an error with file, line and column);
//! prediction lines are read as leniently as the reference scorer reads them.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The scored entity kinds, in report order.
pub const KINDS: [&str; 3] = ["person", "place", "institution"];

/// A problem with an input file, naming the file (and line where there is one).
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

fn err<T>(msg: impl Into<String>) -> Result<T, InputError> {
    Err(InputError(msg.into()))
}

// ------------------------------------------------------------------------------ helpers

/// Python's `str.isspace`: Unicode White_Space plus the four ASCII separators 0x1C–0x1F.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Normalises a name or alias for matching: NFC, curly apostrophes and quotes made straight,
/// whitespace squeezed, case-folded, a leading "the " and a trailing "'s" (or a bare trailing
/// apostrophe) removed.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfc()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    let squeezed = s
        .split(py_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let folded = caseless::default_case_fold_str(&squeezed);
    let mut t: &str = &folded;
    if let Some(rest) = t.strip_prefix("the ") {
        t = rest;
    }
    if let Some(rest) = t.strip_suffix("'s") {
        t = rest;
    } else if let Some(rest) = t.strip_suffix('\'') {
        t = rest;
    }
    t.trim_matches(py_space).to_string()
}

/// The word tokens of a text (Python's `\w+`, i.e. runs of letters, numbers and `_`, over
/// the case-folded text), with their counts.
pub fn tokens(s: &str) -> HashMap<String, usize> {
    static WORD: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"[\p{L}\p{N}_]+").unwrap_or_else(|e| unreachable!("{e}")));
    let mut out: HashMap<String, usize> = HashMap::new();
    for m in WORD.find_iter(&caseless::default_case_fold_str(s)) {
        *out.entry(m.as_str().to_string()).or_default() += 1;
    }
    out
}

fn token_len(t: &HashMap<String, usize>) -> usize {
    t.values().sum()
}

/// The file stem a prediction's `doc` stands for: the base name without `.txt`/`.json`.
pub fn stem_of(doc: &str) -> String {
    let base = doc.rsplit('/').next().unwrap_or(doc);
    // Python's os.path.splitext: the last dot, leading dots of the name do not count.
    let lead = base.len() - base.trim_start_matches('.').len();
    if let Some(dot) = base[lead..].rfind('.') {
        let (root, ext) = base.split_at(lead + dot);
        if ext.eq_ignore_ascii_case(".txt") || ext.eq_ignore_ascii_case(".json") {
            return root.to_string();
        }
    }
    base.to_string()
}

/// Precision, recall and F1; an empty gold and an empty prediction score 1.0.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else if fp == 0 {
        1.0
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

// ------------------------------------------------------------------------------ gold

/// One gold file.
#[derive(Debug, Deserialize)]
pub struct GoldDoc {
    /// People, places and institutions.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Meetings whose participant pairs are scored.
    #[serde(default)]
    pub meetings: Vec<GoldMeeting>,
    /// Meetings whose pairs are neither required nor penalised.
    #[serde(default)]
    pub optional_meetings: Vec<GoldMeeting>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// The three entity kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An institution.
    Institution,
}

impl Kind {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        KINDS[self.index()]
    }
    fn index(self) -> usize {
        match self {
            Kind::Person => 0,
            Kind::Place => 1,
            Kind::Institution => 2,
        }
    }
}

/// A gold entity.
#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    /// Its kind.
    pub kind: Kind,
    /// Its canonical name.
    pub name: String,
    /// Every surface form in the text.
    #[serde(default)]
    pub aliases: Option<Vec<String>>,
    /// Neither required nor penalised.
    #[serde(default)]
    pub optional: Option<bool>,
}

impl GoldEntity {
    fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(self.aliases.iter().flatten())
    }
    fn is_optional(&self) -> bool {
        self.optional == Some(true)
    }
}

/// A gold meeting.
#[derive(Debug, Deserialize)]
pub struct GoldMeeting {
    /// Canonical names of the gold people who meet.
    #[serde(default)]
    pub participants: Option<Vec<String>>,
    /// Canonical name of the place, or null.
    #[serde(default)]
    pub place: Option<String>,
    /// ISO date, or null.
    #[serde(default)]
    pub date: Option<String>,
    /// held, planned, cancelled, proposed.
    #[serde(default)]
    pub status: Option<String>,
}

/// A gold quote.
#[derive(Debug, Deserialize)]
pub struct GoldQuote {
    /// Canonical name of the speaker, or null for an anonymous source.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Other speakers that also count as right.
    #[serde(default)]
    pub speaker_alternatives: Option<Vec<String>>,
    /// Byte offset of the quote, when the gold gives it (breaks ties between matches).
    #[serde(default)]
    pub start: Option<i64>,
}

/// Reads every `*.json` file of a gold directory, in file-name order, keyed by stem.
pub fn load_gold(dir: &Path) -> Result<Vec<(String, GoldDoc)>, InputError> {
    if !dir.is_dir() {
        return err(format!("{}: not a directory", dir.display()));
    }
    let listing =
        std::fs::read_dir(dir).map_err(|e| InputError(format!("{}: {e}", dir.display())))?;
    let mut names: Vec<String> = Vec::new();
    for entry in listing {
        let entry = entry.map_err(|e| InputError(format!("{}: {e}", dir.display())))?;
        match entry.file_name().into_string() {
            Ok(n) if n.ends_with(".json") => names.push(n),
            Ok(_) => {}
            Err(n) => {
                let n = PathBuf::from(n);
                if n.extension().is_some_and(|e| e == "json") {
                    return err(format!("{}: file name is not UTF-8", dir.join(n).display()));
                }
            }
        }
    }
    names.sort();
    let mut gold = Vec::new();
    for name in names {
        let path = dir.join(&name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| InputError(format!("{}: cannot read gold JSON: {e}", path.display())))?;
        let doc = parse_gold(&text).map_err(|e| InputError(format!("{}:{e}", path.display())))?;
        gold.push((name[..name.len() - 5].to_string(), doc));
    }
    if gold.is_empty() {
        return err(format!("{}: no *.json gold files", dir.display()));
    }
    Ok(gold)
}

/// Parses one gold file; the error starts with `line:column: `.
pub fn parse_gold(text: &str) -> Result<GoldDoc, String> {
    serde_json::from_str(text).map_err(|e| json_error(&e))
}

/// `LINE:COLUMN: message` from a serde_json error.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = msg.strip_suffix(&suffix).unwrap_or(&msg);
    format!("{}:{}: {msg}", e.line(), e.column())
}

// ------------------------------------------------------------------------------ predictions

/// One prediction line (the output contract), reduced to what scoring reads.
#[derive(Clone, Debug, Default)]
pub struct PredDoc {
    /// The `doc` field as given.
    pub doc: String,
    /// Entities.
    pub entities: Vec<PredEntity>,
    /// Meetings.
    pub meetings: Vec<PredMeeting>,
    /// Quotes.
    pub quotes: Vec<PredQuote>,
}

/// A predicted entity.
#[derive(Clone, Debug)]
pub struct PredEntity {
    /// The `kind` value as given (`null` when absent): any value is accepted, and one that is
    /// not a scored kind counts as a false positive of kind "other".
    pub kind: Value,
    /// The canonical name.
    pub name: String,
    /// The texts of the mentions that are objects with a string `text`.
    pub mention_texts: Vec<String>,
}

/// A predicted meeting.
#[derive(Clone, Debug)]
pub struct PredMeeting {
    /// Participant names.
    pub participants: Vec<String>,
    /// `place` (a non-string value is kept as its JSON text).
    pub place: Option<String>,
    /// `date`.
    pub date: Option<String>,
    /// `status`.
    pub status: Option<String>,
    /// The evidence text, if any.
    pub evidence: Option<String>,
}

/// A predicted quote.
#[derive(Clone, Debug)]
pub struct PredQuote {
    /// The speaker, `None` when null, absent or blank.
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
    /// `start`, when it is an integer.
    pub start: Option<i128>,
}

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `isinstance(v, int)` (booleans are integers there).
fn py_int(v: Option<&Value>) -> Option<i128> {
    match v? {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}

fn opt_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Checks and reduces one parsed prediction line; `where_` is `FILE:LINE`.
pub fn pred_from_value(obj: Value, where_: &str) -> Result<PredDoc, InputError> {
    let Value::Object(mut obj) = obj else {
        return err(format!(
            "{where_}: each line must be an object with a 'doc' field"
        ));
    };
    let doc = match obj.get("doc") {
        None => {
            return err(format!(
                "{where_}: each line must be an object with a 'doc' field"
            ))
        }
        Some(Value::String(s)) => s.clone(),
        Some(_) => return err(format!("{where_}: 'doc' must be a string")),
    };
    let mut lists: [Vec<Value>; 3] = Default::default();
    for (slot, key) in lists.iter_mut().zip(["entities", "meetings", "quotes"]) {
        match obj.remove(key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(a)) => *slot = a,
            Some(_) => return err(format!("{where_}: '{key}' must be a list")),
        }
    }
    let [entities, meetings, quotes] = lists;
    let mut out = PredDoc {
        doc,
        ..PredDoc::default()
    };
    for (i, e) in entities.iter().enumerate() {
        let name = e.get("name").and_then(Value::as_str);
        let (Some(obj), Some(name)) = (e.as_object(), name) else {
            return err(format!(
                "{where_}: entities[{i}] must be an object with a string 'name'"
            ));
        };
        let mentions = match obj.get("mentions") {
            Some(m) if truthy(m) => match m.as_array() {
                Some(a) => a.as_slice(),
                None => return err(format!("{where_}: entities[{i}].mentions must be a list")),
            },
            _ => &[],
        };
        out.entities.push(PredEntity {
            kind: obj.get("kind").cloned().unwrap_or(Value::Null),
            name: name.to_string(),
            mention_texts: mentions
                .iter()
                .filter_map(|m| m.get("text").and_then(Value::as_str).map(str::to_string))
                .collect(),
        });
    }
    for (i, m) in meetings.iter().enumerate() {
        let parts = m
            .as_object()
            .and_then(|o| o.get("participants"))
            .and_then(Value::as_array);
        let names: Option<Vec<String>> =
            parts.and_then(|p| p.iter().map(|x| x.as_str().map(str::to_string)).collect());
        let Some(participants) = names else {
            return err(format!(
                "{where_}: meetings[{i}].participants must be a list of names"
            ));
        };
        out.meetings.push(PredMeeting {
            participants,
            place: opt_text(m.get("place")),
            date: opt_text(m.get("date")),
            status: opt_text(m.get("status")),
            evidence: m
                .get("evidence")
                .and_then(|e| e.get("text"))
                .and_then(Value::as_str)
                .map(str::to_string),
        });
    }
    for (i, q) in quotes.iter().enumerate() {
        let text = q.get("text").and_then(Value::as_str);
        let (Some(_), Some(text)) = (q.as_object(), text) else {
            return err(format!(
                "{where_}: quotes[{i}] must be an object with a string 'text'"
            ));
        };
        let speaker = match q.get("speaker") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                Some(s.clone()).filter(|s| !s.trim_matches(py_space).is_empty())
            }
            Some(_) => {
                return err(format!(
                    "{where_}: quotes[{i}].speaker must be a string or null"
                ))
            }
        };
        out.quotes.push(PredQuote {
            speaker,
            text: text.to_string(),
            start: py_int(q.get("start")),
        });
    }
    Ok(out)
}

/// Reads a predictions file (JSON Lines), keyed by stem, in file order.
pub fn load_pred(path: &Path) -> Result<Vec<(String, PredDoc)>, InputError> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| InputError(format!("{name}: cannot open: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        InputError(format!("{name}: not UTF-8 (invalid byte at offset {at})"))
    })?;
    parse_pred(&text, &name.to_string())
}

/// Parses predictions (JSON Lines); `name` labels errors.
pub fn parse_pred(text: &str, name: &str) -> Result<Vec<(String, PredDoc)>, InputError> {
    let mut preds: Vec<(String, PredDoc)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // Lines end at \n, \r\n or a lone \r (Python's universal newlines).
    for (i, line) in text
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .enumerate()
    {
        let lineno = i + 1;
        if line.trim_matches(py_space).is_empty() {
            continue;
        }
        let where_ = format!("{name}:{lineno}");
        let obj: Value = serde_json::from_str(line).map_err(|e| {
            let msg = e.to_string();
            let msg = msg
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string();
            InputError(format!(
                "{where_}: invalid JSON (column {}): {msg}",
                e.column()
            ))
        })?;
        let pred = pred_from_value(obj, &where_)?;
        let stem = stem_of(&pred.doc);
        if !seen.insert(stem.clone()) {
            return err(format!("{where_}: second line for doc '{}'", pred.doc));
        }
        preds.push((stem, pred));
    }
    Ok(preds)
}

// ------------------------------------------------------------------------------ matching

/// Maximum bipartite matching (Kuhn's algorithm, the reference scorer's order): left nodes
/// are tried in order, each along its edges in order. Returns, per left node, its right node.
pub fn max_matching(n_left: usize, n_right: usize, edges: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut match_right: Vec<Option<usize>> = vec![None; n_right];
    for root in 0..n_left {
        let mut seen = vec![false; n_right];
        // An explicit stack instead of recursion: (left node, next edge to try), and the
        // right node each frame below the top is trying.
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        let mut trying: Vec<usize> = Vec::new();
        while let Some(&mut (i, ref mut pos)) = stack.last_mut() {
            let Some(&j) = edges[i].get(*pos) else {
                stack.pop();
                trying.pop();
                continue;
            };
            *pos += 1;
            if seen[j] {
                continue;
            }
            seen[j] = true;
            match match_right[j] {
                None => {
                    match_right[j] = Some(i);
                    for (k, &jj) in trying.iter().enumerate() {
                        match_right[jj] = Some(stack[k].0);
                    }
                    break;
                }
                Some(other) => {
                    trying.push(j);
                    stack.push((other, 0));
                }
            }
        }
    }
    let mut left = vec![None; n_left];
    for (j, i) in match_right.iter().enumerate() {
        if let Some(i) = i {
            left[*i] = Some(j);
        }
    }
    left
}

/// Gold aliases of one document plus the prediction's own entity mentions: maps predicted
/// names to gold entities.
pub struct DocIndex {
    alias: HashMap<String, Vec<(Kind, String)>>,
    surname: HashMap<String, BTreeSet<String>>,
    pred_keys: HashMap<String, BTreeSet<String>>,
}

fn pred_entity_keys(e: &PredEntity) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = std::iter::once(norm(&e.name))
        .chain(e.mention_texts.iter().map(|t| norm(t)))
        .collect();
    keys.remove("");
    keys
}

impl DocIndex {
    /// Builds the index of one document.
    pub fn new(gold: &GoldDoc, pred: &PredDoc) -> DocIndex {
        let mut alias: HashMap<String, Vec<(Kind, String)>> = HashMap::new();
        let mut surname: HashMap<String, BTreeSet<String>> = HashMap::new();
        for e in &gold.entities {
            for a in e.names() {
                let k = norm(a);
                if k.is_empty() {
                    continue;
                }
                let list = alias.entry(k.clone()).or_default();
                if !list
                    .iter()
                    .any(|(kind, name)| *kind == e.kind && *name == e.name)
                {
                    list.push((e.kind, e.name.clone()));
                }
                if e.kind == Kind::Person {
                    if let Some(last) = k.split(' ').next_back() {
                        surname
                            .entry(last.to_string())
                            .or_default()
                            .insert(e.name.clone());
                    }
                }
            }
        }
        let mut pred_keys: HashMap<String, BTreeSet<String>> = HashMap::new();
        for e in &pred.entities {
            let n = norm(&e.name);
            if !n.is_empty() {
                pred_keys.entry(n).or_default().extend(pred_entity_keys(e));
            }
        }
        DocIndex {
            alias,
            surname,
            pred_keys,
        }
    }

    /// Every gold (kind, canonical name) a predicted name can stand for: through the gold
    /// names and aliases, else through the predicted entity's own mentions, else a bare
    /// surname that names exactly one gold person.
    pub fn resolve(&self, name: &str) -> Vec<(Kind, String)> {
        let n = norm(name);
        if n.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(Kind, String)> = self.alias.get(&n).cloned().unwrap_or_default();
        if out.is_empty() {
            for k in self.pred_keys.get(&n).into_iter().flatten() {
                for c in self.alias.get(k).into_iter().flatten() {
                    if !out.contains(c) {
                        out.push(c.clone());
                    }
                }
            }
        }
        if out.is_empty() && !n.contains(' ') {
            if let Some(names) = self.surname.get(&n) {
                if names.len() == 1 {
                    out.extend(names.iter().map(|c| (Kind::Person, c.clone())));
                }
            }
        }
        out
    }

    /// The gold person a predicted participant stands for (a person first, else the first
    /// entity it names), or `?name` when it names none.
    pub fn resolve_person(&self, name: &str) -> String {
        let cands = self.resolve(name);
        if let Some((_, c)) = cands.iter().find(|(k, _)| *k == Kind::Person) {
            return c.clone();
        }
        match cands.into_iter().next() {
            Some((_, c)) => c,
            None => format!("?{}", norm(name)),
        }
    }
}

// ------------------------------------------------------------------------------ counts

/// True and false positives and negatives of one metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
    /// Predictions matching optional gold entities (entities only).
    pub ignored: usize,
}

impl Counts {
    /// Adds another count.
    pub fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.ignored += o.ignored;
    }
    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.tp, self.fp, self.fn_)
    }
}

/// Quote counts: detection plus speakers right among matched quotes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteCounts {
    /// Detection.
    pub detection: Counts,
    /// Matched quotes whose speaker is right.
    pub attr_correct: usize,
}

impl QuoteCounts {
    /// Quote and speaker both right.
    pub fn strict(&self) -> Counts {
        let d = &self.detection;
        let ac = self.attr_correct;
        Counts {
            tp: ac,
            fp: d.tp + d.fp - ac,
            fn_: d.tp + d.fn_ - ac,
            ignored: 0,
        }
    }
}

/// Status, place and date of the gold meetings matched to a predicted meeting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttrCounts {
    /// Gold meetings (with at least one pair) in the document.
    pub gold: usize,
    /// Gold meetings matched to a predicted meeting.
    pub matched: usize,
    /// Matched meetings with the gold status.
    pub status: usize,
    /// Matched meetings with the gold place.
    pub place: usize,
    /// Matched meetings with the gold date.
    pub date: usize,
}

impl AttrCounts {
    fn add(&mut self, o: &AttrCounts) {
        self.gold += o.gold;
        self.matched += o.matched;
        self.status += o.status;
        self.place += o.place;
        self.date += o.date;
    }
}

/// One false positive, false negative or wrong value, for `--errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `entities/person`, `meetings/pairs`, `quotes/detection`, `quotes/speaker`,
    /// `meetings/status`, ...
    pub metric: String,
    /// `FP`, `FN` or `wrong`.
    pub verdict: &'static str,
    /// What was predicted or expected, and why it did not match.
    pub detail: String,
}

fn finding(metric: impl Into<String>, verdict: &'static str, detail: String) -> Finding {
    Finding {
        metric: metric.into(),
        verdict,
        detail,
    }
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

fn quoted_list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(|s| quoted(s))
        .collect::<Vec<_>>()
        .join(", ")
}

// ------------------------------------------------------------------------------ entities

/// Entity counts per kind (person, place, institution, other), and findings.
pub fn score_entities(gold: &GoldDoc, pred: &PredDoc, out: &mut Vec<Finding>) -> [Counts; 4] {
    let mut counts = [Counts::default(); 4];
    // De-duplicate predictions on (kind, normalised name), merging their keys.
    let mut merged: Vec<(Value, String, BTreeSet<String>)> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for e in &pred.entities {
        let n = norm(&e.name);
        if n.is_empty() {
            continue;
        }
        let key = (e.kind.to_string(), n);
        let i = *at.entry(key).or_insert_with(|| {
            merged.push((e.kind.clone(), e.name.clone(), BTreeSet::new()));
            merged.len() - 1
        });
        merged[i].2.extend(pred_entity_keys(e));
    }
    let gents = &gold.entities;
    let gkeys: Vec<BTreeSet<String>> = gents
        .iter()
        .map(|g| {
            g.names()
                .map(|a| norm(a))
                .filter(|k| !k.is_empty())
                .collect()
        })
        .collect();
    let overlaps = |keys: &BTreeSet<String>, gi: usize| !keys.is_disjoint(&gkeys[gi]);
    let kind_of = |v: &Value| v.as_str().and_then(|s| KINDS.iter().position(|k| *k == s));
    let required: Vec<usize> = (0..gents.len())
        .filter(|&i| !gents[i].is_optional())
        .collect();
    let edges: Vec<Vec<usize>> = merged
        .iter()
        .map(|(kind, _, keys)| {
            (0..required.len())
                .filter(|&r| {
                    let g = &gents[required[r]];
                    kind_of(kind) == Some(g.kind.index()) && overlaps(keys, required[r])
                })
                .collect()
        })
        .collect();
    let matched = max_matching(merged.len(), required.len(), &edges);
    let mut matched_by: Vec<Option<usize>> = vec![None; gents.len()];
    for (pi, r) in matched.iter().enumerate() {
        if let Some(r) = r {
            matched_by[required[*r]] = Some(pi);
        }
    }
    for (pi, (kind, name, keys)) in merged.iter().enumerate() {
        let k = kind_of(kind);
        let bucket = &mut counts[k.unwrap_or(3)];
        if matched[pi].is_some() {
            bucket.tp += 1;
        } else if gents
            .iter()
            .enumerate()
            .any(|(i, g)| g.is_optional() && Some(g.kind.index()) == k && overlaps(keys, i))
        {
            bucket.ignored += 1;
        } else {
            bucket.fp += 1;
            let kind_name = kind
                .as_str()
                .map_or_else(|| kind.to_string(), str::to_string);
            let mut why = Vec::new();
            for (gi, g) in gents.iter().enumerate() {
                if !overlaps(keys, gi) {
                    continue;
                }
                if Some(g.kind.index()) != k {
                    why.push(format!(
                        "gold has {} as {}",
                        quoted(&g.name),
                        g.kind.as_str()
                    ));
                } else if let Some(other) = matched_by[gi] {
                    why.push(format!(
                        "{} is already matched by predicted {}",
                        quoted(&g.name),
                        quoted(&merged[other].1)
                    ));
                }
            }
            let mut detail = format!(
                "{kind_name} {} (compared as: {})",
                quoted(name),
                quoted_list(keys)
            );
            if !why.is_empty() {
                detail.push_str(&format!("; {}", why.join("; ")));
            }
            let metric = match k {
                Some(k) => format!("entities/{}", KINDS[k]),
                None => "entities/other-kind".to_string(),
            };
            out.push(finding(metric, "FP", detail));
        }
    }
    for &i in &required {
        if matched_by[i].is_some() {
            continue;
        }
        let g = &gents[i];
        counts[g.kind.index()].fn_ += 1;
        let mut detail = format!(
            "{} {} (aliases: {})",
            g.kind.as_str(),
            quoted(&g.name),
            quoted_list(g.aliases.iter().flatten())
        );
        for (kind, name, keys) in &merged {
            if kind_of(kind) != Some(g.kind.index()) && overlaps(keys, i) {
                let kind = kind.as_str().unwrap_or("another kind");
                detail.push_str(&format!("; predicted as {kind} {}", quoted(name)));
            }
        }
        out.push(finding(
            format!("entities/{}", g.kind.as_str()),
            "FN",
            detail,
        ));
    }
    counts
}

// ------------------------------------------------------------------------------ meetings

type Pair = (String, String);

/// The unordered pairs of distinct names, in first-seen order.
fn pairs_of(names: &[String]) -> Vec<Pair> {
    let mut uniq: Vec<&String> = Vec::new();
    for n in names {
        if !uniq.contains(&n) {
            uniq.push(n);
        }
    }
    let mut out = Vec::new();
    for (i, a) in uniq.iter().enumerate() {
        for b in &uniq[i + 1..] {
            let (x, y) = if a <= b { (a, b) } else { (b, a) };
            out.push(((*x).clone(), (*y).clone()));
        }
    }
    out
}

fn participants(m: &GoldMeeting) -> &[String] {
    m.participants.as_deref().unwrap_or(&[])
}

fn show_pair(p: &Pair) -> String {
    format!("{} + {}", p.0, p.1)
}

fn short(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Meeting-pair counts: the distinct unordered pairs of gold participants against the pairs
/// of predicted participants mapped to gold people; pairs only in optional meetings count
/// neither way.
pub fn score_meetings(
    gold: &GoldDoc,
    pred: &PredDoc,
    index: &DocIndex,
    out: &mut Vec<Finding>,
) -> Counts {
    let mut gpairs: Vec<Pair> = Vec::new(); // ordered set
    let mut gfrom: HashMap<Pair, usize> = HashMap::new();
    for (mi, m) in gold.meetings.iter().enumerate() {
        for p in pairs_of(participants(m)) {
            if !gfrom.contains_key(&p) {
                gfrom.insert(p.clone(), mi);
                gpairs.push(p);
            }
        }
    }
    let mut optional: HashSet<Pair> = HashSet::new();
    for m in &gold.optional_meetings {
        optional.extend(
            pairs_of(participants(m))
                .into_iter()
                .filter(|p| !gfrom.contains_key(p)),
        );
    }
    let mut ppairs: Vec<Pair> = Vec::new();
    let mut pfrom: HashMap<Pair, usize> = HashMap::new();
    for (mi, m) in pred.meetings.iter().enumerate() {
        let names: Vec<String> = m
            .participants
            .iter()
            .map(|p| index.resolve_person(p))
            .collect();
        for p in pairs_of(&names) {
            if !optional.contains(&p) && !pfrom.contains_key(&p) {
                pfrom.insert(p.clone(), mi);
                ppairs.push(p);
            }
        }
    }
    let mut c = Counts::default();
    for p in &ppairs {
        if gfrom.contains_key(p) {
            c.tp += 1;
        } else {
            c.fp += 1;
            let m = &pred.meetings[pfrom[p]];
            let mut detail = format!(
                "{} (predicted participants: {})",
                show_pair(p),
                quoted_list(&m.participants)
            );
            if let Some(ev) = &m.evidence {
                detail.push_str(&format!("; evidence: {}", quoted(&short(ev, 200))));
            }
            out.push(finding("meetings/pairs", "FP", detail));
        }
    }
    for p in &gpairs {
        if !pfrom.contains_key(p) {
            c.fn_ += 1;
            let m = &gold.meetings[gfrom[p]];
            out.push(finding(
                "meetings/pairs",
                "FN",
                format!(
                    "{} (gold meeting: {}; {}, place {}, date {})",
                    show_pair(p),
                    participants(m).join(" + "),
                    m.status.as_deref().unwrap_or("-"),
                    m.place.as_deref().unwrap_or("-"),
                    m.date.as_deref().unwrap_or("-")
                ),
            ));
        }
    }
    c
}

/// Status, place and date of matched meetings (not in the reference scorer).
///
/// Each gold meeting of `meetings` (not `optional_meetings`) is matched to at most one
/// predicted meeting and each predicted meeting to at most one gold meeting: the pairs
/// (gold, predicted) that share the most participant pairs are taken first (ties: gold order,
/// then predicted order), as long as they share at least one. On a matched meeting, `status`
/// and `date` must equal the gold's (both null counts as equal); `place` is right when both
/// are null, when the two names are equal after normalisation, or when the predicted place
/// maps to the gold place through the gold names and aliases.
pub fn score_meeting_attributes(
    gold: &GoldDoc,
    pred: &PredDoc,
    index: &DocIndex,
    out: &mut Vec<Finding>,
) -> AttrCounts {
    let gp: Vec<HashSet<Pair>> = gold
        .meetings
        .iter()
        .map(|m| pairs_of(participants(m)).into_iter().collect())
        .collect();
    let pp: Vec<HashSet<Pair>> = pred
        .meetings
        .iter()
        .map(|m| {
            let names: Vec<String> = m
                .participants
                .iter()
                .map(|p| index.resolve_person(p))
                .collect();
            pairs_of(&names).into_iter().collect()
        })
        .collect();
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gp.iter().enumerate() {
        for (pi, p) in pp.iter().enumerate() {
            let shared = g.intersection(p).count();
            if shared > 0 {
                cands.push((shared, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut c = AttrCounts {
        gold: gp.iter().filter(|p| !p.is_empty()).count(),
        ..AttrCounts::default()
    };
    let (mut used_g, mut used_p) = (HashSet::new(), HashSet::new());
    for (_, gi, pi) in cands {
        if used_g.contains(&gi) || used_p.contains(&pi) {
            continue;
        }
        used_g.insert(gi);
        used_p.insert(pi);
        let (g, p) = (&gold.meetings[gi], &pred.meetings[pi]);
        c.matched += 1;
        let who = participants(g).join(" + ");
        let show = |v: &Option<String>| v.as_deref().map_or("null".to_string(), quoted);
        if g.status == p.status {
            c.status += 1;
        } else {
            out.push(finding(
                "meetings/status",
                "wrong",
                format!(
                    "{who}: predicted {}, gold {}",
                    show(&p.status),
                    show(&g.status)
                ),
            ));
        }
        if place_ok(g.place.as_deref(), p.place.as_deref(), index) {
            c.place += 1;
        } else {
            out.push(finding(
                "meetings/place",
                "wrong",
                format!(
                    "{who}: predicted {}, gold {}",
                    show(&p.place),
                    show(&g.place)
                ),
            ));
        }
        if g.date == p.date {
            c.date += 1;
        } else {
            out.push(finding(
                "meetings/date",
                "wrong",
                format!("{who}: predicted {}, gold {}", show(&p.date), show(&g.date)),
            ));
        }
    }
    c
}

fn place_ok(gold: Option<&str>, pred: Option<&str>, index: &DocIndex) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => norm(g) == norm(p) || index.resolve(p).iter().any(|(_, c)| c == g),
        _ => false,
    }
}

// ------------------------------------------------------------------------------ quotes

/// Quote counts: a predicted quote matches a gold one when their texts share at least half
/// of the gold text's word tokens (one-to-one, best overlap first, then nearest start, then
/// gold order, then predicted order); the speaker is right when it maps to the gold speaker
/// or one of its alternatives, or when both are null.
pub fn score_quotes(
    gold: &GoldDoc,
    pred: &PredDoc,
    index: &DocIndex,
    out: &mut Vec<Finding>,
) -> QuoteCounts {
    let gq: Vec<(&GoldQuote, HashMap<String, usize>)> = gold
        .quotes
        .iter()
        .map(|q| (q, tokens(&q.text)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let pq: Vec<(&PredQuote, HashMap<String, usize>)> = pred
        .quotes
        .iter()
        .map(|q| (q, tokens(&q.text)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let mut cands: Vec<(f64, i128, usize, usize)> = Vec::new();
    for (gi, (g, gt)) in gq.iter().enumerate() {
        let glen = token_len(gt);
        for (pi, (p, pt)) in pq.iter().enumerate() {
            let common: usize = gt
                .iter()
                .map(|(w, n)| (*n).min(pt.get(w).copied().unwrap_or(0)))
                .sum();
            let ov = common as f64 / glen as f64;
            if ov >= 0.5 {
                let dist = match (g.start, p.start) {
                    (Some(a), Some(b)) => (i128::from(a) - b).abs(),
                    _ => 0,
                };
                cands.push((ov, dist, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut g_to_p: Vec<Option<usize>> = vec![None; gq.len()];
    let mut p_used = vec![false; pq.len()];
    let mut pairs = 0;
    for (_, _, gi, pi) in cands {
        if g_to_p[gi].is_none() && !p_used[pi] {
            g_to_p[gi] = Some(pi);
            p_used[pi] = true;
            pairs += 1;
        }
    }
    let show_sp = |s: Option<&str>| s.map_or("null".to_string(), quoted);
    let mut correct = 0;
    for (gi, pi) in g_to_p.iter().enumerate() {
        let (g, _) = gq[gi];
        match pi {
            Some(pi) => {
                let p = pq[*pi].0;
                if speaker_ok(g, p, index) {
                    correct += 1;
                } else {
                    let mut gold_sp = show_sp(g.speaker.as_deref());
                    if let Some(alts) = g.speaker_alternatives.as_ref().filter(|a| !a.is_empty()) {
                        gold_sp.push_str(&format!(" (or {})", quoted_list(alts)));
                    }
                    out.push(finding(
                        "quotes/speaker",
                        "wrong",
                        format!(
                            "{}: predicted {}, gold {gold_sp}",
                            quoted(&short(&g.text, 100)),
                            show_sp(p.speaker.as_deref())
                        ),
                    ));
                }
            }
            None => out.push(finding(
                "quotes/detection",
                "FN",
                format!(
                    "{} (speaker {})",
                    quoted(&short(&g.text, 200)),
                    show_sp(g.speaker.as_deref())
                ),
            )),
        }
    }
    for (pi, (p, _)) in pq.iter().enumerate() {
        if !p_used[pi] {
            out.push(finding(
                "quotes/detection",
                "FP",
                format!(
                    "{} (speaker {})",
                    quoted(&short(&p.text, 200)),
                    show_sp(p.speaker.as_deref())
                ),
            ));
        }
    }
    QuoteCounts {
        detection: Counts {
            tp: pairs,
            fp: pq.len() - pairs,
            fn_: gq.len() - pairs,
            ignored: 0,
        },
        attr_correct: correct,
    }
}

fn speaker_ok(g: &GoldQuote, p: &PredQuote, index: &DocIndex) -> bool {
    match (&g.speaker, &p.speaker) {
        (None, pred) => pred.is_none(),
        (Some(_), None) => false,
        (Some(gold_sp), Some(pred_sp)) => index.resolve(pred_sp).iter().any(|(_, canon)| {
            canon == gold_sp || g.speaker_alternatives.iter().flatten().any(|a| a == canon)
        }),
    }
}

// ------------------------------------------------------------------------------ documents

/// The scores of one document.
#[derive(Clone, Debug)]
pub struct DocScore {
    /// The gold file's stem.
    pub stem: String,
    /// Whether the predictions had a line for it.
    pub predicted: bool,
    /// Entity counts: person, place, institution, other.
    pub entities: [Counts; 4],
    /// Meeting pairs.
    pub meetings: Counts,
    /// Quotes.
    pub quotes: QuoteCounts,
    /// Status, place and date of matched meetings.
    pub attributes: AttrCounts,
    /// False positives, false negatives and wrong values.
    pub findings: Vec<Finding>,
}

impl DocScore {
    /// All entity kinds together.
    pub fn entities_all(&self) -> Counts {
        let mut c = Counts::default();
        for k in &self.entities {
            c.add(k);
        }
        c
    }
}

/// Scores one document.
pub fn score_doc(stem: &str, gold: &GoldDoc, pred: Option<&PredDoc>) -> DocScore {
    let empty = PredDoc::default();
    let p = pred.unwrap_or(&empty);
    let index = DocIndex::new(gold, p);
    let mut findings = Vec::new();
    let entities = score_entities(gold, p, &mut findings);
    let meetings = score_meetings(gold, p, &index, &mut findings);
    let attributes = score_meeting_attributes(gold, p, &index, &mut findings);
    let quotes = score_quotes(gold, p, &index, &mut findings);
    DocScore {
        stem: stem.to_string(),
        predicted: pred.is_some(),
        entities,
        meetings,
        quotes,
        attributes,
        findings,
    }
}

/// The totals over all documents.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Entities: person, place, institution, other.
    pub entities: [Counts; 4],
    /// Meeting pairs.
    pub meetings: Counts,
    /// Quotes.
    pub quotes: QuoteCounts,
    /// Meeting status, place, date.
    pub attributes: AttrCounts,
}

/// The result of scoring a prediction set against a gold set.
#[derive(Clone, Debug)]
pub struct Report {
    /// Per gold document, in gold file-name order.
    pub docs: Vec<DocScore>,
    /// Sums.
    pub totals: Totals,
    /// Predicted docs with no gold file (ignored).
    pub unknown: Vec<String>,
}

/// Scores every gold document (a missing prediction counts as an empty one).
pub fn evaluate(gold: &[(String, GoldDoc)], preds: &[(String, PredDoc)]) -> Report {
    let by_stem: HashMap<&str, &PredDoc> = preds.iter().map(|(s, p)| (s.as_str(), p)).collect();
    let gold_stems: HashSet<&str> = gold.iter().map(|(s, _)| s.as_str()).collect();
    let mut totals = Totals::default();
    let mut docs = Vec::new();
    for (stem, g) in gold {
        let d = score_doc(stem, g, by_stem.get(stem.as_str()).copied());
        for (t, c) in totals.entities.iter_mut().zip(&d.entities) {
            t.add(c);
        }
        totals.meetings.add(&d.meetings);
        totals.quotes.detection.add(&d.quotes.detection);
        totals.quotes.attr_correct += d.quotes.attr_correct;
        totals.attributes.add(&d.attributes);
        docs.push(d);
    }
    let unknown = preds
        .iter()
        .filter(|(s, _)| !gold_stems.contains(s.as_str()))
        .map(|(s, _)| s.clone())
        .collect();
    Report {
        docs,
        totals,
        unknown,
    }
}
