//! The units credit is counted in: hours, credits, points, CEUs.

use super::*;

/// The unit a credit type is counted in.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Credit,
    #[default]
    Hour,
    Point,
    /// IACET Continuing Education Unit: 1 CEU = 10 contact hours.
    Ceu,
    /// A certifying body's own renewal unit, awarded by its chart per kind of activity (NBCOT:
    /// one unit per hour of a course, more for presenting or publishing): not hours.
    RenewalUnit,
}

impl Unit {
    /// Whether the unit measures time: hours, credits (one per hour of participation, as the AMA
    /// PRA and most accreditors designate them) and CEUs (ten hours each) can be added up and
    /// compared; points (ABIM MOC) are awarded by a board's own scale and cannot.
    pub fn is_time(self) -> bool {
        matches!(self, Unit::Credit | Unit::Hour | Unit::Ceu)
    }

    /// The unit of a credit type; unknown and custom types count hours.
    pub fn of(id: &CreditTypeId) -> Unit {
        credit_type(id).map_or(Unit::Hour, |c| c.unit)
    }

    /// The unit a rule (or plan item) accepting `types` counts in: points when it takes only
    /// points (ABIM MOC), credits when only credits (AMA PRA Category 1), otherwise hours (any
    /// type; CEUs are counted as their hours).
    pub fn of_types(types: &[CreditTypeId]) -> Unit {
        let units: Vec<Unit> = types.iter().map(Unit::of).collect();
        match units.first() {
            Some(first) if units.iter().all(|u| u == first) && *first != Unit::Ceu => *first,
            _ => Unit::Hour,
        }
    }

    /// "1 hour", "2.5 hours", "1 credit", "12.5 points" (amounts as `display_short`).
    pub fn amount_text(self, a: crate::domain::model::credits::Amount) -> String {
        self.amount_with(a, &a.display_short())
    }

    /// The same with the number already written (in the reader's locale).
    pub fn amount_with(self, a: crate::domain::model::credits::Amount, number: &str) -> String {
        let one = a == crate::domain::model::credits::Amount::hours(1);
        let word = match (self, one) {
            (Unit::Credit, true) => "credit",
            (Unit::Credit, false) => "credits",
            (Unit::Point, true) => "point",
            (Unit::Point, false) => "points",
            (Unit::RenewalUnit, true) => "unit",
            (Unit::RenewalUnit, false) => "units",
            (Unit::Hour | Unit::Ceu, true) => "hour",
            (Unit::Hour | Unit::Ceu, false) => "hours",
        };
        format!("{number} {word}")
    }

    /// The unit's name in the plural: "hours", "credits", "points", "CEUs".
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Credit => "credits",
            Unit::Hour => "hours",
            Unit::Point => "points",
            Unit::Ceu => "CEUs",
            Unit::RenewalUnit => "units",
        }
    }

    /// Short form for tables and progress bars: "h", "cr", "pts".
    pub fn abbrev(self) -> &'static str {
        match self {
            Unit::Credit => "cr",
            Unit::Point => "pts",
            Unit::RenewalUnit => "units",
            Unit::Hour | Unit::Ceu => "h",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Unit::Credit => "cr",
            Unit::Hour => "h",
            Unit::Point => "pts",
            Unit::Ceu => "CEU",
            Unit::RenewalUnit => "units",
        }
    }
}
