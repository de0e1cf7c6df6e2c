//! How many edits made on two devices wait for review on this device: written by the Devices
//! page after each exchange, read by the dashboard. A number in localStorage beside the records,
//! not in them: it is this device's own, and the next exchange corrects it. Storage that is
//! blocked or full only loses the reminder (the Devices page lists the edits), never the page.

const KEY: &str = "cme-tracker:sync-reviews";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn reviews_waiting() -> usize {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

pub fn set_reviews_waiting(count: usize) {
    let Some(s) = storage() else {
        return;
    };
    let _ = if count == 0 {
        s.remove_item(KEY)
    } else {
        s.set_item(KEY, &count.to_string())
    };
}
