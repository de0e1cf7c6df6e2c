//! The heavy, rarely used work that runs in the worker (a second WebAssembly module loaded on
//! first use, `src/worker.rs`): checking and merging a backup file, writing one, and naming the
//! record and field of stored data that did not load.
//!
//! Pure functions and message types, tested natively. Records cross between the page and the
//! worker in the stored format (the key/text pairs of [`super::format::encode`]), which the page
//! already reads and writes: the first download carries no second way to read records.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::backup::{self, Backup, Preview};
use super::data::{AppData, RecordKind};
use super::format::{self, LoadError};
use super::import::{Checked, FileRead};
use super::merge::merge;
use crate::domain::formats::spreadsheet::Mapping;

/// The records as stored: `(key, text)` pairs.
pub type Stored = Vec<(String, String)>;

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Check a backup file (its text) against the records here; answers with progress, then
    /// `Checked` or `Refused`. The worker keeps the checked file for `Merge` and `Replace`.
    Check { text: String, current: Stored },
    /// Open the encrypted backup the last `Check` was given with this passphrase, then check it
    /// as `Check` does.
    Unlock { passphrase: String },
    /// Merge the checked file into the records here, keeping the records listed (those the file
    /// deletes that the person chose to keep).
    Merge {
        keep: Vec<Uuid>,
        /// File credentials to merge with the matching one here (`Preview::duplicates`).
        #[serde(default)]
        unify: Vec<Uuid>,
    },
    /// Replace every record with the checked file's.
    Replace,
    /// The backup file's text for these records.
    Export {
        current: Stored,
        app_version: String,
        now: DateTime<Utc>,
        /// Certificate files to carry, `(id, base64)`; empty for a records-only backup.
        #[serde(default)]
        files: Vec<(Uuid, String)>,
        /// Encrypt the file with this passphrase (`storage::encrypt`).
        #[serde(default)]
        passphrase: Option<String>,
        /// Which file of several this is, when the certificates are split over several.
        #[serde(default)]
        part: Option<backup::Part>,
    },
    /// Name the record and field of every problem in stored data that did not load.
    Explain { stored: Stored },
    /// Read a certificate's text (or a completion e-mail) for the activity form.
    ReadCertificate { text: String },
    /// Read a certificate PDF's text layer (the file's bytes in base64) for the activity form.
    ReadPdf { data: String },
    /// Read a spreadsheet or transcript of activities (its bytes in base64) for the mapping
    /// step; the worker keeps it for `CheckActivities` and `ImportActivities`.
    ReadActivities {
        data: String,
        current: Stored,
        today: NaiveDate,
        now: DateTime<Utc>,
    },
    /// Check every row of the file read last with this mapping (answers with progress).
    CheckActivities { mapping: Mapping },
    /// Add the checked activities to the records, without those already recorded when asked.
    ImportActivities { skip_duplicates: bool },
    /// The activities as CSV, or the import template.
    ExportCsv { current: Stored, template: bool },
    /// The audit packet (a ZIP) of one credential's report, with the certificates of the
    /// activities that counted (`(id, base64)`).
    AuditPacket {
        report: Box<crate::domain::formats::report::AuditReport>,
        counted: Vec<crate::domain::model::activity::Activity>,
        files: Vec<(Uuid, String)>,
        today: NaiveDate,
    },
    /// The deadlines of every credential and goal as an iCalendar file.
    Calendar {
        current: Stored,
        today: NaiveDate,
        now: DateTime<Utc>,
    },
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Activities read so far, of all in the file.
    Progress { done: usize, total: usize },
    /// The file is an encrypted backup: ask for its passphrase (then `Unlock`).
    NeedsPassphrase,
    /// The passphrase does not open the file (it stays in the worker for another try).
    PassphraseRefused { message: String },
    /// The file is a backup that can be imported; nothing has changed yet.
    Checked {
        app_version: String,
        exported_at: DateTime<Utc>,
        /// Boxed: the largest answer by far, and every other answer moves through the same type.
        preview: Box<Preview>,
    },
    /// The file cannot be imported: one line, then the first problems (each naming its record and
    /// field) and how many there were.
    Refused {
        summary: String,
        problems: Vec<String>,
        total: usize,
    },
    /// The records to adopt (in the stored format) and the sentence saying what happened, with
    /// the certificate files the backup carried for them (`(id, base64)`, checked) to store first.
    Records {
        stored: Stored,
        message: String,
        #[serde(default)]
        files: Vec<(Uuid, String)>,
    },
    /// A backup file's text.
    Exported { text: String },
    /// A binary file to download (base64), with its name.
    File { name: String, data: String },
    /// The named problems of stored data that did not load.
    Explained { problems: Vec<String> },
    /// What a certificate's text states.
    CertificateRead {
        fields: crate::domain::formats::certificate::CertificateFields,
    },
    /// A spreadsheet or transcript read, for the mapping step.
    ActivitiesRead(Box<FileRead>),
    /// What importing its rows would do.
    ActivitiesChecked(Box<Checked>),
    /// Something the worker could not do (a message for the person).
    Failed { message: String },
    /// The worker failed while handling the request and has closed (written by the guard in
    /// its loader, scripts/worker-guard.mjs, never by this crate's code): the page starts a new
    /// worker for the next request, and the person hears [`stopped_message`].
    Stopped { detail: String },
}

