//! The version this page runs and what changed in it and before (CHANGELOG.md, shipped beside
//! the app and kept offline), read on the About page.

use yew::prelude::*;

use crate::domain::formats::changelog::{self, Release};
use crate::ui::locale;

#[function_component(WhatsNew)]
pub fn whats_new() -> Html {
    let releases = use_state(|| None::<Result<Vec<Release>, ()>>);
    {
        let releases = releases.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let read = crate::ui::fetch::text("CHANGELOG.md")
                    .await
                    .map(|t| changelog::parse(&t))
                    .map_err(|_| ());
                releases.set(Some(read));
            });
        });
    }
    let version = env!("CARGO_PKG_VERSION");
    html! {
        <section class="card" aria-labelledby="whats-new">
            <h2 id="whats-new">{ "What's new" }</h2>
            <p data-testid="app-version">{ format!("You are running version {version}.") }</p>
            { match &*releases {
                None => html! { <p class="muted" aria-busy="true">{ "Reading the release notes…" }</p> },
                Some(Err(())) => html! { <p class="muted">{ "The release notes could not be read here; they come with the next visit online." }</p> },
                Some(Ok(list)) => html! {
                    { for list.iter().take(5).map(|r| html! {
                        <>
                            <h3>{ match r.date {
                                Some(d) => format!("Version {} — {}", r.version, locale::date(d)),
                                None => format!("Version {}", r.version),
                            } }</h3>
                            <ul>{ for r.changes.iter().map(|c| html! {
                                <li>
                                    if let Some(h) = &c.headline { <strong>{ h.clone() }</strong>{ " " } }
                                    { c.text.clone() }
                                </li>
                            }) }</ul>
                        </>
                    }) }
                },
            } }
        </section>
    }
}
