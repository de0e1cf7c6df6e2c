//! A file chooser that also takes a dropped file: the Backup page's and the import page's.
//! It hands over the first file chosen or dropped; the input is cleared, so choosing the same
//! file again (after correcting it) reads it again.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    /// The input's id (its label points at it).
    pub id: AttrValue,
    pub label: AttrValue,
    /// The input's `accept` list.
    pub accept: AttrValue,
    /// The id of the element that says how reading the file went.
    pub describedby: AttrValue,
    pub onfile: Callback<web_sys::File>,
}

#[function_component(FileDrop)]
pub fn file_drop(props: &FileDropProps) -> Html {
    let on_pick = {
        let onfile = props.onfile.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                onfile.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let onfile = props.onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                onfile.emit(file);
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <div class="dropzone" ondrop={on_drop} ondragover={on_dragover}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="file" accept={props.accept.clone()} onchange={on_pick}
                aria-describedby={props.describedby.clone()} />
        </div>
    }
}
