//! For every preset, scenarios derived from its own rules: a clinician with nothing logged (every
//! applicable requirement short by exactly its hours), one who did exactly what each rule asks
//! (everything met), and one who skipped a single topic (only that rule fails, by exactly its
//! hours). Then the edge cases the facts name, by hand.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Months, NaiveDate, Utc};
use uuid::Uuid;

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::{cycle_years, evaluate, Measure, RuleStatus};
use cme_tracker::domain::model::vocab;
use cme_tracker::domain::presets::{catalog, find, Preset};
use cme_tracker::domain::{Activity, Amount, Credential, RenewalAnswer, Rule, RuleKind, TopicId};

const END: &str = "2027-12-31";
const TODAY: &str = "2027-06-30";

/// A credential from the preset at its fourth renewal, holding every condition a rule applies
/// to (so conditional rules are tested) but none that excludes or deems a rule met.
fn holder(p: &Preset) -> Credential {
    let end = date(END);
    let mut c = p.instantiate(Uuid::new_v4(), p.cycle_start_for(end), end, Utc::now());
    for r in &c.rules.clone() {
        for code in r.applies_if.all.iter().chain(&r.applies_if.any) {
            c.conditions.insert(code.clone());
        }
    }
    for r in &c.rules.clone() {
        for code in r.applies_if.none.iter().chain(&r.deemed_met_if) {
            c.conditions.remove(code);
        }
    }
    let mut start = c.cycle.start;
    for _ in 0..3 {
        let prev_end = start.pred_opt().unwrap();
        let prev_start = p.cycle_start_for(prev_end);
        c.past_cycles
            .push(cme_tracker::domain::Cycle::new(prev_start, prev_end));
        start = prev_start;
    }
    c
}

