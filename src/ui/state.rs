//! The one app-state reducer. Every change to the records goes through an [`Action`] here; an
//! effect in `app.rs` saves after each change, and evaluations are derived from the records.

use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::{Activity, Credential};
use crate::storage::change::{self, Change, Outcome, Removed};
use crate::storage::AppData;

/// Whether the last save reached the browser's storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing to save yet, or the last save succeeded.
    Saved,
    /// The last save failed; the records are still in memory and the banner offers a backup.
    Failed(String),
    /// Storage could not be used at all (blocked, private mode): the app works in memory only.
    Unavailable(String),
    /// A newer version of the app keeps the records: this tab never writes (until reloaded).
    ReadOnly(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub data: Rc<AppData>,
    /// Bumped on every change of `data`: what pages derive from the records keys on it.
    pub revision: u64,
    /// Bumped on every change made in this tab: the save effect keys on it (a change adopted
    /// from another tab is already saved and must not be written back).
    pub unsaved_revision: u64,
    pub save: SaveState,
    /// Count planned activities in the dashboard (the what-if view).
    pub what_if: bool,
    pub undo: Option<Removed>,
    /// A short message for the polite live region ("Activity saved").
    pub toast: Option<String>,
    /// The certificate files the records name that this device no longer has (checked at start
    /// and after every change: `hooks::use_certificate_check`).
    pub missing_files: Rc<crate::domain::model::ids::IdSet>,
    /// The id the next record made in this tab takes (a page saving a new record gives it this
    /// id, and may go to its page): ids are the reducer's, renewed after every change applied.
    pub next_id: Uuid,
}

impl AppState {
    pub fn new(data: impl Into<Rc<AppData>>, save: SaveState) -> AppState {
        AppState {
            data: data.into(),
            revision: 0,
            unsaved_revision: 0,
            save,
            what_if: false,
            undo: None,
            toast: None,
            missing_files: Rc::default(),
            next_id: Uuid::new_v4(),
        }
    }

    pub fn activity(&self, id: Uuid) -> Option<&Activity> {
        self.data.activity(id)
    }

    pub fn credential(&self, id: Uuid) -> Option<&Credential> {
        self.data.credentials.iter().find(|c| c.id == id)
    }
}

pub enum Action {
    /// A change of the records, made by the person in this tab (`storage::change`).
    Change(Change),
    /// A message for the status line, changing nothing.
    Notify(String),
    UndoDelete,
    SetWhatIf(bool),
    /// Records changed in another tab: adopt them without saving them back. `seen` is what this
    /// tab showed when the merge was computed (see [`crate::storage::save_path::adopt`]).
    ExternalChange {
        seen: Rc<AppData>,
        data: AppData,
    },
    /// Another tab's records merged with changes of ours that its save lacked: adopt them and
    /// save, so our changes reach storage too.
    MergedFromOtherTab {
        seen: Rc<AppData>,
        data: AppData,
    },
    SaveResult(SaveState),
    DismissToast,
    /// The certificate files the records name that are not on this device.
    FilesMissing(crate::domain::model::ids::IdSet),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let _timing = crate::ui::timing::Timing::start("cme:reduce");
        self.reduce_inner(action)
    }
}

impl AppState {
    fn reduce_inner(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Times are the reducer's: a record changes when its change is applied.
        let now = chrono::Utc::now();
        let mut external = false;
        let change = match action {
            Action::Change(change) => Some(change),
            Action::UndoDelete => match next.undo.take() {
                Some(removed) => Some(Change::Restore(removed)),
                None => return self,
            },
            Action::Notify(message) => {
                next.toast = Some(message);
                return Rc::new(next);
            }
            Action::SetWhatIf(on) => {
                next.what_if = on;
                return Rc::new(next);
            }
            Action::SaveResult(save) => {
                next.save = save;
                return Rc::new(next);
            }
            Action::DismissToast => {
                next.toast = None;
                return Rc::new(next);
            }
            Action::FilesMissing(missing) => {
                if *next.missing_files == missing {
                    return self;
                }
                next.missing_files = Rc::new(missing);
                return Rc::new(next);
            }
            Action::ExternalChange { seen, data } => {
                let (data, unsaved) = crate::storage::save_path::adopt(&seen, &next.data, data);
                if *next.data == data {
                    return self;
                }
                next.data = Rc::new(data);
                external = !unsaved;
                None
            }
            Action::MergedFromOtherTab { seen, data } => {
                next.data = Rc::new(crate::storage::save_path::adopt(&seen, &next.data, data).0);
                None
            }
        };
        if let Some(change) = change {
            let replaces = matches!(change, Change::Import { .. } | Change::DeleteAll);
            let mut data = (*next.data).clone();
            match change::apply(&mut data, change, now) {
                Outcome::Changed { message, removed } => {
                    next.data = Rc::new(data);
                    next.next_id = Uuid::new_v4();
                    if message.is_some() {
                        next.toast = message;
                    }
                    if removed.is_some() || replaces {
                        next.undo = removed.map(|r| *r);
                    }
                }
                Outcome::Unchanged => return self,
                Outcome::Refused(message) => {
                    next.toast = Some(message);
                    return Rc::new(next);
                }
            }
        }
        next.revision += 1;
        if !external {
            next.unsaved_revision += 1;
        }
        Rc::new(next)
    }
}

pub type AppContext = UseReducerHandle<AppState>;

/// The app state, from any component below the provider in `app.rs`.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App at the root")
}
