//! Placeholder until the document model lands.
use crate::Span;

/// A parsed article.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    date: Option<jiff::civil::Date>,
    body: Span,
}

impl Document {
    /// Parses an article.
    pub fn parse(text: impl Into<String>) -> Document {
        let text = text.into();
        let mut date = None;
        let mut body = Span::new(0, text.len());
        let t = text.trim_start();
        if let Some(rest) = t.strip_prefix("date ") {
            if let Some(d) = rest.get(..10).and_then(|d| d.parse().ok()) {
                date = Some(d);
                let start = text.len() - rest.len() + 10;
                body = Span::new(start, text.len());
            }
        }
        Document { text, date, body }
    }
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The date.
    pub fn date(&self) -> Option<jiff::civil::Date> {
        self.date
    }
    /// The body.
    pub fn body(&self) -> Span {
        self.body
    }
}
