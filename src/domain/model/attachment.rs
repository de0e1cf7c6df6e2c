//! Certificates kept with an activity: what the records know of each file (name, type, size,
//! SHA-256, date attached). The bytes live in the browser's IndexedDB (`storage::browser::files`), keyed by
//! the file's id, never uploaded; backups may carry them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Largest certificate kept (10 MB): a scanned certificate is well under 1 MB, a phone photo a
/// few MB.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// One certificate file of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateFile {
    pub id: Uuid,
    /// The file's name as chosen (shown; the download name is made from the activity).
    pub name: String,
    /// Its media type (`application/pdf`, `image/png`…).
    pub mime: String,
    pub size: u64,
    /// SHA-256 of the bytes, hex: checked when a backup brings the file back.
    pub sha256: String,
    pub added: NaiveDate,
}

/// The kinds of file accepted, by media type and extension.
const ACCEPTED: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("image/png", &["png"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/webp", &["webp"]),
    ("image/heic", &["heic"]),
    ("image/heif", &["heif"]),
];

/// Whether a chosen file can be kept: its media type (or, when the browser gives none, its
/// extension) and size. `Ok` gives the media type to store.
pub fn check_file(name: &str, mime: &str, size: u64) -> Result<String, FileRefused> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let by_type = ACCEPTED
        .iter()
        .find(|(m, _)| *m == mime.to_ascii_lowercase());
    let by_ext = ACCEPTED
        .iter()
        .find(|(_, exts)| exts.contains(&ext.as_str()));
    let name = name.to_string();
    let Some((kind, _)) = by_type.or(if mime.is_empty() { by_ext } else { None }) else {
        return Err(FileRefused::NotAccepted { name });
    };
    if size == 0 {
        return Err(FileRefused::Empty { name });
    }
    if size > MAX_FILE_BYTES {
        return Err(FileRefused::TooLarge { name, size });
    }
    Ok(kind.to_string())
}

/// Most certificates one activity keeps.
pub const MAX_PER_ACTIVITY: usize = 20;

/// Why a chosen file is not kept (worded in `text::certificates`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRefused {
    /// Neither a PDF nor an image the app keeps.
    NotAccepted {
        name: String,
    },
    Empty {
        name: String,
    },
    /// Over [`MAX_FILE_BYTES`].
    TooLarge {
        name: String,
        size: u64,
    },
}

/// The extension a file of this (stored) media type is saved with.
pub fn extension(mime: &str) -> &'static str {
    ACCEPTED
        .iter()
        .find(|(m, _)| *m == mime)
        .map_or("bin", |(_, e)| e[0])
}
