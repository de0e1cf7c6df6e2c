//! The JSON backup file: export, and import that validates everything before anything changes.
//!
//! Pure functions: parsing never touches the current data, so a rejected file cannot lose or
//! change anything. Format described in docs/backup-format.md.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

use super::data::{AppData, Goal, Settings, Tombstone};
use crate::domain::{Activity, Amount, Credential};

pub const BACKUP_FORMAT: &str = "cme-tracker-backup";
/// Version of the backup layout; older files are migrated on import, newer ones refused.
pub const BACKUP_VERSION: u32 = 1;
/// Larger files are refused before parsing (a career of records is a few MB).
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;
/// The most a single designation may carry (the activity form allows up to 100).
const MAX_DESIGNATION: Amount = Amount::hours(100);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub activities: usize,
    pub credentials: usize,
    pub goals: usize,
}

/// The file as written. Field order is the order a person reading the file expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupFile {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub counts: Counts,
    pub activities: Vec<Activity>,
    pub credentials: Vec<Credential>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
}

/// A parsed and validated backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub data: AppData,
}

/// One thing wrong with a file: where (a JSON path or line/column) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupError {
    /// One line for the notice next to the file picker.
    pub summary: String,
    /// The first problems found (at most ten).
    pub problems: Vec<Problem>,
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary)?;
        for p in &self.problems {
            if p.path.is_empty() {
                write!(f, "\n• {}", p.message)?;
            } else {
                write!(f, "\n• {}: {}", p.path, p.message)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for BackupError {}

fn refuse(summary: &str, problems: Vec<Problem>) -> BackupError {
    BackupError {
        summary: summary.into(),
        problems,
    }
}

/// "cme-tracker-backup-2026-11-25.json"
pub fn file_name(today: NaiveDate) -> String {
    format!("cme-tracker-backup-{today}.json")
}

/// The backup file's text: every record, pretty-printed so it can be read and diffed.
pub fn export(data: &AppData, app_version: &str, now: DateTime<Utc>) -> String {
    let file = BackupFile {
        format: BACKUP_FORMAT.into(),
        schema_version: BACKUP_VERSION,
        app_version: app_version.into(),
        exported_at: now,
        counts: Counts {
            activities: data.activities.len(),
            credentials: data.credentials.len(),
            goals: data.goals.len(),
        },
        activities: data.activities.clone(),
        credentials: data.credentials.clone(),
        goals: data.goals.clone(),
        settings: data.settings.clone(),
        tombstones: data.tombstones.clone(),
    };
    serde_json::to_string_pretty(&file).expect("records always serialise")
}

/// Reads a backup file, checking everything: size, JSON, our format and version, every field,
/// duplicate ids, amounts and dates. Nothing is changed whatever the outcome.
pub fn parse(bytes: &[u8]) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(refuse(
            &format!(
                "This file is {}; a CME Tracker backup is at most 20 MB. Choose the backup file you downloaded.",
                super::size_text(bytes.len() as u64)
            ),
            vec![],
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refuse(
            "This is not a text file, so it cannot be a CME Tracker backup (a .json file).",
            vec![],
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        refuse(
            "This file is not valid JSON, so it cannot be a CME Tracker backup.",
            vec![Problem {
                path: format!("line {}, column {}", e.line(), e.column()),
                message: e.to_string(),
            }],
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(refuse(
            "This JSON file is not a CME Tracker backup.",
            vec![],
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(BACKUP_FORMAT) => {}
        _ => {
            return Err(refuse(
                "This JSON file is not a CME Tracker backup (it has no \"format\": \"cme-tracker-backup\").",
                vec![],
            ))
        }
    }
    let version = obj
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| {
            refuse(
                "This backup has no schema_version, so it cannot be read safely.",
                vec![Problem {
                    path: "schema_version".into(),
                    message: "missing or not a whole number".into(),
                }],
            )
        })?;
    if version > BACKUP_VERSION as u64 {
        return Err(refuse(
            &format!(
                "This backup was made by a newer version of CME Tracker (format version {version}; this app reads up to {BACKUP_VERSION}). Reload the app to update it, then import again."
            ),
            vec![],
        ));
    }
    let file: BackupFile = serde_json::from_value(value).map_err(|e| {
        refuse(
            "Some records in this backup are missing fields or have wrong values; nothing was imported.",
            vec![Problem {
                path: String::new(),
                message: e.to_string(),
            }],
        )
    })?;
    let problems = validate(&file);
    if !problems.is_empty() {
        return Err(refuse(
            "This backup has records that cannot be imported; nothing was changed.",
            problems.into_iter().take(10).collect(),
        ));
    }
    Ok(Backup {
        app_version: file.app_version,
        exported_at: file.exported_at,
        data: AppData {
            activities: file.activities,
            credentials: file.credentials,
            goals: file.goals,
            settings: file.settings,
            tombstones: file.tombstones,
        },
    })
}

/// Checks what the types alone cannot: unique ids, sensible amounts and date order.
fn validate(file: &BackupFile) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |path: String, message: String| problems.push(Problem { path, message });
    let mut ids = HashSet::new();
    for (i, a) in file.activities.iter().enumerate() {
        let at = format!("activities[{i}]");
        if !ids.insert(a.id) {
            push(format!("{at}.id"), format!("the id {} appears twice", a.id));
        }
        if a.title.trim().is_empty() {
            push(format!("{at}.title"), "the title is empty".into());
        }
        if a.end < a.start {
            push(
                format!("{at}.end"),
                format!("ends ({}) before it starts ({})", a.end, a.start),
            );
        }
        for (j, d) in a.credits.iter().enumerate() {
            if !d.amount.is_positive() || d.amount > MAX_DESIGNATION {
                push(
                    format!("{at}.credits[{j}].amount"),
                    format!(
                        "{} is not an amount between 0 and 100",
                        d.amount.display_short()
                    ),
                );
            }
        }
    }
    for (i, c) in file.credentials.iter().enumerate() {
        let at = format!("credentials[{i}]");
        if !ids.insert(c.id) {
            push(format!("{at}.id"), format!("the id {} appears twice", c.id));
        }
        if c.name.trim().is_empty() {
            push(format!("{at}.name"), "the name is empty".into());
        }
        for (k, cycle) in std::iter::once(&c.cycle)
            .chain(c.past_cycles.iter())
            .enumerate()
        {
            if cycle.end < cycle.start {
                let where_ = if k == 0 {
                    "cycle".to_string()
                } else {
                    format!("past_cycles[{}]", k - 1)
                };
                push(
                    format!("{at}.{where_}.end"),
                    "the cycle ends before it starts".into(),
                );
            }
        }
        let mut rule_ids = HashSet::new();
        for (j, r) in c.rules.iter().enumerate() {
            if !rule_ids.insert(r.id.as_str()) {
                push(
                    format!("{at}.rules[{j}].id"),
                    format!("the rule id \"{}\" appears twice", r.id),
                );
            }
        }
    }
    for (i, g) in file.goals.iter().enumerate() {
        if !ids.insert(g.id) {
            push(
                format!("goals[{i}].id"),
                format!("the id {} appears twice", g.id),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    fn sample() -> AppData {
        AppData {
            activities: vec![
                activity("2025-03-01")
                    .title("Ethics grand rounds")
                    .credit("AMA_PRA_CAT1", "2")
                    .topic("ethics_professional_responsibility")
                    .build(),
                activity("2025-04-01")
                    .title("Opioid prescribing")
                    .credit("AMA_PRA_CAT1", "1.25")
                    .credit("ABIM_MOC_POINT", "1.25")
                    .build(),
            ],
            credentials: vec![
                credential("Texas medical license", "2025-02-01", "2027-01-31")
                    .rule(total("total", "48", &["AMA_PRA_CAT1", "AMA_PRA_CAT2"]))
                    .build(),
            ],
            ..AppData::default()
        }
    }

    #[test]
    fn export_then_parse_gives_back_identical_data() {
        let data = sample();
        let text = export(&data, "0.1.0", Utc::now());
        let back = parse(text.as_bytes()).expect("own export parses");
        assert_eq!(back.data, data);
        assert_eq!(back.app_version, "0.1.0");
        assert_eq!(
            file_name(date("2026-11-25")),
            "cme-tracker-backup-2026-11-25.json"
        );
    }

    #[test]
    fn each_bad_file_gets_its_own_message() {
        let err = parse(b"{not json").unwrap_err();
        assert!(err.summary.contains("not valid JSON"));
        assert!(err.problems[0].path.starts_with("line 1"));
        assert!(parse(br#"{"hello": 1}"#)
            .unwrap_err()
            .summary
            .contains("not a CME Tracker backup"));
        assert!(parse(&[0xff, 0xfe, 0x00])
            .unwrap_err()
            .summary
            .contains("not a text file"));
        let newer = export(&sample(), "9", Utc::now())
            .replace("\"schema_version\": 1", "\"schema_version\": 99");
        assert!(parse(newer.as_bytes())
            .unwrap_err()
            .summary
            .contains("newer version"));
        let big = vec![b' '; MAX_BACKUP_BYTES + 1];
        let refused = parse(&big).unwrap_err().summary;
        assert!(refused.contains("This file is 20 MB; a CME Tracker backup is at most 20 MB."));

        let mut dup = sample();
        dup.activities.push(dup.activities[0].clone());
        let err = parse(export(&dup, "0.1.0", Utc::now()).as_bytes()).unwrap_err();
        assert_eq!(err.problems[0].path, "activities[2].id");

        let mut bad = sample();
        bad.activities[1].credits[0].amount = Amount::hours(250);
        bad.activities[0].end = date("2025-01-01");
        let err = parse(export(&bad, "0.1.0", Utc::now()).as_bytes()).unwrap_err();
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["activities[0].end", "activities[1].credits[0].amount"]
        );

        let wrong_type = export(&sample(), "0.1.0", Utc::now()).replacen(
            "\"amount\": 200",
            "\"amount\": \"two\"",
            1,
        );
        let err = parse(wrong_type.as_bytes()).unwrap_err();
        assert!(
            err.summary.contains("missing fields or have wrong values"),
            "{err}"
        );
    }
}

/// What an import would bring, shown before anything changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub activities: usize,
    pub credentials: usize,
    pub goals: usize,
    /// First and last activity end dates in the file.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    /// Records whose id is also here.
    pub same_id: usize,
    /// Of those, how many differ from the copy here.
    pub differing: usize,
}

pub fn preview(current: &AppData, backup: &Backup) -> Preview {
    let d = &backup.data;
    let first = d.activities.iter().map(|a| a.end).min();
    let last = d.activities.iter().map(|a| a.end).max();
    let mut same_id = 0;
    let mut differing = 0;
    for a in &d.activities {
        if let Some(here) = current.activities.iter().find(|x| x.id == a.id) {
            same_id += 1;
            differing += usize::from(here != a);
        }
    }
    for c in &d.credentials {
        if let Some(here) = current.credentials.iter().find(|x| x.id == c.id) {
            same_id += 1;
            differing += usize::from(here != c);
        }
    }
    Preview {
        activities: d.activities.len(),
        credentials: d.credentials.len(),
        goals: d.goals.len(),
        date_range: first.zip(last),
        same_id,
        differing,
    }
}

#[cfg(test)]
mod preview_tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn preview_counts_records_dates_and_conflicts() {
        let mut current = AppData::default();
        let a = activity("2025-03-01").title("A").build();
        current.upsert_activity(a.clone());
        let mut incoming = current.clone();
        let mut a2 = a.clone();
        a2.title = "A edited".into();
        incoming.upsert_activity(a2);
        incoming.upsert_activity(activity("2026-01-05").title("B").build());
        let text = export(&incoming, "0.1.0", Utc::now());
        let p = preview(&current, &parse(text.as_bytes()).unwrap());
        assert_eq!(p.activities, 2);
        assert_eq!(p.date_range, Some((date("2025-03-01"), date("2026-01-05"))));
        assert_eq!(p.same_id, 1);
        assert_eq!(p.differing, 1);
    }
}
