//! localStorage, through gloo-storage once a probe has shown it works: the save path's
//! [`Store`], the raw strings for the crash screen, quarantine and deletion, and the remembered
//! spreadsheet mappings.

use chrono::Utc;
use wasm_bindgen::{JsCast, JsValue};

use crate::storage::format::{self, KEY_META};
use crate::storage::save_path::Store;

/// Why storage cannot be used at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable(pub String);

thread_local! {
    /// Set by [`probe`]: whether localStorage can be read and written.
    static AVAILABLE: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

const BLOCKED: &str = "This browser does not let the page keep data (storage is blocked or disabled). Your changes stay in this tab only: download a backup before closing it.";

/// localStorage, through gloo-storage, once the probe has shown it works (gloo's handle panics
/// when storage is blocked, so nothing touches it before).
pub(super) fn storage() -> Result<web_sys::Storage, Unavailable> {
    let available = AVAILABLE
        .with(|a| a.get())
        .unwrap_or_else(|| probe().is_ok());
    if available {
        use gloo_storage::Storage as _;
        Ok(gloo_storage::LocalStorage::raw())
    } else {
        Err(Unavailable(BLOCKED.into()))
    }
}

/// Checks that storage can be read and written before anything is loaded or saved. Through
/// web-sys: accessing `window.localStorage` itself throws when storage is blocked by settings.
pub fn probe() -> Result<(), Unavailable> {
    let result = web_sys::window()
        .ok_or_else(|| Unavailable("no window".into()))
        .and_then(|w| match w.local_storage() {
            Ok(Some(s)) => Ok(s),
            _ => Err(Unavailable(BLOCKED.into())),
        })
        .and_then(|s| {
            let key = "cme-tracker:probe";
            s.set_item(key, "1")
                .and_then(|_| s.remove_item(key))
                .map_err(|e| Unavailable(describe_error(&e)))
        });
    AVAILABLE.with(|a| a.set(Some(result.is_ok())));
    result
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// localStorage, seen through the two bindings below.
    type RawStorage;

    /// `Storage.getItem`, answering the JavaScript string itself. web-sys's `get_item` copies a
    /// string into wasm with a JavaScript loop, one character at a time up to the first
    /// non-ASCII one: for a long career's 5 MB of records that loop was 20 ms of every start
    /// (80 ms on a phone). [`text`] copies it through the browser's own encoder instead.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;

    /// `Storage.setItem` with a string already in JavaScript (so it can be compared with what
    /// the browser kept without a second copy).
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;

    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsValue, into: &js_sys::Uint8Array) -> Encoded;

    /// What `encodeInto` did: UTF-16 units read, bytes written.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JavaScript string as Rust text, written by the browser's UTF-8 encoder straight into the
/// string's own buffer (a lone surrogate becomes U+FFFD, as in web-sys's copy). `encode` would
/// first build a second 5 MB array in JavaScript for a long career and then copy it over.
fn text(value: &JsValue) -> String {
    let js: &js_sys::JsString = value.unchecked_ref();
    let units = js.length() as usize;
    // Records are mostly ASCII: one byte per UTF-16 unit, and more room only if the text needs it
    // (at most 3 bytes per unit).
    let mut bytes: Vec<u8> = Vec::with_capacity(units);
    let mut read = 0;
    // What is left to encode, once the first guess of room ran out.
    let mut rest: Option<JsValue> = None;
    loop {
        let spare = bytes.capacity() - bytes.len();
        let done = ENCODER.with(|e| {
            // SAFETY: the view covers the vector's spare capacity and is used at once: nothing
            // allocates (or grows the memory under it) before `encodeInto` returns.
            let view = unsafe {
                js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr().add(bytes.len()), spare)
            };
            e.encode_into(rest.as_ref().unwrap_or(value), &view)
        });
        // SAFETY: `encodeInto` wrote `written` bytes at the end of what was there.
        unsafe { bytes.set_len(bytes.len() + done.written() as usize) };
        read += done.read() as usize;
        if read >= units {
            break;
        }
        rest = Some(js.slice(read as u32, units as u32).into());
        bytes.reserve((units - read) * 3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn raw(s: &web_sys::Storage) -> &RawStorage {
    s.unchecked_ref()
}

fn get(key: &str) -> Option<String> {
    let value = raw(&storage().ok()?).get_item_js(key).ok()?;
    value.is_string().then(|| text(&value))
}

/// localStorage as the save path's [`Store`]: reads, and writes that are read back.
pub struct BrowserStore;

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let s = storage().map_err(|u| u.0)?;
        let s = raw(&s);
        let value = JsValue::from_str(value);
        s.set_item_js(key, &value).map_err(|e| describe_error(&e))?;
        // Read back: some browsers (private modes) accept writes they do not keep. Compared in
        // JavaScript, without copying the records back into wasm.
        if s.get_item_js(key).ok() != Some(value) {
            return Err("Your browser did not keep the last change. Download a backup now.".into());
        }
        Ok(())
    }
}

/// Whether the app starts with its records (the `records` module, `ui::lazy`): records of any
/// version are stored, or storage cannot be read (the save path's banner says so). Reads only the
/// keys' names, never the records.
pub fn records_stored() -> bool {
    use crate::storage::format::{DATA_KEYS, KEY_META};
    let Ok(s) = storage() else {
        return true;
    };
    let len = s.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .any(|k| k == KEY_META || DATA_KEYS.contains(&k.as_str()))
}

/// Whether `e` is another tab's save: a `storage` event on the meta key, which every save writes
/// last.
pub fn another_tab_saved(e: &web_sys::Event) -> bool {
    e.dyn_ref::<web_sys::StorageEvent>()
        .and_then(|e| e.key())
        .is_some_and(|k| k == crate::storage::format::KEY_META)
}

/// Every raw stored string of the app (records, quarantined copies), for the crash screen's
/// "download what is stored" and the unreadable-data download. Reads only.
pub fn raw_pairs() -> Vec<(String, String)> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let len = s.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| {
            k.starts_with("cme-tracker:")
                && k != "cme-tracker:probe"
                && k != crate::storage::kept::KEY_DASHBOARD
        })
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

