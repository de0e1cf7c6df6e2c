//! The validity contract applied to a whole set of records, and typed reading of record lists
//! that names the record and field of every problem.
//!
//! Backup import and the stored-format loader both end here, so what one refuses the other
//! refuses too; the per-record checks are [`crate::domain::model::contract`], which the forms share.

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashSet;
use uuid::Uuid;

use crate::domain::model::ids::IdSet;

use super::data::{AppData, Goal, Settings, Tombstone};
use crate::domain::model::contract::{self as rules, limits, Checker, Problem, RecordRef};

/// Every problem with `data`, in record order: each record against the contract, and ids that
/// appear twice (in any list: an activity and a credential may not share one either).
pub fn check(data: &AppData) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids = IdSet::with_capacity_and_hasher(data.activities.len(), Default::default());
    // The record and path are written out only for an id seen before.
    let mut twice = |id: Uuid,
                     kind: &'static str,
                     list: &str,
                     i: usize,
                     title: Option<&str>,
                     out: &mut Vec<Problem>| {
        if !ids.insert(id) {
            out.push(Problem {
                record: RecordRef::new(kind, i, title),
                path: format!("{list}[{i}].id"),
                message: format!("the id {id} appears twice"),
            });
        }
    };
    // A certificate's id names its bytes: on two activities, removing it from one would delete
    // the other's file.
    let mut files = IdSet::default();
    for (i, a) in data.activities.iter().enumerate() {
        rules::check_activity(a, i, &mut out);
        twice(a.id, "activity", "activities", i, Some(&a.title), &mut out);
        for (j, f) in a.certificates.iter().enumerate() {
            let first_here = !a.certificates[..j].iter().any(|o| o.id == f.id);
            if !files.insert(f.id) && first_here {
                out.push(Problem {
                    record: RecordRef::new("activity", i, Some(&a.title)),
                    path: format!("activities[{i}].certificates[{j}].id"),
                    message: format!(
                        "the certificate {} is also kept with another activity",
                        f.id
                    ),
                });
            }
        }
    }
    for (i, c) in data.credentials.iter().enumerate() {
        rules::check_credential(c, i, &mut out);
        twice(
            c.id,
            "credential",
            "credentials",
            i,
            Some(&c.name),
            &mut out,
        );
    }
    for (i, g) in data.goals.iter().enumerate() {
        let mut c = Checker::new("goal", "goals", i, Some(&g.title), &mut out);
        c.required("title", &g.title, limits::TITLE, "the title");
        c.text("notes", &g.notes, limits::NOTES);
        c.text("reflection", &g.reflection, limits::NOTES);
        c.count("activity_ids", &g.activity_ids, 10_000);
        if let Some(d) = g.target_date {
            c.date("target_date", d);
        }
        c.count("topics", &g.topics, limits::TOPICS);
        if let Some(h) = g.target_hours {
            if !h.is_positive() || h > rules::MAX_RULE_AMOUNT {
                c.push("target_hours", "is not between 0 and 1000 hours");
            }
        }
        c.timestamps(g.created_at, g.updated_at);
        twice(g.id, "goal", "goals", i, Some(&g.title), &mut out);
    }
    let mut buried = HashSet::new();
    for (i, t) in data.tombstones.iter().enumerate() {
        let mut c = Checker::new("deletion", "tombstones", i, None, &mut out);
        c.time("deleted_at", t.deleted_at);
        if !buried.insert(t.id) {
            c.push("id", format!("the deletion of {} appears twice", t.id));
        }
    }
    let mut c = Checker::single("settings", "settings", &mut out);
    if let Some(t) = data.settings.last_backup_at {
        c.time("last_backup_at", t);
    }
    if let Some(t) = data.settings.updated_at {
        c.time("updated_at", t);
    }
    c.text(
        "holder_name",
        &data.settings.holder_name,
        super::data::HOLDER_NAME_MAX,
    );
    out
}

/// Every time in `data` later than `latest` (when a backup was written, give or take a day of
/// clock difference): a deletion dated ahead would win over every edit until that date, and an
/// edit dated ahead over every later one.
pub fn not_after(data: &AppData, latest: chrono::DateTime<chrono::Utc>) -> Vec<Problem> {
    let mut out = Vec::new();
    let message = |t: chrono::DateTime<chrono::Utc>| {
        format!("{t} is after the backup was written, which no record can be")
    };
    for (i, a) in data.activities.iter().enumerate() {
        for (field, t) in [("created_at", a.created_at), ("updated_at", a.updated_at)] {
            if t > latest {
                let mut c = Checker::new("activity", "activities", i, Some(&a.title), &mut out);
                c.push(field, message(t));
            }
        }
    }
    for (i, x) in data.credentials.iter().enumerate() {
        if x.updated_at > latest {
            let mut c = Checker::new("credential", "credentials", i, Some(&x.name), &mut out);
            c.push("updated_at", message(x.updated_at));
        }
    }
    for (i, g) in data.goals.iter().enumerate() {
        if g.updated_at > latest {
            let mut c = Checker::new("goal", "goals", i, Some(&g.title), &mut out);
            c.push("updated_at", message(g.updated_at));
        }
    }
    for (i, t) in data.tombstones.iter().enumerate() {
        if t.deleted_at > latest {
            let mut c = Checker::new("deletion", "tombstones", i, None, &mut out);
            c.push("deleted_at", message(t.deleted_at));
        }
    }
    if let Some(t) = data.settings.updated_at.filter(|t| *t > latest) {
        let mut c = Checker::single("settings", "settings", &mut out);
        c.push("updated_at", message(t));
    }
    out
}

