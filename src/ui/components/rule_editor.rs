//! The rule editor: one form for every rule kind of the engine, with a plain-language preview.

use crate::domain::model::codes::Coded;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::components::enum_select::{enum_options, on_enum_change};
use crate::ui::components::field_error::{self, invalid};
use crate::ui::components::inputs::input_value;

use crate::domain::draft::{
    RecurrenceChoice, RuleDraft, RuleField, RuleFieldError, RuleKindChoice,
};
use crate::domain::{model::vocab, text::describe, CreditTypeId, Format, Rule, TopicId};

#[derive(Properties, PartialEq)]
pub struct RuleEditorProps {
    /// The rule being edited, or none for a new rule.
    #[prop_or_default]
    pub rule: Option<Rule>,
    /// Id for a new rule (unique within the credential).
    pub new_id: AttrValue,
    pub onsave: Callback<Rule>,
    pub oncancel: Callback<()>,
}

fn rule_field_id(f: RuleField) -> &'static str {
    match f {
        RuleField::Label => "rule-label",
        RuleField::Amount => "rule-amount",
        RuleField::Topics => "rule-topics",
        RuleField::Limits => "rule-credit-types",
        RuleField::N => "rule-n",
        RuleField::Months => "rule-months",
        RuleField::CarryOver => "rule-carry",
        RuleField::Note => "rule-note",
        RuleField::EffectiveFrom => "rule-from",
        RuleField::EffectiveUntil => "rule-until",
    }
}

fn msg(errors: &[RuleFieldError], f: RuleField) -> Html {
    field_error::error_html(errors, f, rule_field_id(f))
}

fn described(errors: &[RuleFieldError], f: RuleField) -> Option<String> {
    field_error::described(errors, f, rule_field_id(f))
}

