//! A half-filled form is never lost to a link: following a link away from a form with unsaved
//! input (`data-dirty="true"`, set by the activity, credential, goal, rule and reflection forms)
//! asks first, in the page — "Stay on this page" or "Leave without saving". Saving moves on by
//! itself (the form is gone, or no longer dirty), so only links are stopped. The update banner
//! (static/boot.js) reads the same attribute.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The form on the page with unsaved input, if any.
fn dirty_form() -> Option<web_sys::Element> {
    gloo::utils::document()
        .query_selector("[data-dirty=\"true\"]")
        .ok()
        .flatten()
}

#[function_component(LeaveGuard)]
pub fn leave_guard() -> Html {
    // The address she tried to go to, while she is asked.
    let asked = use_state(|| None::<String>);
    {
        let asked = asked.clone();
        use_effect_with((), move |_| {
            // Before the link's own handling, and not passive: it may stop the link.
            let options = gloo::events::EventListenerOptions {
                phase: gloo::events::EventListenerPhase::Capture,
                passive: false,
            };
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "click",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
                        return;
                    };
                    if e.default_prevented()
                        || e.button() != 0
                        || e.meta_key()
                        || e.ctrl_key()
                        || e.shift_key()
                        || e.alt_key()
                    {
                        return;
                    }
                    let Some(link) = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| t.closest("a[href]").ok().flatten())
                        .and_then(|l| l.dyn_into::<web_sys::HtmlAnchorElement>().ok())
                    else {
                        return;
                    };
                    if link.target() == "_blank" || link.has_attribute("download") {
                        return;
                    }
                    // A link inside the form (help, a preset) is the form's own matter.
                    let Some(form) = dirty_form() else { return };
                    let here = gloo::utils::window().location().href().unwrap_or_default();
                    if form.contains(Some(&link)) || link.href() == here {
                        return;
                    }
                    e.prevent_default();
                    asked.set(Some(link.href()));
                },
            );
            move || drop(listener)
        });
    }
    let stay = use_node_ref();
    {
        let stay = stay.clone();
        use_effect_with(asked.is_some(), move |shown| {
            if *shown {
                if let Some(b) = stay.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }
    let Some(href) = (*asked).clone() else {
        return html! {};
    };
    let on_stay = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(None))
    };
    let on_leave = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| {
            asked.set(None);
            if let Some(form) = dirty_form() {
                let _ = form.set_attribute("data-dirty", "false");
            }
            let _ = gloo::utils::window().location().set_href(&href);
        })
    };
    let on_key = {
        let asked = asked.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                asked.set(None);
            }
        })
    };
    html! {
        <div class="update-banner" role="alertdialog" aria-labelledby="leave-text" onkeydown={on_key}>
            <span id="leave-text">{ "This form has changes that are not saved. Leave without saving them?" }</span>
            <button type="button" class="btn btn--primary btn--small" ref={stay} onclick={on_stay}>
                { "Stay on this page" }</button>
            <button type="button" class="btn btn--small" onclick={on_leave}>{ "Leave without saving" }</button>
        </div>
    }
}
