//! The certificates kept with an activity: attach (file chooser, drag and drop, the phone's
//! camera), see (thumbnail or PDF mark), open, download with a meaningful name, remove after
//! confirming. The bytes go to IndexedDB first; only then is the record changed, so a refused
//! write (a full disk) changes nothing.

use crate::storage::change::Change;
use std::collections::HashMap;

use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::domain::model::attachment::{self, CertificateFile};
use crate::domain::Activity;
use crate::storage::browser::files;
use crate::ui::locale;
use crate::ui::state::{use_app, Action, AppContext};

#[derive(Properties, PartialEq)]
pub struct CertificatesProps {
    pub activity: Activity,
}

/// Checks, hashes and stores one chosen file, then records it on the activity. Returns the
/// message to show when it was not kept.
pub async fn keep(file: File, activity_id: Uuid) -> Result<CertificateFile, String> {
    let name = file.name();
    let mime = attachment::check_file(&name, &file.type_(), file.size() as u64)
        .map_err(|refused| refused.to_string())?;
    let sha256 = files::sha256(&file).await.map_err(|e| e.0)?;
    let id = Uuid::new_v4();
    files::put(id, &file)
        .await
        .map_err(|e| format!("“{name}” was not kept: {}", e.0))?;
    let _ = activity_id;
    Ok(CertificateFile {
        id,
        name,
        mime,
        size: file.size() as u64,
        sha256,
        added: locale::today(),
    })
}

thread_local! {
    /// A certificate dropped on the Activities page, waiting for the new-activity form to take it.
    static DROPPED: std::cell::RefCell<Option<File>> = const { std::cell::RefCell::new(None) };
}

/// Hands a dropped certificate to the new-activity form (see [`take_dropped`]).
pub fn hand_over(file: File) {
    DROPPED.with(|d| *d.borrow_mut() = Some(file));
}

/// The certificate dropped on the Activities page, if any (taken once).
pub fn take_dropped() -> Option<File> {
    DROPPED.with(|d| d.borrow_mut().take())
}

/// What reading a certificate file brings the activity form, as it comes.
pub enum FileReading {
    /// A step of a long read (a photo), in words.
    Step(String),
    /// What the file states; for a photo, with the text the reader saw.
    Read {
        fields: crate::domain::formats::certificate::CertificateFields,
        seen: Option<String>,
    },
    /// Nothing could be read, and why.
    NotRead(String),
}

/// Reads a certificate file for the activity form in the worker: a PDF's text layer, a photo or
/// scan with the text reader. `on` hears each step and then what was read.
pub fn read_file(file: File, on: impl Fn(FileReading) + 'static) {
    use crate::worker::protocol::{Request, Response};
    spawn_local(async move {
        let mime = file.type_();
        let photo = mime.starts_with("image/");
        if mime != "application/pdf" && !photo {
            on(FileReading::Read {
                fields: Default::default(),
                seen: None,
            });
            return;
        }
        let Ok(bytes) = files::bytes(&file).await else {
            on(FileReading::NotRead(format!(
                "“{}” could not be read from the device: choose it again.",
                file.name()
            )));
            return;
        };
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        let request = if photo {
            Request::ReadPhoto {
                data,
                mime,
                name: file.name(),
                reader: text_reader_files(),
            }
        } else {
            Request::ReadPdf { data }
        };
        crate::ui::worker_client::request(request, move |r| match r {
            Response::Step { message } => on(FileReading::Step(message)),
            Response::CertificateRead { fields } => on(FileReading::Read {
                fields: *fields,
                seen: None,
            }),
            Response::PhotoRead { fields, text } => on(FileReading::Read {
                fields: *fields,
                seen: Some(text),
            }),
            Response::Failed { message } => on(FileReading::NotRead(message)),
            _ => {}
        });
    });
}

