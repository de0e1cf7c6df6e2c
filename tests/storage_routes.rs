#![cfg(not(target_arch = "wasm32"))]
//! Every route that changes records, run as generated sequences in two "tabs" sharing one store:
//! each tab applies `storage::change` operations — adds, edits, deletions and undo, certificates,
//! goals and links, reflections, the name on reports, backup downloads, and imports whose result
//! was computed from an earlier copy of the records, confirmed steps later — saves what changed
//! through `storage::save_path`, and hears the other. A tab hears the other's last write before each of
//! its steps (the storage event arrives between tasks), and now and then both save at the same
//! instant, each from a view of the store that lacks the other's write of that instant (as
//! Chromium's localStorage lags between processes within a task). When both have heard
//! everything, every record is as the tab that made it last left it: nothing lost, nothing
//! deleted come back.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use cme_tracker::domain::build::*;
use cme_tracker::domain::model::attachment::CertificateFile;
use cme_tracker::domain::model::learning::Reflection;
use cme_tracker::domain::Activity;
use cme_tracker::storage::change::{apply, Change, Outcome, Removed};
use cme_tracker::storage::merge::merge;
use cme_tracker::storage::save_path::{adopt, Heard, Saved, Session, Start, Store};
use cme_tracker::storage::{format, AppData, Goal};

#[derive(Clone, Default)]
struct Shared(Rc<RefCell<HashMap<String, String>>>);

/// One tab's view of the shared map, behind it until `catch_up`.
struct View {
    shared: Shared,
    seen: RefCell<HashMap<String, String>>,
}

impl View {
    fn new(shared: &Shared) -> View {
        let v = View {
            shared: shared.clone(),
            seen: RefCell::default(),
        };
        v.catch_up();
        v
    }
    fn catch_up(&self) {
        *self.seen.borrow_mut() = self.shared.0.borrow().clone();
    }
}

impl Store for &View {
    fn get(&self, key: &str) -> Option<String> {
        self.seen.borrow().get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.seen.borrow_mut().insert(key.into(), value.into());
        self.shared.0.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
}

/// What a tab's own records must look like in the end: each tab edits, deletes and links only
/// what it made, so its last word on each is the truth.
#[derive(Debug, Clone, PartialEq)]
struct Expect {
    title: String,
    notes: String,
    certificates: Vec<Uuid>,
    reflection: Option<Reflection>,
}

fn expect(a: &Activity) -> Expect {
    Expect {
        title: a.title.clone(),
        notes: a.notes.clone(),
        certificates: a.certificates.iter().map(|c| c.id).collect(),
        reflection: a.reflection.clone(),
    }
}

struct Tab {
    view: View,
    session: Session,
    shown: Rc<AppData>,
    /// Records this tab made: id → expected state (`None`: deleted).
    own: Vec<(Uuid, Option<Expect>)>,
    goals: Vec<(Uuid, Option<Vec<Uuid>>)>,
    undo: Option<Removed>,
    /// An import read but not yet confirmed: what it was given, and what it made.
    import: Option<(Rc<AppData>, AppData)>,
    /// Changes not saved yet: the app saves only then.
    dirty: bool,
}

impl Tab {
    fn open(shared: &Shared) -> Tab {
        let view = View::new(shared);
        let (session, start) = Session::start(&&view);
        let Start::Loaded(shown) = start else {
            panic!("the store must read")
        };
        Tab {
            view,
            session,
            shown,
            own: Vec::new(),
            goals: Vec::new(),
            undo: None,
            import: None,
            dirty: false,
        }
    }

    fn change(&mut self, change: Change, now: DateTime<Utc>) -> Outcome {
        let mut data = (*self.shown).clone();
        let outcome = apply(&mut data, change, now);
        if let Outcome::Changed { removed, .. } = &outcome {
            self.shown = Rc::new(data);
            self.dirty = true;
            if removed.is_some() {
                self.undo = removed.as_deref().cloned();
            }
        }
        outcome
    }

    /// Saves what changed, as the app does after a change (nothing when nothing changed).
    fn save(&mut self, now: DateTime<Utc>) {
        if !self.dirty {
            return;
        }
        self.write(now);
    }

    fn write(&mut self, now: DateTime<Utc>) {
        match self.session.save(&mut &self.view, &self.shown, now) {
            Saved::Written { .. } => {}
            Saved::Merged { data, .. } => self.shown = Rc::new(data),
            other => panic!("save failed: {other:?}"),
        }
        self.dirty = false;
    }

