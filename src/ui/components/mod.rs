//! Reusable widgets shared by the pages.

pub mod activity_form;
pub mod empty_state;

pub use empty_state::EmptyState;
