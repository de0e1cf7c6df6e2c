//! The cross-credential plan: the fewest hours of learning that meet every open requirement at
//! once. An hour on a topic counts toward every need on that topic and toward every total; one
//! activity can carry several designations (AMA PRA Category 1 and ABIM MOC points), so the plan
//! asks for hours once and names the designations they should carry. The method is explained in
//! docs/rules.md ("The plan").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::engine::evaluate::{Evaluation, PathwayProgress, RuleEvaluation, RuleStatus};
use crate::domain::model::credential::Credential;
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::pathway::EvidenceKind;
use crate::domain::model::rule::{Rule, RuleKind};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::{self, Unit};

mod cover;

/// A need a plan item answers for: one rule of one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covered {
    pub credential_id: Uuid,
    pub credential_name: String,
    pub rule_id: String,
    pub rule_label: String,
    /// What this rule alone still needs, in `unit` (the rule's).
    pub remaining: Amount,
    #[serde(default)]
    pub unit: Unit,
}

/// "2 hours of ethics, AMA PRA Category 1 Credit™, by 31 Jan 2027 — covers Texas and Pennsylvania".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Any of these topics (empty: no topic needed).
    pub topics: Vec<TopicId>,
    /// Any of these credit types (empty: any type in the item's unit).
    pub accepts: Vec<CreditTypeId>,
    /// Hours of learning, said in `unit`.
    pub hours: Amount,
    /// A completion requirement (one activity, no hour count).
    pub completion: bool,
    /// The unit of the first rule the item covers: every rule keeps its own word.
    #[serde(default)]
    pub unit: Unit,
    /// The earliest deadline among the needs covered.
    pub deadline: NaiveDate,
    pub covers: Vec<Covered>,
    /// Other designations the same activity should carry, for other credentials: one activity
    /// giving AMA PRA Category 1 credit and ABIM MOC points serves both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<AlsoServes>,
}

/// Another designation one activity can carry at the same time, for other credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlsoServes {
    pub accepts: Vec<CreditTypeId>,
    pub credential_names: Vec<String>,
}

/// A credential that can only be met through a renewal pathway still open: the ways to finish,
/// nearest first, so the plan never says "nothing" while its card says not met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathwayAdvice {
    pub credential_id: Uuid,
    pub credential_name: String,
    /// How many more pathways must be completed (one, or two of three…).
    pub still_needed: usize,
    /// Whether the holder chose the pathway (then it is the only option listed).
    pub chosen: bool,
    pub options: Vec<PathwayOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathwayOption {
    pub label: String,
    /// Whether the plan follows it (its hours are among the items).
    pub followed: bool,
    /// Requirements of the pathway still open: label, what is left, its unit.
    pub rules: Vec<(String, Amount, Unit)>,
    /// Evidence still to record: its kind and hours left (one for a yes-no evidence).
    pub evidence: Option<(EvidenceKind, Amount)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Ordered by deadline, then by hours (largest first).
    pub items: Vec<PlanItem>,
    /// The items' hours per unit (each hour of learning once, said in its item's unit).
    pub totals: Vec<(Unit, Amount)>,
    /// What the needs would add up to if each were earned separately, per unit.
    pub separate: Vec<(Unit, Amount)>,
    /// The fewest hours of learning that meet every need: the sum of the items.
    pub hours: Amount,
    /// Credentials whose open pathways ask for more than hours of CE.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pathways: Vec<PathwayAdvice>,
}

impl Plan {
    /// The total still to earn in one unit.
    pub fn total(&self, unit: Unit) -> Amount {
        sum_of(&self.totals, unit)
    }

    pub fn separate_total(&self, unit: Unit) -> Amount {
        sum_of(&self.separate, unit)
    }

