//! Rule evaluation: where each requirement of each credential stands, why, and what is left.
//!
//! Conventions (documented for users in docs/rules.md):
//! - Windows are inclusive at both ends, and an activity belongs to the window that contains its
//!   **end date** (a two-day course spanning a cycle boundary counts in the cycle it finished in).
//! - The actual status counts completed activities only; planned ones are tallied apart, so the
//!   what-if view is the same evaluation with the planned amount added.
//! - Within one rule an activity counts once: with several designations (Category 1 + ANCC hours
//!   for the same course) the largest accepted one counts, never their sum. Across rules and
//!   credentials the same activity counts wherever it is accepted.
//! - Results never depend on the order of the activities: everything is processed in
//!   (end date, id) order.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::ops::Range;
use uuid::Uuid;

pub use crate::domain::engine::evaluation::*;
pub use crate::domain::engine::index::ActivityIndex;
use crate::domain::engine::index::{Designation, Share, TopicFilter, TypeIdx};
use crate::domain::model::activity::Activity;
use crate::domain::model::credential::{Credential, Cycle, ExemptionKind};
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::rule::{Accepts, Recurrence, Rule, RuleKind};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab::Unit;

mod explain;
mod tally;
mod windows;

pub use explain::{counts_toward, explain, on_any_topic, CountsToward};
use tally::{exclude_filter, CapMode, Tally};
pub use windows::{cycle_years, window_of};

/// Evaluates every credential against the same activities ("today" is passed in, never read).
pub fn evaluate_all<A: Borrow<Activity>>(
    credentials: &[Credential],
    activities: &[A],
    today: NaiveDate,
) -> Vec<Evaluation> {
    evaluate_all_indexed(credentials, &ActivityIndex::new(activities), today)
}

/// [`evaluate_all`] with an index already built (the app keeps one between evaluations, and
/// inserts an added activity into it: `ActivityIndex::insert`).
pub fn evaluate_all_indexed(
    credentials: &[Credential],
    index: &ActivityIndex,
    today: NaiveDate,
) -> Vec<Evaluation> {
    credentials
        .iter()
        .map(|c| evaluate_indexed(c, index, today))
        .collect()
}

/// Evaluates one credential.
pub fn evaluate<A: Borrow<Activity>>(
    credential: &Credential,
    activities: &[A],
    today: NaiveDate,
) -> Evaluation {
    evaluate_indexed(credential, &ActivityIndex::new(activities), today)
}

pub fn evaluate_indexed(
    credential: &Credential,
    index: &ActivityIndex,
    today: NaiveDate,
) -> Evaluation {
    let ctx = Ctx::new(credential, index, today);
    let rules: Vec<RuleEvaluation> = credential
        .rules
        .iter()
        .map(|r| ctx.evaluate_rule(r, index))
        .collect();
    let deadline = credential.cycle.deadline();
    let (pathways, pathways_needed, followed_pathway) = match &credential.pathways {
        Some(p) => {
            let progress = crate::domain::engine::pathways::progress(
                p,
                &rules,
                credential.cycle.start,
                deadline,
            );
            let followed =
                crate::domain::engine::pathways::followed(p, &progress).map(|f| f.id.clone());
            (progress, Some((p.needed, p.chosen.clone())), followed)
        }
        None => (Vec::new(), None, None),
    };
    let mut status = status_of(
        &rules,
        credential.pathways.as_ref(),
        &pathways,
        &pathways_needed,
    );
    if status == CredentialStatus::NoRequirements && credential.preset.is_some() {
        status = CredentialStatus::NothingRequired;
    }
    Evaluation {
        credential_id: credential.id,
        credential_name: credential.name.clone(),
        status,
        cycle_start: credential.cycle.start,
        cycle_end: credential.cycle.end,
        deadline,
        days_left: (deadline - today).num_days(),
        rules,
        projected: false,
        pathways,
        pathways_needed,
        followed_pathway,
    }
}

/// Why a rule is not counted at all.
enum Skip {
    NotApplicable(Detail),
    Exempt(Detail),
    DeemedMet(Detail),
}

/// A cap that limits what totals count.
struct ActiveCap<'a> {
    label: &'a str,
    accepts: &'a Accepts,
    formats: &'a [crate::domain::model::activity::Format],
    topics: &'a [TopicId],
    max: Amount,
}

