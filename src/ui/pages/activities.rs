use yew::prelude::*;

use crate::ui::components::EmptyState;

#[function_component(ActivitiesPage)]
pub fn activities_page() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Activities" }</h1></div>
            <EmptyState icon="📚" title="No activities logged yet">
                <p>{ "Log each course, conference, journal CME or grand rounds with its credits \
                      and topics. One activity can count toward several licenses at once." }</p>
            </EmptyState>
        </>
    }
}
