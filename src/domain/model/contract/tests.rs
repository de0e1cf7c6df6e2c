use super::*;
use crate::domain::build::*;

#[test]
fn a_good_activity_passes_and_each_bad_field_is_named_with_its_record() {
    let good = activity("2025-03-01")
        .title("Ethics")
        .credit("AMA_PRA_CAT1", "2")
        .topic("ethics_professional_responsibility")
        .build();
    let mut out = Vec::new();
    check_activity(&good, 0, &mut out);
    assert_eq!(out, vec![]);

    let mut bad = good.clone();
    bad.end = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    bad.credits[0].credit_type = CreditTypeId::new("NOPE");
    bad.topics.push(TopicId::new("astrology"));
    bad.updated_at = bad.created_at - chrono::Duration::days(1);
    check_activity(&bad, 4, &mut out);
    let paths: Vec<&str> = out.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "activities[4].end",
            "activities[4].credits[0].credit_type",
            "activities[4].topics[1]",
            "activities[4].updated_at"
        ]
    );
    assert_eq!(out[0].record.to_string(), "activity 5 “Ethics”");
    assert!(out[0].to_string().contains("9999-12-31"), "{}", out[0]);
}

#[test]
fn rules_outside_the_forms_ranges_are_refused() {
    let mut r = topic_min("ethics", "2", &["ethics_professional_responsibility"], &[]);
    r.recurrence = Recurrence::EveryNCycles { n: 1_000_000 };
    r.label = " ".into();
    let cred = credential("TX", "2025-01-01", "2026-12-31").rule(r).build();
    let mut out = Vec::new();
    check_credential(&cred, 0, &mut out);
    let paths: Vec<&str> = out.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "credentials[0].rules[0].label",
            "credentials[0].rules[0].recurrence.n"
        ]
    );
}

#[test]
fn a_ce_deadline_before_the_cycle_is_refused_and_a_grace_period_is_not() {
    let mut cred = credential("TX", "2025-01-01", "2026-12-31").build();
    cred.cycle.ce_deadline = Some(date("2027-01-30"));
    let mut out = Vec::new();
    check_credential(&cred, 0, &mut out);
    assert_eq!(out, vec![]);
    cred.cycle.ce_deadline = Some(date("2024-12-31"));
    check_credential(&cred, 0, &mut out);
    assert_eq!(out[0].path, "credentials[0].cycle.ce_deadline");
}
