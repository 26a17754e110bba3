//! Names of people as resolution reads them: surnames, first words, given-name variants, and
//! the indexes that make each lookup O(1).

use super::Builder;
use crate::gazetteer::{Gazetteer, StrSet};
use crate::hash::FastMap;
use crate::EntityKind;

/// Surnames of the gazetteer's people: last word of each name and alias → entries, in
/// entry order. The surnames are kept end to end in one buffer and the entries in one
/// list (a map of a `String` and a `Vec` per surname took 100 MB for a million aliases).
#[derive(Debug, Default)]
pub(crate) struct SurnameIndex {
    surnames: StrSet,
    /// The entries of surname `s` are `entries[starts[s]..starts[s + 1]]`.
    starts: Vec<u32>,
    entries: Vec<usize>,
}

impl SurnameIndex {
    pub(crate) fn build(gaz: &Gazetteer) -> SurnameIndex {
        // The distinct surnames of each person, in the order of their names and aliases.
        let each = |f: &mut dyn FnMut(usize, &str)| {
            let mut seen: Vec<&str> = Vec::new();
            for (i, e) in gaz.entries.iter().enumerate() {
                if e.kind != EntityKind::Person {
                    continue;
                }
                seen.clear();
                for n in std::iter::once(&e.name).chain(&e.aliases) {
                    if let Some(s) = surname(n) {
                        if !seen.contains(&s) {
                            seen.push(s);
                            f(i, s);
                        }
                    }
                }
            }
        };
        // Count the entries of each surname, then place them.
        let mut surnames = StrSet::default();
        let mut counts: Vec<u32> = Vec::new();
        let mut too_many = false;
        each(&mut |_, s| match surnames.insert(s) {
            Ok((k, new)) => {
                if new {
                    counts.push(0);
                }
                counts[k as usize] += 1;
            }
            Err(_) => too_many = true,
        });
        if too_many {
            // Over 4 GiB of surnames: no index rather than a wrong one.
            return SurnameIndex::default();
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        starts.push(0u32);
        for c in &counts {
            starts.push(starts[starts.len() - 1] + c);
        }
        let mut next = starts.clone();
        let mut entries = vec![0; starts[starts.len() - 1] as usize];
        each(&mut |i, s| {
            if let Some(k) = surnames.find(s) {
                let at = &mut next[k as usize];
                entries[*at as usize] = i;
                *at += 1;
            }
        });
        surnames.shrink_to_fit();
        SurnameIndex {
            surnames,
            starts,
            entries,
        }
    }

    pub(crate) fn unique(&self, surname: &str) -> Option<usize> {
        match self.all(surname) {
            [one] => Some(*one),
            _ => None,
        }
    }

    pub(crate) fn all(&self, surname: &str) -> &[usize] {
        let Some(k) = self.surnames.find(surname) else {
            return &[];
        };
        let k = k as usize;
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&a), Some(&b)) => self.entries.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The last word of a name of two words or more.
pub(super) fn surname(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let last = words.next_back()?;
    (first != last).then_some(last)
}

/// Whitespace collapsed, a leading "the " dropped.
pub(super) fn canonical(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")) {
        Some(rest) if rest.contains(' ') => rest.to_string(),
        _ => s,
    }
}

/// Whether two given names are the same name written differently: equal after folding
/// common transliteration differences, one the other's initial, or one a clipped form of
/// the other of three letters or more ("Ken"/"Kenneth").
pub(crate) fn given_variants(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |x: &str, y: &str| {
        let x = x.trim_end_matches('.');
        x.chars().count() == 1 && y.starts_with(x)
    };
    if initial(a, b) || initial(b, a) {
        return true;
    }
    // A clipped form: "Ken" for "Kenneth", "Chris" for "Christopher".
    let clipped =
        |x: &str, y: &str| x.chars().count() >= 3 && y.len() > x.len() && y.starts_with(x);
    if clipped(a, b) || clipped(b, a) {
        return true;
    }
    fold_given(a) == fold_given(b)
}

