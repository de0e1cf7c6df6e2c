//! What the charts show, as data: credits per year stacked by credit type, and a credential's
//! progress across its cycle against an even pace. The page draws them as SVG; here the figures
//! are computed and tested natively.

use chrono::{Datelike, NaiveDate};
use std::borrow::Borrow;
use std::collections::BTreeMap;

use crate::domain::engine::evaluate::{Evaluation, Measure};
use crate::domain::model::activity::Activity;
use crate::domain::model::credential::Credential;
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::rule::RuleKind;
use crate::domain::model::vocab::{self, Unit};

/// How many credit types get a colour of their own; the rest are stacked as "Other types".
pub const MAX_SERIES: usize = 6;

/// One stacked series: a credit type (or "Other types"), in its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub label: String,
    pub unit: Unit,
}

/// Credits per year stacked by credit type: `years[i].1[j]` is series `j` in that year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearStacks {
    /// Points are stacked in a chart of their own: they are not hours, so a bar never adds them
    /// to credits.
    pub points: bool,
    pub series: Vec<Series>,
    /// Every year from the first to the last with an activity (empty years included, so a gap
    /// shows as a gap), oldest first.
    pub years: Vec<(i32, Vec<Amount>)>,
}

impl YearStacks {
    /// The largest year total (the scale of the chart).
    pub fn max_total(&self) -> Amount {
        self.years
            .iter()
            .map(|(_, v)| v.iter().copied().sum::<Amount>())
            .max()
            .unwrap_or(Amount::ZERO)
    }
}

