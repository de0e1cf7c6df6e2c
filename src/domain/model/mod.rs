//! The records and their codes: activities, credentials, rules, goals, certificates' metadata,
//! and the validity contract every stored record meets. The bottom layer: nothing here imports
//! from the engine, the sentences, the formats or the drafts.

pub mod activity;
pub mod attachment;
pub mod codes;
pub mod contract;
pub mod credential;
pub mod credits;
pub mod ids;
pub mod learning;
pub mod limits;
pub mod pathway;
pub mod profession;
pub mod rule;
pub mod sort;
pub mod topics;
pub mod vocab;
