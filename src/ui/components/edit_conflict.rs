//! "Changed in another tab": a form open on a record that another tab saved meanwhile says so,
//! and lets the person load that version or keep theirs. Saving is held back until they choose,
//! so the second save is never a silent overwrite.

use yew::prelude::*;

/// The record as it was when its form opened (or when the person last chose), and whether the
/// stored one has changed since.
pub struct EditGuard<T: 'static> {
    opened: UseStateHandle<Option<T>>,
    /// The record the form's fields were drawn from: it moves only when the other version is
    /// loaded, so after "Keep mine" the save can tell which fields the other tab changed.
    drawn: UseStateHandle<Option<T>>,
    told: UseStateHandle<bool>,
    current: Option<T>,
}

impl<T: Clone + PartialEq + 'static> EditGuard<T> {
    /// Whether the record changed elsewhere since the form opened (a new record never has).
    pub fn changed(&self) -> bool {
        match (&*self.opened, &self.current) {
            (Some(opened), Some(current)) => opened != current,
            _ => false,
        }
    }

    /// For a save held back because the record changed: the notice turns into an alert.
    pub fn teller(&self) -> Callback<()> {
        let told = self.told.clone();
        Callback::from(move |_| told.set(true))
    }

    /// "Keep mine": the form keeps its fields; the save merges them with the other tab's
    /// ([`EditGuard::drawn`]).
    pub fn keeper(&self) -> Callback<()> {
        let opened = self.opened.clone();
        let told = self.told.clone();
        let current = self.current.clone();
        Callback::from(move |_| {
            opened.set(current.clone());
            told.set(false);
        })
    }

    /// "Load the other tab's version": the form is drawn again from the current record.
    pub fn reloader(&self) -> Callback<()> {
        let keep = self.keeper();
        let drawn = self.drawn.clone();
        let current = self.current.clone();
        Callback::from(move |_| {
            drawn.set(current.clone());
            keep.emit(());
        })
    }

    /// The record the form's fields were drawn from, when the record stored now differs from it
    /// (another tab saved, and the person chose to keep hers): the base for
    /// `storage::merge::keep_mine`.
    pub fn drawn_if_changed(&self) -> Option<T> {
        match (&*self.drawn, &self.current) {
            (Some(drawn), Some(current)) if drawn != current => Some(drawn.clone()),
            _ => None,
        }
    }

    pub fn told(&self) -> bool {
        *self.told
    }
}

/// Remembers the record a form opened on; `current` is the record as the app holds it now.
#[hook]
pub fn use_edit_guard<T: Clone + PartialEq + 'static>(current: Option<T>) -> EditGuard<T> {
    let opened = {
        let first = current.clone();
        use_state(move || first)
    };
    let drawn = {
        let first = current.clone();
        use_state(move || first)
    };
    let told = use_state(|| false);
    // A record that arrived after the form's page was drawn (another tab's save heard a moment
    // later) is the one the form starts from.
    {
        let opened = opened.clone();
        let drawn = drawn.clone();
        let arrived = current.clone();
        use_effect_with(current.is_some(), move |here| {
            if *here && opened.is_none() {
                opened.set(arrived.clone());
                drawn.set(arrived);
            }
        });
    }
    EditGuard {
        opened,
        drawn,
        told,
        current,
    }
}

#[derive(Properties, PartialEq)]
pub struct EditConflictProps {
    /// "activity", "credential".
    pub what: AttrValue,
    /// The person tried to save: say it as an alert.
    pub told: bool,
    /// Load the other tab's version (drops the unsaved edits here).
    pub onreload: Callback<()>,
    /// Keep editing this version; saving keeps the other tab's changes to fields not changed
    /// here.
    pub onkeep: Callback<()>,
}

#[function_component(EditConflict)]
pub fn edit_conflict(props: &EditConflictProps) -> Html {
    let what = props.what.clone();
    html! {
        <div class="banner banner--warn" role={if props.told { "alert" } else { "status" }}
            data-testid="edit-conflict">
            <p>
                <strong>{ format!("This {what} was changed in another tab while you were editing it. ") }</strong>
                if props.told { { "Not saved yet: choose which version to keep. " } }
                { "Load the other tab's version (your unsaved changes here are dropped), or keep yours: saving then keeps your changes, and the other tab's changes to fields you did not change." }
            </p>
            <div class="banner__actions">
                <button type="button" class="btn btn--primary" onclick={props.onreload.reform(|_| ())}>
                    { "Load the other tab's version" }</button>
                <button type="button" class="btn" onclick={props.onkeep.reform(|_| ())}>
                    { "Keep mine" }</button>
            </div>
        </div>
    }
}
