//! Settings: who she is (the order of the catalog, credit types and topics) and the name on her
//! reports. Both travel with backups and sync as one settings record.

use yew::prelude::*;

use crate::route::Route;
use crate::ui::components::holder_name::HolderNameField;
use crate::ui::components::profession_chooser::ProfessionChooser;

#[function_component(SettingsPage)]
pub fn settings_page() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Settings" }</h1></div>
            <section class="card" aria-labelledby="settings-profession">
                <h2 id="settings-profession">{ "Your profession" }</h2>
                <ProfessionChooser />
                <p class="small"><a href={Route::CredentialCatalog.href()}>{ "Add a credential from the catalog" }</a></p>
            </section>
            <section class="card" aria-labelledby="settings-reports">
                <h2 id="settings-reports">{ "Reports" }</h2>
                <HolderNameField />
            </section>
            <section class="card" aria-labelledby="settings-more">
                <h2 id="settings-more">{ "Your records" }</h2>
                <p>
                    <a href={Route::Backup.href()}>{ "Backup and restore" }</a>
                    { " · " }
                    <a href={Route::Devices.href()}>{ "Sync your devices" }</a>
                </p>
            </section>
        </>
    }
}