/// What the person hears when the worker stopped on her request.
pub fn stopped_message() -> String {
    "This could not be done: the part of CME Tracker that reads and writes files stopped on it (the file may be damaged or built to cause harm). Nothing was changed; it has been restarted, so you can try another file or go on.".into()
}

/// The records as stored, for sending to the worker.
pub fn to_stored(data: &AppData) -> Stored {
    format::encode(data, None, 1, DateTime::<Utc>::MIN_UTC)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// The records from stored pairs (what the worker sends back, or what the page sent).
pub fn from_stored(stored: &Stored) -> Result<AppData, LoadError> {
    format::decode(|k| {
        stored
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    })
    .map(|l| l.data)
}

/// An import in progress in the worker: the checked file and the records it is compared with.
#[derive(Debug, Clone)]
pub struct ImportJob {
    backup: Backup,
    current: AppData,
}

/// Checks `text` as a backup against `current`; `progress(done, total)` as activities are read.
pub fn check(
    text: &str,
    current: &Stored,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(ImportJob, Response), Response> {
    let current = from_stored(current).map_err(|e| Response::Failed {
        message: format!("The records here could not be read to compare with the file ({e})."),
    })?;
    match backup::parse_with_progress(text.as_bytes(), progress) {
        // Its records are checked against the time it says it was written; that time must not
        // be ahead of this device's clock (a day allowed for clocks that differ).
        Ok(b) if b.exported_at > chrono::Utc::now() + chrono::Duration::days(1) => {
            Err(Response::Refused {
                summary: format!(
                    "This backup says it was written on {}, which is later than today; nothing was changed.",
                    b.exported_at.date_naive()
                ),
                problems: Vec::new(),
                total: 0,
            })
        }
        Ok(b) => {
            let preview = backup::preview(&current, &b);
            let checked = Response::Checked {
                app_version: b.app_version.clone(),
                exported_at: b.exported_at,
                preview: Box::new(preview),
            };
            Ok((ImportJob { backup: b, current }, checked))
        }
        Err(e) => Err(Response::Refused {
            summary: e.summary.clone(),
            problems: e.problems.iter().map(|p| p.to_string()).collect(),
            total: e.total,
        }),
    }
}

/// An encrypted backup waiting for its passphrase, with the records it will be compared with.
#[derive(Debug, Clone)]
pub struct Locked {
    text: String,
    current: Stored,
}

/// Before checking a file: an encrypted backup is kept in `pending` and answered with
/// `NeedsPassphrase`; any other file gives `None` (check it at once).
pub fn begin_check(text: &str, current: &Stored, pending: &mut Option<Locked>) -> Option<Response> {
    *pending = None;
    if super::encrypt::is_encrypted(text) {
        *pending = Some(Locked {
            text: text.to_string(),
            current: current.clone(),
        });
        return Some(Response::NeedsPassphrase);
    }
    None
}

impl Locked {
    /// Opens the file with `passphrase` and checks it; a wrong passphrase leaves it locked.
    pub fn unlock(
        &self,
        passphrase: &str,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(ImportJob, Response), Response> {
        match super::encrypt::open(&self.text, passphrase) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => check(&text, &self.current, progress),
                Err(_) => Err(Response::Failed {
                    message: "The decrypted file is not a CME Tracker backup.".into(),
                }),
            },
            Err(e @ super::encrypt::OpenError::WrongPassphraseOrChanged) => {
                Err(Response::PassphraseRefused {
                    message: format!("{e} Nothing was changed."),
                })
            }
            Err(e) => Err(Response::Refused {
                summary: e.to_string(),
                problems: Vec::new(),
                total: 0,
            }),
        }
    }
}

impl ImportJob {
    /// The merged records and what happened, keeping the records in `keep`.
    pub fn merged(&self, keep: &[Uuid], unify: &[Uuid]) -> Response {
        let theirs = Backup::unifying(self.backup.keeping(keep), &self.current, unify);
        let (merged, report) = merge(&self.current, &theirs);
        let message = format!(
            "Imported: {} added, {} updated, {} unchanged{}.",
            report.added,
            report.updated,
            report.skipped,
            if report.removed > 0 {
                format!(", {} removed (deleted in the backup)", report.removed)
            } else {
                String::new()
            }
        );
        let files = self.files_for(&merged);
        Response::Records {
            stored: to_stored(&merged),
            message,
            files,
        }
    }

    /// The file's records in place of every record here.
    pub fn replaced(&self) -> Response {
        Response::Records {
            stored: to_stored(&self.backup.data),
            message: "Replaced every record with the backup.".into(),
            files: self.files_for(&self.backup.data),
        }
    }

    /// The backup's certificate files that the resulting records refer to, for the page to store
    /// before it adopts the records.
    fn files_for(&self, data: &AppData) -> Vec<(Uuid, String)> {
        use base64::Engine;
        let wanted: std::collections::HashSet<Uuid> = data
            .activities
            .iter()
            .flat_map(|a| a.certificates.iter().map(|c| c.id))
            .collect();
        self.backup
            .files
            .iter()
            .filter(|(id, _)| wanted.contains(id))
            .map(|(id, bytes)| (*id, base64::engine::general_purpose::STANDARD.encode(bytes)))
            .collect()
    }
}

/// What a certificate PDF states (its text layer, read here in the worker). A PDF without a
/// text layer (a scan) states nothing: the form stays for the person to fill.
pub fn read_pdf(data: &str) -> Response {
    use base64::Engine;
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data.as_bytes()) else {
        return Response::Failed {
            message: "The file could not be read.".into(),
        };
    };
    let text = crate::domain::formats::pdf_text::text_of(&bytes).unwrap_or_default();
    Response::CertificateRead {
        fields: crate::domain::formats::certificate::read(&text),
    }
}

