//! Totals over any date range: by credit type, year, format and topic (for the activity list,
//! the audit report and the dashboard summary).

use crate::domain::model::codes::Coded;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::collections::BTreeMap;

use crate::domain::model::activity::{Activity, Format};
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::topics::TopicId;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub activities: usize,
    /// Each activity's hours once: its largest designation measured in time, converted to hours
    /// (1 CEU = 10 h); points are not hours.
    pub hours: Amount,
    /// Every designation, in its own unit.
    pub by_credit_type: BTreeMap<CreditTypeId, Amount>,
    pub by_year: BTreeMap<i32, Amount>,
    /// In the order of [`Format::ALL`]; formats without activities are left out.
    pub by_format: Vec<(Format, Amount)>,
    pub by_topic: BTreeMap<TopicId, Amount>,
}

/// An activity's hours counted once, whatever it is designated as (never its points).
pub fn activity_hours(a: &Activity) -> Amount {
    a.hours()
}

/// Totals of the activities ending in `from..=to` (open ends when `None`); planned activities
/// only when asked.
pub fn totals<A: Borrow<Activity>>(
    activities: &[A],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_planned: bool,
) -> Totals {
    let mut t = Totals::default();
    let mut by_format: BTreeMap<usize, Amount> = BTreeMap::new();
    for a in activities.iter().map(Borrow::borrow) {
        if (!include_planned && !a.is_completed())
            || from.is_some_and(|f| a.end < f)
            || to.is_some_and(|x| a.end > x)
        {
            continue;
        }
        let hours = activity_hours(a);
        t.activities += 1;
        t.hours += hours;
        for d in &a.credits {
            *t.by_credit_type.entry(d.credit_type.clone()).or_default() += d.amount;
        }
        *t.by_year.entry(a.end.year()).or_default() += hours;
        let fi = Format::ALL.iter().position(|f| *f == a.format).unwrap_or(0);
        *by_format.entry(fi).or_default() += hours;
        // Only the hours spent on each topic, as the engine counts them.
        for (k, topic) in a.topics.iter().enumerate() {
            // A topic listed twice on one record is still its hours once.
            if !a.topics[..k].contains(topic) {
                *t.by_topic.entry(topic.clone()).or_default() += a.hours_on(topic).min(hours);
            }
        }
    }
    t.by_format = by_format
        .into_iter()
        .map(|(i, h)| (Format::ALL[i], h))
        .collect();
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn totals_by_type_year_format_and_topic_over_a_range() {
        let acts = vec![
            activity("2025-03-01")
                .credit("AMA_PRA_CAT1", "2")
                .credit("ABIM_MOC_POINT", "2")
                .topic("ethics_professional_responsibility")
                .build(),
            activity("2026-01-10")
                .credit("CEU", "0.5")
                .format(Format::OnDemandOnline)
                .build(),
            activity("2026-02-01")
                .credit("AMA_PRA_CAT1", "1")
                .planned()
                .build(),
            activity("2027-05-01").credit("AMA_PRA_CAT1", "9").build(),
        ];
        let t = totals(
            &acts,
            Some(date("2025-01-01")),
            Some(date("2026-12-31")),
            false,
        );
        assert_eq!(t.activities, 2);
        assert_eq!(t.hours, hours("7"));
        assert_eq!(
            t.by_credit_type[&CreditTypeId::new("AMA_PRA_CAT1")],
            hours("2")
        );
        assert_eq!(t.by_credit_type[&CreditTypeId::new("CEU")], hours("0.5"));
        assert_eq!(t.by_year[&2025], hours("2"));
        assert_eq!(t.by_year[&2026], hours("5"));
        assert_eq!(
            t.by_format,
            vec![
                (Format::LiveInPerson, hours("2")),
                (Format::OnDemandOnline, hours("5"))
            ]
        );
        assert_eq!(t.by_topic.len(), 1);
        let with_planned = totals(&acts, None, None, true);
        assert_eq!(with_planned.activities, 4);
    }
}
