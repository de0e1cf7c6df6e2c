//! Reads the code the other device shows: with the camera (the browser's own barcode reader
//! where it has one, else the worker's), from a picture of the other screen, or typed or pasted
//! (a computer without a camera). The camera runs only while she reads, and stops once a code is
//! found or the reader goes away. No picture leaves the device.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, HtmlInputElement, HtmlVideoElement, MediaStream};
use yew::prelude::*;

use crate::storage::browser::peer::sleep;
use crate::ui::worker_client::ask;
use crate::worker::protocol::{Request, Response};

/// Pictures are read at most this wide or high: a code on a screen needs no more.
const PICTURE_SIDE: f64 = 1_200.0;
/// Camera frames are read at most this wide or high.
const FRAME_SIDE: f64 = 640.0;

#[derive(Properties, PartialEq)]
pub struct QrReaderProps {
    /// Distinguishes the reader's fields on the page.
    pub id: AttrValue,
    /// A code read (scanned, from a picture, typed).
    pub on_code: Callback<String>,
    /// Why the last code was not taken, shown beside the reader.
    #[prop_or_default]
    pub problem: Option<AttrValue>,
}

#[function_component(QrReader)]
pub fn qr_reader(props: &QrReaderProps) -> Html {
    let video = use_node_ref();
    let camera = use_mut_ref(|| None::<MediaStream>);
    // Whether the camera's frames are being read (the loop stops when it turns false).
    let running = use_mut_ref(|| false);
    let on_camera = use_state(|| false);
    let reading = use_state(|| None::<String>);
    let typed = use_state(String::new);
    {
        // The camera stops when the reader goes away.
        let (camera, running) = (camera.clone(), running.clone());
        use_effect_with((), move |_| {
            move || {
                *running.borrow_mut() = false;
                stop(&camera);
            }
        });
    }
    let start_camera = {
        let (video, camera, running, on_camera, reading, on_code) = (
            video.clone(),
            camera.clone(),
            running.clone(),
            on_camera.clone(),
            reading.clone(),
            props.on_code.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (video, camera, running, on_camera, reading, on_code) = (
                video.clone(),
                camera.clone(),
                running.clone(),
                on_camera.clone(),
                reading.clone(),
                on_code.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match open_camera().await {
                    Ok(stream) => {
                        on_camera.set(true);
                        reading.set(None);
                        // Rendered now: the video element exists on the next frame.
                        sleep(0).await;
                        let Some(element) = video.cast::<HtmlVideoElement>() else {
                            return;
                        };
                        element.set_src_object(Some(&stream));
                        if let Ok(p) = element.play() {
                            let _ = JsFuture::from(p).await;
                        }
                        *camera.borrow_mut() = Some(stream);
                        *running.borrow_mut() = true;
                        while *running.borrow() {
                            if let Some(text) = read_frame(&element).await {
                                *running.borrow_mut() = false;
                                stop(&camera);
                                on_camera.set(false);
                                on_code.emit(text);
                                break;
                            }
                            sleep(250).await;
                        }
                    }
                    Err(m) => reading.set(Some(m)),
                }
            });
        })
    };
    let stop_camera = {
        let (camera, running, on_camera) = (camera.clone(), running.clone(), on_camera.clone());
        Callback::from(move |_: MouseEvent| {
            *running.borrow_mut() = false;
            stop(&camera);
            on_camera.set(false);
        })
    };
    let on_picture = {
        let (reading, on_code) = (reading.clone(), props.on_code.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let (reading, on_code) = (reading.clone(), on_code.clone());
            reading.set(Some("Reading the picture…".into()));
            wasm_bindgen_futures::spawn_local(async move {
                match read_picture(&file).await {
                    Ok(text) => {
                        reading.set(None);
                        on_code.emit(text);
                    }
                    Err(m) => reading.set(Some(m)),
                }
            });
        })
    };
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(crate::ui::components::inputs::input_value(&e))
        })
    };
    let use_typed = {
        let (typed, on_code) = (typed.clone(), props.on_code.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !typed.trim().is_empty() {
                on_code.emit((*typed).clone());
            }
        })
    };
    let id = &props.id;
    let camera_possible = has_camera();
    html! {
        <div class="qr-reader">
            if camera_possible {
                <div class="actions">
                    if *on_camera {
                        <button type="button" class="btn" onclick={stop_camera}>{ "Stop the camera" }</button>
                    } else {
                        <button type="button" class="btn btn--primary" onclick={start_camera}>{ "Scan it with the camera" }</button>
                    }
                </div>
                if *on_camera {
                    <video ref={video} class="qr-camera" autoplay=true muted=true playsinline=true aria-label="The camera's picture: hold the other device's code in view"></video>
                }
            }
            <div class="field">
                <label for={format!("{id}-picture")}>{ "Or read it from a picture of the other screen" }</label>
                <input id={format!("{id}-picture")} type="file" accept="image/*" onchange={on_picture} aria-describedby={format!("{id}-problem")} />
            </div>
            <form class="field" onsubmit={use_typed}>
                <label for={format!("{id}-typed")}>{ "Or type or paste the code shown under it" }</label>
                <div class="inline-field">
                    <input id={format!("{id}-typed")} type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" value={(*typed).clone()} oninput={on_typed} aria-describedby={format!("{id}-problem")} />
                    <button type="submit" class="btn">{ "Use this code" }</button>
                </div>
            </form>
            <div id={format!("{id}-problem")}>
                if let Some(m) = &*reading {
                    <p role="status" class="muted">{ m.clone() }</p>
                }
                if let Some(p) = &props.problem {
                    <p role="alert" class="error">{ p.clone() }</p>
                }
            </div>
        </div>
    }
}

