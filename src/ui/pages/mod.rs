//! One module per screen.

pub mod activities;
pub mod activity_detail;
pub mod audit_report;
pub mod backup;
pub mod catalog;
pub mod credential_detail;
pub mod credentials;
pub mod dashboard;
pub mod goals;
pub mod import;
pub mod learning;
pub mod not_found;
pub mod privacy;
pub mod transcript;
