//! The versioned format kept in localStorage, and its migrations.
//!
//! Records are split over a few keys (activities, credentials, the rest) under one `meta` key
//! holding the schema version and a revision counter, so a save rewrites only the parts that
//! changed and another tab can tell a newer revision from its own.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::compact;
use super::data::{AppData, Goal, Settings, Tombstone};
use crate::domain::model::contract::Problem;
use crate::storage::validate;

/// Version 2: every data key is written with the first save, so a missing key is damage, not
/// "no records" (version 1 wrote a key only once it had records).
pub const SCHEMA_VERSION: u32 = 4;
pub const KEY_META: &str = "cme-tracker:meta";
pub const KEY_ACTIVITIES: &str = "cme-tracker:activities";
pub const KEY_CREDENTIALS: &str = "cme-tracker:credentials";
pub const KEY_OTHER: &str = "cme-tracker:other";
/// Every data key, in the order they are written (meta last, so a torn save is detectable).
pub const DATA_KEYS: [&str; 3] = [KEY_ACTIVITIES, KEY_CREDENTIALS, KEY_OTHER];
/// Stored data that could not be read is moved under this prefix, never overwritten.
pub const QUARANTINE_PREFIX: &str = "cme-tracker:quarantine:";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub schema_version: u32,
    /// Incremented by every save from any tab.
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    /// Which tab wrote this revision (a random id per page load). Two tabs can write the same
    /// revision number: Chromium's localStorage is synchronised between processes only between
    /// tasks, so a tab holding the lock may still read the store as it was before another tab's
    /// save. The writer tells such writes apart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub writer: String,
    /// The stamps ([`Stamp::code`]) of the revisions this one was built on, newest first (at most
    /// [`ANCESTORS`]): a tab whose last known stamp is not among them knows that this write did
    /// not see its own, and merges without trusting its base.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<String>,
}

/// How many earlier stamps a meta remembers.
pub const ANCESTORS: usize = 32;

/// One stored revision, told apart from another tab's write of the same number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    pub revision: u64,
    pub writer: String,
}

impl Stamp {
    pub fn code(&self) -> String {
        format!("{}.{}", self.revision, self.writer)
    }
}

/// What the meta key says: the format version, the stamp and the stamps it was built on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMeta {
    pub version: u32,
    pub stamp: Stamp,
    pub ancestors: Vec<String>,
}

impl StoredMeta {
    /// Whether this revision was written by a tab that had seen `known` (or is `known` itself).
    /// Nothing known (revision 0) is everybody's ancestor.
    pub fn descends_from(&self, known: &Stamp) -> bool {
        known.revision == 0 || self.stamp == *known || self.ancestors.contains(&known.code())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Other {
    #[serde(default)]
    goals: Vec<Goal>,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    tombstones: Vec<Tombstone>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub data: AppData,
    pub revision: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A key does not parse, is missing, or holds records that break the contract: keep it aside,
    /// tell the user. `problems` names each record and field (empty when the key's text is not
    /// JSON at all: `message` then gives the line and column).
    Corrupt {
        key: String,
        message: String,
        problems: Vec<Problem>,
    },
    /// Written by a newer version of the app: never overwrite it.
    TooNew { found: u32, supported: u32 },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Corrupt { key, message, .. } => write!(
                f,
                "Your saved records could not be read ({key}: {message}). They were set aside, not deleted."
            ),
            LoadError::TooNew { found, supported } => write!(
                f,
                "Your saved records were written by a newer version of CME Tracker (format {found}; this version reads up to {supported}). Open the newer version (reload this page, or close the other tabs of CME Tracker and reload) to see them. Nothing was changed, and nothing will be saved from this tab."
            ),
        }
    }
}

