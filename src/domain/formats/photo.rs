//! A photographed or scanned page made ready for the text reader: grey, evenly lit, black on
//! white and level. A phone photo of a paper certificate has a shadow across it, a slight tilt
//! and JPEG noise, and the text reader (Tesseract, run in the worker) misreads all three; a clean,
//! level page it reads well. Pure: the browser decodes the photo, this only moves pixels.

/// An 8-bit grey image, row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// What [`prepare`] made of a photo: the page for the reader, and the tilt it took out.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub page: Gray,
    /// Degrees the photo's lines rose to the right (counter-clockwise), before levelling.
    pub tilt_degrees: f32,
}

/// Past this the page is assumed upright and nothing is rotated: a photo turned further is a
/// page held sideways, which the person turns (the lines would be read as columns).
const MAX_TILT: f32 = 10.0;

impl Gray {
    /// A white page of this size.
    pub fn blank(width: usize, height: usize) -> Gray {
        Gray {
            width,
            height,
            pixels: vec![255; width * height],
        }
    }

    /// The grey of each pixel of RGBA bytes (as a canvas gives them), weighted as the eye sees
    /// brightness (Rec. 601 luma); transparency counts as white paper. None when the bytes do not
    /// fit the size.
    pub fn from_rgba(width: usize, height: usize, rgba: &[u8]) -> Option<Gray> {
        if width == 0 || height == 0 || rgba.len() != width.checked_mul(height)?.checked_mul(4)? {
            return None;
        }
        let pixels = rgba
            .chunks_exact(4)
            .map(|p| {
                let luma = (299 * p[0] as u32 + 587 * p[1] as u32 + 114 * p[2] as u32) / 1000;
                let alpha = p[3] as u32;
                ((luma * alpha + 255 * (255 - alpha)) / 255) as u8
            })
            .collect();
        Some(Gray {
            width,
            height,
            pixels,
        })
    }

    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// The image as a binary PGM file (P5), a format the reader's image library reads without
    /// any codec.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }
}

/// The photo made ready for the reader: lit evenly, levelled, then black on white.
pub fn prepare(photo: &Gray) -> Prepared {
    let even = even_light(photo);
    let tilt = tilt_of(&even);
    // A fraction of a degree does the reader no harm; rotating blurs a little.
    let level = if tilt.abs() >= 0.2 {
        rotate(&even, -tilt)
    } else {
        even
    };
    Prepared {
        page: black_on_white(&level),
        tilt_degrees: tilt,
    }
}

/// The paper made equally white everywhere: each pixel divided by the brightness of the paper
/// around it (a bright percentile of its block, the blocks around it, interpolated), so a shadow
/// across the page or a lamp's falloff no longer decides what is ink.
pub fn even_light(photo: &Gray) -> Gray {
    let (w, h) = (photo.width, photo.height);
    // Blocks wider than a heading's stroke, so that every block holds some paper.
    let block = (w.min(h) / 24).clamp(16, 96);
    let (bw, bh) = (w.div_ceil(block), h.div_ceil(block));
    let mut paper = vec![0u8; bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let mut histogram = [0u32; 256];
            let mut count = 0u32;
            for y in by * block..((by + 1) * block).min(h) {
                for x in bx * block..((bx + 1) * block).min(w) {
                    histogram[photo.at(x, y) as usize] += 1;
                    count += 1;
                }
            }
            // The 90th percentile, not the maximum: JPEG noise leaves specks brighter than paper.
            let mut seen = 0;
            let mut level = 255;
            for (v, n) in histogram.iter().enumerate().rev() {
                seen += n;
                if seen * 10 >= count {
                    level = v;
                    break;
                }
            }
            paper[by * bw + bx] = level as u8;
        }
    }
    // A block filled by a bold heading or a seal is darker than its paper: take the brightest of
    // its neighbours.
    let near = |bx: usize, by: usize| {
        let mut best = 0u8;
        for y in by.saturating_sub(1)..=(by + 1).min(bh - 1) {
            for x in bx.saturating_sub(1)..=(bx + 1).min(bw - 1) {
                best = best.max(paper[y * bw + x]);
            }
        }
        best
    };
    let paper: Vec<f32> = (0..bh)
        .flat_map(|by| (0..bw).map(move |bx| (bx, by)))
        .map(|(bx, by)| near(bx, by).max(40) as f32)
        .collect();
    let sample = |fx: f32, fy: f32| {
        // Block centres are at (i + 0.5) * block: interpolate between the four around (fx, fy).
        let gx = (fx / block as f32 - 0.5).clamp(0.0, (bw - 1) as f32);
        let gy = (fy / block as f32 - 0.5).clamp(0.0, (bh - 1) as f32);
        let (x0, y0) = (gx.floor() as usize, gy.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(bw - 1), (y0 + 1).min(bh - 1));
        let (tx, ty) = (gx - x0 as f32, gy - y0 as f32);
        let top = paper[y0 * bw + x0] * (1.0 - tx) + paper[y0 * bw + x1] * tx;
        let bottom = paper[y1 * bw + x0] * (1.0 - tx) + paper[y1 * bw + x1] * tx;
        top * (1.0 - ty) + bottom * ty
    };
    let mut out = Gray::blank(w, h);
    for y in 0..h {
        for x in 0..w {
            let p = photo.at(x, y) as f32;
            let white = sample(x as f32 + 0.5, y as f32 + 0.5);
            out.pixels[y * w + x] = (p * 255.0 / white).min(255.0) as u8;
        }
    }
    out
}

