//! The other professions' presets (issue 36) where their boards' words go beyond "hours and
//! topics": NCCPA's weighting of self-assessment CME, NBCOT's units, live-hour minimums, the
//! NREMT components, pathways of certification instead of hours. The generic scenarios
//! (tests/presets_scenarios.rs) run over these presets too.
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;
use uuid::Uuid;

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{evaluate, RuleStatus};
use cme_tracker::domain::engine::evaluation::CredentialStatus;
use cme_tracker::domain::model::activity::Format;
use cme_tracker::domain::model::pathway::EvidenceRecord;
use cme_tracker::domain::model::vocab::Unit;
use cme_tracker::domain::presets::find;
use cme_tracker::domain::{Activity, Credential};

const END: &str = "2026-12-31";
const TODAY: &str = "2026-12-07";

fn cred(id: &str) -> Credential {
    let p = find(id).unwrap_or_else(|| panic!("preset {id}"));
    let end = date(END);
    p.instantiate(Uuid::new_v4(), p.cycle_start_for(end), end, Utc::now())
}

fn rule(
    c: &Credential,
    acts: &[Activity],
    id: &str,
) -> cme_tracker::domain::engine::evaluation::RuleEvaluation {
    let ev = evaluate(c, acts, date(TODAY));
    ev.rules
        .into_iter()
        .find(|r| r.rule_id == id)
        .unwrap_or_else(|| panic!("rule {id}"))
}

#[test]
fn nccpa_counts_self_assessment_category_1_one_and_a_half_times() {
    let c = cred("nccpa-pa-c");
    let acts = vec![
        activity("2026-03-01").credit("AAPA_CAT1_SA", "10").build(),
        activity("2026-04-01").credit("AAPA_CAT1", "20").build(),
        activity("2026-05-01").credit("NCCPA_CAT2", "40").build(),
    ];
    let cat1 = rule(&c, &acts, "min_category_1");
    assert_eq!(cat1.counted, hours("35"), "10 SA-CME count 15, plus 20");
    assert_eq!(cat1.remaining, hours("15"));
    let total = rule(&c, &acts, "total");
    assert_eq!(total.counted, hours("75"));
    assert_eq!(total.remaining, hours("25"));
    // PI-CME: the first 20 credits of the period count twice, the rest once.
    let pi = |credits: &[(&str, &str)]| -> Vec<Activity> {
        credits
            .iter()
            .map(|(end, amount)| activity(end).credit("AAPA_CAT1_PI", amount).build())
            .collect()
    };
    let twelve_then_twelve = pi(&[("2025-03-01", "12"), ("2026-02-01", "12")]);
    assert_eq!(
        rule(&c, &twelve_then_twelve, "min_category_1").counted,
        hours("44"),
        "12 doubled, then 8 doubled and 4 once"
    );
    assert_eq!(
        rule(&c, &pi(&[("2026-03-01", "20")]), "total").counted,
        hours("40")
    );
    // A planned PI activity gains only what the completed ones left.
    let mut with_planned = twelve_then_twelve.clone();
    with_planned.push(
        activity("2026-11-01")
            .credit("AAPA_CAT1_PI", "5")
            .planned()
            .build(),
    );
    let ev = rule(&c, &with_planned, "total");
    assert_eq!((ev.counted, ev.planned), (hours("44"), hours("5")));
}

#[test]
fn nbcot_counts_units_and_a_course_s_hours_or_ceus_as_one_unit_per_hour() {
    let c = cred("nbcot-otr-cota");
    let acts = vec![
        activity("2025-03-01").credit("NBCOT_UNIT", "10").build(),
        activity("2025-06-01").credit("AOTA_CEU", "0.3").build(),
        activity("2026-01-10").credit("CE_HOUR", "6").build(),
    ];
    let total = rule(&c, &acts, "total");
    assert_eq!(total.unit, Unit::RenewalUnit);
    assert_eq!(total.counted, hours("19"), "10 units + 0.3 CEU (3 h) + 6 h");
    assert_eq!(total.remaining, hours("17"));
    assert_eq!(
        Unit::RenewalUnit.amount_text(hours("17")),
        "17 units",
        "said in NBCOT's unit, never as hours"
    );
}

