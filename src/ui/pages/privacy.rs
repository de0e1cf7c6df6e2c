use yew::prelude::*;

#[function_component(PrivacyPage)]
pub fn privacy_page() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "About & privacy" }</h1></div>
            <section class="card">
                <h2>{ "Your records never leave this device" }</h2>
                <p>{ "CME Tracker runs entirely in your browser. There is no account, no server and no \
                      analytics: activities, credentials and settings are stored in this browser's \
                      local storage and nowhere else." }</p>
                <p>{ "Requirement presets are aids, not legal advice: verify with your board." }</p>
            </section>
        </>
    }
}
