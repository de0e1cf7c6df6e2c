//! The cross-credential plan: what to take next so that one hour satisfying several credentials
//! is asked for once. The algorithm is explained in docs/rules.md ("The plan").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::engine::evaluate::{Evaluation, RuleEvaluation, RuleStatus};
use crate::domain::model::credential::Credential;
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::rule::{Rule, RuleKind};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::Unit;

/// A need a plan item answers for: one rule of one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covered {
    pub credential_id: Uuid,
    pub credential_name: String,
    pub rule_id: String,
    pub rule_label: String,
    /// What this rule alone still needs.
    pub remaining: Amount,
}

/// "2 h of ethics, AMA PRA Category 1, by 31 Jan 2027 — covers Texas and Pennsylvania".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Any of these topics (empty: no topic needed).
    pub topics: Vec<TopicId>,
    /// Any of these credit types (empty: any type the credentials accept).
    pub accepts: Vec<CreditTypeId>,
    pub hours: Amount,
    /// A completion requirement (one activity, no hour count).
    pub completion: bool,
    /// What `hours` counts: hours, credits or points ([`Unit::of_types`] of `accepts`).
    #[serde(default)]
    pub unit: Unit,
    /// The earliest deadline among the needs covered.
    pub deadline: NaiveDate,
    pub covers: Vec<Covered>,
    /// Other items on the same topic that ask for a different designation: one activity that
    /// carries both (a course giving AMA PRA Category 1 credit and ABIM MOC points) serves both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<AlsoServes>,
}

/// Another plan item one activity can serve at the same time, through another designation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlsoServes {
    pub accepts: Vec<CreditTypeId>,
    pub credential_names: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Ordered by deadline, then by hours (largest first).
    pub items: Vec<PlanItem>,
    /// Still to earn with the plan, one figure per unit (hours and points are never added).
    pub totals: Vec<(Unit, Amount)>,
    /// What the needs would add up to if each were earned separately, per unit.
    pub separate: Vec<(Unit, Amount)>,
}

impl Plan {
    /// The total still to earn in one unit.
    pub fn total(&self, unit: Unit) -> Amount {
        sum_of(&self.totals, unit)
    }

    pub fn separate_total(&self, unit: Unit) -> Amount {
        sum_of(&self.separate, unit)
    }
}

fn sum_of(list: &[(Unit, Amount)], unit: Unit) -> Amount {
    list.iter()
        .filter(|(u, _)| *u == unit)
        .map(|(_, a)| *a)
        .sum()
}

