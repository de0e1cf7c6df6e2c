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
    // Both ethics rules, and the totals its hours also count toward.
    let rules: Vec<(&str, &str)> = ethics
        .covers
        .iter()
        .map(|c| (c.credential_name.as_str(), c.rule_id.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("Texas", "ethics"),
            ("Pennsylvania", "ethics"),
            ("Texas", "total"),
            ("Pennsylvania", "total")
        ]
    );
    // Each with what the rule alone still needs, as its card says.
    let words = cme_tracker::domain::text::describe::plan_sentence(ethics, &|d| d.to_string());
    assert!(words.contains("Texas (Ethics: 2 credits left; "), "{words}");
    assert!(words.contains(": 8 credits left)"), "{words}");
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
fn points_and_credits_are_earned_by_the_same_hours_and_never_added_as_one_unit() {
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
    // 50 hours carrying both Category 1 credit and MOC points, then 50 more for MOC: 100 hours
    // of learning, not 150.
    assert_eq!(p.hours, hours("100"));
    assert_eq!(p.total(Unit::Credit), hours("50"));
    assert_eq!(p.total(Unit::Point), hours("50"));
    assert_eq!(p.total(Unit::Hour), Amount::ZERO);
    assert_eq!(p.to_earn(), Some((Unit::Hour, hours("100"))));
    let both = p.items.iter().find(|i| i.unit == Unit::Credit).unwrap();
    assert_eq!(both.covers.len(), 2);
    assert_eq!(both.also.len(), 1);
    assert_eq!(both.also[0].credential_names, vec!["ABIM MOC".to_string()]);
    let words = cme_tracker::domain::text::describe::plan_sentence(both, &|d| d.to_string());
    assert!(
        words.starts_with("50 credits of any topic, AMA PRA Category 1"),
        "{words}"
    );
    assert!(words.contains("also gives ABIM MOC points"), "{words}");
    let moc = p.items.iter().find(|i| i.unit == Unit::Point).unwrap();
    let words = cme_tracker::domain::text::describe::plan_sentence(moc, &|d| d.to_string());
    assert!(
        words.starts_with("50 points of any topic, ABIM MOC"),
        "{words}"
    );
    assert_eq!(
        cme_tracker::domain::text::describe::to_earn_text(&p, &|a| a.display_short()),
        "100 hours"
    );
}

const OPIOIDS: &str = "pain_management_opioids";
const RISK: &str = "risk_management";
const BIAS: &str = "implicit_bias";

/// The fewest hours meeting every need, found by trying every split on a quarter-hour grid: an
/// hour on a topic counts toward every need naming that topic and toward every total.
fn brute_force(topic_needs: &[(Vec<&str>, i64)], totals: &[i64]) -> Amount {
    let universe = [ETHICS, OPIOIDS, RISK, BIAS];
    let most = topic_needs.iter().map(|(_, d)| *d).max().unwrap_or(0) * 4;
    let largest_total = totals.iter().copied().max().unwrap_or(0) * 4;
    let mut best = i64::MAX;
    let mut x = [0i64; 4];
    loop {
        let ok = topic_needs.iter().all(|(on, d)| {
            let got: i64 = universe
                .iter()
                .zip(&x)
                .filter(|(t, _)| on.contains(t))
                .map(|(_, v)| *v)
                .sum();
            got >= d * 4
        });
        if ok {
            let topic: i64 = x.iter().sum();
            best = best.min(topic.max(largest_total));
        }
        // Next point of the grid.
        let mut k = 0;
        while k < 4 {
            x[k] += 1;
            if x[k] <= most {
                break;
            }
            x[k] = 0;
            k += 1;
        }
        if k == 4 {
            break;
        }
    }
    Amount::from_hundredths(best * 25)
}

fn topic_set() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(vec![ETHICS, OPIOIDS, RISK, BIAS], 1..=2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// Several boards' topic needs that overlap (pairwise, in triangles) and totals in credits,
    /// hours and points: the plan asks for exactly the fewest hours.
    #[test]
    fn the_plan_asks_for_the_fewest_hours_that_meet_every_need(
        boards in prop::collection::vec(
            (prop::collection::vec((topic_set(), 1i64..=3), 0..3), 0i64..=8, 0usize..3),
            1..4,
        ),
    ) {
        let mut creds = Vec::new();
        let mut topic_needs = Vec::new();
        let mut totals = Vec::new();
        for (b, (needs, total_hours, unit)) in boards.iter().enumerate() {
            let mut c = credential(&format!("Board {b}"), "2025-01-01", "2026-12-31");
            for (i, (on, d)) in needs.iter().enumerate() {
                c = c.rule(topic_min(&format!("t{i}"), &d.to_string(), on, &[]));
                topic_needs.push((on.clone(), *d));
            }
            if *total_hours > 0 {
                let types: &[&str] = match unit {
                    0 => &[],
                    1 => &[CAT1],
                    _ => &["ABIM_MOC_POINT"],
                };
                c = c.rule(total("total", &total_hours.to_string(), types));
                totals.push(*total_hours);
            }
            creds.push(c.build());
        }
        let evs = evaluate_all(&creds, NO_ACTIVITIES, date("2026-06-01"));
        let p = plan(&creds, &evs, true);
        prop_assert_eq!(p.hours, brute_force(&topic_needs, &totals));
        prop_assert_eq!(p.items.iter().map(|i| i.hours).sum::<Amount>(), p.hours);
    }
}

