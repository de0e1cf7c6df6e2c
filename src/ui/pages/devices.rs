//! Your devices: the phone at the conference and the laptop at home kept in step with no server.
//! This device writes its sync file (into a folder her cloud service syncs, or sent to the other
//! device) and merges the other devices' files; edits made on two devices without either seeing
//! the other are listed for her to settle. Where the browser can keep a folder, it syncs
//! through it by itself (`ui::sync_folder`). The work is the worker's (`worker::sync`), run by
//! `ui::sync_exchange`; this device's sync record is kept in IndexedDB beside the certificates.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::storage::browser::{files, sync_folder};
use crate::ui::locale;
use crate::ui::state::{use_app, AppContext};
use crate::ui::sync_exchange::{self, Settled};
use crate::ui::sync_folder::{use_folder_sync, FolderSync};
use crate::worker::protocol::{to_stored, Request};
use crate::worker::sync::{Review, SyncView};

#[function_component(DevicesPage)]
pub fn devices_page() -> Html {
    let app = use_app();
    let sync = use_sync(&app);
    html! {
        <>
            <div class="page-head"><h1>{ "Your devices" }</h1></div>
            <p class="lead">{ "Keep your phone and your computer in step with no server: through a folder your cloud service already syncs, face to face over the same Wi-Fi, or by sending a file. Each device writes only its own sync file and merges the others'; an edit made on two devices is kept and listed for you to settle. Your records never go to any server of this app's." }</p>
            if let Some(m) = &*sync.message {
                <p role="status" class="notice" id="sync-message">{ m.clone() }</p>
            }
            if !sync.refused.is_empty() {
                <div role="alert" class="error" id="sync-refused">
                    { for sync.refused.iter().map(|r| html! { <p>{ r.clone() }</p> }) }
                </div>
            }
            { sync.reviews() }
            { sync.this_device() }
            { sync.folder() }
            { sync.face_to_face() }
            { sync.exchange() }
            { sync.devices() }
        </>
    }
}

/// The page's state: what the worker last said of this device's sync record, and the form.
#[derive(Clone)]
struct Sync {
    app: AppContext,
    folder: Option<FolderSync>,
    view: UseStateHandle<Option<SyncView>>,
    name: UseStateHandle<String>,
    passphrase: UseStateHandle<String>,
    message: UseStateHandle<Option<String>>,
    refused: UseStateHandle<Vec<String>>,
    busy: UseStateHandle<bool>,
    /// The sync file written last, `(name, text)`, to hand to the share sheet.
    written: UseStateHandle<Option<(String, String)>>,
}

#[hook]
fn use_sync(app: &AppContext) -> Sync {
    let folder = use_folder_sync();
    let sync = Sync {
        app: app.clone(),
        folder: folder.clone(),
        view: use_state(|| None),
        name: use_state(sync_exchange::default_name),
        passphrase: use_state(String::new),
        message: use_state(|| None),
        refused: use_state(Vec::new),
        busy: use_state(|| true),
        written: use_state(|| None),
    };
    {
        // At first, and after each exchange through the folder: what there is to show.
        let sync = sync.clone();
        let synced = folder.as_ref().and_then(|f| f.status.last_synced);
        use_effect_with(synced, move |_| {
            let current = to_stored(&sync.app.data);
            sync.run(move |state| Request::SyncStatus {
                current,
                state,
                forget: None,
            });
        });
    }
    sync
}

