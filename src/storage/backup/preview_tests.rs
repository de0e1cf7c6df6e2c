use super::*;
use crate::domain::build::*;

#[test]
fn preview_counts_records_dates_and_conflicts() {
    let mut current = AppData::default();
    let a = activity("2025-03-01")
        .title("A")
        .credit("AMA_PRA_CAT1", "1")
        .build();
    current.upsert_activity(a.clone());
    let mut incoming = current.clone();
    let mut a2 = a.clone();
    a2.title = "A edited".into();
    incoming.upsert_activity(a2);
    incoming.upsert_activity(
        activity("2026-01-05")
            .title("B")
            .credit("AMA_PRA_CAT1", "1")
            .build(),
    );
    let text = export(&incoming, "0.1.0", Utc::now());
    let p = preview(&current, &parse(text.as_bytes()).unwrap());
    assert_eq!(p.activities, 2);
    assert_eq!(p.date_range, Some((date("2025-03-01"), date("2026-01-05"))));
    assert_eq!(p.same_id, 1);
    assert_eq!(p.differing, 1);
}
