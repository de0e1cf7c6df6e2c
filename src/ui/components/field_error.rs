//! A form field's message, shared by the forms whose fields are named by a `FieldError<F>`: the
//! paragraph next to the input (id `<input id>-error`), and the input's `aria-describedby` and
//! `aria-invalid` that point at it.

use yew::prelude::*;

use crate::domain::draft::{message_for, FieldError};

/// The message paragraph for `field` (nothing when it has no message).
pub fn error_html<F: PartialEq>(errors: &[FieldError<F>], field: F, input_id: &str) -> Html {
    match message_for(errors, field) {
        Some(m) => {
            html! { <p class="error" id={format!("{input_id}-error")}>{ m.to_string() }</p> }
        }
        None => html! {},
    }
}

/// `aria-describedby` of the input: its message, when it has one.
pub fn described<F: PartialEq>(
    errors: &[FieldError<F>],
    field: F,
    input_id: &str,
) -> Option<String> {
    message_for(errors, field).map(|_| format!("{input_id}-error"))
}

/// `aria-invalid` of the input.
pub fn invalid<F: PartialEq>(errors: &[FieldError<F>], field: F) -> Option<&'static str> {
    message_for(errors, field).is_some().then_some("true")
}

/// `aria-describedby` of an input with a hint paragraph (`<input id>-hint`) as well as its
/// message: both, the hint first.
pub fn described_with_hint<F: PartialEq>(
    errors: &[FieldError<F>],
    field: F,
    input_id: &str,
    has_hint: bool,
) -> Option<String> {
    let ids: Vec<String> = [
        has_hint.then(|| format!("{input_id}-hint")),
        described(errors, field, input_id),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
