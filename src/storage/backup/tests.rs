use super::*;
use crate::domain::build::*;
use crate::domain::Amount;

fn sample() -> AppData {
    AppData {
        activities: crate::storage::data::shared(vec![
            activity("2025-03-01")
                .title("Ethics grand rounds")
                .credit("AMA_PRA_CAT1", "2")
                .topic("ethics_professional_responsibility")
                .build(),
            activity("2025-04-01")
                .title("Opioid prescribing")
                .credit("AMA_PRA_CAT1", "1.25")
                .credit("ABIM_MOC_POINT", "1.25")
                .build(),
        ]),
        credentials: vec![
            credential("Texas medical license", "2025-02-01", "2027-01-31")
                .rule(total("total", "48", &["AMA_PRA_CAT1", "AMA_PRA_CAT2"]))
                .build(),
        ],
        ..AppData::default()
    }
}

#[test]
fn export_then_parse_gives_back_identical_data() {
    let data = sample();
    let text = export(&data, "0.1.0", Utc::now());
    let back = parse(text.as_bytes()).expect("own export parses");
    assert_eq!(back.data, data);
    assert_eq!(back.app_version, "0.1.0");
    assert_eq!(
        file_name(date("2026-11-25")),
        "cme-tracker-backup-2026-11-25.json"
    );
}

#[test]
fn each_bad_file_gets_its_own_message() {
    let err = parse(b"{not json").unwrap_err();
    assert!(err.summary.contains("not valid JSON"));
    assert!(err.problems[0].path.starts_with("line 1"));
    assert!(parse(br#"{"hello": 1}"#)
        .unwrap_err()
        .summary
        .contains("not a CME Tracker backup"));
    assert!(parse(&[0xff, 0xfe, 0x00])
        .unwrap_err()
        .summary
        .contains("not a text file"));
    let newer = export(&sample(), "9", Utc::now()).replace(
        &format!("\"schema_version\": {BACKUP_VERSION}"),
        "\"schema_version\": 99",
    );
    assert!(parse(newer.as_bytes())
        .unwrap_err()
        .summary
        .contains("newer version"));
    let big = vec![b' '; MAX_BACKUP_BYTES + 1];
    let refused = parse(&big).unwrap_err().summary;
    assert!(refused.contains(
        "This file is 20 MB; a CME Tracker backup is at most 20 MB (400 MB with certificates)."
    ));

    let mut dup = sample();
    dup.activities.push(dup.activities[0].clone());
    let err = parse(export(&dup, "0.1.0", Utc::now()).as_bytes()).unwrap_err();
    assert_eq!(err.problems[0].path, "activities[2].id");

    let mut bad = sample();
    std::sync::Arc::make_mut(&mut bad.activities[1]).credits[0].amount = Amount::hours(1000);
    std::sync::Arc::make_mut(&mut bad.activities[0]).end = date("2025-01-01");
    let err = parse(export(&bad, "0.1.0", Utc::now()).as_bytes()).unwrap_err();
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["activities[0].end", "activities[1].credits[0].amount"]
    );

    let wrong_type = export(&sample(), "0.1.0", Utc::now()).replacen(
        "\"amount\": 200",
        "\"amount\": \"two\"",
        1,
    );
    let err = parse(wrong_type.as_bytes()).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, "activities[0].credits[0].amount");
    assert_eq!(
        err.problems[0].record.to_string(),
        "activity 1 “Ethics grand rounds”"
    );
    assert!(err.problems[0].message.contains("\"two\""), "{err}");

    // A byte-order mark is not an error; a missing list is.
    let data = sample();
    let text = export(&data, "0.1.0", Utc::now());
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(parse(&with_bom).unwrap().data, data);
    let mut v: serde_json::Value =
        serde_json::from_str(&export(&sample(), "0.1.0", Utc::now())).unwrap();
    v.as_object_mut().unwrap().remove("credentials");
    let err = parse(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.problems[0].path, "credentials");
    assert_eq!(err.problems[0].message, "is missing");
}
