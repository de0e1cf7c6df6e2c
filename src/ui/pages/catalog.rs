//! Add a credential from the preset catalog: search by state, profession or body, read the
//! rules with their sources and confidence, set the cycle and the holder conditions, add.

use crate::storage::change::Change;
use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::go;

use crate::ui::components::inputs::input_value;
use crate::ui::components::provenance::{confidence_badge, provenance};

use crate::domain::draft::{PresetSetupDraft, PresetSetupField};
use crate::domain::model::vocab;
use crate::domain::presets::Preset;
use crate::domain::text::describe;
use crate::route::Route;
use crate::ui::catalog_source::{use_catalog, CatalogLoad};
use crate::ui::components::field::{Control, Field};
use crate::ui::components::profession_chooser::ProfessionChooser;
use crate::ui::components::RenewalSelect;
use crate::ui::form::{use_form, Form};
use crate::ui::locale;
use crate::ui::state::{use_app, Action};
#[function_component(CatalogPage)]
pub fn catalog_page() -> Html {
    let catalog = use_catalog();
    let app = use_app();
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
    let count = format!("{} of {} boards and bodies", results.len(), catalog.len());
    let professions = app.data.settings.professions.clone();
    let (theirs, others) = crate::domain::presets::Catalog::for_professions(results, &professions);
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(input_value(&e)))
    };
    let card = |p: &'static Preset| {
        let choose = {
            let chosen = chosen.clone();
            Callback::from(move |_| chosen.set(Some(p)))
        };
        html! {
            <li class="card">
                <h3 class="card__title">{ p.name.clone() }</h3>
                <p class="muted small">{ format!("{} · {} · every {} months · {} requirement{}", p.jurisdiction, p.profession, p.cycle_months, p.rules.len(), if p.rules.len() == 1 { "" } else { "s" }) }</p>
                <p>{ confidence_badge(p.confidence) }</p>
                <button type="button" class="btn btn--primary btn--small" onclick={choose} aria-label={format!("Choose {}", p.name)}>{ "Choose" }</button>
            </li>
        }
    };
    let mine = format!(
        "For {}",
        crate::domain::model::profession::plural_list(&professions)
    );
    html! {
        <>
            { head }
            <ProfessionChooser />
            <div class="field">
                <label for="catalog-search">{ "Search by state, profession or body" }</label>
                <input id="catalog-search" type="search" placeholder="e.g. Texas, pharmacist, NCCPA, DEA" value={(*query).clone()} oninput={on_query} />
                <p class="hint" role="status">{ count }</p>
            </div>
            if professions.is_empty() {
                <h2 class="visually-hidden" id="presets-all">{ "Presets" }</h2>
                <ul class="card-list" aria-labelledby="presets-all" data-testid="presets-all">
                    { for others.into_iter().map(card) }
                </ul>
            } else {
                <h2 id="presets-mine">{ mine }</h2>
                if theirs.is_empty() {
                    <p class="muted">{ "None matches the search." }</p>
                }
                <ul class="card-list" aria-labelledby="presets-mine" data-testid="presets-mine">
                    { for theirs.into_iter().map(card) }
                </ul>
                <h2 id="presets-others">{ "Other professions" }</h2>
                <ul class="card-list" aria-labelledby="presets-others" data-testid="presets-others">
                    { for others.into_iter().map(card) }
                </ul>
            }
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
    let form = use_form(
        || PresetSetupDraft::new(p),
        move |d: &PresetSetupDraft| {
            d.build(p, Uuid::nil(), locale::now())
                .err()
                .unwrap_or_default()
        },
        |f: &PresetSetupField| field_id(*f),
    );
    // Adding a preset already held asks first; "Add another" confirms.
    let confirmed = use_state(|| false);
    // Keyboard and screen-reader users land on the chosen preset, not at the top of the page.
    use_effect_with(p.id.clone(), |_| {
        crate::ui::components::focus::focus("preset-title");
    });
    let held: Vec<(String, String)> = PresetSetupDraft::already_held(p, &app.data.credentials)
        .iter()
        .map(|c| {
            let cycle = format!(
                "{} – {}",
                locale::date(c.cycle.start),
                locale::date(c.cycle.end)
            );
            (c.id.to_string(), format!("{} (cycle {cycle})", c.name))
        })
        .collect();
    let must_confirm = !held.is_empty() && !*confirmed;
    let onsubmit = {
        let (form, confirmed) = (form.clone(), confirmed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if must_confirm {
                confirmed.set(true);
                crate::ui::components::focus::focus("preset-duplicate");
                return;
            }
            // Every step (cycle from the expiry, rules, renewal answer, conditions) is the
            // domain's; the page only shows where the input is wrong.
            if let Some(c) = form.submit(form.draft().build(p, app.next_id, locale::now())) {
                let id = c.id.to_string();
                app.dispatch(Action::Change(Change::SaveCredential(c)));
                go(&Route::CredentialDetail { id });
            }
        })
    };
    let back = props.onback.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="page-head">
                <h1 id="preset-title" tabindex="-1">{ p.name.clone() }</h1>
                <button type="button" class="btn" onclick={back}>{ "Back to the catalog" }</button>
            </div>
            { preset_summary(p) }
            <form class="card" {onsubmit} novalidate=true aria-label="Your cycle">
                { form.summary("preset-error-summary") }
                { setup_fields(&form, p) }
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
                    <button type="submit" class="btn btn--primary">{ if !held.is_empty() && *confirmed { "Add another" } else { "Add this credential" } }</button>
                </div>
            </form>
        </>
    }
}

