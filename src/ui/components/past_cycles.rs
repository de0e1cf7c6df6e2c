//! Earlier cycles of a credential: their dates make "once every N cycles" windows and carry-over
//! exact. The form offers the cycle before the earliest one recorded; every change is a domain
//! operation.

use yew::prelude::*;

use crate::ui::components::field_error::{described, error_html, invalid};
use crate::ui::components::inputs::on_input;

use crate::domain::draft::{FieldError, PastCycleDraft, PastCycleField};
use crate::domain::ops::CredentialOp;
use crate::domain::Credential;
use crate::ui::locale;

#[derive(Properties, PartialEq)]
pub struct PastCyclesProps {
    pub credential: Credential,
    pub onop: Callback<CredentialOp>,
}

fn field_id(f: PastCycleField) -> &'static str {
    match f {
        PastCycleField::Start => "past-start",
        PastCycleField::End => "past-end",
    }
}

#[function_component(PastCyclesCard)]
pub fn past_cycles_card(props: &PastCyclesProps) -> Html {
    let c = &props.credential;
    // The offered dates follow the list: after adding one, the next earlier cycle is offered.
    let offered = PastCycleDraft::before_earliest(c);
    let draft = use_state(|| offered.clone());
    let errors = use_state(Vec::<FieldError<PastCycleField>>::new);
    {
        let draft = draft.clone();
        use_effect_with(c.past_cycles.len(), move |_| {
            draft.set(offered);
        });
    }
    let set = |apply: fn(&mut PastCycleDraft, String)| on_input(&draft, apply);
    let onsubmit = {
        let (draft, errors) = (draft.clone(), errors.clone());
        let c = c.clone();
        let onop = props.onop.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.validate(&c) {
                Ok(cycle) => {
                    errors.set(Vec::new());
                    onop.emit(CredentialOp::AddPastCycle(cycle));
                }
                Err(errs) => {
                    if let Some(first) = errs.first() {
                        crate::ui::components::focus::focus(field_id(first.field));
                    }
                    errors.set(errs);
                }
            }
        })
    };
    let msg = |f: PastCycleField| error_html(&errors, f, field_id(f));
    let described = |f: PastCycleField| described(&errors, f, field_id(f));
    let invalid = |f: PastCycleField| invalid(&errors, f);
    html! {
        <section aria-labelledby="past-title">
            <h2 id="past-title">{ "Earlier cycles" }</h2>
            <div class="card">
                <p class="muted">{ "Requirements due once every few renewals (and carry-over) count the board's own windows once the earlier cycles' dates are here; without them the app assumes cycles as long as this one." }</p>
                if c.past_cycles.is_empty() {
                    <p>{ "None recorded." }</p>
                } else {
                    <ul class="plain-list">
                        { for c.past_cycles.iter().enumerate().map(|(i, p)| {
                            let remove = props.onop.reform(move |_: MouseEvent| CredentialOp::RemovePastCycle(i));
                            let span = format!("{} – {}", locale::date(p.start), locale::date(p.end));
                            html! {
                                <li>
                                    { span.clone() }{ " " }
                                    <button type="button" class="btn btn--small" onclick={remove} aria-label={format!("Remove the cycle {span}")}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <form {onsubmit} novalidate=true aria-label="Add an earlier cycle">
                    <div class="grid grid--2">
                        <div class="field">
                            <label for="past-start">{ "Earlier cycle started" }</label>
                            <input id="past-start" type="date" value={draft.start.clone()} oninput={set(|d, v| d.start = v)}
                                aria-invalid={invalid(PastCycleField::Start)} aria-describedby={described(PastCycleField::Start)} />
                            { msg(PastCycleField::Start) }
                        </div>
                        <div class="field">
                            <label for="past-end">{ "and ended" }</label>
                            <input id="past-end" type="date" value={draft.end.clone()} oninput={set(|d, v| d.end = v)}
                                aria-invalid={invalid(PastCycleField::End)} aria-describedby={described(PastCycleField::End)} />
                            { msg(PastCycleField::End) }
                        </div>
                    </div>
                    <button type="submit" class="btn">{ "Add this earlier cycle" }</button>
                </form>
            </div>
        </section>
    }
}
