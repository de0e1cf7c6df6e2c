//! The dashboard: one line on where things stand, what to take next across all credentials, and
//! a card per credential with a progress bar and a sentence per requirement.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::describe;
use crate::domain::evaluate::{CredentialStatus, Evaluation};
use crate::domain::plan::plan;
use crate::ui::app::Route;
use crate::ui::components::badges::{progress, rule_status_badge, status_badge};
use crate::ui::components::EmptyState;
use crate::ui::format;
use crate::ui::hooks::use_evaluations;
use crate::ui::state::{use_app, Action};

fn welcome() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Dashboard" }</h1></div>
            <EmptyState icon="🩺" title="Welcome to CME Tracker">
                <p>{ "See at a glance whether every license and certification you hold is on track, \
                      and exactly what is left to earn." }</p>
                <ol class="steps">
                    <li>{ "Add a credential — a state license, board certification or DEA registration." }</li>
                    <li>{ "Log the CME activities you have completed or plan to take." }</li>
                    <li>{ "Come back here to see what each requirement still needs." }</li>
                </ol>
                <p class="actions actions--center">
                    <a class="btn btn--primary" href="#/credentials/catalog">{ "Add your first credential" }</a>
                    <a class="btn" href="#/activities/new">{ "Log an activity" }</a>
                </p>
            </EmptyState>
        </>
    }
}

#[function_component(DashboardPage)]
pub fn dashboard_page() -> Html {
    let app = use_app();
    let actual = use_evaluations();
    let what_if = app.what_if;
    let shown: Rc<Vec<Evaluation>> = if what_if {
        Rc::new(actual.iter().map(Evaluation::what_if).collect())
    } else {
        actual.clone()
    };
    let the_plan = {
        let data = app.data.clone();
        let actual = actual.clone();
        use_memo((app.revision, what_if, actual.len()), move |_| {
            plan(&data.credentials, &actual, what_if)
        })
    };
    if app.data.credentials.is_empty() {
        return welcome();
    }
    let on_what_if = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            app.dispatch(Action::SetWhatIf(on));
        })
    };
    let on_track = shown
        .iter()
        .filter(|e| e.status == CredentialStatus::Met)
        .count();
    let next = shown
        .iter()
        .filter(|e| e.status != CredentialStatus::Met)
        .min_by_key(|e| e.deadline);
    let summary = match next {
        None => format!(
            "All {} credential{} on track{}.",
            shown.len(),
            if shown.len() == 1 { " is" } else { "s are" },
            if what_if {
                " (counting planned activities)"
            } else {
                ""
            }
        ),
        Some(e) => format!(
            "{on_track} of {} credentials on track · {} h still to earn · next deadline: {}, {}.",
            shown.len(),
            format::amount(the_plan.total_hours),
            e.credential_name,
            format::days_left(e.days_left)
        ),
    };
    let fmt_date = |d| format::date(d);
    html! {
        <>
            <div class="page-head">
                <h1>{ "Dashboard" }</h1>
                <label class="switch" for="what-if">
                    <input type="checkbox" id="what-if" role="switch" checked={what_if} onchange={on_what_if} />
                    <span>{ "What if: count planned activities" }</span>
                </label>
            </div>
            <p class="summary" data-testid="summary">{ summary }</p>
            if app.data.activities.is_empty() {
                <div class="banner">
                    { "Next: " }<Link<Route> to={Route::ActivityNew}>{ "log the activities you have done" }</Link<Route>>
                    { " — each requirement below fills up as you do." }
                </div>
            }
            if !the_plan.items.is_empty() {
                <section class="card" aria-labelledby="plan-title">
                    <h2 id="plan-title">{ "What to take next" }</h2>
                    <ol class="plan">
                        { for the_plan.items.iter().map(|item| html! {
                            <li>{ describe::plan_sentence(item, &fmt_date) }</li>
                        }) }
                    </ol>
                    <p class="muted">{ format!("{} h in total", format::amount(the_plan.total_hours)) }
                        if the_plan.separate_hours > the_plan.total_hours {
                            { format!(" — {} h fewer than meeting each requirement separately, because one activity can count toward several requirements and credentials.",
                                format::amount(the_plan.separate_hours - the_plan.total_hours)) }
                        }
                    </p>
                </section>
            }
            <div class="grid grid--2">
                { for shown.iter().filter_map(|ev| {
                    let cred = app.credential(ev.credential_id)?;
                    Some(html! {
                        <section class="card" aria-label={cred.name.clone()}>
                            <h2 class="card__title">
                                <Link<Route> to={Route::CredentialDetail { id: cred.id.to_string() }}>{ cred.name.clone() }</Link<Route>>
                            </h2>
                            <p>{ status_badge(ev.status, ev.is_overdue()) }</p>
                            <p class="muted">{ format!("CE due {} · {}", format::date(ev.deadline), format::days_left(ev.days_left)) }</p>
                            if cred.rules.is_empty() {
                                <p>
                                    { "No requirements yet. " }
                                    <Link<Route> to={Route::CredentialDetail { id: cred.id.to_string() }}>{ "Add the board's rules" }</Link<Route>>
                                </p>
                            }
                            <ul class="plain-list rule-lines">
                                { for cred.rules.iter().zip(&ev.rules).map(|(rule, re)| html! {
                                    <li>
                                        <div class="rule-card__head">
                                            <strong>{ rule.label.clone() }</strong>
                                            { rule_status_badge(re.status) }
                                        </div>
                                        { progress(re) }
                                        <p class="small">{ describe::status_sentence(rule, re, &fmt_date) }</p>
                                    </li>
                                }) }
                            </ul>
                        </section>
                    })
                }) }
            </div>
        </>
    }
}
