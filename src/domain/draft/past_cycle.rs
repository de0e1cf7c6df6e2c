//! "Earlier cycles": the dates of cycles before the current one, so that rules due once every
//! few cycles, and carry-over, count exactly the board's windows instead of a guess.

use chrono::Months;

use super::{required_date, FieldError};
use crate::domain::model::credential::{Credential, Cycle};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PastCycleDraft {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PastCycleField {
    Start,
    End,
}

impl PastCycleDraft {
    /// The cycle just before the earliest one recorded, as long as the current cycle (in whole
    /// months when it is whole months): what the form offers first.
    pub fn before_earliest(c: &Credential) -> PastCycleDraft {
        let earliest = c.past_cycles.last().unwrap_or(&c.cycle);
        let Some(end) = earliest.start.pred_opt() else {
            return PastCycleDraft::default();
        };
        let after = c.cycle.end.succ_opt().unwrap_or(c.cycle.end);
        let months =
            (0u32..=240).find(|m| c.cycle.start.checked_add_months(Months::new(*m)) == Some(after));
        let start = match months {
            Some(m) if m > 0 => earliest.start.checked_sub_months(Months::new(m)),
            _ => earliest
                .start
                .checked_sub_signed(c.cycle.end - c.cycle.start)
                .and_then(|d| d.pred_opt()),
        };
        PastCycleDraft {
            start: start.map(|d| d.to_string()).unwrap_or_default(),
            end: end.to_string(),
        }
    }

    /// Checks the dates: a real span, before the current cycle, overlapping no recorded cycle.
    pub fn validate(&self, c: &Credential) -> Result<Cycle, Vec<FieldError<PastCycleField>>> {
        let mut errors = Vec::new();
        let start = required_date(
            &self.start,
            PastCycleField::Start,
            "Enter the date that cycle started.",
            &mut errors,
        );
        let end = required_date(
            &self.end,
            PastCycleField::End,
            "Enter the date that cycle ended.",
            &mut errors,
        );
        let (Some(start), Some(end)) = (start, end) else {
            return Err(errors);
        };
        if end < start {
            errors.push(FieldError::new(
                PastCycleField::End,
                "The cycle cannot end before it starts.",
            ));
        } else if end >= c.cycle.start {
            errors.push(FieldError::new(
                PastCycleField::End,
                format!(
                    "An earlier cycle ends before the current one starts ({}).",
                    c.cycle.start
                ),
            ));
        } else if let Some(o) = c
            .past_cycles
            .iter()
            .find(|p| start <= p.end && p.start <= end)
        {
            errors.push(FieldError::new(
                PastCycleField::Start,
                format!(
                    "It overlaps the cycle already recorded from {} to {}.",
                    o.start, o.end
                ),
            ));
        } else if (end - start).num_days() > crate::domain::model::contract::MAX_CYCLE_DAYS {
            errors.push(FieldError::new(
                PastCycleField::End,
                "A cycle longer than 10 years is almost certainly a typing slip.",
            ));
        }
        if errors.is_empty() {
            Ok(Cycle::new(start, end))
        } else {
            Err(errors)
        }
    }
}

/// Where a new earlier cycle goes: the list stays most recent first.
pub fn insert_past_cycle(past: &mut Vec<Cycle>, cycle: Cycle) {
    let at = past
        .iter()
        .position(|p| p.start < cycle.start)
        .unwrap_or(past.len());
    past.insert(at, cycle);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;

    #[test]
    fn the_form_offers_the_cycle_before_and_checks_overlaps() {
        let mut c = credential("FL", "2025-02-01", "2027-01-31").build();
        let d = PastCycleDraft::before_earliest(&c);
        assert_eq!(
            (d.start.as_str(), d.end.as_str()),
            ("2023-02-01", "2025-01-31")
        );
        let cycle = d.validate(&c).unwrap();
        insert_past_cycle(&mut c.past_cycles, cycle);
        let d = PastCycleDraft::before_earliest(&c);
        assert_eq!(
            (d.start.as_str(), d.end.as_str()),
            ("2021-02-01", "2023-01-31")
        );
        // Overlapping the recorded one, or reaching into the current cycle: refused by field.
        let overlap = PastCycleDraft {
            start: "2024-01-01".into(),
            end: "2024-06-30".into(),
        };
        assert_eq!(
            overlap.validate(&c).unwrap_err()[0].field,
            PastCycleField::Start
        );
        let current = PastCycleDraft {
            start: "2024-01-01".into(),
            end: "2025-06-30".into(),
        };
        assert_eq!(
            current.validate(&c).unwrap_err()[0].field,
            PastCycleField::End
        );
        // Inserted in order, most recent first.
        insert_past_cycle(
            &mut c.past_cycles,
            Cycle::new(date("2019-02-01"), date("2021-01-31")),
        );
        insert_past_cycle(
            &mut c.past_cycles,
            Cycle::new(date("2021-02-01"), date("2023-01-31")),
        );
        let starts: Vec<String> = c.past_cycles.iter().map(|p| p.start.to_string()).collect();
        assert_eq!(starts, ["2023-02-01", "2021-02-01", "2019-02-01"]);
    }
}
