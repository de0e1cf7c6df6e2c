//! Tallying one rule: which of the activities it takes count, how much each counts (the largest
//! accepted designation, weights and equivalences, topic shares), and the caps that limit them.

use super::*;

/// What a rule counted.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) counted: Amount,
    pub(super) planned: Amount,
    pub(super) contributions: Vec<Contribution>,
    pub(super) exclusions: Vec<Exclusion>,
}

impl Tally {
    /// `counted_as` is set only when one of the credential's equivalences mapped the type.
    #[inline(always)]
    pub(super) fn add(
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
    pub(super) fn exclude(&mut self, index: &ActivityIndex, i: usize, reason: Reason) {
        self.exclusions.push(Exclusion {
            activity_id: index.id(i),
            reason,
        });
    }
}

/// How one credit type of the activities counts toward one rule of a credential: worked out once
/// per rule (equivalences, weights), then read per designation by its type index.
#[derive(Clone, Copy)]
pub(super) struct Accepted<'c> {
    /// The type it counts as when an equivalence mapped it; `None`: as itself.
    pub(super) mapped: Option<&'c CreditTypeId>,
    /// The credential's weighting of the type (100 = none).
    pub(super) percent: u32,
    /// The weighting covers only the first this much of the type's credit in the window: what
    /// each activity gains is in [`AcceptTable::gains`].
    pub(super) up_to: Option<Amount>,
}

/// How a rule takes each credit type of the activity index.
#[derive(Clone)]
pub(super) struct AcceptTable<'c> {
    /// `Accepted` per type index; `None` where the rule does not take the type.
    pub(super) types: Vec<Option<Accepted<'c>>>,
    /// Whether the rule takes any type (in its unit).
    pub(super) any: bool,
    /// For a weighting limited to the first credits of a window: what each (type, activity) of
    /// the window gains over its own amount. Empty for every other credential.
    gains: std::collections::HashMap<(TypeIdx, usize), Amount>,
}

impl AcceptTable<'_> {
    /// Shares out the limited weightings over the activities of a window, oldest first:
    /// completed activities first, then the planned ones (which only a what-if counts).
    pub(super) fn limit_weights(
        &mut self,
        index: &ActivityIndex,
        acts: impl Iterator<Item = usize> + Clone,
    ) {
        self.gains.clear();
        for (t, acc) in self.types.iter().enumerate() {
            let Some(Accepted {
                percent,
                up_to: Some(up_to),
                ..
            }) = *acc
            else {
                continue;
            };
            let mut left = up_to;
            for completed in [true, false] {
                for i in acts.clone().filter(|&i| index.is_completed(i) == completed) {
                    for d in index
                        .designations(i)
                        .iter()
                        .filter(|d| d.credit_type as usize == t)
                    {
                        let weighted = d.hours.min(left);
                        left = left.saturating_sub(weighted);
                        let gain = weighted.scale_percent(percent) - weighted;
                        self.gains.insert((t as TypeIdx, i), gain);
                    }
                }
            }
        }
    }
}

