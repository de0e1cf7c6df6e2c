//! Loads the records at start, saves after every change, and keeps tabs in step.
//!
//! A thin wrapper around the pure save path in `storage::save_path`: this file only decides *when*
//! (after the next paint, at once when the page is left, after another tab's save), takes the
//! cross-tab lock, and shows the outcome. What is read, merged and written is decided there.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Utc;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::storage::browser::{self, BrowserStore};
use crate::storage::save_path::{Heard, Saved, Session, Start};
use crate::storage::AppData;
use crate::ui::kept::Keeper;
use crate::ui::locale as fmt;
use crate::ui::state::{Action, AppContext, AppState, SaveState};

/// Why the app started without the stored records.
#[derive(Clone, PartialEq)]
enum StartNotice {
    /// Stored data was unreadable or broke the contract: set aside under the quarantine keys.
    Quarantined {
        message: String,
        raw: Rc<Vec<(String, String)>>,
    },
    /// Written by a newer version: left untouched; this tab does not save.
    ReadOnly(String),
}

fn initial() -> (AppState, Option<StartNotice>, Session) {
    let timing = crate::ui::timing::Timing::start("cme:load");
    let (mut session, start) = Session::start(&BrowserStore);
    drop(timing);
    if let Err(u) = browser::probe() {
        return (
            AppState::new(AppData::default(), SaveState::Unavailable(u.0)),
            None,
            session,
        );
    }
    match start {
        Start::Loaded(data) => (AppState::new(data, SaveState::Saved), None, session),
        // Never move or rewrite what a newer version wrote: show nothing, save nothing.
        Start::TooNew(r) => (
            AppState::new(AppData::default(), SaveState::ReadOnly(r.message())),
            Some(StartNotice::ReadOnly(r.message())),
            session,
        ),
        Start::Corrupt(e) => {
            let message = e.to_string();
            match browser::quarantine() {
                Ok(raw) => {
                    session.after_quarantine();
                    (
                        AppState::new(AppData::default(), SaveState::Saved),
                        Some(StartNotice::Quarantined {
                            message,
                            raw: Rc::new(raw),
                        }),
                        session,
                    )
                }
                // Could not be set aside: do not write over it either.
                Err(_) => (
                    AppState::new(AppData::default(), SaveState::Unavailable(message.clone())),
                    Some(StartNotice::ReadOnly(message)),
                    session,
                ),
            }
        }
    }
}

/// A save scheduled for the next task.
type PendingSave = Option<Box<dyn FnOnce()>>;

/// Runs the waiting save, if any; whichever of its triggers comes first runs it, once. The
/// borrow ends before the save runs.
fn run_pending(pending: &RefCell<PendingSave>) {
    let save = pending.borrow_mut().take();
    if let Some(save) = save {
        save();
        if pending.borrow().is_none() {
            signal(SaveStep::Idle);
        }
    }
}

/// Where the save path stands, said on the page's root element as `data-save`: what the
/// end-to-end tests await (never a number of frames or a time), and nothing a person sees.
#[derive(Clone, Copy)]
enum SaveStep {
    /// Nothing waiting: every change is written (or cannot be: read-only, failed).
    Idle,
    /// A change waits for the page's next frames.
    Waiting,
    /// The save has asked for the cross-tab lock.
    Locking,
}

fn signal(step: SaveStep) {
    let word = match step {
        SaveStep::Idle => "idle",
        SaveStep::Waiting => "waiting",
        SaveStep::Locking => "locking",
    };
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-save", word);
    }
}

/// Activities whose stored text is made ahead per task: about 5 ms at 4x CPU, short enough not
/// to delay a keystroke.
const PRIME_STEP: usize = 500;

/// Makes ahead the stored text of the activities from `from` on, [`PRIME_STEP`] per task, for the
/// records shown at each step (a change meanwhile is primed from where the last step ended).
fn prime_from(
    session: Rc<RefCell<Option<Session>>>,
    current: Rc<RefCell<Rc<AppData>>>,
    from: usize,
) {
    let data = current.borrow().clone();
    let to = (from + PRIME_STEP).min(data.activities.len());
    if from >= to {
        return;
    }
    if let Some(s) = session.borrow_mut().as_mut() {
        s.prime(&data.activities[from..to]);
    }
    gloo::timers::callback::Timeout::new(0, move || prime_from(session, current, to)).forget();
}

