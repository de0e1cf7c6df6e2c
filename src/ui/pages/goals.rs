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
use crate::ui::app::Route;
use crate::ui::components::empty_state::empty_state;
use crate::ui::components::field_error::{described, described_with_hint, error_html, invalid};
use crate::ui::components::inputs::{on_input, on_select, select_value};
use crate::ui::components::learning::{goal_progress, goal_status_badge};
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

#[function_component(GoalFormPage)]
pub fn goal_form_page(props: &GoalFormProps) -> Html {
    let app = use_app();
    let existing = props
        .id
        .as_ref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| app.data.goals.iter().find(|g| g.id == id).cloned());
    let draft = {
        let existing = existing.clone();
        use_state(move || {
            existing
                .as_ref()
                .map(GoalDraft::from_goal)
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
    if props.id.is_some() && existing.is_none() {
        return not_found();
    }
    let errors = if *tried {
        draft
            .validate(Uuid::nil(), existing.as_ref())
            .err()
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let onsubmit = {
        let app = app.clone();
        let draft = draft.clone();
        let tried = tried.clone();
        let existing = existing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.validate(Uuid::new_v4(), existing.as_ref()) {
                Ok(goal) => {
                    let id = goal.id;
                    app.dispatch(Action::Change(Change::SaveGoal(goal)));
                    go(&Route::GoalDetail { id: id.to_string() });
                }
                Err(_) => tried.set(true),
            }
        })
    };
    let text = |id: &'static str,
                label: &'static str,
                f: GoalField,
                value: &str,
                kind: &'static str,
                apply: fn(&mut GoalDraft, String),
                hint: Option<&'static str>| {
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                if let Some(h) = hint { <p class="small muted" id={format!("{id}-hint")}>{ h }</p> }
                <input id={id} type={kind} value={value.to_string()} inputmode={(kind == "text" && f == GoalField::TargetHours).then_some("decimal")}
                    aria-describedby={described_with_hint(&errors, f, id, hint.is_some())}
                    aria-invalid={invalid(&errors, f)}
                    oninput={on_input(&draft, apply)} />
                { error_html(&errors, f, id) }
            </div>
        }
    };
    let add_topic = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let code = select_value(&e);
            if code.is_empty() {
                return;
            }
            let mut d = (*draft).clone();
            let t = TopicId::new(&code);
            if !d.topics.contains(&t) {
                d.topics.push(t);
            }
            draft.set(d);
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .set_value("");
        })
    };
    let title = if existing.is_some() {
        "Edit goal"
    } else {
        "New learning goal"
    };
    html! {
        <>
            <div class="page-head"><h1>{ title }</h1></div>
            <form class="card goal-form" onsubmit={onsubmit} novalidate=true
                data-dirty={(*draft != *started).to_string()}>
                { text("goal-title", "Goal", GoalField::Title, &draft.title, "text", |d, v| d.title = v, Some("What you want to be able to do, e.g. “Start SGLT2 inhibitors per the 2025 guideline”.")) }
                <div class="field">
                    <label for="goal-need">{ "Where the need came from" }</label>
                    <select id="goal-need" onchange={on_select(&draft, |d, v| d.need = v)}
                        aria-describedby={described(&errors, GoalField::Need, "goal-need")} aria-invalid={invalid(&errors, GoalField::Need)}>
                        <option value="" selected={draft.need.is_empty()}>{ "Choose…" }</option>
                        { for NeedSource::ALL.iter().copied().map(|n| html! {
                            <option value={n.code()} selected={draft.need == n.code()}>{ n.label() }</option>
                        }) }
                    </select>
                    { error_html(&errors, GoalField::Need, "goal-need") }
                </div>
                <div class="field">
                    <label for="goal-notes">{ "The need, in your words" }</label>
                    <textarea id="goal-notes" rows="3" value={draft.notes.clone()}
                        aria-describedby={described(&errors, GoalField::Notes, "goal-notes")} aria-invalid={invalid(&errors, GoalField::Notes)}
                        oninput={on_input(&draft, |d, v| d.notes = v)} />
                    { error_html(&errors, GoalField::Notes, "goal-notes") }
                </div>
                { text("goal-date", "Target date", GoalField::TargetDate, &draft.target_date, "date", |d, v| d.target_date = v, None) }
                { text("goal-hours", "Target hours", GoalField::TargetHours, &draft.target_hours, "text", |d, v| d.target_hours = v, Some("Hours of learning you mean to spend on it (optional).")) }
                <div class="field">
                    <label for="goal-topic">{ "Topics" }</label>
                    if !draft.topics.is_empty() {
                        <ul class="chips" aria-label="Topics chosen">
                            { for draft.topics.iter().map(|t| {
                                let draft = draft.clone();
                                let t2 = t.clone();
                                let label = vocab::topic_label(t);
                                html! {
                                    <li class="chip">
                                        { label.clone() }
                                        <button type="button" class="chip__remove" aria-label={format!("Remove {label}")}
                                            onclick={Callback::from(move |_| { let mut d = (*draft).clone(); d.topics.retain(|x| *x != t2); draft.set(d); })}>{ "×" }</button>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                    <select id="goal-topic" onchange={add_topic}>
                        <option value="" selected=true>{ "Add a topic…" }</option>
                        { for vocab::TOPICS.iter().filter(|t| !draft.topics.iter().any(|x| x.as_str() == t.code)).map(|t| html! {
                            <option value={t.code}>{ t.label }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="goal-credit">{ "Credit wanted" }</label>
                    <select id="goal-credit" onchange={on_select(&draft, |d, v| d.credit_type = v)}>
                        <option value="" selected={draft.credit_type.is_empty()}>{ "Any" }</option>
                        { for vocab::CREDIT_TYPES.iter().map(|c| html! {
                            <option value={c.code} selected={draft.credit_type == c.code}>{ c.label }</option>
                        }) }
                    </select>
                </div>
                if existing.is_some() {
                    <div class="field">
                        <label for="goal-status">{ "Status" }</label>
                        <select id="goal-status" onchange={on_select(&draft, |d, v| d.status = GoalStatus::from_code(&v).unwrap_or_default())}>
                            { for GoalStatus::ALL.iter().copied().map(|s| html! {
                                <option value={s.code()} selected={draft.status == s}>{ s.label() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{ "Save goal" }</button>
                    <button type="button" class="btn" onclick={Callback::from(|_| back())}>{ "Cancel" }</button>
                </div>
            </form>
        </>
    }
}
