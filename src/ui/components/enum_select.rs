//! Selects of an enum: the options' values are the enum's codes (its serde names, see
//! `domain::model::codes`), so no page keeps a table of codes of its own. Plain functions rather than a
//! component: they keep no state, and each component type costs download size.

use yew::prelude::*;

use crate::domain::model::codes::Coded;
use crate::ui::components::inputs::select_value;

/// The `<option>`s for every value of `T`, `selected` marked, each labelled by `label`.
pub fn enum_options<T: Coded>(selected: Option<T>, label: fn(T) -> &'static str) -> Html {
    html! {
        { for T::ALL.iter().map(|v| html! {
            <option value={v.code()} selected={selected == Some(*v)}>{ label(*v) }</option>
        }) }
    }
}

/// A select's `change` as the value it chose: `None` for an empty ("Any") or unknown option.
pub fn on_enum_change<T: Coded>(f: impl Fn(Option<T>) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| f(T::from_code(&select_value(&e))))
}