/// The text reader's files, as this build named them (`<meta name="cme-ocr">`, written by
/// scripts/ocr-files.mjs).
fn text_reader_files() -> crate::worker::protocol::TextReaderFiles {
    gloo::utils::document()
        .query_selector("meta[name=\"cme-ocr\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .and_then(|text| crate::json::from_text(&text).ok())
        .unwrap_or_default()
}

/// Object URLs for the thumbnails of image files, made once per file and revoked when the page
/// goes.
#[hook]
fn use_thumbnails(certificates: &[CertificateFile]) -> UseStateHandle<HashMap<Uuid, String>> {
    let urls = use_state(HashMap::<Uuid, String>::new);
    {
        let urls = urls.clone();
        let ids: Vec<(Uuid, String)> = certificates
            .iter()
            .map(|f| (f.id, f.mime.clone()))
            .collect();
        use_effect_with(ids, move |ids| {
            let ids = ids.clone();
            spawn_local(async move {
                let mut made = HashMap::new();
                for (id, mime) in ids {
                    if !mime.starts_with("image/") {
                        continue;
                    }
                    if let Ok(Some(blob)) = files::get(id).await {
                        if let Ok(u) = web_sys::Url::create_object_url_with_blob(&blob) {
                            made.insert(id, u);
                        }
                    }
                }
                urls.set(made);
            });
        });
    }
    {
        let urls = urls.clone();
        use_effect_with((), move |_| {
            move || {
                for u in urls.values() {
                    let _ = web_sys::Url::revoke_object_url(u);
                }
            }
        });
    }
    urls
}

/// The files of a file input or a drop.
fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// What the card shows besides the files: a problem, work under way, a removal being confirmed.
#[derive(Clone)]
struct CardState {
    app: AppContext,
    activity: crate::domain::Activity,
    message: UseStateHandle<Option<String>>,
    busy: UseStateHandle<bool>,
    confirm: UseStateHandle<Option<Uuid>>,
}

impl CardState {
    /// Keeps each file (its bytes, then its record); problems are said together.
    fn take_files(&self, list: Vec<File>) {
        let (app, message, busy) = (self.app.clone(), self.message.clone(), self.busy.clone());
        let activity_id = self.activity.id;
        busy.set(true);
        spawn_local(async move {
            let mut problems = Vec::new();
            for f in list {
                match keep(f, activity_id).await {
                    Ok(rec) => {
                        app.dispatch(Action::Change(Change::AttachCertificate(activity_id, rec)))
                    }
                    Err(m) => problems.push(m),
                }
            }
            busy.set(false);
            message.set((!problems.is_empty()).then(|| problems.join(" ")));
        });
    }

    fn open_or_download(&self, file: &CertificateFile, download: bool) -> Callback<MouseEvent> {
        let message = self.message.clone();
        let id = file.id;
        let name = self.activity.certificate_file_name(file);
        Callback::from(move |_: MouseEvent| {
            let message = message.clone();
            let name = name.clone();
            spawn_local(async move {
                match files::get(id).await {
                    Ok(Some(blob)) if download => {
                        if let Err(m) = crate::storage::browser::download_blob(&name, &blob) {
                            message.set(Some(m));
                        }
                    }
                    Ok(Some(blob)) => {
                        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
                            let _ = gloo::utils::window().open_with_url_and_target(&url, "_blank");
                        }
                    }
                    Ok(None) => message.set(Some(
                        "This file is not on this device (the browser removed it, or the record came from a backup made without certificates). Restore it from a backup made with certificates, or attach it again.".into(),
                    )),
                    Err(e) => message.set(Some(e.0)),
                }
            });
        })
    }

    fn remove(&self, id: Uuid) -> Callback<MouseEvent> {
        let (app, confirm) = (self.app.clone(), self.confirm.clone());
        let activity_id = self.activity.id;
        Callback::from(move |_: MouseEvent| {
            let app = app.clone();
            confirm.set(None);
            spawn_local(async move {
                // The record first: a file left behind is only space, a record without its file
                // would promise a certificate that is gone.
                app.dispatch(Action::Change(Change::DetachCertificate(activity_id, id)));
                let _ = files::delete(id).await;
            });
        })
    }

    fn confirming(&self, id: Option<Uuid>) -> Callback<MouseEvent> {
        let confirm = self.confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(id))
    }
}

