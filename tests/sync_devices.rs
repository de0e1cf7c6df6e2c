//! Two devices syncing by file through the worker's job (worker::sync), as the Devices page
//! drives it: each keeps its sync record as text, writes its file, merges the other's, reviews
//! an edit made on both, and settles it.

use chrono::{DateTime, Utc};
use serde_json::json;

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
}

impl Device {
    fn new(name: &'static str, data: &AppData) -> Device {
        Device {
            name,
            records: to_stored(data),
            state: None,
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
        );
        self.adopt(r)
    }

    fn adopt(&mut self, r: Response) -> (String, Vec<String>, SyncView) {
        match r {
            Response::Synced {
                state,
                stored,
                message,
                refused,
                view,
            } => {
                self.state = Some(state);
                self.records = stored;
                (message, refused, *view)
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
