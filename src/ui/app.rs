//! Routes and the page frame (header, navigation, footer).
//!
//! A hash router keeps every route inside the one `index.html`, so the app works from any static
//! host and any sub-path without server rewrites.

use yew::prelude::*;

use super::pages;

use super::router::use_route;
pub use super::router::Route;

#[function_component(App)]
pub fn app() -> Html {
    // `?crash-test` in the address panics while rendering, so the end-to-end test can check
    // that any panic shows the crash screen (with its download) and never a blank page.
    let crash_test = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.contains("crash-test"));
    if crash_test {
        panic!("Crash screen test (?crash-test in the address)");
    }
    html! {
        <super::persist::DataProvider>
            <super::auto_backup::AutoBackupProvider>
                <Frame />
            </super::auto_backup::AutoBackupProvider>
        </super::persist::DataProvider>
    }
}

#[function_component(Frame)]
fn frame() -> Html {
    // A new page starts at its top, and keyboard and screen-reader users land in it rather than
    // on the link they left (unless the page already put focus on one of its own fields).
    let route = use_route();
    let first = use_mut_ref(|| true);
    use_effect_with(route.clone(), move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            page_changed();
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
                { switch(route) }
            </main>
            <super::components::toast::Toast />
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
    if !focus_in_page {
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

/// The dashboard, the page every visit starts on, is in the first download; every other page is
/// in the second module that [`super::lazy`] loads on the first visit to one of them.
fn switch(route: Route) -> Html {
    match route {
        Route::Dashboard => html! { <pages::dashboard::DashboardPage /> },
        route => html! { <super::lazy::LazyPage {route} /> },
    }
}
