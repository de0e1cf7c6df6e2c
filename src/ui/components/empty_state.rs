use yew::prelude::*;

/// The friendly "nothing here yet" panel: what this screen is for and what to do first. A plain
/// function, not a component: it keeps no state, and each component type costs the first
/// download its own lifecycle code.
pub fn empty_state(icon: &str, title: impl Into<AttrValue>, children: Html) -> Html {
    let title = title.into();
    html! {
        <section class="empty-state" aria-label={title.clone()}>
            <div class="empty-state__icon" aria-hidden="true">{ icon_svg(icon) }</div>
            <h2>{ title }</h2>
            { children }
        </section>
    }
}

/// Drawn icons rather than emoji: emoji fonts are missing on some systems (and in kiosk-style
/// hospital browsers), where they would show as empty boxes.
fn icon_svg(name: &str) -> Html {
    let path = match name {
        // Magnifier: "not found".
        "🔎" => "M27 27l10 10M30 18a12 12 0 1 1-24 0 12 12 0 0 1 24 0z",
        // Open book: activities.
        "📚" => {
            "M6 10h12a6 6 0 0 1 6 6v22a5 5 0 0 0-5-5H6zM42 10H30a6 6 0 0 0-6 6v22a5 5 0 0 1 5-5h13z"
        }
        // Card with a line of text: credentials.
        "🪪" => "M6 12h36v24H6zM12 20h10M12 26h16M32 20h4",
        // Check in a circle: the dashboard and anything else.
        _ => "M15 24l6 6 12-12M42 24a18 18 0 1 1-36 0 18 18 0 0 1 36 0z",
    };
    html! {
        <svg viewBox="0 0 48 48" width="48" height="48" fill="none" stroke="currentColor"
            stroke-width="3" stroke-linecap="round" stroke-linejoin="round" focusable="false">
            <path d={path} />
        </svg>
    }
}
