//! Learning goals and reflection, as the activity page and the goals pages show them: the
//! reflection form (what I learned, what I will change, a follow-up date; at follow-up, whether
//! it changed and what happened), the goals an activity serves, a goal's status and progress.

use crate::domain::model::codes::Coded;
use crate::storage::change::Change;
use uuid::Uuid;
use yew::prelude::*;

use crate::domain::draft::{ReflectionDraft, ReflectionField};
use crate::domain::engine::goals::GoalProgress;
use crate::domain::model::learning::{Changed, GoalStatus};
use crate::domain::Activity;
use crate::route::Route;
use crate::ui::components::field_error::{described, described_with_hint, error_html, invalid};
use crate::ui::components::inputs::on_input;
use crate::ui::locale;
use crate::ui::state::{use_app, Action};

/// A goal's status as a badge (words and a mark, not colour alone).
pub fn goal_status_badge(status: GoalStatus, overdue: bool) -> Html {
    crate::ui::components::badges::badge(&crate::domain::text::badges::goal_badge(status, overdue))
}

/// A goal's progress: a bar toward its target hours (when it has one) with the numbers in text.
pub fn goal_progress(p: &GoalProgress, target: Option<crate::domain::Amount>) -> Html {
    let mut text = format!(
        "{} h from {} {}",
        locale::amount(p.hours),
        p.completed,
        if p.completed == 1 {
            "activity"
        } else {
            "activities"
        }
    );
    if let Some(t) = target {
        text = format!(
            "{} of {} h from {} {}",
            locale::amount(p.hours),
            locale::amount(t),
            p.completed,
            if p.completed == 1 {
                "activity"
            } else {
                "activities"
            }
        );
    }
    if p.planned > 0 {
        text.push_str(&format!(
            "; {} h planned in {}",
            locale::amount(p.planned_hours),
            p.planned
        ));
    }
    html! {
        <div class="progress-row">
            if let Some(pct) = p.percent {
                <progress class={if p.reached { "progress progress--ok" } else { "progress progress--bad" }}
                    max="100" value={pct.to_string()} aria-label={text.clone()}>{ format!("{pct}%") }</progress>
            }
            <span class="progress-row__text">{ text }</span>
        </div>
    }
}

