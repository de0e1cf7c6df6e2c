//! The release notes (`CHANGELOG.md`, shipped beside the app): each release's version, date and
//! changes, newest first. About & privacy lists them; the service worker of a new build carries
//! its own release's changes for the update banner (scripts/sw-precache.mjs reads the same file).

use chrono::NaiveDate;

/// One release as the notes give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub date: Option<NaiveDate>,
    /// Each change as one sentence or two (a list item; its wrapped lines joined).
    pub changes: Vec<String>,
}

/// Reads "## <version> — <date>" headings and their "- " items; anything else (the title, the
/// introduction) is not a release. A heading without a readable date keeps its version.
pub fn parse(text: &str) -> Vec<Release> {
    let mut out: Vec<Release> = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            let (version, date) = match heading
                .split_once(['—', '–'])
                .or_else(|| heading.split_once(" - "))
            {
                Some((v, d)) => (
                    v.trim(),
                    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok(),
                ),
                None => (heading.trim(), None),
            };
            out.push(Release {
                version: version.trim_start_matches('v').to_string(),
                date,
                changes: Vec::new(),
            });
            continue;
        }
        let Some(release) = out.last_mut() else {
            continue;
        };
        if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            release.changes.push(item.trim().to_string());
        } else if line.starts_with("  ") && !line.trim().is_empty() {
            // A wrapped list item goes on.
            if let Some(last) = release.changes.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_newest_first_with_their_wrapped_changes() {
        let text = "# What's new\n\nIntro line.\n\n## 1.1.0 — 2027-01-15\n\n- One\n  goes on.\n- Two\n\n## 1.0.0 - 2026-12-07\n* First\n## 0.9.0\n";
        let r = parse(text);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].version, "1.1.0");
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(2027, 1, 15));
        assert_eq!(r[0].changes, ["One goes on.", "Two"]);
        assert_eq!((r[1].version.as_str(), r[1].changes.len()), ("1.0.0", 1));
        assert_eq!((r[2].version.as_str(), r[2].date), ("0.9.0", None));
    }
}
