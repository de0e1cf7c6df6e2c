//! Form drafts: what a person typed, checked field by field before it becomes a record.
//!
//! Validation lives here, not in the UI, so every message is tested natively and the same rules
//! apply to the form, CSV import and anything else that creates records. One module per form,
//! around one field error type; the limits are the validity contract's
//! ([`super::contract`]), so a form never accepts what an import or the loader would refuse.

use chrono::NaiveDate;

use super::contract;

mod activity;
mod credential;
mod exemption;
mod next_cycle;
mod rule;

pub use activity::*;
pub use credential::*;
pub use exemption::*;
pub use next_cycle::*;
pub use rule::*;

pub use super::contract::MAX_DESIGNATION;

/// A message for one field of a form (`F` names the form's fields), shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> FieldError<F> {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// The message of the first error for `field`, if any (for showing it next to the field).
pub fn message_for<F: PartialEq>(errors: &[FieldError<F>], field: F) -> Option<&str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

/// A date as a form field holds it (`YYYY-MM-DD`, what date inputs give), or `None`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    text.trim().parse::<NaiveDate>().ok()
}

/// The message for a typed date outside what the contract keeps (1900-2200), if it is.
pub fn date_range_message(d: NaiveDate) -> Option<&'static str> {
    contract::date_problem(d).map(|_| "Enter a date between 1900 and 2200.")
}

/// "Keep the title to 300 characters (it has 312)." when `text` is longer than `max`.
pub fn too_long(what: &str, text: &str, max: usize) -> Option<String> {
    let n = text.trim().chars().count();
    (n > max).then(|| format!("Keep the {what} to {max} characters (it has {n})."))
}
