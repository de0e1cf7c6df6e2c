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
                    ..
                } = *s;
                self.state = Some(state);
                self.records = stored;
                self.files.extend(files);
                (message, refused, view)
            }
            other => panic!("{other:?}"),
        }
    }

    /// One exchange through the shared folder: reads every file in it, gives the certificate
    /// files asked for, and puts its own file back when it is written. Returns what it said.
    fn exchange(&mut self, folder: &mut Vec<(String, String)>, when: i64) -> (String, bool) {
        let have: Vec<Uuid> = self.files.iter().map(|(id, _)| *id).collect();
        let mut given = Vec::new();
        loop {
            let r = sync::exchange(
                &self.records,
                self.state.as_deref(),
                self.name,
                folder,
                at(when),
                None,
                &have,
                &given,
            );
            let Response::Synced(s) = r else {
                panic!("{r:?}")
            };
            if !s.wanted.is_empty() {
                // Asked for the files another device lacks: given, and the exchange run again
                // (what it merged is merged again, adding nothing).
                assert!(given.is_empty(), "asked twice");
                given = self
                    .files
                    .iter()
                    .filter(|(id, _)| s.wanted.contains(id))
                    .cloned()
                    .collect();
                continue;
            }
            let written = s.written.clone();
            let (message, refused, _) = self.adopt(Response::Synced(s));
            assert_eq!(refused, Vec::<String>::new());
            if let Some((name, text)) = &written {
                folder.retain(|(n, _)| n != name);
                folder.push((name.clone(), text.clone()));
            }
            return (message, written.is_some());
        }
    }

    /// Retitles an activity at minute `when`, as the app's save stamps `updated_at`.
    fn edit_title(&mut self, id: uuid::Uuid, title: &str, when: i64) {
        let mut d = self.data();
        let mut a = d.activity(id).unwrap().clone();
        a.title = title.into();
        a.updated_at = at(when);
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
    phone.edit_title(id, "Course 2: sepsis", 9);
    laptop.edit_title(id, "Course 2 (sepsis update)", 8);
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
    // Her phone and laptop form their set.
    let mut laptop = Device::new("Laptop", &AppData::default());
    let _ = laptop.merge(mine.write(0), 0);
    let _ = mine.merge(laptop.write(0), 0);
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

#[test]
fn a_shared_folder_keeps_three_devices_in_step_and_files_are_written_only_when_they_say_something_new(
) {
    let mut start = AppData::default();
    let (a, file) = with_certificate("Stroke update", b"%PDF-1.4 stroke certificate");
    let stroke = a.id;
    start.upsert_activity(a);
    let mut phone = Device::new("Phone", &start);
    phone.files.push(file.clone());
    let mut laptop = Device::new("Laptop", &AppData::default());
    let mut desk = Device::new("Desk", &AppData::default());
    let mut folder: Vec<(String, String)> = Vec::new();

    // The phone puts its file in the folder, with the certificate (no device heard from yet).
    let (_, wrote) = phone.exchange(&mut folder, 0);
    assert!(wrote);
    assert_eq!(folder.len(), 1);
    // The laptop reads it (its own file, once there, is passed over) and writes its own.
    let (message, wrote) = laptop.exchange(&mut folder, 1);
    assert!(message.contains("from “Phone”"), "{message}");
    assert!(wrote);
    assert_eq!(laptop.files, vec![file.clone()]);
    assert_eq!(
        laptop.data().activity(stroke).unwrap().title,
        "Stroke update"
    );
    // Its next file says it now holds the certificate; after that, with nothing new anywhere,
    // nothing is written again.
    let (_, wrote) = laptop.exchange(&mut folder, 2);
    assert!(wrote, "the laptop's file says it holds the certificate");
    let (_, wrote) = laptop.exchange(&mut folder, 2);
    assert!(!wrote, "the laptop's file said nothing new");
    // The phone hears from the laptop (which has the certificate): its file is written again,
    // and no longer carries the certificate.
    let (_, wrote) = phone.exchange(&mut folder, 3);
    assert!(wrote);
    let phone_file: serde_json::Value = serde_json::from_str(
        &folder
            .iter()
            .find(|(n, _)| n == &written_by(&folder, "Phone"))
            .unwrap()
            .1,
    )
    .unwrap();
    assert_eq!(phone_file["files"], json!([]));

    // An edit on the desk (new to the set) reaches the others through the folder.
    let (_, wrote) = desk.exchange(&mut folder, 4);
    assert!(wrote);
    desk.edit_title(stroke, "Stroke update 2026", 5);
    let (_, wrote) = desk.exchange(&mut folder, 5);
    assert!(wrote, "an edit made here is written out");
    for d in [&mut phone, &mut laptop] {
        let _ = d.exchange(&mut folder, 6);
    }
    // The desk said it lacks the certificate: the others' files now carry it.
    let (message, _) = desk.exchange(&mut folder, 7);
    assert!(
        message.contains("1 certificate file came with them"),
        "{message}"
    );
    for d in [&phone, &laptop, &desk] {
        assert_eq!(
            d.data().activity(stroke).unwrap().title,
            "Stroke update 2026",
            "{}",
            d.name
        );
        assert_eq!(d.files, vec![file.clone()], "{}", d.name);
    }
    // Each device wrote only its own file.
    assert_eq!(folder.len(), 3);
}

/// The name of the file in the folder written by the device called `name`.
fn written_by(folder: &[(String, String)], name: &str) -> String {
    folder
        .iter()
        .find(|(_, text)| {
            serde_json::from_str::<serde_json::Value>(text).unwrap()["device_name"] == name
        })
        .unwrap()
        .0
        .clone()
}

#[test]
fn only_sync_files_are_read_from_the_folder() {
    use cme_tracker::storage::sync::file::{file_name, is_file_name};
    use cme_tracker::storage::sync::DeviceId;
    assert!(is_file_name(&file_name(DeviceId(0x0123_4567_89ab_cdef))));
    assert!(is_file_name(&file_name(DeviceId(1))));
    assert!(!is_file_name(
        "cme-sync-0123456789abcdef (conflicted copy).json"
    ));
    assert!(!is_file_name("cme-sync-0123456789abcdef.json.tmp"));
    assert!(!is_file_name("cme-sync-phone.json"));
    assert!(!is_file_name("notes.json"));
}

#[test]
fn two_devices_that_each_wrote_first_end_in_one_set_whichever_merges_first() {
    for phone_first in [true, false] {
        let mut phone = Device::new("Phone", &{
            let mut d = AppData::default();
            d.upsert_activity(
                activity("2026-03-01")
                    .title("On the phone")
                    .credit("AMA_PRA_CAT1", "1")
                    .build(),
            );
            d
        });
        let mut laptop = Device::new("Laptop", &{
            let mut d = AppData::default();
            d.upsert_activity(
                activity("2026-03-02")
                    .title("On the laptop")
                    .credit("AMA_PRA_CAT1", "1")
                    .build(),
            );
            d
        });
        // Both write before either merges: two sets, each made by its device.
        let (mut from_phone, mut from_laptop) = (phone.write(0), laptop.write(0));
        for round in 1..=2 {
            let (first, second) = if phone_first {
                (&mut phone, &mut laptop)
            } else {
                (&mut laptop, &mut phone)
            };
            let (to_first, to_second) = if phone_first {
                (from_laptop.clone(), from_phone.clone())
            } else {
                (from_phone.clone(), from_laptop.clone())
            };
            let (_, refused, _) = first.merge(to_first, round * 10);
            assert_eq!(refused, Vec::<String>::new(), "never called someone else's");
            let (_, refused, _) = second.merge(to_second, round * 10 + 1);
            assert_eq!(refused, Vec::<String>::new(), "never called someone else's");
            from_phone = phone.write(round * 10 + 2);
            from_laptop = laptop.write(round * 10 + 3);
        }
        assert_eq!(phone.data(), laptop.data(), "phone first: {phone_first}");
        assert_eq!(phone.data().activities.len(), 2);
    }
}

/// Face to face, as the Devices page drives it over the data channel: each says hello, each
/// writes its file for the other, each merges the other's.
fn meet(a: &mut Device, b: &mut Device, when: i64) -> Result<(usize, usize), String> {
    use cme_tracker::storage::sync::file::Hello;
    let hello = |d: &mut Device| -> Hello {
        let have = d.files.iter().map(|(id, _)| *id).collect();
        match sync::hello(d.state.as_deref(), d.name, have) {
            Response::SyncHello { state, hello } => {
                d.state = Some(state);
                *hello
            }
            other => panic!("{other:?}"),
        }
    };
    let (ha, hb) = (hello(a), hello(b));
    let write =
        |d: &mut Device, mine: &Hello, theirs: &Hello| -> Result<(String, String), String> {
            match sync::write_for(
                &d.records,
                d.state.as_deref(),
                d.name,
                mine,
                theirs,
                &d.files,
                at(when),
            ) {
                Response::SyncWritten {
                    state,
                    file_name,
                    text,
                    ..
                } => {
                    d.state = Some(state);
                    Ok((file_name, text))
                }
                Response::Failed { message } => Err(message),
                other => panic!("{other:?}"),
            }
        };
    let to_b = write(a, &ha, &hb)?;
    let to_a = write(b, &hb, &ha)?;
    let sizes = (to_b.1.len(), to_a.1.len());
    let (_, refused, _) = b.merge(to_b, when + 1);
    assert_eq!(refused, Vec::<String>::new());
    let (_, refused, _) = a.merge(to_a, when + 1);
    assert_eq!(refused, Vec::<String>::new());
    Ok(sizes)
}

#[test]
fn face_to_face_each_device_sends_only_what_the_other_lacks() {
    let mut phone_data = AppData::default();
    for i in 0..200 {
        phone_data.upsert_activity(
            activity("2026-03-01")
                .title(&format!("Phone course {i}"))
                .credit("AMA_PRA_CAT1", "1")
                .build(),
        );
    }
    let (a, file) = with_certificate("Stroke update", b"%PDF-1.4 stroke certificate");
    let stroke = a.id;
    phone_data.upsert_activity(a);
    let mut phone = Device::new("Phone", &phone_data);
    phone.files.push(file.clone());
    let mut laptop = Device::new("Laptop", &{
        let mut d = AppData::default();
        d.upsert_activity(
            activity("2026-03-02")
                .title("On the laptop")
                .credit("AMA_PRA_CAT1", "1")
                .build(),
        );
        d
    });

    // Two new devices meet: one set, every record both ways, the certificate once.
    let (first, _) = meet(&mut phone, &mut laptop, 0).unwrap();
    assert_eq!(phone.data(), laptop.data());
    assert_eq!(laptop.files, vec![file.clone()]);
    assert_eq!(phone.data().activities.len(), 202);

    // One edit later, the phone's file carries that edit alone, and no certificate.
    phone.edit_title(stroke, "Stroke update 2026", 9);
    let (second, back) = meet(&mut phone, &mut laptop, 10).unwrap();
    assert!(second * 50 < first, "{second} bytes after {first}");
    assert_eq!(
        laptop.data().activity(stroke).unwrap().title,
        "Stroke update 2026"
    );
    assert_eq!(phone.data(), laptop.data());
    let sent: serde_json::Value = serde_json::from_str(&{
        let (_, t) = laptop.write(20);
        t
    })
    .unwrap();
    assert_eq!(
        sent["group"],
        serde_json::from_str::<serde_json::Value>(&phone.write(21).1).unwrap()["group"]
    );
    assert!(back < 2_000, "{back} bytes with nothing new");
}

#[test]
fn face_to_face_with_another_persons_device_changes_nothing() {
    let mut mine = Device::new("Phone", &AppData::default());
    let mut laptop = Device::new("Laptop", &AppData::default());
    meet(&mut mine, &mut laptop, 0).unwrap();
    let mut theirs = Device::new("Someone's phone", &AppData::default());
    let mut their_laptop = Device::new("Someone's laptop", &{
        let mut d = AppData::default();
        d.upsert_activity(
            activity("2026-03-01")
                .title("Not mine")
                .credit("AMA_PRA_CAT1", "1")
                .build(),
        );
        d
    });
    meet(&mut theirs, &mut their_laptop, 0).unwrap();
    let before = mine.records.clone();
    let refused = meet(&mut mine, &mut theirs, 5).unwrap_err();
    assert!(
        refused.contains("another person's CME Tracker"),
        "{refused}"
    );
    assert_eq!(mine.records, before);
}

#[test]
fn an_edit_is_stamped_when_it_was_made_so_both_devices_read_back_the_same_time() {
    let mut start = AppData::default();
    let a = activity("2026-03-01")
        .title("Sepsis")
        .credit("AMA_PRA_CAT1", "1")
        .build();
    let id = a.id;
    start.upsert_activity(a);
    let mut phone = Device::new("Phone", &start);
    let mut laptop = Device::new("Laptop", &AppData::default());
    meet(&mut phone, &mut laptop, 0).unwrap();
    // Edited on the phone at minute 5, exchanged at minute 60.
    let mut d = phone.data();
    let mut edited = d.activity(id).unwrap().clone();
    edited.title = "Sepsis update".into();
    edited.updated_at = at(5);
    d.upsert_activity(edited);
    phone.records = to_stored(&d);
    meet(&mut phone, &mut laptop, 60).unwrap();
    assert_eq!(laptop.data().activity(id).unwrap().updated_at, at(5));
    assert_eq!(phone.data().activity(id).unwrap().updated_at, at(5));
    // A clock that says an edit is in the future is not believed: the exchange's time is used.
    let mut d = laptop.data();
    let mut ahead = d.activity(id).unwrap().clone();
    ahead.title = "Sepsis update 2".into();
    ahead.updated_at = at(10_000);
    d.upsert_activity(ahead);
    laptop.records = to_stored(&d);
    meet(&mut phone, &mut laptop, 70).unwrap();
    assert_eq!(phone.data().activity(id).unwrap().updated_at, at(70));
    assert_eq!(phone.data(), laptop.data());
}
