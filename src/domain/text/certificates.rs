//! What a person reads about certificate files: why one was not kept, files gone from the
//! device, and how many counted activities lack one.

use std::fmt;

use crate::domain::model::attachment::{FileRefused, MAX_FILE_BYTES};
use crate::domain::model::credits::Amount;
use crate::domain::text::size::size_text;

impl fmt::Display for FileRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileRefused::NotAccepted { name } => write!(
                f,
                "“{name}” is not a PDF or an image (PNG, JPEG, WebP, HEIC): it was not kept."
            ),
            FileRefused::Empty { name } => write!(f, "“{name}” is empty: it was not kept."),
            FileRefused::TooLarge { name, size } => {
                // A file a few bytes over the limit rounds to the limit's own figure: say so.
                let mut shown = size_text(*size);
                if shown == size_text(MAX_FILE_BYTES) {
                    shown = format!("just over {shown}");
                }
                write!(
                    f,
                    "“{name}” is {shown}; certificates can be at most {}. Scan at a lower resolution or save as PDF, then try again.",
                    size_text(MAX_FILE_BYTES)
                )
            }
        }
    }
}

/// What to tell her when `count` certificate files her records name are not on this device.
pub fn missing_notice(count: usize) -> String {
    let (files, them) = if count == 1 {
        ("1 certificate is".to_string(), "it")
    } else {
        (format!("{count} certificates are"), "them")
    };
    format!(
        "{files} no longer on this device: the browser removed stored files, or part of this site's data was cleared. Your records still list {them}. Restore {them} from a backup made with certificates (Backup, then import it and choose Merge)."
    )
}

/// "3 of the 14 activities counting here have no certificate on file."
pub fn missing_sentence(missing: usize, counted: usize) -> Option<String> {
    match (missing, counted) {
        (_, 0) => None,
        (0, _) => Some("Every activity counting here has its certificate on file.".into()),
        (1, 1) => Some("The activity counting here has no certificate on file.".into()),
        (m, c) => Some(format!(
            "{m} of the {c} activities counting here {} no certificate on file.",
            if m == 1 { "has" } else { "have" }
        )),
    }
}

/// The question when a text says "CEU" without saying whose: "The text says 1.5 CEU without
/// saying whose CEU. Which did you earn?" with the two readings as the answers.
pub fn ceu_question(amount: Amount, number: &dyn Fn(Amount) -> String) -> (String, String, String) {
    let ten = amount.scale_percent(1000);
    (
        format!(
            "The text says {} CEU without saying whose. An IACET CEU is ten contact hours; many \
             boards and AARC count one CEU as one contact hour. Which did you earn?",
            number(amount)
        ),
        format!("{} contact hours (IACET: 1 CEU = 10 hours)", number(ten)),
        format!("{} contact hours (1 CEU = 1 hour)", number(amount)),
    )
}

/// What reading a photo says while it works, step by step.
pub mod photo_steps {
    pub const OPENING: &str = "Opening the photo…";
    pub const LOADING: &str =
        "Loading the text reader (the first time only: it then works offline too)…";
    pub const READING: &str = "Reading the photo on this device…";
}

/// Why a photo was not read, for the note beside the file.
pub fn photo_not_read(name: &str, why: PhotoNotRead) -> String {
    match why {
        PhotoNotRead::CannotOpen => format!(
            "“{name}” could not be opened as a picture in this browser (an iPhone's HEIC photo opens in Safari; elsewhere save it as JPEG). It will still be attached when you save: fill in the form."
        ),
        PhotoNotRead::ReaderMissing => format!(
            "The text reader could not be loaded (it is fetched the first time a photo is read, then kept for offline use): connect once and try again. “{name}” will still be attached when you save."
        ),
        PhotoNotRead::NothingRead => format!(
            "No text could be read in “{name}”: photograph the page flat, filling the frame, in even light, or fill in the form. It will be attached when you save."
        ),
    }
}

/// Why a photo was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoNotRead {
    /// The browser could not decode the file as an image.
    CannotOpen,
    /// The reader's files could not be fetched or started.
    ReaderMissing,
    /// The reader found no text.
    NothingRead,
}
