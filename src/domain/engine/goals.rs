//! Where the learning cycle stands: each goal's progress, the follow-ups due, and the summary of
//! how one learns (hours per year and format, goals met, reflections and changes in practice).

use std::borrow::Borrow;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::domain::model::activity::{Activity, ActivityStatus, Format};
use crate::domain::model::credits::Amount;
use crate::domain::model::learning::{Changed, Goal, GoalStatus};

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
    crate::domain::model::sort::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title))
    });
    out
}

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
    crate::domain::model::sort::sort_by_key(&mut s.hours_by_format, |x| std::cmp::Reverse(x.1));
    s.goals_met = goals.iter().filter(|g| g.status == GoalStatus::Met).count();
    s.goals_active = goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .count();
    s
}
