//! The kept dashboard, in one place: the dashboard's markup kept beside the records it was drawn
//! from, so that the next start shows it at once, before the records' code is fetched and a long
//! career is parsed and evaluated (docs/performance.md). `storage::kept` decides when a kept
//! markup fits (same stored records, day, language and build); `storage::browser::kept` reads and
//! writes it. Here: finding it at start, keeping it after the dashboard is drawn, and again
//! once a save makes the records on screen the stored ones.
//!
//! No globals: what the start found is the app's prop, and the tab's save session reaches the
//! dashboard through [`Keeper`], a context the data provider gives.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::storage::browser::{self, BrowserStore};
use crate::storage::save_path::Session;
use crate::storage::AppData;
use crate::ui::locale;

/// The dashboard kept for the stored records, when the app starts on the dashboard and one
/// fits (read before the app is drawn: the frame shows it while the records load).
pub fn at_start(on_dashboard: bool) -> Option<AttrValue> {
    on_dashboard
        .then(|| browser::kept_dashboard(locale::today()))
        .flatten()
        .map(AttrValue::from)
}

/// What is called after each save this tab writes.
type OnSaved = Rc<dyn Fn()>;

/// The tab's link between its saves and the dashboard: the save session (whose stamp a kept
/// markup carries) and the dashboard's wish to keep itself once a save is written.
#[derive(Clone)]
pub struct Keeper {
    session: Rc<RefCell<Option<Session>>>,
    on_saved: Rc<RefCell<Option<OnSaved>>>,
}

impl PartialEq for Keeper {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session)
    }
}

impl Keeper {
    pub fn new(session: Rc<RefCell<Option<Session>>>) -> Keeper {
        Keeper {
            session,
            on_saved: Rc::default(),
        }
    }

    /// Called by the save path after each save this tab writes.
    pub fn saved(&self) {
        // Out of the cell first: the call may set it again.
        let f = self.on_saved.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }

    /// Keeps the markup (made by `html` only when needed) drawn from `data` — only if `data` is
    /// exactly what is stored (no change waiting to be saved, no other tab's save unheard) and
    /// none kept for it fits today.
    fn keep(&self, data: &AppData, html: impl FnOnce() -> String) {
        let meta = self
            .session
            .borrow()
            .as_ref()
            .and_then(|s| s.stored_meta_for(&BrowserStore, data));
        if let Some(meta) = meta {
            browser::keep_dashboard(&meta, html, locale::today());
        }
    }
}

/// Keeps the dashboard drawn in `node` from `data` (not the what-if view): after the frame that
/// shows it, or, when it was drawn before the change it shows was saved, once that save is
/// written.
#[hook]
pub fn use_keep_dashboard(node: NodeRef, data: Rc<AppData>, revision: u64, what_if: bool) {
    let keeper = use_context::<Keeper>();
    // The last render's records: the markup is kept only while they are still shown.
    let shown = use_mut_ref(|| data.clone());
    *shown.borrow_mut() = data.clone();
    let what_if_now = use_mut_ref(|| what_if);
    *what_if_now.borrow_mut() = what_if;
    let keep = {
        let (keeper, shown) = (keeper.clone(), shown.clone());
        move || {
            let data = shown.borrow().clone();
            if let (Some(keeper), Some(element)) = (&keeper, node.cast::<web_sys::Element>()) {
                keeper.keep(&data, || element.outer_html());
            }
        }
    };
    {
        let keep = keep.clone();
        use_effect_with((revision, what_if), move |_| {
            if !what_if {
                crate::ui::frame::after_next_frame(move || {
                    if Rc::ptr_eq(&shown.borrow(), &data) {
                        keep();
                    }
                });
            }
        });
    }
    use_effect_with(keeper, move |keeper| {
        let on_saved: OnSaved = Rc::new(move || {
            if !*what_if_now.borrow() {
                keep();
            }
        });
        if let Some(k) = keeper {
            *k.on_saved.borrow_mut() = Some(on_saved.clone());
        }
        let keeper = keeper.clone();
        move || {
            if let Some(k) = keeper {
                let mut slot = k.on_saved.borrow_mut();
                if slot.as_ref().is_some_and(|g| Rc::ptr_eq(g, &on_saved)) {
                    *slot = None;
                }
            }
        }
    });
}