/// Every designation of the completed activities ending in `from..=to`, summed per year and
/// credit type: one chart for credits and hours, one for points (when there are any). An activity
/// designated for two credit types adds to both (it earned both); the most used types get their
/// own series, the rest are summed as "Other types" (in hours, or points).
pub fn credits_per_year<A: Borrow<Activity>>(
    activities: &[A],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<YearStacks> {
    [false, true]
        .into_iter()
        .map(|points| stacks(activities, from, to, points))
        .filter(|s| !s.years.is_empty())
        .collect()
}

fn stacks<A: Borrow<Activity>>(
    activities: &[A],
    from: NaiveDate,
    to: NaiveDate,
    points: bool,
) -> YearStacks {
    let mut per: BTreeMap<(i32, &CreditTypeId), Amount> = BTreeMap::new();
    let mut per_type: BTreeMap<&CreditTypeId, Amount> = BTreeMap::new();
    for a in activities.iter().map(Borrow::borrow) {
        if !a.is_completed() || a.end < from || a.end > to {
            continue;
        }
        for d in &a.credits {
            if Unit::of(&d.credit_type).is_time() == points {
                continue;
            }
            *per.entry((a.end.year(), &d.credit_type)).or_default() += d.amount;
            *per_type.entry(&d.credit_type).or_default() += d.amount;
        }
    }
    let mut types: Vec<(&CreditTypeId, Amount)> = per_type.into_iter().collect();
    // Largest first; ties by code, so the colours do not change between renders.
    crate::domain::model::sort::sort_by(&mut types, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let own = types.len().min(if types.len() > MAX_SERIES {
        MAX_SERIES - 1
    } else {
        MAX_SERIES
    });
    let mut series: Vec<Series> = types[..own]
        .iter()
        .map(|(t, _)| Series {
            label: vocab::credit_type_label(t),
            unit: Unit::of(t),
        })
        .collect();
    let others = &types[own..];
    if !others.is_empty() {
        series.push(Series {
            label: "Other types".into(),
            unit: if points { Unit::Point } else { Unit::Hour },
        });
    }
    let Some((first, last)) = per
        .keys()
        .map(|(y, _)| *y)
        .min()
        .zip(per.keys().map(|(y, _)| *y).max())
    else {
        return YearStacks::default();
    };
    let years = (first..=last)
        .map(|year| {
            let mut values: Vec<Amount> = types[..own]
                .iter()
                .map(|(t, _)| per.get(&(year, *t)).copied().unwrap_or_default())
                .collect();
            if !others.is_empty() {
                values.push(
                    others
                        .iter()
                        .map(|(t, _)| {
                            per.get(&(year, *t))
                                .map_or(Amount::ZERO, |a| a.scale_percent(vocab::hours_percent(t)))
                        })
                        .sum(),
                );
            }
            (year, values)
        })
        .collect();
    YearStacks {
        points,
        series,
        years,
    }
}

/// A credential's progress across its cycle against an even pace to the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pace {
    /// The rule shown (the credential's total, else its largest minimum).
    pub label: String,
    pub unit: Unit,
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    pub today: NaiveDate,
    pub required: Amount,
    /// Carried over from the previous cycle: counted from the first day.
    pub carried_over: Amount,
    /// The running total after each completed activity that counted, by end date (one step per
    /// date), starting after the carry-over.
    pub steps: Vec<(NaiveDate, Amount)>,
}

impl Pace {
    /// Where an even pace from nothing at the start to `required` at the deadline stands on
    /// `date` (clamped to the cycle), rounded down to the hundredth.
    pub fn expected_on(&self, date: NaiveDate) -> Amount {
        let span = (self.deadline - self.start).num_days();
        if span <= 0 || date >= self.deadline {
            return self.required;
        }
        if date <= self.start {
            return Amount::ZERO;
        }
        let done = (date - self.start).num_days();
        Amount::from_hundredths(self.required.hundredths() * done / span)
    }

    /// The running total on `date`.
    pub fn counted_on(&self, date: NaiveDate) -> Amount {
        self.steps
            .iter()
            .take_while(|(d, _)| *d <= date)
            .last()
            .map_or(self.carried_over, |(_, a)| *a)
    }

    /// How far ahead of (positive) or behind (negative) the even pace the credential is today,
    /// in hundredths of the unit.
    pub fn ahead_today(&self) -> i64 {
        let today = self.today.min(self.deadline);
        self.counted_on(today).hundredths() - self.expected_on(today).hundredths()
    }
}

/// The pace of `credential`'s current cycle, from its evaluation. `None` when no rule asks for an
/// amount (a credential with no requirements, or only caps and completions).
pub fn pace<A: Borrow<Activity>>(
    credential: &Credential,
    evaluation: &Evaluation,
    activities: &[A],
    today: NaiveDate,
) -> Option<Pace> {
    let amount_rules = || {
        evaluation
            .rules
            .iter()
            .filter(|r| r.measure == Measure::Hours && r.required.is_positive())
    };
    // The credential's total when it has one (the largest), else its largest minimum.
    let rule = amount_rules()
        .filter(|r| {
            credential
                .rules
                .iter()
                .find(|x| x.id == r.rule_id)
                .is_some_and(|x| matches!(x.kind, RuleKind::Total { .. }))
        })
        .max_by_key(|r| r.required)
        .or_else(|| amount_rules().max_by_key(|r| r.required))?;
    let end_of = |id| {
        activities
            .iter()
            .map(Borrow::borrow)
            .find(|a| a.id == id)
            .map(|a| a.end)
    };
    let mut dated: Vec<(NaiveDate, Amount)> = rule
        .contributions
        .iter()
        .filter(|c| !c.planned)
        .filter_map(|c| end_of(c.activity_id).map(|d| (d, c.amount)))
        .collect();
    crate::domain::model::sort::sort_by_key(&mut dated, |(d, _)| *d);
    let mut steps: Vec<(NaiveDate, Amount)> = Vec::new();
    let mut running = rule.carried_over;
    for (d, a) in dated {
        running += a;
        match steps.last_mut() {
            Some(last) if last.0 == d => last.1 = running,
            _ => steps.push((d, running)),
        }
    }
    Some(Pace {
        label: rule.label.clone(),
        unit: rule.unit,
        start: credential.cycle.start,
        deadline: evaluation.deadline,
        today,
        required: rule.required,
        carried_over: rule.carried_over,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::engine::evaluate::evaluate;

    #[test]
    fn credits_per_year_stack_each_designation_and_keep_empty_years() {
        let acts = vec![
            activity("2023-05-01")
                .credit("AMA_PRA_CAT1", "10")
                .credit("ABIM_MOC_POINT", "10")
                .build(),
            activity("2025-02-01").credit("AMA_PRA_CAT1", "2.5").build(),
            activity("2025-09-01").credit("AMA_PRA_CAT1", "1").build(),
            // Outside the range.
            activity("2019-01-01").credit("AMA_PRA_CAT1", "50").build(),
        ];
        let charts = credits_per_year(&acts, date("2020-01-01"), date("2026-12-31"));
        // Points never stack on credits: they get a chart of their own.
        assert_eq!(charts.len(), 2);
        let (s, p) = (&charts[0], &charts[1]);
        assert!(!s.points && p.points);
        assert_eq!(s.series.len(), 1);
        assert_eq!(s.series[0].unit, Unit::Credit);
        assert_eq!(p.series[0].unit, Unit::Point);
        let years: Vec<i32> = s.years.iter().map(|(y, _)| *y).collect();
        assert_eq!(years, [2023, 2024, 2025]);
        assert_eq!(s.years[0].1, vec![hours("10")]);
        assert_eq!(s.years[1].1, vec![Amount::ZERO]);
        assert_eq!(s.years[2].1, vec![hours("3.5")]);
        assert_eq!(s.max_total(), hours("10"));
        assert_eq!(p.years, vec![(2023, vec![hours("10")])]);
    }

    #[test]
    fn no_activities_make_an_empty_chart_and_many_types_fold_into_other() {
        assert!(credits_per_year(NO_ACTIVITIES, date("2020-01-01"), date("2026-12-31")).is_empty());
        let mut b = activity("2025-01-01");
        for (i, t) in [
            "AMA_PRA_CAT1",
            "AOA_1B",
            "AOA_1A",
            "AAFP_PRESCRIBED",
            "ANCC_CH",
            "custom:Grand rounds",
            "custom:Journal club",
        ]
        .iter()
        .enumerate()
        {
            b = b.credit(t, &format!("{}", 10 - i));
        }
        let charts = credits_per_year(&[b.build()], date("2025-01-01"), date("2025-12-31"));
        let s = &charts[0];
        assert_eq!(s.series.len(), MAX_SERIES);
        assert_eq!(s.series.last().unwrap().label, "Other types");
        // The two smallest (4 and 5 hours of custom types) are summed into "Other types".
        assert_eq!(s.years[0].1.last(), Some(&hours("9")));
    }

    #[test]
    fn the_pace_line_runs_from_nothing_to_the_requirement_at_the_deadline() {
        let c = credential("Medical license", "2025-01-01", "2026-12-31")
            .rule(total("total", "50", &["AMA_PRA_CAT1"]))
            .rule(topic_min(
                "ethics",
                "2",
                &["ethics_professional_responsibility"],
                &[],
            ))
            .build();
        let acts = vec![
            activity("2025-03-01").credit("AMA_PRA_CAT1", "10").build(),
            activity("2025-03-01").credit("AMA_PRA_CAT1", "5").build(),
            activity("2025-10-01").credit("AMA_PRA_CAT1", "10").build(),
            activity("2025-11-01")
                .credit("AMA_PRA_CAT1", "3")
                .planned()
                .build(),
        ];
        let today = date("2025-12-31");
        let ev = evaluate(&c, &acts, today);
        let p = pace(&c, &ev, &acts, today).expect("a total to pace");
        assert_eq!(p.required, hours("50"));
        assert_eq!(p.label, ev.rules[0].label);
        // One step per date; the planned activity is not counted.
        assert_eq!(
            p.steps,
            vec![
                (date("2025-03-01"), hours("15")),
                (date("2025-10-01"), hours("25"))
            ]
        );
        assert_eq!(p.expected_on(date("2024-06-01")), Amount::ZERO);
        assert_eq!(p.expected_on(p.deadline), hours("50"));
        // Half way through the cycle (364 of 729 days), the even pace is just under 25.
        let half = p.expected_on(date("2025-12-31"));
        assert_eq!(half, Amount::from_hundredths(5000 * 364 / 729));
        assert_eq!(p.counted_on(date("2025-06-01")), hours("15"));
        assert_eq!(p.counted_on(date("2025-01-02")), Amount::ZERO);
        assert_eq!(p.ahead_today(), 2500 - 5000 * 364 / 729);
    }

    #[test]
    fn no_pace_without_an_amount_to_reach() {
        let c = credential("Society membership", "2025-01-01", "2026-12-31").build();
        let ev = evaluate(&c, NO_ACTIVITIES, date("2025-06-01"));
        assert!(pace(&c, &ev, NO_ACTIVITIES, date("2025-06-01")).is_none());
    }
}