/// A credit type the rule accepts that no cap of the preset limits.
fn uncapped_type(rules: &[Rule], accepted: &[String]) -> String {
    let capped: Vec<String> = rules
        .iter()
        .filter_map(|r| match &r.kind {
            // Caps on a type for a topic or format only do not limit plain activities.
            RuleKind::Cap {
                accepts,
                topics,
                formats,
                ..
            } if topics.is_empty() && formats.is_empty() => Some(
                accepts
                    .credit_types
                    .iter()
                    .map(|t| t.as_str().to_string())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    accepted
        .iter()
        .find(|t| !capped.contains(t))
        .cloned()
        .unwrap_or_else(|| "AMA_PRA_CAT1".to_string())
}

fn one(end: NaiveDate, code: &str, amount: Amount, topic: Option<&str>) -> Activity {
    let mut b = activity(&end.to_string()).credit(code, &amount.to_string());
    if let Some(t) = topic {
        b = b.topic(t);
    }
    b.build()
}

/// Activities doing exactly what each rule asks, one rule at a time (topic activities carry
/// only their own topic, so skipping one fails only that rule).
fn exactly_enough(c: &Credential) -> Vec<(String, Activity)> {
    let ev = evaluate(c, NO_ACTIVITIES, date(TODAY));
    let day = date(END) - chrono::Duration::days(20);
    let mut out = Vec::new();
    for (rule, re) in c.rules.iter().zip(&ev.rules) {
        if re.status != RuleStatus::NotMet {
            continue;
        }
        let types = |a: &cme_tracker::domain::Accepts| -> Vec<String> {
            a.credit_types
                .iter()
                .map(|t| t.as_str().to_string())
                .collect()
        };
        match &rule.kind {
            RuleKind::Total { accepts, .. } | RuleKind::CategoryMin { accepts, .. } => {
                out.push((
                    rule.id.clone(),
                    one(
                        day,
                        &uncapped_type(&c.rules, &types(accepts)),
                        re.required,
                        None,
                    ),
                ));
            }
            RuleKind::TopicMin {
                topics,
                accepts,
                min,
            } => {
                out.push((
                    rule.id.clone(),
                    one(
                        day,
                        &uncapped_type(&c.rules, &types(accepts)),
                        *min,
                        Some(topics[0].as_str()),
                    ),
                ));
            }
            RuleKind::Completion { topics, .. } => {
                out.push((
                    rule.id.clone(),
                    one(
                        day,
                        "AMA_PRA_CAT1",
                        Amount::hours(1),
                        Some(topics[0].as_str()),
                    ),
                ));
            }
            RuleKind::PerYear {
                topics,
                accepts,
                min_per_year,
            } => {
                for (from, _) in cycle_years(&c.cycle) {
                    let t = topics.first().map(|t| t.as_str());
                    out.push((
                        rule.id.clone(),
                        one(
                            from + chrono::Duration::days(1),
                            &uncapped_type(&c.rules, &types(accepts)),
                            *min_per_year,
                            t,
                        ),
                    ));
                }
            }
            RuleKind::Cap { .. } => {}
        }
    }
    out
}

#[test]
fn every_preset_nothing_logged_is_short_by_exactly_each_requirement() {
    for p in catalog().presets() {
        let c = holder(p);
        let ev = evaluate(&c, NO_ACTIVITIES, date(TODAY));
        for (rule, re) in c.rules.iter().zip(&ev.rules) {
            if re.measure != Measure::Hours || re.status == RuleStatus::NotApplicable {
                continue;
            }
            let stated = match &rule.kind {
                RuleKind::Total { min, .. } => {
                    // Topic hours the board wants on top are added to the total.
                    let on_top: Amount = c
                        .rules
                        .iter()
                        .zip(&ev.rules)
                        .filter(|(r, e)| {
                            !r.counts_toward_total
                                && matches!(r.kind, RuleKind::TopicMin { .. })
                                && e.status != RuleStatus::NotApplicable
                        })
                        .map(|(r, _)| match r.kind {
                            RuleKind::TopicMin { min, .. } => min,
                            _ => Amount::ZERO,
                        })
                        .sum();
                    *min + on_top
                }
                RuleKind::CategoryMin { min, .. } | RuleKind::TopicMin { min, .. } => *min,
                RuleKind::PerYear { min_per_year, .. } => {
                    *min_per_year * cycle_years(&c.cycle).len() as i64
                }
                _ => continue,
            };
            assert_eq!(re.status, RuleStatus::NotMet, "{} / {}", p.id, rule.id);
            assert_eq!(re.remaining, stated, "{} / {}", p.id, rule.id);
        }
    }
}

#[test]
fn every_preset_compliant_when_each_rule_gets_exactly_what_it_asks() {
    for p in catalog().presets() {
        let c = holder(p);
        let acts: Vec<Activity> = exactly_enough(&c).into_iter().map(|(_, a)| a).collect();
        let ev = evaluate(&c, &acts, date(TODAY));
        for re in &ev.rules {
            assert!(
                re.status.is_satisfied(),
                "{} / {}: {:?}, {} left",
                p.id,
                re.rule_id,
                re.status,
                re.remaining
            );
        }
        // The credential as a whole: met, except where a board needs more than one pathway
        // (Alaska: two of three) or evidence with every pathway (Nebraska: CE with practice
        // hours or a recent graduation), which CE alone cannot meet.
        let needs_more = c
            .pathways
            .as_ref()
            .is_some_and(|w| w.needed > 1 || w.options.iter().all(|o| o.evidence.is_some()));
        assert_eq!(ev.is_on_track(), !needs_more, "{}: {:?}", p.id, ev.status);
    }
}

#[test]
fn rn_boards_with_pathways_are_met_by_any_one_pathway_and_alaska_by_two() {
    use cme_tracker::domain::engine::evaluate::CredentialStatus;
    use cme_tracker::domain::model::pathway::EvidenceRecord;
    let with_pathways: Vec<&Preset> = catalog()
        .presets()
        .iter()
        .filter(|p| p.pathways.is_some())
        .collect();
    assert!(with_pathways.len() >= 15, "{}", with_pathways.len());
    for p in with_pathways {
        let mut c = holder(p);
        let w = c.pathways.clone().unwrap();
        // Nothing logged, every pathway with evidence recorded: met by evidence alone when one
        // evidence pathway is enough.
        let evidence_only: Vec<_> = w
            .options
            .iter()
            .filter(|o| o.rules.is_empty() && o.evidence.is_some())
            .collect();
        for o in &evidence_only {
            c.pathways.as_mut().unwrap().evidence.push(EvidenceRecord {
                pathway: o.id.clone(),
                date: c.cycle.start,
                hours: o.evidence.as_ref().unwrap().hours,
                note: String::new(),
            });
        }
        let common_left = c.rules.iter().filter(|r| !w.is_pathway_rule(&r.id)).count();
        let ev = evaluate(&c, NO_ACTIVITIES, date(TODAY));
        let enough = evidence_only.len() as u32 >= w.needed;
        if common_left == 0 && enough {
            assert_eq!(ev.status, CredentialStatus::Met, "{}", p.id);
        }
        assert_eq!(ev.pathways.len(), w.options.len(), "{}", p.id);
        assert!(
            ev.pathways
                .iter()
                .filter(|x| x.rules_left.is_empty() && x.evidence.is_some())
                .all(|x| x.met),
            "{}",
            p.id
        );
    }
}

#[test]
fn every_preset_with_a_topic_rule_fails_exactly_that_rule_when_the_topic_is_skipped() {
    let mut checked = 0;
    for p in catalog().presets() {
        let c = holder(p);
        let enough = exactly_enough(&c);
        // A topic rule none of whose topics (or group members) another rule uses, so skipping
        // it affects nothing else.
        let overlap = |a: &[TopicId], b: &[TopicId]| {
            let b = vocab::expand_topics(b);
            vocab::expand_topics(a).iter().any(|t| b.contains(t))
        };
        let topic_rule = c.rules.iter().find(|r| match &r.kind {
            RuleKind::TopicMin { topics, .. } => {
                enough.iter().any(|(id, _)| id == &r.id)
                    && c.rules
                        .iter()
                        .filter(|o| o.id != r.id)
                        .all(|o| match &o.kind {
                            RuleKind::TopicMin { topics: t2, .. }
                            | RuleKind::Completion { topics: t2, .. }
                            | RuleKind::PerYear { topics: t2, .. } => !overlap(t2, topics),
                            _ => true,
                        })
            }
            _ => false,
        });
        let Some(rule) = topic_rule else { continue };
        let acts: Vec<Activity> = enough
            .iter()
            .filter(|(id, _)| id != &rule.id)
            .map(|(_, a)| a.clone())
            .collect();
        let ev = evaluate(&c, &acts, date(TODAY));
        let RuleKind::TopicMin { min, .. } = rule.kind else {
            unreachable!()
        };
        let failing: Vec<(&str, Amount)> = ev
            .rules
            .iter()
            .filter(|r| r.status == RuleStatus::NotMet)
            .map(|r| (r.rule_id.as_str(), r.remaining))
            .collect();
        // The topic rule misses its full hours; a total may also miss them when the topic
        // hours were the only ones of their kind, never more.
        assert!(
            failing.contains(&(rule.id.as_str(), min)),
            "{}: {:?}",
            p.id,
            failing
        );
        assert!(
            failing.iter().all(|(_, left)| *left <= min),
            "{}: {:?}",
            p.id,
            failing
        );
        checked += 1;
    }
    assert!(
        checked >= 40,
        "only {checked} presets had a distinct topic rule"
    );
}

fn cred_from(id: &str, end: &str, renewal: u32, conditions: &[&str]) -> Credential {
    let p = find(id).unwrap_or_else(|| panic!("preset {id}"));
    let end = date(end);
    let mut c = p.instantiate(Uuid::new_v4(), p.cycle_start_for(end), end, Utc::now());
    c.first_renewal = renewal == 1;
    c.renewal = Some(renewal);
    let mut start = c.cycle.start;
    for _ in 1..renewal {
        let prev_end = start.pred_opt().unwrap();
        let prev_start = p.cycle_start_for(prev_end);
        c.past_cycles
            .push(cme_tracker::domain::Cycle::new(prev_start, prev_end));
        start = prev_start;
    }
    for k in conditions {
        c.conditions.insert(k.to_string());
    }
    c
}

fn status_of(c: &Credential, acts: &[Activity], topic: &str) -> (RuleStatus, Amount) {
    let ev = evaluate(c, acts, date(TODAY));
    let (_, re) = c
        .rules
        .iter()
        .zip(&ev.rules)
        .find(|(r, e)| e.status != RuleStatus::NotApplicable && matches!(&r.kind, RuleKind::TopicMin { topics, .. } if topics.len() == 1 && topics[0].as_str() == topic))
        .unwrap_or_else(|| panic!("an applicable {topic} rule"));
    (re.status, re.remaining)
}

#[test]
fn florida_domestic_violence_every_third_renewal() {
    let c = cred_from("us-fl-md", "2028-01-31", 4, &["dea_registrant"]);
    let two_cycles_ago = vec![activity("2023-06-01")
        .topic("domestic_violence")
        .credit("AMA_PRA_CAT1", "2")
        .build()];
    assert_eq!(
        status_of(&c, &two_cycles_ago, "domestic_violence").0,
        RuleStatus::Met
    );
    let four_cycles_ago = vec![activity("2019-06-01")
        .topic("domestic_violence")
        .credit("AMA_PRA_CAT1", "2")
        .build()];
    assert_eq!(
        status_of(&c, &four_cycles_ago, "domestic_violence"),
        (RuleStatus::NotMet, hours("2"))
    );
    // First renewal: the 40 general hours are not required.
    let first = cred_from("us-fl-md", "2028-01-31", 1, &[]);
    let ev = evaluate(&first, NO_ACTIVITIES, date(TODAY));
    assert_eq!(ev.rule("total").unwrap().status, RuleStatus::NotApplicable);
}

#[test]
fn texas_opioids_first_two_renewals_then_every_eight_years() {
    let opioid = |year: i32| {
        vec![activity(&format!("{year}-06-01"))
            .topic("pain_management_opioids")
            .credit("AMA_PRA_CAT1", "2")
            .build()]
    };
    let second = cred_from("us-tx-md-do", "2027-01-31", 2, &["direct_patient_care"]);
    assert_eq!(
        status_of(&second, &opioid(2024), "pain_management_opioids").1,
        hours("2"),
        "must be in this cycle"
    );
    assert_eq!(
        status_of(&second, &opioid(2025), "pain_management_opioids").0,
        RuleStatus::Met
    );
    let fifth = cred_from("us-tx-md-do", "2027-01-31", 5, &["direct_patient_care"]);
    assert_eq!(
        status_of(&fifth, &opioid(2020), "pain_management_opioids").0,
        RuleStatus::Met
    );
    assert_eq!(
        status_of(&fifth, &opioid(2018), "pain_management_opioids").1,
        hours("2")
    );

    // A long-licensed physician who records no earlier cycles but answers "third renewal or
    // later": the every-8-years rule applies (2018 is too old, 2020 counts), not the early one.
    let mut veteran = cred_from("us-tx-md-do", "2027-01-31", 2, &["direct_patient_care"]);
    veteran.past_cycles.clear();
    veteran.set_renewal_answer(RenewalAnswer::ThirdOrLater);
    let ev = evaluate(&veteran, &opioid(2020), date(TODAY));
    assert_eq!(
        ev.rule("pain_management_opioids_first").unwrap().status,
        RuleStatus::NotApplicable
    );
    assert_eq!(
        ev.rule("pain_management_opioids").unwrap().status,
        RuleStatus::Met
    );
    let ev = evaluate(&veteran, &opioid(2018), date(TODAY));
    assert_eq!(
        ev.rule("pain_management_opioids").unwrap().remaining,
        hours("2")
    );
}

#[test]
fn california_twelve_hour_pain_course_once() {
    // Due once, by the second renewal: at the second renewal a course years ago counts…
    let c = cred_from("us-ca-md", "2027-12-31", 2, &[]);
    let long_ago = vec![activity("2012-06-01")
        .topic("pain_management_end_of_life_care")
        .credit("AMA_PRA_CAT1", "12")
        .build()];
    assert_eq!(
        status_of(&c, &long_ago, "pain_management_end_of_life_care").0,
        RuleStatus::Met
    );
    let short = vec![activity("2012-06-01")
        .topic("pain_management_end_of_life_care")
        .credit("AMA_PRA_CAT1", "9")
        .build()];
    assert_eq!(
        status_of(&c, &short, "pain_management_end_of_life_care"),
        (RuleStatus::NotMet, hours("3"))
    );
    // …and an established physician (third renewal on) is not asked for it again.
    let later = cred_from("us-ca-md", "2027-12-31", 3, &[]);
    let ev = evaluate(&later, NO_ACTIVITIES, date(TODAY));
    let re = ev.rule("pain_management_end_of_life_care_once").unwrap();
    assert_eq!(re.status, RuleStatus::NotApplicable);
    assert_eq!(
        cme_tracker::domain::text::describe::status_sentence(
            &later.rules[1],
            re,
            &|d| d.to_string(),
            &|a| a.display_short()
        ),
        "Not applicable: A one-time requirement due by the second renewal; no completion is on record. Not asked again — if you did it, record when on this page."
    );
}

#[test]
fn mate_act_by_earlier_training_or_addiction_certification() {
    let c = cred_from("us-dea-mate", "2027-12-31", 2, &["dea_registrant"]);
    let earlier = vec![
        activity("2021-01-10")
            .topic("substance_use_disorder")
            .credit("AMA_PRA_CAT1", "6")
            .build(),
        activity("2024-01-10")
            .topic("substance_use_disorder")
            .credit("AMA_PRA_CAT1", "2")
            .build(),
    ];
    assert_eq!(
        evaluate(&c, &earlier, date(TODAY)).rules[0].status,
        RuleStatus::Met
    );
    assert_eq!(
        evaluate(&c, &earlier[..1], date(TODAY)).rules[0].remaining,
        hours("2")
    );
    let certified = cred_from(
        "us-dea-mate",
        "2027-12-31",
        2,
        &["dea_registrant", "addiction_board_certified"],
    );
    assert_eq!(
        evaluate(&certified, NO_ACTIVITIES, date(TODAY)).rules[0].status,
        RuleStatus::DeemedMet
    );
}

#[test]
fn michigan_implicit_bias_one_hour_per_license_year() {
    let c = cred_from("us-mi-md", "2027-12-31", 3, &[]);
    let bias = |d: &str| {
        activity(d)
            .topic("implicit_bias")
            .credit("AMA_PRA_CAT1", "1")
            .build()
    };
    let start = c.cycle.start;
    let yr = |k: u32| {
        (start.checked_add_months(Months::new(12 * k)).unwrap() + chrono::Duration::days(5))
            .to_string()
    };
    let every_year = vec![bias(&yr(0)), bias(&yr(1)), bias(&yr(2))];
    assert_eq!(
        status_of_per_year(&c, &every_year),
        (RuleStatus::Met, Amount::ZERO)
    );
    // Three hours in one year do not make up the other two.
    let one_year = vec![activity(&yr(0))
        .topic("implicit_bias")
        .credit("AMA_PRA_CAT1", "3")
        .build()];
    assert_eq!(
        status_of_per_year(&c, &one_year),
        (RuleStatus::NotMet, hours("2"))
    );
}

fn status_of_per_year(c: &Credential, acts: &[Activity]) -> (RuleStatus, Amount) {
    let ev = evaluate(c, acts, date(TODAY));
    let i = c
        .rules
        .iter()
        .position(|r| matches!(r.kind, RuleKind::PerYear { .. }))
        .expect("a per-year rule");
    (ev.rules[i].status, ev.rules[i].remaining)
}

#[test]
fn washington_eighty_hour_cap_per_non_category_one_category() {
    let c = cred_from("us-wa-md", "2027-12-31", 3, &[]);
    let acts = vec![
        activity("2025-03-01").credit("WA_CAT_II", "100").build(),
        activity("2025-04-01").credit("WA_CAT_V", "90").build(),
        activity("2025-05-01").credit("AMA_PRA_CAT1", "20").build(),
    ];
    let ev = evaluate(&c, &acts, date(TODAY));
    // 80 + 80 + 20 = 180 of 200: 20 h over the caps do not count.
    assert_eq!(ev.rule("total").unwrap().counted, hours("180"));
    assert_eq!(ev.rule("total").unwrap().remaining, hours("20"));
}

#[test]
fn an_ethics_course_counts_for_texas_and_pennsylvania_and_child_abuse_hours_only_for_pennsylvanias_total(
) {
    let pa = cred_from("us-pa-md", "2026-12-31", 3, &[]);
    let tx = cred_from("us-tx-md-do", "2027-01-31", 3, &["direct_patient_care"]);
    let ethics = activity("2026-03-01")
        .topic("ethics_professional_responsibility")
        .credit("AMA_PRA_CAT1", "2")
        .build();
    let abuse = activity("2026-03-02")
        .topic("child_abuse")
        .topic("risk_management")
        .credit("AMA_PRA_CAT1", "2")
        .build();
    let acts = vec![ethics, abuse];
    let pa_ev = evaluate(&pa, &acts, date(TODAY));
    let psrm = pa_ev.rule("patient_safety_risk_management").unwrap();
    // The ethics hours count toward Pennsylvania's 12; the child-abuse course does not.
    assert_eq!(psrm.counted, hours("2"));
    assert_eq!(pa_ev.rule("total").unwrap().counted, hours("4"));
    let tx_ev = evaluate(&tx, &acts, date(TODAY));
    let tx_ethics = tx_ev.rule("ethics_professional_responsibility").unwrap();
    assert_eq!(tx_ethics.status, RuleStatus::Met);
}

#[test]
fn setup_asks_about_one_time_rules_and_a_date_answered_meets_them() {
    use cme_tracker::domain::draft::{PresetSetupDraft, PresetSetupField};
    let p = find("us-ca-md").unwrap();
    let asked: Vec<&str> = PresetSetupDraft::done_questions(p)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(asked, vec!["pain_management_end_of_life_care_once"]);
    let mut d = PresetSetupDraft::new(p);
    d.end = "2027-06-30".into();
    d.number = " A123456 ".into();
    d.done.insert(asked[0].into(), "2019-05-01".into());
    let now = chrono::Utc::now();
    let c = d.build(p, Uuid::new_v4(), now).unwrap();
    assert_eq!(c.number.as_deref(), Some("A123456"));
    let ev = evaluate(&c, NO_ACTIVITIES, date(TODAY));
    let pain = ev.rule("pain_management_end_of_life_care_once").unwrap();
    assert_eq!(pain.status, RuleStatus::DeemedMet);
    // Not answered: still outstanding.
    let mut fresh = PresetSetupDraft::new(p);
    fresh.end = "2027-06-30".into();
    let c = fresh.build(p, Uuid::new_v4(), now).unwrap();
    assert_eq!(
        evaluate(&c, NO_ACTIVITIES, date(TODAY))
            .rule("pain_management_end_of_life_care_once")
            .unwrap()
            .status,
        RuleStatus::NotMet
    );
    // A date in the future is refused next to its question.
    d.done.insert(asked[0].into(), "2999-01-01".into());
    let errs = d.build(p, Uuid::new_v4(), now).unwrap_err();
    assert_eq!(errs[0].field, PresetSetupField::Done(0));
}

#[test]
fn setup_never_asks_already_done_about_a_total_or_a_recurring_rule() {
    use cme_tracker::domain::draft::PresetSetupDraft;
    for p in catalog().presets() {
        for r in PresetSetupDraft::done_questions(p) {
            assert!(
                matches!(
                    r.recurrence,
                    cme_tracker::domain::Recurrence::OnceEver
                        | cme_tracker::domain::Recurrence::OnceWithinFirstCycles { .. }
                ),
                "{} {}: recurring",
                p.id,
                r.id
            );
            assert!(
                matches!(
                    r.kind,
                    RuleKind::TopicMin { .. } | RuleKind::Completion { .. }
                ),
                "{} {}: an amount of hours",
                p.id,
                r.id
            );
        }
    }
    // Florida's domestic-violence course recurs every third renewal: logged, not answered.
    assert!(PresetSetupDraft::done_questions(find("us-fl-md").unwrap())
        .iter()
        .all(|r| r.id != "domestic_violence"));
}

#[test]
fn adding_a_preset_already_held_is_noticed() {
    use cme_tracker::domain::draft::PresetSetupDraft;
    let p = find("us-tx-md-do").unwrap();
    let c = cred_from("us-tx-md-do", "2027-01-31", 3, &[]);
    let other = cred_from("us-ca-md", "2027-06-30", 3, &[]);
    let held = vec![other, c];
    let found = PresetSetupDraft::already_held(p, &held);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, held[1].id);
    assert!(PresetSetupDraft::already_held(find("us-fl-md").unwrap(), &held).is_empty());
}
