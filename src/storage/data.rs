//! Every record the app keeps, in one value: what is saved, backed up and merged.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::{Activity, Credential};

pub use crate::domain::model::learning::Goal;

/// Preferences and bookkeeping that travel with the data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// When the user last downloaded a backup (drives the 30-day reminder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup_at: Option<DateTime<Utc>>,
    /// When any setting last changed (settings merge as one record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The clinician's name as printed on reports and transcripts ("Dr Jordan Lee, MD").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holder_name: String,
    /// Who she is ("I am a… pharmacist"): orders the catalog, credit types and topics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub professions: Vec<crate::domain::model::profession::Profession>,
}

/// The longest name kept for reports.
pub const HOLDER_NAME_MAX: usize = 120;

/// Why a name for reports (as typed) would be refused: over [`HOLDER_NAME_MAX`] characters once
/// trimmed. The field shows it while typing; saving refuses the same.
pub fn holder_name_problem(name: &str) -> Option<String> {
    crate::domain::model::contract::length_problem(name.trim(), HOLDER_NAME_MAX)
        .map(|m| format!("The name {m}."))
}

impl Settings {
    /// The name printed on reports, when one is set.
    pub fn holder(&self) -> Option<&str> {
        Some(self.holder_name.as_str()).filter(|n| !n.is_empty())
    }

    /// Sets the name printed on reports (trimmed; empty removes it). A name over
    /// [`HOLDER_NAME_MAX`] characters is refused with the reason, changing nothing.
    pub fn set_holder_name(&mut self, name: &str, now: DateTime<Utc>) -> Result<(), String> {
        if let Some(m) = holder_name_problem(name) {
            return Err(m);
        }
        let name = name.trim();
        if self.holder_name != name {
            self.holder_name = name.to_string();
            self.updated_at = Some(now);
        }
        Ok(())
    }
}

impl Settings {
    /// Records who she is (in the chooser's order, each once). Whether anything changed.
    pub fn set_professions(
        &mut self,
        chosen: &[crate::domain::model::profession::Profession],
        now: DateTime<Utc>,
    ) -> bool {
        let mut list = chosen.to_vec();
        list.sort();
        list.dedup();
        if self.professions == list {
            return false;
        }
        self.professions = list;
        self.updated_at = Some(now);
        true
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Activity,
    Credential,
    Goal,
}

/// Remembers a deletion so that a merge (another tab, or a backup) does not bring the record back
/// unless it was edited after it was deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: Uuid,
    pub kind: RecordKind,
    pub deleted_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppData {
    /// Each activity behind its own pointer: a change to one record (or a copy of the whole set,
    /// which the save path's base forces on every edit) copies 10,000 pointers, not 10,000
    /// records with their texts.
    #[serde(default)]
    pub activities: Vec<Arc<Activity>>,
    #[serde(default)]
    pub credentials: Vec<Credential>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tombstones: Vec<Tombstone>,
}

/// Records read or made as values, put behind their pointers for [`AppData::activities`].
pub fn shared(activities: Vec<Activity>) -> Vec<Arc<Activity>> {
    activities.into_iter().map(Arc::new).collect()
}

impl AppData {
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty() && self.credentials.is_empty() && self.goals.is_empty()
    }

    /// Adds the activity, or replaces the one with the same id (keeping its place in the list).
    /// True when it replaced one.
    pub fn upsert_activity(&mut self, activity: Activity) -> bool {
        self.put_activity(activity, |_| {})
    }

    /// Saves an activity changed or made `now`: as [`AppData::upsert_activity`], stamped
    /// updated now, and created now when it is new. True when it replaced one.
    pub fn save_activity(&mut self, mut activity: Activity, now: DateTime<Utc>) -> bool {
        activity.updated_at = now;
        self.put_activity(activity, |a| a.created_at = now)
    }

    /// Puts `activity` in the place of the one with its id, or adds it after `new` has changed
    /// it. Found once (10,000 records are a long search to make twice on every save).
    fn put_activity(&mut self, mut activity: Activity, new: impl FnOnce(&mut Activity)) -> bool {
        self.tombstones.retain(|t| t.id != activity.id);
        match self.activity_position(activity.id) {
            Some(i) => {
                self.activities[i] = Arc::new(activity);
                true
            }
            None => {
                new(&mut activity);
                self.activities.push(Arc::new(activity));
                false
            }
        }
    }

    /// The activity with `id`.
    pub fn activity(&self, id: Uuid) -> Option<&Activity> {
        self.activity_position(id).map(|i| &*self.activities[i])
    }

    /// Where the activity with `id` is in the list. Searched from the end, where new records go:
    /// the one just added or opened from the top of the newest-first list is found at once
    /// among 10,000, not after all of them.
    fn activity_position(&self, id: Uuid) -> Option<usize> {
        self.activities.iter().rposition(|a| a.id == id)
    }

