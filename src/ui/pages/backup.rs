//! Backup: download every record as a JSON file, and import one (file picker or drag and drop)
//! after it has been checked and previewed — Merge by id, or Replace everything.

use std::rc::Rc;

use chrono::Utc;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::storage::backup::{self, Backup, BackupError, Preview};
use crate::storage::browser;
use crate::storage::format::stored_units;
use crate::storage::merge::merge;
use crate::storage::RecordKind;
use crate::ui::format;
use crate::ui::state::{use_app, Action};

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading(String),
    Rejected(String, BackupError),
    Ready(String, Rc<Backup>),
}

fn download_backup(app: &crate::ui::state::AppContext) {
    let text = backup::export(&app.data, env!("CARGO_PKG_VERSION"), Utc::now());
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

#[function_component(BackupPage)]
pub fn backup_page() -> Html {
    let app = use_app();
    let import = use_state(|| Import::Idle);
    let reader = use_mut_ref(|| None::<FileReader>);
    let confirm_replace = use_state(|| false);
    // (site's bytes, quota, persisted), read when the page opens and after each change (an
    // import changes them).
    let usage = use_state(|| None::<(f64, f64, Option<bool>)>);
    {
        let usage = usage.clone();
        use_effect_with(app.revision, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let persisted = browser::request_persistence().await;
                if let Some((used, quota)) = browser::estimate().await {
                    usage.set(Some((used, quota, persisted)));
                }
            });
        });
    }
    // What the records take in storage, as the browser counts it (two bytes per UTF-16 unit),
    // from the records themselves: right after an import, before the deferred save has run.
    let records_bytes = {
        let data = app.data.clone();
        *use_memo(app.revision, move |_| stored_units(&data) * 2)
    };
    // Records here that the file would delete, which the person chose to keep.
    let keep = use_state(Vec::<uuid::Uuid>::new);

    let read_file = {
        let import = import.clone();
        let reader = reader.clone();
        Rc::new(move |file: web_sys::File| {
            let name = file.name();
            if file.size() > backup::MAX_BACKUP_BYTES as f64 {
                import.set(Import::Rejected(
                    name,
                    BackupError {
                        summary:
                            "This file is larger than 20 MB, so it cannot be a CME Tracker backup."
                                .into(),
                        problems: vec![],
                        total: 0,
                    },
                ));
                return;
            }
            import.set(Import::Reading(name.clone()));
            let import = import.clone();
            let current = name.clone();
            let task = gloo::file::callbacks::read_as_bytes(&File::from(file), move |result| {
                let next = match result {
                    Ok(bytes) => match backup::parse(&bytes) {
                        Ok(b) => Import::Ready(current.clone(), Rc::new(b)),
                        Err(e) => Import::Rejected(current.clone(), e),
                    },
                    Err(_) => Import::Rejected(
                        current.clone(),
                        BackupError {
                            summary: "The file could not be read.".into(),
                            problems: vec![],
                            total: 0,
                        },
                    ),
                };
                import.set(next);
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_pick = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let read_file = read_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read_file(file);
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());

    // The preview compares with the current data, so it is computed at render time.
    let preview: Option<Preview> = match &*import {
        Import::Ready(_, b) => Some(backup::preview(&app.data, b)),
        _ => None,
    };
    let on_merge = {
        let app = app.clone();
        let import = import.clone();
        let keep = keep.clone();
        Callback::from(move |_| {
            if let Import::Ready(_, b) = &*import {
                let (merged, report) = merge(&app.data, &b.keeping(&keep));
                let message = format!(
                    "Imported: {} added, {} updated, {} unchanged{}.",
                    report.added,
                    report.updated,
                    report.skipped,
                    if report.removed > 0 {
                        format!(", {} removed (deleted in the backup)", report.removed)
                    } else {
                        String::new()
                    }
                );
                app.dispatch(Action::ReplaceData(merged, message));
                import.set(Import::Idle);
                keep.set(Vec::new());
            }
        })
    };
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |(id, kept): (uuid::Uuid, bool)| {
            let mut next = (*keep).clone();
            next.retain(|k| *k != id);
            if kept {
                next.push(id);
            }
            keep.set(next);
        })
    };
    let on_replace = {
        let app = app.clone();
        let import = import.clone();
        let confirm_replace = confirm_replace.clone();
        Callback::from(move |_| {
            if let Import::Ready(_, b) = &*import {
                app.dispatch(Action::ReplaceData(
                    b.data.clone(),
                    "Replaced every record with the backup.".into(),
                ));
                import.set(Import::Idle);
                confirm_replace.set(false);
            }
        })
    };
    let on_download = {
        let app = app.clone();
        Callback::from(move |_| download_backup(&app))
    };
    let on_confirm = {
        let confirm_replace = confirm_replace.clone();
        Callback::from(move |e: Event| {
            confirm_replace.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_cancel = {
        let import = import.clone();
        let keep = keep.clone();
        Callback::from(move |_| {
            import.set(Import::Idle);
            keep.set(Vec::new());
        })
    };

    let last = app.data.settings.last_backup_at;
    let stale = last.is_none_or(|t| (Utc::now() - t).num_days() > 30);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let counts = format!(
        "{}, {}",
        plural(app.data.activities.len(), "activity", "activities"),
        plural(app.data.credentials.len(), "credential", "credentials")
    );
    html! {
        <>
            <div class="page-head"><h1>{ "Backup" }</h1></div>
            <section class="card" aria-labelledby="export-title">
                <h2 id="export-title">{ "Download a backup" }</h2>
                <p>{ "Your records live only in this browser. A backup file holds all of them (" }{ counts }{ "); keep it somewhere safe — you can import it on any device." }</p>
                <p>
                    { match last {
                        Some(t) => format!("Last backup: {}.", format::date(t.date_naive())),
                        None => "No backup downloaded yet.".to_string(),
                    } }
                    if stale && !app.data.is_empty() {
                        <strong class="warn-text">{ " It is time for a new one (every 30 days is a good habit)." }</strong>
                    }
                </p>
                <button type="button" class="btn btn--primary" onclick={on_download.clone()}>{ "Download backup" }</button>
                if let Some((used, quota, persisted)) = *usage {
                    <p class="small muted" data-testid="storage-usage">
                        { format!("Your records take {}; with the app's offline copy this site uses {} of about {} the browser allows. ",
                            format::bytes(records_bytes as f64), format::bytes(used), format::bytes(quota)) }
                        { match persisted {
                            Some(true) => "The browser keeps this data even when space runs low.",
                            Some(false) => "The browser may clear this data when space runs low — another reason to keep backups.",
                            None => "",
                        } }
                    </p>
                }
            </section>
            <section class="card" aria-labelledby="import-title">
                <h2 id="import-title">{ "Import a backup" }</h2>
                <div class="dropzone" ondrop={on_drop} ondragover={on_dragover}>
                    <label for="import-file">{ "Choose a backup file (.json), or drop it here" }</label>
                    <input id="import-file" type="file" accept=".json,application/json" onchange={on_pick}
                        aria-describedby="import-status" />
                </div>
                <div id="import-status" aria-live="polite">
                    { match &*import {
                        Import::Idle => html! {},
                        Import::Reading(name) => html! { <p>{ format!("Checking {name}…") }</p> },
                        Import::Rejected(name, e) => html! {
                            <div class="banner banner--bad" role="alert">
                                <p><strong>{ format!("{name}: ") }</strong>{ e.summary.clone() }</p>
                                if !e.problems.is_empty() {
                                    <ul>
                                        { for e.problems.iter().map(|p| html! {
                                            <li>{ p.to_string() }</li>
                                        }) }
                                        if e.total > e.problems.len() {
                                            <li>{ format!("… and {} more problems", e.total - e.problems.len()) }</li>
                                        }
                                    </ul>
                                }
                                <p>{ "Nothing was changed." }</p>
                            </div>
                        },
                        Import::Ready(name, b) => { let p = preview.clone().unwrap_or_else(|| backup::preview(&app.data, b)); html! {
                            <div class="banner">
                                <p><strong>{ name.clone() }</strong>{ format!(" — exported {} by CME Tracker {}.", format::date(b.exported_at.date_naive()), b.app_version) }</p>
                                <p>{ format!("{} activities, {} credentials, {} goals", p.activities, p.credentials, p.goals) }
                                    if let Some((from, to)) = p.date_range { { format!(" · activities from {} to {}", format::date(from), format::date(to)) } }
                                </p>
                                <p>{ format!("{} records are already here ({} of them differ).", p.same_id, p.differing) }</p>
                                if !p.deletes.is_empty() {
                                    <DeletionList deletes={p.deletes.clone()} keep={(*keep).clone()} onchange={on_keep.clone()} />
                                }
                                <div class="banner__actions">
                                    <button type="button" class="btn btn--primary" onclick={on_merge}>{ "Merge" }</button>
                                    <button type="button" class="btn" onclick={on_cancel}>{ "Cancel" }</button>
                                </div>
                                <p class="small">{ "Merge adds new records, keeps the newer version of records that are in both, and deletes only the records ticked above." }</p>
                                <details>
                                    <summary>{ "Replace everything instead" }</summary>
                                    <p>{ "Replace deletes every record here and keeps only the backup's. Download a backup of the current data first." }</p>
                                    <p><button type="button" class="btn" onclick={on_download}>{ "Download current data first" }</button></p>
                                    <label class="check" for="confirm-replace">
                                        <input type="checkbox" id="confirm-replace" checked={*confirm_replace} onchange={on_confirm} />
                                        <span>{ "I understand that every current record will be replaced" }</span>
                                    </label>
                                    <p><button type="button" class="btn btn--danger" disabled={!*confirm_replace} onclick={on_replace}>{ "Replace everything" }</button></p>
                                </details>
                            </div>
                        }},
                    } }
                </div>
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DeletionListProps {
    deletes: Vec<(RecordKind, uuid::Uuid, String)>,
    keep: Vec<uuid::Uuid>,
    onchange: Callback<(uuid::Uuid, bool)>,
}

/// The records here that the file deletes, each with a box to tick off to keep it. Nothing is
/// deleted before the person has seen this list and pressed Merge.
#[function_component(DeletionList)]
fn deletion_list(props: &DeletionListProps) -> Html {
    let count = |kind: RecordKind| props.deletes.iter().filter(|(k, _, _)| *k == kind).count();
    let mut parts = Vec::new();
    for (kind, one, many) in [
        (RecordKind::Activity, "activity", "activities"),
        (RecordKind::Credential, "credential", "credentials"),
        (RecordKind::Goal, "goal", "goals"),
    ] {
        match count(kind) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let applied = props.deletes.len() - props.keep.len();
    html! {
        <fieldset class="deletions" data-testid="import-deletions">
            <legend><strong>{ format!("This file deletes {} you have.", parts.join(" and ")) }</strong></legend>
            <p class="small">{ "They were deleted on another device after their last change here. Untick any you want to keep." }</p>
            <ul class="check-list">
                { for props.deletes.iter().map(|(_, id, title)| {
                    let id = *id;
                    let onchange = props.onchange.reform(move |e: Event| {
                        (id, !e.target_unchecked_into::<HtmlInputElement>().checked())
                    });
                    let field = format!("delete-{id}");
                    html! {
                        <li>
                            <label class="check" for={field.clone()}>
                                <input type="checkbox" id={field} checked={!props.keep.contains(&id)} {onchange} />
                                <span class="wrap-anywhere">{ format!("Delete “{title}”") }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <p class="small">{ format!("Merge will delete {applied} of them.") }</p>
        </fieldset>
    }
}