#[derive(Properties, PartialEq)]
pub struct DataProviderProps {
    pub children: Children,
}

#[function_component(DataProvider)]
pub fn data_provider(props: &DataProviderProps) -> Html {
    // Loaded once (the hooks' initialisers run on the first render only). The session (known
    // revision, base records) lives outside the reducer: it changes on every save without
    // needing a render.
    let start = use_memo((), |_| RefCell::new(Some(initial())));
    let (state, notice, session) = match start.borrow_mut().take() {
        Some((s, n, session)) => (Some(s), n, Some(session)),
        None => (None, None, None),
    };
    let app = use_reducer_eq(move || {
        state.unwrap_or_else(|| AppState::new(AppData::default(), SaveState::Saved))
    });
    let notice = use_state(move || notice);
    let session: Rc<RefCell<Option<Session>>> = use_mut_ref(move || session);
    // The kept dashboard's link to this tab's saves (`super::kept`).
    let keeper = (*use_memo((), {
        let session = session.clone();
        move |_| Keeper::new(session)
    }))
    .clone();
    // The records as this tab shows them now, for saves and merges that run later than the
    // render that scheduled them (a handle's state is the one of its render).
    let current: Rc<RefCell<Rc<AppData>>> = use_mut_ref(|| app.data.clone());
    *current.borrow_mut() = app.data.clone();

    use_effect_with((), |_| signal(SaveStep::Idle));
    // The save waiting to run: for its task, then for the cross-tab lock (`use_flush_on_leave`).
    let pending: Rc<RefCell<PendingSave>> = use_mut_ref(|| None);
    use_flush_on_leave(pending.clone());
    use_prime(session.clone(), current.clone());
    use_save_after_changes(
        app.clone(),
        session.clone(),
        current.clone(),
        pending,
        keeper.clone(),
    );
    use_other_tabs(app.clone(), session, current);

    html! {
        <ContextProvider<AppContext> context={app.clone()}>
        <ContextProvider<Keeper> context={keeper}>
            <StartBanner notice={(*notice).clone()} ondismiss={{
                let notice = notice.clone();
                Callback::from(move |_| notice.set(None))
            }} />
            <SaveBanner />
            { for props.children.iter() }
        </ContextProvider<Keeper>>
        </ContextProvider<AppContext>>
    }
}

/// The records as this tab shows them now, shared with work that runs after its render.
type Current = Rc<RefCell<Rc<AppData>>>;
/// The save-path session: the revision known and the base records.
type SharedSession = Rc<RefCell<Option<Session>>>;

/// Runs the waiting save at once when the page is left or hidden. It stays pending until it
/// runs, so that leaving the page (reload, close) can run it: the lock is granted in a later
/// task, and an unloading page runs no later task. Likewise when the page is hidden: a phone may
/// freeze or end a page in the background without `pagehide`. Without the lock, because a save
/// that waited for it might never happen; if another tab writes at that very moment, the
/// storage-event merge of the tabs hears this write and keeps both tabs' changes.
#[hook]
fn use_flush_on_leave(pending: Rc<RefCell<PendingSave>>) {
    let pending = pending.clone();
    use_effect_with((), move |_| {
        let flush = move |_: &web_sys::Event| run_pending(&pending);
        let listeners = web_sys::window().map(|w| {
            let document = w.document();
            let on_hidden = {
                let flush = flush.clone();
                let document = document.clone();
                move |e: &web_sys::Event| {
                    if document.as_ref().is_some_and(|d| d.hidden()) {
                        flush(e);
                    }
                }
            };
            (
                EventListener::new(&w, "pagehide", flush.clone()),
                EventListener::new(&w, "beforeunload", flush),
                document.map(|d| EventListener::new(&d, "visibilitychange", on_hidden)),
            )
        });
        move || drop(listeners)
    });
}

/// Every activity's stored text made ahead, a few hundred per task from three seconds after the
/// start (once the dashboard is drawn and the pages' modules fetched ahead): the first save of a
/// visit — most visits make one — then encodes only what it changed.
#[hook]
fn use_prime(session: SharedSession, current: Current) {
    use_effect_with((), move |_| {
        gloo::timers::callback::Timeout::new(3_000, move || prime_from(session, current, 0))
            .forget();
    });
}