/// The grey that best splits ink from paper (Otsu's threshold: the split with the largest
/// variance between the two classes).
pub fn ink_threshold(image: &Gray) -> u8 {
    let mut histogram = [0u64; 256];
    for &p in &image.pixels {
        histogram[p as usize] += 1;
    }
    let total = image.pixels.len() as f64;
    let sum: f64 = histogram
        .iter()
        .enumerate()
        .map(|(v, &n)| v as f64 * n as f64)
        .sum();
    let (mut below, mut below_sum) = (0.0f64, 0.0f64);
    let (mut best, mut best_split) = (-1.0f64, 128u8);
    for (v, &n) in histogram.iter().enumerate() {
        below += n as f64;
        below_sum += v as f64 * n as f64;
        let above = total - below;
        if below == 0.0 || above == 0.0 {
            continue;
        }
        let mean_below = below_sum / below;
        let mean_above = (sum - below_sum) / above;
        let between = below * above * (mean_below - mean_above).powi(2);
        if between > best {
            best = between;
            best_split = v as u8;
        }
    }
    best_split
}

/// Ink black, paper white.
pub fn black_on_white(image: &Gray) -> Gray {
    let split = ink_threshold(image);
    Gray {
        width: image.width,
        height: image.height,
        pixels: image
            .pixels
            .iter()
            .map(|&p| if p <= split { 0 } else { 255 })
            .collect(),
    }
}

/// How many degrees the lines of text rise to the right: the angle at which the ink, projected
/// onto rows, makes the sharpest profile (lines of ink and gaps of paper), searched coarsely
/// then finely, on a reduced copy.
pub fn tilt_of(image: &Gray) -> f32 {
    let step = (image.width / 800).max(1);
    let split = ink_threshold(image);
    let mut ink: Vec<(f32, f32)> = Vec::new();
    for y in (0..image.height).step_by(step) {
        for x in (0..image.width).step_by(step) {
            if image.at(x, y) <= split {
                ink.push(((x / step) as f32, (y / step) as f32));
            }
        }
    }
    // A page of noise, or of ink: nothing to level by.
    let cells = (image.width / step) * (image.height / step);
    if ink.len() < 50 || ink.len() * 2 > cells {
        return 0.0;
    }
    let rows = image.height / step + image.width / step + 2;
    let sharpness = |degrees: f32| {
        let rise = degrees.to_radians().tan();
        let mut profile = vec![0u32; rows * 2];
        for &(x, y) in &ink {
            // The row a point of a line rising by `rise` would have at the left edge.
            let row = (y + x * rise).round() as isize + rows as isize;
            if let Some(r) = profile.get_mut(row.max(0) as usize) {
                *r += 1;
            }
        }
        profile
            .iter()
            .map(|&n| (n as f64) * (n as f64))
            .sum::<f64>()
    };
    let best_in = |from: f32, to: f32, by: f32| {
        let mut best = (f64::MIN, 0.0f32);
        let mut a = from;
        while a <= to + by / 2.0 {
            let s = sharpness(a);
            if s > best.0 {
                best = (s, a);
            }
            a += by;
        }
        best.1
    };
    let coarse = best_in(-MAX_TILT, MAX_TILT, 0.5);
    let fine = best_in(coarse - 0.5, coarse + 0.5, 0.05);
    (fine * 100.0).round() / 100.0
}

/// The image turned counter-clockwise by `degrees` about its centre (negative: clockwise),
/// the same size; what comes in from outside is paper.
pub fn rotate(image: &Gray, degrees: f32) -> Gray {
    let (w, h) = (image.width, image.height);
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let mut out = Gray::blank(w, h);
    for y in 0..h {
        let dy = y as f32 + 0.5 - cy;
        for x in 0..w {
            let dx = x as f32 + 0.5 - cx;
            // The source of an output pixel: turned back by the angle (y grows downwards, so a
            // counter-clockwise turn on screen is clockwise in these coordinates).
            let sx = cos * dx - sin * dy + cx - 0.5;
            let sy = sin * dx + cos * dy + cy - 0.5;
            out.pixels[y * w + x] = bilinear(image, sx, sy);
        }
    }
    out
}

fn bilinear(image: &Gray, x: f32, y: f32) -> u8 {
    if x < 0.0 || y < 0.0 || x > (image.width - 1) as f32 || y > (image.height - 1) as f32 {
        return 255;
    }
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = (
        (x0 + 1).min(image.width - 1),
        (y0 + 1).min(image.height - 1),
    );
    let (tx, ty) = (x - x0 as f32, y - y0 as f32);
    let p = |x: usize, y: usize| image.at(x, y) as f32;
    let top = p(x0, y0) * (1.0 - tx) + p(x1, y0) * tx;
    let bottom = p(x0, y1) * (1.0 - tx) + p(x1, y1) * tx;
    (top * (1.0 - ty) + bottom * ty).round() as u8
}
