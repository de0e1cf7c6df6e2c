//! The app's addresses: every page has one, kept after `#` so that the whole app is the one
//! `index.html` and works from any static host and any sub-path without server rewrites. Pure
//! (tested natively); `ui::router` follows the address in the browser.
//!
//! Written out here rather than with a router crate: matching a dozen fixed shapes is a `match`
//! on the path's segments, and the crate (yew-router with gloo-history and a route recogniser)
//! was 28 KB of the first download.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Activities,
    ActivityNew,
    ActivityImport,
    ActivityDetail {
        id: String,
    },
    ActivityEdit {
        id: String,
    },
    ActivityDuplicate {
        id: String,
    },
    Credentials,
    CredentialNew,
    CredentialCatalog,
    CredentialDetail {
        id: String,
    },
    CredentialEdit {
        id: String,
    },
    CredentialReport {
        id: String,
    },
    Reports,
    Transcript,
    Goals,
    GoalNew,
    GoalDetail {
        id: String,
    },
    GoalEdit {
        id: String,
    },
    /// A planned activity toward the goal: the activity form, filled from it.
    GoalPlan {
        id: String,
    },
    Learning,
    Backup,
    /// Syncing with her other devices.
    Devices,
    Privacy,
    /// Who she is and the name on her reports.
    Settings,
    NotFound,
}

