//! Adding, editing and duplicating an activity: one page, whose starting draft and saved id
//! differ; a new one may start from a certificate (its text pasted, or its file read here and
//! attached on save) or from a learning goal.

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::draft::{ActivityDraft, ValidDraft};
use crate::route::Route;
use crate::storage::change::Change;
use crate::ui::components::activity_form::ActivityForm;
use crate::ui::components::empty_state;
use crate::ui::components::{use_edit_guard, EditConflict};
use crate::ui::locale;
use crate::ui::router::{back, go};
use crate::ui::state::{use_app, Action, AppContext};
use crate::worker::protocol::{Request, Response};

#[derive(Properties, PartialEq)]
pub struct ActivityEditorProps {
    /// The activity to edit or duplicate; none for a new one.
    #[prop_or_default]
    pub id: Option<String>,
    #[prop_or(false)]
    pub duplicate: bool,
    /// A planned activity toward this learning goal: the form starts from it, and the saved
    /// activity is linked to it.
    #[prop_or_default]
    pub goal: Option<String>,
}

/// "Start from a certificate": the text pasted, the file chosen (attached once the activity is
/// saved), the draft read from either, and what the person is told about it.
#[derive(Clone)]
struct CertStart {
    text: UseStateHandle<String>,
    prefill: UseStateHandle<Option<ActivityDraft>>,
    note: UseStateHandle<Option<String>>,
    pending: UseStateHandle<Option<web_sys::File>>,
    /// Bumped to start the form over (from what was read, or empty after "add another").
    generation: UseStateHandle<u32>,
    /// What was read when its "CEU" needs her answer (whose CEU).
    ceu: UseStateHandle<Option<crate::domain::formats::certificate::CertificateFields>>,
    /// The text the reader saw in a photo, shown beside the form to check the fields against.
    seen: UseStateHandle<Option<String>>,
    /// A photo is being read.
    reading: UseStateHandle<bool>,
}

#[hook]
fn use_cert_start() -> CertStart {
    let start = CertStart {
        text: use_state(String::new),
        prefill: use_state(|| None),
        note: use_state(|| None),
        pending: use_state(|| None),
        generation: use_state(|| 0),
        ceu: use_state(|| None),
        seen: use_state(|| None),
        reading: use_state(|| false),
    };
    {
        // A certificate dropped on the Activities page starts this form.
        let start = start.clone();
        use_effect_with((), move |_| {
            if let Some(f) = crate::ui::components::certificates::take_dropped() {
                start.take_file(f);
            }
        });
    }
    start
}

impl CertStart {
    /// What was read, into the form; an unclear "CEU" is asked about first.
    fn read(&self, fields: crate::domain::formats::certificate::CertificateFields, note: String) {
        let note = match &fields.ceu_read_as {
            Some(how) => format!("{note} Read as {how}."),
            None => note,
        };
        let unclear = fields.ceu_unclear.is_some();
        self.filled(fields.to_draft(), note);
        self.ceu.set(unclear.then_some(fields));
    }

    fn answer_ceu(&self, ten_hours: bool) {
        if let Some(fields) = (*self.ceu).clone() {
            self.filled(
                fields.with_ceus_as(ten_hours),
                "Filled in: check every field before saving.".into(),
            );
            self.ceu.set(None);
        }
    }

    fn filled(&self, draft: ActivityDraft, note: String) {
        self.prefill.set(Some(draft));
        self.generation.set(*self.generation + 1);
        self.note.set(Some(note));
    }

    fn take_file(&self, file: web_sys::File) {
        if let Err(m) = crate::domain::model::attachment::check_file(
            &file.name(),
            &file.type_(),
            file.size() as u64,
        ) {
            self.note.set(Some(m.to_string()));
            return;
        }
        let name = file.name();
        self.pending.set(Some(file.clone()));
        self.seen.set(None);
        self.reading.set(true);
        let this = self.clone();
        crate::ui::components::certificates::read_file(file, move |reading| {
            use crate::ui::components::certificates::FileReading;
            match reading {
                FileReading::Step(step) => this.note.set(Some(step)),
                FileReading::NotRead(why) => {
                    this.reading.set(false);
                    this.note.set(Some(why));
                }
                FileReading::Read { fields, seen } => {
                    this.reading.set(false);
                    let from_photo = seen.is_some();
                    this.seen.set(seen);
                    if fields.is_empty() {
                        this.note.set(Some(format!("“{name}” will be attached when you save. Nothing in it could be read as a title, date or credit: fill in the form.")));
                    } else if from_photo {
                        this.read(fields, format!("Filled in from the photo “{name}”, read on this device, which will be attached when you save: check every field against the text read in it."));
                    } else {
                        this.read(fields, format!("Filled in from “{name}”, which will be attached when you save: check every field before saving."));
                    }
                }
            }
        });
    }

