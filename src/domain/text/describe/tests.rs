use super::*;
use crate::domain::build::*;
use crate::domain::engine::evaluate::evaluate;

#[test]
fn rule_sentences_read_like_the_board_wrote_them() {
    let r = topic_min(
        "ethics",
        "2",
        &["ethics_professional_responsibility"],
        &["AMA_PRA_CAT1"],
    );
    assert_eq!(
            rule_sentence(&r),
            "At least 2 credits of ethics & professional responsibility, AMA PRA Category 1 Credit™, every cycle."
        );
    let mate = topic_min("mate", "8", &["substance_use_disorder"], &[])
        .every(Recurrence::OnceEver)
        .only_if(&["dea_registrant"]);
    let s = rule_sentence(&mate);
    assert!(s.starts_with("At least 8 hours of "), "{s}");
    assert!(s.contains("once in a career — only if"), "{s}");
}

#[test]
fn status_sentence_says_what_is_left_and_by_when() {
    let rule = topic_min(
        "ethics",
        "2",
        &["ethics_professional_responsibility"],
        &["AMA_PRA_CAT1"],
    );
    let c = credential("TX", "2025-02-01", "2027-01-31")
        .rule(rule.clone())
        .build();
    let ev = evaluate(&c, NO_ACTIVITIES, date("2026-01-01"));
    let s = status_sentence(
        &rule,
        &ev.rules[0],
        &|d| d.format("%-d %b %Y").to_string(),
        &|a| a.display_short(),
    );
    assert_eq!(s, "2 credits of ethics & professional responsibility (AMA Cat 1) still needed by 31 Jan 2027.");
}

#[test]
fn status_sentences_write_figures_as_the_reader_s_locale_does() {
    // The UI passes the locale's number formatter, as for the progress labels beside the
    // sentence: a career's 1,234.5 hours must not read "1234.5" in one and "1,234.5" in the other.
    let grouped = |a: Amount| {
        let text = a.display_short();
        let (whole, rest) = text
            .split_once('.')
            .map_or((text.as_str(), ""), |(w, r)| (w, r));
        let mut out = String::new();
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if rest.is_empty() {
            out
        } else {
            format!("{out}.{rest}")
        }
    };
    let day = |d: NaiveDate| d.to_string();
    let met = credential("TX", "2025-02-01", "2027-01-31")
        .rule(total("total", "48", &[]))
        .build();
    let acts = vec![activity("2025-06-01")
        .credit("AMA_PRA_CAT1", "1234.5")
        .build()];
    let ev = evaluate(&met, &acts, date("2026-01-01"));
    assert_eq!(
        status_sentence(&met.rules[0], &ev.rules[0], &day, &grouped),
        "Met: 1,234.5 hours counted of 48 hours required."
    );
    // A per-year rule short in a year: its figures go through the same formatter.
    let yearly = credential("TX", "2025-02-01", "2027-01-31")
        .rule(per_year("bias", "1000", &["implicit_bias"], &[]))
        .build();
    let ev = evaluate(&yearly, NO_ACTIVITIES, date("2026-06-01"));
    let s = status_sentence(&yearly.rules[0], &ev.rules[0], &day, &grouped);
    assert!(s.contains("0 of 1,000 hours"), "{s}");
    assert!(!s.contains("1000"), "{s}");
}