impl Route {
    /// The routes shown in the main navigation, with their labels.
    pub const NAV: [(Route, &'static str); 7] = [
        (Route::Dashboard, "Dashboard"),
        (Route::Activities, "Activities"),
        (Route::Credentials, "Credentials"),
        (Route::Goals, "Goals"),
        (Route::Backup, "Backup"),
        (Route::Settings, "Settings"),
        (Route::Privacy, "About"),
    ];

    /// The page an address shows: `/activities/3f2…/edit`. An address the app does not have
    /// shows the "not found" page. A query (`?…`) and empty segments are ignored.
    pub fn recognize(path: &str) -> Route {
        let path = path.split('?').next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.to_string();
        match parts.as_slice() {
            [] => Route::Dashboard,
            ["activities"] => Route::Activities,
            ["activities", "new"] => Route::ActivityNew,
            ["activities", "import"] => Route::ActivityImport,
            ["activities", a] => Route::ActivityDetail { id: id(a) },
            ["activities", a, "edit"] => Route::ActivityEdit { id: id(a) },
            ["activities", a, "duplicate"] => Route::ActivityDuplicate { id: id(a) },
            ["credentials"] => Route::Credentials,
            ["credentials", "new"] => Route::CredentialNew,
            ["credentials", "catalog"] => Route::CredentialCatalog,
            ["credentials", c] => Route::CredentialDetail { id: id(c) },
            ["credentials", c, "edit"] => Route::CredentialEdit { id: id(c) },
            ["credentials", c, "report"] => Route::CredentialReport { id: id(c) },
            ["reports"] => Route::Reports,
            ["transcript"] => Route::Transcript,
            ["goals"] => Route::Goals,
            ["goals", "new"] => Route::GoalNew,
            ["goals", g] => Route::GoalDetail { id: id(g) },
            ["goals", g, "edit"] => Route::GoalEdit { id: id(g) },
            ["goals", g, "plan"] => Route::GoalPlan { id: id(g) },
            ["learning"] => Route::Learning,
            ["backup"] => Route::Backup,
            ["devices"] => Route::Devices,
            ["privacy"] => Route::Privacy,
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The route's address, without the `#`.
    pub fn path(&self) -> String {
        match self {
            Route::Dashboard => "/".into(),
            Route::Activities => "/activities".into(),
            Route::ActivityNew => "/activities/new".into(),
            Route::ActivityImport => "/activities/import".into(),
            Route::ActivityDetail { id } => format!("/activities/{id}"),
            Route::ActivityEdit { id } => format!("/activities/{id}/edit"),
            Route::ActivityDuplicate { id } => format!("/activities/{id}/duplicate"),
            Route::Credentials => "/credentials".into(),
            Route::CredentialNew => "/credentials/new".into(),
            Route::CredentialCatalog => "/credentials/catalog".into(),
            Route::CredentialDetail { id } => format!("/credentials/{id}"),
            Route::CredentialEdit { id } => format!("/credentials/{id}/edit"),
            Route::CredentialReport { id } => format!("/credentials/{id}/report"),
            Route::Reports => "/reports".into(),
            Route::Transcript => "/transcript".into(),
            Route::Goals => "/goals".into(),
            Route::GoalNew => "/goals/new".into(),
            Route::GoalDetail { id } => format!("/goals/{id}"),
            Route::GoalEdit { id } => format!("/goals/{id}/edit"),
            Route::GoalPlan { id } => format!("/goals/{id}/plan"),
            Route::Learning => "/learning".into(),
            Route::Backup => "/backup".into(),
            Route::Devices => "/devices".into(),
            Route::Privacy => "/privacy".into(),
            Route::Settings => "/settings".into(),
            Route::NotFound => "/404".into(),
        }
    }

    /// The link to the route (`#/activities`): a plain `<a href>` follows it.
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }

    /// The navigation entry a route belongs to (an activity's page is under "Activities").
    pub fn section(&self) -> Route {
        match self {
            Route::ActivityNew
            | Route::ActivityImport
            | Route::ActivityDetail { .. }
            | Route::ActivityEdit { .. }
            | Route::ActivityDuplicate { .. }
            | Route::Transcript => Route::Activities,
            Route::CredentialNew
            | Route::CredentialCatalog
            | Route::CredentialDetail { .. }
            | Route::CredentialEdit { .. }
            | Route::CredentialReport { .. }
            | Route::Reports => Route::Credentials,
            Route::GoalNew
            | Route::GoalDetail { .. }
            | Route::GoalEdit { .. }
            | Route::GoalPlan { .. }
            | Route::Learning => Route::Goals,
            Route::Devices => Route::Backup,
            other => other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_route() -> Vec<Route> {
        let id = || "3f2504e0-4f89-41d3-9a0c-0305e82c3301".to_string();
        vec![
            Route::Dashboard,
            Route::Activities,
            Route::ActivityNew,
            Route::ActivityImport,
            Route::ActivityDetail { id: id() },
            Route::ActivityEdit { id: id() },
            Route::ActivityDuplicate { id: id() },
            Route::Credentials,
            Route::CredentialNew,
            Route::CredentialCatalog,
            Route::CredentialDetail { id: id() },
            Route::CredentialEdit { id: id() },
            Route::CredentialReport { id: id() },
            Route::Reports,
            Route::Transcript,
            Route::Goals,
            Route::GoalNew,
            Route::GoalDetail { id: id() },
            Route::GoalEdit { id: id() },
            Route::GoalPlan { id: id() },
            Route::Learning,
            Route::Backup,
            Route::Devices,
            Route::Privacy,
            Route::Settings,
        ]
    }

    #[test]
    fn every_route_is_read_back_from_its_address() {
        let routes = every_route();
        for r in &routes {
            assert_eq!(&Route::recognize(&r.path()), r, "{}", r.path());
            assert_eq!(r.href(), format!("#{}", r.path()));
        }
        // No two routes share an address.
        let mut paths: Vec<String> = routes.iter().map(Route::path).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), routes.len());
    }

    #[test]
    fn fixed_words_win_over_ids() {
        assert_eq!(Route::recognize("/activities/new"), Route::ActivityNew);
        assert_eq!(
            Route::recognize("/activities/import"),
            Route::ActivityImport
        );
        assert_eq!(
            Route::recognize("/credentials/catalog"),
            Route::CredentialCatalog
        );
        assert_eq!(Route::recognize("/goals/new"), Route::GoalNew);
        assert_eq!(
            Route::recognize("/goals/new/edit"),
            Route::GoalEdit { id: "new".into() }
        );
    }

    #[test]
    fn unknown_addresses_show_not_found_and_noise_is_ignored() {
        for path in [
            "/nope",
            "/activities/x/y/z",
            "/credentials/x/delete",
            "/404",
            "main",
        ] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
        assert_eq!(Route::recognize(""), Route::Dashboard);
        assert_eq!(Route::recognize("/activities/"), Route::Activities);
        assert_eq!(Route::recognize("//backup"), Route::Backup);
        assert_eq!(Route::recognize("/transcript?from=2024"), Route::Transcript);
    }

    #[test]
    fn pages_under_an_entry_light_it_in_the_navigation() {
        for r in every_route() {
            let s = r.section();
            assert!(
                Route::NAV.iter().any(|(n, _)| *n == s),
                "{r:?} belongs to no navigation entry"
            );
        }
        assert_eq!(Route::Transcript.section(), Route::Activities);
        assert_eq!(Route::Learning.section(), Route::Goals);
    }
}
