//! Recording an exemption or "deemed met" decision for one requirement of the current cycle.

use super::{required_date, too_long, FieldError};
use crate::domain::model::contract::limits;
use crate::domain::model::credential::{Credential, Exemption, ExemptionKind};

/// The exemption form, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptionDraft {
    /// The requirement's rule id (a select of the credential's rules).
    pub rule_id: String,
    pub kind: ExemptionKind,
    pub reason: String,
    /// `YYYY-MM-DD`, as a date input gives it.
    pub date: String,
}

impl ExemptionDraft {
    /// A new form for `credential`: its first requirement, an exemption, dated `today`.
    pub fn new(credential: &Credential, today: chrono::NaiveDate) -> ExemptionDraft {
        ExemptionDraft {
            rule_id: credential
                .rules
                .first()
                .map(|r| r.id.clone())
                .unwrap_or_default(),
            kind: ExemptionKind::Exempt,
            reason: String::new(),
            date: today.to_string(),
        }
    }

    /// The draft as the form shows it: the select shows the first requirement until one is
    /// chosen, or when the chosen one was removed since.
    pub fn as_shown(&self, credential: &Credential) -> ExemptionDraft {
        let mut d = self.clone();
        if !credential.rules.iter().any(|r| r.id == d.rule_id) {
            if let Some(first) = credential.rules.first() {
                d.rule_id = first.id.clone();
            }
        }
        d
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExemptionField {
    Rule,
    Reason,
    Date,
}

impl ExemptionDraft {
    /// The exemption to record, or a message per field.
    pub fn validate(
        &self,
        credential: &Credential,
    ) -> Result<Exemption, Vec<FieldError<ExemptionField>>> {
        let mut errors = Vec::new();
        if !credential.rules.iter().any(|r| r.id == self.rule_id) {
            errors.push(FieldError::new(
                ExemptionField::Rule,
                "Choose the requirement the decision is about.",
            ));
        }
        let reason = self.reason.trim();
        if reason.is_empty() {
            errors.push(FieldError::new(
                ExemptionField::Reason,
                "Write the reason the board gave (it is what an auditor will ask for).",
            ));
        } else if let Some(m) = too_long("reason", reason, limits::REASON) {
            errors.push(FieldError::new(ExemptionField::Reason, m));
        }
        let date = required_date(
            &self.date,
            ExemptionField::Date,
            "Enter the date of the decision.",
            &mut errors,
        );
        match (errors.is_empty(), date) {
            (true, Some(date)) => Ok(Exemption {
                rule_id: self.rule_id.clone(),
                kind: self.kind,
                reason: reason.to_string(),
                date,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn an_exemption_needs_a_known_requirement_a_reason_and_a_date() {
        let c = credential("TX", "2025-01-01", "2026-12-31")
            .rule(total("total", "48", &[]))
            .build();
        let mut d = ExemptionDraft::new(&c, date("2026-03-01"));
        assert_eq!(d.rule_id, "total");
        let fields = |d: &ExemptionDraft| -> Vec<ExemptionField> {
            d.validate(&c)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(&d), [ExemptionField::Reason]);
        d.reason = "  Residency training  ".into();
        d.rule_id = "ethics".into();
        d.date = "1850-01-01".into();
        assert_eq!(fields(&d), [ExemptionField::Rule, ExemptionField::Date]);
        d.rule_id = "total".into();
        d.date = "2026-03-02".into();
        let e = d.validate(&c).unwrap();
        assert_eq!(e.reason, "Residency training");
        assert_eq!(e.date, date("2026-03-02"));
    }

    #[test]
    fn the_form_shows_the_first_requirement_until_one_is_chosen_or_when_it_was_removed() {
        let c = credential("TX", "2025-01-01", "2026-12-31")
            .rule(total("total", "48", &[]))
            .rule(topic_min("ethics", "2", &["ethics"], &[]))
            .build();
        let mut d = ExemptionDraft::new(&c, date("2026-03-01"));
        d.rule_id = "ethics".into();
        assert_eq!(
            d.as_shown(&c).rule_id,
            "ethics",
            "a chosen requirement stays"
        );
        d.rule_id = "removed since".into();
        assert_eq!(d.as_shown(&c).rule_id, "total");
        let empty = credential("TX", "2025-01-01", "2026-12-31").build();
        assert_eq!(
            ExemptionDraft::new(&empty, date("2026-03-01"))
                .as_shown(&empty)
                .rule_id,
            ""
        );
    }
}
