//! Renewal pathways: boards that accept one of several ways to renew ("30 contact hours, OR a
//! national certification, OR a refresher course"; Alaska: "any two of 30 CE hours, 30 volunteer
//! hours, 320 practice hours"). A pathway is some of the credential's rules, or evidence that is
//! not CE (practice hours, a certification held), recorded as such and never faked as credit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::credits::Amount;

/// The ways to renew a credential and what the holder recorded for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pathways {
    pub options: Vec<Pathway>,
    /// How many options must be met (1: any one; Alaska: 2).
    #[serde(default = "one")]
    pub needed: u32,
    /// The option the holder follows (only when one is needed); `None`: any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<String>,
    /// Non-CE evidence the holder recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceRecord>,
}

fn one() -> u32 {
    1
}

/// One way to renew.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pathway {
    /// Stable within the credential ("ce", "certification").
    pub id: String,
    /// In the board's words ("30 contact hours of CE").
    pub label: String,
    /// The credential's rules (by id) that make up this pathway. Rules named by no pathway apply
    /// whichever pathway is followed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// Evidence this pathway needs besides rules (practice hours, a certification).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceNeed>,
}

/// Non-CE evidence a pathway asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceNeed {
    pub kind: EvidenceKind,
    /// Hours needed (practice or volunteer hours); `None` for a certification or a course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Amount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    PracticeHours,
    VolunteerHours,
    NationalCertification,
    RefresherCourse,
    AcademicCourse,
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 6] = [
        EvidenceKind::PracticeHours,
        EvidenceKind::VolunteerHours,
        EvidenceKind::NationalCertification,
        EvidenceKind::RefresherCourse,
        EvidenceKind::AcademicCourse,
        EvidenceKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::PracticeHours => "Practice hours",
            EvidenceKind::VolunteerHours => "Volunteer hours",
            EvidenceKind::NationalCertification => "National certification held",
            EvidenceKind::RefresherCourse => "Refresher course completed",
            EvidenceKind::AcademicCourse => "Academic course completed",
            EvidenceKind::Other => "Other evidence",
        }
    }
}

/// What the holder recorded for a pathway's evidence: when, and how many hours if it counts
/// hours. Only records dated inside the current cycle count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    pub pathway: String,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Amount>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How one pathway stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathwayProgress {
    pub id: String,
    pub label: String,
    pub met: bool,
    /// Met once the planned activities are done.
    pub met_with_planned: bool,
    /// Rules of the pathway not yet satisfied.
    pub rules_left: Vec<String>,
    /// Evidence hours recorded in this cycle / needed (or 0/1 and 1/1 for a yes-no evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<(Amount, Amount)>,
    /// What is left, to compare pathways: hours of its rules still needed plus evidence hours.
    pub remaining: Amount,
    pub chosen: bool,
    /// The pathway's rules (ids) and whether its evidence is recorded: what the what-if view
    /// re-reads.
    pub rule_ids: Vec<String>,
    pub evidence_met: bool,
}

/// The pathways' part of a credential's status, from its rules' statuses (`rule(id)`: the
/// status, `None` for an unknown id): `(met, met counting planned activities)`.
pub fn satisfied(progress: &[PathwayProgress], needed: u32, chosen: Option<&str>) -> (bool, bool) {
    let considered: Vec<&PathwayProgress> = match chosen {
        Some(c) if needed <= 1 => progress.iter().filter(|p| p.id == c).collect(),
        _ => progress.iter().collect(),
    };
    let needed = needed.max(1) as usize;
    let met = considered.iter().filter(|p| p.met).count();
    let with_planned = considered
        .iter()
        .filter(|p| p.met || p.met_with_planned)
        .count();
    (met >= needed, with_planned >= needed)
}

impl Pathways {
    /// Each pathway's progress from the rule evaluations of the current cycle
    /// (`from..=to` is the cycle's window, for evidence records).
    pub fn progress(
        &self,
        rules: &[super::evaluate::RuleEvaluation],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<PathwayProgress> {
        use super::evaluate::RuleStatus;
        self.options
            .iter()
            .map(|p| {
                let of_pathway: Vec<&super::evaluate::RuleEvaluation> = rules
                    .iter()
                    .filter(|r| p.rules.contains(&r.rule_id))
                    .collect();
                let left: Vec<&&super::evaluate::RuleEvaluation> = of_pathway
                    .iter()
                    .filter(|r| !r.status.is_satisfied())
                    .collect();
                let (evidence, evidence_met, evidence_left) = match &p.evidence {
                    None => (None, true, Amount::ZERO),
                    Some(need) => {
                        let got = self.recorded(p, from, to);
                        let want = need.hours.unwrap_or(Amount::hours(1));
                        (Some((got, want)), got >= want, want.saturating_sub(got))
                    }
                };
                let rules_ok = left.is_empty();
                let planned_ok = left.iter().all(|r| r.status == RuleStatus::MetWithPlanned);
                PathwayProgress {
                    id: p.id.clone(),
                    label: p.label.clone(),
                    met: rules_ok && evidence_met,
                    met_with_planned: !rules_ok && planned_ok && evidence_met,
                    rules_left: left.iter().map(|r| r.rule_id.clone()).collect(),
                    evidence,
                    remaining: left.iter().map(|r| r.remaining).sum::<Amount>() + evidence_left,
                    chosen: self.chosen.as_deref() == Some(p.id.as_str()),
                    rule_ids: p.rules.clone(),
                    evidence_met,
                }
            })
            .collect()
    }

    /// The pathway the plan follows: the chosen one, else the one with least left (only when one
    /// pathway is needed; with "two of three" the plan asks for every open one).
    pub fn followed<'p>(&self, progress: &'p [PathwayProgress]) -> Option<&'p PathwayProgress> {
        if self.needed > 1 {
            return None;
        }
        match &self.chosen {
            Some(c) => progress.iter().find(|p| &p.id == c),
            None => progress.iter().min_by_key(|p| (!p.met, p.remaining)),
        }
    }

    /// Every rule id some pathway names.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.options
            .iter()
            .flat_map(|p| p.rules.iter().map(String::as_str))
    }

    /// The pathway a rule belongs to, if any.
    pub fn pathway_of(&self, rule_id: &str) -> Option<&Pathway> {
        self.options
            .iter()
            .find(|p| p.rules.iter().any(|r| r == rule_id))
    }

    pub fn is_pathway_rule(&self, rule_id: &str) -> bool {
        self.rule_ids().any(|r| r == rule_id)
    }

    /// Evidence recorded for a pathway within `from..=to`: hours summed (a yes-no evidence counts
    /// as 1 when any record exists).
    pub fn recorded(&self, pathway: &Pathway, from: NaiveDate, to: NaiveDate) -> Amount {
        let records = self
            .evidence
            .iter()
            .filter(|e| e.pathway == pathway.id && (from..=to).contains(&e.date));
        match pathway.evidence.as_ref().and_then(|n| n.hours) {
            Some(_) => records.filter_map(|e| e.hours).sum(),
            None => {
                if records.count() > 0 {
                    Amount::hours(1)
                } else {
                    Amount::ZERO
                }
            }
        }
    }
}
