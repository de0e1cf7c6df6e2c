//! Syncing with her other devices by file (storage::sync): this device's sync state (its
//! replica, the records as at its last exchange, the devices heard from), the file it writes for
//! the others, the others' files merged, and the edits to review. Pure; the page keeps the state
//! in IndexedDB and adopts the records merged.
//!
//! What changed here since the last exchange is stamped when the next exchange begins (the save
//! path is left as it is): the records then are compared with those at the last exchange.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::storage::data::AppData;
use crate::storage::sync::file::{self, Refused};
use crate::storage::sync::records::{data_of, take_changes};
use crate::storage::sync::replica::DELETED;
use crate::storage::sync::{DeviceId, Replica};
use crate::worker::protocol::{from_stored, to_stored, Response, Stored};

mod reviews;
pub use reviews::Review;

/// What merging other devices' files gave.
pub struct Merged {
    pub data: AppData,
    /// Certificate files not here before, `(id, base64)`, checked.
    pub certificates: Vec<(Uuid, String)>,
    pub message: String,
    pub refused: Vec<String>,
}

/// The certificate files that match a certificate of the records by size and SHA-256; each
/// other one is named as damaged (or as belonging to no record here) and left out.
fn checked_files(data: &AppData, files: Vec<(Uuid, String)>) -> (Vec<(Uuid, String)>, Vec<String>) {
    use base64::Engine;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (id, b64) in files {
        let Some(record) = data
            .activities
            .iter()
            .flat_map(|a| a.certificates.iter())
            .find(|c| c.id == id)
        else {
            continue;
        };
        let fits = base64::engine::general_purpose::STANDARD
            .decode(b64.as_bytes())
            .is_ok_and(|bytes| crate::storage::backup::matches_its_record(record, &bytes));
        if fits {
            good.push((id, b64));
        } else {
            bad.push(format!(
                "The certificate file “{}” does not match its record's size and SHA-256: it was left out (the file is damaged).",
                record.name
            ));
        }
    }
    (good, bad)
}

/// Everything this device keeps for syncing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// Her set of devices: made by the first device that writes a file, taken on by a device
    /// that merges one before writing its own.
    pub group: Option<Uuid>,
    /// The name she gave this device.
    pub name: String,
    pub replica: Replica,
    /// The records as at the last exchange.
    pub base: Stored,
    /// The devices heard from, by id (hex).
    pub peers: BTreeMap<String, Peer>,
    /// What the file last written said, in short (what this device had seen, the certificate
    /// files it held and carried, its name): a folder exchange writes the file again only when
    /// it would say something new, so the cloud service uploads nothing for nothing.
    #[serde(default)]
    pub written: Option<String>,
}

/// One exchange through the shared folder: the merge, and this device's file when it is to be
/// written again (`(name, text)`). `wanted` names the certificate files held here that another
/// device lacks and that were not given: the file is written once they are.
pub struct Exchanged {
    pub merged: Merged,
    pub written: Option<(String, String)>,
    pub wanted: Vec<Uuid>,
}

/// Another device, as last heard from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Peer {
    pub name: String,
    /// When it wrote the file merged last.
    pub written_at: DateTime<Utc>,
    /// When that file was merged here.
    pub merged_at: DateTime<Utc>,
    /// How many of its writes were new here then.
    pub brought: usize,
    /// The certificate files it said it holds (by certificate id).
    #[serde(default)]
    pub have: Vec<Uuid>,
}

impl SyncState {
    pub fn new(device: DeviceId, name: &str) -> SyncState {
        SyncState {
            group: None,
            name: name.into(),
            replica: Replica::new(device),
            base: to_stored(&AppData::default()),
            peers: BTreeMap::new(),
            written: None,
        }
    }

    /// Stamps what changed here since the last exchange.
    fn catch_up(&mut self, current: &AppData, now: DateTime<Utc>) -> Result<(), String> {
        let base = from_stored(&self.base).map_err(|e| e.to_string())?;
        take_changes(&mut self.replica, &base, current, now.timestamp_millis());
        self.base = to_stored(current);
        Ok(())
    }

