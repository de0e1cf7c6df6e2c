//! The dashboard kept beside the records it was drawn from, so that the next start shows it at
//! once, before the records' code is fetched and their 10,000 activities parsed and evaluated
//! (docs/performance-history.md, session 14). Pure: the browser's side is `storage::browser`.
//!
//! What is kept is the dashboard's markup as the app drew it (`ui::pages::dashboard`), so the
//! early one and the one computed from the records cannot differ by a word, and the first
//! download needs no reader for it. It is only ever drawn when it is exactly what the records
//! would show now: it carries the text of the meta key it was drawn under (every save writes a
//! new stamp there, so any change of the records, in any tab, makes it stale), the day (statuses
//! and "in 3 months" depend on it), the browser's language (dates and numbers are written in it)
//! and the build (a new version may compute or write differently). It is not a record: it is
//! removed before every save (so it never competes with the records for space), never backed up,
//! and replaced by the dashboard computed from the records as soon as they are read.

use chrono::NaiveDate;

/// Where the kept dashboard is stored (not a record: not in [`super::format::DATA_KEYS`]).
pub const KEY_DASHBOARD: &str = "cme-tracker:dashboard";

/// The build that drew it: a hash of the sources (build.rs).
pub const BUILD: &str = env!("CME_BUILD");

/// The first line of a kept dashboard: the layout of what follows.
const FORMAT: &str = "cme-tracker kept dashboard 1";

/// What a kept dashboard must match to be drawn.
#[derive(Debug, Clone, Copy)]
pub struct Tag<'a> {
    /// The stored meta key's text when it was drawn.
    pub meta: &'a str,
    pub day: NaiveDate,
    /// The browser's language (`navigator.language`).
    pub language: &'a str,
}

impl Tag<'_> {
    /// One line per part, then the markup. The meta is compact JSON (one line); a meta with a
    /// line break could only make a kept dashboard never match, never match a wrong one.
    fn header(&self) -> String {
        format!(
            "{FORMAT}\n{BUILD}\n{}\n{}\n{}\n",
            self.day, self.language, self.meta
        )
    }
}

/// The stored text of the dashboard's markup `html`, drawn under `tag`.
pub fn encode(html: &str, tag: Tag) -> String {
    tag.header() + html
}

/// The kept markup in `text`, when it was drawn under `tag` by this build; `None` for anything
/// else.
pub fn decode<'t>(text: &'t str, tag: Tag) -> Option<&'t str> {
    text.strip_prefix(&tag.header())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = "<div class=\"dashboard\"><h1>Dashboard</h1></div>";

    fn tag(meta: &str) -> Tag<'_> {
        Tag {
            meta,
            day: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            language: "en-US",
        }
    }

    #[test]
    fn a_dashboard_is_drawn_only_for_the_records_day_language_and_build_it_was_drawn_for() {
        let meta = r#"{"schema_version":4,"revision":7,"writer":"a1"}"#;
        let text = encode(HTML, tag(meta));
        assert_eq!(decode(&text, tag(meta)), Some(HTML));
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
    fn a_meta_that_only_starts_like_the_kept_one_or_a_cut_text_never_matches() {
        let meta = r#"{"revision":7}"#;
        let text = encode(HTML, tag(meta));
        assert_eq!(decode(&text, tag(r#"{"revision":7"#)), None);
        assert_eq!(decode(&text, tag(r#"{"revision":7}x"#)), None);
        assert_eq!(decode("", tag(meta)), None);
        let header_only = &text[..text.len() - HTML.len() - 1];
        assert_eq!(decode(header_only, tag(meta)), None);
    }
}
