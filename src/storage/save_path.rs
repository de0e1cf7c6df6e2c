//! The save path as a pure state machine: what a tab knows of the store, and what it does when it
//! starts, saves, or hears that another tab saved.
//!
//! Each tab keeps the revision it last read or wrote and the records as they were then (the
//! *base*). Saving happens inside an exclusive lock held across tabs (the browser adapter takes
//! it), so read-merge-write is one step:
//!
//! 1. read the stored meta; a newer format is never written over: the tab goes read-only;
//! 2. if its stamp (revision and writer) is the one we know, write what changed since the base;
//! 3. otherwise another tab saved: read its records, merge three ways (base, ours, theirs) by
//!    record and field, and write the result;
//! 4. the meta, written last, carries the next revision, our writer id and the stamps our write
//!    was built on.
//!
//! The lock is not enough on its own: Chromium copies localStorage between processes only between
//! tasks, so a tab holding the lock may read the store as it was before another tab's save, and
//! write the same revision number over it. The stamps catch that: a tab that hears a write whose
//! ancestors lack its own last stamp merges two ways (a record missing on their side was never
//! seen there, so only tombstones delete) and saves again, so the other tab hears a write built
//! on both and merges it three ways.
//!
//! When another tab's save is heard, the same merge runs; if our side had anything theirs lacks,
//! the merged records must be saved again (the caller does, through [`Session::save`]).
//!
//! Everything here works on a [`Store`] (a map of keys to text), so it is tested natively with a
//! map standing in for localStorage, including two "tabs" sharing one map.

use chrono::{DateTime, Utc};
use std::rc::Rc;

use super::compact;
use super::data::AppData;
use super::format::{self, LoadError, Stamp, StoredMeta, DATA_KEYS, KEY_META, SCHEMA_VERSION};
use super::merge::{merge, merge3};

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
    /// The records (empty on a first run), shared with the session's base: a long career is
    /// not copied at start.
    Loaded(Rc<AppData>),
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
    /// This tab's id, written into the meta of its saves.
    writer: String,
    /// The stored revision this tab last read or wrote.
    known: Stamp,
    /// The stamps `known` was built on, newest first: written into our next save's meta, so the
    /// other tabs can tell whether it saw their last write.
    lineage: Vec<String>,
    /// The records as stored at that revision: the common ancestor for three-way merges, and
    /// what a save compares against to write only the parts that changed. `None` when the store
    /// may lack parts (first run, or an older format): the next save writes every part.
    base: Option<Rc<AppData>>,
    read_only: Option<ReadOnly>,
    /// The stored text of the activities last written, for the next save to reuse.
    encoded: compact::EncodedActivities,
}

impl Session {
    /// Reads the store at start.
    pub fn start(store: &impl Store) -> (Session, Start) {
        let get = |k: &str| store.get(k);
        let meta = format::read_stored_meta(&get).ok().flatten();
        let writer = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        let mut session = Session {
            writer,
            known: Stamp::default(),
            lineage: Vec::new(),
            base: None,
            read_only: None,
            encoded: Default::default(),
        };
        match format::decode(get) {
            Ok(loaded) => {
                // An older format (or nothing) stored: rewrite every part at the next save.
                let complete = meta.as_ref().map(|m| m.version) == Some(SCHEMA_VERSION);
                let data = Rc::new(loaded.data);
                if let Some(m) = meta {
                    session.learn(m);
                }
                session.base = complete.then(|| data.clone());
                (session, Start::Loaded(data))
            }
            Err(LoadError::TooNew { found, supported }) => {
                let r = ReadOnly::NewerFormat { found, supported };
                session.read_only = Some(r.clone());
                (session, Start::TooNew(r))
            }
            Err(e) => (session, Start::Corrupt(e)),
        }
    }

    /// Takes `meta` as what we know of the store now.
    fn learn(&mut self, meta: StoredMeta) {
        self.known = meta.stamp;
        self.lineage = meta.ancestors;
    }

