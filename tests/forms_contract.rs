//! What a form accepts, the contract accepts: a valid activity, credential or rule draft always
//! becomes a record that backup import and the stored-format loader take back. (The reverse
//! direction, imports refusing what forms refuse, is the contract's own tests and the fuzz
//! harness.)
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

use cme_tracker::domain::model::codes::Coded;

use cme_tracker::domain::build::*;
use cme_tracker::domain::draft::{
    ActivityDraft, CredentialDraft, CreditDraft, RecurrenceChoice, RuleDraft, RuleKindChoice,
};
use cme_tracker::domain::model::contract::{check_activity, check_credential};
use cme_tracker::domain::{ActivityStatus, CreditTypeId, TopicId};

/// Text for a field of at most `max` characters: mostly words, often right at the limit, now
/// and then just over it (which the form refuses).
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z][a-zA-Z ]{0,40}",
        2 => (max.saturating_sub(3).max(1)..=max).prop_map(|n| "x".repeat(n)),
        1 => (max + 1..max + 5).prop_map(|n| "y".repeat(n)),
    ]
}

/// A date as typed: mostly real dates of a career, sometimes outside 1900-2200 or not a date.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (1990i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => prop_oneof![
            (1850i32..1900).prop_map(|y| format!("{y:04}-01-01")),
            Just("9999-12-31".to_string()),
            Just("soon".to_string()),
        ],
    ]
}

/// An amount as typed: mostly quarter hours up to 100, sometimes too large, negative or zero.
fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (1i64..400).prop_map(|q| format!("{}.{:02}", q * 25 / 100, q * 25 % 100)),
        1 => prop_oneof![Just("100000".to_string()), Just("-2".to_string()), Just("0".to_string())],
    ]
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
}

