//! The audit packet: one ZIP for a credential and cycle, for the board's auditor —
//! `audit-report.html` (the audit report as [`crate::document`] writes it for the report page too, a
//! standalone page that prints well), the certificates
//! of the activities that counted (`certificates/2025-03-03_Provider_Title.pdf`), those
//! activities as CSV (`activities.csv`, the export's columns) and `README.txt` listing what is
//! inside and which counted activities have no certificate on file.
//!
//! Pure, written in the worker (the zip crate never reaches the first download).

use std::collections::HashSet;
use std::io::Write;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::formats::report::AuditReport;
use crate::domain::formats::spreadsheet;
use crate::domain::model::activity::Activity;

/// The packet's file name: `audit-packet_Texas-Medical-Board_2025-02-01_2027-01-31.zip`.
pub fn file_name(report: &AuditReport) -> String {
    let name: String = report
        .credential
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "audit-packet_{}_{}_{}.zip",
        name.chars().take(60).collect::<String>(),
        report.cycle_start,
        report.cycle_end
    )
}

/// The packet's bytes. `counted` are the activities that counted toward any rule (their
/// certificate records name the files), `files` the certificate bytes by id (a record whose
/// bytes are missing is listed in the README as not on this device).
pub fn packet(
    report: &AuditReport,
    counted: &[Activity],
    files: &[(Uuid, Vec<u8>)],
    generated: NaiveDate,
) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    // Names inside the packet: date_provider_title.ext, made unique across activities.
    let mut taken: HashSet<String> = HashSet::new();
    let mut named: Vec<(Uuid, String)> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    let mut without: Vec<String> = Vec::new();
    for a in counted {
        if a.certificates.is_empty() {
            without.push(format!("{} — {}", a.end, a.title));
        }
        for c in &a.certificates {
            if !files.iter().any(|(id, _)| *id == c.id) {
                missing.push(format!("{} — {} ({})", a.end, a.title, c.name));
                continue;
            }
            let base = a.certificate_file_name(c);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                let (stem, ext) = base.rsplit_once('.').unwrap_or((&base, "bin"));
                name = format!("{stem}-{n}.{ext}");
                n += 1;
            }
            named.push((c.id, name));
        }
    }
    let names: Vec<String> = named.iter().map(|(_, n)| n.clone()).collect();
    let html = crate::document::report_page(report, generated, &names);
    let csv = spreadsheet::export_for_people(counted);
    let mut readme = format!(
        "Audit packet — {}\r\nCycle {} to {}; prepared {} with CME Tracker.\r\n\r\n\
         audit-report.html   the audit report (open it in a browser; it prints on A4 or Letter)\r\n\
         activities.csv      the {} activities that counted, one row each, for a spreadsheet\r\n",
        report.credential,
        report.cycle_start,
        report.cycle_end,
        generated,
        counted.len()
    );
    if !named.is_empty() {
        readme.push_str(&format!(
            "certificates/       {} certificate file{}:\r\n",
            named.len(),
            if named.len() == 1 { "" } else { "s" }
        ));
        for (_, n) in &named {
            readme.push_str(&format!("    {n}\r\n"));
        }
    }
    if !without.is_empty() {
        readme.push_str("\r\nCounted activities with no certificate on file:\r\n");
        for w in &without {
            readme.push_str(&format!("    {w}\r\n"));
        }
    }
    if !missing.is_empty() {
        readme.push_str(
            "\r\nCertificates recorded but not kept on the device that made this packet:\r\n",
        );
        for m in &missing {
            readme.push_str(&format!("    {m}\r\n"));
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    // Certificates are PDFs and photos, compressed already: stored as they are.
    let stored = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644);
    let fail = |e: zip::result::ZipError| format!("The packet could not be written ({e}).");
    let io = |e: std::io::Error| format!("The packet could not be written ({e}).");
    for (name, text) in [
        ("README.txt", readme.as_str()),
        ("audit-report.html", html.as_str()),
        ("activities.csv", csv.as_str()),
    ] {
        zip.start_file(name, deflated).map_err(fail)?;
        zip.write_all(text.as_bytes()).map_err(io)?;
    }
    for (id, name) in &named {
        let bytes = files
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, b)| b.as_slice())
            .unwrap_or_default();
        zip.start_file(format!("certificates/{name}"), stored)
            .map_err(fail)?;
        zip.write_all(bytes).map_err(io)?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::engine::evaluate::evaluate;
    use crate::domain::model::attachment::CertificateFile;
    use std::io::Read;

    fn cert(name: &str, mime: &str, size: usize) -> (CertificateFile, Vec<u8>) {
        let bytes: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
        (
            CertificateFile {
                id: Uuid::new_v4(),
                name: name.into(),
                mime: mime.into(),
                size: size as u64,
                sha256: String::new(),
                added: date("2025-04-01"),
            },
            bytes,
        )
    }

    #[test]
    fn the_packet_unzips_to_the_report_the_certificates_byte_for_byte_a_csv_and_a_readme() {
        let (pdf, pdf_bytes) = cert("cert.pdf", "application/pdf", 40_000);
        let (jpg, jpg_bytes) = cert("photo.jpg", "image/jpeg", 1234);
        let (gone, _) = cert("lost.png", "image/png", 10);
        let mut sepsis = activity("2025-03-03")
            .title("Sepsis <update> & review")
            .credit("AMA_PRA_CAT1", "2")
            .build();
        sepsis.provider = "American College of Physicians".into();
        sepsis.certificates = vec![pdf.clone(), jpg.clone()];
        // Same date, provider and title: the second one's file gets a name of its own.
        let mut twin = sepsis.clone();
        twin.id = Uuid::new_v4();
        twin.certificates = vec![{
            let mut p = pdf.clone();
            p.id = Uuid::new_v4();
            p
        }];
        let mut ethics = activity("2025-05-01")
            .title("Ethics")
            .credit("AMA_PRA_CAT1", "1")
            .build();
        ethics.certificates = vec![gone];
        let bare = activity("2025-06-01")
            .title("Journal club")
            .credit("AMA_PRA_CAT1", "1")
            .build();
        let acts = vec![sepsis.clone(), twin.clone(), ethics, bare];
        let cred = credential("Texas Medical Board", "2025-02-01", "2027-01-31")
            .rule(total("total", "48", &[]))
            .build();
        let ev = evaluate(&cred, &acts, date("2026-06-30"));
        let report = crate::domain::formats::report::audit_report(
            Some("Dr Jane Doe"),
            &cred,
            &ev,
            &acts,
            &[],
            None,
            &|_, _| String::new(),
        );
        let files = vec![
            (pdf.id, pdf_bytes.clone()),
            (jpg.id, jpg_bytes.clone()),
            (twin.certificates[0].id, pdf_bytes.clone()),
        ];
        let bytes = packet(&report, &acts, &files, date("2026-06-30")).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "README.txt",
                "activities.csv",
                "audit-report.html",
                "certificates/2025-03-03_American-College-of-Physicians_Sepsis-update-review-2.pdf",
                "certificates/2025-03-03_American-College-of-Physicians_Sepsis-update-review.pdf",
                "certificates/2025-03-03_American-College-of-Physicians_Sepsis-update-review_2.jpg",
            ]
        );
        let read = |zip: &mut zip::ZipArchive<_>, name: &str| {
            let mut f = zip.by_name(name).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            v
        };
        assert_eq!(
            read(
                &mut zip,
                "certificates/2025-03-03_American-College-of-Physicians_Sepsis-update-review.pdf"
            ),
            pdf_bytes
        );
        assert_eq!(
            read(
                &mut zip,
                "certificates/2025-03-03_American-College-of-Physicians_Sepsis-update-review_2.jpg"
            ),
            jpg_bytes
        );
        let html = String::from_utf8(read(&mut zip, "audit-report.html")).unwrap();
        assert!(html.contains("<dd>Dr Jane Doe</dd>"));
        assert!(html.contains("Sepsis &lt;update&gt; &amp; review"));
        assert!(!html.contains("<script"));
        let csv = String::from_utf8(read(&mut zip, "activities.csv")).unwrap();
        assert_eq!(csv.lines().count(), 5, "a header and four activities");
        let readme = String::from_utf8(read(&mut zip, "README.txt")).unwrap();
        assert!(readme.contains("3 certificate files"));
        assert!(readme.contains("2025-06-01 — Journal club"), "{readme}");
        assert!(readme.contains("Ethics (lost.png)"), "{readme}");
        assert_eq!(
            file_name(&report),
            "audit-packet_Texas-Medical-Board_2025-02-01_2027-01-31.zip"
        );
    }
}
