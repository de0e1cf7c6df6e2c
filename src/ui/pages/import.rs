//! Import activities from a spreadsheet (CSV) or a provider's transcript (MedBiquitous Activity
//! Report XML, ACCME learner transcript JSON, CPE Monitor transcript PDF). The worker reads the file; a spreadsheet's columns
//! are mapped here (guessed, or as chosen last time for the same headers), every row is checked
//! with its line number, unknown credit types are offered for mapping, and nothing is added
//! until the person confirms the preview.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::storage::change::Change;

use crate::ui::router::go;

use crate::domain::formats::spreadsheet::{self, DateOrder, Mapping, Target};
use crate::domain::model::codes::Coded;
use crate::domain::model::vocab;
use crate::domain::text::size::size_text;
use crate::route::Route;
use crate::storage::browser;
use crate::storage::AppData;
use crate::ui::components::file_drop::FileDrop;
use crate::ui::components::inputs::select_value;
use crate::ui::locale;
use crate::ui::state::{use_app, Action, AppContext};
use crate::ui::worker_client::{self, use_worker, PageWorker};
use crate::worker::activities::{Checked, FileRead, Source};
use crate::worker::protocol::{from_stored, to_stored, Request, Response};

/// The largest file read: a 50,000-row spreadsheet is a few megabytes.
const MAX_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Reading,
    /// A spreadsheet read: its columns are mapped (the mapping is held apart, as it is edited).
    Mapping(Rc<FileRead>),
    /// The worker checks the rows: rows read so far, of all.
    Checking(Rc<FileRead>, usize, usize),
    Checked(Rc<FileRead>, Rc<Checked>),
    Importing,
    /// The transcript holds several learners' records: the page asks which is hers.
    ChooseLearner(String, Vec<String>),
    Failed(String),
}

/// The import's state: its step, the mapping being edited, and the connection to the worker
/// that holds the file between the steps.
#[derive(Clone)]
struct ActivityImport {
    app: AppContext,
    step: UseStateHandle<Step>,
    mapping: UseStateHandle<Option<Mapping>>,
    file_name: UseStateHandle<String>,
    skip_duplicates: UseStateHandle<bool>,
    reader: Rc<RefCell<Option<FileReader>>>,
    /// The file last read (base64), to read again with the learner she chose.
    data: Rc<RefCell<String>>,
    /// The records the worker was given with the file: the import is applied to what is here
    /// when it arrives, against these (`storage::change::Change::Import`).
    seen: Rc<RefCell<Rc<AppData>>>,
    worker: PageWorker,
}

#[hook]
fn use_activity_import() -> ActivityImport {
    let app = use_app();
    let step = use_state(|| Step::Choose);
    let mapping = use_state(|| None::<Mapping>);
    let seen = use_mut_ref(|| Rc::new(AppData::default()));
    // The file read last, for the progress and preview steps.
    let read = use_mut_ref(|| None::<Rc<FileRead>>);
    let answer = {
        let (app, step, mapping, seen) = (app.clone(), step.clone(), mapping.clone(), seen.clone());
        move |r: Response| match r {
            Response::ActivitiesRead(file) => {
                let file = Rc::new(*file);
                *read.borrow_mut() = Some(file.clone());
                let chosen = match &file.source {
                    // A spreadsheet with the same headers as one mapped before is mapped the
                    // same way.
                    Source::Csv { .. } => browser::remembered_mappings()
                        .find(&file.headers)
                        .cloned()
                        .unwrap_or_else(|| file.mapping.clone()),
                    Source::Transcript { .. } => file.mapping.clone(),
                };
                mapping.set(Some(chosen));
                step.set(Step::Mapping(file));
            }
            Response::Progress { done, total } => {
                if let Some(file) = read.borrow().clone() {
                    step.set(Step::Checking(file, done, total));
                }
            }
            Response::ActivitiesChecked(checked) => {
                if let Some(file) = read.borrow().clone() {
                    step.set(Step::Checked(file, Rc::new(*checked)));
                }
            }
            Response::Records {
                stored, message, ..
            } => match from_stored(&stored) {
                Ok(data) => {
                    let seen = seen.borrow().clone();
                    app.dispatch(Action::Change(Change::Import {
                        seen,
                        result: data,
                        message,
                    }));
                    go(&Route::Activities);
                }
                Err(e) => step.set(Step::Failed(format!(
                    "The imported records could not be read back ({e}); nothing was changed."
                ))),
            },
            Response::ChooseLearner { message, learners } => {
                step.set(Step::ChooseLearner(message, learners))
            }
            Response::Failed { message } => step.set(Step::Failed(message)),
            _ => {}
        }
    };
    ActivityImport {
        worker: use_worker(answer),
        file_name: use_state(String::new),
        skip_duplicates: use_state(|| true),
        reader: use_mut_ref(|| None),
        data: use_mut_ref(String::new),
        app,
        step,
        mapping,
        seen,
    }
}

