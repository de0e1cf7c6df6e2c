//! A logged (or planned) learning activity: the clinician's evidence at audit.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::model::attachment::{extension, CertificateFile, MAX_PER_ACTIVITY};
use crate::domain::model::credits::{Amount, CreditDesignation, CreditTypeId};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::{hours_percent, Unit};

/// Who accredited the provider of the activity.
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
    /// Topics from the vocabulary ([`crate::domain::model::vocab::TOPICS`]); rules match on these.
    #[serde(default)]
    pub topics: Vec<TopicId>,
    /// Hours spent on some of the `topics`, when less than the whole activity (a 21-hour
    /// conference with 6 hours on geriatrics). A topic not listed here took the whole activity.
    /// Topic rules count these hours pro rata of each designation (docs/rules.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub topic_hours: BTreeMap<TopicId, Amount>,
    /// Certificates kept with the activity (the bytes are in IndexedDB, keyed by each file's id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<CertificateFile>,
    /// Free tags of the user's own; never matched by rules.
    #[serde(default)]
    pub tags: Vec<String>,
    pub status: ActivityStatus,
    #[serde(default)]
    pub notes: String,
    /// What the holder learned, will change, and (at follow-up) what happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflection: Option<crate::domain::model::learning::Reflection>,
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

    /// The length of the activity in hours: its largest designation measured in time, in hours
    /// (1 CEU = 10 h). An activity carrying only points has none: points are not hours.
    pub fn hours(&self) -> Amount {
        self.largest(|d| Unit::of(&d.credit_type).is_time())
    }

    /// What hours per topic are a part of: the activity's hours, or its points when it carries
    /// only points (a board counting points then takes the same share of them).
    pub fn share_base(&self) -> Amount {
        let hours = self.hours();
        if hours.is_positive() {
            hours
        } else {
            self.largest(|_| true)
        }
    }

    fn largest(&self, take: impl Fn(&CreditDesignation) -> bool) -> Amount {
        self.credits
            .iter()
            .filter(|d| take(d))
            .map(|d| d.amount.scale_percent(hours_percent(&d.credit_type)))
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
            Some(h) => (*h).min(self.share_base()),
            None => self.share_base(),
        }
    }
}

/// The certificates kept with an activity (their bytes are stored apart, by file id).
impl Activity {
    /// Adds a file's record (its bytes were stored first); the same file twice is kept once.
    pub fn attach(&mut self, file: CertificateFile) -> Result<(), String> {
        if self.certificates.iter().any(|f| f.id == file.id) {
            return Ok(());
        }
        if self.certificates.len() >= MAX_PER_ACTIVITY {
            return Err(format!(
                "An activity keeps at most {MAX_PER_ACTIVITY} certificates; remove one first."
            ));
        }
        self.certificates.push(file);
        Ok(())
    }

    /// Removes a file's record and returns it (for undo, and to delete its bytes).
    pub fn detach(&mut self, id: Uuid) -> Result<CertificateFile, String> {
        let at = self
            .certificates
            .iter()
            .position(|f| f.id == id)
            .ok_or("That certificate is no longer there.")?;
        Ok(self.certificates.remove(at))
    }

    /// A meaningful download name for one of its files:
    /// `2025-03-03_American-College-of-Cardiology_Heart-failure.pdf` (date, provider, title;
    /// characters file systems refuse dropped; a second file numbered).
    pub fn certificate_file_name(&self, file: &CertificateFile) -> String {
        let part = |s: &str, max: usize| -> String {
            let cleaned: String = s
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            let squeezed = cleaned
                .split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            squeezed.chars().take(max).collect()
        };
        let mut name = self.end.to_string();
        for (text, max) in [(&self.provider, 40), (&self.title, 60)] {
            let text = part(text, max);
            if !text.is_empty() {
                name.push('_');
                name.push_str(&text);
            }
        }
        let position = self
            .certificates
            .iter()
            .position(|f| f.id == file.id)
            .unwrap_or(0);
        if position > 0 {
            name.push_str(&format!("_{}", position + 1));
        }
        format!("{name}.{}", extension(&file.mime))
    }
}
