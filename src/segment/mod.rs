//! Placeholder until the segmentation module lands.

/// Whether `c` is part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `offset` (a char boundary) is between two tokens rather than inside a word.
pub(crate) fn is_boundary(text: &str, offset: usize) -> bool {
    let before = text[..offset].chars().next_back();
    let after = text[offset..].chars().next();
    !matches!((before, after), (Some(a), Some(b)) if is_word_char(a) && is_word_char(b))
}
