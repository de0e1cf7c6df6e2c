//! Files of the app itself, fetched from the address the page was opened from (relative, so the
//! app works from any sub-path) and, after the first visit, answered by the service worker.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read: the server's answer, or no answer at all.
pub enum NotFetched {
    Status(u16),
    Unreachable,
}

/// The text of `path`, relative to the page.
pub async fn text(path: &str) -> Result<String, NotFetched> {
    let window = web_sys::window().ok_or(NotFetched::Unreachable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| NotFetched::Unreachable)?
        .dyn_into()
        .map_err(|_| NotFetched::Unreachable)?;
    if !response.ok() {
        return Err(NotFetched::Status(response.status()));
    }
    JsFuture::from(response.text().map_err(|_| NotFetched::Unreachable)?)
        .await
        .map_err(|_| NotFetched::Unreachable)?
        .as_string()
        .ok_or(NotFetched::Unreachable)
}
