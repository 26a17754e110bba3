//! The document model: an article's text with its date and id, paragraphs, sentences and
//! tokens, all as [`Span`]s into the one original string. The date header and the paragraph
//! rules are documented on [`Document`].
//! Quotation spans are found once, here, for the passes that read them (see
//! `segment/quotes.rs`).

use crate::segment::quotes::{find_quotes, QuoteSpan};
use crate::segment::{split_sentences, tokenize};
pub use crate::segment::{Token, TokenKind};
use crate::{Date, Span};

const BOM: char = '\u{FEFF}';

/// A parsed article: the original text, its date and id, and paragraph, sentence and token
/// spans into it.
///
/// All spans are byte ranges into [`Document::text`], on char boundaries, sorted and
/// non-overlapping within each kind. The text is never changed, so offsets in an
/// [`Extraction`](crate::Extraction) index the string you passed in.
///
/// # Giving the date and an id
///
/// The date matters: "Monday" and "March 20" in a meeting are resolved against it, and a
/// gazetteer role counts only if it was held on it. Give it through the API with
/// [`Document::builder`], which leaves the text, and so every offset, as it is:
///
/// ```
/// use gazette::{Date, Document};
///
/// let text = "Japan and Russia held talks in Tokyo on Monday.";
/// let doc = Document::builder(text)
///     .date("2017-03-20".parse::<Date>()?)
///     .id("jp-ru-2017")
///     .build();
/// assert_eq!(doc.text(), text);
/// assert_eq!(doc.date().map(|d| d.to_string()).as_deref(), Some("2017-03-20"));
/// assert_eq!(doc.id(), Some("jp-ru-2017"));
/// # Ok::<(), gazette::Error>(())
/// ```
///
/// # Date header
///
/// Article files, which have no other place for it, may instead start with a date header
/// such as ` date 2017-03-20 The foreign ministers...`; [`Document::parse`] and
/// [`Document::builder`] both read it. It is recognised when the text starts with optional
/// whitespace and byte order marks (`U+FEFF`), then the word `date` (lowercase),
/// whitespace, an ISO date `YYYY-MM-DD` (four, two and two ASCII digits), and then
/// whitespace or the end of the text. The article goes on right after it, often on the
/// same line. The header stays in the text (offsets count it) but is left out of the body,
/// the paragraphs and the sentences.
///
/// - A header whose date is impossible (`date 2017-02-30`, `date 2017-13-01`) is still a
///   header: it is metadata, so it is left out of the body, the paragraphs and the
///   sentences, and [`Document::date`] is `None`.
/// - Text that does not follow the pattern (`date night was fun`, `date 2017-3-20`,
///   `date 2017-03-20x`, `date` alone) is no header: it is part of the body.
/// - A date given to [`DocumentBuilder::date`] wins over the header's.
///
/// ```
/// use gazette::Document;
///
/// let doc = Document::parse(" date 2017-03-20 Talks began.");
/// assert_eq!(doc.date().map(|d| d.to_string()).as_deref(), Some("2017-03-20"));
/// assert_eq!(&doc.text()[doc.body()], "Talks began.");
/// assert_eq!(Document::parse("date 2017-02-30 Talks.").date(), None); // still a header
/// assert_eq!(Document::parse("date night was fun.").header(), None); // no header
/// ```
///
/// # Paragraphs and sentences
///
/// The body is split into paragraphs at blank lines (lines holding only whitespace); line
/// breaks may be `\n`, `\r\n` or `\r`. Each paragraph is trimmed of surrounding
/// whitespace. A single line break is just whitespace inside a paragraph. Sentences are
/// split within each paragraph, and the tokens cover every non-whitespace character of the
/// body.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    id: Option<String>,
    date: Option<Date>,
    header: Option<Span>,
    body: Span,
    paragraphs: Vec<Span>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    quotes: Vec<QuoteSpan>,
}