/// Reads goals, deletions and settings from the object that holds them (a backup file, or the
/// stored `other` part); a missing one is empty.
pub fn read_other(obj: &Value, out: &mut Vec<Problem>) -> (Vec<Goal>, Vec<Tombstone>, Settings) {
    fn list<T: DeserializeOwned>(
        obj: &Value,
        key: &str,
        kind: &'static str,
        out: &mut Vec<Problem>,
    ) -> Vec<T> {
        match obj.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => read_list(v, key, kind, out),
        }
    }
    let goals = list(obj, "goals", "goal", out);
    let tombstones = list(obj, "tombstones", "deletion", out);
    let settings = match obj.get("settings") {
        None | Some(Value::Null) => Settings::default(),
        Some(v) => match read_one::<Settings>(v) {
            Ok(s) => s,
            Err((inner, message)) => {
                out.push(Problem {
                    record: RecordRef {
                        kind: "settings",
                        position: 0,
                        title: None,
                    },
                    path: if inner.is_empty() {
                        "settings".into()
                    } else {
                        format!("settings.{inner}")
                    },
                    message,
                });
                Settings::default()
            }
        },
    };
    (goals, tombstones, settings)
}

/// Reads one list of records (`key` names it in paths: "activities"), each on its own, so that a
/// record that does not parse is named by position, title and the field that failed, and the
/// others are still read (to report their problems too).
pub fn read_list<T: DeserializeOwned>(
    list: &Value,
    key: &str,
    kind: &'static str,
    out: &mut Vec<Problem>,
) -> Vec<T> {
    read_list_with(list, key, kind, &|s| s.to_string(), out)
}

/// [`read_list`] that reports every thousandth record read (`progress(records read so far)`), for
/// a long import's progress bar.
pub fn read_list_progress<T: DeserializeOwned>(
    list: &Value,
    key: &str,
    kind: &'static str,
    out: &mut Vec<Problem>,
    progress: &mut dyn FnMut(usize),
) -> Vec<T> {
    let mut read = Vec::new();
    let Some(items) = list.as_array() else {
        return read_list(list, key, kind, out);
    };
    for (start, chunk) in items.chunks(1000).enumerate().map(|(i, c)| (i * 1000, c)) {
        let mut chunk_out = Vec::new();
        let part: Vec<T> = read_list(&Value::Array(chunk.to_vec()), key, kind, &mut chunk_out);
        // Positions inside the chunk start at 0: move them to the record's place in the list.
        for mut p in chunk_out {
            p.record.position += start;
            let inner = p.path.strip_prefix(key).unwrap_or(&p.path).to_string();
            p.path = match inner
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .and_then(|(i, rest)| i.parse::<usize>().ok().map(|i| (i, rest)))
            {
                Some((i, rest)) => format!("{key}[{}]{rest}", i + start),
                None => p.path,
            };
            out.push(p);
        }
        read.extend(part);
        progress(start + chunk.len());
    }
    read
}

/// [`read_list`] for a stored form whose short keys are renamed for people by `field_name`.
pub fn read_list_with<T: DeserializeOwned>(
    list: &Value,
    key: &str,
    kind: &'static str,
    field_name: &dyn Fn(&str) -> String,
    out: &mut Vec<Problem>,
) -> Vec<T> {
    let Some(items) = list.as_array() else {
        out.push(Problem {
            record: RecordRef {
                kind,
                position: 0,
                title: None,
            },
            path: key.to_string(),
            message: format!("is {}, not a list of records", value_kind(list)),
        });
        return Vec::new();
    };
    let mut records = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match read_one::<T>(item) {
            Ok(r) => records.push(r),
            Err((inner, message)) => {
                let title = item
                    .get("title")
                    .or_else(|| item.get("name"))
                    .or_else(|| item.get("t"))
                    .and_then(Value::as_str);
                let readable = readable_path(&inner, field_name);
                out.push(Problem {
                    record: RecordRef::new(kind, i, title),
                    path: if readable.is_empty() {
                        format!("{key}[{i}]")
                    } else {
                        format!("{key}[{i}].{readable}")
                    },
                    message,
                });
            }
        }
    }
    records
}

/// Deserialises one record; on failure, the path inside it and a message that quotes the value.
fn read_one<T: DeserializeOwned>(item: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize::<_, T>(item).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = e.into_inner().to_string();
        let at = pointer(item, &path);
        let message = match at {
            Some(v @ (Value::String(_) | Value::Number(_) | Value::Bool(_))) => {
                let shown = rules::shorten(&v.to_string(), 40);
                format!("{shown} is not accepted here ({inner})")
            }
            _ => inner,
        };
        (path, message)
    })
}