impl ActivityImport {
    fn read_file(&self, file: web_sys::File) {
        self.file_name.set(file.name());
        if file.size() > MAX_BYTES as f64 {
            self.step.set(Step::Failed(format!(
                "This file is larger than {}: split it into smaller files.",
                size_text(MAX_BYTES)
            )));
            return;
        }
        self.step.set(Step::Reading);
        let this = self.clone();
        let task = gloo::file::callbacks::read_as_bytes(&File::from(file), move |result| {
            use base64::Engine;
            match result {
                Ok(bytes) => {
                    *this.data.borrow_mut() =
                        base64::engine::general_purpose::STANDARD.encode(bytes);
                    this.send_read(None);
                }
                Err(_) => this
                    .step
                    .set(Step::Failed("The file could not be read.".into())),
            }
        });
        *self.reader.borrow_mut() = Some(task);
    }

    /// Sends the file read last to the worker (with the learner chosen, when it asked).
    fn send_read(&self, learner: Option<String>) {
        let snapshot = self.app.data.clone();
        let current = to_stored(&snapshot);
        *self.seen.borrow_mut() = snapshot;
        self.worker.send(Request::ReadActivities {
            data: self.data.borrow().clone(),
            current,
            today: locale::today(),
            now: locale::now(),
            learner,
        })
    }

    fn choose_learner(&self, name: String) {
        self.step.set(Step::Reading);
        self.send_read(Some(name));
    }

    /// Checks every row with the mapping (the worker reports its progress).
    fn check(&self, file: Rc<FileRead>, m: Mapping) {
        self.step.set(Step::Checking(file.clone(), 0, file.rows));
        self.worker.send(Request::CheckActivities { mapping: m });
    }

    /// The mapping confirmed: the rows are checked, once every needed column is named.
    fn confirm_mapping(&self) {
        if let (Step::Mapping(file), Some(m)) = (&*self.step, &*self.mapping) {
            if m.missing().is_empty() {
                self.check(file.clone(), m.clone());
            }
        }
    }

    /// Adds the checked rows (a spreadsheet's mapping is remembered for its headers).
    fn import(&self) {
        if let (Step::Checked(file, _), Some(m)) = (&*self.step, &*self.mapping) {
            if matches!(file.source, Source::Csv { .. }) {
                let mut remembered = browser::remembered_mappings();
                remembered.remember(&file.headers, m);
                browser::remember_mappings(&remembered);
            }
            self.step.set(Step::Importing);
            self.worker.send(Request::ImportActivities {
                skip_duplicates: *self.skip_duplicates,
            });
        }
    }

    fn restart(&self) {
        self.step.set(Step::Choose);
        self.mapping.set(None);
    }

    fn back(&self) {
        if let Step::Checked(file, _) = &*self.step {
            self.step.set(Step::Mapping(file.clone()));
        }
    }

    /// Mapping an unknown credit type checks the rows again (the preview shows the result).
    fn map_credit_type(&self, text: &str, code: &str) {
        if let (Step::Checked(file, _), Some(m)) = (&*self.step, &*self.mapping) {
            let mut m = m.clone();
            m.map_credit_type(text, code);
            self.mapping.set(Some(m.clone()));
            self.check(file.clone(), m);
        }
    }

    /// Mapping an unknown topic checks the rows again.
    fn map_topic(&self, text: &str, code: &str) {
        if let (Step::Checked(file, _), Some(m)) = (&*self.step, &*self.mapping) {
            let mut m = m.clone();
            m.map_topic(text, code);
            self.mapping.set(Some(m.clone()));
            self.check(file.clone(), m);
        }
    }

    fn on<E: 'static>(&self, act: fn(&ActivityImport)) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |_: E| act(&this))
    }
}