    /// The meta fields of our next write, built on `on` (a stamp and its ancestors).
    fn next_stamp(&self, on: (&Stamp, &[String]), stored_revision: u64) -> (Stamp, Vec<String>) {
        let stamp = Stamp {
            // Revisions are compared for equality, never for order; past the largest, counting
            // starts again at 1 (0 means "nothing stored").
            revision: stored_revision
                .max(on.0.revision)
                .checked_add(1)
                .unwrap_or(1),
            writer: self.writer.clone(),
        };
        let mut ancestors = Vec::with_capacity(format::ANCESTORS);
        if on.0.revision > 0 {
            ancestors.push(on.0.code());
        }
        ancestors.extend(on.1.iter().take(format::ANCESTORS - 1).cloned());
        (stamp, ancestors)
    }

    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn known_revision(&self) -> u64 {
        self.known.revision
    }

    /// The stored meta key's text, when the store holds exactly `data` as this tab last read or
    /// wrote it (no other tab saved since, nothing of ours waits to be saved): the stamp a view
    /// made from `data` may be kept under (`storage::kept`).
    pub fn stored_meta_for(&self, store: &impl Store, data: &AppData) -> Option<String> {
        if self.read_only.is_some() || self.base.as_deref() != Some(data) {
            return None;
        }
        let text = store.get(format::KEY_META)?;
        // Read once: the meta parsed is the text returned.
        let meta =
            format::read_stored_meta(&|k: &str| (k == format::KEY_META).then(|| text.clone()))
                .ok()??;
        (meta.stamp == self.known && meta.version == SCHEMA_VERSION).then_some(text)
    }

    /// After the corrupt records were set aside (their keys removed): the store is empty.
    pub fn after_quarantine(&mut self) {
        self.known = Stamp::default();
        self.lineage.clear();
        self.base = None;
    }

    /// Saves `ours`. Call with the cross-tab lock held: the read of the meta, the merge and the
    /// write must not interleave with another tab's.
    pub fn save(&mut self, store: &mut impl Store, ours: &AppData, now: DateTime<Utc>) -> Saved {
        if let Some(r) = &self.read_only {
            return Saved::ReadOnly(r.clone());
        }
        let meta = match format::read_stored_meta(&|k: &str| store.get(k)) {
            Ok(m) => m,
            Err(e) => return Saved::Unreadable(e.to_string()),
        };
        let version = meta.as_ref().map_or(SCHEMA_VERSION, |m| m.version);
        let stored_revision = meta.as_ref().map_or(0, |m| m.stamp.revision);
        if version > SCHEMA_VERSION {
            let r = ReadOnly::NewerFormat {
                found: version,
                supported: SCHEMA_VERSION,
            };
            self.read_only = Some(r.clone());
            return Saved::ReadOnly(r);
        }
        let (to_write, previous, merged) = match &meta {
            // Another tab saved since we read or wrote.
            Some(m) if m.stamp != self.known && stored_revision > 0 => {
                let theirs = match format::decode(|k| store.get(k)) {
                    Ok(l) => l.data,
                    Err(e) => return Saved::Unreadable(e.to_string()),
                };
                let merged = self.merge_with(m.descends_from(&self.known), ours, &theirs);
                // Compare against what is stored now, so only parts that differ are written; an
                // older format stored means every part is written.
                let complete = version == SCHEMA_VERSION;
                (merged, complete.then_some(theirs), true)
            }
            _ => {
                // Someone emptied the store (delete all, quarantine) since we read it: write all.
                let previous = if stored_revision == 0 && self.known.revision != 0 {
                    None
                } else {
                    self.base.as_deref().cloned()
                };
                (ours.clone(), previous, false)
            }
        };
        // Our write is built on what is stored now when we merged with it, else on what we knew;
        // nothing changes in the session until every key is written.
        let built_on = match &meta {
            Some(m) if merged => (&m.stamp, m.ancestors.as_slice()),
            _ => (&self.known, self.lineage.as_slice()),
        };
        let (stamp, ancestors) = self.next_stamp(built_on, stored_revision);
        for (key, value) in format::encode_stamped(
            &to_write,
            previous.as_ref(),
            &stamp,
            ancestors.clone(),
            now,
            Some(&mut self.encoded),
        ) {
            if let Err(message) = store.set(key, &value) {
                // What was written before the failure is harmless (meta comes last); the records
                // stay in the tab and the caller offers a backup.
                return Saved::Unreadable(message);
            }
        }
        let revision = stamp.revision;
        self.known = stamp;
        self.lineage = ancestors;
        let data = Rc::new(to_write);
        self.base = Some(data.clone());
        if merged && *data != *ours {
            Saved::Merged {
                revision,
                data: (*data).clone(),
            }
        } else {
            Saved::Written { revision }
        }
    }

