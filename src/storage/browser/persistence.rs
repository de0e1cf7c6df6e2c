//! The Storage API: asking the browser to keep the data, and how much room it gives.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Asks the browser not to evict our data under storage pressure. Returns whether it agreed.
pub async fn request_persistence() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    if manager.is_undefined() {
        return None;
    }
    let already = JsFuture::from(manager.persisted().ok()?).await.ok()?;
    if already.as_bool() == Some(true) {
        return Some(true);
    }
    JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// (used, quota) in bytes, when the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    if manager.is_undefined() {
        return None;
    }
    let e: web_sys::StorageEstimate = JsFuture::from(manager.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    Some((e.get_usage()?, e.get_quota()?))
}
