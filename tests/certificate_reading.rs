//! Reading certificates and completion e-mails (issue 15): a corpus in the wordings accredited
//! providers use, each with the fields a clinician would expect pre-filled.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cme_tracker::domain::build::{date, hours};
use cme_tracker::domain::formats::certificate::{read, CertificateFields};

fn fixture(name: &str) -> CertificateFields {
    let text = std::fs::read_to_string(format!("tests/fixtures/certificates/{name}")).unwrap();
    read(&text)
}

fn credits(f: &CertificateFields) -> Vec<(String, String)> {
    f.credits
        .iter()
        .map(|(t, a)| (t.as_str().to_string(), a.display_short()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(t, a)| (t.to_string(), a.to_string()))
        .collect()
}

#[test]
fn ama_live_activity() {
    let f = fixture("ama-live.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Advances in Heart Failure Management")
    );
    assert_eq!(
        f.provider.as_deref(),
        Some("American College of Cardiology")
    );
    assert_eq!(f.completed, Some(date("2025-03-03")));
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "6.5")]));
}

#[test]
fn ama_enduring_with_abim_moc_points() {
    let f = fixture("ama-enduring-moc.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Safer Opioid Prescribing and Care of the Terminally Ill")
    );
    assert_eq!(
        f.provider.as_deref(),
        Some("Western Medical Education Institute")
    );
    assert_eq!(f.completed, Some(date("2025-11-14")));
    assert_eq!(
        credits(&f),
        pairs(&[("AMA_PRA_CAT1", "12"), ("ABIM_MOC_POINT", "12")])
    );
}

#[test]
fn aoa_category_1a_with_a_date_range() {
    let f = fixture("aoa.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Osteopathic Manipulative Treatment Update")
    );
    assert_eq!(f.start, Some(date("2025-06-01")));
    assert_eq!(f.completed, Some(date("2025-06-03")));
    assert_eq!(credits(&f), pairs(&[("AOA_1A", "18")]));
}

#[test]
fn aafp_prescribed() {
    let f = fixture("aafp.txt");
    assert_eq!(f.start, Some(date("2025-06-09")));
    assert_eq!(f.completed, Some(date("2025-06-13")));
    assert_eq!(credits(&f), pairs(&[("AAFP_PRESCRIBED", "40")]));
}

#[test]
fn ancc_nursing_contact_hours() {
    let f = fixture("ancc.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Sepsis Recognition in the Emergency Department")
    );
    assert_eq!(f.provider.as_deref(), Some("Lakeside Nursing Education"));
    assert_eq!(f.completed, Some(date("2025-09-18")));
    assert_eq!(credits(&f), pairs(&[("ANCC_CONTACT_HOUR", "2.5")]));
}

#[test]
fn acpe_pharmacy_contact_hours() {
    let f = fixture("acpe.txt");
    assert_eq!(f.title.as_deref(), Some("Anticoagulation Stewardship"));
    assert_eq!(f.completed, Some(date("2025-04-22")));
    // Contact hours with a UAN are ACPE hours; the CEU figure is the same credit.
    assert_eq!(credits(&f)[0], ("ACPE".to_string(), "1.5".to_string()));
}

#[test]
fn royal_college_section_1_hours() {
    let f = fixture("royal-college.txt");
    assert_eq!(f.title.as_deref(), Some("Canadian Critical Care Forum"));
    assert_eq!(f.completed, Some(date("2025-11-12")));
    assert_eq!(credits(&f), pairs(&[("RCPSC_SECTION_1", "14")]));
}

#[test]
fn eaccme_european_credits() {
    let f = fixture("eaccme.txt");
    assert_eq!(f.start, Some(date("2025-02-26")));
    assert_eq!(f.completed, Some(date("2025-03-02")));
    assert_eq!(credits(&f), pairs(&[("EACCME_ECMEC", "27")]));
}

#[test]
fn ceus_with_contact_hours() {
    let f = fixture("ceu.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Infection Control and Barrier Precautions")
    );
    assert_eq!(f.completed, Some(date("2026-01-15")));
    // "0.4 CEUs (4 contact hours)": one credit stated twice, counted once (as 4 hours, not 8).
    assert_eq!(credits(&f), pairs(&[("ANCC_CONTACT_HOUR", "4")]));
}

#[test]
fn a_grand_rounds_designation_statement_alone() {
    let f = fixture("category1-designation-only.txt");
    assert_eq!(f.provider.as_deref(), Some("St. Mary's Hospital"));
    assert_eq!(f.completed, Some(date("2025-10-08")));
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "1")]));
}

