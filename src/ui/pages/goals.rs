//! Learning goals: the list with each goal's progress, a goal's page (its need, progress, the
//! activities that served it, a planned activity toward it, the reflection on it), and the form.

use crate::storage::change::Change;
use uuid::Uuid;
use yew::prelude::*;

use crate::ui::router::{back, go};

use crate::domain::draft::{GoalDraft, GoalField};
use crate::domain::engine::goals::progress;
use crate::domain::model::codes::Coded;
use crate::domain::model::learning::{Goal, GoalStatus, NeedSource};
use crate::domain::{model::vocab, TopicId};
use crate::route::Route;
use crate::ui::components::empty_state::empty_state;
use crate::ui::components::field::{Control, Field};
use crate::ui::components::inputs::select_value;
use crate::ui::components::learning::{goal_progress, goal_status_badge};
use crate::ui::form::{use_form, Form};
use crate::ui::locale;
use crate::ui::state::{use_app, Action};

#[function_component(GoalsPage)]
pub fn goals_page() -> Html {
    let app = use_app();
    let today = locale::today();
    let head = html! {
        <div class="page-head">
            <h1>{ "Learning goals" }</h1>
            <div class="actions">
                <a href={Route::GoalNew.href()} class="btn btn--primary">{ "New goal" }</a>
                <a href={Route::Learning.href()} class="btn">{ "How I learn" }</a>
            </div>
        </div>
    };
    if app.data.goals.is_empty() {
        return html! {
            <>
                { head }
                { empty_state("🎯", "No learning goals yet", html! { <>
                    <p>{ "Start from what you need to learn: a gap you noticed in practice, your patients, feedback, an audit result, a new guideline or a requirement. Set a target, link the activities that serve it, and reflect on what changed." }</p>
                    <p>{ "The dashboard's “What to take next” can turn a requirement into a goal in one click." }</p>
                </> }) }
            </>
        };
    }
    let mut goals: Vec<&Goal> = app.data.goals.iter().collect();
    // Goals being worked on first, soonest target first; then met, then set aside.
    crate::domain::model::sort::sort_by_key(&mut goals, |g| {
        (
            match g.status {
                GoalStatus::Active => 0,
                GoalStatus::Met => 1,
                GoalStatus::Dropped => 2,
            },
            g.target_date,
            g.title.clone(),
        )
    });
    html! {
        <>
            { head }
            <ul class="goal-list">
                { for goals.iter().map(|g| {
                    let p = progress(g, &app.data.activities, today);
                    html! {
                        <li class="card goal-card">
                            <h2 class="card__title">
                                <a href={(Route::GoalDetail { id: g.id.to_string() }).href()}>{ g.title.clone() }</a>
                            </h2>
                            <p>{ goal_status_badge(g.status, p.overdue) }
                                if let Some(d) = g.target_date {
                                    <span class="muted small">{ format!(" Target: {}", locale::date(d)) }</span>
                                }
                            </p>
                            { goal_progress(&p, g.target_hours) }
                            if let Some(n) = g.need {
                                <p class="small muted">{ format!("Need: {}", n.label()) }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct GoalProps {
    pub id: String,
}

fn not_found() -> Html {
    html! {
        { empty_state("🔎", "Goal not found", html! { <>
            <p>{ "It may have been deleted." }</p>
            <p><a href={Route::Goals.href()} class="btn">{ "Back to goals" }</a></p>
        </> }) }
    }
}

#[function_component(GoalDetailPage)]
pub fn goal_detail_page(props: &GoalProps) -> Html {
    let app = use_app();
    let confirm_delete = use_state(|| false);
    let found = Uuid::parse_str(&props.id)
        .ok()
        .and_then(|id| app.data.goals.iter().find(|g| g.id == id).cloned());
    let reflection = {
        let text = found
            .as_ref()
            .map(|g| g.reflection.clone())
            .unwrap_or_default();
        use_state(move || text)
    };
    let Some(g) = found else {
        return not_found();
    };
    let today = locale::today();
    let p = progress(&g, &app.data.activities, today);
    let linked: Vec<_> = app
        .data
        .activities
        .iter()
        .filter(|a| g.activity_ids.contains(&a.id))
        .collect();
    let on_reflection = {
        let app = app.clone();
        let g = g.clone();
        let reflection = reflection.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = g.clone();
            next.reflection = reflection.trim().to_string();
            app.dispatch(Action::Change(Change::SaveGoal(next)));
        })
    };
    let on_delete = {
        let app = app.clone();
        let id = g.id;
        Callback::from(move |_| {
            app.dispatch(Action::Change(Change::DeleteGoal(id)));
            go(&Route::Goals);
        })
    };
    let reflection_too_long = crate::domain::draft::too_long(
        "reflection",
        &reflection,
        crate::domain::model::contract::limits::NOTES,
    );
    html! {
        <article class="stack" aria-labelledby="goal-title">
            <div class="page-head">
                <h1 id="goal-title">{ g.title.clone() }</h1>
                <div class="actions">
                    <a href={(Route::GoalPlan { id: g.id.to_string() }).href()} class="btn btn--primary">{ "Plan an activity for it" }</a>
                    <a href={(Route::GoalEdit { id: g.id.to_string() }).href()} class="btn">{ "Edit" }</a>
                    <a href={Route::Goals.href()} class="btn">{ "All goals" }</a>
                </div>
            </div>
            <section class="card" aria-labelledby="goal-progress-title">
                <h2 id="goal-progress-title">{ "Progress" }</h2>
                <p>{ goal_status_badge(g.status, p.overdue) }
                    if let Some(d) = g.target_date {
                        { format!(" Target date: {}", locale::date(d)) }
                    }
                </p>
                { goal_progress(&p, g.target_hours) }
                if p.reached && g.status == GoalStatus::Active {
                    <p>
                        { "Target reached. " }
                        <button type="button" class="btn btn--small" onclick={{
                            let app = app.clone();
                            let g = g.clone();
                            Callback::from(move |_| { let mut next = g.clone(); next.status = GoalStatus::Met; app.dispatch(Action::Change(Change::SaveGoal(next))); })
                        }}>{ "Mark it as met" }</button>
                    </p>
                }
                <dl class="facts">
                    if let Some(n) = g.need { <dt>{ "Where the need came from" }</dt><dd>{ n.label() }</dd> }
                    if !g.notes.is_empty() { <dt>{ "The need" }</dt><dd class="pre-wrap">{ g.notes.clone() }</dd> }
                    if !g.topics.is_empty() {
                        <dt>{ "Topics" }</dt>
                        <dd>{ g.topics.iter().map(vocab::topic_label).collect::<Vec<_>>().join(", ") }</dd>
                    }
                    if let Some(c) = &g.credit_type { <dt>{ "Credit wanted" }</dt><dd>{ vocab::credit_type_label(c) }</dd> }
                </dl>
            </section>
            <section class="card" aria-labelledby="goal-activities-title">
                <h2 id="goal-activities-title">{ "Activities toward it" }</h2>
                if linked.is_empty() {
                    <p class="muted">{ "None yet. Plan one, or tick this goal on an activity's page." }</p>
                } else {
                    <ul class="plain-list">
                        { for linked.iter().map(|a| html! {
                            <li>
                                <a href={(Route::ActivityDetail { id: a.id.to_string() }).href()}>{ a.title.clone() }</a>
                                <span class="muted small">{ format!(" — {}, {} h{}", locale::date(a.end), locale::amount(a.hours()), if a.is_completed() { "" } else { ", planned" }) }</span>
                            </li>
                        }) }
                    </ul>
                }
            </section>
            <section class="card" aria-labelledby="goal-reflection-title">
                <h2 id="goal-reflection-title">{ "Looking back" }</h2>
                <form onsubmit={on_reflection} novalidate=true>
                    <div class="field">
                        <label for="goal-reflection">{ "What reaching it changed in my practice" }</label>
                        <textarea id="goal-reflection" rows="3" value={(*reflection).clone()}
                            aria-invalid={reflection_too_long.is_some().then_some("true")}
                            aria-describedby={reflection_too_long.is_some().then_some("goal-reflection-error")}
                            oninput={{ let r = reflection.clone(); Callback::from(move |e: InputEvent| r.set(crate::ui::components::inputs::input_value(&e))) }} />
                        if let Some(m) = &reflection_too_long { <p class="error" id="goal-reflection-error">{ m.clone() }</p> }
                    </div>
                    <button type="submit" class="btn" disabled={reflection_too_long.is_some()}>{ "Save" }</button>
                </form>
            </section>
            <section class="card" aria-labelledby="goal-delete-title">
                <h2 id="goal-delete-title">{ "Delete" }</h2>
                if *confirm_delete {
                    <p>{ "Delete this goal? The activities stay; only the goal and its links go." }</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" onclick={on_delete}>{ "Delete the goal" }</button>
                        <button type="button" class="btn" onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(false)) }}>{ "Keep it" }</button>
                    </div>
                } else {
                    <button type="button" class="btn" onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(true)) }}>{ "Delete this goal…" }</button>
                }
            </section>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct GoalFormProps {
    /// The goal to edit; none for a new one.
    #[prop_or_default]
    pub id: Option<String>,
}

fn goal_field_id(f: GoalField) -> &'static str {
    match f {
        GoalField::Title => "goal-title",
        GoalField::Need => "goal-need",
        GoalField::Notes => "goal-notes",
        GoalField::TargetDate => "goal-date",
        GoalField::TargetHours => "goal-hours",
    }
}

