//! What an evaluation says: each rule's status, figures and reasons, each pathway's progress,
//! and the credential's status from them. Computed by `evaluate`; read by the plan, the
//! sentences, the reports and the pages.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::model::activity::Activity;
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::Unit;

/// Where one rule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Met,
    /// Not met by completed activities, but would be by the planned ones.
    MetWithPlanned,
    NotMet,
    /// A holder condition or the renewal number makes the rule irrelevant.
    NotApplicable,
    /// The user recorded that the board excused it.
    Exempt,
    /// Satisfied without hours (recorded by the user, or by a holder condition).
    DeemedMet,
    /// Required for this renewal, but only in force from a date still ahead: counted as it
    /// comes, and not missing before then.
    NotYetInForce,
}

impl RuleStatus {
    /// Whether nothing more is needed for this rule in the actual status.
    pub fn is_satisfied(self) -> bool {
        !matches!(self, RuleStatus::NotMet | RuleStatus::MetWithPlanned)
    }
}

/// What a rule's numbers measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Hours (or credits) that must be reached.
    Hours,
    /// A limit: `required` is the most that counts, `counted` what counts of it.
    CapHours,
    /// Completed activities (completion rules); `Amount::hours(1)` is one activity.
    Activities,
}

/// Why an activity does not count (or not fully) toward a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Its end date is outside the window the rule counts.
    OutsideWindow { from: NaiveDate, to: NaiveDate },
    /// None of its credit designations is accepted by the rule.
    CreditTypeNotAccepted,
    /// It carries only credit in `unit` (points), which the rule does not count: points are not
    /// hours, and no equivalence of the credential converts them.
    OtherUnit { unit: Unit },
    /// It has none of the topics the rule asks for: `needed` (as the rule names them; a group
    /// stands for its members), `had` (the activity's own topics, perhaps none).
    TopicMissing {
        needed: Vec<TopicId>,
        had: Vec<TopicId>,
    },
    /// Its hours are on topics whose hours the rule does not count.
    TopicExcluded { topics: Vec<TopicId> },
    /// It counts, but only the `hours` it spent on the rule's topics (hours per topic).
    TopicHoursOnly { hours: Amount },
    /// It is outside what a cap limits (a format or topic cap that does not cover it).
    NotCovered,
    /// A cap was already full: `excess` of its credit did not count.
    OverCap { cap: String, excess: Amount },
    /// Planned, not completed: it counts only in the what-if view.
    Planned,
    /// The rule does not apply to this credential.
    NotApplicable,
    /// The rule is exempt or deemed met, so nothing is counted.
    Exempt,
}

/// One activity's part in a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub activity_id: Uuid,
    /// Which of the activity's designations counted (an index into `Activity::credits`:
    /// cheaper than a copy of the type for 10,000 activities).
    pub designation: usize,
    /// The type it counted as, when one of the credential's equivalences mapped it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_as: Option<CreditTypeId>,
    pub amount: Amount,
    /// Whether it is a planned activity (only in the what-if part).
    pub planned: bool,
}

