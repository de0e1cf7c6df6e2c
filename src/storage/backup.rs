//! The JSON backup file: export, and import that validates everything before anything changes.
//!
//! Pure functions: parsing never touches the current data, so a rejected file cannot lose or
//! change anything. Format described in docs/backup-format.md.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::data::{AppData, Goal, RecordKind, Settings, Tombstone};
use crate::domain::{Activity, Credential};
use std::collections::HashSet;
use uuid::Uuid;

pub const BACKUP_FORMAT: &str = "cme-tracker-backup";
/// Version of the backup layout; older files are migrated on import, newer ones refused.
pub const BACKUP_VERSION: u32 = 3;
/// Larger files are refused before parsing: a career of records is a few MB; certificates (10 MB
/// each at most) make a backup that carries them larger.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;
/// The limit for a backup that carries certificate files.
pub const MAX_BACKUP_WITH_FILES_BYTES: usize = 400 * 1024 * 1024;
/// The most certificate bytes one backup file carries. More are split over several files, each a
/// whole backup of the records with its share of the certificates, so every file the app writes
/// stays well under [`MAX_BACKUP_WITH_FILES_BYTES`] (base64 adds a third) and imports on its own.
pub const PART_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Which of a backup's files this is, when the certificates did not fit in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub number: usize,
    pub of: usize,
}

/// The certificate files `(id, size)` in parts of at most `max` bytes each, in order (a file
/// larger than `max` has a part of its own). No files: one part without any.
pub fn parts(files: &[(Uuid, u64)], max: u64) -> Vec<Vec<Uuid>> {
    let mut out: Vec<Vec<Uuid>> = vec![Vec::new()];
    let mut used = 0u64;
    for (id, size) in files {
        let last = out.last_mut().expect("never empty");
        if !last.is_empty() && used.saturating_add(*size) > max {
            out.push(vec![*id]);
            used = *size;
        } else {
            last.push(*id);
            used = used.saturating_add(*size);
        }
    }
    out
}

/// The file name of part `part` of a backup made `today`.
pub fn part_file_name(today: NaiveDate, part: Part) -> String {
    if part.of <= 1 {
        file_name(today)
    } else {
        format!(
            "cme-tracker-backup-{today}-part-{}-of-{}.json",
            part.number, part.of
        )
    }
}

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
    pub activities: Vec<std::sync::Arc<Activity>>,
    pub credentials: Vec<Credential>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
    /// Certificate files, when the backup was made with them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileData>,
    /// Which file of several this is, when the certificates were split over several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
}

/// One certificate file inside a backup: its bytes in base64, with the size and SHA-256 of its
/// record repeated so a damaged or edited file is found before anything changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileData {
    pub id: Uuid,
    pub size: u64,
    pub sha256: String,
    pub data: String,
}

/// A parsed and validated backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub data: AppData,
    /// Certificate files the backup carried, checked against their records: `(id, bytes)`.
    pub files: Vec<(Uuid, Vec<u8>)>,
    /// Which file of several this is, when the certificates were split over several.
    pub part: Option<Part>,
}

