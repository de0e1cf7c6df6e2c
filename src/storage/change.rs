//! Every change a person makes to her records, as one operation on [`AppData`]: the reducer
//! applies these and nothing else, so each route that changes records is tested natively, and
//! the save path (`sync`) merges the result against what is stored when it writes.
//!
//! Most changes are made against the records the tab shows now. An import is different: the
//! worker computed its result from a copy of the records taken when the file was read, and the
//! person may have changed something since — in this tab (a backup downloaded, an activity
//! added) or in another (heard and adopted meanwhile). [`Change::Import`] therefore merges three
//! ways: what the import saw, what is here now, what the import made. "Replace everything"
//! replaces what she saw in the preview; anything added or edited since is kept.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::data::{AppData, Goal};
use super::merge::merge3;
use crate::domain::model::attachment::CertificateFile;
use crate::domain::model::learning::Reflection;
use crate::domain::ops::CredentialOp;
use crate::domain::{Activity, Credential};

/// A deleted record kept for "Undo".
#[derive(Debug, Clone, PartialEq)]
pub enum Removed {
    Activity(Activity),
    Credential(Credential),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Adds the activity, or replaces the one with the same id.
    SaveActivity(Activity),
    /// A certificate's bytes are stored: add its record to the activity.
    AttachCertificate(Uuid, CertificateFile),
    /// Remove a certificate's record from the activity (its bytes are deleted by the page).
    DetachCertificate(Uuid, Uuid),
    DeleteActivity(Uuid),
    SaveCredential(Credential),
    /// One change of a stored credential (a domain operation).
    EditCredential(Uuid, CredentialOp),
    DeleteCredential(Uuid),
    /// "Undo" of a deletion.
    Restore(Removed),
    /// Adds the learning goal, or replaces the one with the same id.
    SaveGoal(Goal),
    DeleteGoal(Uuid),
    /// Links an activity to a goal (or unlinks it).
    LinkGoal {
        goal: Uuid,
        activity: Uuid,
        linked: bool,
    },
    /// The reflection on an activity (`None` removes it).
    SaveReflection(Uuid, Option<Reflection>),
    /// The name printed on reports and transcripts.
    SetHolderName(String),
    /// "I am a…": the professions that order the catalog, credit types and topics.
    SetProfessions(Vec<crate::domain::model::profession::Profession>),
    /// A backup file was written: remember when, for the reminder.
    BackupDownloaded(DateTime<Utc>),
    /// A backup merge or replacement, or a spreadsheet or transcript import: `result` was
    /// computed from `seen`, the records as they were when the file was read.
    Import {
        seen: Rc<AppData>,
        result: AppData,
        message: String,
    },
    /// "Delete all my data" (the stored keys are removed by the page first).
    DeleteAll,
}

/// What applying a change did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The records changed; `message` is for the status line, `removed` for "Undo".
    Changed {
        message: Option<String>,
        removed: Option<Box<Removed>>,
    },
    /// Nothing to do (the record is gone, the value is the same).
    Unchanged,
    /// Refused with a sentence for the person; nothing changed.
    Refused(String),
}

fn changed(message: impl Into<String>) -> Outcome {
    Outcome::Changed {
        message: Some(message.into()),
        removed: None,
    }
}

