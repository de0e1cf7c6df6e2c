//! Loads the records at start, saves after every change, and keeps tabs in step.
//!
//! The provider owns the one app-state reducer. Saving is an effect keyed on the revision of
//! local changes; before writing it checks whether another tab saved in the meantime and, if so,
//! merges by record id and `updated_at` so that concurrent edits in two tabs lose nothing.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Utc;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::storage::backup;
use crate::storage::browser;
use crate::storage::format::{LoadError, KEY_META};
use crate::storage::merge::merge;
use crate::storage::AppData;
use crate::ui::format as fmt;
use crate::ui::state::{Action, AppContext, AppState, SaveState};

/// Why the app started without the stored records.
#[derive(Clone, PartialEq)]
enum StartNotice {
    /// Stored data was unreadable or too new: set aside under the quarantine keys.
    Quarantined {
        message: String,
        raw: Rc<Vec<(String, String)>>,
    },
    /// Too new and could not be set aside: the app must not write at all.
    ReadOnly(String),
}

fn initial() -> (AppState, Option<StartNotice>, u64) {
    if let Err(u) = browser::probe() {
        return (
            AppState::new(AppData::default(), SaveState::Unavailable(u.0)),
            None,
            0,
        );
    }
    match browser::load() {
        Ok(loaded) => (
            AppState::new(loaded.data, SaveState::Saved),
            None,
            loaded.revision,
        ),
        Err(e) => {
            let message = e.to_string();
            match (&e, browser::quarantine()) {
                // Never touch data from a newer version: run without saving.
                (LoadError::TooNew { .. }, _) | (_, Err(_)) => (
                    AppState::new(AppData::default(), SaveState::Unavailable(message.clone())),
                    Some(StartNotice::ReadOnly(message)),
                    0,
                ),
                (_, Ok(raw)) => (
                    AppState::new(AppData::default(), SaveState::Saved),
                    Some(StartNotice::Quarantined {
                        message,
                        raw: Rc::new(raw),
                    }),
                    0,
                ),
            }
        }
    }
}

/// A save scheduled for the next task.
type PendingSave = Option<Box<dyn FnOnce()>>;

#[derive(Properties, PartialEq)]
pub struct DataProviderProps {
    pub children: Children,
}

