//! given_names.tsv: @stdlib English first names (CC0 / PDDL).

use std::collections::BTreeMap;
use std::path::Path;

use crate::Row;

pub fn build(data: &Path) -> Result<Vec<Row>, String> {
    let mut g: BTreeMap<String, &str> = BTreeMap::new();
    for (f, gender) in [("male_first_names_en.txt", "male"), ("female_first_names_en.txt", "female")] {
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
    Ok(g
        .into_iter()
        .map(|(n, gd)| {
            let mut r = Row::new();
            r.set("name", &n);
            r.set("gender", gd);
            r
        })
        .collect())
}
