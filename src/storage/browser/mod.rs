//! The thin browser adapters (wasm only): localStorage, the cross-tab lock, the Storage API,
//! downloads, certificate files in IndexedDB, the automatic backup file, the sync folder, the
//! direct connection to another device and the count of synced edits to review. Everything that
//! decides anything lives in the pure modules of `storage`.

pub mod backup_file;
pub mod download;
pub mod files;
pub mod kept;
pub mod local_storage;
pub mod locks;
pub mod peer;
pub mod persistence;
pub mod sync_folder;
pub mod sync_note;

pub use download::{download, download_blob};
pub use kept::{forget_dashboard, keep_dashboard, kept_dashboard};
pub use local_storage::*;
pub use locks::with_lock;
pub use persistence::{estimate, request_persistence};
