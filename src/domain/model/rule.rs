//! The rule language: what a credential requires, as data.
//!
//! Rules are plain serialisable values so that presets ship as data, users edit them in a form,
//! and backups carry them. [`crate::domain::engine::evaluate`] gives them meaning.

use serde::{Deserialize, Serialize};

use crate::domain::model::activity::Format;
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::topics::TopicId;

/// One requirement of a credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Stable within its credential ("total", "ethics"…); exemptions and presets refer to it.
    pub id: String,
    /// Short name shown on the dashboard ("Ethics", "Total CME").
    pub label: String,
    pub kind: RuleKind,
    #[serde(default)]
    pub recurrence: Recurrence,
    /// When the rule applies at all; otherwise it is "not applicable".
    #[serde(default, skip_serializing_if = "AppliesIf::is_always")]
    pub applies_if: AppliesIf,
    /// Holder conditions any one of which satisfies the rule without hours (e.g. the MATE Act is
    /// met by addiction board certification).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deemed_met_if: Vec<String>,
    /// The first renewal deadline the rule applies to (a new mandate "from 1 May 2026"): cycles
    /// due before it show "from <date>", not a shortfall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<chrono::NaiveDate>,
    /// The last day the rule is in force (a repealed or temporary requirement): cycles starting
    /// after it do not ask for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<chrono::NaiveDate>,
    /// Topics whose hours do not count toward this rule, even on an activity it otherwise takes
    /// (Pennsylvania: child-abuse and opioid hours do not count toward the 12 hours of patient
    /// safety / risk management). An activity partly on such a topic counts the rest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes_topics: Vec<TopicId>,
    /// Topic hours are usually a subset of the total; `false` when the board wants them on top.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub counts_toward_total: bool,
    /// Only whole quarter hours of each activity count (AMA PRA increment), when a board says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub round_to_quarter_hour: bool,
    /// Board wording or the user's own note, shown under the rule.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Rule {
    /// The unit the rule counts in (points for ABIM MOC, credits for AMA PRA Category 1, else
    /// hours): every figure about it is written in this unit.
    pub fn unit(&self) -> crate::domain::model::vocab::Unit {
        match &self.kind {
            RuleKind::Total { accepts, .. }
            | RuleKind::CategoryMin { accepts, .. }
            | RuleKind::Cap { accepts, .. }
            | RuleKind::TopicMin { accepts, .. }
            | RuleKind::Completion { accepts, .. }
            | RuleKind::PerYear { accepts, .. } => {
                crate::domain::model::vocab::Unit::of_types(&accepts.credit_types)
            }
        }
    }
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Which credit an amount-based rule accepts. Empty `credit_types` means any credit type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepts {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_types: Vec<CreditTypeId>,
}

impl Accepts {
    pub fn any() -> Accepts {
        Accepts::default()
    }

    pub fn only(codes: &[&str]) -> Accepts {
        Accepts {
            credit_types: codes.iter().map(|c| CreditTypeId::new(c)).collect(),
        }
    }

    pub fn is_any(&self) -> bool {
        self.credit_types.is_empty()
    }

    /// Whether a type is named, or falls in a board category named (`vocab::in_category`).
    /// "Any" is not answered here: it depends on the rule's unit.
    pub fn names(&self, t: &CreditTypeId) -> bool {
        self.credit_types
            .iter()
            .any(|c| crate::domain::model::vocab::in_category(t, c))
    }
}

/// Written as an internally tagged enum (`{"type": "total", "accepts": …, "min": …}`); read
/// through [`RuleKindFields`], one flat struct, because serde's reader for an internally tagged
/// enum buffers each rule and instantiates a reader per variant over the buffer: 18 KB of the
/// first download for this enum alone (docs/performance-history.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RuleKindFields")]
pub enum RuleKind {
    /// At least `min` of accepted credit in the window (the headline "50 hours per cycle").
    Total {
        accepts: Accepts,
        min: Amount,
        /// Excess from the previous cycle that may be carried into this one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carry_over: Option<CarryOver>,
    },
    /// At least `min` of the listed credit types (e.g. "24 of the 48 must be Category 1").
    CategoryMin { accepts: Accepts, min: Amount },
    /// At most `max` of the listed credit types, formats or topics counts; the excess does not
    /// count toward any total of the credential either.
    Cap {
        #[serde(default)]
        accepts: Accepts,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        formats: Vec<Format>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        topics: Vec<TopicId>,
        max: Amount,
    },
    /// At least `min` of accepted credit on any of `topics` ("2 h of ethics, Category 1").
    TopicMin {
        topics: Vec<TopicId>,
        accepts: Accepts,
        min: Amount,
    },
    /// A completion requirement with no hour count (NY infection control): met by one completed
    /// activity on any of the topics.
    Completion {
        topics: Vec<TopicId>,
        #[serde(default)]
        accepts: Accepts,
    },
    /// At least `min_per_year` of accepted credit (optionally on topics) in every year of the
    /// cycle, counted in years starting on the cycle start date (pace: RCPSC 40/yr, MI 1 h/yr).
    PerYear {
        #[serde(default)]
        accepts: Accepts,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        topics: Vec<TopicId>,
        min_per_year: Amount,
    },
}

