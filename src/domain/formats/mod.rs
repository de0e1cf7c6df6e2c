//! Files in and out: the activity spreadsheet (CSV), provider transcripts (XML), the calendar
//! (iCalendar), certificate text and PDF text layers, photographed pages made ready for the text
//! reader, the audit report's data, and ACPE's Universal Activity Numbers. Pure; the readers run in the worker, so none of their
//! crates is in the first download.

pub mod calendar;
pub mod certificate;
pub mod changelog;
pub mod nccpa;
pub mod pdf_text;
pub mod photo;
pub mod provider_transcript;
pub mod report;
pub mod spreadsheet;
pub mod uan;
