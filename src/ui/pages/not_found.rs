use yew::prelude::*;

#[function_component(NotFoundPage)]
pub fn not_found_page() -> Html {
    html! {
        <section class="empty-state">
            <h1>{ "Page not found" }</h1>
            <p>{ "That address does not match a page of CME Tracker." }</p>
            <p><a class="btn btn--primary" href="#/">{ "Go to the dashboard" }</a></p>
        </section>
    }
}