/// What the preset holds: jurisdiction, cycle, where its facts come from, its requirements.
fn preset_summary(p: &'static Preset) -> Html {
    html! {
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
    }
}

/// The holder's cycle, conditions, number, one-time requirements already done, and renewal.
fn setup_fields(form: &Form<PresetSetupDraft, PresetSetupField>, p: &'static Preset) -> Html {
    let d = form.draft();
    let toggle = |code: String| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let code = code.clone();
            form.update(move |d| {
                if !d.conditions.remove(&code) {
                    d.conditions.insert(code);
                }
            })
        })
    };
    let start = d
        .start_preview(p)
        .map(|s| format!("The cycle then starts {}.", locale::date(s)));
    let questions = PresetSetupDraft::done_questions(p);
    let on_renewal = {
        let form = form.clone();
        Callback::from(move |answer| form.update(|d| d.renewal = answer))
    };
    html! {
        <>
            <div class="grid grid--2">
                <Field id="preset-end" label="Expiry date (end of the current cycle)" hint={start.map(AttrValue::from)}
                    error={form.error(PresetSetupField::End)} control={Control::date(d.end.clone(), form.text(|d, v| d.end = v))} />
                <Field id="preset-deadline" label="CE deadline (if different)" error={form.error(PresetSetupField::CeDeadline)}
                    control={Control::date(d.ce_deadline.clone(), form.text(|d, v| d.ce_deadline = v))} />
            </div>
            if !p.conditions_asked.is_empty() {
                <fieldset class="field">
                    <legend>{ "Which of these apply to you? (some requirements depend on them)" }</legend>
                    <div class="check-grid">
                        { for p.conditions_asked.iter().map(|code| {
                            let id = format!("preset-cond-{code}");
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="checkbox" id={id} checked={d.conditions.contains(code)} onchange={toggle(code.clone())} />
                                    <span>{ vocab::condition_label(code) }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
            }
            <Field id="preset-number" label="License or certificate number (optional)" error={form.error(PresetSetupField::Number)}
                control={Control::text(d.number.clone(), form.text(|d, v| d.number = v))} />
            if !questions.is_empty() {
                <fieldset class="field">
                    <legend>{ "Already done? Enter when, and the requirement is recorded as met" }</legend>
                    <p class="hint">{ "For one-time courses you completed before using the app. Leave empty if not done yet." }</p>
                    { for questions.iter().enumerate().map(|(i, r)| {
                        let f = PresetSetupField::Done(i);
                        let rule_id = r.id.clone();
                        let oninput = form.text(move |d, v| {
                            d.done.insert(rule_id.clone(), v);
                        });
                        html! {
                            <Field id={field_id(f)} label={format!("{} — completed on", r.label)} error={form.error(f)}
                                hint={describe::recurrence_text(&r.recurrence)}
                                control={Control::date(d.done.get(&r.id).cloned().unwrap_or_default(), oninput)} />
                        }
                    }) }
                </fieldset>
            }
            if p.asks_renewal() {
                <RenewalSelect id="preset-renewal" value={d.renewal} onchange={on_renewal} />
            }
        </>
    }
}
