//! The learning cycle beyond the credit count: goals (a need noticed, a target, the activities
//! that served it), reflection on an activity (what I learned, what I will change, a follow-up
//! date, and at follow-up what happened), and the summary of how one learns. UK revalidation,
//! the Royal College of Canada's MOC and the Medical Board of Australia ask for this.
//!
//! Pure: progress, follow-ups due, the forms' drafts and the summary are tested natively.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::activity::{Activity, ActivityStatus, Format};
use super::codes::Coded;
use super::contract::limits;
use super::credits::{Amount, AmountError, CreditTypeId};
use super::draft::{optional_date, too_long, ActivityDraft, CreditDraft, FieldError};
use super::topics::TopicId;

/// Where the need behind a goal came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedSource {
    PracticeGap,
    PatientPopulation,
    Feedback,
    AuditResult,
    NewGuideline,
    RequirementGap,
    Other,
}

impl NeedSource {
    pub const ALL: [NeedSource; 7] = [
        NeedSource::PracticeGap,
        NeedSource::PatientPopulation,
        NeedSource::Feedback,
        NeedSource::AuditResult,
        NeedSource::NewGuideline,
        NeedSource::RequirementGap,
        NeedSource::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NeedSource::PracticeGap => "A gap I noticed in my practice",
            NeedSource::PatientPopulation => "My patients (a population or condition I see)",
            NeedSource::Feedback => "Feedback from patients or colleagues",
            NeedSource::AuditResult => "An audit or quality result",
            NeedSource::NewGuideline => "A new guideline or evidence",
            NeedSource::RequirementGap => "A licence or board requirement",
            NeedSource::Other => "Something else",
        }
    }
}

/// Where a goal stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    Met,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [GoalStatus::Active, GoalStatus::Met, GoalStatus::Dropped];

    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "Working on it",
            GoalStatus::Met => "Met",
            GoalStatus::Dropped => "Set aside",
        }
    }

    fn is_active(&self) -> bool {
        *self == GoalStatus::Active
    }
}

/// A learning goal: the first step of the clinician's cycle (identify a need, set a goal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Uuid,
    pub title: String,
    /// The need behind the goal, in the holder's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the need came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<NeedSource>,
    /// Reflection on the goal as a whole, written once it is met.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reflection: String,
    /// Activities that served this goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity_ids: Vec<Uuid>,
    /// When the holder means to have reached it (shown in the calendar file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<NaiveDate>,
    /// Hours of learning the holder means to spend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_hours: Option<Amount>,
    /// Topics it is about (a planned activity for it gets them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicId>,
    /// The credit type wanted (a planned activity for it gets it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_type: Option<CreditTypeId>,
    #[serde(default, skip_serializing_if = "GoalStatus::is_active")]
    pub status: GoalStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Goal {
    /// Links an activity to the goal (once).
    pub fn link(&mut self, activity: Uuid) {
        if !self.activity_ids.contains(&activity) {
            self.activity_ids.push(activity);
        }
    }

    pub fn unlink(&mut self, activity: Uuid) {
        self.activity_ids.retain(|a| *a != activity);
    }

    /// The activity form for a planned activity toward the goal: its topics and credit type,
    /// the hours still to go (at least one), dated `today`.
    pub fn planned_activity(&self, progress: &GoalProgress, today: NaiveDate) -> ActivityDraft {
        let to_go = self
            .target_hours
            .map(|t| t.saturating_sub(progress.hours + progress.planned_hours))
            .filter(|h| h.is_positive())
            .unwrap_or(Amount::hours(1));
        ActivityDraft {
            title: format!("For my goal: {}", self.title),
            start: today.to_string(),
            end: today.to_string(),
            status: ActivityStatus::Planned,
            topics: self.topics.clone(),
            credits: vec![CreditDraft {
                credit_type: self
                    .credit_type
                    .as_ref()
                    .map_or("AMA_PRA_CAT1".to_string(), |c| c.as_str().to_string()),
                amount: to_go.display_short(),
            }],
            ..ActivityDraft::default()
        }
    }
}

/// Did the change happen in practice (asked at follow-up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Changed {
    Yes,
    Partly,
    No,
}

impl Changed {
    pub const ALL: [Changed; 3] = [Changed::Yes, Changed::Partly, Changed::No];

    pub fn label(self) -> &'static str {
        match self {
            Changed::Yes => "Yes, I changed it",
            Changed::Partly => "Partly",
            Changed::No => "No, not yet",
        }
    }
}