#[test]
fn abim_moc_points_alone() {
    let f = fixture("moc-only.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Knowledge Check-In Preparation Module")
    );
    assert_eq!(f.completed, Some(date("2025-07-30")));
    assert_eq!(credits(&f), pairs(&[("ABIM_MOC_POINT", "10")]));
}

#[test]
fn aapa_category_1() {
    let f = fixture("aapa.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Dermatology for the Primary Care PA")
    );
    assert_eq!(f.completed, Some(date("2025-05-20")));
    assert_eq!(credits(&f), pairs(&[("AAPA_CAT1", "3.75")]));
}

#[test]
fn a_completion_email_in_plain_text() {
    let f = fixture("email-plain.txt");
    assert_eq!(
        f.title.as_deref(),
        Some("Pediatric Asthma: What's New in 2025")
    );
    assert_eq!(
        f.provider.as_deref(),
        Some("Children's Health Learning Network")
    );
    assert_eq!(f.completed, Some(date("2025-08-22")));
    // "4.0 CEUs" without saying whose: asked, never taken as 40 hours.
    assert_eq!(credits(&f), pairs(&[]));
    assert_eq!(f.ceu_unclear, Some(hours("4")));
}

#[test]
fn a_completion_email_in_html() {
    let f = fixture("email-html.html");
    assert_eq!(f.title.as_deref(), Some("Stroke Alert: The First Hour"));
    assert_eq!(f.provider.as_deref(), Some("Neuro CME Partners"));
    assert_eq!(f.completed, Some(date("2025-09-05")));
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "1.25")]));
}

#[test]
fn text_without_credit_statements_suggests_nothing_false() {
    let f = read("Thank you for your purchase. Order 2025-0042, total $150.00.");
    assert!(f.credits.is_empty());
    assert_eq!(f.title, None);
    let _ = hours("1");
}

#[test]
fn what_was_read_fills_a_new_activity_form_that_validates() {
    let f = fixture("aoa.txt");
    let d = f.to_draft();
    assert_eq!(d.title, "Osteopathic Manipulative Treatment Update");
    assert_eq!(
        (d.start.as_str(), d.end.as_str()),
        ("2025-06-01", "2025-06-03")
    );
    assert_eq!(d.credits[0].credit_type, "AOA_1A");
    assert_eq!(d.credits[0].amount, "18");
    let a = d.validate(date("2026-01-01")).unwrap().into_activity(
        None,
        uuid::Uuid::nil(),
        chrono::Utc::now(),
    );
    assert_eq!(a.credits[0].amount, hours("18"));
    assert!(read("nothing here").is_empty());
}

/// A one-page PDF whose text layer holds `lines` (made here, like the Playwright test's).
fn pdf(lines: &[&str]) -> Vec<u8> {
    common::pdf_of_lines(lines)
}

#[test]
fn a_pdf_text_layer_is_read_and_its_fields_found() {
    use cme_tracker::domain::formats::pdf_text::text_of;
    let bytes = pdf(&[
        "Certificate of Completion",
        "Course title: Managing Atrial Fibrillation",
        "Provider: Heart Rhythm Education Institute",
        "Date of completion: October 14, 2025",
        "Heart Rhythm Education Institute designates this enduring material for a maximum of 2.25 AMA PRA Category 1 Credits.",
    ]);
    let text = text_of(&bytes).expect("a PDF that opens");
    let f = read(&text);
    assert_eq!(f.title.as_deref(), Some("Managing Atrial Fibrillation"));
    assert_eq!(
        f.provider.as_deref(),
        Some("Heart Rhythm Education Institute")
    );
    assert_eq!(f.completed, Some(date("2025-10-14")));
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "2.25")]));
    assert_eq!(text_of(b"not a pdf"), None);
}

/// An HTML e-mail whose labels and values sit in separate table cells, as a mail client shows
/// them side by side (issue 34).
#[test]
fn an_html_email_with_labels_and_values_in_separate_cells() {
    let html = r#"<html><body>
<p>Dear Dr. Lee,</p>
<p>Congratulations! You have completed the following course:</p>
<table>
  <tr><td><b>Course</b></td><td>Managing Chronic Pain in Primary Care</td></tr>
  <tr><td><b>Provider</b></td><td>Example Health CME</td></tr>
  <tr><td><b>Date completed</b></td><td>September 12, 2025</td></tr>
  <tr><td><b>Credits</b></td><td>2.0 AMA PRA Category 1 Credits&trade;</td></tr>
</table>
<p>Thank you for learning with us.</p>
</body></html>"#;
    let f = read(html);
    assert_eq!(
        f.title.as_deref(),
        Some("Managing Chronic Pain in Primary Care")
    );
    assert_eq!(f.provider.as_deref(), Some("Example Health CME"));
    assert_eq!(f.completed, Some(date("2025-09-12")));
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "2")]));
}

