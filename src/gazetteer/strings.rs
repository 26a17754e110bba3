//! A set of distinct strings numbered in insertion order, kept end to end in one buffer and
//! found through an open-addressing index of `(hash tag, number)` slots.
//!
//! It stands in for a `HashMap<String, u32>` plus a `Vec<String>` of the same strings: one
//! allocation for all the text instead of two per string, 8 bytes of index per slot, and
//! lookups by `&str` that allocate nothing. The matcher keeps its patterns (up to a few
//! million) and their first tokens in it.

use std::hash::BuildHasher;

/// The hash of the strings. Keys are gazetteer patterns (not chosen by whoever writes the
/// text being read: text is only looked up), so a fast, fixed-seed hash is enough.
fn hash(s: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x6761_7a65_7474_6521).hash_one(s)
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The high half of the string's hash, compared before the bytes.
    tag: u32,
    /// The string's number plus one; 0 is an empty slot.
    id: u32,
}

/// Distinct strings numbered from 0 in insertion order.
#[derive(Debug, Default)]
pub(crate) struct StrSet {
    text: String,
    /// `ends[i]` is the end of string `i` in `text`; it starts where string `i - 1` ends.
    ends: Vec<u32>,
    /// A power of two long (or empty), at most half full.
    slots: Vec<Slot>,
}

/// The set would pass 4 GiB of text or 2³² - 1 strings.
#[derive(Debug)]
pub(crate) struct TooLarge;

impl StrSet {
    /// An empty set with room for `strings` strings of `bytes` bytes in all.
    pub(crate) fn with_capacity(strings: usize, bytes: usize) -> StrSet {
        StrSet {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(strings),
            slots: vec![Slot::default(); slots_for(strings)],
        }
    }

    /// The number of strings.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// String number `id`; empty for a number not in the set.
    pub(crate) fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let Some(&end) = self.ends.get(id) else {
            return "";
        };
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// The number of `s`, if it is in the set.
    #[inline]
    pub(crate) fn find(&self, s: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let h = hash(s);
        let tag = (h >> 32) as u32;
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                return None;
            }
            if slot.tag == tag && self.get(slot.id - 1) == s {
                return Some(slot.id - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of `s`, adding it if it is new, and whether it was.
    pub(crate) fn insert(&mut self, s: &str) -> Result<(u32, bool), TooLarge> {
        if let Some(id) = self.find(s) {
            return Ok((id, false));
        }
        let id = u32::try_from(self.ends.len()).map_err(|_| TooLarge)?;
        let end = u32::try_from(self.text.len() + s.len()).map_err(|_| TooLarge)?;
        if id == u32::MAX {
            return Err(TooLarge);
        }
        if self.slots.len() < slots_for(self.ends.len() + 1) {
            self.grow();
        }
        self.text.push_str(s);
        self.ends.push(end);
        self.place(s, id);
        Ok((id, true))
    }

    /// Puts string `id` (whose text is `s`) in the first free slot of its probe sequence.
    fn place(&mut self, s: &str, id: u32) {
        let h = hash(s);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        while self.slots[i].id != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot {
            tag: (h >> 32) as u32,
            id: id + 1,
        };
    }

    /// Doubles the index and places every string again.
    fn grow(&mut self) {
        let size = slots_for(self.ends.len() + 1).max(self.slots.len() * 2);
        self.slots = vec![Slot::default(); size];
        let mut start = 0;
        for id in 0..self.ends.len() {
            let end = self.ends[id] as usize;
            let h = hash(&self.text[start..end]);
            let mask = size - 1;
            let mut i = h as usize & mask;
            while self.slots[i].id != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = Slot {
                tag: (h >> 32) as u32,
                id: id as u32 + 1,
            };
            start = end;
        }
    }

    /// Frees the spare capacity of the text and the numbering.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// The bytes held: text, ends and index.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4 + self.slots.capacity() * 8
    }
}

/// Slots for `n` strings: a power of two, at least twice `n` (linear probing stays short,
/// and a lookup that fails, the common case when reading text, stops at an empty slot soon).
fn slots_for(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n * 2).next_power_of_two().max(16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_insertion_order_and_finds_by_text() {
        let mut set = StrSet::default();
        assert_eq!(set.find("a"), None);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(set.insert(w).unwrap(), (i as u32, true));
        }
        assert_eq!(set.insert("w7").unwrap(), (7, false));
        assert_eq!(set.len(), 1000);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(set.find(w), Some(i as u32));
            assert_eq!(set.get(i as u32), w);
        }
        assert_eq!(set.find("w1000"), None);
        assert_eq!(set.find(""), None);
        assert_eq!(set.get(5000), "");
        assert_eq!(set.insert("").unwrap(), (1000, true));
        assert_eq!(set.find(""), Some(1000));
        assert_eq!(set.get(1000), "");
        assert!(set.heap_bytes() > 0);
    }

    #[test]
    fn presized_set_grows_past_its_capacity() {
        let mut set = StrSet::with_capacity(2, 4);
        for i in 0..100 {
            set.insert(&format!("Ünïcode {i}")).unwrap();
        }
        set.shrink_to_fit();
        assert_eq!(set.find("Ünïcode 99"), Some(99));
        assert_eq!(set.get(42), "Ünïcode 42");
    }
}
