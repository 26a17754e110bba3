//! Per-token tables packed into bits: the name pass keeps several tables with one small
//! value per token, and in a long document a byte per token and table adds up (a 50 MB
//! article has some ten million tokens).
//!
//! Reading past the end gives the default value (`false`, or the first of the
//! [`TwoBits::ALL`] values) and writing past it does nothing, so no index can panic.

use std::marker::PhantomData;
use std::ops::Index;

/// One flag per index, 64 to a word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Flags {
    words: Vec<u64>,
    len: usize,
}

impl Flags {
    /// `len` flags, all false.
    pub(crate) fn new(len: usize) -> Flags {
        Flags {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The flag at `i`; false past the end.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Sets the flag at `i` (nothing past the end).
    #[inline]
    pub(crate) fn set(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    /// Sets the flags from `from` up to `to` (excluded), `to` cut at the end.
    pub(crate) fn set_range(&mut self, from: usize, to: usize) {
        for i in from..to.min(self.len) {
            self.set(i);
        }
    }
}

impl Index<usize> for Flags {
    type Output = bool;

    /// `flags[i]` reads like a `[bool]`.
    #[inline]
    fn index(&self, i: usize) -> &bool {
        if self.get(i) {
            &true
        } else {
            &false
        }
    }
}

/// A type with four values, stored in two bits by [`Quads`].
pub(crate) trait TwoBits: Copy + PartialEq + 'static {
    /// The four values; the first is the default.
    const ALL: &'static [Self; 4];
}

impl TwoBits for Option<crate::EntityKind> {
    const ALL: &'static [Self; 4] = &[
        None,
        Some(crate::EntityKind::Person),
        Some(crate::EntityKind::Place),
        Some(crate::EntityKind::Institution),
    ];
}

/// One [`TwoBits`] value per index, 32 to a word.
#[derive(Clone, Debug)]
pub(crate) struct Quads<T> {
    words: Vec<u64>,
    len: usize,
    kind: PhantomData<T>,
}

impl<T: TwoBits> Quads<T> {
    /// `len` values, all the default (`T::ALL[0]`).
    pub(crate) fn new(len: usize) -> Quads<T> {
        Quads {
            words: vec![0; len.div_ceil(32)],
            len,
            kind: PhantomData,
        }
    }

    /// The code of the value at `i`; 0 (the default) past the end.
    #[inline]
    fn code(&self, i: usize) -> usize {
        self.words
            .get(i / 32)
            .map_or(0, |w| (w >> (2 * (i % 32)) & 3) as usize)
    }

    /// Sets the value at `i` (nothing past the end).
    #[inline]
    pub(crate) fn set(&mut self, i: usize, value: T) {
        if i >= self.len {
            return;
        }
        let code = T::ALL.iter().position(|&v| v == value).unwrap_or(0) as u64;
        let shift = 2 * (i % 32);
        let word = &mut self.words[i / 32];
        *word = *word & !(3 << shift) | code << shift;
    }

    /// Sets the values from `from` up to `to` (excluded), `to` cut at the end.
    pub(crate) fn set_range(&mut self, from: usize, to: usize, value: T) {
        for i in from..to.min(self.len) {
            self.set(i, value);
        }
    }
}

impl<T: TwoBits> Index<usize> for Quads<T> {
    type Output = T;

    /// `quads[i]` reads like a slice.
    #[inline]
    fn index(&self, i: usize) -> &T {
        &T::ALL[self.code(i)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Four {
        A,
        B,
        C,
        D,
    }

    impl TwoBits for Four {
        const ALL: &'static [Four; 4] = &[Four::A, Four::B, Four::C, Four::D];
    }

    #[test]
    fn flags_set_read_and_ignore_the_outside() {
        let mut f = Flags::new(130);
        f.set(0);
        f.set_range(63, 66);
        f.set(129);
        f.set(130);
        f.set_range(128, 999);
        let on: Vec<usize> = (0..200).filter(|&i| f[i]).collect();
        assert_eq!(on, [0, 63, 64, 65, 128, 129]);
        assert!(!f.get(10_000));
    }

    #[test]
    fn quads_set_read_and_ignore_the_outside() {
        let mut q = Quads::<Four>::new(70);
        q.set(1, Four::D);
        q.set_range(30, 34, Four::C);
        q.set(31, Four::B);
        q.set(69, Four::D);
        q.set(70, Four::D);
        assert_eq!(q[0], Four::A);
        assert_eq!(q[1], Four::D);
        assert_eq!(
            [q[30], q[31], q[32], q[33], q[34]],
            [Four::C, Four::B, Four::C, Four::C, Four::A]
        );
        assert_eq!(q[69], Four::D);
        assert_eq!(q[70], Four::A);
        q.set(1, Four::A);
        assert_eq!(q[1], Four::A);
    }
}
