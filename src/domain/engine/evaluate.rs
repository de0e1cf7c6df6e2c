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
            Recurrence::OnceWithinFirstCycles { n } if renewal > n => {
                return Some(Skip::NotApplicable(Detail::DueByRenewal { n }));
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

    /// The dates whose activities count for a rule with this recurrence (both ends inclusive).
    fn window(&self, recurrence: &Recurrence) -> (NaiveDate, NaiveDate) {
        window_of(self.cred, recurrence)
    }
}

/// The counting window of a recurrence for a credential's current cycle.
pub fn window_of(cred: &Credential, recurrence: &Recurrence) -> (NaiveDate, NaiveDate) {
    let cycle = &cred.cycle;
    let to = cycle.deadline();
    let from = match *recurrence {
        Recurrence::EveryCycle | Recurrence::FirstCycles { .. } => cycle.start,
        Recurrence::EveryNCycles { n } if n <= 1 => cycle.start,
        Recurrence::EveryNCycles { n } => match cred.past_cycles.get(n as usize - 2) {
            Some(c) => c.start,
            // Earlier cycles not recorded: assume they were as long as the current one. Checked
            // all the way: an imported n or cycle length must never panic the engine; a window
            // reaching before the calendar's first day simply starts there.
            None => match whole_months(cycle.start, cycle.end) {
                // A cycle of whole months (1 Feb 2025 – 31 Jan 2027): step back in months, so the
                // window starts on the 1st, as the board's earlier cycles did.
                Some(months) => months
                    .checked_mul(n - 1)
                    .and_then(|back| cycle.start.checked_sub_months(Months::new(back)))
                    .unwrap_or(NaiveDate::MIN),
                None => {
                    let len = (cycle.end - cycle.start).num_days().max(0) + 1;
                    len.checked_mul(i64::from(n) - 1)
                        .and_then(chrono::TimeDelta::try_days)
                        .and_then(|back| cycle.start.checked_sub_signed(back))
                        .unwrap_or(NaiveDate::MIN)
                }
            },
        },
        Recurrence::EveryNMonths { months } | Recurrence::AfterFirstCycles { months, .. } => {
            months_before(to, months)
        }
        Recurrence::OnceEver | Recurrence::OnceWithinFirstCycles { .. } => NaiveDate::MIN,
    };
    (from, to)
}

/// The length of the cycle `start ..= end` in months, when it is a whole number of them (the day
/// after `end` falls on `start`'s day of the month, or both are month ends).
fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    let after = end.succ_opt()?;
    let months = (after.year() - start.year()) * 12 + after.month() as i32 - start.month() as i32;
    let months = u32::try_from(months).ok().filter(|m| *m > 0)?;
    (start.checked_add_months(Months::new(months)) == Some(after)).then_some(months)
}

