//! Form drafts: what a person typed, checked field by field before it becomes a record.
//!
//! Validation lives here, not in the UI, so every message is tested natively and the same rules
//! apply to the form, CSV import and anything else that creates activities.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::activity::{Accreditor, Activity, ActivityStatus, Format};
use super::contract::{self, limits};
use super::credits::{Amount, AmountError, CreditDesignation, CreditTypeId};
use super::topics::TopicId;

pub use super::contract::MAX_DESIGNATION;

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
    Provider,
    Tags,
    Notes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

fn err(field: Field, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// A date as a form field holds it (`YYYY-MM-DD`, what date inputs give), or `None`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    text.trim().parse::<NaiveDate>().ok()
}

/// The message for a typed date outside what the contract keeps (1900-2200), if it is.
pub fn date_range_message(d: NaiveDate) -> Option<&'static str> {
    contract::date_problem(d).map(|_| "Enter a date between 1900 and 2200.")
}

/// "Keep the title to 300 characters (it has 312)." when `text` is longer than `max`.
pub fn too_long(what: &str, text: &str, max: usize) -> Option<String> {
    let n = text.trim().chars().count();
    (n > max).then(|| format!("Keep the {what} to {max} characters (it has {n})."))
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
                    "The amount can be at most 100.",
                )),
                Ok(a) if !a.is_quarter_multiple() => errors.push(err(
                    Field::CreditAmount(i),
                    "Credits are given in quarter hours: use steps of 0.25 (e.g. 1.25, 1.5, 1.75).",
                )),
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
            }),
            _ => Err(errors),
        }
    }
}

/// A draft that passed validation; turning it into an [`Activity`] cannot fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDraft {
    draft: ActivityDraft,
    start: NaiveDate,
    end: NaiveDate,
    credits: Vec<CreditDesignation>,
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
        topics.sort();
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
            topics,
            tags,
            status: d.status,
            notes: d.notes.trim().to_string(),
            created_at: existing.map_or(now, |a| a.created_at),
            updated_at: now,
        }
    }
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
            ("100.25", "The amount can be at most 100."),
            (
                "1.1",
                "Credits are given in quarter hours: use steps of 0.25 (e.g. 1.25, 1.5, 1.75).",
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
}

/// The credential form's fields, as typed. Rules are edited separately (see [`RuleDraft`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialDraft {
    pub name: String,
    pub kind: super::credential::CredentialKind,
    pub jurisdiction: String,
    pub number: String,
    pub cycle_start: String,
    pub cycle_end: String,
    pub ce_deadline: String,
    pub conditions: std::collections::BTreeSet<String>,
    pub renewal: super::credential::RenewalAnswer,
    pub notes: String,
}