#[function_component(Certificates)]
pub fn certificates(props: &CertificatesProps) -> Html {
    let a = &props.activity;
    let st = CardState {
        app: use_app(),
        activity: a.clone(),
        message: use_state(|| None),
        busy: use_state(|| false),
        confirm: use_state(|| None),
    };
    let urls = use_thumbnails(&a.certificates);
    let on_drop = {
        let st = st.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            st.take_files(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    html! {
        <section class="card" aria-labelledby="certs-title" ondrop={on_drop} ondragover={Callback::from(|e: DragEvent| e.prevent_default())}>
            <h2 id="certs-title">{ "Certificates" }</h2>
            if a.certificates.is_empty() {
                <p class="muted">{ "No certificate on file. Keep a copy here: auditors ask for them, sometimes years later. Files stay in this browser." }</p>
            } else {
                <ul class="plain-list cert-list">
                    { for a.certificates.iter().map(|f| certificate_item(&st, f, urls.get(&f.id))) }
                </ul>
            }
            { add_controls(&st) }
        </section>
    }
}

/// One file: its thumbnail, name and size, and what can be done with it.
fn certificate_item(st: &CardState, f: &CertificateFile, url: Option<&String>) -> Html {
    let thumb = match url {
        Some(u) => html! { <img class="cert__thumb" src={u.clone()} alt="" /> },
        None => {
            html! { <span class="cert__thumb cert__thumb--pdf" aria-hidden="true">{ if f.mime == "application/pdf" { "PDF" } else { "IMG" } }</span> }
        }
    };
    let asking = *st.confirm == Some(f.id);
    html! {
        <li class="cert">
            { thumb }
            <div class="cert__body">
                <strong class="cert__name">{ f.name.clone() }</strong>
                <span class="small muted">{ format!("{} · added {}", crate::domain::text::size::size_text(f.size), locale::date(f.added)) }</span>
                if st.app.missing_files.contains(&f.id) {
                    <span class="small warn-text">{ "Not on this device: restore it from a backup made with certificates." }</span>
                }
                <div class="actions">
                    <button type="button" class="btn btn--small" onclick={st.open_or_download(f, false)} aria-label={format!("Open {}", f.name)}>{ "Open" }</button>
                    <button type="button" class="btn btn--small" onclick={st.open_or_download(f, true)} aria-label={format!("Download {}", f.name)}>{ "Download" }</button>
                    if asking {
                        <span class="small">{ "Remove this file for good?" }</span>
                        <button type="button" class="btn btn--small btn--danger" onclick={st.remove(f.id)} aria-label={format!("Yes, remove {}", f.name)}>{ "Remove" }</button>
                        <button type="button" class="btn btn--small" onclick={st.confirming(None)}>{ "Keep" }</button>
                    } else {
                        <button type="button" class="btn btn--small" onclick={st.confirming(Some(f.id))} aria-label={format!("Remove {}", f.name)}>{ "Remove…" }</button>
                    }
                </div>
            </div>
        </li>
    }
}

/// Attaching: a file chosen, or a photo taken.
fn add_controls(st: &CardState) -> Html {
    let on_pick = {
        let st = st.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let list = files_of(input.files());
            input.set_value("");
            st.take_files(list);
        })
    };
    let (busy, message) = (st.busy.clone(), st.message.clone());
    html! {
            <div class="field cert-add">
                <label for="cert-file" class="btn">{ "Attach a certificate" }</label>
                <input id="cert-file" class="visually-hidden" type="file" multiple=true
                    accept="application/pdf,image/png,image/jpeg,image/webp,image/heic,image/heif,.heic"
                    onchange={on_pick.clone()} aria-describedby="cert-hint" />
                // The input inside its label: where the camera button is hidden (wide screens),
                // its input goes with it.
                <label for="cert-camera" class="btn cert-camera">
                    { "Take a photo" }
                    <input id="cert-camera" class="visually-hidden" type="file" accept="image/*" capture="environment"
                        onchange={on_pick} aria-describedby="cert-hint" />
                </label>
                <p class="hint" id="cert-hint">{ "PDF, PNG, JPEG, WebP or HEIC, up to 10 MB each. You can also drop files here." }</p>
                if *busy { <p class="muted" role="status">{ "Keeping the file…" }</p> }
                if let Some(m) = &*message { <p class="error" role="alert" id="cert-error">{ m.clone() }</p> }
            </div>
    }
}
