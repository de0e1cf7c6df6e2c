//! Helpers shared by the native tests: PDFs made here, as the files the readers meet.
#![allow(dead_code)]

/// A one-page PDF (US letter, `landscape` or not) with the content `stream`, in Helvetica as
/// `/F1`: the objects, their offsets and the trailer a reader needs.
pub fn pdf_of_stream(stream: &str, landscape: bool) -> Vec<u8> {
    let size = if landscape {
        "0 0 792 612"
    } else {
        "0 0 612 792"
    };
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [{size}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut body = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(body.len());
        body.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = body.len();
    body.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for off in offsets {
        body.push_str(&format!("{off:010} 00000 n \n"));
    }
    body.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    body.into_bytes()
}

fn escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// A portrait page whose text layer holds `lines`, one under the other.
pub fn pdf_of_lines(lines: &[&str]) -> Vec<u8> {
    let mut stream = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
    for l in lines {
        stream.push_str(&format!("({}) Tj T*\n", escaped(l)));
    }
    stream.push_str("ET");
    pdf_of_stream(&stream, false)
}

/// A landscape page with text items placed at (x, y), each its own text object (as a table's
/// cells are).
pub fn pdf_of_cells(cells: &[(f32, f32, &str)]) -> Vec<u8> {
    let stream: String = cells
        .iter()
        .map(|(x, y, t)| format!("BT /F1 8 Tf {x} {y} Td ({}) Tj ET\n", escaped(t)))
        .collect();
    pdf_of_stream(&stream, true)
}