/// One sentence of a [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index into [`Document::paragraphs`] of the paragraph holding the sentence.
    pub paragraph: usize,
}

impl Document {
    /// Parses an article. Never fails and never panics: any string gives a document.
    ///
    /// ```
    /// use gazette::Document;
    ///
    /// let doc = Document::parse(
    ///     " date 2017-03-20 Mr. Brekov met U.S. officials. The talks ended.\n\nNew paragraph.",
    /// );
    /// assert_eq!(doc.date().map(|d| d.to_string()).as_deref(), Some("2017-03-20"));
    /// assert_eq!(doc.header().map(|h| &doc.text()[h]), Some("date 2017-03-20"));
    /// let sentences: Vec<&str> = doc.sentences().iter().map(|s| &doc.text()[s.span]).collect();
    /// assert_eq!(
    ///     sentences,
    ///     ["Mr. Brekov met U.S. officials.", "The talks ended.", "New paragraph."]
    /// );
    /// assert_eq!(doc.paragraphs().len(), 2);
    /// assert_eq!(doc.sentences()[2].paragraph, 1);
    /// let first = doc.tokens_in(doc.sentences()[0].span);
    /// assert_eq!(&doc.text()[first[0].span], "Mr");
    /// ```
    pub fn parse(text: impl Into<String>) -> Document {
        Document::builder(text).build()
    }

    /// A builder to give the document a date and an id through the API, leaving the text
    /// (and so every offset) unchanged. See [Giving the date and an id](Document#giving-the-date-and-an-id).
    ///
    /// ```
    /// use gazette::{Date, Document, Extractor};
    ///
    /// let extractor = Extractor::new()?;
    /// let doc = Document::builder("Kishida met Lavrov in Tokyo on Monday.")
    ///     .date(Date::new(2017, 3, 22)?)
    ///     .id("article-17")
    ///     .build();
    /// let out = extractor.extract(&doc);
    /// assert_eq!(out.doc.as_deref(), Some("article-17"));
    /// assert_eq!(out.date.as_deref(), Some("2017-03-22"));
    /// assert_eq!(out.meetings[0].date.as_deref(), Some("2017-03-20")); // "Monday"
    /// # Ok::<(), gazette::Error>(())
    /// ```
    pub fn builder(text: impl Into<String>) -> DocumentBuilder {
        DocumentBuilder {
            text: text.into(),
            date: None,
            id: None,
        }
    }

    fn from_parts(text: String, id: Option<String>, given_date: Option<Date>) -> Document {
        let (header, date) = match parse_header(&text) {
            Some((span, date)) => (Some(span), date),
            None => (None, None),
        };
        let from = header.map_or(0, |h| h.end);
        let rest = &text[from..];
        let body_start = text.len() - rest.trim_start_matches(is_space_or_bom).len();
        let body = Span::new(body_start, text.len());
        let paragraphs = split_paragraphs(&text, body);
        let mut sentences = Vec::new();
        for (index, &paragraph) in paragraphs.iter().enumerate() {
            split_sentences(&text, paragraph, |span| {
                sentences.push(Sentence {
                    span,
                    paragraph: index,
                })
            });
        }
        let mut tokens = Vec::new();
        tokenize(&text, body, &mut tokens);
        let quotes = find_quotes(&text, &paragraphs);
        Document {
            text,
            id,
            date: given_date.or(date),
            header,
            body,
            paragraphs,
            sentences,
            tokens,
            quotes,
        }
    }

    /// The original text, unchanged.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The article's date: the one given to [`DocumentBuilder::date`], else the one of the
    /// date header if there is a header and its date exists.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The date as a `jiff` date, for the passes that compute with dates.
    pub(crate) fn civil_date(&self) -> Option<jiff::civil::Date> {
        self.date.map(Date::to_civil)
    }

