//! The CPE Monitor activity transcript (NABP and ACPE): the PDF a pharmacist or pharmacy
//! technician downloads with every ACPE credit her providers reported. Read from the PDF's text
//! layer (`domain::formats::pdf_text`), a cell a line or a row a line, into the same rows a
//! spreadsheet becomes: each row's UAN gives its format, topic and ACPE as accreditor
//! (`domain::formats::uan`), its live and home-study hours are added as one credit.
//!
//! The layout, as the reference notes it (../shared/reference/professions_ce.md §B1, read from a
//! public parser of these PDFs — not published by NABP): a header with the participant's name,
//! NABP e-Profile ID and date range; then per activity: Activity Date · Activity # (UAN) · Credit
//! Type (ACPE or IPCE) · Source · Title · Topic · Provider · Live Hours · Home Hours; a footer
//! "Report Generated @ … Page N Of M" on each page.

use super::{Refusal, Transcript};
use crate::domain::formats::spreadsheet::{DateOrder, Mapping, Table, Target};
use crate::domain::formats::uan::Uan;

pub const FORMAT: &str = "CPE Monitor activity transcript";

/// The topic column's words as CPE Monitor prints them: where a cell is one of these, the title
/// ends before it and the provider begins after it.
const TOPICS: &[&str] = &[
    "Disease State Management/Drug Therapy",
    "HIV/AIDS",
    "Law Related to Pharmacy Practice",
    "Patient Safety",
    "Immunizations",
    "Compounding",
    "Opioids/Pain Management/Substance Use Disorder",
    "Medication Therapy Management",
    "Pharmacy Administration",
    "Drug Information",
    "Pharmacy Informatics",
    "Public Health",
    "Additional Topic Areas",
    "General Pharmacy",
];

/// Whether a PDF's text is a CPE Monitor transcript.
pub fn is_transcript(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("cpe monitor") || (lower.contains("e-profile id") && lower.contains("activity"))
}

/// A date as the transcript writes it (mm/dd/yyyy), as ISO 8601.
fn date(cell: &str) -> Option<String> {
    let mut parts = cell.trim().split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.to_string())
}

fn hours(cell: &str) -> Option<f64> {
    let c = cell.trim();
    (!c.is_empty() && c.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .then(|| c.parse().ok())
        .flatten()
}

/// The cells of the text in order: a line each, or a line's cells where a row is written on
/// one line (two or more spaces, or a tab, between them).
fn cells(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| {
            line.split('\t')
                .flat_map(|part| part.split("  "))
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The column headings, as each page repeats them.
const HEADINGS: &[&str] = &[
    "activity date",
    "activity #",
    "activity # (uan)",
    "credit type",
    "source",
    "title",
    "topic",
    "provider",
    "live hours",
    "home hours",
];

/// The cells without the page's frame: the footer, and each page's run of column headings (a
/// heading word inside a row, such as a source named "Provider", stays).
fn without_frame(cells: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(cells.len());
    let mut in_headings = false;
    for cell in cells {
        let lower = cell.to_lowercase();
        if lower.starts_with("report generated")
            || (lower.starts_with("page ") && lower.contains(" of "))
        {
            continue;
        }
        if lower == "activity date" {
            in_headings = true;
            continue;
        }
        if in_headings && HEADINGS.contains(&lower.as_str()) {
            continue;
        }
        in_headings = false;
        out.push(cell);
    }
    out
}

/// The rows of a CPE Monitor transcript, or why it was not read.
pub fn read(text: &str) -> Result<Transcript, Refusal> {
    let cells = without_frame(cells(text));
    let learner = cells.iter().find_map(|c| {
        c.strip_prefix("Participant Name:")
            .or_else(|| c.strip_prefix("Participant Name"))
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
    });
    // An activity starts where a date is followed by a UAN.
    let starts: Vec<usize> = (0..cells.len().saturating_sub(1))
        .filter(|&i| date(&cells[i]).is_some() && Uan::parse(&cells[i + 1]).is_ok())
        .collect();
    if starts.is_empty() {
        return Err(format!(
            "This PDF looks like a {FORMAT}, but no activity in it could be read (a date followed by its UAN). If it is one, tell us; meanwhile add the activities by hand."
        )
        .into());
    }
    let mut rows = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(cells.len());
        let row = &cells[start..end];
        rows.push((n as u64 + 2, activity(row)));
    }
    Ok(Transcript {
        format: FORMAT,
        learner,
        table: Table {
            headers: [
                "Activity Date",
                "UAN",
                "Title",
                "Provider",
                "Credits",
                "Notes",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        },
        mapping: Mapping {
            targets: vec![
                Target::End,
                Target::Uan,
                Target::Title,
                Target::Provider,
                Target::Credits,
                Target::Notes,
            ],
            date_order: DateOrder::Iso,
            default_credit_type: "ACPE".into(),
            credit_types: Default::default(),
            topics: Default::default(),
        },
    })
}

/// One activity's cells (from its date to the next activity's): its row.
fn activity(row: &[String]) -> Vec<String> {
    let when = date(&row[0]).unwrap_or_default();
    let uan = row[1].clone();
    let mut rest: Vec<&str> = row[2..].iter().map(String::as_str).collect();
    // The hours last: live, then home study. A page's disclaimer after the last row is not
    // a cell of it: the row ends at its hours.
    let last_number = rest.iter().rposition(|c| hours(c).is_some());
    let (live, home) = match last_number {
        Some(h) if h > 0 && hours(rest[h - 1]).is_some() => {
            let pair = (hours(rest[h - 1]), hours(rest[h]));
            rest.truncate(h - 1);
            pair
        }
        Some(h) => {
            let one = (hours(rest[h]), None);
            rest.truncate(h);
            one
        }
        None => (None, None),
    };
    let total = live.unwrap_or(0.0) + home.unwrap_or(0.0);
    // The credit type (ACPE, or IPCE for interprofessional credit), then the source.
    let credit_type = match rest.first() {
        Some(t) if t.eq_ignore_ascii_case("ACPE") || t.eq_ignore_ascii_case("IPCE") => {
            let t = t.to_ascii_uppercase();
            rest.remove(0);
            t
        }
        _ => "ACPE".to_string(),
    };
    let source = if rest.len() > 2 {
        Some(rest.remove(0))
    } else {
        None
    };
    let topic_at = rest
        .iter()
        .position(|c| TOPICS.iter().any(|t| t.eq_ignore_ascii_case(c)));
    let (title, topic, provider) = match topic_at {
        Some(t) => (rest[..t].join(" "), Some(rest[t]), rest[t + 1..].join(" ")),
        None => (
            rest.first().map(|s| s.to_string()).unwrap_or_default(),
            None,
            rest.get(1..).map(|r| r.join(" ")).unwrap_or_default(),
        ),
    };
    let amount = format!("{}", (total * 100.0).round() / 100.0);
    let mut notes = vec![format!("From the {FORMAT}")];
    if let Some(t) = topic {
        notes.push(format!("CPE Monitor topic: {t}"));
    }
    if let Some(s) = source {
        notes.push(format!("Source: {s}"));
    }
    vec![
        when,
        uan,
        title,
        provider,
        if total > 0.0 {
            format!("{credit_type}={amount}")
        } else {
            String::new()
        },
        notes.join(". "),
    ]
}
