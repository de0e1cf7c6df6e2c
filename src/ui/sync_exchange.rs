//! One exchange with her other devices — by hand, through the folder, or face to face: this
//! device's sync record read, the worker asked (`worker::sync`), and its answer settled — the
//! certificate files it brought stored, the sync record kept, then the records adopted. The
//! whole exchange holds a cross-tab lock, so that two tabs (or a tab's folder sync and its
//! Devices page) never exchange at once: each would keep its own sync record and the last would
//! win.

use std::rc::Rc;

use uuid::Uuid;
use wasm_bindgen::JsValue;

use crate::storage::browser::peer::{self, Link};
use crate::storage::browser::{files, locks, sync_folder};
use crate::storage::change::Change;
use crate::storage::AppData;
use crate::ui::locale;
use crate::ui::state::{Action, AppContext};
use crate::ui::worker_client::ask;
use crate::worker::protocol::{from_stored, to_stored, Request, Response};
use crate::worker::sync::SyncView;

/// Where this device's sync record is kept (the certificates' store).
const STATE_KEY: &str = "sync-state";
/// The cross-tab lock an exchange holds.
const LOCK: &str = "cme-tracker:sync";

/// What an exchange gave, for the page to show.
#[derive(Default)]
pub struct Settled {
    pub view: Option<SyncView>,
    pub message: Option<String>,
    pub refused: Vec<String>,
    /// This device's sync file, `(name, text)`, when one was made.
    pub written: Option<(String, String)>,
    /// The records as the exchange left them: those adopted, or those it was made from.
    pub records: Option<Rc<AppData>>,
}

/// Runs one exchange: `request` is made from this device's sync record as kept now (read under
/// the lock, so an exchange in another tab is never undone), and its answer settled.
pub async fn run(
    app: AppContext,
    request: impl FnOnce(Option<String>) -> Request + 'static,
) -> Result<Settled, String> {
    locks::holding(LOCK, async move {
        let state = kept_state().await?;
        let seen = app.data.clone();
        let response = ask(request(state)).await;
        settle(&app, response, seen).await
    })
    .await
}

/// This device as an exchange starts: its sync record as kept, the name to give it (`name` when
/// she gave one; a device not yet in a set and not named is named as the Devices page would name
/// it; else none, keeping its own), and the certificate files held here.
async fn this_device(name: Option<String>) -> Result<(Option<String>, String, Vec<Uuid>), String> {
    let state = kept_state().await?;
    let name = match name {
        Some(name) => name,
        None if state.is_none() => default_name(),
        None => String::new(),
    };
    let have: Vec<Uuid> = files::kept_ids()
        .await
        .map(|ids| ids.into_iter().collect())
        .unwrap_or_default();
    Ok((state, name, have))
}

async fn kept_state() -> Result<Option<String>, String> {
    files::get_value(STATE_KEY)
        .await
        .map(|v| v.and_then(|v| v.as_string()))
        .map_err(|e| format!("This device's sync record could not be read ({}).", e.0))
}

/// Keeps the sync record first, having stored the certificate files that came; only then are
/// records adopted, so that the record always knows what this device has sent and merged, and a
/// record never names a file that failed to be kept.
async fn settle(
    app: &AppContext,
    response: Response,
    seen: Rc<AppData>,
) -> Result<Settled, String> {
    let state = match &response {
        Response::SyncStatus { state, .. } | Response::SyncWritten { state, .. } => state.clone(),
        Response::Synced(s) => s.state.clone(),
        _ => return Err(failure(response)),
    };
    if let Response::Synced(s) = &response {
        if !s.files.is_empty() {
            let result = from_stored(&s.stored).map_err(|e| e.to_string())?;
            crate::ui::worker_client::store_imported_files(&result, &s.files)
                .await
                .map_err(|m| format!("{m} Nothing was merged."))?;
        }
    }
    keep_state(&state).await?;
    let (view, settled) = match response {
        Response::SyncStatus { view, .. } => (*view, Settled::default()),
        Response::SyncWritten {
            file_name,
            text,
            view,
            ..
        } => (
            *view,
            Settled {
                written: Some((file_name, text)),
                ..Settled::default()
            },
        ),
        Response::Synced(s) => {
            let crate::worker::sync::Synced {
                stored,
                message,
                refused,
                view,
                written,
                ..
            } = *s;
            let mut records = seen.clone();
            if !message.is_empty() {
                let result = from_stored(&stored).map_err(|e| {
                    format!("The merged records could not be read back ({e}); nothing was changed.")
                })?;
                records = Rc::new(result.clone());
                // The page says what each file brought; the notice says it is done.
                let done = "Records on this device updated (Your devices).".to_string();
                app.dispatch(Action::Change(Change::Import {
                    seen,
                    result,
                    message: done,
                }));
            }
            (
                view,
                Settled {
                    message: Some(message).filter(|m| !m.is_empty()),
                    refused,
                    written,
                    records: Some(records),
                    ..Settled::default()
                },
            )
        }
        _ => unreachable!("answered above"),
    };
    crate::storage::browser::sync_note::set_reviews_waiting(view.reviews.len());
    Ok(Settled {
        view: Some(view),
        ..settled
    })
}

