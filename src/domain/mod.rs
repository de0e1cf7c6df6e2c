//! The heart of CME Tracker: pure Rust, no browser APIs, no clock (callers pass "today").
//!
//! Everything here is tested natively with `cargo test`; the UI only displays what this computes.

pub mod activity;
pub mod attachment;
pub mod build;
pub mod calendar;
pub mod certificate;
pub mod charts;
pub mod codes;
pub mod contract;
pub mod credential;
pub mod credits;
pub mod dashboard;
pub mod describe;
pub mod draft;
pub mod evaluate;
pub mod ids;
pub mod index;
pub mod learning;
pub mod ops;
pub mod pathway;
pub mod pdf_text;
pub mod plan;
pub mod presets;
pub mod query;
pub mod report;
pub mod rule;
pub mod size;
pub mod sort;
pub mod spreadsheet;
pub mod topic_pick;
pub mod topics;
pub mod totals;
pub mod transcript;
pub mod vocab;

pub use activity::{Accreditor, Activity, ActivityStatus, Format};
pub use credential::{
    Credential, CredentialKind, CreditWeight, Cycle, Equivalence, Exemption, ExemptionKind,
    PresetRef, RenewalAnswer,
};
pub use credits::{Amount, AmountError, CreditDesignation, CreditTypeId};
pub use rule::{Accepts, AppliesIf, CarryOver, Recurrence, Rule, RuleKind};
pub use topics::TopicId;
