//! What a form accepts, the contract accepts: a valid activity, credential or rule draft always
//! becomes a record that backup import and the stored-format loader take back. (The reverse
//! direction, imports refusing what forms refuse, is the contract's own tests and the fuzz
//! harness.)
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use cme_tracker::domain::build::*;
use cme_tracker::domain::draft::{
    ActivityDraft, CredentialDraft, CreditDraft, RecurrenceChoice, RuleDraft, RuleKindChoice,
};
use cme_tracker::domain::model::contract::{check_activity, check_credential};
use cme_tracker::domain::{ActivityStatus, CreditTypeId, TopicId};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z ]{1,20}",
        (250usize..320).prop_map(|n| "x".repeat(n)),
        (1990usize..2010).prop_map(|n| "y".repeat(n)),
        (4990usize..5010).prop_map(|n| "z".repeat(n)),
        "[a-z]{1,70}(, [a-z]{1,70}){0,35}",
    ]
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1850i32..2250, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (0i32..100).prop_map(|y| format!("{y:04}-01-01")),
        Just("9999-12-31".to_string()),
        Just(String::new()),
        Just("soon".to_string()),
    ]
}

fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..2000).prop_map(|q| format!("{}.{:02}", q * 25 / 100, q * 25 % 100)),
        Just("100000".to_string()),
        Just("-2".to_string()),
        Just("0".to_string()),
    ]
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn a_valid_activity_draft_passes_the_contract(
        title in text(), provider in text(), notes in text(), tags in text(),
        start in date_text(), end in date_text(), amount in amount_text(),
        planned in any::<bool>(),
    ) {
        let d = ActivityDraft {
            title, provider, notes, tags, start, end,
            credits: vec![CreditDraft { credit_type: "AMA_PRA_CAT1".into(), amount }],
            topics: vec![TopicId::new("implicit_bias")],
            status: if planned { ActivityStatus::Planned } else { ActivityStatus::Completed },
            ..ActivityDraft::default()
        };
        if let Ok(valid) = d.validate(now().date_naive()) {
            let a = valid.into_activity(None, uuid::Uuid::new_v4(), now());
            let mut problems = Vec::new();
            check_activity(&a, 0, &mut problems);
            prop_assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn a_valid_credential_and_rule_pass_the_contract(
        name in text(), jurisdiction in text(), number in text(), notes in text(),
        start in date_text(), end in date_text(), deadline in date_text(),
        label in text(), note in text(), amount in amount_text(), carry in amount_text(),
        kind in 0usize..6, recurrence in 0usize..6, n in "[0-9]{1,4}", months in "[0-9]{1,4}",
    ) {
        let d = CredentialDraft {
            name, jurisdiction, number, notes,
            cycle_start: start, cycle_end: end, ce_deadline: deadline,
            ..CredentialDraft::default()
        };
        let Ok(valid) = d.validate() else { return Ok(()); };
        let mut c = valid.into_credential(None, uuid::Uuid::new_v4(), now());
        let rule = RuleDraft {
            label, note, amount,
            carry_over_max: carry,
            kind: [RuleKindChoice::Total, RuleKindChoice::CategoryMin, RuleKindChoice::Cap,
                RuleKindChoice::TopicMin, RuleKindChoice::Completion, RuleKindChoice::PerYear][kind],
            credit_types: vec![CreditTypeId::new("AMA_PRA_CAT1")],
            topics: vec![TopicId::new("implicit_bias")],
            recurrence: [RecurrenceChoice::EveryCycle, RecurrenceChoice::EveryNCycles,
                RecurrenceChoice::EveryNMonths, RecurrenceChoice::OnceEver,
                RecurrenceChoice::FirstCycles, RecurrenceChoice::AfterFirstCycles][recurrence],
            n, months,
            ..RuleDraft::default()
        };
        if let Ok(r) = rule.validate(None, "r1") {
            c.rules.push(r);
        }
        let mut problems = Vec::new();
        check_credential(&c, 0, &mut problems);
        prop_assert!(problems.is_empty(), "{problems:?}");
    }
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