/// Per-credential facts every rule needs.
struct Ctx<'a> {
    cred: &'a Credential,
    today: NaiveDate,
    caps: Vec<ActiveCap<'a>>,
    /// Topics some rule of this credential mandates: their hours are never carried over unless
    /// the carry-over says so.
    mandated_topics: TopicFilter,
    /// Topic hours the board wants on top of the total (`counts_toward_total: false`).
    on_top: Amount,
    on_top_labels: Vec<&'a str>,
}

impl<'a> Ctx<'a> {
    fn new(cred: &'a Credential, index: &ActivityIndex, today: NaiveDate) -> Ctx<'a> {
        let mut mandated: Vec<TopicId> = Vec::new();
        let mut ctx = Ctx {
            cred,
            today,
            caps: Vec::new(),
            mandated_topics: TopicFilter::Any,
            on_top: Amount::ZERO,
            on_top_labels: Vec::new(),
        };
        for rule in &cred.rules {
            match &rule.kind {
                RuleKind::TopicMin { topics, min, .. } => {
                    mandated.extend(topics.iter().cloned());
                    if !rule.counts_toward_total && ctx.skip(rule).is_none() {
                        ctx.on_top += *min;
                        ctx.on_top_labels.push(&rule.label);
                    }
                }
                RuleKind::Completion { topics, .. } => mandated.extend(topics.iter().cloned()),
                RuleKind::Cap {
                    accepts,
                    formats,
                    topics,
                    max,
                } if ctx.skip(rule).is_none() => ctx.caps.push(ActiveCap {
                    label: &rule.label,
                    accepts,
                    formats,
                    topics,
                    max: *max,
                }),
                _ => {}
            }
        }
        ctx.mandated_topics = index.topic_filter(&mandated);
        ctx
    }

    fn has(&self, condition: &str) -> bool {
        if condition == crate::domain::model::vocab::FIRST_RENEWAL_EXEMPT
            && self.cred.renewal_number() != 1
        {
            return false;
        }
        self.cred.has_condition(condition)
    }

    /// Whether the rule is counted at all, in the order a reader would check it: does it apply,
    /// is it due in this renewal, did the user record an exemption, does a condition satisfy it.
    fn skip(&self, rule: &Rule) -> Option<Skip> {
        if !rule.applies_if.holds(|c| self.has(c)) {
            return Some(Skip::NotApplicable(Detail::ConditionsNotMet {
                applies_if: rule.applies_if.clone(),
            }));
        }
        let cycle = &self.cred.cycle;
        if let Some(date) = rule.effective_from.filter(|d| cycle.deadline() < *d) {
            return Some(Skip::NotApplicable(Detail::StartsOn { date }));
        }
        if let Some(date) = rule.effective_until.filter(|d| cycle.start > *d) {
            return Some(Skip::NotApplicable(Detail::EndedOn { date }));
        }
        let renewal = self.cred.renewal_number();
        match rule.recurrence {
            Recurrence::FirstCycles { n } if renewal > n => {
                return Some(Skip::NotApplicable(Detail::OnlyFirstRenewals { n }));
            }
            Recurrence::AfterFirstCycles { after, .. } if renewal <= after => {
                return Some(Skip::NotApplicable(Detail::FromRenewal {
                    n: after.saturating_add(1),
                }));
            }
            _ => {}
        }
        let cycles: &[Cycle] = if matches!(
            rule.recurrence,
            Recurrence::OnceEver | Recurrence::OnceWithinFirstCycles { .. }
        ) {
            // A one-time requirement excused or satisfied in any earlier cycle stays satisfied.
            &self.cred.past_cycles
        } else {
            &[]
        };
        let recorded = std::iter::once(&self.cred.cycle)
            .chain(cycles.iter())
            .flat_map(|c| c.exemptions.iter())
            .find(|e| e.rule_id == rule.id);
        if let Some(e) = recorded {
            let text = Detail::Recorded {
                reason: e.reason.clone(),
                date: e.date,
            };
            return Some(match e.kind {
                ExemptionKind::Exempt => Skip::Exempt(text),
                ExemptionKind::DeemedMet => Skip::DeemedMet(text),
            });
        }
        if let Some(c) = rule.deemed_met_if.iter().find(|c| self.has(c)) {
            return Some(Skip::DeemedMet(Detail::SatisfiedBy {
                condition: c.clone(),
            }));
        }
        None
    }

    /// What a rule counted means once its dates are read against today and the renewal: a
    /// one-time rule due by an earlier renewal is met if done, else no longer asked (said
    /// honestly); a rule in force from a date still ahead is not missing before then.
    fn in_time(&self, rule: &Rule, ev: &mut RuleEvaluation) {
        if ev.status == RuleStatus::Met {
            return;
        }
        if let Recurrence::OnceWithinFirstCycles { n } = rule.recurrence {
            if self.cred.renewal_number() > n {
                ev.status = RuleStatus::NotApplicable;
                ev.detail = Some(Detail::DueByRenewal { n });
                return;
            }
        }
        if let Some(date) = rule.effective_from.filter(|d| self.today < *d) {
            ev.status = RuleStatus::NotYetInForce;
            ev.detail = Some(Detail::InForceFrom { date });
        }
    }

    /// The dates whose activities count for a rule with this recurrence (both ends inclusive).
    fn window(&self, recurrence: &Recurrence) -> (NaiveDate, NaiveDate) {
        window_of(self.cred, recurrence)
    }
}

impl<'c> Ctx<'c> {
    fn evaluate_rule(&self, rule: &'c Rule, index: &ActivityIndex) -> RuleEvaluation {
        let deadline = self.cred.cycle.deadline();
        let mut ev = RuleEvaluation {
            rule_id: rule.id.clone(),
            label: rule.label.clone(),
            status: RuleStatus::NotMet,
            measure: match rule.kind {
                RuleKind::Cap { .. } => Measure::CapHours,
                RuleKind::Completion { .. } => Measure::Activities,
                _ => Measure::Hours,
            },
            unit: rule.unit(),
            projected: false,
            required: nominal_required(rule, &self.cred.cycle),
            counted: Amount::ZERO,
            remaining: Amount::ZERO,
            planned: Amount::ZERO,
            carried_over: Amount::ZERO,
            window: None,
            deadline,
            contributions: Vec::new(),
            exclusions: Vec::new(),
            years: Vec::new(),
            detail: None,
        };
        if let Some(skip) = self.skip(rule) {
            let (status, detail) = match skip {
                Skip::NotApplicable(d) => (RuleStatus::NotApplicable, d),
                Skip::Exempt(d) => (RuleStatus::Exempt, d),
                Skip::DeemedMet(d) => (RuleStatus::DeemedMet, d),
            };
            ev.status = status;
            ev.detail = Some(detail);
            return ev;
        }
        let (from, to) = self.window(&rule.recurrence);
        ev.window = Some((from, to));
        let acts = index.window(from, to);
        let quarter = rule.round_to_quarter_hour;
        let tally = match &rule.kind {
            RuleKind::Total {
                accepts,
                min,
                carry_over,
            } => {
                ev.required = *min + self.on_top;
                if self.on_top.is_positive() {
                    ev.detail = Some(Detail::OnTop {
                        hours: self.on_top,
                        labels: self.on_top_labels.iter().map(|l| l.to_string()).collect(),
                        unit: rule.unit(),
                    });
                }
                let mut table = self.accept_table(accepts, index);
                table.limit_weights(index, acts.clone());
                let exclude = exclude_filter(&rule.excludes_topics, index);
                let mut t = self.tally_capped(
                    &table,
                    index,
                    acts,
                    quarter,
                    exclude.as_ref(),
                    CapMode::Record,
                );
                if let Some(co) = carry_over {
                    ev.carried_over =
                        self.carry_over(&table, co, ev.required, index, quarter, exclude.as_ref());
                    t.counted += ev.carried_over;
                }
                t
            }
            RuleKind::CategoryMin { accepts, .. } => {
                self.tally_simple(accepts, &[], &rule.excludes_topics, index, acts, quarter)
            }
            RuleKind::TopicMin {
                topics, accepts, ..
            } => self.tally_simple(accepts, topics, &rule.excludes_topics, index, acts, quarter),
            RuleKind::Completion { topics, accepts } => {
                let mut t =
                    self.tally_simple(accepts, topics, &rule.excludes_topics, index, acts, false);
                // Each completed activity is one completion, whatever its hours.
                for c in &mut t.contributions {
                    c.amount = Amount::hours(1);
                }
                t.counted =
                    Amount::hours(t.contributions.iter().filter(|c| !c.planned).count() as i64);
                t.planned =
                    Amount::hours(t.contributions.iter().filter(|c| c.planned).count() as i64);
                t
            }
            RuleKind::Cap {
                accepts,
                formats,
                topics,
                max,
            } => self.tally_cap_rule(rule, accepts, formats, topics, *max, index, acts),
            RuleKind::PerYear {
                accepts,
                topics,
                min_per_year,
            } => {
                let (t, years) = self.tally_per_year(
                    accepts,
                    topics,
                    &rule.excludes_topics,
                    *min_per_year,
                    index,
                    quarter,
                );
                ev.required = *min_per_year * years.len() as i64;
                ev.years = years;
                t
            }
        };
        ev.counted = tally.counted;
        ev.planned = tally.planned;
        ev.contributions = tally.contributions;
        ev.exclusions = tally.exclusions;
        if ev.measure == Measure::CapHours {
            ev.status = RuleStatus::Met;
            return ev;
        }
        ev.remaining = ev.required.saturating_sub(ev.counted);
        ev.status = if ev.remaining.is_zero() {
            RuleStatus::Met
        } else if ev.counted + ev.planned >= ev.required {
            RuleStatus::MetWithPlanned
        } else {
            RuleStatus::NotMet
        };
        self.in_time(rule, &mut ev);
        ev
    }

