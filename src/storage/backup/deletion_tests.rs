use super::*;
use crate::domain::build::*;
use crate::storage::merge::merge;

#[test]
fn certificates_are_split_into_parts_each_a_whole_backup_that_reads_back() {
    let id = |n: u128| Uuid::from_u128(n);
    let mb = 1024 * 1024;
    let files: Vec<(Uuid, u64)> = (1..=31).map(|n| (id(n), 10 * mb)).collect();
    let split = parts(&files, PART_FILE_BYTES);
    assert_eq!(
        split.iter().map(Vec::len).collect::<Vec<_>>(),
        [10, 10, 10, 1]
    );
    assert_eq!(
        split.concat(),
        files.iter().map(|f| f.0).collect::<Vec<_>>()
    );
    // A file over the part size has a part of its own; nothing gives one empty part.
    assert_eq!(parts(&[(id(1), 5), (id(2), 50), (id(3), 5)], 10).len(), 3);
    assert_eq!(parts(&[], 10), vec![Vec::<Uuid>::new()]);
    let part = Part { number: 2, of: 4 };
    assert_eq!(
        part_file_name(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), part),
        "cme-tracker-backup-2026-12-07-part-2-of-4.json"
    );
    // A part is a whole backup: it reads back with its part number; a wrong one is refused.
    let mut data = AppData::default();
    data.upsert_activity(
        activity("2025-03-01")
            .title("A")
            .credit("AMA_PRA_CAT1", "1")
            .build(),
    );
    let text = export_with_files(&data, "t", chrono::Utc::now(), &[], Some(part));
    let back = parse(text.as_bytes()).unwrap();
    assert_eq!((back.part, back.data.activities.len()), (Some(part), 1));
    let bad = text.replace("\"number\": 2", "\"number\": 5");
    assert!(parse(bad.as_bytes()).is_err());
    // One part only: written as an ordinary backup.
    let whole = export_with_files(
        &data,
        "t",
        chrono::Utc::now(),
        &[],
        Some(Part { number: 1, of: 1 }),
    );
    assert!(!whole.contains("\"part\""));
}

#[test]
fn a_merge_or_replacement_too_large_for_the_browser_is_announced_in_the_preview() {
    let big = |n: usize, tag: &str| {
        let mut d = AppData::default();
        for i in 0..n {
            d.upsert_activity(
                activity("2024-03-01")
                    .title(&format!(
                        "{tag} course number {i} with a title of some length"
                    ))
                    .credit("AMA_PRA_CAT1", "1.25")
                    .build(),
            );
        }
        d
    };
    let here = big(15_000, "here");
    let file = big(15_000, "file");
    let backup = |data: AppData| Backup {
        files: Vec::new(),
        part: None,
        app_version: "test".into(),
        exported_at: chrono::Utc::now(),
        data,
    };
    let p = preview(&here, &backup(file.clone()));
    let units = p
        .merge_too_large
        .expect("30,000 activities are over the budget");
    assert!(units > crate::storage::format::STORAGE_UNITS_BUDGET);
    assert_eq!(p.replace_too_large, None, "the file alone fits");
    let p = preview(&AppData::default(), &backup(big(300, "small")));
    assert_eq!((p.merge_too_large, p.replace_too_large), (None, None));
}

#[test]
fn a_file_holding_only_deletions_lists_them_before_anything_changes() {
    let mut current = AppData::default();
    let a = activity("2025-03-01")
        .title("Ethics")
        .credit("AMA_PRA_CAT1", "1")
        .build();
    let b = activity("2025-04-01")
        .title("Opioids")
        .credit("AMA_PRA_CAT1", "1")
        .build();
    current.upsert_activity(a.clone());
    current.upsert_activity(b.clone());
    let mut file = current.clone();
    file.remove_activity(a.id, a.updated_at + chrono::Duration::minutes(1));
    file.remove_activity(b.id, b.updated_at + chrono::Duration::minutes(1));
    file.activities.clear();
    let backup = parse(export(&file, "0.1.0", Utc::now()).as_bytes()).unwrap();
    let p = preview(&current, &backup);
    assert_eq!(p.activities, 0);
    let titles: Vec<&str> = p.deletes.iter().map(|(_, _, t)| t.as_str()).collect();
    assert_eq!(titles, ["Ethics", "Opioids"]);
    // Keeping one: only the other goes.
    let (merged, report) = merge(&current, &backup.keeping(&[a.id]));
    assert_eq!(report.removed, 1);
    assert_eq!(merged.activities, crate::storage::data::shared(vec![a]));
}
