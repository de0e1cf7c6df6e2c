//! What each column holds, guessed from its header and confirmed by the person; dates in the
//! order the file writes them; amounts with a decimal point or comma; mappings remembered.

use super::*;

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
    /// An ACPE Universal Activity Number: the format, topic and accreditor it says.
    Uan,
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
            Target::Uan => "ACPE UAN (format, topic, accreditor)",
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
            Target::Accreditor => &[
                "accreditor",
                "accredited by",
                "accrediting body",
                "accrediting organization",
                "accreditation body",
                "accreditation",
            ],
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
            Target::Format => &[
                "format",
                "activity format",
                "activity type",
                "type of activity",
                "learning format",
                "delivery",
                "delivery method",
            ],
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
            Target::Uan => &[
                "uan",
                "acpe uan",
                "universal activity number",
                "activity # (uan)",
                "activity #",
                "activity number",
                "acpe #",
                "acpe number",
                "acpe id",
            ],
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
pub(super) fn date_parts(text: &str) -> Option<Result<NaiveDate, (u32, u32, i32)>> {
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
        topics: Default::default(),
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
    /// Topics the file names that the app does not know, mapped by the user to one of the
    /// app's topic codes (file text → code); a topic not listed is left out of the activity,
    /// and shown as such in the preview.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub topics: std::collections::BTreeMap<String, String>,
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

    /// An unknown topic of the file is imported as `code` (empty: left out).
    pub fn map_topic(&mut self, text: &str, code: &str) {
        if code.is_empty() {
            self.topics.remove(text);
        } else {
            self.topics.insert(text.to_string(), code.to_string());
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