/// Every field any [`RuleKind`] has, read at once; [`RuleKind::try_from`] takes those of its
/// variant, with the same defaults and the same "missing field" message as the derived reader.
/// The tag is the rule editor's choice of kind: one code per variant, its serde name.
#[derive(Deserialize)]
struct RuleKindFields {
    #[serde(rename = "type")]
    kind: RuleKindChoice,
    accepts: Option<Accepts>,
    min: Option<Amount>,
    max: Option<Amount>,
    carry_over: Option<CarryOver>,
    formats: Option<Vec<Format>>,
    topics: Option<Vec<TopicId>>,
    min_per_year: Option<Amount>,
}

/// A field a rule of its type must have.
#[derive(Debug)]
pub struct MissingField(&'static str);

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

fn required<T>(value: Option<T>, name: &'static str) -> Result<T, MissingField> {
    value.ok_or(MissingField(name))
}

impl TryFrom<RuleKindFields> for RuleKind {
    type Error = MissingField;

    fn try_from(f: RuleKindFields) -> Result<Self, MissingField> {
        Ok(match f.kind {
            RuleKindChoice::Total => RuleKind::Total {
                accepts: required(f.accepts, "accepts")?,
                min: required(f.min, "min")?,
                carry_over: f.carry_over,
            },
            RuleKindChoice::CategoryMin => RuleKind::CategoryMin {
                accepts: required(f.accepts, "accepts")?,
                min: required(f.min, "min")?,
            },
            RuleKindChoice::Cap => RuleKind::Cap {
                accepts: f.accepts.unwrap_or_default(),
                formats: f.formats.unwrap_or_default(),
                topics: f.topics.unwrap_or_default(),
                max: required(f.max, "max")?,
            },
            RuleKindChoice::TopicMin => RuleKind::TopicMin {
                topics: required(f.topics, "topics")?,
                accepts: required(f.accepts, "accepts")?,
                min: required(f.min, "min")?,
            },
            RuleKindChoice::Completion => RuleKind::Completion {
                topics: required(f.topics, "topics")?,
                accepts: f.accepts.unwrap_or_default(),
            },
            RuleKindChoice::PerYear => RuleKind::PerYear {
                accepts: f.accepts.unwrap_or_default(),
                topics: f.topics.unwrap_or_default(),
                min_per_year: required(f.min_per_year, "min_per_year")?,
            },
        })
    }
}

/// How much of last cycle's surplus moves into this cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryOver {
    pub max: Amount,
    /// Texas: topic-specific hours cannot be carried; the default, since most boards are silent.
    #[serde(default, skip_serializing_if = "is_false")]
    pub include_topic_hours: bool,
}

/// When a rule must be met, relative to the credential's cycles. Read through one flat struct,
/// as [`RuleKind`] is, and for the same reason (11 KB of the first download).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RecurrenceFields")]
pub enum Recurrence {
    /// In every cycle, counting only activities inside the current cycle.
    #[default]
    EveryCycle,
    /// Once within every span of `n` cycles: the window is the current cycle and the `n - 1` before.
    EveryNCycles { n: u32 },
    /// Once within the `months` before the CE deadline.
    EveryNMonths { months: u32 },
    /// Once in a career: any completed activity up to the deadline counts, in any cycle.
    OnceEver,
    /// Only in the first `n` renewals of the credential (n = 1: first renewal only).
    FirstCycles { n: u32 },
    /// Once, by the `n`-th renewal ("within 4 years of licensure", "before the first renewal"):
    /// anything completed up to the deadline counts, as for once-ever; from renewal `n + 1` on
    /// it is no longer asked (it was due earlier).
    OnceWithinFirstCycles { n: u32 },
    /// From renewal `after + 1` on, once within every `months` before the deadline
    /// (Texas opioid hours: first two renewals, then every 8 years).
    AfterFirstCycles { after: u32, months: u32 },
}

