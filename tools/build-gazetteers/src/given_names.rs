//! given_names.tsv: @stdlib English first names (CC0 / PDDL), plus the first names of the
//! office holders of people.tsv (Wikidata, CC0) with their gender, so that names from other
//! languages ("Sergei", "Mohamed", "Vijay") are known too. People of countries that write the
//! family name first (China, Korea, Vietnam, Cambodia) are left out, and a first name that is
//! a lower-case dictionary word is not taken.
//!
//! Gender: a name in only one of the lists (or borne by office holders of one gender only) has
//! that gender, a name in both `unisex`. With `--ssa` (the US Social Security Administration's
//! national baby-name files `yobYYYY.txt`, public domain) the births of every listed name are
//! summed over [`SSA_YEARS`] and the counts decide instead (see [`ssa_gender`]): `male` when at
//! least 90% of the births are male, `female` when at least 90% are female, else `unisex`. A
//! name with fewer than [`SSA_MIN_BIRTHS`] births in those years (or none: most names of other
//! languages, and every name written with diacritics) keeps the lists' value, and the counts
//! never give a name the gender opposite to that of an office holder who bears it (Jean,
//! Marian, Valery, Nino): such a name is `unisex`. No name is added from the counts.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::ops::RangeInclusive;
use std::path::Path;

use crate::Row;

/// Countries whose names are written family name first in English.
pub const FAMILY_NAME_FIRST: &[&str] = &["CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH"];

/// Years of birth whose SSA counts are summed: people in the news are adults, and the staged
/// files end with 2020.
pub const SSA_YEARS: RangeInclusive<u32> = 1920..=2020;

/// Fewer births than this in [`SSA_YEARS`] decide nothing: the SSA leaves out every name given
/// to fewer than five babies of one sex in a year, so the rarer sex of a rare name is often
/// missing altogether.
pub const SSA_MIN_BIRTHS: u64 = 1000;

/// Share of the births (in percent) that makes a name male or female.
pub const SSA_SHARE_PERCENT: u64 = 90;

/// Male and female births per name (lower case), summed over [`SSA_YEARS`].
#[derive(Debug, Default)]
pub struct SsaCounts {
    pub births: HashMap<String, (u64, u64)>,
}

impl SsaCounts {
    /// Reads `DIR/yobYYYY.txt` for every year of [`SSA_YEARS`]; lines are `Name,M|F,count`.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let mut births: HashMap<String, (u64, u64)> = HashMap::new();
        for year in SSA_YEARS {
            let p = dir.join(format!("yob{year}.txt"));
            let t = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            for (i, l) in t.lines().enumerate() {
                let l = l.trim();
                if l.is_empty() {
                    continue;
                }
                let bad = || format!("{}:{}: expected `name,M|F,count`", p.display(), i + 1);
                let mut it = l.split(',');
                let (Some(name), Some(sex), Some(n), None) =
                    (it.next(), it.next(), it.next(), it.next())
                else {
                    return Err(bad());
                };
                let n: u64 = n.trim().parse().map_err(|_| bad())?;
                let e = births.entry(key(name)).or_default();
                match sex.trim() {
                    "M" => e.0 += n,
                    "F" => e.1 += n,
                    _ => return Err(bad()),
                }
            }
        }
        Ok(SsaCounts { births })
    }

    /// (male, female) births of a name, compared in lower case.
    pub fn get(&self, name: &str) -> (u64, u64) {
        self.births.get(&key(name)).copied().unwrap_or((0, 0))
    }
}

/// SSA names are ASCII: a name written with diacritics ("Béla", "Jānis", "Aimé") is of another
/// language than its plain US namesake and is not looked up.
fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The gender the counts give: `None` below [`SSA_MIN_BIRTHS`], else `male` or `female` when
/// that sex has at least [`SSA_SHARE_PERCENT`] of the births, else `unisex`.
pub fn ssa_gender(male: u64, female: u64) -> Option<&'static str> {
    let total = male + female;
    if total < SSA_MIN_BIRTHS {
        None
    } else if male * 100 >= total * SSA_SHARE_PERCENT {
        Some("male")
    } else if female * 100 >= total * SSA_SHARE_PERCENT {
        Some("female")
    } else {
        Some("unisex")
    }
}

/// The genders of the office holders who bear a first name.
#[derive(Debug, Default, Clone, Copy)]
struct Holders {
    male: bool,
    female: bool,
}

/// The final gender of a name: the lists' value `listed`, the counts' verdict, and the genders
/// of the office holders who bear it.
fn decide(listed: &'static str, counts: Option<&'static str>, holders: Holders) -> &'static str {
    match counts {
        None => listed,
        Some("male") if holders.female => "unisex",
        Some("female") if holders.male => "unisex",
        Some(g) => g,
    }
}

/// What `--ssa` did, for the converter's report.
#[derive(Debug, Default)]
pub struct SsaReport {
    /// (before, after) -> number of names.
    pub changes: BTreeMap<(&'static str, &'static str), usize>,
    pub decided: usize,
    pub too_few: usize,
    pub absent: usize,
    /// Names the counts would have given the gender opposite to an office holder's.
    pub held: Vec<String>,
}

