//! The stored format, its migrations, and backup export/import.
//!
//! Everything here except `browser` is pure and natively tested; `browser` is the thin wasm-only
//! adapter to localStorage and the Storage API.

pub mod backup;
pub mod change;
pub mod compact;
pub mod contract;
pub mod data;
pub mod encrypt;
pub mod format;
pub mod import;
pub mod jobs;
pub mod kept;
pub mod merge;
pub mod packet;
pub mod sync;

pub use crate::domain::text::size::size_text;
pub use data::{AppData, Goal, RecordKind, Settings, Tombstone};

#[cfg(target_arch = "wasm32")]
pub mod auto_backup;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod files;
