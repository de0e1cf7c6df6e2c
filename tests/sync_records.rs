//! The app's records through a replica (storage::sync::records): saves become field writes, the
//! writes read back as the same records, and two devices that edited the same activity offline
//! end with the same activity and the other title listed.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::json;

use cme_tracker::domain::build::{activity, credential, total};
use cme_tracker::storage::sync::records::{data_of, take_changes};
use cme_tracker::storage::sync::{Conflict, DeviceId, Replica};
use cme_tracker::storage::{AppData, RecordKind};

const T: i64 = 1_800_000_000_000;

fn career() -> AppData {
    let mut d = AppData::default();
    for i in 0..20 {
        d.upsert_activity(
            activity(&format!("2026-{:02}-{:02}", i % 12 + 1, i % 28 + 1))
                .title(&format!("Course {i}"))
                .credit("AMA_PRA_CAT1", "1.25")
                .topic("ethics_professional_responsibility")
                .build(),
        );
    }
    d.credentials.push(
        credential("Texas license", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .build(),
    );
    d
}

/// The records with `updated_at` set aside: the replica reads it back from its stamps.
fn without_times(d: &AppData) -> AppData {
    let mut d = d.clone();
    let zero = DateTime::<Utc>::UNIX_EPOCH;
    d.activities = d
        .activities
        .iter()
        .map(|a| {
            let mut a = (**a).clone();
            a.updated_at = zero;
            Arc::new(a)
        })
        .collect();
    for c in &mut d.credentials {
        c.updated_at = zero;
    }
    d.activities.sort_by_key(|a| a.id);
    d.credentials.sort_by_key(|c| c.id);
    d
}

fn exchange(a: &mut Replica, b: &mut Replica) {
    let to_b = a.delta_for(&b.seen);
    b.merge(&to_b);
    let to_a = b.delta_for(&a.seen);
    a.merge(&to_a);
}

/// A career written on the phone and sent to the laptop.
fn synced() -> (AppData, Replica, Replica) {
    let start = career();
    let (mut phone, mut laptop) = (Replica::new(DeviceId(1)), Replica::new(DeviceId(2)));
    take_changes(&mut phone, &AppData::default(), &start, T);
    exchange(&mut phone, &mut laptop);
    (start, phone, laptop)
}

#[test]
fn records_read_back_as_they_were_written() {
    let mine = career();
    let mut phone = Replica::new(DeviceId(1));
    let written = take_changes(&mut phone, &AppData::default(), &mine, T);
    assert!(written > 20 * 5, "{written} fields");
    let (back, unreadable) = data_of(&phone);
    assert_eq!(unreadable, Vec::<String>::new());
    assert_eq!(without_times(&back), without_times(&mine));
    // A save that changed nothing writes nothing.
    assert_eq!(take_changes(&mut phone, &mine, &mine.clone(), T + 1), 0);
}

#[test]
fn the_same_activity_edited_on_two_devices_offline_converges_with_the_other_title_listed() {
    let (start, mut phone, mut laptop) = synced();
    let (on_laptop, _) = data_of(&laptop);
    assert_eq!(without_times(&on_laptop), without_times(&start));

    let id = start.activities[3].id;
    let edit = |data: &AppData, title: &str, notes: Option<&str>| {
        let mut d = data.clone();
        let mut a = d.activity(id).unwrap().clone();
        a.title = title.into();
        if let Some(n) = notes {
            a.notes = n.into();
        }
        d.upsert_activity(a);
        d
    };
    let on_phone = edit(&start, "Course 3: sepsis", None);
    let on_laptop = edit(
        &start,
        "Course 3 (sepsis update)",
        Some("Certificate in the drawer"),
    );
    take_changes(&mut phone, &start, &on_phone, T + 60_000);
    take_changes(&mut laptop, &start, &on_laptop, T + 90_000);
    exchange(&mut phone, &mut laptop);

    let (p, _) = data_of(&phone);
    let (l, _) = data_of(&laptop);
    assert_eq!(p, l, "the same records on both");
    let a = p.activity(id).unwrap();
    assert_eq!(a.title, "Course 3 (sepsis update)", "the later edit");
    assert_eq!(
        a.notes, "Certificate in the drawer",
        "another field's edit kept too"
    );
    match phone.conflicts().as_slice() {
        [Conflict::Field { field, others, .. }] => {
            assert_eq!(field, "title");
            assert_eq!(others[0].value, json!("Course 3: sepsis"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_deleted_activity_is_gone_on_the_other_device_with_its_tombstone() {
    let (start, mut phone, mut laptop) = synced();
    let gone = start.activities[0].id;
    let mut after = start.clone();
    after.activities.retain(|a| a.id != gone);
    take_changes(&mut phone, &start, &after, T + 1000);
    exchange(&mut phone, &mut laptop);
    let (l, _) = data_of(&laptop);
    assert!(l.activity(gone).is_none());
    assert_eq!(l.activities.len(), 19);
    assert!(l
        .tombstones
        .iter()
        .any(|t| t.id == gone && t.kind == RecordKind::Activity));
    assert_eq!(laptop.conflicts(), vec![]);
}

#[test]
fn the_same_records_restored_on_two_devices_are_no_conflict() {
    let start = career();
    let (mut phone, mut laptop) = (Replica::new(DeviceId(1)), Replica::new(DeviceId(2)));
    take_changes(&mut phone, &AppData::default(), &start, T);
    take_changes(&mut laptop, &AppData::default(), &start, T + 5);
    exchange(&mut phone, &mut laptop);
    assert_eq!(phone.conflicts(), vec![]);
    let (p, _) = data_of(&phone);
    assert_eq!(without_times(&p), without_times(&start));
}

mod files {
    use super::*;
    use cme_tracker::storage::sync::file::{self, Refused};
    use uuid::Uuid;

    fn now() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp_millis(T).unwrap()
    }

    #[test]
    fn a_sync_file_carries_every_write_to_the_other_device_and_a_replay_changes_nothing() {
        let (start, phone, _) = synced();
        let group = Uuid::new_v4();
        let text = file::write(&phone, group, "Phone", now(), None, Default::default()).unwrap();
        let mut desk = Replica::new(DeviceId(7));
        let read = file::read(&text, Some(group), desk.device(), None).unwrap();
        assert_eq!(read.device_name, "Phone");
        desk.merge(&read.delta);
        let (d, _) = data_of(&desk);
        assert_eq!(without_times(&d), without_times(&start));
        // The same file read again, later: nothing changes.
        let before = desk.writes().clone();
        desk.merge(
            &file::read(&text, Some(group), desk.device(), None)
                .unwrap()
                .delta,
        );
        assert_eq!(desk.writes(), &before);
        assert_eq!(
            file::file_name(DeviceId(255)),
            "cme-sync-00000000000000ff.json"
        );
    }

    #[test]
    fn a_sync_file_from_someone_else_a_newer_version_cut_short_or_changed_is_refused() {
        let (_, phone, _) = synced();
        let group = Uuid::new_v4();
        let me = DeviceId(7);
        let text = file::write(&phone, group, "Phone", now(), None, Default::default()).unwrap();
        assert_eq!(
            file::read(&text, Some(Uuid::new_v4()), me, None),
            Err(Refused::SomeoneElse)
        );
        assert_eq!(
            file::read(&text, Some(group), DeviceId(1), None),
            Err(Refused::OwnFile)
        );
        let newer = text.replacen("\"version\":1", "\"version\":2", 1);
        assert_eq!(
            file::read(&newer, Some(group), me, None),
            Err(Refused::Newer { version: 2 })
        );
        let cut = &text[..text.len() / 2];
        assert!(matches!(
            file::read(cut, Some(group), me, None),
            Err(Refused::Damaged(_))
        ));
        assert_eq!(
            file::read("{\"format\":\"other\"}", Some(group), me, None),
            Err(Refused::NotASyncFile)
        );
        // A device in no set yet reads any set's file (to join it).
        assert!(file::read(&text, None, me, None).is_ok());

        // Sealed with the devices' passphrase: unreadable without it, refused when changed.
        let sealed = file::write(
            &phone,
            group,
            "Phone",
            now(),
            Some("correct horse battery"),
            Default::default(),
        )
        .unwrap();
        assert_eq!(
            file::read(&sealed, Some(group), me, None),
            Err(Refused::Locked(None))
        );
        assert!(file::read(&sealed, Some(group), me, Some("correct horse battery")).is_ok());
        let at = sealed.find("\"ciphertext\": \"").unwrap() + 20;
        let mut changed = sealed.clone().into_bytes();
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert!(matches!(
            file::read(&changed, Some(group), me, Some("correct horse battery")),
            Err(Refused::Locked(Some(_)))
        ));
        for refused in [
            Refused::SomeoneElse,
            Refused::Newer { version: 2 },
            Refused::Locked(None),
        ] {
            assert!(refused.to_string().len() > 20);
        }
    }
}