    /// This device's sync file (its name and text), with what changed here stamped first.
    /// `have` are the certificate files held here and `files` those of them given, `(id,
    /// base64)`: the file carries those a device heard from lacks (all of them before any is
    /// heard from).
    pub fn write_file(
        &mut self,
        current: &AppData,
        now: DateTime<Utc>,
        passphrase: Option<&str>,
        have: &[Uuid],
        files: &[(Uuid, String)],
    ) -> Result<(String, String), String> {
        self.catch_up(current, now)?;
        let group = *self.group.get_or_insert_with(Uuid::new_v4);
        let lacked = self.lacked(have);
        let carried = file::Carried {
            have: have.to_vec(),
            files: files
                .iter()
                .filter(|(id, _)| lacked.contains(id))
                .cloned()
                .collect(),
        };
        self.written = Some(self.said(&carried));
        let text = file::write(&self.replica, group, &self.name, now, passphrase, carried)?;
        Ok((file::file_name(self.replica.device()), text))
    }

    /// The certificate files of `have` that a device heard from lacks (all before any is).
    fn lacked(&self, have: &[Uuid]) -> Vec<Uuid> {
        have.iter()
            .filter(|id| self.peers.is_empty() || self.peers.values().any(|p| !p.have.contains(id)))
            .copied()
            .collect()
    }

    /// What a file would say, in short: see [`SyncState::written`].
    fn said(&self, carried: &file::Carried) -> String {
        let mut have = carried.have.clone();
        have.sort_unstable();
        let mut files: Vec<Uuid> = carried.files.iter().map(|(id, _)| *id).collect();
        files.sort_unstable();
        // The count of writes too: writes merged from a delta that did not follow on from what
        // was seen here add to the file without raising what was seen.
        let count: usize = self
            .replica
            .writes()
            .values()
            .flat_map(|fields| fields.values())
            .map(Vec::len)
            .sum();
        let said = (
            self.group,
            &self.replica.seen,
            count,
            &self.name,
            have,
            files,
        );
        crate::json::to_text(&said).unwrap_or_default()
    }

    /// One exchange through the shared folder: the files of the other devices that changed
    /// since the last look (`files`, `(name, text)`) merged, then this device's file, when it
    /// would say something new. Its own file, found in the folder, is passed over.
    #[allow(clippy::too_many_arguments)]
    pub fn exchange(
        &mut self,
        current: &AppData,
        files: &[(String, String)],
        now: DateTime<Utc>,
        passphrase: Option<&str>,
        have: &[Uuid],
        given: &[(Uuid, String)],
    ) -> Result<Exchanged, String> {
        let own = file::file_name(self.replica.device());
        let others: Vec<(String, String)> = files
            .iter()
            .filter(|(name, _)| *name != own)
            .cloned()
            .collect();
        let merged = self.merge_files(current, &others, now, passphrase, have)?;
        let wanted: Vec<Uuid> = self
            .lacked(have)
            .into_iter()
            .filter(|id| !given.iter().any(|(g, _)| g == id))
            .collect();
        if !wanted.is_empty() {
            return Ok(Exchanged {
                merged,
                written: None,
                wanted,
            });
        }
        let lacked = self.lacked(have);
        let carried = file::Carried {
            have: have.to_vec(),
            files: given
                .iter()
                .filter(|(id, _)| lacked.contains(id))
                .cloned()
                .collect(),
        };
        let written = if self.written.as_deref() == Some(self.said(&carried).as_str()) {
            None
        } else {
            Some(self.write_file(&merged.data, now, passphrase, have, given)?)
        };
        Ok(Exchanged {
            merged,
            written,
            wanted,
        })
    }