#[function_component(GoalFormPage)]
pub fn goal_form_page(props: &GoalFormProps) -> Html {
    let app = use_app();
    let existing = props
        .id
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.data.goals.iter().find(|g| g.id == id).cloned());
    let kept = existing.clone();
    let form = use_form(
        || {
            existing
                .as_ref()
                .map(GoalDraft::from_goal)
                .unwrap_or_default()
        },
        move |d: &GoalDraft| {
            d.validate(Uuid::nil(), kept.as_ref())
                .err()
                .unwrap_or_default()
        },
        |f: &GoalField| goal_field_id(*f).to_string(),
    );
    if props.id.is_some() && existing.is_none() {
        return not_found();
    }
    let onsubmit = {
        let (app, form, existing) = (app.clone(), form.clone(), existing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(goal) = form.submit(form.draft().validate(app.next_id, existing.as_ref())) {
                let id = goal.id;
                app.dispatch(Action::Change(Change::SaveGoal(goal)));
                go(&Route::GoalDetail { id: id.to_string() });
            }
        })
    };
    let d = form.draft();
    let needs = html! {
        <>
            <option value="" selected={d.need.is_empty()}>{ "Choose…" }</option>
            { for NeedSource::ALL.iter().copied().map(|n| html! {
                <option value={n.code()} selected={d.need == n.code()}>{ n.label() }</option>
            }) }
        </>
    };
    let credit_types = html! {
        <>
            <option value="" selected={d.credit_type.is_empty()}>{ "Any" }</option>
            { for vocab::CREDIT_TYPES.iter().map(|c| html! {
                <option value={c.code} selected={d.credit_type == c.code}>{ c.label }</option>
            }) }
        </>
    };
    let statuses = html! {
        { for GoalStatus::ALL.iter().copied().map(|s| html! {
            <option value={s.code()} selected={d.status == s}>{ s.label() }</option>
        }) }
    };
    let title = if existing.is_some() {
        "Edit goal"
    } else {
        "New learning goal"
    };
    html! {
        <>
            <div class="page-head"><h1>{ title }</h1></div>
            <form class="card goal-form" {onsubmit} novalidate=true data-dirty={form.dirty().to_string()}>
                { form.summary("goal-error-summary") }
                <Field id="goal-title" label="Goal" error={form.error(GoalField::Title)}
                    hint="What you want to be able to do, e.g. “Start SGLT2 inhibitors per the 2025 guideline”."
                    control={Control::text(d.title.clone(), form.text(|d, v| d.title = v))} />
                <Field id="goal-need" label="Where the need came from" error={form.error(GoalField::Need)}
                    control={Control::select(form.choose(|d, v| d.need = v), needs)} />
                <Field id="goal-notes" label="The need, in your words" error={form.error(GoalField::Notes)}
                    control={Control::textarea(d.notes.clone(), form.text(|d, v| d.notes = v), 3)} />
                <Field id="goal-date" label="Target date" error={form.error(GoalField::TargetDate)}
                    control={Control::date(d.target_date.clone(), form.text(|d, v| d.target_date = v))} />
                <Field id="goal-hours" label="Target hours" error={form.error(GoalField::TargetHours)}
                    hint="Hours of learning you mean to spend on it (optional)."
                    control={Control::decimal(d.target_hours.clone(), form.text(|d, v| d.target_hours = v))} />
                { topics_field(&form) }
                <Field id="goal-credit" label="Credit wanted"
                    control={Control::select(form.choose(|d, v| d.credit_type = v), credit_types)} />
                if existing.is_some() {
                    <Field id="goal-status" label="Status"
                        control={Control::select(form.choose(|d, v| d.status = GoalStatus::from_code(&v).unwrap_or_default()), statuses)} />
                }
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ "Save goal" }</button>
                    <button type="button" class="btn" onclick={Callback::from(|_| back())}>{ "Cancel" }</button>
                </div>
            </form>
        </>
    }
}

