//! "I am a…": the professions that order the catalog, the credit types and the topics. Shown on
//! the catalog page (where a first visit goes to add a credential) and in the settings.

use yew::prelude::*;

use crate::domain::model::profession::Profession;
use crate::storage::change::Change;
use crate::ui::state::{use_app, Action};

#[function_component(ProfessionChooser)]
pub fn profession_chooser() -> Html {
    let app = use_app();
    let chosen = app.data.settings.professions.clone();
    let toggle = |p: Profession| {
        let (app, chosen) = (app.clone(), chosen.clone());
        Callback::from(move |_: Event| {
            let mut next = chosen.clone();
            match next.iter().position(|x| *x == p) {
                Some(i) => {
                    next.remove(i);
                }
                None => next.push(p),
            }
            app.dispatch(Action::Change(Change::SetProfessions(next)));
        })
    };
    html! {
        <fieldset class="field professions" data-testid="profession-chooser">
            <legend>{ "I am a…" }</legend>
            <p class="hint" id="professions-hint">{ "Choose every profession you hold a license or certification in. Their presets, credit types and topics come first; nothing is hidden." }</p>
            <div class="check-grid" role="group" aria-describedby="professions-hint">
                { for Profession::ALL.iter().map(|p| {
                    let id = format!("profession-{}", p.code());
                    html! {
                        <label class="check" for={id.clone()}>
                            <input type="checkbox" id={id} checked={chosen.contains(p)} onchange={toggle(*p)} />
                            <span>{ p.label() }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
