//! The one app-state reducer. Every change to the records goes through an [`Action`] here; an
//! effect in `app.rs` saves after each change, and evaluations are derived from the records.

use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::ops::CredentialOp;
use crate::domain::{Activity, Credential};
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

/// A deleted record kept for "Undo".
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Activity(Activity),
    Credential(Credential),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub data: Rc<AppData>,
    /// Bumped on every change of `data`: memoised evaluations key on it.
    pub revision: u64,
    /// Bumped on every change made in this tab: the save effect keys on it (a change adopted
    /// from another tab is already saved and must not be written back).
    pub unsaved_revision: u64,
    pub save: SaveState,
    /// Count planned activities in the dashboard (the what-if view).
    pub what_if: bool,
    pub undo: Option<Undo>,
    /// A short message for the polite live region ("Activity saved").
    pub toast: Option<String>,
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
    /// Adds the activity, or replaces the one with the same id.
    SaveActivity(Activity),
    /// A message for the status line, changing nothing.
    Notify(String),
    /// A certificate's bytes are stored: add its record to the activity.
    AttachCertificate(uuid::Uuid, crate::domain::attachment::CertificateFile),
    /// Remove a certificate's record from the activity (its bytes are deleted by the page).
    DetachCertificate(uuid::Uuid, uuid::Uuid),
    DeleteActivity(Uuid),
    SaveCredential(Credential),
    /// One change of a stored credential (a domain operation); the reducer stamps the time.
    EditCredential(Uuid, CredentialOp),
    DeleteCredential(Uuid),
    UndoDelete,
    SetWhatIf(bool),
    /// Replace every record (import "Replace everything", or a merge computed by storage).
    ReplaceData(AppData, String),
    /// Records changed in another tab: adopt them without saving them back. `seen` is what this
    /// tab showed when the merge was computed (see [`crate::storage::sync::adopt`]).
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
    /// The name printed on reports and transcripts.
    SetHolderName(String),
    /// A backup file was downloaded: remember when, for the 30-day reminder.
    BackupDownloaded(chrono::DateTime<chrono::Utc>),
    /// Adds the learning goal, or replaces the one with the same id.
    SaveGoal(crate::storage::Goal),
    DeleteGoal(Uuid),
    /// Links an activity to a goal (or unlinks it).
    LinkGoal {
        goal: Uuid,
        activity: Uuid,
        linked: bool,
    },
    /// The reflection on an activity (`None` removes it).
    SaveReflection(Uuid, Option<crate::domain::learning::Reflection>),
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
        let now = chrono::Utc::now();
        let mut changed = true;
        let mut external = false;
        match action {
            Action::SaveActivity(activity) => {
                let title = activity.title.clone();
                // Times are the reducer's: the record changed now.
                let existed = Rc::make_mut(&mut next.data).save_activity(activity, now);
                next.toast = Some(if existed {
                    format!("Saved changes to “{title}”.")
                } else {
                    format!("Added “{title}”.")
                });
            }
            Action::Notify(message) => {
                next.toast = Some(message);
                changed = false;
            }
            Action::AttachCertificate(activity_id, file) => {
                let data = Rc::make_mut(&mut next.data);
                let name = file.name.clone();
                match data.activity(activity_id).cloned() {
                    Some(mut a) => match crate::domain::attachment::attach(&mut a, file) {
                        Ok(()) => {
                            next.toast = Some(format!("Kept “{name}” with “{}”.", a.title));
                            data.save_activity(a, now);
                        }
                        Err(m) => {
                            next.toast = Some(m);
                            changed = false;
                        }
                    },
                    None => changed = false,
                }
            }
            Action::DetachCertificate(activity_id, file_id) => {
                let data = Rc::make_mut(&mut next.data);
                match data.activity(activity_id).cloned() {
                    Some(mut a) => match crate::domain::attachment::detach(&mut a, file_id) {
                        Ok(f) => {
                            next.toast = Some(format!("Removed “{}”.", f.name));
                            data.save_activity(a, now);
                        }
                        Err(_) => changed = false,
                    },
                    None => changed = false,
                }
            }
            Action::DeleteActivity(id) => {
                let data = Rc::make_mut(&mut next.data);
                match data.remove_activity(id, now) {
                    Some(removed) => {
                        next.toast = Some(format!("Deleted “{}”.", removed.title));
                        next.undo = Some(Undo::Activity(removed));
                    }
                    None => changed = false,
                }
            }
            Action::SaveCredential(mut credential) => {
                let data = Rc::make_mut(&mut next.data);
                credential.updated_at = now;
                if !data.credentials.iter().any(|c| c.id == credential.id) {
                    credential.created_at = now;
                }
                next.toast = Some(format!("Saved “{}”.", credential.name));
                data.upsert_credential(credential);
            }
            Action::EditCredential(id, op) => {
                let Some(mut c) = next.credential(id).cloned() else {
                    return self;
                };
                match c.apply(op, now) {
                    Ok(()) => {
                        next.toast = Some(format!("Saved “{}”.", c.name));
                        Rc::make_mut(&mut next.data).upsert_credential(c);
                    }
                    Err(message) => {
                        next.toast = Some(message);
                        changed = false;
                    }
                }
            }
            Action::SaveGoal(mut goal) => {
                let data = Rc::make_mut(&mut next.data);
                goal.updated_at = now;
                if !data.goals.iter().any(|g| g.id == goal.id) {
                    goal.created_at = now;
                }
                next.toast = Some(format!("Saved the goal “{}”.", goal.title));
                data.upsert_goal(goal);
            }
            Action::DeleteGoal(id) => {
                let data = Rc::make_mut(&mut next.data);
                match data.remove_goal(id, now) {
                    Some(removed) => {
                        next.toast = Some(format!("Deleted the goal “{}”.", removed.title))
                    }
                    None => changed = false,
                }
            }
            Action::LinkGoal {
                goal,
                activity,
                linked,
            } => {
                let data = Rc::make_mut(&mut next.data);
                match data.goals.iter().find(|g| g.id == goal).cloned() {
                    Some(mut g) => {
                        if linked {
                            g.link(activity);
                        } else {
                            g.unlink(activity);
                        }
                        g.updated_at = now;
                        data.upsert_goal(g);
                    }
                    None => changed = false,
                }
            }
            Action::SaveReflection(id, reflection) => {
                let data = Rc::make_mut(&mut next.data);
                match data.activity(id).cloned() {
                    Some(mut a) => {
                        a.reflection = reflection.filter(|r| !r.is_empty());
                        next.toast = Some(format!("Saved your reflection on “{}”.", a.title));
                        data.save_activity(a, now);
                    }
                    None => changed = false,
                }
            }
            Action::DeleteCredential(id) => {
                let data = Rc::make_mut(&mut next.data);
                match data.remove_credential(id, now) {
                    Some(removed) => {
                        next.toast = Some(format!("Deleted “{}”.", removed.name));
                        next.undo = Some(Undo::Credential(removed));
                    }
                    None => changed = false,
                }
            }
            Action::UndoDelete => match next.undo.take() {
                Some(Undo::Activity(mut a)) => {
                    // A restored record is a new change: it must win a merge over its tombstone.
                    a.updated_at = now;
                    next.toast = Some(format!("Restored “{}”.", a.title));
                    Rc::make_mut(&mut next.data).upsert_activity(a);
                }
                Some(Undo::Credential(mut c)) => {
                    c.updated_at = now;
                    next.toast = Some(format!("Restored “{}”.", c.name));
                    Rc::make_mut(&mut next.data).upsert_credential(c);
                }
                None => changed = false,
            },
            Action::SetWhatIf(on) => {
                next.what_if = on;
                changed = false;
            }
            Action::ReplaceData(data, message) => {
                next.data = Rc::new(data);
                next.undo = None;
                next.toast = Some(message);
            }
            Action::ExternalChange { seen, data } => {
                let (data, unsaved) = crate::storage::sync::adopt(&seen, &next.data, data);
                if *next.data == data {
                    return self;
                }
                next.data = Rc::new(data);
                external = !unsaved;
            }
            Action::MergedFromOtherTab { seen, data } => {
                next.data = Rc::new(crate::storage::sync::adopt(&seen, &next.data, data).0);
            }
            Action::SaveResult(save) => {
                next.save = save;
                changed = false;
            }
            Action::BackupDownloaded(at) => {
                let data = Rc::make_mut(&mut next.data);
                data.settings.last_backup_at = Some(at);
                data.settings.updated_at = Some(at);
                next.toast = Some("Backup downloaded. Keep the file somewhere safe.".into());
            }
            Action::SetHolderName(name) => {
                let mut settings = next.data.settings.clone();
                match settings.set_holder_name(&name, now) {
                    Ok(()) if settings != next.data.settings => {
                        Rc::make_mut(&mut next.data).settings = settings;
                        next.toast = Some("Saved the name for reports.".into());
                    }
                    Ok(()) => changed = false,
                    Err(m) => {
                        next.toast = Some(m);
                        changed = false;
                    }
                }
            }
            Action::DismissToast => {
                next.toast = None;
                changed = false;
            }
        }
        if changed {
            next.revision += 1;
            if !external {
                next.unsaved_revision += 1;
            }
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
