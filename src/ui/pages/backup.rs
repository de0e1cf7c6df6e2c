use yew::prelude::*;

use crate::ui::components::EmptyState;

#[function_component(BackupPage)]
pub fn backup_page() -> Html {
    html! {
        <>
            <div class="page-head"><h1>{ "Backup" }</h1></div>
            <EmptyState icon="💾" title="Keep a copy of your records">
                <p>{ "Your records live only in this browser. Download a backup file now and then, \
                      and keep it somewhere safe; you can import it on any device." }</p>
            </EmptyState>
        </>
    }
}
