//! Titles (`gazetteers/titles.tsv`) before a capitalised name: "Deputy Foreign Minister Oleg
//! Vasko", "tycoon Arvid Lindqvist", "Mrs May". A country adjective or a country's possessive
//! just before the title gives the role its country ("Russian Deputy Foreign Minister",
//! "Japan's Foreign Minister"). A title before a person the gazetteer found gives that person
//! the role. A title with no name after it ("the Russian foreign minister") is kept as a role
//! reference for resolution. "counterparts A and B": a second name joined by "and" shares the
//! title.
use super::{mark, token_index_at, NameVia, Pass, RuleName, TitleMention};
use super::{starts_upper, title_start};
use crate::gazetteer::{TitleKind, WordClass};
use crate::segment::longest_whole_words;
use crate::{EntityKind, Span};
/// The title rule.
pub(super) fn titles(pass: &mut Pass<'_>) {
    let Pass { ctx, taken, out } = pass;
    let ctx = &*ctx;
    let (text, tokens, body) = (ctx.text, ctx.tokens, ctx.body);
    let lex = ctx.lex;
    // Titles.
    if let Some(ac) = &lex.titles {
        let candidates: Vec<(Span, usize)> = ac
            .find_overlapping_iter(&text[body])
            .map(|m| {
                (
                    Span::new(m.start() + body.start, m.end() + body.start),
                    m.pattern().as_usize(),
                )
            })
            .filter(|(s, _)| !ctx.inside_mention(*s))
            .collect();
        let found = longest_whole_words(text, candidates);
        for (k, &(span, title)) in found.iter().enumerate() {
            let info = lex.title(title);
            // A title written all in lower case only counts as an office ("the foreign
            // minister"), an honorific must be capitalised ("Mr.").
            if info.kind == TitleKind::Honorific && !starts_upper(&text[span]) {
                continue;
            }
            // "Faisal bin Rashid al Hamadi": after a name particle, a title word is part
            // of the name.
            let at = token_index_at(tokens, span.start);
            if at > 0 && ctx.classes(at - 1).has(WordClass::Particle) {
                continue;
            }
            let qualifier = ctx.country_before(span.start);
            let country = qualifier.map(|(c, _)| c);
            let lead = qualifier.map_or(span.start, |(_, start)| start);
            let mut first = token_index_at(tokens, span.end);
            // "Chief Minister Shri Shivraj Singh Chouhan", "President Dr. Ana Ruiz": titles
            // that follow the title are not part of the name.
            // "owner/general manager Jerry Jones": a slash joins two titles too.
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
            let mut name = None;
            if let Some(m) = ctx.person_mention_at(first) {
                name = Some(m);
            } else if let Some((mut span, words, end)) = if info.kind == TitleKind::Honorific {
                ctx.read_name_after_honorific(first, taken)
            } else {
                ctx.read_name(first, taken)
            } {
                // "Prince Philip", "Pope Francis": a royal or religious title is part of a
                // one-word name.
                let styled = matches!(
                    info.role.as_deref(),
                    Some("monarch" | "royal" | "religious_leader")
                );
                let mut canonical = None;
                if styled && words == 1 && starts_upper(&text[span]) {
                    // Still a short name (the given name of a longer one, "Prince Faisal" for
                    // "Faisal bin Farhan"), but named with its title when it stands alone.
                    span.start = title_start(text, span.start);
                    canonical = Some(text[span].to_string());
                }
                let gender = info.gender.or_else(|| ctx.given_gender(first));
                out.names.push(RuleName {
                    span,
                    kind: EntityKind::Person,
                    via: NameVia::Title,
                    words,
                    gender,
                    canonical,
                });
                mark(taken, first, end);
                name = Some(span);
            }
            // "Foreign Minister Anna Kovacs of Hungary": the country after the name.
            let country = country.or_else(|| name.and_then(|n| ctx.country_after(n.end)));
            out.titles.push(TitleMention {
                span,
                title,
                country,
                lead,
                name,
            });
            // "counterparts Anatoliy Brekov and Pavel Surin": a second name joined by "and"
            // shares the title.
            if let Some(first_name) = name {
                let after = token_index_at(tokens, first_name.end);
                if tokens.get(after).is_some_and(|t| &text[t.span] == "and")
                    && &text[first_name.end..tokens[after].span.start] == " "
                {
                    let next = after + 1;
                    // "Chairman A and Director B": a name with a title of its own does
                    // not share this one.
                    let joined = tokens.get(next).is_some_and(|n| {
                        &text[tokens[after].span.end..n.span.start] == " "
                            && !found.iter().any(|(t, _)| t.start == n.span.start)
                    });
                    if joined {
                        if let Some(m) = ctx.person_mention_at(next) {
                            out.titles.push(TitleMention {
                                span,
                                title,
                                country,
                                lead,
                                name: Some(m),
                            });
                        } else if let Some((span2, words, end)) = ctx.read_name(next, taken) {
                            if words >= 2 {
                                out.names.push(RuleName {
                                    span: span2,
                                    kind: EntityKind::Person,
                                    via: NameVia::Title,
                                    words,
                                    gender: ctx.given_gender(next),
                                    canonical: None,
                                });
                                mark(taken, next, end);
                                out.titles.push(TitleMention {
                                    span,
                                    title,
                                    country,
                                    lead,
                                    name: Some(span2),
                                });
                            }
                        }
                    }
                }
            }
        }
    }
}
