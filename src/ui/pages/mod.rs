//! One module per screen.

use yew::prelude::*;

use super::router::Route;

pub mod activities;
pub mod activity_detail;
pub mod activity_editor;
pub mod audit_report;
pub mod backup;
pub mod catalog;
pub mod credential_detail;
pub mod credentials;
pub mod dashboard;
pub mod devices;
pub mod face_to_face;
pub mod goals;
pub mod import;
pub mod learning;
pub mod not_found;
pub mod privacy;
pub mod settings;
pub mod transcript;

/// The page for a route. Named only by the split point in `src/main.rs` (see [`super::lazy`]), so
/// that in the release build this function and every page only it leads to are in the module
/// loaded on first use.
pub fn render(route: Route) -> Html {
    match route {
        Route::Dashboard => html! { <dashboard::DashboardPage /> },
        Route::Activities => html! { <activities::ActivitiesPage /> },
        Route::ActivityNew => html! { <activity_editor::ActivityEditorPage /> },
        Route::ActivityImport => html! { <import::ImportPage /> },
        Route::ActivityDetail { id } => {
            html! { <activity_detail::ActivityDetailPage {id} /> }
        }
        Route::ActivityEdit { id } => {
            html! { <activity_editor::ActivityEditorPage id={Some(id)} /> }
        }
        Route::ActivityDuplicate { id } => html! {
            <activity_editor::ActivityEditorPage id={Some(id)} duplicate=true />
        },
        Route::Credentials => html! { <credentials::CredentialsPage /> },
        Route::CredentialNew => html! { <credentials::CredentialFormPage /> },
        Route::CredentialCatalog => html! { <catalog::CatalogPage /> },
        Route::CredentialDetail { id } => {
            html! { <credential_detail::CredentialDetailPage {id} /> }
        }
        Route::CredentialEdit { id } => {
            html! { <credentials::CredentialFormPage id={Some(id)} /> }
        }
        Route::CredentialReport { id } => {
            html! { <audit_report::AuditReportPage {id} /> }
        }
        Route::Reports => html! { <audit_report::AllReportsPage /> },
        Route::Transcript => html! { <transcript::TranscriptPage /> },
        Route::Goals => html! { <goals::GoalsPage /> },
        Route::GoalNew => html! { <goals::GoalFormPage /> },
        Route::GoalDetail { id } => html! { <goals::GoalDetailPage {id} /> },
        Route::GoalEdit { id } => html! { <goals::GoalFormPage id={Some(id)} /> },
        Route::GoalPlan { id } => {
            html! { <activity_editor::ActivityEditorPage goal={Some(id)} /> }
        }
        Route::Learning => html! { <learning::LearningPage /> },
        Route::Backup => html! { <backup::BackupPage /> },
        Route::Devices => html! { <devices::DevicesPage /> },
        Route::Privacy => html! { <privacy::PrivacyPage /> },
        Route::Settings => html! { <settings::SettingsPage /> },
        Route::NotFound => html! { <not_found::NotFoundPage /> },
    }
}