impl Default for CredentialDraft {
    fn default() -> Self {
        CredentialDraft {
            name: String::new(),
            kind: super::credential::CredentialKind::StateLicense,
            jurisdiction: String::new(),
            number: String::new(),
            cycle_start: String::new(),
            cycle_end: String::new(),
            ce_deadline: String::new(),
            conditions: Default::default(),
            renewal: super::credential::RenewalAnswer::NotSure,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialFieldError {
    pub field: CredentialField,
    pub message: String,
}

/// A checked credential form: the values to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCredential {
    pub name: String,
    pub kind: super::credential::CredentialKind,
    pub jurisdiction: String,
    pub number: Option<String>,
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    pub ce_deadline: Option<NaiveDate>,
    pub conditions: std::collections::BTreeSet<String>,
    pub renewal: super::credential::RenewalAnswer,
    pub notes: String,
}

impl CredentialDraft {
    pub fn from_credential(c: &super::credential::Credential) -> CredentialDraft {
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
        let mut errors = Vec::new();
        let mut e = |field, message: &str| {
            errors.push(CredentialFieldError {
                field,
                message: message.to_string(),
            })
        };
        let name = self.name.trim();
        if name.is_empty() {
            e(
                CredentialField::Name,
                "Enter a name, e.g. \"Texas medical license\".",
            );
        } else if let Some(m) = too_long("name", name, limits::NAME) {
            e(CredentialField::Name, &m);
        }
        for (field, what, text, max) in [
            (
                CredentialField::Jurisdiction,
                "jurisdiction",
                &self.jurisdiction,
                limits::JURISDICTION,
            ),
            (
                CredentialField::Number,
                "number",
                &self.number,
                limits::NUMBER,
            ),
            (CredentialField::Notes, "notes", &self.notes, limits::NOTES),
        ] {
            if let Some(m) = too_long(what, text, max) {
                e(field, &m);
            }
        }
        let date = |text: &str, field, missing: &str, e: &mut dyn FnMut(CredentialField, &str)| {
            if text.trim().is_empty() {
                e(field, missing);
                None
            } else {
                let d = parse_date(text);
                match d.map(date_range_message) {
                    None => e(field, "Enter a valid date."),
                    Some(Some(m)) => e(field, m),
                    Some(None) => {}
                }
                d
            }
        };
        let start = date(
            &self.cycle_start,
            CredentialField::CycleStart,
            "Enter the date the current renewal cycle started.",
            &mut e,
        );
        let end = date(
            &self.cycle_end,
            CredentialField::CycleEnd,
            "Enter the expiry date of the current cycle (license expiry).",
            &mut e,
        );
        let deadline = if self.ce_deadline.trim().is_empty() {
            None
        } else {
            let d = parse_date(&self.ce_deadline);
            match d.map(date_range_message) {
                None => e(
                    CredentialField::CeDeadline,
                    "Enter a valid date, or leave it empty.",
                ),
                Some(Some(m)) => e(CredentialField::CeDeadline, m),
                Some(None) => {}
            }
            d
        };
        if let (Some(s), Some(en)) = (start, end) {
            if en <= s {
                e(
                    CredentialField::CycleEnd,
                    "The cycle must end after it starts.",
                );
            } else if (en - s).num_days() > contract::MAX_CYCLE_DAYS {
                e(
                    CredentialField::CycleEnd,
                    "A renewal cycle longer than 10 years is almost certainly a typing slip.",
                );
            }
            if let Some(dl) = deadline {
                if dl < s {
                    e(
                        CredentialField::CeDeadline,
                        "The CE deadline cannot be before the cycle starts.",
                    );
                } else if (dl - en).num_days() > contract::MAX_GRACE_DAYS {
                    e(
                        CredentialField::CeDeadline,
                        "The CE deadline can be at most a year after the cycle ends.",
                    );
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

/// The kinds offered by the rule editor (one per [`RuleKind`](super::rule::RuleKind) variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKindChoice {
    Total,
    CategoryMin,
    Cap,
    TopicMin,
    Completion,
    PerYear,
}

impl RuleKindChoice {
    pub const ALL: [RuleKindChoice; 6] = [
        RuleKindChoice::Total,
        RuleKindChoice::CategoryMin,
        RuleKindChoice::TopicMin,
        RuleKindChoice::Cap,
        RuleKindChoice::Completion,
        RuleKindChoice::PerYear,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RuleKindChoice::Total => "Total hours",
            RuleKindChoice::CategoryMin => "Minimum of a credit category",
            RuleKindChoice::Cap => "Cap (at most)",
            RuleKindChoice::TopicMin => "Topic hours",
            RuleKindChoice::Completion => "Completed training (no hour count)",
            RuleKindChoice::PerYear => "Minimum per year (pace)",
        }
    }

    /// Whether "these hours also count toward the total" means anything: only topic hours can be
    /// required on top of the total (the engine adds them to the total's requirement).
    pub fn can_be_on_top(self) -> bool {
        self == RuleKindChoice::TopicMin
    }

    /// Whether the rule counts hours (and so can round them to quarter hours); a completion rule
    /// counts activities.
    pub fn counts_hours(self) -> bool {
        self != RuleKindChoice::Completion
    }

    fn of(kind: &super::rule::RuleKind) -> RuleKindChoice {
        use super::rule::RuleKind as K;
        match kind {
            K::Total { .. } => RuleKindChoice::Total,
            K::CategoryMin { .. } => RuleKindChoice::CategoryMin,
            K::Cap { .. } => RuleKindChoice::Cap,
            K::TopicMin { .. } => RuleKindChoice::TopicMin,
            K::Completion { .. } => RuleKindChoice::Completion,
            K::PerYear { .. } => RuleKindChoice::PerYear,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecurrenceChoice {
    EveryCycle,
    EveryNCycles,
    EveryNMonths,
    OnceEver,
    FirstCycles,
    AfterFirstCycles,
}

impl RecurrenceChoice {
    pub const ALL: [RecurrenceChoice; 6] = [
        RecurrenceChoice::EveryCycle,
        RecurrenceChoice::EveryNCycles,
        RecurrenceChoice::EveryNMonths,
        RecurrenceChoice::OnceEver,
        RecurrenceChoice::FirstCycles,
        RecurrenceChoice::AfterFirstCycles,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RecurrenceChoice::EveryCycle => "Every cycle",
            RecurrenceChoice::EveryNCycles => "Once every N cycles",
            RecurrenceChoice::EveryNMonths => "Once every N months",
            RecurrenceChoice::OnceEver => "Once in a career",
            RecurrenceChoice::FirstCycles => "Only in the first N renewals",
            RecurrenceChoice::AfterFirstCycles => "After the first N renewals, every M months",
        }
    }
}

/// The rule editor's fields, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDraft {
    /// Kept when editing so exemptions recorded against the rule stay attached.
    pub id: Option<String>,
    pub label: String,
    pub kind: RuleKindChoice,
    /// Minimum, maximum or per-year amount, depending on the kind.
    pub amount: String,
    pub credit_types: Vec<CreditTypeId>,
    pub topics: Vec<TopicId>,
    pub formats: Vec<Format>,
    pub recurrence: RecurrenceChoice,
    /// N for "every N cycles", "first N renewals", "after the first N".
    pub n: String,
    /// Months for "every N months" and "after the first N renewals, every M months".
    pub months: String,
    pub carry_over_max: String,
    pub carry_over_topic_hours: bool,
    pub applies_if: Vec<String>,
    pub counts_toward_total: bool,
    pub round_to_quarter_hour: bool,
    pub note: String,
}

impl Default for RuleDraft {
    fn default() -> Self {
        RuleDraft {
            id: None,
            label: String::new(),
            kind: RuleKindChoice::Total,
            amount: String::new(),
            credit_types: Vec::new(),
            topics: Vec::new(),
            formats: Vec::new(),
            recurrence: RecurrenceChoice::EveryCycle,
            n: String::new(),
            months: String::new(),
            carry_over_max: String::new(),
            carry_over_topic_hours: false,
            applies_if: Vec::new(),
            counts_toward_total: true,
            round_to_quarter_hour: false,
            note: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleField {
    Note,
    Label,
    Amount,
    Topics,
    Limits,
    N,
    Months,
    CarryOver,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFieldError {
    pub field: RuleField,
    pub message: String,
}

impl RuleDraft {
    pub fn from_rule(rule: &super::rule::Rule) -> RuleDraft {
        use super::rule::{Recurrence as R, RuleKind as K};
        let mut d = RuleDraft {
            id: Some(rule.id.clone()),
            label: rule.label.clone(),
            kind: RuleKindChoice::of(&rule.kind),
            counts_toward_total: rule.counts_toward_total,
            round_to_quarter_hour: rule.round_to_quarter_hour,
            note: rule.note.clone(),
            applies_if: rule.applies_if.all.clone(),
            ..RuleDraft::default()
        };
        match &rule.kind {
            K::Total {
                accepts,
                min,
                carry_over,
            } => {
                d.credit_types = accepts.credit_types.clone();
                d.amount = min.display_short();
                if let Some(c) = carry_over {
                    d.carry_over_max = c.max.display_short();
                    d.carry_over_topic_hours = c.include_topic_hours;
                }
            }
            K::CategoryMin { accepts, min } => {
                d.credit_types = accepts.credit_types.clone();
                d.amount = min.display_short();
            }
            K::Cap {
                accepts,
                formats,
                topics,
                max,
            } => {
                d.credit_types = accepts.credit_types.clone();
                d.formats = formats.clone();
                d.topics = topics.clone();
                d.amount = max.display_short();
            }
            K::TopicMin {
                topics,
                accepts,
                min,
            } => {
                d.topics = topics.clone();
                d.credit_types = accepts.credit_types.clone();
                d.amount = min.display_short();
            }
            K::Completion { topics, accepts } => {
                d.topics = topics.clone();
                d.credit_types = accepts.credit_types.clone();
            }
            K::PerYear {
                accepts,
                topics,
                min_per_year,
            } => {
                d.credit_types = accepts.credit_types.clone();
                d.topics = topics.clone();
                d.amount = min_per_year.display_short();
            }
        }
        match rule.recurrence {
            R::EveryCycle => {}
            R::EveryNCycles { n } => {
                d.recurrence = RecurrenceChoice::EveryNCycles;
                d.n = n.to_string();
            }
            R::EveryNMonths { months } => {
                d.recurrence = RecurrenceChoice::EveryNMonths;
                d.months = months.to_string();
            }
            R::OnceEver => d.recurrence = RecurrenceChoice::OnceEver,
            R::FirstCycles { n } => {
                d.recurrence = RecurrenceChoice::FirstCycles;
                d.n = n.to_string();
            }
            R::AfterFirstCycles { after, months } => {
                d.recurrence = RecurrenceChoice::AfterFirstCycles;
                d.n = after.to_string();
                d.months = months.to_string();
            }
        }
        d
    }

    /// Checks the draft and builds the rule. `existing` is the rule being edited (its `any`/`none`
    /// conditions and other fields the editor does not show are kept); `new_id` names a new rule.
    pub fn validate(
        &self,
        existing: Option<&super::rule::Rule>,
        new_id: &str,
    ) -> Result<super::rule::Rule, Vec<RuleFieldError>> {
        use super::rule::{Accepts, AppliesIf, CarryOver, Recurrence as R, Rule, RuleKind as K};
        let mut errors = Vec::new();
        let mut e = |field, message: &str| {
            errors.push(RuleFieldError {
                field,
                message: message.to_string(),
            })
        };
        if self.label.trim().is_empty() {
            e(
                RuleField::Label,
                "Give the rule a short name, e.g. \"Ethics\".",
            );
        } else if let Some(m) = too_long("name", &self.label, limits::RULE_LABEL) {
            e(RuleField::Label, &m);
        }
        if let Some(m) = too_long("note", &self.note, limits::RULE_NOTE) {
            e(RuleField::Note, &m);
        }
        let needs_amount = self.kind != RuleKindChoice::Completion;
        let amount = if needs_amount {
            match Amount::parse(&self.amount) {
                Ok(a) if a > contract::MAX_RULE_AMOUNT => {
                    e(RuleField::Amount, "Enter at most 1000 hours.");
                    None
                }
                Ok(a) if a.is_positive() => Some(a),
                Ok(_) => {
                    e(RuleField::Amount, "The hours must be more than 0.");
                    None
                }
                Err(AmountError::Empty) => {
                    e(RuleField::Amount, "Enter the number of hours.");
                    None
                }
                Err(err) => {
                    e(RuleField::Amount, &err.to_string());
                    None
                }
            }
        } else {
            None
        };
        let needs_topics = matches!(
            self.kind,
            RuleKindChoice::TopicMin | RuleKindChoice::Completion
        );
        if needs_topics && self.topics.is_empty() {
            e(RuleField::Topics, "Choose at least one topic.");
        }
        if self.kind == RuleKindChoice::CategoryMin && self.credit_types.is_empty() {
            e(
                RuleField::Limits,
                "Choose the credit types this minimum is about.",
            );
        }
        if self.kind == RuleKindChoice::Cap
            && self.credit_types.is_empty()
            && self.formats.is_empty()
            && self.topics.is_empty()
        {
            e(
                RuleField::Limits,
                "Choose what the cap limits: credit types, formats or topics.",
            );
        }
        let mut count = |text: &str, field, what: &str, max: u32| -> u32 {
            match text.trim().parse::<u32>() {
                Ok(v) if (1..=max).contains(&v) => v,
                _ => {
                    e(
                        field,
                        &format!("Enter a whole number of {what} from 1 to {max}."),
                    );
                    0
                }
            }
        };
        let recurrence = match self.recurrence {
            RecurrenceChoice::EveryCycle => R::EveryCycle,
            RecurrenceChoice::OnceEver => R::OnceEver,
            RecurrenceChoice::EveryNCycles => R::EveryNCycles {
                n: count(&self.n, RuleField::N, "cycles", contract::MAX_CYCLES),
            },
            RecurrenceChoice::FirstCycles => R::FirstCycles {
                n: count(&self.n, RuleField::N, "renewals", contract::MAX_CYCLES),
            },
            RecurrenceChoice::EveryNMonths => R::EveryNMonths {
                months: count(
                    &self.months,
                    RuleField::Months,
                    "months",
                    contract::MAX_MONTHS,
                ),
            },
            RecurrenceChoice::AfterFirstCycles => R::AfterFirstCycles {
                after: count(&self.n, RuleField::N, "renewals", contract::MAX_CYCLES),
                months: count(
                    &self.months,
                    RuleField::Months,
                    "months",
                    contract::MAX_MONTHS,
                ),
            },
        };
        let carry_over =
            if self.kind == RuleKindChoice::Total && !self.carry_over_max.trim().is_empty() {
                match Amount::parse(&self.carry_over_max) {
                    Ok(max) if max > contract::MAX_RULE_AMOUNT => {
                        e(RuleField::CarryOver, "Enter at most 1000 hours.");
                        None
                    }
                    Ok(max) => Some(CarryOver {
                        max,
                        include_topic_hours: self.carry_over_topic_hours,
                    }),
                    Err(err) => {
                        e(RuleField::CarryOver, &err.to_string());
                        None
                    }
                }
            } else {
                None
            };
        if !errors.is_empty() {
            return Err(errors);
        }
        let accepts = Accepts {
            credit_types: self.credit_types.clone(),
        };
        let a = amount.unwrap_or(Amount::ZERO);
        let kind = match self.kind {
            RuleKindChoice::Total => K::Total {
                accepts,
                min: a,
                carry_over,
            },
            RuleKindChoice::CategoryMin => K::CategoryMin { accepts, min: a },
            RuleKindChoice::Cap => K::Cap {
                accepts,
                formats: self.formats.clone(),
                topics: self.topics.clone(),
                max: a,
            },
            RuleKindChoice::TopicMin => K::TopicMin {
                topics: self.topics.clone(),
                accepts,
                min: a,
            },
            RuleKindChoice::Completion => K::Completion {
                topics: self.topics.clone(),
                accepts,
            },
            RuleKindChoice::PerYear => K::PerYear {
                accepts,
                topics: self.topics.clone(),
                min_per_year: a,
            },
        };
        // Start from the rule being edited so fields the editor does not show (any/none
        // conditions, deemed-met conditions, fields added later) survive an edit.
        let mut rule = existing.cloned().unwrap_or_else(|| Rule {
            id: new_id.to_string(),
            label: String::new(),
            kind: kind.clone(),
            recurrence: R::EveryCycle,
            applies_if: AppliesIf::default(),
            deemed_met_if: Vec::new(),
            counts_toward_total: true,
            round_to_quarter_hour: false,
            note: String::new(),
        });
        if let Some(id) = &self.id {
            rule.id = id.clone();
        }
        rule.label = self.label.trim().to_string();
        rule.kind = kind;
        rule.recurrence = recurrence;
        rule.applies_if.all = self.applies_if.clone();
        // Options the chosen kind does not use are not kept (the form hides them), so switching
        // kinds never leaves a hidden setting behind.
        rule.counts_toward_total = self.counts_toward_total || !self.kind.can_be_on_top();
        rule.round_to_quarter_hour = self.round_to_quarter_hour && self.kind.counts_hours();
        rule.note = self.note.trim().to_string();
        Ok(rule)
    }
}

#[cfg(test)]
mod rule_draft_tests {
    use super::*;
    use crate::domain::rule::{Recurrence, RuleKind};

    #[test]
    fn options_a_kind_does_not_use_are_not_kept() {
        let d = RuleDraft {
            label: "Bias training".into(),
            kind: RuleKindChoice::Completion,
            topics: vec![TopicId::new("implicit_bias")],
            counts_toward_total: false,
            round_to_quarter_hour: true,
            ..Default::default()
        };
        let rule = d.validate(None, "bias").unwrap();
        assert!(rule.counts_toward_total);
        assert!(!rule.round_to_quarter_hour);
        let topic = RuleDraft {
            label: "Ethics on top".into(),
            kind: RuleKindChoice::TopicMin,
            amount: "2".into(),
            topics: vec![TopicId::new("ethics_professional_responsibility")],
            counts_toward_total: false,
            round_to_quarter_hour: true,
            ..Default::default()
        };
        let rule = topic.validate(None, "ethics").unwrap();
        assert!(!rule.counts_toward_total);
        assert!(rule.round_to_quarter_hour);
    }

    #[test]
    fn a_topic_rule_round_trips_through_the_editor() {
        let d = RuleDraft {
            label: "Ethics".into(),
            kind: RuleKindChoice::TopicMin,
            amount: "2".into(),
            credit_types: vec![CreditTypeId::new("AMA_PRA_CAT1")],
            topics: vec![TopicId::new("ethics_professional_responsibility")],
            recurrence: RecurrenceChoice::EveryNCycles,
            n: "3".into(),
            ..Default::default()
        };
        let rule = d.validate(None, "ethics").unwrap();
        assert_eq!(rule.id, "ethics");
        assert_eq!(rule.recurrence, Recurrence::EveryNCycles { n: 3 });
        assert!(matches!(rule.kind, RuleKind::TopicMin { min, .. } if min == Amount::hours(2)));
        let back = RuleDraft::from_rule(&rule);
        assert_eq!(back.validate(Some(&rule), "other").unwrap(), rule);
    }

    #[test]
    fn the_editor_names_each_missing_piece() {
        let d = RuleDraft {
            kind: RuleKindChoice::TopicMin,
            recurrence: RecurrenceChoice::EveryNMonths,
            months: "0".into(),
            ..Default::default()
        };
        let fields: Vec<_> = d
            .validate(None, "x")
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                RuleField::Label,
                RuleField::Amount,
                RuleField::Topics,
                RuleField::Months
            ]
        );
    }
}

impl ValidCredential {
    /// The credential to store: a new one (no rules yet) or `existing` with the form's fields,
    /// keeping its rules, earlier cycles and exemptions.
    pub fn into_credential(
        self,
        existing: Option<&super::credential::Credential>,
        new_id: uuid::Uuid,
        now: chrono::DateTime<chrono::Utc>,
    ) -> super::credential::Credential {
        use super::credential::{Credential, Cycle};
        let mut c = existing.cloned().unwrap_or_else(|| Credential {
            id: new_id,
            name: String::new(),
            kind: self.kind,
            jurisdiction: String::new(),
            number: None,
            conditions: Default::default(),
            cycle: Cycle::new(self.cycle_start, self.cycle_end),
            past_cycles: Vec::new(),
            first_renewal: false,
            renewal: None,
            rules: Vec::new(),
            weights: Vec::new(),
            equivalences: Vec::new(),
            preset: None,
            notes: String::new(),
            created_at: now,
            updated_at: now,
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