/// Adds `amount` to its unit's figure, keeping the list in unit order.
fn add_to(list: &mut Vec<(Unit, Amount)>, unit: Unit, amount: Amount) {
    match list.iter_mut().find(|(u, _)| *u == unit) {
        Some((_, a)) => *a += amount,
        None => {
            list.push((unit, amount));
            crate::domain::model::sort::sort_by_key(list, |(u, _)| *u);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    /// Topic minimums and completions: the most specific needs, merged first.
    Topic,
    /// Credit-type minimums without a topic.
    Category,
    /// Totals, reduced by the topic and category hours planned for the same credential.
    Total,
}

struct Need<'a> {
    phase: Phase,
    credential: &'a Credential,
    rule: &'a Rule,
    topics: Vec<TopicId>,
    accepts: Vec<CreditTypeId>,
    remaining: Amount,
    completion: bool,
    /// Whether hours earned for it also count toward the credential's total.
    feeds_total: bool,
    deadline: NaiveDate,
}

/// Builds the plan from the evaluations (`with_planned`: what is left once planned activities
/// are done, for the what-if view).
pub fn plan(credentials: &[Credential], evaluations: &[Evaluation], with_planned: bool) -> Plan {
    let mut needs: Vec<Need> = Vec::new();
    for ev in evaluations {
        let Some(cred) = credentials.iter().find(|c| c.id == ev.credential_id) else {
            continue;
        };
        let first = needs.len();
        // With renewal pathways, the plan follows one (the chosen or the nearest): the rules of
        // the others are not asked for.
        let skipped = |rule_id: &str| {
            ev.followed_pathway.as_ref().is_some_and(|f| {
                ev.pathways
                    .iter()
                    .any(|p| &p.id != f && p.rule_ids.iter().any(|r| r == rule_id))
                    && !ev
                        .pathways
                        .iter()
                        .any(|p| &p.id == f && p.rule_ids.iter().any(|r| r == rule_id))
            })
        };
        for (rule, re) in cred.rules.iter().zip(&ev.rules) {
            if skipped(&rule.id) {
                continue;
            }
            if let Some(n) = need(cred, rule, re, ev.deadline, with_planned) {
                needs.push(n);
            }
        }
        // A topic or category need that takes any credit, inside a total that takes only some
        // types, asks for the total's types: then its hours also fill the total, and the plan
        // does not ask for them twice.
        let total_types = needs[first..]
            .iter()
            .find(|n| n.phase == Phase::Total && !n.accepts.is_empty())
            .map(|n| n.accepts.clone());
        if let Some(types) = total_types {
            for n in &mut needs[first..] {
                if n.phase != Phase::Total && n.feeds_total && n.accepts.is_empty() {
                    n.accepts = types.clone();
                }
            }
        }
    }
    let mut separate = Vec::new();
    for n in &needs {
        add_to(&mut separate, Unit::of_types(&n.accepts), n.remaining);
    }
    crate::domain::model::sort::sort_by(&mut needs, |a, b| {
        (
            a.phase,
            a.deadline,
            &a.credential.name,
            a.credential.id,
            &a.rule.id,
        )
            .cmp(&(
                b.phase,
                b.deadline,
                &b.credential.name,
                b.credential.id,
                &b.rule.id,
            ))
    });

    let mut items: Vec<PlanItem> = Vec::new();
    // Per item: which credential's need it holds, and whether those hours feed its total.
    let mut members: Vec<Vec<(Uuid, Amount, bool)>> = Vec::new();
    for n in &needs {
        let mut remaining = n.remaining;
        if n.phase == Phase::Total {
            // Hours already planned for this credential's topics and categories count toward
            // its total when the item only asks for credit the total accepts.
            for (item, m) in items.iter().zip(&members) {
                for (cid, amount, feeds) in m {
                    if *cid == n.credential.id && *feeds && within(&item.accepts, &n.accepts) {
                        remaining = remaining.saturating_sub(*amount);
                    }
                }
            }
            if remaining.is_zero() {
                continue;
            }
        }
        let covered = Covered {
            credential_id: n.credential.id,
            credential_name: n.credential.name.clone(),
            rule_id: n.rule.id.clone(),
            rule_label: n.rule.label.clone(),
            remaining: n.remaining,
        };
        let slot = items.iter().zip(&members).position(|(item, m)| {
            item_phase(item, &needs) == n.phase
                && item.completion == n.completion
                && !m.iter().any(|(cid, _, _)| *cid == n.credential.id)
                && compatible(&item.topics, &n.topics)
                && compatible(&item.accepts, &n.accepts)
                && same_measure(item.unit, Unit::of_types(&n.accepts))
        });
        match slot {
            Some(i) => {
                let item = &mut items[i];
                item.topics = intersect(&item.topics, &n.topics);
                item.accepts = intersect(&item.accepts, &n.accepts);
                item.hours = item.hours.max(remaining);
                item.deadline = item.deadline.min(n.deadline);
                item.covers.push(covered);
                members[i].push((n.credential.id, remaining, n.feeds_total));
            }
            None => {
                items.push(PlanItem {
                    topics: n.topics.clone(),
                    accepts: n.accepts.clone(),
                    hours: remaining,
                    completion: n.completion,
                    unit: Unit::of_types(&n.accepts),
                    deadline: n.deadline,
                    covers: vec![covered],
                    also: Vec::new(),
                });
                members.push(vec![(n.credential.id, remaining, n.feeds_total)]);
            }
        }
    }
    crate::domain::model::sort::sort_by(&mut items, |a, b| {
        (
            a.deadline,
            std::cmp::Reverse(a.hours),
            a.covers[0].rule_label.as_str(),
        )
            .cmp(&(
                b.deadline,
                std::cmp::Reverse(b.hours),
                b.covers[0].rule_label.as_str(),
            ))
    });
    for item in &mut items {
        item.unit = Unit::of_types(&item.accepts);
    }
    let also: Vec<Vec<AlsoServes>> = items
        .iter()
        .map(|item| {
            items
                .iter()
                .filter(|other| serves_both(item, other))
                .map(|other| AlsoServes {
                    accepts: other.accepts.clone(),
                    credential_names: names(other),
                })
                .collect()
        })
        .collect();
    for (item, also) in items.iter_mut().zip(also) {
        item.also = also;
    }
    let mut totals = Vec::new();
    for item in &items {
        add_to(&mut totals, item.unit, item.hours);
    }
    Plan {
        items,
        totals,
        separate,
    }
}

/// Points (ABIM MOC) are never merged with hours or hour-based credits; hours and credits are
/// (one AMA PRA credit per hour of participation), though each figure keeps its own unit.
fn same_measure(a: Unit, b: Unit) -> bool {
    (a == Unit::Point) == (b == Unit::Point)
}

/// Whether one activity can serve both items through different designations: same topic (or
/// neither has one), each asks for its own credit types, and they are for different credentials.
fn serves_both(a: &PlanItem, b: &PlanItem) -> bool {
    !std::ptr::eq(a, b)
        && !a.completion
        && !b.completion
        && !a.accepts.is_empty()
        && !b.accepts.is_empty()
        && !a.accepts.iter().any(|t| b.accepts.contains(t))
        && a.topics.is_empty() == b.topics.is_empty()
        && compatible(&a.topics, &b.topics)
        && !a
            .covers
            .iter()
            .any(|x| b.covers.iter().any(|y| y.credential_id == x.credential_id))
}

/// The credentials an item serves, each once, in order.
pub fn names(item: &PlanItem) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &item.covers {
        if !out.contains(&c.credential_name) {
            out.push(c.credential_name.clone());
        }
    }
    out
}