/// The goal's topics: those chosen, each removable, and a menu to add one.
fn topics_field(form: &Form<GoalDraft, GoalField>) -> Html {
    let d = form.draft();
    let add_topic = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let code = select_value(&e);
            if code.is_empty() {
                return;
            }
            let t = TopicId::new(&code);
            form.update(|d| {
                if !d.topics.contains(&t) {
                    d.topics.push(t);
                }
            });
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .set_value("");
        })
    };
    html! {
        <div class="field">
            <label for="goal-topic">{ "Topics" }</label>
            if !d.topics.is_empty() {
                <ul class="chips" aria-label="Topics chosen">
                    { for d.topics.iter().map(|t| {
                        let (form, t2) = (form.clone(), t.clone());
                        let label = vocab::topic_label(t);
                        let remove = Callback::from(move |_| form.update(|d| d.topics.retain(|x| *x != t2)));
                        html! {
                            <li class="chip">
                                { label.clone() }
                                <button type="button" class="chip__remove" aria-label={format!("Remove {label}")} onclick={remove}>{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <select id="goal-topic" onchange={add_topic}>
                <option value="" selected=true>{ "Add a topic…" }</option>
                { for vocab::TOPICS.iter().filter(|t| !d.topics.iter().any(|x| x.as_str() == t.code)).map(|t| html! {
                    <option value={t.code}>{ t.label }</option>
                }) }
            </select>
        </div>
    }
}
