//! The fuzz harness of issue 11: structured mutations of a valid backup file and of the stored
//! format, fed to backup import and to the stored-format loader.
//!
//! For every mutation it counts three things, and fails if any is not zero:
//! - panics anywhere in parse, migrate, evaluate or plan;
//! - accepted data that breaks the validity contract;
//! - rejections that do not name where: every problem must carry a record kind and a field path,
//!   and a problem inside a record list must also carry the record's position.
//!
//! `cargo test --test fuzz_import` runs 2,000 mutations of each (CI); `scripts/fuzz.sh` runs
//! 100,000 of each with overflow checks on and prints the figures for docs/reliability.md.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::{Duration, TimeZone, Utc};
use serde_json::{json, Value};

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::evaluate_all;
use cme_tracker::domain::engine::plan::plan;
use cme_tracker::domain::model::contract::Problem;
use cme_tracker::domain::{ExemptionKind, Format, Recurrence};
use cme_tracker::storage::format::{decode, decode_named, encode, LoadError};
use cme_tracker::storage::{backup, validate, AppData, Goal};

/// xorshift64*: deterministic, so a failing case can be replayed with its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A career's worth of varied, valid records: every rule kind and recurrence, past cycles,
/// exemptions, weights, equivalences, planned activities, goals and deletions.
fn seed() -> AppData {
    let mut data = AppData::default();
    for i in 0..8 {
        let mut b = activity(&format!("2025-{:02}-1{}", i + 1, i % 9))
            .title(&format!("Activity {i}: ethics & opioids"))
            .credit("AMA_PRA_CAT1", ["1", "2.5", "0.25", "12"][i % 4])
            .topic("ethics_professional_responsibility");
        if i % 2 == 0 {
            b = b.credit("ABIM_MOC_POINT", "1").topic("implicit_bias");
        }
        if i % 3 == 0 {
            b = b
                .format(Format::OnDemandOnline)
                .start(&format!("2025-{:02}-01", i + 1));
        }
        if i == 7 {
            b = b.planned();
        }
        let mut a = b.build();
        a.tags = vec!["grand rounds".into()];
        a.notes = "Certificate in the drawer".into();
        a.provider = "Texas Medical Association".into();
        data.activities.push(std::sync::Arc::new(a));
    }
    let mut mate = topic_min("mate", "8", &["substance_use_disorder"], &[]);
    mate.recurrence = Recurrence::OnceEver;
    mate.applies_if.all = vec!["dea_registrant".into()];
    let mut ethics = topic_min(
        "ethics",
        "2",
        &["ethics_professional_responsibility"],
        &["AMA_PRA_CAT1"],
    );
    ethics.recurrence = Recurrence::EveryNCycles { n: 3 };
    let mut opioids = per_year("opioids", "1", &["implicit_bias"], &[]);
    opioids.recurrence = Recurrence::AfterFirstCycles {
        after: 2,
        months: 96,
    };
    let mut first = completion("first", &["implicit_bias"]);
    first.recurrence = Recurrence::FirstCycles { n: 1 };
    let mut months = type_cap("cap", "10", &["AMA_PRA_CAT2"]);
    months.recurrence = Recurrence::EveryNMonths { months: 24 };
    data.credentials.push(
        credential("Texas medical license", "2025-02-01", "2027-01-31")
            .deadline("2027-02-28")
            .past_cycle("2023-02-01", "2025-01-31")
            .rule(total_with_carry_over(
                "total",
                "48",
                &["AMA_PRA_CAT1", "AMA_PRA_CAT2"],
                "10",
            ))
            .rule(category_min("cat1", "24", &["AMA_PRA_CAT1"]))
            .rule(ethics)
            .rule(opioids)
            .rule(first)
            .rule(months)
            .rule(format_cap("self", "8", &[Format::OnDemandOnline]))
            .exemption("first", ExemptionKind::DeemedMet, "Done in residency")
            .weight("AMA_PRA_CAT1", 150)
            .equivalence("AOA_1A", "AMA_PRA_CAT1")
            .build(),
    );
    data.credentials.push(
        credential("DEA registration", "2024-07-01", "2027-06-30")
            .condition("dea_registrant")
            .rule(mate)
            .build(),
    );
    let t = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    data.goals.push(Goal {
        id: uuid::Uuid::new_v4(),
        title: "Better opioid tapering".into(),
        notes: "From a chart review".into(),
        reflection: String::new(),
        activity_ids: vec![data.activities[0].id],
        target_date: Some(date("2026-09-30")),
        need: Some(cme_tracker::domain::model::learning::NeedSource::AuditResult),
        target_hours: Some(hours("4")),
        topics: vec![cme_tracker::domain::TopicId::new("pain_management_opioids")],
        credit_type: Some(cme_tracker::domain::CreditTypeId::new("AMA_PRA_CAT1")),
        status: cme_tracker::domain::model::learning::GoalStatus::Met,
        created_at: t,
        updated_at: t + Duration::days(2),
    });
    data.remove_activity(data.activities[6].id, t + Duration::days(3));
    data.settings.last_backup_at = Some(t);
    data.settings.updated_at = Some(t);
    data
}

