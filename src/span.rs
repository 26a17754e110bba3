//! Byte spans into the one original text.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into a document's text.
///
/// Every piece of a [`Document`](crate::Document) (paragraph, sentence, token, mention) is a
/// `Span` into the original string, so it can be turned back into text by indexing:
///
/// ```
/// use gazette::Span;
/// let text = "Brekov met Mori.";
/// let span = Span::new(0, 6);
/// assert_eq!(&text[span], "Brekov");
/// assert_eq!(format!("{span:?}"), "0..6");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. `start` must not exceed `end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// The number of bytes covered.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// The items of `items` (sorted by start) that start inside `span`: a binary search, so that
/// passes looking at one sentence or clause never scan the whole document.
pub(crate) fn starting_within<T>(items: &[T], span: Span, key: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|t| key(t).start < span.start);
    let to = items.partition_point(|t| key(t).start < span.end);
    &items[from..to.max(from)]
}

/// The first item of `items` (sorted by start) that starts exactly at `start`, if any.
pub(crate) fn starting_at<T>(items: &[T], start: usize, key: impl Fn(&T) -> Span) -> Option<&T> {
    let i = items.partition_point(|t| key(t).start < start);
    items.get(i).filter(|t| key(t).start == start)
}

/// The item of `items` (sorted by start, not overlapping each other) that ends exactly at
/// `end`, if any.
pub(crate) fn ending_at<T>(items: &[T], end: usize, key: impl Fn(&T) -> Span) -> Option<&T> {
    let i = items.partition_point(|t| key(t).start < end);
    i.checked_sub(1)
        .map(|i| &items[i])
        .filter(|t| key(t).end == end)
}

/// The item of `items` (sorted by start, not overlapping each other) that overlaps `span`.
pub(crate) fn overlapping<T>(items: &[T], span: Span, key: impl Fn(&T) -> Span) -> Option<&T> {
    let i = items.partition_point(|t| key(t).end <= span.start);
    items.get(i).filter(|t| key(t).overlaps(span))
}

/// [`overlapping`] for spans asked in text order: each answer starts from the last one,
/// so a pass asking once per token walks `items` once instead of searching all of them
/// each time (a search misses the cache at every step in a long document). A span before
/// the last one asked is still answered, by a search.
pub(crate) struct Walk<'a, T, K> {
    items: &'a [T],
    key: K,
    /// `items.partition_point(|t| key(t).end <= last)`.
    at: usize,
    last: usize,
}

impl<'a, T, K: Fn(&T) -> Span> Walk<'a, T, K> {
    /// A walk over `items`, sorted by start and not overlapping each other.
    pub(crate) fn new(items: &'a [T], key: K) -> Self {
        Walk {
            items,
            key,
            at: 0,
            last: 0,
        }
    }

    /// The item that overlaps `span`, as [`overlapping`] gives it.
    pub(crate) fn overlapping(&mut self, span: Span) -> Option<&'a T> {
        let (items, key) = (self.items, &self.key);
        let ends_before = |t: &T| key(t).end <= span.start;
        if span.start < self.last {
            self.at = items.partition_point(ends_before);
        } else {
            // A few steps forward, else a search of the rest.
            let mut steps = 0;
            while items.get(self.at).is_some_and(ends_before) {
                self.at += 1;
                steps += 1;
                if steps == 8 {
                    self.at += items[self.at..].partition_point(ends_before);
                    break;
                }
            }
        }
        self.last = span.start;
        items.get(self.at).filter(|t| key(t).overlaps(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_str_and_prints_range() {
        let text = "Moscow’s view";
        let s = Span::new(0, 6);
        assert_eq!(&text[s], "Moscow");
        assert_eq!(format!("{s:?}"), "0..6");
        assert_eq!(s.len(), 6);
        assert!(!s.is_empty());
    }

    #[test]
    fn searches_over_sorted_spans() {
        let spans = [Span::new(0, 3), Span::new(5, 9), Span::new(12, 15)];
        let id = |s: &Span| *s;
        assert_eq!(starting_within(&spans, Span::new(4, 13), id), &spans[1..3]);
        assert!(starting_within(&spans, Span::new(16, 20), id).is_empty());
        assert_eq!(starting_at(&spans, 5, id), Some(&spans[1]));
        assert_eq!(starting_at(&spans, 6, id), None);
        assert_eq!(starting_at(&spans, 16, id), None);
        let same_start = [Span::new(2, 4), Span::new(2, 7)];
        assert_eq!(starting_at(&same_start, 2, id), Some(&same_start[0]));
        assert_eq!(ending_at(&spans, 9, id), Some(&spans[1]));
        assert_eq!(ending_at(&spans, 8, id), None);
        assert_eq!(overlapping(&spans, Span::new(8, 10), id), Some(&spans[1]));
        assert_eq!(overlapping(&spans, Span::new(9, 12), id), None);
    }

    #[test]
    fn a_walk_answers_as_the_search_in_any_order() {
        let spans: Vec<Span> = (0..40).map(|i| Span::new(i * 5, i * 5 + 3)).collect();
        let id = |s: &Span| *s;
        let mut walk = Walk::new(&spans, id);
        // In text order, with jumps, then backwards.
        let queries = (0..210)
            .step_by(2)
            .chain([7, 150, 151, 30, 0, 199, 2])
            .map(|start| Span::new(start, start + 2));
        for q in queries {
            assert_eq!(walk.overlapping(q), overlapping(&spans, q, id), "{q:?}");
        }
        assert_eq!(
            Walk::new(&[] as &[Span], id).overlapping(Span::new(0, 1)),
            None
        );
    }

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        let c = Span::new(10, 12);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(c));
        assert!(a.contains(Span::new(2, 10)));
        assert!(!a.contains(b));
    }
}
