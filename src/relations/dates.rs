//! Date expressions in a sentence, resolved against the article's publication date.
//!
//! [`find_dates`] scans one sentence for English date expressions and, where it can, turns
//! each into an exact calendar day using the article date as the reference point. All
//! calendar arithmetic (weekdays, month lengths, adding days and months) is done with
//! [`jiff::civil::Date`]; nothing here panics, whatever the input: an impossible day
//! ("February 30") or arithmetic that leaves jiff's range simply gives `date: None`.
//!
//! # Names
//!
//! Month and weekday names are matched case-sensitively, so "march" and "may" (the verb and
//! the modal) are never months. Months may be written in full ("September") or abbreviated,
//! with or without a full stop ("Sept.", "Sep", "Jan. 5"); "May" has no abbreviation.
//! Relative words ("yesterday", "last", "next", "earlier", "early", …) may start with a
//! capital letter, as at the start of a sentence.
//!
//! # Future markers
//!
//! Some rules depend on whether the sentence talks about the future: the caller says so.
//! The extractor passes whether the sentence holds anywhere a word of the `future` class of
//! `gazetteers/function_words.tsv` ("will", "'ll", "won't", "is to", "expected to", "plans
//! to", "upcoming", "next" but not "next to", ...). The whole sentence is looked at, so a
//! sentence that mixes past and future ("met on Monday and will meet again on Friday")
//! resolves all its weekdays as future.
//!
//! # Rules
//!
//! Spans never include a leading preposition ("on March 20" → "March 20", "in late April"
//! → "late April", "in 2013" → "2013") nor the article in "the 20th of March"
//! ("20th of March"). The tense hint is `Some` only for expressions whose wording says it
//! (see each rule); absolute dates carry `None`.
//!
//! 1. **ISO dates** "2017-03-20" → that day.
//! 2. **Month–day** "March 20", "Sept. 16", "Sep 16", "March 20th", "March 20, 2017",
//!    "March 20 2017" → that day. A day range "Sept. 20-21" (hyphen or en dash) resolves to
//!    the first day and the span covers the range. A leading weekday is taken in:
//!    "Monday, March 20, 2017" is one mention, resolved from the explicit date.
//! 3. **Day–month** "20 March", "20th March", "20th of March", "20 March 2017",
//!    "20-21 March" → as rule 2.
//! 4. **Year for rules 2–3** when the text gives none: the article's year, except that a
//!    date more than six months after the article date in a sentence *without* a future
//!    marker moves to the previous year ("on December 28" in an article of 2018-01-03 →
//!    2017-12-28), and a date more than six months before the article date in a sentence
//!    *with* a future marker moves to the next year. Without an article date → `None`.
//!    Day numbers outside 1–31 are not dates at all; impossible days (February 30, or
//!    February 29 in a common year) are recognised with `date: None`.
//! 5. **Month and year** "November 2013", "late April 2017", "mid-March 2020" → `None`
//!    (not a single day), tense `None`.
//! 6. **Month alone** is only a month in date context: after "in", "by", "since", "until",
//!    "till", "before", "after", "during", "from", "through" or (not for "May") "of", or
//!    with "early"/"late"/"mid" in front: "in March", "in early May", "mid-June",
//!    "the end of March" → `None`, tense `None`. "May" gets extra care because of the
//!    surname: "May's" is never a month, and after a preposition other than "in"/"during"
//!    a bare "May" must be followed by punctuation, the end of the sentence, "and" or
//!    "or" ("since May, …" yes; "since May took office" no). Without date context month
//!    names are ignored ("Theresa May said", "the March on Washington").
//! 7. **Year alone** "in 2013", "since 1998", "by 2030", "the end of 2013",
//!    "early 2013" → `None`, tense `None`. Only years 1800–2199, and only after one of the
//!    prepositions in rule 6 (including "of") or a modifier; a year followed by another
//!    lowercase word is taken for a count and ignored ("in 2000 cases"), except before
//!    common function words ("in 2013 and 2014", "in 2013 the …").
//! 8. **Relative month** "last March", "next May", "this June" → `None`; tense `Past`
//!    for "last", `Future` for "next".
//! 9. **Relative period** "this week", "last week", "next week", "earlier this week",
//!    "later this month", "late last year", "this weekend", "next year", … → `None`;
//!    tense `Past` for "last"/"earlier", `Future` for "next"/"later", else `None`.
//! 10. **Day words** "today" → the article date; "yesterday" → the day before (`Past`);
//!     "tomorrow" → the day after (`Future`); "the day before yesterday" and "the day
//!     after tomorrow" → two days off. Without an article date → `None` (tense kept).
//! 11. **Ago** "two days ago", "3 days ago", "a day ago" → that many days before the
//!     article date (`Past`); "two weeks ago", "a month ago", "years ago" → `None`, `Past`.
//! 12. **Weekdays** "Monday", "on Tuesday", "this Wednesday": a bare weekday means the
//!     nearest such day in the week around the article date. Without a future marker it
//!     is the article date itself if that is the weekday, else the most recent earlier one
//!     ("met on Monday", article on Wednesday → two days before). With a future marker it
//!     is the article date itself or the next one after it ("will meet on Monday", article
//!     on Wednesday → five days after). Tense `None`. "last Friday" → strictly before the
//!     article date (`Past`); "next Monday" → strictly after (`Future`). Without an
//!     article date → `None`.
//!
//! # Overlaps
//!
//! The result is sorted by span start and never has two overlapping mentions: where
//! expressions overlap the longest wins ("in March 2017" → one mention "March 2017";
//! "Monday, March 20, 2017" → one mention).

