//! Downloading a backup: with or without the certificates, encrypted or not, in several files
//! when the certificates are more than one file carries; and what the site takes in storage.

use std::rc::Rc;

use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::text::size::size_text;
use crate::storage::backup;
use crate::storage::browser;
use crate::storage::encrypt::passphrase_problem;
use crate::storage::format::stored_units;
use crate::ui::components::inputs::input_value;
use crate::ui::locale;
use crate::ui::state::AppContext;
use crate::ui::worker_client;

/// The certificates split over files: each inner list is one file's share.
type Plan = Rc<Vec<Vec<Uuid>>>;

/// The export's choices and what became of the last download.
#[derive(Clone)]
pub struct Export {
    with_certificates: UseStateHandle<bool>,
    encrypt: UseStateHandle<bool>,
    /// Typed twice, never stored; checked once a download was tried.
    passphrase: UseStateHandle<String>,
    passphrase_again: UseStateHandle<String>,
    tried: UseStateHandle<bool>,
    exporting: UseStateHandle<bool>,
    problem: UseStateHandle<Option<String>>,
    /// A backup too large for one file: the plan, and the files downloaded so far.
    split: UseStateHandle<Option<Plan>>,
    written: UseStateHandle<Vec<usize>>,
    /// (site's bytes, quota, persisted), read when the page opens and after each change.
    usage: UseStateHandle<Option<(f64, f64, Option<bool>)>>,
    /// What the records take in storage, as the browser counts it (two bytes per UTF-16 unit),
    /// from the records themselves: right after an import, before the deferred save has run.
    records_bytes: usize,
    /// When the chosen backup file was last written (the automatic backup's status, as its
    /// provider keeps it): it counts as a backup.
    written_to_file: Option<chrono::DateTime<chrono::Utc>>,
}

#[hook]
pub fn use_export(app: &AppContext) -> Export {
    let usage = use_state(|| None);
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
    let records_bytes = {
        let data = app.data.clone();
        *use_memo(app.revision, move |_| stored_units(&data) * 2)
    };
    let auto = crate::ui::auto_backup::use_auto_backup();
    let written_to_file = auto
        .as_ref()
        .filter(|a| a.status.file.is_some())
        .and_then(|a| a.status.last_written);
    Export {
        written_to_file,
        with_certificates: use_state(|| true),
        encrypt: use_state(|| false),
        passphrase: use_state(String::new),
        passphrase_again: use_state(String::new),
        tried: use_state(|| false),
        exporting: use_state(|| false),
        problem: use_state(|| None),
        split: use_state(|| None),
        written: use_state(Vec::new),
        usage,
        records_bytes,
    }
}

/// The certificates on this device: how many files and their size (those the records name that
/// the device no longer has are said apart).
fn certificates_here(app: &AppContext) -> (usize, u64) {
    app.data
        .activities
        .iter()
        .flat_map(|a| a.certificates.iter())
        .filter(|c| !app.missing_files.contains(&c.id))
        .fold((0, 0), |(n, b), c| (n + 1, b + c.size))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Export {
    fn passphrase_error(&self) -> Option<String> {
        (*self.encrypt && *self.tried)
            .then(|| passphrase_problem(&self.passphrase, &self.passphrase_again))
            .flatten()
    }

    /// Downloads file `number` of `plan` (no plan: records only), once the passphrase is fine.
    fn download(&self, app: &AppContext, plan: Option<Plan>, number: usize) -> bool {
        self.problem.set(None);
        let secret = if *self.encrypt {
            self.tried.set(true);
            if passphrase_problem(&self.passphrase, &self.passphrase_again).is_some() {
                return false;
            }
            Some((*self.passphrase).clone())
        } else {
            None
        };
        self.exporting.set(true);
        let certificates = plan.as_ref().map(|p| {
            let part = backup::Part {
                number,
                of: p.len(),
            };
            (p[number - 1].clone(), part)
        });
        let done = self.clone();
        worker_client::download_backup_with(app, certificates, secret, move |m| {
            done.exporting.set(false);
            if m.is_none() {
                let mut w = (*done.written).clone();
                w.push(number);
                done.written.set(w);
            }
            done.problem.set(m)
        });
        true
    }

    /// "Download backup": the first file at once; when the certificates need several files,
    /// the others are offered one click each (a browser may refuse several downloads from one).
    pub fn on_download(&self, app: &AppContext) -> Callback<MouseEvent> {
        let with = *self.with_certificates && certificates_here(app).0 > 0;
        let (export, app) = (self.clone(), app.clone());
        Callback::from(move |_| {
            let plan = with.then(|| Rc::new(worker_client::backup_parts(&app)));
            if export.download(&app, plan.clone(), 1) {
                export.written.set(Vec::new());
                export.split.set(plan.filter(|p| p.len() > 1));
            }
        })
    }
}

/// "Download a backup": when the last one was made, what it holds, its options and its files.
pub fn section(app: &AppContext, ex: &Export) -> Html {
    let (cert_count, cert_bytes) = certificates_here(app);
    let missing = app.missing_files.len();
    let last = app.data.settings.last_backup_at;
    let counts = format!(
        "{}, {}",
        plural(app.data.activities.len(), "activity", "activities"),
        plural(app.data.credentials.len(), "credential", "credentials")
    );
    let checkbox = |id: &'static str, state: &UseStateHandle<bool>, label: String| {
        let checked = **state;
        let state = state.clone();
        let onchange = Callback::from(move |e: Event| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        });
        html! {
            <p>
                <label class="check" for={id}>
                    <input type="checkbox" id={id} {checked} {onchange} />
                    <span>{ label }</span>
                </label>
            </p>
        }
    };
    html! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{ "Download a backup" }</h2>
            <p>{ "Your records live only in this browser. A backup file holds all of them (" }{ counts }{ "); keep it somewhere safe — you can import it on any device." }</p>
            <p>
                { match last {
                    Some(t) => format!("Last backup: {}.", locale::date(t.date_naive())),
                    None => "No backup downloaded yet.".to_string(),
                } }
                if backup::due(!app.data.is_empty(), last, ex.written_to_file, chrono::Utc::now()) {
                    <strong class="warn-text">{ " It is time for a new one (every 30 days is a good habit)." }</strong>
                }
            </p>
            if missing > 0 {
                <div class="banner banner--warn" role="status" data-testid="certificates-missing">
                    <p>{ crate::domain::text::certificates::missing_notice(missing) }</p>
                    <p>{ "A backup made now cannot hold them: keep the backups that have them." }</p>
                </div>
            }
            if cert_count > 0 {
                { checkbox("backup-certificates", &ex.with_certificates,
                    format!("Include certificates ({}, {})", plural(cert_count, "file", "files"), size_text(cert_bytes))) }
            }
            { checkbox("backup-encrypt", &ex.encrypt, "Encrypt with a passphrase".into()) }
            if *ex.encrypt {
                { passphrase_fields(ex) }
            }
            <button type="button" class="btn btn--primary" onclick={ex.on_download(app)} disabled={*ex.exporting}>{ "Download backup" }</button>
            if *ex.exporting {
                <p class="small" aria-live="polite">{ if *ex.encrypt { "Encrypting and writing the backup…" } else { "Writing the backup…" } }</p>
            }
            if let Some(m) = &*ex.problem { <p class="error" role="alert">{ m.clone() }</p> }
            { parts(app, ex) }
            { usage_line(ex, cert_count, cert_bytes) }
        </section>
    }
}

