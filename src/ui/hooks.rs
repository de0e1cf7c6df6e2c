//! Derived data for the pages. Evaluations are computed by the domain and kept while the records
//! and today's date stay the same (and, for the what-if view, the switch), so typing in a form or
//! going to another page never re-evaluates.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::engine::evaluate::{evaluate_all_indexed, ActivityIndex, Evaluation};
use crate::storage::AppData;
use crate::ui::locale;
use crate::ui::state::use_app;
use crate::ui::timing::Timing;

thread_local! {
    /// The last evaluation with the records and the day it was made for, shared by every page:
    /// going from one page to the next does not evaluate again (26 ms at 4x CPU with 10,000
    /// activities). Holding the records keeps their address from being reused and makes the
    /// reducer copy them before any change (`Rc::make_mut`), so the same address always means
    /// the same records.
    static LAST: std::cell::RefCell<Option<Last>> = const { std::cell::RefCell::new(None) };
}

struct Last {
    data: Rc<AppData>,
    today: chrono::NaiveDate,
    /// The engine's index of `data`'s activities, for the next evaluation to start from.
    index: ActivityIndex,
    evaluations: Rc<Vec<Evaluation>>,
}

/// Every credential's evaluation with completed activities only (the actual status).
#[hook]
pub fn use_evaluations() -> Rc<Vec<Evaluation>> {
    let app = use_app();
    // No memo of the page's own: the shared one is looked up by address, as cheap as a memo's key.
    evaluations(&app.data, locale::today())
}

/// As [`use_evaluations`], from the task after the component's first frame is painted (none
/// until then): for a page that draws its record first and what the engine says of it a frame
/// later.
#[hook]
pub fn use_evaluations_after_paint() -> Option<Rc<Vec<Evaluation>>> {
    let app = use_app();
    let painted = crate::ui::frame::use_painted();
    painted.then(|| evaluations(&app.data, locale::today()))
}

/// The shared evaluation of `data` on `today`, made only if either differs from the last one's.
fn evaluations(data: &Rc<AppData>, today: chrono::NaiveDate) -> Rc<Vec<Evaluation>> {
    LAST.with_borrow_mut(|last| {
        if let Some(l) = last
            .as_ref()
            .filter(|l| Rc::ptr_eq(&l.data, data) && l.today == today)
        {
            return l.evaluations.clone();
        }
        let _timing = Timing::start("cme:evaluate");
        // The last index, when the activities are the same records (a credential changed, or
        // a new day), or the same and one more stored last (an activity added): it is inserted,
        // not the whole index built again (about half of an evaluation of 10,000 activities).
        let index = match last.take() {
            Some(l) if same_records(&l.data.activities, &data.activities) => l.index,
            Some(l)
                if data.activities.len() == l.data.activities.len() + 1
                    && same_records(
                        &l.data.activities,
                        &data.activities[..l.data.activities.len()],
                    ) =>
            {
                let mut index = l.index;
                if let Some(added) = data.activities.last() {
                    index.insert(added);
                }
                index
            }
            _ => ActivityIndex::new(&data.activities),
        };
        let evaluations = Rc::new(evaluate_all_indexed(&data.credentials, &index, today));
        *last = Some(Last {
            data: data.clone(),
            today,
            index,
            evaluations: evaluations.clone(),
        });
        evaluations
    })
}

/// The same records, by address: the reducer copies pointers, and a changed record is a new one.
fn same_records<T>(a: &[std::sync::Arc<T>], b: &[std::sync::Arc<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::sync::Arc::ptr_eq(x, y))
}

/// A callback that stays the same across renders and calls the latest `callback` given. A child
/// that takes it as a prop is not drawn again when only the parent's closure was made anew (a
/// page re-rendering because the records changed: the activity form is not redrawn by the very
/// save it made, a moment before its page is left).
#[hook]
pub fn use_stable_callback<IN: 'static>(callback: Callback<IN>) -> Callback<IN> {
    let latest = use_mut_ref(|| callback.clone());
    *latest.borrow_mut() = callback;
    let stable = use_memo((), move |_| {
        Callback::from(move |input: IN| {
            // Cloned out first: the callback may cause a render, which replaces `latest`.
            let current = latest.borrow().clone();
            current.emit(input)
        })
    });
    (*stable).clone()
}

/// Checks the certificate files the records name against those this device keeps, at start and
/// after every change of the records, and tells the state which are missing
/// (`AppState::missing_files`): the browser may evict them while the records stay.
#[hook]
pub fn use_certificate_check() {
    let app = use_app();
    let named: Rc<Vec<uuid::Uuid>> = {
        let data = app.data.clone();
        use_memo(app.revision, move |_| {
            data.activities
                .iter()
                .flat_map(|a| a.certificates.iter().map(|f| f.id))
                .collect::<Vec<_>>()
        })
    };
    // On every change of the records, not only of the ids they name: an import stores the files
    // of records already here (a backup's second file) without changing a single id.
    use_effect_with((app.revision, named), move |(_, named)| {
        let named = named.clone();
        if named.is_empty() {
            app.dispatch(crate::ui::state::Action::FilesMissing(Default::default()));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            // Unreadable store: nothing is claimed missing (opening a file says why).
            if let Ok(kept) = crate::storage::browser::files::kept_ids().await {
                let missing = named
                    .iter()
                    .filter(|id| !kept.contains(id))
                    .copied()
                    .collect();
                app.dispatch(crate::ui::state::Action::FilesMissing(missing));
            }
        });
    });
}
