//! Credentials (licenses, certifications, registrations, memberships) and their cycles.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use uuid::Uuid;

use crate::domain::model::credits::CreditTypeId;
use crate::domain::model::rule::Rule;

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
pub enum CredentialKind {
    StateLicense,
    BoardCertification,
    DeaRegistration,
    Membership,
    Other,
}

impl CredentialKind {
    pub fn label(self) -> &'static str {
        match self {
            CredentialKind::StateLicense => "State license",
            CredentialKind::BoardCertification => "Board certification",
            CredentialKind::DeaRegistration => "DEA registration",
            CredentialKind::Membership => "Membership",
            CredentialKind::Other => "Other",
        }
    }
}

/// One renewal period. Both ends are inclusive: an activity ending on `end` counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cycle {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// When the CE must be done, if not the license end (Texas allows 30 days' grace, some boards
    /// want CE reported before expiry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ce_deadline: Option<NaiveDate>,
    /// Exemptions and "deemed met" decisions the user recorded for this cycle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<Exemption>,
}

impl Cycle {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Cycle {
        Cycle {
            start,
            end,
            ce_deadline: None,
            exemptions: Vec::new(),
        }
    }

    /// The date by which the CE must be complete.
    pub fn deadline(&self) -> NaiveDate {
        self.ce_deadline.unwrap_or(self.end)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum ExemptionKind {
    /// The board excused the requirement (residency, hardship, military…).
    Exempt,
    /// Satisfied by something that is not an activity (earlier training, board certification).
    DeemedMet,
}

impl ExemptionKind {
    pub fn label(self) -> &'static str {
        match self {
            ExemptionKind::Exempt => "Exempt (excused by the board)",
            ExemptionKind::DeemedMet => "Deemed met (satisfied another way)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    pub rule_id: String,
    pub kind: ExemptionKind,
    pub reason: String,
    pub date: NaiveDate,
}

/// A credential-specific multiplier on a credit type (e.g. a board counting Category 1 ×1.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditWeight {
    pub credit_type: CreditTypeId,
    /// 150 = ×1.5.
    pub percent: u32,
    /// Only the first this much of the type's credit in a rule's window is weighted, the rest
    /// counts once (NCCPA doubles the first 20 PI-CME credits of a period); `None`: all of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<crate::domain::model::credits::Amount>,
}

/// A credential accepting one credit type as another (AOA 1-A accepted as AMA PRA Category 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equivalence {
    pub from: CreditTypeId,
    pub counts_as: CreditTypeId,
}

/// Which preset a credential's rules were copied from, so a newer catalog version can be offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresetRef {
    pub id: String,
    pub version: u32,
}

/// "Which renewal is this cycle?" as a form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum RenewalAnswer {
    NotSure,
    First,
    Second,
    ThirdOrLater,
}