/// The key/value pairs to write for `data`; `previous` (what was last saved) lets unchanged
/// parts be skipped. Meta comes last.
pub fn encode(
    data: &AppData,
    previous: Option<&AppData>,
    revision: u64,
    now: DateTime<Utc>,
) -> Vec<(&'static str, String)> {
    let stamp = Stamp {
        revision,
        writer: String::new(),
    };
    encode_stamped(data, previous, &stamp, Vec::new(), now, None)
}

/// [`encode`] for a tab's save: the meta names the writer and the stamps it was built on, and
/// the activities' text is made from the pieces `encoded` kept for unchanged records (a tab's
/// session keeps them; a one-off encoding has none to keep).
pub fn encode_stamped(
    data: &AppData,
    previous: Option<&AppData>,
    stamp: &Stamp,
    ancestors: Vec<String>,
    now: DateTime<Utc>,
    encoded: Option<&mut compact::EncodedActivities>,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let json = |v: &dyn erased::Ser| v.to_json();
    if previous.is_none_or(|p| p.activities != data.activities) {
        let text = match encoded {
            Some(kept) => kept.encode(&data.activities),
            None => compact::to_stored_json(&data.activities),
        };
        out.push((KEY_ACTIVITIES, text));
    }
    if previous.is_none_or(|p| p.credentials != data.credentials) {
        out.push((KEY_CREDENTIALS, json(&data.credentials)));
    }
    if previous.is_none_or(|p| {
        p.goals != data.goals || p.settings != data.settings || p.tombstones != data.tombstones
    }) {
        let other = Other {
            goals: data.goals.clone(),
            settings: data.settings.clone(),
            tombstones: data.tombstones.clone(),
        };
        out.push((KEY_OTHER, json(&other)));
    }
    let meta = Meta {
        schema_version: SCHEMA_VERSION,
        revision: stamp.revision,
        saved_at: now,
        writer: stamp.writer.clone(),
        ancestors,
    };
    out.push((KEY_META, json(&meta)));
    out
}

/// What browsers keep in localStorage for one page, in UTF-16 units, with a margin: Chromium
/// about 5.2 million, Firefox and Safari 5 MB. Records larger than this cannot be saved.
pub const STORAGE_UNITS_BUDGET: usize = 5_000_000;

/// `data`'s size in UTF-16 units when it is over [`STORAGE_UNITS_BUDGET`]: what an import's
/// preview warns of before the records are changed.
pub fn too_large(data: &AppData) -> Option<usize> {
    let units = stored_units(data);
    (units > STORAGE_UNITS_BUDGET).then_some(units)
}

/// "about 11 MB, more than a browser keeps for one page (about 10 MB)", for `units` over the
/// budget.
pub fn too_large_words(units: usize) -> String {
    format!(
        "about {}, more than a browser keeps for one page (about {})",
        crate::domain::text::size::size_text(units as u64 * 2),
        crate::domain::text::size::size_text(STORAGE_UNITS_BUDGET as u64 * 2)
    )
}

/// What `data` takes in localStorage, in UTF-16 code units of keys and values: the unit browsers
/// count against the quota (Chromium's is about 5.2 million of them), and half the bytes they keep.
pub fn stored_units(data: &AppData) -> usize {
    encode(data, None, u64::MAX, DateTime::<Utc>::MIN_UTC)
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}

/// Small helper so `encode` can serialise different types through one closure.
mod erased {
    pub trait Ser {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_json(&self) -> String {
            crate::json::to_text(self).expect("records always serialise")
        }
    }
}

/// The version and revision of what is stored, read from the meta key alone (cheap: a save reads
/// it first to decide whether to merge). `None` when nothing is stored.
pub fn read_meta(get: &impl Fn(&str) -> Option<String>) -> Result<Option<(u32, u64)>, LoadError> {
    Ok(read_stored_meta(get)?.map(|m| (m.version, m.stamp.revision)))
}

