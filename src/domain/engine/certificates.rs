//! Which activities have their certificates on file: what the dashboard and a credential's page
//! say about audit readiness.

use std::borrow::Borrow;

use crate::domain::model::activity::Activity;
use crate::domain::model::ids::IdSet;

/// How many of `activities` (completed ones) have no certificate on file.
pub fn without_certificate<A: Borrow<Activity>>(activities: &[A]) -> usize {
    activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| a.is_completed() && a.certificates.is_empty())
        .count()
}

/// Of the activities whose ids are given (those counting toward a credential), how many have no
/// certificate on file, and how many there are: `(missing, counted)`.
pub fn missing_among<A: Borrow<Activity>>(activities: &[A], ids: &IdSet) -> (usize, usize) {
    let counted: Vec<&Activity> = activities
        .iter()
        .map(Borrow::borrow)
        .filter(|a| ids.contains(&a.id))
        .collect();
    (without_certificate(&counted), counted.len())
}
