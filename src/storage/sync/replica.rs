//! One device's copy of the records as field writes, and the merge that makes copies converge.
//!
//! Each field keeps its writes in a canonical form: the winner (the latest stamp) and the writes
//! its writer had not seen (conflicts), only those not seen by another kept write. A write
//! carries `base`, the latest stamp of that field (or, for a deletion, of the record) its writer
//! had seen, so "w2 saw w1" is `w1.stamp <= w2.base`. Merging is the union of writes put back in
//! that canonical form, which does not depend on the order writes arrive in: merging is
//! commutative, associative and idempotent, and a write is dropped only when a kept write saw it.
//! A deletion is a write to the field [`DELETED`]; an edit its writer had not seen keeps the
//! record, and the two are listed as a conflict until she deletes again or keeps it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::clock::{Clock, DeviceId, Stamp};

/// The field whose value `true` deletes a record.
pub const DELETED: &str = "~deleted";

/// A record's key: its kind and id ("activity/6f1c…").
pub type Key = String;

/// One write of one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Write {
    pub stamp: Stamp,
    /// The latest stamp of the field (of the record, for a deletion) the writer had seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Stamp>,
    pub value: Value,
}

impl Write {
    /// Whether this write's writer had seen `other`.
    fn saw(&self, other: &Write) -> bool {
        self.base.is_some_and(|b| other.stamp <= b)
    }
}

/// What a device has of every device's writes: for each, the latest stamp up to which it has
/// them all (or writes that saw them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen(pub BTreeMap<DeviceId, Stamp>);

impl Seen {
    pub fn covers(&self, stamp: &Stamp) -> bool {
        self.0.get(&stamp.device).is_some_and(|s| stamp <= s)
    }

    fn raise(&mut self, stamp: Stamp) {
        let e = self.0.entry(stamp.device).or_insert(stamp);
        *e = (*e).max(stamp);
    }
}

/// What one device sends another: the writes the other had not seen (by the `Seen` it last
/// told), what that was (`since`), and what the sender had (`upto`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub since: Seen,
    pub upto: Seen,
    pub writes: Vec<(Key, String, Write)>,
}

/// Writes made without seeing each other, for her to review.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// The same field written on two devices: the value kept, and the others.
    Field {
        key: Key,
        field: String,
        kept: Write,
        others: Vec<Write>,
    },
    /// Deleted on one device while edited on another: the record is kept until she decides.
    DeletedWhileEdited {
        key: Key,
        deleted: Write,
        edits: Vec<(String, Write)>,
    },
}

/// One device's copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    pub clock: Clock,
    pub seen: Seen,
    records: BTreeMap<Key, BTreeMap<String, Vec<Write>>>,
}

impl Replica {
    pub fn new(device: DeviceId) -> Replica {
        Replica {
            clock: Clock::new(device),
            seen: Seen::default(),
            records: BTreeMap::new(),
        }
    }

    pub fn device(&self) -> DeviceId {
        self.clock.device
    }

    /// Writes a field. Nothing is written when it already holds the value with no conflict.
    /// Writing a field that has conflicts settles them: she has seen every value listed.
    /// Its stamp, or None when nothing was written.
    pub fn set(&mut self, key: &str, field: &str, value: Value, now_ms: i64) -> Option<Stamp> {
        let writes = self
            .records
            .get(key)
            .and_then(|r| r.get(field))
            .map(Vec::as_slice)
            .unwrap_or_default();
        if writes.len() == 1 && writes[0].value == value {
            return None;
        }
        let base = writes.iter().map(|w| w.stamp).max();
        Some(self.write(key, field, value, base, now_ms))
    }

    /// Deletes a record, having seen every write of it here.
    pub fn delete(&mut self, key: &str, now_ms: i64) -> Stamp {
        let base = self.latest_of(key);
        self.write(key, DELETED, Value::Bool(true), base, now_ms)
    }

    /// Keeps a record deleted on another device while edited here (or the other way round).
    pub fn keep(&mut self, key: &str, now_ms: i64) -> Stamp {
        let base = self.latest_of(key);
        self.write(key, DELETED, Value::Bool(false), base, now_ms)
    }

    /// Every write kept, record by record and field by field (each field's in canonical order).
    pub fn writes(&self) -> &BTreeMap<Key, BTreeMap<String, Vec<Write>>> {
        &self.records
    }

    fn latest_of(&self, key: &str) -> Option<Stamp> {
        self.records
            .get(key)?
            .values()
            .flatten()
            .map(|w| w.stamp)
            .max()
    }

    fn write(
        &mut self,
        key: &str,
        field: &str,
        value: Value,
        base: Option<Stamp>,
        now: i64,
    ) -> Stamp {
        let stamp = self.clock.tick(now);
        self.seen.raise(stamp);
        let writes = self
            .records
            .entry(key.to_string())
            .or_default()
            .entry(field.to_string())
            .or_default();
        writes.push(Write { stamp, base, value });
        canonical(writes);
        stamp
    }

