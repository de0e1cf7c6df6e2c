//! The audit report of a credential's current cycle: every rule with its figures and the
//! activities behind them, then every activity of the cycle. Reads well on screen and prints as
//! the document an auditor asks for (the print stylesheet drops the navigation and buttons). One
//! credential's page adds the figures its renewal form asks for, with copy buttons; the page of
//! every credential prints each on pages of its own.

use yew::prelude::*;

use crate::domain::engine::evaluate::Evaluation;
use crate::domain::formats::report::{audit_report, form_figures, AuditReport};
use crate::domain::model::credential::Credential;
use crate::route::Route;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::empty_state;
use crate::ui::components::holder_name::HolderNameField;
use crate::ui::components::print::print_button;
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::state::use_app;

/// The report of `cred`, with the preset's sources when the catalog has loaded.
#[hook]
fn use_report(cred: Option<Credential>) -> Option<(AuditReport, Evaluation)> {
    let app = use_app();
    let evaluations = use_evaluations();
    let catalog = crate::ui::catalog_source::use_catalog().ready();
    let cred = cred?;
    let ev = evaluations
        .iter()
        .find(|e| e.credential_id == cred.id)?
        .clone();
    Some((report_of(&app.data, &cred, &ev, catalog), ev))
}

fn report_of(
    data: &crate::storage::AppData,
    cred: &Credential,
    ev: &Evaluation,
    catalog: Option<&crate::domain::presets::Catalog>,
) -> AuditReport {
    let preset = cred
        .preset
        .as_ref()
        .zip(catalog)
        .and_then(|(r, c)| c.find(&r.id));
    let sources = preset.map(|p| p.sources.clone()).unwrap_or_default();
    let checked = preset.map(|p| p.checked);
    let fmt_date = |d| locale::date(d);
    audit_report(
        data.settings.holder(),
        cred,
        ev,
        &data.activities,
        &sources,
        checked,
        &|reason, unit| crate::domain::text::describe::reason_text(reason, unit, &fmt_date),
    )
}