/// Letters that transliterations of one name write differently, folded to one spelling.
/// A table of spellings, not of words: "Sergey"/"Sergei", "Yevgeny"/"Evgeniy".
fn fold_given(s: &str) -> String {
    let mut t = s.to_lowercase();
    for (from, to) in [
        ("iy", "i"),
        ("yy", "i"),
        ("ey", "ei"),
        ("ye", "e"),
        ("ks", "x"),
        ("ph", "f"),
        ("y", "i"),
        ("j", "i"),
    ] {
        t = t.replace(from, to);
    }
    t
}

/// The surnames and first words of the document's people, for short forms: built in one
/// pass over the entities and mentions, so looking a word up costs O(1).
#[derive(Default)]
pub(super) struct DocNames {
    /// Last word of a person's name, of a multi-word mention, or of a gazetteer alias; and
    /// the capitalised middle words of a name of three words or more.
    surnames: FastMap<String, Vec<usize>>,
    /// First word of a person's name of two words or more.
    first_words: FastMap<String, Vec<usize>>,
    /// How many entities are indexed.
    indexed: usize,
}

impl DocNames {
    pub(super) fn build(b: &Builder<'_>) -> DocNames {
        let mut names = DocNames::default();
        names.update(b);
        for m in &b.out.mentions {
            if b.out.entities[m.entity].kind == EntityKind::Person {
                if let Some(last) = surname(&b.text[m.span]) {
                    push_unique(
                        names.surnames.entry(last.to_string()).or_default(),
                        m.entity,
                    );
                }
            }
        }
        names
    }

    /// Indexes the entities added since the last call.
    pub(super) fn update(&mut self, b: &Builder<'_>) {
        for (i, e) in b.out.entities.iter().enumerate().skip(self.indexed) {
            if e.kind != EntityKind::Person {
                continue;
            }
            let aliases = e
                .entry
                .map_or(&[][..], |entry| &b.gaz.entry(entry).aliases[..]);
            for n in std::iter::once(e.name.as_str()).chain(aliases.iter().map(|a| a.as_ref())) {
                if let Some(last) = surname(n) {
                    index_under(&mut self.surnames, last, i);
                }
            }
            let words: Vec<&str> = e.name.split_whitespace().collect();
            if let [first, _, ..] = words.as_slice() {
                index_under(&mut self.first_words, first, i);
            }
            // A long name is often shortened to a middle word ("Lula" for "Luiz Inácio Lula
            // da Silva"): capitalised and not a listed word; like a surname it counts only when
            // one person of the document has it.
            if words.len() >= 3 {
                for w in &words[1..words.len() - 1] {
                    let capitalised = w.starts_with(char::is_uppercase) && w.chars().count() >= 3;
                    if capitalised && !b.gaz.name_words.contains_key(*w) {
                        index_under(&mut self.surnames, w, i);
                    }
                }
            }
        }
        self.indexed = b.out.entities.len();
    }

    /// The one person with this surname; `None` when nobody or several people have it.
    pub(super) fn surname(&self, word: &str) -> Option<usize> {
        only(self.surnames.get(word))
    }

    /// Every person with this surname (or capitalised middle word), in entity order.
    pub(super) fn surname_holders(&self, word: &str) -> &[usize] {
        self.surnames.get(word).map_or(&[], Vec::as_slice)
    }

    /// The one person whose name starts with this word, for names written family name
    /// first ("President Park" for "Park Sun Hee"). A bare word that is a known given name
    /// is not taken (after a title it is a surname: "President Park").
    pub(super) fn family_name_first(
        &self,
        gaz: &Gazetteer,
        word: &str,
        after_title: bool,
    ) -> Option<usize> {
        if !after_title && gaz.given_names.contains_key(word) {
            return None;
        }
        only(self.first_words.get(word))
    }
}

