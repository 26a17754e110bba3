//! people.tsv: key office holders (every-politician-scrapers, Wikidata CC0), heads of
//! international organisations, world leaders 2021-22, foreign ministers 2022; spelling
//! variants from the CIA World Leaders 2019 list.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::places::Places;
use crate::util::{cell_ok, clean, fold, is_all_caps_word, push_alias, title_case};
use crate::{read_csv, Row};

#[derive(Default, Debug)]
struct Person {
    name: String,
    labels: Vec<String>,
    gender: String,
    /// (role, country) -> terms (start, end)
    roles: BTreeMap<(String, String), BTreeSet<(String, String)>>,
    countries: BTreeMap<String, usize>,
}

/// Repositories whose rows have no `country_qid`: the country by hand.
const REPO_COUNTRY: &[(&str, &str)] = &[
    ("taiwan", "TW"),
    ("north-korea", "KP"),
    ("yemen", "YE"),
    ("cuba", "CU"),
    ("syria", "SY"),
    ("venezuela", "VE"),
    ("south-ossetia", "gz:south-ossetia"),
    ("cambodia", "KH"),
    ("turkmenistan", "TM"),
    ("bahrain", "BH"),
    ("oman", "OM"),
];

/// Country QIDs of partly recognised states that are places in places_curated.tsv under
/// that same QID (the QID comes from the staged data).
const CURATED_STATE_QIDS: &[&str] = &["Q31354462", "Q244165", "Q16150196", "Q16746854"];

/// Countries whose people get Russian/Ukrainian/Slavic transliteration variants.
const TRANSLIT_COUNTRIES: &[&str] = &[
    "RU",
    "UA",
    "BY",
    "KZ",
    "KG",
    "TJ",
    "UZ",
    "TM",
    "AZ",
    "AM",
    "GE",
    "MD",
    "BG",
    "RS",
    "MK",
    "ME",
    "BA",
    "Q31354462",
    "Q244165",
    "Q16150196",
    "Q16746854",
    "gz:south-ossetia",
];

/// Whole-name given-name variants (beyond the suffix rules).
const GIVEN_VARIANTS: &[&[&str]] = &[
    &["Sergey", "Sergei", "Serguei"],
    &[
        "Yevgeny", "Evgeny", "Yevgeniy", "Evgeniy", "Yevgeni", "Evgeni",
    ],
    &["Dmitry", "Dmitri", "Dmitriy"],
    &["Aleksandr", "Alexander", "Alexandr", "Aleksander"],
    &["Aleksei", "Alexei", "Alexey", "Aleksey"],
    &["Andrei", "Andrey"],
    &["Nikolai", "Nikolay"],
    &["Yuri", "Yury", "Yuriy"],
    &["Pyotr", "Petr", "Pyotr"],
    &["Fyodor", "Fedor"],
    &["Semyon", "Semen"],
    &["Vyacheslav", "Viacheslav"],
    &["Yegor", "Egor"],
    &["Yelena", "Elena"],
    &["Yekaterina", "Ekaterina"],
    &["Mikhail", "Mikhael"],
    &["Maksim", "Maxim"],
    &["Oleksandr", "Olexandr"],
    &["Oleksiy", "Oleksii", "Olexiy"],
    &["Andriy", "Andrii"],
    &["Dmytro", "Dmitro"],
    &["Serhiy", "Serhii"],
    &["Yuriy", "Yurii"],
    &["Vitaly", "Vitali", "Vitaliy", "Vitalii"],
];