    /// Merges the other devices' files (`(name, text)`), with what changed here stamped first;
    /// `have` are the certificate files held here. Returns the records as merged, the
    /// certificate files they brought that are not here (checked against their records' size
    /// and SHA-256), what to tell her, and each file refused with why.
    pub fn merge_files(
        &mut self,
        current: &AppData,
        files: &[(String, String)],
        now: DateTime<Utc>,
        passphrase: Option<&str>,
        have: &[Uuid],
    ) -> Result<Merged, String> {
        self.catch_up(current, now)?;
        let mut said = Vec::new();
        let mut refused = Vec::new();
        let mut carried: Vec<(Uuid, String)> = Vec::new();
        for (name, text) in files {
            // A device that has heard from none of her devices yet may still join another's set.
            let set = Some(self.group)
                .filter(|_| !self.peers.is_empty())
                .flatten();
            match file::read(text, set, self.replica.device(), passphrase) {
                Ok(f) => {
                    match self.group {
                        Some(mine) if mine != f.group && !joins(mine, &f) => {
                            said.push(format!("“{}” has not joined this device's set yet: it will when it merges this device's file, and its records come at the exchange after that.", f.device_name));
                            continue;
                        }
                        _ => self.group = Some(f.group),
                    }
                    let brought = self.replica.merge(&f.delta);
                    for (id, data) in &f.files {
                        if !have.contains(id) && !carried.iter().any(|(c, _)| c == id) {
                            carried.push((*id, data.clone()));
                        }
                    }
                    said.push(match brought {
                        0 => format!("Nothing new from “{}”.", f.device_name),
                        1 => format!("1 change from “{}”.", f.device_name),
                        n => format!("{n} changes from “{}”.", f.device_name),
                    });
                    self.peers.insert(
                        format!("{:016x}", f.device.0),
                        Peer {
                            name: f.device_name,
                            written_at: f.written_at,
                            merged_at: now,
                            brought,
                            have: f.have,
                        },
                    );
                }
                Err(Refused::Locked(None)) => {
                    refused.push(format!("“{name}”: {}", Refused::Locked(None)))
                }
                Err(why) => refused.push(format!("“{name}”: {why}")),
            }
        }
        let (merged, unreadable) = data_of(&self.replica);
        if !unreadable.is_empty() {
            refused.push(format!(
                "{} records could not be read back and were left as they were here.",
                unreadable.len()
            ));
        }
        let merged = keep_unreadable(current, merged, &unreadable);
        self.base = to_stored(&merged);
        let (certificates, damaged) = checked_files(&merged, carried);
        match certificates.len() {
            0 => {}
            1 => said.push("1 certificate file came with them.".into()),
            n => said.push(format!("{n} certificate files came with them.")),
        }
        refused.extend(damaged);
        let reviews = self.reviews(&merged).len();
        if reviews > 0 {
            said.push(match reviews {
                1 => "1 edit was made on two devices: review it below.".into(),
                n => format!("{n} edits were made on two devices: review them below."),
            });
        }
        Ok(Merged {
            data: merged,
            certificates,
            message: said.join(" "),
            refused,
        })
    }

    /// She chose `value` for a field in conflict (or, for a record deleted while edited, to keep
    /// it: `true`, or delete it: `false`). Returns the records as they now stand.
    pub fn resolve(
        &mut self,
        current: &AppData,
        key: &str,
        field: &str,
        value: Value,
        now: DateTime<Utc>,
    ) -> Result<AppData, String> {
        self.catch_up(current, now)?;
        let ms = now.timestamp_millis();
        if field == DELETED {
            if value == Value::Bool(true) {
                self.replica.keep(key, ms);
            } else {
                self.replica.delete(key, ms);
            }
        } else {
            self.replica.set(key, field, value, ms);
        }
        let (merged, unreadable) = data_of(&self.replica);
        let merged = keep_unreadable(current, merged, &unreadable);
        self.base = to_stored(&merged);
        Ok(merged)
    }

    /// What this device says first face to face: its set (or the one it would make), whether
    /// that set is formed, what it has, and `have`, the certificate files held here.
    pub fn hello(&self, have: Vec<Uuid>) -> file::Hello {
        file::Hello {
            group: self.group.unwrap_or_else(Uuid::new_v4),
            formed: self.group.is_some() && !self.peers.is_empty(),
            device: self.replica.device(),
            device_name: self.name.clone(),
            seen: self.replica.seen.clone(),
            have,
        }
    }

    /// Face to face: this device's file for the device that said `theirs` (this one having said
    /// `mine`), with what changed here stamped first: the writes it lacks, and of `files`
    /// (`(id, base64)`) the certificate files it lacks. Both devices end in the set they agree on
    /// (`file::agree`), or nothing is written: another person's device.
    pub fn write_for(
        &mut self,
        current: &AppData,
        now: DateTime<Utc>,
        mine: &file::Hello,
        theirs: &file::Hello,
        files: &[(Uuid, String)],
    ) -> Result<(String, String), String> {
        let group = file::agree((mine.group, mine.formed), (theirs.group, theirs.formed))
            .map_err(|why| format!("“{}”: {why}", theirs.device_name))?;
        if theirs.device == self.replica.device() {
            return Err(file::Refused::OwnFile.to_string());
        }
        self.catch_up(current, now)?;
        self.group = Some(group);
        let carried = file::Carried {
            have: mine.have.clone(),
            files: files
                .iter()
                .filter(|(id, _)| !theirs.have.contains(id))
                .cloned()
                .collect(),
        };
        let text = file::write_for(
            &self.replica,
            group,
            &self.name,
            now,
            None,
            carried,
            &theirs.seen,
        )?;
        Ok((file::file_name(self.replica.device()), text))
    }

