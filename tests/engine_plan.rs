//! The cross-credential plan: shared needs asked for once, never more than the separate needs,
//! never less than the largest one.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use cme_tracker::domain::build::*;
use cme_tracker::domain::evaluate::evaluate_all;
use cme_tracker::domain::plan::plan;
use cme_tracker::domain::{Activity, Amount, Credential, Rule};

const CAT1: &str = "AMA_PRA_CAT1";
const ETHICS: &str = "ethics_professional_responsibility";

fn texas() -> Credential {
    credential("Texas", "2025-02-01", "2027-01-31")
        .rule(total("total", "48", &[CAT1, "AMA_PRA_CAT2"]))
        .rule(topic_min("ethics", "2", &[ETHICS], &[CAT1]).label("Ethics"))
        .build()
}

fn pennsylvania() -> Credential {
    credential("Pennsylvania", "2025-01-01", "2026-12-31")
        .rule(total("total", "100", &[]))
        .rule(category_min("cat1", "20", &[CAT1]))
        .rule(topic_min("ethics", "2", &[ETHICS], &[]).label("Ethics"))
        .build()
}

#[test]
fn one_ethics_hour_is_asked_for_once_for_two_licenses() {
    let creds = vec![texas(), pennsylvania()];
    let acts: Vec<Activity> = vec![activity("2025-03-01").credit(CAT1, "40").build()];
    let evs = evaluate_all(&creds, &acts, date("2026-06-01"));
    let p = plan(&creds, &evs, false);
    let ethics = p
        .items
        .iter()
        .find(|i| i.topics.iter().any(|t| t.as_str() == ETHICS))
        .expect("an ethics item");
    assert_eq!(ethics.hours, hours("2"));
    assert_eq!(ethics.accepts.len(), 1);
    assert_eq!(ethics.accepts[0].as_str(), CAT1);
    assert_eq!(ethics.covers.len(), 2);
    assert_eq!(ethics.deadline, date("2026-12-31"));
    // Texas: 8 h left of 48, of which the 2 ethics hours count → 6 general.
    // Pennsylvania: 60 h left of 100, cat1 already met (40 ≥ 20), 2 ethics (any type) → 58.
    // Merged general need: one item of max(6, 58) = 58 for "any type" ∩ {Cat1, Cat2}.
    assert_eq!(p.separate_hours, hours("72"));
    assert_eq!(p.total_hours, hours("60"));
    assert!(p.items.windows(2).all(|w| w[0].deadline <= w[1].deadline));
}

#[test]
fn nothing_left_means_an_empty_plan() {
    let creds = vec![texas()];
    let acts = vec![
        activity("2025-03-01").credit(CAT1, "46").build(),
        activity("2025-04-01")
            .topic(ETHICS)
            .credit(CAT1, "2")
            .build(),
    ];
    let evs = evaluate_all(&creds, &acts, date("2026-06-01"));
    let p = plan(&creds, &evs, false);
    assert!(p.items.is_empty());
    assert_eq!(p.total_hours, Amount::ZERO);
}

#[test]
fn what_if_plan_counts_planned_activities() {
    let creds = vec![texas()];
    let acts = vec![
        activity("2025-03-01").credit(CAT1, "40").build(),
        activity("2026-09-01")
            .topic(ETHICS)
            .credit(CAT1, "2")
            .planned()
            .build(),
    ];
    let evs = evaluate_all(&creds, &acts, date("2026-06-01"));
    assert_eq!(plan(&creds, &evs, false).total_hours, hours("8"));
    assert_eq!(plan(&creds, &evs, true).total_hours, hours("6"));
}

fn arb_credential() -> impl Strategy<Value = Credential> {
    (
        0usize..3,
        prop::collection::vec((0usize..4, 1i64..60), 1..5),
        0i64..400,
    )
        .prop_map(|(name, rules, shift)| {
            let start = date("2025-01-01") + chrono::Duration::days(shift);
            let end = start + chrono::Duration::days(729);
            let mut b = credential(
                ["Texas", "Florida", "ABIM"][name],
                &start.to_string(),
                &end.to_string(),
            );
            for (i, (kind, h)) in rules.into_iter().enumerate() {
                let amount = Amount::hours(h).to_string();
                let id = format!("r{i}");
                let r: Rule = match kind {
                    0 => total(&id, &amount, &[]),
                    1 => total(&id, &amount, &[CAT1]),
                    2 => category_min(&id, &amount, &[CAT1]),
                    _ => topic_min(&id, &amount, &[[ETHICS, "implicit_bias"][i % 2]], &[]),
                };
                b = b.rule(r);
            }
            b.build()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plan_is_between_the_largest_need_and_the_sum_of_needs(
        creds in prop::collection::vec(arb_credential(), 1..5),
        logged in prop::collection::vec((0i64..700, 1i64..30, any::<bool>()), 0..10),
    ) {
        let acts: Vec<Activity> = logged
            .into_iter()
            .map(|(d, h, ethics)| {
                let end = (date("2025-01-01") + chrono::Duration::days(d)).to_string();
                let b = activity(&end).credit(CAT1, &Amount::hours(h).to_string());
                if ethics { b.topic(ETHICS).build() } else { b.build() }
            })
            .collect();
        let evs = evaluate_all(&creds, &acts, date("2026-01-01"));
        let p = plan(&creds, &evs, false);
        let largest = evs
            .iter()
            .flat_map(|e| e.rules.iter().map(|r| r.remaining))
            .max()
            .unwrap_or(Amount::ZERO);
        let sum: Amount = evs.iter().flat_map(|e| e.rules.iter().map(|r| r.remaining)).sum();
        prop_assert!(p.total_hours <= sum, "{} > {}", p.total_hours, sum);
        prop_assert!(p.total_hours >= largest, "{} < {}", p.total_hours, largest);
        prop_assert_eq!(p.separate_hours, sum);
    }
}
