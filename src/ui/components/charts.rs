//! Charts drawn as SVG by the app (no chart library): credits per year stacked by credit type,
//! hours per format or topic, and a credential's pace across its cycle. Each is a figure with a
//! title and a description the SVG is labelled by, and its numbers in a table (the alternative
//! for screen readers, and for anyone who wants the figures). Colours come from CSS variables, so
//! the charts follow dark mode and print in grey-safe tones; the figures are computed in
//! `domain::engine::charts` and `domain::engine::totals`.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::engine::charts::{Pace, YearStacks};
use crate::domain::model::credits::Amount;
use crate::domain::model::vocab::Unit;
use crate::ui::locale;

/// The width of every chart's coordinate space; the SVG scales to its container.
const W: f64 = 600.0;

/// A coordinate as a whole number: whole units are sharp enough at this scale, and integer
/// formatting keeps float printing out of the download.
fn n(v: f64) -> String {
    (v.round() as i64).to_string()
}

fn f(a: Amount) -> f64 {
    a.hundredths() as f64 / 100.0
}

/// A figure with its caption (the chart's title), the SVG and the numbers as a table.
fn figure(id: &str, title: &str, desc: &str, h: f64, svg: Html, legend: Html, table: Html) -> Html {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    html! {
        <figure class="chart" id={id.to_string()} aria-labelledby={title_id.clone()}>
            <figcaption id={title_id.clone()} class="chart__title">{ title.to_string() }</figcaption>
            <p id={desc_id.clone()} class="chart__desc small muted">{ desc.to_string() }</p>
            <svg class="chart__svg" role="img" aria-labelledby={format!("{title_id} {desc_id}")}
                viewBox={format!("0 0 {} {}", n(W), n(h))} preserveAspectRatio="xMinYMin meet">
                { svg }
            </svg>
            { legend }
            <details class="chart__data">
                <summary>{ "Show the numbers" }</summary>
                { table }
            </details>
        </figure>
    }
}

#[derive(PartialEq)]
pub struct YearChartProps {
    pub data: YearStacks,
    /// A stable id (several charts on one page).
    pub id: AttrValue,
}

// The charts are plain functions, not components: they keep no state, and each component type
// costs the first download its own lifecycle code.

