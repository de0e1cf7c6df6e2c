//! What the page and the worker say to each other: one request per job, one response per
//! outcome, and the records in transit. A new job is one `Request` variant here and one handler
//! in the job family's module (`backup`, `activities`, `exports`, `certificates`), dispatched by
//! `agent`.
//!
//! Records cross in the stored format (the key/text pairs of [`crate::storage::format::encode`]),
//! which the page already reads and writes: the first download carries no second way to read
//! records.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::formats::spreadsheet::Mapping;
use crate::storage::backup::{self, Preview};
use crate::storage::data::AppData;
use crate::storage::format::{self, LoadError};
use crate::worker::activities::{Checked, FileRead};

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
    /// Read a photo or scan of a certificate (its bytes in base64, with its media type) with the
    /// text reader, whose files the page names (they load on the first photo and stay loaded);
    /// answers with `Step`s, then `PhotoRead` or `Failed`.
    ReadPhoto {
        data: String,
        mime: String,
        /// The file's name, for the messages.
        name: String,
        reader: TextReaderFiles,
    },
    /// Read a spreadsheet or transcript of activities (its bytes in base64) for the mapping
    /// step; the worker keeps it for `CheckActivities` and `ImportActivities`.
    ReadActivities {
        data: String,
        current: Stored,
        today: NaiveDate,
        now: DateTime<Utc>,
        /// The learner chosen when a transcript holds several learners' records.
        #[serde(default)]
        learner: Option<String>,
    },
    /// Check every row of the file read last with this mapping (answers with progress).
    CheckActivities { mapping: Mapping },
    /// Add the checked activities to the records, without those already recorded when asked.
    ImportActivities { skip_duplicates: bool },
    /// The activities as CSV (for people, or to import again), or the import template.
    ExportCsv { current: Stored, file: CsvFile },
    /// The audit packet (a ZIP) of one credential's report, with the certificates of the
    /// activities that counted (`(id, base64)`).
    AuditPacket {
        report: Box<crate::domain::formats::report::AuditReport>,
        counted: Vec<crate::domain::model::activity::Activity>,
        files: Vec<(Uuid, String)>,
        today: NaiveDate,
    },
    /// This device's sync file (`worker::sync`), with what changed here since the last exchange
    /// stamped; `state` is this device's sync record as kept (none before the first exchange),
    /// `name` the name she gives the device.
    SyncWrite {
        current: Stored,
        state: Option<String>,
        name: String,
        now: DateTime<Utc>,
        #[serde(default)]
        passphrase: Option<String>,
        /// The certificate files held here, `(id, base64)`.
        #[serde(default)]
        files: Vec<(Uuid, String)>,
    },
    /// Her other devices' sync files, `(file name, text)`, merged into the records here.
    SyncMerge {
        current: Stored,
        state: Option<String>,
        name: String,
        files: Vec<(String, String)>,
        now: DateTime<Utc>,
        #[serde(default)]
        passphrase: Option<String>,
        /// The ids of the certificate files held here.
        #[serde(default)]
        have: Vec<Uuid>,
    },
    /// One exchange through the folder her cloud service syncs: the other devices' files that
    /// changed since the last look merged, and this device's file made when it says something
    /// new (`worker::sync::exchange`).
    SyncExchange {
        current: Stored,
        state: Option<String>,
        name: String,
        files: Vec<(String, String)>,
        now: DateTime<Utc>,
        #[serde(default)]
        passphrase: Option<String>,
        /// The ids of the certificate files held here.
        #[serde(default)]
        have: Vec<Uuid>,
        /// Those of them another device lacks, `(id, base64)`, when asked for.
        #[serde(default)]
        given: Vec<(Uuid, String)>,
    },
    /// Meeting another device face to face: what this device says first (`storage::sync::file::Hello`).
    SyncHello {
        state: Option<String>,
        name: String,
        /// The ids of the certificate files held here.
        have: Vec<Uuid>,
    },
    /// Face to face: this device's file for the other, which said `theirs`; only the writes it
    /// lacks, and of `files` (`(id, base64)`) those it lacks.
    SyncWriteFor {
        current: Stored,
        state: Option<String>,
        name: String,
        mine: crate::storage::sync::file::Hello,
        theirs: crate::storage::sync::file::Hello,
        files: Vec<(Uuid, String)>,
        now: DateTime<Utc>,
    },
    /// A QR code drawn (`worker::qr`).
    QrDraw { text: String },
    /// A QR code read from a picture's grey levels (one byte a pixel, base64).
    QrRead {
        width: usize,
        height: usize,
        grey: String,
    },
    /// An edit made on two devices settled as she chose (`worker::sync::Review`).
    SyncResolve {
        current: Stored,
        state: String,
        key: String,
        field: String,
        value: serde_json::Value,
        now: DateTime<Utc>,
    },
    /// What the Devices page shows (a device forgotten first, when named).
    SyncStatus {
        current: Stored,
        state: Option<String>,
        #[serde(default)]
        forget: Option<String>,
    },
    /// The deadlines of every credential and goal as an iCalendar file.
    Calendar {
        current: Stored,
        today: NaiveDate,
        now: DateTime<Utc>,
    },
}

/// The text reader's files (Tesseract compiled to WebAssembly, its glue, and its English model),
/// under the names the build gave them (scripts/ocr-files.mjs writes them into index.html).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TextReaderFiles {
    /// The glue that loads the reader into the worker (static/ocr.js).
    pub glue: String,
    /// The reader built for WebAssembly SIMD, and without it for a browser that lacks SIMD.
    pub simd_script: String,
    pub simd_wasm: String,
    pub plain_script: String,
    pub plain_wasm: String,
    /// The English model (gzip).
    pub english: String,
}

/// Which CSV file of activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CsvFile {
    /// For a spreadsheet: labels a person reads ("ACCME", "1.5 AMA PRA Category 1 Credit™").
    ForPeople,
    /// The app's documented columns and codes, which import back to the same activities.
    Records,
    /// The import template: the columns and an example row.
    Template,
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
        fields: Box<crate::domain::formats::certificate::CertificateFields>,
    },
    /// A long job's step, in words ("Loading the text reader…"): more answers follow.
    Step { message: String },
    /// What a photographed certificate states, and the text the reader saw, for her to check
    /// the fields against.
    PhotoRead {
        fields: Box<crate::domain::formats::certificate::CertificateFields>,
        text: String,
    },
    /// A spreadsheet or transcript read, for the mapping step.
    ActivitiesRead(Box<FileRead>),
    /// A transcript holds several learners' records: which is hers? (The file is read again
    /// with the answer; nothing of the others is imported.)
    ChooseLearner {
        message: String,
        learners: Vec<String>,
    },
    /// What importing its rows would do.
    ActivitiesChecked(Box<Checked>),
    /// This device's sync file, and its sync record to keep.
    SyncWritten {
        state: String,
        file_name: String,
        text: String,
        view: Box<crate::worker::sync::SyncView>,
    },
    /// The records after merging other devices' files (or settling an edit), to adopt, with the
    /// sync record to keep, what to tell her, and the files refused with why.
    Synced(Box<crate::worker::sync::Synced>),
    /// What this device says first face to face, and the sync record to keep.
    SyncHello {
        state: String,
        hello: Box<crate::storage::sync::file::Hello>,
    },
    /// A QR code drawn.
    QrDrawn(crate::worker::qr::Drawn),
    /// The text of the QR code in a picture, if one was found.
    QrRead { text: Option<String> },
    /// The Devices page's view, and the sync record to keep.
    SyncStatus {
        state: String,
        view: Box<crate::worker::sync::SyncView>,
    },
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
