//! The button that prints a document page (the audit report, the transcript); the print
//! stylesheet leaves out the controls, so the browser's "Save as PDF" makes the document.

use yew::prelude::*;

/// A plain function: the button keeps no state (see `empty_state`).
pub fn print_button() -> Html {
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! { <button type="button" class="btn btn--primary" onclick={print}>{ "Print or save as PDF" }</button> }
}