/// Saves after every local change, through the save path under the cross-tab lock.
#[hook]
fn use_save_after_changes(
    app: AppContext,
    session: SharedSession,
    current: Current,
    pending: Rc<RefCell<PendingSave>>,
    keeper: Keeper,
) {
    let app = app.clone();
    use_effect_with(app.unsaved_revision, move |rev| {
        let rev = *rev;
        let writable = matches!(app.save, SaveState::Saved | SaveState::Failed(_));
        if rev > 0 && writable {
            // The save path, run under the cross-tab lock. Deferred to a new task so that
            // serialising a long career never delays the paint that shows the change; a newer
            // save replaces one still waiting (it writes the newest records either way).
            let save = move || {
                let _timing = crate::ui::timing::Timing::start("cme:save");
                let ours = current.borrow().clone();
                // Stale once this save is written: gone first, so it never takes space the
                // records need. The dashboard keeps a new one when it is next drawn.
                browser::forget_dashboard();
                let outcome = match session.borrow_mut().as_mut() {
                    Some(s) => s.save(&mut BrowserStore, &ours, Utc::now()),
                    None => return,
                };
                match outcome {
                    Saved::Written { .. } => {
                        if app.save != SaveState::Saved {
                            app.dispatch(Action::SaveResult(SaveState::Saved));
                        }
                        keeper.saved();
                    }
                    Saved::Merged { data, .. } => {
                        *current.borrow_mut() = Rc::new(data.clone());
                        app.dispatch(Action::ExternalChange { seen: ours, data });
                        if app.save != SaveState::Saved {
                            app.dispatch(Action::SaveResult(SaveState::Saved));
                        }
                    }
                    Saved::ReadOnly(r) => {
                        app.dispatch(Action::SaveResult(SaveState::ReadOnly(r.message())))
                    }
                    Saved::Unreadable(message) => {
                        app.dispatch(Action::SaveResult(SaveState::Failed(message)))
                    }
                }
            };
            *pending.borrow_mut() = Some(Box::new(save));
            signal(SaveStep::Waiting);
            // After the second frame, in a task of its own: a timer alone may run before the
            // browser paints. The first frame shows the change, the second the parts of the
            // page drawn after it (`frame::use_painted`), both before a long career's save
            // holds the page (160 ms at 4x CPU with 10,000 activities). Taken from `pending`
            // only once the lock is held; leaving the page first runs it at once (pagehide
            // above).
            crate::ui::frame::after_frames(2, move || {
                signal(SaveStep::Locking);
                browser::with_lock(move || run_pending(&pending))
            });
        }
    });
}

/// Another tab saved: its records are merged with ours (three ways, by record and field); if
/// ours held changes its save lacks, the merged records are saved again so they are not lost.
#[hook]
fn use_other_tabs(app: AppContext, session: SharedSession, current: Current) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "storage", move |e| {
                if !browser::another_tab_saved(e) {
                    return;
                }
                let app = app.clone();
                let session = session.clone();
                let current = current.clone();
                browser::with_lock(move || {
                    let ours = current.borrow().clone();
                    let heard = match session.borrow_mut().as_mut() {
                        Some(s) => s.heard(&BrowserStore, &ours),
                        None => return,
                    };
                    match heard {
                        Heard::Nothing => {}
                        Heard::Changed { data, must_save } => {
                            *current.borrow_mut() = Rc::new(data.clone());
                            app.dispatch(if must_save {
                                Action::MergedFromOtherTab { seen: ours, data }
                            } else {
                                Action::ExternalChange { seen: ours, data }
                            });
                        }
                        Heard::ReadOnly(r) => {
                            app.dispatch(Action::SaveResult(SaveState::ReadOnly(r.message())))
                        }
                    }
                });
            })
        });
        move || drop(listener)
    });
}

#[derive(Properties, PartialEq)]
struct StartBannerProps {
    notice: Option<StartNotice>,
    ondismiss: Callback<()>,
}

