//! Real requirement bodies, encoded by hand from ../shared/reference/requirements_facts.md (the
//! preset catalog of issue 6 ships the same facts as data): for each, a compliant clinician and a
//! deficient one with the exact hours still needed and the rules that fail.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{evaluate, CredentialStatus, Evaluation, RuleStatus};
use cme_tracker::domain::{Activity, Amount, Credential, CredentialKind, Recurrence};

const CAT1: &str = "AMA_PRA_CAT1";
const CAT2: &str = "AMA_PRA_CAT2";

fn eval(c: &Credential, acts: &[Activity], today: &str) -> Evaluation {
    evaluate(c, acts, date(today))
}

/// The rules that are not met, with what each still needs, sorted by rule id.
fn failing(ev: &Evaluation) -> Vec<(String, Amount)> {
    let mut v: Vec<(String, Amount)> = ev
        .rules
        .iter()
        .filter(|r| r.status == RuleStatus::NotMet)
        .map(|r| (r.rule_id.clone(), r.remaining))
        .collect();
    v.sort();
    v
}

fn need(list: &[(&str, &str)]) -> Vec<(String, Amount)> {
    let mut v: Vec<(String, Amount)> = list
        .iter()
        .map(|(id, h)| (id.to_string(), hours(h)))
        .collect();
    v.sort();
    v
}

fn cme(end: &str, code: &str, h: &str) -> Activity {
    activity(end).credit(code, h).build()
}

fn on(end: &str, topic: &str, code: &str, h: &str) -> Activity {
    activity(end).topic(topic).credit(code, h).build()
}

/// Texas Medical Board: 48 h per 24 months, ≥ 24 formal (Cat 1 / AOA 1-A / AAFP Prescribed /
/// TMA-approved), informal + Cat 2 at most 24, 2 h ethics (formal), opioids 2 h in the first two
/// renewals then every 8 years, human trafficking 1 h (direct patient care), carry-over up to 48
/// excluding topic hours.
fn texas(renewal: u32) -> Credential {
    let formal = [CAT1, "AOA_1A", "AAFP_PRESCRIBED", "TMA_APPROVED"];
    let mut b = credential("Texas Medical Board", "2025-02-01", "2027-01-31")
        .condition("direct_patient_care")
        .rule(total_with_carry_over("total", "48", &[], "48"))
        .rule(category_min("formal", "24", &formal))
        .rule(type_cap("informal_cap", "24", &["INFORMAL", CAT2]))
        .rule(topic_min(
            "ethics",
            "2",
            &["ethics_professional_responsibility"],
            &formal[..3],
        ))
        .rule(
            topic_min("opioids_first", "2", &["pain_management_opioids"], &[])
                .every(Recurrence::FirstCycles { n: 2 })
                .only_if(&["direct_patient_care"]),
        )
        .rule(
            topic_min("opioids", "2", &["pain_management_opioids"], &[])
                .every(Recurrence::AfterFirstCycles {
                    after: 2,
                    months: 96,
                })
                .only_if(&["direct_patient_care"]),
        )
        .rule(
            topic_min("trafficking", "1", &["human_trafficking"], &[])
                .every(Recurrence::EveryNCycles { n: 3 })
                .only_if(&["direct_patient_care"]),
        );
    if renewal == 1 {
        b = b.first_renewal();
    }
    for k in 1..renewal {
        let start = 2025 - 2 * k as i32;
        b = b.past_cycle(&format!("{start}-02-01"), &format!("{}-01-31", start + 2));
    }
    b.build()
}

