//! Certificate files in the browser's IndexedDB, keyed by each file's id (the records in
//! localStorage hold what is known of each file: name, type, size, SHA-256).
//!
//! Through the `idb` crate: futures over IndexedDB's requests and transactions, with typed
//! errors, and nothing else (no ORM, no serialisation layer of its own). `rexie` is a wrapper
//! around the same crate with a builder we do not need; `indexed_db_futures` is larger and its
//! typed values go through serde, while a certificate is a `Blob` stored as it is.

use idb::{
    Database, DatabaseEvent, Factory, ObjectStore, ObjectStoreParams, Transaction, TransactionMode,
};
use js_sys::{ArrayBuffer, Uint8Array};
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

const DB: &str = "cme-tracker-files";
const STORE: &str = "certificates";

/// Why a file could not be stored or read, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub String);

fn err(context: &str, e: impl std::fmt::Debug) -> FileError {
    let text = format!("{e:?}");
    if text.contains("QuotaExceeded") {
        FileError(
            "The browser has no room left for this file. Nothing already kept was lost. Free space by removing old certificates you have backed up, or export a backup with certificates and clear some."
                .into(),
        )
    } else {
        FileError(format!("{context} ({text})."))
    }
}

async fn open() -> Result<Database, FileError> {
    let factory = Factory::new().map_err(|e| err("This browser does not offer IndexedDB", e))?;
    let mut request = factory
        .open(DB, Some(1))
        .map_err(|e| err("The certificate store could not be opened", e))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request
        .await
        .map_err(|e| err("The certificate store could not be opened", e))
}

/// Keeps `blob` under `id`. On failure nothing already stored changes (one transaction).
pub async fn put(id: Uuid, blob: &Blob) -> Result<(), FileError> {
    put_value(&id.to_string(), blob.as_ref()).await
}

/// The file kept under `id`, if any.
pub async fn get(id: Uuid) -> Result<Option<Blob>, FileError> {
    Ok(get_value(&id.to_string())
        .await?
        .and_then(|v| v.dyn_into::<Blob>().ok()))
}

/// The ids of every certificate file kept here. The browser may evict this store under storage
/// pressure (or she may clear part of the site data) while the records stay in localStorage,
/// so what the records name is checked against it.
pub async fn kept_ids() -> Result<crate::domain::model::ids::IdSet, FileError> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|e| err("The certificate store could not be read", e))?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| err("The certificate store could not be read", e))?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(|e| err("The certificate store could not be read", e))?
        .await
        .map_err(|e| err("The certificate store could not be read", e))?;
    // Other values live in this store too (the automatic backup's file handle): only ids count.
    Ok(keys
        .iter()
        .filter_map(|k| k.as_string())
        .filter_map(|k| Uuid::parse_str(&k).ok())
        .collect())
}

/// Removes the file kept under `id` (nothing when there is none).
pub async fn delete(id: Uuid) -> Result<(), FileError> {
    delete_value(&id.to_string()).await
}

/// Keeps any value the browser can clone (a `Blob`, the chosen backup file's handle) under
/// `key`, in one transaction.
pub async fn put_value(key: &str, value: &JsValue) -> Result<(), FileError> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(|e| err("The file could not be stored", e))?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| err("The file could not be stored", e))?;
    store
        .put(value, Some(&JsValue::from_str(key)))
        .map_err(|e| err("The file could not be stored", e))?
        .await
        .map_err(|e| err("The file could not be stored", e))?;
    finish(tx, &store, "The file could not be stored").await
}

/// The value kept under `key`, if any.
pub async fn get_value(key: &str) -> Result<Option<JsValue>, FileError> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|e| err("The file could not be read", e))?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| err("The file could not be read", e))?;
    store
        .get(JsValue::from_str(key))
        .map_err(|e| err("The file could not be read", e))?
        .await
        .map_err(|e| err("The file could not be read", e))
}

/// Removes the value kept under `key` (nothing when there is none).
pub async fn delete_value(key: &str) -> Result<(), FileError> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(|e| err("The file could not be removed", e))?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| err("The file could not be removed", e))?;
    store
        .delete(JsValue::from_str(key))
        .map_err(|e| err("The file could not be removed", e))?
        .await
        .map_err(|e| err("The file could not be removed", e))?;
    finish(tx, &store, "The file could not be removed").await
}

/// Commits `tx` and waits for its end. A transaction the browser aborted did not write: that
/// is how a full disk ends one (its error is then `QuotaExceededError`, reported at the end,
/// not by the request), so it is a failure, never a success.
async fn finish(tx: Transaction, store: &ObjectStore, context: &str) -> Result<(), FileError> {
    let result = tx
        .commit()
        .map_err(|e| err(context, e))?
        .await
        .map_err(|e| err(context, e))?;
    if result.is_committed() {
        return Ok(());
    }
    // The store's transaction is the one that ended; its error says why.
    Err(match store.transaction().error() {
        Some(e) => err(context, e.name()),
        None => FileError(format!(
            "{context}: the browser cancelled the write, most often because it has no room left."
        )),
    })
}

/// The file's bytes.
pub async fn bytes(blob: &Blob) -> Result<Vec<u8>, FileError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| err("The file could not be read", e))?;
    let buffer: ArrayBuffer = buffer.unchecked_into();
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// SHA-256 of the file, hex, by the browser's WebCrypto (no hashing code in the download).
pub async fn sha256(blob: &Blob) -> Result<String, FileError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| err("The file could not be read", e))?;
    let crypto = gloo::utils::window()
        .crypto()
        .map_err(|e| err("This browser offers no WebCrypto", e))?;
    let digest = crypto
        .subtle()
        .digest_with_str_and_buffer_source("SHA-256", &buffer.unchecked_into())
        .map_err(|e| err("The file's digest could not be computed", e))?;
    let digest = JsFuture::from(digest)
        .await
        .map_err(|e| err("The file's digest could not be computed", e))?;
    let bytes = Uint8Array::new(&digest.unchecked_into::<ArrayBuffer>()).to_vec();
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
