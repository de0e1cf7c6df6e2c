//! How each renewal pathway of a credential stands, from its rules' evaluations and the
//! evidence recorded (`model::pathway` holds the pathways themselves).

use chrono::NaiveDate;

use crate::domain::engine::evaluation::{PathwayProgress, RuleEvaluation, RuleStatus};
use crate::domain::model::credits::Amount;
use crate::domain::model::pathway::Pathways;

/// Each pathway's progress from the rule evaluations of the current cycle
/// (`from..=to` is the cycle's window, for evidence records).
pub fn progress(
    pathways: &Pathways,
    rules: &[RuleEvaluation],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<PathwayProgress> {
    pathways
        .options
        .iter()
        .map(|p| {
            let of_pathway: Vec<&RuleEvaluation> = rules
                .iter()
                .filter(|r| p.rules.contains(&r.rule_id))
                .collect();
            let left: Vec<&&RuleEvaluation> = of_pathway
                .iter()
                .filter(|r| !r.status.is_satisfied())
                .collect();
            let (evidence, evidence_met, evidence_left) = match &p.evidence {
                None => (None, true, Amount::ZERO),
                Some(need) => {
                    let got = pathways.recorded(p, from, to);
                    let want = need.hours.unwrap_or(Amount::hours(1));
                    (Some((got, want)), got >= want, want.saturating_sub(got))
                }
            };
            let rules_ok = left.is_empty();
            let planned_ok = left.iter().all(|r| r.status == RuleStatus::MetWithPlanned);
            PathwayProgress {
                id: p.id.clone(),
                label: p.label.clone(),
                met: rules_ok && evidence_met,
                met_with_planned: !rules_ok && planned_ok && evidence_met,
                rules_left: left.iter().map(|r| r.rule_id.clone()).collect(),
                evidence,
                remaining: left.iter().map(|r| r.remaining).sum::<Amount>() + evidence_left,
                chosen: pathways.chosen.as_deref() == Some(p.id.as_str()),
                rule_ids: p.rules.clone(),
                evidence_met,
            }
        })
        .collect()
}

/// The pathway the plan follows: the chosen one, else the one with least left (only when one
/// pathway is needed; with "two of three" the plan asks for every open one).
pub fn followed<'p>(
    pathways: &Pathways,
    progress: &'p [PathwayProgress],
) -> Option<&'p PathwayProgress> {
    if pathways.needed > 1 {
        return None;
    }
    match &pathways.chosen {
        Some(c) => progress.iter().find(|p| &p.id == c),
        None => progress.iter().min_by_key(|p| (!p.met, p.remaining)),
    }
}
