//! Syncing through a folder without thinking (wasm only): where the browser has the File System
//! Access API (Chrome and Edge on a computer, Chrome on Android), she chooses once the folder her
//! cloud service syncs (iCloud Drive, Dropbox, OneDrive, Google Drive), and the app reads the
//! other devices' files from it and writes this device's own file into it, at start and after
//! each change. The folder's handle is kept in IndexedDB (handles are structured-cloneable);
//! after a restart the browser may need her permission again, which only a click may ask for.
//!
//! Through `js_sys::Reflect`, as `backup_file`: web-sys has these APIs behind its unstable flag.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use js_sys::{Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::backup_file::{call, error_name, permitted};
use super::files;

/// Where the folder's handle is kept (beside the certificates).
const HANDLE_KEY: &str = "sync-folder-handle";
/// Where the passphrase her devices share is kept when she gave one with the folder: this
/// device already holds her records unencrypted; the passphrase protects the copies in the cloud.
const PASSPHRASE_KEY: &str = "sync-folder-passphrase";
/// Where what is shown of it is kept (localStorage; not a record, not in backups).
const STATUS_KEY: &str = "cme-tracker:sync-folder";

/// What the Devices page shows of the folder, and what was read from it last.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// The chosen folder's name; `None` when no folder is chosen.
    pub folder: Option<String>,
    pub last_synced: Option<DateTime<Utc>>,
    /// What the last exchange brought, in words.
    pub said: Option<String>,
    /// Why the last exchange did not happen (permission needed, folder gone…).
    pub problem: Option<String>,
    /// The files in the folder refused at the last exchange, each with why.
    #[serde(default)]
    pub refused: Vec<String>,
    /// This device's own file in the folder, once written (never read back).
    #[serde(default)]
    pub own: Option<String>,
    /// The files read at the last exchange, by name: when each was modified and its size, so
    /// that only files changed since are read again.
    #[serde(default)]
    pub read: BTreeMap<String, (f64, f64)>,
}

/// The status as kept.
pub fn status() -> Status {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STATUS_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Keeps the status (a refused write only means the files are read again next time).
pub fn set_status(s: &Status) {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let (Some(storage), Ok(text)) = (storage, serde_json::to_string(s)) {
        let _ = storage.set_item(STATUS_KEY, &text);
    }
}

/// Whether this browser lets a page keep reading and writing a folder she chose.
pub fn supported() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &"showDirectoryPicker".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Asks for the folder (the browser's folder dialog) and keeps its handle and the passphrase.
/// `Ok(None)` when she closed the dialog.
pub async fn choose(passphrase: Option<&str>) -> Result<Option<String>, String> {
    let Some(w) = web_sys::window() else {
        return Err("No window.".into());
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"id".into(), &"cme-sync".into());
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let handle = match call(&w, "showDirectoryPicker", &[options.into()]).await {
        Ok(h) => h,
        Err(e) if error_name(&e) == "AbortError" => return Ok(None),
        Err(_) => return Err("The browser did not let the page use that folder.".into()),
    };
    files::put_value(HANDLE_KEY, &handle)
        .await
        .map_err(|e| e.0)?;
    match passphrase {
        Some(p) => files::put_value(PASSPHRASE_KEY, &JsValue::from_str(p)).await,
        None => files::delete_value(PASSPHRASE_KEY).await,
    }
    .map_err(|e| e.0)?;
    Ok(Some(name_of(&handle)))
}

fn name_of(handle: &JsValue) -> String {
    Reflect::get(handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "the chosen folder".into())
}

/// Stops syncing through the folder (the folder and its files stay).
pub async fn forget() {
    let _ = files::delete_value(HANDLE_KEY).await;
    let _ = files::delete_value(PASSPHRASE_KEY).await;
    set_status(&Status::default());
}

/// The chosen folder, ready to use: `Ok(None)` when none is chosen, an error in words when the
/// browser needs her permission again (with `ask`, asked for: only from a click).
pub async fn open(ask: bool) -> Result<Option<Folder>, String> {
    let Some(handle) = files::get_value(HANDLE_KEY).await.map_err(|e| e.0)? else {
        return Ok(None);
    };
    if !permitted(&handle, ask).await {
        return Err(
            "The browser needs your permission again to use the sync folder: choose “Sync now”."
                .into(),
        );
    }
    let passphrase = files::get_value(PASSPHRASE_KEY)
        .await
        .ok()
        .flatten()
        .and_then(|v| v.as_string());
    Ok(Some(Folder { handle, passphrase }))
}

/// The chosen folder, with the passphrase given with it.
pub struct Folder {
    handle: JsValue,
    pub passphrase: Option<String>,
}

fn gone(_: JsValue) -> String {
    "The sync folder could not be read (moved, deleted, or not reachable).".into()
}

impl Folder {
    /// The sync files changed since `read` (by when each was modified and its size),
    /// `(name, text)`, and what is now in the folder, to keep as the next `read`.
    pub async fn changed(
        &self,
        read: &BTreeMap<String, (f64, f64)>,
        own: Option<&str>,
    ) -> Result<(Vec<(String, String)>, BTreeMap<String, (f64, f64)>), String> {
        let entries = call_sync(&self.handle, "values")?;
        let mut now = BTreeMap::new();
        let mut texts = Vec::new();
        loop {
            let step = call(&entries, "next", &[]).await.map_err(gone)?;
            if Reflect::get(&step, &"done".into()).is_ok_and(|d| d.is_truthy()) {
                break;
            }
            let entry = Reflect::get(&step, &"value".into()).map_err(gone)?;
            let kind = Reflect::get(&entry, &"kind".into())
                .ok()
                .and_then(|k| k.as_string());
            let name = name_of(&entry);
            if kind.as_deref() != Some("file")
                || !crate::storage::sync::file::is_file_name(&name)
                || own == Some(name.as_str())
            {
                continue;
            }
            // A file being written at this moment (by the cloud service's client) cannot be
            // read: it is left for the next exchange, not counted as read.
            let Some(file) = call(&entry, "getFile", &[])
                .await
                .ok()
                .and_then(|f| f.dyn_into::<web_sys::File>().ok())
            else {
                continue;
            };
            let mark = (file.last_modified(), file.size());
            if read.get(&name) != Some(&mark) {
                let Some(text) = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                else {
                    continue;
                };
                texts.push((name.clone(), text));
            }
            now.insert(name, mark);
        }
        Ok((texts, now))
    }

    /// Writes this device's file into the folder (replacing its earlier one).
    pub async fn write(&self, name: &str, text: &str) -> Result<(), String> {
        let failed = |_| {
            "This device's sync file could not be written into the folder (moved, deleted, or the disk is full).".to_string()
        };
        let options = Object::new();
        let _ = Reflect::set(&options, &"create".into(), &JsValue::TRUE);
        let file = call(
            &self.handle,
            "getFileHandle",
            &[name.into(), options.into()],
        )
        .await
        .map_err(failed)?;
        let writable = call(&file, "createWritable", &[]).await.map_err(failed)?;
        call(&writable, "write", &[JsValue::from_str(text)])
            .await
            .map_err(failed)?;
        call(&writable, "close", &[]).await.map_err(failed)?;
        Ok(())
    }
}

/// Calls a method that returns its answer at once (not a promise).
fn call_sync(target: &JsValue, method: &str) -> Result<JsValue, String> {
    Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(target).ok())
        .ok_or_else(|| gone(JsValue::NULL))
}
