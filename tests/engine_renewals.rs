//! Windows and wording that follow the boards' calendars (issue 14), checked natively.
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{evaluate, window_of, RuleStatus};
use cme_tracker::domain::text::describe::status_sentence;
use cme_tracker::domain::Recurrence;

#[test]
fn every_n_cycles_without_recorded_cycles_steps_back_in_months() {
    // Florida: domestic violence every third biennial renewal. Cycle 1 Feb 2025 – 31 Jan 2027,
    // earlier cycles not recorded: the window starts on 1 Feb 2021, not on the 2nd or the 3rd.
    let c = credential("Florida", "2025-02-01", "2027-01-31").build();
    let (from, to) = window_of(&c, &Recurrence::EveryNCycles { n: 3 });
    assert_eq!(from, date("2021-02-01"));
    assert_eq!(to, date("2027-01-31"));
    // A cycle that is not whole months still steps back by its length in days.
    let odd = credential("Odd", "2025-02-03", "2027-01-31").build();
    let (from, _) = window_of(&odd, &Recurrence::EveryNCycles { n: 2 });
    assert_eq!(from, date("2023-02-06"));
}

#[test]
fn a_per_year_rule_names_the_short_year_and_whether_it_can_be_made_up() {
    let c = credential("Michigan", "2025-01-01", "2026-12-31")
        .rule(per_year("bias", "1", &["implicit_bias"], &[]))
        .build();
    let acts = vec![activity("2026-03-01")
        .credit("AMA_PRA_CAT1", "1")
        .topic("implicit_bias")
        .build()];
    let ev = evaluate(&c, &acts, date("2026-06-01"));
    let re = ev.rule("bias").unwrap();
    assert_eq!(re.status, RuleStatus::NotMet);
    assert!(re.years[0].ended && !re.years[1].ended);
    let words = status_sentence(&c.rules[0], re, &|d| d.to_string(), &|a| a.display_short());
    assert_eq!(
        words,
        "Year 2025-01-01 – 2025-12-31: 0 of 1 hour — that year has ended; the missing 1 hour cannot be made up later."
    );
    // Early in the second year, with the first year short as well: both are named.
    let ev = evaluate(&c, NO_ACTIVITIES, date("2026-06-01"));
    let words = status_sentence(
        &c.rules[0],
        ev.rule("bias").unwrap(),
        &|d| d.to_string(),
        &|a| a.display_short(),
    );
    assert!(words.contains("Year 2026-01-01 – 2026-12-31: 0 of 1 hour — 1 hour of implicit bias still needed by 2026-12-31."), "{words}");
}

#[test]
fn a_rule_in_force_from_a_date_is_not_a_shortfall_before_it() {
    use cme_tracker::domain::text::describe::rule_sentence;
    let mut r = topic_min("bias", "2", &["implicit_bias"], &[]);
    r.effective_from = Some(date("2028-01-01"));
    let c = credential("State", "2025-01-01", "2026-12-31")
        .rule(r.clone())
        .build();
    let ev = evaluate(&c, NO_ACTIVITIES, date("2026-06-01"));
    let re = ev.rule("bias").unwrap();
    assert_eq!(re.status, RuleStatus::NotApplicable);
    assert_eq!(
        status_sentence(&c.rules[0], re, &|d| d.to_string(), &|a| a.display_short()),
        "Not applicable: From 2028-01-01: required for renewals due on or after that date."
    );
    assert!(rule_sentence(&r).contains("(for renewals due from 1 Jan 2028)"));
    // The next cycle, due after the date: required, and missing once the date has come.
    let next = credential("State", "2027-01-01", "2028-12-31")
        .rule(r.clone())
        .build();
    let status_on = |today: &str| {
        evaluate(&next, NO_ACTIVITIES, date(today))
            .rule("bias")
            .unwrap()
            .status
    };
    assert_eq!(status_on("2027-06-01"), RuleStatus::NotYetInForce);
    assert_eq!(status_on("2028-02-01"), RuleStatus::NotMet);
    // A rule that ended before the cycle started is not asked for.
    let mut old = r;
    old.effective_from = None;
    old.effective_until = Some(date("2024-12-31"));
    let c = credential("State", "2025-01-01", "2026-12-31")
        .rule(old)
        .build();
    assert_eq!(
        evaluate(&c, NO_ACTIVITIES, date("2026-06-01"))
            .rule("bias")
            .unwrap()
            .status,
        RuleStatus::NotApplicable
    );
}

#[test]
fn first_renewal_only_once_ever_and_within_n_renewals_differ() {
    let rule = |rec: Recurrence| {
        let mut r = topic_min("hiv", "1", &["hiv_aids"], &[]);
        r.recurrence = rec;
        r
    };
    let long_ago = vec![activity("2015-03-01")
        .credit("AMA_PRA_CAT1", "1")
        .topic("hiv_aids")
        .build()];
    let status = |rec: Recurrence, renewal: u32, acts: &[cme_tracker::domain::Activity]| {
        let mut c = credential("FL", "2025-02-01", "2027-01-31")
            .rule(rule(rec))
            .build();
        c.renewal = Some(renewal);
        c.first_renewal = renewal == 1;
        evaluate(&c, acts, date("2026-06-01")).rules[0].status
    };
    // Once ever: asked at every renewal until done, and any earlier course counts.
    assert_eq!(status(Recurrence::OnceEver, 5, &[]), RuleStatus::NotMet);
    assert_eq!(status(Recurrence::OnceEver, 5, &long_ago), RuleStatus::Met);
    // First renewal only (every cycle of the first n): only this cycle's hours count.
    assert_eq!(
        status(Recurrence::FirstCycles { n: 1 }, 1, &long_ago),
        RuleStatus::NotMet
    );
    assert_eq!(
        status(Recurrence::FirstCycles { n: 1 }, 2, &[]),
        RuleStatus::NotApplicable
    );
    // Once by renewal n: any course up to the deadline counts; after renewal n, not asked.
    let within = Recurrence::OnceWithinFirstCycles { n: 2 };
    assert_eq!(status(within.clone(), 2, &long_ago), RuleStatus::Met);
    assert_eq!(status(within.clone(), 2, &[]), RuleStatus::NotMet);
    assert_eq!(status(within, 3, &[]), RuleStatus::NotApplicable);
}
