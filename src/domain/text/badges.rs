//! Every status pill: its tone and its words. The words carry the status by themselves (a mark
//! and, for the what-if view, "Projected"), so colour is never the only signal; the tone is what
//! the page colours (`ui::components::badges` and `document` choose the classes).

use crate::domain::engine::evaluation::{
    CredentialStatus, Evaluation, PathwayProgress, RuleStatus,
};
use crate::domain::model::activity::ActivityStatus;
use crate::domain::model::learning::GoalStatus;

/// How a status reads at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Bad,
    Muted,
}

/// A status pill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    pub tone: Tone,
    pub text: String,
    /// Long words that may wrap inside the pill on a phone.
    pub wraps: bool,
}

impl Badge {
    fn new(tone: Tone, mark: &str, words: &str) -> Badge {
        Badge {
            tone,
            text: format!("{mark} {words}"),
            wraps: false,
        }
    }
}

impl RuleStatus {
    pub fn label(self) -> &'static str {
        match self {
            RuleStatus::Met => "Met",
            RuleStatus::MetWithPlanned => "Met with planned",
            RuleStatus::NotMet => "Not met",
            RuleStatus::NotApplicable => "Not applicable",
            RuleStatus::Exempt => "Exempt",
            RuleStatus::DeemedMet => "Deemed met",
            RuleStatus::NotYetInForce => "Not yet in force",
        }
    }
}

impl CredentialStatus {
    pub fn label(self) -> &'static str {
        match self {
            CredentialStatus::NoRequirements => "No requirements entered",
            CredentialStatus::NothingRequired => "No CE required by this board",
            CredentialStatus::Met => "All requirements met",
            CredentialStatus::MetWithPlanned => "Met once planned activities are done",
            CredentialStatus::NotMet => "Requirements outstanding",
        }
    }
}

/// A requirement's badge; a what-if result says "Projected" in words.
pub fn rule_badge(status: RuleStatus, projected: bool) -> Badge {
    let (tone, mark) = match status {
        RuleStatus::Met if projected => (Tone::Warn, "◷"),
        RuleStatus::Met => (Tone::Ok, "✓"),
        RuleStatus::MetWithPlanned => (Tone::Warn, "◷"),
        RuleStatus::NotMet => (Tone::Bad, "✗"),
        RuleStatus::NotApplicable | RuleStatus::NotYetInForce => (Tone::Muted, "–"),
        RuleStatus::Exempt | RuleStatus::DeemedMet => (Tone::Ok, "✓"),
    };
    if projected {
        Badge::new(
            tone,
            mark,
            &format!("Projected: {}", status.label().to_lowercase()),
        )
    } else {
        Badge::new(tone, mark, status.label())
    }
}

/// A credential's overall badge.
pub fn credential_badge(ev: &Evaluation) -> Badge {
    let status = ev.status;
    let projected = if ev.projected { "Projected: " } else { "" };
    let mut badge = match (status, ev.is_overdue()) {
        (CredentialStatus::NothingRequired, _) => Badge::new(Tone::Ok, "✓", status.label()),
        (CredentialStatus::NoRequirements, _) => Badge::new(Tone::Muted, "–", status.label()),
        (CredentialStatus::Met, _) if ev.projected => {
            Badge::new(Tone::Warn, "◷", "Projected: all requirements met")
        }
        (CredentialStatus::Met, _) => Badge::new(Tone::Ok, "✓", status.label()),
        (CredentialStatus::MetWithPlanned, _) => Badge::new(Tone::Warn, "◷", status.label()),
        (CredentialStatus::NotMet, true) => Badge::new(
            Tone::Bad,
            "!",
            &format!("{projected}Deadline passed — requirements outstanding"),
        ),
        (CredentialStatus::NotMet, false) => {
            Badge::new(Tone::Bad, "✗", &format!("{projected}{}", status.label()))
        }
    };
    badge.wraps = true;
    badge
}

/// A renewal pathway's badge. Evidence not recorded is not a shortfall: the holder may follow
/// another pathway.
pub fn pathway_badge(progress: &PathwayProgress, evidence_only: bool) -> Badge {
    if progress.met {
        Badge::new(Tone::Ok, "✓", "Met")
    } else if progress.met_with_planned {
        Badge::new(Tone::Warn, "◷", "Met with planned")
    } else if evidence_only {
        Badge::new(Tone::Muted, "–", "Not recorded")
    } else {
        Badge::new(Tone::Bad, "✗", "Not met")
    }
}

/// A goal's badge; an active goal past its target date says so.
pub fn goal_badge(status: GoalStatus, overdue: bool) -> Badge {
    match (status, overdue) {
        (GoalStatus::Met, _) => Badge::new(Tone::Ok, "✓", status.label()),
        (GoalStatus::Dropped, _) => Badge::new(Tone::Muted, "–", status.label()),
        (GoalStatus::Active, true) => Badge::new(Tone::Bad, "!", "Past its target date"),
        (GoalStatus::Active, false) => Badge::new(Tone::Warn, "◷", status.label()),
    }
}

/// An activity's badge: done, or planned.
pub fn activity_badge(status: ActivityStatus) -> Badge {
    match status {
        ActivityStatus::Completed => Badge::new(Tone::Ok, "✓", "Completed"),
        ActivityStatus::Planned => Badge::new(Tone::Muted, "◷", "Planned"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_say_the_status_in_words_with_a_mark() {
        assert_eq!(rule_badge(RuleStatus::Met, true).text, "◷ Projected: met");
        assert_eq!(rule_badge(RuleStatus::Met, true).tone, Tone::Warn);
        assert_eq!(rule_badge(RuleStatus::Met, false).text, "✓ Met");
        assert_eq!(rule_badge(RuleStatus::NotMet, false).tone, Tone::Bad);
        assert_eq!(
            goal_badge(GoalStatus::Active, true).text,
            "! Past its target date"
        );
        assert_eq!(
            goal_badge(GoalStatus::Active, false).text,
            "◷ Working on it"
        );
        assert_eq!(activity_badge(ActivityStatus::Planned).tone, Tone::Muted);
    }
}
