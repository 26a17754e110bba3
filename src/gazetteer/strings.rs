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
    /// At most two thirds full (or empty). A string's probe sequence starts at the slot its
    /// hash maps to and goes on to the next, wrapping around.
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
        self.probe(s, hash(s)).ok()
    }

    /// The number of `s` (of hash `h`), or the empty slot where its probe sequence ends.
    #[inline]
    fn probe(&self, s: &str, h: u64) -> Result<u32, usize> {
        let tag = (h >> 32) as u32;
        let mut i = home(h, self.slots.len());
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                return Err(i);
            }
            if slot.tag == tag && self.get(slot.id - 1) == s {
                return Ok(slot.id - 1);
            }
            i = next(i, self.slots.len());
        }
    }

    /// The number of `s`, adding it if it is new, and whether it was.
    pub(crate) fn insert(&mut self, s: &str) -> Result<(u32, bool), TooLarge> {
        let id = u32::try_from(self.ends.len()).map_err(|_| TooLarge)?;
        if id == u32::MAX {
            return Err(TooLarge);
        }
        if self.slots.len() < slots_for(self.ends.len() + 1) {
            self.grow();
        }
        let h = hash(s);
        let free = match self.probe(s, h) {
            Ok(found) => return Ok((found, false)),
            Err(free) => free,
        };
        let end = u32::try_from(self.text.len() + s.len()).map_err(|_| TooLarge)?;
        self.text.push_str(s);
        self.ends.push(end);
        self.slots[free] = Slot {
            tag: (h >> 32) as u32,
            id: id + 1,
        };
        Ok((id, true))
    }

    /// Doubles the index and places every string again.
    fn grow(&mut self) {
        let size = slots_for(self.ends.len() + 1).max(self.slots.len() * 2);
        self.slots = vec![Slot::default(); size];
        let mut start = 0;
        for id in 0..self.ends.len() {
            let end = self.ends[id] as usize;
            place(&mut self.slots, hash(&self.text[start..end]), id as u32);
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

/// The index of each loaded entry by its id: `get` and `contains_key` as on a
/// `HashMap<String, usize>`, at less than half its memory (the ids end to end in one
/// buffer, no allocation per id).
#[derive(Debug, Default)]
pub(crate) struct Ids {
    ids: StrSet,
    index: Vec<usize>,
}

impl Ids {
    /// Room for `n` ids.
    pub(crate) fn with_capacity(n: usize) -> Ids {
        Ids {
            ids: StrSet::with_capacity(n, n * 16),
            index: Vec::with_capacity(n),
        }
    }

    /// The index of the entry of this id.
    pub(crate) fn get(&self, id: &str) -> Option<&usize> {
        self.ids.find(id).and_then(|k| self.index.get(k as usize))
    }

    /// Whether an entry has this id.
    pub(crate) fn contains_key(&self, id: &str) -> bool {
        self.ids.find(id).is_some()
    }

    /// The number of ids.
    #[allow(dead_code)] // for the passes, as on a map
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// The index of the entry of this id, or `Err` with `index`, which the id now gives.
    pub(crate) fn get_or_insert(
        &mut self,
        id: &str,
        index: usize,
    ) -> Result<Result<usize, usize>, TooLarge> {
        let (k, new) = self.ids.insert(id)?;
        if new {
            self.index.push(index);
            Ok(Err(index))
        } else {
            Ok(Ok(self.index[k as usize]))
        }
    }
}

/// Slots for `n` strings: half as many again, so that a table is at most two thirds full
/// and probe sequences stay short (a lookup that fails, the usual case when reading text,
/// stops at an empty slot; the tags spare it reading the strings it passes).
fn slots_for(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n + n / 2).max(16)
    }
}

/// The first slot of a hash's probe sequence in a table of `len` slots: the low half of the
/// hash scaled to the table (Lemire's multiply-shift, any `len`).
#[inline]
fn home(h: u64, len: usize) -> usize {
    (((h & 0xFFFF_FFFF) * len as u64) >> 32) as usize
}

#[inline]
fn next(i: usize, len: usize) -> usize {
    if i + 1 == len {
        0
    } else {
        i + 1
    }
}

/// Puts string `id` (of hash `h`) in the first free slot of its probe sequence.
fn place(slots: &mut [Slot], h: u64, id: u32) {
    let mut i = home(h, slots.len());
    while slots[i].id != 0 {
        i = next(i, slots.len());
    }
    slots[i] = Slot {
        tag: (h >> 32) as u32,
        id: id + 1,
    };
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
