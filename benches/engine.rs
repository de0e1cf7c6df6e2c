//! `cargo bench --bench engine` (or `scripts/bench.sh`): evaluation of 12 credentials over
//! 10,000 activities, the plan, and totals. Budgets are in docs/performance.md; this prints the
//! median and p95 of repeated runs and exits non-zero when a median is over its budget.
//!
//! Built with the `bench` profile (opt-level 3, see Cargo.toml): the native figure the budget
//! is set for. The shipped wasm is optimised for size; its own figure comes from
//! scripts/bench-ui.mjs, in Chromium.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::evaluate::evaluate_all;
use cme_tracker::domain::engine::index::ActivityIndex;
use cme_tracker::domain::engine::plan::plan;
use cme_tracker::domain::engine::totals::totals;
use cme_tracker::domain::model::codes::Coded;
use cme_tracker::domain::{Activity, Credential, Format, Recurrence};

const TYPES: [&str; 4] = [
    "AMA_PRA_CAT1",
    "AMA_PRA_CAT2",
    "ANCC_CONTACT_HOUR",
    "ABIM_MOC_POINT",
];
const TOPICS: [&str; 6] = [
    "ethics_professional_responsibility",
    "pain_management_opioids",
    "implicit_bias",
    "medical_errors_patient_safety",
    "domestic_violence",
    "substance_use_disorder",
];

/// A deterministic pseudo-random stream, so every run measures the same records.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// 10,000 activities over 20 years (a long career), 1–2 designations, some topics and formats.
fn activities(n: usize) -> Vec<Activity> {
    let mut r = Lcg(42);
    let formats = Format::ALL;
    (0..n)
        .map(|_| {
            let end = date("2007-01-01") + chrono::Duration::days(r.next(20 * 365) as i64);
            let mut b = activity(&end.to_string())
                .format(formats[r.next(formats.len() as u64) as usize])
                .credit(TYPES[r.next(2) as usize], &format!("{}", 1 + r.next(8)));
            if r.next(3) == 0 {
                b = b.credit(TYPES[2 + r.next(2) as usize], "1.5");
            }
            if r.next(4) == 0 {
                b = b.topic(TOPICS[r.next(TOPICS.len() as u64) as usize]);
            }
            if r.next(20) == 0 {
                b = b.planned();
            }
            b.build()
        })
        .collect()
}

/// Twelve credentials shaped like real ones: totals, category minimums, caps, topic rules,
/// recurring and one-time rules, carry-over, pace.
fn credentials() -> Vec<Credential> {
    (0..12)
        .map(|i| {
            let start = date("2025-01-01") + chrono::Duration::days(30 * i);
            let end = start + chrono::Duration::days(729);
            credential(
                &format!("License {i}"),
                &start.to_string(),
                &end.to_string(),
            )
            .past_cycle(
                &(start - chrono::Duration::days(730)).to_string(),
                &(start - chrono::Duration::days(1)).to_string(),
            )
            .rule(total_with_carry_over(
                "total",
                "50",
                &[TYPES[0], TYPES[1]],
                "10",
            ))
            .rule(category_min("cat1", "25", &[TYPES[0]]))
            .rule(type_cap("cat2cap", "20", &[TYPES[1]]))
            .rule(format_cap(
                "selfstudy",
                "10",
                &[Format::OnDemandOnline, Format::JournalReading],
            ))
            .rule(topic_min("ethics", "2", &[TOPICS[0]], &[TYPES[0]]))
            .rule(
                topic_min("opioids", "2", &[TOPICS[1]], &[])
                    .every(Recurrence::EveryNCycles { n: 3 }),
            )
            .rule(topic_min("mate", "8", &[TOPICS[5]], &[]).every(Recurrence::OnceEver))
            .rule(per_year("bias", "1", &[TOPICS[2]], &[]))
            .build()
        })
        .collect()
}

fn measure(name: &str, budget: Duration, runs: usize, mut f: impl FnMut()) -> bool {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    let p95 = times[runs * 95 / 100];
    let ok = median <= budget;
    println!(
        "{name:<48} median {:>8.3} ms   p95 {:>8.3} ms   budget {:>6.2} ms   {}",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        budget.as_secs_f64() * 1e3,
        if ok { "ok" } else { "OVER BUDGET" }
    );
    ok
}

/// Keeps freed memory in the process, as the wasm build's allocator does (wasm memory only
/// grows). Without it glibc hands the index's large buffers back to the kernel after every run
/// and the figures measure page zeroing (about 0.7 ms a run here), not the engine.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_memory() {
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    const M_TRIM_THRESHOLD: i32 = -1;
    const M_MMAP_THRESHOLD: i32 = -3;
    // SAFETY: mallopt only tunes glibc's allocator; called before any other thread exists.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 256 << 20);
        mallopt(M_TRIM_THRESHOLD, i32::MAX);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

fn main() {
    keep_freed_memory();
    let acts = activities(10_000);
    let creds = credentials();
    let today = date("2026-06-01");
    let evs = evaluate_all(&creds, &acts, today);
    let mut ok = true;
    ok &= measure(
        "index 10,000 activities (part of evaluate)",
        Duration::from_millis(1),
        101,
        || {
            black_box(ActivityIndex::new(black_box(&acts)));
        },
    );
    ok &= measure(
        "evaluate 12 credentials x 10,000 activities",
        Duration::from_millis(2),
        101,
        || {
            black_box(evaluate_all(black_box(&creds), black_box(&acts), today));
        },
    );
    ok &= measure(
        "plan from 12 evaluations, all met",
        Duration::from_millis(1),
        101,
        || {
            black_box(plan(&creds, &evs, false));
        },
    );
    // Nothing logged in the current cycles yet: every rule of every credential has a need to merge.
    let before: Vec<Activity> = acts
        .iter()
        .filter(|a| a.end < date("2024-06-01"))
        .cloned()
        .collect();
    let short = evaluate_all(&creds, &before, today);
    let needs = plan(&creds, &short, false);
    assert!(
        !needs.items.is_empty(),
        "the plan case must have needs to merge"
    );
    ok &= measure(
        "plan from 12 evaluations, every rule short",
        Duration::from_millis(1),
        101,
        || {
            black_box(plan(&creds, &short, false));
        },
    );
    ok &= measure(
        "totals over 10,000 activities",
        Duration::from_millis(2),
        101,
        || {
            black_box(totals(&acts, None, None, false));
        },
    );
    if !ok {
        std::process::exit(1);
    }
}
