//! Reusable widgets shared by the pages.

pub mod activity_form;
pub mod empty_state;
pub mod renewal_select;
pub mod rule_editor;
pub mod toast;

pub use empty_state::EmptyState;
pub use renewal_select::RenewalSelect;
