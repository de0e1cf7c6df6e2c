//! The text layer of a certificate PDF, for [`crate::domain::formats::certificate::read`]. Runs in the worker
//! (the page never calls it, so the PDF parser is not in the first download). A scanned PDF has
//! no text layer: the result is empty and the form stays for the person to fill.
//!
//! Read operator by operator rather than with `lopdf`'s own `extract_text`, which joins lines:
//! the certificate reader needs "Course title: …" and "Date of completion: …" on lines of their
//! own. Strings are decoded as UTF-16 when marked so, else as single-byte text (the standard
//! fonts certificates use); text in composite fonts comes from `extract_text` as a fallback.

use lopdf::{Document, Object};

/// The text of every page, in page order, a line per text line; `None` when the bytes are not a
/// PDF that opens.
pub fn text_of(bytes: &[u8]) -> Option<String> {
    let doc = Document::load_mem(bytes).ok()?;
    let mut out = String::new();
    for (_, page) in doc.get_pages() {
        let Ok(content) = doc.get_and_decode_page_content(page) else {
            continue;
        };
        for op in content.operations {
            match op.operator.as_str() {
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        newline(&mut out);
                    }
                    for o in &op.operands {
                        if let Object::String(b, _) = o {
                            out.push_str(&decode(b.as_slice()));
                        }
                    }
                }
                "TJ" => {
                    for o in &op.operands {
                        if let Object::Array(items) = o {
                            for item in items {
                                match item {
                                    Object::String(b, _) => out.push_str(&decode(b.as_slice())),
                                    // A wide negative adjustment is a space between words.
                                    Object::Integer(n) if *n < -200 => out.push(' '),
                                    Object::Real(n) if *n < -200.0 => out.push(' '),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                "T*" | "Td" | "TD" | "Tm" | "ET" => newline(&mut out),
                _ => {}
            }
        }
        newline(&mut out);
    }
    if out.trim().is_empty() {
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        return doc.extract_text(&pages).ok();
    }
    Some(out)
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn decode(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    // Single-byte text: Latin-1 covers the letters certificates use; ™ and ® are 0x99 and 0xAE
    // in WinAnsi.
    bytes
        .iter()
        .map(|b| match b {
            0x99 => '™',
            0x93 => '“',
            0x94 => '”',
            0x92 => '’',
            0x96 => '–',
            b => *b as char,
        })
        .collect()
}
