//! Activities as CSV: the export in documented columns (docs/csv.md), and the import of any
//! spreadsheet or other tracker's file — its text decoded (UTF-8 with or without a byte-order
//! mark, else Windows-1252), its columns guessed from their headers, dates read in the order the
//! file uses (asked when the file cannot tell), amounts with a decimal point or comma — into
//! activities checked by the same rules as the activity form, each problem named by its row.
//!
//! Pure, and run in the worker: the `csv` crate never reaches the first download.

use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Borrow;
use uuid::Uuid;

use crate::domain::draft::ReflectionDraft;
use crate::domain::draft::{ActivityDraft, CreditDraft};
use crate::domain::model::activity::{Accreditor, Activity, ActivityStatus, Format};
use crate::domain::model::codes::Coded;
use crate::domain::model::credits::Amount;
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab;

/// The export's columns, in order (docs/csv.md documents each).
pub const COLUMNS: [&str; 17] = [
    "title",
    "provider",
    "accreditor",
    "start",
    "end",
    "format",
    "status",
    "credits",
    "topics",
    "tags",
    "notes",
    "id",
    "learned",
    "will_change",
    "follow_up",
    "changed",
    "what_happened",
];

/// Several values in one cell ("AMA_PRA_CAT1=1.5; ABIM_MOC_POINT=1.5") are separated by this.
pub const LIST_SEPARATOR: &str = "; ";

/// A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
/// Injection"): a title such as `=HYPERLINK(…)` from someone else's file would run when the
/// export is opened.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: one that a spreadsheet would run as a formula gets a leading `'`, which
/// spreadsheets show as text and [`read_table`] takes off again.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as read: the `'` that [`inert`] (or a spreadsheet) put before a formula's first
/// character is not part of the text.
fn cell_text(cell: &str) -> String {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => t.to_string(),
    }
}

/// Every activity as CSV, one row each, with a header row. Credits are `TYPE=amount` pairs, topics
/// `topic` or `topic=hours` (hours when less than the whole activity), tags a list; codes are the
/// app's own (the backup's), so a file exported here imports back to the same activities.
pub fn export<A: Borrow<Activity>>(activities: &[A]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a record's fields are plain strings.
    let _ = w.write_record(COLUMNS);
    for a in activities.iter().map(Borrow::borrow) {
        let credits = a
            .credits
            .iter()
            .map(|d| format!("{}={}", d.credit_type.as_str(), d.amount.display_short()))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR);
        let topics = a
            .topics
            .iter()
            .map(|t| match a.topic_hours.get(t) {
                Some(h) => format!("{}={}", t.as_str(), h.display_short()),
                None => t.as_str().to_string(),
            })
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR);
        let r = a.reflection.as_ref();
        let cells = [
            a.title.as_str(),
            a.provider.as_str(),
            a.accreditor.code(),
            &a.start.to_string(),
            &a.end.to_string(),
            a.format.code(),
            a.status.code(),
            &credits,
            &topics,
            &a.tags.join(LIST_SEPARATOR),
            a.notes.as_str(),
            &a.id.to_string(),
            r.map_or("", |r| r.learned.as_str()),
            r.map_or("", |r| r.will_change.as_str()),
            &r.and_then(|r| r.follow_up)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            r.and_then(|r| r.outcome.as_ref())
                .map_or("", |o| o.changed.code()),
            r.and_then(|r| r.outcome.as_ref())
                .map_or("", |o| o.what_happened.as_str()),
        ];
        let _ = w.write_record(cells.iter().map(|c| inert(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The import template: the export's header and one example row (an activity of two
/// designations, one topic with its hours), for a spreadsheet to be filled in and imported.
pub fn template() -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    let _ = w.write_record([
        "Sepsis update (example row: replace it)",
        "Example Medical Society",
        Accreditor::Accme.code(),
        "2025-03-10",
        "2025-03-11",
        Format::Conference.code(),
        ActivityStatus::Completed.code(),
        "AMA_PRA_CAT1=6; ABIM_MOC_POINT=6",
        "ethics_professional_responsibility=1",
        "conference; 2025",
        "Dates as YYYY-MM-DD; leave id empty",
        "",
        "What I learned (optional)",
        "What I will change in practice",
        "2025-06-11",
        "",
        "",
    ]);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Excel's "CSV" on Windows: every byte is a character.
    Windows1252,
}

/// The file's text: UTF-8 (a byte-order mark is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| cp1252(b)).collect(),
            Encoding::Windows1252,
        ),
    }
}