/// A name for this device until she gives one, from what the browser says it runs on.
pub fn default_name() -> String {
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let name = if agent.contains("iPhone") {
        "iPhone"
    } else if agent.contains("iPad") {
        "iPad"
    } else if agent.contains("Android") {
        "Android phone"
    } else if agent.contains("Mac") {
        "Mac"
    } else if agent.contains("Windows") {
        "Windows computer"
    } else {
        "Computer"
    };
    name.into()
}

/// What starts an exchange through the folder.
#[derive(Debug, Clone, Default)]
pub struct FolderLook {
    /// From a click: the browser's permission may be asked for, and every file is read again.
    pub ask: bool,
    /// The name she gave this device, when given.
    pub name: Option<String>,
    /// Nothing changed here since the last exchange (she came back to the tab): when no file in
    /// the folder changed either, there is nothing to merge or write, and the worker is not asked.
    pub unchanged: bool,
}

/// One exchange through the folder she chose (`storage::browser::sync_folder`): the other
/// devices' files changed since the last look merged, and this device's file written into the
/// folder when it says something new. Returns the folder's status, kept, and the records as the
/// exchange left them.
pub async fn through_folder(
    app: AppContext,
    look: FolderLook,
) -> (sync_folder::Status, Option<Rc<AppData>>) {
    let sent = app.data.clone();
    let mut status = sync_folder::status();
    // A click reads every file again (a passphrase given since, a file refused before).
    let read = if look.ask {
        Default::default()
    } else {
        status.read.clone()
    };
    let mut records = None;
    match locks::holding(LOCK, folder_exchange(app, look, read, status.own.clone())).await {
        Ok(None) => return (sync_folder::Status::default(), None),
        Ok(Some((read, settled))) => {
            records = Some(settled.records.clone().unwrap_or(sent));
            let mut said = settled
                .message
                .unwrap_or_else(|| "Nothing new from your other devices.".into());
            if let Some((name, _)) = &settled.written {
                said.push_str(" This device's file was written into the folder.");
                status.own = Some(name.clone());
            }
            status.read = read;
            status.last_synced = Some(locale::now());
            status.said = Some(said);
            status.refused = settled.refused;
            status.problem = None;
        }
        Err(problem) => status.problem = Some(problem),
    }
    sync_folder::set_status(&status);
    (status, records)
}

/// [`through_folder`]'s exchange, under the lock: `Ok(None)` when no folder is chosen, else
/// what is now in the folder (to keep as read) and what the exchange gave.
async fn folder_exchange(
    app: AppContext,
    look: FolderLook,
    read: std::collections::BTreeMap<String, (f64, f64)>,
    own: Option<String>,
) -> Result<Option<(std::collections::BTreeMap<String, (f64, f64)>, Settled)>, String> {
    let Some(folder) = sync_folder::open(look.ask).await? else {
        return Ok(None);
    };
    let (texts, now_in_folder) = folder.changed(&read, own.as_deref()).await?;
    if look.unchanged && texts.is_empty() {
        return Ok(Some((now_in_folder, Settled::default())));
    }
    let (state, name, have) = this_device(look.name).await?;
    let seen = app.data.clone();
    let request = |given: Vec<(Uuid, String)>| Request::SyncExchange {
        current: to_stored(&seen),
        state: state.clone(),
        name: name.clone(),
        files: texts.clone(),
        now: locale::now(),
        passphrase: folder.passphrase.clone(),
        have: have.clone(),
        given,
    };
    let mut response = ask(request(Vec::new())).await;
    // Another device lacks certificate files held here: read them, and exchange again (what
    // was merged is merged again, adding nothing).
    let wanted = match &response {
        Response::Synced(s) => s.wanted.clone(),
        _ => Vec::new(),
    };
    if !wanted.is_empty() {
        let (given, _missing) =
            crate::ui::worker_client::certificate_files(&seen.activities, &wanted).await?;
        response = ask(request(given)).await;
    }
    // The file first: if it cannot be written, nothing is kept, and the next exchange does it
    // all again (merging is idempotent).
    if let Response::Synced(s) = &response {
        if let Some((name, text)) = &s.written {
            folder.write(name, text).await?;
        }
    }
    let settled = settle(&app, response, seen).await?;
    Ok(Some((now_in_folder, settled)))
}

