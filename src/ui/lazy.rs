//! Code loaded the first time it is needed: the records (with the dashboard that shows them),
//! every other page, and the page's side of the worker.
//!
//! The release build splits the page's wasm (`scripts/split.mjs` runs wasm-split-cli on the
//! linked module): the first download holds the app's frame, the welcome a first visit sees,
//! and the loading of the rest. The split points are in `src/main.rs`; everything only one of
//! them reaches goes into a module of its own (what several reach, into shared modules loaded
//! with either), which the browser fetches, compiles and links into the same memory the first
//! time the split point is called. The service worker precaches them all, so offline use is
//! unchanged.
//!
//! - [`RECORDS`]: [`super::app::records_root`], the app with the records: their reader and
//!   writer (the save path, the merge of two tabs, the contract check), the reducer, the engine
//!   and the dashboard. Loaded before the app is drawn when records are stored (every visit
//!   after the first change), and as soon as a first visit leaves the welcome.
//! - [`PAGES`]: [`super::pages::render`] and the pages, forms, tables and charts only it leads to.
//! - [`WORKER`]: [`super::worker_client::WorkerSide`], the worker connection and its messages' readers
//!   and writers, and the automatic backup's writing of its file (the automatic backup and the
//!   start banner need them, but not to show the dashboard).
//!
//! `main` hands the loaders to [`super::start`] (the browser tests give theirs to
//! [`Lazy::set_loader`]). Nothing in the library names the functions behind them: a reference from
//! the first module's code would put them, and all they reach, back into it.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

use yew::prelude::*;

use super::router::Route;

/// Draws the page for a route.
pub type RenderPage = fn(Route) -> Html;

/// Draws the app with the records.
pub type RenderRoot = fn() -> Html;

/// A load of a split-off module under way, ending with the function it holds.
pub type Pending<F> = Pin<Box<dyn Future<Output = Result<F, LoadFailed>>>>;

/// Starts a load (a split point in `src/main.rs`).
pub type Loader<F> = fn() -> Pending<F>;

/// The second module could not be fetched or instantiated (offline before the service worker
/// had cached it, or a host without the file). The details are in the browser console.
#[derive(Debug)]
pub struct LoadFailed;

impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Said wherever a split-off module could not be fetched (a page, a request to the worker).
pub const SAFE_TRY_AGAIN: &str = "Your records are safe on this device. Check your connection, \
     then try again; if CME Tracker was updated in another tab meanwhile, reload this page.";

/// A function in a split-off module: how to load it, and the function once loaded (kept, so that
/// every later use is a plain call).
pub struct Lazy<F: Copy + 'static> {
    loader: Cell<Option<Loader<F>>>,
    loaded: Cell<Option<F>>,
}

thread_local! {
    pub static RECORDS: Lazy<RenderRoot> = const { Lazy::new() };
    pub static PAGES: Lazy<RenderPage> = const { Lazy::new() };
    pub static WORKER: Lazy<super::worker_client::WorkerSide> = const { Lazy::new() };
}

impl<F: Copy + 'static> Lazy<F> {
    const fn new() -> Self {
        Lazy {
            loader: Cell::new(None),
            loaded: Cell::new(None),
        }
    }

    /// Called once at start-up, before the app is mounted.
    pub fn set_loader(&self, loader: Loader<F>) {
        self.loader.set(Some(loader));
    }

    /// The function, if it has loaded.
    pub fn now(&self) -> Option<F> {
        self.loaded.get()
    }
}

/// Loads the records' and pages' modules before they are asked for, so that the first page
/// change does not wait for them (it took about 180 ms at 4× CPU on a return visit, and seconds
/// on a first visit's slow network, docs/performance-history.md) — but only from the service worker's
/// cache, never competing with what is on screen for the network: on a visit it serves (every
/// visit after the first), a moment after start-up; on a first visit, once it has cached every
/// file and taken the page over (`clients.claim` in sw.js), which it does while the welcome is
/// read.
pub fn load_pages_soon() {
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    if container.controller().is_some() {
        load_later(2_000);
    } else {
        gloo::events::EventListener::once(&container, "controllerchange", |_| load_later(0))
            .forget();
    }
}

