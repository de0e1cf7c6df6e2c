//! Follows the address in the browser: the route after `#` ([`crate::route::Route`]), read
//! again on every `hashchange` (links are plain `<a href="#/…">`, so the browser keeps the
//! history and Back works as on any page).

use gloo::events::EventListener;
use yew::prelude::*;

pub use crate::route::Route;

/// The route the address shows now.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::recognize(hash.strip_prefix('#').unwrap_or(&hash))
}

/// Goes to `route`, as following a link to it would (a new history entry). The address changes
/// at once; [`use_route`] hears of it with the browser's `hashchange`, a task later.
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.path());
    }
}

/// The current route; the component renders again when the address changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state_eq(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| route.set(current())));
            move || drop(listener)
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