impl Contribution {
    /// The credit type it counted as (the activity is the one named by `activity_id`).
    pub fn credit_type<'a>(&'a self, activity: &'a Activity) -> &'a CreditTypeId {
        static NONE: std::sync::OnceLock<CreditTypeId> = std::sync::OnceLock::new();
        self.counted_as.as_ref().unwrap_or_else(|| {
            activity
                .credits
                .get(self.designation)
                .map(|d| &d.credit_type)
                .unwrap_or_else(|| NONE.get_or_init(|| CreditTypeId::new("")))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub activity_id: Uuid,
    pub reason: Reason,
}

/// Progress in one year of a per-year (pace) rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearProgress {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub counted: Amount,
    pub required: Amount,
    /// The year ended before today: a shortfall in it can no longer be made up.
    #[serde(default)]
    pub ended: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEvaluation {
    pub rule_id: String,
    pub label: String,
    pub status: RuleStatus,
    pub measure: Measure,
    /// What the amounts are counted in ([`Rule::unit`]).
    #[serde(default)]
    pub unit: crate::domain::model::vocab::Unit,
    /// In the what-if view, whether planned activities are counted in these numbers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub projected: bool,
    pub required: Amount,
    /// Counted from completed activities (and carry-over).
    pub counted: Amount,
    /// `required - counted`, never below zero (zero for caps and satisfied statuses).
    pub remaining: Amount,
    /// What planned activities would add (the what-if part, reported apart).
    pub planned: Amount,
    /// Carried over from the previous cycle (included in `counted`).
    pub carried_over: Amount,
    /// The dates whose activities count; `None` when nothing is counted (not applicable, exempt).
    pub window: Option<(NaiveDate, NaiveDate)>,
    pub deadline: NaiveDate,
    /// Completed (and, flagged, planned) activities that count, in (end date, id) order.
    pub contributions: Vec<Contribution>,
    /// Activities inside the window that do not count, or not fully, with the reason. Activities
    /// outside the window or without the topic are not listed (see [`explain`]).
    pub exclusions: Vec<Exclusion>,
    /// Years of a per-year rule.
    pub years: Vec<YearProgress>,
    /// Why the status is what it is, when the numbers alone do not say it (exemption reason,
    /// conditions, hours required on top). Data: `describe::detail_text` words it.
    pub detail: Option<Detail>,
}

/// Why a rule's status is what it is, beyond its numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "detail", rename_all = "snake_case")]
pub enum Detail {
    /// The holder conditions of the rule do not hold.
    ConditionsNotMet {
        applies_if: crate::domain::model::rule::AppliesIf,
    },
    /// Required only in the first `n` renewals, and this is a later one.
    OnlyFirstRenewals { n: u32 },
    /// A one-time requirement due by renewal `n`; this is a later renewal and no completion is
    /// on record (one on record makes it met).
    DueByRenewal { n: u32 },
    /// Required from renewal `n` on, and this is an earlier one.
    FromRenewal { n: u32 },
    /// The holder recorded an exemption or a "deemed met" decision.
    Recorded { reason: String, date: NaiveDate },
    /// The rule takes effect for renewals due on or after `date`; this cycle is due before.
    StartsOn { date: NaiveDate },
    /// The rule applies to this renewal but is in force only from `date`, still ahead.
    InForceFrom { date: NaiveDate },
    /// The rule stopped applying on `date`, before this cycle started.
    EndedOn { date: NaiveDate },
    /// A holder condition satisfies the rule without hours.
    SatisfiedBy { condition: String },
    /// The total includes topic hours other rules require on top of it.
    OnTop {
        hours: Amount,
        labels: Vec<String>,
        /// The total's unit, in which the sentence says the hours.
        #[serde(default)]
        unit: Unit,
    },
}

impl RuleEvaluation {
    pub fn counted_with_planned(&self) -> Amount {
        self.counted + self.planned
    }

    pub fn remaining_with_planned(&self) -> Amount {
        if self.status.is_satisfied() || self.measure == Measure::CapHours {
            Amount::ZERO
        } else {
            self.required.saturating_sub(self.counted_with_planned())
        }
    }

    /// The what-if view of this rule: planned activities counted as if completed.
    pub fn what_if(&self) -> RuleEvaluation {
        let mut r = self.clone();
        if matches!(
            self.status,
            RuleStatus::Met | RuleStatus::NotMet | RuleStatus::MetWithPlanned
        ) {
            r.projected = self.planned.is_positive();
            r.counted = self.counted_with_planned();
            r.planned = Amount::ZERO;
            if r.measure != Measure::CapHours {
                r.remaining = self.remaining_with_planned();
                r.status = if r.remaining.is_zero() {
                    RuleStatus::Met
                } else {
                    RuleStatus::NotMet
                };
            }
            for c in &mut r.contributions {
                c.planned = false;
            }
        }
        r
    }

    pub fn contribution_of(&self, activity_id: Uuid) -> Option<&Contribution> {
        self.contributions
            .iter()
            .find(|c| c.activity_id == activity_id)
    }
}

/// Overall status of a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialStatus {
    /// No requirement has been entered: nothing can be said to be met (never "on track").
    NoRequirements,
    /// Added from a catalog board that requires no CE (Montana, some RN boards): on track.
    NothingRequired,
    /// Every applicable rule is satisfied.
    Met,
    /// Satisfied once the planned activities are completed.
    MetWithPlanned,
    NotMet,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub credential_id: Uuid,
    pub credential_name: String,
    pub status: CredentialStatus,
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    pub deadline: NaiveDate,
    /// Days from today to the deadline; negative once it has passed.
    pub days_left: i64,
    pub rules: Vec<RuleEvaluation>,
    /// The what-if view, with planned activities counted in some figure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub projected: bool,
    /// Each renewal pathway's progress, when the board offers several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pathways: Vec<PathwayProgress>,
    /// How many pathways must be met, and the one chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathways_needed: Option<(u32, Option<String>)>,
    /// The pathway the plan follows (the chosen one, else the nearest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followed_pathway: Option<String>,
}

impl Evaluation {
    /// The deadline has passed with requirements outstanding.
    pub fn is_overdue(&self) -> bool {
        self.days_left < 0 && !self.is_on_track() && self.status != CredentialStatus::NoRequirements
    }

    /// Every requirement met, or none required by the board.
    pub fn is_on_track(&self) -> bool {
        matches!(
            self.status,
            CredentialStatus::Met | CredentialStatus::NothingRequired
        )
    }

    /// The same evaluation with planned activities counted (the dashboard's what-if switch).
    pub fn what_if(&self) -> Evaluation {
        let rules: Vec<RuleEvaluation> = self.rules.iter().map(RuleEvaluation::what_if).collect();
        let projected = rules.iter().any(|r| r.projected);
        // Pathways re-read with planned activities done: a rule met with planned is met.
        let pathways: Vec<PathwayProgress> = self
            .pathways
            .iter()
            .map(|p| {
                let left: Vec<String> = p
                    .rule_ids
                    .iter()
                    .filter(|id| {
                        rules
                            .iter()
                            .any(|r| &r.rule_id == *id && !r.status.is_satisfied())
                    })
                    .cloned()
                    .collect();
                PathwayProgress {
                    met: left.is_empty() && p.evidence_met,
                    met_with_planned: false,
                    remaining: rules
                        .iter()
                        .filter(|r| left.contains(&r.rule_id))
                        .map(|r| r.remaining)
                        .sum(),
                    rules_left: left,
                    ..p.clone()
                }
            })
            .collect();
        let status = match status_of(&rules, None, &pathways, &self.pathways_needed) {
            // In the what-if view planned activities are done: nothing is left "with planned".
            CredentialStatus::MetWithPlanned => CredentialStatus::NotMet,
            CredentialStatus::NoRequirements => self.status,
            s => s,
        };
        Evaluation {
            status,
            rules,
            projected,
            pathways,
            ..self.clone()
        }
    }

    pub fn rule(&self, rule_id: &str) -> Option<&RuleEvaluation> {
        self.rules.iter().find(|r| r.rule_id == rule_id)
    }

    /// Every completed activity that counts toward at least one rule (the list filter
    /// "counts toward credential X").
    pub fn contributing_activity_ids(&self) -> crate::domain::model::ids::IdSet {
        self.rules
            .iter()
            .flat_map(|r| r.contributions.iter())
            .filter(|c| !c.planned)
            .map(|c| c.activity_id)
            .collect()
    }
}

/// How one pathway stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathwayProgress {
    pub id: String,
    pub label: String,
    pub met: bool,
    /// Met once the planned activities are done.
    pub met_with_planned: bool,
    /// Rules of the pathway not yet satisfied.
    pub rules_left: Vec<String>,
    /// Evidence hours recorded in this cycle / needed (or 0/1 and 1/1 for a yes-no evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<(Amount, Amount)>,
    /// What is left, to compare pathways: hours of its rules still needed plus evidence hours.
    pub remaining: Amount,
    pub chosen: bool,
    /// The pathway's rules (ids) and whether its evidence is recorded: what the what-if view
    /// re-reads.
    pub rule_ids: Vec<String>,
    pub evidence_met: bool,
}

/// The pathways' part of a credential's status, from its rules' statuses (`rule(id)`: the
/// status, `None` for an unknown id): `(met, met counting planned activities)`.
pub fn satisfied(progress: &[PathwayProgress], needed: u32, chosen: Option<&str>) -> (bool, bool) {
    let considered: Vec<&PathwayProgress> = match chosen {
        Some(c) if needed <= 1 => progress.iter().filter(|p| p.id == c).collect(),
        _ => progress.iter().collect(),
    };
    let needed = needed.max(1) as usize;
    let met = considered.iter().filter(|p| p.met).count();
    let with_planned = considered
        .iter()
        .filter(|p| p.met || p.met_with_planned)
        .count();
    (met >= needed, with_planned >= needed)
}

/// A credential's status from its rules and, with pathways, from the pathways: rules named by no
/// pathway must all be satisfied, and enough pathways met (the chosen one, when one was chosen).
pub(crate) fn status_of(
    rules: &[RuleEvaluation],
    pathways: Option<&crate::domain::model::pathway::Pathways>,
    progress: &[PathwayProgress],
    needed: &Option<(u32, Option<String>)>,
) -> CredentialStatus {
    let in_pathway = |id: &str| {
        progress.iter().any(|p| p.rule_ids.iter().any(|r| r == id))
            || pathways.is_some_and(|p| p.is_pathway_rule(id))
    };
    let common: Vec<&RuleEvaluation> = rules.iter().filter(|r| !in_pathway(&r.rule_id)).collect();
    let (paths_met, paths_planned) = match needed {
        Some((n, chosen)) => satisfied(progress, *n, chosen.as_deref()),
        None => (true, true),
    };
    if rules.is_empty() && progress.is_empty() {
        CredentialStatus::NoRequirements
    } else if common.iter().any(|r| r.status == RuleStatus::NotMet) || !paths_planned {
        CredentialStatus::NotMet
    } else if common
        .iter()
        .any(|r| r.status == RuleStatus::MetWithPlanned)
        || !paths_met
    {
        CredentialStatus::MetWithPlanned
    } else {
        CredentialStatus::Met
    }
}
