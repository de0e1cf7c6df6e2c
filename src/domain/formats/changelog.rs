//! The release notes (`CHANGELOG.md`, shipped beside the app): each release's version, date and
//! changes, newest first. About & privacy lists them; the service worker of a new build carries
//! its own release's changes for the update banner (scripts/sw-precache.mjs reads the same file).

use chrono::NaiveDate;

/// One release as the notes give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub date: Option<NaiveDate>,
    pub changes: Vec<Change>,
}

/// One change: "- **Headline.** What changed" (a list item; its wrapped lines joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The bold words it starts with, when it has them.
    pub headline: Option<String>,
    pub text: String,
}

impl Change {
    fn read(item: &str) -> Change {
        let bold = item
            .strip_prefix("**")
            .and_then(|rest| rest.split_once("**"))
            .filter(|(h, _)| !h.trim().is_empty());
        match bold {
            Some((headline, text)) => Change {
                headline: Some(headline.trim().to_string()),
                text: text.trim().to_string(),
            },
            None => Change {
                headline: None,
                text: item.to_string(),
            },
        }
    }
}

/// Reads "## <version> — <date>" headings and their "- " items; anything else (the title, the
/// introduction) is not a release. A heading without a readable date keeps its version.
pub fn parse(text: &str) -> Vec<Release> {
    // Each release with its items as written (wrapped lines joined), read as changes at the end.
    let mut read: Vec<(Release, Vec<String>)> = Vec::new();
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
            let release = Release {
                version: version.trim_start_matches('v').to_string(),
                date,
                changes: Vec::new(),
            };
            read.push((release, Vec::new()));
            continue;
        }
        let Some((_, items)) = read.last_mut() else {
            continue;
        };
        if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            items.push(item.trim().to_string());
        } else if line.starts_with("  ") && !line.trim().is_empty() {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        }
    }
    read.into_iter()
        .map(|(mut release, items)| {
            release.changes = items.iter().map(|i| Change::read(i)).collect();
            release
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_newest_first_with_their_wrapped_changes() {
        let text = "# What's new\n\nIntro line.\n\n## 1.1.0 — 2027-01-15\n\n- **Faster.** One\n  goes on.\n- Two\n\n## 1.0.0 - 2026-12-07\n* First\n## 0.9.0\n";
        let r = parse(text);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].version, "1.1.0");
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(2027, 1, 15));
        let read: Vec<(Option<&str>, &str)> = r[0]
            .changes
            .iter()
            .map(|c| (c.headline.as_deref(), c.text.as_str()))
            .collect();
        assert_eq!(read, [(Some("Faster."), "One goes on."), (None, "Two")]);
        assert_eq!((r[1].version.as_str(), r[1].changes.len()), ("1.0.0", 1));
        assert_eq!((r[2].version.as_str(), r[2].date), ("0.9.0", None));
    }
}
