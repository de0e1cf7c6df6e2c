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
fn a_view_may_be_kept_only_for_the_records_exactly_as_stored() {
    let store = Shared::default();
    let (mut a, _) = Session::start(&store);
    let (mut b, _) = Session::start(&store);
    let mut ours = AppData::default();
    // Nothing stored yet.
    assert_eq!(a.stored_meta_for(&store, &ours), None);
    ours.upsert_activity(act("A"));
    assert!(matches!(
        a.save(&mut store.clone(), &ours, now()),
        Saved::Written { .. }
    ));
    let meta = store.get(format::KEY_META).unwrap();
    assert_eq!(a.stored_meta_for(&store, &ours), Some(meta.clone()));
    // A change not saved yet: what is stored is not what the tab shows.
    let mut changed = ours.clone();
    changed.upsert_activity(act("B"));
    assert_eq!(a.stored_meta_for(&store, &changed), None);
    // Another tab saved: until this tab hears it, its records are not the stored ones.
    let mut theirs = AppData::default();
    theirs.upsert_activity(act("C"));
    b.save(&mut store.clone(), &theirs, now());
    assert_eq!(a.stored_meta_for(&store, &ours), None);
    // Heard while B waits in this tab unsaved: the merge holds B, which the store lacks.
    let shown = match a.heard(&store, &changed) {
        Heard::Changed { data, must_save } => {
            assert!(must_save);
            data
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(shown.activities.len(), 3);
    assert_eq!(a.stored_meta_for(&store, &shown), None);
    a.save(&mut store.clone(), &shown, now());
    let meta = store.get(format::KEY_META).unwrap();
    assert_eq!(a.stored_meta_for(&store, &shown), Some(meta));
}

/// A tab's view of a shared map that lags behind other tabs' writes until `catch_up`, as
/// Chromium's localStorage does between processes: a tab holding the lock may still read
/// the store as it was before another tab's save.
struct Lagging {
    shared: Shared,
    view: RefCell<HashMap<String, String>>,
}

impl Lagging {
    fn new(shared: &Shared) -> Lagging {
        let l = Lagging {
            shared: shared.clone(),
            view: RefCell::default(),
        };
        l.catch_up();
        l
    }
    fn catch_up(&self) {
        *self.view.borrow_mut() = self.shared.0.borrow().clone();
    }
}

impl Store for &Lagging {
    fn get(&self, key: &str) -> Option<String> {
        self.view.borrow().get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.view.borrow_mut().insert(key.into(), value.into());
        self.shared.clone().set(key, value)
    }
}

#[test]
fn a_save_made_from_a_stale_read_loses_nothing_once_both_tabs_hear_it() {
    let shared = Shared::default();
    let (va, vb) = (Lagging::new(&shared), Lagging::new(&shared));
    let mut data = AppData::default();
    data.upsert_activity(act("Before"));
    data.upsert_credential(credential("CA MD", "2025-01-01", "2026-12-31").build());
    let (mut a, _) = Session::start(&&va);
    a.save(&mut &va, &data, now());
    vb.catch_up();
    let (mut b, Start::Loaded(ours_b)) = Session::start(&&vb) else {
        panic!()
    };
    let mut ours_b = Rc::unwrap_or_clone(ours_b);
    let mut ours_a = data.clone();
    // A renames the credential (only that part is written) and adds an activity.
    let mut c = ours_a.credentials[0].clone();
    c.name = "California medical license".into();
    c.updated_at = now();
    ours_a.upsert_credential(c);
    ours_a.upsert_activity(act("Added in A"));
    assert!(matches!(
        a.save(&mut &va, &ours_a, now()),
        Saved::Written { .. }
    ));
    // B, whose view has not caught up, adds one too: it sees its own revision stored and
    // writes without merging, the same revision number as A's, over A's activities.
    ours_b.upsert_activity(act("Added in B"));
    assert!(matches!(
        b.save(&mut &vb, &ours_b, now()),
        Saved::Written { .. }
    ));
    let titles = |d: &AppData| {
        let mut t: Vec<String> = d.activities.iter().map(|a| a.title.clone()).collect();
        t.sort();
        t
    };
    // A hears B's save: a write that never saw A's. A merges without trusting its base (A's
    // activity is missing there, not deleted) and must save.
    va.catch_up();
    let Heard::Changed {
        data: merged_a,
        must_save: true,
    } = a.heard(&&va, &ours_a)
    else {
        panic!("A must merge and save")
    };
    assert_eq!(titles(&merged_a), ["Added in A", "Added in B", "Before"]);
    assert!(matches!(
        a.save(&mut &va, &merged_a, now()),
        Saved::Written { .. }
    ));
    // B hears that and gets everything, the renamed credential included.
    vb.catch_up();
    let Heard::Changed { data: merged_b, .. } = b.heard(&&vb, &ours_b) else {
        panic!("B must hear A's save")
    };
    assert_eq!(titles(&merged_b), ["Added in A", "Added in B", "Before"]);
    assert_eq!(merged_b.credentials[0].name, "California medical license");
    let stored = format::decode(|k| shared.get(k)).unwrap().data;
    assert_eq!(stored, merged_a);
    // Nothing left to hear: the tabs agree.
    assert_eq!(a.heard(&&va, &merged_a), Heard::Nothing);
    assert_eq!(b.heard(&&vb, &merged_b), Heard::Nothing);
}

#[test]
fn adopting_a_merge_keeps_a_change_made_after_it_was_computed() {
    let mut seen = AppData::default();
    seen.upsert_activity(act("Shown"));
    let seen = Rc::new(seen);
    let mut merged = (*seen).clone();
    merged.upsert_activity(act("From the other tab"));
    // Nothing changed meanwhile: the merge is taken as it is, nothing more to save.
    assert_eq!(
        adopt(&seen, &seen.clone(), merged.clone()),
        (merged.clone(), false)
    );
    // A change made after the merge was computed is kept, and must be saved.
    let mut now = (*seen).clone();
    now.upsert_activity(act("Typed meanwhile"));
    let (data, unsaved) = adopt(&seen, &Rc::new(now), merged);
    let mut titles: Vec<&str> = data.activities.iter().map(|a| a.title.as_str()).collect();
    titles.sort();
    assert_eq!(titles, ["From the other tab", "Shown", "Typed meanwhile"]);
    assert!(unsaved);
}

#[test]
fn a_stale_tab_cannot_bring_back_a_deleted_record() {
    let store = Shared::default();
    let (mut a, _) = Session::start(&store);
    let mut data = AppData::default();
    let x = act("Keep me deleted");
    data.upsert_activity(x.clone());
    a.save(&mut store.clone(), &data, now());
    let (mut b, Start::Loaded(b_data)) = Session::start(&store) else {
        panic!()
    };
    let mut b_data = Rc::unwrap_or_clone(b_data);
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
    let (mut b, Start::Loaded(b_data)) = Session::start(&store) else {
        panic!()
    };
    let mut b_data = Rc::unwrap_or_clone(b_data);
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
fn a_revision_at_the_largest_number_starts_again_at_one_and_the_other_tab_still_hears_it() {
    let store = Shared::default();
    let (mut a, _) = Session::start(&store);
    let mut data = AppData::default();
    data.upsert_activity(act("First"));
    a.save(&mut store.clone(), &data, now());
    // A stored meta at the largest revision (a hand-edited store, or a very long life).
    let meta = store.get(KEY_META).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&meta).unwrap();
    v["revision"] = serde_json::json!(u64::MAX);
    store.clone().set(KEY_META, &v.to_string()).unwrap();
    let (mut a, _) = Session::start(&store);
    let (mut b, Start::Loaded(b_data)) = Session::start(&store) else {
        panic!()
    };
    data.upsert_activity(act("Second"));
    assert_eq!(
        a.save(&mut store.clone(), &data, now()),
        Saved::Written { revision: 1 }
    );
    let Heard::Changed { data: heard, .. } = b.heard(&store, &b_data) else {
        panic!("B must hear A's save")
    };
    assert_eq!(heard.activities.len(), 2);
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
