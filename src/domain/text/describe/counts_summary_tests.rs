use super::*;
use crate::domain::build::*;
use crate::domain::engine::evaluate::{counts_toward, evaluate_all};

#[test]
fn each_credential_gets_one_line_naming_what_the_activity_counts_toward() {
    let a = activity("2026-03-10").credit("AMA_PRA_CAT1", "1.5").build();
    let tx = credential("TX", "2025-02-01", "2027-01-31")
        .rule(total("total", "48", &[]))
        .rule(category_min("cat1", "24", &["AMA_PRA_CAT1"]))
        .rule(topic_min("opioids", "3", &["pain_management_opioids"], &[]))
        .build();
    let ca = credential("CA", "2025-02-01", "2027-01-31")
        .rule(topic_min("bias", "1", &["implicit_bias"], &[]))
        .build();
    let old = credential("NY", "2020-01-01", "2021-12-31")
        .rule(total("total", "10", &[]))
        .rule(category_min("cat1", "5", &["AMA_PRA_CAT1"]))
        .build();
    let ny = credential("NY now", "2025-01-01", "2026-12-31")
        .rule(total("total", "10", &[]))
        .build();
    let creds = vec![tx, ca, old, ny];
    let acts = vec![a.clone()];
    let evs = evaluate_all(&creds, &acts, date("2026-06-01"));
    let rows = counts_toward(&a, &creds, &evs);
    let line = |name: &str| {
        let mine: Vec<_> = rows
            .iter()
            .filter(|r| r.credential_name == name)
            .cloned()
            .collect();
        counts_summary(&mine, &|x| x.display_short())
    };
    // Each amount in its rule's unit: hours for the total, credits for the category.
    let part = |id: &str| {
        let r = rows
            .iter()
            .find(|r| r.credential_name == "TX" && r.rule_id == id)
            .unwrap();
        format!("{} (1.5 {})", r.rule_label, r.unit.abbrev())
    };
    assert_eq!(
        line("TX"),
        format!(
            "Counts toward 2 of 3 requirements: {}, {}.",
            part("total"),
            part("cat1")
        )
    );
    assert!(line("TX").contains("(1.5 h)") && line("TX").contains("(1.5 cr)"));
    assert_eq!(line("CA"), "Does not count toward its requirement.");
    assert_eq!(
        line("NY"),
        "Does not count toward any of its 2 requirements."
    );
    assert!(line("NY now").starts_with("Counts toward its requirement: "));
    assert!(line("NY now").ends_with(" (1.5 h)."));
    assert_eq!(
        counts_summary(&[], &|x| x.display_short()),
        "No requirements entered yet."
    );
    let both: Vec<_> = rows
        .iter()
        .filter(|r| r.credential_name == "TX" && r.rule_id != "opioids")
        .cloned()
        .collect();
    assert!(counts_summary(&both, &|x| x.display_short())
        .starts_with("Counts toward all 2 requirements: "));
}
