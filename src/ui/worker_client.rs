//! The page's side of the worker (`src/worker/`): spawned on first use from its loader script,
//! then shared; each user of it (the Backup page, the start banner, the backup buttons) gets its
//! own connection, so each hears only its own answers.

use crate::storage::change::Change;
use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};

use chrono::Utc;

use crate::storage::{backup, browser};
use crate::ui::locale;
use crate::ui::state::{Action, AppContext};
use crate::worker::protocol::{to_stored, Request, Response};
use crate::worker::{Jobs, Json};

/// Trunk's loader shim for the worker (`data-loader-shim`): a same-origin script, so the page's
/// `worker-src 'self'` policy holds (gloo's own loader would be a blob: URL). Its name carries
/// the hash of the worker's files, written into this page's index.html after the build
/// (scripts/worker-files.mjs): a tab keeps using its own build's worker after an update.
fn loader() -> String {
    gloo::utils::document()
        .query_selector("meta[name=\"cme-worker-loader\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "./cme-worker_loader.js".into())
}

/// The page's worker, and how many workers it has left behind: a connection made to an earlier
/// one goes to a closed worker, and is opened again ([`kept`]).
#[derive(Default)]
struct Shared {
    worker: Option<WorkerBridge<Jobs>>,
    generation: u32,
}

thread_local! {
    static WORKER: RefCell<Shared> = RefCell::default();
}

/// Leaves the current worker to finish (or fail) alone: every later request, kept connections'
/// included, goes to a new one. For a worker that stopped, and for a long job she cancelled (a
/// passphrase with many iterations, a large file): gloo-worker cannot stop a worker mid-job, so
/// the old one ends itself when its job is done and its last connection is gone.
pub fn start_afresh() {
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        w.worker = None;
        w.generation += 1;
    });
}

/// A page's connection kept across its requests (the worker keeps a checked file between
/// them), with the worker's generation when it was made.
pub type Kept = Option<(WorkerBridge<Jobs>, u32)>;

/// The kept connection, opened with `open` when there is none or its worker was left since.
pub fn kept(slot: &mut Kept, open: impl FnOnce() -> WorkerBridge<Jobs>) -> &WorkerBridge<Jobs> {
    let now = WORKER.with(|w| w.borrow().generation);
    if slot.as_ref().is_none_or(|(_, at)| *at != now) {
        *slot = Some((open(), now));
    }
    &slot.as_ref().expect("set above").0
}

/// A connection to the worker whose answers go to `on_response`. Keep it while answers are
/// expected: dropping it ends the connection.
pub fn connect(on_response: impl Fn(Response) + 'static) -> WorkerBridge<Jobs> {
    // Answers are handled in a task of their own: gloo holds its table of connections while it
    // calls back, and a handler that opened a new connection there would find it borrowed.
    let on_response = std::rc::Rc::new(on_response);
    let deliver = move |r: Response| {
        let on_response = on_response.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let r = match r {
                // The worker closed: the next request starts a new one.
                Response::Stopped { detail } => {
                    web_sys::console::warn_1(&format!("The worker stopped: {detail}").into());
                    start_afresh();
                    Response::Failed {
                        message: crate::worker::protocol::stopped_message(),
                    }
                }
                r => r,
            };
            on_response(r)
        });
    };
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let base = w.worker.get_or_insert_with(|| {
            Jobs::spawner()
                .encoding::<Json>()
                .spawn_with_loader(&loader())
        });
        base.fork(Some(deliver))
    })
}

/// A page's connection to the worker, kept across its requests (the worker keeps a checked
/// file between them) and opened on the first. Answers go to the handler of the page's latest
/// render, so they always meet the page as it is now.
#[derive(Clone)]
pub struct PageWorker {
    slot: Rc<RefCell<Kept>>,
    on_response: Rc<RefCell<Handler>>,
}

/// What a page does with an answer.
type Handler = Rc<dyn Fn(Response)>;