#[test]
fn texas_compliant_and_deficient() {
    let c = texas(3);
    let ok = vec![
        cme("2025-03-01", CAT1, "30"),
        on(
            "2025-04-01",
            "ethics_professional_responsibility",
            CAT1,
            "2",
        ),
        on("2020-05-01", "pain_management_opioids", CAT1, "2"),
        on("2025-06-01", "human_trafficking", CAT1, "1"),
        cme("2026-01-01", CAT2, "15"),
    ];
    let ev = eval(&c, &ok, "2026-10-01");
    assert_eq!(failing(&ev), need(&[]));
    assert_eq!(
        ev.rule("opioids_first").unwrap().status,
        RuleStatus::NotApplicable
    );
    assert_eq!(ev.status, CredentialStatus::Met);

    // 20 formal + 1 ethics (Cat 2, so not formal) + 30 Cat 2 (24 count) + nothing on opioids or
    // trafficking: total 44 of 48, formal 20 of 24, ethics 0 of 2 formal.
    let short = vec![
        cme("2025-03-01", CAT1, "20"),
        on(
            "2025-04-01",
            "ethics_professional_responsibility",
            CAT2,
            "1",
        ),
        cme("2026-01-01", CAT2, "29"),
    ];
    let ev = eval(&c, &short, "2026-10-01");
    assert_eq!(
        failing(&ev),
        need(&[
            ("ethics", "2"),
            ("formal", "4"),
            ("opioids", "2"),
            ("total", "4"),
            ("trafficking", "1")
        ])
    );
}

#[test]
fn texas_opioid_hours_first_two_renewals_then_every_eight_years_and_carry_over() {
    let first = texas(1);
    let ev = eval(&first, &[], "2026-10-01");
    assert_eq!(ev.rule("opioids_first").unwrap().remaining, hours("2"));
    assert_eq!(
        ev.rule("opioids").unwrap().status,
        RuleStatus::NotApplicable
    );
    // Third renewal: opioid hours from 2018 are older than 8 years before 31 Jan 2027.
    let third = texas(3);
    let old = vec![on("2018-12-01", "pain_management_opioids", CAT1, "2")];
    assert_eq!(
        eval(&third, &old, "2026-10-01")
            .rule("opioids")
            .unwrap()
            .remaining,
        hours("2")
    );
    // Carry-over: 60 plain hours last cycle → 12 excess carried; topic hours never carried.
    let prev = vec![
        cme("2024-03-01", CAT1, "60"),
        on(
            "2024-04-01",
            "ethics_professional_responsibility",
            CAT1,
            "10",
        ),
    ];
    let r = eval(&third, &prev, "2026-10-01")
        .rule("total")
        .unwrap()
        .clone();
    assert_eq!(r.carried_over, hours("22"));
    assert_eq!(r.remaining, hours("26"));
}

/// Florida Board of Medicine: 40 h Cat 1 per 24 months, 2 h medical errors, 2 h controlled
/// substances (DEA registrants), 2 h domestic violence every third renewal, 1 h HIV/AIDS once.
fn florida() -> Credential {
    credential("Florida Board of Medicine", "2025-02-01", "2027-01-31")
        .condition("dea_registrant")
        .past_cycle("2023-02-01", "2025-01-31")
        .past_cycle("2021-02-01", "2023-01-31")
        .rule(total("total", "40", &[CAT1]))
        .rule(topic_min(
            "errors",
            "2",
            &["medical_errors_patient_safety"],
            &[],
        ))
        .rule(
            topic_min(
                "controlled",
                "2",
                &["controlled_substance_prescribing"],
                &[],
            )
            .only_if(&["dea_registrant"]),
        )
        .rule(
            topic_min("dv", "2", &["domestic_violence"], &[])
                .every(Recurrence::EveryNCycles { n: 3 }),
        )
        .rule(topic_min("hiv", "1", &["hiv_aids"], &[CAT1]).every(Recurrence::OnceEver))
        .build()
}

