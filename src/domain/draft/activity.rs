//! The activity form.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{date_range_message, parse_date, too_long, MAX_DESIGNATION};
use crate::domain::model::activity::{Accreditor, Activity, ActivityStatus, Format};
use crate::domain::model::contract::{self, limits};
use crate::domain::model::credits::{Amount, AmountError, CreditDesignation, CreditTypeId};
use crate::domain::model::topics::TopicId;

/// One credit row of the form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreditDraft {
    pub credit_type: String,
    pub amount: String,
}

/// The activity form's fields, as typed (dates are the `yyyy-mm-dd` value of a date input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    pub title: String,
    pub provider: String,
    pub accreditor: Accreditor,
    pub start: String,
    pub end: String,
    pub format: Format,
    pub credits: Vec<CreditDraft>,
    pub topics: Vec<TopicId>,
    /// "Hours on this topic" as typed, per ticked topic; empty or absent: the whole activity.
    pub topic_hours: BTreeMap<TopicId, String>,
    pub tags: String,
    pub status: ActivityStatus,
    pub notes: String,
}

impl Default for ActivityDraft {
    fn default() -> Self {
        ActivityDraft {
            title: String::new(),
            provider: String::new(),
            accreditor: Accreditor::Accme,
            start: String::new(),
            end: String::new(),
            format: Format::OnDemandOnline,
            credits: vec![CreditDraft {
                credit_type: "AMA_PRA_CAT1".into(),
                amount: String::new(),
            }],
            topics: Vec::new(),
            topic_hours: Default::default(),
            tags: String::new(),
            status: ActivityStatus::Completed,
            notes: String::new(),
        }
    }
}

/// Which form field a message belongs to, so the UI can show it next to that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Start,
    End,
    Status,
    /// The credit rows: `CreditType(i)` / `CreditAmount(i)` for row `i`, `Credits` for the list.
    Credits,
    CreditType(usize),
    CreditAmount(usize),
    /// "Hours on this topic" of the `i`-th ticked topic (in `ActivityDraft::topics` order).
    TopicHours(usize),
    Provider,
    Tags,
    Notes,
}

/// A message next to one field of the activity form.
pub type ActivityFieldError = super::FieldError<Field>;
type FieldError = ActivityFieldError;

