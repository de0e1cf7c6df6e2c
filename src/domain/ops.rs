//! Every change of a credential as one tested operation. Pages build an operation from a checked
//! draft and dispatch it; the reducer applies it and stamps the time. Nothing here reads a clock:
//! `now` is a parameter.

use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use uuid::Uuid;

use super::draft::ValidNextCycle;
use super::presets::Preset;
use crate::domain::model::credential::{
    Credential, CredentialKind, CreditWeight, Cycle, Equivalence, Exemption,
};
use crate::domain::model::rule::Rule;

/// One change of a credential.
#[derive(Debug, Clone, PartialEq)]
pub enum CredentialOp {
    /// Adds the rule, or replaces the one with the same id (its exemptions stay attached).
    UpsertRule(Box<Rule>),
    /// Removes the rule with this id, and the current cycle's exemption for it.
    RemoveRule(String),
    /// Records the decision for its rule in the current cycle (replacing an earlier one).
    RecordExemption(Exemption),
    /// Removes the current cycle's decision for this rule.
    RemoveExemption(String),
    /// The license renewed: see [`Credential::start_next_cycle`].
    StartNextCycle(ValidNextCycle),
    /// Takes a newer catalog version's rules, weights and equivalences and remembers the version.
    ApplyPresetUpdate {
        rules: Vec<Rule>,
        weights: Vec<CreditWeight>,
        equivalences: Vec<Equivalence>,
        version: u32,
    },
    /// Records the dates of an earlier cycle (checked by `PastCycleDraft`).
    AddPastCycle(Cycle),
    /// Removes the earlier cycle at this position (most recent first).
    RemovePastCycle(usize),
    /// Follows this renewal pathway (`None`: any).
    ChoosePathway(Option<String>),
    /// Records non-CE evidence for a pathway (checked by `EvidenceDraft`).
    RecordEvidence(crate::domain::model::pathway::EvidenceRecord),
    /// Removes the evidence record at this position.
    RemoveEvidence(usize),
}

