use yew::prelude::*;

use crate::ui::components::EmptyState;

#[function_component(CredentialsPage)]
pub fn credentials_page() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Credentials" }</h1></div>
            <EmptyState icon="🪪" title="No credentials yet">
                <p>{ "Add each license, board certification, DEA registration or membership you keep. \
                      Start from a board's preset or write the rules yourself." }</p>
            </EmptyState>
        </>
    }
}
