//! The audit report of one credential and cycle: what an auditor asks for, in one document. Data
//! only; the page lays it out for screen and print, and `describe` words it.

use chrono::NaiveDate;
use std::borrow::Borrow;
use uuid::Uuid;

use crate::domain::engine::evaluate::{
    counts_toward, CredentialStatus, Detail, Evaluation, Measure, Reason, RuleStatus,
};
use crate::domain::model::activity::Activity;
use crate::domain::model::credential::Credential;
use crate::domain::model::credits::Amount;
use crate::domain::model::vocab::{self, Unit};

/// One activity that counted toward a rule, and how much (in the rule's unit).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counted {
    pub activity_id: Uuid,
    pub title: String,
    pub provider: String,
    pub end: NaiveDate,
    /// The designation that counted ("AMA PRA Category 1 Credit™").
    pub designation: String,
    pub amount: Amount,
}

/// One rule with its figures and the activities behind them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReportRule {
    pub label: String,
    /// The rule as the board wrote it (`describe::rule_sentence`).
    pub sentence: String,
    pub status: RuleStatus,
    /// The status counts planned activities (the what-if view): its badge says "Projected".
    #[serde(default)]
    pub projected: bool,
    pub unit: Unit,
    /// What the figures measure: a limit reads "at most", a completion counts activities.
    #[serde(default = "hours_measure")]
    pub measure: Measure,
    pub required: Amount,
    pub counted: Amount,
    pub remaining: Amount,
    /// Why a rule asks for nothing now (not applicable, exempt, deemed met, not yet in force).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
    pub counted_by: Vec<Counted>,
    /// Activities of the cycle a reviewer would ask about: they carry credit the rule could
    /// have taken (another type, points, excluded topics, over a limit), with the reason in
    /// words. Activities simply on other topics are not listed.
    pub not_counted: Vec<(String, String)>,
}

fn hours_measure() -> Measure {
    Measure::Hours
}

/// Whether a reviewer would ask why an activity did not count toward a rule.
fn worth_asking(reason: &Reason) -> bool {
    matches!(
        reason,
        Reason::CreditTypeNotAccepted
            | Reason::OtherUnit { .. }
            | Reason::TopicExcluded { .. }
            | Reason::OverCap { .. }
    )
}

/// An audit report shows what is done: planned activities never appear, so "met with planned"
/// is not met.
fn actual(status: RuleStatus) -> RuleStatus {
    match status {
        RuleStatus::MetWithPlanned => RuleStatus::NotMet,
        s => s,
    }
}

/// One activity of the cycle, as listed at the end of the report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
pub fn audit_report<A: Borrow<Activity>>(
    holder: Option<&str>,
    credential: &Credential,
    evaluation: &Evaluation,
    activities: &[A],
    sources: &[String],
    checked: Option<NaiveDate>,
    reason_text: &dyn Fn(&crate::domain::engine::evaluate::Reason, Unit) -> String,
) -> AuditReport {
    let in_cycle: Vec<&Activity> = activities
        .iter()
        .map(Borrow::borrow)
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
                    let a = activities
                        .iter()
                        .map(Borrow::borrow)
                        .find(|a| a.id == c.activity_id)?;
                    Some(Counted {
                        activity_id: a.id,
                        title: a.title.clone(),
                        provider: a.provider.clone(),
                        end: a.end,
                        designation: vocab::credit_type_label(c.credit_type(a)),
                        amount: c.amount,
                    })
                })
                .collect();
            let not_counted = in_cycle
                .iter()
                .filter(|a| re.contribution_of(a.id).is_none() || has_excess(re, a.id))
                .filter_map(|a| {
                    let w = why(a);
                    let r = w.iter().find(|x| x.rule_id == rule.id)?;
                    r.reason
                        .as_ref()
                        .filter(|reason| worth_asking(reason))
                        .map(|reason| (a.title.clone(), reason_text(reason, rule.unit())))
                })
                .collect();
            ReportRule {
                label: rule.label.clone(),
                sentence: crate::domain::text::describe::rule_sentence(rule),
                status: actual(re.status),
                projected: false,
                unit: re.unit,
                measure: re.measure,
                detail: re.detail.clone(),
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
    crate::domain::model::sort::sort_by(&mut listed, |x, y| {
        (x.end, &x.title).cmp(&(y.end, &y.title))
    });
    AuditReport {
        holder: holder.map(str::to_string),
        credential: credential.name.clone(),
        number: credential.number.clone(),
        cycle_start: credential.cycle.start,
        cycle_end: credential.cycle.end,
        deadline: evaluation.deadline,
        status: match evaluation.status {
            CredentialStatus::MetWithPlanned => CredentialStatus::NotMet,
            s => s,
        },
        rules,
        activities: listed,
        sources: sources.to_vec(),
        checked,
    }
}

