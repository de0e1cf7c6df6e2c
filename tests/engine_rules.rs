//! Every rule kind of the engine and the edges named in issue 3, checked natively.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{
    counts_toward, evaluate, CredentialStatus, Evaluation, Reason, RuleStatus,
};
use cme_tracker::domain::{Activity, ExemptionKind, Format, Recurrence, TopicId};

const CAT1: &str = "AMA_PRA_CAT1";
const CAT2: &str = "AMA_PRA_CAT2";
const ETHICS: &str = "ethics_professional_responsibility";
const OPIOIDS: &str = "pain_management_opioids";
const TODAY: &str = "2026-06-01";

fn eval(c: &cme_tracker::domain::Credential, acts: &[Activity]) -> Evaluation {
    evaluate(c, acts, date(TODAY))
}

/// A rule evaluation's detail in words (dates in ISO).
fn words(re: &cme_tracker::domain::engine::evaluate::RuleEvaluation) -> String {
    re.detail
        .as_ref()
        .map(|d| cme_tracker::domain::text::describe::detail_text(d, &|d| d.to_string()))
        .unwrap_or_default()
}

#[test]
fn total_counts_accepted_types_and_reports_remaining() {
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .rule(total("total", "48", &[CAT1, CAT2]))
        .build();
    let acts = vec![
        activity("2025-03-01").credit(CAT1, "20").build(),
        activity("2025-04-01").credit(CAT2, "10.5").build(),
        activity("2025-05-01")
            .credit("ANCC_CONTACT_HOUR", "5")
            .build(),
    ];
    let ev = eval(&c, &acts);
    let r = ev.rule("total").unwrap();
    assert_eq!(r.required, hours("48"));
    assert_eq!(r.counted, hours("30.5"));
    assert_eq!(r.remaining, hours("17.5"));
    assert_eq!(r.status, RuleStatus::NotMet);
    assert_eq!(r.contributions.len(), 2);
    assert!(r
        .exclusions
        .iter()
        .any(|e| e.activity_id == acts[2].id && e.reason == Reason::CreditTypeNotAccepted));
    assert_eq!(ev.status, CredentialStatus::NotMet);
    assert_eq!(ev.days_left, 213);
}

#[test]
fn cycle_boundaries_are_inclusive_and_activities_count_by_end_date() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "10", &[]))
        .build();
    let acts = vec![
        activity("2025-01-01").credit(CAT1, "1").build(),
        activity("2026-12-31").credit(CAT1, "2").build(),
        activity("2024-12-31").credit(CAT1, "4").build(),
        activity("2027-01-01").credit(CAT1, "8").build(),
        // Spans the start boundary: ends inside, so it counts.
        activity("2025-01-02")
            .start("2024-12-30")
            .credit(CAT1, "3")
            .build(),
    ];
    let ev = evaluate(&c, &acts, date("2026-01-01"));
    let r = ev.rule("total").unwrap();
    assert_eq!(r.counted, hours("6"));
    let outside = counts_toward(
        &acts[2],
        std::slice::from_ref(&c),
        std::slice::from_ref(&ev),
    );
    assert!(matches!(
        outside[0].reason,
        Some(Reason::OutsideWindow { .. })
    ));
}

#[test]
fn leap_day_is_inside_a_cycle_and_per_year_windows_survive_it() {
    let c = credential("X", "2024-02-29", "2026-02-28")
        .rule(per_year("pace", "1", &[], &[]))
        .build();
    let acts = vec![
        activity("2024-02-29").credit(CAT1, "1").build(),
        activity("2026-02-28").credit(CAT1, "1").build(),
    ];
    let ev = evaluate(&c, &acts, date("2025-01-01"));
    let r = ev.rule("pace").unwrap();
    assert_eq!(r.years.len(), 2);
    assert_eq!(r.years[0].from, date("2024-02-29"));
    assert_eq!(r.years[0].to, date("2025-02-27"));
    assert_eq!(r.years[1].from, date("2025-02-28"));
    assert_eq!(r.counted, hours("2"));
    assert_eq!(r.status, RuleStatus::Met);
}