/// Spelling variants of one name token (transliteration rules), the token itself first.
fn token_variants(t: &str) -> Vec<String> {
    let mut v = vec![t.to_string()];
    for group in GIVEN_VARIANTS {
        if group.contains(&t) {
            for g in *group {
                if !v.iter().any(|x| x == g) {
                    v.push(g.to_string());
                }
            }
        }
    }
    // suffix rules apply to the token as written only (not to the table's variants)
    let base: Vec<String> = vec![t.to_string()];
    let is_cons = |c: char| c.is_ascii_alphabetic() && !"aeiouyAEIOUY".contains(c);
    for b in base {
        let mut add = |s: String| {
            if s.len() > 2 && !v.contains(&s) {
                v.push(s);
            }
        };
        let chars: Vec<char> = b.chars().collect();
        let n = chars.len();
        // -ey <-> -ei, -ay <-> -ai (Sergey/Sergei, Nikolay/Nikolai)
        if b.ends_with("ey") || b.ends_with("ay") || b.ends_with("oy") {
            add(format!("{}i", &b[..b.len() - 1]));
        }
        if (b.ends_with("ei") || b.ends_with("ai")) && n > 3 {
            add(format!("{}y", &b[..b.len() - 1]));
        }
        // consonant + -iy / -y / -i / -yy (Dmitriy/Dmitry/Dmitri, Zelenskyy/Zelensky/Zelenskiy)
        if n > 3 {
            let stem_end = if b.ends_with("iy") || b.ends_with("yy") || b.ends_with("ii") {
                Some(b.len() - 2)
            } else if (b.ends_with('y') || b.ends_with('i')) && is_cons(chars[n - 2]) {
                Some(b.len() - 1)
            } else {
                None
            };
            if let Some(e) = stem_end {
                let stem = &b[..e];
                if stem.chars().last().is_some_and(is_cons) {
                    for suf in ["y", "i", "iy"] {
                        add(format!("{stem}{suf}"));
                    }
                }
            }
        }
        // oy <-> oi before a consonant or at the end (Shoygu/Shoigu)
        for (from, to) in [("oy", "oi"), ("oi", "oy")] {
            if let Some(i) = b.find(from) {
                let after = b[i + 2..].chars().next();
                if i > 0 && after.is_none_or(is_cons) {
                    add(format!("{}{}{}", &b[..i], to, &b[i + 2..]));
                }
            }
        }
        // initial Ye- <-> E- (Yevgeny/Evgeny)
        if let Some(rest) = b.strip_prefix("Ye") {
            if rest.chars().next().is_some_and(is_cons) {
                add(format!("E{rest}"));
            }
        }
        // ks <-> x (Aleksei/Alexei)
        if b.contains("ks") {
            add(b.replace("ks", "x"));
        }
    }
    v.truncate(6);
    v
}

/// Transliteration variants of a full name (at most 12), without the name itself.
fn name_variants(name: &str) -> Vec<String> {
    let toks: Vec<&str> = name.split(' ').collect();
    let mut acc: Vec<String> = vec![String::new()];
    for t in &toks {
        let vs = if t.chars().all(|c| c.is_ascii_alphabetic()) {
            token_variants(t)
        } else {
            vec![t.to_string()]
        };
        let mut next = Vec::new();
        for a in &acc {
            for v in &vs {
                next.push(if a.is_empty() {
                    v.clone()
                } else {
                    format!("{a} {v}")
                });
            }
        }
        acc = next;
        if acc.len() > 24 {
            acc.truncate(24);
        }
    }
    acc.retain(|a| a != name);
    acc.truncate(12);
    acc
}

