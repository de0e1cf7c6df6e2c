//! Topic identifiers. The vocabulary itself (labels, synonyms) lives in [`crate::domain::model::vocab`].

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A topic code such as `ethics_professional_responsibility`.
///
/// Rules name topics by code; activities carry codes chosen from the vocabulary, where each topic
/// lists the synonyms people search for ("opioid prescribing", "pain management"…).
///
/// A shared string, like [`crate::domain::model::credits::CreditTypeId`]: records read share one copy per code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct TopicId(pub Arc<str>);

impl<'de> Deserialize<'de> for TopicId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(crate::domain::model::credits::SharedCode)
            .map(TopicId)
    }
}

impl TopicId {
    pub fn new(code: &str) -> TopicId {
        TopicId(Arc::from(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