    /// The record's fields as they stand, or None when it is not here or deleted.
    pub fn record(&self, key: &str) -> Option<BTreeMap<String, Value>> {
        let fields = self.records.get(key)?;
        if deleted(fields).is_some_and(|d| unseen_edits(fields, d).is_empty()) {
            return None;
        }
        let out: BTreeMap<String, Value> = fields
            .iter()
            .filter(|(f, _)| f.as_str() != DELETED)
            .filter_map(|(f, w)| Some((f.clone(), w.first()?.value.clone())))
            .collect();
        (!out.is_empty()).then_some(out)
    }

    /// Every record key written here (deleted ones too).
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.records.keys()
    }

    /// The latest stamp of any write of the record: when it was last changed.
    pub fn changed_at(&self, key: &str) -> Option<Stamp> {
        self.latest_of(key)
    }

    /// Every conflict, record by record.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        for (key, fields) in &self.records {
            if let Some(d) = deleted(fields) {
                let edits = unseen_edits(fields, d);
                if !edits.is_empty() {
                    out.push(Conflict::DeletedWhileEdited {
                        key: key.clone(),
                        deleted: d.clone(),
                        edits: edits
                            .into_iter()
                            .map(|(f, w)| (f.to_string(), w.clone()))
                            .collect(),
                    });
                }
            }
            for (field, writes) in fields {
                if let [kept, others @ ..] = writes.as_slice() {
                    // The same value written on two devices (both restored from one backup,
                    // say) is no conflict to review; the writes stay, for the merge's sake.
                    let others: Vec<Write> = others
                        .iter()
                        .filter(|w| w.value != kept.value)
                        .cloned()
                        .collect();
                    if !others.is_empty() {
                        out.push(Conflict::Field {
                            key: key.clone(),
                            field: field.clone(),
                            kept: kept.clone(),
                            others,
                        });
                    }
                }
            }
        }
        out
    }

    /// The writes a device that has `theirs` lacks.
    pub fn delta_for(&self, theirs: &Seen) -> Delta {
        let writes = self
            .records
            .iter()
            .flat_map(|(k, fields)| {
                fields.iter().flat_map(move |(f, ws)| {
                    ws.iter()
                        .filter(|w| !theirs.covers(&w.stamp))
                        .map(move |w| (k.clone(), f.clone(), w.clone()))
                })
            })
            .collect();
        Delta {
            since: theirs.clone(),
            upto: self.seen.clone(),
            writes,
        }
    }

    /// Takes in another device's writes. What this device has seen grows only where the delta
    /// follows on from it (a delta made for a later state, arriving first, adds its writes but
    /// not the claim that nothing before it is missing).
    /// Returns how many writes were new here.
    pub fn merge(&mut self, delta: &Delta) -> usize {
        let mut touched: Vec<(&str, &str)> = Vec::new();
        let mut new = 0;
        for (key, field, write) in &delta.writes {
            self.clock.observe(write.stamp);
            let writes = self
                .records
                .entry(key.clone())
                .or_default()
                .entry(field.clone())
                .or_default();
            if !writes.iter().any(|w| w.stamp == write.stamp) {
                writes.push(write.clone());
                touched.push((key, field));
                new += 1;
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for (key, field) in &touched {
            if let Some(writes) = self.records.get_mut(*key).and_then(|r| r.get_mut(*field)) {
                canonical(writes);
            }
        }
        for (device, upto) in &delta.upto.0 {
            let follows = match delta.since.0.get(device) {
                None => true,
                Some(since) => self.seen.covers(since),
            };
            if follows {
                self.seen.raise(*upto);
            }
        }
        new
    }
}

/// The deletion in force, if the record's last word on it is "deleted".
fn deleted(fields: &BTreeMap<String, Vec<Write>>) -> Option<&Write> {
    fields
        .get(DELETED)
        .and_then(|w| w.first())
        .filter(|w| w.value == Value::Bool(true))
}

/// The record's edits the deletion's writer had not seen.
fn unseen_edits<'a>(
    fields: &'a BTreeMap<String, Vec<Write>>,
    deletion: &Write,
) -> Vec<(&'a str, &'a Write)> {
    fields
        .iter()
        .filter(|(f, _)| f.as_str() != DELETED)
        .flat_map(|(f, ws)| ws.iter().map(move |w| (f.as_str(), w)))
        .filter(|(_, w)| !deletion.saw(w))
        .collect()
}

/// A field's writes in canonical form: the latest first, then, latest first, the writes the
/// winner's writer had not seen and no other kept write saw. The same set of writes gives the
/// same form whatever order they came in.
fn canonical(writes: &mut Vec<Write>) {
    writes.sort_by_key(|w| std::cmp::Reverse(w.stamp));
    writes.dedup_by(|a, b| a.stamp == b.stamp);
    let Some(winner) = writes.first().cloned() else {
        return;
    };
    let candidates: Vec<Write> = writes[1..]
        .iter()
        .filter(|w| !winner.saw(w))
        .cloned()
        .collect();
    let kept: Vec<Write> = candidates
        .iter()
        .filter(|w| {
            !candidates
                .iter()
                .any(|other| other.stamp != w.stamp && other.saw(w))
        })
        .cloned()
        .collect();
    writes.clear();
    writes.push(winner);
    writes.extend(kept);
}