pub use crate::domain::model::contract::Problem;
use crate::domain::model::contract::RecordRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupError {
    /// One line for the notice next to the file picker.
    pub summary: String,
    /// The first problems found (at most ten), each naming its record and field.
    pub problems: Vec<Problem>,
    /// How many problems there were in all.
    pub total: usize,
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary)?;
        for p in &self.problems {
            write!(f, "\n• {p}")?;
        }
        if self.total > self.problems.len() {
            write!(f, "\n• … and {} more", self.total - self.problems.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for BackupError {}

fn refuse(summary: &str, problems: Vec<Problem>) -> BackupError {
    BackupError {
        summary: summary.into(),
        total: problems.len(),
        problems: problems.into_iter().take(10).collect(),
    }
}

/// A problem with the file as a whole (not one record): where in the file, and why.
fn file_problem(path: String, message: String) -> Problem {
    Problem {
        record: RecordRef {
            kind: "file",
            position: 0,
            title: None,
        },
        path,
        message,
    }
}

/// The top-level keys a backup may have.
const KEYS: [&str; 12] = [
    "format",
    "schema_version",
    "app_version",
    "exported_at",
    "counts",
    "activities",
    "credentials",
    "goals",
    "settings",
    "tombstones",
    "files",
    "part",
];

/// "cme-tracker-backup-2026-11-25.json"
pub fn file_name(today: NaiveDate) -> String {
    format!("cme-tracker-backup-{today}.json")
}

/// The backup file's text: every record, pretty-printed so it can be read and diffed.
pub fn export(data: &AppData, app_version: &str, now: DateTime<Utc>) -> String {
    export_with_files(data, app_version, now, &[], None)
}

/// A backup that also carries the given certificate files (`(id, base64 of the bytes)`); files
/// whose record is not among the activities are left out.
pub fn export_with_files(
    data: &AppData,
    app_version: &str,
    now: DateTime<Utc>,
    files: &[(Uuid, String)],
    part: Option<Part>,
) -> String {
    let records: Vec<&crate::domain::model::attachment::CertificateFile> = data
        .activities
        .iter()
        .flat_map(|a| a.certificates.iter())
        .collect();
    let files = files
        .iter()
        .filter_map(|(id, b64)| {
            let r = records.iter().find(|r| r.id == *id)?;
            Some(FileData {
                id: *id,
                size: r.size,
                sha256: r.sha256.clone(),
                data: b64.clone(),
            })
        })
        .collect();
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
        files,
        part: part.filter(|p| p.of > 1),
    };
    serde_json::to_string_pretty(&file).expect("records always serialise")
}

/// Reads a backup file, checking everything: size, JSON, our format and version, every field,
/// duplicate ids, amounts and dates. Nothing is changed whatever the outcome.
pub fn parse(bytes: &[u8]) -> Result<Backup, BackupError> {
    parse_with_progress(bytes, &mut |_, _| {})
}

/// [`parse`], reporting `progress(activities read, activities in the file)` as it goes.
pub fn parse_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Backup, BackupError> {
    // Past 20 MB only a backup carrying certificates (its "files" list comes last) is plausible.
    let carries_files = || {
        let tail = &bytes[bytes.len().saturating_sub(MAX_BACKUP_WITH_FILES_BYTES)..];
        tail.windows(9).any(|w| w == b"\"files\": ")
    };
    if bytes.len() > MAX_BACKUP_WITH_FILES_BYTES
        || (bytes.len() > MAX_BACKUP_BYTES && !carries_files())
    {
        return Err(refuse(
            &format!(
                "This file is {}; a CME Tracker backup is at most 20 MB (400 MB with certificates). Choose the backup file you downloaded.",
                super::size_text(bytes.len() as u64)
            ),
            vec![file_problem(
                "file".into(),
                format!("is {} bytes long", bytes.len()),
            )],
        ));
    }
    // A byte-order mark (Windows editors add one) is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refuse(
            "This is not a text file, so it cannot be a CME Tracker backup (a .json file).",
            vec![file_problem(
                format!("byte {}", e.valid_up_to()),
                "is not UTF-8 text".into(),
            )],
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        refuse(
            "This file is not valid JSON, so it cannot be a CME Tracker backup.",
            vec![file_problem(
                format!("line {}, column {}", e.line(), e.column()),
                e.to_string(),
            )],
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(refuse(
            "This JSON file is not a CME Tracker backup.",
            vec![file_problem(
                "file".into(),
                format!(
                    "is {}, not an object with \"format\": \"cme-tracker-backup\"",
                    crate::storage::validate::value_kind(&value)
                ),
            )],
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(BACKUP_FORMAT) => {}
        _ => {
            return Err(refuse(
                "This JSON file is not a CME Tracker backup (it has no \"format\": \"cme-tracker-backup\").",
                vec![file_problem(
                    "format".into(),
                    "is missing or not \"cme-tracker-backup\"".into(),
                )],
            ))
        }
    }
    let version = obj
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| {
            refuse(
                "This backup has no schema_version, so it cannot be read safely.",
                vec![file_problem(
                    "schema_version".into(),
                    "missing or not a whole number".into(),
                )],
            )
        })?;
    if version > BACKUP_VERSION as u64 {
        return Err(refuse(
            &format!(
                "This backup was made by a newer version of CME Tracker (format version {version}; this app reads up to {BACKUP_VERSION}). Reload the app to update it, then import again."
            ),
            vec![file_problem(
                "schema_version".into(),
                format!("is {version}; this app reads up to {BACKUP_VERSION}"),
            )],
        ));
    }
    if version == 0 {
        return Err(refuse(
            "This backup names format version 0, which no version of CME Tracker wrote.",
            vec![file_problem("schema_version".into(), "is 0".into())],
        ));
    }
    let mut problems = Vec::new();
    for key in obj.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        problems.push(file_problem(
            contract_shorten(key),
            "is not part of a CME Tracker backup".into(),
        ));
    }
    // The envelope: everything but the record lists.
    let field = |key: &str, problems: &mut Vec<Problem>| -> Option<serde_json::Value> {
        let v = obj.get(key).cloned();
        if v.is_none() {
            problems.push(file_problem(key.into(), "is missing".into()));
        }
        v
    };
    let app_version = field("app_version", &mut problems)
        .and_then(|v| read_field::<String>(v, "app_version", &mut problems))
        .unwrap_or_default();
    let exported_at = field("exported_at", &mut problems)
        .and_then(|v| read_field::<DateTime<Utc>>(v, "exported_at", &mut problems));
    if let Some(counts) = field("counts", &mut problems) {
        read_field::<Counts>(counts, "counts", &mut problems);
    }
    // A backup always lists activities and credentials, even when empty: a file without them
    // was cut short or edited by hand, and must not read as "no records".
    let activities = match field("activities", &mut problems) {
        Some(v) => {
            let total = v.as_array().map_or(0, Vec::len);
            progress(0, total);
            crate::storage::validate::read_list_progress(
                &v,
                "activities",
                "activity",
                &mut problems,
                &mut |n| progress(n, total),
            )
        }
        None => Vec::new(),
    };
    let credentials = match field("credentials", &mut problems) {
        Some(v) => {
            crate::storage::validate::read_list(&v, "credentials", "credential", &mut problems)
        }
        None => Vec::new(),
    };
    let (goals, tombstones, settings) = crate::storage::validate::read_other(&value, &mut problems);
    let files = match obj.get("files") {
        Some(v) => read_files(v, &activities, &mut problems),
        None => Vec::new(),
    };
    let part = obj
        .get("part")
        .cloned()
        .and_then(|v| read_field::<Part>(v, "part", &mut problems));
    if let Some(p) = part.filter(|p| p.number == 0 || p.number > p.of || p.of > 10_000) {
        problems.push(file_problem(
            "part".into(),
            format!("part {} of {} is not a part of a backup", p.number, p.of),
        ));
    }
    let data = AppData {
        activities: super::data::shared(activities),
        credentials,
        goals,
        settings,
        tombstones,
    };
    problems.extend(crate::storage::validate::check(&data));
    if let Some(at) = exported_at {
        problems.extend(crate::storage::validate::not_after(
            &data,
            at + chrono::Duration::days(1),
        ));
    }
    match (problems.is_empty(), exported_at) {
        (true, Some(exported_at)) => Ok(Backup {
            files,
            part,
            app_version,
            exported_at,
            data,
        }),
        _ => Err(refuse(
            "This backup has records that cannot be imported; nothing was changed.",
            problems,
        )),
    }
}

fn contract_shorten(s: &str) -> String {
    crate::domain::model::contract::shorten(s, 40)
}

/// Reads one envelope field, naming it (and the part inside it) when it does not parse.
fn read_field<T: serde::de::DeserializeOwned>(
    v: serde_json::Value,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(&v) {
        Ok(t) => Some(t),
        Err(e) => {
            let inner = e.path().to_string();
            let path = if inner == "." {
                key.to_string()
            } else {
                format!("{key}.{inner}")
            };
            problems.push(file_problem(path, e.into_inner().to_string()));
            None
        }
    }
}

/// Days after the last backup when the app says a new one is due.
pub const REMINDER_DAYS: i64 = 30;

/// Whether a new backup is due at `now`: records exist, and none was downloaded or written to
/// the chosen backup file in [`REMINDER_DAYS`].
pub fn due(
    has_records: bool,
    downloaded: Option<DateTime<Utc>>,
    written_to_file: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    has_records
        && downloaded
            .max(written_to_file)
            .is_none_or(|t| (now - t).num_days() > REMINDER_DAYS)
}

#[cfg(test)]
mod tests;

/// What an import would bring, shown before anything changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Records here that merging would delete (the file holds their deletion, made after their
    /// last edit): what kind, id and title, so the person is asked before they go.
    pub deletes: Vec<(RecordKind, Uuid, String)>,
    /// Credentials in the file that are one held here under another id (same preset and cycle,
    /// or same name and number): `(id in the file, id here, name)`. The person may merge them.
    #[serde(default)]
    pub duplicates: Vec<(Uuid, Uuid, String)>,
    /// The records after a merge, and after replacing everything, would not fit in the
    /// browser's storage: their sizes in UTF-16 units, for the warning before either.
    #[serde(default)]
    pub merge_too_large: Option<usize>,
    #[serde(default)]
    pub replace_too_large: Option<usize>,
    /// How many certificate files the file carries, and which file of several it is.
    #[serde(default)]
    pub files: usize,
    #[serde(default)]
    pub part: Option<Part>,
}