/// Values that break things: type changes, range ends, impossible dates, unknown codes.
fn nasty(rng: &mut Rng) -> Value {
    let pool: [Value; 34] = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1),
        json!(20),
        json!(21),
        json!(240),
        json!(1_000_000),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1e300),
        json!(0.5),
        json!(""),
        json!(" "),
        json!("x".repeat(5001)),
        json!("9999-12-31"),
        json!("2025-02-30"),
        json!("0025-01-01"),
        json!("1899-12-31"),
        json!("2201-01-01"),
        json!("+262142-12-31"),
        json!("-262143-01-01"),
        json!("2262-04-12T00:00:00Z"),
        json!("1600-01-01T00:00:00Z"),
        json!("2300-01-01T00:00:00Z"),
        json!("NOT_A_CODE"),
        json!("custom:"),
        json!("00000000-0000-0000-0000-000000000000"),
        json!([]),
        json!({}),
        json!(["AMA_PRA_CAT1", 100]),
        json!({"type": "every_n_cycles", "n": 1_000_000}),
    ];
    pool[rng.below(pool.len())].clone()
}

/// Every node's path (object keys and array indices) below `v`.
fn paths(v: &Value, at: &mut Vec<Vec<Value>>, prefix: Vec<Value>) {
    at.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                let mut p = prefix.clone();
                p.push(Value::String(k.clone()));
                paths(c, at, p);
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                let mut p = prefix.clone();
                p.push(json!(i));
                paths(c, at, p);
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    let mut cur = v;
    for step in path {
        cur = match step {
            Value::String(k) => &mut cur[k.as_str()],
            Value::Number(i) => &mut cur[i.as_u64().unwrap() as usize],
            _ => unreachable!(),
        };
    }
    cur
}

