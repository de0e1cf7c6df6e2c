//! Merging two sets of records by id: backup import ("Merge") and two tabs editing at once.
//!
//! The newer `updated_at` wins; identical records are skipped; a deletion (tombstone) wins over
//! a record that was not edited after it. Merging is idempotent: merging the same file twice
//! changes nothing the second time.

use crate::domain::model::ids::{IdMap, IdSet};
use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::data::{AppData, Tombstone};
use crate::domain::{Activity, Credential};

use super::data::Goal;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    /// Identical, or older than what is here.
    pub skipped: usize,
    /// Removed because the other side deleted them later than they were last edited.
    pub removed: usize,
}

impl MergeReport {
    pub fn is_noop(&self) -> bool {
        self.added == 0 && self.updated == 0 && self.removed == 0
    }
}

trait Record: Clone + PartialEq {
    fn id(&self) -> Uuid;
    fn updated_at(&self) -> DateTime<Utc>;
}

// Activities are kept behind shared pointers (`AppData::activities`): a merge copies pointers.
impl Record for std::sync::Arc<Activity> {
    fn id(&self) -> Uuid {
        self.id
    }
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
}

impl Record for Credential {
    fn id(&self) -> Uuid {
        self.id
    }
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
}

impl Record for Goal {
    fn id(&self) -> Uuid {
        self.id
    }
    fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
}

fn merge_list<T: Record>(
    ours: &[T],
    theirs: &[T],
    deleted: &IdMap<DateTime<Utc>>,
    report: &mut MergeReport,
) -> Vec<T> {
    let theirs_by_id: IdMap<&T> = theirs.iter().map(|r| (r.id(), r)).collect();
    let mut out: Vec<T> = Vec::with_capacity(ours.len().max(theirs.len()));
    let alive = |r: &T| deleted.get(&r.id()).is_none_or(|d| r.updated_at() > *d);
    for r in ours {
        let chosen = match theirs_by_id.get(&r.id()) {
            Some(t) if t.updated_at() > r.updated_at() && *t != r => {
                report.updated += 1;
                (*t).clone()
            }
            Some(_) => {
                report.skipped += 1;
                r.clone()
            }
            None => r.clone(),
        };
        if alive(&chosen) {
            out.push(chosen);
        } else {
            report.removed += 1;
        }
    }
    let ours_ids: IdSet = ours.iter().map(|r| r.id()).collect();
    for t in theirs {
        if ours_ids.contains(&t.id()) {
            continue;
        }
        if alive(t) {
            report.added += 1;
            out.push(t.clone());
        } else {
            report.skipped += 1;
        }
    }
    out
}

/// The latest deletion time of every id deleted on either side.
fn latest_deletions(ours: &AppData, theirs: &AppData) -> IdMap<DateTime<Utc>> {
    let mut deleted: IdMap<DateTime<Utc>> = IdMap::default();
    for t in ours.tombstones.iter().chain(&theirs.tombstones) {
        let e = deleted.entry(t.id).or_insert(t.deleted_at);
        if t.deleted_at > *e {
            *e = t.deleted_at;
        }
    }
    deleted
}

/// The merged records with their settings (the later change; the later backup date) and the
/// tombstones still needed: the latest of each id, except for records present again (edited
/// after their deletion).
fn assemble(
    ours: &AppData,
    theirs: &AppData,
    deleted: &IdMap<DateTime<Utc>>,
    activities: Vec<std::sync::Arc<Activity>>,
    credentials: Vec<Credential>,
    goals: Vec<Goal>,
) -> AppData {
    let present: IdSet = activities
        .iter()
        .map(|a| a.id)
        .chain(credentials.iter().map(|c| c.id))
        .chain(goals.iter().map(|g| g.id))
        .collect();
    let mut tombstones: Vec<Tombstone> = Vec::new();
    for t in ours.tombstones.iter().chain(&theirs.tombstones) {
        if deleted.get(&t.id) == Some(&t.deleted_at)
            && !present.contains(&t.id)
            && !tombstones.iter().any(|x| x.id == t.id)
        {
            tombstones.push(t.clone());
        }
    }
    let mut settings = if theirs.settings.updated_at > ours.settings.updated_at {
        theirs.settings.clone()
    } else {
        ours.settings.clone()
    };
    settings.last_backup_at = ours
        .settings
        .last_backup_at
        .max(theirs.settings.last_backup_at);
    AppData {
        activities,
        credentials,
        goals,
        settings,
        tombstones,
    }
}