/// The phase of an item is that of its first need (all its needs share it).
fn item_phase(item: &PlanItem, needs: &[Need]) -> Phase {
    let first = &item.covers[0];
    needs
        .iter()
        .find(|n| n.credential.id == first.credential_id && n.rule.id == first.rule_id)
        .map_or(Phase::Total, |n| n.phase)
}

fn need<'a>(
    cred: &'a Credential,
    rule: &'a Rule,
    re: &RuleEvaluation,
    deadline: NaiveDate,
    with_planned: bool,
) -> Option<Need<'a>> {
    let open = match re.status {
        RuleStatus::NotMet => true,
        RuleStatus::MetWithPlanned => !with_planned,
        _ => false,
    };
    let remaining = if with_planned {
        re.remaining_with_planned()
    } else {
        re.remaining
    };
    if !open || remaining.is_zero() {
        return None;
    }
    let (phase, topics, accepts, completion) = match &rule.kind {
        RuleKind::TopicMin {
            topics, accepts, ..
        } => (
            Phase::Topic,
            topics.clone(),
            accepts.credit_types.clone(),
            false,
        ),
        RuleKind::Completion { topics, accepts } => (
            Phase::Topic,
            topics.clone(),
            accepts.credit_types.clone(),
            true,
        ),
        RuleKind::PerYear {
            topics, accepts, ..
        } if !topics.is_empty() => (
            Phase::Topic,
            topics.clone(),
            accepts.credit_types.clone(),
            false,
        ),
        RuleKind::PerYear { accepts, .. } | RuleKind::CategoryMin { accepts, .. } => (
            Phase::Category,
            Vec::new(),
            accepts.credit_types.clone(),
            false,
        ),
        RuleKind::Total { accepts, .. } => (
            Phase::Total,
            Vec::new(),
            accepts.credit_types.clone(),
            false,
        ),
        RuleKind::Cap { .. } => return None,
    };
    Some(Need {
        phase,
        credential: cred,
        rule,
        topics,
        accepts,
        remaining: if completion { Amount::ZERO } else { remaining },
        completion,
        // Per-year hours are spread over years, so they are not subtracted from the total.
        feeds_total: !completion
            && !matches!(rule.kind, RuleKind::PerYear { .. })
            && (rule.counts_toward_total || matches!(rule.kind, RuleKind::CategoryMin { .. })),
        deadline,
    })
}

/// Empty means "any": compatible with everything.
fn compatible<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x))
}

fn intersect<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    if a.is_empty() {
        b.to_vec()
    } else if b.is_empty() {
        a.to_vec()
    } else {
        a.iter().filter(|x| b.contains(x)).cloned().collect()
    }
}

/// Whether credit restricted to `item` types is always accepted by a rule accepting `total`.
fn within(item: &[CreditTypeId], total: &[CreditTypeId]) -> bool {
    total.is_empty() || (!item.is_empty() && item.iter().all(|t| total.contains(t)))
}