/// One structured mutation somewhere in `v`.
fn mutate(v: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    paths(v, &mut all, Vec::new());
    let path = all[rng.below(all.len())].clone();
    let donor = {
        let other = all[rng.below(all.len())].clone();
        node(&mut v.clone(), &other).clone()
    };
    match rng.below(7) {
        // Replace by a nasty value.
        0 | 1 => *node(v, &path) = nasty(rng),
        // Delete the node from its parent.
        2 if !path.is_empty() => {
            let (last, parent) = path.split_last().unwrap();
            match (node(v, parent), last) {
                (Value::Object(m), Value::String(k)) => {
                    m.remove(k);
                }
                (Value::Array(a), Value::Number(i)) => {
                    a.remove(i.as_u64().unwrap() as usize);
                }
                _ => {}
            }
        }
        // Duplicate an array element (same id twice), or add an unknown key to an object.
        3 => match node(v, &path) {
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                let copy = a[i].clone();
                a.push(copy);
            }
            Value::Object(m) => {
                m.insert("unexpected".into(), nasty(rng));
            }
            other => *other = nasty(rng),
        },
        // Nudge a number or a date past a limit.
        4 => {
            let n = node(v, &path);
            match n.clone() {
                Value::Number(x) => {
                    let f = x.as_i64().unwrap_or(0);
                    *n = json!(
                        [
                            f.saturating_add(1),
                            f.saturating_sub(1),
                            f.saturating_mul(1000),
                            f.saturating_neg()
                        ][rng.below(4)]
                    );
                }
                Value::String(s) if s.len() >= 10 && s.as_bytes()[4] == b'-' => {
                    let year = ["1899", "2201", "0000", "9999", "1900", "2200"][rng.below(6)];
                    *n = json!(format!("{year}{}", &s[4..]));
                }
                _ => *n = nasty(rng),
            }
        }
        // Transplant another node's value here (a date into an amount, a rule into a cycle...).
        _ => *node(v, &path) = donor,
    }
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    accepted: usize,
    rejected: usize,
    too_new: usize,
    panics: usize,
    accepted_invalid: usize,
    unnamed: usize,
    /// Stored data the app's fast reader and the naming reader judge differently.
    disagreements: usize,
    examples: Vec<String>,
}

impl Tally {
    fn note(&mut self, what: String) {
        if self.examples.len() < 5 {
            self.examples.push(what);
        }
    }

    /// A rejection names where: each problem has a kind and a path, and a problem inside a
    /// record list also the record's position.
    fn check_named(&mut self, problems: &[Problem], context: &str) {
        let named = !problems.is_empty()
            && problems.iter().all(|p| {
                let in_list = ["activities[", "credentials[", "goals[", "tombstones["]
                    .iter()
                    .any(|l| p.path.starts_with(l));
                !p.record.kind.is_empty()
                    && !p.path.is_empty()
                    && (!in_list || p.record.position > 0)
            });
        if !named {
            self.unnamed += 1;
            self.note(format!("unnamed rejection ({context}): {problems:?}"));
        }
    }

    /// Accepted data must pass the contract, and the engine must return for it.
    fn check_accepted(&mut self, data: &AppData, context: &str) {
        self.accepted += 1;
        let problems = validate::check(data);
        if !problems.is_empty() {
            self.accepted_invalid += 1;
            self.note(format!("accepted invalid ({context}): {}", problems[0]));
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let run = caught(|| {
            let evs = evaluate_all(&data.credentials, &data.activities, today);
            let _ = plan(&data.credentials, &evs, false);
            let _ = plan(&data.credentials, &evs, true);
        });
        if run.is_err() {
            self.panics += 1;
            self.note(format!("engine panic ({context})"));
        }
    }

    fn report(&self, name: &str) {
        println!(
            "{name}: {} mutations; {} accepted, {} rejected, {} refused as newer; panics {}, accepted breaking the contract {}, rejections not naming record and field {}, fast and naming readers disagreeing {}",
            self.cases, self.accepted, self.rejected, self.too_new, self.panics, self.accepted_invalid, self.unnamed, self.disagreements
        );
        for e in &self.examples {
            println!("  e.g. {e}");
        }
    }

    fn assert_clean(&self) {
        assert_eq!(
            (
                self.panics,
                self.accepted_invalid,
                self.unnamed,
                self.disagreements
            ),
            (0, 0, 0, 0),
            "{:#?}",
            self.examples
        );
    }
}

fn cases() -> usize {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

fn rng() -> Rng {
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_CAFE_u64);
    Rng(seed | 1)
}

thread_local! {
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Silences the panic message of the panics the harness catches (they are counted instead);
/// any other panic (the harness's own, or a failed assertion) is reported as usual.
fn quiet() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CATCHING.with(|c| c.get()) {
            default(info);
        }
    }));
}