/// Applies `change` to `data` at `now` (the reducer's clock). On `Unchanged` and `Refused`,
/// `data` is as it was.
pub fn apply(data: &mut AppData, change: Change, now: DateTime<Utc>) -> Outcome {
    match change {
        Change::SaveActivity(activity) => {
            let title = activity.title.clone();
            if data.save_activity(activity, now) {
                changed(format!("Saved changes to “{title}”."))
            } else {
                changed(format!("Added “{title}”."))
            }
        }
        Change::AttachCertificate(activity_id, file) => {
            let Some(mut a) = data.activity(activity_id).cloned() else {
                return Outcome::Unchanged;
            };
            // A certificate's id names its bytes: one id on two records would let removing it
            // from one delete the other's file.
            let elsewhere = |x: &&std::sync::Arc<Activity>| x.id != activity_id;
            if data
                .activities
                .iter()
                .filter(elsewhere)
                .any(|x| x.certificates.iter().any(|f| f.id == file.id))
            {
                return Outcome::Refused(
                    "This certificate is already kept with an activity.".into(),
                );
            }
            let name = file.name.clone();
            match a.attach(file) {
                Ok(()) => {
                    let message = format!("Kept “{name}” with “{}”.", a.title);
                    data.save_activity(a, now);
                    changed(message)
                }
                Err(m) => Outcome::Refused(m),
            }
        }
        Change::DetachCertificate(activity_id, file_id) => {
            let Some(mut a) = data.activity(activity_id).cloned() else {
                return Outcome::Unchanged;
            };
            match a.detach(file_id) {
                Ok(f) => {
                    data.save_activity(a, now);
                    changed(format!("Removed “{}”.", f.name))
                }
                Err(_) => Outcome::Unchanged,
            }
        }
        Change::DeleteActivity(id) => match data.remove_activity(id, now) {
            Some(removed) => Outcome::Changed {
                message: Some(format!("Deleted “{}”.", removed.title)),
                removed: Some(Box::new(Removed::Activity(removed))),
            },
            None => Outcome::Unchanged,
        },
        Change::SaveCredential(mut credential) => {
            credential.updated_at = now;
            if !data.credentials.iter().any(|c| c.id == credential.id) {
                credential.created_at = now;
            }
            let message = format!("Saved “{}”.", credential.name);
            data.upsert_credential(credential);
            changed(message)
        }
        Change::EditCredential(id, op) => {
            let Some(mut c) = data.credentials.iter().find(|c| c.id == id).cloned() else {
                return Outcome::Unchanged;
            };
            match c.apply(op, now) {
                Ok(()) => {
                    let message = format!("Saved “{}”.", c.name);
                    data.upsert_credential(c);
                    changed(message)
                }
                Err(message) => Outcome::Refused(message),
            }
        }
        Change::DeleteCredential(id) => match data.remove_credential(id, now) {
            Some(removed) => Outcome::Changed {
                message: Some(format!("Deleted “{}”.", removed.name)),
                removed: Some(Box::new(Removed::Credential(removed))),
            },
            None => Outcome::Unchanged,
        },
        // A restored record is a new change: it must win a merge over its tombstone. Its
        // creation time is kept, so it is not stamped as new.
        Change::Restore(Removed::Activity(mut a)) => {
            a.updated_at = now;
            let message = format!("Restored “{}”.", a.title);
            data.upsert_activity(a);
            changed(message)
        }
        Change::Restore(Removed::Credential(mut c)) => {
            c.updated_at = now;
            let message = format!("Restored “{}”.", c.name);
            data.upsert_credential(c);
            changed(message)
        }
        Change::SaveGoal(mut goal) => {
            goal.updated_at = now;
            if !data.goals.iter().any(|g| g.id == goal.id) {
                goal.created_at = now;
            }
            let message = format!("Saved the goal “{}”.", goal.title);
            data.upsert_goal(goal);
            changed(message)
        }
        Change::DeleteGoal(id) => match data.remove_goal(id, now) {
            Some(removed) => changed(format!("Deleted the goal “{}”.", removed.title)),
            None => Outcome::Unchanged,
        },
        Change::LinkGoal {
            goal,
            activity,
            linked,
        } => {
            let Some(mut g) = data.goals.iter().find(|g| g.id == goal).cloned() else {
                return Outcome::Unchanged;
            };
            let before = g.activity_ids.clone();
            if linked {
                g.link(activity);
            } else {
                g.unlink(activity);
            }
            if g.activity_ids == before {
                return Outcome::Unchanged;
            }
            g.updated_at = now;
            data.upsert_goal(g);
            // The checkbox the person ticked says it.
            Outcome::Changed {
                message: None,
                removed: None,
            }
        }
        Change::SaveReflection(id, reflection) => {
            let Some(mut a) = data.activity(id).cloned() else {
                return Outcome::Unchanged;
            };
            a.reflection = reflection.filter(|r| !r.is_empty());
            let message = format!("Saved your reflection on “{}”.", a.title);
            data.save_activity(a, now);
            changed(message)
        }
        Change::SetHolderName(name) => {
            let mut settings = data.settings.clone();
            match settings.set_holder_name(&name, now) {
                Ok(()) if settings != data.settings => {
                    data.settings = settings;
                    changed("Saved the name for reports.")
                }
                Ok(()) => Outcome::Unchanged,
                Err(m) => Outcome::Refused(m),
            }
        }
        Change::SetProfessions(chosen) => {
            if !data.settings.set_professions(&chosen, now) {
                return Outcome::Unchanged;
            }
            changed(if chosen.is_empty() {
                "No profession chosen: the catalog, credit types and topics are in their usual order.".to_string()
            } else {
                format!(
                    "Saved. Presets, credit types and topics for {} come first.",
                    crate::domain::model::profession::plural_list(&data.settings.professions)
                )
            })
        }
        Change::BackupDownloaded(at) => {
            data.settings.last_backup_at = Some(at);
            data.settings.updated_at = Some(at);
            changed("Backup downloaded. Keep the file somewhere safe.")
        }
        Change::Import {
            seen,
            result,
            mut message,
        } => {
            if *seen == *data {
                *data = result;
            } else {
                // Changed since the file was read, here or in another tab: what the import did
                // is applied to what is here now, never over it.
                *data = merge3(&seen, data, &result);
                message.push_str(" Changes made since the file was read were kept.");
            }
            changed(message)
        }
        Change::DeleteAll => {
            *data = AppData::default();
            changed("All your records were deleted from this browser.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    fn act(title: &str) -> Activity {
        activity("2025-03-01")
            .title(title)
            .credit("AMA_PRA_CAT1", "1")
            .build()
    }

    fn titles(d: &AppData) -> Vec<String> {
        let mut t: Vec<String> = d.activities.iter().map(|a| a.title.clone()).collect();
        t.sort();
        t
    }

    #[test]
    fn choosing_professions_is_saved_once_in_order_and_read_back_from_the_stored_text() {
        use crate::domain::model::profession::Profession;
        let now = Utc::now();
        let mut data = AppData::default();
        let outcome = apply(
            &mut data,
            Change::SetProfessions(vec![Profession::Pharmacist, Profession::Pa, Profession::Pa]),
            now,
        );
        let Outcome::Changed { message, .. } = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(
            message.as_deref(),
            Some("Saved. Presets, credit types and topics for physician assistants and pharmacists come first.")
        );
        assert_eq!(
            data.settings.professions,
            [Profession::Pa, Profession::Pharmacist]
        );
        assert_eq!(data.settings.updated_at, Some(now));
        let text = serde_json::to_string(&data.settings).unwrap();
        assert!(
            text.contains(r#""professions":["pa","pharmacist"]"#),
            "{text}"
        );
        let back: crate::storage::data::Settings = serde_json::from_str(&text).unwrap();
        assert_eq!(back, data.settings);
        // The same choice again changes nothing (no save, no sync stamp).
        let again = apply(
            &mut data,
            Change::SetProfessions(vec![Profession::Pharmacist, Profession::Pa]),
            now + chrono::Duration::seconds(1),
        );
        assert!(matches!(again, Outcome::Unchanged));
        assert_eq!(data.settings.updated_at, Some(now));
    }

    #[test]
    fn an_import_keeps_what_was_added_and_downloaded_after_the_file_was_read() {
        let now = Utc::now();
        let mut here = AppData::default();
        apply(&mut here, Change::SaveActivity(act("Before")), now);
        let seen = Rc::new(here.clone());
        // The worker merges the file into the copy it was given.
        let mut result = (*seen).clone();
        result.upsert_activity(act("From the file"));
        // Meanwhile: an activity arrives from another tab, and a backup is downloaded.
        apply(&mut here, Change::SaveActivity(act("Other tab")), now);
        let downloaded = now + chrono::Duration::seconds(5);
        apply(&mut here, Change::BackupDownloaded(downloaded), downloaded);
        let outcome = apply(
            &mut here,
            Change::Import {
                seen,
                result,
                message: "1 added.".into(),
            },
            now,
        );
        assert_eq!(titles(&here), ["Before", "From the file", "Other tab"]);
        assert_eq!(here.settings.last_backup_at, Some(downloaded));
        let Outcome::Changed { message, .. } = outcome else {
            panic!()
        };
        assert!(message.unwrap().contains("were kept"));
    }

    #[test]
    fn replacing_everything_replaces_what_was_previewed_and_keeps_what_came_later() {
        let now = Utc::now();
        let mut here = AppData::default();
        apply(&mut here, Change::SaveActivity(act("Previewed")), now);
        let mut edited = act("Previewed and then edited");
        apply(&mut here, Change::SaveActivity(edited.clone()), now);
        let seen = Rc::new(here.clone());
        let mut result = AppData::default();
        result.upsert_activity(act("From the file"));
        apply(&mut here, Change::SaveActivity(act("Added later")), now);
        edited.notes = "changed after the preview".into();
        apply(&mut here, Change::SaveActivity(edited), now);
        apply(
            &mut here,
            Change::Import {
                seen,
                result,
                message: String::new(),
            },
            now,
        );
        assert_eq!(
            titles(&here),
            ["Added later", "From the file", "Previewed and then edited"]
        );
        // Nothing changed meanwhile: the replacement is taken as it is.
        let seen = Rc::new(here.clone());
        apply(
            &mut here,
            Change::Import {
                seen,
                result: AppData::default(),
                message: String::new(),
            },
            now,
        );
        assert!(here.is_empty());
    }

    #[test]
    fn a_certificate_id_is_never_kept_on_two_activities() {
        let now = Utc::now();
        let mut data = AppData::default();
        let (a, b) = (act("A"), act("B"));
        let (ida, idb) = (a.id, b.id);
        data.upsert_activity(a);
        data.upsert_activity(b);
        let file = CertificateFile {
            id: Uuid::new_v4(),
            name: "cert.pdf".into(),
            mime: "application/pdf".into(),
            size: 10,
            sha256: "0".repeat(64),
            added: now.date_naive(),
        };
        assert!(matches!(
            apply(&mut data, Change::AttachCertificate(ida, file.clone()), now),
            Outcome::Changed { .. }
        ));
        let before = data.clone();
        assert!(matches!(
            apply(&mut data, Change::AttachCertificate(idb, file), now),
            Outcome::Refused(_)
        ));
        assert_eq!(data, before);
    }
}