    /// What the headline says is still to earn: one figure, in the items' unit when they share
    /// one, else in hours of learning (credits, hours and points are earned hour by hour).
    pub fn to_earn(&self) -> Option<(Unit, Amount)> {
        match self.totals.as_slice() {
            [] => None,
            [(unit, amount)] => Some((*unit, *amount)),
            _ => Some((Unit::Hour, self.hours)),
        }
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
    if amount.is_zero() {
        return;
    }
    match list.iter_mut().find(|(u, _)| *u == unit) {
        Some((_, a)) => *a += amount,
        None => {
            list.push((unit, amount));
            crate::domain::model::sort::sort_by_key(list, |(u, _)| *u);
        }
    }
}

/// One open requirement of one credential.
struct Need<'a> {
    credential: &'a Credential,
    rule: &'a Rule,
    /// The topics as the rule names them (empty: any topic).
    topics: Vec<TopicId>,
    /// The topics an hour may be on to count (groups expanded; empty: any topic).
    on: Vec<TopicId>,
    /// Topics whose hours never count toward it.
    excludes: Vec<TopicId>,
    accepts: Vec<CreditTypeId>,
    unit: Unit,
    remaining: Amount,
    completion: bool,
    deadline: NaiveDate,
}

impl Need<'_> {
    fn covered(&self, remaining: Amount) -> Covered {
        Covered {
            credential_id: self.credential.id,
            credential_name: self.credential.name.clone(),
            rule_id: self.rule.id.clone(),
            rule_label: self.rule.label.clone(),
            remaining,
            unit: self.unit,
        }
    }
}

/// Builds the plan from the evaluations: what is left once planned activities are done, as
/// every card says ("met with planned"), so the plan never asks again for what is planned
/// (`with_planned: false` asks for it too: the actual view of a document).
pub fn plan(credentials: &[Credential], evaluations: &[Evaluation], with_planned: bool) -> Plan {
    let mut needs: Vec<Need> = Vec::new();
    let mut pathways = Vec::new();
    for ev in evaluations {
        let Some(cred) = credentials.iter().find(|c| c.id == ev.credential_id) else {
            continue;
        };
        let followed = followed_pathways(ev);
        if let Some(advice) = pathway_advice(cred, ev, &followed) {
            pathways.push(advice);
        }
        for (rule, re) in cred.rules.iter().zip(&ev.rules) {
            let in_pathway = ev.pathways.iter().any(|p| p.rule_ids.contains(&rule.id));
            let followed_here = followed.iter().any(|p| p.rule_ids.contains(&rule.id));
            if in_pathway && !followed_here {
                continue;
            }
            if let Some(n) = need(cred, rule, re, with_planned) {
                needs.push(n);
            }
        }
    }
    let mut separate = Vec::new();
    for n in &needs {
        add_to(&mut separate, n.unit, n.remaining);
    }
    let (completions, hours): (Vec<Need>, Vec<Need>) =
        needs.into_iter().partition(|n| n.completion);
    let (topical, general): (Vec<Need>, Vec<Need>) =
        hours.into_iter().partition(|n| !n.on.is_empty());

    let mut items = topic_items(&topical, &general);
    let topic_hours: Vec<(Vec<TopicId>, Amount)> = items
        .iter()
        .map(|i| (vocab::expand_topics(&i.topics), i.hours))
        .collect();
    items.extend(general_items(&general, &topic_hours));
    items.extend(completion_items(&completions));
    crate::domain::model::sort::sort_by(&mut items, |a, b| {
        (
            a.deadline,
            a.completion,
            std::cmp::Reverse(a.hours),
            a.covers[0].rule_label.as_str(),
        )
            .cmp(&(
                b.deadline,
                b.completion,
                std::cmp::Reverse(b.hours),
                b.covers[0].rule_label.as_str(),
            ))
    });
    let mut totals = Vec::new();
    for item in &items {
        add_to(&mut totals, item.unit, item.hours);
    }
    Plan {
        hours: items.iter().map(|i| i.hours).sum(),
        items,
        totals,
        separate,
        pathways,
    }
}

