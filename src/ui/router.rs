//! Follows the address in the browser: the route after `#` ([`crate::route::Route`]), read
//! again on every `hashchange` and `popstate` (links are plain `<a href="#/…">`, so the browser
//! keeps the history and Back works as on any page).

use gloo::events::EventListener;
use yew::prelude::*;

pub use crate::route::Route;

thread_local! {
    /// The route [`go`] went to, until the address shows it (after the new page's first frame).
    static GOING: std::cell::RefCell<Option<Route>> = const { std::cell::RefCell::new(None) };
}

/// The route shown now: the address's, or the one [`go`] went to while the address follows.
pub fn current() -> Route {
    if let Some(route) = GOING.with_borrow(Clone::clone) {
        return route;
    }
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::recognize(hash.strip_prefix('#').unwrap_or(&hash))
}

/// Goes to `route`, as following a link to it would (a new history entry). [`use_route`] hears
/// of it at once, in the same task, so a save and the page it leads to make one render (with the
/// browser's `hashchange`, a task later, the page being left would first draw again with the
/// records just saved). The address follows after the new page's first frame: written now,
/// by `location.hash` or `pushState`, it held that frame back by 7-8 ms at 4x CPU (traced),
/// `location.hash` also laying out the page being left to look for an element the fragment
/// names.
pub fn go(route: &Route) {
    let Some(w) = web_sys::window() else {
        return;
    };
    GOING.set(Some(route.clone()));
    if let Ok(e) = web_sys::Event::new(NOTICE) {
        let _ = w.dispatch_event(&e);
    }
    crate::ui::frame::after_next_frame(|| {
        // None when the address has moved since (a link followed, Back): it wins.
        let Some(route) = GOING.take() else {
            return;
        };
        let Some(w) = web_sys::window() else {
            return;
        };
        let pushed = w.history().ok().is_some_and(|h| {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()))
                .is_ok()
        });
        if !pushed {
            let _ = w.location().set_hash(&route.path());
        }
    });
}

/// The event [`go`] sends to [`use_route`] (the browser sends none for `pushState`).
const NOTICE: &str = "cme:route";

/// The current route; the component renders again when the address changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state_eq(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            // `hashchange` for links and typed addresses, `popstate` for Back and Forward across
            // the entries `go` made (one would do in today's browsers; both cost nothing, as an
            // unchanged route renders nothing).
            let listeners = web_sys::window().map(|w| {
                ["hashchange", "popstate", NOTICE].map(|name| {
                    let route = route.clone();
                    EventListener::new(&w, name, move |_| {
                        if name != NOTICE {
                            // The address moved by itself: a route `go` has not yet written
                            // gives way.
                            GOING.set(None);
                        }
                        route.set(current())
                    })
                })
            });
            move || drop(listeners)
        });
    }
    (*route).clone()
}

/// Back to the previous page, as the browser's Back button (a form's "Cancel").
pub fn back() {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.back();
    }
}
