//! The shipped preset catalog is well-formed: it parses, ids are unique, every topic, credit
//! type and condition it names exists, and every preset carries sources and a confidence.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use cme_tracker::domain::build::{date, NO_ACTIVITIES};
use cme_tracker::domain::presets::{catalog, find, rule_changes, search, RuleChange};
use cme_tracker::domain::{model::vocab, Accepts, RuleKind};

fn types_of(a: &Accepts) -> Vec<String> {
    a.credit_types
        .iter()
        .map(|t| t.as_str().to_string())
        .collect()
}

#[test]
fn every_preset_parses_with_unique_ids_and_known_vocabulary() {
    let presets = catalog().presets();
    // 77 physician (with the four osteopathic boards the cross-check found missing), DEA, board
    // and international bodies, and the 51 RN boards (50 states + DC).
    assert_eq!(presets.len(), 128);
    for id in ["us-fl-do", "us-mi-do", "us-pa-do", "us-wa-do"] {
        assert!(presets.iter().any(|p| p.id == id), "{id}");
    }
    let rn: HashSet<&str> = presets
        .iter()
        .filter(|p| p.id.ends_with("-rn"))
        .map(|p| p.jurisdiction.as_str())
        .collect();
    assert_eq!(rn.len(), 51, "one RN board per state and DC");
    assert!(rn.contains("US-DC"));
    let mut ids = HashSet::new();
    let topic_codes: HashSet<&str> = vocab::TOPICS.iter().map(|t| t.code).collect();
    let type_codes: HashSet<&str> = vocab::CREDIT_TYPES.iter().map(|t| t.code).collect();
    let conditions: HashSet<&str> = vocab::CONDITIONS.iter().map(|c| c.code).collect();
    for p in presets {
        assert!(ids.insert(p.id.as_str()), "duplicate preset id {}", p.id);
        assert!(!p.sources.is_empty(), "{} has no source", p.id);
        assert!(
            p.sources
                .iter()
                .all(|s| s.starts_with("https://") || s.starts_with("http://")),
            "{}",
            p.id
        );
        assert!(p.cycle_months > 0, "{}", p.id);
        // Montana and South Dakota require no CME: no rules, and the notes say why.
        assert!(
            !p.rules.is_empty() || !p.notes.is_empty(),
            "{} has neither rules nor notes",
            p.id
        );
        let mut rule_ids = HashSet::new();
        for r in &p.rules {
            assert!(
                rule_ids.insert(r.id.as_str()),
                "{}: duplicate rule id {}",
                p.id,
                r.id
            );
            let (topics, types) = match &r.kind {
                RuleKind::Total { accepts, .. } | RuleKind::CategoryMin { accepts, .. } => {
                    (vec![], types_of(accepts))
                }
                RuleKind::Cap {
                    accepts, topics, ..
                }
                | RuleKind::TopicMin {
                    accepts, topics, ..
                }
                | RuleKind::Completion { accepts, topics }
                | RuleKind::PerYear {
                    accepts, topics, ..
                } => (topics.clone(), types_of(accepts)),
            };
            for t in &topics {
                assert!(
                    topic_codes.contains(t.as_str()),
                    "{}/{}: unknown topic {t}",
                    p.id,
                    r.id
                );
            }
            for t in &types {
                assert!(
                    type_codes.contains(t.as_str()),
                    "{}/{}: unknown credit type {t}",
                    p.id,
                    r.id
                );
            }
            for c in r
                .applies_if
                .all
                .iter()
                .chain(&r.applies_if.any)
                .chain(&r.applies_if.none)
                .chain(&r.deemed_met_if)
            {
                assert!(
                    conditions.contains(c.as_str()),
                    "{}/{}: unknown condition {c}",
                    p.id,
                    r.id
                );
                assert!(
                    p.conditions_asked.contains(c),
                    "{}: condition {c} is not asked",
                    p.id
                );
            }
        }
    }
}

