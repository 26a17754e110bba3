//! Titles (`gazetteers/titles.tsv`) before a capitalised name: "Deputy Foreign Minister Oleg
//! Vasko", "tycoon Arvid Lindqvist", "Mrs May". A country adjective or a country's possessive
//! just before the title gives the role its country ("Russian Deputy Foreign Minister",
//! "Japan's Foreign Minister"). A title before a person the gazetteer found gives that person
//! the role. A title with no name after it ("the Russian foreign minister") is kept as a role
//! reference for resolution. "counterparts A and B": a second name joined by "and" shares the
//! title.
use super::{mark, token_index_at, Context, NameVia, Pass, RuleName, TitleMention};
use super::{starts_upper, title_start};
use crate::gazetteer::{Title, TitleKind, WordClass};
use crate::segment::{is_whole_word, longest_whole_words};
use crate::span::starting_at;
use crate::{EntityKind, Span};
use aho_corasick::AhoCorasick;
/// The title rule: each title that stands as one, with the country before it and the
/// name after it, and a second name that shares it.
pub(super) fn titles(pass: &mut Pass<'_>) {
    let lex = pass.ctx.lex;
    let Some(ac) = &lex.titles else {
        return;
    };
    let found = title_candidates(&pass.ctx, ac);
    for (k, &(span, title)) in found.iter().enumerate() {
        let info = lex.title(title);
        if !stands_as_title(&pass.ctx, span, info) {
            continue;
        }
        let qualifier = pass.ctx.country_before(span.start);
        let lead = qualifier.map_or(span.start, |(_, start)| start);
        let first = token_after_titles(&pass.ctx, &found, k);
        // "Minister for Foreign Affairs of Japan, Hana Mori": the country between the
        // title and the name.
        let (of_country, first) = country_between(&pass.ctx, first);
        let name = name_after_title(pass, info, first);
        // "Foreign Minister Anna Kovacs of Hungary": the country after the name.
        let country = qualifier
            .map(|(c, _)| c)
            .or(of_country)
            .or_else(|| name.and_then(|n| pass.ctx.country_after(n.end)));
        let mention = TitleMention {
            span,
            title,
            country,
            lead,
            name,
        };
        pass.out.titles.push(mention);
        second_name_sharing(pass, &found, mention);
    }
}

/// "of Japan" (and a comma) at token `first`, right after a title: the country's entry and
/// the token after it; else no country and `first` itself.
fn country_between(ctx: &Context<'_>, first: usize) -> (Option<usize>, usize) {
    let tokens = ctx.tokens;
    let after = first
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .and_then(|before| ctx.country_mention_after(before.span.end));
    let Some((country, span)) = after else {
        return (None, first);
    };
    let mut next = token_index_at(tokens, span.end);
    if tokens.get(next).is_some_and(|t| &ctx.text[t.span] == ",") {
        next += 1;
    }
    (Some(country), next)
}

/// The titles of the body outside gazetteer mentions, longest first and on whole words,
/// each with its index in the title list.
fn title_candidates(ctx: &Context<'_>, ac: &AhoCorasick) -> Vec<(Span, usize)> {
    let (text, body) = (ctx.text, ctx.body);
    let candidates: Vec<(Span, usize)> = ac
        .find_overlapping_iter(&text[body])
        .map(|m| {
            (
                Span::new(m.start() + body.start, m.end() + body.start),
                m.pattern().as_usize(),
            )
        })
        // Whole words only, as `longest_whole_words` keeps them, checked before collecting:
        // most overlapping matches of a long document are parts of words.
        .filter(|(s, _)| is_whole_word(text, *s))
        .filter(|(s, _)| !ctx.inside_mention(*s))
        .collect();
    longest_whole_words(text, candidates)
}

/// Whether a title found at `span` stands as a title: an honorific must be capitalised
/// ("Mr.", while "the foreign minister" in lower case is an office), and a title word after
/// a name particle is part of the name ("Faisal bin Rashid al Hamadi").
fn stands_as_title(ctx: &Context<'_>, span: Span, info: &Title) -> bool {
    if info.kind == TitleKind::Honorific && !starts_upper(&ctx.text[span]) {
        return false;
    }
    let at = token_index_at(ctx.tokens, span.start);
    !(at > 0 && ctx.classes(at - 1).has(WordClass::Particle))
}