fn err(field: Field, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

impl ActivityDraft {
    /// The draft of an existing activity, for editing or duplicating it.
    pub fn from_activity(a: &Activity) -> ActivityDraft {
        ActivityDraft {
            title: a.title.clone(),
            provider: a.provider.clone(),
            accreditor: a.accreditor,
            start: a.start.to_string(),
            end: a.end.to_string(),
            format: a.format,
            credits: a
                .credits
                .iter()
                .map(|d| CreditDraft {
                    credit_type: d.credit_type.as_str().to_string(),
                    amount: d.amount.display_short(),
                })
                .collect(),
            topics: a.topics.clone(),
            topic_hours: a
                .topic_hours
                .iter()
                .map(|(t, h)| (t.clone(), h.display_short()))
                .collect(),
            tags: a.tags.join(", "),
            status: a.status,
            notes: a.notes.clone(),
        }
    }

    /// Checks every field and returns all problems at once (the form shows each next to its field).
    ///
    /// `today` decides what "future" means: only planned activities may end after today. An empty
    /// end date means a one-day activity (end = start).
    pub fn validate(&self, today: NaiveDate) -> Result<ValidDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.push(err(Field::Title, "Enter a title, e.g. the course name."));
        } else if let Some(m) = too_long("title", title, limits::TITLE) {
            errors.push(err(Field::Title, m));
        }
        if let Some(m) = too_long("provider", &self.provider, limits::PROVIDER) {
            errors.push(err(Field::Provider, m));
        }

        let start = if self.start.trim().is_empty() {
            errors.push(err(Field::Start, "Enter the date of the activity."));
            None
        } else {
            let d = parse_date(&self.start);
            match d.map(date_range_message) {
                None => errors.push(err(Field::Start, "Enter a valid date.")),
                Some(Some(m)) => errors.push(err(Field::Start, m)),
                Some(None) => {}
            }
            d
        };
        let end = if self.end.trim().is_empty() {
            start
        } else {
            let d = parse_date(&self.end);
            match d.map(date_range_message) {
                None => errors.push(err(
                    Field::End,
                    "Enter a valid end date, or leave it empty.",
                )),
                Some(Some(m)) => errors.push(err(Field::End, m)),
                Some(None) => {}
            }
            d
        };
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                errors.push(err(
                    Field::End,
                    "The end date cannot be before the start date.",
                ));
            }
            if self.status == ActivityStatus::Completed && e > today {
                let field = if self.end.trim().is_empty() {
                    Field::Start
                } else {
                    Field::End
                };
                errors.push(err(
                    field,
                    "A completed activity cannot be in the future. Mark it as planned, or fix the date.",
                ));
            }
        }

        let mut credits = Vec::new();
        if self.credits.is_empty() {
            errors.push(err(
                Field::Credits,
                "Add at least one credit (type and amount).",
            ));
        }
        for (i, row) in self.credits.iter().enumerate() {
            let code = row.credit_type.trim();
            if code.is_empty() {
                errors.push(err(Field::CreditType(i), "Choose a credit type."));
            } else if credits
                .iter()
                .any(|d: &CreditDesignation| d.credit_type.as_str() == code)
            {
                errors.push(err(
                    Field::CreditType(i),
                    "This credit type is already listed; combine the amounts in one row.",
                ));
            }
            match Amount::parse(&row.amount) {
                Err(AmountError::Empty) => {
                    errors.push(err(Field::CreditAmount(i), "Enter the amount of credit."))
                }
                Err(e) => errors.push(err(Field::CreditAmount(i), e.to_string())),
                Ok(a) if !a.is_positive() => errors.push(err(
                    Field::CreditAmount(i),
                    "The amount must be more than 0.",
                )),
                Ok(a) if a > MAX_DESIGNATION => errors.push(err(
                    Field::CreditAmount(i),
                    format!("The amount can be at most {}.", MAX_DESIGNATION.display_short()),
                )),
                Ok(a)
                    if !a.is_quarter_multiple()
                        && crate::domain::model::vocab::designated_in_quarters(&CreditTypeId::new(
                            code,
                        )) =>
                {
                    errors.push(err(
                    Field::CreditAmount(i),
                    "AMA PRA credits are given in quarter hours: use steps of 0.25 (e.g. 1.25, 1.5, 1.75).",
                    ))
                }
                Ok(a) => {
                    if !code.is_empty() {
                        credits.push(CreditDesignation {
                            credit_type: CreditTypeId::new(code),
                            amount: a,
                        });
                    }
                }
            }
        }

        let topic_hours = self.check_topic_hours(&credits, &mut errors);

        if self.credits.len() > limits::CREDITS {
            errors.push(err(
                Field::Credits,
                format!("Keep to {} credit rows.", limits::CREDITS),
            ));
        }
        let tags: Vec<&str> = self
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        if tags.len() > limits::TAGS {
            errors.push(err(
                Field::Tags,
                format!("Keep to {} tags (there are {}).", limits::TAGS, tags.len()),
            ));
        } else if let Some(long) = tags.iter().find(|t| t.chars().count() > limits::TAG) {
            errors.push(err(
                Field::Tags,
                format!(
                    "Keep each tag to {} characters (“{}” is longer).",
                    limits::TAG,
                    contract::shorten(long, 30)
                ),
            ));
        }
        if let Some(m) = too_long("notes", &self.notes, limits::NOTES) {
            errors.push(err(Field::Notes, m));
        }
        match (errors.is_empty(), start, end) {
            (true, Some(start), Some(end)) => Ok(ValidDraft {
                draft: self.clone(),
                start,
                end,
                credits,
                topic_hours,
            }),
            _ => Err(errors),
        }
    }
}

impl ActivityDraft {
    /// The hours typed beside ticked topics: each a positive amount no larger than the activity
    /// (its largest designation, in hours), in quarter hours when every credit of the activity is
    /// designated so (AMA PRA), else to the hundredth as the certificate states it. An amount
    /// equal to the activity is the same as leaving the field empty, and is stored as "the whole
    /// activity".
    fn check_topic_hours(
        &self,
        credits: &[CreditDesignation],
        errors: &mut Vec<FieldError>,
    ) -> BTreeMap<TopicId, Amount> {
        let whole = credits
            .iter()
            .map(|d| {
                d.amount
                    .scale_percent(crate::domain::model::vocab::hours_percent(&d.credit_type))
            })
            .max()
            .unwrap_or(Amount::ZERO);
        let quarters = !credits.is_empty()
            && credits
                .iter()
                .all(|d| crate::domain::model::vocab::designated_in_quarters(&d.credit_type));
        let mut out = BTreeMap::new();
        for (i, topic) in self.topics.iter().enumerate() {
            let Some(text) = self.topic_hours.get(topic) else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            let field = Field::TopicHours(i);
            match Amount::parse(text) {
                Err(e) => errors.push(err(field, e.to_string())),
                Ok(h) if !h.is_positive() => errors.push(err(
                    field,
                    "Hours on a topic must be more than 0; untick the topic if none were on it.",
                )),
                Ok(h) if quarters && !h.is_quarter_multiple() => {
                    errors.push(err(field, "Use quarter hours (e.g. 1.25, 1.5, 1.75)."))
                }
                Ok(h) if whole.is_positive() && h > whole => errors.push(err(
                    field,
                    format!(
                        "More than the activity's {} h; enter at most {}.",
                        whole.display_short(),
                        whole.display_short()
                    ),
                )),
                Ok(h) if h == whole => {}
                Ok(h) => {
                    out.insert(topic.clone(), h);
                }
            }
        }
        out
    }
}