#[derive(Deserialize)]
struct RecurrenceFields {
    #[serde(rename = "type")]
    kind: RecurrenceChoice,
    n: Option<u32>,
    months: Option<u32>,
    after: Option<u32>,
}

impl TryFrom<RecurrenceFields> for Recurrence {
    type Error = MissingField;

    fn try_from(f: RecurrenceFields) -> Result<Self, MissingField> {
        Ok(match f.kind {
            RecurrenceChoice::EveryCycle => Recurrence::EveryCycle,
            RecurrenceChoice::EveryNCycles => Recurrence::EveryNCycles {
                n: required(f.n, "n")?,
            },
            RecurrenceChoice::EveryNMonths => Recurrence::EveryNMonths {
                months: required(f.months, "months")?,
            },
            RecurrenceChoice::OnceEver => Recurrence::OnceEver,
            RecurrenceChoice::FirstCycles => Recurrence::FirstCycles {
                n: required(f.n, "n")?,
            },
            RecurrenceChoice::OnceWithinFirstCycles => Recurrence::OnceWithinFirstCycles {
                n: required(f.n, "n")?,
            },
            RecurrenceChoice::AfterFirstCycles => Recurrence::AfterFirstCycles {
                after: required(f.after, "after")?,
                months: required(f.months, "months")?,
            },
        })
    }
}

/// Holder conditions (codes from [`crate::domain::model::vocab::CONDITIONS`]) under which a rule applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliesIf {
    /// Every one of these must be true.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<String>,
    /// At least one of these must be true (when not empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<String>,
    /// None of these may be true.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none: Vec<String>,
    /// The board's wording, shown to the user ("holds a valid federal DEA registration").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl AppliesIf {
    pub fn is_always(&self) -> bool {
        self.all.is_empty() && self.any.is_empty() && self.none.is_empty()
    }

    pub fn holds(&self, has: impl Fn(&str) -> bool) -> bool {
        self.all.iter().all(|c| has(c))
            && (self.any.is_empty() || self.any.iter().any(|c| has(c)))
            && !self.none.iter().any(|c| has(c))
    }
}

/// The kinds offered by the rule editor, and the tag a stored rule is read by (one per [`RuleKind`](crate::domain::model::rule::RuleKind) variant).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum RuleKindChoice {
    Total,
    CategoryMin,
    TopicMin,
    Cap,
    Completion,
    PerYear,
}