    /// Stops listing a device (it can be heard from again).
    pub fn forget(&mut self, device: &str) {
        self.peers.remove(device);
    }
}

/// Whether a device that has heard from none of her devices, in the set `mine` it made itself,
/// joins the set of the device that wrote `file` (`file::agree`: when that device has heard from
/// another, or when neither has and its set has the smaller id — so that two devices that both
/// wrote their file before merging the other's end in one set, whichever merges first).
fn joins(mine: Uuid, file: &file::SyncFile) -> bool {
    let heard = file.delta.upto.0.keys().any(|d| *d != file.device);
    file::agree((mine, false), (file.group, heard)) == Ok(file.group)
}

/// What the replica does not decide stays as it is here: records it could not read back (of any
/// kind, so that adopting the merge never deletes them), and this device's earlier tombstones
/// (which keep an old backup from bringing deleted records back).
fn keep_unreadable(current: &AppData, mut merged: AppData, unreadable: &[String]) -> AppData {
    let id_of = |key: &str, kind: &str| key.strip_prefix(kind).and_then(|i| i.parse::<Uuid>().ok());
    for key in unreadable {
        if let Some(a) = id_of(key, "activity/").and_then(|id| current.activity(id)) {
            merged.upsert_activity(a.clone());
        } else if let Some(c) =
            id_of(key, "credential/").and_then(|id| current.credentials.iter().find(|c| c.id == id))
        {
            merged.credentials.retain(|x| x.id != c.id);
            merged.credentials.push(c.clone());
        } else if let Some(g) =
            id_of(key, "goal/").and_then(|id| current.goals.iter().find(|g| g.id == id))
        {
            merged.goals.retain(|x| x.id != g.id);
            merged.goals.push(g.clone());
        } else if key == "settings" {
            merged.settings = current.settings.clone();
        }
    }
    for t in &current.tombstones {
        if !merged.tombstones.iter().any(|m| m.id == t.id) {
            merged.tombstones.push(t.clone());
        }
    }
    merged
}

/// The records after an exchange (or an edit settled), to adopt: with the sync record to keep,
/// what to tell her, the files refused with why, and the certificate files the merged files
/// brought (`(id, base64)`, checked), to store first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Synced {
    pub state: String,
    pub stored: Stored,
    pub message: String,
    pub refused: Vec<String>,
    pub view: SyncView,
    #[serde(default)]
    pub files: Vec<(Uuid, String)>,
    /// A folder exchange: this device's file to write into the folder, `(name, text)`, when it
    /// says something new.
    #[serde(default)]
    pub written: Option<(String, String)>,
    /// A folder exchange: the certificate files to give before the file is written.
    #[serde(default)]
    pub wanted: Vec<Uuid>,
}

/// What the Devices page shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncView {
    pub name: String,
    /// Whether this device is in a set of devices yet.
    pub joined: bool,
    pub peers: Vec<(String, Peer)>,
    pub reviews: Vec<Review>,
}

impl SyncState {
    fn view(&self, data: &AppData) -> SyncView {
        SyncView {
            name: self.name.clone(),
            joined: self.group.is_some(),
            peers: self
                .peers
                .iter()
                .map(|(k, p)| (k.clone(), p.clone()))
                .collect(),
            reviews: self.reviews(data),
        }
    }
}

/// The state as kept, or a new one for this device (its id made here, at random).
fn state_of(text: Option<&str>, name: &str) -> Result<SyncState, Response> {
    let mut state = match text {
        Some(t) => crate::json::from_text::<SyncState>(t).map_err(|e| Response::Failed {
            message: format!(
                "This device's sync record could not be read ({e}); nothing was changed."
            ),
        })?,
        None => SyncState::new(DeviceId(Uuid::new_v4().as_u64_pair().0), name),
    };
    if !name.trim().is_empty() {
        state.name = name.trim().to_string();
    }
    Ok(state)
}

fn records(current: &Stored) -> Result<AppData, Response> {
    from_stored(current).map_err(|e| Response::Failed {
        message: format!("The records could not be read to sync ({e}); nothing was changed."),
    })
}

fn kept(state: &SyncState) -> String {
    crate::json::to_text(state).unwrap_or_default()
}

/// The records merged, to adopt, with the state to keep and what to tell her.
fn synced(state: &SyncState, merged: &AppData, message: String, refused: Vec<String>) -> Response {
    Response::Synced(Box::new(Synced {
        view: state.view(merged),
        state: kept(state),
        stored: to_stored(merged),
        message,
        refused,
        files: Vec::new(),
        written: None,
        wanted: Vec::new(),
    }))
}

