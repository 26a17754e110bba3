//! Word characters, token boundaries and the tokenizer.
//!
//! A token is either a maximal run of word characters ([`is_word_char`]) or a single
//! character that is neither whitespace nor a word character. Whitespace (any Unicode
//! whitespace) only separates tokens and is never part of one.
//!
//! - "Japan's" → `Japan` `'` `s`
//! - "U.N." → `U` `.` `N` `.`
//! - "2+2" → `2` `+` `2`
//!
//! A run that holds at least one alphabetic character is a [`TokenKind::Word`], a run of
//! numeric characters only is a [`TokenKind::Number`], a single other character is a
//! [`TokenKind::Punct`].

use crate::Span;
use std::cmp::Reverse;

/// One token of a [`Document`](crate::Document): a run of word characters or a single other
/// non-whitespace character.
///
/// A `Token` is packed: 17 bytes rather than 24, as news has a token every five bytes or
/// so and the tokens are most of a long document's memory. Its fields are read by value
/// (they are `Copy`) but cannot be borrowed: write `let span = token.span;` or
/// `token.span.len()`, not `&token.span`, and copy a field into a variable before giving
/// it to `assert_eq!` or `format!`, which borrow their arguments.
///
/// ```
/// use gazette::{Document, TokenKind};
///
/// let doc = Document::parse("Mori met Brekov.");
/// let first = doc.tokens()[0];
/// let span = first.span;
/// assert_eq!(&doc.text()[span], "Mori");
/// assert_eq!(first.span.len(), 4);
/// assert!(first.kind == TokenKind::Word);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed)]
pub struct Token {
    /// The token's text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// The kind of a [`Token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A run of letters and digits holding at least one letter: `Brekov`, `G20`.
    Word,
    /// A run of digits only: `2017`.
    Number,
    /// A single character that is neither a letter, a digit nor whitespace: `.`, `’`, `+`.
    Punct,
}

/// Whether `c` is a word character: alphabetic or numeric in Unicode's sense.
///
/// This is the one notion of a word character in the crate: the tokenizer, the sentence
/// splitter and the gazetteer matcher's boundary check ([`is_boundary`]) all use it.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `text` without a possessive "'s" (or "’s") at its end: "Okafor's" → "Okafor".
pub(crate) fn strip_possessive(text: &str) -> Option<&str> {
    text.strip_suffix("'s").or_else(|| text.strip_suffix("’s"))
}

/// Whether `text[span]` is whole words: not empty, and a word boundary at both ends.
pub(crate) fn is_whole_word(text: &str, span: Span) -> bool {
    !span.is_empty() && is_boundary(text, span.start) && is_boundary(text, span.end)
}

/// Whether byte `offset` of `text` lies between tokens rather than inside a run of word
/// characters: true unless the character before `offset` and the character at `offset`
/// are both word characters. The start and the end of the text are boundaries.
///
/// Never panics. An `offset` that is past the end of `text` or not on a char boundary is
/// inside a character (or outside the text) and gives `false`.
pub(crate) fn is_boundary(text: &str, offset: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..offset), text.get(offset..)) else {
        return false;
    };
    match (before.chars().next_back(), after.chars().next()) {
        (Some(a), Some(b)) => !(is_word_char(a) && is_word_char(b)),
        _ => true,
    }
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CharClass {
    /// A word character that is a letter.
    Letter,
    /// A word character that is not a letter (a digit, "½").
    OtherWord,
    /// Whitespace: ends a token and is none.
    Space,
    /// Anything else: a token of its own.
    Punct,
}

/// The class of any character.
fn char_class(c: char) -> CharClass {
    if is_word_char(c) {
        if c.is_alphabetic() {
            CharClass::Letter
        } else {
            CharClass::OtherWord
        }
    } else if c.is_whitespace() {
        CharClass::Space
    } else {
        CharClass::Punct
    }
}

/// The class of an ASCII character, as [`char_class`] gives it, without decoding one.
#[inline]
fn ascii_class(b: u8) -> CharClass {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => CharClass::Letter,
        b'0'..=b'9' => CharClass::OtherWord,
        b'\t'..=b'\r' | b' ' => CharClass::Space,
        _ => CharClass::Punct,
    }
}

