//! A logged (or planned) learning activity: the clinician's evidence at audit.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::credits::{Amount, CreditDesignation, CreditTypeId};
use super::topics::TopicId;

/// Who accredited the provider of the activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accreditor {
    Accme,
    Aoa,
    Aafp,
    Ancc,
    Acpe,
    JointAccreditation,
    StateMedicalSociety,
    Other,
    None,
}

impl Accreditor {
    pub const ALL: [Accreditor; 9] = [
        Accreditor::Accme,
        Accreditor::Aoa,
        Accreditor::Aafp,
        Accreditor::Ancc,
        Accreditor::Acpe,
        Accreditor::JointAccreditation,
        Accreditor::StateMedicalSociety,
        Accreditor::Other,
        Accreditor::None,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Accreditor::Accme => "ACCME",
            Accreditor::Aoa => "AOA",
            Accreditor::Aafp => "AAFP",
            Accreditor::Ancc => "ANCC",
            Accreditor::Acpe => "ACPE",
            Accreditor::JointAccreditation => "Joint Accreditation",
            Accreditor::StateMedicalSociety => "State medical society",
            Accreditor::Other => "Other",
            Accreditor::None => "None / not accredited",
        }
    }
}

/// How the activity was delivered; some rules cap a format (e.g. self-study).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    LiveInPerson,
    LiveVirtual,
    OnDemandOnline,
    JournalReading,
    Workshop,
    Conference,
    Teaching,
    SelfAssessment,
    QualityImprovement,
    Other,
}

impl Format {
    pub const ALL: [Format; 10] = [
        Format::LiveInPerson,
        Format::LiveVirtual,
        Format::OnDemandOnline,
        Format::JournalReading,
        Format::Workshop,
        Format::Conference,
        Format::Teaching,
        Format::SelfAssessment,
        Format::QualityImprovement,
        Format::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Format::LiveInPerson => "Live, in person",
            Format::LiveVirtual => "Live, virtual",
            Format::OnDemandOnline => "On-demand online",
            Format::JournalReading => "Journal / reading",
            Format::Workshop => "Workshop / hands-on",
            Format::Conference => "Conference",
            Format::Teaching => "Teaching / faculty",
            Format::SelfAssessment => "Self-assessment",
            Format::QualityImprovement => "Quality improvement",
            Format::Other => "Other",
        }
    }

    /// Formats a clinician does alone, at their own pace: what "self-study" caps refer to.
    pub fn is_self_study(self) -> bool {
        matches!(
            self,
            Format::OnDemandOnline | Format::JournalReading | Format::SelfAssessment
        )
    }
}

/// Completed activities count toward compliance; planned ones only in the what-if view and plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Completed,
    Planned,
}

impl ActivityStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActivityStatus::Completed => "Completed",
            ActivityStatus::Planned => "Planned",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: Uuid,
    pub title: String,
    #[serde(default)]
    pub provider: String,
    pub accreditor: Accreditor,
    pub start: NaiveDate,
    /// Last day of the activity. An activity spanning a cycle boundary counts in the cycle that
    /// contains its end date (that is when the credit is earned and the certificate dated).
    pub end: NaiveDate,
    pub format: Format,
    pub credits: Vec<CreditDesignation>,
    /// Topics from the vocabulary ([`crate::domain::vocab::TOPICS`]); rules match on these.
    #[serde(default)]
    pub topics: Vec<TopicId>,
    /// Hours spent on some of the `topics`, when less than the whole activity (a 21-hour
    /// conference with 6 hours on geriatrics). A topic not listed here took the whole activity.
    /// Topic rules count these hours pro rata of each designation (docs/rules.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub topic_hours: BTreeMap<TopicId, Amount>,
    /// Certificates kept with the activity (the bytes are in IndexedDB, keyed by each file's id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<super::attachment::CertificateFile>,
    /// Free tags of the user's own; never matched by rules.
    #[serde(default)]
    pub tags: Vec<String>,
    pub status: ActivityStatus,
    #[serde(default)]
    pub notes: String,
    /// What the holder learned, will change, and (at follow-up) what happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflection: Option<super::learning::Reflection>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Activity {
    /// The amount designated for one credit type (0 when the activity does not carry it).
    /// Duplicate designations of one type are summed, so a malformed import can't hide credit.
    pub fn amount_of(&self, credit_type: &CreditTypeId) -> Amount {
        self.credits
            .iter()
            .filter(|d| &d.credit_type == credit_type)
            .map(|d| d.amount)
            .sum()
    }

    pub fn has_topic(&self, topic: &TopicId) -> bool {
        self.topics.iter().any(|t| t == topic)
    }

    pub fn is_completed(&self) -> bool {
        self.status == ActivityStatus::Completed
    }

    /// The length of the activity in hours: its largest designation, in hours (1 CEU = 10 h).
    /// Topic hours are a part of this.
    pub fn hours(&self) -> Amount {
        self.credits
            .iter()
            .map(|d| {
                d.amount
                    .scale_percent(super::vocab::hours_percent(&d.credit_type))
            })
            .max()
            .unwrap_or(Amount::ZERO)
    }

    /// Hours spent on `topic`: its entry in `topic_hours`, else the whole activity (0 when the
    /// activity is not on the topic).
    pub fn hours_on(&self, topic: &TopicId) -> Amount {
        if !self.has_topic(topic) {
            return Amount::ZERO;
        }
        match self.topic_hours.get(topic) {
            Some(h) => (*h).min(self.hours()),
            None => self.hours(),
        }
    }
}
