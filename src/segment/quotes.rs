//! Finding quoted spans in an article.
//!
//! [`find_quotes`] scans each paragraph on its own (quotations never cross a paragraph
//! boundary) and reports the outermost quotations it finds, as byte spans into the original
//! text. It never panics and runs in time linear in the length of the text.
//!
//! # Quote marks
//!
//! | style                    | opening            | closing            |
//! |--------------------------|--------------------|--------------------|
//! | [`QuoteStyle::Double`]   | `“`, `„`, `"`      | `”`, `"` (and `“` after `„`) |
//! | [`QuoteStyle::Guillemet`]| `«`, `‹`           | `»`, `›`           |
//! | [`QuoteStyle::Single`]   | `‘`, `‚`, `'`      | `’`, `'` (and `‘` after `‚`) |
//!
//! Marks of the same *family* pair with each other, so a straight `"` can close a curly `“`
//! and a curly `”` can close a straight `"` (mixed marks in one paragraph are common in copy
//! that went through several editors). `«»` and `‹›` are separate families that both report
//! [`QuoteStyle::Guillemet`].
//!
//! # Direction rules
//!
//! * **Word start.** A mark is *at a word start* when the character before it is the start of
//!   the paragraph, whitespace, or opening punctuation: `( [ { — – - :` or another opening
//!   quote mark (`“ „ « ‹ ‘ ‚`; for single marks a straight `"` also counts).
//! * **Straight `"`** has no direction. At a word start it opens; otherwise it closes. A `"`
//!   with whitespace (or an edge) on *both* sides closes if a double quotation is open and
//!   opens otherwise.
//! * **Curly `“`** opens. It closes instead when the innermost open double quotation was
//!   opened by `„` (German `„…“`), or when it is not at a word start, is not followed by a
//!   letter or digit, and a double quotation is open (a wrong-way curly mark from
//!   autocorrection). **`”`** closes; with nothing open it opens only when at a word start
//!   and followed by a non-space (Scandinavian `”…”`). **`„`** always opens.
//! * **Guillemets** `«`/`‹` open and `»`/`›` close. A `»`/`›` with no `«`/`‹` open, at a word
//!   start and followed by a non-space, opens a reversed pair (`»…«`, German/Danish), which
//!   the matching `«`/`‹` then closes.
//! * **Single marks.** First, a `'`, `‘` or `’` that is an apostrophe (see below) is never a
//!   quote mark. A single *closing* mark is `’`/`'` after a non-space and followed by
//!   whitespace, punctuation or the paragraph end (or one standing alone between spaces),
//!   while a single quotation is open. A single *opening* mark is `‘` (or `‚`) at a word start
//!   followed by a non-space. A straight `'` opens under the same condition but only if a
//!   possible closing `'`/`’` occurs later in the same paragraph (so elisions such as
//!   `'em` or `'til` do not open a quotation that swallows the paragraph). A `’` never opens.
//!   A `‘` not at a word start closes an open single quotation opened by `‚`, or (wrong-way
//!   mark) any open single quotation when it follows a non-space and is not followed by a
//!   letter or digit.
//!
//! # Doubled marks
//!
//! Two straight apostrophes in a row (`''`) are one double quotation mark, as some newspaper
//! archives write them (`''We will win,'' he said.`), and two backticks (` `` `) an opening
//! one.
//!
//! # Apostrophes
//!
//! See `is_apostrophe` (used by the tests). A `'`, `’` (or mistyped `‘`) is an apostrophe when it is
//! 1. between two letters or digits: `Japan’s`, `don't`, `1990’s`;
//! 2. at a word start before a two-digit year: `’90s`, `'68`, `’05` (a longer digit run, as
//!    in `'2019 was hard'`, is not treated as an elision);
//! 3. part of `’n’` standing alone as a word: `rock ’n’ roll`, `rock 'n' roll`;
//! 4. after a final `s` of a word and followed by whitespace, punctuation or the end:
//!    `the ministers’ talks`. Inside [`find_quotes`] rule 4 gives way when a single quotation
//!    is open: the mark then closes that quotation (`‘We met the ministers’ he said` — the
//!    plural possessive inside a single-quoted passage cannot be told apart and is read as a
//!    closing mark).
//!
//! # Nesting, unbalanced marks, paragraphs
//!
//! * Openers are kept on a stack. A closing mark closes the innermost open quotation of its
//!   family, discarding any unclosed quotations nested inside it. Only the **outermost**
//!   quotation is reported; nested quotations are part of its text.
//! * A closing mark with no open quotation of its family is ignored (stray closer).
//! * A quotation still open at the end of its paragraph extends to the paragraph end and is
//!   reported with `closed = false`. It never reaches into the next paragraph.
//! * **Multi-paragraph quotations**: when the last quotation reported for paragraph *i* is
//!   unclosed and paragraph *i + 1* begins with an opening mark (its first quotation starts at
//!   the paragraph start), that quotation has `continues = true`. Any opening mark counts; the
//!   style is not required to match.
//! * `inner` is the text between the marks (or between the opening mark and the paragraph
//!   end), trimmed of whitespace; inner punctuation is kept (`“…ceremony,”` keeps the comma).
//!   A quotation whose `inner` is empty is dropped.
//! * `words` counts whitespace-separated tokens of `inner` that contain a letter or digit, so
//!   `"follow-up"` has one word and `"?!"` none.
//! * The result is sorted by `inner.start` and the `outer` spans never overlap. Paragraph
//!   spans that are out of range or not on character boundaries are skipped; if the given
//!   paragraphs overlap each other, a quotation overlapping an earlier reported one is dropped.
//!
//! # Limitations
//!
//! Plural possessives inside single-quoted passages close the quotation early (see rule 4);
//! a `"` used for inches (`a 5" screen`) inside an open quotation closes it; nested quotation
//! marks of the same family (`"He called it "nonsense", then left."`) are read as nesting,
//! which is right for well-formed text but means a forgotten closing `"` makes the quotation
//! run to the paragraph end.