/// The last char boundary of `text` at or before byte `i` (the end of the text for an `i`
/// past it).
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Appends the tokens of `text[span]` to `out`, in order, with spans into `text`.
///
/// `span` must lie on char boundaries of `text`; an invalid span yields no tokens.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let Some(slice) = text.get(span.range()) else {
        return;
    };
    let bytes = slice.as_bytes();
    // The word run being built: (start offset, whether it holds a letter).
    let mut run: Option<(usize, bool)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII (most of most news) is classed by its byte, anything else decoded.
        let (class, width) = if b.is_ascii() {
            (ascii_class(b), 1)
        } else {
            match slice.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (char_class(c), c.len_utf8()),
                None => break,
            }
        };
        let at = span.start + i;
        i += width;
        match class {
            CharClass::Letter | CharClass::OtherWord => {
                let alpha = class == CharClass::Letter;
                run = Some(match run {
                    Some((start, letter)) => (start, letter || alpha),
                    None => (at, alpha),
                });
                continue;
            }
            CharClass::Space | CharClass::Punct => {}
        }
        if let Some((start, letter)) = run.take() {
            out.push(word(start, at, letter));
        }
        if class == CharClass::Punct {
            out.push(Token {
                span: Span::new(at, at + width),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some((start, letter)) = run {
        out.push(word(start, span.end, letter));
    }
}

fn word(start: usize, end: usize, letter: bool) -> Token {
    let kind = if letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    Token {
        span: Span::new(start, end),
        kind,
    }
}

/// The one implementation of "whole words only, longest first", shared by the gazetteer
/// matcher and every lexicon: keeps the candidates that start and end on token boundaries of `text`, then the leftmost,
/// and at one start the longest, so that none overlaps another. Candidates may come in any
/// order; the result is sorted by start. Empty spans are dropped.
///
/// ```text
/// terms "held", "held talks"; text "held talks with" -> "held talks"
/// terms "talks", "talks with"; text "talks within"   -> "talks" ("talks with" ends in a word)
/// ```
pub(crate) fn longest_whole_words<T>(text: &str, mut candidates: Vec<(Span, T)>) -> Vec<(Span, T)> {
    candidates.retain(|(s, _)| is_whole_word(text, *s));
    candidates.sort_by_key(|(s, _)| (s.start, Reverse(s.end)));
    // Chosen in place, in order (a long document's candidates are not held twice).
    let mut end = 0;
    candidates.retain(|(s, _)| {
        let keep = s.start >= end;
        if keep {
            end = s.end;
        }
        keep
    });
    // The room left over in a long document is given back; a short list's is not worth it.
    let spare = candidates.capacity() - candidates.len();
    if spare * std::mem::size_of::<(Span, T)>() > 1 << 16 {
        candidates.shrink_to_fit();
    }
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_bytes_are_classed_as_their_characters() {
        for b in 0..=0x7f_u8 {
            assert_eq!(ascii_class(b), char_class(char::from(b)), "{b:#x}");
        }
    }

    /// The tokenizer as it read every character decoded, for the property below.
    fn tokenize_decoding(text: &str, span: Span) -> Vec<Token> {
        let mut out = Vec::new();
        let Some(slice) = text.get(span.range()) else {
            return out;
        };
        let mut run: Option<(usize, bool)> = None;
        for (i, c) in slice.char_indices() {
            let at = span.start + i;
            if is_word_char(c) {
                let alpha = c.is_alphabetic();
                run = Some(match run {
                    Some((start, letter)) => (start, letter || alpha),
                    None => (at, alpha),
                });
                continue;
            }
            if let Some((start, letter)) = run.take() {
                out.push(word(start, at, letter));
            }
            if !c.is_whitespace() {
                out.push(Token {
                    span: Span::new(at, at + c.len_utf8()),
                    kind: TokenKind::Punct,
                });
            }
        }
        if let Some((start, letter)) = run {
            out.push(word(start, span.end, letter));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_those_of_decoding_every_character(
            text in "[a-zA-Z0-9 \\t\\n\\x0b\\x0c\\r\\x1c\\x00.,'’“½²éΩ東京\u{a0}\u{2003}\u{85}🙂-]{0,40}",
            from in 0usize..4,
        ) {
            let start = floor_char_boundary(&text, from);
            let span = Span::new(start, text.len());
            let mut out = Vec::new();
            tokenize(&text, span, &mut out);
            proptest::prop_assert_eq!(out, tokenize_decoding(&text, span));
        }
    }

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| (&text[t.span], t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    use TokenKind::{Number, Punct, Word};

    #[test]
    fn word_chars() {
        assert!(is_word_char('a'));
        assert!(is_word_char('Ж'));
        assert!(is_word_char('東'));
        assert!(is_word_char('7'));
        assert!(!is_word_char('\''));
        assert!(!is_word_char('’'));
        assert!(!is_word_char('-'));
        assert!(!is_word_char(' '));
    }

    #[test]
    fn russia_2_plus_2_talks() {
        assert_eq!(
            toks("Russia’s 2+2 talks"),
            [
                ("Russia", Word),
                ("’", Punct),
                ("s", Word),
                ("2", Number),
                ("+", Punct),
                ("2", Number),
                ("talks", Word),
            ]
        );
    }

    #[test]
    fn apostrophes_dots_and_numbers() {
        assert_eq!(texts("Japan's"), ["Japan", "'", "s"]);
        assert_eq!(texts("U.N."), ["U", ".", "N", "."]);
        assert_eq!(texts("3.5 percent"), ["3", ".", "5", "percent"]);
        assert_eq!(toks("G20")[0], ("G20", Word));
        assert_eq!(toks("2017")[0], ("2017", Number));
        assert_eq!(
            texts("“Yes,” he said."),
            ["“", "Yes", ",", "”", "he", "said", "."]
        );
    }

    #[test]
    fn unicode_whitespace_separates() {
        assert_eq!(
            texts("Москва\u{00A0}и\u{3000}東京\tfoo\r\nbar\u{2028}!"),
            ["Москва", "и", "東京", "foo", "bar", "!"]
        );
        assert!(toks(" \t\n ").is_empty());
        assert!(toks("").is_empty());
    }

    #[test]
    fn subspan_offsets_are_absolute() {
        let text = "ab cd ef";
        let mut out = Vec::new();
        tokenize(text, Span::new(3, 5), &mut out);
        assert_eq!(out.len(), 1);
        let span = out[0].span; // a packed field is copied, not borrowed
        assert_eq!(span, Span::new(3, 5));
        out.clear();
        tokenize(text, Span::new(3, 99), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn boundaries() {
        let text = "Tōkyō’s";
        assert!(is_boundary(text, 0));
        assert!(is_boundary(text, text.len()));
        assert!(!is_boundary(text, 1)); // between T and ō
        assert!(!is_boundary(text, 2)); // inside the two bytes of ō
        let apos = text.find('’').unwrap_or(0);
        assert!(is_boundary(text, apos));
        assert!(is_boundary(text, apos + '’'.len_utf8()));
        assert!(!is_boundary(text, text.len() + 1));
        assert!(is_boundary("", 0));
        assert!(is_boundary("a b", 1));
        assert!(is_boundary("a b", 2));
    }
}
