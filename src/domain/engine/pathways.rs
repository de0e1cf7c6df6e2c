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

/// The pathway the plan follows when one is needed: the chosen one; else a met one; else the
/// nearest the holder has started. A pathway resting on evidence she has not recorded (a
/// certification exemption, practice hours) is a route she has not claimed: until she chooses,
/// the board's first route stands, and the plan asks her which one she is on.
pub fn followed<'p>(
    pathways: &Pathways,
    progress: &'p [PathwayProgress],
) -> Option<&'p PathwayProgress> {
    if pathways.needed > 1 {
        return None;
    }
    match &pathways.chosen {
        Some(c) => progress.iter().find(|p| &p.id == c),
        None => progress
            .iter()
            .find(|p| p.met)
            .or_else(|| nearest_started(progress).next())
            .or(progress.first()),
    }
}

/// The open pathways the holder has started (no evidence needed, or some recorded), nearest
/// first.
pub fn nearest_started(progress: &[PathwayProgress]) -> impl Iterator<Item = &PathwayProgress> {
    let mut open: Vec<&PathwayProgress> =
        progress.iter().filter(|p| !p.met && started(p)).collect();
    crate::domain::model::sort::sort_by_key(&mut open, |p| p.remaining);
    open.into_iter()
}

/// Whether the holder is on the way along a pathway: it needs no evidence, or some is recorded.
pub fn started(p: &PathwayProgress) -> bool {
    p.evidence.is_none_or(|(got, _)| got.is_positive())
}