/// A backup file of `current`, encrypted when a passphrase is given.
pub fn export(
    current: &Stored,
    app_version: &str,
    now: DateTime<Utc>,
    files: &[(Uuid, String)],
    passphrase: Option<&str>,
    part: Option<backup::Part>,
) -> Response {
    match from_stored(current) {
        Ok(data) => {
            let text = backup::export_with_files(&data, app_version, now, files, part);
            match passphrase {
                None => Response::Exported { text },
                Some(p) => match super::encrypt::seal(text.as_bytes(), p) {
                    Ok(text) => Response::Exported { text },
                    Err(message) => Response::Failed { message },
                },
            }
        }
        Err(e) => Response::Failed {
            message: format!("The records could not be read to write the backup ({e})."),
        },
    }
}

/// The audit packet of a report (`storage::packet`), as a file to download.
pub fn audit_packet(
    report: &crate::domain::formats::report::AuditReport,
    counted: &[crate::domain::model::activity::Activity],
    files: &[(Uuid, String)],
    today: NaiveDate,
) -> Response {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut bytes = Vec::new();
    for (id, data) in files {
        match b64.decode(data.as_bytes()) {
            Ok(b) => bytes.push((*id, b)),
            Err(_) => {
                return Response::Failed {
                    message: "A certificate could not be read for the packet.".into(),
                }
            }
        }
    }
    match super::packet::packet(report, counted, &bytes, today) {
        Ok(zip) => Response::File {
            name: super::packet::file_name(report),
            data: b64.encode(zip),
        },
        Err(message) => Response::Failed { message },
    }
}

