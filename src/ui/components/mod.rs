//! Reusable widgets shared by the pages.

pub mod activity_form;
pub mod badges;
pub mod certificates;
pub mod charts;
pub mod copy;
pub mod dashboard_view;
pub mod edit_conflict;
pub mod empty_state;
pub mod enum_select;
pub mod field;
pub mod field_error;
pub mod file_drop;
pub mod focus;
pub mod holder_name;
pub mod inputs;
pub mod learning;
pub mod leave_guard;
pub mod past_cycles;
pub mod pathways;
pub mod print;
pub mod profession_chooser;
pub mod provenance;
pub mod qr_reader;
pub mod renewal_select;
pub mod rule_editor;
pub mod toast;
pub mod whats_new;

pub use edit_conflict::{use_edit_guard, EditConflict};
pub use empty_state::empty_state;
pub use renewal_select::RenewalSelect;
