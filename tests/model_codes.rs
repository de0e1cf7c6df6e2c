//! Every coded enum's code is its serde name: selects, filters, CSV columns and backups read the
//! same code, and each reads back to its value.

use cme_tracker::domain::formats::spreadsheet::{DateOrder, Target};
use cme_tracker::domain::model::codes::Coded;
use cme_tracker::domain::model::learning::{Changed, GoalStatus, NeedSource};
use cme_tracker::domain::model::pathway::EvidenceKind;
use cme_tracker::domain::model::rule::{RecurrenceChoice, RuleKindChoice};
use cme_tracker::domain::{
    Accreditor, ActivityStatus, CredentialKind, ExemptionKind, Format, RenewalAnswer,
};
use serde::de::DeserializeOwned;
use std::fmt::Debug;

fn check<T: Coded + DeserializeOwned + Debug>() -> usize {
    let mut seen = std::collections::HashSet::new();
    for v in T::ALL {
        let code = v.code();
        assert!(!code.is_empty(), "{v:?}");
        assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(code));
        assert_eq!(
            serde_json::from_value::<T>(serde_json::json!(code)).unwrap(),
            *v
        );
        assert_eq!(T::from_code(code), Some(*v));
        assert!(seen.insert(code), "{code} twice");
    }
    assert_eq!(T::from_code("no such code"), None);
    T::ALL.len()
}

#[test]
fn every_code_is_the_serde_name() {
    let values = check::<Accreditor>()
        + check::<Format>()
        + check::<ActivityStatus>()
        + check::<CredentialKind>()
        + check::<ExemptionKind>()
        + check::<RenewalAnswer>()
        + check::<RuleKindChoice>()
        + check::<RecurrenceChoice>()
        + check::<Target>()
        + check::<DateOrder>()
        + check::<NeedSource>()
        + check::<GoalStatus>()
        + check::<Changed>()
        + check::<EvidenceKind>();
    assert!(values > 60, "{values}");
    assert_eq!(Format::LiveInPerson.code(), "live_in_person");
    assert_eq!(RuleKindChoice::CategoryMin.code(), "category_min");
}

/// Lists show values in declaration order: the rule editor's kinds as a clinician reads them.
#[test]
fn lists_follow_declaration_order() {
    assert_eq!(
        RuleKindChoice::ALL
            .iter()
            .map(|k| k.code())
            .collect::<Vec<_>>(),
        [
            "total",
            "category_min",
            "topic_min",
            "cap",
            "completion",
            "per_year"
        ]
    );
    assert_eq!(
        ActivityStatus::ALL,
        [ActivityStatus::Completed, ActivityStatus::Planned]
    );
}
