//! Two devices syncing by file through the worker's job (worker::sync), as the Devices page
//! drives it: each keeps its sync record as text, writes its file, merges the other's, reviews
//! an edit made on both, and settles it.

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use cme_tracker::domain::build::activity;
use cme_tracker::storage::AppData;
use cme_tracker::worker::protocol::{from_stored, to_stored, Response, Stored};
use cme_tracker::worker::sync::{self, SyncView};

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(1_800_000_000_000 + minutes * 60_000).unwrap()
}

/// One device: its records (as stored) and its sync record.
struct Device {
    name: &'static str,
    records: Stored,
    state: Option<String>,
    /// The certificate files it holds, `(id, base64)`.
    files: Vec<(Uuid, String)>,
}

impl Device {
    fn new(name: &'static str, data: &AppData) -> Device {
        Device {
            name,
            records: to_stored(data),
            state: None,
            files: Vec::new(),
        }
    }

    fn data(&self) -> AppData {
        from_stored(&self.records).unwrap()
    }

    fn write(&mut self, when: i64) -> (String, String) {
        match sync::write(
            &self.records,
            self.state.as_deref(),
            self.name,
            at(when),
            None,
            &self.files,
        ) {
            Response::SyncWritten {
                state,
                file_name,
                text,
                ..
            } => {
                self.state = Some(state);
                (file_name, text)
            }
            other => panic!("{other:?}"),
        }
    }

    fn merge(&mut self, file: (String, String), when: i64) -> (String, Vec<String>, SyncView) {
        let r = sync::merge(
            &self.records,
            self.state.as_deref(),
            self.name,
            &[file],
            at(when),
            None,
            &self.files.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        );
        self.adopt(r)
    }

    fn adopt(&mut self, r: Response) -> (String, Vec<String>, SyncView) {
        match r {
            Response::Synced(s) => {
                let sync::Synced {
                    state,
                    stored,
                    message,
                    refused,
                    view,
                    files,
                } = *s;
                self.state = Some(state);
                self.records = stored;
                self.files.extend(files);
                (message, refused, view)
            }
            other => panic!("{other:?}"),
        }
    }

    fn edit_title(&mut self, id: uuid::Uuid, title: &str) {
        let mut d = self.data();
        let mut a = d.activity(id).unwrap().clone();
        a.title = title.into();
        d.upsert_activity(a);
        self.records = to_stored(&d);
    }
}

