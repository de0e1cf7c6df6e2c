//! The save path as a pure state machine: what a tab knows of the store, and what it does when it
//! starts, saves, or hears that another tab saved.
//!
//! Each tab keeps the revision it last read or wrote and the records as they were then (the
//! *base*). Saving happens inside an exclusive lock held across tabs (the browser adapter takes
//! it), so read-merge-write is one step:
//!
//! 1. read the stored meta; a newer format is never written over: the tab goes read-only;
//! 2. if the revision is the one we know, write what changed since the base;
//! 3. otherwise another tab saved: read its records, merge three ways (base, ours, theirs) by
//!    record and field, and write the result;
//! 4. the meta, written last, carries the next revision.
//!
//! When another tab's save is heard, the same merge runs; if our side had anything theirs lacks,
//! the merged records must be saved again (the caller does, through [`Session::save`]).
//!
//! Everything here works on a [`Store`] (a map of keys to text), so it is tested natively with a
//! map standing in for localStorage, including two "tabs" sharing one map.

use chrono::{DateTime, Utc};
use std::rc::Rc;

use super::data::AppData;
use super::format::{self, LoadError, DATA_KEYS, KEY_META, SCHEMA_VERSION};
use super::merge::merge3;

/// Key/value storage as the save path needs it (localStorage in the app, a map in tests).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    /// Writes and checks the write; the error is a sentence for the user.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
}

/// Why this tab does not save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// The store holds a newer format (found); this app reads up to `supported`.
    NewerFormat { found: u32, supported: u32 },
}

impl ReadOnly {
    pub fn message(&self) -> String {
        match self {
            ReadOnly::NewerFormat { found, supported } => format!(
                "A newer version of CME Tracker keeps your records here (format {found}; this version reads up to {supported}). This tab will not save anything, so that nothing the newer version wrote is lost. Reload the page to open the newer version."
            ),
        }
    }
}

/// What starting found.
#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    /// The records (empty on a first run).
    Loaded(AppData),
    /// Written by a newer version: left exactly as they are; the tab is read-only.
    TooNew(ReadOnly),
    /// Unreadable, or breaking the contract: to be set aside (quarantined), then start empty.
    Corrupt(LoadError),
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written as revision `revision`; nobody else had saved meanwhile.
    Written { revision: u64 },
    /// Another tab had saved: its records were merged with ours, and the result written. The tab
    /// must show `data` (it may hold the other tab's changes).
    Merged { revision: u64, data: AppData },
    /// Nothing was written: the store holds a newer format, and this tab is now read-only.
    ReadOnly(ReadOnly),
    /// The stored records could not be read to merge with; nothing was written over them.
    Unreadable(String),
}

/// What hearing another tab's save leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// Nothing new for us (our own save, or the same revision).
    Nothing,
    /// Show `data`. When `must_save` is true our side held changes the store lacks (made while
    /// the other tab saved): save again so they are not lost.
    Changed { data: AppData, must_save: bool },
    /// The other tab is a newer version: stop saving.
    ReadOnly(ReadOnly),
}

/// One tab's knowledge of the store.
#[derive(Debug, Clone)]
pub struct Session {
    /// The stored revision this tab last read or wrote.
    known_revision: u64,
    /// The records as stored at that revision: the common ancestor for three-way merges, and
    /// what a save compares against to write only the parts that changed. `None` when the store
    /// may lack parts (first run, or an older format): the next save writes every part.
    base: Option<Rc<AppData>>,
    read_only: Option<ReadOnly>,
}

