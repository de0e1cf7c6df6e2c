//! Activities from other files — a spreadsheet (CSV), a provider's MedBiquitous Activity Report,
//! an ACCME learner transcript — read in the worker: the file is read once, the user maps its
//! columns (a spreadsheet) and its unknown credit types, the rows are checked with their line
//! numbers and compared with the activities here, and only on confirmation are the good ones
//! added. Pure; the worker (`src/worker.rs`) holds one [`ActivityImport`] between the steps.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::formats::provider_transcript;
use crate::domain::formats::spreadsheet::{self, DateOrder, Mapping, Preview, RowProblem, Table};
use crate::domain::model::activity::Activity;

use crate::storage::data::AppData;
use crate::worker::protocol::{from_stored, to_stored, Response, Stored};

/// Rows shown in the mapping step under each column.
pub const SAMPLE_ROWS: usize = 5;
/// Problems sent to the page (the count says how many there were in all).
pub const PROBLEMS_SHOWN: usize = 200;
/// Activities listed in the preview.
pub const PREVIEW_ROWS: usize = 10;

/// What kind of file it was, for the page to say and to decide whether columns are asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// A spreadsheet: its columns are mapped by the user. `encoding` is how its bytes were read.
    Csv { encoding: String },
    /// A transcript in a published format: its fields map to ours without asking.
    Transcript {
        format: String,
        /// Whose records these are, when the file names the learner.
        #[serde(default)]
        learner: Option<String>,
    },
}

/// The file as read, before anything is checked: what the mapping step shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRead {
    pub source: Source,
    pub headers: Vec<String>,
    /// The first rows, for the mapping step.
    pub sample: Vec<Vec<String>>,
    pub rows: usize,
    /// The columns as guessed (a spreadsheet) or as the format defines them (a transcript).
    pub mapping: Mapping,
    /// Each column's possible date orders ([`spreadsheet::mapped_date_orders`] combines them).
    pub date_orders: Vec<Vec<DateOrder>>,
}

/// What importing would do, for the preview: nothing has changed yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// Activities that read well (duplicates included).
    pub ready: usize,
    /// Of those, how many equal one already here (same title, date and credits).
    pub duplicates: usize,
    /// The first problems, each with its line in the file.
    pub problems: Vec<RowProblem>,
    pub problem_total: usize,
    /// Credit types the file names that the app does not know, with how many rows use each.
    pub unknown_credit_types: Vec<(String, usize)>,
    /// Topics of the file the app does not know (left out until mapped), with their rows.
    #[serde(default)]
    pub unknown_topics: Vec<(String, usize)>,
    /// The first activities that would be added, as the preview lists them.
    pub first: Vec<PreviewRow>,
    /// The records with these activities added (duplicates skipped) would not fit in the
    /// browser's storage: their size in UTF-16 units, for the warning.
    #[serde(default)]
    pub too_large: Option<usize>,
}

/// One activity as the preview lists it: its title, date completed and credits in words
/// ("1.5 AMA PRA Category 1 Credit™, 2 ANCC contact hours"). A summary rather than the
/// activity, so the page does not carry a second way to read activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewRow {
    pub title: String,
    pub end: NaiveDate,
    pub credits: String,
}

impl PreviewRow {
    fn of(a: &Activity) -> Self {
        PreviewRow {
            title: a.title.clone(),
            end: a.end,
            credits: spreadsheet::credits_for_people(a, ", "),
        }
    }
}

/// A file being imported, between the worker's steps.
#[derive(Debug, Clone)]
pub struct ActivityImport {
    table: Table,
    current: AppData,
    today: NaiveDate,
    now: DateTime<Utc>,
    preview: Option<Preview>,
}

