//! The rule editor.

use super::too_long;
use crate::domain::model::activity::Format;
use crate::domain::model::contract::{self, limits};
use crate::domain::model::credits::{Amount, AmountError, CreditTypeId};
use crate::domain::model::topics::TopicId;

pub use crate::domain::model::rule::{RecurrenceChoice, RuleKindChoice};

/// The rule editor's fields, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDraft {
    /// Kept when editing so exemptions recorded against the rule stay attached.
    pub id: Option<String>,
    pub label: String,
    pub kind: RuleKindChoice,
    /// Minimum, maximum or per-year amount, depending on the kind.
    pub amount: String,
    pub credit_types: Vec<CreditTypeId>,
    pub topics: Vec<TopicId>,
    /// Topics whose hours do not count toward the rule.
    pub excludes_topics: Vec<TopicId>,
    /// "In force from" and "until" dates as typed (`yyyy-mm-dd`; empty: always).
    pub effective_from: String,
    pub effective_until: String,
    pub formats: Vec<Format>,
    pub recurrence: RecurrenceChoice,
    /// N for "every N cycles", "first N renewals", "after the first N".
    pub n: String,
    /// Months for "every N months" and "after the first N renewals, every M months".
    pub months: String,
    pub carry_over_max: String,
    pub carry_over_topic_hours: bool,
    pub applies_if: Vec<String>,
    pub counts_toward_total: bool,
    pub round_to_quarter_hour: bool,
    pub note: String,
}

