//! Routes and the page frame (header, navigation, footer).
//!
//! A hash router keeps every route inside the one `index.html`, so the app works from any static
//! host and any sub-path without server rewrites.

use yew::prelude::*;

use super::pages;

use super::components::dashboard_view::welcome;
use super::router::use_route;
pub use super::router::Route;

/// The app: with the records once their module is loaded ([`super::lazy::RECORDS`]); until
/// then (a first visit, which has none) the frame and the welcome, from the first download.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The dashboard kept with the stored records, found at start (`super::kept`): shown by the
    /// frame without records until they are read.
    #[prop_or_default]
    pub kept: Option<AttrValue>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // `?crash-test` in the address panics while rendering, so the end-to-end test can check
    // that any panic shows the crash screen (with its download) and never a blank page.
    let crash_test = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.contains("crash-test"));
    if crash_test {
        panic!("Crash screen test (?crash-test in the address)");
    }
    let root = use_state(|| super::lazy::RECORDS.with(super::lazy::Lazy::now));
    if let Some(render) = *root {
        return render();
    }
    let onloaded = Callback::from(move |render| root.set(Some(render)));
    html! { <WithoutRecords {onloaded} kept={props.kept.clone()} /> }
}

/// The app with the records. Reached only through the `records` split point (src/main.rs): what
/// only it leads to (the records' reader and writer, the reducer, the engine, the dashboard) is
/// not in the first download.
pub fn records_root() -> Html {
    html! {
        <super::persist::DataProvider>
            <super::auto_backup::AutoBackupProvider>
                <super::sync_folder::FolderSyncProvider>
                    <WithRecords />
                </super::sync_folder::FolderSyncProvider>
            </super::auto_backup::AutoBackupProvider>
        </super::persist::DataProvider>
    }
}

#[function_component(WithRecords)]
fn with_records() -> Html {
    super::hooks::use_certificate_check();
    let page = match use_route() {
        Route::Dashboard => html! { <pages::dashboard::DashboardPage /> },
        route => html! { <super::lazy::LazyPage {route} /> },
    };
    html! {
        <Frame status={html! { <super::components::toast::Toast /> }}>
            { page }
            <super::components::leave_guard::LeaveGuard />
        </Frame>
    }
}

#[derive(Properties, PartialEq)]
struct WithoutRecordsProps {
    onloaded: Callback<super::lazy::RenderRoot>,
    kept: Option<AttrValue>,
}

/// The frame before the records' module is loaded. With no records stored, the dashboard is
/// the welcome. With records stored, the dashboard kept with them when there is one (drawn
/// without its controls while the records are read), else "Loading…"; any other page needs the
/// records first. Nothing here changes or saves anything.
#[function_component(WithoutRecords)]
fn without_records(props: &WithoutRecordsProps) -> Html {
    let route = use_route();
    let stored = use_state(crate::storage::browser::records_stored);
    let kept = use_state(|| props.kept.clone());
    {
        let stored = stored.clone();
        let kept = kept.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "storage", move |e| {
                    if crate::storage::browser::another_tab_saved(e) {
                        stored.set(true);
                        // Made from records another tab has just changed.
                        kept.set(None);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let elsewhere = route != Route::Dashboard;
    // The page's own module is fetched alongside the records', not after it.
    use_effect_with(elsewhere, |elsewhere| {
        if *elsewhere {
            wasm_bindgen_futures::spawn_local(async {
                // A failure is shown by the page, with its retry.
                let _ = super::lazy::get(&super::lazy::PAGES).await;
            });
        }
    });
    let page = if elsewhere || *stored {
        let placeholder = match (&*kept, elsewhere) {
            (Some(markup), false) => Some(html! {
                // As the app drew it from these records (`storage::kept`): inert and busy until
                // they are read and the same dashboard, with its controls, replaces it.
                <div aria-busy="true" inert=true data-testid="kept-dashboard">
                    { Html::from_html_unchecked(markup.clone()) }
                </div>
            }),
            _ => None,
        };
        html! { <super::lazy::RecordsLoader onloaded={props.onloaded.clone()} {placeholder} /> }
    } else {
        welcome()
    };
    html! { <Frame>{ page }</Frame> }
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    children: Html,
    /// The status line, below the page (with the records only: it shows their changes).
    #[prop_or_default]
    status: Html,
}

thread_local! {
    /// The route the last frame showed. The frame with the records replaces the one without
    /// (the welcome's, or the kept dashboard's): on the first step away from the welcome that is
    /// a page change and must settle focus like any other; replacing the kept dashboard by the
    /// same dashboard computed from the records is not, and must leave scroll and focus alone.
    static LAST_ROUTE: std::cell::RefCell<Option<Route>> = const { std::cell::RefCell::new(None) };
    /// Whether the last page change put focus on `<main>`: a new frame on the same page puts it
    /// on its own `<main>` again (the old one, focused, is gone with the old frame).
    static MAIN_FOCUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[function_component(Frame)]
fn frame(props: &FrameProps) -> Html {
    // A new page starts at its top, and keyboard and screen-reader users land in it rather than
    // on the link they left (unless the page already put focus on one of its own fields).
    let route = use_route();
    use_effect_with(route.clone(), move |route| {
        match LAST_ROUTE.with(|l| l.replace(Some(route.clone()))) {
            Some(last) if last != *route => page_changed(),
            // A new frame on the same page (the one with the records replacing the one without).
            Some(_) if MAIN_FOCUSED.get() => focus_main(),
            _ => {}
        }
    });
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="app-header">
                <div class="app-header__inner">
                    <a href={Route::Dashboard.href()} class="brand">
                        <span class="brand__mark" aria-hidden="true">{ "CME" }</span>
                        <span>{ "CME Tracker" }</span>
                    </a>
                    <Nav />
                </div>
            </header>
            <main id="main" class="app-main" tabindex="-1">
                { props.children.clone() }
            </main>
            { props.status.clone() }
            <footer class="app-footer">
                { "Your records stay in this browser. Nothing is sent anywhere." }
            </footer>
        </>
    }
}

/// The page's `<main>`, which the skip link and page changes focus.
fn main_element() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .get_element_by_id("main")?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

fn page_changed() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let Some(main) = main_element() else {
        return;
    };
    let focus_in_page = main
        .owner_document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| a != *main.as_ref() && main.contains(Some(&a)));
    MAIN_FOCUSED.set(!focus_in_page);
    if !focus_in_page {
        focus_main();
    }
}

fn focus_main() {
    if let Some(main) = main_element() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}

/// The skip link must not change the hash (the router owns it), so it focuses `<main>` itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = main_element() {
            let _ = main.focus();
        }
    })
}

#[function_component(Nav)]
fn nav() -> Html {
    let current = use_route();
    html! {
        <nav class="nav" aria-label="Main">
            <ul>
                { for Route::NAV.iter().map(|(route, label)| {
                    let active = current.section() == *route;

                    html! {
                        <li>
                            <a href={route.href()}
                               aria-current={active.then_some("page")}>{ *label }</a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
