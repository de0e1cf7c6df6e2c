//! Importing a backup: the file read, checked by the worker (its passphrase asked when it is
//! encrypted), previewed — what it brings, what it would delete, the credentials it holds twice —
//! and only then merged, or put in place of everything.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::text::size::size_text;
use crate::storage::backup::{self, Preview};
use crate::storage::change::Change;
use crate::storage::format::too_large_words;
use crate::storage::{AppData, RecordKind};
use crate::ui::components::file_drop::FileDrop;
use crate::ui::components::inputs::input_value;
use crate::ui::locale;
use crate::ui::state::{use_app, Action, AppContext};
use crate::ui::worker_client::{self, use_worker, PageWorker};
use crate::worker::backup as job;
use crate::worker::protocol::{from_stored, to_stored, Request, Response};

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading(String),
    /// The worker is reading the file: activities read so far, of all.
    Checking(String, usize, usize),
    /// Refused: the summary, the first problems (each naming record and field), how many.
    Rejected(String, String, Vec<String>, usize),
    Ready {
        name: String,
        app_version: String,
        exported_at: DateTime<Utc>,
        preview: Rc<Preview>,
    },
    /// Merge or Replace was chosen; the worker is preparing the records.
    Applying(String),
    /// An encrypted backup: its passphrase is asked (with why the last one did not open it).
    Locked(String, Option<String>),
}

fn refused(name: String, message: impl Into<String>) -> Import {
    Import::Rejected(name, message.into(), Vec::new(), 0)
}

/// The import's state: where it stands, the choices made on its preview, and the connection to
/// the worker that holds the checked file between the steps.
#[derive(Clone)]
struct Restore {
    app: AppContext,
    import: UseStateHandle<Import>,
    /// Records here that the file would delete, which the person chose to keep.
    keep: UseStateHandle<Vec<Uuid>>,
    /// Duplicate credentials of the file kept apart (the rest merge with the one here).
    separate: UseStateHandle<Vec<Uuid>>,
    confirm_replace: UseStateHandle<bool>,
    unlock_with: UseStateHandle<String>,
    reader: Rc<std::cell::RefCell<Option<FileReader>>>,
    /// The file being imported (answers arrive later than the render that asked).
    file_name: Rc<std::cell::RefCell<String>>,
    /// The records the worker was given with the file: its result is applied to what is here
    /// when it arrives, against these (`storage::change::Change::Import`).
    seen: Rc<std::cell::RefCell<Rc<AppData>>>,
    worker: PageWorker,
}

#[hook]
fn use_restore() -> Restore {
    let app = use_app();
    let import = use_state(|| Import::Idle);
    let keep = use_state(Vec::new);
    let confirm_replace = use_state(|| false);
    let file_name = use_mut_ref(String::new);
    let seen = use_mut_ref(|| Rc::new(AppData::default()));
    let answer = {
        let (app, import, keep, confirm_replace) = (
            app.clone(),
            import.clone(),
            keep.clone(),
            confirm_replace.clone(),
        );
        let (file_name, seen) = (file_name.clone(), seen.clone());
        move |r: Response| {
            let name = file_name.borrow().clone();
            match r {
                Response::NeedsPassphrase => import.set(Import::Locked(name, None)),
                Response::PassphraseRefused { message } => {
                    import.set(Import::Locked(name, Some(message)))
                }
                Response::Progress { done, total } => {
                    import.set(Import::Checking(name, done, total))
                }
                Response::Checked {
                    app_version,
                    exported_at,
                    preview,
                } => import.set(Import::Ready {
                    name,
                    app_version,
                    exported_at,
                    preview: Rc::new(*preview),
                }),
                Response::Refused {
                    summary,
                    problems,
                    total,
                } => import.set(Import::Rejected(name, summary, problems, total)),
                Response::Records {
                    stored,
                    message,
                    files,
                } => match from_stored(&stored) {
                    Ok(data) => {
                        let done = (app.clone(), import.clone(), keep.clone(), confirm_replace.clone());
                        let seen = seen.borrow().clone();
                        adopt(done, seen, data, files, message, name);
                    }
                    Err(e) => import.set(refused(
                        name,
                        format!("The imported records could not be read back ({e}); nothing was changed."),
                    )),
                },
                Response::Failed { message } => import.set(refused(name, message)),
                // `Stopped` is turned into `Failed` by the connection; the rest answer others.
                _ => {}
            }
        }
    };
    Restore {
        worker: use_worker(answer),
        separate: use_state(Vec::new),
        unlock_with: use_state(String::new),
        reader: use_mut_ref(|| None),
        app,
        import,
        keep,
        confirm_replace,
        file_name,
        seen,
    }
}

