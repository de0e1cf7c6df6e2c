//! `cargo bench --bench sync` (run by scripts/bench.sh): syncing a 10,000-activity career by file
//! through the worker's job (worker::sync), natively at full speed — the first exchange (every
//! record stamped and written, then merged into an empty device) and a later one (ten edits).
//! Not budgeted; the figures go into docs/performance.md. The worker runs the same code as
//! size-optimised wasm, a few times slower.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use cme_tracker::domain::build::activity;
use cme_tracker::storage::AppData;
use cme_tracker::worker::protocol::{to_stored, Response, Stored};
use cme_tracker::worker::sync;

fn career(n: usize) -> AppData {
    let mut d = AppData::default();
    for i in 0..n {
        d.upsert_activity(
            activity(&format!(
                "20{:02}-{:02}-{:02}",
                10 + i % 16,
                i % 12 + 1,
                i % 28 + 1
            ))
            .title(&format!("Grand rounds #{i}"))
            .credit("AMA_PRA_CAT1", "1.5")
            .topic("ethics_professional_responsibility")
            .build(),
        );
    }
    d
}

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(1_800_000_000_000 + minutes * 60_000).unwrap()
}

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..5).map(|_| f()).collect();
    times.sort();
    times[2]
}

/// The laptop merges the phone's file.
fn laptop_merges(records: &Stored, state: Option<&str>, text: String, minute: i64) -> Response {
    let file = [("cme-sync-phone.json".to_string(), text)];
    let r = sync::merge(records, state, "Laptop", &file, at(minute), None, &[]);
    assert!(matches!(r, Response::Synced(_)));
    r
}

fn report(name: &str, median: Duration, extra: &str) {
    println!(
        "{name:<56} median {:>8.1} ms   {extra}",
        median.as_secs_f64() * 1e3
    );
}

fn main() {
    let data = career(10_000);
    let records = to_stored(&data);
    let mut sizes = 0;
    let first = median(|| {
        let t = Instant::now();
        let Response::SyncWritten { text, .. } =
            sync::write(&records, None, "Phone", at(0), None, &[])
        else {
            panic!()
        };
        sizes = text.len();
        laptop_merges(&to_stored(&AppData::default()), None, text, 1);
        t.elapsed()
    });
    report(
        "first exchange, 10,000 activities: write + merge",
        first,
        &format!("(file {:.1} MB)", sizes as f64 / 1e6),
    );

    // Both devices in step; ten edits on the phone, then its file merged on the laptop.
    let Response::SyncWritten {
        state: phone, text, ..
    } = sync::write(&records, None, "Phone", at(0), None, &[])
    else {
        panic!()
    };
    let Response::Synced(merged) = laptop_merges(&to_stored(&AppData::default()), None, text, 1)
    else {
        panic!()
    };
    let (laptop, on_laptop) = (merged.state, merged.stored);
    let mut edited = data.clone();
    for a in edited.activities.iter_mut().take(10) {
        let mut x = (**a).clone();
        x.notes = "Certificate in the drawer".into();
        *a = std::sync::Arc::new(x);
    }
    let edited = to_stored(&edited);
    let later = median(|| {
        let t = Instant::now();
        let Response::SyncWritten { text, .. } =
            sync::write(&edited, Some(&phone), "Phone", at(10), None, &[])
        else {
            panic!()
        };
        laptop_merges(&on_laptop, Some(&laptop), text, 11);
        t.elapsed()
    });
    report("later exchange, 10,000 activities, 10 edited", later, "");
}
