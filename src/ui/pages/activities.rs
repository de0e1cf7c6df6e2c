//! The activity log: list with filters, search, sorting, totals and pagination; add, edit,
//! duplicate and delete (with undo).

use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::go;

use crate::domain::draft::parse_date;
use crate::domain::engine::query::{query, ActivityFilter, SortKey};
use crate::domain::model::codes::Coded;
use crate::domain::{model::vocab, ActivityStatus, CreditTypeId, Format, TopicId};
use crate::route::Route;
use crate::ui::components::badges::activity_status_badge;
use crate::ui::components::empty_state;
use crate::ui::components::enum_select::enum_options;
use crate::ui::components::inputs::{input_value, select_value};
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::state::{use_app, AppContext};

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

/// The list's state: the filter, "counts toward", the page shown, the folded filters.
#[derive(Clone)]
struct ListState {
    filter: UseStateHandle<ActivityFilter>,
    counts_toward: UseStateHandle<Option<Uuid>>,
    page: UseStateHandle<usize>,
    more_open: UseStateHandle<bool>,
}

#[function_component(ActivitiesPage)]
pub fn activities_page() -> Html {
    let app = use_app();
    let st = ListState {
        // A log reads newest first.
        filter: use_state(|| ActivityFilter {
            descending: true,
            ..Default::default()
        }),
        counts_toward: use_state(|| None),
        page: use_state(|| 0),
        more_open: use_state(|| false),
    };
    let evaluations = use_evaluations();
    let activities = &app.data.activities;
    if activities.is_empty() {
        return drop_area(empty_state(
            "📚",
            "No activities logged yet",
            html! { <>
                <p>{ "Log each course, conference, journal CME or grand rounds with its credits \
                      and topics. One activity can count toward several licenses at once." }</p>
                <p><a href={Route::ActivityNew.href()} class="btn btn--primary">{ "Log your first activity" }</a></p>
            </> },
        ));
    }

    // "Counts toward credential X" uses the ids the engine reported as contributing.
    let mut f = (*st.filter).clone();
    f.counts_toward = st.counts_toward.and_then(|cid| {
        evaluations
            .iter()
            .find(|e| e.credential_id == cid)
            .map(|e| e.contributing_activity_ids())
    });
    let view = query(activities, &f);
    let pages = view.rows.len().div_ceil(PAGE_SIZE).max(1);
    let current = (*st.page).min(pages - 1);
    let shown = &view.rows[current * PAGE_SIZE..((current + 1) * PAGE_SIZE).min(view.rows.len())];
    drop_area(html! {
        <>
            { filters(&st, &app, &f) }
            <p class="totals" aria-live="polite" id="activity-totals">
                <strong>{ format!("{} of {} activities", view.rows.len(), activities.len()) }</strong>
                { " — total shown: " }{ totals_text(&view) }
            </p>
            if view.rows.is_empty() {
                <p class="empty-state">{ "No activity matches these filters." }</p>
            } else {
                { sort_select(&st.filter) }
                { table(&st.filter, activities, shown) }
                { pager(&st.page, current, pages) }
            }
            <p class="no-print">
                <a href={Route::Transcript.href()} class="btn">{ "Transcript & charts" }</a>
                <span class="muted small">{ " Every year's credits by type, as a document to print, with charts." }</span>
            </p>
            <p class="no-print">
                <a href={Route::ActivityImport.href()} class="btn">{ "Import activities" }</a>
                <span class="muted small">{ " From a spreadsheet (CSV) or a provider's transcript." }</span>
            </p>
        </>
    })
}

/// The page's frame: its heading, and a certificate dropped anywhere on it starts a new activity.
fn drop_area(content: Html) -> Html {
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
    html! {
        <div ondrop={on_drop} ondragover={on_dragover} class="drop-area">
            <div class="page-head">
                <h1>{ "Activities" }</h1>
                <a href={Route::ActivityNew.href()} class="btn btn--primary">{ "Add activity" }</a>
            </div>
            <p class="small muted drop-hint">{ "Drop a certificate (PDF or photo) on this page to start a new activity from it." }</p>
            { content }
        </div>
    }
}

/// A change of the filter through `apply`, back to the first page.
fn setter(st: &ListState, apply: fn(&mut ActivityFilter, String)) -> impl Fn(String) {
    let (filter, page) = (st.filter.clone(), st.page.clone());
    move |v: String| {
        let mut f = (*filter).clone();
        apply(&mut f, v);
        filter.set(f);
        page.set(0);
    }
}