    fn read_text(&self) {
        let text = (*self.text).clone();
        if text.trim().is_empty() {
            self.note.set(Some(
                "Paste the certificate's text or the completion e-mail first.".into(),
            ));
            return;
        }
        let this = self.clone();
        // The reader runs in the worker: none of it is in the first download.
        crate::ui::worker_client::request(Request::ReadCertificate { text }, move |r| {
            if let Response::CertificateRead { fields } = r {
                if fields.is_empty() {
                    this.note.set(Some("Nothing in this text looked like a title, date or credit statement. Fill in the form by hand.".into()));
                } else {
                    this.read(
                        *fields,
                        "Filled in from the text: check every field before saving.".into(),
                    );
                }
            }
        });
    }

    /// Whose CEU: the two readings, as buttons.
    fn ceu_question(&self, amount: crate::domain::model::credits::Amount) -> Html {
        let (question, ten, one) =
            crate::domain::text::certificates::ceu_question(amount, &locale::amount);
        let answer = |ten_hours: bool| {
            let this = self.clone();
            Callback::from(move |_: MouseEvent| this.answer_ceu(ten_hours))
        };
        html! {
            <fieldset class="field" aria-describedby="ceu-question">
                <legend>{ "Whose CEU?" }</legend>
                <p id="ceu-question">{ question }</p>
                <div class="actions">
                    <button type="button" class="btn" onclick={answer(true)}>{ ten }</button>
                    <button type="button" class="btn" onclick={answer(false)}>{ one }</button>
                </div>
            </fieldset>
        }
    }

    /// The text read in a photo, to check the fields against.
    fn seen_text(&self) -> Html {
        match &*self.seen {
            Some(text) => html! {
                <aside class="card seen-text" aria-labelledby="seen-text-title">
                    <h2 id="seen-text-title">{ "Text read in the photo" }</h2>
                    <p class="hint">{ "As the reader saw it: a letter may be wrong. The form shows what was taken from it." }</p>
                    <pre id="seen-text" tabindex="0">{ text.clone() }</pre>
                </aside>
            },
            None => html! {},
        }
    }

    /// The panel: paste a text, or choose the file.
    fn view(&self) -> Html {
        let on_read = {
            let this = self.clone();
            Callback::from(move |_: MouseEvent| this.read_text())
        };
        let on_text = {
            let text = self.text.clone();
            Callback::from(move |e: InputEvent| {
                text.set(crate::ui::components::inputs::input_value(&e))
            })
        };
        let on_file = {
            let this = self.clone();
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
                if let Some(f) = input.files().and_then(|l| l.get(0)) {
                    this.take_file(f);
                }
            })
        };
        html! {
            <details class="card cert-start" open={self.prefill.is_some() || self.pending.is_some()}>
                <summary>{ "Start from a certificate or completion e-mail" }</summary>
                <div class="field">
                    <label for="cert-text">{ "Paste the certificate's text or the completion e-mail" }</label>
                    <textarea id="cert-text" rows="5" value={(*self.text).clone()} oninput={on_text} aria-describedby="cert-text-hint" />
                    <p class="hint" id="cert-text-hint">{ "The text is read in this browser; nothing is sent anywhere. You check every field before saving." }</p>
                </div>
                <button type="button" class="btn" onclick={on_read}>{ "Read the text" }</button>
                <div class="field">
                    <label for="cert-start-file">{ "Or choose the certificate file (PDF, or a photo or scan of the paper): it is read here and attached when you save" }</label>
                    <input id="cert-start-file" type="file" accept="application/pdf,image/png,image/jpeg,image/webp,image/heic,.heic" onchange={on_file.clone()} aria-describedby="cert-start-file-hint" />
                    <p class="hint" id="cert-start-file-hint">{ "Photos are read on this device: no picture leaves it." }</p>
                </div>
                // As on the certificates card: the camera's input inside its label, hidden with it
                // on wide screens.
                <label for="cert-start-camera" class="btn cert-camera">
                    { "Photograph the certificate" }
                    <input id="cert-start-camera" class="visually-hidden" type="file" accept="image/*" capture="environment" onchange={on_file} />
                </label>
                if let Some(n) = &*self.note {
                    <p role="status" id="cert-read-note" aria-busy={(*self.reading).to_string()}>{ n.clone() }</p>
                }
                if let Some(amount) = self.ceu.as_ref().and_then(|f| f.ceu_unclear) {
                    { self.ceu_question(amount) }
                }
            </details>
        }
    }
}