use jiff::civil::{Date, Weekday};
use once_cell::sync::Lazy;
use regex::{Captures, Regex};

use crate::gazetteer::FunctionClass;
use crate::lexicon::Lexicons;
use crate::pattern::constant as re;
use crate::Span;

/// A date expression found in a sentence, and what it resolves to against the article date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The expression in the text, without a leading preposition: "on March 20" → the span
    /// of "March 20".
    pub span: Span,
    /// The exact day, when the expression names one and it can be resolved; else `None`.
    pub date: Option<Date>,
    /// Past for "last week"/"yesterday", Future for "next month"/"tomorrow", None otherwise.
    pub tense_hint: Option<TenseHint>,
}

/// Which way in time the wording of a date expression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TenseHint {
    /// Before the article date: "last week", "yesterday", "earlier this month".
    Past,
    /// After the article date: "next month", "tomorrow", "later this year".
    Future,
}

/// Finds date expressions in `text` (a sentence) and resolves them against the article date;
/// `hints` are what `text` has of what the rules need (`Hints::of(text)`, read once by the
/// caller, which skips a sentence with none).
///
/// See the [module docs](self) for the rules. The result is sorted by span start and its
/// spans do not overlap.
pub(crate) fn find_dates(
    lex: &Lexicons,
    text: &str,
    article_date: Option<Date>,
    future: bool,
    hints: &Hints,
) -> Vec<DateMention> {
    let ctx = Ctx {
        lex,
        text,
        article: article_date,
        future,
    };
    let mut cands: Vec<DateMention> = Vec::new();
    // Each rule's pattern needs a digit, the first three letters of a month's name or a
    // word of its own: a rule runs (its regex, with captures) only on a sentence that has
    // what it needs, and most sentences have none of it.
    let Hints {
        digit,
        month,
        day,
        period,
        orrow,
        ago: has_ago,
    } = *hints;
    if digit {
        iso_dates(&ctx, &mut cands);
    }
    if digit && month {
        month_day(&ctx, &mut cands);
        day_month(&ctx, &mut cands);
        month_year(&ctx, &mut cands);
    }
    if month {
        month_only(&ctx, &mut cands);
    }
    if digit {
        year_only(&ctx, &mut cands);
    }
    if month {
        relative_month(&ctx, &mut cands);
    }
    if period {
        relative_period(&ctx, &mut cands);
    }
    if day || orrow {
        day_words(&ctx, &mut cands);
    }
    if has_ago {
        ago(&ctx, &mut cands);
    }
    if day {
        weekdays(&ctx, &mut cands);
    }
    select(cands)
}

/// What the date rules' patterns need, and whether a text has it: each rule runs only on
/// a text with what its pattern needs (see [`find_dates`]).
#[derive(Clone, Copy)]
pub(crate) struct Hints {
    /// A digit (`\d`, or any other numeric character).
    digit: bool,
    /// The first three letters of a month's name ([`has_month`]).
    month: bool,
    /// "day": the weekdays, "today", "yesterday".
    day: bool,
    /// "week", "month" or "year".
    period: bool,
    /// "orrow": "tomorrow".
    orrow: bool,
    /// "ago".
    ago: bool,
}