#[function_component(RuleEditor)]
pub fn rule_editor(props: &RuleEditorProps) -> Html {
    let draft = use_state(|| {
        props
            .rule
            .as_ref()
            .map(RuleDraft::from_rule)
            .unwrap_or_default()
    });
    // What the form started from: a change from it is unsaved input (`data-dirty`), which a
    // link away or the update banner asks about first.
    let started = {
        let d = (*draft).clone();
        use_state(move || d)
    };
    let errors = use_state(Vec::<RuleFieldError>::new);
    let d = (*draft).clone();
    let errs = (*errors).clone();

    let update = {
        let draft = draft.clone();
        let errors = errors.clone();
        let rule = props.rule.clone();
        let new_id = props.new_id.to_string();
        move |f: Box<dyn Fn(&mut RuleDraft)>| {
            let mut d = (*draft).clone();
            f(&mut d);
            if !errors.is_empty() {
                errors.set(d.validate(rule.as_ref(), &new_id).err().unwrap_or_default());
            }
            draft.set(d);
        }
    };
    let text = |apply: fn(&mut RuleDraft, String)| {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = input_value(&e);
            update(Box::new(move |d| apply(d, v.clone())));
        })
    };
    let toggle_credit = |code: &'static str| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(Box::new(move |d| {
                let id = CreditTypeId::new(code);
                match d.credit_types.iter().position(|c| c == &id) {
                    Some(i) => {
                        d.credit_types.remove(i);
                    }
                    None => d.credit_types.push(id),
                }
            }))
        })
    };
    let toggle_topic = |code: &'static str| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(Box::new(move |d| {
                let id = TopicId::new(code);
                match d.topics.iter().position(|c| c == &id) {
                    Some(i) => {
                        d.topics.remove(i);
                    }
                    None => d.topics.push(id),
                }
            }))
        })
    };
    let toggle_excluded = |code: &'static str| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(Box::new(move |d| {
                let id = TopicId::new(code);
                match d.excludes_topics.iter().position(|c| c == &id) {
                    Some(i) => {
                        d.excludes_topics.remove(i);
                    }
                    None => d.excludes_topics.push(id),
                }
            }))
        })
    };
    let toggle_format = |f: Format| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(Box::new(move |d| {
                match d.formats.iter().position(|x| *x == f) {
                    Some(i) => {
                        d.formats.remove(i);
                    }
                    None => d.formats.push(f),
                }
            }))
        })
    };
    let toggle_condition = |code: &'static str| {
        let update = update.clone();
        Callback::from(move |_: Event| {
            update(Box::new(move |d| {
                match d.applies_if.iter().position(|c| c == code) {
                    Some(i) => {
                        d.applies_if.remove(i);
                    }
                    None => d.applies_if.push(code.to_string()),
                }
            }))
        })
    };

    let preview = d
        .validate(props.rule.as_ref(), &props.new_id)
        .ok()
        .map(|r| describe::rule_sentence(&r));

    let onsubmit = {
        let draft = draft.clone();
        let errors = errors.clone();
        let onsave = props.onsave.clone();
        let rule = props.rule.clone();
        let new_id = props.new_id.to_string();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.validate(rule.as_ref(), &new_id) {
                Ok(r) => {
                    errors.set(Vec::new());
                    onsave.emit(r);
                }
                Err(errs) => errors.set(errs),
            }
        })
    };

    let amount_label = match d.kind {
        RuleKindChoice::Cap => "At most (hours)",
        RuleKindChoice::PerYear => "Hours per year",
        _ => "At least (hours)",
    };
    let shows_topics = !matches!(d.kind, RuleKindChoice::Total | RuleKindChoice::CategoryMin);
    let shows_formats = d.kind == RuleKindChoice::Cap;

    html! {
        <form class="card rule-editor" {onsubmit} novalidate=true aria-label="Rule"
            data-dirty={(*draft != *started).to_string()}>
            <div class="grid grid--2">
                <div class="field">
                    <label for="rule-label">{ "Name" }</label>
                    <input id="rule-label" type="text" value={d.label.clone()} placeholder="e.g. Ethics"
                        oninput={text(|d, v| d.label = v)} aria-invalid={invalid(&errs, RuleField::Label)}
                        aria-describedby={described(&errs, RuleField::Label)} />
                    { msg(&errs, RuleField::Label) }
                </div>
                <div class="field">
                    <label for="rule-kind">{ "Kind of rule" }</label>
                    <select id="rule-kind" onchange={{
                        let update = update.clone();
                        on_enum_change(move |k: Option<RuleKindChoice>| {
                            if let Some(k) = k {
                                update(Box::new(move |d| d.kind = k));
                            }
                        })
                    }}>
                        { enum_options(Some(d.kind), RuleKindChoice::label) }
                    </select>
                </div>
            </div>
            if d.kind != RuleKindChoice::Completion {
                <div class="field field--amount">
                    <label for="rule-amount">{ amount_label }</label>
                    <input id="rule-amount" type="text" inputmode="decimal" value={d.amount.clone()}
                        oninput={text(|d, v| d.amount = v)} aria-invalid={invalid(&errs, RuleField::Amount)}
                        aria-describedby={described(&errs, RuleField::Amount)} />
                    { msg(&errs, RuleField::Amount) }
                </div>
            }
            <fieldset class="field" id="rule-credit-types">
                <legend>{ "Accepted credit types" }</legend>
                <p class="hint">{ "None ticked = any credit type." }</p>
                <div class="check-grid">
                    { for vocab::CREDIT_TYPES.iter().map(|c| {
                        let id = format!("rule-ct-{}", c.code);
                        let checked = d.credit_types.iter().any(|x| x.as_str() == c.code);
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="checkbox" id={id} {checked} onchange={toggle_credit(c.code)} />
                                <span>{ c.label }</span>
                            </label>
                        }
                    }) }
                </div>
                { msg(&errs, RuleField::Limits) }
            </fieldset>
            if shows_topics {
                <fieldset class="field" id="rule-topics">
                    <legend>{ "Topics" }</legend>
                    <div class="check-grid">
                        { for vocab::TOPICS.iter().map(|t| {
                            let id = format!("rule-topic-{}", t.code);
                            let checked = d.topics.iter().any(|x| x.as_str() == t.code);
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="checkbox" id={id} {checked} onchange={toggle_topic(t.code)} />
                                    <span>{ t.label }</span>
                                </label>
                            }
                        }) }
                    </div>
                    { msg(&errs, RuleField::Topics) }
                </fieldset>
            }
            if d.kind != RuleKindChoice::Cap {
                // Folded away: few boards exclude topics, but those that do need it said.
                <details class="field" open={!d.excludes_topics.is_empty()}>
                    <summary>{ format!("Topics whose hours do not count toward this requirement ({})", d.excludes_topics.len()) }</summary>
                    <p class="hint">{ "E.g. Pennsylvania: child-abuse and opioid hours do not count toward the 12 hours of patient safety. An activity partly on such a topic counts the rest." }</p>
                    <div class="check-grid" role="group" aria-label="Topics whose hours do not count">
                        { for vocab::TOPICS.iter().filter(|t| !d.topics.iter().any(|x| x.as_str() == t.code)).map(|t| {
                            let id = format!("rule-exclude-{}", t.code);
                            let checked = d.excludes_topics.iter().any(|x| x.as_str() == t.code);
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="checkbox" id={id} {checked} onchange={toggle_excluded(t.code)} />
                                    <span>{ t.label }</span>
                                </label>
                            }
                        }) }
                    </div>
                </details>
            }
            if shows_formats {
                <fieldset class="field">
                    <legend>{ "Formats" }</legend>
                    <div class="check-grid">
                        { for Format::ALL.iter().map(|f| {
                            let id = format!("rule-format-{}", f.label().replace([' ', ',', '/'], "-"));
                            html! {
                                <label class="check" for={id.clone()}>
                                    <input type="checkbox" id={id} checked={d.formats.contains(f)} onchange={toggle_format(*f)} />
                                    <span>{ f.label() }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
            }
            <div class="grid grid--2">
                <div class="field">
                    <label for="rule-recurrence">{ "When" }</label>
                    <select id="rule-recurrence" onchange={{
                            let update = update.clone();
                            on_enum_change(move |r: Option<RecurrenceChoice>| {
                                if let Some(r) = r {
                                    update(Box::new(move |d| d.recurrence = r));
                                }
                            })
                        }}>
                            { enum_options(Some(d.recurrence), RecurrenceChoice::label) }
                        </select>
                </div>
                if matches!(d.recurrence, RecurrenceChoice::EveryNCycles | RecurrenceChoice::FirstCycles | RecurrenceChoice::OnceWithinFirstCycles | RecurrenceChoice::AfterFirstCycles) {
                    <div class="field">
                        <label for="rule-n">{ if d.recurrence == RecurrenceChoice::EveryNCycles { "N (cycles)" } else { "N (renewals)" } }</label>
                        <input id="rule-n" type="text" inputmode="numeric" value={d.n.clone()}
                            oninput={text(|d, v| d.n = v)} aria-invalid={invalid(&errs, RuleField::N)}
                            aria-describedby={described(&errs, RuleField::N)} />
                        { msg(&errs, RuleField::N) }
                    </div>
                }
                if matches!(d.recurrence, RecurrenceChoice::EveryNMonths | RecurrenceChoice::AfterFirstCycles) {
                    <div class="field">
                        <label for="rule-months">{ "Months" }</label>
                        <input id="rule-months" type="text" inputmode="numeric" value={d.months.clone()}
                            oninput={text(|d, v| d.months = v)} aria-invalid={invalid(&errs, RuleField::Months)}
                            aria-describedby={described(&errs, RuleField::Months)} />
                        { msg(&errs, RuleField::Months) }
                    </div>
                }
            </div>
            if d.kind == RuleKindChoice::Total {
                <div class="grid grid--2">
                    <div class="field">
                        <label for="rule-carry">{ "Carry-over from last cycle, at most (hours)" }</label>
                        <input id="rule-carry" type="text" inputmode="decimal" value={d.carry_over_max.clone()}
                            placeholder="none" oninput={text(|d, v| d.carry_over_max = v)}
                            aria-invalid={invalid(&errs, RuleField::CarryOver)}
                            aria-describedby={described(&errs, RuleField::CarryOver)} />
                        { msg(&errs, RuleField::CarryOver) }
                    </div>
                    <label class="check" for="rule-carry-topic">
                        <input type="checkbox" id="rule-carry-topic" checked={d.carry_over_topic_hours}
                            onchange={{ let update = update.clone(); Callback::from(move |_: Event| update(Box::new(|d| d.carry_over_topic_hours = !d.carry_over_topic_hours))) }} />
                        <span>{ "Topic hours may be carried over too" }</span>
                    </label>
                </div>
            }
            <fieldset class="field">
                <legend>{ "Applies only if (leave empty for everyone)" }</legend>
                <div class="check-grid">
                    { for vocab::CONDITIONS.iter().map(|c| {
                        let id = format!("rule-cond-{}", c.code);
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="checkbox" id={id} checked={d.applies_if.iter().any(|x| x == c.code)}
                                    onchange={toggle_condition(c.code)} />
                                <span>{ c.label }</span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            <div class="grid grid--2">
                if d.kind.can_be_on_top() {
                    <label class="check" for="rule-counts">
                        <input type="checkbox" id="rule-counts" checked={d.counts_toward_total}
                            onchange={{ let update = update.clone(); Callback::from(move |_: Event| update(Box::new(|d| d.counts_toward_total = !d.counts_toward_total))) }} />
                        <span>{ "These hours also count toward the total" }</span>
                    </label>
                }
                if d.kind.counts_hours() {
                    <label class="check" for="rule-quarter">
                        <input type="checkbox" id="rule-quarter" checked={d.round_to_quarter_hour}
                            onchange={{ let update = update.clone(); Callback::from(move |_: Event| update(Box::new(|d| d.round_to_quarter_hour = !d.round_to_quarter_hour))) }} />
                        <span>{ "Count whole quarter hours only" }</span>
                    </label>
                }
            </div>
            <div class="grid grid--2">
                <div class="field">
                    <label for="rule-from">{ "In force for renewals due from" }</label>
                    <input id="rule-from" type="date" value={d.effective_from.clone()}
                        oninput={text(|d, v| d.effective_from = v)} aria-invalid={invalid(&errs, RuleField::EffectiveFrom)}
                        aria-describedby={described(&errs, RuleField::EffectiveFrom)} />
                    <p class="hint">{ "Leave empty unless the rule is new (e.g. a mandate from 1 May 2026)." }</p>
                    { msg(&errs, RuleField::EffectiveFrom) }
                </div>
                <div class="field">
                    <label for="rule-until">{ "No longer required after" }</label>
                    <input id="rule-until" type="date" value={d.effective_until.clone()}
                        oninput={text(|d, v| d.effective_until = v)} aria-invalid={invalid(&errs, RuleField::EffectiveUntil)}
                        aria-describedby={described(&errs, RuleField::EffectiveUntil)} />
                    { msg(&errs, RuleField::EffectiveUntil) }
                </div>
            </div>
            <div class="field">
                <label for="rule-note">{ "Note" }</label>
                <textarea id="rule-note" rows="2" value={d.note.clone()} oninput={{
                    let update = update.clone();
                    Callback::from(move |e: InputEvent| {
                        let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                        update(Box::new(move |d| d.note = v.clone()));
                    })
                }} />
                { msg(&errs, RuleField::Note) }
            </div>
            <p class="rule-preview" aria-live="polite">
                <strong>{ "Preview: " }</strong>
                { preview.unwrap_or_else(|| "complete the fields above to see the rule in words.".to_string()) }
            </p>
            <div class="actions">
                <button type="submit" class="btn btn--primary">{ "Save rule" }</button>
                <button type="button" class="btn" onclick={{
                    let cancel = props.oncancel.clone();
                    Callback::from(move |_| cancel.emit(()))
                }}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
