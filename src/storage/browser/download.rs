//! Files offered for download: text, or a blob (an object URL and a temporary link); and a text
//! file handed to the device's share sheet where the browser can share files.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a downloaded file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "Could not prepare the file.".to_string())?;
    download_blob(file_name, &blob)
}

/// Offers `blob` as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "Could not prepare the file.".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no anchor")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoking at once can cancel the download in some browsers; give it a moment.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The share data for a text file (`{ files: [File], title }`), when this browser can share files
/// (phones and tablets, some desktops): the share sheet reaches "Save to Files", AirDrop, mail.
fn share_data(file_name: &str, mime: &str, text: &str) -> Option<JsValue> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let can_share = js_sys::Reflect::get(&navigator, &"canShare".into()).ok()?;
    let can_share: js_sys::Function = can_share.dyn_into().ok()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let file_class: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"File".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &mime.into()).ok()?;
    let file = js_sys::Reflect::construct(
        &file_class,
        &js_sys::Array::of3(&parts, &JsValue::from_str(file_name), &options),
    )
    .ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    js_sys::Reflect::set(&data, &"title".into(), &file_name.into()).ok()?;
    let data: JsValue = data.into();
    can_share
        .call1(&navigator, &data)
        .ok()?
        .as_bool()
        .filter(|ok| *ok)
        .map(|_| data)
}

/// Whether this browser can hand a file to the device's share sheet.
pub fn can_share_files() -> bool {
    share_data("x.json", "application/json", "{}").is_some()
}

/// Hands `text` as a file to the device's share sheet. Ok(false) when she closed the sheet.
pub async fn share(file_name: &str, mime: &str, text: &str) -> Result<bool, String> {
    let data = share_data(file_name, mime, text).ok_or("This browser cannot share files.")?;
    let navigator: JsValue = web_sys::window().ok_or("no window")?.navigator().into();
    let share: js_sys::Function = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("This browser cannot share files.")?;
    let promise: js_sys::Promise = share
        .call1(&navigator, &data)
        .map_err(|_| "The file could not be shared.".to_string())?
        .dyn_into()
        .map_err(|_| "The file could not be shared.".to_string())?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(true),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "AbortError" {
                Ok(false)
            } else {
                Err(format!(
                    "The file could not be shared ({name}): download it instead."
                ))
            }
        }
    }
}
