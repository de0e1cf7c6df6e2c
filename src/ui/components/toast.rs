//! The polite status line ("Deleted “Ethics grand rounds”.") with Undo after a deletion.

use yew::prelude::*;

use crate::ui::state::{use_app, Action};

#[function_component(Toast)]
pub fn toast() -> Html {
    let app = use_app();
    let message = app.toast.clone();
    let undo = app.undo.is_some();
    let on_undo = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::UndoDelete))
    };
    let on_close = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DismissToast))
    };
    // Messages go away by themselves; with Undo on offer they stay longer (10 s).
    {
        let app = app.clone();
        use_effect_with(message.clone(), move |m| {
            let timer = m.as_ref().map(|_| {
                let ms = if app.undo.is_some() { 10_000 } else { 5_000 };
                gloo::timers::callback::Timeout::new(ms, move || app.dispatch(Action::DismissToast))
            });
            move || drop(timer)
        });
    }
    // The live region is always in the page so screen readers announce each new message.
    html! {
        <div class="toast-region" aria-live="polite" role="status">
            if let Some(message) = message {
                <div class="toast">
                    <span>{ message }</span>
                    if undo {
                        <button type="button" class="btn btn--small" onclick={on_undo}>{ "Undo" }</button>
                    }
                    <button type="button" class="btn btn--small" aria-label="Dismiss message" onclick={on_close}>{ "×" }</button>
                </div>
            }
        </div>
    }
}
