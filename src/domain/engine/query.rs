//! Filtering, searching and sorting the activity list, with totals of what is shown.
//!
//! Pure so that it is tested natively and so that the list stays fast at 10,000 activities:
//! one pass to filter (with the search text lower-cased once), one sort of indices.

use chrono::NaiveDate;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::domain::model::activity::{Activity, ActivityStatus, Format};
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Date,
    Title,
    Provider,
    Format,
    Credits,
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityFilter {
    pub text: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub credit_type: Option<CreditTypeId>,
    pub topic: Option<TopicId>,
    pub format: Option<Format>,
    pub status: Option<ActivityStatus>,
    /// Only completed activities with no certificate on file (what an audit would ask for).
    pub no_certificate: bool,
    /// Only activities that count toward this credential (ids taken from its evaluation).
    pub counts_toward: Option<crate::domain::model::ids::IdSet>,
    pub sort: SortKey,
    pub descending: bool,
}

impl ActivityFilter {
    /// Whether any filter (other than sorting) is active.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.narrowing_count() > 0
    }

    /// How many filters besides the text search are set (the count on the folded "Filters"
    /// button).
    pub fn narrowing_count(&self) -> usize {
        [
            self.from.is_some(),
            self.to.is_some(),
            self.credit_type.is_some(),
            self.topic.is_some(),
            self.format.is_some(),
            self.status.is_some(),
            self.counts_toward.is_some(),
            self.no_certificate,
        ]
        .into_iter()
        .filter(|on| *on)
        .count()
    }
}

/// What the list shows: indices into the activity slice, in display order, and their totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityView {
    pub rows: Vec<usize>,
    /// Sum per credit type over the shown completed rows.
    pub totals: BTreeMap<CreditTypeId, Amount>,
    /// Sum per credit type over the shown planned rows: said apart, never mixed into `totals`.
    pub planned: BTreeMap<CreditTypeId, Amount>,
}

/// How much credit an activity is worth, for sorting: its hours, then (for activities carrying
/// only points) its points. Designations are not added up: points are not hours, and two
/// designations of one hour are still one hour.
fn credit_sum(a: &Activity) -> (Amount, Amount) {
    (a.hours(), a.share_base())
}

fn matches_text(a: &Activity, needle: &str) -> bool {
    let hit = |s: &str| s.to_lowercase().contains(needle);
    hit(&a.title)
        || hit(&a.provider)
        || hit(&a.notes)
        || a.tags.iter().any(|t| hit(t))
        || a.topics.iter().any(|t| {
            hit(t.as_str())
                || vocab::topic(t)
                    .is_some_and(|info| hit(info.label) || info.synonyms.iter().any(|s| hit(s)))
        })
}