#[function_component(StartBanner)]
fn start_banner(props: &StartBannerProps) -> Html {
    let app = crate::ui::state::use_app();
    // Data that did not read is named record by record by the worker (the first download does
    // not carry the naming reader); the list appears a moment after the banner.
    let explained = use_state(Vec::<String>::new);
    {
        let explained = explained.clone();
        let raw = match &props.notice {
            Some(StartNotice::Quarantined { raw, .. }) => Some(raw.clone()),
            _ => None,
        };
        use_effect_with(raw, move |raw| {
            if let Some(raw) = raw {
                crate::ui::worker_client::request(
                    crate::worker::protocol::Request::Explain {
                        stored: (**raw).clone(),
                    },
                    move |r| {
                        if let crate::worker::protocol::Response::Explained { problems } = r {
                            explained.set(problems);
                        }
                    },
                );
            }
        });
    }
    match &props.notice {
        None => html! {},
        // The save banner says it for a newer version (read-only); this one is for records that
        // could not be set aside.
        Some(StartNotice::ReadOnly(_)) if matches!(app.save, SaveState::ReadOnly(_)) => {
            html! {}
        }
        Some(StartNotice::ReadOnly(message)) => html! {
            <div class="banner banner--bad" role="alert">
                <p><strong>{ "Your records were not loaded. " }</strong>{ message }</p>
                <p>{ "Until then, nothing you enter here will be saved." }</p>
            </div>
        },
        Some(StartNotice::Quarantined { message, raw }) => {
            let raw = raw.clone();
            let download = Callback::from(move |_| {
                let text = serde_json::to_string_pretty(&*raw).unwrap_or_default();
                let name = format!("cme-tracker-unreadable-{}.json", fmt::today());
                let _ = browser::download(&name, "application/json", &text);
            });
            let dismiss = props.ondismiss.reform(|_: MouseEvent| ());
            html! {
                <div class="banner banner--bad" role="alert">
                    <p><strong>{ "Starting with empty records. " }</strong>{ message }</p>
                    if !explained.is_empty() {
                        <ul class="small" data-testid="unreadable-problems">
                            { for explained.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                        </ul>
                    }
                    <p>{ "You can download the unreadable data as it was, import a backup on the Backup page, or carry on from scratch." }</p>
                    <div class="banner__actions">
                        <button type="button" class="btn btn--primary" onclick={download}>{ "Download the unreadable data" }</button>
                        <a class="btn" href="#/backup">{ "Import a backup" }</a>
                        <button type="button" class="btn" onclick={dismiss}>{ "Start fresh" }</button>
                    </div>
                </div>
            }
        }
    }
}

/// Stays put while saving fails, offering the one thing that protects the records: a backup.
#[function_component(SaveBanner)]
fn save_banner() -> Html {
    let app = crate::ui::state::use_app();
    let message = match &app.save {
        SaveState::Saved => return html! {},
        SaveState::ReadOnly(m) => {
            // What this tab holds (typed since the newer version took over) is not saved: it can
            // still leave as a backup file, to import into the newer version.
            let download = {
                let app = app.clone();
                Callback::from(move |_| crate::ui::worker_client::download_backup(&app))
            };
            return html! {
                <div class="banner banner--bad" role="alert" data-testid="read-only-banner">
                    <p><strong>{ "Read-only. " }</strong>{ m.clone() }</p>
                    <div class="banner__actions">
                        <button type="button" class="btn btn--primary"
                            onclick={Callback::from(|_| reload())}>{ "Reload now" }</button>
                        if !app.data.is_empty() {
                            <button type="button" class="btn" onclick={download}>
                                { "Download this tab's records" }</button>
                        }
                    </div>
                </div>
            };
        }
        SaveState::Failed(m) | SaveState::Unavailable(m) => m.clone(),
    };
    let download = {
        let app = app.clone();
        Callback::from(move |_| crate::ui::worker_client::download_backup(&app))
    };
    html! {
        <div class="banner banner--bad" role="alert" data-testid="save-banner">
            <p><strong>{ "Not saved. " }</strong>{ message }</p>
            <div class="banner__actions">
                <button type="button" class="btn btn--primary" onclick={download}>{ "Download a backup now" }</button>
            </div>
        </div>
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