impl<'c> Ctx<'c> {
    pub(super) fn accept_table(
        &self,
        accepts: &'c Accepts,
        index: &ActivityIndex,
    ) -> AcceptTable<'c> {
        let types = (0..index.type_count())
            .map(|t| {
                let original = index.credit_type(t as TypeIdx);
                // "Any type" means any type in the rule's own unit: points are not hours, so a
                // rule counting hours takes points only through an equivalence its credential
                // declares.
                let as_itself = if accepts.is_any() {
                    Unit::of(original).is_time()
                } else {
                    accepts.names(original)
                };
                let mapped = if as_itself {
                    None
                } else {
                    Some(
                        &self
                            .cred
                            .equivalences
                            .iter()
                            .find(|e| {
                                &e.from == original
                                    && if accepts.is_any() {
                                        Unit::of(&e.counts_as).is_time()
                                    } else {
                                        accepts.credit_types.contains(&e.counts_as)
                                    }
                            })?
                            .counts_as,
                    )
                };
                let counted_as = mapped.unwrap_or(original);
                let weight = self
                    .cred
                    .weights
                    .iter()
                    .find(|w| &w.credit_type == original || &w.credit_type == counted_as);
                Some(Accepted {
                    mapped,
                    percent: weight.map_or(100, |w| w.percent),
                    up_to: weight.and_then(|w| w.up_to),
                })
            })
            .collect();
        AcceptTable {
            types,
            any: accepts.is_any(),
            gains: Default::default(),
        }
    }

    /// Calls `f(designation, how it is accepted, hours)` for each designation of activity `i` that
    /// the rule takes, after unit conversion, weighting and quarter-hour rounding.
    #[inline(always)]
    pub(super) fn for_each_accepted(
        table: &AcceptTable<'c>,
        index: &ActivityIndex,
        i: usize,
        share: Share,
        quarter: bool,
        mut f: impl FnMut(&Designation, Accepted<'c>, Amount),
    ) {
        for d in index.designations(i) {
            let Some(acc) = table.types[d.credit_type as usize] else {
                continue;
            };
            let mut amount = share.of(d.hours);
            if acc.percent != 100 {
                amount = match acc.up_to {
                    None => amount.scale_percent(acc.percent),
                    Some(_) => {
                        let gain = table
                            .gains
                            .get(&(d.credit_type, i))
                            .copied()
                            .unwrap_or_default();
                        amount + share.of(gain)
                    }
                };
            }
            if quarter {
                amount = amount.floor_quarter();
            }
            f(d, acc, amount);
        }
    }

    /// The largest accepted designation: an activity counts once per rule.
    #[inline(always)]
    pub(super) fn best(
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
    pub(super) fn tally_simple(
        &self,
        accepts: &'c Accepts,
        topics: &[TopicId],
        excludes: &[TopicId],
        index: &ActivityIndex,
        acts: Range<usize>,
        quarter: bool,
    ) -> Tally {
        let mut table = self.accept_table(accepts, index);
        table.limit_weights(index, acts.clone());
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
                None => t.exclude(index, i, not_accepted(&table, index, i)),
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
    pub(super) fn tally_capped(
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
                    t.exclude(index, i, not_accepted(table, index, i));
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
    pub(super) fn capped_step(
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
    pub(super) fn carry_over(
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
        // A limited weighting starts again in the previous cycle's own window.
        let own;
        let table = if !table.types.iter().flatten().any(|a| a.up_to.is_some()) {
            table
        } else {
            let mut t = table.clone();
            t.limit_weights(index, acts.clone());
            own = t;
            &own
        };
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
pub(super) enum CapMode {
    /// Contributions, exclusions and the what-if part.
    Record,
    /// Only the counted amount, up to this much.
    Count(Amount),
}

/// What one activity counts toward a capped total.
pub(super) struct CappedStep<'c> {
    pub(super) position: usize,
    pub(super) mapped: Option<&'c CreditTypeId>,
    /// After the caps.
    pub(super) counted: Amount,
    /// Before the caps.
    pub(super) full: Amount,
    /// The cap that limited it, if one did.
    pub(super) binding: Option<usize>,
}

/// A cap's coverage, resolved for one rule's accept table: which types it limits, and its format
/// and topic conditions.
pub(super) struct CapCheck<'c> {
    /// By type index: whether the cap limits that type (as itself or as the type it counts as).
    pub(super) types: Vec<bool>,
    pub(super) formats: &'c [crate::domain::model::activity::Format],
    pub(super) topics: TopicFilter,
}

impl CapCheck<'_> {
    #[inline(always)]
    pub(super) fn covers_activity(&self, index: &ActivityIndex, i: usize) -> bool {
        (self.formats.is_empty() || self.formats.contains(&index.format(i)))
            && index.matches(i, &self.topics)
    }

    /// The part of activity `i` the cap limits: none, the whole, or its hours on the cap's topics.
    #[inline(always)]
    pub(super) fn coverage(&self, index: &ActivityIndex, i: usize) -> Share {
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
pub(super) struct Excluded<'e> {
    pub(super) topics: &'e [TopicId],
    pub(super) filter: TopicFilter,
}

/// `None` when the rule excludes no topic that any activity has.
pub(super) fn exclude_filter<'e>(
    excludes: &'e [TopicId],
    index: &ActivityIndex,
) -> Option<Excluded<'e>> {
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
    pub(super) fn check(&self, table: &AcceptTable<'c>, index: &ActivityIndex) -> CapCheck<'c> {
        CapCheck {
            types: table
                .types
                .iter()
                .enumerate()
                .map(|(t, acc)| {
                    let original = index.credit_type(t as TypeIdx);
                    self.accepts.is_any()
                        || self.accepts.names(original)
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

/// Why none of an activity's designations counts: points offered to a rule counting time are
/// said to be points, so no one reads "not accepted" under a rule that takes any type.
fn not_accepted(table: &AcceptTable, index: &ActivityIndex, i: usize) -> Reason {
    let points_only = index
        .designations(i)
        .iter()
        .all(|d| !Unit::of(index.credit_type(d.credit_type)).is_time());
    if table.any && points_only {
        Reason::OtherUnit { unit: Unit::Point }
    } else {
        Reason::CreditTypeNotAccepted
    }
}