    /// The id given to [`DocumentBuilder::id`]; [`Extractor::extract`](crate::Extractor::extract)
    /// copies it to [`Extraction::doc`](crate::Extraction::doc).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The span of the header fragment (`date 2017-03-20`), if the text has a header, even
    /// one whose date is impossible.
    pub fn header(&self) -> Option<Span> {
        self.header
    }

    /// The text after the header (the whole text if there is none), with leading whitespace
    /// and byte order marks skipped. It runs to the end of the text.
    pub fn body(&self) -> Span {
        self.body
    }

    /// The paragraphs of the body, in order, trimmed of surrounding whitespace.
    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// The sentences of all paragraphs, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The tokens of the body, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The quotations of the body, outermost only, sorted (see `segment/quotes.rs`).
    pub(crate) fn quotes(&self) -> &[QuoteSpan] {
        &self.quotes
    }

    /// The index into [`Document::sentences`] of the sentence containing byte `offset`, or
    /// `None` if `offset` is outside every sentence (in whitespace between sentences, in
    /// the header, past the end). O(log n).
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let after = self.sentences.partition_point(|s| s.span.start <= offset);
        let index = after.checked_sub(1)?;
        (offset < self.sentences[index].span.end).then_some(index)
    }

    /// The tokens lying wholly inside `span`, in order. O(log n).
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let lo = self.tokens.partition_point(|t| t.span.start < span.start);
        let hi = self.tokens.partition_point(|t| t.span.end <= span.end);
        if lo < hi {
            &self.tokens[lo..hi]
        } else {
            &[]
        }
    }
}

/// Gives a [`Document`] its date and id through the API; made by [`Document::builder`].
///
/// The text is kept as it is, so offsets into it are unchanged. A date header at the start
/// of the text is still recognised (see [`Document`]), but a date given here wins.
///
/// The setters take and return the builder, so it may be kept in a variable:
///
/// ```
/// use gazette::{Date, Document};
///
/// let mut builder = Document::builder(" date 2020-01-01 Talks began.");
/// if let Some(date) = Some(Date::new(2021, 6, 1)?) {
///     builder = builder.date(date);
/// }
/// let doc = builder.build();
/// assert_eq!(doc.date().map(|d| d.to_string()).as_deref(), Some("2021-06-01"));
/// assert!(doc.header().is_some()); // the header is still left out of the body
/// # Ok::<(), gazette::Error>(())
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `build()` is called"]
pub struct DocumentBuilder {
    text: String,
    date: Option<Date>,
    id: Option<String>,
}

impl DocumentBuilder {
    /// The article's date (its publication date), used to resolve "Monday" or "March 20"
    /// and to tell which gazetteer roles were held. Wins over a date header in the text.
    pub fn date(mut self, date: Date) -> DocumentBuilder {
        self.date = Some(date);
        self
    }

    /// An id for the article (a file name, a database key), copied to
    /// [`Extraction::doc`](crate::Extraction::doc).
    pub fn id(mut self, id: impl Into<String>) -> DocumentBuilder {
        self.id = Some(id.into());
        self
    }

    /// Parses the text. Never fails and never panics: any string gives a document.
    pub fn build(self) -> Document {
        Document::from_parts(self.text, self.id, self.date)
    }
}

fn is_space_or_bom(c: char) -> bool {
    c.is_whitespace() || c == BOM
}

