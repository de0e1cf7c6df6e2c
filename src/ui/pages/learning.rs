//! How I learn: hours per format and per year, goals met, reflections written and practice
//! changed, with a chart; then the reflective learning record (each reflected activity with what
//! was learned, what was to change and what happened), which prints as the summary a UK
//! appraisal or a Royal College Section 1 (self-learning) entry asks for.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::domain::engine::goals::summary;
use crate::domain::Format;
use crate::route::Route;
use crate::ui::components::charts::{bar_chart, BarChartProps};
use crate::ui::components::learning::reflection_entry;
use crate::ui::components::print::print_button;
use crate::ui::locale;
use crate::ui::state::use_app;

#[function_component(LearningPage)]
pub fn learning_page() -> Html {
    let app = use_app();
    let s = {
        let data = app.data.clone();
        use_memo(app.revision, move |_| {
            summary(&data.activities, &data.goals)
        })
    };
    let formats: BTreeSet<Format> = s
        .hours_by_year_format
        .values()
        .flat_map(|m| m.keys().copied())
        .collect();
    let mut reflected: Vec<_> = app
        .data
        .activities
        .iter()
        .filter(|a| a.is_completed() && a.reflection.is_some())
        .collect();
    crate::domain::model::sort::sort_by_key(&mut reflected, |a| std::cmp::Reverse(a.end));
    let holder = app.data.settings.holder().map(str::to_string);
    html! {
        <article class="report stack" aria-labelledby="learning-title">
            <div class="page-head">
                <h1 id="learning-title">{ "How I learn" }</h1>
                <div class="actions no-print">
                    { print_button() }
                    <a href={Route::Goals.href()} class="btn">{ "Learning goals" }</a>
                </div>
            </div>
            if let Some(name) = holder { <p class="report-holder">{ name }</p> }
            <section class="card" aria-labelledby="learning-counts">
                <h2 id="learning-counts">{ "In short" }</h2>
                <ul class="plain-list learning-counts">
                    <li>{ format!("{} learning goal{} met, {} being worked on", s.goals_met, if s.goals_met == 1 { "" } else { "s" }, s.goals_active) }</li>
                    <li>{ format!("{} reflection{} written", s.reflections, if s.reflections == 1 { "" } else { "s" }) }</li>
                    <li>{ format!("{} follow-up{} done; practice changed after {}", s.follow_ups_done, if s.follow_ups_done == 1 { "" } else { "s" }, s.changes_made) }</li>
                </ul>
            </section>
            { bar_chart(&BarChartProps {
                id: "learning-formats".into(),
                title: "Hours per format, all years".into(),
                what: "Format".into(),
                rows: s.hours_by_format.iter().map(|(f, h)| (f.label().to_string(), *h)).collect(),
                empty: "No completed activities yet.".into(),
            }) }
            if !s.hours_by_year_format.is_empty() {
                <section class="card" aria-labelledby="learning-years">
                    <h2 id="learning-years">{ "Hours per year and format" }</h2>
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{ "Year" }</th>
                                { for formats.iter().map(|f| html! { <th scope="col" class="num">{ f.label() }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for s.hours_by_year_format.iter().rev().map(|(year, m)| html! {
                                    <tr>
                                        <th scope="row">{ year.to_string() }</th>
                                        { for formats.iter().map(|f| html! {
                                            <td class="num">{ m.get(f).map(|h| locale::amount(*h)).unwrap_or_else(|| "–".into()) }</td>
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }
            <section class="card report-section" aria-labelledby="learning-record">
                <h2 id="learning-record">{ "Reflective learning record" }</h2>
                <p class="small muted">{ "Each activity you reflected on: what you learned, what you meant to change and what happened — the summary a UK appraisal or a Royal College Section 1 (self-learning) entry asks for." }</p>
                if reflected.is_empty() {
                    <p class="muted">{ "No reflections yet: write one on an activity's page." }</p>
                }
                { for reflected.iter().map(|a| reflection_entry(a, true)) }
            </section>
        </article>
    }
}
