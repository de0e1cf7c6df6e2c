//! Credentials: the list, and the form to add or edit one (name, cycle, CE deadline, holder
//! conditions, first renewal). Rules, exemptions and new cycles are on the credential's page.

use crate::storage::change::Change;

use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::go;

use crate::domain::draft::{CredentialDraft, CredentialField};
use crate::domain::{model::vocab, CredentialKind};
use crate::route::Route;
use crate::ui::components::badges::status_badge;
use crate::ui::components::enum_select::{enum_options, on_enum_change};
use crate::ui::components::field::{Control, Field};
use crate::ui::components::{empty_state, RenewalSelect};
use crate::ui::components::{use_edit_guard, EditConflict};
use crate::ui::form::{use_form, Form};
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

/// Add (no id) or edit a credential.
#[function_component(CredentialFormPage)]
pub fn credential_form_page(props: &CredentialFormPageProps) -> Html {
    let app = use_app();
    let existing = props
        .id
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.credential(id).cloned());
    let form = use_form(
        || {
            existing
                .as_ref()
                .map(CredentialDraft::from_credential)
                .unwrap_or_default()
        },
        |d: &CredentialDraft| d.validate().err().unwrap_or_default(),
        |f: &CredentialField| field_id(*f).to_string(),
    );
    let guard = use_edit_guard(existing.clone());
    if props.id.is_some() && existing.is_none() {
        return html! {
            { empty_state("🔎", "Credential not found", html! { <>
                <p><a href={Route::Credentials.href()} class="btn">{ "Back to credentials" }</a></p>
            </> }) }
        };
    }
    let onsubmit = {
        let (form, app, existing) = (form.clone(), app.clone(), existing.clone());
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
            if let Some(valid) = form.submit(form.draft().validate()) {
                let mut c = valid.into_credential(existing.as_ref(), app.next_id, locale::now());
                if let (Some(drawn), Some(current)) = (&drawn, &existing) {
                    c = crate::storage::merge::keep_mine(drawn, &c, current);
                }
                let id = c.id.to_string();
                app.dispatch(Action::Change(Change::SaveCredential(c)));
                go(&Route::CredentialDetail { id });
            }
        })
    };
    let onreload = {
        let (ack, form, current) = (guard.reloader(), form.clone(), existing.clone());
        Callback::from(move |_| {
            ack.emit(());
            if let Some(c) = &current {
                form.reset(|d| *d = CredentialDraft::from_credential(c));
            }
        })
    };
    let title = if existing.is_some() {
        "Edit credential"
    } else {
        "Add credential"
    };
    html! {
        <>
            <div class="page-head"><h1>{ title }</h1></div>
            if guard.changed() {
                <EditConflict what="credential" told={guard.told()} {onreload} onkeep={guard.keeper()} />
            }
            <form class="card" {onsubmit} novalidate=true aria-label={title}
                data-dirty={form.dirty().to_string()}>
                { form.summary("cred-error-summary") }
                { credential_fields(&form) }
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ if existing.is_some() { "Save changes" } else { "Save credential" } }</button>
                    <a href={Route::Credentials.href()} class="btn">{ "Cancel" }</a>
                </div>
            </form>
        </>
    }
}

/// The credential's fields: name, kind, body and number, the cycle, the holder's conditions and
/// which renewal this is, notes.
fn credential_fields(form: &Form<CredentialDraft, CredentialField>) -> Html {
    let d = form.draft();
    let on_kind = {
        let form = form.clone();
        on_enum_change(move |k: Option<CredentialKind>| {
            let k = k.unwrap_or(CredentialKind::Other);
            form.update(|d| d.kind = k);
        })
    };
    let toggle_condition = |code: &'static str| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            form.update(|d| {
                if !d.conditions.remove(code) {
                    d.conditions.insert(code.to_string());
                }
            })
        })
    };
    let on_renewal = {
        let form = form.clone();
        Callback::from(move |answer| form.update(|d| d.renewal = answer))
    };
    let date = |f: CredentialField,
                label: &'static str,
                value: &String,
                apply: fn(&mut CredentialDraft, String)| {
        html! {
            <Field id={field_id(f)} {label} error={form.error(f)} control={Control::date(value.clone(), form.text(apply))} />
        }
    };
    html! {
        <>
            <Field id="cred-name" label="Name" required=true error={form.error(CredentialField::Name)}
                control={Control::text(d.name.clone(), form.text(|d, v| d.name = v)).placeholder("e.g. Texas medical license")} />
            <div class="grid grid--3">
                <Field id="cred-kind" label="Kind"
                    control={Control::select(on_kind, enum_options(Some(d.kind), CredentialKind::label))} />
                <Field id="cred-jurisdiction" label="Jurisdiction or body" error={form.error(CredentialField::Jurisdiction)}
                    control={Control::text(d.jurisdiction.clone(), form.text(|d, v| d.jurisdiction = v)).placeholder("e.g. TX, ABIM")} />
                <Field id="cred-number" label="Number (optional)" error={form.error(CredentialField::Number)}
                    control={Control::text(d.number.clone(), form.text(|d, v| d.number = v))} />
            </div>
            <div class="grid grid--3">
                { date(CredentialField::CycleStart, "Cycle start", &d.cycle_start, |d, v| d.cycle_start = v) }
                { date(CredentialField::CycleEnd, "Cycle end (expiry)", &d.cycle_end, |d, v| d.cycle_end = v) }
                <Field id={field_id(CredentialField::CeDeadline)} label="CE deadline (if different)"
                    error={form.error(CredentialField::CeDeadline)} hint="Some boards want CE done before the license expires."
                    control={Control::date(d.ce_deadline.clone(), form.text(|d, v| d.ce_deadline = v))} />
            </div>
            <fieldset class="field">
                <legend>{ "About you (requirements that apply only to some holders use these)" }</legend>
                <div class="check-grid">
                    { for vocab::CONDITIONS.iter().map(|c| {
                        let id = format!("cond-{}", c.code);
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="checkbox" id={id} checked={d.conditions.contains(c.code)} onchange={toggle_condition(c.code)} />
                                <span>{ c.label }</span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            <RenewalSelect id="cred-renewal" value={d.renewal} onchange={on_renewal} />
            <Field id="cred-notes" label="Notes" error={form.error(CredentialField::Notes)}
                control={Control::textarea(d.notes.clone(), form.text(|d, v| d.notes = v), 2)} />
        </>
    }
}
