//! Activities written as CSV: the export in documented columns, and the template. Cells a
//! spreadsheet would run as a formula are made inert.

use super::*;

/// A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
/// Injection"): a title such as `=HYPERLINK(…)` from someone else's file would run when the
/// export is opened.
pub(super) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: one that a spreadsheet would run as a formula gets a leading `'`, which
/// spreadsheets show as text and [`read_table`] takes off again.
pub(super) fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as read: the `'` that [`inert`] (or a spreadsheet) put before a formula's first
/// character is not part of the text.
pub(super) fn cell_text(cell: &str) -> String {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => t.to_string(),
    }
}

/// The activities as a person reads them in a spreadsheet (the audit packet's CSV): labels, not
/// the app's codes ("ACCME", "Live, in person", "1.5 AMA PRA Category 1 Credit™"), dates as
/// ISO dates a spreadsheet recognises. Not for importing back: that is [`export`].
pub fn export_for_people<A: Borrow<Activity>>(activities: &[A]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record([
        "Title",
        "Provider",
        "Accredited by",
        "Start",
        "Completed",
        "Format",
        "Status",
        "Credit",
        "Topics",
        "Certificate on file",
    ]);
    for a in activities.iter().map(Borrow::borrow) {
        let credits = credits_for_people(a, "; ");
        let topics = a
            .topics
            .iter()
            .map(|t| match a.topic_hours.get(t) {
                Some(h) => format!("{} ({} h)", vocab::topic_label(t), h.display_short()),
                None => vocab::topic_label(t),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let cells = [
            a.title.as_str(),
            a.provider.as_str(),
            a.accreditor.label(),
            &a.start.to_string(),
            &a.end.to_string(),
            a.format.label(),
            a.status.label(),
            &credits,
            &topics,
            if a.certificates.is_empty() {
                "No"
            } else {
                "Yes"
            },
        ];
        let _ = w.write_record(cells.iter().map(|c| inert(c).into_owned()));
    }
    // Written to memory: cannot fail.
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// "1.5 AMA PRA Category 1 Credit™; 1.5 ABIM MOC points": an activity's credit as people read it.
pub fn credits_for_people(a: &Activity, separator: &str) -> String {
    a.credits
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d.amount.display_short(),
                vocab::credit_type_label(&d.credit_type)
            )
        })
        .collect::<Vec<_>>()
        .join(separator)
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
