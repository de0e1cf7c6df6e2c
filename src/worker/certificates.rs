//! Certificates read in the worker: a PDF's text layer, or a completion e-mail pasted in, for the
//! fields an activity needs (`domain::formats::certificate`). Nothing is saved unconfirmed.

use crate::worker::protocol::Response;

/// What a certificate PDF states (its text layer, read here in the worker). A PDF without a
/// text layer (a scan) states nothing: the form stays for the person to fill.
pub fn read_pdf(data: &str) -> Response {
    use base64::Engine;
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data.as_bytes()) else {
        return Response::Failed {
            message: "The file could not be read.".into(),
        };
    };
    let text = crate::domain::formats::pdf_text::text_of(&bytes).unwrap_or_default();
    Response::CertificateRead {
        fields: Box::new(crate::domain::formats::certificate::read(&text)),
    }
}

/// What a pasted certificate text or e-mail states.
pub fn read_text(text: &str) -> Response {
    Response::CertificateRead {
        fields: Box::new(crate::domain::formats::certificate::read(text)),
    }
}
