//! Certificates kept with an activity: what the records know of each file (name, type, size,
//! SHA-256, date attached). The bytes live in the browser's IndexedDB (`storage::files`), keyed by
//! the file's id, never uploaded; backups may carry them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use uuid::Uuid;

use super::activity::Activity;
use super::size::size_text;

/// Largest certificate kept (10 MB): a scanned certificate is well under 1 MB, a phone photo a
/// few MB.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// One certificate file of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateFile {
    pub id: Uuid,
    /// The file's name as chosen (shown; the download name is made from the activity).
    pub name: String,
    /// Its media type (`application/pdf`, `image/png`…).
    pub mime: String,
    pub size: u64,
    /// SHA-256 of the bytes, hex: checked when a backup brings the file back.
    pub sha256: String,
    pub added: NaiveDate,
}

/// The kinds of file accepted, by media type and extension.
const ACCEPTED: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("image/png", &["png"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/webp", &["webp"]),
    ("image/heic", &["heic"]),
    ("image/heif", &["heif"]),
];

/// Whether a chosen file can be kept: its media type (or, when the browser gives none, its
/// extension) and size. `Ok` gives the media type to store.
pub fn check_file(name: &str, mime: &str, size: u64) -> Result<String, String> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let by_type = ACCEPTED
        .iter()
        .find(|(m, _)| *m == mime.to_ascii_lowercase());
    let by_ext = ACCEPTED
        .iter()
        .find(|(_, exts)| exts.contains(&ext.as_str()));
    let Some((kind, _)) = by_type.or(if mime.is_empty() { by_ext } else { None }) else {
        return Err(format!(
            "“{}” is not a PDF or an image (PNG, JPEG, WebP, HEIC): it was not kept.",
            name
        ));
    };
    if size == 0 {
        return Err(format!("“{name}” is empty: it was not kept."));
    }
    if size > MAX_FILE_BYTES {
        // A file a few bytes over the limit rounds to the limit's own figure: say so.
        let mut shown = size_text(size);
        if shown == size_text(MAX_FILE_BYTES) {
            shown = format!("just over {shown}");
        }
        return Err(format!(
            "“{name}” is {shown}; certificates can be at most 10 MB. Scan at a lower resolution or save as PDF, then try again."
        ));
    }
    Ok(kind.to_string())
}

/// A meaningful download name: `2025-03-03_American-College-of-Cardiology_Heart-failure.pdf`
/// (date, provider, title; characters file systems refuse dropped; a second file numbered).
pub fn download_name(activity: &Activity, file: &CertificateFile) -> String {
    let part = |s: &str, max: usize| -> String {
        let cleaned: String = s
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let squeezed = cleaned
            .split('-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        squeezed.chars().take(max).collect()
    };
    let ext = ACCEPTED
        .iter()
        .find(|(m, _)| *m == file.mime)
        .map_or("bin", |(_, e)| e[0]);
    let mut name = activity.end.to_string();
    let provider = part(&activity.provider, 40);
    if !provider.is_empty() {
        name.push('_');
        name.push_str(&provider);
    }
    let title = part(&activity.title, 60);
    if !title.is_empty() {
        name.push('_');
        name.push_str(&title);
    }
    let position = activity
        .certificates
        .iter()
        .position(|f| f.id == file.id)
        .unwrap_or(0);
    if position > 0 {
        name.push_str(&format!("_{}", position + 1));
    }
    format!("{name}.{ext}")
}

/// Most certificates one activity keeps.
pub const MAX_PER_ACTIVITY: usize = 20;

/// Adds a file's record to the activity (its bytes were stored first).
pub fn attach(activity: &mut Activity, file: CertificateFile) -> Result<(), String> {
    if activity.certificates.iter().any(|f| f.id == file.id) {
        return Ok(());
    }
    if activity.certificates.len() >= MAX_PER_ACTIVITY {
        return Err(format!(
            "An activity keeps at most {MAX_PER_ACTIVITY} certificates; remove one first."
        ));
    }
    activity.certificates.push(file);
    Ok(())
}

/// Removes a file's record from the activity and returns it (for undo and to delete its bytes).
pub fn detach(activity: &mut Activity, id: Uuid) -> Result<CertificateFile, String> {
    let at = activity
        .certificates
        .iter()
        .position(|f| f.id == id)
        .ok_or("That certificate is no longer there.")?;
    Ok(activity.certificates.remove(at))
}

/// The certificate records whose files are not among `kept` (the ids of the files on this
/// device): `(count, bytes)`.
pub fn missing<A: Borrow<Activity>>(
    activities: &[A],
    kept: &crate::domain::ids::IdSet,
) -> (usize, u64) {
    activities
        .iter()
        .flat_map(|a| a.borrow().certificates.iter())
        .filter(|f| !kept.contains(&f.id))
        .fold((0, 0), |(n, b), f| (n + 1, b + f.size))
}

/// What to tell her when `count` certificate files her records name are not on this device.
pub fn missing_notice(count: usize) -> String {
    let (files, them) = if count == 1 {
        ("1 certificate is".to_string(), "it")
    } else {
        (format!("{count} certificates are"), "them")
    };
    format!(
        "{files} no longer on this device: the browser removed stored files, or part of this site's data was cleared. Your records still list {them}. Restore {them} from a backup made with certificates (Backup, then import it and choose Merge)."
    )
}

/// How many of `activities` (completed ones) have no certificate on file.
pub fn without_certificate<A: Borrow<Activity>>(activities: &[A]) -> usize {
    activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| a.is_completed() && a.certificates.is_empty())
        .count()
}