    /// The other tab's save reaches this one (the storage event), adopted as the app does.
    fn hear(&mut self, now: DateTime<Utc>) {
        self.view.catch_up();
        match self.session.heard(&&self.view, &self.shown) {
            Heard::Nothing => {}
            Heard::Changed { data, must_save } => {
                let seen = self.shown.clone();
                self.shown = Rc::new(adopt(&seen, &self.shown, data).0);
                if must_save {
                    self.write(now);
                }
            }
            Heard::ReadOnly(r) => panic!("{r:?}"),
        }
    }

    fn alive(&self) -> Vec<Uuid> {
        self.own
            .iter()
            .filter(|(id, e)| e.is_some() && self.shown.activity(*id).is_some())
            .map(|(id, _)| *id)
            .collect()
    }

    fn set_expect(&mut self, id: Uuid) {
        let e = self.shown.activity(id).map(expect);
        match self.own.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => slot.1 = e,
            None => self.own.push((id, e)),
        }
    }
}

fn act(title: &str) -> Activity {
    activity("2025-03-01")
        .title(title)
        .credit("AMA_PRA_CAT1", "1")
        .build()
}

fn goal(title: &str, now: DateTime<Utc>) -> Goal {
    serde_json::from_value(serde_json::json!({
        "id": Uuid::new_v4(), "title": title, "created_at": now, "updated_at": now
    }))
    .unwrap()
}

fn certificate(now: DateTime<Utc>) -> CertificateFile {
    CertificateFile {
        id: Uuid::new_v4(),
        name: "certificate.pdf".into(),
        mime: "application/pdf".into(),
        size: 1000,
        sha256: "a".repeat(64),
        added: now.date_naive(),
    }
}

/// One step of the sequence: which tab, what it does, and which of its records (by position).
#[derive(Debug, Clone)]
struct Step {
    tab: usize,
    kind: u8,
    pick: usize,
}

const KINDS: u8 = 17;
/// The step in which both tabs save at once from stale views.
const BOTH_SAVE: u8 = 16;

