//! The compact stored form of an activity: a long career (10,000 activities) must fit well inside
//! the ~5 MB localStorage quota, and the plain record form takes ~450 bytes each. Short keys, empty
//! fields left out, timestamps as nanoseconds since the epoch (lossless, unlike seconds), start
//! left out when it equals the end. Conversion both ways is lossless (tested).

use std::collections::HashSet;
use std::sync::Arc;

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

/// The stored form of every activity as JSON, written straight from the records: the same text
/// as serialising [`to_stored`], without copying every title, note and code first (a save of a
/// long career spent a third of its time on those copies).
pub fn to_stored_json(activities: &[Activity]) -> String {
    serde_json::to_string(&StoredList(activities)).expect("records always serialise")
}

struct StoredList<'a>(&'a [Activity]);

impl Serialize for StoredList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(StoredRef::from))
    }
}

/// [`StoredActivity`] borrowing from the record; field for field the same keys and rules.
#[derive(Serialize)]
struct StoredRef<'a> {
    i: Uuid,
    t: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    p: &'a str,
    a: Accreditor,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<NaiveDate>,
    e: NaiveDate,
    f: Format,
    c: Credits<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    o: &'a [TopicId],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    g: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    x: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    n: &'a str,
    k: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    u: Option<i64>,
}

/// Designations as `[code, amount]` pairs, like `Vec<(CreditTypeId, Amount)>`.
struct Credits<'a>(&'a [CreditDesignation]);

impl Serialize for Credits<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|d| (&d.credit_type, d.amount)))
    }
}

impl<'a> From<&'a Activity> for StoredRef<'a> {
    fn from(a: &'a Activity) -> StoredRef<'a> {
        let k = nanos(a.created_at);
        let u = nanos(a.updated_at);
        StoredRef {
            i: a.id,
            t: &a.title,
            p: &a.provider,
            a: a.accreditor,
            s: (a.start != a.end).then_some(a.start),
            e: a.end,
            f: a.format,
            c: Credits(&a.credits),
            o: &a.topics,
            g: &a.tags,
            x: a.status == ActivityStatus::Planned,
            n: &a.notes,
            k,
            u: (u != k).then_some(u),
        }
    }
}

/// The records, with every credit type and topic code shared: 10,000 activities name a handful of
/// codes, so one copy each instead of one per record (less memory, and the engine recognises a
/// shared code by its address before comparing text).
pub fn from_stored(stored: Vec<StoredActivity>) -> Vec<Activity> {
    let mut codes: HashSet<Arc<str>> = HashSet::new();
    let mut share = |code: &Arc<str>| -> Arc<str> {
        match codes.get(code.as_ref()) {
            Some(shared) => shared.clone(),
            None => {
                codes.insert(code.clone());
                code.clone()
            }
        }
    };
    stored
        .into_iter()
        .map(|s| {
            let mut a = Activity::from(s);
            for d in &mut a.credits {
                d.credit_type.0 = share(&d.credit_type.0);
            }
            for t in &mut a.topics {
                t.0 = share(&t.0);
            }
            a
        })
        .collect()
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

    #[test]
    fn loaded_records_share_one_copy_of_each_code() {
        let list = vec![
            activity("2025-01-01")
                .credit("AMA_PRA_CAT1", "1")
                .topic("implicit_bias")
                .build(),
            activity("2025-02-01")
                .credit("AMA_PRA_CAT1", "2")
                .topic("implicit_bias")
                .build(),
            activity("2025-03-01")
                .credit("ANCC_CONTACT_HOUR", "2")
                .build(),
        ];
        let text = to_stored_json(&list);
        let back = from_stored(serde_json::from_str(&text).unwrap());
        assert_eq!(back, list);
        assert!(Arc::ptr_eq(
            &back[0].credits[0].credit_type.0,
            &back[1].credits[0].credit_type.0
        ));
        assert!(Arc::ptr_eq(&back[0].topics[0].0, &back[1].topics[0].0));
        assert!(!Arc::ptr_eq(
            &back[0].credits[0].credit_type.0,
            &back[2].credits[0].credit_type.0
        ));
    }

    #[test]
    fn borrowed_writer_gives_the_same_text_as_the_stored_form() {
        let mut full = activity("2025-05-10")
            .start("2025-05-08")
            .title("Conference \"quoted\" ✓")
            .credit("AMA_PRA_CAT1", "12.25")
            .credit("ABIM_MOC_POINT", "12")
            .topic("implicit_bias")
            .planned()
            .build();
        full.provider = "ACP".into();
        full.tags = vec!["travel".into(), "2025".into()];
        full.notes = "Line one\nline two".into();
        full.updated_at = full.created_at + chrono::Duration::seconds(5);
        let bare = activity("2025-01-01").credit("CEU", "0.5").build();
        let list = vec![full, bare];
        assert_eq!(
            to_stored_json(&list),
            serde_json::to_string(&to_stored(&list)).unwrap()
        );
        assert_eq!(to_stored_json(&[]), "[]");
    }
}
