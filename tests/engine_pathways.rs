//! Renewal pathways (issue 14): CE hours, or a certification, or practice hours; "two of three".
#![cfg(not(target_arch = "wasm32"))]

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{evaluate, CredentialStatus};
use cme_tracker::domain::engine::plan::plan;
use cme_tracker::domain::model::pathway::{
    EvidenceKind, EvidenceNeed, EvidenceRecord, Pathway, Pathways,
};
use cme_tracker::domain::{Activity, Credential};

const TODAY: &str = "2026-06-01";

fn nurse(needed: u32) -> Credential {
    let mut c = credential("Alaska RN", "2024-12-01", "2026-11-30")
        .rule(total("ce", "30", &[]))
        .rule(topic_min(
            "ethics",
            "1",
            &["ethics_professional_responsibility"],
            &[],
        ))
        .build();
    c.pathways = Some(Pathways {
        options: vec![
            Pathway {
                id: "ce".into(),
                label: "30 contact hours of CE".into(),
                rules: vec!["ce".into()],
                evidence: None,
            },
            Pathway {
                id: "volunteer".into(),
                label: "30 hours of volunteer nursing".into(),
                rules: vec![],
                evidence: Some(EvidenceNeed {
                    kind: EvidenceKind::VolunteerHours,
                    hours: Some(hours("30")),
                }),
            },
            Pathway {
                id: "practice".into(),
                label: "320 hours of employment as an RN".into(),
                rules: vec![],
                evidence: Some(EvidenceNeed {
                    kind: EvidenceKind::PracticeHours,
                    hours: Some(hours("320")),
                }),
            },
        ],
        needed,
        chosen: None,
        evidence: vec![],
    });
    c
}

fn ethics_hour() -> Activity {
    activity("2025-05-01")
        .credit("ANCC_CONTACT_HOUR", "1")
        .topic("ethics_professional_responsibility")
        .build()
}

fn record(c: &mut Credential, pathway: &str, date_: &str, h: &str) {
    c.pathways.as_mut().unwrap().evidence.push(EvidenceRecord {
        pathway: pathway.into(),
        date: date(date_),
        hours: Some(hours(h)),
        note: String::new(),
    });
}

#[test]
fn any_one_pathway_meets_the_credential_and_non_ce_evidence_is_not_credit() {
    let mut c = nurse(1);
    let ev = evaluate(&c, &[ethics_hour()], date(TODAY));
    assert_eq!(ev.status, CredentialStatus::NotMet);
    assert_eq!(ev.pathways.len(), 3);
    // 320 practice hours recorded in this cycle: that pathway is met; CE hours stay at 1.
    record(&mut c, "practice", "2025-09-01", "200");
    record(&mut c, "practice", "2026-03-01", "120");
    let ev = evaluate(&c, &[ethics_hour()], date(TODAY));
    assert!(ev.pathways.iter().find(|p| p.id == "practice").unwrap().met);
    assert_eq!(ev.status, CredentialStatus::Met);
    assert_eq!(ev.rule("ce").unwrap().counted, hours("1"));
    // Hours recorded before the cycle do not count.
    let mut old = nurse(1);
    record(&mut old, "practice", "2023-01-01", "400");
    assert_eq!(
        evaluate(&old, &[ethics_hour()], date(TODAY)).status,
        CredentialStatus::NotMet
    );
}

#[test]
fn a_rule_outside_every_pathway_is_still_required() {
    let mut c = nurse(1);
    record(&mut c, "practice", "2025-09-01", "320");
    // No ethics hour: the common rule is not met, whatever the pathway.
    assert_eq!(
        evaluate(&c, NO_ACTIVITIES, date(TODAY)).status,
        CredentialStatus::NotMet
    );
}

#[test]
fn a_chosen_pathway_must_be_the_one_met() {
    let mut c = nurse(1);
    record(&mut c, "practice", "2025-09-01", "320");
    c.pathways.as_mut().unwrap().chosen = Some("ce".into());
    let ev = evaluate(&c, &[ethics_hour()], date(TODAY));
    assert_eq!(ev.status, CredentialStatus::NotMet);
    assert_eq!(ev.followed_pathway.as_deref(), Some("ce"));
}

#[test]
fn two_of_three_needs_two() {
    let mut c = nurse(2);
    record(&mut c, "volunteer", "2025-09-01", "30");
    assert_eq!(
        evaluate(&c, &[ethics_hour()], date(TODAY)).status,
        CredentialStatus::NotMet
    );
    record(&mut c, "practice", "2025-10-01", "320");
    assert_eq!(
        evaluate(&c, &[ethics_hour()], date(TODAY)).status,
        CredentialStatus::Met
    );
}

#[test]
fn the_plan_follows_the_chosen_or_nearest_pathway() {
    let mut c = nurse(1);
    // Nearest: nothing recorded, CE needs 29 more hours (1 logged on ethics); volunteer 30 and
    // practice 320 hours of evidence. CE is followed, so the plan asks for the 29 CE hours.
    let ev = evaluate(&c, &[ethics_hour()], date(TODAY));
    assert_eq!(ev.followed_pathway.as_deref(), Some("ce"));
    let p = plan(std::slice::from_ref(&c), std::slice::from_ref(&ev), false);
    assert_eq!(p.items.len(), 1);
    // Practice hours recorded and chosen: the plan no longer asks for CE hours.
    record(&mut c, "practice", "2025-09-01", "320");
    c.pathways.as_mut().unwrap().chosen = Some("practice".into());
    let ev = evaluate(&c, &[ethics_hour()], date(TODAY));
    let p = plan(std::slice::from_ref(&c), std::slice::from_ref(&ev), false);
    assert!(p.items.is_empty(), "{:?}", p.items);
    assert_eq!(ev.status, CredentialStatus::Met);
}

