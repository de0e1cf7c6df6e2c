//! One credential: its cycle and status, every requirement with progress and what is left, the
//! rule editor, exemptions, and starting the next cycle when the license renews.

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::draft::{ExemptionDraft, ExemptionField, NextCycleDraft, NextCycleField};
use crate::domain::engine::evaluate::Evaluation;
use crate::domain::model::codes::Coded;
use crate::domain::ops::CredentialOp;
use crate::domain::text::describe;
use crate::domain::{Credential, ExemptionKind, Rule};
use crate::route::Route;
use crate::storage::change::Change;
use crate::ui::components::badges::{progress, rule_status_badge, status_badge};
use crate::ui::components::empty_state;
use crate::ui::components::enum_select::enum_options;
use crate::ui::components::field::{Control, Field};
use crate::ui::components::rule_editor::RuleEditor;
use crate::ui::form::use_form;
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::router::go;
use crate::ui::state::{use_app, Action, AppContext};

#[derive(Properties, PartialEq)]
pub struct CredentialDetailProps {
    pub id: String,
}

/// A part of the page that changes the credential: every change is a domain operation, which
/// the reducer applies and stamps with the time.
#[derive(Properties, PartialEq)]
struct PartProps {
    credential: Credential,
    #[prop_or_default]
    evaluation: Option<Evaluation>,
    onop: Callback<CredentialOp>,
}

#[function_component(CredentialDetailPage)]
pub fn credential_detail_page(props: &CredentialDetailProps) -> Html {
    let app = use_app();
    let evaluations = use_evaluations();
    let catalog = crate::ui::catalog_source::use_catalog().ready();
    let Some(cred) = Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.credential(id).cloned())
    else {
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
    let onop = {
        let (app, cid) = (app.clone(), cred.id);
        Callback::from(move |op: CredentialOp| {
            app.dispatch(Action::Change(Change::EditCredential(cid, op)))
        })
    };
    let pace = ev.as_ref().and_then(|ev| {
        crate::domain::engine::charts::pace(&cred, ev, &app.data.activities, locale::today())
    });
    html! {
        <section aria-labelledby="cred-title">
            { head(&app, &cred) }
            { overview(&app, &cred, ev.as_ref(), catalog, &onop) }
            if let Some(pw) = &cred.pathways {
                <crate::ui::components::pathways::PathwaysCard pathways={pw.clone()} evaluation={ev.clone()} onop={onop.clone()} />
            }
            if let Some(p) = pace {
                { crate::ui::components::charts::pace_chart(&crate::ui::components::charts::PaceChartProps { pace: p }) }
            }
            <Requirements credential={cred.clone()} evaluation={ev.clone()} onop={onop.clone()} />
            if !cred.rules.is_empty() {
                <h2 class="no-print">{ "Exemptions" }</h2>
                { exemptions(&cred, &onop) }
                <ExemptionForm credential={cred.clone()} onop={onop.clone()} />
            }
            <crate::ui::components::past_cycles::PastCyclesCard credential={cred.clone()} onop={onop.clone()} />
            <h2 class="no-print">{ "License renewed?" }</h2>
            <NextCycleForm credential={cred.clone()} onop={onop} />
        </section>
    }
}

/// The name, and what can be done with the whole credential.
fn head(app: &AppContext, cred: &Credential) -> Html {
    let id = cred.id.to_string();
    let on_delete = {
        let (app, cid) = (app.clone(), cred.id);
        Callback::from(move |_| {
            app.dispatch(Action::Change(Change::DeleteCredential(cid)));
            go(&Route::Credentials);
        })
    };
    html! {
        <div class="page-head">
            <h1 id="cred-title">{ cred.name.clone() }</h1>
            <div class="actions">
                <a href={(Route::CredentialReport { id: id.clone() }).href()} class="btn">{ "Audit report" }</a>
                <a href={(Route::CredentialEdit { id }).href()} class="btn">{ "Edit details" }</a>
                <button type="button" class="btn btn--danger" onclick={on_delete}>{ "Delete" }</button>
            </div>
        </div>
    }
}