/// Reads a file's bytes (a spreadsheet or a transcript) for the mapping step.
pub fn read(
    bytes: &[u8],
    current: &Stored,
    today: NaiveDate,
    now: DateTime<Utc>,
    learner: Option<&str>,
) -> Result<(ActivityImport, FileRead), Response> {
    let current = from_stored(current).map_err(|e| Response::Failed {
        message: format!("The records here could not be read to compare with the file ({e})."),
    })?;
    let failed = |message: String| Response::Failed { message };
    // A PDF: a pharmacist's CPE Monitor transcript, read from its text layer.
    let pdf = bytes.starts_with(b"%PDF-").then(|| {
        let text = crate::domain::formats::pdf_text::text_of(bytes).unwrap_or_default();
        if provider_transcript::cpe_monitor::is_transcript(&text) {
            provider_transcript::cpe_monitor::read(&text)
        } else {
            Err("This PDF is not a CPE Monitor activity transcript. A certificate PDF goes on the activity form (“Start from a certificate”); a PDF of a list of activities from another source can be saved as CSV and imported here."
                .to_string()
                .into())
        }
    });
    let (text, encoding) = spreadsheet::decode(bytes);
    // A transcript's columns are fixed by its format; a spreadsheet's are guessed below.
    let (table, fixed, source) = match pdf.or_else(|| provider_transcript::read(&text, learner)) {
        Some(Ok(t)) => {
            let source = Source::Transcript {
                format: t.format.to_string(),
                learner: t.learner,
            };
            (t.table, Some(t.mapping), source)
        }
        Some(Err(r)) if !r.learners.is_empty() => {
            return Err(Response::ChooseLearner {
                message: r.message,
                learners: r.learners,
            })
        }
        Some(Err(r)) => return Err(failed(r.message)),
        None => {
            if bytes.contains(&0) {
                return Err(failed(
                    "This is not a spreadsheet saved as CSV, nor a transcript this app reads \
                     (a MedBiquitous Activity Report .xml or an ACCME learner transcript .json)."
                        .into(),
                ));
            }
            let table = spreadsheet::read_table(&text).map_err(failed)?;
            let encoding = match encoding {
                spreadsheet::Encoding::Utf8 => "UTF-8",
                spreadsheet::Encoding::Windows1252 => "Windows-1252",
            };
            let source = Source::Csv {
                encoding: encoding.into(),
            };
            (table, None, source)
        }
    };
    if table.rows.is_empty() {
        return Err(failed(
            "The file has no activities: only a header line, or nothing at all.".into(),
        ));
    }
    let (guessed, date_orders) = spreadsheet::guess_mapping(&table);
    let mapping = fixed.unwrap_or(guessed);
    let read = FileRead {
        source,
        headers: table.headers.clone(),
        sample: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|(_, r)| r.clone())
            .collect(),
        rows: table.rows.len(),
        mapping,
        date_orders,
    };
    let job = ActivityImport {
        table,
        current,
        today,
        now,
        preview: None,
    };
    Ok((job, read))
}

impl ActivityImport {
    /// Checks every row with `mapping`; `progress(rows read, rows)` as it goes.
    pub fn check(&mut self, mapping: &Mapping, progress: &mut dyn FnMut(usize, usize)) -> Checked {
        if mapping.targets.len() != self.table.headers.len() {
            // The page sends one target per column it was shown; anything else is a stale page.
            let p = Preview {
                activities: Vec::new(),
                problems: vec![RowProblem {
                    line: 1,
                    message: "The columns changed: choose the file again.".into(),
                }],
                duplicates: Vec::new(),
                unknown_credit_types: Vec::new(),
                unknown_topics: Vec::new(),
            };
            self.preview = None;
            return summary(&p);
        }
        let p = spreadsheet::preview_with_progress(
            &self.table,
            mapping,
            &self.current.activities,
            self.today,
            self.now,
            progress,
        );
        let mut checked = summary(&p);
        let duplicates: HashSet<usize> = p.duplicates.iter().copied().collect();
        let mut after = self.current.clone();
        after.activities.extend(
            p.activities
                .iter()
                .enumerate()
                .filter(|(i, _)| !duplicates.contains(i))
                .map(|(_, a)| std::sync::Arc::new(a.clone())),
        );
        checked.too_large = crate::storage::format::too_large(&after);
        self.preview = Some(p);
        checked
    }