/// The pathways the plan follows: the chosen one, else the nearest; with "two of three", the
/// nearest open ones still needed. Met pathways need nothing more.
fn followed_pathways(ev: &Evaluation) -> Vec<&PathwayProgress> {
    let Some((needed, _)) = &ev.pathways_needed else {
        return Vec::new();
    };
    if *needed <= 1 {
        return ev
            .pathways
            .iter()
            .filter(|p| ev.followed_pathway.as_ref() == Some(&p.id))
            .collect();
    }
    // "Two of three": the met ones, then the nearest started, then the others in order.
    let met = ev.pathways.iter().filter(|p| p.met).count();
    let still = (*needed as usize).saturating_sub(met);
    let mut out: Vec<&PathwayProgress> = ev.pathways.iter().filter(|p| p.met).collect();
    let started = crate::domain::engine::pathways::nearest_started(&ev.pathways);
    let others = ev
        .pathways
        .iter()
        .filter(|p| !p.met && !crate::domain::engine::pathways::started(p));
    out.extend(started.chain(others).take(still));
    out
}

/// The ways to finish a credential's pathways when they are not all met.
fn pathway_advice(
    cred: &Credential,
    ev: &Evaluation,
    followed: &[&PathwayProgress],
) -> Option<PathwayAdvice> {
    let (needed, chosen) = ev.pathways_needed.as_ref()?;
    let met = ev.pathways.iter().filter(|p| p.met).count();
    let still_needed = (*needed as usize).max(1).saturating_sub(met);
    if still_needed == 0 {
        return None;
    }
    let chosen = chosen.is_some() && *needed <= 1;
    let mut open: Vec<&PathwayProgress> = if chosen {
        followed.to_vec()
    } else {
        ev.pathways.iter().filter(|p| !p.met).collect()
    };
    let is_followed = |p: &PathwayProgress| followed.iter().any(|f| f.id == p.id);
    // The followed ones first, then the nearest.
    crate::domain::model::sort::sort_by_key(&mut open, |p| (!is_followed(p), p.remaining));
    let pathways = cred.pathways.as_ref()?;
    let options = open
        .iter()
        .map(|p| PathwayOption {
            label: p.label.clone(),
            followed: is_followed(p),
            rules: p
                .rules_left
                .iter()
                .filter_map(|id| {
                    let re = ev.rules.iter().find(|r| &r.rule_id == id)?;
                    Some((re.label.clone(), re.remaining, re.unit))
                })
                .collect(),
            evidence: match (&p.evidence, p.evidence_met) {
                (Some((got, want)), false) => pathways
                    .options
                    .iter()
                    .find(|o| o.id == p.id)
                    .and_then(|o| o.evidence.as_ref())
                    .map(|e| (e.kind, want.saturating_sub(*got))),
                _ => None,
            },
        })
        .collect();
    Some(PathwayAdvice {
        credential_id: cred.id,
        credential_name: cred.name.clone(),
        still_needed,
        chosen,
        options,
    })
}

