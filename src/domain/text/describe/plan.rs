//! Sentences of the plan: each item to earn, what it covers, what the headline says is still to
//! earn, and the nearest way through a pathway.

use chrono::NaiveDate;

use super::*;
use crate::domain::engine::plan::PlanItem;

/// "2 hours of ethics, AMA PRA Category 1 Credit™, by 31 Jan 2027 — covers Texas and Pennsylvania".
pub fn plan_sentence(item: &PlanItem, fmt_date: &dyn Fn(NaiveDate) -> String) -> String {
    let mut s = plan_goal_title(item);
    if !item.accepts.is_empty() {
        s.push_str(&format!(", {}", types_text(&item.accepts)));
    }
    s.push_str(&format!(", by {}", fmt_date(item.deadline)));
    s.push_str(&format!(" — counts toward {}", covers_text(item)));
    for also in &item.also {
        s.push_str(&format!(
            ". One activity that also gives {} serves {} too",
            types_text(&also.accepts),
            and_list(also.credential_names.clone())
        ));
    }
    s
}

/// What a plan item asks for, as a goal's title: "2 hours of pain management & opioid
/// prescribing", "One activity on human trafficking", "10 credits of any topic".
pub fn plan_goal_title(item: &PlanItem) -> String {
    let h = |a: Amount| item.unit.amount_text(a);
    if item.completion {
        format!("One activity on {}", topics_text(&item.topics))
    } else if item.topics.is_empty() {
        format!("{} of any topic", h(item.hours))
    } else {
        format!("{} of {}", h(item.hours), topics_text(&item.topics))
    }
}

/// What a plan item counts toward, each rule with what it alone still needs, in its own unit, as
/// its card says: "Texas (Total: 12 hours left) and ABIM MOC (Total: 70 points left)".
fn covers_text(item: &PlanItem) -> String {
    let names = crate::domain::engine::plan::names(item);
    and_list(
        names
            .into_iter()
            .map(|name| {
                let rules: Vec<String> = item
                    .covers
                    .iter()
                    .filter(|c| c.credential_name == name)
                    .map(|c| {
                        if c.remaining.is_zero() {
                            c.rule_label.clone()
                        } else {
                            format!("{}: {} left", c.rule_label, c.unit.amount_text(c.remaining))
                        }
                    })
                    .collect();
                format!("{name} ({})", rules.join("; "))
            })
            .collect(),
    )
}

/// The credentials a plan item covers, as a list in words ("Texas and Pennsylvania").
pub fn plan_covers(item: &PlanItem) -> String {
    and_list(crate::domain::engine::plan::names(item))
}

/// What the headline says is still to earn: "58 hours", "12 credits and one required activity",
/// "a renewal pathway to finish" — never empty while an item or a pathway is open.
pub fn to_earn_text(
    plan: &crate::domain::engine::plan::Plan,
    number: &dyn Fn(Amount) -> String,
) -> String {
    let mut parts = Vec::new();
    if let Some((unit, amount)) = plan.to_earn() {
        parts.push(unit.amount_with(amount, &number(amount)));
    }
    let activities = plan.items.iter().filter(|i| i.completion).count();
    match activities {
        0 => {}
        1 => parts.push("one required activity".to_string()),
        n => parts.push(format!("{n} required activities")),
    }
    match plan.pathways.len() {
        0 => {}
        1 => parts.push("a renewal pathway to finish".to_string()),
        n => parts.push(format!("{n} renewal pathways to finish")),
    }
    and_list(parts)
}

/// "Ohio RN: finish one of its renewal pathways — 120 more practice hours (Practice), or 24
/// hours of CE (Continuing education)." A chosen pathway is named alone.
pub fn pathway_advice_sentence(
    advice: &crate::domain::engine::plan::PathwayAdvice,
    number: &dyn Fn(Amount) -> String,
) -> String {
    let option = |o: &crate::domain::engine::plan::PathwayOption| {
        let mut needs: Vec<String> = o
            .rules
            .iter()
            .map(|(label, left, unit)| {
                format!("{} ({})", unit.amount_with(*left, &number(*left)), label)
            })
            .collect();
        if let Some((kind, left)) = o.evidence {
            needs.push(evidence_text(kind, left, number));
        }
        if needs.is_empty() {
            format!("{}: nothing more to record", o.label)
        } else {
            format!("{}: {}", o.label, and_list(needs))
        }
    };
    let options: Vec<String> = advice.options.iter().map(option).collect();
    if advice.chosen {
        return format!(
            "{}, the pathway you chose — {}.",
            advice.credential_name,
            options.join("; ")
        );
    }
    let how_many = match advice.still_needed {
        1 => "one of its renewal pathways".to_string(),
        n => format!("{n} of its renewal pathways"),
    };
    let follows = match advice.options.iter().filter(|o| o.followed).count() {
        0 => "",
        1 => " The plan follows the first until you choose.",
        _ => " The plan follows the first ones until you choose.",
    };
    format!(
        "{}: finish {how_many}.{follows} {}. Which are you on? Choose it on the credential's page.",
        advice.credential_name,
        options.join("; or ")
    )
}

/// "120 more practice hours", "a national certification to record".
fn evidence_text(
    kind: crate::domain::model::pathway::EvidenceKind,
    left: Amount,
    number: &dyn Fn(Amount) -> String,
) -> String {
    use crate::domain::model::pathway::EvidenceKind as K;
    let hours = |what: &str| {
        let unit = if left == Amount::hours(1) {
            "hour"
        } else {
            "hours"
        };
        format!("{} more {what} {unit}", number(left))
    };
    match kind {
        K::PracticeHours => hours("practice"),
        K::VolunteerHours => hours("volunteer"),
        K::NationalCertification => "a national certification to record".into(),
        K::RefresherCourse => "a refresher course to complete".into(),
        K::AcademicCourse => "an academic course to complete".into(),
        K::Other => "its evidence to record".into(),
    }
}
