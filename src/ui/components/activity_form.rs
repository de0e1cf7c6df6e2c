//! The activity form: every field of an activity, with validation messages next to each field.
//!
//! The form only collects text; `ActivityDraft::validate` (domain) decides what is valid, so the
//! messages are the same everywhere and tested natively.

use chrono::NaiveDate;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::domain::draft::{
    ActivityDraft, ActivityFieldError as FieldError, CreditDraft, Field, ValidDraft,
};
use crate::domain::engine::topic_pick::{self, RequiredTopic};
use crate::domain::model::vocab;
use crate::domain::{Accreditor, ActivityStatus, Format, TopicId};
use crate::ui::components::enum_select::{enum_options, on_enum_change};
use crate::ui::components::inputs::{input_value, select_value};

#[derive(Properties, PartialEq)]
pub struct ActivityFormProps {
    pub initial: ActivityDraft,
    pub today: NaiveDate,
    /// Label of the main button ("Save activity").
    pub submit_label: AttrValue,
    /// Called with a valid draft; `true` when the user chose "Save and add another".
    pub onsave: Callback<(ValidDraft, bool)>,
    pub oncancel: Callback<()>,
    /// Offer "Save and add another" (new activities only).
    #[prop_or(false)]
    pub allow_add_another: bool,
    /// Topics the user's credentials require: listed first in the picker, and checked for near
    /// misses before saving.
    #[prop_or_default]
    pub required: std::rc::Rc<Vec<RequiredTopic>>,
}

/// The DOM id of the input a field's message belongs to (for focus and aria-describedby).
fn field_id(f: Field) -> String {
    match f {
        Field::Title => "act-title".into(),
        Field::Start => "act-start".into(),
        Field::End => "act-end".into(),
        Field::Status => "act-status-completed".into(),
        Field::Credits => "act-add-credit".into(),
        Field::CreditType(i) => format!("act-credit-type-{i}"),
        Field::CreditAmount(i) => format!("act-credit-amount-{i}"),
        Field::TopicHours(i) => format!("act-topic-hours-{i}"),
        Field::Provider => "act-provider".into(),
        Field::Tags => "act-tags".into(),
        Field::Notes => "act-notes".into(),
    }
}

fn error_for(errors: &[FieldError], f: Field) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == f)
        .map(|e| e.message.clone())
}

/// A field's error paragraph, linked to its input by id.
fn error_html(errors: &[FieldError], f: Field) -> Html {
    crate::ui::components::field_error::error_html(errors, f, &field_id(f))
}

