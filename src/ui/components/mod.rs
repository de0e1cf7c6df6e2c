//! Reusable widgets shared by the pages.

pub mod activity_form;
pub mod empty_state;
pub mod rule_editor;
pub mod toast;

pub use empty_state::EmptyState;
