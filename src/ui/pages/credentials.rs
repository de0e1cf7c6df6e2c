//! Credentials: the list, and the form to add or edit one (name, cycle, CE deadline, holder
//! conditions, first renewal). Rules, exemptions and new cycles are on the credential's page.

use crate::storage::change::Change;
use std::collections::BTreeSet;

use uuid::Uuid;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::router::go;

use crate::domain::draft::{CredentialDraft, CredentialField, CredentialFieldError};
use crate::domain::{model::vocab, CredentialKind};
use crate::ui::app::Route;
use crate::ui::components::badges::status_badge;
use crate::ui::components::enum_select::{enum_options, on_enum_change};
use crate::ui::components::focus::focus;
use crate::ui::components::inputs::input_value;
use crate::ui::components::{empty_state, RenewalSelect};
use crate::ui::components::{use_edit_guard, EditConflict};
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};

#[function_component(CredentialsPage)]
pub fn credentials_page() -> Html {
    let app = use_app();
    let evaluations = use_evaluations();
    let head = html! {
        <div class="page-head">
            <h1>{ "Credentials" }</h1>
            <div class="actions">
                <a href={Route::CredentialCatalog.href()} class="btn btn--primary">{ "Add from the catalog" }</a>
                <a href={Route::CredentialNew.href()} class="btn">{ "Add by hand" }</a>
                if !app.data.credentials.is_empty() {
                    <a href={Route::Reports.href()} class="btn">{ "Audit reports" }</a>
                    <button type="button" class="btn" title="Cycle ends and CE deadlines, with reminders 90, 30 and 7 days before"
                        onclick={{ let app = app.clone(); Callback::from(move |_| crate::ui::worker_client::download_calendar(&app)) }}>
                        { "Add deadlines to my calendar" }
                    </button>
                }
            </div>
        </div>
    };
    if app.data.credentials.is_empty() {
        return html! {
            <>
                { head }
                { empty_state("🪪", "No credentials yet", html! { <>
                    <p>{ "Add each license, board certification, DEA registration or membership you keep, with its renewal cycle. \
                          Then add its requirements (total hours, topics such as ethics or opioids, caps) so the dashboard can tell you what is left." }</p>
                    <p class="actions actions--center">
                        <a href={Route::CredentialCatalog.href()} class="btn btn--primary">{ "Find your board in the catalog" }</a>
                        <a href={Route::CredentialNew.href()} class="btn">{ "Add by hand" }</a>
                    </p>
                </> }) }
            </>
        };
    }
    html! {
        <>
            { head }
            <ul class="card-list">
                { for app.data.credentials.iter().map(|c| {
                    let ev = evaluations.iter().find(|e| e.credential_id == c.id);
                    html! {
                        <li class="card">
                            <h2 class="card__title">
                                <a href={(Route::CredentialDetail { id: c.id.to_string() }).href()}>{ c.name.clone() }</a>
                            </h2>
                            <p class="muted">{ format!("{} · cycle {} – {} · {} requirement{}",
                                c.kind.label(), locale::date(c.cycle.start), locale::date(c.cycle.end),
                                c.rules.len(), if c.rules.len() == 1 { "" } else { "s" }) }</p>
                            if let Some(ev) = ev {
                                <p>{ status_badge(ev) }{ " " }{ format!("CE due {}", crate::domain::text::describe::time_until(locale::today(), ev.deadline, &|d| locale::date(d))) }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CredentialFormPageProps {
    #[prop_or_default]
    pub id: Option<String>,
}

fn field_id(f: CredentialField) -> &'static str {
    match f {
        CredentialField::Name => "cred-name",
        CredentialField::CycleStart => "cred-start",
        CredentialField::CycleEnd => "cred-end",
        CredentialField::CeDeadline => "cred-deadline",
        CredentialField::Jurisdiction => "cred-jurisdiction",
        CredentialField::Number => "cred-number",
        CredentialField::Notes => "cred-notes",
    }
}

fn error_of(errors: &[CredentialFieldError], f: CredentialField) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == f)
        .map(|e| e.message.clone())
}

fn error_html(errors: &[CredentialFieldError], f: CredentialField) -> Html {
    crate::ui::components::field_error::error_html(errors, f, field_id(f))
}

/// Add (no id) or edit a credential.
#[function_component(CredentialFormPage)]
pub fn credential_form_page(props: &CredentialFormPageProps) -> Html {
    let app = use_app();
    let existing = props
        .id
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.credential(id).cloned());
    let draft = {
        let existing = existing.clone();
        use_state(move || {
            existing
                .as_ref()
                .map(CredentialDraft::from_credential)
                .unwrap_or_default()
        })
    };
    // What the form started from: a change from it is unsaved input (`data-dirty`), which a
    // link away or the update banner asks about first.
    let started = {
        let d = (*draft).clone();
        use_state(move || d)
    };
    let errors = use_state(Vec::<CredentialFieldError>::new);
    let guard = use_edit_guard(existing.clone());
    if props.id.is_some() && existing.is_none() {
        return html! {
            { empty_state("🔎", "Credential not found", html! { <>
                <p><a href={Route::Credentials.href()} class="btn">{ "Back to credentials" }</a></p>
            </> }) }
        };
    }
    let d = (*draft).clone();
    let update = {
        let draft = draft.clone();
        move |f: Box<dyn Fn(&mut CredentialDraft)>| {
            let mut next = (*draft).clone();
            f(&mut next);
            draft.set(next);
        }
    };
    let text_input = |id: &'static str, value: String, setter: fn(&mut CredentialDraft, String)| {
        let update = update.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = input_value(&e);
            update(Box::new(move |d| setter(d, v.clone())));
        });
        (id, value, oninput)
    };
    let onsubmit = {
        let draft = draft.clone();
        let errors = errors.clone();
        let app = app.clone();
        let existing = existing.clone();
        let guard_ok = !guard.changed();
        let tell = guard.teller();
        let drawn = guard.drawn_if_changed();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !guard_ok {
                // Changed in another tab since the form opened: ask first (the notice says so).
                tell.emit(());
                return;
            }
            match draft.validate() {
                Ok(valid) => {
                    errors.set(Vec::new());
                    let mut c =
                        valid.into_credential(existing.as_ref(), Uuid::new_v4(), locale::now());
                    if let (Some(drawn), Some(current)) = (&drawn, &existing) {
                        c = crate::storage::merge::keep_mine(drawn, &c, current);
                    }
                    let id = c.id.to_string();
                    app.dispatch(Action::Change(Change::SaveCredential(c)));
                    go(&Route::CredentialDetail { id });
                }
                Err(errs) => {
                    if let Some(first) = errs.first() {
                        focus(field_id(first.field));
                    }
                    errors.set(errs);
                }
            }
        })
    };
    let errs = (*errors).clone();
    let described =
        |f: CredentialField| crate::ui::components::field_error::described(&errs, f, field_id(f));
    let date_field = |label: &str,
                      f: CredentialField,
                      value: String,
                      setter: fn(&mut CredentialDraft, String),
                      hint: Option<&str>| {
        let (id, value, oninput) = text_input(field_id(f), value, setter);
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input {id} type="date" {value} {oninput} aria-invalid={error_of(&errs, f).is_some().then_some("true")}
                    aria-describedby={described(f)} />
                if let Some(h) = hint { <p class="hint">{ h }</p> }
                { error_html(&errs, f) }
            </div>
        }
    };
    let (name_id, name_value, name_input) =
        text_input("cred-name", d.name.clone(), |d, v| d.name = v);
    let (jur_id, jur_value, jur_input) =
        text_input("cred-jurisdiction", d.jurisdiction.clone(), |d, v| {
            d.jurisdiction = v
        });
    let (num_id, num_value, num_input) =
        text_input("cred-number", d.number.clone(), |d, v| d.number = v);
    let on_kind = {
        let update = update.clone();
        on_enum_change(move |k: Option<CredentialKind>| {
            let k = k.unwrap_or(CredentialKind::Other);
            update(Box::new(move |d| d.kind = k));
        })
    };
    let toggle_condition = |code: &'static str| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(Box::new(move |d| {
                if !d.conditions.remove(code) {
                    d.conditions.insert(code.to_string());
                }
            }))
        })
    };
    let on_renewal = {
        let update = update.clone();
        Callback::from(move |answer| update(Box::new(move |d| d.renewal = answer)))
    };
    let on_notes = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            update(Box::new(move |d| d.notes = v.clone()));
        })
    };
    let conditions: &BTreeSet<String> = &d.conditions;
    let title = if existing.is_some() {
        "Edit credential"
    } else {
        "Add credential"
    };
    html! {
        <>
            <div class="page-head"><h1>{ title }</h1></div>
            if guard.changed() {
                <EditConflict what="credential" told={guard.told()}
                    onreload={{
                        let ack = guard.reloader();
                        let draft = draft.clone();
                        let current = existing.clone();
                        Callback::from(move |_| {
                            ack.emit(());
                            if let Some(c) = &current {
                                draft.set(CredentialDraft::from_credential(c));
                            }
                        })
                    }}
                    onkeep={guard.keeper()} />
            }
            <form class="card" {onsubmit} novalidate=true aria-label={title}
                data-dirty={(*draft != *started).to_string()}>
                <div class="field">
                    <label for={name_id}>{ "Name" }<span class="req" aria-hidden="true">{ " *" }</span></label>
                    <input id={name_id} type="text" value={name_value} oninput={name_input} placeholder="e.g. Texas medical license"
                        aria-invalid={error_of(&errs, CredentialField::Name).is_some().then_some("true")}
                        aria-describedby={described(CredentialField::Name)} />
                    { error_html(&errs, CredentialField::Name) }
                </div>
                <div class="grid grid--3">
                    <div class="field">
                        <label for="cred-kind">{ "Kind" }</label>
                        <select id="cred-kind" onchange={on_kind}>
                            { enum_options(Some(d.kind), CredentialKind::label) }
                        </select>
                    </div>
                    <div class="field">
                        <label for={jur_id}>{ "Jurisdiction or body" }</label>
                        <input id={jur_id} type="text" value={jur_value} oninput={jur_input} placeholder="e.g. TX, ABIM"
                            aria-invalid={error_of(&errs, CredentialField::Jurisdiction).is_some().then_some("true")}
                            aria-describedby={described(CredentialField::Jurisdiction)} />
                        { error_html(&errs, CredentialField::Jurisdiction) }
                    </div>
                    <div class="field">
                        <label for={num_id}>{ "Number (optional)" }</label>
                        <input id={num_id} type="text" value={num_value} oninput={num_input}
                            aria-invalid={error_of(&errs, CredentialField::Number).is_some().then_some("true")}
                            aria-describedby={described(CredentialField::Number)} />
                        { error_html(&errs, CredentialField::Number) }
                    </div>
                </div>
                <div class="grid grid--3">
                    { date_field("Cycle start", CredentialField::CycleStart, d.cycle_start.clone(), |d, v| d.cycle_start = v, None) }
                    { date_field("Cycle end (expiry)", CredentialField::CycleEnd, d.cycle_end.clone(), |d, v| d.cycle_end = v, None) }
                    { date_field("CE deadline (if different)", CredentialField::CeDeadline, d.ce_deadline.clone(), |d, v| d.ce_deadline = v,
                        Some("Some boards want CE done before the license expires.")) }
                </div>
                <fieldset class="field">
                    <legend>{ "About you (requirements that apply only to some holders use these)" }</legend>
                    <div class="check-grid">
                        { for vocab::CONDITIONS.iter().map(|c| {
                            let id = format!("cond-{}", c.code);
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="checkbox" id={id} checked={conditions.contains(c.code)} onchange={toggle_condition(c.code)} />
                                    <span>{ c.label }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                <RenewalSelect id="cred-renewal" value={d.renewal} onchange={on_renewal} />
                <div class="field">
                    <label for="cred-notes">{ "Notes" }</label>
                    <textarea id="cred-notes" rows="2" value={d.notes.clone()} oninput={on_notes}
                        aria-invalid={error_of(&errs, CredentialField::Notes).is_some().then_some("true")}
                        aria-describedby={described(CredentialField::Notes)} />
                    { error_html(&errs, CredentialField::Notes) }
                </div>
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ if existing.is_some() { "Save changes" } else { "Save credential" } }</button>
                    <a href={Route::Credentials.href()} class="btn">{ "Cancel" }</a>
                </div>
            </form>
        </>
    }
}
