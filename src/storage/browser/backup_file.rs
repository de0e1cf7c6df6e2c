//! Backup without thinking (wasm only): where the browser has the File System Access API
//! (Chrome and Edge on a computer), the person chooses a backup file once and the app writes
//! the backup to it after changes. The file's handle is kept in IndexedDB (handles are
//! structured-cloneable), so it survives a reload; writing needs the person's permission again
//! after a restart, which only a click may ask for. Elsewhere the monthly reminder stays.
//!
//! Through `js_sys::Reflect`: web-sys has these APIs behind its unstable flag only.

use chrono::{DateTime, Utc};
use js_sys::{Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::files;

/// Where the chosen file's handle is kept (beside the certificates).
const HANDLE_KEY: &str = "auto-backup-handle";
/// Where what is shown of it is kept (localStorage; not a record, not in backups).
const STATUS_KEY: &str = "cme-tracker:auto-backup";

/// What the Backup page shows of the automatic backup.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// The chosen file's name; `None` when no file is chosen.
    pub file: Option<String>,
    pub last_written: Option<DateTime<Utc>>,
    /// Why the last write did not happen (permission needed, file gone…).
    pub problem: Option<String>,
}

/// The status as kept.
pub fn status() -> Status {
    use gloo_storage::Storage;
    if super::local_storage::probe().is_err() {
        return Status::default();
    }
    gloo_storage::LocalStorage::get(STATUS_KEY).unwrap_or_default()
}

/// Keeps the status (a refused write only means it is shown again as before).
pub fn set_status(s: &Status) {
    use gloo_storage::Storage;
    if super::local_storage::probe().is_ok() {
        let _ = gloo_storage::LocalStorage::set(STATUS_KEY, s);
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Whether this browser lets a page keep writing to a file the person chose.
pub fn supported() -> bool {
    window()
        .and_then(|w| Reflect::get(&w, &"showSaveFilePicker".into()).ok())
        .is_some_and(|f| f.is_function())
}

pub(super) async fn call(
    target: &JsValue,
    method: &str,
    args: &[JsValue],
) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    let promise: js_sys::Promise = f.apply(target, &array)?.dyn_into()?;
    JsFuture::from(promise).await
}

pub(super) fn error_name(e: &JsValue) -> String {
    Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Asks for the file (the browser's save dialog) and keeps its handle. `Ok(None)` when the
/// person closed the dialog.
pub async fn choose() -> Result<Option<String>, String> {
    let Some(w) = window() else {
        return Err("No window.".into());
    };
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &"suggestedName".into(),
        &"cme-tracker-backup.json".into(),
    );
    let kind = Object::new();
    let accept = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"CME Tracker backup".into());
    let _ = Reflect::set(
        &accept,
        &"application/json".into(),
        &js_sys::Array::of1(&".json".into()),
    );
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let _ = Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind));
    let handle = match call(&w, "showSaveFilePicker", &[options.into()]).await {
        Ok(h) => h,
        Err(e) if error_name(&e) == "AbortError" => return Ok(None),
        Err(_) => return Err("The browser did not let the page choose a file.".into()),
    };
    files::put_value(HANDLE_KEY, &handle)
        .await
        .map_err(|e| e.0)?;
    Ok(Some(
        Reflect::get(&handle, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_else(|| "the chosen file".into()),
    ))
}

/// Forgets the chosen file (the file itself stays where it is).
pub async fn forget() {
    let _ = files::delete_value(HANDLE_KEY).await;
    set_status(&Status::default());
}

/// Whether the page may write to the file (or folder) now; with `ask`, asks the person (only from a click).
pub(super) async fn permitted(handle: &JsValue, ask: bool) -> bool {
    let options = Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    // A handle without the permission methods (the origin-private file system) is always ours.
    if !Reflect::get(handle, &method.into()).is_ok_and(|f| f.is_function()) {
        return true;
    }
    matches!(call(handle, method, &[options.into()]).await, Ok(v) if v.as_string().as_deref() == Some("granted"))
}

/// Writes `text` to the chosen file: `Ok(false)` when no file is chosen, an error in words
/// when the permission is needed again or the file cannot be written.
pub async fn write(text: &str, ask: bool) -> Result<bool, String> {
    let Some(handle) = files::get_value(HANDLE_KEY).await.map_err(|e| e.0)? else {
        return Ok(false);
    };
    if !permitted(&handle, ask).await {
        return Err("The browser needs your permission again to write the backup file.".into());
    }
    let failed = |_| {
        "The backup file could not be written (moved, deleted, or the disk is full).".to_string()
    };
    let writable = call(&handle, "createWritable", &[]).await.map_err(failed)?;
    call(&writable, "write", &[JsValue::from_str(text)])
        .await
        .map_err(failed)?;
    call(&writable, "close", &[]).await.map_err(failed)?;
    Ok(true)
}
