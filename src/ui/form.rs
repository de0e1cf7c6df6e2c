//! A form's state, once for every form: the draft as typed, the messages of the last attempt to
//! save, whether anything was typed (the update banner and the leave guard will not discard it),
//! and the sentence a screen reader hears when saving fails. The draft decides what is valid
//! (`domain::draft`); this only holds what it said.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::draft::FieldError;
use crate::ui::components::inputs::{input_value, select_value};

/// What a draft says is wrong with it (empty when it would save).
type Check<D, F> = Rc<dyn Fn(&D) -> Vec<FieldError<F>>>;

/// The handle a form's component holds (cheap to clone into callbacks).
pub struct Form<D: 'static, F: 'static> {
    draft: UseStateHandle<D>,
    errors: UseStateHandle<Vec<FieldError<F>>>,
    dirty: UseStateHandle<bool>,
    announce: UseStateHandle<String>,
    /// The draft's messages as they stand (to take a fixed field's message away as it is fixed),
    /// as the latest render gave it (it may read props, e.g. the credential a draft belongs to).
    check: Rc<RefCell<Check<D, F>>>,
    /// The id of the control a field's message belongs to (to focus the first problem).
    field_id: Rc<dyn Fn(&F) -> String>,
}

impl<D, F> Clone for Form<D, F> {
    fn clone(&self) -> Self {
        Form {
            draft: self.draft.clone(),
            errors: self.errors.clone(),
            dirty: self.dirty.clone(),
            announce: self.announce.clone(),
            check: self.check.clone(),
            field_id: self.field_id.clone(),
        }
    }
}

/// A form over a draft `D` whose fields are named by `F`: `initial` makes the draft once,
/// `check` lists its problems (empty when it would save), `field_id` names each field's control.
#[hook]
pub fn use_form<D, F>(
    initial: impl FnOnce() -> D,
    check: impl Fn(&D) -> Vec<FieldError<F>> + 'static,
    field_id: impl Fn(&F) -> String + 'static,
) -> Form<D, F>
where
    D: Clone + 'static,
    F: Clone + PartialEq + 'static,
{
    let draft = use_state(initial);
    let errors = use_state(Vec::new);
    let dirty = use_state(|| false);
    let announce = use_state(String::new);
    let latest = use_mut_ref(|| Rc::new(|_: &D| Vec::new()) as Check<D, F>);
    *latest.borrow_mut() = Rc::new(check);
    let field_id: Rc<dyn Fn(&F) -> String> =
        use_memo((), move |_| Rc::new(field_id) as Rc<dyn Fn(&F) -> String>)
            .as_ref()
            .clone();
    Form {
        draft,
        errors,
        dirty,
        announce,
        check: latest,
        field_id,
    }
}

impl<D: Clone + 'static, F: Clone + PartialEq + 'static> Form<D, F> {
    /// The draft as typed.
    pub fn draft(&self) -> &D {
        &self.draft
    }

    /// Changes the draft: marks the form as typed in, and checks it again once messages are on
    /// screen, so a fixed field's message goes as soon as it is fixed.
    pub fn update(&self, change: impl FnOnce(&mut D)) {
        let mut d = (*self.draft).clone();
        change(&mut d);
        if !self.errors.is_empty() {
            let check = self.check.borrow().clone();
            self.errors.set(check(&d));
        }
        self.draft.set(d);
        if !*self.dirty {
            self.dirty.set(true);
        }
    }

    /// Starts the form again after a save: the draft changed by `change`, no messages, nothing
    /// typed yet.
    pub fn reset(&self, change: impl FnOnce(&mut D)) {
        let mut d = (*self.draft).clone();
        change(&mut d);
        self.draft.set(d);
        self.errors.set(Vec::new());
        self.dirty.set(false);
    }

    /// Typing in an input writes its value into the draft through `apply`.
    pub fn text(&self, apply: impl Fn(&mut D, String) + 'static) -> Callback<InputEvent> {
        let form = self.clone();
        Callback::from(move |e: InputEvent| {
            let v = input_value(&e);
            form.update(|d| apply(d, v));
        })
    }

    /// Choosing in a select writes its value into the draft through `apply`.
    pub fn choose(&self, apply: impl Fn(&mut D, String) + 'static) -> Callback<Event> {
        let form = self.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            form.update(|d| apply(d, v));
        })
    }

    /// A field's message, when its value was refused.
    pub fn error(&self, field: F) -> Option<AttrValue> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| AttrValue::from(e.message.clone()))
    }

    pub fn errors(&self) -> &[FieldError<F>] {
        &self.errors
    }

    /// Whether anything was typed since the form opened.
    pub fn dirty(&self) -> bool {
        *self.dirty
    }

    /// What a screen reader hears after a failed save.
    pub fn announcement(&self) -> String {
        (*self.announce).clone()
    }

    /// The outcome of an attempt to save: the valid value, or its messages shown next to their
    /// fields, announced, and the first problem's field focused.
    pub fn submit<V>(&self, outcome: Result<V, Vec<FieldError<F>>>) -> Option<V> {
        match outcome {
            Ok(valid) => {
                if !self.errors.is_empty() {
                    self.errors.set(Vec::new());
                }
                if !self.announce.is_empty() {
                    self.announce.set(String::new());
                }
                Some(valid)
            }
            Err(errors) => {
                self.announce.set(format!(
                    "Not saved: {}. {}",
                    problems(errors.len()),
                    errors.first().map(|e| e.message.as_str()).unwrap_or("")
                ));
                if let Some(first) = errors.first() {
                    // After the re-render, so that the field's message exists when focused.
                    let id = (self.field_id)(&first.field);
                    gloo::timers::callback::Timeout::new(0, move || {
                        crate::ui::components::focus::focus(&id)
                    })
                    .forget();
                }
                self.errors.set(errors);
                None
            }
        }
    }

    /// The line above a refused form, and the live region that announces it.
    pub fn summary(&self, id: &str) -> Html {
        let n = self.errors.len();
        html! {
            <>
                <p class="visually-hidden" aria-live="assertive" role="status">{ self.announcement() }</p>
                if n > 0 {
                    <div class="banner banner--bad" id={id.to_string()}>
                        <strong>{ format!("Not saved: {}.", problems(n)) }</strong>
                        { " Each is shown next to its field." }
                    </div>
                }
            </>
        }
    }
}

/// "1 problem to fix", "3 problems to fix".
fn problems(n: usize) -> String {
    format!("{n} problem{} to fix", if n == 1 { "" } else { "s" })
}