/// `catch_unwind` with the message silenced.
fn caught<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    CATCHING.with(|c| c.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    r
}

#[test]
fn mutated_backups_never_panic_never_slip_through_and_always_say_where() {
    quiet();
    let data = seed();
    let text = backup::export(&data, "0.1.0", Utc::now());
    assert!(
        backup::parse(text.as_bytes()).is_ok(),
        "the seed itself is valid"
    );
    let original: Value = serde_json::from_str(&text).unwrap();
    let mut rng = rng();
    let mut t = Tally::default();
    for _ in 0..cases() {
        t.cases += 1;
        let mut v = original.clone();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut v, &mut rng);
        }
        let mut bytes = serde_json::to_vec_pretty(&v).unwrap();
        // Now and then, damage the bytes too (syntax errors must say line and column).
        if rng.chance(10) && !bytes.is_empty() {
            let i = rng.below(bytes.len());
            bytes[i] = (rng.next() & 0xff) as u8;
        }
        match caught(|| backup::parse(&bytes)) {
            Err(_) => {
                t.panics += 1;
                t.note("parse panicked".into());
            }
            Ok(Ok(b)) => t.check_accepted(&b.data, "backup"),
            Ok(Err(e)) => {
                t.rejected += 1;
                t.check_named(&e.problems, &e.summary);
            }
        }
    }
    t.report("backup import");
    t.assert_clean();
}

#[test]
fn mutated_stored_data_never_panics_never_slips_through_and_always_says_where() {
    quiet();
    let data = seed();
    let parts: BTreeMap<String, Value> = encode(&data, None, 5, Utc::now())
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::from_str(&v).unwrap()))
        .collect();
    let mut rng = rng();
    let mut t = Tally::default();
    for _ in 0..cases() {
        t.cases += 1;
        let mut stored = parts.clone();
        for _ in 0..1 + rng.below(3) {
            let keys: Vec<String> = stored.keys().cloned().collect();
            let key = &keys[rng.below(keys.len())];
            if rng.chance(3) {
                stored.remove(key);
                continue;
            }
            mutate(stored.get_mut(key).unwrap(), &mut rng);
        }
        let mut texts: BTreeMap<String, String> = stored
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        if rng.chance(10) {
            if let Some(text) = texts.values_mut().next() {
                let mut bytes = text.clone().into_bytes();
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    bytes[i] = b"{}[],:\"x0"[rng.below(9)];
                }
                *text = String::from_utf8_lossy(&bytes).into_owned();
            }
        }
        // The app's fast path and the naming reader must agree on what they accept.
        let fast = caught(|| decode(|k| texts.get(k).cloned()).map(|l| l.data));
        let named = caught(|| decode_named(|k| texts.get(k).cloned()));
        if let (Ok(f), Ok(n)) = (&fast, &named) {
            let agree = match (f, n) {
                (Ok(a), Ok(b)) => *a == b.data,
                (Err(LoadError::TooNew { .. }), Err(LoadError::TooNew { .. })) => true,
                (Err(LoadError::Corrupt { .. }), Err(LoadError::Corrupt { .. })) => true,
                _ => false,
            };
            if !agree {
                t.disagreements += 1;
                t.note(format!(
                    "fast and named readers disagree: {:?} vs {:?}",
                    f.as_ref().err(),
                    n.as_ref().err()
                ));
            }
        }
        if fast.is_err() {
            t.panics += 1;
            t.note("fast decode panicked".into());
        }
        match named {
            Err(_) => {
                t.panics += 1;
                t.note("decode panicked".into());
            }
            Ok(Ok(loaded)) => t.check_accepted(&loaded.data, "stored"),
            Ok(Err(LoadError::TooNew { .. })) => t.too_new += 1,
            Ok(Err(LoadError::Corrupt {
                problems, message, ..
            })) => {
                t.rejected += 1;
                t.check_named(&problems, &message);
            }
        }
    }
    t.report("stored format");
    t.assert_clean();
}