/// The value at a serde_path_to_error path (`credits[0].amount`), when there is one.
fn pointer<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            v = v.get(name)?;
        }
        for index in rest.split(['[', ']']).filter(|s| !s.is_empty()) {
            v = v.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(v)
}

/// Renames each field of a path through `field_name` ("c[0].1" → "credits[0].1").
fn readable_path(path: &str, field_name: &dyn Fn(&str) -> String) -> String {
    path.split('.')
        .filter(|p| !p.is_empty())
        .map(|part| match part.find('[') {
            Some(0) => part.to_string(),
            Some(i) => format!("{}{}", field_name(&part[..i]), &part[i..]),
            None => field_name(part),
        })
        .collect::<Vec<_>>()
        .join(".")
}

pub fn value_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::Activity;

    fn file(mime: &str) -> crate::domain::model::attachment::CertificateFile {
        crate::domain::model::attachment::CertificateFile {
            id: Uuid::new_v4(),
            name: "certificate.pdf".into(),
            mime: mime.into(),
            size: 100,
            sha256: "b".repeat(64),
            added: date("2025-03-01"),
        }
    }

    #[test]
    fn certificates_need_ids_unique_across_activities_and_a_stored_media_type() {
        let mut data = AppData::default();
        let shared = file("application/pdf");
        for title in ["A", "B"] {
            let mut a = activity("2025-03-01")
                .title(title)
                .credit("AMA_PRA_CAT1", "1")
                .build();
            a.certificates.push(shared.clone());
            data.upsert_activity(a);
        }
        let problems = check(&data);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0]
            .message
            .contains("also kept with another activity"));
        assert_eq!(problems[0].path, "activities[1].certificates[0].id");
        for mime in ["", "APPLICATION/PDF", "text/html"] {
            let mut data = AppData::default();
            let mut a = activity("2025-03-01")
                .title("C")
                .credit("AMA_PRA_CAT1", "1")
                .build();
            a.certificates.push(file(mime));
            data.upsert_activity(a);
            let problems = check(&data);
            assert_eq!(problems.len(), 1, "{mime:?} must be refused");
            assert!(problems[0].path.ends_with(".mime"));
        }
    }

    #[test]
    fn nothing_in_a_backup_may_be_dated_after_it_was_written() {
        let written = chrono::Utc::now();
        let mut data = AppData::default();
        let a = activity("2025-03-01").title("Edited").build();
        data.upsert_activity(a.clone());
        assert!(not_after(&data, written).is_empty());
        let far = "2200-01-01T00:00:00Z".parse().unwrap();
        data.tombstones.push(crate::storage::Tombstone {
            id: Uuid::new_v4(),
            kind: crate::storage::RecordKind::Activity,
            deleted_at: far,
        });
        let mut later = a;
        later.updated_at = far;
        data.upsert_activity(later);
        let problems = not_after(&data, written);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["activities[0].updated_at", "tombstones[0].deleted_at"]
        );
    }

    #[test]
    fn a_record_that_does_not_parse_is_named_by_position_title_and_field() {
        let good = activity("2025-03-01")
            .title("Ethics")
            .credit("AMA_PRA_CAT1", "2")
            .build();
        let mut bad = serde_json::to_value(&good).unwrap();
        bad["title"] = "Opioids".into();
        bad["end"] = "2025-02-30".into();
        let list = Value::Array(vec![serde_json::to_value(&good).unwrap(), bad]);
        let mut out = Vec::new();
        let read: Vec<Activity> = read_list(&list, "activities", "activity", &mut out);
        assert_eq!(read, vec![good]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].path, "activities[1].end");
        assert_eq!(out[0].record.to_string(), "activity 2 “Opioids”");
        assert!(
            out[0].message.contains("\"2025-02-30\""),
            "{}",
            out[0].message
        );
    }

    #[test]
    fn a_long_list_reports_progress_and_names_records_by_their_place_in_it() {
        let good = serde_json::to_value(activity("2025-03-01").credit("AMA_PRA_CAT1", "1").build())
            .unwrap();
        let mut items = vec![good; 2500];
        items[1500]["end"] = "2025-02-30".into();
        let mut out = Vec::new();
        let mut seen = Vec::new();
        let read: Vec<Activity> = read_list_progress(
            &Value::Array(items),
            "activities",
            "activity",
            &mut out,
            &mut |n| seen.push(n),
        );
        assert_eq!(read.len(), 2499);
        assert_eq!(seen, [1000, 2000, 2500]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].path, "activities[1500].end");
        assert_eq!(out[0].record.position, 1501);
    }

    #[test]
    fn the_same_id_twice_in_two_lists_is_refused() {
        let a = activity("2025-03-01").credit("AMA_PRA_CAT1", "1").build();
        let mut c = credential("TX", "2025-01-01", "2026-12-31").build();
        c.id = a.id;
        let data = AppData {
            activities: crate::storage::data::shared(vec![a]),
            credentials: vec![c],
            ..AppData::default()
        };
        let problems = check(&data);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "credentials[0].id");
    }
}
