//! The dashboard: one line on where things stand, what to take next across all credentials, and
//! a card per credential with a progress bar and a sentence per requirement. Everything shown is
//! decided by `domain::text::dashboard` and drawn by `components::dashboard_view`.

use crate::storage::change::Change;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::engine::evaluate::Evaluation;
use crate::domain::engine::plan::plan;
use crate::domain::text::dashboard;
use crate::route::Route;
use crate::ui::components::dashboard_view::{dashboard_view, Controls};
use crate::ui::hooks::use_evaluations;
use crate::ui::locale;
use crate::ui::router::go;
use crate::ui::state::{use_app, Action};

#[function_component(DashboardPage)]
pub fn dashboard_page() -> Html {
    let app = use_app();
    let actual = use_evaluations();
    let what_if = app.what_if;
    let the_plan = {
        let data = app.data.clone();
        let actual = actual.clone();
        // What is left once planned activities are done, in both views: the cards say
        // "met with planned", so the plan does not ask for it again.
        use_memo((app.revision, actual.len()), move |_| {
            plan(&data.credentials, &actual, true)
        })
    };
    {
        // The what-if view belongs to the dashboard: leaving it turns the switch off, so no
        // other page is read with planned activities counted by mistake.
        let app = app.clone();
        use_effect_with((), move |_| move || app.dispatch(Action::SetWhatIf(false)));
    }
    let node = use_node_ref();
    // Kept for the next start to show at once (`ui::kept`).
    crate::ui::kept::use_keep_dashboard(node.clone(), app.data.clone(), app.revision, what_if);
    let shown: Rc<Vec<Evaluation>> = if what_if {
        Rc::new(actual.iter().map(Evaluation::what_if).collect())
    } else {
        actual.clone()
    };
    let view = dashboard::build(
        &app.data.credentials,
        &app.data.activities,
        &shown,
        &the_plan,
        what_if,
        locale::today(),
        &locale::date,
        &locale::amount,
    );
    let on_what_if = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            app.dispatch(Action::SetWhatIf(on));
        })
    };
    // One click turns a plan item into a learning goal with its topic, credit type, hours and
    // deadline; the goal's page opens.
    let on_goal = {
        let app = app.clone();
        let the_plan = the_plan.clone();
        Callback::from(move |i: usize| {
            let Some(item) = the_plan.items.get(i) else {
                return;
            };
            let draft = crate::domain::draft::GoalDraft::from_plan_item(item);
            if let Ok(goal) = draft.validate(app.next_id, None) {
                let id = goal.id;
                app.dispatch(Action::Change(Change::SaveGoal(goal)));
                go(&Route::GoalDetail { id: id.to_string() });
            }
        })
    };
    // Outside the kept markup: it is checked anew at each start.
    let missing = app.missing_files.len();
    let reviews = crate::storage::browser::sync_note::reviews_waiting();
    html! {
        <>
            if reviews > 0 {
                <div class="banner banner--warn" role="status" data-testid="sync-reviews">
                    <p>{ crate::domain::text::dashboard::sync_reviews_notice(reviews) }</p>
                    <p><a href={crate::route::Route::Devices.href()}>{ "Review them" }</a></p>
                </div>
            }
            if missing > 0 {
                <div class="banner banner--warn" role="status" data-testid="certificates-missing">
                    <p>{ crate::domain::text::certificates::missing_notice(missing) }</p>
                    <p><a href={crate::route::Route::Backup.href()}>{ "Go to Backup" }</a></p>
                </div>
            }
            <div class="dashboard" ref={node}>
                { dashboard_view(&view, &Controls { on_what_if, on_goal }) }
            </div>
        </>
    }
}
