//! The hash maps and sets of the crate's own bookkeeping.
//!
//! They use [`foldhash`]'s fast hash, seeded at random per map like the standard library's,
//! instead of SipHash: the keys are short (words, names, offsets) and looked up millions of
//! times per megabyte, where SipHash costs several times more. The random seed keeps the
//! minimal resistance to chosen collisions that keys taken from a document's text call for.
//! Nothing the crate reports depends on the order of a map's entries.

use std::collections::{HashMap, HashSet};

/// A `HashMap` with a fast, randomly seeded hash.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with a fast, randomly seeded hash.
pub(crate) type FastSet<T> = HashSet<T, foldhash::fast::RandomState>;