/// One Windows-1252 byte as a character (0x80–0x9F differ from Latin-1).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The rows of a file: its header and each row with its line number in the file (a quoted cell
/// may hold line breaks, so rows and lines differ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads CSV text: the delimiter is a comma, a semicolon (spreadsheets where the decimal mark is a
/// comma) or a tab, whichever the header line uses most; quoted cells may hold delimiters, quotes
/// and line breaks.
pub fn read_table(text: &str) -> Result<Table, String> {
    // The csv crate counts a CRLF file's first data row as line 1 (an LF file's as line 2):
    // with line ends made LF, every row's line is the one a spreadsheet shows. A line break
    // inside a quoted cell becomes LF too, as the activity form would store it.
    let text = &text.replace("\r\n", "\n");
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .map_err(|e| format!("The first line could not be read as CSV headers ({e})."))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err("The file is empty: its first line should name the columns.".into());
    }
    let mut rows = Vec::new();
    for record in r.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!(
                "Line {}: this row could not be read as CSV ({e}).",
                p.line()
            ),
            None => format!("A row could not be read as CSV ({e})."),
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        rows.push((line, record.iter().map(cell_text).collect()));
    }
    Ok(Table { headers, rows })
}

/// What a column holds.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Ignore,
    Title,
    Provider,
    Accreditor,
    Start,
    End,
    Format,
    Status,
    /// `TYPE=amount` pairs, as exported here.
    Credits,
    /// One amount, of the type in the credit-type column (or the default type).
    Amount,
    CreditType,
    Topics,
    Tags,
    Notes,
    Id,
    /// The reflection: what I learned, what I will change, the follow-up date, and at
    /// follow-up whether it changed (`yes`, `partly`, `no`) and what happened.
    Learned,
    WillChange,
    FollowUp,
    Changed,
    WhatHappened,
}

impl Target {
    pub fn label(self) -> &'static str {
        match self {
            Target::Ignore => "Not imported",
            Target::Title => "Title",
            Target::Provider => "Provider",
            Target::Accreditor => "Accreditor",
            Target::Start => "Start date",
            Target::End => "Date completed",
            Target::Format => "Format",
            Target::Status => "Completed or planned",
            Target::Credits => "Credits (TYPE=amount; …)",
            Target::Amount => "Credit amount",
            Target::CreditType => "Credit type",
            Target::Topics => "Topics",
            Target::Tags => "Tags",
            Target::Notes => "Notes",
            Target::Id => "Id (from a CME Tracker export)",
            Target::Learned => "Reflection: what I learned",
            Target::WillChange => "Reflection: what I will change",
            Target::FollowUp => "Reflection: follow-up date",
            Target::Changed => "Follow-up: did it change (yes, partly, no)",
            Target::WhatHappened => "Follow-up: what happened",
        }
    }

    /// Header words other trackers and spreadsheets use for this column, lower case.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Target::Ignore => &[],
            Target::Title => &[
                "title",
                "course",
                "course title",
                "course name",
                "activity",
                "activity title",
                "activity name",
                "program",
                "program title",
                "event",
                "name",
                "description",
            ],
            Target::Provider => &[
                "provider",
                "sponsor",
                "organization",
                "organisation",
                "accredited provider",
                "provider name",
                "offered by",
                "cme provider",
            ],
            Target::Accreditor => &["accreditor", "accrediting body", "accreditation"],
            Target::Start => &["start", "start date", "begin date", "date started", "from"],
            Target::End => &[
                "end",
                "end date",
                "date completed",
                "completion date",
                "date",
                "completed",
                "date of completion",
                "activity date",
                "completed on",
                "to",
            ],
            Target::Format => &["format", "activity type", "delivery", "delivery method"],
            Target::Status => &["status"],
            Target::Credits => &["credits (type=amount)"],
            Target::Amount => &[
                "credit hours",
                "credits",
                "credit",
                "hours",
                "ce hours",
                "cme hours",
                "contact hours",
                "amount",
                "cme credits",
                "ce credits",
                "credits earned",
                "hours earned",
                "units",
            ],
            Target::CreditType => &[
                "ce type",
                "cme type",
                "credit type",
                "type",
                "category",
                "credit category",
                "designation",
                "credit designation",
            ],
            Target::Topics => &["topics", "topic", "subject", "subjects", "content area"],
            Target::Tags => &["tags", "tag", "labels"],
            Target::Notes => &["notes", "note", "comments", "comment", "remarks"],
            Target::Id => &["id"],
            Target::Learned => &["learned", "what i learned", "learning", "reflection"],
            Target::WillChange => &[
                "will_change",
                "what i will change",
                "change in practice",
                "practice change",
            ],
            Target::FollowUp => &["follow_up", "follow-up", "follow up", "follow-up date"],
            Target::Changed => &["changed", "did it change"],
            Target::WhatHappened => &["what_happened", "what happened", "outcome", "impact"],
        }
    }
}