fn stop(camera: &Rc<RefCell<Option<MediaStream>>>) {
    if let Some(stream) = camera.borrow_mut().take() {
        for track in stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

fn has_camera() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .is_some()
}

async fn open_camera() -> Result<MediaStream, String> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or("This browser cannot use a camera here.")?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    // The camera on the back of a phone.
    let _ = Reflect::set(&video, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video);
    constraints.set_audio_bool(false);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| "This browser cannot use a camera here.".to_string())?;
    JsFuture::from(promise)
        .await
        .map_err(|_| "The camera could not be used (not allowed, or none on this device). Read the code from a picture, or type it.".to_string())?
        .dyn_into::<MediaStream>()
        .map_err(|_| "The camera could not be used.".to_string())
}

/// The code in the camera's current frame, if one is found.
async fn read_frame(video: &HtmlVideoElement) -> Option<String> {
    if video.video_width() == 0 {
        return None;
    }
    if let Some(text) = browser_reader(video.as_ref()).await {
        return Some(text);
    }
    let (w, h) = fit(
        f64::from(video.video_width()),
        f64::from(video.video_height()),
        FRAME_SIDE,
    );
    let (_canvas, context) = canvas(w, h)?;
    context
        .draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )
        .ok()?;
    read_grey(&context, w, h).await
}

/// The code in a picture, or why none was read.
async fn read_picture(file: &web_sys::File) -> Result<String, String> {
    let not_read = "No code was found in this picture. Take it again with the whole code in view, or type the code shown under it.".to_string();
    let window = web_sys::window().ok_or_else(|| not_read.clone())?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(|_| not_read.clone())?,
    )
    .await
    .map_err(|_| "This picture could not be opened.".to_string())?
    .dyn_into()
    .map_err(|_| "This picture could not be opened.".to_string())?;
    if let Some(text) = browser_reader(bitmap.as_ref()).await {
        return Ok(text);
    }
    let (w, h) = fit(
        f64::from(bitmap.width()),
        f64::from(bitmap.height()),
        PICTURE_SIDE,
    );
    let (_canvas, context) = canvas(w, h).ok_or_else(|| not_read.clone())?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(w), f64::from(h))
        .map_err(|_| not_read.clone())?;
    read_grey(&context, w, h).await.ok_or(not_read)
}

fn fit(w: f64, h: f64, side: f64) -> (u32, u32) {
    let scale = (side / w.max(h)).min(1.0);
    (
        (w * scale).round().max(1.0) as u32,
        (h * scale).round().max(1.0) as u32,
    )
}

fn canvas(w: u32, h: u32) -> Option<(HtmlCanvasElement, web_sys::CanvasRenderingContext2d)> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    Some((canvas, context))
}

/// The canvas's picture in grey levels, read by the worker.
async fn read_grey(context: &web_sys::CanvasRenderingContext2d, w: u32, h: u32) -> Option<String> {
    use base64::Engine;
    let rgba = context
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?
        .data()
        .0;
    let grey: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| {
            ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8
        })
        .collect();
    match ask(Request::QrRead {
        width: w as usize,
        height: h as usize,
        grey: base64::engine::general_purpose::STANDARD.encode(grey),
    })
    .await
    {
        Response::QrRead { text } => text,
        _ => None,
    }
}

/// The browser's own barcode reader (Chrome on Android and macOS, ChromeOS), where it has one.
async fn browser_reader(source: &JsValue) -> Option<String> {
    let window = web_sys::window()?;
    let class: js_sys::Function = Reflect::get(&window, &"BarcodeDetector".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    let _ = Reflect::set(
        &options,
        &"formats".into(),
        &js_sys::Array::of1(&"qr_code".into()),
    );
    let detector = Reflect::construct(&class, &js_sys::Array::of1(&options)).ok()?;
    let detect: js_sys::Function = Reflect::get(&detector, &"detect".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = detect.call1(&detector, source).ok()?.dyn_into().ok()?;
    let found = JsFuture::from(promise).await.ok()?;
    let first = js_sys::Array::from(&found).get(0);
    Reflect::get(&first, &"rawValue".into()).ok()?.as_string()
}
