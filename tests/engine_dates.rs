//! Rules as the boards mean them in time (issue 33): a one-time rule due by an earlier renewal is
//! met when done and said honestly when not; a rule in force from a date still ahead is not
//! missing before then.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{evaluate, CredentialStatus, RuleStatus};
use cme_tracker::domain::engine::plan::plan;
use cme_tracker::domain::text::describe::status_sentence;
use cme_tracker::domain::{Credential, ExemptionKind, Recurrence};

const HIV: &str = "hiv_aids";

/// A nurse at her third renewal with an HIV/AIDS hour due once, by the first renewal.
fn nurse() -> Credential {
    credential("Florida RN", "2025-12-01", "2027-11-30")
        .rule(total("total", "24", &[]))
        .rule(topic_min("hiv", "1", &[HIV], &[]).every(Recurrence::OnceWithinFirstCycles { n: 1 }))
        .past_cycle("2023-12-01", "2025-11-30")
        .past_cycle("2021-12-01", "2023-11-30")
        .build()
}

fn words(c: &Credential, acts: &[cme_tracker::domain::Activity]) -> (RuleStatus, String) {
    let ev = evaluate(c, acts, date("2026-06-01"));
    let re = ev.rule("hiv").unwrap().clone();
    let rule = &c.rules[1];
    let text = status_sentence(rule, &re, &|d| d.to_string(), &|a| a.display_short());
    (re.status, text)
}

#[test]
fn a_one_time_rule_past_its_renewal_is_met_when_done_and_said_honestly_when_not() {
    let c = nurse();
    assert!(c.renewal_number() > 1);
    // Never done: no longer asked, and said so.
    let (status, text) = words(&c, &[]);
    assert_eq!(status, RuleStatus::NotApplicable);
    assert!(text.contains("no completion is on record"), "{text}");
    // Done years ago, logged: met.
    let done = activity("2022-03-01")
        .credit("ANCC_CONTACT_HOUR", "1")
        .topic(HIV)
        .build();
    let (status, _) = words(&c, std::slice::from_ref(&done));
    assert_eq!(status, RuleStatus::Met);
    // Answered "already done" at setup: met, with the date she gave.
    let mut answered = nurse();
    answered
        .cycle
        .exemptions
        .push(cme_tracker::domain::Exemption {
            rule_id: "hiv".into(),
            kind: ExemptionKind::DeemedMet,
            reason: "Completed before tracking".into(),
            date: date("2020-04-15"),
        });
    let (status, text) = words(&answered, &[]);
    assert_eq!(status, RuleStatus::DeemedMet);
    assert!(text.contains("2020-04-15"), "{text}");
}

#[test]
fn a_rule_in_force_from_a_date_still_ahead_is_not_missing_before_then() {
    let mut rule = topic_min("organ", "2", &["organ_tissue_donation"], &[]);
    rule.effective_from = Some(date("2026-09-01"));
    let c = credential("Pennsylvania RN", "2025-11-01", "2027-10-31")
        .rule(total("total", "30", &[]))
        .rule(rule.clone())
        .build();
    let ev = evaluate(&c, NO_ACTIVITIES, date("2026-06-01"));
    let re = ev.rule("organ").unwrap();
    assert_eq!(re.status, RuleStatus::NotYetInForce);
    assert!(re.status.is_satisfied());
    let text = status_sentence(&rule, re, &|d| d.to_string(), &|a| a.display_short());
    assert!(text.contains("From 2026-09-01"), "{text}");
    // Only the total is missing today.
    assert_eq!(ev.status, CredentialStatus::NotMet);
    let mut done = c.clone();
    done.rules.remove(0);
    let ev = evaluate(&done, NO_ACTIVITIES, date("2026-06-01"));
    assert_ne!(ev.status, CredentialStatus::NotMet);
    // The plan still names it: it is needed by this renewal.
    let creds = [done];
    let p = plan(&creds, std::slice::from_ref(&ev), true);
    assert_eq!(p.hours, hours("2"));
    // Once the date has come, it is missing like any other.
    let later = evaluate(&creds[0], NO_ACTIVITIES, date("2026-10-01"));
    assert_eq!(later.rule("organ").unwrap().status, RuleStatus::NotMet);
    // A renewal due before the date does not need it at all.
    let mut early = creds[0].clone();
    early.cycle = cme_tracker::domain::Cycle::new(date("2024-07-01"), date("2026-06-30"));
    let ev = evaluate(&early, NO_ACTIVITIES, date("2026-06-01"));
    assert_eq!(ev.rule("organ").unwrap().status, RuleStatus::NotApplicable);
}
