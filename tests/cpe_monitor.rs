//! A pharmacist's CPE Monitor activity transcript (PDF), made here as such a transcript is laid
//! out (../shared/reference/professions_ce.md §B1: a header, then per activity its date, UAN,
//! credit type, source, title, topic, provider, live and home hours, a footer per page), read
//! through the PDF text reader into import rows: every row's UAN gives its format, topic and
//! accreditor, its hours one credit.

mod common;

use chrono::{NaiveDate, Utc};

use cme_tracker::domain::formats::pdf_text::text_of;
use cme_tracker::domain::formats::provider_transcript::cpe_monitor;
use cme_tracker::domain::formats::spreadsheet::preview;
use cme_tracker::domain::model::activity::{Accreditor, Activity, Format};

/// A page of text items placed at (x, y), each its own text object (as a table's cells are).
fn pdf(cells: &[(f32, f32, &str)]) -> Vec<u8> {
    common::pdf_of_cells(cells)
}

/// The transcript: a header, the column headings, three activities (one title on two lines,
/// one interprofessional), the footer.
fn transcript() -> Vec<u8> {
    let mut cells: Vec<(f32, f32, &str)> = vec![
        (40.0, 580.0, "CPE Monitor Activity Transcript"),
        (40.0, 566.0, "Participant Name: Jordan Lee"),
        (40.0, 554.0, "NABP e-Profile ID: 123456"),
        (
            40.0,
            542.0,
            "CPE activity date range 01/01/2024 to 12/31/2025",
        ),
        (40.0, 530.0, "Total CPE Hours: 4.50"),
    ];
    let headings = [
        "Activity Date",
        "Activity # (UAN)",
        "Credit Type",
        "Source",
        "Title",
        "Topic",
        "Provider",
        "Live Hours",
        "Home Hours",
    ];
    let xs = [40.0, 100.0, 200.0, 240.0, 290.0, 440.0, 560.0, 680.0, 730.0];
    for (x, h) in xs.iter().zip(headings) {
        cells.push((*x, 510.0, h));
    }
    let rows: [[&str; 9]; 3] = [
        [
            "03/14/2025",
            "0204-0000-25-031-L06-P",
            "ACPE",
            "Provider",
            "Immunization Update",
            "Immunizations",
            "ASHP",
            "1.50",
            "0.00",
        ],
        [
            "06/02/2025",
            "0798-9999-24-012-H03-P",
            "ACPE",
            "Provider",
            "Pharmacy Law 2025",
            "Law Related to Pharmacy Practice",
            "State Pharmacy Association",
            "0.00",
            "2.00",
        ],
        [
            "09/10/2025",
            "0001-0000-25-100-L05-P",
            "IPCE",
            "Provider",
            "Team-based Medication Safety",
            "Patient Safety",
            "Regional Health System",
            "1.00",
            "0.00",
        ],
    ];
    let mut y = 490.0;
    for row in &rows {
        for (x, c) in xs.iter().zip(row.iter()) {
            cells.push((*x, y, c));
            if *c == "Immunization Update" {
                // The title wraps onto a second line in its column, drawn with its cell.
                cells.push((290.0, y - 10.0, "for Pharmacists"));
            }
        }
        y -= 30.0;
    }
    cells.push((
        40.0,
        30.0,
        "Report Generated @ 12/01/2025 10:15 AM Page 1 Of 1",
    ));
    pdf(&cells)
}

