//! Credit amounts and credit types.
//!
//! Amounts are fixed-point hundredths held in an `i64`: CME arithmetic is done in quarter hours and
//! audits compare totals to the hundredth, so summing floats (0.1 + 0.2 ≠ 0.3) is never acceptable.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub, SubAssign};
use std::sync::Arc;

/// A credit amount in hundredths (`Amount(125)` is 1.25 credits or hours).
///
/// Serialised as the integer number of hundredths so that stored data and backups are exact.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Amount(i64);

/// Why a typed amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber,
    TooManyDecimals,
    Negative,
    TooLarge,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AmountError::Empty => "Enter an amount.",
            AmountError::NotANumber => "Enter a number such as 1, 1.5 or 0.25.",
            AmountError::TooManyDecimals => "Use at most two decimals (e.g. 1.25).",
            AmountError::Negative => "The amount cannot be negative.",
            AmountError::TooLarge => "The amount is too large.",
        })
    }
}

impl std::error::Error for AmountError {}

impl Amount {
    pub const ZERO: Amount = Amount(0);
    /// Largest amount the app accepts anywhere (guards arithmetic against absurd imports).
    pub const MAX: Amount = Amount(100_000_000);

    pub const fn from_hundredths(h: i64) -> Amount {
        Amount(h)
    }

    pub const fn hours(h: i64) -> Amount {
        Amount(h * 100)
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Parses what a person types: "2", "1.5", "0.25", " 1,25 " (decimal comma accepted).
    pub fn parse(text: &str) -> Result<Amount, AmountError> {
        let t = text.trim().replace(',', ".");
        if t.is_empty() {
            return Err(AmountError::Empty);
        }
        if t.starts_with('-') {
            return Err(AmountError::Negative);
        }
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t.as_str(), ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return Err(AmountError::NotANumber);
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(AmountError::NotANumber);
        }
        if frac.len() > 2 {
            return Err(AmountError::TooManyDecimals);
        }
        if whole.len() > 9 {
            return Err(AmountError::TooLarge);
        }
        let w: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| AmountError::NotANumber)?
        };
        let f: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| AmountError::NotANumber)? * 10,
            _ => frac.parse().map_err(|_| AmountError::NotANumber)?,
        };
        let a = Amount(w * 100 + f);
        if a > Amount::MAX {
            return Err(AmountError::TooLarge);
        }
        Ok(a)
    }

    /// Whether the amount is a whole number of quarter hours (the AMA PRA increment).
    pub fn is_quarter_multiple(self) -> bool {
        self.0 % 25 == 0
    }

    /// Rounds down to the quarter hour, for rules that only credit whole 15-minute blocks.
    pub fn floor_quarter(self) -> Amount {
        Amount(self.0.div_euclid(25) * 25)
    }

    /// Multiplies by `percent`/100 (a weighting such as 150 for ×1.5), rounding down to the hundredth
    /// so that weighting never invents credit.
    pub fn scale_percent(self, percent: u32) -> Amount {
        Amount(self.0.saturating_mul(percent as i64).div_euclid(100))
    }

    pub fn min(self, other: Amount) -> Amount {
        if self <= other {
            self
        } else {
            other
        }
    }

    pub fn max(self, other: Amount) -> Amount {
        if self >= other {
            self
        } else {
            other
        }
    }

    /// `self - other`, never below zero.
    pub fn saturating_sub(self, other: Amount) -> Amount {
        Amount(self.0.saturating_sub(other.0).max(0))
    }

    /// Short human form: "2", "1.5", "1.25" (no trailing zeros).
    pub fn display_short(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let (w, f) = (a / 100, a % 100);
        if f == 0 {
            format!("{sign}{w}")
        } else if f % 10 == 0 {
            format!("{sign}{w}.{}", f / 10)
        } else {
            format!("{sign}{w}.{f:02}")
        }
    }
}

/// Always two decimals ("1.25", "2.00"): the form used in tables and reports.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Amount {
    fn add_assign(&mut self, rhs: Amount) {
        *self = *self + rhs;
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0.saturating_sub(rhs.0))
    }
}

impl SubAssign for Amount {
    fn sub_assign(&mut self, rhs: Amount) {
        *self = *self - rhs;
    }
}

/// Multiplying by a count (years in a cycle, activities) saturates rather than overflows.
impl std::ops::Mul<i64> for Amount {
    type Output = Amount;
    fn mul(self, rhs: i64) -> Amount {
        Amount(self.0.saturating_mul(rhs))
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |a, b| a + b)
    }
}