/// The deadlines of every credential's current cycle and every goal's target date as an
/// iCalendar file (`domain::formats::calendar`).
pub fn calendar(current: &Stored, today: NaiveDate, now: DateTime<Utc>) -> Response {
    use crate::domain::formats::calendar::{events, ics, GoalDate};
    match from_stored(current) {
        Ok(data) => {
            let evaluations = crate::domain::engine::evaluate::evaluate_all(
                &data.credentials,
                &data.activities,
                today,
            );
            let goals: Vec<GoalDate> = data
                .goals
                .iter()
                .filter_map(|g| {
                    g.target_date.map(|target| GoalDate {
                        id: g.id,
                        title: g.title.clone(),
                        target,
                    })
                })
                .collect();
            Response::Exported {
                text: ics(&events(&evaluations, &goals), now),
            }
        }
        Err(e) => Response::Failed {
            message: format!("The records could not be read to write the calendar ({e})."),
        },
    }
}

/// Every problem of stored data that did not load, each naming its record and field.
pub fn explain(stored: &Stored) -> Response {
    let get = |k: &str| {
        stored
            .iter()
            .find(|(key, _)| key.ends_with(k))
            .map(|(_, v)| v.clone())
    };
    let problems = match format::decode_named(get) {
        Ok(_) => Vec::new(),
        Err(LoadError::Corrupt {
            problems, message, ..
        }) if problems.is_empty() => vec![message],
        Err(LoadError::Corrupt { problems, .. }) => {
            problems.iter().take(10).map(|p| p.to_string()).collect()
        }
        Err(e) => vec![e.to_string()],
    };
    Response::Explained { problems }
}