impl RuleKindChoice {
    pub fn label(self) -> &'static str {
        match self {
            RuleKindChoice::Total => "Total hours",
            RuleKindChoice::CategoryMin => "Minimum of a credit category",
            RuleKindChoice::Cap => "Cap (at most)",
            RuleKindChoice::TopicMin => "Topic hours",
            RuleKindChoice::Completion => "Completed training (no hour count)",
            RuleKindChoice::PerYear => "Minimum per year (pace)",
        }
    }

    /// Whether "these hours also count toward the total" means anything: only topic hours can be
    /// required on top of the total (the engine adds them to the total's requirement).
    pub fn can_be_on_top(self) -> bool {
        self == RuleKindChoice::TopicMin
    }

    /// Whether the rule counts hours (and so can round them to quarter hours); a completion rule
    /// counts activities.
    pub fn counts_hours(self) -> bool {
        self != RuleKindChoice::Completion
    }

    pub fn of(kind: &RuleKind) -> RuleKindChoice {
        use RuleKind as K;
        match kind {
            K::Total { .. } => RuleKindChoice::Total,
            K::CategoryMin { .. } => RuleKindChoice::CategoryMin,
            K::Cap { .. } => RuleKindChoice::Cap,
            K::TopicMin { .. } => RuleKindChoice::TopicMin,
            K::Completion { .. } => RuleKindChoice::Completion,
            K::PerYear { .. } => RuleKindChoice::PerYear,
        }
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum RecurrenceChoice {
    EveryCycle,
    EveryNCycles,
    EveryNMonths,
    OnceEver,
    FirstCycles,
    OnceWithinFirstCycles,
    AfterFirstCycles,
}

impl RecurrenceChoice {
    pub fn label(self) -> &'static str {
        match self {
            RecurrenceChoice::EveryCycle => "Every cycle",
            RecurrenceChoice::EveryNCycles => "Once every N cycles",
            RecurrenceChoice::EveryNMonths => "Once every N months",
            RecurrenceChoice::OnceEver => "Once in a career",
            RecurrenceChoice::FirstCycles => "Only in the first N renewals",
            RecurrenceChoice::OnceWithinFirstCycles => {
                "Once, by renewal N (e.g. within N years of licensure)"
            }
            RecurrenceChoice::AfterFirstCycles => "After the first N renewals, every M months",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<RuleKind> {
        let cat1 = Accepts::only(&["AMA_PRA_CAT1"]);
        let ethics = vec![TopicId::new("ethics_professional_responsibility")];
        vec![
            RuleKind::Total {
                accepts: Accepts::any(),
                min: Amount::hours(50),
                carry_over: None,
            },
            RuleKind::Total {
                accepts: cat1.clone(),
                min: Amount::hours(48),
                carry_over: Some(CarryOver {
                    max: Amount::hours(24),
                    include_topic_hours: true,
                }),
            },
            RuleKind::CategoryMin {
                accepts: cat1.clone(),
                min: Amount::hours(24),
            },
            RuleKind::Cap {
                accepts: Accepts::any(),
                formats: vec![Format::OnDemandOnline],
                topics: vec![],
                max: Amount::hours(10),
            },
            RuleKind::TopicMin {
                topics: ethics.clone(),
                accepts: cat1,
                min: Amount::hours(2),
            },
            RuleKind::Completion {
                topics: ethics.clone(),
                accepts: Accepts::any(),
            },
            RuleKind::PerYear {
                accepts: Accepts::any(),
                topics: ethics,
                min_per_year: Amount::hours(1),
            },
        ]
    }

    fn every_recurrence() -> Vec<Recurrence> {
        vec![
            Recurrence::EveryCycle,
            Recurrence::EveryNCycles { n: 2 },
            Recurrence::EveryNMonths { months: 96 },
            Recurrence::OnceEver,
            Recurrence::FirstCycles { n: 1 },
            Recurrence::OnceWithinFirstCycles { n: 2 },
            Recurrence::AfterFirstCycles {
                after: 2,
                months: 96,
            },
        ]
    }

    #[test]
    fn every_rule_kind_and_recurrence_reads_back_what_was_written() {
        for kind in every_kind() {
            let value = serde_json::to_value(&kind).unwrap();
            assert_eq!(
                serde_json::from_value::<RuleKind>(value.clone()).unwrap(),
                kind
            );
            let text = serde_json::to_string(&kind).unwrap();
            assert_eq!(
                serde_json::from_str::<RuleKind>(&text).unwrap(),
                kind,
                "{text}"
            );
        }
        for recurrence in every_recurrence() {
            let text = serde_json::to_string(&recurrence).unwrap();
            assert_eq!(
                serde_json::from_str::<Recurrence>(&text).unwrap(),
                recurrence,
                "{text}"
            );
        }
    }

    #[test]
    fn optional_fields_take_their_defaults_and_a_missing_one_is_named() {
        let cap: RuleKind = serde_json::from_str(r#"{"type": "cap", "max": 600}"#).unwrap();
        assert_eq!(
            cap,
            RuleKind::Cap {
                accepts: Accepts::any(),
                formats: vec![],
                topics: vec![],
                max: serde_json::from_str("600").unwrap(),
            }
        );
        let err = serde_json::from_str::<RuleKind>(
            r#"{"type": "topic_min", "topics": [], "accepts": {}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("missing field `min`"), "{err}");
        let err =
            serde_json::from_str::<Recurrence>(r#"{"type": "after_first_cycles", "after": 2}"#)
                .unwrap_err()
                .to_string();
        assert!(err.starts_with("missing field `months`"), "{err}");
        let err = serde_json::from_str::<RuleKind>(r#"{"type": "most", "min": 1}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("unknown variant `most`"), "{err}");
        assert!(serde_json::from_str::<Recurrence>(r#"{"n": 2}"#).is_err());
    }
}