/// Credentials of `file` that match one of `current` under another id.
pub fn duplicate_credentials(current: &AppData, file: &AppData) -> Vec<(Uuid, Uuid, String)> {
    file.credentials
        .iter()
        .filter(|c| !current.credentials.iter().any(|h| h.id == c.id))
        .filter_map(|c| {
            current
                .credentials
                .iter()
                .find(|h| h.same_as(c))
                .map(|h| (c.id, h.id, h.name.clone()))
        })
        .collect()
}

/// Whether a certificate file's bytes are the file its record describes (size and SHA-256):
/// how a backup's or a sync file's certificate is checked before it is kept.
pub fn matches_its_record(
    record: &crate::domain::model::attachment::CertificateFile,
    bytes: &[u8],
) -> bool {
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    bytes.len() as u64 == record.size && digest == record.sha256
}

/// The certificate files of a backup, each decoded and checked against its record (size and
/// SHA-256): a file that does not match is a problem naming it, and nothing is imported.
fn read_files(
    v: &serde_json::Value,
    activities: &[Activity],
    problems: &mut Vec<Problem>,
) -> Vec<(Uuid, Vec<u8>)> {
    use base64::Engine;
    let list: Vec<FileData> = match serde_json::from_value(v.clone()) {
        Ok(l) => l,
        Err(e) => {
            problems.push(file_problem(
                "files".into(),
                format!("is not a list of files ({e})"),
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, f) in list.into_iter().enumerate() {
        let at = format!("files[{i}]");
        let Some(record) = activities
            .iter()
            .flat_map(|a| a.certificates.iter())
            .find(|r| r.id == f.id)
        else {
            problems.push(file_problem(
                at,
                "belongs to no certificate of the activities".into(),
            ));
            continue;
        };
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(f.data.as_bytes()) else {
            problems.push(file_problem(format!("{at}.data"), "is not base64".into()));
            continue;
        };
        if !matches_its_record(record, &bytes) {
            problems.push(file_problem(
                format!("{at} ({})", record.name),
                "does not match its certificate's size and SHA-256: the file is damaged".into(),
            ));
            continue;
        }
        out.push((f.id, bytes));
    }
    out
}

pub fn preview(current: &AppData, backup: &Backup) -> Preview {
    let d = &backup.data;
    let first = d.activities.iter().map(|a| a.end).min();
    let last = d.activities.iter().map(|a| a.end).max();
    let mut same_id = 0;
    let mut differing = 0;
    // By id: a long career against a large file is not a search per record.
    let here_by_id: crate::domain::model::ids::IdMap<&Activity> =
        current.activities.iter().map(|a| (a.id, &**a)).collect();
    for a in &d.activities {
        if let Some(here) = here_by_id.get(&a.id) {
            same_id += 1;
            differing += usize::from(**here != **a);
        }
    }
    for c in &d.credentials {
        if let Some(here) = current.credentials.iter().find(|x| x.id == c.id) {
            same_id += 1;
            differing += usize::from(here != c);
        }
    }
    let duplicates = duplicate_credentials(current, d);
    let (merged, _) = super::merge::merge(current, d);
    let kept: HashSet<Uuid> = merged
        .activities
        .iter()
        .map(|a| a.id)
        .chain(merged.credentials.iter().map(|c| c.id))
        .chain(merged.goals.iter().map(|g| g.id))
        .collect();
    let deletes = current
        .activities
        .iter()
        .map(|a| (RecordKind::Activity, a.id, a.title.clone()))
        .chain(
            current
                .credentials
                .iter()
                .map(|c| (RecordKind::Credential, c.id, c.name.clone())),
        )
        .chain(
            current
                .goals
                .iter()
                .map(|g| (RecordKind::Goal, g.id, g.title.clone())),
        )
        .filter(|(_, id, _)| !kept.contains(id))
        .collect();
    Preview {
        files: backup.files.len(),
        part: backup.part,
        merge_too_large: super::format::too_large(&merged),
        replace_too_large: super::format::too_large(d),
        deletes,
        activities: d.activities.len(),
        credentials: d.credentials.len(),
        goals: d.goals.len(),
        date_range: first.zip(last),
        same_id,
        differing,
        duplicates,
    }
}

#[cfg(test)]
mod preview_tests;

impl Backup {
    /// The backup without the deletions of `keep` (records here the person chose to keep when
    /// merging): those records stay, and no deletion of them is recorded.
    pub fn keeping(&self, keep: &[Uuid]) -> AppData {
        let mut data = self.data.clone();
        data.tombstones.retain(|t| !keep.contains(&t.id));
        data
    }

    /// The file's records with each listed duplicate credential taking the id of the one held
    /// here, so merging treats them as one credential (the later edit wins, as for any record).
    pub fn unifying(mut data: AppData, current: &AppData, unify: &[Uuid]) -> AppData {
        for (theirs, ours, _) in duplicate_credentials(current, &data) {
            if !unify.contains(&theirs) {
                continue;
            }
            if let Some(c) = data.credentials.iter_mut().find(|c| c.id == theirs) {
                c.id = ours;
            }
        }
        data
    }
}

#[cfg(test)]
mod deletion_tests;
