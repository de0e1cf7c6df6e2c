//! Renewal pathways: boards that accept one of several ways to renew ("30 contact hours, OR a
//! national certification, OR a refresher course"; Alaska: "any two of 30 CE hours, 30 volunteer
//! hours, 320 practice hours"). A pathway is some of the credential's rules, or evidence that is
//! not CE (practice hours, a certification held), recorded as such and never faked as credit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::model::credits::Amount;

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

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
)]
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

impl Pathways {
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
