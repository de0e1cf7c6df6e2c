//! How one activity relates to one rule: whether and how much it counts, and why not.

use super::*;

/// How one activity relates to one rule of one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsToward {
    pub credential_id: Uuid,
    pub credential_name: String,
    pub rule_id: String,
    pub rule_label: String,
    /// What it counts for (a planned activity: only in the what-if view).
    pub amount: Option<Amount>,
    /// The unit of `amount` (the rule's).
    pub unit: crate::domain::model::vocab::Unit,
    pub credit_type: Option<CreditTypeId>,
    /// Why it does not count, or not fully.
    pub reason: Option<Reason>,
}

/// For one activity: every credential and rule it counts toward, and why not for the others.
/// Uses the evaluations already computed for the dashboard, plus the rule definitions for the
/// reasons evaluations do not list (outside the window, topic missing).
pub fn counts_toward(
    activity: &Activity,
    credentials: &[Credential],
    evaluations: &[Evaluation],
) -> Vec<CountsToward> {
    let mut out = Vec::new();
    for cred in credentials {
        let Some(ev) = evaluations.iter().find(|e| e.credential_id == cred.id) else {
            continue;
        };
        for (rule, re) in cred.rules.iter().zip(&ev.rules) {
            let contribution = re.contribution_of(activity.id);
            out.push(CountsToward {
                credential_id: cred.id,
                credential_name: cred.name.clone(),
                rule_id: rule.id.clone(),
                rule_label: rule.label.clone(),
                amount: contribution.map(|c| c.amount),
                unit: rule.unit(),
                credit_type: contribution.map(|c| c.credit_type(activity).clone()),
                reason: explain(rule, re, activity),
            });
        }
    }
    out
}

/// The hours an activity spent on a topic rule's topics, when that is less than the whole
/// activity (so the rule counts only part of it).
pub(super) fn partial_topic_hours(rule: &Rule, activity: &Activity) -> Option<Amount> {
    let topics = match &rule.kind {
        RuleKind::TopicMin { topics, .. } | RuleKind::PerYear { topics, .. } => topics,
        _ => return None,
    };
    if topics.is_empty() || activity.topic_hours.is_empty() {
        return None;
    }
    let on: Amount = crate::domain::model::vocab::expand_topics(topics)
        .iter()
        .map(|t| activity.hours_on(t))
        .sum();
    (on < activity.hours()).then_some(on)
}

/// Whether the activity is on one of `topics` (or on a member of a group among them).
pub fn on_any_topic(activity: &Activity, topics: &[TopicId]) -> bool {
    crate::domain::model::vocab::expand_topics(topics)
        .iter()
        .any(|t| activity.has_topic(t))
}

/// Why an activity does not count (fully) toward a rule, or `None` when it counts in full.
pub fn explain(rule: &Rule, re: &RuleEvaluation, activity: &Activity) -> Option<Reason> {
    match re.status {
        RuleStatus::NotApplicable => return Some(Reason::NotApplicable),
        RuleStatus::Exempt | RuleStatus::DeemedMet => return Some(Reason::Exempt),
        _ => {}
    }
    if let Some(e) = re.exclusions.iter().find(|e| e.activity_id == activity.id) {
        return Some(e.reason.clone());
    }
    if re.contribution_of(activity.id).is_some() {
        return partial_topic_hours(rule, activity).map(|hours| Reason::TopicHoursOnly { hours });
    }
    if let Some((from, to)) = re.window {
        if activity.end < from || activity.end > to {
            return Some(Reason::OutsideWindow { from, to });
        }
    }
    let topics: &[TopicId] = match &rule.kind {
        RuleKind::TopicMin { topics, .. }
        | RuleKind::Completion { topics, .. }
        | RuleKind::PerYear { topics, .. } => topics,
        RuleKind::Cap {
            formats, topics, ..
        } => {
            if !formats.is_empty() && !formats.contains(&activity.format) {
                return Some(Reason::NotCovered);
            }
            topics
        }
        _ => &[],
    };
    if !topics.is_empty() && !on_any_topic(activity, topics) {
        return Some(if matches!(rule.kind, RuleKind::Cap { .. }) {
            Reason::NotCovered
        } else {
            Reason::TopicMissing {
                needed: topics.to_vec(),
                had: activity.topics.clone(),
            }
        });
    }
    if matches!(rule.kind, RuleKind::Cap { .. }) {
        return Some(Reason::NotCovered);
    }
    // Not listed and not excluded: its accepted credit was zero.
    Some(Reason::CreditTypeNotAccepted)
}
