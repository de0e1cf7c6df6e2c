//! Backup: download every record as a JSON file (with the certificates, encrypted if she
//! wishes), write it automatically to a file she chose, export spreadsheets and calendars, and
//! import a backup after it has been checked and previewed — Merge by id, or Replace everything.

mod export;
mod restore;

use yew::prelude::*;

use crate::ui::state::{use_app, AppContext};
use crate::ui::worker_client;

#[function_component(BackupPage)]
pub fn backup_page() -> Html {
    let app = use_app();
    let export = export::use_export(&app);
    html! {
        <>
            <div class="page-head"><h1>{ "Backup" }</h1></div>
            <section class="card" aria-labelledby="devices-link-title">
                <h2 id="devices-link-title">{ "Your other devices" }</h2>
                <p>{ "Keep your phone and your computer in step, with no server: through a folder your cloud service syncs, face to face, or by file." }</p>
                <p><a class="btn" href={crate::route::Route::Devices.href()}>{ "Sync your devices" }</a></p>
            </section>
            { export::section(&app, &export) }
            <AutomaticBackup />
            { other_formats(&app) }
            <restore::ImportSection ondownload={export.on_download(&app)} />
        </>
    }
}

/// "Back up automatically": the file written after each change, where the browser can.
#[function_component(AutomaticBackup)]
fn automatic_backup() -> Html {
    let app = use_app();
    let auto = crate::ui::auto_backup::use_auto_backup();
    let auto_status = auto
        .as_ref()
        .map(|a| (*a.status).clone())
        .unwrap_or_default();
    html! {
            <section class="card" aria-labelledby="auto-backup-title">
                <h2 id="auto-backup-title">{ "Back up automatically" }</h2>
                if !crate::storage::browser::backup_file::supported() {
                    <p>{ "This browser cannot keep writing to a file you choose (Chrome and Edge on a computer can). Download a backup now and then: this page reminds you after 30 days." }</p>
                } else if let (Some(auto), Some(file)) = (auto.clone(), auto_status.file.clone()) {
                    <p data-testid="auto-backup-status">
                        { format!("After each change your records are written to {file}. ") }
                        { match auto_status.last_written {
                            Some(t) => format!("Last written: {}.", crate::ui::locale::date_time(t)),
                            None => "Not written yet.".to_string(),
                        } }
                    </p>
                    if let Some(problem) = &auto_status.problem {
                        <p class="error" role="alert">{ problem.clone() }</p>
                    }
                    <p class="small muted">{ "Records only: certificates go into the backups you download with “Include certificates”." }</p>
                    <div class="actions">
                        <button type="button" class="btn btn--primary" onclick={{ let app = app.clone(); let auto = auto.clone(); Callback::from(move |_| auto.write_now(&app, true)) }}>
                            { if auto_status.problem.is_some() { "Allow and write now" } else { "Write now" } }
                        </button>
                        <button type="button" class="btn" onclick={{ let auto = auto.clone(); Callback::from(move |_| auto.stop()) }}>{ "Stop" }</button>
                    </div>
                } else if let Some(auto) = auto.clone() {
                    <p>{ "Choose a file once (on a drive your computer backs up, or a synced folder) and the app writes your records to it after every change. The browser asks again after a restart; a click on “Write now” allows it." }</p>
                    if let Some(problem) = &auto_status.problem {
                        <p class="error" role="alert">{ problem.clone() }</p>
                    }
                    <button type="button" class="btn" onclick={{ let app = app.clone(); Callback::from(move |_| auto.choose(&app)) }}>{ "Choose a backup file…" }</button>
                }
            </section>
    }
}

/// "Spreadsheets and calendars": the activities as CSV, the deadlines as a calendar file.
fn other_formats(app: &AppContext) -> Html {
    use crate::worker::protocol::CsvFile;
    html! {
            <section class="card" aria-labelledby="other-formats-title">
                <h2 id="other-formats-title">{ "Spreadsheets and calendars" }</h2>
                <p>{ "Your activities for Excel, Numbers or Google Sheets: one row each, in words (“1.5 AMA PRA Category 1 Credit™”, “ACCME”). The CSV to import again keeps the app's codes (“AMA_PRA_CAT1=1.5”), so that it reads back to the same activities here or in another browser. A spreadsheet or a provider's transcript can be imported too. The deadlines file adds every cycle end and CE deadline to your calendar app with reminders 90, 30 and 7 days before; download it again after changes and import it over the old one: the same events are updated." }</p>
                <div class="actions">
                    <button type="button" class="btn" disabled={app.data.activities.is_empty()}
                        onclick={{ let app = app.clone(); Callback::from(move |_| worker_client::download_csv(&app, CsvFile::ForPeople)) }}>
                        { "Download activities for a spreadsheet" }
                    </button>
                    <button type="button" class="btn" disabled={app.data.activities.is_empty()}
                        onclick={{ let app = app.clone(); Callback::from(move |_| worker_client::download_csv(&app, CsvFile::Records)) }}>
                        { "Download activities as CSV to import again" }
                    </button>
                    <button type="button" class="btn" disabled={app.data.credentials.is_empty()}
                        onclick={{ let app = app.clone(); Callback::from(move |_| worker_client::download_calendar(&app)) }}>
                        { "Download deadlines (.ics)" }
                    </button>
                    <a href={crate::route::Route::ActivityImport.href()} class="btn">
                        { "Import activities" }
                    </a>
                </div>
            </section>
    }
}