#[test]
fn category_minimum_only_counts_its_types() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(category_min("cat1", "24", &[CAT1]))
        .build();
    let acts = vec![
        activity("2025-02-01").credit(CAT1, "20").build(),
        activity("2025-02-02").credit(CAT2, "20").build(),
    ];
    let r = eval(&c, &acts).rule("cat1").unwrap().clone();
    assert_eq!(r.counted, hours("20"));
    assert_eq!(r.remaining, hours("4"));
}

#[test]
fn category_cap_excess_does_not_count_toward_the_total() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[CAT1, CAT2]))
        .rule(type_cap("cat2cap", "25", &[CAT2]))
        .build();
    let acts = vec![
        activity("2025-02-01").credit(CAT2, "20").build(),
        activity("2025-03-01").credit(CAT2, "15").build(),
        activity("2025-04-01").credit(CAT1, "10").build(),
    ];
    let ev = eval(&c, &acts);
    let total = ev.rule("total").unwrap();
    assert_eq!(total.counted, hours("35"));
    assert_eq!(total.remaining, hours("15"));
    assert!(total.exclusions.iter().any(|e| e.activity_id == acts[1].id
        && matches!(&e.reason, Reason::OverCap { excess, .. } if *excess == hours("10"))));
    let cap = ev.rule("cat2cap").unwrap();
    assert_eq!(cap.counted, hours("25"));
    assert_eq!(cap.status, RuleStatus::Met);
}

#[test]
fn an_activity_with_an_uncapped_designation_uses_it_when_the_cap_is_full() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[CAT1, CAT2]))
        .rule(type_cap("cat2cap", "1", &[CAT2]))
        .build();
    let acts = vec![
        activity("2025-02-01").credit(CAT2, "1").build(),
        activity("2025-03-01")
            .credit(CAT2, "3")
            .credit(CAT1, "2")
            .build(),
    ];
    let total = eval(&c, &acts).rule("total").unwrap().clone();
    assert_eq!(total.counted, hours("3"));
}

#[test]
fn format_cap_limits_self_study() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "20", &[]))
        .rule(format_cap(
            "selfstudy",
            "5",
            &[Format::OnDemandOnline, Format::JournalReading],
        ))
        .build();
    let acts = vec![
        activity("2025-02-01")
            .format(Format::OnDemandOnline)
            .credit(CAT1, "4")
            .build(),
        activity("2025-02-02")
            .format(Format::JournalReading)
            .credit(CAT1, "4")
            .build(),
        activity("2025-02-03")
            .format(Format::LiveInPerson)
            .credit(CAT1, "4")
            .build(),
    ];
    let r = eval(&c, &acts).rule("total").unwrap().clone();
    assert_eq!(r.counted, hours("9"));
    assert_eq!(r.remaining, hours("11"));
}

#[test]
fn topic_minimum_needs_the_topic_and_an_accepted_type() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(topic_min("ethics", "2", &[ETHICS], &[CAT1]))
        .build();
    let acts = vec![
        activity("2025-02-01")
            .topic(ETHICS)
            .credit(CAT2, "2")
            .build(),
        activity("2025-02-02").credit(CAT1, "2").build(),
        activity("2025-02-03")
            .topic(ETHICS)
            .credit(CAT1, "1.5")
            .build(),
    ];
    let ev = eval(&c, &acts);
    let r = ev.rule("ethics").unwrap();
    assert_eq!(r.counted, hours("1.5"));
    assert_eq!(r.remaining, hours("0.5"));
    let why = counts_toward(
        &acts[1],
        std::slice::from_ref(&c),
        std::slice::from_ref(&ev),
    );
    assert_eq!(
        why[0].reason,
        Some(Reason::TopicMissing {
            needed: vec![TopicId::new(ETHICS)],
            had: vec![]
        })
    );
    let why = counts_toward(
        &acts[0],
        std::slice::from_ref(&c),
        std::slice::from_ref(&ev),
    );
    assert_eq!(why[0].reason, Some(Reason::CreditTypeNotAccepted));
}