#[test]
fn a_florida_pharmacist_s_home_study_counts_up_to_twenty_of_the_thirty_hours() {
    let c = cred("us-fl-rph");
    let home = |end: &str, h: &str| {
        activity(end)
            .credit("ACPE", h)
            .format(Format::OnDemandOnline)
            .build()
    };
    let acts = vec![home("2025-05-01", "15"), home("2026-02-01", "15")];
    let total = rule(&c, &acts, "total");
    assert_eq!(total.counted, hours("20"), "home study is capped at 20");
    assert_eq!(total.remaining, hours("10"), "10 live hours still to do");
    let mut with_live = acts.clone();
    with_live.push(
        activity("2026-10-01")
            .credit("ACPE", "10")
            .format(Format::LiveInPerson)
            .build(),
    );
    assert_eq!(rule(&c, &with_live, "total").status, RuleStatus::Met);
}

#[test]
fn pennsylvania_pharmacists_count_only_acpe_hours() {
    let c = cred("us-pa-rph");
    let acts = vec![
        activity("2026-01-01").credit("ACPE", "20").build(),
        activity("2026-02-01").credit("AMA_PRA_CAT1", "20").build(),
    ];
    let total = rule(&c, &acts, "total");
    assert_eq!(total.counted, hours("20"));
    assert_eq!(total.remaining, hours("10"));
}

#[test]
fn nremt_paramedic_needs_each_component_and_caps_distributive_hours() {
    let c = cred("nremt-paramedic");
    let online = |t: &str, h: &str| {
        activity("2026-06-01")
            .credit("CAPCE", h)
            .topic(t)
            .format(Format::OnDemandOnline)
            .build()
    };
    let acts = vec![
        online("nremt_national", "30"),
        online("nremt_local", "15"),
        online("nremt_individual", "15"),
    ];
    // Each component is met, but only 35 of the 60 online hours count toward the total.
    assert_eq!(rule(&c, &acts, "nremt_national").status, RuleStatus::Met);
    let total = rule(&c, &acts, "total");
    assert_eq!(total.counted, hours("35"));
    assert_eq!(total.remaining, hours("25"));
}

#[test]
fn a_florida_pa_with_nccpa_certification_is_met_without_the_hundred_hours_but_not_the_topics() {
    let mut c = cred("us-fl-pa");
    let ev = evaluate(&c, &[] as &[Activity], date(TODAY));
    assert_eq!(ev.status, CredentialStatus::NotMet);
    c.pathways
        .as_mut()
        .expect("Florida's PA preset offers NCCPA certification")
        .evidence
        .push(EvidenceRecord {
            pathway: "nccpa".into(),
            date: date("2026-01-05"),
            hours: None,
            note: "NCCPA PA-C through 2027".into(),
        });
    let acts = vec![activity("2026-03-01")
        .credit("AAPA_CAT1", "2")
        .topic("medical_errors_patient_safety")
        .build()];
    let ev = evaluate(&c, &acts, date(TODAY));
    let nccpa = ev
        .pathways
        .iter()
        .find(|x| x.id == "nccpa")
        .expect("pathway");
    assert!(
        nccpa.met,
        "certification recorded: the 100 hours are not asked"
    );
    let w = c.pathways.as_ref().unwrap();
    let left: Vec<&str> = ev
        .rules
        .iter()
        .filter(|r| r.status == RuleStatus::NotMet && !w.is_pathway_rule(&r.rule_id))
        .map(|r| r.rule_id.as_str())
        .collect();
    // Every-renewal topics apply whichever way she renews: medical errors is done, domestic
    // violence (every third biennium) is still asked.
    assert_eq!(left, ["domestic_violence"]);
    let mut all = acts.clone();
    all.push(
        activity("2026-04-01")
            .credit("AAPA_CAT1", "2")
            .topic("domestic_violence")
            .build(),
    );
    assert_eq!(
        evaluate(&c, &all, date(TODAY)).status,
        CredentialStatus::Met
    );
}