/// Of the activities whose ids are given (those counting toward a credential), how many have no
/// certificate on file, and how many there are: `(missing, counted)`.
pub fn missing_among<A: Borrow<Activity>>(
    activities: &[A],
    ids: &crate::domain::ids::IdSet,
) -> (usize, usize) {
    let counted: Vec<&Activity> = activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| ids.contains(&a.id))
        .collect();
    (without_certificate(&counted), counted.len())
}

/// "3 of the 14 activities counting here have no certificate on file."
pub fn missing_sentence(missing: usize, counted: usize) -> Option<String> {
    match (missing, counted) {
        (_, 0) => None,
        (0, _) => Some("Every activity counting here has its certificate on file.".into()),
        (1, 1) => Some("The activity counting here has no certificate on file.".into()),
        (m, c) => Some(format!(
            "{m} of the {c} activities counting here {} no certificate on file.",
            if m == 1 { "has" } else { "have" }
        )),
    }
}

#[cfg(test)]
mod missing_tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn files_the_device_no_longer_has_are_counted_with_their_size() {
        let mut a = activity("2025-03-01").title("A").build();
        let file = |size| CertificateFile {
            id: Uuid::new_v4(),
            name: "c.pdf".into(),
            mime: "application/pdf".into(),
            size,
            sha256: "c".repeat(64),
            added: date("2025-03-01"),
        };
        a.certificates = vec![file(100), file(200), file(400)];
        let mut kept = crate::domain::ids::IdSet::default();
        kept.insert(a.certificates[1].id);
        assert_eq!(missing(&[a.clone()], &kept), (2, 500));
        kept.extend(a.certificates.iter().map(|f| f.id));
        assert_eq!(missing(&[a], &kept), (0, 0));
        assert!(missing_notice(1).starts_with("1 certificate is no longer"));
        assert!(missing_notice(3).contains("Restore them"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

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
        .unwrap_err();
        assert!(e.contains("is not a PDF or an image"), "{e}");
        let e = check_file("big.pdf", "application/pdf", MAX_FILE_BYTES + 1).unwrap_err();
        assert!(
            e.contains("is just over 10 MB; certificates can be at most 10 MB"),
            "{e}"
        );
        let e = check_file("big.pdf", "application/pdf", 12 * 1024 * 1024).unwrap_err();
        assert!(
            e.contains("is 12 MB; certificates can be at most 10 MB"),
            "{e}"
        );
        assert!(check_file("empty.png", "image/png", 0).is_err());
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
            download_name(&a, &f),
            "2025-03-03_American-College-of-Cardiology_Heart-failure-what-s-new.pdf"
        );
        let mut second = file("image/png");
        second.id = Uuid::from_u128(2);
        a.certificates.push(second.clone());
        assert!(download_name(&a, &second).ends_with("_2.png"));
    }

    #[test]
    fn attaching_and_detaching_keep_the_list_right() {
        let mut a = activity("2025-03-03").credit("AMA_PRA_CAT1", "1").build();
        attach(&mut a, file("application/pdf")).unwrap();
        attach(&mut a, file("application/pdf")).unwrap();
        assert_eq!(a.certificates.len(), 1, "the same file once");
        for n in 2..=MAX_PER_ACTIVITY as u128 {
            let mut f = file("image/png");
            f.id = Uuid::from_u128(n);
            attach(&mut a, f).unwrap();
        }
        let mut extra = file("image/png");
        extra.id = Uuid::from_u128(999);
        assert!(attach(&mut a, extra).is_err());
        let removed = detach(&mut a, Uuid::from_u128(1)).unwrap();
        assert_eq!(removed.mime, "application/pdf");
        assert!(detach(&mut a, Uuid::from_u128(1)).is_err());
    }

    #[test]
    fn activities_without_a_certificate_are_counted() {
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
    }
}
