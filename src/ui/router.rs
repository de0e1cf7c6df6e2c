//! Follows the address in the browser: the route after `#` ([`crate::route::Route`]), read
//! again on every `hashchange` (links are plain `<a href="#/…">`, so the browser keeps the
//! history and Back works as on any page).

use std::cell::RefCell;

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

/// Every mounted [`use_route`], by a number of its own, and the last number given.
type Followers = (usize, Vec<(usize, UseStateSetter<Route>)>);

thread_local! {
    static FOLLOWERS: RefCell<Followers> = const { RefCell::new((0, Vec::new())) };
}

/// Goes to `route`, as following a link to it would (a new history entry). The pages hear of it
/// at once, in the same render as the change that led there (the browser's `hashchange` comes a
/// task later): a message shown by a save belongs to the page the save goes to, not the form.
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.path());
    }
    let followers: Vec<UseStateSetter<Route>> =
        FOLLOWERS.with(|f| f.borrow().1.iter().map(|(_, s)| s.clone()).collect());
    for set in followers {
        set.set(route.clone());
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
