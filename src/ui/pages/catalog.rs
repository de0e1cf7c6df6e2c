//! Add a credential from the preset catalog: search by state, profession or body, read the
//! rules with their sources and confidence, set the cycle and the holder conditions, add.

use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::describe;
use crate::domain::draft::parse_date;
use crate::domain::presets::{Confidence, Preset};
use crate::domain::vocab;
use crate::domain::RenewalAnswer;
use crate::ui::app::Route;
use crate::ui::catalog_source::{use_catalog, CatalogLoad};
use crate::ui::components::RenewalSelect;
use crate::ui::format;
use crate::ui::state::{use_app, Action};

pub fn confidence_badge(c: Confidence) -> Html {
    let class = match c {
        Confidence::High => "badge badge--ok",
        Confidence::Medium => "badge badge--warn",
        Confidence::Low => "badge badge--bad badge--wrap",
    };
    html! { <span class={class}>{ c.label() }</span> }
}

/// Sources, confidence and the standing caveat, shown wherever a preset's rules are.
pub fn provenance(p: &Preset) -> Html {
    html! {
        <div class="provenance">
            <p>{ confidence_badge(p.confidence) }{ format!(" · facts checked {}", format::date(p.checked)) }</p>
            <p class="small"><strong>{ "Verify with your board." }</strong>{ " These rules are an aid drawn from the sources below, not legal advice; boards change their rules." }</p>
            <details>
                <summary>{ format!("Sources ({})", p.sources.len()) }</summary>
                <ul class="small">
                    { for p.sources.iter().map(|s| html! {
                        // Opened only when the user clicks; the app itself never fetches them.
                        <li><a href={s.clone()} target="_blank" rel="noopener noreferrer">{ s.clone() }</a></li>
                    }) }
                </ul>
            </details>
            if !p.notes.is_empty() {
                <details>
                    <summary>{ "Notes" }</summary>
                    <ul class="small">{ for p.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                </details>
            }
        </div>
    }
}

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
            <Link<Route> to={Route::CredentialNew} classes="btn">{ "Add by hand instead" }</Link<Route>>
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
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
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

#[function_component(PresetSetup)]
fn preset_setup(props: &PresetSetupProps) -> Html {
    let p = props.preset.0;
    let app = use_app();
    let navigator = use_navigator();
    let end = use_state(String::new);
    let deadline = use_state(String::new);
    let renewal = use_state(|| RenewalAnswer::NotSure);
    let conditions = use_state(|| p.implied_conditions());
    let error = use_state(|| None::<String>);
    let start_preview = parse_date(&end).map(|e| p.cycle_start_for(e));
    let onsubmit = {
        let (end, deadline, renewal, conditions, error) = (
            end.clone(),
            deadline.clone(),
            renewal.clone(),
            conditions.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(cycle_end) = parse_date(&end) else {
                error.set(Some("Enter the date your license or certification expires (the end of the current cycle).".into()));
                crate::ui::pages::credentials::focus("preset-end");
                return;
            };
            let ce = if deadline.is_empty() {
                None
            } else {
                parse_date(&deadline)
            };
            let start = p.cycle_start_for(cycle_end);
            if ce.is_some_and(|d| d < start) {
                error.set(Some(
                    "The CE deadline cannot be before the cycle starts.".into(),
                ));
                return;
            }
            let mut c = p.instantiate(Uuid::new_v4(), start, cycle_end, format::now());
            c.cycle.ce_deadline = ce;
            c.set_renewal_answer(*renewal);
            c.conditions = (*conditions).clone();
            let id = c.id.to_string();
            app.dispatch(Action::SaveCredential(c));
            if let Some(nav) = &navigator {
                nav.push(&Route::CredentialDetail { id });
            }
        })
    };
    let set_text = |state: UseStateHandle<String>| {
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let toggle = |code: String| {
        let conditions = conditions.clone();
        Callback::from(move |_: Event| {
            let mut next = (*conditions).clone();
            if !next.remove(&code) {
                next.insert(code.clone());
            }
            conditions.set(next);
        })
    };
    let back = props.onback.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="page-head">
                <h1>{ p.name.clone() }</h1>
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
                        <input id="preset-end" type="date" value={(*end).clone()} oninput={set_text(end.clone())}
                            aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then_some("preset-error")} />
                        if let Some(s) = start_preview { <p class="hint">{ format!("The cycle then starts {}.", format::date(s)) }</p> }
                    </div>
                    <div class="field">
                        <label for="preset-deadline">{ "CE deadline (if different)" }</label>
                        <input id="preset-deadline" type="date" value={(*deadline).clone()} oninput={set_text(deadline.clone())} />
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
                                        <input type="checkbox" id={id} checked={conditions.contains(code)} onchange={toggle(code.clone())} />
                                        <span>{ vocab::condition_label(code) }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
                <RenewalSelect id="preset-renewal" value={*renewal} onchange={{
                    let renewal = renewal.clone();
                    Callback::from(move |answer| renewal.set(answer))
                }} />
                if let Some(m) = &*error { <p class="error" id="preset-error">{ m.clone() }</p> }
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ "Add this credential" }</button>
                </div>
            </form>
        </>
    }
}
