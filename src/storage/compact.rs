//! The compact stored form of an activity: a long career (10,000 activities) must fit well inside
//! the ~5 MB localStorage quota, and the plain record form takes ~450 bytes each. Short keys, empty
//! fields left out, timestamps as nanoseconds since the epoch (lossless, unlike seconds), start
//! left out when it equals the end. Conversion both ways is lossless (tested).

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::model::attachment::CertificateFile;
use crate::domain::{
    Accreditor, Activity, ActivityStatus, Amount, CreditDesignation, CreditTypeId, Format, TopicId,
};

/// An activity as stored, read back. (It is written by [`to_stored_json`] straight from the
/// records, with the same keys.)
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredActivity {
    i: Uuid,
    t: String,
    #[serde(default)]
    p: String,
    a: Accreditor,
    #[serde(default)]
    s: Option<NaiveDate>,
    e: NaiveDate,
    f: Format,
    c: Vec<(CreditTypeId, Amount)>,
    #[serde(default)]
    o: Vec<TopicId>,
    /// Hours on some topics (format 3 on).
    #[serde(default)]
    h: BTreeMap<TopicId, Amount>,
    /// Certificate files (their records; the bytes are in IndexedDB).
    #[serde(default)]
    z: Vec<CertificateFile>,
    #[serde(default)]
    g: Vec<String>,
    /// Planned; completed is the default and left out.
    #[serde(default)]
    x: bool,
    #[serde(default)]
    n: String,
    /// The reflection (format 4 on).
    #[serde(default)]
    r: Option<crate::domain::model::learning::Reflection>,
    k: i64,
    /// Updated, when different from created.
    #[serde(default)]
    u: Option<i64>,
}

fn nanos(t: DateTime<Utc>) -> i64 {
    // Dates outside 1677–2262 cannot be produced by the app; clamp rather than panic.
    t.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

fn from_nanos(n: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(n)
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
            topic_hours: s.h,
            certificates: s.z,
            tags: s.g,
            status: if s.x {
                ActivityStatus::Planned
            } else {
                ActivityStatus::Completed
            },
            notes: s.n,
            reflection: s.r,
            created_at: from_nanos(s.k),
            updated_at: from_nanos(s.u.unwrap_or(s.k)),
        }
    }
}

/// The stored form of every activity as JSON, written straight from the records without copying
/// every title, note and code first (a save of a long career spent a third of its time on those
/// copies).
pub fn to_stored_json<A: Borrow<Activity>>(activities: &[A]) -> String {
    serde_json::to_string(&StoredList(activities)).expect("records always serialise")
}

/// The stored text of each activity last written, kept by record so that a save writes again only
/// the records that changed: the records are shared pointers, and a changed record is a new one
/// (the reducer never changes one in place while this holds it). Encoding 10,000 activities was
/// most of a long career's save (about 100 of 160 ms at 4x CPU, profiled), for every change.
#[derive(Clone, Default)]
pub struct EncodedActivities {
    /// By the record's address; the record is held, so the address is never reused meanwhile.
    pieces: HashMap<usize, (Arc<Activity>, Box<str>)>,
}

impl std::fmt::Debug for EncodedActivities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EncodedActivities({} records)", self.pieces.len())
    }
}

impl EncodedActivities {
    /// Exactly [`to_stored_json`]'s text, from the pieces kept for these very records, making
    /// only the missing ones. Afterwards it holds the pieces of `activities` and no others.
    pub fn encode(&mut self, activities: &[Arc<Activity>]) -> String {
        let mut old = std::mem::take(&mut self.pieces);
        let mut out =
            String::with_capacity(old.values().map(|(_, p)| p.len() + 1).sum::<usize>() + 2);
        out.push('[');
        for (n, a) in activities.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            let key = key_of(a);
            let piece = match old.remove(&key) {
                Some((_, piece)) => piece,
                None => piece_of(a),
            };
            out.push_str(&piece);
            self.pieces.insert(key, (a.clone(), piece));
        }
        out.push(']');
        out
    }

    /// Makes the text of those of `activities` that have none kept, keeping all that is kept: in
    /// quiet moments after a start, so that the first save (most visits make one) does not
    /// encode a long career whole.
    pub fn prime(&mut self, activities: &[Arc<Activity>]) {
        for a in activities {
            self.pieces
                .entry(key_of(a))
                .or_insert_with(|| (a.clone(), piece_of(a)));
        }
    }
}

/// A kept piece's key: the record's address.
fn key_of(a: &Arc<Activity>) -> usize {
    Arc::as_ptr(a) as usize
}

/// One activity's stored text, as [`to_stored_json`] writes it in its list.
fn piece_of(a: &Activity) -> Box<str> {
    serde_json::to_string(&StoredRef::from(a))
        .expect("records always serialise")
        .into_boxed_str()
}

struct StoredList<'a, A>(&'a [A]);

impl<A: Borrow<Activity>> Serialize for StoredList<'_, A> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|a| StoredRef::from(a.borrow())))
    }
}