/// What happened, recorded at follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpOutcome {
    pub date: NaiveDate,
    pub changed: Changed,
    /// What happened for patients or the team.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what_happened: String,
}

/// Reflection on one activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub will_change: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<FollowUpOutcome>,
}

impl Reflection {
    pub fn is_empty(&self) -> bool {
        *self == Reflection::default()
    }
}

/// How far a goal has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalProgress {
    /// Hours of the completed activities linked to it (on its topics, when it has topics and an
    /// activity records hours per topic).
    pub hours: Amount,
    /// Hours of linked activities still planned.
    pub planned_hours: Amount,
    pub completed: usize,
    pub planned: usize,
    /// Percent of the target hours, capped at 100; `None` without a target.
    pub percent: Option<u32>,
    /// The target hours are reached.
    pub reached: bool,
    /// The target date has passed while the goal is still being worked on.
    pub overdue: bool,
}

/// An activity's hours toward a goal: the hours on the goal's topics when it has any (the largest
/// of them), else the whole activity.
fn hours_toward(goal: &Goal, a: &Activity) -> Amount {
    let on_topics = goal.topics.iter().map(|t| a.hours_on(t)).max();
    match on_topics {
        Some(h) if !h.is_zero() => h,
        _ => a.hours(),
    }
}

/// The progress of `goal` among `activities` on `today`.
pub fn progress<A: Borrow<Activity>>(
    goal: &Goal,
    activities: &[A],
    today: NaiveDate,
) -> GoalProgress {
    let mut p = GoalProgress {
        hours: Amount::ZERO,
        planned_hours: Amount::ZERO,
        completed: 0,
        planned: 0,
        percent: None,
        reached: false,
        overdue: false,
    };
    for a in activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| goal.activity_ids.contains(&a.id))
    {
        let h = hours_toward(goal, a);
        match a.status {
            ActivityStatus::Completed => {
                p.hours += h;
                p.completed += 1;
            }
            ActivityStatus::Planned => {
                p.planned_hours += h;
                p.planned += 1;
            }
        }
    }
    if let Some(target) = goal.target_hours.filter(|t| t.is_positive()) {
        let pct = p.hours.hundredths() * 100 / target.hundredths();
        p.percent = Some(pct.clamp(0, 100) as u32);
        p.reached = p.hours >= target;
    }
    p.overdue = goal.status == GoalStatus::Active && goal.target_date.is_some_and(|d| d < today);
    p
}

/// A reflection whose follow-up is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDue {
    pub activity_id: Uuid,
    pub title: String,
    pub date: NaiveDate,
    /// Days from today (negative once past).
    pub days: i64,
}

/// How many days ahead a follow-up is listed as coming.
pub const FOLLOW_UP_NOTICE_DAYS: i64 = 14;

/// Follow-ups not yet recorded whose date is within [`FOLLOW_UP_NOTICE_DAYS`] of `today` or
/// past, earliest first.
pub fn follow_ups_due<A: Borrow<Activity>>(activities: &[A], today: NaiveDate) -> Vec<FollowUpDue> {
    let mut out: Vec<FollowUpDue> = activities
        .iter()
        .map(Borrow::borrow)
        .filter_map(|a| {
            let r = a.reflection.as_ref()?;
            let date = r.follow_up?;
            if r.outcome.is_some() {
                return None;
            }
            let days = (date - today).num_days();
            (days <= FOLLOW_UP_NOTICE_DAYS).then(|| FollowUpDue {
                activity_id: a.id,
                title: a.title.clone(),
                date,
                days,
            })
        })
        .collect();
    super::sort::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title))
    });
    out
}

// ---------------------------------------------------------------------------------------------
// Forms

/// The goal form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoalDraft {
    pub title: String,
    /// A [`NeedSource`] code, or empty.
    pub need: String,
    pub notes: String,
    pub target_date: String,
    pub target_hours: String,
    pub topics: Vec<TopicId>,
    /// A credit type code, or empty.
    pub credit_type: String,
    pub status: GoalStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalField {
    Title,
    Need,
    Notes,
    TargetDate,
    TargetHours,
}

/// The most hours a goal may target.
const MAX_TARGET_HOURS: Amount = Amount::hours(1000);