/// A one-line e-mail: the title in quotes, the provider mid-line.
#[test]
fn a_one_line_email_with_a_quoted_title_and_a_provider_mid_line() {
    let f = read(
        "You completed \"Safer Opioid Prescribing\" on June 3, 2025. Provider: Example Health. \
         You earned 1.5 AMA PRA Category 1 Credits™.",
    );
    assert_eq!(f.title.as_deref(), Some("Safer Opioid Prescribing"));
    assert_eq!(f.provider.as_deref(), Some("Example Health"));
    assert_eq!(f.completed, Some(date("2025-06-03")));
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "1.5")]));
    for (text, provider) in [
        (
            "Sponsored by Example University. Completed “Sepsis Update” on 2025-02-01.",
            "Example University",
        ),
        (
            "“Sepsis Update” was presented by the Example Medical Society on 2025-02-01.",
            "the Example Medical Society",
        ),
        (
            "Thank you for completing “Sepsis Update”, offered by Example Health, on 2025-02-01.",
            "Example Health",
        ),
    ] {
        assert_eq!(read(text).provider.as_deref(), Some(provider), "{text}");
    }
}

/// "CEU" means ten contact hours (IACET), one (AARC, many boards) or a tenth (pharmacy): the
/// text's own words decide, else she is asked and nothing is assumed (issue 34).
#[test]
fn a_ceu_is_read_by_whose_it_is_or_asked_about() {
    let ask = read("Course: Wound care basics\nDate completed: 2026-01-15\nAwarded 1.5 CEU.");
    assert_eq!(ask.ceu_unclear, Some(hours("1.5")));
    assert!(ask.credits.is_empty(), "{:?}", ask.credits);
    let iacet = ask.with_ceus_as(true);
    assert_eq!(iacet.credits[0].credit_type, "CEU");
    let one = ask.with_ceus_as(false);
    assert_eq!(
        (
            one.credits[0].credit_type.as_str(),
            one.credits[0].amount.as_str()
        ),
        ("CE_HOUR", "1.5")
    );
    let (question, ten_hours, one_hour) =
        cme_tracker::domain::text::certificates::ceu_question(hours("1.5"), &|a| a.display_short());
    assert!(question.contains("without saying whose"), "{question}");
    assert_eq!(ten_hours, "15 contact hours (IACET: 1 CEU = 10 hours)");
    assert_eq!(one_hour, "1.5 contact hours (1 CEU = 1 hour)");

    let f = read("IACET Accredited Provider. Course: Wound care. 2026-01-15. Awarded 1.5 CEU.");
    assert_eq!(f.ceu_unclear, None);
    assert_eq!(credits(&f), pairs(&[("CEU", "1.5")]));
    assert!(f.ceu_read_as.as_deref().unwrap().contains("IACET"));

    let f = read("AARC approved. Course: Ventilator weaning. 2026-01-15. 2 CEU (CRCE).");
    assert_eq!(credits(&f), pairs(&[("AARC_CRCE", "2")]));

    let f = read("ACPE UAN 0000-9999-25-001-H01-P. Course: Anticoagulation. 2026-01-15. 0.2 CEU.");
    assert_eq!(credits(&f), pairs(&[("ACPE", "2")]));

    // The hours and the CEUs that restate them are one credit, never counted twice (a CEU counts
    // ten hours: both would make 1.5 hours three).
    for text in [
        "Course: Immunization update. 2026-03-14. 1.5 contact hours (0.15 CEU). ACPE UAN 0204-0000-26-031-L06-P.",
        "IACET Accredited Provider. Course: Wound care. 2026-01-15. 15 contact hours (1.5 CEU).",
    ] {
        let f = read(text);
        assert_eq!(f.credits.len(), 1, "{text}: {:?}", f.credits);
        assert!(f.credits[0].0.as_str() != "CEU", "{text}");
        assert!(f.ceu_read_as.as_deref().unwrap().contains("counted once"), "{text}");
    }
}

#[test]
fn pharmacy_contact_hours_are_acpe_only_not_also_nursing_hours() {
    let f = read("Statement of Credit\nCourse: Safer Opioid Prescribing\nDate of completion: August 22, 2026\nPharmacy contact hours: 2.0\nThe State Pharmacy Education Council is accredited by the Accreditation Council for Pharmacy Education.");
    assert_eq!(credits(&f), pairs(&[("ACPE", "2")]));
}

