//! The activity form: every field of an activity, with validation messages next to each field.
//!
//! The form only collects text; `ActivityDraft::validate` (domain) decides what is valid, so the
//! messages are the same everywhere and tested natively.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::draft::{ActivityDraft, CreditDraft, Field, ValidDraft};
use crate::domain::engine::topic_pick::{self, RequiredTopic};
use crate::domain::model::profession::{self, Profession};
use crate::domain::model::vocab;
use crate::domain::{Accreditor, ActivityStatus, Format, TopicId};
use crate::ui::components::enum_select::{enum_options, on_enum_change};
use crate::ui::components::field::{described_by, Control, Field as FieldView};
use crate::ui::components::inputs::input_value;
use crate::ui::form::{use_form, Form};

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
    /// Who she is: her credit types first in each credit row, her topics early in the picker.
    #[prop_or_default]
    pub professions: Vec<Profession>,
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

/// The activity form's state.
type ActivityFormState = Form<ActivityDraft, Field>;

#[function_component(ActivityForm)]
pub fn activity_form(props: &ActivityFormProps) -> Html {
    let today = props.today;
    let form = use_form(
        || props.initial.clone(),
        move |d: &ActivityDraft| d.validate(today).err().unwrap_or_default(),
        |f: &Field| field_id(*f),
    );
    let topic_query = use_state(String::new);

    let submit = {
        let form = form.clone();
        let onsave = props.onsave.clone();
        // Nothing to draw again on success: the page saves, then leaves or starts a fresh form
        // (a new key); if it keeps this one (the record changed in another tab: it asks first),
        // the form stays as typed, still unsaved.
        move |add_another: bool| {
            if let Some(valid) = form.submit(form.draft().validate(today)) {
                onsave.emit((valid, add_another));
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
    let on_add_another = Callback::from(move |_| submit(true));
    let d = form.draft();
    let text = |apply: fn(&mut ActivityDraft, String)| form.text(apply);

    html! {
        <form class="card activity-form" {onsubmit} novalidate=true
            data-dirty={if form.dirty() { "true" } else { "false" }} aria-labelledby="activity-form-title">
            { form.summary("act-error-summary") }
            <FieldView id="act-title" label="Title" required=true error={form.error(Field::Title)}
                control={Control::text(d.title.clone(), text(|d, v| d.title = v))} />
            <div class="grid grid--2">
                <FieldView id="act-provider" label="Provider" error={form.error(Field::Provider)}
                    control={Control::text(d.provider.clone(), text(|d, v| d.provider = v))} />
                { accreditor_field(&form) }
            </div>
            { status_fieldset(&form) }
            <div class="grid grid--2">
                <FieldView id="act-start" label="Date (start)" required=true error={form.error(Field::Start)}
                    control={Control::date(d.start.clone(), text(|d, v| d.start = v))} />
                <FieldView id="act-end" label="End date" error={form.error(Field::End)}
                    hint="Leave empty for a one-day activity. Credit counts on the end date."
                    control={Control::date(d.end.clone(), text(|d, v| d.end = v)).min(d.start.clone())} />
            </div>
            <FieldView id="act-format" label="Format"
                control={Control::select(on_enum_change({
                    let form = form.clone();
                    move |f: Option<Format>| if let Some(f) = f { form.update(|d| d.format = f) }
                }), enum_options(Some(d.format), Format::label))} />
            { credits_fieldset(&form, &props.professions) }
            { topics_fieldset(&form, &topic_query, &props.required, &props.professions) }
            <FieldView id="act-tags" label="Tags" error={form.error(Field::Tags)}
                hint="Your own words, separated by commas."
                control={Control::text(d.tags.clone(), text(|d, v| d.tags = v)).placeholder("e.g. grand rounds, cardiology")} />
            <FieldView id="act-notes" label="Notes" error={form.error(Field::Notes)}
                control={Control::textarea(d.notes.clone(), text(|d, v| d.notes = v), 3)} />
            <div class="actions">
                <button type="submit" class="btn btn--primary">{ props.submit_label.clone() }</button>
                if props.allow_add_another {
                    <button type="button" class="btn" onclick={on_add_another}>{ "Save and add another" }</button>
                }
                <button type="button" class="btn" onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// The accreditor, with a warning when a credit type claimed is one only an accredited provider
/// can designate (a warning: the certificate decides).
fn accreditor_field(form: &ActivityFormState) -> Html {
    let d = form.draft();
    let claim_warnings = crate::domain::draft::credit_claim_warnings(
        d.accreditor,
        &d.credits
            .iter()
            .map(|c| crate::domain::CreditTypeId::new(&c.credit_type))
            .collect::<Vec<_>>(),
    );
    let onchange = {
        let form = form.clone();
        on_enum_change(move |a: Option<Accreditor>| {
            if let Some(a) = a {
                form.update(|d| d.accreditor = a);
            }
        })
    };
    html! {
        <div class="field">
            <label for="act-accreditor">{ "Accreditor" }</label>
            <select id="act-accreditor" aria-describedby={(!claim_warnings.is_empty()).then_some("act-accreditor-warning")} {onchange}>
                { enum_options(Some(d.accreditor), Accreditor::label) }
            </select>
            <div id="act-accreditor-warning" aria-live="polite">
                { for claim_warnings.iter().map(|w| html! { <p class="warn-text small">{ w.clone() }</p> }) }
            </div>
        </div>
    }
}

fn status_fieldset(form: &ActivityFormState) -> Html {
    let d = form.draft();
    let radio = |s: ActivityStatus, id: &'static str, label: &'static str| {
        let form = form.clone();
        html! {
            <label class="radio" for={id}>
                <input type="radio" id={id} name="act-status" checked={d.status == s}
                    onchange={Callback::from(move |_| form.update(|d| d.status = s))} />
                { label }
            </label>
        }
    };
    html! {
        <fieldset class="field">
            <legend>{ "Status" }</legend>
            <div class="radios">
                { radio(ActivityStatus::Completed, "act-status-completed", "Completed") }
                { radio(ActivityStatus::Planned, "act-status-planned", "Planned") }
            </div>
            <p class="hint">{ "Planned activities show in the plan and the what-if view, not in your actual status." }</p>
        </fieldset>
    }
}

/// One row per credit type on the certificate, and the button that adds a row.
fn credits_fieldset(form: &ActivityFormState, professions: &[Profession]) -> Html {
    let d = form.draft();
    // Her professions' types in a group of their own, first; every other type after them.
    let (theirs, others) = profession::credit_types_for(professions);
    let theirs_label = format!("For {}", profession::plural_list(professions));
    let rows = d.credits.iter().enumerate().map(|(i, row)| {
        let on_type = form.choose(move |d, v| d.credits[i].credit_type = v);
        let on_amount = form.text(move |d, v| d.credits[i].amount = v);
        let on_remove = {
            let form = form.clone();
            Callback::from(move |_| {
                form.update(|d| {
                    d.credits.remove(i);
                })
            })
        };
        let code = crate::domain::CreditTypeId::new(&row.credit_type);
        let known = vocab::credit_type(&code).is_some();
        let options = html! {
            <>
                <option value="" selected={row.credit_type.is_empty()}>{ "Choose…" }</option>
                if theirs.is_empty() {
                    { for others.iter().map(|c| type_option(c, &row.credit_type)) }
                } else {
                    <optgroup label={theirs_label.clone()}>
                        { for theirs.iter().map(|c| type_option(c, &row.credit_type)) }
                    </optgroup>
                    <optgroup label="Other credit types">
                        { for others.iter().map(|c| type_option(c, &row.credit_type)) }
                    </optgroup>
                }
                if !known && !row.credit_type.is_empty() {
                    <option value={row.credit_type.clone()} selected=true>{ vocab::credit_type_label(&code) }</option>
                }
            </>
        };
        let amount_id = field_id(Field::CreditAmount(i));
        let amount_error = form.error(Field::CreditAmount(i));
        html! {
            <div class="credit-row" key={i}>
                <FieldView id={field_id(Field::CreditType(i))} label={format!("Credit type {}", i + 1)}
                    error={form.error(Field::CreditType(i))} control={Control::select(on_type, options)} />
                // The amount's hint is the fieldset's, shared by every row.
                <div class="field field--amount">
                    <label for={amount_id.clone()}>{ "Amount" }</label>
                    <input id={amount_id.clone()} type="text" inputmode="decimal" autocomplete="off"
                        placeholder="e.g. 1.5" value={row.amount.clone()} oninput={on_amount}
                        aria-invalid={amount_error.is_some().then_some("true")}
                        aria-describedby={shared_hint("act-amount-hint", &amount_id, amount_error.is_some())} />
                    if let Some(m) = amount_error {
                        <p class="error" id={format!("{amount_id}-error")}>{ m }</p>
                    }
                </div>
                if d.credits.len() > 1 {
                    <button type="button" class="btn btn--small credit-row__remove" onclick={on_remove}
                        aria-label={format!("Remove credit {}", i + 1)}>{ "Remove" }</button>
                }
            </div>
        }
    });
    let on_add_credit = {
        let form = form.clone();
        let next = d.credits.len();
        Callback::from(move |_| {
            form.update(|d| d.credits.push(CreditDraft::default()));
            // Keyboard users land on the new row rather than staying on the button.
            let id = field_id(Field::CreditType(next));
            gloo::timers::callback::Timeout::new(0, move || {
                crate::ui::components::focus::focus(&id)
            })
            .forget();
        })
    };
    html! {
        <fieldset class="field credits">
            <legend>{ "Credits" }</legend>
            <p class="hint" id="act-amount-hint">{ "One row per credit type on the certificate (e.g. AMA PRA Category 1 and ABIM MOC points). AMA PRA credits in steps of 0.25; other credit as the certificate states it (e.g. 1.2 contact hours); up to 999.75." }</p>
            { for rows }
            if let Some(m) = form.error(Field::Credits) {
                <p class="error" id="act-add-credit-error">{ m }</p>
            }
            <button type="button" id="act-add-credit" class="btn btn--small" onclick={on_add_credit}>{ "+ Add another credit type" }</button>
        </fieldset>
    }
}

fn type_option(c: &vocab::CreditTypeInfo, chosen: &str) -> Html {
    html! { <option value={c.code} selected={chosen == c.code}>{ c.label }</option> }
}

/// `aria-describedby` of a control whose hint is shared with others (by its id), and its message.
fn shared_hint(hint_id: &str, id: &str, error: bool) -> AttrValue {
    match described_by(id, false, error) {
        Some(e) => format!("{hint_id} {e}").into(),
        None => AttrValue::from(hint_id.to_string()),
    }
}

/// The topics: those chosen, with hours on each; a warning for near misses of a required topic;
/// the search and the list (required topics first).
fn topics_fieldset(
    form: &ActivityFormState,
    query: &UseStateHandle<String>,
    required: &[RequiredTopic],
    professions: &[Profession],
) -> Html {
    let d = form.draft();
    let toggle = |code: String| {
        let form = form.clone();
        Callback::from(move |()| {
            let t = TopicId::new(&code);
            form.update(|d| match d.topics.iter().position(|x| x == &t) {
                Some(pos) => {
                    d.topics.remove(pos);
                }
                None => d.topics.push(t),
            })
        })
    };
    let shown = topic_pick::picker(query, required, professions);
    let misses = topic_pick::near_misses(&d.topics, required);
    let hours_input = |i: usize, t: &TopicId| {
        let f = Field::TopicHours(i);
        let id = field_id(f);
        let label = vocab::topic_label(t);
        let value = d.topic_hours.get(t).cloned().unwrap_or_default();
        let oninput = {
            let t = t.clone();
            form.text(move |d, v| {
                d.topic_hours.insert(t.clone(), v);
            })
        };
        let error = form.error(f);
        html! {
            <li class="topic-hours">
                <label for={id.clone()}>{ label.clone() }</label>
                <span class="topic-hours__input">
                    <input id={id.clone()} type="text" inputmode="decimal" size="6" {value} {oninput}
                        placeholder="all" aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={shared_hint("act-topic-hours-hint", &id, error.is_some())} />
                    <span aria-hidden="true">{ " h on this topic" }</span>
                </span>
                <button type="button" class="chip__remove" onclick={toggle(t.as_str().to_string()).reform(|_: MouseEvent| ())}
                    aria-label={format!("Remove topic {label}")}>{ "×" }</button>
                if let Some(m) = error {
                    <p class="error" id={format!("{id}-error")}>{ m }</p>
                }
            </li>
        }
    };
    html! {
        <fieldset class="field topics">
            <legend>{ "Topics" }</legend>
            <p class="hint" id="act-topic-hint">{ "Topics decide which topic requirements (ethics, opioids, implicit bias…) this activity meets. Search by any word, e.g. \"opioid prescribing\"." }</p>
            if !d.topics.is_empty() {
                <p class="hint" id="act-topic-hours-hint">{ "Hours on this topic: leave empty when the whole activity was on it; for a conference with a few hours on a topic, enter those hours." }</p>
                <ul class="plain-list topic-hours-list" aria-label="Chosen topics and hours on each">
                    { for d.topics.iter().enumerate().map(|(i, t)| hours_input(i, t)) }
                </ul>
            }
            if !misses.is_empty() {
                <div class="banner banner--warn" role="status" id="act-topic-near-miss">
                    { for misses.iter().map(|m| html! { <p>{ topic_pick::near_miss_text(m) }</p> }) }
                </div>
            }
            <label for="act-topic-search" class="visually-hidden">{ "Search topics" }</label>
            <input id="act-topic-search" type="search" placeholder="Search topics" value={(**query).clone()}
                aria-describedby="act-topic-hint"
                oninput={{
                    let q = query.clone();
                    Callback::from(move |e: InputEvent| q.set(input_value(&e)))
                }} />
            <div class="topic-list" role="group" aria-label="Topics">
                { for shown.iter().map(|e| {
                    let t = e.info;
                    let id = format!("topic-{}", t.code);
                    let checked = d.topics.iter().any(|x| x.as_str() == t.code);
                    let members = vocab::group_members(t.code);
                    html! {
                        <label class={classes!("check", (!e.serves.is_empty()).then_some("check--required"))} for={id.clone()}>
                            <input type="checkbox" id={id} {checked} onchange={toggle(t.code.to_string()).reform(|_: Event| ())} />
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
                if shown.is_empty() {
                    <p class="muted">{ "No topic matches. Add your own words as tags below." }</p>
                }
            </div>
        </fieldset>
    }
}
