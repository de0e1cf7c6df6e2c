//! The form that records non-CE evidence for a renewal pathway (practice hours, a certification).

use chrono::NaiveDate;

use super::{required_date, too_long, FieldError};
use crate::domain::model::contract::limits;
use crate::domain::model::credits::{Amount, AmountError};
use crate::domain::model::pathway::{EvidenceRecord, Pathways};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceDraft {
    pub pathway: String,
    pub date: String,
    pub hours: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EvidenceField {
    Pathway,
    Date,
    Hours,
    Note,
}

/// At most this many hours in one record (a year of full-time practice is about 2,000).
const MAX_EVIDENCE_HOURS: Amount = Amount::hours(10_000);

impl EvidenceDraft {
    /// Checks the draft against the credential's pathways; `today` bounds the date.
    pub fn validate(
        &self,
        pathways: &Pathways,
        today: NaiveDate,
    ) -> Result<EvidenceRecord, Vec<FieldError<EvidenceField>>> {
        let mut errors = Vec::new();
        let pathway = pathways.options.iter().find(|p| p.id == self.pathway);
        let need = pathway.and_then(|p| p.evidence.as_ref());
        if need.is_none() {
            errors.push(FieldError::new(
                EvidenceField::Pathway,
                "Choose the pathway this evidence is for.",
            ));
        }
        let date = required_date(
            &self.date,
            EvidenceField::Date,
            "Enter the date (for hours: the last day they cover).",
            &mut errors,
        );
        if date.is_some_and(|d| d > today) {
            errors.push(FieldError::new(
                EvidenceField::Date,
                "Evidence is recorded once it exists: the date cannot be in the future.",
            ));
        }
        let hours = match need.and_then(|n| n.hours) {
            None => None,
            Some(_) => match Amount::parse(&self.hours) {
                Err(AmountError::Empty) => {
                    errors.push(FieldError::new(EvidenceField::Hours, "Enter the hours."));
                    None
                }
                Err(e) => {
                    errors.push(FieldError::new(EvidenceField::Hours, e.to_string()));
                    None
                }
                Ok(h) if !h.is_positive() => {
                    errors.push(FieldError::new(
                        EvidenceField::Hours,
                        "The hours must be more than 0.",
                    ));
                    None
                }
                Ok(h) if h > MAX_EVIDENCE_HOURS => {
                    errors.push(FieldError::new(
                        EvidenceField::Hours,
                        "Enter at most 10,000 hours in one record.",
                    ));
                    None
                }
                Ok(h) => Some(h),
            },
        };
        if let Some(m) = too_long("note", &self.note, limits::NOTES) {
            errors.push(FieldError::new(EvidenceField::Note, m));
        }
        match (errors.is_empty(), date) {
            (true, Some(date)) => Ok(EvidenceRecord {
                pathway: self.pathway.clone(),
                date,
                hours,
                note: self.note.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::{date, hours};
    use crate::domain::model::pathway::{EvidenceKind, EvidenceNeed, Pathway};

    fn pathways() -> Pathways {
        Pathways {
            options: vec![
                Pathway {
                    id: "practice".into(),
                    label: "320 practice hours".into(),
                    rules: vec![],
                    evidence: Some(EvidenceNeed {
                        kind: EvidenceKind::PracticeHours,
                        hours: Some(hours("320")),
                    }),
                },
                Pathway {
                    id: "cert".into(),
                    label: "National certification".into(),
                    rules: vec![],
                    evidence: Some(EvidenceNeed {
                        kind: EvidenceKind::NationalCertification,
                        hours: None,
                    }),
                },
            ],
            needed: 1,
            chosen: None,
            evidence: vec![],
        }
    }

    #[test]
    fn evidence_is_checked_field_by_field() {
        let today = date("2026-06-01");
        let d = EvidenceDraft {
            pathway: "practice".into(),
            date: "2026-05-31".into(),
            hours: "320".into(),
            note: " Employer letter ".into(),
        };
        let r = d.validate(&pathways(), today).unwrap();
        assert_eq!(r.hours, Some(hours("320")));
        assert_eq!(r.note, "Employer letter");
        let bad = EvidenceDraft {
            pathway: "practice".into(),
            date: "2026-07-01".into(),
            hours: "".into(),
            note: String::new(),
        };
        let fields: Vec<EvidenceField> = bad
            .validate(&pathways(), today)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec![EvidenceField::Date, EvidenceField::Hours]);
        // A certification needs a date, no hours.
        let cert = EvidenceDraft {
            pathway: "cert".into(),
            date: "2025-01-10".into(),
            ..Default::default()
        };
        assert_eq!(cert.validate(&pathways(), today).unwrap().hours, None);
        let none = EvidenceDraft::default();
        assert_eq!(
            none.validate(&pathways(), today).unwrap_err()[0].field,
            EvidenceField::Pathway
        );
    }
}