/// Runs `job` on the records and this device's sync state (named `name` when given); any
/// failure is an answer that changes nothing.
fn with_state(
    current: &Stored,
    state: Option<&str>,
    name: &str,
    job: impl FnOnce(&AppData, &mut SyncState) -> Result<Response, String>,
) -> Response {
    let run = || -> Result<Response, Response> {
        let data = records(current)?;
        let mut state = state_of(state, name)?;
        job(&data, &mut state).map_err(|message| Response::Failed { message })
    };
    run().unwrap_or_else(|r| r)
}

/// This device's sync file, carrying the certificate files (`files`) a device heard from lacks.
pub fn write(
    current: &Stored,
    state: Option<&str>,
    name: &str,
    now: DateTime<Utc>,
    passphrase: Option<&str>,
    files: &[(Uuid, String)],
) -> Response {
    with_state(current, state, name, |data, state| {
        let have: Vec<Uuid> = files.iter().map(|(id, _)| *id).collect();
        let (file_name, text) = state.write_file(data, now, passphrase, &have, files)?;
        Ok(Response::SyncWritten {
            view: Box::new(state.view(data)),
            state: kept(state),
            file_name,
            text,
        })
    })
}

/// The other devices' files merged; `have` are the certificate files held here.
pub fn merge(
    current: &Stored,
    state: Option<&str>,
    name: &str,
    files: &[(String, String)],
    now: DateTime<Utc>,
    passphrase: Option<&str>,
    have: &[Uuid],
) -> Response {
    with_state(current, state, name, |data, state| {
        let m = state.merge_files(data, files, now, passphrase, have)?;
        let mut r = synced(state, &m.data, m.message, m.refused);
        if let Response::Synced(s) = &mut r {
            s.files = m.certificates;
        }
        Ok(r)
    })
}

/// One exchange through the shared folder (see [`SyncState::exchange`]).
#[allow(clippy::too_many_arguments)]
pub fn exchange(
    current: &Stored,
    state: Option<&str>,
    name: &str,
    files: &[(String, String)],
    now: DateTime<Utc>,
    passphrase: Option<&str>,
    have: &[Uuid],
    given: &[(Uuid, String)],
) -> Response {
    with_state(current, state, name, |data, state| {
        let x = state.exchange(data, files, now, passphrase, have, given)?;
        let m = x.merged;
        let mut r = synced(state, &m.data, m.message, m.refused);
        if let Response::Synced(s) = &mut r {
            s.files = m.certificates;
            s.written = x.written;
            s.wanted = x.wanted;
        }
        Ok(r)
    })
}

/// What this device says first face to face (the records are not needed: only what it has
/// seen of every device, its set and its certificate files).
pub fn hello(state: Option<&str>, name: &str, have: Vec<Uuid>) -> Response {
    match state_of(state, name) {
        Ok(state) => Response::SyncHello {
            hello: Box::new(state.hello(have)),
            state: kept(&state),
        },
        Err(failed) => failed,
    }
}

/// Face to face: this device's file for the other (see [`SyncState::write_for`]).
pub fn write_for(
    current: &Stored,
    state: Option<&str>,
    name: &str,
    mine: &file::Hello,
    theirs: &file::Hello,
    files: &[(Uuid, String)],
    now: DateTime<Utc>,
) -> Response {
    with_state(current, state, name, |data, state| {
        let (file_name, text) = state.write_for(data, now, mine, theirs, files)?;
        Ok(Response::SyncWritten {
            view: Box::new(state.view(data)),
            state: kept(state),
            file_name,
            text,
        })
    })
}

/// An edit to review settled as she chose.
pub fn resolve(
    current: &Stored,
    state: &str,
    key: &str,
    field: &str,
    value: Value,
    now: DateTime<Utc>,
) -> Response {
    with_state(current, Some(state), "", |data, state| {
        let merged = state.resolve(data, key, field, value, now)?;
        let message = "Settled on this device; the others settle at their next exchange.";
        Ok(synced(state, &merged, message.into(), Vec::new()))
    })
}

/// What the Devices page shows, without changing anything; a device forgotten first.
pub fn status(current: &Stored, state: Option<&str>, forget: Option<&str>) -> Response {
    with_state(current, state, "", |data, state| {
        if let Some(device) = forget {
            state.forget(device);
        }
        Ok(Response::SyncStatus {
            view: Box::new(state.view(data)),
            state: kept(state),
        })
    })
}
