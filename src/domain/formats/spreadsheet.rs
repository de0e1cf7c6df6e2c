//! Activities as CSV: the export in documented columns (docs/csv.md), and the import of any
//! spreadsheet or other tracker's file — its text decoded (UTF-8 with or without a byte-order
//! mark, else Windows-1252), its columns guessed from their headers, dates read in the order the
//! file uses (asked when the file cannot tell), amounts with a decimal point or comma — into
//! activities checked by the same rules as the activity form, each problem named by its row.
//!
//! Pure, and run in the worker: the `csv` crate never reaches the first download.

use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Borrow;
use uuid::Uuid;

use crate::domain::draft::ReflectionDraft;
use crate::domain::draft::{ActivityDraft, CreditDraft};
use crate::domain::model::activity::{Accreditor, Activity, ActivityStatus, Format};
use crate::domain::model::codes::Coded;
use crate::domain::model::credits::Amount;
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab;

/// The export's columns, in order (docs/csv.md documents each).
pub const COLUMNS: [&str; 17] = [
    "title",
    "provider",
    "accreditor",
    "start",
    "end",
    "format",
    "status",
    "credits",
    "topics",
    "tags",
    "notes",
    "id",
    "learned",
    "will_change",
    "follow_up",
    "changed",
    "what_happened",
];

/// Several values in one cell ("AMA_PRA_CAT1=1.5; ABIM_MOC_POINT=1.5") are separated by this.
pub const LIST_SEPARATOR: &str = "; ";

mod columns;
mod export;
mod rows;
mod table;

pub use columns::*;
pub use export::*;
pub use rows::*;
pub use table::*;

#[cfg(test)]
mod tests;
