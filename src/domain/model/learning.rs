//! The learning cycle beyond the credit count, as records: goals (a need noticed, a target, the
//! activities that served it) and reflection on an activity (what I learned, what I will change,
//! a follow-up date, and at follow-up what happened). UK revalidation, the Royal College of
//! Canada's MOC and the Medical Board of Australia ask for this. Progress and the summary are in
//! `engine::goals`, the forms in `draft::goal` and `draft::reflection`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::topics::TopicId;

/// Where the need behind a goal came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
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
    pub fn label(self) -> &'static str {
        match self {
            NeedSource::PracticeGap => "A gap I noticed in my practice",
            NeedSource::PatientPopulation => "My patients (a population or condition I see)",
            NeedSource::Feedback => "Feedback from patients or colleagues",
            NeedSource::AuditResult => "An audit or quality result",
            NeedSource::NewGuideline => "A new guideline or evidence",
            NeedSource::RequirementGap => "A license or board requirement",
            NeedSource::Other => "Something else",
        }
    }
}

/// Where a goal stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    Met,
    Dropped,
}

impl GoalStatus {
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
}

/// Did the change happen in practice (asked at follow-up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum Changed {
    Yes,
    Partly,
    No,
}

impl Changed {
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
