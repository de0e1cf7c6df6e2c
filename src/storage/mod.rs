//! The records as kept: their stored format and migrations (`format`, `compact`), the validity
//! of a whole set (`validate`), every change (`change`), merging (`merge`), the save path across
//! tabs (`save_path`), the backup file (`backup`, `encrypt`), the kept dashboard (`kept`) and the
//! merge that makes a person's devices converge (`sync`).
//!
//! Everything here except `browser` is pure and natively tested; `browser` holds the thin
//! wasm-only adapters to localStorage, locks, downloads and IndexedDB.

pub mod backup;
pub mod change;
pub mod compact;
pub mod data;
pub mod encrypt;
pub mod format;
pub mod kept;
pub mod merge;
pub mod save_path;
pub mod sync;
pub mod validate;

pub use crate::domain::text::size::size_text;
pub use data::{AppData, Goal, RecordKind, Settings, Tombstone};

#[cfg(target_arch = "wasm32")]
pub mod browser;