impl Sync {
    /// Runs one exchange, `request` made from this device's sync record as kept now, and shows
    /// what it gave.
    fn run(&self, request: impl FnOnce(Option<String>) -> Request + 'static) {
        self.busy.set(true);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match sync_exchange::run(this.app.clone(), request).await {
                Ok(settled) => this.show(settled),
                Err(message) => this.done(Some(message), Vec::new()),
            }
        });
    }

    fn show(&self, settled: Settled) {
        let Settled {
            view,
            message,
            refused,
            written,
            ..
        } = settled;
        if let Some(view) = view {
            // A device not yet named keeps the name guessed here.
            if !view.name.is_empty() {
                self.name.set(view.name.clone());
            }
            self.view.set(Some(view));
        }
        match written {
            Some((file_name, text)) => {
                let said = match crate::storage::browser::download(&file_name, "application/json", &text) {
                    Ok(()) => format!("“{file_name}” is written with every record on this device. Put it in the folder your cloud service syncs, or send it to your other device, and choose it there under “Merge your other devices' files”."),
                    Err(m) => m,
                };
                self.written.set(Some((file_name, text)));
                self.done(Some(said), refused);
            }
            None => self.done(message, refused),
        }
    }

    fn done(&self, message: Option<String>, refused: Vec<String>) {
        self.message.set(message);
        self.refused.set(refused);
        self.busy.set(false);
    }

    fn passphrase(&self) -> Option<String> {
        Some((*self.passphrase).clone()).filter(|p| !p.is_empty())
    }

    /// The folder her cloud service syncs, where the browser can keep one: chosen once, then
    /// exchanged through by itself.
    fn folder(&self) -> Html {
        let Some(folder) = &self.folder else {
            return html! {};
        };
        if !sync_folder::supported() {
            return html! {
                <section class="card" aria-labelledby="sync-folder-title">
                    <h2 id="sync-folder-title">{ "Sync through a folder" }</h2>
                    <p>{ "This browser cannot keep a folder to sync through by itself (Safari, Firefox and iPhone browsers cannot). Write this device's file and merge the others' by hand below; on a computer, Chrome or Edge can do it by itself." }</p>
                </section>
            };
        }
        let status = (*folder.status).clone();
        let busy = *folder.busy || *self.busy;
        let choose = {
            let (folder, app, this) = (folder.clone(), self.app.clone(), self.clone());
            Callback::from(move |_: MouseEvent| {
                folder.choose(&app, this.passphrase(), (*this.name).clone())
            })
        };
        let sync_now = {
            let (folder, app, name) = (folder.clone(), self.app.clone(), self.name.clone());
            Callback::from(move |_: MouseEvent| folder.sync_from_click(&app, (*name).clone()))
        };
        let stop = {
            let folder = folder.clone();
            Callback::from(move |_: MouseEvent| folder.stop())
        };
        html! {
            <section class="card" aria-labelledby="sync-folder-title">
                <h2 id="sync-folder-title">{ "Sync through a folder" }</h2>
                if let Some(name) = &status.folder {
                    <p id="sync-folder-status" data-synced={status.last_synced.map(|t| t.timestamp_millis().to_string())}>
                        { format!("Syncing through the folder “{name}”: at start, after each change, and when you come back to this tab.") }
                        if let Some(at) = status.last_synced {
                            { format!(" Last synced {}.", locale::date_time(at)) }
                        }
                    </p>
                    if let Some(said) = &status.said {
                        <p role="status" id="sync-folder-said">{ said.clone() }</p>
                    }
                    if let Some(problem) = &status.problem {
                        <p role="alert" class="error" id="sync-folder-problem">{ problem.clone() }</p>
                    }
                    if !status.refused.is_empty() {
                        <div role="alert" class="error" id="sync-folder-refused">
                            { for status.refused.iter().map(|r| html! { <p>{ r.clone() }</p> }) }
                        </div>
                    }
                    <div class="actions">
                        <button type="button" class="btn btn--primary" onclick={sync_now} disabled={busy}>{ "Sync now" }</button>
                        <button type="button" class="btn" onclick={stop} disabled={busy}>{ "Stop syncing through this folder" }</button>
                    </div>
                } else {
                    <p>{ "Choose the folder your cloud service already syncs (iCloud Drive, Dropbox, OneDrive, Google Drive). This device then writes its own file into it and merges the files your other devices write there, by itself. Do the same on each of your devices that can; the others can merge and write by hand below." }</p>
                    if let Some(problem) = &status.problem {
                        <p role="alert" class="error" id="sync-folder-problem">{ problem.clone() }</p>
                    }
                    <div class="actions">
                        <button type="button" class="btn btn--primary" onclick={choose} disabled={busy} aria-describedby="sync-passphrase-hint">{ "Choose the sync folder…" }</button>
                    </div>
                }
                if *folder.busy { <p class="muted" role="status">{ "Syncing…" }</p> }
            </section>
        }
    }

    /// Two devices in one room, over a direct connection.
    fn face_to_face(&self) -> Html {
        use crate::ui::pages::face_to_face::{supported, FaceToFace};
        if !supported() {
            return html! {};
        }
        let on_synced = {
            let this = self.clone();
            Callback::from(move |_| {
                let current = to_stored(&this.app.data);
                this.run(move |state| Request::SyncStatus {
                    current,
                    state,
                    forget: None,
                })
            })
        };
        // No connection: the folder in one tap where one is chosen, else the file.
        let folder = self
            .folder
            .clone()
            .filter(|f| f.status.folder.is_some() && sync_folder::supported());
        let files_label = if folder.is_some() {
            "Sync through the folder instead"
        } else {
            "Use files instead"
        };
        let on_files = {
            let this = self.clone();
            Callback::from(move |_| match &folder {
                Some(f) => f.sync_from_click(&this.app, (*this.name).clone()),
                None => this.write_file(),
            })
        };
        html! { <FaceToFace name={(*self.name).clone()} {on_synced} {on_files} {files_label} /> }
    }

    /// This device's name, and the passphrase her devices share: for every way of syncing.
    fn this_device(&self) -> Html {
        let on_name = {
            let name = self.name.clone();
            Callback::from(move |e: InputEvent| {
                name.set(crate::ui::components::inputs::input_value(&e))
            })
        };
        let on_passphrase = {
            let passphrase = self.passphrase.clone();
            Callback::from(move |e: InputEvent| {
                passphrase.set(crate::ui::components::inputs::input_value(&e))
            })
        };
        let busy = *self.busy;
        html! {
            <section class="card" aria-labelledby="sync-device-title">
                <h2 id="sync-device-title">{ "This device" }</h2>
                <div class="field">
                    <label for="sync-name">{ "Name of this device" }</label>
                    <input id="sync-name" type="text" maxlength="60" value={(*self.name).clone()} oninput={on_name} disabled={busy} aria-describedby="sync-name-hint" />
                    <p class="hint" id="sync-name-hint">{ "Your other devices show it beside what came from here." }</p>
                </div>
                <div class="field">
                    <label for="sync-passphrase">{ "Passphrase your devices share (optional)" }</label>
                    <input id="sync-passphrase" type="password" autocomplete="off" value={(*self.passphrase).clone()} oninput={on_passphrase} aria-describedby="sync-passphrase-hint" />
                    <p class="hint" id="sync-passphrase-hint">{ "With one, the sync files (by hand or in the folder) are encrypted as an encrypted backup is, and a changed file is refused; use the same one on every device. Face to face needs none: the connection is encrypted." }</p>
                </div>
            </section>
        }
    }

    /// "Send" and "Merge": this device's file, the others' files.
    fn exchange(&self) -> Html {
        let write = {
            let this = self.clone();
            Callback::from(move |_: MouseEvent| this.write_file())
        };
        let merge = {
            let this = self.clone();
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let chosen: Vec<web_sys::File> = input
                    .files()
                    .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
                    .unwrap_or_default();
                input.set_value("");
                this.merge_files(chosen);
            })
        };
        let busy = *self.busy;
        html! {
            <section class="card" aria-labelledby="sync-exchange-title">
                <h2 id="sync-exchange-title">{ "Sync through files, by hand" }</h2>
                <p>{ "On any browser: write this device's file and put it in the folder your cloud service syncs, or send it to your other device; there, merge it." }</p>
                <div class="actions">
                    <button type="button" class="btn btn--primary" onclick={write} disabled={busy}>{ "Write this device's sync file" }</button>
                    // On phones: the file just written, to the share sheet (Save to Files, AirDrop,
                    // mail). A click of its own, so the browser allows the sheet.
                    if self.written.is_some() && crate::storage::browser::download::can_share_files() {
                        <button type="button" class="btn" onclick={self.on_share()} disabled={busy}>{ "Send it…" }</button>
                    }
                </div>
                <div class="field">
                    <label for="sync-files">{ "Merge your other devices' files" }</label>
                    <input id="sync-files" type="file" multiple=true accept=".json,application/json" onchange={merge} disabled={busy} aria-describedby="sync-files-hint" />
                    <p class="hint" id="sync-files-hint">{ "Choose the files your other devices wrote (cme-sync-….json). Edits made on both devices are kept and listed for you to settle; nothing is lost." }</p>
                </div>
                if busy { <p class="muted" role="status">{ "Working…" }</p> }
            </section>
        }
    }

    /// This device's file, with the certificate files held here (it carries those a device
    /// heard from lacks).
    fn write_file(&self) {
        let this = self.clone();
        self.busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let files =
                match crate::ui::worker_client::certificate_files(&this.app.data.activities, &[])
                    .await
                {
                    Ok((files, _missing)) => files,
                    Err(m) => {
                        this.done(Some(m), Vec::new());
                        return;
                    }
                };
            let (current, name, passphrase) = (
                to_stored(&this.app.data),
                (*this.name).clone(),
                this.passphrase(),
            );
            this.run(move |state| Request::SyncWrite {
                current,
                state,
                name,
                now: locale::now(),
                passphrase,
                files,
            });
        });
    }

    fn on_share(&self) -> Callback<MouseEvent> {
        let this = self.clone();
        Callback::from(move |_: MouseEvent| {
            let Some((name, text)) = (*this.written).clone() else {
                return;
            };
            let this = this.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::storage::browser::download::share(&name, "application/json", &text)
                    .await
                {
                    Ok(true) => this.message.set(Some(format!("“{name}” was sent."))),
                    Ok(false) => {}
                    Err(m) => this.message.set(Some(m)),
                }
            });
        })
    }

    fn merge_files(&self, chosen: Vec<web_sys::File>) {
        if chosen.is_empty() {
            return;
        }
        let this = self.clone();
        self.busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let mut texts = Vec::new();
            for f in chosen {
                match files::bytes(&f).await {
                    Ok(b) => texts.push((f.name(), String::from_utf8_lossy(&b).into_owned())),
                    Err(e) => {
                        this.done(
                            Some(format!("“{}” could not be read ({}).", f.name(), e.0)),
                            Vec::new(),
                        );
                        return;
                    }
                }
            }
            let have = files::kept_ids()
                .await
                .map(|ids| ids.into_iter().collect())
                .unwrap_or_default();
            let (current, name, passphrase) = (
                to_stored(&this.app.data),
                (*this.name).clone(),
                this.passphrase(),
            );
            this.run(move |state| Request::SyncMerge {
                current,
                state,
                name,
                files: texts,
                now: locale::now(),
                passphrase,
                have,
            });
        });
    }

    /// The edits made on two devices, each with the values to choose from.
    fn reviews(&self) -> Html {
        let Some(view) = &*self.view else {
            return html! {};
        };
        if view.reviews.is_empty() {
            return html! {};
        }
        let count = view.reviews.len();
        html! {
            <section class="card" aria-labelledby="sync-reviews-title">
                <h2 id="sync-reviews-title">{ if count == 1 { "1 edit to review".to_string() } else { format!("{count} edits to review") } }</h2>
                <p>{ "These were changed on two devices before either saw the other's change. The value shown is the one in use for now; choose the one to keep. Every device shows this list until it is settled on one of them." }</p>
                <ul class="review-list">
                    { for view.reviews.iter().map(|r| self.review(r)) }
                </ul>
            </section>
        }
    }

    fn review(&self, r: &Review) -> Html {
        let choose = |value: serde_json::Value| {
            let this = self.clone();
            let (key, field) = (r.key.clone(), r.field.clone());
            Callback::from(move |_: MouseEvent| {
                let (current, key, field, value) = (
                    to_stored(&this.app.data),
                    key.clone(),
                    field.clone(),
                    value.clone(),
                );
                this.run(move |state| Request::SyncResolve {
                    current,
                    state: state.unwrap_or_default(),
                    key,
                    field,
                    value,
                    now: locale::now(),
                });
            })
        };
        let busy = *self.busy;
        if r.deleted_while_edited {
            return html! {
                <li class="review">
                    <p><strong>{ r.record.clone() }</strong>{ ": " }{ r.what.clone() }{ ". It is kept for now." }</p>
                    <div class="actions">
                        <button type="button" class="btn" onclick={choose(serde_json::Value::Bool(true))} disabled={busy}>{ "Keep it" }</button>
                        <button type="button" class="btn btn--danger" onclick={choose(serde_json::Value::Bool(false))} disabled={busy}>{ "Delete it" }</button>
                    </div>
                </li>
            };
        }
        html! {
            <li class="review">
                <p><strong>{ r.record.clone() }</strong>{ format!(" — {}", r.what) }</p>
                <div class="actions">
                    <button type="button" class="btn" onclick={choose(r.kept_value.clone())} disabled={busy}>
                        { format!("Keep “{}” (from {})", r.kept.0, r.kept.1) }
                    </button>
                    { for r.others.iter().map(|(text, device, value)| html! {
                        <button type="button" class="btn" onclick={choose(value.clone())} disabled={busy}>
                            { format!("Use “{text}” (from {device})") }
                        </button>
                    }) }
                </div>
            </li>
        }
    }

    /// The devices heard from.
    fn devices(&self) -> Html {
        let Some(view) = &*self.view else {
            return html! {};
        };
        let forget = |id: &str| {
            let this = self.clone();
            let id = id.to_string();
            Callback::from(move |_: MouseEvent| {
                let (current, forget) = (to_stored(&this.app.data), Some(id.clone()));
                this.run(move |state| Request::SyncStatus {
                    current,
                    state,
                    forget,
                })
            })
        };
        html! {
            <section class="card" aria-labelledby="sync-devices-title">
                <h2 id="sync-devices-title">{ "Devices heard from" }</h2>
                if view.peers.is_empty() {
                    <p>{ "None yet. Write this device's file here, then on your other device open CME Tracker, go to Backup › Your devices, and merge it; do the same the other way." }</p>
                } else {
                    <table class="devices-table table--stack">
                        <thead><tr><th scope="col">{ "Device" }</th><th scope="col">{ "Its file written" }</th><th scope="col">{ "Merged here" }</th><th scope="col">{ "Brought" }</th><th scope="col"><span class="visually-hidden">{ "Actions" }</span></th></tr></thead>
                        <tbody>
                            { for view.peers.iter().map(|(id, p)| html! {
                                <tr>
                                    <td data-label="Device">{ p.name.clone() }</td>
                                    <td data-label="Its file written">{ locale::date_time(p.written_at) }</td>
                                    <td data-label="Merged here">{ locale::date_time(p.merged_at) }</td>
                                    <td data-label="Brought">{ match p.brought { 0 => "nothing new".to_string(), 1 => "1 change".to_string(), n => format!("{n} changes") } }</td>
                                    <td><button type="button" class="btn btn--small" onclick={forget(id)} aria-label={format!("Forget {}", p.name)}>{ "Forget" }</button></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
        }
    }
}