use crate::Span;

/// The style of the outer quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// Double marks: straight `"`, curly `“ ”`, low `„`.
    Double,
    /// Guillemets: `« »` or `‹ ›`.
    Guillemet,
    /// Single marks used as quotation marks: `‘ ’`, `‚`, or straight `'`.
    Single,
}

/// One quotation found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted words without their marks (trimmed of surrounding whitespace).
    pub inner: Span,
    /// From the opening mark to the closing mark inclusive (or to the paragraph end if unclosed).
    pub outer: Span,
    /// Index into the `paragraphs` slice given.
    pub paragraph: usize,
    /// Whether a closing mark was found in the same paragraph.
    pub closed: bool,
    /// The quotation continues one opened in an earlier paragraph with no closing mark there
    /// (the multi-paragraph convention: an opening mark at each paragraph, a closing mark only at the last).
    pub continues: bool,
    /// Number of words inside.
    pub words: usize,
    /// Quote style: Double (" or “”), Guillemet («»), Single (‘’ or ' used as quote marks).
    pub style: QuoteStyle,
}

/// Families of marks that pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double = 0,
    Angle = 1,
    SingleAngle = 2,
    Single = 3,
}

const FAMILIES: usize = 4;

impl Family {
    fn style(self) -> QuoteStyle {
        match self {
            Family::Double => QuoteStyle::Double,
            Family::Angle | Family::SingleAngle => QuoteStyle::Guillemet,
            Family::Single => QuoteStyle::Single,
        }
    }
}

/// What a mark does at its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Open(Family),
    Close(Family),
    Ignore,
}

/// An opening mark waiting for its closer.
#[derive(Clone, Copy, Debug)]
struct Opener {
    family: Family,
    mark: char,
    /// Absolute byte offset of the mark.
    pos: usize,
    /// Its length in bytes (2 for a doubled apostrophe read as `"`).
    width: usize,
}

/// The characters around a mark: `before[0]` is the one just before it, `after[0]` the one
/// just after it. `None` means the edge of the paragraph (or text).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Around {
    before: [Option<char>; 3],
    after: [Option<char>; 4],
}

impl Around {
    fn in_chars(chars: &[(usize, char)], i: usize) -> Around {
        let mut before = [None; 3];
        for (k, slot) in before.iter_mut().enumerate() {
            if let Some(j) = i.checked_sub(k + 1) {
                *slot = chars.get(j).map(|&(_, c)| c);
            }
        }
        let mut after = [None; 4];
        for (k, slot) in after.iter_mut().enumerate() {
            *slot = chars.get(i + 1 + k).map(|&(_, c)| c);
        }
        Around { before, after }
    }

    /// `offset` must be a char boundary of `text` with `c` starting there.
    fn in_text(text: &str, offset: usize, c: char) -> Around {
        let mut before = [None; 3];
        if let Some(head) = text.get(..offset) {
            for (slot, ch) in before.iter_mut().zip(head.chars().rev()) {
                *slot = Some(ch);
            }
        }
        let mut after = [None; 4];
        if let Some(tail) = text.get(offset + c.len_utf8()..) {
            for (slot, ch) in after.iter_mut().zip(tail.chars()) {
                *slot = Some(ch);
            }
        }
        Around { before, after }
    }

    fn prev(&self) -> Option<char> {
        self.before[0]
    }

