//! The stored size of a long career: 10,000 realistic activities must fit well inside the ~5 MB
//! localStorage quota (goal ≤ 3 MB). The figure is printed for docs/performance.md
//! (`cargo test --test storage_size -- --nocapture`).
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;

use cme_tracker::domain::build::*;
use cme_tracker::storage::format::{encode, KEY_ACTIVITIES};
use cme_tracker::storage::AppData;

const TITLES: [&str; 5] = [
    "Grand Rounds: Sepsis Recognition and Management",
    "Opioid Prescribing: Safe Practices Update",
    "Annual Cardiology Review Conference, Day 2",
    "Implicit Bias in Clinical Decision-Making",
    "Journal Club: Anticoagulation in Atrial Fibrillation",
];
const PROVIDERS: [&str; 4] = [
    "Texas Medical Association",
    "American College of Physicians",
    "St. Mary's Hospital CME Office",
    "Medscape Education",
];

#[test]
fn ten_thousand_activities_fit_in_three_megabytes() {
    let mut data = AppData::default();
    for i in 0..10_000u32 {
        let end = date("2006-01-01") + chrono::Duration::days((i as i64 * 7) % 7300);
        let mut b = activity(&end.to_string())
            .title(TITLES[i as usize % 5])
            .credit("AMA_PRA_CAT1", ["1", "1.5", "2", "0.75"][i as usize % 4]);
        if i % 3 == 0 {
            b = b.credit("ABIM_MOC_POINT", "1");
        }
        if i % 4 == 0 {
            b = b.topic("ethics_professional_responsibility");
        }
        let mut a = b.build();
        a.provider = PROVIDERS[i as usize % 4].into();
        a.created_at = Utc::now();
        a.updated_at = a.created_at;
        data.activities.push(a);
    }
    let parts = encode(&data, None, 1, Utc::now());
    let activities = &parts.iter().find(|(k, _)| *k == KEY_ACTIVITIES).unwrap().1;
    let total: usize = parts.iter().map(|(k, v)| k.len() + v.len()).sum();
    println!(
        "stored size of 10,000 activities: {} bytes ({:.2} MB); all keys {} bytes",
        activities.len(),
        activities.len() as f64 / 1_048_576.0,
        total
    );
    assert!(total <= 3_000_000, "{total} bytes is over the 3 MB goal");
}
