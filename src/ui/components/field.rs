//! One form field: its label, its control (an input, a text area or a select), its hint and its
//! message, with the control's `aria-describedby` (the hint, then the message) and
//! `aria-invalid` pointing at them. Every form's fields are drawn here, so the label, the ids and
//! the accessibility trio cannot drift apart from one form to the next.

use yew::prelude::*;

/// What a field's control is, with its value and handler.
#[derive(Clone, PartialEq)]
pub enum Control {
    Input {
        /// `text`, `date`, `number`, `email`, `search`.
        kind: &'static str,
        value: AttrValue,
        oninput: Callback<InputEvent>,
        inputmode: Option<&'static str>,
        placeholder: Option<AttrValue>,
        min: Option<AttrValue>,
    },
    TextArea {
        value: AttrValue,
        oninput: Callback<InputEvent>,
        rows: u32,
    },
    Select {
        onchange: Callback<Event>,
        options: Html,
    },
}

impl Control {
    pub fn text(value: impl Into<AttrValue>, oninput: Callback<InputEvent>) -> Control {
        Control::Input {
            kind: "text",
            value: value.into(),
            oninput,
            inputmode: None,
            placeholder: None,
            min: None,
        }
    }

    pub fn date(value: impl Into<AttrValue>, oninput: Callback<InputEvent>) -> Control {
        Control::Input {
            kind: "date",
            value: value.into(),
            oninput,
            inputmode: None,
            placeholder: None,
            min: None,
        }
    }

    /// A number typed as text (amounts keep what was typed, "1,5" included, for the draft to read).
    pub fn decimal(value: impl Into<AttrValue>, oninput: Callback<InputEvent>) -> Control {
        Control::text(value, oninput).inputmode("decimal")
    }

    pub fn textarea(
        value: impl Into<AttrValue>,
        oninput: Callback<InputEvent>,
        rows: u32,
    ) -> Control {
        Control::TextArea {
            value: value.into(),
            oninput,
            rows,
        }
    }

    pub fn select(onchange: Callback<Event>, options: Html) -> Control {
        Control::Select { onchange, options }
    }

    pub fn placeholder(mut self, text: impl Into<AttrValue>) -> Control {
        if let Control::Input { placeholder, .. } = &mut self {
            *placeholder = Some(text.into());
        }
        self
    }

    pub fn min(mut self, at_least: impl Into<AttrValue>) -> Control {
        if let Control::Input { min, .. } = &mut self {
            *min = Some(at_least.into());
        }
        self
    }

    pub fn inputmode(mut self, mode: &'static str) -> Control {
        if let Control::Input { inputmode, .. } = &mut self {
            *inputmode = Some(mode);
        }
        self
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct FieldProps {
    /// The control's id; the hint is `<id>-hint`, the message `<id>-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub control: Control,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The field's message, when its value was refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Classes beside `field` (e.g. `field--amount`).
    #[prop_or_default]
    pub class: Classes,
}

/// `aria-describedby` for a control with an optional hint and an optional message.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let ids: Vec<String> = [
        hint.then(|| format!("{id}-hint")),
        error.then(|| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" ").into())
}

#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let id = p.id.clone();
    let described = described_by(&id, p.hint.is_some(), p.error.is_some());
    let invalid = p.error.is_some().then_some("true");
    let control = match &p.control {
        Control::Input {
            kind,
            value,
            oninput,
            inputmode,
            placeholder,
            min,
        } => html! {
            <input id={id.clone()} type={*kind} value={value.clone()} oninput={oninput.clone()}
                required={p.required} inputmode={*inputmode} placeholder={placeholder.clone()}
                min={min.clone()} autocomplete={inputmode.map(|_| "off")}
                aria-invalid={invalid} aria-describedby={described} />
        },
        Control::TextArea {
            value,
            oninput,
            rows,
        } => html! {
            <textarea id={id.clone()} rows={rows.to_string()} value={value.clone()}
                oninput={oninput.clone()} aria-invalid={invalid} aria-describedby={described} />
        },
        Control::Select { onchange, options } => html! {
            <select id={id.clone()} onchange={onchange.clone()} required={p.required}
                aria-invalid={invalid} aria-describedby={described}>
                { options.clone() }
            </select>
        },
    };
    html! {
        <div class={classes!("field", p.class.clone())}>
            <label for={id.clone()}>
                { p.label.clone() }
                if p.required {
                    <span class="req" aria-hidden="true">{ " *" }</span>
                }
            </label>
            { control }
            if let Some(hint) = &p.hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p>
            }
            if let Some(message) = &p.error {
                <p class="error" id={format!("{id}-error")}>{ message.clone() }</p>
            }
        </div>
    }
}