#[test]
fn a_cpe_monitor_transcript_becomes_import_rows_with_each_uan_read() {
    let text = text_of(&transcript()).unwrap();
    assert!(cpe_monitor::is_transcript(&text));
    let t = cpe_monitor::read(&text).unwrap();
    assert_eq!(t.learner.as_deref(), Some("Jordan Lee"));
    assert_eq!(t.table.rows.len(), 3);
    let p = preview(
        &t.table,
        &t.mapping,
        &[] as &[Activity],
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        Utc::now(),
    );
    assert_eq!(p.problems, vec![]);
    let a = &p.activities;
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].title, "Immunization Update for Pharmacists");
    assert_eq!(a[0].provider, "ASHP");
    assert_eq!(a[0].end, NaiveDate::from_ymd_opt(2025, 3, 14).unwrap());
    assert_eq!(a[0].format, Format::LiveInPerson);
    assert_eq!(a[0].accreditor, Accreditor::Acpe);
    assert_eq!(a[0].topics[0].as_str(), "immunizations");
    assert_eq!(a[0].credits[0].credit_type.as_str(), "ACPE");
    assert_eq!(a[0].credits[0].amount.display_short(), "1.5");
    assert!(
        a[0].notes.contains("0204-0000-25-031-L06-P"),
        "{}",
        a[0].notes
    );
    assert!(
        a[0].notes.contains("CPE Monitor topic: Immunizations"),
        "{}",
        a[0].notes
    );

    assert_eq!(a[1].title, "Pharmacy Law 2025");
    assert_eq!(a[1].provider, "State Pharmacy Association");
    assert_eq!(a[1].format, Format::OnDemandOnline);
    assert_eq!(a[1].topics[0].as_str(), "board_laws_rules");
    assert_eq!(a[1].credits[0].amount.display_short(), "2");

    // Interprofessional credit is not ACPE's: listed for her to say which type it is.
    assert_eq!(p.unknown_credit_types, vec![("IPCE".to_string(), 1)]);
    assert_eq!(a[2].topics[0].as_str(), "medical_errors_patient_safety");
}

#[test]
fn a_row_written_on_one_line_is_read_too() {
    let text = "CPE Monitor Activity Transcript\nParticipant Name: Sam Rivera\n\
        03/14/2025  0204-0000-25-031-H01-T  ACPE  Provider  Anticoagulation Basics  Disease State Management/Drug Therapy  ASHP  0.00  1.25\n\
        Report Generated @ 12/01/2025 Page 1 Of 1";
    let t = cpe_monitor::read(text).unwrap();
    assert_eq!(t.table.rows.len(), 1);
    let row = &t.table.rows[0].1;
    assert_eq!(row[0], "2025-03-14");
    assert_eq!(row[2], "Anticoagulation Basics");
    assert_eq!(row[3], "ASHP");
    assert_eq!(row[4], "ACPE=1.25");
}

#[test]
fn a_pdf_that_is_not_a_transcript_is_refused_with_why() {
    let certificate = pdf(&[
        (72.0, 700.0, "Certificate of Completion"),
        (72.0, 680.0, "2 contact hours"),
    ]);
    let text = text_of(&certificate).unwrap();
    assert!(!cpe_monitor::is_transcript(&text));
    // A transcript with no activity that reads: said, nothing made up.
    let empty = cpe_monitor::read("CPE Monitor Activity Transcript\nParticipant Name: Jordan Lee\nNo activities in this date range.");
    assert!(empty
        .unwrap_err()
        .message
        .contains("no activity in it could be read"));
}

#[test]
fn the_import_takes_the_transcript_pdf_and_refuses_another_pdf_with_why() {
    use cme_tracker::storage::AppData;
    use cme_tracker::worker::activities::{read, Source};
    use cme_tracker::worker::protocol::{to_stored, Response};
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let stored = to_stored(&AppData::default());
    let (_, file) = read(&transcript(), &stored, today, Utc::now(), None).unwrap();
    assert_eq!(
        file.source,
        Source::Transcript {
            format: "CPE Monitor activity transcript".into(),
            learner: Some("Jordan Lee".into())
        }
    );
    assert_eq!(file.rows, 3);
    let certificate = pdf(&[
        (72.0, 700.0, "Certificate of Completion"),
        (72.0, 680.0, "2 contact hours"),
    ]);
    match read(&certificate, &stored, today, Utc::now(), None) {
        Err(Response::Failed { message }) => {
            assert!(
                message.contains("not a CPE Monitor activity transcript"),
                "{message}"
            )
        }
        other => panic!("{:?}", other.map(|(_, f)| f)),
    }
}
