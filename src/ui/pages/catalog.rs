//! Add a credential from the preset catalog: search by state, profession or body, read the
//! rules with their sources and confidence, set the cycle and the holder conditions, add.

use crate::storage::change::Change;
use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::go;

use crate::ui::components::inputs::{input_value, on_input};
use crate::ui::components::provenance::{confidence_badge, provenance};

use crate::domain::draft::FieldError;
use crate::domain::model::vocab;
use crate::domain::ops::{PresetSetupDraft, PresetSetupField};
use crate::domain::presets::Preset;
use crate::domain::text::describe;
use crate::ui::app::Route;
use crate::ui::catalog_source::{use_catalog, CatalogLoad};
use crate::ui::components::field_error::{described, error_html, invalid};
use crate::ui::components::RenewalSelect;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};
#[function_component(CatalogPage)]
pub fn catalog_page() -> Html {
    let catalog = use_catalog();
    let query = use_state(String::new);
    let chosen = use_state(|| None::<&'static Preset>);
    if let Some(p) = *chosen {
        let back = {
            let chosen = chosen.clone();
            Callback::from(move |_| chosen.set(None))
        };
        return html! { <PresetSetup preset={PresetRefProp(p)} onback={back} /> };
    }
    let head = html! {
        <div class="page-head">
            <h1>{ "Add a credential from the catalog" }</h1>
            <a href={Route::CredentialNew.href()} class="btn">{ "Add by hand instead" }</a>
        </div>
    };
    let catalog = match catalog {
        CatalogLoad::Ready(c) => c,
        CatalogLoad::Loading => {
            return html! {
                <>
                    { head }
                    <p class="muted" role="status" aria-busy="true">{ "Loading the catalog…" }</p>
                </>
            };
        }
        CatalogLoad::Failed(message) => {
            return html! {
                <>
                    { head }
                    <div class="banner banner--bad" role="alert"><p>{ message }</p></div>
                </>
            };
        }
    };
    let results = catalog.search(&query);
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(input_value(&e)))
    };
    html! {
        <>
            { head }
            <div class="field">
                <label for="catalog-search">{ "Search by state, profession or body" }</label>
                <input id="catalog-search" type="search" placeholder="e.g. Texas, nursing, ABIM, DEA" value={(*query).clone()} oninput={on_query} />
                <p class="hint" role="status">{ format!("{} of {} boards and bodies", results.len(), catalog.len()) }</p>
            </div>
            <ul class="card-list" aria-label="Presets">
                { for results.into_iter().map(|p| {
                    let choose = {
                        let chosen = chosen.clone();
                        Callback::from(move |_| chosen.set(Some(p)))
                    };
                    html! {
                        <li class="card">
                            <h2 class="card__title">{ p.name.clone() }</h2>
                            <p class="muted small">{ format!("{} · {} · every {} months · {} requirement{}", p.jurisdiction, p.profession, p.cycle_months, p.rules.len(), if p.rules.len() == 1 { "" } else { "s" }) }</p>
                            <p>{ confidence_badge(p.confidence) }</p>
                            <button type="button" class="btn btn--primary btn--small" onclick={choose} aria-label={format!("Choose {}", p.name)}>{ "Choose" }</button>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

/// `&'static Preset` as a property (compared by id).
#[derive(Clone)]
pub struct PresetRefProp(pub &'static Preset);

impl PartialEq for PresetRefProp {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

#[derive(Properties, PartialEq)]
struct PresetSetupProps {
    preset: PresetRefProp,
    onback: Callback<()>,
}

fn field_id(f: PresetSetupField) -> String {
    match f {
        PresetSetupField::End => "preset-end".into(),
        PresetSetupField::CeDeadline => "preset-deadline".into(),
        PresetSetupField::Number => "preset-number".into(),
        PresetSetupField::Done(i) => format!("preset-done-{i}"),
    }
}

#[function_component(PresetSetup)]
fn preset_setup(props: &PresetSetupProps) -> Html {
    let p = props.preset.0;
    let app = use_app();
    let draft = use_state(|| PresetSetupDraft::new(p));
    let errors = use_state(Vec::<FieldError<PresetSetupField>>::new);
    // Adding a preset already held asks first; "Add another" confirms.
    let confirmed = use_state(|| false);
    let held: Vec<(String, String)> = PresetSetupDraft::already_held(p, &app.data.credentials)
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                format!(
                    "{} (cycle {} – {})",
                    c.name,
                    locale::date(c.cycle.start),
                    locale::date(c.cycle.end)
                ),
            )
        })
        .collect();
    let start_preview = draft.start_preview(p);
    // Keyboard and screen-reader users land on the chosen preset, not at the top of the page.
    use_effect_with(p.id.clone(), |_| {
        crate::ui::components::focus::focus("preset-title");
    });
    let must_confirm = !held.is_empty() && !*confirmed;
    let onsubmit = {
        let (draft, errors) = (draft.clone(), errors.clone());
        let confirmed = confirmed.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if must_confirm {
                confirmed.set(true);
                crate::ui::components::focus::focus("preset-duplicate");
                return;
            }
            // Every step (cycle from the expiry, rules, renewal answer, conditions) is the
            // domain's; the page only shows where the input is wrong.
            match draft.build(p, Uuid::new_v4(), locale::now()) {
                Ok(c) => {
                    let id = c.id.to_string();
                    app.dispatch(Action::Change(Change::SaveCredential(c)));
                    go(&Route::CredentialDetail { id });
                }
                Err(errs) => {
                    if let Some(first) = errs.first() {
                        crate::ui::components::focus::focus(&field_id(first.field));
                    }
                    errors.set(errs);
                }
            }
        })
    };
    let set_text = |apply: fn(&mut PresetSetupDraft, String)| on_input(&draft, apply);
    let toggle = |code: String| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut d = (*draft).clone();
            if !d.conditions.remove(&code) {
                d.conditions.insert(code.clone());
            }
            draft.set(d);
        })
    };
    let set_done = |rule_id: String| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.done.insert(rule_id.clone(), input_value(&e));
            draft.set(d);
        })
    };
    let questions = PresetSetupDraft::done_questions(p);
    let msg = |f: PresetSetupField| error_html(&errors, f, &field_id(f));
    let invalid = |f: PresetSetupField| invalid(&errors, f);
    let described = |f: PresetSetupField| described(&errors, f, &field_id(f));
    let back = props.onback.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="page-head">
                <h1 id="preset-title" tabindex="-1">{ p.name.clone() }</h1>
                <button type="button" class="btn" onclick={back}>{ "Back to the catalog" }</button>
            </div>
            <div class="card">
                <p>{ format!("{} · {}", p.jurisdiction, p.profession) }</p>
                <p class="muted">{ format!("Cycle: {} months. {}", p.cycle_months, p.cycle_description) }</p>
                if let Some(n) = &p.first_renewal_note { <p class="small">{ format!("First renewal: {n}") }</p> }
                { provenance(p) }
                if p.rules.is_empty() {
                    <p><strong>{ "This board has no CME requirement." }</strong>{ " You can still add it to keep its renewal date in view." }</p>
                } else {
                    <h2>{ "Requirements" }</h2>
                    <ul class="rule-sentences">
                        { for p.rules.iter().map(|r| html! {
                            <li><strong>{ r.label.clone() }</strong>{ ": " }{ describe::rule_sentence(r) }</li>
                        }) }
                    </ul>
                }
            </div>
            <form class="card" {onsubmit} novalidate=true aria-label="Your cycle">
                <div class="grid grid--2">
                    <div class="field">
                        <label for="preset-end">{ "Expiry date (end of the current cycle)" }</label>
                        <input id="preset-end" type="date" value={draft.end.clone()} oninput={set_text(|d, v| d.end = v)}
                            aria-invalid={invalid(PresetSetupField::End)} aria-describedby={described(PresetSetupField::End)} />
                        if let Some(s) = start_preview { <p class="hint">{ format!("The cycle then starts {}.", locale::date(s)) }</p> }
                        { msg(PresetSetupField::End) }
                    </div>
                    <div class="field">
                        <label for="preset-deadline">{ "CE deadline (if different)" }</label>
                        <input id="preset-deadline" type="date" value={draft.ce_deadline.clone()} oninput={set_text(|d, v| d.ce_deadline = v)}
                            aria-invalid={invalid(PresetSetupField::CeDeadline)} aria-describedby={described(PresetSetupField::CeDeadline)} />
                        { msg(PresetSetupField::CeDeadline) }
                    </div>
                </div>
                if !p.conditions_asked.is_empty() {
                    <fieldset class="field">
                        <legend>{ "Which of these apply to you? (some requirements depend on them)" }</legend>
                        <div class="check-grid">
                            { for p.conditions_asked.iter().map(|code| {
                                let id = format!("preset-cond-{code}");
                                html! {
                                    <label class="check" for={id.clone()}>
                                        <input type="checkbox" id={id} checked={draft.conditions.contains(code)} onchange={toggle(code.clone())} />
                                        <span>{ vocab::condition_label(code) }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
                <div class="field">
                    <label for="preset-number">{ "License or certificate number (optional)" }</label>
                    <input id="preset-number" type="text" value={draft.number.clone()} oninput={set_text(|d, v| d.number = v)}
                        aria-invalid={invalid(PresetSetupField::Number)} aria-describedby={described(PresetSetupField::Number)} />
                    { msg(PresetSetupField::Number) }
                </div>
                if !questions.is_empty() {
                    <fieldset class="field">
                        <legend>{ "Already done? Enter when, and the requirement is recorded as met" }</legend>
                        <p class="hint">{ "For requirements due once, or once every few renewals. Leave empty if not done yet." }</p>
                        { for questions.iter().enumerate().map(|(i, r)| {
                            let f = PresetSetupField::Done(i);
                            let id = field_id(f);
                            html! {
                                <div class="field">
                                    <label for={id.clone()}>{ format!("{} — completed on", r.label) }</label>
                                    <input id={id.clone()} type="date" value={draft.done.get(&r.id).cloned().unwrap_or_default()}
                                        oninput={set_done(r.id.clone())} aria-invalid={invalid(f)} aria-describedby={described(f)} />
                                    <p class="hint">{ describe::recurrence_text(&r.recurrence) }</p>
                                    { msg(f) }
                                </div>
                            }
                        }) }
                    </fieldset>
                }
                <RenewalSelect id="preset-renewal" value={draft.renewal} onchange={{
                    let draft = draft.clone();
                    Callback::from(move |answer| {
                        let mut d = (*draft).clone();
                        d.renewal = answer;
                        draft.set(d);
                    })
                }} />
                if !held.is_empty() {
                    <div class={classes!("banner", if *confirmed { "banner--warn" } else { "banner--info" })} id="preset-duplicate" tabindex="-1" role="status">
                        <p>{ "You already have this credential: " }
                            { for held.iter().map(|(id, label)| html! {
                                <><a href={(Route::CredentialDetail { id: id.clone() }).href()}>{ label.clone() }</a>{ " " }</>
                            }) }
                        </p>
                        if *confirmed {
                            <p>{ "Press “Add another” to add it again (e.g. a second license of the same board)." }</p>
                        }
                    </div>
                }
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ if held.is_empty() { "Add this credential" } else if *confirmed { "Add another" } else { "Add this credential" } }</button>
                </div>
            </form>
        </>
    }
}
