use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub icon: AttrValue,
    pub title: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// The friendly "nothing here yet" panel: what this screen is for and what to do first.
#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    html! {
        <section class="empty-state" aria-label={props.title.clone()}>
            <div class="empty-state__icon" aria-hidden="true">{ props.icon.clone() }</div>
            <h2>{ props.title.clone() }</h2>
            { props.children.clone() }
        </section>
    }
}