/// The column each header most likely holds; each target is guessed for one column at most, and
/// a file exported here maps to itself.
pub fn guess_targets(headers: &[String]) -> Vec<Target> {
    let exported = headers.len() == COLUMNS.len()
        && headers
            .iter()
            .zip(COLUMNS)
            .all(|(h, c)| h.eq_ignore_ascii_case(c));
    let mut taken: Vec<Target> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let h = h.trim().to_lowercase();
            let found = if exported && h == "credits" {
                Some(Target::Credits)
            } else {
                Target::ALL
                    .iter()
                    .copied()
                    .find(|t| !taken.contains(t) && t.synonyms().contains(&h.as_str()))
            };
            match found {
                Some(t) => {
                    taken.push(t);
                    t
                }
                None => Target::Ignore,
            }
        })
        .collect()
}

/// How a file writes its dates (ISO dates are read whatever is chosen).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 2025-03-10
    Iso,
    /// 03/10/2025 (United States)
    MonthFirst,
    /// 10/03/2025, 10.03.2025 (Europe and most of the world)
    DayFirst,
}

impl DateOrder {}

/// The three numbers of a date, as written: `(first, second, year)` for `a/b/yyyy`, or the ISO
/// date itself.
fn date_parts(text: &str) -> Option<Result<NaiveDate, (u32, u32, i32)>> {
    let t = text.trim();
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    if let Ok(d) = t.parse::<NaiveDate>() {
        return Some(Ok(d));
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    let year: i32 = y.parse().ok()?;
    let year = match (y.len(), year) {
        (2, y) if y < 70 => 2000 + y,
        (2, y) => 1900 + y,
        (4, y) => y,
        _ => return None,
    };
    Some(Err((a, b, year)))
}

/// A date written in `order`.
pub fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    match date_parts(text)? {
        Ok(d) => Some(d),
        Err((a, b, y)) => match order {
            DateOrder::MonthFirst | DateOrder::Iso => NaiveDate::from_ymd_opt(y, a, b),
            DateOrder::DayFirst => NaiveDate::from_ymd_opt(y, b, a),
        },
    }
}