impl RenewalAnswer {
    pub fn label(self) -> &'static str {
        match self {
            RenewalAnswer::NotSure => "Not sure",
            RenewalAnswer::First => "The first renewal after licensure",
            RenewalAnswer::Second => "The second renewal",
            RenewalAnswer::ThirdOrLater => "The third renewal or later",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    pub id: Uuid,
    pub name: String,
    pub kind: CredentialKind,
    #[serde(default)]
    pub jurisdiction: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Holder conditions that are true (codes from [`crate::domain::model::vocab::CONDITIONS`]).
    #[serde(default)]
    pub conditions: BTreeSet<String>,
    pub cycle: Cycle,
    /// Earlier cycles, most recent first; used by recurring rules and carry-over.
    #[serde(default)]
    pub past_cycles: Vec<Cycle>,
    /// Whether the current cycle is the first renewal after initial licensure.
    #[serde(default)]
    pub first_renewal: bool,
    /// Which renewal the current cycle leads to, when the holder said so (2 = second, 3 = third
    /// or later). Rules for "the first two renewals" or "from the third renewal on" depend on it;
    /// without it the number is inferred from the recorded earlier cycles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal: Option<u32>,
    pub rules: Vec<Rule>,
    /// Ways to renew, when the board offers several (CE hours, or a certification, or practice
    /// hours); `None`: every rule applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathways: Option<crate::domain::model::pathway::Pathways>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<CreditWeight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<PresetRef>,
    #[serde(default)]
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Credential {
    /// The same credential held twice under two ids (added on two devices, or a preset added
    /// again): same catalog preset and same cycle, or same name and same license number.
    pub fn same_as(&self, other: &Credential) -> bool {
        if self.id == other.id {
            return false;
        }
        let same_preset = matches!((&self.preset, &other.preset), (Some(a), Some(b)) if a.id == b.id)
            && self.cycle.start == other.cycle.start
            && self.cycle.end == other.cycle.end;
        let number = |c: &Credential| {
            c.number
                .as_deref()
                .map(|n| n.trim().to_lowercase())
                .filter(|n| !n.is_empty())
        };
        let same_number = self.name.trim().eq_ignore_ascii_case(other.name.trim())
            && number(self).is_some()
            && number(self) == number(other);
        same_preset || same_number
    }

    pub fn has_condition(&self, code: &str) -> bool {
        self.conditions.contains(code)
    }

    /// The license renewed: the current cycle becomes the most recent earlier one (kept for
    /// recurring rules and carry-over) and a new one starts the day after it ended.
    pub fn start_next_cycle(
        &mut self,
        new_end: NaiveDate,
        ce_deadline: Option<NaiveDate>,
    ) -> Result<(), String> {
        let start = self
            .cycle
            .end
            .succ_opt()
            .ok_or_else(|| "The current cycle has no next day.".to_string())?;
        if new_end < start {
            return Err(format!("The new cycle must end after it starts ({start})."));
        }
        if crate::domain::model::limits::date_problem(new_end).is_some() {
            return Err("Enter an end date between 1900 and 2200.".into());
        }
        if (new_end - start).num_days() > crate::domain::model::limits::MAX_CYCLE_DAYS {
            return Err(
                "A renewal cycle longer than 10 years is almost certainly a typing slip.".into(),
            );
        }
        if ce_deadline.is_some_and(|d| d < start) {
            return Err("The CE deadline must fall inside the new cycle or after it.".into());
        }
        if ce_deadline.is_some_and(|d| {
            (d - new_end).num_days() > crate::domain::model::limits::MAX_GRACE_DAYS
        }) {
            return Err("The CE deadline can be at most a year after the cycle ends.".into());
        }
        if self.past_cycles.len() >= crate::domain::model::limits::PAST_CYCLES {
            return Err(format!(
                "This credential already keeps {} earlier cycles, the most it can hold.",
                crate::domain::model::limits::PAST_CYCLES
            ));
        }
        let mut next = Cycle::new(start, new_end);
        next.ce_deadline = ce_deadline;
        let old = std::mem::replace(&mut self.cycle, next);
        self.past_cycles.insert(0, old);
        // An answered renewal number moves on with the cycle; an unanswered one stays inferred
        // from the recorded cycles (which just grew by one).
        self.renewal = self.renewal.map(|n| n.max(1) + 1);
        self.first_renewal = false;
        Ok(())
    }

    /// The holder's answer to "which renewal is this?", as the forms show it.
    pub fn renewal_answer(&self) -> RenewalAnswer {
        match (self.first_renewal, self.renewal) {
            (true, _) => RenewalAnswer::First,
            (false, Some(2)) => RenewalAnswer::Second,
            (false, Some(n)) if n >= 3 => RenewalAnswer::ThirdOrLater,
            _ => RenewalAnswer::NotSure,
        }
    }

    pub fn set_renewal_answer(&mut self, answer: RenewalAnswer) {
        self.first_renewal = answer == RenewalAnswer::First;
        self.renewal = match answer {
            RenewalAnswer::NotSure => None,
            RenewalAnswer::First => Some(1),
            RenewalAnswer::Second => Some(2),
            RenewalAnswer::ThirdOrLater => Some(3),
        };
    }

    /// Which renewal the current cycle is: 1 for the first renewal. The holder's answer counts,
    /// raised by the earlier cycles recorded since; without an answer the recorded cycles are the
    /// only evidence, and "at least the second" is assumed (it keeps first-renewal-only rules in
    /// force rather than silently dropping them).
    pub fn renewal_number(&self) -> u32 {
        if self.first_renewal {
            return 1;
        }
        let recorded = self.past_cycles.len() as u32 + 1;
        match self.renewal {
            Some(n) => n.max(recorded),
            None => recorded.max(2),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::build::*;
    use crate::domain::RenewalAnswer;

    #[test]
    fn the_renewal_answer_sets_the_renewal_number_and_moves_on_with_each_cycle() {
        let mut c = credential("TX", "2025-02-01", "2027-01-31").build();
        // No answer, no recorded cycles: assumed at least the second renewal.
        assert_eq!(c.renewal_answer(), RenewalAnswer::NotSure);
        assert_eq!(c.renewal_number(), 2);
        c.set_renewal_answer(RenewalAnswer::ThirdOrLater);
        assert_eq!(c.renewal_number(), 3);
        c.start_next_cycle(date("2029-01-31"), None).unwrap();
        assert_eq!(c.renewal_number(), 4);
        assert_eq!(c.renewal_answer(), RenewalAnswer::ThirdOrLater);

        let mut first = credential("FL", "2025-02-01", "2027-01-31").build();
        first.set_renewal_answer(RenewalAnswer::First);
        assert_eq!(first.renewal_number(), 1);
        first.start_next_cycle(date("2029-01-31"), None).unwrap();
        assert_eq!(first.renewal_number(), 2);
        assert_eq!(first.renewal_answer(), RenewalAnswer::Second);

        // Recorded earlier cycles outweigh a lower answer.
        let mut many = credential("CA", "2025-02-01", "2027-01-31")
            .past_cycle("2023-02-01", "2025-01-31")
            .past_cycle("2021-02-01", "2023-01-31")
            .past_cycle("2019-02-01", "2021-01-31")
            .build();
        many.set_renewal_answer(RenewalAnswer::Second);
        assert_eq!(many.renewal_number(), 4);
    }

    #[test]
    fn a_new_cycle_keeps_the_old_one_for_recurring_rules() {
        let mut c = credential("TX", "2025-02-01", "2027-01-31")
            .first_renewal()
            .build();
        assert_eq!(c.renewal_number(), 1);
        assert!(c.start_next_cycle(date("2027-01-15"), None).is_err());
        c.start_next_cycle(date("2029-01-31"), None).unwrap();
        assert_eq!(c.cycle.start, date("2027-02-01"));
        assert_eq!(c.past_cycles[0].end, date("2027-01-31"));
        assert!(!c.first_renewal);
        assert_eq!(c.renewal_number(), 2);
    }
}
