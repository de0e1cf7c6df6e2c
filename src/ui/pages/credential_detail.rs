//! One credential: its cycle and status, every requirement with progress and what is left, the
//! rule editor, exemptions, and starting the next cycle when the license renews.

use crate::storage::change::Change;
use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::go;

use crate::domain::draft::{
    ExemptionDraft, ExemptionField, FieldError, NextCycleDraft, NextCycleField,
};
use crate::domain::model::codes::Coded;
use crate::domain::ops::CredentialOp;
use crate::domain::text::describe;
use crate::domain::{Credential, ExemptionKind, Rule};
use crate::ui::app::Route;
use crate::ui::components::badges::{progress, rule_status_badge, status_badge};
use crate::ui::components::empty_state;
use crate::ui::components::enum_select::enum_options;
use crate::ui::components::field_error::{described, error_html, invalid};
use crate::ui::components::inputs::{on_input, on_select};
use crate::ui::components::rule_editor::RuleEditor;
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};

#[derive(Properties, PartialEq)]
pub struct CredentialDetailProps {
    pub id: String,
}

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    NewRule,
    Rule(usize),
}

#[function_component(CredentialDetailPage)]
pub fn credential_detail_page(props: &CredentialDetailProps) -> Html {
    let app = use_app();
    let evaluations = use_evaluations();
    let catalog = crate::ui::catalog_source::use_catalog().ready();
    let editing = use_state(|| Editing::None);
    let exemption_errors = use_state(Vec::<FieldError<ExemptionField>>::new);
    let cycle_errors = use_state(Vec::<FieldError<NextCycleField>>::new);
    let next_cycle = use_state(NextCycleDraft::default);
    let found = Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.credential(id).cloned());
    let exemption = {
        let found = found.clone();
        use_state(move || {
            found.as_ref().map_or_else(
                || ExemptionDraft {
                    rule_id: String::new(),
                    kind: ExemptionKind::Exempt,
                    reason: String::new(),
                    date: String::new(),
                },
                |c| ExemptionDraft::new(c, locale::today()),
            )
        })
    };
    let Some(cred) = found else {
        return html! {
            { empty_state("🔎", "Credential not found", html! { <>
                <p>{ "It may have been deleted." }</p>
                <p><a href={Route::Credentials.href()} class="btn">{ "Back to credentials" }</a></p>
            </> }) }
        };
    };
    let ev = evaluations
        .iter()
        .find(|e| e.credential_id == cred.id)
        .cloned();
    // Every change is a domain operation; the reducer applies it and stamps the time.
    let edit_op = {
        let app = app.clone();
        let cid = cred.id;
        Callback::from(move |op: CredentialOp| {
            app.dispatch(Action::Change(Change::EditCredential(cid, op)))
        })
    };
    let id = cred.id.to_string();

    let on_rule_saved = {
        let editing = editing.clone();
        let edit_op = edit_op.clone();
        Callback::from(move |rule: Rule| {
            edit_op.emit(CredentialOp::UpsertRule(Box::new(rule)));
            editing.set(Editing::None);
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::None))
    };
    let delete_rule = |rule_id: String| {
        edit_op.reform(move |_: MouseEvent| CredentialOp::RemoveRule(rule_id.clone()))
    };
    let on_delete_credential = {
        let app = app.clone();
        let cid = cred.id;
        Callback::from(move |_| {
            app.dispatch(Action::Change(Change::DeleteCredential(cid)));
            go(&Route::Credentials);
        })
    };
    // The select shows the first requirement until one is chosen (or when the chosen one was
    // removed): the draft follows what is on screen.
    if !cred.rules.iter().any(|r| r.id == exemption.rule_id) {
        if let Some(first) = cred.rules.first() {
            let mut d = (*exemption).clone();
            d.rule_id = first.id.clone();
            exemption.set(d);
        }
    }
    let on_exemption = {
        let cred = cred.clone();
        let edit_op = edit_op.clone();
        let exemption = exemption.clone();
        let exemption_errors = exemption_errors.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match exemption.validate(&cred) {
                Ok(x) => {
                    exemption_errors.set(Vec::new());
                    edit_op.emit(CredentialOp::RecordExemption(x));
                    let mut next = (*exemption).clone();
                    next.reason.clear();
                    exemption.set(next);
                }
                Err(errs) => exemption_errors.set(errs),
            }
        })
    };
    let remove_exemption = |rule_id: String| {
        edit_op.reform(move |_: MouseEvent| CredentialOp::RemoveExemption(rule_id.clone()))
    };
    let on_next_cycle = {
        let cred = cred.clone();
        let edit_op = edit_op.clone();
        let next_cycle = next_cycle.clone();
        let cycle_errors = cycle_errors.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match next_cycle.validate(&cred) {
                Ok(valid) => {
                    cycle_errors.set(Vec::new());
                    next_cycle.set(NextCycleDraft::default());
                    edit_op.emit(CredentialOp::StartNextCycle(valid));
                }
                Err(errs) => cycle_errors.set(errs),
            }
        })
    };
    // Controlled fields: each edit updates its draft (no page reads the DOM by id).
    let exemption_text = |apply: fn(&mut ExemptionDraft, String)| on_input(&exemption, apply);
    let exemption_select = |apply: fn(&mut ExemptionDraft, String)| on_select(&exemption, apply);
    let cycle_text = |apply: fn(&mut NextCycleDraft, String)| on_input(&next_cycle, apply);
    let rules_html = cred.rules.iter().enumerate().map(|(i, rule)| {
        if *editing == Editing::Rule(i) {
            return html! {
                <li class="card">
                    <RuleEditor rule={Some(rule.clone())} new_id={rule.id.clone()} onsave={on_rule_saved.clone()} oncancel={on_cancel.clone()} />
                </li>
            };
        }
        let re = ev.as_ref().and_then(|e| e.rules.get(i));
        let edit = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(Editing::Rule(i)))
        };
        html! {
            <li class="card rule-card">
                <div class="rule-card__head">
                    <h3>{ rule.label.clone() }</h3>
                    if let Some(re) = re { { rule_status_badge(re) } }
                </div>
                <p class="muted">{ describe::rule_sentence(rule) }</p>
                if let Some(pw) = cred.pathways.as_ref().and_then(|p| p.pathway_of(&rule.id)) {
                    <p class="small">{ format!("Only for the pathway “{}”.", pw.label) }</p>
                }
                if let Some(re) = re {
                    { progress(re) }
                    <p>{ describe::status_sentence(rule, re, &|d| locale::date(d), &|a| locale::amount(a)) }</p>
                }
                if !rule.note.is_empty() { <p class="small muted">{ rule.note.clone() }</p> }
                <div class="actions">
                    <button type="button" class="btn btn--small" onclick={edit} aria-label={format!("Edit requirement {}", rule.label)}>{ "Edit" }</button>
                    <button type="button" class="btn btn--small btn--danger" onclick={delete_rule(rule.id.clone())} aria-label={format!("Delete requirement {}", rule.label)}>{ "Delete" }</button>
                </div>
            </li>
        }
    });
    let new_rule_id = cred.next_rule_id();
    let add_rule = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::NewRule))
    };

    html! {
        <section aria-labelledby="cred-title">
            <div class="page-head">
                <h1 id="cred-title">{ cred.name.clone() }</h1>
                <div class="actions">
                    <a href={(Route::CredentialReport { id: id.clone() }).href()} class="btn">{ "Audit report" }</a>
                    <a href={(Route::CredentialEdit { id: id.clone() }).href()} class="btn">{ "Edit details" }</a>
                    <button type="button" class="btn btn--danger" onclick={on_delete_credential}>{ "Delete" }</button>
                </div>
            </div>
            <div class="card">
                <p>{ format!("{} · {}", cred.kind.label(), if cred.jurisdiction.is_empty() { "—" } else { cred.jurisdiction.as_str() }) }</p>
                <p>{ format!("Current cycle: {} – {}", locale::date(cred.cycle.start), locale::date(cred.cycle.end)) }
                    if let Some(d) = cred.cycle.ce_deadline { { format!(" · CE due {}", locale::date(d)) } }
                </p>
                if let Some(ev) = &ev {
                    <p>{ status_badge(ev) }{ " " }{ format!("CE due {}", crate::domain::text::describe::time_until(locale::today(), ev.deadline, &|d| locale::date(d))) }</p>
                    if let Some(s) = {
                        let (m, c) = crate::domain::engine::certificates::missing_among(&app.data.activities, &ev.contributing_activity_ids());
                        crate::domain::text::certificates::missing_sentence(m, c)
                    } {
                        <p class="small" data-testid="cert-count">{ s }</p>
                    }
                }
                // Provenance and updates appear once the catalog file has loaded.
                if let Some(p) = cred.preset.as_ref().zip(catalog).and_then(|(r, c)| c.find(&r.id)) {
                    <p class="small muted">{ format!("Rules from the catalog preset “{}”.", p.name) }</p>
                    { crate::ui::components::provenance::provenance(p) }
                }
                if let Some(p) = catalog.and_then(|c| c.update_for(&cred)) {
                    { update_offer(&cred, p, edit_op.clone()) }
                }
            </div>

            if let Some(pw) = &cred.pathways {
                <crate::ui::components::pathways::PathwaysCard pathways={pw.clone()} evaluation={ev.clone()} onop={edit_op.clone()} />
            }
            if let Some(p) = ev.as_ref().and_then(|ev| crate::domain::engine::charts::pace(&cred, ev, &app.data.activities, crate::ui::locale::today())) {
                { crate::ui::components::charts::pace_chart(&crate::ui::components::charts::PaceChartProps { pace: p }) }
            }
            <h2>{ "Requirements" }</h2>
            if cred.rules.is_empty() && *editing != Editing::NewRule {
                <p class="muted">{ "No requirements yet. Add the board's rules: total hours, minimums of a credit type, topics such as ethics or opioids, caps, one-time courses." }</p>
            }
            <ul class="card-list">
                { for rules_html }
            </ul>
            if *editing == Editing::NewRule {
                <div class="card">
                    <RuleEditor rule={None::<Rule>} new_id={new_rule_id} onsave={on_rule_saved.clone()} oncancel={on_cancel.clone()} />
                </div>
            } else {
                <p><button type="button" class="btn btn--primary" onclick={add_rule}>{ "Add a requirement" }</button></p>
            }

            if !cred.rules.is_empty() {
                <h2 class="no-print">{ "Exemptions" }</h2>
                if !cred.cycle.exemptions.is_empty() {
                    <ul class="plain-list">
                        { for cred.cycle.exemptions.iter().map(|x| {
                            let label = cred.rules.iter().find(|r| r.id == x.rule_id).map_or(x.rule_id.clone(), |r| r.label.clone());
                            html! {
                                <li>
                                    { format!("{}: {} — {} ({})", label, if x.kind == ExemptionKind::Exempt { "exempt" } else { "deemed met" }, x.reason, locale::date(x.date)) }
                                    { " " }
                                    <button type="button" class="btn btn--small" onclick={remove_exemption(x.rule_id.clone())}
                                        aria-label={format!("Remove the exemption for {label}")}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <form class="card" onsubmit={on_exemption} aria-label="Record an exemption" novalidate=true>
                    <div class="grid grid--3">
                        <div class="field">
                            <label for="ex-rule">{ "Requirement" }</label>
                            <select id="ex-rule" onchange={exemption_select(|d, v| d.rule_id = v)}
                                aria-describedby={described(&exemption_errors, ExemptionField::Rule, "ex-rule")}>
                                { for cred.rules.iter().map(|r| html! {
                                    <option value={r.id.clone()} selected={exemption.rule_id == r.id}>{ r.label.clone() }</option>
                                }) }
                            </select>
                            { error_html(&exemption_errors, ExemptionField::Rule, "ex-rule") }
                        </div>
                        <div class="field">
                            <label for="ex-kind">{ "Decision" }</label>
                            <select id="ex-kind" onchange={exemption_select(|d, v| {
                                if let Some(k) = ExemptionKind::from_code(&v) {
                                    d.kind = k;
                                }
                            })}>
                                { enum_options(Some(exemption.kind), ExemptionKind::label) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="ex-date">{ "Date" }</label>
                            <input id="ex-date" type="date" value={exemption.date.clone()} oninput={exemption_text(|d, v| d.date = v)}
                                aria-invalid={invalid(&exemption_errors, ExemptionField::Date)}
                                aria-describedby={described(&exemption_errors, ExemptionField::Date, "ex-date")} />
                            { error_html(&exemption_errors, ExemptionField::Date, "ex-date") }
                        </div>
                    </div>
                    <div class="field">
                        <label for="ex-reason">{ "Reason" }</label>
                        <input id="ex-reason" type="text" placeholder="e.g. Residency training; board letter of 3 March"
                            value={exemption.reason.clone()} oninput={exemption_text(|d, v| d.reason = v)}
                            aria-invalid={invalid(&exemption_errors, ExemptionField::Reason)}
                            aria-describedby={described(&exemption_errors, ExemptionField::Reason, "ex-reason")} />
                        { error_html(&exemption_errors, ExemptionField::Reason, "ex-reason") }
                    </div>
                    <button type="submit" class="btn">{ "Record exemption" }</button>
                </form>
            }

            <crate::ui::components::past_cycles::PastCyclesCard credential={cred.clone()} onop={edit_op.clone()} />
            <h2 class="no-print">{ "License renewed?" }</h2>
            <form class="card" onsubmit={on_next_cycle} aria-label="Start the next cycle" novalidate=true>
                <p class="muted">{ format!("Starts a new cycle on {}. The current one is kept for recurring requirements and carry-over.",
                    cred.cycle.end.succ_opt().map(locale::date).unwrap_or_default()) }</p>
                <div class="grid grid--3">
                    <div class="field">
                        <label for="next-end">{ "New expiry date" }</label>
                        <input id="next-end" type="date" value={next_cycle.end.clone()} oninput={cycle_text(|d, v| d.end = v)}
                            aria-invalid={invalid(&cycle_errors, NextCycleField::End)}
                            aria-describedby={described(&cycle_errors, NextCycleField::End, "next-end")} />
                        { error_html(&cycle_errors, NextCycleField::End, "next-end") }
                    </div>
                    <div class="field">
                        <label for="next-deadline">{ "CE deadline (if different)" }</label>
                        <input id="next-deadline" type="date" value={next_cycle.ce_deadline.clone()} oninput={cycle_text(|d, v| d.ce_deadline = v)}
                            aria-invalid={invalid(&cycle_errors, NextCycleField::CeDeadline)}
                            aria-describedby={described(&cycle_errors, NextCycleField::CeDeadline, "next-deadline")} />
                        { error_html(&cycle_errors, NextCycleField::CeDeadline, "next-deadline") }
                    </div>
                </div>
                <button type="submit" class="btn">{ "Start the next cycle" }</button>
            </form>
        </section>
    }
}

/// The catalog has a newer version of this credential's preset: show what would change.
fn update_offer(
    cred: &Credential,
    p: &'static crate::domain::presets::Preset,
    edit_op: Callback<CredentialOp>,
) -> Html {
    use crate::domain::presets::{rule_changes, RuleChange};
    let changes = rule_changes(cred, p);
    let apply = edit_op.reform(move |_: MouseEvent| p.update_op());
    html! {
        <div class="banner banner--warn">
            <p><strong>{ "The catalog has newer rules for this credential." }</strong></p>
            <ul class="small">
                { for changes.iter().map(|ch| match ch {
                    RuleChange::Added(r) => html! { <li>{ format!("New: {}", describe::rule_sentence(r)) }</li> },
                    RuleChange::Removed(r) => html! { <li>{ format!("Removed: {}", describe::rule_sentence(r)) }</li> },
                    RuleChange::Changed { after, .. } => html! { <li>{ format!("Changed: {}", describe::rule_sentence(after)) }</li> },
                }) }
            </ul>
            <button type="button" class="btn" onclick={apply}>{ "Apply the new rules" }</button>
        </div>
    }
}