/// The orders that read every one of `dates` (empty cells skipped): one means the file says how it
/// writes dates; two (every day 12 or less) mean the user must be asked.
pub fn date_orders<'a>(dates: impl Iterator<Item = &'a str>) -> Vec<DateOrder> {
    let mut month_first = true;
    let mut day_first = true;
    let mut slashed = false;
    for d in dates.filter(|d| !d.trim().is_empty()) {
        match date_parts(d) {
            Some(Ok(_)) => {}
            Some(Err((a, b, y))) => {
                slashed = true;
                month_first &= NaiveDate::from_ymd_opt(y, a, b).is_some();
                day_first &= NaiveDate::from_ymd_opt(y, b, a).is_some();
            }
            None => {}
        }
    }
    match (slashed, month_first, day_first) {
        (false, _, _) => vec![DateOrder::Iso],
        (true, true, true) => vec![DateOrder::MonthFirst, DateOrder::DayFirst],
        (true, true, false) => vec![DateOrder::MonthFirst],
        (true, false, true) => vec![DateOrder::DayFirst],
        // No order reads them all: the rows that do not read are named at import.
        (true, false, false) => vec![DateOrder::MonthFirst, DateOrder::DayFirst],
    }
}

/// The date orders every column read as dates allows (`per_column` from [`date_orders`] over each
/// column, `targets` the user's mapping): one means the file says; two mean the user is asked.
/// A column of ISO dates reads in any order, so it narrows nothing.
pub fn mapped_date_orders(per_column: &[Vec<DateOrder>], targets: &[Target]) -> Vec<DateOrder> {
    let mut orders = vec![DateOrder::MonthFirst, DateOrder::DayFirst];
    let mut slashed = false;
    for (column, target) in per_column.iter().zip(targets) {
        if matches!(target, Target::Start | Target::End) && column.as_slice() != [DateOrder::Iso] {
            slashed = true;
            orders.retain(|o| column.contains(o));
        }
    }
    match (slashed, orders.is_empty()) {
        (false, _) => vec![DateOrder::Iso],
        // No order reads every column: the rows that do not read are named at import.
        (true, true) => vec![DateOrder::MonthFirst, DateOrder::DayFirst],
        (true, false) => orders,
    }
}

/// The file's columns as guessed from its headers, the date order its date columns allow (the
/// first, when the user must be asked), and each column's possible date orders.
pub fn guess_mapping(table: &Table) -> (Mapping, Vec<Vec<DateOrder>>) {
    let per_column: Vec<Vec<DateOrder>> = (0..table.headers.len())
        .map(|i| {
            date_orders(
                table
                    .rows
                    .iter()
                    .filter_map(|(_, r)| r.get(i).map(String::as_str)),
            )
        })
        .collect();
    let targets = guess_targets(&table.headers);
    let date_order = mapped_date_orders(&per_column, &targets)[0];
    let mapping = Mapping {
        targets,
        date_order,
        default_credit_type: "AMA_PRA_CAT1".into(),
        credit_types: Default::default(),
    };
    (mapping, per_column)
}

/// An amount as spreadsheets write it: `1.5`, `1,5` (decimal comma), `1,000.5`, with an optional
/// unit word after it (`1.5 hours`).
pub fn parse_amount(text: &str) -> Option<Amount> {
    let t = text.trim();
    let number: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    if number.is_empty() {
        return None;
    }
    let normal = if number.contains('.') {
        number.replace(',', "")
    } else {
        number.replace(',', ".")
    };
    Amount::parse(&normal).ok()
}

/// What the user chose in the mapping step.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    /// One per column of the file.
    pub targets: Vec<Target>,
    pub date_order: DateOrder,
    /// The credit type of an amount without a credit-type column (or with an empty cell).
    pub default_credit_type: String,
    /// Credit types the file names that the app does not know, mapped by the user to one of the
    /// app's codes (file text → code); a type not listed is kept as the user's own type.
    #[serde(default)]
    pub credit_types: std::collections::BTreeMap<String, String>,
}

/// The mappings chosen for earlier files, most recent first, each under its file's header
/// line: a file with the same columns (next month's export from the same tracker) is mapped the
/// same way without asking again.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RememberedMappings(Vec<(String, Mapping)>);

impl RememberedMappings {
    /// How many header lines are remembered.
    pub const MAX: usize = 20;

