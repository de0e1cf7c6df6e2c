//! Sentences about one rule's evaluation: why its status is what it is, why an activity counts
//! or not, how many activities count, and its figures on a document.

use super::*;

/// Why a rule's status is what it is, beyond its numbers, with dates as people write them.
pub fn detail_text(
    detail: &crate::domain::engine::evaluate::Detail,
    fmt_date: &dyn Fn(chrono::NaiveDate) -> String,
) -> String {
    use crate::domain::engine::evaluate::Detail;
    match detail {
        Detail::ConditionsNotMet { applies_if } => {
            if applies_if.text.is_empty() {
                let text = conditions_text(applies_if);
                if text.starts_with("unless ") {
                    format!("Applies {text}.")
                } else {
                    format!("Applies only if {text}.")
                }
            } else {
                let text = applies_if.text.trim_end_matches('.');
                format!("Applies only if: {text}.")
            }
        }
        Detail::OnlyFirstRenewals { n: 1 } => "Required only for the first renewal.".into(),
        Detail::OnlyFirstRenewals { n } => format!("Required only in the first {n} renewals."),
        Detail::DueByRenewal { n } => format!(
            "A one-time requirement due by the {} renewal; no completion is on record. Not asked again — if you did it, record when on this page.",
            ordinal(*n)
        ),
        Detail::InForceFrom { date } => format!(
            "From {}: needed for this renewal, not missing before then.",
            fmt_date(*date)
        ),
        Detail::FromRenewal { n } => format!("Required from renewal {n} on."),
        Detail::StartsOn { date } => format!(
            "From {}: required for renewals due on or after that date.",
            fmt_date(*date)
        ),
        Detail::EndedOn { date } => format!("No longer required after {}.", fmt_date(*date)),
        Detail::Recorded { reason, date } => format!("{reason} (recorded {})", fmt_date(*date)),
        Detail::SatisfiedBy { condition } => {
            format!("Satisfied because: {}", vocab::condition_label(condition))
        }
        Detail::OnTop {
            hours,
            labels,
            unit,
        } => format!(
            "Includes {} required on top of the total ({}).",
            unit.amount_text(*hours),
            labels.join(", ")
        ),
    }
}

/// Why an activity does not count (or not fully) toward a rule, with dates as people write them.
/// Amounts are in `unit`, the rule's.
pub fn reason_text(
    reason: &crate::domain::engine::evaluate::Reason,
    unit: Unit,
    fmt_date: &dyn Fn(chrono::NaiveDate) -> String,
) -> String {
    use crate::domain::engine::evaluate::Reason;
    match reason {
        Reason::OutsideWindow { from, to } => format!(
            "Completed outside the counted period ({} to {}).",
            fmt_date(*from),
            fmt_date(*to)
        ),
        Reason::CreditTypeNotAccepted => "Its credit type is not accepted here.".into(),
        Reason::OtherUnit { unit: has } => format!(
            "It carries only {}, which are not hours; this requirement counts {}.",
            has.plural(),
            unit.plural()
        ),
        Reason::TopicMissing { needed, had } => {
            if had.is_empty() {
                format!(
                    "Needs {}; this activity has no topic ticked.",
                    topics_text(needed)
                )
            } else {
                format!(
                    "Needs {}; this activity is on {}.",
                    topics_text(needed),
                    and_list(
                        had.iter()
                            .map(|t| in_sentence(&vocab::topic_label(t)))
                            .collect()
                    )
                )
            }
        }
        Reason::TopicHoursOnly { hours } => {
            format!("Only its {} on the topic count.", unit.amount_text(*hours))
        }
        Reason::TopicExcluded { topics } if topics.is_empty() => {
            "Its hours are on topics that do not count here.".into()
        }
        Reason::TopicExcluded { topics } => {
            format!("Hours on {} do not count here.", topics_text(topics))
        }
        Reason::NotCovered => "This limit does not apply to it.".into(),
        Reason::OverCap { cap, excess } => format!(
            "{} did not count: the “{cap}” limit was reached.",
            unit.amount_text(*excess)
        ),
        Reason::Planned => "Planned, not yet completed (counts only in what-if).".into(),
        Reason::NotApplicable => "The requirement does not apply.".into(),
        Reason::Exempt => "The requirement is exempt or deemed met.".into(),
    }
}

/// On an activity's page, one line per credential: which of its requirements the activity counts
/// toward and for how much, e.g. "Counts toward 2 of 5 requirements: Total (1 h), Category 1 (1 h)."
/// `rows` are one credential's, as [`crate::domain::engine::evaluate::counts_toward`] lists them.
pub fn counts_summary(
    rows: &[crate::domain::engine::evaluate::CountsToward],
    fmt_amount: &dyn Fn(Amount) -> String,
) -> String {
    let counted: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            r.amount
                .map(|a| format!("{} ({} {})", r.rule_label, fmt_amount(a), r.unit.abbrev()))
        })
        .collect();
    let all = rows.len();
    match counted.len() {
        _ if all == 0 => "No requirements entered yet.".into(),
        0 if all == 1 => "Does not count toward its requirement.".into(),
        0 => format!("Does not count toward any of its {all} requirements."),
        1 if all == 1 => format!("Counts toward its requirement: {}.", counted[0]),
        k if k == all => format!(
            "Counts toward all {all} requirements: {}.",
            counted.join(", ")
        ),
        // Here 0 < k < all, so there are at least two requirements.
        k => format!(
            "Counts toward {k} of {all} requirements: {}.",
            counted.join(", ")
        ),
    }
}

/// The figures of a requirement on a document, as its kind and status mean them: "Required 48
/// hours · counted 2 hours · remaining 46 hours", "At most 24 hours; 6 hours counted under
/// it", "Done" for a completion, and no figures at all for a rule that asks for nothing now
/// (its reason instead).
pub fn figures_line(
    status: RuleStatus,
    measure: Measure,
    unit: Unit,
    [required, counted, remaining]: [Amount; 3],
    detail: Option<&Detail>,
    fmt: (&dyn Fn(Amount) -> String, &dyn Fn(NaiveDate) -> String),
) -> String {
    let (fmt_amount, fmt_date) = fmt;
    let h = |a: Amount| unit.amount_with(a, &fmt_amount(a));
    let why = detail.map(|d| detail_text(d, fmt_date)).unwrap_or_default();
    match status {
        RuleStatus::NotApplicable | RuleStatus::Exempt | RuleStatus::DeemedMet => {
            format!("{}: {why}", status.label())
        }
        _ if measure == Measure::CapHours => {
            format!("At most {}; {} counted under it.", h(required), h(counted))
        }
        _ if measure == Measure::Activities => {
            if remaining.is_zero() {
                "Done.".into()
            } else {
                "Not done yet.".into()
            }
        }
        RuleStatus::NotYetInForce => format!(
            "Required {} · counted {} · remaining {}. {why}",
            h(required),
            h(counted),
            h(remaining)
        ),
        _ => format!(
            "Required {} · counted {} · remaining {}",
            h(required),
            h(counted),
            h(remaining)
        ),
    }
}