/// The cycle, the status, certificates on file, where the rules come from and their updates.
fn overview(
    app: &AppContext,
    cred: &Credential,
    ev: Option<&Evaluation>,
    catalog: Option<&'static crate::domain::presets::Catalog>,
    onop: &Callback<CredentialOp>,
) -> Html {
    let certificates = ev.and_then(|ev| {
        let (m, c) = crate::domain::engine::certificates::missing_among(
            &app.data.activities,
            &ev.contributing_activity_ids(),
        );
        crate::domain::text::certificates::missing_sentence(m, c)
    });
    html! {
        <div class="card">
            <p>{ format!("{} · {}", cred.kind.label(), if cred.jurisdiction.is_empty() { "—" } else { cred.jurisdiction.as_str() }) }</p>
            <p>{ format!("Current cycle: {} – {}", locale::date(cred.cycle.start), locale::date(cred.cycle.end)) }
                if let Some(d) = cred.cycle.ce_deadline { { format!(" · CE due {}", locale::date(d)) } }
            </p>
            if let Some(ev) = ev {
                <p>{ status_badge(ev) }{ " " }{ format!("CE due {}", describe::time_until(locale::today(), ev.deadline, &|d| locale::date(d))) }</p>
            }
            if let Some(s) = certificates {
                <p class="small" data-testid="cert-count">{ s }</p>
            }
            // Provenance and updates appear once the catalog file has loaded.
            if let Some(p) = cred.preset.as_ref().zip(catalog).and_then(|(r, c)| c.find(&r.id)) {
                <p class="small muted">{ format!("Rules from the catalog preset “{}”.", p.name) }</p>
                { crate::ui::components::provenance::provenance(p) }
            }
            if let Some(p) = catalog.and_then(|c| c.update_for(cred)) {
                { update_offer(cred, p, onop.clone()) }
            }
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    NewRule,
    Rule(usize),
}

/// Every requirement with its status and progress, edited in place; and a new one.
#[function_component(Requirements)]
fn requirements(p: &PartProps) -> Html {
    let editing = use_state(|| Editing::None);
    let cred = &p.credential;
    let on_saved = {
        let (editing, onop) = (editing.clone(), p.onop.clone());
        Callback::from(move |rule: Rule| {
            onop.emit(CredentialOp::UpsertRule(Box::new(rule)));
            editing.set(Editing::None);
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::None))
    };
    let edit = |to: Editing| {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(to.clone()))
    };
    let rule_card = |(i, rule): (usize, &Rule)| {
        if *editing == Editing::Rule(i) {
            return html! {
                <li class="card">
                    <RuleEditor rule={Some(rule.clone())} new_id={rule.id.clone()} onsave={on_saved.clone()} oncancel={on_cancel.clone()} />
                </li>
            };
        }
        let re = p.evaluation.as_ref().and_then(|e| e.rules.get(i));
        let id = rule.id.clone();
        let delete = p
            .onop
            .reform(move |_: MouseEvent| CredentialOp::RemoveRule(id.clone()));
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
                    <button type="button" class="btn btn--small" onclick={edit(Editing::Rule(i))} aria-label={format!("Edit requirement {}", rule.label)}>{ "Edit" }</button>
                    <button type="button" class="btn btn--small btn--danger" onclick={delete} aria-label={format!("Delete requirement {}", rule.label)}>{ "Delete" }</button>
                </div>
            </li>
        }
    };
    html! {
        <>
            <h2>{ "Requirements" }</h2>
            if cred.rules.is_empty() && *editing != Editing::NewRule {
                <p class="muted">{ "No requirements yet. Add the board's rules: total hours, minimums of a credit type, topics such as ethics or opioids, caps, one-time courses." }</p>
            }
            <ul class="card-list">
                { for cred.rules.iter().enumerate().map(rule_card) }
            </ul>
            if *editing == Editing::NewRule {
                <div class="card">
                    <RuleEditor rule={None::<Rule>} new_id={cred.next_rule_id()} onsave={on_saved} oncancel={on_cancel} />
                </div>
            } else {
                <p><button type="button" class="btn btn--primary" onclick={edit(Editing::NewRule)}>{ "Add a requirement" }</button></p>
            }
        </>
    }
}

