//! A field's value from its event, and the setter every form uses to copy what is typed into its
//! draft (the draft is the form's state; no page reads a field from the DOM by id).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The value of the input (text, date, number) an event came from.
pub fn input_value<E: AsRef<Event>>(e: &E) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The value of the select a change came from.
pub fn select_value<E: AsRef<Event>>(e: &E) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// Typing in an input writes its value into the draft held by `draft`, through `apply`.
pub fn on_input<D: Clone + 'static>(
    draft: &UseStateHandle<D>,
    apply: fn(&mut D, String),
) -> Callback<InputEvent> {
    setter(draft, apply, input_value)
}

/// Choosing in a select writes its value into the draft held by `draft`, through `apply`.
pub fn on_select<D: Clone + 'static>(
    draft: &UseStateHandle<D>,
    apply: fn(&mut D, String),
) -> Callback<Event> {
    setter(draft, apply, select_value)
}

fn setter<D: Clone + 'static, E: 'static>(
    draft: &UseStateHandle<D>,
    apply: fn(&mut D, String),
    read: fn(&E) -> String,
) -> Callback<E> {
    let draft = draft.clone();
    Callback::from(move |e: E| {
        let mut d = (*draft).clone();
        apply(&mut d, read(&e));
        draft.set(d);
    })
}