impl Hints {
    /// What `text` has of what the rules need.
    pub(crate) fn of(text: &str) -> Hints {
        Hints {
            digit: text.chars().any(char::is_numeric),
            month: has_month(text),
            day: text.contains("day"),
            period: ["week", "month", "year"].iter().any(|w| text.contains(w)),
            orrow: text.contains("orrow"),
            ago: text.contains("ago"),
        }
    }

    /// Whether [`find_dates`] may find a date in the text: false when no rule's pattern
    /// can match, so that a caller can skip what it would compute for the rules.
    pub(crate) fn any(&self) -> bool {
        self.digit || self.month || self.day || self.period || self.orrow || self.ago
    }
}

/// Whether `text` holds the first three letters of a month's name as [`MONTH`] writes
/// them ("Jan" ... "Dec"): every month name and abbreviation starts with them.
fn has_month(text: &str) -> bool {
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    text.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_uppercase() && MONTHS.iter().any(|m| w == &m[..]))
}

/// What every rule needs to know about the sentence.
struct Ctx<'a> {
    lex: &'a Lexicons,
    text: &'a str,
    article: Option<Date>,
    future: bool,
}

const MONTH: &str = r"(?-u:\b)(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)\.?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DAY: &str = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?-u:\b)";
const RANGE: &str = r"(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?(?-u:\b))?";
const YEAR: &str = r"(?P<year>\d{4})(?-u:\b)";
const MODIFIER: &str = r"(?:(?-u:\b)(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-))";
const PREP: &str = r"(?P<prep>[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Dd]uring|[Ff]rom|[Tt]hrough|of)";

/// Compiles the date patterns now rather than on the first extraction: the extractor's
/// build does it on a spare core while it reads the gazetteer.
pub(crate) fn compile_patterns() {
    for re in [
        &ISO_RE,
        &MDY_RE,
        &DMY_RE,
        &MONTH_YEAR_RE,
        &MONTH_ONLY_RE,
        &YEAR_ONLY_RE,
        &REL_MONTH_RE,
        &REL_PERIOD_RE,
        &DAY_WORD_RE,
        &AGO_RE,
        &WEEKDAY_RE,
    ] {
        Lazy::force(re);
    }
}

static ISO_RE: Lazy<Regex> =
    Lazy::new(|| re(r"(?-u:\b)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?-u:\b)"));
static MDY_RE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?:(?-u:\b){WEEKDAY},?\s+)?{MONTH}\s+{DAY}{RANGE}(?:,?\s+{YEAR})?"
    ))
});
static DMY_RE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?:(?-u:\b){WEEKDAY},?\s+(?:the\s+)?)?(?-u:\b){DAY}{RANGE}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?"
    ))
});
static MONTH_YEAR_RE: Lazy<Regex> = Lazy::new(|| re(&format!(r"{MODIFIER}?{MONTH},?\s+{YEAR}")));
static MONTH_ONLY_RE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?:(?-u:\b){PREP}\s+)?(?P<expr>{MODIFIER}?{MONTH})(?P<poss>['’]s(?-u:\b))?"
    ))
});
static YEAR_ONLY_RE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?:(?-u:\b){PREP}\s+)?(?P<expr>{MODIFIER}?(?-u:\b)(?P<year>(?:1[89]|2[01])\d\d))(?-u:\b)(?P<after>[.,]\d|%|\s+[a-z]+)?"
    ))
});
static REL_MONTH_RE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?-u:\b)(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+{MONTH}"
    ))
});
static REL_PERIOD_RE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?-u:\b)(?:(?P<mod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?:week|weekend|month|year)(?-u:\b)",
    )
});
static DAY_WORD_RE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?-u:\b)(?:(?P<before>[Tt]he\s+day\s+before\s+yesterday)|(?P<after>[Tt]he\s+day\s+after\s+tomorrow)|(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow))(?-u:\b)",
    )
});
static AGO_RE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?-u:\b)(?P<n>\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))\s+(?P<unit>days?|weeks?|months?|years?)\s+ago(?-u:\b)",
    )
});
static WEEKDAY_RE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?-u:\b)(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{WEEKDAY})(?-u:\b)"
    ))
});

fn span_of(c: &Captures<'_>, name: &str) -> Option<Span> {
    c.name(name).map(|m| Span::new(m.start(), m.end()))
}

fn whole(c: &Captures<'_>) -> Span {
    c.get(0)
        .map_or(Span::new(0, 0), |m| Span::new(m.start(), m.end()))
}