/// Whether part of an activity's credit went over a limit of the rule (it counted, but not all).
fn has_excess(re: &crate::domain::engine::evaluate::RuleEvaluation, id: Uuid) -> bool {
    re.exclusions
        .iter()
        .any(|e| e.activity_id == id && matches!(e.reason, Reason::OverCap { .. }))
}

/// One activity under one credit type in the transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptLine {
    pub title: String,
    pub provider: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub amount: Amount,
    pub certificate_on_file: bool,
}

/// The activities of one year designated for one credit type, with their total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptType {
    pub label: String,
    pub unit: Unit,
    pub lines: Vec<TranscriptLine>,
    pub total: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptYear {
    pub year: i32,
    pub types: Vec<TranscriptType>,
    /// Per unit, each activity once (see [`transcript`]).
    pub totals: Vec<(Unit, Amount)>,
    pub activities: usize,
}

/// Every completed activity in a date range, grouped by year and credit type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    pub holder: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub years: Vec<TranscriptYear>,
    pub totals: Vec<(Unit, Amount)>,
    pub activities: usize,
}

/// The transcript of the completed activities ending in `from..=to`, newest year first, credit
/// types in the order of their totals. An activity appears under each credit type it is
/// designated for (with that designation's amount). The totals per unit count each activity
/// once per unit, by its largest designation in that unit: 2 AMA PRA Category 1 credits that are
/// also 2 AAFP Prescribed credits are 2 credits, not 4 (CEUs count as their hours).
pub fn transcript<A: Borrow<Activity>>(
    holder: Option<&str>,
    activities: &[A],
    from: NaiveDate,
    to: NaiveDate,
) -> Transcript {
    use chrono::Datelike;
    use std::collections::BTreeMap;
    let mut in_range: Vec<&Activity> = activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| a.is_completed() && a.end >= from && a.end <= to)
        .collect();
    crate::domain::model::sort::sort_by(&mut in_range, |x, y| {
        (x.end, x.start, &x.title).cmp(&(y.end, y.start, &y.title))
    });
    let unit_of = |t: &crate::domain::model::credits::CreditTypeId| {
        vocab::credit_type(t).map_or(Unit::Hour, |c| c.unit)
    };
    // What one activity adds to the totals of each unit: its largest designation there.
    let once_per_unit = |a: &Activity| {
        let mut m: BTreeMap<Unit, Amount> = BTreeMap::new();
        for d in &a.credits {
            let (unit, amount) = match unit_of(&d.credit_type) {
                Unit::Ceu => (
                    Unit::Hour,
                    d.amount.scale_percent(vocab::hours_percent(&d.credit_type)),
                ),
                u => (u, d.amount),
            };
            let e = m.entry(unit).or_default();
            *e = (*e).max(amount);
        }
        m
    };
    let mut by_year: BTreeMap<i32, Vec<&Activity>> = BTreeMap::new();
    for a in &in_range {
        by_year.entry(a.end.year()).or_default().push(a);
    }
    let mut grand: BTreeMap<Unit, Amount> = BTreeMap::new();
    let years = by_year
        .into_iter()
        .rev()
        .map(|(year, acts)| {
            let mut types: BTreeMap<String, TranscriptType> = BTreeMap::new();
            let mut totals: BTreeMap<Unit, Amount> = BTreeMap::new();
            for a in &acts {
                for d in &a.credits {
                    let label = vocab::credit_type_label(&d.credit_type);
                    let t = types
                        .entry(label.clone())
                        .or_insert_with(|| TranscriptType {
                            label,
                            unit: unit_of(&d.credit_type),
                            lines: Vec::new(),
                            total: Amount::ZERO,
                        });
                    t.total += d.amount;
                    t.lines.push(TranscriptLine {
                        title: a.title.clone(),
                        provider: a.provider.clone(),
                        start: a.start,
                        end: a.end,
                        amount: d.amount,
                        certificate_on_file: !a.certificates.is_empty(),
                    });
                }
                for (unit, amount) in once_per_unit(a) {
                    *totals.entry(unit).or_default() += amount;
                    *grand.entry(unit).or_default() += amount;
                }
            }
            let mut types: Vec<TranscriptType> = types.into_values().collect();
            crate::domain::model::sort::sort_by(&mut types, |x, y| {
                y.total.cmp(&x.total).then_with(|| x.label.cmp(&y.label))
            });
            TranscriptYear {
                year,
                types,
                totals: totals.into_iter().collect(),
                activities: acts.len(),
            }
        })
        .collect();
    Transcript {
        holder: holder.map(str::to_string),
        from,
        to,
        years,
        totals: grand.into_iter().collect(),
        activities: in_range.len(),
    }
}

/// Which end of a date range a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeEnd {
    From,
    To,
}