    /// The records with the checked activities added (without those equal to one already here,
    /// with `skip_duplicates`), and what happened.
    pub fn import(&self, skip_duplicates: bool) -> Response {
        let Some(p) = &self.preview else {
            return Response::Failed {
                message: "Check the file's rows before importing them.".into(),
            };
        };
        let mut data = self.current.clone();
        let duplicates: HashSet<usize> = p.duplicates.iter().copied().collect();
        let mut ids: HashSet<uuid::Uuid> = data.activities.iter().map(|a| a.id).collect();
        let mut added = 0;
        for (i, a) in p.activities.iter().enumerate() {
            if skip_duplicates && duplicates.contains(&i) {
                continue;
            }
            let mut a = a.clone();
            // A file exported here carries ids; one already used here (a duplicate imported on
            // purpose, or an activity changed since) or twice in the file is added beside it,
            // never over it. With ids unique, the activity is simply added.
            if !ids.insert(a.id) {
                a.id = uuid::Uuid::new_v4();
                ids.insert(a.id);
            }
            data.activities.push(std::sync::Arc::new(a));
            added += 1;
        }
        // An activity deleted here and imported again from an older export is alive again.
        data.tombstones.retain(|t| !ids.contains(&t.id));
        let skipped = if skip_duplicates {
            p.duplicates.len()
        } else {
            0
        };
        let mut message = format!(
            "Imported {added} {}.",
            if added == 1 { "activity" } else { "activities" }
        );
        if skipped > 0 {
            message.push_str(&format!(
                " {skipped} already recorded {} skipped.",
                if skipped == 1 { "was" } else { "were" }
            ));
        }
        if !p.problems.is_empty() {
            let rows: std::collections::BTreeSet<u64> = p.problems.iter().map(|x| x.line).collect();
            message.push_str(&format!(
                " {} {} with problems {} not imported.",
                rows.len(),
                if rows.len() == 1 { "row" } else { "rows" },
                if rows.len() == 1 { "was" } else { "were" }
            ));
        }
        Response::Records {
            stored: to_stored(&data),
            message,
            files: Vec::new(),
        }
    }
}

