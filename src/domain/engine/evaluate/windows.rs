//! The window of dates a rule reads: its cycle, or the cycles or months its recurrence spans,
//! and the years of a cycle for per-year rules.

use super::*;

/// The counting window of a recurrence for a credential's current cycle.
pub fn window_of(cred: &Credential, recurrence: &Recurrence) -> (NaiveDate, NaiveDate) {
    let cycle = &cred.cycle;
    let to = cycle.deadline();
    let from = match *recurrence {
        Recurrence::EveryCycle | Recurrence::FirstCycles { .. } => cycle.start,
        Recurrence::EveryNCycles { n } if n <= 1 => cycle.start,
        Recurrence::EveryNCycles { n } => match cred.past_cycles.get(n as usize - 2) {
            Some(c) => c.start,
            // Earlier cycles not recorded: assume they were as long as the current one. Checked
            // all the way: an imported n or cycle length must never panic the engine; a window
            // reaching before the calendar's first day simply starts there.
            None => match whole_months(cycle.start, cycle.end) {
                // A cycle of whole months (1 Feb 2025 – 31 Jan 2027): step back in months, so the
                // window starts on the 1st, as the board's earlier cycles did.
                Some(months) => months
                    .checked_mul(n - 1)
                    .and_then(|back| cycle.start.checked_sub_months(Months::new(back)))
                    .unwrap_or(NaiveDate::MIN),
                None => {
                    let len = (cycle.end - cycle.start).num_days().max(0) + 1;
                    len.checked_mul(i64::from(n) - 1)
                        .and_then(chrono::TimeDelta::try_days)
                        .and_then(|back| cycle.start.checked_sub_signed(back))
                        .unwrap_or(NaiveDate::MIN)
                }
            },
        },
        Recurrence::EveryNMonths { months } | Recurrence::AfterFirstCycles { months, .. } => {
            months_before(to, months)
        }
        Recurrence::OnceEver | Recurrence::OnceWithinFirstCycles { .. } => NaiveDate::MIN,
    };
    (from, to)
}

/// The length of the cycle `start ..= end` in months, when it is a whole number of them (the day
/// after `end` falls on `start`'s day of the month, or both are month ends).
pub(super) fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    let after = end.succ_opt()?;
    let months = (after.year() - start.year()) * 12 + after.month() as i32 - start.month() as i32;
    let months = u32::try_from(months).ok().filter(|m| *m > 0)?;
    (start.checked_add_months(Months::new(months)) == Some(after)).then_some(months)
}

/// The first day of the `months`-long span that ends on `to`.
pub(super) fn months_before(to: NaiveDate, months: u32) -> NaiveDate {
    to.checked_sub_months(Months::new(months))
        .and_then(|d| d.succ_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// The years of a cycle, each starting on an anniversary of the cycle start. A remainder shorter
/// than a year joins the last year, which ends on the later of cycle end and CE deadline (a cycle
/// from 29 Feb 2024 to 28 Feb 2026 has two years, not two and a day).
pub fn cycle_years(cycle: &Cycle) -> Vec<(NaiveDate, NaiveDate)> {
    let after_end = cycle.end.succ_opt().unwrap_or(cycle.end);
    let anniversary = |k: u32| cycle.start.checked_add_months(Months::new(12 * k));
    let mut n = 1;
    while n < 100 && anniversary(n + 1).is_some_and(|d| d <= after_end) {
        n += 1;
    }
    let last_to = cycle.deadline().max(cycle.end);
    (0..n)
        .filter_map(|k| {
            let from = anniversary(k)?;
            let to = if k + 1 == n {
                last_to
            } else {
                anniversary(k + 1)?.pred_opt()?
            };
            Some((from, to))
        })
        .collect()
}
