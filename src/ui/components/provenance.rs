//! Where a preset's rules come from: confidence, the date the facts were checked, sources and the
//! standing "verify with your board", shown by the catalog and by a credential made from it.

use yew::prelude::*;

use crate::domain::presets::{Confidence, Preset};
use crate::ui::locale;

pub fn confidence_badge(c: Confidence) -> Html {
    let class = match c {
        Confidence::High => "badge badge--ok",
        Confidence::Medium => "badge badge--warn",
        Confidence::Low => "badge badge--bad badge--wrap",
    };
    html! { <span class={class}>{ c.label() }</span> }
}

/// Sources, confidence and the standing caveat, shown wherever a preset's rules are.
pub fn provenance(p: &Preset) -> Html {
    html! {
        <div class="provenance">
            <p>{ confidence_badge(p.confidence) }{ format!(" · facts checked {}", locale::date(p.checked)) }</p>
            <p class="small"><strong>{ "Verify with your board." }</strong>{ " These rules are an aid drawn from the sources below, not legal advice; boards change their rules." }</p>
            <details>
                <summary>{ format!("Sources ({})", p.sources.len()) }</summary>
                <ul class="small">
                    { for p.sources.iter().map(|s| html! {
                        // Opened only when the user clicks; the app itself never fetches them.
                        <li><a href={s.clone()} target="_blank" rel="noopener noreferrer">{ s.clone() }</a></li>
                    }) }
                </ul>
            </details>
            if !p.notes.is_empty() {
                <details>
                    <summary>{ "Notes" }</summary>
                    <ul class="small">{ for p.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                </details>
            }
        </div>
    }
}
