//! The QR code each device shows face to face, drawn and read back as a camera would see it:
//! the drawn path filled into a picture (scaled, with the quiet zone, noise and a grey
//! background), then read by the worker's reader.

use cme_tracker::storage::sync::card::Card;
use cme_tracker::worker::qr::{draw, read};

/// The drawn path filled at `scale` pixels a module, dark modules at `ink`, light at `paper`.
fn picture(path: &str, size: usize, scale: usize, ink: u8, paper: u8) -> (usize, Vec<u8>) {
    let side = size * scale;
    let mut grey = vec![paper; side * side];
    // The path is "M{x} {y}h{w}v1h-{w}z", one run of dark modules a step.
    for step in path.split('M').filter(|s| !s.is_empty()) {
        let (xy, rest) = step.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let w: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        for py in y * scale..(y + 1) * scale {
            for px in x * scale..(x + w) * scale {
                grey[py * side + px] = ink;
            }
        }
    }
    (side, grey)
}

#[test]
fn a_card_drawn_as_a_qr_code_is_read_back() {
    let card = Card {
        answer: false,
        fingerprint: [0x5a; 32],
        ufrag: "Qy3v".into(),
        pwd: "kFj3ohW6XcE9Gq8q8xXnZ0aP".into(),
        candidates: vec![cme_tracker::storage::sync::card::Candidate {
            address: cme_tracker::storage::sync::card::Address::V4([192, 168, 1, 23]),
            port: 61021,
        }],
    };
    let code = card.encode();
    let drawn = draw(&code).unwrap();
    // Small enough for a phone's camera to catch at arm's length: version 7 or below.
    assert!(drawn.size <= 45 + 8, "{} modules", drawn.size);
    for (scale, ink, paper) in [(4, 0, 255), (3, 40, 200), (6, 90, 230)] {
        let (side, mut grey) = picture(&drawn.path, drawn.size, scale, ink, paper);
        // A little noise, as a camera gives.
        for (i, p) in grey.iter_mut().enumerate() {
            *p = p.saturating_add(((i * 7919) % 23) as u8);
        }
        let text = read(side, side, &grey).unwrap_or_else(|| panic!("not read at scale {scale}"));
        assert_eq!(Card::decode(&text).unwrap(), card);
    }
}

#[test]
fn a_picture_without_a_code_reads_nothing() {
    let grey: Vec<u8> = (0..200 * 150).map(|i| ((i * 31) % 256) as u8).collect();
    assert_eq!(read(200, 150, &grey), None);
    assert_eq!(read(0, 0, &[]), None);
    assert_eq!(read(10, 10, &[0; 5]), None);
}