/// The first day of the `months`-long span that ends on `to`.
fn months_before(to: NaiveDate, months: u32) -> NaiveDate {
    to.checked_sub_months(Months::new(months))
        .and_then(|d| d.succ_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// What a rule counted.
#[derive(Default)]
struct Tally {
    counted: Amount,
    planned: Amount,
    contributions: Vec<Contribution>,
    exclusions: Vec<Exclusion>,
}

impl Tally {
    /// `counted_as` is set only when one of the credential's equivalences mapped the type.
    #[inline(always)]
    fn add(
        &mut self,
        index: &ActivityIndex,
        i: usize,
        position: usize,
        counted_as: Option<&CreditTypeId>,
        amount: Amount,
    ) {
        let planned = !index.is_completed(i);
        if planned {
            self.planned += amount;
            self.exclude(index, i, Reason::Planned);
        } else {
            self.counted += amount;
        }
        self.contributions.push(Contribution {
            activity_id: index.id(i),
            designation: position,
            counted_as: counted_as.cloned(),
            amount,
            planned,
        });
    }

    #[inline(always)]
    fn exclude(&mut self, index: &ActivityIndex, i: usize, reason: Reason) {
        self.exclusions.push(Exclusion {
            activity_id: index.id(i),
            reason,
        });
    }
}

/// How one credit type of the activities counts toward one rule of a credential: worked out once
/// per rule (equivalences, weights), then read per designation by its type index.
#[derive(Clone, Copy)]
struct Accepted<'c> {
    /// The type it counts as when an equivalence mapped it; `None`: as itself.
    mapped: Option<&'c CreditTypeId>,
    /// The credential's weighting of the type (100 = none).
    percent: u32,
}

/// `Accepted` per type index of the activity index; `None` where the rule does not take the type.
type AcceptTable<'c> = Vec<Option<Accepted<'c>>>;

impl<'c> Ctx<'c> {
    fn accept_table(&self, accepts: &'c Accepts, index: &ActivityIndex) -> AcceptTable<'c> {
        (0..index.type_count())
            .map(|t| {
                let original = index.credit_type(t as TypeIdx);
                let mapped = if accepts.is_any() || accepts.credit_types.contains(original) {
                    None
                } else {
                    Some(
                        &self
                            .cred
                            .equivalences
                            .iter()
                            .find(|e| {
                                &e.from == original && accepts.credit_types.contains(&e.counts_as)
                            })?
                            .counts_as,
                    )
                };
                let counted_as = mapped.unwrap_or(original);
                let percent = self
                    .cred
                    .weights
                    .iter()
                    .find(|w| &w.credit_type == original || &w.credit_type == counted_as)
                    .map_or(100, |w| w.percent);
                Some(Accepted { mapped, percent })
            })
            .collect()
    }

    /// Calls `f(designation, how it is accepted, hours)` for each designation of activity `i` that
    /// the rule takes, after unit conversion, weighting and quarter-hour rounding.
    #[inline(always)]
    fn for_each_accepted(
        table: &AcceptTable<'c>,
        index: &ActivityIndex,
        i: usize,
        share: Share,
        quarter: bool,
        mut f: impl FnMut(&Designation, Accepted<'c>, Amount),
    ) {
        for d in index.designations(i) {
            let Some(acc) = table[d.credit_type as usize] else {
                continue;
            };
            let mut amount = share.of(d.hours);
            if acc.percent != 100 {
                amount = amount.scale_percent(acc.percent);
            }
            if quarter {
                amount = amount.floor_quarter();
            }
            f(d, acc, amount);
        }
    }

    /// The largest accepted designation: an activity counts once per rule.
    #[inline(always)]
    fn best(
        table: &AcceptTable<'c>,
        index: &ActivityIndex,
        i: usize,
        share: Share,
        quarter: bool,
    ) -> Option<(usize, Option<&'c CreditTypeId>, Amount)> {
        let mut best: Option<(usize, Option<&CreditTypeId>, Amount)> = None;
        Self::for_each_accepted(table, index, i, share, quarter, |d, acc, amount| {
            // Ties go to the first designation, so the result depends only on the record.
            if best.is_none_or(|(_, _, b)| amount > b) {
                best = Some((d.position, acc.mapped, amount));
            }
        });
        best
    }

    /// Sums the best accepted designation of each activity (optionally only those on `topics`,
    /// and only the hours on them; never the hours on `excludes`).
    fn tally_simple(
        &self,
        accepts: &'c Accepts,
        topics: &[TopicId],
        excludes: &[TopicId],
        index: &ActivityIndex,
        acts: Range<usize>,
        quarter: bool,
    ) -> Tally {
        let table = self.accept_table(accepts, index);
        let filter = index.topic_filter(topics);
        let exclude = exclude_filter(excludes, index);
        let mut t = Tally::default();
        let positions = index.positions(acts, &filter);
        // Most visited activities contribute: one allocation instead of a dozen regrowths.
        t.contributions.reserve(positions.size_hint().0);
        for i in positions {
            let share = index.share(i, &filter, exclude.as_ref().map(|e| &e.filter));
            if share == Share::Nothing {
                t.exclude(
                    index,
                    i,
                    Reason::TopicExcluded {
                        topics: excludes.to_vec(),
                    },
                );
                continue;
            }
            match Self::best(&table, index, i, share, quarter) {
                Some((position, mapped, amount)) => t.add(index, i, position, mapped, amount),
                None => t.exclude(index, i, Reason::CreditTypeNotAccepted),
            }
        }
        t
    }

    /// Counts a total with this credential's caps applied: activities are taken in (end date, id)
    /// order and each designation only counts up to the room left in every cap covering it. Each
    /// activity takes the designation that counts most.
    ///
    /// Two tallies run side by side, because caps may fill differently once planned hours are in:
    /// the actual one over completed activities and, when the window holds planned ones, the
    /// what-if one over all of them, which only adds the planned contributions and the planned
    /// amount. The what-if tally starts at the first planned activity: until then it is the
    /// actual one.
    ///
    /// `Count(up_to)` keeps only the counted amount and stops once it reaches `up_to` (the
    /// carry-over needs no more than that, and the amount only grows).
    fn tally_capped(
        &self,
        table: &AcceptTable<'c>,
        index: &ActivityIndex,
        acts: impl Iterator<Item = usize> + Clone,
        quarter: bool,
        exclude: Option<&Excluded>,
        mode: CapMode,
    ) -> Tally {
        let (record, up_to) = match mode {
            CapMode::Record => (true, None),
            CapMode::Count(up_to) => (false, Some(up_to)),
        };
        let mut t = Tally::default();
        if record {
            t.contributions.reserve(acts.size_hint().0);
        }
        let caps: Vec<CapCheck> = self
            .caps
            .iter()
            .map(|cap| cap.check(table, index))
            .collect();
        let with_planned = record && acts.clone().any(|i| !index.is_completed(i));
        let mut room: Vec<Amount> = self.caps.iter().map(|c| c.max).collect();
        let mut what_if_room = Vec::new();
        let mut what_if_counted = Amount::ZERO;
        let mut what_if_started = false;
        let mut planned_contributions = Vec::new();
        let mut covering: Vec<Share> = vec![Share::Nothing; caps.len()];
        for i in acts {
            let completed = index.is_completed(i);
            let share = index.share(i, &TopicFilter::Any, exclude.map(|e| &e.filter));
            if share == Share::Nothing {
                if record {
                    let topics = exclude.map_or(Vec::new(), |e| e.topics.to_vec());
                    t.exclude(index, i, Reason::TopicExcluded { topics });
                }
                continue;
            }
            if completed || with_planned {
                for (c, cap) in caps.iter().enumerate() {
                    covering[c] = cap.coverage(index, i);
                }
            }
            if with_planned && !completed && !what_if_started {
                what_if_started = true;
                what_if_room = room.clone();
                what_if_counted = t.counted;
            }
            if what_if_started {
                if let Some(s) = Self::capped_step(
                    table,
                    index,
                    i,
                    share,
                    quarter,
                    &caps,
                    &covering,
                    &mut what_if_room,
                ) {
                    what_if_counted += s.counted;
                    if !completed && s.counted.is_positive() {
                        planned_contributions.push(Contribution {
                            activity_id: index.id(i),
                            designation: s.position,
                            counted_as: s.mapped.cloned(),
                            amount: s.counted,
                            planned: true,
                        });
                    }
                }
            }
            if !completed {
                if record {
                    t.exclude(index, i, Reason::Planned);
                }
                continue;
            }
            let Some(s) =
                Self::capped_step(table, index, i, share, quarter, &caps, &covering, &mut room)
            else {
                if record {
                    t.exclude(index, i, Reason::CreditTypeNotAccepted);
                }
                continue;
            };
            if !record {
                t.counted += s.counted;
                if up_to.is_some_and(|u| t.counted >= u) {
                    break;
                }
                continue;
            }
            if s.counted < s.full {
                let cap = s.binding.map_or("", |c| self.caps[c].label).to_string();
                t.exclude(
                    index,
                    i,
                    Reason::OverCap {
                        cap,
                        excess: s.full - s.counted,
                    },
                );
            }
            if s.counted.is_positive() {
                t.add(index, i, s.position, s.mapped, s.counted);
            }
        }
        if what_if_started {
            t.planned = what_if_counted.saturating_sub(t.counted);
            // Completed contributions first, then the planned ones, each in (end date, id) order.
            t.contributions.append(&mut planned_contributions);
        }
        t
    }

    /// One activity through the caps: the designation that counts most after the room left in
    /// every cap covering it, with that room used up.
    #[allow(clippy::too_many_arguments)]
    fn capped_step(
        table: &AcceptTable<'c>,
        index: &ActivityIndex,
        i: usize,
        share: Share,
        quarter: bool,
        caps: &[CapCheck],
        covering: &[Share],
        room: &mut [Amount],
    ) -> Option<CappedStep<'c>> {
        let mut best: Option<(TypeIdx, CappedStep)> = None;
        Self::for_each_accepted(table, index, i, share, quarter, |d, acc, amount| {
            let mut eff = amount;
            let mut binding = None;
            for (c, cap) in caps.iter().enumerate() {
                if covering[c] == Share::Nothing || !cap.types[d.credit_type as usize] {
                    continue;
                }
                // Only the part of the activity the cap covers (its topic hours) uses its room.
                let covered = covering[c].of(amount);
                if covered > room[c] {
                    let left = amount - (covered - room[c]);
                    if left < eff {
                        eff = left;
                        binding = Some(c);
                    }
                }
            }
            let better = match &best {
                None => true,
                Some((_, b)) => eff > b.counted || (eff == b.counted && amount > b.full),
            };
            if better {
                best = Some((
                    d.credit_type,
                    CappedStep {
                        position: d.position,
                        mapped: acc.mapped,
                        counted: eff,
                        full: amount,
                        binding,
                    },
                ));
            }
        });
        let (ty, step) = best?;
        for (c, cap) in caps.iter().enumerate() {
            if covering[c] != Share::Nothing && cap.types[ty as usize] {
                room[c] = room[c].saturating_sub(covering[c].of(step.counted));
            }
        }
        Some(step)
    }

    /// Excess of the previous cycle that moves into this one.
    fn carry_over(
        &self,
        table: &AcceptTable<'c>,
        co: &crate::domain::model::rule::CarryOver,
        required: Amount,
        index: &ActivityIndex,
        quarter: bool,
        exclude: Option<&Excluded>,
    ) -> Amount {
        let Some(prev) = self.cred.past_cycles.first() else {
            return Amount::ZERO;
        };
        let acts = index.window(prev.start, prev.deadline());
        // Counting stops where more would not change the result: past `required + max`, the
        // excess is capped by `max` anyway.
        let all = self
            .tally_capped(
                table,
                index,
                acts.clone(),
                quarter,
                exclude,
                CapMode::Count(required + co.max),
            )
            .counted;
        let excess = all.saturating_sub(required).min(co.max);
        if co.include_topic_hours || self.mandated_topics.is_any() || excess.is_zero() {
            excess
        } else {
            // Mandated-topic hours fill the previous minimum first; only the rest may move.
            let plain = acts.filter(|&i| !index.matches(i, &self.mandated_topics));
            excess.min(
                self.tally_capped(
                    table,
                    index,
                    plain,
                    quarter,
                    exclude,
                    CapMode::Count(excess),
                )
                .counted,
            )
        }
    }
}

/// What a capped tally keeps.
#[derive(Clone, Copy)]
enum CapMode {
    /// Contributions, exclusions and the what-if part.
    Record,
    /// Only the counted amount, up to this much.
    Count(Amount),
}

/// What one activity counts toward a capped total.
struct CappedStep<'c> {
    position: usize,
    mapped: Option<&'c CreditTypeId>,
    /// After the caps.
    counted: Amount,
    /// Before the caps.
    full: Amount,
    /// The cap that limited it, if one did.
    binding: Option<usize>,
}

/// A cap's coverage, resolved for one rule's accept table: which types it limits, and its format
/// and topic conditions.
struct CapCheck<'c> {
    /// By type index: whether the cap limits that type (as itself or as the type it counts as).
    types: Vec<bool>,
    formats: &'c [crate::domain::model::activity::Format],
    topics: TopicFilter,
}

