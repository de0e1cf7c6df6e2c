//! The contract of a rule: amounts, recurrences, credit types and topics it names, conditions.

use super::*;

pub(super) fn check_amount(c: &mut Checker, field: &str, a: Amount, zero_ok: bool) {
    let low_ok = if zero_ok {
        a.hundredths() >= 0
    } else {
        a.is_positive()
    };
    if !low_ok || a > MAX_RULE_AMOUNT {
        c.push(
            field,
            format!(
                "{} is not an amount {} and at most 1000",
                a.display_short(),
                if zero_ok { "of 0 or more" } else { "above 0" }
            ),
        );
    }
}

/// Checks one rule (`at` is its path inside the credential: "rules[2]").
pub fn check_rule(c: &mut Checker, at: &str, r: &Rule) {
    c.required(&format!("{at}.id"), &r.id, limits::RULE_ID, "the rule id");
    c.required(
        &format!("{at}.label"),
        &r.label,
        limits::RULE_LABEL,
        "the label",
    );
    c.text(&format!("{at}.note"), &r.note, limits::RULE_NOTE);
    if let Some(d) = r.effective_from {
        c.date(&format!("{at}.effective_from"), d);
    }
    if let Some(d) = r.effective_until {
        c.date(&format!("{at}.effective_until"), d);
        if r.effective_from.is_some_and(|f| d < f) {
            c.push(&format!("{at}.effective_until"), "is before effective_from");
        }
    }
    let kind = format!("{at}.kind");
    let accepts = |c: &mut Checker, a: &crate::domain::model::rule::Accepts| {
        for (k, t) in a.credit_types.iter().enumerate() {
            c.credit_type(|| format!("{kind}.accepts.credit_types[{k}]"), t);
        }
    };
    let topics = |c: &mut Checker, ts: &[TopicId], needed: bool| {
        if needed && ts.is_empty() {
            c.push(&format!("{kind}.topics"), "names no topic");
        }
        for (k, t) in ts.iter().enumerate() {
            c.topic(|| format!("{kind}.topics[{k}]"), t);
        }
    };
    match &r.kind {
        RuleKind::Total {
            accepts: a,
            min,
            carry_over,
        } => {
            accepts(c, a);
            check_amount(c, &format!("{kind}.min"), *min, false);
            if let Some(co) = carry_over {
                check_amount(c, &format!("{kind}.carry_over.max"), co.max, true);
            }
        }
        RuleKind::CategoryMin { accepts: a, min } => {
            accepts(c, a);
            if a.credit_types.is_empty() {
                c.push(&format!("{kind}.accepts"), "names no credit type");
            }
            check_amount(c, &format!("{kind}.min"), *min, false);
        }
        RuleKind::Cap {
            accepts: a,
            formats,
            topics: ts,
            max,
        } => {
            accepts(c, a);
            topics(c, ts, false);
            if a.is_any() && formats.is_empty() && ts.is_empty() {
                c.push(
                    &kind,
                    "limits nothing (no credit type, format or topic named)",
                );
            }
            check_amount(c, &format!("{kind}.max"), *max, true);
        }
        RuleKind::TopicMin {
            topics: ts,
            accepts: a,
            min,
        } => {
            accepts(c, a);
            topics(c, ts, true);
            check_amount(c, &format!("{kind}.min"), *min, false);
        }
        RuleKind::Completion {
            topics: ts,
            accepts: a,
        } => {
            accepts(c, a);
            topics(c, ts, true);
        }
        RuleKind::PerYear {
            accepts: a,
            topics: ts,
            min_per_year,
        } => {
            accepts(c, a);
            topics(c, ts, false);
            check_amount(c, &format!("{kind}.min_per_year"), *min_per_year, false);
        }
    }
    let rec = format!("{at}.recurrence");
    let cycles = |c: &mut Checker, field: &str, n: u32| {
        if !(1..=MAX_CYCLES).contains(&n) {
            c.push(
                &format!("{rec}.{field}"),
                format!("{n} is not a whole number from 1 to {MAX_CYCLES}"),
            );
        }
    };
    let months = |c: &mut Checker, m: u32| {
        if !(1..=MAX_MONTHS).contains(&m) {
            c.push(
                &format!("{rec}.months"),
                format!("{m} is not a number of months from 1 to {MAX_MONTHS}"),
            );
        }
    };
    match r.recurrence {
        Recurrence::EveryCycle | Recurrence::OnceEver => {}
        Recurrence::EveryNCycles { n }
        | Recurrence::FirstCycles { n }
        | Recurrence::OnceWithinFirstCycles { n } => cycles(c, "n", n),
        Recurrence::EveryNMonths { months: m } => months(c, m),
        Recurrence::AfterFirstCycles { after, months: m } => {
            cycles(c, "after", after);
            months(c, m);
        }
    }
    let conds = r
        .applies_if
        .all
        .iter()
        .map(|x| ("applies_if.all", x))
        .chain(r.applies_if.any.iter().map(|x| ("applies_if.any", x)))
        .chain(r.applies_if.none.iter().map(|x| ("applies_if.none", x)))
        .chain(r.deemed_met_if.iter().map(|x| ("deemed_met_if", x)));
    for (field, code) in conds {
        c.condition(&format!("{at}.{field}"), code);
    }
    c.text(
        &format!("{at}.applies_if.text"),
        &r.applies_if.text,
        limits::RULE_NOTE,
    );
}
