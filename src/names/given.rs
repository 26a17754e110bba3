//! Given names (`gazetteers/given_names*.tsv`): a known given name followed by one or more
//! capitalised name words ("Maria Zakharova said") is a person.
use super::{mark, NameVia, Pass, RuleName};
use crate::EntityKind;
/// The given-name rule.
pub(super) fn given_names(pass: &mut Pass<'_>) {
    let Pass { ctx, taken, out } = pass;
    let ctx = &*ctx;
    let tokens = ctx.tokens;
    // Given names.
    let mut i = 0;
    while i < tokens.len() {
        if !taken[i] && ctx.given_gender(i).is_some() {
            if let Some((span, words, end)) = ctx.read_name(i, taken) {
                if words >= 2 {
                    out.names.push(RuleName {
                        span,
                        kind: EntityKind::Person,
                        via: NameVia::GivenName,
                        words,
                        gender: ctx.given_gender(i),
                        canonical: None,
                    });
                    mark(taken, i, end);
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
}
