//! How many edits made on two devices wait for review on this device: written by the Devices
//! page after each exchange, read by the dashboard. A number in localStorage beside the records,
//! not in them: it is this device's own, and the next exchange corrects it.

use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "cme-tracker:sync-reviews";

pub fn reviews_waiting() -> usize {
    LocalStorage::get(KEY).unwrap_or(0)
}

pub fn set_reviews_waiting(count: usize) {
    if count == 0 {
        LocalStorage::delete(KEY);
    } else {
        // Refused (storage full): the dashboard only misses the reminder; the page lists them.
        let _ = LocalStorage::set(KEY, count);
    }
}