#[test]
fn two_devices_sync_by_file_review_an_edit_made_on_both_and_settle_it() {
    let mut start = AppData::default();
    for i in 0..5 {
        start.upsert_activity(
            activity("2026-03-01")
                .title(&format!("Course {i}"))
                .credit("AMA_PRA_CAT1", "1")
                .build(),
        );
    }
    let mut phone = Device::new("Phone", &start);
    let mut laptop = Device::new("Laptop", &AppData::default());

    // The phone's file brings everything to the empty laptop.
    let file = phone.write(0);
    assert!(file.0.starts_with("cme-sync-") && file.0.ends_with(".json"));
    let (message, refused, view) = laptop.merge(file, 1);
    assert_eq!(refused, Vec::<String>::new());
    assert!(message.contains("changes from “Phone”"), "{message}");
    assert_eq!(laptop.data().activities.len(), 5);
    assert!(view.joined);
    assert_eq!(view.peers[0].1.name, "Phone");

    // Both edit the same title offline, then exchange both ways.
    let id = start.activities[2].id;
    phone.edit_title(id, "Course 2: sepsis");
    laptop.edit_title(id, "Course 2 (sepsis update)");
    let from_laptop = laptop.write(10);
    let from_phone = phone.write(11);
    let (message, _, on_laptop) = laptop.merge(from_phone, 12);
    assert!(
        message.contains("1 edit was made on two devices"),
        "{message}"
    );
    let (_, _, on_phone) = phone.merge(from_laptop, 13);
    assert_eq!(phone.data(), laptop.data(), "the same records on both");
    // The same list on both (each names itself as "this device").
    let values = |v: &SyncView| -> Vec<(String, String, String, Vec<String>)> {
        v.reviews
            .iter()
            .map(|r| {
                (
                    r.key.clone(),
                    r.field.clone(),
                    r.kept.0.clone(),
                    r.others.iter().map(|o| o.0.clone()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(values(&on_phone), values(&on_laptop));
    assert_eq!(on_phone.reviews[0].kept.1, "Phone, this device");
    assert_eq!(on_laptop.reviews[0].kept.1, "Phone");
    let review = &on_phone.reviews[0];
    assert_eq!(review.what, "Title");
    assert!(review.record.starts_with("Activity “Course 2"));
    assert_eq!(review.others.len(), 1);

    // She chooses the laptop's title, on the phone; the laptop settles at the next exchange.
    assert_eq!(review.others[0].1, "Laptop");
    let chosen = review.others[0].2.clone();
    assert_eq!(chosen, json!("Course 2 (sepsis update)"));
    let r = sync::resolve(
        &phone.records,
        phone.state.as_deref().unwrap(),
        &review.key,
        &review.field,
        chosen,
        at(20),
    );
    let (_, _, view) = phone.adopt(r);
    assert_eq!(view.reviews, vec![]);
    let file = phone.write(21);
    let (_, _, view) = laptop.merge(file, 22);
    assert_eq!(view.reviews, vec![]);
    let titles: Vec<String> = laptop
        .data()
        .activities
        .iter()
        .map(|a| a.title.clone())
        .collect();
    assert!(
        titles.contains(&"Course 2 (sepsis update)".to_string()),
        "{titles:?}"
    );
    assert_eq!(phone.data(), laptop.data());
}

#[test]
fn another_persons_file_is_refused_and_changes_nothing() {
    let mut mine = Device::new("Phone", &AppData::default());
    let mut theirs = Device::new("Someone's phone", &{
        let mut d = AppData::default();
        d.upsert_activity(
            activity("2026-03-01")
                .title("Not mine")
                .credit("AMA_PRA_CAT1", "1")
                .build(),
        );
        d
    });
    let _ = mine.write(0); // joins a set of its own
    let file = theirs.write(0);
    let before = mine.records.clone();
    let (_, refused, _) = mine.merge(file, 1);
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0].contains("another person's CME Tracker"),
        "{}",
        refused[0]
    );
    assert_eq!(mine.records, before);
}

/// An activity with one certificate file: the record, and the file's bytes.
fn with_certificate(title: &str, bytes: &[u8]) -> (cme_tracker::domain::Activity, (Uuid, String)) {
    use base64::Engine;
    use sha2::Digest;
    let id = Uuid::new_v4();
    let mut a = activity("2026-04-01")
        .title(title)
        .credit("AMA_PRA_CAT1", "2")
        .build();
    a.certificates
        .push(cme_tracker::domain::model::attachment::CertificateFile {
            id,
            name: format!("{title}.pdf"),
            mime: "application/pdf".into(),
            size: bytes.len() as u64,
            sha256: sha2::Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            added: cme_tracker::domain::build::date("2026-04-01"),
        });
    (
        a,
        (id, base64::engine::general_purpose::STANDARD.encode(bytes)),
    )
}

#[test]
fn certificate_files_travel_once_checked_by_their_sha256() {
    let mut start = AppData::default();
    let (a, file) = with_certificate("Stroke update", b"%PDF-1.4 stroke certificate");
    start.upsert_activity(a);
    let mut phone = Device::new("Phone", &start);
    phone.files.push(file.clone());
    let mut laptop = Device::new("Laptop", &AppData::default());

    let (message, refused, _) = laptop.merge(phone.write(0), 1);
    assert_eq!(refused, Vec::<String>::new());
    assert!(
        message.contains("1 certificate file came with them"),
        "{message}"
    );
    assert_eq!(laptop.files, vec![file.clone()]);

    // The laptop says it has it: the phone's next file does not carry it again.
    let _ = phone.merge(laptop.write(2), 3);
    let (_, text) = phone.write(4);
    let sent: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(sent["files"], json!([]));
    assert_eq!(sent["have"], json!([file.0]));

    // A file whose bytes do not match its record is named and left out.
    let mut other = Device::new("Desk", &AppData::default());
    let mut sent: serde_json::Value = serde_json::from_str(&phone.write(5).1).unwrap();
    sent["files"] = json!([[file.0, "JVBERi0xLjQgZmFrZQ=="]]);
    let (_, refused, _) = other.merge(("cme-sync-phone.json".into(), sent.to_string()), 6);
    assert!(
        refused
            .iter()
            .any(|r| r.contains("does not match its record's size and SHA-256")),
        "{refused:?}"
    );
    assert!(other.files.is_empty());
}

#[test]
fn a_record_the_merge_cannot_read_back_stays_as_it_is_here_never_deleted() {
    use cme_tracker::domain::build::{credential, total};
    let mut start = AppData::default();
    start.credentials.push(
        credential("Texas license", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .build(),
    );
    let mut phone = Device::new("Phone", &start);
    let mut laptop = Device::new("Laptop", &AppData::default());
    laptop.merge(phone.write(0), 1);
    assert_eq!(laptop.data().credentials.len(), 1);

    // A file whose credential name is not text (as a newer or damaged writer might send).
    let mut sent: serde_json::Value = serde_json::from_str(&phone.write(2).1).unwrap();
    for w in sent["delta"]["writes"].as_array_mut().unwrap() {
        if w[0].as_str().unwrap().starts_with("credential/") && w[1] == "name" {
            w[2]["value"] = json!(42);
            w[2]["stamp"]["wall"] = json!(1_900_000_000_000i64);
        }
    }
    let (_, refused, _) = laptop.merge(("cme-sync-phone.json".into(), sent.to_string()), 3);
    assert!(
        refused.iter().any(|r| r.contains("could not be read back")),
        "{refused:?}"
    );
    let kept = laptop.data();
    assert_eq!(kept.credentials.len(), 1, "never deleted by the merge");
    assert_eq!(kept.credentials[0].name, "Texas license");
}
