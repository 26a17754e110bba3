//! given_names.tsv: @stdlib English first names (CC0 / PDDL), plus the first names of the
//! office holders of people.tsv (Wikidata, CC0) with their gender, so that names from other
//! languages ("Sergei", "Mohamed", "Vijay") are known too. People of countries that write the
//! family name first (China, Korea, Vietnam, Cambodia) are left out, and a first name that is
//! a lower-case dictionary word is not taken.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Row;

/// Countries whose names are written family name first in English.
pub const FAMILY_NAME_FIRST: &[&str] = &["CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH"];

pub fn build(
    data: &Path,
    people: &[Row],
    amb: &crate::ambiguity::Ambiguity,
) -> Result<Vec<Row>, String> {
    let mut g: BTreeMap<String, &str> = BTreeMap::new();
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
        g.entry(first.to_string())
            .and_modify(|v| {
                if *v != gender {
                    *v = "unisex"
                }
            })
            .or_insert(gender);
    }
    Ok(g.into_iter()
        .map(|(n, gd)| {
            let mut r = Row::new();
            r.set("name", &n);
            r.set("gender", gd);
            r
        })
        .collect())
}