/// Face to face, once the channel to the other device is open: each says what it has, each sends
/// the other only what it lacks, and each merges what came, under the cross-tab lock. What
/// arrives is merged only whole: a connection dropped before the last byte changes nothing here.
/// `name`, the name she gave this device, when given.
pub async fn face_to_face(
    app: AppContext,
    link: Rc<Link>,
    name: Option<String>,
) -> Result<Settled, String> {
    locks::holding(LOCK, async move {
        let result = meet(&app, &link, name).await;
        if let Err(why) = &result {
            peer::stop(&link, why);
        }
        result
    })
    .await
}

async fn meet(app: &AppContext, link: &Link, name: Option<String>) -> Result<Settled, String> {
    use crate::storage::sync::file::Hello;
    let (state, name, have) = this_device(name).await?;
    let seen = app.data.clone();
    let current = to_stored(&seen);
    let (state, mine) = match ask(Request::SyncHello {
        state,
        name: name.clone(),
        have: have.clone(),
    })
    .await
    {
        Response::SyncHello { state, hello } => (state, *hello),
        other => return Err(failure(other)),
    };
    keep_state(&state).await?;
    link.send_text(&crate::json::to_text(&mine).map_err(|e| e.to_string())?)?;
    let said = link.receive_text(30_000).await?;
    let theirs: Hello = crate::json::from_text(&said).map_err(|_| peer::other_side(&said))?;
    // The certificate files it lacks, read here only if there are any.
    let lacked: Vec<Uuid> = have
        .iter()
        .filter(|id| !theirs.have.contains(id))
        .copied()
        .collect();
    let given = if lacked.is_empty() {
        Vec::new()
    } else {
        crate::ui::worker_client::certificate_files(&seen.activities, &lacked)
            .await?
            .0
    };
    let (state, text) = match ask(Request::SyncWriteFor {
        current: current.clone(),
        state: Some(state),
        name,
        mine,
        theirs: theirs.clone(),
        files: given,
        now: locale::now(),
    })
    .await
    {
        Response::SyncWritten { state, text, .. } => (state, text),
        other => return Err(failure(other)),
    };
    keep_state(&state).await?;
    link.send_file(&text).await?;
    let came = link.receive_file(120_000).await?;
    let response = ask(Request::SyncMerge {
        current,
        state: Some(state),
        name: String::new(),
        files: vec![(theirs.device_name.clone(), came)],
        now: locale::now(),
        passphrase: None,
        have,
    })
    .await;
    let settled = settle(app, response, seen).await?;
    // Each waits for the other to have merged too before the channel closes.
    let _ = link.send_text("{\"done\":true}");
    let _ = link.receive_text(10_000).await;
    Ok(settled)
}

/// Keeps this device's sync record (IndexedDB, beside the certificates).
async fn keep_state(state: &str) -> Result<(), String> {
    files::put_value(STATE_KEY, &JsValue::from_str(state))
        .await
        .map_err(|e| {
            format!(
                "This device's sync record could not be kept ({}); nothing was changed.",
                e.0
            )
        })
}

/// What she is told when the worker did not answer with an exchange.
fn failure(response: Response) -> String {
    match response {
        Response::Failed { message } => message,
        Response::Stopped { .. } => crate::worker::protocol::stopped_message(),
        _ => "The answer was not understood; nothing was changed.".into(),
    }
}