impl Session {
    /// Reads the store at start.
    pub fn start(store: &impl Store) -> (Session, Start) {
        let get = |k: &str| store.get(k);
        let version = format::read_meta(&get).ok().flatten().map(|(v, _)| v);
        match format::decode(get) {
            Ok(loaded) => {
                // An older format (or nothing) stored: rewrite every part at the next save.
                let complete = version == Some(SCHEMA_VERSION);
                let data = loaded.data;
                (
                    Session {
                        known_revision: loaded.revision,
                        base: complete.then(|| Rc::new(data.clone())),
                        read_only: None,
                    },
                    Start::Loaded(data),
                )
            }
            Err(LoadError::TooNew { found, supported }) => {
                let r = ReadOnly::NewerFormat { found, supported };
                (
                    Session {
                        known_revision: 0,
                        base: None,
                        read_only: Some(r.clone()),
                    },
                    Start::TooNew(r),
                )
            }
            Err(e) => (
                Session {
                    known_revision: 0,
                    base: None,
                    read_only: None,
                },
                Start::Corrupt(e),
            ),
        }
    }

    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn known_revision(&self) -> u64 {
        self.known_revision
    }

    /// After the corrupt records were set aside (their keys removed): the store is empty.
    pub fn after_quarantine(&mut self) {
        self.known_revision = 0;
        self.base = None;
    }

    /// Saves `ours`. Call with the cross-tab lock held: the read of the meta, the merge and the
    /// write must not interleave with another tab's.
    pub fn save(&mut self, store: &mut impl Store, ours: &AppData, now: DateTime<Utc>) -> Saved {
        if let Some(r) = &self.read_only {
            return Saved::ReadOnly(r.clone());
        }
        let meta = format::read_meta(&|k: &str| store.get(k));
        let (version, stored_revision) = match meta {
            Ok(Some(m)) => m,
            Ok(None) => (SCHEMA_VERSION, 0),
            Err(e) => return Saved::Unreadable(e.to_string()),
        };
        if version > SCHEMA_VERSION {
            let r = ReadOnly::NewerFormat {
                found: version,
                supported: SCHEMA_VERSION,
            };
            self.read_only = Some(r.clone());
            return Saved::ReadOnly(r);
        }
        let changed_elsewhere = stored_revision != self.known_revision;
        let (to_write, previous, merged) = if changed_elsewhere && stored_revision > 0 {
            let theirs = match format::decode(|k| store.get(k)) {
                Ok(l) => l.data,
                Err(e) => return Saved::Unreadable(e.to_string()),
            };
            let base = self.base.as_deref().cloned().unwrap_or_default();
            let merged = merge3(&base, ours, &theirs);
            // Compare against what is stored now, so only parts that differ are written; an older
            // format stored means every part is written.
            let complete = version == SCHEMA_VERSION;
            (merged, complete.then_some(theirs), true)
        } else {
            // Someone emptied the store (delete all, quarantine) since we read it: write all.
            let previous = if stored_revision == 0 && self.known_revision != 0 {
                None
            } else {
                self.base.as_deref().cloned()
            };
            (ours.clone(), previous, false)
        };
        let next = stored_revision.max(self.known_revision) + 1;
        for (key, value) in format::encode(&to_write, previous.as_ref(), next, now) {
            if let Err(message) = store.set(key, &value) {
                // What was written before the failure is harmless (meta comes last); the records
                // stay in the tab and the caller offers a backup.
                return Saved::Unreadable(message);
            }
        }
        self.known_revision = next;
        let data = Rc::new(to_write);
        self.base = Some(data.clone());
        if merged && *data != *ours {
            Saved::Merged {
                revision: next,
                data: (*data).clone(),
            }
        } else {
            Saved::Written { revision: next }
        }
    }