fn described_by(errors: &[FieldError], f: Field, hint: Option<&str>) -> Option<String> {
    let mut ids = Vec::new();
    if let Some(h) = hint {
        ids.push(h.to_string());
    }
    ids.extend(crate::ui::components::field_error::described(
        errors,
        f,
        &field_id(f),
    ));
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[function_component(ActivityForm)]
pub fn activity_form(props: &ActivityFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let dirty = use_state(|| false);
    let topic_query = use_state(String::new);
    let announce = use_state(String::new);

    // Every field edit goes through here: it marks the form dirty (the update banner will not
    // reload under unsaved input) and re-validates once errors are on screen, so a fixed field's
    // message disappears as soon as it is fixed.
    let update = {
        let draft = draft.clone();
        let errors = errors.clone();
        let dirty = dirty.clone();
        let today = props.today;
        move |f: Box<dyn Fn(&mut ActivityDraft)>| {
            let mut d = (*draft).clone();
            f(&mut d);
            if !errors.is_empty() {
                errors.set(d.validate(today).err().unwrap_or_default());
            }
            draft.set(d);
            dirty.set(true);
        }
    };
    let text = |apply: fn(&mut ActivityDraft, String)| {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = input_value(&e);
            update(Box::new(move |d| apply(d, v.clone())));
        })
    };

    let submit = {
        let draft = draft.clone();
        let errors = errors.clone();
        let announce = announce.clone();
        let onsave = props.onsave.clone();
        let today = props.today;
        move |add_another: bool| match draft.validate(today) {
            Ok(valid) => {
                // Nothing to draw again: the page saves, then leaves or starts a fresh form (a new
                // key); if it keeps this one (the record changed in another tab: it asks first),
                // the form stays as typed, still unsaved. Only old messages go.
                if !errors.is_empty() {
                    errors.set(Vec::new());
                }
                if !announce.is_empty() {
                    announce.set(String::new());
                }
                onsave.emit((valid, add_another));
            }
            Err(errs) => {
                let n = errs.len();
                announce.set(format!(
                    "Not saved: {} problem{} to fix. {}",
                    n,
                    if n == 1 { "" } else { "s" },
                    errs.first().map(|e| e.message.as_str()).unwrap_or("")
                ));
                if let Some(first) = errs.first() {
                    let id = field_id(first.field);
                    // After the re-render, so that the field's error text exists when focused.
                    gloo::timers::callback::Timeout::new(0, move || focus_id(&id)).forget();
                }
                errors.set(errs);
            }
        }
    };
    let onsubmit = {
        let submit = submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit(false);
        })
    };
    let on_add_another = {
        let submit = submit.clone();
        Callback::from(move |_| submit(true))
    };

    let d = (*draft).clone();
    let errs = (*errors).clone();
    let invalid = |f: Field| error_for(&errs, f).is_some().then_some("true");

    let credit_rows = d.credits.iter().enumerate().map(|(i, row)| {
        let on_type = {
            let update = update.clone();
            Callback::from(move |e: Event| {
                let v = select_value(&e);
                update(Box::new(move |d| d.credits[i].credit_type = v.clone()));
            })
        };
        let on_amount = {
            let update = update.clone();
            Callback::from(move |e: InputEvent| {
                let v = input_value(&e);
                update(Box::new(move |d| d.credits[i].amount = v.clone()));
            })
        };
        let on_remove = {
            let update = update.clone();
            Callback::from(move |_| update(Box::new(move |d| {
                d.credits.remove(i);
            })))
        };
        let known = vocab::credit_type(&crate::domain::CreditTypeId::new(&row.credit_type)).is_some();
        html! {
            <div class="credit-row" key={i}>
                <div class="field">
                    <label for={field_id(Field::CreditType(i))}>{ format!("Credit type {}", i + 1) }</label>
                    <select id={field_id(Field::CreditType(i))} onchange={on_type}
                        aria-invalid={invalid(Field::CreditType(i))}
                        aria-describedby={described_by(&errs, Field::CreditType(i), None)}>
                        <option value="" selected={row.credit_type.is_empty()}>{ "Choose…" }</option>
                        { for vocab::CREDIT_TYPES.iter().map(|c| html! {
                            <option value={c.code} selected={row.credit_type == c.code}>{ c.label }</option>
                        }) }
                        if !known && !row.credit_type.is_empty() {
                            <option value={row.credit_type.clone()} selected=true>
                                { vocab::credit_type_label(&crate::domain::CreditTypeId::new(&row.credit_type)) }
                            </option>
                        }
                    </select>
                    { error_html(&errs, Field::CreditType(i)) }
                </div>
                <div class="field field--amount">
                    <label for={field_id(Field::CreditAmount(i))}>{ "Amount" }</label>
                    <input id={field_id(Field::CreditAmount(i))} type="text" inputmode="decimal"
                        autocomplete="off" placeholder="e.g. 1.5" value={row.amount.clone()}
                        oninput={on_amount} aria-invalid={invalid(Field::CreditAmount(i))}
                        aria-describedby={described_by(&errs, Field::CreditAmount(i), Some("act-amount-hint"))} />
                    { error_html(&errs, Field::CreditAmount(i)) }
                </div>
                if d.credits.len() > 1 {
                    <button type="button" class="btn btn--small credit-row__remove" onclick={on_remove}
                        aria-label={format!("Remove credit {}", i + 1)}>{ "Remove" }</button>
                }
            </div>
        }
    });

    let on_add_credit = {
        let update = update.clone();
        let next = d.credits.len();
        Callback::from(move |_| {
            update(Box::new(|d| d.credits.push(CreditDraft::default())));
            // Keyboard users land on the new row rather than staying on the button.
            let id = field_id(Field::CreditType(next));
            gloo::timers::callback::Timeout::new(0, move || focus_id(&id)).forget();
        })
    };

    let toggle_topic = |code: String| {
        let update = update.clone();
        Callback::from(move |()| {
            let code = code.clone();
            update(Box::new(move |d| {
                let t = TopicId::new(&code);
                if let Some(pos) = d.topics.iter().position(|x| x == &t) {
                    d.topics.remove(pos);
                } else {
                    d.topics.push(t);
                }
            }))
        })
    };
    let shown_topics = topic_pick::picker(&topic_query, &props.required);
    let misses = topic_pick::near_misses(&d.topics, &props.required);
    let topic_hours_input = |i: usize, t: &TopicId| {
        let update = update.clone();
        let t = t.clone();
        let f = Field::TopicHours(i);
        let id = field_id(f);
        let label = vocab::topic_label(&t);
        let code = t.as_str().to_string();
        let value = d.topic_hours.get(&t).cloned().unwrap_or_default();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = input_value(&e);
            let t = t.clone();
            update(Box::new(move |d| {
                d.topic_hours.insert(t.clone(), v.clone());
            }))
        });
        html! {
            <li class="topic-hours">
                <label for={id.clone()}>{ label.clone() }</label>
                <span class="topic-hours__input">
                    <input id={id.clone()} type="text" inputmode="decimal" size="6" {value} {oninput}
                        placeholder="all" aria-invalid={error_for(&errs, f).is_some().then_some("true")}
                        aria-describedby={described_by(&errs, f, Some("act-topic-hours-hint"))} />
                    <span aria-hidden="true">{ " h on this topic" }</span>
                </span>
                <button type="button" class="chip__remove" onclick={toggle_topic(code).reform(|_: MouseEvent| ())}
                    aria-label={format!("Remove topic {label}")}>{ "×" }</button>
                { error_html(&errs, f) }
            </li>
        }
    };

    let status_radio = |s: ActivityStatus, id: &'static str, label: &'static str| {
        let update = update.clone();
        let onchange = Callback::from(move |_| update(Box::new(move |d| d.status = s)));
        html! {
            <label class="radio" for={id}>
                <input type="radio" id={id} name="act-status" checked={d.status == s} {onchange} />
                { label }
            </label>
        }
    };

    // Credit that only an accredited provider can designate, claimed from another: said next to
    // the accreditor (a warning; the certificate decides).
    let claim_warnings = crate::domain::draft::credit_claim_warnings(
        d.accreditor,
        &d.credits
            .iter()
            .map(|c| crate::domain::CreditTypeId::new(&c.credit_type))
            .collect::<Vec<_>>(),
    );
    html! {
        <form class="card activity-form" {onsubmit} novalidate=true
            data-dirty={if *dirty { "true" } else { "false" }} aria-labelledby="activity-form-title">
            <p class="visually-hidden" aria-live="assertive" role="status">{ (*announce).clone() }</p>
            if !errs.is_empty() {
                <div class="banner banner--bad" id="act-error-summary">
                    <strong>{ format!("Not saved: {} problem{} to fix.", errs.len(), if errs.len() == 1 { "" } else { "s" }) }</strong>
                    { " Each is shown next to its field." }
                </div>
            }
            <div class="field">
                <label for="act-title">{ "Title" }<span class="req" aria-hidden="true">{ " *" }</span></label>
                <input id="act-title" type="text" required=true value={d.title.clone()}
                    oninput={text(|d, v| d.title = v)} aria-invalid={invalid(Field::Title)}
                    aria-describedby={described_by(&errs, Field::Title, None)} />
                { error_html(&errs, Field::Title) }
            </div>
            <div class="grid grid--2">
                <div class="field">
                    <label for="act-provider">{ "Provider" }</label>
                    <input id="act-provider" type="text" value={d.provider.clone()}
                        oninput={text(|d, v| d.provider = v)} aria-invalid={invalid(Field::Provider)}
                        aria-describedby={described_by(&errs, Field::Provider, None)} />
                    { error_html(&errs, Field::Provider) }
                </div>
                <div class="field">
                    <label for="act-accreditor">{ "Accreditor" }</label>
                    <select id="act-accreditor" aria-describedby={(!claim_warnings.is_empty()).then_some("act-accreditor-warning")} onchange={{
                        let update = update.clone();
                        on_enum_change(move |a: Option<Accreditor>| {
                            if let Some(a) = a {
                                update(Box::new(move |d| d.accreditor = a));
                            }
                        })
                    }}>
                        { enum_options(Some(d.accreditor), Accreditor::label) }
                    </select>
                    <div id="act-accreditor-warning" aria-live="polite">
                        { for claim_warnings.iter().map(|w| html! { <p class="warn-text small">{ w.clone() }</p> }) }
                    </div>
                </div>
            </div>
            <fieldset class="field">
                <legend>{ "Status" }</legend>
                <div class="radios">
                    { status_radio(ActivityStatus::Completed, "act-status-completed", "Completed") }
                    { status_radio(ActivityStatus::Planned, "act-status-planned", "Planned") }
                </div>
                <p class="hint">{ "Planned activities show in the plan and the what-if view, not in your actual status." }</p>
            </fieldset>
            <div class="grid grid--2">
                <div class="field">
                    <label for="act-start">{ "Date (start)" }<span class="req" aria-hidden="true">{ " *" }</span></label>
                    <input id="act-start" type="date" required=true value={d.start.clone()}
                        oninput={text(|d, v| d.start = v)} aria-invalid={invalid(Field::Start)}
                        aria-describedby={described_by(&errs, Field::Start, None)} />
                    { error_html(&errs, Field::Start) }
                </div>
                <div class="field">
                    <label for="act-end">{ "End date" }</label>
                    <input id="act-end" type="date" value={d.end.clone()} min={d.start.clone()}
                        oninput={text(|d, v| d.end = v)} aria-invalid={invalid(Field::End)}
                        aria-describedby={described_by(&errs, Field::End, Some("act-end-hint"))} />
                    <p class="hint" id="act-end-hint">{ "Leave empty for a one-day activity. Credit counts on the end date." }</p>
                    { error_html(&errs, Field::End) }
                </div>
            </div>
            <div class="field">
                <label for="act-format">{ "Format" }</label>
                <select id="act-format" onchange={{
                    let update = update.clone();
                    on_enum_change(move |f: Option<Format>| {
                        if let Some(f) = f {
                            update(Box::new(move |d| d.format = f));
                        }
                    })
                }}>
                    { enum_options(Some(d.format), Format::label) }
                </select>
            </div>
            <fieldset class="field credits">
                <legend>{ "Credits" }</legend>
                <p class="hint" id="act-amount-hint">{ "One row per credit type on the certificate (e.g. AMA PRA Category 1 and ABIM MOC points). Hours and credits in steps of 0.25, up to 999.75." }</p>
                { for credit_rows }
                { error_html(&errs, Field::Credits) }
                <button type="button" id="act-add-credit" class="btn btn--small" onclick={on_add_credit}>{ "+ Add another credit type" }</button>
            </fieldset>
            <fieldset class="field topics">
                <legend>{ "Topics" }</legend>
                <p class="hint" id="act-topic-hint">{ "Topics decide which topic requirements (ethics, opioids, implicit bias…) this activity meets. Search by any word, e.g. \"opioid prescribing\"." }</p>
                if !d.topics.is_empty() {
                    <p class="hint" id="act-topic-hours-hint">{ "Hours on this topic: leave empty when the whole activity was on it; for a conference with a few hours on a topic, enter those hours." }</p>
                    <ul class="plain-list topic-hours-list" aria-label="Chosen topics and hours on each">
                        { for d.topics.iter().enumerate().map(|(i, t)| topic_hours_input(i, t)) }
                    </ul>
                }
                if !misses.is_empty() {
                    <div class="banner banner--warn" role="status" id="act-topic-near-miss">
                        { for misses.iter().map(|m| html! { <p>{ topic_pick::near_miss_text(m) }</p> }) }
                    </div>
                }
                <label for="act-topic-search" class="visually-hidden">{ "Search topics" }</label>
                <input id="act-topic-search" type="search" placeholder="Search topics" value={(*topic_query).clone()}
                    aria-describedby="act-topic-hint"
                    oninput={{
                        let q = topic_query.clone();
                        Callback::from(move |e: InputEvent| q.set(input_value(&e)))
                    }} />
                <div class="topic-list" role="group" aria-label="Topics">
                    { for shown_topics.iter().map(|e| {
                        let t = e.info;
                        let id = format!("topic-{}", t.code);
                        let checked = d.topics.iter().any(|x| x.as_str() == t.code);
                        let members = vocab::group_members(t.code);
                        html! {
                            <label class={classes!("check", (!e.serves.is_empty()).then_some("check--required"))} for={id.clone()}>
                                <input type="checkbox" id={id} {checked} onchange={toggle_topic(t.code.to_string()).reform(|_: Event| ())} />
                                <span>
                                    { t.label }
                                    if !members.is_empty() {
                                        <span class="small muted">{ format!(" — includes {}", members.iter().map(|m| vocab::topic_label(&TopicId::new(m)).to_lowercase()).collect::<Vec<_>>().join(", ")) }</span>
                                    }
                                    if !e.serves.is_empty() {
                                        <span class="small topic-serves">{ format!("Required: {}", e.serves.join("; ")) }</span>
                                    }
                                </span>
                            </label>
                        }
                    }) }
                    if shown_topics.is_empty() {
                        <p class="muted">{ "No topic matches. Add your own words as tags below." }</p>
                    }
                </div>
            </fieldset>
            <div class="field">
                <label for="act-tags">{ "Tags" }</label>
                <input id="act-tags" type="text" value={d.tags.clone()} placeholder="e.g. grand rounds, cardiology"
                    aria-describedby={described_by(&errs, Field::Tags, Some("act-tags-hint"))}
                    aria-invalid={invalid(Field::Tags)} oninput={text(|d, v| d.tags = v)} />
                <p class="hint" id="act-tags-hint">{ "Your own words, separated by commas." }</p>
                { error_html(&errs, Field::Tags) }
            </div>
            <div class="field">
                <label for="act-notes">{ "Notes" }</label>
                <textarea id="act-notes" rows="3" value={d.notes.clone()}
                    oninput={{
                        let update = update.clone();
                        Callback::from(move |e: InputEvent| {
                            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                            update(Box::new(move |d| d.notes = v.clone()));
                        })
                    }} aria-invalid={invalid(Field::Notes)}
                    aria-describedby={described_by(&errs, Field::Notes, None)} />
                { error_html(&errs, Field::Notes) }
            </div>
            <div class="actions">
                <button type="submit" class="btn btn--primary">{ props.submit_label.clone() }</button>
                if props.allow_add_another {
                    <button type="button" class="btn" onclick={on_add_another}>{ "Save and add another" }</button>
                }
                <button type="button" class="btn" onclick={{
                    let cancel = props.oncancel.clone();
                    Callback::from(move |_| cancel.emit(()))
                }}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
