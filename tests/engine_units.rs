//! Units never mix (issue 33): points are not hours, hours per topic are the hours on the topic
//! everywhere a total is shown, and a board's category takes in the general types its rule puts
//! there.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;
use uuid::Uuid;

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::charts::credits_per_year;
use cme_tracker::domain::engine::evaluate::{evaluate, Reason, RuleStatus};
use cme_tracker::domain::engine::totals::totals;
use cme_tracker::domain::model::vocab::{self, Unit};
use cme_tracker::domain::presets::{catalog, find};
use cme_tracker::domain::{Activity, RuleKind, TopicId};

const CAT1: &str = "AMA_PRA_CAT1";
const CAT2: &str = "AMA_PRA_CAT2";
const MOC: &str = "ABIM_MOC_POINT";
const GERIATRICS: &str = "geriatric_medicine";

#[test]
fn a_rule_taking_any_type_counts_hours_never_points() {
    let c = credential("Texas", "2025-01-01", "2026-12-31")
        .rule(total("total", "48", &[]))
        .build();
    let acts = vec![
        // Only MOC points: not one hour toward the total.
        activity("2025-03-01").credit(MOC, "10").build(),
        // Credits and points: the credits count, not the larger number of points.
        activity("2025-04-01")
            .credit(CAT1, "10")
            .credit(MOC, "20")
            .build(),
        // CEUs are hours (ten each).
        activity("2025-05-01").credit("CEU", "0.5").build(),
    ];
    let ev = evaluate(&c, &acts, date("2025-06-01"));
    let r = ev.rule("total").unwrap();
    assert_eq!(r.counted, hours("15"));
    assert_eq!(r.remaining, hours("33"));
    let why = r
        .exclusions
        .iter()
        .find(|e| e.activity_id == acts[0].id)
        .map(|e| e.reason.clone());
    assert_eq!(why, Some(Reason::OtherUnit { unit: Unit::Point }));
    let words = cme_tracker::domain::text::describe::reason_text(&why.unwrap(), Unit::Hour, &|d| {
        d.to_string()
    });
    assert!(words.contains("points"), "{words}");
    assert!(!words.contains("not accepted"), "{words}");
}

#[test]
fn points_count_as_hours_only_through_an_equivalence_the_credential_declares() {
    let c = credential("Board", "2025-01-01", "2026-12-31")
        .rule(total("total", "20", &[]))
        .equivalence(MOC, "CE_HOUR")
        .build();
    let acts = vec![activity("2025-03-01").credit(MOC, "10").build()];
    let r = evaluate(&c, &acts, date("2025-06-01"));
    assert_eq!(r.rule("total").unwrap().counted, hours("10"));
}

#[test]
fn a_rule_in_points_still_counts_points() {
    let c = credential("ABIM MOC", "2025-01-01", "2029-12-31")
        .rule(total("points", "100", &[MOC]))
        .build();
    let acts = vec![activity("2025-03-01")
        .credit(CAT1, "10")
        .credit(MOC, "20")
        .build()];
    let ev = evaluate(&c, &acts, date("2025-06-01"));
    assert_eq!(ev.rule("points").unwrap().counted, hours("20"));
    assert_eq!(c.rules[0].unit(), Unit::Point);
}

#[test]
fn hours_on_a_topic_are_a_share_of_the_hours_not_of_the_points() {
    // 10 credits and 20 points; 6 of its 10 hours on geriatrics.
    let a = activity("2025-03-01")
        .credit(CAT1, "10")
        .credit(MOC, "20")
        .topic_hours(GERIATRICS, "6")
        .build();
    assert_eq!(a.hours(), hours("10"));
    let c = credential("Texas", "2025-01-01", "2026-12-31")
        .rule(topic_min("geri", "10", &[GERIATRICS], &[]))
        .build();
    let ev = evaluate(&c, std::slice::from_ref(&a), date("2025-06-01"));
    assert_eq!(ev.rule("geri").unwrap().counted, hours("6"));
    // A points-only activity has no hours at all.
    let points = activity("2025-03-01").credit(MOC, "10").build();
    assert_eq!(points.hours(), hours("0"));
}

