//! Backup import must never panic and never accept a damaged file silently.
// Native tests; the browser layer has its own tests (tests/wasm_*.rs).
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;
use proptest::prelude::*;

use cme_tracker::domain::build::*;
use cme_tracker::storage::backup::{export, parse};
use cme_tracker::storage::AppData;

fn sample() -> AppData {
    AppData {
        activities: (0..5)
            .map(|i| {
                activity(&format!("2025-0{}-10", i + 1))
                    .title(&format!("Activity {i}"))
                    .credit("AMA_PRA_CAT1", "1.5")
                    .topic("ethics_professional_responsibility")
                    .build()
            })
            .map(std::sync::Arc::new)
            .collect(),
        credentials: vec![credential("Texas", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .rule(topic_min(
                "ethics",
                "2",
                &["ethics_professional_responsibility"],
                &[],
            ))
            .build()],
        ..AppData::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_are_refused_saying_where(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        // Random bytes are never a backup; the refusal says where the file goes wrong.
        let err = parse(&bytes).unwrap_err();
        prop_assert!(!err.problems.is_empty(), "{}", err);
        prop_assert!(err.problems.iter().all(|p| !p.path.is_empty()), "{}", err);
    }

    #[test]
    fn mutated_backups_never_panic_and_accepted_ones_are_well_formed(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes = export(&sample(), "0.1.0", Utc::now()).into_bytes();
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        if let Ok(backup) = parse(&bytes) {
            // Whatever got through passes the contract, and is valid by the same rules as a
            // fresh export.
            prop_assert!(cme_tracker::storage::validate::check(&backup.data).is_empty());
            let again = export(&backup.data, "0.1.0", Utc::now());
            prop_assert_eq!(parse(again.as_bytes()).map(|b| b.data), Ok(backup.data));
        }
    }
}

#[test]
fn a_credential_added_on_two_devices_is_found_and_merged_on_request() {
    use cme_tracker::domain::presets::find;
    use cme_tracker::storage::backup::{export, parse, preview};
    use cme_tracker::worker::backup::check;
    use cme_tracker::worker::protocol::{to_stored, Response};
    let p = find("us-tx-md-do").unwrap();
    let end = date("2027-01-31");
    let here_cred = p.instantiate(
        uuid::Uuid::new_v4(),
        p.cycle_start_for(end),
        end,
        chrono::Utc::now(),
    );
    let other_cred = p.instantiate(
        uuid::Uuid::new_v4(),
        p.cycle_start_for(end),
        end,
        chrono::Utc::now(),
    );
    let mut here = cme_tracker::storage::AppData::default();
    here.upsert_credential(here_cred.clone());
    let mut there = cme_tracker::storage::AppData::default();
    there.upsert_credential(other_cred.clone());
    let file = export(&there, "1.0.0", chrono::Utc::now());
    let b = parse(file.as_bytes()).unwrap();
    let pv = preview(&here, &b);
    assert_eq!(
        pv.duplicates,
        vec![(other_cred.id, here_cred.id, here_cred.name.clone())]
    );
    // Merged without unifying: two credentials; unified: one, under the id held here.
    let (job, _) = check(&file, &to_stored(&here), &mut |_, _| {}).unwrap();
    let count = |r: Response| match r {
        Response::Records { stored, .. } => cme_tracker::worker::protocol::from_stored(&stored)
            .unwrap()
            .credentials
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(count(job.merged(&[], &[])).len(), 2);
    assert_eq!(count(job.merged(&[], &[other_cred.id])), vec![here_cred.id]);
}

#[test]
fn certificate_files_travel_in_a_backup_and_a_damaged_one_is_refused() {
    use base64::Engine;
    use cme_tracker::domain::model::attachment::CertificateFile;
    use cme_tracker::storage::backup::export_with_files;
    use sha2::Digest;
    let bytes = b"%PDF-1.4 a certificate".to_vec();
    let digest: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let id = uuid::Uuid::new_v4();
    let mut a = activity("2025-03-03").credit("AMA_PRA_CAT1", "1").build();
    a.certificates.push(CertificateFile {
        id,
        name: "c.pdf".into(),
        mime: "application/pdf".into(),
        size: bytes.len() as u64,
        sha256: digest,
        added: date("2025-03-04"),
    });
    let mut data = AppData::default();
    data.upsert_activity(a);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let text = export_with_files(&data, "1.0.0", Utc::now(), &[(id, b64)], None);
    let back = parse(text.as_bytes()).unwrap();
    assert_eq!(back.files, vec![(id, bytes.clone())]);
    assert_eq!(back.data, data);
    // One byte changed: refused, naming the file.
    let damaged = text.replace(
        &base64::engine::general_purpose::STANDARD.encode(&bytes),
        &base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.4 a certificatE"),
    );
    let err = parse(damaged.as_bytes()).unwrap_err();
    assert!(
        err.problems[0].to_string().contains("files[0] (c.pdf)"),
        "{:?}",
        err.problems
    );
    // A records-only backup of the same data still reads, with no files.
    assert!(parse(export(&data, "1.0.0", Utc::now()).as_bytes())
        .unwrap()
        .files
        .is_empty());
}

/// A new backup is due once records exist and neither a download nor a write to the chosen file
/// happened in the last 30 days.
#[test]
fn a_backup_is_due_after_thirty_days_without_one() {
    use chrono::{Duration, TimeZone, Utc};
    use cme_tracker::storage::backup::{due, REMINDER_DAYS};
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
    let days_ago = |d: i64| Some(now - Duration::days(d));
    assert!(!due(false, None, None, now), "nothing to back up");
    assert!(due(true, None, None, now), "never backed up");
    assert!(!due(true, days_ago(REMINDER_DAYS), None, now));
    assert!(due(true, days_ago(REMINDER_DAYS + 1), None, now));
    assert!(
        !due(true, days_ago(90), days_ago(2), now),
        "the file written counts"
    );
    assert!(!due(true, days_ago(1), days_ago(90), now));
}
