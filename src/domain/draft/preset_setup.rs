//! The preset setup form ("add from the catalog"): the expiry, the CE deadline, the holder's
//! conditions and renewal, the number, and when one-time requirements were already done; built
//! into a credential with the preset's rules.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

use super::{optional_date, parse_date, required_date, FieldError};
use crate::domain::model::credential::{Credential, Exemption, ExemptionKind, RenewalAnswer};
use crate::domain::model::rule::{Recurrence, Rule, RuleKind};
use crate::domain::presets::Preset;

/// The preset setup form ("add from the catalog"), as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetSetupDraft {
    /// The expiry date: the end of the current cycle.
    pub end: String,
    /// Empty when the CE is due at the expiry.
    pub ce_deadline: String,
    pub renewal: RenewalAnswer,
    /// Holder conditions ticked (those the preset implies start ticked).
    pub conditions: BTreeSet<String>,
    /// The license or certificate number (optional), for reports and the auditor.
    pub number: String,
    /// "Already done? when?" answers, by rule id, for the one-time and every-N-renewals rules
    /// ([`PresetSetupDraft::done_questions`]); empty: not done yet.
    pub done: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PresetSetupField {
    End,
    CeDeadline,
    Number,
    /// The "done on" date of the `i`-th question of [`PresetSetupDraft::done_questions`].
    Done(usize),
}

impl PresetSetupDraft {
    pub fn new(preset: &Preset) -> PresetSetupDraft {
        PresetSetupDraft {
            end: String::new(),
            ce_deadline: String::new(),
            renewal: RenewalAnswer::NotSure,
            conditions: preset.implied_conditions(),
            number: String::new(),
            done: BTreeMap::new(),
        }
    }

    /// The rules setup asks "already done? when?" about: one-time courses (a topic or a
    /// completion), which a clinician may well have done before using the app. Never a total
    /// or a recurring rule: an answer there would mark hours met with none logged; those hours
    /// are logged as activities.
    pub fn done_questions(preset: &Preset) -> Vec<&Rule> {
        preset
            .rules
            .iter()
            .filter(|r| {
                matches!(
                    r.recurrence,
                    Recurrence::OnceEver | Recurrence::OnceWithinFirstCycles { .. }
                ) && matches!(
                    r.kind,
                    RuleKind::TopicMin { .. } | RuleKind::Completion { .. }
                )
            })
            .collect()
    }

    /// Credentials already made from this preset: adding it again asks first.
    pub fn already_held<'c>(preset: &Preset, credentials: &'c [Credential]) -> Vec<&'c Credential> {
        credentials
            .iter()
            .filter(|c| c.preset.as_ref().is_some_and(|r| r.id == preset.id))
            .collect()
    }

    /// The cycle start the preset gives for the typed expiry, for a hint under the field.
    pub fn start_preview(&self, preset: &Preset) -> Option<NaiveDate> {
        parse_date(&self.end).map(|e| preset.cycle_start_for(e))
    }

    /// Every step of adding a credential from a preset: the cycle from the expiry, the preset's
    /// rules, the renewal answer and the conditions. Checked like the credential form.
    pub fn build(
        &self,
        preset: &Preset,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Credential, Vec<FieldError<PresetSetupField>>> {
        let mut errors = Vec::new();
        let end = required_date(
            &self.end,
            PresetSetupField::End,
            "Enter the date your license or certification expires (the end of the current cycle).",
            &mut errors,
        );
        // A deadline that does not parse is said, never silently dropped.
        let deadline = optional_date(&self.ce_deadline, PresetSetupField::CeDeadline, &mut errors);
        if let (Some(end), Some(dl)) = (end, deadline) {
            let start = preset.cycle_start_for(end);
            if dl < start {
                errors.push(FieldError::new(
                    PresetSetupField::CeDeadline,
                    "The CE deadline cannot be before the cycle starts.",
                ));
            } else if (dl - end).num_days() > crate::domain::model::contract::MAX_GRACE_DAYS {
                errors.push(FieldError::new(
                    PresetSetupField::CeDeadline,
                    "The CE deadline can be at most a year after the cycle ends.",
                ));
            }
        }
        if let Some(m) = super::too_long(
            "number",
            &self.number,
            crate::domain::model::contract::limits::NUMBER,
        ) {
            errors.push(FieldError::new(PresetSetupField::Number, m));
        }
        let today = now.date_naive();
        let mut done: Vec<(&Rule, NaiveDate)> = Vec::new();
        for (i, rule) in Self::done_questions(preset).into_iter().enumerate() {
            let text = self.done.get(&rule.id).map_or("", String::as_str);
            let field = PresetSetupField::Done(i);
            if let Some(d) = optional_date(text, field, &mut errors) {
                if d > today {
                    errors.push(FieldError::new(
                        field,
                        "A date in the future is not done yet: leave it empty, or log it as a planned activity.",
                    ));
                } else {
                    done.push((rule, d));
                }
            }
        }
        let Some(end) = end.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let mut c = preset.instantiate(id, preset.cycle_start_for(end), end, now);
        c.cycle.ce_deadline = deadline;
        c.set_renewal_answer(self.renewal);
        c.conditions = self.conditions.clone();
        let number = self.number.trim();
        c.number = (!number.is_empty()).then(|| number.to_string());
        // A one-time course done at any date is met for good; the date is shown with it.
        for (rule, date) in done {
            c.cycle.exemptions.push(Exemption {
                rule_id: rule.id.clone(),
                kind: ExemptionKind::DeemedMet,
                reason: "Completed before tracking (answered when the credential was added)".into(),
                date,
            });
        }
        Ok(c)
    }
}