#[test]
fn every_third_cycle_looks_back_over_three_cycles() {
    let rule =
        topic_min("dv", "2", &["domestic_violence"], &[]).every(Recurrence::EveryNCycles { n: 3 });
    let c = credential("FL", "2025-02-01", "2027-01-31")
        .past_cycle("2023-02-01", "2025-01-31")
        .past_cycle("2021-02-01", "2023-01-31")
        .rule(rule.clone())
        .build();
    let in_window = vec![activity("2021-06-01")
        .topic("domestic_violence")
        .credit(CAT1, "2")
        .build()];
    assert_eq!(
        eval(&c, &in_window).rule("dv").unwrap().window,
        Some((date("2021-02-01"), date("2027-01-31")))
    );
    assert_eq!(
        eval(&c, &in_window).rule("dv").unwrap().status,
        RuleStatus::Met
    );
    let too_old = vec![activity("2021-01-15")
        .topic("domestic_violence")
        .credit(CAT1, "2")
        .build()];
    assert_eq!(
        eval(&c, &too_old).rule("dv").unwrap().status,
        RuleStatus::NotMet
    );
    // Without recorded history the window assumes cycles of the same length.
    let c2 = credential("FL", "2025-02-01", "2027-01-31")
        .rule(rule)
        .build();
    let (from, _) = eval(&c2, &in_window).rule("dv").unwrap().window.unwrap();
    assert!(from <= date("2021-02-03") && from >= date("2021-01-30"));
}

#[test]
fn every_n_months_counts_back_from_the_deadline() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(
            topic_min("bias", "1", &["implicit_bias"], &[])
                .every(Recurrence::EveryNMonths { months: 12 }),
        )
        .build();
    let early = vec![activity("2025-12-31")
        .topic("implicit_bias")
        .credit(CAT1, "1")
        .build()];
    let r = eval(&c, &early).rule("bias").unwrap().clone();
    assert_eq!(r.window, Some((date("2026-01-01"), date("2026-12-31"))));
    assert_eq!(r.status, RuleStatus::NotMet);
}

#[test]
fn one_time_rule_met_in_an_earlier_cycle_stays_met() {
    let mate = topic_min("mate", "8", &["substance_use_disorder"], &[]).every(Recurrence::OnceEver);
    let c = credential("DEA", "2025-01-01", "2027-12-31")
        .past_cycle("2022-01-01", "2024-12-31")
        .rule(mate.clone())
        .build();
    let acts = vec![
        activity("2019-05-01")
            .topic("substance_use_disorder")
            .credit(CAT1, "5")
            .build(),
        activity("2023-05-01")
            .topic("substance_use_disorder")
            .credit(CAT1, "3")
            .build(),
    ];
    let r = eval(&c, &acts).rule("mate").unwrap().clone();
    assert_eq!(r.counted, hours("8"));
    assert_eq!(r.status, RuleStatus::Met);
    // Deemed met in an earlier cycle (e.g. training recorded there): still met now.
    let c2 = credential("DEA", "2025-01-01", "2027-12-31")
        .past_cycle("2022-01-01", "2024-12-31")
        .past_exemption(
            "mate",
            ExemptionKind::DeemedMet,
            "Addiction fellowship 2023",
        )
        .rule(mate)
        .build();
    let r2 = eval(&c2, &[]).rule("mate").unwrap().clone();
    assert_eq!(r2.status, RuleStatus::DeemedMet);
    assert!(words(&r2).contains("Addiction fellowship"));
}