    /// Makes ahead the stored text of these activities for the next save (see
    /// [`compact::EncodedActivities::prime`]).
    /// A read-only tab never saves: nothing is made.
    pub fn prime(&mut self, activities: &[std::sync::Arc<crate::domain::Activity>]) {
        if self.read_only.is_none() {
            self.encoded.prime(activities);
        }
    }

    /// Our records merged with `theirs`. When their write was built on what we know (`descends`),
    /// three ways against our base; when it was not (it was made from a stale read of the store,
    /// and may lack our last save), two ways, where only tombstones delete: our base is then no
    /// common ancestor, and a record missing on their side was never seen, not deleted.
    fn merge_with(&self, descends: bool, ours: &AppData, theirs: &AppData) -> AppData {
        if descends {
            let base = self.base.as_deref().cloned().unwrap_or_default();
            merge3(&base, ours, theirs)
        } else {
            merge(ours, theirs).0
        }
    }

    /// Another tab saved (the meta key changed). `ours` is what this tab shows now.
    pub fn heard(&mut self, store: &impl Store, ours: &AppData) -> Heard {
        if self.read_only.is_some() {
            return Heard::Nothing;
        }
        let meta = match format::read_stored_meta(&|k: &str| store.get(k)) {
            Ok(Some(meta)) => meta,
            // Everything was removed in another tab ("Delete all my data"): follow, rather than
            // write the records back at this tab's next save.
            Ok(None) if self.known.revision > 0 => {
                self.after_quarantine();
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
        if meta.version > SCHEMA_VERSION {
            let r = ReadOnly::NewerFormat {
                found: meta.version,
                supported: SCHEMA_VERSION,
            };
            self.read_only = Some(r.clone());
            return Heard::ReadOnly(r);
        }
        if meta.stamp == self.known {
            return Heard::Nothing;
        }
        let Ok(theirs) = format::decode(|k| store.get(k)) else {
            return Heard::Nothing;
        };
        let descends = meta.descends_from(&self.known);
        let merged = self.merge_with(descends, ours, &theirs.data);
        // A write that did not see ours is answered with a save even when it holds all we have:
        // its writer may have kept a part of the store it never read, so it lacks what we wrote
        // there; our next write descends from its, and it merges that three ways.
        let must_save = !descends || merged != theirs.data;
        self.learn(meta);
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

/// The records a tab shows after adopting `merged`, computed by the save path from `seen` (what
/// the tab showed then), when the tab shows `now`. Normally `now` is `seen` and the merge is taken
/// as it is; if the tab changed something meanwhile (the merge ran between a change and the render
/// that publishes it), those changes are merged in too, and `true` says they still need saving.
pub fn adopt(seen: &Rc<AppData>, now: &Rc<AppData>, merged: AppData) -> (AppData, bool) {
    if Rc::ptr_eq(seen, now) || **seen == **now {
        (merged, false)
    } else {
        (merge3(seen, now, &merged), true)
    }
}

/// Every key the save path writes, for tests and for removing the records.
pub fn keys() -> impl Iterator<Item = &'static str> {
    DATA_KEYS.into_iter().chain(std::iter::once(KEY_META))
}

#[cfg(test)]
mod tests;
