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
    // A message belongs to the page it appeared on (a save's message appears on the page the
    // save leads to): when the person moves on to another page, it goes.
    // The route itself, not the hook's copy: a save's message renders with the page the save
    // went to, and must be counted as that page's, whichever hook hears of the route first. The
    // hook is still called, so that the message renders again, and goes, when the route changes.
    crate::ui::router::use_route();
    let route = crate::ui::router::current().path();
    let shown_at = use_mut_ref(|| None::<(String, String)>);
    {
        let mut at = shown_at.borrow_mut();
        match (&message, at.as_ref()) {
            (None, _) => *at = None,
            (Some(m), Some((seen, page))) if seen == m => {
                if *page != route {
                    *at = None;
                    app.dispatch(Action::DismissToast);
                }
            }
            (Some(m), _) => *at = Some((m.clone(), route.clone())),
        }
    }
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
