use yew::prelude::*;

use crate::ui::components::EmptyState;

#[function_component(DashboardPage)]
pub fn dashboard_page() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Dashboard" }</h1></div>
            <EmptyState icon="🩺" title="Welcome to CME Tracker">
                <p>{ "See at a glance whether every license and certification you hold is on track, \
                      and exactly what is left to earn." }</p>
                <ol class="steps">
                    <li>{ "Add a credential — a state license, board certification or DEA registration." }</li>
                    <li>{ "Log the CME activities you have completed or plan to take." }</li>
                    <li>{ "Come back here to see what each requirement still needs." }</li>
                </ol>
                <p class="actions" style="justify-content:center">
                    <a class="btn btn--primary" href="#/credentials">{ "Add your first credential" }</a>
                    <a class="btn" href="#/activities">{ "Log an activity" }</a>
                </p>
            </EmptyState>
        </>
    }
}