impl GoalDraft {
    /// The form filled from a goal, for editing.
    pub fn from_goal(g: &Goal) -> GoalDraft {
        GoalDraft {
            title: g.title.clone(),
            need: g.need.map(|n| n.code().to_string()).unwrap_or_default(),
            notes: g.notes.clone(),
            target_date: g.target_date.map(|d| d.to_string()).unwrap_or_default(),
            target_hours: g
                .target_hours
                .map(|h| h.display_short())
                .unwrap_or_default(),
            topics: g.topics.clone(),
            credit_type: g
                .credit_type
                .as_ref()
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            status: g.status,
        }
    }

    /// A goal made from an item of the cross-credential plan: its topic, credit type, hours and
    /// deadline, with the requirement as the need.
    pub fn from_plan(
        title: &str,
        topics: &[TopicId],
        credit_type: Option<&str>,
        hours: Amount,
        deadline: NaiveDate,
        for_what: &str,
    ) -> GoalDraft {
        GoalDraft {
            title: title.to_string(),
            need: NeedSource::RequirementGap.code().to_string(),
            notes: format!("Needed for {for_what}."),
            target_date: deadline.to_string(),
            target_hours: if hours.is_positive() {
                hours.display_short()
            } else {
                String::new()
            },
            topics: topics.to_vec(),
            credit_type: credit_type.unwrap_or_default().to_string(),
            status: GoalStatus::Active,
        }
    }

    /// A goal made from an item of the cross-credential plan (one click on the dashboard).
    pub fn from_plan_item(item: &super::plan::PlanItem) -> GoalDraft {
        GoalDraft::from_plan(
            &super::describe::plan_goal_title(item),
            &item.topics,
            item.accepts.first().map(|c| c.as_str()),
            if item.completion {
                Amount::ZERO
            } else {
                item.hours
            },
            item.deadline,
            &super::describe::plan_covers(item),
        )
    }

