//! The cross-credential plan: shared needs asked for once, never more than the separate needs,
//! never less than the largest one.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::evaluate_all;
use cme_tracker::domain::engine::plan::plan;
use cme_tracker::domain::model::vocab::Unit;
use cme_tracker::domain::{Activity, Amount, Credential, Rule};

/// Every unit's figure together: only for bounds that hold unit by unit.
fn all(list: &[(Unit, Amount)]) -> Amount {
    list.iter().map(|(_, a)| *a).sum()
}

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
    assert_eq!(all(&p.separate), hours("72"));
    // Texas asks for credits (Category 1 or 2), Pennsylvania for hours of any credit: each unit
    // keeps its own figure.
    assert_eq!(p.separate_total(Unit::Credit), hours("10"));
    assert_eq!(p.separate_total(Unit::Hour), hours("62"));
    assert_eq!(all(&p.totals), hours("60"));
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
    assert!(p.totals.is_empty());
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
    assert_eq!(plan(&creds, &evs, false).total(Unit::Credit), hours("8"));
    assert_eq!(plan(&creds, &evs, true).total(Unit::Credit), hours("6"));
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
        let total = all(&p.totals);
        prop_assert!(total <= sum, "{} > {}", total, sum);
        prop_assert!(total >= largest, "{} < {}", total, largest);
        prop_assert_eq!(all(&p.separate), sum);
    }
}

#[test]
fn a_topic_need_inside_a_total_is_narrowed_to_the_totals_credit_and_taken_from_it() {
    // 50 h of Category 1, of which 10 h of geriatrics (any credit). Nothing logged: the plan
    // asks for 10 h of geriatrics in Category 1 and 40 more, 50 in all, not 60.
    let creds = vec![credential("California", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[CAT1]))
        .rule(topic_min("geri", "10", &["geriatrics"], &[]))
        .build()];
    let evs = evaluate_all(&creds, NO_ACTIVITIES, date("2026-06-01"));
    let p = plan(&creds, &evs, false);
    let geri = p.items.iter().find(|i| !i.topics.is_empty()).unwrap();
    assert_eq!(geri.accepts.len(), 1);
    assert_eq!(geri.accepts[0].as_str(), CAT1);
    assert_eq!(all(&p.totals), hours("50"));
    assert_eq!(all(&p.separate), hours("60"));
}

#[test]
fn points_and_hours_are_never_added_and_one_activity_with_both_designations_is_named() {
    let creds = vec![
        credential("Ohio license", "2025-01-01", "2026-12-31")
            .rule(total("total", "50", &[CAT1]))
            .build(),
        credential("ABIM MOC", "2025-01-01", "2026-12-31")
            .rule(total("moc", "100", &["ABIM_MOC_POINT"]))
            .build(),
    ];
    let evs = evaluate_all(&creds, NO_ACTIVITIES, date("2026-06-01"));
    assert_eq!(evs[1].rules[0].unit, Unit::Point);
    let p = plan(&creds, &evs, false);
    assert_eq!(p.total(Unit::Credit), hours("50"));
    assert_eq!(p.total(Unit::Point), hours("100"));
    assert_eq!(p.total(Unit::Hour), Amount::ZERO);
    let moc = p.items.iter().find(|i| i.unit == Unit::Point).unwrap();
    assert_eq!(moc.also.len(), 1);
    assert_eq!(
        moc.also[0].credential_names,
        vec!["Ohio license".to_string()]
    );
    let words = cme_tracker::domain::text::describe::plan_sentence(moc, &|d| d.to_string());
    assert!(
        words.starts_with("100 points of any topic, ABIM MOC"),
        "{words}"
    );
    assert!(words.contains("also gives AMA PRA Category 1"), "{words}");
    assert!(words.contains("serves Ohio license too"), "{words}");
    assert_eq!(
        cme_tracker::domain::text::describe::totals_text(&p.totals, &|a| a.display_short()),
        "50 credits and 100 points"
    );
}
