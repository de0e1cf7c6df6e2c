use super::*;
use crate::domain::build::*;
use crate::domain::engine::evaluate::{evaluate, RuleStatus};

#[test]
fn a_rules_conditions_read_the_same_in_its_sentence_and_in_why_it_does_not_apply() {
    let mut r = total("total", "10", &[]);
    r.applies_if.all = vec!["dea_registrant".into(), "prescribes_opioids".into()];
    r.applies_if.none = vec!["national_certification".into()];
    let words = conditions_text(&r.applies_if);
    assert_eq!(
        words,
        "you hold a DEA registration and you prescribe opioids, unless you hold a board-approved national specialty certification"
    );
    assert!(rule_sentence(&r).ends_with(&format!(" — only if {words}.")));
    let c = credential("TX", "2025-01-01", "2026-12-31").rule(r).build();
    let ev = evaluate(&c, NO_ACTIVITIES, date("2026-01-01"));
    assert_eq!(ev.rules[0].status, RuleStatus::NotApplicable);
    let detail = ev.rules[0].detail.as_ref().unwrap();
    assert_eq!(
        detail_text(detail, &|d| d.to_string()),
        format!("Applies only if {words}.")
    );
    // Only an exception: "unless".
    let mut only_unless = total("total", "10", &[]);
    only_unless.applies_if.none = vec!["pathologist_or_radiologist".into()];
    assert!(
        rule_sentence(&only_unless).ends_with(" — unless you are a pathologist or radiologist.")
    );
}

#[test]
fn labels_keep_their_acronyms_in_a_sentence() {
    assert_eq!(in_sentence("HIV/AIDS"), "HIV/AIDS");
    assert_eq!(
        in_sentence("Ethics & professional responsibility"),
        "ethics & professional responsibility"
    );
    assert_eq!(
        condition_phrase("first_renewal_exempt"),
        "your first renewal qualifies for the board's first-renewal exemption (see its note)"
    );
    assert_eq!(
        condition_phrase("board_specific_exemption"),
        "a board's stated exemption applies to you (see each requirement's wording)"
    );
}

#[test]
fn reasons_write_dates_as_people_do() {
    use crate::domain::engine::evaluate::Reason;
    let r = Reason::OutsideWindow {
        from: date("2025-01-01"),
        to: date("2026-12-31"),
    };
    assert_eq!(
        reason_text(&r, Unit::Hour, &|d| d.format("%-d %b %Y").to_string()),
        "Completed outside the counted period (1 Jan 2025 to 31 Dec 2026)."
    );
}