#[test]
fn first_cycle_only_rules_lapse_after_the_first_renewal() {
    let rule = topic_min("pain", "12", &[OPIOIDS], &[]).every(Recurrence::FirstCycles { n: 1 });
    let first = credential("CA", "2025-01-01", "2026-12-31")
        .first_renewal()
        .rule(rule.clone())
        .build();
    assert_eq!(
        eval(&first, &[]).rule("pain").unwrap().status,
        RuleStatus::NotMet
    );
    let later = credential("CA", "2025-01-01", "2026-12-31")
        .past_cycle("2023-01-01", "2024-12-31")
        .rule(rule)
        .build();
    assert_eq!(
        eval(&later, &[]).rule("pain").unwrap().status,
        RuleStatus::NotApplicable
    );
}

#[test]
fn after_first_cycles_starts_at_the_next_renewal() {
    let rule = topic_min("opioid8y", "2", &[OPIOIDS], &[]).every(Recurrence::AfterFirstCycles {
        after: 2,
        months: 96,
    });
    let second = credential("TX", "2025-01-01", "2026-12-31")
        .past_cycle("2023-01-01", "2024-12-31")
        .rule(rule.clone())
        .build();
    assert_eq!(second.renewal_number(), 2);
    assert_eq!(
        eval(&second, &[]).rule("opioid8y").unwrap().status,
        RuleStatus::NotApplicable
    );
    let third = credential("TX", "2025-01-01", "2026-12-31")
        .past_cycle("2023-01-01", "2024-12-31")
        .past_cycle("2021-01-01", "2022-12-31")
        .rule(rule)
        .build();
    let acts = vec![activity("2019-06-01")
        .topic(OPIOIDS)
        .credit(CAT1, "2")
        .build()];
    let r = eval(&third, &acts).rule("opioid8y").unwrap().clone();
    assert_eq!(r.window, Some((date("2019-01-01"), date("2026-12-31"))));
    assert_eq!(r.status, RuleStatus::Met);
}

#[test]
fn applies_if_holder_condition_else_not_applicable() {
    let rule = topic_min("cs", "3", &["controlled_substance_prescribing"], &[])
        .only_if(&["dea_registrant"]);
    let without = credential("X", "2025-01-01", "2026-12-31")
        .rule(rule.clone())
        .build();
    let r = eval(&without, &[]).rule("cs").unwrap().clone();
    assert_eq!(r.status, RuleStatus::NotApplicable);
    assert!(words(&r).contains("DEA"), "{}", words(&r));
    assert_eq!(eval(&without, &[]).status, CredentialStatus::Met);
    let with = credential("X", "2025-01-01", "2026-12-31")
        .condition("dea_registrant")
        .rule(rule)
        .build();
    assert_eq!(eval(&with, &[]).rule("cs").unwrap().remaining, hours("3"));
}

#[test]
fn exemption_and_deemed_met_are_recorded_with_reason() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "50", &[]))
        .rule(topic_min("ethics", "2", &[ETHICS], &[]))
        .exemption("total", ExemptionKind::Exempt, "Residency training")
        .build();
    let ev = eval(&c, &[]);
    assert_eq!(ev.rule("total").unwrap().status, RuleStatus::Exempt);
    assert!(words(ev.rule("total").unwrap()).contains("Residency training"));
    assert_eq!(ev.rule("ethics").unwrap().status, RuleStatus::NotMet);
    let mate = topic_min("mate", "8", &["substance_use_disorder"], &[])
        .every(Recurrence::OnceEver)
        .deemed_met_if(&["addiction_board_certified"]);
    let c = credential("DEA", "2025-01-01", "2027-12-31")
        .condition("addiction_board_certified")
        .rule(mate)
        .build();
    assert_eq!(
        eval(&c, &[]).rule("mate").unwrap().status,
        RuleStatus::DeemedMet
    );
}