#[test]
fn two_boards_groups_that_share_ethics_are_met_by_one_course() {
    // Pennsylvania's patient safety & risk management group and Texas's professional
    // responsibility group both hold ethics and risk management.
    let creds = vec![
        credential("Pennsylvania", "2025-01-01", "2026-12-31")
            .rule(topic_min(
                "ps",
                "2",
                &["patient_safety_risk_management"],
                &[],
            ))
            .build(),
        credential("Texas", "2025-01-01", "2026-12-31")
            .rule(topic_min("pr", "2", &["professional_responsibility"], &[]))
            .build(),
    ];
    let evs = evaluate_all(&creds, NO_ACTIVITIES, date("2026-06-01"));
    let p = plan(&creds, &evs, true);
    assert_eq!(p.items.len(), 1, "{:?}", p.items);
    assert_eq!(p.hours, hours("2"));
    assert_eq!(p.items[0].covers.len(), 2);
    assert!(p.items[0].topics.iter().any(|t| t.as_str() == ETHICS));
}

#[test]
fn a_topic_hour_also_fills_the_totals_of_every_credential() {
    // CA 50 Category 1 with 12 h of pain management; TX 48 of any type with 2 h ethics; DEA
    // 8 h on substance use disorders once. Nothing logged: 50 hours meet everything.
    let creds = vec![
        credential("California", "2025-01-01", "2026-12-31")
            .rule(total("total", "50", &[CAT1]))
            .rule(topic_min("pain", "12", &[OPIOIDS], &[]))
            .build(),
        credential("Texas", "2025-01-01", "2026-12-31")
            .rule(total("total", "48", &[]))
            .rule(topic_min("ethics", "2", &[ETHICS], &[]))
            .build(),
        credential("DEA", "2025-01-01", "2027-12-31")
            .rule(topic_min("sud", "8", &["substance_use_disorder"], &[]))
            .build(),
    ];
    let evs = evaluate_all(&creds, NO_ACTIVITIES, date("2026-06-01"));
    let p = plan(&creds, &evs, true);
    assert_eq!(p.hours, hours("50"));
    // The any-topic hours: 50 − 22 for California, 48 − 22 for Texas, in two layers.
    let general: Vec<_> = p.items.iter().filter(|i| i.topics.is_empty()).collect();
    assert_eq!(general.iter().map(|i| i.hours).sum::<Amount>(), hours("28"));
    // Each topic item names the Category 1 credit California's total wants.
    for i in p.items.iter().filter(|i| !i.topics.is_empty()) {
        assert_eq!(i.accepts.len(), 1, "{i:?}");
        assert_eq!(i.accepts[0].as_str(), CAT1);
    }
}

#[test]
fn a_topic_need_keeps_its_rules_unit_in_the_plan() {
    // The card says "9 of 10 hours"; the plan says "1 hour", even though the hour should
    // carry the Category 1 credit the total wants.
    let creds = vec![credential("California", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[CAT1]))
        .rule(topic_min("geri", "10", &["geriatric_medicine"], &[]))
        .build()];
    let acts = vec![activity("2025-03-01")
        .credit(CAT1, "9")
        .topic("geriatric_medicine")
        .build()];
    let evs = evaluate_all(&creds, &acts, date("2026-06-01"));
    assert_eq!(evs[0].rules[1].unit, Unit::Hour);
    let p = plan(&creds, &evs, true);
    let geri = p.items.iter().find(|i| !i.topics.is_empty()).unwrap();
    assert_eq!(geri.unit, Unit::Hour);
    let words = cme_tracker::domain::text::describe::plan_sentence(geri, &|d| d.to_string());
    assert!(words.starts_with("1 hour of geriatric"), "{words}");
}

#[test]
fn the_plan_never_asks_for_a_year_that_has_ended() {
    // 2 h a year on opioids over a two-year cycle; the first year ended with nothing: it
    // cannot be made up, so the plan asks only for this year's 2 hours.
    let creds = vec![credential("State", "2025-01-01", "2026-12-31")
        .rule(per_year("opioids", "2", &[OPIOIDS], &[]))
        .build()];
    let evs = evaluate_all(&creds, NO_ACTIVITIES, date("2026-06-01"));
    assert_eq!(evs[0].rules[0].remaining, hours("4"));
    let p = plan(&creds, &evs, true);
    assert_eq!(p.hours, hours("2"));
    assert_eq!(p.items[0].deadline, date("2026-12-31"));
}

#[test]
fn planned_activities_the_card_counts_are_not_asked_for_again() {
    let creds = vec![texas()];
    let acts = vec![
        activity("2025-03-01").credit(CAT1, "40").build(),
        activity("2026-09-01")
            .credit(CAT1, "6")
            .topic(ETHICS)
            .planned()
            .build(),
    ];
    let evs = evaluate_all(&creds, &acts, date("2026-06-01"));
    let p = plan(&creds, &evs, true);
    // 8 left of 48, 6 planned (2 of them ethics): 2 more of any topic.
    assert_eq!(p.hours, hours("2"));
    assert!(p.items.iter().all(|i| i.topics.is_empty()));
}