    /// A cap as a rule of its own: how much of the limit is used, and what went over it.
    #[allow(clippy::too_many_arguments)]
    fn tally_cap_rule(
        &self,
        rule: &'c Rule,
        accepts: &'c Accepts,
        formats: &'c [crate::domain::model::activity::Format],
        topics: &'c [TopicId],
        max: Amount,
        index: &ActivityIndex,
        acts: Range<usize>,
    ) -> Tally {
        let cap = ActiveCap {
            label: &rule.label,
            accepts,
            formats,
            topics,
            max,
        };
        // Every type counts as itself here: the cap's own types decide what it limits.
        static ANY: Accepts = Accepts {
            credit_types: Vec::new(),
        };
        let table = self.accept_table(&ANY, index);
        let check = cap.check(&table, index);
        let mut t = Tally::default();
        let mut room = max;
        let mut planned_room = Amount::ZERO;
        for i in acts {
            let share = check.coverage(index, i);
            if share == Share::Nothing {
                continue;
            }
            let mut best: Option<(usize, Amount)> = None;
            Self::for_each_accepted(
                &table,
                index,
                i,
                share,
                rule.round_to_quarter_hour,
                |d, _, amount| {
                    if check.types[d.credit_type as usize] && best.is_none_or(|(_, b)| amount > b) {
                        best = Some((d.position, amount));
                    }
                },
            );
            let Some((position, amount)) = best else {
                continue;
            };
            if index.is_completed(i) {
                let counted = amount.min(room);
                room = room.saturating_sub(counted);
                if counted < amount {
                    t.exclude(
                        index,
                        i,
                        Reason::OverCap {
                            cap: rule.label.clone(),
                            excess: amount - counted,
                        },
                    );
                }
                if counted.is_positive() {
                    t.add(index, i, position, None, counted);
                }
            } else {
                // Planned hours fill what completed ones leave, after them.
                t.add(index, i, position, None, amount);
                planned_room += amount;
            }
        }
        t.planned = planned_room.min(room);
        t
    }

