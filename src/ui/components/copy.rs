//! A button that copies a figure or a list to the clipboard, for pasting into a renewal form.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What is copied.
    pub text: AttrValue,
    /// The button's accessible name ("Copy 12.5 (Total)"); the visible text is "Copy".
    pub label: AttrValue,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let app = use_app();
    let onclick = {
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let app = app.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let message = match write_clipboard(&text).await {
                    Ok(()) => format!("Copied “{}”.", short(&text)),
                    Err(()) => "Could not copy here: select the text and copy it.".to_string(),
                };
                app.dispatch(Action::Notify(message));
            });
        })
    };
    html! {
        <button type="button" class="btn btn--small no-print" aria-label={props.label.clone()} {onclick}>{ "Copy" }</button>
    }
}

fn short(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    let mut s: String = first.chars().take(40).collect();
    if first.chars().count() > 40 || text.lines().count() > 1 {
        s.push('…');
    }
    s
}

/// `navigator.clipboard.writeText`, reached by name (web-sys keeps the Clipboard API behind an
/// unstable flag); an error when the browser refuses or lacks it.
async fn write_clipboard(text: &str) -> Result<(), ()> {
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(())?;
    let promise = write
        .call1(&clipboard, &text.into())
        .map_err(|_| ())?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
