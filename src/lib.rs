//! CME Tracker: a private, offline Continuing Medical Education tracker.
//!
//! Layers (see docs/architecture.md): `domain` is pure and knows nothing of the browser;
//! `storage` owns the stored format and backups (its browser adapter is wasm-only); `ui` is the
//! Yew front end and exists only in the wasm32 build.

pub mod document;
pub mod domain;
pub mod json;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The worker (a second wasm, loaded on first use): its protocol and jobs.
pub mod worker;
