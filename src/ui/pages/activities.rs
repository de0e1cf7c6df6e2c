//! The activity log: list with filters, search, sorting, totals and pagination; add, edit,
//! duplicate and delete (with undo).

use crate::storage::change::Change;
use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::{back, go};

use crate::domain::draft::{parse_date, ActivityDraft, ValidDraft};
use crate::domain::engine::query::{query, ActivityFilter, SortKey};
use crate::domain::model::codes::Coded;
use crate::domain::{model::vocab, ActivityStatus, CreditTypeId, Format, TopicId};
use crate::ui::app::Route;
use crate::ui::components::activity_form::ActivityForm;
use crate::ui::components::badges::activity_status_badge;
use crate::ui::components::empty_state;
use crate::ui::components::enum_select::enum_options;
use crate::ui::components::inputs::{input_value, select_value};
use crate::ui::components::{use_edit_guard, EditConflict};
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};

/// Rows per page: enough to scan, few enough that 10,000 activities never slow the page down.
const PAGE_SIZE: usize = 50;

/// "2 AMA Cat 1 · 2 ABIM MOC".
pub fn credits_summary(a: &crate::domain::Activity) -> String {
    a.credits
        .iter()
        .map(|d| {
            let short = vocab::credit_type(&d.credit_type)
                .map(|c| c.short.to_string())
                .unwrap_or_else(|| vocab::credit_type_label(&d.credit_type));
            format!("{} {}", locale::amount(d.amount), short)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[function_component(ActivitiesPage)]
pub fn activities_page() -> Html {
    let app = use_app();
    // A log reads newest first.
    let filter = use_state(|| ActivityFilter {
        descending: true,
        ..Default::default()
    });
    let counts_toward = use_state(|| None::<Uuid>);
    let page = use_state(|| 0usize);
    let more_open = use_state(|| false);
    let evaluations = use_evaluations();
    // A certificate dropped anywhere on the page starts a new activity from it.
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(f) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            crate::ui::components::certificates::hand_over(f);
            go(&Route::ActivityNew);
        }
    });
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let drop_hint = html! {
        <p class="small muted drop-hint">{ "Drop a certificate (PDF or photo) on this page to start a new activity from it." }</p>
    };

    let activities = &app.data.activities;
    if activities.is_empty() {
        return html! {
            <div ondrop={on_drop} ondragover={on_dragover} class="drop-area">
                <div class="page-head">
                    <h1>{ "Activities" }</h1>
                    <a href={Route::ActivityNew.href()} class="btn btn--primary">{ "Add activity" }</a>
                </div>
                { drop_hint }
                { empty_state("📚", "No activities logged yet", html! { <>
                    <p>{ "Log each course, conference, journal CME or grand rounds with its credits \
                          and topics. One activity can count toward several licenses at once." }</p>
                    <p><a href={Route::ActivityNew.href()} class="btn btn--primary">{ "Log your first activity" }</a></p>
                </> }) }
            </div>
        };
    }

    // "Counts toward credential X" uses the ids the engine reported as contributing.
    let mut f = (*filter).clone();
    f.counts_toward = counts_toward.and_then(|cid| {
        evaluations
            .iter()
            .find(|e| e.credential_id == cid)
            .map(|e| e.contributing_activity_ids())
    });
    let view = query(activities, &f);
    let pages = view.rows.len().div_ceil(PAGE_SIZE).max(1);
    let current = (*page).min(pages - 1);
    let shown = &view.rows[current * PAGE_SIZE..((current + 1) * PAGE_SIZE).min(view.rows.len())];

    let set = |apply: fn(&mut ActivityFilter, String)| {
        let filter = filter.clone();
        let page = page.clone();
        move |v: String| {
            let mut f = (*filter).clone();
            apply(&mut f, v);
            filter.set(f);
            page.set(0);
        }
    };
    let on_text = {
        let s = set(|f, v| f.text = v);
        Callback::from(move |e: InputEvent| s(input_value(&e)))
    };
    let on_from = {
        let s = set(|f, v| f.from = parse_date(&v));
        Callback::from(move |e: Event| s(input_value(&e)))
    };
    let on_to = {
        let s = set(|f, v| f.to = parse_date(&v));
        Callback::from(move |e: Event| s(input_value(&e)))
    };
    let on_credit = {
        let s = set(|f, v| f.credit_type = (!v.is_empty()).then_some(CreditTypeId::new(&v)));
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_topic = {
        let s = set(|f, v| f.topic = (!v.is_empty()).then_some(TopicId::new(&v)));
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_format = {
        let s = set(|f, v| f.format = Format::from_code(&v));
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_status = {
        let s = set(|f, v| f.status = ActivityStatus::from_code(&v));
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_no_certificate = {
        let filter = filter.clone();
        let page = page.clone();
        Callback::from(move |e: Event| {
            let mut f = (*filter).clone();
            f.no_certificate = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            filter.set(f);
            page.set(0);
        })
    };
    let on_counts = {
        let counts_toward = counts_toward.clone();
        let page = page.clone();
        Callback::from(move |e: Event| {
            counts_toward.set(Uuid::parse_str(&select_value(&e)).ok());
            page.set(0);
        })
    };
    let clear = {
        let filter = filter.clone();
        let counts_toward = counts_toward.clone();
        let page = page.clone();
        Callback::from(move |_| {
            let sort = filter.sort;
            let descending = filter.descending;
            filter.set(ActivityFilter {
                sort,
                descending,
                ..Default::default()
            });
            counts_toward.set(None);
            page.set(0);
        })
    };

    // Credit types and topics that occur in the log, for the filter menus.
    let mut used_types: Vec<CreditTypeId> = activities
        .iter()
        .flat_map(|a| a.credits.iter().map(|d| d.credit_type.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    crate::domain::model::sort::sort_by_key(&mut used_types, vocab::credit_type_label);
    let used_topics: Vec<TopicId> = activities
        .iter()
        .flat_map(|a| a.topics.iter().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();

    let sort_header = |key: SortKey, label: &'static str, class: &'static str| {
        let active = filter.sort == key;
        let aria_sort = match (active, filter.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let onclick = {
            let filter = filter.clone();
            Callback::from(move |_| {
                let mut f = (*filter).clone();
                if f.sort == key {
                    f.descending = !f.descending;
                } else {
                    f.sort = key;
                    f.descending = key == SortKey::Date || key == SortKey::Credits;
                }
                filter.set(f);
            })
        };
        let arrow = match aria_sort {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="th-sort" {onclick}>{ label }<span aria-hidden="true">{ arrow }</span></button>
            </th>
        }
    };

    // On a phone the column headers are hidden (rows stack into cards): the order is chosen here.
    const SORTS: [(&str, SortKey, bool, &str); 7] = [
        ("date-desc", SortKey::Date, true, "Newest first"),
        ("date-asc", SortKey::Date, false, "Oldest first"),
        ("title-asc", SortKey::Title, false, "Title A–Z"),
        ("credits-desc", SortKey::Credits, true, "Most credits first"),
        ("format-asc", SortKey::Format, false, "Format"),
        ("status-asc", SortKey::Status, false, "Status"),
        ("provider-asc", SortKey::Provider, false, "Provider"),
    ];
    let on_sort_select = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            if let Some((_, key, descending, _)) = SORTS.iter().find(|s| s.0 == value) {
                let mut f = (*filter).clone();
                f.sort = *key;
                f.descending = *descending;
                filter.set(f);
            }
        })
    };
    let sort_select = html! {
        <div class="field sort-select">
            <label for="list-sort">{ "Sort" }</label>
            <select id="list-sort" onchange={on_sort_select}>
                // A column sort the list offers no option for (e.g. newest title first) shows as custom.
                if !SORTS.iter().any(|s| s.1 == filter.sort && s.2 == filter.descending) {
                    <option value="" selected=true>{ "As sorted by column" }</option>
                }
                { for SORTS.iter().map(|(value, key, descending, label)| html! {
                    <option value={*value} selected={filter.sort == *key && filter.descending == *descending}>{ *label }</option>
                }) }
            </select>
        </div>
    };

    let sums = |totals: &std::collections::BTreeMap<
        crate::domain::CreditTypeId,
        crate::domain::Amount,
    >| {
        totals
            .iter()
            .map(|(t, a)| format!("{} {}", locale::amount(*a), vocab::credit_type_label(t)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let mut total_text = if view.totals.is_empty() {
        "no completed credits".to_string()
    } else {
        format!("completed {}", sums(&view.totals))
    };
    if !view.planned.is_empty() {
        total_text.push_str(&format!(
            "; planned, not yet earned: {}",
            sums(&view.planned)
        ));
    }

    let more_active = f.narrowing_count();
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |_| more_open.set(!*more_open))
    };

    html! {
        <div ondrop={on_drop} ondragover={on_dragover} class="drop-area">
            <div class="page-head">
                <h1>{ "Activities" }</h1>
                <a href={Route::ActivityNew.href()} class="btn btn--primary">{ "Add activity" }</a>
            </div>
            { drop_hint }
            <section class="card filters" aria-label="Filter activities">
                <div class="filters__grid">
                    <div class="field filters__search">
                        <label for="flt-text">{ "Search" }</label>
                        <input id="flt-text" type="search" placeholder="Title, provider, topic, tag, notes"
                            value={filter.text.clone()} oninput={on_text} />
                    </div>
                    // On a phone the seven filters would fill the screen before the first row:
                    // they fold behind this button (always shown on wider screens, by CSS).
                    <button type="button" class="btn btn--small filters__toggle"
                        aria-expanded={more_open.to_string()} aria-controls="filters-more" onclick={toggle_more}>
                        { if more_active > 0 { format!("Filters ({more_active} on)") } else { "Filters".to_string() } }
                    </button>
                    <div id="filters-more" class={classes!("filters__more", (*more_open).then_some("filters__more--open"))}>
                    <div class="field">
                        <label for="flt-from">{ "From" }</label>
                        <input id="flt-from" type="date" onchange={on_from}
                            value={filter.from.map(|d| d.to_string()).unwrap_or_default()} />
                    </div>
                    <div class="field">
                        <label for="flt-to">{ "To" }</label>
                        <input id="flt-to" type="date" onchange={on_to}
                            value={filter.to.map(|d| d.to_string()).unwrap_or_default()} />
                    </div>
                    <div class="field">
                        <label for="flt-credit">{ "Credit type" }</label>
                        <select id="flt-credit" onchange={on_credit}>
                            <option value="" selected={filter.credit_type.is_none()}>{ "Any" }</option>
                            { for used_types.iter().map(|t| html! {
                                <option value={t.as_str().to_string()} selected={filter.credit_type.as_ref() == Some(t)}>
                                    { vocab::credit_type_label(t) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="flt-topic">{ "Topic" }</label>
                        <select id="flt-topic" onchange={on_topic}>
                            <option value="" selected={filter.topic.is_none()}>{ "Any" }</option>
                            { for used_topics.iter().map(|t| html! {
                                <option value={t.as_str().to_string()} selected={filter.topic.as_ref() == Some(t)}>
                                    { vocab::topic_label(t) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="flt-format">{ "Format" }</label>
                        <select id="flt-format" onchange={on_format}>
                            <option value="" selected={filter.format.is_none()}>{ "Any" }</option>
                            { enum_options(filter.format, Format::label) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="flt-status">{ "Status" }</label>
                        <select id="flt-status" onchange={on_status}>
                            <option value="" selected={filter.status.is_none()}>{ "Any" }</option>
                            { enum_options(filter.status, ActivityStatus::label) }
                        </select>
                    </div>
                    <div class="field">
                        <label class="check" for="flt-nocert">
                            <input type="checkbox" id="flt-nocert" checked={filter.no_certificate} onchange={on_no_certificate} />
                            <span>{ "No certificate on file" }</span>
                        </label>
                    </div>
                    if !app.data.credentials.is_empty() {
                        <div class="field">
                            <label for="flt-counts">{ "Counts toward" }</label>
                            <select id="flt-counts" onchange={on_counts}>
                                <option value="" selected={counts_toward.is_none()}>{ "Any credential" }</option>
                                { for app.data.credentials.iter().map(|c| html! {
                                    <option value={c.id.to_string()} selected={*counts_toward == Some(c.id)}>{ c.name.clone() }</option>
                                }) }
                            </select>
                        </div>
                    }
                    </div>
                </div>
                if f.is_active() {
                    <button type="button" class="btn btn--small" onclick={clear}>{ "Clear filters" }</button>
                }
            </section>
            <p class="totals" aria-live="polite" id="activity-totals">
                <strong>{ format!("{} of {} activities", view.rows.len(), activities.len()) }</strong>
                { " — total shown: " }{ total_text }
            </p>
            if view.rows.is_empty() {
                <p class="empty-state">{ "No activity matches these filters." }</p>
            } else {
                { sort_select }
                // Focusable so the table can be scrolled sideways by keyboard on a narrow screen.
                <div class="table-wrap" tabindex="0" role="region" aria-label="Activity list">
                    <table class="activity-table table--stack">
                        <caption class="visually-hidden">{ "Activities, sortable by column" }</caption>
                        <thead>
                            <tr>
                                { sort_header(SortKey::Date, "Date", "") }
                                { sort_header(SortKey::Title, "Title", "") }
                                { sort_header(SortKey::Format, "Format", "col-format") }
                                { sort_header(SortKey::Credits, "Credits", "") }
                                { sort_header(SortKey::Status, "Status", "") }
                            </tr>
                        </thead>
                        <tbody>
                            { for shown.iter().map(|&i| {
                                let a = &activities[i];
                                html! {
                                    <tr key={a.id.to_string()}>
                                        <td data-label="Date">{ locale::date_range(a.start, a.end) }</td>
                                        <td class="cell-title">
                                            <a href={(Route::ActivityDetail { id: a.id.to_string() }).href()}>{ a.title.clone() }</a>
                                            if !a.provider.is_empty() { <div class="muted small">{ a.provider.clone() }</div> }
                                        </td>
                                        <td class="col-format" data-label="Format">{ a.format.label() }</td>
                                        <td data-label="Credits">{ credits_summary(a) }</td>
                                        <td data-label="Status">{ activity_status_badge(a.status) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                if pages > 1 {
                    <nav class="pager" aria-label="Pages">
                        <button type="button" class="btn btn--small" disabled={current == 0}
                            onclick={{ let page = page.clone(); Callback::from(move |_| page.set(current.saturating_sub(1))) }}>
                            { "‹ Previous" }</button>
                        <span aria-live="polite">{ format!("Page {} of {}", current + 1, pages) }</span>
                        <button type="button" class="btn btn--small" disabled={current + 1 >= pages}
                            onclick={{ let page = page.clone(); Callback::from(move |_| page.set(current + 1)) }}>
                            { "Next ›" }</button>
                    </nav>
                }
            }
            <p class="no-print">
                <a href={Route::Transcript.href()} class="btn">{ "Transcript & charts" }</a>
                <span class="muted small">{ " Every year's credits by type, as a document to print, with charts." }</span>
            </p>
            <p class="no-print">
                <a href={Route::ActivityImport.href()} class="btn">{ "Import activities" }</a>
                <span class="muted small">{ " From a spreadsheet (CSV) or a provider's transcript." }</span>
            </p>
        </div>
    }
}

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

/// New, edit and duplicate share this page; only the starting draft and the saved id differ.
#[function_component(ActivityEditorPage)]
pub fn activity_editor_page(props: &ActivityEditorProps) -> Html {
    let app = use_app();
    let today = locale::today();
    // Bumped after "Save and add another" so the form starts over empty.
    let generation = use_state(|| 0u32);
    // "Start from a certificate": the text pasted, what the worker read from it, any message.
    let cert_text = use_state(String::new);
    let prefill = use_state(|| None::<ActivityDraft>);
    let read_note = use_state(|| None::<String>);
    // A certificate file chosen or dropped to start from: attached once the activity is saved.
    let pending = use_state(|| None::<web_sys::File>);
    let take_file = {
        let prefill = prefill.clone();
        let read_note = read_note.clone();
        let generation = generation.clone();
        let pending = pending.clone();
        Rc::new(move |file: web_sys::File| {
            if let Err(m) = crate::domain::model::attachment::check_file(
                &file.name(),
                &file.type_(),
                file.size() as u64,
            ) {
                read_note.set(Some(m.to_string()));
                return;
            }
            let name = file.name();
            pending.set(Some(file.clone()));
            let prefill = prefill.clone();
            let read_note = read_note.clone();
            let generation = generation.clone();
            crate::ui::components::certificates::read_file(file, move |fields| {
                if fields.is_empty() {
                    read_note.set(Some(format!("“{name}” will be attached when you save. Nothing in it could be read as text: fill in the form.")));
                } else {
                    prefill.set(Some(fields.to_draft()));
                    generation.set(*generation + 1);
                    read_note.set(Some(format!("Filled in from “{name}”, which will be attached when you save: check every field before saving.")));
                }
            });
        })
    };
    {
        // A certificate dropped on the Activities page starts this form.
        let take_file = take_file.clone();
        use_effect_with((), move |_| {
            if let Some(f) = crate::ui::components::certificates::take_dropped() {
                take_file(f);
            }
        });
    }

    let existing = props
        .id
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.activity(id).cloned());
    let guard = use_edit_guard(existing.clone().filter(|_| !props.duplicate));
    if props.id.is_some() && existing.is_none() {
        return html! {
            { empty_state("🔎", "Activity not found", html! { <>
                <p>{ "It may have been deleted." }</p>
                <p><a href={Route::Activities.href()} class="btn">{ "Back to activities" }</a></p>
            </> }) }
        };
    }
    let editing = existing.clone().filter(|_| !props.duplicate);
    let goal = props
        .goal
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.data.goals.iter().find(|g| g.id == id).cloned());
    let initial = match &existing {
        Some(a) => {
            let mut d = ActivityDraft::from_activity(a);
            if props.duplicate {
                d.title = format!("{} (copy)", d.title);
            }
            d
        }
        None => match (&*prefill, &goal) {
            (Some(p), _) => p.clone(),
            (None, Some(g)) => {
                let p = crate::domain::engine::goals::progress(g, &app.data.activities, today);
                g.planned_activity(&p, today)
            }
            (None, None) => ActivityDraft::default(),
        },
    };
    let on_read = {
        let cert_text = cert_text.clone();
        let prefill = prefill.clone();
        let read_note = read_note.clone();
        let generation = generation.clone();
        Callback::from(move |_: MouseEvent| {
            let text = (*cert_text).clone();
            if text.trim().is_empty() {
                read_note.set(Some(
                    "Paste the certificate's text or the completion e-mail first.".into(),
                ));
                return;
            }
            let prefill = prefill.clone();
            let read_note = read_note.clone();
            let generation = generation.clone();
            // The reader runs in the worker: none of it is in the first download.
            crate::ui::worker_client::request(
                crate::worker::protocol::Request::ReadCertificate { text },
                move |r| {
                    if let crate::worker::protocol::Response::CertificateRead { fields } = r {
                        if fields.is_empty() {
                            read_note.set(Some("Nothing in this text looked like a title, date or credit statement. Fill in the form by hand.".into()));
                        } else {
                            prefill.set(Some(fields.to_draft()));
                            generation.set(*generation + 1);
                            read_note.set(Some(
                                "Filled in from the text: check every field before saving.".into(),
                            ));
                        }
                    }
                },
            );
        })
    };
    let title = match (&editing, props.duplicate, &goal) {
        (Some(_), _, _) => "Edit activity",
        (None, true, _) => "Duplicate activity",
        (None, false, Some(_)) => "Plan an activity for a goal",
        (None, false, None) => "Add activity",
    };

    let onsave = {
        let app = app.clone();
        let editing = editing.clone();
        let generation = generation.clone();
        let prefill_after_save = prefill.clone();
        let pending_file = pending.clone();
        let goal_id = goal.as_ref().map(|g| g.id);
        let guard_ok = !guard.changed();
        let tell = guard.teller();
        let drawn = guard.drawn_if_changed();
        Callback::from(move |(valid, again): (ValidDraft, bool)| {
            if !guard_ok {
                // Changed in another tab since the form opened: ask first (the notice says so).
                tell.emit(());
                return;
            }
            let mut activity = valid.into_activity(editing.as_ref(), Uuid::new_v4(), locale::now());
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
            if let Some(file) = (*pending_file).clone() {
                pending_file.set(None);
                let app = app.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::ui::components::certificates::keep(file, id).await {
                        Ok(rec) => app.dispatch(Action::Change(Change::AttachCertificate(id, rec))),
                        Err(m) => app.dispatch(Action::Notify(m)),
                    }
                });
            }
            if again {
                prefill_after_save.set(None);
                generation.set(*generation + 1);
                if let Some(el) = gloo::utils::document().get_element_by_id("act-title") {
                    use wasm_bindgen::JsCast;
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            } else {
                go(&Route::ActivityDetail { id: id.to_string() });
            }
        })
    };
    // Stable, so that the form is not drawn again when the records change under it (its own
    // save, a moment before this page is left).
    let onsave = crate::ui::hooks::use_stable_callback(onsave);
    let oncancel = crate::ui::hooks::use_stable_callback(Callback::from(move |_| back()));
    let required = {
        let data = app.data.clone();
        use_memo(app.revision, move |_| {
            crate::domain::engine::topic_pick::required_topics(&data.credentials)
        })
    };

    html! {
        <>
            <div class="page-head"><h1 id="activity-form-title">{ title }</h1></div>
            if guard.changed() {
                <EditConflict what="activity" told={guard.told()}
                    onreload={{
                        let generation = generation.clone();
                        let ack = guard.reloader();
                        Callback::from(move |_| { ack.emit(()); generation.set(*generation + 1); })
                    }}
                    onkeep={guard.keeper()} />
            }
            if existing.is_none() {
                <details class="card cert-start" open={prefill.is_some() || pending.is_some()}>
                    <summary>{ "Start from a certificate or completion e-mail" }</summary>
                    <div class="field">
                        <label for="cert-text">{ "Paste the certificate's text or the completion e-mail" }</label>
                        <textarea id="cert-text" rows="5" value={(*cert_text).clone()} oninput={{
                            let cert_text = cert_text.clone();
                            Callback::from(move |e: InputEvent| cert_text.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))
                        }} aria-describedby="cert-text-hint" />
                        <p class="hint" id="cert-text-hint">{ "The text is read in this browser; nothing is sent anywhere. You check every field before saving." }</p>
                    </div>
                    <button type="button" class="btn" onclick={on_read}>{ "Read the text" }</button>
                    <div class="field">
                        <label for="cert-start-file">{ "Or choose the certificate file (PDF or photo): it is read here and attached when you save" }</label>
                        <input id="cert-start-file" type="file" accept="application/pdf,image/png,image/jpeg,image/webp,image/heic,.heic" onchange={{
                            let take_file = take_file.clone();
                            Callback::from(move |e: Event| {
                                let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
                                if let Some(f) = input.files().and_then(|l| l.get(0)) {
                                    take_file(f);
                                }
                            })
                        }} />
                    </div>
                    if let Some(n) = &*read_note { <p role="status" id="cert-read-note">{ n.clone() }</p> }
                </details>
            }
            <ActivityForm key={*generation} {initial} {today} {onsave} {oncancel} required={required}
                submit_label={if editing.is_some() { "Save changes" } else { "Save activity" }}
                allow_add_another={editing.is_none()} />
        </>
    }
}