impl CapCheck<'_> {
    #[inline(always)]
    fn covers_activity(&self, index: &ActivityIndex, i: usize) -> bool {
        (self.formats.is_empty() || self.formats.contains(&index.format(i)))
            && index.matches(i, &self.topics)
    }

    /// The part of activity `i` the cap limits: none, the whole, or its hours on the cap's topics.
    #[inline(always)]
    fn coverage(&self, index: &ActivityIndex, i: usize) -> Share {
        if !self.covers_activity(index, i) {
            Share::Nothing
        } else if self.topics.is_any() {
            Share::Whole
        } else {
            index.share(i, &self.topics, None)
        }
    }
}

/// A rule's excluded topics, as written and as a filter.
struct Excluded<'e> {
    topics: &'e [TopicId],
    filter: TopicFilter,
}

/// `None` when the rule excludes no topic that any activity has.
fn exclude_filter<'e>(excludes: &'e [TopicId], index: &ActivityIndex) -> Option<Excluded<'e>> {
    if excludes.is_empty() {
        return None;
    }
    let filter = index.topic_filter(excludes);
    (!filter.is_empty()).then_some(Excluded {
        topics: excludes,
        filter,
    })
}

impl<'c> ActiveCap<'c> {
    fn check(&self, table: &AcceptTable<'c>, index: &ActivityIndex) -> CapCheck<'c> {
        CapCheck {
            types: table
                .iter()
                .enumerate()
                .map(|(t, acc)| {
                    let original = index.credit_type(t as TypeIdx);
                    self.accepts.is_any()
                        || self.accepts.credit_types.contains(original)
                        || acc
                            .and_then(|a| a.mapped)
                            .is_some_and(|m| self.accepts.credit_types.contains(m))
                })
                .collect(),
            formats: self.formats,
            topics: index.topic_filter(self.topics),
        }
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
                    });
                }
                let table = self.accept_table(accepts, index);
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