#[test]
fn carry_over_moves_excess_up_to_the_limit_but_never_topic_hours() {
    let c = credential("TX", "2025-01-01", "2026-12-31")
        .past_cycle("2023-01-01", "2024-12-31")
        .rule(total_with_carry_over("total", "48", &[CAT1], "24"))
        .rule(topic_min("ethics", "2", &[ETHICS], &[CAT1]))
        .build();
    // Previous cycle: 50 plain + 10 ethics = 60 → 12 excess, all of it plain hours.
    let mut acts = vec![
        activity("2023-06-01").credit(CAT1, "50").build(),
        activity("2024-06-01")
            .topic(ETHICS)
            .credit(CAT1, "10")
            .build(),
        activity("2025-06-01").credit(CAT1, "30").build(),
    ];
    let r = eval(&c, &acts).rule("total").unwrap().clone();
    assert_eq!(r.carried_over, hours("12"));
    assert_eq!(r.counted, hours("42"));
    assert_eq!(r.remaining, hours("6"));
    // Topic hours fill the previous minimum first; the excess may move only as far as plain
    // hours cover it: 40 plain + 30 ethics = 22 excess, all coverable by plain hours, under 24.
    acts[0] = activity("2023-06-01").credit(CAT1, "40").build();
    acts[1] = activity("2024-06-01")
        .topic(ETHICS)
        .credit(CAT1, "30")
        .build();
    assert_eq!(
        eval(&c, &acts).rule("total").unwrap().carried_over,
        hours("22")
    );
    // Only ethics hours last cycle: nothing moves.
    acts[0] = activity("2023-06-01")
        .topic(ETHICS)
        .credit(CAT1, "40")
        .build();
    assert_eq!(
        eval(&c, &acts).rule("total").unwrap().carried_over,
        hours("0")
    );
}

#[test]
fn weighting_and_equivalence_are_per_credential() {
    let c = credential("AOA board", "2025-01-01", "2027-12-31")
        .rule(total("total", "30", &[CAT1]))
        .equivalence("AOA_1A", CAT1)
        .weight("AOA_1A", 150)
        .build();
    let acts = vec![activity("2025-02-01").credit("AOA_1A", "10").build()];
    let r = eval(&c, &acts).rule("total").unwrap().clone();
    assert_eq!(r.counted, hours("15"));
    assert_eq!(r.contributions[0].credit_type(&acts[0]).as_str(), CAT1);
    let plain = credential("MD", "2025-01-01", "2027-12-31")
        .rule(total("total", "30", &[CAT1]))
        .build();
    assert_eq!(
        eval(&plain, &acts).rule("total").unwrap().counted,
        hours("0")
    );
}

#[test]
fn ceus_convert_to_hours() {
    let c = credential("RN", "2025-01-01", "2026-12-31")
        .rule(total("total", "30", &[]))
        .build();
    let acts = vec![activity("2025-02-01").credit("CEU", "1.5").build()];
    assert_eq!(eval(&c, &acts).rule("total").unwrap().counted, hours("15"));
}

#[test]
fn quarter_hour_rounding_applies_per_activity_when_asked() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "10", &[]).quarter_hours())
        .build();
    let acts = vec![
        activity("2025-02-01").credit(CAT1, "1.1").build(),
        activity("2025-02-02").credit(CAT1, "1.3").build(),
    ];
    assert_eq!(
        eval(&c, &acts).rule("total").unwrap().counted,
        hours("2.25")
    );
}

#[test]
fn several_designations_count_once_per_rule_and_across_credentials() {
    let tx = credential("TX", "2025-01-01", "2026-12-31")
        .rule(total("total", "48", &[]))
        .build();
    let abim = credential("ABIM", "2024-01-01", "2028-12-31")
        .kind(cme_tracker::domain::CredentialKind::BoardCertification)
        .rule(total("moc", "100", &["ABIM_MOC_POINT"]))
        .build();
    let acts = vec![activity("2025-02-01")
        .credit(CAT1, "10")
        .credit("ABIM_MOC_POINT", "10")
        .credit("ANCC_CONTACT_HOUR", "10")
        .build()];
    let creds = vec![tx, abim];
    let evs = cme_tracker::domain::engine::evaluate::evaluate_all(&creds, &acts, date(TODAY));
    assert_eq!(evs[0].rule("total").unwrap().counted, hours("10"));
    assert_eq!(evs[1].rule("moc").unwrap().counted, hours("10"));
    let why = counts_toward(&acts[0], &creds, &evs);
    assert_eq!(why.len(), 2);
    assert!(why
        .iter()
        .all(|w| w.amount == Some(hours("10")) && w.reason.is_none()));
}