    /// Checks the form; `Ok` is the goal to keep (a new one gets `id`; `existing` keeps its
    /// links and reflection). The reducer stamps the times.
    pub fn validate(
        &self,
        id: Uuid,
        existing: Option<&Goal>,
    ) -> Result<Goal, Vec<FieldError<GoalField>>> {
        let mut errors = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.push(FieldError::new(
                GoalField::Title,
                "Name the goal, e.g. “Manage type 2 diabetes with the new guideline”.",
            ));
        } else if let Some(m) = too_long("title", title, limits::TITLE) {
            errors.push(FieldError::new(GoalField::Title, m));
        }
        let need = match self.need.as_str() {
            "" => None,
            c => match <NeedSource as Coded>::from_code(c) {
                Some(n) => Some(n),
                None => {
                    errors.push(FieldError::new(
                        GoalField::Need,
                        "Choose where the need came from.",
                    ));
                    None
                }
            },
        };
        if let Some(m) = too_long("description of the need", &self.notes, limits::NOTES) {
            errors.push(FieldError::new(GoalField::Notes, m));
        }
        let target_date = optional_date(&self.target_date, GoalField::TargetDate, &mut errors);
        let target_hours = match Amount::parse(&self.target_hours) {
            Err(AmountError::Empty) => None,
            Ok(h) if h.is_positive() && h <= MAX_TARGET_HOURS => Some(h),
            Ok(h) if h.is_positive() => {
                errors.push(FieldError::new(
                    GoalField::TargetHours,
                    "Keep the target to 1,000 hours or fewer.",
                ));
                None
            }
            _ => {
                errors.push(FieldError::new(
                    GoalField::TargetHours,
                    "Enter the hours as a number greater than 0 (e.g. 4 or 2.5), or leave it empty.",
                ));
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let now = DateTime::<Utc>::MIN_UTC;
        Ok(Goal {
            id: existing.map_or(id, |g| g.id),
            title: title.to_string(),
            notes: self.notes.trim().to_string(),
            need,
            reflection: existing.map(|g| g.reflection.clone()).unwrap_or_default(),
            activity_ids: existing.map(|g| g.activity_ids.clone()).unwrap_or_default(),
            target_date,
            target_hours,
            topics: self.topics.clone(),
            credit_type: Some(self.credit_type.trim())
                .filter(|c| !c.is_empty())
                .map(CreditTypeId::new),
            status: self.status,
            created_at: existing.map_or(now, |g| g.created_at),
            updated_at: existing.map_or(now, |g| g.updated_at),
        })
    }
}

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

// ---------------------------------------------------------------------------------------------
// Accredited activities

/// What the activity form warns about the accreditor and the credit types claimed: an AMA PRA
/// Category 1 Credit™ can only be designated by an ACCME-accredited (or state-society accredited,
/// or Joint Accreditation) provider; AOA Category 1 only by an AOA-accredited sponsor; ANCC
/// contact hours by an ANCC-accredited provider (or Joint Accreditation); ACPE credit by an
/// ACPE-accredited provider (or Joint Accreditation). Warnings, not errors: the certificate
/// decides, and the holder may know better.
pub fn credit_claim_warnings(
    accreditor: super::activity::Accreditor,
    credit_types: &[CreditTypeId],
) -> Vec<String> {
    use super::activity::Accreditor as A;
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
                super::vocab::credit_type_label(t)
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// How I learn

/// The summary of how one learns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LearningSummary {
    /// Hours of completed activities per year and format (years ascending).
    pub hours_by_year_format: BTreeMap<i32, BTreeMap<Format, Amount>>,
    /// Hours per format over all years, largest first.
    pub hours_by_format: Vec<(Format, Amount)>,
    pub goals_met: usize,
    pub goals_active: usize,
    pub reflections: usize,
    pub follow_ups_done: usize,
    /// Of those, practice changed (fully or partly).
    pub changes_made: usize,
}

pub fn summary<A: Borrow<Activity>>(activities: &[A], goals: &[Goal]) -> LearningSummary {
    let mut s = LearningSummary::default();
    let mut by_format: BTreeMap<Format, Amount> = BTreeMap::new();
    for a in activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| a.is_completed())
    {
        let h = a.hours();
        *s.hours_by_year_format
            .entry(a.end.year())
            .or_default()
            .entry(a.format)
            .or_insert(Amount::ZERO) += h;
        *by_format.entry(a.format).or_insert(Amount::ZERO) += h;
        if let Some(r) = &a.reflection {
            if !r.learned.is_empty() || !r.will_change.is_empty() {
                s.reflections += 1;
            }
            if let Some(o) = &r.outcome {
                s.follow_ups_done += 1;
                if o.changed != Changed::No {
                    s.changes_made += 1;
                }
            }
        }
    }
    s.hours_by_format = by_format.into_iter().collect();
    super::sort::sort_by_key(&mut s.hours_by_format, |x| std::cmp::Reverse(x.1));
    s.goals_met = goals.iter().filter(|g| g.status == GoalStatus::Met).count();
    s.goals_active = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .count();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::Accreditor;
    use crate::domain::build::*;

    fn goal(ids: &[Uuid]) -> Goal {
        GoalDraft {
            title: "Safer opioid tapering".into(),
            target_hours: "4".into(),
            target_date: "2026-09-30".into(),
            topics: vec![TopicId::new("pain_management_opioids")],
            ..GoalDraft::default()
        }
        .validate(Uuid::new_v4(), None)
        .map(|mut g| {
            g.activity_ids = ids.to_vec();
            g
        })
        .unwrap()
    }

    #[test]
    fn a_goal_counts_its_completed_activities_hours_on_its_topics_and_apart_the_planned() {
        let mut conf = activity("2026-03-01")
            .credit("AMA_PRA_CAT1", "6")
            .topic("pain_management_opioids")
            .build();
        conf.topic_hours
            .insert(TopicId::new("pain_management_opioids"), hours("1.5"));
        let webinar = activity("2026-04-01").credit("AMA_PRA_CAT1", "1").build();
        let planned = activity("2026-08-01")
            .credit("AMA_PRA_CAT1", "2")
            .planned()
            .build();
        let unlinked = activity("2026-04-02").credit("AMA_PRA_CAT1", "9").build();
        let g = goal(&[conf.id, webinar.id, planned.id]);
        let acts = vec![conf, webinar, planned, unlinked];
        let p = progress(&g, &acts, date("2026-06-30"));
        // 1.5 h on the topic of the conference, the whole webinar (no topic hours kept).
        assert_eq!(p.hours, hours("2.5"));
        assert_eq!((p.completed, p.planned), (2, 1));
        assert_eq!(p.planned_hours, hours("2"));
        assert_eq!(p.percent, Some(62));
        assert!(!p.reached && !p.overdue);
        // After its target date, still being worked on: overdue; met or set aside: not.
        assert!(progress(&g, &acts, date("2026-10-01")).overdue);
        let mut met = g.clone();
        met.status = GoalStatus::Met;
        assert!(!progress(&met, &acts, date("2026-10-01")).overdue);
        // Without a target: no percent, never "reached".
        let mut open = g.clone();
        open.target_hours = None;
        assert_eq!(progress(&open, &acts, date("2026-06-30")).percent, None);
        let mut small = g;
        small.target_hours = Some(hours("2"));
        let p = progress(&small, &acts, date("2026-06-30"));
        assert_eq!((p.percent, p.reached), (Some(100), true));
    }