#[test]
fn transcript_totals_count_hours_per_topic_and_never_points() {
    let acts: Vec<Activity> = vec![
        // The 21-hour conference with 6 h on geriatrics.
        activity("2026-03-01")
            .credit(CAT1, "21")
            .credit(MOC, "21")
            .topic("ethics_professional_responsibility")
            .topic_hours(GERIATRICS, "6")
            .build(),
        activity("2026-04-01")
            .credit(MOC, "10")
            .topic(GERIATRICS)
            .build(),
        activity("2026-05-01")
            .credit(CAT1, "3")
            .topic(GERIATRICS)
            .build(),
    ];
    let t = totals(&acts, None, None, false);
    assert_eq!(t.hours, hours("24"));
    assert_eq!(t.by_topic[&TopicId::new(GERIATRICS)], hours("9"));
    assert_eq!(
        t.by_topic[&TopicId::new("ethics_professional_responsibility")],
        hours("21")
    );
    assert_eq!(t.by_year[&2026], hours("24"));
    // The same figure the engine counts for a topic rule.
    let c = credential("Texas", "2025-01-01", "2026-12-31")
        .rule(topic_min("geri", "10", &[GERIATRICS], &[]))
        .build();
    let ev = evaluate(&c, &acts, date("2026-06-01"));
    assert_eq!(
        ev.rule("geri").unwrap().counted,
        t.by_topic[&TopicId::new(GERIATRICS)]
    );
}

#[test]
fn the_per_year_chart_never_stacks_points_on_credits() {
    let acts = vec![
        activity("2026-03-01")
            .credit(CAT1, "48.5")
            .credit(MOC, "21")
            .build(),
        activity("2026-04-01")
            .credit("ANCC_CONTACT_HOUR", "1.2")
            .build(),
    ];
    let charts = credits_per_year(&acts, date("2026-01-01"), date("2026-12-31"));
    for chart in &charts {
        let units: Vec<bool> = chart.series.iter().map(|s| s.unit.is_time()).collect();
        assert!(
            units.iter().all(|u| *u != chart.points),
            "one measure per chart: {chart:?}"
        );
    }
    let time = charts.iter().find(|c| !c.points).unwrap();
    assert_eq!(time.max_total(), hours("49.7"));
    let points = charts.iter().find(|c| c.points).unwrap();
    assert_eq!(points.max_total(), hours("21"));
}

#[test]
fn a_cap_on_a_board_category_limits_the_general_type_it_takes_in() {
    // Washington counts AMA PRA Category 2 (non-accredited CME) in its Category II, at most 80.
    let p = find("us-wa-md").expect("the Washington preset");
    let end = date("2027-12-31");
    let c = p.instantiate(Uuid::new_v4(), p.cycle_start_for(end), end, Utc::now());
    let start = c.cycle.start;
    let acts: Vec<Activity> = (0..10)
        .map(|i| {
            activity(&(start + chrono::Days::new(30 + i)).to_string())
                .credit(CAT2, "10")
                .build()
        })
        .collect();
    let ev = evaluate(&c, &acts, date("2027-06-30"));
    let total = c
        .rules
        .iter()
        .zip(&ev.rules)
        .find(|(r, _)| matches!(r.kind, RuleKind::Total { .. }))
        .map(|(_, re)| re)
        .unwrap();
    assert_eq!(total.counted, hours("80"));
    assert!(total
        .exclusions
        .iter()
        .any(|e| matches!(e.reason, Reason::OverCap { .. })));
    assert!(vocab::in_category(
        &cme_tracker::domain::CreditTypeId::new(CAT2),
        &cme_tracker::domain::CreditTypeId::new("WA_CAT_II")
    ));
}

#[test]
fn every_preset_rule_taking_any_type_refuses_points_only_activities() {
    for p in catalog().presets() {
        let end = date("2027-12-31");
        let c = p.instantiate(Uuid::new_v4(), p.cycle_start_for(end), end, Utc::now());
        let acts = vec![
            activity(&(c.cycle.start + chrono::Days::new(10)).to_string())
                .credit(MOC, "10")
                .credit("OTHER_MOC_POINT", "10")
                .build(),
        ];
        let ev = evaluate(&c, &acts, date("2027-06-30"));
        for (rule, re) in c.rules.iter().zip(&ev.rules) {
            if rule.unit() == Unit::Point || re.status == RuleStatus::NotApplicable {
                continue;
            }
            if !matches!(rule.kind, RuleKind::Cap { .. }) {
                assert!(
                    re.counted.is_zero(),
                    "{} {}: points counted as {}",
                    p.id,
                    rule.id,
                    re.counted
                );
            }
        }
    }
}
