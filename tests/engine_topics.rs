//! Hours per topic, topic groups and excluded topics (issue 13), checked natively.
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{counts_toward, evaluate, Evaluation, Reason};
use cme_tracker::domain::text::describe::{reason_text, rule_sentence};
use cme_tracker::domain::{Activity, Credential, Format, TopicId};

const CAT1: &str = "AMA_PRA_CAT1";
const MOC: &str = "ABIM_MOC_POINT";
const GERI: &str = "geriatrics";
const TODAY: &str = "2026-06-01";

fn eval(c: &Credential, acts: &[Activity]) -> Evaluation {
    evaluate(c, acts, date(TODAY))
}

fn ca_like() -> Credential {
    credential("CA", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[CAT1]))
        .rule(topic_min("geriatrics", "10", &[GERI], &[]))
        .build()
}

#[test]
fn a_topic_counts_only_the_hours_spent_on_it() {
    // The 21-hour conference with about 6 hours on geriatrics.
    let conf = activity("2025-05-01")
        .credit(CAT1, "21")
        .topic_hours(GERI, "6")
        .build();
    let c = ca_like();
    let ev = eval(&c, std::slice::from_ref(&conf));
    assert_eq!(ev.rule("geriatrics").unwrap().counted, hours("6"));
    // The whole conference still counts toward the total.
    assert_eq!(ev.rule("total").unwrap().counted, hours("21"));
    // Where it counts says why only part of it does.
    let why = counts_toward(&conf, std::slice::from_ref(&c), std::slice::from_ref(&ev));
    assert_eq!(why[1].amount, Some(hours("6")));
    assert_eq!(
        reason_text(
            why[1].reason.as_ref().unwrap(),
            cme_tracker::domain::model::vocab::Unit::Hour,
            &|d| d.to_string()
        ),
        "Only its 6 hours on the topic count."
    );
    assert_eq!(why[0].reason, None);
}

#[test]
fn a_topic_without_hours_takes_the_whole_activity() {
    let course = activity("2025-05-01").credit(CAT1, "4").topic(GERI).build();
    let ev = eval(&ca_like(), &[course]);
    assert_eq!(ev.rule("geriatrics").unwrap().counted, hours("4"));
}

#[test]
fn topic_hours_count_pro_rata_in_each_designation() {
    // 10 h of Category 1 and 8 MOC points; 5 of the 10 hours on geriatrics: half of each.
    let c = credential("ABIM", "2025-01-01", "2026-12-31")
        .rule(topic_min("geri_moc", "3", &[GERI], &[MOC]))
        .rule(topic_min("geri_cat1", "3", &[GERI], &[CAT1]))
        .build();
    let a = activity("2025-05-01")
        .credit(CAT1, "10")
        .credit(MOC, "8")
        .topic_hours(GERI, "5")
        .build();
    let ev = eval(&c, &[a]);
    assert_eq!(ev.rule("geri_moc").unwrap().counted, hours("4"));
    assert_eq!(ev.rule("geri_cat1").unwrap().counted, hours("5"));
}

#[test]
fn a_rule_naming_a_group_counts_its_members() {
    let c = credential("PA", "2025-01-01", "2026-12-31")
        .rule(topic_min(
            "psrm",
            "12",
            &["patient_safety_risk_management"],
            &[],
        ))
        .build();
    let acts = vec![
        activity("2025-03-01")
            .credit(CAT1, "2")
            .topic("ethics_professional_responsibility")
            .build(),
        activity("2025-03-02")
            .credit(CAT1, "3")
            .topic("risk_management")
            .build(),
        activity("2025-03-03")
            .credit(CAT1, "1")
            .topic("patient_safety_risk_management")
            .build(),
        activity("2025-03-04")
            .credit(CAT1, "5")
            .topic("geriatrics")
            .build(),
    ];
    let ev = eval(&c, &acts);
    assert_eq!(ev.rule("psrm").unwrap().counted, hours("6"));
    let why = counts_toward(
        &acts[3],
        std::slice::from_ref(&c),
        std::slice::from_ref(&ev),
    );
    assert_eq!(
        why[0].reason,
        Some(Reason::TopicMissing {
            needed: vec![TopicId::new("patient_safety_risk_management")],
            had: vec![TopicId::new("geriatrics")],
        })
    );
}

