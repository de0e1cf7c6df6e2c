//! A spreadsheet from another tracker (issue 34): credit types in their common spellings, a
//! topics column, accreditor and format columns — imported with every row counting where it
//! should, none silently toward nothing.
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;

use cme_tracker::domain::build::{date, NO_ACTIVITIES};
use cme_tracker::domain::formats::spreadsheet::{guess_mapping, preview, read_table, Target};
use cme_tracker::domain::model::vocab;
use cme_tracker::domain::{Accreditor, Format};

const CSV: &str = "Course,Date Completed,Hours,Credit Type,Topic,Accredited By,Format\n\
Ethics update,2025-03-01,2,AMA PRA Category 1,Ethics,ACCME,Live\n\
Pain Management 101,2025-04-01,1.5,AMA PRA Category 1,Pain Management,Jointly Accredited,Webinar\n\
Elder care,2025-05-01,3,ANCC,Geriatric Medicine; Human Trafficking,ANCC,Online\n\
MOC module,2025-06-01,10,ABIM MOC Points,,ABIM,Self-assessment\n";

/// What the other tracker's columns hold, as a person reads its headers.
const COLUMNS: [Target; 7] = [
    Target::Title,
    Target::End,
    Target::Amount,
    Target::CreditType,
    Target::Topics,
    Target::Accreditor,
    Target::Format,
];

/// The file read and mapped as the person reads its headers (whatever the guess).
fn read_other_tracker() -> cme_tracker::domain::formats::spreadsheet::Preview {
    let table = read_table(CSV).unwrap();
    let (mut mapping, _) = guess_mapping(&table);
    mapping.targets = COLUMNS.to_vec();
    preview(
        &table,
        &mapping,
        NO_ACTIVITIES,
        date("2026-06-30"),
        Utc::now(),
    )
}

#[test]
fn another_trackers_spreadsheet_imports_with_types_topics_accreditors_and_formats() {
    let p = read_other_tracker();
    assert_eq!(p.problems, vec![]);
    assert_eq!(p.unknown_credit_types, vec![]);
    assert_eq!(p.activities.len(), 4);
    // Every credit is a type the app knows: none counts toward nothing.
    for a in &p.activities {
        for d in &a.credits {
            assert!(
                vocab::credit_type(&d.credit_type).is_some(),
                "{}: {:?}",
                a.title,
                d
            );
        }
    }
    let codes = |i: usize| -> Vec<String> {
        p.activities[i]
            .topics
            .iter()
            .map(|t| t.as_str().to_string())
            .collect()
    };
    assert_eq!(codes(0), ["ethics_professional_responsibility"]);
    assert_eq!(codes(1), ["pain_management_opioids"]);
    assert_eq!(codes(2), ["geriatrics", "human_trafficking"]);
    assert_eq!(
        p.activities[0].credits[0].credit_type.as_str(),
        "AMA_PRA_CAT1"
    );
    assert_eq!(
        p.activities[2].credits[0].credit_type.as_str(),
        "ANCC_CONTACT_HOUR"
    );
    assert_eq!(
        p.activities[3].credits[0].credit_type.as_str(),
        "ABIM_MOC_POINT"
    );
    assert_eq!(p.activities[0].accreditor, Accreditor::Accme);
    assert_eq!(p.activities[1].accreditor, Accreditor::JointAccreditation);
    assert_eq!(p.activities[2].accreditor, Accreditor::Ancc);
    assert_eq!(p.activities[0].format, Format::LiveInPerson);
    assert_eq!(p.activities[1].format, Format::LiveVirtual);
    assert_eq!(p.activities[2].format, Format::OnDemandOnline);
    assert_eq!(p.activities[3].format, Format::SelfAssessment);
    // A body the app has no name for is kept in the notes, not a reason to refuse the row.
    assert_eq!(p.activities[3].accreditor, Accreditor::Other);
    assert_eq!(p.activities[3].notes, "Accredited by ABIM");
}

#[test]
fn the_export_for_people_uses_labels_not_codes() {
    let p = read_other_tracker();
    let text = cme_tracker::domain::formats::spreadsheet::export_for_people(&p.activities);
    assert!(text.starts_with(
        "Title,Provider,Accredited by,Start,Completed,Format,Status,Credit,Topics,Certificate on file\r\n"
    ));
    assert!(text.contains("ACCME"), "{text}");
    assert!(text.contains("Live, in person"), "{text}");
    assert!(text.contains("2 AMA PRA Category 1 Credit™"), "{text}");
    assert!(
        text.contains("Geriatric medicine; Human trafficking"),
        "{text}"
    );
    for code in [
        "accme",
        "live_in_person",
        "AMA_PRA_CAT1",
        "geriatrics",
        "on_demand_online",
    ] {
        assert!(!text.contains(code), "{code} in {text}");
    }
}

#[test]
fn a_topic_the_app_does_not_know_is_offered_for_mapping_not_dropped_silently() {
    let csv = "Title,Date,Credits,Topics\nBedside talk,2025-03-01,AMA_PRA_CAT1=1,Bedside manner; Ethics\n";
    let table = read_table(csv).unwrap();
    let (mut mapping, _) = guess_mapping(&table);
    mapping.targets = vec![Target::Title, Target::End, Target::Credits, Target::Topics];
    let check = |m: &cme_tracker::domain::formats::spreadsheet::Mapping| {
        preview(&table, m, NO_ACTIVITIES, date("2026-06-30"), Utc::now())
    };
    let p = check(&mapping);
    assert_eq!(p.problems, vec![]);
    assert_eq!(p.unknown_topics, vec![("Bedside manner".to_string(), 1)]);
    let topics: Vec<&str> = p.activities[0].topics.iter().map(|t| t.as_str()).collect();
    assert_eq!(topics, ["ethics_professional_responsibility"]);
    mapping.map_topic("Bedside manner", "risk_management");
    let p = check(&mapping);
    let topics: Vec<&str> = p.activities[0].topics.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        topics,
        ["ethics_professional_responsibility", "risk_management"]
    );
    // Still listed, so the choice can be changed.
    assert_eq!(p.unknown_topics.len(), 1);
}

#[test]
fn another_trackers_headers_are_guessed_to_their_columns() {
    let table = read_table(CSV).unwrap();
    let (mapping, _) = guess_mapping(&table);
    assert_eq!(mapping.targets, COLUMNS);
    let other = read_table("Activity Name,Completion Date,Credits,Accrediting Organization,Activity Format\nx,2025-01-01,1,ACCME,Live\n").unwrap();
    assert_eq!(
        guess_mapping(&other).0.targets,
        vec![
            Target::Title,
            Target::End,
            Target::Amount,
            Target::Accreditor,
            Target::Format
        ]
    );
}
