//! institutions.tsv: news publishers (fundus, MIT) and generated national foreign and
//! defence ministries for every country in places.tsv.

use std::collections::BTreeSet;
use std::path::Path;

use crate::places::Places;
use crate::util::{push_alias, slug};
use crate::{read_csv, Row};

pub fn build(
    data: &Path,
    places: &Places,
    amb: &crate::ambiguity::Ambiguity,
) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    let mut ids = BTreeSet::new();

    // fundus publishers
    for r in read_csv(&data.join("fundus-publishers/publishers.csv"))? {
        let name = crate::util::clean(&r["name"]);
        if name.is_empty() {
            continue;
        }
        let cc = match r["country_group"].as_str() {
            "uk" => "GB".to_string(),
            "ind" => "IN".to_string(),
            "isl" => "IS".to_string(),
            c => c.to_uppercase(),
        };
        let mut id = format!("gz:news-{}", slug(&name));
        if !ids.insert(id.clone()) {
            id = format!("gz:news-{}-{}", slug(&name), cc.to_lowercase());
            if !ids.insert(id.clone()) {
                continue;
            }
        }
        let mut aliases = Vec::new();
        if let Some(rest) = name.strip_prefix("The ") {
            push_alias(&mut aliases, &name, rest);
        }
        push_alias(&mut aliases, &name, &crate::util::fold(&name));
        let mut row = Row::new();
        row.set("id", &id);
        row.set("name", &name);
        row.set_list("aliases", &aliases);
        let mut forms = vec![name.clone()];
        forms.extend(aliases.iter().cloned());
        row.set_list("ambiguous", &amb.word_flags(&forms));
        row.set("type", "news");
        if places.codes.contains(&cc) {
            row.set("country", &cc);
        }
        rows.push(row);
    }

    // ministries
    for c in places.countries.iter().filter(|c| c.kind == "country") {
        let the = if c.the { "the " } else { "" };
        let n = &c.name;
        let poss = |apo: &str| {
            if n.ends_with('s') {
                format!("{n}{apo}")
            } else {
                format!("{n}{apo}s")
            }
        };
        let adj = c.adjective.as_ref().filter(|a| {
            !a.contains(' ') && !a.contains('(') && a.chars().next().is_some_and(char::is_uppercase)
        });

        // foreign ministry
        let name = format!("Ministry of Foreign Affairs of {the}{n}");
        let mut al = Vec::new();
        if let Some(a) = adj {
            for f in [
                "{A} Foreign Ministry",
                "{A} foreign ministry",
                "{A} Ministry of Foreign Affairs",
                "{A} Foreign Affairs Ministry",
            ] {
                push_alias(&mut al, &name, &f.replace("{A}", a));
            }
        }
        if c.the.then_some(()).is_none() {
            for apo in ["'", "’"] {
                push_alias(&mut al, &name, &format!("{} Foreign Ministry", poss(apo)));
            }
        }
        push_alias(&mut al, &name, &format!("Foreign Ministry of {the}{n}"));
        let mut row = Row::new();
        row.set("id", &format!("gz:mfa-{}", c.iso3));
        row.set("name", &name);
        row.set_list("aliases", &al);
        row.set("type", "ministry");
        row.set("country", &c.iso2);
        rows.push(row);

        // defence ministry
        let name = format!("Ministry of Defence of {the}{n}");
        let mut al = Vec::new();
        for sp in ["Defence", "Defense"] {
            let sl = sp.to_lowercase();
            if let Some(a) = adj {
                push_alias(&mut al, &name, &format!("{a} {sp} Ministry"));
                push_alias(&mut al, &name, &format!("{a} {sl} ministry"));
                push_alias(&mut al, &name, &format!("{a} Ministry of {sp}"));
            }
            if !c.the {
                for apo in ["'", "’"] {
                    push_alias(&mut al, &name, &format!("{} {sp} Ministry", poss(apo)));
                }
            }
            push_alias(&mut al, &name, &format!("{sp} Ministry of {the}{n}"));
            push_alias(&mut al, &name, &format!("Ministry of {sp} of {the}{n}"));
        }
        let mut row = Row::new();
        row.set("id", &format!("gz:mod-{}", c.iso3));
        row.set("name", &name);
        row.set_list("aliases", &al);
        row.set("type", "ministry");
        row.set("country", &c.iso2);
        rows.push(row);
    }
    Ok(rows)
}