/// The years of a cycle, each starting on an anniversary of the cycle start. A remainder shorter
/// than a year joins the last year, which ends on the later of cycle end and CE deadline (a cycle
/// from 29 Feb 2024 to 28 Feb 2026 has two years, not two and a day).
pub fn cycle_years(cycle: &Cycle) -> Vec<(NaiveDate, NaiveDate)> {
    let after_end = cycle.end.succ_opt().unwrap_or(cycle.end);
    let anniversary = |k: u32| cycle.start.checked_add_months(Months::new(12 * k));
    let mut n = 1;
    while n < 100 && anniversary(n + 1).is_some_and(|d| d <= after_end) {
        n += 1;
    }
    let last_to = cycle.deadline().max(cycle.end);
    (0..n)
        .filter_map(|k| {
            let from = anniversary(k)?;
            let to = if k + 1 == n {
                last_to
            } else {
                anniversary(k + 1)?.pred_opt()?
            };
            Some((from, to))
        })
        .collect()
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

/// How one activity relates to one rule of one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsToward {
    pub credential_id: Uuid,
    pub credential_name: String,
    pub rule_id: String,
    pub rule_label: String,
    /// What it counts for (a planned activity: only in the what-if view).
    pub amount: Option<Amount>,
    /// The unit of `amount` (the rule's).
    pub unit: crate::domain::model::vocab::Unit,
    pub credit_type: Option<CreditTypeId>,
    /// Why it does not count, or not fully.
    pub reason: Option<Reason>,
}

