//! Draws the dashboard from its view (`domain::text::dashboard`), which decided every word and figure,
//! and the welcome (in the first download: a first visit sees it before the records' module).

use yew::prelude::*;

use crate::domain::text::dashboard::DashboardView;
use crate::ui::components::badges::{badge, progress_bar};
use crate::ui::components::empty_state;
use crate::ui::router::Route;

/// What the dashboard answers to: the what-if switch, and "Make it a goal" (with the index of the
/// plan's item).
pub struct Controls {
    pub on_what_if: Callback<Event>,
    pub on_goal: Callback<usize>,
}

/// The page a first visit sees, or anyone without a credential yet.
pub fn welcome() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Dashboard" }</h1></div>
            { empty_state("🩺", "Welcome to CME Tracker", html! { <>
                <p>{ "See at a glance whether every license and certification you hold is on track, \
                      and exactly what is left to earn." }</p>
                <ol class="steps">
                    <li>{ "Add a credential — a state license, board certification or DEA registration. Say what you are (physician, PA, NP, nurse, pharmacist, therapist…) and its presets come first." }</li>
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

pub fn dashboard_view(view: &DashboardView, controls: &Controls) -> Html {
    if view.welcome {
        return welcome();
    }
    let goal = |i: usize| controls.on_goal.reform(move |_: MouseEvent| i);
    html! {
        <>
            <div class="page-head">
                <h1>{ "Dashboard" }</h1>
                <label class="switch" for="what-if">
                    <input type="checkbox" id="what-if" role="switch" checked={view.what_if}
                        onchange={controls.on_what_if.clone()} />
                    <span>{ "What if: count planned activities" }</span>
                </label>
            </div>
            if view.what_if {
                <p class="banner banner--warn" data-testid="what-if-on">{ "What-if view is on: the figures below count your planned activities as if they were done. They are projections, not your actual status." }</p>
            }
            <p class="summary" data-testid="summary">{ view.summary.clone() }</p>
            if view.no_activities {
                <div class="banner">
                    { "Next: " }<a href={Route::ActivityNew.href()}>{ "log the activities you have done" }</a>
                    { " — each requirement below fills up as you do." }
                </div>
            }
            if !view.follow_ups.is_empty() {
                <section class="card" aria-labelledby="follow-ups-title" data-testid="follow-ups">
                    <h2 id="follow-ups-title">{ "Follow-ups due" }</h2>
                    <p class="small muted">{ "You planned to look back on these: did the change happen in practice?" }</p>
                    <ul class="plain-list">
                        { for view.follow_ups.iter().map(|f| html! {
                            <li>
                                <a href={(Route::ActivityDetail { id: f.activity_id.clone() }).href()}>{ f.title.clone() }</a>
                                <span class={classes!("small", f.overdue.then_some("warn-text"))}>{ f.when.clone() }</span>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if !view.plan.is_empty() || !view.pathways.is_empty() {
                <section class="card" aria-labelledby="plan-title">
                    <h2 id="plan-title">{ "What to take next" }</h2>
                    if !view.pathways.is_empty() {
                        <ul class="plan plan--pathways" data-testid="plan-pathways">
                            { for view.pathways.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                        </ul>
                    }
                    <ol class="plan">
                        { for view.plan.iter().enumerate().map(|(i, item)| html! {
                            <li>
                                { item.sentence.clone() }
                                { " " }
                                <button type="button" class="btn btn--small no-print" onclick={goal(i)}
                                    aria-label={format!("Make it a learning goal: {}", item.goal_title)}>
                                    { "Make it a goal" }
                                </button>
                            </li>
                        }) }
                    </ol>
                    <p class="muted">{ view.plan_total.clone() }</p>
                </section>
            }
            <div class="grid grid--2">
                { for view.cards.iter().map(|card| {
                    let href = Route::CredentialDetail { id: card.credential_id.clone() }.href();
                    html! {
                        <section class="card" aria-label={card.name.clone()}>
                            <h2 class="card__title"><a href={href.clone()}>{ card.name.clone() }</a></h2>
                            <p>{ badge(&card.badge) }</p>
                            <p class="muted">{ card.due.clone() }</p>
                            if let Some(s) = &card.certificates {
                                <p class="small" data-testid="cert-count">{ s.clone() }</p>
                            }
                            if card.no_rules {
                                <p>
                                    { "No requirements yet. " }
                                    <a href={href}>{ "Add the board's rules" }</a>
                                </p>
                            }
                            <ul class="plain-list rule-lines">
                                { for card.rules.iter().map(|rule| html! {
                                    <li>
                                        <div class="rule-card__head">
                                            <strong>{ rule.label.clone() }</strong>
                                            { badge(&rule.badge) }
                                        </div>
                                        { rule.progress.as_ref().map(progress_bar).unwrap_or_default() }
                                        <p class="small">{ rule.sentence.clone() }</p>
                                        if let Some(p) = &rule.pathway {
                                            <p class="small muted">{ p.clone() }</p>
                                        }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                }) }
            </div>
        </>
    }
}
