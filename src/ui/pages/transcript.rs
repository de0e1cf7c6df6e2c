//! The transcript: every completed activity in a date range, grouped by year and credit type, with
//! totals per unit, and charts of the same range (credits per year by type, hours per format and
//! per topic). Prints as a document, like the audit report.

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::domain::draft::FieldError;
use crate::domain::engine::charts::credits_per_year;
use crate::domain::engine::totals::totals;
use crate::domain::formats::report::{parse_range, transcript, RangeEnd};
use crate::domain::model::credits::Amount;
use crate::domain::model::vocab;
use crate::ui::components::charts::{
    bar_chart, credits_per_year_chart, BarChartProps, YearChartProps,
};
use crate::ui::components::field_error::{described, error_html, invalid};
use crate::ui::components::holder_name::HolderNameField;
use crate::ui::components::inputs::input_value;
use crate::ui::components::print::print_button;
use crate::ui::locale;
use crate::ui::state::use_app;

/// Topics shown as bars; the table under the chart lists them all.
const TOPIC_BARS: usize = 10;
/// A year with more lines than this starts folded (its totals still show), so a long career
/// does not render tens of thousands of rows at once; one click lists it.
const FOLD_LINES: usize = 300;

#[function_component(TranscriptPage)]
pub fn transcript_page() -> Html {
    let app = use_app();
    let today = locale::today();
    let three_years = NaiveDate::from_ymd_opt(today.year() - 2, 1, 1).unwrap_or(today);
    // The range shown, and the fields as typed (a bad date keeps the last good range).
    let range = use_state(|| (three_years, today));
    let typed = use_state(|| (three_years.to_string(), today.to_string()));
    let unfolded = use_state(std::collections::BTreeSet::<i32>::new);
    let (from, to) = *range;
    // Three passes over every activity: once per change of the records or the dates, not on
    // every render (unfolding a year, typing the name).
    let figures = {
        let data = app.data.clone();
        use_memo((app.revision, from, to), move |_| {
            (
                transcript(data.settings.holder(), &data.activities, from, to),
                credits_per_year(&data.activities, from, to),
                totals(&data.activities, Some(from), Some(to), false),
            )
        })
    };
    let (t, years, sums) = &*figures;
    let first = app.data.activities.iter().map(|a| a.end).min();
    html! {
        <article class="report transcript" aria-labelledby="transcript-title">
            <div class="page-head">
                <h1 id="transcript-title">{ "Transcript" }</h1>
                <div class="actions">
                    { print_button() }
                </div>
            </div>
            <HolderNameField />
            { range_fields(&range, &typed, today, three_years, first) }
            { summary(t, from, to, years, sums) }
            if t.years.is_empty() {
                <p class="muted">{ "No completed activities in these dates." }</p>
            }
            { for t.years.iter().map(|y| year(y, &unfolded)) }
            <p class="small muted report-footer">
                { format!("Prepared by the clinician with CME Tracker on {}.", locale::date(today)) }
            </p>
        </article>
    }
}

