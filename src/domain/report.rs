//! The audit report of one credential and cycle: what an auditor asks for, in one document. Data
//! only; the page lays it out for screen and print, and `describe` words it.

use chrono::NaiveDate;
use uuid::Uuid;

use super::activity::Activity;
use super::credential::Credential;
use super::credits::Amount;
use super::evaluate::{counts_toward, CredentialStatus, Evaluation, RuleStatus};
use super::vocab::{self, Unit};

/// One activity that counted toward a rule, and how much (in the rule's unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub activity_id: Uuid,
    pub title: String,
    pub end: NaiveDate,
    /// The designation that counted ("AMA PRA Category 1 Credit™").
    pub designation: String,
    pub amount: Amount,
}

/// One rule with its figures and the activities behind them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRule {
    pub label: String,
    /// The rule as the board wrote it (`describe::rule_sentence`).
    pub sentence: String,
    pub status: RuleStatus,
    pub unit: Unit,
    pub required: Amount,
    pub counted: Amount,
    pub remaining: Amount,
    pub counted_by: Vec<Counted>,
    /// Activities of the cycle that did not count, with the reason in words.
    pub not_counted: Vec<(String, String)>,
}

/// One activity of the cycle, as listed at the end of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportActivity {
    pub title: String,
    pub provider: String,
    pub accreditor: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub designations: Vec<(String, Amount)>,
    /// Topic labels, with the hours on each when less than the whole activity.
    pub topics: Vec<(String, Option<Amount>)>,
    pub certificate_on_file: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    pub holder: Option<String>,
    pub credential: String,
    pub number: Option<String>,
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    pub deadline: NaiveDate,
    pub status: CredentialStatus,
    pub rules: Vec<ReportRule>,
    pub activities: Vec<ReportActivity>,
    pub sources: Vec<String>,
    pub checked: Option<NaiveDate>,
}

/// The report of `credential` in its current cycle. `reason_text` words a reason (describe).
pub fn audit_report(
    holder: Option<&str>,
    credential: &Credential,
    evaluation: &Evaluation,
    activities: &[Activity],
    sources: &[String],
    checked: Option<NaiveDate>,
    reason_text: &dyn Fn(&super::evaluate::Reason) -> String,
) -> AuditReport {
    let in_cycle: Vec<&Activity> = activities
        .iter()
        .filter(|a| {
            a.is_completed() && a.end >= credential.cycle.start && a.end <= evaluation.deadline
        })
        .collect();
    let why = |a: &Activity| {
        counts_toward(
            a,
            std::slice::from_ref(credential),
            std::slice::from_ref(evaluation),
        )
    };
    let rules = credential
        .rules
        .iter()
        .zip(&evaluation.rules)
        .map(|(rule, re)| {
            let counted_by = re
                .contributions
                .iter()
                .filter(|c| !c.planned)
                .filter_map(|c| {
                    let a = activities.iter().find(|a| a.id == c.activity_id)?;
                    Some(Counted {
                        activity_id: a.id,
                        title: a.title.clone(),
                        end: a.end,
                        designation: vocab::credit_type_label(c.credit_type(a)),
                        amount: c.amount,
                    })
                })
                .collect();
            let not_counted = in_cycle
                .iter()
                .filter(|a| re.contribution_of(a.id).is_none())
                .filter_map(|a| {
                    let w = why(a);
                    let r = w.iter().find(|x| x.rule_id == rule.id)?;
                    r.reason
                        .as_ref()
                        .map(|reason| (a.title.clone(), reason_text(reason)))
                })
                .collect();
            ReportRule {
                label: rule.label.clone(),
                sentence: super::describe::rule_sentence(rule),
                status: re.status,
                unit: re.unit,
                required: re.required,
                counted: re.counted,
                remaining: re.remaining,
                counted_by,
                not_counted,
            }
        })
        .collect();
    let mut listed: Vec<ReportActivity> = in_cycle
        .iter()
        .map(|a| ReportActivity {
            title: a.title.clone(),
            provider: a.provider.clone(),
            accreditor: a.accreditor.label().to_string(),
            start: a.start,
            end: a.end,
            designations: a
                .credits
                .iter()
                .map(|d| (vocab::credit_type_label(&d.credit_type), d.amount))
                .collect(),
            topics: a
                .topics
                .iter()
                .map(|t| (vocab::topic_label(t), a.topic_hours.get(t).copied()))
                .collect(),
            certificate_on_file: !a.certificates.is_empty(),
        })
        .collect();
    listed.sort_by(|x, y| (x.end, &x.title).cmp(&(y.end, &y.title)));
    AuditReport {
        holder: holder.map(str::to_string),
        credential: credential.name.clone(),
        number: credential.number.clone(),
        cycle_start: credential.cycle.start,
        cycle_end: credential.cycle.end,
        deadline: evaluation.deadline,
        status: evaluation.status,
        rules,
        activities: listed,
        sources: sources.to_vec(),
        checked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::evaluate::evaluate;

    #[test]
    fn the_report_lists_what_counted_per_rule_and_every_activity_of_the_cycle() {
        let mut c = credential("Texas medical license", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .rule(
                topic_min("ethics", "2", &["ethics_professional_responsibility"], &[])
                    .label("Ethics"),
            )
            .build();
        c.number = Some("Q1234".into());
        let ethics = activity("2025-03-10")
            .title("Ethics grand rounds")
            .credit("AMA_PRA_CAT1", "2")
            .topic("ethics_professional_responsibility")
            .build();
        let sepsis = activity("2025-06-02")
            .title("Sepsis update")
            .credit("AMA_PRA_CAT1", "10")
            .build();
        let old = activity("2024-06-02")
            .title("Last cycle")
            .credit("AMA_PRA_CAT1", "5")
            .build();
        let acts = vec![ethics, sepsis, old];
        let ev = evaluate(&c, &acts, date("2026-06-01"));
        let r = audit_report(
            Some("Dr Jordan Lee"),
            &c,
            &ev,
            &acts,
            &["https://www.tmb.state.tx.us".to_string()],
            Some(date("2026-11-24")),
            &|r| crate::domain::describe::reason_text(r, &|d| d.to_string()),
        );
        assert_eq!(r.number.as_deref(), Some("Q1234"));
        assert_eq!(r.rules[0].counted, hours("12"));
        assert_eq!(r.rules[0].counted_by.len(), 2);
        assert_eq!(r.rules[1].counted_by.len(), 1);
        assert_eq!(r.rules[1].counted_by[0].title, "Ethics grand rounds");
        assert_eq!(
            r.rules[1].not_counted,
            vec![(
                "Sepsis update".to_string(),
                "Needs ethics & professional responsibility; this activity has no topic ticked."
                    .to_string()
            )]
        );
        // Only this cycle's completed activities are listed, oldest first.
        let titles: Vec<&str> = r.activities.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Ethics grand rounds", "Sepsis update"]);
        assert!(!r.activities[0].certificate_on_file);
    }
}