/// The written form: short keys, empty fields left out, start only when it differs from the end,
/// updated only when it differs from created. [`StoredActivity`] reads it back.
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
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    h: &'a BTreeMap<TopicId, Amount>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    z: &'a [CertificateFile],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    g: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    x: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    n: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    r: Option<&'a crate::domain::model::learning::Reflection>,
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
            h: &a.topic_hours,
            z: &a.certificates,
            g: &a.tags,
            x: a.status == ActivityStatus::Planned,
            n: &a.notes,
            r: a.reflection.as_ref(),
            k,
            u: (u != k).then_some(u),
        }
    }
}

/// The record field a short stored key stands for, so that a problem names "end", not "e".
pub fn field_name(key: &str) -> String {
    match key {
        "i" => "id",
        "t" => "title",
        "p" => "provider",
        "a" => "accreditor",
        "s" => "start",
        "e" => "end",
        "f" => "format",
        "c" => "credits",
        "o" => "topics",
        "h" => "topic_hours",
        "z" => "certificates",
        "g" => "tags",
        "x" => "status",
        "n" => "notes",
        "r" => "reflection",
        "k" => "created_at",
        "u" => "updated_at",
        other => other,
    }
    .to_string()
}

/// The records as the app holds them (each behind a shared pointer). Their credit type and topic
/// codes are already shared: read through [`crate::domain::model::credits::shared_code`].
pub fn from_stored(stored: Vec<StoredActivity>) -> Vec<Arc<Activity>> {
    stored
        .into_iter()
        .map(|s| Arc::new(Activity::from(s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn kept_pieces_give_the_same_text_and_only_changed_records_are_encoded_again() {
        let mut list: Vec<Arc<Activity>> = (0..5)
            .map(|i| {
                let mut a = activity(&format!("2025-05-{:02}", i + 1))
                    .title(&format!("Rounds {i}"))
                    .credit("AMA_PRA_CAT1", "1")
                    .build();
                a.notes = format!("“quoted” \\ and \n new line {i}");
                Arc::new(a)
            })
            .collect();
        let mut kept = EncodedActivities::default();
        let text_at =
            |kept: &EncodedActivities, a: &Arc<Activity>| kept.pieces[&key_of(a)].1.as_ptr();
        assert_eq!(kept.encode(&list), to_stored_json(&list));
        let first = text_at(&kept, &list[0]);

        // Added, changed (a new record in its place), removed, moved: always the same text.
        list.push(Arc::new(activity("2025-06-01").title("Added").build()));
        let mut changed = (*list[2]).clone();
        changed.title = "Rounds 2 (edited)".into();
        list[2] = Arc::new(changed);
        list.remove(3);
        list.swap(0, 1);
        assert_eq!(kept.encode(&list), to_stored_json(&list));
        // An unchanged record's text was reused, not made again; nothing else is kept.
        assert_eq!(text_at(&kept, &list[1]), first);
        assert_eq!(kept.pieces.len(), list.len());
        assert_eq!(kept.encode(&[]), to_stored_json::<Arc<Activity>>(&[]));
        assert!(kept.pieces.is_empty());

        // Made ahead in parts, then used by the save as if it had made them.
        let mut primed = EncodedActivities::default();
        primed.prime(&list[..2]);
        primed.prime(&list[1..]);
        assert_eq!(primed.pieces.len(), list.len());
        let ahead: Vec<_> = list.iter().map(|a| text_at(&primed, a)).collect();
        assert_eq!(primed.encode(&list), to_stored_json(&list));
        assert_eq!(
            list.iter().map(|a| text_at(&primed, a)).collect::<Vec<_>>(),
            ahead
        );
    }

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
            let json = to_stored_json(std::slice::from_ref(&x));
            let back: Vec<StoredActivity> = serde_json::from_str(&json).unwrap();
            assert_eq!(from_stored(back), vec![Arc::new(x)]);
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
        assert_eq!(back, crate::storage::data::shared(list.clone()));
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
    fn the_written_form_is_the_documented_compact_one() {
        // Pinned: stored data written by earlier versions must keep reading the same way, so the
        // keys and the fields left out may only change with a schema migration.
        let mut full = activity("2025-05-10")
            .id(Uuid::from_u128(1))
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
        let bare = activity("2025-01-01")
            .id(Uuid::from_u128(2))
            .credit("CEU", "0.5")
            .build();
        assert_eq!(
            to_stored_json(&[full, bare]),
            concat!(
                r#"[{"i":"00000000-0000-0000-0000-000000000001","t":"Conference \"quoted\" ✓","#,
                r#""p":"ACP","a":"accme","s":"2025-05-08","e":"2025-05-10","f":"live_in_person","#,
                r#""c":[["AMA_PRA_CAT1",1225],["ABIM_MOC_POINT",1200]],"o":["implicit_bias"],"#,
                r#""g":["travel","2025"],"x":true,"n":"Line one\nline two","#,
                r#""k":1767225600000000000,"u":1767225605000000000},"#,
                r#"{"i":"00000000-0000-0000-0000-000000000002","t":"Activity on 2025-01-01","#,
                r#""a":"accme","e":"2025-01-01","f":"live_in_person","c":[["CEU",50]],"#,
                r#""k":1767225600000000000}]"#
            )
        );
        assert_eq!(to_stored_json(NO_ACTIVITIES), "[]");
    }
}
