//! The worker: a second WebAssembly module, built by Trunk from `src/worker_main.rs` and loaded
//! on first use, that runs the heavy, rarely used work off the page's thread — backups (check,
//! unlock, merge, write), activities from other files (spreadsheets, transcripts), exports (the
//! audit packet, the calendar, CSV) and certificates (PDF text, photos read by the text reader). The first download carries none
//! of it, and a 50,000-activity import never freezes the page (it reports progress as it reads).
//!
//! `protocol` is everything the page and the worker say; each job family is a module of pure
//! functions tested natively; `agent` (wasm only) receives a request and calls its handler.
//! The page's side is `ui::worker_client`.

pub mod activities;
pub mod backup;
pub mod certificates;
pub mod exports;
pub mod packet;
pub mod photos;
pub mod protocol;
pub mod qr;
pub mod sync;

#[cfg(target_arch = "wasm32")]
mod agent;
#[cfg(target_arch = "wasm32")]
pub use agent::{Jobs, Json};
