//! A credential's renewal pathways: each with its progress, the holder's choice, and the non-CE
//! evidence recorded for it. Every change is a domain operation (`CredentialOp`).

use yew::prelude::*;

use crate::ui::components::field::{Control, Field};
use crate::ui::components::inputs::select_value;
use crate::ui::form::use_form;

use crate::domain::draft::{EvidenceDraft, EvidenceField};
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
    let on_choose = {
        let onop = props.onop.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            onop.emit(CredentialOp::ChoosePathway((!v.is_empty()).then_some(v)));
        })
    };
    let intro = if p.needed > 1 {
        format!(
            "The board accepts several ways to renew; {} of them are needed.",
            p.needed
        )
    } else {
        "The board accepts any one of these ways to renew. Choose yours, or leave it open and the plan follows the nearest.".to_string()
    };
    let with_evidence = p.options.iter().any(|o| o.evidence.is_some());
    html! {
        <section class="card" aria-labelledby="pathways-title">
            <h2 id="pathways-title">{ "Ways to renew" }</h2>
            <p class="muted">{ intro }</p>
            { pathway_list(props) }
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
            if with_evidence {
                { evidence_recorded(props) }
                <EvidenceForm pathways={p.clone()} evaluation={None::<Evaluation>} onop={props.onop.clone()} />
            }
        </section>
    }
}

/// Each pathway with its status, its evidence this cycle, and whether the plan follows it.
fn pathway_list(props: &PathwaysProps) -> Html {
    let p = &props.pathways;
    let progress = props
        .evaluation
        .as_ref()
        .map(|e| e.pathways.clone())
        .unwrap_or_default();
    let followed = props
        .evaluation
        .as_ref()
        .and_then(|e| e.followed_pathway.clone());
    html! {
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
    }
}

/// The evidence recorded (practice hours, a certification, a course), each removable.
fn evidence_recorded(props: &PathwaysProps) -> Html {
    let p = &props.pathways;
    html! {
        <>
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
        </>
    }
}

/// Recording evidence for a pathway: kept as evidence, never counted as CE credit.
#[function_component(EvidenceForm)]
fn evidence_form(props: &PathwaysProps) -> Html {
    let p = &props.pathways;
    let with_evidence: Vec<_> = p.options.iter().filter(|o| o.evidence.is_some()).collect();
    let pathways = p.clone();
    let form = use_form(
        || EvidenceDraft {
            pathway: with_evidence
                .first()
                .map(|o| o.id.clone())
                .unwrap_or_default(),
            ..Default::default()
        },
        move |d: &EvidenceDraft| {
            d.validate(&pathways, locale::today())
                .err()
                .unwrap_or_default()
        },
        |f: &EvidenceField| field_id(*f).to_string(),
    );
    let d = form.draft();
    let onsubmit = {
        let (form, pathways, onop) = (form.clone(), p.clone(), props.onop.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(record) = form.submit(form.draft().validate(&pathways, locale::today())) {
                onop.emit(CredentialOp::RecordEvidence(record));
                form.reset(|d| {
                    *d = EvidenceDraft {
                        pathway: d.pathway.clone(),
                        ..Default::default()
                    }
                });
            }
        })
    };
    let needs_hours = p
        .options
        .iter()
        .find(|o| o.id == d.pathway)
        .and_then(|o| o.evidence.as_ref())
        .is_some_and(|e| e.hours.is_some());
    let options = html! {
        { for with_evidence.iter().map(|o| html! {
            <option value={o.id.clone()} selected={d.pathway == o.id}>{ o.label.clone() }</option>
        }) }
    };
    html! {
        <form {onsubmit} novalidate=true aria-label="Record evidence">
            <div class="grid grid--3">
                <Field id="ev-pathway" label="For" error={form.error(EvidenceField::Pathway)}
                    control={Control::select(form.choose(|d, v| d.pathway = v), options)} />
                <Field id="ev-date" label="Date" error={form.error(EvidenceField::Date)}
                    control={Control::date(d.date.clone(), form.text(|d, v| d.date = v))} />
                if needs_hours {
                    <Field id="ev-hours" label="Hours" error={form.error(EvidenceField::Hours)}
                        control={Control::decimal(d.hours.clone(), form.text(|d, v| d.hours = v))} />
                }
            </div>
            <Field id="ev-note" label="Note (e.g. employer letter, certificate number)" error={form.error(EvidenceField::Note)}
                control={Control::text(d.note.clone(), form.text(|d, v| d.note = v))} />
            <button type="submit" class="btn">{ "Record evidence" }</button>
        </form>
    }
}