pub fn query<A: Borrow<Activity>>(activities: &[A], f: &ActivityFilter) -> ActivityView {
    let needle = f.text.trim().to_lowercase();
    let mut rows: Vec<usize> = activities
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .filter(|(_, a)| {
            f.from.is_none_or(|d| a.end >= d)
                && f.to.is_none_or(|d| a.start <= d)
                && f.credit_type
                    .as_ref()
                    .is_none_or(|c| a.credits.iter().any(|d| &d.credit_type == c))
                && f.topic.as_ref().is_none_or(|t| a.has_topic(t))
                && f.format.is_none_or(|fm| a.format == fm)
                && f.status.is_none_or(|s| a.status == s)
                && (!f.no_certificate || (a.is_completed() && a.certificates.is_empty()))
                && f.counts_toward
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&a.id))
                && (needle.is_empty() || matches_text(a, &needle))
        })
        .map(|(i, _)| i)
        .collect();

    let by = |x: &Activity, y: &Activity| -> Ordering {
        match f.sort {
            SortKey::Date => x.end.cmp(&y.end).then(x.start.cmp(&y.start)),
            SortKey::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
            SortKey::Provider => x.provider.to_lowercase().cmp(&y.provider.to_lowercase()),
            SortKey::Format => x.format.label().cmp(y.format.label()),
            SortKey::Credits => credit_sum(x).cmp(&credit_sum(y)),
            SortKey::Status => x.status.cmp(&y.status),
        }
        // The id breaks ties so the order never depends on insertion order.
        .then(x.id.cmp(&y.id))
    };
    crate::domain::model::sort::sort_by(&mut rows, |&i, &j| {
        let o = by(activities[i].borrow(), activities[j].borrow());
        if f.descending {
            o.reverse()
        } else {
            o
        }
    });

    let mut totals = BTreeMap::new();
    let mut planned = BTreeMap::new();
    for &i in &rows {
        let a: &Activity = activities[i].borrow();
        let sums = if a.is_completed() {
            &mut totals
        } else {
            &mut planned
        };
        for d in &a.credits {
            *sums.entry(d.credit_type.clone()).or_insert(Amount::ZERO) += d.amount;
        }
    }
    ActivityView {
        rows,
        totals,
        planned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::activity::Accreditor;
    use crate::domain::model::credits::CreditDesignation;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    #[test]
    fn the_text_search_is_active_but_not_one_of_the_narrowing_filters() {
        let mut f = ActivityFilter::default();
        assert!(!f.is_active());
        f.text = "sepsis".into();
        assert!(f.is_active());
        assert_eq!(f.narrowing_count(), 0);
        f.status = Some(ActivityStatus::Planned);
        f.counts_toward = Some(Default::default());
        assert_eq!(f.narrowing_count(), 2);
        f.text.clear();
        assert!(f.is_active());
    }

    fn act(n: u128, title: &str, end: &str, credits: &[(&str, i64)], topics: &[&str]) -> Activity {
        let end = NaiveDate::parse_from_str(end, "%Y-%m-%d").unwrap();
        Activity {
            id: Uuid::from_u128(n),
            title: title.into(),
            provider: "Provider".into(),
            accreditor: Accreditor::Accme,
            start: end,
            end,
            format: Format::LiveVirtual,
            credits: credits
                .iter()
                .map(|(c, h)| CreditDesignation {
                    credit_type: CreditTypeId::new(c),
                    amount: Amount::from_hundredths(*h),
                })
                .collect(),
            topics: topics.iter().map(|t| TopicId::new(t)).collect(),
            topic_hours: Default::default(),
            certificates: Vec::new(),
            tags: vec![],
            status: ActivityStatus::Completed,
            notes: String::new(),
            reflection: None,
            created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            updated_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        }
    }

    fn sample() -> Vec<Activity> {
        vec![
            act(
                1,
                "Ethics in practice",
                "2026-02-01",
                &[("AMA_PRA_CAT1", 200)],
                &["ethics_professional_responsibility"],
            ),
            act(
                2,
                "Cardiology review",
                "2026-01-15",
                &[("AMA_PRA_CAT1", 1000), ("ABIM_MOC_POINT", 1000)],
                &[],
            ),
            act(
                3,
                "Opioid safety",
                "2025-11-30",
                &[("AMA_PRA_CAT2", 150)],
                &["pain_management_opioids"],
            ),
        ]
    }

    #[test]
    fn the_no_certificate_filter_keeps_completed_activities_without_one() {
        let mut all = sample();
        let added = all[0].end;
        all[0]
            .certificates
            .push(crate::domain::model::attachment::CertificateFile {
                id: Uuid::from_u128(5),
                name: "c.pdf".into(),
                mime: "application/pdf".into(),
                size: 10,
                sha256: "0".repeat(64),
                added,
            });
        let f = ActivityFilter {
            no_certificate: true,
            ..Default::default()
        };
        let v = query(&all, &f);
        assert!(!v.rows.contains(&0));
        assert_eq!(
            v.rows.len(),
            all.iter().filter(|a| a.is_completed()).count() - 1
        );
        assert_eq!(f.narrowing_count(), 1);
    }

    #[test]
    fn planned_rows_are_totalled_apart() {
        let mut all = sample();
        all[0].status = ActivityStatus::Planned;
        let v = query(&all, &ActivityFilter::default());
        let cat1 = CreditTypeId::new("AMA_PRA_CAT1");
        let amount = all[0].amount_of(&cat1);
        assert!(amount.is_positive());
        assert_eq!(v.planned[&cat1], amount);
        assert_eq!(v.totals[&cat1] + amount, Amount::from_hundredths(1200));
    }

    #[test]
    fn filters_narrow_the_rows_and_totals_agree() {
        let all = sample();
        let v = query(&all, &ActivityFilter::default());
        assert_eq!(v.rows, vec![2, 1, 0], "oldest first by default");
        assert_eq!(
            v.totals[&CreditTypeId::new("AMA_PRA_CAT1")],
            Amount::from_hundredths(1200)
        );

        let f = ActivityFilter {
            credit_type: Some(CreditTypeId::new("AMA_PRA_CAT1")),
            from: NaiveDate::from_ymd_opt(2026, 1, 20),
            ..Default::default()
        };
        let v = query(&all, &f);
        assert_eq!(v.rows, vec![0]);
        assert_eq!(v.totals.len(), 1);
        assert_eq!(
            v.totals[&CreditTypeId::new("AMA_PRA_CAT1")],
            Amount::hours(2)
        );
    }

    #[test]
    fn search_finds_topic_synonyms_and_is_case_insensitive() {
        let all = sample();
        let f = ActivityFilter {
            text: "OPIOID PRESCRIBING".into(),
            ..Default::default()
        };
        assert_eq!(query(&all, &f).rows, vec![2]);
        let f = ActivityFilter {
            text: "cardio".into(),
            ..Default::default()
        };
        assert_eq!(query(&all, &f).rows, vec![1]);
    }

    #[test]
    fn sorting_by_credits_descending_and_counts_toward() {
        let all = sample();
        let f = ActivityFilter {
            sort: SortKey::Credits,
            descending: true,
            ..Default::default()
        };
        assert_eq!(query(&all, &f).rows, vec![1, 0, 2]);
        let f = ActivityFilter {
            counts_toward: Some([Uuid::from_u128(3)].into_iter().collect()),
            ..Default::default()
        };
        assert_eq!(query(&all, &f).rows, vec![2]);
    }
}
