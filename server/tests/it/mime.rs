//! Just enough MIME reading for tests to find an email's headers and its PDF attachment.

use base64::Engine;

/// The value of a top-level header (first occurrence), unfolded.
pub fn header(message: &str, name: &str) -> Option<String> {
    let head = message.split("\r\n\r\n").next().unwrap_or(message);
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    unfolded.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}

/// The decoded body of the part whose `Content-Type` is `application/pdf`, and its filename
/// (joined from RFC 2231 `filename*0=`, `filename*1=`… pieces when split).
pub fn pdf_attachment(message: &str) -> (Vec<u8>, String) {
    let message = message.replace("\r\n", "\n");
    let mut parts = vec![];
    let mut current = String::new();
    for line in message.lines() {
        if line.starts_with("--") {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    parts.push(current);
    let (head, body) = parts
        .iter()
        .filter_map(|part| part.trim_start_matches('\n').split_once("\n\n"))
        .map(|(head, body)| (head.replace("\n ", " ").replace("\n\t", " "), body))
        .find(|(head, _)| head.contains("Content-Type: application/pdf"))
        .expect("the email has an application/pdf part");
    assert!(
        head.contains("Content-Transfer-Encoding: base64"),
        "attachment is base64: {head}"
    );
    let disposition = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))
        .expect("the attachment has a Content-Disposition");
    let filename: String = disposition
        .split(';')
        .filter_map(|param| {
            let (key, value) = param.trim().split_once('=')?;
            key.starts_with("filename")
                .then(|| value.trim().trim_matches('"').to_owned())
        })
        .collect();
    assert!(
        !filename.is_empty(),
        "the attachment has a filename: {head}"
    );
    let encoded: String = body.lines().map(str::trim).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("the attachment is valid base64");
    (bytes, filename)
}
