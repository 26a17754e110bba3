//! Datelines: the place (and news agency) a wire story starts with, read once.
//!
//! At the very start of the article body, a dateline is a place written in capitals (or a
//! capitalised place before an agency in parentheses), optionally a comma and a state or
//! country, optionally an agency in parentheses or after a period, then a dash or a colon:
//!
//! - `MEMPHIS, Tenn. —`, `NEW DELHI:`, `LONDON (Reuters) —`, `Budapest (MTI) –`,
//!   `YEREVAN.-`, `ASTANA. KAZINFORM`, `REPUBLIKA.CO.ID, JAKARTA --`.
//!
//! The places are the gazetteer's (the matcher reads names in capitals, and "Tenn." after a
//! place and a comma), or the words in capitals that open the body before a comma, a dash
//! or a parenthesis when no gazetteer knows them all (`HARLOWBY, Ore. —`, `WOLD CREEK —`,
//! `HARLOWBY (Reuters) —`, `KOTA WOLD (July 10):`, of which a gazetteer may know "Kota";
//! a month in the parentheses is no agency), or before a colon when a gazetteer knows one
//! of them (`HARLOWPOLL:` is a label); one of them no common English word, and a lone word
//! of five letters or more, as "NASA —" is no town. A word of
//! the dateline that is neither a place nor a known agency, written in capitals or in
//! parentheses, is the agency: an institution. Nothing in a dateline is a person.

use super::{Pass, RuleName};
use crate::names::NameVia;
use crate::segment::TokenKind;
use crate::span::overlapping;
use crate::{EntityKind, Span};

/// The most tokens a dateline may have before its dash or colon.
const MAX_DATELINE_TOKENS: usize = 16;