/// Adds entity `e` to the list of `key`, once; the key is copied only when it is new.
fn index_under(map: &mut FastMap<String, Vec<usize>>, key: &str, e: usize) {
    match map.get_mut(key) {
        Some(list) => push_unique(list, e),
        None => {
            map.insert(key.to_string(), vec![e]);
        }
    }
}

pub(super) fn push_unique(list: &mut Vec<usize>, e: usize) {
    if !list.contains(&e) {
        list.push(e);
    }
}

fn only(list: Option<&Vec<usize>>) -> Option<usize> {
    match list.map(Vec::as_slice) {
        Some([one]) => Some(*one),
        _ => None,
    }
}

/// The gazetteer person with this surname: the only one, or the only one holding the
/// title's role.
pub(super) fn gazetteer_surname(
    gaz: &Gazetteer,
    surnames: &SurnameIndex,
    word: &str,
    role: Option<&str>,
) -> Option<usize> {
    if let Some(e) = surnames.unique(word) {
        return Some(e);
    }
    let role = role?;
    let holders: Vec<usize> = surnames
        .all(word)
        .iter()
        .copied()
        .filter(|&e| gaz.entry(e).roles.iter().any(|r| r.role == role))
        .collect();
    match holders.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "George H. Ruiz" is not "George W. Ruiz": the middle names two forms of a name both give
/// agree, their periods and spaces aside ("H.W." and "H. W."); a form without one agrees
/// with any.
pub(super) fn middles_agree(a: &str, b: &str) -> bool {
    let (x, y) = (middle_letters(a), middle_letters(b));
    x.clone().next().is_none() || y.clone().next().is_none() || x.eq(y)
}

/// The letters of the words between a name's first and last word, without periods.
fn middle_letters(name: &str) -> impl Iterator<Item = char> + Clone + '_ {
    let inner = name.split_whitespace().count().saturating_sub(2);
    name.split_whitespace()
        .skip(1)
        .take(inner)
        .flat_map(str::chars)
        .filter(|&c| c != '.')
}

/// "Vladimir V. Ostrov", "Ana M. J. Ruiz": a person's name with initials between the given
/// name and the surname is the one gazetteer person named (or aliased) the same without
/// them.
pub(super) fn gazetteer_without_initials(
    gaz: &Gazetteer,
    surnames: &SurnameIndex,
    name: &str,
) -> Option<usize> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, middle @ .., last] = words.as_slice() else {
        return None;
    };
    let initial = |w: &str| {
        w.strip_suffix('.')
            .is_some_and(|c| c.chars().count() == 1 && c.chars().all(char::is_uppercase))
    };
    if middle.is_empty() || !middle.iter().all(|w| initial(w)) || initial(first) {
        return None;
    }
    let short = format!("{first} {last}");
    let mut found = surnames.all(last).iter().copied().filter(|&e| {
        let entry = gaz.entry(e);
        entry.name == short || entry.aliases.iter().any(|a| *a == short)
    });
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_names_must_agree_when_both_give_one() {
        assert!(middles_agree("George H.W. Ruiz", "George H. W. Ruiz"));
        assert!(middles_agree("George Ruiz", "George W. Ruiz"));
        assert!(!middles_agree("George H.W. Ruiz", "George W. Ruiz"));
    }

    #[test]
    fn variants_and_surnames() {
        assert!(given_variants("Sergey", "Sergei"));
        assert!(given_variants("S.", "Sergei"));
        assert!(!given_variants("Sergei", "Pavel"));
        assert!(given_variants("Ken", "Kenneth"));
        assert!(given_variants("Christopher", "Chris"));
        assert!(!given_variants("Jo", "John"));
        assert_eq!(surname("Hana Mori"), Some("Mori"));
        assert_eq!(surname("Mori"), None);
        assert_eq!(
            canonical("the  Ohio State   University"),
            "Ohio State University"
        );
    }
}
