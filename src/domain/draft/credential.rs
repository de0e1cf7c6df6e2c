//! The credential form.

use chrono::NaiveDate;

use super::{optional_date, required_date, too_long, FieldError};
use crate::domain::model::contract::{self, limits};

/// The credential form's fields, as typed. Rules are edited separately (see [`RuleDraft`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialDraft {
    pub name: String,
    pub kind: crate::domain::model::credential::CredentialKind,
    pub jurisdiction: String,
    pub number: String,
    pub cycle_start: String,
    pub cycle_end: String,
    pub ce_deadline: String,
    pub conditions: std::collections::BTreeSet<String>,
    pub renewal: crate::domain::model::credential::RenewalAnswer,
    pub notes: String,
}

impl Default for CredentialDraft {
    fn default() -> Self {
        CredentialDraft {
            name: String::new(),
            kind: crate::domain::model::credential::CredentialKind::StateLicense,
            jurisdiction: String::new(),
            number: String::new(),
            cycle_start: String::new(),
            cycle_end: String::new(),
            ce_deadline: String::new(),
            conditions: Default::default(),
            renewal: crate::domain::model::credential::RenewalAnswer::NotSure,
            notes: String::new(),
        }
    }
}

/// Fields of the credential form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CredentialField {
    Name,
    CycleStart,
    CycleEnd,
    CeDeadline,
    Jurisdiction,
    Number,
    Notes,
}

/// A message next to one field of the credential form.
pub type CredentialFieldError = super::FieldError<CredentialField>;

/// A checked credential form: the values to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCredential {
    pub name: String,
    pub kind: crate::domain::model::credential::CredentialKind,
    pub jurisdiction: String,
    pub number: Option<String>,
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    pub ce_deadline: Option<NaiveDate>,
    pub conditions: std::collections::BTreeSet<String>,
    pub renewal: crate::domain::model::credential::RenewalAnswer,
    pub notes: String,
}

impl CredentialDraft {
    pub fn from_credential(c: &crate::domain::model::credential::Credential) -> CredentialDraft {
        let iso = |d: NaiveDate| d.to_string();
        CredentialDraft {
            name: c.name.clone(),
            kind: c.kind,
            jurisdiction: c.jurisdiction.clone(),
            number: c.number.clone().unwrap_or_default(),
            cycle_start: iso(c.cycle.start),
            cycle_end: iso(c.cycle.end),
            ce_deadline: c.cycle.ce_deadline.map(iso).unwrap_or_default(),
            conditions: c.conditions.clone(),
            renewal: c.renewal_answer(),
            notes: c.notes.clone(),
        }
    }

    pub fn validate(&self) -> Result<ValidCredential, Vec<CredentialFieldError>> {
        use CredentialField as F;
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new(
                F::Name,
                "Enter a name, e.g. \"Texas medical license\".",
            ));
        } else if let Some(m) = too_long("name", name, limits::NAME) {
            errors.push(FieldError::new(F::Name, m));
        }
        for (field, what, text, max) in [
            (
                F::Jurisdiction,
                "jurisdiction",
                &self.jurisdiction,
                limits::JURISDICTION,
            ),
            (F::Number, "number", &self.number, limits::NUMBER),
            (F::Notes, "notes", &self.notes, limits::NOTES),
        ] {
            if let Some(m) = too_long(what, text, max) {
                errors.push(FieldError::new(field, m));
            }
        }
        let start = required_date(
            &self.cycle_start,
            F::CycleStart,
            "Enter the date the current renewal cycle started.",
            &mut errors,
        );
        let end = required_date(
            &self.cycle_end,
            F::CycleEnd,
            "Enter the expiry date of the current cycle (license expiry).",
            &mut errors,
        );
        let deadline = optional_date(&self.ce_deadline, F::CeDeadline, &mut errors);
        if let (Some(s), Some(en)) = (start, end) {
            if en <= s {
                errors.push(FieldError::new(
                    F::CycleEnd,
                    "The cycle must end after it starts.",
                ));
            } else if (en - s).num_days() > contract::MAX_CYCLE_DAYS {
                errors.push(FieldError::new(
                    F::CycleEnd,
                    "A renewal cycle longer than 10 years is almost certainly a typing slip.",
                ));
            }
            if let Some(dl) = deadline {
                if dl < s {
                    errors.push(FieldError::new(
                        F::CeDeadline,
                        "The CE deadline cannot be before the cycle starts.",
                    ));
                } else if (dl - en).num_days() > contract::MAX_GRACE_DAYS {
                    errors.push(FieldError::new(
                        F::CeDeadline,
                        "The CE deadline can be at most a year after the cycle ends.",
                    ));
                }
            }
        }
        match (errors.is_empty(), start, end) {
            (true, Some(cycle_start), Some(cycle_end)) => Ok(ValidCredential {
                name: name.to_string(),
                kind: self.kind,
                jurisdiction: self.jurisdiction.trim().to_string(),
                number: Some(self.number.trim().to_string()).filter(|n| !n.is_empty()),
                cycle_start,
                cycle_end,
                ce_deadline: deadline,
                conditions: self.conditions.clone(),
                renewal: self.renewal,
                notes: self.notes.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }
}

impl ValidCredential {
    /// The credential to store: a new one (no rules yet) or `existing` with the form's fields,
    /// keeping its rules, earlier cycles and exemptions.
    pub fn into_credential(
        self,
        existing: Option<&crate::domain::model::credential::Credential>,
        new_id: uuid::Uuid,
        now: chrono::DateTime<chrono::Utc>,
    ) -> crate::domain::model::credential::Credential {
        use crate::domain::model::credential::{Credential, Cycle};
        let mut c = existing.cloned().unwrap_or_else(|| {
            Credential::new(
                new_id,
                String::new(),
                self.kind,
                Cycle::new(self.cycle_start, self.cycle_end),
                now,
            )
        });
        c.name = self.name;
        c.kind = self.kind;
        c.jurisdiction = self.jurisdiction;
        c.number = self.number;
        c.cycle.start = self.cycle_start;
        c.cycle.end = self.cycle_end;
        c.cycle.ce_deadline = self.ce_deadline;
        c.conditions = self.conditions;
        // An unchanged answer keeps what the cycles recorded since then have added.
        if c.renewal_answer() != self.renewal {
            c.set_renewal_answer(self.renewal);
        }
        c.notes = self.notes;
        c.updated_at = now;
        c
    }
}

#[cfg(test)]
mod credential_tests {
    use super::*;

    #[test]
    fn credential_form_checks_names_and_cycle_dates() {
        let mut d = CredentialDraft {
            name: "Texas license".into(),
            cycle_start: "2025-02-01".into(),
            cycle_end: "2027-01-31".into(),
            ..Default::default()
        };
        let ok = d.validate().unwrap();
        assert_eq!(ok.cycle_end, NaiveDate::from_ymd_opt(2027, 1, 31).unwrap());
        assert_eq!(ok.number, None);

        d.name = " ".into();
        d.cycle_end = "2024-01-31".into();
        d.ce_deadline = "soon".into();
        let fields: Vec<_> = d
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                CredentialField::Name,
                CredentialField::CeDeadline,
                CredentialField::CycleEnd
            ]
        );
    }
}