/// Reads the dateline at the start of the body, if any: its agencies become institutions and
/// all its tokens are taken.
pub(super) fn datelines(pass: &mut Pass<'_>) {
    let Some(end) = dateline_end(pass) else {
        return;
    };
    let ctx = &pass.ctx;
    let (text, toks) = (ctx.text, ctx.tokens);
    let mut agencies = Vec::new();
    let mut cities = Vec::new();
    // "HARLOWBY, Ore. —": the words in capitals that open the dateline, known to no
    // gazetteer, are its city.
    let mut j = unknown_city_words(pass);
    if j > 0 {
        cities.push(Span::new(toks[0].span.start, toks[j - 1].span.end));
    }
    while j < end {
        let t = toks[j];
        let w = &text[t.span];
        let in_gazetteer = overlapping(&ctx.found.mentions, t.span, |m| m.span).is_some();
        let capitals =
            t.kind == TokenKind::Word && !w.chars().any(char::is_lowercase) && w.len() >= 2;
        let in_parens = j > 0 && &text[toks[j - 1].span] == "(";
        // "KOTA WOLD (July 10):": a date in the parentheses is no agency.
        let month = crate::relations::dates::month_number(w).is_some();
        if t.kind == TokenKind::Word && !in_gazetteer && !month && (capitals || in_parens) {
            // The agency: this word and the words and dots glued to it ("REPUBLIKA.CO.ID").
            let glued = |k: usize| k < end && toks[k].span.start == toks[k - 1].span.end;
            let mut k = j + 1;
            loop {
                let word = glued(k) && toks[k].kind == TokenKind::Word;
                let dot = glued(k)
                    && &text[toks[k].span] == "."
                    && glued(k + 1)
                    && toks[k + 1].kind == TokenKind::Word;
                if word {
                    k += 1;
                } else if dot {
                    k += 2;
                } else {
                    break;
                }
            }
            let span = Span::new(t.span.start, toks[k - 1].span.end);
            agencies.push(span);
            j = k;
        } else {
            j += 1;
        }
    }
    let kinds = agencies
        .into_iter()
        .map(|s| (s, EntityKind::Institution))
        .chain(cities.into_iter().map(|s| (s, EntityKind::Place)));
    for (span, kind) in kinds {
        let canonical = match kind {
            // "WOLD CREEK" -> "Wold Creek".
            EntityKind::Place => Some(
                text[span]
                    .split(' ')
                    .map(title_case)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => text[span].split('.').next().map(canonical_case),
        };
        pass.out.names.push(RuleName {
            span,
            kind,
            via: NameVia::Context,
            words: 1,
            gender: None,
            canonical,
        });
    }
    if let (Some(first), Some(last)) = (toks.first(), toks.get(end.saturating_sub(1))) {
        pass.out.dateline = Some(Span::new(first.span.start, last.span.end));
    }
    super::mark(&mut pass.taken, 0, end);
}

/// "CREEK" → "Creek": a capital, then lower case.
fn title_case(w: &str) -> String {
    let mut chars = w.chars();
    chars
        .next()
        .map(|f| {
            f.to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// "KAZINFORM" → "Kazinform"; a short acronym stays as it is ("MTI").
fn canonical_case(w: &str) -> String {
    if w.chars().count() <= 4 || w.chars().any(char::is_lowercase) {
        return w.to_string();
    }
    title_case(w)
}

/// The index of the first token after the dateline, or `None` when the body starts with no
/// dateline. The dateline must hold a gazetteer place and end in a dash, a colon or, after
/// an agency in capitals, at the first word of the story ("ASTANA. KAZINFORM Governor").
fn dateline_end(pass: &Pass<'_>) -> Option<usize> {
    let ctx = &pass.ctx;
    let (text, toks) = (ctx.text, ctx.tokens);
    let para = *ctx.doc.paragraphs().first()?;
    let place_at = |j: usize| {
        overlapping(&ctx.found.mentions, toks[j].span, |m| m.span)
            .is_some_and(|m| ctx.gaz.entry(m.entry).kind == EntityKind::Place)
    };
    let mut has_place = unknown_city_first(pass);
    let mut in_parens = false;
    for (j, t) in toks.iter().enumerate().take(MAX_DATELINE_TOKENS) {
        if t.span.start >= para.end {
            return None;
        }
        let w = &text[t.span];
        let next = toks.get(j + 1);
        let glued_next = next.is_some_and(|n| n.span.start == t.span.end);
        let double_dash = w == "-" && next.is_some_and(|n| &text[n.span] == "-");
        let separator = matches!(w, "—" | "–" | ":") || w == "-" && (!glued_next || double_dash);
        if separator && has_place && j > 0 {
            let mut end = j + 1;
            while toks
                .get(end)
                .is_some_and(|n| matches!(&text[n.span], "-" | "—" | "–"))
            {
                end += 1;
            }
            return Some(end);
        }
        match w {
            "(" => in_parens = true,
            ")" => in_parens = false,
            _ => {}
        }
        // "Bergen, July 11 Foreign Minister Anna Kovacs ...", "NEW DELHI, Jan 5 (PTI)":
        // a place, a comma and a month and day end the dateline, with no dash after them.
        let month_day = has_place
            && j >= 2
            && &text[toks[j - 1].span] == ","
            && w.len() >= 3
            && w.starts_with(char::is_uppercase)
            && crate::relations::dates::month_number(w).is_some()
            && next.is_some_and(|n| n.kind == TokenKind::Number);
        if month_day {
            let mut end = j + 2;
            // An agency in parentheses after the date: "(PTI)".
            if toks.get(end).is_some_and(|p| &text[p.span] == "(") {
                if let Some(close) =
                    (end..toks.len().min(end + 6)).find(|&k| &text[toks[k].span] == ")")
                {
                    end = close + 1;
                }
            }
            while toks
                .get(end)
                .is_some_and(|n| matches!(&text[n.span], "-" | "—" | "–" | ":"))
            {
                end += 1;
            }
            return Some(end);
        }
        has_place |= place_at(j);
        let lower = t.kind == TokenKind::Word && w.chars().any(char::is_lowercase);
        let abbreviation = lower && next.is_some_and(|n| &text[n.span] == ".");
        // A lower-case word ends the dateline unless it is a place ("Budapest"), an
        // abbreviation ("Tenn.") or inside the agency's parentheses ("(Reuters)").
        if lower && !(place_at(j) || abbreviation || in_parens) {
            // "ASTANA. KAZINFORM Governor ...": the dateline ended at the agency.
            let after_agency = j >= 2
                && has_place
                && toks[j - 1].kind == TokenKind::Word
                && !text[toks[j - 1].span].chars().any(char::is_lowercase)
                && !place_at(j - 1)
                && toks[..j].iter().any(|p| &text[p.span] == ".");
            return after_agency.then_some(j);
        }
    }
    None
}

/// "HARLOWBY, Ore. —", "WOLD CREEK —": one to three words in capitals open the body,
/// one of them no common English word, then a comma, a dash, a parenthesis or (for a name
/// the gazetteer knows in part) a colon: a city no gazetteer knows
/// ("BREAKING NEWS —" is no city).
fn unknown_city_first(pass: &Pass<'_>) -> bool {
    unknown_city_words(pass) > 0
}

/// The number of words of the unknown city that opens the body (see
/// [`unknown_city_first`]), 0 when there is none.
fn unknown_city_words(pass: &Pass<'_>) -> usize {
    let ctx = &pass.ctx;
    let (text, toks) = (ctx.text, ctx.tokens);
    let capitals = |j: usize| {
        toks.get(j).is_some_and(|t| {
            let w = &text[t.span];
            t.kind == TokenKind::Word && w.len() >= 2 && !w.chars().any(char::is_lowercase)
        })
    };
    let n = (0..3).take_while(|&j| capitals(j)).count();
    let spaced = (1..n).all(|j| &text[toks[j - 1].span.end..toks[j].span.start] == " ");
    let rare = (0..n).any(|j| !ctx.is_common(j));
    let then = toks.get(n).map(|t| &text[t.span]);
    // Known when the gazetteer reads every word ("NEW DELHI"); a place it reads in part only
    // is the start of a longer name ("KOTA WOLD", of which it knows "Kota").
    let mentioned = |j: usize| overlapping(&ctx.found.mentions, toks[j].span, |m| m.span).is_some();
    let known = (0..n).all(mentioned);
    // A lone short word in capitals is more often an acronym ("NASA —") than a town.
    let long = n > 1 || toks.first().is_some_and(|t| t.span.len() >= 5);
    // Before a colon, only words of which the gazetteer knows one, if only in part or
    // without the context it needs: words in capitals before a colon are often a label
    // ("BYLINE:").
    let gazetteer_word = (0..n).any(|j| ctx.gazetteer_name_at(toks[j].span));
    let city = n > 0
        && spaced
        && rare
        && long
        && !known
        && match then {
            Some("," | "—" | "–" | "-" | "(") => true,
            Some(":") => gazetteer_word,
            _ => false,
        };
    if city {
        n
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::canonical_case;

    #[test]
    fn city_names() {
        assert_eq!(super::title_case("CREEK"), "Creek");
        assert_eq!(super::title_case(""), "");
    }

    #[test]
    fn agency_names() {
        assert_eq!(canonical_case("KAZINFORM"), "Kazinform");
        assert_eq!(canonical_case("MTI"), "MTI");
        assert_eq!(canonical_case("Reuters"), "Reuters");
    }
}