/// "1 credit · 12 hours".
fn total_text(totals: &[(vocab::Unit, Amount)]) -> String {
    totals
        .iter()
        .map(|(u, a)| locale::unit_amount(*u, *a))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The dates of the transcript, typed or chosen from the quick ranges.
fn range_fields(
    range: &UseStateHandle<(NaiveDate, NaiveDate)>,
    typed: &UseStateHandle<(String, String)>,
    today: NaiveDate,
    three_years: NaiveDate,
    first: Option<NaiveDate>,
) -> Html {
    // The message follows the fields as typed.
    let errors: Vec<FieldError<RangeEnd>> =
        parse_range(&typed.0, &typed.1).err().into_iter().collect();
    let set_range = {
        let (range, typed) = (range.clone(), typed.clone());
        Callback::from(move |(from, to): (String, String)| {
            if let Ok(r) = parse_range(&from, &to) {
                range.set(r);
            }
            typed.set((from, to));
        })
    };
    // A change of either field: the other end as typed.
    let on_date = |end: RangeEnd| {
        let (set_range, typed) = (set_range.clone(), typed.clone());
        Callback::from(move |e: Event| {
            let v = input_value(&e);
            set_range.emit(match end {
                RangeEnd::From => (v, typed.1.clone()),
                RangeEnd::To => (typed.0.clone(), v),
            });
        })
    };
    let (on_from, on_to) = (on_date(RangeEnd::From), on_date(RangeEnd::To));
    let quick = |label: &'static str, from: NaiveDate| {
        let set_range = set_range.clone();
        let to = today.to_string();
        html! {
            <button type="button" class="btn btn--small"
                onclick={Callback::from(move |_| set_range.emit((from.to_string(), to.clone())))}>{ label }</button>
        }
    };
    html! {
            <section class="card no-print transcript__range" aria-label="Dates of the transcript">
                <div class="transcript__fields">
                    <div class="field">
                        <label for="tr-from">{ "From" }</label>
                        <input id="tr-from" type="date" value={typed.0.clone()} onchange={on_from}
                            aria-invalid={invalid(&errors, RangeEnd::From)}
                            aria-describedby={described(&errors, RangeEnd::From, "tr-from")} />
                        { error_html(&errors, RangeEnd::From, "tr-from") }
                    </div>
                    <div class="field">
                        <label for="tr-to">{ "To" }</label>
                        <input id="tr-to" type="date" value={typed.1.clone()} onchange={on_to}
                            aria-invalid={invalid(&errors, RangeEnd::To)}
                            aria-describedby={described(&errors, RangeEnd::To, "tr-to")} />
                        { error_html(&errors, RangeEnd::To, "tr-to") }
                    </div>
                </div>
                <div class="transcript__quick">
                    { quick("This year", NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today)) }
                    { quick("Last 3 years", three_years) }
                    if let Some(first) = first { { quick("Everything", first.min(today)) } }
                </div>
            </section>
    }
}

