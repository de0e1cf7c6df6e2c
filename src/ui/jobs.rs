//! The page's side of the worker (`src/worker.rs`): spawned on first use from its loader script,
//! then shared; each user of it (the Backup page, the start banner, the backup buttons) gets its
//! own connection, so each hears only its own answers.

use std::cell::RefCell;

use gloo_worker::{Spawnable, WorkerBridge};

use chrono::Utc;

use crate::storage::jobs::{to_stored, Request, Response};
use crate::storage::{backup, browser};
use crate::ui::format;
use crate::ui::state::{Action, AppContext};
use crate::worker::{Jobs, Json};

/// Trunk's loader shim for the worker (`data-loader-shim`): a same-origin script, so the page's
/// `worker-src 'self'` policy holds (gloo's own loader would be a blob: URL).
const LOADER: &str = "./cme-worker_loader.js";

thread_local! {
    static WORKER: RefCell<Option<WorkerBridge<Jobs>>> = const { RefCell::new(None) };
}

/// A connection to the worker whose answers go to `on_response`. Keep it while answers are
/// expected: dropping it ends the connection.
pub fn connect(on_response: impl Fn(Response) + 'static) -> WorkerBridge<Jobs> {
    // Answers are handled in a task of their own: gloo holds its table of connections while it
    // calls back, and a handler that opened a new connection there would find it borrowed.
    let on_response = std::rc::Rc::new(on_response);
    let deliver = move |r: Response| {
        let on_response = on_response.clone();
        wasm_bindgen_futures::spawn_local(async move { on_response(r) });
    };
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let base =
            w.get_or_insert_with(|| Jobs::spawner().encoding::<Json>().spawn_with_loader(LOADER));
        base.fork(Some(deliver))
    })
}

/// Sends one request on a connection of its own, kept until the worker answers with something
/// other than progress.
pub fn request(req: Request, on_response: impl Fn(Response) + 'static) {
    let keep: std::rc::Rc<RefCell<Option<WorkerBridge<Jobs>>>> = Default::default();
    let held = keep.clone();
    let bridge = connect(move |r| {
        let done = !matches!(r, Response::Progress { .. });
        on_response(r);
        if done {
            held.borrow_mut().take();
        }
    });
    bridge.send(req);
    *keep.borrow_mut() = Some(bridge);
}

/// Asks the worker for a backup file of `app`'s records and offers it as a download.
pub fn download_backup(app: &AppContext) {
    let app = app.clone();
    request(
        Request::Export {
            current: to_stored(&app.data),
            app_version: env!("CARGO_PKG_VERSION").into(),
            now: Utc::now(),
        },
        move |r| {
            if let Response::Exported { text } = r {
                if browser::download(
                    &backup::file_name(format::today()),
                    "application/json",
                    &text,
                )
                .is_ok()
                {
                    app.dispatch(Action::BackupDownloaded(Utc::now()));
                }
            }
        },
    );
}
