//! Backups in the worker: checking a chosen file against the records here (unlocking it first
//! when it is encrypted), merging or replacing on confirmation, writing one, and naming the
//! record and field of stored data that did not load. Pure, tested natively.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::storage::backup::{self, Backup};
use crate::storage::data::{AppData, RecordKind};
use crate::storage::format::{self, LoadError};
use crate::storage::merge::merge;
use crate::worker::protocol::{from_stored, to_stored, Response, Stored};

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
    if crate::storage::encrypt::is_encrypted(text) {
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
        match crate::storage::encrypt::open(&self.text, passphrase) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => check(&text, &self.current, progress),
                Err(_) => Err(Response::Failed {
                    message: "The decrypted file is not a CME Tracker backup.".into(),
                }),
            },
            Err(e @ crate::storage::encrypt::OpenError::WrongPassphraseOrChanged) => {
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
                Some(p) => match crate::storage::encrypt::seal(text.as_bytes(), p) {
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
