//! The app's records as a replica's field writes, and back: each activity, credential and goal is
//! a record keyed by kind and id ("activity/<id>"), settings one record; a field is a top-level
//! field of the record as the backup writes it. `updated_at` is not a field: two devices editing
//! different fields of a record would otherwise always conflict on it; it is read back as the
//! time of the record's latest write.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::replica::{Key, Replica};
use crate::storage::data::{AppData, RecordKind, Tombstone};

/// The field not kept as a field (see the module's note).
const UPDATED_AT: &str = "updated_at";

const ACTIVITY: &str = "activity/";
const CREDENTIAL: &str = "credential/";
const GOAL: &str = "goal/";
const SETTINGS: &str = "settings";

fn fields<T: Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(mut map)) => {
            map.remove(UPDATED_AT);
            map
        }
        _ => Map::new(),
    }
}

/// A record's `updated_at`, in milliseconds, when it has one.
fn edited<T: Serialize>(record: &T) -> Option<i64> {
    let value = serde_json::to_value(record).ok()?;
    let at: DateTime<Utc> = serde_json::from_value(value.get(UPDATED_AT)?.clone()).ok()?;
    Some(at.timestamp_millis())
}

/// Every record of `data` by key, as fields; activities are compared by pointer first (an
/// unchanged activity is the same `Arc` before and after a change).
fn records(data: &AppData) -> BTreeMap<Key, Record<'_>> {
    let mut out = BTreeMap::new();
    for a in &data.activities {
        out.insert(format!("{ACTIVITY}{}", a.id), Record::Activity(a));
    }
    for c in &data.credentials {
        out.insert(
            format!("{CREDENTIAL}{}", c.id),
            Record::Fields(fields(c), edited(c)),
        );
    }
    for g in &data.goals {
        out.insert(
            format!("{GOAL}{}", g.id),
            Record::Fields(fields(g), edited(g)),
        );
    }
    out.insert(
        SETTINGS.to_string(),
        Record::Fields(fields(&data.settings), None),
    );
    out
}

enum Record<'a> {
    Activity(&'a Arc<crate::domain::Activity>),
    /// A record's fields, and when it was last edited (if it says).
    Fields(Map<String, Value>, Option<i64>),
}

impl Record<'_> {
    fn fields(&self) -> Map<String, Value> {
        match self {
            Record::Activity(a) => fields(a.as_ref()),
            Record::Fields(f, _) => f.clone(),
        }
    }

    /// When the record was last edited here, in milliseconds, if it says.
    fn edited_ms(&self) -> Option<i64> {
        match self {
            Record::Activity(a) => Some(a.updated_at.timestamp_millis()),
            Record::Fields(_, at) => *at,
        }
    }

    /// The same activity, by pointer: unchanged without serialising it.
    fn same_pointer(&self, other: &Record) -> bool {
        matches!((self, other), (Record::Activity(a), Record::Activity(b)) if Arc::ptr_eq(a, b))
    }
}

/// Writes into the replica what changed from `before` to `after` (a save): the fields that
/// differ, and deletions. Each is stamped at the time the record says it was edited (or
/// deleted), never later than `now_ms`: the stamp tells when the edit was made, not when it was
/// next exchanged, so the edit made last wins, and every device reads back the same `updated_at`.
/// Returns how many fields and deletions were written.
pub fn take_changes(
    replica: &mut Replica,
    before: &AppData,
    after: &AppData,
    now_ms: i64,
) -> usize {
    let (old, new) = (records(before), records(after));
    let mut written = 0;
    for (key, record) in &new {
        let previous = old.get(key);
        if previous.is_some_and(|p| p.same_pointer(record)) {
            continue;
        }
        // Each record's fields made once: they are compared field by field.
        let is = record.fields();
        let was = previous.map(Record::fields).unwrap_or_default();
        let now_ms = record.edited_ms().map_or(now_ms, |at| at.min(now_ms));
        for (field, value) in &is {
            if was.get(field) != Some(value)
                && replica.set(key, field, value.clone(), now_ms).is_some()
            {
                written += 1;
            }
        }
        // A field the record no longer has (an optional one cleared).
        for field in was.keys().filter(|f| !is.contains_key(*f)) {
            if replica.set(key, field, Value::Null, now_ms).is_some() {
                written += 1;
            }
        }
    }
    for key in old.keys().filter(|k| !new.contains_key(*k)) {
        let deleted = after
            .tombstones
            .iter()
            .find(|t| key.ends_with(&t.id.to_string()))
            .map_or(now_ms, |t| t.deleted_at.timestamp_millis().min(now_ms));
        replica.delete(key, deleted);
        written += 1;
    }
    written
}

/// The records the replica holds, as the app keeps them; with the keys of records that could not
/// be read back (a field merged from a newer version, say), which are left out and named.
pub fn data_of(replica: &Replica) -> (AppData, Vec<Key>) {
    let mut data = AppData::default();
    let mut unreadable = Vec::new();
    for key in replica.keys() {
        let Some(changed) = replica.changed_at(key) else {
            continue;
        };
        let at = DateTime::<Utc>::from_timestamp_millis(changed.wall).unwrap_or_default();
        let Some(fields) = replica.record(key) else {
            if let Some(t) = tombstone(key, at) {
                data.tombstones.push(t);
            }
            continue;
        };
        let mut map: Map<String, Value> =
            fields.into_iter().filter(|(_, v)| !v.is_null()).collect();
        if key != SETTINGS {
            map.insert(
                UPDATED_AT.into(),
                serde_json::to_value(at).unwrap_or_default(),
            );
        }
        let read = if let Some(_id) = key.strip_prefix(ACTIVITY) {
            from(map).map(|a| data.activities.push(Arc::new(a)))
        } else if key.strip_prefix(CREDENTIAL).is_some() {
            from(map).map(|c| data.credentials.push(c))
        } else if key.strip_prefix(GOAL).is_some() {
            from(map).map(|g| data.goals.push(g))
        } else if key == SETTINGS {
            from(map).map(|s| data.settings = s)
        } else {
            None
        };
        if read.is_none() {
            unreadable.push(key.clone());
        }
    }
    (data, unreadable)
}

fn from<T: DeserializeOwned>(map: Map<String, Value>) -> Option<T> {
    serde_json::from_value(Value::Object(map)).ok()
}

fn tombstone(key: &str, deleted_at: DateTime<Utc>) -> Option<Tombstone> {
    let (kind, id) = if let Some(id) = key.strip_prefix(ACTIVITY) {
        (RecordKind::Activity, id)
    } else if let Some(id) = key.strip_prefix(CREDENTIAL) {
        (RecordKind::Credential, id)
    } else {
        (RecordKind::Goal, key.strip_prefix(GOAL)?)
    };
    Some(Tombstone {
        id: id.parse().ok()?,
        kind,
        deleted_at,
    })
}
