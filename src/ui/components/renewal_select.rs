//! "Which renewal does this cycle lead to?": asked by both credential forms, because some boards'
//! requirements hold only in the first renewals (Texas opioids) or only from a later one.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::RenewalAnswer;

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
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            cb.emit(RenewalAnswer::from_code(&code));
        })
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ "Which renewal does this cycle lead to?" }</label>
            <select id={props.id.clone()} aria-describedby={hint_id.clone()} {onchange}>
                { for RenewalAnswer::ALL.iter().map(|a| html! {
                    <option value={a.code()} selected={*a == props.value}>{ a.label() }</option>
                }) }
            </select>
            <p class="hint" id={hint_id}>{ "Some requirements apply only at the first renewals, others only from a later one. \
                “Not sure” counts it as at least the second, and the count goes up each time you start a new cycle." }</p>
        </div>
    }
}
