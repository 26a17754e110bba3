//! The meetings pass.

use super::Context;
use crate::record::Meeting;

/// Meetings between named people, in text order.
pub(crate) fn find(_ctx: &Context<'_>) -> Vec<Meeting> {
    Vec::new()
}