impl PageWorker {
    pub fn send(&self, req: Request) {
        let mut slot = self.slot.borrow_mut();
        let handler = self.on_response.clone();
        let bridge = kept(&mut slot, || {
            connect(move |r| {
                // Taken out before the call: the answer may draw the page again at once.
                let on_response = handler.borrow().clone();
                on_response(r)
            })
        });
        bridge.send(req);
    }

    /// Stops listening (she cancelled a long check): its answer is no longer wanted, and the
    /// next request goes to a new worker rather than waiting behind this one.
    pub fn stop(&self) {
        self.slot.borrow_mut().take();
        start_afresh();
    }
}

/// The page's connection to the worker, answering through `on_response`.
#[yew::hook]
pub fn use_worker(on_response: impl Fn(Response) + 'static) -> PageWorker {
    let slot = yew::use_mut_ref(|| None);
    let handler = yew::use_mut_ref(|| Rc::new(|_: Response| {}) as Handler);
    *handler.borrow_mut() = Rc::new(on_response);
    PageWorker {
        slot,
        on_response: handler,
    }
}

/// Sends one request on a connection of its own, kept until the worker answers with something
/// other than progress or a step. The connection, and the reading and writing of the messages, are in a
/// module loaded on the first request ([`super::lazy::WORKER`]); if it cannot be loaded,
/// `on_response` hears a failure that says so.
pub fn request(req: Request, on_response: impl Fn(Response) + 'static) {
    let on_response: Box<dyn Fn(Response)> = Box::new(on_response);
    wasm_bindgen_futures::spawn_local(async move {
        match super::lazy::get(&super::lazy::WORKER).await {
            Ok(side) => (side.request)(req, on_response),
            Err(super::lazy::LoadFailed) => on_response(Response::Failed {
                message: not_fetched(),
            }),
        }
    });
}