#[test]
fn hours_on_an_excluded_topic_do_not_count() {
    let mut psrm = topic_min("psrm", "12", &["patient_safety_risk_management"], &[]);
    psrm.excludes_topics = vec![TopicId::new("child_abuse")];
    let c = credential("PA", "2025-01-01", "2026-12-31")
        .rule(total("total", "100", &[]))
        .rule(psrm)
        .build();
    let acts = vec![
        // Wholly on child abuse as well: nothing counts toward the 12.
        activity("2025-03-01")
            .credit(CAT1, "2")
            .topic("risk_management")
            .topic("child_abuse")
            .build(),
        // 3 hours, 1 on child abuse: 2 count.
        activity("2025-03-02")
            .credit(CAT1, "3")
            .topic("risk_management")
            .topic_hours("child_abuse", "1")
            .build(),
    ];
    let ev = eval(&c, &acts);
    assert_eq!(ev.rule("psrm").unwrap().counted, hours("2"));
    // They all still count toward the total.
    assert_eq!(ev.rule("total").unwrap().counted, hours("5"));
    let why = counts_toward(
        &acts[0],
        std::slice::from_ref(&c),
        std::slice::from_ref(&ev),
    );
    let reason = why[1].reason.clone().unwrap();
    assert_eq!(
        reason,
        Reason::TopicExcluded {
            topics: vec![TopicId::new("child_abuse")]
        }
    );
    assert_eq!(
        reason_text(
            &reason,
            cme_tracker::domain::model::vocab::Unit::Hour,
            &|d| d.to_string()
        ),
        "Hours on child abuse recognition & reporting do not count here."
    );
    assert!(rule_sentence(&c.rules[1])
        .contains("hours on child abuse recognition & reporting do not count"));
}

#[test]
fn a_total_excluding_a_topic_counts_the_rest_of_each_activity() {
    let mut t = total("total", "10", &[]);
    t.excludes_topics = vec![TopicId::new("practice_management")];
    let c = credential("X", "2025-01-01", "2026-12-31").rule(t).build();
    let acts = vec![activity("2025-03-01")
        .credit(CAT1, "8")
        .topic_hours("practice_management", "3")
        .build()];
    assert_eq!(eval(&c, &acts).rule("total").unwrap().counted, hours("5"));
}

#[test]
fn a_topic_cap_limits_only_the_hours_on_its_topic() {
    let mut cap = format_cap("pm_cap", "2", &[]);
    if let cme_tracker::domain::RuleKind::Cap { topics, .. } = &mut cap.kind {
        *topics = vec![TopicId::new("practice_management")];
    }
    let c = credential("CA", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[]))
        .rule(cap)
        .build();
    // 10 h of which 4 on practice management: the cap lets 2 of those 4 count, so 8 count.
    let acts = vec![activity("2025-03-01")
        .credit(CAT1, "10")
        .format(Format::Conference)
        .topic_hours("practice_management", "4")
        .build()];
    let ev = eval(&c, &acts);
    assert_eq!(ev.rule("total").unwrap().counted, hours("8"));
    // The cap is full: 2 of its 2 hours used, the other 2 practice-management hours over it.
    assert_eq!(ev.rule("pm_cap").unwrap().counted, hours("2"));
}

#[test]
fn the_course_on_opioids_names_what_the_rule_needed() {
    // The 12-hour course ticked with the obvious topic does not meet California's 12 hours of
    // pain management & care of the terminally ill, and says why in words.
    let c = credential("CA", "2025-01-01", "2026-12-31")
        .rule(topic_min(
            "pain",
            "12",
            &["pain_management_end_of_life_care"],
            &[],
        ))
        .build();
    let course = activity("2025-03-01")
        .credit(CAT1, "12")
        .topic("pain_management_opioids")
        .build();
    let ev = eval(&c, std::slice::from_ref(&course));
    let why = counts_toward(&course, std::slice::from_ref(&c), std::slice::from_ref(&ev));
    assert_eq!(
        reason_text(why[0].reason.as_ref().unwrap(), cme_tracker::domain::model::vocab::Unit::Hour, &|d| d.to_string()),
        "Needs pain management & care of the terminally ill; this activity is on pain management & opioid prescribing."
    );
}

#[test]
fn a_credential_without_requirements_is_never_met_or_on_track() {
    use cme_tracker::domain::engine::evaluate::CredentialStatus;
    let c = credential("New license", "2025-01-01", "2026-12-31").build();
    let ev = eval(&c, &[activity("2025-03-01").credit(CAT1, "10").build()]);
    assert_eq!(ev.status, CredentialStatus::NoRequirements);
    assert_eq!(ev.what_if().status, CredentialStatus::NoRequirements);
    assert!(!ev.is_overdue());
}

#[test]
fn what_if_figures_that_count_planned_activities_are_marked_projected() {
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .rule(total("total", "10", &[]))
        .rule(topic_min("geri", "2", &[GERI], &[]))
        .build();
    let acts = vec![
        activity("2025-03-01").credit(CAT1, "4").topic(GERI).build(),
        activity("2026-09-01").credit(CAT1, "6").planned().build(),
    ];
    let w = eval(&c, &acts).what_if();
    assert!(w.projected);
    assert!(w.rule("total").unwrap().projected);
    // Geriatrics is met by completed work alone: not a projection.
    assert!(!w.rule("geri").unwrap().projected);
}

#[test]
fn points_rules_speak_in_points() {
    let r = total("moc", "100", &[MOC]);
    assert_eq!(
        rule_sentence(&r),
        "At least 100 points in total, ABIM MOC points, every cycle."
    );
}