/// Stores the certificate files first, then adopts the records: records are adopted only once
/// every file they name is stored.
fn adopt(
    (app, import, keep, confirm_replace): (
        AppContext,
        UseStateHandle<Import>,
        UseStateHandle<Vec<Uuid>>,
        UseStateHandle<bool>,
    ),
    seen: Rc<AppData>,
    data: AppData,
    files: Vec<(Uuid, String)>,
    message: String,
    name: String,
) {
    wasm_bindgen_futures::spawn_local(async move {
        match worker_client::store_imported_files(&data, &files).await {
            Ok(()) => {
                let message = match files.len() {
                    0 => message,
                    1 => format!("{message} 1 certificate file restored."),
                    n => format!("{message} {n} certificate files restored."),
                };
                app.dispatch(Action::Change(Change::Import {
                    seen,
                    result: data,
                    message,
                }));
                import.set(Import::Idle);
                keep.set(Vec::new());
                confirm_replace.set(false);
            }
            Err(m) => import.set(refused(name, m)),
        }
    });
}

impl Restore {
    fn read_file(&self, file: web_sys::File) {
        let name = file.name();
        *self.file_name.borrow_mut() = name.clone();
        if file.size() > backup::MAX_BACKUP_WITH_FILES_BYTES as f64 {
            let limit = size_text(backup::MAX_BACKUP_WITH_FILES_BYTES as u64);
            self.import.set(refused(
                name,
                format!("This file is larger than {limit}, so it cannot be a CME Tracker backup."),
            ));
            return;
        }
        self.import.set(Import::Reading(name.clone()));
        let this = self.clone();
        let task =
            gloo::file::callbacks::read_as_bytes(&File::from(file), move |result| {
                match result.map(String::from_utf8) {
                Ok(Ok(text)) => {
                    this.import.set(Import::Checking(name.clone(), 0, 0));
                    let snapshot = this.app.data.clone();
                    let current = to_stored(&snapshot);
                    *this.seen.borrow_mut() = snapshot;
                    this.worker.send(Request::Check { text, current });
                }
                Ok(Err(_)) => this.import.set(refused(
                    name.clone(),
                    "This is not a text file, so it cannot be a CME Tracker backup (a .json file).",
                )),
                Err(_) => this.import.set(refused(name.clone(), "The file could not be read.")),
            }
            });
        *self.reader.borrow_mut() = Some(task);
    }

    fn merge(&self) {
        if let Import::Ready { name, preview, .. } = &*self.import {
            let unify = preview
                .duplicates
                .iter()
                .map(|(theirs, _, _)| *theirs)
                .filter(|t| !self.separate.contains(t))
                .collect();
            self.import.set(Import::Applying(name.clone()));
            self.worker.send(Request::Merge {
                keep: (*self.keep).clone(),
                unify,
            });
        }
    }

    fn replace(&self) {
        if let Import::Ready { name, .. } = &*self.import {
            self.import.set(Import::Applying(name.clone()));
            self.worker.send(Request::Replace);
        }
    }

    fn unlock(&self) {
        if let Import::Locked(name, _) = &*self.import {
            self.import.set(Import::Checking(name.clone(), 0, 0));
            self.worker.send(Request::Unlock {
                passphrase: (*self.unlock_with).clone(),
            });
            self.unlock_with.set(String::new());
        }
    }

    fn cancel(&self) {
        self.import.set(Import::Idle);
        self.keep.set(Vec::new());
    }

    /// Cancel while the worker checks (a slow passphrase, a large file).
    fn stop_check(&self) {
        self.worker.stop();
        self.import.set(Import::Idle);
    }