fn summary(p: &Preview) -> Checked {
    let duplicates: HashSet<usize> = p.duplicates.iter().copied().collect();
    Checked {
        ready: p.activities.len(),
        duplicates: p.duplicates.len(),
        problems: p.problems.iter().take(PROBLEMS_SHOWN).cloned().collect(),
        problem_total: p.problems.len(),
        unknown_credit_types: p.unknown_credit_types.clone(),
        unknown_topics: p.unknown_topics.clone(),
        first: p
            .activities
            .iter()
            .enumerate()
            .filter(|(i, _)| !duplicates.contains(i))
            .take(PREVIEW_ROWS)
            .map(|(_, a)| PreviewRow::of(a))
            .collect(),
        too_large: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    fn now() -> DateTime<Utc> {
        Utc::now()
    }

    fn career() -> AppData {
        let mut d = AppData::default();
        for i in 0..30 {
            d.upsert_activity(
                activity(&format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1))
                    .title(&format!("Course {i}, part \"{}\"", i % 3))
                    .credit("AMA_PRA_CAT1", "1.25")
                    .build(),
            );
        }
        d
    }

    fn exported(d: &AppData) -> String {
        let Response::Exported { text } =
            crate::worker::exports::csv(&to_stored(d), crate::worker::protocol::CsvFile::Records)
        else {
            panic!()
        };
        text
    }

    #[test]
    fn the_csv_for_a_spreadsheet_is_in_words_newest_first() {
        let Response::Exported { text } = crate::worker::exports::csv(
            &to_stored(&career()),
            crate::worker::protocol::CsvFile::ForPeople,
        ) else {
            panic!()
        };
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 31);
        assert!(rows[0]
            .starts_with("Title,Provider,Accredited by,Start,Completed,Format,Status,Credit"));
        assert!(rows[1].contains("2024-12-"), "{}", rows[1]);
        assert!(
            rows[1].contains("1.25 AMA PRA Category 1 Credit™"),
            "{}",
            rows[1]
        );
        assert!(!text.contains("AMA_PRA_CAT1"));
    }

    #[test]
    fn a_csv_export_imports_into_an_empty_profile_as_the_same_activities() {
        let mine = career();
        let text = exported(&mine);
        let empty = to_stored(&AppData::default());
        let (mut job, read) =
            read(text.as_bytes(), &empty, date("2026-06-30"), now(), None).unwrap();
        assert_eq!(read.rows, 30);
        assert_eq!(
            read.source,
            Source::Csv {
                encoding: "UTF-8".into()
            }
        );
        let mut seen = Vec::new();
        let checked = job.check(&read.mapping, &mut |d, t| seen.push((d, t)));
        assert_eq!(seen.last(), Some(&(30, 30)));
        assert_eq!(
            (checked.ready, checked.duplicates, checked.problem_total),
            (30, 0, 0)
        );
        let Response::Records {
            stored, message, ..
        } = job.import(true)
        else {
            panic!()
        };
        assert_eq!(message, "Imported 30 activities.");
        let back = from_stored(&stored).unwrap();
        let key = |d: &AppData| {
            let mut v: Vec<_> = d
                .activities
                .iter()
                .map(|a| (a.id, a.title.clone(), a.end, format!("{:?}", a.credits)))
                .collect();
            v.sort();
            v
        };
        assert_eq!(key(&back), key(&mine));
    }

    #[test]
    fn bad_rows_are_named_nothing_changes_until_confirmed_and_duplicates_are_skipped() {
        let mine = career();
        let mut text = exported(&mine);
        text.push_str("Broken row,,,,2025-13-45,,,AMA_PRA_CAT1=1,,,,\r\n");
        text.push_str("New course,,,,2025-05-05,,,AMA_PRA_CAT1=2,,,,\r\n");
        let here = to_stored(&mine);
        let (mut job, read) =
            read(text.as_bytes(), &here, date("2026-06-30"), now(), None).unwrap();
        let checked = job.check(&read.mapping, &mut |_, _| {});
        assert_eq!((checked.ready, checked.duplicates), (31, 30));
        assert_eq!(checked.problems.len(), 1);
        // The header is line 1, the 30 exported rows lines 2–31 (CRLF line ends).
        assert_eq!(checked.problems[0].line, 32);
        // Only the new course is listed as what would be added.
        let first: Vec<&str> = checked.first.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(first, ["New course"]);
        let Response::Records {
            stored, message, ..
        } = job.import(true)
        else {
            panic!()
        };
        assert_eq!(
            message,
            "Imported 1 activity. 30 already recorded were skipped. 1 row with problems was not imported."
        );
        let after = from_stored(&stored).unwrap();
        assert_eq!(after.activities.len(), 31);
        // Imported anyway, a duplicate gets an id of its own: nothing here is overwritten.
        let Response::Records { stored, .. } = job.import(false) else {
            panic!()
        };
        let both = from_stored(&stored).unwrap();
        assert_eq!(both.activities.len(), 61);
        let ids: HashSet<_> = both.activities.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), 61);
    }

    #[test]
    fn records_too_large_for_the_browser_are_announced_before_the_import() {
        let mut text = String::from("Course,Date Completed,Credit Hours\n");
        for i in 0..50_000 {
            text.push_str(&format!(
                "Imported course {i},2024-03-{:02},1.25\n",
                i % 28 + 1
            ));
        }
        let empty = to_stored(&AppData::default());
        let (mut job, file) =
            read(text.as_bytes(), &empty, date("2026-06-30"), now(), None).unwrap();
        let checked = job.check(&file.mapping, &mut |_, _| {});
        assert_eq!(checked.ready, 50_000);
        let units = checked
            .too_large
            .expect("50,000 activities are over the budget");
        assert!(units > crate::storage::format::STORAGE_UNITS_BUDGET);
        // The first 300 rows fit.
        let small: String = text.lines().take(301).collect::<Vec<_>>().join("\n");
        let (mut job, file) =
            read(small.as_bytes(), &empty, date("2026-06-30"), now(), None).unwrap();
        assert_eq!(job.check(&file.mapping, &mut |_, _| {}).too_large, None);
    }

    #[test]
    fn a_file_that_is_not_activities_is_refused_with_a_message() {
        let empty = to_stored(&AppData::default());
        for (bytes, says) in [
            (&b"title,end\r\n"[..], "has no activities"),
            (&b"\x89PNG\r\n\x1a\n\0\0\0"[..], "not a spreadsheet"),
            (&b"<html></html>"[..], "not a MedBiquitous"),
        ] {
            let Err(Response::Failed { message }) =
                read(bytes, &empty, date("2026-06-30"), now(), None)
            else {
                panic!("{says}")
            };
            assert!(message.contains(says), "{message}");
        }
    }
}