/// For one activity: every credential and rule it counts toward, and why not for the others.
/// Uses the evaluations already computed for the dashboard, plus the rule definitions for the
/// reasons evaluations do not list (outside the window, topic missing).
pub fn counts_toward(
    activity: &Activity,
    credentials: &[Credential],
    evaluations: &[Evaluation],
) -> Vec<CountsToward> {
    let mut out = Vec::new();
    for cred in credentials {
        let Some(ev) = evaluations.iter().find(|e| e.credential_id == cred.id) else {
            continue;
        };
        for (rule, re) in cred.rules.iter().zip(&ev.rules) {
            let contribution = re.contribution_of(activity.id);
            out.push(CountsToward {
                credential_id: cred.id,
                credential_name: cred.name.clone(),
                rule_id: rule.id.clone(),
                rule_label: rule.label.clone(),
                amount: contribution.map(|c| c.amount),
                unit: rule.unit(),
                credit_type: contribution.map(|c| c.credit_type(activity).clone()),
                reason: explain(rule, re, activity),
            });
        }
    }
    out
}

/// The hours an activity spent on a topic rule's topics, when that is less than the whole
/// activity (so the rule counts only part of it).
fn partial_topic_hours(rule: &Rule, activity: &Activity) -> Option<Amount> {
    let topics = match &rule.kind {
        RuleKind::TopicMin { topics, .. } | RuleKind::PerYear { topics, .. } => topics,
        _ => return None,
    };
    if topics.is_empty() || activity.topic_hours.is_empty() {
        return None;
    }
    let on: Amount = crate::domain::model::vocab::expand_topics(topics)
        .iter()
        .map(|t| activity.hours_on(t))
        .sum();
    (on < activity.hours()).then_some(on)
}