    fn on<E: 'static>(&self, act: fn(&Restore)) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |_: E| act(&this))
    }

    /// Ticks a box of a list of ids held in `list`: `on` adds the id, off removes it.
    fn toggle(list: &UseStateHandle<Vec<Uuid>>, id: Uuid, on: bool) {
        let mut next = (**list).clone();
        next.retain(|k| *k != id);
        if on {
            next.push(id);
        }
        list.set(next);
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportSectionProps {
    /// Downloads a backup of the records here (offered before Replace).
    pub ondownload: Callback<MouseEvent>,
}

/// "Import a backup": the file, and where its import stands.
#[function_component(ImportSection)]
pub fn import_section(props: &ImportSectionProps) -> Html {
    let r = use_restore();
    let onfile = {
        let r = r.clone();
        Callback::from(move |f| r.read_file(f))
    };
    let status = match &*r.import {
        Import::Idle => html! {},
        Import::Reading(name) => html! { <p>{ format!("Reading {name}…") }</p> },
        Import::Checking(name, done, total) => html! {
            <div class="import-progress">
                <p>{ if *total > 0 {
                    format!("Checking {name}: {done} of {total} activities…")
                } else {
                    format!("Checking {name}…")
                } }</p>
                <progress max={total.max(&1).to_string()} value={done.to_string()}
                    aria-label={format!("Checking {name}")}></progress>
                <p><button type="button" class="btn btn--small" onclick={r.on(Restore::stop_check)}>{ "Cancel" }</button></p>
            </div>
        },
        Import::Applying(name) => html! { <p>{ format!("Importing {name}…") }</p> },
        Import::Locked(name, why) => locked(&r, name, why.as_deref()),
        Import::Rejected(name, summary, problems, total) => html! {
            <div class="banner banner--bad" role="alert">
                <p><strong>{ format!("{name}: ") }</strong>{ summary.clone() }</p>
                if !problems.is_empty() {
                    <ul>
                        { for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                        if *total > problems.len() {
                            <li>{ format!("… and {} more problems", total - problems.len()) }</li>
                        }
                    </ul>
                }
                <p>{ "Nothing was changed." }</p>
            </div>
        },
        Import::Ready {
            name,
            app_version,
            exported_at,
            preview,
        } => ready(
            &r,
            name,
            app_version,
            *exported_at,
            preview,
            &props.ondownload,
        ),
    };
    html! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{ "Import a backup" }</h2>
            <FileDrop id="import-file" label="Choose a backup file (.json), or drop it here"
                accept=".json,application/json" describedby="import-status" {onfile} />
            <div id="import-status" aria-live="polite">{ status }</div>
        </section>
    }
}

/// An encrypted backup's passphrase, asked.
fn locked(r: &Restore, name: &str, refused: Option<&str>) -> Html {
    let onsubmit = {
        let r = r.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            r.unlock();
        })
    };
    let oninput = {
        let p = r.unlock_with.clone();
        Callback::from(move |e: InputEvent| p.set(input_value(&e)))
    };
    html! {
        <form class="banner" {onsubmit}>
            <p><strong>{ name.to_string() }</strong>{ " is an encrypted backup." }</p>
            <div class="field">
                <label for="unlock-passphrase">{ "Its passphrase" }</label>
                <input id="unlock-passphrase" type="password" autocomplete="current-password" value={(*r.unlock_with).clone()}
                    aria-describedby={refused.is_some().then_some("unlock-passphrase-error")}
                    aria-invalid={refused.is_some().then_some("true")} {oninput} />
                if let Some(m) = refused { <p class="error" id="unlock-passphrase-error">{ m.to_string() }</p> }
            </div>
            <div class="banner__actions">
                <button type="submit" class="btn btn--primary">{ "Open" }</button>
                <button type="button" class="btn" onclick={r.on(Restore::cancel)}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

fn files_words(n: usize) -> String {
    format!("{n} certificate file{}", if n == 1 { "" } else { "s" })
}

/// The checked file's preview, and the choice: Merge, or Replace everything.
fn ready(
    r: &Restore,
    name: &str,
    app_version: &str,
    exported_at: DateTime<Utc>,
    p: &Preview,
    ondownload: &Callback<MouseEvent>,
) -> Html {
    let on_keep = {
        let keep = r.keep.clone();
        Callback::from(move |(id, kept): (Uuid, bool)| Restore::toggle(&keep, id, kept))
    };
    html! {
        <div class="banner">
            <p><strong>{ name.to_string() }</strong>{ format!(" — exported {} by CME Tracker {}.", locale::date(exported_at.date_naive()), app_version) }</p>
            <p>{ format!("{} activities, {} credentials, {} goals", p.activities, p.credentials, p.goals) }
                if let Some((from, to)) = p.date_range { { format!(" · activities from {} to {}", locale::date(from), locale::date(to)) } }
            </p>
            <p>{ format!("{} records are already here ({} of them differ).", p.same_id, p.differing) }</p>
            if let Some(part) = p.part {
                <p data-testid="backup-part">{ format!("This is file {} of {} of one backup: it brings {}. Import the other {} too to restore every certificate.",
                    part.number, part.of, files_words(p.files),
                    if part.of == 2 { "file".to_string() } else { format!("{} files", part.of - 1) }) }</p>
            } else if p.files > 0 {
                <p>{ format!("It brings {}.", files_words(p.files)) }</p>
            }
            if let Some(units) = p.merge_too_large {
                <div class="banner banner--warn" role="alert" data-testid="backup-too-large">
                    <p><strong>{ format!("Merged, your records would take {}.", too_large_words(units)) }</strong></p>
                    <p>{ "They would stay in this tab only and could not be saved. Keep the file, and import it in a browser profile with fewer records, or remove old records here first." }</p>
                </div>
            }
            if !p.deletes.is_empty() {
                <DeletionList deletes={p.deletes.clone()} keep={(*r.keep).clone()} onchange={on_keep} />
            }
            { duplicates(r, p) }
            <div class="banner__actions">
                <button type="button" class="btn btn--primary" onclick={r.on(Restore::merge)}>{ "Merge" }</button>
                <button type="button" class="btn" onclick={r.on(Restore::cancel)}>{ "Cancel" }</button>
            </div>
            <p class="small">{ "Merge adds new records, keeps the newer version of records that are in both, and deletes only the records ticked above." }</p>
            { replace_instead(r, p, ondownload) }
        </div>
    }
}

/// Credentials the file holds that are already here under another record: merged by default.
fn duplicates(r: &Restore, p: &Preview) -> Html {
    if p.duplicates.is_empty() {
        return html! {};
    }
    let n = p.duplicates.len();
    html! {
        <fieldset class="field" id="import-duplicates">
            <legend><strong>{ format!("This file holds {n} credential{} you already have under another record.", if n == 1 { "" } else { "s" }) }</strong></legend>
            <p class="small">{ "Same catalog board and cycle, or same name and license number — probably added on another device. Merged, they become one credential (the later edit wins)." }</p>
            { for p.duplicates.iter().map(|(theirs, _, name)| {
                let field = format!("dup-{theirs}");
                let (separate, id) = (r.separate.clone(), *theirs);
                let onchange = Callback::from(move |e: Event| {
                    let merge = e.target_unchecked_into::<HtmlInputElement>().checked();
                    Restore::toggle(&separate, id, !merge)
                });
                html! {
                    <label class="check" for={field.clone()}>
                        <input type="checkbox" id={field} checked={!r.separate.contains(theirs)} {onchange} />
                        <span>{ format!("Merge “{name}” with the one here") }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// Replace everything: behind a confirmation, with a download of the records here offered first.
fn replace_instead(r: &Restore, p: &Preview, ondownload: &Callback<MouseEvent>) -> Html {
    let on_confirm = {
        let confirm = r.confirm_replace.clone();
        Callback::from(move |e: Event| {
            confirm.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <details>
            <summary>{ "Replace everything instead" }</summary>
            <p>{ "Replace deletes every record here that you see now and keeps only the backup's (anything added here or in another tab after the file was read is kept). Download a backup of the current data first." }</p>
            if let Some(units) = p.replace_too_large {
                <p class="field__error" role="alert">{ format!("The backup's records alone take {}: they could not be saved here.", too_large_words(units)) }</p>
            }
            <p><button type="button" class="btn" onclick={ondownload.clone()}>{ "Download current data first" }</button></p>
            <label class="check" for="confirm-replace">
                <input type="checkbox" id="confirm-replace" checked={*r.confirm_replace} onchange={on_confirm} />
                <span>{ "I understand that every current record will be replaced" }</span>
            </label>
            <p><button type="button" class="btn btn--danger" disabled={!*r.confirm_replace} onclick={r.on(Restore::replace)}>{ "Replace everything" }</button></p>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct DeletionListProps {
    deletes: Vec<(RecordKind, Uuid, String)>,
    keep: Vec<Uuid>,
    onchange: Callback<(Uuid, bool)>,
}

/// The records here that the file deletes, each with a box to tick off to keep it. Nothing is
/// deleted before the person has seen this list and pressed Merge.
#[function_component(DeletionList)]
fn deletion_list(props: &DeletionListProps) -> Html {
    let applied = props.deletes.len() - props.keep.len();
    html! {
        <fieldset class="deletions" data-testid="import-deletions">
            <legend><strong>{ format!("This file deletes {} you have.", job::deletion_summary(&props.deletes)) }</strong></legend>
            <p class="small">{ "They were deleted on another device after their last change here. Untick any you want to keep." }</p>
            <ul class="check-list">
                { for props.deletes.iter().map(|(_, id, title)| {
                    let id = *id;
                    let onchange = props.onchange.reform(move |e: Event| {
                        (id, !e.target_unchecked_into::<HtmlInputElement>().checked())
                    });
                    let field = format!("delete-{id}");
                    html! {
                        <li>
                            <label class="check" for={field.clone()}>
                                <input type="checkbox" id={field} checked={!props.keep.contains(&id)} {onchange} />
                                <span class="wrap-anywhere">{ format!("Delete “{title}”") }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <p class="small">{ format!("Merge will delete {applied} of them.") }</p>
        </fieldset>
    }
}
