//! Exported backups validate against the published JSON Schema (docs/backup.schema.json), and
//! broken ones do not — so the schema stays true to what the app writes.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;
use serde_json::Value;

use cme_tracker::domain::build::*;
use cme_tracker::domain::{ExemptionKind, Recurrence};
use cme_tracker::storage::backup::export;
use cme_tracker::storage::{AppData, Goal};

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../docs/backup.schema.json")).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema itself is valid")
}

fn full_data() -> AppData {
    let mut d = AppData::default();
    d.upsert_activity(
        activity("2025-03-01")
            .start("2025-02-27")
            .title("Conference")
            .credit("AMA_PRA_CAT1", "12.5")
            .credit("ABIM_MOC_POINT", "12")
            .topic("ethics_professional_responsibility")
            .planned()
            .build(),
    );
    d.upsert_credential(
        credential("Texas", "2025-02-01", "2027-01-31")
            .deadline("2027-01-15")
            .condition("dea_registrant")
            .past_cycle("2023-02-01", "2025-01-31")
            .rule(total_with_carry_over("total", "48", &[], "24"))
            .rule(
                topic_min(
                    "ethics",
                    "2",
                    &["ethics_professional_responsibility"],
                    &["AMA_PRA_CAT1"],
                )
                .on_top(),
            )
            .rule(
                topic_min("mate", "8", &["substance_use_disorder"], &[])
                    .every(Recurrence::OnceEver)
                    .only_if(&["dea_registrant"]),
            )
            .rule(format_cap(
                "self",
                "10",
                &[cme_tracker::domain::Format::OnDemandOnline],
            ))
            .exemption("ethics", ExemptionKind::Exempt, "Residency")
            .weight("AOA_1A", 150)
            .equivalence("AOA_1A", "AMA_PRA_CAT1")
            .build(),
    );
    d.goals.push(Goal {
        id: uuid::Uuid::new_v4(),
        title: "Safer prescribing".into(),
        notes: "n".into(),
        reflection: "r".into(),
        activity_ids: vec![d.activities[0].id],
        target_date: Some(date("2026-12-31")),
        need: Some(cme_tracker::domain::model::learning::NeedSource::PracticeGap),
        target_hours: Some(hours("2.5")),
        topics: vec![cme_tracker::domain::TopicId::new("implicit_bias")],
        credit_type: Some(cme_tracker::domain::CreditTypeId::new("AMA_PRA_CAT1")),
        status: cme_tracker::domain::model::learning::GoalStatus::Active,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    });
    let gone = activity("2024-01-01").build();
    d.upsert_activity(gone.clone());
    d.remove_activity(gone.id, Utc::now());
    d.settings.last_backup_at = Some(Utc::now());
    d
}

#[test]
fn exported_files_validate_against_the_schema() {
    let v = validator();
    for data in [AppData::default(), full_data()] {
        let file: Value = serde_json::from_str(&export(&data, "0.1.0", Utc::now())).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&file)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn broken_files_do_not_validate() {
    let v = validator();
    let good: Value = serde_json::from_str(&export(&full_data(), "0.1.0", Utc::now())).unwrap();
    let mut wrong_format = good.clone();
    wrong_format["format"] = "something-else".into();
    let mut bad_amount = good.clone();
    bad_amount["activities"][0]["credits"][0]["amount"] = "two".into();
    let mut bad_status = good.clone();
    bad_status["activities"][0]["status"] = "maybe".into();
    let mut extra = good.clone();
    extra["surprise"] = true.into();
    for bad in [wrong_format, bad_amount, bad_status, extra] {
        assert!(!v.is_valid(&bad));
    }
}