fn load_later(ms: u32) {
    gloo::timers::callback::Timeout::new(ms, || {
        wasm_bindgen_futures::spawn_local(async {
            // A failure is shown, with its retry, if a page is opened.
            let _ = get(&RECORDS).await;
            let _ = get(&PAGES).await;
        })
    })
    .forget();
}

/// The function behind `key`, loading its module first if that has not happened yet. A failed
/// load is not kept: the next call tries again.
pub async fn get<F: Copy + 'static>(key: &'static LocalKey<Lazy<F>>) -> Result<F, LoadFailed> {
    if let Some(f) = key.with(Lazy::now) {
        return Ok(f);
    }
    let load = key.with(|l| l.loader.get()).ok_or(LoadFailed)?;
    let f = load().await?;
    key.with(|l| l.loaded.set(Some(f)));
    Ok(f)
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
    match use_lazy(&PAGES) {
        Ok(render) => render(props.route.clone()),
        Err((_, waiting)) => waiting,
    }
}

#[derive(Properties, PartialEq)]
pub struct RecordsLoaderProps {
    /// Hears the app with the records, once its module is loaded.
    pub onloaded: Callback<RenderRoot>,
    /// Shown instead of "Loading…" (the kept dashboard), and under the message if the module
    /// cannot be fetched.
    #[prop_or_default]
    pub placeholder: Option<Html>,
}

/// In the frame without records ([`super::app`]), where the records are needed: "Loading…" while
/// their module arrives, or the message with its retry; then hands the app with the records up.
#[function_component(RecordsLoader)]
pub fn records_loader(props: &RecordsLoaderProps) -> Html {
    let state = use_lazy(&RECORDS);
    let loaded = state.as_ref().ok().copied();
    {
        let onloaded = props.onloaded.clone();
        use_effect_with(loaded.is_some(), move |_| {
            if let Some(root) = loaded {
                onloaded.emit(root);
            }
        });
    }
    match (state, &props.placeholder) {
        (Ok(_), _) => Html::default(),
        (Err((_, waiting)), None) => waiting,
        (Err((Loading::Pending, _)), Some(kept)) => kept.clone(),
        (Err((Loading::Failed, failed)), Some(kept)) => html! { <>{ failed }{ kept.clone() }</> },
    }
}

/// A split-off module's function, or, until it has loaded, what to show in its place: "Loading…",
/// or the message with "Try again" when it could not be fetched. The load starts on the first
/// render and again on each "Try again".
#[hook]
fn use_lazy<F: Copy + 'static>(key: &'static LocalKey<Lazy<F>>) -> Result<F, (Loading, Html)> {
    let loading = use_state(|| Loading::Pending);
    // Bumped by "Try again": the effect below runs once per attempt.
    let attempt = use_state(|| 0u32);
    let loaded = key.with(Lazy::now);
    {
        let loading = loading.clone();
        use_effect_with(*attempt, move |_| {
            if loaded.is_some() {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                // `use_state` re-renders on every set, even to an equal value: with the module
                // now loaded, or with the failure.
                loading.set(match get(key).await {
                    Ok(_) => Loading::Pending,
                    Err(LoadFailed) => Loading::Failed,
                });
            });
        });
    }
    if let Some(f) = loaded {
        return Ok(f);
    }
    let now = *loading;
    Err((
        now,
        match now {
            Loading::Pending => html! {
                <p class="page-loading" role="status">{ "Loading…" }</p>
            },
            Loading::Failed => {
                let retry = Callback::from(move |_: MouseEvent| {
                    loading.set(Loading::Pending);
                    attempt.set(*attempt + 1);
                });
                html! {
                    <div class="banner banner--bad" role="alert">
                        <h1>{ "This page could not be loaded" }</h1>
                        <p>{ "Part of CME Tracker is fetched the first time you open this page, and \
                              it could not be fetched now. " }{ SAFE_TRY_AGAIN }</p>
                        <p class="banner__actions">
                            <button type="button" class="btn btn--primary" onclick={retry}>
                                { "Try again" }
                            </button>
                        </p>
                    </div>
                }
            }
        },
    ))
}
