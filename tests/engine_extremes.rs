//! The engine returns a result for any data, not only for data the contract accepts: dates
//! anywhere in chrono's calendar (year -262143 to 262142), recurrences of any size, amounts and
//! weights at the ends of their types. A panic here would blank the app on every start, because
//! the evaluation runs while the first page renders (issue 11: n = 1,000,000 did).
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use uuid::Uuid;

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{cycle_years, evaluate, window_of};
use cme_tracker::domain::engine::plan::plan;
use cme_tracker::domain::text::describe;
use cme_tracker::domain::{
    Activity, Amount, CarryOver, Credential, CreditWeight, Cycle, Recurrence, Rule,
};

/// Any day chrono can represent, with the two ends and their neighbours made likely.
fn arb_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::MIN.num_days_from_ce();
    let hi = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
        1 => (0i32..400).prop_map(move |d| NaiveDate::from_num_days_from_ce_opt(lo + d).unwrap()),
        1 => (0i32..400).prop_map(move |d| NaiveDate::from_num_days_from_ce_opt(hi - d).unwrap()),
        4 => (lo..=hi).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        4 => (700_000i32..760_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
    ]
}

fn arb_count() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(2),
        Just(u32::MAX),
        any::<u32>(),
        0u32..30
    ]
}

fn arb_amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        Just(Amount::MAX),
        Just(Amount::from_hundredths(i64::MIN)),
        Just(Amount::ZERO),
        any::<i64>().prop_map(Amount::from_hundredths),
        (0i64..10_000).prop_map(Amount::from_hundredths),
    ]
}

fn arb_recurrence() -> impl Strategy<Value = Recurrence> {
    prop_oneof![
        Just(Recurrence::EveryCycle),
        Just(Recurrence::OnceEver),
        arb_count().prop_map(|n| Recurrence::EveryNCycles { n }),
        arb_count().prop_map(|n| Recurrence::FirstCycles { n }),
        arb_count().prop_map(|months| Recurrence::EveryNMonths { months }),
        (arb_count(), arb_count())
            .prop_map(|(after, months)| Recurrence::AfterFirstCycles { after, months }),
    ]
}

fn arb_rule() -> impl Strategy<Value = Rule> {
    (
        0usize..7,
        arb_amount(),
        arb_recurrence(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(kind, amount, recurrence, on_top, quarter)| {
            let a = amount.to_string();
            let mut r = match kind {
                0 => total("total", "50", &[]),
                1 => total_with_carry_over("total", "50", &["AMA_PRA_CAT1"], "10"),
                2 => category_min("cat1", "24", &["AMA_PRA_CAT1"]),
                3 => topic_min("ethics", "2", &["ethics_professional_responsibility"], &[]),
                4 => type_cap("cap", "10", &["AMA_PRA_CAT2"]),
                5 => completion("done", &["implicit_bias"]),
                _ => per_year("bias", "1", &["implicit_bias"], &[]),
            };
            let _ = a;
            set_amount(&mut r, amount);
            r.recurrence = recurrence;
            r.counts_toward_total = !on_top;
            r.round_to_quarter_hour = quarter;
            r
        })
}

fn set_amount(r: &mut Rule, amount: Amount) {
    use cme_tracker::domain::RuleKind as K;
    match &mut r.kind {
        K::Total {
            min, carry_over, ..
        } => {
            *min = amount;
            if let Some(c) = carry_over {
                *c = CarryOver {
                    max: amount,
                    include_topic_hours: true,
                };
            }
        }
        K::CategoryMin { min, .. } | K::TopicMin { min, .. } => *min = amount,
        K::Cap { max, .. } => *max = amount,
        K::PerYear { min_per_year, .. } => *min_per_year = amount,
        K::Completion { .. } => {}
    }
}

fn arb_cycle() -> impl Strategy<Value = Cycle> {
    (arb_date(), arb_date(), prop::option::of(arb_date())).prop_map(|(a, b, d)| {
        let mut c = Cycle::new(a.min(b), a.max(b));
        c.ce_deadline = d;
        c
    })
}

fn arb_credential() -> impl Strategy<Value = Credential> {
    (
        arb_cycle(),
        prop::collection::vec(arb_cycle(), 0..3),
        prop::collection::vec(arb_rule(), 1..5),
        arb_count(),
        prop::option::of(arb_count()),
        any::<bool>(),
    )
        .prop_map(|(cycle, past, rules, weight, renewal, first)| {
            let mut b = credential("Any", "2025-01-01", "2026-12-31");
            for (i, mut r) in rules.into_iter().enumerate() {
                r.id = format!("r{i}");
                b = b.rule(r);
            }
            let mut c = b.build();
            c.cycle = cycle;
            c.past_cycles = past;
            c.renewal = renewal;
            c.first_renewal = first;
            c.weights.push(CreditWeight {
                credit_type: cme_tracker::domain::CreditTypeId::new("AMA_PRA_CAT1"),
                percent: weight,
                up_to: None,
            });
            c
        })
}

fn arb_activity() -> impl Strategy<Value = Activity> {
    (
        arb_date(),
        arb_date(),
        arb_amount(),
        any::<bool>(),
        any::<u128>(),
    )
        .prop_map(|(a, b, amount, planned, id)| {
            let mut x = activity("2025-01-01")
                .id(Uuid::from_u128(id))
                .credit("AMA_PRA_CAT1", "1")
                .topic("implicit_bias")
                .topic("ethics_professional_responsibility");
            if planned {
                x = x.planned();
            }
            let mut act = x.build();
            act.start = a.min(b);
            act.end = a.max(b);
            act.credits[0].amount = amount;
            act
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("EXTREME_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn evaluation_plan_and_sentences_return_for_any_dates_and_sizes(
        creds in prop::collection::vec(arb_credential(), 1..3),
        acts in prop::collection::vec(arb_activity(), 0..12),
        today in arb_date(),
    ) {
        let evs: Vec<_> = creds.iter().map(|c| evaluate(c, &acts, today)).collect();
        for (c, ev) in creds.iter().zip(&evs) {
            prop_assert_eq!(ev.rules.len(), c.rules.len());
            for r in &c.rules {
                // A window may be empty (from after to) at the calendar's ends; it must exist.
                let _ = window_of(c, &r.recurrence);
                let _ = describe::rule_sentence(r);
            }
            let _ = cycle_years(&c.cycle);
        }
        for with_planned in [false, true] {
            let p = plan(&creds, &evs, with_planned);
            for item in &p.items {
                let _ = describe::plan_sentence(item, &|d| d.to_string());
            }
        }
    }
}

/// The probe's case: n = 1,000,000 with no earlier cycles recorded.
#[test]
fn a_million_cycle_recurrence_starts_its_window_at_the_calendar_start() {
    let mut r = topic_min("ethics", "2", &["ethics_professional_responsibility"], &[]);
    r.recurrence = Recurrence::EveryNCycles { n: 1_000_000 };
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .rule(r.clone())
        .build();
    assert_eq!(window_of(&c, &r.recurrence).0, NaiveDate::MIN);
    let ev = evaluate(
        &c,
        &[activity("2025-06-01")
            .credit("AMA_PRA_CAT1", "2")
            .topic("ethics_professional_responsibility")
            .build()],
        date("2026-01-01"),
    );
    assert_eq!(ev.rules[0].counted, hours("2"));
}
