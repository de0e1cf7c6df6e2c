//! Every earlier stored format and backup format loads into the current one with nothing lost,
//! and counts exactly as it did before hours per topic existed (issue 13).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use chrono::{TimeZone, Utc};
use cme_tracker::domain::build::{date, hours};
use cme_tracker::domain::engine::evaluate::evaluate;
use cme_tracker::storage::{backup, format, AppData};

fn stored(text: &str) -> AppData {
    let fixture: HashMap<String, serde_json::Value> = serde_json::from_str(text).unwrap();
    format::decode(|k| fixture.get(k).map(|v| v.to_string()))
        .unwrap()
        .data
}

/// Saving in today's format and reading back gives the very same records.
fn round_trips(data: &AppData) {
    let pairs: HashMap<String, String> = format::encode(data, None, 9, Utc::now())
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let again = format::decode(|k| pairs.get(k).cloned()).unwrap();
    assert_eq!(&again.data, data);
    let meta: serde_json::Value = serde_json::from_str(&pairs[format::KEY_META]).unwrap();
    assert_eq!(meta["schema_version"], format::SCHEMA_VERSION);
}

#[test]
fn stored_version_1_loads_unchanged() {
    let d = stored(include_str!("fixtures/stored-v1.json"));
    assert_eq!(d.activities.len(), 1);
    assert_eq!(d.activities[0].title, "Ethics in practice");
    assert!(d.activities[0].topic_hours.is_empty());
    assert_eq!(d.credentials[0].rules.len(), 2);
    assert_eq!(d.goals.len(), 1);
    assert_eq!(d.tombstones.len(), 1);
    round_trips(&d);
}

#[test]
fn stored_version_3_loads_unchanged_with_its_topic_hours_and_no_reflections() {
    let d = stored(include_str!("fixtures/stored-v3.json"));
    assert_eq!(d.activities.len(), 3);
    let conf = &d.activities[1];
    assert_eq!(conf.hours_on(&conf.topics[0]), hours("6"));
    assert!(d.activities.iter().all(|a| a.reflection.is_none()));
    // Goals of version 3 had no need, target hours or status: active, as they were.
    assert!(d.goals.iter().all(|g| g.status
        == cme_tracker::domain::model::learning::GoalStatus::Active
        && g.need.is_none()));
    round_trips(&d);
}

#[test]
fn stored_version_2_loads_unchanged_and_counts_whole_activities_per_topic() {
    let d = stored(include_str!("fixtures/stored-v2.json"));
    assert_eq!(d.activities.len(), 3);
    let conf = &d.activities[1];
    assert_eq!(conf.title, "Geriatrics update conference");
    assert_eq!(
        (conf.start, conf.end),
        (date("2025-09-10"), date("2025-09-12"))
    );
    assert_eq!(conf.topics.len(), 2);
    // Version 2 had no hours per topic: each topic took the whole activity, as it counted then.
    assert!(conf.topic_hours.is_empty());
    assert_eq!(conf.hours_on(&conf.topics[0]), hours("21"));
    assert!(!d.activities[2].is_completed());
    round_trips(&d);
}

#[test]
fn backup_version_1_imports_unchanged() {
    let text = include_str!("fixtures/backup-v1.json");
    assert!(text.contains("\"schema_version\": 1"));
    let b = backup::parse(text.as_bytes()).unwrap();
    let from_store = stored(include_str!("fixtures/stored-v2.json"));
    assert_eq!(b.data.activities, from_store.activities);
    assert_eq!(b.data.credentials, from_store.credentials);
    assert_eq!(b.data.goals, from_store.goals);
    assert_eq!(b.data.tombstones, from_store.tombstones);
    assert_eq!(b.app_version, "0.9.0");
    // The same figures as before: the ethics course counts whole toward the ethics rule.
    let ev = evaluate(
        &b.data.credentials[0],
        &b.data.activities,
        date("2026-06-01"),
    );
    assert_eq!(ev.rule("ethics").unwrap().counted, hours("2"));
    // Exported again, it is a current backup that reads back the same.
    let again = backup::export(
        &b.data,
        "1.0.0",
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
    );
    assert!(again.contains(&format!("\"schema_version\": {}", backup::BACKUP_VERSION)));
    assert_eq!(backup::parse(again.as_bytes()).unwrap().data, b.data);
}

#[test]
fn hours_per_topic_survive_the_store_and_a_backup() {
    let mut d = stored(include_str!("fixtures/stored-v2.json"));
    let geri = d.activities[1].topics[0].clone();
    std::sync::Arc::make_mut(&mut d.activities[1])
        .topic_hours
        .insert(geri.clone(), hours("6"));
    round_trips(&d);
    let text = backup::export(&d, "1.0.0", Utc::now());
    let back = backup::parse(text.as_bytes()).unwrap();
    assert_eq!(back.data.activities[1].topic_hours[&geri], hours("6"));
}
