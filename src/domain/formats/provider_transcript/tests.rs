//! Files written from the published schemas (tests/fixtures/transcripts/), read by their paths.

use super::*;
use crate::domain::build::{date, hours, NO_ACTIVITIES};
use crate::domain::formats::spreadsheet::preview;
use chrono::Utc;

const REPORT: &str = include_str!("../../../../tests/fixtures/transcripts/activity-report-v2.xml");
const PARTICIPANTS: &str =
    include_str!("../../../../tests/fixtures/transcripts/activity-report-participants.xml");
const TWO_LEARNERS: &str =
    include_str!("../../../../tests/fixtures/transcripts/activity-reports-two-learners.xml");
const PARS: &str =
    include_str!("../../../../tests/fixtures/transcripts/accme-learner-transcript.json");

fn credits(a: &crate::domain::model::activity::Activity) -> Vec<(String, String)> {
    a.credits
        .iter()
        .map(|d| (d.credit_type.as_str().to_string(), d.amount.display_short()))
        .collect()
}

fn check(t: &Transcript) -> crate::domain::formats::spreadsheet::Preview {
    preview(
        &t.table,
        &t.mapping,
        NO_ACTIVITIES,
        date("2026-06-30"),
        Utc::now(),
    )
}

#[test]
fn an_activity_report_reads_each_completed_module_with_each_certificate() {
    let t = read(REPORT, None).unwrap().unwrap();
    assert_eq!(t.format, "MedBiquitous Activity Report");
    assert_eq!(t.learner.as_deref(), Some("Jane Doe"));
    let p = check(&t);
    let titles: Vec<&str> = p.activities.iter().map(|a| a.title.as_str()).collect();
    // Two modules of one activity, each its own row; the registered module is not there.
    assert_eq!(
        titles,
        [
            "Sepsis: early recognition & treatment: Day 1: recognition",
            "Sepsis: early recognition & treatment: Day 2: treatment"
        ]
    );
    let day1 = &p.activities[0];
    assert_eq!(day1.provider, "Example Academy of Medicine");
    assert_eq!(
        (day1.start, day1.end),
        (date("2025-03-10"), date("2025-03-10"))
    );
    // AMA PRA credit and ABIM MOC points on one module.
    assert_eq!(
        credits(day1),
        [
            ("AMA_PRA_CAT1".to_string(), "6.5".to_string()),
            ("ABIM_MOC_POINT".to_string(), "6.5".to_string())
        ]
    );
    assert!(day1.notes.contains("EAM-2025-017"), "{}", day1.notes);
    // An unknown category is offered for mapping with its unit, not dropped.
    assert_eq!(
        p.unknown_credit_types,
        vec![("Pharmacology hours (APRN) (Contact Hour)".to_string(), 1)]
    );
    // The module without a completion date is refused, saying so: never a date of ours.
    assert_eq!(p.problems.len(), 2, "{:?}", p.problems);
    assert_eq!(p.problems[0].line, 4);
    assert_eq!(
        p.problems[0].message,
        "The report gives no completion date, only its period (2025-01-01 to 2025-12-31): add \
         this activity by hand with the date on its certificate."
    );
    let row = &t.table.rows[2].1;
    assert!(
        row[6].contains("no completion date, only its period (2025-01-01 to 2025-12-31)"),
        "{row:?}"
    );
    // A date that does not exist is named by its place in the file.
    assert_eq!(p.problems[1].line, 5);
    assert_eq!(
        p.problems[1].message,
        "“2025-02-30T12:00:00” is not a date."
    );
}

#[test]
fn a_report_about_participants_holds_none_of_her_data() {
    let Some(Err(r)) = read(PARTICIPANTS, None) else {
        panic!("must be refused")
    };
    assert!(r.message.contains("2 participants"), "{}", r.message);
    assert!(r.message.contains("nothing was imported"), "{}", r.message);
    assert!(r.learners.is_empty());
}

#[test]
fn with_several_learners_she_is_asked_which_is_hers_and_only_hers_are_read() {
    let Some(Err(r)) = read(TWO_LEARNERS, None) else {
        panic!("must ask")
    };
    assert_eq!(r.learners, ["Jane Doe", "Sam Roe"]);
    let t = read(TWO_LEARNERS, Some("Sam Roe")).unwrap().unwrap();
    let p = check(&t);
    let titles: Vec<&str> = p.activities.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Suturing workshop"]);
    assert_eq!(p.activities[0].credits[0].amount, hours("3"));
    let Some(Err(r)) = read(TWO_LEARNERS, Some("Nobody")) else {
        panic!()
    };
    assert_eq!(r.learners.len(), 2);
}