    /// Removes the activity and leaves a tombstone; returns it for "Undo".
    pub fn remove_activity(&mut self, id: Uuid, now: DateTime<Utc>) -> Option<Activity> {
        let pos = self.activity_position(id)?;
        let removed = Arc::unwrap_or_clone(self.activities.remove(pos));
        self.bury(id, RecordKind::Activity, now);
        // A goal must not point at an activity that no longer exists. The goal changed: stamped,
        // so that a merge with a copy still linking it knows which is newer.
        for g in &mut self.goals {
            if g.activity_ids.contains(&id) {
                g.activity_ids.retain(|a| *a != id);
                g.updated_at = now;
            }
        }
        Some(removed)
    }

    pub fn upsert_credential(&mut self, credential: Credential) {
        self.tombstones.retain(|t| t.id != credential.id);
        match self.credentials.iter_mut().find(|c| c.id == credential.id) {
            Some(slot) => *slot = credential,
            None => self.credentials.push(credential),
        }
    }

    pub fn remove_credential(&mut self, id: Uuid, now: DateTime<Utc>) -> Option<Credential> {
        let pos = self.credentials.iter().position(|c| c.id == id)?;
        let removed = self.credentials.remove(pos);
        self.bury(id, RecordKind::Credential, now);
        Some(removed)
    }

    pub fn upsert_goal(&mut self, goal: Goal) {
        self.tombstones.retain(|t| t.id != goal.id);
        match self.goals.iter_mut().find(|g| g.id == goal.id) {
            Some(slot) => *slot = goal,
            None => self.goals.push(goal),
        }
    }

    pub fn remove_goal(&mut self, id: Uuid, now: DateTime<Utc>) -> Option<Goal> {
        let pos = self.goals.iter().position(|g| g.id == id)?;
        let removed = self.goals.remove(pos);
        self.bury(id, RecordKind::Goal, now);
        Some(removed)
    }

    fn bury(&mut self, id: Uuid, kind: RecordKind, now: DateTime<Utc>) {
        self.tombstones.retain(|t| t.id != id);
        self.tombstones.push(Tombstone {
            id,
            kind,
            deleted_at: now,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_name_on_reports_is_trimmed_and_a_too_long_one_changes_nothing() {
        let now = chrono::Utc::now();
        let mut s = super::Settings::default();
        s.set_holder_name("  Dr Jordan Lee, MD ", now).unwrap();
        assert_eq!(s.holder_name, "Dr Jordan Lee, MD");
        assert_eq!(s.updated_at, Some(now));
        let before = s.clone();
        let err = s.set_holder_name(&"x".repeat(121), now).unwrap_err();
        assert_eq!(
            err,
            "The name is 121 characters long; at most 120 are kept."
        );
        assert_eq!(s, before);
        s.set_holder_name("", now).unwrap();
        assert!(s.holder_name.is_empty());
    }

    use super::*;
    use crate::domain::{Accreditor, ActivityStatus, Format};
    use chrono::{NaiveDate, TimeZone};

    fn activity(title: &str) -> Activity {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        Activity {
            id: Uuid::new_v4(),
            title: title.into(),
            provider: String::new(),
            accreditor: Accreditor::Accme,
            start: d,
            end: d,
            format: Format::LiveInPerson,
            credits: vec![],
            topics: vec![],
            topic_hours: Default::default(),
            certificates: Vec::new(),
            tags: vec![],
            status: ActivityStatus::Completed,
            notes: String::new(),
            reflection: None,
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn upsert_replaces_in_place_and_remove_leaves_a_tombstone() {
        let mut data = AppData::default();
        let a = activity("Grand rounds");
        let b = activity("Ethics");
        data.upsert_activity(a.clone());
        data.upsert_activity(b.clone());
        let mut edited = a.clone();
        edited.title = "Grand rounds (edited)".into();
        data.upsert_activity(edited);
        assert_eq!(data.activities.len(), 2);
        assert_eq!(data.activities[0].title, "Grand rounds (edited)");

        let now = Utc::now();
        let removed = data.remove_activity(a.id, now).expect("was there");
        assert_eq!(removed.id, a.id);
        assert_eq!(data.activities.len(), 1);
        assert_eq!(data.tombstones.len(), 1);
        assert_eq!(data.tombstones[0].kind, RecordKind::Activity);
        assert!(data.remove_activity(a.id, now).is_none());

        // Undo: restoring drops the tombstone.
        data.upsert_activity(removed);
        assert!(data.tombstones.is_empty());
        assert_eq!(data.activities.len(), 2);
    }

    #[test]
    fn a_saved_activity_is_stamped_updated_and_created_only_when_new() {
        let mut data = AppData::default();
        let a = activity("Grand rounds");
        let made = a.created_at;
        let first = made + chrono::Duration::days(1);
        assert!(!data.save_activity(a.clone(), first));
        assert_eq!(
            data.activity(a.id).map(|x| (x.created_at, x.updated_at)),
            Some((first, first))
        );

        let later = first + chrono::Duration::days(1);
        let mut edited = data.activity(a.id).expect("saved").clone();
        edited.title = "Grand rounds (edited)".into();
        assert!(data.save_activity(edited, later));
        let saved = data.activity(a.id).expect("still there");
        assert_eq!((saved.created_at, saved.updated_at), (first, later));
        assert_eq!(saved.title, "Grand rounds (edited)");
        assert_eq!(data.activities.len(), 1);
        assert!(data.activity(Uuid::new_v4()).is_none());
    }
}