/// The search, and the other filters (folded on a phone).
fn filters(st: &ListState, app: &AppContext, f: &ActivityFilter) -> Html {
    let filter = &st.filter;
    let more_open = &st.more_open;
    let on_text = {
        let s = setter(st, |f, v| f.text = v);
        Callback::from(move |e: InputEvent| s(input_value(&e)))
    };
    let more_active = f.narrowing_count();
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |_| more_open.set(!*more_open))
    };
    let clear = {
        let (filter, counts_toward, page) =
            (st.filter.clone(), st.counts_toward.clone(), st.page.clone());
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

    html! {
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
                    { more_filters(st, app) }
                </div>
                if f.is_active() {
                    <button type="button" class="btn btn--small" onclick={clear}>{ "Clear filters" }</button>
                }
            </section>
    }
}

/// Dates, credit type, topic, format, status, certificate and credential.
fn more_filters(st: &ListState, app: &AppContext) -> Html {
    let filter = &st.filter;
    let more_open = &st.more_open;
    let counts_toward = &st.counts_toward;
    let activities = &app.data.activities;
    let on_from = {
        let s = setter(st, |f, v| f.from = parse_date(&v));
        Callback::from(move |e: Event| s(input_value(&e)))
    };
    let on_to = {
        let s = setter(st, |f, v| f.to = parse_date(&v));
        Callback::from(move |e: Event| s(input_value(&e)))
    };
    let on_credit = {
        let s = setter(st, |f, v| {
            f.credit_type = (!v.is_empty()).then_some(CreditTypeId::new(&v))
        });
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_topic = {
        let s = setter(st, |f, v| {
            f.topic = (!v.is_empty()).then_some(TopicId::new(&v))
        });
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_format = {
        let s = setter(st, |f, v| f.format = Format::from_code(&v));
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_status = {
        let s = setter(st, |f, v| f.status = ActivityStatus::from_code(&v));
        Callback::from(move |e: Event| s(select_value(&e)))
    };
    let on_no_certificate = {
        let (filter, page) = (st.filter.clone(), st.page.clone());
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
        let (counts_toward, page) = (st.counts_toward.clone(), st.page.clone());
        Callback::from(move |e: Event| {
            counts_toward.set(Uuid::parse_str(&select_value(&e)).ok());
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

    html! {
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
                                    <option value={c.id.to_string()} selected={**counts_toward == Some(c.id)}>{ c.name.clone() }</option>
                                }) }
                            </select>
                        </div>
                    }
                    </div>
    }
}

/// "completed 12 AMA PRA Category 1 Credit™ · …; planned, not yet earned: …".
fn totals_text(view: &crate::domain::engine::query::ActivityView) -> String {
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

    total_text
}

/// The sort, as a menu: on a phone the column headers are hidden (rows stack into cards).
fn sort_select(filter: &UseStateHandle<ActivityFilter>) -> Html {
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
    html! {
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
    }
}

/// A column header that sorts by its column (again: the other way).
fn sort_header(
    filter: &UseStateHandle<ActivityFilter>,
    key: SortKey,
    label: &'static str,
    class: &'static str,
) -> Html {
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
}

/// The page of activities shown.
fn table(
    filter: &UseStateHandle<ActivityFilter>,
    activities: &[std::sync::Arc<crate::domain::Activity>],
    shown: &[usize],
) -> Html {
    html! {
                // Focusable so the table can be scrolled sideways by keyboard on a narrow screen.
                <div class="table-wrap" tabindex="0" role="region" aria-label="Activity list">
                    <table class="activity-table table--stack">
                        <caption class="visually-hidden">{ "Activities, sortable by column" }</caption>
                        <thead>
                            <tr>
                                { sort_header(filter, SortKey::Date, "Date", "") }
                                { sort_header(filter, SortKey::Title, "Title", "") }
                                { sort_header(filter, SortKey::Format, "Format", "col-format") }
                                { sort_header(filter, SortKey::Credits, "Credits", "") }
                                { sort_header(filter, SortKey::Status, "Status", "") }
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
    }
}

fn pager(page: &UseStateHandle<usize>, current: usize, pages: usize) -> Html {
    html! {
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
}
