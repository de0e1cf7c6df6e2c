//! Plain-language sentences for rules, their status and plan items.
//!
//! Dates are formatted by the caller (the UI uses the browser's locale), so sentences take a
//! date formatter.

use chrono::NaiveDate;

use crate::domain::engine::evaluate::{Detail, Measure, RuleEvaluation, RuleStatus};
use crate::domain::model::activity::Format;
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::rule::{Accepts, Recurrence, Rule, RuleKind};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::{self, Unit};

mod evaluation;
mod plan;
pub use evaluation::{counts_summary, detail_text, figures_line, reason_text};
pub use plan::{
    pathway_advice_sentence, plan_covers, plan_goal_title, plan_sentence, to_earn_text,
};

/// When an activity took place: its one day, or its first and last ("2 Jun 2025 – 4 Jun 2025"),
/// in the caller's date format. Lists and reports show this, not only the day credit was earned.
pub fn date_range(
    start: NaiveDate,
    end: NaiveDate,
    fmt_date: &dyn Fn(NaiveDate) -> String,
) -> String {
    if start == end {
        fmt_date(end)
    } else {
        format!("{} – {}", fmt_date(start), fmt_date(end))
    }
}

fn or_list(items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        _ => {
            let (last, rest) = items.split_last().expect("two or more");
            format!("{} or {last}", rest.join(", "))
        }
    }
}

fn and_list(items: Vec<String>) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        _ => {
            let (last, rest) = items.split_last().expect("two or more");
            format!("{} and {last}", rest.join(", "))
        }
    }
}

fn topics_text(topics: &[TopicId]) -> String {
    or_list(
        topics
            .iter()
            .map(|t| in_sentence(&vocab::topic_label(t)))
            .collect(),
    )
}

/// A label as it reads inside a sentence: its first letter in lower case, unless the first
/// word is an acronym ("HIV/AIDS", "PTSD") that keeps its capitals.
pub fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return String::new();
    };
    if second.is_some_and(|c| c.is_uppercase() || c == '/') {
        return label.to_string();
    }
    first.to_lowercase().chain(label.chars().skip(1)).collect()
}

/// A holder condition, said to the holder: "you hold a DEA registration", "your first renewal
/// qualifies…" (the labels are the holder's own words: "I hold…").
pub fn condition_phrase(code: &str) -> String {
    let label = vocab::condition_label(code);
    let mut s = format!(" {label}");
    for (from, to) in [
        (" I am ", " you are "),
        (" I have ", " you have "),
        (" I ", " you "),
        (" My ", " your "),
        (" my ", " your "),
        (" me ", " you "),
    ] {
        s = s.replace(from, to);
    }
    if let Some(stripped) = s.strip_suffix(" me") {
        s = format!("{stripped} you");
    }
    in_sentence(s.trim_start())
}

fn types_text(types: &[CreditTypeId]) -> String {
    or_list(types.iter().map(vocab::credit_type_label).collect())
}

fn accepts_suffix(a: &Accepts) -> String {
    if a.is_any() {
        String::new()
    } else {
        format!(", {}", types_text(&a.credit_types))
    }
}

fn formats_text(formats: &[Format]) -> String {
    or_list(formats.iter().map(|f| in_sentence(f.label())).collect())
}

pub fn recurrence_text(r: &Recurrence) -> String {
    match *r {
        Recurrence::EveryCycle => "every cycle".into(),
        Recurrence::EveryNCycles { n } if n <= 1 => "every cycle".into(),
        Recurrence::EveryNCycles { n } => format!("once every {n} cycles"),
        Recurrence::EveryNMonths { months } if months % 12 == 0 => {
            format!("once every {} years", months / 12)
        }
        Recurrence::EveryNMonths { months } => format!("once every {months} months"),
        Recurrence::OnceEver => "once in a career".into(),
        Recurrence::FirstCycles { n } if n <= 1 => "at the first renewal only".into(),
        Recurrence::FirstCycles { n } => format!("in each of the first {n} renewals"),
        Recurrence::OnceWithinFirstCycles { n } if n <= 1 => "once, by the first renewal".into(),
        Recurrence::OnceWithinFirstCycles { n } => format!("once, by the {} renewal", ordinal(n)),
        Recurrence::AfterFirstCycles { after, months } => format!(
            "after the first {}, once every {}",
            if after <= 1 {
                "renewal".to_string()
            } else {
                format!("{after} renewals")
            },
            if months % 12 == 0 {
                format!("{} years", months / 12)
            } else {
                format!("{months} months")
            }
        ),
    }
}

