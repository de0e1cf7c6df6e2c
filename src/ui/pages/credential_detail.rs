//! One credential: its cycle and status, every requirement with progress and what is left, the
//! rule editor, exemptions, and starting the next cycle when the license renews.

use uuid::Uuid;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::describe;
use crate::domain::draft::parse_date;
use crate::domain::evaluate::{Measure, RuleEvaluation, RuleStatus};
use crate::domain::{Credential, Exemption, ExemptionKind, Rule};
use crate::ui::app::Route;
use crate::ui::components::rule_editor::RuleEditor;
use crate::ui::components::EmptyState;
use crate::ui::format;
use crate::ui::hooks::use_evaluations;
use crate::ui::pages::credentials::status_badge;
use crate::ui::state::{use_app, Action};

/// A progress bar with its numbers in text: colour is never the only signal.
pub fn progress(re: &RuleEvaluation) -> Html {
    if re.measure == Measure::CapHours
        || !matches!(
            re.status,
            RuleStatus::Met | RuleStatus::NotMet | RuleStatus::MetWithPlanned
        )
    {
        return html! {};
    }
    let req = re.required.hundredths().max(1);
    let pct = (re.counted.hundredths() * 100 / req).clamp(0, 100);
    let class = if re.status == RuleStatus::Met {
        "progress progress--ok"
    } else {
        "progress progress--bad"
    };
    let label = if re.measure == Measure::Activities {
        format!("{} of 1 activity", re.counted.hundredths() / 100)
    } else {
        format!(
            "{} of {} h",
            format::amount(re.counted),
            format::amount(re.required)
        )
    };
    html! {
        <div class="progress-row">
            // A native <progress>: accessible by itself, and styled without inline styles (the
            // CSP allows no style attributes).
            <progress class={class} max="100" value={pct.to_string()} aria-label={label.clone()}>{ format!("{pct}%") }</progress>
            <span class="progress-row__text">{ label }</span>
        </div>
    }
}

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
    let navigator = use_navigator();
    let evaluations = use_evaluations();
    let catalog = crate::ui::catalog_source::use_catalog().ready();
    let editing = use_state(|| Editing::None);
    let exemption_error = use_state(|| None::<String>);
    let cycle_error = use_state(|| None::<String>);
    let Some(cred) = Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.credential(id).cloned())
    else {
        return html! {
            <EmptyState icon="🔎" title="Credential not found">
                <p>{ "It may have been deleted." }</p>
                <p><Link<Route> to={Route::Credentials} classes="btn">{ "Back to credentials" }</Link<Route>></p>
            </EmptyState>
        };
    };
    let ev = evaluations
        .iter()
        .find(|e| e.credential_id == cred.id)
        .cloned();
    let save = {
        let app = app.clone();
        move |mut c: Credential| {
            c.updated_at = format::now();
            app.dispatch(Action::SaveCredential(c));
        }
    };
    let id = cred.id.to_string();

    let on_rule_saved = {
        let cred = cred.clone();
        let editing = editing.clone();
        let save = save.clone();
        Callback::from(move |rule: Rule| {
            let mut c = cred.clone();
            match c.rules.iter_mut().find(|r| r.id == rule.id) {
                Some(slot) => *slot = rule,
                None => c.rules.push(rule),
            }
            save(c);
            editing.set(Editing::None);
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::None))
    };
    let delete_rule = |i: usize| {
        let cred = cred.clone();
        let save = save.clone();
        Callback::from(move |_| {
            let mut c = cred.clone();
            c.rules.remove(i);
            save(c);
        })
    };
    let on_delete_credential = {
        let app = app.clone();
        let cid = cred.id;
        let navigator = navigator.clone();
        Callback::from(move |_| {
            app.dispatch(Action::DeleteCredential(cid));
            if let Some(nav) = &navigator {
                nav.push(&Route::Credentials);
            }
        })
    };
    let on_exemption = {
        let cred = cred.clone();
        let save = save.clone();
        let exemption_error = exemption_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let doc = gloo::utils::document();
            let value = |id: &str| {
                use wasm_bindgen::JsCast;
                doc.get_element_by_id(id)
                    .and_then(|el| el.dyn_into::<HtmlInputElement>().ok().map(|i| i.value()))
                    .unwrap_or_default()
            };
            let select = |id: &str| {
                use wasm_bindgen::JsCast;
                doc.get_element_by_id(id)
                    .and_then(|el| el.dyn_into::<HtmlSelectElement>().ok())
                    .map(|s| s.value())
                    .unwrap_or_default()
            };
            let rule_id = select("ex-rule");
            let kind = if select("ex-kind") == "deemed_met" {
                ExemptionKind::DeemedMet
            } else {
                ExemptionKind::Exempt
            };
            let reason = value("ex-reason").trim().to_string();
            let date = parse_date(&value("ex-date"));
            if reason.is_empty() {
                exemption_error.set(Some(
                    "Write the reason the board gave (it is what an auditor will ask for).".into(),
                ));
                return;
            }
            let Some(date) = date else {
                exemption_error.set(Some("Enter the date of the decision.".into()));
                return;
            };
            let mut c = cred.clone();
            c.cycle.exemptions.retain(|x| x.rule_id != rule_id);
            c.cycle.exemptions.push(Exemption {
                rule_id,
                kind,
                reason,
                date,
            });
            exemption_error.set(None);
            save(c);
        })
    };
    let remove_exemption = |rule_id: String| {
        let cred = cred.clone();
        let save = save.clone();
        Callback::from(move |_| {
            let mut c = cred.clone();
            c.cycle.exemptions.retain(|x| x.rule_id != rule_id);
            save(c);
        })
    };
    let on_next_cycle = {
        let cred = cred.clone();
        let save = save.clone();
        let cycle_error = cycle_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            use wasm_bindgen::JsCast;
            let v = |id: &str| {
                gloo::utils::document()
                    .get_element_by_id(id)
                    .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let Some(end) = parse_date(&v("next-end")) else {
                cycle_error.set(Some("Enter the new expiry date.".into()));
                return;
            };
            let deadline = parse_date(&v("next-deadline"));
            let mut c = cred.clone();
            match c.start_next_cycle(end, deadline) {
                Ok(()) => {
                    cycle_error.set(None);
                    save(c);
                }
                Err(m) => cycle_error.set(Some(m)),
            }
        })
    };

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
                    if let Some(re) = re { { rule_status_badge(re.status) } }
                </div>
                <p class="muted">{ describe::rule_sentence(rule) }</p>
                if let Some(re) = re {
                    { progress(re) }
                    <p>{ describe::status_sentence(rule, re, &|d| format::date(d)) }</p>
                }
                if !rule.note.is_empty() { <p class="small muted">{ rule.note.clone() }</p> }
                <div class="actions">
                    <button type="button" class="btn btn--small" onclick={edit} aria-label={format!("Edit requirement {}", rule.label)}>{ "Edit" }</button>
                    <button type="button" class="btn btn--small btn--danger" onclick={delete_rule(i)} aria-label={format!("Delete requirement {}", rule.label)}>{ "Delete" }</button>
                </div>
            </li>
        }
    });
    let new_rule_id = {
        let mut n = cred.rules.len() + 1;
        while cred.rules.iter().any(|r| r.id == format!("rule{n}")) {
            n += 1;
        }
        format!("rule{n}")
    };
    let add_rule = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::NewRule))
    };

    html! {
        <section aria-labelledby="cred-title">
            <div class="page-head">
                <h1 id="cred-title">{ cred.name.clone() }</h1>
                <div class="actions">
                    <Link<Route> to={Route::CredentialEdit { id: id.clone() }} classes="btn">{ "Edit details" }</Link<Route>>
                    <button type="button" class="btn btn--danger" onclick={on_delete_credential}>{ "Delete" }</button>
                </div>
            </div>
            <div class="card">
                <p>{ format!("{} · {}", cred.kind.label(), if cred.jurisdiction.is_empty() { "—" } else { cred.jurisdiction.as_str() }) }</p>
                <p>{ format!("Current cycle: {} – {}", format::date(cred.cycle.start), format::date(cred.cycle.end)) }
                    if let Some(d) = cred.cycle.ce_deadline { { format!(" · CE due {}", format::date(d)) } }
                </p>
                if let Some(ev) = &ev {
                    <p>{ status_badge(ev.status, ev.is_overdue()) }{ " " }{ format::days_left(ev.days_left) }</p>
                }
                // Provenance and updates appear once the catalog file has loaded.
                if let Some(p) = cred.preset.as_ref().zip(catalog).and_then(|(r, c)| c.find(&r.id)) {
                    <p class="small muted">{ format!("Rules from the catalog preset “{}”.", p.name) }</p>
                    { crate::ui::pages::catalog::provenance(p) }
                }
                if let Some(p) = catalog.and_then(|c| c.update_for(&cred)) {
                    { update_offer(&cred, p, save.clone()) }
                }
            </div>

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
                <h2>{ "Exemptions" }</h2>
                if !cred.cycle.exemptions.is_empty() {
                    <ul class="plain-list">
                        { for cred.cycle.exemptions.iter().map(|x| {
                            let label = cred.rules.iter().find(|r| r.id == x.rule_id).map_or(x.rule_id.clone(), |r| r.label.clone());
                            html! {
                                <li>
                                    { format!("{}: {} — {} ({})", label, if x.kind == ExemptionKind::Exempt { "exempt" } else { "deemed met" }, x.reason, format::date(x.date)) }
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
                            <select id="ex-rule">
                                { for cred.rules.iter().map(|r| html! { <option value={r.id.clone()}>{ r.label.clone() }</option> }) }
                            </select>
                        </div>
                        <div class="field">
                            <label for="ex-kind">{ "Decision" }</label>
                            <select id="ex-kind">
                                <option value="exempt" selected=true>{ "Exempt (excused by the board)" }</option>
                                <option value="deemed_met">{ "Deemed met (satisfied another way)" }</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="ex-date">{ "Date" }</label>
                            <input id="ex-date" type="date" value={format::today().to_string()} />
                        </div>
                    </div>
                    <div class="field">
                        <label for="ex-reason">{ "Reason" }</label>
                        <input id="ex-reason" type="text" placeholder="e.g. Residency training; board letter of 3 March"
                            aria-describedby={exemption_error.is_some().then_some("ex-error")} />
                        if let Some(m) = &*exemption_error { <p class="error" id="ex-error">{ m.clone() }</p> }
                    </div>
                    <button type="submit" class="btn">{ "Record exemption" }</button>
                </form>
            }

            <h2>{ "License renewed?" }</h2>
            <form class="card" onsubmit={on_next_cycle} aria-label="Start the next cycle" novalidate=true>
                <p class="muted">{ format!("Starts a new cycle on {}. The current one is kept for recurring requirements and carry-over.",
                    cred.cycle.end.succ_opt().map(format::date).unwrap_or_default()) }</p>
                <div class="grid grid--3">
                    <div class="field">
                        <label for="next-end">{ "New expiry date" }</label>
                        <input id="next-end" type="date" aria-describedby={cycle_error.is_some().then_some("next-error")} />
                    </div>
                    <div class="field">
                        <label for="next-deadline">{ "CE deadline (if different)" }</label>
                        <input id="next-deadline" type="date" />
                    </div>
                </div>
                if let Some(m) = &*cycle_error { <p class="error" id="next-error">{ m.clone() }</p> }
                <button type="submit" class="btn">{ "Start the next cycle" }</button>
            </form>
        </section>
    }
}

pub fn rule_status_badge(status: RuleStatus) -> Html {
    let (class, mark) = match status {
        RuleStatus::Met => ("badge badge--ok", "✓"),
        RuleStatus::MetWithPlanned => ("badge badge--warn", "◷"),
        RuleStatus::NotMet => ("badge badge--bad", "✗"),
        RuleStatus::NotApplicable => ("badge badge--muted", "–"),
        RuleStatus::Exempt | RuleStatus::DeemedMet => ("badge badge--ok", "✓"),
    };
    html! { <span class={class}>{ format!("{mark} {}", status.label()) }</span> }
}

/// The catalog has a newer version of this credential's preset: show what would change.
fn update_offer(
    cred: &Credential,
    p: &'static crate::domain::presets::Preset,
    save: impl Fn(Credential) + 'static,
) -> Html {
    use crate::domain::presets::{rule_changes, RuleChange};
    let changes = rule_changes(cred, p);
    let apply = {
        let cred = cred.clone();
        Callback::from(move |_| {
            let mut c = cred.clone();
            c.rules = p.rules.clone();
            if let Some(r) = c.preset.as_mut() {
                r.version = p.version;
            }
            save(c);
        })
    };
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