#[test]
fn florida_compliant_and_deficient_with_domestic_violence_every_third_renewal() {
    let c = florida();
    let ok = vec![
        cme("2025-03-01", CAT1, "33"),
        on("2025-04-01", "medical_errors_patient_safety", CAT1, "2"),
        on("2025-05-01", "controlled_substance_prescribing", CAT1, "2"),
        on("2021-09-01", "domestic_violence", CAT1, "2"),
        on("2010-01-01", "hiv_aids", CAT1, "1"),
        on("2026-01-01", "pain_management_opioids", CAT1, "3"),
    ];
    assert_eq!(failing(&eval(&c, &ok, "2026-10-01")), need(&[]));
    let short = vec![
        cme("2025-03-01", CAT1, "30"),
        on("2025-04-01", "medical_errors_patient_safety", CAT1, "1"),
        on("2020-09-01", "domestic_violence", CAT1, "2"),
        on("2010-01-01", "hiv_aids", CAT2, "1"),
    ];
    assert_eq!(
        failing(&eval(&c, &short, "2026-10-01")),
        need(&[
            ("controlled", "2"),
            ("dv", "2"),
            ("errors", "1"),
            ("hiv", "1"),
            ("total", "9")
        ])
    );
}

/// Medical Board of California: 50 h Cat 1 / AAFP Prescribed per 24 months; a one-time 12 h
/// pain management and end-of-life course (not pathologists or radiologists).
fn california(conditions: &[&str]) -> Credential {
    let mut b = credential("Medical Board of California", "2025-03-01", "2027-02-28")
        .rule(total("total", "50", &[CAT1, "AAFP_PRESCRIBED"]))
        .rule({
            let mut r = topic_min(
                "pain_eol",
                "12",
                &["pain_management_end_of_life_care"],
                &[CAT1, "AAFP_PRESCRIBED"],
            )
            .every(Recurrence::OnceEver);
            r.applies_if.none = vec!["pathologist_or_radiologist".into()];
            r
        });
    for c in conditions {
        b = b.condition(c);
    }
    b.build()
}

#[test]
fn california_compliant_and_deficient_and_the_one_time_pain_course() {
    let c = california(&[]);
    let ok = vec![
        cme("2025-06-01", CAT1, "50"),
        on("2019-05-01", "pain_management_end_of_life_care", CAT1, "12"),
    ];
    assert_eq!(failing(&eval(&c, &ok, "2026-10-01")), need(&[]));
    let short = vec![
        cme("2025-06-01", CAT1, "41.5"),
        on("2019-05-01", "pain_management_end_of_life_care", CAT1, "8"),
        cme("2025-07-01", CAT2, "10"),
    ];
    assert_eq!(
        failing(&eval(&c, &short, "2026-10-01")),
        need(&[("pain_eol", "4"), ("total", "8.5")])
    );
    let radiologist = california(&["pathologist_or_radiologist"]);
    assert_eq!(
        eval(&radiologist, &short, "2026-10-01")
            .rule("pain_eol")
            .unwrap()
            .status,
        RuleStatus::NotApplicable
    );
}

/// Pennsylvania State Board of Medicine: 100 h (Cat 1 or 2) per 24 months, ≥ 20 Cat 1, 12 h
/// patient safety / risk management, 2 h child abuse recognition, 2 h opioids (prescribers).
fn pennsylvania() -> Credential {
    credential(
        "Pennsylvania State Board of Medicine",
        "2025-01-01",
        "2026-12-31",
    )
    .condition("prescribes_controlled_substances")
    .rule(total("total", "100", &[CAT1, CAT2]))
    .rule(category_min("cat1", "20", &[CAT1]))
    .rule(topic_min(
        "safety",
        "12",
        &["medical_errors_patient_safety"],
        &[],
    ))
    .rule(topic_min("child_abuse", "2", &["child_abuse"], &[]))
    .rule(
        topic_min("opioids", "2", &["pain_management_opioids"], &[])
            .only_if(&["prescribes_controlled_substances"]),
    )
    .build()
}