    fn reflected(title: &str, end: &str, follow_up: Option<&str>, done: bool) -> Activity {
        let mut a = activity(end)
            .title(title)
            .credit("AMA_PRA_CAT1", "1")
            .build();
        a.reflection = Some(Reflection {
            learned: "x".into(),
            will_change: "y".into(),
            follow_up: follow_up.map(date),
            outcome: done.then(|| FollowUpOutcome {
                date: date("2026-06-01"),
                changed: Changed::Partly,
                what_happened: String::new(),
            }),
        });
        a
    }

    #[test]
    fn follow_ups_are_due_from_two_weeks_before_their_date_until_recorded() {
        let acts = vec![
            reflected("Overdue", "2026-01-10", Some("2026-06-01"), false),
            reflected("Soon", "2026-02-10", Some("2026-07-10"), false),
            reflected("Later", "2026-03-10", Some("2026-07-20"), false),
            reflected("Done", "2026-01-10", Some("2026-05-01"), true),
            reflected("No date", "2026-01-10", None, false),
        ];
        let due = follow_ups_due(&acts, date("2026-06-30"));
        let seen: Vec<(&str, i64)> = due.iter().map(|d| (d.title.as_str(), d.days)).collect();
        assert_eq!(seen, [("Overdue", -29), ("Soon", 10)]);
        // The day "Later" comes within 14 days it is listed too.
        assert_eq!(follow_ups_due(&acts, date("2026-07-06")).len(), 3);
    }

