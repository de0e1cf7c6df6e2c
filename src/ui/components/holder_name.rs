//! The clinician's name for reports and transcripts: shown on screen above a report (never
//! printed as a form), saved in the settings that travel with backups.

use crate::storage::change::Change;
use yew::prelude::*;

use crate::storage::data::holder_name_problem;
use crate::ui::components::inputs::input_value;
use crate::ui::state::{use_app, Action};

#[function_component(HolderNameField)]
pub fn holder_name_field() -> Html {
    let app = use_app();
    let stored = app.data.settings.holder_name.clone();
    let text = use_state(|| stored.clone());
    // The message follows the text as typed; saving is refused while it shows.
    let error = holder_name_problem(&text);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(input_value(&e));
        })
    };
    let onsubmit = {
        let text = text.clone();
        let app = app.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if holder_name_problem(&text).is_none() {
                app.dispatch(Action::Change(Change::SetHolderName((*text).clone())));
            }
        })
    };
    let describedby = error.as_ref().map(|_| "holder-name-error");
    let invalid = error.as_ref().map(|_| "true");
    let unchanged = text.trim() == stored;
    html! {
        <form class="holder-name no-print" {onsubmit}>
            <label for="holder-name">{ "Your name on reports" }</label>
            <div class="holder-name__row">
                <input id="holder-name" type="text" autocomplete="name" value={(*text).clone()}
                    placeholder="e.g. Jordan Lee, MD" {oninput} aria-describedby={describedby} aria-invalid={invalid} />
                <button type="submit" class="btn" disabled={unchanged}>{ "Save name" }</button>
            </div>
            if let Some(m) = &error {
                <p class="error" id="holder-name-error">{ m.clone() }</p>
            }
        </form>
    }
}