/// The worker's answer to `request` (progress passed over).
pub async fn ask(req: Request) -> Response {
    let slot: Rc<RefCell<Option<Response>>> = Rc::default();
    let resolver: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        *resolver.borrow_mut() = Some(resolve);
    });
    let put = slot.clone();
    request(req, move |r| {
        if matches!(r, Response::Progress { .. } | Response::Step { .. }) {
            return;
        }
        *put.borrow_mut() = Some(r);
        if let Some(resolve) = resolver.borrow_mut().take() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let answer = slot.borrow_mut().take();
    answer.unwrap_or_else(|| Response::Failed {
        message: "This could not be done; nothing was changed.".into(),
    })
}

fn not_fetched() -> String {
    format!(
        "Part of CME Tracker that this needs could not be fetched. {}",
        super::lazy::SAFE_TRY_AGAIN
    )
}

/// The page's side of the worker, in the module loaded on the first request (the `worker` split
/// point in `src/main.rs` names it; nothing else in the first module does).
#[derive(Clone, Copy)]
pub struct WorkerSide {
    pub request: SendRequest,
    pub write_backup: WriteBackup,
    pub sync_folder: SyncFolder,
}

/// [`sync_folder`] once the module that holds this is loaded.
pub type SyncFolder = fn(AppContext, super::sync_exchange::FolderLook, FolderDone);

/// Hears the folder's status after an exchange, and the records as the exchange left them.
pub type FolderDone =
    Box<dyn Fn(crate::storage::browser::sync_folder::Status, Option<Rc<crate::storage::AppData>>)>;

/// One exchange through the sync folder (`super::sync_exchange::through_folder`); `done` hears
/// the folder's status after it. Its work is in the worker's module, so the first download does
/// not carry it for an exchange that runs only once a folder is chosen.
pub fn sync_folder(app: AppContext, look: super::sync_exchange::FolderLook, done: FolderDone) {
    wasm_bindgen_futures::spawn_local(async move {
        match super::lazy::get(&super::lazy::WORKER).await {
            Ok(side) => (side.sync_folder)(app, look, done),
            Err(super::lazy::LoadFailed) => done(
                crate::storage::browser::sync_folder::Status {
                    problem: Some(not_fetched()),
                    ..crate::storage::browser::sync_folder::status()
                },
                None,
            ),
        }
    });
}

/// [`sync_folder`]'s work, in the module loaded on first use.
pub fn sync_folder_now(app: AppContext, look: super::sync_exchange::FolderLook, done: FolderDone) {
    wasm_bindgen_futures::spawn_local(async move {
        let (status, records) = super::sync_exchange::through_folder(app, look).await;
        done(status, records)
    });
}

/// [`request`] once the module that holds this is loaded.
pub type SendRequest = fn(Request, Box<dyn Fn(Response)>);

/// [`write_backup`] once the module that holds this is loaded.
pub type WriteBackup = fn(Request, bool, Box<dyn Fn(Result<bool, String>)>);

/// Has the worker write a backup (`req` is an export) and writes it to the automatic backup's
/// file; `done` hears `storage::browser::backup_file::write`'s answer, or that the module could not be
/// fetched. The file's handle lives in IndexedDB: its reader is in the worker's module too, so the
/// first download does not carry it for a backup that runs only after a change.
pub fn write_backup(req: Request, ask: bool, done: impl Fn(Result<bool, String>) + 'static) {
    let done: Box<dyn Fn(Result<bool, String>)> = Box::new(done);
    wasm_bindgen_futures::spawn_local(async move {
        match super::lazy::get(&super::lazy::WORKER).await {
            Ok(side) => (side.write_backup)(req, ask, done),
            Err(super::lazy::LoadFailed) => done(Err(not_fetched())),
        }
    });
}

/// [`write_backup`]'s work, in the module loaded on first use.
pub fn write_backup_now(req: Request, ask: bool, done: Box<dyn Fn(Result<bool, String>)>) {
    let done = std::rc::Rc::new(done);
    request_now(
        req,
        Box::new(move |r| {
            if let Response::Exported { text } = r {
                let done = done.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    done(crate::storage::browser::backup_file::write(&text, ask).await)
                });
            }
        }),
    );
}

/// [`request`]'s work, in the module loaded on first use: named only by the split point in
/// `src/main.rs`.
pub fn request_now(req: Request, on_response: Box<dyn Fn(Response)>) {
    let keep: std::rc::Rc<RefCell<Option<WorkerBridge<Jobs>>>> = Default::default();
    let held = keep.clone();
    let bridge = connect(move |r| {
        let done = !matches!(r, Response::Progress { .. } | Response::Step { .. });
        on_response(r);
        if done {
            held.borrow_mut().take();
        }
    });
    bridge.send(req);
    *keep.borrow_mut() = Some(bridge);
}

/// Asks the worker for a backup file of `app`'s records (no certificates) and offers it as a
/// download.
pub fn download_backup(app: &AppContext) {
    download_backup_with(app, None, None, |_| {});
}

/// The certificate files of a backup "with certificates", in the parts its files will carry
/// (`storage::backup::parts`): the ones on this device, by the sizes their records give.
pub fn backup_parts(app: &AppContext) -> Vec<Vec<uuid::Uuid>> {
    let files: Vec<(uuid::Uuid, u64)> = app
        .data
        .activities
        .iter()
        .flat_map(|a| a.certificates.iter())
        .filter(|c| !app.missing_files.contains(&c.id))
        .map(|c| (c.id, c.size))
        .collect();
    backup::parts(&files, backup::PART_FILE_BYTES)
}