    /// Per-year pace: each year of the cycle (counted from the cycle start) needs its own hours;
    /// a surplus in one year does not make up for another.
    fn tally_per_year(
        &self,
        accepts: &'c Accepts,
        topics: &[TopicId],
        excludes: &[TopicId],
        min_per_year: Amount,
        index: &ActivityIndex,
        quarter: bool,
    ) -> (Tally, Vec<YearProgress>) {
        let cycle = &self.cred.cycle;
        let mut total = Tally::default();
        let mut years = Vec::new();
        for (from, to) in cycle_years(cycle) {
            let acts = index.window(from, to);
            let t = self.tally_simple(accepts, topics, excludes, index, acts, quarter);
            total.counted += t.counted.min(min_per_year);
            total.planned += (t.counted + t.planned)
                .min(min_per_year)
                .saturating_sub(t.counted.min(min_per_year));
            years.push(YearProgress {
                from,
                to,
                counted: t.counted,
                required: min_per_year,
                ended: to < self.today,
            });
            total.contributions.extend(t.contributions);
            total.exclusions.extend(t.exclusions);
        }
        (total, years)
    }
}

/// The requirement as written, before on-top topic hours or years are worked in.
fn nominal_required(rule: &Rule, cycle: &Cycle) -> Amount {
    match &rule.kind {
        RuleKind::Total { min, .. }
        | RuleKind::CategoryMin { min, .. }
        | RuleKind::TopicMin { min, .. } => *min,
        RuleKind::Cap { max, .. } => *max,
        RuleKind::Completion { .. } => Amount::hours(1),
        RuleKind::PerYear { min_per_year, .. } => *min_per_year * cycle_years(cycle).len() as i64,
    }
}