    /// Another tab saved (the meta key changed). `ours` is what this tab shows now.
    pub fn heard(&mut self, store: &impl Store, ours: &AppData) -> Heard {
        if self.read_only.is_some() {
            return Heard::Nothing;
        }
        let (version, revision) = match format::read_meta(&|k: &str| store.get(k)) {
            Ok(Some(meta)) => meta,
            // Everything was removed in another tab ("Delete all my data"): follow, rather than
            // write the records back at this tab's next save.
            Ok(None) if self.known_revision > 0 => {
                self.known_revision = 0;
                self.base = None;
                return if ours.is_empty() && ours.tombstones.is_empty() {
                    Heard::Nothing
                } else {
                    Heard::Changed {
                        data: AppData::default(),
                        must_save: false,
                    }
                };
            }
            _ => return Heard::Nothing,
        };
        if version > SCHEMA_VERSION {
            let r = ReadOnly::NewerFormat {
                found: version,
                supported: SCHEMA_VERSION,
            };
            self.read_only = Some(r.clone());
            return Heard::ReadOnly(r);
        }
        if revision == self.known_revision {
            return Heard::Nothing;
        }
        let Ok(theirs) = format::decode(|k| store.get(k)) else {
            return Heard::Nothing;
        };
        let base = self.base.as_deref().cloned().unwrap_or_default();
        let merged = merge3(&base, ours, &theirs.data);
        let must_save = merged != theirs.data;
        self.known_revision = theirs.revision;
        self.base = Some(Rc::new(theirs.data));
        if merged == *ours && !must_save {
            return Heard::Nothing;
        }
        Heard::Changed {
            data: merged,
            must_save,
        }
    }
}