/// Credits per year, one horizontal bar per year, stacked by credit type.
pub fn credits_per_year_chart(props: &YearChartProps) -> Html {
    let d = &props.data;
    let title = if d.points {
        "Points per year, by credit type"
    } else {
        "Credits and hours per year, by credit type"
    };
    if d.years.is_empty() {
        return empty(title, "No completed activities in these dates yet.");
    }
    let max = f(d.max_total()).max(0.01);
    // Room for the labels at the larger text size phones get (styles: 22 units there).
    let (label_w, value_w) = (64.0, 100.0);
    let bar_w = W - label_w - value_w;
    let row = 30.0;
    let h = d.years.len() as f64 * row + 4.0;
    let busiest = d
        .years
        .iter()
        .max_by_key(|(_, v)| v.iter().copied().sum::<Amount>())
        .map(|(y, v)| (y, v.iter().copied().sum::<Amount>()));
    let desc = match busiest {
        Some((y, total)) => format!(
            "{} year{} from {} to {}; the most in {} ({}). Each bar adds up every credit type earned that year{}.",
            d.years.len(),
            if d.years.len() == 1 { "" } else { "s" },
            d.years[0].0,
            d.years[d.years.len() - 1].0,
            y,
            locale::amount(total),
            if d.points { "" } else { " (credits and hours; points are charted apart)" }
        ),
        None => String::new(),
    };
    let rows = d.years.iter().enumerate().map(|(i, (year, values))| {
        let y = i as f64 * row + 2.0;
        let mut x = label_w;
        let total: Amount = values.iter().copied().sum();
        let segments = values.iter().enumerate().filter(|(_, v)| v.is_positive()).map(|(j, v)| {
            let w = f(*v) / max * bar_w;
            let seg = html! {
                <rect class={format!("chart__series-{}", j % 6)} x={n(x)} y={n(y + 3.0)}
                    width={n(w.max(1.0))} height="20">
                    <title>{ format!("{year}: {} {}", locale::amount(*v), d.series[j].label) }</title>
                </rect>
            };
            x += w;
            seg
        });
        html! {
            <g>
                <text class="chart__label" x="0" y={n(y + 19.0)}>{ year.to_string() }</text>
                { for segments }
                <text class="chart__value" x={n(x + 6.0)} y={n(y + 19.0)}>{ locale::amount(total) }</text>
            </g>
        }
    });
    let svg = html! {
        <>
            { for rows }
        </>
    };
    let legend = html! {
        <ul class="chart__legend" aria-hidden="true">
            { for d.series.iter().enumerate().map(|(j, s)| html! {
                <li><span class={format!("chart__swatch chart__series-{}", j % 6)}></span>{ format!("{} ({})", s.label, s.unit.short()) }</li>
            }) }
        </ul>
    };
    let table = html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{title}, as a table")}>
            <table>
                <thead><tr>
                    <th scope="col">{ "Year" }</th>
                    { for d.series.iter().map(|s| html! { <th scope="col">{ format!("{} ({})", s.label, s.unit.short()) }</th> }) }
                    <th scope="col">{ "All" }</th>
                </tr></thead>
                <tbody>
                    { for d.years.iter().map(|(y, v)| html! {
                        <tr>
                            <th scope="row">{ y.to_string() }</th>
                            { for v.iter().map(|a| html! { <td class="num">{ locale::amount(*a) }</td> }) }
                            <td class="num">{ locale::amount(v.iter().copied().sum()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    };
    figure(&props.id, title, &desc, h, svg, legend, table)
}

#[derive(PartialEq)]
pub struct BarChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    /// What a row is ("Format", "Topic"), for the table's header.
    pub what: AttrValue,
    /// Label and hours, largest first.
    pub rows: Vec<(String, Amount)>,
    pub empty: AttrValue,
}

/// Hours per format or topic: one labelled bar per row, the label above its bar (long topic names
/// stay readable on a phone).
pub fn bar_chart(props: &BarChartProps) -> Html {
    if props.rows.is_empty() {
        return empty(&props.title, &props.empty);
    }
    let max = props.rows.iter().map(|(_, a)| f(*a)).fold(0.01, f64::max);
    let value_w = 110.0;
    let row = 44.0;
    let h = props.rows.len() as f64 * row;
    let total: Amount = props.rows.iter().map(|(_, a)| *a).sum();
    let desc = format!(
        "{} in all; the most on {} ({} h).",
        locale::unit_amount(Unit::Hour, total),
        props.rows[0].0.to_lowercase(),
        locale::amount(props.rows[0].1)
    );
    let bars = props.rows.iter().enumerate().map(|(i, (label, a))| {
        let y = i as f64 * row;
        let w = (f(*a) / max * (W - value_w)).max(1.0);
        html! {
            <g>
                <text class="chart__label" x="0" y={n(y + 16.0)}>{ label.clone() }</text>
                <rect class="chart__series-0" x="0" y={n(y + 22.0)} width={n(w)} height="14">
                    <title>{ format!("{label}: {} h", locale::amount(*a)) }</title>
                </rect>
                <text class="chart__value" x={n(w + 6.0)} y={n(y + 34.0)}>{ format!("{} h", locale::amount(*a)) }</text>
            </g>
        }
    });
    let svg = html! {
        <>
            { for bars }
        </>
    };
    let table = html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{}, as a table", props.title)}>
            <table>
                <thead><tr><th scope="col">{ props.what.clone() }</th><th scope="col">{ "Hours" }</th></tr></thead>
                <tbody>
                    { for props.rows.iter().map(|(l, a)| html! {
                        <tr><th scope="row">{ l.clone() }</th><td class="num">{ locale::amount(*a) }</td></tr>
                    }) }
                </tbody>
            </table>
        </div>
    };
    figure(&props.id, &props.title, &desc, h, svg, html! {}, table)
}

#[derive(PartialEq)]
pub struct PaceChartProps {
    pub pace: Pace,
}

/// A credential's running total across its cycle, the even pace to the requirement, today and
/// the deadline.
pub fn pace_chart(props: &PaceChartProps) -> Html {
    let p = &props.pace;
    let (l, r, t, b) = (8.0, 8.0, 22.0, 34.0);
    let h = 220.0;
    let (x0, x1) = (p.start, p.deadline.max(p.start + chrono::Duration::days(1)));
    let span = (x1 - x0).num_days() as f64;
    let x = |d: NaiveDate| l + ((d - x0).num_days() as f64 / span).clamp(0.0, 1.0) * (W - l - r);
    let last = p.steps.last().map_or(p.carried_over, |s| s.1);
    let top = f(p.required.max(last)) * 1.12;
    let top = if top <= 0.0 { 1.0 } else { top };
    let y = |a: f64| t + (1.0 - a / top) * (h - t - b);
    // The running total as steps: flat until an activity, then up.
    let mut path = format!("M{},{}", n(x(x0)), n(y(f(p.carried_over))));
    let mut prev = f(p.carried_over);
    for (d, a) in p.steps.iter().filter(|(d, _)| *d <= x1) {
        let xd = x(*d);
        path.push_str(&format!(
            " L{0},{1} L{0},{2}",
            n(xd),
            n(y(prev)),
            n(y(f(*a)))
        ));
        prev = f(*a);
    }
    let end_x = x(p.today.clamp(x0, x1));
    path.push_str(&format!(" L{},{}", n(end_x), n(y(prev))));
    let today_in = p.today >= x0 && p.today <= x1;
    let unit = |a: Amount| locale::unit_amount(p.unit, a);
    let desc = crate::domain::text::pace::pace_sentence(p, &unit, &locale::date);
    let svg = html! {
        <>
            <line class="chart__axis" x1={n(l)} x2={n(W - r)} y1={n(y(0.0))} y2={n(y(0.0))} />
            <line class="chart__goal" x1={n(l)} x2={n(W - r)} y1={n(y(f(p.required)))} y2={n(y(f(p.required)))} />
            <text class="chart__label" x={n(l)} y={n(y(f(p.required)) - 5.0)}>{ format!("Required: {}", unit(p.required)) }</text>
            <line class="chart__pace" x1={n(x(x0))} y1={n(y(0.0))} x2={n(x(x1))} y2={n(y(f(p.required)))}>
                <title>{ "Even pace" }</title>
            </line>
            <path class="chart__line" d={path}><title>{ "Counted" }</title></path>
            if today_in {
                <line class="chart__today" x1={n(end_x)} x2={n(end_x)} y1={n(t)} y2={n(y(0.0))} />
                <text class="chart__label" text-anchor={if end_x > W * 0.8 { "end" } else { "start" }}
                    x={n(if end_x > W * 0.8 { end_x - 4.0 } else { end_x + 4.0 })} y={n(t + 10.0)}>{ "Today" }</text>
            }
            <text class="chart__label" x={n(l)} y={n(h - 12.0)}>{ locale::date(x0) }</text>
            <text class="chart__label" text-anchor="end" x={n(W - r)} y={n(h - 12.0)}>{ format!("Due {}", locale::date(p.deadline)) }</text>
        </>
    };
    let legend = html! {
        <ul class="chart__legend" aria-hidden="true">
            <li><span class="chart__key chart__key--line"></span>{ "Counted" }</li>
            <li><span class="chart__key chart__key--pace"></span>{ "Even pace" }</li>
            <li><span class="chart__key chart__key--goal"></span>{ "Required" }</li>
        </ul>
    };
    let table = html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Progress across the cycle, as a table">
            <table>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Counted" }</th><th scope="col">{ "Even pace" }</th></tr></thead>
                <tbody>
                    <tr><th scope="row">{ locale::date(x0) }</th><td class="num">{ locale::amount(p.carried_over) }</td><td class="num">{ "0" }</td></tr>
                    { for p.steps.iter().map(|(d, a)| html! {
                        <tr><th scope="row">{ locale::date(*d) }</th><td class="num">{ locale::amount(*a) }</td><td class="num">{ locale::amount(p.expected_on(*d)) }</td></tr>
                    }) }
                    <tr><th scope="row">{ format!("{} (due)", locale::date(p.deadline)) }</th><td class="num">{ "" }</td><td class="num">{ locale::amount(p.required) }</td></tr>
                </tbody>
            </table>
        </div>
    };
    figure(
        "pace-chart",
        &format!("Progress across the cycle: {}", p.label),
        &desc,
        h,
        svg,
        legend,
        table,
    )
}

fn empty(title: &str, message: &str) -> Html {
    html! {
        <figure class="chart chart--empty">
            <figcaption class="chart__title">{ title.to_string() }</figcaption>
            <p class="muted">{ message.to_string() }</p>
        </figure>
    }
}