#[test]
fn a_word_between_the_credit_and_its_colon_is_read_past() {
    let f = read("Title: Pressure Injury Prevention and Wound Care\nDate completed: November 2, 2026\nContact hours awarded: 1.2\nCE credits earned (ANCC): see above");
    assert_eq!(credits(&f), pairs(&[("ANCC_CONTACT_HOUR", "1.2")]));
    assert_eq!(f.completed, Some(date("2026-11-02")));
    // A colon too far from the words is not theirs.
    let far = read("Contact hours for this year's nurses residency program: 2026");
    assert_eq!(credits(&far), pairs(&[]));
}

// What Tesseract read in photographed paper certificates (tests/e2e/photos.spec.ts): a title on
// the line under "titled", and credit statements wrapped across lines.

#[test]
fn photographed_title_on_the_line_under_the_phrase() {
    let f = read("Certificate of Completion\nThis certifies that\nJane Doe, MD\nhas participated in the enduring material titled\nManaging Chronic Pain in Older Adults\nDate of completion: March 14, 2026\nExample Health designates this enduring material for a maximum of 1.5 AMA PRA Category 1\nCredits™. Physicians should claim only the credit commensurate with the extent of their\nparticipation in the activity.\nProvider: Example Health Continuing Education");
    assert_eq!(
        f.title.as_deref(),
        Some("Managing Chronic Pain in Older Adults")
    );
    assert_eq!(credits(&f), pairs(&[("AMA_PRA_CAT1", "1.5")]));
    assert_eq!(
        f.provider.as_deref(),
        Some("Example Health Continuing Education")
    );
    // A label under the phrase is not a title.
    let g = read("You have completed the following course:\nDate: March 3, 2026\n");
    assert_eq!(g.title, None);
    let h =
        read("You have completed the following course:\nPediatric Asthma: What's New in 2025\n");
    assert_eq!(
        h.title.as_deref(),
        Some("Pediatric Asthma: What's New in 2025")
    );
}

#[test]
fn photographed_credit_statements_wrapped_across_lines() {
    let stroke = read("Certificate of Completion\npresented to\nJohn Smith, Do\nActivity title: Acute Stroke Management\nCompletion date: February 20, 2026\nNorthwest Neurology Institute designates this live activity for a maximum of 0.75 AMA PRA\nCategory 1 Credits™,\nProvider: Northwest Neurology Institute");
    assert_eq!(credits(&stroke), pairs(&[("AMA_PRA_CAT1", "0.75")]));
    let moc = read("Certificate of Participation ]\nCourse title: Heart Failure Guidelines Review\nDate of completion: January 9, 2026\nsuccessful completion of this CME activity enables the participant to eam up to 10 Medical\nKnowledge MOC points in the American Board of Internal Medicine's (ABIM) Maintenance of\nCertification (MOC) program.\nprovider: Midwest Cardiology Society");
    assert_eq!(credits(&moc), pairs(&[("ABIM_MOC_POINT", "10")]));
    assert_eq!(moc.completed, Some(date("2026-01-09")));
}

#[test]
fn other_professions_statements_name_their_credit() {
    // The wordings of AAPA's self-assessment and PI-CME designations, CAPCE and AARC CRCE.
    let sa = read(
        "Board Review Questions 2026\nThis activity has been reviewed by the AAPA Review Panel and is \
         compliant with AAPA CME Criteria. This activity is designated for 10.00 AAPA Category 1 \
         Self-Assessment CME credits.\nDate: 03/01/2026",
    );
    assert_eq!(credits(&sa), pairs(&[("AAPA_CAT1_SA", "10")]));
    let pi = read("This activity is designated for 20.00 AAPA Category 1 PI-CME credits.");
    assert_eq!(credits(&pi), pairs(&[("AAPA_CAT1_PI", "20")]));
    let ems = read(
        "Pediatric Airway Management\nThis continuing education activity is approved by CAPCE for \
         1.5 CEHs.\nCompleted 02/14/2026",
    );
    assert_eq!(credits(&ems), pairs(&[("CAPCE", "1.5")]));
    // The contact hour a CRCE statement names is the same credit, counted once, as CRCE.
    let rt = read(
        "Ventilator Graphics\nThis program has been approved for 1.0 contact hour of Continuing \
         Respiratory Care Education (CRCE) credit by the American Association for Respiratory Care.",
    );
    assert_eq!(credits(&rt), pairs(&[("AARC_CRCE", "1")]));
}
