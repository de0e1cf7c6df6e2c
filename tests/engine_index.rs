//! The activity index the engine reads (src/domain/index.rs): codes turned into integers must
//! never change what counts. These cover the paths real data rarely takes: many distinct topics
//! and credit types, a topic listed twice, windows at their edges, a planned activity early in a
//! capped total.
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{evaluate, RuleStatus};
use cme_tracker::domain::engine::index::ActivityIndex;
use cme_tracker::domain::Activity;

const TODAY: &str = "2026-06-01";

#[test]
fn window_is_inclusive_and_ordered_by_end_date() {
    let acts = vec![
        activity("2025-03-01").credit("AMA_PRA_CAT1", "1").build(),
        activity("2024-12-31").credit("AMA_PRA_CAT1", "1").build(),
        activity("2025-01-01").credit("AMA_PRA_CAT1", "1").build(),
        activity("2026-12-31").credit("AMA_PRA_CAT1", "1").build(),
        activity("2027-01-01").credit("AMA_PRA_CAT1", "1").build(),
    ];
    let index = ActivityIndex::new(&acts);
    let w = index.window(date("2025-01-01"), date("2026-12-31"));
    let end_of = |i: usize| acts.iter().find(|a| a.id == index.id(i)).unwrap().end;
    let ends: Vec<_> = w.map(end_of).collect();
    assert_eq!(
        ends,
        vec![date("2025-01-01"), date("2025-03-01"), date("2026-12-31")]
    );
    assert!(index
        .window(date("2030-01-01"), date("2030-12-31"))
        .is_empty());
    // A window that ends before it starts holds nothing.
    assert!(index
        .window(date("2026-01-01"), date("2025-01-01"))
        .is_empty());
}

#[test]
fn same_end_date_orders_by_id_whatever_the_stored_order() {
    let mut acts: Vec<Activity> = (0..6)
        .map(|_| activity("2025-05-05").credit("AMA_PRA_CAT1", "1").build())
        .collect();
    let forward: Vec<_> = {
        let index = ActivityIndex::new(&acts);
        (0..index.len()).map(|i| index.id(i)).collect()
    };
    acts.reverse();
    let index = ActivityIndex::new(&acts);
    let backward: Vec<_> = (0..index.len()).map(|i| index.id(i)).collect();
    assert_eq!(forward, backward);
    let mut sorted = forward.clone();
    sorted.sort();
    assert_eq!(forward, sorted);
}

#[test]
fn the_seventieth_topic_and_the_thirtieth_credit_type_still_count() {
    // More topics than fit the 64-bit mask and more types than the short scan: the slow paths.
    let mut acts: Vec<Activity> = (0..70)
        .map(|k| {
            activity("2025-06-01")
                .credit(&format!("custom:type_{}", k % 30), "1")
                .topic(&format!("topic_{k}"))
                .build()
        })
        .collect();
    acts.push(
        activity("2025-07-01")
            .credit("custom:type_29", "2")
            .topic("topic_69")
            .build(),
    );
    let c = credential("Many", "2025-01-01", "2026-12-31")
        .rule(topic_min("late_topic", "3", &["topic_69"], &[]))
        .rule(category_min("late_type", "4", &["custom:type_29"]))
        .rule(topic_min("unknown_topic", "1", &["never_logged"], &[]))
        .build();
    let ev = evaluate(&c, &acts, date(TODAY));
    let topic = ev.rule("late_topic").unwrap();
    assert_eq!(topic.counted, hours("3"));
    assert_eq!(topic.status, RuleStatus::Met);
    // type_29 is on activities 29 and 59 (1 h each) and the extra one (2 h).
    let ty = ev.rule("late_type").unwrap();
    assert_eq!(ty.counted, hours("4"));
    assert_eq!(ty.contributions.len(), 3);
    let unknown = ev.rule("unknown_topic").unwrap();
    assert_eq!(unknown.counted, hours("0"));
    assert_eq!(unknown.status, RuleStatus::NotMet);
}

#[test]
fn a_topic_listed_twice_counts_the_activity_once() {
    let acts = vec![activity("2025-06-01")
        .credit("AMA_PRA_CAT1", "2")
        .topic("implicit_bias")
        .topic("implicit_bias")
        .build()];
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .rule(topic_min("bias", "3", &["implicit_bias"], &[]))
        .build();
    let r = evaluate(&c, &acts, date(TODAY))
        .rule("bias")
        .unwrap()
        .clone();
    assert_eq!(r.counted, hours("2"));
    assert_eq!(r.contributions.len(), 1);
}

#[test]
fn a_rule_on_two_topics_reads_each_activity_once_in_date_order() {
    let acts = vec![
        activity("2025-08-01")
            .credit("AMA_PRA_CAT1", "1")
            .topic("implicit_bias")
            .topic("domestic_violence")
            .build(),
        activity("2025-02-01")
            .credit("AMA_PRA_CAT1", "2")
            .topic("domestic_violence")
            .build(),
        activity("2025-05-01")
            .credit("AMA_PRA_CAT1", "4")
            .topic("implicit_bias")
            .build(),
    ];
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .rule(topic_min(
            "either",
            "10",
            &["implicit_bias", "domestic_violence"],
            &[],
        ))
        .build();
    let r = evaluate(&c, &acts, date(TODAY))
        .rule("either")
        .unwrap()
        .clone();
    assert_eq!(r.counted, hours("7"));
    let amounts: Vec<_> = r.contributions.iter().map(|c| c.amount).collect();
    assert_eq!(amounts, vec![hours("2"), hours("4"), hours("1")]);
}

#[test]
fn a_planned_activity_before_completed_ones_leaves_the_actual_cap_untouched() {
    // The what-if tally starts at the first planned activity; completed ones after it must
    // still fill the cap as if the planned one did not exist.
    let acts = vec![
        activity("2025-02-01")
            .credit("AMA_PRA_CAT2", "8")
            .planned()
            .build(),
        activity("2025-03-01").credit("AMA_PRA_CAT2", "6").build(),
        activity("2025-04-01").credit("AMA_PRA_CAT1", "5").build(),
    ];
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .rule(total("total", "20", &["AMA_PRA_CAT1", "AMA_PRA_CAT2"]))
        .rule(type_cap("cat2", "10", &["AMA_PRA_CAT2"]))
        .build();
    let r = evaluate(&c, &acts, date(TODAY))
        .rule("total")
        .unwrap()
        .clone();
    // Actual: 6 of Category 2 (under the 10 h cap) + 5 of Category 1.
    assert_eq!(r.counted, hours("11"));
    // What-if: the planned 8 h come first and take 8 of the cap; then only 2 of the 6 fit.
    // 8 + 2 + 5 = 15, which is 4 more than the actual 11.
    assert_eq!(r.planned, hours("4"));
    assert_eq!(r.status, RuleStatus::NotMet);
}