impl Default for RuleDraft {
    fn default() -> Self {
        RuleDraft {
            id: None,
            label: String::new(),
            kind: RuleKindChoice::Total,
            amount: String::new(),
            credit_types: Vec::new(),
            topics: Vec::new(),
            formats: Vec::new(),
            recurrence: RecurrenceChoice::EveryCycle,
            n: String::new(),
            months: String::new(),
            carry_over_max: String::new(),
            carry_over_topic_hours: false,
            applies_if: Vec::new(),
            counts_toward_total: true,
            round_to_quarter_hour: false,
            excludes_topics: Vec::new(),
            effective_from: String::new(),
            effective_until: String::new(),
            note: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleField {
    Note,
    Label,
    Amount,
    Topics,
    Limits,
    N,
    Months,
    CarryOver,
    EffectiveFrom,
    EffectiveUntil,
}

/// A message next to one field of the rule editor.
pub type RuleFieldError = super::FieldError<RuleField>;

impl RuleDraft {
    pub fn from_rule(rule: &crate::domain::model::rule::Rule) -> RuleDraft {
        use crate::domain::model::rule::{Recurrence as R, RuleKind as K};
        let mut d = RuleDraft {
            id: Some(rule.id.clone()),
            label: rule.label.clone(),
            kind: RuleKindChoice::of(&rule.kind),
            counts_toward_total: rule.counts_toward_total,
            round_to_quarter_hour: rule.round_to_quarter_hour,
            note: rule.note.clone(),
            applies_if: rule.applies_if.all.clone(),
            excludes_topics: rule.excludes_topics.clone(),
            effective_from: rule
                .effective_from
                .map(|d| d.to_string())
                .unwrap_or_default(),
            effective_until: rule
                .effective_until
                .map(|d| d.to_string())
                .unwrap_or_default(),
            ..RuleDraft::default()
        };
        match &rule.kind {
            K::Total {
                accepts,
                min,
                carry_over,
            } => {
                d.credit_types = accepts.credit_types.clone();
                d.amount = min.display_short();
                if let Some(c) = carry_over {
                    d.carry_over_max = c.max.display_short();
                    d.carry_over_topic_hours = c.include_topic_hours;
                }
            }
            K::CategoryMin { accepts, min } => {
                d.credit_types = accepts.credit_types.clone();
                d.amount = min.display_short();
            }
            K::Cap {
                accepts,
                formats,
                topics,
                max,
            } => {
                d.credit_types = accepts.credit_types.clone();
                d.formats = formats.clone();
                d.topics = topics.clone();
                d.amount = max.display_short();
            }
            K::TopicMin {
                topics,
                accepts,
                min,
            } => {
                d.topics = topics.clone();
                d.credit_types = accepts.credit_types.clone();
                d.amount = min.display_short();
            }
            K::Completion { topics, accepts } => {
                d.topics = topics.clone();
                d.credit_types = accepts.credit_types.clone();
            }
            K::PerYear {
                accepts,
                topics,
                min_per_year,
            } => {
                d.credit_types = accepts.credit_types.clone();
                d.topics = topics.clone();
                d.amount = min_per_year.display_short();
            }
        }
        match rule.recurrence {
            R::EveryCycle => {}
            R::EveryNCycles { n } => {
                d.recurrence = RecurrenceChoice::EveryNCycles;
                d.n = n.to_string();
            }
            R::EveryNMonths { months } => {
                d.recurrence = RecurrenceChoice::EveryNMonths;
                d.months = months.to_string();
            }
            R::OnceEver => d.recurrence = RecurrenceChoice::OnceEver,
            R::FirstCycles { n } => {
                d.recurrence = RecurrenceChoice::FirstCycles;
                d.n = n.to_string();
            }
            R::OnceWithinFirstCycles { n } => {
                d.recurrence = RecurrenceChoice::OnceWithinFirstCycles;
                d.n = n.to_string();
            }
            R::AfterFirstCycles { after, months } => {
                d.recurrence = RecurrenceChoice::AfterFirstCycles;
                d.n = after.to_string();
                d.months = months.to_string();
            }
        }
        d
    }

    /// Checks the draft and builds the rule. `existing` is the rule being edited (its `any`/`none`
    /// conditions and other fields the editor does not show are kept); `new_id` names a new rule.
    pub fn validate(
        &self,
        existing: Option<&crate::domain::model::rule::Rule>,
        new_id: &str,
    ) -> Result<crate::domain::model::rule::Rule, Vec<RuleFieldError>> {
        use crate::domain::model::rule::{
            Accepts, AppliesIf, CarryOver, Recurrence as R, Rule, RuleKind as K,
        };
        let mut errors = Vec::new();
        let mut e = |field, message: &str| {
            errors.push(RuleFieldError {
                field,
                message: message.to_string(),
            })
        };
        if self.label.trim().is_empty() {
            e(
                RuleField::Label,
                "Give the rule a short name, e.g. \"Ethics\".",
            );
        } else if let Some(m) = too_long("name", &self.label, limits::RULE_LABEL) {
            e(RuleField::Label, &m);
        }
        if let Some(m) = too_long("note", &self.note, limits::RULE_NOTE) {
            e(RuleField::Note, &m);
        }
        let needs_amount = self.kind != RuleKindChoice::Completion;
        let amount = if needs_amount {
            match Amount::parse(&self.amount) {
                Ok(a) if a > contract::MAX_RULE_AMOUNT => {
                    e(RuleField::Amount, "Enter at most 1000 hours.");
                    None
                }
                Ok(a) if a.is_positive() => Some(a),
                Ok(_) => {
                    e(RuleField::Amount, "The hours must be more than 0.");
                    None
                }
                Err(AmountError::Empty) => {
                    e(RuleField::Amount, "Enter the number of hours.");
                    None
                }
                Err(err) => {
                    e(RuleField::Amount, &err.to_string());
                    None
                }
            }
        } else {
            None
        };
        let needs_topics = matches!(
            self.kind,
            RuleKindChoice::TopicMin | RuleKindChoice::Completion
        );
        if needs_topics && self.topics.is_empty() {
            e(RuleField::Topics, "Choose at least one topic.");
        }
        if self.kind == RuleKindChoice::CategoryMin && self.credit_types.is_empty() {
            e(
                RuleField::Limits,
                "Choose the credit types this minimum is about.",
            );
        }
        if self.kind == RuleKindChoice::Cap
            && self.credit_types.is_empty()
            && self.formats.is_empty()
            && self.topics.is_empty()
        {
            e(
                RuleField::Limits,
                "Choose what the cap limits: credit types, formats or topics.",
            );
        }
        let mut count = |text: &str, field, what: &str, max: u32| -> u32 {
            match text.trim().parse::<u32>() {
                Ok(v) if (1..=max).contains(&v) => v,
                _ => {
                    e(
                        field,
                        &format!("Enter a whole number of {what} from 1 to {max}."),
                    );
                    0
                }
            }
        };
        let recurrence = match self.recurrence {
            RecurrenceChoice::EveryCycle => R::EveryCycle,
            RecurrenceChoice::OnceEver => R::OnceEver,
            RecurrenceChoice::EveryNCycles => R::EveryNCycles {
                n: count(&self.n, RuleField::N, "cycles", contract::MAX_CYCLES),
            },
            RecurrenceChoice::FirstCycles => R::FirstCycles {
                n: count(&self.n, RuleField::N, "renewals", contract::MAX_CYCLES),
            },
            RecurrenceChoice::OnceWithinFirstCycles => R::OnceWithinFirstCycles {
                n: count(&self.n, RuleField::N, "renewals", contract::MAX_CYCLES),
            },
            RecurrenceChoice::EveryNMonths => R::EveryNMonths {
                months: count(
                    &self.months,
                    RuleField::Months,
                    "months",
                    contract::MAX_MONTHS,
                ),
            },
            RecurrenceChoice::AfterFirstCycles => R::AfterFirstCycles {
                after: count(&self.n, RuleField::N, "renewals", contract::MAX_CYCLES),
                months: count(
                    &self.months,
                    RuleField::Months,
                    "months",
                    contract::MAX_MONTHS,
                ),
            },
        };
        let carry_over =
            if self.kind == RuleKindChoice::Total && !self.carry_over_max.trim().is_empty() {
                match Amount::parse(&self.carry_over_max) {
                    Ok(max) if max > contract::MAX_RULE_AMOUNT => {
                        e(RuleField::CarryOver, "Enter at most 1000 hours.");
                        None
                    }
                    Ok(max) => Some(CarryOver {
                        max,
                        include_topic_hours: self.carry_over_topic_hours,
                    }),
                    Err(err) => {
                        e(RuleField::CarryOver, &err.to_string());
                        None
                    }
                }
            } else {
                None
            };
        let effective_from =
            super::optional_date(&self.effective_from, RuleField::EffectiveFrom, &mut errors);
        let effective_until = super::optional_date(
            &self.effective_until,
            RuleField::EffectiveUntil,
            &mut errors,
        );
        if let (Some(f), Some(u)) = (effective_from, effective_until) {
            if u < f {
                errors.push(RuleFieldError {
                    field: RuleField::EffectiveUntil,
                    message: "The rule cannot end before it starts.".into(),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let accepts = Accepts {
            credit_types: self.credit_types.clone(),
        };
        let a = amount.unwrap_or(Amount::ZERO);
        let kind = match self.kind {
            RuleKindChoice::Total => K::Total {
                accepts,
                min: a,
                carry_over,
            },
            RuleKindChoice::CategoryMin => K::CategoryMin { accepts, min: a },
            RuleKindChoice::Cap => K::Cap {
                accepts,
                formats: self.formats.clone(),
                topics: self.topics.clone(),
                max: a,
            },
            RuleKindChoice::TopicMin => K::TopicMin {
                topics: self.topics.clone(),
                accepts,
                min: a,
            },
            RuleKindChoice::Completion => K::Completion {
                topics: self.topics.clone(),
                accepts,
            },
            RuleKindChoice::PerYear => K::PerYear {
                accepts,
                topics: self.topics.clone(),
                min_per_year: a,
            },
        };
        // Start from the rule being edited so fields the editor does not show (any/none
        // conditions, deemed-met conditions, fields added later) survive an edit.
        let mut rule = existing.cloned().unwrap_or_else(|| Rule {
            id: new_id.to_string(),
            label: String::new(),
            kind: kind.clone(),
            recurrence: R::EveryCycle,
            applies_if: AppliesIf::default(),
            deemed_met_if: Vec::new(),
            counts_toward_total: true,
            round_to_quarter_hour: false,
            excludes_topics: Vec::new(),
            effective_from: None,
            effective_until: None,
            note: String::new(),
        });
        if let Some(id) = &self.id {
            rule.id = id.clone();
        }
        rule.label = self.label.trim().to_string();
        rule.kind = kind;
        rule.excludes_topics = self
            .excludes_topics
            .iter()
            .filter(|t| !self.topics.contains(t))
            .cloned()
            .collect();
        rule.recurrence = recurrence;
        rule.effective_from = effective_from;
        rule.effective_until = effective_until;
        rule.applies_if.all = self.applies_if.clone();
        // Options the chosen kind does not use are not kept (the form hides them), so switching
        // kinds never leaves a hidden setting behind.
        rule.counts_toward_total = self.counts_toward_total || !self.kind.can_be_on_top();
        rule.round_to_quarter_hour = self.round_to_quarter_hour && self.kind.counts_hours();
        rule.note = self.note.trim().to_string();
        Ok(rule)
    }
}

#[cfg(test)]
mod rule_draft_tests {
    use super::*;
    use crate::domain::model::rule::{Recurrence, RuleKind};

    #[test]
    fn excluded_topics_are_kept_and_never_overlap_the_rules_own() {
        let d = RuleDraft {
            label: "Patient safety".into(),
            kind: RuleKindChoice::TopicMin,
            amount: "12".into(),
            topics: vec![TopicId::new("patient_safety_risk_management")],
            excludes_topics: vec![
                TopicId::new("child_abuse"),
                TopicId::new("patient_safety_risk_management"),
            ],
            ..Default::default()
        };
        let rule = d.validate(None, "psrm").unwrap();
        assert_eq!(rule.excludes_topics, vec![TopicId::new("child_abuse")]);
        let again = RuleDraft::from_rule(&rule);
        assert_eq!(again.excludes_topics, rule.excludes_topics);
    }

    #[test]
    fn options_a_kind_does_not_use_are_not_kept() {
        let d = RuleDraft {
            label: "Bias training".into(),
            kind: RuleKindChoice::Completion,
            topics: vec![TopicId::new("implicit_bias")],
            counts_toward_total: false,
            round_to_quarter_hour: true,
            ..Default::default()
        };
        let rule = d.validate(None, "bias").unwrap();
        assert!(rule.counts_toward_total);
        assert!(!rule.round_to_quarter_hour);
        let topic = RuleDraft {
            label: "Ethics on top".into(),
            kind: RuleKindChoice::TopicMin,
            amount: "2".into(),
            topics: vec![TopicId::new("ethics_professional_responsibility")],
            counts_toward_total: false,
            round_to_quarter_hour: true,
            ..Default::default()
        };
        let rule = topic.validate(None, "ethics").unwrap();
        assert!(!rule.counts_toward_total);
        assert!(rule.round_to_quarter_hour);
    }

    #[test]
    fn a_topic_rule_round_trips_through_the_editor() {
        let d = RuleDraft {
            label: "Ethics".into(),
            kind: RuleKindChoice::TopicMin,
            amount: "2".into(),
            credit_types: vec![CreditTypeId::new("AMA_PRA_CAT1")],
            topics: vec![TopicId::new("ethics_professional_responsibility")],
            recurrence: RecurrenceChoice::EveryNCycles,
            n: "3".into(),
            ..Default::default()
        };
        let rule = d.validate(None, "ethics").unwrap();
        assert_eq!(rule.id, "ethics");
        assert_eq!(rule.recurrence, Recurrence::EveryNCycles { n: 3 });
        assert!(matches!(rule.kind, RuleKind::TopicMin { min, .. } if min == Amount::hours(2)));
        let back = RuleDraft::from_rule(&rule);
        assert_eq!(back.validate(Some(&rule), "other").unwrap(), rule);
    }

    #[test]
    fn the_editor_names_each_missing_piece() {
        let d = RuleDraft {
            kind: RuleKindChoice::TopicMin,
            recurrence: RecurrenceChoice::EveryNMonths,
            months: "0".into(),
            ..Default::default()
        };
        let fields: Vec<_> = d
            .validate(None, "x")
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                RuleField::Label,
                RuleField::Amount,
                RuleField::Topics,
                RuleField::Months
            ]
        );
    }
}