impl std::fmt::Display for SsaReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = format!(
            "given names (SSA {}-{}): {} decided by the counts, {} with fewer than {} births and {} \
             absent keep the lists' value; changed:",
            SSA_YEARS.start(),
            SSA_YEARS.end(),
            self.decided,
            self.too_few,
            SSA_MIN_BIRTHS,
            self.absent
        );
        for ((a, b), n) in &self.changes {
            let _ = write!(s, " {a}->{b} {n},");
        }
        s.pop();
        let _ = write!(
            s,
            "\n  unisex, not the opposite of an office holder's gender: {}",
            self.held.join(", ")
        );
        writeln!(f, "{s}")
    }
}

pub fn build(
    data: &Path,
    people: &[Row],
    amb: &crate::ambiguity::Ambiguity,
    ssa: Option<&SsaCounts>,
) -> Result<(Vec<Row>, Option<SsaReport>), String> {
    let mut g: BTreeMap<String, &'static str> = BTreeMap::new();
    for (f, gender) in [
        ("male_first_names_en.txt", "male"),
        ("female_first_names_en.txt", "female"),
    ] {
        let p = data.join("stdlib-first-names").join(f);
        let t = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        for l in t.lines() {
            let n = crate::util::clean(l);
            if !crate::util::cell_ok(&n) {
                continue;
            }
            g.entry(n)
                .and_modify(|v| {
                    if *v != gender {
                        *v = "unisex"
                    }
                })
                .or_insert(gender);
        }
    }
    let mut holders: HashMap<String, Holders> = HashMap::new();
    for p in people {
        let gender = p.get("gender");
        if !(gender == "male" || gender == "female")
            || FAMILY_NAME_FIRST.contains(&p.get("country"))
        {
            continue;
        }
        let Some(first) = p.get("name").split_whitespace().next() else {
            continue;
        };
        let ok = first.chars().count() >= 2
            && first.starts_with(char::is_uppercase)
            && first.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !amb.is_word(first);
        if !ok {
            continue;
        }
        let gender: &'static str = if gender == "male" { "male" } else { "female" };
        let h = holders.entry(first.to_string()).or_default();
        if gender == "male" {
            h.male = true;
        } else {
            h.female = true;
        }
        g.entry(first.to_string())
            .and_modify(|v| {
                if *v != gender {
                    *v = "unisex"
                }
            })
            .or_insert(gender);
    }
    let report = ssa.map(|ssa| {
        let mut rep = SsaReport::default();
        for (n, v) in g.iter_mut() {
            let (m, f) = ssa.get(n);
            let counts = ssa_gender(m, f);
            match counts {
                Some(_) => rep.decided += 1,
                None if m + f == 0 => rep.absent += 1,
                None => rep.too_few += 1,
            }
            let h = holders.get(n).copied().unwrap_or_default();
            let new = decide(v, counts, h);
            if counts.is_some_and(|c| c != new) {
                rep.held.push(n.clone());
            }
            if new != *v {
                *rep.changes.entry((*v, new)).or_default() += 1;
                *v = new;
            }
        }
        rep
    });
    let rows = g
        .into_iter()
        .map(|(n, gd)| {
            let mut r = Row::new();
            r.set("name", &n);
            r.set("gender", gd);
            r
        })
        .collect();
    Ok((rows, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ninety_percent_rule() {
        assert_eq!(ssa_gender(999, 0), None);
        assert_eq!(ssa_gender(900, 100), Some("male"));
        assert_eq!(ssa_gender(899, 101), Some("unisex"));
        assert_eq!(ssa_gender(100, 900), Some("female"));
        assert_eq!(ssa_gender(500, 500), Some("unisex"));
        assert_eq!(ssa_gender(1_162_126, 7_838), Some("male")); // George, 1920-2020
    }

    #[test]
    fn holders_and_thin_counts() {
        let none = Holders::default();
        let men = Holders {
            male: true,
            female: false,
        };
        // counts override the lists
        assert_eq!(decide("unisex", Some("male"), none), "male");
        assert_eq!(decide("male", Some("female"), none), "female");
        // too few births: the lists' value stays
        assert_eq!(decide("male", None, men), "male");
        // never the opposite of an office holder's gender
        assert_eq!(decide("unisex", Some("female"), men), "unisex");
        assert_eq!(decide("male", Some("unisex"), men), "unisex");
        assert_eq!(decide("male", Some("male"), men), "male");
    }

    #[test]
    fn counts_are_summed_over_the_years() {
        let dir = std::env::temp_dir().join(format!("ssa-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for y in SSA_YEARS {
            let t = if y == 1950 {
                "Mary,F,7\nMary,M,1\nJose,M,3\n"
            } else {
                "Mary,F,2\nJose,M,2\n"
            };
            std::fs::write(dir.join(format!("yob{y}.txt")), t).unwrap();
        }
        let c = SsaCounts::load(&dir).unwrap();
        let years = (SSA_YEARS.end() - SSA_YEARS.start()) as u64;
        assert_eq!(c.get("Mary"), (1, 7 + 2 * years));
        assert_eq!(c.get("JOSE"), (3 + 2 * years, 0));
        assert_eq!(c.get("José"), (0, 0));
        assert_eq!(c.get("Nobody"), (0, 0));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