/// Who and when, the totals, and the charts of the range.
fn summary(
    t: &crate::domain::formats::report::Transcript,
    from: NaiveDate,
    to: NaiveDate,
    years: &[crate::domain::engine::charts::YearStacks],
    sums: &crate::domain::engine::totals::Totals,
) -> Html {
    let mut formats: Vec<(String, Amount)> = sums
        .by_format
        .iter()
        .map(|(f, a)| (f.label().to_string(), *a))
        .collect();
    crate::domain::model::sort::sort_by_key(&mut formats, |x| std::cmp::Reverse(x.1));
    let mut topics: Vec<(String, Amount)> = sums
        .by_topic
        .iter()
        .map(|(t, a)| (vocab::topic_label(t), *a))
        .collect();
    crate::domain::model::sort::sort_by(&mut topics, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    let topic_bars: Vec<_> = topics.iter().take(TOPIC_BARS).cloned().collect();
    html! {
        <>
            <section class="card">
                <dl class="details">
                    if let Some(n) = &t.holder { <dt>{ "Prepared for" }</dt><dd>{ n.clone() }</dd> }
                    <dt>{ "Dates" }</dt><dd>{ format!("{} – {}", locale::date(from), locale::date(to)) }</dd>
                    <dt>{ "Completed activities" }</dt><dd data-testid="transcript-count">{ t.activities.to_string() }</dd>
                    if !t.totals.is_empty() { <dt>{ "Total" }</dt><dd data-testid="transcript-total">{ total_text(&t.totals) }</dd> }
                </dl>
                <p class="small muted">{ "Totals count each activity once per unit: an activity designated for two kinds of credit counts its larger designation. CEUs count as their hours." }</p>
            </section>
            <section class="charts" aria-label="Charts">
                if years.is_empty() {
                    { credits_per_year_chart(&YearChartProps { id: "chart-years".into(), data: Default::default() }) }
                }
                { for years.iter().map(|y| credits_per_year_chart(&YearChartProps {
                    id: if y.points { "chart-points" } else { "chart-years" }.into(),
                    data: y.clone(),
                })) }
                { bar_chart(&BarChartProps {
                    id: "chart-formats".into(),
                    title: "Hours per format".into(),
                    what: "Format".into(),
                    rows: formats,
                    empty: "No completed activities in these dates yet.".into(),
                }) }
                { bar_chart(&BarChartProps {
                    id: "chart-topics".into(),
                    title: if topics.len() > TOPIC_BARS { format!("Hours per topic (the {TOPIC_BARS} largest of {})", topics.len()).into() } else { "Hours per topic".into() },
                    what: "Topic".into(),
                    rows: topic_bars,
                    empty: "No completed activity in these dates has a topic ticked.".into(),
                }) }
            </section>
        </>
    }
}

/// One year: its activities by credit type, folded when long.
fn year(
    y: &crate::domain::formats::report::TranscriptYear,
    unfolded: &UseStateHandle<std::collections::BTreeSet<i32>>,
) -> Html {
    let lines: usize = y.types.iter().map(|ty| ty.lines.len()).sum();
    let folded = lines > FOLD_LINES && !unfolded.contains(&y.year);
    let unfold = {
        let unfolded = unfolded.clone();
        let year = y.year;
        Callback::from(move |_: MouseEvent| {
            let mut set = (*unfolded).clone();
            set.insert(year);
            unfolded.set(set);
        })
    };
    html! {
        <section class="transcript-year" aria-labelledby={format!("year-{}", y.year)}>
            <h2 id={format!("year-{}", y.year)}>{ y.year.to_string() }
                <span class="muted small">{ format!(" — {} activit{}; {}", y.activities, if y.activities == 1 { "y" } else { "ies" }, total_text(&y.totals)) }</span>
            </h2>
            if folded {
                <ul class="plain-list">
                    { for y.types.iter().map(|ty| html! {
                        <li>{ format!("{}: {}", ty.label, locale::unit_amount(ty.unit, ty.total)) }</li>
                    }) }
                </ul>
                <button type="button" class="btn" onclick={unfold}>{ format!("List the {} activities of {}", y.activities, y.year) }</button>
            }
            { for y.types.iter().filter(|_| !folded).map(|ty| html! {
                <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{} in {}", ty.label, y.year)}>
                    <table class="table--stack transcript-table">
                        <caption>{ format!("{} — {}", ty.label, locale::unit_amount(ty.unit, ty.total)) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Activity" }</th><th scope="col">{ "Provider" }</th><th scope="col">{ "Dates" }</th>
                            <th scope="col" class="num">{ match ty.unit { vocab::Unit::Credit => "Credits", vocab::Unit::Point => "Points", vocab::Unit::Hour => "Hours", vocab::Unit::Ceu => "CEUs", vocab::Unit::RenewalUnit => "Units" } }</th>
                            <th scope="col">{ "Certificate" }</th>
                        </tr></thead>
                        <tbody>
                            { for ty.lines.iter().map(|l| html! {
                                <tr>
                                    <th scope="row">{ l.title.clone() }</th>
                                    <td data-label="Provider">{ l.provider.clone() }</td>
                                    <td data-label="Dates">{ locale::date_range(l.start, l.end) }</td>
                                    <td data-label="Amount" class="num">{ locale::amount(l.amount) }</td>
                                    <td data-label="Certificate">{ if l.certificate_on_file { "On file" } else { "Not on file" } }</td>
                                </tr>
                            }) }
                        </tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="3">{ "Total" }</th>
                            <td class="num" data-label="Total">{ locale::amount(ty.total) }</td><td></td>
                        </tr></tfoot>
                    </table>
                </div>
            }) }
        </section>
    }
}
