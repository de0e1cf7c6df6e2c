//! The limits every record keeps: dates a person can mean, amounts that are not typing slips,
//! and text that cannot widen a page or fill storage. At the bottom of the model, so that the
//! records' own operations and the validity contract (`contract`) read the same figures.

use chrono::NaiveDate;

use crate::domain::model::credits::Amount;

/// Earliest date a record may carry: no clinician's CME predates it, and every date formatter
/// (ours and the browser's) handles it. Later than 1677, so timestamps fit the compact store.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};
/// Latest date a record may carry (before 2262, where nanosecond timestamps end).
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => unreachable!(),
};

/// Most credit one designation may carry: no activity is worth more than 100 credits, so more is
/// a typing slip ("150" for "1.50").
pub const MAX_DESIGNATION: Amount = Amount::from_hundredths(99_975);
/// Most a rule may require, cap or carry over: ten times the largest real requirement (ABIM's
/// 100 points; RCPSC's 400 credits over five years).
pub const MAX_RULE_AMOUNT: Amount = Amount::hours(1000);
/// "Every N cycles", "first N renewals", "after the first N renewals": 1 to 20.
pub const MAX_CYCLES: u32 = 20;
/// "Every N months": 1 to 240 (20 years).
pub const MAX_MONTHS: u32 = 240;
/// Longest renewal cycle: ten years (plus the leap days in them).
pub const MAX_CYCLE_DAYS: i64 = 366 * 10;
/// Longest a CE deadline may fall after the cycle end (boards with a grace period, e.g. Texas's
/// 30 days, put it after the expiry; a year covers every board we know).
pub const MAX_GRACE_DAYS: i64 = 366;
/// Credit weights: 1 % to 1000 % (×10).
pub const MAX_WEIGHT_PERCENT: u32 = 1000;

/// Text limits, in characters. They keep one record from widening a page or filling storage.
pub const TITLE: usize = 300;
pub const PROVIDER: usize = 200;
pub const NOTES: usize = 5000;
pub const TAG: usize = 60;
pub const TAGS: usize = 30;
pub const CREDITS: usize = 20;
pub const TOPICS: usize = 60;
pub const CERTIFICATES: usize = 20;
pub const NAME: usize = 200;
pub const JURISDICTION: usize = 100;
pub const NUMBER: usize = 60;
pub const CODE: usize = 100;
pub const RULE_ID: usize = 100;
pub const RULE_LABEL: usize = 120;
pub const RULE_NOTE: usize = 2000;
pub const RULES: usize = 100;
pub const CONDITIONS: usize = 60;
pub const PAST_CYCLES: usize = 100;
pub const EXEMPTIONS: usize = 100;
pub const REASON: usize = 500;
pub const PRESET_ID: usize = 100;

/// Why a date is outside the contract, in words for the field it is in.
pub fn date_problem(d: NaiveDate) -> Option<String> {
    (!(MIN_DATE..=MAX_DATE).contains(&d))
        .then(|| format!("{d} is outside the dates this app keeps (1900-01-01 to 2200-12-31)"))
}
