//! One activity: every detail, and where it counts — for each credential a line naming what it
//! counts toward, and a table with, for each rule, the amount or the engine's reason why not.

use crate::storage::change::Change;
use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::go;

use crate::domain::engine::evaluate::{counts_toward, CountsToward};
use crate::domain::{model::vocab, text::describe, ActivityStatus};
use crate::route::Route;
use crate::ui::components::empty_state;
use crate::ui::hooks::use_evaluations_after_paint;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct ActivityDetailProps {
    pub id: String,
}

#[function_component(ActivityDetailPage)]
pub fn activity_detail_page(props: &ActivityDetailProps) -> Html {
    let app = use_app();
    let asking_delete = use_state(|| false);
    // The question takes the focus once it is on screen.
    use_effect_with(*asking_delete, |asking| {
        if *asking {
            crate::ui::components::focus::focus("delete-files");
        }
    });
    // After a save this page is what the person waits for: its first frame draws the activity
    // itself, and the rest (files, goals, reflection, and where it counts, which needs the
    // engine) a frame later, below it. At 4x CPU with 10,000 activities that first frame came
    // some 20 ms sooner (docs/performance-history.md).
    let evaluations = use_evaluations_after_paint();
    let Some(activity) = Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.activity(id).cloned())
    else {
        return html! {
            { empty_state("🔎", "Activity not found", html! { <>
                <p>{ "It may have been deleted. If you just deleted it, use Undo below." }</p>
                <p><a href={Route::Activities.href()} class="btn">{ "Back to activities" }</a></p>
            </> }) }
        };
    };
    let groups = evaluations
        .as_ref()
        .map(|e| grouped(counts_toward(&activity, &app.data.credentials, e)))
        .unwrap_or_default();
    // With a few credentials every table is open; with more, each credential is one line that
    // opens to its table, so the page stays short enough to scan (and to draw at once after a
    // save: twelve credentials' tables were some 400 elements).
    let open = groups.len() <= OPEN_UP_TO;
    let delete_now = {
        let app = app.clone();
        let id = activity.id;
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Change(Change::DeleteActivity(id)));
            go(&Route::Activities);
        })
    };
    // With certificates on file, deleting asks first: their files go with the activity. Undo
    // brings both back: the bytes stay in IndexedDB (a deleted activity's files are not erased
    // at once, so an undo, or a backup made before, can always restore them).
    let files = activity.certificates.len();
    let on_delete = {
        let delete_now = delete_now.clone();
        let asking = asking_delete.clone();
        Callback::from(move |e: MouseEvent| {
            if files > 0 {
                asking.set(true);
            } else {
                delete_now.emit(e);
            }
        })
    };
    let download_files = {
        let a = activity.clone();
        Callback::from(move |_: MouseEvent| {
            for f in &a.certificates {
                let name = a.certificate_file_name(f);
                let id = f.id;
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(Some(blob)) = crate::storage::browser::files::get(id).await {
                        let _ = crate::storage::browser::download_blob(&name, &blob);
                    }
                });
            }
        })
    };
    let id = activity.id.to_string();
    html! {
        <section class="stack" aria-labelledby="activity-title">
            <div class="page-head">
                <h1 id="activity-title">{ activity.title.clone() }</h1>
                <div class="actions">
                    <a href={(Route::ActivityEdit { id: id.clone() }).href()} class="btn btn--primary">{ "Edit" }</a>
                    <a href={(Route::ActivityDuplicate { id: id.clone() }).href()} class="btn">{ "Duplicate" }</a>
                    <button type="button" class="btn btn--danger" onclick={on_delete}>{ "Delete" }</button>
                </div>
            </div>
            if *asking_delete {
                <div class="banner banner--warn" id="delete-files" tabindex="-1" role="alertdialog" aria-labelledby="delete-files-text">
                    <p id="delete-files-text">{ format!("“{}” has {} certificate file{}. Deleting the activity deletes {} too; Undo brings both back.",
                        activity.title, files, if files == 1 { "" } else { "s" }, if files == 1 { "it" } else { "them" }) }</p>
                    <div class="actions">
                        <button type="button" class="btn" onclick={download_files}>{ if files == 1 { "Download the file first" } else { "Download the files first" } }</button>
                        <button type="button" class="btn btn--danger" onclick={delete_now}>{ "Delete activity and files" }</button>
                        <button type="button" class="btn" onclick={{ let a = asking_delete.clone(); Callback::from(move |_| a.set(false)) }}>{ "Cancel" }</button>
                    </div>
                </div>
            }
            { details(&activity) }
            if evaluations.is_some() {
                <crate::ui::components::certificates::Certificates activity={activity.clone()} />
                <crate::ui::components::learning::GoalLinks activity={activity.id} />
                if activity.is_completed() {
                    <crate::ui::components::learning::ReflectionCard key={activity.id.to_string()} activity={activity.clone()} />
                }
                { where_it_counts(&activity, groups, open) }
            }
        </section>
    }
}