/// New, edit and duplicate share this page; only the starting draft and the saved id differ.
#[function_component(ActivityEditorPage)]
pub fn activity_editor_page(props: &ActivityEditorProps) -> Html {
    let app = use_app();
    let today = locale::today();
    let start = use_cert_start();
    let existing = props
        .id
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.activity(id).cloned());
    let guard = use_edit_guard(existing.clone().filter(|_| !props.duplicate));
    let required = {
        let data = app.data.clone();
        use_memo(app.revision, move |_| {
            crate::domain::engine::topic_pick::required_topics(&data.credentials)
        })
    };
    let goal = props
        .goal
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.data.goals.iter().find(|g| g.id == id).cloned());
    let editing = existing.clone().filter(|_| !props.duplicate);
    let onsave = on_save(
        &app,
        &start,
        editing.clone(),
        goal.as_ref().map(|g| g.id),
        &guard,
    );
    // Stable, so that the form is not drawn again when the records change under it (its own
    // save, a moment before this page is left).
    let onsave = crate::ui::hooks::use_stable_callback(onsave);
    let oncancel = crate::ui::hooks::use_stable_callback(Callback::from(move |_| back()));
    if props.id.is_some() && existing.is_none() {
        return html! {
            { empty_state("🔎", "Activity not found", html! { <>
                <p>{ "It may have been deleted." }</p>
                <p><a href={Route::Activities.href()} class="btn">{ "Back to activities" }</a></p>
            </> }) }
        };
    }
    let initial = match &existing {
        Some(a) => {
            let mut d = ActivityDraft::from_activity(a);
            if props.duplicate {
                d.title = format!("{} (copy)", d.title);
            }
            d
        }
        None => match (&*start.prefill, &goal) {
            (Some(p), _) => p.clone(),
            (None, Some(g)) => {
                let p = crate::domain::engine::goals::progress(g, &app.data.activities, today);
                g.planned_activity(&p, today)
            }
            (None, None) => ActivityDraft::default(),
        },
    };
    let title = match (&editing, props.duplicate, &goal) {
        (Some(_), _, _) => "Edit activity",
        (None, true, _) => "Duplicate activity",
        (None, false, Some(_)) => "Plan an activity for a goal",
        (None, false, None) => "Add activity",
    };
    let onreload = {
        let generation = start.generation.clone();
        let ack = guard.reloader();
        Callback::from(move |_| {
            ack.emit(());
            generation.set(*generation + 1);
        })
    };
    html! {
        <>
            <div class="page-head"><h1 id="activity-form-title">{ title }</h1></div>
            if guard.changed() {
                <EditConflict what="activity" told={guard.told()} {onreload} onkeep={guard.keeper()} />
            }
            if existing.is_none() {
                { start.view() }
            }
            <div class={classes!(start.seen.is_some().then_some("with-seen-text"))}>
                // First in reading order: on a phone it is read before the fields it fills.
                { start.seen_text() }
                <ActivityForm key={*start.generation} {initial} {today} {onsave} {oncancel} required={required}
                    professions={app.data.settings.professions.clone()}
                    submit_label={if editing.is_some() { "Save changes" } else { "Save activity" }}
                    allow_add_another={editing.is_none()} />
            </div>
        </>
    }
}

/// Saving: the activity (the edit kept against another tab's change, when she chose so), its
/// goal linked, the certificate chosen to start from attached; then its page, or a fresh form.
fn on_save(
    app: &AppContext,
    start: &CertStart,
    editing: Option<crate::domain::Activity>,
    goal_id: Option<Uuid>,
    guard: &crate::ui::components::edit_conflict::EditGuard<crate::domain::Activity>,
) -> Callback<(ValidDraft, bool)> {
    let app = app.clone();
    let start = start.clone();
    let guard_ok = !guard.changed();
    let tell = guard.teller();
    let drawn = guard.drawn_if_changed();
    Callback::from(move |(valid, again): (ValidDraft, bool)| {
        if !guard_ok {
            // Changed in another tab since the form opened: ask first (the notice says so).
            tell.emit(());
            return;
        }
        let mut activity = valid.into_activity(editing.as_ref(), app.next_id, locale::now());
        if let (Some(drawn), Some(current)) = (&drawn, &editing) {
            activity = crate::storage::merge::keep_mine(drawn, &activity, current);
        }
        let id = activity.id;
        app.dispatch(Action::Change(Change::SaveActivity(activity)));
        if let Some(goal) = goal_id {
            app.dispatch(Action::Change(Change::LinkGoal {
                goal,
                activity: id,
                linked: true,
            }));
        }
        if let Some(file) = (*start.pending).clone() {
            start.pending.set(None);
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::ui::components::certificates::keep(file, id).await {
                    Ok(rec) => app.dispatch(Action::Change(Change::AttachCertificate(id, rec))),
                    Err(m) => app.dispatch(Action::Notify(m)),
                }
            });
        }
        if again {
            start.prefill.set(None);
            start.generation.set(*start.generation + 1);
            crate::ui::components::focus::focus("act-title");
        } else {
            go(&Route::ActivityDetail { id: id.to_string() });
        }
    })
}
