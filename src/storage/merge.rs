//! Merging two sets of records by id: backup import ("Merge") and two tabs editing at once.
//!
//! The newer `updated_at` wins; identical records are skipped; a deletion (tombstone) wins over
//! a record that was not edited after it. Merging is idempotent: merging the same file twice
//! changes nothing the second time.

use chrono::{DateTime, Utc};
use std::collections::HashMap;
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

impl Record for Activity {
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
    deleted: &HashMap<Uuid, DateTime<Utc>>,
    report: &mut MergeReport,
) -> Vec<T> {
    let theirs_by_id: HashMap<Uuid, &T> = theirs.iter().map(|r| (r.id(), r)).collect();
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
    let ours_ids: std::collections::HashSet<Uuid> = ours.iter().map(|r| r.id()).collect();
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

/// Merges `theirs` into `ours` without changing either; returns the result and what happened.
pub fn merge(ours: &AppData, theirs: &AppData) -> (AppData, MergeReport) {
    let mut deleted: HashMap<Uuid, DateTime<Utc>> = HashMap::new();
    let mut tombstones: Vec<Tombstone> = Vec::new();
    for t in ours.tombstones.iter().chain(&theirs.tombstones) {
        let e = deleted.entry(t.id).or_insert(t.deleted_at);
        if t.deleted_at > *e {
            *e = t.deleted_at;
        }
    }
    for t in ours.tombstones.iter().chain(&theirs.tombstones) {
        if deleted.get(&t.id) == Some(&t.deleted_at) && !tombstones.iter().any(|x| x.id == t.id) {
            tombstones.push(t.clone());
        }
    }
    let mut report = MergeReport::default();
    let activities = merge_list(&ours.activities, &theirs.activities, &deleted, &mut report);
    let credentials = merge_list(
        &ours.credentials,
        &theirs.credentials,
        &deleted,
        &mut report,
    );
    let goals = merge_list(&ours.goals, &theirs.goals, &deleted, &mut report);
    let mut settings = if theirs.settings.updated_at > ours.settings.updated_at {
        theirs.settings.clone()
    } else {
        ours.settings.clone()
    };
    settings.last_backup_at = ours
        .settings
        .last_backup_at
        .max(theirs.settings.last_backup_at);
    // A record present again (edited after its deletion) no longer needs its tombstone.
    tombstones.retain(|t| {
        !activities.iter().any(|a| a.id == t.id)
            && !credentials.iter().any(|c| c.id == t.id)
            && !goals.iter().any(|g| g.id == t.id)
    });
    (
        AppData {
            activities,
            credentials,
            goals,
            settings,
            tombstones,
        },
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use chrono::Duration;

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
        assert_eq!(merged.activities, vec![a2.clone(), b.clone()]);
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
        assert_eq!(merged.activities, vec![edited]);
        assert!(merged.tombstones.is_empty());
    }
}