#[test]
fn an_accme_learner_transcript_reads_by_its_element_paths() {
    let t = read(PARS, None).unwrap().unwrap();
    assert_eq!(t.format, "ACCME learner transcript");
    assert_eq!(t.learner.as_deref(), Some("Jane Doe"));
    let p = check(&t);
    assert_eq!(p.problems, vec![]);
    assert_eq!(p.activities.len(), 2);
    let bias = &p.activities[0];
    assert_eq!(bias.title, "Implicit bias in clinical care");
    assert_eq!(bias.provider, "Example University CME Office");
    assert_eq!(
        bias.accreditor,
        crate::domain::model::activity::Accreditor::Accme
    );
    assert_eq!(bias.end, date("2025-09-15"));
    assert_eq!(
        credits(bias),
        [
            ("AMA_PRA_CAT1".to_string(), "1.5".to_string()),
            ("ABIM_MOC_POINT".to_string(), "1.5".to_string())
        ]
    );
    // The 7-digit provider id keeps its leading zeros; the 9-digit activity id is kept too.
    assert!(
        bias.notes.contains("ACCME provider 0001234"),
        "{}",
        bias.notes
    );
    assert!(
        bias.notes.contains("ACCME activity 201234567"),
        "{}",
        bias.notes
    );
    assert_eq!(
        p.unknown_credit_types,
        vec![("Board X Self-Assessment (points)".to_string(), 1)]
    );
    // Several learners in one JSON file: asked, as for XML.
    let two = PARS.replacen(
        "\"ACCMETranscripts\": [",
        "\"ACCMETranscripts\": [{\"Member\":{\"Name\":{\"GivenName\":\"Sam\",\"FamilyName\":\"Roe\"}},\"ActivityTranscript\":[]},",
        1,
    );
    let Some(Err(r)) = read(&two, None) else {
        panic!("must ask")
    };
    assert_eq!(r.learners, ["Sam Roe", "Jane Doe"]);
}

#[test]
fn a_report_nested_thousands_deep_is_refused_with_a_message_not_a_crash() {
    let depth = 10_000;
    let text = format!(
        "<ActivityReport xmlns=\"http://ns.medbiq.org/activityreport/v2/\">{}{}</ActivityReport>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let Some(Err(r)) = read(&text, None) else {
        panic!("must be refused")
    };
    assert!(r.message.contains("deep"), "{}", r.message);
    // The scan counts nesting, not tags: comments, CDATA, quoted `>` and self-closing
    // tags do not nest.
    let flat = format!(
        "<r a=\"x>y\" b='/>'><!-- <a><a> --><![CDATA[<a><a>]]>{}<?pi <a> ?></r>",
        "<c/><d k=\"1\"></d>".repeat(5000)
    );
    assert!(!nests_deeper_than(&flat, 2));
    assert!(nests_deeper_than("<r><a><b/></a></r>", 1));
    assert!(!nests_deeper_than("<r><a><b/></a></r>", 2));
    // JSON is bounded by its parser's own recursion limit.
    let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(matches!(read(&json, None), Some(Err(_))));
}

#[test]
fn other_files_are_not_taken_for_transcripts_and_broken_ones_are_named() {
    assert!(read("Course,Date\nA,2025-01-01\n", None).is_none());
    let refused = |text: &str| match read(text, None) {
        Some(Err(r)) => r.message,
        other => panic!("must be refused: {other:?}"),
    };
    let m = refused("<html><body>hi</body></html>");
    assert!(m.contains("not a MedBiquitous Activity Report"), "{m}");
    let m = refused(&REPORT.replace("</ActivityName>", ""));
    assert!(
        m.starts_with("This Activity Report is not well-formed XML"),
        "{m}"
    );
    let m = refused(r#"{"format":"cme-tracker-backup","version":3}"#);
    assert!(m.contains("Backup page"), "{m}");
    let m = refused(r#"{"ACCMETranscripts":[]}"#);
    assert!(m.contains("not an ACCME learner transcript"), "{m}");
    let m = refused(r#"{"ACCMETranscripts":[{"ActivityTranscript":[]}]}"#);
    assert!(m.contains("lists no completed activities"), "{m}");
}

#[test]
fn credit_types_are_matched_by_every_common_spelling() {
    use crate::domain::formats::spreadsheet::credit_type_code;
    for (spelling, code) in [
        ("AMA PRA Category 1 Credit", "AMA_PRA_CAT1"),
        ("AMA PRA Category 1 Credit™", "AMA_PRA_CAT1"),
        ("AMA PRA Category 1", "AMA_PRA_CAT1"),
        ("ama pra cat 1", "AMA_PRA_CAT1"),
        ("Category 1", "AMA_PRA_CAT1"),
        ("AMA PRA Category 2", "AMA_PRA_CAT2"),
        ("ABIM MOC", "ABIM_MOC_POINT"),
        ("ABIM MOC Points", "ABIM_MOC_POINT"),
        ("ANCC", "ANCC_CONTACT_HOUR"),
        ("ANCC contact hours", "ANCC_CONTACT_HOUR"),
        ("ACPE", "ACPE"),
        ("AOA Category 1-A", "AOA_1A"),
        ("AAFP Prescribed", "AAFP_PRESCRIBED"),
        ("AAPA Category 1 CME", "AAPA_CAT1"),
        ("IACET CEU", "CEU"),
    ] {
        assert_eq!(
            credit_type_code(spelling),
            (code.to_string(), true),
            "{spelling}"
        );
    }
}
