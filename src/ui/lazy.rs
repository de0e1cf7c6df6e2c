//! Every page but the dashboard, loaded the first time one of them is opened.
//!
//! The release build splits the page's wasm in two (`scripts/split.mjs` runs wasm-split-cli on
//! the linked module): the first download holds the app's frame, the dashboard, the stored
//! records and the engine; the split point is in `src/main.rs`, and everything only it reaches
//! ([`super::pages::render`] and the pages, forms, tables and charts only it leads to) goes into a
//! second module that the browser fetches, compiles and links into the same memory the first
//! time it is called. The service worker precaches both, so offline use is unchanged.
//!
//! `main` hands the loader to [`super::start`] (the browser tests give theirs to [`set_loader`]).
//! Nothing in the library names [`super::pages::render`]: a reference from the first module's
//! code would put every page back into it.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use super::router::Route;

/// Draws the page for a route. Lives in the second module; kept once it has loaded, so every later
/// page change renders synchronously.
pub type RenderPage = fn(Route) -> Html;

/// A load of the second module under way.
pub type Pending = Pin<Box<dyn Future<Output = Result<RenderPage, LoadFailed>>>>;

/// Starts loading the second module (the split point in `src/main.rs`).
pub type Loader = fn() -> Pending;

thread_local! {
    static LOADER: Cell<Option<Loader>> = const { Cell::new(None) };
    static LOADED: Cell<Option<RenderPage>> = const { Cell::new(None) };
}

/// The second module could not be fetched or instantiated (offline before the service worker
/// had cached it, or a host without the file). The details are in the browser console.
pub struct LoadFailed;

impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Called once at start-up, before the app is mounted.
pub fn set_loader(loader: Loader) {
    LOADER.with(|l| l.set(Some(loader)));
}

#[derive(Properties, PartialEq)]
pub struct LazyPageProps {
    pub route: Route,
}

/// Where the page was not loaded yet.
#[derive(Clone, Copy, PartialEq)]
enum Loading {
    Pending,
    Failed,
}

/// The page for `route`, or "Loading…" while its module arrives (usually from the service
/// worker's cache, in well under a second), or a message with a retry if it cannot be fetched.
#[function_component(LazyPage)]
pub fn lazy_page(props: &LazyPageProps) -> Html {
    let loading = use_state(|| Loading::Pending);
    // Bumped by "Try again": the effect below runs once per attempt.
    let attempt = use_state(|| 0u32);
    let loaded = LOADED.with(Cell::get);
    {
        let loading = loading.clone();
        use_effect_with(*attempt, move |_| {
            if loaded.is_some() {
                return;
            }
            let Some(load) = LOADER.with(Cell::get) else {
                loading.set(Loading::Failed);
                return;
            };
            loading.set(Loading::Pending);
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = load()
                    .await
                    .map(|render| LOADED.with(|l| l.set(Some(render))));
                // `use_state` re-renders on every set, even to an equal value: with the page now
                // loaded, or with the failure.
                loading.set(match loaded {
                    Ok(()) => Loading::Pending,
                    Err(LoadFailed) => Loading::Failed,
                });
            });
        });
    }
    if let Some(render) = loaded {
        return render(props.route.clone());
    }
    match *loading {
        Loading::Pending => html! {
            <p class="page-loading" role="status">{ "Loading…" }</p>
        },
        Loading::Failed => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            html! {
                <div class="banner banner--bad" role="alert">
                    <h1>{ "This page could not be loaded" }</h1>
                    <p>{ "Part of CME Tracker is fetched the first time you open this page, and \
                          it could not be fetched now. Your records are safe on this device. \
                          Check your connection, then try again." }</p>
                    <p class="banner__actions">
                        <button type="button" class="btn btn--primary" onclick={retry}>
                            { "Try again" }
                        </button>
                    </p>
                </div>
            }
        }
    }
}
