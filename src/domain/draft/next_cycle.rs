//! "License renewed?": the next cycle's expiry and CE deadline.

use chrono::NaiveDate;

use super::{optional_date, required_date, FieldError};
use crate::domain::model::credential::Credential;

/// The next-cycle form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NextCycleDraft {
    pub end: String,
    /// Empty when the CE is due at the expiry.
    pub ce_deadline: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NextCycleField {
    End,
    CeDeadline,
}

/// A checked next cycle: the new expiry and CE deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidNextCycle {
    pub end: NaiveDate,
    pub ce_deadline: Option<NaiveDate>,
}

impl NextCycleDraft {
    /// Checks the dates against the credential's current cycle (the new one starts the day after
    /// it ends): every check [`Credential::start_next_cycle`] makes, each next to its field.
    pub fn validate(
        &self,
        credential: &Credential,
    ) -> Result<ValidNextCycle, Vec<FieldError<NextCycleField>>> {
        let mut errors = Vec::new();
        let end = required_date(
            &self.end,
            NextCycleField::End,
            "Enter the new expiry date.",
            &mut errors,
        );
        let ce_deadline = optional_date(&self.ce_deadline, NextCycleField::CeDeadline, &mut errors);
        let Some(end) = end else {
            return Err(errors);
        };
        if errors.is_empty() {
            // The domain operation's own checks, tried on a copy, placed next to their field.
            let mut trial = credential.clone();
            if let Err(m) = trial.start_next_cycle(end, ce_deadline) {
                let field = if m.contains("deadline") {
                    NextCycleField::CeDeadline
                } else {
                    NextCycleField::End
                };
                errors.push(FieldError::new(field, m));
            }
        }
        if errors.is_empty() {
            Ok(ValidNextCycle { end, ce_deadline })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn the_next_cycle_must_end_after_it_starts_with_its_deadline_inside() {
        let c = credential("TX", "2025-02-01", "2027-01-31").build();
        let check = |end: &str, dl: &str| {
            NextCycleDraft {
                end: end.into(),
                ce_deadline: dl.into(),
            }
            .validate(&c)
            .map_err(|e| e.into_iter().map(|e| e.field).collect::<Vec<_>>())
        };
        assert_eq!(
            check("2029-01-31", ""),
            Ok(ValidNextCycle {
                end: date("2029-01-31"),
                ce_deadline: None
            })
        );
        assert_eq!(check("", ""), Err(vec![NextCycleField::End]));
        assert_eq!(check("2027-01-01", ""), Err(vec![NextCycleField::End]));
        assert_eq!(check("2040-01-01", ""), Err(vec![NextCycleField::End]));
        assert_eq!(
            check("2029-01-31", "2026-12-31"),
            Err(vec![NextCycleField::CeDeadline])
        );
        assert_eq!(
            check("2029-01-31", "soon"),
            Err(vec![NextCycleField::CeDeadline])
        );
    }
}