fn need<'a>(
    cred: &'a Credential,
    rule: &'a Rule,
    re: &RuleEvaluation,
    with_planned: bool,
) -> Option<Need<'a>> {
    let open = match re.status {
        // Not yet in force, but needed for this renewal: worth planning for.
        RuleStatus::NotMet | RuleStatus::NotYetInForce => true,
        RuleStatus::MetWithPlanned => !with_planned,
        _ => false,
    };
    let mut remaining = if with_planned {
        re.required.saturating_sub(re.counted_with_planned())
    } else {
        re.remaining
    };
    let mut deadline = re.deadline;
    if let RuleKind::PerYear { .. } = rule.kind {
        // A year that has ended cannot be made up: ask only for the years still open.
        let open_years: Vec<_> = re.years.iter().filter(|y| !y.ended).collect();
        let short: Amount = open_years
            .iter()
            .map(|y| y.required.saturating_sub(y.counted))
            .sum();
        remaining = remaining.min(short);
        if let Some(y) = open_years
            .iter()
            .find(|y| y.counted < y.required)
            .or(open_years.first())
        {
            deadline = deadline.min(y.to);
        }
    }
    if !open || remaining.is_zero() {
        return None;
    }
    let (topics, accepts, completion) = match &rule.kind {
        RuleKind::TopicMin {
            topics, accepts, ..
        }
        | RuleKind::PerYear {
            topics, accepts, ..
        } => (topics.clone(), accepts.credit_types.clone(), false),
        RuleKind::Completion { topics, accepts } => {
            (topics.clone(), accepts.credit_types.clone(), true)
        }
        RuleKind::Total { accepts, .. } | RuleKind::CategoryMin { accepts, .. } => {
            (Vec::new(), accepts.credit_types.clone(), false)
        }
        RuleKind::Cap { .. } => return None,
    };
    Some(Need {
        credential: cred,
        rule,
        on: vocab::expand_topics(&topics),
        topics,
        excludes: vocab::expand_topics(&rule.excludes_topics),
        accepts,
        unit: rule.unit(),
        remaining: if completion { Amount::ZERO } else { remaining },
        completion,
        deadline,
    })
}

/// Topic needs: hours placed on the fewest topics that meet them all (`cover`), one item per
/// set of interchangeable topics.
fn topic_items(topical: &[Need], general: &[Need]) -> Vec<PlanItem> {
    // Every topic any need can be met on, and the needs each serves.
    let mut topics: Vec<TopicId> = topical.iter().flat_map(|n| n.on.clone()).collect();
    crate::domain::model::sort::sort(&mut topics);
    topics.dedup();
    let signature = |t: &TopicId| -> Vec<usize> {
        (0..topical.len())
            .filter(|&j| topical[j].on.contains(t))
            .collect()
    };
    // Topics serving the same needs are one atom; an atom serving a subset of another's needs
    // is never the better choice.
    let mut atoms: Vec<(Vec<usize>, Vec<TopicId>)> = Vec::new();
    for t in &topics {
        let sig = signature(t);
        match atoms.iter_mut().find(|(s, _)| *s == sig) {
            Some((_, ts)) => ts.push(t.clone()),
            None => atoms.push((sig, vec![t.clone()])),
        }
    }
    let largest: Vec<(Vec<usize>, Vec<TopicId>)> = atoms
        .iter()
        .filter(|(s, _)| {
            !atoms
                .iter()
                .any(|(o, _)| o.len() > s.len() && s.iter().all(|j| o.contains(j)))
        })
        .cloned()
        .collect();
    let cover_needs: Vec<cover::Need> = topical
        .iter()
        .enumerate()
        .map(|(j, n)| cover::Need {
            atoms: (0..largest.len())
                .filter(|&a| largest[a].0.contains(&j))
                .collect(),
            demand: n.remaining,
        })
        .collect();
    let hours = cover::solve(largest.len(), &cover_needs);
    largest
        .iter()
        .zip(hours)
        .filter(|(_, h)| h.is_positive())
        .map(|((sig, on), h)| {
            let served: Vec<&Need> = sig.iter().map(|&j| &topical[j]).collect();
            // Said as a rule names its topics when one asks for exactly these.
            let named = served
                .iter()
                .find(|n| n.on == *on)
                .map_or_else(|| on.clone(), |n| n.topics.clone());
            // The totals these hours also count toward ride along in the designations.
            let also_totals: Vec<&Need> = general
                .iter()
                .filter(|g| !on.iter().any(|t| g.excludes.contains(t)))
                .collect();
            item(named, h, &served, &also_totals)
        })
        .collect()
}