/// The token after title `k` of `found` and the titles that follow it, which are not part
/// of the name: "Chief Minister Shri Shivraj Singh Chouhan", "President Dr. Ana Ruiz", and
/// across a slash, "owner/general manager Jerry Jones".
fn token_after_titles(ctx: &Context<'_>, found: &[(Span, usize)], k: usize) -> usize {
    let (text, tokens) = (ctx.text, ctx.tokens);
    let span = found[k].0;
    let mut first = token_index_at(tokens, span.end);
    let mut end_of_title = span.end;
    for &(next, _) in &found[k + 1..] {
        let gap = text[end_of_title..next.start].trim();
        if gap == "/" {
            first += 1;
        }
        let adjacent = tokens
            .get(first)
            .is_some_and(|t| t.span.start == next.start)
            && (gap.is_empty() || gap == "/");
        end_of_title = next.end;
        if !adjacent {
            break;
        }
        first = token_index_at(tokens, next.end);
        if tokens.get(first).is_some_and(|t| &text[t.span] == ".") {
            first += 1;
        }
    }
    first
}

/// The name a title introduces at token `first`: a gazetteer person, else a name read
/// there (any capitalised words after an honorific), which becomes a person found by
/// title. A royal or religious title is part of a one-word name ("Prince Philip", "Pope
/// Francis").
fn name_after_title(pass: &mut Pass<'_>, info: &Title, first: usize) -> Option<Span> {
    let ctx = &pass.ctx;
    if let Some(m) = ctx.person_mention_at(first) {
        return Some(m);
    }
    let (mut span, words, end) = if info.kind == TitleKind::Honorific {
        ctx.read_name_after_honorific(first, &pass.taken)
    } else {
        ctx.read_name(first, &pass.taken)
    }?;
    // "Chief Security Officer": capitalised words ending in a noun for a person after a
    // title are the rest of a role's name, not a person's (unless a given name opens them).
    if words > 1 && ctx.person_noun_at(end - 1) && ctx.given_gender(first).is_none() {
        return None;
    }
    // "Lady Harlowby Hospital", "Bishop Wold Institute": a title and a name before an
    // organisation's or a building's head noun are that organisation's name (not after a
    // given name: "director Michael Bay").
    if ctx.head_noun_after(end) && ctx.given_gender(first).is_none() {
        return None;
    }
    let styled = matches!(
        info.role.as_deref(),
        Some("monarch" | "royal" | "religious_leader")
    );
    let mut canonical = None;
    if styled && words == 1 && starts_upper(&ctx.text[span]) {
        // Still a short name (the given name of a longer one, "Prince Faisal" for
        // "Faisal bin Farhan"), but named with its title when it stands alone.
        span.start = title_start(ctx.text, span.start);
        canonical = Some(ctx.text[span].to_string());
    }
    let gender = info.gender.or_else(|| ctx.given_gender(first));
    pass.out.names.push(RuleName {
        span,
        kind: EntityKind::Person,
        via: NameVia::Title,
        words,
        gender,
        canonical,
    });
    mark(&mut pass.taken, first, end);
    Some(span)
}

/// "counterparts Anatoliy Brekov and Pavel Surin": a second name joined by "and" to the
/// name of a title shares the title, unless it has a title of its own ("Chairman A and
/// Director B"). A name read there (not the gazetteer's) needs two words.
fn second_name_sharing(pass: &mut Pass<'_>, found: &[(Span, usize)], mention: TitleMention) {
    let Some(first_name) = mention.name else {
        return;
    };
    let (text, tokens) = (pass.ctx.text, pass.ctx.tokens);
    let after = token_index_at(tokens, first_name.end);
    let and = tokens.get(after).is_some_and(|t| &text[t.span] == "and")
        && &text[first_name.end..tokens[after].span.start] == " ";
    if !and {
        return;
    }
    let next = after + 1;
    let joined = tokens.get(next).is_some_and(|n| {
        &text[tokens[after].span.end..n.span.start] == " "
            && starting_at(found, n.span.start, |(t, _)| *t).is_none()
    });
    if !joined {
        return;
    }
    if let Some(m) = pass.ctx.person_mention_at(next) {
        pass.out.titles.push(TitleMention {
            name: Some(m),
            ..mention
        });
    } else if let Some((span2, words, end)) = pass.ctx.read_name(next, &pass.taken) {
        if words >= 2 {
            pass.out.names.push(RuleName {
                span: span2,
                kind: EntityKind::Person,
                via: NameVia::Title,
                words,
                gender: pass.ctx.given_gender(next),
                canonical: None,
            });
            mark(&mut pass.taken, next, end);
            pass.out.titles.push(TitleMention {
                name: Some(span2),
                ..mention
            });
        }
    }
}
