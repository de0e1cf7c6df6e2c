//! The dashboard: one line on where things stand, what to take next across all credentials, and
//! a card per credential with a progress bar and a sentence per requirement.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::router::go;

use crate::domain::describe;
use crate::domain::evaluate::{CredentialStatus, Evaluation};
use crate::domain::plan::plan;
use crate::domain::vocab::Unit;
use crate::ui::app::Route;
use crate::ui::components::badges::{progress, rule_status_badge, status_badge};
use crate::ui::components::empty_state;
use crate::ui::format;
use crate::ui::hooks::use_evaluations;
use crate::ui::state::{use_app, Action};

pub fn welcome() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Dashboard" }</h1></div>
            { empty_state("🩺", "Welcome to CME Tracker", html! { <>
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
            </> }) }
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
    {
        // The what-if view belongs to the dashboard: leaving it turns the switch off, so no
        // other page is read with planned activities counted by mistake.
        let app = app.clone();
        use_effect_with((), move |_| move || app.dispatch(Action::SetWhatIf(false)));
    }
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
    let with_rules: Vec<&Evaluation> = shown
        .iter()
        .filter(|e| e.status != CredentialStatus::NoRequirements)
        .collect();
    let without_rules = shown.len() - with_rules.len();
    let on_track = with_rules.iter().filter(|e| e.is_on_track()).count();
    let next = with_rules
        .iter()
        .filter(|e| !e.is_on_track())
        .min_by_key(|e| e.deadline);
    let to_earn = describe::totals_text(&the_plan.totals, &|a| format::amount(a));
    let projected = if what_if {
        " (projected, counting planned activities)"
    } else {
        ""
    };
    let mut summary = match next {
        None if with_rules.is_empty() => String::new(),
        None => format!(
            "All {} credential{} with requirements on track{projected}.",
            with_rules.len(),
            if with_rules.len() == 1 { " is" } else { "s are" },
        ),
        Some(e) => format!(
            "{on_track} of {} credential{} on track{projected} · {} still to earn · next deadline: {}, {}.",
            with_rules.len(),
            if with_rules.len() == 1 { "" } else { "s" },
            if to_earn.is_empty() { "nothing".to_string() } else { to_earn.clone() },
            e.credential_name,
            describe::time_until(format::today(), e.deadline, &|d| format::date(d))
        ),
    };
    let no_cert = crate::domain::attachment::without_certificate(&app.data.activities);
    if no_cert > 0 {
        summary.push_str(&format!(
            " {no_cert} completed {} no certificate on file.",
            if no_cert == 1 {
                "activity has"
            } else {
                "activities have"
            }
        ));
    }
    if without_rules > 0 {
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(&if without_rules == 1 {
            "1 credential has no requirements entered yet.".to_string()
        } else {
            format!("{without_rules} credentials have no requirements entered yet.")
        });
    }
    let today = format::today();
    let follow_ups = crate::domain::learning::follow_ups_due(&app.data.activities, today);
    // One click turns a plan item into a learning goal with its topic, credit type, hours and
    // deadline; the goal's page opens.
    let make_goal = {
        let app = app.clone();
        move |item: &crate::domain::plan::PlanItem| {
            let draft = crate::domain::learning::GoalDraft::from_plan_item(item);
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                if let Ok(goal) = draft.validate(uuid::Uuid::new_v4(), None) {
                    let id = goal.id;
                    app.dispatch(Action::SaveGoal(goal));
                    go(&Route::GoalDetail { id: id.to_string() });
                }
            })
        }
    };
    // What merging saved, said in one unit only when the plan has one unit.
    let (saved_unit, saved) = match the_plan.totals.as_slice() {
        [(unit, total)] => (*unit, the_plan.separate_total(*unit).saturating_sub(*total)),
        _ => (Unit::Hour, crate::domain::Amount::ZERO),
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
            if what_if {
                <p class="banner banner--warn" data-testid="what-if-on">{ "What-if view is on: the figures below count your planned activities as if they were done. They are projections, not your actual status." }</p>
            }
            <p class="summary" data-testid="summary">{ summary }</p>
            if app.data.activities.is_empty() {
                <div class="banner">
                    { "Next: " }<a href={Route::ActivityNew.href()}>{ "log the activities you have done" }</a>
                    { " — each requirement below fills up as you do." }
                </div>
            }
            if !follow_ups.is_empty() {
                <section class="card" aria-labelledby="follow-ups-title" data-testid="follow-ups">
                    <h2 id="follow-ups-title">{ "Follow-ups due" }</h2>
                    <p class="small muted">{ "You planned to look back on these: did the change happen in practice?" }</p>
                    <ul class="plain-list">
                        { for follow_ups.iter().map(|f| html! {
                            <li>
                                <a href={(Route::ActivityDetail { id: f.activity_id.to_string() }).href()}>{ f.title.clone() }</a>
                                <span class={classes!("small", (f.days < 0).then_some("warn-text"))}>
                                    { format!(" — {}", describe::time_until(today, f.date, &fmt_date)) }
                                </span>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !the_plan.items.is_empty() {
                <section class="card" aria-labelledby="plan-title">
                    <h2 id="plan-title">{ "What to take next" }</h2>
                    <ol class="plan">
                        { for the_plan.items.iter().map(|item| html! {
                            <li>
                                { describe::plan_sentence(item, &fmt_date) }
                                { " " }
                                <button type="button" class="btn btn--small no-print" onclick={make_goal(item)}
                                    aria-label={format!("Make it a learning goal: {}", describe::plan_goal_title(item))}>
                                    { "Make it a goal" }
                                </button>
                            </li>
                        }) }
                    </ol>
                    <p class="muted">{ format!("{to_earn} in total") }
                        if saved.is_positive() {
                            { format!(" — {} fewer than meeting each requirement separately, because one activity can count toward several requirements and credentials.",
                                describe::totals_text(&[(saved_unit, saved)], &|a| format::amount(a))) }
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
                                <a href={(Route::CredentialDetail { id: cred.id.to_string() }).href()}>{ cred.name.clone() }</a>
                            </h2>
                            <p>{ status_badge(ev) }</p>
                            <p class="muted">{ format!("CE due {}", describe::time_until(format::today(), ev.deadline, &fmt_date)) }</p>
                            if let Some(s) = {
                                let (m, c) = crate::domain::attachment::missing_among(&app.data.activities, &ev.contributing_activity_ids());
                                crate::domain::attachment::missing_sentence(m, c)
                            } {
                                <p class="small" data-testid="cert-count">{ s }</p>
                            }
                            if cred.rules.is_empty() {
                                <p>
                                    { "No requirements yet. " }
                                    <a href={(Route::CredentialDetail { id: cred.id.to_string() }).href()}>{ "Add the board's rules" }</a>
                                </p>
                            }
                            <ul class="plain-list rule-lines">
                                { for cred.rules.iter().zip(&ev.rules).map(|(rule, re)| html! {
                                    <li>
                                        <div class="rule-card__head">
                                            <strong>{ rule.label.clone() }</strong>
                                            { rule_status_badge(re) }
                                        </div>
                                        { progress(re) }
                                        <p class="small">{ describe::status_sentence(rule, re, &fmt_date, &|a| format::amount(a)) }</p>
                                        if let Some(pw) = cred.pathways.as_ref().and_then(|p| p.pathway_of(&rule.id)) {
                                            <p class="small muted">{ format!("Only for the pathway “{}”.", pw.label) }</p>
                                        }
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
