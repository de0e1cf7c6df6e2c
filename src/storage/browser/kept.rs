//! The kept dashboard's place in localStorage (`storage::kept` decides what fits).

use super::local_storage::storage;
use crate::storage::format::KEY_META;

/// The browser's language, which the kept dashboard's dates and numbers are written in.
fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// What a kept dashboard must match here and today, under the stored meta text `meta`.
fn kept_tag<'a>(
    meta: &'a str,
    today: chrono::NaiveDate,
    language: &'a str,
) -> crate::storage::kept::Tag<'a> {
    crate::storage::kept::Tag {
        meta,
        day: today,
        language,
    }
}

/// The dashboard's markup kept with the stored records, when it was drawn from exactly them,
/// today, in this language, by this build (`storage::kept`); shown at start while they are read.
pub fn kept_dashboard(today: chrono::NaiveDate) -> Option<String> {
    use crate::storage::kept::{decode, KEY_DASHBOARD};
    let s = storage().ok()?;
    let meta = s.get_item(KEY_META).ok()??;
    let text = s.get_item(KEY_DASHBOARD).ok()??;
    decode(&text, kept_tag(&meta, today, &language())).map(str::to_string)
}

/// Keeps the dashboard's markup (`html` makes it, only when needed), drawn from the records
/// stored under the meta text `meta`, unless one kept for them today already fits. A failure
/// (storage full) only means the next start reads the records first.
pub fn keep_dashboard(meta: &str, html: impl FnOnce() -> String, today: chrono::NaiveDate) {
    use crate::storage::kept::{decode, encode, KEY_DASHBOARD};
    let Ok(s) = storage() else {
        return;
    };
    let language = language();
    let tag = kept_tag(meta, today, &language);
    let kept = s.get_item(KEY_DASHBOARD).ok().flatten();
    if kept.is_some_and(|text| decode(&text, tag).is_some()) {
        return;
    }
    let _ = s.set_item(KEY_DASHBOARD, &encode(&html(), tag));
}

/// Removes the kept dashboard: before a save, so that it never takes space the records need
/// (the save makes it stale anyway; the dashboard keeps a new one when it is next drawn).
pub fn forget_dashboard() {
    if let Ok(s) = storage() {
        let _ = s.remove_item(crate::storage::kept::KEY_DASHBOARD);
    }
}