/// A draft that passed validation; turning it into an [`Activity`] cannot fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDraft {
    draft: ActivityDraft,
    start: NaiveDate,
    end: NaiveDate,
    credits: Vec<CreditDesignation>,
    topic_hours: BTreeMap<TopicId, Amount>,
}

impl ValidDraft {
    /// A new activity, or (with `existing`) the edited version of one, keeping its id and
    /// creation time.
    pub fn into_activity(
        self,
        existing: Option<&Activity>,
        new_id: Uuid,
        now: DateTime<Utc>,
    ) -> Activity {
        let d = self.draft;
        let mut tags: Vec<String> = d
            .tags
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        tags.dedup();
        let mut topics = d.topics;
        crate::domain::model::sort::sort(&mut topics);
        topics.dedup();
        Activity {
            id: existing.map_or(new_id, |a| a.id),
            title: d.title.trim().to_string(),
            provider: d.provider.trim().to_string(),
            accreditor: d.accreditor,
            start: self.start,
            end: self.end,
            format: d.format,
            credits: self.credits,
            topic_hours: self.topic_hours,
            // Editing never touches the files: they are attached and removed on their own.
            certificates: existing.map(|a| a.certificates.clone()).unwrap_or_default(),
            topics,
            tags,
            status: d.status,
            notes: d.notes.trim().to_string(),
            // The reflection has its own form on the activity's page.
            reflection: existing.and_then(|a| a.reflection.clone()),
            created_at: existing.map_or(now, |a| a.created_at),
            updated_at: now,
        }
    }
}