/// Every key the save path writes, for tests and for removing the records.
pub fn keys() -> impl Iterator<Item = &'static str> {
    DATA_KEYS.into_iter().chain(std::iter::once(KEY_META))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::Activity;
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// One map shared by several "tabs", like localStorage.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<HashMap<String, String>>>);

    impl Store for Shared {
        fn get(&self, key: &str) -> Option<String> {
            self.0.borrow().get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
            self.0.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
    }

    fn act(title: &str) -> Activity {
        activity("2025-03-01")
            .title(title)
            .credit("AMA_PRA_CAT1", "1")
            .build()
    }

    fn now() -> DateTime<Utc> {
        Utc::now()
    }

    #[test]
    fn two_tabs_adding_at_the_same_time_keep_every_record() {
        let store = Shared::default();
        let (mut a, _) = Session::start(&store);
        let (mut b, _) = Session::start(&store);
        let mut ours_a = AppData::default();
        let mut ours_b = AppData::default();
        for i in 0..10 {
            ours_a.upsert_activity(act(&format!("A{i}")));
            ours_b.upsert_activity(act(&format!("B{i}")));
            // Both saved from the same known revision: the second merges.
            if let Saved::Merged { data, .. } = a.save(&mut store.clone(), &ours_a, now()) {
                ours_a = data;
            }
            if let Saved::Merged { data, .. } = b.save(&mut store.clone(), &ours_b, now()) {
                ours_b = data;
            }
        }
        let stored = format::decode(|k| store.get(k)).unwrap().data;
        assert_eq!(stored.activities.len(), 20);
        // Tab A hears B's last save and shows everything.
        match a.heard(&store, &ours_a) {
            Heard::Changed { data, must_save } => {
                assert_eq!(data.activities.len(), 20);
                assert!(!must_save);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_stale_tab_cannot_bring_back_a_deleted_record() {
        let store = Shared::default();
        let (mut a, _) = Session::start(&store);
        let mut data = AppData::default();
        let x = act("Keep me deleted");
        data.upsert_activity(x.clone());
        a.save(&mut store.clone(), &data, now());
        let (mut b, Start::Loaded(mut b_data)) = Session::start(&store) else {
            panic!()
        };
        // A deletes; B, which has not heard yet, adds something else and saves.
        data.remove_activity(x.id, now());
        a.save(&mut store.clone(), &data, now());
        b_data.upsert_activity(act("Other"));
        let Saved::Merged { data: merged, .. } = b.save(&mut store.clone(), &b_data, now()) else {
            panic!("B must merge")
        };
        assert_eq!(merged.activities.len(), 1);
        assert_eq!(merged.activities[0].title, "Other");
        let stored = format::decode(|k| store.get(k)).unwrap().data;
        assert!(stored.activities.iter().all(|a| a.id != x.id));
    }

    #[test]
    fn edits_to_different_fields_of_one_record_both_survive() {
        let store = Shared::default();
        let (mut a, _) = Session::start(&store);
        let mut data = AppData::default();
        let x = act("Grand rounds");
        data.upsert_activity(x.clone());
        a.save(&mut store.clone(), &data, now());
        let (mut b, Start::Loaded(mut b_data)) = Session::start(&store) else {
            panic!()
        };
        let mut ax = x.clone();
        ax.title = "Grand rounds (renamed)".into();
        ax.updated_at = x.updated_at + chrono::Duration::seconds(1);
        data.upsert_activity(ax);
        a.save(&mut store.clone(), &data, now());
        let mut bx = x.clone();
        bx.notes = "Certificate in drawer".into();
        bx.updated_at = x.updated_at + chrono::Duration::seconds(2);
        b_data.upsert_activity(bx);
        let Saved::Merged { data: merged, .. } = b.save(&mut store.clone(), &b_data, now()) else {
            panic!("B must merge")
        };
        let m = &merged.activities[0];
        assert_eq!(m.title, "Grand rounds (renamed)");
        assert_eq!(m.notes, "Certificate in drawer");
    }

    #[test]
    fn a_newer_format_is_never_written_over_and_makes_the_tab_read_only() {
        let store = Shared::default();
        let (mut a, _) = Session::start(&store);
        let mut data = AppData::default();
        data.upsert_activity(act("Mine"));
        a.save(&mut store.clone(), &data, now());
        // A newer version writes its own format in another tab.
        let newer = r#"{"schema_version":99,"revision":7,"saved_at":"2026-11-30T00:00:00Z"}"#;
        store.clone().set(KEY_META, newer).unwrap();
        store.clone().set(DATA_KEYS[0], "[\"new-format\"]").unwrap();
        let before = store.0.borrow().clone();
        data.upsert_activity(act("Another"));
        assert!(matches!(
            a.save(&mut store.clone(), &data, now()),
            Saved::ReadOnly(ReadOnly::NewerFormat { found: 99, .. })
        ));
        assert_eq!(*store.0.borrow(), before);
        // And a tab starting now does not move or rewrite anything either.
        let (mut c, start) = Session::start(&store);
        assert!(matches!(start, Start::TooNew(_)));
        assert!(matches!(
            c.save(&mut store.clone(), &data, now()),
            Saved::ReadOnly(_)
        ));
        assert_eq!(*store.0.borrow(), before);
    }

    #[test]
    fn deleting_everything_in_one_tab_empties_the_others_instead_of_being_undone() {
        let store = Shared::default();
        let (mut a, _) = Session::start(&store);
        let mut data = AppData::default();
        data.upsert_activity(act("Private"));
        a.save(&mut store.clone(), &data, now());
        let (mut b, Start::Loaded(b_data)) = Session::start(&store) else {
            panic!()
        };
        store.0.borrow_mut().clear();
        assert_eq!(
            b.heard(&store, &b_data),
            Heard::Changed {
                data: AppData::default(),
                must_save: false
            }
        );
        // And a later save of B's (now empty) records writes nothing back of the old ones.
        b.save(&mut store.clone(), &AppData::default(), now());
        assert!(format::decode(|k| store.get(k)).unwrap().data.is_empty());
    }

    #[test]
    fn the_first_save_writes_every_part_so_a_missing_one_later_means_damage() {
        let store = Shared::default();
        let (mut a, _) = Session::start(&store);
        let mut data = AppData::default();
        data.upsert_activity(act("Only an activity"));
        a.save(&mut store.clone(), &data, now());
        for key in keys() {
            assert!(store.get(key).is_some(), "{key} not written");
        }
        store.0.borrow_mut().remove(DATA_KEYS[1]);
        assert!(matches!(Session::start(&store).1, Start::Corrupt(_)));
    }
}
