//! The dashboard kept beside the records it was made from, so that the next start draws it at
//! once, before the records' code is fetched and their 10,000 activities parsed and evaluated
//! (docs/performance.md, session 14). Pure: the browser's side is `storage::browser`.
//!
//! A kept view is only ever drawn when it is exactly what the records would show now: it carries
//! the text of the meta key it was made under (every save writes a new stamp there, so any change
//! of the records, in any tab, makes it stale), the day (statuses and "in 3 months" depend on
//! it), the browser's language (the dates and numbers are written in it) and the build (a new
//! version may compute differently). Anything else is never drawn. It is not a record: it is
//! removed before every save (so it never competes with the records for space), never backed
//! up, and the app replaces it with the dashboard computed from the records as soon as they are
//! read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dashboard::DashboardView;

/// Where the kept dashboard is stored (not a record: not in [`super::format::DATA_KEYS`]).
pub const KEY_DASHBOARD: &str = "cme-tracker:dashboard";

/// The build that made a view: a hash of the sources (build.rs).
pub const BUILD: &str = env!("CME_BUILD");

/// What a kept view must match to be drawn.
#[derive(Debug, Clone, Copy)]
pub struct Tag<'a> {
    /// The stored meta key's text when the view was made.
    pub meta: &'a str,
    pub day: NaiveDate,
    /// The browser's language (`navigator.language`).
    pub language: &'a str,
}

#[derive(Serialize, Deserialize)]
struct Kept<V> {
    build: String,
    meta: String,
    day: String,
    language: String,
    view: V,
}

/// The stored text of `view`, made under `tag`.
pub fn encode(view: &DashboardView, tag: Tag) -> String {
    serde_json::to_string(&Kept {
        build: BUILD.into(),
        meta: tag.meta.into(),
        day: tag.day.to_string(),
        language: tag.language.into(),
        view,
    })
    .unwrap_or_default()
}

/// The kept view in `text`, when it was made under `tag` by this build; `None` for anything
/// else, including text that does not read.
pub fn decode(text: &str, tag: Tag) -> Option<DashboardView> {
    let kept: Kept<DashboardView> = serde_json::from_str(text).ok()?;
    let fits = kept.build == BUILD
        && kept.meta == tag.meta
        && kept.day == tag.day.to_string()
        && kept.language == tag.language
        && !kept.view.what_if;
    fits.then_some(kept.view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> DashboardView {
        DashboardView {
            what_if: false,
            welcome: false,
            summary: "1 of 2 credentials on track · 4 hours still to earn.".into(),
            no_activities: false,
            follow_ups: Vec::new(),
            plan: Vec::new(),
            plan_total: String::new(),
            cards: vec![crate::domain::dashboard::Card {
                credential_id: "c1".into(),
                name: "Ohio \"MD\" license".into(),
                badge: crate::domain::dashboard::Badge {
                    class: "badge badge--bad".into(),
                    text: "✗ Requirements outstanding".into(),
                },
                due: "CE due in 3 months (2 Mar 2027)".into(),
                certificates: None,
                no_rules: false,
                rules: Vec::new(),
            }],
        }
    }

    fn tag(meta: &str) -> Tag<'_> {
        Tag {
            meta,
            day: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            language: "en-US",
        }
    }

    #[test]
    fn a_view_is_drawn_only_for_the_records_day_language_and_build_it_was_made_for() {
        let meta = r#"{"schema_version":4,"revision":7,"writer":"a1"}"#;
        let text = encode(&view(), tag(meta));
        assert_eq!(decode(&text, tag(meta)), Some(view()));
        // Another save (any tab) wrote a new stamp.
        let other = r#"{"schema_version":4,"revision":8,"writer":"b2"}"#;
        assert_eq!(decode(&text, tag(other)), None);
        // The next day: statuses and "in 3 months" may differ.
        let tomorrow = Tag {
            day: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            ..tag(meta)
        };
        assert_eq!(decode(&text, tomorrow), None);
        // Another language writes dates and numbers differently.
        let german = Tag {
            language: "de-DE",
            ..tag(meta)
        };
        assert_eq!(decode(&text, german), None);
        // Another build.
        let older = text.replace(BUILD, "0000000000000000");
        assert_eq!(decode(&older, tag(meta)), None);
    }

    #[test]
    fn text_that_does_not_read_or_a_what_if_view_is_never_drawn() {
        let meta = "{}";
        assert_eq!(decode("", tag(meta)), None);
        assert_eq!(decode("{\"build\":1}", tag(meta)), None);
        let text = encode(&view(), tag(meta));
        assert_eq!(decode(&text[..text.len() - 2], tag(meta)), None);
        let what_if = DashboardView {
            what_if: true,
            ..view()
        };
        assert_eq!(decode(&encode(&what_if, tag(meta)), tag(meta)), None);
    }
}