    fn next(&self) -> Option<char> {
        self.after[0]
    }
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

/// Whitespace or the edge of the paragraph.
fn space_or_edge(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_single_mark(c: Option<char>) -> bool {
    matches!(c, Some('\'' | '‘' | '’'))
}

/// Whether a mark preceded by `prev` stands at a word start (for double marks and guillemets).
fn word_start(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-:“„«‹‘‚".contains(c),
    }
}

/// Word start for single marks: an opening straight `"` also counts.
fn word_start_single(prev: Option<char>) -> bool {
    word_start(prev) || prev == Some('"')
}

/// Apostrophe rules 1–3 (see the module docs): never a quote mark.
fn strict_apostrophe(a: &Around) -> bool {
    // 1. Between two letters or digits.
    if alnum(a.before[0]) && alnum(a.after[0]) {
        return true;
    }
    // 2. Before a two-digit year at a word start: ’90s, '68.
    if !alnum(a.before[0]) && digit(a.after[0]) && digit(a.after[1]) {
        let ends = match a.after[2] {
            None => true,
            Some('s') => !alnum(a.after[3]),
            Some(c) => !c.is_alphanumeric(),
        };
        if ends {
            return true;
        }
    }
    // 3. ’n’ as a word of its own.
    let first_of_n = !alnum(a.before[0])
        && matches!(a.after[0], Some('n' | 'N'))
        && is_single_mark(a.after[1])
        && !alnum(a.after[2]);
    let second_of_n = matches!(a.before[0], Some('n' | 'N'))
        && is_single_mark(a.before[1])
        && !alnum(a.before[2])
        && !alnum(a.after[0]);
    first_of_n || second_of_n
}

#[cfg(test)] // the scanner classifies marks in place; tests call this directly
/// Apostrophe rule 4: after the final `s` of a word (`the ministers’ talks`).
fn plural_possessive(a: &Around) -> bool {
    matches!(a.before[0], Some('s' | 'S'))
        && a.before[1].is_some_and(char::is_alphabetic)
        && !alnum(a.after[0])
}

#[cfg(test)] // the scanner classifies marks in place; tests call this directly
/// Whether the `'`, `’` (or mistyped `‘`) starting at byte `offset` of `text` is an
/// apostrophe rather than a quotation mark.
///
/// It is an apostrophe when it is
/// 1. between two letters or digits (`Japan’s`, `don't`, `1990’s`);
/// 2. at a word start before a two-digit year (`’90s`, `'68`);
/// 3. part of a stand-alone `’n’` (`rock ’n’ roll`);
/// 4. after the final `s` of a word and followed by whitespace, punctuation or the end of the
///    text (`the ministers’ talks`).
///
/// The decision uses only the characters around the mark, so for rule 4 it cannot know that
/// a single quotation is open; [`find_quotes`] lets such a mark close an open single
/// quotation. Returns `false` when `offset` is out of range, not a char boundary, or not at
/// one of the three marks. Never panics.
pub fn is_apostrophe(text: &str, offset: usize) -> bool {
    let Some(c) = text.get(offset..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    if !matches!(c, '\'' | '’' | '‘') {
        return false;
    }
    let a = Around::in_text(text, offset, c);
    strict_apostrophe(&a) || plural_possessive(&a)
}

/// Whether the `'`/`’` at this place could close a single quotation.
fn single_closer_shape(a: &Around) -> bool {
    if strict_apostrophe(a) {
        return false;
    }
    (!space_or_edge(a.prev()) && !alnum(a.next()))
        || (space_or_edge(a.prev()) && space_or_edge(a.next()))
}

/// The open quotations of one paragraph.
struct Stack {
    openers: Vec<Opener>,
    /// For each family, the indices into `openers` of its open marks, innermost last.
    by_family: [Vec<usize>; FAMILIES],
}

impl Stack {
    fn new() -> Stack {
        Stack {
            openers: Vec::new(),
            by_family: std::array::from_fn(|_| Vec::new()),
        }
    }

    fn is_open(&self, f: Family) -> bool {
        !self.by_family[f as usize].is_empty()
    }

    /// The mark that opened the innermost open quotation of family `f`.
    fn innermost_mark(&self, f: Family) -> Option<char> {
        let &j = self.by_family[f as usize].last()?;
        self.openers.get(j).map(|o| o.mark)
    }

    fn push(&mut self, o: Opener) {
        self.by_family[o.family as usize].push(self.openers.len());
        self.openers.push(o);
    }

    /// Closes the innermost open quotation of family `f`, discarding unclosed ones inside it.
    /// Returns the opener if it was the outermost one (the stack is now empty).
    fn close(&mut self, f: Family) -> Option<Opener> {
        let &target = self.by_family[f as usize].last()?;
        let mut closed = None;
        while self.openers.len() > target {
            let o = self.openers.pop()?;
            self.by_family[o.family as usize].pop();
            closed = Some(o);
        }
        if self.openers.is_empty() {
            closed
        } else {
            None
        }
    }
}

/// Decides what the mark `c` with surroundings `a` does, by its family: double marks,
/// guillemets, single marks (see the direction rules of the module docs).
fn decide(c: char, a: &Around, stack: &Stack, later_single_closer: bool) -> Action {
    match c {
        '"' | '“' | '”' | '„' => decide_double(c, a, stack),
        '«' | '‹' | '»' | '›' => decide_guillemet(c, a, stack),
        '‚' | '‘' | '\'' | '’' => decide_single(c, a, stack, later_single_closer),
        _ => Action::Ignore,
    }
}

/// A double mark: a straight `"` opens at a word start and closes elsewhere (or between
/// spaces when a double quotation is open); `“` opens, or closes after `„` and as a
/// wrong-way mark; `”` closes, or opens a Scandinavian `”…”` at a word start; `„` opens.
fn decide_double(c: char, a: &Around, stack: &Stack) -> Action {
    let prev = a.prev();
    let next = a.next();
    match c {
        '"' => {
            let closes = !word_start(prev) || space_or_edge(next) && stack.is_open(Family::Double);
            if closes {
                Action::Close(Family::Double)
            } else {
                Action::Open(Family::Double)
            }
        }
        '“' => {
            let after_low = stack.innermost_mark(Family::Double) == Some('„');
            let wrong_way = !word_start(prev) && !alnum(next) && stack.is_open(Family::Double);
            if after_low || wrong_way {
                Action::Close(Family::Double)
            } else {
                Action::Open(Family::Double)
            }
        }
        '”' => {
            if stack.is_open(Family::Double) {
                Action::Close(Family::Double)
            } else if word_start(prev) && !space_or_edge(next) {
                Action::Open(Family::Double)
            } else {
                Action::Ignore
            }
        }
        _ => Action::Open(Family::Double),
    }
}

/// A guillemet: `«`/`‹` open, or close a reversed `»…«` pair; `»`/`›` close, or open a
/// reversed pair at a word start before a non-space.
fn decide_guillemet(c: char, a: &Around, stack: &Stack) -> Action {
    let (f, partner) = match c {
        '«' => (Family::Angle, '»'),
        '‹' => (Family::SingleAngle, '›'),
        '»' => (Family::Angle, '«'),
        _ => (Family::SingleAngle, '‹'),
    };
    let opening = matches!(c, '«' | '‹');
    if stack.innermost_mark(f) == Some(partner) {
        Action::Close(f)
    } else if opening || word_start(a.prev()) && !space_or_edge(a.next()) {
        Action::Open(f)
    } else {
        Action::Ignore
    }
}

/// A single mark: `‚` opens at a word start; `‘` is an apostrophe, closes a `‚…‘` pair,
/// opens at a word start, or closes as a wrong-way mark; `'`/`’` close an open single
/// quotation when shaped as a closer, and a straight `'` opens at a word start when a
/// closer comes later in the paragraph (`later_single_closer`).
fn decide_single(c: char, a: &Around, stack: &Stack, later_single_closer: bool) -> Action {
    let prev = a.prev();
    let next = a.next();
    let opens_word = !space_or_edge(next);
    match c {
        '‚' => {
            if word_start_single(prev) && opens_word {
                Action::Open(Family::Single)
            } else {
                Action::Ignore
            }
        }
        '‘' => {
            if strict_apostrophe(a) {
                Action::Ignore
            } else if stack.innermost_mark(Family::Single) == Some('‚') && !word_start(prev) {
                Action::Close(Family::Single)
            } else if word_start_single(prev) && opens_word {
                Action::Open(Family::Single)
            } else if stack.is_open(Family::Single) && !space_or_edge(prev) && !alnum(next) {
                Action::Close(Family::Single)
            } else {
                Action::Ignore
            }
        }
        _ => {
            if stack.is_open(Family::Single) && single_closer_shape(a) {
                Action::Close(Family::Single)
            } else if c == '\''
                && word_start_single(prev)
                && opens_word
                && later_single_closer
                && !strict_apostrophe(a)
            {
                Action::Open(Family::Single)
            } else {
                Action::Ignore
            }
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‘' | '’' | '\'' | '‚'
    )
}

/// Builds the reported quotation, or `None` if its inner text is empty.
fn make_quote(
    text: &str,
    paragraph: usize,
    opener: Opener,
    inner_end: usize,
    outer_end: usize,
    closed: bool,
) -> Option<QuoteSpan> {
    let inner_start = opener.pos + opener.width;
    let raw = text.get(inner_start..inner_end)?;
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = inner_start + lead;
    let words = trimmed
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    Some(QuoteSpan {
        inner: Span::new(start, start + trimmed.len()),
        outer: Span::new(opener.pos, outer_end),
        paragraph,
        closed,
        continues: false,
        words,
        style: opener.family.style(),
    })
}

/// A quotation mark of a paragraph (a doubled `''` or ` `` ` counted as one), with the
/// characters around it.
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// Absolute byte offset.
    pos: usize,
    /// The mark (`"` or `“` for a doubled one).
    c: char,
    /// Its length in bytes.
    width: usize,
    around: Around,
}

/// Room reused from paragraph to paragraph: the marks of one, and its characters with their
/// offsets and widths when it holds doubled marks.
#[derive(Default)]
struct Scratch {
    marks: Vec<Mark>,
    chars: Vec<(usize, char)>,
    widths: Vec<usize>,
}

/// Pushes the marks of a paragraph (`para` at byte `base`) without doubled marks onto
/// `marks`: each is read in place, with the characters around it taken from the paragraph.
///
/// A mark's character starts with `"`, `'`, the byte `0xE2` (the marks from U+2018 to
/// U+203A) or `0xC2` (`«`, `»`). UTF-8 never repeats these bytes inside a character, so
/// each one found starts one.
fn plain_marks(base: usize, para: &str, marks: &mut Vec<Mark>) {
    let bytes = para.as_bytes();
    let push = |marks: &mut Vec<Mark>, i: usize| {
        let Some(c) = para.get(i..).and_then(|rest| rest.chars().next()) else {
            return;
        };
        if is_mark(c) {
            marks.push(Mark {
                pos: base + i,
                c,
                width: c.len_utf8(),
                around: Around::in_text(para, i, c),
            });
        }
    };
    let first = marks.len();
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        push(marks, i);
    }
    let guillemets = marks.len();
    for i in memchr::memchr_iter(0xC2, bytes) {
        push(marks, i);
    }
    if marks.len() > guillemets && guillemets > first {
        marks[first..].sort_unstable_by_key(|m| m.pos);
    }
}

/// Pushes the marks of a paragraph (`para` at byte `base`) that holds doubled apostrophes or
/// backticks onto `marks`. Each pair, read from the left, is one mark, so the characters
/// around a mark are taken from a table of the paragraph's characters with pairs joined.
fn doubled_marks(base: usize, para: &str, scratch: &mut Scratch) {
    let Scratch {
        marks,
        chars,
        widths,
    } = scratch;
    chars.clear();
    widths.clear();
    let mut it = para.char_indices().peekable();
    while let Some((o, c)) = it.next() {
        let doubled = matches!(c, '\'' | '`') && it.peek().is_some_and(|&(_, n)| n == c);
        if doubled {
            it.next();
            chars.push((base + o, if c == '`' { '“' } else { '"' }));
            widths.push(2);
        } else {
            chars.push((base + o, c));
            widths.push(c.len_utf8());
        }
    }
    for (i, &(pos, c)) in chars.iter().enumerate() {
        if is_mark(c) {
            marks.push(Mark {
                pos,
                c,
                width: widths[i],
                around: Around::in_chars(chars, i),
            });
        }
    }
}

/// Scans one paragraph (`para` is `text[base..base + para.len()]`), pushing its outermost
/// quotations onto `out`; `scratch` is room for its marks.
fn scan_paragraph(
    text: &str,
    (base, para): (usize, &str),
    index: usize,
    out: &mut Vec<QuoteSpan>,
    scratch: &mut Scratch,
) {
    // Doubled apostrophes (''...'') and doubled backticks (``...'') stand for double quotation
    // marks in some archives: each pair is read as one mark.
    scratch.marks.clear();
    if para.contains("''") || para.contains("``") {
        doubled_marks(base, para, scratch);
    } else {
        plain_marks(base, para, &mut scratch.marks);
    }
    let marks: &[Mark] = &scratch.marks;
    if marks.is_empty() {
        return;
    }
    let end = base + para.len();

    // The last mark that could close a single quotation (for straight ' openers).
    let last_single_closer = marks
        .iter()
        .rev()
        .find(|m| matches!(m.c, '\'' | '’') && single_closer_shape(&m.around))
        .map(|m| m.pos);

    let mut stack = Stack::new();
    for m in marks {
        let later = last_single_closer.is_some_and(|j| j > m.pos);
        match decide(m.c, &m.around, &stack, later) {
            Action::Open(family) => stack.push(Opener {
                family,
                mark: m.c,
                pos: m.pos,
                width: m.width,
            }),
            Action::Close(family) => {
                if let Some(opener) = stack.close(family) {
                    let outer_end = m.pos + m.width;
                    out.extend(make_quote(text, index, opener, m.pos, outer_end, true));
                }
            }
            Action::Ignore => {}
        }
    }
    if let Some(&opener) = stack.openers.first() {
        out.extend(make_quote(text, index, opener, end, end, false));
    }
}

/// Finds the outermost quotations in `text`, scanning each of `paragraphs` on its own.
///
/// `paragraphs` are sorted, non-overlapping, trimmed spans into `text`; a span that is out of
/// range or not on char boundaries is skipped. The result is sorted by `inner.start` and the
/// `outer` spans do not overlap. See the [module docs](self) for the rules. Never panics;
/// linear in the length of the text.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    // Whether the previous paragraph (by index) ended inside an unclosed quotation.
    let mut prev_unclosed = false;
    let mut scratch = Scratch::default();
    for (index, &p) in paragraphs.iter().enumerate() {
        let Some(para) = text.get(p.start..p.end) else {
            prev_unclosed = false;
            continue;
        };
        let first = out.len();
        scan_paragraph(text, (p.start, para), index, &mut out, &mut scratch);
        if prev_unclosed {
            if let Some(q) = out.get_mut(first) {
                if q.outer.start == p.start {
                    q.continues = true;
                }
            }
        }
        prev_unclosed = out.len() > first && out.last().is_some_and(|q| !q.closed);
    }
    out.sort_by_key(|q| q.inner.start);
    let mut kept: Vec<QuoteSpan> = Vec::with_capacity(out.len());
    for q in out {
        if kept
            .last()
            .is_none_or(|last| last.outer.end <= q.outer.start)
        {
            kept.push(q);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs separated by blank lines, trimmed, empty ones skipped.
    pub(super) fn paras(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut offset = 0;
        for piece in text.split("\n\n") {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let start = offset + lead;
                spans.push(Span::new(start, start + trimmed.len()));
            }
            offset += piece.len() + 2;
        }
        spans
    }

    fn quotes(text: &str) -> Vec<QuoteSpan> {
        find_quotes(text, &paras(text))
    }

    fn inners(text: &str) -> Vec<&str> {
        quotes(text).iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        let text = "''We will win,'' he said. ''It is the voters' choice.''";
        assert_eq!(inners(text), ["We will win,", "It is the voters' choice."]);
        let q = quotes(text);
        assert_eq!(&text[q[0].outer], "''We will win,''");
        assert_eq!(q[0].style, QuoteStyle::Double);
        assert_eq!(inners("``Enough,'' she said."), ["Enough,"]);
        assert_eq!(
            inners("The voters' and the parties' choice."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn straight_pair() {
        let text = r#"The envoy said "talks went well" after the meeting."#;
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        let q = qs[0];
        assert_eq!(&text[q.inner], "talks went well");
        assert_eq!(&text[q.outer], "\"talks went well\"");
        assert!(q.closed);
        assert!(!q.continues);
        assert_eq!(q.words, 3);
        assert_eq!(q.style, QuoteStyle::Double);
        assert_eq!(q.paragraph, 0);
    }

    #[test]
    fn curly_pair() {
        let text = "“Both sides showed restraint,” the spokesman told reporters.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "Both sides showed restraint,");
        assert_eq!(&text[qs[0].outer], "“Both sides showed restraint,”");
        assert_eq!(qs[0].words, 4);
        assert_eq!(qs[0].style, QuoteStyle::Double);
    }

    #[test]
    fn guillemets() {
        let text = "Le ministre a déclaré : « Nous ne céderons pas » devant la presse.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "Nous ne céderons pas");
        assert_eq!(&text[qs[0].outer], "« Nous ne céderons pas »");
        assert_eq!(qs[0].style, QuoteStyle::Guillemet);
        assert!(qs[0].closed);

        let text = "Er sagte ›nein‹ und ging.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "nein");
        assert_eq!(qs[0].style, QuoteStyle::Guillemet);
    }

    #[test]
    fn nested_guillemets_report_outer() {
        let text = "« Il a dit ‹ jamais › hier », a-t-elle ajouté.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "Il a dit ‹ jamais › hier");
    }

    #[test]
    fn low_opening_mark() {
        let text = "Der Minister sagte: „Wir bleiben hart“, und ging.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "Wir bleiben hart");
        assert!(qs[0].closed);
    }

    #[test]
    fn british_single_quote() {
        let text = "‘We will not yield,’ the minister said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "We will not yield,");
        assert_eq!(&text[qs[0].outer], "‘We will not yield,’");
        assert_eq!(qs[0].style, QuoteStyle::Single);
        assert!(qs[0].closed);
        assert_eq!(qs[0].words, 4);
    }

    #[test]
    fn straight_single_quote() {
        let text = "The aide replied 'not today' and left.";
        assert_eq!(inners(text), ["not today"]);
        assert_eq!(quotes(text)[0].style, QuoteStyle::Single);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "Japan’s foreign minister arrived on Tuesday.",
            "Officials don't expect a deal this week.",
            "The accord dates from the ’90s and the '90s alike.",
            "The band played rock ’n’ roll at the summit dinner.",
            "The band played rock 'n' roll at the summit dinner.",
            "Reporters waited outside the ministers’ talks for hours.",
            "The ministers' talks ran late.",
            "Let 'em wait, the envoy said.",
        ] {
            assert!(quotes(text).is_empty(), "{text:?} gave {:?}", inners(text));
        }
    }

    #[test]
    fn apostrophes_inside_a_single_quote() {
        let text = "‘Japan’s position hasn’t changed since the ’90s,’ he said.";
        assert_eq!(
            inners(text),
            ["Japan’s position hasn’t changed since the ’90s,"]
        );
    }

    #[test]
    fn is_apostrophe_rules() {
        let text = "Japan’s don't ’90s rock ’n’ roll the ministers’ talks ‘no’";
        let at = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
        assert!(is_apostrophe(text, at("’s ")));
        assert!(is_apostrophe(text, at("'t")));
        assert!(is_apostrophe(text, at("’90")));
        assert!(is_apostrophe(text, at("’n’")));
        assert!(is_apostrophe(text, at("’n’") + "’n".len()));
        assert!(is_apostrophe(text, at("’ talks")));
        assert!(!is_apostrophe(text, at("‘no")));
        // Not a mark, out of range, not a char boundary.
        assert!(!is_apostrophe(text, 0));
        assert!(!is_apostrophe(text, text.len()));
        assert!(!is_apostrophe(text, text.len() + 10));
        assert!(!is_apostrophe(text, at("’s ") + 1));
        assert!(!is_apostrophe("'2019 was hard'", 0));
    }

    #[test]
    fn nested_single_inside_double() {
        let text = "“He told me ‘never’, and I believed him,” she said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(
            &text[qs[0].inner],
            "He told me ‘never’, and I believed him,"
        );
        assert_eq!(qs[0].style, QuoteStyle::Double);
        assert!(qs[0].closed);
    }

    #[test]
    fn nested_double_inside_single() {
        let text = "‘She called it “a turning point”,’ the aide recalled.";
        assert_eq!(inners(text), ["She called it “a turning point”,"]);
    }

    #[test]
    fn multi_paragraph() {
        let text = "“The first round was difficult.\n\n\
                    “The second round was better.\n\n\
                    “The third round produced an agreement,” the negotiator said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 3);
        assert_eq!(
            qs.iter().map(|q| q.paragraph).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!(
            qs.iter().map(|q| q.closed).collect::<Vec<_>>(),
            [false, false, true]
        );
        assert_eq!(
            qs.iter().map(|q| q.continues).collect::<Vec<_>>(),
            [false, true, true]
        );
        assert_eq!(&text[qs[0].inner], "The first round was difficult.");
        assert_eq!(&text[qs[2].inner], "The third round produced an agreement,");
    }

    #[test]
    fn multi_paragraph_british() {
        let text = "‘We came in good faith.\n\n‘We leave in good faith,’ she said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 2);
        assert!(!qs[0].closed && !qs[0].continues);
        assert!(qs[1].closed && qs[1].continues);
    }

    #[test]
    fn closed_quote_then_new_paragraph_does_not_continue() {
        let text = "“It went well,” he said.\n\n“We will meet again,” she said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 2);
        assert!(!qs[1].continues);
    }

    #[test]
    fn unbalanced_opener_stops_at_paragraph_end() {
        let text = "The minister said \"we will never accept this deal.\n\n\
                    Talks resumed on Friday. \"It was useful,\" an aide said.";
        let ps = paras(text);
        let qs = find_quotes(text, &ps);
        assert_eq!(qs.len(), 2);
        assert_eq!(&text[qs[0].inner], "we will never accept this deal.");
        assert!(!qs[0].closed);
        assert_eq!(qs[0].outer.end, ps[0].end);
        assert_eq!(qs[1].paragraph, 1);
        assert_eq!(&text[qs[1].inner], "It was useful,");
        assert!(qs[1].closed);
        // Paragraph 1 does not start with an opening mark.
        assert!(!qs[1].continues);
    }

    #[test]
    fn stray_closer_is_ignored() {
        let text = "The talks ended.” Officials said \"progress\" was made.";
        assert_eq!(inners(text), ["progress"]);
        let text = "The summit closed» without a statement.";
        assert!(quotes(text).is_empty());
        let text = "Nothing was agreed,\" a diplomat said.";
        assert!(quotes(text).is_empty());
    }

    #[test]
    fn quote_followed_by_he_said() {
        let text = "\"We have made real progress,\" he said. \"More work remains.\"";
        let qs = quotes(text);
        assert_eq!(qs.len(), 2);
        assert_eq!(&text[qs[0].inner], "We have made real progress,");
        assert_eq!(&text[qs[1].inner], "More work remains.");
        assert!(qs[0].inner.start < qs[1].inner.start);
        assert!(qs[0].outer.end <= qs[1].outer.start);
    }

    #[test]
    fn partial_quote_in_reported_speech() {
        let text = "He said the two countries should \"adopt common approaches\" to \
                    regional security.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "adopt common approaches");
        assert_eq!(qs[0].words, 3);
    }

    #[test]
    fn scare_quote_single_word() {
        let text = "Preparations for the so-called \"two-plus-two\" talks continued.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1);
        assert_eq!(&text[qs[0].inner], "two-plus-two");
        assert_eq!(qs[0].words, 1);
    }

    #[test]
    fn empty_quotes_dropped() {
        assert!(quotes("He wrote \"\" in the margin.").is_empty());
        assert!(quotes("He wrote “  ” in the margin.").is_empty());
        assert!(quotes("The report ends with \"").is_empty());
    }

    #[test]
    fn question_and_exclamation_inside() {
        let text = "“Why would we sign now?” the envoy asked. “Never!” came the reply.";
        assert_eq!(inners(text), ["Why would we sign now?", "Never!"]);
    }

    #[test]
    fn mixed_straight_and_curly() {
        let text = "“We agree,\" he said, \"fully.”";
        assert_eq!(inners(text), ["We agree,", "fully."]);
    }

    #[test]
    fn colon_and_dash_open_straight_quote() {
        let text = "The statement read:\"No comment.\" Another aide—\"later\"—left.";
        assert_eq!(inners(text), ["No comment.", "later"]);
    }

    #[test]
    fn inner_keeps_punctuation_and_is_trimmed() {
        let text = "“ We will attend the ceremony, ” she said.";
        let qs = quotes(text);
        assert_eq!(&text[qs[0].inner], "We will attend the ceremony,");
        assert_eq!(&text[qs[0].outer], text.split(" she").next().unwrap_or(""));
    }

    #[test]
    fn many_straight_quotes_linear() {
        let text = "\"".repeat(100_000);
        let qs = find_quotes(&text, &[Span::new(0, text.len())]);
        for q in &qs {
            assert!(!text.as_str()[q.inner].is_empty());
        }
        let text = "“ ‘ « ".repeat(30_000) + "» ’ ”".repeat(30_000).as_str();
        let qs = find_quotes(&text, &[Span::new(0, text.len())]);
        assert!(qs.len() <= 1);
    }

    #[test]
    fn bad_paragraph_spans_do_not_panic() {
        let text = "“Yes,” she said. ‘No,’ he said.";
        let bad = [
            Span::new(0, 1),
            Span::new(0, text.len() + 5),
            Span { start: 9, end: 3 },
            Span::new(0, text.len()),
            Span::new(0, text.len()),
        ];
        let qs = find_quotes(text, &bad);
        assert_eq!(qs.len(), 2);
        assert!(find_quotes("", &[Span::new(0, 0)]).is_empty());
        assert!(find_quotes(text, &[]).is_empty());
    }
}

#[cfg(test)]
mod properties {
    use super::{doubled_marks, find_quotes, is_apostrophe, plain_marks, Mark, QuoteSpan, Scratch};
    use crate::Span;
    use proptest::prelude::*;

    // Property tests for `find_quotes` and `is_apostrophe`: no panics, spans on char boundaries,
    // inside their paragraph, sorted and non-overlapping, on arbitrary mixes of quote marks.

    use super::tests::paras as paragraphs;

    const PIECES: &[&str] = &[
        "\"", "“", "”", "„", "‘", "’", "'", "‚", "`", "«", "»", "‹", "›", "said", "Japan", "s",
        "n", "90", "2019", "minister", " ", " ", " ", "\n\n", "\n", ",", ".", "?", "—", "(", ":",
        "é", "Ω", "東京", "🙂", "👍🏽", "\u{a0}",
    ];

    fn article() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
    }

    fn on_boundary(text: &str, s: Span) -> bool {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    }

    fn check(text: &str, paras: &[Span], quotes: &[QuoteSpan]) -> Result<(), TestCaseError> {
        for q in quotes {
            prop_assert!(on_boundary(text, q.inner), "inner {:?}", q);
            prop_assert!(on_boundary(text, q.outer), "outer {:?}", q);
            let p = paras.get(q.paragraph).copied();
            prop_assert!(p.is_some(), "paragraph index {:?}", q);
            let p = p.unwrap_or_default();
            prop_assert!(p.contains(q.outer), "outer {:?} outside {:?}", q, p);
            prop_assert!(q.outer.contains(q.inner), "inner outside outer {:?}", q);
            prop_assert!(
                q.inner.start > q.outer.start,
                "inner includes opening mark {:?}",
                q
            );
            let inner = &text[q.inner];
            prop_assert!(!inner.is_empty());
            prop_assert_eq!(inner.trim(), inner);
            if !q.closed {
                prop_assert_eq!(q.outer.end, p.end);
            } else {
                prop_assert!(
                    q.inner.end < q.outer.end,
                    "inner includes closing mark {:?}",
                    q
                );
            }
            if q.continues {
                prop_assert!(q.paragraph > 0);
                prop_assert_eq!(q.outer.start, p.start);
            }
            let words = inner
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(q.words, words);
        }
        for pair in quotes.windows(2) {
            prop_assert!(
                pair[0].inner.start <= pair[1].inner.start,
                "unsorted {:?}",
                pair
            );
            prop_assert!(!pair[0].outer.overlaps(pair[1].outer), "overlap {:?}", pair);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn spans_are_sound(text in article()) {
            let paras = paragraphs(&text);
            let quotes = find_quotes(&text, &paras);
            check(&text, &paras, &quotes)?;
        }

        /// Reading the marks of a paragraph without doubled marks in place finds what the
        /// table of its characters finds.
        #[test]
        fn marks_read_in_place_are_those_of_the_table(text in article(), base in 0usize..9) {
            // No doubled marks: each first one of a pair becomes a letter.
            let text = text.replace("''", "'x").replace("``", "`x");
            let mut table = Scratch::default();
            doubled_marks(base, &text, &mut table);
            let mut in_place = Vec::new();
            plain_marks(base, &text, &mut in_place);
            let key = |m: &Mark| (m.pos, m.c, m.width, m.around);
            let read: Vec<_> = in_place.iter().map(key).collect();
            let tabled: Vec<_> = table.marks.iter().map(key).collect();
            prop_assert_eq!(read, tabled);
        }

        #[test]
        fn continues_only_after_unclosed(text in article()) {
            let paras = paragraphs(&text);
            let quotes = find_quotes(&text, &paras);
            for (i, q) in quotes.iter().enumerate() {
                if q.continues {
                    let prev = i.checked_sub(1).and_then(|j| quotes.get(j));
                    prop_assert!(
                        prev.is_some_and(|p| !p.closed && p.paragraph + 1 == q.paragraph),
                        "{:?} continues nothing", q
                    );
                }
            }
        }

        #[test]
        fn arbitrary_paragraph_spans_never_panic(
            text in article(),
            raw in prop::collection::vec((0usize..400, 0usize..400), 0..6),
        ) {
            let spans: Vec<Span> = raw.iter().map(|&(a, b)| Span { start: a, end: b }).collect();
            let quotes = find_quotes(&text, &spans);
            for q in &quotes {
                prop_assert!(on_boundary(&text, q.inner));
                prop_assert!(on_boundary(&text, q.outer));
            }
            for pair in quotes.windows(2) {
                prop_assert!(pair[0].inner.start <= pair[1].inner.start);
                prop_assert!(!pair[0].outer.overlaps(pair[1].outer));
            }
        }

        #[test]
        fn is_apostrophe_never_panics(text in article(), offset in 0usize..500) {
            let _ = is_apostrophe(&text, offset);
        }

        #[test]
        fn any_string_never_panics(text in any::<String>()) {
            let paras = paragraphs(&text);
            let quotes = find_quotes(&text, &paras);
            check(&text, &paras, &quotes)?;
        }
    }

    #[test]
    fn hundred_thousand_quote_marks_run() {
        for mark in ["\"", "“", "”", "'", "‘", "’", "«", "»", "\" ", "' x"] {
            let text = mark.repeat(100_000);
            let paras = [Span::new(0, text.len())];
            let quotes = find_quotes(&text, &paras);
            for q in &quotes {
                assert!(paras[0].contains(q.outer));
            }
        }
        // Deep nesting then stray closers of another family.
        let text = format!("{}{}", "‘a ".repeat(50_000), "» ".repeat(50_000));
        let quotes = find_quotes(&text, &[Span::new(0, text.len())]);
        assert_eq!(quotes.len(), 1);
        assert!(!quotes[0].closed);
    }
}
