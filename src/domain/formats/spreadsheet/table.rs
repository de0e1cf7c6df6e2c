//! A file's text (UTF-8, or Windows-1252) read as a table of cells.

use super::*;

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Excel's "CSV" on Windows: every byte is a character.
    Windows1252,
}

/// The file's text: UTF-8 (a byte-order mark is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| cp1252(b)).collect(),
            Encoding::Windows1252,
        ),
    }
}

/// One Windows-1252 byte as a character (0x80–0x9F differ from Latin-1).
pub(super) fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The rows of a file: its header and each row with its line number in the file (a quoted cell
/// may hold line breaks, so rows and lines differ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads CSV text: the delimiter is a comma, a semicolon (spreadsheets where the decimal mark is a
/// comma) or a tab, whichever the header line uses most; quoted cells may hold delimiters, quotes
/// and line breaks.
pub fn read_table(text: &str) -> Result<Table, String> {
    // The csv crate counts a CRLF file's first data row as line 1 (an LF file's as line 2):
    // with line ends made LF, every row's line is the one a spreadsheet shows. A line break
    // inside a quoted cell becomes LF too, as the activity form would store it.
    let text = &text.replace("\r\n", "\n");
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .map_err(|e| format!("The first line could not be read as CSV headers ({e})."))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err("The file is empty: its first line should name the columns.".into());
    }
    let mut rows = Vec::new();
    for record in r.records() {
        let record = record.map_err(|e| match e.position() {
            Some(p) => format!(
                "Line {}: this row could not be read as CSV ({e}).",
                p.line()
            ),
            None => format!("A row could not be read as CSV ({e})."),
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        rows.push((line, record.iter().map(cell_text).collect()));
    }
    Ok(Table { headers, rows })
}
