//! "Which renewal does this cycle lead to?": asked by both credential forms, because some boards'
//! requirements hold only in the first renewals (Texas opioids) or only from a later one.

use yew::prelude::*;

use crate::domain::RenewalAnswer;
use crate::ui::components::enum_select::{enum_options, on_enum_change};

#[derive(Properties, PartialEq)]
pub struct RenewalSelectProps {
    /// The select's id (each form has its own).
    pub id: AttrValue,
    pub value: RenewalAnswer,
    pub onchange: Callback<RenewalAnswer>,
}

#[function_component(RenewalSelect)]
pub fn renewal_select(props: &RenewalSelectProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let onchange = {
        let cb = props.onchange.clone();
        on_enum_change(move |a: Option<RenewalAnswer>| cb.emit(a.unwrap_or(RenewalAnswer::NotSure)))
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ "Which renewal does this cycle lead to?" }</label>
            <select id={props.id.clone()} aria-describedby={hint_id.clone()} {onchange}>
                { enum_options(Some(props.value), RenewalAnswer::label) }
            </select>
            <p class="hint" id={hint_id}>{ "Some requirements apply only at the first renewals, others only from a later one. \
                “Not sure” counts it as at least the second, and the count goes up each time you start a new cycle." }</p>
        </div>
    }
}