/// One reflected activity as the reflective record lists it (How I learn, the audit report):
/// what was learned, what was to change, and what happened at follow-up.
pub fn reflection_entry(a: &Activity, linked: bool) -> Html {
    let r = a.reflection.clone().unwrap_or_default();
    let mut meta = locale::date(a.end);
    if !a.provider.is_empty() {
        meta.push_str(&format!(" · {}", a.provider));
    }
    meta.push_str(&format!(" · {} h", locale::amount(a.hours())));
    html! {
        <div class="learning-entry">
            <h3>
                if linked {
                    <a href={(Route::ActivityDetail { id: a.id.to_string() }).href()}>{ a.title.clone() }</a>
                } else {
                    { a.title.clone() }
                }
            </h3>
            <p class="small muted">{ meta }</p>
            <dl class="facts">
                if !r.learned.is_empty() { <dt>{ "Learned" }</dt><dd class="pre-wrap">{ r.learned.clone() }</dd> }
                if !r.will_change.is_empty() { <dt>{ "To change in practice" }</dt><dd class="pre-wrap">{ r.will_change.clone() }</dd> }
                if let Some(o) = &r.outcome {
                    <dt>{ format!("At follow-up ({})", locale::date(o.date)) }</dt>
                    <dd class="pre-wrap">{ o.changed.label() }{ if o.what_happened.is_empty() { String::new() } else { format!(" — {}", o.what_happened) } }</dd>
                } else if let Some(d) = r.follow_up {
                    <dt>{ "Follow-up" }</dt><dd>{ format!("Due {}", locale::date(d)) }</dd>
                }
            </dl>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReflectionCardProps {
    pub activity: Activity,
}

/// The reflection on an activity. Nothing is saved while a field shows a message.
#[function_component(ReflectionCard)]
pub fn reflection_card(props: &ReflectionCardProps) -> Html {
    let app = use_app();
    let a = &props.activity;
    let saved = a.reflection.clone();
    let draft = {
        let saved = saved.clone();
        use_state(move || {
            saved
                .as_ref()
                .map(ReflectionDraft::from_reflection)
                .unwrap_or_default()
        })
    };
    // What the form started from: a change from it is unsaved input (`data-dirty`), which a
    // link away or the update banner asks about first.
    let started = {
        let d = (*draft).clone();
        use_state(move || d)
    };
    // Messages show once saving was tried, and then follow what is typed (derived, not kept).
    let tried = use_state(|| false);
    let errors = if *tried {
        draft
            .validate(a.end, saved.as_ref(), locale::today())
            .err()
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let onsubmit = {
        let app = app.clone();
        let draft = draft.clone();
        let tried = tried.clone();
        let id = a.id;
        let end = a.end;
        let saved = saved.clone();
        let started = started.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.validate(end, saved.as_ref(), locale::today()) {
                Ok(r) => {
                    tried.set(false);
                    // Saved: nothing typed here is unsaved any more.
                    started.set((*draft).clone());
                    app.dispatch(Action::Change(Change::SaveReflection(id, Some(r))));
                }
                Err(_) => tried.set(true),
            }
        })
    };
    // The follow-up questions appear once a follow-up date has been saved with its change.
    let due = saved
        .as_ref()
        .filter(|r| !r.will_change.is_empty())
        .and_then(|r| r.follow_up);
    let field = |id: &str,
                 label: &str,
                 f: ReflectionField,
                 value: &str,
                 apply: fn(&mut ReflectionDraft, String)| {
        html! {
            <div class="field">
                <label for={id.to_string()}>{ label.to_string() }</label>
                <textarea id={id.to_string()} rows="3" value={value.to_string()}
                    aria-describedby={described(&errors, f, id)}
                    aria-invalid={invalid(&errors, f)}
                    oninput={on_input(&draft, apply)} />
                { error_html(&errors, f, id) }
            </div>
        }
    };
    html! {
        <section class="card reflection" aria-labelledby="reflection-title">
            <h2 id="reflection-title">{ "Reflection" }</h2>
            <p class="small muted">{ "What you take from it into practice — asked by UK appraisal, the Royal College of Canada and the Medical Board of Australia, and worth keeping anywhere." }</p>
            <form onsubmit={onsubmit} novalidate=true data-dirty={(*draft != *started).to_string()}>
                { field("refl-learned", "What I learned", ReflectionField::Learned, &draft.learned, |d, v| d.learned = v) }
                { field("refl-change", "What I will change in practice", ReflectionField::WillChange, &draft.will_change, |d, v| d.will_change = v) }
                <div class="field">
                    <label for="refl-follow-up">{ "Follow-up date" }</label>
                    <p class="small muted" id="refl-follow-up-hint">{ "When to look back and ask whether it changed. It is listed on the dashboard from two weeks before." }</p>
                    <input id="refl-follow-up" type="date" value={draft.follow_up.clone()}
                        aria-describedby={described_with_hint(&errors, ReflectionField::FollowUp, "refl-follow-up", true)}
                        aria-invalid={invalid(&errors, ReflectionField::FollowUp)}
                        oninput={on_input(&draft, |d, v| d.follow_up = v)} />
                    { error_html(&errors, ReflectionField::FollowUp, "refl-follow-up") }
                </div>
                if let Some(date) = due {
                    <fieldset class="field follow-up" aria-describedby={described(&errors, ReflectionField::Changed, "refl-changed")}>
                        <legend>{ format!("At follow-up ({}): did you change it?", locale::date(date)) }</legend>
                        { for Changed::ALL.iter().copied().map(|c| {
                            let code = crate::domain::model::codes::Coded::code(c).to_string();
                            let id = format!("refl-changed-{code}");
                            let draft = draft.clone();
                            let value = code.clone();
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="radio" name="refl-changed" id={id} checked={draft.changed == code}
                                        onchange={Callback::from(move |_: Event| { let mut d = (*draft).clone(); d.changed = value.clone(); draft.set(d); })} />
                                    <span>{ c.label() }</span>
                                </label>
                            }
                        }) }
                        { error_html(&errors, ReflectionField::Changed, "refl-changed") }
                    </fieldset>
                    { field("refl-happened", "What happened for patients or the team", ReflectionField::WhatHappened, &draft.what_happened, |d, v| d.what_happened = v) }
                }
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ "Save reflection" }</button>
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct GoalLinksProps {
    pub activity: Uuid,
}

/// The goals an activity serves, each a box to tick; goals met or set aside are listed only
/// while the activity is linked to them.
#[function_component(GoalLinks)]
pub fn goal_links(props: &GoalLinksProps) -> Html {
    let app = use_app();
    let id = props.activity;
    let goals: Vec<_> = app
        .data
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active || g.activity_ids.contains(&id))
        .cloned()
        .collect();
    html! {
        <section class="card" aria-labelledby="goal-links-title">
            <h2 id="goal-links-title">{ "Learning goals" }</h2>
            if goals.is_empty() {
                <p class="muted">{ "No goals yet. " }<a href={Route::GoalNew.href()}>{ "Set a learning goal" }</a>{ " to follow what you learn toward it." }</p>
            } else {
                <fieldset class="check-list">
                    <legend class="small muted">{ "This activity serves:" }</legend>
                    { for goals.iter().map(|g| {
                        let field = format!("goal-link-{}", g.id);
                        let app = app.clone();
                        let goal = g.id;
                        html! {
                            <label class="check" for={field.clone()}>
                                <input type="checkbox" id={field} checked={g.activity_ids.contains(&id)}
                                    onchange={Callback::from(move |e: Event| {
                                        let linked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                                        app.dispatch(Action::Change(Change::LinkGoal { goal, activity: id, linked }));
                                    })} />
                                <span>{ g.title.clone() }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            }
        </section>
    }
}