fn push(out: &mut Vec<DateMention>, span: Span, date: Option<Date>, tense: Option<TenseHint>) {
    out.push(DateMention {
        span,
        date,
        tense_hint: tense,
    });
}

pub(crate) fn month_number(name: &str) -> Option<i8> {
    let key = name.get(..3)?;
    let n = match key {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn weekday_of(name: &str) -> Option<Weekday> {
    Some(match name {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn parse_num<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

/// Resolves a month and day, with the year from the text or else guessed (rule 4).
fn resolve_month_day(ctx: &Ctx<'_>, year: Option<i16>, month: i8, day: i8) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, month, day).ok();
    }
    let article = ctx.article?;
    let mut y = article.year();
    // A stand-in that always exists (day clamped to 28) decides the year; the real day is
    // checked afterwards, so "February 29" is `None` in a common year.
    let proxy = Date::new(y, month, day.min(28)).ok()?;
    let six = jiff::Span::new().months(6);
    if !ctx.future {
        if let Ok(limit) = article.checked_add(six) {
            if proxy > limit {
                y = y.checked_sub(1)?;
            }
        }
    } else if let Ok(limit) = article.checked_sub(six) {
        if proxy < limit {
            y = y.checked_add(1)?;
        }
    }
    Date::new(y, month, day).ok()
}

fn iso_dates(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in ISO_RE.captures_iter(ctx.text) {
        let date = match (parse_num(&c, "y"), parse_num(&c, "m"), parse_num(&c, "d")) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok(),
            _ => None,
        };
        push(out, whole(&c), date, None);
    }
}

/// Shared by rules 2 and 3 once the month, day and optional year are captured.
fn explicit_day(ctx: &Ctx<'_>, c: &Captures<'_>, out: &mut Vec<DateMention>) {
    let Some(month) = c.name("mon").and_then(|m| month_number(m.as_str())) else {
        return;
    };
    let Some(day) = parse_num::<i8>(c, "day") else {
        return;
    };
    if !(1..=31).contains(&day) {
        return;
    }
    let date = match c.name("year") {
        // Four digits always fit an i16; jiff rejects what it cannot represent.
        Some(y) => y
            .as_str()
            .parse::<i16>()
            .ok()
            .and_then(|y| resolve_month_day(ctx, Some(y), month, day)),
        None => resolve_month_day(ctx, None, month, day),
    };
    push(out, whole(c), date, None);
}

fn month_day(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in MDY_RE.captures_iter(ctx.text) {
        explicit_day(ctx, &c, out);
    }
}

fn day_month(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in DMY_RE.captures_iter(ctx.text) {
        explicit_day(ctx, &c, out);
    }
}

fn month_year(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in MONTH_YEAR_RE.captures_iter(ctx.text) {
        push(out, whole(&c), None, None);
    }
}

fn month_only(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in MONTH_ONLY_RE.captures_iter(ctx.text) {
        let prep = c.name("prep").map(|m| m.as_str());
        let has_mod = c.name("mod").is_some();
        if prep.is_none() && !has_mod {
            continue;
        }
        if c.name("poss").is_some() {
            continue;
        }
        let is_may = c.name("mon").is_some_and(|m| m.as_str() == "May");
        if is_may && !has_mod {
            match prep {
                Some("of") => continue,
                Some("in" | "In" | "during" | "During") => {}
                _ => {
                    let end = c.get(0).map_or(ctx.text.len(), |m| m.end());
                    if !may_ends_phrase(ctx.lex, &ctx.text[end..]) {
                        continue;
                    }
                }
            }
        }
        if let Some(span) = span_of(&c, "expr") {
            push(out, span, None, None);
        }
    }
}

/// After a bare "May" with a preposition other than "in": is this the end of a date phrase?
fn may_ends_phrase(lex: &Lexicons, rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.is_empty() {
        return true;
    }
    if trimmed.starts_with([',', '.', ';', ':', ')', '!', '?', '—', '–']) {
        return true;
    }
    let word: &str = trimmed
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "in May and June", "by May or later".
    word.starts_with(char::is_lowercase) && lex.is(word, FunctionClass::ListConjunction)
}

/// A bare year is a date when a function word follows it ("in 2019 and", "since 2014
/// when", "in 2019 he said"), not a noun or an adjective ("in 2000 cases").
fn allowed_after_year(lex: &Lexicons, word: &str) -> bool {
    !lex.function_classes(word).is_empty()
}

fn year_only(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in YEAR_ONLY_RE.captures_iter(ctx.text) {
        if c.name("prep").is_none() && c.name("mod").is_none() {
            continue;
        }
        if let Some(after) = c.name("after") {
            let a = after.as_str().trim_start();
            if !allowed_after_year(ctx.lex, a) {
                continue;
            }
        }
        if let Some(span) = span_of(&c, "expr") {
            push(out, span, None, None);
        }
    }
}

fn tense_of_rel(rel: &str) -> Option<TenseHint> {
    match rel {
        "last" | "Last" => Some(TenseHint::Past),
        "next" | "Next" => Some(TenseHint::Future),
        _ => None,
    }
}

fn relative_month(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in REL_MONTH_RE.captures_iter(ctx.text) {
        let tense = c.name("rel").and_then(|m| tense_of_rel(m.as_str()));
        push(out, whole(&c), None, tense);
    }
}

fn relative_period(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in REL_PERIOD_RE.captures_iter(ctx.text) {
        let rel = c.name("rel").map_or("", |m| m.as_str());
        let tense = tense_of_rel(rel).or_else(|| match c.name("mod").map(|m| m.as_str()) {
            Some("earlier" | "Earlier") => Some(TenseHint::Past),
            Some("later" | "Later") => Some(TenseHint::Future),
            _ => None,
        });
        push(out, whole(&c), None, tense);
    }
}

fn add_days(date: Option<Date>, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    date?.checked_add(span).ok()
}

fn day_words(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in DAY_WORD_RE.captures_iter(ctx.text) {
        let (offset, tense) = if c.name("before").is_some() {
            (-2, Some(TenseHint::Past))
        } else if c.name("after").is_some() {
            (2, Some(TenseHint::Future))
        } else {
            match c.name("word").map(|m| m.as_str()) {
                Some("yesterday" | "Yesterday") => (-1, Some(TenseHint::Past)),
                Some("tomorrow" | "Tomorrow") => (1, Some(TenseHint::Future)),
                _ => (0, None),
            }
        };
        push(out, whole(&c), add_days(ctx.article, offset), tense);
    }
}

fn number_word(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let n = match s.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return None,
    };
    Some(n)
}

fn ago(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in AGO_RE.captures_iter(ctx.text) {
        let unit = c.name("unit").map_or("", |m| m.as_str());
        let n = c.name("n").and_then(|m| number_word(m.as_str()));
        let date = match n {
            Some(n) if unit.starts_with("day") => add_days(ctx.article, -n),
            _ => None,
        };
        push(out, whole(&c), date, Some(TenseHint::Past));
    }
}

fn weekdays(ctx: &Ctx<'_>, out: &mut Vec<DateMention>) {
    for c in WEEKDAY_RE.captures_iter(ctx.text) {
        let Some(wd) = c.name("wd").and_then(|m| weekday_of(m.as_str())) else {
            continue;
        };
        let rel = c.name("rel").map_or("", |m| m.as_str());
        let tense = tense_of_rel(rel);
        let date = ctx.article.and_then(|a| {
            let nth = match tense {
                Some(TenseHint::Past) => -1,
                Some(TenseHint::Future) => 1,
                None if a.weekday() == wd => return Some(a),
                None if ctx.future => 1,
                None => -1,
            };
            a.nth_weekday(nth, wd).ok()
        });
        push(out, whole(&c), date, tense);
    }
}

/// Keeps the longest of overlapping candidates (earlier rule on a tie), sorted by start.
fn select(mut cands: Vec<DateMention>) -> Vec<DateMention> {
    // Stable sort: among equal lengths and starts, the earlier rule stays first.
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<DateMention> = Vec::with_capacity(cands.len());
    for c in cands {
        if c.span.is_empty() {
            continue;
        }
        if kept.iter().all(|k| !k.span.overlaps(c.span)) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|m| m.span.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::find_dates`] with the hints of the sentence read here.
    fn find_dates(
        lex: &Lexicons,
        text: &str,
        article_date: Option<Date>,
        future: bool,
    ) -> Vec<DateMention> {
        super::find_dates(lex, text, article_date, future, &Hints::of(text))
    }

    /// Whether the sentence holds a future marker of the default lexicon.
    fn future(s: &str) -> bool {
        crate::lexicon::Lexicons::default_for_tests().has_future(s, Span::new(0, s.len()))
    }

    fn d(s: &str) -> Date {
        s.parse().expect("test date parses")
    }

    type Row = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
    );

    /// (sentence, article date, text of the one expected span, expected date)
    const ROWS: &[Row] = &[
        // Full dates.
        (
            "They met on March 20, 2017 in Paris.",
            None,
            "March 20, 2017",
            Some("2017-03-20"),
        ),
        (
            "They met on 20 March 2017.",
            None,
            "20 March 2017",
            Some("2017-03-20"),
        ),
        (
            "The summit opened 2017-03-20 in Oslo.",
            None,
            "2017-03-20",
            Some("2017-03-20"),
        ),
        (
            "Talks were held on March 20.",
            Some("2017-04-02"),
            "March 20",
            Some("2017-03-20"),
        ),
        (
            "Talks were held on 20 March.",
            Some("2017-04-02"),
            "20 March",
            Some("2017-03-20"),
        ),
        ("Talks were held on March 20.", None, "March 20", None),
        (
            "He arrived on Sept. 16.",
            Some("2022-10-01"),
            "Sept. 16",
            Some("2022-09-16"),
        ),
        (
            "He arrived on Sep 16.",
            Some("2022-10-01"),
            "Sep 16",
            Some("2022-09-16"),
        ),
        (
            "He arrived on Jan. 5.",
            Some("2022-01-10"),
            "Jan. 5",
            Some("2022-01-05"),
        ),
        (
            "Leaders met in New York on Sept. 20-21.",
            Some("2022-09-25"),
            "Sept. 20-21",
            Some("2022-09-20"),
        ),
        (
            "Leaders met on 20–21 September.",
            Some("2022-09-25"),
            "20–21 September",
            Some("2022-09-20"),
        ),
        (
            "She met him on March 20th.",
            Some("2017-03-25"),
            "March 20th",
            Some("2017-03-20"),
        ),
        (
            "She met him on the 20th of March.",
            Some("2017-03-25"),
            "20th of March",
            Some("2017-03-20"),
        ),
        (
            "They met on Monday, March 20, 2017.",
            Some("2017-03-29"),
            "Monday, March 20, 2017",
            Some("2017-03-20"),
        ),
        (
            "The accord was signed on December 28.",
            Some("2018-01-03"),
            "December 28",
            Some("2017-12-28"),
        ),
        (
            "They will meet again on January 10.",
            Some("2017-12-20"),
            "January 10",
            Some("2018-01-10"),
        ),
        (
            "They will meet on March 3.",
            Some("2018-01-03"),
            "March 3",
            Some("2018-03-03"),
        ),
        (
            "Nothing happened on February 30.",
            Some("2017-03-01"),
            "February 30",
            None,
        ),
        (
            "She was born on February 29.",
            Some("2017-03-01"),
            "February 29",
            None,
        ),
        (
            "She was born on February 29.",
            Some("2016-03-01"),
            "February 29",
            Some("2016-02-29"),
        ),
        (
            "The vote is on May 14.",
            Some("2019-05-01"),
            "May 14",
            Some("2019-05-14"),
        ),
        (
            "The vote was held on 14 May.",
            Some("2019-05-20"),
            "14 May",
            Some("2019-05-14"),
        ),
        // Weekdays.
        (
            "Putin met Xi on Monday.",
            Some("2017-03-22"),
            "Monday",
            Some("2017-03-20"),
        ),
        (
            "Putin will meet Xi on Monday.",
            Some("2017-03-22"),
            "Monday",
            Some("2017-03-27"),
        ),
        (
            "Putin met Xi on Monday.",
            Some("2017-03-20"),
            "Monday",
            Some("2017-03-20"),
        ),
        (
            "Putin will meet Xi on Monday.",
            Some("2017-03-20"),
            "Monday",
            Some("2017-03-20"),
        ),
        (
            "Putin is to meet Xi on Friday.",
            Some("2017-03-22"),
            "Friday",
            Some("2017-03-24"),
        ),
        (
            "The pair met last Friday.",
            Some("2017-03-22"),
            "last Friday",
            Some("2017-03-17"),
        ),
        (
            "The pair met last Wednesday.",
            Some("2017-03-22"),
            "last Wednesday",
            Some("2017-03-15"),
        ),
        (
            "They meet next Monday.",
            Some("2017-03-22"),
            "next Monday",
            Some("2017-03-27"),
        ),
        (
            "They meet next Monday.",
            Some("2017-03-20"),
            "next Monday",
            Some("2017-03-27"),
        ),
        (
            "Merkel spoke this Wednesday.",
            Some("2017-03-24"),
            "this Wednesday",
            Some("2017-03-22"),
        ),
        ("Macron met Trudeau on Tuesday.", None, "Tuesday", None),
        // Relative.
        (
            "The ministers met today.",
            Some("2017-03-22"),
            "today",
            Some("2017-03-22"),
        ),
        (
            "Yesterday the ministers met.",
            Some("2017-03-01"),
            "Yesterday",
            Some("2017-02-28"),
        ),
        (
            "The ministers meet tomorrow.",
            Some("2017-02-28"),
            "tomorrow",
            Some("2017-03-01"),
        ),
        ("The ministers met yesterday.", None, "yesterday", None),
        (
            "They met the day before yesterday.",
            Some("2017-03-22"),
            "the day before yesterday",
            Some("2017-03-20"),
        ),
        (
            "They met two days ago.",
            Some("2017-03-22"),
            "two days ago",
            Some("2017-03-20"),
        ),
        (
            "They met three weeks ago.",
            Some("2017-03-22"),
            "three weeks ago",
            None,
        ),
        (
            "They met earlier this week.",
            Some("2017-03-22"),
            "earlier this week",
            None,
        ),
        ("They met last week.", Some("2017-03-22"), "last week", None),
        (
            "They meet next month.",
            Some("2017-03-22"),
            "next month",
            None,
        ),
        (
            "They meet later this month.",
            Some("2017-03-22"),
            "later this month",
            None,
        ),
        (
            "The talks began in late April.",
            Some("2017-05-22"),
            "late April",
            None,
        ),
        (
            "The talks began in early March.",
            Some("2017-05-22"),
            "early March",
            None,
        ),
        (
            "The talks began in March.",
            Some("2017-05-22"),
            "March",
            None,
        ),
        (
            "The talks began in November 2013.",
            Some("2017-05-22"),
            "November 2013",
            None,
        ),
        ("The talks began in mid-June.", None, "mid-June", None),
        ("Fighting resumed at the end of March.", None, "March", None),
        ("The talks began in 2013.", None, "2013", None),
        ("Polls close in May.", None, "May", None),
        ("Polls close in early May.", None, "early May", None),
        ("Polls closed in May 2019.", None, "May 2019", None),
        (
            "He has led the party since May, aides said.",
            None,
            "May",
            None,
        ),
        ("They met last May.", None, "last May", None),
        (
            "Sanctions have been in place since 2014 and remain.",
            None,
            "2014",
            None,
        ),
    ];

    /// Sentences with no date expression at all.
    const NOTHING: &[&str] = &[
        "Mrs May said the deal was done.",
        "Theresa May said she would stay.",
        "May said she would stay.",
        "It may rain, and protesters march anyway.",
        "The March on Washington drew thousands.",
        "A speech by May drew criticism.",
        "Since May took office, talks have stalled.",
        "Critics of May gathered outside.",
        "In May's view, the talks failed.",
        "He said March 45 was not a date.",
        "The lab reported problems in 2000 cases.",
        "He sat next to Macron.",
    ];

    fn check_row(row: &Row) {
        let (sentence, article, span_text, expected) = *row;
        let article = article.map(d);
        let found = find_dates(
            Lexicons::default_for_tests(),
            sentence,
            article,
            future(sentence),
        );
        assert_eq!(found.len(), 1, "one mention in {sentence:?}: {found:?}");
        let first = found[0];
        assert_eq!(&sentence[first.span], span_text, "span in {sentence:?}");
        assert_eq!(first.date, expected.map(d), "date in {sentence:?}");
    }

    #[test]
    fn table() {
        assert!(ROWS.len() >= 40);
        for row in ROWS {
            check_row(row);
        }
    }

    #[test]
    fn nothing_found() {
        for s in NOTHING {
            assert_eq!(
                find_dates(
                    Lexicons::default_for_tests(),
                    s,
                    Some(d("2019-05-20")),
                    future(s)
                ),
                vec![],
                "in {s:?}"
            );
        }
    }

    /// A bare year after a preposition is a date when a function word follows it, of
    /// whatever class, and a count when a noun does.
    #[test]
    fn a_year_before_a_function_word_is_a_date() {
        let lex = Lexicons::default_for_tests();
        for s in [
            "In 2019 his party won.",
            "Since 2014 they have met twice.",
            "By 2030 it will be done.",
        ] {
            let found = find_dates(lex, s, None, false);
            assert_eq!(found.len(), 1, "in {s:?}");
        }
        assert_eq!(
            find_dates(lex, "The lab saw problems in 2000 cases.", None, false),
            vec![]
        );
    }

    #[test]
    fn tense_hints() {
        let a = Some(d("2017-03-22"));
        let hint =
            |s: &str| find_dates(Lexicons::default_for_tests(), s, a, future(s))[0].tense_hint;
        assert_eq!(hint("They met last week."), Some(TenseHint::Past));
        assert_eq!(hint("They met yesterday."), Some(TenseHint::Past));
        assert_eq!(hint("They met earlier this week."), Some(TenseHint::Past));
        assert_eq!(hint("They met late last year."), Some(TenseHint::Past));
        assert_eq!(hint("They met two days ago."), Some(TenseHint::Past));
        assert_eq!(hint("They met last Friday."), Some(TenseHint::Past));
        assert_eq!(hint("They meet next month."), Some(TenseHint::Future));
        assert_eq!(hint("They meet tomorrow."), Some(TenseHint::Future));
        assert_eq!(hint("They meet later this month."), Some(TenseHint::Future));
        assert_eq!(hint("They meet next Monday."), Some(TenseHint::Future));
        assert_eq!(hint("They met this week."), None);
        assert_eq!(hint("They met in late April."), None);
        assert_eq!(hint("They met on Monday."), None);
        assert_eq!(hint("They met on March 20."), None);
        assert_eq!(hint("They met today."), None);
        // Tense hints survive a missing article date.
        let none = find_dates(
            Lexicons::default_for_tests(),
            "They met yesterday.",
            None,
            future("They met yesterday."),
        );
        assert_eq!(none[0].tense_hint, Some(TenseHint::Past));
        assert_eq!(none[0].date, None);
    }

    #[test]
    fn several_sorted_and_non_overlapping() {
        let s = "Lavrov met Blinken on Monday, March 20, 2017 and again last Friday, \
                 before talks in November 2013 were recalled.";
        let found = find_dates(
            Lexicons::default_for_tests(),
            s,
            Some(d("2017-03-29")),
            future(s),
        );
        let texts: Vec<&str> = found.iter().map(|m| &s[m.span]).collect();
        assert_eq!(
            texts,
            ["Monday, March 20, 2017", "last Friday", "November 2013"]
        );
        assert_eq!(found[1].date, Some(d("2017-03-24")));
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn longest_wins() {
        let s = "They met in March 2017.";
        let found = find_dates(Lexicons::default_for_tests(), s, None, future(s));
        assert_eq!(found.len(), 1);
        assert_eq!(&s[found[0].span], "March 2017");
        let s = "They met on 2017-03-20.";
        assert_eq!(
            find_dates(Lexicons::default_for_tests(), s, None, future(s)).len(),
            1
        );
    }

    #[test]
    fn no_panic_at_calendar_edges() {
        let max = Date::MAX;
        let min = Date::MIN;
        for s in [
            "They meet tomorrow.",
            "They met yesterday.",
            "They meet next Saturday.",
            "They met last Sunday.",
            "They will meet on January 3.",
            "They met on December 30.",
            "They met 999 days ago.",
            "They met on 9999-12-31 and 0000-00-00.",
        ] {
            let _ = find_dates(Lexicons::default_for_tests(), s, Some(max), future(s));
            let _ = find_dates(Lexicons::default_for_tests(), s, Some(min), future(s));
            let _ = find_dates(Lexicons::default_for_tests(), s, None, future(s));
        }
        let found = find_dates(
            Lexicons::default_for_tests(),
            "They meet tomorrow.",
            Some(max),
            future("They meet tomorrow."),
        );
        assert_eq!(found[0].date, None);
        let found = find_dates(
            Lexicons::default_for_tests(),
            "Held on 2017-02-30.",
            None,
            future("Held on 2017-02-30."),
        );
        assert_eq!(found[0].date, None);
    }

    #[test]
    fn multibyte_text_is_safe() {
        let s = "Путин — met “on Monday” in São Paulo… on 5 May.";
        let found = find_dates(
            Lexicons::default_for_tests(),
            s,
            Some(d("2017-05-10")),
            future(s),
        );
        let texts: Vec<&str> = found.iter().map(|m| &s[m.span]).collect();
        assert_eq!(texts, ["Monday", "5 May"]);
    }
}