/// Needs on any topic (totals, category minimums): what topic hours leave of each, in layers
/// from the smallest: the first layer serves every need still open, the next the needs left.
fn general_items(general: &[Need], topic_hours: &[(Vec<TopicId>, Amount)]) -> Vec<PlanItem> {
    let mut left: Vec<(usize, Amount)> = general
        .iter()
        .enumerate()
        .map(|(j, n)| {
            let counted: Amount = topic_hours
                .iter()
                .filter(|(on, _)| !on.iter().any(|t| n.excludes.contains(t)))
                .map(|(_, h)| *h)
                .sum();
            (j, n.remaining.saturating_sub(counted))
        })
        .filter(|(_, r)| r.is_positive())
        .collect();
    crate::domain::model::sort::sort_by_key(&mut left, |(_, r)| *r);
    let mut items = Vec::new();
    let mut done = Amount::ZERO;
    for k in 0..left.len() {
        let layer = left[k].1.saturating_sub(done);
        if layer.is_zero() {
            continue;
        }
        let served: Vec<&Need> = left[k..].iter().map(|(j, _)| &general[*j]).collect();
        items.push(item(Vec::new(), layer, &served, &[]));
        done = left[k].1;
    }
    items
}

/// One activity per topic, merged where needs share a topic.
fn completion_items(completions: &[Need]) -> Vec<PlanItem> {
    let mut groups: Vec<(Vec<TopicId>, Vec<&Need>)> = Vec::new();
    for n in completions {
        match groups.iter_mut().find(|(on, members)| {
            on.iter().any(|t| n.on.contains(t)) && !has_credential(members, n)
        }) {
            Some((on, members)) => {
                on.retain(|t| n.on.contains(t));
                members.push(n);
            }
            None => groups.push((n.on.clone(), vec![n])),
        }
    }
    groups
        .into_iter()
        .map(|(on, members)| {
            let named = members
                .iter()
                .find(|n| n.on == on)
                .map_or(on, |n| n.topics.clone());
            let mut it = item(named, Amount::ZERO, &members, &[]);
            it.completion = true;
            it
        })
        .collect()
}

fn has_credential(members: &[&Need], n: &Need) -> bool {
    members.iter().any(|m| m.credential.id == n.credential.id)
}

/// An item of `hours` on `topics` serving `served`, whose hours also count toward the needs on
/// any topic in `also_totals` (listed among what it covers, and their designations carried).
/// Designations are grouped: the first group's types are the item's own; groups that share no
/// type with it become "also".
fn item(topics: Vec<TopicId>, hours: Amount, served: &[&Need], also_totals: &[&Need]) -> PlanItem {
    let mut groups: Vec<(Vec<CreditTypeId>, bool, Vec<String>)> = Vec::new();
    for n in served.iter().chain(also_totals) {
        let points = n.unit == Unit::Point;
        let slot = groups
            .iter_mut()
            .find(|(types, is_points, _)| *is_points == points && compatible(types, &n.accepts));
        match slot {
            Some((types, _, names)) => {
                *types = intersect(types, &n.accepts);
                if !names.contains(&n.credential.name) {
                    names.push(n.credential.name.clone());
                }
            }
            None => groups.push((n.accepts.clone(), points, vec![n.credential.name.clone()])),
        }
    }
    let mut groups = groups.into_iter();
    let accepts = groups.next().map(|g| g.0).unwrap_or_default();
    let also = groups
        .filter(|(types, _, _)| !types.is_empty())
        .map(|(types, _, names)| AlsoServes {
            accepts: types,
            credential_names: names,
        })
        .collect();
    PlanItem {
        topics,
        accepts,
        hours,
        completion: false,
        unit: served.first().map_or(Unit::Hour, |n| n.unit),
        deadline: served
            .iter()
            .map(|n| n.deadline)
            .min()
            .unwrap_or(NaiveDate::MAX),
        covers: served
            .iter()
            .chain(also_totals)
            .map(|n| n.covered(n.remaining))
            .collect(),
        also,
    }
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
