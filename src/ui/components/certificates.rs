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
use crate::ui::state::{use_app, Action};

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

/// Reads a certificate file for the activity form: a PDF's text layer in the worker; a photo
/// states nothing the app can read. `done` gets what was read.
pub fn read_file(
    file: File,
    done: impl Fn(crate::domain::formats::certificate::CertificateFields) + 'static,
) {
    spawn_local(async move {
        if file.type_() != "application/pdf" {
            done(Default::default());
            return;
        }
        let Ok(bytes) = files::bytes(&file).await else {
            done(Default::default());
            return;
        };
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        crate::ui::worker_client::request(
            crate::worker::protocol::Request::ReadPdf { data },
            move |r| {
                if let crate::worker::protocol::Response::CertificateRead { fields } = r {
                    done(fields);
                }
            },
        );
    });
}

#[function_component(Certificates)]
pub fn certificates(props: &CertificatesProps) -> Html {
    let app = use_app();
    let a = &props.activity;
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let confirm = use_state(|| None::<Uuid>);
    // Object URLs for thumbnails, made once per file and revoked when the page goes.
    let urls = use_state(HashMap::<Uuid, String>::new);
    {
        let urls = urls.clone();
        let ids: Vec<(Uuid, String)> = a
            .certificates
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
    let take_files = {
        let app = app.clone();
        let message = message.clone();
        let busy = busy.clone();
        let activity_id = a.id;
        move |list: Vec<File>| {
            let app = app.clone();
            let message = message.clone();
            let busy = busy.clone();
            busy.set(true);
            spawn_local(async move {
                let mut problems = Vec::new();
                for f in list {
                    match keep(f, activity_id).await {
                        Ok(rec) => app
                            .dispatch(Action::Change(Change::AttachCertificate(activity_id, rec))),
                        Err(m) => problems.push(m),
                    }
                }
                busy.set(false);
                message.set((!problems.is_empty()).then(|| problems.join(" ")));
            });
        }
    };
    let on_pick = {
        let take_files = take_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let mut list = Vec::new();
            if let Some(files) = input.files() {
                for i in 0..files.length() {
                    if let Some(f) = files.get(i) {
                        list.push(f);
                    }
                }
            }
            input.set_value("");
            take_files(list);
        })
    };
    let on_drop = {
        let take_files = take_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let mut list = Vec::new();
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                for i in 0..files.length() {
                    if let Some(f) = files.get(i) {
                        list.push(f);
                    }
                }
            }
            take_files(list);
        })
    };
    let open_or_download = |file: &CertificateFile, download: bool| {
        let message = message.clone();
        let id = file.id;
        let name = a.certificate_file_name(file);
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
    };
    let remove = |id: Uuid| {
        let app = app.clone();
        let confirm = confirm.clone();
        let activity_id = a.id;
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
    };
    html! {
        <section class="card" aria-labelledby="certs-title" ondrop={on_drop} ondragover={Callback::from(|e: DragEvent| e.prevent_default())}>
            <h2 id="certs-title">{ "Certificates" }</h2>
            if a.certificates.is_empty() {
                <p class="muted">{ "No certificate on file. Keep a copy here: auditors ask for them, sometimes years later. Files stay in this browser." }</p>
            } else {
                <ul class="plain-list cert-list">
                    { for a.certificates.iter().map(|f| {
                        let thumb = match urls.get(&f.id) {
                            Some(u) => html! { <img class="cert__thumb" src={u.clone()} alt="" /> },
                            None => html! { <span class="cert__thumb cert__thumb--pdf" aria-hidden="true">{ if f.mime == "application/pdf" { "PDF" } else { "IMG" } }</span> },
                        };
                        let asking = *confirm == Some(f.id);
                        let ask = {
                            let confirm = confirm.clone();
                            let id = f.id;
                            Callback::from(move |_: MouseEvent| confirm.set(Some(id)))
                        };
                        let cancel = {
                            let confirm = confirm.clone();
                            Callback::from(move |_: MouseEvent| confirm.set(None))
                        };
                        html! {
                            <li class="cert">
                                { thumb }
                                <div class="cert__body">
                                    <strong class="cert__name">{ f.name.clone() }</strong>
                                    <span class="small muted">{ format!("{} · added {}", crate::domain::text::size::size_text(f.size), locale::date(f.added)) }</span>
                                    if app.missing_files.contains(&f.id) {
                                        <span class="small warn-text">{ "Not on this device: restore it from a backup made with certificates." }</span>
                                    }
                                    <div class="actions">
                                        <button type="button" class="btn btn--small" onclick={open_or_download(f, false)} aria-label={format!("Open {}", f.name)}>{ "Open" }</button>
                                        <button type="button" class="btn btn--small" onclick={open_or_download(f, true)} aria-label={format!("Download {}", f.name)}>{ "Download" }</button>
                                        if asking {
                                            <span class="small">{ "Remove this file for good?" }</span>
                                            <button type="button" class="btn btn--small btn--danger" onclick={remove(f.id)} aria-label={format!("Yes, remove {}", f.name)}>{ "Remove" }</button>
                                            <button type="button" class="btn btn--small" onclick={cancel}>{ "Keep" }</button>
                                        } else {
                                            <button type="button" class="btn btn--small" onclick={ask} aria-label={format!("Remove {}", f.name)}>{ "Remove…" }</button>
                                        }
                                    </div>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
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
        </section>
    }
}