/// Merges `theirs` into `ours` without changing either; returns the result and what happened.
pub fn merge(ours: &AppData, theirs: &AppData) -> (AppData, MergeReport) {
    let deleted = latest_deletions(ours, theirs);
    let mut report = MergeReport::default();
    let activities = merge_list(&ours.activities, &theirs.activities, &deleted, &mut report);
    let credentials = merge_list(
        &ours.credentials,
        &theirs.credentials,
        &deleted,
        &mut report,
    );
    let goals = merge_list(&ours.goals, &theirs.goals, &deleted, &mut report);
    (
        assemble(ours, theirs, &deleted, activities, credentials, goals),
        report,
    )
}

/// Merges two tabs' records three ways: `base` is what both last had in common (what this tab
/// last read or wrote), `ours` this tab's records, `theirs` what another tab stored since.
///
/// A record changed on one side only takes that side. Changed on both, it is merged field by
/// field: each field changed on one side only takes that side, and a field changed on both takes
/// the side whose record was edited later. A record deleted on one side and not edited on the
/// other after the deletion stays deleted (so a stale tab cannot bring it back); a record added on
/// either side is kept.
pub fn merge3(base: &AppData, ours: &AppData, theirs: &AppData) -> AppData {
    let deleted = latest_deletions(ours, theirs);
    let activities = merge3_list(
        &base.activities,
        &ours.activities,
        &theirs.activities,
        &deleted,
    );
    let credentials = merge3_list(
        &base.credentials,
        &ours.credentials,
        &theirs.credentials,
        &deleted,
    );
    let goals = merge3_list(&base.goals, &ours.goals, &theirs.goals, &deleted);
    assemble(ours, theirs, &deleted, activities, credentials, goals)
}

fn merge3_list<T: Record + Serialize + DeserializeOwned>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    deleted: &IdMap<DateTime<Utc>>,
) -> Vec<T> {
    let base_by_id: IdMap<&T> = base.iter().map(|r| (r.id(), r)).collect();
    let ours_by_id: IdMap<&T> = ours.iter().map(|r| (r.id(), r)).collect();
    let alive = |r: &T| deleted.get(&r.id()).is_none_or(|d| r.updated_at() > *d);
    // The stored order comes first, so that when we hold nothing new the result equals what is
    // stored, and two tabs never take turns rewriting the same records in their own order.
    let mut out: Vec<T> = Vec::with_capacity(ours.len().max(theirs.len()));
    for t in theirs {
        let b = base_by_id.get(&t.id()).copied();
        let chosen = match ours_by_id.get(&t.id()) {
            Some(o) => merge_record(b, o, t),
            // Gone from ours: we deleted it, unless they changed it since (or it is new there).
            None if b == Some(t) => continue,
            None => t.clone(),
        };
        if alive(&chosen) {
            out.push(chosen);
        }
    }
    let theirs_ids: IdSet = theirs.iter().map(|r| r.id()).collect();
    for o in ours {
        if theirs_ids.contains(&o.id()) {
            continue;
        }
        // They deleted it (it was in the base): keep it deleted unless we edited it since.
        if base_by_id.get(&o.id()).is_some_and(|b| *b == o) {
            continue;
        }
        if alive(o) {
            out.push(o.clone());
        }
    }
    out
}

/// One record changed on both sides: field by field against the base.
fn merge_record<T: Record + Serialize + DeserializeOwned>(b: Option<&T>, o: &T, t: &T) -> T {
    if o == t || b == Some(t) {
        return o.clone();
    }
    if b == Some(o) {
        return t.clone();
    }
    let newer = if t.updated_at() > o.updated_at() {
        t
    } else {
        o
    };
    let Some(b) = b else {
        return newer.clone();
    };
    let (Ok(Value::Object(bv)), Ok(Value::Object(ov)), Ok(Value::Object(tv))) = (
        serde_json::to_value(b),
        serde_json::to_value(o),
        serde_json::to_value(t),
    ) else {
        return newer.clone();
    };
    let mut out = merge_fields(&bv, &ov, &tv, t.updated_at() > o.updated_at());
    out.insert(
        "updated_at".into(),
        serde_json::to_value(newer.updated_at()).unwrap_or(Value::Null),
    );
    serde_json::from_value(Value::Object(out)).unwrap_or_else(|_| newer.clone())
}