#[test]
fn the_what_if_view_counts_planned_ce_toward_its_pathway() {
    let c = nurse(1);
    let planned = activity("2026-09-01")
        .credit("ANCC_CONTACT_HOUR", "29")
        .planned()
        .build();
    let ev = evaluate(&c, &[ethics_hour(), planned], date(TODAY));
    assert_eq!(ev.status, CredentialStatus::MetWithPlanned);
    assert_eq!(ev.what_if().status, CredentialStatus::Met);
}

#[test]
fn choosing_a_pathway_and_recording_evidence_are_domain_operations() {
    use cme_tracker::domain::ops::CredentialOp;
    let now = chrono::Utc::now();
    let mut c = nurse(1);
    c.apply(CredentialOp::ChoosePathway(Some("practice".into())), now)
        .unwrap();
    assert!(c
        .apply(CredentialOp::ChoosePathway(Some("nope".into())), now)
        .is_err());
    let rec = EvidenceRecord {
        pathway: "practice".into(),
        date: date("2025-09-01"),
        hours: Some(hours("320")),
        note: "Employer letter".into(),
    };
    c.apply(CredentialOp::RecordEvidence(rec), now).unwrap();
    assert_eq!(
        evaluate(&c, &[ethics_hour()], date(TODAY)).status,
        CredentialStatus::Met
    );
    c.apply(CredentialOp::RemoveEvidence(0), now).unwrap();
    assert!(c.apply(CredentialOp::RemoveEvidence(0), now).is_err());
    // Removing a rule takes it out of its pathway too.
    c.apply(CredentialOp::RemoveRule("ce".into()), now).unwrap();
    assert!(c.pathways.as_ref().unwrap().options[0].rules.is_empty());
}

#[test]
fn the_plan_names_the_nearest_ways_to_finish_and_asks_only_for_the_followed_pathway() {
    let mut c = nurse(1);
    // 300 of 320 practice hours recorded: practice is nearest, and needs no CE.
    record(&mut c, "practice", "2025-06-01", "300");
    let acts = vec![ethics_hour()];
    let ev = evaluate(&c, &acts, date(TODAY));
    assert_eq!(ev.status, CredentialStatus::NotMet);
    let creds = [c];
    let p = plan(&creds, std::slice::from_ref(&ev), true);
    // The 30 CE hours belong to a pathway the plan does not follow.
    assert!(p.items.is_empty(), "{:?}", p.items);
    assert_eq!(p.pathways.len(), 1);
    let words =
        cme_tracker::domain::text::describe::pathway_advice_sentence(&p.pathways[0], &|a| {
            a.display_short()
        });
    assert!(
        words.starts_with("Alaska RN: finish one of its renewal pathways"),
        "{words}"
    );
    let practice = words.find("20 more practice hours").expect(&words);
    let ce = words.find("29 hours").expect(&words);
    assert!(practice < ce, "nearest first: {words}");
    assert!(words.contains("30 more volunteer hours"), "{words}");
    // The headline never says "nothing" for a credential that is not met.
    let to_earn = cme_tracker::domain::text::describe::to_earn_text(&p, &|a| a.display_short());
    assert_eq!(to_earn, "a renewal pathway to finish");
}

#[test]
fn with_a_chosen_pathway_only_its_needs_are_named() {
    let mut c = nurse(1);
    c.pathways.as_mut().unwrap().chosen = Some("volunteer".into());
    record(&mut c, "volunteer", "2025-06-01", "12");
    let ev = evaluate(&c, &[ethics_hour()], date(TODAY));
    let creds = [c];
    let p = plan(&creds, std::slice::from_ref(&ev), true);
    assert!(p.items.is_empty(), "{:?}", p.items);
    let words =
        cme_tracker::domain::text::describe::pathway_advice_sentence(&p.pathways[0], &|a| {
            a.display_short()
        });
    assert!(words.contains("18 more volunteer hours"), "{words}");
    assert!(!words.contains("practice"), "{words}");
}

#[test]
fn an_exemption_route_she_never_claimed_is_not_followed_until_she_chooses() {
    // Florida RN: 24 contact hours, or a national certification that exempts most of them.
    // Nothing recorded for the certification: the plan follows the CE route her card shows.
    let p = cme_tracker::domain::presets::find("us-fl-rn").expect("the Florida RN preset");
    let end = date("2027-11-30");
    let c = p.instantiate(
        uuid::Uuid::new_v4(),
        p.cycle_start_for(end),
        end,
        chrono::Utc::now(),
    );
    let ev = evaluate(&c, NO_ACTIVITIES, date(TODAY));
    assert_eq!(ev.followed_pathway.as_deref(), Some("ce"));
    // 24, or 26 in a domestic-violence biennium.
    let total = ev.rule("total").unwrap().remaining;
    assert!(total >= hours("24"));
    let creds = [c];
    let plan = plan(&creds, std::slice::from_ref(&ev), true);
    // The headline's figure is the card's, the topic hours inside it.
    assert_eq!(
        plan.to_earn(),
        Some((cme_tracker::domain::model::vocab::Unit::Hour, total))
    );
    let words =
        cme_tracker::domain::text::describe::pathway_advice_sentence(&plan.pathways[0], &|a| {
            a.display_short()
        });
    assert!(
        words.contains("The plan follows the first until you choose"),
        "{words}"
    );
    assert!(words.contains("Which are you on?"), "{words}");
    assert!(plan.pathways[0].options[0].followed);
}
