//! The sync file: what one device writes for the others (into a folder her cloud service syncs,
//! or sent by hand), `cme-sync-<device>.json`. Each device writes only its own file, so the cloud
//! service never has two writers of one file to reconcile. It holds the device's writes (all of
//! them: any device may read it, whatever it has), tagged with the person's set of devices
//! (`group`), so that a file from someone else's tracker is refused, never merged; optionally
//! sealed with a passphrase as backups are (`storage::encrypt`), so that a changed file fails to
//! open. Reading it again later merges nothing new: merging is idempotent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::clock::DeviceId;
use super::replica::{Delta, Replica, Seen};
use crate::storage::encrypt;

pub const FORMAT: &str = "cme-tracker-sync";
/// The format this build writes and reads; a newer one is refused.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncFile {
    pub format: String,
    pub version: u32,
    /// The person's set of devices: made by her first device, taken on by each device she adds.
    pub group: Uuid,
    pub device: DeviceId,
    /// The name she gave the device ("Phone", "Home laptop").
    pub device_name: String,
    pub written_at: DateTime<Utc>,
    pub delta: Delta,
    /// The certificate files this device holds, by certificate id.
    #[serde(default)]
    pub have: Vec<Uuid>,
    /// Certificate files another device lacks, `(id, base64)`.
    #[serde(default)]
    pub files: Vec<(Uuid, String)>,
}

/// Why a sync file was not merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    NotASyncFile,
    /// Written by a newer version of the app, which may hold fields this one would lose.
    Newer {
        version: u32,
    },
    /// From another person's tracker (another set of devices).
    SomeoneElse,
    /// This device's own file.
    OwnFile,
    /// Sealed: the passphrase is needed (or does not open it, or the file was changed).
    Locked(Option<String>),
    Damaged(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotASyncFile => f.write_str("This is not a CME Tracker sync file: nothing was merged."),
            Refused::Newer { version } => write!(f, "This sync file was written by a newer version of CME Tracker (format {version}); update this device first (reload the page when online). Nothing was merged."),
            Refused::SomeoneElse => f.write_str("This sync file belongs to another person's CME Tracker (a different set of devices): nothing was merged."),
            Refused::OwnFile => f.write_str("This is this device's own sync file: choose the files of your other devices."),
            Refused::Locked(None) => f.write_str("This sync file is encrypted: enter the passphrase your devices share."),
            Refused::Locked(Some(why)) => write!(f, "{why} Nothing was merged."),
            Refused::Damaged(why) => write!(f, "This sync file is damaged or cut short ({why}): nothing was merged. Write it again on the device it came from."),
        }
    }
}

/// The certificate files a sync file carries, and those the device holds.
#[derive(Debug, Clone, Default)]
pub struct Carried {
    pub have: Vec<Uuid>,
    pub files: Vec<(Uuid, String)>,
}

/// The device's file: every write it holds, ready to be written, sealed when a passphrase is given.
pub fn write(
    replica: &Replica,
    group: Uuid,
    device_name: &str,
    now: DateTime<Utc>,
    passphrase: Option<&str>,
    carried: Carried,
) -> Result<String, String> {
    write_for(
        replica,
        group,
        device_name,
        now,
        passphrase,
        carried,
        &Seen::default(),
    )
}

/// The device's file for one other device, which said it has `theirs`: only the writes it lacks
/// (face to face, where each side says first what it has).
pub fn write_for(
    replica: &Replica,
    group: Uuid,
    device_name: &str,
    now: DateTime<Utc>,
    passphrase: Option<&str>,
    carried: Carried,
    theirs: &Seen,
) -> Result<String, String> {
    let file = SyncFile {
        format: FORMAT.into(),
        version: VERSION,
        group,
        device: replica.device(),
        device_name: device_name.into(),
        written_at: now,
        delta: replica.delta_for(theirs),
        have: carried.have,
        files: carried.files,
    };
    let text = serde_json::to_string(&file).map_err(|e| e.to_string())?;
    match passphrase {
        Some(p) => encrypt::seal(text.as_bytes(), p),
        None => Ok(text),
    }
}

/// What a device says first when it meets another face to face: its set of devices (or, before it
/// has one, the set it would make), whether that set is formed (it has heard from another
/// device), and what it has of every device's writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hello {
    pub group: Uuid,
    pub formed: bool,
    pub device: DeviceId,
    pub device_name: String,
    pub seen: Seen,
    /// The certificate files it holds, by certificate id.
    pub have: Vec<Uuid>,
}

/// The set two devices end in: a formed set over one that is not (a device that has heard from
/// none joins), the smaller id between two that are not (so both choose the same without another
/// round), and none between two formed sets that differ — another person's devices.
pub fn agree(mine: (Uuid, bool), theirs: (Uuid, bool)) -> Result<Uuid, Refused> {
    match (mine, theirs) {
        ((a, true), (b, true)) if a != b => Err(Refused::SomeoneElse),
        ((a, true), _) => Ok(a),
        (_, (b, true)) => Ok(b),
        ((a, false), (b, false)) => Ok(a.min(b)),
    }
}

/// The file read and checked against this device and its set, unsealed with `passphrase` when
/// it is sealed. `group` is None on a device not yet in a set (it joins the file's).
pub fn read(
    text: &str,
    group: Option<Uuid>,
    device: DeviceId,
    passphrase: Option<&str>,
) -> Result<SyncFile, Refused> {
    let plain = if encrypt::is_encrypted(text) {
        let Some(p) = passphrase else {
            return Err(Refused::Locked(None));
        };
        let bytes = encrypt::open(text, p).map_err(|e| Refused::Locked(Some(e.to_string())))?;
        String::from_utf8(bytes).map_err(|_| Refused::Damaged("not text".into()))?
    } else {
        text.to_string()
    };
    let value: serde_json::Value =
        serde_json::from_str(&plain).map_err(|e| Refused::Damaged(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Refused::NotASyncFile);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > VERSION as u64 => return Err(Refused::Newer { version: v as u32 }),
        Some(_) => {}
        None => return Err(Refused::Damaged("no version".into())),
    }
    let file: SyncFile =
        serde_json::from_value(value).map_err(|e| Refused::Damaged(e.to_string()))?;
    if group.is_some_and(|g| g != file.group) {
        return Err(Refused::SomeoneElse);
    }
    if file.device == device {
        return Err(Refused::OwnFile);
    }
    // Every write is the sending device's own or one it merged: a write of this device it
    // claims to have is checked by the merge like any other (a replayed file adds nothing).
    if file
        .delta
        .writes
        .iter()
        .any(|(key, field, _)| key.is_empty() || field.is_empty())
    {
        return Err(Refused::Damaged("a write names no record or field".into()));
    }
    Ok(file)
}

/// Whether a file in her folder is a sync file by its name (`cme-sync-` and sixteen hex
/// digits): anything else there (her other files, a cloud service's "conflicted copy") is not
/// read.
pub fn is_file_name(name: &str) -> bool {
    name.strip_prefix("cme-sync-")
        .and_then(|r| r.strip_suffix(".json"))
        .is_some_and(|id| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The file's name for this device.
pub fn file_name(device: DeviceId) -> String {
    format!("cme-sync-{:016x}.json", device.0)
}