/// What the activity form warns about the accreditor and the credit types claimed: an AMA PRA
/// Category 1 Credit™ can only be designated by an ACCME-accredited (or state-society accredited,
/// or Joint Accreditation) provider; AOA Category 1 only by an AOA-accredited sponsor; ANCC
/// contact hours by an ANCC-accredited provider (or Joint Accreditation); ACPE credit by an
/// ACPE-accredited provider (or Joint Accreditation). Warnings, not errors: the certificate
/// decides, and the holder may know better.
pub fn credit_claim_warnings(
    accreditor: crate::domain::model::activity::Accreditor,
    credit_types: &[CreditTypeId],
) -> Vec<String> {
    use crate::domain::model::activity::Accreditor as A;
    let mut out = Vec::new();
    for t in credit_types {
        let (allowed, who): (&[A], &str) = match t.as_str() {
            "AMA_PRA_CAT1" => (
                &[A::Accme, A::StateMedicalSociety, A::JointAccreditation],
                "an ACCME-accredited provider, a state medical society accredited by it, or a Joint Accreditation provider",
            ),
            "AOA_1A" | "AOA_1B" => (&[A::Aoa], "an AOA-accredited sponsor"),
            "ANCC_CONTACT_HOUR" | "ANCC_PHARMACOLOGY" => (
                &[A::Ancc, A::JointAccreditation],
                "an ANCC-accredited provider or a Joint Accreditation provider",
            ),
            "ACPE" => (
                &[A::Acpe, A::JointAccreditation],
                "an ACPE-accredited provider or a Joint Accreditation provider",
            ),
            "AAFP_PRESCRIBED" | "AAFP_ELECTIVE" => {
                (&[A::Aafp, A::Accme, A::JointAccreditation], "an activity the AAFP approved")
            }
            _ => continue,
        };
        if !allowed.contains(&accreditor) {
            out.push(format!(
                "{} is designated only by {who}; check the certificate and the accreditor chosen.",
                crate::domain::model::vocab::credit_type_label(t)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn draft() -> ActivityDraft {
        ActivityDraft {
            title: "Opioid prescribing update".into(),
            start: "2026-03-01".into(),
            credits: vec![CreditDraft {
                credit_type: "AMA_PRA_CAT1".into(),
                amount: "2".into(),
            }],
            ..ActivityDraft::default()
        }
    }

    fn messages(d: &ActivityDraft) -> Vec<(Field, String)> {
        d.validate(day("2026-06-01"))
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    #[test]
    fn a_valid_draft_becomes_an_activity() {
        let now = DateTime::parse_from_rfc3339("2026-06-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut d = draft();
        d.tags = "grand rounds, , pain ".into();
        let a = d
            .validate(day("2026-06-01"))
            .unwrap()
            .into_activity(None, Uuid::nil(), now);
        assert_eq!(a.end, day("2026-03-01"), "empty end date means one day");
        assert_eq!(a.credits[0].amount, Amount::hours(2));
        assert_eq!(a.tags, vec!["grand rounds", "pain"]);
        assert_eq!(a.created_at, now);
    }

    #[test]
    fn every_field_problem_has_its_message() {
        let mut d = draft();
        d.title = "  ".into();
        d.start = String::new();
        assert_eq!(
            messages(&d),
            vec![
                (Field::Title, "Enter a title, e.g. the course name.".into()),
                (Field::Start, "Enter the date of the activity.".into())
            ]
        );

        for (amount, expected) in [
            ("0", "The amount must be more than 0."),
            ("1000", "The amount can be at most 999.75."),
            (
                "1.1",
                "AMA PRA credits are given in quarter hours: use steps of 0.25 (e.g. 1.25, 1.5, 1.75).",
            ),
            ("", "Enter the amount of credit."),
            ("two", "Enter a number such as 1, 1.5 or 0.25."),
        ] {
            let mut d = draft();
            d.credits[0].amount = amount.into();
            assert_eq!(
                messages(&d),
                vec![(Field::CreditAmount(0), expected.into())],
                "{amount}"
            );
        }

        let mut d = draft();
        d.end = "2026-02-01".into();
        assert_eq!(
            messages(&d),
            vec![(
                Field::End,
                "The end date cannot be before the start date.".into()
            )]
        );
    }

    #[test]
    fn only_planned_activities_may_be_in_the_future() {
        let mut d = draft();
        d.start = "2026-07-01".into();
        assert_eq!(messages(&d).len(), 1);
        assert_eq!(messages(&d)[0].0, Field::Start);
        d.status = ActivityStatus::Planned;
        assert!(messages(&d).is_empty());
    }

    #[test]
    fn editing_keeps_identity_and_creation_time() {
        let t0 = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let t1 = DateTime::parse_from_rfc3339("2026-02-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let original = draft().validate(day("2026-06-01")).unwrap().into_activity(
            None,
            Uuid::from_u128(7),
            t0,
        );
        let mut d = ActivityDraft::from_activity(&original);
        d.title = "Renamed".into();
        let edited = d.validate(day("2026-06-01")).unwrap().into_activity(
            Some(&original),
            Uuid::from_u128(9),
            t1,
        );
        assert_eq!(edited.id, Uuid::from_u128(7));
        assert_eq!(edited.created_at, t0);
        assert_eq!(edited.updated_at, t1);
        assert_eq!(edited.title, "Renamed");
    }

    /// A nurse's certificate says 1.2 ANCC contact hours: the form takes it as stated, with 0.3 h
    /// of it on a topic; AMA PRA credit stays in quarter hours, and so do topic hours of an
    /// activity designated only in AMA PRA credit.
    #[test]
    fn amounts_are_taken_in_the_steps_each_credit_type_is_designated_in() {
        let mut d = draft();
        d.credits[0] = CreditDraft {
            credit_type: "ANCC_CONTACT_HOUR".into(),
            amount: "1.2".into(),
        };
        d.topics = vec![TopicId::new("pain_management_opioids")];
        d.topic_hours
            .insert(TopicId::new("pain_management_opioids"), "0.3".into());
        let valid = d.validate(day("2026-06-01")).unwrap();
        let a = valid.into_activity(None, uuid::Uuid::nil(), chrono::Utc::now());
        assert_eq!(a.credits[0].amount, Amount::parse("1.2").unwrap());
        assert_eq!(
            a.topic_hours[&TopicId::new("pain_management_opioids")],
            Amount::parse("0.3").unwrap()
        );
        for code in ["AMA_PRA_CAT1", "AMA_PRA_CAT2"] {
            let mut d = draft();
            d.credits[0].credit_type = code.into();
            d.credits[0].amount = "1.2".into();
            assert_eq!(
                messages(&d),
                vec![(
                    Field::CreditAmount(0),
                    "AMA PRA credits are given in quarter hours: use steps of 0.25 (e.g. 1.25, 1.5, 1.75).".into()
                )],
                "{code}"
            );
        }
        let mut d = draft();
        d.topics = vec![TopicId::new("pain_management_opioids")];
        d.topic_hours
            .insert(TopicId::new("pain_management_opioids"), "0.3".into());
        assert_eq!(
            messages(&d),
            vec![(
                Field::TopicHours(0),
                "Use quarter hours (e.g. 1.25, 1.5, 1.75).".into()
            )]
        );
    }
}
