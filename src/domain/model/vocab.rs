//! The built-in vocabularies: credit types, topics and holder conditions.
//!
//! They are static tables rather than enums so that presets (data) and user-defined entries can name
//! them by code, and so that the UI can list, search and label them without a match per variant.

use crate::domain::model::credits::CreditTypeId;
use crate::domain::model::topics::TopicId;

mod conditions;
mod credit_types;
mod topics;
mod units;

pub use conditions::*;
pub use credit_types::*;
pub use topics::*;
pub use units::*;

#[cfg(test)]
mod tests;