/// NCCPA's CME log, ready to copy: PAs log every activity with NCCPA by hand.
fn nccpa_section(
    activities: &[std::sync::Arc<crate::domain::Activity>],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Html {
    use crate::domain::formats::nccpa;
    let entries = nccpa::log(activities.iter().map(|a| &**a), from, to);
    let date = |d| locale::date(d);
    html! {
        <section class="card no-print nccpa-log" aria-labelledby="nccpa-log-title">
            <h2 id="nccpa-log-title">{ "For NCCPA's CME log" }</h2>
            <p class="muted small">{ "NCCPA receives no credits from providers: log each activity in your NCCPA record. Credits are as the certificate states them; NCCPA adds its own weighting to self-assessment and PI-CME when you log them." }</p>
            if entries.is_empty() {
                <p>{ "No completed activity in this period yet." }</p>
            } else {
                <p><CopyButton text={nccpa::table(&entries, &date)} label={format!("Copy all {} activities as a table", entries.len())} /></p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="NCCPA CME log">
                    <table class="table--stack" data-testid="nccpa-log">
                        <thead><tr>
                            { for nccpa::COLUMNS.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                            <th scope="col"><span class="visually-hidden">{ "Copy" }</span></th>
                        </tr></thead>
                        <tbody>
                            { for entries.iter().map(|e| html! {
                                <tr>
                                    <td data-label="Type of credit">{ e.kind.label() }</td>
                                    <td data-label="Start date">{ locale::date(e.start) }</td>
                                    <td data-label="End date">{ locale::date(e.end) }</td>
                                    <td data-label="Credits" class="num">{ e.credits.display_short() }</td>
                                    <td data-label="Title">{ e.title.clone() }</td>
                                    <td data-label="Sponsor">{ e.sponsor.clone() }</td>
                                    <td data-label="Provider">{ e.provider.clone() }</td>
                                    <td><CopyButton text={nccpa::line(e, &date)} label={format!("Copy “{}” for NCCPA", e.title)} /></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct AuditReportProps {
    pub id: String,
}

#[function_component(AuditReportPage)]
pub fn audit_report_page(props: &AuditReportProps) -> Html {
    let app = use_app();
    let found = uuid::Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.credential(id).cloned());
    let report = use_report(found.clone());
    // The packet's progress or problem, under the buttons.
    let packet = use_state(|| None::<String>);
    // The reflections of the cycle's activities, as an optional section (UK appraisal and the
    // Royal College ask for them; a US board does not).
    let with_reflections = use_state(|| false);
    let Some((r, ev)) = report else {
        return not_found();
    };
    let figures = form_figures(&r, &|d| locale::date(d));
    let on_packet = {
        let app = app.clone();
        let report = r.clone();
        let packet = packet.clone();
        Callback::from(move |_| {
            packet.set(Some("Preparing the packet…".into()));
            let packet = packet.clone();
            crate::ui::worker_client::download_packet(&app, report.clone(), move |problem| {
                packet.set(problem);
            });
        })
    };
    html! {
        <article class="report" aria-labelledby="report-title">
            <div class="page-head">
                <h1 id="report-title">{ format!("Audit report — {}", r.credential) }</h1>
                <div class="actions">
                    { print_button() }
                    <button type="button" class="btn no-print" onclick={on_packet} aria-describedby="packet-status"
                        title="The report, the certificates of the activities that counted, a CSV of them and a README, in one ZIP">
                        { "Download audit packet (.zip)" }
                    </button>
                    <a href={(Route::CredentialDetail { id: props.id.clone() }).href()} class="btn">{ "Back to the credential" }</a>
                </div>
            </div>
            <p id="packet-status" class="no-print small" aria-live="polite">{ (*packet).clone().unwrap_or_default() }</p>
            <HolderNameField />
            if !figures.is_empty() {
                <section class="card no-print form-figures" aria-labelledby="form-figures-title">
                    <h2 id="form-figures-title">{ "For the renewal form" }</h2>
                    <p class="muted small">{ "The figures the form asks for, in the order the board lists its requirements, with the courses behind each. Copy them one by one into the form." }</p>
                    <dl class="form-figures__list">
                        { for figures.iter().map(|f| html! {
                            <div class="form-figures__item">
                                <dt>{ f.label.clone() }</dt>
                                <dd>
                                    <span class="form-figures__figure">{ f.figure.clone() }</span>
                                    <CopyButton text={f.number.clone()} label={format!("Copy {} ({})", f.number, f.label)} />
                                    if !f.courses.is_empty() {
                                        <CopyButton text={f.courses.join("\n")} label={format!("Copy the {} course{} for {}", f.courses.len(), if f.courses.len() == 1 { "" } else { "s" }, f.label)} />
                                        <ul class="plain-list small">
                                            { for f.courses.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                                        </ul>
                                    }
                                </dd>
                            </div>
                        }) }
                    </dl>
                </section>
            }
            if found.as_ref().and_then(|c| c.preset.as_ref()).is_some_and(|p| p.id == "nccpa-pa-c") {
                { nccpa_section(&app.data.activities, ev.cycle_start, ev.cycle_end) }
            }
            <p class="no-print">
                <label class="check" for="report-reflections">
                    <input type="checkbox" id="report-reflections" checked={*with_reflections}
                        onchange={{ let w = with_reflections.clone(); Callback::from(move |e: Event| w.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())) }} />
                    <span>{ "Add my reflections on this cycle's activities" }</span>
                </label>
            </p>
            { report_body(&r, 2) }
            if *with_reflections {
                { reflections_section(&app.data.activities, ev.cycle_start, ev.deadline) }
            }
        </article>
    }
}

fn not_found() -> Html {
    html! {
        { empty_state("🔎", "Credential not found", html! { <>
            <p><a href={Route::Credentials.href()} class="btn">{ "Back to credentials" }</a></p>
        </> }) }
    }
}

/// Every credential's report, one after another; in print each starts on a new page.
#[function_component(AllReportsPage)]
pub fn all_reports_page() -> Html {
    let app = use_app();
    let evaluations = use_evaluations();
    let catalog = crate::ui::catalog_source::use_catalog().ready();
    let mut creds: Vec<&Credential> = app.data.credentials.iter().collect();
    crate::domain::model::sort::sort_by(&mut creds, |a, b| a.name.cmp(&b.name));
    html! {
        <article class="report" aria-labelledby="report-title">
            <div class="page-head">
                <h1 id="report-title">{ "Audit reports — every credential" }</h1>
                <div class="actions">
                    if !creds.is_empty() { { print_button() } }
                    <a href={Route::Credentials.href()} class="btn">{ "Back to credentials" }</a>
                </div>
            </div>
            <HolderNameField />
            if creds.is_empty() {
                <p class="muted">{ "No credentials yet: add one to see its report." }</p>
            }
            { for creds.iter().filter_map(|c| {
                let ev = evaluations.iter().find(|e| e.credential_id == c.id)?;
                let r = report_of(&app.data, c, ev, catalog);
                Some(html! {
                    <section class="report-section" aria-label={r.credential.clone()}>
                        <h2 class="report-section__title">{ r.credential.clone() }</h2>
                        { report_body(&r, 3) }
                    </section>
                })
            }) }
        </article>
    }
}

/// One credential's report, as [`crate::document`] writes it for the packet too, in the reader's
/// date and number formats. `level` is the level of its section headings (2 on its own page, 3
/// under a credential).
fn report_body(r: &AuditReport, level: u8) -> Html {
    let text = crate::document::report_body(
        r,
        level,
        &crate::document::Formats {
            date: &locale::date,
            amount: &locale::amount,
        },
        locale::today(),
    );
    Html::from_html_unchecked(text.into())
}

/// The reflections on the completed activities of a cycle, for the report's optional section.
fn reflections_section(
    activities: &[std::sync::Arc<crate::domain::Activity>],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Html {
    let mut reflected: Vec<_> = activities
        .iter()
        .filter(|a| a.is_completed() && a.end >= from && a.end <= to)
        .filter(|a| a.reflection.is_some())
        .collect();
    crate::domain::model::sort::sort_by_key(&mut reflected, |a| a.end);
    html! {
        <section class="card report-section" aria-labelledby="report-reflections-title" data-testid="report-reflections">
            <h2 id="report-reflections-title">{ "Reflections on this cycle's learning" }</h2>
            if reflected.is_empty() {
                <p class="muted">{ "No reflections written on this cycle's activities." }</p>
            }
            { for reflected.iter().map(|a| crate::ui::components::learning::reflection_entry(a, false)) }
        </section>
    }
}