/// Whether the activity is on one of `topics` (or on a member of a group among them).
pub fn on_any_topic(activity: &Activity, topics: &[TopicId]) -> bool {
    crate::domain::model::vocab::expand_topics(topics)
        .iter()
        .any(|t| activity.has_topic(t))
}

/// Why an activity does not count (fully) toward a rule, or `None` when it counts in full.
pub fn explain(rule: &Rule, re: &RuleEvaluation, activity: &Activity) -> Option<Reason> {
    match re.status {
        RuleStatus::NotApplicable => return Some(Reason::NotApplicable),
        RuleStatus::Exempt | RuleStatus::DeemedMet => return Some(Reason::Exempt),
        _ => {}
    }
    if let Some(e) = re.exclusions.iter().find(|e| e.activity_id == activity.id) {
        return Some(e.reason.clone());
    }
    if re.contribution_of(activity.id).is_some() {
        return partial_topic_hours(rule, activity).map(|hours| Reason::TopicHoursOnly { hours });
    }
    if let Some((from, to)) = re.window {
        if activity.end < from || activity.end > to {
            return Some(Reason::OutsideWindow { from, to });
        }
    }
    let topics: &[TopicId] = match &rule.kind {
        RuleKind::TopicMin { topics, .. }
        | RuleKind::Completion { topics, .. }
        | RuleKind::PerYear { topics, .. } => topics,
        RuleKind::Cap {
            formats, topics, ..
        } => {
            if !formats.is_empty() && !formats.contains(&activity.format) {
                return Some(Reason::NotCovered);
            }
            topics
        }
        _ => &[],
    };
    if !topics.is_empty() && !on_any_topic(activity, topics) {
        return Some(if matches!(rule.kind, RuleKind::Cap { .. }) {
            Reason::NotCovered
        } else {
            Reason::TopicMissing {
                needed: topics.to_vec(),
                had: activity.topics.clone(),
            }
        });
    }
    if matches!(rule.kind, RuleKind::Cap { .. }) {
        return Some(Reason::NotCovered);
    }
    // Not listed and not excluded: its accepted credit was zero.
    Some(Reason::CreditTypeNotAccepted)
}