#[test]
fn planned_activities_are_excluded_from_the_actual_status() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "10", &[]))
        .rule(topic_min("ethics", "2", &[ETHICS], &[]))
        .build();
    let acts = vec![
        activity("2025-02-01").credit(CAT1, "8").build(),
        activity("2026-09-01")
            .topic(ETHICS)
            .credit(CAT1, "2")
            .planned()
            .build(),
    ];
    let ev = eval(&c, &acts);
    let total = ev.rule("total").unwrap();
    assert_eq!(total.counted, hours("8"));
    assert_eq!(total.planned, hours("2"));
    assert_eq!(total.remaining, hours("2"));
    assert_eq!(total.remaining_with_planned(), hours("0"));
    assert_eq!(total.status, RuleStatus::MetWithPlanned);
    assert_eq!(
        ev.rule("ethics").unwrap().status,
        RuleStatus::MetWithPlanned
    );
    assert_eq!(ev.status, CredentialStatus::MetWithPlanned);
    assert!(!ev.contributing_activity_ids().contains(&acts[1].id));
    let what_if = ev.what_if();
    assert_eq!(what_if.status, CredentialStatus::Met);
    assert_eq!(what_if.rule("total").unwrap().counted, hours("10"));
    assert_eq!(what_if.rule("total").unwrap().remaining, hours("0"));
}

#[test]
fn topic_hours_on_top_raise_the_total() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .rule(total("total", "40", &[]))
        .rule(
            topic_min("ethics", "2", &[ETHICS], &[])
                .on_top()
                .label("Ethics"),
        )
        .build();
    let acts = vec![activity("2025-02-01")
        .topic(ETHICS)
        .credit(CAT1, "40")
        .build()];
    let ev = eval(&c, &acts);
    assert_eq!(ev.rule("total").unwrap().required, hours("42"));
    assert_eq!(ev.rule("total").unwrap().remaining, hours("2"));
    assert!(words(ev.rule("total").unwrap()).contains("Ethics"));
}

#[test]
fn completion_needs_one_completed_activity_on_the_topic() {
    let c = credential("NY", "2024-01-01", "2027-12-31")
        .rule(completion("infection", &["infection_control"]))
        .build();
    assert_eq!(
        eval(&c, &[]).rule("infection").unwrap().status,
        RuleStatus::NotMet
    );
    let acts = vec![activity("2025-02-01")
        .topic("infection_control")
        .credit(CAT1, "0.5")
        .build()];
    assert_eq!(
        eval(&c, &acts).rule("infection").unwrap().status,
        RuleStatus::Met
    );
}

#[test]
fn per_year_surplus_does_not_make_up_for_another_year() {
    let c = credential("RCPSC", "2024-01-01", "2026-12-31")
        .rule(per_year("pace", "40", &[], &[]))
        .build();
    let acts = vec![
        activity("2024-06-01")
            .credit("RCPSC_SECTION_1", "80")
            .build(),
        activity("2025-06-01")
            .credit("RCPSC_SECTION_1", "10")
            .build(),
    ];
    let r = eval(&c, &acts).rule("pace").unwrap().clone();
    assert_eq!(r.required, hours("120"));
    assert_eq!(r.counted, hours("50"));
    assert_eq!(r.remaining, hours("70"));
    assert_eq!(r.years[0].counted, hours("80"));
}

#[test]
fn ce_deadline_before_expiry_closes_the_window() {
    let c = credential("X", "2025-01-01", "2026-12-31")
        .deadline("2026-10-31")
        .rule(total("total", "2", &[]))
        .build();
    let acts = vec![activity("2026-11-15").credit(CAT1, "2").build()];
    let ev = eval(&c, &acts);
    assert_eq!(ev.deadline, date("2026-10-31"));
    assert_eq!(ev.rule("total").unwrap().counted, hours("0"));
}
