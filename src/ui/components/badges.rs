//! Badges and progress bars shown by several pages: plain functions (no state, so no component
//! type to pay for in the download).

use yew::prelude::*;

use crate::domain::engine::evaluate::{Evaluation, RuleEvaluation};
use crate::domain::text::badges::{self, Badge};
use crate::domain::text::dashboard::{self, Progress};
use crate::domain::ActivityStatus;
use crate::ui::locale;

/// A status pill as the domain words it (`domain::text::badges`).
pub fn badge(b: &Badge) -> Html {
    html! { <span class={crate::document::badge_class(b)}>{ b.text.clone() }</span> }
}

/// A credential's overall status.
pub fn status_badge(ev: &Evaluation) -> Html {
    badge(&badges::credential_badge(ev))
}

/// A progress bar with its numbers in text: colour is never the only signal.
pub fn progress_bar(p: &Progress) -> Html {
    let class = if p.met {
        "progress progress--ok"
    } else {
        "progress progress--bad"
    };
    let aria = if p.projected {
        format!("{} (projected, with planned activities)", p.label)
    } else {
        p.label.clone()
    };
    html! {
        <div class="progress-row">
            // A native <progress>: accessible by itself, and styled without inline styles (the
            // CSP allows no style attributes).
            <progress class={class} max="100" value={p.percent.to_string()} aria-label={aria}>{ format!("{}%", p.percent) }</progress>
            <span class="progress-row__text">{ p.label.clone() }</span>
            if p.projected {
                <span class="progress-row__note">{ "projected, with planned activities" }</span>
            }
        </div>
    }
}

/// A requirement's progress bar, where it has a figure to reach.
pub fn progress(re: &RuleEvaluation) -> Html {
    dashboard::progress(re, &locale::amount)
        .map(|p| progress_bar(&p))
        .unwrap_or_default()
}

pub fn rule_status_badge(re: &RuleEvaluation) -> Html {
    badge(&badges::rule_badge(re.status, re.projected))
}

pub fn activity_status_badge(status: ActivityStatus) -> Html {
    badge(&badges::activity_badge(status))
}