/// A transcript's date range from the two date fields (`YYYY-MM-DD`, as date inputs give them):
/// each must be a date the app keeps, and the start may not be after the end.
pub fn parse_range(
    from: &str,
    to: &str,
) -> Result<(NaiveDate, NaiveDate), crate::domain::draft::FieldError<RangeEnd>> {
    use crate::domain::draft::FieldError;
    let one = |text: &str, end: RangeEnd| {
        let d =
            crate::domain::draft::parse_date(text).ok_or(FieldError::new(end, "Enter a date."))?;
        match crate::domain::draft::date_range_message(d) {
            Some(m) => Err(FieldError::new(end, m)),
            None => Ok(d),
        }
    };
    let (f, t) = (one(from, RangeEnd::From)?, one(to, RangeEnd::To)?);
    if f > t {
        return Err(FieldError::new(
            RangeEnd::To,
            "The end is before the start.",
        ));
    }
    Ok((f, t))
}

/// One figure a renewal form asks for, with what to paste: the amount, and the courses behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormFigure {
    pub label: String,
    /// "12.5 credits"
    pub figure: String,
    /// The bare number, for a form's number field ("12.5").
    pub number: String,
    /// One line per course: "Title — Provider — 10 Mar 2025 — 2 credits".
    pub courses: Vec<String>,
}