#[function_component(DataProvider)]
pub fn data_provider(props: &DataProviderProps) -> Html {
    // Loaded once; the revision we last saw in storage and the data we last wrote are kept
    // outside the reducer because they change on every save without needing a render.
    let start = use_memo((), |_| RefCell::new(Some(initial())));
    let (state, notice, revision) = {
        let taken = start.borrow().clone();
        match taken {
            Some((s, n, r)) => (s, n, r),
            None => (AppState::new(AppData::default(), SaveState::Saved), None, 0),
        }
    };
    let app = use_reducer_eq(move || state);
    let notice = use_state(move || notice);
    let known_revision = use_mut_ref(move || revision);
    let last_saved: Rc<RefCell<Option<Rc<AppData>>>> = {
        let data = app.data.clone();
        use_mut_ref(move || Some(data))
    };

    // The save waiting for its task; run at once if the page is being left (reload, close), so
    // deferring a save can never lose the last change.
    let pending: Rc<RefCell<PendingSave>> = use_mut_ref(|| None);
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let flush = move |_: &web_sys::Event| {
                if let Some(save) = pending.borrow_mut().take() {
                    save();
                }
            };
            let listeners = web_sys::window().map(|w| {
                (
                    EventListener::new(&w, "pagehide", flush.clone()),
                    EventListener::new(&w, "beforeunload", flush),
                )
            });
            move || drop(listeners)
        });
    }

    // Save after every local change.
    {
        let app = app.clone();
        let known_revision = known_revision.clone();
        let last_saved = last_saved.clone();
        let pending = pending.clone();
        use_effect_with(app.unsaved_revision, move |rev| {
            let rev = *rev;
            // Deferred to a new task so that serialising a long career never delays the paint
            // that shows the change. A newer save replaces one still waiting: it writes every
            // part that changed since the last completed save.
            let save = move || {
                let _timing = crate::ui::timing::Timing::start("cme:save");
                if rev > 0 && !matches!(app.save, SaveState::Unavailable(_)) {
                    let mut data = app.data.clone();
                    let stored = browser::stored_revision().unwrap_or(0);
                    let mut previous = last_saved.borrow().clone();
                    if stored > *known_revision.borrow() {
                        // Another tab saved since we last looked: merge its records with ours.
                        if let Ok(theirs) = browser::load() {
                            let (merged, _) = merge(&theirs.data, &data);
                            data = Rc::new(merged);
                            previous = Some(Rc::new(theirs.data));
                            app.dispatch(Action::ExternalChange((*data).clone()));
                        }
                    }
                    let next = stored.max(*known_revision.borrow()) + 1;
                    let result = browser::save(&data, previous.as_deref(), next, Utc::now());
                    match result {
                        Ok(()) => {
                            *known_revision.borrow_mut() = next;
                            *last_saved.borrow_mut() = Some(data);
                            if app.save != SaveState::Saved {
                                app.dispatch(Action::SaveResult(SaveState::Saved));
                            }
                        }
                        Err(message) => {
                            app.dispatch(Action::SaveResult(SaveState::Failed(message)))
                        }
                    }
                }
            };
            *pending.borrow_mut() = Some(Box::new(save));
            // After the next frame, in a task of its own: a timer alone may run before the
            // browser paints, and writing a long career takes tens of milliseconds. Leaving the
            // page runs a waiting save at once (the pagehide listener above).
            after_next_frame(move || {
                if let Some(save) = pending.borrow_mut().take() {
                    save();
                }
            });
        });
    }

    // Changes saved by another tab show up here.
    {
        let app = app.clone();
        let known_revision = known_revision.clone();
        let last_saved = last_saved.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if e.key().as_deref() != Some(KEY_META) {
                        return;
                    }
                    if let Ok(theirs) = browser::load() {
                        let (merged, _) = merge(&app.data, &theirs.data);
                        *known_revision.borrow_mut() = theirs.revision;
                        *last_saved.borrow_mut() = Some(Rc::new(theirs.data));
                        app.dispatch(Action::ExternalChange(merged));
                    }
                })
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<AppContext> context={app.clone()}>
            <StartBanner notice={(*notice).clone()} ondismiss={{
                let notice = notice.clone();
                Callback::from(move |_| notice.set(None))
            }} />
            <SaveBanner />
            { for props.children.iter() }
        </ContextProvider<AppContext>>
    }
}

use wasm_bindgen::JsCast;

#[derive(Properties, PartialEq)]
struct StartBannerProps {
    notice: Option<StartNotice>,
    ondismiss: Callback<()>,
}

#[function_component(StartBanner)]
fn start_banner(props: &StartBannerProps) -> Html {
    match &props.notice {
        None => html! {},
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
        SaveState::Failed(m) | SaveState::Unavailable(m) => m.clone(),
    };
    let data = app.data.clone();
    let download = Callback::from(move |_| {
        let text = backup::export(&data, env!("CARGO_PKG_VERSION"), Utc::now());
        let _ = browser::download(&backup::file_name(fmt::today()), "application/json", &text);
    });
    html! {
        <div class="banner banner--bad" role="alert" data-testid="save-banner">
            <p><strong>{ "Not saved. " }</strong>{ message }</p>
            <div class="banner__actions">
                <button type="button" class="btn btn--primary" onclick={download}>{ "Download a backup now" }</button>
            </div>
        </div>
    }
}

/// Runs `f` in a task after the browser has painted the next frame, or after 250 ms when no frame
/// comes (a hidden tab gets none): whichever is first, once.
fn after_next_frame(f: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let once = Rc::new(RefCell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            let f = once.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    };
    gloo::timers::callback::Timeout::new(250, run.clone()).forget();
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(move |_: f64| {
            gloo::timers::callback::Timeout::new(0, run).forget();
        });
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}
