//! The rule editor: one form for every rule kind of the engine, with a plain-language preview.

use yew::prelude::*;

use crate::domain::draft::{RecurrenceChoice, RuleDraft, RuleField, RuleKindChoice};
use crate::domain::model::codes::Coded;
use crate::domain::{model::vocab, text::describe, CreditTypeId, Format, Rule, TopicId};
use crate::ui::components::enum_select::{enum_options, on_enum_change};
use crate::ui::components::field::{Control, Field};
use crate::ui::form::{use_form, Form};

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

/// The rule editor's state.
type RuleForm = Form<RuleDraft, RuleField>;

#[function_component(RuleEditor)]
pub fn rule_editor(props: &RuleEditorProps) -> Html {
    let (rule, new_id) = (props.rule.clone(), props.new_id.to_string());
    let form = use_form(
        || {
            props
                .rule
                .as_ref()
                .map(RuleDraft::from_rule)
                .unwrap_or_default()
        },
        move |d: &RuleDraft| d.validate(rule.as_ref(), &new_id).err().unwrap_or_default(),
        |f: &RuleField| rule_field_id(*f).to_string(),
    );
    let d = form.draft();
    let preview = d
        .validate(props.rule.as_ref(), &props.new_id)
        .ok()
        .map(|r| describe::rule_sentence(&r));
    let onsubmit = {
        let (form, onsave) = (form.clone(), props.onsave.clone());
        let (rule, new_id) = (props.rule.clone(), props.new_id.to_string());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(r) = form.submit(form.draft().validate(rule.as_ref(), &new_id)) {
                onsave.emit(r);
            }
        })
    };
    let on_kind = {
        let form = form.clone();
        on_enum_change(move |k: Option<RuleKindChoice>| {
            if let Some(k) = k {
                form.update(|d| d.kind = k);
            }
        })
    };
    let amount_label = match d.kind {
        RuleKindChoice::Cap => "At most (hours)",
        RuleKindChoice::PerYear => "Hours per year",
        _ => "At least (hours)",
    };
    html! {
        <form class="card rule-editor" {onsubmit} novalidate=true aria-label="Rule"
            data-dirty={form.dirty().to_string()}>
            { form.summary("rule-error-summary") }
            <div class="grid grid--2">
                <Field id="rule-label" label="Name" error={form.error(RuleField::Label)}
                    control={Control::text(d.label.clone(), form.text(|d, v| d.label = v)).placeholder("e.g. Ethics")} />
                <Field id="rule-kind" label="Kind of rule"
                    control={Control::select(on_kind, enum_options(Some(d.kind), RuleKindChoice::label))} />
            </div>
            if d.kind != RuleKindChoice::Completion {
                <Field id="rule-amount" label={amount_label} class="field--amount" error={form.error(RuleField::Amount)}
                    control={Control::decimal(d.amount.clone(), form.text(|d, v| d.amount = v))} />
            }
            { what_counts(&form) }
            { when(&form) }
            { conditions(&form) }
            <div class="grid grid--2">
                <Field id="rule-from" label="In force for renewals due from" error={form.error(RuleField::EffectiveFrom)}
                    hint="Leave empty unless the rule is new (e.g. a mandate from 1 May 2026)."
                    control={Control::date(d.effective_from.clone(), form.text(|d, v| d.effective_from = v))} />
                <Field id="rule-until" label="No longer required after" error={form.error(RuleField::EffectiveUntil)}
                    control={Control::date(d.effective_until.clone(), form.text(|d, v| d.effective_until = v))} />
            </div>
            <Field id="rule-note" label="Note" error={form.error(RuleField::Note)}
                control={Control::textarea(d.note.clone(), form.text(|d, v| d.note = v), 2)} />
            <p class="rule-preview" aria-live="polite">
                <strong>{ "Preview: " }</strong>
                { preview.unwrap_or_else(|| "complete the fields above to see the rule in words.".to_string()) }
            </p>
            <div class="actions">
                <button type="submit" class="btn btn--primary">{ "Save rule" }</button>
                <button type="button" class="btn" onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// A box to tick, with its label.
fn check(id: String, label: &str, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label class="check" for={id.clone()}>
            <input type="checkbox" {id} {checked} {onchange} />
            <span>{ label.to_string() }</span>
        </label>
    }
}

/// Ticking a box adds `item` to the list `list` picks from the draft, or takes it out.
fn toggle<T: PartialEq + Clone + 'static>(
    form: &RuleForm,
    list: fn(&mut RuleDraft) -> &mut Vec<T>,
    item: T,
) -> Callback<Event> {
    let form = form.clone();
    Callback::from(move |_: Event| {
        let item = item.clone();
        form.update(move |d| {
            let l = list(d);
            match l.iter().position(|x| *x == item) {
                Some(i) => {
                    l.remove(i);
                }
                None => l.push(item),
            }
        })
    })
}

/// A switch of the draft, flipped by a box.
fn flip(form: &RuleForm, flag: fn(&mut RuleDraft) -> &mut bool) -> Callback<Event> {
    let form = form.clone();
    Callback::from(move |_: Event| {
        form.update(|d| {
            let f = flag(d);
            *f = !*f;
        })
    })
}

