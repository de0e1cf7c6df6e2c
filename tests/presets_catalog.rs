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
    // and international bodies, the 51 RN boards (50 states + DC), and the other professions'
    // presets (issue 36), each for at least one profession.
    assert_eq!(presets.len(), 183);
    let count = |code: &str| {
        presets
            .iter()
            .filter(|p| p.professions.iter().any(|c| c == code))
            .count()
    };
    assert_eq!(count("pharmacist"), 16);
    assert_eq!(
        count("pa"),
        10,
        "NCCPA, eight states and the DEA registration"
    );
    assert_eq!(count("ems"), 4, "the four NREMT levels");
    assert!(
        presets.iter().all(|p| !p.professions.is_empty()),
        "every preset has a profession"
    );
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
        for t in p
            .weights
            .iter()
            .map(|w| &w.credit_type)
            .chain(p.equivalences.iter().flat_map(|e| [&e.from, &e.counts_as]))
        {
            assert!(
                type_codes.contains(t.as_str()),
                "{}: unknown type {t}",
                p.id
            );
        }
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
fn adding_the_dea_registration_never_asks_whether_she_holds_one_and_a_past_attestation_meets_mate()
{
    use cme_tracker::domain::engine::evaluate::{evaluate, RuleStatus};
    let mate = find("us-dea-mate").expect("the MATE preset");
    // Adding the registration says she holds it: no such question.
    assert!(!mate.conditions_asked.iter().any(|c| c == "dea_registrant"));
    let mut cred = mate.instantiate(
        uuid::Uuid::new_v4(),
        date("2024-07-01"),
        date("2027-06-30"),
        chrono::Utc::now(),
    );
    let ev = evaluate(&cred, NO_ACTIVITIES, date("2026-01-01"));
    assert_eq!(ev.rules[0].status, RuleStatus::NotMet);
    assert_eq!(
        ev.rules[0].remaining,
        cme_tracker::domain::build::hours("8")
    );
    // She renewed after 27 June 2023 and attested then: met, not nagged.
    assert!(mate
        .conditions_asked
        .iter()
        .any(|c| c == "dea_attested_since_mate"));
    cred.conditions.insert("dea_attested_since_mate".into());
    let ev = evaluate(&cred, NO_ACTIVITIES, date("2026-01-01"));
    assert_eq!(ev.rules[0].status, RuleStatus::DeemedMet);
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

/// The catalog lint (issue 33): what a preset's own words say about conditions, first renewals,
/// dates in force and pathways must be in its structured fields, where the engine reads them.
#[test]
fn catalog_lint_every_stated_fact_is_encoded() {
    use cme_tracker::domain::model::pathway::EvidenceKind;
    use cme_tracker::domain::model::vocab::{CONDITIONS, FIRST_RENEWAL_EXEMPT};
    use cme_tracker::domain::Recurrence;
    let known = |c: &str| CONDITIONS.iter().any(|k| k.code == c);
    let lower = |s: &str| s.to_lowercase();
    let exemption_words = [
        "exempt",
        "not required",
        "no ce",
        "no cme",
        "no cne",
        "excepted",
        "need not",
        "0 h",
    ];
    let says_exempt = |s: &str| exemption_words.iter().any(|w| lower(s).contains(w));
    let mut problems: Vec<String> = Vec::new();
    for p in cme_tracker::domain::presets::catalog().presets() {
        // 1. Every condition is a question the holder answers: codes, known, asked.
        for r in &p.rules {
            let a = &r.applies_if;
            let codes: Vec<&String> = a
                .all
                .iter()
                .chain(&a.any)
                .chain(&a.none)
                .chain(&r.deemed_met_if)
                .collect();
            if !a.text.is_empty() && a.all.is_empty() && a.any.is_empty() && a.none.is_empty() {
                problems.push(format!(
                    "{} {}: condition only in words: {}",
                    p.id, r.id, a.text
                ));
            }
            for c in codes {
                if !known(c) {
                    problems.push(format!("{} {}: unknown condition {c}", p.id, r.id));
                }
                if !p.conditions_asked.contains(c) {
                    problems.push(format!("{} {}: condition {c} never asked", p.id, r.id));
                }
            }
        }
        // 2. A first-renewal exemption in the note is a recurrence or a setup question; one
        // for residents and fellows deems the total met when she is one.
        let note = p.first_renewal_note.clone().unwrap_or_default();
        let sentences: Vec<&str> = note.split(['.', ';']).collect();
        let residents = |s: &&str| lower(s).contains("residen") || lower(s).contains("fellow");
        let first_renewal_encoded = p.rules.iter().any(|r| {
            matches!(
                r.recurrence,
                Recurrence::AfterFirstCycles { .. } | Recurrence::FirstCycles { .. }
            ) || r.applies_if.none.iter().any(|c| c == FIRST_RENEWAL_EXEMPT)
        });
        if sentences
            .iter()
            .filter(|s| !residents(s))
            .any(|s| says_exempt(s))
            && !first_renewal_encoded
        {
            problems.push(format!(
                "{}: first-renewal exemption not encoded: {note}",
                p.id
            ));
        }
        let residents_exempt = sentences
            .iter()
            .filter(|s| residents(s))
            .any(|s| says_exempt(s) || lower(s).contains("presumed compliant"));
        if residents_exempt
            && !p
                .rules
                .iter()
                .any(|r| r.deemed_met_if.iter().any(|c| c == "resident_or_fellow"))
        {
            problems.push(format!("{}: residents' exemption not encoded", p.id));
        }
        // 3. A date a rule's note puts it in force from, recent enough to matter to a cycle now.
        let horizon = p.checked - chrono::Months::new(p.cycle_months);
        for r in &p.rules {
            for date in dates_in_force(&r.note) {
                if date > horizon && r.effective_from.is_none() && r.effective_until.is_none() {
                    problems.push(format!(
                        "{} {}: in force from {date} not encoded",
                        p.id, r.id
                    ));
                }
            }
        }
        // 4. A pathway that names practice or volunteer hours carries that evidence, with hours;
        // a pathway with no CE rules carries evidence of some kind.
        if let Some(pw) = &p.pathways {
            for o in &pw.options {
                let label = lower(&o.label);
                // "By CE instead of 900 practice hours", "no CE/practice hours needed": the
                // other pathways.
                let other_way = ["instead of", "insufficient", "no ce"]
                    .iter()
                    .any(|w| label.contains(w));
                let wants = if other_way {
                    None
                } else if label.contains("practice") && label.contains("hours") {
                    Some(EvidenceKind::PracticeHours)
                } else if label.contains("volunteer") || label.contains("uncompensated") {
                    Some(EvidenceKind::VolunteerHours)
                } else {
                    None
                };
                match (&o.evidence, wants) {
                    (None, Some(k)) => problems.push(format!(
                        "{} {}: names {k:?} but records no evidence",
                        p.id, o.id
                    )),
                    // Hours when the label states them (else a yes-no record).
                    (Some(e), Some(k))
                        if e.kind != k || (e.hours.is_none() && states_practice_hours(&label)) =>
                    {
                        problems.push(format!(
                            "{} {}: evidence should be {k:?} with hours",
                            p.id, o.id
                        ))
                    }
                    (None, None) if o.rules.is_empty() => {
                        problems.push(format!("{} {}: neither CE rules nor evidence", p.id, o.id))
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Dates a note says a rule is in force from: "effective 2026-05-01", "renewals from
/// 2025-01-01", "applies beginning 2026-05-01", "on or after 2024-01-01".
fn dates_in_force(note: &str) -> Vec<chrono::NaiveDate> {
    let lower = note.to_lowercase();
    let mut out = Vec::new();
    for cue in [
        "effective ",
        "beginning ",
        "starting ",
        "renewals from ",
        "applies from ",
        "in force from ",
        "on or after ",
    ] {
        let mut at = 0;
        while let Some(i) = lower[at..].find(cue) {
            let start = at + i + cue.len();
            let rest = &note[start..];
            if let Some(d) = rest
                .get(..10)
                .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            {
                out.push(d);
            }
            at = start;
        }
    }
    out
}

/// Whether a label states a number of practice hours ("900 nursing practice hours", "1,000
/// hours of active practice"), not contact hours or years.
fn states_practice_hours(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let number = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        let next: Vec<&str> = words[i + 1..].iter().take(4).copied().collect();
        number
            && !next.iter().any(|n| n.starts_with("contact"))
            && next
                .iter()
                .any(|n| n.starts_with("practice") || n.starts_with("hours"))
    })
}

#[test]
fn setup_asks_which_renewal_only_where_a_rule_depends_on_it() {
    assert!(!find("abim-moc").unwrap().asks_renewal());
    assert!(!find("us-dea-mate").unwrap().asks_renewal());
    assert!(find("us-fl-rn").unwrap().asks_renewal());
    assert!(find("us-pa-rn").unwrap().asks_renewal());
}

/// Every sentence about every preset's rules reads right (issue 33): no doubled words, no
/// "1 … renewals", acronyms in capitals, a capital first and a full stop last, one spelling.
#[test]
fn every_rule_sentence_of_every_preset_reads_right() {
    use cme_tracker::domain::engine::evaluate::evaluate;
    use cme_tracker::domain::text::describe::{rule_sentence, status_sentence};
    let acronyms = [
        "hiv", "aids", "dea", "ptsd", "sud", "ama", "aoa", "ancc", "crna", "aprn", "moc", "cme",
    ];
    let mut problems = Vec::new();
    let mut check = |who: String, s: &str| {
        let words: Vec<String> = s
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_string())
            .collect();
        for w in words.windows(2) {
            if w[0].eq_ignore_ascii_case(&w[1]) && w[0].chars().any(char::is_alphabetic) {
                problems.push(format!("{who}: doubled '{}': {s}", w[0]));
            }
        }
        // "of on practice management": two prepositions where one was meant.
        let small = ["of", "on", "in"];
        for w in words.windows(2) {
            if small.contains(&w[0].as_str()) && small.contains(&w[1].as_str()) {
                problems.push(format!("{who}: '{} {}': {s}", w[0], w[1]));
            }
        }
        for w in words.windows(2) {
            let plural = [
                "renewals", "hours", "credits", "points", "years", "cycles", "months",
            ];
            if (w[0] == "1" || w[0] == "first") && plural.contains(&w[1].as_str()) {
                problems.push(format!("{who}: '{} {}': {s}", w[0], w[1]));
            }
        }
        for w in &words {
            let bare: String = w
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '/')
                .collect();
            for part in bare.split('/') {
                if acronyms.contains(&part) {
                    problems.push(format!("{who}: '{part}' in lower case: {s}"));
                }
            }
        }
        if s.contains("licence") {
            problems.push(format!("{who}: 'licence': {s}"));
        }
        let starts = s
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !starts || !s.trim_end().ends_with('.') {
            problems.push(format!("{who}: not a sentence: {s}"));
        }
    };
    for p in cme_tracker::domain::presets::catalog().presets() {
        let end = date("2027-06-30");
        let c = p.instantiate(
            uuid::Uuid::new_v4(),
            p.cycle_start_for(end),
            end,
            chrono::Utc::now(),
        );
        let ev = evaluate(&c, NO_ACTIVITIES, date("2026-06-01"));
        for (rule, re) in c.rules.iter().zip(&ev.rules) {
            check(format!("{} {}", p.id, rule.id), &rule_sentence(rule));
            let status = status_sentence(rule, re, &|d| d.to_string(), &|a| a.display_short());
            check(format!("{} {} status", p.id, rule.id), &status);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn docs_list_every_preset_under_its_professions() {
    // docs/presets.md is generated by scripts/presets/docs_table.py: run it after convert.py.
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/presets.md"))
        .expect("docs/presets.md");
    for p in catalog().presets() {
        for code in &p.professions {
            assert!(
                cme_tracker::domain::model::profession::Profession::from_code(code).is_some(),
                "{}: unknown profession {code}",
                p.id
            );
        }
        assert!(
            doc.contains(&format!("| `{}` | {} | {} |", p.id, p.name, p.version)),
            "{} (version {}) is not listed in docs/presets.md",
            p.id,
            p.version
        );
    }
}
