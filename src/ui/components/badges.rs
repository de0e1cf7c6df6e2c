//! Badges and progress bars shown by several pages: plain functions (no state, so no component
//! type to pay for in the download).

use yew::prelude::*;

use crate::domain::evaluate::{CredentialStatus, Evaluation, Measure, RuleEvaluation, RuleStatus};
use crate::domain::ActivityStatus;
use crate::ui::format;

/// Long labels: they may wrap inside the pill on a phone. What-if results say "Projected" in
/// words, not by colour alone.
pub fn status_badge(ev: &Evaluation) -> Html {
    let projected = if ev.projected { "Projected: " } else { "" };
    match (ev.status, ev.is_overdue()) {
        (CredentialStatus::NothingRequired, _) => {
            html! { <span class="badge badge--wrap badge--ok">{ "✓ No CE required by this board" }</span> }
        }
        (CredentialStatus::NoRequirements, _) => {
            html! { <span class="badge badge--wrap badge--muted">{ "– No requirements entered" }</span> }
        }
        (CredentialStatus::Met, _) => {
            let text = if ev.projected {
                "◷ Projected: all requirements met"
            } else {
                "✓ All requirements met"
            };
            let class = if ev.projected {
                "badge badge--wrap badge--warn"
            } else {
                "badge badge--wrap badge--ok"
            };
            html! { <span class={class}>{ text }</span> }
        }
        (CredentialStatus::MetWithPlanned, _) => {
            html! { <span class="badge badge--wrap badge--warn">{ "◷ Met once planned activities are done" }</span> }
        }
        (CredentialStatus::NotMet, true) => {
            html! { <span class="badge badge--wrap badge--bad">{ format!("! {projected}Deadline passed — requirements outstanding") }</span> }
        }
        (CredentialStatus::NotMet, false) => {
            html! { <span class="badge badge--wrap badge--bad">{ format!("✗ {projected}Requirements outstanding") }</span> }
        }
    }
}

/// A progress bar with its numbers in text: colour is never the only signal.
pub fn progress(re: &RuleEvaluation) -> Html {
    if re.measure == Measure::CapHours
        || !matches!(
            re.status,
            RuleStatus::Met | RuleStatus::NotMet | RuleStatus::MetWithPlanned
        )
    {
        return html! {};
    }
    let req = re.required.hundredths().max(1);
    let pct = (re.counted.hundredths() * 100 / req).clamp(0, 100);
    let class = if re.status == RuleStatus::Met {
        "progress progress--ok"
    } else {
        "progress progress--bad"
    };
    let label = if re.measure == Measure::Activities {
        format!("{} of 1 activity", re.counted.hundredths() / 100)
    } else {
        format!(
            "{} of {}",
            format::amount(re.counted),
            format::unit_amount(re.unit, re.required)
        )
    };
    let aria = if re.projected {
        format!("{label} (projected, with planned activities)")
    } else {
        label.clone()
    };
    html! {
        <div class="progress-row">
            // A native <progress>: accessible by itself, and styled without inline styles (the
            // CSP allows no style attributes).
            <progress class={class} max="100" value={pct.to_string()} aria-label={aria}>{ format!("{pct}%") }</progress>
            <span class="progress-row__text">{ label }</span>
            if re.projected {
                <span class="progress-row__note">{ "projected, with planned activities" }</span>
            }
        </div>
    }
}

pub fn rule_status_badge(re: &RuleEvaluation) -> Html {
    let (class, text) = crate::document::rule_badge(re.status, re.projected);
    html! { <span class={class}>{ text }</span> }
}

pub fn activity_status_badge(status: ActivityStatus) -> Html {
    match status {
        ActivityStatus::Completed => {
            html! { <span class="badge badge--ok">{ "✓ Completed" }</span> }
        }
        ActivityStatus::Planned => {
            html! { <span class="badge badge--muted">{ "◷ Planned" }</span> }
        }
    }
}
