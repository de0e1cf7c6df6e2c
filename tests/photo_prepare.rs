//! A phone photo of a page, made ready for the text reader (domain::formats::photo): pages drawn
//! here as a phone sees them (lines of words tilted by a known angle, a shadow across the page,
//! noise), then checked for what the reader needs: level lines, white paper everywhere, black ink.

use cme_tracker::domain::formats::photo::{self, Gray};

/// A page of `lines` lines of words, tilted `degrees` counter-clockwise, lit from the right (the
/// left edge at `shadow` of full light), with noise of ±`noise` greys. Ink is 40, paper 235.
fn page(width: usize, height: usize, degrees: f32, shadow: f32, noise: i32) -> Gray {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (width as f32 / 2.0, height as f32 / 2.0);
    let mut seed = 0x2545_F491u32;
    let mut out = Gray::blank(width, height);
    for y in 0..height {
        for x in 0..width {
            // The point on the level page that the tilted photo shows here.
            let (dx, dy) = (x as f32 - cx, y as f32 - cy);
            let (px, py) = (cos * dx - sin * dy + cx, sin * dx + cos * dy + cy);
            let ink = is_ink(px, py, width as f32, height as f32);
            let light = shadow + (1.0 - shadow) * x as f32 / width as f32;
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let jitter = (seed % (2 * noise as u32 + 1)) as i32 - noise;
            let grey = if ink { 40.0 } else { 235.0 } * light;
            out.pixels[y * width + x] = (grey as i32 + jitter).clamp(0, 255) as u8;
        }
    }
    out
}

/// Lines of text in the middle of the page: 14 px high every 40 px, words 30–70 px long with
/// 12 px gaps; margins of an eighth of the page all round.
fn is_ink(x: f32, y: f32, width: f32, height: f32) -> bool {
    if x < width / 8.0 || x > width * 7.0 / 8.0 || y < height / 8.0 || y > height * 7.0 / 8.0 {
        return false;
    }
    let in_line = (y - height / 8.0).rem_euclid(40.0) < 14.0;
    let word = ((x - width / 8.0) / 82.0).floor();
    let along = (x - width / 8.0).rem_euclid(82.0);
    in_line && along < 30.0 + (word * 37.0).rem_euclid(40.0)
}

/// The share of black pixels in the left margin (paper only, in the shadow).
fn black_in_left_margin(image: &Gray) -> f64 {
    let (mut black, mut all) = (0usize, 0usize);
    for y in image.height / 4..image.height * 3 / 4 {
        for x in 4..image.width / 12 {
            all += 1;
            if image.at(x, y) == 0 {
                black += 1;
            }
        }
    }
    black as f64 / all as f64
}

#[test]
fn the_tilt_of_the_lines_is_found_to_a_tenth_of_a_degree() {
    for degrees in [-4.0f32, -1.5, 0.0, 0.8, 2.5, 6.0] {
        let found = photo::tilt_of(&page(900, 700, degrees, 1.0, 6));
        assert!(
            (found - degrees).abs() <= 0.1,
            "drawn at {degrees}°, found {found}°"
        );
    }
}

#[test]
fn a_shadowed_tilted_noisy_photo_becomes_a_level_page_of_black_ink_on_white() {
    let photo = page(1000, 760, 2.2, 0.45, 14);
    // Without evening the light, one threshold for the whole page blackens the shadowed paper.
    let naive = photo::black_on_white(&photo);
    assert!(
        black_in_left_margin(&naive) > 0.5,
        "the shadow is dark enough to matter"
    );

    let prepared = photo::prepare(&photo);
    assert!(
        (prepared.tilt_degrees - 2.2).abs() <= 0.1,
        "{}",
        prepared.tilt_degrees
    );
    let page = &prepared.page;
    assert_eq!((page.width, page.height), (1000, 760));
    assert!(
        page.pixels.iter().all(|&p| p == 0 || p == 255),
        "black and white only"
    );
    assert!(
        black_in_left_margin(page) < 0.005,
        "{}",
        black_in_left_margin(page)
    );
    assert!(
        photo::tilt_of(page).abs() <= 0.1,
        "levelled: {}",
        photo::tilt_of(page)
    );
    // The ink survives: about as much black as the level page has ink.
    let drawn = page_ink_share(1000, 760);
    let black = page.pixels.iter().filter(|&&p| p == 0).count() as f64 / page.pixels.len() as f64;
    assert!(
        (black - drawn).abs() < drawn * 0.25,
        "black {black}, ink drawn {drawn}"
    );
}