#[function_component(ImportPage)]
pub fn import_page() -> Html {
    let im = use_activity_import();
    // A transcript's fields are fixed: its rows are checked at once.
    {
        let im = im.clone();
        use_effect_with(
            ((*im.step).clone(), (*im.mapping).clone()),
            move |(s, m)| {
                if let (Step::Mapping(file), Some(m)) = (s, m) {
                    if matches!(file.source, Source::Transcript { .. }) {
                        im.check(file.clone(), m.clone());
                    }
                }
            },
        );
    }
    let choosing = matches!(&*im.step, Step::Choose | Step::Failed(_));
    let onfile = {
        let im = im.clone();
        Callback::from(move |f| im.read_file(f))
    };
    let template = {
        let app = im.app.clone();
        Callback::from(move |_| {
            worker_client::download_csv(&app, crate::worker::protocol::CsvFile::Template)
        })
    };
    html! {
        <>
            <div class="page-head"><h1>{ "Import activities" }</h1></div>
            <section class="card" aria-labelledby="import-choose">
                <h2 id="import-choose">{ "From a spreadsheet or a transcript" }</h2>
                <p>{ "A spreadsheet saved as CSV (from Excel, Numbers, Google Sheets or another tracker), a provider's MedBiquitous Activity Report (.xml), an ACCME learner transcript (.json) or a pharmacist's CPE Monitor activity transcript (.pdf). The file is read on this device; nothing is added until you confirm." }</p>
                if choosing {
                    <FileDrop id="activities-file" label="Choose a file (.csv, .xml, .json, .pdf), or drop it here"
                        accept=".csv,.tsv,.txt,.xml,.json,.pdf,text/csv,application/xml,application/json,application/pdf"
                        describedby="activities-status" {onfile} />
                    <p class="small">
                        <button type="button" class="btn btn--small" onclick={template}>{ "Download the CSV template" }</button>
                        { " — the columns this app reads best, with an example row (docs: one activity per row; several credit types as TYPE=amount; …)." }
                    </p>
                }
                <div id="activities-status" aria-live="polite">{ step_view(&im) }</div>
            </section>
        </>
    }
}

/// Where the import stands.
fn step_view(im: &ActivityImport) -> Html {
    let name = (*im.file_name).clone();
    match &*im.step {
        Step::Choose => html! {},
        Step::Reading => html! { <p>{ format!("Reading {name}…") }</p> },
        Step::Failed(message) => html! {
            <div class="banner banner--bad" role="alert">
                <p><strong>{ format!("{name}: ") }</strong>{ message.clone() }</p>
                <p>{ "Nothing was imported." }</p>
            </div>
        },
        Step::Importing => html! { <p>{ format!("Importing {name}…") }</p> },
        Step::ChooseLearner(message, learners) => html! {
            <fieldset class="field" aria-describedby="learner-why">
                <legend>{ "Which learner are you?" }</legend>
                <p id="learner-why">{ message.clone() }</p>
                <div class="actions">
                    { for learners.iter().map(|l| {
                        let im = im.clone();
                        let chosen = l.clone();
                        let label = if l.is_empty() { "(no name given)".to_string() } else { l.clone() };
                        html! {
                            <button type="button" class="btn" onclick={Callback::from(move |_| im.choose_learner(chosen.clone()))}>
                                { format!("I am {label}") }
                            </button>
                        }
                    }) }
                </div>
            </fieldset>
        },
        Step::Checking(file, done, total) => html! {
            <div class="import-progress">
                <p>{ format!("Checking {name}: {done} of {} rows…", (*total).max(file.rows)) }</p>
                <progress max={(*total).max(1).to_string()} value={done.to_string()}
                    aria-label={format!("Checking {name}")}></progress>
            </div>
        },
        Step::Mapping(file) => match &*im.mapping {
            Some(m) => mapping_form(&MappingFormProps {
                file: file.clone(),
                mapping: m.clone(),
                name,
                onchange: {
                    let mapping = im.mapping.clone();
                    Callback::from(move |m| mapping.set(Some(m)))
                },
                onsubmit: {
                    let im = im.clone();
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        im.confirm_mapping();
                    })
                },
                oncancel: im.on(ActivityImport::restart),
            }),
            None => html! {},
        },
        Step::Checked(file, checked) => preview(&PreviewProps {
            file: file.clone(),
            checked: checked.clone(),
            name,
            mapping: (*im.mapping)
                .clone()
                .unwrap_or_else(|| file.mapping.clone()),
            skip: *im.skip_duplicates,
            on_skip: {
                let skip = im.skip_duplicates.clone();
                Callback::from(move |e: Event| {
                    skip.set(e.target_unchecked_into::<HtmlInputElement>().checked())
                })
            },
            on_credit_type: {
                let im = im.clone();
                Callback::from(move |(text, e): (String, Event)| {
                    im.map_credit_type(&text, &select_value(&e))
                })
            },
            on_topic: {
                let im = im.clone();
                Callback::from(move |(text, e): (String, Event)| {
                    im.map_topic(&text, &select_value(&e))
                })
            },
            on_import: im.on(ActivityImport::import),
            on_back: im.on(ActivityImport::back),
            on_cancel: im.on(ActivityImport::restart),
        }),
    }
}

