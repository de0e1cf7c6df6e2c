//! A credential's renewal pathways: each with its progress, the holder's choice, and the non-CE
//! evidence recorded for it. Every change is a domain operation (`CredentialOp`).

use yew::prelude::*;

use crate::ui::components::field_error::{described, error_html, invalid};
use crate::ui::components::inputs::{on_input, select_value};

use crate::domain::draft::{EvidenceDraft, EvidenceField, FieldError};
use crate::domain::engine::evaluate::Evaluation;
use crate::domain::model::pathway::Pathways;
use crate::domain::ops::CredentialOp;
use crate::domain::text::badges;
use crate::ui::components::badges::badge;
use crate::ui::locale;

#[derive(Properties, PartialEq)]
pub struct PathwaysProps {
    pub pathways: Pathways,
    pub evaluation: Option<Evaluation>,
    pub onop: Callback<CredentialOp>,
}

fn field_id(f: EvidenceField) -> &'static str {
    match f {
        EvidenceField::Pathway => "ev-pathway",
        EvidenceField::Date => "ev-date",
        EvidenceField::Hours => "ev-hours",
        EvidenceField::Note => "ev-note",
    }
}

#[function_component(PathwaysCard)]
pub fn pathways_card(props: &PathwaysProps) -> Html {
    let p = &props.pathways;
    let with_evidence: Vec<_> = p.options.iter().filter(|o| o.evidence.is_some()).collect();
    let draft = use_state(|| EvidenceDraft {
        pathway: with_evidence
            .first()
            .map(|o| o.id.clone())
            .unwrap_or_default(),
        ..Default::default()
    });
    let errors = use_state(Vec::<FieldError<EvidenceField>>::new);
    let progress = props
        .evaluation
        .as_ref()
        .map(|e| e.pathways.clone())
        .unwrap_or_default();
    let followed = props
        .evaluation
        .as_ref()
        .and_then(|e| e.followed_pathway.clone());
    let on_choose = {
        let onop = props.onop.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            onop.emit(CredentialOp::ChoosePathway((!v.is_empty()).then_some(v)));
        })
    };
    let set = |apply: fn(&mut EvidenceDraft, String)| on_input(&draft, apply);
    let on_pathway = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut d = (*draft).clone();
            d.pathway = select_value(&e);
            draft.set(d);
        })
    };
    let onsubmit = {
        let (draft, errors) = (draft.clone(), errors.clone());
        let pathways = p.clone();
        let onop = props.onop.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.validate(&pathways, locale::today()) {
                Ok(record) => {
                    onop.emit(CredentialOp::RecordEvidence(record));
                    errors.set(Vec::new());
                    draft.set(EvidenceDraft {
                        pathway: draft.pathway.clone(),
                        ..Default::default()
                    });
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
    let msg = |f: EvidenceField| error_html(&errors, f, field_id(f));
    let described = |f: EvidenceField| described(&errors, f, field_id(f));
    let invalid = |f: EvidenceField| invalid(&errors, f);
    let needs_hours = p
        .options
        .iter()
        .find(|o| o.id == draft.pathway)
        .and_then(|o| o.evidence.as_ref())
        .is_some_and(|e| e.hours.is_some());
    let intro = if p.needed > 1 {
        format!(
            "The board accepts several ways to renew; {} of them are needed.",
            p.needed
        )
    } else {
        "The board accepts any one of these ways to renew. Choose yours, or leave it open and the plan follows the nearest.".to_string()
    };
    html! {
        <section class="card" aria-labelledby="pathways-title">
            <h2 id="pathways-title">{ "Ways to renew" }</h2>
            <p class="muted">{ intro }</p>
            <ul class="plain-list pathway-list">
                { for p.options.iter().map(|o| {
                    let pr = progress.iter().find(|x| x.id == o.id);
                    let status = pr
                        .map(|x| badge(&badges::pathway_badge(x, o.rules.is_empty())))
                        .unwrap_or_default();
                    let detail = pr.and_then(|x| x.evidence).map(|(got, want)| {
                        if o.evidence.as_ref().is_some_and(|e| e.hours.is_some()) {
                            format!("{} of {} hours recorded this cycle", locale::amount(got), locale::amount(want))
                        } else if got.is_positive() {
                            "Recorded this cycle".to_string()
                        } else {
                            "Not recorded yet".to_string()
                        }
                    });
                    let followed_here = followed.as_deref() == Some(o.id.as_str());
                    html! {
                        <li class="pathway">
                            <div class="rule-card__head">
                                <strong>{ o.label.clone() }</strong>
                                { status }
                            </div>
                            if let Some(e) = &o.evidence { <p class="small">{ e.kind.label() }{ detail.map(|d| format!(" — {d}")).unwrap_or_default() }</p> }
                            if followed_here && p.chosen.is_none() { <p class="small muted">{ "The plan follows this pathway (the nearest)." }</p> }
                        </li>
                    }
                }) }
            </ul>
            if p.needed <= 1 {
                <div class="field">
                    <label for="pathway-choice">{ "My pathway" }</label>
                    <select id="pathway-choice" onchange={on_choose}>
                        <option value="" selected={p.chosen.is_none()}>{ "Not chosen (any one counts)" }</option>
                        { for p.options.iter().map(|o| html! {
                            <option value={o.id.clone()} selected={p.chosen.as_deref() == Some(o.id.as_str())}>{ o.label.clone() }</option>
                        }) }
                    </select>
                </div>
            }
            if !with_evidence.is_empty() {
                <h3>{ "Evidence recorded" }</h3>
                if p.evidence.is_empty() {
                    <p class="muted">{ "None yet. Record practice hours, a certification or a course here: it is kept as evidence, never counted as CE credit." }</p>
                } else {
                    <ul class="plain-list">
                        { for p.evidence.iter().enumerate().map(|(i, e)| {
                            let label = p.options.iter().find(|o| o.id == e.pathway).map_or(e.pathway.clone(), |o| o.label.clone());
                            let remove = props.onop.reform(move |_: MouseEvent| CredentialOp::RemoveEvidence(i));
                            html! {
                                <li>
                                    { format!("{} — {}{}{}", locale::date(e.date), label,
                                        e.hours.map(|h| format!(": {} hours", locale::amount(h))).unwrap_or_default(),
                                        if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) }) }
                                    { " " }
                                    <button type="button" class="btn btn--small" onclick={remove} aria-label={format!("Remove the evidence of {}", locale::date(e.date))}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <form {onsubmit} novalidate=true aria-label="Record evidence">
                    <div class="grid grid--3">
                        <div class="field">
                            <label for="ev-pathway">{ "For" }</label>
                            <select id="ev-pathway" onchange={on_pathway} aria-describedby={described(EvidenceField::Pathway)}>
                                { for with_evidence.iter().map(|o| html! {
                                    <option value={o.id.clone()} selected={draft.pathway == o.id}>{ o.label.clone() }</option>
                                }) }
                            </select>
                            { msg(EvidenceField::Pathway) }
                        </div>
                        <div class="field">
                            <label for="ev-date">{ "Date" }</label>
                            <input id="ev-date" type="date" value={draft.date.clone()} oninput={set(|d, v| d.date = v)}
                                aria-invalid={invalid(EvidenceField::Date)} aria-describedby={described(EvidenceField::Date)} />
                            { msg(EvidenceField::Date) }
                        </div>
                        if needs_hours {
                            <div class="field">
                                <label for="ev-hours">{ "Hours" }</label>
                                <input id="ev-hours" type="text" inputmode="decimal" value={draft.hours.clone()} oninput={set(|d, v| d.hours = v)}
                                    aria-invalid={invalid(EvidenceField::Hours)} aria-describedby={described(EvidenceField::Hours)} />
                                { msg(EvidenceField::Hours) }
                            </div>
                        }
                    </div>
                    <div class="field">
                        <label for="ev-note">{ "Note (e.g. employer letter, certificate number)" }</label>
                        <input id="ev-note" type="text" value={draft.note.clone()} oninput={set(|d, v| d.note = v)}
                            aria-invalid={invalid(EvidenceField::Note)} aria-describedby={described(EvidenceField::Note)} />
                        { msg(EvidenceField::Note) }
                    </div>
                    <button type="submit" class="btn">{ "Record evidence" }</button>
                </form>
            }
        </section>
    }
}
