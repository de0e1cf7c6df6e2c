//! The compact stored form of an activity: a long career (10,000 activities) must fit well inside
//! the ~5 MB localStorage quota, and the plain record form takes ~450 bytes each. Short keys, empty
//! fields left out, timestamps as nanoseconds since the epoch (lossless, unlike seconds), start
//! left out when it equals the end. Conversion both ways is lossless (tested).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::{
    Accreditor, Activity, ActivityStatus, Amount, CreditDesignation, CreditTypeId, Format, TopicId,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredActivity {
    i: Uuid,
    t: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    p: String,
    a: Accreditor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<NaiveDate>,
    e: NaiveDate,
    f: Format,
    c: Vec<(CreditTypeId, Amount)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    o: Vec<TopicId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    g: Vec<String>,
    /// Planned; completed is the default and left out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    x: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    n: String,
    k: i64,
    /// Updated, when different from created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    u: Option<i64>,
}

fn nanos(t: DateTime<Utc>) -> i64 {
    // Dates outside 1677–2262 cannot be produced by the app; clamp rather than panic.
    t.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

fn from_nanos(n: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(n)
}

impl From<&Activity> for StoredActivity {
    fn from(a: &Activity) -> StoredActivity {
        let k = nanos(a.created_at);
        let u = nanos(a.updated_at);
        StoredActivity {
            i: a.id,
            t: a.title.clone(),
            p: a.provider.clone(),
            a: a.accreditor,
            s: (a.start != a.end).then_some(a.start),
            e: a.end,
            f: a.format,
            c: a.credits
                .iter()
                .map(|d| (d.credit_type.clone(), d.amount))
                .collect(),
            o: a.topics.clone(),
            g: a.tags.clone(),
            x: a.status == ActivityStatus::Planned,
            n: a.notes.clone(),
            k,
            u: (u != k).then_some(u),
        }
    }
}

impl From<StoredActivity> for Activity {
    fn from(s: StoredActivity) -> Activity {
        Activity {
            id: s.i,
            title: s.t,
            provider: s.p,
            accreditor: s.a,
            start: s.s.unwrap_or(s.e),
            end: s.e,
            format: s.f,
            credits: s
                .c
                .into_iter()
                .map(|(credit_type, amount)| CreditDesignation {
                    credit_type,
                    amount,
                })
                .collect(),
            topics: s.o,
            tags: s.g,
            status: if s.x {
                ActivityStatus::Planned
            } else {
                ActivityStatus::Completed
            },
            notes: s.n,
            created_at: from_nanos(s.k),
            updated_at: from_nanos(s.u.unwrap_or(s.k)),
        }
    }
}

pub fn to_stored(activities: &[Activity]) -> Vec<StoredActivity> {
    activities.iter().map(StoredActivity::from).collect()
}

pub fn from_stored(stored: Vec<StoredActivity>) -> Vec<Activity> {
    stored.into_iter().map(Activity::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn compact_form_round_trips_every_field() {
        let mut a = activity("2025-05-10")
            .start("2025-05-08")
            .title("Conference")
            .credit("AMA_PRA_CAT1", "12.25")
            .credit("ABIM_MOC_POINT", "12")
            .topic("implicit_bias")
            .format(Format::Conference)
            .planned()
            .build();
        a.provider = "ACP".into();
        a.tags = vec!["travel".into()];
        a.notes = "Bring badge".into();
        a.created_at = Utc::now();
        a.updated_at = a.created_at + chrono::Duration::nanoseconds(1);
        let plain = activity("2025-01-01").credit("CEU", "0.5").build();
        for x in [a, plain] {
            let json = serde_json::to_string(&StoredActivity::from(&x)).unwrap();
            let back: StoredActivity = serde_json::from_str(&json).unwrap();
            assert_eq!(Activity::from(back), x);
        }
    }
}
