//! Form drafts: what a person typed, checked field by field before it becomes a record.
//!
//! Validation lives here, not in the UI, so every message is tested natively and the same rules
//! apply to the form, CSV import and anything else that creates records. One module per form,
//! around one field error type; the limits are the validity contract's
//! ([`crate::domain::model::contract`]), so a form never accepts what an import or the loader would refuse.

use chrono::NaiveDate;

use crate::domain::model::contract;

mod activity;
mod credential;
mod evidence;
mod exemption;
mod goal;
mod next_cycle;
mod past_cycle;
mod preset_setup;
mod reflection;
mod rule;

pub use activity::*;
pub use credential::*;
pub use evidence::*;
pub use exemption::*;
pub use goal::*;
pub use next_cycle::*;
pub use past_cycle::*;
pub use preset_setup::*;
pub use reflection::*;
pub use rule::*;

pub use crate::domain::model::contract::MAX_DESIGNATION;

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

/// A date field that must be filled: `missing` when empty, a message when it is not a date or is
/// outside 1900-2200 (the date is still returned then, for checks against other fields).
pub fn required_date<F: Copy>(
    text: &str,
    field: F,
    missing: &str,
    errors: &mut Vec<FieldError<F>>,
) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        errors.push(FieldError::new(field, missing));
        return None;
    }
    checked_date(text, field, "Enter a valid date.", errors)
}

/// A date field that may be left empty (`None`); otherwise as [`required_date`].
pub fn optional_date<F: Copy>(
    text: &str,
    field: F,
    errors: &mut Vec<FieldError<F>>,
) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return None;
    }
    checked_date(
        text,
        field,
        "Enter a valid date, or leave it empty.",
        errors,
    )
}

fn checked_date<F: Copy>(
    text: &str,
    field: F,
    invalid: &str,
    errors: &mut Vec<FieldError<F>>,
) -> Option<NaiveDate> {
    match parse_date(text) {
        None => {
            errors.push(FieldError::new(field, invalid));
            None
        }
        Some(d) => {
            if let Some(m) = date_range_message(d) {
                errors.push(FieldError::new(field, m));
            }
            Some(d)
        }
    }
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