/// Parts of the page drawn by plain functions, not components: each component costs its own
/// copy of Yew's lifecycle code in the first download, and these hold no state of their own.
struct MappingFormProps {
    file: Rc<FileRead>,
    mapping: Mapping,
    name: String,
    onchange: Callback<Mapping>,
    onsubmit: Callback<SubmitEvent>,
    oncancel: Callback<MouseEvent>,
}

/// The mapping step: each column with its first values and what it holds; the date order when
/// the file's dates read either way; the credit type of a lone amount.
fn mapping_form(props: &MappingFormProps) -> Html {
    let m = &props.mapping;
    let orders = spreadsheet::mapped_date_orders(&props.file.date_orders, &m.targets);
    let ambiguous = orders.len() > 1;
    let missing = m.missing();
    let encoding = match &props.file.source {
        Source::Csv { encoding } => encoding.clone(),
        Source::Transcript {
            format,
            learner: Some(who),
        } => format!("{format}, the records of {who}"),
        Source::Transcript { format, .. } => format.clone(),
    };
    let on_target = |column: usize| {
        let onchange = props.onchange.clone();
        let m = m.clone();
        Callback::from(move |e: Event| {
            let code = select_value(&e);
            if let Some(t) = Target::from_code(&code) {
                let mut next = m.clone();
                next.assign(column, t);
                onchange.emit(next);
            }
        })
    };
    let on_order = {
        let onchange = props.onchange.clone();
        let m = m.clone();
        Callback::from(move |e: Event| {
            let mut next = m.clone();
            next.date_order = DateOrder::from_code(&select_value(&e)).unwrap_or(DateOrder::Iso);
            onchange.emit(next);
        })
    };
    let on_default_type = {
        let onchange = props.onchange.clone();
        let m = m.clone();
        Callback::from(move |e: Event| {
            let mut next = m.clone();
            next.default_credit_type = select_value(&e);
            onchange.emit(next);
        })
    };
    let uses_amount = m.targets.contains(&Target::Amount);
    html! {
        <form class="import-mapping" onsubmit={props.onsubmit.clone()} novalidate=true>
            <h3>{ format!("{}: {} rows ({})", props.name, props.file.rows, encoding) }</h3>
            <p class="small">{ "Say what each column holds. Columns were guessed from their headers; a file with the same headers is mapped the same way next time." }</p>
            <div class="table-wrap">
                <table class="mapping-table table--stack">
                    <thead><tr><th scope="col">{ "Column" }</th><th scope="col">{ "First values" }</th><th scope="col">{ "Holds" }</th></tr></thead>
                    <tbody>
                        { for props.file.headers.iter().enumerate().map(|(i, h)| {
                            let field = format!("map-col-{i}");
                            let current = m.targets.get(i).copied().unwrap_or(Target::Ignore);
                            let values: Vec<String> = props.file.sample.iter()
                                .filter_map(|r| r.get(i)).filter(|v| !v.is_empty()).take(3).cloned().collect();
                            html! {
                                <tr>
                                    <th scope="row"><label for={field.clone()}>{ if h.is_empty() { format!("Column {}", i + 1) } else { h.clone() } }</label></th>
                                    <td class="small wrap-anywhere" data-label="First values">{ values.join(" · ") }</td>
                                    <td data-label="Holds">
                                        <select id={field} onchange={on_target(i)}>
                                            { for Target::ALL.iter().copied().map(|t| html! {
                                                <option value={t.code()} selected={t == current}>{ t.label() }</option>
                                            }) }
                                        </select>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if orders != [DateOrder::Iso] {
                <div class="field">
                    <label for="map-date-order">{ "The file writes dates as" }</label>
                    <select id="map-date-order" onchange={on_order} aria-describedby="map-date-order-note">
                        <option value={DateOrder::MonthFirst.code()} selected={m.date_order == DateOrder::MonthFirst}>{ "month/day/year (03/10 = 10 March)" }</option>
                        <option value={DateOrder::DayFirst.code()} selected={m.date_order == DateOrder::DayFirst}>{ "day/month/year (10/03 = 10 March)" }</option>
                    </select>
                    <p id="map-date-order-note" class={classes!("small", ambiguous.then_some("warn-text"))}>
                        { if ambiguous {
                            "Every date in this file reads both ways: check which one it uses."
                        } else {
                            "Read from the file's dates."
                        } }
                    </p>
                </div>
            }
            if uses_amount && !m.targets.contains(&Target::CreditType) {
                <div class="field">
                    <label for="map-default-type">{ "Credit type of the amounts" }</label>
                    { credit_type_select(&CreditTypeSelectProps { id: "map-default-type".into(), value: m.default_credit_type.clone(), onchange: on_default_type, own: false }) }
                </div>
            }
            if !missing.is_empty() {
                <ul class="error" role="alert" id="map-missing">
                    { for missing.iter().map(|s| html! { <li>{ *s }</li> }) }
                </ul>
            }
            <div class="actions">
                <button type="submit" class="btn btn--primary" aria-describedby={(!missing.is_empty()).then_some("map-missing")}>{ "Check the rows" }</button>
                <button type="button" class="btn" onclick={props.oncancel.clone()}>{ "Choose another file" }</button>
            </div>
        </form>
    }
}

struct CreditTypeSelectProps {
    id: AttrValue,
    value: String,
    onchange: Callback<Event>,
    /// Offer "keep as my own type" (an unknown type of the file).
    own: bool,
}

fn credit_type_select(props: &CreditTypeSelectProps) -> Html {
    html! {
        <select id={props.id.clone()} onchange={props.onchange.clone()}>
            if props.own {
                <option value="" selected={props.value.is_empty()}>{ "Keep as my own credit type" }</option>
            }
            { for vocab::CREDIT_TYPES.iter().map(|c| html! {
                <option value={c.code} selected={props.value == c.code}>{ c.label }</option>
            }) }
        </select>
    }
}

struct PreviewProps {
    file: Rc<FileRead>,
    checked: Rc<Checked>,
    name: String,
    mapping: Mapping,
    skip: bool,
    on_skip: Callback<Event>,
    on_credit_type: Callback<(String, Event)>,
    on_topic: Callback<(String, Event)>,
    on_import: Callback<MouseEvent>,
    on_back: Callback<MouseEvent>,
    on_cancel: Callback<MouseEvent>,
}

/// What importing would do: how many activities, the duplicates (offered as skipped), each
/// problem with its line, the unknown credit types to map, the first activities.
fn preview(props: &PreviewProps) -> Html {
    let c = &props.checked;
    let adding = if props.skip {
        c.ready - c.duplicates
    } else {
        c.ready
    };
    html! {
        <div class="import-preview">
            <h3>{ format!("{}: {} ready to import", props.name, plural(c.ready, "activity", "activities")) }</h3>
            if let Source::Transcript { format, learner } = &props.file.source {
                <p data-testid="import-source">{ {
                    let article = if format.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
                    match learner {
                        Some(name) => format!("Read as {article} {format}: the records of {name}."),
                        None => format!("Read as {article} {format}."),
                    }
                } }</p>
            }
            if let Some(units) = c.too_large {
                <div class="banner banner--warn" role="alert" data-testid="import-too-large">
                    <p><strong>{ format!("With these activities your records would take {}.", crate::storage::format::too_large_words(units)) }</strong></p>
                    <p>{ "They would stay in this tab only, until you download a backup. Import the file in parts (a few thousand rows each) or leave out old years." }</p>
                </div>
            }
            if c.duplicates > 0 {
                <label class="check" for="import-skip-duplicates">
                    <input type="checkbox" id="import-skip-duplicates" checked={props.skip} onchange={props.on_skip.clone()} />
                    <span>{ format!("Skip the {} already recorded here (same title, date and credits)", plural(c.duplicates, "activity", "activities")) }</span>
                </label>
            }
            if !c.unknown_credit_types.is_empty() {
                <fieldset class="field" data-testid="unknown-credit-types">
                    <legend><strong>{ "Credit types this app does not know" }</strong></legend>
                    <p class="small">{ "Say which of the app's credit types each one is, so requirements count it; or keep it as your own type." }</p>
                    { for c.unknown_credit_types.iter().enumerate().map(|(i, (text, n))| {
                        let id = format!("unknown-type-{i}");
                        let value = props.mapping.credit_types.get(text).cloned().unwrap_or_default();
                        let on = props.on_credit_type.clone();
                        let t = text.clone();
                        html! {
                            <div class="field">
                                <label for={id.clone()}>{ format!("“{text}” ({})", plural(*n, "row", "rows")) }</label>
                                { credit_type_select(&CreditTypeSelectProps { id: id.into(), value, own: true, onchange: Callback::from(move |e| on.emit((t.clone(), e))) }) }
                            </div>
                        }
                    }) }
                </fieldset>
            }
            if !c.unknown_topics.is_empty() {
                { unknown_topics(props) }
            }
            if c.problem_total > 0 {
                <div class="banner banner--warn" data-testid="import-problems">
                    <p><strong>{ format!("{} — these rows will not be imported:", plural(c.problem_total, "problem", "problems")) }</strong></p>
                    <ul>
                        { for c.problems.iter().map(|p| html! { <li>{ format!("Line {}: {}", p.line, p.message) }</li> }) }
                        if c.problem_total > c.problems.len() {
                            <li>{ format!("… and {} more", c.problem_total - c.problems.len()) }</li>
                        }
                    </ul>
                    <p class="small">{ "Correct them in the file and import it again: rows already imported are then offered as duplicates." }</p>
                </div>
            }
            if !c.first.is_empty() {
                <div class="table-wrap">
                    <table class="preview-table table--stack">
                        <caption>{ if adding > c.first.len() { format!("The first {} of {adding}", c.first.len()) } else { "To be added".to_string() } }</caption>
                        <thead><tr><th scope="col">{ "Title" }</th><th scope="col">{ "Completed" }</th><th scope="col">{ "Credits" }</th></tr></thead>
                        <tbody>
                            { for c.first.iter().map(|a| html! {
                                <tr>
                                    <td class="wrap-anywhere" data-label="Title">{ a.title.clone() }</td>
                                    <td data-label="Completed">{ locale::date(a.end) }</td>
                                    <td data-label="Credits">{ a.credits.clone() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <div class="actions">
                <button type="button" class="btn btn--primary" disabled={adding == 0} onclick={props.on_import.clone()}>
                    { format!("Import {}", plural(adding, "activity", "activities")) }
                </button>
                if matches!(props.file.source, Source::Csv { .. }) {
                    <button type="button" class="btn" onclick={props.on_back.clone()}>{ "Back to the columns" }</button>
                }
                <button type="button" class="btn" onclick={props.on_cancel.clone()}>{ "Cancel" }</button>
            </div>
        </div>
    }
}

/// The file's topics this app does not know: each left out until she says which topic it is.
fn unknown_topics(props: &PreviewProps) -> Html {
    html! {
        <fieldset class="field" data-testid="unknown-topics">
            <legend><strong>{ "Topics this app does not know" }</strong></legend>
            <p class="small">{ "Say which topic each one is, so topic requirements count its hours; until then it is left out of the activities." }</p>
            { for props.checked.unknown_topics.iter().enumerate().map(|(i, (text, n))| {
                let id = format!("unknown-topic-{i}");
                let value = props.mapping.topics.get(text).cloned().unwrap_or_default();
                let on = props.on_topic.clone();
                let t = text.clone();
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ format!("“{text}” ({})", plural(*n, "row", "rows")) }</label>
                        <select id={id} onchange={Callback::from(move |e| on.emit((t.clone(), e)))}>
                            <option value="" selected={value.is_empty()}>{ "Leave it out" }</option>
                            { for crate::domain::model::vocab::TOPICS.iter().map(|topic| html! {
                                <option value={topic.code} selected={value == topic.code}>{ topic.label }</option>
                            }) }
                        </select>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// "1 row", "3 rows".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
