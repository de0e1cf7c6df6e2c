//! CHANGELOG.md ships beside the app (About & privacy lists it, the update banner names its newest
//! release): it must read as releases, the newest being the version this build says it is.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_newest_release_notes_are_this_version_s() {
    // CHANGELOG.md ships beside the app: its first release is the version the build says it is.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CHANGELOG.md"))
        .expect("CHANGELOG.md");
    let releases = cme_tracker::domain::formats::changelog::parse(&text);
    let newest = releases.first().expect("a release");
    assert_eq!(newest.version, env!("CARGO_PKG_VERSION"));
    assert!(newest.date.is_some(), "the newest release is dated");
    assert!(!newest.changes.is_empty(), "and says what changed");
    // The update banner shows the headlines: every change of the newest release has one.
    for c in &newest.changes {
        assert!(c.headline.is_some(), "no bold headline: {}", c.text);
    }
    // Newest first, each version once.
    for pair in releases.windows(2) {
        assert!(
            pair[0].date >= pair[1].date,
            "{} before {}",
            pair[0].version,
            pair[1].version
        );
        assert_ne!(pair[0].version, pair[1].version);
    }
}