/// [`download_backup`], optionally with certificate files (`certificates`: the ids this file
/// carries, and which file of the backup it is) and encrypted with a passphrase; `on_done` hears
/// `None` once the file is offered, else what went wrong.
pub fn download_backup_with(
    app: &AppContext,
    certificates: Option<(Vec<uuid::Uuid>, backup::Part)>,
    passphrase: Option<String>,
    on_done: impl Fn(Option<String>) + 'static,
) {
    let app = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let part = certificates.as_ref().map(|(_, p)| *p);
        let (files, missing) = match &certificates {
            // The plan left out the files already known to be gone (`backup_parts`); any found
            // gone while reading are counted with them.
            Some((ids, _)) => match certificate_files(&app.data.activities, ids).await {
                Ok((files, gone)) => (files, gone + app.missing_files.len()),
                Err(m) => return on_done(Some(m)),
            },
            None => (Vec::new(), 0),
        };
        let held = files.len();
        let mut name = match part {
            Some(p) => backup::part_file_name(locale::today(), p),
            None => backup::file_name(locale::today()),
        };
        if passphrase.is_some() {
            // Says what it is before it is opened: "….encrypted.json".
            name = name.replace(".json", ".encrypted.json");
        }
        request(
            Request::Export {
                current: to_stored(&app.data),
                app_version: env!("CARGO_PKG_VERSION").into(),
                now: Utc::now(),
                files,
                passphrase,
                part,
            },
            move |r| match r {
                Response::Exported { text } => {
                    match browser::download(&name, "application/json", &text) {
                        Ok(()) => {
                            app.dispatch(Action::Change(Change::BackupDownloaded(Utc::now())));
                            // The backup says what it holds, and what it could not.
                            if missing > 0 {
                                app.dispatch(Action::Notify(format!(
                                    "Backup downloaded with {held} certificate file{}; {missing} listed in your records {} not on this device, so {} not in it.",
                                    if held == 1 { "" } else { "s" },
                                    if missing == 1 { "is" } else { "are" },
                                    if missing == 1 { "it is" } else { "they are" },
                                )));
                            }
                            on_done(None);
                        }
                        Err(m) => on_done(Some(m)),
                    }
                }
                Response::Failed { message } => on_done(Some(message)),
                _ => {}
            },
        );
    });
}

/// Asks the worker for the activities as CSV (or the template) and offers it as a download.
pub fn download_csv(app: &AppContext, file: crate::worker::protocol::CsvFile) {
    use crate::worker::protocol::CsvFile;
    let name = match file {
        CsvFile::Template => "cme-activities-template.csv".to_string(),
        CsvFile::Records => format!("cme-activities-{}.csv", locale::today()),
        CsvFile::ForPeople => format!("cme-activities-{}-spreadsheet.csv", locale::today()),
    };
    request(
        Request::ExportCsv {
            current: to_stored(&app.data),
            file,
        },
        move |r| {
            if let Response::Exported { text } = r {
                // A byte-order mark, so Excel reads the file as UTF-8 (accents, "™").
                let _ =
                    browser::download(&name, "text/csv;charset=utf-8", &format!("\u{feff}{text}"));
            }
        },
    );
}

/// The bytes of the certificates `activities` name whose ids are in `only` (all when empty),
/// `(id, base64)`, as kept in this browser, and how many of them are not here: a backup keeps
/// such a record alone, a packet's README lists it.
pub async fn certificate_files<A: std::borrow::Borrow<crate::domain::model::activity::Activity>>(
    activities: &[A],
    only: &[uuid::Uuid],
) -> Result<(Vec<(uuid::Uuid, String)>, usize), String> {
    use base64::Engine;
    let only: crate::domain::model::ids::IdSet = only.iter().copied().collect();
    let mut files = Vec::new();
    let mut missing = 0;
    for c in activities
        .iter()
        .flat_map(|a| a.borrow().certificates.iter())
        .filter(|c| only.is_empty() || only.contains(&c.id))
    {
        match crate::storage::browser::files::get(c.id)
            .await
            .map_err(|e| e.0)?
        {
            Some(blob) => {
                let b = crate::storage::browser::files::bytes(&blob)
                    .await
                    .map_err(|e| e.0)?;
                files.push((c.id, base64::engine::general_purpose::STANDARD.encode(b)));
            }
            None => missing += 1,
        }
    }
    Ok((files, missing))
}

