//! The pace chart's sentence: where a credential stands against an even pace, in words (the
//! chart's description, which a screen reader reads instead of the drawing).

use crate::domain::engine::charts::Pace;
use crate::domain::model::credits::Amount;
use chrono::NaiveDate;

/// "Texas total: 12 hours counted of 48 by 1 Jun 2026; an even pace would have 20 hours by then
/// (8 hours behind it). CE due 31 Jan 2027." `amount` writes an amount with its unit, `date` a
/// date, as the reader's locale does.
pub fn pace_sentence(
    p: &Pace,
    amount: &dyn Fn(Amount) -> String,
    date: &dyn Fn(NaiveDate) -> String,
) -> String {
    let when = p.today.min(p.deadline);
    let ahead = p.ahead_today();
    let standing = if ahead >= 0 {
        format!("{} ahead of", amount(Amount::from_hundredths(ahead)))
    } else {
        format!("{} behind", amount(Amount::from_hundredths(-ahead)))
    };
    format!(
        "{}: {} counted of {} by {}; an even pace would have {} by then ({} it). CE due {}.",
        p.label,
        amount(p.counted_on(when)),
        amount(p.required),
        date(when),
        amount(p.expected_on(when)),
        standing,
        date(p.deadline)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::domain::model::vocab::Unit;

    #[test]
    fn the_sentence_says_counted_required_and_how_far_from_an_even_pace() {
        let p = Pace {
            label: "Texas total".into(),
            unit: Unit::Hour,
            start: date("2025-02-01"),
            deadline: date("2027-01-31"),
            today: date("2026-02-01"),
            required: hours("48"),
            carried_over: Amount::ZERO,
            steps: vec![(date("2025-06-01"), hours("12"))],
        };
        let s = pace_sentence(&p, &|a| format!("{} h", a.display_short()), &|d| {
            d.to_string()
        });
        assert!(
            s.starts_with(
                "Texas total: 12 h counted of 48 h by 2026-02-01; an even pace would have "
            ),
            "{s}"
        );
        assert!(s.contains(" behind it). CE due 2027-01-31."), "{s}");
    }
}
