//! Terse builders for activities, credentials and rules.
//!
//! Used by the native tests, the preset scenario tests and the benchmark, where spelling out every
//! field of a record would hide what a test is about. Not used by the app itself.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use crate::domain::model::activity::{Accreditor, Activity, ActivityStatus, Format};
use crate::domain::model::credential::{
    Credential, CredentialKind, CreditWeight, Cycle, Equivalence, Exemption, ExemptionKind,
};
use crate::domain::model::credits::{Amount, CreditDesignation, CreditTypeId};
use crate::domain::model::rule::{Accepts, AppliesIf, CarryOver, Recurrence, Rule, RuleKind};
use crate::domain::model::topics::TopicId;

/// No activities, for the functions that take the records or pointers to them (a bare `&[]`
/// names neither).
pub const NO_ACTIVITIES: &[Activity] = &[];

/// `date("2026-02-29")` panics on a bad date: for literals in tests only.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("bad date literal {s}"))
}

/// `hours("1.25")`: an amount literal.
pub fn hours(s: &str) -> Amount {
    Amount::parse(s).unwrap_or_else(|e| panic!("bad amount literal {s}: {e}"))
}

fn epoch() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

pub struct ActivityBuilder(Activity);

/// A completed one-day activity ending on `end` (YYYY-MM-DD), with no credit yet.
pub fn activity(end: &str) -> ActivityBuilder {
    let d = date(end);
    ActivityBuilder(Activity {
        id: Uuid::new_v4(),
        title: format!("Activity on {end}"),
        provider: String::new(),
        accreditor: Accreditor::Accme,
        start: d,
        end: d,
        format: Format::LiveInPerson,
        credits: Vec::new(),
        topics: Vec::new(),
        topic_hours: Default::default(),
        certificates: Vec::new(),
        tags: Vec::new(),
        status: ActivityStatus::Completed,
        notes: String::new(),
        reflection: None,
        created_at: epoch(),
        updated_at: epoch(),
    })
}

impl ActivityBuilder {
    pub fn title(mut self, t: &str) -> Self {
        self.0.title = t.into();
        self
    }
    pub fn id(mut self, id: Uuid) -> Self {
        self.0.id = id;
        self
    }
    pub fn start(mut self, s: &str) -> Self {
        self.0.start = date(s);
        self
    }
    /// Adds a designation: `.credit("AMA_PRA_CAT1", "2")`.
    pub fn credit(mut self, code: &str, amount: &str) -> Self {
        self.0.credits.push(CreditDesignation {
            credit_type: CreditTypeId::new(code),
            amount: hours(amount),
        });
        self
    }
    pub fn topic(mut self, code: &str) -> Self {
        self.0.topics.push(TopicId::new(code));
        self
    }
    /// A topic that took only `hours` of the activity.
    pub fn topic_hours(mut self, code: &str, h: &str) -> Self {
        self.0.topics.push(TopicId::new(code));
        self.0.topic_hours.insert(TopicId::new(code), hours(h));
        self
    }
    pub fn format(mut self, f: Format) -> Self {
        self.0.format = f;
        self
    }
    pub fn planned(mut self) -> Self {
        self.0.status = ActivityStatus::Planned;
        self
    }
    pub fn build(self) -> Activity {
        self.0
    }
}

pub struct CredentialBuilder(Credential);

/// A state license whose current cycle runs from `start` to `end` inclusive.
pub fn credential(name: &str, start: &str, end: &str) -> CredentialBuilder {
    CredentialBuilder(Credential::new(
        Uuid::new_v4(),
        name.into(),
        CredentialKind::StateLicense,
        Cycle::new(date(start), date(end)),
        epoch(),
    ))
}

impl CredentialBuilder {
    pub fn kind(mut self, k: CredentialKind) -> Self {
        self.0.kind = k;
        self
    }
    pub fn rule(mut self, r: Rule) -> Self {
        self.0.rules.push(r);
        self
    }
    pub fn condition(mut self, c: &str) -> Self {
        self.0.conditions.insert(c.into());
        self
    }
    pub fn deadline(mut self, d: &str) -> Self {
        self.0.cycle.ce_deadline = Some(date(d));
        self
    }
    /// Adds an earlier cycle; call from the most recent backwards.
    pub fn past_cycle(mut self, start: &str, end: &str) -> Self {
        self.0.past_cycles.push(Cycle::new(date(start), date(end)));
        self
    }
    pub fn first_renewal(mut self) -> Self {
        self.0.first_renewal = true;
        self.0.renewal = Some(1);
        self
    }
    pub fn exemption(mut self, rule_id: &str, kind: ExemptionKind, reason: &str) -> Self {
        let date = self.0.cycle.start;
        self.0.cycle.exemptions.push(Exemption {
            rule_id: rule_id.into(),
            kind,
            reason: reason.into(),
            date,
        });
        self
    }
    /// Records an exemption in the most recent past cycle.
    pub fn past_exemption(mut self, rule_id: &str, kind: ExemptionKind, reason: &str) -> Self {
        let cycle = self
            .0
            .past_cycles
            .first_mut()
            .expect("add a past cycle first");
        cycle.exemptions.push(Exemption {
            rule_id: rule_id.into(),
            kind,
            reason: reason.into(),
            date: cycle.start,
        });
        self
    }
    pub fn weight(mut self, code: &str, percent: u32) -> Self {
        self.0.weights.push(CreditWeight {
            credit_type: CreditTypeId::new(code),
            percent,
            up_to: None,
        });
        self
    }
    /// A weight on only the first `up_to` of the type's credit in each window.
    pub fn weight_up_to(mut self, code: &str, percent: u32, up_to: &str) -> Self {
        self.0.weights.push(CreditWeight {
            credit_type: CreditTypeId::new(code),
            percent,
            up_to: Some(hours(up_to)),
        });
        self
    }
    pub fn equivalence(mut self, from: &str, counts_as: &str) -> Self {
        self.0.equivalences.push(Equivalence {
            from: CreditTypeId::new(from),
            counts_as: CreditTypeId::new(counts_as),
        });
        self
    }
    pub fn build(self) -> Credential {
        self.0
    }
}

