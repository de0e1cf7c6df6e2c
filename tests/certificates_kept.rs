//! Certificate files kept with activities: which files are accepted and why others are not, the
//! names they download under, attaching and detaching, and what is said about missing ones.

use cme_tracker::domain::build::*;
use cme_tracker::domain::engine::certificates::{missing_among, without_certificate};
use cme_tracker::domain::model::attachment::{
    check_file, CertificateFile, MAX_FILE_BYTES, MAX_PER_ACTIVITY,
};
use cme_tracker::domain::text::certificates::{missing_notice, missing_sentence};
use cme_tracker::domain::text::size::size_text;
use uuid::Uuid;

fn file(mime: &str) -> CertificateFile {
    CertificateFile {
        id: Uuid::from_u128(1),
        name: "scan.pdf".into(),
        mime: mime.into(),
        size: 1000,
        sha256: "00".into(),
        added: date("2025-03-04"),
    }
}

#[test]
fn pdfs_and_images_are_kept_others_and_large_ones_refused_with_a_reason() {
    assert_eq!(
        check_file("cert.pdf", "application/pdf", 2000).unwrap(),
        "application/pdf"
    );
    assert_eq!(check_file("photo.HEIC", "", 2000).unwrap(), "image/heic");
    assert_eq!(
        check_file("photo.jpg", "image/jpeg", 2000).unwrap(),
        "image/jpeg"
    );
    let e = check_file(
        "notes.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        2000,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("“notes.docx” is not a PDF or an image"), "{e}");
    let e = check_file("big.pdf", "application/pdf", MAX_FILE_BYTES + 1)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("is just over 10 MB; certificates can be at most 10 MB"),
        "{e}"
    );
    let e = check_file("big.pdf", "application/pdf", 12 * 1024 * 1024)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("is 12 MB; certificates can be at most 10 MB"),
        "{e}"
    );
    let e = check_file("empty.png", "image/png", 0)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "“empty.png” is empty: it was not kept.");
}

#[test]
fn download_names_say_date_provider_and_title() {
    let mut a = activity("2025-03-03")
        .title("Heart failure: what's new?")
        .credit("AMA_PRA_CAT1", "2")
        .build();
    a.provider = "American College of Cardiology".into();
    let f = file("application/pdf");
    a.certificates.push(f.clone());
    assert_eq!(
        a.certificate_file_name(&f),
        "2025-03-03_American-College-of-Cardiology_Heart-failure-what-s-new.pdf"
    );
    let mut second = file("image/png");
    second.id = Uuid::from_u128(2);
    a.certificates.push(second.clone());
    assert!(a.certificate_file_name(&second).ends_with("_2.png"));
}

#[test]
fn attaching_and_detaching_keep_the_list_right() {
    let mut a = activity("2025-03-03").credit("AMA_PRA_CAT1", "1").build();
    a.attach(file("application/pdf")).unwrap();
    a.attach(file("application/pdf")).unwrap();
    assert_eq!(a.certificates.len(), 1, "the same file once");
    for n in 2..=MAX_PER_ACTIVITY as u128 {
        let mut f = file("image/png");
        f.id = Uuid::from_u128(n);
        a.attach(f).unwrap();
    }
    let mut extra = file("image/png");
    extra.id = Uuid::from_u128(999);
    assert!(a.attach(extra).is_err());
    let removed = a.detach(Uuid::from_u128(1)).unwrap();
    assert_eq!(removed.mime, "application/pdf");
    assert!(a.detach(Uuid::from_u128(1)).is_err());
}

#[test]
fn activities_without_a_certificate_are_counted_and_said() {
    let mut with = activity("2025-03-03").credit("AMA_PRA_CAT1", "1").build();
    with.certificates.push(file("application/pdf"));
    let without = activity("2025-03-04").credit("AMA_PRA_CAT1", "1").build();
    let planned = activity("2026-09-04")
        .credit("AMA_PRA_CAT1", "1")
        .planned()
        .build();
    assert_eq!(without_certificate(&[&with, &without, &planned]), 1);
    let ids = [with.id, without.id].into_iter().collect();
    let all = vec![with.clone(), without.clone(), planned.clone()];
    assert_eq!(missing_among(&all, &ids), (1, 2));
    assert_eq!(
        missing_sentence(3, 14).unwrap(),
        "3 of the 14 activities counting here have no certificate on file."
    );
    assert_eq!(missing_sentence(0, 0), None);
    assert_eq!(size_text(2_500_000), "2.4 MB");
    assert!(missing_notice(1).starts_with("1 certificate is no longer"));
    assert!(missing_notice(3).contains("Restore them"));
}
