//! The page's side of the automatic backup (`storage::browser::backup_file`): after each change, once the
//! records have been still for a moment, the backup (records only) is written to the file the
//! person chose. The status is shared through a context with the Backup page, which offers to
//! choose the file, to write now, to allow writing again after a restart, and to stop.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Utc;
use yew::prelude::*;

use crate::storage::browser::backup_file::{self, Status};
use crate::ui::state::{use_app, AppContext};
use crate::ui::worker_client;
use crate::worker::protocol::{to_stored, Request};

/// Milliseconds of stillness after a change before the file is written.
const QUIET_MS: u32 = 2_000;

/// The automatic backup's status, and a way to change it.
#[derive(Clone, PartialEq)]
pub struct AutoBackup {
    pub status: UseStateHandle<Status>,
}

impl AutoBackup {
    /// Writes the backup now; with `ask`, asks for the permission first (only from a click).
    pub fn write_now(&self, app: &AppContext, ask: bool) {
        write(app, self.status.clone(), ask);
    }

    /// Asks for the file and writes the first backup to it.
    pub fn choose(&self, app: &AppContext) {
        let status = self.status.clone();
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match backup_file::choose().await {
                Ok(Some(name)) => {
                    let s = Status {
                        file: Some(name),
                        ..Status::default()
                    };
                    backup_file::set_status(&s);
                    status.set(s);
                    write(&app, status, false);
                }
                Ok(None) => {}
                Err(problem) => {
                    let s = Status {
                        problem: Some(problem),
                        ..(*status).clone()
                    };
                    status.set(s);
                }
            }
        });
    }

    /// Stops writing to the file (the file stays).
    pub fn stop(&self) {
        let status = self.status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            backup_file::forget().await;
            status.set(Status::default());
        });
    }
}

fn write(app: &AppContext, status: UseStateHandle<Status>, ask: bool) {
    worker_client::write_backup(
        Request::Export {
            current: to_stored(&app.data),
            app_version: env!("CARGO_PKG_VERSION").into(),
            now: Utc::now(),
            files: Vec::new(),
            passphrase: None,
            part: None,
        },
        ask,
        move |written| {
            let mut s = backup_file::status();
            match written {
                Ok(true) => {
                    s.last_written = Some(Utc::now());
                    s.problem = None;
                }
                Ok(false) => s = Status::default(),
                Err(problem) => s.problem = Some(problem),
            }
            backup_file::set_status(&s);
            status.set(s);
        },
    );
}

#[derive(Properties, PartialEq)]
pub struct AutoBackupProviderProps {
    pub children: Children,
}

/// Provides the status and writes the file after changes.
#[function_component(AutoBackupProvider)]
pub fn auto_backup_provider(props: &AutoBackupProviderProps) -> Html {
    let app = use_app();
    let status = use_state(backup_file::status);
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let seen = use_mut_ref(|| None::<u64>);
    {
        let status = status.clone();
        let app = app.clone();
        let timer: Rc<RefCell<Option<gloo::timers::callback::Timeout>>> = timer.clone();
        use_effect_with(app.revision, move |revision| {
            // The first revision is what was loaded: nothing changed yet.
            let first = seen.borrow_mut().replace(*revision).is_none();
            if !first && status.file.is_some() && backup_file::supported() {
                let app = app.clone();
                let status = status.clone();
                *timer.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(QUIET_MS, move || {
                        write(&app, status, false)
                    }));
            }
        });
    }
    html! {
        <ContextProvider<AutoBackup> context={AutoBackup { status }}>
            { props.children.clone() }
        </ContextProvider<AutoBackup>>
    }
}

/// The automatic backup, for the Backup page.
#[hook]
pub fn use_auto_backup() -> Option<AutoBackup> {
    use_context::<AutoBackup>()
}