    fn signature(headers: &[String]) -> String {
        headers
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    /// The mapping chosen last for a file with these headers.
    pub fn find(&self, headers: &[String]) -> Option<&Mapping> {
        let sig = Self::signature(headers);
        self.0
            .iter()
            .find(|(s, m)| *s == sig && m.targets.len() == headers.len())
            .map(|(_, m)| m)
    }

    /// Remembers `mapping` for these headers, in front; the oldest beyond [`Self::MAX`] go.
    pub fn remember(&mut self, headers: &[String], mapping: &Mapping) {
        let sig = Self::signature(headers);
        self.0.retain(|(s, _)| *s != sig);
        self.0.insert(0, (sig, mapping.clone()));
        self.0.truncate(Self::MAX);
    }
}

impl Mapping {
    /// Column `column` holds `target`; a column that held the same target before no longer does
    /// (each is read from one column), except "not imported".
    pub fn assign(&mut self, column: usize, target: Target) {
        if target != Target::Ignore {
            for t in self.targets.iter_mut().filter(|t| **t == target) {
                *t = Target::Ignore;
            }
        }
        if let Some(t) = self.targets.get_mut(column) {
            *t = target;
        }
    }

    /// An unknown credit type of the file is imported as `code` (empty: as the user's own type).
    pub fn map_credit_type(&mut self, text: &str, code: &str) {
        if code.is_empty() {
            self.credit_types.remove(text);
        } else {
            self.credit_types.insert(text.to_string(), code.to_string());
        }
    }

    /// What the mapping lacks before rows can be checked, as sentences for the mapping step.
    pub fn missing(&self) -> Vec<&'static str> {
        let has = |t: Target| self.targets.contains(&t);
        let mut out = Vec::new();
        if !has(Target::Title) {
            out.push("Choose the column that holds each activity's title.");
        }
        if !has(Target::End) {
            out.push("Choose the column that holds the date each activity was completed.");
        }
        if !has(Target::Credits) && !has(Target::Amount) {
            out.push("Choose the column that holds the credits (an amount, or TYPE=amount pairs).");
        }
        out
    }
}

/// A row that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowProblem {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub message: String,
}

/// What importing the file would do: nothing is stored until the user confirms.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub activities: Vec<Activity>,
    pub problems: Vec<RowProblem>,
    /// Indexes into `activities` of those equal to one already kept (same title, end date and
    /// credits): offered as skipped.
    pub duplicates: Vec<usize>,
    /// Credit types the file names that the app does not know, taken as the user's own types
    /// (`custom:…`), with how many rows use each: shown for the user to check or map.
    pub unknown_credit_types: Vec<(String, usize)>,
}

