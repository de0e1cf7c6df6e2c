//! ACPE's Universal Activity Number read part by part (domain::formats::uan): every field, the
//! part named when one is wrong, found in a certificate's text, written back as ACPE writes it.

use cme_tracker::domain::formats::uan::{Audience, Uan, UanError};

#[test]
fn every_part_of_a_uan_is_read() {
    let u = Uan::parse("0798-9999-18-246-H04-P").unwrap();
    assert_eq!(u.provider, "0798");
    assert!(u.joint);
    assert_eq!(u.year, 2018);
    assert_eq!(u.sequence, "246");
    assert!(!u.live);
    assert_eq!(u.topic, 4);
    assert_eq!(u.audience, Some(Audience::Pharmacist));
    assert_eq!(u.topic_label(), "General Pharmacy");
    assert_eq!(
        u.topic_id(),
        None,
        "General Pharmacy is no requirement's topic"
    );
    assert_eq!(
        u.describe(),
        "Home study · General Pharmacy · for pharmacists · jointly provided · released 2018"
    );

    let t = Uan::parse(" 0204-0000-20-001-l05-t ").unwrap();
    assert_eq!(t.provider, "0204");
    assert!(!t.joint);
    assert!(t.live);
    assert_eq!(t.topic_label(), "Patient Safety");
    assert_eq!(
        t.topic_id().unwrap().as_str(),
        "medical_errors_patient_safety"
    );
    assert_eq!(t.audience, Some(Audience::Technician));
    assert_eq!(t.text(), "0204-0000-20-001-L05-T");
}

#[test]
fn each_topic_designator_names_its_topic() {
    let topics = [
        (1, "pharmacotherapeutics"),
        (2, "hiv_aids"),
        (3, "board_laws_rules"),
        (5, "medical_errors_patient_safety"),
        (6, "immunizations"),
        (7, "compounding"),
        (8, "pain_management_opioids"),
    ];
    for (n, code) in topics {
        let u = Uan::parse(&format!("0001-0000-24-100-L{n:02}-P")).unwrap();
        assert_eq!(u.topic_id().unwrap().as_str(), code, "topic {n:02}");
        // Every topic the reader names is one the app knows.
        assert!(
            cme_tracker::domain::model::vocab::topic(&u.topic_id().unwrap()).is_some(),
            "{code} is not in the vocabulary"
        );
    }
    // A designator not listed is kept and named by its number.
    let u = Uan::parse("0001-0000-24-100-L12-P").unwrap();
    assert_eq!(
        (u.topic, u.topic_label(), u.topic_id()),
        (12, "ACPE topic 12".to_string(), None)
    );
}

#[test]
fn an_older_uan_without_the_audience_is_read() {
    let u = Uan::parse("0798-0000-09-246-H01").unwrap();
    assert_eq!(u.audience, None);
    assert_eq!(u.year, 2009);
    assert_eq!(u.text(), "0798-0000-09-246-H01");
}

#[test]
fn a_wrong_part_is_named() {
    let cases: [(&str, UanError); 9] = [
        ("0798-9999-18-246", UanError::Shape),
        ("0798 9999 18 246 H04 P", UanError::Shape),
        ("798-9999-18-246-H04-P", UanError::Provider("798".into())),
        ("0798-1234-18-246-H04-P", UanError::Joint("1234".into())),
        ("0798-9999-2018-246-H04-P", UanError::Year("2018".into())),
        ("0798-9999-18-24-H04-P", UanError::Sequence("24".into())),
        (
            "0798-9999-18-246-X04-P",
            UanError::FormatTopic("X04".into()),
        ),
        ("0798-9999-18-246-H4-P", UanError::FormatTopic("H4".into())),
        ("0798-9999-18-246-H04-Q", UanError::Audience("Q".into())),
    ];
    for (text, expected) in cases {
        assert_eq!(Uan::parse(text), Err(expected.clone()), "{text}");
        let message = expected.to_string();
        assert!(message.ends_with('.'), "{message}");
    }
    assert_eq!(
        Uan::parse("0798-9999-18-246-H00-P"),
        Err(UanError::FormatTopic("H00".into()))
    );
    assert!(UanError::FormatTopic("X04".into())
        .to_string()
        .contains("“X04”"));
}

#[test]
fn a_uan_on_a_certificate_is_found() {
    let text = "Statement of Credit\nSterile Compounding Update\nUAN: 0204-9999-24-117-H07-T\n1.5 contact hours (0.15 CEU)";
    let u = Uan::find(text).unwrap();
    assert_eq!(u.text(), "0204-9999-24-117-H07-T");
    assert_eq!(u.topic_id().unwrap().as_str(), "compounding");
    // In a sentence, at the end of a line, after "ACPE #".
    assert_eq!(Uan::find("ACPE #0798-0000-23-010-L03-P.").unwrap().topic, 3);
    assert_eq!(
        Uan::find("no number here, 2024-01-05").map(|u| u.text()),
        None
    );
    // A longer run of digits is not taken apart into a UAN.
    assert_eq!(Uan::find("ref 10798-9999-18-246-H04-P"), None);
}

#[test]
fn a_certificate_with_a_uan_fills_the_pharmacy_activity() {
    use cme_tracker::domain::formats::certificate::read;
    use cme_tracker::domain::model::activity::{Accreditor, Format};
    let text = "Statement of Continuing Pharmacy Education Credit\n\
        Activity Title: Immunization Update for Pharmacists\n\
        Completion Date: 03/14/2026\n\
        ACPE UAN: 0204-0000-26-031-L06-P\n\
        1.5 contact hours (0.15 CEU)\n\
        ASHP is accredited by the Accreditation Council for Pharmacy Education as a provider of continuing pharmacy education.";
    let fields = read(text);
    assert_eq!(
        fields.uan.as_ref().map(|u| u.text()).as_deref(),
        Some("0204-0000-26-031-L06-P")
    );
    let draft = fields.to_draft();
    assert_eq!(draft.accreditor, Accreditor::Acpe);
    assert_eq!(draft.format, Format::LiveInPerson);
    assert_eq!(
        draft.topics.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        ["immunizations"]
    );
    assert_eq!(
        draft
            .credits
            .iter()
            .map(|c| (c.credit_type.as_str(), c.amount.as_str()))
            .collect::<Vec<_>>(),
        [("ACPE", "1.5")]
    );
    assert!(
        draft.notes.contains("0204-0000-26-031-L06-P"),
        "{}",
        draft.notes
    );
    assert!(
        draft
            .notes
            .contains("Live · Immunizations · for pharmacists"),
        "{}",
        draft.notes
    );
    // Home study: on demand.
    let home =
        read("Pain management update\nUAN 0798-9999-25-012-H08-P\n2 contact hours").to_draft();
    assert_eq!(home.format, Format::OnDemandOnline);
    assert_eq!(home.topics[0].as_str(), "pain_management_opioids");
}