/// The figures of a credential's renewal form, in the order its rules are listed (the order the
/// board lists them), from its audit report. `date` writes a date as the reader does.
pub fn form_figures(report: &AuditReport, date: &dyn Fn(NaiveDate) -> String) -> Vec<FormFigure> {
    report
        .rules
        .iter()
        // A rule that does not apply (or is exempt) has no figure for the form: "0 hours" there
        // would read as a shortfall.
        .filter(|r| {
            !matches!(
                r.status,
                RuleStatus::NotApplicable | RuleStatus::Exempt | RuleStatus::DeemedMet
            )
        })
        .filter(|r| r.required.is_positive() || r.counted.is_positive())
        .map(|r| FormFigure {
            label: r.label.clone(),
            figure: r.unit.amount_text(r.counted),
            number: r.counted.display_short(),
            courses: r
                .counted_by
                .iter()
                .map(|c| {
                    let mut parts = vec![c.title.clone()];
                    if !c.provider.is_empty() {
                        parts.push(c.provider.clone());
                    }
                    parts.push(date(c.end));
                    parts.push(r.unit.amount_text(c.amount));
                    parts.join(" — ")
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::engine::evaluate::evaluate;

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
            &|r, u| crate::domain::text::describe::reason_text(r, u, &|d| d.to_string()),
        );
        assert_eq!(r.number.as_deref(), Some("Q1234"));
        assert_eq!(r.rules[0].counted, hours("12"));
        assert_eq!(r.rules[0].counted_by.len(), 2);
        assert_eq!(r.rules[1].counted_by.len(), 1);
        assert_eq!(r.rules[1].counted_by[0].title, "Ethics grand rounds");
        // An activity simply on another topic is not what a reviewer asks about.
        assert!(r.rules[1].not_counted.is_empty());
        // Only this cycle's completed activities are listed, oldest first.
        let titles: Vec<&str> = r.activities.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Ethics grand rounds", "Sepsis update"]);
        assert!(!r.activities[0].certificate_on_file);
        // The renewal form's figures, in the order of the rules, with the courses behind them.
        let f = form_figures(&r, &|d| d.to_string());
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].number.as_str(), f[1].number.as_str()), ("12", "2"));
        assert_eq!(f[1].courses, ["Ethics grand rounds — 2025-03-10 — 2 hours"]);
    }

    #[test]
    fn the_transcript_groups_by_year_and_credit_type_and_counts_an_activity_once_per_unit() {
        let both = activity("2025-03-10")
            .title("Board review")
            .credit("AMA_PRA_CAT1", "10")
            .credit("AAFP_PRESCRIBED", "8")
            .credit("ABIM_MOC_POINT", "10")
            .build();
        let ceu = activity("2025-05-01")
            .title("Nursing workshop")
            .credit("CEU", "0.5")
            .build();
        let older = activity("2023-11-11")
            .title("Grand rounds")
            .credit("AMA_PRA_CAT1", "1")
            .build();
        let planned = activity("2025-06-01")
            .title("Planned")
            .credit("AMA_PRA_CAT1", "5")
            .planned()
            .build();
        let outside = activity("2020-01-01").credit("AMA_PRA_CAT1", "5").build();
        let acts = vec![both, ceu, older, planned, outside];
        let t = transcript(
            Some("Dr Lee"),
            &acts,
            date("2023-01-01"),
            date("2025-12-31"),
        );
        assert_eq!(t.activities, 3);
        let years: Vec<i32> = t.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2025, 2023]);
        let y = &t.years[0];
        let types: Vec<(&str, Amount)> = y
            .types
            .iter()
            .map(|x| (x.label.as_str(), x.total))
            .collect();
        assert_eq!(types[0].1, hours("10"));
        assert_eq!(types.len(), 4);
        assert!(types
            .iter()
            .any(|(l, a)| l.starts_with("Continuing Education Units") && *a == hours("0.5")));
        // Credits once (10, the largest of 10 and 8); points; the CEU as its 5 hours.
        assert_eq!(
            y.totals,
            vec![
                (Unit::Credit, hours("10")),
                (Unit::Hour, hours("5")),
                (Unit::Point, hours("10"))
            ]
        );
        assert_eq!(
            t.totals,
            vec![
                (Unit::Credit, hours("11")),
                (Unit::Hour, hours("5")),
                (Unit::Point, hours("10"))
            ]
        );
        assert_eq!(
            parse_range("2025-01-01", "2024-12-31"),
            Err(crate::domain::draft::FieldError::new(
                RangeEnd::To,
                "The end is before the start."
            ))
        );
        assert_eq!(
            parse_range("", "2024-12-31").unwrap_err().field,
            RangeEnd::From
        );
        assert_eq!(
            parse_range("1850-01-01", "2024-12-31").unwrap_err().message,
            "Enter a date between 1900 and 2200."
        );
        assert_eq!(
            parse_range("2025-01-01", "2025-01-01"),
            Ok((date("2025-01-01"), date("2025-01-01")))
        );
        // Empty range: nothing, no totals.
        let none = transcript(None, &acts, date("2026-01-01"), date("2026-12-31"));
        assert!(none.years.is_empty() && none.totals.is_empty());
    }

    #[test]
    fn the_report_says_what_each_rule_means_and_lists_only_what_a_reviewer_would_ask_about() {
        let c = credential("Texas medical license", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .rule(type_cap("informal", "24", &["INFORMAL"]).label("Informal CME"))
            .rule(
                topic_min("ethics", "2", &["ethics_professional_responsibility"], &[])
                    .label("Ethics"),
            )
            .rule(
                topic_min("opioids", "2", &["pain_management_opioids"], &[])
                    .only_if(&["prescribes_opioids"]),
            )
            .build();
        let acts = vec![
            activity("2025-03-10")
                .title("Self-study")
                .credit("INFORMAL", "30")
                .build(),
            activity("2025-04-10")
                .title("MOC module")
                .credit("ABIM_MOC_POINT", "10")
                .build(),
            activity("2025-05-10")
                .title("Sepsis update")
                .credit("AMA_PRA_CAT1", "10")
                .build(),
            activity("2026-09-10")
                .title("Ethics course")
                .credit("AMA_PRA_CAT1", "2")
                .topic("ethics_professional_responsibility")
                .planned()
                .build(),
        ];
        let ev = evaluate(&c, &acts, date("2026-06-01"));
        assert_eq!(ev.rules[2].status, RuleStatus::MetWithPlanned);
        let r = audit_report(None, &c, &ev, &acts, &[], None, &|r, u| {
            crate::domain::text::describe::reason_text(r, u, &|d| d.to_string())
        });
        let line = |i: usize| {
            let rule = &r.rules[i];
            crate::domain::text::describe::figures_line(
                rule.status,
                rule.measure,
                rule.unit,
                [rule.required, rule.counted, rule.remaining],
                rule.detail.as_ref(),
                (&|a: Amount| a.display_short(), &|d: NaiveDate| {
                    d.to_string()
                }),
            )
        };
        assert_eq!(line(1), "At most 24 credits; 24 credits counted under it.");
        assert!(line(3).starts_with("Not applicable: "), "{}", line(3));
        assert!(!line(3).contains("Required"), "{}", line(3));
        // Planned activities never appear on an audit report: not met, not "met with planned".
        assert_eq!(r.rules[2].status, RuleStatus::NotMet);
        assert!(r
            .rules
            .iter()
            .all(|x| x.status != RuleStatus::MetWithPlanned && !x.projected));
        // The total lists the points and what went over the limit; the sepsis course counted.
        let asked: Vec<&str> = r.rules[0]
            .not_counted
            .iter()
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(asked, ["Self-study", "MOC module"]);
        assert!(r.rules[0].not_counted[0]
            .1
            .contains("6 hours did not count"));
        // A topic rule does not list every activity on other topics; a limit lists only what
        // went over it.
        assert!(r.rules[2].not_counted.is_empty());
        let over: Vec<&str> = r.rules[1]
            .not_counted
            .iter()
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(over, ["Self-study"]);
        // The renewal form's figures leave out the rule that does not apply.
        let figures = form_figures(&r, &|d| d.to_string());
        assert!(figures.iter().all(|f| f.label != r.rules[3].label));
        assert_eq!(figures.len(), 3);
    }
}