/// A credit type as a file names it: a code (`AMA_PRA_CAT1`), a label or short label ("AMA PRA
/// Category 1 Credit™", "AMA Cat 1"), else the user's own type.
pub fn credit_type_code(text: &str) -> (String, bool) {
    let t = text.trim();
    let plain = |s: &str| {
        s.to_lowercase()
            .replace(['™', '®'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = plain(t);
    let known = vocab::CREDIT_TYPES.iter().find(|c| {
        c.code.eq_ignore_ascii_case(t) || plain(c.label) == wanted || plain(c.short) == wanted
    });
    match known {
        Some(c) => (c.code.to_string(), true),
        None if t.starts_with("custom:") => (t.to_string(), true),
        None => (format!("custom:{t}"), false),
    }
}

fn topic_code(text: &str) -> Option<TopicId> {
    let t = text.trim();
    vocab::TOPICS
        .iter()
        .find(|x| x.code.eq_ignore_ascii_case(t) || x.label.eq_ignore_ascii_case(t))
        .map(|x| TopicId::new(x.code))
}

fn coded<T: Coded + Copy>(all: &[T], text: &str, label: impl Fn(T) -> &'static str) -> Option<T> {
    let t = text.trim();
    all.iter()
        .copied()
        .find(|v| v.code().eq_ignore_ascii_case(t) || label(*v).eq_ignore_ascii_case(t))
}

/// Reads every row of `table` with `mapping` into activities checked like the activity form's, and
/// compares them with `existing`. `today` decides which dates are "future" (planned only).
pub fn preview<A: Borrow<Activity>>(
    table: &Table,
    mapping: &Mapping,
    existing: &[A],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Preview {
    preview_with_progress(table, mapping, existing, today, now, &mut |_, _| {})
}

/// [`preview`], calling `progress(rows read, rows)` every thousand rows (and at the end), so a
/// long file shows how far it has come.
pub fn preview_with_progress<A: Borrow<Activity>>(
    table: &Table,
    mapping: &Mapping,
    existing: &[A],
    today: NaiveDate,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(usize, usize),
) -> Preview {
    let mut out = Preview {
        activities: Vec::new(),
        problems: Vec::new(),
        duplicates: Vec::new(),
        unknown_credit_types: Vec::new(),
    };
    let column = |t: Target| mapping.targets.iter().position(|x| *x == t);
    let cell = |row: &[String], t: Target| -> String {
        column(t)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let key = |a: &Activity| {
        let mut credits: Vec<(String, Amount)> = a
            .credits
            .iter()
            .map(|d| (d.credit_type.as_str().to_string(), d.amount))
            .collect();
        crate::domain::model::sort::sort(&mut credits);
        (a.title.trim().to_lowercase(), a.end, credits)
    };
    let kept: std::collections::HashSet<_> = existing.iter().map(Borrow::borrow).map(key).collect();
    let total = table.rows.len();
    for (n, (line, row)) in table.rows.iter().enumerate() {
        if n % 1000 == 0 {
            progress(n, total);
        }
        let line = *line;
        let mut problems: Vec<String> = Vec::new();
        let date = |t: Target, problems: &mut Vec<String>| {
            let text = cell(row, t);
            if text.is_empty() {
                return String::new();
            }
            match parse_date(&text, mapping.date_order) {
                Some(d) => d.to_string(),
                None => {
                    problems.push(format!("“{text}” is not a date."));
                    String::new()
                }
            }
        };
        let end = date(Target::End, &mut problems);
        let start = match date(Target::Start, &mut problems) {
            s if s.is_empty() => end.clone(),
            s => s,
        };
        let mut credits: Vec<CreditDraft> = Vec::new();
        // An unknown type stays listed (with its count) after the user has mapped it, so the
        // choice can be changed; the mapped code is what the activity gets.
        let mut note_type = |code: &str, known: bool, text: &str| {
            if known {
                return code.to_string();
            }
            match out.unknown_credit_types.iter_mut().find(|(t, _)| t == text) {
                Some((_, n)) => *n += 1,
                None => out.unknown_credit_types.push((text.to_string(), 1)),
            }
            mapping
                .credit_types
                .get(text)
                .cloned()
                .unwrap_or_else(|| code.to_string())
        };
        let pairs = cell(row, Target::Credits);
        for pair in pairs.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match pair.rsplit_once('=') {
                Some((t, a)) => {
                    let (code, known) = credit_type_code(t);
                    credits.push(CreditDraft {
                        credit_type: note_type(&code, known, t.trim()),
                        amount: parse_amount(a).map_or(a.trim().to_string(), |x| x.display_short()),
                    });
                }
                None => problems.push(format!("“{pair}” is not TYPE=amount.")),
            }
        }
        let amount = cell(row, Target::Amount);
        if !amount.is_empty() {
            let type_text = cell(row, Target::CreditType);
            let credit_type = if type_text.is_empty() {
                mapping.default_credit_type.clone()
            } else {
                let (code, known) = credit_type_code(&type_text);
                note_type(&code, known, &type_text)
            };
            match parse_amount(&amount) {
                Some(a) => credits.push(CreditDraft {
                    credit_type,
                    amount: a.display_short(),
                }),
                None => problems.push(format!("“{amount}” is not an amount of credit.")),
            }
        }
        let mut topics: Vec<TopicId> = Vec::new();
        let mut topic_hours = std::collections::BTreeMap::new();
        let topic_text = cell(row, Target::Topics);
        for part in topic_text
            .split([';', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (name, hours) = match part.rsplit_once('=') {
                Some((n, h)) => (n, Some(h.trim())),
                None => (part, None),
            };
            match topic_code(name) {
                Some(t) => {
                    if let Some(h) = hours {
                        topic_hours.insert(t.clone(), h.to_string());
                    }
                    topics.push(t);
                }
                None => problems.push(format!("“{}” is not a topic this app knows.", name.trim())),
            }
        }
        let accreditor_text = cell(row, Target::Accreditor);
        let accreditor = if accreditor_text.is_empty() {
            Accreditor::Other
        } else {
            coded(Accreditor::ALL, &accreditor_text, Accreditor::label).unwrap_or_else(|| {
                problems.push(format!(
                    "“{accreditor_text}” is not an accreditor this app knows."
                ));
                Accreditor::Other
            })
        };
        let format_text = cell(row, Target::Format);
        let format = if format_text.is_empty() {
            Format::Other
        } else {
            coded(Format::ALL, &format_text, Format::label).unwrap_or(Format::Other)
        };
        let status_text = cell(row, Target::Status);
        let status = if status_text.is_empty() {
            ActivityStatus::Completed
        } else {
            coded(ActivityStatus::ALL, &status_text, ActivityStatus::label).unwrap_or_else(|| {
                problems.push(format!("“{status_text}” is neither completed nor planned."));
                ActivityStatus::Completed
            })
        };
        let draft = ActivityDraft {
            title: cell(row, Target::Title),
            provider: cell(row, Target::Provider),
            accreditor,
            start,
            end: end.clone(),
            format,
            credits,
            topics,
            topic_hours,
            tags: cell(row, Target::Tags).replace(';', ","),
            status,
            notes: cell(row, Target::Notes),
        };
        if end.is_empty() && problems.is_empty() {
            problems.push("The row has no date completed.".into());
        }
        if !problems.is_empty() {
            out.problems.extend(
                problems
                    .into_iter()
                    .map(|message| RowProblem { line, message }),
            );
            continue;
        }
        // The reflection's cells, checked by the reflection form's rules (a follow-up answer is
        // dated on the follow-up day, or today without one).
        let reflection = ReflectionDraft {
            learned: cell(row, Target::Learned),
            will_change: cell(row, Target::WillChange),
            follow_up: match cell(row, Target::FollowUp) {
                t if t.is_empty() => t,
                t => parse_date(&t, mapping.date_order).map_or(t, |d| d.to_string()),
            },
            changed: cell(row, Target::Changed).to_lowercase(),
            what_happened: cell(row, Target::WhatHappened),
        };
        let reflection = if reflection == ReflectionDraft::default() {
            Ok(None)
        } else {
            let end_date = parse_date(&end, DateOrder::Iso).unwrap_or(today);
            let follow_up = crate::domain::draft::parse_date(&reflection.follow_up);
            reflection
                .validate(end_date, None, follow_up.unwrap_or(today))
                .map(Some)
        };
        let reflection = match reflection {
            Ok(r) => r,
            Err(errors) => {
                out.problems.extend(errors.into_iter().map(|e| RowProblem {
                    line,
                    message: e.message,
                }));
                continue;
            }
        };
        match draft.validate(today) {
            Ok(valid) => {
                let id = Uuid::parse_str(&cell(row, Target::Id)).unwrap_or_else(|_| Uuid::new_v4());
                let mut a = valid.into_activity(None, id, now);
                a.reflection = reflection;
                if kept.contains(&key(&a)) {
                    out.duplicates.push(out.activities.len());
                }
                out.activities.push(a);
            }
            Err(errors) => out.problems.extend(errors.into_iter().map(|e| RowProblem {
                line,
                message: e.message,
            })),
        }
    }
    progress(total, total);
    out
}

#[cfg(test)]
mod tests;