/// Recognises the date header; returns its span and its date if the date exists.
fn parse_header(text: &str) -> Option<(Span, Option<Date>)> {
    let rest = text.trim_start_matches(is_space_or_bom);
    let start = text.len() - rest.len();
    let after_word = rest.strip_prefix("date")?;
    let date_text = after_word.trim_start();
    if date_text.len() == after_word.len() {
        return None;
    }
    let date = Date::parse_iso_prefix(date_text.as_bytes())?;
    // The first ten bytes are ASCII, so byte 10 is a char boundary.
    let after = &date_text[10..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let end = text.len() - after.len();
    Some((Span::new(start, end), date))
}

/// Splits `text[body]` into paragraphs at blank lines, each trimmed of whitespace.
fn split_paragraphs(text: &str, body: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(body.range()) else {
        return out;
    };
    let mut current: Option<Span> = None;
    let mut pos = 0;
    while pos <= slice.len() {
        let rest = &slice[pos..];
        let (line, next) = match rest.find(['\n', '\r']) {
            Some(k) => {
                let crlf = rest[k..].starts_with("\r\n");
                (&rest[..k], pos + k + if crlf { 2 } else { 1 })
            }
            None => (rest, slice.len() + 1),
        };
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            out.extend(current.take());
        } else {
            let line_start = body.start + pos;
            let first = line_start + (line.len() - trimmed.len());
            let last = line_start + line.trim_end().len();
            current = Some(Span::new(current.map_or(first, |p| p.start), last));
        }
        pos = next;
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: u8, d: u8) -> Option<Date> {
        Date::new(y, m, d).ok()
    }

    fn texts(doc: &Document, spans: impl IntoIterator<Item = Span>) -> Vec<&str> {
        spans.into_iter().map(|s| &doc.text()[s]).collect()
    }

    fn sentences(doc: &Document) -> Vec<&str> {
        texts(doc, doc.sentences().iter().map(|s| s.span))
    }

    fn header(doc: &Document) -> Option<&str> {
        doc.header().map(|h| &doc.text()[h])
    }

    #[test]
    fn header_with_leading_space() {
        let doc = Document::parse(" date 2017-03-20 The foreign ministers met in Tokyo.");
        assert_eq!(doc.date(), date(2017, 3, 20));
        assert_eq!(header(&doc), Some("date 2017-03-20"));
        assert_eq!(
            &doc.text()[doc.body()],
            "The foreign ministers met in Tokyo."
        );
        assert_eq!(sentences(&doc), ["The foreign ministers met in Tokyo."]);
        assert_eq!(doc.paragraphs()[0].start, doc.body().start);
        assert_eq!(&doc.text()[doc.tokens()[0].span], "The");
    }

    #[test]
    fn header_variants() {
        let doc = Document::parse("date 2017-03-20\nThe talks began.");
        assert_eq!(doc.date(), date(2017, 3, 20));
        assert_eq!(&doc.text()[doc.body()], "The talks began.");

        let doc = Document::parse("\u{FEFF}date 2019-12-01 Talks.");
        assert_eq!(doc.date(), date(2019, 12, 1));
        assert_eq!(header(&doc), Some("date 2019-12-01"));
        assert_eq!(doc.header().map(|h| h.start), Some(3));

        let doc = Document::parse("  date 2020-01-02");
        assert_eq!(doc.date(), date(2020, 1, 2));
        assert_eq!(header(&doc), Some("date 2020-01-02"));
        assert!(doc.body().is_empty());
        assert_eq!(doc.body().start, doc.text().len());
        assert!(doc.paragraphs().is_empty());
        assert!(doc.sentences().is_empty());
        assert!(doc.tokens().is_empty());
    }

    #[test]
    fn impossible_date_is_still_a_header() {
        for text in [
            "date 2017-02-30 Talks ended.",
            "date 2017-13-01 Talks ended.",
        ] {
            let doc = Document::parse(text);
            assert_eq!(doc.date(), None, "{text}");
            assert_eq!(header(&doc).map(str::len), Some(15));
            assert_eq!(sentences(&doc), ["Talks ended."]);
            assert!(doc.tokens().iter().all(|t| t.span.start >= 16));
        }
    }

    #[test]
    fn not_a_header() {
        for text in [
            "date night was fun.",
            "date",
            "date ",
            "date 2017-3-20 talks",
            "date 2017-03-20x talks",
            "date2017-03-20 talks",
            "Date 2017-03-20 talks",
            "The date 2017-03-20 was set.",
        ] {
            let doc = Document::parse(text);
            assert_eq!(doc.header(), None, "{text:?}");
            assert_eq!(doc.date(), None);
            assert_eq!(doc.body().start, 0);
        }
        let doc = Document::parse("  \t No header here.");
        assert_eq!(doc.header(), None);
        assert_eq!(&doc.text()[doc.body()], "No header here.");
    }

    #[test]
    fn paragraphs_with_crlf_and_cr() {
        let text = "date 2017-03-20 First line\r\nstill first.\r\n\r\nSecond one.\r\n \t\r\n\r\nThird.\r\n";
        let doc = Document::parse(text);
        assert_eq!(
            texts(&doc, doc.paragraphs().iter().copied()),
            ["First line\r\nstill first.", "Second one.", "Third."]
        );
        assert_eq!(
            sentences(&doc),
            ["First line\r\nstill first.", "Second one.", "Third."]
        );
        let paras: Vec<usize> = doc.sentences().iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 1, 2]);

        let doc = Document::parse("One.\r\rTwo.\rstill two.\n\n\n  Three.  ");
        assert_eq!(
            texts(&doc, doc.paragraphs().iter().copied()),
            ["One.", "Two.\rstill two.", "Three."]
        );
    }

    #[test]
    fn sentences_stay_in_paragraphs() {
        let doc = Document::parse("Mr.\n\nLavrov spoke. He left.\n\nThe end");
        assert_eq!(
            sentences(&doc),
            ["Mr.", "Lavrov spoke.", "He left.", "The end"]
        );
        let paras: Vec<usize> = doc.sentences().iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 2]);
    }

    #[test]
    fn sentence_at_and_tokens_in() {
        let doc = Document::parse("Talks ended. Aides left.\n\nNobody spoke.");
        let text = doc.text();
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(11), Some(0));
        assert_eq!(doc.sentence_at(12), None); // the space between sentences
        assert_eq!(doc.sentence_at(13), Some(1));
        assert_eq!(doc.sentence_at(text.len() - 1), Some(2));
        assert_eq!(doc.sentence_at(text.len()), None);
        assert_eq!(doc.sentence_at(usize::MAX), None);

        let second = doc.sentences()[1].span;
        let toks: Vec<&str> = doc
            .tokens_in(second)
            .iter()
            .map(|t| &text[t.span])
            .collect();
        assert_eq!(toks, ["Aides", "left", "."]);
        // Partly covered tokens are left out.
        let toks: Vec<&str> = doc
            .tokens_in(Span::new(2, 15))
            .iter()
            .map(|t| &text[t.span])
            .collect();
        assert_eq!(toks, ["ended", "."]);
        assert!(doc.tokens_in(Span::new(3, 4)).is_empty());
        assert!(doc.tokens_in(Span::new(500, 600)).is_empty());
        assert_eq!(
            doc.tokens_in(Span::new(0, text.len())).len(),
            doc.tokens().len()
        );
    }

    #[test]
    fn token_kinds() {
        let doc = Document::parse("Russia’s 2+2 talks");
        let kinds: Vec<TokenKind> = doc.tokens().iter().map(|t| t.kind).collect();
        use TokenKind::{Number, Punct, Word};
        assert_eq!(kinds, [Word, Punct, Word, Number, Punct, Number, Word]);
    }

    #[test]
    fn empty_and_whitespace_only() {
        for text in ["", "   ", "\n\n\r\n", "\u{FEFF}"] {
            let doc = Document::parse(text);
            assert_eq!(doc.text(), text);
            assert!(doc.paragraphs().is_empty());
            assert!(doc.sentences().is_empty());
            assert!(doc.tokens().is_empty());
            assert_eq!(doc.body().end, text.len());
        }
    }

    #[test]
    fn keeps_text_unchanged() {
        let text = "\u{FEFF} date 2017-03-20 A\r\n\r\nB ";
        assert_eq!(Document::parse(text).text(), text);
        assert_eq!(Document::parse(String::from(text)).text(), text);
    }
}