    #[test]
    fn the_goal_form_checks_its_fields_and_keeps_links_when_editing() {
        let bad = GoalDraft {
            title: " ".into(),
            target_hours: "0".into(),
            target_date: "2026-02-30".into(),
            need: "gossip".into(),
            ..GoalDraft::default()
        };
        let errors = bad.validate(Uuid::new_v4(), None).unwrap_err();
        let fields: Vec<GoalField> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                GoalField::Title,
                GoalField::Need,
                GoalField::TargetDate,
                GoalField::TargetHours
            ]
        );
        let g = goal(&[Uuid::new_v4()]);
        let mut d = GoalDraft::from_goal(&g);
        assert_eq!(d.target_hours, "4");
        d.title = "Renamed".into();
        d.status = GoalStatus::Met;
        let edited = d.validate(Uuid::new_v4(), Some(&g)).unwrap();
        assert_eq!((edited.id, &edited.activity_ids), (g.id, &g.activity_ids));
        assert_eq!(edited.status, GoalStatus::Met);
    }

    #[test]
    fn a_plan_item_becomes_a_goal_with_its_topic_credit_type_hours_and_deadline() {
        let d = GoalDraft::from_plan(
            "Pain management & opioid prescribing: 2 hours",
            &[TopicId::new("pain_management_opioids")],
            Some("AMA_PRA_CAT1"),
            hours("2"),
            date("2027-01-31"),
            "Texas Medical Board",
        );
        let g = d.validate(Uuid::new_v4(), None).unwrap();
        assert_eq!(g.need, Some(NeedSource::RequirementGap));
        assert_eq!(g.target_hours, Some(hours("2")));
        assert_eq!(g.target_date, Some(date("2027-01-31")));
        assert_eq!(
            g.credit_type.as_ref().map(|c| c.as_str()),
            Some("AMA_PRA_CAT1")
        );
        assert_eq!(g.notes, "Needed for Texas Medical Board.");
    }

    #[test]
    fn a_goal_links_each_activity_once_and_plans_the_hours_still_to_go() {
        let mut g = goal(&[]);
        let a = activity("2026-03-01").credit("AMA_PRA_CAT1", "1").build();
        g.link(a.id);
        g.link(a.id);
        assert_eq!(g.activity_ids, [a.id]);
        let p = progress(&g, std::slice::from_ref(&a), date("2026-06-30"));
        let d = g.planned_activity(&p, date("2026-06-30"));
        assert_eq!(d.status, ActivityStatus::Planned);
        assert_eq!(d.topics, g.topics);
        assert_eq!(d.credits[0].amount, "3");
        assert_eq!(d.credits[0].credit_type, "AMA_PRA_CAT1");
        assert!(d.validate(date("2026-06-30")).is_ok());
        g.unlink(a.id);
        assert!(g.activity_ids.is_empty());
    }

    #[test]
    fn the_reflection_form_asks_what_will_change_before_a_follow_up_and_dates_the_outcome() {
        let end = date("2026-03-01");
        let d = ReflectionDraft {
            learned: "New taper schedule".into(),
            follow_up: "2026-02-01".into(),
            ..ReflectionDraft::default()
        };
        let fields: Vec<ReflectionField> = d
            .validate(end, None, date("2026-03-02"))
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [ReflectionField::FollowUp, ReflectionField::WillChange]
        );
        let d = ReflectionDraft {
            will_change: "Offer a taper plan at each refill".into(),
            follow_up: "2026-06-01".into(),
            ..d
        };
        let r = d.validate(end, None, date("2026-03-02")).unwrap();
        assert_eq!(r.follow_up, Some(date("2026-06-01")));
        assert!(r.outcome.is_none());
        // At follow-up: the answer is dated today, and keeps that date when edited later.
        let done = ReflectionDraft {
            changed: "partly".into(),
            what_happened: "Half the patients tapered".into(),
            ..ReflectionDraft::from_reflection(&r)
        };
        let r2 = done.validate(end, Some(&r), date("2026-06-03")).unwrap();
        assert_eq!(r2.outcome.as_ref().unwrap().date, date("2026-06-03"));
        let r3 = ReflectionDraft::from_reflection(&r2)
            .validate(end, Some(&r2), date("2026-07-01"))
            .unwrap();
        assert_eq!(r3.outcome.unwrap().date, date("2026-06-03"));
        let orphan = ReflectionDraft {
            what_happened: "Something".into(),
            ..ReflectionDraft::default()
        };
        assert_eq!(
            orphan.validate(end, None, date("2026-03-02")).unwrap_err()[0].field,
            ReflectionField::Changed
        );
    }

    #[test]
    fn a_credit_type_claimed_from_a_provider_that_cannot_award_it_is_warned_about() {
        let cat1 = [CreditTypeId::new("AMA_PRA_CAT1")];
        assert!(credit_claim_warnings(Accreditor::Accme, &cat1).is_empty());
        assert!(credit_claim_warnings(Accreditor::JointAccreditation, &cat1).is_empty());
        let w = credit_claim_warnings(Accreditor::None, &cat1);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("ACCME-accredited"), "{w:?}");
        assert_eq!(
            credit_claim_warnings(Accreditor::Accme, &[CreditTypeId::new("ANCC_CONTACT_HOUR")])
                .len(),
            1
        );
        // The holder's own types and informal credit are never warned about.
        assert!(credit_claim_warnings(
            Accreditor::None,
            &[
                CreditTypeId::new("custom:Grand rounds"),
                CreditTypeId::new("AMA_PRA_CAT2")
            ]
        )
        .is_empty());
    }

    #[test]
    fn the_summary_counts_hours_per_year_and_format_goals_and_reflections() {
        let mut a = reflected("A", "2025-03-01", Some("2025-06-01"), true);
        a.format = Format::Conference;
        let mut b = activity("2026-03-01").credit("AMA_PRA_CAT1", "2").build();
        b.format = Format::Conference;
        let c = activity("2026-04-01")
            .credit("AMA_PRA_CAT1", "3")
            .planned()
            .build();
        let mut met = goal(&[]);
        met.status = GoalStatus::Met;
        let s = summary(&[a, b, c], &[met, goal(&[])]);
        assert_eq!(
            s.hours_by_year_format[&2025][&Format::Conference],
            hours("1")
        );
        assert_eq!(
            s.hours_by_year_format[&2026][&Format::Conference],
            hours("2")
        );
        assert_eq!(s.hours_by_format, [(Format::Conference, hours("3"))]);
        assert_eq!((s.goals_met, s.goals_active), (1, 1));
        assert_eq!(
            (s.reflections, s.follow_ups_done, s.changes_made),
            (1, 1, 1)
        );
    }
}