/// Keeps unreadable stored data under the quarantine prefix, then clears the data keys so the
/// app can start; the raw text stays downloadable.
pub fn quarantine() -> Result<Vec<(String, String)>, String> {
    let s = storage().map_err(|u| u.0)?;
    let pairs = format::quarantine_pairs(get, Utc::now());
    for (k, v) in &pairs {
        s.set_item(k, v).map_err(|e| describe_error(&e))?;
    }
    for key in [KEY_META, crate::storage::kept::KEY_DASHBOARD]
        .into_iter()
        .chain(format::DATA_KEYS)
    {
        let _ = s.remove_item(key);
    }
    Ok(pairs)
}

/// Removes every record this app keeps (the Privacy page's "Delete all my data").
pub fn delete_all() -> Result<(), String> {
    let s = storage().map_err(|u| u.0)?;
    let len = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("cme-tracker:"))
        .collect();
    for k in keys {
        s.remove_item(&k).map_err(|e| describe_error(&e))?;
    }
    Ok(())
}

fn describe_error(e: &JsValue) -> String {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        "The browser's storage for this page is full, so the last change could not be saved. It is still here in this tab: download a backup now. Then make room by deleting records you no longer need or shortening long notes (the browser gives a page about 5 MB for records; certificates are kept apart from them, so removing certificates does not help here)."
            .into()
    } else if name == "SecurityError" {
        "The browser blocks storage for this page, so changes cannot be saved. Download a backup before closing the tab."
            .into()
    } else {
        format!(
            "The browser refused to save ({}). Your changes are still here: download a backup now.",
            if name.is_empty() {
                "unknown error".to_string()
            } else {
                name
            }
        )
    }
}

/// Where the mappings of earlier spreadsheets are kept (not records: no backup carries them).
const KEY_MAPPINGS: &str = "cme-tracker:csv-mappings";

/// The mappings chosen for earlier spreadsheets (none when storage is blocked or the entry
/// does not read: it is a convenience, never data).
pub fn remembered_mappings() -> crate::domain::formats::spreadsheet::RememberedMappings {
    get(KEY_MAPPINGS)
        .and_then(|t| crate::json::from_text(&t).ok())
        .unwrap_or_default()
}

/// Keeps `remembered` for the next file; a refused write only means the next file is asked
/// about again.
pub fn remember_mappings(remembered: &crate::domain::formats::spreadsheet::RememberedMappings) {
    if let (Ok(s), Ok(text)) = (storage(), crate::json::to_text(remembered)) {
        let _ = s.set_item(KEY_MAPPINGS, &text);
    }
}
