//! The quotes pass.

use super::Context;
use crate::record::Quote;

/// Quoted statements and their speakers, in text order.
pub(crate) fn find(_ctx: &Context<'_>) -> Vec<Quote> {
    Vec::new()
}
