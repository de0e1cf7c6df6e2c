//! The Yew front end (wasm32 only). Components stay thin: they read the app state, dispatch
//! actions, and display what the domain computed; they never evaluate rules themselves.

pub mod app;
pub mod auto_backup;
pub mod catalog_source;
pub mod components;
pub mod fetch;
pub mod form;
pub mod frame;
pub mod hooks;
pub mod kept;
pub mod lazy;
pub mod locale;
pub mod pages;
pub mod persist;
pub mod router;
pub mod state;
pub mod sync_exchange;
pub mod sync_folder;
pub mod timing;
pub mod worker_client;

use wasm_bindgen::JsCast;

/// Entry point called by `main`: installs the crash screen and mounts the app into `#app`.
/// `records` loads the app with the records, `pages` every other page, `worker` the page's side
/// of the worker (the split points, `src/main.rs`; see [`lazy`]).
pub fn start(
    records: lazy::Loader<lazy::RenderRoot>,
    pages: lazy::Loader<lazy::RenderPage>,
    worker: lazy::Loader<worker_client::WorkerSide>,
) {
    lazy::RECORDS.with(|l| l.set_loader(records));
    lazy::PAGES.with(|l| l.set_loader(pages));
    lazy::WORKER.with(|l| l.set_loader(worker));
    // Through yew: its Renderer replaces a hook set with std::panic::set_hook by its own (which
    // only logs), and the page would go blank; this one it keeps.
    yew::set_custom_panic_hook(Box::new(|info| show_fatal_error(&info.to_string())));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        show_fatal_error("The page is missing its #app element.");
        return;
    };
    // With records stored, their module is fetched before the app is drawn (from the service
    // worker's cache on every visit but the first), so that the first frame is the dashboard with
    // them, not an empty frame first. If it cannot be fetched, the app is drawn anyway and says
    // so, with "Try again". A first visit draws the welcome at once.
    //
    // On the dashboard, the one kept with the stored records (when it was drawn from exactly
    // them, today: `storage::kept`) is shown at once instead, and replaced by the dashboard
    // computed from the records once they are read: a long career's dashboard does not wait for
    // its records' code, their parse and their evaluation.
    if crate::storage::browser::records_stored() {
        match kept::at_start(router::current() == app::Route::Dashboard) {
            Some(markup) => {
                wasm_bindgen_futures::spawn_local(async {
                    // A failure is shown by the frame, with its retry.
                    let _ = lazy::get(&lazy::RECORDS).await;
                });
                mount(root, Some(markup));
            }
            None => wasm_bindgen_futures::spawn_local(async move {
                let _ = lazy::get(&lazy::RECORDS).await;
                mount(root, None);
            }),
        }
    } else {
        mount(root, None);
    }
    lazy::load_pages_soon();
}

/// Draws the app in `root`, with the dashboard kept for the stored records if one was found.
fn mount(root: web_sys::Element, kept: Option<yew::AttrValue>) {
    // The static "Loading…" text is replaced by the app, not left above it.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { kept }).render();
}

/// Replaces the app with the friendly crash screen from index.html. A panic would otherwise leave
/// a blank or frozen page; the screen tells the user their saved records are safe and how to go on.
pub fn show_fatal_error(details: &str) {
    web_sys::console::error_1(&details.into());
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc.get_element_by_id("fatal") {
        let _ = el.remove_attribute("hidden");
        if let Some(Ok(button)) = doc
            .get_element_by_id("fatal-download")
            .map(|b| b.dyn_into::<web_sys::HtmlElement>())
        {
            let _ = button.focus();
        }
    }
    if let Some(el) = doc.get_element_by_id("fatal-details") {
        el.set_text_content(Some(details));
    }
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}
