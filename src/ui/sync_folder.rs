//! The page's side of syncing through a folder (`storage::browser::sync_folder`): at start, after
//! each change once the records have been still a moment, and when she comes back to the tab,
//! the other devices' files in the folder are merged and this device's file is written
//! (`sync_exchange::through_folder`). The status is shared through a context with the Devices
//! page, which offers to choose the folder, to sync now (asking the browser's permission again
//! after a restart), and to stop.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::storage::browser::sync_folder::{self, Status};
use crate::storage::AppData;
use crate::ui::state::{use_app, AppContext};
use crate::ui::sync_exchange::FolderLook;
use crate::ui::worker_client;

/// Milliseconds of stillness after a change before the exchange.
const QUIET_MS: u32 = 2_000;

/// The folder's status, whether an exchange is under way, and ways to change them.
#[derive(Clone, PartialEq)]
pub struct FolderSync {
    pub status: UseStateHandle<Status>,
    pub busy: UseStateHandle<bool>,
    /// The records as the last exchange in this page left them (none before the first): an
    /// exchange is needed only when they changed since.
    exchanged: Rc<RefCell<Option<Rc<AppData>>>>,
}

impl FolderSync {
    /// Whether the records changed since the last exchange (its own adoption is no change).
    fn changed(&self, app: &AppContext) -> bool {
        self.exchanged.borrow().as_deref() != Some(&*app.data)
    }
}

impl FolderSync {
    /// Exchanges now (see `FolderLook`).
    pub fn sync_now(&self, app: &AppContext, look: FolderLook) {
        let (status, busy, exchanged) = (
            self.status.clone(),
            self.busy.clone(),
            self.exchanged.clone(),
        );
        busy.set(true);
        worker_client::sync_folder(
            app.clone(),
            look,
            Box::new(move |s, records| {
                if s.problem.is_none() {
                    *exchanged.borrow_mut() = records;
                }
                status.set(s);
                busy.set(false);
            }),
        );
    }

    /// Exchanges from a click: the browser's permission asked for if needed, with the name she
    /// gave this device.
    pub fn sync_from_click(&self, app: &AppContext, name: String) {
        self.sync_now(
            app,
            FolderLook {
                ask: true,
                name: Some(name),
                unchanged: false,
            },
        );
    }

    /// Asks for the folder (with the passphrase her devices share, if any) and exchanges, with
    /// the name she gave this device.
    pub fn choose(&self, app: &AppContext, passphrase: Option<String>, name: String) {
        let this = self.clone();
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match sync_folder::choose(passphrase.as_deref()).await {
                Ok(Some(folder)) => {
                    let s = Status {
                        folder: Some(folder),
                        ..Status::default()
                    };
                    sync_folder::set_status(&s);
                    this.status.set(s);
                    this.sync_now(
                        &app,
                        FolderLook {
                            name: Some(name),
                            ..FolderLook::default()
                        },
                    );
                }
                Ok(None) => {}
                Err(problem) => this.status.set(Status {
                    problem: Some(problem),
                    ..(*this.status).clone()
                }),
            }
        });
    }

    /// Stops syncing through the folder (the folder and its files stay).
    pub fn stop(&self) {
        let status = self.status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            sync_folder::forget().await;
            status.set(Status::default());
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct FolderSyncProviderProps {
    pub children: Children,
}

/// Provides the status and exchanges through the folder at start, after changes, and when the
/// tab is shown again.
#[function_component(FolderSyncProvider)]
pub fn folder_sync_provider(props: &FolderSyncProviderProps) -> Html {
    let app = use_app();
    let exchanged = use_mut_ref(|| Rc::new(RefCell::new(None))).borrow().clone();
    let sync = FolderSync {
        status: use_state(sync_folder::status),
        busy: use_state(|| false),
        exchanged,
    };
    let timer = use_mut_ref(|| None::<Timeout>);
    let first = use_mut_ref(|| true);
    {
        let (sync, app) = (sync.clone(), app.clone());
        let timer: Rc<RefCell<Option<Timeout>>> = timer.clone();
        use_effect_with(app.revision, move |_| {
            // At start at once; after a change once the records have been still a moment (the
            // records this page's exchange adopted are no change).
            let wait = if first.replace(false) { 0 } else { QUIET_MS };
            if sync.status.folder.is_some() && sync.changed(&app) {
                *timer.borrow_mut() = Some(Timeout::new(wait, move || {
                    // Asked again when it is time: an exchange that ended meanwhile may have
                    // brought these very records.
                    if sync.changed(&app) {
                        sync.sync_now(&app, FolderLook::default())
                    }
                }));
            }
        });
    }
    {
        // Back to the tab: another device may have written meanwhile. (The listener holds the
        // app as it was; the exchange reads the records as they are from it, and the adoption
        // is three-way, so a change made since is kept.)
        let (sync, app) = (sync.clone(), app.clone());
        use_effect_with(app.revision, move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    let target = document.clone();
                    gloo::events::EventListener::new(&target, "visibilitychange", move |_| {
                        if document.visibility_state() == web_sys::VisibilityState::Visible
                            && sync_folder::status().folder.is_some()
                        {
                            // Nothing changed here since the last exchange: only the folder is looked at.
                            let unchanged = !sync.changed(&app);
                            sync.sync_now(
                                &app,
                                FolderLook {
                                    unchanged,
                                    ..FolderLook::default()
                                },
                            );
                        }
                    })
                });
            move || drop(listener)
        });
    }
    html! {
        <ContextProvider<FolderSync> context={sync}>
            { props.children.clone() }
        </ContextProvider<FolderSync>>
    }
}

/// The folder sync, for the Devices page.
#[hook]
pub fn use_folder_sync() -> Option<FolderSync> {
    use_context::<FolderSync>()
}