fn page_ink_share(width: usize, height: usize) -> f64 {
    let ink = (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .filter(|&(x, y)| is_ink(x as f32, y as f32, width as f32, height as f32))
        .count();
    ink as f64 / (width * height) as f64
}

#[test]
fn a_level_page_is_not_turned() {
    let prepared = photo::prepare(&page(800, 600, 0.0, 0.7, 8));
    assert_eq!(prepared.tilt_degrees, 0.0);
}

#[test]
fn a_blank_or_black_page_has_no_tilt_to_find() {
    assert_eq!(photo::tilt_of(&Gray::blank(400, 300)), 0.0);
    let black = Gray {
        width: 400,
        height: 300,
        pixels: vec![0; 400 * 300],
    };
    assert_eq!(photo::tilt_of(&black), 0.0);
}

#[test]
fn canvas_pixels_become_grey_and_a_pgm_file() {
    // Red, green, blue, white, and a transparent pixel (read as paper).
    let rgba = [
        255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0, 10, 10, 10,
        255,
    ];
    let grey = Gray::from_rgba(3, 2, &rgba).expect("six pixels");
    assert_eq!(grey.pixels, vec![76, 149, 29, 255, 255, 10]);
    assert_eq!(
        Gray::from_rgba(4, 2, &rgba),
        None,
        "the bytes do not fit the size"
    );
    assert_eq!(Gray::from_rgba(0, 0, &[]), None);
    let pgm = grey.to_pgm();
    assert!(pgm.starts_with(b"P5\n3 2\n255\n"));
    assert_eq!(&pgm[pgm.len() - 6..], &[76, 149, 29, 255, 255, 10]);
}

#[test]
fn rotating_there_and_back_keeps_the_page() {
    let level = page(600, 400, 0.0, 1.0, 0);
    let back = photo::rotate(&photo::rotate(&level, 3.0), -3.0);
    // Away from the corners (cut off by the first turn), the page is as it was, give or take
    // the blur of two interpolations.
    let mut differ = 0;
    for y in 60..340 {
        for x in 60..540 {
            if (level.at(x, y) as i32 - back.at(x, y) as i32).abs() > 100 {
                differ += 1;
            }
        }
    }
    assert!(differ < 280 * 480 / 100, "{differ} pixels changed");
}

#[test]
fn the_text_read_in_a_photo_becomes_fields_and_an_empty_reading_says_so() {
    use cme_tracker::worker::photos::fields_of;
    use cme_tracker::worker::protocol::Response;
    // As Tesseract returns a photographed certificate: lines, a stray mark from the page edge.
    let seen = "| Certificate of Completion\nCourse title: Acute Stroke Management\nCompletion date: February 20, 2026\nNorthwest Neurology Institute designates this live activity for a maximum of 0.75 AMA PRA Category 1 Credits™.\n\n";
    match fields_of("stroke.jpg", seen) {
        Response::PhotoRead { fields, text } => {
            assert_eq!(fields.title.as_deref(), Some("Acute Stroke Management"));
            assert_eq!(fields.credits.len(), 1);
            assert_eq!(fields.credits[0].1.display_short(), "0.75");
            assert!(text.starts_with("| Certificate") && text.ends_with("Credits™."));
        }
        other => panic!("{other:?}"),
    }
    match fields_of("blank.jpg", " \n\n ") {
        Response::Failed { message } => {
            assert!(
                message.contains("No text could be read in “blank.jpg”"),
                "{message}"
            )
        }
        other => panic!("{other:?}"),
    }
}