/// "1 May 2026": a date in a rule's sentence, which has no reader's formatter (written by hand:
/// chrono's formatting machinery would add to the download for this one use).
fn day_month_year(d: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "At least 2 hours of ethics, AMA PRA Category 1 Credit™, every cycle."
pub fn rule_sentence(rule: &Rule) -> String {
    let when = recurrence_text(&rule.recurrence);
    let h = |a: Amount| rule.unit().amount_text(a);
    let mut s = match &rule.kind {
        RuleKind::Total {
            accepts,
            min,
            carry_over,
        } => {
            let mut s = format!(
                "At least {} in total{}, {when}",
                h(*min),
                accepts_suffix(accepts)
            );
            if let Some(co) = carry_over {
                s.push_str(&format!(
                    "; up to {} of excess may carry over from the previous cycle",
                    h(co.max)
                ));
                if !co.include_topic_hours {
                    s.push_str(" (not topic hours)");
                }
            }
            s
        }
        RuleKind::CategoryMin { accepts, min } => format!(
            "At least {} of {}, {when}",
            h(*min),
            if accepts.is_any() {
                "any credit".into()
            } else {
                types_text(&accepts.credit_types)
            }
        ),
        RuleKind::Cap {
            accepts,
            formats,
            topics,
            max,
        } => {
            // "of AMA PRA Category 2 Credit™", "of journal reading", "on practice management".
            let mut of = Vec::new();
            if !accepts.is_any() {
                of.push(types_text(&accepts.credit_types));
            }
            if !formats.is_empty() {
                of.push(formats_text(formats));
            }
            let mut what = if of.is_empty() {
                String::new()
            } else {
                format!(" of {}", of.join(", "))
            };
            if !topics.is_empty() {
                what.push_str(&format!(" on {}", topics_text(topics)));
            }
            if what.is_empty() {
                what = " of credit".into();
            }
            format!("At most {}{what} counts toward the total, {when}", h(*max))
        }
        RuleKind::TopicMin {
            topics,
            accepts,
            min,
        } => format!(
            "At least {} of {}{}, {when}",
            h(*min),
            topics_text(topics),
            accepts_suffix(accepts)
        ),
        RuleKind::Completion { topics, accepts } => format!(
            "Complete an activity on {}{}, {when}",
            topics_text(topics),
            accepts_suffix(accepts)
        ),
        RuleKind::PerYear {
            accepts,
            topics,
            min_per_year,
        } => {
            let on = if topics.is_empty() {
                String::new()
            } else {
                format!(" of {}", topics_text(topics))
            };
            format!(
                "At least {}{on}{} in every year of the cycle",
                h(*min_per_year),
                accepts_suffix(accepts)
            )
        }
    };
    match (rule.effective_from, rule.effective_until) {
        (Some(f), Some(u)) => s.push_str(&format!(
            " (in force {} to {})",
            day_month_year(f),
            day_month_year(u)
        )),
        (Some(f), None) => s.push_str(&format!(" (for renewals due from {})", day_month_year(f))),
        (None, Some(u)) => s.push_str(&format!(" (until {})", day_month_year(u))),
        (None, None) => {}
    }
    if !rule.excludes_topics.is_empty() {
        s.push_str(&format!(
            "; hours on {} do not count",
            topics_text(&rule.excludes_topics)
        ));
    }
    if !rule.counts_toward_total {
        s.push_str(", in addition to the total");
    }
    if !rule.applies_if.is_always() {
        let text = if rule.applies_if.text.is_empty() {
            conditions_text(&rule.applies_if)
        } else {
            rule.applies_if.text.clone()
        };
        if text.starts_with("unless ") {
            s.push_str(&format!(" — {text}"));
        } else {
            s.push_str(&format!(" — only if {text}"));
        }
    }
    s.push('.');
    s
}

/// The short unit of what a rule asks for ("Category 1", "ethics"), for progress lines.
fn need_text(rule: &Rule) -> String {
    match &rule.kind {
        RuleKind::TopicMin {
            topics, accepts, ..
        } => {
            let mut s = topics_text(topics);
            if !accepts.is_any() {
                s.push_str(&format!(" ({})", short_types(&accepts.credit_types)));
            }
            s
        }
        RuleKind::PerYear {
            topics, accepts, ..
        } if !topics.is_empty() || !accepts.is_any() => {
            if topics.is_empty() {
                short_types(&accepts.credit_types)
            } else {
                topics_text(topics)
            }
        }
        RuleKind::CategoryMin { accepts, .. } | RuleKind::Total { accepts, .. }
            if !accepts.is_any() =>
        {
            short_types(&accepts.credit_types)
        }
        _ => String::new(),
    }
}

fn short_types(types: &[CreditTypeId]) -> String {
    or_list(
        types
            .iter()
            .map(|t| {
                vocab::credit_type(t)
                    .map_or_else(|| vocab::credit_type_label(t), |i| i.short.to_string())
            })
            .collect(),
    )
}

/// "2 hours of ethics (AMA Cat 1) still needed by 31 Jan 2027" and its siblings for other statuses.
pub fn status_sentence(
    rule: &Rule,
    re: &RuleEvaluation,
    fmt_date: &dyn Fn(NaiveDate) -> String,
    fmt_amount: &dyn Fn(Amount) -> String,
) -> String {
    let by = fmt_date(re.deadline);
    // Figures as the progress labels beside them write them (the reader's locale: "4,399.4").
    let h = |a: Amount| re.unit.amount_with(a, &fmt_amount(a));
    let what = need_text(rule);
    let of = if what.is_empty() {
        String::new()
    } else {
        format!(" of {what}")
    };
    match re.status {
        RuleStatus::NotYetInForce => format!(
            "{} of {}{of}. {}",
            h(re.counted),
            h(re.required),
            re.detail
                .as_ref()
                .map(|d| detail_text(d, fmt_date))
                .unwrap_or_default()
        ),
        RuleStatus::NotApplicable | RuleStatus::Exempt | RuleStatus::DeemedMet => {
            let detail = re
                .detail
                .as_ref()
                .map(|d| detail_text(d, fmt_date))
                .unwrap_or_default();
            format!("{}: {}", re.status.label(), detail)
        }
        _ if re.measure == Measure::CapHours => {
            let over: Amount = re
                .exclusions
                .iter()
                .filter_map(|e| match &e.reason {
                    crate::domain::engine::evaluate::Reason::OverCap { excess, .. } => {
                        Some(*excess)
                    }
                    _ => None,
                })
                .sum();
            if over.is_positive() {
                format!(
                    "{} of at most {} used; {} over the limit did not count.",
                    h(re.counted),
                    h(re.required),
                    h(over)
                )
            } else {
                format!("{} of at most {} used.", h(re.counted), h(re.required))
            }
        }
        _ if re.measure == Measure::Activities => match re.status {
            RuleStatus::Met => "Done.".into(),
            RuleStatus::MetWithPlanned => format!("Planned; complete it by {by}."),
            _ => format!("Complete one activity on {} by {by}.", topics_of(rule)),
        },
        RuleStatus::Met => format!(
            "Met: {} counted of {} required.",
            h(re.counted),
            h(re.required)
        ),
        RuleStatus::MetWithPlanned => format!(
            "{}{of} still needed by {by}; your planned activities cover it.",
            h(re.remaining)
        ),
        RuleStatus::NotMet if !re.years.is_empty() => {
            per_year_text(re, &what, fmt_date, fmt_amount)
        }
        RuleStatus::NotMet => format!("{}{of} still needed by {by}.", h(re.remaining)),
    }
}

/// A per-year rule that is short: each short year by its dates, its figure, and whether it can
/// still be made up (a year that has ended cannot: a surplus later does not count for it).
fn per_year_text(
    re: &RuleEvaluation,
    what: &str,
    fmt_date: &dyn Fn(NaiveDate) -> String,
    fmt_amount: &dyn Fn(Amount) -> String,
) -> String {
    let h = |a: Amount| re.unit.amount_with(a, &fmt_amount(a));
    let of = if what.is_empty() {
        String::new()
    } else {
        format!(" of {what}")
    };
    re.years
        .iter()
        .filter(|y| y.counted < y.required)
        .map(|y| {
            let span = format!("{} – {}", fmt_date(y.from), fmt_date(y.to));
            let short = y.required.saturating_sub(y.counted);
            if y.ended {
                format!(
                    "Year {span}: {} of {} — that year has ended; the missing {} cannot be made up later.",
                    fmt_amount(y.counted),
                    h(y.required),
                    h(short)
                )
            } else {
                format!(
                    "Year {span}: {} of {} — {}{of} still needed by {}.",
                    fmt_amount(y.counted),
                    h(y.required),
                    h(short),
                    fmt_date(y.to)
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn topics_of(rule: &Rule) -> String {
    match &rule.kind {
        RuleKind::Completion { topics, .. } => topics_text(topics),
        _ => String::new(),
    }
}

/// A date as people say it relative to today: "in 9 months (31 Aug 2027)", "in 12 days (…)",
/// "tomorrow (…)", "today (…)", "3 weeks ago (…)" — not "274 days left".
pub fn time_until(
    today: NaiveDate,
    date: NaiveDate,
    fmt_date: &dyn Fn(NaiveDate) -> String,
) -> String {
    use chrono::Months;
    let when = fmt_date(date);
    let days = (date - today).num_days();
    let (earlier, later) = if days >= 0 {
        (today, date)
    } else {
        (date, today)
    };
    // Whole months between, counting a month only once its day is reached.
    let mut months = 0u32;
    while months < 1200
        && earlier
            .checked_add_months(Months::new(months + 1))
            .is_some_and(|d| d <= later)
    {
        months += 1;
    }
    let span = match days.unsigned_abs() {
        0 => return format!("today ({when})"),
        1 if days > 0 => return format!("tomorrow ({when})"),
        1 => return format!("yesterday ({when})"),
        d if d < 14 => format!("{d} days"),
        d if months < 2 => format!("{} weeks", d / 7),
        _ if months < 24 => format!("{months} months"),
        _ if months.is_multiple_of(12) => format!("{} years", months / 12),
        _ => format!(
            "{} year{} and {} month{}",
            months / 12,
            if months / 12 == 1 { "" } else { "s" },
            months % 12,
            if months % 12 == 1 { "" } else { "s" }
        ),
    };
    if days > 0 {
        format!("in {span} ({when})")
    } else {
        format!("{span} ago ({when})")
    }
}

/// "12 hours and 20 points": one figure per unit, never added together.
pub fn totals_text(totals: &[(Unit, Amount)], number: &dyn Fn(Amount) -> String) -> String {
    and_list(
        totals
            .iter()
            .filter(|(_, a)| a.is_positive())
            .map(|(u, a)| u.amount_with(*a, &number(*a)))
            .collect(),
    )
}

#[cfg(test)]
mod tests;

/// The holder conditions of a rule in words, said to the holder: every one of `all` ("and"),
/// one of `any` ("or"), none of `none` ("unless …"): "you prescribe opioids, unless you are a
/// pathologist or radiologist". The one wording, for the rule's sentence and for why it does not
/// apply.
pub fn conditions_text(a: &crate::domain::model::rule::AppliesIf) -> String {
    let phrases = |codes: &[String], joint: &str| {
        codes
            .iter()
            .map(|c| condition_phrase(c))
            .collect::<Vec<_>>()
            .join(joint)
    };
    let mut positive = Vec::new();
    if !a.all.is_empty() {
        positive.push(phrases(&a.all, " and "));
    }
    if !a.any.is_empty() {
        positive.push(phrases(&a.any, " or "));
    }
    let positive = positive.join(", and ");
    let unless = if a.none.is_empty() {
        String::new()
    } else {
        format!("unless {}", phrases(&a.none, " or "))
    };
    match (positive.is_empty(), unless.is_empty()) {
        (_, true) => positive,
        (true, false) => unless,
        (false, false) => format!("{positive}, {unless}"),
    }
}

#[cfg(test)]
mod counts_summary_tests;

#[cfg(test)]
mod time_tests;

#[cfg(test)]
mod condition_tests;

/// "first", "second", "third", else "4th".
pub fn ordinal(n: u32) -> String {
    match n {
        0 | 1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("{n}th"),
    }
}