/// Identifier of a credit type: a short stable code such as `AMA_PRA_CAT1`.
///
/// A code rather than a Rust enum because presets name board-specific types (Washington's
/// Category II–V, Kansas Category I…) and users may define their own (`custom:…`); the built-in
/// ones are listed in [`crate::domain::model::vocab::CREDIT_TYPES`].
///
/// The code is a shared string: every code read (from storage, a backup, the catalog) is one copy
/// per code ([`shared_code`]), which saves memory and lets the engine recognise a code by its
/// address before comparing text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CreditTypeId(pub Arc<str>);

impl<'de> Deserialize<'de> for CreditTypeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(SharedCode).map(CreditTypeId)
    }
}

/// The one copy of `code` shared by every record read. Read straight from the text: 10,000
/// activities name a handful of codes, and a copy per record (freed again once shared) was a
/// tenth of a long career's start-up. Holds each distinct code read, which records hold anyway.
pub fn shared_code(code: &str) -> Arc<str> {
    thread_local! {
        static CODES: std::cell::RefCell<rustc_hash::FxHashSet<Arc<str>>> = Default::default();
    }
    CODES.with_borrow_mut(|codes| match codes.get(code) {
        Some(shared) => shared.clone(),
        None => {
            let shared: Arc<str> = Arc::from(code);
            codes.insert(shared.clone());
            shared
        }
    })
}

/// Reads a code as its shared copy ([`shared_code`]), for credit types and topics.
pub(crate) struct SharedCode;

impl serde::de::Visitor<'_> for SharedCode {
    type Value = Arc<str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Arc<str>, E> {
        Ok(shared_code(code))
    }
}

impl CreditTypeId {
    pub fn new(code: &str) -> CreditTypeId {
        CreditTypeId(Arc::from(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// User-defined types are prefixed so they can never collide with a built-in code.
    pub fn is_custom(&self) -> bool {
        self.0.starts_with("custom:")
    }
}

impl fmt::Display for CreditTypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One credit designation of an activity: "2.00 AMA PRA Category 1 Credit™".
/// An activity may carry several (Category 1 + ABIM MOC points + ANCC contact hours).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CreditDesignation {
    pub credit_type: CreditTypeId,
    pub amount: Amount,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_from_text_or_values_are_one_shared_copy() {
        let from_text: CreditTypeId = serde_json::from_str(r#""AMA_PRA_CAT1""#).unwrap();
        // An escaped code is read through a scratch buffer, not borrowed: still the same copy.
        let escaped: CreditTypeId = serde_json::from_str(r#""AMA\u005fPRA_CAT1""#).unwrap();
        let from_value: CreditTypeId =
            serde_json::from_value(serde_json::json!("AMA_PRA_CAT1")).unwrap();
        assert_eq!(from_text.as_str(), "AMA_PRA_CAT1");
        assert!(Arc::ptr_eq(&from_text.0, &escaped.0));
        assert!(Arc::ptr_eq(&from_text.0, &from_value.0));
        let topic: crate::domain::model::topics::TopicId =
            serde_json::from_str(r#""implicit_bias""#).unwrap();
        assert!(Arc::ptr_eq(&topic.0, &shared_code("implicit_bias")));
        let other: CreditTypeId = serde_json::from_str(r#""CEU""#).unwrap();
        assert!(!Arc::ptr_eq(&from_text.0, &other.0));
        // What is not a string is refused with serde's own words, as before.
        let err = serde_json::from_str::<CreditTypeId>("5")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid type: integer `5`, expected a string"),
            "{err}"
        );
    }

    #[test]
    fn parses_and_formats_typed_amounts() {
        assert_eq!(Amount::parse("2"), Ok(Amount(200)));
        assert_eq!(Amount::parse("1.5"), Ok(Amount(150)));
        assert_eq!(Amount::parse(" 0,25 "), Ok(Amount(25)));
        assert_eq!(Amount::parse(".75"), Ok(Amount(75)));
        assert_eq!(Amount::parse(""), Err(AmountError::Empty));
        assert_eq!(Amount::parse("1.255"), Err(AmountError::TooManyDecimals));
        assert_eq!(Amount::parse("-1"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("abc"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("."), Err(AmountError::NotANumber));
        assert_eq!(Amount(125).to_string(), "1.25");
        assert_eq!(Amount(200).display_short(), "2");
        assert_eq!(Amount(150).display_short(), "1.5");
        assert_eq!(Amount(5).display_short(), "0.05");
    }

    #[test]
    fn quarter_rounding_and_weighting_never_invent_credit() {
        assert_eq!(Amount(149).floor_quarter(), Amount(125));
        assert_eq!(Amount(150).floor_quarter(), Amount(150));
        assert!(Amount(75).is_quarter_multiple());
        assert!(!Amount(10).is_quarter_multiple());
        assert_eq!(Amount(133).scale_percent(150), Amount(199));
        assert_eq!(Amount(100).saturating_sub(Amount(250)), Amount::ZERO);
    }
}