/// The whole meta: version, stamp and ancestors. Fields other than the version are read leniently
/// (older versions wrote no writer or ancestors).
pub fn read_stored_meta(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<Option<StoredMeta>, LoadError> {
    let Some(meta_text) = get(KEY_META) else {
        if DATA_KEYS.iter().any(|k| get(k).is_some()) {
            return Err(corrupt_msg(
                KEY_META,
                "records without their version marker",
            ));
        }
        return Ok(None);
    };
    let meta_value: Value = serde_json::from_str(&meta_text).map_err(|e| corrupt(KEY_META, e))?;
    let version = meta_value
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| corrupt_msg(KEY_META, "no schema_version"))?;
    let revision = meta_value
        .get("revision")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let writer = meta_value
        .get("writer")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let ancestors = meta_value
        .get("ancestors")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .take(ANCESTORS)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(StoredMeta {
        version,
        stamp: Stamp { revision, writer },
        ancestors,
    }))
}

/// The version, revision and the text of each data part (`None`: not written, which only version
/// 1 allowed), migrated to the current version. `Ok(None)`: nothing stored (a first run).
type Parts = (u64, [Option<String>; 3]);

fn read_parts(get: &impl Fn(&str) -> Option<String>) -> Result<Option<Parts>, LoadError> {
    let Some((version, revision)) = read_meta(get)? else {
        return Ok(None);
    };
    if version > SCHEMA_VERSION {
        return Err(LoadError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        return Err(corrupt_msg(KEY_META, "unknown format version 0"));
    }
    let mut texts: [Option<String>; 3] = Default::default();
    for (slot, key) in texts.iter_mut().zip(DATA_KEYS) {
        *slot = match get(key) {
            Some(text) => Some(text),
            // Version 1 wrote a part only once it held records.
            None if version == 1 => None,
            None => return Err(corrupt_msg(key, "this part of the records is missing")),
        };
    }
    if version < SCHEMA_VERSION && STEPS.iter().skip(version as usize - 1).any(|s| s.1) {
        // A step that changes data works on JSON values; the parts go back to text after it.
        let mut parts = serde_json::Map::new();
        for (text, key) in texts.iter().zip(DATA_KEYS) {
            let value = match text {
                Some(t) => serde_json::from_str(t).map_err(|e| corrupt(key, e))?,
                None => Value::Null,
            };
            parts.insert(key.to_string(), value);
        }
        let parts =
            migrate(Value::Object(parts), version).map_err(|m| corrupt_msg(KEY_META, &m))?;
        for (slot, key) in texts.iter_mut().zip(DATA_KEYS) {
            *slot = parts
                .get(key)
                .filter(|v| !v.is_null())
                .map(|v| v.to_string());
        }
    }
    Ok(Some((revision, texts)))
}

/// Reads the stored records through `get` (a localStorage look-up), straight from the text into
/// typed records: what the app does at every start. No meta key: a first run, empty data. Older
/// versions are migrated; newer ones are refused untouched; records that break the validity
/// contract are refused naming record and field. A part that does not parse is refused with its
/// key, line and column; [`decode_named`] (in the worker) then names its record and field.
/// Both accept exactly the same data (the fuzz harness checks it).
pub fn decode(get: impl Fn(&str) -> Option<String>) -> Result<Loaded, LoadError> {
    let Some((revision, [acts, creds, other])) = read_parts(&get)? else {
        return Ok(Loaded {
            data: AppData::default(),
            revision: 0,
        });
    };
    fn typed<T: serde::de::DeserializeOwned>(
        key: &str,
        text: Option<String>,
    ) -> Result<Option<T>, LoadError> {
        match text {
            None => Ok(None),
            Some(t) => crate::json::from_text::<Option<T>>(&t).map_err(|e| corrupt(key, e)),
        }
    }
    /// The `other` part as stored; every list may be missing or null.
    #[derive(Deserialize)]
    struct OtherIn {
        #[serde(default)]
        goals: Option<Vec<Goal>>,
        #[serde(default)]
        settings: Option<Settings>,
        #[serde(default)]
        tombstones: Option<Vec<Tombstone>>,
    }
    // Activities straight from the text: they are the bulk of the store (a long career holds
    // 10,000), and building a JSON value of each first took about half of the start-up time.
    // Nothing else reads the stored form through values, so this adds no second copy.
    let activities: Option<Vec<compact::StoredActivity>> = match acts {
        None => None,
        Some(t) => serde_json::from_str(&t).map_err(|e| corrupt(KEY_ACTIVITIES, e))?,
    };
    let credentials = typed(KEY_CREDENTIALS, creds)?.unwrap_or_default();
    // The part must be an object, as the naming reader requires (serde would also take a list).
    let other: Option<OtherIn> = match other {
        None => None,
        Some(text) => {
            let v: Value = serde_json::from_str(&text).map_err(|e| corrupt(KEY_OTHER, e))?;
            if !v.is_object() && !v.is_null() {
                return Err(corrupt_msg(KEY_OTHER, "is not an object"));
            }
            serde_json::from_value(v).map_err(|e| corrupt(KEY_OTHER, e))?
        }
    };
    let other = other.unwrap_or(OtherIn {
        goals: None,
        settings: None,
        tombstones: None,
    });
    checked(
        AppData {
            activities: compact::from_stored(activities.unwrap_or_default()),
            credentials,
            goals: other.goals.unwrap_or_default(),
            settings: other.settings.unwrap_or_default(),
            tombstones: other.tombstones.unwrap_or_default(),
        },
        revision,
        Vec::new(),
    )
}

/// The records, if they pass the contract (and no earlier problem was found).
fn checked(data: AppData, revision: u64, mut problems: Vec<Problem>) -> Result<Loaded, LoadError> {
    problems.extend(validate::check(&data));
    if let Some(first) = problems.first() {
        let key = match first.path.split(['[', '.']).next().unwrap_or("") {
            "activities" => KEY_ACTIVITIES,
            "credentials" => KEY_CREDENTIALS,
            _ => KEY_OTHER,
        };
        return Err(LoadError::Corrupt {
            key: key.into(),
            message: first.to_string(),
            problems,
        });
    }
    Ok(Loaded { data, revision })
}

/// [`decode`], reading each record on its own so that one that does not parse is named with its
/// position, title and field: for the message about stored data that was set aside (run in the
/// worker, so the first download does not carry it) and for the fuzz harness.
pub fn decode_named(get: impl Fn(&str) -> Option<String>) -> Result<Loaded, LoadError> {
    let Some((revision, texts)) = read_parts(&get)? else {
        return Ok(Loaded {
            data: AppData::default(),
            revision: 0,
        });
    };
    let mut parts = serde_json::Map::new();
    for (text, key) in texts.iter().zip(DATA_KEYS) {
        let value = match text {
            Some(t) => serde_json::from_str(t).map_err(|e| corrupt(key, e))?,
            None => Value::Null,
        };
        parts.insert(key.to_string(), value);
    }
    let take = |key: &str| parts.get(key).cloned().unwrap_or(Value::Null);
    let mut problems = Vec::new();
    let activities = match take(KEY_ACTIVITIES) {
        Value::Null => Vec::new(),
        v => compact::from_stored(validate::read_list_with(
            &v,
            "activities",
            "activity",
            &compact::field_name,
            &mut problems,
        )),
    };
    let credentials = match take(KEY_CREDENTIALS) {
        Value::Null => Vec::new(),
        v => validate::read_list(&v, "credentials", "credential", &mut problems),
    };
    let other = match take(KEY_OTHER) {
        Value::Null => Value::Object(Default::default()),
        v => v,
    };
    let (goals, tombstones, settings) = validate::read_other(&other, &mut problems);
    if !other.is_object() {
        return Err(corrupt_msg(KEY_OTHER, "is not an object"));
    }
    checked(
        AppData {
            activities,
            credentials,
            goals,
            settings,
            tombstones,
        },
        revision,
        problems,
    )
}

/// A stored part whose text is not JSON: named by its key, line and column.
fn corrupt(key: &str, e: serde_json::Error) -> LoadError {
    LoadError::Corrupt {
        key: key.into(),
        message: e.to_string(),
        problems: vec![part_problem(
            key,
            format!("line {}, column {}", e.line(), e.column()),
            e.to_string(),
        )],
    }
}

/// A stored part that is missing or lacks what it must hold.
fn corrupt_msg(key: &str, message: &str) -> LoadError {
    let field = if key == KEY_META {
        "schema_version"
    } else {
        ""
    };
    LoadError::Corrupt {
        key: key.into(),
        message: message.into(),
        problems: vec![part_problem(key, field.into(), message.into())],
    }
}

fn part_problem(key: &str, path: String, message: String) -> Problem {
    Problem {
        record: crate::domain::model::contract::RecordRef {
            kind: "stored part",
            position: 0,
            title: Some(key.to_string()),
        },
        path: if path.is_empty() {
            key.to_string()
        } else {
            path
        },
        message,
    }
}

/// One migration step: the stored parts (an object keyed by storage key) of version `from`
/// to version `from + 1`, and whether it changes any data (a step that does not is skipped when
/// loading, so the records are read straight from their text).
type Step = (fn(Value) -> Result<Value, String>, bool);

/// Steps from each older version; index 0 migrates version 1 to 2.
const STEPS: &[Step] = &[(v1_to_v2, false), (v2_to_v3, false), (v3_to_v4, false)];

/// Version 2 only promises that every part is written; a part version 1 never wrote reads as
/// empty, as it always did.
fn v1_to_v2(parts: Value) -> Result<Value, String> {
    Ok(parts)
}

/// Version 3 adds hours per topic (`h` on an activity). Records of version 2 have none, which
/// reads as "every topic took the whole activity", exactly what version 2 counted. The version
/// moves so that an older app, which would ignore the hours and count whole activities toward
/// topic rules, refuses the data instead of showing wrong figures.
fn v2_to_v3(parts: Value) -> Result<Value, String> {
    Ok(parts)
}

/// Version 4 adds learning goals' needs, targets, topics and status, and a reflection on an
/// activity (`r`). Records of version 3 have none of them, which reads as they were. The version
/// moves so that an older app, which would drop them when it saves, refuses the data instead.
fn v3_to_v4(parts: Value) -> Result<Value, String> {
    Ok(parts)
}

/// Brings stored parts of version `from` up to [`SCHEMA_VERSION`], one step at a time.
pub fn migrate(parts: Value, from: u32) -> Result<Value, String> {
    migrate_with(parts, from, STEPS)
}

fn migrate_with(mut parts: Value, from: u32, steps: &[Step]) -> Result<Value, String> {
    if from == 0 {
        return Err("unknown format version 0".into());
    }
    for (step, _) in steps.iter().skip(from as usize - 1) {
        parts = step(parts)?;
    }
    Ok(parts)
}

/// The raw stored strings to keep under the quarantine prefix before starting fresh.
pub fn quarantine_pairs(
    get: impl Fn(&str) -> Option<String>,
    now: DateTime<Utc>,
) -> Vec<(String, String)> {
    // Written by hand: chrono's strftime machinery would add to every download for this one line.
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        now.year(),
        now.month(),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    std::iter::once(KEY_META)
        .chain(DATA_KEYS)
        .filter_map(|k| get(k).map(|v| (format!("{QUARANTINE_PREFIX}{stamp}:{k}"), v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use std::collections::HashMap;

    fn store(pairs: Vec<(&'static str, String)>) -> HashMap<String, String> {
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }

    fn sample() -> AppData {
        let mut d = AppData::default();
        d.upsert_activity(activity("2025-01-02").credit("AMA_PRA_CAT1", "2").build());
        d.upsert_credential(
            credential("TX", "2025-01-01", "2026-12-31")
                .rule(total("total", "48", &[]))
                .build(),
        );
        d
    }

    #[test]
    fn encode_then_decode_round_trips_and_skips_unchanged_parts() {
        let data = sample();
        let s = store(encode(&data, None, 7, Utc::now()));
        let loaded = decode(|k| s.get(k).cloned()).unwrap();
        assert_eq!(loaded.data, data);
        assert_eq!(loaded.revision, 7);
        let mut changed = data.clone();
        std::sync::Arc::make_mut(&mut changed.activities[0]).title = "Edited".into();
        let keys: Vec<&str> = encode(&changed, Some(&data), 8, Utc::now())
            .iter()
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(keys, [KEY_ACTIVITIES, KEY_META]);
    }

    #[test]
    fn first_run_is_empty_and_bad_or_newer_data_is_refused() {
        assert_eq!(decode(|_| None).unwrap().data, AppData::default());
        let mut s = store(encode(&sample(), None, 1, Utc::now()));
        s.insert(KEY_ACTIVITIES.into(), "[{\"broken".into());
        assert!(
            matches!(decode(|k| s.get(k).cloned()), Err(LoadError::Corrupt { key, .. }) if key == KEY_ACTIVITIES)
        );
        let mut s = store(encode(&sample(), None, 1, Utc::now()));
        s.insert(
            KEY_META.into(),
            "{\"schema_version\":9,\"revision\":1}".into(),
        );
        assert_eq!(
            decode(|k| s.get(k).cloned()),
            Err(LoadError::TooNew {
                found: 9,
                supported: SCHEMA_VERSION
            })
        );
        let q = quarantine_pairs(|k| s.get(k).cloned(), Utc::now());
        assert_eq!(q.len(), 4);
        assert!(q.iter().all(|(k, _)| k.starts_with(QUARANTINE_PREFIX)));
    }

    #[test]
    fn the_v1_fixture_loads_every_field() {
        let fixture: HashMap<String, Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/stored-v1.json")).unwrap();
        let get = |k: &str| fixture.get(k).map(|v| v.to_string());
        let loaded = decode(get).unwrap();
        assert_eq!(loaded.revision, 3);
        let a = &loaded.data.activities[0];
        assert_eq!(a.title, "Ethics in practice");
        assert_eq!(a.credits[0].amount, hours("2"));
        assert_eq!(a.topics[0].as_str(), "ethics_professional_responsibility");
        let c = &loaded.data.credentials[0];
        assert_eq!(c.name, "Texas Medical Board");
        assert_eq!(c.rules.len(), 2);
        assert_eq!(c.cycle.end, date("2027-01-31"));
        assert_eq!(loaded.data.goals.len(), 1);
        assert_eq!(loaded.data.tombstones.len(), 1);
    }

    #[test]
    fn migration_steps_run_in_order_from_the_stored_version() {
        fn add_a(v: Value) -> Result<Value, String> {
            let mut v = v;
            v["trace"] = Value::String(format!("{}a", v["trace"].as_str().unwrap_or("")));
            Ok(v)
        }
        fn add_b(v: Value) -> Result<Value, String> {
            let mut v = v;
            v["trace"] = Value::String(format!("{}b", v["trace"].as_str().unwrap_or("")));
            Ok(v)
        }
        let steps: &[Step] = &[(add_a, true), (add_b, true)];
        let start = serde_json::json!({});
        assert_eq!(
            migrate_with(start.clone(), 1, steps).unwrap()["trace"],
            "ab"
        );
        assert_eq!(migrate_with(start.clone(), 2, steps).unwrap()["trace"], "b");
        assert_eq!(migrate_with(start.clone(), 3, steps).unwrap(), start);
        assert!(migrate_with(start, 0, steps).is_err());
    }
}