/// The exemptions recorded in this cycle, each removable.
fn exemptions(cred: &Credential, onop: &Callback<CredentialOp>) -> Html {
    if cred.cycle.exemptions.is_empty() {
        return html! {};
    }
    html! {
        <ul class="plain-list">
            { for cred.cycle.exemptions.iter().map(|x| {
                let label = cred.rules.iter().find(|r| r.id == x.rule_id).map_or(x.rule_id.clone(), |r| r.label.clone());
                let rule_id = x.rule_id.clone();
                let remove = onop.reform(move |_: MouseEvent| CredentialOp::RemoveExemption(rule_id.clone()));
                html! {
                    <li>
                        { format!("{}: {} — {} ({})", label, if x.kind == ExemptionKind::Exempt { "exempt" } else { "deemed met" }, x.reason, locale::date(x.date)) }
                        { " " }
                        <button type="button" class="btn btn--small" onclick={remove}
                            aria-label={format!("Remove the exemption for {label}")}>{ "Remove" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// Recording an exemption (or a requirement deemed met) for a requirement of this cycle.
#[function_component(ExemptionForm)]
fn exemption_form(p: &PartProps) -> Html {
    let cred = p.credential.clone();
    let form = use_form(
        || ExemptionDraft::new(&p.credential, locale::today()),
        move |d: &ExemptionDraft| d.as_shown(&cred).validate(&cred).err().unwrap_or_default(),
        |f: &ExemptionField| {
            match f {
                ExemptionField::Rule => "ex-rule",
                ExemptionField::Reason => "ex-reason",
                ExemptionField::Date => "ex-date",
            }
            .to_string()
        },
    );
    let d = form.draft().as_shown(&p.credential);
    let onsubmit = {
        let (form, onop, cred) = (form.clone(), p.onop.clone(), p.credential.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(x) = form.submit(form.draft().as_shown(&cred).validate(&cred)) {
                onop.emit(CredentialOp::RecordExemption(x));
                form.reset(|d| d.reason.clear());
            }
        })
    };
    let rules = html! {
        { for p.credential.rules.iter().map(|r| html! {
            <option value={r.id.clone()} selected={d.rule_id == r.id}>{ r.label.clone() }</option>
        }) }
    };
    let on_kind = form.choose(|d, v| {
        if let Some(k) = ExemptionKind::from_code(&v) {
            d.kind = k;
        }
    });
    html! {
        <form class="card" {onsubmit} aria-label="Record an exemption" novalidate=true>
            <div class="grid grid--3">
                <Field id="ex-rule" label="Requirement" error={form.error(ExemptionField::Rule)}
                    control={Control::select(form.choose(|d, v| d.rule_id = v), rules)} />
                <Field id="ex-kind" label="Decision"
                    control={Control::select(on_kind, enum_options(Some(d.kind), ExemptionKind::label))} />
                <Field id="ex-date" label="Date" error={form.error(ExemptionField::Date)}
                    control={Control::date(d.date.clone(), form.text(|d, v| d.date = v))} />
            </div>
            <Field id="ex-reason" label="Reason" error={form.error(ExemptionField::Reason)}
                control={Control::text(d.reason.clone(), form.text(|d, v| d.reason = v)).placeholder("e.g. Residency training; board letter of 3 March")} />
            <button type="submit" class="btn">{ "Record exemption" }</button>
        </form>
    }
}

/// Starting the next cycle when the license renews (the current one is kept).
#[function_component(NextCycleForm)]
fn next_cycle_form(p: &PartProps) -> Html {
    let cred = p.credential.clone();
    let form = use_form(
        NextCycleDraft::default,
        move |d: &NextCycleDraft| d.validate(&cred).err().unwrap_or_default(),
        |f: &NextCycleField| {
            match f {
                NextCycleField::End => "next-end",
                NextCycleField::CeDeadline => "next-deadline",
            }
            .to_string()
        },
    );
    let d = form.draft();
    let onsubmit = {
        let (form, onop, cred) = (form.clone(), p.onop.clone(), p.credential.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(valid) = form.submit(form.draft().validate(&cred)) {
                form.reset(|d| *d = NextCycleDraft::default());
                onop.emit(CredentialOp::StartNextCycle(valid));
            }
        })
    };
    html! {
        <form class="card" {onsubmit} aria-label="Start the next cycle" novalidate=true>
            <p class="muted">{ format!("Starts a new cycle on {}. The current one is kept for recurring requirements and carry-over.",
                p.credential.cycle.end.succ_opt().map(locale::date).unwrap_or_default()) }</p>
            <div class="grid grid--3">
                <Field id="next-end" label="New expiry date" error={form.error(NextCycleField::End)}
                    control={Control::date(d.end.clone(), form.text(|d, v| d.end = v))} />
                <Field id="next-deadline" label="CE deadline (if different)" error={form.error(NextCycleField::CeDeadline)}
                    control={Control::date(d.ce_deadline.clone(), form.text(|d, v| d.ce_deadline = v))} />
            </div>
            <button type="submit" class="btn">{ "Start the next cycle" }</button>
        </form>
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