fn run(steps: &[Step]) {
    let shared = Shared::default();
    let mut tabs = [Tab::open(&shared), Tab::open(&shared)];
    let mut clock = Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap();
    let mut last_backup: Option<DateTime<Utc>> = None;
    for (n, step) in steps.iter().enumerate() {
        clock += Duration::seconds(1);
        let now = clock;
        if step.kind == BOTH_SAVE {
            // Both tabs save at the same instant, each from a view of the store that lacks the
            // other's write of that instant (Chromium hands writes between processes only
            // between tasks); then each hears the other.
            let [a, b] = &mut tabs;
            a.hear(now);
            b.hear(now);
            a.save(now);
            b.save(now);
            a.hear(now);
            b.hear(now);
            continue;
        }
        let t = &mut tabs[step.tab];
        // The other tab's last write reached this one (its storage event) before this step.
        t.hear(now);
        let alive = t.alive();
        let pick = (!alive.is_empty()).then(|| alive[step.pick % alive.len()]);
        match step.kind {
            0 | 1 => {
                let a = act(&format!("tab {} step {n}", step.tab));
                let id = a.id;
                t.change(Change::SaveActivity(a), now);
                t.set_expect(id);
            }
            2 => {
                if let Some(id) = pick {
                    let mut a = t.shown.activity(id).unwrap().clone();
                    a.notes = format!("edited at step {n}");
                    t.change(Change::SaveActivity(a), now);
                    t.set_expect(id);
                }
            }
            3 => {
                if let Some(id) = pick {
                    t.change(Change::DeleteActivity(id), now);
                    t.set_expect(id);
                    for g in &mut t.goals {
                        if let Some(links) = &mut g.1 {
                            links.retain(|a| *a != id);
                        }
                    }
                }
            }
            4 => {
                if let Some(removed) = t.undo.take() {
                    let id = match &removed {
                        Removed::Activity(a) => a.id,
                        Removed::Credential(c) => c.id,
                    };
                    t.change(Change::Restore(removed), now);
                    t.set_expect(id);
                }
            }
            5 => {
                if let Some(id) = pick {
                    t.change(Change::AttachCertificate(id, certificate(now)), now);
                    t.set_expect(id);
                }
            }
            6 => {
                if let Some(id) = pick {
                    let first = t.shown.activity(id).unwrap().certificates.first().cloned();
                    if let Some(f) = first {
                        t.change(Change::DetachCertificate(id, f.id), now);
                        t.set_expect(id);
                    }
                }
            }
            7 => {
                if let Some(id) = pick {
                    let r = Reflection {
                        learned: format!("step {n}"),
                        ..Reflection::default()
                    };
                    t.change(Change::SaveReflection(id, Some(r)), now);
                    t.set_expect(id);
                }
            }
            8 => {
                let g = goal(&format!("goal {n}"), now);
                let id = g.id;
                t.change(Change::SaveGoal(g), now);
                t.goals.push((id, Some(Vec::new())));
            }
            9 => {
                let goals: Vec<Uuid> = t
                    .goals
                    .iter()
                    .filter(|g| g.1.is_some())
                    .map(|g| g.0)
                    .collect();
                if let (Some(id), false) = (pick, goals.is_empty()) {
                    let g = goals[step.pick % goals.len()];
                    t.change(
                        Change::LinkGoal {
                            goal: g,
                            activity: id,
                            linked: true,
                        },
                        now,
                    );
                    let slot = t.goals.iter_mut().find(|x| x.0 == g).unwrap();
                    let links = slot.1.as_mut().unwrap();
                    if !links.contains(&id) {
                        links.push(id);
                    }
                }
            }
            10 => {
                t.change(Change::BackupDownloaded(now), now);
                last_backup = Some(now);
            }
            11 => {
                t.change(Change::SetHolderName(format!("Dr. Step {n}")), now);
            }
            12 => {
                // A backup (or spreadsheet) is read: the worker gets the records as shown now and
                // merges the file's into them; the person confirms some steps later.
                let seen = t.shown.clone();
                let mut file = AppData::default();
                file.upsert_activity(act(&format!("imported by tab {} at {n}", step.tab)));
                let (result, _) = merge(&seen, &file);
                t.import = Some((seen, result));
            }
            13 => {
                if let Some((seen, result)) = t.import.take() {
                    let new: Vec<Uuid> = result
                        .activities
                        .iter()
                        .filter(|a| seen.activity(a.id).is_none())
                        .map(|a| a.id)
                        .collect();
                    t.change(
                        Change::Import {
                            seen,
                            result,
                            message: String::new(),
                        },
                        now,
                    );
                    for id in new {
                        t.set_expect(id);
                    }
                }
            }
            14 => t.save(now),
            _ => t.hear(now),
        }
    }
    // Everything saved and heard, until nothing moves.
    for _ in 0..4 {
        for t in tabs.iter_mut() {
            clock += Duration::seconds(1);
            t.hear(clock);
            t.save(clock);
        }
    }
    let stored = format::decode(|k| shared.0.borrow().get(k).cloned())
        .unwrap()
        .data;
    // The order of tombstones is no part of the records.
    let canonical = |d: &AppData| {
        let mut d = d.clone();
        d.tombstones.sort_by_key(|t| t.id);
        d
    };
    for t in &tabs {
        assert!(
            canonical(&t.shown) == canonical(&stored),
            "a tab differs from the store"
        );
    }
    for t in &tabs {
        for (id, want) in &t.own {
            let got = stored.activity(*id).map(expect);
            assert_eq!(&got, want, "activity {id}");
        }
        for (id, want) in &t.goals {
            let got = stored
                .goals
                .iter()
                .find(|g| g.id == *id)
                .map(|g| g.activity_ids.clone());
            assert_eq!(&got, want, "goal {id}");
        }
    }
    assert_eq!(stored.settings.last_backup_at, last_backup);
}

fn step() -> impl Strategy<Value = Step> {
    (0usize..2, 0u8..KINDS, 0usize..100).prop_map(|(tab, kind, pick)| Step { tab, kind, pick })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn no_route_loses_a_record_in_two_tabs_with_a_lagging_store(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        run(&steps);
    }
}

/// The reproduction of the issue: tab A reads a backup, tab B adds five activities and saves,
/// A hears them, then confirms the merge. B's five are kept in the store and in both tabs.
#[test]
fn a_merge_confirmed_after_another_tab_saved_keeps_that_tabs_records() {
    let shared = Shared::default();
    let mut a = Tab::open(&shared);
    let mut b = Tab::open(&shared);
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap();
    let seen = a.shown.clone();
    let mut file = AppData::default();
    for i in 0..50 {
        file.upsert_activity(act(&format!("backup {i}")));
    }
    let (result, _) = merge(&seen, &file);
    for i in 0..5 {
        b.change(Change::SaveActivity(act(&format!("B {i}"))), now);
    }
    b.save(now);
    a.hear(now);
    assert_eq!(a.shown.activities.len(), 5);
    let later = now + Duration::seconds(5);
    let outcome = a.change(
        Change::Import {
            seen,
            result,
            message: "50 added.".into(),
        },
        later,
    );
    assert!(matches!(outcome, Outcome::Changed { .. }));
    a.save(later);
    b.hear(later);
    let stored = format::decode(|k| shared.0.borrow().get(k).cloned())
        .unwrap()
        .data;
    assert_eq!(stored.activities.len(), 55);
    assert_eq!(*b.shown, stored);
}