/// Offers a file the worker made (base64) as a download.
fn download_file(name: &str, mime: &str, data: &str) -> Result<(), String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.as_bytes())
        .map_err(|_| "The file could not be prepared.".to_string())?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| "The file could not be prepared.".to_string())?;
    browser::download_blob(name, &blob)
}

/// Asks the worker for the audit packet of `report` (a ZIP with the certificates of the
/// activities that counted) and offers it as a download; `on_done` hears `None` when it was
/// offered, else what went wrong.
pub fn download_packet(
    app: &AppContext,
    report: crate::domain::formats::report::AuditReport,
    on_done: impl Fn(Option<String>) + 'static,
) {
    let counted_ids: std::collections::HashSet<uuid::Uuid> = report
        .rules
        .iter()
        .flat_map(|r| r.counted_by.iter().map(|c| c.activity_id))
        .collect();
    let mut counted: Vec<crate::domain::model::activity::Activity> = app
        .data
        .activities
        .iter()
        .filter(|a| counted_ids.contains(&a.id))
        .map(|a| (**a).clone())
        .collect();
    crate::domain::model::sort::sort_by(&mut counted, |a, b| {
        a.end.cmp(&b.end).then_with(|| a.title.cmp(&b.title))
    });
    wasm_bindgen_futures::spawn_local(async move {
        // The packet's README names each certificate whose file is not on this device.
        let files = match certificate_files(&counted, &[]).await {
            Ok((f, _missing)) => f,
            Err(m) => return on_done(Some(m)),
        };
        request(
            Request::AuditPacket {
                report: Box::new(report),
                counted,
                files,
                today: locale::today(),
            },
            move |r| match r {
                Response::File { name, data } => {
                    on_done(download_file(&name, "application/zip", &data).err())
                }
                Response::Failed { message } => on_done(Some(message)),
                _ => {}
            },
        );
    });
}

/// Asks the worker for the deadlines as a calendar file and offers it as a download.
pub fn download_calendar(app: &AppContext) {
    request(
        Request::Calendar {
            current: to_stored(&app.data),
            today: locale::today(),
            now: Utc::now(),
        },
        |r| {
            if let Response::Exported { text } = r {
                let _ =
                    browser::download("cme-deadlines.ics", "text/calendar;charset=utf-8", &text);
            }
        },
    );
}

/// Stores the certificate files an import brought (`(id, base64)`), each with its record's media
/// type. All or nothing: on a failure the files stored so far are removed again, and the message
/// says why.
pub async fn store_imported_files(
    data: &crate::storage::AppData,
    files: &[(uuid::Uuid, String)],
) -> Result<(), String> {
    use base64::Engine;
    let mut stored = Vec::new();
    for (id, b64) in files {
        let mime = data
            .activities
            .iter()
            .flat_map(|a| a.certificates.iter())
            .find(|c| c.id == *id)
            .map_or("application/octet-stream".to_string(), |c| c.mime.clone());
        // A file already here under its id is the same file (ids name bytes, checked by their
        // SHA-256): it is not written again, and a rollback below must never remove it.
        if matches!(crate::storage::browser::files::get(*id).await, Ok(Some(_))) {
            continue;
        }
        let result = async {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(b64.as_bytes())
                .map_err(|_| "A certificate in the backup could not be read.".to_string())?;
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            let parts = js_sys::Array::of1(&array);
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type(&mime);
            let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
                .map_err(|_| "A certificate in the backup could not be prepared.".to_string())?;
            crate::storage::browser::files::put(*id, &blob)
                .await
                .map_err(|e| e.0)
        }
        .await;
        match result {
            Ok(()) => stored.push(*id),
            Err(m) => {
                for id in stored {
                    let _ = crate::storage::browser::files::delete(id).await;
                }
                return Err(format!("{m} Nothing was imported."));
            }
        }
    }
    Ok(())
}
