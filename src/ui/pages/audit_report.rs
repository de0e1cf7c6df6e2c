//! The audit report of a credential's current cycle: every rule with its figures and the
//! activities behind them, then every activity of the cycle. Reads well on screen and prints as
//! the document an auditor asks for (the print stylesheet drops the navigation and buttons).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::report::audit_report;
use crate::ui::app::Route;
use crate::ui::components::badges::rule_status_badge;
use crate::ui::components::EmptyState;
use crate::ui::format;
use crate::ui::hooks::use_evaluations;
use crate::ui::state::use_app;

#[derive(Properties, PartialEq)]
pub struct AuditReportProps {
    pub id: String,
}

#[function_component(AuditReportPage)]
pub fn audit_report_page(props: &AuditReportProps) -> Html {
    let app = use_app();
    let evaluations = use_evaluations();
    let catalog = crate::ui::catalog_source::use_catalog().ready();
    let found = uuid::Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.credential(id).cloned());
    let Some(cred) = found else {
        return html! {
            <EmptyState icon="🔎" title="Credential not found">
                <p><Link<Route> to={Route::Credentials} classes="btn">{ "Back to credentials" }</Link<Route>></p>
            </EmptyState>
        };
    };
    let Some(ev) = evaluations.iter().find(|e| e.credential_id == cred.id) else {
        return html! {};
    };
    let preset = cred
        .preset
        .as_ref()
        .zip(catalog)
        .and_then(|(r, c)| c.find(&r.id));
    let sources = preset.map(|p| p.sources.clone()).unwrap_or_default();
    let checked = preset.map(|p| p.checked);
    let fmt_date = |d| format::date(d);
    let r = audit_report(
        None,
        &cred,
        ev,
        &app.data.activities,
        &sources,
        checked,
        &|reason| crate::domain::describe::reason_text(reason, &fmt_date),
    );
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let amount = |u: crate::domain::vocab::Unit, a| u.amount_with(a, &format::amount(a));
    html! {
        <article class="report" aria-labelledby="report-title">
            <div class="page-head">
                <h1 id="report-title">{ format!("Audit report — {}", r.credential) }</h1>
                <div class="actions">
                    <button type="button" class="btn btn--primary" onclick={print}>{ "Print or save as PDF" }</button>
                    <Link<Route> to={Route::CredentialDetail { id: props.id.clone() }} classes="btn">{ "Back to the credential" }</Link<Route>>
                </div>
            </div>
            <section class="card">
                <dl class="details">
                    if let Some(n) = &r.number { <dt>{ "License / certificate number" }</dt><dd>{ n.clone() }</dd> }
                    <dt>{ "Cycle" }</dt><dd>{ format!("{} – {} (CE due {})", format::date(r.cycle_start), format::date(r.cycle_end), format::date(r.deadline)) }</dd>
                    <dt>{ "Status" }</dt><dd>{ r.status.label() }</dd>
                </dl>
            </section>
            <h2>{ "Requirements" }</h2>
            { for r.rules.iter().zip(&ev.rules).map(|(rule, re)| html! {
                <section class="card report-rule">
                    <div class="rule-card__head">
                        <h3>{ rule.label.clone() }</h3>
                        { rule_status_badge(re) }
                    </div>
                    <p class="muted">{ rule.sentence.clone() }</p>
                    <p>{ format!("Required {} · counted {} · remaining {}", amount(rule.unit, rule.required), amount(rule.unit, rule.counted), amount(rule.unit, rule.remaining)) }</p>
                    if !rule.counted_by.is_empty() {
                        <table class="table--stack">
                            <caption class="visually-hidden">{ format!("Activities counting toward {}", rule.label) }</caption>
                            <thead><tr><th scope="col">{ "Activity" }</th><th scope="col">{ "Date" }</th><th scope="col">{ "Designation" }</th><th scope="col">{ "Counted" }</th></tr></thead>
                            <tbody>
                                { for rule.counted_by.iter().map(|c| html! {
                                    <tr>
                                        <th scope="row">{ c.title.clone() }</th>
                                        <td data-label="Date">{ format::date(c.end) }</td>
                                        <td data-label="Designation">{ c.designation.clone() }</td>
                                        <td data-label="Counted">{ format::amount(c.amount) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }
                    if !rule.not_counted.is_empty() {
                        <details>
                            <summary>{ format!("{} activit{} of the cycle did not count here", rule.not_counted.len(), if rule.not_counted.len() == 1 { "y" } else { "ies" }) }</summary>
                            <ul class="plain-list small">
                                { for rule.not_counted.iter().map(|(t, why)| html! { <li><strong>{ t.clone() }</strong>{ format!(": {why}") }</li> }) }
                            </ul>
                        </details>
                    }
                </section>
            }) }
            <h2>{ "Activities of the cycle" }</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Activities of the cycle">
                <table class="table--stack report-activities">
                    <thead>
                        <tr><th scope="col">{ "Activity" }</th><th scope="col">{ "Provider" }</th><th scope="col">{ "Accreditor" }</th><th scope="col">{ "Dates" }</th><th scope="col">{ "Credit" }</th><th scope="col">{ "Topics" }</th><th scope="col">{ "Certificate" }</th></tr>
                    </thead>
                    <tbody>
                        { for r.activities.iter().map(|a| html! {
                            <tr>
                                <th scope="row">{ a.title.clone() }</th>
                                <td data-label="Provider">{ a.provider.clone() }</td>
                                <td data-label="Accreditor">{ a.accreditor.clone() }</td>
                                <td data-label="Dates">{ format::date_range(a.start, a.end) }</td>
                                <td data-label="Credit">{ a.designations.iter().map(|(l, n)| format!("{} {}", format::amount(*n), l)).collect::<Vec<_>>().join("; ") }</td>
                                <td data-label="Topics">{ a.topics.iter().map(|(t, h)| match h { Some(h) => format!("{t} ({} h)", format::amount(*h)), None => t.clone() }).collect::<Vec<_>>().join("; ") }</td>
                                <td data-label="Certificate">{ if a.certificate_on_file { "On file" } else { "Not on file" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="small muted report-footer">
                { format!("Prepared by the clinician with CME Tracker on {}.", format::date(format::today())) }
                if !r.sources.is_empty() {
                    { format!(" Requirement facts from {}{}.", r.sources.join(", "), r.checked.map(|d| format!(", checked {}", format::date(d))).unwrap_or_default()) }
                }
            </p>
        </article>
    }
}