fn passphrase_fields(ex: &Export) -> Html {
    let error = ex.passphrase_error();
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(input_value(&e)))
    };
    html! {
        <>
            <div class="field">
                <label for="backup-passphrase">{ "Passphrase" }</label>
                <input id="backup-passphrase" type="password" autocomplete="new-password" value={(*ex.passphrase).clone()}
                    aria-describedby={if error.is_some() { "backup-passphrase-note backup-passphrase-error" } else { "backup-passphrase-note" }}
                    aria-invalid={error.is_some().then_some("true")} oninput={typed(&ex.passphrase)} />
                <p class="small muted" id="backup-passphrase-note">{ "At least 10 characters. Without it the file cannot be opened — by anyone, this app included: keep it somewhere safe." }</p>
            </div>
            <div class="field">
                <label for="backup-passphrase-again">{ "The passphrase again" }</label>
                <input id="backup-passphrase-again" type="password" autocomplete="new-password" value={(*ex.passphrase_again).clone()}
                    aria-describedby={error.is_some().then_some("backup-passphrase-error")}
                    aria-invalid={error.is_some().then_some("true")} oninput={typed(&ex.passphrase_again)} />
                if let Some(m) = &error { <p class="error" id="backup-passphrase-error">{ m.clone() }</p> }
            </div>
        </>
    }
}

/// The files of a backup split over several, one button each.
fn parts(app: &AppContext, ex: &Export) -> Html {
    let Some(plan) = (*ex.split).clone() else {
        return html! {};
    };
    let n = plan.len();
    html! {
        <div class="banner" data-testid="backup-parts">
            <p><strong>{ format!("Your certificates are split over {n} backup files, so that each can be restored on its own. Download and keep all {n}:") }</strong></p>
            <ul class="plain-list backup-parts">
                { for (1..=n).map(|number| {
                    let onclick = {
                        let (ex, app, plan) = (ex.clone(), app.clone(), plan.clone());
                        Callback::from(move |_: MouseEvent| { ex.download(&app, Some(plan.clone()), number); })
                    };
                    html! {
                        <li>
                            <button type="button" class="btn btn--small" {onclick} disabled={*ex.exporting}>
                                { format!("Download file {number} of {n}") }</button>
                            { format!(" {} certificate {}", plan[number - 1].len(), if plan[number - 1].len() == 1 { "file" } else { "files" }) }
                            if ex.written.contains(&number) { <span class="small">{ " · ✓ downloaded" }</span> }
                        </li>
                    }
                }) }
            </ul>
            <p class="small">{ "Each file holds all your records; importing any of them restores its share of the certificates. Import every file to restore them all." }</p>
        </div>
    }
}

/// What the site takes in storage, and whether the browser keeps it under pressure.
fn usage_line(ex: &Export, cert_count: usize, cert_bytes: u64) -> Html {
    let Some((used, quota, persisted)) = *ex.usage else {
        return html! {};
    };
    let records = ex.records_bytes as f64;
    html! {
        <p class="small muted" data-testid="storage-usage">
            { format!("Your records take {}; certificates {} ({}); the app's offline copy and other site data about {}. In all this site uses {} of about {} the browser allows. ",
                locale::bytes(records),
                locale::bytes(cert_bytes as f64), plural(cert_count, "file", "files"),
                locale::bytes((used - records - cert_bytes as f64).max(0.0)),
                locale::bytes(used), locale::bytes(quota)) }
            { match persisted {
                Some(true) => "The browser keeps this data even when space runs low.",
                Some(false) => "The browser may clear this data when space runs low — another reason to keep backups.",
                None => "",
            } }
        </p>
    }
}