#[test]
fn search_finds_boards_by_state_profession_and_body() {
    let ids = |q: &str| search(q).iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert!(ids("texas").contains(&"us-tx-md-do".to_string()));
    assert!(ids("TX").contains(&"us-tx-rn".to_string()));
    assert!(ids("texas nurs").iter().all(|i| i == "us-tx-rn"));
    assert!(ids("ABIM").contains(&"abim-moc".to_string()));
    assert!(ids("mate").contains(&"us-dea-mate".to_string()));
    // Word starts, not substrings: "mate" is not inside "diplomate".
    assert_eq!(ids("mate"), vec!["us-dea-mate".to_string()]);
    // Specialty and profession words find their bodies.
    assert!(ids("internal medicine").contains(&"abim-moc".to_string()));
    assert!(ids("family medicine").contains(&"abfm-certification".to_string()));
    assert!(ids("physician assistant").contains(&"nccpa-pa-c".to_string()));
    assert!(ids("DEA").contains(&"us-dea-mate".to_string()));
    assert!(ids("florida nurse").contains(&"us-fl-rn".to_string()));
    assert!(ids("zzzz").is_empty());
}

#[test]
fn instantiate_copies_rules_and_remembers_the_preset_version() {
    let p = find("us-tx-md-do").unwrap();
    let end = date("2027-01-31");
    let c = p.instantiate(
        uuid::Uuid::new_v4(),
        p.cycle_start_for(end),
        end,
        chrono::Utc::now(),
    );
    assert_eq!(c.cycle.start, date("2025-02-01"));
    assert_eq!(c.rules, p.rules);
    assert_eq!(c.preset.as_ref().unwrap().id, "us-tx-md-do");
    assert!(rule_changes(&c, p).is_empty());
    let mut edited = c.clone();
    edited.rules.remove(0);
    edited.rules[0].label = "Renamed".into();
    let changes = rule_changes(&edited, p);
    assert!(changes
        .iter()
        .any(|x| matches!(x, RuleChange::Added(r) if r.id == p.rules[0].id)));
    assert!(changes
        .iter()
        .any(|x| matches!(x, RuleChange::Changed { .. })));
}

#[test]
fn adding_the_dea_registration_makes_its_holder_a_registrant_so_mate_applies() {
    use cme_tracker::domain::engine::evaluate::{evaluate, RuleStatus};
    let mate = find("us-dea-mate").expect("the MATE preset");
    let implied = mate.implied_conditions();
    assert_eq!(
        implied.iter().map(String::as_str).collect::<Vec<_>>(),
        ["dea_registrant"]
    );
    let mut cred = mate.instantiate(
        uuid::Uuid::new_v4(),
        date("2024-07-01"),
        date("2027-06-30"),
        chrono::Utc::now(),
    );
    cred.conditions = implied;
    let ev = evaluate(&cred, NO_ACTIVITIES, date("2026-01-01"));
    assert_eq!(ev.rules[0].status, RuleStatus::NotMet);
    assert_eq!(
        ev.rules[0].remaining,
        cme_tracker::domain::build::hours("8")
    );
    // A state license implies nothing: its conditions are the holder's to tick.
    assert!(find("us-tx-md-do").unwrap().implied_conditions().is_empty());
}

/// Every preset makes a credential that passes the validity contract (so adding one can never
/// produce a record that a reload would refuse), with the conditions it implies ticked.
#[test]
fn every_preset_instantiates_within_the_contract() {
    use cme_tracker::domain::model::contract::check_credential;
    let catalog = cme_tracker::domain::presets::catalog();
    assert!(catalog.len() >= 76);
    for (i, p) in catalog.presets().iter().enumerate() {
        let end = date("2027-06-30");
        let mut c = p.instantiate(
            uuid::Uuid::new_v4(),
            p.cycle_start_for(end),
            end,
            chrono::Utc::now(),
        );
        c.conditions = p.implied_conditions();
        let mut problems = Vec::new();
        check_credential(&c, i, &mut problems);
        assert!(problems.is_empty(), "{}: {problems:?}", p.id);
    }
}