/// What the rule counts: credit types, topics, excluded topics, formats (for caps).
fn what_counts(form: &RuleForm) -> Html {
    let d = form.draft();
    let shows_topics = !matches!(d.kind, RuleKindChoice::Total | RuleKindChoice::CategoryMin);
    let error = |f: RuleField| {
        form.error(f).map(
            |m| html! { <p class="error" id={format!("{}-error", rule_field_id(f))}>{ m }</p> },
        )
    };
    html! {
        <>
            <fieldset class="field" id="rule-credit-types">
                <legend>{ "Accepted credit types" }</legend>
                <p class="hint">{ "None ticked = any credit type." }</p>
                <div class="check-grid">
                    { for vocab::CREDIT_TYPES.iter().map(|c| check(format!("rule-ct-{}", c.code), c.label,
                        d.credit_types.iter().any(|x| x.as_str() == c.code),
                        toggle(form, |d| &mut d.credit_types, CreditTypeId::new(c.code)))) }
                </div>
                { error(RuleField::Limits) }
            </fieldset>
            if shows_topics {
                <fieldset class="field" id="rule-topics">
                    <legend>{ "Topics" }</legend>
                    <div class="check-grid">
                        { for vocab::TOPICS.iter().map(|t| check(format!("rule-topic-{}", t.code), t.label,
                            d.topics.iter().any(|x| x.as_str() == t.code),
                            toggle(form, |d| &mut d.topics, TopicId::new(t.code)))) }
                    </div>
                    { error(RuleField::Topics) }
                </fieldset>
            }
            if d.kind != RuleKindChoice::Cap {
                // Folded away: few boards exclude topics, but those that do need it said.
                <details class="field" open={!d.excludes_topics.is_empty()}>
                    <summary>{ format!("Topics whose hours do not count toward this requirement ({})", d.excludes_topics.len()) }</summary>
                    <p class="hint">{ "E.g. Pennsylvania: child-abuse and opioid hours do not count toward the 12 hours of patient safety. An activity partly on such a topic counts the rest." }</p>
                    <div class="check-grid" role="group" aria-label="Topics whose hours do not count">
                        { for vocab::TOPICS.iter().filter(|t| !d.topics.iter().any(|x| x.as_str() == t.code)).map(|t| {
                            check(format!("rule-exclude-{}", t.code), t.label,
                                d.excludes_topics.iter().any(|x| x.as_str() == t.code),
                                toggle(form, |d| &mut d.excludes_topics, TopicId::new(t.code)))
                        }) }
                    </div>
                </details>
            }
            if d.kind == RuleKindChoice::Cap {
                <fieldset class="field">
                    <legend>{ "Formats" }</legend>
                    <div class="check-grid">
                        { for Format::ALL.iter().map(|f| check(
                            format!("rule-format-{}", f.label().replace([' ', ',', '/'], "-")), f.label(),
                            d.formats.contains(f), toggle(form, |d| &mut d.formats, *f))) }
                    </div>
                </fieldset>
            }
        </>
    }
}

/// When the rule applies: its recurrence, with N and months where it needs them, and the
/// carry-over of a total.
fn when(form: &RuleForm) -> Html {
    let d = form.draft();
    let on_recurrence = {
        let form = form.clone();
        on_enum_change(move |r: Option<RecurrenceChoice>| {
            if let Some(r) = r {
                form.update(|d| d.recurrence = r);
            }
        })
    };
    let numeric = |value: &String, apply: fn(&mut RuleDraft, String)| {
        Control::text(value.clone(), form.text(apply)).inputmode("numeric")
    };
    let n_label = if d.recurrence == RecurrenceChoice::EveryNCycles {
        "N (cycles)"
    } else {
        "N (renewals)"
    };
    html! {
        <>
            <div class="grid grid--2">
                <Field id="rule-recurrence" label="When"
                    control={Control::select(on_recurrence, enum_options(Some(d.recurrence), RecurrenceChoice::label))} />
                if matches!(d.recurrence, RecurrenceChoice::EveryNCycles | RecurrenceChoice::FirstCycles | RecurrenceChoice::OnceWithinFirstCycles | RecurrenceChoice::AfterFirstCycles) {
                    <Field id="rule-n" label={n_label} error={form.error(RuleField::N)}
                        control={numeric(&d.n, |d, v| d.n = v)} />
                }
                if matches!(d.recurrence, RecurrenceChoice::EveryNMonths | RecurrenceChoice::AfterFirstCycles) {
                    <Field id="rule-months" label="Months" error={form.error(RuleField::Months)}
                        control={numeric(&d.months, |d, v| d.months = v)} />
                }
            </div>
            if d.kind == RuleKindChoice::Total {
                <div class="grid grid--2">
                    <Field id="rule-carry" label="Carry-over from last cycle, at most (hours)" error={form.error(RuleField::CarryOver)}
                        control={Control::decimal(d.carry_over_max.clone(), form.text(|d, v| d.carry_over_max = v)).placeholder("none")} />
                    { check("rule-carry-topic".into(), "Topic hours may be carried over too", d.carry_over_topic_hours,
                        flip(form, |d| &mut d.carry_over_topic_hours)) }
                </div>
            }
        </>
    }
}

/// Whom the rule applies to, and how it counts.
fn conditions(form: &RuleForm) -> Html {
    let d = form.draft();
    html! {
        <>
            <fieldset class="field">
                <legend>{ "Applies only if (leave empty for everyone)" }</legend>
                <div class="check-grid">
                    { for vocab::CONDITIONS.iter().map(|c| check(format!("rule-cond-{}", c.code), c.label,
                        d.applies_if.iter().any(|x| x == c.code),
                        toggle(form, |d| &mut d.applies_if, c.code.to_string()))) }
                </div>
            </fieldset>
            <div class="grid grid--2">
                if d.kind.can_be_on_top() {
                    { check("rule-counts".into(), "These hours also count toward the total", d.counts_toward_total,
                        flip(form, |d| &mut d.counts_toward_total)) }
                }
                if d.kind.counts_hours() {
                    { check("rule-quarter".into(), "Count whole quarter hours only", d.round_to_quarter_hour,
                        flip(form, |d| &mut d.round_to_quarter_hour)) }
                }
            </div>
        </>
    }
}
