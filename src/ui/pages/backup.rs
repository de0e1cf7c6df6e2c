//! Backup: download every record as a JSON file, and import one (file picker or drag and drop)
//! after it has been checked and previewed — Merge by id, or Replace everything.

use std::rc::Rc;

use chrono::Utc;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::storage::change::Change;

use crate::storage::backup::{self, Preview};
use crate::storage::browser;
use crate::storage::format::stored_units;
use crate::storage::RecordKind;
use crate::ui::components::file_drop::FileDrop;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};
use crate::ui::worker_client;
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
        exported_at: chrono::DateTime<Utc>,
        preview: Rc<Preview>,
    },
    /// Merge or Replace was chosen; the worker is preparing the records.
    Applying(String),
    /// An encrypted backup: its passphrase is asked (with why the last one did not open it).
    Locked(String, Option<String>),
}

#[function_component(BackupPage)]
pub fn backup_page() -> Html {
    let app = use_app();
    let import = use_state(|| Import::Idle);
    let reader = use_mut_ref(|| None::<FileReader>);
    let confirm_replace = use_state(|| false);
    // (site's bytes, quota, persisted), read when the page opens and after each change (an
    // import changes them).
    let usage = use_state(|| None::<(f64, f64, Option<bool>)>);
    {
        let usage = usage.clone();
        use_effect_with(app.revision, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let persisted = browser::request_persistence().await;
                if let Some((used, quota)) = browser::estimate().await {
                    usage.set(Some((used, quota, persisted)));
                }
            });
        });
    }
    // What the records take in storage, as the browser counts it (two bytes per UTF-16 unit),
    // from the records themselves: right after an import, before the deferred save has run.
    let records_bytes = {
        let data = app.data.clone();
        *use_memo(app.revision, move |_| stored_units(&data) * 2)
    };
    // Records here that the file would delete, which the person chose to keep.
    let keep = use_state(Vec::<uuid::Uuid>::new);
    // Duplicate credentials of the file the person chose to keep apart (the rest are merged with
    // the matching credential here).
    let separate = use_state(Vec::<uuid::Uuid>::new);

    // The page's connection to the worker: the file's check, then Merge or Replace, all go over
    // it, and the worker keeps the checked file between them. Opened on first use.
    let worker = use_mut_ref(|| worker_client::Kept::None);
    // The file being imported (answers arrive later than the render that asked).
    let file_name = use_mut_ref(String::new);
    // The records the worker was given with the file: the import's result is applied to what is
    // here when it arrives, against these (`storage::change::Change::Import`).
    let seen = use_mut_ref(|| Rc::new(crate::storage::AppData::default()));
    let send = {
        let file_name = file_name.clone();
        let seen = seen.clone();
        let worker = worker.clone();
        let import = import.clone();
        let app = app.clone();
        let keep = keep.clone();
        let confirm_replace = confirm_replace.clone();
        Rc::new(move |req: Request| {
            let mut w = worker.borrow_mut();
            let bridge = worker_client::kept(&mut w, || {
                let import = import.clone();
                let file_name = file_name.clone();
                let name_of = move |_: &UseStateHandle<Import>| file_name.borrow().clone();
                let app = app.clone();
                let keep = keep.clone();
                let confirm_replace = confirm_replace.clone();
                let seen = seen.clone();
                worker_client::connect(move |r| {
                    match r {
                    Response::NeedsPassphrase => import.set(Import::Locked(name_of(&import), None)),
                    Response::PassphraseRefused { message } => {
                        import.set(Import::Locked(name_of(&import), Some(message)))
                    }
                    Response::Progress { done, total } => {
                        import.set(Import::Checking(name_of(&import), done, total))
                    }
                    Response::Checked {
                        app_version,
                        exported_at,
                        preview,
                    } => import.set(Import::Ready {
                        name: name_of(&import),
                        app_version,
                        exported_at,
                        preview: Rc::new(*preview),
                    }),
                    Response::Refused {
                        summary,
                        problems,
                        total,
                    } => import.set(Import::Rejected(name_of(&import), summary, problems, total)),
                    Response::Records { stored, message, files } => match from_stored(&stored) {
                        Ok(data) => {
                            // Certificate files first: records are adopted only once every file
                            // they name is stored.
                            let app = app.clone();
                            let import = import.clone();
                            let keep = keep.clone();
                            let confirm_replace = confirm_replace.clone();
                            let name = name_of(&import);
                            let seen = seen.borrow().clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                match worker_client::store_imported_files(&data, &files).await {
                                    Ok(()) => {
                                        let message = if files.is_empty() {
                                            message
                                        } else {
                                            format!("{message} {} certificate file{} restored.", files.len(), if files.len() == 1 { "" } else { "s" })
                                        };
                                        app.dispatch(Action::Change(Change::Import { seen, result: data, message }));
                                        import.set(Import::Idle);
                                        keep.set(Vec::new());
                                        confirm_replace.set(false);
                                    }
                                    Err(m) => import.set(Import::Rejected(name, m, Vec::new(), 0)),
                                }
                            });
                        }
                        Err(e) => import.set(Import::Rejected(
                            name_of(&import),
                            format!("The imported records could not be read back ({e}); nothing was changed."),
                            Vec::new(),
                            0,
                        )),
                    },
                    Response::Failed { message } => {
                        import.set(Import::Rejected(name_of(&import), message, Vec::new(), 0))
                    }
                    // Turned into `Failed` by the connection.
                    Response::Stopped { .. }
                    | Response::Exported { .. }
                    | Response::File { .. }
                    | Response::Explained { .. }
                    | Response::CertificateRead { .. }
                    | Response::ActivitiesRead(_)
                    | Response::ActivitiesChecked(_) => {}
                }
                })
            });
            bridge.send(req);
        })
    };

    let read_file = {
        let import = import.clone();
        let reader = reader.clone();
        let app = app.clone();
        let send = send.clone();
        let file_name = file_name.clone();
        let seen = seen.clone();
        Rc::new(move |file: web_sys::File| {
            let name = file.name();
            *file_name.borrow_mut() = name.clone();
            if file.size() > backup::MAX_BACKUP_WITH_FILES_BYTES as f64 {
                import.set(Import::Rejected(
                    name,
                    "This file is larger than 400 MB, so it cannot be a CME Tracker backup.".into(),
                    Vec::new(),
                    0,
                ));
                return;
            }
            import.set(Import::Reading(name.clone()));
            let import = import.clone();
            let current = name.clone();
            let app = app.clone();
            let send = send.clone();
            let seen = seen.clone();
            let task = gloo::file::callbacks::read_as_bytes(&File::from(file), move |result| {
                match result.map(String::from_utf8) {
                    Ok(Ok(text)) => {
                        import.set(Import::Checking(current.clone(), 0, 0));
                        let snapshot = app.data.clone();
                        let current = to_stored(&snapshot);
                        *seen.borrow_mut() = snapshot;
                        send(Request::Check { text, current });
                    }
                    Ok(Err(_)) => import.set(Import::Rejected(
                        current.clone(),
                        "This is not a text file, so it cannot be a CME Tracker backup (a .json file).".into(),
                        Vec::new(),
                        0,
                    )),
                    Err(_) => import.set(Import::Rejected(
                        current.clone(),
                        "The file could not be read.".into(),
                        Vec::new(),
                        0,
                    )),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let on_merge = {
        let import = import.clone();
        let keep = keep.clone();
        let separate = separate.clone();
        let send = send.clone();
        Callback::from(move |_| {
            if let Import::Ready { name, preview, .. } = &*import {
                let unify = preview
                    .duplicates
                    .iter()
                    .map(|(theirs, _, _)| *theirs)
                    .filter(|t| !separate.contains(t))
                    .collect();
                import.set(Import::Applying(name.clone()));
                send(Request::Merge {
                    keep: (*keep).clone(),
                    unify,
                });
            }
        })
    };
    let on_separate = |id: uuid::Uuid| {
        let separate = separate.clone();
        Callback::from(move |e: Event| {
            let merge = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*separate).clone();
            next.retain(|k| *k != id);
            if !merge {
                next.push(id);
            }
            separate.set(next);
        })
    };
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |(id, kept): (uuid::Uuid, bool)| {
            let mut next = (*keep).clone();
            next.retain(|k| *k != id);
            if kept {
                next.push(id);
            }
            keep.set(next);
        })
    };
    let on_replace = {
        let import = import.clone();
        let send = send.clone();
        Callback::from(move |_| {
            if let Import::Ready { name, .. } = &*import {
                import.set(Import::Applying(name.clone()));
                send(Request::Replace);
            }
        })
    };
    // Certificates on this device: how many files and their size, for the export choice; the
    // ones the records name that the device no longer has are said apart.
    let (cert_count, cert_bytes) = app
        .data
        .activities
        .iter()
        .flat_map(|a| a.certificates.iter())
        .filter(|c| !app.missing_files.contains(&c.id))
        .fold((0usize, 0u64), |(n, b), c| (n + 1, b + c.size));
    let missing = app.missing_files.len();
    let with_certificates = use_state(|| true);
    let export_problem = use_state(|| None::<String>);
    // Encrypting: the passphrase typed twice (never stored), and whether it was refused.
    let encrypt = use_state(|| false);
    let passphrase = use_state(String::new);
    let passphrase_again = use_state(String::new);
    let passphrase_tried = use_state(|| false);
    let exporting = use_state(|| false);
    let passphrase_error = (*encrypt)
        .then(|| crate::storage::encrypt::passphrase_problem(&passphrase, &passphrase_again))
        .flatten()
        .filter(|_| *passphrase_tried);
    // A backup with more certificates than one file carries is written as several files, each a
    // whole backup of the records with its share of the certificates; the first is downloaded at
    // once, the others one click each (a browser may refuse several downloads from one click).
    let split = use_state(|| None::<Rc<Vec<Vec<uuid::Uuid>>>>);
    let written = use_state(Vec::<usize>::new);
    // Downloads file `number` of `plan` (no plan: records only), once the passphrase is fine.
    let download = {
        let app = app.clone();
        let export_problem = export_problem.clone();
        let exporting = exporting.clone();
        let encrypt = *encrypt;
        let passphrase = passphrase.clone();
        let passphrase_again = passphrase_again.clone();
        let passphrase_tried = passphrase_tried.clone();
        let written = written.clone();
        Rc::new(
            move |plan: Option<Rc<Vec<Vec<uuid::Uuid>>>>, number: usize| {
                export_problem.set(None);
                let secret = if encrypt {
                    passphrase_tried.set(true);
                    if crate::storage::encrypt::passphrase_problem(&passphrase, &passphrase_again)
                        .is_some()
                    {
                        return false;
                    }
                    Some((*passphrase).clone())
                } else {
                    None
                };
                exporting.set(true);
                let export_problem = export_problem.clone();
                let exporting = exporting.clone();
                let written = written.clone();
                let certificates = plan.as_ref().map(|p| {
                    let part = backup::Part {
                        number,
                        of: p.len(),
                    };
                    (p[number - 1].clone(), part)
                });
                worker_client::download_backup_with(&app, certificates, secret, move |m| {
                    exporting.set(false);
                    if m.is_none() {
                        let mut w = (*written).clone();
                        w.push(number);
                        written.set(w);
                    }
                    export_problem.set(m)
                });
                true
            },
        )
    };
    let on_download = {
        let app = app.clone();
        let with = *with_certificates && cert_count > 0;
        let download = download.clone();
        let split = split.clone();
        let written = written.clone();
        Callback::from(move |_| {
            let plan = with.then(|| Rc::new(worker_client::backup_parts(&app)));
            if download(plan.clone(), 1) {
                written.set(Vec::new());
                split.set(plan.filter(|p| p.len() > 1));
            }
        })
    };
    let on_with_certificates = {
        let with_certificates = with_certificates.clone();
        Callback::from(move |e: Event| {
            with_certificates.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_confirm = {
        let confirm_replace = confirm_replace.clone();
        Callback::from(move |e: Event| {
            confirm_replace.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let unlock_with = use_state(String::new);
    let on_unlock = {
        let import = import.clone();
        let send = send.clone();
        let unlock_with = unlock_with.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Import::Locked(name, _) = &*import {
                import.set(Import::Checking(name.clone(), 0, 0));
                send(Request::Unlock {
                    passphrase: (*unlock_with).clone(),
                });
                unlock_with.set(String::new());
            }
        })
    };
    let on_cancel = {
        let import = import.clone();
        let keep = keep.clone();
        Callback::from(move |_| {
            import.set(Import::Idle);
            keep.set(Vec::new());
        })
    };
    // Cancel while the worker checks (a slow passphrase, a large file): its answer is no longer
    // wanted, and the next file goes to a new worker rather than waiting behind this one.
    let on_stop_check = {
        let import = import.clone();
        let worker = worker.clone();
        Callback::from(move |_: MouseEvent| {
            worker.borrow_mut().take();
            worker_client::start_afresh();
            import.set(Import::Idle);
        })
    };

    let auto = crate::ui::auto_backup::use_auto_backup();
    let auto_status = auto
        .as_ref()
        .map(|a| (*a.status).clone())
        .unwrap_or_default();
    let last = app.data.settings.last_backup_at;
    // Written to the chosen file counts as backed up too.
    let newest = last.max(
        auto_status
            .last_written
            .filter(|_| auto_status.file.is_some()),
    );
    let stale = newest.is_none_or(|t| (Utc::now() - t).num_days() > 30);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let counts = format!(
        "{}, {}",
        plural(app.data.activities.len(), "activity", "activities"),
        plural(app.data.credentials.len(), "credential", "credentials")
    );
    html! {
        <>
            <div class="page-head"><h1>{ "Backup" }</h1></div>
            <section class="card" aria-labelledby="export-title">
                <h2 id="export-title">{ "Download a backup" }</h2>
                <p>{ "Your records live only in this browser. A backup file holds all of them (" }{ counts }{ "); keep it somewhere safe — you can import it on any device." }</p>
                <p>
                    { match last {
                        Some(t) => format!("Last backup: {}.", locale::date(t.date_naive())),
                        None => "No backup downloaded yet.".to_string(),
                    } }
                    if stale && !app.data.is_empty() {
                        <strong class="warn-text">{ " It is time for a new one (every 30 days is a good habit)." }</strong>
                    }
                </p>
                if missing > 0 {
                    <div class="banner banner--warn" role="status" data-testid="certificates-missing">
                        <p>{ crate::domain::text::certificates::missing_notice(missing) }</p>
                        <p>{ "A backup made now cannot hold them: keep the backups that have them." }</p>
                    </div>
                }
                if cert_count > 0 {
                    <p>
                        <label class="check" for="backup-certificates">
                            <input type="checkbox" id="backup-certificates" checked={*with_certificates} onchange={on_with_certificates} />
                            <span>{ format!("Include certificates ({} file{}, {})", cert_count, if cert_count == 1 { "" } else { "s" }, crate::domain::text::size::size_text(cert_bytes)) }</span>
                        </label>
                    </p>
                }
                <p>
                    <label class="check" for="backup-encrypt">
                        <input type="checkbox" id="backup-encrypt" checked={*encrypt}
                            onchange={{ let encrypt = encrypt.clone(); Callback::from(move |e: Event| encrypt.set(e.target_unchecked_into::<HtmlInputElement>().checked())) }} />
                        <span>{ "Encrypt with a passphrase" }</span>
                    </label>
                </p>
                if *encrypt {
                    <div class="field">
                        <label for="backup-passphrase">{ "Passphrase" }</label>
                        <input id="backup-passphrase" type="password" autocomplete="new-password" value={(*passphrase).clone()}
                            aria-describedby={if passphrase_error.is_some() { "backup-passphrase-note backup-passphrase-error" } else { "backup-passphrase-note" }}
                            aria-invalid={passphrase_error.is_some().then_some("true")}
                            oninput={{ let p = passphrase.clone(); Callback::from(move |e: InputEvent| p.set(crate::ui::components::inputs::input_value(&e))) }} />
                        <p class="small muted" id="backup-passphrase-note">{ "At least 10 characters. Without it the file cannot be opened — by anyone, this app included: keep it somewhere safe." }</p>
                    </div>
                    <div class="field">
                        <label for="backup-passphrase-again">{ "The passphrase again" }</label>
                        <input id="backup-passphrase-again" type="password" autocomplete="new-password" value={(*passphrase_again).clone()}
                            aria-describedby={passphrase_error.is_some().then_some("backup-passphrase-error")}
                            aria-invalid={passphrase_error.is_some().then_some("true")}
                            oninput={{ let p = passphrase_again.clone(); Callback::from(move |e: InputEvent| p.set(crate::ui::components::inputs::input_value(&e))) }} />
                        if let Some(m) = &passphrase_error { <p class="error" id="backup-passphrase-error">{ m.clone() }</p> }
                    </div>
                }
                <button type="button" class="btn btn--primary" onclick={on_download.clone()} disabled={*exporting}>{ "Download backup" }</button>
                if *exporting {
                    <p class="small" aria-live="polite">{ if *encrypt { "Encrypting and writing the backup…" } else { "Writing the backup…" } }</p>
                }
                if let Some(m) = &*export_problem { <p class="error" role="alert">{ m.clone() }</p> }
                if let Some(plan) = (*split).clone() {
                    <div class="banner" data-testid="backup-parts">
                        <p><strong>{ format!("Your certificates are split over {} backup files, so that each can be restored on its own. Download and keep all {}:", plan.len(), plan.len()) }</strong></p>
                        <ul class="plain-list backup-parts">
                            { for (1..=plan.len()).map(|number| {
                                let done = written.contains(&number);
                                let onclick = {
                                    let download = download.clone();
                                    let plan = plan.clone();
                                    Callback::from(move |_: MouseEvent| { download(Some(plan.clone()), number); })
                                };
                                html! {
                                    <li>
                                        <button type="button" class="btn btn--small" {onclick} disabled={*exporting}>
                                            { format!("Download file {number} of {}", plan.len()) }</button>
                                        { format!(" {} certificate file{}", plan[number - 1].len(), if plan[number - 1].len() == 1 { "" } else { "s" }) }
                                        if done { <span class="small">{ " · ✓ downloaded" }</span> }
                                    </li>
                                }
                            }) }
                        </ul>
                        <p class="small">{ "Each file holds all your records; importing any of them restores its share of the certificates. Import every file to restore them all." }</p>
                    </div>
                }
                if let Some((used, quota, persisted)) = *usage {
                    <p class="small muted" data-testid="storage-usage">
                        { format!("Your records take {}; certificates {} ({} file{}); the app's offline copy and other site data about {}. In all this site uses {} of about {} the browser allows. ",
                            locale::bytes(records_bytes as f64),
                            locale::bytes(cert_bytes as f64), cert_count, if cert_count == 1 { "" } else { "s" },
                            locale::bytes((used - records_bytes as f64 - cert_bytes as f64).max(0.0)),
                            locale::bytes(used), locale::bytes(quota)) }
                        { match persisted {
                            Some(true) => "The browser keeps this data even when space runs low.",
                            Some(false) => "The browser may clear this data when space runs low — another reason to keep backups.",
                            None => "",
                        } }
                    </p>
                }
            </section>
            <section class="card" aria-labelledby="auto-backup-title">
                <h2 id="auto-backup-title">{ "Back up automatically" }</h2>
                if !crate::storage::browser::backup_file::supported() {
                    <p>{ "This browser cannot keep writing to a file you choose (Chrome and Edge on a computer can). Download a backup now and then: this page reminds you after 30 days." }</p>
                } else if let (Some(auto), Some(file)) = (auto.clone(), auto_status.file.clone()) {
                    <p data-testid="auto-backup-status">
                        { format!("After each change your records are written to {file}. ") }
                        { match auto_status.last_written {
                            Some(t) => format!("Last written: {}.", crate::ui::locale::date_time(t)),
                            None => "Not written yet.".to_string(),
                        } }
                    </p>
                    if let Some(problem) = &auto_status.problem {
                        <p class="error" role="alert">{ problem.clone() }</p>
                    }
                    <p class="small muted">{ "Records only: certificates go into the backups you download with “Include certificates”." }</p>
                    <div class="actions">
                        <button type="button" class="btn btn--primary" onclick={{ let app = app.clone(); let auto = auto.clone(); Callback::from(move |_| auto.write_now(&app, true)) }}>
                            { if auto_status.problem.is_some() { "Allow and write now" } else { "Write now" } }
                        </button>
                        <button type="button" class="btn" onclick={{ let auto = auto.clone(); Callback::from(move |_| auto.stop()) }}>{ "Stop" }</button>
                    </div>
                } else if let Some(auto) = auto.clone() {
                    <p>{ "Choose a file once (on a drive your computer backs up, or a synced folder) and the app writes your records to it after every change. The browser asks again after a restart; a click on “Write now” allows it." }</p>
                    if let Some(problem) = &auto_status.problem {
                        <p class="error" role="alert">{ problem.clone() }</p>
                    }
                    <button type="button" class="btn" onclick={{ let app = app.clone(); Callback::from(move |_| auto.choose(&app)) }}>{ "Choose a backup file…" }</button>
                }
            </section>
            <section class="card" aria-labelledby="other-formats-title">
                <h2 id="other-formats-title">{ "Spreadsheets and calendars" }</h2>
                <p>{ "Your activities as a CSV file for Excel, Numbers or Google Sheets (one row each; several credit types or topic hours share a cell, as “TYPE=amount; …”). A spreadsheet or a provider's transcript can be imported too. The deadlines file adds every cycle end and CE deadline to your calendar app with reminders 90, 30 and 7 days before; download it again after changes and import it over the old one: the same events are updated." }</p>
                <div class="actions">
                    <button type="button" class="btn" disabled={app.data.activities.is_empty()}
                        onclick={{ let app = app.clone(); Callback::from(move |_| worker_client::download_csv(&app, false)) }}>
                        { "Download activities as CSV" }
                    </button>
                    <button type="button" class="btn" disabled={app.data.credentials.is_empty()}
                        onclick={{ let app = app.clone(); Callback::from(move |_| worker_client::download_calendar(&app)) }}>
                        { "Download deadlines (.ics)" }
                    </button>
                    <a href={crate::ui::app::Route::ActivityImport.href()} class="btn">
                        { "Import activities" }
                    </a>
                </div>
            </section>
            <section class="card" aria-labelledby="import-title">
                <h2 id="import-title">{ "Import a backup" }</h2>
                <FileDrop id="import-file" label="Choose a backup file (.json), or drop it here"
                    accept=".json,application/json" describedby="import-status"
                    onfile={Callback::from(move |f| read_file(f))} />
                <div id="import-status" aria-live="polite">
                    { match &*import {
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
                                <p><button type="button" class="btn btn--small" onclick={on_stop_check}>{ "Cancel" }</button></p>
                            </div>
                        },
                        Import::Applying(name) => html! { <p>{ format!("Importing {name}…") }</p> },
                        Import::Locked(name, refused) => html! {
                            <form class="banner" onsubmit={on_unlock}>
                                <p><strong>{ name.clone() }</strong>{ " is an encrypted backup." }</p>
                                <div class="field">
                                    <label for="unlock-passphrase">{ "Its passphrase" }</label>
                                    <input id="unlock-passphrase" type="password" autocomplete="current-password" value={(*unlock_with).clone()}
                                        aria-describedby={refused.is_some().then_some("unlock-passphrase-error")}
                                        aria-invalid={refused.is_some().then_some("true")}
                                        oninput={{ let p = unlock_with.clone(); Callback::from(move |e: InputEvent| p.set(crate::ui::components::inputs::input_value(&e))) }} />
                                    if let Some(m) = refused { <p class="error" id="unlock-passphrase-error">{ m.clone() }</p> }
                                </div>
                                <div class="banner__actions">
                                    <button type="submit" class="btn btn--primary">{ "Open" }</button>
                                    <button type="button" class="btn" onclick={on_cancel.clone()}>{ "Cancel" }</button>
                                </div>
                            </form>
                        },
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
                        Import::Ready { name, app_version, exported_at, preview } => { let p = preview.clone(); html! {
                            <div class="banner">
                                <p><strong>{ name.clone() }</strong>{ format!(" — exported {} by CME Tracker {}.", locale::date(exported_at.date_naive()), app_version) }</p>
                                <p>{ format!("{} activities, {} credentials, {} goals", p.activities, p.credentials, p.goals) }
                                    if let Some((from, to)) = p.date_range { { format!(" · activities from {} to {}", locale::date(from), locale::date(to)) } }
                                </p>
                                <p>{ format!("{} records are already here ({} of them differ).", p.same_id, p.differing) }</p>
                                if let Some(part) = p.part {
                                    <p data-testid="backup-part">{ format!("This is file {} of {} of one backup: it brings {} certificate file{}. Import the other {} too to restore every certificate.",
                                        part.number, part.of, p.files, if p.files == 1 { "" } else { "s" },
                                        if part.of == 2 { "file".to_string() } else { format!("{} files", part.of - 1) }) }</p>
                                } else if p.files > 0 {
                                    <p>{ format!("It brings {} certificate file{}.", p.files, if p.files == 1 { "" } else { "s" }) }</p>
                                }
                                if let Some(units) = p.merge_too_large {
                                    <div class="banner banner--warn" role="alert" data-testid="backup-too-large">
                                        <p><strong>{ format!("Merged, your records would take {}.", crate::storage::format::too_large_words(units)) }</strong></p>
                                        <p>{ "They would stay in this tab only and could not be saved. Keep the file, and import it in a browser profile with fewer records, or remove old records here first." }</p>
                                    </div>
                                }
                                if !p.deletes.is_empty() {
                                    <DeletionList deletes={p.deletes.clone()} keep={(*keep).clone()} onchange={on_keep.clone()} />
                                }
                                if !p.duplicates.is_empty() {
                                    <fieldset class="field" id="import-duplicates">
                                        <legend><strong>{ format!("This file holds {} credential{} you already have under another record.", p.duplicates.len(), if p.duplicates.len() == 1 { "" } else { "s" }) }</strong></legend>
                                        <p class="small">{ "Same catalog board and cycle, or same name and license number — probably added on another device. Merged, they become one credential (the later edit wins)." }</p>
                                        { for p.duplicates.iter().map(|(theirs, _, name)| {
                                            let field = format!("dup-{theirs}");
                                            html! {
                                                <label class="check" for={field.clone()}>
                                                    <input type="checkbox" id={field} checked={!separate.contains(theirs)} onchange={on_separate(*theirs)} />
                                                    <span>{ format!("Merge “{name}” with the one here") }</span>
                                                </label>
                                            }
                                        }) }
                                    </fieldset>
                                }
                                <div class="banner__actions">
                                    <button type="button" class="btn btn--primary" onclick={on_merge}>{ "Merge" }</button>
                                    <button type="button" class="btn" onclick={on_cancel}>{ "Cancel" }</button>
                                </div>
                                <p class="small">{ "Merge adds new records, keeps the newer version of records that are in both, and deletes only the records ticked above." }</p>
                                <details>
                                    <summary>{ "Replace everything instead" }</summary>
                                    <p>{ "Replace deletes every record here that you see now and keeps only the backup's (anything added here or in another tab after the file was read is kept). Download a backup of the current data first." }</p>
                                    if let Some(units) = p.replace_too_large {
                                        <p class="field__error" role="alert">{ format!("The backup's records alone take {}: they could not be saved here.", crate::storage::format::too_large_words(units)) }</p>
                                    }
                                    <p><button type="button" class="btn" onclick={on_download}>{ "Download current data first" }</button></p>
                                    <label class="check" for="confirm-replace">
                                        <input type="checkbox" id="confirm-replace" checked={*confirm_replace} onchange={on_confirm} />
                                        <span>{ "I understand that every current record will be replaced" }</span>
                                    </label>
                                    <p><button type="button" class="btn btn--danger" disabled={!*confirm_replace} onclick={on_replace}>{ "Replace everything" }</button></p>
                                </details>
                            </div>
                        }},
                    } }
                </div>
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DeletionListProps {
    deletes: Vec<(RecordKind, uuid::Uuid, String)>,
    keep: Vec<uuid::Uuid>,
    onchange: Callback<(uuid::Uuid, bool)>,
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
