//! QR codes for meeting face to face (`storage::sync::card`): drawn here as an SVG path for the
//! page, and read from a picture's grey levels (a camera frame or a photo of the other screen)
//! where the browser has no barcode reader of its own. In the worker, so that neither is in the
//! first download.

use qrcode::{EcLevel, QrCode};

/// A code drawn: its size in modules (with the quiet zone) and an SVG path of its dark modules.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Drawn {
    pub size: usize,
    pub path: String,
}

/// The quiet zone around a code, in modules (the standard asks for four).
const QUIET: usize = 4;

/// `text` as a QR code, at the medium error-correction level: a code read off a phone's screen by
/// another phone's camera meets glare and moiré.
pub fn draw(text: &str) -> Result<Drawn, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| format!("The code could not be drawn ({e})."))?;
    let width = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] {
                // A run of dark modules in a row as one rectangle: a shorter path.
                let start = x;
                while x < width && dark[y * width + x] {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Ok(Drawn {
        size: width + 2 * QUIET,
        path,
    })
}

/// The text of the first QR code found in a picture of `width` × `height` grey levels (one byte a
/// pixel, row by row), if any.
pub fn read(width: usize, height: usize, grey: &[u8]) -> Option<String> {
    if width == 0 || height == 0 || grey.len() < width * height {
        return None;
    }
    let mut picture =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| grey[y * width + x]);
    picture
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}
