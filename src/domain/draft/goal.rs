//! The goal form, and the activity form a goal offers for its hours still to go.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{optional_date, too_long, ActivityDraft, CreditDraft, FieldError};
use crate::domain::engine::goals::GoalProgress;
use crate::domain::model::activity::ActivityStatus;
use crate::domain::model::codes::Coded;
use crate::domain::model::credits::{Amount, AmountError, CreditTypeId};
use crate::domain::model::learning::{Goal, GoalStatus, NeedSource};
use crate::domain::model::limits;
use crate::domain::model::topics::TopicId;

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
    pub fn from_plan_item(item: &crate::domain::engine::plan::PlanItem) -> GoalDraft {
        GoalDraft::from_plan(
            &crate::domain::text::describe::plan_goal_title(item),
            &item.topics,
            item.accepts.first().map(|c| c.as_str()),
            if item.completion {
                Amount::ZERO
            } else {
                item.hours
            },
            item.deadline,
            &crate::domain::text::describe::plan_covers(item),
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

impl Goal {
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