fn topics(codes: &[&str]) -> Vec<TopicId> {
    codes.iter().map(|c| TopicId::new(c)).collect()
}

fn rule(id: &str, kind: RuleKind) -> Rule {
    Rule {
        id: id.into(),
        label: id.into(),
        kind,
        recurrence: Recurrence::EveryCycle,
        applies_if: AppliesIf::default(),
        deemed_met_if: Vec::new(),
        counts_toward_total: true,
        round_to_quarter_hour: false,
        excludes_topics: Vec::new(),
        effective_from: None,
        effective_until: None,
        note: String::new(),
    }
}

/// At least `min` hours of any of `types` (empty: any type).
pub fn total(id: &str, min: &str, types: &[&str]) -> Rule {
    rule(
        id,
        RuleKind::Total {
            accepts: Accepts::only(types),
            min: hours(min),
            carry_over: None,
        },
    )
}

pub fn total_with_carry_over(id: &str, min: &str, types: &[&str], max_carry: &str) -> Rule {
    rule(
        id,
        RuleKind::Total {
            accepts: Accepts::only(types),
            min: hours(min),
            carry_over: Some(CarryOver {
                max: hours(max_carry),
                include_topic_hours: false,
            }),
        },
    )
}

pub fn category_min(id: &str, min: &str, types: &[&str]) -> Rule {
    rule(
        id,
        RuleKind::CategoryMin {
            accepts: Accepts::only(types),
            min: hours(min),
        },
    )
}

pub fn topic_min(id: &str, min: &str, topic_codes: &[&str], types: &[&str]) -> Rule {
    rule(
        id,
        RuleKind::TopicMin {
            topics: topics(topic_codes),
            accepts: Accepts::only(types),
            min: hours(min),
        },
    )
}

pub fn type_cap(id: &str, max: &str, types: &[&str]) -> Rule {
    rule(
        id,
        RuleKind::Cap {
            accepts: Accepts::only(types),
            formats: Vec::new(),
            topics: Vec::new(),
            max: hours(max),
        },
    )
}

pub fn format_cap(id: &str, max: &str, formats: &[Format]) -> Rule {
    rule(
        id,
        RuleKind::Cap {
            accepts: Accepts::any(),
            formats: formats.to_vec(),
            topics: Vec::new(),
            max: hours(max),
        },
    )
}

pub fn completion(id: &str, topic_codes: &[&str]) -> Rule {
    rule(
        id,
        RuleKind::Completion {
            topics: topics(topic_codes),
            accepts: Accepts::any(),
        },
    )
}

pub fn per_year(id: &str, min: &str, topic_codes: &[&str], types: &[&str]) -> Rule {
    rule(
        id,
        RuleKind::PerYear {
            accepts: Accepts::only(types),
            topics: topics(topic_codes),
            min_per_year: hours(min),
        },
    )
}

/// Rule modifiers, chained after a constructor: `topic_min(..).every(..).only_if(&["dea"])`.
pub trait RuleExt {
    fn every(self, r: Recurrence) -> Rule;
    fn only_if(self, conditions: &[&str]) -> Rule;
    fn deemed_met_if(self, conditions: &[&str]) -> Rule;
    fn on_top(self) -> Rule;
    fn quarter_hours(self) -> Rule;
    fn label(self, l: &str) -> Rule;
}

impl RuleExt for Rule {
    fn every(mut self, r: Recurrence) -> Rule {
        self.recurrence = r;
        self
    }
    fn only_if(mut self, conditions: &[&str]) -> Rule {
        self.applies_if.all = conditions.iter().map(|c| c.to_string()).collect();
        self
    }
    fn deemed_met_if(mut self, conditions: &[&str]) -> Rule {
        self.deemed_met_if = conditions.iter().map(|c| c.to_string()).collect();
        self
    }
    fn on_top(mut self) -> Rule {
        self.counts_toward_total = false;
        self
    }
    fn quarter_hours(mut self) -> Rule {
        self.round_to_quarter_hour = true;
        self
    }
    fn label(mut self, l: &str) -> Rule {
        self.label = l.into();
        self
    }
}