#[test]
fn pennsylvania_compliant_and_deficient() {
    let c = pennsylvania();
    let ok = vec![
        cme("2025-02-01", CAT1, "20"),
        on("2025-03-01", "medical_errors_patient_safety", CAT2, "12"),
        on("2025-04-01", "child_abuse", CAT1, "2"),
        on("2025-05-01", "pain_management_opioids", CAT1, "2"),
        cme("2026-02-01", CAT2, "64"),
    ];
    assert_eq!(failing(&eval(&c, &ok, "2026-10-01")), need(&[]));
    let short = vec![
        cme("2025-02-01", CAT1, "15"),
        on("2025-03-01", "medical_errors_patient_safety", CAT2, "10"),
        cme("2026-02-01", CAT2, "60"),
        // ANCC hours are not accepted by this board's total.
        cme("2026-03-01", "ANCC_CONTACT_HOUR", "20"),
    ];
    assert_eq!(
        failing(&eval(&c, &short, "2026-10-01")),
        need(&[
            ("cat1", "5"),
            ("child_abuse", "2"),
            ("opioids", "2"),
            ("safety", "2"),
            ("total", "15")
        ])
    );
}

/// DEA MATE Act: 8 h on substance use disorders once, for DEA registrants; met by earlier
/// training (any date) or by addiction board certification / a recent qualifying degree.
fn mate(conditions: &[&str]) -> Credential {
    let mut b = credential("DEA registration", "2025-06-01", "2028-05-31")
        .kind(CredentialKind::DeaRegistration)
        .rule(
            topic_min("mate", "8", &["substance_use_disorder"], &[])
                .every(Recurrence::OnceEver)
                .only_if(&["dea_registrant"])
                .deemed_met_if(&[
                    "addiction_board_certified",
                    "recent_graduate_sud_curriculum",
                ]),
        );
    for c in conditions {
        b = b.condition(c);
    }
    b.build()
}

#[test]
fn mate_act_compliant_deficient_earlier_training_and_board_certification() {
    let c = mate(&["dea_registrant"]);
    let earlier = vec![
        on("2021-03-01", "substance_use_disorder", CAT1, "5"),
        on(
            "2025-07-01",
            "substance_use_disorder",
            "ANCC_CONTACT_HOUR",
            "3",
        ),
    ];
    assert_eq!(failing(&eval(&c, &earlier, "2026-10-01")), need(&[]));
    let short = vec![on("2021-03-01", "substance_use_disorder", CAT1, "5.5")];
    assert_eq!(
        failing(&eval(&c, &short, "2026-10-01")),
        need(&[("mate", "2.5")])
    );
    let certified = mate(&["dea_registrant", "addiction_board_certified"]);
    assert_eq!(
        eval(&certified, &short, "2026-10-01")
            .rule("mate")
            .unwrap()
            .status,
        RuleStatus::DeemedMet
    );
    assert_eq!(
        eval(&mate(&[]), &[], "2026-10-01")
            .rule("mate")
            .unwrap()
            .status,
        RuleStatus::NotApplicable
    );
}

/// ABIM Maintenance of Certification: 100 MOC points per 5-year cycle.
fn abim() -> Credential {
    credential("ABIM Internal Medicine", "2023-01-01", "2027-12-31")
        .kind(CredentialKind::BoardCertification)
        .rule(total("moc", "100", &["ABIM_MOC_POINT"]))
        .build()
}

#[test]
fn abim_compliant_and_deficient() {
    let c = abim();
    let ok = vec![
        activity("2024-03-01")
            .credit(CAT1, "60")
            .credit("ABIM_MOC_POINT", "60")
            .build(),
        activity("2026-03-01")
            .credit("ABIM_MOC_POINT", "40")
            .build(),
    ];
    assert_eq!(failing(&eval(&c, &ok, "2026-10-01")), need(&[]));
    let short = vec![
        activity("2024-03-01")
            .credit(CAT1, "60")
            .credit("ABIM_MOC_POINT", "60")
            .build(),
        cme("2026-03-01", CAT1, "40"),
        activity("2022-12-31")
            .credit("ABIM_MOC_POINT", "20")
            .build(),
    ];
    assert_eq!(
        failing(&eval(&c, &short, "2026-10-01")),
        need(&[("moc", "40")])
    );
}