/// Field by field: what only one side changed since `base` is taken from that side; a field
/// both changed is theirs when `theirs_wins`, else ours.
fn merge_fields(
    bv: &serde_json::Map<String, Value>,
    ov: &serde_json::Map<String, Value>,
    tv: &serde_json::Map<String, Value>,
    theirs_wins: bool,
) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    let keys: Vec<&String> = ov
        .keys()
        .chain(tv.keys().filter(|k| !ov.contains_key(*k)))
        .collect();
    for k in keys {
        let (bk, ok, tk) = (bv.get(k), ov.get(k), tv.get(k));
        let pick = if ok == tk || bk == tk {
            ok
        } else if bk == ok || theirs_wins {
            tk
        } else {
            ok
        };
        if let Some(v) = pick {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// "Keep mine" on a form whose record another tab saved meanwhile: `base` is the record the
/// form was drawn from, `mine` what the form makes of it, `theirs` the record as stored now.
/// The fields both changed keep mine; the fields only the other tab changed keep theirs, so its
/// edits to other fields are not lost.
pub fn keep_mine<T: Serialize + DeserializeOwned + Clone>(base: &T, mine: &T, theirs: &T) -> T {
    let (Ok(Value::Object(bv)), Ok(Value::Object(ov)), Ok(Value::Object(tv))) = (
        serde_json::to_value(base),
        serde_json::to_value(mine),
        serde_json::to_value(theirs),
    ) else {
        return mine.clone();
    };
    serde_json::from_value(Value::Object(merge_fields(&bv, &ov, &tv, false)))
        .unwrap_or_else(|_| mine.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use chrono::Duration;

    #[test]
    fn keep_mine_keeps_the_other_tabs_edits_to_fields_i_did_not_change() {
        let base = activity("2025-01-01").title("Grand rounds").build();
        let mut theirs = base.clone();
        theirs.title = "Grand rounds: sepsis".into();
        theirs.provider = "Their provider".into();
        let mut mine = base.clone();
        mine.notes = "My notes".into();
        mine.provider = "My provider".into();
        let kept = keep_mine(&base, &mine, &theirs);
        assert_eq!(kept.title, "Grand rounds: sepsis");
        assert_eq!(kept.notes, "My notes");
        assert_eq!(kept.provider, "My provider", "both changed it: mine");
        let c = credential("CA MD", "2025-01-01", "2026-12-31").build();
        let mut their_c = c.clone();
        their_c.name = "California".into();
        assert_eq!(keep_mine(&c, &c, &their_c).name, "California");
    }

    #[test]
    fn newer_wins_identical_skipped_and_merging_twice_changes_nothing() {
        let a = activity("2025-01-01").title("A").build();
        let b = activity("2025-02-01").title("B").build();
        let mut ours = AppData::default();
        ours.upsert_activity(a.clone());
        let mut theirs = AppData::default();
        let mut a2 = a.clone();
        a2.title = "A edited".into();
        a2.updated_at = a.updated_at + Duration::minutes(5);
        theirs.upsert_activity(a2.clone());
        theirs.upsert_activity(b.clone());

        let (merged, report) = merge(&ours, &theirs);
        assert_eq!(
            report,
            MergeReport {
                added: 1,
                updated: 1,
                skipped: 0,
                removed: 0
            }
        );
        assert_eq!(
            merged.activities,
            crate::storage::data::shared(vec![a2.clone(), b.clone()])
        );
        let (again, report2) = merge(&merged, &theirs);
        assert!(report2.is_noop());
        assert_eq!(again, merged);
    }

    #[test]
    fn deletion_wins_unless_the_record_was_edited_afterwards() {
        let a = activity("2025-01-01").build();
        let mut ours = AppData::default();
        ours.upsert_activity(a.clone());
        let mut theirs = ours.clone();
        theirs.remove_activity(a.id, a.updated_at + Duration::minutes(1));
        let (merged, report) = merge(&ours, &theirs);
        assert!(merged.activities.is_empty());
        assert_eq!(report.removed, 1);
        let mut edited = a.clone();
        edited.updated_at = a.updated_at + Duration::minutes(2);
        ours.upsert_activity(edited.clone());
        let (merged, _) = merge(&ours, &theirs);
        assert_eq!(
            merged.activities,
            crate::storage::data::shared(vec![edited])
        );
        assert!(merged.tombstones.is_empty());
    }
}
