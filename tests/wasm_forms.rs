//! Browser tests of the activity form: validation messages appear next to their fields, are
//! announced, and nothing is saved while one shows.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;

use chrono::NaiveDate;
use cme_tracker::domain::draft::{ActivityDraft, ValidDraft};
use cme_tracker::ui::components::activity_form::ActivityForm;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static SAVED: RefCell<Vec<(ValidDraft, bool)>> = const { RefCell::new(Vec::new()) };
}

#[function_component(Host)]
fn host() -> Html {
    let onsave = Callback::from(|v: (ValidDraft, bool)| SAVED.with(|s| s.borrow_mut().push(v)));
    html! {
        <ActivityForm initial={ActivityDraft::default()}
            today={NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()}
            submit_label="Save activity" {onsave} oncancel={Callback::noop()} allow_add_another=true />
    }
}

fn root() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn q(root: &web_sys::Element, sel: &str) -> web_sys::Element {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("{sel} not found"))
}

fn type_into(root: &web_sys::Element, sel: &str, value: &str) {
    let input: HtmlInputElement = q(root, sel).dyn_into().unwrap();
    input.set_value(value);
    let ev = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn click(root: &web_sys::Element, sel: &str) {
    q(root, sel).dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn errors_show_next_to_fields_and_nothing_is_saved() {
    let root = root();
    yew::Renderer::<Host>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    click(&root, "button[type=submit]");
    yew::scheduler::flush().await;

    assert_eq!(
        q(&root, "#act-title-error").text_content().as_deref(),
        Some("Enter a title, e.g. the course name.")
    );
    assert_eq!(
        q(&root, "#act-title")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        q(&root, "#act-title")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("act-title-error")
    );
    assert_eq!(
        q(&root, "#act-start-error").text_content().as_deref(),
        Some("Enter the date of the activity.")
    );
    assert_eq!(
        q(&root, "#act-credit-amount-0-error")
            .text_content()
            .as_deref(),
        Some("Enter the amount of credit.")
    );
    let live = q(&root, "[aria-live=assertive]")
        .text_content()
        .unwrap_or_default();
    assert!(live.starts_with("Not saved: 3 problems to fix."), "{live}");
    assert!(SAVED.with(|s| s.borrow().is_empty()));

    // Fixing a field removes its message at once; a bad amount gets the quarter-hour message.
    type_into(&root, "#act-title", "Ethics update");
    type_into(&root, "#act-start", "2026-05-01");
    type_into(&root, "#act-credit-amount-0", "1.1");
    yew::scheduler::flush().await;
    assert!(root.query_selector("#act-title-error").unwrap().is_none());
    assert_eq!(
        q(&root, "#act-credit-amount-0-error")
            .text_content()
            .as_deref(),
        Some(
            "AMA PRA credits are given in quarter hours: use steps of 0.25 (e.g. 1.25, 1.5, 1.75)."
        )
    );
    click(&root, "button[type=submit]");
    yew::scheduler::flush().await;
    assert!(SAVED.with(|s| s.borrow().is_empty()));

    type_into(&root, "#act-credit-amount-0", "1.25");
    yew::scheduler::flush().await;
    assert_eq!(
        q(&root, "form").get_attribute("data-dirty").as_deref(),
        Some("true")
    );
    click(&root, "button[type=submit]");
    yew::scheduler::flush().await;
    let saved = SAVED.with(|s| s.borrow().len());
    assert_eq!(saved, 1);
}