impl Credential {
    /// A credential with no requirements yet.
    pub fn new(
        id: Uuid,
        name: String,
        kind: CredentialKind,
        cycle: Cycle,
        now: DateTime<Utc>,
    ) -> Credential {
        Credential {
            id,
            name,
            kind,
            jurisdiction: String::new(),
            number: None,
            conditions: BTreeSet::new(),
            cycle,
            past_cycles: Vec::new(),
            first_renewal: false,
            renewal: None,
            rules: Vec::new(),
            pathways: None,
            weights: Vec::new(),
            equivalences: Vec::new(),
            preset: None,
            notes: String::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Applies `op` and stamps `updated_at`; on an error nothing changes.
    pub fn apply(&mut self, op: CredentialOp, now: DateTime<Utc>) -> Result<(), String> {
        match op {
            CredentialOp::UpsertRule(rule) => match self.rules.iter_mut().find(|r| r.id == rule.id)
            {
                Some(slot) => *slot = *rule,
                None => self.rules.push(*rule),
            },
            CredentialOp::RemoveRule(id) => {
                let before = self.rules.len();
                self.rules.retain(|r| r.id != id);
                if self.rules.len() == before {
                    return Err("That requirement is no longer there.".into());
                }
                self.cycle.exemptions.retain(|e| e.rule_id != id);
                // A pathway must not name a rule that is gone.
                if let Some(p) = self.pathways.as_mut() {
                    for o in &mut p.options {
                        o.rules.retain(|r| r != &id);
                    }
                }
            }
            CredentialOp::RecordExemption(e) => {
                if !self.rules.iter().any(|r| r.id == e.rule_id) {
                    return Err("That requirement is no longer there.".into());
                }
                self.cycle.exemptions.retain(|x| x.rule_id != e.rule_id);
                self.cycle.exemptions.push(e);
            }
            CredentialOp::RemoveExemption(rule_id) => {
                self.cycle.exemptions.retain(|x| x.rule_id != rule_id);
            }
            CredentialOp::StartNextCycle(next) => {
                self.start_next_cycle(next.end, next.ce_deadline)?;
            }
            CredentialOp::ApplyPresetUpdate {
                rules,
                weights,
                equivalences,
                version,
            } => {
                // Exemptions of rules the update removes would point at nothing.
                self.cycle
                    .exemptions
                    .retain(|e| rules.iter().any(|r| r.id == e.rule_id));
                self.rules = rules;
                self.weights = weights;
                self.equivalences = equivalences;
                if let Some(p) = self.preset.as_mut() {
                    p.version = version;
                }
            }
            CredentialOp::AddPastCycle(cycle) => {
                if cycle.end >= self.cycle.start
                    || self
                        .past_cycles
                        .iter()
                        .any(|p| cycle.start <= p.end && p.start <= cycle.end)
                {
                    return Err("That cycle overlaps one already recorded.".into());
                }
                super::draft::insert_past_cycle(&mut self.past_cycles, cycle);
            }
            CredentialOp::RemovePastCycle(i) => {
                if i >= self.past_cycles.len() {
                    return Err("That cycle is no longer there.".into());
                }
                self.past_cycles.remove(i);
            }
            CredentialOp::ChoosePathway(choice) => {
                let p = self
                    .pathways
                    .as_mut()
                    .ok_or("This credential has no renewal pathways.")?;
                if let Some(c) = &choice {
                    if !p.options.iter().any(|o| &o.id == c) {
                        return Err("That pathway is no longer offered.".into());
                    }
                }
                p.chosen = choice;
            }
            CredentialOp::RecordEvidence(e) => {
                let p = self
                    .pathways
                    .as_mut()
                    .ok_or("This credential has no renewal pathways.")?;
                if !p.options.iter().any(|o| o.id == e.pathway) {
                    return Err("That pathway is no longer offered.".into());
                }
                p.evidence.push(e);
            }
            CredentialOp::RemoveEvidence(i) => {
                let p = self
                    .pathways
                    .as_mut()
                    .ok_or("This credential has no renewal pathways.")?;
                if i >= p.evidence.len() {
                    return Err("That record is no longer there.".into());
                }
                p.evidence.remove(i);
            }
        }
        self.updated_at = now;
        Ok(())
    }

    /// An id for a new rule, unique in this credential and never one a removed rule had while
    /// its exemptions might remain ("rule3" stays "rule3" whatever is removed later).
    pub fn next_rule_id(&self) -> String {
        let mut n = self.rules.len() + 1;
        let taken = |id: &str| {
            self.rules.iter().any(|r| r.id == id)
                || std::iter::once(&self.cycle)
                    .chain(&self.past_cycles)
                    .any(|c| c.exemptions.iter().any(|e| e.rule_id == id))
        };
        while taken(&format!("rule{n}")) {
            n += 1;
        }
        format!("rule{n}")
    }
}

impl Preset {
    /// The update operation that brings `credential` to this preset's rules and version.
    pub fn update_op(&self) -> CredentialOp {
        CredentialOp::ApplyPresetUpdate {
            rules: self.rules.clone(),
            weights: self.weights.clone(),
            equivalences: self.equivalences.clone(),
            version: self.version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::draft::{PresetSetupDraft, PresetSetupField};
    use crate::domain::model::credential::ExemptionKind;
    use crate::domain::model::credential::RenewalAnswer;
    use crate::domain::presets::find;
    use chrono::TimeZone;

    fn t(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 12, minute, 0).unwrap()
    }

    fn exemption(rule: &str) -> Exemption {
        Exemption {
            rule_id: rule.into(),
            kind: ExemptionKind::Exempt,
            reason: "Residency".into(),
            date: date("2026-01-05"),
        }
    }

    #[test]
    fn rules_are_added_replaced_and_removed_by_id_with_their_exemptions() {
        let mut c = Credential::new(
            Uuid::nil(),
            "TX".into(),
            CredentialKind::StateLicense,
            Cycle::new(date("2025-01-01"), date("2026-12-31")),
            t(0),
        );
        assert!(c.rules.is_empty());
        let id = c.next_rule_id();
        assert_eq!(id, "rule1");
        c.apply(
            CredentialOp::UpsertRule(Box::new(total(&id, "48", &[]))),
            t(1),
        )
        .unwrap();
        let second = c.next_rule_id();
        c.apply(
            CredentialOp::UpsertRule(Box::new(total(&second, "12", &[]))),
            t(2),
        )
        .unwrap();
        c.apply(CredentialOp::RecordExemption(exemption("rule1")), t(3))
            .unwrap();
        // Replacing rule1 keeps its exemption; removing it takes the exemption too.
        c.apply(
            CredentialOp::UpsertRule(Box::new(total("rule1", "50", &[]))),
            t(4),
        )
        .unwrap();
        assert_eq!(c.cycle.exemptions.len(), 1);
        c.apply(CredentialOp::RemoveRule("rule1".into()), t(5))
            .unwrap();
        assert_eq!(c.rules.len(), 1);
        assert!(c.cycle.exemptions.is_empty());
        assert_eq!(c.updated_at, t(5));
        // A failed operation changes nothing, not even the time.
        let before = c.clone();
        assert!(c
            .apply(CredentialOp::RemoveRule("nope".into()), t(6))
            .is_err());
        assert!(c
            .apply(CredentialOp::RecordExemption(exemption("nope")), t(6))
            .is_err());
        assert_eq!(c, before);
        // The new id never reuses one still named by an exemption of an earlier cycle.
        c.past_cycles.push(Cycle {
            exemptions: vec![exemption("rule2")],
            ..Cycle::new(date("2023-01-01"), date("2024-12-31"))
        });
        c.rules.clear();
        assert_eq!(c.next_rule_id(), "rule1");
        c.rules.push(total("rule1", "1", &[]));
        assert_eq!(c.next_rule_id(), "rule3");
    }

    #[test]
    fn exemptions_replace_the_earlier_decision_and_can_be_removed() {
        let mut c = credential("TX", "2025-01-01", "2026-12-31")
            .rule(total("total", "48", &[]))
            .build();
        c.apply(CredentialOp::RecordExemption(exemption("total")), t(1))
            .unwrap();
        let mut again = exemption("total");
        again.kind = ExemptionKind::DeemedMet;
        c.apply(CredentialOp::RecordExemption(again.clone()), t(2))
            .unwrap();
        assert_eq!(c.cycle.exemptions, vec![again]);
        c.apply(CredentialOp::RemoveExemption("total".into()), t(3))
            .unwrap();
        assert!(c.cycle.exemptions.is_empty());
    }

    #[test]
    fn the_next_cycle_and_a_preset_update_are_operations_too() {
        let mut c = credential("TX", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .build();
        c.apply(
            CredentialOp::StartNextCycle(ValidNextCycle {
                end: date("2029-01-31"),
                ce_deadline: None,
            }),
            t(1),
        )
        .unwrap();
        assert_eq!(c.cycle.start, date("2027-02-01"));
        assert_eq!(c.past_cycles.len(), 1);

        let p = find("us-tx-md-do").unwrap();
        let mut old = p.instantiate(Uuid::nil(), date("2025-02-01"), date("2027-01-31"), t(0));
        old.preset.as_mut().unwrap().version = 0;
        old.rules.truncate(1);
        old.cycle.exemptions.push(exemption("gone"));
        old.apply(p.update_op(), t(2)).unwrap();
        assert_eq!(old.rules, p.rules);
        assert_eq!(old.preset.as_ref().unwrap().version, p.version);
        assert!(old.cycle.exemptions.is_empty());
    }

    #[test]
    fn adding_from_a_preset_does_every_step_and_says_what_is_wrong() {
        let p = find("us-tx-md-do").unwrap();
        let mut d = PresetSetupDraft::new(p);
        let fields = |d: &PresetSetupDraft| -> Vec<PresetSetupField> {
            d.build(p, Uuid::nil(), t(0))
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(&d), [PresetSetupField::End]);
        d.end = "2027-01-31".into();
        d.ce_deadline = "2020-01-01".into();
        assert_eq!(fields(&d), [PresetSetupField::CeDeadline]);
        d.ce_deadline = "not a date".into();
        assert_eq!(fields(&d), [PresetSetupField::CeDeadline]);
        d.ce_deadline = "2027-02-28".into();
        d.renewal = RenewalAnswer::ThirdOrLater;
        d.conditions.insert("direct_patient_care".into());
        assert_eq!(d.start_preview(p), Some(date("2025-02-01")));
        let c = d.build(p, Uuid::nil(), t(0)).unwrap();
        assert_eq!(c.cycle.start, date("2025-02-01"));
        assert_eq!(c.cycle.ce_deadline, Some(date("2027-02-28")));
        assert_eq!(c.renewal_number(), 3);
        assert!(c.has_condition("direct_patient_care"));
        assert_eq!(c.rules, p.rules);

        // Adding a DEA registration never asks whether she holds one.
        let dea = crate::domain::presets::catalog()
            .presets()
            .iter()
            .find(|p| p.kind == CredentialKind::DeaRegistration)
            .unwrap();
        assert!(!dea.conditions_asked.iter().any(|c| c == "dea_registrant"));
    }
}