/// Runs `cases` drafts from `strategy` through `law`, which says whether the draft was valid
/// (and checks what must hold for it); returns how many were.
fn valid_cases<S: Strategy>(
    cases: u32,
    strategy: S,
    law: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> u32 {
    let valid = std::cell::Cell::new(0);
    let mut runner = TestRunner::new(ProptestConfig::with_cases(cases));
    runner
        .run(&strategy, |v| {
            if law(v)? {
                valid.set(valid.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    valid.get()
}

const CASES: u32 = 600;

#[test]
fn a_valid_activity_draft_passes_the_contract() {
    let drafts = (
        (text(300), text(200), text(5000), text(60)),
        (
            date_text(),
            prop_oneof![Just(String::new()), date_text()],
            amount_text(),
        ),
        any::<bool>(),
    );
    let valid = valid_cases(
        CASES,
        drafts,
        |((title, provider, notes, tags), (start, end, amount), planned)| {
            let d = ActivityDraft {
                title,
                provider,
                notes,
                tags,
                start,
                end,
                credits: vec![CreditDraft {
                    credit_type: "AMA_PRA_CAT1".into(),
                    amount,
                }],
                topics: vec![TopicId::new("implicit_bias")],
                status: if planned {
                    ActivityStatus::Planned
                } else {
                    ActivityStatus::Completed
                },
                ..ActivityDraft::default()
            };
            let Ok(valid) = d.validate(now().date_naive()) else {
                return Ok(false);
            };
            let a = valid.into_activity(None, uuid::Uuid::new_v4(), now());
            let mut problems = Vec::new();
            check_activity(&a, 0, &mut problems);
            prop_assert!(problems.is_empty(), "{problems:?}");
            Ok(true)
        },
    );
    // The law is only as strong as the drafts that reach it.
    eprintln!("{valid} of {CASES} activity drafts valid");
    assert!(
        valid >= CASES / 4,
        "only {valid} of {CASES} activity drafts were valid"
    );
}

/// A credential's cycle as typed: mostly a start and an end up to ten years later, with or
/// without a CE deadline a little after the end.
fn cycle_text() -> impl Strategy<Value = (String, String, String)> {
    let real = (
        1995i32..2028,
        1u32..13,
        1u32..29,
        30i64..3650,
        prop_oneof![Just(None), (0i64..300).prop_map(Some)],
    )
        .prop_map(|(y, m, d, days, grace)| {
            let start = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let end = start + chrono::Duration::days(days);
            let deadline = grace
                .map(|g| (end + chrono::Duration::days(g)).to_string())
                .unwrap_or_default();
            (start.to_string(), end.to_string(), deadline)
        });
    prop_oneof![8 => real, 1 => (date_text(), date_text(), date_text())]
}

#[test]
fn a_valid_credential_and_rule_pass_the_contract() {
    let drafts = (
        (text(200), text(100), text(60), text(5000)),
        cycle_text(),
        (
            text(120),
            text(2000),
            amount_text(),
            prop_oneof![Just(String::new()), amount_text()],
        ),
        (
            0usize..6,
            0usize..6,
            prop_oneof![4 => (1u32..=20).prop_map(|n| n.to_string()), 1 => "[0-9]{1,4}"],
            prop_oneof![4 => (1u32..=240).prop_map(|n| n.to_string()), 1 => "[0-9]{1,4}"],
        ),
    );
    let rules = std::cell::Cell::new(0u32);
    let valid = valid_cases(
        CASES,
        drafts,
        |(
            (name, jurisdiction, number, notes),
            (start, end, deadline),
            (label, note, amount, carry),
            (kind, recurrence, n, months),
        )| {
            let d = CredentialDraft {
                name,
                jurisdiction,
                number,
                notes,
                cycle_start: start,
                cycle_end: end,
                ce_deadline: deadline,
                ..CredentialDraft::default()
            };
            let Ok(valid) = d.validate() else {
                return Ok(false);
            };
            let mut c = valid.into_credential(None, uuid::Uuid::new_v4(), now());
            let rule = RuleDraft {
                label,
                note,
                amount,
                carry_over_max: carry,
                kind: RuleKindChoice::ALL[kind],
                credit_types: vec![CreditTypeId::new("AMA_PRA_CAT1")],
                topics: vec![TopicId::new("implicit_bias")],
                recurrence: [
                    RecurrenceChoice::EveryCycle,
                    RecurrenceChoice::EveryNCycles,
                    RecurrenceChoice::EveryNMonths,
                    RecurrenceChoice::OnceEver,
                    RecurrenceChoice::FirstCycles,
                    RecurrenceChoice::AfterFirstCycles,
                ][recurrence],
                n,
                months,
                ..RuleDraft::default()
            };
            if let Ok(r) = rule.validate(None, "r1") {
                c.rules.push(r);
                rules.set(rules.get() + 1);
            }
            let mut problems = Vec::new();
            check_credential(&c, 0, &mut problems);
            prop_assert!(problems.is_empty(), "{problems:?}");
            Ok(true)
        },
    );
    eprintln!(
        "{valid} of {CASES} credential drafts valid, {} rules",
        rules.get()
    );
    assert!(
        valid >= CASES / 4,
        "only {valid} of {CASES} credential drafts were valid"
    );
    assert!(
        rules.get() >= CASES / 8,
        "only {} of {CASES} rule drafts were valid",
        rules.get()
    );
}

#[test]
fn forms_refuse_what_the_probe_imported() {
    // A date outside 1900-2200, as the probe's 9999-12-31.
    let d = ActivityDraft {
        title: "X".into(),
        start: "9999-12-31".into(),
        status: ActivityStatus::Planned,
        credits: vec![CreditDraft {
            credit_type: "AMA_PRA_CAT1".into(),
            amount: "1".into(),
        }],
        ..ActivityDraft::default()
    };
    let errors = d.validate(date("2026-11-30")).unwrap_err();
    assert_eq!(errors[0].message, "Enter a date between 1900 and 2200.");
    // A 5,000-character credential name.
    let c = CredentialDraft {
        name: "n".repeat(5000),
        cycle_start: "2025-01-01".into(),
        cycle_end: "2026-12-31".into(),
        ..CredentialDraft::default()
    };
    let errors = c.validate().unwrap_err();
    assert_eq!(
        errors[0].message,
        "Keep the name to 200 characters (it has 5000)."
    );
}