/// "3 activities and 1 credential" for a list of what a file deletes.
pub fn deletion_summary(deletes: &[(RecordKind, Uuid, String)]) -> String {
    let mut parts = Vec::new();
    for (kind, one, many) in [
        (RecordKind::Activity, "activity", "activities"),
        (RecordKind::Credential, "credential", "credentials"),
        (RecordKind::Goal, "goal", "goals"),
    ] {
        match deletes.iter().filter(|(k, _, _)| *k == kind).count() {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    parts.join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    fn sample() -> AppData {
        let mut d = AppData::default();
        d.upsert_activity(
            activity("2025-03-01")
                .title("Ethics")
                .credit("AMA_PRA_CAT1", "2")
                .build(),
        );
        d.upsert_credential(
            credential("TX", "2025-02-01", "2027-01-31")
                .rule(total("total", "48", &[]))
                .build(),
        );
        d
    }

    #[test]
    fn records_cross_in_the_stored_format_unchanged() {
        let d = sample();
        assert_eq!(from_stored(&to_stored(&d)).unwrap(), d);
    }

    #[test]
    fn a_checked_file_merges_or_replaces_and_reports_progress() {
        let here = sample();
        let mut file = AppData::default();
        for i in 0..2500 {
            file.upsert_activity(
                activity("2024-01-01")
                    .title(&format!("Imported {i}"))
                    .credit("AMA_PRA_CAT1", "1")
                    .build(),
            );
        }
        let text = backup::export(&file, "0.1.0", Utc::now());
        let mut seen = Vec::new();
        let (job, checked) =
            check(&text, &to_stored(&here), &mut |d, t| seen.push((d, t))).unwrap();
        assert_eq!(seen.first(), Some(&(0, 2500)));
        assert_eq!(seen.last(), Some(&(2500, 2500)));
        let Response::Checked { preview, .. } = checked else {
            panic!()
        };
        assert_eq!(preview.activities, 2500);
        let Response::Records {
            stored, message, ..
        } = job.merged(&[], &[])
        else {
            panic!()
        };
        assert_eq!(message, "Imported: 2500 added, 0 updated, 0 unchanged.");
        let merged = from_stored(&stored).unwrap();
        assert_eq!(merged.activities.len(), 2501);
        assert_eq!(merged.credentials, here.credentials);
        let Response::Records { stored, .. } = job.replaced() else {
            panic!()
        };
        assert_eq!(from_stored(&stored).unwrap().activities.len(), 2500);
    }

    #[test]
    fn a_bad_file_is_refused_naming_record_and_field_and_export_round_trips() {
        let text =
            backup::export(&sample(), "0.1.0", Utc::now()).replace("2025-03-01", "2025-02-30");
        let Err(Response::Refused { problems, .. }) =
            check(&text, &to_stored(&AppData::default()), &mut |_, _| {})
        else {
            panic!()
        };
        assert!(
            problems[0].starts_with("activity 1 “Ethics”, activities[0].end"),
            "{problems:?}"
        );
        let data = sample();
        let Response::Exported { text } =
            export(&to_stored(&data), "0.1.0", Utc::now(), &[], None, None)
        else {
            panic!()
        };
        assert_eq!(backup::parse(text.as_bytes()).unwrap().data, data);
    }

    #[test]
    fn an_encrypted_backup_asks_for_its_passphrase_and_then_checks_like_any_other() {
        let data = sample();
        let Response::Exported { text } = export(
            &to_stored(&data),
            "0.1.0",
            Utc::now(),
            &[],
            Some("correct horse battery staple"),
            None,
        ) else {
            panic!()
        };
        let here = to_stored(&AppData::default());
        let mut pending = None;
        assert_eq!(
            begin_check(&text, &here, &mut pending),
            Some(Response::NeedsPassphrase)
        );
        let pending = pending.expect("kept for the passphrase");
        let Err(Response::PassphraseRefused { message }) =
            pending.unlock("wrong passphrase!!", &mut |_, _| {})
        else {
            panic!()
        };
        assert!(message.contains("does not open the file"), "{message}");
        let Ok((job, Response::Checked { preview, .. })) =
            pending.unlock("correct horse battery staple", &mut |_, _| {})
        else {
            panic!()
        };
        assert_eq!(preview.activities, 1);
        let Response::Records { stored, .. } = job.replaced() else {
            panic!()
        };
        assert_eq!(from_stored(&stored).unwrap(), data);
        // A plain backup needs no passphrase.
        let plain = backup::export(&data, "0.1.0", Utc::now());
        let mut none = None;
        assert_eq!(begin_check(&plain, &here, &mut none), None);
        assert!(none.is_none());
    }

    #[test]
    fn stored_data_that_did_not_load_is_explained_record_by_record() {
        let mut stored = to_stored(&sample());
        for (k, v) in &mut stored {
            if k.ends_with("activities") {
                *v = v.replace("2025-03-01", "2025-02-30");
            }
        }
        // The quarantine keeps the parts under a prefix: they are found by their ending.
        let quarantined: Stored = stored
            .into_iter()
            .map(|(k, v)| (format!("cme-tracker:quarantine:20261130T000000:{k}"), v))
            .collect();
        let Response::Explained { problems } = explain(&quarantined) else {
            panic!()
        };
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("activity 1 “Ethics”, activities[0].end"),
            "{problems:?}"
        );
    }
}
