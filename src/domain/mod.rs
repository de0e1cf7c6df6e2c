//! The heart of CME Tracker: pure Rust, no browser APIs, no clock (callers pass "today").
//!
//! Everything here is tested natively with `cargo test`; the UI only displays what this computes.

// Layers, bottom up; a module imports only from its own layer and the ones below
// (tests/layers.rs checks): model, presets, engine, text, draft, formats, then the operations.
/// Terse builders for tests and the benchmark.
pub mod build;
pub mod draft;
pub mod engine;
pub mod formats;
pub mod model;
pub mod ops;
pub mod presets;
pub mod text;

pub use model::activity::{Accreditor, Activity, ActivityStatus, Format};
pub use model::credential::{
    Credential, CredentialKind, CreditWeight, Cycle, Equivalence, Exemption, ExemptionKind,
    PresetRef, RenewalAnswer,
};
pub use model::credits::{Amount, AmountError, CreditDesignation, CreditTypeId};
pub use model::rule::{Accepts, AppliesIf, CarryOver, Recurrence, Rule, RuleKind};
pub use model::topics::TopicId;
