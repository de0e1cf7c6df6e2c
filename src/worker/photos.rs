//! Photographed and scanned certificates, read on the device: the browser decodes the photo,
//! `domain::formats::photo` makes it a level black-on-white page, the text reader (Tesseract,
//! compiled to WebAssembly; loaded into this worker on the first photo, through static/ocr.js)
//! reads its text, and the certificate reader finds the fields in it. No pixel leaves the device.

use crate::domain::formats::certificate;
use crate::domain::text::certificates::{photo_not_read, PhotoNotRead};
use crate::worker::protocol::Response;

/// The longest side a photo is read at: a letter page at about 220 dots per inch, enough for an
/// accreditation statement's small print; a phone's full resolution only makes reading slower.
pub const MAX_SIDE: u32 = 2400;

/// What the reader's text states, or why nothing was read.
pub fn fields_of(name: &str, text: &str) -> Response {
    let fields = certificate::read(text);
    if text.trim().is_empty() {
        return Response::Failed {
            message: photo_not_read(name, PhotoNotRead::NothingRead),
        };
    }
    Response::PhotoRead {
        fields: Box::new(fields),
        text: text.trim().to_string(),
    }
}

#[cfg(target_arch = "wasm32")]
pub use reading::read;

#[cfg(target_arch = "wasm32")]
mod reading {
    use js_sys::{Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;

    use super::*;
    use crate::domain::formats::photo::{self, Gray};
    use crate::domain::text::certificates::photo_steps;
    use crate::worker::protocol::TextReaderFiles;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = importScripts, catch)]
        fn import_scripts(url: &str) -> Result<(), JsValue>;
        #[wasm_bindgen(js_namespace = cmeOcr, js_name = decode, catch)]
        async fn decode(bytes: &[u8], mime: &str, max_side: u32) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_namespace = cmeOcr, js_name = load, catch)]
        async fn load(files: &str) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_namespace = cmeOcr, js_name = recognise, catch)]
        async fn recognise(page: &[u8]) -> Result<JsValue, JsValue>;
    }

    /// Reads a photo (`data` in base64) named `name`, saying each step through `step`.
    pub async fn read(
        data: &str,
        mime: &str,
        name: &str,
        reader: &TextReaderFiles,
        step: &dyn Fn(&str),
    ) -> Response {
        use base64::Engine;
        let failed = |why| Response::Failed {
            message: photo_not_read(name, why),
        };
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data.as_bytes()) else {
            return failed(PhotoNotRead::CannotOpen);
        };
        if import_scripts(&reader.glue).is_err() {
            return failed(PhotoNotRead::ReaderMissing);
        }
        step(photo_steps::OPENING);
        let Some(picture) = decode(&bytes, mime, MAX_SIDE).await.ok().and_then(pixels) else {
            return failed(PhotoNotRead::CannotOpen);
        };
        let page = photo::prepare(&picture).page;
        step(photo_steps::LOADING);
        let files = crate::json::to_text(reader).unwrap_or_default();
        if load(&files).await.is_err() {
            return failed(PhotoNotRead::ReaderMissing);
        }
        step(photo_steps::READING);
        let Ok(seen) = recognise(&page.to_pgm()).await else {
            return failed(PhotoNotRead::NothingRead);
        };
        fields_of(name, &seen.as_string().unwrap_or_default())
    }

    /// The grey page of what `cmeOcr.decode` gives: `{ width, height, rgba }`.
    fn pixels(decoded: JsValue) -> Option<Gray> {
        let number = |key: &str| Reflect::get(&decoded, &key.into()).ok()?.as_f64();
        let (width, height) = (number("width")? as usize, number("height")? as usize);
        let rgba = Reflect::get(&decoded, &"rgba".into()).ok()?;
        Gray::from_rgba(width, height, &rgba.dyn_into::<Uint8Array>().ok()?.to_vec())
    }
}
