//! The reflection form: what I learned, what I will change, when to follow up, and at follow-up
//! what happened.

use chrono::NaiveDate;

use super::{optional_date, too_long, FieldError};
use crate::domain::model::codes::Coded;
use crate::domain::model::learning::{Changed, FollowUpOutcome, Reflection};
use crate::domain::model::limits;

/// The reflection form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReflectionDraft {
    pub learned: String,
    pub will_change: String,
    pub follow_up: String,
    /// At follow-up: a [`Changed`] code, or empty while not followed up.
    pub changed: String,
    pub what_happened: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReflectionField {
    Learned,
    WillChange,
    FollowUp,
    Changed,
    WhatHappened,
}

impl ReflectionDraft {
    pub fn from_reflection(r: &Reflection) -> ReflectionDraft {
        ReflectionDraft {
            learned: r.learned.clone(),
            will_change: r.will_change.clone(),
            follow_up: r.follow_up.map(|d| d.to_string()).unwrap_or_default(),
            changed: r
                .outcome
                .as_ref()
                .map(|o| o.changed.code().to_string())
                .unwrap_or_default(),
            what_happened: r
                .outcome
                .as_ref()
                .map(|o| o.what_happened.clone())
                .unwrap_or_default(),
        }
    }

    /// Checks the form. `activity_end` bounds the follow-up date (after the activity); `today`
    /// dates a follow-up outcome recorded now (or keeps the date of one recorded before).
    pub fn validate(
        &self,
        activity_end: NaiveDate,
        previous: Option<&Reflection>,
        today: NaiveDate,
    ) -> Result<Reflection, Vec<FieldError<ReflectionField>>> {
        let mut errors = Vec::new();
        for (field, text, what) in [
            (ReflectionField::Learned, &self.learned, "text"),
            (ReflectionField::WillChange, &self.will_change, "text"),
            (ReflectionField::WhatHappened, &self.what_happened, "text"),
        ] {
            if let Some(m) = too_long(what, text, limits::NOTES) {
                errors.push(FieldError::new(field, m));
            }
        }
        let follow_up = optional_date(&self.follow_up, ReflectionField::FollowUp, &mut errors);
        if follow_up.is_some_and(|d| d < activity_end) {
            errors.push(FieldError::new(
                ReflectionField::FollowUp,
                "Choose a follow-up date after the activity.",
            ));
        }
        if follow_up.is_some() && self.will_change.trim().is_empty() {
            errors.push(FieldError::new(
                ReflectionField::WillChange,
                "Say what you will change: the follow-up asks whether you did.",
            ));
        }
        let changed = match self.changed.as_str() {
            "" => None,
            c => match <Changed as Coded>::from_code(c) {
                Some(x) => Some(x),
                None => {
                    errors.push(FieldError::new(
                        ReflectionField::Changed,
                        "Choose one answer.",
                    ));
                    None
                }
            },
        };
        if changed.is_none() && !self.what_happened.trim().is_empty() {
            errors.push(FieldError::new(
                ReflectionField::Changed,
                "Say whether you changed it, with what happened.",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let outcome = changed.map(|changed| FollowUpOutcome {
            date: previous
                .and_then(|p| p.outcome.as_ref())
                .map_or(today, |o| o.date),
            changed,
            what_happened: self.what_happened.trim().to_string(),
        });
        Ok(Reflection {
            learned: self.learned.trim().to_string(),
            will_change: self.will_change.trim().to_string(),
            follow_up,
            outcome,
        })
    }
}