/// The engine lists rows credential by credential; shown as one group per credential.
fn grouped(rows: Vec<CountsToward>) -> Vec<Vec<CountsToward>> {
    let mut groups: Vec<Vec<CountsToward>> = Vec::new();
    for r in rows {
        match groups.last_mut() {
            Some(g) if g[0].credential_id == r.credential_id => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    groups
}

/// What was recorded: status, dates, provider, accreditor, format, credit, topics, tags, notes.
fn details(activity: &crate::domain::Activity) -> Html {
    let dates = locale::date_range(activity.start, activity.end);
    html! {
            <div class="card">
            <dl class="details">
                <dt>{ "Status" }</dt>
                <dd>{ crate::ui::components::badges::activity_status_badge(activity.status) }</dd>
                <dt>{ "Date" }</dt><dd>{ dates }</dd>
                <dt>{ "Provider" }</dt>
                <dd>{ if activity.provider.is_empty() { "—".to_string() } else { activity.provider.clone() } }</dd>
                <dt>{ "Accredited by" }</dt><dd>{ activity.accreditor.label() }</dd>
                <dt>{ "Format" }</dt><dd>{ activity.format.label() }</dd>
                <dt>{ "Credit" }</dt>
                <dd>
                    <ul class="plain-list">
                        { for activity.credits.iter().map(|d| html! {
                            <li>{ format!("{} {}", locale::amount(d.amount), vocab::credit_type_label(&d.credit_type)) }</li>
                        }) }
                    </ul>
                </dd>
                <dt>{ "Topics" }</dt>
                <dd>{ if activity.topics.is_empty() { "—".to_string() } else {
                    activity.topics.iter().map(vocab::topic_label).collect::<Vec<_>>().join(", ")
                } }</dd>
                if !activity.tags.is_empty() {
                    <dt>{ "Tags" }</dt><dd>{ activity.tags.join(", ") }</dd>
                }
                if !activity.notes.is_empty() {
                    <dt>{ "Notes" }</dt><dd class="pre-wrap">{ activity.notes.clone() }</dd>
                }
            </dl>
        </div>
    }
}

/// Which requirement of which credential the activity counts toward, and why not elsewhere.
fn where_it_counts(
    activity: &crate::domain::Activity,
    groups: Vec<Vec<CountsToward>>,
    open: bool,
) -> Html {
    html! {
        <>
                <h2>{ "Where it counts" }</h2>
                if activity.status == ActivityStatus::Planned {
                    <p class="muted">{ "Planned activities count only in the what-if view of the dashboard." }</p>
                }
                if groups.is_empty() {
                    <p class="muted">
                        { "Add a credential to see which requirements this activity counts toward. " }
                        <a href={Route::Credentials.href()}>{ "Go to credentials" }</a>
                    </p>
                } else {
                    { for groups.into_iter().map(|rows| {
                        let key = rows[0].credential_id.to_string();
                        html! { <CountsGroup {key} {rows} {open} /> }
                    }) }
                }
        </>
    }
}

/// Up to this many credentials, an activity's page shows every credential's table open.
const OPEN_UP_TO: usize = 3;

#[derive(Properties, PartialEq)]
struct CountsGroupProps {
    /// One credential's rows.
    rows: Vec<CountsToward>,
    /// Open when first drawn.
    open: bool,
}

/// One credential on an activity's page: a line saying what the activity counts toward, opening
/// to a table with every rule's amount or reason. The table is built only while open.
#[function_component(CountsGroup)]
fn counts_group(props: &CountsGroupProps) -> Html {
    let open = use_state_eq(|| props.open);
    let rows = &props.rows;
    let name = rows[0].credential_name.clone();
    // The browser opens and closes <details> itself; its `open` attribute says which it is now.
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    html! {
        <details class="where-it-counts-group" open={*open} {ontoggle}>
            <summary>
                <strong>{ name.clone() }</strong>
                <span class="where-it-counts-group__line">{ describe::counts_summary(rows, &|a| locale::amount(a)) }</span>
            </summary>
            if *open {
                // On a phone each row stacks into a small card, so the reason never hides off the
                // side of the screen.
                <table class="table--stack where-it-counts">
                    <caption class="visually-hidden">{ name }</caption>
                    <thead><tr><th scope="col">{ "Requirement" }</th><th scope="col">{ "Counts" }</th><th scope="col">{ "Why" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let counts = match r.amount {
                                Some(a) => html! { <span class="badge badge--ok">{ format!("✓ {} {}", locale::amount(a), r.unit.abbrev()) }</span> },
                                None => html! { <span class="badge badge--muted">{ "— no" }</span> },
                            };
                            let why = r.reason.as_ref().map(|x| describe::reason_text(x, r.unit, &|d| locale::date(d))).unwrap_or_else(|| "Counts in full.".into());
                            html! {
                                <tr>
                                    <th scope="row">{ r.rule_label.clone() }</th>
                                    <td data-label="Counts">{ counts }</td>
                                    <td data-label="Why">{ why }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </details>
    }
}