fn strip_disambiguation(t: &str) -> String {
    let t = clean(t);
    if t.ends_with(')') {
        if let Some(i) = t.rfind(" (") {
            return t[..i].to_string();
        }
    }
    t
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    d.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Normalised token for comparing spellings ("Sergey" ~ "Sergei").
fn norm(t: &str) -> String {
    fold(t)
        .to_lowercase()
        .replace("ks", "x")
        .replace("iy", "i")
        .replace('y', "i")
        .replace("ii", "i")
}

pub fn build(data: &Path, places: &Places) -> Result<Vec<Row>, String> {
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    let ep = data.join("every-politician-scrapers");
    let country_of = |qid: &str, repo: &str| -> Option<String> {
        if let Some(i) = places.qid_to_iso2.get(qid) {
            return Some(i.clone());
        }
        if CURATED_STATE_QIDS.contains(&qid) {
            return Some(qid.to_string());
        }
        let short = repo.rsplit('/').next().unwrap_or(repo);
        REPO_COUNTRY
            .iter()
            .find(|r| r.0 == short)
            .map(|r| r.1.to_string())
    };

    // 1. key office holders
    for r in read_csv(&ep.join("key_office_holders.csv"))? {
        let qid = &r["person_qid"];
        if qid.is_empty() {
            continue;
        }
        let Some(cc) = country_of(&r["country_qid"], &r["source_repo"]) else {
            continue;
        };
        let p = people.entry(qid.clone()).or_default();
        if p.name.is_empty() {
            let t = strip_disambiguation(&r["enwiki_title"]);
            p.name = if !t.is_empty() { t } else { String::new() };
        }
        let label = clean(&r["wikidata_label"]);
        if !label.is_empty() && !p.labels.contains(&label) {
            p.labels.push(label);
        }
        if p.gender.is_empty() && (r["gender"] == "male" || r["gender"] == "female") {
            p.gender = r["gender"].clone();
        }
        let s = if valid_date(&r["start"]) {
            r["start"].clone()
        } else {
            String::new()
        };
        let e = if valid_date(&r["end"]) {
            r["end"].clone()
        } else {
            String::new()
        };
        p.roles
            .entry((r["role"].clone(), cc.clone()))
            .or_default()
            .insert((s, e));
        *p.countries.entry(cc).or_default() += 2; // dated office: weight 2
    }

    // 2. world leaders 2021-22 (years only: roles without dates, only when new)
    for r in read_csv(&ep.join("world-leaders-2021/heads_of_state_government_2021_2022.csv"))? {
        let qid = &r["officeholder"];
        if !qid.starts_with('Q') {
            continue;
        }
        let Some(cc) = country_of(&r["countryid"], "") else {
            continue;
        };
        let pos = r["positionLabel"].to_lowercase();
        let role = if [
            "prime minister",
            "premier",
            "chancellor",
            "chairman of the council of ministers",
            "executive yuan",
            "taoiseach",
            "minister of state of monaco",
            "chief minister",
        ]
        .iter()
        .any(|k| pos.contains(k))
        {
            "head_of_government"
        } else if pos.contains("governor-general")
            || pos.contains("member of the swiss")
            || pos.contains("military")
        {
            continue;
        } else {
            "head_of_state"
        };
        let p = people.entry(qid.clone()).or_default();
        let label = clean(&r["officeholderLabel"]);
        if !label.is_empty() && !label.starts_with('Q') && !p.labels.contains(&label) {
            p.labels.push(label);
        }
        let key = (role.to_string(), cc.clone());
        if !p.roles.contains_key(&key) {
            p.roles
                .entry(key)
                .or_default()
                .insert((String::new(), String::new()));
            *p.countries.entry(cc).or_default() += 1; // undated: weight 1
        }
    }

    // 3. current foreign ministers 2022
    for r in read_csv(&ep.join("world/current_foreign_ministers_2022.csv"))? {
        let qid = &r["person"];
        if !qid.starts_with('Q') {
            continue;
        }
        let Some(cc) = country_of(&r["country"], "") else {
            continue;
        };
        let p = people.entry(qid.clone()).or_default();
        let label = clean(&r["name"]);
        if !label.is_empty() && !label.starts_with('Q') && !p.labels.contains(&label) {
            p.labels.push(label);
        }
        let key = ("foreign_minister".to_string(), cc.clone());
        let start = r["start"].get(..10).unwrap_or("").to_string();
        let start = if valid_date(&start) {
            start
        } else {
            String::new()
        };
        let terms = p.roles.entry(key).or_default();
        if !terms
            .iter()
            .any(|t| t.0 == start || (t.1.is_empty() && !start.is_empty() && t.0 <= start))
        {
            terms.insert((start, String::new()));
            *p.countries.entry(cc).or_default() += 1;
        }
    }

    // 4. heads of international organisations
    for r in read_csv(&ep.join("world/holders21_international_orgs.csv"))? {
        let qid = &r["personID"];
        if !qid.starts_with('Q') {
            continue;
        }
        let (role, org) = match r["position"].as_str() {
            "Secretary-General of the United Nations" => ("secretary_general", "Q1065"),
            "Deputy Secretary-General of the United Nations" => ("other", "Q1065"),
            "Under-Secretary-General of the United Nations" => ("other", "Q1065"),
            "Director-General of the World Trade Organization" => ("secretary_general", "Q7825"),
            "President of the United Nations General Assembly" => ("other", "Q47423"),
            "President of the International Court of Justice"
            | "Vice President of the International Court of Justice"
            | "Judge of the International Court of Justice" => ("other", "Q7801"),
            "OSCE High Commissioner on National Minorities" => ("other", "Q81299"),
            "president of the Parliamentary Assembly of the Council of Europe" => {
                ("other", "Q8908")
            }
            "Speaker of the Arab Parliament" => ("other", "Q7172"),
            _ => continue,
        };
        let p = people.entry(qid.clone()).or_default();
        let label = clean(&r["person"]);
        if !label.is_empty() && !label.starts_with('Q') && !p.labels.contains(&label) {
            p.labels.push(label);
        }
        let s = if valid_date(&r["start"]) {
            r["start"].clone()
        } else {
            String::new()
        };
        let e = if valid_date(&r["end"]) {
            r["end"].clone()
        } else {
            String::new()
        };
        p.roles
            .entry((role.to_string(), org.to_string()))
            .or_default()
            .insert((s, e));
    }

    // CIA World Leaders 2019, by ISO2
    let mut cia: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
    for r in read_csv(&data.join("cia-world-leaders-2019/officials_2019.csv"))? {
        let c = r["country"].as_str();
        let iso = match c {
            "Korea, North" => Some("KP".to_string()),
            "Korea, South" => Some("KR".to_string()),
            "Congo, Democratic Republic of the" => Some("CD".to_string()),
            "Congo, Republic of the" => Some("CG".to_string()),
            "Bahamas, The" => Some("BS".to_string()),
            "Gambia, The" => Some("GM".to_string()),
            "Micronesia, Federated States of" => Some("FM".to_string()),
            "Holy See (Vatican City)" => Some("VA".to_string()),
            _ => places.name_to_iso2.get(&fold(c).to_lowercase()).cloned(),
        };
        let Some(iso) = iso else { continue };
        if r["given_names"].is_empty() || r["surname_caps"].is_empty() {
            continue;
        }
        let published: Vec<String> = r["name_as_published"]
            .split_whitespace()
            .map(|w| {
                if is_all_caps_word(w) && w.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                    title_case(w)
                } else {
                    w.to_string()
                }
            })
            .collect();
        cia.entry(iso).or_default().push((
            published.join(" "),
            r["given_names"].clone(),
            title_case(&r["surname_caps"]),
        ));
    }

    let mut rows = Vec::new();
    for (qid, p) in &people {
        // name: enwiki title without disambiguation, else the Wikidata label
        let mut name = p.name.clone();
        let from_label = name.is_empty();
        if from_label {
            if let Some(l) = p.labels.first() {
                name = l.clone();
            }
        }
        if name.is_empty()
            || name.starts_with('Q') && name[1..].chars().all(|c| c.is_ascii_digit())
            || !cell_ok(&name)
        {
            continue;
        }
        if !name.contains(' ') && from_label {
            continue; // a one-word label is not clearly the person's usual name
        }
        let mut aliases: Vec<String> = Vec::new();
        for l in &p.labels {
            if l.contains(' ') && !l.contains('(') {
                push_alias(&mut aliases, &name, l);
            }
        }
        let country = p
            .countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(c, _)| c.clone())
            .unwrap_or_default();
        // CIA 2019 spelling: same country, same surname, compatible given name
        if let Some(list) = cia.get(&country) {
            let toks: Vec<String> = std::iter::once(&name)
                .chain(aliases.iter())
                .flat_map(|n| n.split(' ').map(norm).collect::<Vec<_>>())
                .collect();
            for (published, given, surname) in list {
                let sn = norm(surname);
                if !toks.contains(&sn) {
                    continue;
                }
                let g0 = norm(given.split_whitespace().next().unwrap_or(""));
                let compatible = g0.len() >= 2
                    && toks.iter().any(|t| {
                        *t != sn
                            && (t == &g0
                                || (g0.len() >= 3
                                    && t.len() >= 3
                                    && (t.starts_with(&g0) || g0.starts_with(t.as_str()))))
                    });
                if compatible && published.contains(' ') {
                    push_alias(&mut aliases, &name, published);
                }
            }
        }
        // transliteration variants for Russian/Ukrainian/Slavic names
        if TRANSLIT_COUNTRIES.contains(&country.as_str()) {
            let base: Vec<String> = std::iter::once(name.clone())
                .chain(
                    aliases
                        .iter()
                        .filter(|a| a.split(' ').count() <= 2)
                        .cloned(),
                )
                .collect();
            for b in base {
                for v in name_variants(&b) {
                    push_alias(&mut aliases, &name, &v);
                }
            }
        }
        // diacritics dropped
        let base: Vec<String> = std::iter::once(name.clone())
            .chain(aliases.iter().cloned())
            .collect();
        for b in base {
            push_alias(&mut aliases, &name, &fold(&b));
        }
        aliases.retain(|a| a.contains(' ') || a.contains('-'));
        aliases.sort();
        let mut roles = Vec::new();
        for ((role, cc), terms) in &p.roles {
            for (s, e) in merge_terms(terms) {
                roles.push((s.clone(), format!("{role}@{cc} {s}..{e}")));
            }
        }
        roles.sort();
        let roles: Vec<String> = roles.into_iter().map(|r| r.1).collect();
        let mut row = Row::new();
        row.set("id", qid);
        row.set("name", &name);
        row.set_list("aliases", &aliases);
        row.set("gender", &p.gender);
        row.set("country", &country);
        row.set_list("roles", &roles);
        rows.push(row);
    }
    Ok(rows)
}

/// Joins back-to-back terms of one office (end of one == start of the next) and drops
/// undated duplicates of dated terms. A term that ends before it starts is an error in the
/// source data and is dropped.
fn merge_terms(terms: &BTreeSet<(String, String)>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = terms.iter().cloned().collect();
    v.retain(|t| t.0.is_empty() || t.1.is_empty() || t.0 <= t.1);
    if v.len() > 1 {
        v.retain(|t| !(t.0.is_empty() && t.1.is_empty()));
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for t in v {
        if let Some(last) = out.last_mut() {
            if !last.1.is_empty() && !t.0.is_empty() && t.0 <= last.1 {
                if t.1.is_empty() || t.1 > last.1 {
                    last.1 = t.1.clone();
                }
                continue;
            }
            if last.1.is_empty()
                && !last.0.is_empty()
                && !t.0.is_empty()
                && t.0 >= last.0
                && t.1.is_empty()
            {
                continue;
            }
        }
        out.push(t);
    }
    out
}
