//! About & privacy: what is stored and where, that nothing is sent, backups, eviction, the
//! version and what is new in it, and deleting everything (behind a typed confirmation).

use yew::prelude::*;

use crate::storage::browser;
use crate::storage::change::Change;
use crate::ui::components::inputs::input_value;
use crate::ui::state::{use_app, Action};

/// What the user must type to delete everything: deliberate, and impossible by accident.
const CONFIRM_WORD: &str = "DELETE";

#[function_component(PrivacyPage)]
pub fn privacy_page() -> Html {
    let app = use_app();
    let typed = use_state(String::new);
    let message = use_state(|| None::<String>);
    let on_type = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(input_value(&e)))
    };
    let on_delete = {
        let typed = typed.clone();
        let message = message.clone();
        let app = app.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if typed.trim() != CONFIRM_WORD {
                message.set(Some(format!(
                    "Type {CONFIRM_WORD} in capitals to confirm; nothing was deleted."
                )));
                return;
            }
            match browser::delete_all() {
                Ok(()) => {
                    app.dispatch(Action::Change(Change::DeleteAll));
                    // The in-memory copy is now empty too; the save that follows writes empty records.
                    typed.set(String::new());
                    message.set(Some(
                        "Deleted. Nothing of yours is left in this browser.".into(),
                    ));
                }
                Err(m) => message.set(Some(m)),
            }
        })
    };
    let counts = format!(
        "{} activities and {} credentials",
        app.data.activities.len(),
        app.data.credentials.len()
    );
    html! {
        <>
            <div class="page-head"><h1>{ "About & privacy" }</h1></div>
            <section class="card" aria-labelledby="privacy-where">
                <h2 id="privacy-where">{ "Your records never leave this device" }</h2>
                <p>{ "CME Tracker runs entirely in your browser. There is no account, no server, no analytics and no \
                      third-party fonts or scripts: the page talks to nothing but the address it was opened from, \
                      and after the first visit it works offline." }</p>
                <p>{ "What is stored, and where: your activities, credentials (with their rules, cycles and exemptions), \
                      learning goals and a few settings, in this browser's local storage for this site. Right now: " }{ counts }{ "." }</p>
            </section>
            <section class="card" aria-labelledby="privacy-backup">
                <h2 id="privacy-backup">{ "Keep a backup" }</h2>
                <p>{ "Because the only copy is in this browser, download a backup file now and then (Backup page) and keep it \
                      somewhere safe. You can import it on another device or browser." }</p>
                <p>{ "Browsers may delete site data when the device runs out of space, when you clear browsing data, or — in some \
                      browsers — after weeks without a visit. CME Tracker asks the browser to keep its data persistently \
                      (the Backup page shows whether it agreed); a backup is still the only protection against a lost or wiped device." }</p>
            </section>
            <section class="card" aria-labelledby="privacy-presets">
                <h2 id="privacy-presets">{ "About the requirement presets" }</h2>
                <p>{ "The board presets are drawn from public sources listed with each one, with a confidence level and the date \
                      the facts were checked. They are aids, not legal advice: verify with your board." }</p>
                <p>{ "The catalog is a file of the app itself, fetched from the same address the first time you open it and                       kept for offline use; the request carries nothing about you." }</p>
            </section>
            <crate::ui::components::whats_new::WhatsNew />
            <section class="card card--danger" aria-labelledby="privacy-delete">
                <h2 id="privacy-delete">{ "Delete all my data" }</h2>
                <p>{ "Removes every record CME Tracker keeps in this browser. This cannot be undone: download a backup first if you may need your records." }</p>
                <form onsubmit={on_delete} novalidate=true aria-label="Delete all my data">
                    <div class="field">
                        <label for="delete-confirm">{ format!("Type {CONFIRM_WORD} to confirm") }</label>
                        <input id="delete-confirm" type="text" autocomplete="off" value={(*typed).clone()} oninput={on_type}
                            aria-describedby={message.is_some().then_some("delete-message")} />
                    </div>
                    <button type="submit" class="btn btn--danger">{ "Delete all my data" }</button>
                    if let Some(m) = &*message { <p id="delete-message" role="status">{ m.clone() }</p> }
                </form>
            </section>
        </>
    }
}
